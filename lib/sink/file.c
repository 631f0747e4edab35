/* Built-in sinks over stdio: a file the sink opens itself, and a host's FILE *. */
#define _POSIX_C_SOURCE 200809L
#include "sink_internal.h"

#include <errno.h>
#include <string.h>

/* The file sink owns its stream and remembers the path for messages. */
typedef struct file_sink {
    FILE *fp;
    char path[];
} file_sink;

static int io_error(const char *what, const char *path, int err)
{
    char reason[128];
    if (strerror_r(err, reason, sizeof reason) != 0) reason[0] = '\0';
    if (path != NULL)
        return skpi__error(SKPI_EIO, "%s \"%s\": %s", what, path, reason[0] ? reason : "unknown error");
    return skpi__error(SKPI_EIO, "%s: %s", what, reason[0] ? reason : "unknown error");
}

static int put(FILE *fp, const void *bytes, size_t len, const char *path)
{
    errno = 0;
    if (fwrite(bytes, 1, len, fp) != len)
        return io_error("writing", path, errno ? errno : EIO);
    return 0;
}

int skpi__sink_file_write(void *userdata, const void *bytes, size_t len)
{
    file_sink *fs = userdata;
    return put(fs->fp, bytes, len, fs->path);
}

int skpi__sink_file_close(void *userdata)
{
    file_sink *fs = userdata;
    errno = 0;
    int failed = ferror(fs->fp);
    int err = errno;
    if (fclose(fs->fp) != 0 && !failed) { failed = 1; err = errno; }
    int rc = failed ? io_error("closing", fs->path, err ? err : EIO) : 0;
    skpi__free(fs);
    return rc;
}

int skpi__sink_stdio_write(void *userdata, const void *bytes, size_t len)
{
    return put(userdata, bytes, len, NULL);
}

int skpi__sink_stdio_close(void *userdata)
{
    errno = 0;
    if (fflush(userdata) != 0) return io_error("flushing the stream", NULL, errno ? errno : EIO);
    return 0;
}

int skpi_sink_file(skpi_sink *out, const char *path)
{
    if (out == NULL || path == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_sink_file: %s is NULL", out == NULL ? "out" : "path");
    if (path[0] == '\0')
        return skpi__error(SKPI_EINVAL, "skpi_sink_file: path is empty");
    size_t n = strlen(path);
    file_sink *fs = skpi__malloc(sizeof *fs + n + 1);
    if (fs == NULL) return skpi__nomem();
    memcpy(fs->path, path, n + 1);
    errno = 0;
    fs->fp = fopen(path, "wb");
    if (fs->fp == NULL) {
        int err = errno ? errno : EIO;
        skpi__free(fs);
        return io_error("skpi_sink_file: cannot open", path, err);
    }
    skpi_sink s = SKPI_SINK_INIT;
    s.write = skpi__sink_file_write;
    s.close = skpi__sink_file_close;
    s.userdata = fs;
    *out = s;
    return SKPI_OK;
}

int skpi_sink_stdio(skpi_sink *out, FILE *fp)
{
    if (out == NULL || fp == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_sink_stdio: %s is NULL", out == NULL ? "out" : "fp");
    skpi_sink s = SKPI_SINK_INIT;
    s.write = skpi__sink_stdio_write;
    s.close = skpi__sink_stdio_close;
    s.userdata = fp;
    *out = s;
    return SKPI_OK;
}
