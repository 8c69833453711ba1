--TEST--
Errors: every status and error code maps to its exception class, with code, type, details, request id, headers
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/server/server.inc';
$url = wpllm_test_server();
$c = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url, 'max_retries' => 0]);

function attempt(WPLLM\Client $c, string $fault): void
{
    try {
        $c->models(['headers' => ['X-Emulator-Fault' => $fault]]);
        echo "no exception\n";
    } catch (WPLLM\Exceptions\WPLLMException $e) {
        printf("%-4s %-40s code=%d status=%d error=%s type=%s rid=%s\n", substr($fault, 7, 3), get_class($e), $e->getCode(),
            $e->getHttpStatus(), $e->getErrorCode(), $e->getErrorType(),
            preg_match('/^req_[0-9a-f]{24}$/', (string) $e->getRequestId()) ? 'ok' : var_export($e->getRequestId(), true));
    }
}
foreach ([400, 401, 402, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504] as $s) {
    attempt($c, "status=$s");
}
echo "-- error.code decides before the status\n";
attempt($c, 'status=400;code=content_filtered;type=content_filter_error');
attempt($c, 'status=400;code=insufficient_quota;type=invalid_request_error');
attempt($c, 'status=401;code=token_expired');
attempt($c, 'status=404;code=model_not_found');
attempt($c, 'status=418;code=teapot;type=odd_error');
echo "-- the older envelope\n";
attempt($c, 'status=429;format=legacy');
attempt($c, 'status=422;format=legacy;code=context_length_exceeded');

echo "-- details, headers, message\n";
try {
    $c->generate(['prompt' => 'x', 'temperature' => 7]);
} catch (WPLLM\Exceptions\ValidationException $e) {
    echo $e->getMessage(), "\n";
    var_dump($e->getDetails());
    echo $e->getHeaders()['content-type'], "\n";
    echo $e->getHeaders()['x-request-id'] === $e->getRequestId() ? "request id matches the header\n" : "mismatch\n";
    echo $e->getRetryAfter() === null ? "no retry-after\n" : "retry-after set\n";
    echo $c->getLastError() === $e ? "getLastError is the thrown exception\n" : "getLastError differs\n";
}
echo "-- every class implements the interface and extends the base\n";
foreach (['AuthenticationException', 'PermissionException', 'ValidationException', 'NotFoundException',
    'QuotaExceededException', 'RateLimitException', 'ContentFilterException', 'ServerException', 'ConnectionException',
    'TimeoutException'] as $n) {
    $cls = "WPLLM\\Exceptions\\$n";
    echo $n, ' ', is_subclass_of($cls, WPLLM\Exceptions\WPLLMException::class) ? 'base' : 'NOT base', ' ',
        is_subclass_of($cls, WPLLM\Exceptions\ExceptionInterface::class) ? 'iface' : 'NOT iface', "\n";
}
var_dump(is_subclass_of(WPLLM\Exceptions\TimeoutException::class, WPLLM\Exceptions\ConnectionException::class));
var_dump(is_subclass_of(WPLLM\Exceptions\WPLLMException::class, RuntimeException::class));
$e = new WPLLM\Exceptions\ServerException('plain', 500);
var_dump($e->getErrorCode(), $e->getHttpStatus(), $e->getDetails(), $e->getRequestId(), $e->getHeaders(), $e->getRetryAfter());
?>
--EXPECT--
400  WPLLM\Exceptions\ValidationException     code=400 status=400 error=invalid_parameters type=invalid_request_error rid=ok
401  WPLLM\Exceptions\AuthenticationException code=401 status=401 error=invalid_api_key type=authentication_error rid=ok
402  WPLLM\Exceptions\QuotaExceededException  code=402 status=402 error=quota_exceeded type=invalid_request_error rid=ok
403  WPLLM\Exceptions\PermissionException     code=403 status=403 error=insufficient_permissions type=permission_error rid=ok
404  WPLLM\Exceptions\NotFoundException       code=404 status=404 error=not_found type=not_found_error rid=ok
408  WPLLM\Exceptions\WPLLMException          code=408 status=408 error=request_timeout type=invalid_request_error rid=ok
409  WPLLM\Exceptions\WPLLMException          code=409 status=409 error=conflict type=invalid_request_error rid=ok
422  WPLLM\Exceptions\ValidationException     code=422 status=422 error=invalid_parameters type=invalid_request_error rid=ok
429  WPLLM\Exceptions\RateLimitException      code=429 status=429 error=rate_limit_exceeded type=rate_limit_error rid=ok
500  WPLLM\Exceptions\ServerException         code=500 status=500 error=internal_error type=server_error rid=ok
502  WPLLM\Exceptions\ServerException         code=502 status=502 error=internal_error type=server_error rid=ok
503  WPLLM\Exceptions\ServerException         code=503 status=503 error=service_unavailable type=server_error rid=ok
504  WPLLM\Exceptions\ServerException         code=504 status=504 error=internal_error type=server_error rid=ok
-- error.code decides before the status
400  WPLLM\Exceptions\ContentFilterException  code=400 status=400 error=content_filtered type=content_filter_error rid=ok
400  WPLLM\Exceptions\QuotaExceededException  code=400 status=400 error=insufficient_quota type=invalid_request_error rid=ok
401  WPLLM\Exceptions\AuthenticationException code=401 status=401 error=token_expired type=authentication_error rid=ok
404  WPLLM\Exceptions\NotFoundException       code=404 status=404 error=model_not_found type=not_found_error rid=ok
418  WPLLM\Exceptions\WPLLMException          code=418 status=418 error=teapot type=odd_error rid=ok
-- the older envelope
429  WPLLM\Exceptions\RateLimitException      code=429 status=429 error=rate_limit_exceeded type=rate_limit_error rid=ok
422  WPLLM\Exceptions\ValidationException     code=422 status=422 error=context_length_exceeded type=invalid_request_error rid=ok
-- details, headers, message
temperature must be a number from 0 to 2.
array(1) {
  ["param"]=>
  string(11) "temperature"
}
application/json
request id matches the header
no retry-after
getLastError is the thrown exception
-- every class implements the interface and extends the base
AuthenticationException base iface
PermissionException base iface
ValidationException base iface
NotFoundException base iface
QuotaExceededException base iface
RateLimitException base iface
ContentFilterException base iface
ServerException base iface
ConnectionException base iface
TimeoutException base iface
bool(true)
bool(true)
string(0) ""
int(0)
array(0) {
}
NULL
array(0) {
}
NULL
