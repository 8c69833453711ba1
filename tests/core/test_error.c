/* test_error.c: error envelopes (both documented formats, hostile bodies) and the class mapping. */
#include "check.h"
#include "core/error.h"

static wpllm_error parse(long status, const char *body, const char *hdr_rid)
{
	wpllm_error err;
	wpllm_error_init(&err);
	wpllm_error_from_response(&err, status, body, body ? strlen(body) : 0, hdr_rid);
	return err;
}

void test_error(void)
{
	wpllm_error e;

	e = parse(429, "{\"error\":{\"type\":\"rate_limit_error\",\"code\":\"rate_limit_exceeded\",\"message\":\"Slow down\","
		"\"details\":{\"retry_after\":7,\"limit\":3},\"request_id\":\"req_abc\",\"timestamp\":\"2026-01-01T00:00:00Z\"}}", "req_hdr");
	CHECK_EQ_LL(e.kind, WPLLM_E_RATE_LIMIT);
	CHECK_STR(e.code, "rate_limit_exceeded");
	CHECK_STR(e.type, "rate_limit_error");
	CHECK_STR(e.message, "Slow down");
	CHECK_STR(e.request_id, "req_abc");
	CHECK_STR(e.details_json, "{\"retry_after\":7,\"limit\":3}");
	CHECK_EQ_LL(e.retry_after_ms, 7000);
	CHECK_EQ_LL(e.status, 429);
	wpllm_error_clear(&e);

	/* the older envelope */
	e = parse(400, "{\"error\":{\"code\":\"context_length_exceeded\",\"message\":\"Too long\",\"param\":\"prompt\",\"type\":\"invalid_request_error\",\"retry_after\":\"2.5\"}}", NULL);
	CHECK_EQ_LL(e.kind, WPLLM_E_VALIDATION);
	CHECK_STR(e.param, "prompt");
	CHECK_EQ_LL(e.retry_after_ms, 2500);
	CHECK(e.request_id == NULL);
	CHECK(e.details_json == NULL);
	wpllm_error_clear(&e);

	/* request id from the header when the body has none */
	e = parse(500, "{\"error\":{\"message\":\"boom\"}}", "req_from_header");
	CHECK_EQ_LL(e.kind, WPLLM_E_SERVER);
	CHECK_STR(e.request_id, "req_from_header");
	CHECK_STR(e.message, "boom");
	wpllm_error_clear(&e);

	/* a proxy's HTML page */
	e = parse(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", NULL);
	CHECK_EQ_LL(e.kind, WPLLM_E_SERVER);
	CHECK_STR(e.message, "HTTP 502 Bad Gateway (the response body is not the service's JSON error)");
	CHECK_STR(e.code, "");
	wpllm_error_clear(&e);

	/* JSON followed by junk is not JSON */
	e = parse(401, "{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"no\"}} trailing", NULL);
	CHECK_EQ_LL(e.kind, WPLLM_E_AUTHENTICATION);
	CHECK_STR(e.code, "");
	wpllm_error_clear(&e);

	/* code wins over status; a huge code is cut; a non-object error is ignored */
	e = parse(400, "{\"error\":{\"code\":\"content_filtered\",\"message\":\"m\"}}", NULL);
	CHECK_EQ_LL(e.kind, WPLLM_E_CONTENT_FILTER);
	wpllm_error_clear(&e);
	e = parse(418, "{\"error\":{\"code\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}}", NULL);
	CHECK_EQ_LL(strlen(e.code), WPLLM_ERROR_CODE_MAX - 1);
	CHECK_EQ_LL(e.kind, WPLLM_E_API);
	CHECK_STR(e.message, "HTTP 418 Error");
	wpllm_error_clear(&e);
	e = parse(403, "{\"error\":\"forbidden\"}", NULL);
	CHECK_EQ_LL(e.kind, WPLLM_E_PERMISSION);
	wpllm_error_clear(&e);
	e = parse(404, "", NULL);
	CHECK_EQ_LL(e.kind, WPLLM_E_NOT_FOUND);
	CHECK_STR(e.message, "HTTP 404 Not Found (the response body is not the service's JSON error)");
	wpllm_error_clear(&e);
	e = parse(429, "{\"error\":{\"code\":\"rate_limit_exceeded\",\"retry_after\":-3}}", NULL);
	CHECK_EQ_LL(e.retry_after_ms, -1);
	wpllm_error_clear(&e);
	e = parse(429, "{\"error\":{\"retry_after\":1e300}}", NULL);
	CHECK_EQ_LL(e.retry_after_ms, -1);
	wpllm_error_clear(&e);

	/* the mapping table */
	CHECK_EQ_LL(wpllm_error_kind_for(401, "", ""), WPLLM_E_AUTHENTICATION);
	CHECK_EQ_LL(wpllm_error_kind_for(402, "", ""), WPLLM_E_QUOTA);
	CHECK_EQ_LL(wpllm_error_kind_for(403, "", ""), WPLLM_E_PERMISSION);
	CHECK_EQ_LL(wpllm_error_kind_for(404, "", ""), WPLLM_E_NOT_FOUND);
	CHECK_EQ_LL(wpllm_error_kind_for(422, "", ""), WPLLM_E_VALIDATION);
	CHECK_EQ_LL(wpllm_error_kind_for(409, "", ""), WPLLM_E_API);
	CHECK_EQ_LL(wpllm_error_kind_for(503, "", ""), WPLLM_E_SERVER);
	CHECK_EQ_LL(wpllm_error_kind_for(400, "insufficient_quota", ""), WPLLM_E_QUOTA);
	CHECK_EQ_LL(wpllm_error_kind_for(500, "", "permission_error"), WPLLM_E_PERMISSION);
	CHECK_EQ_LL(wpllm_error_kind_for(401, "token_expired", ""), WPLLM_E_AUTHENTICATION);
	CHECK_EQ_LL(wpllm_error_kind_for(404, "model_not_found", ""), WPLLM_E_NOT_FOUND);

	wpllm_error_init(&e);
	wpllm_error_set(&e, WPLLM_E_TIMEOUT, "timeout", "after %d ms", 5);
	CHECK_STR(e.message, "after 5 ms");
	CHECK_STR(e.code, "timeout");
	wpllm_error_clear(&e);
}
