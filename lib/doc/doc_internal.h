/* The document model's layout, shared by the model's sources and the renderers. */
#ifndef SKPI_DOC_INTERNAL_H
#define SKPI_DOC_INTERNAL_H

#include "core/templates.h"
#include "doc/arena.h"
#include "socialkpi/doc.h"

typedef struct skpi__span {
    int style;
    const char *text;
} skpi__span;

typedef struct skpi__series {
    const char *name;
    int style;
    size_t length;
    const char **labels;
    double *values;
    const size_t *cat;       /* the category of each point (NULL: no points) */
} skpi__series;

/* A chart category's name for readers, by its label. */
typedef struct skpi__cat_name {
    const char *label, *name;
} skpi__cat_name;

typedef struct skpi__objective {
    skpi_doc_objective o;    /* strings in the arena */
    size_t count, cap;       /* key results */
    skpi_doc_key_result *krs;
} skpi__objective;

/* One block. Which members mean something depends on kind; items is an
 * array of count elements whose type follows the kind:
 *   paragraph: skpi__span        kpi table: skpi_doc_kpi_row
 *   table: const char ** (row)   chart: skpi__series
 *   goals: skpi_doc_goal         objectives: skpi__objective
 *   posts: skpi_doc_post         list: const char *
 * Items arrays are separate allocations (they grow); everything they point
 * to lives in the document's arena. */
typedef struct skpi__block {
    int kind;
    int level;               /* heading level; list: ordered; callout: kind */
    const char *title;       /* heading text, caption, callout title; NULL: none */
    const char *text;        /* callout text */
    const char *comparison;  /* KPI table: first comparison heading */
    const char *comparison2; /* KPI table: second comparison heading or NULL */
    size_t columns;          /* table */
    const char **headers;    /* table: columns headers */
    int *align;              /* table: columns alignments */
    skpi_doc_chart chart;    /* chart: strings in the arena */
    const char *const *cats; /* chart: category labels, in the arena */
    size_t ncat;
    bool cats_union;         /* chart: cats is the union of distinct labels,
                                not the labels every series shares */
    int axis;                /* chart: an skpi_chart_axis */
    struct skpi__cat_name *names; /* chart: names for readers by label, in the arena */
    size_t nnames;
    const char *period_key;  /* KPI table: first comparison period's key or NULL */
    const char *period_key2; /* KPI table: second comparison period's key or NULL */
    const char **keys;       /* KPI table, posts: channel key per item (NULL: none), in the arena */
    size_t nkeys;
    size_t count, cap;
    void *items;
    double **heat;           /* table: per row NULL or `columns` heats (arena) */
    size_t heat_rows;        /* rows heat has room for */
} skpi__block;

struct skpi_doc {
    skpi__arena arena;
    const char *title;       /* never NULL: "" when unset */
    const char *subtitle;
    const char *currency;
    const char *language;
    const char *locale;      /* NULL: the built-in number shape */
    const char *time_zone;   /* NULL: times in UTC, not said */
    const char *words[SKPI__WORD_COUNT]; /* NULL: the default */
    bool has_period;
    skpi_period period;
    const char *period_label;
    const char *period_name; /* "March 2026"; NULL: none */
    size_t count, cap;
    skpi__block *blocks;
};

/* The text a renderer uses for template `key` (a word): the document's, or
 * the default. */
const char *skpi__doc_word(const skpi_doc *doc, int key);

/* Make room for one more element in a growable array; SKPI_ENOMEM. */
int skpi__doc_reserve(void **items, size_t *cap, size_t count, size_t elem);

/* Append a block (a copy of *b) to the document; SKPI_ENOMEM. */
int skpi__doc_push_block(size_t *out, skpi_doc *doc, const skpi__block *b);

/* The block at index `block`, which must be of `kind` (-1: any); else the
 * error code with a message naming `fn`. */
int skpi__doc_block(const skpi__block **out, const skpi_doc *doc, size_t block, int kind,
                    const char *fn);
int skpi__doc_block_mut(skpi__block **out, skpi_doc *doc, size_t block, int kind, const char *fn);

/* Field checks for the add functions: SKPI_OK or SKPI_EINVAL naming the field. */
int skpi__doc_check_value(skpi_value v, const char *fn, const char *field);
int skpi__doc_check_unit(int unit, const char *fn);
int skpi__doc_check_tone(int tone, const char *fn);
/* A status or band key: 1 to 32 of [a-z0-9_]. */
int skpi__doc_check_key(const char *key, const char *fn, const char *field);
/* Unavailable values read back as NaN. */
skpi_value skpi__doc_value(skpi_value v);

/* Place a new series' points on its chart's category axis (b->cats),
 * before the series is appended to b; SKPI_ENOMEM leaves b unchanged. */
int skpi__doc_chart_place(skpi__block *b, skpi__series *s, skpi__arena *arena);

/* Check a caller's versioned struct before reading or filling it. */
int skpi__doc_check_version(const void *ptr, unsigned known, const char *fn, const char *what);

#endif
