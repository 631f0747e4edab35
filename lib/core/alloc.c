/* The replaceable allocator every allocation of the library goes through. */
#include "internal.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static void *default_malloc(size_t size, void *ud) { (void)ud; return malloc(size); }
static void *default_realloc(void *p, size_t size, void *ud) { (void)ud; return realloc(p, size); }
static void default_free(void *p, void *ud) { (void)ud; free(p); }

static skpi_allocator current = {
    SKPI_ALLOCATOR_VERSION, default_malloc, default_realloc, default_free, NULL
};
/* Once anything was allocated the allocator may no longer change: blocks
 * would otherwise reach a free function that did not allocate them. */
static atomic_bool used;

int skpi_allocator_init(skpi_allocator *allocator, unsigned version)
{
    if (allocator == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_allocator_init: allocator is NULL");
    if (version != SKPI_ALLOCATOR_VERSION)
        return skpi__error(SKPI_EVERSION,
                           "skpi_allocator_init: version %u is unknown (this library knows %d)",
                           version, SKPI_ALLOCATOR_VERSION);
    memset(allocator, 0, sizeof *allocator);
    allocator->version = version;
    return SKPI_OK;
}

int skpi_set_allocator(const skpi_allocator *allocator)
{
    if (allocator != NULL) {
        if (allocator->version != SKPI_ALLOCATOR_VERSION)
            return skpi__error(SKPI_EVERSION,
                               "skpi_set_allocator: version %u is unknown (this library knows %d)",
                               allocator->version, SKPI_ALLOCATOR_VERSION);
        if (!allocator->malloc_fn || !allocator->realloc_fn || !allocator->free_fn)
            return skpi__error(SKPI_EINVAL,
                               "skpi_set_allocator: malloc_fn, realloc_fn and free_fn are all required");
    }
    if (atomic_load(&used))
        return skpi__error(SKPI_EMISUSE,
                           "skpi_set_allocator: the library has already allocated memory; "
                           "set the allocator before any other call");
    if (allocator == NULL) {
        current.malloc_fn = default_malloc;
        current.realloc_fn = default_realloc;
        current.free_fn = default_free;
        current.userdata = NULL;
    } else {
        current = *allocator;
    }
    return SKPI_OK;
}

void *skpi__malloc(size_t size)
{
    atomic_store_explicit(&used, true, memory_order_relaxed);
    return current.malloc_fn(size ? size : 1, current.userdata);
}

void *skpi__calloc(size_t count, size_t size)
{
    size_t total;
    if (skpi__mul_overflows(count, size, &total)) return NULL;
    void *p = skpi__malloc(total);
    if (p) memset(p, 0, total ? total : 1);
    return p;
}

void *skpi__realloc(void *ptr, size_t size)
{
    atomic_store_explicit(&used, true, memory_order_relaxed);
    return current.realloc_fn(ptr, size ? size : 1, current.userdata);
}

void *skpi__reallocarray(void *ptr, size_t count, size_t size)
{
    size_t total;
    if (skpi__mul_overflows(count, size, &total)) return NULL;
    return skpi__realloc(ptr, total);
}

bool skpi__grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return true;
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > (size_t)-1 / 2) return false;
        n *= 2;
    }
    void *q = skpi__reallocarray(*p, n, elem);
    if (q == NULL) return false;
    *p = q;
    *cap = n;
    return true;
}

void skpi__free(void *ptr)
{
    if (ptr) current.free_fn(ptr, current.userdata);
}

void skpi_free(void *ptr) { skpi__free(ptr); }

char *skpi__strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = skpi__malloc(n);
    if (copy) memcpy(copy, s, n);
    return copy;
}
