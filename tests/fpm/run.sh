#!/bin/bash
# tests/fpm/run.sh: proves under a real php8.2-fpm that WPLLM\Client's persistent connections survive from one
# page load to the next in the same worker, and that persistent=0 does not reuse.
#
#   client (curl) --http--> nginx :WEB --fastcgi--> php-fpm (1 static worker, modules/wpllm.so, page.php)
#   page.php: WPLLM\Client --https, keep-alive--> nginx :TLS (throwaway CA) --http--> WP LLM emulator
#
# Loads page.php twice with persistent=1, then twice with persistent=0, and checks what the client reports
# (getLastResponse()['connection_reused'], worker pid) and what nginx saw ($connection, $connection_requests on
# the TLS side). Everything runs on 127.0.0.1 with a private state dir, stopped by pid on exit.
# Prints one line per check and ends with "N passed, N failed"; exits non-zero on any failure.
# WPLLM_FPM_KEEP=1 keeps the state dir (logs, configs) for a look afterwards.
# shellcheck disable=SC2016 # PHP snippets in single quotes are meant literally
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/lib.sh"
. "$root/scripts/services.sh"

wpllm_apt_install nginx php8.2-fpm php8.2-cli php8.2-sqlite3 php8.2-mbstring openssl curl
if [ ! -f "$root/modules/wpllm.so" ]; then
	# shellcheck disable=SC2086 # a list of package names
	wpllm_apt_install $WPLLM_BUILD_PACKAGES
	wpllm_build "$root"
fi

S=$(mktemp -d "${TMPDIR:-/tmp}/wpllm-fpm.XXXXXX")
chmod 755 "$S"
mkdir -p "$S/certs" "$S/emulator" "$S/nginx/tmp" "$S/log" "$S/www"
# The workers run as www-data: give them copies they can surely read (the checkout may sit under a private dir).
cp "$root/tests/fpm/www/page.php" "$S/www/page.php"
cp "$root/modules/wpllm.so" "$S/wpllm.so"
chmod 755 "$S/www" "$S/wpllm.so"
chmod 644 "$S/www/page.php"
svc_user=$(wpllm_service_user)
[ -n "$svc_user" ] && chown "$svc_user" "$S/nginx/tmp" "$S/log"

passed=0
failed=0
cleanup() {
	rc=$?
	wpllm_stop_pidfile "$S/nginx.pid" nginx
	wpllm_stop_pidfile "$S/php-fpm.pid" php-fpm
	php "$root/tests/server/stop.php" "$S/emulator" >/dev/null 2>&1 || true
	if [ "${WPLLM_FPM_KEEP:-0}" = 1 ]; then
		echo "state kept in $S"
	else
		rm -rf "$S"
	fi
	exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fatal() {
	echo "FAIL setup: $*"
	for f in "$S"/log/*.log "$S/emulator/server.log"; do
		[ -s "$f" ] && { echo "--- $f"; tail -n 20 "$f"; }
	done
	echo "$passed passed, $((failed + 1)) failed"
	exit 1
}

check() { # check NAME VERDICT(0=ok) DETAIL
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
		echo "PASS $1 ($3)"
	else
		failed=$((failed + 1))
		echo "FAIL $1 ($3)"
	fi
}

# 1. throwaway CA + server certificate for 127.0.0.1 / localhost
wpllm_make_certs "$S/certs" || fatal "certificates"

# 2. the emulator, and nginx terminating TLS in front of it (keep-alive towards the client)
emu_url=$(php "$root/tests/server/start.php" "$S/emulator") || fatal "emulator did not start"
tls_port=$(wpllm_free_port)
web_port=$(wpllm_free_port)
while [ "$web_port" = "$tls_port" ]; do web_port=$(wpllm_free_port); done
fpm_sock="$S/php-fpm.sock"

cat >"$S/nginx.conf" <<EOF
${svc_user:+user $svc_user;}
worker_processes 1;
daemon on;
pid $S/nginx.pid;
error_log $S/log/nginx-error.log;
events { worker_connections 256; }
http {
  log_format wpllm '\$server_port \$connection \$connection_requests \$request_method \$request_uri \$status';
  access_log $S/log/nginx-access.log wpllm;
  client_body_temp_path $S/nginx/tmp/body; proxy_temp_path $S/nginx/tmp/proxy;
  fastcgi_temp_path $S/nginx/tmp/fastcgi; uwsgi_temp_path $S/nginx/tmp/uwsgi; scgi_temp_path $S/nginx/tmp/scgi;
  # the WP LLM API as the extension sees it: TLS, HTTP/1.1 keep-alive
  server {
    listen 127.0.0.1:$tls_port ssl;
    server_name localhost;
    ssl_certificate $S/certs/server.pem;
    ssl_certificate_key $S/certs/server.key;
    keepalive_timeout 60s;
    keepalive_requests 1000;
    location / {
      proxy_pass $emu_url;
      proxy_set_header Host \$http_host;
    }
  }
  # the site: page.php under php-fpm
$(wpllm_nginx_fpm_site "$web_port" "$S/www" "$fpm_sock")
}
EOF

# 3. php-fpm: one static worker, so both page loads of a pair hit the same process; php.ini not read (-n)
{
	wpllm_fpm_conf "$S" wpllm "$fpm_sock" 1 "$svc_user"
	cat <<EOF
env[WPLLM_FPM_BASE_URL] = https://127.0.0.1:$tls_port
env[WPLLM_FPM_CA_BUNDLE] = $S/certs/ca.pem
php_admin_value[extension] = $S/wpllm.so
php_admin_flag[log_errors] = on
php_admin_flag[display_errors] = off
EOF
} >"$S/php-fpm.conf"

php-fpm8.2 -n --fpm-config "$S/php-fpm.conf" 2>>"$S/log/php-fpm-start.log" || fatal "php-fpm did not start"
wpllm_wait_unix "$fpm_sock" 10 || fatal "php-fpm socket did not appear"
nginx -e "$S/log/nginx-error.log" -p "$S/nginx" -c "$S/nginx.conf" 2>>"$S/log/nginx-start.log" || fatal "nginx did not start"
wpllm_wait_tcp "$tls_port" 10 || fatal "nginx TLS port did not open"
wpllm_wait_tcp "$web_port" 10 || fatal "nginx web port did not open"
echo "emulator $emu_url, nginx TLS https://127.0.0.1:$tls_port, site http://127.0.0.1:$web_port, php-fpm $(php-fpm8.2 -n -v | head -n 1 | cut -d' ' -f1-2)"

# 4. page loads
load() { # load PERSISTENT -> prints the page's JSON line
	curl -sS -m 30 "http://127.0.0.1:$web_port/page.php?persistent=$1" 2>&1
}
field() { # field JSON KEY -> true / false / null / number / string
	php -n -r '$j = json_decode($argv[1], true); if (!is_array($j)) { echo "unparsable"; exit; }
		$v = $j[$argv[2]] ?? null; echo is_bool($v) ? ($v ? "true" : "false") : ($v === null ? "null" : $v);' "$1" "$2"
}

p1=$(load 1); echo "persistent=1 load 1: $p1"
p2=$(load 1); echo "persistent=1 load 2: $p2"
n1=$(load 0); echo "persistent=0 load 1: $n1"
n2=$(load 0); echo "persistent=0 load 2: $n2"

for v in p1 p2 n1 n2; do
	s=$(field "${!v}" status)
	[ "$s" = 200 ]; check "page load $v: models() status 200" $? "status=$s"
done
pid_p1=$(field "$p1" pid); pid_p2=$(field "$p2" pid); pid_n1=$(field "$n1" pid); pid_n2=$(field "$n2" pid)
[ "$pid_p1" = "$pid_p2" ] && [ "$pid_p1" != null ]
check "persistent=1: both loads in the same worker" $? "pids $pid_p1, $pid_p2"
r=$(field "$p1" connection_reused)
[ "$r" = false ]; check "persistent=1 load 1: connection_reused false (fresh worker, empty pool)" $? "got $r"
r=$(field "$p2" connection_reused)
[ "$r" = true ]; check "persistent=1 load 2: connection_reused true (kept from load 1)" $? "got $r"
[ "$pid_n1" = "$pid_n2" ] && [ "$pid_n1" = "$pid_p1" ]
check "persistent=0: both loads in that same worker" $? "pids $pid_n1, $pid_n2"
r=$(field "$n1" connection_reused)
[ "$r" = false ]; check "persistent=0 load 1: connection_reused false" $? "got $r"
r=$(field "$n2" connection_reused)
[ "$r" = false ]; check "persistent=0 load 2: connection_reused false" $? "got $r"

# What nginx saw on the TLS side: $connection (serial) and $connection_requests per /v1/models request.
mapfile -t seen < <(awk -v p="$tls_port" '$1 == p && $5 == "/v1/models" { print $2 " " $3 }' "$S/log/nginx-access.log")
printf 'nginx, TLS side, the /v1/models requests in order:'
for x in "${seen[@]}"; do printf ' [connection %s, request %s]' "${x% *}" "${x#* }"; done
echo
if [ "${#seen[@]}" -eq 4 ]; then
	read -r c1 q1 <<<"${seen[0]}"; read -r c2 q2 <<<"${seen[1]}"
	read -r c3 q3 <<<"${seen[2]}"; read -r c4 q4 <<<"${seen[3]}"
	[ "$c1" = "$c2" ] && [ "$q1" = 1 ] && [ "$q2" = 2 ]
	check "nginx: persistent=1 loads arrived on one TLS connection" $? "connection $c1 request $q1, connection $c2 request $q2"
	[ "$c3" != "$c1" ] && [ "$c4" != "$c1" ] && [ "$c3" != "$c4" ] && [ "$q3" = 1 ] && [ "$q4" = 1 ]
	check "nginx: persistent=0 loads each opened a new TLS connection" $? "connection $c3 request $q3, connection $c4 request $q4"
else
	check "nginx: 4 /v1/models requests logged on the TLS side" 1 "saw ${#seen[@]}"
fi

# 5. a stale pooled connection: nginx is reloaded, so its old worker closes the idle keep-alive connection the
# worker's pool still holds. The next load must still succeed, on a new connection (libcurl finds the pooled one
# dead before sending, or retries once on a fresh one when it only notices while sending), and the one after
# reuses that new connection.
nginx -p "$S/nginx" -c "$S/nginx.conf" -s reload 2>>"$S/log/nginx-start.log" || fatal "nginx reload"
sleep 1
s1=$(load 1); echo "after the reload, persistent=1 load 1: $s1"
s2=$(load 1); echo "after the reload, persistent=1 load 2: $s2"
st=$(field "$s1" status); r=$(field "$s1" connection_reused)
[ "$st" = 200 ] && [ "$r" = false ]
check "stale pooled connection: the load succeeds on a new connection" $? "status=$st connection_reused=$r"
st=$(field "$s2" status); r=$(field "$s2" connection_reused)
[ "$st" = 200 ] && [ "$r" = true ]
check "after the stale one: the new connection is kept and reused" $? "status=$st connection_reused=$r"

if [ -s "$S/log/php-fpm.log" ] && grep -qiE 'warning|error|segfault|signal' "$S/log/php-fpm.log"; then
	echo "--- php-fpm log"
	grep -iE 'warning|error|segfault|signal' "$S/log/php-fpm.log" | tail -n 10
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
