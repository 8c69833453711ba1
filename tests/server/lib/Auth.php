<?php
// Authentication (API keys, with request signatures for keys that have a signing secret; bearer JWTs), permission checks and rate limiting.
declare(strict_types=1);

namespace WpllmEmulator;

final class Auth
{
    public const PERMISSIONS = ['read', 'generate', 'analyze', 'keys'];

    /** How far X-Timestamp may be from the server clock, either way. */
    public const SIGNATURE_TOLERANCE_SECONDS = 300;

    public function __construct(private readonly Config $config, private readonly Store $store)
    {
    }

    /**
     * The key record for the key the request presents (Authorization: Bearer, or X-API-Key), or for a bearer JWT
     * the principal in the same shape (id "jwt:<user_id>", auth "jwt").
     *
     * @return array<string, mixed>
     */
    public function authenticate(Request $request, int $now): array
    {
        $bearer = self::bearer($request);
        if ($bearer !== null && JwtAuth::looksLikeJwt($bearer)) {
            $jwt = $this->config->jwt() ?? throw new ApiError(401, 'authentication_error', 'invalid_token', 'JWT bearer tokens are not enabled.');

            return (new JwtAuth($jwt))->authenticate($bearer, $now);
        }
        $presented = self::presentedKey($request);
        if ($presented === null) {
            throw new ApiError(401, 'authentication_error', 'missing_api_key',
                'No API key provided. Send it as "Authorization: Bearer <key>" or "X-API-Key: <key>".');
        }
        $hash = hash('sha256', $presented);
        $key = $this->config->findKey($hash);
        foreach ($this->store->issuedKeys() as $issued) {
            if (hash_equals($issued['key_sha256'], $hash)) {
                $key = $issued;
            }
        }
        if ($key === null) {
            throw new ApiError(401, 'authentication_error', 'invalid_api_key', 'The API key is not valid.');
        }
        if ($key['expires_at'] !== null && $key['expires_at'] <= $now) {
            throw new ApiError(401, 'authentication_error', 'expired_api_key', 'The API key has expired.');
        }
        if (isset($key['signing_secret'])) {
            $this->verifySignature($request, $key);
        }

        return $key;
    }

    /**
     * For a key with a signing secret: X-Timestamp (epoch ms) within the tolerance, X-Signature = lowercase hex
     * HMAC-SHA256(secret, X-Timestamp . raw body), and never seen before for this key.
     *
     * @param array<string, mixed> $key
     */
    private function verifySignature(Request $request, array $key): void
    {
        $timestamp = $request->header('x-timestamp');
        $signature = $request->header('x-signature');
        if ($timestamp === null || $signature === null) {
            throw self::badSignature('This key requires signed requests: send X-Timestamp and X-Signature.');
        }
        if (preg_match('/^[0-9]{1,16}$/D', $timestamp) !== 1 || preg_match('/^[0-9a-f]{64}$/D', $signature) !== 1) {
            throw self::badSignature('Malformed signature headers: X-Timestamp must be decimal milliseconds since the epoch and X-Signature 64 lowercase hex digits.');
        }
        $nowMs = (int) floor(microtime(true) * 1000);
        if (abs($nowMs - (int) $timestamp) > self::SIGNATURE_TOLERANCE_SECONDS * 1000) {
            throw self::badSignature('X-Timestamp is more than ' . self::SIGNATURE_TOLERANCE_SECONDS . ' seconds away from the server clock.');
        }
        if (!hash_equals(hash_hmac('sha256', $timestamp . $request->body, (string) $key['signing_secret']), $signature)) {
            throw self::badSignature('X-Signature does not match the request (HMAC-SHA256 of X-Timestamp followed by the body).');
        }
        // kept until its timestamp can no longer pass the tolerance check
        $expiresAt = intdiv((int) $timestamp, 1000) + self::SIGNATURE_TOLERANCE_SECONDS + 1;
        if (!$this->store->rememberSignature($key['id'], $signature, $expiresAt, intdiv($nowMs, 1000))) {
            throw self::badSignature('This request signature was already used (replay).');
        }
    }

    private static function badSignature(string $message): ApiError
    {
        return new ApiError(401, 'authentication_error', 'invalid_signature', $message);
    }

    /** @param array<string, mixed> $key */
    public static function requirePermission(array $key, string $permission): void
    {
        if (!in_array($permission, $key['permissions'], true)) {
            throw new ApiError(403, 'permission_error', 'insufficient_permissions',
                (($key['auth'] ?? null) === 'jwt' ? 'The token' : 'The API key') . ' lacks the permission this call needs.', ['required' => $permission]);
        }
    }

    /**
     * Counts the request against the key's window; the headers go on every response to this key.
     *
     * @param array<string, mixed> $key
     * @return array<string, string> the X-RateLimit-* headers
     * @throws ApiError 429 once the window's limit is used up
     */
    public function rateLimit(array $key, int $now): array
    {
        $limit = (int) $key['rate_limit']['limit'];
        $window = $this->store->countRequest($key['id'], (int) $key['rate_limit']['window_seconds'], $now);
        $headers = [
            'X-RateLimit-Limit' => (string) $limit,
            'X-RateLimit-Remaining' => (string) max(0, $limit - $window['count']),
            'X-RateLimit-Reset' => (string) $window['reset'],
        ];
        if ($window['count'] > $limit) {
            $retryAfter = max(1, $window['reset'] - $now);
            throw new ApiError(429, 'rate_limit_error', 'rate_limit_exceeded',
                'Rate limit exceeded for this ' . (($key['auth'] ?? null) === 'jwt' ? 'user' : 'API key') . '. Retry after the window resets.',
                ['retry_after' => $retryAfter, 'limit' => $limit],
                $headers + ['Retry-After' => (string) $retryAfter]);
        }

        return $headers;
    }

    private static function bearer(Request $request): ?string
    {
        $authorization = $request->header('authorization');

        return $authorization !== null && preg_match('/^Bearer[ \t]+(\S+)[ \t]*$/i', $authorization, $m) === 1 ? $m[1] : null;
    }

    private static function presentedKey(Request $request): ?string
    {
        $bearer = self::bearer($request);
        if ($bearer !== null) {
            return $bearer;
        }
        $apiKey = trim((string) $request->header('x-api-key'));

        return $apiKey === '' ? null : $apiKey;
    }
}
