/* Tone-mark normalization, accent removal and NFC.
 *
 * One left-to-right pass over the text. Text is cut into chunks at white
 * space; a chunk that looks like a URL, an e-mail address, a path, an
 * identifier or a domain name is only put in NFC. In other chunks each run of
 * letters (with their combining marks) is read as a possible Vietnamese
 * syllable: when it is one, with one tone mark, it is written back with the
 * tone where the style puts it; everything else is only put in NFC.
 *
 * The pass produces edits (replace input bytes [a, b) by these bytes), so
 * text that is already normalized costs one read and no writes, and a caller
 * can splice the changes into a text it holds in another form.
 */
#include <stdlib.h>

#include <utf8proc.h>

#include "letters.h"

#if defined(__SSE2__) && defined(__GNUC__)
#define SSE2_SCAN 1
#include <emmintrin.h>
#endif

/* ---------------------------------------------------------------------- */
/* Edits                                                                    */

void vnt_edits_init(vnt_edits *edits)
{
    edits->items = NULL;
    edits->len = 0;
    edits->cap = 0;
    vnt_buf_init(&edits->text);
}

void vnt_edits_free(vnt_edits *edits)
{
    if (edits == NULL)
        return;
    free(edits->items);
    vnt_buf_free(&edits->text);
    vnt_edits_init(edits);
}

void vnt_edits_clear(vnt_edits *edits)
{
    edits->len = 0;
    vnt_buf_clear(&edits->text);
}

typedef struct {
    const char *s;
    size_t len;
    vnt_edits *ed;
} ctx;

/* Records that input bytes [a, b) become r[0..rlen), unless they already
 * are. Edits come in order. */
static vnt_status push_edit(ctx *c, size_t a, size_t b, const char *r, size_t rlen)
{
    if (rlen == b - a && memcmp(c->s + a, r, rlen) == 0)
        return VNT_OK;
    vnt_edits *ed = c->ed;
    if (ed->len == ed->cap) {
        size_t cap = ed->cap ? ed->cap * 2 : 64;
        if (cap > SIZE_MAX / sizeof *ed->items)
            return VNT_ERR_TOO_LARGE;
        vnt_edit *p = realloc(ed->items, cap * sizeof *p);
        if (p == NULL)
            return VNT_ERR_NOMEM;
        ed->items = p;
        ed->cap = cap;
    }
    vnt_edit *x = &ed->items[ed->len];
    x->start = a;
    x->end = b;
    x->repl = ed->text.len;
    x->repl_len = rlen;
    vnt_status st = vnt_buf_append(&ed->text, r, rlen);
    if (st == VNT_OK)
        ed->len++;
    return st;
}

vnt_status vnt_edits_apply(const vnt_edits *edits, const char *s, size_t len, vnt_buf *out)
{
    if (edits == NULL || out == NULL || (s == NULL && len != 0))
        return VNT_ERR_INVALID_ARG;
    size_t grow = edits->text.len, len0 = out->len;
    vnt_status st = vnt_buf_reserve(out, len > SIZE_MAX - grow ? SIZE_MAX : len + grow);
    size_t pos = 0;
    for (size_t k = 0; st == VNT_OK && k < edits->len; k++) {
        const vnt_edit *x = &edits->items[k];
        if (x->start < pos || x->end < x->start || x->end > len ||
            x->repl > edits->text.len || x->repl_len > edits->text.len - x->repl) {
            st = VNT_ERR_INVALID_ARG;
            break;
        }
        st = vnt_buf_append(out, s + pos, x->start - pos);
        if (st == VNT_OK)
            st = vnt_buf_append(out, edits->text.data + x->repl, x->repl_len);
        pos = x->end;
    }
    if (st == VNT_OK)
        st = vnt_buf_append(out, s + pos, len - pos);
    if (st != VNT_OK)
        out->len = len0; /* out as it was */
    return st;
}

/* ---------------------------------------------------------------------- */
/* Character classes                                                        */

/* NFC-inert: a starter that no normalization changes and that never
 * combines with the character before it. ASCII and precomposed Vietnamese
 * letters are checked by the callers first. */
static int nfc_inert(int32_t cp)
{
    if (cp < 0x300 || (cp >= 0x2010 && cp <= 0x2027))
        return 1; /* Latin-1, Latin Extended-A/B, dashes, quotes, ellipsis */
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

/* NFC of s[a..b) through utf8proc, recorded when it differs. The span must
 * start at a starter that does not combine with what precedes it. */
static vnt_status nfc_region(ctx *c, size_t a, size_t b)
{
    int32_t stack[256];
    int32_t *buf = stack;
    utf8proc_ssize_t cap = 256;
    const utf8proc_uint8_t *src = (const utf8proc_uint8_t *)c->s + a;
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
            st = push_edit(c, a, b, (const char *)buf, (size_t)n);
    }
    if (buf != stack)
        free(buf);
    return st;
}

/* NFC of s[a..b), touching utf8proc only around characters that are not
 * inert: each such stretch is renormalized from the starter before it. */
static vnt_status nfc_span(ctx *c, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)c->s;
    size_t i = a;
    size_t last_starter = a; /* start of the last inert character */
    size_t region_start = SIZE_MAX;
    while (i < b) {
        int32_t cp;
        size_t n = 1;
        int inert = 1;
        if (u[i] >= 0x80) {
            n = vnt__utf8_decode(u, b, i, &cp);
            if (n == 0)
                return VNT_ERR_INVALID_UTF8;
            inert = vnt__letter_info(cp) != 0 || nfc_inert(cp);
        }
        if (!inert) {
            if (region_start == SIZE_MAX)
                region_start = last_starter;
        } else {
            if (region_start != SIZE_MAX) {
                vnt_status st = nfc_region(c, region_start, i);
                if (st != VNT_OK)
                    return st;
                region_start = SIZE_MAX;
            }
            last_starter = i;
        }
        i += n;
    }
    if (region_start != SIZE_MAX)
        return nfc_region(c, region_start, b);
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

/* The code point as NFC will have it, where NFC maps it alone to another
 * one (U+037E GREEK QUESTION MARK is ';', U+1FEF is '`', U+212A KELVIN SIGN
 * is 'K'), so that a chunk is judged the same before and after NFC. */
static int32_t nfc_single(int32_t cp)
{
    if (cp < 0x300 || vnt__letter_info(cp))
        return cp;
    utf8proc_int32_t d[4];
    int bc = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE, &bc);
    return n == 1 ? d[0] : cp;
}

/* Decodes one code point for chunk_is_opaque, as NFC will have it. */
static size_t decode_nfc_single(const unsigned char *u, size_t len, size_t i, int32_t *cp)
{
    size_t n = vnt__utf8_decode(u, len, i, cp);
    if (n)
        *cp = nfc_single(*cp);
    return n;
}

/* 1 when each run of letters (with their marks) in u[a..b) is a
 * Vietnamese syllable. */
static int all_syllables(const unsigned char *u, size_t a, size_t b)
{
    vnt_syllable syl;
    size_t run = SIZE_MAX;
    for (size_t i = a; i <= b;) {
        int32_t cp = 0;
        size_t n = i < b ? decode_nfc_single(u, b, i, &cp) : 0;
        int in_run = n != 0 && (is_letter(cp) || (run != SIZE_MAX && is_mark(cp)));
        if (!in_run && run != SIZE_MAX) {
            if (!vnt_syllable_parse((const char *)u + run, i - run, &syl))
                return 0;
            run = SIZE_MAX;
        } else if (in_run && run == SIZE_MAX) {
            run = i;
        }
        if (i == b)
            break;
        i += n ? n : 1;
    }
    return 1;
}

/* 1 when the chunk s[a..b) is to be left as it is (apart from NFC). */
static int chunk_is_opaque(const char *s, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)s;
    /* take edge punctuation off */
    for (;;) {
        int32_t cp;
        if (a >= b)
            return 0;
        size_t n = decode_nfc_single(u, b, a, &cp);
        if (n == 0 || !is_edge_punct(cp))
            break;
        a += n;
    }
    while (b > a) {
        size_t k = b - 1;
        while (k > a && (u[k] & 0xC0) == 0x80)
            k--;
        int32_t cp;
        size_t n = decode_nfc_single(u, b, k, &cp);
        if (n == 0 || k + n != b || !is_edge_punct(cp))
            break;
        b = k;
    }
    int prev_kind = 0; /* 0 other, 1 letter, 2 digit */
    int prev_apos_after_letter = 0;
    /* a period or a colon makes a slash part of a domain, a path or a URL */
    const int dotted = memchr(s + a, '.', b - a) != NULL || memchr(s + a, ':', b - a) != NULL;
    int joined = 0;
    for (size_t i = a; i < b;) {
        int32_t cp;
        size_t n = decode_nfc_single(u, b, i, &cp);
        if (n == 0)
            return 1;
        int kind = 0;
        switch (cp) {
        case '_': case '/':
            /* between two letters, an underscore joins the syllables of a
             * segmented word ("hoà_bình", as the corpora and format="text"
             * write them) and a slash parts two words ("và/hoặc", "sức
             * khoẻ/tinh thần"), when every run of letters of the chunk is
             * a Vietnamese syllable (all_syllables): the words are read as
             * if a hyphen stood there. Elsewhere they belong to identifiers
             * ("user_name", "snake_hoà") and paths. */
            if (prev_kind == 1 && (cp == '_' || !dotted) && i + n < b) {
                int32_t next;
                size_t m = decode_nfc_single(u, b, i + n, &next);
                if (m != 0 && is_letter(next)) {
                    joined = 1;
                    break;
                }
            }
            return 1;
        case '@': case '\\': case '=': case '#': case '&':
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
    if (joined && !all_syllables(u, a, b))
        return 1;
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

/* For precomposed letters with one tone, on letter tone_at: when they are a
 * syllable whose tone belongs on another letter, writes the respelling into
 * dst and returns its length; otherwise returns 0. */
static size_t respell(const uint8_t *codes, const uint8_t *upper, int n, int tone, int tone_at,
                      vnt_style style, char *dst)
{
    vnt_syllable syl;
    if (!vnt__parse_letters(codes, upper, n, tone, &syl) ||
        !vnt__tone_site_ok(&syl, codes, tone_at))
        return 0;
    int target = vnt__tone_letter(&syl, style);
    if (target == tone_at)
        return 0;
    return write_letters(codes, upper, n, tone, target, dst);
}

/* 1 when a tone on letter tone_at of a run surely stays where it is, so the
 * run needs no parse: a tone on the last shaped vowel (rule 2 of the
 * placement rules covers every nucleus with a shaped vowel), or on the only
 * vowel. last_shaped is the index of the last shaped vowel (-1: none). */
VNT_INLINE int tone_surely_placed(int tone_at, int last_shaped, int nvowels, int tone_on_vowel)
{
    if (last_shaped >= 0)
        return tone_at == last_shaped;
    return nvowels == 1 && tone_on_vowel;
}

/* A run of letters with combining marks or other scripts in it. */
static vnt_status slow_run(ctx *c, size_t a, size_t b, vnt_style style)
{
    if (b - a <= 64) {
        int32_t cps[256];
        utf8proc_ssize_t n =
            utf8proc_decompose((const utf8proc_uint8_t *)c->s + a, (utf8proc_ssize_t)(b - a),
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
                return push_edit(c, a, b, tmp, tl);
            }
        }
    }
    return nfc_region(c, a, b);
}

/* The general path for a chunk that is not opaque: letter runs are
 * syllable candidates, everything else is put in NFC. */
static vnt_status normal_chunk(ctx *c, size_t a, size_t b, vnt_style style)
{
    const unsigned char *u = (const unsigned char *)c->s;
    size_t i = a;
    size_t other_start = a; /* start of the current non-letter stretch */
    vnt_status st;
    while (i < b) {
        int32_t cp = u[i];
        size_t n = 1;
        if (u[i] >= 0x80)
            n = vnt__utf8_decode(u, b, i, &cp);
        if (!is_letter(cp)) {
            i += n;
            continue;
        }
        /* a letter run starts at i */
        if ((st = nfc_span(c, other_start, i)) != VNT_OK)
            return st;
        uint8_t codes[VNT_SYLLABLE_MAX_LETTERS], upper[VNT_SYLLABLE_MAX_LETTERS];
        int nl = 0, tone = 0, ntones = 0, tone_at = -1, fast = 1;
        size_t r = i;
        while (r < b) {
            int32_t c2 = u[r];
            size_t n2 = 1;
            if (u[r] >= 0x80)
                n2 = vnt__utf8_decode(u, b, r, &c2);
            uint16_t info = vnt__letter_info(c2);
            if (!info) {
                if (c2 < 0x80 || (!is_letter(c2) && !is_mark(c2)))
                    break;
                fast = 0;
            } else if (nl < VNT_SYLLABLE_MAX_LETTERS) {
                codes[nl] = VNT_LI_CODE(info);
                upper[nl] = (uint8_t)VNT_LI_UPPER(info);
                if (VNT_LI_TONE(info)) {
                    tone = VNT_LI_TONE(info);
                    tone_at = nl;
                    ntones++;
                }
            }
            nl++;
            r += n2;
        }
        st = VNT_OK;
        if (!fast) {
            st = slow_run(c, i, r, style);
        } else if (ntones == 1 && nl <= VNT_SYLLABLE_MAX_LETTERS) {
            char tmp[4 * VNT_SYLLABLE_MAX_LETTERS];
            size_t tl = respell(codes, upper, nl, tone, tone_at, style, tmp);
            if (tl)
                st = push_edit(c, i, r, tmp, tl);
        }
        if (st != VNT_OK)
            return st;
        i = r;
        other_start = r;
    }
    return nfc_span(c, other_start, b);
}

/* ---------------------------------------------------------------------- */
/* The pass                                                                 */

/* ASCII characters that send a chunk to the opaque check (chunk_is_opaque):
 * anything but letters and ordinary sentence punctuation. */
VNT_INLINE int ascii_needs_check(unsigned c)
{
    switch (c) {
    case ',': case ';': case ':': case '!': case '?': case '(': case ')': case '"':
    case '-':
        return 0;
    default:
        return !((c | 32) >= 'a' && (c | 32) <= 'z');
    }
}

VNT_INLINE int ascii_space(unsigned c) { return c == ' ' || (c >= 0x09 && c <= 0x0D); }

/* A respelling found in a chunk, applied when the chunk ends and turns out
 * not to be opaque. */
typedef struct {
    size_t a, b;
    size_t len;
    char text[4 * VNT_SYLLABLE_MAX_LETTERS];
} pending_edit;

#define MAX_PENDING 8

/* One chunk, from a to the next white space, in one read when it holds only
 * precomposed letters and inert punctuation. A chunk with anything else
 * (combining marks, letters of other scripts, characters that NFC changes,
 * many respellings) goes through normal_chunk, or nfc_span when it is
 * opaque. Stores the end of the chunk in *end. */
static vnt_status one_chunk(ctx *c, size_t a, vnt_style style, size_t *end)
{
    const unsigned char *u = (const unsigned char *)c->s;
    const size_t len = c->len;
    pending_edit pend[MAX_PENDING];
    int npend = 0;
    int check = 0;   /* the chunk may be opaque */
    int general = 0; /* the chunk needs the general path */
    size_t i = a;
    while (i < len) {
        int32_t cp = 0;
        size_t n = 1;
        uint16_t info;
        if (u[i] < 0x80) {
            info = vnt__letter_info(u[i]);
        } else {
            n = vnt__utf8_decode(u, len, i, &cp);
            if (n == 0)
                return VNT_ERR_INVALID_UTF8;
            info = vnt__letter_info(cp);
        }
        if (info) {
            /* a run of letters: collect them */
            uint8_t codes[VNT_SYLLABLE_MAX_LETTERS], upper[VNT_SYLLABLE_MAX_LETTERS];
            int nl = 0, tone = 0, ntones = 0, tone_at = -1, last_shaped = -1, nvowels = 0;
            size_t run = i;
            do {
                if (nl < VNT_SYLLABLE_MAX_LETTERS) {
                    codes[nl] = VNT_LI_CODE(info);
                    upper[nl] = (uint8_t)VNT_LI_UPPER(info);
                    nvowels += VNT_LI_VOWEL(info);
                    if (VNT_LI_SHAPED(info))
                        last_shaped = nl;
                    if (VNT_LI_TONE(info)) {
                        tone = VNT_LI_TONE(info);
                        tone_at = nl;
                        ntones++;
                    }
                }
                nl++;
                i += n;
                if (i >= len)
                    break;
                if (u[i] < 0x80) {
                    n = 1;
                    info = vnt__letter_info(u[i]);
                } else {
                    n = vnt__utf8_decode(u, len, i, &cp);
                    if (n == 0)
                        return VNT_ERR_INVALID_UTF8;
                    info = vnt__letter_info(cp);
                }
            } while (info);
            if (ntones == 1 && nl <= VNT_SYLLABLE_MAX_LETTERS && !general &&
                !tone_surely_placed(tone_at, last_shaped, nvowels,
                                    vnt__is_vowel_code(codes[tone_at]))) {
                if (npend == MAX_PENDING) {
                    general = 1;
                } else {
                    pending_edit *p = &pend[npend];
                    p->len = respell(codes, upper, nl, tone, tone_at, style, p->text);
                    if (p->len) {
                        p->a = run;
                        p->b = i;
                        npend++;
                    }
                }
            }
            continue; /* i is at the character after the run (not yet read) */
        }
        if (cp < 0x80 && u[i] < 0x80) {
            if (ascii_space(u[i]))
                break;
            check |= ascii_needs_check(u[i]);
        } else if (is_space(cp)) {
            break;
        } else {
            check = 1;
            if (!nfc_inert(cp) || is_letter(cp))
                general = 1;
        }
        i += n;
    }
    *end = i;
    if (!npend && !general)
        return VNT_OK;
    if (check && chunk_is_opaque(c->s, a, i))
        return general ? nfc_span(c, a, i) : VNT_OK;
    if (general)
        return normal_chunk(c, a, i, style);
    vnt_status st = VNT_OK;
    for (int k = 0; k < npend && st == VNT_OK; k++)
        st = push_edit(c, pend[k].a, pend[k].b, pend[k].text, pend[k].len);
    return st;
}

/* Pure ASCII needs nothing (no tone marks, already NFC), so the pass skips
 * it eight bytes at a time and reads only the chunks that hold a non-ASCII
 * character. */
static vnt_status run_normalize(ctx *c, vnt_style style)
{
    const unsigned char *u = (const unsigned char *)c->s;
    const size_t len = c->len;
    size_t done = 0; /* everything before this is read */
    size_t i = 0;
    while (i < len) {
#ifdef SSE2_SCAN
        /* the next byte at or above 0x80, 16 bytes at a time */
        while (i + 16 <= len) {
            unsigned m = (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(u + i)));
            if (m) {
                i += (size_t)__builtin_ctz(m);
                break;
            }
            i += 16;
        }
#endif
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (w & UINT64_C(0x8080808080808080))
                break;
            i += 8;
        }
        while (i < len && u[i] < 0x80)
            i++;
        if (i >= len)
            break;
        /* the chunk holding u[i] starts after the last white space; only
         * ASCII lies between done and i */
        size_t a = i;
        while (a > done && !ascii_space(u[a - 1]))
            a--;
        size_t end;
        vnt_status st = one_chunk(c, a, style, &end);
        if (st != VNT_OK)
            return st;
        /* the character that ended the chunk is white space (or the end) */
        if (end < len) {
            int32_t cp;
            size_t n = u[end] < 0x80 ? 1 : vnt__utf8_decode(u, len, end, &cp);
            end += n;
        }
        done = i = end;
    }
    return VNT_OK;
}

vnt_status vnt_normalize_edits(const char *s, size_t len, vnt_style style, vnt_edits *edits)
{
    if ((s == NULL && len != 0) || edits == NULL ||
        (style != VNT_STYLE_TRADITIONAL && style != VNT_STYLE_MODERN))
        return VNT_ERR_INVALID_ARG;
    vnt_edits_clear(edits);
    ctx c = {s, len, edits};
    vnt_status st = run_normalize(&c, style);
    if (st != VNT_OK)
        vnt_edits_clear(edits);
    return st;
}

vnt_status vnt_normalize(const char *s, size_t len, vnt_style style, vnt_buf *out,
                         int *changed)
{
    if (changed)
        *changed = 0;
    if (out == NULL)
        return VNT_ERR_INVALID_ARG;
    vnt_edits ed;
    vnt_edits_init(&ed);
    vnt_status st = vnt_normalize_edits(s, len, style, &ed);
    if (st == VNT_OK && (ed.len > 0 || changed == NULL)) {
        size_t len0 = out->len;
        st = vnt_edits_apply(&ed, s, len, out);
        if (st != VNT_OK)
            out->len = len0;
        else if (changed)
            *changed = 1;
    }
    vnt_edits_free(&ed);
    return st;
}

vnt_status vnt_nfc(const char *s, size_t len, vnt_buf *out)
{
    if ((s == NULL && len != 0) || out == NULL)
        return VNT_ERR_INVALID_ARG;
    vnt_edits ed;
    vnt_edits_init(&ed);
    ctx c = {s, len, &ed};
    vnt_status st = nfc_span(&c, 0, len);
    size_t len0 = out->len;
    if (st == VNT_OK)
        st = vnt_edits_apply(&ed, s, len, out);
    if (st != VNT_OK)
        out->len = len0;
    vnt_edits_free(&ed);
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

static int32_t bare_letter(uint8_t code, int upper);

/* Whether the tone mark on the consonant at u[a] goes, like those on the
 * vowels: yes when its word (precomposed letters and combining marks) has
 * other Vietnamese marks (ṛôa, èṭ: a syllable with its tone typed late) or
 * is a syllable once all marks are gone (ña); no in words such as niño.
 * Both tests give the same answer on the output, so remove_accents is
 * idempotent. Reads at most a syllable's letters either way. */
static int consonant_tone_goes(const unsigned char *u, size_t len, size_t a)
{
    uint8_t codes[2 * VNT_SYLLABLE_MAX_LETTERS + 2], upper[2 * VNT_SYLLABLE_MAX_LETTERS + 2];
    uint8_t before[VNT_SYLLABLE_MAX_LETTERS + 1];
    int nb = 0, n = 0, marked = 0;
    int32_t cp;
    size_t i = a;
    while (i > 0 && nb <= VNT_SYLLABLE_MAX_LETTERS) { /* letters before a */
        size_t k = i - 1;
        while (k > 0 && (u[k] & 0xC0) == 0x80)
            k--;
        if (!vnt__utf8_decode(u, len, k, &cp))
            break;
        uint16_t info = vnt__letter_info(cp);
        if (info) {
            before[nb++] = VNT_LI_CODE(info);
            marked |= VNT_LI_CODE(info) == 'D' || VNT_LI_SHAPED(info) ||
                      (VNT_LI_VOWEL(info) && VNT_LI_TONE(info));
        } else if (is_mark(cp)) {
            marked |= is_vietnamese_mark(cp);
        } else {
            break;
        }
        i = k;
    }
    for (int k = nb - 1; k >= 0; k--)
        codes[n++] = before[k];
    int own = 0; /* the marks being read follow the consonant at a */
    for (i = a; i < len && n <= VNT_SYLLABLE_MAX_LETTERS;) { /* from a on */
        size_t k = vnt__utf8_decode(u, len, i, &cp);
        if (k == 0)
            break;
        uint16_t info = vnt__letter_info(cp);
        if (info) {
            codes[n++] = VNT_LI_CODE(info);
            own = i == a;
            if (!own)
                marked |= VNT_LI_CODE(info) == 'D' || VNT_LI_SHAPED(info) ||
                          (VNT_LI_VOWEL(info) && VNT_LI_TONE(info));
        } else if (is_mark(cp)) {
            if (!own)
                marked |= is_vietnamese_mark(cp);
        } else {
            break;
        }
        i += k;
    }
    if (n > VNT_SYLLABLE_MAX_LETTERS)
        return 0; /* too long for a syllable */
    if (marked)
        return 1;
    for (int k = 0; k < n; k++) {
        codes[k] = (uint8_t)bare_letter(codes[k], 0);
        upper[k] = 0;
    }
    vnt_syllable syl;
    return vnt__parse_letters(codes, upper, n, VNT_TONE_NONE, &syl);
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

/* 1 when the letter codes[0..n) (bare: a e i o u y and consonants), with
 * some shape on each vowel that takes one (a ă â, e ê, o ô ơ, u ư), are a
 * Vietnamese syllable: "duong" is "dương". Tries the shapes of vowel k on. */
static int some_shape_parses(uint8_t *codes, int n, int k)
{
    static const char *const SHAPES[] = {"aWA", "eE", "oOP", "uU"};
    while (k < n && !memchr("aeou", codes[k], 4))
        k++;
    if (k == n) {
        uint8_t upper[VNT_SYLLABLE_MAX_LETTERS] = {0};
        vnt_syllable syl;
        return vnt__parse_letters(codes, upper, n, VNT_TONE_NONE, &syl);
    }
    const uint8_t bare = codes[k];
    const char *shapes = SHAPES[bare == 'a' ? 0 : bare == 'e' ? 1 : bare == 'o' ? 2 : 3];
    for (const char *c = shapes; *c; c++) {
        codes[k] = (uint8_t)*c;
        if (some_shape_parses(codes, n, k + 1)) {
            codes[k] = bare;
            return 1;
        }
    }
    codes[k] = bare;
    return 0;
}

/* 1 when the eth at u[i] (U+00D0 Ð or U+00F0 ð, two bytes) stands for
 * d with stroke, as text converted from the old encodings writes it
 * ("Ðà Nẵng", "Ðường"): it opens a word whose letters, as remove_accents
 * writes them (Vietnamese letters bare, marks gone), make a syllable after
 * a đ once their vowels take some shape (some_shape_parses). Read on the
 * bare letters, so that the output decides the same and remove_accents
 * stays idempotent. "Ðorđe", "Þór Ðór" keep their eth. */
static int eth_for_d(const unsigned char *u, size_t len, size_t i)
{
    uint8_t codes[VNT_SYLLABLE_MAX_LETTERS];
    int n = 0, vowels = 0;
    size_t j = i + 2;
    if (i > 0) { /* it opens its word */
        size_t k = i - 1;
        int32_t cp;
        while (k > 0 && (u[k] & 0xC0) == 0x80)
            k--;
        if (vnt__utf8_decode(u, len, k, &cp) && (is_letter(cp) || is_mark(cp)))
            return 0;
    }
    codes[n++] = 'D';
    while (j < len) {
        int32_t cp;
        size_t k = vnt__utf8_decode(u, len, j, &cp);
        if (k == 0 || !(is_letter(cp) || is_mark(cp)))
            break;
        j += k;
        if (is_mark(cp))
            continue;
        uint16_t info = vnt__letter_info(cp);
        if (!info || n == VNT_SYLLABLE_MAX_LETTERS)
            return 0; /* a letter of no Vietnamese syllable, or too many */
        codes[n] = (uint8_t)bare_letter(VNT_LI_CODE(info), 0);
        vowels += memchr("aeou", codes[n], 4) != NULL;
        if (vowels > 3)
            return 0; /* no nucleus has more */
        n++;
    }
    return some_shape_parses(codes, n, 1);
}

vnt_status vnt_remove_accents(const char *s, size_t len, vnt_buf *out)
{
    if ((s == NULL && len != 0) || out == NULL)
        return VNT_ERR_INVALID_ARG;
    size_t out_len0 = out->len;
    vnt_buf nfc;
    vnt_buf_init(&nfc);
    /* Work on normalized text: NFC, so that a letter and its marks are one
     * code point wherever Unicode has one (marks left over belong to letters
     * that are not Vietnamese and are kept), and with tones typed after the
     * final consonant (viêt + U+0323) back on their vowel. */
    vnt_status st = vnt_normalize(s, len, VNT_STYLE_TRADITIONAL, &nfc, NULL);
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
        int eth = (cp == 0xD0 || cp == 0xF0) && eth_for_d(u, nfc.len, i);
        /* the letters whose marks go: vowels, đ, and a consonant with a
         * tone mark (precomposed, or a combining mark after it) in a
         * Vietnamese word */
        int32_t next = 0;
        if (info && i + n < nfc.len && u[i + n] >= 0x80)
            vnt__utf8_decode(u, nfc.len, i + n, &next);
        int strip = eth || (info && (VNT_LI_VOWEL(info) || code == 'D' ||
                                     ((VNT_LI_TONE(info) || is_vietnamese_mark(next)) &&
                                      consonant_tone_goes(u, nfc.len, i))));
        if (!strip) {
            st = vnt_buf_append(out, nfc.data + i, n);
            i += n;
            continue;
        }
        /* its marks go, with any Vietnamese marks left after it; a letter
         * with any other mark is kept whole */
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
        else if (eth)
            st = vnt__buf_put_cp(out, cp == 0xD0 ? 'D' : 'd');
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
