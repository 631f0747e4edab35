/* URLs (parsed by libcurl's URL API) as they may be shown, loopback
 * hosts, and e-mail addresses. */
#include "deliver/deliver_internal.h"

#include <stdio.h>
#include <string.h>

void skpi__url_free(skpi__url *u)
{
    skpi__free(u->secret);
    skpi__free(u->password);
    u->secret = u->password = NULL;
}

/* localhost, 127.0.0.0/8 and ::1: a server there is this machine. */
static bool is_loopback(const char *host)
{
    if (strcmp(host, "localhost") == 0 || strcmp(host, "[::1]") == 0) return true;
    unsigned a, b, c, d;
    char end;
    return sscanf(host, "%u.%u.%u.%u%c", &a, &b, &c, &d, &end) == 4 && a == 127 && b < 256 &&
           c < 256 && d < 256;
}

/* A copy of one part of the URL in *out, NULL when the URL has none. */
static int dup_part(char **out, CURLU *h, CURLUPart which)
{
    char *s = NULL;
    *out = NULL;
    if (curl_url_get(h, which, &s, 0) != CURLUE_OK) return SKPI_OK;
    *out = skpi__strdup(s);
    curl_free(s);
    return *out ? SKPI_OK : skpi__nomem();
}

/* The path (beyond "/") and query, joined: the part kept secret. */
static int secret_of(skpi__url *u, CURLU *h)
{
    char *path = NULL, *query = NULL;
    int rc = dup_part(&path, h, CURLUPART_PATH);
    if (rc == SKPI_OK) rc = dup_part(&query, h, CURLUPART_QUERY);
    bool has_path = path && path[0] != '\0' && strcmp(path, "/") != 0;
    if (rc == SKPI_OK && (has_path || query)) {
        size_t n = (path ? strlen(path) : 0) + (query ? strlen(query) : 0) + 2;
        u->secret = skpi__malloc(n);
        if (u->secret == NULL) rc = skpi__nomem();
        else snprintf(u->secret, n, "%s%s%s", has_path ? path + 1 : "", query ? "?" : "",
                      query ? query : "");
    }
    skpi__free(path);
    skpi__free(query);
    return rc;
}

int skpi__url_parse(skpi__url *u, const char *url, const char *what)
{
    memset(u, 0, sizeof *u);
    if (strlen(url) > 2048) return skpi__error(SKPI_EINVAL, "%s: the URL is longer than 2048 bytes", what);
    for (const char *p = url; *p; p++)
        if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7F)
            return skpi__error(SKPI_EINVAL, "%s: the URL holds a space, control character or non-ASCII "
                               "byte (percent-encode it)", what);
    CURLU *h = curl_url();
    if (h == NULL) return skpi__nomem();
    int rc = SKPI_OK;
    if (curl_url_set(h, CURLUPART_URL, url, 0) != CURLUE_OK) {
        rc = skpi__error(SKPI_EINVAL, "%s: \"%.60s\" is not a URL (scheme://host[:port]/...)", what,
                         strchr(url, '@') ? "(hidden: it holds a login)" : url);
        curl_url_cleanup(h);
        return rc;
    }
    char *scheme = NULL, *host = NULL, *port = NULL;
    curl_url_get(h, CURLUPART_SCHEME, &scheme, 0);
    curl_url_get(h, CURLUPART_HOST, &host, 0);
    curl_url_get(h, CURLUPART_PORT, &port, 0);
    if (scheme == NULL || host == NULL || host[0] == '\0') {
        rc = skpi__error(SKPI_EINVAL, "%s: the URL names no host", what);
    } else {
        snprintf(u->scheme, sizeof u->scheme, "%s", scheme);
        u->loopback = is_loopback(host);
        rc = secret_of(u, h);
        if (rc == SKPI_OK) rc = dup_part(&u->password, h, CURLUPART_PASSWORD);
        snprintf(u->shown, sizeof u->shown, "%s://%s%s%s%s", scheme, host, port ? ":" : "",
                 port ? port : "", u->secret ? "/\xE2\x80\xA6" : "");
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    curl_url_cleanup(h);
    if (rc != SKPI_OK) skpi__url_free(u);
    return rc;
}

int skpi_deliver_redact_url(char **out, const char *url)
{
    if (out == NULL || url == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_deliver_redact_url: %s is NULL", out ? "url" : "out");
    int rc = skpi__curl_init();
    skpi__url u;
    if (rc == SKPI_OK) rc = skpi__url_parse(&u, url, "skpi_deliver_redact_url");
    if (rc != SKPI_OK) return rc;
    char *s = skpi__strdup(u.shown);
    skpi__url_free(&u);
    if (s == NULL) return skpi__nomem();
    *out = s;
    return SKPI_OK;
}

static bool atext(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != '\0' && strchr("!#$%&'*+/=?^_`{|}~-", c) != NULL);
}

static bool domain_ok(const char *d)
{
    size_t label = 0, labels = 0;
    for (const char *p = d;; p++) {
        if (*p == '.' || *p == '\0') {
            if (label == 0 || label > 63 || p[-1] == '-') return false;
            labels++;
            label = 0;
            if (*p == '\0') break;
            continue;
        }
        bool ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                  (*p == '-' && label > 0);
        if (!ok) return false;
        label++;
    }
    return labels >= 1;
}

int skpi__address_check(const char *addr, const char *what)
{
    const char *at = strrchr(addr, '@');
    size_t n = strlen(addr);
    bool ok = at != NULL && at != addr && n <= 254 && (size_t)(at - addr) <= 64 && addr[0] != '.' &&
              at[-1] != '.' && domain_ok(at + 1);
    for (const char *p = addr; ok && p < at; p++)
        ok = atext(*p) || (*p == '.' && p[1] != '.');
    if (!ok)
        return skpi__error(SKPI_EINVAL, "%s: \"%.80s\" is not an e-mail address (name@example.com, "
                           "ASCII only)", what, addr);
    return SKPI_OK;
}
