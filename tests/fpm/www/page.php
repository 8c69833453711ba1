<?php
// tests/fpm/www/page.php: one page load under php-fpm. Creates a WPLLM\Client (persistent per ?persistent=0|1),
// calls models() over HTTPS and prints what tests/fpm/run.sh checks: whether the connection was reused, the
// worker's pid, the status. The base URL and CA file come from the pool's env[] (set by run.sh).
declare(strict_types=1);

header('Content-Type: application/json');
$out = [
    'persistent' => (bool) ($_GET['persistent'] ?? false),
    'pid' => getmypid(),
    'status' => 0,
    'connection_reused' => null,
    'models' => null,
];
try {
    $client = new WPLLM\Client([
        'api_key' => 'wpllm_test_full_0123456789abcdef', // the emulator's documented test key
        'base_url' => (string) getenv('WPLLM_FPM_BASE_URL'),
        'ca_bundle' => (string) getenv('WPLLM_FPM_CA_BUNDLE'),
        'persistent' => $out['persistent'],
        'max_retries' => 0,
    ]);
    $models = $client->models();
    $last = $client->getLastResponse();
    $out['status'] = $last['status'];
    $out['connection_reused'] = $last['connection_reused'];
    $out['models'] = count($models['data'] ?? []);
} catch (Throwable $e) {
    http_response_code(500);
    $out['error'] = get_class($e) . ': ' . $e->getMessage();
}
echo json_encode($out, JSON_UNESCAPED_SLASHES), "\n";
