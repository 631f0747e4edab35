/* One report definition as JSON text and back, for a store (or a host)
 * that keeps report definitions one by one (definitions.h, experimental). */
#include "definitions/defs_internal.h"

#include <string.h>

int skpi_definitions_report_save_buffer(char **out, size_t *size, const skpi_definitions *defs,
                                        size_t index)
{
    if (out == NULL || defs == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_report_save_buffer: %s is NULL",
                           out == NULL ? "out" : "defs");
    if (index >= defs->report_count)
        return skpi__error(SKPI_ERANGE, "report definition %zu of %zu", index, defs->report_count);
    skpi__writer w = { false, 0 };
    json_t *root = skpi__save_report(&w, &defs->reports[index]);
    int rc = skpi__w_dump(out, size, &w, root);
    json_decref(root);
    return rc;
}

int skpi_definitions_add_report_buffer(skpi_definitions *defs, const char *text, size_t size)
{
    if (defs == NULL || text == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_add_report_buffer: %s is NULL",
                           defs == NULL ? "defs" : "text");
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

int skpi_definitions_check_references(const skpi_definitions *defs)
{
    if (defs == NULL) return skpi__error(SKPI_EMISUSE, "skpi_definitions_check_references: defs is NULL");
    return skpi__check_report_ids(defs);
}
