--TEST--
Jwt: every algorithm checked both ways against PHP's own hash_hmac and openssl_sign/openssl_verify
--EXTENSIONS--
wpllm
--FILE--
<?php
use WPLLM\Jwt;

$dir = __DIR__ . '/fixtures/jwt';
$b64 = fn(string $s) => rtrim(strtr(base64_encode($s), '+/', '-_'), '=');
$unb64 = fn(string $s) => base64_decode(strtr($s, '-_', '+/'));

// JOSE ECDSA signatures are r||s; OpenSSL speaks DER
function der2raw(string $der, int $n): string
{
    $p = 2 + (ord($der[1]) & 0x80 ? ord($der[1]) & 0x7f : 0);
    $out = '';
    for ($i = 0; $i < 2; $i++) {
        $len = ord($der[$p + 1]);
        $int = ltrim(substr($der, $p + 2, $len), "\0");
        $out .= str_pad($int, $n, "\0", STR_PAD_LEFT);
        $p += 2 + $len;
    }
    return $out;
}
function raw2der(string $raw): string
{
    $n = strlen($raw) / 2;
    $ints = '';
    foreach ([substr($raw, 0, $n), substr($raw, $n)] as $v) {
        $v = ltrim($v, "\0");
        if ($v === '' || ord($v[0]) & 0x80) {
            $v = "\0" . $v;
        }
        $ints .= "\x02" . chr(strlen($v)) . $v;
    }
    return "\x30" . (strlen($ints) > 127 ? "\x81" : '') . chr(strlen($ints)) . $ints;
}

$secret = str_repeat('s3cr3t-', 10); // 70 bytes: enough for HS512
$keys = [
    'HS256' => [$secret, $secret, 'sha256', 0], 'HS384' => [$secret, $secret, 'sha384', 0], 'HS512' => [$secret, $secret, 'sha512', 0],
    'RS256' => ['rsa-private.pem', 'rsa-public.pem', OPENSSL_ALGO_SHA256, 0],
    'RS384' => ['rsa-private.pem', 'rsa-public.pem', OPENSSL_ALGO_SHA384, 0],
    'RS512' => ['rsa-private.pem', 'rsa-public.pem', OPENSSL_ALGO_SHA512, 0],
    'ES256' => ['ec256-private.pem', 'ec256-public.pem', OPENSSL_ALGO_SHA256, 32],
    'ES384' => ['ec384-private.pem', 'ec384-public.pem', OPENSSL_ALGO_SHA384, 48],
];
$claims = ['user_id' => 'u-42', 'permissions' => ['generate', 'read'], 'exp' => time() + 300, 'note' => 'ünï/"x"'];
foreach ($keys as $alg => [$priv, $pub, $h, $n]) {
    $isHs = $alg[0] === 'H';
    $privKey = $isHs ? $priv : file_get_contents("$dir/$priv");
    $pubKey = $isHs ? $pub : file_get_contents("$dir/$pub");

    // here -> PHP
    $t = Jwt::encode($claims, $privKey, $alg, ['kid' => 'k-' . $alg]);
    [$hh, $pp, $ss] = explode('.', $t);
    $sig = $unb64($ss);
    if ($isHs) {
        $ok = hash_equals(hash_hmac($h, "$hh.$pp", $secret, true), $sig);
    } else {
        $ok = openssl_verify("$hh.$pp", $n ? raw2der($sig) : $sig, $pubKey, $h) === 1 && (!$n || strlen($sig) === 2 * $n);
    }
    $header = json_decode($unb64($hh), true);
    $sameClaims = json_decode($unb64($pp), true) === $claims;

    // PHP -> here
    $input = $b64(json_encode(['alg' => $alg, 'typ' => 'JWT'])) . '.' . $b64(json_encode($claims));
    if ($isHs) {
        $psig = hash_hmac($h, $input, $secret, true);
    } else {
        openssl_sign($input, $psig, $privKey, $h);
        if ($n) {
            $psig = der2raw($psig, $n);
        }
    }
    $back = Jwt::decode("$input." . $b64($psig), $pubKey, ['algorithms' => [$alg]]);
    printf("%s: verified by PHP %s, header %s, claims %s; PHP token decoded %s\n", $alg, $ok ? 'yes' : 'NO',
        json_encode($header), $sameClaims ? 'same' : 'DIFFER', $back === $claims ? 'same' : 'DIFFER');
}
?>
--EXPECT--
HS256: verified by PHP yes, header {"typ":"JWT","alg":"HS256","kid":"k-HS256"}, claims same; PHP token decoded same
HS384: verified by PHP yes, header {"typ":"JWT","alg":"HS384","kid":"k-HS384"}, claims same; PHP token decoded same
HS512: verified by PHP yes, header {"typ":"JWT","alg":"HS512","kid":"k-HS512"}, claims same; PHP token decoded same
RS256: verified by PHP yes, header {"typ":"JWT","alg":"RS256","kid":"k-RS256"}, claims same; PHP token decoded same
RS384: verified by PHP yes, header {"typ":"JWT","alg":"RS384","kid":"k-RS384"}, claims same; PHP token decoded same
RS512: verified by PHP yes, header {"typ":"JWT","alg":"RS512","kid":"k-RS512"}, claims same; PHP token decoded same
ES256: verified by PHP yes, header {"typ":"JWT","alg":"ES256","kid":"k-ES256"}, claims same; PHP token decoded same
ES384: verified by PHP yes, header {"typ":"JWT","alg":"ES384","kid":"k-ES384"}, claims same; PHP token decoded same
