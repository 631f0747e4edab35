/* The .xls (BIFF, OLE2 compound file) reader, through libfreexl: sheets in
 * workbook order, each row's cells as text (freexl writes date cells as
 * YYYY-MM-DD[ HH:MM:SS] itself, in the workbook's date system). libfreexl
 * opens only files, so bytes in memory go through a temporary file. */
#define _POSIX_C_SOURCE 200809L
#include "import/workbook.h"

#include <freexl.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Cells a sheet may claim: freexl allocates its whole grid up front, so a
 * hostile dimension record must be refused before the cells are loaded. */
#define XLS_MAX_CELLS ((uint64_t)1 << 24)

static int freexl_fail(const char *name, int code)
{
    const char *why = "it is damaged or not a BIFF workbook";
    if (code == FREEXL_INSUFFICIENT_MEMORY)
        return skpi__nomem();
    if (code == FREEXL_BIFF_WORKBOOK_NOT_FOUND)
        why = "it holds no workbook stream (a Word or other Office file?)";
    else if (code == FREEXL_UNSUPPORTED_CHARSET || code == FREEXL_INVALID_CHARACTER)
        why = "its text is in an encoding that cannot be read";
    return skpi__error(SKPI_EPARSE, "%s: the file starts like an .xls workbook (an OLE2 compound "
                       "file) but cannot be read: %s (libfreexl error %d)", name, why, code);
}

/* Refuse grids larger than XLS_MAX_CELLS, reading only the metadata. */
static int check_sizes(const char *path, const char *name)
{
    const void *h = NULL;
    int rc = freexl_open_info(path, &h);
    if (rc != FREEXL_OK) {
        freexl_close(h);
        return freexl_fail(name, rc);
    }
    unsigned int count = 0;
    rc = freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &count);
    int out = SKPI_OK;
    if (rc == FREEXL_OK && count > SKPI__BOOK_MAX_SHEETS)
        out = skpi__error(SKPI_EPARSE, "%s: the workbook has more than %zu sheets", name,
                          SKPI__BOOK_MAX_SHEETS);
    for (unsigned int i = 0; out == SKPI_OK && rc == FREEXL_OK && i < count; i++) {
        unsigned int rows = 0;
        unsigned short cols = 0;
        if (freexl_select_active_worksheet(h, (unsigned short)i) != FREEXL_OK ||
            freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK)
            continue;
        if ((uint64_t)rows * cols > XLS_MAX_CELLS)
            out = skpi__error(SKPI_EPARSE, "%s: sheet %u claims %u rows of %u columns, more "
                              "than an analytics export holds", name, i + 1, rows,
                              (unsigned)cols);
    }
    freexl_close(h);
    return out;
}

static int read_sheet(const void *h, const char *name, const char *sheet,
                      const skpi__book_fns *fns, void *ctx)
{
    unsigned int rows = 0;
    unsigned short cols = 0;
    int frc = freexl_worksheet_dimensions(h, &rows, &cols);
    if (frc != FREEXL_OK)
        return freexl_fail(name, frc);
    char where[200];
    skpi__book_row row;
    skpi__book_row_init(&row);
    int rc = SKPI_OK;
    for (unsigned int r = 0; rc == SKPI_OK && r < rows; r++) {
        snprintf(where, sizeof where, "%s: sheet \"%.60s\", row %u", name, sheet, r + 1);
        skpi__book_row_clear(&row);
        for (unsigned short c = 0; rc == SKPI_OK && c < cols; c++) {
            FreeXL_CellValue v;
            if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK)
                continue;
            switch (v.type) {
            case FREEXL_CELL_INT:
                rc = skpi__book_row_number(&row, c, (double)v.value.int_value, false, false, where);
                break;
            case FREEXL_CELL_DOUBLE:
                rc = skpi__book_row_number(&row, c, v.value.double_value, false, false, where);
                break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
            case FREEXL_CELL_TIME:
                if (v.value.text_value != NULL)
                    rc = skpi__book_row_set(&row, c, v.value.text_value,
                                            strlen(v.value.text_value), where);
                break;
            default:
                break;
            }
        }
        if (rc == SKPI_OK)
            rc = skpi__book_row_emit(&row, (uint64_t)r + 1, fns, ctx);
    }
    skpi__book_row_free(&row);
    return rc == SKPI__SHEET_STOP ? SKPI_OK : rc;
}

static int read_path(const char *path, const char *name, const skpi__book_fns *fns, void *ctx)
{
    int rc = check_sizes(path, name);
    if (rc != SKPI_OK)
        return rc;
    const void *h = NULL;
    int frc = freexl_open(path, &h);
    if (frc != FREEXL_OK) {
        freexl_close(h);
        return freexl_fail(name, frc);
    }
    unsigned int count = 0;
    if ((frc = freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &count)) != FREEXL_OK)
        rc = freexl_fail(name, frc);
    else if (count == 0)
        rc = skpi__error(SKPI_EPARSE, "%s: the workbook lists no sheet", name);
    for (unsigned int i = 0; rc == SKPI_OK && i < count; i++) {
        const char *sheet = NULL;
        if ((frc = freexl_get_worksheet_name(h, (unsigned short)i, &sheet)) != FREEXL_OK ||
            (frc = freexl_select_active_worksheet(h, (unsigned short)i)) != FREEXL_OK) {
            rc = freexl_fail(name, frc);
            break;
        }
        char label[128];
        snprintf(label, sizeof label, "%s", sheet ? sheet : "");
        if ((rc = fns->sheet_begin(ctx, label)) != SKPI_OK)
            break;
        if ((rc = read_sheet(h, name, label, fns, ctx)) != SKPI_OK)
            break;
        rc = fns->sheet_end(ctx);
    }
    freexl_close(h);
    return rc;
}

int skpi__xls_read(const char *path, const void *data, size_t size, const char *name,
                   const skpi__book_fns *fns, void *ctx)
{
    if (path != NULL)
        return read_path(path, name, fns, ctx);
    const char *dir = getenv("TMPDIR");
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s/skpi-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(tmp);
    if (fd < 0)
        return skpi__error(SKPI_EIO, "%s: no temporary file for reading the .xls workbook (%s)",
                           name, strerror(errno));
    const unsigned char *p = data;
    size_t left = size;
    int rc = SKPI_OK;
    while (left > 0) {
        ssize_t n = write(fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            rc = skpi__error(SKPI_EIO, "%s: writing the temporary copy of the .xls workbook "
                             "failed (%s)", name, strerror(errno));
            break;
        }
        p += n;
        left -= (size_t)n;
    }
    if (close(fd) != 0 && rc == SKPI_OK)
        rc = skpi__error(SKPI_EIO, "%s: writing the temporary copy of the .xls workbook failed",
                         name);
    if (rc == SKPI_OK)
        rc = read_path(tmp, name, fns, ctx);
    unlink(tmp);
    return rc;
}
