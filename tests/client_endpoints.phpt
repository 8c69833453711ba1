--TEST--
Client: analyze, models, model, health, testConnection, validateToken, request
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/server/server.inc';
$url = wpllm_test_server();
$c = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url]);

$code = <<<'PHP'
<?php
$id = $_GET['id'];
echo $id;
eval($code);
PHP;
$a = $c->analyze(['code' => $code, 'analysis_type' => 'security']);
echo $a['object'], ' ', $a['analysis_type'], ' ', $a['model'], "\n";
$lines = array_map(fn($i) => $i['line'], $a['issues']);
sort($lines);
echo 'issue lines: ', implode(',', array_unique($lines)), "\n";
echo is_int($a['score']) && $a['score'] >= 0 && $a['score'] < 100 ? "score below 100\n" : "score {$a['score']}\n";
$clean = $c->analyze(['code' => "<?php\necho esc_html( get_bloginfo( 'name' ) );\n"]);
echo count($clean['issues']), " issues in clean code\n";
try {
    $c->analyze(['analysis_type' => 'security']);
} catch (WPLLM\Exceptions\InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}

$m = $c->models();
echo $m['object'], ': ', implode(', ', array_column($m['data'], 'id')), "\n";
$one = $c->model('wp-llm-7b');
echo $one['id'], ' ', $one['context_length'], "\n";
try {
    $c->model('no-such-model');
} catch (WPLLM\Exceptions\NotFoundException $e) {
    echo get_class($e), ' ', $e->getErrorCode(), "\n";
}
try {
    $c->model('../v1/health');
} catch (WPLLM\Exceptions\NotFoundException $e) {
    echo "encoded id: ", $e->getErrorCode(), "\n";
}
try {
    $c->model('');
} catch (WPLLM\Exceptions\InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}

$h = $c->health();
echo $h['status'], ' ', $h['version'], "\n";
var_dump($c->testConnection(), $c->getLastError());
$down = new WPLLM\Client(['api_key' => 'k', 'base_url' => 'http://127.0.0.1:1', 'max_retries' => 0]);
var_dump($down->testConnection());
echo get_class($down->getLastError()), ' ', $down->getLastError()->getErrorCode(), ' ', $down->getLastError()->getHttpStatus(), "\n";

$v = $c->validateToken();
echo json_encode([$v['valid'], $v['key_id'], $v['permissions']]), "\n";

// the generic request
$r = $c->request('GET', '/v1/models/wp-llm-13b');
echo $r['id'], "\n";
$r = $c->request('post', '/v1/generate', ['prompt' => 'a gutenberg block for testimonials', 'model' => 'wp-llm-13b']);
echo str_contains($r['choices'][0]['text'], 'register_block_type') ? "block\n" : "no block\n";
$c->request('GET', '/v1/models', null, ['limit' => 5, 'q' => 'a b&c', 'flag' => true, 'skip' => null]);
$reqs = wpllm_test_requests($url);
echo end($reqs)['query'], "\n";
foreach ([['FETCH', '/v1/models'], ['GET', 'v1/models'], ['GET', '/v1/models?x=1'], ['GET', "/v1/\r\nmodels"],
    ['GET', '/v1/../admin'], ['GET', '/v1/%2e%2E/admin'], ['GET', "/v1/a\0b"]] as [$method, $path]) {
    try {
        $c->request($method, $path);
    } catch (WPLLM\Exceptions\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
try {
    $c->request('GET', '/v1/models', null, ['a' => ['nested']]);
} catch (WPLLM\Exceptions\InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}
try {
    $c->request('GET', '/v1/nothing-here');
} catch (WPLLM\Exceptions\NotFoundException $e) {
    echo $e->getErrorCode(), "\n";
}
try {
    $c->request('DELETE', '/v1/models');
} catch (WPLLM\Exceptions\WPLLMException $e) {
    echo get_class($e), ' ', $e->getCode(), ' ', $e->getErrorCode(), ' ', $e->getHeaders()['allow'] ?? '-', "\n";
}
?>
--EXPECT--
analysis security wp-llm-13b
issue lines: 2,3,4
score below 100
0 issues in clean code
analyze(): "code" is required
list: wp-llm-13b, wp-llm-7b, wp-llm-34b-code
wp-llm-7b 4096
WPLLM\Exceptions\NotFoundException model_not_found
encoded id: model_not_found
model(): the model id must not be empty
ok emulator-1.0.0
bool(true)
NULL
bool(false)
WPLLM\Exceptions\ConnectionException connection_failed 0
[true,"key_full",["read","generate","analyze","keys"]]
wp-llm-13b
block
limit=5&q=a%20b%26c&flag=true
request(): the method must be GET, POST, PUT, PATCH or DELETE
request(): the path must start with '/'
request(): the path has a character that must be percent-encoded (byte 0x3f at offset 10); pass query parameters separately
request(): the path has a character that must be percent-encoded (byte 0x0d at offset 4); pass query parameters separately
request(): the path must not contain a '..' segment
request(): the path must not contain a '..' segment
request(): the path has a character that must be percent-encoded (byte 0x00 at offset 5); pass query parameters separately
request(): query parameter "a" must be a scalar, array given
not_found
WPLLM\Exceptions\WPLLMException 405 method_not_allowed GET
