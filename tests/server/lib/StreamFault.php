<?php
// Test-mode faults inside a POST /v1/generate/stream body (the stream_* keys of X-Emulator-Fault): what goes wrong after N chunks.
declare(strict_types=1);

namespace WpllmEmulator;

final class StreamFault
{
    /** The stream_huge line: its JSON is exactly this long, the newline (SSE: "data: " before, a blank line after) not counted. */
    public const HUGE_BYTES = 1536 * 1024;
    /** stream_endless gives up after this long even when the client never goes away. */
    public const ENDLESS_SECONDS = 600;

    private const PIECE_BYTES = 65536;
    private const GARBAGE = '{"id": "gen_' . "\x00\xff\xfe\x9c<\x01" . 'choices":[{';

    /**
     * @param string|null $ending  error, garbage, huge, drop, endless; null when the fault only stalls
     * @param int         $at      normal chunks before the ending (clamped to the completion's chunk count when used)
     * @param int|null    $stallAt normal chunks before the stall; null for no stall
     * @param \Closure(): void $drop drops the client's connection (Connection::drop) and never returns
     */
    public function __construct(
        private readonly ?string $ending,
        private readonly int $at,
        private readonly ?int $stallAt,
        private readonly float $stallSeconds,
        private readonly string $errorType,
        private readonly string $errorCode,
        private readonly string $requestId,
        private readonly \Closure $drop,
    ) {
    }

    /** After how many of the completion's $count chunks the ending replaces the rest; null for none or stream_endless. */
    public function endingAt(int $count): ?int
    {
        return $this->ending === null || $this->ending === 'endless' ? null : min($this->at, $count);
    }

    public function stallAt(int $count): ?int
    {
        return $this->stallAt === null ? null : min($this->stallAt, $count);
    }

    public function stall(): void
    {
        usleep((int) round($this->stallSeconds * 1e6));
    }

    public function endless(): bool
    {
        return $this->ending === 'endless';
    }

    /**
     * What replaces the rest of the stream; the caller has paced this slot already.
     *
     * @param \Closure(): string $next  the next frame: the following normal chunk, or an empty chunk when none is left
     * @param \Closure(): void   $pace  waits one pace interval
     * @param array<string, mixed> $hugeChunk a chunk whose delta text is padded to make the stream_huge line
     * @return \Generator<string>
     */
    public function ending(bool $sse, \Closure $next, \Closure $pace, array $hugeChunk): \Generator
    {
        switch ($this->ending) {
            case 'error':
                $error = new ApiError(500, $this->errorType, $this->errorCode, 'The generation was interrupted.');
                $json = Response::encode($error->envelope($this->requestId));
                yield $sse ? "event: error\ndata: " . $json . "\n\n" : $json . "\n";
                break;
            case 'garbage':
                yield $sse ? 'data: ' . self::GARBAGE . "\n\n" : self::GARBAGE . "\n";
                $pace();
                yield $next();
                break;
            case 'huge':
                if ($sse) {
                    yield 'data: ';
                }
                yield from self::hugeJson($hugeChunk);
                yield $sse ? "\n\n" : "\n";
                break;
            case 'drop':
                flush(); // the status line and headers too, when no chunk came before
                try {
                    ($this->drop)();
                } catch (\Throwable $e) {
                    error_log('wpllm emulator: ' . $e);
                }
                break;
        }
    }

    /**
     * $chunk encoded with its delta text padded with "x" so that the JSON is exactly HUGE_BYTES, in pieces of
     * PIECE_BYTES; never held whole in memory.
     *
     * @param array<string, mixed> $chunk with an empty delta text
     * @return \Generator<string>
     */
    private static function hugeJson(array $chunk): \Generator
    {
        $json = Response::encode($chunk);
        $split = strpos($json, '"text":""') + strlen('"text":"');
        [$head, $tail] = [substr($json, 0, $split), substr($json, $split)];
        $rest = self::HUGE_BYTES - strlen($json) - (self::PIECE_BYTES - strlen($head));
        yield $head . str_repeat('x', self::PIECE_BYTES - strlen($head));
        $piece = str_repeat('x', self::PIECE_BYTES);
        for (; $rest + strlen($tail) > self::PIECE_BYTES; $rest -= self::PIECE_BYTES) {
            yield $piece;
        }
        yield str_repeat('x', $rest) . $tail;
    }
}
