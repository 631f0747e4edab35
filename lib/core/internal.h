/* Private helpers shared by every module: errors, allocation, overflow checks. */
#ifndef SKPI_CORE_INTERNAL_H
#define SKPI_CORE_INTERNAL_H

#include "socialkpi/common.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#if defined(__GNUC__)
#  define SKPI__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define SKPI__PRINTF(f, a)
#endif

/* Set the thread-local message from a format and return code, so that error
 * paths read `return skpi__error(SKPI_EINVAL, "...", ...);`. */
int skpi__error(int code, const char *fmt, ...) SKPI__PRINTF(2, 3);
int skpi__verror(int code, const char *fmt, va_list ap);

/* Reports SKPI_ENOMEM without allocating. */
int skpi__nomem(void);

/* The callback contract: a non-zero return from a host callback becomes
 * SKPI_ECALLBACK, keeping a message the callback set itself. Call
 * skpi__callback_begin() before invoking the callback. */
void skpi__callback_begin(void);
int skpi__callback_failed(int rc, const char *what);

/* Switch the calling thread to the C locale and back, so that printf-style
 * formatting writes '.' as decimal point whatever setlocale the host chose.
 * enter returns SKPI_ENOMEM when no C locale can be made; skpi__locale_c
 * re-enters after a leave (around host callbacks, which see the host's own
 * locale). */
int skpi__locale_enter(void **saved);
void skpi__locale_leave(void *saved);
void skpi__locale_c(void);

/* The shortest precision (1 to 17) at which "%.*g" prints v so that strtod
 * reads it back exactly (shortest.c); v finite. */
int skpi__shortest_precision(double v);
bool skpi__reads_back(double v, int precision);

void *skpi__malloc(size_t size);
void *skpi__calloc(size_t count, size_t size);
void *skpi__realloc(void *ptr, size_t size);
/* realloc to count * size bytes, failing (NULL) on overflow. */
void *skpi__reallocarray(void *ptr, size_t count, size_t size);
void skpi__free(void *ptr);
char *skpi__strdup(const char *s);
/* Drop an incomplete UTF-8 sequence at the end of s, as a cut to a
 * buffer's size leaves: the text stays valid. */
void skpi__utf8_trim_tail(char *s);
/* Make room for `need` elements of `elem` bytes in *p, which holds *cap:
 * capacity doubles from 8, so n pushes cost O(n). False (and *p, *cap
 * untouched) when the allocation fails or the size overflows. */
bool skpi__grow(void **p, size_t *cap, size_t need, size_t elem);

/* true when a * b overflows size_t. */
static inline bool skpi__mul_overflows(size_t a, size_t b, size_t *out)
{
#if defined(__GNUC__)
    return __builtin_mul_overflow(a, b, out);
#else
    if (b != 0 && a > (size_t)-1 / b) return true;
    *out = a * b;
    return false;
#endif
}

#endif
