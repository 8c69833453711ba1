/* jwt.c: JWS sign/verify and JWT claims on OpenSSL EVP. Defences: no alg "none", the algorithm comes from an
 * allow-list kept by the caller and must match the key's family (no RS/HS confusion), HMAC keys at least as long
 * as the hash output, RSA at least 2048 bits, EC keys on the alg's own curve, strict base64url (one spelling per
 * token), constant-time MAC comparison, bounded sizes and JSON depth. */
#include "jwt.h"
#include "codec.h"
#include "sign.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <json-c/json.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#endif

static const struct {
	const char *name;
	wpllm_key_kind kind;
	wpllm_hash hash;
	size_t size; /* HMAC output bytes, or the EC coordinate size */
} algs[WPLLM_JWT_ALG_COUNT] = {
	[WPLLM_JWT_HS256] = {"HS256", WPLLM_KEY_HMAC, WPLLM_SHA256, 32},
	[WPLLM_JWT_HS384] = {"HS384", WPLLM_KEY_HMAC, WPLLM_SHA384, 48},
	[WPLLM_JWT_HS512] = {"HS512", WPLLM_KEY_HMAC, WPLLM_SHA512, 64},
	[WPLLM_JWT_RS256] = {"RS256", WPLLM_KEY_RSA, WPLLM_SHA256, 0},
	[WPLLM_JWT_RS384] = {"RS384", WPLLM_KEY_RSA, WPLLM_SHA384, 0},
	[WPLLM_JWT_RS512] = {"RS512", WPLLM_KEY_RSA, WPLLM_SHA512, 0},
	[WPLLM_JWT_ES256] = {"ES256", WPLLM_KEY_EC, WPLLM_SHA256, 32},
	[WPLLM_JWT_ES384] = {"ES384", WPLLM_KEY_EC, WPLLM_SHA384, 48},
};

static const EVP_MD *md_of(wpllm_hash h)
{
	return wpllm_md(h);
}

int wpllm_jwt_alg_from_name(const char *name, size_t len)
{
	int i;
	for (i = 0; i < WPLLM_JWT_ALG_COUNT; i++) {
		if (strlen(algs[i].name) == len && memcmp(algs[i].name, name, len) == 0) {
			return i;
		}
	}
	return -1;
}

const char *wpllm_jwt_alg_name(wpllm_jwt_alg alg)
{
	return (unsigned)alg < WPLLM_JWT_ALG_COUNT ? algs[alg].name : "?";
}

static int fail(wpllm_error *err, wpllm_error_kind kind, const char *code, const char *msg)
{
	wpllm_error_set(err, kind, code, "%s", msg);
	return -1;
}

#define AUTH_FAIL(code, msg) fail(err, WPLLM_E_AUTHENTICATION, code, msg)
#define ARG_FAIL(msg) fail(err, WPLLM_E_INVALID_ARGUMENT, "invalid_key", msg)

void wpllm_jwt_key_free(wpllm_jwt_key *k)
{
	if (k->secret) {
		OPENSSL_cleanse(k->secret, k->secret_len);
		free(k->secret);
	}
	if (k->pkey) {
		EVP_PKEY_free(k->pkey);
	}
	memset(k, 0, sizeof(*k));
}

int wpllm_jwt_key_from_secret(wpllm_jwt_key *k, const void *secret, size_t len, wpllm_error *err)
{
	memset(k, 0, sizeof(*k));
	k->hmac = NULL;
	k->secret = malloc(len ? len : 1);
	if (k->secret == NULL) {
		return fail(err, WPLLM_E_MEMORY, "out_of_memory", "Out of memory");
	}
	memcpy(k->secret, secret, len);
	k->secret_len = len;
	k->kind = WPLLM_KEY_HMAC;
	return 0;
}

/* OpenSSL would prompt on the terminal for an encrypted key's passphrase without this. */
static int no_passphrase(char *buf, int size, int rwflag, void *u)
{
	(void)buf; (void)size; (void)rwflag; (void)u;
	return -1;
}

static int adopt_pkey(wpllm_jwt_key *k, EVP_PKEY *pkey, int is_private, wpllm_error *err)
{
	int id = EVP_PKEY_base_id(pkey);
	if (id == EVP_PKEY_RSA) {
		k->kind = WPLLM_KEY_RSA;
	} else if (id == EVP_PKEY_EC) {
		k->kind = WPLLM_KEY_EC;
	} else {
		EVP_PKEY_free(pkey);
		return ARG_FAIL("The key is neither an RSA nor an EC key");
	}
	k->pkey = pkey;
	k->is_private = is_private;
	return 0;
}

int wpllm_jwt_key_from_pem(wpllm_jwt_key *k, const char *pem, size_t len, int want_private, wpllm_error *err)
{
	BIO *bio;
	EVP_PKEY *pkey = NULL;
	int is_private = 0;

	memset(k, 0, sizeof(*k));
	if (len == 0 || len > 64 * 1024 || memmem(pem, len, "-----BEGIN ", 11) == NULL) {
		return ARG_FAIL("The key is not a PEM-encoded key");
	}
	bio = BIO_new_mem_buf(pem, (int)len);
	if (bio == NULL) {
		return fail(err, WPLLM_E_MEMORY, "out_of_memory", "Out of memory");
	}
	if (want_private) {
		pkey = PEM_read_bio_PrivateKey(bio, NULL, no_passphrase, NULL);
		is_private = 1;
	} else {
		pkey = PEM_read_bio_PUBKEY(bio, NULL, no_passphrase, NULL);
		if (pkey == NULL) {
			X509 *cert;
			(void)BIO_reset(bio);
			cert = PEM_read_bio_X509(bio, NULL, no_passphrase, NULL);
			if (cert) {
				pkey = X509_get_pubkey(cert);
				X509_free(cert);
			}
		}
		if (pkey == NULL) {
			/* a private key can verify too: its public half is used */
			(void)BIO_reset(bio);
			pkey = PEM_read_bio_PrivateKey(bio, NULL, no_passphrase, NULL);
		}
	}
	BIO_free(bio);
	ERR_clear_error();
	if (pkey == NULL) {
		return ARG_FAIL(want_private ? "The key is not a readable PEM private key (encrypted keys are not supported)"
			: "The key is not a readable PEM public key, certificate or private key");
	}
	return adopt_pkey(k, pkey, is_private, err);
}

/* base64url member of a JWK object into a BIGNUM (or raw bytes when bn_out is NULL) */
static int jwk_bytes(struct json_object *o, const char *name, wpllm_buf *out)
{
	struct json_object *v;
	if (!json_object_object_get_ex(o, name, &v) || !json_object_is_type(v, json_type_string)) {
		return -1;
	}
	return wpllm_b64url_decode(out, json_object_get_string(v), (size_t)json_object_get_string_len(v)) == 0 && out->len > 0 ? 0 : -1;
}

int wpllm_jwt_key_from_jwk(wpllm_jwt_key *k, const char *json, size_t len, wpllm_error *err)
{
	struct json_tokener *tok = json_tokener_new_ex(8);
	struct json_object *o = NULL, *kty;
	const char *t;
	int rc = -1;
	wpllm_buf a = WPLLM_BUF_INIT, b = WPLLM_BUF_INIT;

	memset(k, 0, sizeof(*k));
	if (tok == NULL) {
		return fail(err, WPLLM_E_MEMORY, "out_of_memory", "Out of memory");
	}
	if (len < 65536) {
		o = json_tokener_parse_ex(tok, json, (int)len);
	}
	json_tokener_free(tok);
	if (o == NULL || !json_object_is_type(o, json_type_object) || !json_object_object_get_ex(o, "kty", &kty)
		|| !json_object_is_type(kty, json_type_string)) {
		rc = ARG_FAIL("A JWK must be an object with a \"kty\"");
		goto done;
	}
	t = json_object_get_string(kty);
	if (strcmp(t, "oct") == 0) {
		if (jwk_bytes(o, "k", &a) != 0) {
			rc = ARG_FAIL("An oct JWK needs \"k\" (base64url)");
			goto done;
		}
		rc = wpllm_jwt_key_from_secret(k, a.data, a.len, err);
	} else if (strcmp(t, "RSA") == 0 || strcmp(t, "EC") == 0) {
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
		OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
		OSSL_PARAM *params = NULL;
		EVP_PKEY_CTX *ctx = NULL;
		EVP_PKEY *pkey = NULL;
		BIGNUM *n = NULL, *e = NULL;
		int is_rsa = strcmp(t, "RSA") == 0, bad = 0;
		const char *group = NULL;
		unsigned char point[1 + 2 * 66];

		if (bld == NULL) {
			rc = fail(err, WPLLM_E_MEMORY, "out_of_memory", "Out of memory");
			goto done;
		}
		if (is_rsa) {
			if (jwk_bytes(o, "n", &a) != 0 || jwk_bytes(o, "e", &b) != 0) {
				bad = 1;
				rc = ARG_FAIL("An RSA JWK needs \"n\" and \"e\" (base64url)");
			} else if ((n = BN_bin2bn((unsigned char *)a.data, (int)a.len, NULL)) == NULL
				|| (e = BN_bin2bn((unsigned char *)b.data, (int)b.len, NULL)) == NULL
				|| !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n)
				|| !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e)) {
				bad = 1;
				rc = ARG_FAIL("The RSA JWK could not be read");
			}
		} else {
			struct json_object *crv;
			size_t size = 0;
			if (json_object_object_get_ex(o, "crv", &crv) && json_object_is_type(crv, json_type_string)) {
				if (strcmp(json_object_get_string(crv), "P-256") == 0) {
					group = "prime256v1";
					size = 32;
				} else if (strcmp(json_object_get_string(crv), "P-384") == 0) {
					group = "secp384r1";
					size = 48;
				}
			}
			if (group == NULL) {
				bad = 1;
				rc = ARG_FAIL("An EC JWK needs \"crv\" P-256 or P-384");
			} else if (jwk_bytes(o, "x", &a) != 0 || jwk_bytes(o, "y", &b) != 0 || a.len != size || b.len != size) {
				bad = 1;
				rc = ARG_FAIL("An EC JWK needs \"x\" and \"y\" of the curve's size (base64url)");
			} else {
				point[0] = 0x04;
				memcpy(point + 1, a.data, size);
				memcpy(point + 1 + size, b.data, size);
				if (!OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, group, 0)
					|| !OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point, 1 + 2 * size)) {
					bad = 1;
					rc = ARG_FAIL("The EC JWK could not be read");
				}
			}
		}
		if (!bad) {
			params = OSSL_PARAM_BLD_to_param(bld);
			ctx = EVP_PKEY_CTX_new_from_name(NULL, is_rsa ? "RSA" : "EC", NULL);
			if (params == NULL || ctx == NULL || EVP_PKEY_fromdata_init(ctx) <= 0
				|| EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params) <= 0) {
				bad = 1;
				rc = ARG_FAIL("The JWK is not a valid public key");
			} else {
				rc = adopt_pkey(k, pkey, 0, err);
			}
		}
		BN_free(n);
		BN_free(e);
		OSSL_PARAM_free(params);
		OSSL_PARAM_BLD_free(bld);
		EVP_PKEY_CTX_free(ctx);
		ERR_clear_error();
#else
		rc = ARG_FAIL("RSA and EC JWKs need OpenSSL 3; pass PEM keys instead");
#endif
	} else {
		rc = ARG_FAIL("A JWK's \"kty\" must be oct, RSA or EC");
	}
done:
	wpllm_buf_wipe_free(&a);
	wpllm_buf_free(&b);
	json_object_put(o);
	return rc;
}

static int ec_curve_matches(EVP_PKEY *pkey, wpllm_jwt_alg alg)
{
	const char *want = alg == WPLLM_JWT_ES256 ? "prime256v1" : "secp384r1";
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
	char name[64];
	size_t n = 0;
	if (!EVP_PKEY_get_group_name(pkey, name, sizeof(name), &n)) {
		return 0;
	}
	return strcmp(name, want) == 0 || (alg == WPLLM_JWT_ES256 && strcmp(name, "P-256") == 0)
		|| (alg == WPLLM_JWT_ES384 && strcmp(name, "P-384") == 0);
#else
	const EC_KEY *ec = EVP_PKEY_get0_EC_KEY(pkey);
	int nid = ec ? EC_GROUP_get_curve_name(EC_KEY_get0_group(ec)) : 0;
	return nid == (alg == WPLLM_JWT_ES256 ? NID_X9_62_prime256v1 : NID_secp384r1);
#endif
}

int wpllm_jwt_key_check(const wpllm_jwt_key *k, wpllm_jwt_alg alg, wpllm_error *err)
{
	if ((unsigned)alg >= WPLLM_JWT_ALG_COUNT) {
		return AUTH_FAIL("alg_not_allowed", "Unsupported algorithm");
	}
	if (k->kind != algs[alg].kind) {
		return AUTH_FAIL("key_type_mismatch", k->kind == WPLLM_KEY_HMAC
			? "The algorithm needs an RSA or EC key, but the key is an HMAC secret"
			: "The algorithm does not match the key's type");
	}
	switch (k->kind) {
		case WPLLM_KEY_HMAC:
			if (k->secret_len < algs[alg].size) {
				wpllm_error_set(err, WPLLM_E_INVALID_ARGUMENT, "key_too_short",
					"%s needs a key of at least %zu bytes (RFC 7518 section 3.2), %zu given", algs[alg].name,
					algs[alg].size, k->secret_len);
				return -1;
			}
			return 0;
		case WPLLM_KEY_RSA:
			if (EVP_PKEY_bits(k->pkey) < 2048) {
				wpllm_error_set(err, WPLLM_E_INVALID_ARGUMENT, "key_too_short",
					"RSA keys must have at least 2048 bits, this one has %d", EVP_PKEY_bits(k->pkey));
				return -1;
			}
			return 0;
		case WPLLM_KEY_EC:
			if (!ec_curve_matches(k->pkey, alg)) {
				return AUTH_FAIL("key_type_mismatch", alg == WPLLM_JWT_ES256 ? "ES256 needs a P-256 key" : "ES384 needs a P-384 key");
			}
			return 0;
		default:
			return AUTH_FAIL("key_type_mismatch", "No usable key");
	}
}

/* EVP one-shot sign; for EC the DER signature becomes JOSE's fixed-size r||s */
static int pk_sign(wpllm_jwt_alg alg, EVP_PKEY *pkey, const char *data, size_t len, wpllm_buf *sig)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned char *der = NULL;
	size_t der_len = 0;
	int ok = 0;

	if (ctx == NULL) {
		return -1;
	}
	if (EVP_DigestSignInit(ctx, NULL, md_of(algs[alg].hash), NULL, pkey) != 1
		|| EVP_DigestSign(ctx, NULL, &der_len, (const unsigned char *)data, len) != 1
		|| (der = OPENSSL_malloc(der_len)) == NULL
		|| EVP_DigestSign(ctx, der, &der_len, (const unsigned char *)data, len) != 1) {
		goto done;
	}
	if (algs[alg].kind == WPLLM_KEY_EC) {
		const unsigned char *p = der;
		ECDSA_SIG *es = d2i_ECDSA_SIG(NULL, &p, (long)der_len);
		const BIGNUM *r, *s;
		size_t n = algs[alg].size;
		if (es == NULL || wpllm_buf_reserve(sig, 2 * n) != 0) {
			ECDSA_SIG_free(es);
			goto done;
		}
		ECDSA_SIG_get0(es, &r, &s);
		ok = BN_bn2binpad(r, (unsigned char *)sig->data + sig->len, (int)n) == (int)n
			&& BN_bn2binpad(s, (unsigned char *)sig->data + sig->len + n, (int)n) == (int)n;
		ECDSA_SIG_free(es);
		if (ok) {
			sig->len += 2 * n;
		}
	} else {
		ok = wpllm_buf_append(sig, (char *)der, der_len) == 0;
	}
done:
	OPENSSL_free(der);
	EVP_MD_CTX_free(ctx);
	ERR_clear_error();
	return ok ? 0 : -1;
}

int wpllm_jwt_sign(wpllm_jwt_alg alg, const wpllm_jwt_key *k, const char *header_json, size_t header_len,
	const char *payload_json, size_t payload_len, wpllm_buf *out, wpllm_error *err)
{
	size_t start = out->len;
	wpllm_buf sig = WPLLM_BUF_INIT;
	int rc = -1;

	if (wpllm_jwt_key_check(k, alg, err) != 0) {
		return -1;
	}
	if (k->kind != WPLLM_KEY_HMAC && !k->is_private) {
		return ARG_FAIL("Signing needs a private key");
	}
	if (wpllm_b64url_encode(out, (const unsigned char *)header_json, header_len) != 0
		|| wpllm_buf_append(out, ".", 1) != 0
		|| wpllm_b64url_encode(out, (const unsigned char *)payload_json, payload_len) != 0) {
		goto oom;
	}
	if (k->kind == WPLLM_KEY_HMAC) {
		unsigned char mac[WPLLM_HMAC_MAX];
		size_t mac_len = 0;
		const void *parts[1] = {out->data + start};
		size_t lens[1] = {out->len - start};
		if ((k->hmac && k->hmac->hash == algs[alg].hash
				? wpllm_hmac_state_mac(k->hmac, parts, lens, 1, mac, &mac_len)
				: wpllm_hmac(algs[alg].hash, k->secret, k->secret_len, parts, lens, 1, mac, &mac_len)) != 0
			|| wpllm_buf_append(&sig, (char *)mac, mac_len) != 0) {
			goto crypto;
		}
	} else if (pk_sign(alg, k->pkey, out->data + start, out->len - start, &sig) != 0) {
		goto crypto;
	}
	if (wpllm_buf_append(out, ".", 1) != 0 || wpllm_b64url_encode(out, (unsigned char *)sig.data, sig.len) != 0) {
		goto oom;
	}
	rc = 0;
	goto done;
oom:
	fail(err, WPLLM_E_MEMORY, "out_of_memory", "Out of memory");
	goto done;
crypto:
	fail(err, WPLLM_E_INVALID_ARGUMENT, "signing_failed", "Signing failed in OpenSSL");
done:
	if (rc != 0) {
		out->len = start;
		if (out->data) {
			out->data[start] = '\0';
		}
	}
	wpllm_buf_free(&sig);
	return rc;
}

/* Parses JSON text that must be a single object, with bounded depth; NULL otherwise. */
static struct json_object *parse_object(const char *s, size_t len, int depth)
{
	struct json_tokener *tok;
	struct json_object *o;

	if (len == 0 || len > INT32_MAX) {
		return NULL;
	}
	tok = json_tokener_new_ex(depth);
	if (tok == NULL) {
		return NULL;
	}
	o = json_tokener_parse_ex(tok, s, (int)len);
	if (o && (json_tokener_get_error(tok) != json_tokener_success
#if defined(JSON_C_VERSION_NUM) && JSON_C_VERSION_NUM >= ((0 << 16) | (15 << 8))
		|| json_tokener_get_parse_end(tok) != len
#else
		|| (size_t)tok->char_offset != len
#endif
		|| !json_object_is_type(o, json_type_object))) {
		json_object_put(o);
		o = NULL;
	}
	json_tokener_free(tok);
	return o;
}

void wpllm_jwt_parsed_free(wpllm_jwt_parsed *p)
{
	wpllm_buf_free(&p->header);
	wpllm_buf_free(&p->payload);
	wpllm_buf_free(&p->signature);
}

int wpllm_jwt_parse(const char *token, size_t len, wpllm_jwt_parsed *p, wpllm_error *err)
{
	const char *d1, *d2;
	struct json_object *h, *v;
	int rc = -1;

	memset(p, 0, sizeof(*p));
	if (len == 0 || len > WPLLM_JWT_MAX_TOKEN) {
		return AUTH_FAIL("malformed_token", "The token is empty or too large");
	}
	d1 = memchr(token, '.', len);
	d2 = d1 ? memchr(d1 + 1, '.', len - (size_t)(d1 + 1 - token)) : NULL;
	if (d1 == NULL || d2 == NULL || memchr(d2 + 1, '.', len - (size_t)(d2 + 1 - token)) != NULL) {
		return AUTH_FAIL("malformed_token", "A JWT has exactly three dot-separated segments");
	}
	if (d1 == token || d2 == d1 + 1) {
		return AUTH_FAIL("malformed_token", "The token's header or payload segment is empty");
	}
	if ((size_t)(d1 - token) > WPLLM_JWT_MAX_HEADER) {
		return AUTH_FAIL("malformed_token", "The token's header is too large");
	}
	if (wpllm_b64url_decode(&p->header, token, (size_t)(d1 - token)) != 0
		|| wpllm_b64url_decode(&p->payload, d1 + 1, (size_t)(d2 - d1 - 1)) != 0
		|| wpllm_b64url_decode(&p->signature, d2 + 1, len - (size_t)(d2 + 1 - token)) != 0) {
		wpllm_jwt_parsed_free(p);
		return AUTH_FAIL("malformed_token", "The token is not valid base64url");
	}
	p->signing_input = token;
	p->signing_input_len = (size_t)(d2 - token);

	h = parse_object(p->header.data, p->header.len, 8);
	if (h == NULL) {
		wpllm_jwt_parsed_free(p);
		return AUTH_FAIL("malformed_token", "The token's header is not a JSON object");
	}
	if (!json_object_object_get_ex(h, "alg", &v) || !json_object_is_type(v, json_type_string)) {
		AUTH_FAIL("malformed_token", "The token's header has no \"alg\"");
		goto done;
	}
	if (strcasecmp(json_object_get_string(v), "none") == 0) {
		AUTH_FAIL("alg_none", "Unsigned tokens (alg \"none\") are never accepted");
		goto done;
	}
	p->alg = (wpllm_jwt_alg)wpllm_jwt_alg_from_name(json_object_get_string(v), (size_t)json_object_get_string_len(v));
	if ((int)p->alg < 0) {
		AUTH_FAIL("alg_not_allowed", "The token's algorithm is not supported");
		goto done;
	}
	if (json_object_object_get_ex(h, "crit", &v)) {
		AUTH_FAIL("malformed_token", "The token has critical header parameters, which are not supported");
		goto done;
	}
	if (json_object_object_get_ex(h, "kid", &v)) {
		if (!json_object_is_type(v, json_type_string) || json_object_get_string_len(v) > WPLLM_JWT_KID_MAX
			|| memchr(json_object_get_string(v), '\0', (size_t)json_object_get_string_len(v)) != NULL) {
			AUTH_FAIL("malformed_token", "The token's \"kid\" must be a string of at most 256 characters");
			goto done;
		}
		memcpy(p->kid, json_object_get_string(v), (size_t)json_object_get_string_len(v) + 1);
		p->has_kid = 1;
	}
	rc = 0;
done:
	json_object_put(h);
	if (rc != 0) {
		wpllm_jwt_parsed_free(p);
	}
	return rc;
}

int wpllm_jwt_verify(const wpllm_jwt_parsed *p, const wpllm_jwt_key *k, wpllm_error *err)
{
	int ok = 0;

	if (wpllm_jwt_key_check(k, p->alg, err) != 0) {
		return -1;
	}
	if (k->kind == WPLLM_KEY_HMAC) {
		unsigned char mac[WPLLM_HMAC_MAX];
		size_t mac_len = 0;
		const void *parts[1] = {p->signing_input};
		size_t lens[1] = {p->signing_input_len};
		if ((k->hmac && k->hmac->hash == algs[p->alg].hash
				? wpllm_hmac_state_mac(k->hmac, parts, lens, 1, mac, &mac_len)
				: wpllm_hmac(algs[p->alg].hash, k->secret, k->secret_len, parts, lens, 1, mac, &mac_len)) != 0) {
			return fail(err, WPLLM_E_INVALID_ARGUMENT, "verify_failed", "Verification failed in OpenSSL");
		}
		ok = p->signature.len == mac_len && CRYPTO_memcmp(mac, p->signature.data, mac_len) == 0;
		OPENSSL_cleanse(mac, sizeof(mac));
	} else {
		EVP_MD_CTX *ctx = EVP_MD_CTX_new();
		unsigned char *der = NULL;
		int der_len = 0;
		const unsigned char *sig = (const unsigned char *)p->signature.data;
		size_t sig_len = p->signature.len;

		if (ctx == NULL) {
			return fail(err, WPLLM_E_MEMORY, "out_of_memory", "Out of memory");
		}
		if (k->kind == WPLLM_KEY_EC) {
			size_t n = algs[p->alg].size;
			ECDSA_SIG *es;
			BIGNUM *r, *s;
			if (sig_len != 2 * n) {
				EVP_MD_CTX_free(ctx);
				return AUTH_FAIL("invalid_signature", "The token's signature is invalid");
			}
			es = ECDSA_SIG_new();
			r = BN_bin2bn(sig, (int)n, NULL);
			s = BN_bin2bn(sig + n, (int)n, NULL);
			if (es == NULL || r == NULL || s == NULL || !ECDSA_SIG_set0(es, r, s)) {
				BN_free(r);
				BN_free(s);
				ECDSA_SIG_free(es);
				EVP_MD_CTX_free(ctx);
				return fail(err, WPLLM_E_MEMORY, "out_of_memory", "Out of memory");
			}
			der_len = i2d_ECDSA_SIG(es, &der);
			ECDSA_SIG_free(es);
			if (der_len <= 0) {
				EVP_MD_CTX_free(ctx);
				return fail(err, WPLLM_E_MEMORY, "out_of_memory", "Out of memory");
			}
			sig = der;
			sig_len = (size_t)der_len;
		}
		ok = EVP_DigestVerifyInit(ctx, NULL, md_of(algs[p->alg].hash), NULL, k->pkey) == 1
			&& EVP_DigestVerify(ctx, sig, sig_len, (const unsigned char *)p->signing_input, p->signing_input_len) == 1;
		OPENSSL_free(der);
		EVP_MD_CTX_free(ctx);
		ERR_clear_error();
	}
	return ok ? 0 : AUTH_FAIL("invalid_signature", "The token's signature is invalid");
}

/* A NumericDate claim: absent (0), a number (1), or anything else (-1). */
/* a JSON string equal to s, NUL bytes included */
static int json_str_equals(struct json_object *v, const char *s)
{
	size_t n = strlen(s);
	return json_object_is_type(v, json_type_string) && (size_t)json_object_get_string_len(v) == n
		&& memcmp(json_object_get_string(v), s, n) == 0;
}

static int numeric_claim(struct json_object *o, const char *name, double *out)
{
	struct json_object *v;
	if (!json_object_object_get_ex(o, name, &v)) {
		return 0;
	}
	if (!json_object_is_type(v, json_type_int) && !json_object_is_type(v, json_type_double)) {
		return -1;
	}
	*out = json_object_get_double(v);
	return isfinite(*out) ? 1 : -1;
}

int wpllm_jwt_check_claims(const wpllm_jwt_parsed *p, const wpllm_jwt_claims_rules *r, int64_t *exp_out, wpllm_error *err)
{
	struct json_object *c = parse_object(p->payload.data, p->payload.len, 64), *v;
	double exp = 0, nbf = 0, iat = 0, now = (double)r->now, leeway = (double)r->leeway;
	int has_exp, has_nbf, has_iat, rc = -1;

	*exp_out = INT64_MIN;
	if (c == NULL) {
		return AUTH_FAIL("malformed_token", "The token's payload is not a JSON object");
	}
	has_exp = numeric_claim(c, "exp", &exp);
	has_nbf = numeric_claim(c, "nbf", &nbf);
	has_iat = numeric_claim(c, "iat", &iat);
	if (has_exp < 0 || has_nbf < 0 || has_iat < 0) {
		AUTH_FAIL("malformed_token", "The token's exp, nbf and iat must be numbers");
		goto done;
	}
	if (has_exp) {
		*exp_out = exp > 9.2e18 ? INT64_MAX : exp < -9.2e18 ? INT64_MIN + 1 : (int64_t)exp;
		if (now - leeway >= exp) {
			AUTH_FAIL("expired_token", "The token has expired");
			goto done;
		}
	}
	if ((has_nbf && now + leeway < nbf) || (has_iat && now + leeway < iat)) {
		AUTH_FAIL("token_not_yet_valid", "The token is not valid yet (nbf or iat in the future)");
		goto done;
	}
	if (r->issuer) {
		if (!json_object_object_get_ex(c, "iss", &v) || !json_str_equals(v, r->issuer)) {
			AUTH_FAIL("invalid_issuer", "The token's issuer is not the one expected");
			goto done;
		}
	}
	if (r->audiences) {
		int found = 0;
		size_t i, j, n;
		if (json_object_object_get_ex(c, "aud", &v)) {
			if (json_object_is_type(v, json_type_string)) {
				for (i = 0; i < r->audience_count && !found; i++) {
					found = json_str_equals(v, r->audiences[i]);
				}
			} else if (json_object_is_type(v, json_type_array)) {
				n = json_object_array_length(v);
				for (j = 0; j < n && !found; j++) {
					struct json_object *a = json_object_array_get_idx(v, j);
					for (i = 0; i < r->audience_count && !found; i++) {
						found = json_str_equals(a, r->audiences[i]);
					}
				}
			}
		}
		if (!found) {
			AUTH_FAIL("invalid_audience", "The token's audience is not one of those expected");
			goto done;
		}
	}
	rc = 0;
done:
	json_object_put(c);
	return rc;
}

int wpllm_jwt_peek_exp(const char *token, size_t len, int64_t *exp_out)
{
	const char *d1 = memchr(token, '.', len), *d2;
	wpllm_buf payload = WPLLM_BUF_INIT;
	struct json_object *c;
	double exp = 0;
	int has;

	d2 = d1 ? memchr(d1 + 1, '.', len - (size_t)(d1 + 1 - token)) : NULL;
	if (d2 == NULL || wpllm_b64url_decode(&payload, d1 + 1, (size_t)(d2 - d1 - 1)) != 0) {
		wpllm_buf_free(&payload);
		return -1;
	}
	c = parse_object(payload.data, payload.len, 64);
	wpllm_buf_free(&payload);
	if (c == NULL) {
		return -1;
	}
	has = numeric_claim(c, "exp", &exp);
	json_object_put(c);
	if (has < 0) {
		return -1;
	}
	if (has) {
		*exp_out = exp > 9.2e18 ? INT64_MAX : (int64_t)exp;
	}
	return has;
}
