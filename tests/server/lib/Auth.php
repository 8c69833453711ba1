<?php
// API key authentication, permission checks and per-key rate limiting.
declare(strict_types=1);

namespace WpllmEmulator;

final class Auth
{
    public const PERMISSIONS = ['read', 'generate', 'analyze', 'keys'];

    public function __construct(private readonly Config $config, private readonly Store $store)
    {
    }

    /**
     * The key record for the key the request presents (Authorization: Bearer, or X-API-Key).
     *
     * @return array<string, mixed>
     */
    public function authenticate(Request $request, int $now): array
    {
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

        return $key;
    }

    /** @param array<string, mixed> $key */
    public static function requirePermission(array $key, string $permission): void
    {
        if (!in_array($permission, $key['permissions'], true)) {
            throw new ApiError(403, 'permission_error', 'insufficient_permissions',
                'The API key lacks the permission this call needs.', ['required' => $permission]);
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
                'Rate limit exceeded for this API key. Retry after the window resets.',
                ['retry_after' => $retryAfter, 'limit' => $limit],
                $headers + ['Retry-After' => (string) $retryAfter]);
        }

        return $headers;
    }

    private static function presentedKey(Request $request): ?string
    {
        $authorization = $request->header('authorization');
        if ($authorization !== null && preg_match('/^Bearer[ \t]+(\S+)[ \t]*$/i', $authorization, $m) === 1) {
            return $m[1];
        }
        $apiKey = trim((string) $request->header('x-api-key'));

        return $apiKey === '' ? null : $apiKey;
    }
}
