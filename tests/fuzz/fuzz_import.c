/* libFuzzer target for the importer: the CSV reader and every preset. The
 * first byte of an input picks the preset (and a few options); the rest is
 * the file. Any outcome but a crash, a leak or a sanitizer report is fine. */
#include <socialkpi.h>

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
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
    return 0;
}
