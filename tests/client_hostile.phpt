--TEST--
Client: hostile answers (garbage JSON, HTML, dropped or stalled connections, huge bodies) are typed errors
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/server/server.inc';
$url = wpllm_test_server();
$c = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url, 'max_retries' => 0, 'timeout' => 1,
    'max_response_bytes' => 65536]);

function fault(WPLLM\Client $c, string $spec): void
{
    $t = microtime(true);
    try {
        $c->models(['headers' => ['X-Emulator-Fault' => $spec]]);
        echo "$spec: no exception\n";
    } catch (WPLLM\Exceptions\WPLLMException $e) {
        printf("%s: %s status=%d code=%s attempts=%d%s\n", $spec, get_class($e), $e->getHttpStatus(), $e->getErrorCode(),
            $c->getLastResponse()['attempts'], microtime(true) - $t < 3 ? '' : ' SLOW');
        if ($spec === 'garbage=1' || $spec === 'html=502') {
            echo '  ', $e->getMessage(), "\n";
        }
    }
}
fault($c, 'garbage=1');
fault($c, 'html=502');
fault($c, 'drop=before_headers');
fault($c, 'drop=mid_body');
fault($c, 'stall=5');
fault($c, 'trickle=200');
fault($c, 'oversize=200000');
fault($c, 'oversize=40000000');
echo memory_get_peak_usage() < 16 * 1024 * 1024 ? "PHP memory stayed small\n" : "PHP memory grew\n";

$refused = new WPLLM\Client(['api_key' => 'k', 'base_url' => 'http://127.0.0.1:1', 'max_retries' => 0]);
try {
    $refused->health();
} catch (WPLLM\Exceptions\ConnectionException $e) {
    echo get_class($e), ' ', $e->getErrorCode(), ' ', $e->getCode(), "\n";
}
// the same client still works after all that
echo $c->health()['status'], "\n";
?>
--EXPECT--
garbage=1: WPLLM\Exceptions\ConnectionException status=200 code=invalid_response attempts=1
  The service answered HTTP 200 with a body that is not the JSON expected
html=502: WPLLM\Exceptions\ServerException status=502 code= attempts=1
  HTTP 502 Bad Gateway (the response body is not the service's JSON error)
drop=before_headers: WPLLM\Exceptions\ConnectionException status=0 code=connection_lost attempts=1
drop=mid_body: WPLLM\Exceptions\ConnectionException status=200 code=connection_lost attempts=1
stall=5: WPLLM\Exceptions\TimeoutException status=0 code=timeout attempts=1
trickle=200: WPLLM\Exceptions\TimeoutException status=200 code=timeout attempts=1
oversize=200000: WPLLM\Exceptions\ConnectionException status=200 code=response_too_large attempts=1
oversize=40000000: WPLLM\Exceptions\ConnectionException status=200 code=response_too_large attempts=1
PHP memory stayed small
WPLLM\Exceptions\ConnectionException connection_failed 0
ok
