/* totp.h: HOTP (RFC 4226) and TOTP (RFC 6238) with SHA-1/256/512 on the core's HMAC. */
#ifndef WPLLM_TOTP_H
#define WPLLM_TOTP_H

#include <stddef.h>
#include <stdint.h>
#include "sign.h"

#define WPLLM_TOTP_MIN_DIGITS 6
#define WPLLM_TOTP_MAX_DIGITS 10

/* The code for counter as `digits` decimal digits (zero-padded) plus NUL in out[WPLLM_TOTP_MAX_DIGITS + 1].
 * Returns 0, or -1 (bad digits, or OpenSSL failed). */
int wpllm_hotp(wpllm_hash h, const unsigned char *key, size_t key_len, uint64_t counter, int digits, char *out);

/* Finds the counter in [center - window, center + window] (never below `after` + 1 when after >= 0) whose code
 * equals `code`, comparing every candidate in constant time (all are computed, whichever matches).
 * Returns 1 and sets *matched, 0 when none matches, -1 on failure. */
int wpllm_totp_match(wpllm_hash h, const unsigned char *key, size_t key_len, const char *code, size_t code_len,
	int digits, uint64_t center, unsigned window, int64_t after, uint64_t *matched);

#endif
