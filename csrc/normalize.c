/* Tone-mark normalization, accent removal and NFC.
 *
 * One left-to-right pass over the text. Text is cut into chunks at white
 * space; a chunk that looks like a URL, an e-mail address, a path, an
 * identifier or a domain name is only put in NFC. In other chunks each run of
 * letters (with their combining marks) is read as a possible Vietnamese
 * syllable: when it is one, with one tone mark, it is written back with the
 * tone where the style puts it; everything else is only put in NFC.
 *
 * Output is lazy: nothing is copied until the first change, so text that is
 * already normalized costs one read and no writes.
 */
#include <stdlib.h>

#include <utf8proc.h>

#include "letters.h"

/* ---------------------------------------------------------------------- */
/* Lazy output                                                              */

typedef struct {
    const char *s;
    size_t len;
    vnt_buf *out;
    size_t copied;  /* input bytes before this offset are accounted for */
    int started;    /* out holds the output up to copied */
} emitter;

static vnt_status emit_start(emitter *e)
{
    if (!e->started) {
        vnt_status st = vnt_buf_reserve(e->out, e->len + e->len / 8 + 16);
        if (st != VNT_OK)
            return st;
        e->started = 1;
    }
    return VNT_OK;
}

/* Replaces input bytes [a, b) by r[0..rlen). a >= e->copied. */
static vnt_status emit_replace(emitter *e, size_t a, size_t b, const char *r, size_t rlen)
{
    if (rlen == b - a && memcmp(e->s + a, r, rlen) == 0)
        return VNT_OK;
    vnt_status st = emit_start(e);
    if (st == VNT_OK)
        st = vnt_buf_append(e->out, e->s + e->copied, a - e->copied);
    if (st == VNT_OK)
        st = vnt_buf_append(e->out, r, rlen);
    e->copied = b;
    return st;
}

static vnt_status emit_finish(emitter *e)
{
    if (!e->started)
        return VNT_OK;
    vnt_status st = vnt_buf_append(e->out, e->s + e->copied, e->len - e->copied);
    e->copied = e->len;
    return st;
}

/* ---------------------------------------------------------------------- */
/* Character classes                                                        */

/* NFC-inert: a starter that no normalization changes and that never
 * combines with the character before it. ASCII and precomposed Vietnamese
 * letters are checked by the callers first. */
static int nfc_inert(int32_t cp)
{
    if (cp < 0x300)
        return 1; /* Latin-1 and Latin Extended-A/B: all NFC starters */
    if (cp >= 0x1100 && cp <= 0x11FF)
        return 0; /* Hangul jamo compose with their neighbours */
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->combining_class != 0)
        return 0;
    switch (p->category) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return 0;
    default:
        break;
    }
    utf8proc_int32_t d[8];
    int bc = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, &bc);
    if (n == 1 && d[0] == cp)
        return 1;
    if (n < 1 || n > 8)
        return 0;
    /* a canonical composite is inert when NFC gives it back */
    n = utf8proc_normalize_utf32(d, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    return n == 1 && d[0] == cp;
}

static int is_mark(int32_t cp)
{
    if (cp < 0x300)
        return 0;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return 1;
    default:
        return 0;
    }
}

static int is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp | 32) >= 'a' && (cp | 32) <= 'z';
    if (vnt__letter_info(cp))
        return 1;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return 1;
    default:
        return 0;
    }
}

static int is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
    if (cp == 0x85)
        return 1;
    if (cp < 0xA0 || vnt__letter_info(cp))
        return 0;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return 1;
    default:
        return 0;
    }
}

/* ---------------------------------------------------------------------- */
/* NFC of a span                                                            */

/* NFC of s[a..b) through utf8proc, emitted when it differs. The span must
 * start at a starter that does not combine with what precedes it. */
static vnt_status nfc_region(emitter *e, size_t a, size_t b)
{
    int32_t stack[256];
    int32_t *buf = stack;
    utf8proc_ssize_t cap = 256;
    const utf8proc_uint8_t *src = (const utf8proc_uint8_t *)e->s + a;
    utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    if (b - a > (size_t)(PTRDIFF_MAX / 64))
        return VNT_ERR_TOO_LARGE;
    utf8proc_ssize_t n = utf8proc_decompose(src, (utf8proc_ssize_t)(b - a), buf, cap, opt);
    if (n > cap) {
        buf = malloc((size_t)n * sizeof *buf);
        if (buf == NULL)
            return VNT_ERR_NOMEM;
        cap = n;
        n = utf8proc_decompose(src, (utf8proc_ssize_t)(b - a), buf, cap, opt);
    }
    vnt_status st = VNT_OK;
    if (n < 0) {
        st = VNT_ERR_UNICODE;
    } else {
        n = utf8proc_reencode(buf, n, opt);
        if (n < 0)
            st = VNT_ERR_UNICODE;
        else
            st = emit_replace(e, a, b, (const char *)buf, (size_t)n);
    }
    if (buf != stack)
        free(buf);
    return st;
}

/* NFC of s[a..b), touching utf8proc only around characters that are not
 * inert: each such stretch is renormalized from the starter before it. */
static vnt_status nfc_span(emitter *e, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)e->s;
    size_t i = a;
    size_t last_starter = a;     /* start of the last inert character */
    size_t region_start = (size_t)-1;
    while (i < b) {
        int32_t cp;
        size_t n;
        if (u[i] < 0x80) {
            cp = u[i];
            n = 1;
        } else {
            n = vnt__utf8_decode(u, b, i, &cp);
            if (n == 0)
                return VNT_ERR_INVALID_UTF8;
        }
        int inert = cp < 0x80 || vnt__letter_info(cp) != 0 || nfc_inert(cp);
        if (!inert) {
            if (region_start == (size_t)-1)
                region_start = last_starter;
        } else {
            if (region_start != (size_t)-1) {
                vnt_status st = nfc_region(e, region_start, i);
                if (st != VNT_OK)
                    return st;
                region_start = (size_t)-1;
            }
            last_starter = i;
        }
        i += n;
    }
    if (region_start != (size_t)-1)
        return nfc_region(e, region_start, b);
    return VNT_OK;
}

/* ---------------------------------------------------------------------- */
/* Chunks: what is left alone                                               */

static int ascii_lower_eq(const char *s, size_t n, const char *w)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (w[i] == '\0' || c != w[i])
            return 0;
    }
    return w[n] == '\0';
}

static const char *const TLDS[] = {
    "com", "net", "org", "edu", "gov", "vn", "info", "io", "biz", "me", "co", "uk",
    "us", "jp", "cn", "kr", "fr", "de", "ru", "tv", "asia", "xyz", "app", "dev", "int",
    "mil", "eu", "au", "ca", "sg", "th", "la", "kh", "tw", "hk", "in", "online", "site",
};

/* 1 when the chunk core s[a..b) is a domain name: labels separated by dots,
 * the last one a common top-level domain in lower case, or a www. prefix. */
static int looks_like_domain(const char *s, size_t a, size_t b)
{
    if (b - a > 4 && ascii_lower_eq(s + a, 4, "www."))
        return 1;
    size_t dot = (size_t)-1;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.')
            dot = i;
    }
    if (dot == (size_t)-1 || dot == a || dot + 1 >= b)
        return 0;
    size_t tl = b - dot - 1;
    for (size_t k = 0; k < sizeof TLDS / sizeof TLDS[0]; k++)
        if (strlen(TLDS[k]) == tl && memcmp(s + dot + 1, TLDS[k], tl) == 0)
            return 1;
    return 0;
}

/* Punctuation taken off both ends of a chunk before it is judged. */
static int is_edge_punct(int32_t cp)
{
    switch (cp) {
    case '(': case ')': case '[': case ']': case '{': case '}': case '"': case '\'':
    case ',': case '.': case ';': case ':': case '!': case '?': case '*': case '_':
    case '-': case '<': case '>':
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x00AB: case 0x00BB:
    case 0x2026: case 0x2013: case 0x2014:
        return 1;
    default:
        return 0;
    }
}

static int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

/* 1 when the chunk s[a..b) is to be left as it is (apart from NFC). */
static int chunk_is_opaque(const char *s, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)s;
    /* take edge punctuation off */
    for (;;) {
        int32_t cp;
        if (a >= b)
            return 0;
        size_t n = vnt__utf8_decode(u, b, a, &cp);
        if (n == 0 || !is_edge_punct(cp))
            break;
        a += n;
    }
    while (b > a) {
        size_t k = b - 1;
        while (k > a && (u[k] & 0xC0) == 0x80)
            k--;
        int32_t cp;
        size_t n = vnt__utf8_decode(u, b, k, &cp);
        if (n == 0 || k + n != b || !is_edge_punct(cp))
            break;
        b = k;
    }
    int prev_kind = 0; /* 0 other, 1 letter, 2 digit */
    int prev_apos_after_letter = 0;
    for (size_t i = a; i < b;) {
        int32_t cp;
        size_t n = vnt__utf8_decode(u, b, i, &cp);
        if (n == 0)
            return 1;
        int kind = 0;
        switch (cp) {
        case '@': case '/': case '\\': case '_': case '=': case '#': case '&':
        case '%': case '~': case '+': case '*': case '<': case '>': case '|':
        case '^': case '`': case '$':
            return 1;
        default:
            break;
        }
        if (cp >= '0' && cp <= '9')
            kind = 2;
        else if (is_letter(cp) || (prev_kind == 1 && is_mark(cp)))
            kind = 1;
        if ((kind == 1 && prev_kind == 2) || (kind == 2 && prev_kind == 1))
            return 1;
        if (kind == 1 && prev_apos_after_letter)
            return 1;
        prev_apos_after_letter = is_apostrophe(cp) && prev_kind == 1;
        prev_kind = kind;
        i += n;
    }
    return looks_like_domain(s, a, b);
}

/* ---------------------------------------------------------------------- */
/* Syllables                                                                */

/* Writes the letters with the tone on letter `target` into dst (room for
 * 4 bytes a letter); returns the length. */
static size_t write_letters(const uint8_t *codes, const uint8_t *upper, int n, int tone,
                            int target, char *dst)
{
    size_t k = 0;
    for (int i = 0; i < n; i++)
        k += vnt__utf8_encode(vnt__compose_letter(codes[i], i == target ? tone : 0, upper[i]),
                              dst + k);
    return k;
}

/* A run of precomposed letters only (no combining marks). */
static vnt_status fast_run(emitter *e, size_t a, size_t b, vnt_style style)
{
    const unsigned char *u = (const unsigned char *)e->s;
    uint8_t codes[VNT_SYLLABLE_MAX_LETTERS], upper[VNT_SYLLABLE_MAX_LETTERS];
    int n = 0, tone = 0, ntones = 0, tone_at = -1;
    for (size_t i = a; i < b;) {
        int32_t cp;
        size_t k = vnt__utf8_decode(u, b, i, &cp);
        uint16_t info = vnt__letter_info(cp);
        if (n == VNT_SYLLABLE_MAX_LETTERS)
            return VNT_OK; /* too long to be a syllable */
        codes[n] = VNT_LI_CODE(info);
        upper[n] = (uint8_t)VNT_LI_UPPER(info);
        if (VNT_LI_TONE(info)) {
            tone = VNT_LI_TONE(info);
            tone_at = n;
            ntones++;
        }
        n++;
        i += k;
    }
    if (ntones != 1)
        return VNT_OK;
    vnt_syllable syl;
    if (!vnt__parse_letters(codes, upper, n, tone, &syl) ||
        !vnt__tone_site_ok(&syl, codes, tone_at))
        return VNT_OK;
    int target = vnt__tone_letter(&syl, style);
    if (target == tone_at)
        return VNT_OK;
    char tmp[4 * VNT_SYLLABLE_MAX_LETTERS];
    size_t tl = write_letters(codes, upper, n, tone, target, tmp);
    return emit_replace(e, a, b, tmp, tl);
}

/* A run of letters with combining marks or other scripts in it. */
static vnt_status slow_run(emitter *e, size_t a, size_t b, vnt_style style)
{
    if (b - a <= 64) {
        int32_t cps[256];
        utf8proc_ssize_t n =
            utf8proc_decompose((const utf8proc_uint8_t *)e->s + a, (utf8proc_ssize_t)(b - a),
                               cps, 256, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
        if (n > 0 && n <= 256) {
            uint8_t codes[VNT_SYLLABLE_MAX_LETTERS], upper[VNT_SYLLABLE_MAX_LETTERS];
            int tone, ntones, tone_at;
            int nl = vnt__collect_letters(cps, (size_t)n, codes, upper, &tone, &ntones, &tone_at);
            vnt_syllable syl;
            if (nl > 0 && ntones == 1 && vnt__parse_letters(codes, upper, nl, tone, &syl) &&
                vnt__tone_site_ok(&syl, codes, tone_at)) {
                char tmp[4 * VNT_SYLLABLE_MAX_LETTERS];
                size_t tl = write_letters(codes, upper, nl, tone, vnt__tone_letter(&syl, style),
                                          tmp);
                return emit_replace(e, a, b, tmp, tl);
            }
        }
    }
    return nfc_region(e, a, b);
}

/* A chunk that is not opaque: letter runs are syllable candidates, the rest
 * is put in NFC. */
static vnt_status normal_chunk(emitter *e, size_t a, size_t b, vnt_style style)
{
    const unsigned char *u = (const unsigned char *)e->s;
    size_t i = a;
    size_t other_start = a; /* start of the current non-letter stretch */
    while (i < b) {
        int32_t cp;
        size_t n = vnt__utf8_decode(u, b, i, &cp);
        if (!is_letter(cp)) {
            i += n;
            continue;
        }
        /* a letter run starts at i */
        vnt_status st = nfc_span(e, other_start, i);
        if (st != VNT_OK)
            return st;
        size_t r = i;
        int fast = 1;
        while (r < b) {
            int32_t c2;
            size_t n2 = vnt__utf8_decode(u, b, r, &c2);
            if (c2 < 0x80 ? !(((c2 | 32) >= 'a') && ((c2 | 32) <= 'z')) : 0)
                break;
            if (c2 >= 0x80 && !vnt__letter_info(c2)) {
                if (!is_letter(c2) && !is_mark(c2))
                    break;
                fast = 0;
            }
            r += n2;
        }
        st = fast ? fast_run(e, i, r, style) : slow_run(e, i, r, style);
        if (st != VNT_OK)
            return st;
        i = r;
        other_start = r;
    }
    return nfc_span(e, other_start, b);
}

static vnt_status run_normalize(emitter *e, vnt_style style)
{
    const unsigned char *u = (const unsigned char *)e->s;
    size_t len = e->len;
    size_t i = 0;
    while (i < len) {
        /* skip white space */
        int32_t cp;
        size_t n;
        if (u[i] < 0x80) {
            if (u[i] == ' ' || (u[i] >= 0x09 && u[i] <= 0x0D)) {
                i++;
                continue;
            }
            n = 1;
        } else {
            n = vnt__utf8_decode(u, len, i, &cp);
            if (n == 0)
                return VNT_ERR_INVALID_UTF8;
            if (is_space(cp)) {
                i += n;
                continue;
            }
        }
        /* the chunk runs to the next white space; note whether anything in
         * it needs a look (a non-ASCII character) */
        size_t a = i;
        int plain = 1;
        while (i < len) {
            unsigned c = u[i];
            if (c < 0x80) {
                if (c == ' ' || (c >= 0x09 && c <= 0x0D))
                    break;
                i++;
                continue;
            }
            n = vnt__utf8_decode(u, len, i, &cp);
            if (n == 0)
                return VNT_ERR_INVALID_UTF8;
            if (is_space(cp))
                break;
            plain = 0;
            i += n;
        }
        if (plain)
            continue; /* ASCII: no tone marks, already NFC */
        vnt_status st = chunk_is_opaque(e->s, a, i) ? nfc_span(e, a, i)
                                                   : normal_chunk(e, a, i, style);
        if (st != VNT_OK)
            return st;
    }
    return VNT_OK;
}

vnt_status vnt_normalize(const char *s, size_t len, vnt_style style, vnt_buf *out,
                         int *changed)
{
    if ((s == NULL && len != 0) || out == NULL ||
        (style != VNT_STYLE_TRADITIONAL && style != VNT_STYLE_MODERN))
        return VNT_ERR_INVALID_ARG;
    if (changed)
        *changed = 0;
    size_t out_len0 = out->len;
    emitter e = {s, len, out, 0, 0};
    vnt_status st = run_normalize(&e, style);
    if (st == VNT_OK) {
        if (!e.started && changed == NULL)
            st = vnt_buf_append(out, s, len);
        else
            st = emit_finish(&e);
    }
    if (st != VNT_OK) {
        out->len = out_len0;
        return st;
    }
    if (changed)
        *changed = e.started;
    return VNT_OK;
}

vnt_status vnt_nfc(const char *s, size_t len, vnt_buf *out)
{
    if ((s == NULL && len != 0) || out == NULL)
        return VNT_ERR_INVALID_ARG;
    size_t out_len0 = out->len;
    emitter e = {s, len, out, 0, 0};
    vnt_status st = nfc_span(&e, 0, len);
    if (st == VNT_OK)
        st = e.started ? emit_finish(&e) : vnt_buf_append(out, s, len);
    if (st != VNT_OK)
        out->len = out_len0;
    return st;
}

/* ---------------------------------------------------------------------- */
/* Accent removal                                                           */

static int is_vietnamese_mark(int32_t cp)
{
    switch (cp) {
    case 0x0300: case 0x0301: case 0x0303: case 0x0309: case 0x0323:
    case 0x0340: case 0x0341: case 0x0302: case 0x0306: case 0x031B:
        return 1;
    default:
        return 0;
    }
}

/* The plain ASCII letter of a vowel letter code or đ. */
static int32_t bare_letter(uint8_t code, int upper)
{
    static const char bare[] = "aaaeeiooouuy";
    char c = (char)code;
    for (int v = 0; vnt_vowel_codes[v]; v++)
        if (vnt_vowel_codes[v] == (char)code)
            c = bare[v];
    if (code == 'D')
        c = 'd';
    return upper ? c - 32 : c;
}

vnt_status vnt_remove_accents(const char *s, size_t len, vnt_buf *out)
{
    if ((s == NULL && len != 0) || out == NULL)
        return VNT_ERR_INVALID_ARG;
    size_t out_len0 = out->len;
    vnt_buf nfc;
    vnt_buf_init(&nfc);
    /* Work on NFC text, so that a letter and its marks are one code point
     * wherever Unicode has one; marks left over belong to letters that are
     * not Vietnamese and are kept. */
    vnt_status st = vnt_nfc(s, len, &nfc);
    if (st != VNT_OK)
        goto done;
    const unsigned char *u = (const unsigned char *)nfc.data;
    st = vnt_buf_reserve(out, nfc.len);
    for (size_t i = 0; st == VNT_OK && i < nfc.len;) {
        int32_t cp;
        size_t n = vnt__utf8_decode(u, nfc.len, i, &cp);
        if (n == 0) {
            st = VNT_ERR_INVALID_UTF8;
            break;
        }
        uint16_t info = vnt__letter_info(cp);
        uint8_t code = VNT_LI_CODE(info);
        if (!info || !(vnt__is_vowel_code(code) || code == 'D')) {
            st = vnt_buf_append(out, nfc.data + i, n);
            i += n;
            continue;
        }
        /* a Vietnamese vowel or đ: its marks go, with any Vietnamese marks
         * left after it; a letter with any other mark is kept whole */
        size_t j = i + n;
        int foreign = 0;
        while (j < nfc.len && u[j] >= 0x80) {
            int32_t m;
            size_t k = vnt__utf8_decode(u, nfc.len, j, &m);
            if (k == 0 || !is_mark(m))
                break;
            if (!is_vietnamese_mark(m))
                foreign = 1;
            j += k;
        }
        if (foreign)
            st = vnt_buf_append(out, nfc.data + i, j - i);
        else
            st = vnt__buf_put_cp(out, bare_letter(code, VNT_LI_UPPER(info)));
        i = j;
    }
done:
    vnt_buf_free(&nfc);
    if (st != VNT_OK)
        out->len = out_len0;
    return st;
}
