dnl config.m4 for the wpllm extension: finds libcurl, json-c and OpenSSL with pkg-config.

PHP_ARG_ENABLE([wpllm],
  [whether to enable the WP LLM client],
  [AS_HELP_STRING([--enable-wpllm], [Enable the WP LLM client (WPLLM\Client)])],
  [no])

if test "$PHP_WPLLM" != "no"; then
  PKG_PROG_PKG_CONFIG
  if test -z "$PKG_CONFIG"; then
    AC_MSG_ERROR([pkg-config not found: install the Debian package pkg-config])
  fi

  PKG_CHECK_MODULES([WPLLM_CURL], [libcurl >= 7.61.0], [],
    [AC_MSG_ERROR([libcurl >= 7.61.0 not found: install the Debian package libcurl4-openssl-dev])])
  PKG_CHECK_MODULES([WPLLM_JSONC], [json-c >= 0.13], [],
    [AC_MSG_ERROR([json-c >= 0.13 not found: install the Debian package libjson-c-dev])])
  PKG_CHECK_MODULES([WPLLM_OPENSSL], [openssl >= 1.1.1], [],
    [AC_MSG_ERROR([OpenSSL >= 1.1.1 not found: install the Debian package libssl-dev])])

  PHP_EVAL_INCLINE($WPLLM_CURL_CFLAGS)
  PHP_EVAL_LIBLINE($WPLLM_CURL_LIBS, WPLLM_SHARED_LIBADD)
  PHP_EVAL_INCLINE($WPLLM_JSONC_CFLAGS)
  PHP_EVAL_LIBLINE($WPLLM_JSONC_LIBS, WPLLM_SHARED_LIBADD)
  PHP_EVAL_INCLINE($WPLLM_OPENSSL_CFLAGS)
  PHP_EVAL_LIBLINE($WPLLM_OPENSSL_LIBS, WPLLM_SHARED_LIBADD)
  PHP_SUBST(WPLLM_SHARED_LIBADD)

  WPLLM_CORE="src/core/buf.c src/core/codec.c src/core/error.c src/core/http.c src/core/jwt.c src/core/retry.c src/core/sign.c src/core/stream.c src/core/totp.c src/core/url.c src/core/util.c"
  WPLLM_PHP="src/php/Client.c src/php/Exceptions.c src/php/Jwt.c src/php/Signature.c src/php/Stream.c src/php/Totp.c src/php/options.c"

  PHP_NEW_EXTENSION(wpllm, wpllm.c $WPLLM_CORE $WPLLM_PHP, $ext_shared,, [-Wall -Wextra -Wno-unused-parameter -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/core])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php])
  PHP_ADD_INCLUDE([$ext_srcdir/src])
fi
