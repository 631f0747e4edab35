/* libFuzzer target for report text templates. An input is lines, each a
 * template key (its first byte) and the template's text. Each is set on a
 * report built from fixed definitions: a template the library accepts reads
 * back as given, a refused one leaves the one in force. The report is then
 * assembled over fixed data (KPIs with comparisons, a goal, an objective,
 * top posts, every section), which fills the narrative templates, and
 * rendered in every format, which fills the words; each output is checked as
 * in the render target (fuzz_render_check.h). */
#include "fuzz_render_check.h"

enum { MAX_LINES = 64, DAYS = 150 };
static const skpi_time DAY0 = INT64_C(1759276800);  /* 2025-10-01 */
static const skpi_time AS_OF = INT64_C(1772323200); /* 2026-03-01 */

static const char DEFINITIONS[] =
    "{\"version\": 1,"
    " \"goals\": [{\"id\": \"followers\", \"name\": \"Grow followers by 20 %\","
    "   \"metric\": \"followers\", \"channel\": \"instagram:*\", \"direction\": \"increase\","
    "   \"cadence\": \"month\", \"baseline\": {\"value\": 1000},"
    "   \"target\": {\"kind\": \"percent\", \"value\": 20},"
    "   \"start\": \"2026-01-01\", \"deadline\": \"2026-07-01\","
    "   \"milestones\": [{\"date\": \"2026-02-01\", \"value\": 5}]}],"
    " \"objectives\": [{\"id\": \"brand\", \"title\": \"Be talked about\", \"owner\": \"Dana\","
    "   \"type\": \"aspirational\", \"period\": {\"start\": \"2026-01-01\", \"end\": \"2026-04-01\"},"
    "   \"key_results\": ["
    "     {\"title\": \"Reach 50,000\", \"kind\": \"metric\", \"metric\": \"reach\","
    "      \"start\": 10000, \"target\": 50000},"
    "     {\"title\": \"Answer within an hour\", \"kind\": \"manual\", \"start\": 14400,"
    "      \"target\": 3600, \"checkins\": [{\"time\": \"2026-02-01\", \"value\": 7200,"
    "      \"note\": \"new rota\"}]}]}],"
    " \"reports\": [{\"id\": \"monthly\", \"title\": \"Monthly\", \"cadence\": \"month\","
    "   \"comparisons\": [\"previous\", \"year_earlier\"], \"currency\": \"EUR\","
    "   \"channels\": [\"instagram:@acme\", \"linkedin:acme\"],"
    "   \"kpis\": [\"reach\", \"engagements\", \"followers\","
    "     {\"metric\": \"engagement_rate_reach\", \"channel\": \"instagram:*\"}],"
    "   \"sections\": [\"summary\", \"wins\", \"kpis\", \"channels\", \"trends\", \"goals\","
    "     \"okrs\", \"top_posts\", \"spot_checks\", \"next_steps\"],"
    "   \"top_posts\": {\"count\": 3, \"metric\": \"engagements\"}}]}";

static skpi_definitions *defs;
static skpi_dataset *ds;

static void setup(void)
{
    FUZZ_CHECK(skpi_definitions_load_buffer(&defs, DEFINITIONS, sizeof DEFINITIONS - 1, NULL) ==
               SKPI_OK);
    FUZZ_CHECK(skpi_dataset_new(&ds, skpi_definitions_catalog(defs)) == SKPI_OK);
    static const char *const channels[] = { "instagram:@acme", "linkedin:acme" };
    static const char *const metrics[] = { "reach", "engagements", "followers" };
    static skpi_time t[DAYS];
    static double v[DAYS];
    for (size_t c = 0; c < 2; c++)
        for (size_t m = 0; m < 3; m++) {
            for (int d = 0; d < DAYS; d++) {
                t[d] = DAY0 + d * 86400;
                /* growth with a weekly rhythm, and one outlier for the spot checks */
                v[d] = (double)(1000 * (m + 1) + 10 * d + 200 * (d % 7) + 300 * c);
                if (d == 140 && m == 1) v[d] *= 20;
            }
            FUZZ_CHECK(skpi_dataset_append(ds, metrics[m], channels[c], t, v, DAYS) == SKPI_OK);
        }
    for (int p = 0; p < 4; p++) {
        char id[8];
        snprintf(id, sizeof id, "p%d", p);
        FUZZ_CHECK(skpi_dataset_add_post(ds, channels[p % 2], id, AS_OF - (p + 2) * 86400 * 5,
                                         "photo", "Our <new> blend & more",
                                         "https://example.com/p") == SKPI_OK);
        FUZZ_CHECK(skpi_dataset_set_post_value(ds, channels[p % 2], id, "engagements",
                                               100.0 * (p + 1)) == SKPI_OK);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (defs == NULL) setup();
    fuzz_input in = { data, size };
    skpi_report *rep = NULL;
    FUZZ_CHECK(skpi_definitions_build_report(&rep, defs, 0, AS_OF) == SKPI_OK);
    for (size_t i = 0; i < MAX_LINES && in.n > 0; i++) {
        int key = (int)fuzz_byte(&in) - 8; /* a few unknown keys on either side */
        char *text = fuzz_line(&in);
        if (text == NULL) break;
        const char *was = skpi_report_template(rep, key);
        char *before = was != NULL ? malloc(strlen(was) + 1) : NULL;
        if (before != NULL) strcpy(before, was);
        int rc = skpi_report_set_template(rep, key, text);
        const char *now = skpi_report_template(rep, key);
        if (rc == SKPI_OK) {
            FUZZ_CHECK(now != NULL && strcmp(now, text) == 0);
        } else {
            FUZZ_CHECK(rc == SKPI_EINVAL || rc == SKPI_ENOMEM);
            FUZZ_CHECK((before == NULL && now == NULL) ||
                       (before != NULL && now != NULL && strcmp(before, now) == 0));
        }
        free(before);
        free(text);
    }
    skpi_doc *doc = NULL;
    int rc = skpi_report_assemble(&doc, rep, ds);
    if (rc != SKPI_OK) fprintf(stderr, "assemble: %s\n", skpi_last_error());
    FUZZ_CHECK(rc == SKPI_OK || rc == SKPI_ENOMEM);
    fuzz_hosts none = { { NULL }, 0 };
    if (doc != NULL) fuzz_render_all(doc, &none);
    skpi_doc_free(doc);
    skpi_report_free(rep);
    return 0;
}
