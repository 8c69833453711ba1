/* test_sign.c: HMAC against RFC 4231 (SHA-256/384/512) and RFC 2202 (SHA-1); the request signature. */
#include "check.h"
#include "core/sign.h"

static void hexmac(wpllm_hash h, const void *key, size_t klen, const void *data, size_t dlen, char *out)
{
	unsigned char mac[WPLLM_HMAC_MAX];
	size_t n = 0;
	const void *parts[1] = {data};
	size_t lens[1] = {dlen};
	if (wpllm_hmac(h, key, klen, parts, lens, 1, mac, &n) != 0) {
		strcpy(out, "error");
		return;
	}
	wpllm_hex(mac, n, out);
}

void test_sign(void)
{
	char out[2 * WPLLM_HMAC_MAX + 1];
	unsigned char key[131];
	unsigned char data[50];
	char ts[24], sig[65];

	/* RFC 4231 test case 1 */
	memset(key, 0x0b, 20);
	hexmac(WPLLM_SHA256, key, 20, "Hi There", 8, out);
	CHECK_STR(out, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
	hexmac(WPLLM_SHA384, key, 20, "Hi There", 8, out);
	CHECK_STR(out, "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6");
	hexmac(WPLLM_SHA512, key, 20, "Hi There", 8, out);
	CHECK_STR(out, "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854");
	/* test case 2: a key shorter than the output */
	hexmac(WPLLM_SHA256, "Jefe", 4, "what do ya want for nothing?", 28, out);
	CHECK_STR(out, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	/* test case 3 */
	memset(key, 0xaa, 20);
	memset(data, 0xdd, 50);
	hexmac(WPLLM_SHA256, key, 20, data, 50, out);
	CHECK_STR(out, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
	/* test case 6: a key larger than the block */
	memset(key, 0xaa, 131);
	hexmac(WPLLM_SHA256, key, 131, "Test Using Larger Than Block-Size Key - Hash Key First", 54, out);
	CHECK_STR(out, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
	hexmac(WPLLM_SHA512, key, 131, "Test Using Larger Than Block-Size Key - Hash Key First", 54, out);
	CHECK_STR(out, "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598");
	/* test case 7 */
	{
		const char *d = "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.";
		hexmac(WPLLM_SHA256, key, 131, d, strlen(d), out);
		CHECK_STR(out, "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
	}
	/* RFC 2202 HMAC-SHA1 test case 2 */
	hexmac(WPLLM_SHA1, "Jefe", 4, "what do ya want for nothing?", 28, out);
	CHECK_STR(out, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");

	/* a key made ready once gives the same MACs (RFC 4231 cases 2 and 6, twice each: the state is reusable) */
	{
		wpllm_hmac_state st;
		unsigned char mac[WPLLM_HMAC_MAX];
		size_t n = 0;
		const void *parts[2] = {"what do ya want ", "for nothing?"};
		size_t lens[2] = {16, 12};
		int r;
		CHECK_EQ_LL(wpllm_hmac_state_init(&st, WPLLM_SHA256, "Jefe", 4), 0);
		for (r = 0; r < 2; r++) {
			CHECK_EQ_LL(wpllm_hmac_state_mac(&st, parts, lens, 2, mac, &n), 0);
			wpllm_hex(mac, n, out);
			CHECK_STR(out, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
		}
		wpllm_hmac_state_free(&st);
		memset(key, 0xaa, 131);
		CHECK_EQ_LL(wpllm_hmac_state_init(&st, WPLLM_SHA512, key, 131), 0);
		parts[0] = "Test Using Larger Than Block-Size Key - Hash Key First";
		lens[0] = 54;
		CHECK_EQ_LL(wpllm_hmac_state_mac(&st, parts, lens, 1, mac, &n), 0);
		wpllm_hex(mac, n, out);
		CHECK_STR(out, "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598");
		wpllm_hmac_state_free(&st);
		CHECK_EQ_LL(wpllm_hmac_state_init(&st, WPLLM_SHA256, "Jefe", 4), 0);
		CHECK_EQ_LL(wpllm_sign_request_state(&st, 1700000000000LL, "{\"a\":1}", 7, ts, sig), 0);
		hexmac(WPLLM_SHA256, "Jefe", 4, "1700000000000{\"a\":1}", 20, out);
		CHECK_STR(sig, out);
		wpllm_hmac_state_free(&st);
	}

	/* the request signature: HMAC-SHA256(secret, timestamp . body), split across parts */
	CHECK_EQ_LL(wpllm_sign_request("Jefe", 4, 1700000000000LL, "{\"a\":1}", 7, ts, sig), 0);
	CHECK_STR(ts, "1700000000000");
	hexmac(WPLLM_SHA256, "Jefe", 4, "1700000000000{\"a\":1}", 20, out);
	CHECK_STR(sig, out);
	CHECK_EQ_LL(wpllm_sign_request("Jefe", 4, 5, NULL, 0, ts, sig), 0);
	CHECK_STR(ts, "5");
	hexmac(WPLLM_SHA256, "Jefe", 4, "5", 1, out);
	CHECK_STR(sig, out);
}
