/* sign.h: HMAC (RFC 2104) on OpenSSL EVP digests, and the service's request signature. */
#ifndef WPLLM_SIGN_H
#define WPLLM_SIGN_H

#include <stddef.h>
#include <stdint.h>

typedef enum { WPLLM_SHA1, WPLLM_SHA256, WPLLM_SHA384, WPLLM_SHA512 } wpllm_hash;

#define WPLLM_HMAC_MAX 64

/* The digest for h (fetched once per process under OpenSSL 3). */
const struct evp_md_st *wpllm_md(wpllm_hash h);

/* HMAC over the concatenation of up to `n` parts. Writes the MAC to out and its length to *out_len.
 * Returns 0, or -1 when OpenSSL fails. */
int wpllm_hmac(wpllm_hash h, const void *key, size_t key_len, const void *const *parts, const size_t *part_lens,
	size_t n, unsigned char *out, size_t *out_len);

/* An HMAC key made ready once: the digest states after the key's inner and outer pads, so each MAC skips
 * hashing the two pad blocks again (a third of the work for a short message). */
typedef struct {
	wpllm_hash hash;
	void *inner;   /* EVP_MD_CTX */
	void *outer;
} wpllm_hmac_state;

int wpllm_hmac_state_init(wpllm_hmac_state *st, wpllm_hash h, const void *key, size_t key_len);
int wpllm_hmac_state_mac(const wpllm_hmac_state *st, const void *const *parts, const size_t *part_lens, size_t n,
	unsigned char *out, size_t *out_len);
void wpllm_hmac_state_free(wpllm_hmac_state *st);

/* The request signature with a ready key. */
int wpllm_sign_request_state(const wpllm_hmac_state *st, int64_t ts_ms, const char *body, size_t body_len,
	char ts_out[24], char sig_hex[65]);

/* X-Signature for a request: lowercase hex HMAC-SHA256(secret, timestamp . body).
 * ts_out gets the decimal milliseconds (at most 20 digits + NUL), sig_hex 64 hex digits + NUL. */
int wpllm_sign_request(const char *secret, size_t secret_len, int64_t ts_ms, const char *body, size_t body_len,
	char ts_out[24], char sig_hex[65]);

void wpllm_hex(const unsigned char *in, size_t len, char *out);

#endif
