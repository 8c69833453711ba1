--TEST--
Client: each setting resolves explicit option, then environment, then php.ini, then default
--EXTENSIONS--
wpllm
--ENV--
WP_LLM_BASE_URL=http://127.0.0.1:7001
WP_LLM_MODEL=wp-llm-7b
WP_LLM_TIMEOUT=1500
--INI--
wpllm.base_url=http://127.0.0.1:7002
wpllm.model=ini-model
wpllm.timeout=9.5
wpllm.max_retries=4
wpllm.persistent=0
wpllm.api_key=ini-secret-key
--FILE--
<?php
use WPLLM\Client;

$a = (array) new Client();
echo "env wins over ini: {$a['base_url']} {$a['model']} {$a['timeout']}\n";
echo "ini where no env: max_retries={$a['max_retries']} persistent=", var_export($a['persistent'], true), " api_key={$a['api_key']}\n";

$a = (array) new Client(['base_url' => 'http://127.0.0.1:7003', 'model' => 'explicit', 'timeout' => 3, 'max_retries' => 1, 'persistent' => true]);
echo "explicit wins: {$a['base_url']} {$a['model']} {$a['timeout']} {$a['max_retries']} ", var_export($a['persistent'], true), "\n";

putenv('WP_LLM_BASE_URL');
putenv('WP_LLM_MODEL');
putenv('WP_LLM_TIMEOUT');
$a = (array) new Client();
echo "ini when env is gone: {$a['base_url']} {$a['model']} {$a['timeout']}\n";

putenv('WP_LLM_TIMEOUT=abc');
try {
    new Client();
} catch (WPLLM\Exceptions\InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}
putenv('WP_LLM_TIMEOUT');
ini_set('wpllm.timeout', 'soon');
try {
    new Client();
} catch (WPLLM\Exceptions\InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}
var_dump(ini_set('wpllm.max_retries', '11'), ini_set('wpllm.max_retries', '1k'), ini_set('wpllm.max_retries', '0x3'),
    ini_set('wpllm.max_retries', '-1'), ini_get('wpllm.max_retries'));
var_dump(ini_set('wpllm.api_key', 'from-script'));
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
preg_match('/^wpllm\.api_key => (.*)$/m', $info, $m);
echo "phpinfo shows: {$m[1]}\n";
echo str_contains($info, 'ini-secret-key') ? "LEAK\n" : "no leak\n";
?>
--EXPECT--
env wins over ini: http://127.0.0.1:7001 wp-llm-7b 1.5
ini where no env: max_retries=4 persistent=false api_key=[redacted]
explicit wins: http://127.0.0.1:7003 explicit 3 1 true
ini when env is gone: http://127.0.0.1:7002 ini-model 9.5
Environment variable WP_LLM_TIMEOUT must be a whole number of milliseconds greater than 0, "abc" given
php.ini setting wpllm.timeout must be a number of seconds greater than 0, "soon" given
bool(false)
bool(false)
bool(false)
bool(false)
string(1) "4"
bool(false)
phpinfo shows: [redacted] => [redacted]
no leak
