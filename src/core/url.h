/* url.h: the checks on what becomes part of a request line: the base URL and request paths. */
#ifndef WPLLM_URL_H
#define WPLLM_URL_H

#include <stddef.h>
#include "error.h"

/* Checks a base URL: http or https, a host, an optional port and path; no user info, query, fragment,
 * white space or control bytes; plain http only to a loopback host (127.0.0.0/8, ::1, localhost).
 * On success returns the length without trailing slashes (the normalised form is url[0..len)). */
int wpllm_url_check_base(const char *url, size_t len, size_t *norm_len, wpllm_error *err);

/* True for localhost, 127.0.0.0/8 in dotted-quad form and [::1]. */
int wpllm_host_is_loopback(const char *host, size_t len);

/* A request path: starts with '/', only RFC 3986 path characters and percent-escapes,
 * no '?', '#', white space or control bytes, no ".." segment. */
int wpllm_url_check_path(const char *path, size_t len, wpllm_error *err);

#endif
