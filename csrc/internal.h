/* Internal helpers shared by the C sources of vntext. Not installed, not
 * public: functions here are static inline, or named vnt__ (two
 * underscores) and hidden from the shared object. */
#ifndef VNTEXT_INTERNAL_H
#define VNTEXT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vntext.h"

#if defined(__GNUC__)
#define VNT_INTERNAL __attribute__((visibility("hidden")))
#define VNT_INLINE static inline __attribute__((always_inline))
#define VNT_LIKELY(x) __builtin_expect(!!(x), 1)
#define VNT_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define VNT_NOINLINE __attribute__((noinline))
#else
#define VNT_INTERNAL
#define VNT_INLINE static inline
#define VNT_LIKELY(x) (x)
#define VNT_UNLIKELY(x) (x)
#define VNT_NOINLINE
#endif

/* The version of the segmenter model file that csrc/segment.c reads (the
 * header's version field; tools/SEGMENTER.md), and the same number as a
 * string literal, for messages. */
#define VNT__MODEL_VERSION 6
#define VNT__STRINGIFY_(x) #x
#define VNT__STRINGIFY(x) VNT__STRINGIFY_(x)
#define VNT__MODEL_VERSION_STR VNT__STRINGIFY(VNT__MODEL_VERSION)

/* Compares the bytes s[0..n) with the NUL-terminated table word w, in the
 * order of memcmp over the shorter length, then the shorter first: <0, 0
 * or >0. For binary searches over short generated word tables. */
VNT_INLINE int vnt__cmp_word(const unsigned char *s, size_t n, const char *w)
{
    const unsigned char *v = (const unsigned char *)w;
    for (size_t i = 0;; i++) {
        if (i == n)
            return v[i] ? -1 : 0;
        if (v[i] == 0)
            return 1;
        if (s[i] != v[i])
            return (int)s[i] - (int)v[i];
    }
}

/* The 32-bit FNV-1a hash of s[0..n). */
VNT_INLINE uint32_t vnt__fnv1a(const unsigned char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 16777619u;
    return h;
}

/* 1 when s[0..n) is one of the words of a generated table, found through
 * its open-addressing hash (size a power of two, -1 for an empty slot,
 * FNV-1a of the bytes; tools/gen_abbrev.py builds both). */
VNT_INLINE int vnt__word_in(const unsigned char *s, size_t n, const char *const *words,
                            const short *hash, size_t size)
{
    for (size_t k = vnt__fnv1a(s, n) & (size - 1);; k = (k + 1) & (size - 1)) {
        if (hash[k] < 0)
            return 0;
        if (vnt__cmp_word(s, n, words[hash[k]]) == 0)
            return 1;
    }
}

/* The canonical spelling of the word s[0..n) written to out (room for
 * VNT__RESPELL_MAX bytes): for a syllable NFC in the modern tone style and
 * its own case, for another word of 32 bytes at most its NFC; its length,
 * or 0 when s is spelled so already (syllable.c). */
#define VNT__RESPELL_MAX 32
VNT_INTERNAL size_t vnt__respell(const unsigned char *s, size_t n, char *out);
/* vnt__word_in for vnt__respell of s[0..n); 0 when that is s itself. */
VNT_INTERNAL int vnt__word_in_respelled(const unsigned char *s, size_t n,
                                        const char *const *words, const short *hash,
                                        size_t size);

/* 0 for a word that vnt__respell leaves as it is, so that it need not be
 * parsed: only a word with a combining mark (U+0300..U+036F: lead byte CC
 * or CD) or with a vowel a, e, y after a byte above ASCII (the end of a
 * toned o or u of the traditional style: hòa, thủy) can be spelled
 * otherwise. */
VNT_INLINE int vnt__may_respell(const unsigned char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (s[k] == 0xCC || s[k] == 0xCD ||
            (k > 0 && s[k - 1] >= 0x80 &&
             ((s[k] | 32) == 'a' || (s[k] | 32) == 'e' || (s[k] | 32) == 'y')))
            return 1;
    return 0;
}

/* vnt__word_in for a word in any Unicode form or tone-placement style: the
 * bytes as written, then, for a Vietnamese syllable spelled otherwise, its
 * canonical spelling in the modern style and its own case, the form of the
 * generated tables ("Tòa" and NFD "Với" find "Toà" and "Với"). */
VNT_INLINE int vnt__word_in_canonical(const unsigned char *s, size_t n, const char *const *words,
                                      const short *hash, size_t size)
{
    return vnt__word_in(s, n, words, hash, size) ||
           (vnt__may_respell(s, n) && vnt__word_in_respelled(s, n, words, hash, size));
}

/* Emoticons (csrc/scan.c reads them, the sentence splitter's fast pass
 * stops at them): 1 for a character that may follow the eyes : ; = of a
 * face, a nose (- ') or a mouth. The nibble tables of the fast pass
 * (FACE_LO, FACE_HI in sentences.c) hold the same set. */
VNT_INLINE int vnt__face_mouth(unsigned char c)
{
    switch (c) {
    case '-': case '\'': case ')': case '(': case ']': case '[': case '*': case '|': case '<':
    case '>': case '3': case 'D': case 'd': case 'P': case 'p': case 'V': case 'v': case 'O':
    case 'o':
        return 1;
    default:
        return 0;
    }
}

/* 1 when the word w[0..n) is one capital that makes an initial with a
 * period after it ("N.", "Đ."): an ASCII capital or Đ. Other capitals with
 * a diacritic are words: Á (Đông Á), Ư (Na Ư), Ý. */
VNT_INLINE int vnt__initial_letter(const unsigned char *w, size_t n)
{
    return (n == 1 && w[0] >= 'A' && w[0] <= 'Z') || (n == 2 && w[0] == 0xC4 && w[1] == 0x90);
}

/* Decodes one UTF-8 code point from s[i..len). Returns its length in bytes
 * (1..4) and stores the code point in *cp, or returns 0 when the bytes at i
 * are not valid UTF-8 (overlong forms, surrogates and values above U+10FFFF
 * are invalid). i < len is required. */
VNT_INLINE size_t vnt__utf8_decode(const unsigned char *s, size_t len,
                                      size_t i, int32_t *cp)
{
    unsigned c = s[i];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    if (c < 0xC2)
        return 0;
    if (c < 0xE0) {
        if (i + 1 >= len || (s[i + 1] & 0xC0) != 0x80)
            return 0;
        *cp = (int32_t)(((c & 0x1F) << 6) | (s[i + 1] & 0x3F));
        return 2;
    }
    if (c < 0xF0) {
        if (i + 2 >= len || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80)
            return 0;
        uint32_t v = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
        if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = (int32_t)v;
        return 3;
    }
    if (c < 0xF5) {
        if (i + 3 >= len || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 ||
            (s[i + 3] & 0xC0) != 0x80)
            return 0;
        uint32_t v = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) |
                     ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
        if (v < 0x10000 || v > 0x10FFFF)
            return 0;
        *cp = (int32_t)v;
        return 4;
    }
    return 0;
}

/* Encodes cp (a valid scalar value) as UTF-8 into dst (room for 4 bytes).
 * Returns the number of bytes written. */
VNT_INLINE size_t vnt__utf8_encode(int32_t cp, char *dst)
{
    uint32_t v = (uint32_t)cp;
    if (v < 0x80) {
        dst[0] = (char)v;
        return 1;
    }
    if (v < 0x800) {
        dst[0] = (char)(0xC0 | (v >> 6));
        dst[1] = (char)(0x80 | (v & 0x3F));
        return 2;
    }
    if (v < 0x10000) {
        dst[0] = (char)(0xE0 | (v >> 12));
        dst[1] = (char)(0x80 | ((v >> 6) & 0x3F));
        dst[2] = (char)(0x80 | (v & 0x3F));
        return 3;
    }
    dst[0] = (char)(0xF0 | (v >> 18));
    dst[1] = (char)(0x80 | ((v >> 12) & 0x3F));
    dst[2] = (char)(0x80 | ((v >> 6) & 0x3F));
    dst[3] = (char)(0x80 | (v & 0x3F));
    return 4;
}

/* Appends one code point to buf. */
static inline vnt_status vnt__buf_put_cp(vnt_buf *buf, int32_t cp)
{
    if (buf->cap - buf->len < 4) {
        vnt_status st = vnt_buf_reserve(buf, 4);
        if (st != VNT_OK)
            return st;
    }
    buf->len += vnt__utf8_encode(cp, buf->data + buf->len);
    return VNT_OK;
}

/* 1 when s[0..len) is valid UTF-8; otherwise 0 and the offset of the first
 * bad byte in *bad. */
VNT_INTERNAL int vnt__utf8_valid(const char *s, size_t len, size_t *bad);

/* Appends to toks the tokens of s[a..b), a stretch of text that white space
 * (or the ends of the text) bounds on both sides, with absolute offsets.
 * The tokens are those that vnt_scan() gives for that stretch of the whole
 * text: no token reaches across white space, so a stretch scans alike
 * alone or in its text. The first token is marked VNT_TF_SPACE_BEFORE. */
VNT_INTERNAL vnt_status vnt__scan_chunk(const char *s, size_t a, size_t b, vnt_tokens *toks);
/* 1 when the word u[a..a+n) of a text is an abbreviation of the generated
 * table (the scanner makes "TP." one token); one lower-case letter after a
 * number is its unit ("15 p."), no abbreviation. */
VNT_INTERNAL int vnt__abbrev_known_at(const unsigned char *u, size_t a, size_t n);

/* 1 when u[a] follows a slash, or a hyphen glued to a word ("A/B",
 * "USB-C", "Type-C", "micro-B"): one letter there is a unit, one of a pair
 * or a model's letter, not an initial (the scanner and the splitter). */
VNT_INLINE int vnt__after_joiner(const unsigned char *u, size_t a)
{
    if (a == 0)
        return 0;
    if (u[a - 1] == '/')
        return 1;
    unsigned char c = a > 1 ? u[a - 2] : 0;
    return u[a - 1] == '-' && a > 1 &&
           (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'));
}
/* 1 when s[0..n) is lower-case ASCII letters whose capitals or title case
 * is an abbreviation of the table ("gs" for GS, "q" for Q), or an entry in
 * mixed case in any case ("ths" for ThS): how a text without capitals
 * writes them. */
VNT_INTERNAL int vnt__abbrev_known_lower(const unsigned char *s, size_t n);
/* 1 when s[0..n), as written or in capitals or title case, is one of the
 * abbreviations that take a number ("Q" of "Q. 12" and "Q.3", "q", "KP",
 * "tr": the numbered table of csrc/abbrev_table.h). */
VNT_INTERNAL int vnt__abbrev_takes_number(const unsigned char *s, size_t n);

/* The canonical spelling of a parsed syllable (NFC, the tone placed by
 * style, the case given) written to out, which has room for VNT__SPELL_MAX
 * bytes; returns its length. vnt_syllable_format() appends the same. */
#define VNT__SPELL_MAX (3 * VNT_SYLLABLE_MAX_LETTERS)
VNT_INTERNAL size_t vnt__syllable_spell(const vnt_syllable *syl, vnt_style style,
                                        vnt_case case_pattern, char *out);

/* Grows a token array (doubling). */
VNT_INTERNAL vnt_status vnt__tokens_grow(vnt_tokens *toks);

/* The scanner's view of a code point: 1 an upper- or title-case letter,
 * 2 a lower-case letter, 3 a letter without case, 0 anything else. */
VNT_INTERNAL int vnt__letter_case(int32_t cp);

/* The scanner's view of a code point as white space: 1 white space without
 * a line break (tab, space, Zs, ZWSP, BOM), 2 a line break (LF, VT, FF,
 * CR, NEL, LS, PS), 0 neither. */
VNT_INTERNAL int vnt__space_kind(int32_t cp);
/* 1 for ASCII white space or a line break: space, TAB, LF, VT, FF, CR. */
VNT_INLINE int vnt__ascii_ws(unsigned char c) { return c == ' ' || (c >= 0x09 && c <= 0x0D); }

/* The length of the white space character of a line at u[i] (before
 * end): 1 for a space or a tab, the length of a wide one (no-break space
 * U+00A0, U+2000-U+200B, U+202F, U+3000...: the scanner's spaces), else 0
 * (a line break too). The rules below read white space on the bytes; a
 * no-break space, as HTML leaves in text, is a space to them as it is to
 * the scanner, and a run of spaces is as one: "Lê Thị  K." is "Lê Thị K."
 * (sentences.c, scan.c). */
VNT_INLINE size_t vnt__hspace_at(const unsigned char *u, size_t end, size_t i)
{
    if (i >= end)
        return 0;
    unsigned char c = u[i];
    if (c == ' ' || c == '\t')
        return 1;
    /* the lead bytes of such spaces: C2 (U+00A0), E1 9A (U+1680), E2
     * (U+2000-U+200B, U+202F, U+205F), E3 (U+3000), EF (U+FEFF); not the
     * E1 BA/BB of Vietnamese letters, which are most of the text */
    if (!(c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF ||
          (c == 0xE1 && i + 1 < end && u[i + 1] == 0x9A)))
        return 0;
    int32_t cp;
    size_t n = vnt__utf8_decode(u, end, i, &cp);
    return n != 0 && vnt__space_kind(cp) == 1 ? n : 0;
}

/* vnt__hspace_at for the character that ends at u[e] (after lo). */
VNT_INLINE size_t vnt__hspace_before(const unsigned char *u, size_t lo, size_t e)
{
    if (e <= lo)
        return 0;
    unsigned char c = u[e - 1];
    if (c == ' ' || c == '\t')
        return 1;
    if ((c & 0xC0) != 0x80) /* ASCII, or a lead byte: no character ends there */
        return 0;
    if (e - lo >= 2 && u[e - 2] == 0xC2) /* U+0080..U+00BF: U+00A0 only */
        return vnt__hspace_at(u, e, e - 2) == 2 ? 2 : 0;
    /* the others are three bytes long (vnt__hspace_at) */
    return e - lo >= 3 && vnt__hspace_at(u, e, e - 3) == 3 ? 3 : 0;
}

/* The end of the run of white space of a line at u[i] (i when none). */
VNT_INLINE size_t vnt__skip_hspace(const unsigned char *u, size_t end, size_t i)
{
    size_t k;
    while ((k = vnt__hspace_at(u, end, i)) != 0)
        i += k;
    return i;
}

/* The start of the run of white space of a line that ends at u[e] (after
 * lo; e when none). */
VNT_INLINE size_t vnt__skip_hspace_back(const unsigned char *u, size_t lo, size_t e)
{
    size_t k;
    while ((k = vnt__hspace_before(u, lo, e)) != 0)
        e -= k;
    return e;
}

/* The case of the character at u[i] (not ASCII; i < len) as text_case()
 * reads it, and its length in *k: 1 upper, 2 lower (vnt__letter_case 1
 * and 2), 4 a line break (vnt__space_kind 2), 0 anything else, also bytes
 * that are not valid UTF-8 (*k 1). The letters of Vietnamese, the rest of
 * Latin-1 and the general punctuation are read from their bytes, the other
 * characters decoded: a text without capitals is read to its end, and
 * decoding each character was most of the time of splitting it. */
VNT_INLINE int vnt__text_char_case(const unsigned char *u, size_t len, size_t i, size_t *k)
{
    const unsigned c = u[i];
    const unsigned n = i + 1 < len ? u[i + 1] : 0;
    if (c == 0xC3 && (n & 0xC0) == 0x80) { /* U+00C0..U+00FF */
        *k = 2;
        return n == 0x97 || n == 0xB7 ? 0 : n < 0x9F ? 1 : 2; /* not the signs x and / */
    }
    if (c == 0xE1 && (n == 0xBA || n == 0xBB) && i + 2 < len && (u[i + 2] & 0xC0) == 0x80 &&
        (n == 0xBB || u[i + 2] >= 0xA0)) { /* U+1EA0..U+1EFF: upper, lower by turns */
        *k = 3;
        return u[i + 2] & 1 ? 2 : 1;
    }
    if ((c == 0xC4 || c == 0xC5 || c == 0xC6) && (n & 0xC0) == 0x80) {
        /* ă Ă, đ Đ, ĩ Ĩ, ũ Ũ, ơ Ơ, ư Ư */
        const unsigned cp = ((c & 0x1F) << 6) | (n & 0x3F);
        *k = 2;
        switch (cp) {
        case 0x102: case 0x110: case 0x128: case 0x168: case 0x1A0: case 0x1AF:
            return 1;
        case 0x103: case 0x111: case 0x129: case 0x169: case 0x1A1: case 0x1B0:
            return 2;
        default:
            break;
        }
    }
    if (c == 0xE2 && n == 0x80 && i + 2 < len && (u[i + 2] & 0xC0) == 0x80) { /* U+2000..U+203F */
        *k = 3;
        return u[i + 2] == 0xA8 || u[i + 2] == 0xA9 ? 4 : 0; /* LS, PS */
    }
    int32_t cp;
    if ((*k = vnt__utf8_decode(u, len, i, &cp)) == 0) {
        *k = 1;
        return 0;
    }
    const int lc = vnt__letter_case(cp);
    return lc == 1 || lc == 2 ? lc : lc == 0 && vnt__space_kind(cp) == 2 ? 4 : 0;
}

/* For the C tests (sentences.c): the case of a text as the splitter reads
 * it, and the same one character at a time. */
VNT_INTERNAL int vnt__text_case(const char *s, size_t len, int to_lf);
VNT_INTERNAL int vnt__text_case_slow(const char *s, size_t len, int to_lf);

/* 1 for a character that may go on a word: a letter, a digit, a combining
 * mark (or a format character the scanner keeps with its letter, ZWJ). */
VNT_INTERNAL int vnt__word_char(int32_t cp);

/* For the C tests of the segmenter: every intermediate value of one
 * sentence (all the tokens of s, newlines left out, taken as one sentence),
 * the labels those of the model (tools/SEGMENTER.md), before the rules that
 * segment.c applies to them after it (lone_capitals, conjunction_edges).
 * Arrays are malloc'd; vnt__segtrace_free() frees them. */
typedef struct {
    size_t n;                 /* units (model tokens) */
    size_t *start, *end;      /* their byte spans */
    uint64_t *value, *toneless;
    unsigned *shape;
    unsigned *gapcol;         /* per gap, 8 values: span lend rstart fmm bmm lmask capl capr */
    unsigned ntpl;
    unsigned tids[64];
    uint64_t *keys;           /* per gap, ntpl keys */
    double *score;
    double *key_score;        /* per gap, the weights of its keys summed one by one (the
                               * reference for the score, which reads some from arrays) */
    uint8_t *label;           /* 1 JOIN */
} vnt__segtrace;

/* vnt_word_pieces with the text scanned a window of about window bytes at
 * a time; window 0 scans it whole first (the reference for tests). */
VNT_INTERNAL vnt_status vnt__word_pieces_window(const vnt_segmenter *seg, const char *s,
                                                size_t len, vnt_segwork *work, vnt_spans *out,
                                                vnt_spans *pieces, size_t window);
VNT_INTERNAL vnt_status vnt__segment_trace(const vnt_segmenter *seg, const char *s, size_t len,
                                           vnt__segtrace *tr);
VNT_INTERNAL void vnt__segtrace_free(vnt__segtrace *tr);

/* Doubles the room of out (64 spans at first). */
VNT_INTERNAL vnt_status vnt__spans_grow(vnt_spans *out);

/* Appends the span [a, b) to out, growing it (doubling). Inline: the
 * segmenter pushes every word and every piece of a word. */
VNT_INLINE vnt_status vnt__spans_push(vnt_spans *out, size_t a, size_t b)
{
    if (VNT_UNLIKELY(out->len == out->cap)) {
        vnt_status st = vnt__spans_grow(out);
        if (st != VNT_OK)
            return st;
    }
    out->items[out->len].start = a;
    out->items[out->len].end = b;
    out->len++;
    return VNT_OK;
}

#endif /* VNTEXT_INTERNAL_H */
