--TEST--
Client: per-key rate limits (429, Retry-After, X-RateLimit-*) and getLastResponse() figures
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/server/server.inc';
$url = wpllm_test_server();
$c = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_LIMITED, 'base_url' => $url, 'max_retries' => 0]);
var_dump($c->getLastResponse());
for ($i = 1; $i <= 3; $i++) {
    $c->models();
    $l = $c->getLastResponse();
    $rl = $l['rate_limit'];
    echo "call $i: status {$l['status']} limit {$rl['limit']} remaining {$rl['remaining']} reset ",
        $rl['reset'] > time() && $rl['reset'] <= time() + 61 ? 'in the window' : $rl['reset'], "\n";
}
try {
    $c->models();
} catch (WPLLM\Exceptions\RateLimitException $e) {
    $ra = $e->getRetryAfter();
    echo get_class($e), ' ', $e->getCode(), ' ', $e->getErrorCode(), "\n";
    echo $ra >= 1 && $ra <= 60 ? "retry after within the window\n" : "retry after $ra\n";
    echo $e->getHeaders()['retry-after'] == $ra ? "header agrees\n" : "header differs\n";
    echo $e->getDetails()['retry_after'] == $ra ? "details agree\n" : "details differ\n";
    echo $e->getHeaders()['x-ratelimit-remaining'], "\n";
}
$l = $c->getLastResponse();
echo "last: status {$l['status']} attempts {$l['attempts']} remaining {$l['rate_limit']['remaining']}\n";
echo json_encode($l['attempt_log']), "\n";
echo implode(',', array_keys($l)), "\n";
echo is_int($l['duration_ms']) && $l['duration_ms'] >= 0 ? "duration ok\n" : "duration bad\n";
// another key has its own counter
$other = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url]);
$other->models();
echo $other->getLastResponse()['rate_limit']['remaining'], "\n";
?>
--EXPECT--
NULL
call 1: status 200 limit 3 remaining 2 reset in the window
call 2: status 200 limit 3 remaining 1 reset in the window
call 3: status 200 limit 3 remaining 0 reset in the window
WPLLM\Exceptions\RateLimitException 429 rate_limit_exceeded
retry after within the window
header agrees
details agree
0
last: status 429 attempts 1 remaining 0
[{"status":429,"error":"rate_limit_exceeded","wait_ms":0}]
status,headers,request_id,attempts,duration_ms,rate_limit,attempt_log,connection_reused
duration ok
999
