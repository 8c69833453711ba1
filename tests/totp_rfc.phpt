--TEST--
Totp: RFC 6238 Appendix B (SHA-1/256/512, 8 digits), RFC 4226 Appendix D, verify/match with window and replay guard
--EXTENSIONS--
wpllm
--FILE--
<?php
use WPLLM\Totp;

$s1 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
$s256 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA====';
$s512 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA=';
foreach ([59, 1111111109, 1111111111, 1234567890, 2000000000, 20000000000] as $t) {
    printf("%-11d %s %s %s\n", $t,
        Totp::generate($s1, $t, ['digits' => 8]),
        Totp::generate($s256, $t, ['digits' => 8, 'algorithm' => 'sha256']),
        Totp::generate($s512, $t, ['digits' => 8, 'algorithm' => 'SHA512']));
}
// RFC 4226 HOTP values are TOTP codes at time = counter x period
$hotp = [];
for ($c = 0; $c < 10; $c++) {
    $hotp[] = Totp::generate($s1, $c * 30);
}
echo implode(' ', $hotp), "\n";

// the same code computed independently with hash_hmac
function ref(string $key, int $counter, int $digits = 6): string
{
    $mac = hash_hmac('sha1', pack('J', $counter), $key, true);
    $o = ord($mac[19]) & 15;
    $bin = (ord($mac[$o]) & 0x7f) << 24 | ord($mac[$o + 1]) << 16 | ord($mac[$o + 2]) << 8 | ord($mac[$o + 3]);
    return str_pad((string) ($bin % 10 ** $digits), $digits, '0', STR_PAD_LEFT);
}
$now = 1700000000;
echo Totp::generate($s1, $now) === ref('12345678901234567890', intdiv($now, 30)) ? "matches hash_hmac\n" : "differs\n";
echo Totp::generate($s1, $now, ['period' => 60]) === ref('12345678901234567890', intdiv($now, 60)) ? "period 60 ok\n" : "period 60 differs\n";

// verify and match: window, replay guard, wrong codes
$c = intdiv($now, 30);
$code = ref('12345678901234567890', $c);
$prev = ref('12345678901234567890', $c - 1);
$old = ref('12345678901234567890', $c - 2);
var_dump(Totp::verify($s1, $code, ['time' => $now]));
var_dump(Totp::verify($s1, $prev, ['time' => $now]));
var_dump(Totp::verify($s1, $prev, ['time' => $now, 'window' => 0]));
var_dump(Totp::verify($s1, $old, ['time' => $now]));
var_dump(Totp::verify($s1, $old, ['time' => $now, 'window' => 2]));
var_dump(Totp::match($s1, $code, ['time' => $now]) === $c);
var_dump(Totp::match($s1, $prev, ['time' => $now]) === $c - 1);
var_dump(Totp::match($s1, $code, ['time' => $now, 'after' => $c]));
var_dump(Totp::match($s1, $code, ['time' => $now, 'after' => $c - 1]) === $c);
var_dump(Totp::verify($s1, $prev, ['time' => $now, 'after' => $c - 1]));
var_dump(Totp::verify($s1, '', ['time' => $now]), Totp::verify($s1, '12345', ['time' => $now]),
    Totp::verify($s1, ' ' . $code, ['time' => $now]), Totp::verify($s1, $code . "\0", ['time' => $now]),
    Totp::verify($s1, '12345a', ['time' => $now]));
// base32 is read the way people type it
var_dump(Totp::generate('gezd gnbv gy3t qojq gezd gnbv gy3t qojq', 59) === Totp::generate($s1, 59));
?>
--EXPECT--
59          94287082 46119246 90693936
1111111109  07081804 68084774 25091201
1111111111  14050471 67062674 99943326
1234567890  89005924 91819424 93441116
2000000000  69279037 90698825 38618901
20000000000 65353130 77737706 47863826
755224 287082 359152 969429 338314 254676 287922 162583 399871 520489
matches hash_hmac
period 60 ok
bool(true)
bool(true)
bool(false)
bool(false)
bool(true)
bool(true)
bool(true)
NULL
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(true)
