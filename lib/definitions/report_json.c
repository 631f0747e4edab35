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

int skpi__defs_add_report_json(skpi_definitions *defs, const char *text, size_t size)
{
    /* Zeroed: jansson 2.14 leaves the error unset when some allocations fail. */
    json_error_t err;
    memset(&err, 0, sizeof err);
    json_t *root = json_loadb(text, size, JSON_REJECT_DUPLICATES, &err);
    if (root == NULL) return skpi__json_syntax_error(&err, text, size, "");
    int rc = json_is_object(root)
        ? skpi__load_report(defs, root, "", false)
        : skpi__error(SKPI_EPARSE, "expected an object, found %s", skpi__json_kind(root));
    json_decref(root);
    return rc;
}
