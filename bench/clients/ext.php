<?php
// bench/clients/ext.php: this extension, WPLLM\Client::generate() on one client (persistent pool, the default).
// Run with: php -n -d extension=modules/wpllm.so bench/clients/ext.php --url=... [--ca=...] --n=N
//   --sign=1   adds signing_secret (HMAC-SHA256 over timestamp + body on every request)
//   --jwt=1    adds a minted JWT as well (prints an n/a line until the client's `jwt` option lands)
declare(strict_types=1);
require __DIR__ . '/common.php';

$a = bench_args($argv);
if (!extension_loaded('wpllm')) {
    bench_na($a, 'the wpllm extension is not loaded');
}
$options = ['api_key' => BENCH_API_KEY, 'base_url' => $a['url']];
if ($a['ca'] !== null) {
    $options['ca_bundle'] = $a['ca'];
}
if (($a['opts']['sign'] ?? '0') === '1') {
    $options['signing_secret'] = 'bench-signing-secret-0123456789abcdef0123456789';
}
if (($a['opts']['jwt'] ?? '0') === '1') {
    // TODO(jwt): this row turns real once WPLLM\Client accepts the `jwt` option (minting HS256 per API.md).
    unset($options['api_key']); // the client takes one credential: the minted token replaces the key
    $options['jwt'] = [
        'secret' => 'bench-jwt-secret-0123456789abcdef0123456789abcdef',
        'alg' => 'HS256',
        'claims' => ['user_id' => 'bench-user', 'permissions' => ['generate']],
        'ttl' => 3600,
    ];
}
try {
    $client = new WPLLM\Client($options);
} catch (InvalidArgumentException $e) {
    bench_na($a, 'n/a: ' . $e->getMessage());
}
$params = bench_params();
bench_run($a, static fn () => $client->generate($params));
