/* Private state of one import: the reader, the chosen preset and its
 * per-column plan, the staging area and the summary being filled. */
#ifndef SKPI_IMPORT_INTERNAL_H
#define SKPI_IMPORT_INTERNAL_H

#include "socialkpi/import.h"
#include "import/held_rows.h"
#include "import/presets.h"
#include "import/reader.h"
#include "import/stage.h"
#include "import/days.h"

/* Bytes read from a file at a time. */
#define SKPI__READ_BLOCK ((size_t)1 << 16)

/* What to do with one column of the header. */
typedef struct col_plan {
    int role;         /* an skpi__role; METRIC only when the catalog has the metric */
    unsigned flags;   /* the preset column's flags */
    uint32_t metric;  /* stage metric id, UINT32_MAX when not imported */
    int unit;         /* the metric's ::skpi_unit */
} col_plan;

/* A metric key of a long file and what it resolved to. */
#define SKPI__MEMO 16
typedef struct metric_memo {
    char key[72];
    size_t len;       /* 0: an empty slot (or a key too long to keep) */
    int state;        /* 0, or the ::skpi_import_skip reason for rows with this key */
    uint32_t metric;  /* stage metric id when state is 0 */
    int unit;
} metric_memo;

typedef struct importer {
    skpi_dataset *ds;
    const skpi_catalog *cat;
    const char *name;
    skpi_import_options opt;
    skpi__reader reader;

    const skpi__preset *forced;   /* the host's preset, NULL to detect */
    skpi__preset wide;            /* generic wide, built from the options */
    skpi__preset_column *wide_cols;
    const skpi__preset *preset;   /* the one in use once the header is found */
    const char *network;          /* channel network of the preset */

    /* header */
    bool header_done;
    size_t ncols;
    char *header;                 /* the header's names, NUL-separated */
    size_t *header_off;
    col_plan *plan;
    double *vals;                 /* one row's values, by column */
    int c_date, c_id, c_link, c_text, c_type, c_account, c_network, c_channel, c_metric, c_value;
    int c_sentiment, c_author;    /* mentions of a listening tool */
    int c_tags;                   /* a post's labels (Meta's "Custom labels"); -1: none */
    int c_answered, c_response, c_bin; /* customer care: answer time, response time, bin */
    uint32_t care_metric[4];      /* stage ids by SKPI__CARE_* (care.h), UINT32_MAX: none */
    int64_t service_level;        /* seconds: answered within it counts as in target */
    bool care_seen;               /* a care header was taken (zero days at the end) */
    bool has_care_days;
    int64_t care_first, care_last; /* the first and last local day of the care rows */
    uint32_t sentiment_metric[3]; /* positive, neutral and negative mentions (stage ids) */
    bool has_posts_column;
    bool posts_seen;              /* a header of a post export was taken (post flows follow) */
    uint32_t posts_metric;        /* posts_published for post files, UINT32_MAX when none */

    /* rows above the header */
    uint64_t preamble_records, first_line, preamble_line;
    char preamble[128];           /* first field of the last one (Meta's metric name) */
    char first_text[64];          /* first field of the first one, for messages */
    uint32_t value_metric;        /* Meta daily: the metric named above the header */
    int value_unit;

    /* Meta daily: each section sits under its own title line */
    bool section_wait;            /* a title was read below data: a header follows */
    bool section_skip;            /* the section's metric is not imported */

    /* rows a spreadsheet wrapped whole in quotes, split by a second reader */
    bool unwrap;                  /* the header was such a row: so are the data rows */
    bool inner_ready, unwrap_missed;
    uint64_t unwrap_line;
    skpi__reader inner;

    /* rows shorter than the header (Meta post exports), padded with empty fields */
    const char **pad_field;
    size_t *pad_len;

    /* numeric dates: ::skpi_import_date_order in force, and what the file shows */
    int order;
    bool order_guessed;           /* ambiguous dates were read in the preset's usual order */
    int order_seen;               /* the order a date proved, 0 when none did */
    uint64_t ambiguous_line, order_line;
    size_t ambiguous_col;
    char ambiguous_text[40];

    /* the days a post-level export covers (midnight to midnight, end excluded) */
    bool has_range_from, has_range_to;
    skpi_time range_from, range_to;

    /* channels */
    bool has_fixed;
    uint32_t fixed_channel;
    char chbuf[300];

    /* TikTok: the export date the year is inferred from */
    bool has_export;
    int ex_y, ex_m, ex_d;

    /* generic long: recent metric keys and the last series */
    metric_memo memo[SKPI__MEMO];
    size_t nmemo, memo_next;
    bool has_last_series;
    size_t last_series;           /* index into st.series (the array may move) */
    uint32_t last_series_metric, last_series_channel;

    /* days in the reports' zone; the zone of times written without offset */
    skpi__days days;
    skpi_calendar *source;        /* options.source_time_zone, NULL when not given */
    skpi_calendar *preset_source; /* the preset's zone, opened when first needed */

    /* the last date text read and its time */
    char date_text[40];
    size_t date_len;
    skpi_time date_time;

    skpi__stage st;
    skpi_import_summary *sum;

    /* Daily files whose dates may lack a year: rows are held until the
     * end, then replayed with the year inferred for each (0: none). */
    bool holding;
    skpi__held_rows held;
    int row_year;
} importer;

/* The per-record step (import.c): header detection, then the rows. */
int skpi__import_record(void *ctx, const skpi__record *r);
/* Name something not imported in the summary (import.c). */
int skpi__import_ignore(importer *im, const char *name, size_t len);
/* Set the preset and header line the summary reports (import.c). */
void skpi__import_summary_first(importer *im, int preset, uint64_t header_line);
/* For lib/import/care.c (import.c): the time in column col of a row (a
 * daily shape's day start, else the instant), a field error naming the
 * row and column, a row's channel, and a catalog metric staged by key
 * (UINT32_MAX when the catalog lacks it); a skipped row counted. */
void skpi__import_skip(importer *im, int reason);
int skpi__import_time(importer *im, const skpi__record *r, size_t col, skpi_time *t);
int skpi__import_field_error(const importer *im, uint64_t line, size_t col, const char *what,
                             const char *value, size_t vlen);
int skpi__import_channel(importer *im, const skpi__record *r, uint32_t *out);
int skpi__import_plan_metric(importer *im, const char *key, uint32_t *id);

/* Workbooks (import_workbook.c): every sheet a preset knows, into the
 * importer's stage. kind is an skpi__workbook_kind; the workbook is read
 * from memory (a file is read whole first, bounded by its size limit). */
int skpi__import_workbook(importer *im, int kind, const void *data, size_t size);
int skpi__import_workbook_file(importer *im, int kind, const char *path);

#endif
