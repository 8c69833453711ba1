/* stream.h: the incremental decoder for streamed answers: NDJSON (one JSON value a line) and Server-Sent Events
 * (WHATWG rules: comments, multi-line data, named events, "[DONE]"). Bytes go in as they arrive, in pieces of any
 * size; each complete event comes out through a callback. It never holds more than one event. */
#ifndef WPLLM_STREAM_H
#define WPLLM_STREAM_H

#include <stddef.h>
#include "buf.h"
#include "error.h"

typedef enum { WPLLM_STREAM_UNKNOWN = 0, WPLLM_STREAM_NDJSON, WPLLM_STREAM_SSE } wpllm_stream_format;

#define WPLLM_STREAM_MAX_LINE (1024 * 1024)
#define WPLLM_STREAM_EVENT_MAX 64

/* event is "" for plain data (NDJSON lines, SSE "message" events) or the SSE event name ("error", ...).
 * data is one event's text (for JSON streams, one JSON value). Return 0 to go on, non-zero to stop. */
typedef int (*wpllm_stream_cb)(void *ctx, const char *event, const char *data, size_t len);

typedef struct {
	wpllm_stream_format format;
	wpllm_buf line;            /* a line not yet ended */
	wpllm_buf data;            /* SSE data lines of the event being read */
	char event[WPLLM_STREAM_EVENT_MAX + 1];
	int after_cr;              /* the last byte was CR: a following LF belongs to it */
	int started;               /* a byte-order mark is skipped only at the start */
	int done;                  /* "[DONE]" seen: later bytes are ignored */
	size_t max_line;
} wpllm_stream_decoder;

/* format may be WPLLM_STREAM_UNKNOWN: the first line decides (data:, event:, id:, retry: or ':' mean SSE). */
void wpllm_stream_init(wpllm_stream_decoder *d, wpllm_stream_format format);
void wpllm_stream_free(wpllm_stream_decoder *d);
/* The format for a Content-Type value (NULL or unknown: WPLLM_STREAM_UNKNOWN). */
wpllm_stream_format wpllm_stream_format_for(const char *content_type);

/* Returns 0, 1 when the callback asked to stop, or -1 with err set (a line over max_line: "chunk_too_large";
 * out of memory). */
int wpllm_stream_feed(wpllm_stream_decoder *d, const char *buf, size_t len, wpllm_stream_cb cb, void *ctx, wpllm_error *err);
/* The end of the body: an NDJSON last line without a newline is delivered; an unfinished SSE event is dropped. */
int wpllm_stream_finish(wpllm_stream_decoder *d, wpllm_stream_cb cb, void *ctx, wpllm_error *err);

#endif
