/* A counting allocator for tests that can fail the Nth allocation. */
#ifndef SKPI_TEST_ALLOC_H
#define SKPI_TEST_ALLOC_H

#include <stddef.h>

/* Install the counting allocator; call first thing in main(). */
void test_alloc_install(void);
/* Fail the allocation after `n` more succeed; -1 never fails. */
void test_alloc_fail_after(long n);
/* Fail only the allocation after `n` more succeed; later ones succeed. */
void test_alloc_fail_once(long n);
/* Whether the next allocation fails, counted as one: for other allocators
 * (jansson's, SQLite's) whose failures should share the library's count. */
int test_alloc_refuse(void);
/* Blocks allocated and not freed. */
long test_alloc_live(void);
/* Allocations failed since the last test_alloc_fail_after(). */
long test_alloc_failures(void);

#endif
