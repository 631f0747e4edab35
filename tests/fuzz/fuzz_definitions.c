/* libFuzzer target for JSON definitions (metrics, goals, objectives, report
 * definitions). An input is the document. One that loads must save; the
 * saved text must load again to the same counts and save to the same bytes:
 * save(load(save(load(x)))) == save(load(x)). Each report definition must
 * build a report. */
#include <socialkpi.h>

#include "fuzz_input.h"

static const skpi_time AS_OF = INT64_C(1767225600); /* 2026-01-01 */

static void build_reports(const skpi_definitions *defs)
{
    for (size_t i = 0; i < skpi_definitions_report_count(defs); i++) {
        skpi_report *rep = NULL;
        FUZZ_CHECK(skpi_definitions_build_report(&rep, defs, i, AS_OF) == SKPI_OK);
        skpi_report_free(rep);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    skpi_definitions *first = NULL, *second = NULL;
    char *text1 = NULL, *text2 = NULL;
    size_t len1 = 0, len2 = 0;
    if (skpi_definitions_load_buffer(&first, (const char *)data, size, NULL) != SKPI_OK)
        return 0;
    FUZZ_CHECK(skpi_definitions_save_buffer(&text1, &len1, first) == SKPI_OK);
    FUZZ_CHECK(strlen(text1) == len1);
    int rc = skpi_definitions_load_buffer(&second, text1, len1, NULL);
    if (rc != SKPI_OK) fprintf(stderr, "saved text does not load: %s\n%s\n", skpi_last_error(), text1);
    FUZZ_CHECK(rc == SKPI_OK);
    FUZZ_CHECK(skpi_definitions_goal_count(second) == skpi_definitions_goal_count(first));
    FUZZ_CHECK(skpi_definitions_objective_count(second) == skpi_definitions_objective_count(first));
    FUZZ_CHECK(skpi_definitions_report_count(second) == skpi_definitions_report_count(first));
    FUZZ_CHECK(skpi_catalog_count(skpi_definitions_catalog(second)) ==
               skpi_catalog_count(skpi_definitions_catalog(first)));
    FUZZ_CHECK(skpi_definitions_save_buffer(&text2, &len2, second) == SKPI_OK);
    if (len1 != len2 || memcmp(text1, text2, len1) != 0)
        fprintf(stderr, "first save:\n%s\nsecond save:\n%s\n", text1, text2);
    FUZZ_CHECK(len1 == len2 && memcmp(text1, text2, len1) == 0);
    build_reports(first);
    skpi_free(text1);
    skpi_free(text2);
    skpi_definitions_free(first);
    skpi_definitions_free(second);
    return 0;
}
