/* wpllm.c: the module entry: globals, INI entries, startup/shutdown and phpinfo(). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "php_ini.h"
#include "ext/standard/info.h"
#include "php_wpllm.h"

#include <curl/curl.h>
#include <json-c/json.h>
#include <openssl/opensslv.h>
#include <openssl/crypto.h>

#include "core/http.h"

ZEND_DECLARE_MODULE_GLOBALS(wpllm)

/* phpinfo() must never print a key that a host put in php.ini. */
static ZEND_INI_DISP(display_secret)
{
	zend_string *v = type == ZEND_INI_DISPLAY_ORIG && ini_entry->modified ? ini_entry->orig_value : ini_entry->value;
	php_printf("%s", v && ZSTR_LEN(v) ? "[redacted]" : "no value");
}

/* 0 to 10, written as plain digits: OnUpdateLong alone would also take "1k" (1024) or "0x10" */
static ZEND_INI_MH(OnUpdateMaxRetries)
{
	const char *v = ZSTR_VAL(new_value);
	size_t len = ZSTR_LEN(new_value), i;
	zend_long n = 0;

	if (len == 0 || len > 2) {
		return FAILURE;
	}
	for (i = 0; i < len; i++) {
		if (v[i] < '0' || v[i] > '9') {
			return FAILURE;
		}
		n = n * 10 + (v[i] - '0');
	}
	if (n > 10) {
		return FAILURE;
	}
	*(zend_long *)ZEND_INI_GET_ADDR() = n;
	return SUCCESS;
}

PHP_INI_BEGIN()
	/* The key can be set per FPM pool with php_admin_value, not from scripts. */
	STD_PHP_INI_ENTRY_EX("wpllm.api_key", "", PHP_INI_SYSTEM | PHP_INI_PERDIR, OnUpdateString, api_key,
		zend_wpllm_globals, wpllm_globals, display_secret)
	STD_PHP_INI_ENTRY("wpllm.base_url", "", PHP_INI_ALL, OnUpdateString, base_url, zend_wpllm_globals, wpllm_globals)
	STD_PHP_INI_ENTRY("wpllm.model", "", PHP_INI_ALL, OnUpdateString, model, zend_wpllm_globals, wpllm_globals)
	STD_PHP_INI_ENTRY("wpllm.timeout", "", PHP_INI_ALL, OnUpdateString, timeout, zend_wpllm_globals, wpllm_globals)
	STD_PHP_INI_ENTRY("wpllm.max_retries", "2", PHP_INI_ALL, OnUpdateMaxRetries, max_retries, zend_wpllm_globals, wpllm_globals)
	STD_PHP_INI_ENTRY("wpllm.audit_log", "", PHP_INI_SYSTEM | PHP_INI_PERDIR, OnUpdateString, audit_log, zend_wpllm_globals, wpllm_globals)
	STD_PHP_INI_BOOLEAN("wpllm.persistent", "1", PHP_INI_ALL, OnUpdateBool, persistent, zend_wpllm_globals, wpllm_globals)
PHP_INI_END()

static PHP_GINIT_FUNCTION(wpllm)
{
#if defined(COMPILE_DL_WPLLM) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(wpllm_globals, 0, sizeof(*wpllm_globals));
}

static PHP_GSHUTDOWN_FUNCTION(wpllm)
{
	if (wpllm_globals->pool) {
		wpllm_pool_free(wpllm_globals->pool);
		wpllm_globals->pool = NULL;
	}
}

static PHP_MINIT_FUNCTION(wpllm)
{
	REGISTER_INI_ENTRIES();
	/* ext/curl may have done this already; libcurl counts the calls. */
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		return FAILURE;
	}
	php_wpllm_exceptions_init_ce();
	php_wpllm_client_init_ce();
	php_wpllm_jwt_init_ce();
	php_wpllm_totp_init_ce();
	php_wpllm_signature_init_ce();
	php_wpllm_stream_init_ce();
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(wpllm)
{
	UNREGISTER_INI_ENTRIES();
#ifndef ZTS
	/* the pool's handles must go before libcurl does */
	if (WPLLM_G(pool)) {
		wpllm_pool_free(WPLLM_G(pool));
		WPLLM_G(pool) = NULL;
	}
#endif
	php_wpllm_key_cache_free();
	curl_global_cleanup();
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(wpllm)
{
	char buf[64];
	curl_version_info_data *cv = curl_version_info(CURLVERSION_NOW);

	php_info_print_table_start();
	php_info_print_table_row(2, "WP LLM client (wpllm)", "enabled");
	php_info_print_table_row(2, "Version", PHP_WPLLM_VERSION);
	php_info_print_table_row(2, "libcurl headers", LIBCURL_VERSION);
	php_info_print_table_row(2, "libcurl runtime", cv->version);
	php_info_print_table_row(2, "libcurl TLS backend", cv->ssl_version ? cv->ssl_version : "none");
	php_info_print_table_row(2, "OpenSSL headers", OPENSSL_VERSION_TEXT);
	php_info_print_table_row(2, "OpenSSL runtime", OpenSSL_version(OPENSSL_VERSION));
	snprintf(buf, sizeof(buf), "%s", JSON_C_VERSION);
	php_info_print_table_row(2, "json-c headers", buf);
	php_info_print_table_row(2, "json-c runtime", json_c_version());
	snprintf(buf, sizeof(buf), "%zu", WPLLM_G(pool) ? wpllm_pool_idle_count(WPLLM_G(pool)) : (size_t)0);
	php_info_print_table_row(2, "Idle pooled connections", buf);
	php_info_print_table_end();

	DISPLAY_INI_ENTRIES();
}

static const zend_module_dep wpllm_deps[] = {
	ZEND_MOD_REQUIRED("json")
	ZEND_MOD_END
};

zend_module_entry wpllm_module_entry = {
	STANDARD_MODULE_HEADER_EX,
	NULL,
	wpllm_deps,
	"wpllm",
	NULL,
	PHP_MINIT(wpllm),
	PHP_MSHUTDOWN(wpllm),
	NULL,
	NULL,
	PHP_MINFO(wpllm),
	PHP_WPLLM_VERSION,
	PHP_MODULE_GLOBALS(wpllm),
	PHP_GINIT(wpllm),
	PHP_GSHUTDOWN(wpllm),
	NULL,
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_WPLLM
#ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
#endif
ZEND_GET_MODULE(wpllm)
#endif
