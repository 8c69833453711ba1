/* retry.c: the retry policy. Pure functions of their inputs (the random draw and the clock are passed in),
 * so the schedule is unit-tested exactly. */
#include "retry.h"

#include <string.h>
#include <strings.h>

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static void trim(const char **v, size_t *len)
{
	while (*len && (**v == ' ' || **v == '\t')) {
		(*v)++;
		(*len)--;
	}
	while (*len && ((*v)[*len - 1] == ' ' || (*v)[*len - 1] == '\t')) {
		(*len)--;
	}
}

/* A non-negative decimal number with an optional fraction, scaled by `scale` (1000 for seconds to ms),
 * clamped to WPLLM_RETRY_WAIT_CLAMP_MS. */
static int parse_number(const char *v, size_t len, int64_t scale, int64_t *out)
{
	size_t i = 0;
	int64_t whole = 0, frac = 0, frac_div = 1;
	int clamped = 0;

	trim(&v, &len);
	if (len == 0 || !is_digit(v[0])) {
		return 0; /* a sign, a dot first, or nothing */
	}
	for (; i < len && is_digit(v[i]); i++) {
		if (whole > WPLLM_RETRY_WAIT_CLAMP_MS) {
			clamped = 1;
		} else {
			whole = whole * 10 + (v[i] - '0');
		}
	}
	if (i < len && v[i] == '.') {
		size_t start = ++i;
		for (; i < len && is_digit(v[i]); i++) {
			if (frac_div < 1000000) {
				frac = frac * 10 + (v[i] - '0');
				frac_div *= 10;
			}
		}
		if (i == start) {
			return 0;
		}
	}
	if (i != len) {
		return 0;
	}
	if (clamped || whole > WPLLM_RETRY_WAIT_CLAMP_MS / scale) {
		*out = WPLLM_RETRY_WAIT_CLAMP_MS;
	} else {
		*out = whole * scale + (frac * scale + frac_div / 2) / frac_div;
	}
	return 1;
}

int wpllm_retry_after_ms_parse(const char *value, size_t len, int64_t *out_ms)
{
	return value ? parse_number(value, len, 1, out_ms) : 0;
}

static const char *const months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const wkdays[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
static const char *const weekdays[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

static int match_word(const char **p, const char *end, const char *const *words, int n, int exact_len)
{
	int i;
	for (i = 0; i < n; i++) {
		size_t wl = strlen(words[i]);
		if ((size_t)(end - *p) >= wl && memcmp(*p, words[i], wl) == 0) {
			if (exact_len && (size_t)(end - *p) > wl && ((*p)[wl] >= 'a' && (*p)[wl] <= 'z')) {
				continue;
			}
			*p += wl;
			return i;
		}
	}
	return -1;
}

static int lit(const char **p, const char *end, const char *s)
{
	size_t l = strlen(s);
	if ((size_t)(end - *p) < l || memcmp(*p, s, l) != 0) {
		return 0;
	}
	*p += l;
	return 1;
}

static int digits(const char **p, const char *end, int n, int *out)
{
	int v = 0, i;
	if (end - *p < n) {
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (!is_digit((*p)[i])) {
			return 0;
		}
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 1;
}

static int hms(const char **p, const char *end, int *h, int *m, int *s)
{
	return digits(p, end, 2, h) && lit(p, end, ":") && digits(p, end, 2, m) && lit(p, end, ":") && digits(p, end, 2, s);
}

/* Days since the epoch of a proleptic Gregorian date (Howard Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static int valid_date(int y, int mon, int d, int h, int mi, int s)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (mon < 0 || mon > 11 || d < 1 || d > mdays[mon] || (mon == 1 && !leap && d > 28)) {
		return 0;
	}
	return h <= 23 && mi <= 59 && s <= 60; /* 60: a leap second, as RFC 5322 allows */
}

int wpllm_http_date_parse(const char *value, size_t len, int64_t *out_ms)
{
	const char *p, *end;
	int d = 0, mon, y = 0, h, mi, s;

	if (value == NULL) {
		return 0;
	}
	trim(&value, &len);
	p = value;
	end = value + len;

	if (match_word(&p, end, weekdays, 7, 1) >= 0) {
		/* RFC 850: Sunday, 06-Nov-94 08:49:37 GMT */
		if (!lit(&p, end, ", ") || !digits(&p, end, 2, &d) || !lit(&p, end, "-")
			|| (mon = match_word(&p, end, months, 12, 0)) < 0 || !lit(&p, end, "-")
			|| !digits(&p, end, 2, &y) || !lit(&p, end, " ") || !hms(&p, end, &h, &mi, &s)
			|| !lit(&p, end, " GMT") || p != end) {
			return 0;
		}
		/* RFC 9110: a two-digit year more than 50 years in the future is in the past century; 19xx/20xx here */
		y += y < 70 ? 2000 : 1900;
	} else if (match_word(&p, end, wkdays, 7, 0) >= 0) {
		if (lit(&p, end, ", ")) {
			/* IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT */
			if (!digits(&p, end, 2, &d) || !lit(&p, end, " ") || (mon = match_word(&p, end, months, 12, 0)) < 0
				|| !lit(&p, end, " ") || !digits(&p, end, 4, &y) || !lit(&p, end, " ")
				|| !hms(&p, end, &h, &mi, &s) || !lit(&p, end, " GMT") || p != end) {
				return 0;
			}
		} else if (lit(&p, end, " ")) {
			/* asctime: Sun Nov  6 08:49:37 1994 */
			if ((mon = match_word(&p, end, months, 12, 0)) < 0 || !lit(&p, end, " ")) {
				return 0;
			}
			if (p < end && *p == ' ') {
				p++;
				if (!digits(&p, end, 1, &d)) {
					return 0;
				}
			} else if (!digits(&p, end, 2, &d)) {
				return 0;
			}
			if (!lit(&p, end, " ") || !hms(&p, end, &h, &mi, &s) || !lit(&p, end, " ")
				|| !digits(&p, end, 4, &y) || p != end) {
				return 0;
			}
		} else {
			return 0;
		}
	} else {
		return 0;
	}
	if (!valid_date(y, mon, d, h, mi, s)) {
		return 0;
	}
	*out_ms = (days_from_civil(y, (unsigned)mon + 1, (unsigned)d) * 86400 + h * 3600 + mi * 60 + s) * 1000;
	return 1;
}

int wpllm_retry_after_parse(const char *value, size_t len, int64_t now_ms, int64_t *out_ms)
{
	int64_t at;

	if (value == NULL) {
		return 0;
	}
	if (parse_number(value, len, 1000, out_ms)) {
		return 1;
	}
	if (!wpllm_http_date_parse(value, len, &at)) {
		return 0;
	}
	*out_ms = at > now_ms ? at - now_ms : 0;
	if (*out_ms > WPLLM_RETRY_WAIT_CLAMP_MS) {
		*out_ms = WPLLM_RETRY_WAIT_CLAMP_MS;
	}
	return 1;
}

int wpllm_retry_header_override(const char *value)
{
	if (value == NULL) {
		return -1;
	}
	if (strcasecmp(value, "true") == 0) {
		return 1;
	}
	if (strcasecmp(value, "false") == 0) {
		return 0;
	}
	return -1;
}

int wpllm_retry_status_retryable(long status)
{
	return status == 0 || status == 408 || status == 409 || status == 429 || (status >= 500 && status <= 599);
}

int64_t wpllm_retry_backoff_ms(unsigned n, double unit_random)
{
	int64_t base = n >= 5 ? WPLLM_RETRY_MAX_BACKOFF_MS : (int64_t)WPLLM_RETRY_BASE_MS << n;
	if (base > WPLLM_RETRY_MAX_BACKOFF_MS) {
		base = WPLLM_RETRY_MAX_BACKOFF_MS;
	}
	if (!(unit_random >= 0.0) || unit_random >= 1.0) {
		unit_random = 0.0;
	}
	return (int64_t)((double)base * (1.0 - 0.25 * unit_random));
}

wpllm_retry_decision wpllm_retry_decide(const wpllm_retry_input *in, int64_t *wait_ms)
{
	int retryable = in->should_retry >= 0 ? in->should_retry : wpllm_retry_status_retryable(in->status);

	*wait_ms = 0;
	if (!retryable) {
		return WPLLM_RETRY_NO;
	}
	if (in->server_wait_ms > in->max_retry_after_ms) {
		return WPLLM_RETRY_TOO_LONG;
	}
	if (in->retries_done >= in->max_retries) {
		return WPLLM_RETRY_NO;
	}
	if (in->server_wait_ms > 0) {
		*wait_ms = in->server_wait_ms;
	} else {
		*wait_ms = wpllm_retry_backoff_ms(in->retries_done, in->unit_random);
	}
	return WPLLM_RETRY_YES;
}
