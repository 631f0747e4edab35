/* Private: SHA-256 (FIPS 180-4) of a byte string, for report run hashes. */
#ifndef SKPI_STORE_SHA256_H
#define SKPI_STORE_SHA256_H

#include <stddef.h>

/* Write the digest of data[0..size) as 64 lowercase hex digits and a NUL. */
void skpi__sha256_hex(char out[65], const void *data, size_t size);

#endif
