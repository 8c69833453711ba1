/* buf.h: a growable byte buffer for the PHP-free core (response bodies, header lines). */
#ifndef WPLLM_BUF_H
#define WPLLM_BUF_H

#include <stddef.h>

typedef struct {
	char *data;   /* always NUL-terminated when non-NULL */
	size_t len;
	size_t cap;
} wpllm_buf;

#define WPLLM_BUF_INIT {NULL, 0, 0}

/* Returns 0, or -1 when memory runs out (the buffer is left as it was). */
int wpllm_buf_append(wpllm_buf *b, const char *s, size_t n);
int wpllm_buf_reserve(wpllm_buf *b, size_t extra);
void wpllm_buf_reset(wpllm_buf *b);
void wpllm_buf_free(wpllm_buf *b);
/* Overwrites the contents before freeing: for buffers that held a secret. */
void wpllm_buf_wipe_free(wpllm_buf *b);

#endif
