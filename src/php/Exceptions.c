/* Exceptions.c: WPLLM\Exceptions\*: registration, getters, and creation from the core's wpllm_error. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "ext/spl/spl_exceptions.h"
#include "ext/json/php_json.h"
#include "ext/json/php_json_parser.h"

#include "php_wpllm.h"
#include "exceptions.h"
#include "Exceptions_arginfo.h"

zend_class_entry *php_wpllm_exception_interface_ce;
zend_class_entry *php_wpllm_exception_ce;
zend_class_entry *php_wpllm_invalid_argument_ce;
static zend_class_entry *ce_authentication, *ce_permission, *ce_validation, *ce_not_found, *ce_quota,
	*ce_rate_limit, *ce_content_filter, *ce_server, *ce_connection, *ce_timeout;

void php_wpllm_exceptions_init_ce(void)
{
	php_wpllm_exception_interface_ce = register_class_WPLLM_Exceptions_ExceptionInterface(zend_ce_throwable);
	php_wpllm_exception_ce = register_class_WPLLM_Exceptions_WPLLMException(spl_ce_RuntimeException,
		php_wpllm_exception_interface_ce);
	ce_authentication = register_class_WPLLM_Exceptions_AuthenticationException(php_wpllm_exception_ce);
	ce_permission = register_class_WPLLM_Exceptions_PermissionException(php_wpllm_exception_ce);
	ce_validation = register_class_WPLLM_Exceptions_ValidationException(php_wpllm_exception_ce);
	ce_not_found = register_class_WPLLM_Exceptions_NotFoundException(php_wpllm_exception_ce);
	ce_quota = register_class_WPLLM_Exceptions_QuotaExceededException(php_wpllm_exception_ce);
	ce_rate_limit = register_class_WPLLM_Exceptions_RateLimitException(php_wpllm_exception_ce);
	ce_content_filter = register_class_WPLLM_Exceptions_ContentFilterException(php_wpllm_exception_ce);
	ce_server = register_class_WPLLM_Exceptions_ServerException(php_wpllm_exception_ce);
	ce_connection = register_class_WPLLM_Exceptions_ConnectionException(php_wpllm_exception_ce);
	ce_timeout = register_class_WPLLM_Exceptions_TimeoutException(ce_connection);
	php_wpllm_invalid_argument_ce = register_class_WPLLM_Exceptions_InvalidArgumentException(
		spl_ce_InvalidArgumentException, php_wpllm_exception_interface_ce);
}

zend_class_entry *php_wpllm_exception_class(wpllm_error_kind kind)
{
	switch (kind) {
		case WPLLM_E_INVALID_ARGUMENT: return php_wpllm_invalid_argument_ce;
		case WPLLM_E_AUTHENTICATION: return ce_authentication;
		case WPLLM_E_PERMISSION: return ce_permission;
		case WPLLM_E_VALIDATION: return ce_validation;
		case WPLLM_E_NOT_FOUND: return ce_not_found;
		case WPLLM_E_QUOTA: return ce_quota;
		case WPLLM_E_RATE_LIMIT: return ce_rate_limit;
		case WPLLM_E_CONTENT_FILTER: return ce_content_filter;
		case WPLLM_E_SERVER: return ce_server;
		case WPLLM_E_CONNECTION: return ce_connection;
		case WPLLM_E_TIMEOUT: return ce_timeout;
		case WPLLM_E_MEMORY:
		case WPLLM_E_API:
		case WPLLM_OK:
		default: return php_wpllm_exception_ce;
	}
}

void php_wpllm_headers_to_array(zval *out, const wpllm_headers *headers)
{
	size_t i;
	array_init_size(out, headers ? (uint32_t)headers->count : 0);
	if (headers == NULL) {
		return;
	}
	for (i = 0; i < headers->count; i++) {
		add_assoc_string(out, wpllm_header_name(headers, i), wpllm_header_value(headers, i));
	}
}

static void set_prop(zend_object *obj, const char *name, size_t len, zval *value)
{
	zend_update_property(php_wpllm_exception_ce, obj, name, len, value);
}

zend_object *php_wpllm_exception_create(const wpllm_error *err, const wpllm_headers *headers, int64_t retry_after_ms)
{
	zend_class_entry *ce = php_wpllm_exception_class(err->kind);
	zval ex, tmp;
	zend_object *obj;

	object_init_ex(&ex, ce);
	obj = Z_OBJ(ex);
	zend_update_property_string(zend_ce_exception, obj, "message", sizeof("message") - 1,
		err->message ? err->message : "Unknown error");
	zend_update_property_long(zend_ce_exception, obj, "code", sizeof("code") - 1, err->status);
	if (ce == php_wpllm_invalid_argument_ce) {
		return obj;
	}

	ZVAL_STRING(&tmp, err->code);
	set_prop(obj, "errorCode", sizeof("errorCode") - 1, &tmp);
	zval_ptr_dtor(&tmp);
	ZVAL_STRING(&tmp, err->type);
	set_prop(obj, "errorType", sizeof("errorType") - 1, &tmp);
	zval_ptr_dtor(&tmp);
	ZVAL_LONG(&tmp, err->status);
	set_prop(obj, "httpStatus", sizeof("httpStatus") - 1, &tmp);

	if (err->request_id) {
		ZVAL_STRING(&tmp, err->request_id);
		set_prop(obj, "requestId", sizeof("requestId") - 1, &tmp);
		zval_ptr_dtor(&tmp);
	}
	if (err->details_json) {
		/* details were re-serialised by json-c from a body that already parsed: decoding cannot fail */
		php_json_parser parser;
		ZVAL_UNDEF(&tmp);
		php_json_parser_init(&parser, &tmp, err->details_json, strlen(err->details_json), PHP_JSON_OBJECT_AS_ARRAY, 64);
		if (php_json_parse(&parser) == 0 && Z_TYPE(tmp) == IS_ARRAY) {
			set_prop(obj, "details", sizeof("details") - 1, &tmp);
		}
		zval_ptr_dtor(&tmp);
	}
	if (headers && headers->count) {
		php_wpllm_headers_to_array(&tmp, headers);
		set_prop(obj, "headers", sizeof("headers") - 1, &tmp);
		zval_ptr_dtor(&tmp);
	}
	if (retry_after_ms >= 0) {
		/* whole seconds, rounded up so that waiting getRetryAfter() seconds is always enough */
		ZVAL_LONG(&tmp, (zend_long)((retry_after_ms + 999) / 1000));
		set_prop(obj, "retryAfter", sizeof("retryAfter") - 1, &tmp);
	}
	return obj;
}

void php_wpllm_throw_invalid_argument(const char *fmt, ...)
{
	va_list ap;
	zend_string *msg;

	va_start(ap, fmt);
	msg = zend_vstrpprintf(0, fmt, ap);
	va_end(ap);
	zend_throw_exception(php_wpllm_invalid_argument_ce, ZSTR_VAL(msg), 0);
	zend_string_release(msg);
}

#define GETTER(method, name) \
	ZEND_METHOD(WPLLM_Exceptions_WPLLMException, method) \
	{ \
		zval rv; \
		ZEND_PARSE_PARAMETERS_NONE(); \
		RETURN_COPY_DEREF(zend_read_property(php_wpllm_exception_ce, Z_OBJ_P(ZEND_THIS), name, sizeof(name) - 1, 1, &rv)); \
	}

GETTER(getErrorCode, "errorCode")
GETTER(getErrorType, "errorType")
GETTER(getDetails, "details")
GETTER(getRequestId, "requestId")
GETTER(getHttpStatus, "httpStatus")
GETTER(getHeaders, "headers")
GETTER(getRetryAfter, "retryAfter")
