/* libFuzzer target for the importer: the CSV reader, the workbook readers
 * and every preset. The first byte of an input picks the preset (and a few
 * options); the rest is the file. A first byte 0xFF instead wraps the rest
 * (a sheet's XML, a NUL byte, the shared strings' XML) into an .xlsx built
 * here, so that mutations reach the XML reader past the archive's
 * checksums; 0xFE wraps the rest (BIFF8 records) as the workbook stream of
 * a compound file built here, so that mutations reach the records without
 * first breaking the file's sector chains (inputs that are whole .xls
 * files fuzz those). Any outcome but a crash, a leak or a sanitizer report
 * is fine. */
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

static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* A compound file (512-byte sectors) whose Workbook stream is the bytes
 * given, at least 4096 bytes long (zeros after them) so that it lives in
 * ordinary sectors: the header, the FAT (sector 0), the stream, the
 * directory. A leading 0 byte (detection) comes first; malloc'ed. */
static unsigned char *make_xls(const uint8_t *data, size_t size, size_t *out_size)
{
    size_t len = size < 4096 ? 4096 : size, nsec = (len + 511) / 512;
    if (nsec + 2 > 128)
        return NULL;
    size_t total = 1 + 512 * (nsec + 3);
    unsigned char *f = calloc(1, total);
    if (f == NULL)
        return NULL;
    unsigned char *h = f + 1, *fat = h + 512, *dir = h + 512 * (nsec + 2);
    static const unsigned char sig[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
    memcpy(h, sig, sizeof sig);
    h[24] = 0x3E, h[26] = 3, h[28] = 0xFE, h[29] = 0xFF, h[30] = 9, h[32] = 6;
    put32(h + 44, 1);                    /* one FAT sector */
    put32(h + 48, (uint32_t)nsec + 1);   /* the directory after the stream */
    put32(h + 56, 4096);
    put32(h + 60, 0xFFFFFFFE);
    put32(h + 68, 0xFFFFFFFE);
    memset(h + 76, 0xFF, 109 * 4);
    put32(h + 76, 0);
    memset(fat, 0xFF, 512);
    put32(fat, 0xFFFFFFFD);
    for (size_t i = 1; i <= nsec; i++)
        put32(fat + 4 * i, i < nsec ? (uint32_t)i + 1 : 0xFFFFFFFE);
    put32(fat + 4 * (nsec + 1), 0xFFFFFFFE);
    memcpy(h + 1024, data, size);
    static const char *const names[2] = { "Root Entry", "Workbook" };
    for (int e = 0; e < 2; e++) {
        unsigned char *d = dir + 128 * e;
        size_t n = strlen(names[e]);
        for (size_t i = 0; i < n; i++)
            d[2 * i] = (unsigned char)names[e][i];
        d[64] = (unsigned char)(2 * n + 2);
        d[66] = e == 0 ? 5 : 2;
        put32(d + 68, 0xFFFFFFFF);
        put32(d + 72, 0xFFFFFFFF);
        put32(d + 76, e == 0 ? 1 : 0xFFFFFFFF);
        put32(d + 116, e == 0 ? 0xFFFFFFFE : 1);
        put32(d + 120, e == 0 ? 0 : (uint32_t)len);
    }
    *out_size = total;
    return f;
}

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
    if (data[0] == 0xFE) {
        size_t n = 0;
        if ((book = make_xls(data + 1, size - 1, &n)) == NULL)
            return 0;
        data = book;
        size = n;
    }
    skpi_dataset *ds;
    if (skpi_dataset_new(&ds, NULL) != SKPI_OK)
        return 0;
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    /* The low six bits pick the preset, so that a seed keeps its preset as
     * presets are added. */
    o.preset = (data[0] & 0x3f) % (skpi_import_preset_max() + 1);
    o.export_date = (data[0] & 0x40) ? "2026-01-05" : NULL;
    /* the same bit sets a customer-care target inside the bins of the seeds */
    o.service_level_seconds = (data[0] & 0x40) ? 1800 : 0;
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
