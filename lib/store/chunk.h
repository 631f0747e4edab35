/* Private: the packed encoding of a chunk of points (docs/store.md, "Chunks"). */
#ifndef SKPI_STORE_CHUNK_H
#define SKPI_STORE_CHUNK_H

#include "socialkpi/common.h"

#include <stddef.h>

/* Most points in one chunk: small enough that reading one month of hourly
 * data decodes little beyond it, large enough that the per-row overhead of
 * SQLite stays under a byte per point. */
#define SKPI__CHUNK_MAX 512

/* Encodings (the first byte of a chunk). Times are always stored as the
 * zigzag varint delta-of-delta after the first time (which is a column). */
#define SKPI__CHUNK_F64 1 /* values: 8 bytes each, IEEE 754 little-endian */
#define SKPI__CHUNK_INT 2 /* values: zigzag varint delta from the previous value (first from 0) */

/* An upper bound of the encoded size of n points. */
size_t skpi__chunk_bound(size_t n);

/* Encode n >= 1 points (times strictly increasing) into buf, which holds
 * skpi__chunk_bound(n) bytes; returns the encoded size. */
size_t skpi__chunk_encode(unsigned char *buf, const skpi_time *times, const double *values,
                          size_t n);

/* Decode a chunk of n points whose first and last times are t_first and
 * t_last. Returns 0, or -1 when the bytes do not describe such a chunk
 * (then the output arrays hold garbage). */
int skpi__chunk_decode(skpi_time *times, double *values, size_t n, skpi_time t_first,
                       skpi_time t_last, const unsigned char *buf, size_t len);

#endif
