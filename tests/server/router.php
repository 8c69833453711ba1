<?php
// Router for `php -S 127.0.0.1:0 router.php`: hands every request to the WP LLM service emulator.
declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    $prefix = 'WpllmEmulator\\';
    if (str_starts_with($class, $prefix)) {
        require __DIR__ . '/lib/' . substr($class, strlen($prefix)) . '.php';
    }
});

// No "; charset=UTF-8" appended to text/* types: the emulator sends exactly the Content-Type it names.
ini_set('default_charset', '');

(new WpllmEmulator\Emulator(
    WpllmEmulator\Config::load(__DIR__ . '/config.json'),
    getenv('WPLLM_EMULATOR_STATE') ?: sys_get_temp_dir() . '/wpllm-emulator',
    getenv('WPLLM_EMULATOR_TEST_MODE') === '1',
))->handle(WpllmEmulator\Request::fromGlobals());
