/* curl_floor.c: the floor a PHP client cannot go under: libcurl alone, one easy handle reused (one keep-alive
 * connection), the same POST /v1/generate with the same body and header set as the PHP clients (fresh
 * X-Request-ID and Idempotency-Key per call), N times. With "json" it also parses the body with json-c and
 * checks choices[0].finish_reason, which is the least any client must do with the response.
 *
 *   curl_floor URL CA_FILE|- N [WARMUP] [json]
 *
 * Prints one JSON line like the PHP clients: n, total_ns, median_ns, p90_ns, vmhwm_kb.
 * Build: cc -O2 -o curl_floor curl_floor.c $(pkg-config --cflags --libs libcurl json-c)
 */
#define _GNU_SOURCE
#include <curl/curl.h>
#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

static const char BODY[] = "{\"model\":\"wp-llm-13b\",\"prompt\":\"Create a custom post type for books\",\"max_tokens\":512}";
static const char API_KEY[] = "wpllm_test_full_0123456789abcdef";

struct buf {
	char *p;
	size_t len, cap;
};

static size_t on_write(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct buf *b = userdata;
	size_t n = size * nmemb;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1) {
			cap *= 2;
		}
		char *p = realloc(b->p, cap);
		if (p == NULL) {
			return 0;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, data, n);
	b->len += n;
	b->p[b->len] = '\0';
	return n;
}

static void uuid4(char out[37])
{
	unsigned char r[16];
	static const char hex[] = "0123456789abcdef";
	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r)) {
		abort();
	}
	r[6] = (r[6] & 0x0f) | 0x40;
	r[8] = (r[8] & 0x3f) | 0x80;
	for (int i = 0, o = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10) {
			out[o++] = '-';
		}
		out[o++] = hex[r[i] >> 4];
		out[o++] = hex[r[i] & 15];
	}
	out[36] = '\0';
}

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static long vmhwm_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = 0;
	if (f == NULL) {
		return 0;
	}
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1) {
			break;
		}
	}
	fclose(f);
	return kb;
}

/* One call: fresh headers, perform, check the status (and, with parse, the JSON). 0 on success. */
static int one_call(CURL *easy, struct buf *b, const char *ua, int parse)
{
	char rid[37], idem[37], h_rid[64], h_idem[64], h_auth[96];
	struct curl_slist *h = NULL;
	long status = 0;
	int ok = -1;

	uuid4(rid);
	uuid4(idem);
	snprintf(h_rid, sizeof(h_rid), "X-Request-ID: %s", rid);
	snprintf(h_idem, sizeof(h_idem), "Idempotency-Key: %s", idem);
	snprintf(h_auth, sizeof(h_auth), "Authorization: Bearer %s", API_KEY);
	h = curl_slist_append(h, "Content-Type: application/json");
	h = curl_slist_append(h, "Accept: application/json");
	h = curl_slist_append(h, ua);
	h = curl_slist_append(h, h_rid);
	h = curl_slist_append(h, h_idem);
	h = curl_slist_append(h, h_auth);
	curl_easy_setopt(easy, CURLOPT_HTTPHEADER, h);
	b->len = 0;
	CURLcode rc = curl_easy_perform(easy);
	if (rc != CURLE_OK) {
		fprintf(stderr, "curl: %s\n", curl_easy_strerror(rc));
	} else if (curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status), status != 200) {
		fprintf(stderr, "HTTP %ld\n", status);
	} else if (!parse) {
		ok = b->len > 0 ? 0 : -1;
	} else {
		struct json_tokener *tok = json_tokener_new();
		struct json_object *root = json_tokener_parse_ex(tok, b->p, (int)b->len);
		struct json_object *choices, *first, *reason;
		if (root && json_object_object_get_ex(root, "choices", &choices) &&
			(first = json_object_array_get_idx(choices, 0)) != NULL &&
			json_object_object_get_ex(first, "finish_reason", &reason) &&
			strcmp(json_object_get_string(reason), "stop") == 0) {
			ok = 0;
		} else {
			fprintf(stderr, "unexpected body\n");
		}
		json_object_put(root);
		json_tokener_free(tok);
	}
	curl_easy_setopt(easy, CURLOPT_HTTPHEADER, NULL);
	curl_slist_free_all(h);
	return ok;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: %s URL CA_FILE|- N [WARMUP] [json]\n", argv[0]);
		return 2;
	}
	const char *base = argv[1], *ca = argv[2];
	long n = atol(argv[3]), warmup = argc > 4 ? atol(argv[4]) : 1;
	int parse = argc > 5 && strcmp(argv[5], "json") == 0;
	char url[1024], ua[128];
	struct buf b = {0};
	int64_t *t = calloc(n > 0 ? (size_t)n : 1, sizeof(*t));

	snprintf(url, sizeof(url), "%s/v1/generate", base);
	snprintf(ua, sizeof(ua), "User-Agent: bench-c/1.0 curl/%s", curl_version_info(CURLVERSION_NOW)->version);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	CURL *easy = curl_easy_init();
	if (easy == NULL || t == NULL) {
		return 1;
	}
	curl_easy_setopt(easy, CURLOPT_URL, url);
	curl_easy_setopt(easy, CURLOPT_POSTFIELDS, BODY);
	curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE, (long)(sizeof(BODY) - 1));
	curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_write);
	curl_easy_setopt(easy, CURLOPT_WRITEDATA, &b);
	curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(easy, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
	if (strcmp(ca, "-") != 0) {
		curl_easy_setopt(easy, CURLOPT_CAINFO, ca);
	}

	for (long i = 0; i < warmup; i++) {
		if (one_call(easy, &b, ua, parse) != 0) {
			return 1;
		}
	}
	int64_t start = now_ns();
	for (long i = 0; i < n; i++) {
		int64_t t0 = now_ns();
		if (one_call(easy, &b, ua, parse) != 0) {
			return 1;
		}
		t[i] = now_ns() - t0;
	}
	int64_t total = now_ns() - start;
	qsort(t, (size_t)n, sizeof(*t), cmp64);
	printf("{\"client\":\"%s\",\"n\":%ld,\"total_ns\":%lld,\"median_ns\":%lld,\"p90_ns\":%lld,\"vmhwm_kb\":%ld}\n",
		parse ? "c-curl-json" : "c-curl", n, (long long)total, (long long)(n ? t[n / 2] : 0),
		(long long)(n ? t[(n * 9 / 10) < n ? n * 9 / 10 : n - 1] : 0), vmhwm_kb());

	curl_easy_cleanup(easy);
	curl_global_cleanup();
	free(b.p);
	free(t);
	return 0;
}
