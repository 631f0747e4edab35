/* One delivery over libcurl, tried again after temporary failures, and
 * the one-line message that says what failed, with secrets hidden. */
#define _POSIX_C_SOURCE 200809L
#include "deliver/deliver_internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

int skpi__retry_check(skpi__retry *r, unsigned timeout_ms, unsigned retries, unsigned backoff_ms,
                      const char *fn)
{
    if (retries > 10)
        return skpi__error(SKPI_ERANGE, "%s: retries is %u; at most 10 retries are made", fn, retries);
    if (timeout_ms > 3600000u)
        return skpi__error(SKPI_ERANGE, "%s: timeout_ms is %u, more than an hour", fn, timeout_ms);
    r->timeout_ms = timeout_ms ? timeout_ms : 30000u;
    r->retries = retries;
    r->backoff_ms = backoff_ms ? (backoff_ms > 60000u ? 60000u : backoff_ms) : 1000u;
    return SKPI_OK;
}

/* A reply line as it may be shown: control characters as spaces, no
 * trailing white space, every secret replaced by ***. */
static void clean(char *line, const char *const *secrets, size_t nsecrets)
{
    for (char *p = line; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7F) *p = ' ';
    size_t n = strlen(line);
    while (n > 0 && line[n - 1] == ' ') line[--n] = '\0';
    for (size_t i = 0; i < nsecrets; i++) {
        const char *s = secrets[i];
        size_t k = s ? strlen(s) : 0;
        if (k < 3) continue; /* too short to hide without hiding everything */
        char *hit;
        while ((hit = strstr(line, s)) != NULL) {
            memmove(hit + 3, hit + k, strlen(hit + k) + 1);
            memcpy(hit, "***", 3);
        }
    }
}

static int on_debug(CURL *c, curl_infotype type, char *data, size_t size, void *ud)
{
    (void)c;
    skpi__transfer *t = ud;
    if (type != CURLINFO_HEADER_IN || size == 0) return 0;
    /* HTTP: keep the status line; SMTP: every reply line, the last wins */
    if (t->http && !(size > 5 && memcmp(data, "HTTP/", 5) == 0)) return 0;
    size_t n = size < sizeof t->reply - 1 ? size : sizeof t->reply - 1;
    memcpy(t->reply, data, n);
    t->reply[n] = '\0';
    return 0;
}

static size_t on_body(char *data, size_t size, size_t count, void *ud)
{
    skpi__transfer *t = ud;
    size_t n = size * count;
    size_t room = sizeof t->body - 1 - t->body_len;
    size_t k = n < room ? n : room;
    memcpy(t->body + t->body_len, data, k);
    t->body_len += k;
    t->body[t->body_len] = '\0';
    return n;
}

static size_t on_read(char *buf, size_t size, size_t count, void *ud)
{
    skpi__transfer *t = ud;
    size_t room = size * count, left = t->upload_size - t->upload_pos;
    size_t k = left < room ? left : room;
    memcpy(buf, t->upload + t->upload_pos, k);
    t->upload_pos += k;
    return k;
}

/* Failures a second attempt may get past. */
static bool transient(CURLcode rc)
{
    switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
        return true;
    default:
        return false;
    }
}

typedef enum { DONE, AGAIN, FAILED } outcome;

static outcome judge(skpi__transfer *t, CURLcode rc, long code)
{
    if (t->http) {
        if (rc == CURLE_OK) return code >= 200 && code < 300 ? DONE : code >= 500 ? AGAIN : FAILED;
        return transient(rc) ? AGAIN : FAILED;
    }
    if (rc == CURLE_OK) return DONE;
    /* SMTP: 4xx replies are temporary, 5xx permanent; no reply at all is
     * a connection problem */
    if (code >= 400 && code < 500) return AGAIN;
    if (code >= 500) return FAILED;
    return transient(rc) ? AGAIN : FAILED;
}

static void wait_ms(unsigned ms)
{
    struct timespec ts = { (time_t)(ms / 1000u), (long)(ms % 1000u) * 1000000L };
    while (nanosleep(&ts, &ts) != 0) {
    }
}

/* What to do about it, by failure. */
static const char *advice(const skpi__transfer *t, CURLcode rc, long code)
{
    if (rc == CURLE_LOGIN_DENIED) return "check the user and password";
    if (rc == CURLE_COULDNT_RESOLVE_HOST) return "check the host name";
    if (rc == CURLE_COULDNT_CONNECT) return "check the host and port, and that the server runs";
    if (rc == CURLE_OPERATION_TIMEDOUT) return "the server did not answer in time";
    if (rc == CURLE_USE_SSL_FAILED) return "the server offers no STARTTLS; use smtps:// or another server";
    if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CONNECT_ERROR)
        return "the server's TLS certificate or handshake failed";
    if (t->http && code >= 400 && code < 500) return "the server refused the request; check the URL and headers";
    if (!t->http && code >= 500) return "the server refused the message; check the addresses";
    return NULL;
}

static void report(skpi__transfer *t, CURLcode rc, long code, outcome last)
{
    char reply[256], body[256], msg[1400];
    snprintf(reply, sizeof reply, "%s", t->reply);
    clean(reply, t->secrets, sizeof t->secrets / sizeof t->secrets[0]);
    snprintf(body, sizeof body, "%.*s", (int)strcspn(t->body, "\r\n"), t->body);
    clean(body, t->secrets, sizeof t->secrets / sizeof t->secrets[0]);
    char what[800];
    if (t->http && rc == CURLE_OK)
        snprintf(what, sizeof what, "%s%s%s", reply[0] ? reply : "HTTP error", body[0] ? ": " : "", body);
    else if (!t->http && code > 0 && reply[0])
        snprintf(what, sizeof what, "%s (%s)", reply, curl_easy_strerror(rc));
    else
        snprintf(what, sizeof what, "%s", t->error[0] ? t->error : curl_easy_strerror(rc));
    clean(what, t->secrets, sizeof t->secrets / sizeof t->secrets[0]);
    const char *hint = advice(t, rc, code);
    char tries[64] = "";
    if (t->attempts > 1) snprintf(tries, sizeof tries, " after %u attempts", t->attempts);
    else if (last == FAILED && t->retry.retries > 0) snprintf(tries, sizeof tries, " (not retried)");
    snprintf(msg, sizeof msg, "%s failed%s: %s%s%s", t->what, tries, what, hint ? "; " : "", hint ? hint : "");
    skpi_error_set(msg);
}

int skpi__transfer_run(skpi__transfer *t)
{
    curl_easy_setopt(t->curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(t->curl, CURLOPT_TIMEOUT_MS, (long)t->retry.timeout_ms);
    curl_easy_setopt(t->curl, CURLOPT_ERRORBUFFER, t->error);
    curl_easy_setopt(t->curl, CURLOPT_VERBOSE, 1L);
    curl_easy_setopt(t->curl, CURLOPT_DEBUGFUNCTION, on_debug);
    curl_easy_setopt(t->curl, CURLOPT_DEBUGDATA, t);
    curl_easy_setopt(t->curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(t->curl, CURLOPT_WRITEDATA, t);
    if (!t->http) {
        curl_easy_setopt(t->curl, CURLOPT_READFUNCTION, on_read);
        curl_easy_setopt(t->curl, CURLOPT_READDATA, t);
        curl_easy_setopt(t->curl, CURLOPT_UPLOAD, 1L);
    }
    unsigned wait = t->retry.backoff_ms;
    for (t->attempts = 1;; t->attempts++) {
        t->upload_pos = 0;
        t->reply[0] = t->body[0] = t->error[0] = '\0';
        t->body_len = 0;
        CURLcode rc = curl_easy_perform(t->curl);
        long code = 0;
        curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &code);
        outcome o = judge(t, rc, code);
        if (o == DONE) return SKPI_OK;
        if (o == FAILED || t->attempts > t->retry.retries) {
            report(t, rc, code, o);
            return SKPI_EIO;
        }
        wait_ms(wait);
        wait = wait > 30000u ? 60000u : wait * 2u;
    }
}
