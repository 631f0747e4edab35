/* A counting allocator for tests that can fail the Nth allocation. */
#ifndef SKPI_TEST_ALLOC_H
#define SKPI_TEST_ALLOC_H

#include <stddef.h>

/* Install the counting allocator; call first thing in main(). */
void test_alloc_install(void);
/* Fail the allocation after `n` more succeed; -1 never fails. */
void test_alloc_fail_after(long n);
/* Blocks allocated and not freed. */
long test_alloc_live(void);
/* Allocations failed since the last test_alloc_fail_after(). */
long test_alloc_failures(void);

#endif
