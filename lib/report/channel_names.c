/* The names readers see for channels, selectors and groups: the ones a
 * report sets, else names made from the keys, so that no `web:*` or
 * `instagram:@acme` reaches an executive (docs/report.md, "Channel names"). */
#include "report/report_internal.h"
#include "core/selector.h"

#include <stdio.h>
#include <string.h>

/* Networks whose names are not their keys with a capital letter. */
static const struct { const char *key, *name; } networks[] = {
    { "instagram", "Instagram" }, { "facebook", "Facebook" }, { "linkedin", "LinkedIn" },
    { "x", "X" },                 { "twitter", "X" },         { "youtube", "YouTube" },
    { "tiktok", "TikTok" },       { "threads", "Threads" },   { "pinterest", "Pinterest" },
    { "bluesky", "Bluesky" },     { "mastodon", "Mastodon" }, { "reddit", "Reddit" },
    { "snapchat", "Snapchat" },   { "web", "Website" },       { "listening", "Social listening" },
};

static void network_name(char *buf, size_t size, const char *key, size_t len)
{
    for (size_t i = 0; i < sizeof networks / sizeof networks[0]; i++)
        if (strlen(networks[i].key) == len && strncmp(networks[i].key, key, len) == 0) {
            snprintf(buf, size, "%s", networks[i].name);
            return;
        }
    snprintf(buf, size, "%.*s", (int)len, key);
    if (buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 'a' + 'A');
}

static long find_name(const skpi_report *r, const char *selector)
{
    for (size_t i = 0; i < r->nnames; i++)
        if (strcmp(r->names[i].selector, selector) == 0) return (long)i;
    return -1;
}

int skpi_report_set_channel_name(skpi_report *r, const char *selector, const char *name)
{
    static const char what[] = "skpi_report_set_channel_name";
    if (r == NULL || selector == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, r ? "selector" : "report");
    int rc = skpi__selector_check(selector, what);
    if (rc != SKPI_OK) return rc;
    if (name && name[0] == '\0')
        return skpi__error(SKPI_EINVAL, "%s: the name of \"%s\" is empty (NULL gives back the made-up one)",
                           what, selector);
    long at = find_name(r, selector);
    if (name == NULL) {
        if (at < 0) return SKPI_OK;
        skpi__free(r->names[at].selector);
        skpi__free(r->names[at].name);
        r->names[at] = r->names[--r->nnames];
        return SKPI_OK;
    }
    char *copy = skpi__strdup(name);
    if (copy == NULL) return skpi__nomem();
    if (at >= 0) {
        skpi__free(r->names[at].name);
        r->names[at].name = copy;
        return SKPI_OK;
    }
    skpi__channel_name one = { skpi__strdup(selector), copy };
    skpi__channel_name *p = one.selector ? skpi__reallocarray(r->names, r->nnames + 1, sizeof *p) : NULL;
    if (p == NULL) {
        skpi__free(one.selector);
        skpi__free(copy);
        return skpi__nomem();
    }
    r->names = p;
    r->names[r->nnames++] = one;
    return SKPI_OK;
}

int skpi_report_channel_name(char *buf, size_t size, const skpi_report *r, const char *selector)
{
    if (buf == NULL || r == NULL || selector == NULL || size == 0)
        return skpi__error(SKPI_EMISUSE, "skpi_report_channel_name: %s",
                           buf == NULL || size == 0 ? "no buffer" : r ? "selector is NULL" : "report is NULL");
    buf[0] = '\0';
    long at = find_name(r, selector);
    int kind = SKPI__SEL_EXACT;
    const char *text = NULL;
    char made[SKPI__CHANNEL_MAX + 64];
    if (at >= 0) {
        text = r->names[at].name;
    } else if (skpi__selector_form(&kind, selector) != SKPI_OK) {
        text = selector; /* not ours to judge here: shown as given */
    } else if (kind == SKPI__SEL_ALL) {
        text = skpi__report_tpl(r, SKPI_TPL_ALL_CHANNELS);
    } else if (kind == SKPI__SEL_GROUP) {
        text = selector + 1;
    } else {
        size_t len = strcspn(selector, ":");
        network_name(made, sizeof made, selector, len);
        if (kind == SKPI__SEL_EXACT) {
            size_t n = strlen(made);
            snprintf(made + n, sizeof made - n, " %s", selector + len + 1);
        }
        text = made;
    }
    int n = snprintf(buf, size, "%s", text);
    if (n < 0 || (size_t)n >= size)
        return skpi__error(SKPI_ERANGE, "skpi_report_channel_name: the name of \"%s\" needs %d bytes",
                           selector, n + 1);
    return SKPI_OK;
}
