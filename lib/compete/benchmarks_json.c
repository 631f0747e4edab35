/* Benchmark tables from JSON (an array of objects, or {"benchmarks": [...]})
 * and from files, CSV or JSON by the file's name. */
#include "compete/compete_internal.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#define FILE_MAX ((size_t)16 << 20)

static const char *const members[] = { "metric", "network", "industry", "period", "value", "source" };

static int one_entry(skpi__benchmark *out, const skpi_benchmarks *b, const json_t *e, size_t i)
{
    char where[48];
    snprintf(where, sizeof where, "benchmarks[%zu]", i);
    if (!json_is_object(e)) return skpi__error(SKPI_EPARSE, "%s: expected an object", where);
    const char *s[6] = { 0 };
    for (size_t m = 0; m < 6; m++) {
        const json_t *v = json_object_get(e, members[m]);
        if (!v) return skpi__error(SKPI_EPARSE, "%s.%s: required", where, members[m]);
        if (m == 4) {
            if (!json_is_number(v)) return skpi__error(SKPI_EPARSE, "%s.value: expected a number", where);
            continue;
        }
        if (!json_is_string(v)) return skpi__error(SKPI_EPARSE, "%s.%s: expected a string", where, members[m]);
        s[m] = json_string_value(v);
    }
    return skpi__benchmark_make(out, b, where, s[0], s[1], s[2], s[3],
                                json_number_value(json_object_get(e, "value")), s[5]);
}

int skpi_benchmarks_load_json(skpi_benchmarks *b, const char *text, size_t size)
{
    if (!b || (!text && size > 0)) return skpi__error(SKPI_EMISUSE, "skpi_benchmarks_load_json: NULL argument");
    json_error_t err;
    memset(&err, 0, sizeof err);
    json_t *root = json_loadb(text ? text : "", size, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        if (err.text[0] == '\0') return skpi__nomem();
        return skpi__error(SKPI_EPARSE, "line %d, column %d: %s", err.line, err.column, err.text);
    }
    const json_t *list = json_is_object(root) ? json_object_get(root, "benchmarks") : root;
    int rc = SKPI_OK;
    if (!json_is_array(list))
        rc = skpi__error(SKPI_EPARSE, "expected an array of benchmarks, or an object with a \"benchmarks\" array");
    size_t n = rc == SKPI_OK ? json_array_size(list) : 0, made = 0;
    skpi__benchmark *rows = n ? skpi__calloc(n, sizeof *rows) : NULL;
    if (n && !rows) rc = skpi__nomem();
    for (size_t i = 0; i < n && rc == SKPI_OK; i++) {
        if ((rc = one_entry(&rows[i], b, json_array_get(list, i), i)) == SKPI_OK) made++;
    }
    if (rc == SKPI_OK) rc = skpi__benchmarks_append(b, rows, made);
    if (rc != SKPI_OK)
        for (size_t i = 0; i < made; i++) skpi__benchmark_clear(&rows[i]);
    skpi__free(rows);
    json_decref(root);
    return rc;
}

static int read_all(char **out, size_t *size, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return skpi__error(SKPI_EIO, "%s: cannot open it: %s", path, strerror(errno));
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int rc = SKPI_OK;
    for (;;) {
        void *p = buf;
        if (!skpi__grow(&p, &cap, len + 4096, 1)) { rc = skpi__nomem(); break; }
        buf = p;
        size_t got = fread(buf + len, 1, cap - len, fp);
        len += got;
        if (len > FILE_MAX) { rc = skpi__error(SKPI_ERANGE, "%s: larger than %zu bytes", path, FILE_MAX); break; }
        if (got == 0) {
            if (ferror(fp)) rc = skpi__error(SKPI_EIO, "%s: cannot read it", path);
            break;
        }
    }
    fclose(fp);
    if (rc != SKPI_OK) { skpi__free(buf); return rc; }
    *out = buf;
    *size = len;
    return SKPI_OK;
}

int skpi_benchmarks_load_file(skpi_benchmarks *b, const char *path)
{
    if (!b || !path) return skpi__error(SKPI_EMISUSE, "skpi_benchmarks_load_file: NULL argument");
    char *text = NULL;
    size_t size = 0;
    int rc = read_all(&text, &size, path);
    if (rc != SKPI_OK) return rc;
    size_t n = strlen(path);
    bool json = n >= 5 && strcmp(path + n - 5, ".json") == 0;
    rc = json ? skpi_benchmarks_load_json(b, text, size) : skpi_benchmarks_load_csv(b, text, size);
    skpi__free(text);
    if (rc != SKPI_OK && rc != SKPI_ENOMEM) {
        char msg[512];
        snprintf(msg, sizeof msg, "%s", skpi_last_error());
        skpi__error(rc, "%s: %s", path, msg);
    }
    return rc;
}
