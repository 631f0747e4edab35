/* One MIME message (RFC 5322, 2045-2047): headers, the body with its
 * plain-text alternative, the attachments; every part in base64, lines of
 * 76 characters, CRLF line ends. */
#define _DEFAULT_SOURCE
#include "deliver/deliver_internal.h"

#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

static void put(skpi__text *t, const char *s) { skpi__text_put(t, s, strlen(s)); }

static void base64(skpi__text *t, const unsigned char *p, size_t n, size_t line)
{
    static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char out[4];
    size_t col = 0;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16;
        if (i + 1 < n) v |= (unsigned)p[i + 1] << 8;
        if (i + 2 < n) v |= p[i + 2];
        out[0] = abc[(v >> 18) & 63];
        out[1] = abc[(v >> 12) & 63];
        out[2] = i + 1 < n ? abc[(v >> 6) & 63] : '=';
        out[3] = i + 2 < n ? abc[v & 63] : '=';
        skpi__text_put(t, out, 4);
        col += 4;
        if (line && col >= line && i + 3 < n) {
            put(t, "\r\n");
            col = 0;
        }
    }
}

static bool plain_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7E) return false;
    return true;
}

/* A header value as RFC 2047 encoded words of at most 75 characters, never
 * splitting a UTF-8 sequence, folded onto continuation lines. */
static void encoded_words(skpi__text *t, const char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        size_t k = n - i < 45 ? n - i : 45;
        /* back off to the start of a UTF-8 sequence */
        while (k > 1 && i + k < n && ((unsigned char)s[i + k] & 0xC0) == 0x80) k--;
        if (i > 0) put(t, "\r\n ");
        put(t, "=?UTF-8?B?");
        base64(t, (const unsigned char *)s + i, k, 0);
        put(t, "?=");
        i += k;
    }
}

static void header_text(skpi__text *t, const char *s)
{
    if (plain_ascii(s) && strstr(s, "=?") == NULL) put(t, s);
    else encoded_words(t, s);
}

static void date_header(skpi__text *t, skpi_time when)
{
    static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    time_t tt = (time_t)(when ? when : (skpi_time)time(NULL));
    struct tm tm;
    char buf[64];
    if (gmtime_r(&tt, &tm) == NULL) return;
    snprintf(buf, sizeof buf, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n", days[tm.tm_wday],
             tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    put(t, buf);
}

static void address_list(skpi__text *t, const char *name, char *const *a, size_t n)
{
    if (n == 0) return;
    put(t, name);
    for (size_t i = 0; i < n; i++) {
        if (i) put(t, ",\r\n ");
        put(t, a[i]);
    }
    put(t, "\r\n");
}

/* A display name: quoted when ASCII, else encoded words. */
static void from_header(skpi__text *t, const skpi__mail *m)
{
    put(t, "From: ");
    if (m->from_name) {
        if (plain_ascii(m->from_name) && strpbrk(m->from_name, "\"\\") == NULL &&
            strstr(m->from_name, "=?") == NULL) {
            put(t, "\"");
            put(t, m->from_name);
            put(t, "\"");
        } else {
            encoded_words(t, m->from_name);
        }
        put(t, " <");
        put(t, m->from);
        put(t, ">\r\n");
    } else {
        put(t, m->from);
        put(t, "\r\n");
    }
}

static void part(skpi__text *t, const char *boundary, const char *type, const char *filename,
                 const void *data, size_t size)
{
    put(t, "--");
    put(t, boundary);
    put(t, "\r\nContent-Type: ");
    put(t, type);
    if (filename) {
        put(t, "; name=\"");
        put(t, filename);
        put(t, "\"\r\nContent-Disposition: attachment; filename=\"");
        put(t, filename);
        put(t, "\"");
    }
    put(t, "\r\nContent-Transfer-Encoding: base64\r\n\r\n");
    base64(t, data, size, 76);
    put(t, "\r\n");
}

/* The body: the text alone, or text and HTML as alternatives. */
static void body_part(skpi__text *t, const skpi__mail *m, const char *alt, const char *body,
                      size_t len)
{
    char type[64];
    snprintf(type, sizeof type, "%s; charset=utf-8", m->body_type);
    if (m->text == NULL) {
        put(t, "Content-Type: ");
        put(t, type);
        put(t, "\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        base64(t, (const unsigned char *)body, len, 76);
        put(t, "\r\n");
        return;
    }
    put(t, "Content-Type: multipart/alternative; boundary=\"");
    put(t, alt);
    put(t, "\"\r\n\r\n");
    /* the plainer alternative first: readers show the last they can */
    part(t, alt, "text/plain; charset=utf-8", NULL, m->text, strlen(m->text));
    part(t, alt, type, NULL, body, len);
    put(t, "--");
    put(t, alt);
    put(t, "--\r\n");
}

int skpi__mime_build(skpi__text *t, const skpi__mail *m, const char *body, size_t len)
{
    unsigned char rnd[12];
    if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd) {
        /* no entropy source: time and process still make the id unique enough */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        unsigned long long v = (unsigned long long)ts.tv_nsec ^ ((unsigned long long)getpid() << 32);
        for (size_t i = 0; i < sizeof rnd; i++) rnd[i] = (unsigned char)(v >> (8 * (i % 8)));
    }
    char tag[25];
    for (size_t i = 0; i < sizeof rnd; i++) snprintf(tag + 2 * i, 3, "%02x", rnd[i]);
    char mixed[64], alt[64], id[400];
    snprintf(mixed, sizeof mixed, "=_skpi_mixed_%s", tag);
    snprintf(alt, sizeof alt, "=_skpi_alt_%s", tag);
    snprintf(id, sizeof id, "Message-ID: <%s.socialkpi@%s>\r\n", tag, strrchr(m->from, '@') + 1);

    date_header(t, m->date);
    from_header(t, m);
    address_list(t, "To: ", m->rcpt, m->nto);
    address_list(t, "Cc: ", m->rcpt + m->nto, m->ncc);
    put(t, "Subject: ");
    header_text(t, m->subject);
    put(t, "\r\n");
    put(t, id);
    put(t, "MIME-Version: 1.0\r\n");
    if (m->natt == 0) {
        body_part(t, m, alt, body, len);
        return t->err;
    }
    put(t, "Content-Type: multipart/mixed; boundary=\"");
    put(t, mixed);
    put(t, "\"\r\n\r\n--");
    put(t, mixed);
    put(t, "\r\n");
    body_part(t, m, alt, body, len);
    for (size_t i = 0; i < m->natt; i++)
        part(t, mixed, m->att[i].content_type, m->att[i].filename, m->att[i].data, m->att[i].size);
    put(t, "--");
    put(t, mixed);
    put(t, "--\r\n");
    return t->err;
}
