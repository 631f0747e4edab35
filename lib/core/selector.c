/* The grammar of channel keys, group names and selectors (core/selector.h). */
#include "core/internal.h"
#include "core/selector.h"

#include <stdio.h>
#include <string.h>

int skpi__channel_check(const char *key, size_t *net_len, const char *what)
{
    size_t n = strlen(key);
    if (n == 0) return skpi__error(SKPI_EINVAL, "%s: empty channel key", what);
    if (n > SKPI__CHANNEL_MAX)
        return skpi__error(SKPI_EINVAL, "%s: channel key longer than %d bytes", what,
                           SKPI__CHANNEL_MAX);
    const char *colon = strchr(key, ':');
    if (!colon)
        return skpi__error(SKPI_EINVAL, "%s: channel '%s' has no ':'; channels are "
                           "network:account, e.g. instagram:@acme", what, key);
    size_t net = (size_t)(colon - key);
    if (net == 0) return skpi__error(SKPI_EINVAL, "%s: channel '%s' has an empty network", what, key);
    for (size_t i = 0; i < net; i++) {
        char c = key[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return skpi__error(SKPI_EINVAL, "%s: channel '%s': the network may only hold "
                               "lowercase letters, digits, '_' and '-' (byte %zu)",
                               what, key, i + 1);
    }
    const char *acct = colon + 1;
    if (*acct == '\0')
        return skpi__error(SKPI_EINVAL, "%s: channel '%s' has an empty account", what, key);
    if (strcmp(acct, "*") == 0)
        return skpi__error(SKPI_EINVAL, "%s: '%s' is a selector, not a channel", what, key);
    for (const char *p = acct; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            return skpi__error(SKPI_EINVAL, "%s: channel '%s' has a control character at byte %zu",
                               what, key, (size_t)(p - key) + 1);
    if (net_len) *net_len = net;
    return SKPI_OK;
}

int skpi__group_name_check(const char *name)
{
    size_t n = strlen(name);
    if (n == 0) return skpi__error(SKPI_EINVAL, "group name is empty");
    if (n > SKPI__GROUP_NAME_MAX)
        return skpi__error(SKPI_EINVAL, "group name longer than %d bytes", SKPI__GROUP_NAME_MAX);
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
              || c == '_' || c == '.' || c == '-'))
            return skpi__error(SKPI_EINVAL, "group name '%s': only ASCII letters, digits, '_', "
                               "'.' and '-' are allowed (byte %zu)", name, i + 1);
    }
    return SKPI_OK;
}

int skpi__selector_form(int *kind, const char *text)
{
    size_t n = strlen(text);
    if (n == 0)
        return skpi__error(SKPI_EINVAL, "empty selector; use '*', 'network:*', "
                           "'network:account' or '@group'");
    if (n > SKPI__CHANNEL_MAX)
        return skpi__error(SKPI_EINVAL, "selector longer than %d bytes", SKPI__CHANNEL_MAX);
    if (strcmp(text, "*") == 0) {
        *kind = SKPI__SEL_ALL;
        return SKPI_OK;
    }
    if (text[0] == '@') {
        int rc = skpi__group_name_check(text + 1);
        if (rc != SKPI_OK) {
            char msg[256];
            snprintf(msg, sizeof msg, "%s", skpi_last_error());
            return skpi__error(SKPI_EINVAL, "selector '%s': %s", text, msg);
        }
        *kind = SKPI__SEL_GROUP;
        return SKPI_OK;
    }
    if (n >= 3 && text[n - 2] == ':' && text[n - 1] == '*') {
        for (size_t i = 0; i < n - 2; i++) {
            char c = text[i];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
                return skpi__error(SKPI_EINVAL, "selector '%s': the network may only hold "
                                   "lowercase letters, digits, '_' and '-' (byte %zu)", text, i + 1);
        }
        *kind = SKPI__SEL_NETWORK;
        return SKPI_OK;
    }
    int rc = skpi__channel_check(text, NULL, "selector");
    if (rc == SKPI_OK) *kind = SKPI__SEL_EXACT;
    return rc;
}

int skpi__selector_check(const char *text, const char *what)
{
    int kind;
    int rc = skpi__selector_form(&kind, text);
    if (rc == SKPI_OK) return rc;
    char msg[320];
    snprintf(msg, sizeof msg, "%s", skpi_last_error());
    return skpi__error(rc, "%s: %s", what, msg);
}

void skpi__selector_network(char *buf, size_t size, const char *selector)
{
    if (size == 0) return;
    buf[0] = '\0';
    const char *colon = selector ? strchr(selector, ':') : NULL;
    if (colon == NULL || selector[0] == '@' || (size_t)(colon - selector) >= size) return;
    memcpy(buf, selector, (size_t)(colon - selector));
    buf[colon - selector] = '\0';
}

int skpi__competitor_name_check(const char *name)
{
    size_t n = strlen(name);
    if (n == 0) return skpi__error(SKPI_EINVAL, "competitor name: empty");
    if (n > SKPI__COMPETITOR_NAME_MAX)
        return skpi__error(SKPI_EINVAL, "competitor name '%.32s...': longer than %d bytes", name,
                           SKPI__COMPETITOR_NAME_MAX);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
            return skpi__error(SKPI_EINVAL, "competitor name '%.32s': control character at byte %zu",
                               name, i);
    return SKPI_OK;
}
