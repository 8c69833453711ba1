<?php
// POST /v1/generate and /v1/generate/stream: parameter validation, the deterministic completion, and its NDJSON/SSE chunking.
declare(strict_types=1);

namespace WpllmEmulator;

final class Generation
{
    private const MAX_TOKENS_LIMIT = 8192;
    private const DEFAULT_MAX_TOKENS = 2048;
    private const CHUNK_BYTES = 40;
    private const MIN_CHUNKS = 3;

    /** Requests for malicious code, refused by the content filter. */
    private const FILTERED = '/\b(?:backdoors?|keyloggers?|ransomware|web ?shells?|card skimmers?|credential stealers?)\b/i';

    public function __construct(private readonly Config $config)
    {
    }

    /**
     * Validates a generate body.
     *
     * @param array<string, mixed> $body
     * @return array{model: string, prompt: string, max_tokens: int, prompt_tokens: int}
     */
    public function parse(array $body): array
    {
        $prompt = $body['prompt'] ?? null;
        if (!is_string($prompt) || trim($prompt) === '') {
            throw ApiError::invalidParameter('prompt', 'prompt is required and must be a non-empty string.');
        }
        $modelId = $body['model'] ?? $this->config->defaultModel();
        if (!is_string($modelId)) {
            throw ApiError::invalidParameter('model', 'model must be a string.');
        }
        $model = $this->config->model($modelId) ?? throw ApiError::modelNotFound();
        $maxTokens = $body['max_tokens'] ?? self::DEFAULT_MAX_TOKENS;
        if (!is_int($maxTokens) || $maxTokens < 1 || $maxTokens > self::MAX_TOKENS_LIMIT) {
            throw ApiError::invalidParameter('max_tokens', 'max_tokens must be an integer from 1 to 8192.');
        }
        self::requireNumber($body, 'temperature', 2.0);
        self::requireNumber($body, 'top_p', 1.0);
        $context = $body['context'] ?? '';
        if (!is_string($context) && !is_array($context)) {
            throw ApiError::invalidParameter('context', 'context must be a string or an array.');
        }

        $promptTokens = self::tokens($prompt) + self::tokens(is_string($context) ? $context : Response::encode($context));
        if ($promptTokens > $model['context_length']) {
            throw new ApiError(400, 'invalid_request_error', 'context_length_exceeded',
                'The prompt is longer than the model\'s context window.',
                ['param' => 'prompt', 'prompt_tokens' => $promptTokens, 'context_length' => $model['context_length']]);
        }
        if (preg_match(self::FILTERED, $prompt) === 1) {
            throw new ApiError(400, 'content_filter_error', 'content_filtered',
                'The request was refused by the content filter: it asks for malicious code.', ['category' => 'malware']);
        }

        return ['model' => $modelId, 'prompt' => $prompt, 'max_tokens' => $maxTokens, 'prompt_tokens' => $promptTokens];
    }

    /**
     * @param array{model: string, prompt: string, max_tokens: int, prompt_tokens: int} $params
     * @return array{text: string, finish_reason: string, usage: array<string, int>}
     */
    public function complete(array $params): array
    {
        $text = Templates::generate($params['prompt']);
        $finish = 'stop';
        if (self::tokens($text) > $params['max_tokens']) {
            $text = mb_strcut($text, 0, $params['max_tokens'] * 4, 'UTF-8');
            $finish = 'length';
        }
        $completionTokens = self::tokens($text);

        return ['text' => $text, 'finish_reason' => $finish, 'usage' => [
            'prompt_tokens' => $params['prompt_tokens'],
            'completion_tokens' => $completionTokens,
            'total_tokens' => $params['prompt_tokens'] + $completionTokens,
        ]];
    }

    /** @param array{model: string, prompt: string, max_tokens: int, prompt_tokens: int} $params */
    public function response(array $params): Response
    {
        $completion = $this->complete($params);

        return Response::json(200, [
            'id' => self::newId('gen_'),
            'object' => 'text_completion',
            'created' => time(),
            'model' => $params['model'],
            'choices' => [['index' => 0, 'text' => $completion['text'], 'finish_reason' => $completion['finish_reason']]],
            'usage' => $completion['usage'],
        ]);
    }

    /**
     * The same completion as a stream of chunks, each produced after a pause of $paceMs; $fault (test mode) breaks it.
     *
     * @param array{model: string, prompt: string, max_tokens: int, prompt_tokens: int} $params
     */
    public function stream(array $params, bool $sse, int $paceMs, ?StreamFault $fault = null): Response
    {
        $completion = $this->complete($params);
        $response = Response::stream(200, $sse ? 'text/event-stream' : 'application/x-ndjson',
            $this->chunks($params['model'], $completion, $sse, $paceMs, $fault));

        return $response->header('Cache-Control', 'no-cache')->header('X-Accel-Buffering', 'no');
    }

    /** Tokens as the service counts them: one per four bytes, rounded up. */
    public static function tokens(string $text): int
    {
        return intdiv(strlen($text) + 3, 4);
    }

    public static function newId(string $prefix): string
    {
        return $prefix . bin2hex(random_bytes(12));
    }

    /**
     * The chunks, one per slot: slot $i (after $i chunks) is paced, then holds chunk $i or the fault's ending.
     *
     * @param array{text: string, finish_reason: string, usage: array<string, int>} $completion
     * @return \Generator<string>
     */
    private function chunks(string $model, array $completion, bool $sse, int $paceMs, ?StreamFault $fault): \Generator
    {
        $id = self::newId('gen_');
        $created = time();
        $chunk = static fn (string $text, ?string $finish): array => [
            'id' => $id,
            'object' => 'text_completion.chunk',
            'created' => $created,
            'model' => $model,
            'choices' => [['index' => 0, 'delta' => ['text' => $text], 'finish_reason' => $finish]],
        ];
        $frame = static fn (array $data): string => $sse ? 'data: ' . Response::encode($data) . "\n\n" : Response::encode($data) . "\n";
        $pieces = self::split($completion['text']);
        $count = count($pieces);
        $normal = static function (int $i) use ($pieces, $count, $completion, $chunk, $frame): string {
            if ($i >= $count) {
                return $frame($chunk('', null));
            }
            $data = $chunk($pieces[$i], $i === $count - 1 ? $completion['finish_reason'] : null);
            if ($i === $count - 1) {
                $data['usage'] = $completion['usage'];
            }

            return $frame($data);
        };
        $pace = static function () use ($paceMs): void {
            if ($paceMs > 0) {
                usleep($paceMs * 1000);
            }
        };

        $endingAt = $fault?->endingAt($count);
        $stallAt = $fault?->stallAt($count);
        for ($i = 0; $i <= $count; $i++) {
            if ($i === $stallAt) {
                $fault->stall();
            }
            if ($i === $endingAt) {
                if ($i > 0) {
                    $pace();
                }
                yield from $fault->ending($sse, static fn (): string => $normal($i), $pace, $chunk('', null));

                return;
            }
            if ($i < $count) {
                if ($i > 0) {
                    $pace();
                }
                yield $normal($i);
            }
        }
        if ($fault?->endless()) {
            // an empty chunk every pace interval (at least 1 ms) until the client goes away, for ENDLESS_SECONDS at most
            $deadline = microtime(true) + StreamFault::ENDLESS_SECONDS;
            while (connection_aborted() === 0 && microtime(true) < $deadline) {
                usleep(max(1, $paceMs) * 1000);
                yield $frame($chunk('', null));
            }

            return;
        }
        if ($sse) {
            yield "data: [DONE]\n\n";
        }
    }

    /**
     * Splits on UTF-8 boundaries into pieces of about CHUNK_BYTES, smaller when needed to make MIN_CHUNKS.
     *
     * @return list<string>
     */
    private static function split(string $text): array
    {
        $size = max(1, min(self::CHUNK_BYTES, intdiv(strlen($text), self::MIN_CHUNKS)));
        $pieces = [];
        for ($offset = 0; $offset < strlen($text); $offset += strlen($piece)) {
            $piece = mb_strcut($text, $offset, $size, 'UTF-8');
            if ($piece === '') {
                $piece = mb_strcut($text, $offset, $size + 3, 'UTF-8');
            }
            $pieces[] = $piece;
        }

        return $pieces;
    }

    /** @param array<string, mixed> $body */
    private static function requireNumber(array $body, string $param, float $max): void
    {
        $value = $body[$param] ?? null;
        if ($value !== null && ((!is_int($value) && !is_float($value)) || $value < 0 || $value > $max)) {
            throw ApiError::invalidParameter($param, sprintf('%s must be a number from 0 to %g.', $param, $max));
        }
    }
}
