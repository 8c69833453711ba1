<?php
// bench/clients/ext_memory.php: memory of WPLLM\Client over many calls: after 100 warm-up calls it samples
// memory_get_usage() and VmRSS, makes N more generate() calls on the same client (sampling again halfway), and
// prints the growth over all N calls and over the second half alone (a leak of even 1 byte per call shows there
// as >= N/2 bytes; a one-off allocation early on does not).
//   php -n -d extension=wpllm.so bench/clients/ext_memory.php --url=... [--ca=...] --n=10000
declare(strict_types=1);
require __DIR__ . '/common.php';

$a = bench_args($argv);
$a['label'] = 'ext-memory';
$options = ['api_key' => BENCH_API_KEY, 'base_url' => $a['url']];
if ($a['ca'] !== null) {
    $options['ca_bundle'] = $a['ca'];
}
$client = new WPLLM\Client($options);
$params = bench_params();
for ($i = 0; $i < 100; $i++) {
    bench_check($client->generate($params));
}
gc_collect_cycles();
$mem0 = memory_get_usage();
$rss0 = bench_vmrss_kb();
$half = intdiv($a['n'], 2);
$t0 = hrtime(true);
for ($i = 0; $i < $a['n']; $i++) {
    if ($i === $half) {
        gc_collect_cycles();
        $memHalf = memory_get_usage();
        $rssHalf = bench_vmrss_kb();
    }
    bench_check($client->generate($params));
}
$total = hrtime(true) - $t0;
gc_collect_cycles();
bench_emit([
    'client' => $a['label'],
    'n' => $a['n'],
    'total_ns' => $total,
    'mem_before' => $mem0,
    'mem_after' => memory_get_usage(),
    'mem_growth' => memory_get_usage() - $mem0,
    'rss_before_kb' => $rss0,
    'rss_after_kb' => bench_vmrss_kb(),
    'rss_growth_kb' => bench_vmrss_kb() - $rss0,
    'mem_growth_second_half' => memory_get_usage() - ($memHalf ?? $mem0),
    'rss_growth_second_half_kb' => bench_vmrss_kb() - ($rssHalf ?? $rss0),
    'mem_peak' => memory_get_peak_usage(),
    'vmhwm_kb' => bench_vmhwm_kb(),
]);
