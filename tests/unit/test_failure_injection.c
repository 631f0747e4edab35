/* Failure injection end to end, in the style of SQLite's malloc and I/O
 * error tests: one realistic sequence (import our own exports, load
 * definitions, assemble reports, render every format, save the dataset,
 * the definitions and report runs to a store, read them back) run again and
 * again while the k-th allocation fails (the library's and jansson's, one
 * count), or the k-th write or sync of the store's file fails (an I/O error,
 * a full disk). Each failure must give a negative code and a message, leak
 * nothing, leave the handle as it was, and leave the store unchanged or
 * whole; a store reopened after an I/O error reads the last committed state.
 *
 * How k is stepped: every step of the sequence leaves its handles as they
 * were when it fails (which this test checks after each failure), so after
 * a failure the sequence carries on from the same state instead of starting
 * again: failing the j-th allocation of step i is then the same as failing
 * allocation (allocations of steps 0..i-1) + j of the whole sequence. Each
 * k is tried once, and the loop ends when the whole sequence succeeds. */
#define _POSIX_C_SOURCE 200809L
#include <socialkpi.h>

#include <math.h>
#include <setjmp.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "test_alloc.h"
#include "test_json_alloc.h"
#include "test_sqlite_alloc.h"
#include "test_vfs.h"

#define FIXTURE(name) "tests/fixtures/" name

enum { FORMATS = 5, REPORTS = 2 };

/* 2026-08-01T00:00:00Z: the fixtures' data lie in July 2026. */
#define AS_OF INT64_C(1785542400)

/* ------------------------------------------------------------------ fingerprints */

/* FNV-1a, 64 bits: enough to tell states apart in a test. */
typedef struct hash {
    uint64_t h;
} hash;

static void hash_bytes(hash *x, const void *p, size_t n)
{
    const unsigned char *b = p;
    if (x->h == 0) x->h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) {
        x->h ^= b[i];
        x->h *= 1099511628211u;
    }
}

static void hash_str(hash *x, const char *s)
{
    if (s == NULL) s = "\x01(null)";
    hash_bytes(x, s, strlen(s) + 1);
}

static void hash_double(hash *x, double v)
{
    if (isnan(v)) v = NAN; /* one NaN */
    hash_bytes(x, &v, sizeof v);
}

/* Everything a dataset holds that the public API shows: channels, the
 * points of every series of every catalog metric, posts with every value. */
static uint64_t dataset_hash(const skpi_dataset *ds)
{
    hash x = { 0 };
    const skpi_catalog *cat = skpi_dataset_catalog(ds);
    size_t metrics = skpi_catalog_count(cat);
    for (size_t c = 0; c < skpi_dataset_channel_count(ds); c++) {
        const char *channel = skpi_dataset_channel(ds, c);
        hash_str(&x, channel);
        for (size_t m = 0; m < metrics; m++) {
            const char *key = skpi_metric_key(skpi_catalog_metric_at(cat, m));
            const skpi_series *s;
            if (skpi_dataset_series(&s, ds, key, channel) != SKPI_OK) continue;
            hash_str(&x, key);
            size_t n = skpi_series_length(s);
            hash_bytes(&x, &n, sizeof n);
            hash_bytes(&x, skpi_series_times(s), n * sizeof(skpi_time));
            for (size_t i = 0; i < n; i++) hash_double(&x, skpi_series_values(s)[i]);
        }
    }
    for (size_t i = 0; i < skpi_dataset_post_count(ds); i++) {
        const skpi_post *p = skpi_dataset_post(ds, i);
        hash_str(&x, skpi_post_channel(p));
        hash_str(&x, skpi_post_id(p));
        skpi_time t = skpi_post_published(p);
        hash_bytes(&x, &t, sizeof t);
        hash_str(&x, skpi_post_type(p));
        hash_str(&x, skpi_post_text(p));
        hash_str(&x, skpi_post_link(p));
        for (size_t m = 0; m < metrics; m++) {
            skpi_value v;
            if (skpi_post_value(&v, p, skpi_metric_key(skpi_catalog_metric_at(cat, m))) != SKPI_OK)
                continue;
            hash_double(&x, v.value);
            hash_bytes(&x, &v.availability, sizeof v.availability);
        }
    }
    return x.h;
}

/* Definitions as the JSON they save to. */
static uint64_t definitions_hash(const skpi_definitions *defs)
{
    char *text;
    size_t size;
    assert_int_equal(skpi_definitions_save_buffer(&text, &size, defs), SKPI_OK);
    hash x = { 0 };
    hash_bytes(&x, text, size);
    skpi_free(text);
    return x.h;
}

/* A document as the JSON it renders to. */
static uint64_t doc_hash(const skpi_doc *doc)
{
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_JSON, NULL, &sink), SKPI_OK);
    hash x = { 0 };
    hash_bytes(&x, buf.data, buf.size);
    skpi_buffer_reset(&buf);
    return x.h;
}

/* The store's whole content, read by SQLite directly (through the VFS that
 * never fails): the header's ids and every row of every table, as a sum of
 * row hashes so that the order rows come in does not matter. 0: no store. */
static uint64_t store_hash(const char *path)
{
    if (access(path, F_OK) != 0) return 0;
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, test_vfs_base()),
                     SQLITE_OK);
    sqlite3_stmt *tables;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "UNION ALL SELECT '#' || (SELECT application_id FROM "
                                        "pragma_application_id) || '/' || (SELECT user_version "
                                        "FROM pragma_user_version) ORDER BY 1",
                                        -1, &tables, NULL),
                     SQLITE_OK);
    uint64_t sum = 0;
    int rc;
    while ((rc = sqlite3_step(tables)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(tables, 0);
        hash th = { 0 };
        hash_str(&th, name);
        sum += th.h;
        if (name[0] == '#') continue;
        char sql[200];
        snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", name);
        sqlite3_stmt *rows;
        assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &rows, NULL), SQLITE_OK);
        while ((rc = sqlite3_step(rows)) == SQLITE_ROW) {
            hash x = th;
            for (int c = 0; c < sqlite3_column_count(rows); c++) {
                int type = sqlite3_column_type(rows, c);
                hash_bytes(&x, &type, sizeof type);
                const void *b = sqlite3_column_blob(rows, c);
                hash_bytes(&x, b, (size_t)sqlite3_column_bytes(rows, c));
            }
            sum += x.h;
        }
        assert_int_equal(rc, SQLITE_DONE);
        sqlite3_finalize(rows);
    }
    assert_int_equal(rc, SQLITE_DONE);
    sqlite3_finalize(tables);
    sqlite3_close(db);
    /* a database without tables and ids is no store yet (as no file) */
    hash empty = { 0 };
    hash_str(&empty, "#0/0");
    return sum == empty.h ? 0 : sum ? sum : 1;
}

/* ------------------------------------------------------------------ the sequence */

typedef struct world {
    char dir[64];
    char path[96];
    skpi_definitions *defs;
    skpi_dataset *ds;
    skpi_report *report[REPORTS];
    skpi_doc *doc[REPORTS];
    skpi_buffer out[REPORTS][FORMATS];
    char *defs_json;
    size_t defs_json_size;
    skpi_store *st;
    int64_t run_id[FORMATS];
    skpi_dataset *back_ds;
    skpi_definitions *back_defs;
    skpi_store_runs *runs;
    void *back_output;
    size_t back_output_size;
} world;

/* What a step changes in place, and so must find as it was after a failure. */
enum { TOUCH_DATASET = 1, TOUCH_STORE = 2 };

typedef struct step {
    const char *name;
    int (*run)(world *w, int arg);
    int arg;
    unsigned touches;
} step;

static const skpi_import_column wide_map[] = { { "Views", "video_views" },
                                               { "Followers total", "followers" } };

/* Our exports, one of each kind the importers read, with the options each
 * needs. */
static const struct import_file {
    const char *file;
    const char *channel;
    const char *export_date;
    int wide;
} imports[] = {
    { "x_tweets.csv", NULL, NULL, 0 },
    { "x_daily.csv", "x:@acme", NULL, 0 },
    { "x_content.csv", NULL, NULL, 0 },
    { "x_overview.csv", NULL, NULL, 0 },
    { "facebook_posts.csv", NULL, NULL, 0 },
    { "facebook_posts_labels.csv", NULL, NULL, 0 },
    { "instagram_posts.csv", NULL, NULL, 0 },
    { "meta_daily_reach.csv", NULL, NULL, 0 },
    { "meta_daily_ig_follows.csv", "instagram:@acme", NULL, 0 },
    { "linkedin_metrics.csv", "linkedin:acme-corp", NULL, 0 },
    { "youtube_table.csv", "youtube:acme", NULL, 0 },
    { "youtube_chart.csv", "youtube:acme", NULL, 0 },
    { "tiktok_overview.csv", "tiktok:@acme", "2026-01-05", 0 },
    { "tiktok_followers.csv", "tiktok:@acme", "2026-01-05", 0 },
    { "sprout_profiles.csv", NULL, NULL, 0 },
    { "generic_long.csv", NULL, NULL, 0 },
    { "generic_wide.csv", "youtube:acme", NULL, 1 },
};
enum { IMPORTS = sizeof imports / sizeof imports[0] };

static int load_definitions(world *w, int arg)
{
    (void)arg;
    skpi_definitions *defs = (skpi_definitions *)&defs;
    int rc = skpi_definitions_load_file(&defs, FIXTURE("definitions/sequence.json"), NULL);
    if (rc == SKPI_OK) w->defs = defs;
    else assert_true(defs == NULL || defs == (skpi_definitions *)&defs);
    return rc;
}

static int new_dataset(world *w, int arg)
{
    (void)arg;
    skpi_dataset *ds = (skpi_dataset *)&ds;
    int rc = skpi_dataset_new(&ds, skpi_definitions_catalog(w->defs));
    if (rc == SKPI_OK) w->ds = ds;
    else assert_true(ds == NULL || ds == (skpi_dataset *)&ds);
    return rc;
}

static int import_one(world *w, int arg)
{
    const struct import_file *f = &imports[arg];
    char path[128];
    snprintf(path, sizeof path, FIXTURE("import/%s"), f->file);
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.channel = f->channel;
    o.export_date = f->export_date;
    if (f->wide) {
        o.columns = wide_map;
        o.column_count = 2;
        o.date_column = "Day";
    }
    skpi_import_summary *sum = (skpi_import_summary *)&sum;
    int rc = skpi_import_file(&sum, w->ds, path, &o);
    if (rc == SKPI_OK) {
        assert_true(skpi_import_summary_rows(sum) > 0);
        skpi_import_summary_free(sum);
    } else {
        assert_null(sum);
    }
    return rc;
}

static int build_report(world *w, int arg)
{
    skpi_report *r = (skpi_report *)&r;
    int rc = skpi_definitions_build_report(&r, w->defs, (size_t)arg, AS_OF);
    if (rc == SKPI_OK) {
        w->report[arg] = r;
    } else {
        assert_true(r == NULL || r == (skpi_report *)&r);
    }
    return rc;
}

static int assemble(world *w, int arg)
{
    skpi_doc *doc = (skpi_doc *)&doc;
    int rc = skpi_report_assemble(&doc, w->report[arg], w->ds);
    if (rc == SKPI_OK) w->doc[arg] = doc;
    else assert_true(doc == NULL || doc == (skpi_doc *)&doc);
    return rc;
}

static int render(world *w, int arg)
{
    int report = arg / FORMATS, format = arg % FORMATS;
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.flags = 0;
    o.generated_at = AS_OF + 3600;
    int rc = skpi_render(w->doc[report], format, &o, &sink);
    if (rc == SKPI_OK) w->out[report][format] = buf;
    else skpi_buffer_reset(&buf); /* the part written so far is the caller's */
    return rc;
}

static int save_definitions(world *w, int arg)
{
    (void)arg;
    char *text = (char *)&text;
    size_t size = 7;
    int rc = skpi_definitions_save_buffer(&text, &size, w->defs);
    if (rc == SKPI_OK) {
        w->defs_json = text;
        w->defs_json_size = size;
    } else {
        assert_true(text == NULL || text == (char *)&text);
    }
    return rc;
}

static int open_store(world *w, int arg)
{
    (void)arg;
    skpi_store *st = (skpi_store *)&st;
    int rc = skpi_store_open(&st, w->path, NULL);
    if (rc == SKPI_OK) w->st = st;
    else assert_true(st == NULL || st == (skpi_store *)&st);
    return rc;
}

/* Close the store (to open it again, as the next run of a host would). */
static int close_store(world *w, int arg)
{
    (void)arg;
    skpi_store_free(w->st);
    w->st = NULL;
    return SKPI_OK;
}

static int write_dataset(world *w, int arg)
{
    (void)arg;
    return skpi_store_write_dataset(w->st, w->ds);
}

static int write_definitions(world *w, int arg)
{
    (void)arg;
    return skpi_store_write_definitions(w->st, w->defs);
}

static int add_run(world *w, int arg)
{
    skpi_store_run run = SKPI_STORE_RUN_INIT;
    run.definition = skpi_definitions_report_id(w->defs, 0);
    run.as_of = AS_OF;
    run.generated_at = AS_OF + 3600;
    run.format = skpi_format_name(arg);
    run.output = w->out[0][arg].data;
    run.size = w->out[0][arg].size;
    run.keep_output = 1;
    int64_t id = -7;
    int rc = skpi_store_add_run(&id, w->st, &run);
    if (rc == SKPI_OK) w->run_id[arg] = id;
    else assert_int_equal(id, -7);
    return rc;
}

/* Several writes in one explicit transaction: a check-in, the host's own
 * report definition text, a post and its value; all or nothing. */
static int transaction(world *w, int arg)
{
    (void)arg;
    int rc = skpi_store_begin(w->st);
    if (rc != SKPI_OK) return rc;
    rc = skpi_store_add_checkin(w->st, "brand", 1, AS_OF - 86400, 7200, 0.9, "new rota works");
    if (rc == SKPI_OK) rc = skpi_store_write_report_definition(w->st, "saved-json", w->defs_json);
    if (rc == SKPI_OK)
        rc = skpi_store_write_post(w->st, "instagram:@acme", "late-1", AS_OF - 7200, "photo",
                                   "Posted late", "https://www.instagram.com/p/late1/");
    if (rc == SKPI_OK)
        rc = skpi_store_write_post_value(w->st, "instagram:@acme", "late-1", "likes", 12);
    if (rc != SKPI_OK) {
        assert_int_equal(skpi_store_rollback(w->st), SKPI_OK);
        return rc;
    }
    return skpi_store_commit(w->st);
}

static int read_dataset(world *w, int arg)
{
    (void)arg;
    skpi_dataset *ds = (skpi_dataset *)&ds;
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    int rc = skpi_store_read_dataset(&ds, w->st, NULL, all);
    if (rc == SKPI_OK) w->back_ds = ds;
    else assert_true(ds == NULL || ds == (skpi_dataset *)&ds);
    return rc;
}

static int read_definitions(world *w, int arg)
{
    (void)arg;
    skpi_definitions *defs = (skpi_definitions *)&defs;
    int rc = skpi_store_read_definitions(&defs, w->st, NULL);
    if (rc == SKPI_OK) w->back_defs = defs;
    else assert_true(defs == NULL || defs == (skpi_definitions *)&defs);
    return rc;
}

static int list_runs(world *w, int arg)
{
    (void)arg;
    skpi_store_runs *runs = (skpi_store_runs *)&runs;
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    int rc = skpi_store_list_runs(&runs, w->st, NULL, all);
    if (rc == SKPI_OK) w->runs = runs;
    else assert_true(runs == NULL || runs == (skpi_store_runs *)&runs);
    return rc;
}

static int read_output(world *w, int arg)
{
    (void)arg;
    void *out = &out;
    size_t size = 7;
    int rc = skpi_store_read_output(&out, &size, w->st, w->run_id[SKPI_FORMAT_HTML]);
    if (rc == SKPI_OK) {
        w->back_output = out;
        w->back_output_size = size;
    } else {
        assert_true(out == NULL || out == &out);
    }
    return rc;
}

enum { MAX_STEPS = 64 };
static step steps[MAX_STEPS];
static size_t step_count;
/* The first step that works on the store. */
static size_t first_store_step;

static void add_step(const char *name, int (*run)(world *, int), int arg, unsigned touches)
{
    assert_true(step_count < MAX_STEPS);
    steps[step_count++] = (step){ name, run, arg, touches };
}

static void build_sequence(void)
{
    if (step_count) return;
    add_step("load definitions", load_definitions, 0, 0);
    add_step("new dataset", new_dataset, 0, 0);
    for (int i = 0; i < IMPORTS; i++) add_step(imports[i].file, import_one, i, TOUCH_DATASET);
    for (int r = 0; r < REPORTS; r++) {
        add_step("build report", build_report, r, 0);
        add_step("assemble", assemble, r, 0);
        for (int f = 0; f < FORMATS; f++) add_step("render", render, r * FORMATS + f, 0);
    }
    add_step("save definitions", save_definitions, 0, 0);
    first_store_step = step_count;
    add_step("open store", open_store, 0, TOUCH_STORE);
    add_step("write dataset", write_dataset, 0, TOUCH_STORE);
    add_step("write definitions", write_definitions, 0, TOUCH_STORE);
    for (int f = 0; f < FORMATS; f++) add_step("add run", add_run, f, TOUCH_STORE);
    add_step("transaction", transaction, 0, TOUCH_STORE);
    add_step("close store", close_store, 0, TOUCH_STORE);
    add_step("open store again", open_store, 0, TOUCH_STORE);
    add_step("read dataset", read_dataset, 0, 0);
    add_step("read definitions", read_definitions, 0, 0);
    add_step("list runs", list_runs, 0, 0);
    add_step("read output", read_output, 0, 0);
}

static void world_init(world *w)
{
    memset(w, 0, sizeof *w);
    strcpy(w->dir, "/tmp/skpi-failure-XXXXXX");
    assert_non_null(mkdtemp(w->dir));
    snprintf(w->path, sizeof w->path, "%s/store.db", w->dir);
    for (int r = 0; r < REPORTS; r++)
        for (int f = 0; f < FORMATS; f++) assert_int_equal(skpi_buffer_init(&w->out[r][f], SKPI_BUFFER_VERSION), SKPI_OK);
}

static void world_free(world *w)
{
    skpi_definitions_free(w->defs);
    skpi_dataset_free(w->ds);
    for (int r = 0; r < REPORTS; r++) {
        skpi_report_free(w->report[r]);
        skpi_doc_free(w->doc[r]);
        for (int f = 0; f < FORMATS; f++) skpi_buffer_reset(&w->out[r][f]);
    }
    skpi_free(w->defs_json);
    skpi_store_free(w->st);
    skpi_dataset_free(w->back_ds);
    skpi_definitions_free(w->back_defs);
    skpi_store_runs_free(w->runs);
    skpi_free(w->back_output);
    static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
    for (size_t i = 0; i < 4; i++) {
        char p[128];
        snprintf(p, sizeof p, "%s%s", w->path, suffix[i]);
        unlink(p);
    }
    rmdir(w->dir);
    memset(w, 0, sizeof *w);
}

/* Everything the world holds, as one number (a handle it lacks counts as 0). */
static uint64_t world_hash(world *w)
{
    hash x = { 0 };
    uint64_t part[8] = { 0 };
    if (w->defs) part[0] = definitions_hash(w->defs);
    if (w->ds) part[1] = dataset_hash(w->ds);
    for (int r = 0; r < REPORTS; r++) {
        if (w->doc[r]) part[2] ^= doc_hash(w->doc[r]) + (uint64_t)r;
        for (int f = 0; f < FORMATS; f++) {
            hash o = { 0 };
            hash_bytes(&o, w->out[r][f].data, w->out[r][f].size);
            part[3] += o.h * (uint64_t)(r * FORMATS + f + 1);
        }
    }
    hash_bytes(&x, w->defs_json ? w->defs_json : "", w->defs_json_size);
    part[4] = store_hash(w->path);
    if (w->back_ds) part[5] = dataset_hash(w->back_ds);
    if (w->back_defs) part[6] = definitions_hash(w->back_defs);
    part[7] = skpi_store_runs_count(w->runs) * 1000 + w->back_output_size;
    hash_bytes(&x, part, sizeof part);
    return x.h;
}

/* The dataset as a step that changes it found it. */
static uint64_t dataset_before(world *w, unsigned touches)
{
    return (touches & TOUCH_DATASET) && w->ds ? dataset_hash(w->ds) : 0;
}

/* The fault-free run: the state after each step. */
static uint64_t reference_after[MAX_STEPS];
static uint64_t reference_store_after[MAX_STEPS];
static int have_reference;

static void checks_of_reference(world *w)
{
    /* What was written is what is read back. */
    assert_int_equal(skpi_store_runs_count(w->runs), FORMATS);
    assert_int_equal(w->back_output_size, w->out[0][SKPI_FORMAT_HTML].size);
    assert_memory_equal(w->back_output, w->out[0][SKPI_FORMAT_HTML].data, w->back_output_size);
    assert_int_equal(skpi_definitions_goal_count(w->back_defs),
                     skpi_definitions_goal_count(w->defs));
    assert_int_equal(skpi_definitions_objective_count(w->back_defs),
                     skpi_definitions_objective_count(w->defs));
    assert_int_equal(skpi_dataset_channel_count(w->back_ds), skpi_dataset_channel_count(w->ds));
    /* the dataset's posts and the one the transaction added */
    assert_int_equal(skpi_dataset_post_count(w->back_ds), skpi_dataset_post_count(w->ds) + 1);
    for (int r = 0; r < REPORTS; r++)
        for (int f = 0; f < FORMATS; f++) assert_true(w->out[r][f].size > 100);
}

static void build_reference(void)
{
    build_sequence();
    if (have_reference) return;
    world w;
    world_init(&w);
    for (size_t i = 0; i < step_count; i++) {
        int rc = steps[i].run(&w, steps[i].arg);
        if (rc != SKPI_OK) fail_msg("step %zu (%s): %s", i, steps[i].name, skpi_last_error());
        reference_after[i] = world_hash(&w);
        reference_store_after[i] = store_hash(w.path);
    }
    checks_of_reference(&w);
    world_free(&w);
    have_reference = 1;
}

/* ------------------------------------------------------------------ allocation failures */

/* Put back the world as it was before a step that succeeded: free what it
 * made, or, when it changed the dataset or the store, make the world again
 * without failures up to that step. */
static void restore(world *w, const world *saved, size_t i)
{
    if (steps[i].touches) {
        world_free(w);
        world_init(w);
        for (size_t k = 0; k < i; k++) assert_int_equal(steps[k].run(w, steps[k].arg), SKPI_OK);
        return;
    }
#define UNDO(field, free_fn)                                                                   \
    if (w->field != saved->field) {                                                            \
        free_fn(w->field);                                                                     \
        w->field = saved->field;                                                               \
    }
    UNDO(defs, skpi_definitions_free)
    UNDO(ds, skpi_dataset_free)
    UNDO(defs_json, skpi_free)
    UNDO(back_ds, skpi_dataset_free)
    UNDO(back_defs, skpi_definitions_free)
    UNDO(runs, skpi_store_runs_free)
    UNDO(back_output, skpi_free)
    for (int r = 0; r < REPORTS; r++) {
        UNDO(report[r], skpi_report_free)
        UNDO(doc[r], skpi_doc_free)
        for (int f = 0; f < FORMATS; f++)
            if (w->out[r][f].data != saved->out[r][f].data) {
                skpi_buffer_reset(&w->out[r][f]);
                w->out[r][f] = saved->out[r][f];
            }
    }
#undef UNDO
    w->defs_json_size = saved->defs_json_size;
    w->back_output_size = saved->back_output_size;
}

/* With SQLite's allocations in the count, a step has up to 4000 points
 * (creating the schema alone is 3800) and each try redoes the step, so
 * trying every one takes minutes under the sanitizers. Past the first
 * STRIDE_FROM of a step, every SQLITE_STRIDE-th is tried (a prime, so that
 * the tries drift across the allocations SQLite repeats per statement and
 * per row); the library's own allocations are tried every one by the loops
 * without SQLite's. SKPI_FAILURE_FULL=1 tries every point (a few minutes). */
#define STRIDE_FROM 100
#define SQLITE_STRIDE 11

/* Run step i while its j-th allocation fails (j = 0, 1, ..., by `stride`
 * past STRIDE_FROM), until it runs without a failure; after each failure
 * check the four promises. */
static long fail_allocations_in_step(world *w, size_t i, int once, long stride,
                                     long *recovered)
{
    const step *s = &steps[i];
    uint64_t ds_before = dataset_before(w, s->touches);
    uint64_t store_before = store_hash(w->path);
    long failures = 0;
    for (long j = 0;; j += j < STRIDE_FROM ? 1 : stride) {
        world saved = *w;
        long live = test_alloc_live(), json_live = test_json_live();
        skpi_error_clear();
        if (once) test_alloc_fail_once(j);
        else test_alloc_fail_after(j);
        int rc = s->run(w, s->arg);
        long failed = test_alloc_failures();
        test_alloc_fail_after(-1);
        test_json_fail_after(-1);
        if (rc == SKPI_OK) {
            /* a failure the library recovered from must not show */
            if (world_hash(w) != reference_after[i])
                fail_msg("step %zu (%s) succeeded after allocation %ld failed, with another "
                         "result", i, s->name, j);
            /* without a failure, or with every later allocation failing
             * too, there is nothing left to try */
            if (failed == 0 || !once) break;
            (*recovered)++;
            if (getenv("SKPI_FAILURE_VERBOSE")) fprintf(stderr, "  recovered: step %zu (%s) at allocation %ld\n", i, s->name, j);
            restore(w, &saved, i);
            continue;
        }
        failures++;
        if (rc != SKPI_ENOMEM)
            fail_msg("step %zu (%s), allocation %ld failed: code %d, \"%s\"", i, s->name, j, rc,
                     skpi_last_error());
        if (skpi_last_error()[0] == '\0')
            fail_msg("step %zu (%s), allocation %ld failed: no message", i, s->name, j);
        if (test_alloc_live() != live || test_json_live() != json_live)
            fail_msg("step %zu (%s), allocation %ld failed: %ld blocks (%ld of jansson's) "
                     "leaked", i, s->name, j, test_alloc_live() - live,
                     test_json_live() - json_live);
        if (dataset_before(w, s->touches) != ds_before)
            fail_msg("step %zu (%s), allocation %ld failed: the dataset changed", i, s->name, j);
        /* The library's allocations come before the commit: a failed one
         * leaves the store exactly as it was. */
        if ((s->touches & TOUCH_STORE) && store_hash(w->path) != store_before)
            fail_msg("step %zu (%s), allocation %ld failed: the store changed", i, s->name, j);
        assert_true(j < 1000000);
    }
    return failures;
}

/* The loop over every step, or, with SQLite's allocations failing too,
 * over the store's steps (the others do not reach SQLite). */
static void allocation_loop(int once, int sqlite)
{
    long stride = sqlite && !getenv("SKPI_FAILURE_FULL") ? SQLITE_STRIDE : 1;
    build_reference();
    world w;
    world_init(&w);
    sqlite3_int64 sqlite_used = sqlite3_memory_used();
    long total = 0, recovered = 0;
    for (size_t i = 0; i < step_count; i++) {
        if (sqlite && i < first_store_step) {
            assert_int_equal(steps[i].run(&w, steps[i].arg), SKPI_OK);
            continue;
        }
        test_sqlite_alloc_share(sqlite);
        long n = fail_allocations_in_step(&w, i, once, stride, &recovered);
        test_sqlite_alloc_share(0);
        if (getenv("SKPI_FAILURE_VERBOSE"))
            fprintf(stderr, "  %-22s %6ld failing allocations\n", steps[i].name, n);
        total += n;
    }
    checks_of_reference(&w);
    world_free(&w);
    /* every connection is closed: SQLite holds no memory of them */
    assert_int_equal(sqlite3_memory_used(), sqlite_used);
    fprintf(stderr, "%s allocation failures%s: %ld points, every one SKPI_ENOMEM with a "
            "message, no leak, nothing changed (%ld recovered)\n", once ? "single" : "persistent",
            sqlite ? " with SQLite's" : "", total, recovered);
    assert_true(total > 1000);
}

static void allocations_fail_and_stay_failed(void **state)
{
    (void)state;
    allocation_loop(0, 0);
}

static void one_allocation_fails(void **state)
{
    (void)state;
    allocation_loop(1, 0);
}

static void sqlite_allocations_fail_too(void **state)
{
    (void)state;
    allocation_loop(0, 1);
}

static void one_sqlite_allocation_fails(void **state)
{
    (void)state;
    allocation_loop(1, 1);
}

/* ------------------------------------------------------------------ I/O failures */

/* After a failed write: a second handle opened on the file reads it whole,
 * and its content is the state before or after the step. */
static void check_reopened(const world *w, uint64_t before, uint64_t after, size_t i, long j)
{
    uint64_t now = store_hash(w->path);
    if (now != before && now != after)
        fail_msg("step %zu (%s), I/O %ld failed: the store is neither as before nor whole", i,
                 steps[i].name, j);
    if (now == 0 || before == 0) return; /* creating the store failed */
    skpi_store_options o = SKPI_STORE_OPTIONS_INIT;
    o.read_only = 1;
    skpi_store *st;
    int rc = skpi_store_open(&st, w->path, &o);
    if (rc != SKPI_OK)
        fail_msg("step %zu (%s), I/O %ld failed: reopening: %s", i, steps[i].name, j,
                 skpi_last_error());
    assert_int_equal(skpi_store_check(st), SKPI_OK);
    skpi_definitions *defs;
    assert_int_equal(skpi_store_read_definitions(&defs, st, NULL), SKPI_OK);
    skpi_definitions_free(defs);
    skpi_store_free(st);
}

static long fail_io_in_step(world *w, size_t i, enum test_vfs_fault fault)
{
    const step *s = &steps[i];
    uint64_t store_before = store_hash(w->path);
    long failures = 0;
    for (long j = 0;; j++) {
        long live = test_alloc_live();
        skpi_error_clear();
        test_vfs_fail_after(fault, j);
        int rc = s->run(w, s->arg);
        test_vfs_fail_after(fault, -1);
        if (rc == SKPI_OK) {
            /* an I/O error after the commit (a checkpoint) changes nothing */
            if (world_hash(w) != reference_after[i])
                fail_msg("step %zu (%s) succeeded after I/O %ld failed, with another result",
                         i, s->name, j);
            break;
        }
        failures++;
        if (rc != SKPI_EIO)
            fail_msg("step %zu (%s), I/O %ld failed: code %d, \"%s\"", i, s->name, j, rc,
                     skpi_last_error());
        if (skpi_last_error()[0] == '\0')
            fail_msg("step %zu (%s), I/O %ld failed: no message", i, s->name, j);
        if (fault == TEST_VFS_WRITE_FULL && strstr(skpi_last_error(), "full") == NULL)
            fail_msg("step %zu (%s), disk full at write %ld: \"%s\"", i, s->name, j,
                     skpi_last_error());
        if (test_alloc_live() != live)
            fail_msg("step %zu (%s), I/O %ld failed: %ld blocks leaked", i, s->name, j,
                     test_alloc_live() - live);
        check_reopened(w, store_before, reference_store_after[i], i, j);
        if ((j & 1) && w->st) {
            /* every other time the host gives up on the handle, closes it
             * (which checkpoints) and opens the store again */
            skpi_store_free(w->st);
            w->st = NULL;
            check_reopened(w, store_before, reference_store_after[i], i, j);
            assert_int_equal(open_store(w, 0), SKPI_OK);
        }
        /* A failed step that left the store whole (its commit reached the
         * file, then a later write failed) would be done twice by the next
         * try: only idempotent steps may. */
        store_before = store_hash(w->path);
        assert_true(j < 100000);
    }
    return failures;
}

static void io_loop(enum test_vfs_fault fault, const char *what)
{
    build_reference();
    world w;
    world_init(&w);
    long total = 0;
    for (size_t i = 0; i < step_count; i++) {
        if (i < first_store_step) {
            assert_int_equal(steps[i].run(&w, steps[i].arg), SKPI_OK);
            continue;
        }
        long n = fail_io_in_step(&w, i, fault);
        if (getenv("SKPI_FAILURE_VERBOSE"))
            fprintf(stderr, "  %-22s %6ld failing %s\n", steps[i].name, n, what);
        total += n;
    }
    checks_of_reference(&w);
    world_free(&w);
    fprintf(stderr, "%s: %ld points, every one SKPI_EIO with a message, no leak, the store "
            "as before or whole\n", what, total);
    assert_true(total > 10);
}

static void write_io_errors(void **state)
{
    (void)state;
    io_loop(TEST_VFS_WRITE_IOERR, "I/O error at a write");
}

static void disk_full(void **state)
{
    (void)state;
    io_loop(TEST_VFS_WRITE_FULL, "disk full at a write");
}

static void sync_io_errors(void **state)
{
    (void)state;
    io_loop(TEST_VFS_SYNC_IOERR, "I/O error at a sync");
}

int main(void)
{
    test_alloc_install();
    test_json_alloc_share();
    if (test_sqlite_alloc_install() != SQLITE_OK || test_vfs_install() != SQLITE_OK) {
        fprintf(stderr, "cannot wrap SQLite's allocator or register the failing VFS\n");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(allocations_fail_and_stay_failed),
        cmocka_unit_test(one_allocation_fails),
        cmocka_unit_test(sqlite_allocations_fail_too),
        cmocka_unit_test(one_sqlite_allocation_fails),
        cmocka_unit_test(write_io_errors),
        cmocka_unit_test(disk_full),
        cmocka_unit_test(sync_io_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
