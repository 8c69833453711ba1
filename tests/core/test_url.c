/* test_url.c: base URL and request path checks. */
#include "check.h"
#include "core/url.h"

static long long base(const char *u, char *code_out)
{
	wpllm_error err;
	size_t n = 0;
	int rc;
	wpllm_error_init(&err);
	rc = wpllm_url_check_base(u, strlen(u), &n, &err);
	if (code_out) {
		strcpy(code_out, rc == 0 ? "" : err.code);
	}
	wpllm_error_clear(&err);
	return rc == 0 ? (long long)n : -1;
}

static int path_ok(const char *p)
{
	wpllm_error err;
	int rc;
	wpllm_error_init(&err);
	rc = wpllm_url_check_path(p, strlen(p), &err);
	wpllm_error_clear(&err);
	return rc == 0;
}

void test_url(void)
{
	char code[64];

	CHECK_EQ_LL(base("https://api.wp-llm.com", NULL), 22);
	CHECK_EQ_LL(base("https://api.wp-llm.com/", NULL), 22);
	CHECK_EQ_LL(base("https://api.wp-llm.com///", NULL), 22);
	CHECK_EQ_LL(base("https://api.wp-llm.com:8443/prefix/", NULL), 34);
	CHECK_EQ_LL(base("HTTPS://API.WP-LLM.COM", NULL), 22);
	CHECK_EQ_LL(base("http://127.0.0.1:8080", NULL), 21);
	CHECK_EQ_LL(base("http://127.1.2.3", NULL), 16);
	CHECK_EQ_LL(base("http://localhost:9", NULL), 18);
	CHECK_EQ_LL(base("http://[::1]:9000", NULL), 17);
	CHECK_EQ_LL(base("https://[2001:db8::1]", NULL), 21);

	CHECK_EQ_LL(base("http://example.com", code), -1);
	CHECK_STR(code, "insecure_base_url");
	CHECK_EQ_LL(base("http://127.0.0.1.evil.com", code), -1);
	CHECK_STR(code, "insecure_base_url");
	CHECK_EQ_LL(base("http://localhost.evil.com", code), -1);
	CHECK_EQ_LL(base("http://128.0.0.1", code), -1);
	CHECK_EQ_LL(base("http://127.0.0.01", code), -1);
	CHECK_EQ_LL(base("http://127.0.0.256", code), -1);
	CHECK_EQ_LL(base("http://127.0.0", code), -1);
	CHECK_EQ_LL(base("http://[::2]", code), -1);
	CHECK_EQ_LL(base("ftp://api.wp-llm.com", code), -1);
	CHECK_STR(code, "invalid_base_url");
	CHECK_EQ_LL(base("api.wp-llm.com", code), -1);
	CHECK_EQ_LL(base("https://", code), -1);
	CHECK_EQ_LL(base("https://user:pw@api.wp-llm.com", code), -1);
	CHECK_EQ_LL(base("https://api.wp-llm.com?x=1", code), -1);
	CHECK_EQ_LL(base("https://api.wp-llm.com#f", code), -1);
	CHECK_EQ_LL(base("https://api.wp-llm.com/a b", code), -1);
	CHECK_EQ_LL(base("https://api.wp-llm.com\r\nX: y", code), -1);
	CHECK_EQ_LL(base("https://api.wp-llm.com:0", code), -1);
	CHECK_EQ_LL(base("https://api.wp-llm.com:65536", code), -1);
	CHECK_EQ_LL(base("https://api.wp-llm.com:99999999999999999999", code), -1);
	CHECK_EQ_LL(base("https://api.wp-llm.com:", code), -1);
	CHECK_EQ_LL(base("https://api.wp-llm.com/%zz", code), -1);
	CHECK_EQ_LL(base("https://api.wp-llm.com/p@x", code), -1);
	CHECK_EQ_LL(base("https://[::1", code), -1);

	CHECK(wpllm_host_is_loopback("localhost", 9));
	CHECK(wpllm_host_is_loopback("LOCALHOST", 9));
	CHECK(wpllm_host_is_loopback("127.255.255.254", 15));
	CHECK(!wpllm_host_is_loopback("127.0.0.1.", 10));
	CHECK(!wpllm_host_is_loopback("127..0.1", 8));
	CHECK(!wpllm_host_is_loopback("0.0.0.0", 7));

	CHECK(path_ok("/v1/models"));
	CHECK(path_ok("/v1/models/wp-llm-13b"));
	CHECK(path_ok("/v1/models/a%20b"));
	CHECK(path_ok("/"));
	CHECK(path_ok("/v1/..x/y"));
	CHECK(!path_ok(""));
	CHECK(!path_ok("v1/models"));
	CHECK(!path_ok("/v1/models?x=1"));
	CHECK(!path_ok("/v1/models#x"));
	CHECK(!path_ok("/v1/a b"));
	CHECK(!path_ok("/v1/a\r\nHost: x"));
	CHECK(!path_ok("/v1/%2"));
	CHECK(!path_ok("/v1/../admin"));
	CHECK(!path_ok("/v1/.."));
	CHECK(!path_ok("/.."));
	CHECK(!path_ok("/%"));
	CHECK(!path_ok("/%2"));
	CHECK(!path_ok("/v1/%2e%2e/admin"));
	CHECK(!path_ok("/v1/.%2E"));
	CHECK(!path_ok("/%2E./x"));
	CHECK(path_ok("/v1/%2e%2e%2e"));
	{
		wpllm_error err;
		wpllm_error_init(&err);
		CHECK_EQ_LL(wpllm_url_check_path("/v1/..\0x", 8, &err), -1); /* a NUL inside the length */
		CHECK_EQ_LL(wpllm_url_check_path("/v1/a\0", 6, &err), -1);
		wpllm_error_clear(&err);
	}
}
