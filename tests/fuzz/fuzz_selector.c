/* libFuzzer target for channel keys, groups and selectors. An input is
 * lines: `c<channel>` makes a channel known, `g<name>=<a>,<b>,...` defines a
 * group, `s<selector>` is a selector to try. Then every known channel i gets
 * 2^i impressions, and for each selector: whether it chooses each channel
 * must agree with the value it sums (exact in a double); a report refuses
 * the selector exactly when matching calls it malformed. */
#include <socialkpi.h>

#include "fuzz_input.h"

#include <math.h>

enum { MAX_LINES = 64, MAX_MEMBERS = 16, MAX_CHANNELS = 48 };
static const skpi_time T0 = INT64_C(1767225600); /* 2026-01-01 */

static void define_group(skpi_dataset *ds, char *spec)
{
    char *eq = strchr(spec, '=');
    if (eq == NULL) return;
    *eq = '\0';
    const char *members[MAX_MEMBERS];
    size_t n = 0;
    for (char *p = eq + 1; *p != '\0' && n < MAX_MEMBERS;) {
        members[n++] = p;
        char *comma = strchr(p, ',');
        if (comma == NULL) break;
        *comma = '\0';
        p = comma + 1;
    }
    size_t before = skpi_dataset_channel_count(ds);
    if (skpi_dataset_define_group(ds, spec, members, n) != SKPI_OK)
        FUZZ_CHECK(skpi_dataset_channel_count(ds) == before);
}

static void try_selector(skpi_dataset *ds, const char *sel)
{
    size_t channels = skpi_dataset_channel_count(ds);
    double expect = 0;
    int any = 0, rc = SKPI_OK;
    for (size_t i = 0; i < channels; i++) {
        int match = -1;
        int r = skpi_dataset_match(&match, ds, sel, skpi_dataset_channel(ds, i));
        FUZZ_CHECK(i == 0 || r == rc); /* the selector decides, not the channel */
        rc = r;
        if (r != SKPI_OK) continue;
        FUZZ_CHECK(match == 0 || match == 1);
        if (match && i < MAX_CHANNELS) {
            expect += ldexp(1, (int)i);
            any = 1;
        }
    }
    if (channels == 0) return;
    skpi_value val;
    skpi_period period = { T0, T0 + 86400 };
    int vr = skpi_dataset_value(&val, ds, "impressions", sel, period);
    FUZZ_CHECK(vr == rc);
    if (vr == SKPI_OK && any && channels <= MAX_CHANNELS) FUZZ_CHECK(val.value == expect);
    skpi_report *rep;
    if (skpi_report_new(&rep, "r") != SKPI_OK) return;
    int ar = skpi_report_add_channel(rep, sel);
    FUZZ_CHECK((ar == SKPI_EINVAL) == (rc == SKPI_EINVAL));
    skpi_report_free(rep);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = { data, size };
    char *lines[MAX_LINES];
    size_t n = 0;
    while (in.n > 0 && n < MAX_LINES) {
        lines[n] = fuzz_line(&in);
        if (lines[n] == NULL) break;
        n++;
    }
    skpi_dataset *ds;
    if (skpi_dataset_new(&ds, NULL) != SKPI_OK) goto done;
    for (size_t i = 0; i < n; i++) {
        if (lines[i][0] == 'c') {
            size_t before = skpi_dataset_channel_count(ds);
            if (skpi_dataset_add_channel(ds, lines[i] + 1) == SKPI_OK) {
                const char *last = skpi_dataset_channel(ds, skpi_dataset_channel_count(ds) - 1);
                FUZZ_CHECK(skpi_dataset_channel_count(ds) == before ||
                           strcmp(last, lines[i] + 1) == 0);
            } else {
                FUZZ_CHECK(skpi_dataset_channel_count(ds) == before);
            }
        } else if (lines[i][0] == 'g') {
            define_group(ds, lines[i] + 1);
        }
    }
    size_t channels = skpi_dataset_channel_count(ds);
    for (size_t i = 0; i < channels && i < MAX_CHANNELS; i++) {
        skpi_time t = T0;
        double v = ldexp(1, (int)i);
        FUZZ_CHECK(skpi_dataset_append(ds, "impressions", skpi_dataset_channel(ds, i), &t, &v,
                                       1) == SKPI_OK);
    }
    FUZZ_CHECK(skpi_dataset_channel_count(ds) == channels);
    for (size_t i = 0; i < n; i++)
        if (lines[i][0] == 's') try_selector(ds, lines[i] + 1);
    skpi_dataset_free(ds);
done:
    for (size_t i = 0; i < n; i++) free(lines[i]);
    return 0;
}
