/* The buffered writer between the renderers and the sink. */
#include "render/render_internal.h"

#include <string.h>

void skpi__out_fail(skpi__out *o, int code)
{
    if (o->err == SKPI_OK) o->err = code;
}

void skpi__out_flush(skpi__out *o)
{
    if (o->err != SKPI_OK || o->len == 0) { o->len = 0; return; }
    /* The host's callback runs under the host's locale, not the C locale
     * the renderers switched to. */
    skpi__locale_leave(o->host_locale);
    int rc = skpi_sink_write(o->sink, o->buf, o->len);
    skpi__locale_c();
    o->len = 0;
    if (rc != SKPI_OK) o->err = rc;
}

void skpi__out_write(skpi__out *o, const char *s, size_t n)
{
    if (o->err != SKPI_OK) return;
    while (n > 0) {
        size_t room = sizeof o->buf - o->len;
        if (room == 0) {
            skpi__out_flush(o);
            if (o->err != SKPI_OK) return;
            room = sizeof o->buf;
        }
        size_t k = n < room ? n : room;
        memcpy(o->buf + o->len, s, k);
        o->len += k;
        s += k;
        n -= k;
    }
}

void skpi__out_str(skpi__out *o, const char *s) { skpi__out_write(o, s, strlen(s)); }

void skpi__out_char(skpi__out *o, char c)
{
    if (o->len < sizeof o->buf) { o->buf[o->len++] = c; return; }
    skpi__out_write(o, &c, 1);
}
