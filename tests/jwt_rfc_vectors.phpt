--TEST--
Jwt::decode(): RFC 7515 Appendix A.1 (HS256), A.2 (RS256), A.3 (ES256) with their JWKs; RFC 7519 section 3.1
--EXTENSIONS--
wpllm
--FILE--
<?php
use WPLLM\Jwt;

$payload = 'eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ';
$a1 = 'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.' . $payload . '.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
$a2 = 'eyJhbGciOiJSUzI1NiJ9.' . $payload . '.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw';
$a3 = 'eyJhbGciOiJFUzI1NiJ9.' . $payload . '.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q';
$jwks = ['keys' => [
    ['kty' => 'oct', 'kid' => 'a1', 'k' => 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow'],
    ['kty' => 'RSA', 'kid' => 'a2', 'e' => 'AQAB', 'n' => 'ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ'],
    ['kty' => 'EC', 'kid' => 'a3', 'crv' => 'P-256', 'x' => 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', 'y' => 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0'],
]];
$opts = ['algorithms' => ['HS256', 'RS256', 'ES256'], 'time' => 1300819000];
foreach (['A.1' => [$a1, 'a1'], 'A.2' => [$a2, 'a2'], 'A.3' => [$a3, 'a3']] as $name => [$token, $kid]) {
    // the RFC tokens carry no kid: pick the one JWK out of the set
    $set = ['keys' => array_values(array_filter($jwks['keys'], fn($k) => $k['kid'] === $kid))];
    $claims = Jwt::decode($token, $set, $opts);
    echo $name, ': ', json_encode($claims, JSON_UNESCAPED_SLASHES), "\n";
}
// the HS256 key given as raw bytes, the way most callers hold a secret
$raw = base64_decode(strtr('AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow', '-_', '+/'));
echo 'A.1 raw key: ', Jwt::decode($a1, $raw, $opts)['iss'], "\n";
// after its exp (1300819380) plus the 60 s leeway the same token is refused
try {
    Jwt::decode($a1, $raw, ['algorithms' => ['HS256'], 'time' => 1300819440]);
} catch (WPLLM\Exceptions\AuthenticationException $e) {
    echo $e->getErrorCode(), "\n";
}
echo Jwt::decode($a1, $raw, ['algorithms' => ['HS256'], 'time' => 1300819439])['iss'], " (within the leeway)\n";
try {
    Jwt::decode($a2, $jwks, $opts);
} catch (WPLLM\Exceptions\AuthenticationException $e) {
    echo 'a set of three without kid: ', $e->getErrorCode(), "\n";
}
?>
--EXPECT--
A.1: {"iss":"joe","exp":1300819380,"http://example.com/is_root":true}
A.2: {"iss":"joe","exp":1300819380,"http://example.com/is_root":true}
A.3: {"iss":"joe","exp":1300819380,"http://example.com/is_root":true}
A.1 raw key: joe
expired_token
joe (within the leeway)
a set of three without kid: unknown_kid
