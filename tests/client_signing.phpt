--TEST--
Client: signing_secret signs every attempt (X-Timestamp, X-Signature), checked with PHP's own hash_hmac
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/server/server.inc';
$url = wpllm_test_server();
$secret = 'whsec_' . bin2hex(random_bytes(16));
$c = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url, 'signing_secret' => $secret, 'max_retries' => 1]);

$before = (int) floor(microtime(true) * 1000);
$r = $c->generate(['prompt' => 'a settings page for my plugin', 'note' => "ünïcödé / \"quotes\""],
    ['headers' => ['X-Emulator-Fault' => 'status=503;times=1;id=sign1']]);
$after = (int) ceil(microtime(true) * 1000);
echo $c->getLastResponse()['attempts'], " attempts\n";

$reqs = wpllm_test_requests($url, 'sign1');
echo count($reqs), " recorded\n";
foreach ($reqs as $i => $req) {
    $h = $req['headers'];
    $ts = $h['x-timestamp'];
    echo "attempt $i: ", preg_match('/^\d{13}$/', $ts) && $ts >= $before && $ts <= $after ? 'timestamp in range' : "timestamp $ts",
        ', ', hash_equals(hash_hmac('sha256', $ts . $req['body'], $secret), $h['x-signature']) ? 'signature verifies' : 'BAD signature',
        ', ', preg_match('/^[0-9a-f]{64}$/', $h['x-signature']) ? 'lowercase hex' : 'not hex', "\n";
}
echo $reqs[0]['headers']['x-signature'] !== $reqs[1]['headers']['x-signature'] ? "re-signed per attempt\n" : "same signature\n";
echo $reqs[0]['headers']['idempotency-key'] === $reqs[1]['headers']['idempotency-key'] ? "same idempotency key\n" : "key changed\n";
echo $reqs[0]['headers']['x-request-id'] === $reqs[1]['headers']['x-request-id'] ? "same request id\n" : "request id changed\n";
echo $reqs[0]['body'] === $reqs[1]['body'] ? "same body bytes\n" : "body changed\n";
echo json_decode($reqs[0]['body'], true)['note'], "\n";

// a GET is signed over the empty body
$c->models(['headers' => ['X-Emulator-Fault' => 'id=sign2']]);
$g = wpllm_test_requests($url, 'sign2')[0];
echo $g['body'] === '' && hash_equals(hash_hmac('sha256', $g['headers']['x-timestamp'], $secret), $g['headers']['x-signature'])
    ? "GET signed over the empty body\n" : "GET signature wrong\n";

// without a secret: no signature headers
$plain = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url]);
$plain->models(['headers' => ['X-Emulator-Fault' => 'id=sign3']]);
$p = wpllm_test_requests($url, 'sign3')[0]['headers'];
echo isset($p['x-signature']) || isset($p['x-timestamp']) ? "unexpected signature\n" : "unsigned\n";
?>
--EXPECT--
2 attempts
2 recorded
attempt 0: timestamp in range, signature verifies, lowercase hex
attempt 1: timestamp in range, signature verifies, lowercase hex
re-signed per attempt
same idempotency key
same request id
same body bytes
ünïcödé / "quotes"
GET signed over the empty body
unsigned
