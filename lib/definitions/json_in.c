/* Reading members of a jansson tree by type, with errors that name the
 * path in the document ("goals[2].target.value: expected a number"). */
#include "definitions/defs_internal.h"

#include <stdio.h>
#include <string.h>

const char *skpi__json_kind(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

void skpi__path_key(char *buf, const char *path, const char *key)
{
    if (path[0] == '\0') snprintf(buf, SKPI__PATH_SIZE, "%s", key);
    else snprintf(buf, SKPI__PATH_SIZE, "%s.%s", path, key);
}

void skpi__path_index(char *buf, const char *path, size_t index)
{
    snprintf(buf, SKPI__PATH_SIZE, "%s[%zu]", path, index);
}

int skpi__json_fail(int code, const char *path, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return skpi__error(code, "%s: %s", path, msg);
}

int skpi__json_wrap(int rc, const char *path)
{
    if (rc == SKPI_ENOMEM) return rc;
    char msg[512];
    snprintf(msg, sizeof msg, "%s", skpi_last_error());
    /* Library messages start with the function's name ("skpi_goal_set_span: "),
     * which means nothing to the author of the document; a formula's
     * messages say "formula", which the path says already. */
    const char *rest = msg;
    if (strncmp(msg, "skpi_", 5) == 0) {
        size_t n = strspn(msg, "abcdefghijklmnopqrstuvwxyz0123456789_");
        if (msg[n] == ':' && msg[n + 1] == ' ') rest = msg + n + 2;
    }
    size_t len = strlen(path);
    if (len >= 8 && strcmp(path + len - 8, ".formula") == 0 && strncmp(rest, "formula ", 8) == 0)
        rest += 8;
    return skpi__error(rc, "%s: %s", path, rest);
}

const json_t *skpi__json_member(const json_t *obj, const char *key)
{
    const json_t *v = json_object_get(obj, key);
    return v && !json_is_null(v) ? v : NULL;
}

int skpi__json_only(const json_t *obj, const char *path, const char *const *allowed)
{
    const char *key;
    const json_t *value;
    json_object_foreach((json_t *)obj, key, value) {
        bool known = false;
        for (size_t i = 0; allowed[i] && !known; i++) known = strcmp(key, allowed[i]) == 0;
        if (known) continue;
        char list[300] = "";
        size_t len = 0;
        for (size_t i = 0; allowed[i] && len < sizeof list; i++) {
            int n = snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "", allowed[i]);
            if (n < 0) break;
            len += (size_t)n;
        }
        char where[SKPI__PATH_SIZE];
        skpi__path_key(where, path, key);
        return skpi__json_fail(SKPI_EINVAL, where, "unknown member (expected %s)", list);
    }
    return SKPI_OK;
}

int skpi__json_require(const json_t *obj, const char *path, const char *key)
{
    (void)obj;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, key);
    return skpi__json_fail(SKPI_EINVAL, where, "required");
}

/* The member when present with the expected type; NULL when absent. */
static int typed(const json_t **out, const json_t *obj, const char *path, const char *key,
                 bool required, bool (*is)(const json_t *), const char *expected)
{
    const json_t *v = skpi__json_member(obj, key);
    *out = NULL;
    if (v == NULL) return required ? skpi__json_require(obj, path, key) : SKPI_OK;
    if (!is(v)) {
        char where[SKPI__PATH_SIZE];
        skpi__path_key(where, path, key);
        return skpi__json_fail(SKPI_EINVAL, where, "expected %s, found %s", expected,
                               skpi__json_kind(v));
    }
    *out = v;
    return SKPI_OK;
}

static bool is_string(const json_t *v) { return json_is_string(v); }
static bool is_number(const json_t *v) { return json_is_number(v); }
static bool is_array(const json_t *v) { return json_is_array(v); }
static bool is_object(const json_t *v) { return json_is_object(v); }

int skpi__json_string(const char **out, const json_t *obj, const char *path, const char *key,
                      bool required)
{
    const json_t *v;
    int rc = typed(&v, obj, path, key, required, is_string, "a string");
    if (rc == SKPI_OK && v) *out = json_string_value(v);
    return rc;
}

int skpi__json_number(double *out, bool *present, const json_t *obj, const char *path,
                      const char *key, bool required)
{
    const json_t *v;
    int rc = typed(&v, obj, path, key, required, is_number, "a number");
    if (rc == SKPI_OK && v) *out = json_number_value(v);
    if (present) *present = v != NULL;
    return rc;
}

int skpi__json_time(skpi_time *out, bool *present, const json_t *obj, const char *path,
                    const char *key, bool required)
{
    const char *text = NULL;
    int rc = skpi__json_string(&text, obj, path, key, required);
    if (present) *present = text != NULL;
    if (rc != SKPI_OK || text == NULL) return rc;
    skpi_time t;
    /* The first instant no longer accepted, which an objective's period may
     * end at; the save writes it this way. */
    if (strcmp(text, "10000-01-01") == 0) {
        *out = SKPI_TIME_END;
        return SKPI_OK;
    }
    rc = skpi_time_parse(&t, text);
    if (rc != SKPI_OK) {
        char msg[512];
        snprintf(msg, sizeof msg, "%s", skpi_last_error());
        const char *rest = strncmp(msg, "skpi_time_parse: ", 17) == 0 ? msg + 17 : msg;
        char where[SKPI__PATH_SIZE];
        skpi__path_key(where, path, key);
        return skpi__json_fail(rc, where, "'%.40s' is not an ISO 8601 date or time: %s", text, rest);
    }
    *out = t;
    return SKPI_OK;
}

int skpi__json_word(int *out, bool *present, const json_t *obj, const char *path,
                    const char *key, const skpi__name *names, bool required)
{
    const char *word = NULL;
    int rc = skpi__json_string(&word, obj, path, key, required);
    if (present) *present = word != NULL;
    if (rc != SKPI_OK || word == NULL) return rc;
    for (const skpi__name *n = names; n->word; n++) {
        if (strcmp(n->word, word) == 0) {
            *out = n->value;
            return SKPI_OK;
        }
    }
    char list[200] = "";
    size_t len = 0;
    for (const skpi__name *n = names; n->word && len < sizeof list; n++) {
        int k = snprintf(list + len, sizeof list - len, "%s%s", n == names ? "" : ", ", n->word);
        if (k < 0) break;
        len += (size_t)k;
    }
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, key);
    return skpi__json_fail(SKPI_EINVAL, where, "unknown value '%.40s' (expected %s)", word, list);
}

int skpi__json_array(const json_t **out, const json_t *obj, const char *path, const char *key,
                     bool required)
{
    return typed(out, obj, path, key, required, is_array, "an array");
}

int skpi__json_object(const json_t **out, const json_t *obj, const char *path, const char *key,
                      bool required)
{
    return typed(out, obj, path, key, required, is_object, "an object");
}

int skpi__json_element(const json_t **out, const json_t *array, size_t index, const char *path)
{
    const json_t *v = json_array_get(array, index);
    if (!json_is_object(v)) {
        char where[SKPI__PATH_SIZE];
        skpi__path_index(where, path, index);
        return skpi__json_fail(SKPI_EINVAL, where, "expected an object, found %s",
                               skpi__json_kind(v));
    }
    *out = v;
    return SKPI_OK;
}
