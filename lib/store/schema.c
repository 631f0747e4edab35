/* The store's schema, one migration per version step (docs/store.md). */
#include "store/store_internal.h"
#include "core/internal.h"

#include <stdio.h>

/*
 * migration[v] takes a store of schema version v to version v + 1; version 0
 * is the empty database. Released steps never change: a new version only
 * appends a step (and a fixture under tests/fixtures/store/).
 */
static const char *const migration[SKPI__STORE_SCHEMA] = {
    /* 0 -> 1: series points in chunks, posts with values, host metrics. */
    "CREATE TABLE meta("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ") WITHOUT ROWID;"
    "CREATE TABLE series("
    "  id INTEGER PRIMARY KEY,"
    "  metric TEXT NOT NULL,"
    "  channel TEXT NOT NULL,"
    "  UNIQUE(metric, channel)"
    ");"
    /* n points packed into data (lib/store/chunk.h); chunks of one series
     * never overlap: t_first of one is after t_last of the one before. */
    "CREATE TABLE chunk("
    "  series INTEGER NOT NULL REFERENCES series(id),"
    "  t_first INTEGER NOT NULL,"
    "  t_last INTEGER NOT NULL,"
    "  n INTEGER NOT NULL,"
    "  data BLOB NOT NULL,"
    "  PRIMARY KEY(series, t_first)"
    ");"
    "CREATE TABLE post("
    "  id INTEGER PRIMARY KEY,"
    "  channel TEXT NOT NULL,"
    "  post_id TEXT NOT NULL,"
    "  published INTEGER NOT NULL,"
    "  type TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  link TEXT NOT NULL,"
    "  UNIQUE(channel, post_id)"
    ");"
    "CREATE INDEX post_published ON post(published);"
    "CREATE TABLE post_value("
    "  post INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,"
    "  metric TEXT NOT NULL,"
    "  value REAL NOT NULL,"
    "  PRIMARY KEY(post, metric)"
    ") WITHOUT ROWID;"
    /* builtin = 1: a replaced label, description or formula of a built-in
     * metric; 0: a metric the host added. position keeps the order in which
     * metrics were first saved, so formulas find their components. */
    "CREATE TABLE metric("
    "  key TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL,"
    "  builtin INTEGER NOT NULL,"
    "  label TEXT NOT NULL,"
    "  description TEXT NOT NULL,"
    "  unit INTEGER NOT NULL,"
    "  direction INTEGER NOT NULL,"
    "  kind INTEGER NOT NULL,"
    "  formula TEXT"
    ") WITHOUT ROWID;",

    /* 1 -> 2: SMART goals, objectives with key results and check-ins,
     * report definitions and report runs. NULL stands for "not set" (NaN,
     * no period); ids are those of definitions.h. */
    "CREATE TABLE goal("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL,"
    "  name TEXT NOT NULL,"
    "  category INTEGER NOT NULL,"
    "  metric TEXT,"
    "  channel TEXT,"
    "  direction INTEGER NOT NULL,"
    "  cadence INTEGER NOT NULL,"
    "  baseline_kind INTEGER NOT NULL,"
    "  baseline_value REAL,"
    "  baseline_start INTEGER,"
    "  baseline_end INTEGER,"
    "  target_kind INTEGER NOT NULL,"
    "  target_value REAL,"
    "  span_start INTEGER,"
    "  span_end INTEGER,"
    "  relevance TEXT,"
    "  owner TEXT"
    ") WITHOUT ROWID;"
    "CREATE TABLE goal_milestone("
    "  goal TEXT NOT NULL REFERENCES goal(id) ON DELETE CASCADE,"
    "  date INTEGER NOT NULL,"
    "  value REAL NOT NULL,"
    "  PRIMARY KEY(goal, date)"
    ") WITHOUT ROWID;"
    /* parent: the id of the objective it is aligned under (no foreign key:
     * deleting a parent makes its children top-level); parent_order: its
     * place among the parent's children. */
    "CREATE TABLE objective("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL,"
    "  title TEXT NOT NULL,"
    "  description TEXT NOT NULL,"
    "  owner TEXT NOT NULL,"
    "  period_start INTEGER,"
    "  period_end INTEGER,"
    "  type INTEGER NOT NULL,"
    "  curve INTEGER NOT NULL,"
    "  parent TEXT,"
    "  parent_order INTEGER,"
    "  weight REAL"
    ") WITHOUT ROWID;"
    "CREATE TABLE objective_curve("
    "  objective TEXT NOT NULL REFERENCES objective(id) ON DELETE CASCADE,"
    "  point INTEGER NOT NULL,"
    "  x REAL NOT NULL,"
    "  y REAL NOT NULL,"
    "  PRIMARY KEY(objective, point)"
    ") WITHOUT ROWID;"
    "CREATE TABLE key_result("
    "  objective TEXT NOT NULL REFERENCES objective(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  kind INTEGER NOT NULL,"
    "  title TEXT NOT NULL,"
    "  start REAL,"
    "  target REAL,"
    "  stretch REAL,"
    "  commit_value REAL,"
    "  weight REAL NOT NULL,"
    "  metric TEXT,"
    "  selector TEXT,"
    "  PRIMARY KEY(objective, position)"
    ") WITHOUT ROWID;"
    "CREATE TABLE checkin("
    "  objective TEXT NOT NULL,"
    "  key_result INTEGER NOT NULL,"
    "  time INTEGER NOT NULL,"
    "  value REAL,"
    "  confidence REAL,"
    "  note TEXT NOT NULL,"
    "  PRIMARY KEY(objective, key_result, time),"
    "  FOREIGN KEY(objective, key_result) REFERENCES key_result(objective, position)"
    "    ON DELETE CASCADE"
    ") WITHOUT ROWID;"
    "CREATE TABLE report_definition("
    "  id TEXT PRIMARY KEY,"
    "  definition TEXT NOT NULL"
    ") WITHOUT ROWID;"
    /* output: the rendered bytes when the host kept them, else NULL */
    "CREATE TABLE report_run("
    "  id INTEGER PRIMARY KEY,"
    "  definition TEXT NOT NULL REFERENCES report_definition(id),"
    "  as_of INTEGER NOT NULL,"
    "  generated_at INTEGER NOT NULL,"
    "  format TEXT NOT NULL,"
    "  size INTEGER NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  output BLOB"
    ");"
    "CREATE INDEX report_run_definition ON report_run(definition, as_of);",

    /* 2 -> 3: report definitions of definitions.h, as JSON text. position
     * NULL: a text the host saved itself (skpi_store_write_report_definition());
     * a number: a report definition saved with skpi_store_write_definitions(),
     * in the order first saved. */
    "ALTER TABLE report_definition ADD COLUMN position INTEGER;",

    /* 3 -> 4: deliveries of reports (docs/delivery.md). status: 0 sending,
     * 1 sent, 2 failed; target_key: SHA-256 of the full target (a webhook
     * URL with its secret path), never the target itself. */
    "CREATE TABLE delivery("
    "  id INTEGER PRIMARY KEY,"
    "  report TEXT NOT NULL,"
    "  period_start INTEGER NOT NULL,"
    "  period_end INTEGER NOT NULL,"
    "  format TEXT NOT NULL,"
    "  channel TEXT NOT NULL,"
    "  target TEXT NOT NULL,"
    "  target_key TEXT NOT NULL,"
    "  status INTEGER NOT NULL,"
    "  message TEXT NOT NULL,"
    "  started INTEGER NOT NULL,"
    "  finished INTEGER"
    ");"
    "CREATE INDEX delivery_key ON delivery(report, period_start, period_end, target_key);",

    /* 4 -> 5: hours of a team's effort (docs/resourcing.md), one row per
     * entry in the order recorded; cost NULL: none given. */
    "CREATE TABLE effort("
    "  who TEXT NOT NULL,"
    "  activity TEXT NOT NULL,"
    "  period_start INTEGER NOT NULL,"
    "  period_end INTEGER NOT NULL,"
    "  hours REAL NOT NULL,"
    "  cost REAL"
    ");",

    /* 5 -> 6: the competitors' channels and the industry benchmark table of
     * the definitions (docs/competitors.md), each in the definitions' order. */
    "CREATE TABLE competitor("
    "  channel TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL,"
    "  name TEXT NOT NULL"
    ") WITHOUT ROWID;"
    "CREATE TABLE benchmark("
    "  position INTEGER PRIMARY KEY,"
    "  metric TEXT NOT NULL,"
    "  network TEXT NOT NULL,"
    "  industry TEXT NOT NULL,"
    "  period TEXT NOT NULL,"
    "  value REAL NOT NULL,"
    "  source TEXT NOT NULL"
    ");",
    /* 6 -> 7: campaigns of definitions.h, as JSON text, in the handle's order. */
    "CREATE TABLE campaign_definition("
    "  name TEXT PRIMARY KEY,"
    "  definition TEXT NOT NULL,"
    "  position INTEGER NOT NULL"
    ") WITHOUT ROWID;",

    /* 7 -> 8: the tags a post carries (dataset.h, skpi_post_tag()), in
     * the order they were added; the hashtags of its text are not kept
     * twice. */
    "CREATE TABLE post_tag("
    "  post INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  tag TEXT NOT NULL,"
    "  PRIMARY KEY(post, position)"
    ") WITHOUT ROWID;",

    /* 8 -> 9: who made a check-in ("" when not said; docs/okrs.md). */
    "ALTER TABLE checkin ADD COLUMN author TEXT NOT NULL DEFAULT '';",

    /* 9 -> 10: the activity of the team that serves a goal or key result
     * (docs/resourcing.md) and where its target comes from ("<industry>
     * benchmark, <source>", docs/competitors.md); NULL: none. */
    "ALTER TABLE goal ADD COLUMN activity TEXT;"
    "ALTER TABLE goal ADD COLUMN target_source TEXT;"
    "ALTER TABLE key_result ADD COLUMN activity TEXT;"
    "ALTER TABLE key_result ADD COLUMN target_source TEXT;",
};

int skpi__store_migrate(skpi_store *st, int from, const char *what)
{
    for (int v = from; v < SKPI__STORE_SCHEMA; v++) {
        int rc = skpi__store_exec(st, migration[v], what);
        if (rc != SKPI_OK) return rc;
    }
    char sql[160];
    snprintf(sql, sizeof sql,
             "PRAGMA application_id = %d; PRAGMA user_version = %d;"
             "INSERT OR REPLACE INTO meta(key, value) VALUES ('library', '%s')",
             SKPI__STORE_APP_ID, SKPI__STORE_SCHEMA, skpi_version_string());
    return skpi__store_exec(st, sql, what);
}
