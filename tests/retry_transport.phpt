--TEST--
Retry: dropped, stalled, trickling and refused connections; garbage and oversized bodies are not retried
--EXTENSIONS--
wpllm
--FILE--
<?php
require __DIR__ . '/retry.inc';
$url = wpllm_test_server();
$c = new WPLLM\Client(['api_key' => WPLLM_TEST_KEY_FULL, 'base_url' => $url, 'timeout' => 1, 'max_response_bytes' => 1 << 20]);

wpllm_fault_row($c, 'drop before headers, ok', 'drop=before_headers;times=1;id=a', 0.375, 2.5);
wpllm_fault_row($c, 'drop mid-body, ok', 'drop=mid_body;times=1;id=b', 0.375, 2.5);
wpllm_fault_row($c, 'drop always', 'drop=before_headers;id=c', 0.375 + 0.75, 4);
wpllm_fault_row($c, 'stall 3 s, timeout 1 s, ok', 'stall=3;times=1;id=d', 1.375, 3.5);
wpllm_fault_row($c, 'trickle past timeout, ok', 'trickle=100;times=1;id=e', 1.375, 3.5);
wpllm_fault_row($c, 'stall always', 'stall=3;id=f', 3 + 1.125, 7.5);
wpllm_fault_row($c, 'trickle within timeout', 'trickle=1;id=g', 0, 2.5);
wpllm_fault_row($c, 'garbage JSON 200', 'garbage=1;id=h', 0, 1.5);
wpllm_fault_row($c, 'oversized 40 MB', 'oversize=40000000;id=i', 0, 2.5);
wpllm_fault_row($c, 'oversized, POST', 'oversize=2000000;id=j', 0, 2.5, true);
echo count(wpllm_test_requests($url, 'i')) + count(wpllm_test_requests($url, 'j')), " requests for the oversized rows\n";
echo memory_get_peak_usage() < 8 << 20 ? "memory stayed bounded\n" : "memory grew\n";

$refused = new WPLLM\Client(['api_key' => 'k', 'base_url' => 'http://127.0.0.1:1', 'max_retries' => 2]);
wpllm_fault_row($refused, 'connection refused', 'id=k', 0.375 + 0.75, 4);
// a per-call timeout wins over the client's
wpllm_fault_row($c, 'stall 0.6 s, call timeout 0.3', 'stall=0.6;id=l', 0.3 * 3 + 1.125, 4.5, false, ['timeout' => 0.3]);
wpllm_fault_row($c, 'stall 0.3 s, call timeout 2', 'stall=0.3;id=m', 0.3, 2.0, false, ['timeout' => 2]);
?>
--EXPECT--
drop before headers, ok      ok                                           attempts=2 [0:connection_lost,200] time ok
drop mid-body, ok            ok                                           attempts=2 [200:connection_lost,200] time ok
drop always                  ConnectionException(0, connection_lost)      attempts=3 [0:connection_lost,0:connection_lost,0:connection_lost] time ok
stall 3 s, timeout 1 s, ok   ok                                           attempts=2 [0:timeout,200] time ok
trickle past timeout, ok     ok                                           attempts=2 [200:timeout,200] time ok
stall always                 TimeoutException(0, timeout)                 attempts=3 [0:timeout,0:timeout,0:timeout] time ok
trickle within timeout       ok                                           attempts=1 [200] time ok
garbage JSON 200             ConnectionException(200, invalid_response)   attempts=1 [200:invalid_response] time ok
oversized 40 MB              ConnectionException(200, response_too_large) attempts=1 [200:response_too_large] time ok
oversized, POST              ConnectionException(200, response_too_large) attempts=1 [200:response_too_large] time ok
2 requests for the oversized rows
memory stayed bounded
connection refused           ConnectionException(0, connection_failed)    attempts=3 [0:connection_failed,0:connection_failed,0:connection_failed] time ok
stall 0.6 s, call timeout 0.3 TimeoutException(0, timeout)                 attempts=3 [0:timeout,0:timeout,0:timeout] time ok
stall 0.3 s, call timeout 2  ok                                           attempts=1 [200] time ok
