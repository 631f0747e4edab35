/* The XLSX renderer: a workbook with a first sheet holding the summary and
 * the narrative, then one sheet per table-like block, written with
 * libxlsxwriter. libxlsxwriter writes to a named file only (Debian's 1.1.4
 * has no memory output), so the workbook goes to a private temporary
 * directory, whose bytes are then streamed to the sink and which is removed
 * on every path. */
#define _POSIX_C_SOURCE 200809L
#include "render/xlsx_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* When the document has no "generated at" time (or one not after the
 * epoch, which libxlsxwriter would take for "now"), the workbook says it
 * was created at the ZIP format's epoch, 1980-01-01T00:00:00Z, so that the
 * same document still gives the same bytes. */
#define FIXED_CREATED 315532800

static lxw_format *number_format(skpi__xlsx *x, const char *code, bool right)
{
    lxw_format *f = workbook_add_format(x->wb);
    if (f == NULL) return NULL;
    if (code) format_set_num_format(f, code);
    if (right) format_set_align(f, LXW_ALIGN_RIGHT);
    return f;
}

/* "+#,##0;-#,##0;0": the sign of a change is always written. */
static void signed_code(char *out, size_t size, const char *code)
{
    snprintf(out, size, "+%s;-%s;%s", code, code, code);
}

static int unit_formats(skpi__xlsx *x, int unit, const char *whole, const char *decimal, double scale)
{
    char w[96], d[96];
    signed_code(w, sizeof w, whole);
    signed_code(d, sizeof d, decimal);
    skpi__xlsx_unit *u = &x->units[unit];
    u->whole = number_format(x, whole, false);
    u->decimal = number_format(x, decimal, false);
    u->whole_signed = number_format(x, w, false);
    u->decimal_signed = number_format(x, d, false);
    u->scale = scale;
    return u->whole && u->decimal && u->whole_signed && u->decimal_signed ? SKPI_OK : skpi__nomem();
}

int skpi__xlsx_formats(skpi__xlsx *x)
{
    /* The currency after amounts, as a quoted literal of the number format. */
    char currency[64] = "", money[96], money_whole[96];
    const char *cur = skpi_doc_currency(x->doc);
    size_t k = 0;
    for (size_t i = 0; cur[i] && k + 1 < sizeof currency; i++)
        if (cur[i] != '"' && cur[i] != '\\') currency[k++] = cur[i];
    currency[k] = '\0';
    snprintf(money, sizeof money, k ? "#,##0.00 \"%s\"" : "#,##0.00", currency);
    snprintf(money_whole, sizeof money_whole, k ? "#,##0 \"%s\"" : "#,##0", currency);
    int rc = unit_formats(x, SKPI_UNIT_COUNT, "#,##0", "#,##0.00", 1);
    if (rc == SKPI_OK) rc = unit_formats(x, SKPI_UNIT_PERCENT, "0%", "0.00%", 0.01);
    if (rc == SKPI_OK) rc = unit_formats(x, SKPI_UNIT_RATIO, "#,##0", "#,##0.00", 1);
    if (rc == SKPI_OK) rc = unit_formats(x, SKPI_UNIT_CURRENCY, money_whole, money, 1);
    if (rc == SKPI_OK) rc = unit_formats(x, SKPI_UNIT_DURATION, "#,##0\" s\"", "#,##0.0\" s\"", 1);
    if (rc == SKPI_OK) rc = unit_formats(x, SKPI_UNIT_SCORE, "0.0", "0.00", 1);
    if (rc != SKPI_OK) return rc;
    x->title = workbook_add_format(x->wb);
    x->header = workbook_add_format(x->wb);
    x->header_right = workbook_add_format(x->wb);
    x->bold = workbook_add_format(x->wb);
    x->text = workbook_add_format(x->wb);
    x->text_right = workbook_add_format(x->wb);
    x->indent = workbook_add_format(x->wb);
    x->wrap = workbook_add_format(x->wb);
    x->date = number_format(x, "yyyy-mm-dd", false);
    x->month = number_format(x, "yyyy-mm", false);
    x->datetime = number_format(x, "yyyy-mm-dd hh:mm", false);
    x->fraction = number_format(x, "0.0%", false);
    x->points = number_format(x, "+0.00\" pp\";-0.00\" pp\";0.00\" pp\"", false);
    x->times = number_format(x, "0.0\"×\"", false);
    x->link = workbook_get_default_url_format(x->wb);
    if (!x->title || !x->header || !x->header_right || !x->bold || !x->text || !x->text_right || !x->indent || !x->wrap || !x->date ||
        !x->month || !x->datetime || !x->fraction || !x->points || !x->times || !x->link)
        return skpi__nomem();
    format_set_bold(x->title);
    format_set_font_size(x->title, 13);
    format_set_bold(x->header);
    format_set_bottom(x->header, LXW_BORDER_THIN);
    format_set_bold(x->header_right);
    format_set_bottom(x->header_right, LXW_BORDER_THIN);
    format_set_align(x->header_right, LXW_ALIGN_RIGHT);
    format_set_bold(x->bold);
    format_set_align(x->text_right, LXW_ALIGN_RIGHT);
    format_set_indent(x->indent, 1);
    format_set_text_wrap(x->wrap);
    format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
    return SKPI_OK;
}

/* ---- the temporary directory ---------------------------------------------- */

typedef struct scratch {
    char dir[4096];
    char file[4096 + 16];
    bool made;
} scratch;

static int scratch_make(scratch *s)
{
    const char *tmp = getenv("TMPDIR");
    if (tmp == NULL || tmp[0] == '\0') tmp = "/tmp";
    int n = snprintf(s->dir, sizeof s->dir, "%s/skpi-xlsx-XXXXXX", tmp);
    if (n < 0 || (size_t)n >= sizeof s->dir)
        return skpi__error(SKPI_EIO, "skpi_render: XLSX: the temporary directory path (TMPDIR) is too long");
    if (mkdtemp(s->dir) == NULL)
        return skpi__error(SKPI_EIO, "skpi_render: XLSX: cannot create a temporary directory in %s: %s", tmp,
                           strerror(errno));
    s->made = true;
    snprintf(s->file, sizeof s->file, "%s/report.xlsx", s->dir);
    return SKPI_OK;
}

/* libxlsxwriter's own temporary files are gone once the workbook is closed;
 * the workbook file and the directory are ours. */
static void scratch_remove(scratch *s)
{
    if (!s->made) return;
    unlink(s->file);
    rmdir(s->dir);
    s->made = false;
}

static void stream_file(skpi__render *r, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        skpi__out_fail(&r->out, skpi__error(SKPI_EIO, "skpi_render: XLSX: cannot read the workbook back: %s",
                                            strerror(errno)));
        return;
    }
    char buf[16384];
    size_t n;
    while (r->out.err == SKPI_OK && (n = fread(buf, 1, sizeof buf, f)) > 0) skpi__out_write(&r->out, buf, n);
    if (ferror(f))
        skpi__out_fail(&r->out, skpi__error(SKPI_EIO, "skpi_render: XLSX: cannot read the workbook back"));
    fclose(f);
}

/* ---- the workbook ---------------------------------------------------------- */

static bool tabular(int kind)
{
    return kind == SKPI_BLOCK_KPI_TABLE || kind == SKPI_BLOCK_TABLE || kind == SKPI_BLOCK_CHART ||
           kind == SKPI_BLOCK_GOALS || kind == SKPI_BLOCK_OBJECTIVES || kind == SKPI_BLOCK_POSTS;
}

static void properties(skpi__xlsx *x)
{
    lxw_doc_properties p;
    memset(&p, 0, sizeof p);
    /* Titles are cleaned like cell text; a failure was recorded. */
    char *title = NULL, *subject = NULL;
    const char *t = skpi__xlsx_clean(x, skpi_doc_title(x->doc), NULL);
    if (t) title = skpi__strdup(t);
    const char *s = t ? skpi__xlsx_clean(x, skpi_doc_subtitle(x->doc), NULL) : NULL;
    if (s) subject = skpi__strdup(s);
    if (title == NULL || subject == NULL) {
        skpi__out_fail(&x->r->out, skpi__nomem());
    } else {
        p.title = title;
        p.subject = subject;
        p.created = x->r->has_time && x->r->generated_at > 0 ? (time_t)x->r->generated_at : FIXED_CREATED;
        skpi__xlsx_fail_lxw(x, workbook_set_properties(x->wb, &p), "the document properties");
    }
    skpi__free(title);
    skpi__free(subject);
}

/* Summary first (written last, when the other sheets have their names),
 * then a sheet per table-like block in the document's order. */
static void write_sheets(skpi__xlsx *x)
{
    size_t n = skpi_doc_block_count(x->doc);
    const char **sheet_of = skpi__calloc(n ? n : 1, sizeof *sheet_of);
    if (sheet_of == NULL) { skpi__out_fail(&x->r->out, skpi__nomem()); return; }
    lxw_worksheet *summary = skpi__xlsx_add_sheet(x, NULL, "Summary");
    const char *summary_name = x->sheet;
    /* A block without a title takes its name from the heading above it. */
    const char *heading = NULL;
    for (size_t i = 0; i < n && skpi__xlsx_ok(x); i++) {
        int kind = SKPI_BLOCK_PARAGRAPH;
        const char *title = "";
        skpi_doc_block_kind(&kind, x->doc, i);
        skpi_doc_block_title(&title, x->doc, i);
        if (kind == SKPI_BLOCK_HEADING) heading = title;
        if (!tabular(kind)) continue;
        skpi__xlsx_block(x, i, kind, heading);
        sheet_of[i] = x->sheet;
    }
    if (summary != NULL && skpi__xlsx_ok(x)) {
        x->ws = summary;
        x->sheet = summary_name;
        skpi__xlsx_summary(x, sheet_of);
        worksheet_activate(summary);
    }
    skpi__free(sheet_of);
}

void skpi__render_xlsx(skpi__render *r)
{
    skpi__xlsx x;
    memset(&x, 0, sizeof x);
    x.r = r;
    x.doc = r->doc;
    scratch s;
    memset(&s, 0, sizeof s);
    int rc = scratch_make(&s);
    if (rc != SKPI_OK) { skpi__out_fail(&r->out, rc); return; }
    lxw_workbook_options wo;
    memset(&wo, 0, sizeof wo);
    wo.tmpdir = s.dir;
    x.wb = workbook_new_opt(s.file, &wo);
    if (x.wb == NULL) {
        skpi__out_fail(&r->out, skpi__error(SKPI_EIO, "skpi_render: XLSX: cannot start a workbook in %s", s.dir));
    } else {
        rc = skpi__xlsx_formats(&x);
        if (rc != SKPI_OK) skpi__out_fail(&r->out, rc);
        if (skpi__xlsx_ok(&x)) properties(&x);
        if (skpi__xlsx_ok(&x)) write_sheets(&x);
        /* Closing writes the file and frees the workbook, also after a failure. */
        lxw_error e = workbook_close(x.wb);
        x.sheet = NULL;
        if (e != LXW_NO_ERROR && skpi__xlsx_ok(&x))
            skpi__out_fail(&r->out, e == LXW_ERROR_MEMORY_MALLOC_FAILED
                                        ? skpi__nomem()
                                        : skpi__error(SKPI_EIO, "skpi_render: XLSX: the workbook cannot be "
                                                                "written: %s", lxw_strerror(e)));
        if (skpi__xlsx_ok(&x)) stream_file(r, s.file);
    }
    scratch_remove(&s);
    for (size_t i = 0; i < x.nnames; i++) skpi__free(x.names[i]);
    skpi__free(x.names);
    skpi__free(x.buf);
}
