<?php
// An HTTP response whose body is a sequence of pieces, each flushed to the client as it is produced.
declare(strict_types=1);

namespace WpllmEmulator;

final class Response
{
    /** @var array<string, string> */
    private array $headers = [];

    /** @param iterable<string> $pieces */
    private function __construct(public readonly int $status, private readonly iterable $pieces)
    {
    }

    /** @param array<mixed> $data */
    public static function json(int $status, array $data): self
    {
        return self::body($status, 'application/json', self::encode($data));
    }

    public static function body(int $status, string $contentType, string $body): self
    {
        return (new self($status, [$body]))
            ->header('Content-Type', $contentType)
            ->header('Content-Length', (string) strlen($body));
    }

    /**
     * A body of unknown length, delimited by the end of the connection (php -S closes it after each response).
     *
     * @param iterable<string> $pieces produced lazily; any pacing happens inside the producer
     */
    public static function stream(int $status, string $contentType, iterable $pieces): self
    {
        return (new self($status, $pieces))->header('Content-Type', $contentType);
    }

    /** @param array<mixed> $data */
    public static function encode(array $data): string
    {
        return json_encode($data, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR);
    }

    public function header(string $name, string $value): self
    {
        $this->headers[$name] = $value;

        return $this;
    }

    /** Sends status, headers and body; with $trickleMs > 0 the body goes out one byte at a time. */
    public function send(int $trickleMs = 0): void
    {
        http_response_code($this->status);
        header_remove('X-Powered-By');
        foreach ($this->headers as $name => $value) {
            header($name . ': ' . $value);
        }
        while (ob_get_level() > 0) {
            ob_end_flush();
        }
        $bytesSent = false;
        foreach ($this->pieces as $piece) {
            if ($trickleMs <= 0) {
                echo $piece;
                flush();
                continue;
            }
            foreach (str_split($piece) as $byte) {
                if ($bytesSent) {
                    usleep($trickleMs * 1000);
                }
                $bytesSent = true;
                echo $byte;
                flush();
            }
        }
    }
}
