/* A mention's sentiment as listening tools write it: a label or a score. */
#ifndef SKPI_IMPORT_SENTIMENT_H
#define SKPI_IMPORT_SENTIMENT_H

#include <stddef.h>

enum {
    SKPI__SENTIMENT_POSITIVE = 0,
    SKPI__SENTIMENT_NEUTRAL = 1,
    SKPI__SENTIMENT_NEGATIVE = 2,
    SKPI__SENTIMENT_NONE = -1, /* not classified: an empty cell or "unclassified" */
    SKPI__SENTIMENT_BAD = -2   /* neither a known label nor a number */
};

/* The class of a sentiment cell: "positive", "neutral", "negative" (any
 * case; "mixed" counts as neutral), or a signed score whose sign decides
 * (Talkwalker's -5..5, a -1..1 model score, 0 neutral). */
int skpi__sentiment_class(const char *s, size_t n);

#endif
