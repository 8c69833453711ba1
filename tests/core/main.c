/* main.c: runs every core unit test and prints the plain summary line. */
#include "check.h"

int check_passed, check_failed;

int main(void)
{
	test_retry();
	test_url();
	test_error();
	test_sign();
	test_util();
	test_jwt();
	test_stream();
	printf("core: %d passed, %d failed\n", check_passed, check_failed);
	return check_failed ? 1 : 0;
}
