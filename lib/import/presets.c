/* The list of presets, header-name matching and detection by the header's
 * column-name subset. */
#include "import/presets.h"

#include <string.h>

static const skpi__preset *const all_presets[] = {
    &skpi__preset_x_tweets, &skpi__preset_x_daily, &skpi__preset_x_content,
    &skpi__preset_x_overview, &skpi__preset_facebook_posts, &skpi__preset_instagram_posts,
    &skpi__preset_meta_daily, &skpi__preset_linkedin_metrics, &skpi__preset_youtube_table,
    &skpi__preset_youtube_chart, &skpi__preset_tiktok_overview, &skpi__preset_tiktok_followers,
    &skpi__preset_sprout_profiles, &skpi__preset_generic_long, &skpi__preset_generic_wide,
    &skpi__preset_youtube_videos, &skpi__preset_tiktok_viewers, &skpi__preset_tiktok_content,
    &skpi__preset_tiktok_audience,
    &skpi__preset_linkedin_engagement, &skpi__preset_linkedin_followers,
    &skpi__preset_linkedin_page_followers, &skpi__preset_linkedin_visitors,
    &skpi__preset_linkedin_top_posts, &skpi__preset_linkedin_discovery,
    &skpi__preset_listening_mentions, &skpi__preset_brandwatch_mentions,
    &skpi__preset_care_messages, &skpi__preset_zendesk_tickets, &skpi__preset_care_bins,
};

const skpi__preset *skpi__preset_get(int id)
{
    for (size_t i = 0; i < sizeof all_presets / sizeof all_presets[0]; i++)
        if (all_presets[i]->id == id)
            return all_presets[i];
    return NULL;
}

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

bool skpi__header_equal(const char *f, size_t n, const char *name)
{
    if (n >= 3 && (unsigned char)f[0] == 0xEF && (unsigned char)f[1] == 0xBB &&
        (unsigned char)f[2] == 0xBF) {
        f += 3;
        n -= 3;
    }
    /* TikTok's per-video export ends its first name with a line break. */
    while (n > 0 && (*f == ' ' || *f == '\t' || *f == '\r' || *f == '\n')) {
        f++;
        n--;
    }
    while (n > 0 && (f[n - 1] == ' ' || f[n - 1] == '\t' || f[n - 1] == '\r' || f[n - 1] == '\n'))
        n--;
    size_t i = 0;
    for (; i < n && name[i]; i++)
        if (lower(f[i]) != lower(name[i]))
            return false;
    return i == n && name[i] == '\0';
}

bool skpi__preset_fits(const skpi__preset *p, const char *const *fields, const size_t *lens,
                       size_t n, int *score)
{
    int present = 0;
    for (size_t c = 0; c < p->ncolumns; c++) {
        bool found = false;
        for (size_t i = 0; i < n && !found; i++)
            found = skpi__column_named(p, &p->columns[c], fields[i], lens[i]);
        if (found)
            present++;
        else if (p->columns[c].flags & SKPI__REQ)
            return false;
    }
    int unknown = 0;
    for (size_t i = 0; i < n; i++) {
        bool known = false;
        for (size_t c = 0; c < p->ncolumns && !known; c++)
            known = skpi__column_named(p, &p->columns[c], fields[i], lens[i]);
        unknown += !known;
    }
    *score = present - unknown;
    return present > 0;
}

const skpi__preset *skpi__preset_detect(const char *const *fields, const size_t *lens, size_t n)
{
    /* Every required column must be there; among the presets that fit, the
     * one explaining most of the header wins (exports gain and lose
     * optional columns over time, so no exact match is asked for). */
    const skpi__preset *best = NULL;
    int best_score = 0;
    for (size_t i = 0; i < sizeof all_presets / sizeof all_presets[0]; i++) {
        const skpi__preset *p = all_presets[i];
        int s;
        if ((p->flags & SKPI__P_EXPLICIT) || !skpi__preset_fits(p, fields, lens, n, &s))
            continue;
        if (best == NULL || s > best_score) {
            best = p;
            best_score = s;
        }
    }
    return best;
}
