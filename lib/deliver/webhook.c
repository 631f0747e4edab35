/* skpi_sink_webhook(): the options checked and copied, the bytes
 * gathered, and on close one HTTP POST (Slack's payload wrapped as JSON). */
#include "deliver/deliver_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

typedef struct hook_sink {
    int preset;
    char *url;
    skpi__url where;
    struct curl_slist *headers;
    skpi__retry retry;
    skpi__text body;
} hook_sink;

static const char fn[] = "skpi_sink_webhook";

static void hook_free(hook_sink *s)
{
    if (s == NULL) return;
    skpi__free(s->url);
    skpi__url_free(&s->where);
    curl_slist_free_all(s->headers);
    skpi__text_free(&s->body);
    skpi__free(s);
}

/* "Name: value": a token, a colon, printable text. */
static bool header_ok(const char *h)
{
    size_t name = strcspn(h, ":");
    if (name == 0 || h[name] != ':' || strlen(h) > 8000) return false;
    for (size_t i = 0; i < name; i++) {
        unsigned char c = (unsigned char)h[i];
        if (c <= 0x20 || c >= 0x7F || strchr("()<>@,;\\\"/[]?={}", c)) return false;
    }
    for (const char *p = h + name + 1; *p; p++)
        if (((unsigned char)*p < 0x20 && *p != '\t') || *p == 0x7F) return false;
    return true;
}

static int add_header(hook_sink *s, const char *h)
{
    struct curl_slist *next = curl_slist_append(s->headers, h);
    if (next == NULL) return skpi__nomem();
    s->headers = next;
    return SKPI_OK;
}

static int set_headers(hook_sink *s, const skpi_webhook_options *o)
{
    if (o->headers == NULL && o->header_count)
        return skpi__error(SKPI_EMISUSE, "%s: headers is NULL with a count", fn);
    const char *type = o->content_type ? o->content_type
                       : o->preset == SKPI_WEBHOOK_PLAIN ? "text/plain; charset=utf-8" : "application/json";
    char line[256];
    int n = snprintf(line, sizeof line, "Content-Type: %s", type);
    if (n < 0 || (size_t)n >= sizeof line || !header_ok(line) || strchr(type, '/') == NULL)
        return skpi__error(SKPI_EINVAL, "%s: \"%.60s\" is not a content type (type/subtype)", fn, type);
    int rc = add_header(s, line);
    /* no "Expect: 100-continue" round trip */
    if (rc == SKPI_OK) rc = add_header(s, "Expect:");
    for (size_t i = 0; rc == SKPI_OK && i < o->header_count; i++) {
        if (o->headers[i] == NULL) return skpi__error(SKPI_EMISUSE, "%s: header %zu is NULL", fn, i);
        if (!header_ok(o->headers[i]))
            return skpi__error(SKPI_EINVAL, "%s: header %zu is not \"Name: value\" on one line", fn, i);
        rc = add_header(s, o->headers[i]);
    }
    return rc;
}

static int hook_write(void *ud, const void *bytes, size_t len)
{
    hook_sink *s = ud;
    int rc = skpi__text_put(&s->body, bytes, len);
    if (rc != SKPI_OK) skpi_error_set("webhook sink: out of memory gathering the message");
    return rc;
}

/* Slack: {"text": the mrkdwn}. */
static char *slack_payload(const hook_sink *s)
{
    json_t *text = json_stringn(s->body.buf ? s->body.buf : "", s->body.len);
    json_t *obj = text ? json_object() : NULL;
    char *out = NULL;
    if (obj && json_object_set_new(obj, "text", text) == 0) {
        text = NULL;
        out = json_dumps(obj, JSON_COMPACT);
    }
    json_decref(text);
    json_decref(obj);
    return out;
}

static int post(hook_sink *s, const char *body, size_t len)
{
    CURL *c = curl_easy_init();
    if (c == NULL) { skpi_error_set("webhook sink: libcurl could not start a transfer"); return SKPI_ENOMEM; }
    char what[320];
    snprintf(what, sizeof what, "webhook POST to %s", s->where.shown);
    skpi__transfer t;
    memset(&t, 0, sizeof t);
    t.curl = c;
    t.http = true;
    t.what = what;
    t.retry = s->retry;
    t.secrets[0] = s->where.secret;
    t.secrets[1] = s->where.password;
    curl_easy_setopt(c, CURLOPT_URL, s->url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, s->headers);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    int rc = skpi__transfer_run(&t);
    curl_easy_cleanup(c);
    return rc;
}

int skpi__webhook_close(void *ud)
{
    hook_sink *s = ud;
    int rc;
    if (s->preset == SKPI_WEBHOOK_SLACK) {
        char *payload = slack_payload(s);
        if (payload == NULL) {
            skpi_error_set("webhook sink: the Slack text is not valid UTF-8, or memory ran out");
            rc = SKPI_EINVAL;
        } else {
            rc = post(s, payload, strlen(payload));
            json_malloc_t alloc;
            json_free_t release;
            json_get_alloc_funcs(&alloc, &release);
            release(payload);
        }
    } else {
        rc = post(s, s->body.buf ? s->body.buf : "", s->body.len);
    }
    hook_free(s);
    return rc;
}

int skpi_sink_webhook(skpi_sink *out, const skpi_webhook_options *o)
{
    if (out == NULL || o == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", fn, out ? "options" : "out");
    if (o->version != SKPI_WEBHOOK_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "%s: options version %u is unknown (this library knows %d)",
                           fn, o->version, SKPI_WEBHOOK_OPTIONS_VERSION);
    if (o->preset < SKPI_WEBHOOK_PLAIN || o->preset > SKPI_WEBHOOK_TEAMS)
        return skpi__error(SKPI_EINVAL, "%s: preset %d is not plain (0), slack (1) or teams (2)", fn,
                           o->preset);
    if (o->url == NULL) return skpi__error(SKPI_EINVAL, "%s: no webhook URL is given", fn);
    int rc = skpi__curl_init();
    if (rc != SKPI_OK) return rc;
    hook_sink *s = skpi__calloc(1, sizeof *s);
    if (s == NULL) return skpi__nomem();
    s->preset = o->preset;
    rc = skpi__retry_check(&s->retry, o->timeout_ms, o->retries, o->backoff_ms, fn);
    if (rc == SKPI_OK) rc = skpi__url_parse(&s->where, o->url, "the webhook");
    if (rc == SKPI_OK && strcmp(s->where.scheme, "https") != 0 &&
        !(strcmp(s->where.scheme, "http") == 0 && s->where.loopback))
        rc = skpi__error(SKPI_EINVAL, "%s: the webhook %s must be https:// (plain http:// only to a "
                         "loopback address)", fn, s->where.shown);
    if (rc == SKPI_OK) rc = set_headers(s, o);
    if (rc == SKPI_OK && (s->url = skpi__strdup(o->url)) == NULL) rc = skpi__nomem();
    if (rc != SKPI_OK) {
        hook_free(s);
        return rc;
    }
    skpi__deliver_sink(out, hook_write, skpi__webhook_close, s);
    return SKPI_OK;
}

void skpi__webhook_discard(void *ud) { hook_free(ud); }
