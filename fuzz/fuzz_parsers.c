/* fuzz_parsers.c: one libFuzzer harness over every parser of the PHP-free core that reads what a server or a
 * token sends: Retry-After / HTTP-date, error envelopes, URLs and paths, JWS tokens and claims, base64url and
 * base32, and the NDJSON/SSE stream decoder (fed in pieces whose sizes come from the input). The first byte picks
 * the parser. Built with -fsanitize=fuzzer,address,undefined by fuzz/run.sh. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/codec.h"
#include "core/error.h"
#include "core/jwt.h"
#include "core/retry.h"
#include "core/stream.h"
#include "core/url.h"

static int count_events(void *ctx, const char *event, const char *data, size_t len)
{
	size_t *n = ctx;
	(void)event;
	/* touch every byte, so a bad length shows up under ASan */
	if (len) {
		volatile char first = data[0], last = data[len - 1];
		(void)first;
		(void)last;
	}
	return ++*n > 100000;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wpllm_error err;
	const char *s;
	size_t n;
	char *copy;

	if (size < 1) {
		return 0;
	}
	s = (const char *)data + 1;
	n = size - 1;
	wpllm_error_init(&err);
	/* NUL-terminated copy for the parsers that take C strings */
	copy = malloc(n + 1);
	if (copy == NULL) {
		return 0;
	}
	memcpy(copy, s, n);
	copy[n] = '\0';

	switch (data[0] % 8) {
		case 0: {
			int64_t ms;
			wpllm_retry_after_parse(s, n, 1700000000000LL, &ms);
			wpllm_retry_after_ms_parse(s, n, &ms);
			wpllm_http_date_parse(s, n, &ms);
			wpllm_retry_header_override(copy);
			break;
		}
		case 1:
			wpllm_error_from_response(&err, 400 + (long)(n % 200), s, n, n ? copy : NULL);
			break;
		case 2: {
			size_t norm;
			wpllm_url_check_base(s, n, &norm, &err);
			wpllm_error_clear(&err);
			wpllm_url_check_path(s, n, &err);
			wpllm_host_is_loopback(s, n);
			break;
		}
		case 3: {
			wpllm_jwt_parsed p;
			if (wpllm_jwt_parse(s, n, &p, &err) == 0) {
				wpllm_jwt_claims_rules r = {1700000000, 60, NULL, 0, "iss"};
				static const char *aud[] = {"a", "b"};
				int64_t exp;
				wpllm_jwt_key k;
				wpllm_error e2;
				wpllm_error_init(&e2);
				r.audiences = aud;
				r.audience_count = 2;
				wpllm_jwt_check_claims(&p, &r, &exp, &err);
				if (wpllm_jwt_key_from_secret(&k, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 64, &e2) == 0) {
					wpllm_jwt_verify(&p, &k, &e2);
					wpllm_jwt_key_free(&k);
				}
				wpllm_error_clear(&e2);
				wpllm_jwt_parsed_free(&p);
			}
			{
				int64_t exp;
				wpllm_jwt_peek_exp(s, n, &exp);
			}
			break;
		}
		case 4: {
			wpllm_buf b = WPLLM_BUF_INIT;
			wpllm_b64url_decode(&b, s, n);
			wpllm_buf_free(&b);
			wpllm_b32_decode(&b, s, n);
			wpllm_buf_free(&b);
			break;
		}
		case 5: {
			wpllm_jwt_key k;
			wpllm_jwt_key_from_jwk(&k, s, n, &err);
			wpllm_jwt_key_free(&k);
			break;
		}
		default: {
			/* the stream decoder, fed in pieces: each piece's size comes from the data itself */
			wpllm_stream_decoder d;
			size_t i = 0, events = 0;
			wpllm_stream_init(&d, (wpllm_stream_format)(data[0] % 3));
			d.max_line = 4096; /* small, so the cap is reached often */
			while (i < n) {
				size_t piece = 1 + (size_t)((unsigned char)s[i] % 61);
				if (piece > n - i) {
					piece = n - i;
				}
				if (wpllm_stream_feed(&d, s + i, piece, count_events, &events, &err) != 0) {
					break;
				}
				i += piece;
			}
			wpllm_stream_finish(&d, count_events, &events, &err);
			wpllm_stream_free(&d);
			break;
		}
	}
	wpllm_error_clear(&err);
	free(copy);
	return 0;
}
