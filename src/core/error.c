/* error.c: the error model, and the reading of the service's error envelopes (json-c: a cold path). */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

void wpllm_error_init(wpllm_error *err)
{
	memset(err, 0, sizeof(*err));
	err->retry_after_ms = -1;
}

void wpllm_error_clear(wpllm_error *err)
{
	free(err->message);
	free(err->request_id);
	free(err->details_json);
	free(err->param);
	wpllm_error_init(err);
}

static void copy_code(char *dst, const char *src)
{
	size_t n = 0;
	if (src) {
		/* Codes are identifiers; anything else is cut so a hostile server cannot fill logs. */
		for (; src[n] && n < WPLLM_ERROR_CODE_MAX - 1; n++) {
			dst[n] = src[n];
		}
	}
	dst[n] = '\0';
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

void wpllm_error_set(wpllm_error *err, wpllm_error_kind kind, const char *code, const char *fmt, ...)
{
	va_list ap;
	char tmp[512];

	free(err->message);
	err->kind = kind;
	copy_code(err->code, code);
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	err->message = strdup(tmp);
}

struct code_map { const char *name; wpllm_error_kind kind; };

static const struct code_map codes[] = {
	{"invalid_api_key", WPLLM_E_AUTHENTICATION},
	{"missing_api_key", WPLLM_E_AUTHENTICATION},
	{"expired_api_key", WPLLM_E_AUTHENTICATION},
	{"token_expired", WPLLM_E_AUTHENTICATION},
	{"expired_token", WPLLM_E_AUTHENTICATION},
	{"invalid_token", WPLLM_E_AUTHENTICATION},
	{"invalid_signature", WPLLM_E_AUTHENTICATION},
	{"invalid_state", WPLLM_E_AUTHENTICATION},
	{"authentication_failed", WPLLM_E_AUTHENTICATION},
	{"insufficient_permissions", WPLLM_E_PERMISSION},
	{"permission_denied", WPLLM_E_PERMISSION},
	{"invalid_parameters", WPLLM_E_VALIDATION},
	{"invalid_request", WPLLM_E_VALIDATION},
	{"invalid_json", WPLLM_E_VALIDATION},
	{"context_length_exceeded", WPLLM_E_VALIDATION},
	{"model_not_found", WPLLM_E_NOT_FOUND},
	{"quota_exceeded", WPLLM_E_QUOTA},
	{"insufficient_quota", WPLLM_E_QUOTA},
	{"rate_limit_exceeded", WPLLM_E_RATE_LIMIT},
	{"content_filtered", WPLLM_E_CONTENT_FILTER},
	{NULL, WPLLM_OK}
};

static const struct code_map types[] = {
	{"authentication_error", WPLLM_E_AUTHENTICATION},
	{"permission_error", WPLLM_E_PERMISSION},
	{"validation_error", WPLLM_E_VALIDATION},
	{"not_found_error", WPLLM_E_NOT_FOUND},
	{"quota_error", WPLLM_E_QUOTA},
	{"rate_limit_error", WPLLM_E_RATE_LIMIT},
	{"content_filter_error", WPLLM_E_CONTENT_FILTER},
	{"server_error", WPLLM_E_SERVER},
	{NULL, WPLLM_OK}
};

static wpllm_error_kind lookup(const struct code_map *m, const char *name)
{
	if (name == NULL || *name == '\0') {
		return WPLLM_OK;
	}
	for (; m->name; m++) {
		if (strcmp(m->name, name) == 0) {
			return m->kind;
		}
	}
	return WPLLM_OK;
}

wpllm_error_kind wpllm_error_kind_for(long status, const char *code, const char *type)
{
	wpllm_error_kind k = lookup(codes, code);
	if (k != WPLLM_OK) {
		return k;
	}
	k = lookup(types, type);
	if (k != WPLLM_OK) {
		return k;
	}
	switch (status) {
		case 400: case 422: return WPLLM_E_VALIDATION;
		case 401: return WPLLM_E_AUTHENTICATION;
		case 402: return WPLLM_E_QUOTA;
		case 403: return WPLLM_E_PERMISSION;
		case 404: return WPLLM_E_NOT_FOUND;
		case 429: return WPLLM_E_RATE_LIMIT;
		default: break;
	}
	if (status >= 500 && status <= 599) {
		return WPLLM_E_SERVER;
	}
	return WPLLM_E_API;
}

static const char *obj_string(struct json_object *o, const char *key)
{
	struct json_object *v;
	if (json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_string)) {
		return json_object_get_string(v);
	}
	return NULL;
}

/* A retry hint in seconds, as a JSON number or a numeric string; -1 when absent or unusable. */
static long long retry_hint_ms(struct json_object *o)
{
	struct json_object *v;
	double d;

	if (o == NULL || !json_object_object_get_ex(o, "retry_after", &v)) {
		return -1;
	}
	switch (json_object_get_type(v)) {
		case json_type_int:
		case json_type_double:
			d = json_object_get_double(v);
			break;
		case json_type_string: {
			const char *s = json_object_get_string(v);
			char *end;
			d = strtod(s, &end);
			if (end == s || *end != '\0') {
				return -1;
			}
			break;
		}
		default:
			return -1;
	}
	if (!(d >= 0) || d > 1e9) { /* also false for NaN */
		return -1;
	}
	return (long long)(d * 1000.0 + 0.5);
}

static size_t parse_end(struct json_tokener *tok)
{
#if defined(JSON_C_VERSION_NUM) && JSON_C_VERSION_NUM >= ((0 << 16) | (15 << 8))
	return json_tokener_get_parse_end(tok);
#else
	return (size_t)tok->char_offset;
#endif
}

static const char *status_reason(long status)
{
	switch (status) {
		case 400: return "Bad Request";
		case 401: return "Unauthorized";
		case 402: return "Payment Required";
		case 403: return "Forbidden";
		case 404: return "Not Found";
		case 408: return "Request Timeout";
		case 409: return "Conflict";
		case 422: return "Unprocessable Content";
		case 429: return "Too Many Requests";
		case 500: return "Internal Server Error";
		case 502: return "Bad Gateway";
		case 503: return "Service Unavailable";
		case 504: return "Gateway Timeout";
		default: return "Error";
	}
}

wpllm_error_kind wpllm_error_from_response(wpllm_error *err, long status, const char *body, size_t body_len,
	const char *header_request_id)
{
	struct json_tokener *tok;
	struct json_object *root = NULL, *e = NULL, *details = NULL;
	const char *code = NULL, *type = NULL, *message = NULL, *rid = NULL;

	wpllm_error_clear(err);
	err->status = status;

	if (body && body_len > 0 && body_len < 1024 * 1024) {
		tok = json_tokener_new();
		if (tok) {
			root = json_tokener_parse_ex(tok, body, (int)body_len);
			if (json_tokener_get_error(tok) != json_tokener_success) {
				json_object_put(root);
				root = NULL;
			} else if (root && parse_end(tok) < body_len) {
				/* trailing bytes after the JSON value: allowed only if whitespace */
				const char *p = body + parse_end(tok), *end = body + body_len;
				while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) {
					p++;
				}
				if (p != end) {
					json_object_put(root);
					root = NULL;
				}
			}
			json_tokener_free(tok);
		}
	}
	if (root && json_object_is_type(root, json_type_object)
		&& json_object_object_get_ex(root, "error", &e) && json_object_is_type(e, json_type_object)) {
		code = obj_string(e, "code");
		type = obj_string(e, "type");
		message = obj_string(e, "message");
		rid = obj_string(e, "request_id");
		err->param = dup_or_null(obj_string(e, "param"));
		if (json_object_object_get_ex(e, "details", &details) && json_object_is_type(details, json_type_object)) {
			err->details_json = dup_or_null(json_object_to_json_string_ext(details, JSON_C_TO_STRING_PLAIN));
			err->retry_after_ms = retry_hint_ms(details);
		}
		if (err->retry_after_ms < 0) {
			err->retry_after_ms = retry_hint_ms(e);
		}
	} else if (root && json_object_is_type(root, json_type_object)) {
		/* {"message": "..."} from gateways that are not the service itself */
		message = obj_string(root, "message");
	}

	copy_code(err->code, code);
	copy_code(err->type, type);
	err->kind = wpllm_error_kind_for(status, err->code, err->type);
	if (message && *message) {
		err->message = strdup(message);
	} else {
		char tmp[96];
		snprintf(tmp, sizeof(tmp), "HTTP %ld %s%s", status, status_reason(status),
			root ? "" : " (the response body is not the service's JSON error)");
		err->message = strdup(tmp);
	}
	if (rid && *rid) {
		err->request_id = strdup(rid);
	} else if (header_request_id && *header_request_id) {
		err->request_id = strdup(header_request_id);
	}
	json_object_put(root);
	if (err->message == NULL) {
		err->kind = WPLLM_E_MEMORY;
	}
	return err->kind;
}
