/* The import engine: options, header detection, the per-row mapping of
 * every preset shape onto staged series and posts, and the public entry
 * points. */
#include "import/import_internal.h"
#include "import/care.h"
#include "import/sentiment.h"
#include "import/workbook.h"

#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Records looked at for a header before giving up. */
#define HEADER_SEARCH_LIMIT 32

/* The kind of a catalog metric (one call site for the catalog's getter). */
static int metric_kind(const skpi_metric *m)
{
    return skpi_metric_kind_of(m);
}

/* ---- summary ---------------------------------------------------------- */

/* A list of strings the summary owns. */
typedef struct name_list {
    char **item;
    size_t n, cap;
} name_list;

static void names_free(name_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        skpi__free(l->item[i]);
    skpi__free(l->item);
}

static int names_add(name_list *l, const char *text, size_t len)
{
    if (l->n == l->cap) {
        size_t n = l->cap ? l->cap * 2 : 8;
        char **p = skpi__reallocarray(l->item, n, sizeof *p);
        if (p == NULL)
            return skpi__nomem();
        l->item = p;
        l->cap = n;
    }
    char *copy = skpi__malloc(len + 1);
    if (copy == NULL)
        return skpi__nomem();
    memcpy(copy, text, len);
    copy[len] = '\0';
    l->item[l->n++] = copy;
    return SKPI_OK;
}

/* Lines of error rows kept for the summary. */
#define ERROR_LINES_KEPT 1000

struct skpi_import_summary {
    int preset;
    uint64_t header_line, rows, points, points_updated, series, posts, posts_updated;
    uint64_t skipped[SKPI_IMPORT_SKIP_EXPORT_ERROR + 1];
    name_list ignored, warnings;
    uint64_t *error_lines;
    size_t nerror_lines;
    bool has_covers;
    skpi_period covers;
};

void skpi_import_summary_free(skpi_import_summary *s)
{
    if (s == NULL)
        return;
    names_free(&s->ignored);
    names_free(&s->warnings);
    skpi__free(s->error_lines);
    skpi__free(s);
}

int skpi_import_summary_preset(const skpi_import_summary *s) { return s ? s->preset : 0; }
uint64_t skpi_import_summary_header_line(const skpi_import_summary *s) { return s ? s->header_line : 0; }
uint64_t skpi_import_summary_rows(const skpi_import_summary *s) { return s ? s->rows : 0; }
uint64_t skpi_import_summary_points(const skpi_import_summary *s) { return s ? s->points : 0; }
uint64_t skpi_import_summary_series(const skpi_import_summary *s) { return s ? s->series : 0; }
uint64_t skpi_import_summary_posts(const skpi_import_summary *s) { return s ? s->posts : 0; }
uint64_t skpi_import_summary_posts_updated(const skpi_import_summary *s)
{
    return s ? s->posts_updated : 0;
}
uint64_t skpi_import_summary_points_updated(const skpi_import_summary *s)
{
    return s ? s->points_updated : 0;
}

uint64_t skpi_import_summary_skipped(const skpi_import_summary *s, int reason)
{
    if (s == NULL || reason < 0 || reason > SKPI_IMPORT_SKIP_EXPORT_ERROR)
        return 0;
    return s->skipped[reason];
}

size_t skpi_import_summary_ignored_count(const skpi_import_summary *s)
{
    return s ? s->ignored.n : 0;
}

const char *skpi_import_summary_ignored(const skpi_import_summary *s, size_t index)
{
    return s && index < s->ignored.n ? s->ignored.item[index] : NULL;
}

size_t skpi_import_summary_warning_count(const skpi_import_summary *s)
{
    return s ? s->warnings.n : 0;
}

const char *skpi_import_summary_warning(const skpi_import_summary *s, size_t index)
{
    return s && index < s->warnings.n ? s->warnings.item[index] : NULL;
}

size_t skpi_import_summary_error_row_count(const skpi_import_summary *s)
{
    return s ? s->nerror_lines : 0;
}

uint64_t skpi_import_summary_error_row_line(const skpi_import_summary *s, size_t index)
{
    return s && index < s->nerror_lines ? s->error_lines[index] : 0;
}

int skpi_import_summary_covers(const skpi_import_summary *s, skpi_period *out)
{
    if (s == NULL || out == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_import_summary_covers: %s is NULL",
                           s == NULL ? "s" : "out");
    if (!s->has_covers)
        return skpi__error(SKPI_ENOTFOUND, "the import covers no range of days (not a "
                           "post-level export, or one without posts)");
    *out = s->covers;
    return SKPI_OK;
}

int skpi_import_skip_max(void) { return SKPI_IMPORT_SKIP_EXPORT_ERROR; }

static int summary_ignore(skpi_import_summary *s, const char *name, size_t len)
{
    return names_add(&s->ignored, name, len);
}

/* A warning sentence, printf-style, kept in the summary. */
static int summary_warn(skpi_import_summary *s, const char *fmt, ...)
{
    char buf[320];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    return names_add(&s->warnings, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static int summary_error_row(skpi_import_summary *s, uint64_t line)
{
    s->skipped[SKPI_IMPORT_SKIP_EXPORT_ERROR]++;
    if (s->nerror_lines >= ERROR_LINES_KEPT)
        return SKPI_OK;
    if (s->nerror_lines == 0 &&
        (s->error_lines = skpi__reallocarray(NULL, ERROR_LINES_KEPT, sizeof *s->error_lines)) == NULL)
        return skpi__nomem();
    s->error_lines[s->nerror_lines++] = line;
    return SKPI_OK;
}

/* ---- time zones ---------------------------------------------------------- */

/* The start of the day a date names, in the reports' zone. */
static bool date_day_start(const importer *im, const skpi__date *d, skpi_time *out)
{
    skpi__date day = *d;
    day.hour = day.minute = day.second = 0;
    day.has_offset = false;
    skpi_time civil;
    if (!skpi__date_time(&day, 0, &civil))
        return false;
    *out = skpi__days_start(&im->days, civil / 86400 - (civil % 86400 < 0));
    return true;
}

/* The zone of times written without an offset: the options', else the
 * preset's unless a UTC offset was given (which applies as it always
 * did); NULL for a fixed offset. Opened once per import. */
static const skpi_calendar *source_zone(importer *im)
{
    if (im->source != NULL)
        return im->source;
    if (im->opt.utc_offset_minutes != 0 || im->preset == NULL)
        return NULL;
    const char *zone = skpi__preset_zone(im->preset->id);
    if (strcmp(zone, "UTC") == 0)
        return NULL;
    if (im->preset_source == NULL &&
        (skpi_calendar_new(&im->preset_source) != SKPI_OK ||
         skpi_calendar_set_time_zone(im->preset_source, zone) != SKPI_OK)) {
        skpi_calendar_free(im->preset_source);
        im->preset_source = NULL;
    }
    return im->preset_source;
}

/* ---- options and preset names ---------------------------------------- */

/* The size of a version 1 and 2 ::skpi_import_options: up to their last member. */
#define V1_SIZE (offsetof(skpi_import_options, delimiter) + sizeof(int))
#define V2_SIZE (offsetof(skpi_import_options, covers_to) + sizeof(const char *))
#define V3_SIZE (offsetof(skpi_import_options, source_time_zone) + sizeof(const char *))
#define OPTIONS_SIZE(v) ((v) == 1 ? V1_SIZE : (v) == 2 ? V2_SIZE : (v) == 3 ? V3_SIZE \
                         : sizeof(skpi_import_options))

int skpi_import_options_init(skpi_import_options *opts, unsigned version)
{
    if (opts == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_import_options_init: opts is NULL");
    if (version < 1 || version > SKPI_IMPORT_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION,
                           "skpi_import_options_init: version %u is unknown (this library knows "
                           "1 to %d)", version, SKPI_IMPORT_OPTIONS_VERSION);
    skpi_import_options d = SKPI_IMPORT_OPTIONS_INIT;
    d.version = version;
    /* A version 1 struct ends before the members version 2 added. */
    memcpy(opts, &d, OPTIONS_SIZE(version));
    return SKPI_OK;
}

int skpi_import_preset_max(void) { return SKPI__PRESET_LAST; }

const char *skpi_import_preset_name(int preset)
{
    if (preset == SKPI_IMPORT_AUTO)
        return "auto";
    const skpi__preset *p = skpi__preset_get(preset);
    return p ? p->name : NULL;
}

int skpi_import_preset_from_name(int *out, const char *name)
{
    if (out == NULL || name == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_import_preset_from_name: %s is NULL",
                           out == NULL ? "out" : "name");
    for (int i = 0; i <= SKPI__PRESET_LAST; i++) {
        if (strcmp(skpi_import_preset_name(i), name) == 0) {
            *out = i;
            return SKPI_OK;
        }
    }
    return skpi__error(SKPI_ENOTFOUND, "skpi_import_preset_from_name: no preset is named \"%s\"",
                       name);
}

/* ---- messages --------------------------------------------------------- */

static int field_error(const importer *im, uint64_t line, size_t col, const char *what,
                       const char *value, size_t vlen)
{
    const char *hname = col < im->ncols ? im->header + im->header_off[col] : "";
    if (vlen > 40)
        vlen = 40;
    return skpi__error(SKPI_EPARSE, "%s: line %llu, column %zu (\"%s\"): %s, found \"%.*s\"",
                       im->name, (unsigned long long)line, col + 1, hname, what, (int)vlen,
                       value);
}

/* ---- channels --------------------------------------------------------- */

static int check_channel(importer *im, const char *key, uint64_t line, size_t col)
{
    int m;
    int rc = skpi_dataset_match(&m, im->ds, "*", key);
    if (rc == SKPI_EINVAL) {
        /* The dataset's message says why; copy it before writing ours. */
        char why[160];
        snprintf(why, sizeof why, "%s", skpi_last_error());
        if (line == 0)
            return skpi__error(SKPI_EINVAL, "%s: channel \"%.60s\" is malformed: %s", im->name,
                               key, why);
        char msg[256];
        snprintf(msg, sizeof msg, "the channel built from this row is malformed (%s)", why);
        return field_error(im, line, col, msg, key, strlen(key));
    }
    return rc;
}

/* Intern a channel key, checking new ones against the dataset's rules. */
static int intern_channel(importer *im, const char *key, size_t len, uint64_t line, size_t col,
                          uint32_t *out)
{
    bool is_new;
    int rc = skpi__stage_channel(&im->st, key, len, out, &is_new);
    if (rc != SKPI_OK || !is_new)
        return rc;
    return check_channel(im, im->st.channels[*out], line, col);
}

/* Network names as Sprout Social writes them, to channel networks. */
static void network_key(char *out, size_t size, const char *s, size_t n)
{
    static const struct { const char *name, *key; } known[] = {
        { "twitter", "x" }, { "x", "x" }, { "x (twitter)", "x" }, { "facebook", "facebook" },
        { "instagram", "instagram" }, { "linkedin", "linkedin" },
        { "linkedin company", "linkedin" }, { "linkedin page", "linkedin" },
        { "tiktok", "tiktok" }, { "youtube", "youtube" }, { "pinterest", "pinterest" },
        { "threads", "threads" }, { "instagram business", "instagram" },
        { "facebook page", "facebook" },
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (skpi__header_equal(s, n, known[i].name)) {
            snprintf(out, size, "%s", known[i].key);
            return;
        }
    }
    size_t w = 0;
    for (size_t i = 0; i < n && w + 1 < size; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            c = '_';
        out[w++] = c;
    }
    out[w] = '\0';
    if (w == 0)
        snprintf(out, size, "unknown");
}

/* The X handle in a permalink: https://twitter.com/<handle>/status/<id>. */
static bool x_handle(const char *link, size_t n, const char **h, size_t *hl)
{
    const char *st = NULL;
    for (size_t i = 0; i + 8 <= n; i++)
        if (memcmp(link + i, "/status/", 8) == 0)
            st = link + i;
    if (st == NULL)
        return false;
    const char *b = st;
    while (b > link && b[-1] != '/')
        b--;
    if (b == st || b == link)
        return false;
    *h = b;
    *hl = (size_t)(st - b);
    return true;
}

/* The TikTok account in a video link: https://www.tiktok.com/@<name>/video/<id>. */
static bool tiktok_handle(const char *link, size_t n, const char **h, size_t *hl)
{
    for (size_t i = 0; i + 2 <= n; i++) {
        if (link[i] != '/' || link[i + 1] != '@')
            continue;
        size_t e = i + 2;
        while (e < n && link[e] != '/' && link[e] != '?')
            e++;
        if (e == i + 2)
            return false;
        *h = link + i + 2;
        *hl = e - (i + 2);
        return true;
    }
    return false;
}

/* The channel of a row: the host's override, or what the row says. */
static int row_channel(importer *im, const skpi__record *r, uint32_t *out)
{
    if (im->has_fixed) {
        *out = im->fixed_channel;
        return SKPI_OK;
    }
    char *buf = im->chbuf;
    size_t size = sizeof im->chbuf;
    const char *net = im->network;
    char netbuf[64];
    if (im->c_network >= 0) {
        network_key(netbuf, sizeof netbuf, r->field[im->c_network], r->len[im->c_network]);
        net = netbuf;
    }
    int n = -1;
    size_t col = 0;
    if (im->c_channel >= 0) {
        col = (size_t)im->c_channel;
        return intern_channel(im, r->field[col], r->len[col], r->line, col, out);
    } else if (im->c_account >= 0 && r->len[im->c_account] > 0) {
        col = (size_t)im->c_account;
        const char *a = r->field[col];
        size_t al = r->len[col];
        bool at = (strcmp(net, "x") == 0 || strcmp(net, "instagram") == 0 ||
                   strcmp(net, "tiktok") == 0) && a[0] != '@';
        n = snprintf(buf, size, "%s:%s%.*s", net, at ? "@" : "", (int)al, a);
    } else if (im->c_link >= 0 && strcmp(net, "x") == 0) {
        const char *h;
        size_t hl;
        col = (size_t)im->c_link;
        if (x_handle(r->field[col], r->len[col], &h, &hl))
            n = snprintf(buf, size, "x:@%.*s", (int)hl, h);
    } else if (im->c_link >= 0 && strcmp(net, "tiktok") == 0) {
        const char *h;
        size_t hl;
        col = (size_t)im->c_link;
        if (tiktok_handle(r->field[col], r->len[col], &h, &hl))
            n = snprintf(buf, size, "tiktok:@%.*s", (int)hl, h);
    }
    if (n < 0)
        n = snprintf(buf, size, "%s:default", net);
    if ((size_t)n >= size)
        return field_error(im, r->line, col, "the channel name is too long", r->field[col],
                           r->len[col]);
    return intern_channel(im, buf, (size_t)n, r->line, col, out);
}

/* ---- header ------------------------------------------------------------ */

/* The catalog metric behind a key: OK with *id set, or ignored. */
static int plan_metric(importer *im, const char *key, uint32_t *id, int *unit)
{
    const skpi_metric *m;
    *id = UINT32_MAX;
    if (skpi_catalog_find(&m, im->cat, key) != SKPI_OK)
        return SKPI_OK;
    int kind = metric_kind(m);
    if (kind == SKPI_KIND_DERIVED)
        return SKPI_OK;
    *unit = skpi_metric_unit(m);
    return skpi__stage_metric_add(&im->st, key, kind, *unit, id);
}

/* The network a Meta daily title names ("Facebook Page reach",
 * "Instagram follows"), or NULL ("Reach", "Visits"). */
static const char *meta_network(const char *low)
{
    if (strncmp(low, "instagram", 9) == 0)
        return "instagram";
    if (strncmp(low, "facebook", 8) == 0)
        return "facebook";
    return NULL;
}

/* The part of a channel key before its colon is its network. */
static bool channel_network_is(const char *channel, const char *network)
{
    size_t n = strlen(network);
    return strncmp(channel, network, n) == 0 && channel[n] == ':';
}

/* The channel of a Meta daily section: the host's when the title names no
 * network or the host's network; the title's network otherwise. A title
 * naming no network needs the host's channel: the data is never guessed
 * onto a network. */
static int meta_channel(importer *im, const char *net)
{
    int rc;
    const char *ch = im->opt.channel;
    char buf[64];
    if (net == NULL && ch == NULL)
        return skpi__error(SKPI_EINVAL,
                           "%s: line %llu: the title \"%.60s\" does not say whether the data is "
                           "Facebook's or Instagram's: set the channel option to the account it "
                           "belongs to (e.g. instagram:@name)", im->name,
                           (unsigned long long)im->preamble_line, im->preamble);
    if (net != NULL && (ch == NULL || !channel_network_is(ch, net))) {
        snprintf(buf, sizeof buf, "%s:default", net);
        if (ch != NULL &&
            (rc = summary_warn(im->sum, "%s: line %llu: \"%.60s\" is %s data: stored on %s, "
                               "not on %.60s", im->name, (unsigned long long)im->preamble_line,
                               im->preamble, net, buf, ch)) != SKPI_OK)
            return rc;
        ch = buf;
    }
    im->network = net ? net : "meta";
    if ((rc = intern_channel(im, ch, strlen(ch), 0, 0, &im->fixed_channel)) != SKPI_OK)
        return rc;
    im->has_fixed = true;
    return SKPI_OK;
}

/* Meta daily files name their metric above the header; a file may hold
 * several sections, each with its title and header. A title whose metric
 * the catalog lacks makes its section "not imported", never an error. */
static int meta_section(importer *im, uint64_t line)
{
    static const struct { const char *word, *key; } words[] = {
        { "link clicks", "link_clicks" }, { "clicks", "clicks" }, { "reach", "reach" },
        { "impressions", "impressions" }, { "views", "impressions" },
        { "visits", "profile_visits" }, { "interactions", "engagements" },
        { "engagement", "engagements" }, { "followers", "followers" },
        { "unfollows", "lost_followers" }, { "follows", "new_followers" },
        { "new likes", "new_followers" },
    };
    char low[128];
    size_t n = 0;
    int rc;
    if (im->preamble[0] == '\0')
        return skpi__error(SKPI_EPARSE,
                           "%s: line %llu, column 1: the metric name line expected above "
                           "\"Date\",\"Primary\" is missing", im->name, (unsigned long long)line);
    for (const char *p = im->preamble; *p && n + 1 < sizeof low; p++)
        low[n++] = (*p >= 'A' && *p <= 'Z') ? (char)(*p - 'A' + 'a') : *p;
    low[n] = '\0';
    im->value_metric = UINT32_MAX;
    for (size_t i = 0; i < sizeof words / sizeof words[0] && im->value_metric == UINT32_MAX; i++) {
        if (strstr(low, words[i].word) == NULL)
            continue;
        int unit = SKPI_UNIT_COUNT;
        if ((rc = plan_metric(im, words[i].key, &im->value_metric, &unit)) != SKPI_OK)
            return rc;
        im->value_unit = unit;
        break;
    }
    im->section_skip = im->value_metric == UINT32_MAX;
    if (im->c_value >= 0) {
        col_plan *cp = &im->plan[im->c_value];
        cp->role = im->section_skip ? SKPI__COL_IGNORE : SKPI__COL_METRIC;
        cp->metric = im->value_metric;
        cp->unit = im->value_unit;
    }
    if (im->section_skip)
        return summary_ignore(im->sum, im->preamble, strlen(im->preamble));
    return meta_channel(im, meta_network(low));
}

/* A title line below a Meta daily section starts the next section. */
static int meta_next_section(importer *im, const skpi__record *r)
{
    if (!im->section_wait) {
        size_t n = r->len[0] < sizeof im->preamble - 1 ? r->len[0] : sizeof im->preamble - 1;
        memcpy(im->preamble, r->field[0], n);
        im->preamble[n] = '\0';
        im->preamble_line = r->line;
        im->section_wait = true;
        im->sum->skipped[SKPI_IMPORT_SKIP_PREAMBLE]++;
        return SKPI_OK;
    }
    int score;
    if (r->n != im->ncols || !skpi__preset_fits(im->preset, r->field, r->len, r->n, &score) ||
        !skpi__header_equal(r->field[im->c_date], r->len[im->c_date], "Date"))
        return skpi__error(SKPI_EPARSE, "%s: line %llu, column 1: expected the header "
                           "\"Date\",\"Primary\" under the title \"%.60s\" (line %llu)",
                           im->name, (unsigned long long)r->line, im->preamble,
                           (unsigned long long)im->preamble_line);
    im->section_wait = false;
    im->sum->skipped[SKPI_IMPORT_SKIP_PREAMBLE]++;
    im->date_len = 0;
    return meta_section(im, r->line);
}

/* Column `later` of the header holds what column `first` already holds (the
 * same name twice, or two names of one metric): the first one is imported,
 * the later one is listed as not imported, with a warning. */
static int duplicate_column(importer *im, const skpi__record *r, size_t first, size_t later)
{
    im->plan[later].role = SKPI__COL_IGNORE;
    im->plan[later].metric = UINT32_MAX;
    int rc = summary_ignore(im->sum, r->field[later], r->len[later]);
    if (rc != SKPI_OK)
        return rc;
    const char *a = r->field[first], *b = r->field[later];
    if (skpi__header_equal(b, r->len[later], a))
        return summary_warn(im->sum, "%s: line %llu: the header names \"%.60s\" twice (columns "
                            "%zu and %zu): the first is imported, the second is not", im->name,
                            (unsigned long long)r->line, a, first + 1, later + 1);
    return summary_warn(im->sum, "%s: line %llu: columns \"%.60s\" (%zu) and \"%.60s\" (%zu) hold "
                        "the same data: the first is imported, the second is not", im->name,
                        (unsigned long long)r->line, a, first + 1, b, later + 1);
}

/* Keep a copy of the header's names (the summary and messages quote them). */
static int copy_header(importer *im, const skpi__record *r)
{
    size_t bytes = 0;
    for (size_t i = 0; i < r->n; i++)
        bytes += r->len[i] + 1;
    im->header = skpi__malloc(bytes);
    im->header_off = skpi__reallocarray(NULL, r->n, sizeof *im->header_off);
    im->plan = skpi__reallocarray(NULL, r->n, sizeof *im->plan);
    im->vals = skpi__reallocarray(NULL, r->n, sizeof *im->vals);
    if (!im->header || !im->header_off || !im->plan || !im->vals)
        return skpi__nomem();
    size_t off = 0;
    for (size_t i = 0; i < r->n; i++) {
        memcpy(im->header + off, r->field[i], r->len[i] + 1);
        im->header_off[i] = off;
        off += r->len[i] + 1;
    }
    return SKPI_OK;
}

/* Where the importer keeps the column of a role that appears once. */
static int *role_slot(importer *im, int role)
{
    switch (role) {
    case SKPI__COL_DATE: return &im->c_date;
    case SKPI__COL_POST_ID: return &im->c_id;
    case SKPI__COL_LINK: return &im->c_link;
    case SKPI__COL_TEXT: return &im->c_text;
    case SKPI__COL_TYPE: return &im->c_type;
    case SKPI__COL_ACCOUNT: return &im->c_account;
    case SKPI__COL_NETWORK: return &im->c_network;
    case SKPI__COL_CHANNEL: return &im->c_channel;
    case SKPI__COL_METRIC_KEY: return &im->c_metric;
    case SKPI__COL_VALUE: return &im->c_value;
    case SKPI__COL_SENTIMENT: return &im->c_sentiment;
    case SKPI__COL_AUTHOR: return &im->c_author;
    case SKPI__COL_TAGS: return &im->c_tags;
    case SKPI__COL_ANSWERED: return &im->c_answered;
    case SKPI__COL_RESPONSE: return &im->c_response;
    case SKPI__COL_BIN: return &im->c_bin;
    default: return NULL;
    }
}

/* Column i holds the preset's metric column c: a metric of the catalog (or
 * not imported when the catalog lacks it), the first column of its metric. */
static int plan_metric_column(importer *im, const skpi__preset_column *c, const skpi__record *r,
                              size_t i)
{
    col_plan *cp = &im->plan[i];
    int rc = plan_metric(im, c->metric, &cp->metric, &cp->unit);
    if (rc != SKPI_OK)
        return rc;
    if (cp->metric == UINT32_MAX) {
        cp->role = SKPI__COL_IGNORE;
        return summary_ignore(im->sum, r->field[i], r->len[i]);
    }
    size_t j = 0;
    while (j < i && !(im->plan[j].role == SKPI__COL_METRIC && im->plan[j].metric == cp->metric))
        j++;
    if (j < i)
        return duplicate_column(im, r, j, i);
    if (strcmp(c->metric, "posts_published") == 0)
        im->has_posts_column = true;
    return SKPI_OK;
}

/* What column i of the header is for, by the preset's column names. */
static int plan_column(importer *im, const skpi__preset *p, const skpi__record *r, size_t i)
{
    col_plan *cp = &im->plan[i];
    *cp = (col_plan){ SKPI__COL_IGNORE, 0, UINT32_MAX, SKPI_UNIT_COUNT };
    const skpi__preset_column *c = NULL;
    for (size_t k = 0; k < p->ncolumns && c == NULL; k++)
        if (skpi__column_named(p, &p->columns[k], r->field[i], r->len[i]))
            c = &p->columns[k];
    if (c == NULL)
        return summary_ignore(im->sum, r->field[i], r->len[i]);
    cp->role = c->role;
    cp->flags = c->flags;
    if (c->role == SKPI__COL_METRIC)
        return plan_metric_column(im, c, r, i);
    int *slot = role_slot(im, c->role);
    if (slot == NULL)
        return summary_ignore(im->sum, r->field[i], r->len[i]);
    if (*slot >= 0)
        return duplicate_column(im, r, (size_t)*slot, i);
    *slot = (int)i;
    return SKPI_OK;
}

/* A channel that does not vary by row is interned once: the one the
 * options give, else "network:default" when no column names the channel
 * (X and TikTok posts name it in their links). */
static int fix_channel(importer *im)
{
    int rc;
    if (im->has_fixed) {
        /* Meta daily: chosen by the section */
    } else if (im->opt.channel != NULL) {
        if ((rc = intern_channel(im, im->opt.channel, strlen(im->opt.channel), 0, 0,
                                 &im->fixed_channel)) != SKPI_OK)
            return rc;
        im->has_fixed = true;
    } else if (im->c_channel < 0 && im->c_account < 0 && im->c_network < 0 &&
               !(im->c_link >= 0 && (strcmp(im->network, "x") == 0 ||
                                     strcmp(im->network, "tiktok") == 0))) {
        char buf[80];
        int n = snprintf(buf, sizeof buf, "%s:default", im->network);
        if ((rc = intern_channel(im, buf, (size_t)n, 0, 0, &im->fixed_channel)) != SKPI_OK)
            return rc;
        im->has_fixed = true;
    }
    return SKPI_OK;
}

static int take_header(importer *im, const skpi__preset *p, const skpi__record *r)
{
    im->preset = p;
    /* A ranking's posts are stored without daily flows (only some posts). */
    im->st.ranking = (p->flags & SKPI__P_RANKING) != 0;
    im->posts_seen = im->posts_seen || (p->shape == SKPI__SHAPE_POSTS && !im->st.ranking);
    im->sum->preset = p->id;
    im->sum->header_line = r->line;
    im->ncols = r->n;
    im->network = p->network ? p->network : "generic";
    int rc = copy_header(im, r);
    for (size_t i = 0; i < r->n && rc == SKPI_OK; i++)
        rc = plan_column(im, p, r, i);
    if (rc != SKPI_OK)
        return rc;
    if (p->shape == SKPI__SHAPE_PREAMBLE_METRIC && (rc = meta_section(im, r->line)) != SKPI_OK)
        return rc;
    if (p->shape == SKPI__SHAPE_MESSAGES || p->shape == SKPI__SHAPE_BINS) {
        if ((rc = skpi__care_plan(im)) != SKPI_OK)
            return rc;
    } else if (p->flags & SKPI__P_MENTIONS) {
        /* each row one mention: counted, and counted by its sentiment */
        static const char *const by_sentiment[3] = { "positive_mentions", "neutral_mentions",
                                                     "negative_mentions" };
        int unit;
        if ((rc = plan_metric(im, "mentions", &im->posts_metric, &unit)) != SKPI_OK)
            return rc;
        for (int k = 0; k < 3; k++)
            if ((rc = plan_metric(im, by_sentiment[k], &im->sentiment_metric[k], &unit)) != SKPI_OK)
                return rc;
    } else if (p->shape == SKPI__SHAPE_POSTS && !im->has_posts_column) {
        int unit;
        if ((rc = plan_metric(im, "posts_published", &im->posts_metric, &unit)) != SKPI_OK)
            return rc;
    }
    im->holding = (p->flags & SKPI__P_NO_YEAR) != 0;
    if ((rc = fix_channel(im)) != SKPI_OK)
        return rc;
    im->header_done = true;
    return SKPI_OK;
}

static int keep_preamble(importer *im, const skpi__record *r)
{
    im->sum->skipped[SKPI_IMPORT_SKIP_PREAMBLE]++;
    if (im->preamble_records++ == 0) {
        im->first_line = r->line;
        size_t k = r->len[0] < sizeof im->first_text - 1 ? r->len[0] : sizeof im->first_text - 1;
        memcpy(im->first_text, r->field[0], k);
        im->first_text[k] = '\0';
    }
    size_t n = r->len[0] < sizeof im->preamble - 1 ? r->len[0] : sizeof im->preamble - 1;
    memcpy(im->preamble, r->field[0], n);
    im->preamble[n] = '\0';
    im->preamble_line = r->line;
    if (im->preamble_records >= HEADER_SEARCH_LIMIT)
        return skpi__error(SKPI_EPARSE,
                           "%s: line %llu, column 1: no header row of %s found in the first %d "
                           "rows", im->name, (unsigned long long)im->first_line,
                           im->forced ? im->forced->name : "a known export",
                           HEADER_SEARCH_LIMIT);
    return SKPI_OK;
}

/* ---- values ----------------------------------------------------------- */

/* Read one metric field into *v, following the column's flags and the
 * metric's unit. */
static int read_value(const importer *im, const skpi__record *r, size_t i, const col_plan *cp,
                      double *v)
{
    const char *s = r->field[i];
    size_t n = r->len[i];
    int rc;
    bool pct = false;
    if (cp->flags & SKPI__DURATION)
        rc = skpi__value_duration(s, n, v);
    else
        rc = skpi__value_number(s, n, v, &pct);
    if (rc == SKPI__VALUE_BAD)
        return field_error(im, r->line, i,
                           cp->flags & SKPI__DURATION ? "expected a duration (H:MM:SS)"
                                                      : "expected a number",
                           s, n);
    if (rc == SKPI__VALUE_MISSING)
        return SKPI_OK;
    if (cp->flags & SKPI__HOURS)
        *v *= 3600.0;
    if (pct) {
        if (cp->unit == SKPI_UNIT_RATIO)
            *v /= 100.0;
        else if (cp->unit != SKPI_UNIT_PERCENT)
            return field_error(im, r->line, i, "a percentage where the metric is not a rate", s,
                               n);
    }
    return SKPI_OK;
}

/* A date without a year and no export date to infer it from. */
static int no_export_date(const importer *im)
{
    return skpi__error(SKPI_EINVAL, "%s: the dates of a %s file have no year: set the export "
                       "date option to the day the file was exported", im->name,
                       im->preset->name);
}

/* What a date column expects, for messages; by skpi__date_form. */
static const char *const date_expected[] = {
    "expected a date like 2026-07-14 or 2026-07-14 16:00 +0000",
    "expected a date like 07/14/2026",
    "expected a date like Tue, Jul 14, 2026",
    "expected a date like July 14",
    "expected a date like 2026-07-14, 07/14/2026 or Jul 14, 2026",
    "expected a date like 14/07/2026",
    "expected a date like 2026-07-14, 2026/07/14, July 14 or 14 de julio",
};

static const char *order_name(int order)
{
    return order == SKPI_IMPORT_DAY_FIRST ? "day first" : "month first";
}

/* The order ambiguous numeric dates are read in when the file proves
 * none: month first for presets whose platforms write 07/14/2026. */
static int usual_order(const importer *im)
{
    bool us = im->preset->date_form == SKPI__DATE_US || (im->preset->flags & SKPI__P_MONTH_FIRST);
    return us ? SKPI_IMPORT_MONTH_FIRST : 0;
}

/* A numeric date (03/04/2025, 13-06-2025, 13.06.2025). A date that reads
 * only one way proves the file's order; the others are read in the order in
 * force, else the preset's usual one. Returns 1 (read), 0 (not a numeric
 * date), RESTART (the file proved another order than the one earlier
 * dates were read in) or an error. */
#define RESTART 2
static int numeric_date(importer *im, const skpi__record *r, size_t i, skpi__date *d)
{
    const char *s = r->field[i];
    size_t n = r->len[i];
    skpi__date md, dm;
    bool m_ok = skpi__date_parse(s, n, SKPI__DATE_US, &md);
    bool d_ok = skpi__date_parse(s, n, SKPI__DATE_DMY, &dm);
    if (!m_ok && !d_ok)
        return 0;
    if (m_ok && d_ok) {
        if (md.month != md.day && im->order == SKPI_IMPORT_DATE_ORDER_AUTO &&
            im->ambiguous_line == 0) {
            im->ambiguous_line = r->line;
            im->ambiguous_col = i;
            snprintf(im->ambiguous_text, sizeof im->ambiguous_text, "%.*s",
                     (int)(n < sizeof im->ambiguous_text ? n : sizeof im->ambiguous_text - 1), s);
        }
        int order = im->order ? im->order : usual_order(im);
        *d = order == SKPI_IMPORT_DAY_FIRST ? dm : md;
        return 1;
    }
    int proves = m_ok ? SKPI_IMPORT_MONTH_FIRST : SKPI_IMPORT_DAY_FIRST;
    if (im->order != SKPI_IMPORT_DATE_ORDER_AUTO && im->order != proves) {
        char why[200];
        if (im->order_line != 0)
            snprintf(why, sizeof why, "this date reads only %s, but the one on line %llu only "
                     "%s", order_name(proves), (unsigned long long)im->order_line,
                     order_name(im->order));
        else
            snprintf(why, sizeof why, "this date reads only %s, but the date order is %s",
                     order_name(proves), order_name(im->order));
        return field_error(im, r->line, i, why, s, n);
    }
    if (im->order == SKPI_IMPORT_DATE_ORDER_AUTO) {
        int before = usual_order(im) ? usual_order(im) : SKPI_IMPORT_MONTH_FIRST;
        im->order = proves;
        im->order_line = r->line;
        if (im->ambiguous_line != 0 && before != proves)
            return RESTART; /* the dates above were read the other way */
        im->ambiguous_line = 0;
    }
    *d = m_ok ? md : dm;
    return 1;
}

static int read_time_at(importer *im, const skpi__record *r, size_t i, skpi_time *t)
{
    /* Rows of one day follow each other: the last date read is kept (not
     * for an inferred year: one text may name two years). */
    if (im->row_year == 0 && im->date_len > 0 && im->date_len == r->len[i] &&
        memcmp(im->date_text, r->field[i], r->len[i]) == 0) {
        *t = im->date_time;
        return SKPI_OK;
    }
    skpi__date d;
    int form = im->preset->date_form;
    const char *s = r->field[i];
    size_t n = r->len[i];
    bool ok = false;
    if (form == SKPI__DATE_ANY || form == SKPI__DATE_ANY_NOYEAR)
        ok = skpi__date_parse(s, n, SKPI__DATE_ISO, &d) ||
             skpi__date_parse(s, n, SKPI__DATE_NAMED, &d) ||
             (form == SKPI__DATE_ANY_NOYEAR && skpi__date_parse(s, n, SKPI__DATE_NOYEAR, &d));
    else if (form != SKPI__DATE_US)
        ok = skpi__date_parse(s, n, form, &d);
    if (!ok) {
        int rc = numeric_date(im, r, i, &d);
        if (rc < 0 || rc == RESTART)
            return rc;
        if (rc == 0)
            return field_error(im, r->line, i, date_expected[form], s, n);
    }
    if (d.year == 0 && im->row_year > 0) {
        d.year = im->row_year; /* inferred from the order of the file's rows */
    } else if (d.year == 0) {
        /* The export's day is the latest a row can be: a later month and
         * day lie in the year before. 29 February goes back to a leap year. */
        if (!im->has_export)
            return no_export_date(im);
        int y = im->ex_y;
        if (d.month > im->ex_m || (d.month == im->ex_m && d.day > im->ex_d))
            y--;
        while (d.month == 2 && d.day == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
            y--;
        d.year = y;
    }
    int shape = im->preset->shape;
    if (shape == SKPI__SHAPE_DAILY || shape == SKPI__SHAPE_PREAMBLE_METRIC ||
        shape == SKPI__SHAPE_BINS) {
        /* A daily row belongs to the day its date names, whatever time
         * follows (Meta writes local midnight in another zone: T01:00:00
         * before a DST change, T00:00:00 after it): it starts at that
         * day's midnight in the reports' zone. */
        d.hour = d.minute = d.second = 0;
        d.has_offset = false;
        if (!date_day_start(im, &d, t))
            return field_error(im, r->line, i, "the date is out of range", s, n);
    } else if (!d.has_offset && memchr(s, ':', n) == NULL) {
        /* a date without a time of day names a day, as a daily row does */
        if (!date_day_start(im, &d, t))
            return field_error(im, r->line, i, "the date is out of range", s, n);
    } else if (!d.has_offset && source_zone(im) != NULL) {
        skpi_time local;
        if (!skpi__date_time(&d, 0, &local))
            return field_error(im, r->line, i, "the date is out of range", s, n);
        *t = skpi__zone_local(source_zone(im), local);
    } else if (!skpi__date_time(&d, im->opt.utc_offset_minutes, t)) {
        return field_error(im, r->line, i, "the date is out of range", s, n);
    }
    if (im->row_year == 0 && n < sizeof im->date_text) {
        memcpy(im->date_text, s, n);
        im->date_len = n;
        im->date_time = *t;
    }
    return SKPI_OK;
}

static int read_time(importer *im, const skpi__record *r, skpi_time *t)
{
    return read_time_at(im, r, (size_t)im->c_date, t);
}

/* ---- rows --------------------------------------------------------------- */

static int take_row(importer *im, const skpi__record *r);

static int row_daily(importer *im, const skpi__record *r)
{
    int rc;
    skpi_time t;
    if ((rc = read_time(im, r, &t)) != SKPI_OK)
        return rc;
    bool any = false;
    for (size_t i = 0; i < r->n; i++) {
        im->vals[i] = NAN;
        if (im->plan[i].role != SKPI__COL_METRIC)
            continue;
        if ((rc = read_value(im, r, i, &im->plan[i], &im->vals[i])) != SKPI_OK)
            return rc;
        any = any || !isnan(im->vals[i]);
    }
    if (!any) {
        im->sum->skipped[SKPI_IMPORT_SKIP_NO_VALUE]++;
        return SKPI_OK;
    }
    uint32_t ch;
    if ((rc = row_channel(im, r, &ch)) != SKPI_OK)
        return rc;
    bool sum = (im->preset->flags & SKPI__P_SUM_ROWS) != 0;
    for (size_t i = 0; i < r->n; i++) {
        if (im->plan[i].role != SKPI__COL_METRIC)
            continue;
        skpi__stage_series *s;
        if ((rc = skpi__stage_series_get(&im->st, im->plan[i].metric, ch, sum, &s)) != SKPI_OK ||
            (rc = skpi__stage_point(s, t, im->vals[i])) != SKPI_OK)
            return rc;
    }
    return SKPI_OK;
}

/* An id Excel turned into 8.12369747765363E+17 lost its digits; the
 * permalink still has them. */
static bool scientific(const char *s, size_t n)
{
    bool e = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == 'e' || s[i] == 'E')
            e = true;
        else if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '+'))
            return false;
    }
    return e;
}

static bool id_from_link(const char *link, size_t n, const char **id, size_t *len)
{
    while (n > 0 && (link[n - 1] == '/' || link[n - 1] == ' '))
        n--;
    size_t e = n;
    while (e > 0 && !(link[e - 1] >= '0' && link[e - 1] <= '9'))
        e--; /* query strings and the like */
    size_t b = e;
    while (b > 0 && link[b - 1] >= '0' && link[b - 1] <= '9')
        b--;
    if (e - b < 5)
        return false;
    *id = link + b;
    *len = e - b;
    return true;
}

/* A mention's sentiment class; a cell that is none is an error naming the row. */
static int mention_sentiment(const importer *im, const skpi__record *r, int *out)
{
    *out = SKPI__SENTIMENT_NONE;
    if (im->c_sentiment < 0 || (size_t)im->c_sentiment >= r->n)
        return SKPI_OK;
    size_t c = (size_t)im->c_sentiment;
    *out = skpi__sentiment_class(r->field[c], r->len[c]);
    if (*out == SKPI__SENTIMENT_BAD)
        return field_error(im, r->line, c, "expected a sentiment (positive, neutral, negative, "
                           "mixed, unclassified or a signed score)", r->field[c], r->len[c]);
    return SKPI_OK;
}

/* Whether bytes are well-formed UTF-8 (no overlong forms, surrogates or
 * code points past U+10FFFF): labels become tags, which must be. */
static bool utf8_valid(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        unsigned char c = u[i];
        size_t n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 4;
        if (n == 4 || (n == 1 && c < 0xC2) || (n == 3 && c > 0xF4) || n >= len - i)
            return false;
        unsigned char lo = 0x80, hi = 0xBF; /* the second byte's range */
        if (c == 0xE0) lo = 0xA0;
        else if (c == 0xED) hi = 0x9F;
        else if (c == 0xF0) lo = 0x90;
        else if (c == 0xF4) hi = 0x8F;
        for (size_t k = 1; k <= n; k++)
            if (u[i + k] < (k == 1 ? lo : 0x80) || u[i + k] > (k == 1 ? hi : 0xBF))
                return false;
        i += n + 1;
    }
    return true;
}

static int row_post(importer *im, const skpi__record *r)
{
    int rc;
    /* Without an id column (TikTok), the id is the digits ending the link;
     * a mention's is its whole link. */
    size_t ci = (size_t)(im->c_id >= 0 ? im->c_id : im->c_link);
    const char *id = r->field[ci];
    size_t idlen = r->len[ci];
    bool mention = (im->preset->flags & SKPI__P_MENTIONS) != 0;
    int sentiment = -1;
    if (mention && (rc = mention_sentiment(im, r, &sentiment)) != SKPI_OK)
        return rc;
    if (mention && im->c_account >= 0 && r->len[im->c_account] == 0)
        return field_error(im, r->line, (size_t)im->c_account,
                           "a mention needs the brand or competitor it matched", "", 0);
    if (im->c_id < 0 && !mention && !id_from_link(r->field[ci], r->len[ci], &id, &idlen))
        return field_error(im, r->line, ci, "expected a link ending in the post's id",
                           r->field[ci], r->len[ci]);
    while (idlen > 0 && (*id == ' ' || *id == '\t')) {
        id++;
        idlen--;
    }
    while (idlen > 0 && (id[idlen - 1] == ' ' || id[idlen - 1] == '\t'))
        idlen--;
    if (idlen == 0)
        return field_error(im, r->line, ci, mention ? "a mention needs its link" : "the post id is empty",
                           id, 0);
    if (scientific(id, idlen)) {
        if (im->c_link < 0 ||
            !id_from_link(r->field[im->c_link], r->len[im->c_link], &id, &idlen))
            return field_error(im, r->line, ci,
                               "the post id was written in scientific notation and no "
                               "permalink holds its digits", r->field[ci], r->len[ci]);
    }
    if (im->c_tags >= 0 && !utf8_valid(r->field[im->c_tags], r->len[im->c_tags]))
        return skpi__error(SKPI_EPARSE, "%s: line %llu, column %d (\"%s\"): the labels are not valid "
                           "UTF-8 (save the file as UTF-8)", im->name, (unsigned long long)r->line,
                           im->c_tags + 1, im->header + im->header_off[im->c_tags]);
    skpi_time t;
    if ((rc = read_time(im, r, &t)) != SKPI_OK)
        return rc;
    for (size_t i = 0; i < r->n; i++) {
        im->vals[i] = NAN;
        if (im->plan[i].role == SKPI__COL_METRIC &&
            (rc = read_value(im, r, i, &im->plan[i], &im->vals[i])) != SKPI_OK)
            return rc;
    }
    uint32_t ch;
    if ((rc = row_channel(im, r, &ch)) != SKPI_OK)
        return rc;
    char idbuf[128];
    char *idz = idbuf;
    if (idlen >= sizeof idbuf && (idz = skpi__malloc(idlen + 1)) == NULL)
        return skpi__nomem();
    memcpy(idz, id, idlen);
    idz[idlen] = '\0';
    rc = skpi__stage_post_begin(&im->st, ch, idz, t,
                                im->c_type >= 0 ? r->field[im->c_type] : NULL,
                                im->c_text >= 0 ? r->field[im->c_text] : NULL,
                                im->c_link >= 0 ? r->field[im->c_link] : NULL,
                                im->c_tags >= 0 ? r->field[im->c_tags] : NULL);
    if (idz != idbuf)
        skpi__free(idz);
    if (rc != SKPI_OK)
        return rc;
    for (size_t i = 0; i < r->n; i++)
        if (im->plan[i].role == SKPI__COL_METRIC &&
            (rc = skpi__stage_post_value(&im->st, im->plan[i].metric, im->vals[i])) != SKPI_OK)
            return rc;
    /* One of positive, neutral, negative; an unclassified mention none. */
    for (int k = 0; mention && k < 3; k++)
        if (im->sentiment_metric[k] != UINT32_MAX &&
            (rc = skpi__stage_post_value(&im->st, im->sentiment_metric[k], k == sentiment ? 1.0 : 0.0)) != SKPI_OK)
            return rc;
    return SKPI_OK;
}

/* The metric of a long row's key, through a small cache: long files cycle
 * through a handful of keys. *state is 0 or the reason to skip the row. */
static int long_metric(importer *im, const char *key, size_t klen, metric_memo **out)
{
    for (size_t i = 0; i < im->nmemo; i++) {
        metric_memo *m = &im->memo[i];
        if (m->len == klen && memcmp(m->key, key, klen) == 0) {
            *out = m;
            return SKPI_OK;
        }
    }
    /* A new key: replace the oldest entry once the cache is full. */
    metric_memo *m = &im->memo[im->nmemo < SKPI__MEMO ? im->nmemo++ : im->memo_next++ % SKPI__MEMO];
    m->len = klen < sizeof m->key ? klen : 0;
    memcpy(m->key, key, m->len);
    m->state = 0;
    const skpi_metric *cm;
    if (klen == 0 || klen >= sizeof m->key || skpi_catalog_find(&cm, im->cat, key) != SKPI_OK) {
        m->state = SKPI_IMPORT_SKIP_UNKNOWN_METRIC;
    } else if (metric_kind(cm) == SKPI_KIND_DERIVED) {
        m->state = SKPI_IMPORT_SKIP_DERIVED_METRIC;
    } else {
        m->unit = skpi_metric_unit(cm);
        int rc = skpi__stage_metric_add(&im->st, key, metric_kind(cm), m->unit, &m->metric);
        if (rc != SKPI_OK) {
            m->len = 0;
            m->state = SKPI_IMPORT_SKIP_UNKNOWN_METRIC;
            return rc;
        }
    }
    *out = m;
    return SKPI_OK;
}

static int row_long(importer *im, const skpi__record *r)
{
    int rc;
    size_t mi = (size_t)im->c_metric, vi = (size_t)im->c_value;
    metric_memo *m;
    if ((rc = long_metric(im, r->field[mi], r->len[mi], &m)) != SKPI_OK)
        return rc;
    if (m->state != 0) {
        im->sum->skipped[m->state]++;
        return SKPI_OK;
    }
    skpi_time t;
    if ((rc = read_time(im, r, &t)) != SKPI_OK)
        return rc;
    double v = NAN;
    col_plan cp = { SKPI__COL_METRIC, 0, m->metric, m->unit };
    if ((rc = read_value(im, r, vi, &cp, &v)) != SKPI_OK)
        return rc;
    uint32_t ch;
    if ((rc = row_channel(im, r, &ch)) != SKPI_OK)
        return rc;
    skpi__stage_series *s;
    if (im->has_last_series && im->last_series_metric == m->metric &&
        im->last_series_channel == ch) {
        s = &im->st.series[im->last_series];
    } else {
        if ((rc = skpi__stage_series_get(&im->st, m->metric, ch, false, &s)) != SKPI_OK)
            return rc;
        im->last_series = (size_t)(s - im->st.series);
        im->has_last_series = true;
        im->last_series_metric = m->metric;
        im->last_series_channel = ch;
    }
    return skpi__stage_point(s, t, v);
}

static bool all_blank_field(const char *f, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (f[k] != ' ' && f[k] != '\t' && f[k] != '\r')
            return false;
    return true;
}

static bool all_blank(const skpi__record *r)
{
    for (size_t i = 0; i < r->n; i++)
        if (!all_blank_field(r->field[i], r->len[i]))
            return false;
    return true;
}

/* A row where the platform wrote an error instead of a post: an empty post
 * id and a field reading "An error occurred while computing metadata for
 * content with ID ..." (Meta). */
static bool export_error_row(const importer *im, const skpi__record *r)
{
    static const char phrase[] = "An error occurred while computing";
    size_t ci = (size_t)im->c_id;
    if (ci < r->n && !all_blank_field(r->field[ci], r->len[ci]))
        return false;
    for (size_t i = 0; i < r->n; i++) {
        const char *f = r->field[i];
        size_t n = r->len[i];
        while (n > 0 && (*f == ' ' || *f == '"')) {
            f++;
            n--;
        }
        if (n >= sizeof phrase - 1 && memcmp(f, phrase, sizeof phrase - 1) == 0)
            return true;
    }
    return false;
}

/* The preset whose header this row is, or NULL. */
static const skpi__preset *header_preset(importer *im, const skpi__record *r)
{
    int score;
    if (im->forced != NULL)
        return skpi__preset_fits(im->forced, r->field, r->len, r->n, &score) ? im->forced : NULL;
    const skpi__preset *p = skpi__preset_detect(r->field, r->len, r->n);
    if (p == NULL && im->wide.ncolumns > 0 &&
        skpi__preset_fits(&im->wide, r->field, r->len, r->n, &score))
        p = &im->wide;
    return p;
}


/* A row a spreadsheet wrapped whole in one pair of quotes, split by an
 * inner reader: the header when it fits a preset (then every later row
 * of the file is read so), a data row of such a file. */
static int on_unwrapped(void *ctx, const skpi__record *inner)
{
    importer *im = ctx;
    skpi__record r = *inner;
    r.line = im->unwrap_line;
    if (im->header_done)
        return im->holding ? skpi__held_add(&im->held, &r) : take_row(im, &r);
    const skpi__preset *p = header_preset(im, &r);
    if (p == NULL) {
        im->unwrap_missed = true;
        return SKPI_OK;
    }
    im->unwrap = true;
    return take_header(im, p, &r);
}

/* Whether a one-field row was unwrapped and handled (*done). */
static int unwrap_row(importer *im, const skpi__record *r, bool *done)
{
    unsigned char delim = skpi__reader_delimiter(&im->reader);
    *done = false;
    if (r->n != 1 || memchr(r->field[0], delim, r->len[0]) == NULL ||
        (im->header_done && !im->unwrap))
        return SKPI_OK;
    if (!im->inner_ready) {
        skpi__reader_init(&im->inner, im->name, delim, on_unwrapped, im);
        im->inner_ready = true;
    }
    im->unwrap_line = r->line;
    im->unwrap_missed = false;
    int rc = skpi__reader_feed(&im->inner, r->field[0], r->len[0]);
    if (rc == SKPI_OK)
        rc = skpi__reader_feed(&im->inner, "\n", 1);
    if (rc == SKPI_OK && im->inner.in_record)
        rc = skpi__error(SKPI_EPARSE, "%s: line %llu, column 1: the quoted row holds an "
                         "unterminated quote", im->name, (unsigned long long)r->line);
    *done = !im->unwrap_missed;
    return rc;
}

static int on_record(void *ctx, const skpi__record *r)
{
    importer *im = ctx;
    bool done;
    int rc = unwrap_row(im, r, &done);
    if (rc != SKPI_OK || done)
        return rc;
    if (!im->header_done) {
        if (all_blank(r)) {
            im->sum->skipped[SKPI_IMPORT_SKIP_PREAMBLE]++;
            return SKPI_OK;
        }
        const skpi__preset *p = header_preset(im, r);
        if (p == NULL)
            return keep_preamble(im, r);
        return take_header(im, p, r);
    }
    if (im->holding)
        return skpi__held_add(&im->held, r);
    return take_row(im, r);
}

/* Replay the held rows of a file whose dates may lack a year, each with the
 * year inferred from the order of all of them. */
static int replay_held(importer *im)
{
    const skpi__held_rows *h = &im->held;
    size_t n = h->nrow;
    unsigned *key = skpi__reallocarray(NULL, n, sizeof *key);
    int *years = skpi__reallocarray(NULL, n, sizeof *years);
    const char **field = skpi__reallocarray(NULL, h->max_fields + 1, sizeof *field);
    size_t *len = skpi__reallocarray(NULL, h->max_fields + 1, sizeof *len);
    int rc = SKPI_OK;
    if (!key || !years || !field || !len)
        rc = skpi__nomem();
    bool any = false;
    for (size_t i = 0; rc == SKPI_OK && i < n; i++) {
        skpi__record r;
        skpi__held_get(h, i, field, len, &r);
        skpi__date d;
        size_t c = (size_t)im->c_date;
        key[i] = 0;
        if (c < r.n && skpi__date_parse(r.field[c], r.len[c], SKPI__DATE_NOYEAR, &d))
            key[i] = (unsigned)(d.month * 32 + d.day);
        any = any || key[i] != 0;
    }
    size_t bad;
    if (rc == SKPI_OK && any && !im->has_export)
        rc = no_export_date(im);
    else if (rc == SKPI_OK && any &&
             !skpi__infer_years(key, n, im->ex_y, (unsigned)(im->ex_m * 32 + im->ex_d), years,
                                &bad))
        rc = skpi__error(SKPI_EPARSE, "%s: line %llu, column %d: no leap year puts this "
                         "February 29 in order with the other rows before the export date",
                         im->name, (unsigned long long)h->row[bad].line, im->c_date + 1);
    im->holding = false;
    for (size_t i = 0; rc == SKPI_OK && i < n; i++) {
        skpi__record r;
        skpi__held_get(h, i, field, len, &r);
        im->row_year = any ? years[i] : 0;
        rc = take_row(im, &r);
    }
    im->row_year = 0;
    skpi__free(key);
    skpi__free(years);
    skpi__free(field);
    skpi__free(len);
    return rc;
}

/* One row under the header. */
static int take_row(importer *im, const skpi__record *r)
{
    if (all_blank(r)) {
        im->sum->rows++;
        im->sum->skipped[SKPI_IMPORT_SKIP_BLANK]++;
        return SKPI_OK;
    }
    if (im->preset->shape == SKPI__SHAPE_PREAMBLE_METRIC && (im->section_wait || r->n == 1))
        return meta_next_section(im, r);
    im->sum->rows++;
    if (im->preset->shape == SKPI__SHAPE_PREAMBLE_METRIC && im->section_skip) {
        im->sum->skipped[SKPI_IMPORT_SKIP_UNKNOWN_METRIC]++;
        return SKPI_OK;
    }
    if (im->preset->shape == SKPI__SHAPE_POSTS && export_error_row(im, r))
        return summary_error_row(im->sum, r->line);
    skpi__record padded;
    if (r->n < im->ncols && (im->preset->flags & SKPI__P_SHORT_ROWS)) {
        /* Older posts of Meta exports stop early: the missing trailing
         * fields are missing values. */
        if (im->pad_field == NULL &&
            ((im->pad_field = skpi__reallocarray(NULL, im->ncols, sizeof *im->pad_field)) == NULL ||
             (im->pad_len = skpi__reallocarray(NULL, im->ncols, sizeof *im->pad_len)) == NULL))
            return skpi__nomem();
        for (size_t i = 0; i < im->ncols; i++) {
            im->pad_field[i] = i < r->n ? r->field[i] : "";
            im->pad_len[i] = i < r->n ? r->len[i] : 0;
        }
        padded = (skpi__record){ im->ncols, im->pad_field, im->pad_len, r->line };
        r = &padded;
    }
    if (r->n != im->ncols)
        return skpi__error(SKPI_EPARSE,
                           "%s: line %llu, column %zu: expected %zu fields as in the header "
                           "(line %llu), found %zu", im->name, (unsigned long long)r->line,
                           (r->n < im->ncols ? r->n : im->ncols) + 1, im->ncols,
                           (unsigned long long)im->sum->header_line, r->n);
    if ((im->preset->flags & SKPI__P_TOTAL_ROW) &&
        (skpi__header_equal(r->field[0], r->len[0], "Total") ||
         (im->c_date >= 0 &&
          skpi__header_equal(r->field[im->c_date], r->len[im->c_date], "Total")))) {
        im->sum->skipped[SKPI_IMPORT_SKIP_TOTAL]++;
        return SKPI_OK;
    }
    switch (im->preset->shape) {
    case SKPI__SHAPE_POSTS: return row_post(im, r);
    case SKPI__SHAPE_LONG: return row_long(im, r);
    case SKPI__SHAPE_MESSAGES:
    case SKPI__SHAPE_BINS: return skpi__care_row(im, r);
    default: return row_daily(im, r);
    }
}

int skpi__import_record(void *ctx, const skpi__record *r) { return on_record(ctx, r); }

int skpi__import_ignore(importer *im, const char *name, size_t len)
{
    return summary_ignore(im->sum, name, len);
}

void skpi__import_summary_first(importer *im, int preset, uint64_t header_line)
{
    im->sum->preset = preset;
    im->sum->header_line = header_line;
}

void skpi__import_skip(importer *im, int reason)
{
    im->sum->skipped[reason]++;
}

int skpi__import_time(importer *im, const skpi__record *r, size_t col, skpi_time *t)
{
    return read_time_at(im, r, col, t);
}

int skpi__import_field_error(const importer *im, uint64_t line, size_t col, const char *what,
                             const char *value, size_t vlen)
{
    return field_error(im, line, col, what, value, vlen);
}

int skpi__import_channel(importer *im, const skpi__record *r, uint32_t *out)
{
    return row_channel(im, r, out);
}

int skpi__import_plan_metric(importer *im, const char *key, uint32_t *id)
{
    int unit;
    return plan_metric(im, key, id, &unit);
}

/* ---- the import --------------------------------------------------------- */

/* A day YYYY-MM-DD given in the options. */
static bool option_day(const char *text, skpi__date *d)
{
    return skpi__date_parse(text, strlen(text), SKPI__DATE_ISO, d) && !d->hour && !d->minute &&
           !d->second && !d->has_offset;
}

/* Two dates YYYYMMDD after underscores in a file's base name, as X names
 * its tweet activity exports (`..._20170101_20170201_en.csv`): the second
 * is where the next month's file starts, so the range ends the day before. */
static bool range_in_name(const char *name, skpi__date *from, skpi__date *to)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t n = strlen(base);
    for (size_t i = 0; i + 18 <= n; i++) {
        const char *p = base + i;
        bool ok = p[0] == '_' && p[9] == '_';
        for (size_t k = 1; ok && k < 18; k++)
            ok = k == 9 || (p[k] >= '0' && p[k] <= '9');
        if (!ok || (i + 18 < n && p[18] >= '0' && p[18] <= '9'))
            continue;
        char a[11], b[11];
        snprintf(a, sizeof a, "%.4s-%.2s-%.2s", p + 1, p + 5, p + 7);
        snprintf(b, sizeof b, "%.4s-%.2s-%.2s", p + 10, p + 14, p + 16);
        if (option_day(a, from) && option_day(b, to))
            return true;
    }
    return false;
}

/* The days a post-level export covers, from the options or the file name;
 * the posts widen it at the end of the import. */
static int option_range(importer *im)
{
    const skpi_import_options *o = &im->opt;
    skpi__date from, to;
    bool has_from = false, has_to = false;
    if (o->covers_from != NULL) {
        if (!option_day(o->covers_from, &from))
            return skpi__error(SKPI_EINVAL, "import options: the first day covered \"%.40s\" is "
                               "not a date YYYY-MM-DD", o->covers_from);
        has_from = true;
    }
    if (o->covers_to != NULL) {
        if (!option_day(o->covers_to, &to))
            return skpi__error(SKPI_EINVAL, "import options: the last day covered \"%.40s\" is "
                               "not a date YYYY-MM-DD", o->covers_to);
        has_to = true;
    }
    skpi_time t;
    if (has_from || has_to) {
        if (has_from && date_day_start(im, &from, &t)) {
            im->range_from = t;
            im->has_range_from = true;
        }
        if (has_to && date_day_start(im, &to, &t)) {
            im->range_to = skpi__days_start(&im->days, skpi__days_index(&im->days, t) + 1);
            im->has_range_to = true;
        }
        if (im->has_range_from && im->has_range_to && im->range_to <= im->range_from)
            return skpi__error(SKPI_EINVAL, "import options: the last day covered comes before "
                               "the first");
        return SKPI_OK;
    }
    skpi_time a, b;
    if (range_in_name(im->name, &from, &to) && date_day_start(im, &from, &a) &&
        date_day_start(im, &to, &b) && b > a) {
        im->range_from = a;
        im->range_to = b;
        im->has_range_from = im->has_range_to = true;
    }
    return SKPI_OK;
}

/* The host's options, or the defaults; an earlier version's struct is shorter. */
static int copy_options(importer *im, const skpi_import_options *opts)
{
    skpi_import_options d = SKPI_IMPORT_OPTIONS_INIT;
    im->opt = d;
    if (opts == NULL)
        return SKPI_OK;
    if (opts->version < 1 || opts->version > SKPI_IMPORT_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "import options: version %u is unknown (this "
                           "library knows 1 to %d)", opts->version,
                           SKPI_IMPORT_OPTIONS_VERSION);
    memcpy(&im->opt, opts, OPTIONS_SIZE(opts->version));
    return SKPI_OK;
}

/* The options that are single values: preset, offset, delimiter, date order. */
static int check_options(const skpi_import_options *o)
{
    if (o->preset < 0 || o->preset > SKPI__PRESET_LAST)
        return skpi__error(SKPI_EINVAL, "import options: preset %d is unknown", o->preset);
    if (o->utc_offset_minutes < -1080 || o->utc_offset_minutes > 1080)
        return skpi__error(SKPI_EINVAL, "import options: the UTC offset of %d minutes is outside "
                           "-18:00..+18:00", o->utc_offset_minutes);
    if (o->delimiter < 0 || o->delimiter > 127 || o->delimiter == '"' || o->delimiter == '\n' ||
        o->delimiter == '\r')
        return skpi__error(SKPI_EINVAL, "import options: character %d cannot be the field "
                           "delimiter", o->delimiter);
    if (o->date_order < SKPI_IMPORT_DATE_ORDER_AUTO || o->date_order > SKPI_IMPORT_MONTH_FIRST)
        return skpi__error(SKPI_EINVAL, "import options: date order %d is unknown",
                           o->date_order);
    if (o->service_level_seconds < 0 || o->service_level_seconds > (int64_t)366 * 86400)
        return skpi__error(SKPI_EINVAL, "import options: the service-level target of %lld "
                           "seconds is outside 1 second to 366 days (0: one hour)",
                           (long long)o->service_level_seconds);
    return SKPI_OK;
}

/* The days flows are summed by (the reports' calendar, else the offset),
 * and the zone the file's times are written in, when one is given. */
static int option_zones(importer *im)
{
    const skpi_import_options *o = &im->opt;
    im->days.offset_s = o->utc_offset_minutes * 60;
    im->days.cal = o->calendar;
    if (o->source_time_zone == NULL)
        return SKPI_OK;
    int zrc = skpi_calendar_new(&im->source);
    if (zrc == SKPI_OK)
        zrc = skpi_calendar_set_time_zone(im->source, o->source_time_zone);
    if (zrc == SKPI_EINVAL)
        return skpi__error(SKPI_EINVAL, "import options: the source time zone \"%.60s\" is "
                           "not an IANA time zone name (such as America/Los_Angeles)",
                           o->source_time_zone);
    return zrc;
}

/* The day the export was made (dates without a year are placed before it). */
static int option_export_date(importer *im)
{
    if (im->opt.export_date == NULL)
        return SKPI_OK;
    skpi__date d;
    if (!option_day(im->opt.export_date, &d))
        return skpi__error(SKPI_EINVAL, "import options: the export date \"%.40s\" is not "
                           "a date YYYY-MM-DD", im->opt.export_date);
    im->ex_y = d.year;
    im->ex_m = d.month;
    im->ex_d = d.day;
    im->has_export = true;
    return SKPI_OK;
}

/* The column mapping of the generic wide preset: its table is the date
 * column, then one column per mapped metric (flows and stocks only). */
static int option_columns(importer *im)
{
    const skpi_import_options *o = &im->opt;
    if (o->column_count > 0 && o->columns == NULL)
        return skpi__error(SKPI_EMISUSE, "import options: columns is NULL with column_count %zu",
                           o->column_count);
    if (o->preset == SKPI_IMPORT_GENERIC_WIDE && o->column_count == 0)
        return skpi__error(SKPI_EINVAL, "import options: the generic wide preset needs a "
                           "column mapping (header names to metrics)");
    if (o->column_count > SKPI__MAX_FIELDS)
        return skpi__error(SKPI_EINVAL, "import options: more than %zu mapped columns",
                           SKPI__MAX_FIELDS);
    if (o->column_count == 0)
        return SKPI_OK;
    im->wide = skpi__preset_generic_wide;
    im->wide_cols = skpi__reallocarray(NULL, o->column_count + 1, sizeof *im->wide_cols);
    if (im->wide_cols == NULL)
        return skpi__nomem();
    im->wide_cols[0] = (skpi__preset_column){ o->date_column ? o->date_column : "date",
                                       SKPI__COL_DATE, NULL, SKPI__REQ };
    for (size_t i = 0; i < o->column_count; i++) {
        const skpi_import_column *c = &o->columns[i];
        if (c->column == NULL || c->metric == NULL)
            return skpi__error(SKPI_EMISUSE, "import options: columns[%zu] has a NULL %s", i,
                               c->column == NULL ? "column" : "metric");
        const skpi_metric *m;
        if (skpi_catalog_find(&m, im->cat, c->metric) != SKPI_OK ||
            metric_kind(m) == SKPI_KIND_DERIVED)
            return skpi__error(SKPI_EINVAL, "import options: the metric \"%.60s\" of column "
                               "\"%.60s\" is not a flow or stock of the dataset's catalog",
                               c->metric, c->column);
        im->wide_cols[i + 1] = (skpi__preset_column){ c->column, SKPI__COL_METRIC, c->metric,
                                               SKPI__REQ };
    }
    im->wide.columns = im->wide_cols;
    im->wide.ncolumns = o->column_count + 1;
    im->wide.flags = 0;
    return SKPI_OK;
}

static int setup(importer *im, skpi_dataset *ds, const char *name,
                 const skpi_import_options *opts)
{
    memset(im, 0, sizeof *im);
    im->c_date = im->c_id = im->c_link = im->c_text = im->c_type = im->c_account = -1;
    im->c_network = im->c_channel = im->c_metric = im->c_value = -1;
    im->c_sentiment = im->c_author = im->c_tags = -1;
    im->c_answered = im->c_response = im->c_bin = -1;
    for (int k = 0; k < SKPI__CARE_METRICS; k++)
        im->care_metric[k] = UINT32_MAX;
    im->posts_metric = UINT32_MAX;
    im->value_metric = UINT32_MAX;
    im->ds = ds;
    im->cat = skpi_dataset_catalog(ds);
    im->name = name;
    skpi__stage_init(&im->st);
    int rc;
    if ((rc = copy_options(im, opts)) != SKPI_OK || (rc = check_options(&im->opt)) != SKPI_OK)
        return rc;
    const skpi_import_options *o = &im->opt;
    im->order = o->date_order;
    im->service_level = o->service_level_seconds ? o->service_level_seconds
                                                 : SKPI_IMPORT_SERVICE_LEVEL_DEFAULT;
    if ((rc = option_zones(im)) != SKPI_OK || (rc = option_export_date(im)) != SKPI_OK ||
        (rc = option_range(im)) != SKPI_OK || (rc = option_columns(im)) != SKPI_OK)
        return rc;
    if (o->preset == SKPI_IMPORT_GENERIC_WIDE)
        im->forced = &im->wide;
    else if (o->preset != SKPI_IMPORT_AUTO)
        im->forced = skpi__preset_get(o->preset);
    if (o->channel != NULL && (rc = check_channel(im, o->channel, 0, 0)) != SKPI_OK)
        return rc;
    im->sum = skpi__calloc(1, sizeof *im->sum);
    if (im->sum == NULL)
        return skpi__nomem();
    skpi__reader_init(&im->reader, name, (unsigned char)o->delimiter, on_record, im);
    return SKPI_OK;
}

static void teardown(importer *im)
{
    skpi_calendar_free(im->source);
    skpi_calendar_free(im->preset_source);
    skpi__reader_free(&im->reader);
    skpi__held_free(&im->held);
    if (im->inner_ready)
        skpi__reader_free(&im->inner);
    skpi__stage_free(&im->st);
    skpi__free(im->header);
    skpi__free(im->header_off);
    skpi__free(im->plan);
    skpi__free(im->vals);
    skpi__free(im->pad_field);
    skpi__free(im->pad_len);
    skpi__free(im->wide_cols);
    skpi_import_summary_free(im->sum);
}

/* Post files: the days they cover (the range from the options or the file
 * name, widened to every post), then their daily flows. */
static int post_flows(importer *im)
{
    skpi_period covers = { im->range_from, im->range_to };
    bool has_from = im->has_range_from, has_to = im->has_range_to;
    for (size_t i = 0; i < im->st.nposts; i++) {
        const skpi__stage_post *p = &im->st.posts[i];
        if (p->dead || p->ranking)
            continue;
        int64_t d = skpi__days_index(&im->days, p->published);
        skpi_time day = skpi__days_start(&im->days, d), next = skpi__days_start(&im->days, d + 1);
        if (!has_from || day < covers.start)
            covers.start = day;
        if (!has_to || next > covers.end)
            covers.end = next;
        has_from = has_to = true;
    }
    bool has = has_from && has_to;
    if (has && covers.end - covers.start > (skpi_time)86400 * 366 * 30)
        return skpi__error(SKPI_EINVAL, "%s: the file would cover more than 30 years of days: "
                           "set the days it covers", im->name);
    if (has) {
        im->sum->has_covers = true;
        im->sum->covers = covers;
    }
    return skpi__stage_post_flows(&im->st, im->ds, &im->days, im->posts_metric, has ? &covers : NULL,
                                  im->has_fixed ? im->fixed_channel : UINT32_MAX);
}

/* After the last byte: the header must have been found, then post files
 * get their daily flows and everything goes into the dataset. */
static int finish(importer *im, skpi_import_summary **summary)
{
    int rc = skpi__reader_finish(&im->reader);
    if (rc != SKPI_OK)
        return rc;
    if (!im->header_done) {
        if (im->preamble_records == 0)
            return skpi__error(SKPI_EPARSE, "%s: line 1, column 1: the file is empty", im->name);
        return skpi__error(SKPI_EPARSE,
                           "%s: line %llu, column 1: no header row of %s found (the first row "
                           "reads \"%.60s\")", im->name, (unsigned long long)im->first_line,
                           im->forced ? im->forced->name : "a known export", im->first_text);
    }
    if (im->held.nrow > 0 && (rc = replay_held(im)) != SKPI_OK)
        return rc;
    if (im->ambiguous_line != 0 && im->order == SKPI_IMPORT_DATE_ORDER_AUTO &&
        usual_order(im) == 0) {
        size_t col = im->ambiguous_col;
        return skpi__error(SKPI_EPARSE, "%s: line %llu, column %zu (\"%s\"): the date \"%s\" "
                           "reads day first or month first, and no date of the file tells "
                           "which: set the date order option (day first or month first)",
                           im->name, (unsigned long long)im->ambiguous_line, col + 1,
                           col < im->ncols ? im->header + im->header_off[col] : "",
                           im->ambiguous_text);
    }
    if (im->posts_seen && (rc = post_flows(im)) != SKPI_OK)
        return rc;
    if (im->care_seen && (rc = skpi__care_finish(im)) != SKPI_OK)
        return rc;
    skpi__commit_counts counts;
    if ((rc = skpi__stage_commit(&im->st, im->ds, &counts)) != SKPI_OK)
        return rc;
    im->sum->points = counts.points;
    im->sum->points_updated = counts.points_updated;
    im->sum->series = counts.series;
    im->sum->posts = counts.posts;
    im->sum->posts_updated = counts.posts_updated;
    if (summary != NULL) {
        *summary = im->sum;
        im->sum = NULL;
    }
    return SKPI_OK;
}

/* One reading of a file or buffer; RESTART when its dates proved another
 * order than the one the rows above were read in (*order is then it). */
static int import_pass(skpi_import_summary **summary, skpi_dataset *ds, const char *name,
                       const char *path, const void *data, size_t size,
                       const skpi_import_options *opts, int *order)
{
    importer *im = skpi__malloc(sizeof *im);
    if (im == NULL)
        return skpi__nomem();
    int rc = setup(im, ds, name, opts);
    if (rc == SKPI_OK && *order != SKPI_IMPORT_DATE_ORDER_AUTO)
        im->order = *order;
    int kind = path == NULL ? skpi__workbook_kind(data, size) : SKPI__BOOK_NONE;
    if (rc == SKPI_OK && kind != SKPI__BOOK_NONE)
        rc = skpi__import_workbook(im, kind, data, size);
    else if (rc == SKPI_OK && path == NULL && size > 0)
        rc = skpi__reader_feed(&im->reader, data, size);
    FILE *f = NULL;
    unsigned char *buf = NULL;
    if (rc == SKPI_OK && path != NULL) {
        buf = skpi__malloc(SKPI__READ_BLOCK);
        if (buf == NULL)
            rc = skpi__nomem();
        else if ((f = fopen(path, "rb")) == NULL)
            rc = skpi__error(SKPI_EIO, "%s: cannot open the file", path);
    }
    for (bool first = true; rc == SKPI_OK && f != NULL; first = false) {
        size_t n = fread(buf, 1, SKPI__READ_BLOCK, f);
        int book = first ? skpi__workbook_kind(buf, n) : SKPI__BOOK_NONE;
        if (book != SKPI__BOOK_NONE) {
            rc = skpi__import_workbook_file(im, book, path);
            break;
        }
        if (n > 0)
            rc = skpi__reader_feed(&im->reader, buf, n);
        if (n < SKPI__READ_BLOCK) {
            if (rc == SKPI_OK && ferror(f))
                rc = skpi__error(SKPI_EIO, "%s: reading the file failed", path);
            break;
        }
    }
    if (f != NULL)
        fclose(f);
    skpi__free(buf);
    if (rc == SKPI_OK)
        rc = finish(im, summary);
    if (rc == RESTART)
        *order = im->order;
    teardown(im);
    skpi__free(im);
    return rc;
}

/* A file read a second time at most: once its dates have shown their order. */
static int import_any(skpi_import_summary **summary, skpi_dataset *ds, const char *name,
                      const char *path, const void *data, size_t size,
                      const skpi_import_options *opts)
{
    int order = SKPI_IMPORT_DATE_ORDER_AUTO;
    int rc = import_pass(summary, ds, name, path, data, size, opts, &order);
    if (rc == RESTART)
        rc = import_pass(summary, ds, name, path, data, size, opts, &order);
    if (rc == RESTART) /* cannot happen with the order fixed; never leak the code */
        rc = skpi__error(SKPI_EPARSE, "%s: the order of its dates could not be settled", name);
    return rc;
}

int skpi_import_buffer(skpi_import_summary **summary, skpi_dataset *ds, const void *data,
                       size_t size, const char *name, const skpi_import_options *opts)
{
    if (summary != NULL)
        *summary = NULL;
    if (ds == NULL || (data == NULL && size > 0))
        return skpi__error(SKPI_EMISUSE, "skpi_import_buffer: %s is NULL",
                           ds == NULL ? "ds" : "data");
    return import_any(summary, ds, name ? name : "buffer", NULL, data, size, opts);
}

int skpi_import_file(skpi_import_summary **summary, skpi_dataset *ds, const char *path,
                     const skpi_import_options *opts)
{
    if (summary != NULL)
        *summary = NULL;
    if (ds == NULL || path == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_import_file: %s is NULL",
                           ds == NULL ? "ds" : "path");
    return import_any(summary, ds, path, path, NULL, 0, opts);
}
