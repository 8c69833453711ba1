<?php
// bench/report.php RAW_DIR OUT_DIR: turns bench/run.sh's raw lines into OUT_DIR/results.md (markdown tables of
// medians and ratios, the issue's goals met or missed) and OUT_DIR/per-call.gp + per-call.dat (gnuplot input for
// per-call.png, and batch.png once there are batch figures).
declare(strict_types=1);

[$_, $raw, $out] = $argv + [null, null, null];
if ($raw === null || $out === null) {
    fwrite(STDERR, "usage: php report.php RAW_DIR OUT_DIR\n");
    exit(2);
}

/** @return list<array> */
function lines(string $file): array
{
    if (!is_file($file)) {
        return [];
    }
    $rows = [];
    foreach (file($file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $l) {
        $j = json_decode($l, true);
        if (is_array($j)) {
            $rows[] = $j;
        }
    }
    return $rows;
}

function median(array $v): ?float
{
    if (!$v) {
        return null;
    }
    sort($v);
    $n = count($v);
    return $n % 2 ? (float) $v[intdiv($n, 2)] : ($v[$n / 2 - 1] + $v[$n / 2]) / 2;
}

function instr(?float $v): string
{
    if ($v === null) {
        return '–';
    }
    return $v >= 1e6 ? sprintf('%.2fM', $v / 1e6) : sprintf('%.1fk', $v / 1e3);
}

function us(?float $ns): string
{
    if ($ns === null) {
        return '–';
    }
    $u = $ns / 1000;
    return $u >= 1000 ? sprintf('%.2f ms', $u / 1000) : ($u >= 100 ? sprintf('%.0f µs', $u) : sprintf('%.1f µs', $u));
}

/** microseconds, no unit */
function usn(float $ns): string
{
    $u = $ns / 1000;
    return $u >= 100 ? sprintf('%.0f', $u) : sprintf('%.1f', $u);
}

function ratio(?float $a, ?float $b): string
{
    if ($a === null || $b === null || $b == 0) {
        return '–';
    }
    $r = $a / $b;
    return $r >= 10 ? sprintf('%.0f×', $r) : sprintf('%.2f×', $r);
}

function kib(?float $bytes): string
{
    if ($bytes === null) {
        return '–';
    }
    return $bytes >= 1048576 ? sprintf('%.1f MiB', $bytes / 1048576) : sprintf('%.0f KiB', $bytes / 1024);
}

$machine = json_decode((string) @file_get_contents("$raw/machine.json"), true) ?: [];
$N = $machine['n'] ?? '?';

const CLIENTS = [
    'ext' => 'wpllm (this extension)',
    'ext-sign' => 'wpllm + signing_secret',
    'ext-jwt' => 'wpllm + signing + minted JWT',
    'curl' => 'userland ext/curl + json_decode',
    'guzzle' => 'Guzzle 7',
    'requests' => 'wp_remote_post (WordPress Requests)',
    'c-curl' => 'C: libcurl alone (floor)',
    'c-curl-json' => 'C: libcurl + json-c parse',
];
const MODES = ['http' => 'HTTP', 'ca1' => 'HTTPS, 1-cert CA file', 'sys' => 'HTTPS, system CA bundle'];

// --- gather
$cg = [];      // client => mode => per_call | 'na' reason | 'error'
foreach (lines("$raw/callgrind.jsonl") as $r) {
    if (isset($r['per_call'])) {
        $cg[$r['client']][$r['mode']] = (float) $r['per_call'];
    } elseif (isset($r['r']['na'])) {
        $cg[$r['client']][$r['mode']] = $r['r']['na'];
    } else {
        $cg[$r['client']][$r['mode']] = 'error';
    }
}
$wall = []; $wallNa = []; $mem = []; $hwm = [];
foreach (lines("$raw/wall.jsonl") as $r) {
    $c = $r['client']; $m = $r['mode'];
    if (!empty($r['error'])) {
        $wallNa[$c][$m] = 'error';
    } elseif (isset($r['r']['na'])) {
        $wallNa[$c][$m] = $r['r']['na'];
    } elseif (isset($r['r']['median_ns'])) {
        $wall[$c][$m][] = (float) $r['r']['median_ns'];
        if (isset($r['r']['mem_peak'])) {
            $mem[$c][$m][] = (float) $r['r']['mem_peak'];
        }
        $hwm[$c][$m][] = (float) $r['r']['vmhwm_kb'] * 1024;
    }
}
$wallMed = [];
foreach ($wall as $c => $byMode) {
    foreach ($byMode as $m => $v) {
        $wallMed[$c][$m] = median($v);
    }
}
$cell = static function (array $table, array $na, string $c, string $m): ?float {
    return $table[$c][$m] ?? null;
};
$naText = static function (string $c, string $m) use ($cg, $wallNa): ?string {
    $v = $cg[$c][$m] ?? ($wallNa[$c][$m] ?? null);
    if (is_string($v)) {
        return $c === 'ext-jwt' ? 'n/a (TODO: client `jwt` option not available)' : ($v === 'error' ? 'error' : $v);
    }
    return null;
};

$md = [];
$md[] = '# wpllm benchmarks';
$md[] = '';
$md[] = sprintf('Run %s on %s (%s cores), %s, %s. PHP %s, wpllm %s (%s), libcurl %s, OpenSSL %s, json-c %s, nginx %s, Guzzle %s, WordPress %s. Took %s s.',
    $machine['date'] ?? '?', $machine['cpu'] ?? '?', $machine['cores'] ?? '?', $machine['os'] ?? '?', $machine['kernel'] ?? '?',
    $machine['php'] ?? '?', $machine['wpllm'] ?? '?', $machine['wpllm_so'] ?? '?', $machine['curl'] ?? '?', $machine['openssl'] ?? '?',
    $machine['jsonc'] ?? '?', $machine['nginx'] ?? '?', $machine['guzzle'] ?? '?', $machine['wordpress'] ?? '?', $machine['seconds'] ?? '?');
$md[] = '';
$md[] = 'Reproduce: `bench/run.sh` (installs what it needs; `BENCH_N=' . $N . '` calls per run). Every client does the same '
    . '`POST /v1/generate` (same JSON body, same header set: Content-Type, Accept, User-Agent, fresh X-Request-ID and '
    . 'Idempotency-Key, Authorization) against nginx on loopback answering a canned 1 KiB generate response with '
    . 'keep-alive, and decodes the response. "system CA bundle" is Debian\'s /etc/ssl/certs/ca-certificates.crt ('
    . ($machine['system_cas'] ?? '?') . ' roots) with the throwaway test CA appended, given to every client as its CA file.';
$md[] = '';

// --- instructions
$md[] = "## Instructions per call (primary figure)";
$md[] = '';
$md[] = 'valgrind --tool=callgrind on the client process only, (I(2N) - I(N)) / N with N = ' . $N
    . ' (wp_remote_post, which opens a new connection per call: N = ' . ($machine['requests_cg_n'] ?? '?')
    . ' for HTTP / 1-cert CA / system CA); × = this client / wpllm.';
$md[] = '';
$hdr = '| client |';
$sep = '|---|';
foreach (MODES as $m => $label) {
    $hdr .= " $label | × |";
    $sep .= '---:|---:|';
}
$md[] = $hdr;
$md[] = $sep;
foreach (CLIENTS as $c => $label) {
    $row = "| $label |";
    $na = null;
    foreach (MODES as $m => $_) {
        $v = $cg[$c][$m] ?? null;
        if (is_string($v)) {
            $na = $naText($c, $m);
            $row .= ' n/a | |';
            continue;
        }
        $base = is_float($cg['ext'][$m] ?? null) ? $cg['ext'][$m] : null;
        $row .= ' ' . instr($v) . ' | ' . ($c === 'ext' ? '1' : ratio($v, $base)) . ' |';
    }
    $md[] = $na !== null && str_starts_with($na, 'n/a') ? "| $label | " . $na . ' |' . str_repeat(' |', 5) : $row;
}
$rep = [];
foreach (MODES as $m => $label) {
    $a1 = $cg['ext'][$m] ?? null; $a2 = $cg['ext-again'][$m] ?? null;
    if (is_float($a1) && is_float($a2)) {
        $rep[] = sprintf('%s %s / %s (%.1f %%)', $label, instr($a1), instr($a2), abs($a1 - $a2) / min($a1, $a2) * 100);
    }
}
if ($rep) {
    $md[] = '';
    $md[] = 'Repeatability, the extension measured twice in the same run: ' . implode('; ', $rep) . '. Counts are not '
        . 'quite deterministic: libcurl\'s poll loop runs one more round (a few thousand instructions) whenever the response '
        . 'is not there yet, which happens more often when other work slows the server; ratios closer than this are a tie.';
}
$md[] = '';

// --- wall time
$md[] = '## Wall time per call';
$md[] = '';
$md[] = 'Microseconds. Median over ' . ($machine['runs'] ?? '?') . ' interleaved runs (clients A B C ... A B C ...) of each run\'s median call, N = '
    . $N . ' calls per run after one warm-up call; (spread) = min–max of the run medians; × = this client / wpllm. '
    . 'Wall times drift between runs on a shared machine: instructions are the figure to compare, these are the witness. '
    . 'Load average (1, 5, 15 min) before the wall-time runs: ' . ($machine['load_before'] ?? '?') . ', after: '
    . ($machine['load_after'] ?? '?') . ' (the runs themselves add about 1: the client and nginx).';
$md[] = '';
$md[] = $hdr;
$md[] = $sep;
foreach (CLIENTS as $c => $label) {
    $row = "| $label |";
    $na = null;
    foreach (MODES as $m => $_) {
        if (!isset($wallMed[$c][$m])) {
            $na = $naText($c, $m) ?? 'n/a';
            $row .= ' n/a | |';
            continue;
        }
        $v = $wallMed[$c][$m];
        $spread = sprintf(' (%s–%s)', usn(min($wall[$c][$m])), usn(max($wall[$c][$m])));
        $row .= ' ' . usn($v) . $spread . ' | ' . ($c === 'ext' ? '1' : ratio($v, $wallMed['ext'][$m] ?? null)) . ' |';
    }
    $md[] = $na !== null && str_starts_with($na, 'n/a') ? "| $label | " . $na . ' |' . str_repeat(' |', 5) : $row;
}
$md[] = '';

// --- memory
$md[] = '## Memory';
$md[] = '';
$md[] = 'Per client process, median over the runs of N = ' . $N . ' calls over HTTPS with the system CA bundle: PHP\'s '
    . '`memory_get_peak_usage()` and the process\'s peak RSS (VmHWM, includes the PHP binary, libcurl and OpenSSL).';
$md[] = '';
$md[] = '| client | memory_get_peak_usage | VmHWM |';
$md[] = '|---|---:|---:|';
foreach (CLIENTS as $c => $label) {
    if (!isset($hwm[$c]['sys'])) {
        continue;
    }
    $md[] = sprintf('| %s | %s | %s |', $label, isset($mem[$c]['sys']) ? kib(median($mem[$c]['sys'])) : '–', kib(median($hwm[$c]['sys'])));
}
$md[] = '';
$memRun = lines("$raw/memory.jsonl")[0] ?? null;
if ($memRun && isset($memRun['n'])) {
    $md[] = sprintf('Growth over %d calls on one WPLLM\\Client (HTTPS, 1-cert CA, after 100 warm-up calls): PHP heap %+d bytes '
        . '(%s → %s), RSS %+d KiB (%d → %d KiB); over the second half alone (%d calls): heap %+d bytes, RSS %+d KiB. %s per call.',
        $memRun['n'], $memRun['mem_growth'], number_format($memRun['mem_before']), number_format($memRun['mem_after']),
        $memRun['rss_growth_kb'], $memRun['rss_before_kb'], $memRun['rss_after_kb'], intdiv($memRun['n'], 2),
        $memRun['mem_growth_second_half'] ?? 0, $memRun['rss_growth_second_half_kb'] ?? 0, us($memRun['total_ns'] / max(1, $memRun['n'])));
} else {
    $md[] = 'Growth over 10 000 calls: not measured (the run failed).';
}
$md[] = '';

// --- JWT
$jwt = [];
foreach (lines("$raw/jwt.jsonl") as $r) {
    if (isset($r['r']['na'])) {
        $jwt[$r['impl']][$r['alg']] = $r['r']['na'];
    } elseif (isset($r['r']['median_ns']) && !is_string($jwt[$r['impl']][$r['alg']] ?? null)) {
        $jwt[$r['impl']][$r['alg']][] = (float) $r['r']['median_ns'];
    }
}
$jwtIr = [];
foreach (lines("$raw/jwt-callgrind.jsonl") as $r) {
    $jwtIr[$r['impl']][$r['alg']] = (float) $r['per_op'];
}
$md[] = '## JWT encode + decode';
$md[] = '';
$md[] = 'One `encode` then `decode` (signature, algorithm allow-list and time claims checked) per operation. Userland: '
    . '`bench/clients/jwt_userland.php` on hash_hmac / openssl_sign / openssl_verify with PEM strings (what '
    . 'firebase/php-jwt does); WPLLM\\Jwt is given the same PEM strings. RS256: 2048-bit key. Time: median of 3 runs.';
$md[] = '';
$md[] = '| algorithm | WPLLM\\Jwt instr/op | userland instr/op | × | WPLLM\\Jwt time/op | userland time/op | × |';
$md[] = '|---|---:|---:|---:|---:|---:|---:|';
foreach (['HS256', 'RS256'] as $alg) {
    $e = $jwt['ext'][$alg] ?? null;
    $u = $jwt['userland'][$alg] ?? null;
    if (is_string($e) || $e === null) {
        $md[] = sprintf('| %s | %s | %s | | %s | %s | |', $alg, is_string($e) ? $e : 'n/a', instr($jwtIr['userland'][$alg] ?? null),
            is_string($e) ? $e : 'n/a', is_array($u) ? us(median($u)) : '–');
        continue;
    }
    $md[] = sprintf('| %s | %s | %s | %s | %s | %s | %s |', $alg, instr($jwtIr['ext'][$alg] ?? null), instr($jwtIr['userland'][$alg] ?? null),
        ratio($jwtIr['userland'][$alg] ?? null, $jwtIr['ext'][$alg] ?? null), us(median($e)), is_array($u) ? us(median($u)) : '–',
        is_array($u) ? ratio(median($u), median($e)) : '–');
}
$md[] = '';
$md[] = '× here = userland / WPLLM\\Jwt (how many times faster the extension is).';
$md[] = '';

// --- batch
$batch = lines("$raw/batch.jsonl");
$md[] = '## Batch (200 ms server delay)';
$md[] = '';
$md[] = '`generateBatch()` of n generate calls (concurrency n, so n connections) against nginx\'s /slow/ location (the canned '
    . 'response after 200 ms), median (min–max) of 3 rounds, against the same n calls one after another (n × the median of '
    . 'one call, measured); batch / one call is the cost of n calls in units of one.';
$md[] = '';
$md[] = '| n | generateBatch | sequential | batch / one call |';
$md[] = '|---:|---:|---:|---:|';
$batchDat = [];
foreach ($batch as $r) {
    if (isset($r['na'])) {
        $md[] = sprintf('| %d | %s | | |', $r['size'], $r['na']);
    } else {
        $md[] = sprintf('| %d | %s (%s–%s) | %s | %s |%s', $r['size'], us($r['batch_ns']), trim(us($r['batch_min_ns'] ?? $r['batch_ns'])),
            trim(us($r['batch_max_ns'] ?? $r['batch_ns'])), us($r['sequential_ns']), ratio($r['batch_ns'], $r['single_ns']),
            ($r['fulfilled'] ?? $r['size']) < $r['size'] ? ' only ' . $r['fulfilled'] . ' fulfilled!' : '');
        $batchDat[] = sprintf("%d %.3f %.3f", $r['size'], $r['batch_ns'] / 1e6, $r['sequential_ns'] / 1e6);
    }
}
if (!$batch) {
    $md[] = '| | not measured | | |';
}
$md[] = '';

// --- FPM
$fpm = [];
foreach (lines("$raw/fpm.jsonl") as $r) {
    $fpm[$r['ca']][$r['persistent']][] = (float) $r['rps'];
    if (!empty($r['non2xx'])) {
        $fpm[$r['ca']]['errors'] = ($fpm[$r['ca']]['errors'] ?? 0) + $r['non2xx'];
    }
}
$md[] = '## PHP-FPM page loads per second';
$md[] = '';
$md[] = 'wrk (1 thread, 2 connections, ' . ($machine['wrk_seconds'] ?? '?') . ' s per run, runs interleaved on/off, median of 2) against nginx + '
    . 'php8.2-fpm (2 static workers, php.ini not read, this extension loaded); each page load makes one `generate()` over HTTPS to nginx on '
    . 'the same machine. Everything shares the same 2 cores.';
$md[] = '';
$md[] = '| CA file | persistent on | persistent off | on / off |';
$md[] = '|---|---:|---:|---:|';
foreach (['system' => 'system CA bundle', 'one' => '1-cert CA file'] as $k => $label) {
    if (!isset($fpm[$k])) {
        continue;
    }
    $on = median($fpm[$k][1] ?? []);
    $off = median($fpm[$k][0] ?? []);
    $md[] = sprintf('| %s | %s | %s | %s |%s', $label, $on === null ? '–' : sprintf('%.0f/s', $on), $off === null ? '–' : sprintf('%.0f/s', $off),
        ratio($on, $off), !empty($fpm[$k]['errors']) ? ' ' . $fpm[$k]['errors'] . ' non-2xx responses!' : '');
}
if (!$fpm) {
    $md[] = '| not measured | | | |';
}
$md[] = '';

// --- goals (issue 6)
$g = [];
$ok = static fn (?bool $b) => $b === null ? 'not measured' : ($b ? 'met' : '**missed**');
$irE = static fn (string $m) => is_float($cg['ext'][$m] ?? null) ? $cg['ext'][$m] : null;
$irC = static fn (string $c, string $m) => is_float($cg[$c][$m] ?? null) ? $cg[$c][$m] : null;
foreach (MODES as $m => $label) {
    $e = $irE($m); $u = $irC('curl', $m);
    $g[] = ["instructions ≤ 0.9× the userland ext/curl client ($label)", $e && $u ? sprintf('%.3f×', $e / $u) : '–', $ok($e && $u ? $e / $u <= 0.9 : null)];
}
foreach (MODES as $m => $label) {
    $e = $irE($m); $f = $irC('c-curl', $m);
    $g[] = ["instructions within 1.35× of libcurl alone ($label)", $e && $f ? sprintf('%.3f×', $e / $f) : '–', $ok($e && $f ? $e / $f <= 1.35 : null)];
}
foreach (MODES as $m => $label) {
    $e = $irE($m); $gz = $irC('guzzle', $m);
    $g[] = ["at least 4× fewer instructions than Guzzle ($label)", $e && $gz ? sprintf('%.3f×', $gz / $e) : '–', $ok($e && $gz ? $gz / $e >= 4 : null)];
}
$e = $wallMed['ext']['sys'] ?? null; $rq = $wallMed['requests']['sys'] ?? null;
$g[] = ['HTTPS, system CA bundle, persistent: ≥ 50× faster per call than WordPress Requests', $e && $rq ? sprintf('%.0f×', $rq / $e) : '–', $ok($e && $rq ? $rq / $e >= 50 : null)];
$g[] = ['memory flat over ' . ($memRun['n'] ?? 10000) . ' calls (second half: heap grows < 1 byte per call, RSS < 256 KiB)',
    $memRun ? sprintf('%+d B heap, %+d KiB RSS', $memRun['mem_growth_second_half'] ?? 0, $memRun['rss_growth_second_half_kb'] ?? 0) : '–',
    $ok($memRun ? (($memRun['mem_growth_second_half'] ?? 0) < intdiv($memRun['n'], 2) && ($memRun['rss_growth_second_half_kb'] ?? 0) < 256) : null)];
$b32 = null;
foreach ($batch as $r) {
    if (($r['size'] ?? 0) === 32 && isset($r['batch_ns'])) {
        $b32 = $r['batch_ns'] / $r['single_ns'];
    }
}
$g[] = ['batch of 32 slow calls within 1.3× of one call', $b32 === null ? 'n/a (generateBatch not available)' : sprintf('%.2f×', $b32), $b32 === null ? 'not measured' : $ok($b32 <= 1.3)];
foreach (['system' => 'system CA bundle', 'one' => '1-cert CA file'] as $k => $label) {
    $on = median($fpm[$k][1] ?? []); $off = median($fpm[$k][0] ?? []);
    $g[] = ["PHP-FPM page loads/s, persistent on ≥ 1.5× off (HTTPS, $label)", $on && $off ? sprintf('%.2f×', $on / $off) : '–', $ok($on && $off ? $on / $off >= 1.5 : null)];
}
foreach (['HS256' => 3, 'RS256' => 10] as $alg => $goal) {
    $e = $jwt['ext'][$alg] ?? null; $u = $jwt['userland'][$alg] ?? null;
    $r = is_array($e) && is_array($u) ? median($u) / median($e) : null;
    $g[] = ["JWT $alg encode+decode ≥ {$goal}× faster than userland" . ($alg === 'RS256' ? ' (PEM strings)' : ''),
        $r === null ? (is_string($e) ? $e : '–') : sprintf('%.2f×', $r), $ok($r === null ? null : $r >= $goal)];
}
$md[] = '## Goals (issue 6)';
$md[] = '';
$md[] = '| goal | measured | |';
$md[] = '|---|---:|---|';
foreach ($g as [$goal, $v, $verdict]) {
    $md[] = "| $goal | $v | $verdict |";
}
$md[] = '';
if ($wallMed) {
    $md[] = '![per-call time and instructions by client](per-call.png)';
}
if ($batchDat) {
    $md[] = '';
    $md[] = '![batch wall time against sequential calls](batch.png)';
}
$md[] = '';
file_put_contents("$out/results.md", implode("\n", $md));

// --- plot data and script
$dat = ["# client http_us ca1_us sys_us http_kinstr ca1_kinstr sys_kinstr"];
foreach (CLIENTS as $c => $label) {
    if (!isset($wallMed[$c])) {
        continue;
    }
    $f = static fn (?float $v, float $div) => $v === null ? 'NaN' : sprintf('%.3f', $v / $div);
    $dat[] = sprintf('"%s" %s %s %s %s %s %s', $label,
        $f($wallMed[$c]['http'] ?? null, 1e3), $f($wallMed[$c]['ca1'] ?? null, 1e3), $f($wallMed[$c]['sys'] ?? null, 1e3),
        $f($irC($c, 'http'), 1e3), $f($irC($c, 'ca1'), 1e3), $f($irC($c, 'sys'), 1e3));
}
file_put_contents("$out/per-call.dat", implode("\n", $dat) . "\n");
$title = sprintf('1 KiB generate call, N=%s, %s', $N, $machine['cpu'] ?? '');
$gp = <<<GP
set terminal pngcairo size 1400,1000 font "DejaVu Sans,10" noenhanced
set output "$out/per-call.png"
set multiplot layout 2,1 title "$title"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set logscale y
set grid ytics
set key top left
set xtics rotate by -20 scale 0 font ",9"
set ylabel "wall time per call, µs (log)"
set yrange [1:*]
set format y "%.0f"
plot "$out/per-call.dat" using 2:xtic(1) title "HTTP", '' using 3 title "HTTPS, 1-cert CA", '' using 4 title "HTTPS, system CA bundle"
set ylabel "instructions per call, thousands (log)"
set yrange [10:*]
set format y "%.0f"
plot "$out/per-call.dat" using 5:xtic(1) title "HTTP", '' using 6 title "HTTPS, 1-cert CA", '' using 7 title "HTTPS, system CA bundle"
unset multiplot

GP;
if ($batchDat) {
    file_put_contents("$out/batch.dat", "# n batch_ms sequential_ms\n" . implode("\n", $batchDat) . "\n");
    $bgp = <<<GP
set terminal pngcairo size 900,600 font "DejaVu Sans,10" noenhanced
set output "$out/batch.png"
set title "generate calls at 200 ms each: one generateBatch against one after another"
set logscale y
set grid ytics
set style data linespoints
set xlabel "calls in the batch"
set ylabel "wall time, ms (log)"
set key top left
plot "$out/batch.dat" using 1:2 title "generateBatch", '' using 1:3 title "sequential"

GP;
    file_put_contents("$out/batch.gp", $bgp);
}
if (count($dat) > 1) {
    file_put_contents("$out/per-call.gp", $gp);
}
