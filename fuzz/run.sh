#!/bin/sh
# Builds the libFuzzer harness over the core's parsers (with ASan and UBSan) and runs it for a bounded time
# from the committed seed corpus. Usage: fuzz/run.sh [seconds, default 60]. Exit status: non-zero on a crash.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
secs=${1:-60}
mkdir -p "$here/bin" "$here/bin/corpus"
# shellcheck disable=SC2046
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -D_GNU_SOURCE -I"$root/src" \
	"$here/fuzz_parsers.c" "$root"/src/core/*.c $(pkg-config --cflags --libs libcurl json-c openssl) \
	-o "$here/bin/fuzz_parsers"
# new inputs go to bin/corpus (not committed); the seeds stay as they are; a crash leaves its input in bin/
rc=0
(cd "$here/bin" && ./fuzz_parsers -max_total_time="$secs" -max_len=8192 -timeout=10 -rss_limit_mb=1024 \
	-print_final_stats=1 corpus "$here/corpus" >fuzz.log 2>&1) || rc=$?
grep -E '^(stat::|Done|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$here/bin/fuzz.log" | tail -n 12
exit $rc
