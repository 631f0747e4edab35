/* jansson's allocations, failed from the Nth on, for tests of the code that
 * parses and writes JSON. The test owns the process, so it may replace
 * jansson's allocator (process-wide; the library never does). */
#ifndef SKPI_TEST_JSON_ALLOC_H
#define SKPI_TEST_JSON_ALLOC_H

/* Install the counting allocator in jansson; test_json_alloc_remove() puts
 * malloc and free back. */
void test_json_alloc_install(void);
void test_json_alloc_remove(void);
/* Install a counting allocator in jansson that fails when test_alloc's
 * countdown says so (test_alloc_fail_after(), test_alloc_fail_once()): one
 * count for the library's and jansson's allocations together. After one
 * refusal jansson is refused every allocation until test_json_fail_after()
 * (see test_json_alloc.c for why). */
void test_json_alloc_share(void);
/* Let `n` more allocations succeed, then fail every one (memory that has run
 * out stays out); -1 never fails. */
void test_json_fail_after(long n);
/* Whether an allocation was refused since the last test_json_fail_after(). */
int test_json_refused(void);
/* Blocks jansson holds. */
long test_json_live(void);

#endif
