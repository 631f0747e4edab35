/* jansson's allocations, failed from the Nth on, for tests of the code that
 * parses and writes JSON. The test owns the process, so it may replace
 * jansson's allocator (process-wide; the library never does). */
#ifndef SKPI_TEST_JSON_ALLOC_H
#define SKPI_TEST_JSON_ALLOC_H

/* Install the counting allocator in jansson; test_json_alloc_remove() puts
 * malloc and free back. */
void test_json_alloc_install(void);
void test_json_alloc_remove(void);
/* Let `n` more allocations succeed, then fail every one (memory that has run
 * out stays out); -1 never fails. */
void test_json_fail_after(long n);
/* Whether an allocation was refused since the last test_json_fail_after(). */
int test_json_refused(void);
/* Blocks jansson holds. */
long test_json_live(void);

#endif
