--TEST--
Client::generateStream(): SSE framing, the callback form (argument or on_chunk), a callback that throws stops the stream
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/server/server.inc';

function last_stream_request(string $url): array
{
    $streams = array_values(array_filter(wpllm_test_requests($url), fn($r) => $r['path'] === '/v1/generate/stream'));
    return $streams[count($streams) - 1];
}
$url = wpllm_test_server();
$c = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url]);
$prompt = 'a gutenberg block for testimonials';
$full = $c->generate(['prompt' => $prompt])['choices'][0]['text'];

$seen = [];
$r = $c->generateStream(['prompt' => $prompt, 'stream_format' => 'sse'], function (array $chunk) use (&$seen) {
    $seen[] = $chunk['text'];
});
echo count($seen) >= 3 ? "callback per chunk\n" : "few callbacks\n";
echo implode('', $seen) === $full && $r['choices'][0]['text'] === $full ? "SSE text = generate() text\n" : "differs\n";
echo $r['choices'][0]['finish_reason'], ' ', is_array($r['usage']) ? 'usage' : 'no usage', "\n";
$req = last_stream_request($url);
echo json_encode(json_decode($req['body'], true)), "\n";

// on_chunk in the params, as the PHP SDK docs spell it; never sent to the service
$count = 0;
$r = $c->generateStream(['prompt' => $prompt, 'on_chunk' => function ($chunk) use (&$count) { $count++; }]);
echo $count > 0 && $r['choices'][0]['text'] === $full ? "on_chunk works\n" : "on_chunk failed\n";
$req = last_stream_request($url);
echo str_contains($req['body'], 'on_chunk') ? "on_chunk sent\n" : "on_chunk not sent\n";

// a callback that throws: the exception propagates, the stream stops
$calls = 0;
try {
    $c->generateStream(['prompt' => $prompt], function () use (&$calls) {
        if (++$calls === 2) {
            throw new RuntimeException('enough');
        }
    });
} catch (RuntimeException $e) {
    echo get_class($e), ': ', $e->getMessage(), " after $calls chunks\n";
}
foreach ([[['prompt' => $prompt, 'on_chunk' => 'no_such_function']], [['prompt' => $prompt, 'on_chunk' => 'strlen'], 'strlen'],
    [['prompt' => '']], [[]]] as $args) {
    try {
        $c->generateStream(...$args);
    } catch (WPLLM\Exceptions\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
try {
    $c->generateStream(['prompt' => 'x'], 'no_such_function');
} catch (TypeError $e) {
    echo get_class($e), "\n";
}
?>
--EXPECT--
callback per chunk
SSE text = generate() text
stop usage
{"prompt":"a gutenberg block for testimonials","stream_format":"sse","model":"wp-llm-13b"}
on_chunk works
on_chunk not sent
RuntimeException: enough after 2 chunks
generateStream(): on_chunk must be a callable: function "no_such_function" not found or invalid function name
generateStream(): give the callback once, either as on_chunk or as argument #2
generateStream(): "prompt" must not be empty
generateStream(): "prompt" is required
TypeError
