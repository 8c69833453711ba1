<?php

/** @generate-class-entries */

namespace WPLLM;

/**
 * @strict-properties
 * @not-serializable
 */
final class Totp
{
    private function __construct() {}

    public static function generate(#[\SensitiveParameter] string $base32Secret, ?int $time = null, array $options = []): string {}

    public static function verify(#[\SensitiveParameter] string $base32Secret, #[\SensitiveParameter] string $code, array $options = []): bool {}

    public static function match(#[\SensitiveParameter] string $base32Secret, #[\SensitiveParameter] string $code, array $options = []): ?int {}

    public static function randomSecret(int $bytes = 20): string {}

    public static function uri(#[\SensitiveParameter] string $secret, string $label, string $issuer, array $options = []): string {}
}
