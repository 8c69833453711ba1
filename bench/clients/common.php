<?php
// bench/clients/common.php: what every PHP benchmark client shares: arguments, the one request (body and
// header set), the response check, the timed loop and the one JSON result line it prints.
//
// Every client is run as: php ... CLIENT.php --url=BASE_URL [--ca=CA_FILE] --n=N [--warmup=1] [--label=...]
// It makes --warmup calls untimed (connection set up, caches warm), then N timed calls, checks every response
// (decoded, choices[0].finish_reason === 'stop') and prints one JSON line on stdout.
declare(strict_types=1);

const BENCH_API_KEY = 'wpllm_test_full_0123456789abcdef'; // the bench server does not check it
const BENCH_PROMPT = 'Create a custom post type for books';

/** @return array{url: string, ca: ?string, n: int, warmup: int, label: string, opts: array<string,string>} */
function bench_args(array $argv): array
{
    $a = ['url' => '', 'ca' => null, 'n' => 100, 'warmup' => 1, 'label' => basename($argv[0], '.php'), 'opts' => []];
    foreach (array_slice($argv, 1) as $arg) {
        if (!preg_match('/^--([a-z_]+)=(.*)$/s', $arg, $m)) {
            fwrite(STDERR, "bad argument: $arg\n");
            exit(2);
        }
        switch ($m[1]) {
            case 'url': $a['url'] = rtrim($m[2], '/'); break;
            case 'ca': $a['ca'] = $m[2] === '' ? null : $m[2]; break;
            case 'n': $a['n'] = max(0, (int) $m[2]); break;
            case 'warmup': $a['warmup'] = max(0, (int) $m[2]); break;
            case 'label': $a['label'] = $m[2]; break;
            default: $a['opts'][$m[1]] = $m[2];
        }
    }
    if ($a['url'] === '') {
        fwrite(STDERR, "--url is required\n");
        exit(2);
    }
    return $a;
}

/** The generate parameters every client sends (the extension encodes them itself, the others use bench_body()). */
function bench_params(): array
{
    return ['model' => 'wp-llm-13b', 'prompt' => BENCH_PROMPT, 'max_tokens' => 512];
}

function bench_body(): string
{
    return json_encode(bench_params(), JSON_THROW_ON_ERROR);
}

/** A random (version 4) UUID, as the extension sends in X-Request-ID and Idempotency-Key. */
function bench_uuid4(): string
{
    $b = random_bytes(16);
    $b[6] = chr((ord($b[6]) & 0x0f) | 0x40);
    $b[8] = chr((ord($b[8]) & 0x3f) | 0x80);
    $h = bin2hex($b);
    return substr($h, 0, 8) . '-' . substr($h, 8, 4) . '-' . substr($h, 12, 4) . '-' . substr($h, 16, 4) . '-' . substr($h, 20);
}

/** The header set the extension sends on a POST, as name => value (fresh UUIDs per call). */
function bench_headers(string $userAgent): array
{
    return [
        'Content-Type' => 'application/json',
        'Accept' => 'application/json',
        'User-Agent' => $userAgent,
        'X-Request-ID' => bench_uuid4(),
        'Idempotency-Key' => bench_uuid4(),
        'Authorization' => 'Bearer ' . BENCH_API_KEY,
    ];
}

/** Same, as "Name: value" lines for ext/curl. */
function bench_header_lines(string $userAgent): array
{
    $lines = [];
    foreach (bench_headers($userAgent) as $k => $v) {
        $lines[] = "$k: $v";
    }
    return $lines;
}

function bench_check($decoded): void
{
    if (!is_array($decoded) || ($decoded['choices'][0]['finish_reason'] ?? null) !== 'stop') {
        throw new RuntimeException('unexpected response: ' . substr(var_export($decoded, true), 0, 200));
    }
}

/** Peak resident set size of this process (VmHWM), in KiB; 0 where /proc is not there. */
function bench_vmhwm_kb(): int
{
    $s = @file_get_contents('/proc/self/status');
    return ($s !== false && preg_match('/^VmHWM:\s+(\d+)\s+kB/m', $s, $m)) ? (int) $m[1] : 0;
}

function bench_vmrss_kb(): int
{
    $s = @file_get_contents('/proc/self/status');
    return ($s !== false && preg_match('/^VmRSS:\s+(\d+)\s+kB/m', $s, $m)) ? (int) $m[1] : 0;
}

/** Prints one JSON result line. */
function bench_emit(array $result): void
{
    echo json_encode($result, JSON_UNESCAPED_SLASHES), "\n";
}

/** Prints a "not available" result line (a placeholder row) and exits 0. */
function bench_na(array $a, string $why): never
{
    bench_emit(['client' => $a['label'], 'na' => $why]);
    exit(0);
}

/**
 * The timed loop: $call() makes one complete call (request, response, decode) and returns the decoded array.
 * Times each call with hrtime; prints n, total, median and p90 per call, and memory.
 */
function bench_run(array $a, callable $call, array $extra = []): void
{
    for ($i = 0; $i < $a['warmup']; $i++) {
        bench_check($call());
    }
    $t = [];
    $start = hrtime(true);
    for ($i = 0; $i < $a['n']; $i++) {
        $t0 = hrtime(true);
        $r = $call();
        $t[] = hrtime(true) - $t0;
        bench_check($r);
    }
    $total = hrtime(true) - $start;
    sort($t);
    $n = count($t);
    bench_emit([
        'client' => $a['label'],
        'n' => $n,
        'total_ns' => $total,
        'median_ns' => $n ? $t[intdiv($n, 2)] : 0,
        'p90_ns' => $n ? $t[min($n - 1, intdiv($n * 9, 10))] : 0,
        'mem_peak' => memory_get_peak_usage(),
        'vmhwm_kb' => bench_vmhwm_kb(),
    ] + $extra);
}
