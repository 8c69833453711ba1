/* url.c: base URL and path checks. Small and strict on purpose: a URL that reaches libcurl
 * has been read here first, so a typo cannot send a key in clear text or to another host. */
#include "url.h"

#include <string.h>
#include <strings.h>

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/* RFC 3986 pchar minus '%' (checked separately) plus '/'. */
static int is_path_char(char c)
{
	/* c != 0: strchr would find the set's own terminator */
	return is_alpha(c) || is_digit(c) || (c != 0 && strchr("-._~!$&'()*+,;=:@/", c) != NULL);
}

/* ".." spelled plainly or with %2e escapes (servers decode them) */
static int is_dotdot(const char *seg, size_t len)
{
	int dots = 0;
	size_t i = 0;
	while (i < len) {
		if (seg[i] == '.') {
			i++;
		} else if (i + 2 < len && seg[i] == '%' && seg[i + 1] == '2' && (seg[i + 2] == 'e' || seg[i + 2] == 'E')) {
			i += 3;
		} else {
			return 0;
		}
		dots++;
	}
	return dots == 2;
}

int wpllm_host_is_loopback(const char *host, size_t len)
{
	size_t i, dots = 0, digits = 0;
	unsigned part = 0;

	if (len == 9 && strncasecmp(host, "localhost", 9) == 0) {
		return 1;
	}
	if (len == 5 && memcmp(host, "[::1]", 5) == 0) {
		return 1;
	}
	if (len < 7 || memcmp(host, "127.", 4) != 0) {
		return 0;
	}
	for (i = 0; i < len; i++) {
		if (host[i] == '.') {
			if (digits == 0) {
				return 0;
			}
			dots++;
			digits = 0;
			part = 0;
		} else if (is_digit(host[i])) {
			if (digits == 1 && part == 0) {
				return 0; /* leading zero: octal in some resolvers */
			}
			part = part * 10 + (unsigned)(host[i] - '0');
			if (++digits > 3 || part > 255) {
				return 0;
			}
		} else {
			return 0;
		}
	}
	return dots == 3 && digits > 0;
}

int wpllm_url_check_base(const char *url, size_t len, size_t *norm_len, wpllm_error *err)
{
	size_t i, host_start, host_end, p;
	int https;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)url[i];
		if (c <= 0x20 || c == 0x7f) {
			wpllm_error_set(err, WPLLM_E_INVALID_ARGUMENT, "invalid_base_url",
				"base_url must not contain white space or control characters");
			return -1;
		}
	}
	if (len >= 8 && strncasecmp(url, "https://", 8) == 0) {
		https = 1;
		host_start = 8;
	} else if (len >= 7 && strncasecmp(url, "http://", 7) == 0) {
		https = 0;
		host_start = 7;
	} else {
		wpllm_error_set(err, WPLLM_E_INVALID_ARGUMENT, "invalid_base_url",
			"base_url must start with https:// (or http:// for a loopback host)");
		return -1;
	}
	for (p = host_start; p < len && url[p] != '/'; p++) {
		if (url[p] == '@') {
			goto no_extras;
		}
	}
	if (memchr(url, '?', len) || memchr(url, '#', len)) {
		goto no_extras;
	}
	p = host_start;
	if (p < len && url[p] == '[') {
		while (p < len && url[p] != ']') {
			if (!is_hex(url[p]) && url[p] != ':' && url[p] != '.' && url[p] != '[') {
				goto bad_host;
			}
			p++;
		}
		if (p == len) {
			goto bad_host;
		}
		p++;
	} else {
		while (p < len && (is_alpha(url[p]) || is_digit(url[p]) || url[p] == '-' || url[p] == '.')) {
			p++;
		}
	}
	host_end = p;
	if (host_end == host_start) {
		goto bad_host;
	}
	if (p < len && url[p] == ':') {
		size_t ds = ++p;
		unsigned long port = 0;
		while (p < len && is_digit(url[p])) {
			port = port * 10 + (unsigned long)(url[p] - '0');
			if (port > 65535) {
				break;
			}
			p++;
		}
		if (p == ds || port == 0 || port > 65535) {
			wpllm_error_set(err, WPLLM_E_INVALID_ARGUMENT, "invalid_base_url",
				"base_url has an invalid port (1 to 65535)");
			return -1;
		}
	}
	if (p < len && url[p] != '/') {
		goto bad_host; /* a byte that cannot be in a host name */
	}
	for (; p < len; p++) {
		if (url[p] == '%') {
			if (p + 2 >= len || !is_hex(url[p + 1]) || !is_hex(url[p + 2])) {
				goto bad_path;
			}
			p += 2;
		} else if (!is_path_char(url[p]) || url[p] == '@') {
			goto bad_path;
		}
	}
	if (!https && !wpllm_host_is_loopback(url + host_start, host_end - host_start)) {
		wpllm_error_set(err, WPLLM_E_INVALID_ARGUMENT, "insecure_base_url",
			"base_url must use https:// unless its host is loopback (127.0.0.0/8, ::1, localhost)");
		return -1;
	}
	while (len > host_end && url[len - 1] == '/') {
		len--;
	}
	*norm_len = len;
	return 0;

no_extras:
	wpllm_error_set(err, WPLLM_E_INVALID_ARGUMENT, "invalid_base_url",
		"base_url must be scheme://host[:port][/path] without user info, query or fragment");
	return -1;
bad_host:
	wpllm_error_set(err, WPLLM_E_INVALID_ARGUMENT, "invalid_base_url", "base_url has no valid host");
	return -1;
bad_path:
	wpllm_error_set(err, WPLLM_E_INVALID_ARGUMENT, "invalid_base_url",
		"base_url has a path with characters that must be percent-encoded");
	return -1;
}

int wpllm_url_check_path(const char *path, size_t len, wpllm_error *err)
{
	size_t i, seg = 1;

	if (len == 0 || path[0] != '/') {
		wpllm_error_set(err, WPLLM_E_INVALID_ARGUMENT, "invalid_path", "the path must start with '/'");
		return -1;
	}
	/* path[0] is the leading '/': segments start after it */
	for (i = 1; i < len; i++) {
		char c = path[i];
		if (c == '/') {
			if (is_dotdot(path + seg, i - seg)) {
				goto dotdot;
			}
			seg = i + 1;
		} else if (c == '%') {
			if (i + 2 >= len || !is_hex(path[i + 1]) || !is_hex(path[i + 2])) {
				wpllm_error_set(err, WPLLM_E_INVALID_ARGUMENT, "invalid_path",
					"the path has a '%%' that is not a percent-escape");
				return -1;
			}
			i += 2;
		} else if (!is_path_char(c)) {
			wpllm_error_set(err, WPLLM_E_INVALID_ARGUMENT, "invalid_path",
				"the path has a character that must be percent-encoded (byte 0x%02x at offset %zu); pass query parameters separately",
				(unsigned)(unsigned char)c, i);
			return -1;
		}
	}
	if (is_dotdot(path + seg, len - seg)) {
		goto dotdot;
	}
	return 0;
dotdot:
	wpllm_error_set(err, WPLLM_E_INVALID_ARGUMENT, "invalid_path", "the path must not contain a '..' segment");
	return -1;
}
