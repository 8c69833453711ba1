--TEST--
Client: the per-process connection pool survives fork(): the child starts with an empty pool, both processes keep working
--EXTENSIONS--
wpllm
--SKIPIF--
<?php if (!function_exists('pcntl_fork')) die('skip pcntl is not built into this PHP'); ?>
--FILE--
<?php
require __DIR__ . '/server/server.inc';
$url = wpllm_test_server();
$c = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url]);
echo $c->models()['object'], " (parent, before the fork)\n";

$out = tempnam(sys_get_temp_dir(), 'wpllm-fork');
$pid = pcntl_fork();
if ($pid === 0) {
    // the child: the parent's pooled handles are not touched (their sockets and TLS state are the parent's)
    try {
        $r = $c->models();
        $fresh = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url]);
        $g = $fresh->generate(['prompt' => 'a shortcode']);
        file_put_contents($out, $r['object'] . ' ' . $g['object'] . ' reused=' . var_export($c->getLastResponse()['connection_reused'], true));
    } catch (Throwable $e) {
        file_put_contents($out, get_class($e) . ': ' . $e->getMessage());
    }
    // leave without running shutdown functions: the emulator belongs to the parent
    pcntl_exec('/bin/true');
}
pcntl_waitpid($pid, $status);
echo file_get_contents($out), " (child)\n";
unlink($out);
echo $c->models()['object'], ' ', $c->generate(['prompt' => 'a settings page'])['object'], " (parent, after the fork)\n";
?>
--EXPECT--
list (parent, before the fork)
list text_completion reused=false (child)
list text_completion (parent, after the fork)
