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

/* base64url digit values; 64 marks a byte outside the alphabet */
static const unsigned char b64u_dec[256] = {
#define X 64
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, 62, X, X, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, X, X, X, X, X, X,
	X, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, X, X, X, X, 63,
	X, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
#undef X
};

int wpllm_b64url_decode(wpllm_buf *out, const char *in, size_t len)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0, o = 0, rem = len % 4;
	unsigned char *p, bad = 0;
	unsigned v;

	if (rem == 1) {
		return -1;
	}
	if (wpllm_buf_reserve(out, len / 4 * 3 + 2) != 0) {
		return -2;
	}
	p = (unsigned char *)out->data + out->len;
	/* four digits make three bytes */
	for (; i + 4 <= len; i += 4) {
		unsigned a = b64u_dec[s[i]], b = b64u_dec[s[i + 1]], c = b64u_dec[s[i + 2]], d = b64u_dec[s[i + 3]];
		bad |= (unsigned char)((a | b | c | d) & 64);
		v = a << 18 | b << 12 | c << 6 | d;
		p[o++] = (unsigned char)(v >> 16);
		p[o++] = (unsigned char)(v >> 8);
		p[o++] = (unsigned char)v;
	}
	if (rem == 2) {
		unsigned a = b64u_dec[s[i]], b = b64u_dec[s[i + 1]];
		bad |= (unsigned char)((a | b) & 64);
		/* non-zero unused bits would be a second spelling of the same bytes */
		bad |= (unsigned char)((b & 15) ? 64 : 0);
		p[o++] = (unsigned char)((a << 2) | (b >> 4));
	} else if (rem == 3) {
		unsigned a = b64u_dec[s[i]], b = b64u_dec[s[i + 1]], c = b64u_dec[s[i + 2]];
		bad |= (unsigned char)((a | b | c) & 64);
		bad |= (unsigned char)((c & 3) ? 64 : 0);
		p[o++] = (unsigned char)((a << 2) | (b >> 4));
		p[o++] = (unsigned char)(((b & 15) << 4) | (c >> 2));
	}
	if (bad) {
		return -1;
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
