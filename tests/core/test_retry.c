/* test_retry.c: Retry-After parsing (all RFC 9110 forms, garbage, extremes) and the backoff schedule. */
#include "check.h"
#include "core/retry.h"

static long long ra(const char *v, long long now_ms)
{
	int64_t out = -12345;
	if (!wpllm_retry_after_parse(v, strlen(v), now_ms, &out)) {
		return -1;
	}
	return (long long)out;
}

static long long ra_ms(const char *v)
{
	int64_t out = -12345;
	if (!wpllm_retry_after_ms_parse(v, strlen(v), &out)) {
		return -1;
	}
	return (long long)out;
}

static long long date(const char *v)
{
	int64_t out = 0;
	if (!wpllm_http_date_parse(v, strlen(v), &out)) {
		return -1;
	}
	return (long long)out;
}

void test_retry(void)
{
	const long long now = 784111777000LL; /* Sun, 06 Nov 1994 08:49:37 GMT */
	wpllm_retry_input in;
	int64_t wait;

	/* delay-seconds */
	CHECK_EQ_LL(ra("120", now), 120000);
	CHECK_EQ_LL(ra("0", now), 0);
	CHECK_EQ_LL(ra("1.5", now), 1500);
	CHECK_EQ_LL(ra("0.25", now), 250);
	CHECK_EQ_LL(ra("0.0004", now), 0);
	CHECK_EQ_LL(ra(" 7 ", now), 7000);
	CHECK_EQ_LL(ra("99999999999999999999999999", now), WPLLM_RETRY_WAIT_CLAMP_MS);
	CHECK_EQ_LL(ra("18446744073709551617", now), WPLLM_RETRY_WAIT_CLAMP_MS);
	/* garbage and negatives are not a wait */
	CHECK_EQ_LL(ra("-1", now), -1);
	CHECK_EQ_LL(ra("-0.5", now), -1);
	CHECK_EQ_LL(ra("+3", now), -1);
	CHECK_EQ_LL(ra("", now), -1);
	CHECK_EQ_LL(ra("   ", now), -1);
	CHECK_EQ_LL(ra("abc", now), -1);
	CHECK_EQ_LL(ra("1e3", now), -1);
	CHECK_EQ_LL(ra("3s", now), -1);
	CHECK_EQ_LL(ra(".5", now), -1);
	CHECK_EQ_LL(ra("5.", now), -1);
	CHECK_EQ_LL(ra("0x10", now), -1);
	CHECK_EQ_LL(ra("NaN", now), -1);
	CHECK(wpllm_retry_after_parse(NULL, 0, now, &wait) == 0);

	/* HTTP-date, the three formats of RFC 9110 section 5.6.7 */
	CHECK_EQ_LL(date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777000LL);
	CHECK_EQ_LL(date("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777000LL);
	CHECK_EQ_LL(date("Sun Nov  6 08:49:37 1994"), 784111777000LL);
	CHECK_EQ_LL(date("Thu, 01 Jan 1970 00:00:00 GMT"), 0);
	CHECK_EQ_LL(date("Wed, 21 Oct 2015 07:28:00 GMT"), 1445412480000LL);
	CHECK_EQ_LL(date("Tue, 29 Feb 2028 12:00:00 GMT"), 1835438400000LL);
	CHECK_EQ_LL(date("Fri Dec 31 23:59:59 2049"), 2524607999000LL);
	CHECK_EQ_LL(date("Monday, 01-Jan-35 00:00:00 GMT"), 2051222400000LL); /* two-digit year below 70: 20xx */
	/* malformed dates */
	CHECK_EQ_LL(date("Sun, 31 Feb 2015 08:49:37 GMT"), -1);
	CHECK_EQ_LL(date("Sun, 29 Feb 2015 08:49:37 GMT"), -1);
	CHECK_EQ_LL(date("Sun, 06 Nov 1994 24:00:00 GMT"), -1);
	CHECK_EQ_LL(date("Sun, 06 Nov 1994 08:49:37 UTC"), -1);
	CHECK_EQ_LL(date("Sun, 06 Nov 1994 08:49:37"), -1);
	CHECK_EQ_LL(date("Sun, 6 Nov 1994 08:49:37 GMT"), -1);
	CHECK_EQ_LL(date("Sun, 06 Foo 1994 08:49:37 GMT"), -1);
	CHECK_EQ_LL(date("Sun, 06 Nov 1994 08:49:37 GMT trailing"), -1);
	CHECK_EQ_LL(date("Sundae, 06-Nov-94 08:49:37 GMT"), -1);
	CHECK_EQ_LL(date("Sun Nov 6 08:49:37 1994"), -1);

	/* Retry-After as a date: relative to now, a past date is 0 */
	CHECK_EQ_LL(ra("Sun, 06 Nov 1994 08:50:07 GMT", now), 30000);
	CHECK_EQ_LL(ra("Sun, 06 Nov 1994 08:49:37 GMT", now), 0);
	CHECK_EQ_LL(ra("Thu, 01 Jan 1970 00:00:00 GMT", now), 0);
	CHECK_EQ_LL(ra("Sunday, 06-Nov-94 08:51:37 GMT", now), 120000);
	CHECK_EQ_LL(ra("Sun Nov  6 09:49:37 1994", now), 3600000);

	/* retry-after-ms */
	CHECK_EQ_LL(ra_ms("250"), 250);
	CHECK_EQ_LL(ra_ms("0"), 0);
	CHECK_EQ_LL(ra_ms("12.6"), 13);
	CHECK_EQ_LL(ra_ms("-5"), -1);
	CHECK_EQ_LL(ra_ms("soon"), -1);
	CHECK_EQ_LL(ra_ms("123456789012345678901234567890"), WPLLM_RETRY_WAIT_CLAMP_MS);

	/* x-should-retry */
	CHECK_EQ_LL(wpllm_retry_header_override("true"), 1);
	CHECK_EQ_LL(wpllm_retry_header_override("FALSE"), 0);
	CHECK_EQ_LL(wpllm_retry_header_override("yes"), -1);
	CHECK_EQ_LL(wpllm_retry_header_override(NULL), -1);

	/* what is retryable */
	{
		static const long yes[] = {0, 408, 409, 429, 500, 502, 503, 504, 599};
		static const long no[] = {200, 400, 401, 402, 403, 404, 405, 413, 422, 451, 600};
		size_t i;
		for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
			CHECK(wpllm_retry_status_retryable(yes[i]));
		}
		for (i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
			CHECK(!wpllm_retry_status_retryable(no[i]));
		}
	}

	/* backoff: min(0.5 s x 2^n, 8 s) x (1 - 0.25 x r) */
	CHECK_EQ_LL(wpllm_retry_backoff_ms(0, 0.0), 500);
	CHECK_EQ_LL(wpllm_retry_backoff_ms(1, 0.0), 1000);
	CHECK_EQ_LL(wpllm_retry_backoff_ms(2, 0.0), 2000);
	CHECK_EQ_LL(wpllm_retry_backoff_ms(3, 0.0), 4000);
	CHECK_EQ_LL(wpllm_retry_backoff_ms(4, 0.0), 8000);
	CHECK_EQ_LL(wpllm_retry_backoff_ms(5, 0.0), 8000);
	CHECK_EQ_LL(wpllm_retry_backoff_ms(60, 0.0), 8000);
	CHECK_EQ_LL(wpllm_retry_backoff_ms(4000000000u, 0.0), 8000);
	CHECK_EQ_LL(wpllm_retry_backoff_ms(0, 0.5), 437);
	CHECK_EQ_LL(wpllm_retry_backoff_ms(1, 0.2), 950);
	CHECK_EQ_LL(wpllm_retry_backoff_ms(4, 0.999), 6002);
	CHECK_EQ_LL(wpllm_retry_backoff_ms(0, 1.0), 500);   /* out of range draws count as 0 */
	CHECK_EQ_LL(wpllm_retry_backoff_ms(0, -0.5), 500);

	/* a seeded schedule: a linear congruential source, reproducible */
	{
		unsigned long long seed = 42;
		static const long long expect[6] = {428, 943, 1793, 3369, 6639, 7947}; /* computed independently */
		long long got[6];
		unsigned n;
		for (n = 0; n < 6; n++) {
			double r;
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			r = (double)(seed >> 11) / 9007199254740992.0;
			got[n] = wpllm_retry_backoff_ms(n, r);
			CHECK(got[n] <= (n >= 4 ? 8000 : 500LL << n));
			CHECK(got[n] >= (n >= 4 ? 6000 : 375LL << n));
			CHECK_EQ_LL(got[n], expect[n]);
		}
	}

	/* decisions */
	memset(&in, 0, sizeof(in));
	in.max_retries = 2;
	in.max_retry_after_ms = 120000;
	in.server_wait_ms = -1;
	in.should_retry = -1;
	in.status = 503;
	CHECK_EQ_LL(wpllm_retry_decide(&in, &wait), WPLLM_RETRY_YES);
	CHECK_EQ_LL(wait, 500);
	in.retries_done = 1;
	CHECK_EQ_LL(wpllm_retry_decide(&in, &wait), WPLLM_RETRY_YES);
	CHECK_EQ_LL(wait, 1000);
	in.retries_done = 2;
	CHECK_EQ_LL(wpllm_retry_decide(&in, &wait), WPLLM_RETRY_NO); /* exhausted */
	in.retries_done = 0;
	in.status = 400;
	CHECK_EQ_LL(wpllm_retry_decide(&in, &wait), WPLLM_RETRY_NO);
	in.should_retry = 1;
	CHECK_EQ_LL(wpllm_retry_decide(&in, &wait), WPLLM_RETRY_YES); /* header overrides */
	in.status = 503;
	in.should_retry = 0;
	CHECK_EQ_LL(wpllm_retry_decide(&in, &wait), WPLLM_RETRY_NO);
	in.should_retry = -1;
	in.status = 429;
	in.server_wait_ms = 3000;
	CHECK_EQ_LL(wpllm_retry_decide(&in, &wait), WPLLM_RETRY_YES);
	CHECK_EQ_LL(wait, 3000);
	in.server_wait_ms = 120000;
	CHECK_EQ_LL(wpllm_retry_decide(&in, &wait), WPLLM_RETRY_YES);
	CHECK_EQ_LL(wait, 120000);
	in.server_wait_ms = 120001;
	CHECK_EQ_LL(wpllm_retry_decide(&in, &wait), WPLLM_RETRY_TOO_LONG);
	in.server_wait_ms = WPLLM_RETRY_WAIT_CLAMP_MS;
	CHECK_EQ_LL(wpllm_retry_decide(&in, &wait), WPLLM_RETRY_TOO_LONG);
	in.server_wait_ms = 0; /* zero: the backoff applies */
	CHECK_EQ_LL(wpllm_retry_decide(&in, &wait), WPLLM_RETRY_YES);
	CHECK_EQ_LL(wait, 500);
	in.status = 0; /* connection failure */
	in.server_wait_ms = -1;
	in.retries_done = 1;
	CHECK_EQ_LL(wpllm_retry_decide(&in, &wait), WPLLM_RETRY_YES);
	CHECK_EQ_LL(wait, 1000);
	in.max_retries = 0;
	in.retries_done = 0;
	CHECK_EQ_LL(wpllm_retry_decide(&in, &wait), WPLLM_RETRY_NO);
}
