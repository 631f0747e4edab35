/* Building the jansson tree of a document and dumping it. Allocation
 * failures are remembered in the writer and reported once, so that the
 * savers read as straight lists of members. */
#include "definitions/defs_internal.h"

#include <math.h>
#include <string.h>

json_t *skpi__w_object(skpi__writer *w)
{
    json_t *o = json_object();
    if (o == NULL) w->failed = true;
    return o;
}

json_t *skpi__w_array(skpi__writer *w)
{
    json_t *a = json_array();
    if (a == NULL) w->failed = true;
    return a;
}

/* Both take the reference to value, also when they fail. */
void skpi__w_set(skpi__writer *w, json_t *obj, const char *key, json_t *value)
{
    if (obj == NULL || value == NULL) {
        json_decref(value);
        w->failed = true;
        return;
    }
    if (json_object_set_new(obj, key, value) != 0) w->failed = true;
}

void skpi__w_append(skpi__writer *w, json_t *array, json_t *value)
{
    if (array == NULL || value == NULL) {
        json_decref(value);
        w->failed = true;
        return;
    }
    if (json_array_append_new(array, value) != 0) w->failed = true;
}

json_t *skpi__w_string(skpi__writer *w, const char *s)
{
    json_t *v = json_string(s);
    if (v == NULL) w->failed = true;
    return v;
}

/* Whole numbers within 2^53 are written as integers ("1000", not
 * "1000.0"); other numbers as reals, whose precision the dump chooses. */
json_t *skpi__w_number(skpi__writer *w, double v)
{
    json_t *n;
    if (fabs(v) < 9007199254740992.0 && v == floor(v)) {
        n = json_integer((json_int_t)v);
    } else {
        int p = skpi__shortest_precision(v);
        if (p > w->precision) w->precision = p;
        n = json_real(v);
    }
    if (n == NULL) w->failed = true;
    return n;
}

json_t *skpi__w_time(skpi__writer *w, skpi_time t)
{
    char buf[64];
    int rc;
    if (t == SKPI_TIME_END) {
        /* The end of the last accepted second, allowed as a period's end. */
        strcpy(buf, "10000-01-01");
        rc = SKPI_OK;
    } else if (((t % 86400) + 86400) % 86400 == 0) {
        rc = skpi_time_format_date(buf, sizeof buf, t, 0);
    } else {
        rc = skpi_time_format(buf, sizeof buf, t, 0);
    }
    /* Every time the library holds is in range, so formatting cannot fail. */
    if (rc != SKPI_OK) buf[0] = '\0';
    return skpi__w_string(w, buf);
}

/* Whether every real of the tree reads back at this precision. Rounding to
 * more digits than the shortest almost always reads back too, but at a
 * power of two the interval of decimals that read back is lopsided, so the
 * tree is checked rather than trusted. */
static bool all_read_back(const json_t *v, int precision)
{
    if (json_is_real(v)) return skpi__reads_back(json_real_value(v), precision);
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++)
            if (!all_read_back(json_array_get(v, i), precision)) return false;
    } else if (json_is_object(v)) {
        const char *key;
        json_t *member;
        json_object_foreach((json_t *)v, key, member)
            if (!all_read_back(member, precision)) return false;
    }
    return true;
}

int skpi__w_dump(char **out, size_t *size, skpi__writer *w, const json_t *root)
{
    if (w->failed || root == NULL) return skpi__nomem();
    int precision = w->precision < 1 ? 1 : w->precision;
    while (precision < 17 && !all_read_back(root, precision)) precision++;
    size_t flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(precision);
    size_t n = json_dumpb(root, NULL, 0, flags);
    if (n == 0) return skpi__nomem();
    char *text = skpi__malloc(n + 2);
    if (text == NULL) return skpi__nomem();
    if (json_dumpb(root, text, n, flags) != n) {
        skpi__free(text);
        return skpi__nomem();
    }
    text[n] = '\n';
    text[n + 1] = '\0';
    *out = text;
    if (size) *size = n + 1;
    return SKPI_OK;
}
