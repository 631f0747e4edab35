/* libFuzzer target for the importer: the CSV reader, the workbook readers
 * and every preset. The first byte of an input picks the preset (and a few
 * options); the rest is the file. A first byte 0xFF instead wraps the rest
 * (a sheet's XML, a NUL byte, the shared strings' XML) into an .xlsx built
 * here, so that mutations reach the XML reader past the archive's
 * checksums. Any outcome but a crash, a leak or a sanitizer report is fine. */
#include <socialkpi.h>

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef SKPI_WITH_EXCEL
#include <zip.h>

static const char book_xml[] =
    "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"ENGAGEMENT\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char rels_xml[] =
    "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"sheet.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sst.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>";
static const char styles_xml[] =
    "<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";

static int add_part(zip_t *z, const char *name, const void *data, size_t n)
{
    zip_source_t *s = zip_source_buffer(z, data, n, 0);
    if (s == NULL)
        return -1;
    zip_int64_t i = zip_file_add(z, name, s, ZIP_FL_OVERWRITE);
    if (i < 0) {
        zip_source_free(s);
        return -1;
    }
    return zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
}

/* An .xlsx (stored, not deflated) with the given sheet and shared strings;
 * malloc'ed, NULL on failure. */
static unsigned char *make_xlsx(const uint8_t *data, size_t size, size_t *out_size)
{
    const uint8_t *nul = memchr(data, 0, size);
    size_t sheet = nul ? (size_t)(nul - data) : size;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
    zip_error_fini(&err);
    if (src == NULL)
        return NULL;
    zip_source_keep(src);
    zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, NULL);
    unsigned char *out = NULL;
    if (z == NULL || add_part(z, "xl/workbook.xml", book_xml, sizeof book_xml - 1) < 0 ||
        add_part(z, "xl/_rels/workbook.xml.rels", rels_xml, sizeof rels_xml - 1) < 0 ||
        add_part(z, "xl/styles.xml", styles_xml, sizeof styles_xml - 1) < 0 ||
        add_part(z, "xl/sheet.xml", data, sheet) < 0 ||
        add_part(z, "xl/sst.xml", nul ? nul + 1 : data, nul ? size - sheet - 1 : 0) < 0 ||
        zip_close(z) < 0) {
        if (z != NULL)
            zip_discard(z);
        zip_source_free(src);
        return NULL;
    }
    zip_stat_t st;
    if (zip_source_open(src) == 0) {
        if (zip_source_stat(src, &st) == 0 && (out = malloc(st.size ? st.size : 1)) != NULL &&
            zip_source_read(src, out, st.size) != (zip_int64_t)st.size) {
            free(out);
            out = NULL;
        }
        *out_size = out ? st.size : 0;
        zip_source_close(src);
    }
    zip_source_free(src);
    return out;
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    unsigned char *book = NULL;
    if (data[0] == 0xFF) {
#ifdef SKPI_WITH_EXCEL
        size_t n = 0;
        if ((book = make_xlsx(data + 1, size - 1, &n)) == NULL)
            return 0;
        /* the first byte 0x00 (detection) and the workbook */
        unsigned char *in = malloc(n + 1);
        if (in == NULL) {
            free(book);
            return 0;
        }
        in[0] = 0;
        memcpy(in + 1, book, n);
        free(book);
        book = in;
        data = in;
        size = n + 1;
#else
        return 0;
#endif
    }
    /* Inputs that start like an .xls (OLE2) file are left out: they reach
     * libfreexl, which has an open memory-safety finding of its own
     * (docs/fuzzing.md, "Known findings"); everything of ours up to that
     * call is covered by the .xls unit tests. */
    static const unsigned char ole2[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
    if (size - 1 >= sizeof ole2 && memcmp(data + 1, ole2, sizeof ole2) == 0) {
        free(book);
        return 0;
    }
    skpi_dataset *ds;
    if (skpi_dataset_new(&ds, NULL) != SKPI_OK)
        return 0;
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    /* The low six bits pick the preset, so that a seed keeps its preset as
     * presets are added. */
    o.preset = (data[0] & 0x3f) % (skpi_import_preset_max() + 1);
    o.export_date = (data[0] & 0x40) ? "2026-01-05" : NULL;
    o.utc_offset_minutes = (data[0] & 0x80) ? -300 : 0;
    /* A mapping, so that the generic wide preset has something to match. */
    skpi_import_column map[] = { { "Views", "video_views" }, { "value", "impressions" } };
    o.columns = map;
    o.column_count = 2;
    /* The input's length picks the newer options, keeping the seeds' bytes:
     * a date order, or a channel with a covered range. */
    switch (size % 4) {
    case 1: o.date_order = SKPI_IMPORT_DAY_FIRST; break;
    case 2: o.date_order = SKPI_IMPORT_MONTH_FIRST; break;
    case 3:
        o.channel = "instagram:@fuzz";
        o.covers_from = "2025-03-01";
        o.covers_to = "2025-03-31";
        break;
    default: break;
    }
    skpi_import_summary *sum = NULL;
    if (skpi_import_buffer(&sum, ds, data + 1, size - 1, "fuzz.csv", &o) == SKPI_OK) {
        /* Importing the same input again must succeed too (updates). */
        skpi_import_summary_free(sum);
        skpi_import_buffer(NULL, ds, data + 1, size - 1, "fuzz.csv", &o);
    }
    skpi_dataset_free(ds);
    free(book);
    return 0;
}
