--TEST--
Client: option resolution, aliases and defaults
--EXTENSIONS--
wpllm
--ENV--
WP_LLM_API_KEY=
WP_LLM_BASE_URL=
WP_LLM_MODEL=
WP_LLM_TIMEOUT=
--FILE--
<?php
use WPLLM\Client;

$show = function (Client $c, array $keys) {
    $a = (array) $c;
    foreach ($keys as $k) {
        echo $k, '=', var_export($a[$k], true), "\n";
    }
};

echo "-- defaults\n";
$show(new Client(), ['api_key', 'auth_header', 'base_url', 'model', 'timeout', 'connect_timeout', 'max_retries',
    'max_response_bytes', 'max_retry_after', 'stream_idle_timeout', 'persistent', 'signing_secret']);

echo "-- a string is the API key\n";
$show(new Client('k-123'), ['api_key']);

echo "-- explicit options\n";
$c = new Client([
    'api_key' => 'k', 'auth_header' => 'X-API-Key', 'base_url' => 'https://llm.example.test/api/',
    'model' => 'wp-llm-7b', 'timeout' => 2.5, 'connect_timeout' => 1, 'max_retries' => 0,
    'max_response_bytes' => 4096, 'max_retry_after' => 0, 'stream_idle_timeout' => 0.5, 'persistent' => false,
    'user_agent' => 'my-plugin/1.2', 'headers' => ['X-Site' => 'blog-1'],
]);
$show($c, ['auth_header', 'base_url', 'model', 'timeout', 'connect_timeout', 'max_retries', 'max_response_bytes',
    'max_retry_after', 'stream_idle_timeout', 'persistent', 'user_agent', 'headers']);

echo "-- camelCase aliases\n";
$c = new Client(['apiKey' => 'k', 'baseURL' => 'http://127.0.0.1:9', 'maxRetries' => 5, 'connectTimeout' => 3,
    'userAgent' => 'x/1', 'maxResponseBytes' => 2048, 'maxRetryAfter' => 30, 'streamIdleTimeout' => 9,
    'authHeader' => 'bearer', 'signingSecret' => 'shh']);
$show($c, ['api_key', 'base_url', 'max_retries', 'connect_timeout', 'user_agent', 'max_response_bytes',
    'max_retry_after', 'stream_idle_timeout', 'auth_header', 'signing_secret']);

echo "-- null means unset\n";
$show(new Client(['api_key' => null, 'model' => null]), ['api_key', 'model']);

echo "-- loopback over http\n";
foreach (['http://localhost:8080', 'http://127.0.0.1', 'http://127.9.8.7:1/x', 'http://[::1]:9'] as $u) {
    $show(new Client(['base_url' => $u]), ['base_url']);
}
echo Client::VERSION === phpversion('wpllm') ? "version ok\n" : "version mismatch\n";
echo Client::DEFAULT_BASE_URL, ' ', Client::DEFAULT_MODEL, "\n";
?>
--EXPECT--
-- defaults
api_key=NULL
auth_header='bearer'
base_url='https://api.wp-llm.com'
model='wp-llm-13b'
timeout=60.0
connect_timeout=10.0
max_retries=2
max_response_bytes=33554432
max_retry_after=120.0
stream_idle_timeout=60.0
persistent=true
signing_secret=NULL
-- a string is the API key
api_key='[redacted]'
-- explicit options
auth_header='x-api-key'
base_url='https://llm.example.test/api'
model='wp-llm-7b'
timeout=2.5
connect_timeout=1.0
max_retries=0
max_response_bytes=4096
max_retry_after=0.0
stream_idle_timeout=0.5
persistent=false
user_agent='my-plugin/1.2'
headers=array (
  'X-Site' => '[redacted]',
)
-- camelCase aliases
api_key='[redacted]'
base_url='http://127.0.0.1:9'
max_retries=5
connect_timeout=3.0
user_agent='x/1'
max_response_bytes=2048
max_retry_after=30.0
stream_idle_timeout=9.0
auth_header='bearer'
signing_secret='[redacted]'
-- null means unset
api_key=NULL
model='wp-llm-13b'
-- loopback over http
base_url='http://localhost:8080'
base_url='http://127.0.0.1'
base_url='http://127.9.8.7:1/x'
base_url='http://[::1]:9'
version ok
https://api.wp-llm.com wp-llm-13b
