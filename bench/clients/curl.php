<?php
// bench/clients/curl.php: a hand-written userland client on ext/curl + json_decode, reusing one handle (so one
// keep-alive connection), sending the extension's header set (fresh X-Request-ID and Idempotency-Key per call).
// Run with: php -n -d extension=curl bench/clients/curl.php --url=... [--ca=...] --n=N
declare(strict_types=1);
require __DIR__ . '/common.php';

$a = bench_args($argv);
$ua = 'bench-userland/1.0 PHP/' . PHP_VERSION . ' curl/' . curl_version()['version'];
$body = bench_body();
$ch = curl_init();
curl_setopt_array($ch, [
    CURLOPT_URL => $a['url'] . '/v1/generate',
    CURLOPT_POST => true,
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_SSL_VERIFYPEER => true,
    CURLOPT_SSL_VERIFYHOST => 2,
    CURLOPT_TIMEOUT => 60,
    CURLOPT_CONNECTTIMEOUT => 10,
    CURLOPT_FOLLOWLOCATION => false,
]);
if ($a['ca'] !== null) {
    curl_setopt($ch, CURLOPT_CAINFO, $a['ca']);
}
$call = static function () use ($ch, $body, $ua): array {
    curl_setopt($ch, CURLOPT_HTTPHEADER, bench_header_lines($ua));
    curl_setopt($ch, CURLOPT_POSTFIELDS, $body);
    $raw = curl_exec($ch);
    if ($raw === false) {
        throw new RuntimeException('curl: ' . curl_error($ch));
    }
    $status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
    if ($status !== 200) {
        throw new RuntimeException("HTTP $status");
    }
    return json_decode($raw, true, 512, JSON_THROW_ON_ERROR);
};
bench_run($a, $call);
