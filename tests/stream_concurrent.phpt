--TEST--
Client::generateStream(): other calls and a second stream while a stream is open (with and without the pool); chunks that arrive together
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/server/server.inc';
$url = wpllm_test_server();
foreach ([true, false] as $persistent) {
    $c = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url, 'persistent' => $persistent]);
    $expect = $c->generate(['prompt' => 'a shortcode'])['choices'][0]['text'];
    $a = $c->generateStream(['prompt' => 'a shortcode'], null, ['headers' => ['X-Emulator-Pace-Ms' => '10']]);
    $b = $c->generateStream(['prompt' => 'a shortcode'], null, ['headers' => ['X-Emulator-Pace-Ms' => '10']]);
    $ta = $tb = '';
    $a->rewind();
    $b->rewind();
    $calls = 0;
    while ($a->valid() || $b->valid()) {
        if ($a->valid()) {
            $ta .= $a->current()['text'];
            $a->next();
        }
        if ($b->valid()) {
            $tb .= $b->current()['text'];
            $b->next();
        }
        if ($calls < 3) {
            $calls += $c->models()['object'] === 'list'; // a plain call in the middle of both streams
        }
    }
    echo $persistent ? 'pooled' : 'own connections', ': ', $ta === $expect && $tb === $expect ? 'both streams intact' : 'streams differ',
        ", $calls calls in between\n";
    // no pacing: several chunks reach the decoder in one read
    $t = $c->generateStream(['prompt' => 'a shortcode'], fn($chunk) => null, ['headers' => ['X-Emulator-Pace-Ms' => '0']]);
    echo $t['choices'][0]['text'] === $expect ? "unpaced stream intact\n" : "unpaced stream differs\n";
}
?>
--EXPECT--
pooled: both streams intact, 3 calls in between
unpaced stream intact
own connections: both streams intact, 3 calls in between
unpaced stream intact
