/* The optional "target_source" member of a goal or key result: where its
 * target comes from, kept as the text the report shows. */
#include "definitions/defs_internal.h"
#include "core/target_source.h"

int skpi__json_target_source(const char **out, const json_t *obj, const char *path,
                             const char *no_target)
{
    const char *text = NULL;
    int rc = skpi__json_string(&text, obj, path, "target_source", false);
    if (rc != SKPI_OK || text == NULL) return rc;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "target_source");
    if (no_target != NULL)
        return skpi__json_fail(SKPI_EINVAL, where, "says where a target comes from, but %s",
                               no_target);
    rc = skpi__target_source_check(text, where);
    if (rc == SKPI_OK) *out = text;
    return rc;
}
