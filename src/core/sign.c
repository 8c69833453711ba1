/* sign.c: HMAC written on EVP digests (not HMAC_CTX, deprecated in OpenSSL 3, nor EVP_MAC, absent in 1.1.1),
 * so one code path serves every supported OpenSSL; and the request signature built on it. */
#include "sign.h"

#include <stdio.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

/* OpenSSL 3 looks a digest up by name on every init of an implicitly fetched EVP_sha256(): thousands of
 * instructions a time. The explicitly fetched digests are kept for the life of the process instead. */
const EVP_MD *wpllm_md(wpllm_hash h)
{
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
	static const char *const names[4] = {"SHA1", "SHA256", "SHA384", "SHA512"};
	static EVP_MD *fetched[4];
	EVP_MD *md, *expected = NULL;

	if ((unsigned)h > WPLLM_SHA512) {
		return NULL;
	}
	md = __atomic_load_n(&fetched[h], __ATOMIC_ACQUIRE);
	if (md) {
		return md;
	}
	md = EVP_MD_fetch(NULL, names[h], NULL);
	if (md == NULL) {
		return NULL;
	}
	if (!__atomic_compare_exchange_n(&fetched[h], &expected, md, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		EVP_MD_free(md); /* another thread got there first */
		md = expected;
	}
	return md;
#else
	switch (h) {
		case WPLLM_SHA1: return EVP_sha1();
		case WPLLM_SHA256: return EVP_sha256();
		case WPLLM_SHA384: return EVP_sha384();
		case WPLLM_SHA512: return EVP_sha512();
	}
	return NULL;
#endif
}

static const EVP_MD *md_for(wpllm_hash h, size_t *block)
{
	*block = (h == WPLLM_SHA384 || h == WPLLM_SHA512) ? 128 : 64;
	return wpllm_md(h);
}

int wpllm_hmac(wpllm_hash h, const void *key, size_t key_len, const void *const *parts, const size_t *part_lens,
	size_t n, unsigned char *out, size_t *out_len)
{
	size_t block = 0, i;
	const EVP_MD *md = md_for(h, &block);
	unsigned char k[128], pad[128], inner[EVP_MAX_MD_SIZE];
	unsigned int inner_len = 0, outer_len = 0;
	EVP_MD_CTX *ctx;
	int ok = 0;

	if (md == NULL || (ctx = EVP_MD_CTX_new()) == NULL) {
		return -1;
	}
	memset(k, 0, sizeof(k));
	if (key_len > block) {
		unsigned int kl = 0;
		if (!EVP_Digest(key, key_len, k, &kl, md, NULL)) {
			goto done;
		}
	} else if (key_len) {
		memcpy(k, key, key_len);
	}
	for (i = 0; i < block; i++) {
		pad[i] = k[i] ^ 0x36;
	}
	if (!EVP_DigestInit_ex(ctx, md, NULL) || !EVP_DigestUpdate(ctx, pad, block)) {
		goto done;
	}
	for (i = 0; i < n; i++) {
		if (part_lens[i] && !EVP_DigestUpdate(ctx, parts[i], part_lens[i])) {
			goto done;
		}
	}
	if (!EVP_DigestFinal_ex(ctx, inner, &inner_len)) {
		goto done;
	}
	for (i = 0; i < block; i++) {
		pad[i] = k[i] ^ 0x5c;
	}
	if (!EVP_DigestInit_ex(ctx, md, NULL) || !EVP_DigestUpdate(ctx, pad, block)
		|| !EVP_DigestUpdate(ctx, inner, inner_len) || !EVP_DigestFinal_ex(ctx, out, &outer_len)) {
		goto done;
	}
	*out_len = outer_len;
	ok = 1;
done:
	OPENSSL_cleanse(k, sizeof(k));
	OPENSSL_cleanse(pad, sizeof(pad));
	OPENSSL_cleanse(inner, sizeof(inner));
	EVP_MD_CTX_free(ctx);
	return ok ? 0 : -1;
}

void wpllm_hex(const unsigned char *in, size_t len, char *out)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;
	for (i = 0; i < len; i++) {
		out[2 * i] = hex[in[i] >> 4];
		out[2 * i + 1] = hex[in[i] & 15];
	}
	out[2 * len] = '\0';
}


int wpllm_hmac_state_init(wpllm_hmac_state *st, wpllm_hash h, const void *key, size_t key_len)
{
	size_t block = 0, i;
	const EVP_MD *md = md_for(h, &block);
	unsigned char k[128], pad[128];
	unsigned int kl = 0;
	EVP_MD_CTX *in = NULL, *out = NULL;

	memset(st, 0, sizeof(*st));
	if (md == NULL || (in = EVP_MD_CTX_new()) == NULL || (out = EVP_MD_CTX_new()) == NULL) {
		EVP_MD_CTX_free(in);
		return -1;
	}
	memset(k, 0, sizeof(k));
	if (key_len > block) {
		if (!EVP_Digest(key, key_len, k, &kl, md, NULL)) {
			goto fail;
		}
	} else if (key_len) {
		memcpy(k, key, key_len);
	}
	for (i = 0; i < block; i++) {
		pad[i] = k[i] ^ 0x36;
	}
	if (!EVP_DigestInit_ex(in, md, NULL) || !EVP_DigestUpdate(in, pad, block)) {
		goto fail;
	}
	for (i = 0; i < block; i++) {
		pad[i] = k[i] ^ 0x5c;
	}
	if (!EVP_DigestInit_ex(out, md, NULL) || !EVP_DigestUpdate(out, pad, block)) {
		goto fail;
	}
	OPENSSL_cleanse(k, sizeof(k));
	OPENSSL_cleanse(pad, sizeof(pad));
	st->hash = h;
	st->inner = in;
	st->outer = out;
	return 0;
fail:
	OPENSSL_cleanse(k, sizeof(k));
	OPENSSL_cleanse(pad, sizeof(pad));
	EVP_MD_CTX_free(in);
	EVP_MD_CTX_free(out);
	return -1;
}

int wpllm_hmac_state_mac(const wpllm_hmac_state *st, const void *const *parts, const size_t *part_lens, size_t n,
	unsigned char *out, size_t *out_len)
{
	unsigned char inner[EVP_MAX_MD_SIZE];
	unsigned int inner_len = 0, outer_len = 0;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	size_t i;
	int ok = 0;

	if (ctx == NULL || st->inner == NULL) {
		EVP_MD_CTX_free(ctx);
		return -1;
	}
	if (!EVP_MD_CTX_copy_ex(ctx, st->inner)) {
		goto done;
	}
	for (i = 0; i < n; i++) {
		if (part_lens[i] && !EVP_DigestUpdate(ctx, parts[i], part_lens[i])) {
			goto done;
		}
	}
	if (!EVP_DigestFinal_ex(ctx, inner, &inner_len) || !EVP_MD_CTX_copy_ex(ctx, st->outer)
		|| !EVP_DigestUpdate(ctx, inner, inner_len) || !EVP_DigestFinal_ex(ctx, out, &outer_len)) {
		goto done;
	}
	*out_len = outer_len;
	ok = 1;
done:
	OPENSSL_cleanse(inner, sizeof(inner));
	EVP_MD_CTX_free(ctx);
	return ok ? 0 : -1;
}

void wpllm_hmac_state_free(wpllm_hmac_state *st)
{
	/* EVP_MD_CTX_free cleanses the digest state, which holds the key's pads */
	EVP_MD_CTX_free(st->inner);
	EVP_MD_CTX_free(st->outer);
	memset(st, 0, sizeof(*st));
}

/* timestamp . body, signed with a ready key (st) or a plain secret: the lowercase hex MAC */
static int sign_request(const wpllm_hmac_state *st, const char *secret, size_t secret_len, int64_t ts_ms,
	const char *body, size_t body_len, char ts_out[24], char sig_hex[65])
{
	unsigned char mac[WPLLM_HMAC_MAX];
	size_t mac_len = 0;
	const void *parts[2];
	size_t lens[2];
	int n = snprintf(ts_out, 24, "%lld", (long long)ts_ms), rc;

	if (n <= 0 || n >= 24) {
		return -1;
	}
	parts[0] = ts_out;
	lens[0] = (size_t)n;
	parts[1] = body;
	lens[1] = body ? body_len : 0;
	rc = st ? wpllm_hmac_state_mac(st, parts, lens, 2, mac, &mac_len)
		: wpllm_hmac(WPLLM_SHA256, secret, secret_len, parts, lens, 2, mac, &mac_len);
	if (rc == 0) {
		wpllm_hex(mac, mac_len, sig_hex);
	}
	OPENSSL_cleanse(mac, sizeof(mac));
	return rc;
}

int wpllm_sign_request(const char *secret, size_t secret_len, int64_t ts_ms, const char *body, size_t body_len,
	char ts_out[24], char sig_hex[65])
{
	return sign_request(NULL, secret, secret_len, ts_ms, body, body_len, ts_out, sig_hex);
}

int wpllm_sign_request_state(const wpllm_hmac_state *st, int64_t ts_ms, const char *body, size_t body_len,
	char ts_out[24], char sig_hex[65])
{
	return sign_request(st, NULL, 0, ts_ms, body, body_len, ts_out, sig_hex);
}
