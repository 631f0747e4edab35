/* Competitors' channels and the industry benchmark table of a definitions
 * document ("competitors", "benchmarks"): kept in the handle, read, written
 * back, and handed to datasets and reports (docs/definitions.md). */
#include "definitions/defs_internal.h"
#include "core/selector.h"

#include <string.h>

static const char *const competitor_members[] = { "channel", "competitor", NULL };
static const char *const benchmark_members[] = { "metric", "network", "industry", "period", "value",
                                                 "source", NULL };

static long competitor_index(const skpi_definitions *defs, const char *channel)
{
    for (size_t i = 0; i < defs->comp_count; i++)
        if (strcmp(defs->comp_channels[i], channel) == 0) return (long)i;
    return -1;
}

int skpi_definitions_set_competitor(skpi_definitions *defs, const char *channel, const char *competitor)
{
    if (defs == NULL || channel == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_set_competitor: %s is NULL",
                           defs ? "channel" : "defs");
    int rc = skpi__channel_check(channel, NULL, "competitor channel");
    if (rc == SKPI_OK && competitor) rc = skpi__competitor_name_check(competitor);
    if (rc != SKPI_OK) return rc;
    long at = competitor_index(defs, channel);
    if (competitor == NULL) { /* the mark goes; later marks move down */
        if (at < 0) return SKPI_OK;
        skpi__free(defs->comp_channels[at]);
        skpi__free(defs->comp_names[at]);
        size_t tail = defs->comp_count - (size_t)at - 1;
        memmove(defs->comp_channels + at, defs->comp_channels + at + 1, tail * sizeof(char *));
        memmove(defs->comp_names + at, defs->comp_names + at + 1, tail * sizeof(char *));
        defs->comp_count--;
        return SKPI_OK;
    }
    char *name = skpi__strdup(competitor);
    if (name == NULL) return skpi__nomem();
    if (at >= 0) {
        skpi__free(defs->comp_names[at]);
        defs->comp_names[at] = name;
        return SKPI_OK;
    }
    char *key = skpi__strdup(channel);
    size_t cap = defs->comp_cap;
    void *channels = defs->comp_channels, *names = defs->comp_names;
    /* Both arrays grow to the same capacity before either is used. */
    bool grown = key && skpi__grow(&channels, &cap, defs->comp_count + 1, sizeof(char *));
    defs->comp_channels = channels;
    size_t cap2 = defs->comp_cap;
    grown = grown && skpi__grow(&names, &cap2, defs->comp_count + 1, sizeof(char *));
    defs->comp_names = names;
    if (!grown) {
        skpi__free(key);
        skpi__free(name);
        return skpi__nomem();
    }
    defs->comp_cap = cap < cap2 ? cap : cap2;
    defs->comp_channels[defs->comp_count] = key;
    defs->comp_names[defs->comp_count] = name;
    defs->comp_count++;
    return SKPI_OK;
}

size_t skpi_definitions_competitor_count(const skpi_definitions *defs)
{
    return defs ? defs->comp_count : 0;
}

const char *skpi_definitions_competitor_channel(const skpi_definitions *defs, size_t index)
{
    return defs && index < defs->comp_count ? defs->comp_channels[index] : NULL;
}

const char *skpi_definitions_competitor_name(const skpi_definitions *defs, size_t index)
{
    return defs && index < defs->comp_count ? defs->comp_names[index] : NULL;
}

int skpi_definitions_mark_competitors(const skpi_definitions *defs, skpi_dataset *ds)
{
    if (defs == NULL || ds == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_mark_competitors: %s is NULL",
                           defs ? "ds" : "defs");
    int rc = SKPI_OK;
    size_t done = 0;
    const char **before = skpi__calloc(defs->comp_count ? defs->comp_count : 1, sizeof *before);
    if (before == NULL) return skpi__nomem();
    for (; done < defs->comp_count && rc == SKPI_OK; done++) {
        before[done] = skpi_dataset_channel_competitor(ds, defs->comp_channels[done]);
        rc = skpi_dataset_set_competitor(ds, defs->comp_channels[done], defs->comp_names[done]);
    }
    if (rc != SKPI_OK) {
        /* Back to the marks before: names the dataset knows already and
         * channels it holds, so nothing is allocated. */
        for (size_t i = done; i-- > 0;)
            (void)skpi_dataset_set_competitor(ds, defs->comp_channels[i], before[i]);
    }
    skpi__free(before);
    return rc;
}

const skpi_benchmarks *skpi_definitions_benchmarks(const skpi_definitions *defs)
{
    return defs ? defs->benchmarks : NULL;
}

int skpi_definitions_set_benchmarks(skpi_definitions *defs, const skpi_benchmarks *benchmarks)
{
    if (defs == NULL) return skpi__error(SKPI_EMISUSE, "skpi_definitions_set_benchmarks: defs is NULL");
    skpi_benchmarks *copy = NULL;
    if (benchmarks && skpi_benchmarks_count(benchmarks) > 0) {
        int rc = skpi_benchmarks_clone(&copy, benchmarks);
        if (rc != SKPI_OK) return rc;
    }
    skpi_benchmarks_free(defs->benchmarks);
    defs->benchmarks = copy;
    return SKPI_OK;
}

void skpi__defs_compete_free(skpi_definitions *defs)
{
    for (size_t i = 0; i < defs->comp_count; i++) {
        skpi__free(defs->comp_channels[i]);
        skpi__free(defs->comp_names[i]);
    }
    skpi__free(defs->comp_channels);
    skpi__free(defs->comp_names);
    skpi_benchmarks_free(defs->benchmarks);
}

int skpi__load_competitors(skpi_definitions *defs, const json_t *array)
{
    for (size_t i = 0; i < json_array_size(array); i++) {
        char path[SKPI__PATH_SIZE];
        skpi__path_index(path, "competitors", i);
        const json_t *c = NULL;
        const char *channel = NULL, *name = NULL;
        int rc = skpi__json_element(&c, array, i, "competitors");
        if (rc == SKPI_OK) rc = skpi__json_only(c, path, competitor_members);
        if (rc == SKPI_OK) rc = skpi__json_string(&channel, c, path, "channel", true);
        if (rc == SKPI_OK) rc = skpi__json_string(&name, c, path, "competitor", true);
        if (rc == SKPI_OK && competitor_index(defs, channel) >= 0)
            rc = skpi__json_fail(SKPI_EINVAL, path, "the channel '%.80s' is marked twice", channel);
        if (rc == SKPI_OK && (rc = skpi_definitions_set_competitor(defs, channel, name)) != SKPI_OK)
            rc = skpi__json_wrap(rc, path);
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}

int skpi__load_benchmarks(skpi_definitions *defs, const json_t *array)
{
    /* Against the definitions' catalog: a benchmark may name a custom metric. */
    skpi_benchmarks *b = NULL;
    int rc = skpi_benchmarks_new(&b, defs->catalog);
    for (size_t i = 0; i < json_array_size(array) && rc == SKPI_OK; i++) {
        char path[SKPI__PATH_SIZE];
        skpi__path_index(path, "benchmarks", i);
        const json_t *e = NULL;
        const char *s[4] = { NULL, NULL, NULL, NULL }, *source = NULL;
        double value = 0;
        rc = skpi__json_element(&e, array, i, "benchmarks");
        if (rc == SKPI_OK) rc = skpi__json_only(e, path, benchmark_members);
        for (int k = 0; k < 4 && rc == SKPI_OK; k++)
            rc = skpi__json_string(&s[k], e, path, benchmark_members[k], true);
        if (rc == SKPI_OK) rc = skpi__json_number(&value, NULL, e, path, "value", true);
        if (rc == SKPI_OK) rc = skpi__json_string(&source, e, path, "source", true);
        if (rc == SKPI_OK && (rc = skpi_benchmarks_add(b, s[0], s[1], s[2], s[3], value, source)) != SKPI_OK)
            rc = skpi__json_wrap(rc, path);
    }
    if (rc == SKPI_OK && skpi_benchmarks_count(b) > 0) {
        skpi_benchmarks_free(defs->benchmarks);
        defs->benchmarks = b;
        return SKPI_OK;
    }
    skpi_benchmarks_free(b);
    return rc;
}

json_t *skpi__save_competitors(skpi__writer *w, const skpi_definitions *defs)
{
    json_t *arr = skpi__w_array(w);
    for (size_t i = 0; i < defs->comp_count; i++) {
        json_t *o = skpi__w_object(w);
        skpi__w_set(w, o, "channel", skpi__w_string(w, defs->comp_channels[i]));
        skpi__w_set(w, o, "competitor", skpi__w_string(w, defs->comp_names[i]));
        skpi__w_append(w, arr, o);
    }
    return arr;
}

json_t *skpi__save_benchmarks(skpi__writer *w, const skpi_definitions *defs)
{
    json_t *arr = skpi__w_array(w);
    const skpi_benchmarks *b = defs->benchmarks;
    for (size_t i = 0; i < skpi_benchmarks_count(b); i++) {
        json_t *o = skpi__w_object(w);
        skpi__w_set(w, o, "metric", skpi__w_string(w, skpi_benchmarks_metric(b, i)));
        skpi__w_set(w, o, "network", skpi__w_string(w, skpi_benchmarks_network(b, i)));
        skpi__w_set(w, o, "industry", skpi__w_string(w, skpi_benchmarks_industry(b, i)));
        skpi__w_set(w, o, "period", skpi__w_string(w, skpi_benchmarks_period(b, i)));
        skpi__w_set(w, o, "value", skpi__w_number(w, skpi_benchmarks_value(b, i)));
        skpi__w_set(w, o, "source", skpi__w_string(w, skpi_benchmarks_source(b, i)));
        skpi__w_append(w, arr, o);
    }
    return arr;
}
