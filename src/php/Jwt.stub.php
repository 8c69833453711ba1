<?php

/** @generate-class-entries */

namespace WPLLM;

/**
 * @strict-properties
 * @not-serializable
 */
final class Jwt
{
    private function __construct() {}

    public static function encode(array $claims, #[\SensitiveParameter] string $key, string $alg = "HS256", array $header = []): string {}

    public static function decode(string $jwt, #[\SensitiveParameter] string|array $key, array $options = []): array {}
}
