/* Jwt.c: WPLLM\Jwt: encode and decode JWS-signed JWTs (HS256/384/512, RS256/384/512, ES256/384) on the core's
 * OpenSSL code; decode requires an algorithm allow-list and checks exp/nbf/iat/aud/iss. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_attributes.h"
#include "zend_exceptions.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "ext/json/php_json_parser.h"

#include <openssl/crypto.h>

#include "php_wpllm.h"
#include "exceptions.h"
#include "jwtkeys.h"
#include "core/jwt.h"
#include "core/sign.h"
#include "core/util.h"
#include "Jwt_arginfo.h"

#define KEY_CACHE_SIZE 8

typedef struct {
	char *pem;
	size_t len;
	int want_private;
	wpllm_jwt_key key;
} key_cache_entry;

/* Per process (per thread under ZTS): parsed keys outlive a PHP request, as the connection pool does. */
ZEND_TLS key_cache_entry key_cache[KEY_CACHE_SIZE];
ZEND_TLS unsigned key_cache_next;

static void entry_free(key_cache_entry *e)
{
	if (e->pem) {
		OPENSSL_cleanse(e->pem, e->len);
		free(e->pem);
	}
	wpllm_jwt_key_free(&e->key);
	memset(e, 0, sizeof(*e));
}

/* HMAC secrets made ready (wpllm_hmac_state), also per process: a secret used again skips its two pad blocks. */
#define HMAC_CACHE_SIZE 4

typedef struct {
	unsigned char *secret;
	size_t len;
	wpllm_hmac_state state;
} hmac_cache_entry;

ZEND_TLS hmac_cache_entry hmac_cache[HMAC_CACHE_SIZE];
ZEND_TLS unsigned hmac_cache_next;

static void hmac_entry_free(hmac_cache_entry *e)
{
	if (e->secret) {
		OPENSSL_cleanse(e->secret, e->len);
		free(e->secret);
	}
	wpllm_hmac_state_free(&e->state);
	memset(e, 0, sizeof(*e));
}

/* The ready state for this secret and hash, or NULL (then the plain HMAC path is used). */
static const wpllm_hmac_state *hmac_ready(const char *secret, size_t len, wpllm_hash h)
{
	unsigned i;
	hmac_cache_entry *e;

	for (i = 0; i < HMAC_CACHE_SIZE; i++) {
		e = &hmac_cache[i];
		if (e->secret && e->state.hash == h && e->len == len && wpllm_ct_equal(e->secret, secret, len)) {
			return &e->state;
		}
	}
	e = &hmac_cache[hmac_cache_next];
	hmac_cache_next = (hmac_cache_next + 1) % HMAC_CACHE_SIZE;
	hmac_entry_free(e);
	if ((e->secret = malloc(len ? len : 1)) == NULL) {
		return NULL;
	}
	memcpy(e->secret, secret, len);
	e->len = len;
	if (wpllm_hmac_state_init(&e->state, h, secret, len) != 0) {
		hmac_entry_free(e);
		return NULL;
	}
	return &e->state;
}

static wpllm_hash alg_hash(int alg)
{
	switch (alg) {
		case WPLLM_JWT_HS384: return WPLLM_SHA384;
		case WPLLM_JWT_HS512: return WPLLM_SHA512;
		default: return WPLLM_SHA256;
	}
}

void php_wpllm_key_cache_free(void)
{
	unsigned i;
	for (i = 0; i < KEY_CACHE_SIZE; i++) {
		entry_free(&key_cache[i]);
	}
	key_cache_next = 0;
	for (i = 0; i < HMAC_CACHE_SIZE; i++) {
		hmac_entry_free(&hmac_cache[i]);
	}
	hmac_cache_next = 0;
}

const wpllm_jwt_key *php_wpllm_pem_key(const char *pem, size_t len, int want_private, wpllm_error *err)
{
	unsigned i;
	key_cache_entry *e;
	wpllm_jwt_key k;

	for (i = 0; i < KEY_CACHE_SIZE; i++) {
		e = &key_cache[i];
		if (e->pem && e->len == len && e->want_private == want_private && memcmp(e->pem, pem, len) == 0) {
			return &e->key;
		}
	}
	if (wpllm_jwt_key_from_pem(&k, pem, len, want_private, err) != 0) {
		return NULL;
	}
	e = &key_cache[key_cache_next];
	key_cache_next = (key_cache_next + 1) % KEY_CACHE_SIZE;
	entry_free(e);
	e->pem = malloc(len);
	if (e->pem == NULL) {
		wpllm_jwt_key_free(&k);
		wpllm_error_set(err, WPLLM_E_MEMORY, "out_of_memory", "Out of memory");
		return NULL;
	}
	memcpy(e->pem, pem, len);
	e->len = len;
	e->want_private = want_private;
	e->key = k;
	return &e->key;
}

zend_result php_wpllm_claims_json(HashTable *claims, smart_str *out)
{
	zval z;
	php_json_error_code saved = JSON_G(error_code), code;
	zend_result r;

	if (zend_hash_num_elements(claims) == 0) {
		smart_str_appends(out, "{}");
		return SUCCESS;
	}
	if (HT_IS_PACKED(claims) && zend_array_is_list(claims)) {
		php_wpllm_throw_invalid_argument("The claims must be an associative array (a JSON object), not a list");
		return FAILURE;
	}
	ZVAL_ARR(&z, claims);
	r = php_json_encode_ex(out, &z, PHP_JSON_UNESCAPED_SLASHES | PHP_JSON_UNESCAPED_UNICODE, PHP_JSON_PARSER_DEFAULT_DEPTH);
	code = JSON_G(error_code);
	JSON_G(error_code) = saved;
	if (r == FAILURE || code != PHP_JSON_ERROR_NONE) {
		php_wpllm_throw_invalid_argument("The claims cannot be encoded as JSON (error %d)", (int)code);
		return FAILURE;
	}
	return SUCCESS;
}

static void throw_err(wpllm_error *err)
{
	zend_object *ex = php_wpllm_exception_create(err, NULL, -1);
	zval z;
	ZVAL_OBJ(&z, ex);
	zend_throw_exception_object(&z);
}

static bool looks_like_pem(const char *s, size_t len)
{
	return len >= 11 && memmem(s, len, "-----BEGIN ", 11) != NULL;
}

ZEND_METHOD(WPLLM_Jwt, __construct)
{
}

ZEND_METHOD(WPLLM_Jwt, encode)
{
	HashTable *claims, *header = NULL;
	zend_string *key, *alg_name = NULL;
	smart_str hjson = {0}, cjson = {0};
	wpllm_buf out = WPLLM_BUF_INIT;
	wpllm_jwt_key hk;
	const wpllm_jwt_key *k;
	wpllm_error err;
	int alg;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_ARRAY_HT(claims)
		Z_PARAM_STR(key)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(alg_name)
		Z_PARAM_ARRAY_HT(header)
	ZEND_PARSE_PARAMETERS_END();

	alg = alg_name ? wpllm_jwt_alg_from_name(ZSTR_VAL(alg_name), ZSTR_LEN(alg_name)) : WPLLM_JWT_HS256;
	if (alg < 0) {
		php_wpllm_throw_invalid_argument("Unsupported algorithm \"%s\"; supported: HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384",
			ZSTR_VAL(alg_name));
		RETURN_THROWS();
	}
	wpllm_error_init(&err);
	if (alg <= WPLLM_JWT_HS512) {
		if (looks_like_pem(ZSTR_VAL(key), ZSTR_LEN(key))) {
			php_wpllm_throw_invalid_argument("%s needs a shared secret, but the key is a PEM key", wpllm_jwt_alg_name(alg));
			RETURN_THROWS();
		}
		memset(&hk, 0, sizeof(hk));
		hk.kind = WPLLM_KEY_HMAC;
		hk.secret = (unsigned char *)ZSTR_VAL(key);
		hk.secret_len = ZSTR_LEN(key);
		hk.hmac = hmac_ready(ZSTR_VAL(key), ZSTR_LEN(key), alg_hash(alg));
		k = &hk;
	} else if ((k = php_wpllm_pem_key(ZSTR_VAL(key), ZSTR_LEN(key), 1, &err)) == NULL) {
		php_wpllm_throw_invalid_argument("%s", err.message);
		wpllm_error_clear(&err);
		RETURN_THROWS();
	}

	/* the protected header: typ and alg first, then the caller's own parameters */
	if (header == NULL || zend_hash_num_elements(header) == 0) {
		smart_str_appends(&hjson, "{\"typ\":\"JWT\",\"alg\":\"");
		smart_str_appends(&hjson, wpllm_jwt_alg_name(alg));
		smart_str_appends(&hjson, "\"}");
	} else {
		zval h, tmp, *v;
		zend_string *hk_name;
		zval *given_alg = zend_hash_str_find_deref(header, "alg", 3);
		if (given_alg && (Z_TYPE_P(given_alg) != IS_STRING || !zend_string_equals_cstr(Z_STR_P(given_alg),
				wpllm_jwt_alg_name(alg), strlen(wpllm_jwt_alg_name(alg))))) {
			php_wpllm_throw_invalid_argument("The header's \"alg\" must match the algorithm argument (%s)", wpllm_jwt_alg_name(alg));
			RETURN_THROWS();
		}
		if (zend_hash_str_exists(header, "crit", 4)) {
			php_wpllm_throw_invalid_argument("Critical header parameters (\"crit\") are not supported");
			RETURN_THROWS();
		}
		array_init(&h);
		add_assoc_string(&h, "typ", "JWT");
		add_assoc_string(&h, "alg", (char *)wpllm_jwt_alg_name(alg));
		ZEND_HASH_FOREACH_STR_KEY_VAL(header, hk_name, v) {
			if (hk_name == NULL) {
				zval_ptr_dtor(&h);
				php_wpllm_throw_invalid_argument("Header parameter names must be strings");
				RETURN_THROWS();
			}
			ZVAL_COPY_DEREF(&tmp, v);
			zend_hash_update(Z_ARRVAL(h), hk_name, &tmp);
		} ZEND_HASH_FOREACH_END();
		if (php_wpllm_claims_json(Z_ARRVAL(h), &hjson) == FAILURE) {
			zval_ptr_dtor(&h);
			smart_str_free(&hjson);
			RETURN_THROWS();
		}
		zval_ptr_dtor(&h);
	}
	if (php_wpllm_claims_json(claims, &cjson) == FAILURE) {
		smart_str_free(&hjson);
		RETURN_THROWS();
	}
	smart_str_0(&hjson);
	smart_str_0(&cjson);
	if (wpllm_jwt_sign((wpllm_jwt_alg)alg, k, ZSTR_VAL(hjson.s), ZSTR_LEN(hjson.s), ZSTR_VAL(cjson.s), ZSTR_LEN(cjson.s),
			&out, &err) != 0) {
		smart_str_free(&hjson);
		smart_str_free(&cjson);
		wpllm_buf_free(&out);
		if (err.kind == WPLLM_E_INVALID_ARGUMENT) {
			php_wpllm_throw_invalid_argument("%s", err.message);
		} else {
			throw_err(&err);
		}
		wpllm_error_clear(&err);
		RETURN_THROWS();
	}
	smart_str_free(&hjson);
	smart_str_free(&cjson);
	RETVAL_STRINGL(out.data, out.len);
	wpllm_buf_free(&out);
}

typedef struct {
	bool allowed[WPLLM_JWT_ALG_COUNT];
	zend_long leeway;
	zend_long time;
	bool has_time;
	const char *audiences[16];
	size_t audience_count;
	const char *issuer;
} decode_options;

static zend_result parse_decode_options(HashTable *ht, decode_options *o)
{
	zend_string *key;
	zval *v, *a;
	bool has_algs = false;

	memset(o, 0, sizeof(*o));
	o->leeway = 60;
	if (ht) {
		ZEND_HASH_FOREACH_STR_KEY_VAL(ht, key, v) {
			ZVAL_DEREF(v);
			if (key && zend_string_equals_literal(key, "algorithms")) {
				if (Z_TYPE_P(v) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(v)) == 0) {
					goto bad_algs;
				}
				ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), a) {
					int alg;
					ZVAL_DEREF(a);
					if (Z_TYPE_P(a) != IS_STRING || (alg = wpllm_jwt_alg_from_name(Z_STRVAL_P(a), Z_STRLEN_P(a))) < 0) {
						php_wpllm_throw_invalid_argument("Option \"algorithms\": unsupported algorithm %s%s%s; supported: HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384",
							Z_TYPE_P(a) == IS_STRING ? "\"" : "", Z_TYPE_P(a) == IS_STRING ? Z_STRVAL_P(a) : zend_zval_type_name(a),
							Z_TYPE_P(a) == IS_STRING ? "\"" : "");
						return FAILURE;
					}
					o->allowed[alg] = true;
				} ZEND_HASH_FOREACH_END();
				has_algs = true;
			} else if (key && zend_string_equals_literal(key, "leeway")) {
				if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < 0 || Z_LVAL_P(v) > 86400) {
					php_wpllm_throw_invalid_argument("Option \"leeway\" must be an int from 0 to 86400 seconds");
					return FAILURE;
				}
				o->leeway = Z_LVAL_P(v);
			} else if (key && zend_string_equals_literal(key, "time")) {
				if (Z_TYPE_P(v) != IS_LONG) {
					php_wpllm_throw_invalid_argument("Option \"time\" must be a Unix time (int)");
					return FAILURE;
				}
				o->time = Z_LVAL_P(v);
				o->has_time = true;
			} else if (key && zend_string_equals_literal(key, "audience")) {
				if (Z_TYPE_P(v) == IS_STRING) {
					o->audiences[o->audience_count++] = Z_STRVAL_P(v);
				} else if (Z_TYPE_P(v) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL_P(v)) > 0
					&& zend_hash_num_elements(Z_ARRVAL_P(v)) <= 16) {
					ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), a) {
						ZVAL_DEREF(a);
						if (Z_TYPE_P(a) != IS_STRING) {
							php_wpllm_throw_invalid_argument("Option \"audience\" must be a string or a list of up to 16 strings");
							return FAILURE;
						}
						o->audiences[o->audience_count++] = Z_STRVAL_P(a);
					} ZEND_HASH_FOREACH_END();
				} else {
					php_wpllm_throw_invalid_argument("Option \"audience\" must be a string or a list of up to 16 strings");
					return FAILURE;
				}
			} else if (key && zend_string_equals_literal(key, "issuer")) {
				if (Z_TYPE_P(v) != IS_STRING) {
					php_wpllm_throw_invalid_argument("Option \"issuer\" must be a string");
					return FAILURE;
				}
				o->issuer = Z_STRVAL_P(v);
			} else {
				php_wpllm_throw_invalid_argument("Unknown option \"%s\"; allowed: algorithms, leeway, audience, issuer, time",
					key ? ZSTR_VAL(key) : "(integer key)");
				return FAILURE;
			}
		} ZEND_HASH_FOREACH_END();
	}
	if (!has_algs) {
bad_algs:
		php_wpllm_throw_invalid_argument("Option \"algorithms\" is required: a non-empty list of the algorithms to accept, e.g. ['RS256']");
		return FAILURE;
	}
	return SUCCESS;
}

/* A string key for alg: the HMAC secret (never a PEM: key confusion) or a cached PEM key. */
static const wpllm_jwt_key *string_key(zend_string *key, wpllm_jwt_alg alg, wpllm_jwt_key *hk, wpllm_error *err)
{
	if (alg <= WPLLM_JWT_HS512) {
		if (looks_like_pem(ZSTR_VAL(key), ZSTR_LEN(key))) {
			wpllm_error_set(err, WPLLM_E_AUTHENTICATION, "key_type_mismatch",
				"The token asks for %s, a shared-secret algorithm, but the key is a PEM key", wpllm_jwt_alg_name(alg));
			return NULL;
		}
		memset(hk, 0, sizeof(*hk));
		hk->kind = WPLLM_KEY_HMAC;
		hk->secret = (unsigned char *)ZSTR_VAL(key);
		hk->secret_len = ZSTR_LEN(key);
		hk->hmac = hmac_ready(ZSTR_VAL(key), ZSTR_LEN(key), alg_hash(alg));
		return hk;
	}
	if (!looks_like_pem(ZSTR_VAL(key), ZSTR_LEN(key))) {
		wpllm_error_set(err, WPLLM_E_AUTHENTICATION, "key_type_mismatch",
			"The token asks for %s, which needs a PEM public key, but the key is not one", wpllm_jwt_alg_name(alg));
		return NULL;
	}
	return php_wpllm_pem_key(ZSTR_VAL(key), ZSTR_LEN(key), 0, err);
}

/* From a JWKS (['keys' => [...]]) or a kid => key map, the key for the token's kid. own receives a JWK-parsed
 * key that the caller frees. */
static const wpllm_jwt_key *set_key(HashTable *set, const wpllm_jwt_parsed *p, wpllm_jwt_key *hk, wpllm_jwt_key *own,
	wpllm_error *err)
{
	zval *keys = zend_hash_str_find_deref(set, "keys", 4), *jwk = NULL, *v;

	if (keys && Z_TYPE_P(keys) == IS_ARRAY) {
		uint32_t n = zend_hash_num_elements(Z_ARRVAL_P(keys));
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(keys), v) {
			zval *kid;
			ZVAL_DEREF(v);
			if (Z_TYPE_P(v) != IS_ARRAY) {
				continue;
			}
			kid = zend_hash_str_find_deref(Z_ARRVAL_P(v), "kid", 3);
			if ((p->has_kid && kid && Z_TYPE_P(kid) == IS_STRING && strcmp(Z_STRVAL_P(kid), p->kid) == 0)
				|| (!p->has_kid && n == 1)) {
				jwk = v;
				break;
			}
		} ZEND_HASH_FOREACH_END();
		if (jwk) {
			smart_str js = {0};
			php_json_error_code saved = JSON_G(error_code);
			int rc;
			php_json_encode_ex(&js, jwk, PHP_JSON_UNESCAPED_SLASHES, 16);
			JSON_G(error_code) = saved;
			smart_str_0(&js);
			rc = js.s ? wpllm_jwt_key_from_jwk(own, ZSTR_VAL(js.s), ZSTR_LEN(js.s), err) : -1;
			if (js.s) {
				OPENSSL_cleanse(ZSTR_VAL(js.s), ZSTR_LEN(js.s)); /* an oct JWK's "k" is a secret */
			}
			smart_str_free(&js);
			return rc == 0 ? own : NULL;
		}
	} else if (p->has_kid) {
		v = zend_hash_str_find_deref(set, p->kid, strlen(p->kid));
		if (v && Z_TYPE_P(v) == IS_STRING) {
			return string_key(Z_STR_P(v), p->alg, hk, err);
		}
	}
	wpllm_error_set(err, WPLLM_E_AUTHENTICATION, "unknown_kid", p->has_kid
		? "No key in the key set has the token's kid"
		: "The token has no kid, and the key set does not hold exactly one key");
	return NULL;
}

/* A NumericDate claim: absent (0), a number (1, in *out), anything else (-1). */
static int numeric_claim(HashTable *claims, const char *name, double *out)
{
	zval *v = zend_hash_str_find(claims, name, strlen(name));
	if (v == NULL) {
		return 0;
	}
	if (Z_TYPE_P(v) == IS_LONG) {
		*out = (double)Z_LVAL_P(v);
		return 1;
	}
	if (Z_TYPE_P(v) == IS_DOUBLE && zend_finite(Z_DVAL_P(v))) {
		*out = Z_DVAL_P(v);
		return 1;
	}
	return -1;
}

/* the whole claim, NUL bytes included, equals the expected C string */
static bool claim_equals(const zval *v, const char *expected)
{
	return Z_TYPE_P(v) == IS_STRING && Z_STRLEN_P(v) == strlen(expected) && memcmp(Z_STRVAL_P(v), expected, Z_STRLEN_P(v)) == 0;
}

static bool audience_ok(zval *aud, const wpllm_jwt_claims_rules *r)
{
	size_t i;
	zval *a;
	if (aud == NULL) {
		return false;
	}
	if (Z_TYPE_P(aud) == IS_STRING) {
		for (i = 0; i < r->audience_count; i++) {
			if (claim_equals(aud, r->audiences[i])) {
				return true;
			}
		}
	} else if (Z_TYPE_P(aud) == IS_ARRAY) {
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(aud), a) {
			for (i = 0; i < r->audience_count; i++) {
				if (claim_equals(a, r->audiences[i])) {
					return true;
				}
			}
		} ZEND_HASH_FOREACH_END();
	}
	return false;
}

/* The core's claims rules (wpllm_jwt_check_claims), applied to the payload PHP has already decoded, so the
 * payload is parsed once. */
static int check_claims(HashTable *claims, const wpllm_jwt_claims_rules *r, wpllm_error *err)
{
	double exp = 0, nbf = 0, iat = 0, now = (double)r->now, leeway = (double)r->leeway;
	int has_exp = numeric_claim(claims, "exp", &exp), has_nbf = numeric_claim(claims, "nbf", &nbf),
		has_iat = numeric_claim(claims, "iat", &iat);
	zval *v;

	if (has_exp < 0 || has_nbf < 0 || has_iat < 0) {
		wpllm_error_set(err, WPLLM_E_AUTHENTICATION, "malformed_token", "The token's exp, nbf and iat must be numbers");
		return -1;
	}
	if (has_exp && now - leeway >= exp) {
		wpllm_error_set(err, WPLLM_E_AUTHENTICATION, "expired_token", "The token has expired");
		return -1;
	}
	if ((has_nbf && now + leeway < nbf) || (has_iat && now + leeway < iat)) {
		wpllm_error_set(err, WPLLM_E_AUTHENTICATION, "token_not_yet_valid", "The token is not valid yet (nbf or iat in the future)");
		return -1;
	}
	if (r->issuer && ((v = zend_hash_str_find(claims, "iss", 3)) == NULL || !claim_equals(v, r->issuer))) {
		wpllm_error_set(err, WPLLM_E_AUTHENTICATION, "invalid_issuer", "The token's issuer is not the one expected");
		return -1;
	}
	if (r->audiences && !audience_ok(zend_hash_str_find(claims, "aud", 3), r)) {
		wpllm_error_set(err, WPLLM_E_AUTHENTICATION, "invalid_audience", "The token's audience is not one of those expected");
		return -1;
	}
	return 0;
}

ZEND_METHOD(WPLLM_Jwt, decode)
{
	zend_string *jwt, *key_str = NULL;
	HashTable *key_set = NULL, *options = NULL;
	decode_options o;
	wpllm_jwt_parsed p;
	wpllm_jwt_key hk, own;
	const wpllm_jwt_key *k;
	wpllm_error err;
	wpllm_jwt_claims_rules rules;
	php_json_parser parser;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(jwt)
		Z_PARAM_ARRAY_HT_OR_STR(key_set, key_str)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	if (parse_decode_options(options, &o) == FAILURE) {
		RETURN_THROWS();
	}
	wpllm_error_init(&err);
	memset(&own, 0, sizeof(own));
	if (wpllm_jwt_parse(ZSTR_VAL(jwt), ZSTR_LEN(jwt), &p, &err) != 0) {
		throw_err(&err);
		wpllm_error_clear(&err);
		RETURN_THROWS();
	}
	if (!o.allowed[p.alg]) {
		wpllm_error_set(&err, WPLLM_E_AUTHENTICATION, "alg_not_allowed", "The token's algorithm %s is not on the allow-list",
			wpllm_jwt_alg_name(p.alg));
		goto fail;
	}
	k = key_str ? string_key(key_str, p.alg, &hk, &err) : set_key(key_set, &p, &hk, &own, &err);
	if (k == NULL) {
		goto fail;
	}
	if (wpllm_jwt_verify(&p, k, &err) != 0) {
		goto fail;
	}
	rules.now = o.has_time ? o.time : wpllm_wall_ms() / 1000;
	rules.leeway = o.leeway;
	rules.audiences = o.audience_count ? o.audiences : NULL;
	rules.audience_count = o.audience_count;
	rules.issuer = o.issuer;
	php_json_parser_init(&parser, return_value, p.payload.data, p.payload.len, PHP_JSON_OBJECT_AS_ARRAY,
		PHP_JSON_PARSER_DEFAULT_DEPTH);
	/* a JSON object: an empty one decodes to an empty array, a list would be a packed array with keys */
	if (php_json_parse(&parser) != 0 || Z_TYPE_P(return_value) != IS_ARRAY || p.payload.len == 0
		|| p.payload.data[strspn(p.payload.data, " \t\r\n")] != '{') {
		zval_ptr_dtor(return_value);
		ZVAL_NULL(return_value);
		wpllm_error_set(&err, WPLLM_E_AUTHENTICATION, "malformed_token", "The token's payload is not a JSON object");
		goto fail;
	}
	if (check_claims(Z_ARRVAL_P(return_value), &rules, &err) != 0) {
		zval_ptr_dtor(return_value);
		ZVAL_NULL(return_value);
		goto fail;
	}
	wpllm_jwt_parsed_free(&p);
	wpllm_jwt_key_free(&own);
	return;
fail:
	wpllm_jwt_parsed_free(&p);
	wpllm_jwt_key_free(&own);
	if (err.kind == WPLLM_E_INVALID_ARGUMENT) {
		php_wpllm_throw_invalid_argument("%s", err.message);
	} else {
		throw_err(&err);
	}
	wpllm_error_clear(&err);
	RETURN_THROWS();
}

void php_wpllm_jwt_init_ce(void)
{
	register_class_WPLLM_Jwt();
}
