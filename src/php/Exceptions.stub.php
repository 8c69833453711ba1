<?php

/** @generate-class-entries */

namespace WPLLM\Exceptions;

interface ExceptionInterface extends \Throwable
{
}

class WPLLMException extends \RuntimeException implements ExceptionInterface
{
    private string $errorCode = "";
    private string $errorType = "";
    private array $details = [];
    private ?string $requestId = null;
    private int $httpStatus = 0;
    private array $headers = [];
    private ?int $retryAfter = null;

    public function getErrorCode(): string {}
    public function getErrorType(): string {}
    public function getDetails(): array {}
    public function getRequestId(): ?string {}
    public function getHttpStatus(): int {}
    public function getHeaders(): array {}
    public function getRetryAfter(): ?int {}
}

class AuthenticationException extends WPLLMException
{
}

class PermissionException extends WPLLMException
{
}

class ValidationException extends WPLLMException
{
}

class NotFoundException extends WPLLMException
{
}

class QuotaExceededException extends WPLLMException
{
}

class RateLimitException extends WPLLMException
{
}

class ContentFilterException extends WPLLMException
{
}

class ServerException extends WPLLMException
{
}

class ConnectionException extends WPLLMException
{
}

class TimeoutException extends ConnectionException
{
}

class InvalidArgumentException extends \InvalidArgumentException implements ExceptionInterface
{
}
