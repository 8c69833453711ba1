--TEST--
Client::generate(): WordPress code from the emulator, decoded into arrays, and valid PHP
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/server/server.inc';
$url = wpllm_test_server();
$c = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url]);

$r = $c->generate(['prompt' => 'Create a custom post type for books', 'max_tokens' => 2000, 'temperature' => 0.2]);
echo preg_match('/^gen_[0-9a-f]+$/', $r['id']) ? "id ok\n" : "bad id {$r['id']}\n";
echo $r['object'], ' ', $r['model'], ' ', count($r['choices']), ' ', $r['choices'][0]['finish_reason'], "\n";
$text = $r['choices'][0]['text'];
echo str_starts_with($text, '<?php') ? "php code\n" : "not php\n";
echo str_contains($text, "register_post_type( 'book'") || str_contains($text, "register_post_type('book'") ? "registers the book post type\n" : "no book post type:\n$text\n";
$u = $r['usage'];
echo $u['prompt_tokens'] === (int) ceil(strlen('Create a custom post type for books') / 4) ? "prompt tokens ok\n" : "prompt tokens {$u['prompt_tokens']}\n";
echo $u['completion_tokens'] === (int) ceil(strlen($text) / 4) ? "completion tokens ok\n" : "completion tokens {$u['completion_tokens']}\n";
echo $u['total_tokens'] === $u['prompt_tokens'] + $u['completion_tokens'] ? "total ok\n" : "total wrong\n";

// the same prompt gives the same code; the model option is sent
$again = $c->generate(['prompt' => 'Create a custom post type for books', 'max_tokens' => 2000, 'temperature' => 0.2]);
echo $again['choices'][0]['text'] === $text ? "deterministic\n" : "differs\n";
$r7 = $c->generate(['prompt' => 'Register a REST API endpoint for recent orders', 'model' => 'wp-llm-7b']);
echo $r7['model'], ' ', str_contains($r7['choices'][0]['text'], 'register_rest_route') ? "rest route\n" : "no rest route\n";

// each generated file passes php -l
$php = getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY;
foreach ([$text, $r7['choices'][0]['text']] as $i => $code) {
    $f = tempnam(sys_get_temp_dir(), 'wpllm-lint');
    file_put_contents($f, $code);
    exec(escapeshellarg($php) . ' -n -l ' . escapeshellarg($f) . ' 2>&1', $out, $rc);
    echo "lint $i: ", $rc === 0 ? "ok" : "failed " . implode("\n", $out), "\n";
    unlink($f);
}

// arguments are checked before any request
foreach ([[], ['prompt' => ''], ['prompt' => 42], ['prompt' => null], ['max_tokens' => 5]] as $p) {
    try {
        $c->generate($p);
    } catch (WPLLM\Exceptions\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
try {
    $c->generate(['prompt' => "bad utf-8 \xff"]);
} catch (WPLLM\Exceptions\InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}
echo count(wpllm_test_requests($url)), " requests reached the server\n";
?>
--EXPECT--
id ok
text_completion wp-llm-13b 1 stop
php code
registers the book post type
prompt tokens ok
completion tokens ok
total ok
deterministic
wp-llm-7b rest route
lint 0: ok
lint 1: ok
generate(): "prompt" is required
generate(): "prompt" must not be empty
generate(): "prompt" must be a string, int given
generate(): "prompt" must be a string, null given
generate(): "prompt" is required
The request body cannot be encoded as JSON: a string is not valid UTF-8
3 requests reached the server
