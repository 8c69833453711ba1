--TEST--
Retry: 408, 409, 429, 5xx and a proxy's HTML 502 are retried with backoff; 4xx are not; x-should-retry overrides
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/retry.inc';
$url = wpllm_test_server();
$c = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url]);

// one failure, then success: one backoff of 0.5 s x (1 - 0.25 r), so 0.375 to 0.5 s
foreach ([500, 502, 503, 504, 408, 409, 429] as $s) {
    wpllm_fault_row($c, "$s then ok", "status=$s;times=1;id=s$s", 0.375, 2.5);
}
wpllm_fault_row($c, 'html 502 then ok', 'html=502;times=1;id=h502', 0.375, 2.5);
// never retried
foreach ([400, 401, 402, 403, 404, 422] as $s) {
    wpllm_fault_row($c, "$s", "status=$s;times=1;id=n$s", 0, 1.5);
}
// the header overrides both ways
wpllm_fault_row($c, '503 + should_retry=false', 'status=503;should_retry=false;times=1;id=o1', 0, 1.5);
wpllm_fault_row($c, '400 + should_retry=true', 'status=400;should_retry=true;times=1;id=o2', 0.375, 2.5);
// exhausted: 1 + max_retries attempts, backoff 0.5 s then 1 s (each less up to a quarter)
$e = wpllm_fault_row($c, '503 always', 'status=503;id=x1', 0.375 + 0.75, 4);
$log = $c->getLastResponse()['attempt_log'];
echo 'waits: ', $log[0]['wait_ms'] >= 375 && $log[0]['wait_ms'] <= 500 ? 'first ok' : "first {$log[0]['wait_ms']}", ', ',
    $log[1]['wait_ms'] >= 750 && $log[1]['wait_ms'] <= 1000 ? 'second ok' : "second {$log[1]['wait_ms']}", ', last ', $log[2]['wait_ms'], "\n";
echo $e->getHeaders()['content-type'], ' ', preg_match('/^req_/', $e->getRequestId()), "\n";
// the per-call max_retries
wpllm_fault_row($c, '503 always, max_retries=0', 'status=503;id=x2', 0, 1.5, false, ['max_retries' => 0]);
$c5 = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url, 'max_retries' => 4]);
wpllm_fault_row($c5, '502 x4 then ok, max 4', 'status=502;times=4;id=x3', 0.375 + 0.75 + 1.5 + 3, 10);
// a POST keeps its Idempotency-Key and request id across attempts
wpllm_fault_row($c, 'POST 503 then ok', 'status=503;times=1;id=p1', 0.375, 2.5, true);
$r = wpllm_test_requests($url, 'p1');
echo count($r), ' recorded, same key: ', var_export($r[0]['headers']['idempotency-key'] === $r[1]['headers']['idempotency-key'], true),
    ', same request id: ', var_export($r[0]['headers']['x-request-id'] === $r[1]['headers']['x-request-id'], true), "\n";
?>
--EXPECT--
500 then ok                  ok                                           attempts=2 [500:internal_error,200] time ok
502 then ok                  ok                                           attempts=2 [502:internal_error,200] time ok
503 then ok                  ok                                           attempts=2 [503:service_unavailable,200] time ok
504 then ok                  ok                                           attempts=2 [504:internal_error,200] time ok
408 then ok                  ok                                           attempts=2 [408:request_timeout,200] time ok
409 then ok                  ok                                           attempts=2 [409:conflict,200] time ok
429 then ok                  ok                                           attempts=2 [429:rate_limit_exceeded,200] time ok
html 502 then ok             ok                                           attempts=2 [502:http_error,200] time ok
400                          ValidationException(400, invalid_parameters) attempts=1 [400:invalid_parameters] time ok
401                          AuthenticationException(401, invalid_api_key) attempts=1 [401:invalid_api_key] time ok
402                          QuotaExceededException(402, quota_exceeded)  attempts=1 [402:quota_exceeded] time ok
403                          PermissionException(403, insufficient_permissions) attempts=1 [403:insufficient_permissions] time ok
404                          NotFoundException(404, not_found)            attempts=1 [404:not_found] time ok
422                          ValidationException(422, invalid_parameters) attempts=1 [422:invalid_parameters] time ok
503 + should_retry=false     ServerException(503, service_unavailable)    attempts=1 [503:service_unavailable] time ok
400 + should_retry=true      ok                                           attempts=2 [400:invalid_parameters,200] time ok
503 always                   ServerException(503, service_unavailable)    attempts=3 [503:service_unavailable,503:service_unavailable,503:service_unavailable] time ok
waits: first ok, second ok, last 0
application/json 1
503 always, max_retries=0    ServerException(503, service_unavailable)    attempts=1 [503:service_unavailable] time ok
502 x4 then ok, max 4        ok                                           attempts=5 [502:internal_error,502:internal_error,502:internal_error,502:internal_error,200] time ok
POST 503 then ok             ok                                           attempts=2 [503:service_unavailable,200] time ok
2 recorded, same key: true, same request id: true
