/* A failing, counting allocator for jansson (test_json_alloc.h). */
#include "test_json_alloc.h"
#include "test_alloc.h"

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

/* Shared: whether to fail is test_alloc's decision, counted with the
 * library's. Once jansson was refused, it stays refused (until
 * test_json_fail_after()) even when test_alloc fails only once: jansson's
 * lexer drops a byte of a string whose buffer could not grow and goes on
 * (lex_save() ignores the failure), so memory that comes back mid-parse
 * would change the text read rather than fail the parse. */
static void *shared_malloc(size_t size)
{
    if (refused || test_alloc_refuse()) {
        refused = 1;
        return NULL;
    }
    void *p = malloc(size);
    if (p) live++;
    return p;
}

void test_json_alloc_share(void) { json_set_alloc_funcs(shared_malloc, counting_free); }
void test_json_alloc_install(void) { json_set_alloc_funcs(failing_malloc, counting_free); }
void test_json_alloc_remove(void) { json_set_alloc_funcs(malloc, free); }

void test_json_fail_after(long n)
{
    countdown = n;
    refused = 0;
}

int test_json_refused(void) { return refused; }
long test_json_live(void) { return live; }
