/* test_util.c: identifiers, header checks, buffers, constant-time compare. */
#include "check.h"
#include "core/util.h"
#include "core/buf.h"

void test_util(void)
{
	char a[WPLLM_UUID_LEN + 1], b[WPLLM_UUID_LEN + 1];
	unsigned char fixed[16];
	wpllm_buf buf = WPLLM_BUF_INIT;
	int i;

	memset(fixed, 0xff, sizeof(fixed));
	wpllm_uuid4_format(fixed, a);
	CHECK_STR(a, "ffffffff-ffff-4fff-bfff-ffffffffffff");
	memset(fixed, 0, sizeof(fixed));
	wpllm_uuid4_format(fixed, a);
	CHECK_STR(a, "00000000-0000-4000-8000-000000000000");
	CHECK_EQ_LL(wpllm_uuid4(a), 0);
	CHECK_EQ_LL(wpllm_uuid4(b), 0);
	CHECK_EQ_LL(strlen(a), 36);
	CHECK(a[14] == '4');
	CHECK(a[19] == '8' || a[19] == '9' || a[19] == 'a' || a[19] == 'b');
	CHECK(strcmp(a, b) != 0);

	CHECK(wpllm_header_name_valid("X-Custom_Header.1", 17));
	CHECK(!wpllm_header_name_valid("", 0));
	CHECK(!wpllm_header_name_valid("X Custom", 8));
	CHECK(!wpllm_header_name_valid("X:Custom", 8));
	CHECK(!wpllm_header_name_valid("X\r\nA", 4));
	CHECK(!wpllm_header_name_valid("X\0A", 3));
	CHECK(wpllm_header_value_valid("a b\tc", 5));
	CHECK(wpllm_header_value_valid("", 0));
	CHECK(!wpllm_header_value_valid("a\rb", 3));
	CHECK(!wpllm_header_value_valid("a\nb", 3));
	CHECK(!wpllm_header_value_valid("a\0b", 3));
	CHECK(!wpllm_header_value_valid("a\x7f", 2));

	CHECK(wpllm_ct_equal("abc", "abc", 3));
	CHECK(!wpllm_ct_equal("abc", "abd", 3));

	{
		int failures = 0;
		for (i = 0; i < 1000; i++) {
			failures += wpllm_buf_append(&buf, "0123456789", 10) != 0;
		}
		CHECK_EQ_LL(failures, 0);
	}
	CHECK_EQ_LL(buf.len, 10000);
	CHECK(memcmp(buf.data + 9990, "0123456789", 10) == 0);
	CHECK(buf.data[10000] == '\0');
	CHECK(buf.cap >= 10001);
	wpllm_buf_reset(&buf);
	CHECK_EQ_LL(buf.len, 0);
	CHECK_EQ_LL(wpllm_buf_append(&buf, "secret", 6), 0);
	wpllm_buf_wipe_free(&buf);
	CHECK(buf.data == NULL);
	CHECK_EQ_LL(wpllm_buf_reserve(&buf, (size_t)-1), -1);
	wpllm_buf_free(&buf);

	{
		int64_t t0 = wpllm_monotonic_ms();
		wpllm_sleep_ms(20);
		CHECK(wpllm_monotonic_ms() - t0 >= 20);
	}
}
