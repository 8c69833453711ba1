/* codec.h: base64url (RFC 4648 section 5, unpadded, as JOSE uses it) and base32 (RFC 4648 section 6, for TOTP). */
#ifndef WPLLM_CODEC_H
#define WPLLM_CODEC_H

#include <stddef.h>
#include "buf.h"

/* Appends the unpadded base64url form of in. Returns 0, or -1 when memory runs out. */
int wpllm_b64url_encode(wpllm_buf *out, const unsigned char *in, size_t len);

/* Strict decode: only the base64url alphabet, no padding, no white space, no length of 1 mod 4, and the unused
 * low bits of the last character must be zero (so each value has exactly one encoding). Appends to out.
 * Returns 0, -1 for invalid input, -2 when memory runs out. */
int wpllm_b64url_decode(wpllm_buf *out, const char *in, size_t len);

/* Appends the unpadded, upper-case base32 form of in. */
int wpllm_b32_encode(wpllm_buf *out, const unsigned char *in, size_t len);

/* Lenient where people are (case, spaces and hyphens between groups, padding present or not) and strict where
 * it matters: any other character, misplaced or wrong padding, or non-zero unused bits are refused.
 * Returns 0, -1 for invalid input, -2 when memory runs out. */
int wpllm_b32_decode(wpllm_buf *out, const char *in, size_t len);

#endif
