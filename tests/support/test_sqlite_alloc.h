/* SQLite's allocations, failed on test_alloc's count, for tests of how the
 * store meets SQLite running out of memory. The test owns the process, so
 * it may replace SQLite's allocator (process-wide; the library never does). */
#ifndef SKPI_TEST_SQLITE_ALLOC_H
#define SKPI_TEST_SQLITE_ALLOC_H

/* Wrap SQLite's allocator; call before any other SQLite call (it must come
 * before sqlite3_initialize()). Returns an SQLite code. */
int test_sqlite_alloc_install(void);
/* Non-zero: SQLite's allocations ask test_alloc whether to fail
 * (test_alloc_fail_after(), test_alloc_fail_once()), counted with the
 * library's; 0 (the start): they never fail. */
void test_sqlite_alloc_share(int on);

#endif
