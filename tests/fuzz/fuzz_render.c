/* libFuzzer target for the document -> renderer path. An input is lines;
 * the first character of a line adds something to a document, the rest is
 * its text (fields separated by tabs):
 *   T title, S subtitle, L language, C currency, W<key> a word (template),
 *   H<level> heading, P paragraph, p<style> span, A<kind> callout title\ttext,
 *   U / O list items..., B table title\theaders..., R row cells...,
 *   K KPI table title\tcomparison\tcomparison2, k row label\tchannel,
 *   G chart title\tdescription, g series name\tlabels...,
 *   Q goals title, q goal name\tstatus\tstatus label\tdeadline\tnote,
 *   J objectives title, j objective title\towner\tband\tband label\tinterpretation,
 *   r key result title\tnote, X posts title, x post channel\tpublished\ttext\turl\tmetric.
 * The document is then rendered in every format and each output checked
 * (fuzz_render_check.h). */
#include "fuzz_render_check.h"

enum { MAX_LINES = 96, MAX_FIELDS = 16 };

typedef struct {
    skpi_doc *doc;
    fuzz_hosts hosts;
    char *owned[MAX_LINES * MAX_FIELDS];
    size_t n_owned;
    size_t paragraph, table, kpis, chart, goals, objectives, objective, posts;
    size_t columns;
} builder;

/* Split s at tabs into at most MAX_FIELDS fields; missing ones are "". */
static size_t split(char *s, const char *field[MAX_FIELDS])
{
    size_t n = 0;
    for (char *p = s; n < MAX_FIELDS;) {
        field[n++] = p;
        char *tab = strchr(p, '\t');
        if (tab == NULL) break;
        *tab = '\0';
        p = tab + 1;
    }
    for (size_t i = n; i < MAX_FIELDS; i++) field[i] = "";
    return n;
}

/* A host text as the library gets it (wrapped when worth looking for). */
static const char *host(builder *b, const char *s)
{
    char *owned;
    const char *t = fuzz_host(&b->hosts, s, &owned);
    if (owned != NULL) b->owned[b->n_owned++] = owned;
    return t;
}

/* A value that depends on a text, available or not. */
static skpi_value value_of(const char *s, int salt)
{
    size_t n = strlen(s);
    skpi_value v = { (double)n * 12.5 - 40 + salt, (int)((n + (size_t)salt) % 4) };
    if (v.availability != SKPI_AVAILABLE && v.availability != SKPI_PARTIAL) v.value = 0;
    return v;
}

static void add(builder *b, char op, char *rest)
{
    const char *f[MAX_FIELDS];
    skpi_doc *doc = b->doc;
    unsigned arg = (unsigned char)rest[0];
    char *after = rest[0] != '\0' ? rest + 1 : rest;
    switch (op) {
    case 'T': skpi_doc_set_title(doc, host(b, rest)); break;
    case 'S': skpi_doc_set_subtitle(doc, host(b, rest)); break;
    case 'L': skpi_doc_set_language(doc, rest); break;
    case 'C': skpi_doc_set_currency(doc, rest); break;
    case 'W': skpi_doc_set_text(doc, (int)arg, host(b, after)); break;
    case 'H': skpi_doc_add_heading(NULL, doc, (int)(arg % 5), host(b, after)); break;
    case 'P': skpi_doc_add_paragraph(&b->paragraph, doc, host(b, rest)); break;
    case 'p': skpi_doc_paragraph_add_span(doc, b->paragraph, (int)(arg % 4), host(b, after)); break;
    case 'A':
        split(after, f);
        skpi_doc_add_callout(NULL, doc, (int)(arg % 4), host(b, f[0]), host(b, f[1]));
        break;
    case 'U': case 'O': {
        size_t list, n = split(rest, f);
        if (skpi_doc_add_list(&list, doc, op == 'O') != SKPI_OK) break;
        for (size_t i = 0; i < n; i++) skpi_doc_list_add_item(doc, list, host(b, f[i]));
        break;
    }
    case 'B': {
        size_t n = split(rest, f);
        const char *headers[MAX_FIELDS];
        int align[MAX_FIELDS];
        for (size_t i = 1; i < n; i++) {
            headers[i - 1] = host(b, f[i]);
            align[i - 1] = (int)(i % 2);
        }
        if (skpi_doc_add_table(&b->table, doc, host(b, f[0]), n - 1, headers, align) == SKPI_OK)
            b->columns = n - 1;
        break;
    }
    case 'R': {
        split(rest, f);
        for (size_t i = 0; i < b->columns; i++) f[i] = host(b, f[i]);
        skpi_doc_table_add_row(doc, b->table, f);
        break;
    }
    case 'K':
        split(rest, f);
        skpi_doc_add_kpi_table(&b->kpis, doc, host(b, f[0]), host(b, f[1]), host(b, f[2]));
        break;
    case 'k': {
        split(after, f);
        static const double spark[] = { 1, 2, NAN, 4, -5, 1e15 };
        skpi_doc_kpi_row row = SKPI_DOC_KPI_ROW_INIT;
        row.label = host(b, f[0]);
        row.channel = f[1][0] != '\0' ? host(b, f[1]) : NULL;
        row.unit = (int)(arg % 6);
        row.direction = (int)(arg / 6 % 3);
        row.level = (int)(arg / 18 % 2);
        row.value = value_of(f[0], 3);
        row.previous = value_of(f[1], 5);
        row.change = value_of(f[0], 7);
        row.change_percent = value_of(f[1], 1);
        row.change_points = value_of(f[0], 2);
        row.previous2 = value_of(f[1], 9);
        row.change2 = value_of(f[0], 4);
        row.change2_percent = value_of(f[1], 6);
        row.sparkline = spark;
        row.sparkline_length = arg % 7;
        skpi_doc_kpi_table_add_row(doc, b->kpis, &row);
        break;
    }
    case 'G': {
        split(after, f);
        skpi_doc_chart ch = SKPI_DOC_CHART_INIT;
        ch.kind = (int)(arg % 2);
        ch.unit = (int)(arg / 2 % 6);
        ch.title = host(b, f[0]);
        ch.description = f[1][0] != '\0' ? host(b, f[1]) : NULL;
        skpi_doc_add_chart(&b->chart, doc, &ch);
        break;
    }
    case 'g': {
        size_t n = split(after, f);
        double v[MAX_FIELDS];
        for (size_t i = 1; i < n; i++) {
            f[i] = host(b, f[i]);
            v[i] = i % 5 == 3 ? NAN : (double)(arg * i) - 300;
        }
        skpi_doc_chart_add_series(NULL, doc, b->chart, host(b, f[0]), (int)(arg % 2), f + 1,
                                  v + 1, n - 1);
        break;
    }
    case 'Q': skpi_doc_add_goals(&b->goals, doc, host(b, rest)); break;
    case 'q': {
        split(after, f);
        skpi_doc_goal g = SKPI_DOC_GOAL_INIT;
        g.name = host(b, f[0]);
        g.status = f[1];
        g.status_label = f[2][0] != '\0' ? host(b, f[2]) : NULL;
        g.tone = (int)(arg % 4);
        g.unit = (int)(arg / 4 % 6);
        g.current = value_of(f[0], 1);
        g.target = value_of(f[1], 2);
        g.progress = value_of(f[2], 3);
        g.expected = value_of(f[3], 4);
        g.forecast = value_of(f[4], 5);
        g.deadline = f[3][0] != '\0' ? host(b, f[3]) : NULL;
        g.note = f[4][0] != '\0' ? host(b, f[4]) : NULL;
        skpi_doc_goals_add(doc, b->goals, &g);
        break;
    }
    case 'J': skpi_doc_add_objectives(&b->objectives, doc, host(b, rest)); break;
    case 'j': {
        split(after, f);
        skpi_doc_objective o = SKPI_DOC_OBJECTIVE_INIT;
        o.title = host(b, f[0]);
        o.owner = f[1][0] != '\0' ? host(b, f[1]) : NULL;
        o.aspirational = (int)(arg % 2);
        o.score = value_of(f[0], 0);
        o.score_rounded = value_of(f[1], 0);
        o.band = f[2][0] != '\0' ? f[2] : NULL;
        o.band_label = f[3][0] != '\0' ? host(b, f[3]) : NULL;
        o.tone = (int)(arg / 2 % 4);
        o.interpretation = f[4][0] != '\0' ? host(b, f[4]) : NULL;
        skpi_doc_objectives_add(&b->objective, doc, b->objectives, &o);
        break;
    }
    case 'r': {
        split(after, f);
        skpi_doc_key_result kr = SKPI_DOC_KEY_RESULT_INIT;
        kr.title = host(b, f[0]);
        kr.unit = (int)(arg % 6);
        kr.start = value_of(f[0], 1);
        kr.current = value_of(f[1], 2);
        kr.target = value_of(f[0], 9);
        kr.score = value_of(f[1], 0);
        kr.tone = (int)(arg / 6 % 4);
        kr.note = f[1][0] != '\0' ? host(b, f[1]) : NULL;
        skpi_doc_objective_add_key_result(doc, b->objectives, b->objective, &kr);
        break;
    }
    case 'X': skpi_doc_add_posts(&b->posts, doc, host(b, rest)); break;
    case 'x': {
        split(after, f);
        skpi_doc_post p = SKPI_DOC_POST_INIT;
        p.channel = host(b, f[0]);
        p.published = f[1][0] != '\0' ? host(b, f[1]) : NULL;
        p.text = f[2][0] != '\0' ? host(b, f[2]) : NULL;
        p.url = f[3][0] != '\0' ? f[3] : NULL;
        p.metric = host(b, f[4]);
        p.unit = (int)(arg % 6);
        p.value = value_of(f[2], 1);
        p.ratio = value_of(f[3], 2);
        skpi_doc_posts_add(doc, b->posts, &p);
        break;
    }
    default: break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = { data, size };
    static builder b;
    memset(&b, 0, sizeof b);
    char *lines[MAX_LINES];
    size_t n = 0;
    while (in.n > 0 && n < MAX_LINES && (lines[n] = fuzz_line(&in)) != NULL) n++;
    if (skpi_doc_new(&b.doc) == SKPI_OK) {
        for (size_t i = 0; i < n; i++)
            if (lines[i][0] != '\0') add(&b, lines[i][0], lines[i] + 1);
        fuzz_render_all(b.doc, &b.hosts);
        skpi_doc_free(b.doc);
    }
    b.hosts.n = 0; /* the wrapped texts are in b.owned */
    for (size_t i = 0; i < b.n_owned; i++) free(b.owned[i]);
    for (size_t i = 0; i < n; i++) free(lines[i]);
    return 0;
}
