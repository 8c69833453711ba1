/* retry.h: what is retried, how long to wait, and the parsing of the server's wait hints. */
#ifndef WPLLM_RETRY_H
#define WPLLM_RETRY_H

#include <stddef.h>
#include <stdint.h>

/* Waits are clamped here so no arithmetic on them can overflow (about 31 years). */
#define WPLLM_RETRY_WAIT_CLAMP_MS ((int64_t)1000 * 1000 * 1000 * 1000)
#define WPLLM_RETRY_BASE_MS 500
#define WPLLM_RETRY_MAX_BACKOFF_MS 8000

/* Retry-After (RFC 9110 section 10.2.3): delay-seconds (a fraction is accepted) or an HTTP-date in any of the
 * three formats (IMF-fixdate, RFC 850, asctime). now_ms is the wall clock. A date in the past gives 0.
 * Returns 1 and sets *out_ms, or 0 when the value is not one of those forms (negative numbers included). */
int wpllm_retry_after_parse(const char *value, size_t len, int64_t now_ms, int64_t *out_ms);

/* retry-after-ms: a non-negative number of milliseconds. Returns 1 and sets *out_ms, or 0. */
int wpllm_retry_after_ms_parse(const char *value, size_t len, int64_t *out_ms);

/* Parses an HTTP-date into milliseconds since the epoch. Returns 1, or 0. */
int wpllm_http_date_parse(const char *value, size_t len, int64_t *out_ms);

/* x-should-retry: 1 for "true", 0 for "false", -1 when absent or anything else. */
int wpllm_retry_header_override(const char *value);

/* Connection failures (status 0), 408, 409, 429 and every 5xx. */
int wpllm_retry_status_retryable(long status);

/* min(0.5 s x 2^n, 8 s) x (1 - 0.25 x unit_random), n = retries already made, unit_random in [0, 1). */
int64_t wpllm_retry_backoff_ms(unsigned n, double unit_random);

typedef struct {
	long status;                 /* 0: no response (connection failure or timeout) */
	int should_retry;            /* wpllm_retry_header_override() of the answer, -1 when absent */
	int64_t server_wait_ms;      /* the first usable hint: retry-after-ms, Retry-After, body; -1 none */
	unsigned retries_done;       /* retries already made for this call */
	unsigned max_retries;
	int64_t max_retry_after_ms;
	double unit_random;          /* in [0, 1) */
} wpllm_retry_input;

typedef enum {
	WPLLM_RETRY_NO = 0,       /* final: not retryable, or retries exhausted */
	WPLLM_RETRY_YES = 1,      /* wait *wait_ms, then try again */
	WPLLM_RETRY_TOO_LONG = 2  /* the server asked for a wait above max_retry_after: final, at once */
} wpllm_retry_decision;

wpllm_retry_decision wpllm_retry_decide(const wpllm_retry_input *in, int64_t *wait_ms);

#endif
