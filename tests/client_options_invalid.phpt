--TEST--
Client: bad options are InvalidArgumentException with precise messages, before any request
--EXTENSIONS--
wpllm
--FILE--
<?php
use WPLLM\Client;

$cases = [
    ['api_kye' => 'x'],
    ['api_key' => 'a', 'apiKey' => 'b'],
    [0 => 'x'],
    ['api_key' => ''],
    ['api_key' => 123],
    ['api_key' => "abc\r\nX-Evil: 1"],
    ['auth_header' => 'basic'],
    ['base_url' => 'http://example.com'],
    ['base_url' => 'ftp://example.com'],
    ['base_url' => 'https://user:pass@example.com'],
    ['base_url' => 'https://example.com/?a=1'],
    ['base_url' => "https://example.com\n"],
    ['base_url' => 'http://127.0.0.1.evil.example'],
    ['base_url' => ''],
    ['model' => ''],
    ['model' => ['x']],
    ['timeout' => 0],
    ['timeout' => -1],
    ['timeout' => '30'],
    ['timeout' => NAN],
    ['timeout' => 100000],
    ['connect_timeout' => -0.5],
    ['max_retries' => 11],
    ['max_retries' => -1],
    ['max_retries' => 1.5],
    ['max_retry_after' => -1],
    ['stream_idle_timeout' => 0],
    ['max_response_bytes' => 10],
    ['persistent' => 1],
    ['headers' => 'X-A: b'],
    ['headers' => ['X A' => 'b']],
    ['headers' => ['X-A' => "b\r\nc"]],
    ['headers' => ['X-A' => "b\0c"]],
    ['headers' => ['X-A' => 5]],
    ['headers' => ['Authorization' => 'Bearer other']],
    ['headers' => ['user-agent' => 'x']],
    ['headers' => [0 => 'X-A: b']],
    ['user_agent' => "a\nb"],
    ['ca_bundle' => '/nonexistent/ca.pem'],
    ['signing_secret' => ''],
    ['jwt' => 'eyJ.x.y'],
    ['oauth' => ['provider' => 'google']],
];
foreach ($cases as $opts) {
    try {
        new Client($opts);
        echo "no exception for ", json_encode($opts), "\n";
    } catch (WPLLM\Exceptions\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
try {
    new Client(42);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    new Client('');
} catch (WPLLM\Exceptions\InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}
$e = new WPLLM\Exceptions\InvalidArgumentException('x');
var_dump($e instanceof \InvalidArgumentException, $e instanceof WPLLM\Exceptions\ExceptionInterface);
?>
--EXPECTF--
Unknown option "api_kye"; allowed: api_key, auth_header, base_url, model, timeout, connect_timeout, max_retries, signing_secret, jwt, oauth, ldap, saml, audit_logging, headers, user_agent, ca_bundle, proxy, max_response_bytes, max_retry_after, stream_idle_timeout, persistent
Option "api_key" is given twice (as api_key and apiKey)
Options must be an array with string keys; allowed: api_key, auth_header, base_url, model, timeout, connect_timeout, max_retries, signing_secret, jwt, oauth, ldap, saml, audit_logging, headers, user_agent, ca_bundle, proxy, max_response_bytes, max_retry_after, stream_idle_timeout, persistent
Option "api_key" must be a non-empty string, an empty string given
Option "api_key" must be a non-empty string, int given
The API key must not contain CR, LF, NUL or other control characters
Option "auth_header" must be "bearer" or "x-api-key"
base_url must use https:// unless its host is loopback (127.0.0.0/8, ::1, localhost)
base_url must start with https:// (or http:// for a loopback host)
base_url must be scheme://host[:port][/path] without user info, query or fragment
base_url must be scheme://host[:port][/path] without user info, query or fragment
base_url must not contain white space or control characters
base_url must use https:// unless its host is loopback (127.0.0.0/8, ::1, localhost)
Option "base_url" must not be empty
Option "model" must not be empty
Option "model" must be a string, array given
Option "timeout" must be greater than 0 and at most 86400 seconds, 0 given
Option "timeout" must be greater than 0 and at most 86400 seconds, -1 given
Option "timeout" must be a number of seconds (int or float), string given
Option "timeout" must be greater than 0 and at most 86400 seconds, NAN given
Option "timeout" must be greater than 0 and at most 86400 seconds, 100000 given
Option "connect_timeout" must be greater than 0 and at most 86400 seconds, -0.5 given
Option "max_retries" must be between 0 and 10, 11 given
Option "max_retries" must be between 0 and 10, -1 given
Option "max_retries" must be an int, float given
Option "max_retry_after" must be at least 0 and at most 86400 seconds, -1 given
Option "stream_idle_timeout" must be greater than 0 and at most 86400 seconds, 0 given
Option "max_response_bytes" must be between 1024 and 1073741824, 10 given
Option "persistent" must be a bool, int given
Option "headers" must be an array of header name => value, string given
Option "headers": header names must be HTTP tokens (letters, digits, !#$%&'*+-.^_`|~)
Option "headers": the value of header "X-A" must not contain CR, LF, NUL or other control characters
Option "headers": the value of header "X-A" must not contain CR, LF, NUL or other control characters
Option "headers": the value of header "X-A" must be a string, int given
Option "headers": the header "Authorization" is set by the client and cannot be overridden
Option "headers": the header "user-agent" is set by the client and cannot be overridden
Option "headers": header names must be HTTP tokens (letters, digits, !#$%&'*+-.^_`|~)
Option "user_agent" must not contain CR, LF, NUL or other control characters
Option "ca_bundle": the file "/nonexistent/ca.pem" cannot be read
Option "signing_secret" must be a non-empty string, an empty string given
Option "jwt": the token is not a well-formed JWT (three base64url segments with a JSON payload)
Option "oauth" is not available in wpllm %s yet (see the README's status table)
TypeError: WPLLM\Client::__construct(): Argument #1 ($options) must be of type array|string|null, int given
The API key must not be empty
bool(true)
bool(true)
