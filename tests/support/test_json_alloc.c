/* A failing, counting allocator for jansson (test_json_alloc.h). */
#include "test_json_alloc.h"

#include <jansson.h>
#include <stdlib.h>

static long countdown = -1, live;
static int refused;

static void *failing_malloc(size_t size)
{
    if (countdown == 0) {
        refused = 1;
        return NULL;
    }
    if (countdown > 0) countdown--;
    void *p = malloc(size);
    if (p) live++;
    return p;
}

static void counting_free(void *p)
{
    if (p) live--;
    free(p);
}

void test_json_alloc_install(void) { json_set_alloc_funcs(failing_malloc, counting_free); }
void test_json_alloc_remove(void) { json_set_alloc_funcs(malloc, free); }

void test_json_fail_after(long n)
{
    countdown = n;
    refused = 0;
}

int test_json_refused(void) { return refused; }
long test_json_live(void) { return live; }
