/* Error codes, their names and the thread-local error message. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#define SKPI__MSG_SIZE 512

static _Thread_local char error_message[SKPI__MSG_SIZE];
/* Set when a callback stored its own message, so the library keeps it. */
static _Thread_local bool message_from_callback;

const char *skpi_strerror(int code)
{
    switch (code) {
    case SKPI_OK: return "success";
    case SKPI_EINVAL: return "invalid argument";
    case SKPI_ENOMEM: return "out of memory";
    case SKPI_EMISUSE: return "API misuse";
    case SKPI_ERANGE: return "value out of range";
    case SKPI_EPARSE: return "parse error";
    case SKPI_ENOTFOUND: return "not found";
    case SKPI_EEXISTS: return "already exists";
    case SKPI_ECALLBACK: return "stopped by a callback";
    case SKPI_EIO: return "input/output error";
    case SKPI_EUNSUPPORTED: return "not supported";
    case SKPI_EDUPLICATE: return "duplicate time";
    case SKPI_EVERSION: return "unknown version";
    default: return "unknown error";
    }
}

const char *skpi_last_error(void) { return error_message; }

size_t skpi_error_message_size(void) { return SKPI__MSG_SIZE; }

void skpi__utf8_trim_tail(char *s)
{
    size_t n = strlen(s);
    if (n == 0) return;
    size_t i = n;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) i--;
    if (i == 0) { s[0] = '\0'; return; }
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (n - (i - 1) < need) s[i - 1] = '\0';
}

void skpi_error_set(const char *message)
{
    if (message == NULL) {
        error_message[0] = '\0';
        message_from_callback = false;
        return;
    }
    size_t n = strlen(message);
    if (n >= SKPI__MSG_SIZE) {
        memcpy(error_message, message, SKPI__MSG_SIZE - 1);
        error_message[SKPI__MSG_SIZE - 1] = '\0';
        skpi__utf8_trim_tail(error_message);
    } else {
        memcpy(error_message, message, n + 1);
    }
    message_from_callback = true;
}

void skpi_error_clear(void)
{
    error_message[0] = '\0';
    message_from_callback = false;
}

int skpi__verror(int code, const char *fmt, va_list ap)
{
    /* Messages name numbers ("the target 1.5 equals the start"): they are
     * written with '.' whatever locale the host set. */
    void *host_locale = NULL;
    bool switched = skpi__locale_enter(&host_locale) == SKPI_OK;
    int n = vsnprintf(error_message, SKPI__MSG_SIZE, fmt, ap);
    if (switched) skpi__locale_leave(host_locale);
    if (n >= SKPI__MSG_SIZE) skpi__utf8_trim_tail(error_message);
    message_from_callback = false;
    return code;
}

int skpi__error(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    skpi__verror(code, fmt, ap);
    va_end(ap);
    return code;
}

int skpi__nomem(void)
{
    static const char msg[] = "out of memory";
    memcpy(error_message, msg, sizeof msg);
    message_from_callback = false;
    return SKPI_ENOMEM;
}

void skpi__callback_begin(void) { message_from_callback = false; }

int skpi__callback_failed(int rc, const char *what)
{
    if (!message_from_callback)
        skpi__error(SKPI_ECALLBACK, "%s callback returned %d", what, rc);
    message_from_callback = false;
    return SKPI_ECALLBACK;
}
