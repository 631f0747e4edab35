/* Rows held back until the end of a file, and the years of dates written
 * without one (TikTok Studio's "February 28"), inferred from the order of
 * all the rows. */
#include "import/held_rows.h"
#include "core/internal.h"

#include <stdint.h>
#include <string.h>

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap : 64;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return false;
        n *= 2;
    }
    void *q = skpi__reallocarray(*p, n, size);
    if (q == NULL)
        return false;
    *p = q;
    *cap = n;
    return true;
}

int skpi__held_add(skpi__held_rows *h, const skpi__record *r)
{
    size_t bytes = 0;
    for (size_t i = 0; i < r->n; i++)
        bytes += r->len[i] + 1;
    if (!grow((void **)&h->text, &h->ctext, h->ntext + bytes, 1) ||
        !grow((void **)&h->len, &h->clen, h->nlen + r->n, sizeof *h->len) ||
        !grow((void **)&h->row, &h->crow, h->nrow + 1, sizeof *h->row))
        return skpi__nomem();
    h->row[h->nrow++] = (skpi__held_row){ r->line, r->n, h->ntext, h->nlen };
    for (size_t i = 0; i < r->n; i++) {
        memcpy(h->text + h->ntext, r->field[i], r->len[i] + 1);
        h->ntext += r->len[i] + 1;
        h->len[h->nlen++] = r->len[i];
    }
    if (r->n > h->max_fields)
        h->max_fields = r->n;
    return SKPI_OK;
}

void skpi__held_get(const skpi__held_rows *h, size_t i, const char **field, size_t *len,
                    skpi__record *out)
{
    const skpi__held_row *row = &h->row[i];
    size_t off = row->text;
    for (size_t k = 0; k < row->n; k++) {
        field[k] = h->text + off;
        len[k] = h->len[row->len + k];
        off += len[k] + 1;
    }
    out->n = row->n;
    out->field = field;
    out->len = len;
    out->line = row->line;
}

void skpi__held_free(skpi__held_rows *h)
{
    skpi__free(h->text);
    skpi__free(h->len);
    skpi__free(h->row);
    memset(h, 0, sizeof *h);
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* The day of the year of month * 32 + day, counted in a leap year. */
static unsigned day_of_year(unsigned key)
{
    static const unsigned before[13] = { 0, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305,
                                         335 };
    return before[key / 32 % 13] + key % 32;
}

bool skpi__infer_years(const unsigned *key, size_t n, int ex_year, unsigned ex_key, int *years,
                       size_t *bad)
{
    /* The order is the one whose steps from row to row add up to the
     * shorter time: oldest first, a daily file's steps are one day each;
     * read newest first they would be a year less a day. */
    uint64_t forward = 0, backward = 0;
    size_t prev = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (key[i] == 0)
            continue;
        if (prev != SIZE_MAX) {
            unsigned a = day_of_year(key[prev]), b = day_of_year(key[i]);
            forward += (b + 366 - a) % 366;
            backward += (a + 366 - b) % 366;
        }
        prev = i;
    }
    bool ascending = forward <= backward;
    /* From the latest row back, a step to a later day of the year is a
     * step into the year before. */
    size_t count = 0;
    unsigned later = 0;
    int y = ex_year;
    for (size_t k = 0; k < n; k++) {
        size_t i = ascending ? n - 1 - k : k;
        years[i] = 0;
        if (key[i] == 0)
            continue;
        if (count++ == 0)
            y = key[i] > ex_key ? ex_year - 1 : ex_year;
        else if (key[i] > later)
            y--;
        later = key[i];
        years[i] = y;
    }
    for (int shift = 0; shift <= 3; shift++) {
        size_t i = 0;
        while (i < n && !(key[i] == 2 * 32 + 29 && !leap(years[i] - shift)))
            i++;
        if (i == n) {
            for (size_t k = 0; k < n; k++)
                if (key[k] != 0)
                    years[k] -= shift;
            return true;
        }
        *bad = i;
    }
    return false;
}
