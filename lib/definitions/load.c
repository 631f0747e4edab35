/* Loading a definitions document: the JSON text, its version, then the
 * metrics, goals and objectives into a new handle, all or nothing. */
#define _POSIX_C_SOURCE 200809L
#include "definitions/defs_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *const root_members[] = {
    "$schema", "version", "metrics", "goals", "objectives", "reports", "team", "competitors",
    "benchmarks", "campaigns", NULL
};

static int check_version(const json_t *root)
{
    const json_t *v = skpi__json_member(root, "version");
    if (v == NULL)
        return skpi__error(SKPI_EINVAL, "version: required (this library reads version %d)",
                           SKPI__DEFS_VERSION);
    if (!json_is_integer(v))
        return skpi__error(SKPI_EINVAL, "version: expected the integer %d, found %s",
                           SKPI__DEFS_VERSION, skpi__json_kind(v));
    json_int_t n = json_integer_value(v);
    if (n > SKPI__DEFS_VERSION)
        return skpi__error(SKPI_EVERSION,
                           "version: the document has version %lld; this library reads version %d "
                           "(a newer socialkpi is needed)", (long long)n, SKPI__DEFS_VERSION);
    if (n != SKPI__DEFS_VERSION)
        return skpi__error(SKPI_EVERSION, "version: %lld is not a version of the document (use %d)",
                           (long long)n, SKPI__DEFS_VERSION);
    return SKPI_OK;
}

static int load_root(skpi_definitions *defs, const json_t *root)
{
    if (!json_is_object(root))
        return skpi__error(SKPI_EINVAL, "the document: expected an object at the top level, found %s",
                           skpi__json_kind(root));
    /* The version first: a newer document may well have members this
     * library does not know, and the version is then the thing to report. */
    int rc = check_version(root);
    if (rc == SKPI_OK) rc = skpi__json_only(root, "", root_members);
    const json_t *metrics = NULL, *goals = NULL, *objectives = NULL, *reports = NULL, *campaigns = NULL;
    const json_t *competitors = NULL, *benchmarks = NULL;
    if (rc == SKPI_OK) rc = skpi__json_array(&metrics, root, "", "metrics", false);
    if (rc == SKPI_OK) rc = skpi__json_array(&goals, root, "", "goals", false);
    if (rc == SKPI_OK) rc = skpi__json_array(&objectives, root, "", "objectives", false);
    if (rc == SKPI_OK) rc = skpi__json_array(&reports, root, "", "reports", false);
    if (rc == SKPI_OK) rc = skpi__json_array(&competitors, root, "", "competitors", false);
    if (rc == SKPI_OK) rc = skpi__json_array(&benchmarks, root, "", "benchmarks", false);
    /* Metrics before goals and objectives, which must name known metrics. */
    if (rc == SKPI_OK && metrics) rc = skpi__load_metrics(defs, metrics);
    /* The team after the metrics: its activities name them. */
    const json_t *team = skpi__json_member(root, "team");
    if (rc == SKPI_OK && team) rc = skpi__load_team(defs, team);
    if (rc == SKPI_OK && competitors) rc = skpi__load_competitors(defs, competitors);
    /* Benchmarks after the metrics too: a row may name a custom one. */
    if (rc == SKPI_OK && benchmarks) rc = skpi__load_benchmarks(defs, benchmarks);
    if (rc == SKPI_OK && goals) rc = skpi__load_goals(defs, goals);
    if (rc == SKPI_OK && objectives) rc = skpi__load_objectives(defs, objectives);
    /* Reports last: they name goals, objectives and metrics. */
    if (rc == SKPI_OK && reports) rc = skpi__load_reports(defs, reports);
    if (rc == SKPI_OK) rc = skpi__json_array(&campaigns, root, "", "campaigns", false);
    if (rc == SKPI_OK && campaigns) rc = skpi__load_campaigns(defs, campaigns);
    return rc;
}

int skpi__json_syntax_error(const json_error_t *err, const char *data, size_t size, const char *path)
{
    const char *sep = path[0] ? ": " : "";
    int code = json_error_code(err);
    /* No text: jansson gave up without a reason, which it does only when an
     * allocation failed. */
    if (code == json_error_out_of_memory || err->text[0] == '\0') return skpi__nomem();
    if (code == json_error_null_character)
        /* jansson's own text names a flag of its API. */
        return skpi__error(SKPI_EPARSE, "%s%sline %d, column %d: \\u0000 is not allowed in a string",
                           path, sep, err->line, err->column);
    /* Text that is well formed fails only for a duplicate key, a number
     * too large, or a lack of memory that jansson reported as something
     * else. */
    if (code != json_error_duplicate_key && code != json_error_numeric_overflow &&
        skpi__json_well_formed(data, size))
        return skpi__nomem();
    size_t i = 0;
    while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) i++;
    if (i == size)
        return skpi__error(SKPI_EPARSE, "%s%sthe document is empty (expected an object with \"version\": %d)",
                           path, sep, SKPI__DEFS_VERSION);
    return skpi__error(SKPI_EPARSE, "%s%sline %d, column %d: %s", path, sep, err->line, err->column, err->text);
}

int skpi_definitions_load_buffer(skpi_definitions **out, const char *data, size_t size,
                                 const skpi_catalog *base)
{
    if (out == NULL || (data == NULL && size > 0))
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_load_buffer: %s is NULL",
                           out == NULL ? "out" : "data");
    if (data == NULL) data = "";
    /* A byte order mark is no part of JSON, but editors write one. */
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        size -= 3;
    }
    /* Zeroed: jansson 2.14 returns NULL without setting the error when
     * some allocations fail, and never initialises the error's code. */
    json_error_t err;
    memset(&err, 0, sizeof err);
    json_t *root = json_loadb(data, size, JSON_REJECT_DUPLICATES, &err);
    if (root == NULL) return skpi__json_syntax_error(&err, data, size, "");
    skpi_definitions *defs = NULL;
    int rc = skpi_definitions_new(&defs, base);
    if (rc == SKPI_OK) rc = load_root(defs, root);
    json_decref(root);
    if (rc != SKPI_OK) {
        skpi_definitions_free(defs);
        return rc;
    }
    *out = defs;
    return SKPI_OK;
}

static int io_error(const char *path, const char *doing, int err)
{
    char reason[128];
    if (strerror_r(err, reason, sizeof reason) != 0) snprintf(reason, sizeof reason, "error %d", err);
    return skpi__error(SKPI_EIO, "%s: cannot %s: %s", path, doing, reason);
}

/* The whole file in a buffer of the library's allocator. */
static int read_file(char **out, size_t *size, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) return io_error(path, "open it", errno);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int rc = SKPI_OK;
    for (;;) {
        if (len == cap) {
            /* One byte past the limit is enough to tell a file too large. */
            size_t ncap = cap ? cap * 2 : 4096;
            if (ncap > SKPI__DEFS_FILE_MAX + 1) ncap = SKPI__DEFS_FILE_MAX + 1;
            char *p = skpi__realloc(buf, ncap);
            if (p == NULL) {
                rc = skpi__nomem();
                break;
            }
            buf = p;
            cap = ncap;
        }
        errno = 0;
        size_t n = fread(buf + len, 1, cap - len, fp);
        len += n;
        if (len > SKPI__DEFS_FILE_MAX) {
            rc = skpi__error(SKPI_ERANGE, "%s: larger than %zu bytes", path,
                             (size_t)SKPI__DEFS_FILE_MAX);
            break;
        }
        if (n == 0) {
            if (ferror(fp)) rc = io_error(path, "read it", errno ? errno : EIO);
            break;
        }
    }
    fclose(fp);
    if (rc != SKPI_OK) {
        skpi__free(buf);
        return rc;
    }
    *out = buf;
    *size = len;
    return SKPI_OK;
}

int skpi_definitions_load_file(skpi_definitions **out, const char *path, const skpi_catalog *base)
{
    if (out == NULL || path == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_load_file: %s is NULL",
                           out == NULL ? "out" : "path");
    char *text = NULL;
    size_t size = 0;
    int rc = read_file(&text, &size, path);
    if (rc != SKPI_OK) return rc;
    rc = skpi_definitions_load_buffer(out, text, size, base);
    skpi__free(text);
    if (rc != SKPI_OK && rc != SKPI_ENOMEM) {
        char msg[512];
        snprintf(msg, sizeof msg, "%s", skpi_last_error());
        skpi__error(rc, "%s: %s", path, msg);
    }
    return rc;
}
