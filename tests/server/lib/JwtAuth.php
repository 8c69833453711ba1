<?php
// Bearer JWT authentication (JWS compact, RFC 7515/7518/7519): verified with PHP's own hash_hmac and openssl, independent of the client under test.
declare(strict_types=1);

namespace WpllmEmulator;

final class JwtAuth
{
    /** alg => [family, digest, key name in config (null: the shared secret), EC coordinate bytes, EC curve] */
    private const ALGORITHMS = [
        'HS256' => ['hmac', 'sha256', null, 0, ''],
        'HS384' => ['hmac', 'sha384', null, 0, ''],
        'HS512' => ['hmac', 'sha512', null, 0, ''],
        'RS256' => ['rsa', 'sha256', 'rsa', 0, ''],
        'RS384' => ['rsa', 'sha384', 'rsa', 0, ''],
        'RS512' => ['rsa', 'sha512', 'rsa', 0, ''],
        'ES256' => ['ec', 'sha256', 'ec256', 32, 'prime256v1'],
        'ES384' => ['ec', 'sha384', 'ec384', 48, 'secp384r1'],
    ];

    private const SHAPE = '/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/';

    /** @param array<string, mixed> $config config.json's jwt section */
    public function __construct(private readonly array $config)
    {
    }

    /** Whether a bearer credential has the JWS compact shape (three base64url segments; the last may be empty, as with alg none). */
    public static function looksLikeJwt(string $credential): bool
    {
        return preg_match(self::SHAPE, $credential) === 1;
    }

    /**
     * Verifies the token and returns the principal in the shape of a key record (id "jwt:<user_id>").
     * No error message quotes the token or any part of it.
     *
     * @return array<string, mixed>
     */
    public function authenticate(string $token, int $now): array
    {
        [$headerB64, $payloadB64, $signatureB64] = explode('.', $token);
        $header = self::jsonObject(self::base64url($headerB64));
        $payloadJson = self::base64url($payloadB64);
        $signature = self::base64url($signatureB64);
        if ($header === null || $payloadJson === null || $signature === null) {
            throw self::invalid('The bearer token is not a well-formed JWT: its header must be a base64url JSON object and every segment unpadded base64url.');
        }
        $alg = $header['alg'] ?? null;
        if (!is_string($alg) || $alg === '') {
            throw self::invalid('The JWT header has no alg.');
        }
        if (strcasecmp($alg, 'none') === 0) {
            throw self::invalid('Unsigned JWTs (alg none) are not accepted.');
        }
        if (!isset(self::ALGORITHMS[$alg])) {
            throw self::invalid('The JWT alg is not accepted; allowed: ' . implode(', ', array_keys(self::ALGORITHMS)) . '.');
        }
        if (array_key_exists('kid', $header) && !is_string($header['kid'])) {
            throw self::invalid('The JWT kid header must be a string.');
        }
        if (array_key_exists('crit', $header)) {
            throw self::invalid('The JWT header names critical extensions (crit) that the service does not support.');
        }
        if (!$this->signatureVerifies($alg, $headerB64 . '.' . $payloadB64, $signature)) {
            throw self::invalid('The JWT signature does not verify.');
        }

        $claims = self::jsonObject($payloadJson);
        if ($claims === null) {
            throw self::invalid('The JWT payload is not a JSON object.');
        }

        return $this->principal($claims, $now);
    }

    /**
     * @param array<string, mixed> $claims
     * @return array<string, mixed>
     */
    private function principal(array $claims, int $now): array
    {
        $leeway = (int) ($this->config['leeway_seconds'] ?? 60);
        $exp = $claims['exp'] ?? null;
        if (!self::isNumeric($exp)) {
            throw self::invalid('The JWT has no numeric exp claim.');
        }
        if ($exp + $leeway <= $now) {
            throw new ApiError(401, 'authentication_error', 'expired_token', 'The JWT has expired.');
        }
        foreach (['nbf' => 'The JWT is not valid yet (nbf is in the future).', 'iat' => 'The JWT was issued in the future (iat).'] as $claim => $message) {
            if (!array_key_exists($claim, $claims)) {
                continue;
            }
            if (!self::isNumeric($claims[$claim])) {
                throw self::invalid("The JWT $claim claim must be numeric.");
            }
            if ($claims[$claim] > $now + $leeway) {
                throw self::invalid($message);
            }
        }
        if (array_key_exists('iss', $claims) && (!is_string($claims['iss']) || !hash_equals((string) ($this->config['issuer'] ?? ''), $claims['iss']))) {
            throw self::invalid('The JWT issuer is not accepted.');
        }
        $userId = $claims['user_id'] ?? null;
        if (!(is_int($userId) || (is_string($userId) && $userId !== ''))) {
            throw self::invalid('The JWT has no user_id claim (a non-empty string or an integer).');
        }
        $permissions = $claims['permissions'] ?? null;
        if (!is_array($permissions) || !array_is_list($permissions)
            || array_filter($permissions, static fn (mixed $p): bool => !is_string($p)) !== []) {
            throw self::invalid('The JWT has no permissions claim (an array of strings).');
        }
        $iat = $claims['iat'] ?? null;

        return [
            'id' => 'jwt:' . $userId,
            'auth' => 'jwt',
            'user_id' => $userId,
            'prefix' => null,
            'permissions' => $permissions,
            'rate_limit' => $this->config['rate_limit'] ?? ['limit' => 1000, 'window_seconds' => 60],
            'created_at' => $iat === null ? null : (int) floor($iat),
            'expires_at' => (int) floor($exp),
            'exp' => $exp,
        ];
    }

    /** The key is chosen by the alg's family only, and must be of that family: a public key is never an HMAC secret. */
    private function signatureVerifies(string $alg, string $signingInput, string $signature): bool
    {
        [$family, $digest, $keyName, $coordinate, $curve] = self::ALGORITHMS[$alg];
        if ($family === 'hmac') {
            $secret = $this->config['secret'] ?? null;
            if (!is_string($secret) || $secret === '' || str_contains($secret, '-----BEGIN')) {
                throw self::invalid('No HMAC secret is configured for ' . $alg . '.');
            }

            return hash_equals(hash_hmac($digest, $signingInput, $secret, true), $signature);
        }
        $path = $this->config['public_keys'][$keyName] ?? null;
        $key = is_string($path) && is_file($path) ? openssl_pkey_get_public((string) file_get_contents($path)) : false;
        if ($key === false) {
            throw self::invalid('No public key is configured for ' . $alg . '.');
        }
        $details = openssl_pkey_get_details($key);
        $matches = $family === 'rsa'
            ? $details['type'] === OPENSSL_KEYTYPE_RSA && $details['bits'] >= 2048
            : $details['type'] === OPENSSL_KEYTYPE_EC && ($details['ec']['curve_name'] ?? '') === $curve;
        if (!$matches) {
            throw self::invalid('The key configured for ' . $alg . ' is not of that algorithm\'s type.');
        }
        if ($family === 'ec') {
            // JWS carries ECDSA signatures as raw r || s (RFC 7518 section 3.4); OpenSSL wants DER
            if (strlen($signature) !== 2 * $coordinate) {
                throw self::invalid(sprintf('The %s signature must be %d bytes (r || s).', $alg, 2 * $coordinate));
            }
            $signature = self::derSignature(substr($signature, 0, $coordinate), substr($signature, $coordinate));
        }

        return openssl_verify($signingInput, $signature, $key, $digest) === 1;
    }

    /** DER SEQUENCE { INTEGER r, INTEGER s } from big-endian unsigned r and s. */
    private static function derSignature(string $r, string $s): string
    {
        $integer = static function (string $bytes): string {
            $bytes = ltrim($bytes, "\0");
            if ($bytes === '' || ord($bytes[0]) >= 0x80) {
                $bytes = "\0" . $bytes;
            }

            return "\x02" . self::derLength(strlen($bytes)) . $bytes;
        };
        $body = $integer($r) . $integer($s);

        return "\x30" . self::derLength(strlen($body)) . $body;
    }

    private static function derLength(int $length): string
    {
        if ($length < 0x80) {
            return chr($length);
        }
        $bytes = ltrim(pack('N', $length), "\0");

        return chr(0x80 | strlen($bytes)) . $bytes;
    }

    /** Strict unpadded base64url (RFC 7515 section 2): null unless the segment is the canonical encoding of its bytes. */
    private static function base64url(string $segment): ?string
    {
        if (strlen($segment) % 4 === 1) {
            return null;
        }
        $raw = base64_decode(strtr($segment, '-_', '+/'), true);
        if ($raw === false || rtrim(strtr(base64_encode($raw), '+/', '-_'), '=') !== $segment) {
            return null;
        }

        return $raw;
    }

    /** @return array<string, mixed>|null */
    private static function jsonObject(?string $json): ?array
    {
        if ($json === null || !str_starts_with(ltrim($json), '{')) {
            return null;
        }
        $data = json_decode($json, true, 32);

        return is_array($data) ? $data : null;
    }

    private static function isNumeric(mixed $value): bool
    {
        return is_int($value) || (is_float($value) && is_finite($value));
    }

    private static function invalid(string $message): ApiError
    {
        return new ApiError(401, 'authentication_error', 'invalid_token', $message);
    }
}
