<?php
// CLI: php tests/server/start.php STATE_DIR [--test-mode] [--workers=N] starts the emulator in the background; writes STATE_DIR/url and STATE_DIR/pid, prints the URL.
declare(strict_types=1);

require __DIR__ . '/launcher.php';

$stateDir = null;
$testMode = false;
$workers = 4;
foreach (array_slice($argv, 1) as $arg) {
    if ($arg === '--test-mode') {
        $testMode = true;
    } elseif (preg_match('/^--workers=([1-9]\d?)$/', $arg, $m) === 1) {
        $workers = (int) $m[1];
    } elseif ($stateDir === null && !str_starts_with($arg, '-')) {
        $stateDir = $arg;
    } else {
        $stateDir = null;
        break;
    }
}
if ($stateDir === null) {
    fwrite(STDERR, "usage: php tests/server/start.php STATE_DIR [--test-mode] [--workers=N]\n");
    exit(2);
}

$pid = (int) @file_get_contents($stateDir . '/pid');
if ($pid > 0 && wpllm_emulator_is_server($pid)) {
    fwrite(STDERR, "wpllm emulator already running (pid $pid) at " . trim((string) @file_get_contents($stateDir . '/url')) . "\n");
    exit(1);
}

$handle = wpllm_emulator_launch($stateDir, $testMode, $workers);
file_put_contents($stateDir . '/url', $handle['url'] . "\n");
file_put_contents($stateDir . '/pid', $handle['pid'] . "\n");
echo $handle['url'], "\n";
// Exiting leaves the server running: it is in its own session, and PHP does not wait for proc_open children at exit.
