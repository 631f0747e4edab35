/* Private interface of the legacy Excel (.xls) reader: the OLE2 compound
 * file (xls_cfb.c) that holds the workbook stream, read by
 * xls_biff.c. */
#ifndef SKPI_IMPORT_XLS_CFB_H
#define SKPI_IMPORT_XLS_CFB_H

#include <stddef.h>

/* The workbook stream ("Workbook", else "Book") of the compound file in
 * data[0..size): *out (freed with skpi__free) and *len. SKPI_OK,
 * SKPI_EPARSE naming `name` and what is wrong with the file (sector chains
 * that loop or leave the file, a stream larger than the file, no
 * workbook stream), SKPI_ENOMEM. Memory is bounded by the file's size. */
int skpi__cfb_workbook(const unsigned char *data, size_t size, const char *name,
                       unsigned char **out, size_t *len);

#endif
