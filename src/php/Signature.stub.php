<?php

/** @generate-class-entries */

namespace WPLLM;

/**
 * @strict-properties
 * @not-serializable
 */
final class Signature
{
    private function __construct() {}

    /** @return array{X-Timestamp: string, X-Signature: string} */
    public static function sign(#[\SensitiveParameter] string $secret, string $body, ?int $timestampMs = null): array {}

    public static function verify(#[\SensitiveParameter] string $secret, string $body, string $timestamp, string $signature, int $toleranceSeconds = 300): bool {}
}
