<?php
// A service error and its two documented JSON envelopes (current and legacy).
declare(strict_types=1);

namespace WpllmEmulator;

final class ApiError extends \RuntimeException
{
    /**
     * @param array<string, mixed>  $details
     * @param array<string, string> $headers extra response headers (e.g. Retry-After)
     */
    public function __construct(
        public readonly int $status,
        public readonly string $type,
        public readonly string $errorCode,
        string $message,
        public readonly array $details = [],
        public readonly array $headers = [],
    ) {
        parent::__construct($message);
    }

    public static function invalidParameter(string $param, string $message): self
    {
        return new self(400, 'invalid_request_error', 'invalid_parameters', $message, ['param' => $param]);
    }

    public static function modelNotFound(): self
    {
        return new self(404, 'not_found_error', 'model_not_found', 'The requested model does not exist.', ['param' => 'model']);
    }

    /** The current envelope: {"error": {type, code, message, details, request_id, timestamp}}. */
    public function toResponse(string $requestId): Response
    {
        return $this->withHeaders(Response::json($this->status, $this->envelope($requestId)));
    }

    /**
     * The current envelope as data (also sent as a mid-stream error chunk).
     *
     * @return array{error: array<string, mixed>}
     */
    public function envelope(string $requestId): array
    {
        return ['error' => [
            'type' => $this->type,
            'code' => $this->errorCode,
            'message' => $this->getMessage(),
            'details' => $this->details === [] ? new \stdClass() : $this->details,
            'request_id' => $requestId,
            'timestamp' => gmdate('Y-m-d\TH:i:s\Z'),
        ]];
    }

    /** The older envelope: {"error": {code, message, param, type, retry_after?}}. */
    public function toLegacyResponse(): Response
    {
        $error = [
            'code' => $this->errorCode,
            'message' => $this->getMessage(),
            'param' => $this->details['param'] ?? null,
            'type' => $this->type,
        ];
        if (array_key_exists('retry_after', $this->details)) {
            $error['retry_after'] = $this->details['retry_after'];
        }

        return $this->withHeaders(Response::json($this->status, ['error' => $error]));
    }

    private function withHeaders(Response $response): Response
    {
        foreach ($this->headers as $name => $value) {
            $response->header($name, $value);
        }

        return $response;
    }
}
