<?php
// Drops the client's connection from inside php -S, which offers no API for it: a CLI helper does it on the inherited socket.
declare(strict_types=1);

namespace WpllmEmulator;

final class Connection
{
    /**
     * Shuts the client's TCP connection down (FIN at once, RST when php -S closes it) and ends the request.
     *
     * The cli-server SAPI refuses php://fd/N, so this process cannot reach the socket as a stream. A child process
     * inherits the worker's descriptors (php -S does not set close-on-exec on accepted sockets), and under the CLI
     * SAPI it can open php://fd/N, find the socket whose peer is this request's client, set SO_LINGER to zero and
     * shut it down. Whatever php -S writes afterwards fails quietly, so the client sees only what was sent before.
     */
    public static function drop(Request $request): never
    {
        $helper = proc_open(
            [PHP_BINARY, __DIR__ . '/drop_socket.php', (string) $_SERVER['SERVER_PORT'], $request->remoteAddr, (string) $request->remotePort],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w']],
            $pipes,
        );
        $status = $helper === false ? -1 : proc_close($helper);
        if ($status !== 0) {
            throw new \RuntimeException('could not drop the client connection (helper exit status ' . $status . ')');
        }
        exit(0);
    }
}
