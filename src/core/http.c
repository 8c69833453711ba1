/* http.c: one HTTP attempt over libcurl, the response's headers and body, and the connection pool. */
#include "http.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WPLLM_MAX_HEADER_BYTES (256 * 1024)
#define WPLLM_MAX_HEADERS 256

struct wpllm_http_conn {
	CURL *easy;
	pid_t pid;                       /* the process that made it: after fork() only that one may close it */
	char *key;                       /* pool key, NULL when not pooled */
	char *ca_bundle;
	char *proxy;
	struct wpllm_http_conn *next;    /* pool list */
	/* state of the attempt in flight */
	const wpllm_http_request *req;
	wpllm_http_response *resp;
	int too_large;
	int aborted;
	int oom;
	int done;                        /* set by wpllm_multi_run when the transfer completed */
	CURLcode result;
	int64_t start_ms;
	int64_t last_byte_ms;            /* when body bytes last arrived (streams' idle timeout) */
	size_t body_bytes;               /* total body bytes seen, also those handed to on_body */
	char errbuf[CURL_ERROR_SIZE];
};

struct wpllm_pool {
	struct wpllm_multi *multi;       /* for batches and streams: its connection cache outlives them too */
	wpllm_http_conn *idle;           /* most recently released first */
	size_t idle_count;
	size_t max_idle;
	pid_t pid;
};

const char *wpllm_headers_get(const wpllm_headers *h, const char *lname)
{
	size_t i = h->count;
	while (i-- > 0) {
		if (strcmp(wpllm_header_name(h, i), lname) == 0) {
			return wpllm_header_value(h, i);
		}
	}
	return NULL;
}

void wpllm_headers_clear(wpllm_headers *h)
{
	h->count = 0;
	h->bytes = 0;
	wpllm_buf_reset(&h->store);
}

void wpllm_headers_free(wpllm_headers *h)
{
	free(h->items);
	wpllm_buf_free(&h->store);
	memset(h, 0, sizeof(*h));
}

static size_t on_header(char *line, size_t size, size_t n, void *ud)
{
	wpllm_http_conn *c = ud;
	wpllm_headers *h = &c->resp->headers;
	size_t len = size * n, nl, vs, ve, i, at;
	char *colon, *p;

	if (len >= 5 && memcmp(line, "HTTP/", 5) == 0) {
		/* a new status line: 1xx interim answers and proxy CONNECT replies come before the real one */
		wpllm_headers_clear(h);
		return len;
	}
	colon = memchr(line, ':', len);
	if (colon == NULL || colon == line) {
		return len; /* the blank line ending the block, or a malformed line: nothing to keep */
	}
	h->bytes += len;
	if (h->count >= WPLLM_MAX_HEADERS || h->bytes > WPLLM_MAX_HEADER_BYTES) {
		return len; /* past the cap: ignored, libcurl has its own hard limit too */
	}
	nl = (size_t)(colon - line);
	vs = nl + 1;
	ve = len;
	while (vs < ve && (line[vs] == ' ' || line[vs] == '\t')) {
		vs++;
	}
	while (ve > vs && (line[ve - 1] == '\r' || line[ve - 1] == '\n' || line[ve - 1] == ' ' || line[ve - 1] == '\t')) {
		ve--;
	}
	if (h->count == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 16;
		wpllm_header *items = realloc(h->items, cap * sizeof(*items));
		if (items == NULL) {
			c->oom = 1;
			return 0;
		}
		h->items = items;
		h->cap = cap;
	}
	at = h->store.len;
	if (wpllm_buf_reserve(&h->store, nl + 1 + (ve - vs) + 1) != 0) {
		c->oom = 1;
		return 0;
	}
	p = h->store.data + at;
	for (i = 0; i < nl; i++) {
		p[i] = (char)tolower((unsigned char)line[i]);
	}
	p[nl] = '\0';
	memcpy(p + nl + 1, line + vs, ve - vs);
	p[nl + 1 + (ve - vs)] = '\0';
	h->store.len = at + nl + 1 + (ve - vs) + 1;
	h->items[h->count].name = at;
	h->items[h->count].value = at + nl + 1;
	h->count++;
	return len;
}

static size_t on_write(char *data, size_t size, size_t n, void *ud)
{
	wpllm_http_conn *c = ud;
	size_t len = size * n;
	wpllm_http_response *resp = c->resp;

	if (resp->status == 0) {
		curl_easy_getinfo(c->easy, CURLINFO_RESPONSE_CODE, &resp->status);
	}
	c->last_byte_ms = wpllm_monotonic_ms();
	if (len > c->req->max_response_bytes - c->body_bytes || c->body_bytes > c->req->max_response_bytes) {
		c->too_large = 1;
		return 0;
	}
	c->body_bytes += len;
	/* a stream's reader sees only a successful body; an error body is kept for the error envelope */
	if (c->req->on_body && resp->status >= 200 && resp->status <= 299) {
		if (c->req->on_body(c->req->on_body_ctx, resp->status, data, len) != 0) {
			c->aborted = 1;
			return 0;
		}
		return len;
	}
	if (wpllm_buf_append(&resp->body, data, len) != 0) {
		c->oom = 1;
		return 0;
	}
	return len;
}

static char *dup_opt(const char *s)
{
	return (s && *s) ? strdup(s) : NULL;
}

wpllm_http_conn *wpllm_http_conn_new(const char *ca_bundle, const char *proxy)
{
	wpllm_http_conn *c = calloc(1, sizeof(*c));
	CURLcode rc = CURLE_OK;

	if (c == NULL) {
		return NULL;
	}
	c->easy = curl_easy_init();
	c->pid = getpid();
	c->ca_bundle = dup_opt(ca_bundle);
	c->proxy = dup_opt(proxy);
	if (c->easy == NULL || (ca_bundle && *ca_bundle && !c->ca_bundle) || (proxy && *proxy && !c->proxy)) {
		wpllm_http_conn_free(c);
		return NULL;
	}
#define SET(opt, val) if (rc == CURLE_OK) rc = curl_easy_setopt(c->easy, opt, val)
	SET(CURLOPT_NOSIGNAL, 1L);
	SET(CURLOPT_ERRORBUFFER, c->errbuf);
	SET(CURLOPT_HEADERFUNCTION, on_header);
	SET(CURLOPT_HEADERDATA, c);
	SET(CURLOPT_WRITEFUNCTION, on_write);
	SET(CURLOPT_WRITEDATA, c);
	/* Verification is not an option: a client that can be told to skip it will be, in production. */
	SET(CURLOPT_SSL_VERIFYPEER, 1L);
	SET(CURLOPT_SSL_VERIFYHOST, 2L);
	SET(CURLOPT_FOLLOWLOCATION, 0L);
#if LIBCURL_VERSION_NUM >= 0x075500
	SET(CURLOPT_PROTOCOLS_STR, "http,https");
#else
	SET(CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	SET(CURLOPT_TCP_KEEPALIVE, 1L);
	SET(CURLOPT_TCP_NODELAY, 1L);
	if (c->ca_bundle) {
		SET(CURLOPT_CAINFO, c->ca_bundle);
	}
	if (c->proxy) {
		SET(CURLOPT_PROXY, c->proxy);
	} else {
		SET(CURLOPT_PROXY, ""); /* ignore http_proxy/https_proxy from the environment: hosts set it explicitly */
	}
#undef SET
	if (rc != CURLE_OK) {
		wpllm_http_conn_free(c);
		return NULL;
	}
	return c;
}

int wpllm_http_conn_is_mine(const wpllm_http_conn *c)
{
	return c->pid == getpid();
}

void wpllm_http_conn_free(wpllm_http_conn *c)
{
	if (c == NULL) {
		return;
	}
	/* a handle inherited through fork() is left alone: closing it would send TLS close_notify and FIN on a
	 * connection the parent still uses (the handle's memory is leaked in this process, once) */
	if (c->easy && c->pid == getpid()) {
		curl_easy_cleanup(c->easy);
	}
	free(c->key);
	free(c->ca_bundle);
	free(c->proxy);
	free(c);
}

void wpllm_http_response_free(wpllm_http_response *resp)
{
	wpllm_buf_free(&resp->body);
	wpllm_headers_free(&resp->headers);
	resp->status = 0;
	resp->reused = 0;
	resp->duration_ms = 0;
}

static void transport_error(wpllm_error *err, CURLcode rc, const wpllm_http_conn *c, const wpllm_http_request *req)
{
	const char *detail = c->errbuf[0] ? c->errbuf : curl_easy_strerror(rc);

	switch (rc) {
		case CURLE_OPERATION_TIMEDOUT:
			wpllm_error_set(err, WPLLM_E_TIMEOUT, "timeout", "Request timed out after %ld ms: %s", req->timeout_ms, detail);
			break;
		case CURLE_COULDNT_RESOLVE_HOST:
		case CURLE_COULDNT_RESOLVE_PROXY:
			wpllm_error_set(err, WPLLM_E_CONNECTION, "dns_failed", "Could not resolve host: %s", detail);
			break;
		case CURLE_COULDNT_CONNECT:
			wpllm_error_set(err, WPLLM_E_CONNECTION, "connection_failed", "Could not connect: %s", detail);
			break;
		case CURLE_PEER_FAILED_VERIFICATION:
		case CURLE_SSL_CONNECT_ERROR:
		case CURLE_SSL_CERTPROBLEM:
		case CURLE_SSL_CIPHER:
		case CURLE_SSL_CACERT_BADFILE:
		case CURLE_SSL_ISSUER_ERROR:
		case CURLE_SSL_INVALIDCERTSTATUS:
		case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
			wpllm_error_set(err, WPLLM_E_CONNECTION, "tls_error", "TLS error: %s", detail);
			break;
		case CURLE_FILESIZE_EXCEEDED:
			wpllm_error_set(err, WPLLM_E_CONNECTION, "response_too_large",
				"The response body exceeds max_response_bytes (%zu bytes)", req->max_response_bytes);
			break;
		case CURLE_GOT_NOTHING:
		case CURLE_RECV_ERROR:
		case CURLE_SEND_ERROR:
		case CURLE_PARTIAL_FILE:
		case CURLE_HTTP2:
		case CURLE_HTTP2_STREAM:
			wpllm_error_set(err, WPLLM_E_CONNECTION, "connection_lost", "The connection was lost: %s", detail);
			break;
		default:
			wpllm_error_set(err, WPLLM_E_CONNECTION, "connection_error", "Request failed: %s", detail);
			break;
	}
}

int wpllm_http_begin(wpllm_http_conn *c, const wpllm_http_request *req, wpllm_http_response *resp, wpllm_error *err)
{
	CURLcode rc = CURLE_OK;
	CURL *e = c->easy;

	wpllm_buf_reset(&resp->body);
	wpllm_headers_clear(&resp->headers);
	resp->status = 0;
	resp->reused = 0;
	c->req = req;
	c->resp = resp;
	c->too_large = c->aborted = c->oom = 0;
	c->done = 0;
	c->result = CURLE_OK;
	c->errbuf[0] = '\0';
	c->start_ms = wpllm_monotonic_ms();
	c->last_byte_ms = 0;
	c->body_bytes = 0;

	/* The handle may have served another call before: every per-request option is set each time. */
#define SET(opt, val) if (rc == CURLE_OK) rc = curl_easy_setopt(e, opt, val)
	SET(CURLOPT_URL, req->url);
	SET(CURLOPT_HTTPHEADER, req->headers);
	SET(CURLOPT_TIMEOUT_MS, req->timeout_ms);
	SET(CURLOPT_CONNECTTIMEOUT_MS, req->connect_timeout_ms);
	SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)(req->on_body ? 0 : req->max_response_bytes));
	SET(CURLOPT_PRIVATE, (char *)c);
	if (req->body != NULL) {
		SET(CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)req->body_len);
		SET(CURLOPT_POSTFIELDS, req->body);
		SET(CURLOPT_CUSTOMREQUEST, strcmp(req->method, "POST") == 0 ? NULL : req->method);
	} else {
		SET(CURLOPT_HTTPGET, 1L);
		SET(CURLOPT_CUSTOMREQUEST, strcmp(req->method, "GET") == 0 ? NULL : req->method);
	}
#undef SET
	if (rc != CURLE_OK) {
		wpllm_error_set(err, WPLLM_E_CONNECTION, "curl_setopt", "libcurl refused an option: %s", curl_easy_strerror(rc));
		return -1;
	}
	return 0;
}

int wpllm_http_end(wpllm_http_conn *c, CURLcode rc, wpllm_error *err)
{
	CURL *e = c->easy;
	const wpllm_http_request *req = c->req;
	wpllm_http_response *resp = c->resp;
	long connects = 0;

	resp->duration_ms = wpllm_monotonic_ms() - c->start_ms;
	curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &resp->status);
	if (curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &connects) == CURLE_OK) {
		resp->reused = connects == 0 && resp->status != 0;
	}
	/* the header list and body are the caller's: do not let the handle keep pointers to them */
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, NULL);
	curl_easy_setopt(e, CURLOPT_POSTFIELDS, NULL);

	if (c->oom) {
		wpllm_error_set(err, WPLLM_E_MEMORY, "out_of_memory", "Out of memory while reading the response");
		return -1;
	}
	if (c->too_large) {
		wpllm_error_set(err, WPLLM_E_CONNECTION, "response_too_large",
			"The response body exceeds max_response_bytes (%zu bytes)", req->max_response_bytes);
		return -1;
	}
	if (c->aborted) {
		wpllm_error_set(err, WPLLM_E_CONNECTION, "aborted", "The transfer was stopped by the reader");
		return -1;
	}
	if (rc != CURLE_OK) {
		transport_error(err, rc, c, req);
		return -1;
	}
	return 0;
}

int wpllm_http_perform(wpllm_http_conn *c, const wpllm_http_request *req, wpllm_http_response *resp, wpllm_error *err)
{
	if (wpllm_http_begin(c, req, resp, err) != 0) {
		return -1;
	}
	return wpllm_http_end(c, curl_easy_perform(c->easy), err);
}

CURL *wpllm_http_handle(wpllm_http_conn *c)
{
	return c->easy;
}

int wpllm_http_done(const wpllm_http_conn *c, CURLcode *rc)
{
	if (c->done && rc) {
		*rc = c->result;
	}
	return c->done;
}

/* ---- multi: many transfers at once (batches) and transfers read as they arrive (streams) ---- */

struct wpllm_multi {
	CURLM *multi;
	pid_t pid;
};

wpllm_multi *wpllm_multi_new(void)
{
	wpllm_multi *m = calloc(1, sizeof(*m));
	if (m == NULL) {
		return NULL;
	}
	m->multi = curl_multi_init();
	if (m->multi == NULL) {
		free(m);
		return NULL;
	}
	m->pid = getpid();
	return m;
}

void wpllm_multi_free(wpllm_multi *m)
{
	if (m) {
		if (m->pid == getpid()) { /* see wpllm_http_conn_free: inherited connections are not closed */
			curl_multi_cleanup(m->multi);
		}
		free(m);
	}
}

int wpllm_multi_is_mine(const wpllm_multi *m)
{
	return m->pid == getpid();
}

int wpllm_multi_add(wpllm_multi *m, wpllm_http_conn *c)
{
	c->done = 0;
	return curl_multi_add_handle(m->multi, c->easy) == CURLM_OK ? 0 : -1;
}

void wpllm_multi_remove(wpllm_multi *m, wpllm_http_conn *c)
{
	curl_multi_remove_handle(m->multi, c->easy);
}

int wpllm_multi_run(wpllm_multi *m, int wait_ms)
{
	int running = 0, queued = 0;
	CURLMsg *msg;

	if (curl_multi_perform(m->multi, &running) != CURLM_OK) {
		return -1;
	}
	/* completions are marked on their connection, whoever is waiting for them */
	while ((msg = curl_multi_info_read(m->multi, &queued)) != NULL) {
		if (msg->msg == CURLMSG_DONE) {
			wpllm_http_conn *c = NULL;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&c);
			if (c) {
				c->done = 1;
				c->result = msg->data.result;
			}
		}
	}
	if (running > 0 && wait_ms > 0 && curl_multi_poll(m->multi, NULL, 0, wait_ms, NULL) != CURLM_OK) {
		return -1;
	}
	return running;
}

wpllm_pool *wpllm_pool_new(size_t max_idle)
{
	wpllm_pool *p = calloc(1, sizeof(*p));
	if (p) {
		p->max_idle = max_idle;
		p->pid = getpid();
	}
	return p;
}

static int same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static void pool_forget_after_fork(wpllm_pool *p)
{
	/* The parent's connections are left alone on purpose: closing them here would send TLS close_notify
	 * and FIN on sockets the parent still uses. Only our bookkeeping is dropped (the handles leak, once). */
	wpllm_http_conn *c = p->idle, *next;
	for (; c; c = next) {
		next = c->next;
		free(c->key);
		free(c->ca_bundle);
		free(c->proxy);
		free(c);
	}
	p->idle = NULL;
	p->idle_count = 0;
	p->multi = NULL; /* the parent's, like its connections: left alone */
	p->pid = getpid();
}

wpllm_http_conn *wpllm_pool_acquire(wpllm_pool *p, const char *key, const char *ca_bundle, const char *proxy)
{
	wpllm_http_conn **pp, *c;
	const char *ca = (ca_bundle && *ca_bundle) ? ca_bundle : NULL;
	const char *px = (proxy && *proxy) ? proxy : NULL;

	if (p->pid != getpid()) {
		pool_forget_after_fork(p);
	}
	for (pp = &p->idle; *pp; pp = &(*pp)->next) {
		c = *pp;
		if (strcmp(c->key, key) == 0 && same(c->ca_bundle, ca) && same(c->proxy, px)) {
			*pp = c->next;
			c->next = NULL;
			p->idle_count--;
			return c;
		}
	}
	c = wpllm_http_conn_new(ca, px);
	if (c && (c->key = strdup(key)) == NULL) {
		wpllm_http_conn_free(c);
		return NULL;
	}
	return c;
}

void wpllm_pool_release(wpllm_pool *p, wpllm_http_conn *c)
{
	wpllm_http_conn **pp;

	if (c == NULL) {
		return;
	}
	if (p->pid != getpid() || c->key == NULL || c->pid != getpid()) {
		wpllm_http_conn_free(c); /* closes it only in the process that made it */
		return;
	}
	c->req = NULL;
	c->resp = NULL;
	c->next = p->idle;
	p->idle = c;
	p->idle_count++;
	if (p->idle_count > p->max_idle) {
		/* close the least recently used */
		for (pp = &p->idle; (*pp)->next; pp = &(*pp)->next) {
		}
		wpllm_http_conn_free(*pp);
		*pp = NULL;
		p->idle_count--;
	}
}

size_t wpllm_pool_idle_count(const wpllm_pool *p)
{
	return p->idle_count;
}

void wpllm_pool_free(wpllm_pool *p)
{
	wpllm_http_conn *c, *next;
	if (p == NULL) {
		return;
	}
	if (p->pid != getpid()) {
		pool_forget_after_fork(p);
	}
	for (c = p->idle; c; c = next) {
		next = c->next;
		wpllm_http_conn_free(c);
	}
	wpllm_multi_free(p->multi);
	free(p);
}

wpllm_multi *wpllm_pool_multi(wpllm_pool *p)
{
	if (p->pid != getpid()) {
		pool_forget_after_fork(p);
	}
	if (p->multi == NULL) {
		p->multi = wpllm_multi_new();
	}
	return p->multi;
}

const char *wpllm_http_curl_version(void)
{
	return curl_version_info(CURLVERSION_NOW)->version;
}

int64_t wpllm_http_last_byte_ms(const wpllm_http_conn *c)
{
	return c->last_byte_ms;
}
