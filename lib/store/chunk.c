/* The packed encoding of a chunk of points: delta-of-delta times, values as
 * integer deltas when they are all whole numbers, else raw doubles. */
#include "store/chunk.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Whole numbers up to 2^53 in magnitude are exact in a double, and the
 * difference of two of them fits an int64 with room to spare. */
#define INT_LIMIT 9007199254740992.0

size_t skpi__chunk_bound(size_t n)
{
    /* tag, then at most 10 varint bytes per time delta and 10 per value */
    return 1 + 20 * n;
}

static size_t put_varint(unsigned char *p, uint64_t x)
{
    size_t i = 0;
    while (x >= 0x80) {
        p[i++] = (unsigned char)(x | 0x80);
        x >>= 7;
    }
    p[i++] = (unsigned char)x;
    return i;
}

/* Returns the number of bytes read, 0 when the varint is truncated or longer
 * than 10 bytes. */
static size_t get_varint(uint64_t *out, const unsigned char *p, size_t avail)
{
    uint64_t x = 0;
    for (size_t i = 0; i < avail && i < 10; i++) {
        x |= (uint64_t)(p[i] & 0x7F) << (7 * i);
        if ((p[i] & 0x80) == 0) {
            *out = x;
            return i + 1;
        }
    }
    return 0;
}

static uint64_t zigzag(int64_t x) { return ((uint64_t)x << 1) ^ (uint64_t)(x >> 63); }
static int64_t unzigzag(uint64_t x) { return (int64_t)(x >> 1) ^ -(int64_t)(x & 1); }

static int whole(double v)
{
    /* NaN fails the comparisons; -0.0 must keep its sign, so it is not whole */
    return v >= -INT_LIMIT && v <= INT_LIMIT && v == floor(v) && !(v == 0 && signbit(v));
}

size_t skpi__chunk_encode(unsigned char *buf, const skpi_time *times, const double *values,
                          size_t n)
{
    int all_whole = 1;
    for (size_t i = 0; i < n && all_whole; i++) all_whole = whole(values[i]);
    size_t w = 0;
    buf[w++] = all_whole ? SKPI__CHUNK_INT : SKPI__CHUNK_F64;
    int64_t prev_delta = 0;
    for (size_t i = 1; i < n; i++) {
        int64_t delta = times[i] - times[i - 1];
        w += put_varint(buf + w, zigzag(delta - prev_delta));
        prev_delta = delta;
    }
    if (all_whole) {
        int64_t prev = 0;
        for (size_t i = 0; i < n; i++) {
            int64_t x = (int64_t)values[i];
            w += put_varint(buf + w, zigzag(x - prev));
            prev = x;
        }
    } else {
        for (size_t i = 0; i < n; i++) {
            uint64_t bits;
            memcpy(&bits, &values[i], sizeof bits);
            for (int b = 0; b < 8; b++) buf[w++] = (unsigned char)(bits >> (8 * b));
        }
    }
    return w;
}

int skpi__chunk_decode(skpi_time *times, double *values, size_t n, skpi_time t_first,
                       skpi_time t_last, const unsigned char *buf, size_t len)
{
    if (n == 0 || len < 1) return -1;
    /* The first and last times come from the store's columns, not from the
     * encoder: outside the accepted range, adding a delta could overflow. */
    if (t_first < SKPI_TIME_MIN || t_last >= SKPI_TIME_END || t_first > t_last) return -1;
    int tag = buf[0];
    if (tag != SKPI__CHUNK_F64 && tag != SKPI__CHUNK_INT) return -1;
    size_t r = 1;
    times[0] = t_first;
    int64_t delta = 0;
    for (size_t i = 1; i < n; i++) {
        uint64_t z;
        size_t k = get_varint(&z, buf + r, len - r);
        if (k == 0) return -1;
        r += k;
        int64_t dod = unzigzag(z);
        /* deltas stay positive and below the span of accepted times, so
         * nothing here can overflow for a chunk the encoder wrote */
        if (dod > SKPI_TIME_END - SKPI_TIME_MIN || dod < SKPI_TIME_MIN - SKPI_TIME_END) return -1;
        delta += dod;
        if (delta <= 0 || delta > SKPI_TIME_END - SKPI_TIME_MIN) return -1;
        times[i] = times[i - 1] + delta;
        if (times[i] > t_last) return -1;
    }
    if (times[n - 1] != t_last) return -1;
    if (tag == SKPI__CHUNK_INT) {
        int64_t prev = 0;
        for (size_t i = 0; i < n; i++) {
            uint64_t z;
            size_t k = get_varint(&z, buf + r, len - r);
            if (k == 0) return -1;
            r += k;
            int64_t d = unzigzag(z);
            if (d > 2 * (int64_t)INT_LIMIT || d < -2 * (int64_t)INT_LIMIT) return -1;
            int64_t x = prev + d;
            if (x > (int64_t)INT_LIMIT || x < -(int64_t)INT_LIMIT) return -1;
            values[i] = (double)x;
            prev = x;
        }
    } else {
        if (len - r < 8 * n) return -1;
        for (size_t i = 0; i < n; i++) {
            uint64_t bits = 0;
            for (int b = 0; b < 8; b++) bits |= (uint64_t)buf[r++] << (8 * b);
            memcpy(&values[i], &bits, sizeof bits);
            if (isinf(values[i])) return -1;
        }
    }
    return r == len ? 0 : -1;
}
