/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: c0856096b32c438fe44dc9d36d11592bb085df31 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Exceptions_WPLLMException_getErrorCode, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_WPLLM_Exceptions_WPLLMException_getErrorType arginfo_class_WPLLM_Exceptions_WPLLMException_getErrorCode

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Exceptions_WPLLMException_getDetails, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Exceptions_WPLLMException_getRequestId, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Exceptions_WPLLMException_getHttpStatus, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_WPLLM_Exceptions_WPLLMException_getHeaders arginfo_class_WPLLM_Exceptions_WPLLMException_getDetails

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Exceptions_WPLLMException_getRetryAfter, 0, 0, IS_LONG, 1)
ZEND_END_ARG_INFO()


ZEND_METHOD(WPLLM_Exceptions_WPLLMException, getErrorCode);
ZEND_METHOD(WPLLM_Exceptions_WPLLMException, getErrorType);
ZEND_METHOD(WPLLM_Exceptions_WPLLMException, getDetails);
ZEND_METHOD(WPLLM_Exceptions_WPLLMException, getRequestId);
ZEND_METHOD(WPLLM_Exceptions_WPLLMException, getHttpStatus);
ZEND_METHOD(WPLLM_Exceptions_WPLLMException, getHeaders);
ZEND_METHOD(WPLLM_Exceptions_WPLLMException, getRetryAfter);


static const zend_function_entry class_WPLLM_Exceptions_ExceptionInterface_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_WPLLM_Exceptions_WPLLMException_methods[] = {
	ZEND_ME(WPLLM_Exceptions_WPLLMException, getErrorCode, arginfo_class_WPLLM_Exceptions_WPLLMException_getErrorCode, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Exceptions_WPLLMException, getErrorType, arginfo_class_WPLLM_Exceptions_WPLLMException_getErrorType, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Exceptions_WPLLMException, getDetails, arginfo_class_WPLLM_Exceptions_WPLLMException_getDetails, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Exceptions_WPLLMException, getRequestId, arginfo_class_WPLLM_Exceptions_WPLLMException_getRequestId, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Exceptions_WPLLMException, getHttpStatus, arginfo_class_WPLLM_Exceptions_WPLLMException_getHttpStatus, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Exceptions_WPLLMException, getHeaders, arginfo_class_WPLLM_Exceptions_WPLLMException_getHeaders, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Exceptions_WPLLMException, getRetryAfter, arginfo_class_WPLLM_Exceptions_WPLLMException_getRetryAfter, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_WPLLM_Exceptions_AuthenticationException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_WPLLM_Exceptions_PermissionException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_WPLLM_Exceptions_ValidationException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_WPLLM_Exceptions_NotFoundException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_WPLLM_Exceptions_QuotaExceededException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_WPLLM_Exceptions_RateLimitException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_WPLLM_Exceptions_ContentFilterException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_WPLLM_Exceptions_ServerException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_WPLLM_Exceptions_ConnectionException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_WPLLM_Exceptions_TimeoutException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_WPLLM_Exceptions_InvalidArgumentException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_WPLLM_Exceptions_ExceptionInterface(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM\\Exceptions", "ExceptionInterface", class_WPLLM_Exceptions_ExceptionInterface_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_WPLLM_Exceptions_WPLLMException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_WPLLM_Exceptions_ExceptionInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM\\Exceptions", "WPLLMException", class_WPLLM_Exceptions_WPLLMException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	zend_class_implements(class_entry, 1, class_entry_WPLLM_Exceptions_ExceptionInterface);

	zval property_errorCode_default_value;
	ZVAL_EMPTY_STRING(&property_errorCode_default_value);
	zend_string *property_errorCode_name = zend_string_init("errorCode", sizeof("errorCode") - 1, 1);
	zend_declare_typed_property(class_entry, property_errorCode_name, &property_errorCode_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_errorCode_name);

	zval property_errorType_default_value;
	ZVAL_EMPTY_STRING(&property_errorType_default_value);
	zend_string *property_errorType_name = zend_string_init("errorType", sizeof("errorType") - 1, 1);
	zend_declare_typed_property(class_entry, property_errorType_name, &property_errorType_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_errorType_name);

	zval property_details_default_value;
	ZVAL_EMPTY_ARRAY(&property_details_default_value);
	zend_string *property_details_name = zend_string_init("details", sizeof("details") - 1, 1);
	zend_declare_typed_property(class_entry, property_details_name, &property_details_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_details_name);

	zval property_requestId_default_value;
	ZVAL_NULL(&property_requestId_default_value);
	zend_string *property_requestId_name = zend_string_init("requestId", sizeof("requestId") - 1, 1);
	zend_declare_typed_property(class_entry, property_requestId_name, &property_requestId_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_requestId_name);

	zval property_httpStatus_default_value;
	ZVAL_LONG(&property_httpStatus_default_value, 0);
	zend_string *property_httpStatus_name = zend_string_init("httpStatus", sizeof("httpStatus") - 1, 1);
	zend_declare_typed_property(class_entry, property_httpStatus_name, &property_httpStatus_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_httpStatus_name);

	zval property_headers_default_value;
	ZVAL_EMPTY_ARRAY(&property_headers_default_value);
	zend_string *property_headers_name = zend_string_init("headers", sizeof("headers") - 1, 1);
	zend_declare_typed_property(class_entry, property_headers_name, &property_headers_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_headers_name);

	zval property_retryAfter_default_value;
	ZVAL_NULL(&property_retryAfter_default_value);
	zend_string *property_retryAfter_name = zend_string_init("retryAfter", sizeof("retryAfter") - 1, 1);
	zend_declare_typed_property(class_entry, property_retryAfter_name, &property_retryAfter_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_retryAfter_name);

	return class_entry;
}

static zend_class_entry *register_class_WPLLM_Exceptions_AuthenticationException(zend_class_entry *class_entry_WPLLM_Exceptions_WPLLMException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM\\Exceptions", "AuthenticationException", class_WPLLM_Exceptions_AuthenticationException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_WPLLM_Exceptions_WPLLMException);

	return class_entry;
}

static zend_class_entry *register_class_WPLLM_Exceptions_PermissionException(zend_class_entry *class_entry_WPLLM_Exceptions_WPLLMException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM\\Exceptions", "PermissionException", class_WPLLM_Exceptions_PermissionException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_WPLLM_Exceptions_WPLLMException);

	return class_entry;
}

static zend_class_entry *register_class_WPLLM_Exceptions_ValidationException(zend_class_entry *class_entry_WPLLM_Exceptions_WPLLMException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM\\Exceptions", "ValidationException", class_WPLLM_Exceptions_ValidationException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_WPLLM_Exceptions_WPLLMException);

	return class_entry;
}

static zend_class_entry *register_class_WPLLM_Exceptions_NotFoundException(zend_class_entry *class_entry_WPLLM_Exceptions_WPLLMException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM\\Exceptions", "NotFoundException", class_WPLLM_Exceptions_NotFoundException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_WPLLM_Exceptions_WPLLMException);

	return class_entry;
}

static zend_class_entry *register_class_WPLLM_Exceptions_QuotaExceededException(zend_class_entry *class_entry_WPLLM_Exceptions_WPLLMException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM\\Exceptions", "QuotaExceededException", class_WPLLM_Exceptions_QuotaExceededException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_WPLLM_Exceptions_WPLLMException);

	return class_entry;
}

static zend_class_entry *register_class_WPLLM_Exceptions_RateLimitException(zend_class_entry *class_entry_WPLLM_Exceptions_WPLLMException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM\\Exceptions", "RateLimitException", class_WPLLM_Exceptions_RateLimitException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_WPLLM_Exceptions_WPLLMException);

	return class_entry;
}

static zend_class_entry *register_class_WPLLM_Exceptions_ContentFilterException(zend_class_entry *class_entry_WPLLM_Exceptions_WPLLMException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM\\Exceptions", "ContentFilterException", class_WPLLM_Exceptions_ContentFilterException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_WPLLM_Exceptions_WPLLMException);

	return class_entry;
}

static zend_class_entry *register_class_WPLLM_Exceptions_ServerException(zend_class_entry *class_entry_WPLLM_Exceptions_WPLLMException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM\\Exceptions", "ServerException", class_WPLLM_Exceptions_ServerException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_WPLLM_Exceptions_WPLLMException);

	return class_entry;
}

static zend_class_entry *register_class_WPLLM_Exceptions_ConnectionException(zend_class_entry *class_entry_WPLLM_Exceptions_WPLLMException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM\\Exceptions", "ConnectionException", class_WPLLM_Exceptions_ConnectionException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_WPLLM_Exceptions_WPLLMException);

	return class_entry;
}

static zend_class_entry *register_class_WPLLM_Exceptions_TimeoutException(zend_class_entry *class_entry_WPLLM_Exceptions_ConnectionException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM\\Exceptions", "TimeoutException", class_WPLLM_Exceptions_TimeoutException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_WPLLM_Exceptions_ConnectionException);

	return class_entry;
}

static zend_class_entry *register_class_WPLLM_Exceptions_InvalidArgumentException(zend_class_entry *class_entry_InvalidArgumentException, zend_class_entry *class_entry_WPLLM_Exceptions_ExceptionInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM\\Exceptions", "InvalidArgumentException", class_WPLLM_Exceptions_InvalidArgumentException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_InvalidArgumentException);
	zend_class_implements(class_entry, 1, class_entry_WPLLM_Exceptions_ExceptionInterface);

	return class_entry;
}
