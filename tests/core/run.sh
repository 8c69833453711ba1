#!/bin/sh
# Builds and runs the core's C unit tests (no PHP). Usage: tests/core/run.sh [extra CFLAGS, e.g. -fsanitize=address]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$here/bin"
mkdir -p "$out"
cc=${CC:-cc}
# shellcheck disable=SC2046
$cc -std=c11 -D_GNU_SOURCE -g -O1 -Wall -Wextra -Werror -I"$root/src" "$@" \
	"$here"/*.c "$root"/src/core/*.c \
	$(pkg-config --cflags --libs libcurl json-c openssl) -o "$out/core-tests"
"$out/core-tests"
