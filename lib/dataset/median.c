/* Medians by selection. Many values first go through radix passes: each
 * counts the values by a 12-bit digit of their order and keeps only the
 * bucket that holds the middle, without the mispredicted branch per value
 * that costs quickselect most of its time; Hoare's selection finishes on
 * the few values left. Both give the very same order statistics. The
 * values left out are overwritten, not kept: half the writes of a swap. */
#include "dataset/content.h"

#include <string.h>

#define RADIX_BITS SKPI__RADIX_BITS
#define RADIX_MASK (SKPI__RADIX_BUCKETS - 1)
#define RADIX_MIN SKPI__RADIX_MIN

/* Hoare's selection: v[k] is the k-th smallest afterwards, smaller values
 * before it, larger after. */
static void select_kth(double *v, size_t n, size_t k)
{
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        /* median of three as pivot keeps sorted input linear */
        size_t mid = lo + (hi - lo) / 2;
        double a = v[lo], b = v[mid], z = v[hi];
        double pivot = a < b ? (b < z ? b : (a < z ? z : a)) : (a < z ? a : (b < z ? z : b));
        size_t i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j) {
                double t = v[i];
                v[i] = v[j];
                v[j] = t;
                i++;
                if (j == 0) break;
                j--;
            }
        }
        if (k <= j) hi = j;
        else if (k >= i) lo = i;
        else return;
    }
}

/* Narrow src[0..*n) to the values whose digit at shift lies in the buckets
 * of ranks *r0 and *r1, written to dst[0..*n) (dst may be src: a value is
 * read before its place is written); the ranks become ranks among them.
 * Returns whether one bucket holds both (the next digit can go on). */
static bool radix_narrow(const double *src, double *dst, size_t *n, size_t *r0, size_t *r1, int shift)
{
    uint32_t count[RADIX_MASK + 1];
    memset(count, 0, sizeof count);
    for (size_t i = 0; i < *n; i++) count[(skpi__order_key(src[i]) >> shift) & RADIX_MASK]++;
    unsigned b0, b1;
    skpi__radix_buckets(count, r0, r1, &b0, &b1);
    /* every value is written, the kept ones advance: no branch per value */
    size_t m = 0;
    for (size_t i = 0; i < *n; i++) {
        double x = src[i];
        unsigned d = (unsigned)(skpi__order_key(x) >> shift) & RADIX_MASK;
        dst[m] = x;
        m += d - b0 <= b1 - b0;
    }
    *n = m;
    return b0 == b1;
}

void skpi__radix_buckets(const uint32_t *count, size_t *r0, size_t *r1, unsigned *b0, unsigned *b1)
{
    size_t below = 0;
    unsigned d = 0;
    while (below + count[d] <= *r0) below += count[d++];
    *b0 = d;
    size_t upto = below + count[d];
    while (upto <= *r1) upto += count[++d];
    *b1 = d;
    *r0 -= below;
    *r1 -= below;
}

/* The r0-th and r1-th smallest of v[0..n) (r1 is r0 or r0 + 1): radix
 * passes from the digit at shift on (while one bucket holds both ranks),
 * then selection; v[0..n) is overwritten. */
static void order_stats_from(double *v, size_t n, size_t r0, size_t r1, int shift, double *a,
                             double *b)
{
    bool same_bucket = n <= UINT32_MAX;
    for (; same_bucket && n >= RADIX_MIN && shift >= 0; shift -= RADIX_BITS)
        same_bucket = radix_narrow(v, v, &n, &r0, &r1, shift);
    select_kth(v, n, r1);
    *a = *b = v[r1];
    if (r0 == r1) return;
    /* the other is the largest of the values below r1 */
    double lower = v[0];
    for (size_t i = 1; i < r1; i++)
        if (v[i] > lower) lower = v[i];
    *a = lower;
}

void skpi__order_stats_after_top(double *v, size_t n, size_t r0, size_t r1, bool one_bucket,
                                 double *a, double *b)
{
    order_stats_from(v, n, r0, r1, one_bucket ? 64 - 2 * RADIX_BITS : -1, a, b);
}

void skpi__middles_of(double *v, size_t n, double *lower, double *upper)
{
    size_t r1 = n / 2;
    order_stats_from(v, n, n % 2 ? r1 : r1 - 1, r1, 64 - RADIX_BITS, lower, upper);
}

double skpi__median_of(double *v, size_t n)
{
    double lower, upper;
    skpi__middles_of(v, n, &lower, &upper);
    return skpi__middle(lower, upper);
}
