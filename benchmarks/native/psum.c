/*
 * psum-native: random stream v1 (docs/random-stream-v1.md) generate-and-sum in C, the project's native reference.
 * Kernels (--kernel): two-multiply (default): AVX-512 (F + DQ) fused kernel with four vectors in flight, scalar fallback
 * per rejected block; fast: the one-multiply kernel for range sizes up to 2^16 (below), a shift-only kernel for the full
 * int range, the two-multiply one otherwise;
 * scalar: the definition, one index at a time. OpenMP static blocks over threads with remainders kept, exact 128-bit
 * totals. Built with: gcc -O3 -march=native -fopenmp.
 * It is both the speed reference for the C# kernels and an independent oracle for their sums. --calls N times N
 * back-to-back single-thread calls on --count values instead: what one small call of the kernel costs.
 */
#include <immintrin.h>
#include <omp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define GAMMA 0x9E3779B97F4A7C15ULL
#define RETRY 0xD1B54A32D192ED03ULL
#define MIX1 0xBF58476D1CE4E5B9ULL
#define MIX2 0x94D049BB133111EBULL

typedef unsigned __int128 u128;
typedef __int128 i128;

static inline uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * MIX1;
    z = (z ^ (z >> 27)) * MIX2;
    return z ^ (z >> 31);
}

/* The definition: offset value(i) - min, with rejection. */
static uint64_t offset_at(uint64_t seed, uint64_t i, uint64_t r, uint64_t t) {
    for (uint64_t a = 0;; a++) {
        u128 m = (u128)mix64((seed ^ (a * RETRY)) + (i + 1) * GAMMA) * r;
        if ((uint64_t)m >= t) return (uint64_t)(m >> 64);
    }
}

static uint64_t scalar_sum(uint64_t seed, uint64_t start, uint64_t count, uint64_t r, uint64_t t) {
    uint64_t s = 0;
    for (uint64_t i = start; i < start + count; i++) s += offset_at(seed, i, r, t);
    return s;
}

static inline __m512i mix512(__m512i z, __m512i m1, __m512i m2) {
    z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 30)), m1);
    z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 27)), m2);
    return _mm512_xor_si512(z, _mm512_srli_epi64(z, 31));
}

/* The mix64 inputs of attempt 0 for indices start .. start + 31: four vectors of eight consecutive indices each. */
static inline void first_inputs(uint64_t seed, uint64_t start, __m512i *z0, __m512i *z1, __m512i *z2, __m512i *z3) {
    const __m512i lanes = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0), g = _mm512_set1_epi64((long long)GAMMA);
    const __m512i step8 = _mm512_set1_epi64((long long)(8 * GAMMA));
    *z0 = _mm512_add_epi64(_mm512_set1_epi64((long long)(seed + (start + 1) * GAMMA)), _mm512_mullo_epi64(lanes, g));
    *z1 = _mm512_add_epi64(*z0, step8);
    *z2 = _mm512_add_epi64(*z1, step8);
    *z3 = _mm512_add_epi64(*z2, step8);
}

/* word * r as a * 2^32 + b; for r = 2^32 (full) the products are shifts. */
static inline void products(__m512i w, __m512i rv, int full, __m512i *a, __m512i *b) {
    if (full) {
        *a = _mm512_slli_epi64(_mm512_srli_epi64(w, 32), 32);
        *b = _mm512_slli_epi64(w, 32);
    } else {
        *a = _mm512_mul_epu32(_mm512_srli_epi64(w, 32), rv);
        *b = _mm512_mul_epu32(w, rv);
    }
}

/* Sum of offsets over [start, start + count), count <= 2^32 so 64-bit lanes cannot overflow. */
static inline uint64_t avx512_sum(uint64_t seed, uint64_t start, uint64_t count, uint64_t r, uint64_t t, int full) {
    const __m512i m1 = _mm512_set1_epi64((long long)MIX1), m2 = _mm512_set1_epi64((long long)MIX2);
    const __m512i rv = _mm512_set1_epi64((long long)r), tv = _mm512_set1_epi64((long long)t);
    const __m512i step32 = _mm512_set1_epi64((long long)(32 * GAMMA));
    __m512i z0, z1, z2, z3;
    first_inputs(seed, start, &z0, &z1, &z2, &z3);
    __m512i s0 = _mm512_setzero_si512(), s1 = s0, s2 = s0, s3 = s0;
    uint64_t correction = 0, i = start, end = start + count;
    for (; end - i >= 32; i += 32) {
        __m512i a0, b0, a1, b1, a2, b2, a3, b3;
        products(mix512(z0, m1, m2), rv, full, &a0, &b0);
        products(mix512(z1, m1, m2), rv, full, &a1, &b1);
        products(mix512(z2, m1, m2), rv, full, &a2, &b2);
        products(mix512(z3, m1, m2), rv, full, &a3, &b3);
        __m512i h0 = _mm512_srli_epi64(_mm512_add_epi64(a0, _mm512_srli_epi64(b0, 32)), 32);
        __m512i h1 = _mm512_srli_epi64(_mm512_add_epi64(a1, _mm512_srli_epi64(b1, 32)), 32);
        __m512i h2 = _mm512_srli_epi64(_mm512_add_epi64(a2, _mm512_srli_epi64(b2, 32)), 32);
        __m512i h3 = _mm512_srli_epi64(_mm512_add_epi64(a3, _mm512_srli_epi64(b3, 32)), 32);
        s0 = _mm512_add_epi64(s0, h0); s1 = _mm512_add_epi64(s1, h1);
        s2 = _mm512_add_epi64(s2, h2); s3 = _mm512_add_epi64(s3, h3);
        __mmask8 rej = _mm512_cmplt_epu64_mask(_mm512_add_epi64(b0, _mm512_slli_epi64(a0, 32)), tv)
                     | _mm512_cmplt_epu64_mask(_mm512_add_epi64(b1, _mm512_slli_epi64(a1, 32)), tv)
                     | _mm512_cmplt_epu64_mask(_mm512_add_epi64(b2, _mm512_slli_epi64(a2, 32)), tv)
                     | _mm512_cmplt_epu64_mask(_mm512_add_epi64(b3, _mm512_slli_epi64(a3, 32)), tv);
        if (__builtin_expect(rej != 0, 0)) {
            __m512i h = _mm512_add_epi64(_mm512_add_epi64(h0, h1), _mm512_add_epi64(h2, h3));
            correction += scalar_sum(seed, i, 32, r, t) - (uint64_t)_mm512_reduce_add_epi64(h);
        }
        z0 = _mm512_add_epi64(z0, step32); z1 = _mm512_add_epi64(z1, step32);
        z2 = _mm512_add_epi64(z2, step32); z3 = _mm512_add_epi64(z3, step32);
    }
    __m512i s = _mm512_add_epi64(_mm512_add_epi64(s0, s1), _mm512_add_epi64(s2, s3));
    return (uint64_t)_mm512_reduce_add_epi64(s) + correction + scalar_sum(seed, i, end - i, r, t);
}

/*
 * One multiply per value, for r <= FAST_MAX_RANGE. With word = hi * 2^32 + lo and a = hi * r (one vpmuludq):
 * high64(word * r) = a >> 32 unless low32(a) is 0 or above 2^32 - r, and only such a lane can be rejected. Such lanes are
 * flagged without a compare: with c = r - 1, low32(a) + c (mod 2^32) is at most c exactly for flagged lanes; the high half
 * (the offset, below r) gets c + 1 added, which keeps it above c. A running 32-bit minimum is tested once per chunk, and a
 * flagged chunk is summed again by the two-multiply kernel. Offsets are summed in the high 32-bit halves (no shift).
 */
#define FAST_CHUNK 4096
#define FAST_MAX_RANGE (1ULL << 16)

static inline int fast_chunk(uint64_t seed, uint64_t start, uint64_t count, uint64_t r, uint64_t t, uint64_t *sum) {
    const __m512i m1 = _mm512_set1_epi64((long long)MIX1), m2 = _mm512_set1_epi64((long long)MIX2);
    const __m512i rv = _mm512_set1_epi64((long long)r), shift = _mm512_set1_epi64((long long)((r << 32) | (r - 1)));
    const __m512i step32 = _mm512_set1_epi64((long long)(32 * GAMMA));
    __m512i z0, z1, z2, z3;
    first_inputs(seed, start, &z0, &z1, &z2, &z3);
    __m512i s0 = _mm512_setzero_si512(), s1 = s0, s2 = s0, s3 = s0, least = _mm512_set1_epi32(-1);
    uint64_t i = start, end = start + count;
    for (; end - i >= 32; i += 32) {
        __m512i a0 = _mm512_mul_epu32(_mm512_srli_epi64(mix512(z0, m1, m2), 32), rv);
        __m512i a1 = _mm512_mul_epu32(_mm512_srli_epi64(mix512(z1, m1, m2), 32), rv);
        __m512i a2 = _mm512_mul_epu32(_mm512_srli_epi64(mix512(z2, m1, m2), 32), rv);
        __m512i a3 = _mm512_mul_epu32(_mm512_srli_epi64(mix512(z3, m1, m2), 32), rv);
        s0 = _mm512_add_epi32(s0, a0); s1 = _mm512_add_epi32(s1, a1);
        s2 = _mm512_add_epi32(s2, a2); s3 = _mm512_add_epi32(s3, a3);
        least = _mm512_min_epu32(least, _mm512_min_epu32(_mm512_min_epu32(_mm512_add_epi32(a0, shift), _mm512_add_epi32(a1, shift)),
                                                         _mm512_min_epu32(_mm512_add_epi32(a2, shift), _mm512_add_epi32(a3, shift))));
        z0 = _mm512_add_epi64(z0, step32); z1 = _mm512_add_epi64(z1, step32);
        z2 = _mm512_add_epi64(z2, step32); z3 = _mm512_add_epi64(z3, step32);
    }
    __m512i s = _mm512_add_epi64(_mm512_srli_epi64(_mm512_add_epi32(s0, s1), 32), _mm512_srli_epi64(_mm512_add_epi32(s2, s3), 32));
    *sum = (uint64_t)_mm512_reduce_add_epi64(s) + scalar_sum(seed, i, end - i, r, t);
    return _mm512_cmple_epu32_mask(least, _mm512_set1_epi32((int)(r - 1))) == 0;
}

static uint64_t fast_sum(uint64_t seed, uint64_t start, uint64_t count, uint64_t r, uint64_t t) {
    uint64_t total = 0;
    for (uint64_t done = 0; done < count; done += FAST_CHUNK) {
        uint64_t n = count - done < FAST_CHUNK ? count - done : FAST_CHUNK, s;
        total += fast_chunk(seed, start + done, n, r, t, &s) ? s : avx512_sum(seed, start + done, n, r, t, 0);
    }
    return total;
}

/*
 * The full int range, r = 2^32, in the fast kernel: word * 2^32 is a shift, so the offset is the word's high half, and the
 * threshold 2^64 mod 2^32 is 0, so nothing is ever rejected: mix64, a shift and an add per vector. count <= 2^30 (see
 * sum_offsets), so no 64-bit lane can overflow.
 */
static uint64_t full_range_sum(uint64_t seed, uint64_t start, uint64_t count) {
    const __m512i m1 = _mm512_set1_epi64((long long)MIX1), m2 = _mm512_set1_epi64((long long)MIX2);
    const __m512i step32 = _mm512_set1_epi64((long long)(32 * GAMMA));
    __m512i z0, z1, z2, z3;
    first_inputs(seed, start, &z0, &z1, &z2, &z3);
    __m512i s0 = _mm512_setzero_si512(), s1 = s0, s2 = s0, s3 = s0;
    uint64_t i = start, end = start + count;
    for (; end - i >= 32; i += 32) {
        s0 = _mm512_add_epi64(s0, _mm512_srli_epi64(mix512(z0, m1, m2), 32));
        s1 = _mm512_add_epi64(s1, _mm512_srli_epi64(mix512(z1, m1, m2), 32));
        s2 = _mm512_add_epi64(s2, _mm512_srli_epi64(mix512(z2, m1, m2), 32));
        s3 = _mm512_add_epi64(s3, _mm512_srli_epi64(mix512(z3, m1, m2), 32));
        z0 = _mm512_add_epi64(z0, step32); z1 = _mm512_add_epi64(z1, step32);
        z2 = _mm512_add_epi64(z2, step32); z3 = _mm512_add_epi64(z3, step32);
    }
    __m512i s = _mm512_add_epi64(_mm512_add_epi64(s0, s1), _mm512_add_epi64(s2, s3));
    return (uint64_t)_mm512_reduce_add_epi64(s) + scalar_sum(seed, i, end - i, 1ULL << 32, 0);
}

enum kernel { TWO_MULTIPLY, FAST, SCALAR };

static u128 sum_offsets(uint64_t seed, uint64_t start, uint64_t count, uint64_t r, uint64_t t, enum kernel kernel) {
    u128 total = 0;
    int full = r == (1ULL << 32);
    while (count > 0) {
        uint64_t n = count < (1ULL << 30) ? count : (1ULL << 30); /* flush lanes to 128 bits well before overflow */
        total += kernel == SCALAR ? scalar_sum(seed, start, n, r, t)
               : full ? (kernel == FAST ? full_range_sum(seed, start, n) : avx512_sum(seed, start, n, r, t, 1))
               : kernel == FAST && r <= FAST_MAX_RANGE ? fast_sum(seed, start, n, r, t)
               : avx512_sum(seed, start, n, r, t, 0);
        start += n;
        count -= n;
    }
    return total;
}

static void print_i128(i128 v) {
    char buf[64];
    int p = 63, neg = v < 0;
    u128 u = neg ? (u128)(-(v + 1)) + 1 : (u128)v;
    buf[p] = 0;
    do { buf[--p] = (char)('0' + (int)(u % 10)); u /= 10; } while (u);
    if (neg) buf[--p] = '-';
    fputs(buf + p, stdout);
}

int main(int argc, char **argv) {
    uint64_t count = 1000000, seed = 42, start = 0;
    long long min = 0, max = 10;
    int threads = omp_get_max_threads(), warmup = 0, calls = 0;
    enum kernel kernel = TWO_MULTIPLY;
    static const char *kernel_names[] = {"two-multiply", "fast", "scalar"};
    for (int k = 1; k < argc; k++) {
        const char *o = argv[k], *v = k + 1 < argc ? argv[k + 1] : NULL;
        if (!strcmp(o, "--scalar")) { kernel = SCALAR; continue; }
        if (!v) { fprintf(stderr, "error: %s needs a value\n", o); return 2; }
        if (!strcmp(o, "--count")) count = strtoull(v, NULL, 10);
        else if (!strcmp(o, "--seed")) seed = strtoull(v, NULL, 10);
        else if (!strcmp(o, "--start")) start = strtoull(v, NULL, 10);
        else if (!strcmp(o, "--min")) min = strtoll(v, NULL, 10);
        else if (!strcmp(o, "--max")) max = strtoll(v, NULL, 10);
        else if (!strcmp(o, "--threads")) threads = atoi(v);
        else if (!strcmp(o, "--warmup")) warmup = atoi(v);
        else if (!strcmp(o, "--calls")) calls = atoi(v);
        else if (!strcmp(o, "--kernel")) {
            if (!strcmp(v, "two-multiply")) kernel = TWO_MULTIPLY;
            else if (!strcmp(v, "fast")) kernel = FAST;
            else if (!strcmp(v, "scalar")) kernel = SCALAR;
            else { fprintf(stderr, "error: --kernel %s: accepted kernels are two-multiply (default), fast, scalar\n", v); return 2; }
        }
        else { fprintf(stderr, "error: unknown option %s (accepted: --count --seed --start --min --max --threads --warmup --calls --kernel --scalar)\n", o); return 2; }
        k++;
    }
    if (min > max || min < INT32_MIN || max > INT32_MAX || threads < 1 || warmup < 0 || calls < 0) {
        fprintf(stderr, "error: need INT32_MIN <= --min <= --max <= INT32_MAX and --threads >= 1 and --warmup >= 0 and --calls >= 0\n");
        return 2;
    }
    uint64_t r = (uint64_t)(max - min + 1), t = (0 - r) % r;
    u128 offsets = 0;
    struct timespec t0, t1;
    if (calls > 0) {
        /* --calls N: the cost of one small call, as a library call pays it: N back-to-back calls of the kernel on this
           thread over the same range (no OpenMP), after --warmup calls; prints the mean time per call. */
        volatile uint64_t first = start; /* read again for every call, so no call can be hoisted or dropped */
        for (int w = 0; w < warmup; w++) offsets += sum_offsets(seed, first, count, r, t, kernel);
        if (offsets == (u128)-1) puts("");
        offsets = 0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (int c = 0; c < calls; c++) offsets += sum_offsets(seed, first, count, r, t, kernel);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double total = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
        i128 one = (i128)(offsets / (u128)calls) + (i128)count * min;
        printf("{\"sum\":\"");
        print_i128(one);
        printf("\",\"calls\":%d,\"secondsPerCall\":%.9e,\"kernel\":\"%s\"}\n", calls, total / calls, kernel_names[kernel]);
        return 0;
    }
    /* --warmup N: N untimed runs first, as the .NET rows get, so OpenMP's threads and the caches are warm. */
    for (int w = 0; w < warmup; w++) {
        u128 ignored = 0;
#pragma omp parallel num_threads(threads) reduction(+ : ignored)
        {
            int n = omp_get_num_threads(), k = omp_get_thread_num();
            uint64_t b = (uint64_t)((u128)count * k / n), e = (uint64_t)((u128)count * (k + 1) / n);
            ignored += sum_offsets(seed, start + b, e - b, r, t, kernel);
        }
        if (ignored == (u128)-1) puts("");
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
#pragma omp parallel num_threads(threads) reduction(+ : offsets)
    {
        int n = omp_get_num_threads(), w = omp_get_thread_num();
        /* Static blocks floor(count * w / n): lengths differ by at most one, no remainder dropped. */
        uint64_t b = (uint64_t)((u128)count * w / n), e = (uint64_t)((u128)count * (w + 1) / n);
        offsets += sum_offsets(seed, start + b, e - b, r, t, kernel);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    i128 sum = (i128)offsets + (i128)count * min;
    printf("{\"sum\":\"");
    print_i128(sum);
    printf("\",\"seconds\":%.6f,\"valuesPerSecond\":%.6e,\"threads\":%d,\"kernel\":\"%s\"}\n", seconds, seconds > 0 ? count / seconds : 0.0, threads, kernel_names[kernel]);
    return 0;
}
