/* php_wpllm.h: the module's public header: version, globals, and each class's init function. */
#ifndef PHP_WPLLM_H
#define PHP_WPLLM_H

#include "php.h"

extern zend_module_entry wpllm_module_entry;
#define phpext_wpllm_ptr &wpllm_module_entry

#define PHP_WPLLM_VERSION "0.1.0"

#if defined(ZTS) && defined(COMPILE_DL_WPLLM)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

struct wpllm_pool;

ZEND_BEGIN_MODULE_GLOBALS(wpllm)
	char *api_key;
	char *base_url;
	char *model;
	char *timeout;
	zend_long max_retries;
	char *audit_log;
	bool persistent;
	/* The connection pool: per process (per thread under ZTS), created on first use, outlives PHP requests. */
	struct wpllm_pool *pool;
ZEND_END_MODULE_GLOBALS(wpllm)

ZEND_EXTERN_MODULE_GLOBALS(wpllm)
#define WPLLM_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(wpllm, v)

/* Class registration, called from MINIT in dependency order. */
void php_wpllm_exceptions_init_ce(void);
void php_wpllm_client_init_ce(void);
void php_wpllm_jwt_init_ce(void);
void php_wpllm_totp_init_ce(void);
void php_wpllm_signature_init_ce(void);
void php_wpllm_stream_init_ce(void);
void php_wpllm_key_cache_free(void);

#endif
