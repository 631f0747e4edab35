/* Competitors' channels: marking a channel as a competitor's, listing the
 * competitors, and the value of a metric over one competitor's channels.
 * Selectors leave these channels out (channels.c), so our totals never
 * count them. */
#include "dataset/dataset_internal.h"

#include <string.h>

size_t skpi_dataset_competitor_name_max(void) { return SKPI__COMPETITOR_NAME_MAX; }

static long competitor_find(const skpi_dataset *ds, const char *name)
{
    for (size_t i = 0; i < ds->n_competitors; i++)
        if (strcmp(ds->competitors[i], name) == 0) return (long)i;
    return -1;
}

int skpi_dataset_set_competitor(skpi_dataset *ds, const char *channel, const char *competitor)
{
    if (!ds || !channel)
        return skpi__error(SKPI_EMISUSE, "skpi_dataset_set_competitor: NULL argument");
    int rc = skpi__channel_check(channel, NULL, "channel");
    if (rc != SKPI_OK) return rc;
    if (competitor && (rc = skpi__competitor_name_check(competitor)) != SKPI_OK) return rc;
    long known = skpi__channel_find(ds, channel);
    if (!competitor) { /* back to our own: nothing to allocate */
        if (known >= 0) ds->channels[known].competitor = -1;
        return SKPI_OK;
    }
    long who = competitor_find(ds, competitor);
    /* Allocate everything before changing anything. */
    char *copy = NULL;
    if (who < 0) {
        char **names = skpi__reallocarray(ds->competitors, ds->n_competitors + 1, sizeof *names);
        if (!names) return skpi__nomem();
        ds->competitors = names;
        if (!(copy = skpi__strdup(competitor))) return skpi__nomem();
    }
    uint32_t index;
    if (known >= 0) {
        index = (uint32_t)known;
    } else if ((rc = skpi__channel_intern(ds, channel, &index)) != SKPI_OK) {
        skpi__free(copy);
        return rc;
    }
    if (who < 0) {
        who = (long)ds->n_competitors;
        ds->competitors[ds->n_competitors++] = copy;
    }
    ds->channels[index].competitor = (int32_t)who;
    return SKPI_OK;
}

const char *skpi_dataset_channel_competitor(const skpi_dataset *ds, const char *channel)
{
    if (!ds || !channel) return NULL;
    long i = skpi__channel_find(ds, channel);
    if (i < 0 || ds->channels[i].competitor < 0) return NULL;
    return ds->competitors[ds->channels[i].competitor];
}

size_t skpi_dataset_competitor_count(const skpi_dataset *ds)
{
    if (!ds) return 0;
    /* Names whose channels all went back to our own are not listed. */
    size_t n = 0;
    for (size_t i = 0; i < ds->n_competitors; i++)
        for (size_t c = 0; c < ds->n_channels; c++)
            if (ds->channels[c].competitor == (int32_t)i) { n++; break; }
    return n;
}

const char *skpi_dataset_competitor(const skpi_dataset *ds, size_t index)
{
    if (!ds) return NULL;
    for (size_t i = 0; i < ds->n_competitors; i++)
        for (size_t c = 0; c < ds->n_channels; c++)
            if (ds->channels[c].competitor == (int32_t)i) {
                if (index-- == 0) return ds->competitors[i];
                break;
            }
    return NULL;
}

int skpi_dataset_competitor_value(skpi_value *out, skpi_dataset *ds, const char *metric,
                                  const char *competitor, const char *network, skpi_period period)
{
    static const char fn[] = "skpi_dataset_competitor_value";
    if (!out || !ds || !metric || !competitor)
        return skpi__error(SKPI_EMISUSE, "%s: NULL argument", fn);
    skpi__query q;
    int rc = skpi__query_prepare(&q, ds, metric, fn);
    if (rc != SKPI_OK) return rc;
    if ((rc = skpi__period_check(period, fn)) != SKPI_OK) return rc;
    long who = competitor_find(ds, competitor);
    if (who < 0)
        return skpi__error(SKPI_ENOTFOUND, "%s: no channel is marked as competitor '%s'", fn, competitor);
    skpi__selector sel;
    memset(&sel, 0, sizeof sel);
    sel.kind = SKPI__SEL_COMPETITOR;
    sel.competitor = (int32_t)who;
    sel.exact = -1;
    if (network && network[0]) {
        sel.text = network;
        sel.net_len = strlen(network);
    }
    if (ds->has_source) {
        /* Ask the source for each of the competitor's channels by its key. */
        uint32_t c;
        for (skpi__selector_rewind(&sel); skpi__selector_next(&sel, ds, &c);) {
            const char *key = ds->channels[c].key;
            if ((rc = skpi__dataset_ensure(ds, &q, key, &period, 1)) != SKPI_OK) return rc;
        }
    }
    skpi__query_value(out, ds, &q, &sel, period);
    return SKPI_OK;
}
