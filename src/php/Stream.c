/* Stream.c: WPLLM\Stream and Client::generateStream() (chunks as they arrive, through the core's NDJSON/SSE
 * decoder, never the whole body), and Client::generateBatch() (curl_multi, each item with its own retries). Both
 * run the same call steps as any request (client.h); only the sending differs. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "ext/json/php_json_parser.h"

#include "php_wpllm.h"
#include "client.h"
#include "exceptions.h"
#include "core/stream.h"
#include "Stream_arginfo.h"

#define PUMP_WAIT_MS 50

typedef struct {
	zval client;                 /* keeps the client (and its settings) alive as long as the stream */
	php_wpllm_call *k;
	wpllm_multi *multi;
	bool multi_owned;
	bool in_multi;
	wpllm_stream_decoder dec;
	zval queue;                  /* chunks decoded and not yet handed out */
	uint32_t qpos;
	zval current;
	zend_long key;
	bool started;
	bool finished;               /* the body ended cleanly */
	bool delivered;              /* at least one chunk reached the reader: no more retries */
	bool failed;
	wpllm_error err;             /* why, when failed */
	/* the assembled response */
	zval meta;                   /* id, object, created, model of the first chunk */
	smart_str text;
	zval finish_reason;
	zval usage;
	zend_object std;
} php_wpllm_stream;

static zend_class_entry *stream_ce;
static zend_object_handlers stream_handlers;

static inline php_wpllm_stream *stream_from(zend_object *o)
{
	return (php_wpllm_stream *)((char *)o - XtOffsetOf(php_wpllm_stream, std));
}

static zend_object *stream_create(zend_class_entry *ce)
{
	php_wpllm_stream *s = zend_object_alloc(sizeof(php_wpllm_stream), ce);
	zend_object_std_init(&s->std, ce);
	object_properties_init(&s->std, ce);
	s->std.handlers = &stream_handlers;
	ZVAL_UNDEF(&s->client);
	array_init(&s->queue);
	ZVAL_UNDEF(&s->current);
	ZVAL_UNDEF(&s->meta);
	ZVAL_NULL(&s->finish_reason);
	ZVAL_NULL(&s->usage);
	s->key = -1;
	wpllm_error_init(&s->err);
	wpllm_stream_init(&s->dec, WPLLM_STREAM_UNKNOWN);
	return &s->std;
}

/* Stops the transfer where it is: a reader that breaks out of the loop frees everything here. */
static void stream_stop(php_wpllm_stream *s)
{
	if (s->k) {
		/* after a fork() the transfer is the parent's: neither removed (that would close its connection) nor freed */
		if (s->in_multi && s->k->conn && wpllm_http_conn_is_mine(s->k->conn)) {
			wpllm_multi_remove(s->multi, s->k->conn);
		}
		s->in_multi = false;
		php_wpllm_call_dtor(s->k);
		efree(s->k);
		s->k = NULL;
	}
	if (s->multi && s->multi_owned) {
		wpllm_multi_free(s->multi);
	}
	s->multi = NULL;
}

static void stream_free(zend_object *o)
{
	php_wpllm_stream *s = stream_from(o);
	stream_stop(s);
	wpllm_stream_free(&s->dec);
	wpllm_error_clear(&s->err);
	zval_ptr_dtor(&s->queue);
	zval_ptr_dtor(&s->current);
	zval_ptr_dtor(&s->meta);
	zval_ptr_dtor(&s->finish_reason);
	zval_ptr_dtor(&s->usage);
	smart_str_free(&s->text);
	zval_ptr_dtor(&s->client);
	zend_object_std_dtor(o);
}

static HashTable *stream_get_gc(zend_object *o, zval **table, int *n)
{
	php_wpllm_stream *s = stream_from(o);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	zend_get_gc_buffer_add_zval(buf, &s->client);
	zend_get_gc_buffer_add_zval(buf, &s->queue);
	zend_get_gc_buffer_add_zval(buf, &s->current);
	zend_get_gc_buffer_use(buf, table, n);
	return zend_std_get_properties(o);
}

/* choices[0].delta.text, or choices[0].text */
static zval *chunk_text(zval *chunk, zval **finish)
{
	zval *choices = zend_hash_str_find(Z_ARRVAL_P(chunk), "choices", sizeof("choices") - 1), *c0, *delta, *t;
	*finish = NULL;
	if (choices == NULL || Z_TYPE_P(choices) != IS_ARRAY || (c0 = zend_hash_index_find(Z_ARRVAL_P(choices), 0)) == NULL
		|| Z_TYPE_P(c0) != IS_ARRAY) {
		return NULL;
	}
	*finish = zend_hash_str_find(Z_ARRVAL_P(c0), "finish_reason", sizeof("finish_reason") - 1);
	delta = zend_hash_str_find(Z_ARRVAL_P(c0), "delta", sizeof("delta") - 1);
	if (delta && Z_TYPE_P(delta) == IS_ARRAY && (t = zend_hash_str_find(Z_ARRVAL_P(delta), "text", 4)) && Z_TYPE_P(t) == IS_STRING) {
		return t;
	}
	t = zend_hash_str_find(Z_ARRVAL_P(c0), "text", 4);
	return t && Z_TYPE_P(t) == IS_STRING ? t : NULL;
}

/* One decoded event: a chunk for the reader, or a mid-stream error. Returns non-zero to stop the transfer. */
static int on_event(void *ctx, const char *event, const char *data, size_t len)
{
	php_wpllm_stream *s = ctx;
	php_json_parser parser;
	zval chunk, *text, *finish, *err_obj, tmp;

	zend_string *text_copy;
	int parsed;

	/* PHP's JSON scanner reads up to a NUL, not up to a length: give it a terminated copy */
	text_copy = zend_string_init(data, len, 0);
	ZVAL_UNDEF(&chunk);
	php_json_parser_init(&parser, &chunk, ZSTR_VAL(text_copy), len, PHP_JSON_OBJECT_AS_ARRAY, PHP_JSON_PARSER_DEFAULT_DEPTH);
	parsed = php_json_parse(&parser);
	zend_string_release(text_copy);
	if (parsed != 0 || Z_TYPE(chunk) != IS_ARRAY) {
		zval_ptr_dtor(&chunk);
		wpllm_error_set(&s->err, WPLLM_E_CONNECTION, "invalid_chunk",
			"A streamed chunk is not a JSON object (after %ld chunks)", (long)(s->key + 1 + zend_hash_num_elements(Z_ARRVAL(s->queue)) - s->qpos));
		s->err.status = s->k->resp->status;
		s->failed = true;
		return 1;
	}
	err_obj = zend_hash_str_find(Z_ARRVAL(chunk), "error", sizeof("error") - 1);
	if (strcmp(event, "error") == 0 || (err_obj && Z_TYPE_P(err_obj) == IS_ARRAY)) {
		/* the service's error envelope, mid-stream: read by the same code as an error answer */
		wpllm_error_from_response(&s->err, 0, data, len, wpllm_headers_get(&s->k->resp->headers, "x-request-id"));
		s->err.status = s->k->resp->status;
		if (s->err.kind == WPLLM_E_API) {
			s->err.kind = WPLLM_E_SERVER;
		}
		zval_ptr_dtor(&chunk);
		s->failed = true;
		return 1;
	}
	text = chunk_text(&chunk, &finish);
	if (text) {
		smart_str_append(&s->text, Z_STR_P(text));
		ZVAL_STR_COPY(&tmp, Z_STR_P(text));
	} else {
		ZVAL_EMPTY_STRING(&tmp);
	}
	/* the PHP SDK docs read $chunk['text']: this chunk's new text of choice 0 */
	zend_hash_str_update(Z_ARRVAL(chunk), "text", 4, &tmp);
	if (finish && Z_TYPE_P(finish) == IS_STRING) {
		zval_ptr_dtor(&s->finish_reason);
		ZVAL_COPY(&s->finish_reason, finish);
	}
	if ((err_obj = zend_hash_str_find(Z_ARRVAL(chunk), "usage", 5)) && Z_TYPE_P(err_obj) == IS_ARRAY) {
		zval_ptr_dtor(&s->usage);
		ZVAL_COPY(&s->usage, err_obj);
	}
	if (Z_ISUNDEF(s->meta)) {
		static const char *const keys[] = {"id", "created", "model", NULL};
		int i;
		array_init(&s->meta);
		for (i = 0; keys[i]; i++) {
			zval *v = zend_hash_str_find(Z_ARRVAL(chunk), keys[i], strlen(keys[i]));
			if (v) {
				Z_TRY_ADDREF_P(v);
				zend_hash_str_update(Z_ARRVAL(s->meta), keys[i], strlen(keys[i]), v);
			}
		}
	}
	add_next_index_zval(&s->queue, &chunk);
	s->delivered = true;
	return 0;
}

static int on_body(void *ctx, long status, const char *data, size_t len)
{
	php_wpllm_stream *s = ctx;
	(void)status;
	if (s->dec.format == WPLLM_STREAM_UNKNOWN && s->dec.line.len == 0 && !s->dec.started) {
		s->dec.format = wpllm_stream_format_for(wpllm_headers_get(&s->k->resp->headers, "content-type"));
	}
	if (wpllm_stream_feed(&s->dec, data, len, on_event, s, &s->err) != 0) {
		s->failed = true;
		if (s->err.status == 0) {
			s->err.status = s->k->resp->status;
		}
		return 1;
	}
	return 0;
}

static bool queue_has(php_wpllm_stream *s)
{
	return s->qpos < zend_hash_num_elements(Z_ARRVAL(s->queue));
}

/* the attempt is over: read its outcome, retrying only while nothing has reached the reader */
static void attempt_over(php_wpllm_stream *s, int rc)
{
	php_wpllm_call *k = s->k;

	wpllm_multi_remove(s->multi, k->conn);
	s->in_multi = false;
	if (s->failed) {
		/* our own reason (a bad chunk, an error event, a timeout) beats libcurl's "aborted" */
		php_wpllm_call_end(k, 0);
		k->state = CALL_DONE;
		return;
	}
	if (rc == 0 && k->resp->status >= 200 && k->resp->status <= 299) {
		if (wpllm_stream_finish(&s->dec, on_event, s, &s->err) != 0) {
			s->failed = true;
		} else if (!s->dec.done && Z_TYPE(s->finish_reason) != IS_STRING) {
			/* neither [DONE] nor a finish_reason: the connection ended before the generation did */
			wpllm_error_set(&s->err, WPLLM_E_CONNECTION, "stream_incomplete",
				"The stream ended before its last chunk (no finish_reason, no [DONE])");
			s->err.status = k->resp->status;
			s->failed = true;
		}
	}
	if (php_wpllm_call_end(k, rc) == CALL_WAITING && !s->delivered) {
		wpllm_stream_free(&s->dec);
		wpllm_stream_init(&s->dec, WPLLM_STREAM_UNKNOWN);
		return; /* retried after k->not_before */
	}
	k->state = CALL_DONE;
	if (!s->failed) {
		if (k->ok) {
			s->finished = true;
		} else {
			s->failed = true;
			s->err = k->err;
			wpllm_error_init(&k->err);
		}
	}
}

/* Drives the transfer until a chunk is ready, the stream ends, or it fails. */
static void pump(php_wpllm_stream *s)
{
	while (!queue_has(s) && !s->finished && !s->failed && s->k) {
		php_wpllm_call *k = s->k;
		int64_t now = wpllm_monotonic_ms();
		CURLcode rc;

		if (k->state == CALL_WAITING && now < k->not_before) {
			wpllm_sleep_ms(k->not_before - now);
			continue;
		}
		if (k->state == CALL_READY || k->state == CALL_WAITING) {
			if (php_wpllm_call_begin(k) != 0 || wpllm_multi_add(s->multi, k->conn) != 0) {
				s->failed = true;
				if (k->err.message) {
					s->err = k->err;
					wpllm_error_init(&k->err);
				} else {
					wpllm_error_set(&s->err, WPLLM_E_CONNECTION, "curl_multi", "libcurl could not start the transfer");
				}
				return;
			}
			s->in_multi = true;
			continue;
		}
		if (wpllm_multi_run(s->multi, PUMP_WAIT_MS) < 0) {
			wpllm_error_set(&s->err, WPLLM_E_CONNECTION, "curl_multi", "libcurl's multi interface failed");
			s->failed = true;
			return;
		}
		if (wpllm_http_done(k->conn, &rc)) {
			attempt_over(s, wpllm_http_end(k->conn, rc, &k->err));
			continue;
		}
		/* timeouts: `timeout` for the first byte, then stream_idle_timeout for every gap */
		now = wpllm_monotonic_ms();
		{
			int64_t last = wpllm_http_last_byte_ms(k->conn);
			php_wpllm_client *c = php_wpllm_client_from(Z_OBJ(s->client));
			if (last == 0 && now - k->attempt_start > k->co.timeout_ms) {
				wpllm_error_set(&k->err, WPLLM_E_TIMEOUT, "timeout", "No answer within %lld ms", (long long)k->co.timeout_ms);
				wpllm_multi_remove(s->multi, k->conn);
				s->in_multi = false;
				if (php_wpllm_call_end(k, -1) != CALL_WAITING) {
					s->failed = true;
					s->err = k->err;
					wpllm_error_init(&k->err);
				}
			} else if (last != 0 && now - last > php_wpllm_stream_idle_ms(c)) {
				wpllm_error_set(&s->err, WPLLM_E_TIMEOUT, "stream_idle_timeout",
					"The stream sent nothing for %lld ms (stream_idle_timeout)", (long long)php_wpllm_stream_idle_ms(c));
				s->err.status = k->resp->status;
				s->failed = true;
				wpllm_multi_remove(s->multi, k->conn);
				s->in_multi = false;
				php_wpllm_call_end(k, 0);
				k->state = CALL_DONE;
			}
		}
	}
}

static void throw_failure(php_wpllm_stream *s)
{
	php_wpllm_client *c = php_wpllm_client_from(Z_OBJ(s->client));
	zend_object *ex = php_wpllm_exception_create(&s->err, s->k ? &s->k->resp->headers : NULL, s->k ? s->k->retry_after_ms : -1);
	zval z;
	zval_ptr_dtor(&c->last_error);
	ZVAL_OBJ_COPY(&c->last_error, ex);
	ZVAL_OBJ(&z, ex);
	zend_throw_exception_object(&z);
}

/* Moves to the next chunk (pumping as needed); throws a mid-stream failure once it is reached. */
static void advance(php_wpllm_stream *s)
{
	zval *next;

	zval_ptr_dtor(&s->current);
	ZVAL_UNDEF(&s->current);
	pump(s);
	if (queue_has(s)) {
		next = zend_hash_index_find(Z_ARRVAL(s->queue), s->qpos);
		ZVAL_COPY_VALUE(&s->current, next);
		ZVAL_UNDEF(next);
		zend_hash_index_del(Z_ARRVAL(s->queue), s->qpos);
		s->qpos++;
		s->key++;
		return;
	}
	if (s->failed) {
		throw_failure(s);
		stream_stop(s);
		return;
	}
	stream_stop(s); /* finished: the connection goes back to the pool */
}

ZEND_METHOD(WPLLM_Stream, __construct)
{
}

ZEND_METHOD(WPLLM_Stream, rewind)
{
	php_wpllm_stream *s = stream_from(Z_OBJ_P(ZEND_THIS));
	ZEND_PARSE_PARAMETERS_NONE();
	if (s->started) {
		if (s->key > 0) {
			zend_throw_exception(NULL, "Cannot rewind a WPLLM\\Stream: its chunks are read once, as they arrive", 0);
			RETURN_THROWS();
		}
		return;
	}
	s->started = true;
	advance(s);
}

ZEND_METHOD(WPLLM_Stream, valid)
{
	php_wpllm_stream *s = stream_from(Z_OBJ_P(ZEND_THIS));
	ZEND_PARSE_PARAMETERS_NONE();
	if (!s->started) {
		s->started = true;
		advance(s);
		if (EG(exception)) {
			RETURN_THROWS();
		}
	}
	RETURN_BOOL(!Z_ISUNDEF(s->current));
}

ZEND_METHOD(WPLLM_Stream, current)
{
	php_wpllm_stream *s = stream_from(Z_OBJ_P(ZEND_THIS));
	ZEND_PARSE_PARAMETERS_NONE();
	if (Z_ISUNDEF(s->current)) {
		RETURN_NULL();
	}
	RETURN_COPY(&s->current);
}

ZEND_METHOD(WPLLM_Stream, key)
{
	php_wpllm_stream *s = stream_from(Z_OBJ_P(ZEND_THIS));
	ZEND_PARSE_PARAMETERS_NONE();
	if (Z_ISUNDEF(s->current)) {
		RETURN_NULL();
	}
	RETURN_LONG(s->key);
}

ZEND_METHOD(WPLLM_Stream, next)
{
	php_wpllm_stream *s = stream_from(Z_OBJ_P(ZEND_THIS));
	ZEND_PARSE_PARAMETERS_NONE();
	if (!s->started) {
		s->started = true;
	}
	advance(s);
}

static void assembled(php_wpllm_stream *s, zval *out)
{
	zval choices, choice;

	array_init(out);
	if (!Z_ISUNDEF(s->meta)) {
		zend_hash_copy(Z_ARRVAL_P(out), Z_ARRVAL(s->meta), zval_add_ref);
	}
	add_assoc_string(out, "object", "text_completion");
	array_init(&choice);
	add_assoc_long(&choice, "index", 0);
	if (s->text.s) {
		smart_str_0(&s->text);
		add_assoc_str(&choice, "text", zend_string_copy(s->text.s));
	} else {
		add_assoc_string(&choice, "text", "");
	}
	Z_TRY_ADDREF(s->finish_reason);
	add_assoc_zval(&choice, "finish_reason", &s->finish_reason);
	array_init(&choices);
	add_next_index_zval(&choices, &choice);
	add_assoc_zval(out, "choices", &choices);
	Z_TRY_ADDREF(s->usage);
	add_assoc_zval(out, "usage", &s->usage);
}

ZEND_METHOD(WPLLM_Stream, getResponse)
{
	php_wpllm_stream *s = stream_from(Z_OBJ_P(ZEND_THIS));
	ZEND_PARSE_PARAMETERS_NONE();
	if (!s->finished || queue_has(s) || !Z_ISUNDEF(s->current)) {
		RETURN_NULL(); /* only once every chunk has been read */
	}
	assembled(s, return_value);
}

/* generateStream(array $params, ?callable $onChunk = null, array $requestOptions = []) */
ZEND_METHOD(WPLLM_Client, generateStream)
{
	HashTable *params, *ro = NULL;
	zval *zparams;
	zend_fcall_info fci = empty_fcall_info;
	zend_fcall_info_cache fcc = empty_fcall_info_cache;
	php_wpllm_client *c;
	php_wpllm_stream *s;
	zval body, obj, *on_chunk;
	bool has_cb;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_ARRAY(zparams)
		Z_PARAM_OPTIONAL
		Z_PARAM_FUNC_OR_NULL(fci, fcc)
		Z_PARAM_ARRAY_HT(ro)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = php_wpllm_client_ready(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	params = Z_ARRVAL_P(zparams);
	has_cb = ZEND_FCI_INITIALIZED(fci);
	/* on_chunk may also come in the params (the PHP SDK docs' spelling); it is never sent */
	on_chunk = zend_hash_str_find_deref(params, "on_chunk", sizeof("on_chunk") - 1);
	if (on_chunk) {
		char *error = NULL;
		if (has_cb) {
			php_wpllm_throw_invalid_argument("generateStream(): give the callback once, either as on_chunk or as argument #2");
			RETURN_THROWS();
		}
		if (zend_fcall_info_init(on_chunk, 0, &fci, &fcc, NULL, &error) != SUCCESS) {
			php_wpllm_throw_invalid_argument("generateStream(): on_chunk must be a callable%s%s", error ? ": " : "", error ? error : "");
			if (error) {
				efree(error);
			}
			RETURN_THROWS();
		}
		if (error) {
			efree(error);
		}
		has_cb = true;
	}
	if (php_wpllm_generate_body(c, zparams, "generateStream", "prompt", &body) == FAILURE) {
		RETURN_THROWS();
	}
	if (on_chunk) {
		SEPARATE_ARRAY(&body);
		zend_hash_str_del(Z_ARRVAL(body), "on_chunk", sizeof("on_chunk") - 1);
	}

	object_init_ex(&obj, stream_ce);
	s = stream_from(Z_OBJ(obj));
	ZVAL_OBJ_COPY(&s->client, &c->std);
	s->k = emalloc(sizeof(php_wpllm_call));
	if (php_wpllm_call_init(s->k, c, "POST", "/v1/generate/stream", sizeof("/v1/generate/stream") - 1, NULL, &body, ro, 3, true) == FAILURE) {
		zval_ptr_dtor(&body);
		zval_ptr_dtor(&obj);
		RETURN_THROWS();
	}
	zval_ptr_dtor(&body);
	s->k->streaming = true;
	s->k->exclusive = true; /* a connection of its own: the client may make other calls while the stream is open */
	s->k->nodes[1].data = "Accept: application/x-ndjson, text/event-stream;q=0.9, application/json;q=0.5";
	s->k->req.timeout_ms = 0;            /* no bound on the whole stream: the first byte and each gap are bounded */
	s->k->req.on_body = on_body;
	s->k->req.on_body_ctx = s;
	s->multi = php_wpllm_client_multi(c, &s->multi_owned);
	if (s->multi == NULL) {
		zval_ptr_dtor(&obj);
		zend_throw_error(NULL, "libcurl could not create a multi handle");
		RETURN_THROWS();
	}

	if (!has_cb) {
		RETURN_COPY_VALUE(&obj);
	}
	/* the callback form: the same iterator, driven here */
	s->started = true;
	advance(s);
	while (!EG(exception) && !Z_ISUNDEF(s->current)) {
		zval rv, arg;
		ZVAL_COPY(&arg, &s->current);
		fci.retval = &rv;
		fci.param_count = 1;
		fci.params = &arg;
		if (zend_call_function(&fci, &fcc) == SUCCESS) {
			zval_ptr_dtor(&rv);
		}
		zval_ptr_dtor(&arg);
		if (EG(exception)) {
			break;
		}
		advance(s);
	}
	if (EG(exception)) {
		zval_ptr_dtor(&obj);
		RETURN_THROWS();
	}
	assembled(s, return_value);
	zval_ptr_dtor(&obj);
}

/* generateBatch(array $requests, array $options = []): concurrently, results in input order in Guzzle's settle shape */
ZEND_METHOD(WPLLM_Client, generateBatch)
{
	HashTable *requests, *options = NULL;
	php_wpllm_client *c;
	zend_long concurrency = 8;
	uint32_t n, i, done = 0;
	php_wpllm_call *calls;
	zval *item, *results, ro, *v;
	zend_string *key;
	wpllm_multi *multi;
	bool multi_owned = false;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ARRAY_HT(requests)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = php_wpllm_client_ready(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	/* batch options: concurrency, and request options that apply to every item */
	array_init(&ro);
	if (options) {
		ZEND_HASH_FOREACH_STR_KEY_VAL(options, key, v) {
			ZVAL_DEREF(v);
			if (key && zend_string_equals_literal(key, "concurrency")) {
				if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < 1 || Z_LVAL_P(v) > 64) {
					zval_ptr_dtor(&ro);
					php_wpllm_throw_invalid_argument("generateBatch(): \"concurrency\" must be an int from 1 to 64");
					RETURN_THROWS();
				}
				concurrency = Z_LVAL_P(v);
			} else if (key && (zend_string_equals_literal(key, "timeout") || zend_string_equals_literal(key, "max_retries")
					|| zend_string_equals_literal(key, "headers"))) {
				Z_TRY_ADDREF_P(v);
				zend_hash_update(Z_ARRVAL(ro), key, v);
			} else {
				zval_ptr_dtor(&ro);
				php_wpllm_throw_invalid_argument("generateBatch(): unknown option \"%s\"; allowed: concurrency, timeout, max_retries, headers",
					key ? ZSTR_VAL(key) : "(integer key)");
				RETURN_THROWS();
			}
		} ZEND_HASH_FOREACH_END();
	}
	n = zend_hash_num_elements(requests);
	array_init_size(return_value, n);
	if (n == 0) {
		zval_ptr_dtor(&ro);
		return;
	}
	multi = php_wpllm_client_multi(c, &multi_owned);
	if (multi == NULL) {
		zval_ptr_dtor(&ro);
		zend_throw_error(NULL, "libcurl could not create a multi handle");
		RETURN_THROWS();
	}
	calls = ecalloc(n, sizeof(php_wpllm_call));
	results = ecalloc(n, sizeof(zval));

	/* each item is checked on its own: a bad one is rejected, the rest go ahead */
	i = 0;
	ZEND_HASH_FOREACH_VAL(requests, item) {
		zval body;
		ZVAL_UNDEF(&results[i]);
		calls[i].state = CALL_DONE;
		ZVAL_DEREF(item);
		if (Z_TYPE_P(item) != IS_ARRAY) {
			php_wpllm_throw_invalid_argument("generateBatch(): item #%u must be an array of generate() parameters, %s given",
				i, zend_zval_type_name(item));
		} else if (php_wpllm_generate_body(c, item, "generateBatch", "prompt", &body) == SUCCESS) {
			if (php_wpllm_call_init(&calls[i], c, "POST", "/v1/generate", sizeof("/v1/generate") - 1, NULL, &body,
					Z_ARRVAL(ro), 2, true) == SUCCESS) {
				calls[i].exclusive = true;
			} else {
				php_wpllm_call_dtor(&calls[i]);
				memset(&calls[i], 0, sizeof(calls[i]));
				calls[i].state = CALL_DONE;
				ZVAL_UNDEF(&calls[i].value);
			}
			zval_ptr_dtor(&body);
		}
		if (EG(exception)) {
			zval reason;
			ZVAL_OBJ(&reason, EG(exception));
			GC_ADDREF(EG(exception));
			zend_clear_exception();
			array_init(&results[i]);
			add_assoc_string(&results[i], "state", "rejected");
			add_assoc_zval(&results[i], "reason", &reason);
			done++;
		}
		i++;
	} ZEND_HASH_FOREACH_END();

	while (done < n) {
		int64_t now = wpllm_monotonic_ms(), next_wake = INT64_MAX;
		uint32_t running = 0;
		CURLcode rc;

		for (i = 0; i < n; i++) {
			if (calls[i].state == CALL_RUNNING) {
				running++;
			}
		}
		/* start what may start, in input order, up to the concurrency */
		for (i = 0; i < n && running < (uint32_t)concurrency; i++) {
			php_wpllm_call *k = &calls[i];
			if (!Z_ISUNDEF(results[i]) || (k->state != CALL_READY && k->state != CALL_WAITING)) {
				continue;
			}
			if (k->state == CALL_WAITING && k->not_before > now) {
				if (k->not_before < next_wake) {
					next_wake = k->not_before;
				}
				continue;
			}
			if (php_wpllm_call_begin(k) == 0 && wpllm_multi_add(multi, k->conn) == 0) {
				running++;
			} else {
				if (k->state == CALL_RUNNING) {
					wpllm_error_set(&k->err, WPLLM_E_CONNECTION, "curl_multi", "libcurl could not start the transfer");
					php_wpllm_call_end(k, -1);
				}
				k->state = CALL_DONE;
			}
		}
		if (running > 0) {
			int wait = next_wake == INT64_MAX ? PUMP_WAIT_MS : (int)(next_wake - now < PUMP_WAIT_MS ? (next_wake - now > 0 ? next_wake - now : 1) : PUMP_WAIT_MS);
			if (wpllm_multi_run(multi, wait) < 0) {
				break;
			}
		} else if (next_wake != INT64_MAX) {
			wpllm_sleep_ms(next_wake - now);
		}
		/* collect what finished */
		for (i = 0; i < n; i++) {
			php_wpllm_call *k = &calls[i];
			if (k->state == CALL_RUNNING && wpllm_http_done(k->conn, &rc)) {
				wpllm_multi_remove(multi, k->conn);
				php_wpllm_call_end(k, wpllm_http_end(k->conn, rc, &k->err));
			}
			if (k->state == CALL_DONE && Z_ISUNDEF(results[i])) {
				array_init(&results[i]);
				if (k->ok) {
					add_assoc_string(&results[i], "state", "fulfilled");
					add_assoc_zval(&results[i], "value", &k->value);
					ZVAL_UNDEF(&k->value);
				} else {
					zval reason;
					ZVAL_OBJ(&reason, php_wpllm_call_exception(k));
					add_assoc_string(&results[i], "state", "rejected");
					add_assoc_zval(&results[i], "reason", &reason);
				}
				done++;
			}
		}
	}

	/* results keep the input's keys and order */
	{
		zend_ulong h;
		i = 0;
		ZEND_HASH_FOREACH_KEY(requests, h, key) {
			if (Z_ISUNDEF(results[i])) {
				/* only when the multi interface itself failed */
				wpllm_error e;
				zval reason;
				wpllm_error_init(&e);
				wpllm_error_set(&e, WPLLM_E_CONNECTION, "curl_multi", "libcurl's multi interface failed");
				ZVAL_OBJ(&reason, php_wpllm_exception_create(&e, NULL, -1));
				wpllm_error_clear(&e);
				array_init(&results[i]);
				add_assoc_string(&results[i], "state", "rejected");
				add_assoc_zval(&results[i], "reason", &reason);
			}
			if (key) {
				zend_hash_update(Z_ARRVAL_P(return_value), key, &results[i]);
			} else {
				zend_hash_index_update(Z_ARRVAL_P(return_value), h, &results[i]);
			}
			if (calls[i].nodes) {
				if (calls[i].conn && calls[i].state == CALL_RUNNING) {
					wpllm_multi_remove(multi, calls[i].conn);
				}
				php_wpllm_call_dtor(&calls[i]);
			}
			i++;
		} ZEND_HASH_FOREACH_END();
	}
	efree(results);
	efree(calls);
	if (multi_owned) {
		wpllm_multi_free(multi);
	}
	zval_ptr_dtor(&ro);
}

void php_wpllm_stream_init_ce(void)
{
	stream_ce = register_class_WPLLM_Stream(zend_ce_iterator);
	stream_ce->create_object = stream_create;
	memcpy(&stream_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	stream_handlers.offset = XtOffsetOf(php_wpllm_stream, std);
	stream_handlers.free_obj = stream_free;
	stream_handlers.get_gc = stream_get_gc;
	stream_handlers.clone_obj = NULL;
}
