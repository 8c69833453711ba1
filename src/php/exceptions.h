/* exceptions.h: the exception classes and how a core wpllm_error becomes one. */
#ifndef WPLLM_PHP_EXCEPTIONS_H
#define WPLLM_PHP_EXCEPTIONS_H

#include "php.h"
#include "core/error.h"
#include "core/http.h"

extern zend_class_entry *php_wpllm_exception_interface_ce;
extern zend_class_entry *php_wpllm_exception_ce;
extern zend_class_entry *php_wpllm_invalid_argument_ce;

/* The class for an error kind. */
zend_class_entry *php_wpllm_exception_class(wpllm_error_kind kind);

/* Builds the exception for err. headers (may be NULL) are the last answer's; retry_after_ms < 0 when none. */
zend_object *php_wpllm_exception_create(const wpllm_error *err, const wpllm_headers *headers, int64_t retry_after_ms);

/* Throws WPLLM\Exceptions\InvalidArgumentException with a formatted message. */
void php_wpllm_throw_invalid_argument(const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 1, 2);

/* headers as a PHP array: lower-case name => value (repeated names: the last one). */
void php_wpllm_headers_to_array(zval *out, const wpllm_headers *headers);

#endif
