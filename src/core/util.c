/* util.c: randomness, identifiers, header checks, clocks. */
#include "util.h"

#include <errno.h>
#include <string.h>
#include <time.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#ifdef __linux__
#include <sys/random.h>
#endif

int wpllm_random_bytes(void *buf, size_t len)
{
#ifdef __linux__
	unsigned char *p = buf;
	while (len > 0) {
		ssize_t n = getrandom(p, len, 0);
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			break;
		}
		p += n;
		len -= (size_t)n;
	}
	if (len == 0) {
		return 0;
	}
	buf = p;
#endif
	return RAND_bytes(buf, (int)len) == 1 ? 0 : -1;
}

void wpllm_uuid4_format(const unsigned char r[16], char *out)
{
	static const char hex[] = "0123456789abcdef";
	int i, o = 0;

	for (i = 0; i < 16; i++) {
		unsigned char b = r[i];
		if (i == 6) {
			b = (unsigned char)((b & 0x0f) | 0x40); /* version 4 */
		} else if (i == 8) {
			b = (unsigned char)((b & 0x3f) | 0x80); /* RFC 4122 variant */
		}
		if (i == 4 || i == 6 || i == 8 || i == 10) {
			out[o++] = '-';
		}
		out[o++] = hex[b >> 4];
		out[o++] = hex[b & 15];
	}
	out[o] = '\0';
}

int wpllm_uuid4(char *out)
{
	unsigned char r[16];

	if (wpllm_random_bytes(r, sizeof(r)) != 0) {
		return -1;
	}
	wpllm_uuid4_format(r, out);
	return 0;
}

int wpllm_header_name_valid(const char *name, size_t len)
{
	size_t i;
	if (len == 0) {
		return 0;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
			|| strchr("!#$%&'*+-.^_`|~", c) != NULL) || c == 0) {
			return 0;
		}
	}
	return 1;
}

int wpllm_header_value_valid(const char *value, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)value[i];
		if ((c < 0x20 && c != '\t') || c == 0x7f) {
			return 0;
		}
	}
	return 1;
}

int64_t wpllm_monotonic_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t wpllm_wall_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void wpllm_sleep_ms(int64_t ms)
{
	struct timespec req, rem;
	if (ms <= 0) {
		return;
	}
	req.tv_sec = (time_t)(ms / 1000);
	req.tv_nsec = (long)(ms % 1000) * 1000000L;
	while (nanosleep(&req, &rem) != 0 && errno == EINTR) {
		req = rem;
	}
}

int wpllm_ct_equal(const void *a, const void *b, size_t len)
{
	return CRYPTO_memcmp(a, b, len) == 0;
}
