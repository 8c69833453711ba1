<?php
// CLI: php tests/server/stop.php STATE_DIR stops the emulator that start.php started there.
declare(strict_types=1);

require __DIR__ . '/launcher.php';

if ($argc !== 2) {
    fwrite(STDERR, "usage: php tests/server/stop.php STATE_DIR\n");
    exit(2);
}
$stateDir = $argv[1];
$pid = (int) @file_get_contents($stateDir . '/pid');
if ($pid > 0 && wpllm_emulator_is_server($pid)) {
    wpllm_emulator_stop(['pid' => $pid]);
    echo "stopped wpllm emulator (pid $pid)\n";
} else {
    echo "no wpllm emulator running for $stateDir\n";
}
@unlink($stateDir . '/url');
@unlink($stateDir . '/pid');
