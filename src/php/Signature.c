/* Signature.c: WPLLM\Signature: the service's request signature (X-Timestamp, X-Signature), for signing by hand
 * and for checking the service's webhooks. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_attributes.h"

#include "php_wpllm.h"
#include "exceptions.h"
#include "core/sign.h"
#include "core/util.h"
#include "Signature_arginfo.h"

ZEND_METHOD(WPLLM_Signature, __construct)
{
}

ZEND_METHOD(WPLLM_Signature, sign)
{
	zend_string *secret, *body;
	zend_long ts = 0;
	bool ts_null = true;
	char ts_out[24], sig[65];

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(secret)
		Z_PARAM_STR(body)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(ts, ts_null)
	ZEND_PARSE_PARAMETERS_END();

	if (ZSTR_LEN(secret) == 0) {
		zend_argument_value_error(1, "must not be empty");
		RETURN_THROWS();
	}
	if (!ts_null && ts < 0) {
		zend_argument_value_error(3, "must be greater than or equal to 0");
		RETURN_THROWS();
	}
	if (wpllm_sign_request(ZSTR_VAL(secret), ZSTR_LEN(secret), ts_null ? wpllm_wall_ms() : (int64_t)ts,
			ZSTR_VAL(body), ZSTR_LEN(body), ts_out, sig) != 0) {
		php_wpllm_throw_invalid_argument("Signing failed (OpenSSL)");
		RETURN_THROWS();
	}
	array_init_size(return_value, 2);
	add_assoc_string(return_value, "X-Timestamp", ts_out);
	add_assoc_string(return_value, "X-Signature", sig);
}

ZEND_METHOD(WPLLM_Signature, verify)
{
	zend_string *secret, *body, *timestamp, *signature;
	zend_long tolerance = 300;
	char ts_out[24], expect[65], given[65];
	int64_t ts = 0, now;
	size_t i;

	ZEND_PARSE_PARAMETERS_START(4, 5)
		Z_PARAM_STR(secret)
		Z_PARAM_STR(body)
		Z_PARAM_STR(timestamp)
		Z_PARAM_STR(signature)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(tolerance)
	ZEND_PARSE_PARAMETERS_END();

	if (ZSTR_LEN(secret) == 0) {
		zend_argument_value_error(1, "must not be empty");
		RETURN_THROWS();
	}
	if (tolerance < 0 || tolerance > 86400 * 366) {
		zend_argument_value_error(5, "must be between 0 and 31622400");
		RETURN_THROWS();
	}
	/* a timestamp is 1 to 19 digits; anything else (signs, spaces, exponents) cannot have been signed by us */
	if (ZSTR_LEN(timestamp) == 0 || ZSTR_LEN(timestamp) > 19 || ZSTR_LEN(signature) != 64) {
		RETURN_FALSE;
	}
	for (i = 0; i < ZSTR_LEN(timestamp); i++) {
		char c = ZSTR_VAL(timestamp)[i];
		if (c < '0' || c > '9') {
			RETURN_FALSE;
		}
		if (ts > (INT64_MAX - (c - '0')) / 10) {
			RETURN_FALSE;
		}
		ts = ts * 10 + (c - '0');
	}
	now = wpllm_wall_ms();
	if ((ts > now ? ts - now : now - ts) > (int64_t)tolerance * 1000) {
		RETURN_FALSE;
	}
	if (wpllm_sign_request(ZSTR_VAL(secret), ZSTR_LEN(secret), ts, ZSTR_VAL(body), ZSTR_LEN(body), ts_out, expect) != 0) {
		php_wpllm_throw_invalid_argument("Verification failed (OpenSSL)");
		RETURN_THROWS();
	}
	/* the decimal form we signed must be the one given (no leading zeros smuggled in) */
	if (strcmp(ts_out, ZSTR_VAL(timestamp)) != 0) {
		RETURN_FALSE;
	}
	for (i = 0; i < 64; i++) {
		char c = ZSTR_VAL(signature)[i];
		given[i] = (c >= 'A' && c <= 'F') ? (char)(c - 'A' + 'a') : c;
	}
	given[64] = '\0';
	RETURN_BOOL(wpllm_ct_equal(expect, given, 64));
}

void php_wpllm_signature_init_ce(void)
{
	register_class_WPLLM_Signature();
}
