/* Word wrapping of the plain-text renderer: lines break at spaces only, and
 * never between a figure and its unit, sign or parenthesis. */
#ifndef SKPI_RENDER_TEXT_WRAP_H
#define SKPI_RENDER_TEXT_WRAP_H

#include "render/render_internal.h"

/* Words go into a pending chunk that is written once a breakable space
 * follows it, so that the whole chunk ("12.3 %", "(+4.5%)") moves to the
 * next line when it does not fit. Widths are display columns
 * (text_width.h); East Asian text may also break between its characters
 * where Unicode allows it. */
typedef struct skpi__wrap {
    skpi__render *r;
    size_t col, indent;
    bool space;        /* a space is owed before the next word */
    char chunk[1024];  /* words that stay on one line, not written yet */
    size_t len, width; /* bytes and columns in chunk */
    bool lead;         /* a space goes before the chunk unless it starts a line */
    size_t last;       /* where the chunk's last word starts */
} skpi__wrap;

/* Start a paragraph: the prefix, then padding up to indent; continuation
 * lines start at indent. */
void skpi__wrap_start(skpi__wrap *w, skpi__render *r, const char *prefix, size_t indent);
/* Add text: runs of white space become one space, where a line may break
 * unless it sits inside a figure ("12.3 %", "1 234" with a space as digit
 * group, "EUR 12"). Text added right after other text (w->space false)
 * sticks to it. */
void skpi__wrap_text(skpi__wrap *w, const char *s);
/* Add one word of n bytes as it is (spaces in it do not break). */
void skpi__wrap_word(skpi__wrap *w, const char *s, size_t n);
/* Add text that sticks to what comes before it (":", ")", ";"). */
void skpi__wrap_glue(skpi__wrap *w, const char *s);
/* Write what is pending and end the line. */
void skpi__wrap_end(skpi__wrap *w);
/* Write n spaces. */
void skpi__wrap_pad(skpi__render *r, size_t n);

#endif
