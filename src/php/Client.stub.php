<?php

/** @generate-class-entries */

namespace WPLLM;

/**
 * @strict-properties
 * @not-serializable
 */
final class Client
{
    /**
     * @var string
     * @cvalue PHP_WPLLM_VERSION
     */
    public const VERSION = UNKNOWN;
    /** @var string */
    public const DEFAULT_BASE_URL = "https://api.wp-llm.com";
    /** @var string */
    public const DEFAULT_MODEL = "wp-llm-13b";

    public function __construct(#[\SensitiveParameter] string|array|null $options = null) {}

    public function generate(array $params, array $requestOptions = []): array {}

    public function generateStream(array $params, ?callable $onChunk = null, array $requestOptions = []): array|Stream {}

    /** @return array<array{state: string, value?: array, reason?: \WPLLM\Exceptions\ExceptionInterface}> */
    public function generateBatch(array $requests, array $options = []): array {}

    public function analyze(array $params, array $requestOptions = []): array {}

    public function models(array $requestOptions = []): array {}

    public function model(string $id, array $requestOptions = []): array {}

    public function health(array $requestOptions = []): array {}

    public function testConnection(): bool {}

    public function validateToken(array $requestOptions = []): array {}

    public function request(string $method, string $path, ?array $body = null, array $query = [], array $requestOptions = []): array {}

    public function getLastResponse(): ?array {}

    public function getLastError(): ?\WPLLM\Exceptions\WPLLMException {}
}
