/* check.h: a minimal assertion harness for the core's C unit tests (no PHP, no framework). */
#ifndef WPLLM_CHECK_H
#define WPLLM_CHECK_H

#include <stdio.h>
#include <string.h>

extern int check_passed, check_failed;

#define CHECK(cond) do { \
	if (cond) { check_passed++; } \
	else { check_failed++; fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

#define CHECK_EQ_LL(a, b) do { \
	long long _a = (long long)(a), _b = (long long)(b); \
	if (_a == _b) { check_passed++; } \
	else { check_failed++; fprintf(stderr, "FAIL %s:%d: %s == %s (%lld != %lld)\n", __FILE__, __LINE__, #a, #b, _a, _b); } \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *_a = (a), *_b = (b); \
	if (_a && _b && strcmp(_a, _b) == 0) { check_passed++; } \
	else { check_failed++; fprintf(stderr, "FAIL %s:%d: %s == \"%s\" (got \"%s\")\n", __FILE__, __LINE__, #a, _b ? _b : "(null)", _a ? _a : "(null)"); } \
} while (0)

void test_retry(void);
void test_url(void);
void test_error(void);
void test_sign(void);
void test_util(void);
void test_jwt(void);
void test_stream(void);

#endif
