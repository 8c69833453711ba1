--TEST--
Client::generateStream(): a WPLLM\Stream yields each chunk as it arrives; the assembled response equals generate()
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
$prompt = 'Register a REST API endpoint for recent orders';

// 100 ms between chunks: the first must arrive long before the last
$s = $c->generateStream(['prompt' => $prompt], null, ['headers' => ['X-Emulator-Pace-Ms' => '100']]);
echo get_class($s), ' ', $s instanceof Iterator ? 'Iterator' : '-', "\n";
var_dump($s->getResponse());
$t0 = microtime(true);
$times = [];
$keys = [];
$joined = '';
foreach ($s as $k => $chunk) {
    $times[] = microtime(true) - $t0;
    $keys[] = $k;
    $joined .= $chunk['text'];
    if ($k === 0) {
        echo 'first chunk: ', $chunk['object'], ' ', $chunk['model'], ' ', $chunk['text'] === $chunk['choices'][0]['delta']['text'] ? 'text = delta.text' : 'text differs', "\n";
        var_dump($s->getResponse());
    }
}
$n = count($times);
echo $n >= 5 ? "at least 5 chunks\n" : "only $n chunks\n";
echo $keys === range(0, $n - 1) ? "keys 0..n-1\n" : "keys wrong\n";
printf("first after %s, last after %s\n", $times[0] < 0.5 ? 'less than 0.5 s' : round($times[0], 2), $times[$n - 1] >= ($n - 1) * 0.1 ? 'the pacing' : round($times[$n - 1], 2));
$r = $s->getResponse();
$full = $c->generate(['prompt' => $prompt]);
echo $r['choices'][0]['text'] === $full['choices'][0]['text'] ? "assembled text = generate() text\n" : "assembled text differs\n";
echo $joined === $r['choices'][0]['text'] ? "chunks join to it\n" : "join differs\n";
echo $r['object'], ' ', $r['model'], ' ', $r['choices'][0]['finish_reason'], ' ', json_encode($r['usage']) === json_encode($full['usage']) ? 'usage same' : 'usage differs', "\n";
echo preg_match('/^gen_/', $r['id']), "\n";
try {
    $s->rewind();
} catch (Exception $e) {
    echo $e->getMessage(), "\n";
}
var_dump($s->valid(), $s->current(), $s->key());
// the request: POST to the stream endpoint, Accept for NDJSON/SSE, the usual headers
$req = last_stream_request($url);
echo $req['method'], ' ', $req['path'], ' ', $req['headers']['accept'], ' ', isset($req['headers']['idempotency-key']) ? 'idempotency key' : '', "\n";
echo json_encode(json_decode($req['body'], true)), "\n";
?>
--EXPECT--
WPLLM\Stream Iterator
NULL
first chunk: text_completion.chunk wp-llm-13b text = delta.text
NULL
at least 5 chunks
keys 0..n-1
first after less than 0.5 s, last after the pacing
assembled text = generate() text
chunks join to it
text_completion wp-llm-13b stop usage same
1
Cannot rewind a WPLLM\Stream: its chunks are read once, as they arrive
bool(false)
NULL
NULL
POST /v1/generate/stream application/x-ndjson, text/event-stream;q=0.9, application/json;q=0.5 idempotency key
{"prompt":"Register a REST API endpoint for recent orders","model":"wp-llm-13b"}
