/* SQLite's allocator, wrapped to fail on test_alloc's count (test_sqlite_alloc.h). */
#include "test_sqlite_alloc.h"
#include "test_alloc.h"

#include <sqlite3.h>

static sqlite3_mem_methods base;
static int shared;

static void *s_malloc(int n) { return shared && test_alloc_refuse() ? NULL : base.xMalloc(n); }

static void *s_realloc(void *p, int n)
{
    return shared && test_alloc_refuse() ? NULL : base.xRealloc(p, n);
}

int test_sqlite_alloc_install(void)
{
    int rc = sqlite3_config(SQLITE_CONFIG_GETMALLOC, &base);
    if (rc != SQLITE_OK) return rc;
    sqlite3_mem_methods m = base;
    m.xMalloc = s_malloc;
    m.xRealloc = s_realloc;
    return sqlite3_config(SQLITE_CONFIG_MALLOC, &m);
}

void test_sqlite_alloc_share(int on) { shared = on; }
