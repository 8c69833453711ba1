/* totp.c: one-time passwords. The comparison loop touches every candidate so timing says nothing about
 * which one matched, or whether any did. */
#include "totp.h"
#include "util.h"

#include <string.h>
#include <openssl/crypto.h>

static const uint64_t dec_pow[WPLLM_TOTP_MAX_DIGITS + 1] = {
	1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull, 100000000ull, 1000000000ull,
	10000000000ull
};

int wpllm_hotp(wpllm_hash h, const unsigned char *key, size_t key_len, uint64_t counter, int digits, char *out)
{
	unsigned char msg[8], mac[WPLLM_HMAC_MAX];
	size_t mac_len = 0, off;
	const void *parts[1] = {msg};
	size_t lens[1] = {sizeof(msg)};
	uint64_t bin;
	int i;

	if (digits < WPLLM_TOTP_MIN_DIGITS || digits > WPLLM_TOTP_MAX_DIGITS) {
		return -1;
	}
	for (i = 7; i >= 0; i--) {
		msg[i] = (unsigned char)(counter & 0xff);
		counter >>= 8;
	}
	if (wpllm_hmac(h, key, key_len, parts, lens, 1, mac, &mac_len) != 0) {
		return -1;
	}
	/* RFC 4226 section 5.3: dynamic truncation */
	off = mac[mac_len - 1] & 0x0f;
	bin = ((uint64_t)(mac[off] & 0x7f) << 24) | ((uint64_t)mac[off + 1] << 16) | ((uint64_t)mac[off + 2] << 8) | mac[off + 3];
	bin %= dec_pow[digits];
	for (i = digits - 1; i >= 0; i--) {
		out[i] = (char)('0' + bin % 10);
		bin /= 10;
	}
	out[digits] = '\0';
	OPENSSL_cleanse(mac, sizeof(mac));
	return 0;
}

int wpllm_totp_match(wpllm_hash h, const unsigned char *key, size_t key_len, const char *code, size_t code_len,
	int digits, uint64_t center, unsigned window, int64_t after, uint64_t *matched)
{
	char candidate[WPLLM_TOTP_MAX_DIGITS + 1];
	uint64_t c, lo = center >= window ? center - window : 0, hi = center + window, found = 0;
	unsigned char any = 0;

	if (hi < center) {
		hi = UINT64_MAX;
	}
	if (code_len != (size_t)digits) {
		return 0; /* the length is public: the number of digits is part of the configuration */
	}
	for (c = lo;; c++) {
		unsigned char eq, allowed;
		if (wpllm_hotp(h, key, key_len, c, digits, candidate) != 0) {
			return -1;
		}
		eq = (unsigned char)(CRYPTO_memcmp(candidate, code, code_len) == 0);
		allowed = (unsigned char)(after < 0 || c > (uint64_t)after);
		/* keep the first allowed match without branching on the secret comparison */
		{
			unsigned char take = (unsigned char)(eq & allowed & (unsigned char)(any ^ 1));
			uint64_t mask = (uint64_t)0 - (uint64_t)take;
			found = (found & ~mask) | (c & mask);
			any |= take;
		}
		if (c == hi) {
			break;
		}
	}
	OPENSSL_cleanse(candidate, sizeof(candidate));
	if (any) {
		*matched = found;
		return 1;
	}
	return 0;
}
