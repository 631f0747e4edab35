/* The table of every text the library writes (report sentences and the
 * renderers' words) and the filling of its {placeholders}: shared by report
 * assembly, the document model and the renderers. */
#ifndef SKPI_CORE_TEMPLATES_H
#define SKPI_CORE_TEMPLATES_H

#include "core/internal.h"
#include "socialkpi/doc.h"

/* The number of templates, and the first of those the renderers use (their
 * words), which the document keeps. */
#define SKPI__TPL_COUNT 222
#define SKPI__TPL_FIRST_WORD 63
#define SKPI__WORD_COUNT (SKPI__TPL_COUNT - SKPI__TPL_FIRST_WORD)
/* The longest "n/a" (SKPI_TPL_NOT_AVAILABLE), in bytes. */
#define SKPI__NA_MAX 24

/* SKPI_OK, or SKPI_EINVAL with a message when text uses a placeholder the
 * template does not offer or has an unbalanced brace. */
int skpi__template_check(int key, const char *text, const char *fn);

/* A growable text; err keeps the first failure. */
typedef struct skpi__text {
    char *buf;
    size_t len, cap;
    int err;
} skpi__text;

typedef struct skpi__arg {
    const char *name;
    const char *value;
} skpi__arg;

int skpi__text_put(skpi__text *t, const char *s, size_t n);
/* Replace t's content with tpl, its {names} filled from args; a plural form
 * "{n, plural, one {# day} other {# days}}" takes the branch CLDR's rules
 * for `locale` choose for n (English for NULL), '#' standing for n's text. The number is the
 * argument's text read as a plain number ("3", "-2.5": counts are written
 * so); any other text takes the "other" form. */
int skpi__text_fill_in(skpi__text *t, const char *tpl, const skpi__arg *args, size_t nargs,
                       const char *locale);
/* skpi__text_fill_in() in English. */
int skpi__text_fill(skpi__text *t, const char *tpl, const skpi__arg *args, size_t nargs);
void skpi__text_free(skpi__text *t);

#endif
