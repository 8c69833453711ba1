<?php
// bench/clients/jwt.php: JWT encode + decode per operation, WPLLM\Jwt against the userland implementation in
// jwt_userland.php, HS256 (32-byte+ secret) or RS256 (2048-bit key, PEM strings as a caller holds them).
//   php -n [-d extension=wpllm.so] bench/clients/jwt.php --impl=ext|userland --alg=HS256|RS256
//       --key=PRIVATE_PEM --pub=PUBLIC_PEM --n=N
// Before timing it checks both ways that the two implementations agree (a token from one decodes in the other,
// a tampered token is refused). Prints one JSON line (n, total_ns, median_ns per encode+decode).
declare(strict_types=1);
require __DIR__ . '/common.php';
require __DIR__ . '/jwt_userland.php';

$a = bench_args(array_merge($argv, ['--url=-']));
$impl = $a['opts']['impl'] ?? 'userland';
$alg = $a['opts']['alg'] ?? 'HS256';
$a['label'] = "jwt-$impl-$alg";
if ($alg === 'HS256') {
    $signKey = $verifyKey = 'bench-jwt-secret-0123456789abcdef0123456789abcdef';
} else {
    $signKey = (string) file_get_contents($a['opts']['key'] ?? '');
    $verifyKey = (string) file_get_contents($a['opts']['pub'] ?? '');
    if ($signKey === '' || $verifyKey === '') {
        fwrite(STDERR, "RS256 needs --key and --pub\n");
        exit(2);
    }
}
$claims = ['user_id' => 'bench-user', 'permissions' => ['read', 'generate'], 'iat' => time(), 'exp' => time() + 3600];
$opts = ['algorithms' => [$alg]];

if ($impl === 'ext') {
    if (!class_exists('WPLLM\Jwt')) {
        bench_na($a, 'n/a (WPLLM\Jwt not available)');
    }
    $encode = static fn () => WPLLM\Jwt::encode($claims, $signKey, $alg);
    $decode = static fn (string $t) => WPLLM\Jwt::decode($t, $verifyKey, $opts);
    // agreement with the userland implementation, both ways, and a tampered token refused
    $t = $encode();
    if (UserlandJwt::decode($t, $verifyKey, $opts) != $claims || $decode(UserlandJwt::encode($claims, $signKey, $alg)) != $claims) {
        fwrite(STDERR, "WPLLM\\Jwt and the userland implementation disagree\n");
        exit(1);
    }
    try {
        $decode(substr($t, 0, -2) . (substr($t, -2, 1) === 'A' ? 'B' : 'A') . substr($t, -1));
        fwrite(STDERR, "WPLLM\\Jwt accepted a tampered token\n");
        exit(1);
    } catch (Throwable $e) {
    }
} else {
    $encode = static fn () => UserlandJwt::encode($claims, $signKey, $alg);
    $decode = static fn (string $t) => UserlandJwt::decode($t, $verifyKey, $opts);
    $t = $encode();
    try {
        $decode(substr($t, 0, -2) . (substr($t, -2, 1) === 'A' ? 'B' : 'A') . substr($t, -1));
        fwrite(STDERR, "userland JWT accepted a tampered token\n");
        exit(1);
    } catch (UnexpectedValueException $e) {
    }
}

for ($i = 0; $i < $a['warmup']; $i++) {
    $decode($encode());
}
$t = [];
$start = hrtime(true);
for ($i = 0; $i < $a['n']; $i++) {
    $t0 = hrtime(true);
    $out = $decode($encode());
    $t[] = hrtime(true) - $t0;
    if ($out['user_id'] !== 'bench-user') {
        exit(1);
    }
}
$total = hrtime(true) - $start;
sort($t);
$n = count($t);
bench_emit(['client' => $a['label'], 'n' => $n, 'total_ns' => $total, 'median_ns' => $n ? $t[intdiv($n, 2)] : 0,
    'p90_ns' => $n ? $t[min($n - 1, intdiv($n * 9, 10))] : 0, 'mem_peak' => memory_get_peak_usage(), 'vmhwm_kb' => bench_vmhwm_kb()]);
