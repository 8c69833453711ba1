# services.sh: helpers for scripts that start their own loopback services (tests/fpm/run.sh, bench/run.sh):
# free ports, a throwaway CA and server certificate, starting nginx / php-fpm with private state, stopping by pid.
# Source after scripts/lib.sh.
# shellcheck shell=sh disable=SC2016 # PHP snippets in single quotes are meant literally

# Prints a TCP port on 127.0.0.1 that was free a moment ago (the kernel's pick for port 0).
wpllm_free_port() {
	php -n -r '$s = stream_socket_server("tcp://127.0.0.1:0", $errno, $errstr) or exit(1);
		$n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1), "\n";'
}

# wpllm_make_certs DIR: a throwaway CA (DIR/ca.pem, one certificate) and a server certificate for 127.0.0.1 and
# localhost signed by it (DIR/server.pem, DIR/server.key), RSA 2048, valid 2 days. Idempotent.
wpllm_make_certs() {
	d=$1
	mkdir -p "$d"
	[ -s "$d/ca.pem" ] && [ -s "$d/server.pem" ] && [ -s "$d/server.key" ] && return 0
	(
		umask 077
		openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 2 -keyout "$d/ca.key" -out "$d/ca.pem" \
			-subj "/CN=wpllm throwaway test CA" \
			-addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null &&
		openssl req -newkey rsa:2048 -nodes -sha256 -keyout "$d/server.key" -out "$d/server.csr" \
			-subj "/CN=localhost" 2>/dev/null &&
		printf '%s\n' "subjectAltName=IP:127.0.0.1,DNS:localhost" "basicConstraints=critical,CA:FALSE" \
			"keyUsage=critical,digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth" >"$d/server.ext" &&
		openssl x509 -req -sha256 -days 2 -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" \
			-CAcreateserial -extfile "$d/server.ext" -out "$d/server.pem" 2>/dev/null
	) || { echo "wpllm_make_certs: openssl failed" >&2; return 1; }
	chmod 644 "$d/ca.pem" "$d/server.pem"
	rm -f "$d/server.csr" "$d/server.ext"
}

# wpllm_wait_tcp PORT [SECONDS]: waits until something accepts on 127.0.0.1:PORT.
wpllm_wait_tcp() {
	php -n -r '$end = microtime(true) + (float) $argv[2];
		do { $s = @stream_socket_client("tcp://127.0.0.1:" . $argv[1], $e, $m, 1); if ($s) exit(0); usleep(50000); }
		while (microtime(true) < $end); exit(1);' "$1" "${2:-10}"
}

# wpllm_wait_unix PATH [SECONDS]: waits until something accepts on the unix socket PATH.
wpllm_wait_unix() {
	php -n -r '$end = microtime(true) + (float) $argv[2];
		do { $s = @stream_socket_client("unix://" . $argv[1], $e, $m, 1); if ($s) exit(0); usleep(50000); }
		while (microtime(true) < $end); exit(1);' "$1" "${2:-10}"
}

# wpllm_stop_pidfile FILE NAME: SIGTERM to the pid in FILE, SIGKILL after 5 s; removes FILE. Quiet if not running.
wpllm_stop_pidfile() {
	f=$1
	[ -s "$f" ] || return 0
	pid=$(cat "$f")
	case $pid in '' | *[!0-9]*) rm -f "$f"; return 0 ;; esac
	if kill -TERM "$pid" 2>/dev/null; then
		i=0
		while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
		if kill -0 "$pid" 2>/dev/null; then
			echo "$2 (pid $pid) did not stop on TERM, sending KILL" >&2
			kill -KILL "$pid" 2>/dev/null || true
		fi
	fi
	rm -f "$f"
}

# wpllm_service_user: prints the user nginx and php-fpm workers run as ("www-data" when we are root, else empty).
wpllm_service_user() {
	if [ "$(id -u)" -eq 0 ] && id www-data >/dev/null 2>&1; then echo www-data; fi
}

# wpllm_nginx_fpm_site PORT ROOT SOCKET: an nginx server block (for inside http {}) serving ROOT/page.php on
# 127.0.0.1:PORT through the php-fpm socket.
wpllm_nginx_fpm_site() {
	cat <<SITE
  server {
    listen 127.0.0.1:$1;
    server_name localhost;
    root $2;
    location = /page.php {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_pass unix:$3;
    }
  }
SITE
}

# wpllm_fpm_conf STATE_DIR POOL SOCKET CHILDREN [USER]: a php-fpm config with one static pool of CHILDREN workers
# (pid and log in STATE_DIR/, the socket owned by USER when given, env cleared). The caller appends its own
# env[...] and php_admin_value[...] lines.
wpllm_fpm_conf() {
	cat <<CONF
[global]
pid = $1/php-fpm.pid
error_log = $1/log/php-fpm.log
daemonize = yes
[$2]
${5:+user = $5}
${5:+group = $5}
listen = $3
${5:+listen.owner = $5}
${5:+listen.group = $5}
listen.mode = 0660
listen.backlog = 511
pm = static
pm.max_children = $4
catch_workers_output = yes
decorate_workers_output = no
clear_env = yes
CONF
}
