#!/bin/sh
# The quick start: installs the build dependencies, builds the extension, starts the local WP LLM emulator,
# generates WordPress code through WPLLM\Client and prints it. Usage: scripts/quickstart.sh ["your prompt"]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"

wpllm_apt_install $WPLLM_BUILD_PACKAGES
wpllm_build "$root"

state=$(mktemp -d "${TMPDIR:-/tmp}/wpllm-quickstart.XXXXXX")
trap 'php "$root/tests/server/stop.php" "$state" >/dev/null 2>&1 || true; rm -rf "$state"' EXIT INT TERM
url=$(php "$root/tests/server/start.php" "$state")
echo "WP LLM emulator listening on $url" >&2

WP_LLM_BASE_URL=$url WP_LLM_API_KEY=wpllm_test_full_0123456789abcdef \
	php -n -d extension="$root/modules/wpllm.so" "$root/examples/quickstart.php" "$@"
