<?php
/**
 * Quick start: generate WordPress code through WPLLM\Client.
 *
 *   WP_LLM_API_KEY=... php examples/quickstart.php "Create a custom post type for books"
 *
 * The client reads WP_LLM_API_KEY and WP_LLM_BASE_URL from the environment (or wpllm.* in php.ini);
 * scripts/quickstart.sh points them at the local emulator.
 */
declare(strict_types=1);

use WPLLM\Client;
use WPLLM\Exceptions\WPLLMException;

if (!extension_loaded('wpllm')) {
    fwrite(STDERR, "The wpllm extension is not loaded (php -d extension=modules/wpllm.so ...)\n");
    exit(1);
}

$prompt = $argv[1] ?? 'Create a custom post type for books';
$client = new Client(); // api_key, base_url, model: from the environment or php.ini

try {
    $result = $client->generate(['prompt' => $prompt, 'max_tokens' => 2000, 'temperature' => 0.2]);
} catch (WPLLMException $e) {
    fprintf(STDERR, "%s (%s, HTTP %d): %s\n", get_class($e), $e->getErrorCode(), $e->getHttpStatus(), $e->getMessage());
    exit(1);
}

echo $result['choices'][0]['text'], "\n";

$last = $client->getLastResponse();
fprintf(STDERR, "\n-- %s, %d prompt + %d completion tokens, %d ms, request %s\n", $result['model'],
    $result['usage']['prompt_tokens'], $result['usage']['completion_tokens'], $last['duration_ms'], $last['request_id']);
