/* options.h: the client's settings, resolved once at construction (explicit option, environment,
 * php.ini, default), and the per-call request options. */
#ifndef WPLLM_PHP_OPTIONS_H
#define WPLLM_PHP_OPTIONS_H

#include "php.h"
#include "core/jwt.h"

typedef struct {
	zend_string *api_key;            /* secret */
	zend_string *signing_secret;     /* secret */
	wpllm_hmac_state sign_state;     /* signing_secret made ready once */
	zend_string *auth_line;          /* "Authorization: Bearer …" or "X-API-Key: …": secret; NULL without a key */
	bool auth_x_api_key;
	zend_string *base_url;           /* normalised: no trailing slash */
	zend_string *pool_key;           /* scheme://host[:port] of base_url */
	zend_string *model;
	zend_long timeout_ms;
	zend_long connect_timeout_ms;
	zend_long max_retries;
	zend_long max_retry_after_ms;
	zend_long stream_idle_timeout_ms;
	zend_long max_response_bytes;
	zend_string *user_agent;         /* the user's suffix, or NULL */
	zend_string *ua_line;            /* the whole "User-Agent: …" line */
	zend_string *ca_bundle;
	zend_string *proxy;
	bool persistent;
	HashTable *header_lines;         /* extra "Name: value" lines (zend_string), NULL when none */
	/* jwt: a fixed token to send, or what the client needs to mint and re-mint one */
	zend_string *jwt_token;          /* secret */
	int64_t jwt_token_exp;           /* the fixed token's exp, INT64_MAX when it has none */
	bool jwt_mint;
	wpllm_jwt_key jwt_key;           /* HMAC secret or private key: wiped when freed */
	wpllm_hmac_state jwt_hmac;       /* an HMAC jwt secret made ready once */
	int jwt_alg;
	HashTable *jwt_claims;           /* with user_id and permissions; iat, exp (and iss) are added per mint */
	zend_long jwt_ttl;
	zend_long jwt_leeway;
	zend_string *jwt_iss;
} php_wpllm_options;

/* Fills o from the constructor's argument (NULL, a string key or an array). On failure an
 * InvalidArgumentException is thrown and FAILURE returned; o is then still safe to destroy. */
zend_result php_wpllm_options_resolve(php_wpllm_options *o, zval *arg);

/* Frees o, wiping the secrets. */
void php_wpllm_options_dtor(php_wpllm_options *o);

/* What var_dump() and friends show: every setting, secrets as "[redacted]". */
void php_wpllm_options_debug(const php_wpllm_options *o, zval *out);

/* The last, optional argument of every call that sends a request. */
typedef struct {
	zend_long timeout_ms;
	zend_long max_retries;
	HashTable *header_lines;         /* extra lines for this call, or NULL; freed by the dtor */
	zend_string *idempotency_key;    /* or NULL */
} php_wpllm_call_options;

zend_result php_wpllm_call_options_parse(php_wpllm_call_options *co, HashTable *ro, const php_wpllm_options *o,
	uint32_t arg_num);
void php_wpllm_call_options_dtor(php_wpllm_call_options *co);

/* "Prefix: secret" built at its final size (no stray copies of the secret). */
zend_string *php_wpllm_auth_line(const char *prefix, const char *secret, size_t len);

/* Reserved header names that extra headers may not set (credentials, signing, framing). */
bool php_wpllm_header_reserved(const char *name, size_t len);

#endif
