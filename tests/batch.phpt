--TEST--
Client::generateBatch(): concurrent, in input order, settle shape, per-item retries and failures, concurrency limit
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/server/server.inc';
$url = wpllm_test_server(9); // one worker per concurrent item, and one to spare
$c = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url]);

// 8 items that each take 0.6 s: concurrently about 0.6 s, not 4.8 s
$items = [];
for ($i = 0; $i < 8; $i++) {
    $items[] = ['prompt' => "a shortcode number $i"];
}
$t = microtime(true);
$r = $c->generateBatch($items, ['headers' => ['X-Emulator-Fault' => 'stall=0.6']]);
$elapsed = microtime(true) - $t;
echo count($r), ' results, ', $elapsed < 3.0 ? 'concurrent' : sprintf('took %.2f s', $elapsed), "\n"; // one after another: 4.8 s
$ok = 0;
foreach ($r as $i => $res) {
    $ok += $res['state'] === 'fulfilled' && $res['value']['choices'][0]['text'] === $c->generate($items[$i])['choices'][0]['text'];
}
echo "$ok in order and equal to generate()\n";

// concurrency 2: 6 items of 0.5 s take three rounds
$t = microtime(true);
$r = $c->generateBatch(array_slice($items, 0, 6), ['concurrency' => 2, 'headers' => ['X-Emulator-Fault' => 'stall=0.5']]);
$elapsed = microtime(true) - $t;
echo $elapsed >= 1.5 && $elapsed < 4.5 ? "concurrency 2 respected\n" : sprintf("took %.2f s\n", $elapsed); // 6 at once: 0.5 s

// one failure never affects the others; each item retries on its own with its own idempotency key
$mixed = [
    'a' => ['prompt' => 'a settings page'],
    'b' => ['prompt' => 'x', 'model' => 'no-such-model'],
    'c' => 'not an array',
    'd' => ['prompt' => 42],
    'e' => ['prompt' => 'a settings page', 'max_tokens' => 0],
];
$r = $c->generateBatch($mixed);
foreach ($r as $k => $res) {
    echo $k, ': ', $res['state'], ' ', $res['state'] === 'fulfilled' ? $res['value']['object']
        : get_class($res['reason']) . ' ' . ($res['reason'] instanceof WPLLM\Exceptions\WPLLMException ? $res['reason']->getErrorCode() : $res['reason']->getMessage()), "\n";
}
$r = $c->generateBatch([['prompt' => 'p1'], ['prompt' => 'p2']], ['headers' => ['X-Emulator-Fault' => 'status=503;times=1;id=retry']]);
$reqs = wpllm_test_requests($url, 'retry');
$keys = array_count_values(array_map(fn($q) => $q['headers']['idempotency-key'], $reqs));
echo $r[0]['state'], ' ', $r[1]['state'], ', ', count($reqs), ' attempts for 2 items, ', count($keys), " idempotency keys\n";
echo count($c->generateBatch([])), " results for no items\n";
foreach ([['concurrency' => 0], ['concurrency' => 10000], ['concurrency' => '4'], ['parallel' => 2], ['idempotency_key' => 'x']] as $o) {
    try {
        $c->generateBatch($items, $o);
    } catch (WPLLM\Exceptions\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
8 results, concurrent
8 in order and equal to generate()
concurrency 2 respected
a: fulfilled text_completion
b: rejected WPLLM\Exceptions\NotFoundException model_not_found
c: rejected WPLLM\Exceptions\InvalidArgumentException generateBatch(): item #2 must be an array of generate() parameters, string given
d: rejected WPLLM\Exceptions\InvalidArgumentException generateBatch(): "prompt" must be a string, int given
e: rejected WPLLM\Exceptions\ValidationException invalid_parameters
fulfilled fulfilled, 3 attempts for 2 items, 2 idempotency keys
0 results for no items
generateBatch(): "concurrency" must be an int from 1 to 64
generateBatch(): "concurrency" must be an int from 1 to 64
generateBatch(): "concurrency" must be an int from 1 to 64
generateBatch(): unknown option "parallel"; allowed: concurrency, timeout, max_retries, headers
generateBatch(): unknown option "idempotency_key"; allowed: concurrency, timeout, max_retries, headers
