/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 2e8b7f7f20af35f0becd2769b130ea056f3d2a39 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_WPLLM_Stream___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Stream_current, 0, 0, IS_ARRAY, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Stream_key, 0, 0, IS_LONG, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Stream_next, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_WPLLM_Stream_rewind arginfo_class_WPLLM_Stream_next

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WPLLM_Stream_valid, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_WPLLM_Stream_getResponse arginfo_class_WPLLM_Stream_current


ZEND_METHOD(WPLLM_Stream, __construct);
ZEND_METHOD(WPLLM_Stream, current);
ZEND_METHOD(WPLLM_Stream, key);
ZEND_METHOD(WPLLM_Stream, next);
ZEND_METHOD(WPLLM_Stream, rewind);
ZEND_METHOD(WPLLM_Stream, valid);
ZEND_METHOD(WPLLM_Stream, getResponse);


static const zend_function_entry class_WPLLM_Stream_methods[] = {
	ZEND_ME(WPLLM_Stream, __construct, arginfo_class_WPLLM_Stream___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(WPLLM_Stream, current, arginfo_class_WPLLM_Stream_current, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Stream, key, arginfo_class_WPLLM_Stream_key, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Stream, next, arginfo_class_WPLLM_Stream_next, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Stream, rewind, arginfo_class_WPLLM_Stream_rewind, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Stream, valid, arginfo_class_WPLLM_Stream_valid, ZEND_ACC_PUBLIC)
	ZEND_ME(WPLLM_Stream, getResponse, arginfo_class_WPLLM_Stream_getResponse, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_WPLLM_Stream(zend_class_entry *class_entry_Iterator)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WPLLM", "Stream", class_WPLLM_Stream_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_Iterator);

	return class_entry;
}
