--TEST--
Totp: random secrets, Key URIs, strict base32 and option errors (never echoing the secret)
--EXTENSIONS--
wpllm
--FILE--
<?php
use WPLLM\Totp;

$a = Totp::randomSecret();
$b = Totp::randomSecret();
echo strlen($a), ' ', preg_match('/^[A-Z2-7]{32}$/', $a), ' ', $a !== $b ? 'distinct' : 'same', "\n";
echo strlen(Totp::randomSecret(16)), ' ', strlen(Totp::randomSecret(64)), "\n";
foreach ([15, 65, 0, -1] as $n) {
    try {
        Totp::randomSecret($n);
    } catch (ValueError $e) {
        echo $e->getMessage(), "\n";
    }
}
echo Totp::uri('gezdgnbvgy3tqojqgezdgnbvgy3tqojq', 'alice@example.com', 'Example Blog'), "\n";
echo Totp::uri('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'bob', 'Acme & Co', ['digits' => 8, 'period' => 60, 'algorithm' => 'sha256']), "\n";
foreach ([['a:b', 'X'], ['bob', 'X:Y'], ['', 'X']] as [$label, $issuer]) {
    try {
        Totp::uri('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', $label, $issuer);
    } catch (ValueError $e) {
        echo $e->getMessage(), "\n";
    }
}
$bad = ['GEZDGNBVGY3TQOJ1', 'GEZDGNBV!Y3TQOJQ', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ=', 'GEZD====GNBVGY3TQOJQ', '', "GEZDGNBV\0GY3TQOJQ"];
foreach ($bad as $s) {
    try {
        Totp::generate($s, 0);
        echo "accepted\n";
    } catch (WPLLM\Exceptions\InvalidArgumentException $e) {
        echo $e->getMessage(), str_contains($e->getMessage(), $s) && $s !== '' ? ' (ECHOED)' : '', "\n";
    }
}
try {
    echo strlen(Totp::generate('GEZDGNBVGY3TQOJQ', 0)), " digits from a 10-byte secret\n";
    Totp::generate('GEZDGNBVGY3TQ', 0);
} catch (WPLLM\Exceptions\InvalidArgumentException $e) {
    echo "8 bytes: ", $e->getMessage(), "\n";
}
foreach ([['digits' => 5], ['digits' => 9], ['period' => 0], ['algorithm' => 'md5'], ['window' => 1], ['x' => 1]] as $o) {
    try {
        Totp::generate('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 0, $o);
    } catch (WPLLM\Exceptions\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
foreach ([['window' => 11], ['after' => -1], ['time' => 'now']] as $o) {
    try {
        Totp::verify('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', '123456', $o);
    } catch (WPLLM\Exceptions\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
try {
    new WPLLM\Totp();
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
32 1 distinct
26 103
WPLLM\Totp::randomSecret(): Argument #1 ($bytes) must be between 16 and 64 (RFC 4226 asks for at least 128 bits)
WPLLM\Totp::randomSecret(): Argument #1 ($bytes) must be between 16 and 64 (RFC 4226 asks for at least 128 bits)
WPLLM\Totp::randomSecret(): Argument #1 ($bytes) must be between 16 and 64 (RFC 4226 asks for at least 128 bits)
WPLLM\Totp::randomSecret(): Argument #1 ($bytes) must be between 16 and 64 (RFC 4226 asks for at least 128 bits)
otpauth://totp/Example%20Blog:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example%20Blog&algorithm=SHA1&digits=6&period=30
otpauth://totp/Acme%20%26%20Co:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme%20%26%20Co&algorithm=SHA256&digits=8&period=60
WPLLM\Totp::uri(): Argument #2 ($label) must be a non-empty account name without ':'
WPLLM\Totp::uri(): Argument #3 ($issuer) must be a non-empty issuer without ':'
WPLLM\Totp::uri(): Argument #2 ($label) must be a non-empty account name without ':'
The secret is not valid base32 (RFC 4648: A-Z, 2-7, optional '=' padding)
The secret is not valid base32 (RFC 4648: A-Z, 2-7, optional '=' padding)
The secret is not valid base32 (RFC 4648: A-Z, 2-7, optional '=' padding)
The secret is not valid base32 (RFC 4648: A-Z, 2-7, optional '=' padding)
The secret is not valid base32 (RFC 4648: A-Z, 2-7, optional '=' padding)
The secret is not valid base32 (RFC 4648: A-Z, 2-7, optional '=' padding)
6 digits from a 10-byte secret
8 bytes: The secret is too short: at least 80 bits (16 base32 characters), 160 recommended
Option "digits" must be an int from 6 to 8
Option "digits" must be an int from 6 to 8
Option "period" must be an int from 1 to 3600 seconds
Option "algorithm" must be sha1, sha256 or sha512
Unknown option "window" (argument #3); allowed: digits, period, algorithm
Unknown option "x" (argument #3); allowed: digits, period, algorithm
Option "window" must be an int from 0 to 10
Option "after" must be null or a counter (an int >= 0)
Option "time" must be a Unix time (an int >= 0)
Call to private WPLLM\Totp::__construct() from global scope
