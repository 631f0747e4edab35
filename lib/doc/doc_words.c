/* The words the HTML, Markdown and text renderers write (column headings,
 * labels, short phrases): templates the document keeps, so that a report
 * translated through its templates renders in one language. */
#include "doc/doc_internal.h"

static bool is_word(int key) { return key >= SKPI__TPL_FIRST_WORD && key < SKPI__TPL_COUNT; }

int skpi_doc_set_text(skpi_doc *doc, int key, const char *text)
{
    if (doc == NULL) return skpi__error(SKPI_EMISUSE, "skpi_doc_set_text: doc is NULL");
    if (!is_word(key))
        return skpi__error(SKPI_EINVAL, "skpi_doc_set_text: template %d is not one the renderers "
                           "write (%d to %d); narrative templates are set on the report", key,
                           SKPI__TPL_FIRST_WORD, SKPI__TPL_COUNT - 1);
    if (text == NULL) {
        doc->words[key - SKPI__TPL_FIRST_WORD] = NULL;
        return SKPI_OK;
    }
    int rc = skpi__template_check(key, text, "skpi_doc_set_text");
    if (rc != SKPI_OK) return rc;
    const char *copy = skpi__arena_strdup(&doc->arena, text);
    if (copy == NULL) return skpi__nomem();
    doc->words[key - SKPI__TPL_FIRST_WORD] = copy;
    return SKPI_OK;
}

const char *skpi_doc_text(const skpi_doc *doc, int key)
{
    return doc && is_word(key) ? skpi__doc_word(doc, key) : NULL;
}

const char *skpi__doc_word(const skpi_doc *doc, int key)
{
    const char *own = doc->words[key - SKPI__TPL_FIRST_WORD];
    return own ? own : skpi_template_default(key);
}
