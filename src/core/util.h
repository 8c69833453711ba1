/* util.h: small helpers of the core: randomness, identifiers, header checks, clocks. */
#ifndef WPLLM_UTIL_H
#define WPLLM_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Fills buf from the operating system's CSPRNG. Returns 0, or -1. */
int wpllm_random_bytes(void *buf, size_t len);

#define WPLLM_UUID_LEN 36
/* Writes a random (version 4) UUID and a NUL into out[WPLLM_UUID_LEN + 1]. Returns 0, or -1. */
int wpllm_uuid4(char *out);
/* The same from 16 random bytes the caller drew (so one draw can serve several identifiers). */
void wpllm_uuid4_format(const unsigned char r[16], char *out);

/* RFC 9110 token characters for a header name; non-empty. */
int wpllm_header_name_valid(const char *name, size_t len);
/* A header value: no CR, LF or NUL (nor other control bytes but tab). */
int wpllm_header_value_valid(const char *value, size_t len);

/* Milliseconds: a monotonic clock for durations, the wall clock for dates. */
int64_t wpllm_monotonic_ms(void);
int64_t wpllm_wall_ms(void);

/* Sleeps for ms milliseconds (resumes after signals). */
void wpllm_sleep_ms(int64_t ms);

/* Constant-time comparison of two equal-length byte strings: 1 when equal. */
int wpllm_ct_equal(const void *a, const void *b, size_t len);

#endif
