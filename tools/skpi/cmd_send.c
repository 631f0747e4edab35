/* skpi send: a report by e-mail, or its digest to a chat webhook, recorded
 * in the store so that each period goes out once. */
#define _POSIX_C_SOURCE 200809L
#include "skpi.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const opt_spec options[] = {
    { "config", 0, "FILE", "the definitions with the report (default: $SKPI_CONFIG, else ./skpi.json)" },
    { "report", 'r', "ID", "which report of the definitions (default: the first)" },
    { "as-of", 0, "DATE", "the report covers the last full period before this date (default: now)" },
    { "db", 0, "PATH", "the store (default: $SKPI_DB, else ~/.local/share/socialkpi/skpi.db)" },
    { "generated-at", 0, "TIME", "the time printed as 'generated at', or 'none' (default: now)" },
    { "to", 0, "ADDRS", "e-mail the report to these addresses (comma-separated)" },
    { "cc", 0, "ADDRS", "and a copy to these" },
    { "attach", 0, "FORMATS", "attach the report as pdf, xlsx, csv, json, md, html or text (comma-separated)" },
    { "subject", 0, "TEXT", "the subject; {title}, {subtitle} and {report} are filled in (default: '{title}: {subtitle}')" },
    { "webhook", 0, "URL", "post the report's digest to this chat webhook" },
    { "preset", 0, "NAME", "the webhook's payload: slack, teams or plain (default: from the URL's host)" },
    { "digest", 0, NULL, "send the digest: a webhook always does; an e-mail then carries the digest as its text" },
    { "flavour", 0, "NAME", "the digest for a plain webhook or an e-mail: text (default) or markdown" },
    { "link", 0, "URL", "a link to the full report, put in the digest" },
    { "header", 0, "'NAME: VALUE'", "one more request header for the webhook" },
    { "retries", 0, "N", "attempts after a failed first one, 0 to 10 (default: 2)" },
    { "retry-wait", 0, "MS", "the first wait before trying again, doubled each time (default: 1000)" },
    { "timeout", 0, "SECONDS", "the longest one attempt may take (default: 30)" },
    { "force", 0, NULL, "send even when the report went to the same place for the period" },
    { NULL, 0, NULL, NULL }
};

/* What is sent, rendered before anything is recorded or sent. */
typedef struct parcel {
    skpi_buffer body, text;
    const char *body_type;
    skpi_buffer att_data[7];
    skpi_mail_attachment att[7];
    char att_names[7][96];
    size_t natt;
    char format[96];   /* recorded: "html+text,pdf", "digest:slack" */
    char target[1024]; /* recorded: recipients, or the URL without secrets */
    const char *target_key;
} parcel;

static void parcel_free(parcel *p)
{
    skpi_buffer_reset(&p->body);
    skpi_buffer_reset(&p->text);
    for (size_t i = 0; i < p->natt; i++) skpi_buffer_reset(&p->att_data[i]);
}

static int render_to(skpi_buffer *buf, const skpi_doc *doc, int format, skpi_time generated_at)
{
    skpi_buffer empty = SKPI_BUFFER_INIT;
    *buf = empty;
    skpi_render_options ro = SKPI_RENDER_OPTIONS_INIT;
    ro.generated_at = generated_at;
    skpi_sink sink;
    int rc = skpi_sink_memory(&sink, buf);
    return rc == SKPI_OK ? skpi_render(doc, format, &ro, &sink) : rc;
}

static int digest_to(skpi_buffer *buf, const skpi_doc *doc, int flavour, const char *link)
{
    skpi_buffer empty = SKPI_BUFFER_INIT;
    *buf = empty;
    skpi_digest_options o = SKPI_DIGEST_OPTIONS_INIT;
    o.flavour = flavour;
    o.link = link;
    skpi_sink sink;
    int rc = skpi_sink_memory(&sink, buf);
    return rc == SKPI_OK ? skpi_render_digest(doc, &o, NULL, &sink) : rc;
}

static const struct attach_kind {
    const char *name;
    int format;
    const char *type;
} kinds[] = {
    { "pdf", SKPI_FORMAT_PDF, "application/pdf" },
    { "xlsx", SKPI_FORMAT_XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    { "csv", SKPI_FORMAT_CSV, "text/csv" },
    { "json", SKPI_FORMAT_JSON, "application/json" },
    { "md", SKPI_FORMAT_MARKDOWN, "text/markdown" },
    { "html", SKPI_FORMAT_HTML, "text/html" },
    { "text", SKPI_FORMAT_TEXT, "text/plain" },
};

static int attachments(parcel *p, const command *cmd, const char *list, const skpi_doc *doc,
                       const char *report_id, skpi_time generated_at)
{
    char copy[256];
    snprintf(copy, sizeof copy, "%s", list);
    for (char *save = NULL, *name = strtok_r(copy, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
        const struct attach_kind *k = NULL;
        for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
            if (strcmp(kinds[i].name, name) == 0) k = &kinds[i];
        if (k == NULL)
            return fail(EXIT_USAGE, cmd, "--attach: '%s' is not pdf, xlsx, csv, json, md, html or text", name);
        if (p->natt == sizeof p->att / sizeof p->att[0])
            return fail(EXIT_USAGE, cmd, "--attach: at most %zu files", sizeof p->att / sizeof p->att[0]);
        size_t i = p->natt++;
        int rc = render_to(&p->att_data[i], doc, k->format, generated_at);
        if (rc != SKPI_OK) return fail_lib_at(cmd, rc, "--attach");
        snprintf(p->att_names[i], sizeof p->att_names[i], "%s.%s", report_id, skpi_format_extension(k->format));
        skpi_mail_attachment a = SKPI_MAIL_ATTACHMENT_INIT;
        a.filename = p->att_names[i];
        a.content_type = k->type;
        a.data = p->att_data[i].data;
        a.size = p->att_data[i].size;
        p->att[i] = a;
        size_t n = strlen(p->format);
        snprintf(p->format + n, sizeof p->format - n, ",%s", k->name);
    }
    return EXIT_DONE;
}

static int flavour_of(int *out, const command *cmd, const char *name, int preset)
{
    if (preset == SKPI_WEBHOOK_SLACK) *out = SKPI_DIGEST_SLACK;
    else if (preset == SKPI_WEBHOOK_TEAMS) *out = SKPI_DIGEST_TEAMS;
    else *out = SKPI_DIGEST_TEXT;
    if (name == NULL) return EXIT_DONE;
    if (preset != SKPI_WEBHOOK_PLAIN)
        return fail(EXIT_USAGE, cmd, "--flavour: the %s preset has its own digest", preset == SKPI_WEBHOOK_SLACK ? "slack" : "teams");
    if (strcmp(name, "text") == 0) *out = SKPI_DIGEST_TEXT;
    else if (strcmp(name, "markdown") == 0 || strcmp(name, "md") == 0) *out = SKPI_DIGEST_MARKDOWN;
    else return fail(EXIT_USAGE, cmd, "--flavour: '%s' is not text or markdown", name);
    return EXIT_DONE;
}

/* The e-mail: the HTML report with its text as alternative, or the digest. */
static int compose_mail(parcel *p, const command *cmd, const parsed *a, const skpi_doc *doc,
                        const char *report_id, skpi_time generated_at)
{
    const char *to = opt(a, cmd, "to"), *cc = opt(a, cmd, "cc");
    int rc;
    if (opt(a, cmd, "digest")) {
        int flavour;
        int code = flavour_of(&flavour, cmd, opt(a, cmd, "flavour"), SKPI_WEBHOOK_PLAIN);
        if (code != EXIT_DONE) return code;
        rc = digest_to(&p->body, doc, flavour, opt(a, cmd, "link"));
        p->body_type = "text/plain";
        snprintf(p->format, sizeof p->format, "digest:%s", skpi_digest_flavour_name(flavour));
    } else {
        rc = render_to(&p->body, doc, SKPI_FORMAT_HTML, generated_at);
        if (rc == SKPI_OK) rc = render_to(&p->text, doc, SKPI_FORMAT_TEXT, generated_at);
        p->body_type = "text/html";
        snprintf(p->format, sizeof p->format, "html+text");
    }
    if (rc != SKPI_OK) return fail_lib(cmd, rc);
    const char *attach = opt(a, cmd, "attach");
    if (attach) {
        int code = attachments(p, cmd, attach, doc, report_id, generated_at);
        if (code != EXIT_DONE) return code;
    }
    snprintf(p->target, sizeof p->target, "to: %s%s%s", to ? to : "", cc ? "; cc: " : "", cc ? cc : "");
    p->target_key = p->target;
    return EXIT_DONE;
}

static int preset_of(int *out, const command *cmd, const char *name, const char *url)
{
    if (name == NULL) {
        /* the services' own hosts tell which payload they take */
        const char *host = strstr(url, "://");
        host = host ? host + 3 : url;
        size_t n = strcspn(host, "/:?#");
        *out = SKPI_WEBHOOK_PLAIN;
        if (n >= 15 && strncmp(host, "hooks.slack.com", n) == 0) *out = SKPI_WEBHOOK_SLACK;
        else if (n >= 19 && strncmp(host + n - 19, ".webhook.office.com", 19) == 0) *out = SKPI_WEBHOOK_TEAMS;
        return EXIT_DONE;
    }
    if (strcmp(name, "slack") == 0) *out = SKPI_WEBHOOK_SLACK;
    else if (strcmp(name, "teams") == 0) *out = SKPI_WEBHOOK_TEAMS;
    else if (strcmp(name, "plain") == 0) *out = SKPI_WEBHOOK_PLAIN;
    else return fail(EXIT_USAGE, cmd, "--preset: '%s' is not slack, teams or plain", name);
    return EXIT_DONE;
}

static int compose_webhook(parcel *p, int *preset, const command *cmd, const parsed *a, const skpi_doc *doc)
{
    const char *url = opt(a, cmd, "webhook");
    int code = preset_of(preset, cmd, opt(a, cmd, "preset"), url);
    int flavour = SKPI_DIGEST_TEXT;
    if (code == EXIT_DONE) code = flavour_of(&flavour, cmd, opt(a, cmd, "flavour"), *preset);
    if (code != EXIT_DONE) return code;
    int rc = digest_to(&p->body, doc, flavour, opt(a, cmd, "link"));
    if (rc != SKPI_OK) return fail_lib(cmd, rc);
    snprintf(p->format, sizeof p->format, "digest:%s", skpi_digest_flavour_name(flavour));
    p->body_type = flavour == SKPI_DIGEST_MARKDOWN ? "text/markdown; charset=utf-8" : NULL;
    /* a malformed URL is refused by the sink, after the attempt is recorded */
    char *shown = NULL;
    rc = skpi_deliver_redact_url(&shown, url);
    snprintf(p->target, sizeof p->target, "%s", rc == SKPI_OK ? shown : "(not a URL)");
    skpi_free(shown);
    p->target_key = url;
    return EXIT_DONE;
}

static int number(unsigned *out, const command *cmd, const parsed *a, const char *name, unsigned max,
                  unsigned scale)
{
    const char *text = opt(a, cmd, name);
    if (text == NULL) return EXIT_DONE;
    char *end;
    unsigned long v = strtoul(text, &end, 10);
    if (end == text || *end || text[0] == '-' || v > max)
        return fail(EXIT_USAGE, cmd, "--%s: '%s' is not a whole number from 0 to %u", name, text, max);
    *out = (unsigned)v * scale;
    return EXIT_DONE;
}

/* Split "a@x,b@y" into the array (pointers into buf). */
static size_t split(char *buf, const char **out, size_t max)
{
    size_t n = 0;
    for (char *save = NULL, *s = strtok_r(buf, ", ", &save); s && n < max; s = strtok_r(NULL, ", ", &save))
        out[n++] = s;
    return n;
}

static int check_mail_env(const command *cmd)
{
    const char *url = getenv("SKPI_SMTP_URL"), *from = getenv("SKPI_MAIL_FROM");
    if (url == NULL || url[0] == '\0')
        return fail(EXIT_USAGE, cmd, "--to: set SKPI_SMTP_URL to the SMTP server (smtp://host:587 or smtps://host:465)");
    if (from == NULL || from[0] == '\0')
        return fail(EXIT_USAGE, cmd, "--to: set SKPI_MAIL_FROM to the sender's address");
    return EXIT_DONE;
}

static int make_mail_sink(skpi_sink *sink, const command *cmd, const parsed *a, const parcel *p,
                          const skpi_doc *doc, const char *report_id, const unsigned retries[3])
{
    const char *url = getenv("SKPI_SMTP_URL"), *from = getenv("SKPI_MAIL_FROM");
    static char to_buf[2048], cc_buf[2048];
    const char *to[64], *cc[64];
    snprintf(to_buf, sizeof to_buf, "%s", opt(a, cmd, "to") ? opt(a, cmd, "to") : "");
    snprintf(cc_buf, sizeof cc_buf, "%s", opt(a, cmd, "cc") ? opt(a, cmd, "cc") : "");
    skpi_mail_options o = SKPI_MAIL_OPTIONS_INIT;
    o.url = url;
    o.from = from;
    o.to = to;
    o.to_count = split(to_buf, to, 64);
    o.cc = cc;
    o.cc_count = split(cc_buf, cc, 64);
    const char *subject = opt(a, cmd, "subject");
    const char *fields[] = { "title", skpi_doc_title(doc), "subtitle", skpi_doc_subtitle(doc),
                             "report", report_id };
    o.subject = subject ? subject : skpi_doc_subtitle(doc)[0] ? "{title}: {subtitle}" : "{title}";
    o.subject_fields = fields;
    o.subject_field_count = 3;
    o.body_type = p->body_type;
    o.text = p->text.data;
    o.attachments = p->att;
    o.attachment_count = p->natt;
    /* credentials from the environment, else ~/.netrc; never from definitions */
    const char *user = getenv("SKPI_SMTP_USER"), *password = getenv("SKPI_SMTP_PASSWORD");
    o.user = user && user[0] ? user : NULL;
    o.password = o.user ? password : NULL;
    o.netrc = 1;
    o.retries = retries[0];
    o.backoff_ms = retries[1];
    o.timeout_ms = retries[2];
    return skpi_sink_mail(sink, &o);
}

static int make_hook_sink(skpi_sink *sink, const command *cmd, const parsed *a, const parcel *p,
                          int preset, const unsigned retries[3])
{
    skpi_webhook_options o = SKPI_WEBHOOK_OPTIONS_INIT;
    o.url = opt(a, cmd, "webhook");
    o.preset = preset;
    o.content_type = p->body_type;
    const char *header = opt(a, cmd, "header");
    o.headers = &header;
    o.header_count = header ? 1 : 0;
    o.retries = retries[0];
    o.backoff_ms = retries[1];
    o.timeout_ms = retries[2];
    return skpi_sink_webhook(sink, &o);
}

/* How a delivery ended, recorded; the exit code. */
static int finish(const command *cmd, skpi_store *st, int64_t id, int rc, int code_on_failure)
{
    char msg[1024];
    snprintf(msg, sizeof msg, "%s", rc == SKPI_OK ? "" : skpi_last_error());
    int end = skpi_store_end_delivery(st, id, rc == SKPI_OK ? SKPI_DELIVERY_SENT : SKPI_DELIVERY_FAILED,
                                      msg, (skpi_time)time(NULL));
    if (rc != SKPI_OK) {
        skpi_error_set(msg);
        return code_on_failure == EXIT_SEND ? fail(EXIT_SEND, cmd, "%s", msg) : fail_lib(cmd, rc);
    }
    return end == SKPI_OK ? EXIT_DONE : fail_lib(cmd, end);
}

/* Record the attempt (unless it went out before), make the sink, send,
 * record the result: a refused address or URL is a failed delivery too. */
static int deliver(const command *cmd, const parsed *a, skpi_store *st, const parcel *p, int preset,
                   const skpi_doc *doc, const char *report_id, skpi_period period, unsigned retries[3])
{
    bool hook = opt(a, cmd, "webhook") != NULL;
    skpi_store_delivery d = SKPI_STORE_DELIVERY_INIT;
    d.report = report_id;
    d.period = period;
    d.format = p->format;
    d.channel = hook ? "webhook" : "email";
    d.target = p->target;
    d.target_key = p->target_key;
    d.started = (skpi_time)time(NULL);
    int64_t id = 0;
    int rc = skpi_store_begin_delivery(&id, st, &d, opt(a, cmd, "force") != NULL);
    if (rc == SKPI_EEXISTS) {
        const char *msg = skpi_last_error();
        const char *colon = strstr(msg, ": ");
        printf("not sent: %s\n", colon ? colon + 2 : msg);
        return EXIT_DONE;
    }
    if (rc != SKPI_OK) return fail_lib(cmd, rc);
    skpi_sink sink = SKPI_SINK_INIT;
    rc = hook ? make_hook_sink(&sink, cmd, a, p, preset, retries)
              : make_mail_sink(&sink, cmd, a, p, doc, report_id, retries);
    if (rc != SKPI_OK) return finish(cmd, st, id, rc, EXIT_INPUT);
    rc = skpi_sink_write(&sink, p->body.data ? p->body.data : "", p->body.size);
    int closed = skpi_sink_close(&sink);
    if (rc == SKPI_OK) rc = closed;
    int code = finish(cmd, st, id, rc, EXIT_SEND);
    if (code == EXIT_DONE) printf("sent: report %s (%s)\n", report_id, p->target);
    return code;
}

static int send_report(const command *cmd, const parsed *a, skpi_store *st, skpi_dataset *ds,
                       const skpi_definitions *defs, size_t index, skpi_time as_of, skpi_time generated_at)
{
    const char *report_id = skpi_definitions_report_id(defs, index);
    skpi_report *report = NULL;
    skpi_doc *doc = NULL;
    skpi_period period;
    int coverage = SKPI_COVERAGE_FULL;
    int rc = skpi_definitions_build_report(&report, defs, index, as_of);
    if (rc == SKPI_OK) rc = skpi_report_period(&period, report);
    if (rc == SKPI_OK) rc = skpi_report_coverage(&coverage, NULL, report, ds);
    /* An empty report is not worth a message: nothing is sent or recorded. */
    if (rc == SKPI_OK && coverage == SKPI_COVERAGE_NONE) {
        int code = no_data(cmd, report, "nothing was sent");
        skpi_report_free(report);
        return code;
    }
    if (rc == SKPI_OK) rc = skpi_report_assemble(&doc, report, ds);
    skpi_report_free(report);
    if (rc != SKPI_OK) return fail_lib_at(cmd, rc, report_id);
    parcel p;
    memset(&p, 0, sizeof p);
    unsigned retries[3] = { 2, 1000, 30000 };
    int preset = SKPI_WEBHOOK_PLAIN;
    int code = number(&retries[0], cmd, a, "retries", 10, 1);
    if (code == EXIT_DONE) code = number(&retries[1], cmd, a, "retry-wait", 60000, 1);
    if (code == EXIT_DONE) code = number(&retries[2], cmd, a, "timeout", 3600, 1000);
    if (code == EXIT_DONE)
        code = opt(a, cmd, "webhook") ? compose_webhook(&p, &preset, cmd, a, doc)
                                      : compose_mail(&p, cmd, a, doc, report_id, generated_at);
    if (code == EXIT_DONE) code = deliver(cmd, a, st, &p, preset, doc, report_id, period, retries);
    parcel_free(&p);
    skpi_doc_free(doc);
    return code;
}

static int run(const command *cmd, const parsed *p)
{
    bool mail = opt(p, cmd, "to") || opt(p, cmd, "cc"), hook = opt(p, cmd, "webhook") != NULL;
    if (mail == hook)
        return fail(EXIT_USAGE, cmd, mail ? "give --to or --webhook, not both" : "give --to ADDRS or --webhook URL");
    if (hook && (opt(p, cmd, "attach") || opt(p, cmd, "subject")))
        return fail(EXIT_USAGE, cmd, "--attach and --subject are for e-mail (--to)");
    if (mail && check_mail_env(cmd) != EXIT_DONE) return EXIT_USAGE;
    if (!skpi_deliver_supported())
        return fail(EXIT_INPUT, cmd, "this skpi was built without sending (build option SKPI_WITH_CURL is OFF)");
    report_setup s;
    int code = report_setup_open(&s, cmd, p, true);
    if (code == EXIT_DONE)
        code = send_report(cmd, p, s.st, s.ds, s.defs, s.index, s.as_of, s.generated_at);
    report_setup_free(&s);
    return code;
}

const command cmd_send = {
    "send",
    "send --config FILE --report ID (--to ADDRS [--attach pdf,csv] | --webhook URL [--digest])",
    "Send a report by e-mail, or its digest to a chat webhook, once per period.",
    "E-mail: the HTML report with its plain text as alternative, and the files\n"
    "--attach names, in one message through the SMTP server SKPI_SMTP_URL\n"
    "(smtp://host:587 with STARTTLS, or smtps://host:465), from SKPI_MAIL_FROM,\n"
    "logging in as SKPI_SMTP_USER with SKPI_SMTP_PASSWORD, else with the login\n"
    "~/.netrc holds for the server's host.\n"
    "Webhook: the report's digest, as a Slack message, a Teams message card or\n"
    "plain text (--preset; hooks.slack.com and *.webhook.office.com are known).\n"
    "Each delivery is recorded in the store with its report, period, format,\n"
    "recipients or URL (without its secret path) and result. A report already\n"
    "sent to the same place for its period is not sent again unless --force.\n"
    "Exit 6: sending failed; the message says what the server replied.\n",
    options, 0, 0, run
};
