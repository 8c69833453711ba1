/* test_jwt.c: base64url/base32, JWS against RFC 7515 A.1 (HS256), A.2 (RS256), A.3 (ES256), the classic attacks,
 * claims rules; TOTP against RFC 6238 Appendix B and HOTP against RFC 4226 Appendix D. */
#include "check.h"
#include "core/codec.h"
#include "core/jwt.h"
#include "core/totp.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/ec.h>

#define A_PAYLOAD "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
static const char *a1 = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9." A_PAYLOAD ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
static const char *a1_jwk = "{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}";
static const char *a2 = "eyJhbGciOiJSUzI1NiJ9." A_PAYLOAD ".cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";
static const char *a2_jwk = "{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ\"}";
static const char *a3 = "eyJhbGciOiJFUzI1NiJ9." A_PAYLOAD ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
static const char *a3_jwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}";

static const char *verify_code(const char *token, const char *jwk, int64_t now)
{
	static char code[96];
	wpllm_jwt_key k;
	wpllm_jwt_parsed p;
	wpllm_error err;
	int64_t exp;
	wpllm_jwt_claims_rules r = {now, 60, NULL, 0, NULL};

	wpllm_error_init(&err);
	strcpy(code, "ok");
	if (wpllm_jwt_key_from_jwk(&k, jwk, strlen(jwk), &err) != 0) {
		snprintf(code, sizeof(code), "key:%s", err.code);
		wpllm_error_clear(&err);
		return code;
	}
	if (wpllm_jwt_parse(token, strlen(token), &p, &err) != 0) {
		snprintf(code, sizeof(code), "%s", err.code);
	} else {
		if (wpllm_jwt_verify(&p, &k, &err) != 0 || wpllm_jwt_check_claims(&p, &r, &exp, &err) != 0) {
			snprintf(code, sizeof(code), "%s", err.code);
		}
		wpllm_jwt_parsed_free(&p);
	}
	wpllm_jwt_key_free(&k);
	wpllm_error_clear(&err);
	return code;
}

static char *b64(const char *s)
{
	static char out[4096];
	wpllm_buf b = WPLLM_BUF_INIT;
	wpllm_b64url_encode(&b, (const unsigned char *)s, strlen(s));
	snprintf(out, sizeof(out), "%s", b.data);
	wpllm_buf_free(&b);
	return out;
}

/* header.payload.sig from raw JSON (b64() has one static buffer: never call it twice in one expression) */
static void tok(char *out, size_t cap, const char *header, const char *payload, const char *sig)
{
	char h[2048];
	snprintf(h, sizeof(h), "%s", b64(header));
	snprintf(out, cap, "%s.%s.%s", h, b64(payload), sig);
}

/* a token with the given header and payload JSON, HMAC-signed with key */
static char *hs_token(const char *alg_name, const char *header, const char *payload, const char *key)
{
	static char out[4096];
	wpllm_jwt_key k;
	wpllm_buf b = WPLLM_BUF_INIT;
	wpllm_error err;
	wpllm_error_init(&err);
	wpllm_jwt_key_from_secret(&k, key, strlen(key), &err);
	if (wpllm_jwt_sign((wpllm_jwt_alg)wpllm_jwt_alg_from_name(alg_name, strlen(alg_name)), &k, header, strlen(header),
			payload, strlen(payload), &b, &err) != 0) {
		snprintf(out, sizeof(out), "sign failed: %s", err.code);
	} else {
		snprintf(out, sizeof(out), "%s", b.data);
	}
	wpllm_buf_free(&b);
	wpllm_jwt_key_free(&k);
	wpllm_error_clear(&err);
	return out;
}

static const char *hs_check(const char *token, const char *key, int64_t now, const char *const *aud, size_t naud, const char *iss)
{
	static char code[96];
	wpllm_jwt_key k;
	wpllm_jwt_parsed p;
	wpllm_error err;
	int64_t exp;
	wpllm_jwt_claims_rules r = {now, 60, aud, naud, iss};
	wpllm_error_init(&err);
	wpllm_jwt_key_from_secret(&k, key, strlen(key), &err);
	strcpy(code, "ok");
	if (wpllm_jwt_parse(token, strlen(token), &p, &err) != 0) {
		snprintf(code, sizeof(code), "%s", err.code);
	} else {
		if (wpllm_jwt_verify(&p, &k, &err) != 0 || wpllm_jwt_check_claims(&p, &r, &exp, &err) != 0) {
			snprintf(code, sizeof(code), "%s", err.code);
		}
		wpllm_jwt_parsed_free(&p);
	}
	wpllm_jwt_key_free(&k);
	wpllm_error_clear(&err);
	return code;
}

static const char *b32d(const char *in)
{
	static char out[256];
	wpllm_buf b = WPLLM_BUF_INIT;
	int rc = wpllm_b32_decode(&b, in, strlen(in));
	if (rc != 0) {
		strcpy(out, "invalid");
	} else {
		snprintf(out, sizeof(out), "%.*s", (int)b.len, b.data);
	}
	wpllm_buf_free(&b);
	return out;
}

static void test_codecs(void)
{
	wpllm_buf b = WPLLM_BUF_INIT;
	/* RFC 4648 section 10 vectors */
	static const char *const plain[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
	static const char *const b32[] = {"", "MY", "MZXQ", "MZXW6", "MZXW6YQ", "MZXW6YTB", "MZXW6YTBOI"};
	static const char *const b64u[] = {"", "Zg", "Zm8", "Zm9v", "Zm9vYg", "Zm9vYmE", "Zm9vYmFy"};
	size_t i;
	for (i = 0; i < 7; i++) {
		wpllm_buf_reset(&b);
		wpllm_b32_encode(&b, (const unsigned char *)plain[i], strlen(plain[i]));
		CHECK_STR(b.len ? b.data : "", b32[i]);
		wpllm_buf_reset(&b);
		wpllm_b64url_encode(&b, (const unsigned char *)plain[i], strlen(plain[i]));
		CHECK_STR(b.len ? b.data : "", b64u[i]);
		if (i > 0) {
			CHECK_STR(b32d(b32[i]), plain[i]);
		}
	}
	CHECK_STR(b32d("MZXW6YTBOI======"), "foobar");
	CHECK_STR(b32d("mzxw 6ytb oi"), "foobar");
	CHECK_STR(b32d("MZXW-6YTB-OI"), "foobar");
	CHECK_STR(b32d("MZXW6YTBOI==="), "invalid");       /* wrong padding length */
	CHECK_STR(b32d("MZXW6YTBO1"), "invalid");          /* 1 is not base32 */
	CHECK_STR(b32d("MZXW6YTBO"), "invalid");           /* 9 characters: impossible length */
	CHECK_STR(b32d("MZXW6YTBOJ"), "invalid");          /* non-zero unused bits */
	CHECK_STR(b32d("MZ=XW6YTBOI"), "invalid");
	CHECK_STR(b32d(""), "invalid");
	CHECK_STR(b32d("===="), "invalid");
	wpllm_buf_reset(&b);
	CHECK_EQ_LL(wpllm_b64url_decode(&b, "Zm9vYmFy", 8), 0);
	CHECK_EQ_LL(b.len, 6);
	CHECK_EQ_LL(wpllm_b64url_decode(&b, "Zm9vYg==", 8), -1);
	CHECK_EQ_LL(wpllm_b64url_decode(&b, "Zm9vYh", 6), -1);  /* non-zero unused bits */
	CHECK_EQ_LL(wpllm_b64url_decode(&b, "Zm9v+g", 6), -1);  /* standard alphabet */
	CHECK_EQ_LL(wpllm_b64url_decode(&b, "Zm9vY", 5), -1);   /* 1 mod 4 */
	CHECK_EQ_LL(wpllm_b64url_decode(&b, "Zm 9v", 5), -1);
	wpllm_buf_free(&b);
}

static void test_vectors_and_attacks(void)
{
	const int64_t now = 1300819380 - 3600; /* before the RFC tokens' exp */
	const char *key = "0123456789abcdef0123456789abcdef"; /* 32 bytes */
	const char *hdr = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
	char token[4096], tampered[4096];

	CHECK_STR(verify_code(a1, a1_jwk, now), "ok");
	CHECK_STR(verify_code(a2, a2_jwk, now), "ok");
	CHECK_STR(verify_code(a3, a3_jwk, now), "ok");
	/* the RFC tokens expired in 2011 */
	CHECK_STR(verify_code(a1, a1_jwk, 1300819380 + 61), "expired_token");
	CHECK_STR(verify_code(a1, a1_jwk, 1300819380 + 59), "ok"); /* within the leeway */
	/* key confusion: the RS256 token against an oct key and the reverse */
	CHECK_STR(verify_code(a2, a1_jwk, now), "key_type_mismatch");
	CHECK_STR(verify_code(a1, a2_jwk, now), "key_type_mismatch");
	CHECK_STR(verify_code(a3, a2_jwk, now), "key_type_mismatch");
	/* a flipped bit in the signature */
	snprintf(tampered, sizeof(tampered), "%s", a2);
	tampered[strlen(tampered) - 3] = tampered[strlen(tampered) - 3] == 'A' ? 'B' : 'A';
	CHECK_STR(verify_code(tampered, a2_jwk, now), "invalid_signature");
	snprintf(tampered, sizeof(tampered), "%s", a3);
	tampered[strlen(tampered) - 5] = tampered[strlen(tampered) - 5] == 'A' ? 'B' : 'A';
	CHECK_STR(verify_code(tampered, a3_jwk, now), "invalid_signature");
	/* ES256 with a DER or truncated signature */
	snprintf(tampered, sizeof(tampered), "eyJhbGciOiJFUzI1NiJ9.%s.MEUCIQ", A_PAYLOAD);
	CHECK_STR(verify_code(tampered, a3_jwk, now), "invalid_signature");

	/* alg none, in every spelling, signed or not */
	tok(token, sizeof(token), "{\"alg\":\"none\"}", "{\"sub\":\"x\"}", "");
	CHECK_STR(hs_check(token, key, now, NULL, 0, NULL), "alg_none");
	tok(token, sizeof(token), "{\"alg\":\"NoNe\"}", "{\"sub\":\"x\"}", "");
	CHECK_STR(hs_check(token, key, now, NULL, 0, NULL), "alg_none");
	tok(token, sizeof(token), "{\"alg\":\"HS1\"}", "{}", "c2ln");
	CHECK_STR(hs_check(token, key, now, NULL, 0, NULL), "alg_not_allowed");
	/* malformed shapes */
	CHECK_STR(hs_check("abc", key, now, NULL, 0, NULL), "malformed_token");
	CHECK_STR(hs_check("a.b", key, now, NULL, 0, NULL), "malformed_token");
	CHECK_STR(hs_check("a.b.c.d", key, now, NULL, 0, NULL), "malformed_token");
	CHECK_STR(hs_check("..", key, now, NULL, 0, NULL), "malformed_token");
	CHECK_STR(hs_check("e30.e30.@@@", key, now, NULL, 0, NULL), "malformed_token");
	CHECK_STR(hs_check("e30.e30.", key, now, NULL, 0, NULL), "malformed_token"); /* {} has no alg */
	snprintf(token, sizeof(token), "%s.e30.", b64("[1,2]"));
	CHECK_STR(hs_check(token, key, now, NULL, 0, NULL), "malformed_token");
	snprintf(token, sizeof(token), "%s.e30.", b64("{\"alg\":\"HS256\"} x"));
	CHECK_STR(hs_check(token, key, now, NULL, 0, NULL), "malformed_token");
	snprintf(token, sizeof(token), "%s.e30.", b64("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}"));
	CHECK_STR(hs_check(token, key, now, NULL, 0, NULL), "malformed_token");
	snprintf(token, sizeof(token), "%s.e30.", b64("{\"alg\":\"HS256\",\"kid\":7}"));
	CHECK_STR(hs_check(token, key, now, NULL, 0, NULL), "malformed_token");
	{
		/* a deeply nested header */
		char deep[600];
		int i;
		strcpy(deep, "{\"alg\":\"HS256\",\"x\":");
		for (i = 0; i < 200; i++) strcat(deep, "[");
		for (i = 0; i < 200; i++) strcat(deep, "]");
		strcat(deep, "}");
		snprintf(token, sizeof(token), "%s.e30.", b64(deep));
		CHECK_STR(hs_check(token, key, now, NULL, 0, NULL), "malformed_token");
	}

	/* round trip and claims */
	snprintf(token, sizeof(token), "%s", hs_token("HS256", hdr, "{\"sub\":\"u\",\"exp\":2000000000,\"iat\":1000,\"aud\":[\"a\",\"b\"],\"iss\":\"me\"}", key));
	CHECK_STR(hs_check(token, key, now, NULL, 0, NULL), "ok");
	CHECK_STR(hs_check(token, "0123456789abcdef0123456789abcdeX", now, NULL, 0, NULL), "invalid_signature");
	{
		const char *ok_aud[] = {"b"}, *bad_aud[] = {"c"};
		CHECK_STR(hs_check(token, key, now, ok_aud, 1, NULL), "ok");
		CHECK_STR(hs_check(token, key, now, bad_aud, 1, NULL), "invalid_audience");
		CHECK_STR(hs_check(token, key, now, NULL, 0, "me"), "ok");
		CHECK_STR(hs_check(token, key, now, NULL, 0, "you"), "invalid_issuer");
	}
	{
		/* an embedded NUL does not make "api\u0000x" equal to "api" */
		const char *api[] = {"api"};
		snprintf(token, sizeof(token), "%s", hs_token("HS256", hdr, "{\"aud\":\"api\\u0000x\",\"iss\":\"me\\u0000x\"}", key));
		CHECK_STR(hs_check(token, key, now, api, 1, NULL), "invalid_audience");
		CHECK_STR(hs_check(token, key, now, NULL, 0, "me"), "invalid_issuer");
		snprintf(token, sizeof(token), "%s", hs_token("HS256", hdr, "{\"aud\":[\"api\\u0000\"]}", key));
		CHECK_STR(hs_check(token, key, now, api, 1, NULL), "invalid_audience");
	}
	snprintf(token, sizeof(token), "%s", hs_token("HS256", hdr, "{\"nbf\":2000000000}", key));
	CHECK_STR(hs_check(token, key, now, NULL, 0, NULL), "token_not_yet_valid");
	snprintf(token, sizeof(token), "%s", hs_token("HS256", hdr, "{\"iat\":2000000000}", key));
	CHECK_STR(hs_check(token, key, now, NULL, 0, NULL), "token_not_yet_valid");
	snprintf(token, sizeof(token), "%s", hs_token("HS256", hdr, "{\"exp\":\"2000000000\"}", key));
	CHECK_STR(hs_check(token, key, now, NULL, 0, NULL), "malformed_token");
	snprintf(token, sizeof(token), "%s", hs_token("HS256", hdr, "[1]", key));
	CHECK_STR(hs_check(token, key, now, NULL, 0, NULL), "malformed_token");
	/* short HMAC keys are refused for signing and verifying */
	CHECK(strncmp(hs_token("HS256", hdr, "{}", "short"), "sign failed: key_too_short", 27) == 0);
	CHECK(strncmp(hs_token("HS512", hdr, "{}", key), "sign failed: key_too_short", 27) == 0);
	snprintf(token, sizeof(token), "%s", hs_token("HS256", hdr, "{}", key));
	CHECK_STR(hs_check(token, "0123456789", now, NULL, 0, NULL), "key_too_short");
	/* peek */
	{
		int64_t exp = 0;
		snprintf(token, sizeof(token), "%s", hs_token("HS256", hdr, "{\"exp\":1234}", key));
		CHECK_EQ_LL(wpllm_jwt_peek_exp(token, strlen(token), &exp), 1);
		CHECK_EQ_LL(exp, 1234);
		CHECK_EQ_LL(wpllm_jwt_peek_exp("abc", 3, &exp), -1);
		snprintf(token, sizeof(token), "%s", hs_token("HS256", hdr, "{\"sub\":1}", key));
		CHECK_EQ_LL(wpllm_jwt_peek_exp(token, strlen(token), &exp), 0);
	}
}

static EVP_PKEY *gen(int rsa_bits, int ec_nid)
{
	EVP_PKEY *pkey = NULL;
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(rsa_bits ? EVP_PKEY_RSA : EVP_PKEY_EC, NULL);
	if (ctx == NULL || EVP_PKEY_keygen_init(ctx) <= 0) {
		EVP_PKEY_CTX_free(ctx);
		return NULL;
	}
	if (rsa_bits) {
		EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, rsa_bits);
	} else {
		EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ctx, ec_nid);
	}
	EVP_PKEY_keygen(ctx, &pkey);
	EVP_PKEY_CTX_free(ctx);
	return pkey;
}

static char *pem_of(EVP_PKEY *pkey, int priv)
{
	BIO *bio = BIO_new(BIO_s_mem());
	char *data, *out;
	long n;
	if (priv) {
		PEM_write_bio_PrivateKey(bio, pkey, NULL, NULL, 0, NULL, NULL);
	} else {
		PEM_write_bio_PUBKEY(bio, pkey);
	}
	n = BIO_get_mem_data(bio, &data);
	out = strndup(data, (size_t)n);
	BIO_free(bio);
	return out;
}

/* signs with priv_pem under alg and verifies with pub_pem: returns the first error code, or "ok" */
static const char *pk_round(const char *alg_name, const char *priv_pem, const char *pub_pem)
{
	static char code[96];
	wpllm_jwt_key sk, vk;
	wpllm_jwt_parsed p;
	wpllm_buf b = WPLLM_BUF_INIT;
	wpllm_error err;
	const char *payload = "{\"user_id\":\"u1\"}";
	char header[64];
	int alg = wpllm_jwt_alg_from_name(alg_name, strlen(alg_name));

	wpllm_error_init(&err);
	snprintf(header, sizeof(header), "{\"alg\":\"%s\"}", alg_name);
	strcpy(code, "ok");
	memset(&vk, 0, sizeof(vk));
	if (wpllm_jwt_key_from_pem(&sk, priv_pem, strlen(priv_pem), 1, &err) != 0
		|| wpllm_jwt_sign((wpllm_jwt_alg)alg, &sk, header, strlen(header), payload, strlen(payload), &b, &err) != 0
		|| wpllm_jwt_key_from_pem(&vk, pub_pem, strlen(pub_pem), 0, &err) != 0
		|| wpllm_jwt_parse(b.data, b.len, &p, &err) != 0) {
		snprintf(code, sizeof(code), "%s", err.code);
	} else {
		if (wpllm_jwt_verify(&p, &vk, &err) != 0) {
			snprintf(code, sizeof(code), "%s", err.code);
		}
		wpllm_jwt_parsed_free(&p);
	}
	wpllm_jwt_key_free(&sk);
	wpllm_jwt_key_free(&vk);
	wpllm_buf_free(&b);
	wpllm_error_clear(&err);
	return code;
}

static void test_public_key_algs(void)
{
	EVP_PKEY *rsa = gen(2048, 0), *small = gen(1024, 0), *p256 = gen(0, NID_X9_62_prime256v1),
		*p384 = gen(0, NID_secp384r1), *k1 = gen(0, NID_secp256k1);
	char *rsa_priv = pem_of(rsa, 1), *rsa_pub = pem_of(rsa, 0), *small_priv = pem_of(small, 1),
		*p256_priv = pem_of(p256, 1), *p256_pub = pem_of(p256, 0), *p384_priv = pem_of(p384, 1),
		*p384_pub = pem_of(p384, 0), *k1_priv = pem_of(k1, 1), *k1_pub = pem_of(k1, 0);
	wpllm_jwt_key k;
	wpllm_error err;

	CHECK_STR(pk_round("RS256", rsa_priv, rsa_pub), "ok");
	CHECK_STR(pk_round("RS384", rsa_priv, rsa_pub), "ok");
	CHECK_STR(pk_round("RS512", rsa_priv, rsa_pub), "ok");
	CHECK_STR(pk_round("ES256", p256_priv, p256_pub), "ok");
	CHECK_STR(pk_round("ES384", p384_priv, p384_pub), "ok");
	CHECK_STR(pk_round("RS256", rsa_priv, rsa_priv), "ok");          /* a private key verifies too */
	CHECK_STR(pk_round("RS256", small_priv, rsa_pub), "key_too_short");
	CHECK_STR(pk_round("ES256", p384_priv, p384_pub), "key_type_mismatch"); /* wrong curve */
	CHECK_STR(pk_round("ES256", k1_priv, k1_pub), "key_type_mismatch");     /* secp256k1 is not P-256 */
	CHECK_STR(pk_round("ES256", rsa_priv, rsa_pub), "key_type_mismatch");
	CHECK_STR(pk_round("RS256", p256_priv, p256_pub), "key_type_mismatch");
	CHECK_STR(pk_round("ES256", p256_priv, rsa_pub), "key_type_mismatch");
	CHECK_STR(pk_round("RS256", rsa_pub, rsa_pub), "invalid_key");    /* signing needs a private key */
	CHECK_STR(pk_round("HS256", rsa_priv, rsa_pub), "key_type_mismatch");

	wpllm_error_init(&err);
	CHECK_EQ_LL(wpllm_jwt_key_from_pem(&k, "garbage", 7, 0, &err), -1);
	CHECK_STR(err.code, "invalid_key");
	CHECK_EQ_LL(wpllm_jwt_key_from_pem(&k, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", 56, 0, &err), -1);
	CHECK_EQ_LL(wpllm_jwt_key_from_jwk(&k, "{\"kty\":\"EC\",\"crv\":\"P-521\",\"x\":\"AA\",\"y\":\"AA\"}", 42, &err), -1);
	CHECK_EQ_LL(wpllm_jwt_key_from_jwk(&k, "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"}", 42, &err), -1);
	CHECK_EQ_LL(wpllm_jwt_key_from_jwk(&k, "[]", 2, &err), -1);
	CHECK_EQ_LL(wpllm_jwt_key_from_jwk(&k, "{\"kty\":\"RSA\",\"n\":\"AQAB\"}", 24, &err), -1);
	wpllm_error_clear(&err);

	EVP_PKEY_free(rsa); EVP_PKEY_free(small); EVP_PKEY_free(p256); EVP_PKEY_free(p384); EVP_PKEY_free(k1);
	free(rsa_priv); free(rsa_pub); free(small_priv); free(p256_priv); free(p256_pub); free(p384_priv);
	free(p384_pub); free(k1_priv); free(k1_pub);
}

static const char *hotp(wpllm_hash h, const char *key, uint64_t counter, int digits)
{
	static char out[WPLLM_TOTP_MAX_DIGITS + 1];
	if (wpllm_hotp(h, (const unsigned char *)key, strlen(key), counter, digits, out) != 0) {
		return "error";
	}
	return out;
}

static void test_otp(void)
{
	static const char *const rfc4226[10] = {"755224", "287082", "359152", "969429", "338314", "254676", "287922",
		"162583", "399871", "520489"};
	static const struct { uint64_t t; const char *sha1, *sha256, *sha512; } rfc6238[] = {
		{59, "94287082", "46119246", "90693936"},
		{1111111109, "07081804", "68084774", "25091201"},
		{1111111111, "14050471", "67062674", "99943326"},
		{1234567890, "89005924", "91819424", "93441116"},
		{2000000000, "69279037", "90698825", "38618901"},
		{20000000000ull, "65353130", "77737706", "47863826"},
	};
	const char *k20 = "12345678901234567890";
	const char *k32 = "12345678901234567890123456789012";
	const char *k64 = "1234567890123456789012345678901234567890123456789012345678901234";
	uint64_t c, m = 0;
	size_t i;

	for (c = 0; c < 10; c++) {
		CHECK_STR(hotp(WPLLM_SHA1, k20, c, 6), rfc4226[c]);
	}
	for (i = 0; i < sizeof(rfc6238) / sizeof(rfc6238[0]); i++) {
		CHECK_STR(hotp(WPLLM_SHA1, k20, rfc6238[i].t / 30, 8), rfc6238[i].sha1);
		CHECK_STR(hotp(WPLLM_SHA256, k32, rfc6238[i].t / 30, 8), rfc6238[i].sha256);
		CHECK_STR(hotp(WPLLM_SHA512, k64, rfc6238[i].t / 30, 8), rfc6238[i].sha512);
	}
	CHECK_STR(hotp(WPLLM_SHA1, k20, 0, 5), "error");
	CHECK_STR(hotp(WPLLM_SHA1, k20, 0, 11), "error");

	/* matching within a window, the replay guard, wrong lengths */
	CHECK_EQ_LL(wpllm_totp_match(WPLLM_SHA1, (const unsigned char *)k20, 20, "969429", 6, 6, 4, 1, -1, &m), 1);
	CHECK_EQ_LL(m, 3);
	CHECK_EQ_LL(wpllm_totp_match(WPLLM_SHA1, (const unsigned char *)k20, 20, "969429", 6, 6, 5, 1, -1, &m), 0);
	CHECK_EQ_LL(wpllm_totp_match(WPLLM_SHA1, (const unsigned char *)k20, 20, "969429", 6, 6, 4, 1, 3, &m), 0);
	CHECK_EQ_LL(wpllm_totp_match(WPLLM_SHA1, (const unsigned char *)k20, 20, "969429", 6, 6, 4, 1, 2, &m), 1);
	CHECK_EQ_LL(wpllm_totp_match(WPLLM_SHA1, (const unsigned char *)k20, 20, "755224", 6, 6, 0, 1, -1, &m), 1);
	CHECK_EQ_LL(m, 0);
	CHECK_EQ_LL(wpllm_totp_match(WPLLM_SHA1, (const unsigned char *)k20, 20, "96942", 5, 6, 4, 1, -1, &m), 0);
	CHECK_EQ_LL(wpllm_totp_match(WPLLM_SHA1, (const unsigned char *)k20, 20, "9694290", 7, 6, 4, 1, -1, &m), 0);
}

void test_jwt(void)
{
	test_codecs();
	test_vectors_and_attacks();
	test_public_key_algs();
	test_otp();
}
