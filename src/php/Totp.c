/* Totp.c: WPLLM\Totp: RFC 6238 codes, constant-time verification with a replay guard, secrets and Key URIs. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_attributes.h"
#include "zend_smart_str.h"
#include "ext/standard/url.h"

#include <openssl/crypto.h>

#include "php_wpllm.h"
#include "exceptions.h"
#include "core/buf.h"
#include "core/codec.h"
#include "core/totp.h"
#include "core/util.h"
#include "Totp_arginfo.h"

#define MAX_WINDOW 10

typedef struct {
	wpllm_hash hash;
	const char *hash_name;
	zend_long digits;
	zend_long period;
	zend_long window;
	zend_long after;      /* -1: none */
	zend_long time;
	bool has_time;
} totp_options;

/* `allowed` is a bit set: 1 window, 2 after, 4 time */
static zend_result parse_options(HashTable *ht, totp_options *o, uint32_t allowed, uint32_t arg)
{
	zend_string *key;
	zval *v;

	o->hash = WPLLM_SHA1;
	o->hash_name = "SHA1";
	o->digits = 6;
	o->period = 30;
	o->window = 1;
	o->after = -1;
	o->time = 0;
	o->has_time = false;
	if (ht == NULL) {
		return SUCCESS;
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(ht, key, v) {
		ZVAL_DEREF(v);
		if (key && zend_string_equals_literal(key, "digits")) {
			if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < WPLLM_TOTP_MIN_DIGITS || Z_LVAL_P(v) > 8) {
				php_wpllm_throw_invalid_argument("Option \"digits\" must be an int from 6 to 8");
				return FAILURE;
			}
			o->digits = Z_LVAL_P(v);
		} else if (key && zend_string_equals_literal(key, "period")) {
			if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < 1 || Z_LVAL_P(v) > 3600) {
				php_wpllm_throw_invalid_argument("Option \"period\" must be an int from 1 to 3600 seconds");
				return FAILURE;
			}
			o->period = Z_LVAL_P(v);
		} else if (key && zend_string_equals_literal(key, "algorithm")) {
			if (Z_TYPE_P(v) == IS_STRING && zend_string_equals_literal_ci(Z_STR_P(v), "sha1")) {
				o->hash = WPLLM_SHA1;
				o->hash_name = "SHA1";
			} else if (Z_TYPE_P(v) == IS_STRING && zend_string_equals_literal_ci(Z_STR_P(v), "sha256")) {
				o->hash = WPLLM_SHA256;
				o->hash_name = "SHA256";
			} else if (Z_TYPE_P(v) == IS_STRING && zend_string_equals_literal_ci(Z_STR_P(v), "sha512")) {
				o->hash = WPLLM_SHA512;
				o->hash_name = "SHA512";
			} else {
				php_wpllm_throw_invalid_argument("Option \"algorithm\" must be sha1, sha256 or sha512");
				return FAILURE;
			}
		} else if (key && (allowed & 1) && zend_string_equals_literal(key, "window")) {
			if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < 0 || Z_LVAL_P(v) > MAX_WINDOW) {
				php_wpllm_throw_invalid_argument("Option \"window\" must be an int from 0 to %d", MAX_WINDOW);
				return FAILURE;
			}
			o->window = Z_LVAL_P(v);
		} else if (key && (allowed & 2) && zend_string_equals_literal(key, "after")) {
			if (Z_TYPE_P(v) == IS_NULL) {
				o->after = -1;
			} else if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < 0) {
				php_wpllm_throw_invalid_argument("Option \"after\" must be null or a counter (an int >= 0)");
				return FAILURE;
			} else {
				o->after = Z_LVAL_P(v);
			}
		} else if (key && (allowed & 4) && zend_string_equals_literal(key, "time")) {
			if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < 0) {
				php_wpllm_throw_invalid_argument("Option \"time\" must be a Unix time (an int >= 0)");
				return FAILURE;
			}
			o->time = Z_LVAL_P(v);
			o->has_time = true;
		} else {
			php_wpllm_throw_invalid_argument("Unknown option \"%s\" (argument #%u); allowed: digits, period, algorithm%s%s%s",
				key ? ZSTR_VAL(key) : "(integer key)", arg, (allowed & 1) ? ", window" : "", (allowed & 2) ? ", after" : "",
				(allowed & 4) ? ", time" : "");
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

/* the secret's bytes; the caller wipes and frees the buffer */
static zend_result decode_secret(zend_string *secret, wpllm_buf *out)
{
	int rc = wpllm_b32_decode(out, ZSTR_VAL(secret), ZSTR_LEN(secret));
	if (rc == -2) {
		zend_throw_error(NULL, "Out of memory");
		return FAILURE;
	}
	if (rc != 0 || memchr(ZSTR_VAL(secret), '\0', ZSTR_LEN(secret))) {
		/* the message never repeats the secret */
		php_wpllm_throw_invalid_argument("The secret is not valid base32 (RFC 4648: A-Z, 2-7, optional '=' padding)");
		return FAILURE;
	}
	if (out->len < 10) {
		php_wpllm_throw_invalid_argument("The secret is too short: at least 80 bits (16 base32 characters), 160 recommended");
		return FAILURE;
	}
	return SUCCESS;
}

static int64_t now_or(const totp_options *o, bool has_explicit, zend_long explicit_time)
{
	if (has_explicit) {
		return explicit_time;
	}
	return o->has_time ? o->time : wpllm_wall_ms() / 1000;
}

ZEND_METHOD(WPLLM_Totp, __construct)
{
}

ZEND_METHOD(WPLLM_Totp, generate)
{
	zend_string *secret;
	zend_long time = 0;
	bool time_null = true;
	HashTable *options = NULL;
	totp_options o;
	wpllm_buf key = WPLLM_BUF_INIT;
	char code[WPLLM_TOTP_MAX_DIGITS + 1];
	int64_t t;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_STR(secret)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(time, time_null)
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	if (parse_options(options, &o, 0, 3) == FAILURE) {
		RETURN_THROWS();
	}
	if (!time_null && time < 0) {
		zend_argument_value_error(2, "must be a Unix time (>= 0)");
		RETURN_THROWS();
	}
	if (decode_secret(secret, &key) == FAILURE) {
		wpllm_buf_wipe_free(&key);
		RETURN_THROWS();
	}
	t = now_or(&o, !time_null, time);
	if (wpllm_hotp(o.hash, (unsigned char *)key.data, key.len, (uint64_t)(t / o.period), (int)o.digits, code) != 0) {
		wpllm_buf_wipe_free(&key);
		php_wpllm_throw_invalid_argument("Computing the code failed (OpenSSL)");
		RETURN_THROWS();
	}
	wpllm_buf_wipe_free(&key);
	RETVAL_STRINGL(code, (size_t)o.digits);
	OPENSSL_cleanse(code, sizeof(code));
}

/* 1 matched (counter in *m), 0 not, -1 exception thrown */
static int do_match(INTERNAL_FUNCTION_PARAMETERS, uint64_t *m)
{
	zend_string *secret, *code;
	HashTable *options = NULL;
	totp_options o;
	wpllm_buf key = WPLLM_BUF_INIT;
	int rc;
	size_t i;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(secret)
		Z_PARAM_STR(code)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END_EX(return -1);

	if (parse_options(options, &o, 1 | 2 | 4, 3) == FAILURE) {
		return -1;
	}
	if (decode_secret(secret, &key) == FAILURE) {
		wpllm_buf_wipe_free(&key);
		return -1;
	}
	/* a code of the wrong shape is simply wrong: users type codes, so it is false, not an exception */
	for (i = 0; i < ZSTR_LEN(code); i++) {
		if (ZSTR_VAL(code)[i] < '0' || ZSTR_VAL(code)[i] > '9') {
			wpllm_buf_wipe_free(&key);
			return 0;
		}
	}
	rc = wpllm_totp_match(o.hash, (unsigned char *)key.data, key.len, ZSTR_VAL(code), ZSTR_LEN(code), (int)o.digits,
		(uint64_t)(now_or(&o, false, 0) / o.period), (unsigned)o.window, o.after, m);
	wpllm_buf_wipe_free(&key);
	if (rc < 0) {
		php_wpllm_throw_invalid_argument("Computing the code failed (OpenSSL)");
		return -1;
	}
	return rc;
}

ZEND_METHOD(WPLLM_Totp, verify)
{
	uint64_t m = 0;
	int rc = do_match(INTERNAL_FUNCTION_PARAM_PASSTHRU, &m);
	if (rc < 0) {
		RETURN_THROWS();
	}
	RETURN_BOOL(rc == 1);
}

ZEND_METHOD(WPLLM_Totp, match)
{
	uint64_t m = 0;
	int rc = do_match(INTERNAL_FUNCTION_PARAM_PASSTHRU, &m);
	if (rc < 0) {
		RETURN_THROWS();
	}
	if (rc == 0) {
		RETURN_NULL();
	}
	RETURN_LONG((zend_long)m);
}

ZEND_METHOD(WPLLM_Totp, randomSecret)
{
	zend_long bytes = 20;
	unsigned char raw[64];
	wpllm_buf out = WPLLM_BUF_INIT;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(bytes)
	ZEND_PARSE_PARAMETERS_END();

	if (bytes < 16 || bytes > 64) {
		zend_argument_value_error(1, "must be between 16 and 64 (RFC 4226 asks for at least 128 bits)");
		RETURN_THROWS();
	}
	if (wpllm_random_bytes(raw, (size_t)bytes) != 0 || wpllm_b32_encode(&out, raw, (size_t)bytes) != 0) {
		OPENSSL_cleanse(raw, sizeof(raw));
		wpllm_buf_wipe_free(&out);
		zend_throw_error(NULL, "The system's random source failed");
		RETURN_THROWS();
	}
	OPENSSL_cleanse(raw, sizeof(raw));
	RETVAL_STRINGL(out.data, out.len);
	wpllm_buf_wipe_free(&out);
}

ZEND_METHOD(WPLLM_Totp, uri)
{
	zend_string *secret, *label, *issuer, *e;
	HashTable *options = NULL;
	totp_options o;
	wpllm_buf key = WPLLM_BUF_INIT, norm = WPLLM_BUF_INIT;
	smart_str s = {0};

	ZEND_PARSE_PARAMETERS_START(3, 4)
		Z_PARAM_STR(secret)
		Z_PARAM_STR(label)
		Z_PARAM_STR(issuer)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	if (parse_options(options, &o, 0, 4) == FAILURE) {
		RETURN_THROWS();
	}
	if (ZSTR_LEN(label) == 0 || memchr(ZSTR_VAL(label), ':', ZSTR_LEN(label))) {
		zend_argument_value_error(2, "must be a non-empty account name without ':'");
		RETURN_THROWS();
	}
	if (ZSTR_LEN(issuer) == 0 || memchr(ZSTR_VAL(issuer), ':', ZSTR_LEN(issuer))) {
		zend_argument_value_error(3, "must be a non-empty issuer without ':'");
		RETURN_THROWS();
	}
	if (decode_secret(secret, &key) == FAILURE || wpllm_b32_encode(&norm, (unsigned char *)key.data, key.len) != 0) {
		wpllm_buf_wipe_free(&key);
		wpllm_buf_wipe_free(&norm);
		RETURN_THROWS();
	}
	wpllm_buf_wipe_free(&key);
	/* Key URI format: otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=ISSUER&algorithm=...&digits=...&period=... */
	smart_str_appends(&s, "otpauth://totp/");
	e = php_raw_url_encode(ZSTR_VAL(issuer), ZSTR_LEN(issuer));
	smart_str_append(&s, e);
	smart_str_appendc(&s, ':');
	zend_string_release(e);
	e = php_raw_url_encode(ZSTR_VAL(label), ZSTR_LEN(label));
	smart_str_append(&s, e);
	zend_string_release(e);
	smart_str_appends(&s, "?secret=");
	smart_str_appendl(&s, norm.data, norm.len);
	smart_str_appends(&s, "&issuer=");
	e = php_raw_url_encode(ZSTR_VAL(issuer), ZSTR_LEN(issuer));
	smart_str_append(&s, e);
	zend_string_release(e);
	smart_str_appends(&s, "&algorithm=");
	smart_str_appends(&s, o.hash_name);
	smart_str_appends(&s, "&digits=");
	smart_str_append_long(&s, o.digits);
	smart_str_appends(&s, "&period=");
	smart_str_append_long(&s, o.period);
	smart_str_0(&s);
	wpllm_buf_wipe_free(&norm);
	RETURN_STR(s.s);
}

void php_wpllm_totp_init_ce(void)
{
	register_class_WPLLM_Totp();
}
