/* Run one function on several threads at once, for the tests that share a
 * handle between threads. */
#ifndef SKPI_TEST_THREADS_H
#define SKPI_TEST_THREADS_H

#include <stddef.h>

/* Start fn(args + i * size) for i in [0, n) (n at most 16) on threads of
 * their own and join them all; aborts the test when a thread cannot start. */
void test_threads_run(void *(*fn)(void *), void *args, size_t size, int n);

#endif
