<?php
// Test-mode fault injection from the X-Emulator-Fault header: error statuses, retry hints, dropped connections, slow and broken bodies, broken streams.
declare(strict_types=1);

namespace WpllmEmulator;

final class Fault
{
    public const HEADER = 'x-emulator-fault';

    private const KEYS = ['id', 'times', 'status', 'code', 'type', 'format', 'retry_after', 'retry_after_ms', 'body_retry_after',
        'should_retry', 'drop', 'stall', 'trickle', 'garbage', 'html', 'oversize',
        'stream_error', 'stream_error_code', 'stream_error_type', 'stream_garbage', 'stream_huge', 'stream_stall', 'stream_endless', 'stream_drop'];

    /** The faults that replace the response; at most one per request. */
    private const REPLACING = ['status', 'drop', 'garbage', 'html', 'oversize'];

    /** Faults inside a POST /v1/generate/stream body, after its validation and N normal chunks; ignored on other endpoints. */
    private const STREAM = ['stream_error', 'stream_error_code', 'stream_error_type', 'stream_garbage', 'stream_huge', 'stream_stall',
        'stream_endless', 'stream_drop'];

    /** The stream faults that end the stream, each after N chunks (stream_endless: after all of them); at most one per request. */
    private const STREAM_ENDINGS = ['stream_error' => 'error', 'stream_garbage' => 'garbage', 'stream_huge' => 'huge',
        'stream_endless' => 'endless', 'stream_drop' => 'drop'];

    private const MAX_CHUNKS = 1000000;
    private const STALL_PATTERN = '/^(\d{1,7}):(\d{1,3}(?:\.\d{1,6})?)$/';

    private const REASONS = [400 => 'Bad Request', 401 => 'Unauthorized', 402 => 'Payment Required', 403 => 'Forbidden',
        404 => 'Not Found', 408 => 'Request Timeout', 409 => 'Conflict', 413 => 'Request Entity Too Large', 422 => 'Unprocessable Entity',
        429 => 'Too Many Requests', 500 => 'Internal Server Error', 502 => 'Bad Gateway', 503 => 'Service Temporarily Unavailable',
        504 => 'Gateway Time-out'];

    private const OVERSIZE_HEAD = '{"pad":"';
    private const OVERSIZE_TAIL = '"}';
    private const PIECE_BYTES = 65536;

    /** @param array<string, string> $spec */
    private function __construct(private readonly array $spec)
    {
    }

    /**
     * Parses "k=v;k=v". Values are URL-decoded, so a value may carry ';', '=' or ',' (an HTTP-date) encoded.
     *
     * @throws ApiError 400 invalid_fault for anything malformed
     */
    public static function parse(string $header): self
    {
        $spec = [];
        foreach (explode(';', $header) as $pair) {
            if (trim($pair) === '') {
                continue;
            }
            [$key, $value] = array_map('trim', explode('=', $pair, 2)) + [1 => null];
            if (!in_array($key, self::KEYS, true) || $value === null || isset($spec[$key])) {
                throw self::invalid('each part must be one of ' . implode(', ', self::KEYS) . ', given once as key=value');
            }
            $spec[$key] = rawurldecode($value);
        }
        $fault = new self($spec);
        $fault->validate();

        return $fault;
    }

    public function id(): ?string
    {
        return $this->spec['id'] ?? null;
    }

    /** Whether the fault applies to the request that is the $nth (1-based) carrying this id. */
    public function appliesTo(int $nth): bool
    {
        return !isset($this->spec['times']) || $nth <= (int) $this->spec['times'];
    }

    public function stallSeconds(): float
    {
        return (float) ($this->spec['stall'] ?? 0);
    }

    public function trickleMs(): int
    {
        return (int) ($this->spec['trickle'] ?? 0);
    }

    public function drop(): ?string
    {
        return $this->spec['drop'] ?? null;
    }

    /** @return array<string, string> retry hints to put on whatever response goes out */
    public function headers(): array
    {
        $headers = [];
        foreach (['retry_after' => 'Retry-After', 'retry_after_ms' => 'retry-after-ms', 'should_retry' => 'x-should-retry'] as $key => $name) {
            if (isset($this->spec[$key])) {
                $headers[$name] = $this->spec[$key];
            }
        }

        return $headers;
    }

    /**
     * The stream_* faults for POST /v1/generate/stream, or null when there are none.
     *
     * @param \Closure(): void $drop drops the client's connection
     */
    public function streamFault(string $requestId, \Closure $drop): ?StreamFault
    {
        $s = $this->spec;
        $endings = array_intersect_key(self::STREAM_ENDINGS, $s);
        $stall = isset($s['stream_stall']) && preg_match(self::STALL_PATTERN, $s['stream_stall'], $m) === 1 ? $m : null;
        if ($endings === [] && $stall === null) {
            return null;
        }
        $key = array_key_first($endings);

        return new StreamFault(
            $key === null ? null : $endings[$key],
            $key === null || $key === 'stream_endless' ? 0 : (int) $s[$key],
            $stall === null ? null : (int) $stall[1],
            $stall === null ? 0.0 : (float) $stall[2],
            $s['stream_error_type'] ?? 'server_error',
            $s['stream_error_code'] ?? 'stream_interrupted',
            $requestId,
            $drop,
        );
    }

    /** The response that replaces the normal one, or null when the request is to be served normally. */
    public function response(string $requestId): ?Response
    {
        return match (true) {
            isset($this->spec['status']) => $this->errorResponse((int) $this->spec['status'], $requestId),
            isset($this->spec['garbage']) => Response::body(200, 'application/json', '{"id": "gen_' . "\x00\xff\xfe\x9c<\x01" . 'choices":[{'),
            isset($this->spec['html']) => $this->htmlResponse((int) $this->spec['html']),
            isset($this->spec['oversize']) => $this->oversizeResponse((int) $this->spec['oversize']),
            default => null,
        };
    }

    private function errorResponse(int $status, string $requestId): Response
    {
        [$type, $code, $message] = self::errorFor($status);
        $details = isset($this->spec['body_retry_after']) ? ['retry_after' => (int) $this->spec['body_retry_after']] : [];
        $error = new ApiError($status, $this->spec['type'] ?? $type, $this->spec['code'] ?? $code, $message, $details);

        return ($this->spec['format'] ?? 'current') === 'legacy' ? $error->toLegacyResponse() : $error->toResponse($requestId);
    }

    /** @return array{string, string, string} type, code and message fitting an HTTP status */
    private static function errorFor(int $status): array
    {
        return match (true) {
            $status === 400, $status === 422 => ['invalid_request_error', 'invalid_parameters', 'The request parameters are invalid.'],
            $status === 401 => ['authentication_error', 'invalid_api_key', 'The API key is not valid.'],
            $status === 402 => ['invalid_request_error', 'quota_exceeded', 'The account has used up its quota.'],
            $status === 403 => ['permission_error', 'insufficient_permissions', 'The API key lacks the permission this call needs.'],
            $status === 404 => ['not_found_error', 'not_found', 'The requested resource does not exist.'],
            $status === 408 => ['invalid_request_error', 'request_timeout', 'The request took too long to arrive.'],
            $status === 409 => ['invalid_request_error', 'conflict', 'The request conflicts with another one in progress.'],
            $status === 429 => ['rate_limit_error', 'rate_limit_exceeded', 'Rate limit exceeded. Retry later.'],
            $status === 503 => ['server_error', 'service_unavailable', 'The service is temporarily unavailable.'],
            $status >= 500 => ['server_error', 'internal_error', 'The service had an internal error.'],
            default => ['invalid_request_error', 'invalid_request', 'The request could not be served.'],
        };
    }

    /** A proxy's own error page, as nginx sends it when the upstream fails. */
    private function htmlResponse(int $status): Response
    {
        $title = $status . ' ' . (self::REASONS[$status] ?? 'Error');
        $html = "<html>\r\n<head><title>{$title}</title></head>\r\n<body>\r\n<center><h1>{$title}</h1></center>\r\n"
            . "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

        return Response::body($status, 'text/html', $html)->header('Server', 'nginx');
    }

    /** A valid JSON object of exactly $bytes bytes, produced piece by piece so it is never held in memory. */
    private function oversizeResponse(int $bytes): Response
    {
        $pieces = (static function () use ($bytes): \Generator {
            yield self::OVERSIZE_HEAD;
            $pad = $bytes - strlen(self::OVERSIZE_HEAD . self::OVERSIZE_TAIL);
            $piece = str_repeat('x', self::PIECE_BYTES);
            for (; $pad >= self::PIECE_BYTES; $pad -= self::PIECE_BYTES) {
                yield $piece;
            }
            yield str_repeat('x', $pad) . self::OVERSIZE_TAIL;
        })();

        return Response::stream(200, 'application/json', $pieces)->header('Content-Length', (string) $bytes);
    }

    private function validate(): void
    {
        $s = $this->spec;
        $replacing = array_intersect(self::REPLACING, array_keys($s));
        $checks = [
            'at most one of ' . implode(', ', self::REPLACING) => count($replacing) <= 1,
            'id must be 1-128 printable characters' => !isset($s['id']) || preg_match('/^[\x21-\x7e]{1,128}$/', $s['id']) === 1,
            'times needs an id and must be a positive integer' => !isset($s['times']) || (isset($s['id']) && self::isInt($s['times'], 1, PHP_INT_MAX)),
            'status must be 400-599' => !isset($s['status']) || self::isInt($s['status'], 400, 599),
            'html must be 400-599' => !isset($s['html']) || self::isInt($s['html'], 400, 599),
            'code and type must match [a-z0-9_]{1,64}' => preg_match('/^[a-z0-9_]{1,64}$/', $s['code'] ?? 'x') === 1
                && preg_match('/^[a-z0-9_]{1,64}$/', $s['type'] ?? 'x') === 1,
            'code, type, format and body_retry_after need status' => isset($s['status'])
                || array_intersect(['code', 'type', 'format', 'body_retry_after'], array_keys($s)) === [],
            'format must be current or legacy' => in_array($s['format'] ?? 'current', ['current', 'legacy'], true),
            'retry_after must be printable ASCII' => preg_match('/^[\x20-\x7e]*$/', $s['retry_after'] ?? '') === 1,
            'retry_after_ms and body_retry_after must be non-negative integers' => self::isInt($s['retry_after_ms'] ?? '0', 0, PHP_INT_MAX)
                && self::isInt($s['body_retry_after'] ?? '0', 0, PHP_INT_MAX),
            'should_retry must be true or false' => in_array($s['should_retry'] ?? 'true', ['true', 'false'], true),
            'drop must be before_headers or mid_body' => in_array($s['drop'] ?? 'mid_body', ['before_headers', 'mid_body'], true),
            'stall must be 0-300 seconds' => !isset($s['stall']) || (is_numeric($s['stall']) && (float) $s['stall'] >= 0 && (float) $s['stall'] <= 300),
            'trickle must be 0-10000 ms' => self::isInt($s['trickle'] ?? '0', 0, 10000),
            'garbage must be 1' => ($s['garbage'] ?? '1') === '1',
            'oversize must be 10 bytes to 1 GiB' => !isset($s['oversize']) || self::isInt($s['oversize'], 10, 1 << 30),
            'at most one of ' . implode(', ', array_keys(self::STREAM_ENDINGS)) => count(array_intersect_key(self::STREAM_ENDINGS, $s)) <= 1,
            'stream faults cannot be combined with ' . implode(', ', self::REPLACING) => $replacing === []
                || array_intersect(self::STREAM, array_keys($s)) === [],
            'stream_error, stream_garbage, stream_huge and stream_drop must be a chunk count 0-' . self::MAX_CHUNKS
                => self::isInt($s['stream_error'] ?? '0', 0, self::MAX_CHUNKS) && self::isInt($s['stream_garbage'] ?? '0', 0, self::MAX_CHUNKS)
                && self::isInt($s['stream_huge'] ?? '0', 0, self::MAX_CHUNKS) && self::isInt($s['stream_drop'] ?? '0', 0, self::MAX_CHUNKS),
            'stream_stall must be N:S, N a chunk count 0-' . self::MAX_CHUNKS . ' and S 0-300 seconds' => !isset($s['stream_stall'])
                || (preg_match(self::STALL_PATTERN, $s['stream_stall'], $m) === 1 && (int) $m[1] <= self::MAX_CHUNKS && (float) $m[2] <= 300),
            'stream_endless must be 1' => ($s['stream_endless'] ?? '1') === '1',
            'stream_error_code and stream_error_type must match [a-z0-9_]{1,64}'
                => preg_match('/^[a-z0-9_]{1,64}$/', $s['stream_error_code'] ?? 'x') === 1
                && preg_match('/^[a-z0-9_]{1,64}$/', $s['stream_error_type'] ?? 'x') === 1,
            'stream_error_code and stream_error_type need stream_error' => isset($s['stream_error'])
                || array_intersect(['stream_error_code', 'stream_error_type'], array_keys($s)) === [],
        ];
        foreach ($checks as $rule => $ok) {
            if (!$ok) {
                throw self::invalid($rule);
            }
        }
    }

    private static function isInt(string $value, int $min, int $max): bool
    {
        return preg_match('/^\d{1,18}$/', $value) === 1 && (int) $value >= $min && (int) $value <= $max;
    }

    private static function invalid(string $rule): ApiError
    {
        return new ApiError(400, 'invalid_request_error', 'invalid_fault', 'Malformed X-Emulator-Fault header: ' . $rule . '.');
    }
}
