/* codec.c: base64url and base32, both strict on decode. */
#include "codec.h"

static const char b64u[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

int wpllm_b64url_encode(wpllm_buf *out, const unsigned char *in, size_t len)
{
	size_t i, o;
	char *p;

	if (len > ((size_t)-1) / 2 || wpllm_buf_reserve(out, (len + 2) / 3 * 4) != 0) {
		return -1;
	}
	p = out->data + out->len;
	o = 0;
	for (i = 0; i + 2 < len; i += 3) {
		unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
		p[o++] = b64u[v >> 18];
		p[o++] = b64u[(v >> 12) & 63];
		p[o++] = b64u[(v >> 6) & 63];
		p[o++] = b64u[v & 63];
	}
	if (len - i == 1) {
		unsigned v = (unsigned)in[i] << 16;
		p[o++] = b64u[v >> 18];
		p[o++] = b64u[(v >> 12) & 63];
	} else if (len - i == 2) {
		unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8;
		p[o++] = b64u[v >> 18];
		p[o++] = b64u[(v >> 12) & 63];
		p[o++] = b64u[(v >> 6) & 63];
	}
	out->len += o;
	out->data[out->len] = '\0';
	return 0;
}

static int b64u_val(unsigned char c)
{
	if (c >= 'A' && c <= 'Z') return c - 'A';
	if (c >= 'a' && c <= 'z') return c - 'a' + 26;
	if (c >= '0' && c <= '9') return c - '0' + 52;
	if (c == '-') return 62;
	if (c == '_') return 63;
	return -1;
}

int wpllm_b64url_decode(wpllm_buf *out, const char *in, size_t len)
{
	size_t i, o = 0, rem = len % 4;
	unsigned v = 0;
	int bits = 0;
	unsigned char *p;

	if (rem == 1) {
		return -1;
	}
	if (wpllm_buf_reserve(out, len / 4 * 3 + 2) != 0) {
		return -2;
	}
	p = (unsigned char *)out->data + out->len;
	for (i = 0; i < len; i++) {
		int d = b64u_val((unsigned char)in[i]);
		if (d < 0) {
			return -1;
		}
		v = (v << 6) | (unsigned)d;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			p[o++] = (unsigned char)(v >> bits);
			v &= (1u << bits) - 1;
		}
	}
	if (v != 0) {
		return -1; /* non-zero unused bits: a second spelling of the same bytes */
	}
	out->len += o;
	out->data[out->len] = '\0';
	return 0;
}

int wpllm_b32_encode(wpllm_buf *out, const unsigned char *in, size_t len)
{
	size_t i, o = 0;
	unsigned long long v = 0;
	int bits = 0;
	char *p;

	if (len > ((size_t)-1) / 2 || wpllm_buf_reserve(out, (len + 4) / 5 * 8) != 0) {
		return -1;
	}
	p = out->data + out->len;
	for (i = 0; i < len; i++) {
		v = (v << 8) | in[i];
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			p[o++] = b32[(v >> bits) & 31];
		}
	}
	if (bits > 0) {
		p[o++] = b32[(v << (5 - bits)) & 31];
	}
	out->len += o;
	out->data[out->len] = '\0';
	return 0;
}

int wpllm_b32_decode(wpllm_buf *out, const char *in, size_t len)
{
	size_t i, chars = 0, pad = 0, o = 0;
	unsigned long long v = 0;
	int bits = 0;
	unsigned char *p;

	if (wpllm_buf_reserve(out, len / 8 * 5 + 5) != 0) {
		return -2;
	}
	p = (unsigned char *)out->data + out->len;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)in[i];
		int d;
		if (c == ' ' || c == '-') {
			if (pad) {
				return -1;
			}
			continue;
		}
		if (c == '=') {
			pad++;
			continue;
		}
		if (pad) {
			return -1; /* data after padding */
		}
		if (c >= 'a' && c <= 'z') {
			c = (unsigned char)(c - 'a' + 'A');
		}
		if (c >= 'A' && c <= 'Z') {
			d = c - 'A';
		} else if (c >= '2' && c <= '7') {
			d = c - '2' + 26;
		} else {
			return -1;
		}
		v = (v << 5) | (unsigned)d;
		bits += 5;
		chars++;
		if (bits >= 8) {
			bits -= 8;
			p[o++] = (unsigned char)(v >> bits);
			v &= (1ull << bits) - 1;
		}
	}
	/* a group of 8 characters holds 5 bytes; valid partial groups have 2, 4, 5 or 7 characters */
	switch (chars % 8) {
		case 0: case 2: case 4: case 5: case 7: break;
		default: return -1;
	}
	if (pad && (chars + pad) % 8 != 0) {
		return -1;
	}
	if (chars == 0 || v != 0) {
		return -1;
	}
	out->len += o;
	out->data[out->len] = '\0';
	return 0;
}
