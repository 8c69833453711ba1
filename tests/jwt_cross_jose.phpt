--TEST--
Jwt: every algorithm cross-checked both ways with npm jose (tokens minted there verify here, and the reverse)
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/server/server.inc';
use WPLLM\Jwt;

$dir = WPLLM_TEST_FIXTURES;
$self = json_decode(wpllm_jose('rfc7515')['out'], true);
echo 'jose itself checks RFC 7515 A.1: ', var_export($self['valid'] ?? null, true), ', tampered: ', $self['tampered_signature'] ?? '-', "\n";
$secretFile = "$dir/hs-secret.txt";
$secret = file_get_contents($secretFile);
$files = [
    'HS256' => [$secretFile, $secretFile], 'HS384' => [$secretFile, $secretFile], 'HS512' => [$secretFile, $secretFile],
    'RS256' => ["$dir/rsa-private.pem", "$dir/rsa-public.pem"], 'RS384' => ["$dir/rsa-private.pem", "$dir/rsa-public.pem"],
    'RS512' => ["$dir/rsa-private.pem", "$dir/rsa-public.pem"],
    'ES256' => ["$dir/ec256-private.pem", "$dir/ec256-public.pem"], 'ES384' => ["$dir/ec384-private.pem", "$dir/ec384-public.pem"],
];
$claims = ['user_id' => 7, 'permissions' => ['generate'], 'exp' => time() + 600, 'iss' => 'https://idp.example.test'];
foreach ($files as $alg => [$priv, $pub]) {
    $isHs = $alg[0] === 'H';
    // jose -> here
    $j = wpllm_jose('sign', $alg, $priv, json_encode($claims));
    $here = $j['code'] === 0 ? Jwt::decode($j['out'], $isHs ? $secret : file_get_contents($pub), ['algorithms' => [$alg], 'issuer' => 'https://idp.example.test']) : null;
    // here -> jose
    $t = Jwt::encode($claims, $isHs ? $secret : file_get_contents($priv), $alg);
    $v = wpllm_jose('verify', $alg, $pub, $t);
    // a token of ours with one signature byte changed is refused there too
    $parts = explode('.', $t);
    $sig = base64_decode(strtr($parts[2], '-_', '+/'));
    $sig[5] = chr(ord($sig[5]) ^ 1);
    $bad = $parts[0] . '.' . $parts[1] . '.' . rtrim(strtr(base64_encode($sig), '+/', '-_'), '=');
    $vb = wpllm_jose('verify', $alg, $pub, $bad);
    printf("%s: jose token decoded here %s; our token verified by jose %s; tampered refused by jose %s\n", $alg,
        $here === $claims ? 'same' : 'NO', $v['code'] === 0 && json_decode($v['out'], true) === $claims ? 'same' : 'NO (' . $v['out'] . ')',
        $vb['code'] === 1 ? 'yes' : 'NO');
}
?>
--EXPECT--
jose itself checks RFC 7515 A.1: true, tampered: ERR_JWS_SIGNATURE_VERIFICATION_FAILED
HS256: jose token decoded here same; our token verified by jose same; tampered refused by jose yes
HS384: jose token decoded here same; our token verified by jose same; tampered refused by jose yes
HS512: jose token decoded here same; our token verified by jose same; tampered refused by jose yes
RS256: jose token decoded here same; our token verified by jose same; tampered refused by jose yes
RS384: jose token decoded here same; our token verified by jose same; tampered refused by jose yes
RS512: jose token decoded here same; our token verified by jose same; tampered refused by jose yes
ES256: jose token decoded here same; our token verified by jose same; tampered refused by jose yes
ES384: jose token decoded here same; our token verified by jose same; tampered refused by jose yes
