#!/bin/sh
# The project's one test command: installs what the tests need, builds the extension, runs every suite
# (C unit tests of the core, the emulator's self-test, the phpt suite, the phpt suite again under valgrind)
# and ends with the plain line "N passed, N failed, N skipped" summed over all of them.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"

wpllm_apt_install $WPLLM_BUILD_PACKAGES valgrind clang libclang-rt-14-dev
command -v npm >/dev/null 2>&1 || wpllm_apt_install nodejs npm
wpllm_build "$root"
# npm jose: the independent JOSE implementation the JWT tests cross-check against
(cd "$root/tests/jose" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

cd "$root"
# a test php that crashed cannot stop the emulator it started: sweep any left behind when we finish
trap 'pkill -f "wpllm-test-.*$root/tests/server/router.php" 2>/dev/null || true' EXIT INT TERM
passed=0; failed=0; skipped=0
add() { passed=$((passed + $1)); failed=$((failed + $2)); skipped=$((skipped + $3)); }

# suite LABEL COMMAND...: runs a suite whose output ends with "[word: ]N passed, N failed" and adds its counts
# (a suite that prints no such line counts as one failure).
suite() {
	label=$1; shift
	echo "== $label"
	out=$("$@" 2>&1) || true
	echo "$out" | grep -vE '^(ok|PASS) ' | tail -n 30
	line=$(echo "$out" | grep -E '^([a-z]+: )?[0-9]+ passed, [0-9]+ failed' | tail -n 1)
	if [ -n "$line" ]; then
		add "$(echo "$line" | sed -E 's/^([a-z]+: )?([0-9]+) passed.*/\2/')" "$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')" 0
	else
		add 0 1 0
	fi
}

suite "C unit tests (src/core)" tests/core/run.sh
suite "C unit tests again, under ASan and UBSan (clang)" \
	env CC=clang tests/core/run.sh -fsanitize=address,undefined -fno-sanitize-recover=undefined

echo "== fuzzing the core's parsers (libFuzzer, ASan, UBSan: ${WPLLM_FUZZ_SECONDS:-30} s)"
if fuzz/run.sh "${WPLLM_FUZZ_SECONDS:-30}"; then add 1 0 0; else add 0 1 0; fi

suite "emulator self-test" php tests/server/selftest.php

# run-tests.php prints "Tests passed : N" style lines; read them back.
phpt() {
	label=$1; shift
	echo "== phpt ($label)"
	log=$(mktemp)
	NO_INTERACTION=1 TEST_PHP_EXECUTABLE=$(command -v php) php run-tests.php -q -n \
		-d extension="$root/modules/wpllm.so" --show-diff "$@" tests/ >"$log" 2>&1 || true
	grep -E 'FAIL|LEAK|BORK|WARN|^Tests (passed|failed|skipped|leaked|warned)|^[0-9]+[-+] ' "$log" | head -n 200 || true
	for d in tests/*.diff tests/*.mem; do
		[ -f "$d" ] && { echo "--- $d"; head -n 60 "$d"; }
	done
	p=$(sed -nE 's/^Tests passed +: +([0-9]+).*/\1/p' "$log" | tail -n 1)
	f=$(sed -nE 's/^Tests failed +: +([0-9]+).*/\1/p' "$log" | tail -n 1)
	l=$(sed -nE 's/^Tests leaked +: +([0-9]+).*/\1/p' "$log" | tail -n 1)
	s=$(sed -nE 's/^Tests skipped +: +([0-9]+).*/\1/p' "$log" | tail -n 1)
	# "warned": failed once, passed when run-tests.php retried it (listed above as WARN): counted as passed
	w=$(sed -nE 's/^Tests warned +: +([0-9]+).*/\1/p' "$log" | tail -n 1)
	b=$(grep -c '^BORK' "$log" || true)
	rm -f "$log"
	if [ -z "$p" ]; then
		echo "run-tests.php did not report a summary"
		add 0 1 0
		return
	fi
	add "$(( p + ${w:-0} ))" "$(( ${f:-0} + ${l:-0} + ${b:-0} ))" "${s:-0}"
}

phpt "plain" -j2

suite "PHP-FPM: persistent connections across page loads (nginx + php8.2-fpm, HTTPS)" tests/fpm/run.sh
if [ "${WPLLM_SKIP_VALGRIND:-0}" != "1" ]; then
	# Valgrind follows children; the emulator and linters the tests start are php too, and are not ours to check.
	VALGRIND_OPTS="--trace-children-skip=*/php,*/php8.2,*/sh,*/bash,*/setsid,*/node,*/true" export VALGRIND_OPTS
	phpt "valgrind" -m -j2
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
