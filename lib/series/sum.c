/* Accurate sums at memory speed: the lane kernels and their selection. */
#include "series/sum.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* 16 lanes, each adding its 16 values of a block as a tree of depth 4
 * before the block is folded into the lane's compensated total
 * (docs/series.md, "Sums"). The kernels assume 16 rounds of 16 per block. */
#define SKPI__LANES 16
#define SKPI__BLOCK 256

/* Fold n lane totals and their compensations (n a power of two) into one
 * number: a tree of TwoSums, lane j with j + n/2, then j + n/4, ... down
 * to lane 0, rounded once at the end. The levels are independent adds, so
 * it costs a few dozen cycles; inlined, because the rollups call the
 * kernels once per period. Overwrites s and c. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline double sum_tree(double *s, double *c, int n)
{
    for (int half = n / 2; half >= 1; half /= 2) {
        for (int j = 0; j < half; j++) {
            double a = s[j], b = s[j + half];
            double u = a + b;
            double z = u - a;
            c[j] = (c[j] + c[j + half]) + ((a - (u - z)) + (b - z));
            s[j] = u;
        }
    }
    /* An overflow leaves an infinity (or NaN from opposite ones) in s[0]
     * and NaN in c[0]; report the overflow itself. */
    if (!isfinite(s[0])) return s[0];
    return s[0] + c[0];
}

#if defined(__GNUC__) && !defined(SKPI__SUM_SCALAR_ONLY)

#define SKPI__EACH8(M) M(0) M(1) M(2) M(3) M(4) M(5) M(6) M(7)
#define SKPI__EACH4(M) M(0) M(1) M(2) M(3)

/* Portable: 16-byte vectors, which GCC and Clang map onto SSE2, NEON or
 * plain registers. */
#define SKPI__K_NAME sum_portable
#define SKPI__K_ATTR
#define SKPI__K_W 2
#define SKPI__K_EACH SKPI__EACH8
#define SKPI__K_TREE(M) M(0, 4) M(1, 5) M(2, 6) M(3, 7) M(0, 2) M(1, 3) M(0, 1)
#include "series/sum_kernel.inc"
#undef SKPI__K_NAME
#undef SKPI__K_ATTR
#undef SKPI__K_W
#undef SKPI__K_EACH
#undef SKPI__K_TREE

/* AVX2 where the processor has it: twice the width for the same code.
 * (An AVX-512 build of the same kernel measured no faster on cached data
 * and slower on data streamed from memory, so it is not built.) */
#if defined(__x86_64__) || defined(__i386__)
#define SKPI__SUM_X86 1

#define SKPI__K_NAME sum_avx2
#define SKPI__K_ATTR __attribute__((target("avx2")))
#define SKPI__K_W 4
#define SKPI__K_EACH SKPI__EACH4
#define SKPI__K_TREE(M) M(0, 2) M(1, 3) M(0, 1)
#include "series/sum_kernel.inc"
#undef SKPI__K_NAME
#undef SKPI__K_ATTR
#undef SKPI__K_W
#undef SKPI__K_EACH
#undef SKPI__K_TREE
#endif

#else

/* Compilers without vector extensions: the same lanes, blocks and order
 * of additions in scalar code, so the results agree bit for bit. */
static double sum_portable(const double *x, size_t n, size_t *present, int *mode)
{
    (void)mode; /* one path only */
    double s[SKPI__LANES] = { 0 }, c[SKPI__LANES] = { 0 };
    double pad[SKPI__BLOCK];
    size_t count = 0;
    for (size_t i = 0; i < n; i += SKPI__BLOCK) {
        const double *p = x + i;
        size_t take = n - i < SKPI__BLOCK ? n - i : SKPI__BLOCK;
        if (take < SKPI__BLOCK) {
            memcpy(pad, p, take * sizeof *pad);
            memset(pad + take, 0, (SKPI__BLOCK - take) * sizeof *pad);
            p = pad;
        }
        for (int l = 0; l < SKPI__LANES; l++) {
            double v[16];
            for (int r = 0; r < 16; r++) {
                double y = p[r * SKPI__LANES + l];
                int ok = y == y;
                v[r] = ok ? y : 0.0;
                count += (size_t)ok;
            }
            double pr[8];
            for (int q = 0; q < 8; q++) pr[q] = v[2 * q] + v[2 * q + 1];
            double b = ((pr[0] + pr[1]) + (pr[2] + pr[3])) + ((pr[4] + pr[5]) + (pr[6] + pr[7]));
            double u = s[l] + b;
            double z = u - s[l];
            c[l] += (s[l] - (u - z)) + (b - z);
            s[l] = u;
        }
        count -= SKPI__BLOCK - take; /* the padding zeros */
    }
    *present = count;
    return sum_tree(s, c, SKPI__LANES);
}

#endif

skpi__sum_fn skpi__sum_variant(int which)
{
    switch (which) {
    case 0: return sum_portable;
#if defined(SKPI__SUM_X86)
    case 1: return __builtin_cpu_supports("avx2") ? sum_avx2 : NULL;
#endif
    default: return NULL;
    }
}

skpi__sum_fn skpi__sum_select(void)
{
#if defined(SKPI__SUM_X86)
    if (__builtin_cpu_supports("avx2")) return sum_avx2;
#endif
    return sum_portable;
}
