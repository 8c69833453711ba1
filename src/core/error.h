/* error.h: the core's error model. Every core function that can fail fills a wpllm_error;
 * the PHP binding maps its kind to an exception class. */
#ifndef WPLLM_ERROR_H
#define WPLLM_ERROR_H

#include <stddef.h>

typedef enum {
	WPLLM_OK = 0,
	WPLLM_E_INVALID_ARGUMENT, /* bad option or argument, before any request */
	WPLLM_E_CONNECTION,       /* no usable response: refused, reset, DNS, TLS, malformed body, too large */
	WPLLM_E_TIMEOUT,          /* a ConnectionException too */
	WPLLM_E_AUTHENTICATION,
	WPLLM_E_PERMISSION,
	WPLLM_E_VALIDATION,
	WPLLM_E_NOT_FOUND,
	WPLLM_E_QUOTA,
	WPLLM_E_RATE_LIMIT,
	WPLLM_E_CONTENT_FILTER,
	WPLLM_E_SERVER,
	WPLLM_E_API,              /* any other service error: the base WPLLMException */
	WPLLM_E_MEMORY
} wpllm_error_kind;

#define WPLLM_ERROR_CODE_MAX 64

typedef struct {
	wpllm_error_kind kind;
	long status;                        /* HTTP status, 0 when there was no response */
	char code[WPLLM_ERROR_CODE_MAX];    /* the service's error.code, or our own for local failures */
	char type[WPLLM_ERROR_CODE_MAX];    /* the service's error.type */
	char *message;                      /* malloc'd, never NULL once set */
	char *request_id;                   /* from the body, else the X-Request-Id header */
	char *details_json;                 /* error.details re-serialised as JSON, or NULL */
	char *param;                        /* legacy envelope's error.param */
	long long retry_after_ms;           /* the body's retry hint, -1 when absent */
} wpllm_error;

void wpllm_error_init(wpllm_error *err);
void wpllm_error_clear(wpllm_error *err);
/* Sets kind, local code and a printf-style message. */
void wpllm_error_set(wpllm_error *err, wpllm_error_kind kind, const char *code, const char *fmt, ...)
#ifdef __GNUC__
	__attribute__((format(printf, 4, 5)))
#endif
	;

/* The class of a service error: error.code first, then error.type (only the types that name one class:
 * invalid_request_error is used by the service for several statuses), then the HTTP status. */
wpllm_error_kind wpllm_error_kind_for(long status, const char *code, const char *type);

/* Fills err from a non-2xx answer, reading either documented error envelope
 * ({"error":{type,code,message,details,request_id}} or the older {"error":{code,message,param,type,retry_after}})
 * and falling back to a message naming the status when the body is not one of them.
 * header_request_id may be NULL. Returns the kind. */
wpllm_error_kind wpllm_error_from_response(wpllm_error *err, long status, const char *body, size_t body_len,
	const char *header_request_id);

#endif
