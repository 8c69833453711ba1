<?php
// The incoming HTTP request as the emulator sees it: method, path, query, lowercased headers, raw body.
declare(strict_types=1);

namespace WpllmEmulator;

final class Request
{
    /** @param array<string, string> $headers keyed by lowercased name */
    public function __construct(
        public readonly string $method,
        public readonly string $path,
        public readonly string $query,
        public readonly array $headers,
        public readonly string $body,
        public readonly float $receivedAt,
        public readonly string $remoteAddr,
        public readonly int $remotePort,
    ) {
    }

    public static function fromGlobals(): self
    {
        $uri = (string) ($_SERVER['REQUEST_URI'] ?? '/');
        $queryAt = strpos($uri, '?');
        $headers = [];
        foreach (getallheaders() as $name => $value) {
            $headers[strtolower((string) $name)] = (string) $value;
        }

        return new self(
            strtoupper((string) ($_SERVER['REQUEST_METHOD'] ?? 'GET')),
            $queryAt === false ? $uri : substr($uri, 0, $queryAt),
            $queryAt === false ? '' : substr($uri, $queryAt + 1),
            $headers,
            (string) file_get_contents('php://input'),
            (float) ($_SERVER['REQUEST_TIME_FLOAT'] ?? microtime(true)),
            (string) ($_SERVER['REMOTE_ADDR'] ?? ''),
            (int) ($_SERVER['REMOTE_PORT'] ?? 0),
        );
    }

    public function header(string $name): ?string
    {
        return $this->headers[strtolower($name)] ?? null;
    }

    /** @return array<string, mixed> */
    public function queryParams(): array
    {
        parse_str($this->query, $params);

        return $params;
    }

    /**
     * The body decoded as a JSON object.
     *
     * @return array<string, mixed>
     */
    public function jsonObject(): array
    {
        $data = json_decode($this->body, true);
        if (!is_array($data) || !str_starts_with(ltrim($this->body), '{')) {
            throw new ApiError(400, 'invalid_request_error', 'invalid_json', 'The request body must be a JSON object.');
        }

        return $data;
    }
}
