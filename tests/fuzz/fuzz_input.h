/* Reading a fuzz input in pieces: bytes, integers and lines. Every target
 * takes its arguments from the front of the input this way, so that the
 * seeds stay readable text where the parser reads text. */
#ifndef SKPI_FUZZ_INPUT_H
#define SKPI_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
    const uint8_t *p;
    size_t n;
} fuzz_input;

/* The next byte, 0 once the input is used up. */
static inline unsigned fuzz_byte(fuzz_input *in)
{
    if (in->n == 0) return 0;
    in->n--;
    return *in->p++;
}

/* The next 8 bytes as a little-endian int64 (missing bytes read as 0). */
static inline int64_t fuzz_i64(fuzz_input *in)
{
    uint64_t x = 0;
    for (int b = 0; b < 8; b++) x |= (uint64_t)fuzz_byte(in) << (8 * b);
    return (int64_t)x;
}

/* The text up to the next newline (or the end), NUL-terminated, to free();
 * NULL when out of memory. An embedded NUL ends the string early, which is
 * what a C caller would pass. */
static inline char *fuzz_line(fuzz_input *in)
{
    const uint8_t *nl = memchr(in->p, '\n', in->n);
    size_t len = nl != NULL ? (size_t)(nl - in->p) : in->n;
    char *s = malloc(len + 1);
    if (s != NULL) {
        memcpy(s, in->p, len);
        s[len] = '\0';
    }
    in->p += len;
    in->n -= len;
    if (nl != NULL) {
        in->p++;
        in->n--;
    }
    return s;
}

/* Stop the process in a way libFuzzer reports as a crash, with a reason. */
#define FUZZ_CHECK(cond)                                                          \
    do {                                                                          \
        if (!(cond)) {                                                            \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                              \
        }                                                                         \
    } while (0)

#endif
