--TEST--
Jwt: each classic attack and malformed input is its own AuthenticationException code; key rules; no secret in messages
--EXTENSIONS--
wpllm
--FILE--
<?php
use WPLLM\Jwt;

const WPLLM_FIXTURES = __DIR__ . '/fixtures/jwt';

$b64 = fn(string $s) => rtrim(strtr(base64_encode($s), '+/', '-_'), '=');
$secret = 'wpllm-test-secret-0123456789abcdef-0123456789';
$now = 1700000000;
$rsa = file_get_contents(WPLLM_FIXTURES . '/rsa-private.pem');
$rsaPub = file_get_contents(WPLLM_FIXTURES . '/rsa-public.pem');
$ecPub = file_get_contents(WPLLM_FIXTURES . '/ec256-public.pem');
$hs = fn(array $h, array $c, string $k = null) => ($x = $b64(json_encode($h)) . '.' . $b64(json_encode($c)))
    . '.' . $b64(hash_hmac('sha256', $x, $k ?? $secret, true));

function row(string $label, callable $f): void
{
    try {
        $r = $f();
        echo str_pad($label, 44), 'ok ', json_encode($r), "\n";
    } catch (WPLLM\Exceptions\AuthenticationException $e) {
        echo str_pad($label, 44), 'Authentication ', $e->getErrorCode(), "\n";
    } catch (WPLLM\Exceptions\InvalidArgumentException $e) {
        echo str_pad($label, 44), 'InvalidArgument: ', $e->getMessage(), "\n";
    }
}
$hsOpts = ['algorithms' => ['HS256'], 'time' => $now];
$good = $hs(['alg' => 'HS256', 'typ' => 'JWT'], ['sub' => 'u', 'exp' => $now + 10]);
row('valid HS256', fn() => Jwt::decode($good, $secret, $hsOpts));
row('alg none, unsigned', fn() => Jwt::decode($b64('{"alg":"none"}') . '.' . $b64('{"sub":"u"}') . '.', $secret, $hsOpts));
row('alg NONE, signed', fn() => Jwt::decode($hs(['alg' => 'NONE'], ['sub' => 'u']), $secret, $hsOpts));
row('alg not on the allow-list', fn() => Jwt::decode($good, $secret, ['algorithms' => ['HS512'], 'time' => $now]));
row('unknown alg', fn() => Jwt::decode($hs(['alg' => 'HS257'], []), $secret, $hsOpts));
// the RS/HS confusion: an HS256 token signed with the server's public key as the secret
$forged = $hs(['alg' => 'HS256'], ['sub' => 'admin', 'exp' => $now + 10], $rsaPub);
row('HS256 signed with the RSA public key', fn() => Jwt::decode($forged, $rsaPub, ['algorithms' => ['HS256', 'RS256'], 'time' => $now]));
row('RS256 token, HMAC secret as key', fn() => Jwt::decode(Jwt::encode(['a' => 1], $rsa, 'RS256'), $secret, ['algorithms' => ['RS256']]));
row('RS256 token, EC public key', fn() => Jwt::decode(Jwt::encode(['a' => 1], $rsa, 'RS256'), $ecPub, ['algorithms' => ['RS256']]));
row('bad signature', fn() => Jwt::decode(substr($good, 0, -2) . (substr($good, -2) === 'AA' ? 'BA' : 'AA'), $secret, $hsOpts));
row('signature of another payload', fn() => Jwt::decode(explode('.', $good)[0] . '.' . $b64('{"sub":"admin"}') . '.' . explode('.', $good)[2], $secret, $hsOpts));
row('expired', fn() => Jwt::decode($hs(['alg' => 'HS256'], ['exp' => $now - 61]), $secret, $hsOpts));
row('expired, within leeway', fn() => Jwt::decode($hs(['alg' => 'HS256'], ['exp' => $now - 59]), $secret, $hsOpts));
row('expired, leeway 0', fn() => Jwt::decode($hs(['alg' => 'HS256'], ['exp' => $now]), $secret, $hsOpts + ['leeway' => 0]));
row('nbf in the future', fn() => Jwt::decode($hs(['alg' => 'HS256'], ['nbf' => $now + 61]), $secret, $hsOpts));
row('iat in the future', fn() => Jwt::decode($hs(['alg' => 'HS256'], ['iat' => $now + 61]), $secret, $hsOpts));
row('exp as a string', fn() => Jwt::decode($hs(['alg' => 'HS256'], ['exp' => (string) ($now + 10)]), $secret, $hsOpts));
row('wrong audience', fn() => Jwt::decode($hs(['alg' => 'HS256'], ['aud' => 'other']), $secret, $hsOpts + ['audience' => 'wp-llm']));
row('audience in a list', fn() => Jwt::decode($hs(['alg' => 'HS256'], ['aud' => ['x', 'wp-llm']]), $secret, $hsOpts + ['audience' => 'wp-llm']));
row('audience with a NUL byte', fn() => Jwt::decode($hs(['alg' => 'HS256'], ['aud' => "wp-llm\0x"]), $secret, $hsOpts + ['audience' => 'wp-llm']));
row('missing audience', fn() => Jwt::decode($hs(['alg' => 'HS256'], ['sub' => 'u']), $secret, $hsOpts + ['audience' => 'wp-llm']));
row('wrong issuer', fn() => Jwt::decode($hs(['alg' => 'HS256'], ['iss' => 'evil']), $secret, $hsOpts + ['issuer' => 'https://idp']));
row('two segments', fn() => Jwt::decode('abc.def', $secret, $hsOpts));
row('four segments', fn() => Jwt::decode($good . '.x', $secret, $hsOpts));
row('bad base64url', fn() => Jwt::decode('e30.e30.a+b/', $secret, $hsOpts));
row('padded base64url', fn() => Jwt::decode($good . '=', $secret, $hsOpts));
row('header not JSON', fn() => Jwt::decode($b64('{alg:HS256}') . '.e30.', $secret, $hsOpts));
row('payload not an object', fn() => Jwt::decode($hs(['alg' => 'HS256'], [1, 2]), $secret, $hsOpts));
row('huge header', fn() => Jwt::decode($b64(json_encode(['alg' => 'HS256', 'x' => str_repeat('a', 20000)])) . '.e30.x', $secret, $hsOpts));
row('crit header', fn() => Jwt::decode($hs(['alg' => 'HS256', 'crit' => ['exp']], []), $secret, $hsOpts));
row('empty token', fn() => Jwt::decode('', $secret, $hsOpts));
row('kid not in the set', fn() => Jwt::decode(Jwt::encode(['a' => 1], $secret, 'HS256', ['kid' => 'k9']), ['k1' => $secret], ['algorithms' => ['HS256']]));
row('kid in the set', fn() => Jwt::decode(Jwt::encode(['a' => 1], $secret, 'HS256', ['kid' => 'k1']), ['k1' => $secret], ['algorithms' => ['HS256']]));
echo "-- key rules (InvalidArgumentException)\n";
row('HS256 with a 31-byte key', fn() => Jwt::encode(['a' => 1], str_repeat('k', 31)));
row('HS512 with a 63-byte key', fn() => Jwt::encode(['a' => 1], str_repeat('k', 63), 'HS512'));
row('verify HS256 with a short key', fn() => Jwt::decode($good, 'short', $hsOpts));
$small = openssl_pkey_new(['private_key_bits' => 1024, 'private_key_type' => OPENSSL_KEYTYPE_RSA]);
openssl_pkey_export($small, $smallPem);
row('RS256 with a 1024-bit key', fn() => Jwt::encode(['a' => 1], $smallPem, 'RS256'));
row('RS256 with PEM garbage', fn() => Jwt::encode(['a' => 1], "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n", 'RS256'));
row('RS256 with a public key', fn() => Jwt::encode(['a' => 1], $rsaPub, 'RS256'));
row('ES384 with a P-256 key', fn() => Jwt::encode(['a' => 1], file_get_contents(WPLLM_FIXTURES . '/ec256-private.pem'), 'ES384'));
row('HS256 with a PEM as secret', fn() => Jwt::encode(['a' => 1], $rsa, 'HS256'));
row('unknown algorithm', fn() => Jwt::encode(['a' => 1], $secret, 'PS256'));
row('claims as a list', fn() => Jwt::encode([1, 2], $secret));
row('header alg conflict', fn() => Jwt::encode(['a' => 1], $secret, 'HS256', ['alg' => 'none']));
row('no allow-list', fn() => Jwt::decode($good, $secret));
row('unknown decode option', fn() => Jwt::decode($good, $secret, ['algorithms' => ['HS256'], 'verify' => false]));
row('unknown algorithm in the list', fn() => Jwt::decode($good, $secret, ['algorithms' => ['none']]));
echo "-- no secret in any message\n";
$leak = false;
foreach ([fn() => Jwt::encode(['a' => 1], 'short-secret-value'), fn() => Jwt::decode($good, 'another-secret-val', $hsOpts),
    fn() => Jwt::encode(['a' => 1], $smallPem, 'RS256')] as $f) {
    try {
        $f();
    } catch (Throwable $e) {
        $leak = $leak || str_contains($e->getMessage() . $e->getTraceAsString(), 'short-secret-value')
            || str_contains($e->getMessage() . $e->getTraceAsString(), 'another-secret-val')
            || str_contains($e->getMessage(), 'PRIVATE KEY');
    }
}
echo $leak ? "LEAK\n" : "clean\n";
?>
--EXPECT--
valid HS256                                 ok {"sub":"u","exp":1700000010}
alg none, unsigned                          Authentication alg_none
alg NONE, signed                            Authentication alg_none
alg not on the allow-list                   Authentication alg_not_allowed
unknown alg                                 Authentication alg_not_allowed
HS256 signed with the RSA public key        Authentication key_type_mismatch
RS256 token, HMAC secret as key             Authentication key_type_mismatch
RS256 token, EC public key                  Authentication key_type_mismatch
bad signature                               Authentication invalid_signature
signature of another payload                Authentication invalid_signature
expired                                     Authentication expired_token
expired, within leeway                      ok {"exp":1699999941}
expired, leeway 0                           Authentication expired_token
nbf in the future                           Authentication token_not_yet_valid
iat in the future                           Authentication token_not_yet_valid
exp as a string                             Authentication malformed_token
wrong audience                              Authentication invalid_audience
audience in a list                          ok {"aud":["x","wp-llm"]}
audience with a NUL byte                    Authentication invalid_audience
missing audience                            Authentication invalid_audience
wrong issuer                                Authentication invalid_issuer
two segments                                Authentication malformed_token
four segments                               Authentication malformed_token
bad base64url                               Authentication malformed_token
padded base64url                            Authentication malformed_token
header not JSON                             Authentication malformed_token
payload not an object                       Authentication malformed_token
huge header                                 Authentication malformed_token
crit header                                 Authentication malformed_token
empty token                                 Authentication malformed_token
kid not in the set                          Authentication unknown_kid
kid in the set                              ok {"a":1}
-- key rules (InvalidArgumentException)
HS256 with a 31-byte key                    InvalidArgument: HS256 needs a key of at least 32 bytes (RFC 7518 section 3.2), 31 given
HS512 with a 63-byte key                    InvalidArgument: HS512 needs a key of at least 64 bytes (RFC 7518 section 3.2), 63 given
verify HS256 with a short key               InvalidArgument: HS256 needs a key of at least 32 bytes (RFC 7518 section 3.2), 5 given
RS256 with a 1024-bit key                   InvalidArgument: RSA keys must have at least 2048 bits, this one has 1024
RS256 with PEM garbage                      InvalidArgument: The key is not a readable PEM private key (encrypted keys are not supported)
RS256 with a public key                     InvalidArgument: The key is not a readable PEM private key (encrypted keys are not supported)
ES384 with a P-256 key                      Authentication key_type_mismatch
HS256 with a PEM as secret                  InvalidArgument: HS256 needs a shared secret, but the key is a PEM key
unknown algorithm                           InvalidArgument: Unsupported algorithm "PS256"; supported: HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384
claims as a list                            InvalidArgument: The claims must be an associative array (a JSON object), not a list
header alg conflict                         InvalidArgument: The header's "alg" must match the algorithm argument (HS256)
no allow-list                               InvalidArgument: Option "algorithms" is required: a non-empty list of the algorithms to accept, e.g. ['RS256']
unknown decode option                       InvalidArgument: Unknown option "verify"; allowed: algorithms, leeway, audience, issuer, time
unknown algorithm in the list               InvalidArgument: Option "algorithms": unsupported algorithm "none"; supported: HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384
-- no secret in any message
clean
