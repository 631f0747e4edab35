/* skpi_sink_mail(): the options checked and copied, the bytes gathered,
 * and on close one MIME message sent through the SMTP server. */
#include "deliver/deliver_internal.h"

#include <stdio.h>
#include <string.h>

typedef struct mail_sink {
    skpi__mail m;
    char *url, *user, *password, *netrc_file;
    int netrc;
    skpi__url where;
    skpi__retry retry;
    skpi__text body;
} mail_sink;

static void mail_free(mail_sink *s)
{
    if (s == NULL) return;
    skpi__mail *m = &s->m;
    skpi__free(m->from);
    skpi__free(m->from_name);
    skpi__free(m->subject);
    skpi__free(m->body_type);
    skpi__free(m->text);
    for (size_t i = 0; m->rcpt && i < m->nto + m->ncc; i++) skpi__free(m->rcpt[i]);
    skpi__free(m->rcpt);
    for (size_t i = 0; m->att && i < m->natt; i++) {
        skpi__free(m->att[i].filename);
        skpi__free(m->att[i].content_type);
        skpi__free(m->att[i].data);
    }
    skpi__free(m->att);
    skpi__free(s->url);
    skpi__free(s->user);
    if (s->password) memset(s->password, 0, strlen(s->password));
    skpi__free(s->password);
    skpi__free(s->netrc_file);
    skpi__url_free(&s->where);
    skpi__text_free(&s->body);
    skpi__free(s);
}

/* NULL stays NULL; else a copy, or false when memory ran out. */
static bool copy(char **out, const char *s)
{
    *out = NULL;
    if (s == NULL) return true;
    *out = skpi__strdup(s);
    return *out != NULL;
}

static bool has_control(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7F) return true;
    return false;
}

static const char fn[] = "skpi_sink_mail";

static int check_server(mail_sink *s, const skpi_mail_options *o)
{
    if (o->url == NULL) return skpi__error(SKPI_EINVAL, "%s: no SMTP server (url) is given", fn);
    int rc = skpi__url_parse(&s->where, o->url, "the SMTP server");
    if (rc != SKPI_OK) return rc;
    bool smtps = strcmp(s->where.scheme, "smtps") == 0;
    if (!smtps && strcmp(s->where.scheme, "smtp") != 0)
        return skpi__error(SKPI_EINVAL, "%s: the SMTP server %s is not smtp:// (STARTTLS) or smtps:// "
                           "(TLS)", fn, s->where.shown);
    (void)smtps;
    if (o->password != NULL && o->user == NULL)
        return skpi__error(SKPI_EINVAL, "%s: a password is given without a user", fn);
    return SKPI_OK;
}

static int check_people(const skpi_mail_options *o)
{
    if (o->from == NULL) return skpi__error(SKPI_EINVAL, "%s: no sender (from) is given", fn);
    int rc = skpi__address_check(o->from, "the sender (from)");
    if (rc != SKPI_OK) return rc;
    if (o->from_name != NULL && (has_control(o->from_name) || strlen(o->from_name) > 200))
        return skpi__error(SKPI_EINVAL, "%s: the sender's name has a control character or more than "
                           "200 bytes", fn);
    if (o->to_count + o->cc_count == 0)
        return skpi__error(SKPI_EINVAL, "%s: no recipient (to or cc) is given", fn);
    if ((o->to == NULL && o->to_count) || (o->cc == NULL && o->cc_count))
        return skpi__error(SKPI_EMISUSE, "%s: to or cc is NULL with a count", fn);
    if (o->to_count + o->cc_count > 500)
        return skpi__error(SKPI_EINVAL, "%s: more than 500 recipients", fn);
    for (size_t i = 0; i < o->to_count + o->cc_count; i++) {
        const char *a = i < o->to_count ? o->to[i] : o->cc[i - o->to_count];
        char what[48];
        snprintf(what, sizeof what, "recipient %s[%zu]", i < o->to_count ? "to" : "cc",
                 i < o->to_count ? i : i - o->to_count);
        if (a == NULL) return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", fn, what);
        rc = skpi__address_check(a, what);
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}

static int check_attachments(const skpi_mail_options *o)
{
    if (o->attachments == NULL && o->attachment_count)
        return skpi__error(SKPI_EMISUSE, "%s: attachments is NULL with a count", fn);
    for (size_t i = 0; i < o->attachment_count; i++) {
        const skpi_mail_attachment *a = &o->attachments[i];
        if (a->version != SKPI_MAIL_ATTACHMENT_VERSION)
            return skpi__error(SKPI_EVERSION, "%s: attachment %zu has version %u (this library knows "
                               "%d)", fn, i, a->version, SKPI_MAIL_ATTACHMENT_VERSION);
        if (a->filename == NULL || (a->data == NULL && a->size))
            return skpi__error(SKPI_EMISUSE, "%s: attachment %zu has no filename or no data", fn, i);
        size_t n = strlen(a->filename);
        bool ok = n > 0 && n <= 200;
        for (size_t k = 0; ok && k < n; k++) {
            unsigned char c = (unsigned char)a->filename[k];
            ok = c >= 0x20 && c < 0x7F && c != '/' && c != '\\' && c != '"';
        }
        if (!ok)
            return skpi__error(SKPI_EINVAL, "%s: attachment %zu: a file name has 1 to 200 printable "
                               "ASCII characters without '/', '\\' or '\"'", fn, i);
        const char *t = a->content_type;
        if (t != NULL && (strchr(t, '/') == NULL || has_control(t) || strpbrk(t, "\"\\") || strlen(t) > 100))
            return skpi__error(SKPI_EINVAL, "%s: attachment %zu: \"%.40s\" is not a content type "
                               "(type/subtype)", fn, i, t);
    }
    return SKPI_OK;
}

/* The subject template filled; every placeholder must have a value. */
static int fill_subject(char **out, const skpi_mail_options *o)
{
    const char *tpl = o->subject ? o->subject : "{title}";
    if (o->subject_fields == NULL && o->subject_field_count)
        return skpi__error(SKPI_EMISUSE, "%s: subject_fields is NULL with a count", fn);
    if (o->subject_field_count > 16)
        return skpi__error(SKPI_EINVAL, "%s: more than 16 subject fields", fn);
    skpi__arg args[16];
    for (size_t i = 0; i < o->subject_field_count; i++) {
        args[i].name = o->subject_fields[2 * i];
        args[i].value = o->subject_fields[2 * i + 1];
        if (args[i].name == NULL || args[i].value == NULL)
            return skpi__error(SKPI_EMISUSE, "%s: subject field %zu has a NULL name or value", fn, i);
    }
    for (const char *p = tpl; (p = strchr(p, '{')) != NULL;) {
        if (p[1] == '{') { p += 2; continue; }
        size_t n = strcspn(p + 1, "}");
        bool known = false;
        for (size_t i = 0; i < o->subject_field_count && !known; i++)
            known = strlen(args[i].name) == n && strncmp(args[i].name, p + 1, n) == 0;
        if (!known)
            return skpi__error(SKPI_EINVAL, "%s: the subject's placeholder {%.*s} has no value", fn,
                               (int)(n > 40 ? 40 : n), p + 1);
        p += n + 1;
    }
    skpi__text t = { 0 };
    int rc = skpi__text_fill(&t, tpl, args, o->subject_field_count);
    if (rc == SKPI_OK && (has_control(t.buf) || t.len == 0 || t.len > 900))
        rc = skpi__error(SKPI_EINVAL, "%s: the subject is empty, longer than 900 bytes or holds a line "
                         "break or control character", fn);
    if (rc != SKPI_OK) { skpi__text_free(&t); return rc; }
    *out = t.buf;
    return SKPI_OK;
}

static int copy_people(mail_sink *s, const skpi_mail_options *o)
{
    skpi__mail *m = &s->m;
    size_t n = o->to_count + o->cc_count;
    m->rcpt = skpi__calloc(n, sizeof *m->rcpt);
    if (m->rcpt == NULL) return skpi__nomem();
    m->nto = o->to_count;
    m->ncc = o->cc_count;
    for (size_t i = 0; i < n; i++)
        if (!copy(&m->rcpt[i], i < o->to_count ? o->to[i] : o->cc[i - o->to_count])) return skpi__nomem();
    return SKPI_OK;
}

static int copy_attachments(mail_sink *s, const skpi_mail_options *o)
{
    skpi__mail *m = &s->m;
    if (o->attachment_count == 0) return SKPI_OK;
    m->att = skpi__calloc(o->attachment_count, sizeof *m->att);
    if (m->att == NULL) return skpi__nomem();
    m->natt = o->attachment_count;
    for (size_t i = 0; i < m->natt; i++) {
        const skpi_mail_attachment *a = &o->attachments[i];
        skpi__part *p = &m->att[i];
        if (!copy(&p->filename, a->filename) ||
            !copy(&p->content_type, a->content_type ? a->content_type : "application/octet-stream"))
            return skpi__nomem();
        p->data = skpi__malloc(a->size ? a->size : 1);
        if (p->data == NULL) return skpi__nomem();
        if (a->size) memcpy(p->data, a->data, a->size);
        p->size = a->size;
    }
    return SKPI_OK;
}

static int copy_options(mail_sink *s, const skpi_mail_options *o)
{
    skpi__mail *m = &s->m;
    const char *type = o->body_type ? o->body_type : "text/html";
    if (strcmp(type, "text/html") != 0 && strcmp(type, "text/plain") != 0)
        return skpi__error(SKPI_EINVAL, "%s: the body type is \"%.40s\", not text/html or text/plain",
                           fn, type);
    int rc = fill_subject(&m->subject, o);
    if (rc != SKPI_OK) return rc;
    if (!copy(&m->from, o->from) || !copy(&m->from_name, o->from_name) || !copy(&m->body_type, type) ||
        !copy(&m->text, o->text) || !copy(&s->url, o->url) || !copy(&s->user, o->user) ||
        !copy(&s->password, o->password) || !copy(&s->netrc_file, o->netrc_file))
        return skpi__nomem();
    m->date = o->date;
    s->netrc = o->netrc;
    rc = copy_people(s, o);
    return rc == SKPI_OK ? copy_attachments(s, o) : rc;
}

static int mail_write(void *ud, const void *bytes, size_t len)
{
    mail_sink *s = ud;
    int rc = skpi__text_put(&s->body, bytes, len);
    if (rc != SKPI_OK) skpi_error_set("e-mail sink: out of memory gathering the message");
    return rc;
}

static struct curl_slist *recipients(const skpi__mail *m, bool *failed)
{
    struct curl_slist *list = NULL;
    for (size_t i = 0; i < m->nto + m->ncc; i++) {
        struct curl_slist *next = curl_slist_append(list, m->rcpt[i]);
        if (next == NULL) { *failed = true; break; }
        list = next;
    }
    return list;
}

static int send_mail(mail_sink *s, const char *msg, size_t len)
{
    CURL *c = curl_easy_init();
    if (c == NULL) { skpi_error_set("e-mail sink: libcurl could not start a transfer"); return SKPI_ENOMEM; }
    bool failed = false;
    struct curl_slist *rcpt = recipients(&s->m, &failed);
    if (failed) {
        curl_slist_free_all(rcpt);
        curl_easy_cleanup(c);
        skpi_error_set("e-mail sink: out of memory listing the recipients");
        return SKPI_ENOMEM;
    }
    char what[320];
    snprintf(what, sizeof what, "e-mail via %s", s->where.shown);
    skpi__transfer t;
    memset(&t, 0, sizeof t);
    t.curl = c;
    t.what = what;
    t.retry = s->retry;
    t.secrets[0] = s->password;
    t.secrets[1] = s->where.password;
    t.upload = msg;
    t.upload_size = len;
    curl_easy_setopt(c, CURLOPT_URL, s->url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, s->m.from);
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
    /* TLS is required off this machine: STARTTLS for smtp://, implicit for smtps:// */
    curl_easy_setopt(c, CURLOPT_USE_SSL, s->where.loopback ? (long)CURLUSESSL_TRY : (long)CURLUSESSL_ALL);
    if (s->user) {
        curl_easy_setopt(c, CURLOPT_USERNAME, s->user);
        curl_easy_setopt(c, CURLOPT_PASSWORD, s->password ? s->password : "");
    } else if (s->netrc) {
        curl_easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
        if (s->netrc_file) curl_easy_setopt(c, CURLOPT_NETRC_FILE, s->netrc_file);
    }
    int rc = skpi__transfer_run(&t);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(c);
    return rc;
}

int skpi__mail_close(void *ud)
{
    mail_sink *s = ud;
    skpi__text msg = { 0 };
    int rc = skpi__mime_build(&msg, &s->m, s->body.buf ? s->body.buf : "", s->body.len);
    if (rc != SKPI_OK) skpi_error_set("e-mail sink: out of memory building the message");
    else rc = send_mail(s, msg.buf, msg.len);
    skpi__text_free(&msg);
    mail_free(s);
    return rc;
}

int skpi_sink_mail(skpi_sink *out, const skpi_mail_options *o)
{
    if (out == NULL || o == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", fn, out ? "options" : "out");
    if (o->version != SKPI_MAIL_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "%s: options version %u is unknown (this library knows %d)",
                           fn, o->version, SKPI_MAIL_OPTIONS_VERSION);
    int rc = skpi__curl_init();
    if (rc != SKPI_OK) return rc;
    mail_sink *s = skpi__calloc(1, sizeof *s);
    if (s == NULL) return skpi__nomem();
    rc = skpi__retry_check(&s->retry, o->timeout_ms, o->retries, o->backoff_ms, fn);
    if (rc == SKPI_OK) rc = check_server(s, o);
    if (rc == SKPI_OK) rc = check_people(o);
    if (rc == SKPI_OK) rc = check_attachments(o);
    if (rc == SKPI_OK) rc = copy_options(s, o);
    if (rc != SKPI_OK) {
        mail_free(s);
        return rc;
    }
    skpi__deliver_sink(out, mail_write, skpi__mail_close, s);
    return SKPI_OK;
}

void skpi__mail_discard(void *ud) { mail_free(ud); }
