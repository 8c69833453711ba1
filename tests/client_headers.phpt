--TEST--
Client: the standard headers of every request, auth header styles, extra headers, idempotency keys
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/server/server.inc';
$url = wpllm_test_server();
$c = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url, 'user_agent' => 'my-plugin/2.0',
    'headers' => ['X-Site' => 'blog-7']]);
$c->generate(['prompt' => 'a shortcode that shows the date'], ['headers' => ['X-Trace' => 't-1'], 'idempotency_key' => 'fixed-key-1']);
$c->models();
$c->generate(['prompt' => 'a shortcode that shows the date']);

[$post, $get, $post2] = wpllm_test_requests($url);
$h = $post['headers'];
$uuid = '/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/';
echo $post['method'], ' ', $post['path'], "\n";
echo $h['content-type'], "\n", $h['accept'], "\n";
$ua = sprintf('wpllm-php/%s PHP/%s curl/%s my-plugin/2.0', phpversion('wpllm'), PHP_VERSION, preg_replace('/^.*curl\/(\S+).*$/', '$1', $h['user-agent']));
echo $h['user-agent'] === $ua ? "user agent ok\n" : "user agent: {$h['user-agent']}\n";
echo preg_match('/^wpllm-php\/[0-9.]+ PHP\/[0-9.]+ curl\/[0-9.]+ my-plugin\/2\.0$/', $h['user-agent']), "\n";
echo $h['authorization'] === 'Bearer ' . WPLLM_TEST_KEY_FULL ? "bearer\n" : "no bearer\n";
echo isset($h['x-api-key']) ? "x-api-key too\n" : "no x-api-key\n";
echo preg_match($uuid, $h['x-request-id']), " request id is a uuid\n";
echo $h['idempotency-key'], "\n";
echo $h['x-site'], ' ', $h['x-trace'], "\n";
echo isset($h['expect']) ? "expect sent\n" : "no expect\n";
$body = json_decode($post['body'], true);
echo json_encode($body), "\n";

echo $get['method'], ' ', $get['path'], "\n";
echo isset($get['headers']['idempotency-key']) ? "GET has an idempotency key\n" : "GET has none\n";
echo isset($get['headers']['x-trace']) ? "per-call header leaked into the next call\n" : "per-call header gone\n";
echo $get['headers']['x-site'], "\n";
echo $get['headers']['x-request-id'] !== $h['x-request-id'] ? "fresh request id\n" : "same request id\n";
echo preg_match($uuid, $post2['headers']['idempotency-key']), " generated idempotency key is a uuid\n";

$last = $c->getLastResponse();
echo preg_match('/^req_[0-9a-f]{24}$/', $last['request_id']), " request id from the server\n";

// X-API-Key style
$k = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url, 'auth_header' => 'x-api-key']);
$k->validateToken();
$all = wpllm_test_requests($url);
$v = end($all)['headers'];
echo $v['x-api-key'] === WPLLM_TEST_KEY_FULL ? "x-api-key\n" : "no x-api-key\n";
echo isset($v['authorization']) ? "authorization too\n" : "no authorization\n";

// per-call header checks
foreach ([['headers' => ['X-A' => "1\r\n2"]], ['headers' => ['Authorization' => 'x']], ['idempotency_key' => ''],
    ['idempotency_key' => "a\nb"], ['timeout' => -1], ['max_retries' => 20], ['retries' => 1], [5 => 1]] as $ro) {
    try {
        $c->models($ro);
        echo "accepted\n";
    } catch (WPLLM\Exceptions\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
echo count(wpllm_test_requests($url)), " requests\n";
?>
--EXPECT--
POST /v1/generate
application/json
application/json
user agent ok
1
bearer
no x-api-key
1 request id is a uuid
fixed-key-1
blog-7 t-1
no expect
{"prompt":"a shortcode that shows the date","model":"wp-llm-13b"}
GET /v1/models
GET has none
per-call header gone
blog-7
fresh request id
1 generated idempotency key is a uuid
1 request id from the server
x-api-key
no authorization
Request option "headers": the value of header "X-A" must not contain CR, LF, NUL or other control characters
Request option "headers": the header "Authorization" is set by the client and cannot be overridden
Request option "idempotency_key" must be a non-empty string of at most 255 printable characters
Request option "idempotency_key" must be a non-empty string of at most 255 printable characters
Option "timeout" must be greater than 0 and at most 86400 seconds, -1 given
Option "max_retries" must be between 0 and 10, 20 given
Unknown request option "retries" (argument #1); allowed: timeout, max_retries, headers, idempotency_key
Unknown request option "(integer key)" (argument #1); allowed: timeout, max_retries, headers, idempotency_key
4 requests
