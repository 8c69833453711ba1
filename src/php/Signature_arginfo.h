/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 8a386dff93b466ff1f16468151187c7ad65bdae2 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_WPLLM_Signature___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Signature_sign, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, secret, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, body, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timestampMs, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Signature_verify, 0, 4, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, secret, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, body, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, timestamp, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, signature, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, toleranceSeconds, IS_LONG, 0, "300")
ZEND_END_ARG_INFO()


ZEND_METHOD(WPLLM_Signature, __construct);
ZEND_METHOD(WPLLM_Signature, sign);
ZEND_METHOD(WPLLM_Signature, verify);


static const zend_function_entry class_WPLLM_Signature_methods[] = {
	ZEND_ME(WPLLM_Signature, __construct, arginfo_class_WPLLM_Signature___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(WPLLM_Signature, sign, arginfo_class_WPLLM_Signature_sign, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(WPLLM_Signature, verify, arginfo_class_WPLLM_Signature_verify, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_WPLLM_Signature(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM", "Signature", class_WPLLM_Signature_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "sign", sizeof("sign") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "verify", sizeof("verify") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
