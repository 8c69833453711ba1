<?php
// bench/clients/batch.php: batch wall time for N = 1, 8, 32, 64 calls against a server that takes --delay_ms
// (200 ms) per response, WPLLM\Client::generateBatch() (concurrency n) against the same calls made one after
// another; median of --reps=3 rounds (sizes interleaved). Where generateBatch is missing (older builds) it prints
// "n/a (generateBatch not available)" rows instead.
//   php -n -d extension=wpllm.so bench/clients/batch.php --url=https://.../slow --ca=... --sizes=1,8,32,64
declare(strict_types=1);
require __DIR__ . '/common.php';

$a = bench_args($argv);
$sizes = array_map('intval', explode(',', $a['opts']['sizes'] ?? '1,8,32,64'));
if (!extension_loaded('wpllm') || !method_exists('WPLLM\\Client', 'generateBatch')) {
    foreach ($sizes as $n) {
        bench_emit(['client' => 'batch', 'size' => $n, 'na' => 'n/a (generateBatch not available)']);
    }
    exit(0);
}
$options = ['api_key' => BENCH_API_KEY, 'base_url' => $a['url']];
if ($a['ca'] !== null) {
    $options['ca_bundle'] = $a['ca'];
}
$client = new WPLLM\Client($options);
$params = bench_params();
bench_check($client->generate($params)); // warm: connection, TLS session
$reps = max(1, (int) ($a['opts']['reps'] ?? 3));
$median = static function (array $v): int {
    sort($v);
    return $v[intdiv(count($v), 2)];
};
// one sequential call, measured: sequential time for n calls is n x this (each waits the full server delay)
$single = [];
$batch = [];
$fulfilled = [];
for ($rep = 0; $rep < $reps; $rep++) {
    $t0 = hrtime(true);
    bench_check($client->generate($params));
    $single[] = hrtime(true) - $t0;
    foreach ($sizes as $n) {
        $t0 = hrtime(true);
        $results = $client->generateBatch(array_fill(0, $n, $params), ['concurrency' => $n]);
        $batch[$n][] = hrtime(true) - $t0;
        $ok = 0;
        foreach ($results as $r) {
            if (($r['state'] ?? '') === 'fulfilled') {
                bench_check($r['value']);
                $ok++;
            }
        }
        $fulfilled[$n] = min($fulfilled[$n] ?? $n, $ok);
    }
}
$one = $median($single);
foreach ($sizes as $n) {
    bench_emit(['client' => 'batch', 'size' => $n, 'batch_ns' => $median($batch[$n]), 'batch_min_ns' => min($batch[$n]),
        'batch_max_ns' => max($batch[$n]), 'reps' => $reps, 'fulfilled' => $fulfilled[$n], 'single_ns' => $one,
        'sequential_ns' => $one * $n]);
}
