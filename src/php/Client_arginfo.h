/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 8067d2048fd012dc1a08191f90e5b2c23187ca30 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_WPLLM_Client___construct, 0, 0, 0)
	ZEND_ARG_TYPE_MASK(0, options, MAY_BE_STRING|MAY_BE_ARRAY|MAY_BE_NULL, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Client_generate, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, params, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, requestOptions, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_WPLLM_Client_generateStream, 0, 1, WPLLM\\Stream, MAY_BE_ARRAY)
	ZEND_ARG_TYPE_INFO(0, params, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, onChunk, IS_CALLABLE, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, requestOptions, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Client_generateBatch, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, requests, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_class_WPLLM_Client_analyze arginfo_class_WPLLM_Client_generate

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Client_models, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, requestOptions, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Client_model, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, requestOptions, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_class_WPLLM_Client_health arginfo_class_WPLLM_Client_models

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Client_testConnection, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_WPLLM_Client_validateToken arginfo_class_WPLLM_Client_models

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Client_request, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, method, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, body, IS_ARRAY, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, query, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, requestOptions, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Client_getLastResponse, 0, 0, IS_ARRAY, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_WPLLM_Client_getLastError, 0, 0, WPLLM\\Exceptions\\WPLLMException, 1)
ZEND_END_ARG_INFO()


ZEND_METHOD(WPLLM_Client, __construct);
ZEND_METHOD(WPLLM_Client, generate);
ZEND_METHOD(WPLLM_Client, generateStream);
ZEND_METHOD(WPLLM_Client, generateBatch);
ZEND_METHOD(WPLLM_Client, analyze);
ZEND_METHOD(WPLLM_Client, models);
ZEND_METHOD(WPLLM_Client, model);
ZEND_METHOD(WPLLM_Client, health);
ZEND_METHOD(WPLLM_Client, testConnection);
ZEND_METHOD(WPLLM_Client, validateToken);
ZEND_METHOD(WPLLM_Client, request);
ZEND_METHOD(WPLLM_Client, getLastResponse);
ZEND_METHOD(WPLLM_Client, getLastError);


static const zend_function_entry class_WPLLM_Client_methods[] = {
	ZEND_ME(WPLLM_Client, __construct, arginfo_class_WPLLM_Client___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Client, generate, arginfo_class_WPLLM_Client_generate, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Client, generateStream, arginfo_class_WPLLM_Client_generateStream, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Client, generateBatch, arginfo_class_WPLLM_Client_generateBatch, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Client, analyze, arginfo_class_WPLLM_Client_analyze, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Client, models, arginfo_class_WPLLM_Client_models, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Client, model, arginfo_class_WPLLM_Client_model, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Client, health, arginfo_class_WPLLM_Client_health, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Client, testConnection, arginfo_class_WPLLM_Client_testConnection, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Client, validateToken, arginfo_class_WPLLM_Client_validateToken, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Client, request, arginfo_class_WPLLM_Client_request, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Client, getLastResponse, arginfo_class_WPLLM_Client_getLastResponse, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Client, getLastError, arginfo_class_WPLLM_Client_getLastError, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_WPLLM_Client(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM", "Client", class_WPLLM_Client_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval const_VERSION_value;
	zend_string *const_VERSION_value_str = zend_string_init(PHP_WPLLM_VERSION, strlen(PHP_WPLLM_VERSION), 1);
	ZVAL_STR(&const_VERSION_value, const_VERSION_value_str);
	zend_string *const_VERSION_name = zend_string_init_interned("VERSION", sizeof("VERSION") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_VERSION_name, &const_VERSION_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_VERSION_name);

	zval const_DEFAULT_BASE_URL_value;
	zend_string *const_DEFAULT_BASE_URL_value_str = zend_string_init("https://api.wp-llm.com", strlen("https://api.wp-llm.com"), 1);
	ZVAL_STR(&const_DEFAULT_BASE_URL_value, const_DEFAULT_BASE_URL_value_str);
	zend_string *const_DEFAULT_BASE_URL_name = zend_string_init_interned("DEFAULT_BASE_URL", sizeof("DEFAULT_BASE_URL") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_DEFAULT_BASE_URL_name, &const_DEFAULT_BASE_URL_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_DEFAULT_BASE_URL_name);

	zval const_DEFAULT_MODEL_value;
	zend_string *const_DEFAULT_MODEL_value_str = zend_string_init("wp-llm-13b", strlen("wp-llm-13b"), 1);
	ZVAL_STR(&const_DEFAULT_MODEL_value, const_DEFAULT_MODEL_value_str);
	zend_string *const_DEFAULT_MODEL_name = zend_string_init_interned("DEFAULT_MODEL", sizeof("DEFAULT_MODEL") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_DEFAULT_MODEL_name, &const_DEFAULT_MODEL_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_DEFAULT_MODEL_name);


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "__construct", sizeof("__construct") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
