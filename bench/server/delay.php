<?php
// bench/server/delay.php: the slow upstream behind nginx's /slow/ location, for the batch figures: answers every
// request with BODY_FILE after DELAY_MS, many requests at once (one process, stream_select; nginx's echo module
// is not in Debian). Listens on 127.0.0.1, an ephemeral port, which it writes to PORT_FILE once listening.
//
//   php -n bench/server/delay.php PORT_FILE DELAY_MS BODY_FILE
declare(strict_types=1);

[$_, $portFile, $delayMs, $bodyFile] = $argv + [null, null, '200', null];
if ($portFile === null || $bodyFile === null) {
    fwrite(STDERR, "usage: php delay.php PORT_FILE DELAY_MS BODY_FILE\n");
    exit(2);
}
$delay = (float) $delayMs / 1000;
$body = (string) file_get_contents($bodyFile);
$response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " . strlen($body)
    . "\r\nConnection: close\r\n\r\n" . $body;

// a deep accept queue: a batch opens 64 connections at once, and the default (32) would drop SYNs (1 s retransmit)
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
    stream_context_create(['socket' => ['backlog' => 511]]));
if ($server === false) {
    fwrite(STDERR, "delay.php: $errstr\n");
    exit(1);
}
stream_set_blocking($server, false);
$name = stream_socket_get_name($server, false);
file_put_contents($portFile . '.tmp', substr($name, strrpos($name, ':') + 1) . "\n");
rename($portFile . '.tmp', $portFile);

$stop = false;
pcntl_async_signals(true);
pcntl_signal(SIGTERM, function () use (&$stop) { $stop = true; });
pcntl_signal(SIGINT, function () use (&$stop) { $stop = true; });

/** @var array<int, array{s: resource, in: string, due: ?float, out: string}> $conns */
$conns = [];
while (!$stop) {
    $now = microtime(true);
    $read = [$server];
    $write = [];
    $timeout = 1.0;
    foreach ($conns as $id => $c) {
        if ($c['due'] === null) {
            $read[] = $c['s'];
        } elseif ($c['due'] <= $now) {
            if ($c['out'] === '') {
                $conns[$id]['out'] = $response;
            }
            $write[] = $c['s'];
        } else {
            $timeout = min($timeout, $c['due'] - $now);
        }
    }
    $except = null;
    $n = @stream_select($read, $write, $except, 0, (int) max(0, $timeout * 1e6));
    if ($n === false) {
        continue; // interrupted by a signal
    }
    foreach ($read as $s) {
        if ($s === $server) {
            while (($c = @stream_socket_accept($server, 0)) !== false) {
                stream_set_blocking($c, false);
                $conns[(int) $c] = ['s' => $c, 'in' => '', 'due' => null, 'out' => ''];
            }
            continue;
        }
        $id = (int) $s;
        $data = fread($s, 65536);
        if ($data === '' || $data === false) {
            if (feof($s)) {
                fclose($s);
                unset($conns[$id]);
            }
            continue;
        }
        $conns[$id]['in'] .= $data;
        $in = $conns[$id]['in'];
        $end = strpos($in, "\r\n\r\n");
        if ($end !== false) {
            $len = preg_match('/^content-length:\s*(\d+)/mi', substr($in, 0, $end), $m) ? (int) $m[1] : 0;
            if (strlen($in) >= $end + 4 + $len) {
                $conns[$id]['due'] = microtime(true) + $delay;
            }
        }
    }
    foreach ($write as $s) {
        $id = (int) $s;
        $w = fwrite($s, $conns[$id]['out']);
        if ($w === false) {
            fclose($s);
            unset($conns[$id]);
            continue;
        }
        $conns[$id]['out'] = (string) substr($conns[$id]['out'], $w);
        if ($conns[$id]['out'] === '') {
            fclose($s);
            unset($conns[$id]);
        }
    }
}
