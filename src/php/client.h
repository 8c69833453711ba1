/* client.h: what Client.c shares with Stream.c: the client object and one call's state (the walk of a call:
 * credentials, signature, one attempt, classification), so a stream and a batch run the same steps as a call. */
#ifndef WPLLM_PHP_CLIENT_H
#define WPLLM_PHP_CLIENT_H

#include "php.h"
#include "zend_smart_str.h"
#include "options.h"
#include "core/error.h"
#include "core/http.h"
#include "core/util.h"

#define MAX_ATTEMPTS 11           /* 1 + the largest max_retries */

typedef struct {
	long status;                          /* 0: no response */
	char error[WPLLM_ERROR_CODE_MAX];     /* the error code of the attempt, "" for a success */
	int64_t wait_ms;                      /* the wait chosen before the next attempt */
} attempt_record;

typedef struct {
	php_wpllm_options o;
	bool ready;
	wpllm_http_conn *conn;                /* this client's own connection when not persistent */
	wpllm_http_response resp;             /* the last answer; its body buffer is reused by the next call */
	/* the rest of getLastResponse(), built into an array only when asked */
	zend_string *jwt_line;                /* "Authorization: Bearer <jwt>" for the current token: secret */
	int64_t jwt_exp;                      /* when the minted token expires (seconds) */
	bool has_last;
	char sent_request_id[WPLLM_UUID_LEN + 1];
	int attempts;
	attempt_record log[MAX_ATTEMPTS];
	int64_t duration_ms;
	zval last_error;
	zend_object std;
} php_wpllm_client;

typedef enum { CALL_READY, CALL_RUNNING, CALL_WAITING, CALL_DONE } call_state;

/* One call: its request (built once) and its attempts. */
typedef struct {
	php_wpllm_client *c;
	const char *method;
	bool is_post;
	bool streaming;                       /* the body goes to req.on_body, not into resp */
	bool exclusive;                       /* needs a connection of its own (batches): never the client's */
	smart_str url;
	smart_str json;
	const char *body_bytes;
	size_t body_len;
	php_wpllm_call_options co;
	struct curl_slist *nodes;
	size_t n;                             /* fixed header lines; credential and signature lines follow per attempt */
	char rid_line[32 + WPLLM_UUID_LEN];
	char idem_line[32 + WPLLM_UUID_LEN];
	char ts_line[48];
	char sig_line[96];
	zend_string *idem_custom;
	zend_string *jwt_line;                /* this attempt's reference to the client's JWT line (a re-mint may replace it) */
	wpllm_http_request req;
	wpllm_http_response *resp;            /* the client's (single calls) or own_resp (batch items, streams) */
	wpllm_http_response own_resp;
	wpllm_http_conn *conn;
	bool conn_owned;
	wpllm_error err;
	int attempts;
	attempt_record log[MAX_ATTEMPTS];
	int64_t start;
	int64_t attempt_start;                /* monotonic ms when the current attempt began */
	int64_t retry_after_ms;
	int64_t not_before;                   /* CALL_WAITING: monotonic ms of the next attempt */
	call_state state;
	bool ok;
	zval value;                           /* the decoded 2xx body (not for streams) */
} php_wpllm_call;

php_wpllm_client *php_wpllm_client_from(zend_object *obj);
zend_result php_wpllm_call_init(php_wpllm_call *k, php_wpllm_client *c, const char *method, const char *path,
	size_t path_len, const smart_str *query, zval *body, HashTable *ro, uint32_t ro_arg, bool own_resp);
/* Starts an attempt (credential, signature, connection). -1: the call is over (k->err). */
int php_wpllm_call_begin(php_wpllm_call *k);
/* Ends an attempt given wpllm_http_end's result: the call is CALL_DONE (k->ok or k->err) or CALL_WAITING. */
call_state php_wpllm_call_end(php_wpllm_call *k, int rc);
/* The exception for a failed call (also remembered as the client's last error). */
zend_object *php_wpllm_call_exception(php_wpllm_call *k);
void php_wpllm_call_dtor(php_wpllm_call *k);
/* The multi handle for batches and streams: the pool's when persistent (its connections outlive the call), else a
 * new one that *owned tells the caller to free. */
wpllm_multi *php_wpllm_client_multi(php_wpllm_client *c, bool *owned);
int64_t php_wpllm_stream_idle_ms(php_wpllm_client *c);
/* generate()'s checks (a non-empty string prompt) and body (the client's model when none is given): FAILURE with
 * an InvalidArgumentException thrown. body receives a new reference. */
zend_result php_wpllm_generate_body(php_wpllm_client *c, zval *params, const char *fn, const char *required, zval *body);
php_wpllm_client *php_wpllm_client_ready(zval *this_ptr);

#endif
