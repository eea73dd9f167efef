/* strconv.h: conversions between Python str objects and the UTF-8 that the
 * C library reads, for the _vntext binding (included by _vntext.c only).
 *
 * - utf8_view: the UTF-8 of a str. ASCII strs are read in place; other strs
 *   are encoded into a temporary buffer that the caller frees, so that the
 *   str does not keep a UTF-8 copy of itself for the rest of its life (what
 *   PyUnicode_AsUTF8AndSize would leave behind).
 * - splice_edits: the str that results from applying vnt_edits (byte
 *   offsets into that UTF-8) to the str: unchanged stretches are copied from
 *   the str's own storage, only the replacements are decoded.
 */
#ifndef VNTEXT_STRCONV_H
#define VNTEXT_STRCONV_H

#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "vntext.h"

/* A buffer kept from one call for the next (in the module state): a
 * document's UTF-8 is megabytes, and memory fresh from the system costs a
 * page fault every 4 KB, more than encoding into it (a fifth of
 * sent_tokenize on a 2 MB text). Lent to one call at a time: taken and
 * given back with the GIL held, so two threads never share it. */
typedef struct {
    char *buf;  /* NULL when none is kept, or while lent */
    size_t cap;
} utf8_spare;

/* Buffers of up to this many bytes are kept; a bigger one is freed, so
 * that no large one stays behind a huge text. (The encoder asks for 2 to 4
 * bytes a character, of which it writes the UTF-8 only.) */
#define UTF8_SPARE_MAX ((size_t)16 << 20)

typedef struct {
    const char *data; /* UTF-8 bytes */
    Py_ssize_t len;
    char *owned;      /* to free, or NULL when data points into the str; an
                       * owned buffer has 16 readable bytes past len */
    size_t cap;       /* the size of owned */
    utf8_spare *spare; /* where owned goes back to, or NULL: freed */
} utf8_view;

#define UTF8_VIEW_INIT {NULL, 0, NULL, 0, NULL}

static void
utf8_view_release(utf8_view *v)
{
    utf8_spare *sp = v->spare;
    if (v->owned != NULL && sp != NULL && v->cap <= UTF8_SPARE_MAX &&
        (sp->buf == NULL || sp->cap < v->cap)) {
        /* the bigger of the two is kept */
        free(sp->buf);
        sp->buf = v->owned;
        sp->cap = v->cap;
    } else {
        free(v->owned);
    }
    v->owned = NULL;
    v->cap = 0;
    v->spare = NULL;
    v->data = NULL;
    v->len = 0;
}

/* Appends the UTF-8 of one code point (no surrogate) at q; returns the new q.
 * The selection is done with masks, not branches: Vietnamese text mixes 1-,
 * 2- and 3-byte characters too irregularly for a branch predictor. Writes 4
 * bytes, so the buffer needs 3 bytes of slack at its end. */
static inline char *
put_utf8(char *q, Py_UCS4 c)
{
    uint32_t two = c >= 0x80, three = c >= 0x800, four = c >= 0x10000;
    uint32_t m2 = 0u - two, m3 = 0u - three, m4 = 0u - four;
    uint32_t b1 = c;
    uint32_t b2 = (0xC0 | (c >> 6)) | ((0x80 | (c & 0x3F)) << 8);
    uint32_t b3 = (0xE0 | (c >> 12)) | ((0x80 | ((c >> 6) & 0x3F)) << 8) |
                  ((0x80 | (c & 0x3F)) << 16);
    uint32_t b4 = (0xF0 | (c >> 18)) | ((0x80 | ((c >> 12) & 0x3F)) << 8) |
                  ((0x80 | ((c >> 6) & 0x3F)) << 16) | ((uint32_t)(0x80 | (c & 0x3F)) << 24);
    uint32_t v = (b1 & ~m2) | (b2 & m2 & ~m3) | (b3 & m3 & ~m4) | (b4 & m4);
    unsigned char out[4] = {(unsigned char)v, (unsigned char)(v >> 8),
                            (unsigned char)(v >> 16), (unsigned char)(v >> 24)};
    memcpy(q, out, 4);
    return q + 1 + two + three + four;
}

/* The scalar encoder: the UTF-8 of the n code points at data (of the given
 * kind) at q; returns the end. ORs into *surrogate nonzero when one of them
 * is a surrogate (the bytes written for it are then meaningless). */
static char *
encode_scalar(int kind, const void *data, Py_ssize_t i, Py_ssize_t n, char *q,
              uint32_t *surrogate)
{
    uint32_t sur = 0;
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = data;
        for (; i < n; i++)
            q = put_utf8(q, p[i]);
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *p = data;
        for (; i < n; i++) {
            sur |= (p[i] & 0xF800) == 0xD800;
            q = put_utf8(q, p[i]);
        }
    } else {
        const Py_UCS4 *p = data;
        for (; i < n; i++) {
            sur |= (p[i] & 0xFFFFF800) == 0xD800;
            q = put_utf8(q, p[i]);
        }
    }
    *surrogate |= sur;
    return q;
}

/* Not on macOS, whose toolchain may lack the CPU model that
 * __builtin_cpu_supports reads, nor on Windows, where GCC does not keep the
 * stack aligned for 32-byte spills: the portable encoder serves there. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(__APPLE__) && \
    !defined(_WIN32)
#define HAVE_SSSE3_ENCODER 1
#include <immintrin.h>
/* and an AVX-512 one where the compiler knows VBMI2 (GCC 8, clang) */
#if defined(__clang__) || __GNUC__ >= 8
#define HAVE_AVX512_ENCODER 1
#endif

#include "utf8_shuffle.h"

/* The UTF-8 of four code points below U+10000 (32-bit lanes of c) at q:
 * each lane is turned into its 1, 2 or 3 bytes, then the bytes are packed
 * by one shuffle (tools/gen_utf8_shuffle.py). Writes 16 bytes; returns q
 * plus the bytes used. */
__attribute__((target("ssse3"))) static inline char *
encode4_ssse3(char *q, __m128i c)
{
    const __m128i x3f = _mm_set1_epi32(0x3F), x80 = _mm_set1_epi32(0x80);
    __m128i two = _mm_cmpgt_epi32(c, _mm_set1_epi32(0x7F));
    __m128i three = _mm_cmpgt_epi32(c, _mm_set1_epi32(0x7FF));
    __m128i last = _mm_slli_epi32(_mm_or_si128(_mm_and_si128(c, x3f), x80), 8);
    __m128i b2 = _mm_or_si128(_mm_or_si128(_mm_srli_epi32(c, 6), _mm_set1_epi32(0xC0)), last);
    __m128i mid = _mm_or_si128(_mm_and_si128(_mm_srli_epi32(c, 6), x3f), x80);
    __m128i b3 = _mm_or_si128(_mm_or_si128(_mm_srli_epi32(c, 12), _mm_set1_epi32(0xE0)),
                              _mm_or_si128(_mm_slli_epi32(mid, 8), _mm_slli_epi32(last, 8)));
    __m128i v = _mm_or_si128(_mm_andnot_si128(two, c),
                             _mm_or_si128(_mm_and_si128(_mm_andnot_si128(three, two), b2),
                                          _mm_and_si128(three, b3)));
    int idx = _mm_movemask_ps(_mm_castsi128_ps(two)) |
              (_mm_movemask_ps(_mm_castsi128_ps(three)) << 4);
    __m128i shuf = _mm_loadu_si128((const __m128i *)UTF8_SHUFFLE[idx]);
    _mm_storeu_si128((__m128i *)q, _mm_shuffle_epi8(v, shuf));
    return q + UTF8_SHUFFLE_LEN[idx];
}

/* encode_scalar's job, 16, 8 or 4 code points at a time; the buffer needs
 * 16 bytes of slack. Code points from U+10000 on go through put_utf8. */
__attribute__((target("ssse3"))) static char *
encode_ssse3(int kind, const void *data, Py_ssize_t n, char *q, uint32_t *surrogate)
{
    const __m128i zero = _mm_setzero_si128();
    Py_ssize_t i = 0;
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = data;
        for (; i + 16 <= n; i += 16) {
            __m128i b = _mm_loadu_si128((const __m128i *)(p + i));
            if (_mm_movemask_epi8(b) == 0) { /* all ASCII */
                _mm_storeu_si128((__m128i *)q, b);
                q += 16;
                continue;
            }
            __m128i lo = _mm_unpacklo_epi8(b, zero), hi = _mm_unpackhi_epi8(b, zero);
            q = encode4_ssse3(q, _mm_unpacklo_epi16(lo, zero));
            q = encode4_ssse3(q, _mm_unpackhi_epi16(lo, zero));
            q = encode4_ssse3(q, _mm_unpacklo_epi16(hi, zero));
            q = encode4_ssse3(q, _mm_unpackhi_epi16(hi, zero));
        }
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *p = data;
        const __m128i sur_mask = _mm_set1_epi16((short)0xF800), sur_val = _mm_set1_epi16((short)0xD800);
        const __m128i non_ascii = _mm_set1_epi16((short)0xFF80);
        __m128i sur = zero;
        for (; i + 8 <= n; i += 8) {
            __m128i w = _mm_loadu_si128((const __m128i *)(p + i));
            sur = _mm_or_si128(sur, _mm_cmpeq_epi16(_mm_and_si128(w, sur_mask), sur_val));
            if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(w, non_ascii), zero)) == 0xFFFF) {
                _mm_storel_epi64((__m128i *)q, _mm_packus_epi16(w, w));
                q += 8;
                continue;
            }
            q = encode4_ssse3(q, _mm_unpacklo_epi16(w, zero));
            q = encode4_ssse3(q, _mm_unpackhi_epi16(w, zero));
        }
        *surrogate |= (uint32_t)_mm_movemask_epi8(sur);
    } else {
        const Py_UCS4 *p = data;
        const __m128i sur_mask = _mm_set1_epi32((int)0xFFFFF800), sur_val = _mm_set1_epi32(0xD800);
        const __m128i bmp_max = _mm_set1_epi32(0xFFFF);
        __m128i sur = zero;
        for (; i + 4 <= n; i += 4) {
            __m128i c = _mm_loadu_si128((const __m128i *)(p + i));
            sur = _mm_or_si128(sur, _mm_cmpeq_epi32(_mm_and_si128(c, sur_mask), sur_val));
            if (_mm_movemask_epi8(_mm_cmpgt_epi32(c, bmp_max)) == 0)
                q = encode4_ssse3(q, c);
            else
                for (int k = 0; k < 4; k++)
                    q = put_utf8(q, p[i + k]);
        }
        *surrogate |= (uint32_t)_mm_movemask_epi8(sur);
    }
    return encode_scalar(kind, data, i, n, q, surrogate);
}

/* The UTF-8 of eight code points below U+10000 (32-bit lanes of c) at q:
 * encode4_ssse3 on both 128-bit halves at once. Writes 32 bytes. */
__attribute__((target("avx2"))) static inline char *
encode8_avx2(char *q, __m256i c)
{
    const __m256i x3f = _mm256_set1_epi32(0x3F), x80 = _mm256_set1_epi32(0x80);
    __m256i two = _mm256_cmpgt_epi32(c, _mm256_set1_epi32(0x7F));
    __m256i three = _mm256_cmpgt_epi32(c, _mm256_set1_epi32(0x7FF));
    __m256i last = _mm256_slli_epi32(_mm256_or_si256(_mm256_and_si256(c, x3f), x80), 8);
    __m256i b2 = _mm256_or_si256(_mm256_or_si256(_mm256_srli_epi32(c, 6), _mm256_set1_epi32(0xC0)), last);
    __m256i mid = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi32(c, 6), x3f), x80);
    __m256i b3 = _mm256_or_si256(_mm256_or_si256(_mm256_srli_epi32(c, 12), _mm256_set1_epi32(0xE0)),
                                 _mm256_or_si256(_mm256_slli_epi32(mid, 8), _mm256_slli_epi32(last, 8)));
    __m256i v = _mm256_or_si256(_mm256_andnot_si256(two, c),
                                _mm256_or_si256(_mm256_and_si256(_mm256_andnot_si256(three, two), b2),
                                                _mm256_and_si256(three, b3)));
    unsigned m2 = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(two));
    unsigned m3 = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(three));
    unsigned lo = (m2 & 15) | (m3 & 15) << 4, hi = (m2 >> 4) | (m3 >> 4) << 4;
    __m256i shuf = _mm256_inserti128_si256(
        _mm256_castsi128_si256(_mm_loadu_si128((const __m128i *)UTF8_SHUFFLE[lo])),
        _mm_loadu_si128((const __m128i *)UTF8_SHUFFLE[hi]), 1);
    __m256i packed = _mm256_shuffle_epi8(v, shuf);
    _mm_storeu_si128((__m128i *)q, _mm256_castsi256_si128(packed));
    q += UTF8_SHUFFLE_LEN[lo];
    _mm_storeu_si128((__m128i *)q, _mm256_extracti128_si256(packed, 1));
    return q + UTF8_SHUFFLE_LEN[hi];
}

/* encode_ssse3 for two-byte strs (Vietnamese text), 16 code points at a
 * time; the rest, and the other kinds, go to encode_ssse3. */
__attribute__((target("avx2"))) static char *
encode_avx2(int kind, const void *data, Py_ssize_t n, char *q, uint32_t *surrogate)
{
    if (kind != PyUnicode_2BYTE_KIND)
        return encode_ssse3(kind, data, n, q, surrogate);
    const Py_UCS2 *p = data;
    const __m256i sur_mask = _mm256_set1_epi16((short)0xF800), sur_val = _mm256_set1_epi16((short)0xD800);
    const __m256i non_ascii = _mm256_set1_epi16((short)0xFF80), zero = _mm256_setzero_si256();
    __m256i sur = zero;
    Py_ssize_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m256i w = _mm256_loadu_si256((const __m256i *)(p + i));
        sur = _mm256_or_si256(sur, _mm256_cmpeq_epi16(_mm256_and_si256(w, sur_mask), sur_val));
        if (_mm256_testz_si256(w, non_ascii)) { /* all ASCII */
            __m256i packed = _mm256_permute4x64_epi64(_mm256_packus_epi16(w, w), 0xD8);
            _mm_storeu_si128((__m128i *)q, _mm256_castsi256_si128(packed));
            q += 16;
            continue;
        }
        q = encode8_avx2(q, _mm256_cvtepu16_epi32(_mm256_castsi256_si128(w)));
        q = encode8_avx2(q, _mm256_cvtepu16_epi32(_mm256_extracti128_si256(w, 1)));
    }
    *surrogate |= (uint32_t)_mm256_movemask_epi8(sur);
    return encode_ssse3(kind, p + i, n - i, q, surrogate);
}

#ifdef HAVE_AVX512_ENCODER
/* The UTF-8 of the code points below U+10000 in the 32-bit lanes of c
 * that valid selects (the first ones) at q: each lane gets its 1, 2 or 3
 * bytes, which one byte compression (VBMI2) packs. Writes only the bytes
 * used; returns q plus their count. */
__attribute__((target("avx512f,avx512bw,avx512vbmi2,popcnt"))) static inline char *
encode16_avx512(char *q, __m512i c, __mmask16 valid)
{
    const __m512i x3f = _mm512_set1_epi32(0x3F), x80 = _mm512_set1_epi32(0x80);
    __mmask16 two = _mm512_cmpge_epu32_mask(c, x80);
    __mmask16 three = _mm512_cmpge_epu32_mask(c, _mm512_set1_epi32(0x800));
    __m512i last = _mm512_or_si512(_mm512_and_si512(c, x3f), x80);
    __m512i mid = _mm512_or_si512(_mm512_and_si512(_mm512_srli_epi32(c, 6), x3f), x80);
    __m512i b2 = _mm512_or_si512(_mm512_or_si512(_mm512_srli_epi32(c, 6), _mm512_set1_epi32(0xC0)),
                                 _mm512_slli_epi32(last, 8));
    __m512i b3 = _mm512_or_si512(_mm512_or_si512(_mm512_srli_epi32(c, 12), _mm512_set1_epi32(0xE0)),
                                 _mm512_or_si512(_mm512_slli_epi32(mid, 8), _mm512_slli_epi32(last, 16)));
    __m512i v = _mm512_mask_mov_epi32(_mm512_mask_mov_epi32(c, two, b2), three, b3);
    /* the top bit of each byte used: the first always, the second for two
     * bytes or more, the third for three; none in the lanes not valid */
    __m512i used = _mm512_maskz_mov_epi32(
        valid, _mm512_mask_mov_epi32(_mm512_mask_mov_epi32(x80, two, _mm512_set1_epi32(0x8080)),
                                     three, _mm512_set1_epi32(0x808080)));
    __mmask64 keep = _mm512_movepi8_mask(used);
    unsigned n = (unsigned)_mm_popcnt_u64(keep);
    _mm512_mask_storeu_epi8(q, (__mmask64)((UINT64_C(1) << n) - 1), _mm512_maskz_compress_epi8(keep, v));
    return q + n;
}

/* encode_avx2 for two- and four-byte strs, 32 or 16 code points at a time,
 * the last ones by masked loads; blocks that hold a code point from
 * U+10000 on go through put_utf8, one-byte strs to encode_avx2. */
__attribute__((target("avx512f,avx512bw,avx512vbmi2,popcnt,avx2"))) static char *
encode_avx512(int kind, const void *data, Py_ssize_t n, char *q, uint32_t *surrogate)
{
    Py_ssize_t i = 0;
    if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *p = data;
        const __m512i sur_mask = _mm512_set1_epi16((short)0xF800), sur_val = _mm512_set1_epi16((short)0xD800);
        const __m512i non_ascii = _mm512_set1_epi16((short)0xFF80);
        __mmask32 sur = 0;
        for (; i < n; i += 32) {
            __mmask32 m = n - i >= 32 ? ~(__mmask32)0 : (__mmask32)((UINT32_C(1) << (n - i)) - 1);
            __m512i w = _mm512_maskz_loadu_epi16(m, p + i);
            sur |= _mm512_cmpeq_epi16_mask(_mm512_and_si512(w, sur_mask), sur_val);
            if (_mm512_test_epi16_mask(w, non_ascii) == 0) { /* all ASCII */
                _mm512_mask_storeu_epi8(q, (__mmask64)m, _mm512_castsi256_si512(_mm512_cvtepi16_epi8(w)));
                q += n - i >= 32 ? 32 : n - i;
                continue;
            }
            q = encode16_avx512(q, _mm512_cvtepu16_epi32(_mm512_castsi512_si256(w)), (__mmask16)m);
            if (n - i > 16)
                q = encode16_avx512(q, _mm512_cvtepu16_epi32(_mm512_extracti64x4_epi64(w, 1)),
                                    (__mmask16)(m >> 16));
        }
        *surrogate |= (uint32_t)sur;
        return q;
    }
    if (kind == PyUnicode_4BYTE_KIND) {
        const Py_UCS4 *p = data;
        const __m512i sur_mask = _mm512_set1_epi32((int)0xFFFFF800), sur_val = _mm512_set1_epi32(0xD800);
        const __m512i bmp_max = _mm512_set1_epi32(0xFFFF);
        __mmask16 sur = 0;
        for (; i < n; i += 16) {
            size_t r = n - i >= 16 ? 16 : (size_t)(n - i);
            __mmask16 m = (__mmask16)((UINT32_C(1) << r) - 1);
            __m512i c = _mm512_maskz_loadu_epi32(m, p + i);
            sur |= _mm512_cmpeq_epi32_mask(_mm512_and_si512(c, sur_mask), sur_val);
            if (_mm512_cmpgt_epu32_mask(c, bmp_max) == 0)
                q = encode16_avx512(q, c, m);
            else
                for (size_t k = 0; k < r; k++)
                    q = put_utf8(q, p[i + k]);
        }
        *surrogate |= (uint32_t)sur;
        return q;
    }
    return encode_avx2(kind, data, n, q, surrogate);
}

/* Whether this CPU runs count_code_points_avx512 */
static int
have_avx512bw(void)
{
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("popcnt");
}

/* Whether this CPU runs encode_avx512, which also compresses bytes (VBMI2) */
static int
have_avx512(void)
{
    return have_avx512bw() && __builtin_cpu_supports("avx512vbmi2");
}

#endif

/* Whether this CPU runs encode_avx2 */
static int
have_avx2(void)
{
    return __builtin_cpu_supports("avx2");
}

/* Whether this CPU runs encode_ssse3 (a read of the compiler runtime's
 * CPU description, set before main). */
static int
have_ssse3(void)
{
    return __builtin_cpu_supports("ssse3");
}
#endif

/* Encoders: 0 scalar, 1 SSSE3, 2 AVX2 (which falls back to SSSE3 for
 * one- and four-byte strs), 3 AVX-512 (two- and four-byte strs; AVX2 for
 * the others). ENCODER_BEST: the best this CPU runs. */
enum { ENCODER_SCALAR, ENCODER_SSSE3, ENCODER_AVX2, ENCODER_AVX512, ENCODER_BEST };

static int
encoder_supported(int level)
{
#ifdef HAVE_SSSE3_ENCODER
#ifdef HAVE_AVX512_ENCODER
    if (level == ENCODER_AVX512)
        return have_avx512() && have_avx2() && have_ssse3();
#endif
    if (level == ENCODER_AVX2)
        return have_avx2() && have_ssse3();
    if (level == ENCODER_SSSE3)
        return have_ssse3();
#endif
    return level == ENCODER_SCALAR;
}

/* The UTF-8 of str obj into *v, made by the given encoder (one that
 * encoder_supported, or ENCODER_BEST), in the buffer kept in spare when
 * there is one big enough (spare may be NULL); utf8_view_release gives it
 * back. Lone surrogates raise UnicodeEncodeError (the message is
 * CPython's own). Returns 0, or -1 with an exception set. */
static int
utf8_view_encode(PyObject *obj, utf8_view *v, int level, utf8_spare *spare)
{
    v->owned = NULL;
    v->cap = 0;
    v->spare = NULL;
    if (PyUnicode_IS_ASCII(obj)) {
        v->data = (const char *)PyUnicode_DATA(obj);
        v->len = PyUnicode_GET_LENGTH(obj);
        return 0;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(obj);
    int kind = PyUnicode_KIND(obj);
    const void *data = PyUnicode_DATA(obj);
    size_t per = kind == PyUnicode_1BYTE_KIND ? 2 : kind == PyUnicode_2BYTE_KIND ? 3 : 4;
    if ((size_t)n > ((size_t)PY_SSIZE_T_MAX - 16) / per) {
        PyErr_NoMemory();
        return -1;
    }
    const size_t need = (size_t)n * per + 16;
    char *buf;
    if (spare != NULL && spare->buf != NULL && spare->cap >= need) {
        buf = spare->buf;
        v->cap = spare->cap;
        spare->buf = NULL;
        spare->cap = 0;
    } else {
        buf = malloc(need);
        if (buf == NULL && spare != NULL && spare->buf != NULL) {
            /* out of memory: the kept buffer, too small, goes first */
            free(spare->buf);
            spare->buf = NULL;
            spare->cap = 0;
            buf = malloc(need);
        }
        if (buf == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        v->cap = need;
    }
    v->owned = buf;
    v->spare = spare;
    char *q;
    uint32_t surrogate = 0;
    if (level == ENCODER_BEST)
        level = encoder_supported(ENCODER_AVX512) ? ENCODER_AVX512
              : encoder_supported(ENCODER_AVX2) ? ENCODER_AVX2
              : encoder_supported(ENCODER_SSSE3) ? ENCODER_SSSE3 : ENCODER_SCALAR;
#ifdef HAVE_SSSE3_ENCODER
#ifdef HAVE_AVX512_ENCODER
    if (level == ENCODER_AVX512)
        q = encode_avx512(kind, data, n, buf, &surrogate);
    else
#endif
    if (level == ENCODER_AVX2)
        q = encode_avx2(kind, data, n, buf, &surrogate);
    else if (level == ENCODER_SSSE3)
        q = encode_ssse3(kind, data, n, buf, &surrogate);
    else
#endif
        q = encode_scalar(kind, data, 0, n, buf, &surrogate);
    if (surrogate) {
        Py_ssize_t ignored;
        utf8_view_release(v);
        /* raises UnicodeEncodeError naming the position */
        if (PyUnicode_AsUTF8AndSize(obj, &ignored) != NULL)
            PyErr_SetString(PyExc_SystemError, "surrogate went unnoticed");
        return -1;
    }
    v->data = buf;
    v->len = q - buf;
    return 0;
}

/* The UTF-8 of str obj into *v, by the best encoder; see utf8_view_encode. */
static int
utf8_view_of(PyObject *obj, utf8_view *v, utf8_spare *spare)
{
    return utf8_view_encode(obj, v, ENCODER_BEST, spare);
}

/* The continuation bytes (10xxxxxx: top bit set, next bit clear) of the
 * 8 bytes in w, as their top bits (0x80 of each byte). */
static inline uint64_t
continuation_bits(uint64_t w)
{
    return w & ~(w << 1) & UINT64_C(0x8080808080808080);
}

/* How many bytes of c have their top bit set (c holds top bits only). */
static inline size_t
count_top_bits(uint64_t c)
{
    c >>= 7;
    c += c >> 8;
    c += c >> 16;
    c += c >> 32;
    return (size_t)(c & 0xFF);
}

/* Code points in UTF-8 s[0..n): the bytes that are not continuation bytes. */
static inline Py_ssize_t
count_code_points(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t cont = 0, i = 0;
    if (n < 16) { /* a word: a plain loop beats the setting up below */
        for (; i < n; i++)
            cont += (u[i] & 0xC0) == 0x80;
        return (Py_ssize_t)(n - cont);
    }
#if defined(__SSE2__)
    /* 16 bytes at a time: a continuation byte is below -64 as a signed
     * byte; up to 255 blocks of 0/1 byte counts add up before psadbw
     * sums them */
    const __m128i lim = _mm_set1_epi8(-64), one = _mm_set1_epi8(1), zero = _mm_setzero_si128();
    while (n - i >= 16) {
        size_t blocks = (n - i) / 16;
        if (blocks > 255)
            blocks = 255;
        __m128i acc = zero;
        for (size_t b = 0; b < blocks; b++, i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(u + i));
            acc = _mm_add_epi8(acc, _mm_and_si128(_mm_cmplt_epi8(v, lim), one));
        }
        __m128i sums = _mm_sad_epu8(acc, zero);
        cont += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
    }
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, u + i, 8);
        cont += count_top_bits(continuation_bits(w));
    }
    for (; i < n; i++)
        cont += (u[i] & 0xC0) == 0x80;
    return (Py_ssize_t)(n - cont);
}

#ifdef HAVE_AVX512_ENCODER
/* count_code_points with AVX-512 (F, BW): 64 bytes at a time, the last
 * ones by a masked load, which reads nothing past n. */
__attribute__((target("avx512f,avx512bw,popcnt"))) static Py_ssize_t
count_code_points_avx512(const char *s, size_t n)
{
    const __m512i lim = _mm512_set1_epi8(-64);
    size_t cont = 0, i = 0;
    for (; n - i >= 64; i += 64)
        cont += (size_t)_mm_popcnt_u64(_mm512_cmplt_epi8_mask(_mm512_loadu_si512((const void *)(s + i)), lim));
    if (i < n) {
        __mmask64 m = (UINT64_C(1) << (n - i)) - 1;
        cont += (size_t)_mm_popcnt_u64(_mm512_cmplt_epi8_mask(_mm512_maskz_loadu_epi8(m, s + i), lim));
    }
    return (Py_ssize_t)(n - cont);
}
#endif

/* count_code_points by the best way this CPU has (fast: count_fast()). */
static inline Py_ssize_t
count_code_points_by(const char *s, size_t n, int fast)
{
#ifdef HAVE_AVX512_ENCODER
    if (fast)
        return count_code_points_avx512(s, n);
#else
    (void)fast;
#endif
    return count_code_points(s, n);
}

/* Whether count_code_points_by may take its AVX-512 way on this CPU. */
static int
count_fast(void)
{
#ifdef HAVE_AVX512_ENCODER
    return have_avx512bw();
#else
    return 0;
#endif
}

/* Code points in s[0..n), n <= 16, where 16 bytes can be read from s
 * whatever n (the UTF-8 of a utf8_view made by utf8_view_encode has that
 * slack past its end): the continuation bytes of two 8-byte words, those
 * past n masked off, counted without a loop. */
static inline Py_ssize_t
count_code_points_short(const char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t w0, w1;
    memcpy(&w0, s, 8);
    memcpy(&w1, s + 8, 8);
    /* the first bytes are the low ones */
    uint64_t c0 = continuation_bits(w0), c1 = continuation_bits(w1);
    c0 &= n >= 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * n)) - 1;
    c1 &= n >= 16 ? ~UINT64_C(0) : n <= 8 ? 0 : (UINT64_C(1) << (8 * (n - 8))) - 1;
    return (Py_ssize_t)(n - count_top_bits(c0) - count_top_bits(c1));
#else
    return count_code_points(s, n);
#endif
}

/* The largest byte of s[0..n). */
static unsigned
max_byte(const unsigned char *u, size_t n)
{
    size_t i = 0;
    unsigned m = 0;
#if defined(__SSE2__)
    __m128i acc = _mm_setzero_si128();
    for (; i + 16 <= n; i += 16)
        acc = _mm_max_epu8(acc, _mm_loadu_si128((const __m128i *)(u + i)));
    acc = _mm_max_epu8(acc, _mm_srli_si128(acc, 8));
    acc = _mm_max_epu8(acc, _mm_srli_si128(acc, 4));
    acc = _mm_max_epu8(acc, _mm_srli_si128(acc, 2));
    acc = _mm_max_epu8(acc, _mm_srli_si128(acc, 1));
    m = (unsigned)_mm_cvtsi128_si32(acc) & 0xFF;
#endif
    for (; i < n; i++)
        m = u[i] > m ? u[i] : m;
    return m;
}

/* Decodes the UTF-8 s[0..n) into out (room for as many code points as s
 * has bytes that are not continuation bytes); returns how many it wrote, or
 * -1 where a byte cannot begin a character or one is cut short. Each one
 * written takes a byte that is not a continuation byte, so it never writes
 * more. A run of eight ASCII bytes is copied without looking at each. */
#define DEFINE_DECODE_TO(name, T)                                                   \
    static Py_ssize_t name(const unsigned char *u, size_t n, T *out)                \
    {                                                                               \
        T *const out0 = out;                                                        \
        size_t i = 0;                                                               \
        while (i < n) {                                                             \
            uint64_t w;                                                             \
            if (i + 8 <= n && (memcpy(&w, u + i, 8), (w & UINT64_C(0x8080808080808080)) == 0)) { \
                for (int j = 0; j < 8; j++)                                         \
                    out[j] = u[i + j];                                              \
                out += 8;                                                           \
                i += 8;                                                             \
                continue;                                                           \
            }                                                                       \
            unsigned c = u[i];                                                      \
            if (c < 0x80) {                                                         \
                *out++ = (T)c;                                                      \
                i += 1;                                                             \
            } else if (c < 0xC0) {                                                  \
                return -1;                                                          \
            } else if (c < 0xE0) {                                                  \
                if (n - i < 2)                                                      \
                    return -1;                                                      \
                *out++ = (T)(((c & 0x1F) << 6) | (u[i + 1] & 0x3F));                \
                i += 2;                                                             \
            } else if (c < 0xF0) {                                                  \
                if (n - i < 3)                                                      \
                    return -1;                                                      \
                *out++ = (T)(((c & 0x0F) << 12) | ((u[i + 1] & 0x3F) << 6) |        \
                             (u[i + 2] & 0x3F));                                    \
                i += 3;                                                             \
            } else {                                                                \
                if (n - i < 4)                                                      \
                    return -1;                                                      \
                *out++ = (T)(((c & 0x07) << 18) | ((u[i + 1] & 0x3F) << 12) |       \
                             ((u[i + 2] & 0x3F) << 6) | (u[i + 3] & 0x3F));         \
                i += 4;                                                             \
            }                                                                       \
        }                                                                           \
        return out - out0;                                                          \
    }
DEFINE_DECODE_TO(decode_to_ucs1, Py_UCS1)
DEFINE_DECODE_TO(decode_to_ucs2, Py_UCS2)
DEFINE_DECODE_TO(decode_to_ucs4, Py_UCS4)
#undef DEFINE_DECODE_TO

/* A new str from UTF-8 that the C library made, so valid. Its kind comes
 * from the largest byte: below 0x80 all ASCII; below 0xC4 no lead byte
 * above C3, so every code point below 0x100; below 0xF0 none of four
 * bytes, so below 0x10000 (a lead byte at or above C4, or E0, means a code
 * point at or above 0x100, or 0x800: the str is of that kind exactly, as
 * CPython wants). CPython's own decoder starts narrow and widens, which
 * costs it a second pass on Vietnamese text. Bytes that are not UTF-8
 * after all go to that decoder, which says what is wrong. */
static PyObject *
str_from_utf8(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n > (size_t)PY_SSIZE_T_MAX) {
        PyErr_NoMemory();
        return NULL;
    }
    unsigned m = max_byte(u, n);
    if (m >= 0x80 && m <= 0xF4) {
        Py_ssize_t ncp = count_code_points(s, n);
        Py_UCS4 maxchar = m < 0xC4 ? 0xFF : m < 0xF0 ? 0xFFFF : 0x10FFFF;
        PyObject *r = PyUnicode_New(ncp, maxchar);
        if (r == NULL)
            return NULL;
        void *d = PyUnicode_DATA(r);
        Py_ssize_t k = PyUnicode_KIND(r) == PyUnicode_1BYTE_KIND   ? decode_to_ucs1(u, n, d)
                       : PyUnicode_KIND(r) == PyUnicode_2BYTE_KIND ? decode_to_ucs2(u, n, d)
                                                                   : decode_to_ucs4(u, n, d);
        if (k == ncp)
            return r;
        Py_DECREF(r);
    }
    return PyUnicode_DecodeUTF8(n ? s : "", (Py_ssize_t)n, "strict");
}

/* Above this code point a str of the given kind needs that kind (an
 * ASCII str aside): 0x7F for one byte, 0xFF for two, 0xFFFF for four. */
static inline Py_UCS4
kind_floor(int kind)
{
    return kind == PyUnicode_1BYTE_KIND ? 0x7F : kind == PyUnicode_2BYTE_KIND ? 0xFF : 0xFFFF;
}

/* OR of the code points text[a..b) of a str of the given kind: below 0x80,
 * 0x100 or 0x10000 exactly when every one of them is. It stops at the
 * first code point above kind_floor(kind), since the OR is then above it
 * too, and a str made of these code points needs the kind of text itself:
 * Vietnamese text in a two-byte str has one in its first words. */
static Py_UCS4
or_code_points(int kind, const void *data, Py_ssize_t a, Py_ssize_t b)
{
    Py_UCS4 acc = 0;
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = data;
        for (Py_ssize_t i = a; i < b && acc < 0x80; i++)
            acc |= p[i];
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *p = data;
        for (Py_ssize_t i = a; i < b && acc < 0x100; i++)
            acc |= p[i];
    } else {
        const Py_UCS4 *p = data;
        for (Py_ssize_t i = a; i < b && acc < 0x10000; i++)
            acc |= p[i];
    }
    return acc;
}

/* Applies edits, made on the UTF-8 u[0..ulen) of text, to text. Returns a
 * new str, or NULL with an exception set. */
static PyObject *
splice_edits(PyObject *text, const char *u, size_t ulen, const vnt_edits *ed)
{
    PyObject *result = NULL;
    Py_ssize_t *cps = NULL;   /* per edit: code-point start and end in text */
    Py_UCS4 *repl = NULL;     /* all replacements, decoded */
    Py_ssize_t *rstart = NULL; /* per edit: its first code point in repl */
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    size_t ne = ed->len;

    if (ne > (size_t)PY_SSIZE_T_MAX / (3 * sizeof(Py_ssize_t)) ||
        ed->text.len > (size_t)PY_SSIZE_T_MAX / sizeof(Py_UCS4) - 1) {
        PyErr_NoMemory();
        goto done;
    }
    cps = malloc((2 * ne + 1) * sizeof *cps);
    rstart = malloc((ne + 1) * sizeof *rstart);
    repl = malloc((ed->text.len + 1) * sizeof *repl);
    if (cps == NULL || rstart == NULL || repl == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    /* where the edits are in code points, the new length, the widest char */
    size_t bpos = 0;
    Py_ssize_t cpos = 0, newlen = n, rpos = 0, kept_from = 0;
    Py_UCS4 acc = 0;
    for (size_t k = 0; k < ne; k++) {
        const vnt_edit *x = &ed->items[k];
        if (x->start < bpos || x->end < x->start || x->end > ulen) {
            PyErr_SetString(PyExc_SystemError, "vntext: edits out of order");
            goto done;
        }
        cpos += count_code_points(u + bpos, x->start - bpos);
        cps[2 * k] = cpos;
        cpos += count_code_points(u + x->start, x->end - x->start);
        cps[2 * k + 1] = cpos;
        bpos = x->end;
        if (acc <= kind_floor(kind))
            acc |= or_code_points(kind, data, kept_from, cps[2 * k]);
        kept_from = cps[2 * k + 1];
        rstart[k] = rpos;
        Py_ssize_t r = decode_to_ucs4((const unsigned char *)ed->text.data + x->repl,
                                      x->repl_len, repl + rpos);
        if (r < 0) {
            PyErr_SetString(PyExc_SystemError, "vntext: replacement is not UTF-8");
            goto done;
        }
        for (Py_ssize_t j = rpos; j < rpos + r; j++)
            acc |= repl[j];
        rpos += r;
        newlen += r - (cps[2 * k + 1] - cps[2 * k]);
    }
    rstart[ne] = rpos;
    if (acc <= kind_floor(kind))
        acc |= or_code_points(kind, data, kept_from, n);
    result = PyUnicode_New(newlen, acc >= 0x10000 ? 0x10FFFF : acc);
    if (result == NULL)
        goto done;
    /* copy: kept stretches from text, replacements from repl */
    int okind = PyUnicode_KIND(result);
    void *odata = PyUnicode_DATA(result);
    Py_ssize_t out = 0;
    kept_from = 0;
    for (size_t k = 0; k <= ne; k++) {
        Py_ssize_t kept_to = k < ne ? cps[2 * k] : n;
        if (kept_to > kept_from) {
            if (PyUnicode_CopyCharacters(result, out, text, kept_from, kept_to - kept_from) < 0) {
                Py_CLEAR(result);
                goto done;
            }
            out += kept_to - kept_from;
        }
        if (k == ne)
            break;
        for (Py_ssize_t j = rstart[k]; j < rstart[k + 1]; j++)
            PyUnicode_WRITE(okind, odata, out++, repl[j]);
        kept_from = cps[2 * k + 1];
    }
done:
    free(cps);
    free(rstart);
    free(repl);
    return result;
}

#endif /* VNTEXT_STRCONV_H */
