--TEST--
Client::generateStream(): mid-stream errors, bad chunks, huge lines, idle and first-byte timeouts, drops, retries before the first chunk, abort
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/server/server.inc';
$url = wpllm_test_server();
$c = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url, 'timeout' => 2, 'stream_idle_timeout' => 0.7]);

function read_stream(WPLLM\Client $c, string $label, string $fault, array $params = []): void
{
    $n = 0;
    $t = microtime(true);
    try {
        $s = $c->generateStream(['prompt' => 'Create a custom post type for books'] + $params, null,
            ['headers' => ['X-Emulator-Fault' => $fault, 'X-Emulator-Pace-Ms' => '5']]);
        foreach ($s as $chunk) {
            $n++;
        }
        printf("%-26s ok after %d chunks\n", $label, $n);
    } catch (WPLLM\Exceptions\WPLLMException $e) {
        printf("%-26s %s(%s) after %d chunks, status %d%s\n", $label, substr(strrchr(get_class($e), '\\'), 1), $e->getErrorCode(),
            $n, $e->getHttpStatus(), $e->getRequestId() !== null ? ', request id' : '');
    }
    $GLOBALS['elapsed'] = microtime(true) - $t;
}
read_stream($c, 'error after 3', 'stream_error=3');
read_stream($c, 'SSE error event after 2', 'stream_error=2', ['stream_format' => 'sse']);
read_stream($c, 'rate limit mid-stream', 'stream_error=1;stream_error_code=rate_limit_exceeded;stream_error_type=rate_limit_error');
read_stream($c, 'content filter mid-stream', 'stream_error=4;stream_error_code=content_filtered;stream_error_type=content_filter_error');
read_stream($c, 'garbage after 2', 'stream_garbage=2');
read_stream($c, 'SSE garbage after 2', 'stream_garbage=2', ['stream_format' => 'sse']);
read_stream($c, 'line of 1.5 MiB after 1', 'stream_huge=1');
read_stream($c, 'stall 2 s after 2', 'stream_stall=2:2');
echo $elapsed < 1.9 ? "idle timeout cut the stall short\n" : sprintf("idle timeout late: %.2f s\n", $elapsed);
read_stream($c, 'stall 0.3 s after 2', 'stream_stall=2:0.3');
read_stream($c, 'drop after 3', 'stream_drop=3');
// before the first chunk: retried like any request
read_stream($c, '503 once, then stream', 'status=503;times=1;id=s1');
echo count(wpllm_test_requests($url, 's1')), " attempts\n";
read_stream($c, 'stall 3 s before, once', 'stall=3;times=1;id=s2');
echo count(wpllm_test_requests($url, 's2')), " attempts\n";
read_stream($c, 'drop before headers, once', 'drop=before_headers;times=1;id=s3');
$no = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url, 'max_retries' => 0, 'timeout' => 0.5]);
read_stream($no, 'stall, no retries', 'stall=3');
read_stream($no, '429, no retries', 'status=429');
read_stream(new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_READONLY, 'base_url' => $url]), 'read-only key', 'id=x');

// a stream that never ends: the reader stops it, everything is freed, the client still works
$s = $c->generateStream(['prompt' => 'x'], null, ['headers' => ['X-Emulator-Fault' => 'stream_endless=1', 'X-Emulator-Pace-Ms' => '5']]);
$n = 0;
foreach ($s as $chunk) {
    if (++$n === 200) {
        break;
    }
}
echo "endless: stopped after $n chunks, response ", var_export($s->getResponse(), true), "\n";
unset($s);
echo $c->health()['status'], "\n";
// an abandoned stream that was never read
$s = $c->generateStream(['prompt' => 'x']);
unset($s);
echo $c->models()['object'], "\n";
?>
--EXPECT--
error after 3              ServerException(stream_interrupted) after 3 chunks, status 200, request id
SSE error event after 2    ServerException(stream_interrupted) after 2 chunks, status 200, request id
rate limit mid-stream      RateLimitException(rate_limit_exceeded) after 1 chunks, status 200, request id
content filter mid-stream  ContentFilterException(content_filtered) after 4 chunks, status 200, request id
garbage after 2            ConnectionException(invalid_chunk) after 2 chunks, status 200
SSE garbage after 2        ConnectionException(invalid_chunk) after 2 chunks, status 200
line of 1.5 MiB after 1    ConnectionException(chunk_too_large) after 1 chunks, status 200
stall 2 s after 2          TimeoutException(stream_idle_timeout) after 2 chunks, status 200
idle timeout cut the stall short
stall 0.3 s after 2        ok after 51 chunks
drop after 3               ConnectionException(stream_incomplete) after 3 chunks, status 200
503 once, then stream      ok after 51 chunks
2 attempts
stall 3 s before, once     ok after 51 chunks
2 attempts
drop before headers, once  ok after 51 chunks
stall, no retries          TimeoutException(timeout) after 0 chunks, status 0
429, no retries            RateLimitException(rate_limit_exceeded) after 0 chunks, status 429, request id
read-only key              PermissionException(insufficient_permissions) after 0 chunks, status 403, request id
endless: stopped after 200 chunks, response NULL
ok
list
