/* Client.c: WPLLM\Client. The walk of one call is client_send(), top to bottom: call options -> body bytes ->
 * standard headers -> per attempt: credentials, signature, one attempt on a (pooled) connection, classify ->
 * wait and go again, or decode the body into PHP arrays, or throw the mapped exception. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "zend_attributes.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "ext/json/php_json_parser.h"
#include "ext/standard/url.h"

#include <openssl/crypto.h>

#include "php_wpllm.h"
#include "options.h"
#include "exceptions.h"
#include "jwtkeys.h"
#include "client.h"
#include "core/error.h"
#include "core/jwt.h"
#include "core/http.h"
#include "core/retry.h"
#include "core/sign.h"
#include "core/url.h"
#include "core/util.h"
#include "Client_arginfo.h"

#define POOL_MAX_IDLE 16
#define BODY_KEEP_BYTES (256 * 1024) /* a larger response buffer is not kept for the next call */

static zend_class_entry *php_wpllm_client_ce;
static zend_object_handlers client_handlers;

static inline php_wpllm_client *client_from(zend_object *obj)
{
	return (php_wpllm_client *)((char *)obj - XtOffsetOf(php_wpllm_client, std));
}
#define Z_CLIENT_P(zv) client_from(Z_OBJ_P(zv))

/* Drops one reference to a line holding a secret; the last one out wipes it. */
static void secret_line_release(zend_string **line)
{
	if (*line) {
		if (GC_REFCOUNT(*line) == 1) {
			OPENSSL_cleanse(ZSTR_VAL(*line), ZSTR_LEN(*line));
		}
		zend_string_release(*line);
		*line = NULL;
	}
}

static zend_object *client_create(zend_class_entry *ce)
{
	php_wpllm_client *c = zend_object_alloc(sizeof(php_wpllm_client), ce);
	zend_object_std_init(&c->std, ce);
	object_properties_init(&c->std, ce);
	c->std.handlers = &client_handlers;
	ZVAL_UNDEF(&c->last_error);
	return &c->std;
}

static void client_free(zend_object *obj)
{
	php_wpllm_client *c = client_from(obj);

	php_wpllm_options_dtor(&c->o);  /* wipes the secrets */
	secret_line_release(&c->jwt_line);
	if (c->conn) {
		wpllm_http_conn_free(c->conn);
		c->conn = NULL;
	}
	wpllm_http_response_free(&c->resp);
	zval_ptr_dtor(&c->last_error);
	zend_object_std_dtor(obj);
}

static HashTable *client_get_gc(zend_object *obj, zval **table, int *n)
{
	php_wpllm_client *c = client_from(obj);
	*table = Z_ISUNDEF(c->last_error) ? NULL : &c->last_error;
	*n = Z_ISUNDEF(c->last_error) ? 0 : 1;
	return zend_std_get_properties(obj);
}

/* var_dump, print_r, var_export, json_encode, (array), debug_zval_dump: the settings, secrets redacted. */
static HashTable *client_get_properties_for(zend_object *obj, zend_prop_purpose purpose)
{
	php_wpllm_client *c = client_from(obj);
	zval out;

	switch (purpose) {
		case ZEND_PROP_PURPOSE_DEBUG:
		case ZEND_PROP_PURPOSE_ARRAY_CAST:
		case ZEND_PROP_PURPOSE_VAR_EXPORT:
		case ZEND_PROP_PURPOSE_JSON:
			if (c->ready) {
				php_wpllm_options_debug(&c->o, &out);
			} else {
				array_init(&out);
			}
			return Z_ARR(out);
		default:
			return zend_std_get_properties_for(obj, purpose);
	}
}

static php_wpllm_client *client_ready(zval *this_ptr)
{
	php_wpllm_client *c = Z_CLIENT_P(this_ptr);
	if (!c->ready) {
		zend_throw_error(NULL, "WPLLM\\Client has not been constructed");
		return NULL;
	}
	return c;
}

/* ---- the call ---- */

static int64_t header_wait_ms(const wpllm_headers *h, const wpllm_error *err)
{
	const char *v;
	int64_t ms;

	if ((v = wpllm_headers_get(h, "retry-after-ms")) && wpllm_retry_after_ms_parse(v, strlen(v), &ms)) {
		return ms;
	}
	if ((v = wpllm_headers_get(h, "retry-after")) && wpllm_retry_after_parse(v, strlen(v), wpllm_wall_ms(), &ms)) {
		return ms;
	}
	return err ? err->retry_after_ms : -1;
}

static double unit_random(void)
{
	uint32_t r = 0;
	if (wpllm_random_bytes(&r, sizeof(r)) != 0) {
		return 0.5;
	}
	return (double)r / 4294967296.0;
}

/* A connection for one attempt: lent by the per-process pool (persistent), or the client's own, or (for the items
 * of a batch, which run at once) a new one that *owned says to free afterwards. */
static wpllm_http_conn *conn_acquire(php_wpllm_client *c, bool exclusive, bool *owned)
{
	const char *ca = c->o.ca_bundle ? ZSTR_VAL(c->o.ca_bundle) : NULL;
	const char *proxy = c->o.proxy ? ZSTR_VAL(c->o.proxy) : NULL;

	*owned = false;
	if (exclusive && !c->o.persistent) {
		*owned = true;
		return wpllm_http_conn_new(ca, proxy);
	}

	if (c->o.persistent) {
		if (WPLLM_G(pool) == NULL) {
			WPLLM_G(pool) = wpllm_pool_new(POOL_MAX_IDLE);
			if (WPLLM_G(pool) == NULL) {
				return NULL;
			}
		}
		return wpllm_pool_acquire(WPLLM_G(pool), ZSTR_VAL(c->o.pool_key), ca, proxy);
	}
	if (c->conn && !wpllm_http_conn_is_mine(c->conn)) {
		wpllm_http_conn_free(c->conn); /* made before a fork(): left to the parent, not closed */
		c->conn = NULL;
	}
	if (c->conn == NULL) {
		c->conn = wpllm_http_conn_new(ca, proxy);
	}
	return c->conn;
}

static void conn_release(php_wpllm_client *c, wpllm_http_conn *conn, bool owned)
{
	if (conn == NULL) {
		return;
	}
	if (owned) {
		wpllm_http_conn_free(conn);
	} else if (c->o.persistent) {
		wpllm_pool_release(WPLLM_G(pool), conn);
	}
}

/* The credential step of every attempt: the API key line is fixed; a JWT is checked (a given token) or minted
 * again shortly before it expires (a minting config), so that a retry never carries a stale token. */
static const char *credential_line(php_wpllm_client *c, wpllm_error *err)
{
	int64_t now = wpllm_wall_ms() / 1000, margin;
	smart_str claims_json = {0};
	wpllm_buf token = WPLLM_BUF_INIT;
	HashTable *claims;
	char header[40];
	zval tmp;

	if (c->o.jwt_token) {
		if (now >= c->o.jwt_token_exp) {
			wpllm_error_set(err, WPLLM_E_AUTHENTICATION, "expired_token",
				"The JWT given in the \"jwt\" option has expired (exp %lld, now %lld): nothing was sent",
				(long long)c->o.jwt_token_exp, (long long)now);
			return NULL;
		}
		if (c->jwt_line == NULL) {
			c->jwt_line = php_wpllm_auth_line("Authorization: Bearer ", ZSTR_VAL(c->o.jwt_token), ZSTR_LEN(c->o.jwt_token));
		}
		return ZSTR_VAL(c->jwt_line);
	}
	if (!c->o.jwt_mint) {
		return c->o.auth_line ? ZSTR_VAL(c->o.auth_line) : "";
	}
	margin = c->o.jwt_leeway < c->o.jwt_ttl / 2 ? c->o.jwt_leeway : c->o.jwt_ttl / 2;
	if (c->jwt_line && now < c->jwt_exp - margin) {
		return ZSTR_VAL(c->jwt_line);
	}
	claims = zend_array_dup(c->o.jwt_claims);
	ZVAL_LONG(&tmp, now);
	zend_hash_str_update(claims, "iat", sizeof("iat") - 1, &tmp);
	ZVAL_LONG(&tmp, now + c->o.jwt_ttl);
	zend_hash_str_update(claims, "exp", sizeof("exp") - 1, &tmp);
	if (c->o.jwt_iss) {
		ZVAL_STR_COPY(&tmp, c->o.jwt_iss);
		zend_hash_str_update(claims, "iss", sizeof("iss") - 1, &tmp);
	}
	snprintf(header, sizeof(header), "{\"typ\":\"JWT\",\"alg\":\"%s\"}", wpllm_jwt_alg_name(c->o.jwt_alg));
	if (php_wpllm_claims_json(claims, &claims_json) == FAILURE) {
		zend_clear_exception();
		zend_array_destroy(claims);
		smart_str_free(&claims_json);
		wpllm_error_set(err, WPLLM_E_INVALID_ARGUMENT, "invalid_claims", "The jwt claims cannot be encoded as JSON");
		return NULL;
	}
	zend_array_destroy(claims);
	smart_str_0(&claims_json);
	if (wpllm_jwt_sign((wpllm_jwt_alg)c->o.jwt_alg, &c->o.jwt_key, header, strlen(header), ZSTR_VAL(claims_json.s),
			ZSTR_LEN(claims_json.s), &token, err) != 0) {
		smart_str_free(&claims_json);
		wpllm_buf_wipe_free(&token);
		return NULL;
	}
	smart_str_free(&claims_json);
	/* calls still in flight (batch items, streams) hold their own reference to the old line */
	secret_line_release(&c->jwt_line);
	c->jwt_line = php_wpllm_auth_line("Authorization: Bearer ", token.data, token.len);
	c->jwt_exp = now + c->o.jwt_ttl;
	wpllm_buf_wipe_free(&token);
	return ZSTR_VAL(c->jwt_line);
}

static void link_line(struct curl_slist *nodes, size_t *n, char *line)
{
	nodes[*n].data = line;
	nodes[*n].next = NULL;
	if (*n > 0) {
		nodes[*n - 1].next = &nodes[*n];
	}
	(*n)++;
}

/* Decodes a 2xx body straight into PHP arrays with PHP's own parser (json_last_error() is left alone). */
static bool decode_body(zval *return_value, const wpllm_http_response *resp)
{
	php_json_parser parser;

	if (resp->body.len == 0) {
		if (resp->status == 204) {
			array_init(return_value);
			return true;
		}
		return false;
	}
	php_json_parser_init(&parser, return_value, resp->body.data, resp->body.len, PHP_JSON_OBJECT_AS_ARRAY,
		PHP_JSON_PARSER_DEFAULT_DEPTH);
	if (php_json_parse(&parser) != 0) {
		zval_ptr_dtor(return_value);
		ZVAL_NULL(return_value);
		return false;
	}
	if (Z_TYPE_P(return_value) != IS_ARRAY) {
		zval_ptr_dtor(return_value);
		ZVAL_NULL(return_value);
		return false;
	}
	return true;
}

static const char *json_error_text(php_json_error_code code)
{
	switch (code) {
		case PHP_JSON_ERROR_UTF8: return "a string is not valid UTF-8";
		case PHP_JSON_ERROR_DEPTH: return "it is nested too deeply";
		case PHP_JSON_ERROR_RECURSION: return "it contains a recursive reference";
		case PHP_JSON_ERROR_INF_OR_NAN: return "it contains INF or NAN";
		case PHP_JSON_ERROR_UNSUPPORTED_TYPE: return "it contains a value of a type JSON cannot hold";
		case PHP_JSON_ERROR_INVALID_PROPERTY_NAME: return "an object has an invalid property name";
		case PHP_JSON_ERROR_UTF16: return "a string has an invalid UTF-16 escape";
		default: return "unknown error";
	}
}

php_wpllm_client *php_wpllm_client_from(zend_object *obj)
{
	return client_from(obj);
}

int64_t php_wpllm_stream_idle_ms(php_wpllm_client *c)
{
	return c->o.stream_idle_timeout_ms;
}

wpllm_multi *php_wpllm_client_multi(php_wpllm_client *c, bool *owned)
{
	if (c->o.persistent) {
		if (WPLLM_G(pool) == NULL && (WPLLM_G(pool) = wpllm_pool_new(POOL_MAX_IDLE)) == NULL) {
			return NULL;
		}
		*owned = false;
		return wpllm_pool_multi(WPLLM_G(pool));
	}
	*owned = true;
	return wpllm_multi_new();
}

/* Builds the request once: call options, body bytes, URL, the fixed header lines. */
zend_result php_wpllm_call_init(php_wpllm_call *k, php_wpllm_client *c, const char *method, const char *path,
	size_t path_len, const smart_str *query, zval *body, HashTable *ro, uint32_t ro_arg, bool own_resp)
{
	unsigned char rnd[32];
	size_t extra;
	zval *line;

	memset(k, 0, sizeof(*k));
	k->c = c;
	k->method = method;
	k->is_post = strcmp(method, "POST") == 0;
	k->resp = own_resp ? &k->own_resp : &c->resp;
	k->state = CALL_READY;
	k->retry_after_ms = -1;
	ZVAL_UNDEF(&k->value);
	wpllm_error_init(&k->err);

	if (php_wpllm_call_options_parse(&k->co, ro, &c->o, ro_arg) == FAILURE) {
		return FAILURE;
	}
	/* body bytes: PHP's encoder into a smart_str; these exact bytes are signed and sent */
	if (body) {
		/* php_json_encode_ex reports through json_last_error(): keep the script's value as it was */
		php_json_error_code saved = JSON_G(error_code), code;
		zend_result r = php_json_encode_ex(&k->json, body, PHP_JSON_UNESCAPED_SLASHES | PHP_JSON_UNESCAPED_UNICODE
			| PHP_JSON_PRESERVE_ZERO_FRACTION, PHP_JSON_PARSER_DEFAULT_DEPTH);
		code = JSON_G(error_code);
		JSON_G(error_code) = saved;
		if (r == FAILURE || code != PHP_JSON_ERROR_NONE) {
			php_wpllm_throw_invalid_argument("The request body cannot be encoded as JSON: %s", json_error_text(code));
			return FAILURE;
		}
		smart_str_0(&k->json);
		k->body_bytes = ZSTR_VAL(k->json.s);
		k->body_len = ZSTR_LEN(k->json.s);
	} else if (strcmp(method, "GET") != 0 && strcmp(method, "DELETE") != 0) {
		k->body_bytes = ""; /* POST, PUT, PATCH without a body: Content-Length: 0 */
	}

	smart_str_append(&k->url, c->o.base_url);
	smart_str_appendl(&k->url, path, path_len);
	if (query && query->s && ZSTR_LEN(query->s)) {
		smart_str_appendc(&k->url, '?');
		smart_str_append(&k->url, query->s);
	}
	smart_str_0(&k->url);

	/* standard headers, linked in place: no allocation per header */
	extra = (c->o.header_lines ? zend_hash_num_elements(c->o.header_lines) : 0)
		+ (k->co.header_lines ? zend_hash_num_elements(k->co.header_lines) : 0);
	k->nodes = safe_emalloc(extra + 11, sizeof(struct curl_slist), 0);
	if (wpllm_random_bytes(rnd, sizeof(rnd)) != 0) {
		zend_throw_error(NULL, "The system's random source failed");
		return FAILURE;
	}
	memcpy(k->rid_line, "X-Request-ID: ", 14);
	wpllm_uuid4_format(rnd, k->rid_line + 14);
	link_line(k->nodes, &k->n, "Content-Type: application/json");
	link_line(k->nodes, &k->n, "Accept: application/json");
	link_line(k->nodes, &k->n, ZSTR_VAL(c->o.ua_line));
	link_line(k->nodes, &k->n, k->rid_line);
	if (k->is_post) {
		if (k->co.idempotency_key) {
			k->idem_custom = zend_strpprintf(0, "Idempotency-Key: %s", ZSTR_VAL(k->co.idempotency_key));
			link_line(k->nodes, &k->n, ZSTR_VAL(k->idem_custom));
		} else {
			memcpy(k->idem_line, "Idempotency-Key: ", 17);
			wpllm_uuid4_format(rnd + 16, k->idem_line + 17);
			link_line(k->nodes, &k->n, k->idem_line);
		}
	}
	if (k->body_len > 1024) {
		link_line(k->nodes, &k->n, "Expect:"); /* no 100-continue round trip for large bodies */
	}
	if (c->o.header_lines) {
		ZEND_HASH_FOREACH_VAL(c->o.header_lines, line) {
			link_line(k->nodes, &k->n, Z_STRVAL_P(line));
		} ZEND_HASH_FOREACH_END();
	}
	if (k->co.header_lines) {
		ZEND_HASH_FOREACH_VAL(k->co.header_lines, line) {
			link_line(k->nodes, &k->n, Z_STRVAL_P(line));
		} ZEND_HASH_FOREACH_END();
	}

	k->req.method = method;
	k->req.url = ZSTR_VAL(k->url.s);
	k->req.headers = k->nodes;
	k->req.body = k->body_bytes;
	k->req.body_len = k->body_len;
	k->req.timeout_ms = (long)k->co.timeout_ms;
	k->req.connect_timeout_ms = (long)(c->o.connect_timeout_ms < k->co.timeout_ms ? c->o.connect_timeout_ms : k->co.timeout_ms);
	k->req.max_response_bytes = (size_t)c->o.max_response_bytes;
	k->start = wpllm_monotonic_ms();
	return SUCCESS;
}

static void call_fail(php_wpllm_call *k, attempt_record *rec)
{
	snprintf(rec->error, sizeof(rec->error), "%s", k->err.code);
	k->nodes[k->n - 1].next = NULL;
	k->state = CALL_DONE;
}

/* Credentials, then the signature over the exact body bytes (both afresh for every attempt), a connection. */
int php_wpllm_call_begin(php_wpllm_call *k)
{
	php_wpllm_client *c = k->c;
	attempt_record *rec = &k->log[k->attempts];
	size_t n = k->n;
	const char *auth;

	k->attempts++;
	memset(rec, 0, sizeof(*rec));
	k->state = CALL_RUNNING;
	k->attempt_start = wpllm_monotonic_ms();
	wpllm_error_clear(&k->err);

	if ((auth = credential_line(c, &k->err)) == NULL) {
		call_fail(k, rec);
		return -1;
	}
	/* a JWT line may be replaced by a re-mint while this attempt is in flight: hold it */
	secret_line_release(&k->jwt_line);
	if (c->jwt_line && auth == ZSTR_VAL(c->jwt_line)) {
		k->jwt_line = zend_string_copy(c->jwt_line);
	}
	if (*auth) {
		link_line(k->nodes, &n, (char *)auth);
	}
	if (c->o.signing_secret) {
		char ts[24], sig[65];
		if (wpllm_sign_request_state(&c->o.sign_state, wpllm_wall_ms(), k->body_bytes, k->body_len, ts, sig) != 0) {
			wpllm_error_set(&k->err, WPLLM_E_CONNECTION, "signing_failed", "Signing the request failed (OpenSSL)");
			call_fail(k, rec);
			return -1;
		}
		snprintf(k->ts_line, sizeof(k->ts_line), "X-Timestamp: %s", ts);
		snprintf(k->sig_line, sizeof(k->sig_line), "X-Signature: %s", sig);
		link_line(k->nodes, &n, k->ts_line);
		link_line(k->nodes, &n, k->sig_line);
	}
	k->conn = conn_acquire(c, k->exclusive, &k->conn_owned);
	if (k->conn == NULL) {
		wpllm_error_set(&k->err, WPLLM_E_CONNECTION, "curl_init", "libcurl could not create a handle");
		call_fail(k, rec);
		return -1;
	}
	if (wpllm_http_begin(k->conn, &k->req, k->resp, &k->err) != 0) {
		conn_release(c, k->conn, k->conn_owned);
		k->conn = NULL;
		call_fail(k, rec);
		return -1;
	}
	return 0;
}

/* Classifies the attempt: success, retry after a wait, or a final error. */
call_state php_wpllm_call_end(php_wpllm_call *k, int rc)
{
	php_wpllm_client *c = k->c;
	wpllm_http_response *resp = k->resp;
	attempt_record *rec = &k->log[k->attempts - 1];
	wpllm_retry_input in;
	wpllm_retry_decision d;
	int64_t wait = 0;

	conn_release(c, k->conn, k->conn_owned);
	k->conn = NULL;
	/* unlink the credential and signature lines: the next attempt makes its own */
	k->nodes[k->n - 1].next = NULL;
	rec->status = resp->status;
	k->state = CALL_DONE;

	if (rc == 0 && resp->status >= 200 && resp->status <= 299) {
		if (k->streaming || decode_body(&k->value, resp)) {
			k->ok = true;
		} else {
			wpllm_error_set(&k->err, WPLLM_E_CONNECTION, "invalid_response",
				"The service answered HTTP %ld with a body that is not the JSON expected", resp->status);
			k->err.status = resp->status;
			snprintf(rec->error, sizeof(rec->error), "%s", k->err.code);
		}
		return CALL_DONE;
	}
	if (rc == 0) {
		wpllm_error_from_response(&k->err, resp->status, resp->body.data, resp->body.len,
			wpllm_headers_get(&resp->headers, "x-request-id"));
	} else {
		k->err.status = resp->status;
	}
	snprintf(rec->error, sizeof(rec->error), "%s", k->err.code[0] ? k->err.code : "http_error");

	if (k->err.kind == WPLLM_E_MEMORY || strcmp(k->err.code, "response_too_large") == 0
		|| strcmp(k->err.code, "aborted") == 0 || strcmp(k->err.code, "curl_setopt") == 0
		|| strcmp(k->err.code, "chunk_too_large") == 0) {
		return CALL_DONE; /* would fail the same way again */
	}
	in.status = rc == 0 ? resp->status : 0;
	in.should_retry = wpllm_retry_header_override(wpllm_headers_get(&resp->headers, "x-should-retry"));
	in.server_wait_ms = rc == 0 ? header_wait_ms(&resp->headers, &k->err) : -1;
	in.retries_done = (unsigned)(k->attempts - 1);
	/* the attempt log holds MAX_ATTEMPTS: never more retries than it can record */
	in.max_retries = (unsigned)(k->co.max_retries < MAX_ATTEMPTS - 1 ? k->co.max_retries : MAX_ATTEMPTS - 1);
	in.max_retry_after_ms = c->o.max_retry_after_ms;
	in.unit_random = unit_random();
	k->retry_after_ms = in.server_wait_ms;
	d = wpllm_retry_decide(&in, &wait);
	if (d == WPLLM_RETRY_TOO_LONG) {
		char *m = k->err.message;
		zend_string *msg = zend_strpprintf(0, "%s (the server asked to wait %lld s, more than max_retry_after %lld s: not retried)",
			m ? m : "", (long long)((in.server_wait_ms + 999) / 1000), (long long)(c->o.max_retry_after_ms / 1000));
		free(m);
		k->err.message = strdup(ZSTR_VAL(msg));
		zend_string_release(msg);
	}
	if (d != WPLLM_RETRY_YES) {
		return CALL_DONE;
	}
	rec->wait_ms = wait;
	k->not_before = wpllm_monotonic_ms() + wait;
	k->state = CALL_WAITING;
	return CALL_WAITING;
}

zend_object *php_wpllm_call_exception(php_wpllm_call *k)
{
	zend_object *ex = php_wpllm_exception_create(&k->err, &k->resp->headers, k->retry_after_ms);
	zval_ptr_dtor(&k->c->last_error);
	ZVAL_OBJ_COPY(&k->c->last_error, ex);
	return ex;
}

void php_wpllm_call_dtor(php_wpllm_call *k)
{
	secret_line_release(&k->jwt_line);
	if (k->conn) {
		conn_release(k->c, k->conn, k->conn_owned);
		k->conn = NULL;
	}
	if (k->nodes) {
		efree(k->nodes);
	}
	if (k->idem_custom) {
		zend_string_release(k->idem_custom);
	}
	smart_str_free(&k->url);
	smart_str_free(&k->json);
	php_wpllm_call_options_dtor(&k->co);
	wpllm_error_clear(&k->err);
	wpllm_http_response_free(&k->own_resp);
	zval_ptr_dtor(&k->value);
	ZVAL_UNDEF(&k->value);
}

/* What getLastResponse() reports comes from the last single call. */
static void remember(php_wpllm_client *c, const php_wpllm_call *k)
{
	c->has_last = true;
	memcpy(c->sent_request_id, k->rid_line + 14, WPLLM_UUID_LEN + 1);
	c->attempts = k->attempts;
	memcpy(c->log, k->log, sizeof(attempt_record) * (size_t)k->attempts);
	c->duration_ms = wpllm_monotonic_ms() - k->start;
}

/* One call, start to end: body may be NULL (no body) or an array to send as JSON; query is "" or "k=v&…". */
static zend_result client_send(php_wpllm_client *c, const char *method, const char *path, size_t path_len,
	const smart_str *query, zval *body, HashTable *ro, uint32_t ro_arg, zval *return_value)
{
	php_wpllm_call k;
	bool ok;

	if (php_wpllm_call_init(&k, c, method, path, path_len, query, body, ro, ro_arg, false) == FAILURE) {
		php_wpllm_call_dtor(&k);
		return FAILURE;
	}
	for (;;) {
		if (php_wpllm_call_begin(&k) != 0) {
			break;
		}
		if (php_wpllm_call_end(&k, wpllm_http_end(k.conn, curl_easy_perform(wpllm_http_handle(k.conn)), &k.err)) != CALL_WAITING) {
			break;
		}
		wpllm_sleep_ms(k.not_before - wpllm_monotonic_ms());
	}
	remember(c, &k);
	ok = k.ok;
	if (ok) {
		ZVAL_COPY_VALUE(return_value, &k.value);
		ZVAL_UNDEF(&k.value);
		zval_ptr_dtor(&c->last_error);
		ZVAL_UNDEF(&c->last_error);
	} else {
		zval ex;
		ZVAL_OBJ(&ex, php_wpllm_call_exception(&k));
		zend_throw_exception_object(&ex);
	}
	if (c->resp.body.cap > BODY_KEEP_BYTES) {
		wpllm_buf_free(&c->resp.body);
	}
	php_wpllm_call_dtor(&k);
	return ok ? SUCCESS : FAILURE;
}

static void send_simple(INTERNAL_FUNCTION_PARAMETERS, const char *method, const char *path, zval *body, HashTable *ro,
	uint32_t ro_arg)
{
	php_wpllm_client *c = client_ready(ZEND_THIS);
	if (c == NULL) {
		RETURN_THROWS();
	}
	if (client_send(c, method, path, strlen(path), NULL, body, ro, ro_arg, return_value) == FAILURE) {
		RETURN_THROWS();
	}
}

/* Checks that params[key] is a non-empty string; with model: adds the client's model when absent. */
static zend_result check_required_string(HashTable *params, const char *fn, const char *key)
{
	zval *v = zend_hash_str_find_deref(params, key, strlen(key));
	if (v == NULL) {
		php_wpllm_throw_invalid_argument("%s(): \"%s\" is required", fn, key);
		return FAILURE;
	}
	if (Z_TYPE_P(v) != IS_STRING) {
		php_wpllm_throw_invalid_argument("%s(): \"%s\" must be a string, %s given", fn, key, zend_zval_type_name(v));
		return FAILURE;
	}
	if (Z_STRLEN_P(v) == 0) {
		php_wpllm_throw_invalid_argument("%s(): \"%s\" must not be empty", fn, key);
		return FAILURE;
	}
	return SUCCESS;
}

zend_result php_wpllm_generate_body(php_wpllm_client *c, zval *zparams, const char *fn, const char *required, zval *body)
{
	HashTable *params = Z_ARRVAL_P(zparams);

	if (check_required_string(params, fn, required) == FAILURE) {
		return FAILURE;
	}
	if (zend_hash_str_exists(params, "model", sizeof("model") - 1)) {
		ZVAL_COPY(body, zparams); /* from the zval: an immutable (opcache) array keeps its flags */
	} else {
		zval model;
		ZVAL_ARR(body, zend_array_dup(params));
		ZVAL_STR_COPY(&model, c->o.model);
		zend_hash_str_add_new(Z_ARRVAL_P(body), "model", sizeof("model") - 1, &model);
	}
	return SUCCESS;
}

php_wpllm_client *php_wpllm_client_ready(zval *this_ptr)
{
	return client_ready(this_ptr);
}

static void send_with_model(INTERNAL_FUNCTION_PARAMETERS, const char *fn, const char *required, const char *path)
{
	HashTable *ro = NULL;
	php_wpllm_client *c;
	zval body, *params;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ARRAY(params)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(ro)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = client_ready(ZEND_THIS)) == NULL || php_wpllm_generate_body(c, params, fn, required, &body) == FAILURE) {
		RETURN_THROWS();
	}
	if (client_send(c, "POST", path, strlen(path), NULL, &body, ro, 2, return_value) == FAILURE) {
		zval_ptr_dtor(&body);
		RETURN_THROWS();
	}
	zval_ptr_dtor(&body);
}

ZEND_METHOD(WPLLM_Client, __construct)
{
	zval *arg = NULL;
	php_wpllm_client *c = Z_CLIENT_P(ZEND_THIS);

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(arg)
	ZEND_PARSE_PARAMETERS_END();

	if (arg && Z_TYPE_P(arg) != IS_NULL && Z_TYPE_P(arg) != IS_STRING && Z_TYPE_P(arg) != IS_ARRAY) {
		zend_argument_type_error(1, "must be of type array|string|null, %s given", zend_zval_type_name(arg));
		RETURN_THROWS();
	}
	if (c->ready) {
		zend_throw_error(NULL, "WPLLM\\Client is already constructed");
		RETURN_THROWS();
	}
	if (php_wpllm_options_resolve(&c->o, arg) == FAILURE) {
		php_wpllm_options_dtor(&c->o);
		RETURN_THROWS();
	}
	c->ready = true;
}

ZEND_METHOD(WPLLM_Client, generate)
{
	send_with_model(INTERNAL_FUNCTION_PARAM_PASSTHRU, "generate", "prompt", "/v1/generate");
}

ZEND_METHOD(WPLLM_Client, analyze)
{
	send_with_model(INTERNAL_FUNCTION_PARAM_PASSTHRU, "analyze", "code", "/v1/analyze");
}

ZEND_METHOD(WPLLM_Client, models)
{
	HashTable *ro = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(ro)
	ZEND_PARSE_PARAMETERS_END();
	send_simple(INTERNAL_FUNCTION_PARAM_PASSTHRU, "GET", "/v1/models", NULL, ro, 1);
}

ZEND_METHOD(WPLLM_Client, model)
{
	zend_string *id, *enc;
	HashTable *ro = NULL;
	php_wpllm_client *c;
	smart_str path = {0};
	zend_result r;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(id)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(ro)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = client_ready(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	if (ZSTR_LEN(id) == 0) {
		php_wpllm_throw_invalid_argument("model(): the model id must not be empty");
		RETURN_THROWS();
	}
	enc = php_raw_url_encode(ZSTR_VAL(id), ZSTR_LEN(id));
	smart_str_appends(&path, "/v1/models/");
	smart_str_append(&path, enc);
	smart_str_0(&path);
	zend_string_release(enc);
	r = client_send(c, "GET", ZSTR_VAL(path.s), ZSTR_LEN(path.s), NULL, NULL, ro, 2, return_value);
	smart_str_free(&path);
	if (r == FAILURE) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(WPLLM_Client, health)
{
	HashTable *ro = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(ro)
	ZEND_PARSE_PARAMETERS_END();
	send_simple(INTERNAL_FUNCTION_PARAM_PASSTHRU, "GET", "/v1/health", NULL, ro, 1);
}

ZEND_METHOD(WPLLM_Client, testConnection)
{
	php_wpllm_client *c;
	zval rv;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((c = client_ready(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	ZVAL_UNDEF(&rv);
	if (client_send(c, "GET", "/v1/health", sizeof("/v1/health") - 1, NULL, NULL, NULL, 1, &rv) == FAILURE) {
		/* never throws: the failure stays readable through getLastError() */
		zend_clear_exception();
		RETURN_FALSE;
	}
	zval_ptr_dtor(&rv);
	RETURN_TRUE;
}

ZEND_METHOD(WPLLM_Client, validateToken)
{
	HashTable *ro = NULL;
	zval body;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(ro)
	ZEND_PARSE_PARAMETERS_END();
	ZVAL_EMPTY_ARRAY(&body);
	send_simple(INTERNAL_FUNCTION_PARAM_PASSTHRU, "POST", "/v1/auth/validate", &body, ro, 1);
}

/* ['k' => scalar, ...] as k=v&… with RFC 3986 encoding; nested arrays are refused rather than guessed at. */
static zend_result build_query(HashTable *q, smart_str *out)
{
	zend_string *key;
	zend_ulong idx;
	zval *v;

	ZEND_HASH_FOREACH_KEY_VAL(q, idx, key, v) {
		zend_string *k, *val, *enc;
		ZVAL_DEREF(v);
		if (Z_TYPE_P(v) == IS_NULL) {
			continue;
		}
		k = key ? zend_string_copy(key) : zend_long_to_str((zend_long)idx);
		switch (Z_TYPE_P(v)) {
			case IS_STRING: val = zend_string_copy(Z_STR_P(v)); break;
			case IS_LONG: val = zend_long_to_str(Z_LVAL_P(v)); break;
			case IS_DOUBLE: val = zend_double_to_str(Z_DVAL_P(v)); break;
			case IS_TRUE: val = zend_string_init("true", 4, 0); break;
			case IS_FALSE: val = zend_string_init("false", 5, 0); break;
			default:
				php_wpllm_throw_invalid_argument("request(): query parameter \"%s\" must be a scalar, %s given",
					ZSTR_VAL(k), zend_zval_type_name(v));
				zend_string_release(k);
				return FAILURE;
		}
		if (out->s && ZSTR_LEN(out->s)) {
			smart_str_appendc(out, '&');
		}
		enc = php_raw_url_encode(ZSTR_VAL(k), ZSTR_LEN(k));
		smart_str_append(out, enc);
		zend_string_release(enc);
		smart_str_appendc(out, '=');
		enc = php_raw_url_encode(ZSTR_VAL(val), ZSTR_LEN(val));
		smart_str_append(out, enc);
		zend_string_release(enc);
		zend_string_release(k);
		zend_string_release(val);
	} ZEND_HASH_FOREACH_END();
	smart_str_0(out);
	return SUCCESS;
}

ZEND_METHOD(WPLLM_Client, request)
{
	static const char *const methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", NULL};
	zend_string *method, *path;
	HashTable *query = NULL, *ro = NULL;
	zval *body = NULL;
	php_wpllm_client *c;
	smart_str qs = {0};
	const char *m = NULL;
	wpllm_error err;
	zend_result r;
	int i;

	ZEND_PARSE_PARAMETERS_START(2, 5)
		Z_PARAM_STR(method)
		Z_PARAM_STR(path)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_OR_NULL(body)
		Z_PARAM_ARRAY_HT(query)
		Z_PARAM_ARRAY_HT(ro)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = client_ready(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	for (i = 0; methods[i]; i++) {
		if (zend_string_equals_cstr(method, methods[i], strlen(methods[i]))
			|| (ZSTR_LEN(method) == strlen(methods[i]) && strncasecmp(ZSTR_VAL(method), methods[i], ZSTR_LEN(method)) == 0)) {
			m = methods[i];
			break;
		}
	}
	if (m == NULL) {
		php_wpllm_throw_invalid_argument("request(): the method must be GET, POST, PUT, PATCH or DELETE");
		RETURN_THROWS();
	}
	wpllm_error_init(&err);
	if (wpllm_url_check_path(ZSTR_VAL(path), ZSTR_LEN(path), &err) != 0) {
		php_wpllm_throw_invalid_argument("request(): %s", err.message);
		wpllm_error_clear(&err);
		RETURN_THROWS();
	}
	wpllm_error_clear(&err);
	if (query && build_query(query, &qs) == FAILURE) {
		smart_str_free(&qs);
		RETURN_THROWS();
	}
	r = client_send(c, m, ZSTR_VAL(path), ZSTR_LEN(path), &qs, body, ro, 5, return_value);
	smart_str_free(&qs);
	if (r == FAILURE) {
		RETURN_THROWS();
	}
}

static void add_optional_long(zval *arr, const char *key, const char *value)
{
	char *end;
	long long v;
	if (value && *value) {
		v = strtoll(value, &end, 10);
		if (*end == '\0') {
			add_assoc_long(arr, key, (zend_long)v);
			return;
		}
	}
	add_assoc_null(arr, key);
}

static const char *rate_header(const wpllm_headers *h, const char *suffix)
{
	char name[40];
	const char *v;
	snprintf(name, sizeof(name), "x-ratelimit-%s", suffix);
	if ((v = wpllm_headers_get(h, name))) {
		return v;
	}
	snprintf(name, sizeof(name), "x-rate-limit-%s", suffix);
	return wpllm_headers_get(h, name);
}

ZEND_METHOD(WPLLM_Client, getLastResponse)
{
	php_wpllm_client *c;
	zval headers, rate, log;
	const char *rid;
	int i;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((c = client_ready(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	if (!c->has_last) {
		RETURN_NULL();
	}
	array_init_size(return_value, 8);
	add_assoc_long(return_value, "status", c->resp.status);
	php_wpllm_headers_to_array(&headers, &c->resp.headers);
	add_assoc_zval(return_value, "headers", &headers);
	rid = wpllm_headers_get(&c->resp.headers, "x-request-id");
	add_assoc_string(return_value, "request_id", rid ? rid : c->sent_request_id);
	add_assoc_long(return_value, "attempts", c->attempts);
	add_assoc_long(return_value, "duration_ms", (zend_long)c->duration_ms);
	array_init_size(&rate, 3);
	add_optional_long(&rate, "limit", rate_header(&c->resp.headers, "limit"));
	add_optional_long(&rate, "remaining", rate_header(&c->resp.headers, "remaining"));
	add_optional_long(&rate, "reset", rate_header(&c->resp.headers, "reset"));
	add_assoc_zval(return_value, "rate_limit", &rate);
	array_init_size(&log, (uint32_t)c->attempts);
	for (i = 0; i < c->attempts; i++) {
		zval rec;
		array_init_size(&rec, 3);
		add_assoc_long(&rec, "status", c->log[i].status);
		if (c->log[i].error[0]) {
			add_assoc_string(&rec, "error", c->log[i].error);
		} else {
			add_assoc_null(&rec, "error");
		}
		add_assoc_long(&rec, "wait_ms", (zend_long)c->log[i].wait_ms);
		add_next_index_zval(&log, &rec);
	}
	add_assoc_zval(return_value, "attempt_log", &log);
	add_assoc_bool(return_value, "connection_reused", c->resp.reused);
}

ZEND_METHOD(WPLLM_Client, getLastError)
{
	php_wpllm_client *c;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((c = client_ready(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	if (Z_ISUNDEF(c->last_error)) {
		RETURN_NULL();
	}
	RETURN_COPY(&c->last_error);
}

void php_wpllm_client_init_ce(void)
{
	php_wpllm_client_ce = register_class_WPLLM_Client();
	php_wpllm_client_ce->create_object = client_create;

	memcpy(&client_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	client_handlers.offset = XtOffsetOf(php_wpllm_client, std);
	client_handlers.free_obj = client_free;
	client_handlers.clone_obj = NULL;
	client_handlers.get_gc = client_get_gc;
	client_handlers.get_properties_for = client_get_properties_for;
}
