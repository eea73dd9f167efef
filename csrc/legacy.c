/* Legacy Vietnamese encodings: decoding to NFC UTF-8, turning Windows-1252
 * mojibake back into bytes, and guessing which encoding bytes are in.
 *
 * The byte tables are generated into legacy_tables.h by
 * tools/gen_legacy_tables.py from the .tsv files in data/legacy/, where each
 * table's source is named. VISCII follows RFC 1456 and glibc (the six C0
 * bytes 0x02 0x05 0x06 0x14 0x19 0x1E are letters). TCVN3, VPS and
 * VNI-Windows come from one source only, Unikey's vnconv tables; what
 * their tables leave unlisted is decided in the generator (Windows-1252 for
 * the bytes the fonts did not reassign).
 *
 * Decisions made here:
 *
 * - Case-shared bytes (TCVN3 has no uppercase toned letters; VPS and
 *   Unikey-written VISCII write some uppercase letters with the lowercase
 *   byte). A word whose other letters are uppercase and which is not Title
 *   case (two or more capitals, or a capital after the first letter) gets
 *   the uppercase letters: "VIÖT" -> "VIỆT". A word that could be Title case
 *   or has only such letters ("Hµ", "ë") is put in capitals only when a
 *   neighbouring word on the same line is in capitals and neither
 *   neighbour has a lowercase letter: "HÀ NỘI" stays in capitals, "Hà Nội"
 *   and "tôi ở NHÀ" are left alone. Everything else decodes to lowercase,
 *   as the table says.
 *
 * - Windows-1258 carries tones as combining bytes; each letter and the tone
 *   bytes after it are composed canonically here (NFC of one cluster), in
 *   time linear in the cluster, so that no input makes decoding quadratic.
 *
 * - VIQR: see the comment above decode_viqr().
 *
 * - Detection: see the comment above vnt_detect_legacy().
 */
#include <utf8proc.h>

#include "legacy_tables.h"
#include "letters.h"

static const char *const ENCODING_NAMES[VNT_ENC_COUNT] = {
    [VNT_ENC_TCVN3] = "tcvn3", [VNT_ENC_VNI] = "vni",   [VNT_ENC_VIQR] = "viqr",
    [VNT_ENC_VISCII] = "viscii", [VNT_ENC_VPS] = "vps", [VNT_ENC_CP1258] = "cp1258",
};

const char *vnt_encoding_name(vnt_encoding enc)
{
    if ((unsigned)enc >= VNT_ENC_COUNT)
        return NULL;
    return ENCODING_NAMES[enc];
}

int vnt_encoding_from_name(const char *name, size_t len)
{
    if (name == NULL)
        return -1;
    for (int i = 0; i < VNT_ENC_COUNT; i++)
        if (strlen(ENCODING_NAMES[i]) == len && memcmp(ENCODING_NAMES[i], name, len) == 0)
            return i;
    return -1;
}

/* ------------------------------------------------------------------------
 * Shared decoding state
 * ---------------------------------------------------------------------- */

typedef struct {
    const unsigned char *s;
    size_t len;
    int strict;
    vnt_buf *out;
    size_t err_pos; /* the undefined byte a strict decode stopped at */
} decoder;

static vnt_status undefined_byte(decoder *d, size_t at)
{
    if (d->strict) {
        d->err_pos = at;
        return VNT_ERR_UNMAPPABLE;
    }
    return vnt__buf_put_cp(d->out, 0xFFFD);
}

/* Writes the character of the byte at i in table t, or U+FFFD (replace
 * mode) or the error (strict mode) for an undefined byte. */
static vnt_status put_byte(decoder *d, const uint16_t *t, size_t i)
{
    unsigned char b = d->s[i];
    if (b == 0 || t[b] != 0)
        return vnt__buf_put_cp(d->out, t[b]);
    return undefined_byte(d, i);
}

enum { LC_NONE = 0, LC_LOWER, LC_UPPER, LC_OTHER };

static int letter_class(int32_t cp)
{
    if (cp < 0x80) {
        if (cp >= 'a' && cp <= 'z')
            return LC_LOWER;
        if (cp >= 'A' && cp <= 'Z')
            return LC_UPPER;
        return LC_NONE;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
        return LC_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return LC_LOWER;
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return LC_OTHER;
    default:
        return LC_NONE;
    }
}

static int is_ascii_alpha(unsigned c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int is_ascii_digit(unsigned c) { return c >= '0' && c <= '9'; }

/* ------------------------------------------------------------------------
 * Single-byte tables (VISCII, TCVN3, VPS) with case-shared bytes
 * ---------------------------------------------------------------------- */

typedef struct {
    int nupper, nlower, nshared;
    int first_upper; /* the first letter is an uppercase one */
} word_case;

enum { NB_NEUTRAL = 0, NB_LOWER, NB_CAPS };

static int sb_is_letter(const uint16_t *t, unsigned char b)
{
    return t[b] != 0 && letter_class(t[b]) != LC_NONE;
}

/* Reads the word (run of letter bytes) at i; returns its end. */
static size_t sb_word(const uint16_t *t, const uint16_t *up, const unsigned char *s, size_t i,
                      size_t len, word_case *w)
{
    memset(w, 0, sizeof *w);
    size_t j = i;
    for (; j < len && sb_is_letter(t, s[j]); j++) {
        if (up[s[j]]) {
            w->nshared++;
            continue;
        }
        int c = letter_class(t[s[j]]);
        if (c == LC_UPPER) {
            w->nupper++;
            if (j == i)
                w->first_upper = 1;
        } else if (c == LC_LOWER) {
            w->nlower++;
        }
    }
    return j;
}

static int word_kind(const word_case *w)
{
    if (w->nlower)
        return NB_LOWER;
    if (w->nupper >= 2 || (w->nupper == 1 && !w->first_upper))
        return NB_CAPS;
    return NB_NEUTRAL;
}

/* The kind of the next word on the same line after offset j. */
static int sb_next_kind(const uint16_t *t, const uint16_t *up, const unsigned char *s, size_t j,
                        size_t len)
{
    while (j < len && !sb_is_letter(t, s[j])) {
        if (s[j] == '\n' || s[j] == '\r')
            return NB_NEUTRAL;
        j++;
    }
    if (j == len)
        return NB_NEUTRAL;
    word_case w;
    sb_word(t, up, s, j, len, &w);
    return word_kind(&w);
}

static vnt_status decode_single(decoder *d, const uint16_t *t, const uint16_t *up)
{
    const unsigned char *s = d->s;
    size_t len = d->len, i = 0;
    int prev = NB_NEUTRAL;
    vnt_status st;
    while (i < len) {
        unsigned char b = s[i];
        if (!sb_is_letter(t, b)) {
            if ((st = put_byte(d, t, i)) != VNT_OK)
                return st;
            if (b == '\n' || b == '\r')
                prev = NB_NEUTRAL;
            i++;
            continue;
        }
        word_case w;
        size_t j = sb_word(t, up, s, i, len, &w);
        int kind = word_kind(&w);
        int caps = 0;
        if (w.nshared && kind == NB_CAPS) {
            caps = 1;
        } else if (w.nshared && kind == NB_NEUTRAL) {
            int next = sb_next_kind(t, up, s, j, len);
            caps = (prev == NB_CAPS || next == NB_CAPS) && prev != NB_LOWER && next != NB_LOWER;
        }
        for (; i < j; i++) {
            b = s[i];
            st = vnt__buf_put_cp(d->out, caps && up[b] ? up[b] : t[b]);
            if (st != VNT_OK)
                return st;
        }
        prev = caps ? NB_CAPS : kind;
    }
    return VNT_OK;
}

/* ------------------------------------------------------------------------
 * Windows-1258: a letter and the combining tone bytes after it
 * ---------------------------------------------------------------------- */

static int cp1258_is_mark(unsigned char b)
{
    return vnt__cp1258[b] >= 0x0300 && vnt__cp1258[b] < 0x0370;
}

static int ccc(int32_t cp) { return utf8proc_get_property(cp)->combining_class; }

/* The primary composite of a + b, or 0. */
static int32_t compose_pair(int32_t a, int32_t b)
{
    utf8proc_int32_t buf[2] = {a, b};
    utf8proc_ssize_t n = utf8proc_normalize_utf32(buf, 2, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    return n == 1 ? buf[0] : 0;
}

#define CLUSTER_DECOMP 8

/* Writes the NFC of starter (or nothing when starter < 0) followed by the
 * combining marks of the bytes m[0..k). The marks are the starter's own
 * decomposed marks, then those of m, stably sorted by combining class; a
 * mark composes with the starter unless an uncomposed mark of the same
 * class precedes it. Classes are handled one at a time, so the work is
 * linear in k whatever the order of the marks. */
static vnt_status compose_cluster(decoder *d, int32_t starter, const unsigned char *m, size_t k)
{
    utf8proc_int32_t dec[CLUSTER_DECOMP];
    size_t nd = 0; /* decomposed marks of the starter, in dec[1..nd] */
    int32_t cur = starter;
    if (starter >= 0) {
        int boundclass = 0;
        utf8proc_ssize_t r = utf8proc_decompose_char(starter, dec, CLUSTER_DECOMP,
                                                     UTF8PROC_DECOMPOSE, &boundclass);
        if (r >= 1 && r <= CLUSTER_DECOMP && ccc(dec[0]) == 0) {
            cur = dec[0];
            nd = (size_t)r - 1;
        }
    }
    size_t total = nd + k;
#define MARK_AT(x) ((x) < nd ? (int32_t)dec[1 + (x)] : (int32_t)vnt__cp1258[m[(x) - nd]])
    /* The distinct classes, ascending. */
    int classes[CLUSTER_DECOMP + 2];
    size_t composed[CLUSTER_DECOMP + 2];
    int nc = 0;
    for (size_t x = 0; x < total; x++) {
        int c = ccc(MARK_AT(x)), at = nc;
        for (int y = 0; y < nc; y++)
            if (classes[y] == c)
                at = -1;
        if (at < 0)
            continue;
        if (nc == CLUSTER_DECOMP + 2)
            return VNT_ERR_UNICODE; /* not reachable with the CP1258 marks */
        while (at > 0 && classes[at - 1] > c) {
            classes[at] = classes[at - 1];
            at--;
        }
        classes[at] = c;
        nc++;
    }
    for (int g = 0; g < nc; g++) {
        composed[g] = 0;
        if (starter < 0)
            continue;
        for (size_t x = 0; x < total; x++) {
            int32_t mk = MARK_AT(x);
            if (ccc(mk) != classes[g])
                continue;
            int32_t c = compose_pair(cur, mk);
            if (c == 0)
                break; /* later marks of this class are blocked */
            cur = c;
            composed[g]++;
        }
    }
    vnt_status st;
    if (starter >= 0 && (st = vnt__buf_put_cp(d->out, cur)) != VNT_OK)
        return st;
    for (int g = 0; g < nc; g++) {
        size_t skip = composed[g];
        for (size_t x = 0; x < total; x++) {
            int32_t mk = MARK_AT(x);
            if (ccc(mk) != classes[g])
                continue;
            if (skip) {
                skip--;
                continue;
            }
            if ((st = vnt__buf_put_cp(d->out, mk)) != VNT_OK)
                return st;
        }
    }
#undef MARK_AT
    return VNT_OK;
}

static vnt_status decode_cp1258(decoder *d)
{
    const unsigned char *s = d->s;
    size_t len = d->len, i = 0;
    vnt_status st;
    while (i < len) {
        unsigned char b = s[i];
        int32_t starter = -1; /* marks at the start of the text have none */
        if (!cp1258_is_mark(b)) {
            if (b == 0 || vnt__cp1258[b] != 0) {
                starter = vnt__cp1258[b];
            } else {
                if (d->strict)
                    return undefined_byte(d, i);
                starter = 0xFFFD;
            }
            i++;
        }
        size_t j = i;
        while (j < len && cp1258_is_mark(s[j]))
            j++;
        if (j == i)
            st = vnt__buf_put_cp(d->out, starter);
        else
            st = compose_cluster(d, starter, s + i, j - i);
        if (st != VNT_OK)
            return st;
        i = j;
    }
    return VNT_OK;
}

/* ------------------------------------------------------------------------
 * VNI-Windows: base byte + mark byte, longest match first
 * ---------------------------------------------------------------------- */

static vnt_status decode_vni(decoder *d)
{
    const unsigned char *s = d->s;
    size_t len = d->len, i = 0;
    vnt_status st;
    while (i < len) {
        unsigned char b = s[i];
        uint8_t row = vnt__vni_base[b];
        if (row && i + 1 < len && s[i + 1] >= VNT__VNI_MARK_LO) {
            uint16_t cp = vnt__vni_pair[row - 1][s[i + 1] - VNT__VNI_MARK_LO];
            if (cp) {
                if ((st = vnt__buf_put_cp(d->out, cp)) != VNT_OK)
                    return st;
                i += 2;
                continue;
            }
        }
        if ((st = put_byte(d, vnt__vni, i)) != VNT_OK)
            return st;
        i++;
    }
    return VNT_OK;
}

/* ------------------------------------------------------------------------
 * VIQR
 *
 * Text is read as words: runs of ASCII letters and digits, where a vowel
 * letter takes the mark characters right after it (at most one shape
 * ( ^ + and one tone ' ` ? ~ . in either order, plus the variants * for
 * the horn and / for the acute) as long as the result is one of the 134
 * letters, and DD dd Dd are Đ đ Đ. A mark that does not combine is
 * literal, and so ends the word. A word is then decoded:
 *
 *  1. as a whole, when the result is one Vietnamese syllable;
 *  2. else, when its last mark is one of ' . ? / * (punctuation as well),
 *     without that mark (copied as a literal after it), when that is a
 *     syllable: "No^.i." is "Nội." (the second dot would be a second tone);
 *  3. else with its "safe" marks only ( ^ + ` ~, which English text hardly
 *     puts after a letter), for loan syllables like "xtra^y" or "xco+":
 *     when the word has no digit and its only ' . ? / * is its last mark;
 *  4. else the word is copied as it is: "e.g.", "they're", "U+0041".
 *
 * A last mark that is also punctuation (' . ? / *) reads as punctuation
 * even though step 1 would accept it when:
 *  - it is a tone on a letter that neither tone style would mark
 *    ("ai?" is "ai?", not "aỉ"; "dda^u?" is "đâu?");
 *  - it is . or ? at the end of a sentence: at the end of the text or of
 *    a line (unless the next line goes on in lowercase), after any closing
 *    quotes or brackets and spaces; a ? followed by ? or !; or the first dot
 *    of exactly three (an ellipsis). Two dots are a tone and a full stop
 *    ("Da.." is "Dạ."). A sentence end in the middle of a line is not
 *    recognised, because Vietnamese puts capitalised names after toned
 *    words ("o+? Ha` No^.i"), so an unescaped "Go. Now" becomes "Gọ Now";
 *    RFC 1456 asks writers to escape such marks ("Hie^'u\.").
 *  - it is the character right before the word too ('ma', *bo*): quotes.
 * "I'm" is kept as it is.
 *
 * A backslash before a mark character (or before a D or d that follows a
 * D or d) makes that character literal and is dropped; any other backslash
 * is kept. RFC 1456's English and literal modes are not supported. Bytes
 * 0x80-0xFF are undefined (VIQR is 7-bit).
 * ---------------------------------------------------------------------- */

#define VIQR_MAX_UNITS 16 /* a longer word cannot be one syllable */

enum { VU_LETTER = 0, VU_DD, VU_DIGIT };

typedef struct {
    uint8_t kind;
    uint8_t ch;     /* the letter or digit (for DD: 'D' or 'd', the case of Đ) */
    uint8_t nmarks; /* mark characters taken, 0..2 */
    uint8_t mk[2];
} viqr_unit;

static int viqr_base(unsigned c)
{
    const char *p = strchr(VNT__VIQR_BASES, (int)c);
    return c && p ? (int)(p - VNT__VIQR_BASES) : -1;
}

static int viqr_shape(unsigned c)
{
    switch (c) {
    case '(': return 1;
    case '^': return 2;
    case '+': case '*': return 3;
    default: return 0;
    }
}

static int viqr_tone(unsigned c)
{
    switch (c) {
    case '`': return VNT_TONE_GRAVE;
    case '\'': case '/': return VNT_TONE_ACUTE;
    case '?': return VNT_TONE_HOOK;
    case '~': return VNT_TONE_TILDE;
    case '.': return VNT_TONE_DOT;
    default: return 0;
    }
}

static int viqr_is_mark(unsigned c) { return viqr_shape(c) || viqr_tone(c); }

/* Marks that are also common punctuation after an English word. */
static int viqr_unsafe(unsigned c)
{
    return c == '\'' || c == '.' || c == '?' || c == '/' || c == '*';
}

/* The letter of a unit with the marks whose bits are set in mask. */
static int32_t viqr_letter(const viqr_unit *u, unsigned mask)
{
    if (u->kind == VU_DD)
        return u->ch == 'D' ? VNT__VIQR_DD : VNT__VIQR_dd;
    int base = viqr_base(u->ch);
    if (base < 0)
        return u->ch;
    int shape = 0, tone = 0;
    for (int k = 0; k < u->nmarks; k++) {
        if (!(mask & (1u << k)))
            continue;
        if (viqr_shape(u->mk[k]))
            shape = viqr_shape(u->mk[k]);
        else
            tone = viqr_tone(u->mk[k]);
    }
    return vnt__viqr[base][shape][tone];
}

enum { VR_ALL = 0, VR_TRIM, VR_SAFE };

/* Writes the letters of u[0..n) to dst (room for 3 bytes a unit). VR_ALL
 * applies every mark, VR_TRIM all but the last mark of the last unit,
 * VR_SAFE the safe ones. */
static size_t viqr_render(const viqr_unit *u, int n, int mode, char *dst)
{
    size_t w = 0;
    for (int i = 0; i < n; i++) {
        unsigned mask = 0;
        for (int k = 0; k < u[i].nmarks; k++) {
            if (mode == VR_TRIM && i == n - 1 && k == u[i].nmarks - 1)
                continue;
            if (mode == VR_SAFE && viqr_unsafe(u[i].mk[k]))
                continue;
            mask |= 1u << k;
        }
        w += vnt__utf8_encode(viqr_letter(&u[i], mask), dst + w);
    }
    return w;
}

/* 1 when the . or ? that ends a word at offset q (the mark is s[q - 1])
 * ends a sentence. */
static int viqr_sentence_end(const unsigned char *s, size_t len, size_t q, unsigned mark)
{
    if (mark == '?')
        return q < len && (s[q] == '?' || s[q] == '!');
    size_t dots = 1;
    while (q + dots - 1 < len && s[q + dots - 1] == '.')
        dots++;
    if (dots == 3)
        return 1; /* an ellipsis */
    if (dots > 1)
        return 0; /* a dot-below tone, then the full stop */
    while (q < len && (s[q] == '"' || s[q] == '\'' || s[q] == ')' || s[q] == ']' || s[q] == '}'))
        q++;
    while (q < len && (s[q] == ' ' || s[q] == '\t'))
        q++;
    if (q == len)
        return 1;
    if (s[q] != '\n' && s[q] != '\r')
        return 0;
    while (q < len && (s[q] == '\n' || s[q] == '\r' || s[q] == ' ' || s[q] == '\t'))
        q++;
    return !(q < len && s[q] >= 'a' && s[q] <= 'z');
}

/* Reads the word at *pos (an ASCII letter) into u; returns the number of
 * units, or VIQR_MAX_UNITS + 1 for a longer word. *pos is moved past it. */
static int viqr_scan(const unsigned char *s, size_t len, size_t *pos, viqr_unit *u)
{
    size_t p = *pos;
    int n = 0;
    while (p < len) {
        unsigned c = s[p];
        viqr_unit cur;
        memset(&cur, 0, sizeof cur);
        if ((c == 'D' || c == 'd') && p + 1 < len && (s[p + 1] == 'D' || s[p + 1] == 'd') &&
            !(c == 'd' && s[p + 1] == 'D')) {
            cur.kind = VU_DD;
            cur.ch = (uint8_t)c;
            p += 2;
        } else if (is_ascii_alpha(c) || is_ascii_digit(c)) {
            cur.kind = is_ascii_digit(c) ? VU_DIGIT : VU_LETTER;
            cur.ch = (uint8_t)c;
            p++;
            int base = viqr_base(c);
            int shape = 0, tone = 0;
            while (base >= 0 && cur.nmarks < 2 && p < len) {
                unsigned m = s[p];
                int sh = viqr_shape(m), tn = viqr_tone(m);
                if (sh && !shape && vnt__viqr[base][sh][tone])
                    shape = sh;
                else if (tn && !tone && vnt__viqr[base][shape][tn])
                    tone = tn;
                else
                    break;
                cur.mk[cur.nmarks++] = (uint8_t)m;
                p++;
            }
        } else {
            break;
        }
        if (n < VIQR_MAX_UNITS)
            u[n] = cur;
        if (n <= VIQR_MAX_UNITS)
            n++;
    }
    *pos = p;
    return n;
}

/* 1 for an acronym with DD in it: capitals only, two letters or more once
 * DD is read as Đ, and no DD after a vowel (HDDND is HĐND; ADD, ODD stay). */
static int viqr_acronym(const viqr_unit *u, int n)
{
    if (n < 2)
        return 0;
    for (int i = 0; i < n; i++) {
        if (u[i].kind == VU_DIGIT || !(u[i].ch >= 'A' && u[i].ch <= 'Z'))
            return 0;
        if (u[i].kind == VU_DD && i > 0 && u[i - 1].kind == VU_LETTER && viqr_base(u[i - 1].ch) >= 0)
            return 0;
    }
    return 1;
}

/* 1 when the tone of the syllable (on letter tone_at) sits where one of the
 * two styles puts it. */
static int tone_well_placed(const vnt_syllable *syl, int tone_at)
{
    return tone_at == vnt__tone_letter(syl, VNT_STYLE_TRADITIONAL) ||
           tone_at == vnt__tone_letter(syl, VNT_STYLE_MODERN);
}

static vnt_status viqr_word(decoder *d, size_t *pos)
{
    const unsigned char *s = d->s;
    size_t len = d->len, start = *pos;
    viqr_unit u[VIQR_MAX_UNITS];
    int n = viqr_scan(s, len, pos, u);
    size_t end = *pos;
    char buf[3 * VIQR_MAX_UNITS + 1]; /* the letters, and maybe one literal mark */
    size_t w;
    vnt_syllable syl;

    int marks = 0, dd = 0, digits = 0, unsafe_inside = 0, safe = 0;
    if (n <= VIQR_MAX_UNITS) {
        for (int i = 0; i < n; i++) {
            marks += u[i].nmarks;
            dd |= u[i].kind == VU_DD;
            digits |= u[i].kind == VU_DIGIT;
            for (int k = 0; k < u[i].nmarks; k++) {
                int last = i == n - 1 && k == u[i].nmarks - 1;
                if (viqr_unsafe(u[i].mk[k]))
                    unsafe_inside |= !last;
                else
                    safe = 1;
            }
        }
    }
    int english = end - start == 3 && memcmp(s + start, "I'm", 3) == 0;
    if (n > VIQR_MAX_UNITS || (!marks && !dd) || english)
        return vnt_buf_append(d->out, (const char *)s + start, end - start);
    if (!marks && viqr_acronym(u, n)) {
        w = viqr_render(u, n, VR_ALL, buf);
        return vnt_buf_append(d->out, buf, w);
    }

    const viqr_unit *lu = &u[n - 1];
    unsigned last = lu->nmarks ? lu->mk[lu->nmarks - 1] : 0;

    /* 1. the whole word */
    w = viqr_render(u, n, VR_ALL, buf);
    if (!digits && vnt_syllable_parse(buf, w, &syl)) {
        int ok = 1;
        if (last && viqr_unsafe(last)) {
            if (viqr_tone(last) && !tone_well_placed(&syl, n - 1))
                ok = 0;
            else if ((last == '.' || last == '?') && viqr_sentence_end(s, len, end, last))
                ok = 0;
            else if (start > 0 && s[start - 1] == last)
                ok = 0;
        }
        if (ok)
            return vnt_buf_append(d->out, buf, w);
    }
    /* 2. without the last mark, when it may be punctuation */
    if (last && viqr_unsafe(last)) {
        w = viqr_render(u, n, VR_TRIM, buf);
        if (!digits && vnt_syllable_parse(buf, w, &syl)) {
            buf[w++] = (char)last;
            return vnt_buf_append(d->out, buf, w);
        }
    }
    /* 3. the safe marks only */
    if (!digits && !unsafe_inside && safe) {
        w = viqr_render(u, n, VR_SAFE, buf);
        if (last && viqr_unsafe(last))
            buf[w++] = (char)last;
        return vnt_buf_append(d->out, buf, w);
    }
    /* 4. as written */
    return vnt_buf_append(d->out, (const char *)s + start, end - start);
}

static vnt_status decode_viqr(decoder *d)
{
    const unsigned char *s = d->s;
    size_t len = d->len, i = 0;
    vnt_status st;
    while (i < len) {
        unsigned c = s[i];
        if (c >= 0x80) {
            st = undefined_byte(d, i);
            i++;
        } else if (is_ascii_alpha(c)) {
            st = viqr_word(d, &i);
        } else if (c == '\\' && i + 1 < len &&
                   (viqr_is_mark(s[i + 1]) ||
                    ((s[i + 1] == 'D' || s[i + 1] == 'd') && i > 0 &&
                     (s[i - 1] == 'D' || s[i - 1] == 'd')))) {
            st = vnt__buf_put_cp(d->out, s[i + 1]);
            i += 2;
        } else {
            st = vnt__buf_put_cp(d->out, (int32_t)c);
            i++;
        }
        if (st != VNT_OK)
            return st;
    }
    return VNT_OK;
}

/* ------------------------------------------------------------------------
 * Public decoding
 * ---------------------------------------------------------------------- */

vnt_status vnt_decode_legacy(const char *data, size_t len, vnt_encoding enc, int flags,
                             vnt_buf *out, size_t *err_pos)
{
    if ((data == NULL && len > 0) || out == NULL || (unsigned)enc >= VNT_ENC_COUNT ||
        (flags != VNT_DECODE_STRICT && flags != VNT_DECODE_REPLACE))
        return VNT_ERR_INVALID_ARG;
    size_t start = out->len;
    vnt_status st = vnt_buf_reserve(out, len);
    if (st != VNT_OK)
        return st;
    decoder d = {(const unsigned char *)data, len, flags == VNT_DECODE_STRICT, out, 0};
    switch (enc) {
    case VNT_ENC_TCVN3:
        st = decode_single(&d, vnt__tcvn3, vnt__tcvn3_upper);
        break;
    case VNT_ENC_VISCII:
        st = decode_single(&d, vnt__viscii, vnt__viscii_upper);
        break;
    case VNT_ENC_VPS:
        st = decode_single(&d, vnt__vps, vnt__vps_upper);
        break;
    case VNT_ENC_CP1258:
        st = decode_cp1258(&d);
        break;
    case VNT_ENC_VNI:
        st = decode_vni(&d);
        break;
    case VNT_ENC_VIQR:
    default:
        st = decode_viqr(&d);
        break;
    }
    if (st != VNT_OK) {
        out->len = start;
        if (st == VNT_ERR_UNMAPPABLE && err_pos != NULL)
            *err_pos = d.err_pos;
    }
    return st;
}

vnt_status vnt_cp1252_to_bytes(const char *s, size_t len, vnt_buf *out, size_t *err_pos)
{
    if ((s == NULL && len > 0) || out == NULL)
        return VNT_ERR_INVALID_ARG;
    size_t start = out->len;
    vnt_status st = vnt_buf_reserve(out, len);
    if (st != VNT_OK)
        return st;
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        size_t n = u[i] < 0x80 ? (cp = u[i], 1) : vnt__utf8_decode(u, len, i, &cp);
        if (n == 0) {
            st = VNT_ERR_INVALID_UTF8;
        } else if (cp > 0xFF) {
            /* one of the 27 characters of bytes 0x80-0x9F */
            size_t lo = 0, hi = sizeof vnt__cp1252_back / sizeof vnt__cp1252_back[0];
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (vnt__cp1252_back[mid].cp < cp)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo < sizeof vnt__cp1252_back / sizeof vnt__cp1252_back[0] &&
                vnt__cp1252_back[lo].cp == cp)
                cp = vnt__cp1252_back[lo].byte;
            else
                st = VNT_ERR_UNMAPPABLE;
        }
        if (st != VNT_OK) {
            out->len = start;
            if (err_pos != NULL)
                *err_pos = i;
            return st;
        }
        /* U+0000..U+00FF are their own byte: U+00A0..U+00FF as in
         * Windows-1252, U+0080..U+009F as Latin-1 would have read them. */
        out->data[out->len++] = (char)cp;
        i += n;
    }
    return VNT_OK;
}

/* ------------------------------------------------------------------------
 * Detection
 * ---------------------------------------------------------------------- */

typedef struct {
    size_t tokens; /* runs of letters */
    size_t marked; /* tokens with a letter outside ASCII */
    size_t good;   /* marked tokens that are Vietnamese syllables, tone well placed */
    size_t bad;    /* U+FFFD and symbols outside ASCII that text rarely has */
} score;

/* Symbols outside ASCII that real text in any of these encodings has. */
static int common_symbol(int32_t cp)
{
    switch (cp) {
    case 0x00A0: case 0x00AB: case 0x00BB: case 0x2013: case 0x2014: case 0x2018:
    case 0x2019: case 0x201C: case 0x201D: case 0x2022: case 0x2026: case 0x20AB:
    case 0x20AC:
        return 1;
    default:
        return 0;
    }
}

/* 1 when tok is a Vietnamese syllable in precomposed letters whose tone
 * sits where one of the two styles puts it. */
static int good_syllable(const unsigned char *tok, size_t n)
{
    vnt_syllable syl;
    if (!vnt_syllable_parse((const char *)tok, n, &syl))
        return 0;
    if (syl.tone == VNT_TONE_NONE)
        return 1;
    int letter = 0;
    for (size_t i = 0; i < n; letter++) {
        int32_t cp;
        size_t k = vnt__utf8_decode(tok, n, i, &cp);
        uint16_t info = k ? vnt__letter_info(cp) : 0;
        if (info == 0)
            return 0; /* a combining mark: not written as one letter each */
        if (VNT_LI_TONE(info))
            return tone_well_placed(&syl, letter);
        i += k;
    }
    return 0;
}

static void score_text(const unsigned char *s, size_t len, score *sc)
{
    memset(sc, 0, sizeof *sc);
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        size_t k = vnt__utf8_decode(s, len, i, &cp);
        if (k == 0) { /* not reachable: the decoders write UTF-8 */
            sc->bad++;
            i++;
            continue;
        }
        int lc = letter_class(cp);
        if (lc == LC_NONE) {
            if (cp >= 0x80 && !common_symbol(cp))
                sc->bad++;
            i += k;
            continue;
        }
        size_t j = i;
        int nonascii = 0;
        while (j < len) {
            k = vnt__utf8_decode(s, len, j, &cp);
            if (k == 0)
                break;
            if (letter_class(cp) == LC_NONE) {
                int cat = utf8proc_category(cp);
                if (cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_MC)
                    break;
            }
            nonascii |= cp >= 0x80;
            j += k;
        }
        sc->tokens++;
        if (nonascii) {
            sc->marked++;
            sc->good += good_syllable(s + i, j - i);
        }
        i = j;
    }
}

#define DETECT_WINDOW (64 * 1024)
#define DETECT_MIN_GOOD 3

/* Guessing the encoding (tone-marks spec 3.7).
 *
 * Data that are valid UTF-8 with some byte above 0x7F give -1, as does empty
 * data. Otherwise one window of at most 64 KiB is scored, from about 1 KiB
 * before the first byte above 0x7F; for ASCII data, before the first vowel
 * followed by ( ^ + * ` or ~ (else from the start). The window is decoded
 * with each candidate in "replace" mode (VIQR is the only candidate for
 * ASCII) and split into letter runs. A run with a letter outside ASCII is
 * "marked"; a marked run that is one Vietnamese syllable, its tone where
 * one of the two styles puts it, is "good". U+FFFD and symbols outside
 * ASCII other than common punctuation count against a candidate.
 *
 * A candidate qualifies with at least 3 good runs, good runs at least two
 * thirds of marked runs plus those symbols, and at least a fifth of all
 * letter runs (so that a few accidental VIQR syllables in English text, or
 * "à" and "là" in French, are not enough). The qualifying candidate with
 * the highest share good / (marked + symbols) wins, then the one with more
 * good runs, then the spec's order: cp1258, vni, tcvn3, viscii, vps (and
 * viqr last). Linear in the data; memory is bounded by the window. */
vnt_status vnt_detect_legacy(const char *data, size_t len, int *enc)
{
    if ((data == NULL && len > 0) || enc == NULL)
        return VNT_ERR_INVALID_ARG;
    *enc = -1;
    const unsigned char *s = (const unsigned char *)data;
    size_t first_high = len;
    for (size_t i = 0; i < len; i++)
        if (s[i] >= 0x80) {
            first_high = i;
            break;
        }
    if (len == 0 || (first_high < len && vnt__utf8_valid(data, len, NULL)))
        return VNT_OK;
    int ascii = first_high == len;

    /* Where the window starts: near the first byte above 0x7F, or for ASCII
     * near the first vowel with a VIQR shape mark or grave or tilde after
     * it (marks English rarely puts there). */
    size_t first = first_high;
    for (size_t i = 0; ascii && i + 1 < len; i++)
        if (viqr_base(s[i]) >= 0 && (viqr_shape(s[i + 1]) || s[i + 1] == '`' || s[i + 1] == '~')) {
            first = i;
            break;
        }
    size_t w0 = 0;
    if (first < len && first > 1024) {
        w0 = first - 1024;
        while (w0 < first && s[w0 - 1] != ' ' && s[w0 - 1] != '\n')
            w0++;
    }
    size_t wlen = len - w0 < DETECT_WINDOW ? len - w0 : DETECT_WINDOW;

    static const vnt_encoding order[] = {VNT_ENC_CP1258, VNT_ENC_VNI,  VNT_ENC_TCVN3,
                                         VNT_ENC_VISCII, VNT_ENC_VPS, VNT_ENC_VIQR};
    vnt_buf buf;
    vnt_buf_init(&buf);
    score best = {0, 0, 0, 0};
    int best_enc = -1;
    vnt_status st = VNT_OK;
    for (size_t c = 0; c < sizeof order / sizeof order[0]; c++) {
        if (ascii && order[c] != VNT_ENC_VIQR)
            continue;
        vnt_buf_clear(&buf);
        st = vnt_decode_legacy(data + w0, wlen, order[c], VNT_DECODE_REPLACE, &buf, NULL);
        if (st != VNT_OK)
            break;
        score sc;
        score_text((const unsigned char *)buf.data, buf.len, &sc);
        size_t against = sc.marked + sc.bad;
        if (sc.good < DETECT_MIN_GOOD || 3 * sc.good < 2 * against || 5 * sc.good < sc.tokens)
            continue;
        /* share: good / against, compared exactly */
        size_t best_against = best.marked + best.bad;
        int better = best_enc < 0 || sc.good * best_against > best.good * against ||
                     (sc.good * best_against == best.good * against && sc.good > best.good);
        if (better) {
            best = sc;
            best_enc = (int)order[c];
        }
    }
    vnt_buf_free(&buf);
    if (st != VNT_OK)
        return st;
    *enc = best_enc;
    return VNT_OK;
}
