--TEST--
Signature: sign() matches hash_hmac; verify() checks the window, the bytes and the form; the emulator enforces signed keys
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/server/server.inc';
use WPLLM\Signature;

$s = Signature::sign('whsec_x', '{"a":1}', 1700000000123);
var_dump($s);
echo hash_hmac('sha256', '1700000000123{"a":1}', 'whsec_x') === $s['X-Signature'] ? "matches hash_hmac\n" : "differs\n";
$now = Signature::sign('whsec_x', 'payload');
echo abs((int) $now['X-Timestamp'] - (int) (microtime(true) * 1000)) < 2000 ? "timestamp is now in ms\n" : "timestamp wrong\n";
$ts = (string) (int) (microtime(true) * 1000);
$sig = hash_hmac('sha256', $ts . 'payload', 'whsec_x');
var_dump(
    Signature::verify('whsec_x', 'payload', $ts, $sig),
    Signature::verify('whsec_x', 'payload', $ts, strtoupper($sig)),
    Signature::verify('whsec_x', 'payload!', $ts, $sig),
    Signature::verify('whsec_y', 'payload', $ts, $sig),
    Signature::verify('whsec_x', 'payload', (string) ($ts + 1), $sig),
    Signature::verify('whsec_x', 'payload', '0' . $ts, hash_hmac('sha256', '0' . $ts . 'payload', 'whsec_x')),
    Signature::verify('whsec_x', 'payload', ' ' . $ts, $sig),
    Signature::verify('whsec_x', 'payload', $ts, substr($sig, 0, 63)),
    Signature::verify('whsec_x', 'payload', $ts, $sig . '0'),
    Signature::verify('whsec_x', 'payload', '99999999999999999999999', $sig)
);
$old = (string) ((int) $ts - 301000);
var_dump(Signature::verify('whsec_x', 'p', $old, hash_hmac('sha256', $old . 'p', 'whsec_x')));
var_dump(Signature::verify('whsec_x', 'p', $old, hash_hmac('sha256', $old . 'p', 'whsec_x'), 400));
$future = (string) ((int) $ts + 301000);
var_dump(Signature::verify('whsec_x', 'p', $future, hash_hmac('sha256', $future . 'p', 'whsec_x')));
foreach ([fn() => Signature::sign('', 'b'), fn() => Signature::sign('s', 'b', -1), fn() => Signature::verify('', 'b', '1', 'x'),
    fn() => Signature::verify('s', 'b', '1', 'x', -1)] as $f) {
    try {
        $f();
    } catch (ValueError $e) {
        echo $e->getMessage(), "\n";
    }
}

echo "-- a key that requires signed requests\n";
$url = wpllm_test_server();
$signed = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_SIGNED, 'base_url' => $url, 'signing_secret' => WPLLM_TEST_SIGNING_SECRET]);
echo $signed->generate(['prompt' => 'a settings page'])['object'], "\n";
echo count($signed->models()['data']), " models\n";
$unsigned = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_SIGNED, 'base_url' => $url, 'max_retries' => 0]);
try {
    $unsigned->models();
} catch (WPLLM\Exceptions\AuthenticationException $e) {
    echo 'unsigned: ', $e->getErrorCode(), ': ', $e->getMessage(), "\n";
}
$wrong = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_SIGNED, 'base_url' => $url, 'signing_secret' => 'whsec_wrong', 'max_retries' => 0]);
try {
    $wrong->models();
} catch (WPLLM\Exceptions\AuthenticationException $e) {
    echo 'wrong secret: ', $e->getErrorCode(), "\n";
}
// a captured request replayed byte for byte is refused
$signed->models(['headers' => ['X-Emulator-Fault' => 'id=cap']]);
$cap = wpllm_test_requests($url, 'cap')[0]['headers'];
$ctx = stream_context_create(['http' => ['method' => 'GET', 'ignore_errors' => true, 'header' => implode("\r\n", [
    'Authorization: ' . $cap['authorization'], 'X-Timestamp: ' . $cap['x-timestamp'], 'X-Signature: ' . $cap['x-signature']])]]);
$body = file_get_contents($url . '/v1/models', false, $ctx);
echo 'replay: ', $http_response_header[0], ' ', json_decode($body, true)['error']['code'], "\n";
?>
--EXPECT--
array(2) {
  ["X-Timestamp"]=>
  string(13) "1700000000123"
  ["X-Signature"]=>
  string(64) "8809d8442317aee15d98c9184a1604ed3fcb00b37d6aaf7b35a7cbce751e55b7"
}
matches hash_hmac
timestamp is now in ms
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(true)
bool(false)
WPLLM\Signature::sign(): Argument #1 ($secret) must not be empty
WPLLM\Signature::sign(): Argument #3 ($timestampMs) must be greater than or equal to 0
WPLLM\Signature::verify(): Argument #1 ($secret) must not be empty
WPLLM\Signature::verify(): Argument #5 ($toleranceSeconds) must be between 0 and 31622400
-- a key that requires signed requests
text_completion
3 models
unsigned: invalid_signature: This key requires signed requests: send X-Timestamp and X-Signature.
wrong secret: invalid_signature
replay: HTTP/1.1 401 Unauthorized invalid_signature
