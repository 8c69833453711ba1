/* buf.c: growable byte buffer. */
#include "buf.h"

#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>

int wpllm_buf_reserve(wpllm_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (extra > (size_t)-1 - b->len - 1) {
		return -1;
	}
	need = b->len + extra + 1;
	if (need <= b->cap) {
		return 0;
	}
	cap = b->cap ? b->cap : 256;
	while (cap < need) {
		cap = cap > ((size_t)-1) / 2 ? need : cap * 2;
	}
	p = realloc(b->data, cap);
	if (p == NULL) {
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

int wpllm_buf_append(wpllm_buf *b, const char *s, size_t n)
{
	if (wpllm_buf_reserve(b, n) != 0) {
		return -1;
	}
	if (n) {
		memcpy(b->data + b->len, s, n);
	}
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

void wpllm_buf_reset(wpllm_buf *b)
{
	b->len = 0;
	if (b->data) {
		b->data[0] = '\0';
	}
}

void wpllm_buf_free(wpllm_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void wpllm_buf_wipe_free(wpllm_buf *b)
{
	if (b->data) {
		OPENSSL_cleanse(b->data, b->cap);
	}
	wpllm_buf_free(b);
}
