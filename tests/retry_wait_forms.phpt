--TEST--
Retry: the server's wait in every form (retry-after-ms, Retry-After seconds and HTTP-date, body hints), and above max_retry_after
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/retry.inc';
$url = wpllm_test_server();
$c = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url]);

wpllm_fault_row($c, 'retry-after-ms 300', 'status=429;retry_after_ms=300;times=1;id=a', 0.3, 1.8);
wpllm_fault_row($c, 'Retry-After 1', 'status=429;retry_after=1;times=1;id=b', 1.0, 2.5);
wpllm_fault_row($c, 'Retry-After 0.6', 'status=503;retry_after=0.6;times=1;id=c', 0.6, 2.1);
$date = rawurlencode(gmdate('D, d M Y H:i:s', time() + 2) . ' GMT');
wpllm_fault_row($c, 'Retry-After HTTP-date +2s', "status=429;retry_after=$date;times=1;id=d", 0.9, 3.5);
$past = rawurlencode('Sun, 06 Nov 1994 08:49:37 GMT');
wpllm_fault_row($c, 'Retry-After in the past', "status=429;retry_after=$past;times=1;id=e", 0.375, 2.0);
wpllm_fault_row($c, 'body details.retry_after 1', 'status=429;body_retry_after=1;times=1;id=f', 1.0, 2.5);
wpllm_fault_row($c, 'legacy retry_after 1', 'status=429;format=legacy;body_retry_after=1;times=1;id=g', 1.0, 2.5);
wpllm_fault_row($c, 'ms wins over seconds', 'status=429;retry_after_ms=200;retry_after=5;times=1;id=h', 0.2, 1.7);
foreach (['-5', 'soon', '1e9', '99999999999999999999999'] as $i => $v) {
    $min = $v === '99999999999999999999999' ? 0 : 0.375;
    wpllm_fault_row($c, "Retry-After '$v'", 'status=429;retry_after=' . rawurlencode($v) . ";times=1;id=i$i", $min, 2.0);
}
echo "-- above max_retry_after: thrown at once, with the wait\n";
$e = wpllm_fault_row($c, 'Retry-After 200', 'status=429;retry_after=200;id=j', 0, 1.5);
echo $e->getRetryAfter(), "\n", $e->getMessage(), "\n";
$e = wpllm_fault_row($c, 'retry-after-ms 121000', 'status=429;retry_after_ms=121000;id=k', 0, 1.5);
echo $e->getRetryAfter(), "\n";
$tight = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url, 'max_retry_after' => 0.5]);
$e = wpllm_fault_row($tight, 'Retry-After 1 > 0.5 cap', 'status=503;retry_after=1;id=l', 0, 1.5);
echo get_class($e), ' ', $e->getRetryAfter(), "\n";
$e = wpllm_fault_row($tight, 'exhausted keeps the wait', 'status=429;retry_after_ms=100;id=m', 0.2, 2.0);
echo $e->getRetryAfter(), ' ', $e->getHeaders()['retry-after-ms'], "\n";
?>
--EXPECT--
retry-after-ms 300           ok                                           attempts=2 [429:rate_limit_exceeded,200] time ok
Retry-After 1                ok                                           attempts=2 [429:rate_limit_exceeded,200] time ok
Retry-After 0.6              ok                                           attempts=2 [503:service_unavailable,200] time ok
Retry-After HTTP-date +2s    ok                                           attempts=2 [429:rate_limit_exceeded,200] time ok
Retry-After in the past      ok                                           attempts=2 [429:rate_limit_exceeded,200] time ok
body details.retry_after 1   ok                                           attempts=2 [429:rate_limit_exceeded,200] time ok
legacy retry_after 1         ok                                           attempts=2 [429:rate_limit_exceeded,200] time ok
ms wins over seconds         ok                                           attempts=2 [429:rate_limit_exceeded,200] time ok
Retry-After '-5'             ok                                           attempts=2 [429:rate_limit_exceeded,200] time ok
Retry-After 'soon'           ok                                           attempts=2 [429:rate_limit_exceeded,200] time ok
Retry-After '1e9'            ok                                           attempts=2 [429:rate_limit_exceeded,200] time ok
Retry-After '99999999999999999999999' RateLimitException(429, rate_limit_exceeded) attempts=1 [429:rate_limit_exceeded] time ok
-- above max_retry_after: thrown at once, with the wait
Retry-After 200              RateLimitException(429, rate_limit_exceeded) attempts=1 [429:rate_limit_exceeded] time ok
200
Rate limit exceeded. Retry later. (the server asked to wait 200 s, more than max_retry_after 120 s: not retried)
retry-after-ms 121000        RateLimitException(429, rate_limit_exceeded) attempts=1 [429:rate_limit_exceeded] time ok
121
Retry-After 1 > 0.5 cap      ServerException(503, service_unavailable)    attempts=1 [503:service_unavailable] time ok
WPLLM\Exceptions\ServerException 1
exhausted keeps the wait     RateLimitException(429, rate_limit_exceeded) attempts=3 [429:rate_limit_exceeded,429:rate_limit_exceeded,429:rate_limit_exceeded] time ok
1 100
