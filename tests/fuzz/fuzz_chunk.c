/* libFuzzer target for the store's chunk decoder, the one place where bytes
 * read back from a store file are trusted to describe points. An input is
 * t_first (8 bytes, little-endian), t_last (8 bytes), the point count (2
 * bytes, 1 to 512) and the chunk's bytes, i.e. a row of the chunk table. A
 * chunk that decodes must hold strictly increasing times from t_first to
 * t_last inside the accepted range, and encode again to the same points. */
#include "store/chunk.h"

#include "fuzz_input.h"

#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = { data, size };
    skpi_time t_first = fuzz_i64(&in), t_last = fuzz_i64(&in);
    unsigned hi = fuzz_byte(&in);
    size_t n = 1 + ((hi << 8 | fuzz_byte(&in)) % SKPI__CHUNK_MAX);
    skpi_time *t = malloc(n * sizeof *t), *t2 = malloc(n * sizeof *t2);
    double *v = malloc(n * sizeof *v), *v2 = malloc(n * sizeof *v2);
    unsigned char *buf = malloc(skpi__chunk_bound(n));
    if (t != NULL && t2 != NULL && v != NULL && v2 != NULL && buf != NULL &&
        skpi__chunk_decode(t, v, n, t_first, t_last, in.p, in.n) == 0) {
        FUZZ_CHECK(t[0] == t_first && t[n - 1] == t_last);
        FUZZ_CHECK(t_first >= SKPI_TIME_MIN && t_last < SKPI_TIME_END);
        for (size_t i = 1; i < n; i++) FUZZ_CHECK(t[i] > t[i - 1]);
        size_t len = skpi__chunk_encode(buf, t, v, n);
        FUZZ_CHECK(len <= skpi__chunk_bound(n));
        FUZZ_CHECK(skpi__chunk_decode(t2, v2, n, t_first, t_last, buf, len) == 0);
        FUZZ_CHECK(memcmp(t, t2, n * sizeof *t) == 0);
        FUZZ_CHECK(memcmp(v, v2, n * sizeof *v) == 0);
    }
    free(t);
    free(t2);
    free(v);
    free(v2);
    free(buf);
    return 0;
}
