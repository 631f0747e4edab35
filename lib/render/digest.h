/* Private part of the digest renderer: the facts found in a document and
 * the flavours that write them. */
#ifndef SKPI_RENDER_DIGEST_H
#define SKPI_RENDER_DIGEST_H

#include "render/render_internal.h"
#include "socialkpi/digest.h"

#define SKPI__DIGEST_MAX_FIGURES 10

typedef struct skpi__digest {
    skpi__render *r;
    int flavour;
    unsigned figures;
    const char *link, *link_text, *next_heading;
    /* found in the document (borrowed from it) */
    const char *title, *subtitle;
    bool has_headline, has_kpis, has_goals, has_okrs;
    size_t headline, kpis, goals, okrs;
    const char *kpi_name, *goals_name, *okrs_name, *next_name;
    size_t rows[SKPI__DIGEST_MAX_FIGURES];
    size_t nrows;
    const char *alert, *next_step;
    /* Teams: Markdown-escaped text gathered here, then written as JSON */
    skpi_buffer scratch;
    skpi_sink scratch_sink;
    skpi__out md;
    unsigned sections; /* written so far */
} skpi__digest;

void skpi__digest_collect(skpi__digest *d, const skpi_doc *doc);
/* The sections of one line per item: key figures, goals, objectives. */
enum { SKPI__DIGEST_KPIS, SKPI__DIGEST_GOALS, SKPI__DIGEST_OKRS, SKPI__DIGEST_SECTIONS };
/* How many lines a section has (0: leave it out) and its name. */
size_t skpi__digest_lines(skpi__digest *d, int section, const char **name);
/* Line i of a section, its name and value formatted for readers. */
void skpi__digest_line(skpi__digest *d, int section, size_t i, char *name, size_t name_size,
                       char *value, size_t value_size);
void skpi__digest_teams(skpi__digest *d);

#endif
