/* jwt.h: JWS compact serialisation (RFC 7515) and JWT claims checks (RFC 7519) on OpenSSL EVP:
 * HS256/384/512, RS256/384/512, ES256/384 (raw r||s signatures, RFC 7518 section 3.4). */
#ifndef WPLLM_JWT_H
#define WPLLM_JWT_H

#include <stddef.h>
#include <stdint.h>
#include <openssl/evp.h>

#include "buf.h"
#include "error.h"
#include "sign.h"

typedef enum {
	WPLLM_JWT_HS256, WPLLM_JWT_HS384, WPLLM_JWT_HS512,
	WPLLM_JWT_RS256, WPLLM_JWT_RS384, WPLLM_JWT_RS512,
	WPLLM_JWT_ES256, WPLLM_JWT_ES384,
	WPLLM_JWT_ALG_COUNT
} wpllm_jwt_alg;

/* An algorithm by its JOSE name, or -1. */
int wpllm_jwt_alg_from_name(const char *name, size_t len);
const char *wpllm_jwt_alg_name(wpllm_jwt_alg alg);

typedef enum { WPLLM_KEY_NONE = 0, WPLLM_KEY_HMAC, WPLLM_KEY_RSA, WPLLM_KEY_EC } wpllm_key_kind;

typedef struct {
	wpllm_key_kind kind;
	unsigned char *secret;   /* HMAC: malloc'd, wiped when freed */
	size_t secret_len;
	EVP_PKEY *pkey;          /* RSA or EC */
	int is_private;
	const wpllm_hmac_state *hmac; /* optional, not owned: the secret made ready for one hash (used when it matches) */
} wpllm_jwt_key;

/* An HMAC key: the bytes as given. */
int wpllm_jwt_key_from_secret(wpllm_jwt_key *k, const void *secret, size_t len, wpllm_error *err);
/* A PEM key: a private key (PKCS#8 or traditional), or a public key (SPKI) or certificate when !want_private.
 * Errors are WPLLM_E_INVALID_ARGUMENT with a message that never contains key material. */
int wpllm_jwt_key_from_pem(wpllm_jwt_key *k, const char *pem, size_t len, int want_private, wpllm_error *err);
/* A JWK (RFC 7517) given as JSON text: kty oct (k), RSA (n, e), EC (crv P-256/P-384, x, y). Public parts only. */
int wpllm_jwt_key_from_jwk(wpllm_jwt_key *k, const char *json, size_t len, wpllm_error *err);
void wpllm_jwt_key_free(wpllm_jwt_key *k);
/* Whether the key can serve alg: the family must match (key_type_mismatch, an AuthenticationException),
 * and the size must be safe (HMAC key at least the hash output, RSA at least 2048 bits, EC curve of the alg:
 * InvalidArgumentException). */
int wpllm_jwt_key_check(const wpllm_jwt_key *k, wpllm_jwt_alg alg, wpllm_error *err);

/* Signs header_json.payload_json (both raw JSON, base64url-encoded here) and appends the compact token. */
int wpllm_jwt_sign(wpllm_jwt_alg alg, const wpllm_jwt_key *k, const char *header_json, size_t header_len,
	const char *payload_json, size_t payload_len, wpllm_buf *out, wpllm_error *err);

#define WPLLM_JWT_MAX_TOKEN (256 * 1024)
#define WPLLM_JWT_MAX_HEADER 8192
#define WPLLM_JWT_KID_MAX 256

typedef struct {
	const char *signing_input;   /* the token's first two segments, pointing into the token */
	size_t signing_input_len;
	wpllm_buf header;            /* decoded JSON */
	wpllm_buf payload;           /* decoded JSON */
	wpllm_buf signature;         /* decoded bytes */
	wpllm_jwt_alg alg;
	char kid[WPLLM_JWT_KID_MAX + 1];
	int has_kid;
} wpllm_jwt_parsed;

/* Splits and decodes a token and reads its header. Errors (WPLLM_E_AUTHENTICATION): malformed_token,
 * alg_none, alg_not_allowed (an algorithm this library does not know). */
int wpllm_jwt_parse(const char *token, size_t len, wpllm_jwt_parsed *p, wpllm_error *err);
void wpllm_jwt_parsed_free(wpllm_jwt_parsed *p);

/* Verifies the signature with k (checked against the token's alg first). invalid_signature on mismatch. */
int wpllm_jwt_verify(const wpllm_jwt_parsed *p, const wpllm_jwt_key *k, wpllm_error *err);

typedef struct {
	int64_t now;                 /* seconds since the epoch */
	int64_t leeway;              /* seconds */
	const char *const *audiences;/* accepted audiences (any one must appear in aud), or NULL */
	size_t audience_count;
	const char *issuer;          /* required iss, or NULL */
} wpllm_jwt_claims_rules;

/* Checks exp, nbf, iat (numeric), aud and iss. Errors: malformed_token (payload not an object, a non-numeric
 * time claim), expired_token, token_not_yet_valid, invalid_audience, invalid_issuer.
 * *exp_out gets exp, or INT64_MIN when the token has none. */
int wpllm_jwt_check_claims(const wpllm_jwt_parsed *p, const wpllm_jwt_claims_rules *r, int64_t *exp_out, wpllm_error *err);

/* exp of a token without verifying it (for a token the client was given to send). 1 found, 0 none, -1 malformed. */
int wpllm_jwt_peek_exp(const char *token, size_t len, int64_t *exp_out);

#endif
