/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: cabcbd527b098817d005960d1bf458bbadd91998 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_WPLLM_Totp___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Totp_generate, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, base32Secret, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, time, IS_LONG, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Totp_verify, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, base32Secret, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, code, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Totp_match, 0, 2, IS_LONG, 1)
	ZEND_ARG_TYPE_INFO(0, base32Secret, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, code, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Totp_randomSecret, 0, 0, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, bytes, IS_LONG, 0, "20")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Totp_uri, 0, 3, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, secret, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, label, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, issuer, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_METHOD(WPLLM_Totp, __construct);
ZEND_METHOD(WPLLM_Totp, generate);
ZEND_METHOD(WPLLM_Totp, verify);
ZEND_METHOD(WPLLM_Totp, match);
ZEND_METHOD(WPLLM_Totp, randomSecret);
ZEND_METHOD(WPLLM_Totp, uri);


static const zend_function_entry class_WPLLM_Totp_methods[] = {
	ZEND_ME(WPLLM_Totp, __construct, arginfo_class_WPLLM_Totp___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(WPLLM_Totp, generate, arginfo_class_WPLLM_Totp_generate, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(WPLLM_Totp, verify, arginfo_class_WPLLM_Totp_verify, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(WPLLM_Totp, match, arginfo_class_WPLLM_Totp_match, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(WPLLM_Totp, randomSecret, arginfo_class_WPLLM_Totp_randomSecret, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(WPLLM_Totp, uri, arginfo_class_WPLLM_Totp_uri, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_WPLLM_Totp(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM", "Totp", class_WPLLM_Totp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "generate", sizeof("generate") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "verify", sizeof("verify") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "verify", sizeof("verify") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "match", sizeof("match") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "match", sizeof("match") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "uri", sizeof("uri") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
