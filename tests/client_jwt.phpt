--TEST--
Client: the jwt option end to end: minted (HS256, RS256, ES256) and re-minted tokens, given tokens, permissions, expiry
--EXTENSIONS--
wpllm
--ENV--
WP_LLM_API_KEY=
--FILE--
<?php
require __DIR__ . '/server/server.inc';
use WPLLM\Client;

$url = wpllm_test_server();
$payload = fn(string $jwt) => json_decode(base64_decode(strtr(explode('.', $jwt)[1], '-_', '+/')), true);
$bearer = fn(array $req) => substr($req['headers']['authorization'], 7);

$mint = fn(array $jwt, array $extra = []) => new Client(['base_url' => $url, 'jwt' => $jwt] + $extra);
$claims = ['user_id' => 'editor-7', 'permissions' => ['read', 'generate']];

$c = $mint(['secret' => WPLLM_TEST_JWT_SECRET, 'claims' => $claims, 'iss' => 'https://idp.example.test']);
$v = $c->validateToken();
echo "HS256: {$v['auth']} {$v['user_id']} ", implode(',', $v['permissions']), ' ', $v['expires_at'] - time() >= 3590 ? 'exp in ~1h' : 'exp wrong', "\n";
echo substr($c->generate(['prompt' => 'a shortcode'])['choices'][0]['text'], 0, 5), "\n";
foreach (['RS256' => 'rsa', 'RS512' => 'rsa', 'ES256' => 'ec256', 'ES384' => 'ec384'] as $alg => $f) {
    $k = $mint(['private_key' => file_get_contents(WPLLM_TEST_FIXTURES . "/$f-private.pem"), 'alg' => $alg, 'claims' => $claims, 'ttl' => 120]);
    $v = $k->validateToken();
    echo "$alg: {$v['auth']} {$v['user_id']} ttl ", $v['expires_at'] - time() <= 120 && $v['expires_at'] - time() >= 115 ? '120' : 'wrong', "\n";
}
// the permissions claim is enforced by the service
$reader = $mint(['secret' => WPLLM_TEST_JWT_SECRET, 'claims' => ['user_id' => 3, 'permissions' => ['read']]]);
try {
    $reader->generate(['prompt' => 'x']);
} catch (WPLLM\Exceptions\PermissionException $e) {
    echo get_class($e), ' ', $e->getErrorCode(), "\n";
}
// a secret the service does not know
$wrong = $mint(['secret' => str_repeat('w', 32), 'claims' => $claims]);
try {
    $wrong->models();
} catch (WPLLM\Exceptions\AuthenticationException $e) {
    echo 'unknown secret: ', $e->getErrorCode(), "\n";
}

// re-minted per attempt when the token is about to expire: ttl 2 s, the first attempt answered 503 + Retry-After 1.5
$short = $mint(['secret' => WPLLM_TEST_JWT_SECRET, 'claims' => $claims, 'ttl' => 2]);
$short->models(['headers' => ['X-Emulator-Fault' => 'status=503;retry_after=1.5;times=1;id=remint']]);
[$r1, $r2] = wpllm_test_requests($url, 'remint');
$p1 = $payload($bearer($r1));
$p2 = $payload($bearer($r2));
echo 'attempts ', $short->getLastResponse()['attempts'], ', ', $bearer($r1) !== $bearer($r2) ? 're-minted' : 'same token',
    ', ttl ', $p1['exp'] - $p1['iat'], ', second iat later: ', var_export($p2['iat'] > $p1['iat'], true), "\n";
// and kept while it is fresh
$c->models(['headers' => ['X-Emulator-Fault' => 'id=keep']]);
$c->models(['headers' => ['X-Emulator-Fault' => 'id=keep']]);
[$k1, $k2] = wpllm_test_requests($url, 'keep');
echo $bearer($k1) === $bearer($k2) ? "fresh token reused\n" : "minted again\n";

// a given token: sent as is; expired ones never leave the client
$given = wpllm_jose('sign', 'HS256', WPLLM_TEST_FIXTURES . '/hs-secret.txt',
    json_encode(['user_id' => 'jose-user', 'permissions' => ['read'], 'exp' => time() + 300]))['out'];
$g = new Client(['base_url' => $url, 'jwt' => $given]);
echo 'given token: ', $g->validateToken()['user_id'], "\n";
$old = wpllm_jose('sign', 'HS256', WPLLM_TEST_FIXTURES . '/hs-secret.txt',
    json_encode(['user_id' => 'jose-user', 'permissions' => ['read'], 'exp' => time() - 5]))['out'];
$e = new Client(['base_url' => $url, 'jwt' => $old]);
$before = count(wpllm_test_requests($url));
try {
    $e->models();
} catch (WPLLM\Exceptions\AuthenticationException $ex) {
    echo 'expired given token: ', $ex->getErrorCode(), ', requests sent: ', count(wpllm_test_requests($url)) - $before, "\n";
}
// secrets stay hidden
$dump = print_r($c, true) . print_r($g, true) . json_encode($c);
echo str_contains($dump, WPLLM_TEST_JWT_SECRET) || str_contains($dump, $given) ? "LEAK\n" : "jwt secrets redacted\n";
echo json_encode(((array) $c)['jwt']), "\n";

echo "-- bad jwt options\n";
foreach ([
    ['jwt' => 'not-a-token'],
    ['jwt' => 42],
    ['jwt' => ['claims' => $claims]],
    ['jwt' => ['secret' => WPLLM_TEST_JWT_SECRET, 'private_key' => 'x', 'claims' => $claims]],
    ['jwt' => ['secret' => 'short', 'claims' => $claims]],
    ['jwt' => ['secret' => WPLLM_TEST_JWT_SECRET]],
    ['jwt' => ['secret' => WPLLM_TEST_JWT_SECRET, 'claims' => ['permissions' => []]]],
    ['jwt' => ['secret' => WPLLM_TEST_JWT_SECRET, 'claims' => ['user_id' => 'u', 'permissions' => 'read']]],
    ['jwt' => ['secret' => WPLLM_TEST_JWT_SECRET, 'claims' => ['user_id' => 'u', 'permissions' => [1]]]],
    ['jwt' => ['secret' => WPLLM_TEST_JWT_SECRET, 'alg' => 'RS256', 'claims' => $claims]],
    ['jwt' => ['secret' => WPLLM_TEST_JWT_SECRET, 'alg' => 'none', 'claims' => $claims]],
    ['jwt' => ['secret' => WPLLM_TEST_JWT_SECRET, 'claims' => $claims, 'ttl' => 0]],
    ['jwt' => ['secret' => WPLLM_TEST_JWT_SECRET, 'claims' => $claims, 'refresh' => true]],
    ['jwt' => ['private_key' => 'not a pem', 'claims' => $claims]],
    ['jwt' => $given, 'api_key' => 'k'],
] as $opts) {
    try {
        new Client($opts + ['base_url' => $url]);
        echo "accepted\n";
    } catch (WPLLM\Exceptions\InvalidArgumentException $ex) {
        echo $ex->getMessage(), "\n";
    }
}
?>
--EXPECTF--
HS256: jwt editor-7 read,generate exp in ~1h
<?php
RS256: jwt editor-7 ttl 120
RS512: jwt editor-7 ttl 120
ES256: jwt editor-7 ttl 120
ES384: jwt editor-7 ttl 120
WPLLM\Exceptions\PermissionException insufficient_permissions
unknown secret: invalid_token
attempts 2, re-minted, ttl 2, second iat later: true
fresh token reused
given token: jose-user
expired given token: expired_token, requests sent: 0
jwt secrets redacted
{"alg":"HS256","key":"[redacted]","claims":{"user_id":"editor-7","permissions":["read","generate"]},"ttl":3600,"leeway":60,"iss":"https:\/\/idp.example.test"}
-- bad jwt options
Option "jwt": the token is not a well-formed JWT (three base64url segments with a JSON payload)
Option "jwt" must be a token string or an array to mint tokens with, int given
Option "jwt" needs exactly one of "secret" (HS256/384/512) or "private_key" (RS256/384/512, ES256/384)
Option "jwt" needs exactly one of "secret" (HS256/384/512) or "private_key" (RS256/384/512, ES256/384)
Option "jwt": HS256 needs a key of at least 32 bytes (RFC 7518 section 3.2), 5 given
Option "jwt.claims" is required: an array with "user_id" and "permissions"
Option "jwt.claims" needs "user_id" (a non-empty string or an int)
Option "jwt.claims" needs "permissions" (a list of strings)
Option "jwt.claims": "permissions" must be a list of strings
Option "jwt": RS256 needs "private_key", not "secret"
Option "jwt.alg" must be one of HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384
Option "jwt.ttl" must be between 1 and 86400, 0 given
Unknown jwt option "refresh"; allowed: secret, private_key, alg, claims, ttl, iss, leeway
Option "jwt": The key is not a PEM-encoded key
Options "api_key" and "jwt" are exclusive: give one credential
