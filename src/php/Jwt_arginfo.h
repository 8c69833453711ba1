/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: ff9a5e95eca48550e041db32310303523177c7f1 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_WPLLM_Jwt___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Jwt_encode, 0, 2, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, claims, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, alg, IS_STRING, 0, "\"HS256\"")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, header, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Jwt_decode, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, jwt, IS_STRING, 0)
	ZEND_ARG_TYPE_MASK(0, key, MAY_BE_STRING|MAY_BE_ARRAY, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_METHOD(WPLLM_Jwt, __construct);
ZEND_METHOD(WPLLM_Jwt, encode);
ZEND_METHOD(WPLLM_Jwt, decode);


static const zend_function_entry class_WPLLM_Jwt_methods[] = {
	ZEND_ME(WPLLM_Jwt, __construct, arginfo_class_WPLLM_Jwt___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(WPLLM_Jwt, encode, arginfo_class_WPLLM_Jwt_encode, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(WPLLM_Jwt, decode, arginfo_class_WPLLM_Jwt_decode, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_WPLLM_Jwt(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM", "Jwt", class_WPLLM_Jwt_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "encode", sizeof("encode") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "decode", sizeof("decode") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
