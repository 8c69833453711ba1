<?php
// bench/clients/guzzle.php: Guzzle 7 from Debian's php-guzzlehttp-guzzle, one GuzzleHttp\Client (its curl handler
// keeps released handles, so the connection is reused), same header set, body decoded with json_decode.
// Run with: php -n -d extension=curl bench/clients/guzzle.php --url=... [--ca=...] --n=N
declare(strict_types=1);
require __DIR__ . '/common.php';

$a = bench_args($argv);
$autoload = '/usr/share/php/GuzzleHttp/autoload.php';
if (!is_file($autoload)) {
    bench_na($a, 'n/a: php-guzzlehttp-guzzle is not installed');
}
require $autoload;
$ua = 'bench-guzzle/' . (defined('GuzzleHttp\ClientInterface::MAJOR_VERSION') ? GuzzleHttp\ClientInterface::MAJOR_VERSION : '7')
    . ' PHP/' . PHP_VERSION . ' curl/' . curl_version()['version'];
$client = new GuzzleHttp\Client([
    'base_uri' => $a['url'],
    'timeout' => 60,
    'connect_timeout' => 10,
    'allow_redirects' => false,
    'verify' => $a['ca'] ?? true,
]);
$body = bench_body();
$call = static function () use ($client, $body, $ua): array {
    $response = $client->post('/v1/generate', ['headers' => bench_headers($ua), 'body' => $body]);
    return json_decode((string) $response->getBody(), true, 512, JSON_THROW_ON_ERROR);
};
bench_run($a, $call, ['guzzle' => GuzzleHttp\ClientInterface::MAJOR_VERSION]);
