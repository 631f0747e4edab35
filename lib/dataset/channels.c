/* Channel keys, the table of known channels, named groups and selectors. */
#include "dataset/dataset_internal.h"

#include <stdio.h>
#include <string.h>

size_t skpi_dataset_channel_max(void) { return SKPI__CHANNEL_MAX; }


static uint64_t channel_hash(const char *key) { return skpi__hash_bytes(key, strlen(key), 0); }

uint64_t skpi__channel_hash_at(const void *ctx, uint32_t index)
{
    const skpi_dataset *ds = ctx;
    return channel_hash(ds->channels[index].key);
}

static bool channel_eq_at(const void *ctx, uint32_t index, const void *key)
{
    const skpi_dataset *ds = ctx;
    return strcmp(ds->channels[index].key, key) == 0;
}

long skpi__channel_find(const skpi_dataset *ds, const char *key)
{
    return skpi__htab_find(&ds->channel_index, channel_hash(key), channel_eq_at, ds, key);
}

int skpi__channel_reserve(skpi_dataset *ds, size_t extra)
{
    size_t need = ds->n_channels + extra;
    if (need > UINT32_MAX - 1) return skpi__error(SKPI_ERANGE, "too many channels");
    if (need > ds->cap_channels) {
        size_t cap = ds->cap_channels ? ds->cap_channels : 8;
        while (cap < need) cap *= 2;
        skpi__channel *c = skpi__reallocarray(ds->channels, cap, sizeof *c);
        if (!c) return skpi__nomem();
        ds->channels = c;
        ds->cap_channels = cap;
    }
    return skpi__htab_reserve(&ds->channel_index, need, skpi__channel_hash_at, ds);
}

uint32_t skpi__channel_push(skpi_dataset *ds, char *key, size_t net_len)
{
    uint32_t index = (uint32_t)ds->n_channels++;
    ds->channels[index].key = key;
    ds->channels[index].net_len = net_len;
    ds->channels[index].competitor = -1;
    skpi__htab_insert(&ds->channel_index, channel_hash(key), index);
    return index;
}

int skpi__channel_intern(skpi_dataset *ds, const char *key, uint32_t *index)
{
    long i = skpi__channel_find(ds, key);
    if (i >= 0) { *index = (uint32_t)i; return SKPI_OK; }
    size_t net_len;
    int rc = skpi__channel_check(key, &net_len, "channel");
    if (rc != SKPI_OK) return rc;
    if ((rc = skpi__channel_reserve(ds, 1)) != SKPI_OK) {
        skpi__dataset_release_unused(ds);
        return rc;
    }
    char *copy = skpi__strdup(key);
    if (!copy) {
        skpi__dataset_release_unused(ds);
        return skpi__nomem();
    }
    *index = skpi__channel_push(ds, copy, net_len);
    return SKPI_OK;
}

int skpi_dataset_add_channel(skpi_dataset *ds, const char *channel)
{
    if (!ds || !channel)
        return skpi__error(SKPI_EMISUSE, "skpi_dataset_add_channel: NULL argument");
    uint32_t index;
    return skpi__channel_intern(ds, channel, &index);
}

size_t skpi_dataset_channel_count(const skpi_dataset *ds) { return ds ? ds->n_channels : 0; }

const char *skpi_dataset_channel(const skpi_dataset *ds, size_t index)
{
    if (!ds || index >= ds->n_channels) return NULL;
    return ds->channels[index].key;
}

/* ---- groups ------------------------------------------------------------ */


static const skpi__group *group_find(const skpi_dataset *ds, const char *name, size_t len)
{
    for (size_t i = 0; i < ds->n_groups; i++)
        if (strlen(ds->groups[i].name) == len && memcmp(ds->groups[i].name, name, len) == 0)
            return &ds->groups[i];
    return NULL;
}

int skpi_dataset_define_group(skpi_dataset *ds, const char *name, const char *const *channels,
                              size_t n)
{
    if (!ds || !name || (n > 0 && !channels))
        return skpi__error(SKPI_EMISUSE, "skpi_dataset_define_group: NULL argument");
    int rc = skpi__group_name_check(name);
    if (rc != SKPI_OK) return rc;
    /* Check everything first, then count the channels that are new. */
    size_t fresh = 0;
    for (size_t i = 0; i < n; i++) {
        char what[96];
        snprintf(what, sizeof what, "group '%.20s' channels[%zu]", name, i);
        if (!channels[i]) return skpi__error(SKPI_EMISUSE, "%s is NULL", what);
        if ((rc = skpi__channel_check(channels[i], NULL, what)) != SKPI_OK) return rc;
        if (skpi__channel_find(ds, channels[i]) >= 0) continue;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++) seen = strcmp(channels[j], channels[i]) == 0;
        if (!seen) fresh++;
    }
    skpi__group *existing = (skpi__group *)group_find(ds, name, strlen(name));
    /* Allocate everything before changing anything. */
    char **keys = NULL;
    uint32_t *members = NULL;
    char *gname = NULL;
    if (fresh && !(keys = skpi__calloc(fresh, sizeof *keys))) return skpi__nomem();
    members = skpi__reallocarray(NULL, n ? n : 1, sizeof *members);
    if (!existing) gname = skpi__strdup(name);
    if (!members || (!existing && !gname)) goto nomem;
    size_t k = 0;
    for (size_t i = 0; i < n && k < fresh; i++) {
        if (skpi__channel_find(ds, channels[i]) >= 0) continue;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++) seen = strcmp(channels[j], channels[i]) == 0;
        if (seen) continue;
        if (!(keys[k++] = skpi__strdup(channels[i]))) goto nomem;
    }
    if (skpi__channel_reserve(ds, fresh) != SKPI_OK) goto nomem;
    if (!existing) {
        skpi__group *g = skpi__reallocarray(ds->groups, ds->n_groups + 1, sizeof *g);
        if (!g) goto nomem;
        ds->groups = g;
    }
    if (existing && skpi__savepoint_save_group(ds, (size_t)(existing - ds->groups)) != SKPI_OK)
        goto nomem;
    /* Commit: nothing below can fail. */
    for (size_t i = 0; i < fresh; i++) {
        size_t net_len;
        skpi__channel_check(keys[i], &net_len, "channel");
        skpi__channel_push(ds, keys[i], net_len);
    }
    skpi__free(keys);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t idx = (uint32_t)skpi__channel_find(ds, channels[i]);
        bool seen = false;
        for (size_t j = 0; j < m && !seen; j++) seen = members[j] == idx;
        if (!seen) members[m++] = idx;
    }
    if (existing) {
        skpi__free(existing->members);
        existing->members = members;
        existing->n = m;
    } else {
        skpi__group *g = &ds->groups[ds->n_groups++];
        g->name = gname;
        g->members = members;
        g->n = m;
    }
    return SKPI_OK;
nomem:
    if (keys)
        for (size_t i = 0; i < fresh; i++) skpi__free(keys[i]);
    skpi__free(keys);
    skpi__free(members);
    skpi__free(gname);
    skpi__dataset_release_unused(ds);
    return skpi__nomem();
}

/* ---- selectors --------------------------------------------------------- */

int skpi__selector_parse(skpi__selector *out, const skpi_dataset *ds, const char *text)
{
    memset(out, 0, sizeof *out);
    out->text = text;
    out->exact = -1;
    int rc = skpi__selector_form(&out->kind, text);
    if (rc != SKPI_OK) return rc;
    size_t n = strlen(text);
    if (out->kind == SKPI__SEL_GROUP) {
        out->group = group_find(ds, text + 1, n - 1);
        if (!out->group)
            return skpi__error(SKPI_ENOTFOUND, "selector '%s': no group named '%s'", text, text + 1);
    } else if (out->kind == SKPI__SEL_NETWORK) {
        out->net_len = n - 2;
    } else if (out->kind == SKPI__SEL_EXACT) {
        out->exact = skpi__channel_find(ds, text);
    }
    return SKPI_OK;
}

void skpi__selector_rewind(skpi__selector *s) { s->pos = 0; }

bool skpi__selector_matches(const skpi__selector *s, const skpi_dataset *ds, uint32_t channel)
{
    const skpi__channel *c = &ds->channels[channel];
    /* Competitors' channels are never part of our own totals: only their
     * exact key or their competitor chooses them. */
    if (s->kind == SKPI__SEL_EXACT) return s->exact >= 0 && (uint32_t)s->exact == channel;
    if (s->kind == SKPI__SEL_COMPETITOR)
        return c->competitor == s->competitor &&
               (s->net_len == 0 || (c->net_len == s->net_len && memcmp(c->key, s->text, s->net_len) == 0));
    if (c->competitor >= 0) return false;
    switch (s->kind) {
    case SKPI__SEL_ALL: return true;
    case SKPI__SEL_NETWORK:
        return c->net_len == s->net_len && memcmp(c->key, s->text, s->net_len) == 0;
    default:
        for (size_t i = 0; i < s->group->n; i++)
            if (s->group->members[i] == channel) return true;
        return false;
    }
}

bool skpi__selector_next(skpi__selector *s, const skpi_dataset *ds, uint32_t *channel)
{
    switch (s->kind) {
    case SKPI__SEL_EXACT:
        if (s->pos > 0 || s->exact < 0) return false;
        s->pos = 1;
        *channel = (uint32_t)s->exact;
        return true;
    case SKPI__SEL_GROUP:
        while (s->pos < s->group->n) {
            uint32_t c = s->group->members[s->pos++];
            if (ds->channels[c].competitor < 0) { *channel = c; return true; }
        }
        return false;
    default:
        while (s->pos < ds->n_channels) {
            uint32_t c = (uint32_t)s->pos++;
            if (skpi__selector_matches(s, ds, c)) { *channel = c; return true; }
        }
        return false;
    }
}

int skpi_dataset_match(int *out, const skpi_dataset *ds, const char *selector, const char *channel)
{
    if (!out || !ds || !selector || !channel)
        return skpi__error(SKPI_EMISUSE, "skpi_dataset_match: NULL argument");
    skpi__selector s;
    int rc = skpi__selector_parse(&s, ds, selector);
    if (rc != SKPI_OK) return rc;
    size_t net_len;
    if ((rc = skpi__channel_check(channel, &net_len, "channel")) != SKPI_OK) return rc;
    long known = skpi__channel_find(ds, channel);
    if (s.kind != SKPI__SEL_EXACT && known >= 0 && ds->channels[known].competitor >= 0) {
        *out = 0; /* a competitor's channel is in no selector but its own key */
        return SKPI_OK;
    }
    switch (s.kind) {
    case SKPI__SEL_ALL: *out = 1; break;
    case SKPI__SEL_NETWORK:
        *out = net_len == s.net_len && memcmp(channel, selector, net_len) == 0;
        break;
    case SKPI__SEL_EXACT: *out = strcmp(selector, channel) == 0; break;
    default: {
        long i = skpi__channel_find(ds, channel);
        *out = i >= 0 && skpi__selector_matches(&s, ds, (uint32_t)i);
        break;
    }
    }
    return SKPI_OK;
}
