<?php
// bench/clients/jwt_userland.php: a userland JWT (JWS compact) implementation of the kind a PHP project writes or
// pulls in (firebase/php-jwt does the same work): HS256/384/512 on hash_hmac, RS256/384/512 on openssl_sign /
// openssl_verify with PEM strings (parsed on every call), base64url, exp/nbf/iat with leeway, an algorithm
// allow-list and `alg: none` refused. The baseline for WPLLM\Jwt in bench/clients/jwt.php.
declare(strict_types=1);

final class UserlandJwt
{
    private const ALGS = [
        'HS256' => ['hmac', 'sha256'], 'HS384' => ['hmac', 'sha384'], 'HS512' => ['hmac', 'sha512'],
        'RS256' => ['rsa', OPENSSL_ALGO_SHA256], 'RS384' => ['rsa', OPENSSL_ALGO_SHA384], 'RS512' => ['rsa', OPENSSL_ALGO_SHA512],
    ];

    public static function encode(array $claims, string $key, string $alg = 'HS256', array $header = []): string
    {
        if (!isset(self::ALGS[$alg])) {
            throw new DomainException("unsupported algorithm $alg");
        }
        $header = ['typ' => 'JWT', 'alg' => $alg] + $header;
        $input = self::b64(json_encode($header, JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR)) . '.'
            . self::b64(json_encode($claims, JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR));
        return $input . '.' . self::b64(self::sign($input, $key, $alg));
    }

    /** @param array{algorithms?: list<string>, leeway?: int, time?: int} $options */
    public static function decode(string $jwt, string $key, array $options = []): array
    {
        $parts = explode('.', $jwt);
        if (count($parts) !== 3) {
            throw new UnexpectedValueException('malformed token');
        }
        [$h64, $p64, $s64] = $parts;
        $header = json_decode(self::unb64($h64), true, 16, JSON_THROW_ON_ERROR);
        $claims = json_decode(self::unb64($p64), true, 512, JSON_THROW_ON_ERROR);
        $sig = self::unb64($s64);
        if (!is_array($header) || !is_array($claims) || !isset($header['alg']) || !is_string($header['alg'])) {
            throw new UnexpectedValueException('malformed token');
        }
        $alg = $header['alg'];
        if (strcasecmp($alg, 'none') === 0) {
            throw new UnexpectedValueException('alg none');
        }
        if (!in_array($alg, $options['algorithms'] ?? ['HS256'], true) || !isset(self::ALGS[$alg])) {
            throw new UnexpectedValueException('algorithm not allowed');
        }
        $input = $h64 . '.' . $p64;
        [$kind, $hash] = self::ALGS[$alg];
        if ($kind === 'hmac') {
            $ok = hash_equals(hash_hmac($hash, $input, $key, true), $sig);
        } else {
            $ok = openssl_verify($input, $sig, $key, $hash) === 1;
        }
        if (!$ok) {
            throw new UnexpectedValueException('invalid signature');
        }
        $now = $options['time'] ?? time();
        $leeway = $options['leeway'] ?? 60;
        if (isset($claims['exp']) && $now - $leeway >= $claims['exp']) {
            throw new UnexpectedValueException('expired token');
        }
        if (isset($claims['nbf']) && $now + $leeway < $claims['nbf']) {
            throw new UnexpectedValueException('token not yet valid');
        }
        if (isset($claims['iat']) && $now + $leeway < $claims['iat']) {
            throw new UnexpectedValueException('token issued in the future');
        }
        return $claims;
    }

    private static function sign(string $input, string $key, string $alg): string
    {
        [$kind, $hash] = self::ALGS[$alg];
        if ($kind === 'hmac') {
            return hash_hmac($hash, $input, $key, true);
        }
        $sig = '';
        if (!openssl_sign($input, $sig, $key, $hash)) {
            throw new DomainException('openssl_sign failed: ' . openssl_error_string());
        }
        return $sig;
    }

    private static function b64(string $s): string
    {
        return rtrim(strtr(base64_encode($s), '+/', '-_'), '=');
    }

    private static function unb64(string $s): string
    {
        $d = base64_decode(strtr($s, '-_', '+/'), true);
        if ($d === false) {
            throw new UnexpectedValueException('malformed base64url');
        }
        return $d;
    }
}
