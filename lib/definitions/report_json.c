/* One report definition as JSON text and back: how the store keeps the
 * report definitions of a definitions handle. */
#include "definitions/report_json.h"
#include "definitions/defs_internal.h"

#include <string.h>

int skpi__defs_report_json(char **out, size_t *size, const skpi_definitions *defs, size_t index)
{
    if (index >= defs->report_count)
        return skpi__error(SKPI_ERANGE, "report definition %zu of %zu", index, defs->report_count);
    skpi__writer w = { false, 0 };
    json_t *root = skpi__save_report(&w, &defs->reports[index]);
    int rc = skpi__w_dump(out, size, &w, root);
    json_decref(root);
    return rc;
}

int skpi__defs_add_report_json(skpi_definitions *defs, const char *text, size_t size,
                               const char *path)
{
    /* Zeroed: jansson 2.14 leaves the error unset when some allocations fail. */
    json_error_t err;
    memset(&err, 0, sizeof err);
    json_t *root = json_loadb(text, size, JSON_REJECT_DUPLICATES, &err);
    if (root == NULL) {
        /* As skpi_definitions_load_buffer() decides (load.c). */
        int code = json_error_code(&err);
        if (code == json_error_out_of_memory || err.text[0] == '\0' ||
            (code != json_error_duplicate_key && code != json_error_numeric_overflow &&
             skpi__json_well_formed(text, size)))
            return skpi__nomem();
        return skpi__error(SKPI_EPARSE, "%s: line %d, column %d: %s", path, err.line, err.column,
                           err.text);
    }
    int rc = json_is_object(root)
        ? skpi__load_report(defs, root, path, false)
        : skpi__json_fail(SKPI_EPARSE, path, "expected an object, found %s", skpi__json_kind(root));
    json_decref(root);
    return rc;
}
