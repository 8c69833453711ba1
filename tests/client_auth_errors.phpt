--TEST--
Client: the emulator verifies keys for real: missing, unknown, expired and read-only keys
--EXTENSIONS--
wpllm
--ENV--
WP_LLM_API_KEY=
--FILE--
<?php
require __DIR__ . '/server/server.inc';
$url = wpllm_test_server();

function show(callable $f): void
{
    try {
        $r = $f();
        echo "ok: ", json_encode($r), "\n";
    } catch (WPLLM\Exceptions\WPLLMException $e) {
        echo get_class($e), ' ', $e->getCode(), ' ', $e->getErrorCode(), ': ', $e->getMessage(), "\n";
    }
}
$none = new WPLLM\Client(['base_url' => $url]);
show(fn() => $none->health()['status']);
show(fn() => $none->models());
$bad = new WPLLM\Client(['api_key' => 'wpllm_test_wrong_0000000000000', 'base_url' => $url]);
show(fn() => $bad->models());
$expired = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_EXPIRED, 'base_url' => $url]);
show(fn() => $expired->validateToken());
$ro = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_READONLY, 'base_url' => $url]);
show(fn() => count($ro->models()['data']));
show(fn() => $ro->generate(['prompt' => 'a settings page']));
show(fn() => $ro->analyze(['code' => '<?php echo 1;']));
$v = $ro->validateToken();
echo $v['valid'] ? 'valid' : 'invalid', ' ', $v['key_id'], ' ', implode(',', $v['permissions']), "\n";
try {
    $ro->generate(['prompt' => 'x']);
} catch (WPLLM\Exceptions\PermissionException $e) {
    var_dump($e->getDetails());
}
// the key is not in any message
$full = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL . 'x', 'base_url' => $url]);
try {
    $full->models();
} catch (WPLLM\Exceptions\AuthenticationException $e) {
    echo str_contains($e->getMessage() . json_encode($e->getDetails()), WPLLM_TEST_KEY_FULL) ? "key leaked\n" : "key not echoed\n";
}
?>
--EXPECT--
ok: "ok"
WPLLM\Exceptions\AuthenticationException 401 missing_api_key: No API key provided. Send it as "Authorization: Bearer <key>" or "X-API-Key: <key>".
WPLLM\Exceptions\AuthenticationException 401 invalid_api_key: The API key is not valid.
WPLLM\Exceptions\AuthenticationException 401 expired_api_key: The API key has expired.
ok: 3
WPLLM\Exceptions\PermissionException 403 insufficient_permissions: The API key lacks the permission this call needs.
WPLLM\Exceptions\PermissionException 403 insufficient_permissions: The API key lacks the permission this call needs.
valid key_readonly read
array(1) {
  ["required"]=>
  string(8) "generate"
}
key not echoed
