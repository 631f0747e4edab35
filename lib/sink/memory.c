/* The growable memory buffer and the sink that appends to it. */
#include "sink_internal.h"

#include <string.h>

int skpi_buffer_init(skpi_buffer *buf, unsigned version)
{
    if (buf == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_buffer_init: buf is NULL");
    if (version != SKPI_BUFFER_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_buffer_init: version %u is unknown (this library knows %d)",
                           version, SKPI_BUFFER_VERSION);
    memset(buf, 0, sizeof *buf);
    buf->version = version;
    return SKPI_OK;
}

static int check(const skpi_buffer *buf, const char *fn)
{
    if (buf == NULL) return skpi__error(SKPI_EMISUSE, "%s: buffer is NULL", fn);
    if (buf->version != SKPI_BUFFER_VERSION)
        return skpi__error(SKPI_EVERSION, "%s: buffer version %u is unknown (this library knows %d)",
                           fn, buf->version, SKPI_BUFFER_VERSION);
    return SKPI_OK;
}

int skpi__sink_memory_write(void *userdata, const void *bytes, size_t len)
{
    skpi_buffer *buf = userdata;
    int rc = check(buf, "memory sink");
    if (rc != SKPI_OK) return rc;
    if (len > (size_t)-1 - 1 - buf->size)
        return skpi__error(SKPI_ERANGE, "memory sink: the output is larger than memory");
    size_t need = buf->size + len + 1; /* + NUL */
    if (buf->max_size != 0 && need - 1 > buf->max_size)
        return skpi__error(SKPI_ERANGE, "memory sink: the output passes max_size (%zu bytes)", buf->max_size);
    if (need > buf->capacity) {
        /* Doubling keeps appends amortised O(1); 256 bytes avoids tiny steps. */
        size_t cap = buf->capacity < 256 ? 256 : buf->capacity;
        while (cap < need) cap = cap > (size_t)-1 / 2 ? need : cap * 2;
        char *p = skpi__realloc(buf->data, cap);
        if (p == NULL) return skpi__nomem();
        buf->data = p;
        buf->capacity = cap;
    }
    memcpy(buf->data + buf->size, bytes, len);
    buf->size += len;
    buf->data[buf->size] = '\0';
    return 0;
}

int skpi_sink_memory(skpi_sink *out, skpi_buffer *buf)
{
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "skpi_sink_memory: out is NULL");
    int rc = check(buf, "skpi_sink_memory");
    if (rc != SKPI_OK) return rc;
    skpi_sink s = SKPI_SINK_INIT;
    s.write = skpi__sink_memory_write;
    s.userdata = buf;
    *out = s;
    return SKPI_OK;
}

int skpi_buffer_detach(char **out, size_t *size, skpi_buffer *buf)
{
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "skpi_buffer_detach: out is NULL");
    int rc = check(buf, "skpi_buffer_detach");
    if (rc != SKPI_OK) return rc;
    char *data = buf->data;
    if (data == NULL) {
        data = skpi__malloc(1);
        if (data == NULL) return skpi__nomem();
        data[0] = '\0';
    }
    *out = data;
    if (size != NULL) *size = buf->size;
    buf->data = NULL;
    buf->size = 0;
    buf->capacity = 0;
    return SKPI_OK;
}

void skpi_buffer_reset(skpi_buffer *buf)
{
    if (buf == NULL) return;
    skpi__free(buf->data);
    buf->data = NULL;
    buf->size = 0;
    buf->capacity = 0;
}
