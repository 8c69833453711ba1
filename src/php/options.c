/* options.c: option keys and aliases, environment, php.ini, defaults, and their validation.
 * Messages name the option, what it must be and what was given (never a secret's value). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "SAPI.h"
#include "zend_smart_str.h"
#include "ext/standard/php_string.h"

#include <curl/curl.h>
#include <openssl/crypto.h>
#include <math.h>

#include "php_wpllm.h"
#include "options.h"
#include "exceptions.h"
#include "core/url.h"
#include "core/util.h"

#define DEFAULT_BASE_URL "https://api.wp-llm.com"
#define DEFAULT_MODEL "wp-llm-13b"
#define MAX_TIMEOUT_S 86400.0

typedef enum {
	OPT_API_KEY, OPT_AUTH_HEADER, OPT_BASE_URL, OPT_MODEL, OPT_TIMEOUT, OPT_CONNECT_TIMEOUT, OPT_MAX_RETRIES,
	OPT_SIGNING_SECRET, OPT_JWT, OPT_OAUTH, OPT_LDAP, OPT_SAML, OPT_AUDIT_LOGGING, OPT_HEADERS, OPT_USER_AGENT,
	OPT_CA_BUNDLE, OPT_PROXY, OPT_MAX_RESPONSE_BYTES, OPT_MAX_RETRY_AFTER, OPT_STREAM_IDLE_TIMEOUT, OPT_PERSISTENT,
	OPT__COUNT
} opt_id;

static const struct {
	const char *name;
	const char *alias;
	bool later; /* part of the contract, not in this version yet */
} opts[OPT__COUNT] = {
	[OPT_API_KEY] = {"api_key", "apiKey", false},
	[OPT_AUTH_HEADER] = {"auth_header", "authHeader", false},
	[OPT_BASE_URL] = {"base_url", "baseURL", false},
	[OPT_MODEL] = {"model", NULL, false},
	[OPT_TIMEOUT] = {"timeout", NULL, false},
	[OPT_CONNECT_TIMEOUT] = {"connect_timeout", "connectTimeout", false},
	[OPT_MAX_RETRIES] = {"max_retries", "maxRetries", false},
	[OPT_SIGNING_SECRET] = {"signing_secret", "signingSecret", false},
	[OPT_JWT] = {"jwt", NULL, false},
	[OPT_OAUTH] = {"oauth", NULL, true},
	[OPT_LDAP] = {"ldap", NULL, true},
	[OPT_SAML] = {"saml", NULL, true},
	[OPT_AUDIT_LOGGING] = {"audit_logging", "auditLogging", true},
	[OPT_HEADERS] = {"headers", NULL, false},
	[OPT_USER_AGENT] = {"user_agent", "userAgent", false},
	[OPT_CA_BUNDLE] = {"ca_bundle", "caBundle", false},
	[OPT_PROXY] = {"proxy", NULL, false},
	[OPT_MAX_RESPONSE_BYTES] = {"max_response_bytes", "maxResponseBytes", false},
	[OPT_MAX_RETRY_AFTER] = {"max_retry_after", "maxRetryAfter", false},
	[OPT_STREAM_IDLE_TIMEOUT] = {"stream_idle_timeout", "streamIdleTimeout", false},
	[OPT_PERSISTENT] = {"persistent", NULL, false},
};

static zend_string *allowed_list(void)
{
	smart_str s = {0};
	int i;
	for (i = 0; i < OPT__COUNT; i++) {
		if (i) {
			smart_str_appends(&s, ", ");
		}
		smart_str_appends(&s, opts[i].name);
	}
	smart_str_0(&s);
	return s.s;
}

static void throw_unknown(const char *kind, const char *key, zend_string *allowed)
{
	php_wpllm_throw_invalid_argument("Unknown %s \"%s\"; allowed: %s", kind, key, ZSTR_VAL(allowed));
}

static zend_string *secret_copy(const char *s, size_t len)
{
	/* our own, non-interned copy, so that wiping it cannot touch a string the script still holds */
	return zend_string_init(s, len, 0);
}

static void secret_release(zend_string **s)
{
	if (*s) {
		OPENSSL_cleanse(ZSTR_VAL(*s), ZSTR_LEN(*s));
		zend_string_release(*s);
		*s = NULL;
	}
}

static void release(zend_string **s)
{
	if (*s) {
		zend_string_release(*s);
		*s = NULL;
	}
}

/* environment as the script sees it: the SAPI's (FPM's env[...]) first, then the process's */
static zend_string *env_string(const char *name)
{
	char *v = sapi_getenv(name, strlen(name));
	zend_string *r = NULL;
	if (v) {
		size_t len = strlen(v);
		if (len) {
			r = zend_string_init(v, len, 0);
		}
		OPENSSL_cleanse(v, len); /* it may be a secret (WP_LLM_API_KEY) */
		efree(v);
		return r;
	}
	v = getenv(name);
	return (v && *v) ? zend_string_init(v, strlen(v), 0) : NULL;
}

static zend_string *env_secret(const char *name)
{
	zend_string *v = env_string(name);
	zend_string *r;
	if (v == NULL) {
		return NULL;
	}
	r = secret_copy(ZSTR_VAL(v), ZSTR_LEN(v));
	OPENSSL_cleanse(ZSTR_VAL(v), ZSTR_LEN(v));
	zend_string_release(v);
	return r;
}

static bool header_safe(const zend_string *s)
{
	return wpllm_header_value_valid(ZSTR_VAL(s), ZSTR_LEN(s));
}

/* A string option: non-empty (unless allow_empty), and safe in a header when it goes into one. */
static zend_result get_string(zval *v, const char *name, bool header, zend_string **out)
{
	if (Z_TYPE_P(v) != IS_STRING) {
		php_wpllm_throw_invalid_argument("Option \"%s\" must be a string, %s given", name, zend_zval_type_name(v));
		return FAILURE;
	}
	if (Z_STRLEN_P(v) == 0) {
		php_wpllm_throw_invalid_argument("Option \"%s\" must not be empty", name);
		return FAILURE;
	}
	if (header && !header_safe(Z_STR_P(v))) {
		php_wpllm_throw_invalid_argument("Option \"%s\" must not contain CR, LF, NUL or other control characters", name);
		return FAILURE;
	}
	*out = zend_string_copy(Z_STR_P(v));
	return SUCCESS;
}

/* Seconds as int or float, within [min, max] (min exclusive when min_exclusive). */
static zend_result get_seconds(zval *v, const char *name, double min, bool min_exclusive, double max, zend_long *ms)
{
	double d;
	if (Z_TYPE_P(v) == IS_LONG) {
		d = (double)Z_LVAL_P(v);
	} else if (Z_TYPE_P(v) == IS_DOUBLE) {
		d = Z_DVAL_P(v);
	} else {
		php_wpllm_throw_invalid_argument("Option \"%s\" must be a number of seconds (int or float), %s given",
			name, zend_zval_type_name(v));
		return FAILURE;
	}
	if (!isfinite(d) || (min_exclusive ? d <= min : d < min) || d > max) {
		php_wpllm_throw_invalid_argument("Option \"%s\" must be %s %g and at most %g seconds, %g given",
			name, min_exclusive ? "greater than" : "at least", min, max, d);
		return FAILURE;
	}
	*ms = (zend_long)ceil(d * 1000.0);
	if (*ms == 0 && min_exclusive) {
		*ms = 1; /* below a millisecond: libcurl would read 0 as "no timeout" */
	}
	return SUCCESS;
}

static zend_result get_int(zval *v, const char *name, zend_long min, zend_long max, zend_long *out)
{
	if (Z_TYPE_P(v) != IS_LONG) {
		php_wpllm_throw_invalid_argument("Option \"%s\" must be an int, %s given", name, zend_zval_type_name(v));
		return FAILURE;
	}
	if (Z_LVAL_P(v) < min || Z_LVAL_P(v) > max) {
		php_wpllm_throw_invalid_argument("Option \"%s\" must be between " ZEND_LONG_FMT " and " ZEND_LONG_FMT
			", " ZEND_LONG_FMT " given", name, min, max, Z_LVAL_P(v));
		return FAILURE;
	}
	*out = Z_LVAL_P(v);
	return SUCCESS;
}

bool php_wpllm_header_reserved(const char *name, size_t len)
{
	static const char *const reserved[] = {
		"authorization", "x-api-key", "x-signature", "x-timestamp", "content-length", "transfer-encoding",
		"host", "connection", "content-type", "idempotency-key", "user-agent", NULL
	};
	int i;
	for (i = 0; reserved[i]; i++) {
		if (strlen(reserved[i]) == len && strncasecmp(reserved[i], name, len) == 0) {
			return true;
		}
	}
	return false;
}

/* ['Name' => 'value', ...] to "Name: value" lines, each checked. */
static zend_result get_header_lines(zval *v, const char *what, HashTable **out)
{
	zend_string *name;
	zval *val;

	if (Z_TYPE_P(v) != IS_ARRAY) {
		php_wpllm_throw_invalid_argument("%s must be an array of header name => value, %s given", what,
			zend_zval_type_name(v));
		return FAILURE;
	}
	*out = NULL;
	if (zend_hash_num_elements(Z_ARRVAL_P(v)) == 0) {
		return SUCCESS;
	}
	*out = zend_new_array(zend_hash_num_elements(Z_ARRVAL_P(v)));
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(v), name, val) {
		zval line;
		if (name == NULL || !wpllm_header_name_valid(ZSTR_VAL(name), ZSTR_LEN(name))) {
			php_wpllm_throw_invalid_argument("%s: header names must be HTTP tokens (letters, digits, !#$%%&'*+-.^_`|~)",
				what);
			return FAILURE;
		}
		if (php_wpllm_header_reserved(ZSTR_VAL(name), ZSTR_LEN(name))) {
			php_wpllm_throw_invalid_argument("%s: the header \"%s\" is set by the client and cannot be overridden",
				what, ZSTR_VAL(name));
			return FAILURE;
		}
		if (Z_TYPE_P(val) != IS_STRING) {
			php_wpllm_throw_invalid_argument("%s: the value of header \"%s\" must be a string, %s given", what,
				ZSTR_VAL(name), zend_zval_type_name(val));
			return FAILURE;
		}
		if (!header_safe(Z_STR_P(val))) {
			php_wpllm_throw_invalid_argument("%s: the value of header \"%s\" must not contain CR, LF, NUL or other control characters",
				what, ZSTR_VAL(name));
			return FAILURE;
		}
		ZVAL_STR(&line, zend_strpprintf(0, "%s: %s", ZSTR_VAL(name), Z_STRVAL_P(val)));
		zend_hash_next_index_insert_new(*out, &line);
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

static zend_result ini_seconds(const char *ini_name, const char *value, zend_long *ms)
{
	char *end;
	double d = zend_strtod(value, (const char **)&end);
	if (end == value || *end != '\0' || !isfinite(d) || d <= 0 || d > MAX_TIMEOUT_S) {
		php_wpllm_throw_invalid_argument("php.ini setting %s must be a number of seconds greater than 0, \"%s\" given",
			ini_name, value);
		return FAILURE;
	}
	*ms = (zend_long)ceil(d * 1000.0);
	return SUCCESS;
}

zend_string *php_wpllm_auth_line(const char *prefix, const char *secret, size_t len)
{
	size_t pl = strlen(prefix);
	/* allocated once at its final size, so no partial copy of the secret is left in freed memory */
	zend_string *line = zend_string_alloc(pl + len, 0);
	memcpy(ZSTR_VAL(line), prefix, pl);
	memcpy(ZSTR_VAL(line) + pl, secret, len);
	ZSTR_VAL(line)[pl + len] = '\0';
	return line;
}

/* jwt: a token string, or {secret | private_key, alg, claims{user_id, permissions, ...}, ttl, iss, leeway} */
static zend_result parse_jwt(php_wpllm_options *o, zval *v)
{
	zend_string *key;
	zval *e, *secret = NULL, *private_key = NULL, *alg = NULL, *claims = NULL, *x;
	wpllm_error err;
	int64_t exp = 0;
	int has;

	if (Z_TYPE_P(v) == IS_STRING) {
		has = Z_STRLEN_P(v) ? wpllm_jwt_peek_exp(Z_STRVAL_P(v), Z_STRLEN_P(v), &exp) : -1;
		if (has < 0 || !header_safe(Z_STR_P(v))) {
			php_wpllm_throw_invalid_argument("Option \"jwt\": the token is not a well-formed JWT (three base64url segments with a JSON payload)");
			return FAILURE;
		}
		o->jwt_token = secret_copy(Z_STRVAL_P(v), Z_STRLEN_P(v));
		o->jwt_token_exp = has ? exp : INT64_MAX;
		return SUCCESS;
	}
	if (Z_TYPE_P(v) != IS_ARRAY) {
		php_wpllm_throw_invalid_argument("Option \"jwt\" must be a token string or an array to mint tokens with, %s given",
			zend_zval_type_name(v));
		return FAILURE;
	}
	o->jwt_ttl = 3600;
	o->jwt_leeway = 60;
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(v), key, e) {
		ZVAL_DEREF(e);
		if (key && zend_string_equals_literal(key, "secret")) {
			secret = e;
		} else if (key && (zend_string_equals_literal(key, "private_key") || zend_string_equals_literal(key, "privateKey"))) {
			private_key = e;
		} else if (key && zend_string_equals_literal(key, "alg")) {
			alg = e;
		} else if (key && zend_string_equals_literal(key, "claims")) {
			claims = e;
		} else if (key && zend_string_equals_literal(key, "ttl")) {
			if (get_int(e, "jwt.ttl", 1, 86400, &o->jwt_ttl) == FAILURE) {
				return FAILURE;
			}
		} else if (key && zend_string_equals_literal(key, "leeway")) {
			if (get_int(e, "jwt.leeway", 0, 3600, &o->jwt_leeway) == FAILURE) {
				return FAILURE;
			}
		} else if (key && zend_string_equals_literal(key, "iss")) {
			if (get_string(e, "jwt.iss", false, &o->jwt_iss) == FAILURE) {
				return FAILURE;
			}
		} else {
			php_wpllm_throw_invalid_argument("Unknown jwt option \"%s\"; allowed: secret, private_key, alg, claims, ttl, iss, leeway",
				key ? ZSTR_VAL(key) : "(integer key)");
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();

	if ((secret == NULL) == (private_key == NULL)) {
		php_wpllm_throw_invalid_argument("Option \"jwt\" needs exactly one of \"secret\" (HS256/384/512) or \"private_key\" (RS256/384/512, ES256/384)");
		return FAILURE;
	}
	if (alg) {
		if (Z_TYPE_P(alg) != IS_STRING || (o->jwt_alg = wpllm_jwt_alg_from_name(Z_STRVAL_P(alg), Z_STRLEN_P(alg))) < 0) {
			php_wpllm_throw_invalid_argument("Option \"jwt.alg\" must be one of HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384");
			return FAILURE;
		}
	} else {
		o->jwt_alg = secret ? WPLLM_JWT_HS256 : WPLLM_JWT_RS256;
	}
	wpllm_error_init(&err);
	if (secret) {
		if (Z_TYPE_P(secret) != IS_STRING || Z_STRLEN_P(secret) == 0) {
			php_wpllm_throw_invalid_argument("Option \"jwt.secret\" must be a non-empty string");
			return FAILURE;
		}
		if (o->jwt_alg > WPLLM_JWT_HS512) {
			php_wpllm_throw_invalid_argument("Option \"jwt\": %s needs \"private_key\", not \"secret\"", wpllm_jwt_alg_name(o->jwt_alg));
			return FAILURE;
		}
		wpllm_jwt_key_from_secret(&o->jwt_key, Z_STRVAL_P(secret), Z_STRLEN_P(secret), &err);
	} else {
		if (Z_TYPE_P(private_key) != IS_STRING) {
			php_wpllm_throw_invalid_argument("Option \"jwt.private_key\" must be a PEM string");
			return FAILURE;
		}
		wpllm_jwt_key_from_pem(&o->jwt_key, Z_STRVAL_P(private_key), Z_STRLEN_P(private_key), 1, &err);
	}
	if (err.message == NULL) {
		wpllm_jwt_key_check(&o->jwt_key, (wpllm_jwt_alg)o->jwt_alg, &err);
	}
	if (err.message) {
		php_wpllm_throw_invalid_argument("Option \"jwt\": %s", err.message);
		wpllm_error_clear(&err);
		return FAILURE;
	}
	if (claims == NULL || Z_TYPE_P(claims) != IS_ARRAY) {
		php_wpllm_throw_invalid_argument("Option \"jwt.claims\" is required: an array with \"user_id\" and \"permissions\"");
		return FAILURE;
	}
	x = zend_hash_str_find_deref(Z_ARRVAL_P(claims), "user_id", sizeof("user_id") - 1);
	if (x == NULL || (Z_TYPE_P(x) != IS_STRING && Z_TYPE_P(x) != IS_LONG) || (Z_TYPE_P(x) == IS_STRING && Z_STRLEN_P(x) == 0)) {
		php_wpllm_throw_invalid_argument("Option \"jwt.claims\" needs \"user_id\" (a non-empty string or an int)");
		return FAILURE;
	}
	x = zend_hash_str_find_deref(Z_ARRVAL_P(claims), "permissions", sizeof("permissions") - 1);
	if (x == NULL || Z_TYPE_P(x) != IS_ARRAY || !zend_array_is_list(Z_ARRVAL_P(x))) {
		php_wpllm_throw_invalid_argument("Option \"jwt.claims\" needs \"permissions\" (a list of strings)");
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(x), e) {
		ZVAL_DEREF(e);
		if (Z_TYPE_P(e) != IS_STRING) {
			php_wpllm_throw_invalid_argument("Option \"jwt.claims\": \"permissions\" must be a list of strings");
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	o->jwt_claims = zend_array_dup(Z_ARRVAL_P(claims));
	o->jwt_mint = true;
	if (secret) {
		wpllm_hash h = o->jwt_alg == WPLLM_JWT_HS512 ? WPLLM_SHA512 : o->jwt_alg == WPLLM_JWT_HS384 ? WPLLM_SHA384 : WPLLM_SHA256;
		if (wpllm_hmac_state_init(&o->jwt_hmac, h, Z_STRVAL_P(secret), Z_STRLEN_P(secret)) == 0) {
			o->jwt_key.hmac = &o->jwt_hmac;
		}
	}
	return SUCCESS;
}

static zend_result finish(php_wpllm_options *o)
{
	wpllm_error err;
	size_t norm = 0;
	const char *u, *host_end;
	curl_version_info_data *cv = curl_version_info(CURLVERSION_NOW);

	wpllm_error_init(&err);
	if (wpllm_url_check_base(ZSTR_VAL(o->base_url), ZSTR_LEN(o->base_url), &norm, &err) != 0) {
		php_wpllm_throw_invalid_argument("%s", err.message);
		wpllm_error_clear(&err);
		return FAILURE;
	}
	wpllm_error_clear(&err);
	if (norm != ZSTR_LEN(o->base_url)) {
		zend_string *n = zend_string_init(ZSTR_VAL(o->base_url), norm, 0);
		zend_string_release(o->base_url);
		o->base_url = n;
	}
	u = strstr(ZSTR_VAL(o->base_url), "://") + 3;
	host_end = strchr(u, '/');
	o->pool_key = zend_string_init(ZSTR_VAL(o->base_url),
		host_end ? (size_t)(host_end - ZSTR_VAL(o->base_url)) : ZSTR_LEN(o->base_url), 0);

	if (o->api_key) {
		if (!header_safe(o->api_key)) {
			php_wpllm_throw_invalid_argument("The API key must not contain CR, LF, NUL or other control characters");
			return FAILURE;
		}
		o->auth_line = php_wpllm_auth_line(o->auth_x_api_key ? "X-API-Key: " : "Authorization: Bearer ",
			ZSTR_VAL(o->api_key), ZSTR_LEN(o->api_key));
	}
	if (o->signing_secret && wpllm_hmac_state_init(&o->sign_state, WPLLM_SHA256, ZSTR_VAL(o->signing_secret),
			ZSTR_LEN(o->signing_secret)) != 0) {
		php_wpllm_throw_invalid_argument("Preparing the signing secret failed (OpenSSL)");
		return FAILURE;
	}
	o->ua_line = zend_strpprintf(0, "User-Agent: wpllm-php/%s PHP/%s curl/%s%s%s", PHP_WPLLM_VERSION, PHP_VERSION,
		cv->version, o->user_agent ? " " : "", o->user_agent ? ZSTR_VAL(o->user_agent) : "");
	return SUCCESS;
}

zend_result php_wpllm_options_resolve(php_wpllm_options *o, zval *arg)
{
	zval *given[OPT__COUNT] = {0};
	zend_string *key;
	zval *val;
	int i;

	memset(o, 0, sizeof(*o));
	o->timeout_ms = 60000;
	o->connect_timeout_ms = 10000;
	o->max_retries = WPLLM_G(max_retries) >= 0 && WPLLM_G(max_retries) <= 10 ? WPLLM_G(max_retries) : 2;
	o->max_retry_after_ms = 120000;
	o->stream_idle_timeout_ms = 60000;
	o->max_response_bytes = 32 * 1024 * 1024;
	o->persistent = WPLLM_G(persistent);

	if (arg && Z_TYPE_P(arg) == IS_STRING) {
		if (Z_STRLEN_P(arg) == 0) {
			php_wpllm_throw_invalid_argument("The API key must not be empty");
			return FAILURE;
		}
		o->api_key = secret_copy(Z_STRVAL_P(arg), Z_STRLEN_P(arg));
	} else if (arg && Z_TYPE_P(arg) == IS_ARRAY) {
		ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(arg), key, val) {
			int found = -1;
			if (key == NULL) {
				zend_string *allowed = allowed_list();
				php_wpllm_throw_invalid_argument("Options must be an array with string keys; allowed: %s", ZSTR_VAL(allowed));
				zend_string_release(allowed);
				return FAILURE;
			}
			for (i = 0; i < OPT__COUNT; i++) {
				if (zend_string_equals_cstr(key, opts[i].name, strlen(opts[i].name))
					|| (opts[i].alias && zend_string_equals_cstr(key, opts[i].alias, strlen(opts[i].alias)))) {
					found = i;
					break;
				}
			}
			if (found < 0) {
				zend_string *allowed = allowed_list();
				throw_unknown("option", ZSTR_VAL(key), allowed);
				zend_string_release(allowed);
				return FAILURE;
			}
			if (given[found]) {
				php_wpllm_throw_invalid_argument("Option \"%s\" is given twice (as %s and %s)", opts[found].name,
					opts[found].name, opts[found].alias);
				return FAILURE;
			}
			ZVAL_DEREF(val);
			given[found] = val;
		} ZEND_HASH_FOREACH_END();
	}

	for (i = 0; i < OPT__COUNT; i++) {
		if (given[i] && opts[i].later && Z_TYPE_P(given[i]) != IS_NULL) {
			php_wpllm_throw_invalid_argument("Option \"%s\" is not available in wpllm %s yet (see the README's status table)",
				opts[i].name, PHP_WPLLM_VERSION);
			return FAILURE;
		}
	}

	/* credentials: explicit, environment, php.ini; an explicit jwt replaces the environment's key */
	if ((val = given[OPT_JWT]) && Z_TYPE_P(val) != IS_NULL) {
		if (o->api_key || (given[OPT_API_KEY] && Z_TYPE_P(given[OPT_API_KEY]) != IS_NULL)) {
			php_wpllm_throw_invalid_argument("Options \"api_key\" and \"jwt\" are exclusive: give one credential");
			return FAILURE;
		}
		if (parse_jwt(o, val) == FAILURE) {
			return FAILURE;
		}
	} else if ((val = given[OPT_API_KEY]) && Z_TYPE_P(val) != IS_NULL) {
		if (Z_TYPE_P(val) != IS_STRING || Z_STRLEN_P(val) == 0) {
			php_wpllm_throw_invalid_argument("Option \"api_key\" must be a non-empty string, %s given",
				Z_TYPE_P(val) == IS_STRING ? "an empty string" : zend_zval_type_name(val));
			return FAILURE;
		}
		o->api_key = secret_copy(Z_STRVAL_P(val), Z_STRLEN_P(val));
	} else if (o->api_key == NULL) {
		/* from the environment or php.ini */
		o->api_key = env_secret("WP_LLM_API_KEY");
		if (o->api_key == NULL && WPLLM_G(api_key) && *WPLLM_G(api_key)) {
			o->api_key = secret_copy(WPLLM_G(api_key), strlen(WPLLM_G(api_key)));
		}
	}
	if ((val = given[OPT_SIGNING_SECRET]) && Z_TYPE_P(val) != IS_NULL) {
		if (Z_TYPE_P(val) != IS_STRING || Z_STRLEN_P(val) == 0) {
			php_wpllm_throw_invalid_argument("Option \"signing_secret\" must be a non-empty string, %s given",
				Z_TYPE_P(val) == IS_STRING ? "an empty string" : zend_zval_type_name(val));
			return FAILURE;
		}
		o->signing_secret = secret_copy(Z_STRVAL_P(val), Z_STRLEN_P(val));
	} else {
		o->signing_secret = env_secret("WP_LLM_SIGNING_SECRET");
	}
	if ((val = given[OPT_AUTH_HEADER]) && Z_TYPE_P(val) != IS_NULL) {
		if (Z_TYPE_P(val) == IS_STRING && zend_string_equals_literal_ci(Z_STR_P(val), "bearer")) {
			o->auth_x_api_key = false;
		} else if (Z_TYPE_P(val) == IS_STRING && zend_string_equals_literal_ci(Z_STR_P(val), "x-api-key")) {
			o->auth_x_api_key = true;
		} else {
			php_wpllm_throw_invalid_argument("Option \"auth_header\" must be \"bearer\" or \"x-api-key\"");
			return FAILURE;
		}
	}

	/* base_url and model: explicit, environment, php.ini, default */
	if ((val = given[OPT_BASE_URL]) && Z_TYPE_P(val) != IS_NULL) {
		if (get_string(val, "base_url", false, &o->base_url) == FAILURE) {
			return FAILURE;
		}
	} else if ((o->base_url = env_string("WP_LLM_BASE_URL")) == NULL) {
		o->base_url = WPLLM_G(base_url) && *WPLLM_G(base_url)
			? zend_string_init(WPLLM_G(base_url), strlen(WPLLM_G(base_url)), 0)
			: zend_string_init(DEFAULT_BASE_URL, sizeof(DEFAULT_BASE_URL) - 1, 0);
	}
	if ((val = given[OPT_MODEL]) && Z_TYPE_P(val) != IS_NULL) {
		if (get_string(val, "model", true, &o->model) == FAILURE) {
			return FAILURE;
		}
	} else if ((o->model = env_string("WP_LLM_MODEL")) == NULL) {
		o->model = WPLLM_G(model) && *WPLLM_G(model)
			? zend_string_init(WPLLM_G(model), strlen(WPLLM_G(model)), 0)
			: zend_string_init(DEFAULT_MODEL, sizeof(DEFAULT_MODEL) - 1, 0);
	}

	if ((val = given[OPT_TIMEOUT]) && Z_TYPE_P(val) != IS_NULL) {
		if (get_seconds(val, "timeout", 0, true, MAX_TIMEOUT_S, &o->timeout_ms) == FAILURE) {
			return FAILURE;
		}
	} else {
		zend_string *env = env_string("WP_LLM_TIMEOUT");
		if (env) {
			/* milliseconds, as the service's other SDKs read it */
			char *end;
			zend_long ms = ZEND_STRTOL(ZSTR_VAL(env), &end, 10);
			bool ok = end != ZSTR_VAL(env) && *end == '\0' && ms > 0 && ms <= (zend_long)(MAX_TIMEOUT_S * 1000);
			if (!ok) {
				php_wpllm_throw_invalid_argument("Environment variable WP_LLM_TIMEOUT must be a whole number of milliseconds greater than 0, \"%s\" given",
					ZSTR_VAL(env));
				zend_string_release(env);
				return FAILURE;
			}
			o->timeout_ms = ms;
			zend_string_release(env);
		} else if (WPLLM_G(timeout) && *WPLLM_G(timeout)) {
			if (ini_seconds("wpllm.timeout", WPLLM_G(timeout), &o->timeout_ms) == FAILURE) {
				return FAILURE;
			}
		}
	}
	if ((val = given[OPT_CONNECT_TIMEOUT]) && Z_TYPE_P(val) != IS_NULL
		&& get_seconds(val, "connect_timeout", 0, true, MAX_TIMEOUT_S, &o->connect_timeout_ms) == FAILURE) {
		return FAILURE;
	}
	if ((val = given[OPT_MAX_RETRIES]) && Z_TYPE_P(val) != IS_NULL
		&& get_int(val, "max_retries", 0, 10, &o->max_retries) == FAILURE) {
		return FAILURE;
	}
	if ((val = given[OPT_MAX_RETRY_AFTER]) && Z_TYPE_P(val) != IS_NULL
		&& get_seconds(val, "max_retry_after", 0, false, MAX_TIMEOUT_S, &o->max_retry_after_ms) == FAILURE) {
		return FAILURE;
	}
	if ((val = given[OPT_STREAM_IDLE_TIMEOUT]) && Z_TYPE_P(val) != IS_NULL
		&& get_seconds(val, "stream_idle_timeout", 0, true, MAX_TIMEOUT_S, &o->stream_idle_timeout_ms) == FAILURE) {
		return FAILURE;
	}
	if ((val = given[OPT_MAX_RESPONSE_BYTES]) && Z_TYPE_P(val) != IS_NULL
		&& get_int(val, "max_response_bytes", 1024, (zend_long)1 << 30, &o->max_response_bytes) == FAILURE) {
		return FAILURE;
	}
	if ((val = given[OPT_USER_AGENT]) && Z_TYPE_P(val) != IS_NULL
		&& get_string(val, "user_agent", true, &o->user_agent) == FAILURE) {
		return FAILURE;
	}
	if ((val = given[OPT_CA_BUNDLE]) && Z_TYPE_P(val) != IS_NULL) {
		if (get_string(val, "ca_bundle", false, &o->ca_bundle) == FAILURE) {
			return FAILURE;
		}
		if (memchr(ZSTR_VAL(o->ca_bundle), '\0', ZSTR_LEN(o->ca_bundle)) || VCWD_ACCESS(ZSTR_VAL(o->ca_bundle), R_OK) != 0) {
			php_wpllm_throw_invalid_argument("Option \"ca_bundle\": the file \"%s\" cannot be read", ZSTR_VAL(o->ca_bundle));
			return FAILURE;
		}
	}
	if ((val = given[OPT_PROXY]) && Z_TYPE_P(val) != IS_NULL
		&& get_string(val, "proxy", true, &o->proxy) == FAILURE) {
		return FAILURE;
	}
	if ((val = given[OPT_PERSISTENT]) && Z_TYPE_P(val) != IS_NULL) {
		if (Z_TYPE_P(val) != IS_TRUE && Z_TYPE_P(val) != IS_FALSE) {
			php_wpllm_throw_invalid_argument("Option \"persistent\" must be a bool, %s given", zend_zval_type_name(val));
			return FAILURE;
		}
		o->persistent = Z_TYPE_P(val) == IS_TRUE;
	}
	if ((val = given[OPT_HEADERS]) && Z_TYPE_P(val) != IS_NULL
		&& get_header_lines(val, "Option \"headers\"", &o->header_lines) == FAILURE) {
		return FAILURE;
	}
	return finish(o);
}

void php_wpllm_options_dtor(php_wpllm_options *o)
{
	secret_release(&o->api_key);
	secret_release(&o->signing_secret);
	wpllm_hmac_state_free(&o->sign_state);
	wpllm_hmac_state_free(&o->jwt_hmac);
	secret_release(&o->auth_line);
	release(&o->base_url);
	release(&o->pool_key);
	release(&o->model);
	release(&o->user_agent);
	release(&o->ua_line);
	release(&o->ca_bundle);
	release(&o->proxy);
	if (o->header_lines) {
		zend_array_destroy(o->header_lines);
		o->header_lines = NULL;
	}
	secret_release(&o->jwt_token);
	wpllm_jwt_key_free(&o->jwt_key);
	if (o->jwt_claims) {
		zend_array_destroy(o->jwt_claims);
		o->jwt_claims = NULL;
	}
	release(&o->jwt_iss);
}

static void add_secret(zval *out, const char *name, const zend_string *s)
{
	if (s) {
		add_assoc_string(out, name, "[redacted]");
	} else {
		add_assoc_null(out, name);
	}
}

void php_wpllm_options_debug(const php_wpllm_options *o, zval *out)
{
	zval headers;
	zval *line;

	array_init(out);
	add_secret(out, "api_key", o->api_key);
	add_assoc_string(out, "auth_header", o->auth_x_api_key ? "x-api-key" : "bearer");
	if (o->base_url) {
		add_assoc_str(out, "base_url", zend_string_copy(o->base_url));
	}
	if (o->model) {
		add_assoc_str(out, "model", zend_string_copy(o->model));
	}
	add_assoc_double(out, "timeout", (double)o->timeout_ms / 1000.0);
	add_assoc_double(out, "connect_timeout", (double)o->connect_timeout_ms / 1000.0);
	add_assoc_long(out, "max_retries", o->max_retries);
	add_secret(out, "signing_secret", o->signing_secret);
	if (o->jwt_mint) {
		zval jwt, claims;
		array_init(&jwt);
		add_assoc_string(&jwt, "alg", (char *)wpllm_jwt_alg_name(o->jwt_alg));
		add_assoc_string(&jwt, "key", "[redacted]");
		ZVAL_ARR(&claims, zend_array_dup(o->jwt_claims));
		add_assoc_zval(&jwt, "claims", &claims);
		add_assoc_long(&jwt, "ttl", o->jwt_ttl);
		add_assoc_long(&jwt, "leeway", o->jwt_leeway);
		if (o->jwt_iss) {
			add_assoc_str(&jwt, "iss", zend_string_copy(o->jwt_iss));
		}
		add_assoc_zval(out, "jwt", &jwt);
	} else {
		add_secret(out, "jwt", o->jwt_token);
	}
	/* extra headers often carry tokens: names only */
	array_init(&headers);
	if (o->header_lines) {
		ZEND_HASH_FOREACH_VAL(o->header_lines, line) {
			const char *colon = strchr(Z_STRVAL_P(line), ':');
			add_assoc_string_ex(&headers, Z_STRVAL_P(line), colon - Z_STRVAL_P(line), "[redacted]");
		} ZEND_HASH_FOREACH_END();
	}
	add_assoc_zval(out, "headers", &headers);
	if (o->user_agent) {
		add_assoc_str(out, "user_agent", zend_string_copy(o->user_agent));
	} else {
		add_assoc_null(out, "user_agent");
	}
	if (o->ca_bundle) {
		add_assoc_str(out, "ca_bundle", zend_string_copy(o->ca_bundle));
	} else {
		add_assoc_null(out, "ca_bundle");
	}
	/* a proxy URL may hold user:password */
	if (o->proxy && strchr(ZSTR_VAL(o->proxy), '@')) {
		add_assoc_string(out, "proxy", "[redacted]");
	} else if (o->proxy) {
		add_assoc_str(out, "proxy", zend_string_copy(o->proxy));
	} else {
		add_assoc_null(out, "proxy");
	}
	add_assoc_long(out, "max_response_bytes", o->max_response_bytes);
	add_assoc_double(out, "max_retry_after", (double)o->max_retry_after_ms / 1000.0);
	add_assoc_double(out, "stream_idle_timeout", (double)o->stream_idle_timeout_ms / 1000.0);
	add_assoc_bool(out, "persistent", o->persistent);
}

zend_result php_wpllm_call_options_parse(php_wpllm_call_options *co, HashTable *ro, const php_wpllm_options *o,
	uint32_t arg_num)
{
	zend_string *key;
	zval *val;

	co->timeout_ms = o->timeout_ms;
	co->max_retries = o->max_retries;
	co->header_lines = NULL;
	co->idempotency_key = NULL;
	if (ro == NULL || zend_hash_num_elements(ro) == 0) {
		return SUCCESS;
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(ro, key, val) {
		ZVAL_DEREF(val);
		if (key && zend_string_equals_literal(key, "timeout")) {
			if (get_seconds(val, "timeout", 0, true, MAX_TIMEOUT_S, &co->timeout_ms) == FAILURE) {
				return FAILURE;
			}
		} else if (key && (zend_string_equals_literal(key, "max_retries") || zend_string_equals_literal(key, "maxRetries"))) {
			if (get_int(val, "max_retries", 0, 10, &co->max_retries) == FAILURE) {
				return FAILURE;
			}
		} else if (key && zend_string_equals_literal(key, "headers")) {
			if (co->header_lines) {
				zend_array_destroy(co->header_lines);
				co->header_lines = NULL;
			}
			if (get_header_lines(val, "Request option \"headers\"", &co->header_lines) == FAILURE) {
				return FAILURE;
			}
		} else if (key && (zend_string_equals_literal(key, "idempotency_key") || zend_string_equals_literal(key, "idempotencyKey"))) {
			if (Z_TYPE_P(val) != IS_STRING || Z_STRLEN_P(val) == 0 || Z_STRLEN_P(val) > 255 || !header_safe(Z_STR_P(val))) {
				php_wpllm_throw_invalid_argument("Request option \"idempotency_key\" must be a non-empty string of at most 255 printable characters");
				return FAILURE;
			}
			if (co->idempotency_key) {
				zend_string_release(co->idempotency_key);
			}
			co->idempotency_key = zend_string_copy(Z_STR_P(val));
		} else {
			php_wpllm_throw_invalid_argument("Unknown request option \"%s\" (argument #%u); allowed: timeout, max_retries, headers, idempotency_key",
				key ? ZSTR_VAL(key) : "(integer key)", arg_num);
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

void php_wpllm_call_options_dtor(php_wpllm_call_options *co)
{
	if (co->header_lines) {
		zend_array_destroy(co->header_lines);
		co->header_lines = NULL;
	}
	if (co->idempotency_key) {
		zend_string_release(co->idempotency_key);
		co->idempotency_key = NULL;
	}
}
