/* The scanner: UTF-8 text to tokens, in one left-to-right pass.
 *
 * Each token is recognised from its first character:
 *   letter   a word; a period between letters joins the parts when the part
 *            before it is upper case or a known abbreviation (TP.HCM,
 *            PGS.TS), or the part before it is ASCII lower case and the
 *            part after it starts with a lower-case letter or digit (v.v, a
 *            domain).
 *            A word followed by one period is an abbreviation when it is in
 *            the table, one letter (an initial), or dotted with a short last
 *            part (K.T., v.v., I.1.; not Q.3 or P.12A, a number written onto
 *            an abbreviation that takes one); the period is then part of it.
 *            A dotted word whose last part is a top-level domain is a
 *            domain, and a domain followed by a path is a URL.
 *            "http://", "https://", "ftp://" and "www." start a URL.
 *   digit    a number: digits and ASCII letters, with . , : / - between
 *            digits (1.500, 3,5, 12:06:17, 20-11-2003, 8h30, 35N-3051).
 *   @ #      a mention or a hashtag when a letter or digit follows.
 *   space    not a token; a stretch of white space with a line break in it
 *            is one newline token.
 *   other    punctuation (a run of periods is one token), emoji, symbols.
 * An ASCII word or number that runs into "@" is retried as an e-mail
 * address; the retry remembers where its scan stopped, so no byte is read
 * more than a bounded number of times and the pass stays linear.
 */
#include <stdlib.h>

#include <utf8proc.h>

#include "abbrev_table.h"
#include "letters.h"

void vnt_tokens_init(vnt_tokens *toks)
{
    toks->items = NULL;
    toks->len = 0;
    toks->cap = 0;
}

void vnt_tokens_free(vnt_tokens *toks)
{
    if (toks == NULL)
        return;
    free(toks->items);
    vnt_tokens_init(toks);
}

const char *vnt_token_kind_name(int kind)
{
    static const char *const names[] = {
        NULL, "word", "number", "abbrev", "url", "email", "domain", "mention",
        "hashtag", "punct", "symbol", "emoji", "newline",
    };
    if (kind < 1 || kind > VNT_TOK_NEWLINE)
        return NULL;
    return names[kind];
}

/* ---------------------------------------------------------------------- */
/* Character classes                                                        */

enum {
    C_OTHER = 0, /* symbol */
    C_SPACE,
    C_NL,
    C_UPPER,     /* letter, upper or title case */
    C_LOWER,     /* letter, lower case */
    C_LETTER,    /* letter without case */
    C_DIGIT,
    C_MARK,      /* combining mark, or a format character such as ZWJ */
    C_PUNCT,
    C_EMOJI
};

/* ASCII classes, by byte. */
static const uint8_t ASCII_CLASS[128] = {
    /* controls: tab, LF, VT, FF, CR (VT and FF break lines, as in Unicode's
     * line breaking and str.splitlines: pdftotext ends its pages with FF) */
    0, 0, 0, 0, 0, 0, 0, 0, 0, C_SPACE, C_NL, C_NL, C_NL, C_NL, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /*  ' ' !       "        #  $  %  &  '        (        )        *        +  ,        -        .        / */
    C_SPACE, C_PUNCT, C_PUNCT, 0, 0, 0, 0, C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT, 0, C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT,
    /* 0-9 */
    C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT,
    /* : ; < = > ? */
    C_PUNCT, C_PUNCT, 0, 0, 0, C_PUNCT,
    /* @ A-Z */
    0, C_UPPER, C_UPPER, C_UPPER, C_UPPER, C_UPPER, C_UPPER, C_UPPER, C_UPPER, C_UPPER, C_UPPER,
    C_UPPER, C_UPPER, C_UPPER, C_UPPER, C_UPPER, C_UPPER, C_UPPER, C_UPPER, C_UPPER, C_UPPER,
    C_UPPER, C_UPPER, C_UPPER, C_UPPER, C_UPPER, C_UPPER,
    /* [ \ ] ^ _ ` */
    C_PUNCT, 0, C_PUNCT, 0, 0, 0,
    /* a-z */
    C_LOWER, C_LOWER, C_LOWER, C_LOWER, C_LOWER, C_LOWER, C_LOWER, C_LOWER, C_LOWER, C_LOWER,
    C_LOWER, C_LOWER, C_LOWER, C_LOWER, C_LOWER, C_LOWER, C_LOWER, C_LOWER, C_LOWER, C_LOWER,
    C_LOWER, C_LOWER, C_LOWER, C_LOWER, C_LOWER, C_LOWER,
    /* { | } ~ DEL */
    C_PUNCT, 0, C_PUNCT, 0, 0,
};

static int is_emoji_cp(int32_t cp)
{
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
           (cp >= 0x2300 && cp <= 0x23FF) || (cp >= 0x2B00 && cp <= 0x2BFF);
}

/* 1 for a character outside the blocks of is_emoji_cp that has an emoji
 * form (Emoji=Yes in the Unicode emoji data, emoji-data.txt), which U+FE0F
 * after it selects: © ® ‼ ⁉ ™ ℹ, arrows, Ⓜ, squares and triangles, 〰 〽 ㊗ ㊙. */
static int emoji_form(int32_t cp)
{
    switch (cp) {
    case 0xA9: case 0xAE: case 0x203C: case 0x2049: case 0x2122: case 0x2139: case 0x21A9:
    case 0x21AA: case 0x24C2: case 0x25AA: case 0x25AB: case 0x25B6: case 0x25C0: case 0x2934:
    case 0x2935: case 0x3030: case 0x303D: case 0x3297: case 0x3299:
        return 1;
    default:
        return (cp >= 0x2194 && cp <= 0x2199) || (cp >= 0x25FB && cp <= 0x25FE) ||
               is_emoji_cp(cp);
    }
}

/* The class of a code point at or above 0x80. */
static int wide_class(int32_t cp)
{
    uint16_t info = vnt__letter_info(cp);
    if (info)
        return VNT_LI_UPPER(info) ? C_UPPER : C_LOWER;
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return C_NL;
    if (cp == 0x200B || cp == 0xFEFF) /* zero-width space, byte order mark */
        return C_SPACE;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return C_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return C_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: /* digits of other scripts read as letters */
        return C_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
        return C_MARK;
    case UTF8PROC_CATEGORY_ZS:
        return C_SPACE;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return C_NL;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return C_PUNCT;
    case UTF8PROC_CATEGORY_SO:
        return is_emoji_cp(cp) ? C_EMOJI : C_OTHER;
    default:
        return C_OTHER;
    }
}

int vnt__letter_case(int32_t cp)
{
    int k = cp < 0x80 ? ASCII_CLASS[cp] : wide_class(cp);
    return k == C_UPPER ? 1 : k == C_LOWER ? 2 : k == C_LETTER ? 3 : 0;
}

int vnt__word_char(int32_t cp)
{
    int k = cp < 0x80 ? ASCII_CLASS[cp] : wide_class(cp);
    return k == C_UPPER || k == C_LOWER || k == C_LETTER || k == C_DIGIT || k == C_MARK;
}

int vnt__space_kind(int32_t cp)
{
    int k = cp < 0x80 ? ASCII_CLASS[cp] : wide_class(cp);
    return k == C_SPACE ? 1 : k == C_NL ? 2 : 0;
}

static int is_letter_class(int c) { return c == C_UPPER || c == C_LOWER || c == C_LETTER; }

/* 1 for a superscript or subscript digit or letter, which stays with the
 * word or number it is written onto: "m²", "km²", "CO₂", "10³" (the corpora
 * write "km²" as one token). Not the signs and brackets (U+207A..207E,
 * U+208A..208E). */
static int is_supsub(int32_t cp)
{
    return cp == 0xB2 || cp == 0xB3 || cp == 0xB9 || cp == 0x2070 || cp == 0x2071 ||
           (cp >= 0x2074 && cp <= 0x2079) || (cp >= 0x207F && cp <= 0x2089) ||
           (cp >= 0x2090 && cp <= 0x209C);
}

/* The length of the keycap ending (U+FE0F optional, then U+20E3) at i, or
 * 0: "1️⃣" is an emoji, not a number. */
static size_t keycap_len(const unsigned char *u, size_t len, size_t i)
{
    size_t k = i;
    if (len - k >= 3 && u[k] == 0xEF && u[k + 1] == 0xB8 && u[k + 2] == 0x8F)
        k += 3;
    return len - k >= 3 && u[k] == 0xE2 && u[k + 1] == 0x83 && u[k + 2] == 0xA3 ? k + 3 - i : 0;
}

VNT_INLINE int ascii_letter(unsigned char c)
{
    return c < 0x80 && (ASCII_CLASS[c] == C_UPPER || ASCII_CLASS[c] == C_LOWER);
}

VNT_INLINE int ascii_alnum(unsigned char c)
{
    return c < 0x80 && (ASCII_CLASS[c] == C_UPPER || ASCII_CLASS[c] == C_LOWER ||
                        ASCII_CLASS[c] == C_DIGIT);
}

VNT_INLINE int ascii_lower_or_digit(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* ---------------------------------------------------------------------- */
/* The scanner state                                                        */

typedef struct {
    const unsigned char *u;
    size_t len;
    vnt_tokens *out;
    size_t no_at_until; /* an e-mail retry from before here finds no '@' */
    size_t no_id_until; /* an identifier retry from before here fails */
    int space_before;
} scanner;

/* Decodes the code point at i into *cp and returns its class; *n is its
 * length. Invalid UTF-8 gives -1. */
VNT_INLINE int class_at(const scanner *sc, size_t i, int32_t *cp, size_t *n)
{
    unsigned char c = sc->u[i];
    if (c < 0x80) {
        *cp = c;
        *n = 1;
        return ASCII_CLASS[c];
    }
    *n = vnt__utf8_decode(sc->u, sc->len, i, cp);
    if (*n == 0)
        return -1;
    return wide_class(*cp);
}

/* 1 when the character at i is not ASCII and may go on a word: a letter,
 * a digit or a mark (not white space, a line break, an emoji or a mark of
 * punctuation, which "user_name" may stand before as before a space). */
static int wide_word_char(const scanner *sc, size_t i)
{
    int32_t cp;
    if (sc->u[i] < 0x80)
        return 0;
    return vnt__utf8_decode(sc->u, sc->len, i, &cp) == 0 || vnt__word_char(cp);
}

/* The length of the character at i when it may go on a word joined by
 * underscores: a letter, a digit or a mark, but no digit that starts a
 * keycap ("1️⃣") and no part of an emoji sequence (U+FE0F, U+20E3); else 0. */
static size_t joined_char(const scanner *sc, size_t i)
{
    const unsigned char *u = sc->u;
    if (u[i] < 0x80)
        return ascii_alnum(u[i]) && !(u[i] <= '9' && keycap_len(u, sc->len, i + 1)) ? 1 : 0;
    int32_t cp;
    size_t n = vnt__utf8_decode(u, sc->len, i, &cp);
    return n != 0 && cp != 0xFE0F && cp != 0x20E3 && vnt__word_char(cp) ? n : 0;
}

/* 1 when the part of a word from i starts with a lower-case letter or an
 * ASCII digit: that of "v.v", of a domain, of "t.ngọc" (initials and a name
 * in a text without capitals). A letter with a diacritic counts as its
 * base letter would in NFD ("ô" as "o\u0302"), and in either tone style
 * ("ủy" as "uỷ"). */
static int lower_part(const scanner *sc, size_t i)
{
    if (i >= sc->len)
        return 0;
    if (sc->u[i] < 0x80)
        return ascii_lower_or_digit(sc->u[i]);
    int32_t cp;
    size_t n;
    return class_at(sc, i, &cp, &n) == C_LOWER;
}

/* 1 when u[a..b) holds a vowel letter (ASCII): a syllable, not the
 * consonants of an initial ("t", "th", "ng"). */
static int ascii_vowel_in(const unsigned char *u, size_t a, size_t b)
{
    for (; a < b; a++)
        switch (u[a] | 32) {
        case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
            return 1;
        default:
            break;
        }
    return 0;
}

/* 1 when the letters and digits from i on, up to the first other
 * character, are all ASCII: "vn", "com" after a period, not "đóng". Lower
 * case ASCII before a period goes on into such a part ("v.v", "abc.xyz"),
 * and initials into any ("t.ngọc", "ng.hà", "l.th.hà"), but a syllable
 * does not go on into a Vietnamese one: "nhanh.đóng gói" is a sentence
 * typed without the space. */
static int ascii_part(const scanner *sc, size_t i)
{
    for (; i < sc->len; i++) {
        if (sc->u[i] >= 0x80)
            return 0;
        if (!ascii_alnum(sc->u[i]))
            return 1;
    }
    return 1;
}

/* 1 when a word in title case starts at i: a capital, the marks on it,
 * then a lower-case letter ("Hôm", "Cảm", and in NFD). */
static int title_at(const scanner *sc, size_t i)
{
    int32_t cp;
    size_t n;
    if (i >= sc->len || class_at(sc, i, &cp, &n) != C_UPPER)
        return 0;
    for (i += n; i < sc->len; i += n) {
        int k = class_at(sc, i, &cp, &n);
        if (k != C_MARK)
            return k == C_LOWER;
    }
    return 0;
}

/* The end of the emoticon that starts at i, after white space or at the
 * start of the text, or 0: eyes : ; = with a nose (- ') or not and a mouth
 * (a run of ) or ( or ] or [, or one of D d P p V v O o 3 * | < >, but
 * no arrow, "=>"), ":)", ":)))", "=))", "=]]", ":D", ":v", ":3", ";)",
 * ":-)", ":'(", ":>"; "^^", "^_^", "<3", "-_-". It must be followed by
 * white space, a final mark, a comma, a closing quote or bracket, an emoji
 * or the end, so that ":3" in "tỉ số :30" or ":(" in ":(1)" stays what it
 * was. Typed onto a word, only ":))", "=))", ":((" and longer runs are
 * faces. Read as an emoji. */
static size_t face_end(const scanner *sc, size_t i)
{
    const unsigned char *u = sc->u;
    const size_t len = sc->len;
    size_t k = i + 1;
    /* typed onto a letter (not a number, "8:))", nor a bracket), only a laugh or a cry of
     * two brackets or more: "đẹp quá:))", "haha=))", "buồn:((" */
    const int glued = !sc->space_before;
    if (k >= len || (glued && ((u[i] != ':' && u[i] != '=') ||
                               !(u[i - 1] >= 0x80 || ascii_letter(u[i - 1])) ||
                               (u[k] != ')' && u[k] != '(') || k + 1 >= len || u[k + 1] != u[k])))
        return 0;
    switch (u[i]) {
    case ':': case ';': case '=':
        if (u[k] == '-' || u[k] == '\'')
            k++;
        if (k >= len || !vnt__face_mouth(u[k]) || u[k] == '-' || u[k] == '\'' ||
            (u[i] == '=' && (u[k] == '<' || u[k] == '>')))
            return 0;
        if (u[k] == ')' || u[k] == '(' || u[k] == ']' || u[k] == '[') {
            unsigned char m = u[k];
            while (k < len && u[k] == m)
                k++;
        } else {
            k++;
        }
        break;
    case '^':
        if (u[k] == '_' || u[k] == '.')
            k++;
        if (k >= len || u[k] != '^')
            return 0;
        while (k < len && u[k] == '^')
            k++;
        break;
    case '<':
        if (u[k] != '3')
            return 0;
        while (k < len && u[k] == '3')
            k++;
        break;
    case '-':
        if (len - i < 3 || u[k] != '_' || u[k + 1] != '-')
            return 0;
        k += 2;
        break;
    default:
        return 0;
    }
    if (k < len) {
        unsigned char c = u[k];
        if (c < 0x80) {
            if (!(ASCII_CLASS[c] == C_SPACE || ASCII_CLASS[c] == C_NL || c == '.' || c == ',' ||
                  c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']'))
                return 0;
        } else {
            int32_t cp = 0;
            size_t n;
            int cl = class_at(sc, k, &cp, &n);
            if (cl != C_SPACE && cl != C_NL && cl != C_EMOJI && cp != 0x2026 && cp != 0x201D &&
                cp != 0x2019 && cp != 0x3002 && cp != 0x3001 && cp != 0xFF0E && cp != 0xFF01 &&
                cp != 0xFF1F && cp != 0xFF0C) /* … ” ’ and the full-width marks 。、．！？， */
                return 0;
        }
    }
    return k;
}

vnt_status vnt__tokens_grow(vnt_tokens *t)
{
    size_t cap = t->cap ? t->cap * 2 : 256;
    if (cap > SIZE_MAX / sizeof *t->items)
        return VNT_ERR_TOO_LARGE;
    vnt_token *p = realloc(t->items, cap * sizeof *p);
    if (p == NULL)
        return VNT_ERR_NOMEM;
    t->items = p;
    t->cap = cap;
    return VNT_OK;
}

VNT_INLINE vnt_status emit(scanner *sc, size_t a, size_t b, int kind, int flags)
{
    vnt_tokens *t = sc->out;
    if (VNT_UNLIKELY(t->len == t->cap)) {
        vnt_status st = vnt__tokens_grow(t);
        if (st != VNT_OK)
            return st;
    }
    vnt_token *k = &t->items[t->len++];
    k->start = a;
    k->end = b;
    k->kind = (uint16_t)kind;
    k->flags = (uint16_t)(flags | (sc->space_before ? VNT_TF_SPACE_BEFORE : 0));
    sc->space_before = 0;
    return VNT_OK;
}

/* ---------------------------------------------------------------------- */
/* Abbreviations and domains                                                */

static int abbrev_known(const unsigned char *s, size_t n)
{
    return n > 0 && n <= VNT_ABBREV_MAX_LEN &&
           vnt__word_in(s, n, vnt_abbrev, vnt_abbrev_hash, VNT_ABBREV_HASH_SIZE);
}

int vnt__abbrev_known_at(const unsigned char *u, size_t a, size_t n)
{
    if (!abbrev_known(u + a, n))
        return 0;
    if (n != 1 || u[a] < 'a' || u[a] > 'z')
        return 1;
    /* one lower-case letter after a number and spaces is its unit, not an
     * abbreviation: "đợi 15 p." (phút) ends a sentence; "p. 12" (a page)
     * does not. ("tr" after a number, triệu, stays an abbreviation here:
     * "2019 tr. 15" is a page; the splitter ends the sentence after "15
     * tr." before a word in upper case, unit_end in sentences.c.) */
    size_t k = vnt__skip_hspace_back(u, 0, a);
    return !(k < a && k > 0 && u[k - 1] >= '0' && u[k - 1] <= '9');
}

/* 1 for an abbreviation known only as written (vnt_as_written): in
 * another case it is a word ("gen", "no"). */
static int as_written(const unsigned char *s, size_t n)
{
    return vnt__word_in(s, n, vnt_as_written, vnt_as_written_hash, VNT_AS_WRITTEN_HASH_SIZE);
}

/* 1 when s[0..n) (n <= 16), its ASCII letters raised, all of them or the
 * first, is a word of the table that is not known only as written. */
static int in_capitals(const unsigned char *s, size_t n, const char *const *words,
                       const short *hash, size_t size)
{
    unsigned char up[16], title[16];
    for (size_t k = 0; k < n; k++) {
        up[k] = (unsigned char)(s[k] >= 'a' && s[k] <= 'z' ? s[k] - 32 : s[k]);
        title[k] = k ? s[k] : up[k];
    }
    return (vnt__word_in(up, n, words, hash, size) && !as_written(up, n)) ||
           (vnt__word_in(title, n, words, hash, size) && !as_written(title, n));
}

int vnt__abbrev_takes_number(const unsigned char *s, size_t n)
{
    _Static_assert(VNT_ABBREV_MAX_LEN <= 16, "in_capitals reads words of 16 bytes at most");
    return n > 0 && n <= VNT_ABBREV_MAX_LEN &&
           (vnt__word_in(s, n, vnt_numbered, vnt_numbered_hash, VNT_NUMBERED_HASH_SIZE) ||
            in_capitals(s, n, vnt_numbered, vnt_numbered_hash, VNT_NUMBERED_HASH_SIZE));
}

int vnt__abbrev_known_lower(const unsigned char *s, size_t n)
{
    if (n == 0 || n > VNT_ABBREV_MAX_LEN)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (s[k] < 'a' || s[k] > 'z')
            return 0;
    if (in_capitals(s, n, vnt_abbrev, vnt_abbrev_hash, VNT_ABBREV_HASH_SIZE))
        return 1;
    /* the entries in mixed case, "ThS": any case of their letters */
    for (size_t k = 0; k < VNT_ABBREV_COUNT; k++) {
        const char *w = vnt_abbrev[k];
        size_t i = 0;
        while (i < n && w[i] != '\0' && (w[i] | 32) == (char)s[i])
            i++;
        if (i == n && w[i] == '\0' && !as_written((const unsigned char *)w, n))
            return 1;
    }
    return 0;
}

static const char *const TLDS[] = {
    "com", "net", "org", "edu", "gov", "vn", "info", "io", "biz", "me", "co", "uk",
    "us", "jp", "cn", "kr", "fr", "de", "ru", "tv", "asia", "xyz", "app", "dev", "int",
    "mil", "eu", "au", "ca", "sg", "th", "la", "kh", "tw", "hk", "in", "online", "site",
    "html", "htm", "php", "aspx", "asp",
};

static int is_tld(const unsigned char *s, size_t n)
{
    for (size_t k = 0; k < sizeof TLDS / sizeof TLDS[0]; k++)
        if (vnt__cmp_word(s, n, TLDS[k]) == 0)
            return 1;
    return 0;
}

/* 1 when a word in title case with a letter that is not ASCII starts at
 * i ("Cảm", "Hẹn"): no part of a URL, but a sentence typed onto one. */
static int title_syllable_at(const scanner *sc, size_t i)
{
    if (!title_at(sc, i))
        return 0;
    for (size_t k = i + 1; k < sc->len && (sc->u[k] >= 0x80 || ascii_letter(sc->u[k])); k++)
        if (sc->u[k] >= 0x80)
            return 1;
    return 0;
}

/* 1 when the period or run of periods at i in a URL starts text typed
 * onto it: a single period before a word in title case with a letter that
 * is not ASCII ("/a.Cảm ơn"), or a run of them (an ellipsis) before
 * letters alone up to white space ("vnexpress.net...Hay", "...ai cần",
 * "...cảm ơn"; not "v3.11.0...v3.11.1", "/../y", where a digit or a mark
 * of a path follows). */
static int url_text_after(const scanner *sc, size_t i)
{
    size_t r = i + 1;
    while (r < sc->len && sc->u[r] == '.')
        r++;
    if (r == i + 1)
        return title_syllable_at(sc, r);
    if (r >= sc->len)
        return 0;
    size_t k = r;
    for (; k < sc->len; k++) {
        unsigned char c = sc->u[k];
        if (c < 0x80 && !ascii_letter(c))
            break;
    }
    return k > r && (k >= sc->len || vnt__ascii_ws(sc->u[k]));
}

/* The end of a URL that starts at a: up to white space or a character
 * that cannot be in one, or text typed onto it (url_text_after), then
 * without trailing punctuation. */
static size_t url_end(const scanner *sc, size_t a)
{
    const unsigned char *u = sc->u;
    size_t i = a;
    int open = 0;
    while (i < sc->len) {
        unsigned char c = u[i];
        if (c < 0x80) {
            int k = ASCII_CLASS[c];
            if (k == C_SPACE || k == C_NL || c == '"' || c == '<' || c == '>' || c < 0x20)
                break;
            if (c == '.') {
                /* a run of periods is decided once, so each byte is read a
                 * bounded number of times */
                if (i + 1 < sc->len && url_text_after(sc, i))
                    break;
                while (i < sc->len && u[i] == '.')
                    i++;
                continue;
            }
            open += c == '(';
            i++;
            continue;
        }
        int32_t cp;
        size_t n;
        int k = class_at(sc, i, &cp, &n);
        if (k < 0 || !(is_letter_class(k) || k == C_MARK))
            break;
        i += n;
    }
    while (i > a) {
        unsigned char c = u[i - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
            c == '\'' || (!open && (c == ')' || c == ']')))
            i--;
        else
            break;
    }
    return i;
}

static int starts_url(const scanner *sc, size_t i)
{
    static const struct {
        const char *p;
        size_t n;
    } prefixes[] = {{"http://", 7}, {"https://", 8}, {"ftp://", 6}, {"www.", 4}};
    unsigned char c = sc->u[i] | 32;
    if (c != 'h' && c != 'w' && c != 'f')
        return 0;
    for (size_t k = 0; k < 4; k++) {
        size_t n = prefixes[k].n;
        if (prefixes[k].p[0] != c || sc->len - i <= n)
            continue;
        size_t j = 1;
        while (j < n && (sc->u[i + j] | (prefixes[k].p[j] >= 'a' ? 32 : 0)) ==
                            (unsigned char)prefixes[k].p[j])
            j++;
        if (j == n && ascii_alnum(sc->u[i + n]))
            return 1;
    }
    return 0;
}

/* 1 when u[a..b) may be the last label of a domain: two ASCII letters or
 * more, not in title case ("com", "vn", "COM"; not "Xin", the first word
 * of a sentence typed onto the address), unless a known top-level domain
 * after a label that starts with a capital too ("Example.Com.Vn"; not
 * "vingroup.net.Ca sĩ", where "Ca" is a word); prev is the start of the
 * label before. */
static int last_label(const unsigned char *u, size_t prev, size_t a, size_t b)
{
    int lower = 0;
    if (b - a < 2)
        return 0;
    for (size_t k = a; k < b; k++) {
        if (!ascii_letter(u[k]))
            return 0;
        lower |= k > a && u[k] >= 'a';
    }
    if (!(u[a] < 'a' && lower))
        return 1;
    if (!(u[prev] >= 'A' && u[prev] <= 'Z'))
        return 0;
    unsigned char low[8];
    if (b - a > sizeof low)
        return 0;
    for (size_t k = a; k < b; k++)
        low[k - a] = (unsigned char)(u[k] | 32);
    return is_tld(low, b - a);
}

/* 1 for the host name "localhost" at u[a..b), in any case: a domain of one
 * label ("root@localhost"). */
static int localhost_at(const unsigned char *u, size_t a, size_t b)
{
    static const char name[] = "localhost";
    if (b - a != sizeof name - 1)
        return 0;
    for (size_t k = 0; k < sizeof name - 1; k++)
        if ((u[a + k] | 32) != (unsigned char)name[k])
            return 0;
    return 1;
}

/* Tries an e-mail address at a: ASCII local part, '@', a domain. Returns
 * its end, or 0. The domain ends after its last label (last_label) that
 * is followed by neither a letter nor a mark: text typed onto an address
 * stays out of it ("abc@gmail.com.Cảm ơn", "abc@gmail.com-Cảm",
 * "abc@gmail.com...cảm", "abc@gmail.com.Xin"), and one that a letter goes
 * on from with no such label before ("a@b.comă") is none. */
static size_t email_at(scanner *sc, size_t a)
{
    const unsigned char *u = sc->u;
    if (a < sc->no_at_until)
        return 0;
    size_t i = a;
    while (i < sc->len && (ascii_alnum(u[i]) || u[i] == '.' || u[i] == '_' || u[i] == '%' ||
                           u[i] == '+' || u[i] == '-'))
        i++;
    if (i == a || i + 1 >= sc->len || u[i] != '@' || !ascii_alnum(u[i + 1])) {
        sc->no_at_until = i;
        return 0;
    }
    size_t j = i + 1, label = j, prev = j, good = 0, before = 0;
    int dots = 0;
    for (;;) {
        while (j < sc->len && ascii_alnum(u[j]))
            j++;
        /* the end of a label: a domain may end here ("localhost" alone) */
        if (dots > 0 ? last_label(u, prev, label, j) : localhost_at(u, label, j)) {
            before = good;
            good = j;
        }
        /* a period, or hyphens ("my--domain", punycode "xn--80ak"), before
         * a letter or digit goes on */
        size_t next = j + 1;
        if (j < sc->len && u[j] == '-')
            while (next < sc->len && u[next] == '-')
                next++;
        if (next >= sc->len || (u[j] != '.' && u[j] != '-') || !ascii_alnum(u[next]))
            break;
        if (u[j] == '.') {
            dots++;
            prev = label;
            label = next;
        }
        j = next;
    }
    /* a letter or a mark (not ASCII) going on from the last label leaves
     * that label out */
    if (good == j && j < sc->len && u[j] >= 0x80) {
        int32_t cp;
        size_t n;
        int k = class_at(sc, j, &cp, &n);
        if (is_letter_class(k) || k == C_MARK)
            good = before;
    }
    /* a retry from a later start before the '@' reads the same domain
     * ("a-a-a-...-a@x"): none, in constant time */
    if (good == 0)
        sc->no_at_until = i;
    return good;
}

/* ---------------------------------------------------------------------- */
/* Tokens                                                                   */

/* A word from i (a letter); see the top of the file. */
static vnt_status scan_word(scanner *sc, size_t a, int first_class, size_t *end)
{
    const unsigned char *u = sc->u;
    const size_t len = sc->len;
    size_t i = a;
    size_t seg = a;          /* start of the current dotted part */
    int ndots = 0;
    int seg_letters = 0, seg_has_lower = 0, seg_ascii_lower = 1;
    int all_ascii = 1, has_digit = 0;
    int flags = first_class == C_UPPER ? VNT_TF_UPPER : first_class == C_LOWER ? VNT_TF_LOWER : 0;
    const int joined = vnt__after_joiner(u, a);

    if (starts_url(sc, a)) {
        *end = url_end(sc, a);
        return emit(sc, a, *end, VNT_TOK_URL, 0);
    }
    for (;;) {
        /* a run of letters, marks and ASCII digits */
        while (i < len) {
            unsigned char c = u[i];
            if (c < 0x80) {
                int k = ASCII_CLASS[c];
                if (k == C_LOWER) {
                    seg_letters++;
                    seg_has_lower = 1;
                } else if (k == C_UPPER) {
                    seg_letters++;
                    seg_ascii_lower = 0;
                } else if (k == C_DIGIT) {
                    if (keycap_len(u, len, i + 1))
                        break; /* "Nội1️⃣": the keycap is an emoji of its own */
                    has_digit = 1;
                } else {
                    break;
                }
                i++;
                continue;
            }
            int32_t cp;
            size_t n;
            int k = class_at(sc, i, &cp, &n);
            if (k < 0)
                return VNT_ERR_INVALID_UTF8;
            int sup = i > a && is_supsub(cp);
            if (k == C_LOWER)
                seg_has_lower = 1;
            else if (k != C_UPPER && k != C_LETTER && k != C_MARK && !sup)
                break;
            seg_letters += k != C_MARK && !sup;
            seg_ascii_lower = 0;
            all_ascii = 0;
            i += n;
        }
        /* a period between letters */
        if (i + 1 < len && u[i] == '.') {
            unsigned char c = u[i + 1];
            int next_letter;
            if (c < 0x80) {
                next_letter = ascii_alnum(c);
            } else {
                int32_t cp;
                size_t n;
                int k = class_at(sc, i + 1, &cp, &n);
                if (k < 0)
                    return VNT_ERR_INVALID_UTF8;
                next_letter = is_letter_class(k);
            }
            /* initials and capitals go on ("N.V.Tâm", "TP.HCM", "Đ.BÌNH",
             * "P.Tân"), and a known abbreviation before a name ("TP.Hồ",
             * "Tp.Hồ"); but capitals of two letters or more that are no
             * such abbreviation (an acronym, a Roman numeral, a finished
             * abbreviation) end before a word in title case, which is a
             * sentence typed without the space: "VN.Hôm", "II.Nội",
             * "TP.HCM.Bạn", "U23.Họ" */
            int caps = seg_letters > 0 && !seg_has_lower;
            int initial = seg_letters == 1 && !has_digit && !(ndots == 0 && joined);
            int title = next_letter && ((caps && !initial) || ndots > 0) && title_at(sc, i + 1);
            if (next_letter &&
                ((caps && (initial || !title)) ||
                 (seg_ascii_lower && lower_part(sc, i + 1) &&
                  (seg_letters <= 1 || !ascii_vowel_in(u, seg, i) || ascii_part(sc, i + 1))) ||
                 (abbrev_known(u + a, i - a) && (ndots == 0 || !title)))) {
                i++;
                ndots++;
                seg = i;
                seg_letters = 0;
                seg_has_lower = 0;
                seg_ascii_lower = 1;
                continue;
            }
        }
        break;
    }
    *end = i;
    if (i < len && all_ascii && (u[i] == '@' || u[i] == '.' || u[i] == '_' || u[i] == '-' ||
                                 u[i] == '+' || u[i] == '%')) {
        size_t e = email_at(sc, a);
        if (e) {
            *end = e;
            return emit(sc, a, e, VNT_TOK_EMAIL, flags);
        }
    }
    /* the names of programming languages and tools written with "++" or
     * "#": "C++", "C++17", "g++", "Notepad++", "C#", "F#", one token, not
     * a word and signs */
    if (ndots == 0 && all_ascii && !has_digit && i < len) {
        size_t e = 0;
        if (u[i] == '+' && i + 1 < len && u[i + 1] == '+') {
            e = i + 2;
            while (e < len && u[e] >= '0' && u[e] <= '9')
                e++;
        } else if (u[i] == '#' && seg_letters == 1 && !seg_has_lower) {
            e = i + 1;
        }
        if (e && (e == len || !(ascii_alnum(u[e]) || u[e] == '+' || u[e] == '#' ||
                                wide_word_char(sc, e)))) {
            *end = e;
            return emit(sc, a, e, VNT_TOK_WORD, flags);
        }
    }
    /* words joined by underscores: an identifier or a file name,
     * "user_name", "bao_cao_2023.docx", "IMG_2023_0415.jpg", or the
     * syllables of a word in segmented text, "bảo_vệ", "Nhật_Bản", which
     * a second segmentation keeps */
    if (ndots == 0 && i >= sc->no_id_until && i + 1 < len && u[i] == '_' &&
        joined_char(sc, i + 1)) {
        size_t e = i, n;
        int ascii = all_ascii;
        for (;;) {
            if (e + 1 < len && u[e] == '_' && joined_char(sc, e + 1))
                n = 1;
            else if (e < len && (n = joined_char(sc, e)) != 0)
                ascii &= u[e] < 0x80;
            else
                break;
            e += n;
        }
        size_t x = e + 1; /* a file extension: one to five letters or digits */
        while (x < len && x - e <= 6 && ascii_alnum(u[x]))
            x++;
        if (ascii && e + 1 < len && u[e] == '.' && x > e + 1 && x - e <= 6 &&
            ascii_letter(u[e + 1]) && (x == len || !(ascii_alnum(u[x]) || wide_word_char(sc, x))))
            e = x; /* only in ASCII: "đi_học.Sau" is a word, a mark and a word */
        if (e == len || !wide_word_char(sc, e)) { /* not before a letter of another script */
            *end = e;
            return emit(sc, a, e, VNT_TOK_WORD, flags | VNT_TF_JOINED);
        }
        sc->no_id_until = e;
    }
    if (ndots > 0 && all_ascii && is_tld(u + seg, i - seg)) {
        if (i + 1 < len && u[i] == '/' && u[i + 1] > ' ') {
            *end = url_end(sc, a);
            return emit(sc, a, *end, VNT_TOK_URL, 0);
        }
        return emit(sc, a, i, VNT_TOK_DOMAIN, 0);
    }
    int one_period = i < len && u[i] == '.' && (i + 1 >= len || u[i + 1] != '.');
    /* one letter typed after a slash or a hyphen (joined) is not an initial
     * or an abbreviation: the period after "KM/H", "A/B", "USB-C" is a mark */
    if (one_period && joined && ndots == 0 && seg_letters == 1 && !has_digit)
        one_period = 0;
    if (one_period) {
        if (vnt__abbrev_known_at(u, a, i - a)) {
            *end = i + 1;
            return emit(sc, a, i + 1, VNT_TOK_ABBREV, flags | VNT_TF_KNOWN);
        }
        /* one capital is an initial ("N."), but one with a diacritic other
         * than Đ is a word: Á (Đông Á), Ư (Na Ư), Ý */
        if (ndots == 0 && seg_letters == 1 && !seg_has_lower && !has_digit &&
            vnt__initial_letter(u + a, i - a)) {
            *end = i + 1;
            return emit(sc, a, i + 1, VNT_TOK_ABBREV, flags | VNT_TF_INITIAL);
        }
        /* dotted with a short last part (K.T., v.v., I.1., A.1.); but the
         * number written onto an abbreviation that takes one (Q.3, P.12A:
         * quận, phường; q.3 in a text without capitals) is a word that a
         * period after it ends */
        if (ndots == 1 && u[seg] >= '0' && u[seg] <= '9' &&
            vnt__abbrev_takes_number(u + a, seg - 1 - a))
            return emit(sc, a, i, VNT_TOK_ABBREV, flags);
        if (ndots > 0 && seg_letters <= 2) {
            *end = i + 1;
            return emit(sc, a, i + 1, VNT_TOK_ABBREV, flags);
        }
    }
    return emit(sc, a, i, ndots > 0 ? VNT_TOK_ABBREV : VNT_TOK_WORD, flags);
}

/* A number from a (a digit). */
static vnt_status scan_number(scanner *sc, size_t a, size_t *end)
{
    const unsigned char *u = sc->u;
    const size_t len = sc->len;
    size_t i = a;
    size_t cap = keycap_len(u, len, a + 1);
    if (cap) {
        *end = a + 1 + cap;
        return emit(sc, a, *end, VNT_TOK_EMOJI, 0);
    }
    while (i < len) {
        unsigned char c = u[i];
        if (ascii_alnum(c)) {
            if (i > a && c >= '0' && c <= '9' && keycap_len(u, len, i + 1))
                break; /* "12️⃣": a keycap after the number */
            i++;
        } else if ((c == '.' || c == ',' || c == ':' || c == '/' || c == '-') && i + 1 < len &&
                   u[i + 1] >= '0' && u[i + 1] <= '9') {
            i += 2;
        } else if (c >= 0x80) {
            /* letters written onto the number go with it, whatever their
             * script ("13giờ", "2triệu", as "8h30" and "3kg"), and so do
             * combining marks (NFD): never cut inside a letter run */
            int32_t cp;
            size_t n;
            int k = class_at(sc, i, &cp, &n);
            if (k < 0)
                return VNT_ERR_INVALID_UTF8;
            if (!is_letter_class(k) && k != C_MARK && !is_supsub(cp))
                break;
            i += n;
        } else {
            break;
        }
    }
    if (i < len && (u[i] == '@' || u[i] == '.' || u[i] == '_' || u[i] == '-' || u[i] == '+')) {
        size_t e = email_at(sc, a);
        if (e) {
            *end = e;
            return emit(sc, a, e, VNT_TOK_EMAIL, 0);
        }
    }
    *end = i;
    return emit(sc, a, i, VNT_TOK_NUMBER, 0);
}

/* A mention or hashtag from a ('@' or '#'); 0 in *end when there is none.
 * A mention holds a period before a lower-case ASCII letter or a digit
 * ("@nguyen.van.a"), and before a capital when its part before the period
 * starts with one too ("@Nguyen.Van.Anh"), but not before a word in title
 * case that is no ASCII: "@minh.Xin lỗi", "@lan.Anh đến", "@minh.Hẹn gặp
 * lại" are sentences typed onto a handle. */
static vnt_status scan_tag(scanner *sc, size_t a, int kind, size_t *end)
{
    size_t i = a + 1;
    /* the part of a handle from '@' or its last period starts with a
     * capital: a period before a capital goes on only then */
    int part_upper = i < sc->len && sc->u[i] >= 'A' && sc->u[i] <= 'Z';
    while (i < sc->len) {
        int32_t cp;
        size_t n;
        int k = class_at(sc, i, &cp, &n);
        if (k < 0)
            return VNT_ERR_INVALID_UTF8;
        if (!(is_letter_class(k) || k == C_DIGIT || k == C_MARK || cp == '_' ||
              (kind == VNT_TOK_MENTION && cp == '.' && i + 1 < sc->len &&
               (ascii_lower_or_digit(sc->u[i + 1]) ||
                (ascii_letter(sc->u[i + 1]) && part_upper && !title_syllable_at(sc, i + 1))))))
            break;
        if (cp == '.')
            part_upper = i + 1 < sc->len && sc->u[i + 1] >= 'A' && sc->u[i + 1] <= 'Z';
        i += n;
    }
    if (i == a + 1) {
        *end = 0;
        return VNT_OK;
    }
    *end = i;
    return emit(sc, a, i, kind, 0);
}

/* Scans u[from .. sc->len). */
static vnt_status run_scan(scanner *sc, size_t from)
{
    const unsigned char *u = sc->u;
    const size_t len = sc->len;
    size_t i = from;
    vnt_status st = VNT_OK;
    while (i < len) {
        int32_t cp;
        size_t n;
        int k = class_at(sc, i, &cp, &n);
        size_t end;
        /* a mark or symbol that has an emoji form, shown as one by U+FE0F:
         * "‼️", "©️", "▶️", and the keycaps "#️⃣", "*️⃣" (the digits' are
         * read with numbers) */
        if ((k == C_PUNCT || k == C_OTHER) && len - (i + n) >= 3 && u[i + n] == 0xEF &&
            u[i + n + 1] == 0xB8 && u[i + n + 2] == 0x8F &&
            ((cp != '#' && cp != '*') ? emoji_form(cp) : keycap_len(u, len, i + n) != 0))
            k = C_EMOJI;
        switch (k) {
        case -1:
            return VNT_ERR_INVALID_UTF8;
        case C_SPACE:
        case C_NL: {
            /* a stretch of white space; a token when it holds a line break */
            size_t a = i;
            int breaks = 0;
            for (;;) {
                if (k == C_NL)
                    breaks += !(cp == '\r' && i + 1 < len && u[i + 1] == '\n');
                i += n;
                if (i >= len)
                    break;
                k = class_at(sc, i, &cp, &n);
                if (k != C_SPACE && k != C_NL)
                    break;
            }
            sc->space_before = 1; /* a newline token is white space itself */
            if (breaks)
                st = emit(sc, a, i, VNT_TOK_NEWLINE, breaks > 1 ? VNT_TF_BLANK : 0);
            sc->space_before = 1;
            break;
        }
        case C_UPPER:
        case C_LOWER:
        case C_LETTER:
            st = scan_word(sc, i, k, &end);
            i = end;
            break;
        case C_DIGIT:
            st = scan_number(sc, i, &end);
            i = end;
            break;
        case C_PUNCT:
            if ((cp == ':' || cp == ';' || cp == '-') && (end = face_end(sc, i)) != 0) {
                st = emit(sc, i, end, VNT_TOK_EMOJI, 0);
                i = end;
            } else if (cp == '.' || cp == '-') {
                /* a run of periods (an ellipsis) or of hyphens (a rule,
                 * "------") is one token, as the corpora write them */
                size_t a = i;
                while (i < len && u[i] == (unsigned char)cp)
                    i++;
                st = emit(sc, a, i, VNT_TOK_PUNCT, 0);
            } else {
                st = emit(sc, i, i + n, VNT_TOK_PUNCT, 0);
                i += n;
            }
            break;
        case C_EMOJI: {
            size_t a = i;
            i += n;
            /* a flag: two regional indicators, "🇻🇳" */
            if (cp >= 0x1F1E6 && cp <= 0x1F1FF && i < len) {
                int32_t c2;
                size_t n2;
                if (class_at(sc, i, &c2, &n2) < 0)
                    return VNT_ERR_INVALID_UTF8;
                if (c2 >= 0x1F1E6 && c2 <= 0x1F1FF)
                    i += n2;
            }
            /* modifiers, variation selectors, joined pictographs */
            while (i < len) {
                int k2 = class_at(sc, i, &cp, &n);
                if (k2 < 0) /* cp and n say nothing: not a skin tone */
                    return VNT_ERR_INVALID_UTF8;
                if (k2 == C_MARK || (cp >= 0x1F3FB && cp <= 0x1F3FF)) { /* skin tones */
                    i += n;
                } else if (k2 == C_EMOJI && u[i - 1] == 0x8D && i >= 3 && u[i - 3] == 0xE2 &&
                           u[i - 2] == 0x80) { /* after U+200D ZERO WIDTH JOINER */
                    i += n;
                } else {
                    break;
                }
            }
            st = emit(sc, a, i, VNT_TOK_EMOJI, 0);
            break;
        }
        default:
            end = 0;
            if ((cp == '=' || cp == '^' || cp == '<') && (end = face_end(sc, i)) != 0) {
                st = emit(sc, i, end, VNT_TOK_EMOJI, 0);
                i = end;
                break;
            }
            if (cp == '@' && (st = scan_tag(sc, i, VNT_TOK_MENTION, &end)) != VNT_OK)
                return st;
            if (cp == '#' && (st = scan_tag(sc, i, VNT_TOK_HASHTAG, &end)) != VNT_OK)
                return st;
            if (end) {
                i = end;
                break;
            }
            /* a symbol, with the marks that follow it; the degree sign
             * with the C or F of its scale ("°C", as the corpora write it) */
            {
                size_t a = i;
                int degrees = cp == 0xB0 && i + 2 < len && (u[i + 2] == 'C' || u[i + 2] == 'F');
                i += n;
                if (degrees) {
                    int32_t c3;
                    size_t n3;
                    int k3 = i + 1 < len ? class_at(sc, i + 1, &c3, &n3) : C_SPACE;
                    if (k3 < 0)
                        return VNT_ERR_INVALID_UTF8;
                    if (!is_letter_class(k3) && k3 != C_MARK && k3 != C_DIGIT)
                        i++;
                }
                while (i < len && u[i] >= 0x80) {
                    int k2 = class_at(sc, i, &cp, &n);
                    if (k2 != C_MARK)
                        break;
                    i += n;
                }
                st = emit(sc, a, i, VNT_TOK_SYMBOL, 0);
            }
            break;
        }
        if (st != VNT_OK)
            return st;
    }
    return VNT_OK;
}

vnt_status vnt_scan(const char *s, size_t len, vnt_tokens *toks)
{
    if ((s == NULL && len != 0) || toks == NULL)
        return VNT_ERR_INVALID_ARG;
    toks->len = 0;
    scanner sc = {(const unsigned char *)s, len, toks, 0, 0, 1};
    vnt_status st = run_scan(&sc, 0);
    if (st != VNT_OK)
        toks->len = 0;
    return st;
}

vnt_status vnt__scan_chunk(const char *s, size_t a, size_t b, vnt_tokens *toks)
{
    scanner sc = {(const unsigned char *)s, b, toks, 0, 0, 1};
    return run_scan(&sc, a);
}
