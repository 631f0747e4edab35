/* Counting, failure-injecting allocator used by the out-of-memory tests. */
#include "test_alloc.h"

#include <socialkpi.h>
#include <stdio.h>
#include <stdlib.h>

static long countdown = -1;
static long live;
static long failures;
static int once; /* memory comes back after the one failure */

static int should_fail(void)
{
    if (countdown < 0) return 0;
    if (countdown == 0) {
        failures++;
        if (once) countdown = -1;
        return 1;
    }
    countdown--;
    return 0;
}

static void *t_malloc(size_t size, void *ud)
{
    (void)ud;
    if (should_fail()) return NULL;
    void *p = malloc(size);
    if (p) live++;
    return p;
}

static void *t_realloc(void *ptr, size_t size, void *ud)
{
    (void)ud;
    if (should_fail()) return NULL;
    void *p = realloc(ptr, size);
    if (p && ptr == NULL) live++;
    return p;
}

static void t_free(void *ptr, void *ud)
{
    (void)ud;
    if (ptr) { live--; free(ptr); }
}

void test_alloc_install(void)
{
    skpi_allocator a = SKPI_ALLOCATOR_INIT;
    a.malloc_fn = t_malloc;
    a.realloc_fn = t_realloc;
    a.free_fn = t_free;
    if (skpi_set_allocator(&a) != SKPI_OK) {
        fprintf(stderr, "test_alloc_install: %s\n", skpi_last_error());
        abort();
    }
}

void test_alloc_fail_after(long n) { countdown = n; failures = 0; once = 0; }
void test_alloc_fail_once(long n) { countdown = n; failures = 0; once = 1; }
int test_alloc_refuse(void) { return should_fail(); }
long test_alloc_live(void) { return live; }
long test_alloc_failures(void) { return failures; }
