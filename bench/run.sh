#!/bin/bash
# bench/run.sh: the one command for the benchmarks (issue 6): this extension against every client a PHP user
# could pick instead, side by side, in one run, on this machine.
#
# Installs what it needs (Debian packages, only the missing ones), builds the C floors, makes a throwaway CA,
# starts on 127.0.0.1 (private state dir, stopped by pid on exit):
#   nginx  - a canned 1 KiB generate response at POST /v1/generate over HTTP and HTTPS (keep-alive), and
#            /slow/... proxied to bench/server/delay.php (the same response after 200 ms) for the batch figures;
#            a second server block serving bench/www/page.php through php8.2-fpm for page loads per second;
#   php-fpm - 2 static workers, php.ini not read, this extension loaded.
# Then measures, every client interleaved (A B A B ...):
#   instructions per call  valgrind --tool=callgrind on the client process only, (I(2N) - I(N)) / N  [primary]
#   wall time per call     median over BENCH_RUNS runs of N calls (each run's median call), spread min..max
#   memory                 memory_get_peak_usage, VmHWM; the extension's growth over BENCH_MEM_N calls
#   JWT                    HS256 / RS256 encode+decode, WPLLM\Jwt against a userland implementation
#   batch                  generateBatch for 1, 8, 32, 64 calls at 200 ms each, against sequential calls
#   PHP-FPM                page loads per second (wrk), persistent on vs off, over HTTPS
# Rows whose feature the build lacks print "n/a" (WPLLM\Jwt, the client's `jwt` option, generateBatch).
# over HTTP, HTTPS with a one-certificate CA file, HTTPS with the system CA bundle (see "system" below).
# Prints the markdown tables and writes bench/out/results.md, per-call.png, batch.png and raw/*. About 4 minutes
# on 2 cores with the defaults.
#
# Knobs (environment): BENCH_N (calls per run and the N of the callgrind pair; default 200), BENCH_RUNS (5),
# BENCH_MEM_N (10000), BENCH_WRK_SECONDS (5), BENCH_CALLGRIND=0 (skip instruction counts),
# BENCH_FPM=0 (skip the PHP-FPM section), BENCH_KEEP=1 (keep the state dir); while developing:
# BENCH_OUT (another output dir), BENCH_SECTIONS (a subset of "callgrind wall memory jwt batch fpm"),
# BENCH_CLIENTS and BENCH_MODES (subsets of the lists below), e.g.
#   BENCH_N=20 BENCH_RUNS=2 BENCH_OUT=/tmp/b BENCH_SECTIONS="wall" BENCH_CLIENTS="ext curl" bench/run.sh
# shellcheck disable=SC2016 # PHP snippets in single quotes are meant literally
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
B="$root/bench"
. "$root/scripts/lib.sh"
. "$root/scripts/services.sh"

N=${BENCH_N:-200}
RUNS=${BENCH_RUNS:-5}
MEM_N=${BENCH_MEM_N:-10000}
WRK_SECONDS=${BENCH_WRK_SECONDS:-5}
DELAY_MS=200
for v in N RUNS MEM_N WRK_SECONDS; do
	case ${!v} in '' | *[!0-9]*) echo "BENCH_$v must be a number" >&2; exit 2 ;; esac
done
[ "$N" -ge 2 ] || { echo "BENCH_N must be at least 2" >&2; exit 2; }
started=$(date +%s)
say() { echo "[bench $(($(date +%s) - started))s] $*" >&2; }

# --- what the run needs. "php" on the same line as "wordpress", or apt picks Apache's mod_php for it.
say "checking Debian packages"
wpllm_apt_install nginx php php8.2-cli php8.2-fpm php8.2-curl php-guzzlehttp-guzzle wordpress \
	gnuplot-nox valgrind wrk openssl ca-certificates curl gcc pkg-config libcurl4-openssl-dev libjson-c-dev
if [ ! -f "$root/modules/wpllm.so" ]; then
	say "building the extension"
	# shellcheck disable=SC2086 # a list of package names
	wpllm_apt_install $WPLLM_BUILD_PACKAGES
	wpllm_build "$root"
fi

S=$(mktemp -d "${TMPDIR:-/tmp}/wpllm-bench.XXXXXX")
chmod 755 "$S"
OUT=${BENCH_OUT:-$B/out}
RAW="$OUT/raw"
rm -rf "$RAW" "$OUT/per-call.gp" "$OUT/batch.gp" "$OUT/per-call.dat" "$OUT/batch.dat"
mkdir -p "$OUT" "$RAW" "$S/certs" "$S/nginx/tmp" "$S/log"
svc_user=$(wpllm_service_user)
[ -n "$svc_user" ] && chown "$svc_user" "$S/nginx/tmp" "$S/log"

cleanup() {
	rc=$?
	wpllm_stop_pidfile "$S/nginx.pid" nginx
	wpllm_stop_pidfile "$S/php-fpm.pid" php-fpm
	wpllm_stop_pidfile "$S/delay.pid" delay.php
	if [ "${BENCH_KEEP:-0}" = 1 ]; then say "state kept in $S"; else rm -rf "$S"; fi
	exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# One build for the whole run: the tree's module may be rebuilt while we measure.
SO="$S/wpllm.so"
cp "$root/modules/wpllm.so" "$SO"
so_built=$(date -r "$root/modules/wpllm.so" '+%Y-%m-%d %H:%M')
chmod 755 "$SO"
# php-fpm's workers run as www-data: they get a copy of the page they can surely read
mkdir -p "$S/www"
cp "$B/www/page.php" "$S/www/page.php"
chmod 755 "$S/www"
chmod 644 "$S/www/page.php"

say "building the C floors"
# shellcheck disable=SC2046
cc -O2 -Wall -o "$S/curl_floor" "$B/c/curl_floor.c" $(pkg-config --cflags --libs libcurl json-c)

say "certificates"
wpllm_make_certs "$S/certs"
CA1="$S/certs/ca.pem"
# "system": the system CA bundle (what real sites trust, ~140 roots) with the throwaway CA appended, so that the
# certificate loading cost is the system bundle's without adding a test CA to the machine's trust store.
SYSCA="$S/certs/system-plus-test-ca.pem"
cat /etc/ssl/certs/ca-certificates.crt "$CA1" >"$SYSCA"
chmod 644 "$SYSCA"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$S/certs/jwt-rs256.key" 2>/dev/null
openssl pkey -in "$S/certs/jwt-rs256.key" -pubout -out "$S/certs/jwt-rs256.pub" 2>/dev/null

# --- services
say "starting the slow upstream, php-fpm and nginx"
php -n "$B/server/delay.php" "$S/delay.port" "$DELAY_MS" "$B/server/generate.json" >"$S/log/delay.log" 2>&1 &
echo $! >"$S/delay.pid"
for _ in $(seq 100); do [ -s "$S/delay.port" ] && break; sleep 0.05; done
delay_port=$(cat "$S/delay.port")

http_port=$(wpllm_free_port)
https_port=$(wpllm_free_port)
web_port=$(wpllm_free_port)
while [ "$https_port" = "$http_port" ]; do https_port=$(wpllm_free_port); done
while [ "$web_port" = "$http_port" ] || [ "$web_port" = "$https_port" ]; do web_port=$(wpllm_free_port); done
fpm_sock="$S/php-fpm.sock"

# The canned body as an nginx string: backslash, quote and newline escaped, "$" through a variable holding "$".
canned=$(php -n -r 'echo strtr(file_get_contents($argv[1]), ["\\" => "\\\\", "\x27" => "\\\x27", "\n" => "\\n", "\$" => "\${dollar}"]);' "$B/server/generate.json")

cat >"$S/nginx.conf" <<EOF
${svc_user:+user $svc_user;}
worker_processes 2;
daemon on;
pid $S/nginx.pid;
error_log $S/log/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $S/nginx/tmp/body; proxy_temp_path $S/nginx/tmp/proxy;
  fastcgi_temp_path $S/nginx/tmp/fastcgi; uwsgi_temp_path $S/nginx/tmp/uwsgi; scgi_temp_path $S/nginx/tmp/scgi;
  geo \$dollar { default "\$"; }
  keepalive_timeout 60s;
  keepalive_requests 1000000;
  # the API: one canned 1 KiB generate response, HTTP and HTTPS
  server {
    listen 127.0.0.1:$http_port;
    listen 127.0.0.1:$https_port ssl;
    server_name localhost;
    ssl_certificate $S/certs/server.pem;
    ssl_certificate_key $S/certs/server.key;
    ssl_session_cache shared:bench:1m;
    location = /v1/generate {
      default_type application/json;
      return 200 '$canned';
    }
    # the same, 200 ms later (bench/server/delay.php), for the batch figures
    location /slow/ {
      proxy_pass http://127.0.0.1:$delay_port/;
    }
    location / { return 404; }
  }
  # the site: bench/www/page.php under php-fpm, for page loads per second
$(wpllm_nginx_fpm_site "$web_port" "$S/www" "$fpm_sock")
}
EOF

{
	wpllm_fpm_conf "$S" bench "$fpm_sock" 2 "$svc_user"
	cat <<EOF
env[BENCH_BASE_URL] = https://127.0.0.1:$https_port
env[BENCH_CA_ONE] = $CA1
env[BENCH_CA_SYSTEM] = $SYSCA
php_admin_value[extension] = $SO
php_admin_flag[log_errors] = on
php_admin_flag[display_errors] = off
EOF
} >"$S/php-fpm.conf"

php-fpm8.2 -n --fpm-config "$S/php-fpm.conf"
wpllm_wait_unix "$fpm_sock" 10
nginx -e "$S/log/nginx-error.log" -p "$S/nginx" -c "$S/nginx.conf"
wpllm_wait_tcp "$http_port" 10
wpllm_wait_tcp "$https_port" 10
wpllm_wait_tcp "$web_port" 10

# The server answers what we think it answers: the canned bytes, over both, on one kept-alive connection.
want=$(sha256sum <"$B/server/generate.json" | cut -d' ' -f1)
for u in "http://127.0.0.1:$http_port" "https://127.0.0.1:$https_port"; do
	got=$(curl -sS --cacert "$CA1" -X POST -d '{}' "$u/v1/generate" | sha256sum | cut -d' ' -f1)
	[ "$got" = "$want" ] || { echo "nginx does not serve the canned response at $u" >&2; exit 1; }
done
curl -sS -v --cacert "$CA1" -X POST -d '{}' -o /dev/null -o /dev/null \
	"https://127.0.0.1:$https_port/v1/generate" "https://127.0.0.1:$https_port/v1/generate" 2>&1 |
	grep -q 'Re-using existing connection' || { echo "nginx did not keep the connection alive" >&2; exit 1; }
t=$(curl -sS --cacert "$CA1" -X POST -d '{}' -o "$S/slow.body" -w '%{time_total}' "https://127.0.0.1:$https_port/slow/v1/generate")
if [ "$(sha256sum <"$S/slow.body" | cut -d' ' -f1)" != "$want" ] || [ "$(php -n -r 'echo (float) $argv[1] >= 0.19 ? 1 : 0;' "$t")" != 1 ]; then
	echo "the /slow/ location does not answer the canned response after ${DELAY_MS} ms (took ${t}s)" >&2
	exit 1
fi
say "nginx http://127.0.0.1:$http_port https://127.0.0.1:$https_port, site :$web_port, slow upstream :$delay_port"

# --- clients
CLIENTS=${BENCH_CLIENTS:-ext ext-sign ext-jwt curl guzzle requests c-curl c-curl-json}
MODES=${BENCH_MODES:-http ca1 sys}
SECTIONS=${BENCH_SECTIONS:-callgrind wall memory jwt batch fpm}
[ "${BENCH_CALLGRIND:-1}" = 0 ] && SECTIONS=${SECTIONS//callgrind/}
[ "${BENCH_FPM:-1}" = 0 ] && SECTIONS=${SECTIONS//fpm/}
want() { case " $SECTIONS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
mode_url() { case $1 in http) echo "http://127.0.0.1:$http_port" ;; *) echo "https://127.0.0.1:$https_port" ;; esac; }
mode_ca() { case $1 in http) echo "" ;; ca1) echo "$CA1" ;; sys) echo "$SYSCA" ;; esac; }
# the callgrind N: WordPress's Requests opens a connection per call (over HTTPS a TLS handshake and a fresh read
# of the CA file: 50x to 1500x the work of a reused connection), so it gets a smaller N there
cg_n() { # cg_n CLIENT MODE
	case $1/$2 in
	requests/http) echo $((N / 4 > 5 ? N / 4 : 5)) ;;
	requests/ca1) echo $((N / 20 > 5 ? N / 20 : 5)) ;;
	requests/sys) echo 2 ;;
	*) echo "$N" ;;
	esac
}

# client_cmd CLIENT MODE N: the command line, one word per line (no word has a newline)
client_cmd() {
	local c=$1 url ca n=$3
	url=$(mode_url "$2")
	ca=$(mode_ca "$2")
	case $c in
	ext) printf '%s\n' php -n -d "extension=$SO" "$B/clients/ext.php" ;;
	ext-sign) printf '%s\n' php -n -d "extension=$SO" "$B/clients/ext.php" --sign=1 --label=ext-sign ;;
	ext-jwt) printf '%s\n' php -n -d "extension=$SO" "$B/clients/ext.php" --sign=1 --jwt=1 --label=ext-jwt ;;
	curl | guzzle | requests) printf '%s\n' php -n -d extension=curl "$B/clients/$c.php" ;;
	c-curl) printf '%s\n' "$S/curl_floor" "$url" "${ca:--}" "$n" 1; return ;;
	c-curl-json) printf '%s\n' "$S/curl_floor" "$url" "${ca:--}" "$n" 1 json; return ;;
	esac
	printf '%s\n' "--url=$url" "--ca=$ca" "--n=$n" --warmup=1
}

# record FILE JSON-FIELDS RESULT-LINE: one line of raw data
record() { printf '{%s,"r":%s}\n' "$2" "${3:-null}" >>"$1"; }

run_wall() { # run_wall CLIENT MODE ROUND
	local out
	mapfile -t cmd < <(client_cmd "$1" "$2" "$N")
	if out=$("${cmd[@]}" 2>"$S/log/client.err" | tail -n 1) && [ -n "$out" ]; then
		record "$RAW/wall.jsonl" "\"client\":\"$1\",\"mode\":\"$2\",\"round\":$3" "$out"
	else
		say "FAILED: $1 $2: $(tail -n 3 "$S/log/client.err" | tr '\n' ' ')"
		record "$RAW/wall.jsonl" "\"client\":\"$1\",\"mode\":\"$2\",\"round\":$3,\"error\":true"
	fi
}

collected() { sed -nE 's/.*Collected : ([0-9]+).*/\1/p' "$S/log/cg.log" | tail -n 1; }

run_cg() { # run_cg CLIENT MODE [LABEL]: instructions at n and 2n
	local n out label=${3:-$1} ir=()
	n=$(cg_n "$1" "$2")
	for k in 1 2; do
		mapfile -t cmd < <(client_cmd "$1" "$2" $((n * k)))
		if out=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$S/log/cg.log" \
			"${cmd[@]}" 2>"$S/log/client.err" | tail -n 1) && [ -n "$out" ]; then
			case $out in *'"na"'*)
				record "$RAW/callgrind.jsonl" "\"client\":\"$label\",\"mode\":\"$2\"" "$out"
				return ;;
			esac
			ir[k]=$(collected)
		else
			say "FAILED under callgrind: $1 $2: $(tail -n 3 "$S/log/client.err" | tr '\n' ' ')"
			record "$RAW/callgrind.jsonl" "\"client\":\"$label\",\"mode\":\"$2\",\"error\":true"
			return
		fi
	done
	record "$RAW/callgrind.jsonl" "\"client\":\"$label\",\"mode\":\"$2\",\"n\":$n,\"ir_n\":${ir[1]},\"ir_2n\":${ir[2]},\"per_call\":$(((ir[2] - ir[1]) / n))"
}

if want callgrind; then
	say "instructions per call (callgrind, N=$N and 2N; wp_remote_post N=$(cg_n requests http)/$(cg_n requests ca1)/$(cg_n requests sys))"
	for m in $MODES; do
		for c in $CLIENTS; do
			run_cg "$c" "$m"
		done
	done
	for m in $MODES; do # repeatability: the extension measured a second time
		run_cg ext "$m" ext-again
	done
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
load_after=''
if want wall; then
	say "wall time per call: $RUNS interleaved runs of N=$N per client and mode (load average $load_before)"
	for r in $(seq "$RUNS"); do
		for m in $MODES; do
			for c in $CLIENTS; do
				run_wall "$c" "$m" "$r"
			done
		done
	done
	load_after=$(cut -d' ' -f1-3 /proc/loadavg)
fi

if want memory; then
	say "memory over $MEM_N calls (extension, HTTPS one-cert CA)"
	php -n -d "extension=$SO" "$B/clients/ext_memory.php" --url="$(mode_url ca1)" --ca="$CA1" --n="$MEM_N" \
		>"$RAW/memory.jsonl" 2>"$S/log/client.err" || say "FAILED: memory: $(tail -n 3 "$S/log/client.err")"
fi

JWT_N_HS=$((N * 50))
JWT_N_RS=$((N > 20 ? N : 20))
if want jwt; then
	say "JWT encode+decode"
	for r in 1 2 3; do
		for alg in HS256 RS256; do
			for impl in ext userland; do
				n=$JWT_N_HS
				[ $alg = RS256 ] && n=$JWT_N_RS
				out=$(php -n -d "extension=$SO" "$B/clients/jwt.php" --impl=$impl --alg=$alg --n=$n \
					--key="$S/certs/jwt-rs256.key" --pub="$S/certs/jwt-rs256.pub" 2>"$S/log/client.err" | tail -n 1) ||
					{ say "FAILED: jwt $impl $alg: $(tail -n 3 "$S/log/client.err")"; out='{"error":true}'; }
				record "$RAW/jwt.jsonl" "\"impl\":\"$impl\",\"alg\":\"$alg\",\"round\":$r" "$out"
			done
		done
	done
fi
if want jwt && want callgrind; then
	for alg in HS256 RS256; do
		for impl in ext userland; do
			n=$((N * 5))
			[ $alg = RS256 ] && n=10
			ir=()
			for k in 1 2; do
				out=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$S/log/cg.log" \
					php -n -d "extension=$SO" "$B/clients/jwt.php" --impl=$impl --alg=$alg --n=$((n * k)) \
					--key="$S/certs/jwt-rs256.key" --pub="$S/certs/jwt-rs256.pub" 2>/dev/null | tail -n 1) || out=''
				case $out in *'"na"'* | '') break ;; esac
				ir[k]=$(collected)
			done
			if [ -n "${ir[2]:-}" ]; then
				record "$RAW/jwt-callgrind.jsonl" "\"impl\":\"$impl\",\"alg\":\"$alg\",\"n\":$n,\"per_op\":$(((ir[2] - ir[1]) / n))"
			fi
		done
	done
fi

if want batch; then
	say "batch (200 ms server delay)"
	php -n -d "extension=$SO" "$B/clients/batch.php" --url="https://127.0.0.1:$https_port/slow" --ca="$CA1" \
		--sizes=1,8,32,64 >"$RAW/batch.jsonl" 2>"$S/log/client.err" || say "FAILED: batch: $(tail -n 3 "$S/log/client.err")"
fi

if want fpm; then
	say "PHP-FPM page loads per second (wrk, ${WRK_SECONDS}s each, persistent on/off interleaved)"
	for ca in system one; do
		for p in 1 0; do # warm both workers, and check the page works and reuses (only) when it should
			seen=""
			for _ in 1 2 3 4; do
				body=$(curl -sS -m 30 "http://127.0.0.1:$web_port/page.php?persistent=$p&ca=$ca")
				case $body in "stop "*) seen="$seen ${body#stop }" ;; *) echo "page.php failed: $body" >&2; exit 1 ;; esac
			done
			case $p/$seen in
			1/*reused*) ;;
			0/*reused*) echo "page.php with persistent=0 reused a connection:$seen" >&2; exit 1 ;;
			1/*) echo "page.php with persistent=1 never reused a connection:$seen" >&2; exit 1 ;;
			esac
		done
	done
	for r in 1 2; do
		for ca in system one; do
			for p in 1 0; do
				out=$(wrk -t1 -c2 -d"${WRK_SECONDS}s" "http://127.0.0.1:$web_port/page.php?persistent=$p&ca=$ca" 2>&1)
				rps=$(echo "$out" | sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p')
				bad=$(echo "$out" | sed -nE 's/.*Non-2xx or 3xx responses: *([0-9]+).*/\1/p')
				lat=$(echo "$out" | sed -nE 's/^ *Latency +([0-9.]+[a-z]+).*/\1/p')
				record "$RAW/fpm.jsonl" "\"persistent\":$p,\"ca\":\"$ca\",\"round\":$r,\"rps\":${rps:-0},\"non2xx\":${bad:-0},\"latency\":\"$lat\""
			done
		done
	done
fi

# --- the machine, then the report
{
	printf '{"cpu":"%s",' "$(sed -nE 's/^model name\s*:\s*(.*)/\1/p' /proc/cpuinfo | head -n 1 | sed 's/"/\\"/g')"
	printf '"cores":%s,' "$(nproc)"
	printf '"kernel":"%s",' "$(uname -sr)"
	printf '"os":"%s",' "$(. /etc/os-release && echo "$PRETTY_NAME")"
	printf '"php":"%s",' "$(php -n -r 'echo PHP_VERSION;')"
	printf '"wpllm":"%s",' "$(php -n -d "extension=$SO" -r 'echo phpversion("wpllm");')"
	printf '"wpllm_so":"%s",' "$(sha256sum "$SO" | cut -c1-12) built $so_built"
	printf '"curl":"%s",' "$(pkg-config --modversion libcurl)"
	printf '"openssl":"%s",' "$(openssl version | cut -d' ' -f2)"
	printf '"jsonc":"%s",' "$(pkg-config --modversion json-c)"
	printf '"nginx":"%s",' "$(nginx -v 2>&1 | sed 's/.*\///')"
	printf '"guzzle":"%s",' "$(dpkg-query -W -f='${Version}' php-guzzlehttp-guzzle)"
	printf '"wordpress":"%s",' "$(dpkg-query -W -f='${Version}' wordpress)"
	printf '"system_cas":%s,' "$(grep -c 'BEGIN CERTIFICATE' /etc/ssl/certs/ca-certificates.crt)"
	printf '"n":%s,"runs":%s,"mem_n":%s,"wrk_seconds":%s,"requests_cg_n":%s,"jwt_n_hs":%s,"jwt_n_rs":%s,' \
		"$N" "$RUNS" "$MEM_N" "$WRK_SECONDS" "\"$(cg_n requests http)/$(cg_n requests ca1)/$(cg_n requests sys)\"" "$JWT_N_HS" "$JWT_N_RS"
	printf '"load_before":"%s","load_after":"%s",' "$load_before" "$load_after"
	printf '"date":"%s","seconds":%s}\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(($(date +%s) - started))"
} >"$RAW/machine.json"

say "report"
php -n "$B/report.php" "$RAW" "$OUT"
rm -f "$OUT/per-call.png" "$OUT/batch.png"
for gp in "$OUT/per-call.gp" "$OUT/batch.gp"; do
	[ -f "$gp" ] || continue
	gnuplot "$gp" 2>"$S/log/gnuplot.err" || say "gnuplot failed on $gp: $(cat "$S/log/gnuplot.err")"
done
cat "$OUT/results.md"
say "done: $OUT/results.md, $OUT/per-call.png, $OUT/raw/"
