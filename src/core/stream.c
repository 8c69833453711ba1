/* stream.c: NDJSON and SSE framing. Lines end at LF, CR or CRLF (a CRLF split across two reads is one end). */
#include "stream.h"

#include <string.h>
#include <strings.h>

void wpllm_stream_init(wpllm_stream_decoder *d, wpllm_stream_format format)
{
	memset(d, 0, sizeof(*d));
	d->format = format;
	d->max_line = WPLLM_STREAM_MAX_LINE;
}

void wpllm_stream_free(wpllm_stream_decoder *d)
{
	wpllm_buf_free(&d->line);
	wpllm_buf_free(&d->data);
}

wpllm_stream_format wpllm_stream_format_for(const char *ct)
{
	if (ct == NULL) {
		return WPLLM_STREAM_UNKNOWN;
	}
	if (strncasecmp(ct, "text/event-stream", 17) == 0) {
		return WPLLM_STREAM_SSE;
	}
	if (strncasecmp(ct, "application/x-ndjson", 20) == 0 || strncasecmp(ct, "application/jsonl", 17) == 0
		|| strncasecmp(ct, "application/ndjson", 18) == 0 || strncasecmp(ct, "application/json", 16) == 0) {
		return WPLLM_STREAM_NDJSON;
	}
	return WPLLM_STREAM_UNKNOWN;
}

static int is_blank(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		if (s[i] != ' ' && s[i] != '\t') {
			return 0;
		}
	}
	return 1;
}

static int dispatch_sse(wpllm_stream_decoder *d, wpllm_stream_cb cb, void *ctx)
{
	int rc = 0;
	if (d->data.len > 0) {
		size_t n = d->data.len - 1; /* the data buffer ends with the LF after its last line: drop it */
		if (n == 6 && memcmp(d->data.data, "[DONE]", 6) == 0) {
			d->done = 1;
		} else {
			rc = cb(ctx, d->event, d->data.data, n);
		}
	}
	wpllm_buf_reset(&d->data);
	d->event[0] = '\0';
	return rc;
}

static int line_sse(wpllm_stream_decoder *d, const char *s, size_t n, wpllm_stream_cb cb, void *ctx, wpllm_error *err)
{
	const char *colon;
	size_t flen;
	const char *v;
	size_t vlen;

	if (n == 0) {
		return dispatch_sse(d, cb, ctx);
	}
	if (s[0] == ':') {
		return 0; /* a comment: keep-alive */
	}
	colon = memchr(s, ':', n);
	flen = colon ? (size_t)(colon - s) : n;
	v = colon ? colon + 1 : s + n;
	vlen = colon ? n - flen - 1 : 0;
	if (vlen && *v == ' ') {
		v++;
		vlen--;
	}
	if (flen == 4 && memcmp(s, "data", 4) == 0) {
		if (d->data.len + vlen + 1 > d->max_line) {
			wpllm_error_set(err, WPLLM_E_CONNECTION, "chunk_too_large", "A streamed event is larger than %zu bytes", d->max_line);
			return -1;
		}
		if (wpllm_buf_append(&d->data, v, vlen) != 0 || wpllm_buf_append(&d->data, "\n", 1) != 0) {
			wpllm_error_set(err, WPLLM_E_MEMORY, "out_of_memory", "Out of memory");
			return -1;
		}
	} else if (flen == 5 && memcmp(s, "event", 5) == 0) {
		if (vlen > WPLLM_STREAM_EVENT_MAX) {
			vlen = WPLLM_STREAM_EVENT_MAX;
		}
		memcpy(d->event, v, vlen);
		d->event[vlen] = '\0';
	}
	/* id, retry and unknown fields are ignored, as the WHATWG rules say */
	return 0;
}

static int line_ndjson(wpllm_stream_decoder *d, const char *s, size_t n, wpllm_stream_cb cb, void *ctx)
{
	if (is_blank(s, n)) {
		return 0;
	}
	if (n == 6 && memcmp(s, "[DONE]", 6) == 0) {
		d->done = 1;
		return 0;
	}
	return cb(ctx, "", s, n);
}

static int line(wpllm_stream_decoder *d, const char *s, size_t n, wpllm_stream_cb cb, void *ctx, wpllm_error *err)
{
	if (d->format == WPLLM_STREAM_UNKNOWN) {
		if (is_blank(s, n)) {
			return 0;
		}
		d->format = (s[0] == ':' || (n >= 5 && (memcmp(s, "data:", 5) == 0 || memcmp(s, "event", 5) == 0))
			|| (n >= 3 && memcmp(s, "id:", 3) == 0) || (n >= 6 && memcmp(s, "retry:", 6) == 0))
			? WPLLM_STREAM_SSE : WPLLM_STREAM_NDJSON;
	}
	return d->format == WPLLM_STREAM_SSE ? line_sse(d, s, n, cb, ctx, err) : line_ndjson(d, s, n, cb, ctx);
}

int wpllm_stream_feed(wpllm_stream_decoder *d, const char *buf, size_t len, wpllm_stream_cb cb, void *ctx, wpllm_error *err)
{
	size_t i = 0, start;
	int rc;

	if (!d->started && len > 0) {
		d->started = 1;
		if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
			i = 3;
		}
	}
	while (i < len && !d->done) {
		if (d->after_cr) {
			d->after_cr = 0;
			if (buf[i] == '\n') {
				i++;
				continue;
			}
		}
		start = i;
		while (i < len && buf[i] != '\n' && buf[i] != '\r') {
			i++;
		}
		if (d->line.len + (i - start) > d->max_line) {
			wpllm_error_set(err, WPLLM_E_CONNECTION, "chunk_too_large", "A streamed line is longer than %zu bytes", d->max_line);
			return -1;
		}
		if (i == len) {
			/* no line end yet: keep the piece for the next read */
			if (wpllm_buf_append(&d->line, buf + start, i - start) != 0) {
				wpllm_error_set(err, WPLLM_E_MEMORY, "out_of_memory", "Out of memory");
				return -1;
			}
			break;
		}
		if (buf[i] == '\r') {
			d->after_cr = 1;
		}
		if (d->line.len) {
			if (wpllm_buf_append(&d->line, buf + start, i - start) != 0) {
				wpllm_error_set(err, WPLLM_E_MEMORY, "out_of_memory", "Out of memory");
				return -1;
			}
			rc = line(d, d->line.data, d->line.len, cb, ctx, err);
			wpllm_buf_reset(&d->line);
		} else {
			rc = line(d, buf + start, i - start, cb, ctx, err);
		}
		i++;
		if (rc != 0) {
			return rc;
		}
	}
	return 0;
}

int wpllm_stream_finish(wpllm_stream_decoder *d, wpllm_stream_cb cb, void *ctx, wpllm_error *err)
{
	int rc = 0;
	if (d->done) {
		return 0;
	}
	/* WHATWG: an SSE event not ended by a blank line before the end is discarded; an NDJSON stream's last
	 * line needs no newline */
	if (d->line.len && d->format != WPLLM_STREAM_SSE) {
		rc = line(d, d->line.data, d->line.len, cb, ctx, err);
	}
	wpllm_buf_reset(&d->line);
	wpllm_buf_reset(&d->data);
	return rc;
}
