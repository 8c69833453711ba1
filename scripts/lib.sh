# lib.sh: shared by the project's scripts: installing Debian packages idempotently and building the extension.
# shellcheck shell=sh

# Installs the named Debian packages that are not installed yet (apt-get update only when needed).
wpllm_apt_install() {
	missing=""
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "Installing Debian packages:$missing"
	if [ "$(id -u)" -ne 0 ]; then
		SUDO=sudo
	else
		SUDO=
	fi
	$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null
}

# php8.2-sqlite3 and php8.2-mbstring: the WP LLM emulator (tests/server) that the quick start and the tests run
WPLLM_BUILD_PACKAGES="php8.2-cli php8.2-dev php8.2-sqlite3 php8.2-mbstring php-parser libcurl4-openssl-dev libjson-c-dev libssl-dev pkg-config gcc make"

# Builds modules/wpllm.so in the source tree (phpize, configure, make), only redoing what changed.
wpllm_build() {
	root=$1
	(
		cd "$root"
		if [ ! -f configure ] || [ config.m4 -nt configure ]; then
			phpize >/dev/null
		fi
		if [ ! -f Makefile ] || [ configure -nt Makefile ]; then
			./configure --enable-wpllm >/dev/null
		fi
		make -j"$(nproc)" >/dev/null
	)
}
