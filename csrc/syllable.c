/* The Vietnamese syllable parser: onset + nucleus + coda, the placement of
 * the tone mark, and the identity of a syllable independent of case, Unicode
 * form and tone-placement style. The rules are those of the nucleus table in
 * the project's tone-mark notes (tone on the shaped vowel, else the middle of
 * three vowels, else the second of a closed pair, else the first of an open
 * pair; open oa/oe/uy follow the style). */
#include <utf8proc.h>

#include "letters.h"

/* Onsets, index 0 = none. Letter codes; D = đ. */
static const char *const ONSETS[] = {
    "",   "b",  "c",  "ch", "d",  "D",  "g",  "gh", "gi", "h",
    "k",  "kh", "l",  "m",  "n",  "ng", "ngh", "nh", "p", "ph",
    "qu", "r",  "s",  "t",  "th", "tr", "v",  "x",
};
#define N_ONSETS ((int)(sizeof ONSETS / sizeof ONSETS[0]))
static const uint8_t ONSET_LEN[] = {0, 1, 1, 2, 1, 1, 1, 2, 2, 1, 1, 2, 1, 1,
                                    1, 2, 3, 2, 1, 2, 2, 1, 1, 1, 2, 2, 1, 1};
enum { ONSET_GI = 8, ONSET_QU = 20 };

/* Codas, index 0 = none; bit (1 << (index - 1)) in the masks below. */
static const char *const CODAS[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};
#define N_CODAS ((int)(sizeof CODAS / sizeof CODAS[0]))
enum {
    C_C = 1, C_CH = 2, C_M = 4, C_N = 8, C_NG = 16, C_NH = 32, C_P = 64, C_T = 128,
    C_ALL = 255,
    C_STOPNASAL = C_C | C_M | C_N | C_NG | C_P | C_T
};

#define TONE_BY_STYLE (-1)

/* The nuclei: name, letter codes (up to 3), allowed open, allowed codas,
 * index of the vowel that carries the tone (or TONE_BY_STYLE). Names spell
 * the shaped vowels the Telex way: aw = ă, aa = â, ee = ê, oo = ô, ow = ơ,
 * uw = ư; o_o is the loan nucleus oo (xoong), oo_oo is ôô. */
#define NUCLEUS_LIST(X) \
    /* one vowel */ \
    X(a, 'a', 0, 0, 1, C_ALL, 0) \
    X(aw, 'W', 0, 0, 0, C_STOPNASAL, 0) \
    X(aa, 'A', 0, 0, 0, C_STOPNASAL, 0) \
    X(e, 'e', 0, 0, 1, C_ALL, 0) \
    X(ee, 'E', 0, 0, 1, C_ALL, 0) \
    X(i, 'i', 0, 0, 1, C_C | C_CH | C_M | C_N | C_NH | C_P | C_T, 0) \
    X(o, 'o', 0, 0, 1, C_STOPNASAL, 0) \
    X(oo, 'O', 0, 0, 1, C_STOPNASAL, 0) \
    X(ow, 'P', 0, 0, 1, C_M | C_N | C_P | C_T, 0) \
    X(u, 'u', 0, 0, 1, C_STOPNASAL, 0) \
    X(uw, 'U', 0, 0, 1, C_C | C_M | C_N | C_NG | C_T, 0) \
    X(y, 'y', 0, 0, 1, C_CH | C_N | C_NH | C_T, 0)  /* closed only after qu (checked) */ \
    /* two vowels, open, tone on the first (the shaped one where there is one) */ \
    X(ai, 'a', 'i', 0, 1, 0, 0) \
    X(ao, 'a', 'o', 0, 1, 0, 0) \
    X(au, 'a', 'u', 0, 1, 0, 0) \
    X(ay, 'a', 'y', 0, 1, 0, 0) \
    X(eo, 'e', 'o', 0, 1, 0, 0) \
    X(ia, 'i', 'a', 0, 1, 0, 0) \
    X(iu, 'i', 'u', 0, 1, 0, 0) \
    X(oi, 'o', 'i', 0, 1, 0, 0) \
    X(ua, 'u', 'a', 0, 1, 0, 0) \
    X(ui, 'u', 'i', 0, 1, 0, 0) \
    X(uwa, 'U', 'a', 0, 1, 0, 0) \
    X(uwi, 'U', 'i', 0, 1, 0, 0) \
    X(uwu, 'U', 'u', 0, 1, 0, 0) \
    X(aau, 'A', 'u', 0, 1, 0, 0) \
    X(aay, 'A', 'y', 0, 1, 0, 0) \
    X(eeu, 'E', 'u', 0, 1, 0, 0) \
    X(ooi, 'O', 'i', 0, 1, 0, 0) \
    X(owi, 'P', 'i', 0, 1, 0, 0) \
    /* two vowels, tone on the second */ \
    X(iee, 'i', 'E', 0, 0, C_STOPNASAL, 1) \
    X(yee, 'y', 'E', 0, 0, C_M | C_N | C_NG | C_P | C_T, 1) \
    X(uoo, 'u', 'O', 0, 0, C_STOPNASAL, 1) \
    X(uwow, 'U', 'P', 0, 1, C_STOPNASAL, 1)  /* được; open in hươ */ \
    X(uow, 'u', 'P', 0, 1, 0, 1)  /* thuở, huơ */ \
    X(uaa, 'u', 'A', 0, 0, C_N | C_NG | C_T, 1) \
    X(uee, 'u', 'E', 0, 1, C_CH | C_NH, 1) \
    X(oaw, 'o', 'W', 0, 0, C_C | C_M | C_N | C_NG | C_T, 1) \
    X(o_o, 'o', 'o', 0, 0, C_C | C_NG, 1) \
    X(oo_oo, 'O', 'O', 0, 0, C_C | C_NG, 1) \
    /* open syllables follow the style, closed ones take the second vowel */ \
    X(oa, 'o', 'a', 0, 1, C_ALL, TONE_BY_STYLE) \
    X(oe, 'o', 'e', 0, 1, C_M | C_N | C_T, TONE_BY_STYLE) \
    X(uy, 'u', 'y', 0, 1, C_CH | C_N | C_NH | C_P | C_T, TONE_BY_STYLE) \
    /* three vowels */ \
    X(ieeu, 'i', 'E', 'u', 1, 0, 1) \
    X(yeeu, 'y', 'E', 'u', 1, 0, 1) \
    X(uooi, 'u', 'O', 'i', 1, 0, 1) \
    X(uwowi, 'U', 'P', 'i', 1, 0, 1) \
    X(uwowu, 'U', 'P', 'u', 1, 0, 1) \
    X(uaay, 'u', 'A', 'y', 1, 0, 1) \
    X(uyee, 'u', 'y', 'E', 0, C_N | C_T, 2) \
    X(oai, 'o', 'a', 'i', 1, 0, 1) \
    X(oay, 'o', 'a', 'y', 1, 0, 1) \
    X(oeo, 'o', 'e', 'o', 1, 0, 1) \
    X(uya, 'u', 'y', 'a', 1, 0, 1) \
    X(uyu, 'u', 'y', 'u', 1, 0, 1) \
    X(oao, 'o', 'a', 'o', 1, 0, 1) \

#define NUC_PACK(a, b, c) ((uint32_t)(uint8_t)(a) | (uint32_t)(uint8_t)(b) << 8 | (uint32_t)(uint8_t)(c) << 16)

enum {
    NUC_NONE = 0, /* so that a parsed syllable has nucleus >= 1 */
#define X(name, a, b, c, open, codas, tone) NUC_##name,
    NUCLEUS_LIST(X)
#undef X
    N_NUCLEI
};

typedef struct {
    char key[4];  /* letter codes, NUL-padded */
    uint8_t open; /* allowed without a coda */
    uint8_t codas; /* allowed codas */
    int8_t tone;  /* index inside the nucleus, or TONE_BY_STYLE */
} nucleus_rule;

static const nucleus_rule NUCLEI[N_NUCLEI] = {
    {{0, 0, 0, 0}, 0, 0, 0},
#define X(name, a, b, c, open, codas, tone) {{a, b, c, 0}, open, codas, tone},
    NUCLEUS_LIST(X)
#undef X
};

/* The onset at the start of c[0..n): its index, 0 for none, -1 when the
 * letters cannot start a syllable (q without u). qu and gi have their own
 * rules: gi is an onset only when another vowel follows the i (già, giếng;
 * but gì, gìn). Otherwise the longest onset matches. */
static int find_onset(const uint8_t *c, int n)
{
    uint8_t c1 = n >= 2 ? c[1] : 0;
    switch (c[0]) {
    case 'b': return 1;
    case 'c': return c1 == 'h' ? 3 : 2;
    case 'd': return 4;
    case 'D': return 5;
    case 'g':
        if (c1 == 'i' && n >= 3 && vnt__is_vowel_code(c[2]))
            return ONSET_GI;
        return c1 == 'h' ? 7 : 6;
    case 'h': return 9;
    case 'k': return c1 == 'h' ? 11 : 10;
    case 'l': return 12;
    case 'm': return 13;
    case 'n':
        if (c1 == 'g')
            return (n >= 3 && c[2] == 'h') ? 16 : 15;
        return c1 == 'h' ? 17 : 14;
    case 'p': return c1 == 'h' ? 19 : 18;
    case 'q': return c1 == 'u' ? ONSET_QU : -1;
    case 'r': return 21;
    case 's': return 22;
    case 't': return c1 == 'h' ? 24 : c1 == 'r' ? 25 : 23;
    case 'v': return 26;
    case 'x': return 27;
    default: return 0;
    }
}

static int find_coda(const uint8_t *c, int n)
{
    if (n == 0)
        return 0;
    if (n == 1) {
        switch (c[0]) {
        case 'c': return 1;
        case 'm': return 3;
        case 'n': return 4;
        case 'p': return 7;
        case 't': return 8;
        default: return -1;
        }
    }
    if (n == 2 && c[0] == 'c' && c[1] == 'h')
        return 2;
    if (n == 2 && c[0] == 'n')
        return c[1] == 'g' ? 5 : c[1] == 'h' ? 6 : -1;
    return -1;
}

static int find_nucleus(const uint8_t *c, int n)
{
    if (n > 3)
        return -1;
    uint32_t key = NUC_PACK(c[0], n > 1 ? c[1] : 0, n > 2 ? c[2] : 0);
    switch (key) {
#define X(name, a, b, c, open, codas, tone) \
    case NUC_PACK(a, b, c):                 \
        return NUC_##name;
        NUCLEUS_LIST(X)
#undef X
    default:
        return -1;
    }
}

int vnt__parse_letters(const uint8_t *codes, const uint8_t *upper, int n, int tone,
                       vnt_syllable *out)
{
    memset(out, 0, sizeof *out);
    if (n < 1 || n > VNT_SYLLABLE_MAX_LETTERS || tone < 0 || tone > 5)
        return 0;
    /* case: all lower, all upper, or Title */
    int nupper = 0;
    for (int i = 0; i < n; i++)
        nupper += upper[i] ? 1 : 0;
    int case_pattern;
    if (nupper == 0)
        case_pattern = VNT_CASE_LOWER;
    else if (nupper == n)
        case_pattern = VNT_CASE_UPPER;
    else if (nupper == 1 && upper[0])
        case_pattern = VNT_CASE_TITLE;
    else
        return 0;
    int onset = find_onset(codes, n);
    if (onset < 0)
        return 0;
    int olen = ONSET_LEN[onset];
    int vlen = 0;
    while (olen + vlen < n && vnt__is_vowel_code(codes[olen + vlen]))
        vlen++;
    if (vlen == 0)
        return 0;
    int nucleus = find_nucleus(codes + olen, vlen);
    if (nucleus < 0)
        return 0;
    int clen = n - olen - vlen;
    int coda = find_coda(codes + olen + vlen, clen);
    if (coda < 0)
        return 0;
    const nucleus_rule *r = &NUCLEI[nucleus];
    if (coda == 0 ? !r->open : !(r->codas & (1u << (coda - 1))))
        return 0;
    if (coda != 0 && nucleus == NUC_y && onset != ONSET_QU)
        return 0;
    out->onset = (uint8_t)onset;
    out->nucleus = (uint8_t)nucleus;
    out->coda = (uint8_t)coda;
    out->tone = (uint8_t)tone;
    out->case_pattern = (uint8_t)case_pattern;
    out->nletters = (uint8_t)n;
    out->onset_len = (uint8_t)olen;
    out->nucleus_len = (uint8_t)vlen;
    out->toneless_id = (uint32_t)(((onset * N_NUCLEI + nucleus) * N_CODAS + coda) * 6 + 1);
    out->id = out->toneless_id + (uint32_t)tone;
    return 1;
}

int vnt__tone_site_ok(const vnt_syllable *syl, const uint8_t *codes, int tone_at)
{
    return tone_at < 0 || tone_at >= syl->onset_len || vnt__is_vowel_code(codes[tone_at]);
}

int vnt__tone_letter(const vnt_syllable *syl, vnt_style style)
{
    int k = NUCLEI[syl->nucleus].tone;
    if (k == TONE_BY_STYLE)
        k = (syl->coda != 0 || style == VNT_STYLE_MODERN) ? 1 : 0;
    return syl->onset_len + k;
}

int32_t vnt__compose_letter(uint8_t code, int tone, int upper)
{
    if (code == 'D')
        return upper ? 0x0110 : 0x0111;
    for (int v = 0; vnt_vowel_codes[v]; v++)
        if ((uint8_t)vnt_vowel_codes[v] == code)
            return upper ? vnt_compose_upper[v][tone] : vnt_compose_lower[v][tone];
    return upper ? (int32_t)code - 32 : (int32_t)code;
}

/* Tone mark code points, and the shapes each vowel letter can take. */
static int tone_of_mark(int32_t cp)
{
    switch (cp) {
    case 0x0300: case 0x0340: return VNT_TONE_GRAVE;
    case 0x0301: case 0x0341: return VNT_TONE_ACUTE;
    case 0x0309: return VNT_TONE_HOOK;
    case 0x0303: return VNT_TONE_TILDE;
    case 0x0323: return VNT_TONE_DOT;
    default: return 0;
    }
}

static uint8_t apply_shape(uint8_t code, int32_t mark)
{
    switch (mark) {
    case 0x0302:
        return code == 'a' ? 'A' : code == 'e' ? 'E' : code == 'o' ? 'O' : 0;
    case 0x0306:
        return code == 'a' ? 'W' : 0;
    case 0x031B:
        return code == 'o' ? 'P' : code == 'u' ? 'U' : 0;
    default:
        return 0;
    }
}

int vnt__collect_letters(const int32_t *cps, size_t n, uint8_t *codes, uint8_t *upper,
                         int *tone, int *ntones, int *tone_at)
{
    int nl = 0;
    int shaped_last = 0;
    *tone = 0;
    *ntones = 0;
    *tone_at = -1;
    for (size_t i = 0; i < n; i++) {
        int32_t cp = cps[i];
        int t = tone_of_mark(cp);
        if (t) {
            *tone = t;
            *tone_at = nl - 1;
            (*ntones)++;
            continue;
        }
        if (cp == 0x0302 || cp == 0x0306 || cp == 0x031B) {
            if (nl == 0 || shaped_last)
                return -1;
            uint8_t s = apply_shape(codes[nl - 1], cp);
            if (!s)
                return -1;
            codes[nl - 1] = s;
            shaped_last = 1;
            continue;
        }
        uint16_t e = vnt__letter_info(cp);
        if (e == 0)
            return -1;
        if (nl == VNT_SYLLABLE_MAX_LETTERS)
            return -1;
        codes[nl] = VNT_LI_CODE(e);
        upper[nl] = (uint8_t)VNT_LI_UPPER(e);
        shaped_last = VNT_LI_CODE(e) != 'D' && VNT_LI_CODE(e) >= 'A' && VNT_LI_CODE(e) <= 'Z';
        if (VNT_LI_TONE(e)) {
            *tone = VNT_LI_TONE(e);
            *tone_at = nl;
            (*ntones)++;
        }
        nl++;
    }
    return nl;
}

int vnt_syllable_parse(const char *s, size_t len, vnt_syllable *out)
{
    vnt_syllable dummy;
    if (out == NULL)
        out = &dummy;
    memset(out, 0, sizeof *out);
    if (s == NULL || len == 0 || len > 64)
        return 0;
    /* The code points, when each is a letter of the letter table (its
     * entry says what its canonical decomposition would: base, shape and
     * tone), as in NFC text; else decomposed canonically (at most 64 bytes
     * in, so a small buffer does). */
    int32_t cps[256];
    utf8proc_ssize_t n = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t k = vnt__utf8_decode(u, len, i, &cp);
        if (k == 0 || vnt__letter_info(cp) == 0) {
            n = -1;
            break;
        }
        cps[n++] = cp;
        i += k;
    }
    if (n < 0)
        n = utf8proc_decompose(u, (utf8proc_ssize_t)len, cps, 256,
                               UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
    if (n < 0 || n > 256)
        return 0;
    uint8_t codes[VNT_SYLLABLE_MAX_LETTERS], upper[VNT_SYLLABLE_MAX_LETTERS];
    int tone, ntones, tone_at;
    int nl = vnt__collect_letters(cps, (size_t)n, codes, upper, &tone, &ntones, &tone_at);
    if (nl <= 0 || ntones > 1)
        return 0;
    if (!vnt__parse_letters(codes, upper, nl, tone, out) ||
        !vnt__tone_site_ok(out, codes, tone_at)) {
        memset(out, 0, sizeof *out);
        return 0;
    }
    return 1;
}

size_t vnt__syllable_spell(const vnt_syllable *syl, vnt_style style, vnt_case case_pattern,
                           char *out)
{
    char letters[3 * VNT_SYLLABLE_MAX_LETTERS];
    int n = 0;
    for (const char *p = ONSETS[syl->onset]; *p; p++)
        letters[n++] = *p;
    for (const char *p = NUCLEI[syl->nucleus].key; *p; p++)
        letters[n++] = *p;
    for (const char *p = CODAS[syl->coda]; *p; p++)
        letters[n++] = *p;
    int target = vnt__tone_letter(syl, style);
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        int up = case_pattern == VNT_CASE_UPPER || (case_pattern == VNT_CASE_TITLE && i == 0);
        int32_t cp = vnt__compose_letter((uint8_t)letters[i], i == target ? syl->tone : 0, up);
        len += vnt__utf8_encode(cp, out + len);
    }
    return len;
}

vnt_status vnt_syllable_format(const vnt_syllable *syl, vnt_style style, vnt_case case_pattern,
                               vnt_buf *out)
{
    if (syl == NULL || out == NULL || syl->nucleus == 0 || syl->nucleus >= N_NUCLEI ||
        syl->onset >= N_ONSETS || syl->coda >= N_CODAS || syl->tone > 5 ||
        (style != VNT_STYLE_TRADITIONAL && style != VNT_STYLE_MODERN) ||
        (unsigned)case_pattern > VNT_CASE_TITLE)
        return VNT_ERR_INVALID_ARG;
    vnt_status st = vnt_buf_reserve(out, VNT__SPELL_MAX);
    if (st != VNT_OK)
        return st;
    out->len += vnt__syllable_spell(syl, style, case_pattern, out->data + out->len);
    return VNT_OK;
}

size_t vnt__respell(const unsigned char *s, size_t n, char *out)
{
    vnt_syllable syl;
    if (vnt_syllable_parse((const char *)s, n, &syl)) {
        size_t m = vnt__syllable_spell(&syl, VNT_STYLE_MODERN, (vnt_case)syl.case_pattern, out);
        return m != n || memcmp(out, s, n) != 0 ? m : 0;
    }
    /* not a syllable ("kpă", a word of a minority language): its NFC, for
     * a word of at most VNT__RESPELL_MAX bytes with a combining mark (the
     * NFC is shorter, so it fits out) */
    if (n > VNT__RESPELL_MAX || (!memchr(s, 0xCC, n) && !memchr(s, 0xCD, n)))
        return 0;
    int32_t cps[33]; /* room for the UTF-8 of 32 code points and a NUL */
    utf8proc_ssize_t k = utf8proc_decompose(s, (utf8proc_ssize_t)n, cps, 32,
                                            UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (k < 0 || k > 32)
        return 0;
    k = utf8proc_reencode(cps, k, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (k <= 0 || (size_t)k >= n) /* NFD is longer than NFC */
        return 0;
    memcpy(out, cps, (size_t)k);
    return (size_t)k;
}

int vnt__word_in_respelled(const unsigned char *s, size_t n, const char *const *words,
                           const short *hash, size_t size)
{
    char w[VNT__RESPELL_MAX];
    size_t m = vnt__respell(s, n, w);
    return m > 0 && vnt__word_in((const unsigned char *)w, m, words, hash, size);
}
