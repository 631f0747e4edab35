/* Saving definitions: the document in memory, or in a file replaced in one
 * rename. */
#define _POSIX_C_SOURCE 200809L
#include "definitions/defs_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int skpi_definitions_save_buffer(char **out, size_t *size, const skpi_definitions *defs)
{
    if (out == NULL || defs == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_save_buffer: %s is NULL",
                           out == NULL ? "out" : "defs");
    skpi__writer w = { false, 0 };
    json_t *objectives = NULL;
    int rc = skpi__check_report_ids(defs);
    if (rc == SKPI_OK) rc = skpi__save_objectives(&objectives, &w, defs);
    if (rc != SKPI_OK) return rc;
    json_t *root = skpi__w_object(&w);
    skpi__w_set(&w, root, "version", json_integer(SKPI__DEFS_VERSION));
    skpi__w_set(&w, root, "metrics", skpi__save_metrics(&w, defs));
    skpi__w_set(&w, root, "goals", skpi__save_goals(&w, defs));
    skpi__w_set(&w, root, "objectives", objectives);
    skpi__w_set(&w, root, "reports", skpi__save_reports(&w, defs));
    if (defs->effort != NULL) skpi__w_set(&w, root, "team", skpi__save_team(&w, defs));
    if (defs->comp_count > 0) skpi__w_set(&w, root, "competitors", skpi__save_competitors(&w, defs));
    if (defs->benchmarks != NULL) skpi__w_set(&w, root, "benchmarks", skpi__save_benchmarks(&w, defs));
    if (defs->campaign_count) skpi__w_set(&w, root, "campaigns", skpi__save_campaigns(&w, defs));
    rc = skpi__w_dump(out, size, &w, root);
    json_decref(root);
    return rc;
}

static int io_error(const char *path, const char *doing, int err)
{
    char reason[128];
    if (strerror_r(err, reason, sizeof reason) != 0) snprintf(reason, sizeof reason, "error %d", err);
    return skpi__error(SKPI_EIO, "%s: cannot %s: %s", path, doing, reason);
}

static int write_all(const char *tmp, const char *text, size_t size)
{
    FILE *fp = fopen(tmp, "wb");
    if (fp == NULL) return io_error(tmp, "create it", errno);
    errno = 0;
    size_t n = fwrite(text, 1, size, fp);
    int err = errno;
    int flushed = fflush(fp);
    if (flushed != 0 && err == 0) err = errno;
    /* The data reaches the disk before the rename makes it the file. */
    int synced = flushed == 0 ? fsync(fileno(fp)) : -1;
    if (synced != 0 && err == 0) err = errno;
    int closed = fclose(fp);
    if (closed != 0 && err == 0) err = errno;
    if (n != size || flushed != 0 || synced != 0 || closed != 0) {
        remove(tmp);
        return io_error(tmp, "write it", err ? err : EIO);
    }
    return SKPI_OK;
}

int skpi_definitions_save_file(const skpi_definitions *defs, const char *path)
{
    if (defs == NULL || path == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_save_file: %s is NULL",
                           defs == NULL ? "defs" : "path");
    char *text = NULL;
    size_t size = 0;
    int rc = skpi_definitions_save_buffer(&text, &size, defs);
    if (rc != SKPI_OK) return rc;
    /* Next to the file, so that the rename stays inside one file system;
     * the process id keeps two processes from sharing it. */
    size_t len = strlen(path) + 32;
    char *tmp = skpi__malloc(len);
    if (tmp == NULL) {
        skpi__free(text);
        return skpi__nomem();
    }
    snprintf(tmp, len, "%s.%ld.tmp", path, (long)getpid());
    rc = write_all(tmp, text, size);
    skpi__free(text);
    if (rc == SKPI_OK && rename(tmp, path) != 0) {
        int err = errno;
        remove(tmp);
        rc = io_error(path, "replace it", err);
    }
    skpi__free(tmp);
    return rc;
}
