/* http.h: the libcurl transport. One call of wpllm_http_perform is one attempt; retries, signing and
 * credentials are the caller's loop. Connections live in a wpllm_http_conn, which either belongs to one
 * client or is lent by the per-process pool (wpllm_pool) so that connections, DNS answers, TLS sessions
 * and the parsed CA store outlive a PHP request. */
#ifndef WPLLM_HTTP_H
#define WPLLM_HTTP_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <curl/curl.h>

#include "buf.h"
#include "error.h"

typedef struct {
	size_t name;   /* offsets into the store: the lower-cased name and the trimmed value, each NUL-ended */
	size_t value;
} wpllm_header;

/* A response's headers, in one buffer (no allocation per header); kept between calls and reused. */
typedef struct {
	wpllm_header *items;
	size_t count;
	size_t cap;
	wpllm_buf store;
	size_t bytes;  /* total size, capped so a hostile server cannot grow it without bound */
} wpllm_headers;

#define wpllm_header_name(h, i) ((h)->store.data + (h)->items[i].name)
#define wpllm_header_value(h, i) ((h)->store.data + (h)->items[i].value)

/* The value of a header by its lower-case name (the last one received wins), or NULL. */
const char *wpllm_headers_get(const wpllm_headers *h, const char *lname);
/* Forgets the headers, keeping the memory for the next response. */
void wpllm_headers_clear(wpllm_headers *h);
void wpllm_headers_free(wpllm_headers *h);

/* Called with each piece of a 2xx body as it arrives (other bodies are collected for the error); return 0 to go on,
 * anything else to abort the transfer (the attempt then ends with WPLLM_E_CONNECTION, code "aborted"). */
typedef int (*wpllm_body_cb)(void *ctx, long status, const char *data, size_t len);

typedef struct {
	const char *method;              /* GET, POST, PUT, PATCH, DELETE */
	const char *url;
	struct curl_slist *headers;      /* "Name: value" lines, built and owned by the caller */
	const char *body;                /* NULL: no body */
	size_t body_len;
	long timeout_ms;                 /* the whole attempt, body included */
	long connect_timeout_ms;
	size_t max_response_bytes;       /* bodies above this are cut off with an error */
	wpllm_body_cb on_body;           /* NULL: the body is collected into the response */
	void *on_body_ctx;
} wpllm_http_request;

typedef struct {
	long status;                     /* 0 when no response arrived */
	wpllm_buf body;
	wpllm_headers headers;
	int reused;                      /* 1 when the attempt ran on an already open connection */
	int64_t duration_ms;
} wpllm_http_response;

typedef struct wpllm_http_conn wpllm_http_conn;

/* ca_bundle and proxy may be NULL (system CA store; no proxy). They are fixed for the life of the
 * connection, which is why the pool keys on them. Returns NULL when libcurl cannot make a handle. */
wpllm_http_conn *wpllm_http_conn_new(const char *ca_bundle, const char *proxy);
/* Frees c; a handle inherited through fork() is not closed (its connection is the parent's) but leaked. */
void wpllm_http_conn_free(wpllm_http_conn *c);
int wpllm_http_conn_is_mine(const wpllm_http_conn *c);

/* One attempt. Returns 0 when a complete response arrived (whatever its status), -1 otherwise with err
 * filled (WPLLM_E_CONNECTION or WPLLM_E_TIMEOUT; WPLLM_E_MEMORY). resp is reset first. */
int wpllm_http_perform(wpllm_http_conn *c, const wpllm_http_request *req, wpllm_http_response *resp, wpllm_error *err);

void wpllm_http_response_free(wpllm_http_response *resp);

/* The same attempt in two halves, for transfers driven by a wpllm_multi: begin sets the request on the
 * handle; end (after the multi reported it done) reads the outcome, like perform's return. */
int wpllm_http_begin(wpllm_http_conn *c, const wpllm_http_request *req, wpllm_http_response *resp, wpllm_error *err);
int wpllm_http_end(wpllm_http_conn *c, CURLcode rc, wpllm_error *err);
CURL *wpllm_http_handle(wpllm_http_conn *c);
/* 1 when a multi has reported the transfer complete (its CURLcode in *rc), else 0. */
int wpllm_http_done(const wpllm_http_conn *c, CURLcode *rc);
/* monotonic ms when body bytes last arrived, 0 before the first */
int64_t wpllm_http_last_byte_ms(const wpllm_http_conn *c);

typedef struct wpllm_multi wpllm_multi;
wpllm_multi *wpllm_multi_new(void);
void wpllm_multi_free(wpllm_multi *m);
int wpllm_multi_is_mine(const wpllm_multi *m);
int wpllm_multi_add(wpllm_multi *m, wpllm_http_conn *c);
void wpllm_multi_remove(wpllm_multi *m, wpllm_http_conn *c);
/* Drives every transfer, marks completed ones (wpllm_http_done), then waits up to wait_ms for activity.
 * Returns the number still running, or -1. */
int wpllm_multi_run(wpllm_multi *m, int wait_ms);

/* The per-process connection pool: idle connections keyed by origin, CA bundle and proxy. */
typedef struct wpllm_pool wpllm_pool;

wpllm_pool *wpllm_pool_new(size_t max_idle);
/* Lends an idle connection for this key, or a new one. After fork() the parent's connections are
 * abandoned (never closed: their sockets and TLS state belong to the parent) and the pool starts empty. */
wpllm_http_conn *wpllm_pool_acquire(wpllm_pool *p, const char *key, const char *ca_bundle, const char *proxy);
/* Gives a connection back; beyond max_idle the oldest idle one is closed. */
void wpllm_pool_release(wpllm_pool *p, wpllm_http_conn *c);
size_t wpllm_pool_idle_count(const wpllm_pool *p);
/* The pool's own multi handle, for batches and streams (created on first use). */
struct wpllm_multi *wpllm_pool_multi(wpllm_pool *p);
void wpllm_pool_free(wpllm_pool *p);

/* Runtime libcurl version string, and whether it is at least the given version number. */
const char *wpllm_http_curl_version(void);

#endif
