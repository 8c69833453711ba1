--TEST--
Client: secrets never show in dumps, exports, JSON, casts, traces; serialize and clone refused
--EXTENSIONS--
wpllm
--FILE--
<?php
use WPLLM\Client;

$key = 'wpllm_secret_' . bin2hex(random_bytes(8));
$sig = 'sig_secret_' . bin2hex(random_bytes(8));
$c = new Client(['api_key' => $key, 'signing_secret' => $sig, 'headers' => ['X-Token' => 'hdr_secret_value'],
    'proxy' => 'http://user:proxy_secret@127.0.0.1:3128']);

ob_start();
var_dump($c);
print_r($c);
var_export($c);
echo json_encode($c);
var_dump((array) $c);
debug_zval_dump($c);
var_dump(get_object_vars($c));
echo serialize([1]);
$out = ob_get_clean();
foreach ([$key, $sig, 'hdr_secret_value', 'proxy_secret'] as $s) {
    echo str_contains($out, $s) ? "LEAK of a secret\n" : "hidden\n";
}
echo substr_count($out, '[redacted]'), " redactions\n";
echo json_encode($c, JSON_PRETTY_PRINT) === json_encode((array) $c, JSON_PRETTY_PRINT) ? "json = array cast\n" : "differ\n";

try {
    serialize($c);
} catch (Exception $e) {
    echo $e->getMessage(), "\n";
}
try {
    unserialize('O:12:"WPLLM\Client":0:{}');
} catch (Exception $e) {
    echo $e->getMessage(), "\n";
}
try {
    clone $c;
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
try {
    $c->foo = 1;
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}

// #[\SensitiveParameter]: the key never reaches a stack trace
function make(string $k)
{
    return new Client(['api_key' => $k, 'timeout' => -1]);
}
try {
    make($key);
} catch (WPLLM\Exceptions\InvalidArgumentException $e) {
    $trace = $e->getTrace();
    echo get_class($trace[0]['args'][0]), "\n";
    echo str_contains($e->getTraceAsString(), $key) ? "key in trace\n" : "trace clean\n";
}
$r = new ReflectionMethod(Client::class, '__construct');
echo count($r->getParameters()[0]->getAttributes(SensitiveParameter::class)), " SensitiveParameter\n";

try {
    (new ReflectionClass(Client::class))->newInstanceWithoutConstructor();
} catch (ReflectionException $e) {
    echo $e->getMessage(), "\n";
}
try {
    $c->__construct('again');
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
hidden
hidden
hidden
hidden
24 redactions
json = array cast
Serialization of 'WPLLM\Client' is not allowed
Unserialization of 'WPLLM\Client' is not allowed
Trying to clone an uncloneable object of class WPLLM\Client
Cannot create dynamic property WPLLM\Client::$foo
SensitiveParameterValue
trace clean
1 SensitiveParameter
Class WPLLM\Client is an internal class marked as final that cannot be instantiated without invoking its constructor
WPLLM\Client is already constructed
