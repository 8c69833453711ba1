/* jwtkeys.h: parsed PEM keys kept per process, so that verifying or signing with the same PEM again skips
 * the parse (the costly part of RS256/ES256); and the JSON helpers Jwt and Client share. */
#ifndef WPLLM_PHP_JWTKEYS_H
#define WPLLM_PHP_JWTKEYS_H

#include "php.h"
#include "core/jwt.h"

/* The parsed key for this PEM (NULL with err set). The cache owns it: never free it. */
const wpllm_jwt_key *php_wpllm_pem_key(const char *pem, size_t len, int want_private, wpllm_error *err);
void php_wpllm_key_cache_free(void);

/* Encodes claims (an array that is not a non-empty list) as a JSON object into out. FAILURE with an
 * InvalidArgumentException thrown. */
zend_result php_wpllm_claims_json(HashTable *claims, smart_str *out);

#endif
