<?php
// CLI helper for Connection::drop(): finds the inherited socket of one client connection and shuts it down abortively.
declare(strict_types=1);

[, $localPort, $peerAddr, $peerPort] = $argv + [null, '', '', ''];

foreach (scandir('/proc/self/fd') ?: [] as $fd) {
    if (!ctype_digit($fd) || !str_starts_with((string) @readlink('/proc/self/fd/' . $fd), 'socket:')) {
        continue;
    }
    $stream = @fopen('php://fd/' . $fd, 'r+');
    $socket = $stream === false ? false : @socket_import_stream($stream);
    if ($socket === false || $socket === null) {
        continue;
    }
    if (@socket_getsockname($socket, $ownAddr, $ownPort) && (string) $ownPort === $localPort
        && @socket_getpeername($socket, $addr, $port) && $addr === $peerAddr && (string) $port === $peerPort) {
        socket_set_option($socket, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
        socket_shutdown($socket, 2);
        exit(0);
    }
}
fwrite(STDERR, "drop_socket: no inherited socket connected to {$peerAddr}:{$peerPort}\n");
exit(1);
