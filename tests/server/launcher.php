<?php
// Starts and stops the WP LLM emulator (php -S with router.php) in its own process group; only defines functions.
declare(strict_types=1);

/**
 * Starts the emulator on a free loopback port and waits until it answers.
 *
 * Needs only core PHP (it runs inside `php -n` test processes); the server itself runs with the full php.ini,
 * since it needs pdo_sqlite, sockets and mbstring.
 *
 * @return array{url: string, pid: int, proc: resource, state_dir: string, log: string}
 */
function wpllm_emulator_launch(string $stateDir, bool $testMode = true, int $workers = 4): array
{
    if (!is_dir($stateDir) && !mkdir($stateDir, 0700, true) && !is_dir($stateDir)) {
        throw new RuntimeException("wpllm emulator: cannot create state directory $stateDir");
    }
    $log = $stateDir . '/server.log';
    file_put_contents($log, '');
    $env = array_merge(getenv(), [
        'PHP_CLI_SERVER_WORKERS' => (string) $workers,
        'WPLLM_EMULATOR_STATE' => $stateDir,
        'WPLLM_EMULATOR_TEST_MODE' => $testMode ? '1' : '0',
    ]);
    if ($workers < 2) {
        // php -S rejects PHP_CLI_SERVER_WORKERS=1 ("must be larger than 1"); a single process is the default.
        unset($env['PHP_CLI_SERVER_WORKERS']);
    }
    // setsid: the server (master and the workers it forks) gets a process group of its own, killed as one.
    // -q drops the per-request access lines but also PHP's own messages, hence error_log: errors and warnings go
    // to the same log file, and never into a response body.
    $proc = proc_open(
        ['setsid', wpllm_emulator_php(), '-q', '-d', 'display_errors=0', '-d', 'log_errors=1', '-d', 'error_log=' . $log,
            '-S', '127.0.0.1:0', __DIR__ . '/router.php'],
        [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'a'], 2 => ['file', $log, 'a']],
        $pipes,
        __DIR__,
        $env,
    );
    if ($proc === false) {
        throw new RuntimeException('wpllm emulator: cannot start php -S');
    }
    $handle = ['url' => '', 'pid' => (int) proc_get_status($proc)['pid'], 'proc' => $proc, 'state_dir' => $stateDir, 'log' => $log];

    $deadline = microtime(true) + 15;
    while (true) {
        // Every process prints "[pid] [date] PHP 8.x Development Server (http://127.0.0.1:PORT) started".
        if ($handle['url'] === '' && preg_match('#Development Server \((http://127\.0\.0\.1:\d+)\) started#', (string) file_get_contents($log), $m) === 1) {
            $handle['url'] = $m[1];
        }
        $status = $handle['url'] === '' ? 0 : wpllm_emulator_health_status($handle['url']);
        if ($status === 200) {
            return $handle;
        }
        if ($status !== 0 || !proc_get_status($proc)['running'] || microtime(true) > $deadline) {
            wpllm_emulator_stop($handle);
            throw new RuntimeException("wpllm emulator: did not start; its log:\n" . file_get_contents($log));
        }
        usleep(20000);
    }
}

/** Stops the server: SIGTERM to its process group, SIGKILL to whatever is left after 3 s. */
function wpllm_emulator_stop(array $handle): void
{
    $pgid = (int) $handle['pid'];
    if ($pgid > 1) {
        wpllm_emulator_signal($pgid, 'TERM');
        $deadline = microtime(true) + 3;
        while (wpllm_emulator_group_alive($pgid, $handle['proc'] ?? null) && microtime(true) < $deadline) {
            usleep(20000);
        }
        if (wpllm_emulator_group_alive($pgid, $handle['proc'] ?? null)) {
            wpllm_emulator_signal($pgid, 'KILL');
        }
    }
    if (isset($handle['proc']) && is_resource($handle['proc'])) {
        proc_close($handle['proc']);
    }
}

/** Whether $pid is an emulator server (so a stale pid file never gets another process killed). */
function wpllm_emulator_is_server(int $pid): bool
{
    $cmdline = @file_get_contents("/proc/$pid/cmdline");

    return is_string($cmdline) && in_array('-S', explode("\0", $cmdline), true)
        && str_contains($cmdline, __DIR__ . '/router.php');
}

/** The PHP binary for the server: $WPLLM_EMULATOR_PHP, else `php` on PATH (the caller may be a php -n or another build). */
function wpllm_emulator_php(): string
{
    $php = getenv('WPLLM_EMULATOR_PHP');
    if (is_string($php) && $php !== '') {
        return $php;
    }
    foreach (explode(PATH_SEPARATOR, (string) getenv('PATH')) as $dir) {
        if ($dir !== '' && is_file("$dir/php") && is_executable("$dir/php")) {
            return "$dir/php";
        }
    }
    throw new RuntimeException('wpllm emulator: no php on PATH; set WPLLM_EMULATOR_PHP');
}

/** The HTTP status of GET /v1/health, 0 when nothing answers; a 200 counts only with the expected body. */
function wpllm_emulator_health_status(string $url): int
{
    $socket = @stream_socket_client('tcp://' . substr($url, strlen('http://')), $errno, $error, 1.0);
    if ($socket === false) {
        return 0;
    }
    stream_set_timeout($socket, 2);
    fwrite($socket, "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    $response = (string) stream_get_contents($socket);
    fclose($socket);
    $status = preg_match('#^HTTP/1\.[01] (\d{3}) #', $response, $m) === 1 ? (int) $m[1] : 0;

    return $status === 200 && !str_contains($response, '"status":"ok"') ? 500 : $status;
}

function wpllm_emulator_signal(int $pgid, string $signal): void
{
    if (function_exists('posix_kill')) {
        posix_kill(-$pgid, $signal === 'KILL' ? 9 : 15);

        return;
    }
    $kill = proc_open(['kill', '-s', $signal, '--', '-' . $pgid], [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
    if ($kill !== false) {
        proc_close($kill);
    }
}

/**
 * Whether any live (non-zombie) process is left in the group.
 *
 * @param resource|null $proc the master's proc_open handle, polled so that it is reaped once it exits
 */
function wpllm_emulator_group_alive(int $pgid, $proc): bool
{
    if (is_resource($proc)) {
        proc_get_status($proc);
    }
    foreach (scandir('/proc') ?: [] as $entry) {
        $stat = preg_match('/^\d+$/', $entry) === 1 ? @file_get_contents("/proc/$entry/stat") : false;
        if (!is_string($stat)) {
            continue;
        }
        // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
        $fields = explode(' ', substr($stat, strrpos($stat, ')') + 2));
        if ((int) ($fields[2] ?? 0) === $pgid && ($fields[0] ?? 'Z') !== 'Z') {
            return true;
        }
    }

    return false;
}
