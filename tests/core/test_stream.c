/* test_stream.c: the NDJSON/SSE decoder, fed whole and byte by byte. */
#include "check.h"
#include "core/stream.h"

typedef struct {
	char out[4096];
	int events;
	int stop_after;
} sink;

static int collect(void *ctx, const char *event, const char *data, size_t len)
{
	sink *s = ctx;
	size_t n = strlen(s->out);
	snprintf(s->out + n, sizeof(s->out) - n, "[%s|%.*s]", event, (int)len, data);
	s->events++;
	return s->stop_after && s->events >= s->stop_after;
}

/* feeds the input in pieces of `step` bytes (0: whole) and returns what came out */
static const char *run(wpllm_stream_format f, const char *in, size_t step, int *rc_out)
{
	static sink s;
	wpllm_stream_decoder d;
	wpllm_error err;
	size_t len = strlen(in), i;
	int rc = 0;

	memset(&s, 0, sizeof(s));
	wpllm_error_init(&err);
	wpllm_stream_init(&d, f);
	if (step == 0) {
		step = len ? len : 1;
	}
	for (i = 0; i < len && rc == 0; i += step) {
		rc = wpllm_stream_feed(&d, in + i, i + step > len ? len - i : step, collect, &s, &err);
	}
	if (rc == 0) {
		rc = wpllm_stream_finish(&d, collect, &s, &err);
	}
	if (rc < 0) {
		snprintf(s.out, sizeof(s.out), "error:%s", err.code);
	}
	if (rc_out) {
		*rc_out = rc;
	}
	wpllm_stream_free(&d);
	wpllm_error_clear(&err);
	return s.out;
}

void test_stream(void)
{
	const char *nd = "{\"a\":1}\n{\"a\":2}\r\n\n  \n{\"a\":3}";
	const char *sse = "retry: 100\n: keep-alive\r\ndata: {\"a\":1}\n\nevent: error\ndata: {\"error\":\n"
		"data: {\"code\":\"x\"}}\r\n\r\nid: 7\ndata:{\"a\":3}\r\rdata: [DONE]\n\ndata: {\"after\":1}\n\n";
	const char *nd_expect = "[|{\"a\":1}][|{\"a\":2}][|{\"a\":3}]";
	const char *sse_expect = "[|{\"a\":1}][error|{\"error\":\n{\"code\":\"x\"}}][|{\"a\":3}]";
	size_t step;
	int rc;

	for (step = 0; step <= 7; step++) {
		CHECK_STR(run(WPLLM_STREAM_NDJSON, nd, step, NULL), nd_expect);
		CHECK_STR(run(WPLLM_STREAM_UNKNOWN, nd, step, NULL), nd_expect);
		CHECK_STR(run(WPLLM_STREAM_SSE, sse, step, NULL), sse_expect);
		CHECK_STR(run(WPLLM_STREAM_UNKNOWN, sse, step, NULL), sse_expect);
	}
	/* a byte-order mark, CR-only line ends, an NDJSON [DONE] */
	CHECK_STR(run(WPLLM_STREAM_UNKNOWN, "\xEF\xBB\xBF{\"b\":1}\r{\"b\":2}\r[DONE]\r{\"c\":3}\r", 0, NULL), "[|{\"b\":1}][|{\"b\":2}]");
	/* SSE: an event without its blank line at the end is dropped; data without a space; empty data */
	CHECK_STR(run(WPLLM_STREAM_SSE, "data:x\n\ndata: unfinished", 0, NULL), "[|x]");
	CHECK_STR(run(WPLLM_STREAM_SSE, "data\n\ndata:\n\n", 0, NULL), "[|][|]");
	CHECK_STR(run(WPLLM_STREAM_SSE, "event: ping\n\n", 0, NULL), "");
	CHECK_STR(run(WPLLM_STREAM_SSE, "data: a\ndata: b\n\n", 1, NULL), "[|a\nb]");
	/* the callback can stop the stream */
	{
		static sink s;
		wpllm_stream_decoder d;
		wpllm_error err;
		memset(&s, 0, sizeof(s));
		s.stop_after = 1;
		wpllm_error_init(&err);
		wpllm_stream_init(&d, WPLLM_STREAM_NDJSON);
		CHECK_EQ_LL(wpllm_stream_feed(&d, "1\n2\n3\n", 6, collect, &s, &err), 1);
		CHECK_EQ_LL(s.events, 1);
		wpllm_stream_free(&d);
	}
	/* a line over the cap, whole or in pieces */
	{
		static char big[WPLLM_STREAM_MAX_LINE + 16];
		memset(big, 'x', sizeof(big) - 2);
		big[sizeof(big) - 2] = '\n';
		big[sizeof(big) - 1] = '\0';
		CHECK_STR(run(WPLLM_STREAM_NDJSON, big, 0, &rc), "error:chunk_too_large");
		CHECK_EQ_LL(rc, -1);
		CHECK_STR(run(WPLLM_STREAM_NDJSON, big, 65536, &rc), "error:chunk_too_large");
		memcpy(big, "data: ", 6);
		CHECK_STR(run(WPLLM_STREAM_SSE, big, 4096, &rc), "error:chunk_too_large");
	}
	CHECK_EQ_LL(wpllm_stream_format_for("text/event-stream; charset=utf-8"), WPLLM_STREAM_SSE);
	CHECK_EQ_LL(wpllm_stream_format_for("application/x-ndjson"), WPLLM_STREAM_NDJSON);
	CHECK_EQ_LL(wpllm_stream_format_for("text/plain"), WPLLM_STREAM_UNKNOWN);
	CHECK_EQ_LL(wpllm_stream_format_for(NULL), WPLLM_STREAM_UNKNOWN);
}
