<?php
// bench/www/page.php: the page behind the PHP-FPM page-loads-per-second figure: one WPLLM\Client::generate() over
// HTTPS per page load, with `persistent` from ?persistent=0|1 and the CA file from ?ca=system|one (the system
// bundle plus the test CA, or the test CA alone). Base URL and CA paths come from the pool's env[].
declare(strict_types=1);

header('Content-Type: text/plain');
try {
    $client = new WPLLM\Client([
        'api_key' => 'wpllm_test_full_0123456789abcdef',
        'base_url' => (string) getenv('BENCH_BASE_URL'),
        'ca_bundle' => (string) getenv(($_GET['ca'] ?? 'system') === 'one' ? 'BENCH_CA_ONE' : 'BENCH_CA_SYSTEM'),
        'persistent' => (bool) ($_GET['persistent'] ?? true),
    ]);
    $r = $client->generate(['model' => 'wp-llm-13b', 'prompt' => 'Create a custom post type for books', 'max_tokens' => 512]);
    echo $r['choices'][0]['finish_reason'], ' ', $client->getLastResponse()['connection_reused'] ? 'reused' : 'new', "\n";
} catch (Throwable $e) {
    http_response_code(500);
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
