<?php
// Self-test of the emulator: starts it and checks endpoints, errors, rate limits, request signing, JWTs (cross-checked with npm jose), faults, streams, templates and the analyzer with exact values.
declare(strict_types=1);

require __DIR__ . '/server.inc';

final class CheckFailed extends RuntimeException
{
}

/** @var array{passed: int, failed: int} */
$tally = ['passed' => 0, 'failed' => 0];

function check(string $name, callable $test): void
{
    global $tally;
    try {
        $test();
        $tally['passed']++;
        echo "ok   $name\n";
    } catch (Throwable $e) {
        $tally['failed']++;
        $where = $e instanceof CheckFailed ? '' : ' (' . get_class($e) . ' at line ' . $e->getLine() . ')';
        echo "FAIL $name: ", $e->getMessage(), $where, "\n";
    }
}

function same(mixed $actual, mixed $expected, string $what): void
{
    if ($actual !== $expected) {
        throw new CheckFailed(sprintf('%s: expected %s, got %s', $what, json_encode($expected, JSON_UNESCAPED_SLASHES),
            json_encode($actual, JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE)));
    }
}

function truthy(bool $condition, string $what): void
{
    if (!$condition) {
        throw new CheckFailed($what);
    }
}

/**
 * Opens a connection and sends one request; read the answer with http_read().
 *
 * @param array<string, string> $headers
 * @return resource
 */
function http_send(string $url, string $method, string $path, array $headers = [], ?string $body = null)
{
    $host = substr($url, strlen('http://'));
    $socket = stream_socket_client('tcp://' . $host, $errno, $error, 5);
    if ($socket === false) {
        throw new CheckFailed("cannot connect to $host: $error");
    }
    stream_set_timeout($socket, 15);
    $head = "$method $path HTTP/1.1\r\nHost: $host\r\nConnection: close\r\n";
    foreach ($headers as $name => $value) {
        $head .= "$name: $value\r\n";
    }
    if ($body !== null) {
        $head .= 'Content-Length: ' . strlen($body) . "\r\n";
    }
    fwrite($socket, $head . "\r\n" . ($body ?? ''));

    return $socket;
}

/**
 * Reads a response to the end of the connection, noting when each fragment arrived; with $resetWait > 0, then waits up
 * to that long for the error a TCP reset by the server leaves on the socket (reset: its errno, 0 for none).
 *
 * @param resource $socket
 * @return array{status: int, headers: array<string, string>, body: string, fragments: list<array{float, string}>, raw: string, reset: ?int}
 */
function http_read($socket, float $sentAt, float $resetWait = 0.0): array
{
    $raw = '';
    $fragments = [];
    while (!feof($socket)) {
        $data = @fread($socket, 65536);
        if ($data === false || ($data === '' && stream_get_meta_data($socket)['timed_out'])) {
            break;
        }
        if ($data !== '') {
            $fragments[] = [microtime(true) - $sentAt, $data];
            $raw .= $data;
        }
    }
    $reset = null;
    if ($resetWait > 0) {
        $native = socket_import_stream($socket);
        for ($reset = 0, $until = microtime(true) + $resetWait; $reset === 0 && microtime(true) < $until; usleep(10000)) {
            $reset = (int) socket_get_option($native, SOL_SOCKET, SO_ERROR);
        }
    }
    fclose($socket);
    $split = strpos($raw, "\r\n\r\n");
    $response = ['status' => 0, 'headers' => [], 'body' => '', 'fragments' => $fragments, 'raw' => $raw, 'reset' => $reset];
    if ($split === false) {
        return $response;
    }
    $lines = explode("\r\n", substr($raw, 0, $split));
    $response['status'] = (int) (explode(' ', array_shift($lines))[1] ?? 0);
    foreach ($lines as $line) {
        [$name, $value] = explode(':', $line, 2) + [1 => ''];
        $response['headers'][strtolower($name)] = trim($value);
    }
    $response['body'] = substr($raw, $split + 4);

    return $response;
}

/**
 * One request; JSON bodies given as arrays; the decoded answer in 'json'.
 *
 * @param array<string, string> $headers
 * @return array{status: int, headers: array<string, string>, body: string, json: mixed, elapsed: float, fragments: list<array{float, string}>, raw: string}
 */
function http(string $method, string $path, array $headers = [], array|string|null $body = null): array
{
    global $url;
    $sentAt = microtime(true);
    $encoded = is_array($body) ? json_encode($body, JSON_THROW_ON_ERROR) : $body;
    $response = http_read(http_send($url, $method, $path, $headers, $encoded), $sentAt);
    $response['elapsed'] = microtime(true) - $sentAt;
    $response['json'] = json_decode($response['body'], true);

    return $response;
}

/** @return array<string, string> */
function bearer(string $key): array
{
    return ['Authorization' => 'Bearer ' . $key];
}

function fault(string $spec): array
{
    return ['X-Emulator-Fault' => $spec];
}

/** Checks the documented error envelope, with the request id matching the X-Request-Id header. */
function expect_error(array $response, int $status, string $type, string $code, ?array $details = null): void
{
    same($response['status'], $status, 'status');
    same($response['headers']['content-type'] ?? null, 'application/json', 'Content-Type');
    $error = $response['json']['error'] ?? null;
    truthy(is_array($error), 'no error object in ' . $response['body']);
    same(array_keys($error), ['type', 'code', 'message', 'details', 'request_id', 'timestamp'], 'error keys');
    same([$error['type'], $error['code']], [$type, $code], 'type and code');
    truthy(is_string($error['message']) && $error['message'] !== '', 'empty message');
    same($error['request_id'], $response['headers']['x-request-id'] ?? null, 'request_id vs X-Request-Id');
    truthy(preg_match('/^req_[0-9a-f]{24}$/', $error['request_id']) === 1, 'request id format: ' . $error['request_id']);
    truthy(preg_match('/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $error['timestamp']) === 1, 'timestamp format: ' . $error['timestamp']);
    truthy(str_contains($response['body'], '"details":{') , 'details must be a JSON object');
    if ($details !== null) {
        same($error['details'], $details, 'details');
    }
}

function ndjson_lines(string $body): array
{
    return array_map(static fn (string $line): array => json_decode($line, true, 16, JSON_THROW_ON_ERROR),
        explode("\n", rtrim($body, "\n")));
}

/** @return list<float> for each line (or SSE event) of a response body, when its terminator arrived */
function arrival_times(array $fragments, string $terminator): array
{
    $raw = '';
    $ends = [];
    foreach ($fragments as [$time, $data]) {
        $raw .= $data;
        $ends[] = [strlen($raw), $time];
    }
    $times = [];
    $fragment = 0;
    for ($at = strpos($raw, "\r\n\r\n") + 4; ($at = strpos($raw, $terminator, $at)) !== false; $at += strlen($terminator)) {
        while ($ends[$fragment][0] <= $at) {
            $fragment++;
        }
        $times[] = $ends[$fragment][1];
    }

    return $times;
}

function lint(string $code): string
{
    $file = tempnam(sys_get_temp_dir(), 'wpllm-lint-');
    file_put_contents($file, $code);
    exec(escapeshellarg(PHP_BINARY) . ' -n -l ' . escapeshellarg($file) . ' 2>&1', $output, $status);
    unlink($file);

    return $status === 0 ? '' : implode("\n", $output);
}

$started = microtime(true);
$server = wpllm_emulator_launch(sys_get_temp_dir() . '/wpllm-selftest-' . bin2hex(random_bytes(8)), true, 4);
register_shutdown_function(static function () use ($server): void {
    wpllm_emulator_stop($server);
    wpllm_test_remove_dir($server['state_dir']);
});
$url = $server['url'];
$full = bearer(WPLLM_TEST_KEY_FULL);
echo "emulator at $url\n";

// --- basics, auth, errors -------------------------------------------------------------------------------------

check('health: exact body, no key needed, fresh request id', static function (): void {
    $r = http('GET', '/v1/health', ['X-Request-ID' => 'req_000000000000000000000000']);
    same($r['status'], 200, 'status');
    same($r['headers']['content-type'], 'application/json', 'Content-Type');
    same(array_keys($r['json']), ['status', 'version', 'timestamp'], 'keys');
    same([$r['json']['status'], $r['json']['version']], ['ok', 'emulator-1.0.0'], 'status and version');
    truthy(is_int($r['json']['timestamp']) && abs($r['json']['timestamp'] - time()) <= 5, 'timestamp is now');
    truthy(preg_match('/^req_[0-9a-f]{24}$/', $r['headers']['x-request-id']) === 1, 'X-Request-Id format');
    truthy($r['headers']['x-request-id'] !== 'req_000000000000000000000000', 'client X-Request-ID echoed');
});

check('auth: missing key -> 401 missing_api_key in the documented envelope', static function (): void {
    expect_error(http('GET', '/v1/models'), 401, 'authentication_error', 'missing_api_key', []);
    expect_error(http('GET', '/v1/models', ['Authorization' => 'Basic dXNlcjpwYXNz']), 401, 'authentication_error', 'missing_api_key');
});

check('auth: unknown key -> 401 invalid_api_key, key not echoed', static function (): void {
    $r = http('GET', '/v1/models', bearer('wpllm_test_bogus_secret_value_42'));
    expect_error($r, 401, 'authentication_error', 'invalid_api_key');
    truthy(!str_contains($r['raw'], 'bogus_secret'), 'the presented key appears in the response');
});

check('auth: expired key -> 401 expired_api_key', static function (): void {
    expect_error(http('GET', '/v1/models', bearer(WPLLM_TEST_KEY_EXPIRED)), 401, 'authentication_error', 'expired_api_key');
});

check('auth: X-API-Key and lowercase bearer accepted; validate answers exactly', static function (): void {
    $expected = ['valid' => true, 'auth' => 'api_key', 'key_id' => 'key_full', 'permissions' => ['read', 'generate', 'analyze', 'keys'], 'expires_at' => null];
    same(http('POST', '/v1/auth/validate', ['X-API-Key' => WPLLM_TEST_KEY_FULL])['json'], $expected, 'via X-API-Key');
    same(http('POST', '/v1/auth/validate', ['Authorization' => 'bearer ' . WPLLM_TEST_KEY_FULL])['json'], $expected, 'via bearer');
    same(http('POST', '/v1/auth/validate', bearer(WPLLM_TEST_KEY_READONLY))['json']['permissions'], ['read'], 'read-only permissions');
});

check('models: list and single model exact, unknown -> 404 model_not_found', static function () use ($full): void {
    $model = static fn (string $id, int $context): array => ['id' => $id, 'object' => 'model', 'created' => 1704067200,
        'owned_by' => 'wp-llm', 'context_length' => $context];
    same(http('GET', '/v1/models', $full)['json'], ['object' => 'list', 'data' => [
        $model('wp-llm-13b', 8192), $model('wp-llm-7b', 4096), $model('wp-llm-34b-code', 16384)]], 'list');
    same(http('GET', '/v1/models/wp-llm-34b-code', $full)['json'], $model('wp-llm-34b-code', 16384), 'single');
    expect_error(http('GET', '/v1/models/gpt-4', $full), 404, 'not_found_error', 'model_not_found');
});

check('permissions: read-only key refused on generate, stream and analyze with 403', static function (): void {
    $key = bearer(WPLLM_TEST_KEY_READONLY);
    $r = http('POST', '/v1/generate', $key, ['prompt' => 'hello']);
    expect_error($r, 403, 'permission_error', 'insufficient_permissions', ['required' => 'generate']);
    truthy(isset($r['headers']['x-ratelimit-remaining']), 'rate limit headers on an authenticated error');
    expect_error(http('POST', '/v1/generate/stream', $key, ['prompt' => 'hello']), 403, 'permission_error', 'insufficient_permissions', ['required' => 'generate']);
    expect_error(http('POST', '/v1/analyze', $key, ['code' => '<?php echo 1;']), 403, 'permission_error', 'insufficient_permissions', ['required' => 'analyze']);
});

check('routing: unknown path 404 not_found, wrong method 405 with Allow', static function () use ($full): void {
    expect_error(http('GET', '/v1/nothing-here', $full), 404, 'not_found_error', 'not_found');
    $r = http('GET', '/v1/generate', $full);
    expect_error($r, 405, 'invalid_request_error', 'method_not_allowed');
    same($r['headers']['allow'] ?? null, 'POST', 'Allow');
    same(http('DELETE', '/v1/models', $full)['headers']['allow'] ?? null, 'GET', 'Allow on /v1/models');
});

// --- generate -------------------------------------------------------------------------------------------------

check('generate: parameter validation errors', static function () use ($full): void {
    expect_error(http('POST', '/v1/generate', $full, 'not json'), 400, 'invalid_request_error', 'invalid_json');
    expect_error(http('POST', '/v1/generate', $full, '["prompt"]'), 400, 'invalid_request_error', 'invalid_json');
    $cases = [
        'prompt' => [[], ['prompt' => ''], ['prompt' => 5], ['prompt' => "  \n"]],
        'max_tokens' => [['prompt' => 'x', 'max_tokens' => 0], ['prompt' => 'x', 'max_tokens' => 8193], ['prompt' => 'x', 'max_tokens' => '10']],
        'temperature' => [['prompt' => 'x', 'temperature' => 2.5], ['prompt' => 'x', 'temperature' => 'hot']],
        'top_p' => [['prompt' => 'x', 'top_p' => -0.1], ['prompt' => 'x', 'top_p' => 1.01]],
        'context' => [['prompt' => 'x', 'context' => 5]],
    ];
    foreach ($cases as $param => $bodies) {
        foreach ($bodies as $body) {
            expect_error(http('POST', '/v1/generate', $full, json_encode($body === [] ? new stdClass() : $body)),
                400, 'invalid_request_error', 'invalid_parameters', ['param' => $param]);
        }
    }
    expect_error(http('POST', '/v1/generate', $full, ['prompt' => 'x', 'model' => 'gpt-4']), 404, 'not_found_error', 'model_not_found');
    same(http('POST', '/v1/generate', $full, ['prompt' => 'x', 'temperature' => 2, 'top_p' => 0, 'max_tokens' => 8192,
        'context' => ['earlier turn']])['status'], 200, 'boundary values accepted');
});

check('generate: context_length_exceeded past the model window, fine on a larger model', static function () use ($full): void {
    $prompt = str_repeat('a', 8192 * 4 + 1);
    expect_error(http('POST', '/v1/generate', $full, ['prompt' => $prompt]), 400, 'invalid_request_error', 'context_length_exceeded',
        ['param' => 'prompt', 'prompt_tokens' => 8193, 'context_length' => 8192]);
    same(http('POST', '/v1/generate', $full, ['prompt' => str_repeat('a', 8192 * 4)])['status'], 200, 'exactly the window');
    same(http('POST', '/v1/generate', $full, ['prompt' => $prompt, 'model' => 'wp-llm-34b-code'])['status'], 200, 'on the 16k model');
});

check('generate: malware requests -> 400 content_filtered', static function () use ($full): void {
    foreach (['Write a KEYLOGGER plugin', 'add a hidden backdoor admin user', 'ransomware that encrypts uploads'] as $prompt) {
        expect_error(http('POST', '/v1/generate', $full, ['prompt' => $prompt]), 400, 'content_filter_error', 'content_filtered');
    }
});

check('generate: response shape, usage arithmetic, determinism', static function () use ($full): void {
    $prompt = 'Create a custom post type for books';
    $a = http('POST', '/v1/generate', $full, ['prompt' => $prompt]);
    $b = http('POST', '/v1/generate', $full, ['prompt' => $prompt, 'temperature' => 1.3]);
    same($a['status'], 200, 'status');
    same(array_keys($a['json']), ['id', 'object', 'created', 'model', 'choices', 'usage'], 'keys');
    truthy(preg_match('/^gen_[0-9a-f]{24}$/', $a['json']['id']) === 1, 'id format');
    same([$a['json']['object'], $a['json']['model']], ['text_completion', 'wp-llm-13b'], 'object and default model');
    $text = $a['json']['choices'][0]['text'];
    same(array_keys($a['json']['choices'][0]), ['index', 'text', 'finish_reason'], 'choice keys');
    same([$a['json']['choices'][0]['index'], $a['json']['choices'][0]['finish_reason']], [0, 'stop'], 'index and finish_reason');
    same($a['json']['usage'], ['prompt_tokens' => 9, 'completion_tokens' => intdiv(strlen($text) + 3, 4),
        'total_tokens' => 9 + intdiv(strlen($text) + 3, 4)], 'usage');
    truthy(str_starts_with($text, "<?php\n"), 'starts with <?php');
    same($b['json']['choices'][0]['text'], $text, 'same prompt, same text');
    truthy($a['json']['id'] !== $b['json']['id'], 'ids differ');
});

check('generate: max_tokens truncates to 4 bytes per token with finish_reason length', static function () use ($full): void {
    $whole = http('POST', '/v1/generate', $full, ['prompt' => 'settings page for newsletter'])['json']['choices'][0]['text'];
    $r = http('POST', '/v1/generate', $full, ['prompt' => 'settings page for newsletter', 'max_tokens' => 5]);
    same($r['json']['choices'][0], ['index' => 0, 'text' => substr($whole, 0, 20), 'finish_reason' => 'length'], 'choice');
    same($r['json']['usage']['completion_tokens'], 5, 'completion_tokens');
});

check('templates: 20 prompts pick the right template and name, pass php -l and the analyzer', static function () use ($full): void {
    $cases = [
        ['Create a custom post type for books', "register_post_type(\n\t\t'book'"],
        ['Register a CPT called recipe with archives', "register_post_type(\n\t\t'recipe'"],
        ['I need a post type for movies', "register_post_type(\n\t\t'movie'"],
        ['Create a custom post type', "register_post_type(\n\t\t'item'"],
        ['post type for 2024 conferences', "'rewrite'         => array( 'slug' => 'conferences' )"],
        ['REST endpoint that returns featured products', "'/products'"],
        ['Add an API route for events', "'/events'"],
        ['rest', "'/items'"],
        ['shortcode that lists recent testimonials', "add_shortcode( 'testimonial'"],
        ['Make a pricing shortcode for plans', "add_shortcode( 'plan'"],
        ['shortcode \' OR 1=1; <script>alert(1)</script>', "add_shortcode( 'script'"],
        ['Gutenberg block showing team members', "'wpllm/member'"],
        ['A block, a shortcode and a REST route for FAQs', "'wpllm/faq'"],
        ['Dynamic block that renders author bios', "'wpllm/bio'"],
        ['Settings page for newsletter options', "'wpllm_newsletter_options'"],
        ['options page to configure the tracking code', "'wpllm_tracking_options'"],
        ['meta box for subtitles on posts', "add_meta_box( 'wpllm_subtitle'"],
        ['hello world plugin', "add_filter( 'the_content', 'wpllm_hello_append_note' )"],
        ['Create a WordPress plugin', "add_filter( 'the_content', 'wpllm_reading_notice_append_note' )"],
        [str_repeat('A plugin about café menüs and prices. ', 120), 'function wpllm_price_append_note'],
    ];
    foreach ($cases as [$prompt, $marker]) {
        $r = http('POST', '/v1/generate', $full, ['prompt' => $prompt]);
        $text = $r['json']['choices'][0]['text'] ?? '';
        $label = substr($prompt, 0, 40);
        truthy(str_contains($text, $marker), "[$label] lacks " . $marker);
        truthy(!str_contains($text, '<script>'), "[$label] echoes the prompt");
        $lint = lint($text);
        truthy($lint === '', "[$label] php -l: $lint");
        $analysis = http('POST', '/v1/analyze', $full, ['code' => $text])['json'];
        same($analysis['issues'], [], "[$label] analyzer issues");
    }
});

// --- rate limits --------------------------------------------------------------------------------------------------

check('rate limit: 3 concurrent requests allowed (workers agree), the 4th gets 429 with Retry-After', static function (): void {
    global $url;
    $key = bearer(WPLLM_TEST_KEY_LIMITED);
    $sockets = [];
    for ($i = 0; $i < 3; $i++) {
        $sockets[] = http_send($url, 'GET', '/v1/models', $key);
    }
    $remaining = [];
    foreach ($sockets as $socket) {
        $r = http_read($socket, microtime(true));
        same([$r['status'], $r['headers']['x-ratelimit-limit']], [200, '3'], 'status and limit');
        $remaining[] = $r['headers']['x-ratelimit-remaining'];
        $reset = (int) $r['headers']['x-ratelimit-reset'];
        truthy(abs($reset - (time() + 60)) <= 2, "X-RateLimit-Reset $reset is not the window end");
    }
    sort($remaining);
    same($remaining, ['0', '1', '2'], 'remaining across the three');
    $r = http('GET', '/v1/models', $key);
    $retryAfter = (int) ($r['headers']['retry-after'] ?? 0);
    expect_error($r, 429, 'rate_limit_error', 'rate_limit_exceeded');
    truthy($retryAfter >= 1 && $retryAfter <= 60, 'Retry-After: ' . ($r['headers']['retry-after'] ?? 'none'));
    same($r['json']['error']['details']['retry_after'], $retryAfter, 'details.retry_after');
    same($r['headers']['x-ratelimit-remaining'], '0', 'X-RateLimit-Remaining');
});

// --- streaming ----------------------------------------------------------------------------------------------------

check('stream: NDJSON chunks arrive as produced and add up to the completion', static function () use ($full): void {
    $prompt = 'shortcode for testimonials';
    $whole = http('POST', '/v1/generate', $full, ['prompt' => $prompt])['json'];
    $r = http('POST', '/v1/generate/stream', $full + ['X-Emulator-Pace-Ms' => '10'], ['prompt' => $prompt]);
    same($r['status'], 200, 'status');
    same($r['headers']['content-type'], 'application/x-ndjson', 'Content-Type');
    $chunks = ndjson_lines($r['body']);
    $last = end($chunks);
    truthy(count($chunks) >= 3, 'only ' . count($chunks) . ' chunks');
    same(implode('', array_map(static fn (array $c): string => $c['choices'][0]['delta']['text'], $chunks)),
        $whole['choices'][0]['text'], 'joined text');
    same(array_unique(array_column($chunks, 'object')), ['text_completion.chunk'], 'object');
    same(count(array_unique(array_column($chunks, 'id'))), 1, 'one id');
    same(array_slice(array_map(static fn (array $c): ?string => $c['choices'][0]['finish_reason'], $chunks), -2),
        [null, 'stop'], 'finish_reason');
    same($last['usage'], $whole['usage'], 'usage');
    $times = arrival_times($r['fragments'], "\n");
    $spread = end($times) - $times[0];
    truthy($spread >= (count($times) - 1) * 0.010 * 0.8, sprintf('first and last chunk %.3f s apart over %d chunks', $spread, count($times)));
});

check('stream: SSE via Accept and via stream_format, ending in [DONE]', static function () use ($full): void {
    $body = ['prompt' => 'REST endpoint for orders', 'max_tokens' => 30];
    $accept = http('POST', '/v1/generate/stream', $full + ['Accept' => 'text/event-stream', 'X-Emulator-Pace-Ms' => '30'], $body);
    $format = http('POST', '/v1/generate/stream', $full, $body + ['stream_format' => 'sse']);
    foreach ([$accept, $format] as $r) {
        same($r['headers']['content-type'], 'text/event-stream', 'Content-Type');
        truthy(str_ends_with($r['body'], "data: [DONE]\n\n"), 'no [DONE] at the end');
        $events = explode("\n\n", substr($r['body'], 0, -strlen("data: [DONE]\n\n") - 2));
        $chunks = array_map(static fn (string $e): array => json_decode(substr($e, strlen('data: ')), true, 16, JSON_THROW_ON_ERROR), $events);
        truthy(count($chunks) >= 3, 'only ' . count($chunks) . ' events');
        same(strlen(implode('', array_map(static fn (array $c): string => $c['choices'][0]['delta']['text'], $chunks))), 120, 'text bytes');
        same(end($chunks)['choices'][0]['finish_reason'], 'length', 'finish_reason');
    }
    $times = arrival_times($accept['fragments'], "\n\n");
    truthy(end($times) - $times[0] >= (count($times) - 2) * 0.030 * 0.8, 'events did not arrive paced');
    expect_error(http('POST', '/v1/generate/stream', $full, ['prompt' => 'x', 'stream_format' => 'xml']),
        400, 'invalid_request_error', 'invalid_parameters', ['param' => 'stream_format']);
    expect_error(http('POST', '/v1/generate/stream', $full, ['prompt' => '']), 400, 'invalid_request_error', 'invalid_parameters', ['param' => 'prompt']);
});

// --- analyze ------------------------------------------------------------------------------------------------------

check('analyze: finds the expected issues on the right lines', static function () use ($full): void {
    $code = <<<'CODE'
<?php
$id = $_GET['id'];
echo $id;
$wpdb->query( "DELETE FROM {$wpdb->posts} WHERE ID = $id" );
eval( $code );
query_posts( 'posts_per_page=-1' );
$safe = sanitize_text_field( wp_unslash( $_POST['name'] ) );
echo esc_html( $safe );
$rows = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$wpdb->posts} WHERE ID = %d", $id ) );
$n = $wpdb->get_var( 'SELECT COUNT(*) FROM ' . $table );
extract( $_REQUEST );
if ( 'yes' === $_GET['flag'] ) { echo (int) $n; }
?>

CODE;
    $r = http('POST', '/v1/analyze', $full, ['code' => $code]);
    same($r['status'], 200, 'status');
    same(array_keys($r['json']), ['id', 'object', 'model', 'analysis_type', 'issues', 'score', 'summary', 'usage'], 'keys');
    truthy(preg_match('/^ana_[0-9a-f]{24}$/', $r['json']['id']) === 1, 'id format');
    same([$r['json']['object'], $r['json']['model'], $r['json']['analysis_type']], ['analysis', 'wp-llm-13b', 'all'], 'object, model, type');
    $found = array_map(static fn (array $i): string => $i['line'] . ':' . $i['severity'] . ':' . $i['type'], $r['json']['issues']);
    same($found, ['2:high:unsanitized_input', '3:high:xss', '4:high:sql_injection', '5:high:eval', '6:medium:query_posts',
        '6:medium:unbounded_query', '7:medium:missing_nonce', '10:high:sql_injection', '11:high:unsanitized_input',
        '11:medium:extract', '13:low:trailing_closing_tag'], 'issues');
    same([$r['json']['score'], $r['json']['summary']], [0, 'Found 11 issues in the all analysis: 6 high, 4 medium, 1 low.'], 'score, summary');
    same($r['json']['usage']['prompt_tokens'], intdiv(strlen($code) + 3, 4), 'prompt_tokens');

    $performance = http('POST', '/v1/analyze', $full, ['code' => $code, 'analysis_type' => 'performance'])['json'];
    same(array_column($performance['issues'], 'type'), ['query_posts', 'unbounded_query'], 'performance issues');
    same([$performance['score'], $performance['summary']], [80, 'Found 2 issues in the performance analysis: 0 high, 2 medium, 0 low.'], 'performance score');
});

check('analyze: snippets without <?php, plugin headers, clean code, validation', static function () use ($full): void {
    $snippet = http('POST', '/v1/analyze', $full, ['code' => "\n\$name = 'x';\necho \$name;\n", 'analysis_type' => 'security'])['json'];
    same(array_map(static fn (array $i): array => [$i['line'], $i['type']], $snippet['issues']), [[3, 'xss']], 'snippet');
    $plugin = "<?php\n/**\n * Plugin Name: Demo\n */\nadd_action( 'init', 'demo_init' );\n";
    same(http('POST', '/v1/analyze', $full, ['code' => $plugin])['json']['issues'], [['severity' => 'low', 'type' => 'direct_file_access',
        'message' => 'The plugin file does not stop direct access; add defined( \'ABSPATH\' ) || exit;.', 'line' => 2]], 'plugin header');
    $clean = http('POST', '/v1/analyze', $full, ['code' => "<?php\necho esc_html( \$title );\n"])['json'];
    same([$clean['issues'], $clean['score'], $clean['summary']], [[], 100, 'No issues found in the all analysis.'], 'clean');
    expect_error(http('POST', '/v1/analyze', $full, ['code' => '']), 400, 'invalid_request_error', 'invalid_parameters', ['param' => 'code']);
    expect_error(http('POST', '/v1/analyze', $full, ['code' => 'x', 'analysis_type' => 'style']), 400, 'invalid_request_error',
        'invalid_parameters', ['param' => 'analysis_type']);
});

// --- keys -----------------------------------------------------------------------------------------------------------

check('keys: current key, scoped key creation and its limits', static function () use ($full): void {
    same(http('GET', '/v1/keys/current', $full)['json'], ['id' => 'key_full', 'prefix' => 'wpllm_test_f',
        'permissions' => ['read', 'generate', 'analyze', 'keys'], 'created_at' => 1704067200, 'expires_at' => null], 'current');
    $created = http('POST', '/v1/keys', $full, ['permissions' => ['read'], 'expires_in' => '1h'])['json'];
    same(array_keys($created), ['id', 'key', 'permissions', 'expires_at'], 'keys');
    truthy(preg_match('/^wpllm_sk_[0-9a-f]{40}$/', $created['key']) === 1, 'key format');
    truthy(abs($created['expires_at'] - (time() + 3600)) <= 2, 'expires_at');
    $scoped = bearer($created['key']);
    same(http('POST', '/v1/auth/validate', $scoped)['json'], ['valid' => true, 'auth' => 'api_key', 'key_id' => $created['id'], 'permissions' => ['read'],
        'expires_at' => $created['expires_at']], 'validate with the new key');
    expect_error(http('POST', '/v1/generate', $scoped, ['prompt' => 'x']), 403, 'permission_error', 'insufficient_permissions', ['required' => 'generate']);
    expect_error(http('POST', '/v1/keys', bearer(WPLLM_TEST_KEY_READONLY), ['permissions' => ['read']]), 403, 'permission_error',
        'insufficient_permissions', ['required' => 'keys']);
    expect_error(http('POST', '/v1/keys', $full, ['permissions' => ['admin']]), 400, 'invalid_request_error', 'invalid_parameters', ['param' => 'permissions']);
    expect_error(http('POST', '/v1/keys', $full, ['permissions' => ['read'], 'expires_in' => '2y']), 400, 'invalid_request_error',
        'invalid_parameters', ['param' => 'expires_in']);
});

// --- request signing (keys with a signing_secret) ------------------------------------------------------------------

const SIG_MISSING = 'This key requires signed requests: send X-Timestamp and X-Signature.';
const SIG_MALFORMED = 'Malformed signature headers: X-Timestamp must be decimal milliseconds since the epoch and X-Signature 64 lowercase hex digits.';
const SIG_STALE = 'X-Timestamp is more than 300 seconds away from the server clock.';
const SIG_MISMATCH = 'X-Signature does not match the request (HMAC-SHA256 of X-Timestamp followed by the body).';
const SIG_REPLAYED = 'This request signature was already used (replay).';

/**
 * Authorization plus X-Timestamp and X-Signature for $body; without $timestampMs a fresh one, never the same twice
 * (two requests with one body in the same millisecond would otherwise carry the same signature: a replay).
 *
 * @return array<string, string>
 */
function signed_headers(string $body, ?int $timestampMs = null, string $secret = WPLLM_TEST_SIGNING_SECRET): array
{
    static $last = 0;
    if ($timestampMs === null) {
        $timestampMs = $last = max((int) floor(microtime(true) * 1000), $last + 1);
    }
    $timestamp = (string) $timestampMs;

    return bearer(WPLLM_TEST_KEY_SIGNED) + ['X-Timestamp' => $timestamp, 'X-Signature' => hash_hmac('sha256', $timestamp . $body, $secret)];
}

function now_ms(): int
{
    return (int) floor(microtime(true) * 1000);
}

/** A 401 authentication_error with exactly this code and message. */
function expect_auth_error(array $response, string $code, string $message): void
{
    expect_error($response, 401, 'authentication_error', $code, []);
    same($response['json']['error']['message'], $message, 'message');
}

check('signing: signed requests with key_signed served (POST body bytes, GET empty body); validate exact', static function (): void {
    $body = json_encode(['prompt' => 'a signed settings page', 'note' => "ünïcödé \"q\""], JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR);
    $r = http('POST', '/v1/generate', signed_headers($body), $body);
    same($r['status'], 200, 'signed generate');
    same($r['headers']['x-ratelimit-limit'] ?? null, '1000', 'rate limit of key_signed');
    same(http('GET', '/v1/models', signed_headers(''))['status'], 200, 'signed GET');
    same(http('POST', '/v1/auth/validate', signed_headers(''))['json'], ['valid' => true, 'auth' => 'api_key', 'key_id' => 'key_signed',
        'permissions' => ['read', 'generate', 'analyze'], 'expires_at' => null], 'validate');
    $viaHeader = ['X-API-Key' => WPLLM_TEST_KEY_SIGNED] + array_slice(signed_headers(''), 1, null, true);
    same(http('GET', '/v1/models', $viaHeader)['status'], 200, 'signed, key in X-API-Key');
});

check('signing: missing headers -> 401 invalid_signature', static function (): void {
    $headers = signed_headers('');
    expect_auth_error(http('GET', '/v1/models', bearer(WPLLM_TEST_KEY_SIGNED)), 'invalid_signature', SIG_MISSING);
    expect_auth_error(http('GET', '/v1/models', array_diff_key($headers, ['X-Signature' => 1])), 'invalid_signature', SIG_MISSING);
    expect_auth_error(http('GET', '/v1/models', array_diff_key($headers, ['X-Timestamp' => 1])), 'invalid_signature', SIG_MISSING);
    expect_auth_error(http('POST', '/v1/generate', ['X-API-Key' => WPLLM_TEST_KEY_SIGNED], ['prompt' => 'x']), 'invalid_signature', SIG_MISSING);
});

check('signing: malformed headers -> 401 invalid_signature', static function (): void {
    $headers = signed_headers('');
    foreach ([['X-Signature' => strtoupper($headers['X-Signature'])], ['X-Signature' => substr($headers['X-Signature'], 1)],
        ['X-Signature' => $headers['X-Signature'] . '0'], ['X-Signature' => 'sha256=' . $headers['X-Signature']],
        ['X-Timestamp' => $headers['X-Timestamp'] . '.5'], ['X-Timestamp' => '-' . $headers['X-Timestamp']],
        ['X-Timestamp' => '1.7e12'], ['X-Timestamp' => 'now']] as $change) {
        expect_auth_error(http('GET', '/v1/models', $change + $headers), 'invalid_signature', SIG_MALFORMED);
    }
});

check('signing: timestamps more than 300 s away either way -> stale; within -> served', static function (): void {
    $body = '{"prompt":"timing"}';
    expect_auth_error(http('POST', '/v1/generate', signed_headers($body, now_ms() - 301000), $body), 'invalid_signature', SIG_STALE);
    expect_auth_error(http('POST', '/v1/generate', signed_headers($body, now_ms() + 301000), $body), 'invalid_signature', SIG_STALE);
    expect_auth_error(http('POST', '/v1/generate', signed_headers($body, time()), $body), 'invalid_signature', SIG_STALE); // seconds, not ms
    same(http('POST', '/v1/generate', signed_headers($body, now_ms() - 290000), $body)['status'], 200, '290 s old');
    same(http('POST', '/v1/generate', signed_headers($body, now_ms() + 290000), $body)['status'], 200, '290 s ahead');
});

check('signing: tampered body, wrong secret, signature without the timestamp -> mismatch; failures burn nothing', static function (): void {
    $body = '{"prompt":"the original body"}';
    $headers = signed_headers($body);
    expect_auth_error(http('POST', '/v1/generate', $headers, '{"prompt":"the tampered body"}'), 'invalid_signature', SIG_MISMATCH);
    expect_auth_error(http('POST', '/v1/generate', $headers, $body . ' '), 'invalid_signature', SIG_MISMATCH);
    expect_auth_error(http('POST', '/v1/generate', signed_headers($body, null, 'whsec_test_wrong'), $body), 'invalid_signature', SIG_MISMATCH);
    $bodyOnly = ['X-Signature' => hash_hmac('sha256', $body, WPLLM_TEST_SIGNING_SECRET)] + $headers;
    expect_auth_error(http('POST', '/v1/generate', $bodyOnly, $body), 'invalid_signature', SIG_MISMATCH);
    $other = ['X-Timestamp' => (string) ((int) $headers['X-Timestamp'] + 1)] + $headers;
    expect_auth_error(http('POST', '/v1/generate', $other, $body), 'invalid_signature', SIG_MISMATCH);
    same(http('POST', '/v1/generate', $headers, $body)['status'], 200, 'the untampered request after the failures');
});

check('signing: a signature seen before is refused as a replay', static function (): void {
    $body = '{"prompt":"only once"}';
    $headers = signed_headers($body);
    same(http('POST', '/v1/generate', $headers, $body)['status'], 200, 'first');
    expect_auth_error(http('POST', '/v1/generate', $headers, $body), 'invalid_signature', SIG_REPLAYED);
    expect_auth_error(http('POST', '/v1/generate', $headers, $body), 'invalid_signature', SIG_REPLAYED);
    $get = signed_headers('');
    same(http('GET', '/v1/models', $get)['status'], 200, 'GET first');
    expect_auth_error(http('POST', '/v1/auth/validate', $get), 'invalid_signature', SIG_REPLAYED); // same bytes signed, other endpoint
    same(http('POST', '/v1/generate', signed_headers($body, (int) $headers['X-Timestamp'] + 1), $body)['status'], 200, 'next millisecond');
});

check('signing: a key without signing_secret ignores signature headers', static function (): void {
    $ignored = ['X-Timestamp' => 'now', 'X-Signature' => 'not-a-signature'] + bearer(WPLLM_TEST_KEY_FULL);
    same(http('GET', '/v1/models', $ignored)['status'], 200, 'garbage headers');
    $body = '{"prompt":"unsigned key"}';
    $headers = ['Authorization' => 'Bearer ' . WPLLM_TEST_KEY_FULL] + signed_headers($body, now_ms() - 3600000);
    same(http('POST', '/v1/generate', $headers, $body)['status'], 200, 'stale headers');
    same(http('POST', '/v1/generate', $headers, $body)['status'], 200, 'same headers again');
});

// --- JWT bearer tokens (minted by the independent jose tool, verified by the emulator with hash_hmac/openssl) --------

const JWT_ISSUER = 'https://idp.example.test';
const JWT_ALGS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384'];
const JWT_MALFORMED = 'The bearer token is not a well-formed JWT: its header must be a base64url JSON object and every segment unpadded base64url.';
const JWT_NO_ALG = 'The JWT header has no alg.';
const JWT_ALG_NONE = 'Unsigned JWTs (alg none) are not accepted.';
const JWT_ALG_REFUSED = 'The JWT alg is not accepted; allowed: HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384.';
const JWT_BAD_KID = 'The JWT kid header must be a string.';
const JWT_CRIT = 'The JWT header names critical extensions (crit) that the service does not support.';
const JWT_BAD_SIGNATURE = 'The JWT signature does not verify.';
const JWT_NO_EXP = 'The JWT has no numeric exp claim.';
const JWT_EXPIRED = 'The JWT has expired.';
const JWT_NBF = 'The JWT is not valid yet (nbf is in the future).';
const JWT_IAT = 'The JWT was issued in the future (iat).';
const JWT_ISSUER_REFUSED = 'The JWT issuer is not accepted.';
const JWT_NO_USER = 'The JWT has no user_id claim (a non-empty string or an integer).';
const JWT_NO_PERMISSIONS = 'The JWT has no permissions claim (an array of strings).';

$joseReady = wpllm_jose_ready();

function b64url(string $bytes): string
{
    return rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');
}

function b64url_decode(string $text): string
{
    return (string) base64_decode(strtr($text, '-_', '+/'), true);
}

/** Default claims (user u1, read+generate, exp in 10 minutes) with $changes applied; a null value removes the claim. */
function jwt_claims(array $changes = []): array
{
    return array_filter(array_merge(['user_id' => 'u1', 'permissions' => ['read', 'generate'], 'exp' => time() + 600], $changes),
        static fn (mixed $value): bool => $value !== null);
}

function jwt_key_file(string $alg, bool $private): string
{
    $name = match (substr($alg, 0, 2)) {
        'HS' => 'hs-secret.txt',
        'RS' => 'rsa',
        default => $alg === 'ES256' ? 'ec256' : 'ec384',
    };

    return WPLLM_TEST_FIXTURES . '/' . ($name === 'hs-secret.txt' ? $name : $name . ($private ? '-private.pem' : '-public.pem'));
}

/** A compact JWS from the jose tool; the claims JSON is signed byte for byte. */
function jwt_mint(string $alg, array|string $claims, array $header = [], ?string $keyFile = null): string
{
    global $joseReady;
    if (!$joseReady) {
        throw new CheckFailed('the jose tool is not available (node, or npm ci --prefix tests/jose failed)');
    }
    $json = is_string($claims) ? $claims : json_encode($claims, JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR);
    $args = ['sign', $alg, $keyFile ?? jwt_key_file($alg, true), $json];
    if ($header !== []) {
        $args[] = json_encode($header, JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR);
    }
    $result = wpllm_jose(...$args);
    if ($result['code'] !== 0 || preg_match('/^[\w-]+\.[\w-]+\.[\w-]+$/', $result['out']) !== 1) {
        throw new CheckFailed("jose sign $alg failed ({$result['code']}): {$result['out']}");
    }

    return $result['out'];
}

/** A token assembled by hand: header and payload as given, signature bytes as given. */
function jwt_raw(array $header, array $claims, string $signature = ''): string
{
    return b64url(json_encode($header, JSON_THROW_ON_ERROR)) . '.' . b64url(json_encode($claims, JSON_THROW_ON_ERROR)) . '.' . b64url($signature);
}

/** The same token with its header replaced (the signature no longer covers it). */
function jwt_with_header(string $token, array $header): string
{
    return b64url(json_encode($header, JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR)) . substr($token, strpos($token, '.'));
}

/** A 401 for this token with exactly this code and message, and no part of the token in the response. */
function expect_jwt_error(array $response, string $token, string $code, string $message): void
{
    expect_auth_error($response, $code, $message);
    foreach (array_merge([$token], explode('.', $token)) as $part) {
        truthy(strlen($part) < 8 || !str_contains($response['raw'], $part), 'the response echoes the token');
    }
}

function jwt_validate(string $token): array
{
    return http('POST', '/v1/auth/validate', bearer($token));
}

check('jose tool: RFC 7515 A.1 verified exactly (so the cross-check tool is right)', static function () use ($joseReady): void {
    truthy($joseReady, 'the jose tool is not available');
    $result = wpllm_jose('rfc7515');
    same($result['code'], 0, 'exit status');
    same(json_decode($result['out'], true), ['rfc' => 'RFC 7515 A.1', 'alg' => 'HS256', 'valid' => true,
        'protected_header' => ['typ' => 'JWT', 'alg' => 'HS256'],
        'payload' => ['iss' => 'joe', 'exp' => 1300819380, 'http://example.com/is_root' => true],
        'tampered_signature' => 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'noncanonical_last_char' => 'accepted',
        'other_alg_only' => 'ERR_JOSE_ALG_NOT_ALLOWED'], 'result');
    $key = b64url_decode('AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow');
    same(b64url(hash_hmac('sha256', "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ",
        $key, true)), 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', 'PHP hash_hmac on the RFC input');
});

check('jwt fixtures: config.json, constants and key files agree (PKCS#8, SPKI, RSA 2048, P-256, P-384)', static function (): void {
    $config = json_decode((string) file_get_contents(__DIR__ . '/config.json'), true, 16, JSON_THROW_ON_ERROR);
    same($config['jwt']['secret'], WPLLM_TEST_JWT_SECRET, 'jwt.secret');
    same(file_get_contents(WPLLM_TEST_FIXTURES . '/hs-secret.txt'), WPLLM_TEST_JWT_SECRET, 'hs-secret.txt');
    truthy(strlen(WPLLM_TEST_JWT_SECRET) >= 64, 'the secret is shorter than HS512\'s output');
    same([$config['jwt']['issuer'], $config['jwt']['leeway_seconds']], [JWT_ISSUER, 60], 'issuer and leeway');
    $signed = array_values(array_filter($config['keys'], static fn (array $k): bool => $k['id'] === 'key_signed'))[0] ?? [];
    same([$signed['key_sha256'] ?? null, $signed['signing_secret'] ?? null], [hash('sha256', WPLLM_TEST_KEY_SIGNED), WPLLM_TEST_SIGNING_SECRET], 'key_signed');
    foreach (['rsa' => [OPENSSL_KEYTYPE_RSA, 2048, null], 'ec256' => [OPENSSL_KEYTYPE_EC, 256, 'prime256v1'],
        'ec384' => [OPENSSL_KEYTYPE_EC, 384, 'secp384r1']] as $name => [$type, $bits, $curve]) {
        $private = (string) file_get_contents(WPLLM_TEST_FIXTURES . "/$name-private.pem");
        $public = (string) file_get_contents(WPLLM_TEST_FIXTURES . "/$name-public.pem");
        truthy(str_starts_with($private, "-----BEGIN PRIVATE KEY-----\n"), "$name-private.pem is not PKCS#8");
        truthy(str_starts_with($public, "-----BEGIN PUBLIC KEY-----\n"), "$name-public.pem is not SPKI");
        $details = openssl_pkey_get_details(openssl_pkey_get_private($private));
        same([$details['type'], $details['bits'], $details['ec']['curve_name'] ?? null], [$type, $bits, $curve], "$name key");
        same($details['key'], $public, "$name public key derived from the private one");
    }
});

check('jwt: a token of every alg minted by jose is accepted; validate exact; jose verifies it back', static function (): void {
    foreach (JWT_ALGS as $i => $alg) {
        $claims = jwt_claims(['user_id' => "user-$alg", 'iat' => time(), 'exp' => time() + 600 + $i]
            + ($i % 2 === 0 ? ['iss' => JWT_ISSUER] : []));
        $token = jwt_mint($alg, $claims, $i % 3 === 0 ? ['kid' => strtolower($alg) . '-1'] : []);
        [$head, , $signature] = explode('.', $token);
        same(json_decode(b64url_decode($head), true)['alg'] ?? null, $alg, "$alg header");
        if ($alg[0] === 'E') {
            same(strlen(b64url_decode($signature)), $alg === 'ES256' ? 64 : 96, "$alg raw r||s length");
        }
        $r = jwt_validate($token);
        same([$r['status'], $r['json']], [200, ['valid' => true, 'auth' => 'jwt', 'user_id' => "user-$alg",
            'permissions' => ['read', 'generate'], 'expires_at' => $claims['exp']]], "$alg validate");
        same(wpllm_jose('verify', $alg, jwt_key_file($alg, false), $token),
            ['out' => json_encode($claims, JSON_UNESCAPED_SLASHES), 'code' => 0], "$alg jose verify");
    }
    $numeric = jwt_validate(jwt_mint('HS256', jwt_claims(['user_id' => 42, 'permissions' => ['read']])))['json'];
    same([$numeric['user_id'] ?? null, $numeric['permissions'] ?? null], [42, ['read']], 'integer user_id');
});

check('jwt: the documented HS256 mint (enterprise secret file) is accepted on generate', static function (): void {
    $token = jwt_mint('HS256', '{"user_id":"u1","permissions":["generate"],"exp":' . (time() + 300) . '}', [], WPLLM_TEST_FIXTURES . '/hs-secret.txt');
    $r = http('POST', '/v1/generate', bearer($token), ['prompt' => 'a shortcode that shows the year']);
    same($r['status'], 200, 'status');
    same($r['json']['object'] ?? null, 'text_completion', 'object');
    same($r['headers']['x-ratelimit-limit'] ?? null, '1000', 'rate limit');
    same(http('POST', '/v1/generate', ['Authorization' => 'bearer ' . $token], ['prompt' => 'x'])['status'], 200, 'lowercase bearer');
});

check('jwt: alg none, unknown or missing alg, bad kid, crit -> invalid_token, token never echoed', static function (): void {
    $claims = jwt_claims();
    foreach (['none', 'None', 'NONE'] as $none) {
        $token = jwt_raw(['alg' => $none, 'typ' => 'JWT'], $claims);
        expect_jwt_error(jwt_validate($token), $token, 'invalid_token', JWT_ALG_NONE);
    }
    $hs = jwt_mint('HS256', $claims);
    $noneSigned = jwt_with_header($hs, ['alg' => 'none']);
    expect_jwt_error(jwt_validate($noneSigned), $noneSigned, 'invalid_token', JWT_ALG_NONE);
    foreach (['PS256', 'hs256', 'HS256 ', 'EdDSA', 'ES512', 'RSA-OAEP'] as $alg) {
        $token = jwt_with_header($hs, ['alg' => $alg, 'typ' => 'JWT']);
        expect_jwt_error(jwt_validate($token), $token, 'invalid_token', JWT_ALG_REFUSED);
    }
    foreach ([['typ' => 'JWT'], ['alg' => 256], ['alg' => ''], ['alg' => ['HS256']]] as $header) {
        $token = jwt_with_header($hs, $header);
        expect_jwt_error(jwt_validate($token), $token, 'invalid_token', JWT_NO_ALG);
    }
    $kid = jwt_mint('HS256', $claims, ['kid' => 7]);
    expect_jwt_error(jwt_validate($kid), $kid, 'invalid_token', JWT_BAD_KID);
    // jose will not sign an unknown critical extension, so this one is signed with PHP's hash_hmac
    $input = b64url('{"alg":"HS256","crit":["x-wpllm"],"x-wpllm":1}') . '.' . b64url(json_encode($claims));
    $crit = $input . '.' . b64url(hash_hmac('sha256', $input, WPLLM_TEST_JWT_SECRET, true));
    expect_jwt_error(jwt_validate($crit), $crit, 'invalid_token', JWT_CRIT);
    $empty = 'e30.' . b64url(json_encode($claims)) . '.';
    expect_jwt_error(jwt_validate($empty), $empty, 'invalid_token', JWT_NO_ALG);
});

check('jwt: key confusion: HS256/HS512 signed with a public key as the secret are refused; jose refuses them too', static function (): void {
    foreach (['HS256' => 'rsa-public.pem', 'HS512' => 'ec256-public.pem'] as $alg => $file) {
        $token = jwt_mint($alg, jwt_claims(), [], WPLLM_TEST_FIXTURES . '/' . $file);
        expect_jwt_error(jwt_validate($token), $token, 'invalid_token', JWT_BAD_SIGNATURE);
    }
    $confused = jwt_mint('HS256', jwt_claims(), [], WPLLM_TEST_FIXTURES . '/rsa-public.pem');
    same(wpllm_jose('verify', 'RS256', WPLLM_TEST_FIXTURES . '/rsa-public.pem', $confused), ['out' => 'ERROR ERR_JOSE_ALG_NOT_ALLOWED', 'code' => 1], 'jose');
    // an RS256 token relabelled HS256: the RSA signature is no HMAC of the configured secret
    $relabelled = jwt_with_header(jwt_mint('RS256', jwt_claims()), ['alg' => 'HS256', 'typ' => 'JWT']);
    expect_jwt_error(jwt_validate($relabelled), $relabelled, 'invalid_token', JWT_BAD_SIGNATURE);
});

check('jwt: wrong signatures (other secret, flipped byte, swapped payload, ES lengths, DER, non-canonical base64url)', static function (): void {
    $otherSecret = tempnam(sys_get_temp_dir(), 'wpllm-jwt-');
    file_put_contents($otherSecret, str_repeat('x', 72));
    try {
        $other = jwt_mint('HS256', jwt_claims(), [], $otherSecret);
    } finally {
        unlink($otherSecret);
    }
    expect_jwt_error(jwt_validate($other), $other, 'invalid_token', JWT_BAD_SIGNATURE);
    foreach (['HS384', 'RS256', 'ES384'] as $alg) {
        [$head, $body, $signature] = explode('.', jwt_mint($alg, jwt_claims()));
        $middle = intdiv(strlen($signature), 2);
        $flipped = "$head.$body." . substr_replace($signature, $signature[$middle] === 'A' ? 'B' : 'A', $middle, 1);
        expect_jwt_error(jwt_validate($flipped), $flipped, 'invalid_token', JWT_BAD_SIGNATURE);
        $swapped = "$head." . b64url(json_encode(jwt_claims(['permissions' => ['read', 'generate', 'keys']]))) . ".$signature";
        expect_jwt_error(jwt_validate($swapped), $swapped, 'invalid_token', JWT_BAD_SIGNATURE);
    }
    [$head, $body, $signature] = explode('.', jwt_mint('ES256', jwt_claims()));
    $raw = b64url_decode($signature);
    $long = "$head.$body." . b64url($raw . "\0\0");
    expect_jwt_error(jwt_validate($long), $long, 'invalid_token', 'The ES256 signature must be 64 bytes (r || s).');
    $as384 = jwt_with_header("$head.$body.$signature", ['alg' => 'ES384', 'typ' => 'JWT']);
    expect_jwt_error(jwt_validate($as384), $as384, 'invalid_token', 'The ES384 signature must be 96 bytes (r || s).');
    $integer = static fn (string $b): string => "\x02" . chr(strlen($b = (ord(($b = ltrim($b, "\0"))[0]) >= 0x80 ? "\0" : '') . $b)) . $b;
    $der = "\x30" . chr(strlen($seq = $integer(substr($raw, 0, 32)) . $integer(substr($raw, 32)))) . $seq;
    $derToken = "$head.$body." . b64url($der);
    expect_jwt_error(jwt_validate($derToken), $derToken, 'invalid_token', 'The ES256 signature must be 64 bytes (r || s).');
    same(jwt_validate("$head.$body.$signature")['status'], 200, 'the untouched ES256 token');
    // the last character of a 43-character HS256 signature carries 2 unused bits: setting them is the same bytes, but
    // not canonical base64url, which the emulator refuses (jose accepts it: see rfc7515's noncanonical_last_char)
    [$head, $body, $signature] = explode('.', jwt_mint('HS256', jwt_claims()));
    $last = strpos('AEIMQUYcgkosw048', $signature[42]);
    truthy($last !== false, 'a canonical last character');
    $noncanonical = "$head.$body." . substr($signature, 0, 42) . 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[$last * 4 + 1];
    expect_jwt_error(jwt_validate($noncanonical), $noncanonical, 'invalid_token', JWT_MALFORMED);
    foreach (['eyJ.eyJ.abc', b64url('alg') . '.e30.abc', b64url('[1]') . '.' . $body . '.' . $signature, b64url('{"alg":"HS256"') . ".$body.$signature"] as $bad) {
        expect_jwt_error(jwt_validate($bad), $bad, 'invalid_token', JWT_MALFORMED);
    }
    $notObject = jwt_mint('HS256', '["user_id","u1"]');
    expect_jwt_error(jwt_validate($notObject), $notObject, 'invalid_token', 'The JWT payload is not a JSON object.');
});

check('jwt: exp required; expired beyond the 60 s leeway -> expired_token; jose (no leeway) agrees on expiry', static function (): void {
    $expired = jwt_mint('RS256', jwt_claims(['exp' => time() - 120]));
    expect_jwt_error(jwt_validate($expired), $expired, 'expired_token', JWT_EXPIRED);
    same(wpllm_jose('verify', 'RS256', jwt_key_file('RS256', false), $expired), ['out' => 'ERROR ERR_JWT_EXPIRED', 'code' => 1], 'jose');
    $withinLeeway = jwt_mint('HS256', jwt_claims(['exp' => time() - 30]));
    same(jwt_validate($withinLeeway)['status'], 200, 'expired 30 s ago, within the leeway');
    foreach ([null, (string) (time() + 600), true, [time() + 600]] as $exp) {
        $token = jwt_mint('HS256', jwt_claims(['exp' => $exp]));
        expect_jwt_error(jwt_validate($token), $token, 'invalid_token', JWT_NO_EXP);
    }
    $fractional = jwt_claims(['exp' => time() + 600.5]);
    same(jwt_validate(jwt_mint('HS256', $fractional))['json']['expires_at'] ?? null, $fractional['exp'], 'fractional exp accepted');
});

check('jwt: nbf or iat in the future beyond the leeway -> invalid_token; within it accepted; issuer checked when present', static function (): void {
    $nbf = jwt_mint('ES256', jwt_claims(['nbf' => time() + 120]));
    expect_jwt_error(jwt_validate($nbf), $nbf, 'invalid_token', JWT_NBF);
    same(wpllm_jose('verify', 'ES256', jwt_key_file('ES256', false), $nbf), ['out' => 'ERROR ERR_JWT_CLAIM_VALIDATION_FAILED', 'code' => 1], 'jose on nbf');
    $iat = jwt_mint('HS512', jwt_claims(['iat' => time() + 120]));
    expect_jwt_error(jwt_validate($iat), $iat, 'invalid_token', JWT_IAT);
    same(jwt_validate(jwt_mint('HS256', jwt_claims(['nbf' => time() + 30, 'iat' => time() + 30])))['status'], 200, 'within the leeway');
    foreach (['nbf', 'iat'] as $claim) {
        $token = jwt_mint('HS256', jwt_claims([$claim => 'yesterday']));
        expect_jwt_error(jwt_validate($token), $token, 'invalid_token', "The JWT $claim claim must be numeric.");
    }
    foreach (['https://evil.example.test', 'https://idp.example.test/', 42] as $iss) {
        $token = jwt_mint('HS256', jwt_claims(['iss' => $iss]));
        expect_jwt_error(jwt_validate($token), $token, 'invalid_token', JWT_ISSUER_REFUSED);
    }
});

check('jwt: user_id (string or int) and permissions (array of strings) required', static function (): void {
    foreach ([null, '', true, 4.5, ['u1']] as $userId) {
        $token = jwt_mint('HS256', jwt_claims(['user_id' => $userId]));
        expect_jwt_error(jwt_validate($token), $token, 'invalid_token', JWT_NO_USER);
    }
    foreach ([null, 'read', [1], ['read', null], ['a' => 'read'], true] as $permissions) {
        $token = jwt_mint('HS256', jwt_claims(['permissions' => $permissions]));
        expect_jwt_error(jwt_validate($token), $token, 'invalid_token', JWT_NO_PERMISSIONS);
    }
});

check('jwt: permissions enforced like API keys; rate limit per jwt:<user_id> across tokens', static function (): void {
    $user = 'rate-' . bin2hex(random_bytes(4));
    $readOnly = jwt_mint('HS256', jwt_claims(['user_id' => $user, 'permissions' => ['read']]));
    $r = http('POST', '/v1/generate', bearer($readOnly), ['prompt' => 'x']);
    expect_error($r, 403, 'permission_error', 'insufficient_permissions', ['required' => 'generate']);
    same($r['json']['error']['message'], 'The token lacks the permission this call needs.', 'message');
    same([$r['headers']['x-ratelimit-limit'] ?? null, $r['headers']['x-ratelimit-remaining'] ?? null], ['1000', '999'], 'first request counted');
    same(http('GET', '/v1/models', bearer($readOnly))['headers']['x-ratelimit-remaining'] ?? null, '998', 'second');
    $other = jwt_mint('ES384', jwt_claims(['user_id' => $user, 'permissions' => ['generate'], 'exp' => time() + 900]));
    $g = http('POST', '/v1/generate', bearer($other), ['prompt' => 'x']);
    same([$g['status'], $g['headers']['x-ratelimit-remaining'] ?? null], [200, '997'], 'another token of the same user shares the window');
    expect_error(http('GET', '/v1/models', bearer($other)), 403, 'permission_error', 'insufficient_permissions', ['required' => 'read']);
    expect_error(jwt_validate($other), 403, 'permission_error', 'insufficient_permissions', ['required' => 'read']);
    $fresh = jwt_mint('HS256', jwt_claims(['user_id' => $user . '-2']));
    same(jwt_validate($fresh)['headers']['x-ratelimit-remaining'] ?? null, '999', 'another user, another window');
});

check('jwt: only "Authorization: Bearer" carries JWTs: in X-API-Key or padded it is an (invalid) API key', static function (): void {
    $token = jwt_mint('HS256', jwt_claims());
    expect_jwt_error(http('POST', '/v1/auth/validate', ['X-API-Key' => $token]), $token, 'invalid_api_key', 'The API key is not valid.');
    $padded = $token . '=';
    expect_jwt_error(jwt_validate($padded), $padded, 'invalid_api_key', 'The API key is not valid.');
});

// --- faults (test mode) ---------------------------------------------------------------------------------------------

check('fault status+times: 503 twice then served; requests recorded under the id', static function () use ($full): void {
    global $url;
    $headers = $full + fault('id=retry-1;status=503;times=2') + ['X-Request-ID' => 'client-1'];
    $statuses = [];
    foreach ([1, 2, 3] as $attempt) {
        $r = http('POST', '/v1/generate', $headers, ['prompt' => 'hello world plugin']);
        $statuses[] = $r['status'];
        if ($attempt === 1) {
            expect_error($r, 503, 'server_error', 'service_unavailable');
        }
    }
    same($statuses, [503, 503, 200], 'statuses');
    $recorded = wpllm_test_requests($url, 'retry-1');
    same(count($recorded), 3, 'recorded requests');
    same(array_keys($recorded[0]), ['method', 'path', 'query', 'headers', 'body', 'time_ms'], 'record keys');
    same([$recorded[0]['method'], $recorded[0]['path'], $recorded[0]['body']], ['POST', '/v1/generate', '{"prompt":"hello world plugin"}'], 'record');
    same([$recorded[2]['headers']['x-request-id'], $recorded[2]['headers']['authorization']], ['client-1', 'Bearer ' . WPLLM_TEST_KEY_FULL], 'headers');
    truthy($recorded[0]['time_ms'] <= $recorded[2]['time_ms'] && abs($recorded[0]['time_ms'] - microtime(true) * 1000) < 10000, 'time_ms');
    same(wpllm_test_requests($url, 'no-such-id'), [], 'unknown id');
});

check('fault status: every status gets its documented type and code, before auth', static function (): void {
    $expected = [400 => ['invalid_request_error', 'invalid_parameters'], 401 => ['authentication_error', 'invalid_api_key'],
        402 => ['invalid_request_error', 'quota_exceeded'], 403 => ['permission_error', 'insufficient_permissions'],
        404 => ['not_found_error', 'not_found'], 408 => ['invalid_request_error', 'request_timeout'], 409 => ['invalid_request_error', 'conflict'],
        422 => ['invalid_request_error', 'invalid_parameters'], 429 => ['rate_limit_error', 'rate_limit_exceeded'],
        500 => ['server_error', 'internal_error'], 502 => ['server_error', 'internal_error'], 503 => ['server_error', 'service_unavailable']];
    foreach ($expected as $status => [$type, $code]) {
        expect_error(http('GET', '/v1/models', bearer('not-a-key') + fault("status=$status")), $status, $type, $code, []);
    }
    expect_error(http('GET', '/v1/models', fault('status=429;code=insufficient_quota;type=quota_error')), 429, 'quota_error', 'insufficient_quota');
});

check('fault retry hints: Retry-After (seconds and HTTP-date), retry-after-ms, body, x-should-retry', static function (): void {
    $r = http('GET', '/v1/health', fault('status=429;retry_after=7;retry_after_ms=1500;body_retry_after=7;should_retry=false'));
    expect_error($r, 429, 'rate_limit_error', 'rate_limit_exceeded', ['retry_after' => 7]);
    same([$r['headers']['retry-after'] ?? null, $r['headers']['retry-after-ms'] ?? null, $r['headers']['x-should-retry'] ?? null],
        ['7', '1500', 'false'], 'headers');
    $date = http('GET', '/v1/health', fault('status=503;retry_after=Wed%2C%2021%20Oct%202015%2007%3A28%3A00%20GMT'));
    same($date['headers']['retry-after'] ?? null, 'Wed, 21 Oct 2015 07:28:00 GMT', 'HTTP-date');
    $served = http('GET', '/v1/health', fault('should_retry=true'));
    same([$served['status'], $served['headers']['x-should-retry'] ?? null], [200, 'true'], 'hint on a served response');
});

check('fault format=legacy: the older envelope', static function (): void {
    $r = http('GET', '/v1/health', fault('status=429;format=legacy;body_retry_after=3'));
    same($r['status'], 429, 'status');
    same($r['json'], ['error' => ['code' => 'rate_limit_exceeded', 'message' => 'Rate limit exceeded. Retry later.', 'param' => null,
        'type' => 'rate_limit_error', 'retry_after' => 3]], 'body');
    same(array_keys(http('GET', '/v1/health', fault('status=500;format=legacy'))['json']['error']), ['code', 'message', 'param', 'type'], 'no retry_after');
});

check('fault drop=before_headers: connection closed without a status line', static function (): void {
    $r = http('GET', '/v1/health', fault('id=drop-1;drop=before_headers;times=1'));
    same([$r['status'], $r['raw']], [0, ''], 'nothing received');
    same(http('GET', '/v1/health', fault('id=drop-1;drop=before_headers;times=1'))['status'], 200, 'served on the second request');
});

check('fault drop=mid_body: 200 headers, part of the JSON body, then the connection ends', static function (): void {
    $r = http('GET', '/v1/health', fault('drop=mid_body'));
    same([$r['status'], $r['headers']['content-type']], [200, 'application/json'], 'status and type');
    $length = (int) $r['headers']['content-length'];
    truthy(strlen($r['body']) > 0 && strlen($r['body']) < $length, sprintf('got %d of %d bytes', strlen($r['body']), $length));
    truthy(str_starts_with($r['body'], '{"id":"gen_') && json_decode($r['body']) === null, 'a truncated JSON object');
});

check('fault stall and trickle: slow start, slow body, normal content', static function (): void {
    $stalled = http('GET', '/v1/health', fault('stall=0.3'));
    same($stalled['json']['status'] ?? null, 'ok', 'stalled body');
    truthy($stalled['elapsed'] >= 0.3, sprintf('stall took %.3f s', $stalled['elapsed']));
    $trickled = http('GET', '/v1/health', fault('trickle=4'));
    same($trickled['json']['status'] ?? null, 'ok', 'trickled body');
    $bytes = strlen($trickled['body']);
    truthy($trickled['elapsed'] >= ($bytes - 1) * 0.004, sprintf('%d bytes in %.3f s', $bytes, $trickled['elapsed']));
    truthy(count($trickled['fragments']) > 10, 'body arrived in ' . count($trickled['fragments']) . ' reads');
});

check('fault garbage, html and oversize bodies', static function (): void {
    $garbage = http('GET', '/v1/health', fault('garbage=1'));
    same([$garbage['status'], $garbage['headers']['content-type']], [200, 'application/json'], 'garbage status and type');
    truthy($garbage['body'] !== '' && json_decode($garbage['body']) === null, 'garbage is not JSON');
    $html = http('GET', '/v1/generate', fault('html=502'));
    same([$html['status'], $html['headers']['content-type']], [502, 'text/html'], 'html status and type');
    truthy(str_contains($html['body'], '<title>502 Bad Gateway</title>') && str_contains($html['body'], '<center>nginx</center>'), 'nginx page');
    $bytes = 4 * 1024 * 1024 + 3;
    $big = http('GET', '/v1/health', fault("oversize=$bytes"));
    same([$big['status'], $big['headers']['content-length'] ?? null, strlen($big['body'])], [200, (string) $bytes, $bytes], 'oversize length');
    same(strlen(json_decode($big['body'], true)['pad'] ?? ''), $bytes - 10, 'oversize is JSON');
});

check('fault header errors -> 400 invalid_fault', static function (): void {
    foreach (['status=200', 'status=503;drop=mid_body', 'times=2', 'bogus=1', 'stall=abc', 'drop=later', 'status'] as $spec) {
        expect_error(http('GET', '/v1/health', fault($spec)), 400, 'invalid_request_error', 'invalid_fault');
    }
});

// --- stream faults (test mode) --------------------------------------------------------------------------------------

/** POST /v1/generate/stream of a 4-chunk completion, with the fault $spec ('' for none), paced by $paceMs; see http_read() for $resetWait. */
function stream_request(string $spec, bool $sse = false, int $paceMs = 0, float $resetWait = 0.0): array
{
    global $url;
    $headers = bearer(WPLLM_TEST_KEY_FULL) + ['X-Emulator-Pace-Ms' => (string) $paceMs] + ($spec === '' ? [] : fault($spec));
    $body = json_encode(['prompt' => 'hello', 'max_tokens' => 20] + ($sse ? ['stream_format' => 'sse'] : []), JSON_THROW_ON_ERROR);

    return http_read(http_send($url, 'POST', '/v1/generate/stream', $headers, $body), microtime(true), $resetWait);
}

/** @return list<string> the NDJSON body's lines, without their newlines */
function stream_lines(array $r): array
{
    same([$r['status'], $r['headers']['content-type'] ?? null], [200, 'application/x-ndjson'], 'status and type');
    truthy(str_ends_with($r['body'], "\n"), 'body does not end with a newline: ' . json_encode(substr($r['body'], -80), JSON_INVALID_UTF8_SUBSTITUTE));

    return explode("\n", substr($r['body'], 0, -1));
}

/** @return list<string> the SSE body's events, without their blank lines */
function sse_events(array $r): array
{
    same([$r['status'], $r['headers']['content-type'] ?? null], [200, 'text/event-stream'], 'status and type');
    truthy(str_ends_with($r['body'], "\n\n"), 'body does not end with a blank line: ' . json_encode(substr($r['body'], -80), JSON_INVALID_UTF8_SUBSTITUTE));

    return explode("\n\n", substr($r['body'], 0, -2));
}

/** @return list<string|null> each chunk's delta text (NDJSON lines or SSE "data: " events), checking the chunk shape */
function chunk_texts(array $frames): array
{
    return array_map(static function (string $frame): ?string {
        $chunk = json_decode(str_starts_with($frame, 'data: ') ? substr($frame, 6) : $frame, true, 16, JSON_THROW_ON_ERROR);
        same($chunk['object'] ?? null, 'text_completion.chunk', 'chunk object');

        return $chunk['choices'][0]['delta']['text'] ?? null;
    }, $frames);
}

/** The four chunk texts of the fault-free stream (the same on every server: the completion is deterministic). */
function reference_texts(): array
{
    static $texts = null;
    if ($texts === null) {
        $lines = stream_lines(stream_request(''));
        same(count($lines), 4, 'chunks of the fault-free stream');
        same(json_decode($lines[3], true)['choices'][0]['finish_reason'] ?? null, 'length', 'last finish_reason');
        $texts = chunk_texts($lines);
    }

    return $texts;
}

/** Checks a mid-stream error: the documented envelope, its request id that of the response. */
function expect_stream_error(string $json, array $r, string $type, string $code): void
{
    truthy(str_contains($json, '"details":{}'), 'details must be an empty JSON object: ' . $json);
    $error = json_decode($json, true, 16, JSON_THROW_ON_ERROR)['error'] ?? null;
    truthy(is_array($error), 'no error object in ' . $json);
    same(array_keys($error), ['type', 'code', 'message', 'details', 'request_id', 'timestamp'], 'error keys');
    same([$error['type'], $error['code'], $error['message'], $error['details']], [$type, $code, 'The generation was interrupted.', []], 'error');
    same($error['request_id'], $r['headers']['x-request-id'] ?? null, 'request_id vs X-Request-Id');
    truthy(preg_match('/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $error['timestamp']) === 1, 'timestamp format: ' . $error['timestamp']);
}

check('fault stream_error: N chunks, then the error envelope (NDJSON line, SSE event: error), then the end; code/type, pace, times', static function () use ($full): void {
    $texts = reference_texts();
    $r = stream_request('stream_error=2', false, 40);
    $lines = stream_lines($r);
    same(count($lines), 3, 'lines');
    same(chunk_texts(array_slice($lines, 0, 2)), array_slice($texts, 0, 2), 'chunks before the error');
    expect_stream_error($lines[2], $r, 'server_error', 'stream_interrupted');
    $times = arrival_times($r['fragments'], "\n");
    truthy($times[2] - $times[0] >= 2 * 0.040 * 0.8, sprintf('error %.3f s after the first chunk at a 40 ms pace', $times[2] - $times[0]));

    $sse = stream_request('stream_error=1;stream_error_code=rate_limit_exceeded;stream_error_type=rate_limit_error', true);
    $events = sse_events($sse);
    same(count($events), 2, 'SSE events');
    same(chunk_texts([$events[0]]), [$texts[0]], 'SSE chunk before the error');
    truthy(str_starts_with($events[1], "event: error\ndata: {"), 'SSE error event: ' . $events[1]);
    expect_stream_error(substr($events[1], strlen("event: error\ndata: ")), $sse, 'rate_limit_error', 'rate_limit_exceeded');

    $zero = stream_request('stream_error=0;stream_error_code=content_filtered;stream_error_type=content_filter_error');
    $lines = stream_lines($zero);
    same(count($lines), 1, 'lines with stream_error=0');
    expect_stream_error($lines[0], $zero, 'content_filter_error', 'content_filtered');

    $late = sse_events(stream_request('stream_error=99', true));
    same(count($late), 5, 'SSE events with N past the last chunk');
    same(chunk_texts(array_slice($late, 0, 4)), $texts, 'all chunks before the late error');
    truthy(str_starts_with($late[4], "event: error\ndata: {") && !str_contains(implode("\n", $late), '[DONE]'), 'error instead of [DONE]');

    $first = stream_lines(stream_request('id=serr-1;times=1;stream_error=3'));
    $second = stream_lines(stream_request('id=serr-1;times=1;stream_error=3'));
    same([count($first), json_decode($first[3], true)['error']['code'] ?? null], [4, 'stream_interrupted'], 'first request');
    same(chunk_texts($second), $texts, 'second request served normally');

    // after validation and authentication; other endpoints ignore stream faults
    expect_error(http('POST', '/v1/generate/stream', $full + fault('stream_error=0'), ['prompt' => '']),
        400, 'invalid_request_error', 'invalid_parameters', ['param' => 'prompt']);
    expect_error(http('POST', '/v1/generate/stream', bearer(WPLLM_TEST_KEY_READONLY) + fault('stream_drop=0'), ['prompt' => 'hello']),
        403, 'permission_error', 'insufficient_permissions', ['required' => 'generate']);
    $plain = http('POST', '/v1/generate', $full + fault('stream_error=0;stream_stall=0:5'), ['prompt' => 'hello', 'max_tokens' => 20]);
    same([$plain['status'], $plain['json']['choices'][0]['text'] ?? null], [200, implode('', $texts)], 'generate ignores stream faults');
});

check('fault stream_garbage: N chunks, a line that is not JSON, one more chunk, then the end', static function (): void {
    $texts = reference_texts();
    $lines = stream_lines(stream_request('stream_garbage=1', false, 10));
    same(count($lines), 3, 'lines');
    truthy(str_starts_with($lines[1], '{"id": "gen_') && json_decode($lines[1]) === null, 'garbage line: ' . json_encode($lines[1], JSON_INVALID_UTF8_SUBSTITUTE));
    same(chunk_texts([$lines[0], $lines[2]]), [$texts[0], $texts[1]], 'chunks around the garbage');
    $events = sse_events(stream_request('stream_garbage=2', true));
    same(count($events), 4, 'SSE events');
    truthy(str_starts_with($events[2], 'data: {"id": "gen_') && json_decode(substr($events[2], 6)) === null, 'SSE garbage event');
    same(chunk_texts([$events[0], $events[1], $events[3]]), array_slice($texts, 0, 3), 'SSE chunks around the garbage');
});

check('fault stream_huge: N chunks, then one complete 1.5 MiB JSON line and its newline, then the end', static function (): void {
    $texts = reference_texts();
    $r = stream_request('stream_huge=1');
    $lines = stream_lines($r);
    same(count($lines), 2, 'lines');
    same(chunk_texts([$lines[0]]), [$texts[0]], 'chunk before the huge line');
    same(strlen($lines[1]), 1536 * 1024, 'huge line bytes without its newline');
    same(strlen($r['body']), strlen($lines[0]) + 1 + 1536 * 1024 + 1, 'body bytes');
    $huge = json_decode($lines[1], true, 16, JSON_THROW_ON_ERROR);
    $text = $huge['choices'][0]['delta']['text'];
    same([$huge['object'], $huge['id'], $huge['choices'][0]['finish_reason']], ['text_completion.chunk', json_decode($lines[0], true)['id'], null], 'huge chunk');
    truthy(strlen($text) > 1536 * 1024 - 300 && strspn($text, 'x') === strlen($text), 'huge text is ' . strlen($text) . ' bytes of x');
    truthy(count($r['fragments']) >= 24, 'arrived in ' . count($r['fragments']) . ' reads');
    $events = sse_events(stream_request('stream_huge=0', true));
    same([count($events), strlen($events[0])], [1, strlen('data: ') + 1536 * 1024], 'SSE: one huge event');
    same(json_decode(substr($events[0], 6), true, 16, JSON_THROW_ON_ERROR)['choices'][0]['finish_reason'], null, 'SSE huge chunk');
});

check('fault stream_stall: the chunk after N waits S seconds more, the stream goes on; with pace, [DONE] and stream_error', static function (): void {
    $texts = reference_texts();
    $r = stream_request('stream_stall=1:0.5', false, 10);
    same(chunk_texts(stream_lines($r)), $texts, 'complete stream');
    $t = arrival_times($r['fragments'], "\n");
    truthy($t[0] < 0.45 && $t[1] - $t[0] >= 0.5, sprintf('chunks at %.3f and %.3f s', $t[0], $t[1]));
    $sse = stream_request('stream_stall=4:0.3', true, 10);
    $events = sse_events($sse);
    same([count($events), $events[4]], [5, 'data: [DONE]'], 'SSE: every chunk, then [DONE]');
    $t = arrival_times($sse['fragments'], "\n\n");
    truthy($t[4] - $t[3] >= 0.3 && $t[3] - $t[0] >= 3 * 0.010 * 0.8, sprintf('SSE events at %s', json_encode($t)));
    $both = stream_request('stream_stall=1:0.3;stream_error=2');
    $lines = stream_lines($both);
    same([count($lines), chunk_texts(array_slice($lines, 0, 2))], [3, array_slice($texts, 0, 2)], 'stall, then the error');
    expect_stream_error($lines[2], $both, 'server_error', 'stream_interrupted');
    $t = arrival_times($both['fragments'], "\n");
    truthy($t[1] - $t[0] >= 0.3, sprintf('stall of %.3f s', $t[1] - $t[0]));
});

check('fault stream_drop: N chunks, then the connection is reset (no last chunk, no [DONE]); times', static function (): void {
    $texts = reference_texts();
    $r = stream_request('id=sdrop-1;times=1;stream_drop=2', false, 10, 1.0);
    $lines = stream_lines($r);
    same(chunk_texts($lines), array_slice($texts, 0, 2), 'chunks before the drop');
    same(json_decode($lines[1], true)['choices'][0]['finish_reason'], null, 'no finish_reason');
    truthy(in_array($r['reset'], [SOCKET_EPIPE, SOCKET_ECONNRESET], true), 'socket error after the drop: ' . $r['reset']);
    $served = stream_request('id=sdrop-1;times=1;stream_drop=2', false, 0, 0.2);
    same([chunk_texts(stream_lines($served)), $served['reset']], [$texts, 0], 'served, and closed cleanly, on the second request');
    $sse = stream_request('stream_drop=0', true);
    same([$sse['status'], $sse['headers']['content-type'] ?? null, $sse['body']], [200, 'text/event-stream', ''], 'SSE: headers only');
    same(chunk_texts(sse_events(stream_request('stream_drop=3', true))), array_slice($texts, 0, 3), 'SSE chunks before the drop');
});

check('fault stream_endless: empty chunks at the pace past the normal ones until the client closes, then the worker is free', static function (): void {
    $texts = reference_texts();
    $dir = sys_get_temp_dir() . '/wpllm-selftest-' . bin2hex(random_bytes(6));
    $handle = wpllm_emulator_launch($dir, true, 1);
    try {
        $body = json_encode(['prompt' => 'hello', 'max_tokens' => 20], JSON_THROW_ON_ERROR);
        $socket = http_send($handle['url'], 'POST', '/v1/generate/stream',
            bearer(WPLLM_TEST_KEY_FULL) + fault('stream_endless=1') + ['X-Emulator-Pace-Ms' => '20'], $body);
        stream_set_timeout($socket, 3);
        $status = fgets($socket);
        while (($line = fgets($socket)) !== false && $line !== "\r\n") {
        }
        $lines = [];
        $times = [];
        while (count($lines) < 4 + 25 && ($line = fgets($socket)) !== false) {
            $lines[] = $line;
            $times[] = microtime(true);
        }
        fclose($socket);
        truthy(str_starts_with((string) $status, 'HTTP/1.1 200 '), 'status line ' . $status);
        same(count($lines), 29, 'lines read');
        truthy(array_filter($lines, static fn (string $l): bool => !str_ends_with($l, "}\n")) === [], 'every line a complete JSON line');
        same(chunk_texts(array_map('rtrim', array_slice($lines, 0, 4))), $texts, 'the normal chunks');
        $chunks = array_map(static fn (string $l): array => json_decode($l, true, 16, JSON_THROW_ON_ERROR), $lines);
        same(count(array_unique(array_column($chunks, 'id'))), 1, 'one id');
        $extra = array_map(static fn (array $c): array => $c['choices'], array_slice($chunks, 4));
        same(array_unique($extra, SORT_REGULAR), [[['index' => 0, 'delta' => ['text' => ''], 'finish_reason' => null]]], 'the endless chunks');
        truthy($times[28] - $times[4] >= 24 * 0.020 * 0.8, sprintf('25 endless chunks in %.3f s at a 20 ms pace', $times[28] - $times[4]));
        // the single php -S process serves nothing else until the endless stream stops
        $closedAt = microtime(true);
        $health = http_send($handle['url'], 'GET', '/v1/health');
        stream_set_timeout($health, 3);
        $r = http_read($health, $closedAt);
        same($r['status'], 200, 'health after closing the endless stream');
        truthy(microtime(true) - $closedAt < 2.0, sprintf('health answered %.3f s after the close', microtime(true) - $closedAt));
        same(array_values(preg_grep('/PHP (?:Fatal|Parse|Warning|Notice|Deprecated)|wpllm emulator:/', file($handle['log']))), [], 'log lines');
    } finally {
        wpllm_emulator_stop($handle);
        wpllm_test_remove_dir($dir);
    }
});

check('fault stream_* header errors -> 400 invalid_fault', static function (): void {
    $specs = ['stream_error=-1', 'stream_error=x', 'stream_error=1000001', 'stream_huge=', 'stream_stall=1', 'stream_stall=1:300.5',
        'stream_stall=a:1', 'stream_stall=1:.5', 'stream_endless=2', 'stream_endless=0', 'stream_error=1;stream_drop=1',
        'stream_garbage=1;stream_endless=1', 'stream_error_code=x', 'stream_error_type=server_error;stream_drop=1',
        'stream_error=1;stream_error_code=Bad-Code', 'stream_error=1;stream_error_type=', 'stream_error=1;status=503',
        'stream_stall=0:1;drop=mid_body', 'stream_huge=1;garbage=1', 'stream_drop=1;stream_drop=2'];
    foreach ($specs as $spec) {
        $r = http('POST', '/v1/generate/stream', fault($spec), ['prompt' => 'hello']);
        try {
            expect_error($r, 400, 'invalid_request_error', 'invalid_fault');
        } catch (CheckFailed $e) {
            throw new CheckFailed($spec . ': ' . $e->getMessage());
        }
    }
    $combined = stream_request('id=combo;times=2;retry_after=3;stall=0.05;stream_stall=0:0.01;stream_error=4');
    same([count(stream_lines($combined)), $combined['headers']['retry-after'] ?? null], [5, '3'], 'a valid combination');
});

check('reset: clears recordings, fault counters and rate windows', static function (): void {
    same(http('POST', '/__emulator/reset')['json'], ['reset' => true], 'reset');
    global $url;
    same(wpllm_test_requests($url, 'retry-1'), [], 'recordings');
    same(http('GET', '/v1/models', bearer(WPLLM_TEST_KEY_LIMITED))['headers']['x-ratelimit-remaining'], '2', 'rate window');
    same(http('GET', '/v1/health', fault('id=drop-1;status=500;times=1'))['status'], 500, 'fault counter');
});

check('without test mode: fault headers ignored, /__emulator is 404', static function (): void {
    global $url;
    $dir = sys_get_temp_dir() . '/wpllm-selftest-' . bin2hex(random_bytes(6));
    $handle = wpllm_emulator_launch($dir, false, 1);
    $testUrl = $url;
    try {
        $url = $handle['url'];
        same(http('GET', '/v1/health', fault('status=503'))['status'], 200, 'fault ignored');
        expect_error(http('GET', '/__emulator/requests?id=x'), 404, 'not_found_error', 'not_found');
    } finally {
        $url = $testUrl;
        wpllm_emulator_stop($handle);
        wpllm_test_remove_dir($dir);
    }
});

check('phpt use under php -n: wpllm_test_server() serves, and is stopped and removed when the test ends', static function (): void {
    $pattern = sys_get_temp_dir() . '/wpllm-test-*';
    $before = glob($pattern);
    $code = 'require ' . var_export(__DIR__ . '/server.inc', true) . '; $url = wpllm_test_server(); echo $url, "\n",'
        . ' file_get_contents($url . "/v1/health"), "\n", json_encode(wpllm_test_requests($url, "none")), "\n";';
    exec(escapeshellarg(PHP_BINARY) . ' -n -r ' . escapeshellarg($code) . ' 2>&1', $output, $status);
    same($status, 0, 'exit status, output ' . implode(' | ', $output));
    truthy(str_contains($output[1] ?? '', '"status":"ok"'), 'health: ' . ($output[1] ?? ''));
    same($output[2] ?? null, '[]', 'recorded requests');
    truthy(@stream_socket_client('tcp://' . substr($output[0], strlen('http://')), $errno, $error, 1) === false, 'server still answers');
    same(glob($pattern), $before, 'state directories');
});

check('server log: no PHP errors, warnings or emulator failures', static function () use ($server): void {
    $problems = preg_grep('/PHP (?:Fatal|Parse|Warning|Notice|Deprecated)|wpllm emulator:|drop_socket:/', file($server['log']));
    same(array_values($problems), [], 'log lines');
});

printf("selftest took %.1f s\n%d passed, %d failed\n", microtime(true) - $started, $tally['passed'], $tally['failed']);
exit($tally['failed'] === 0 ? 0 : 1);
