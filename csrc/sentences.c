/* Sentence splitting: boundary decisions over the tokens of the scanner.
 *
 * A sentence ends
 *   - at a line break (a newline token) and at the end of the text;
 *   - after a final mark (. ? ! … or a run of periods) and whatever closes
 *     it without a space between: more marks (?!, !!!), closing quotes and
 *     brackets, the "/." of the news ending "./.", when the next token can
 *     start a sentence: a word or abbreviation in upper case, a number, an
 *     opening quote or bracket, a symbol or an emoji; never before a word in
 *     lower case or before punctuation that continues a sentence (, ; : ...);
 *     after an ellipsis only before a sure start (a word in upper case, a
 *     list number before one, ...) or a numbered item ("... 2 - Chỉ huy");
 *   - after any final mark before a line of separators ("... * * *",
 *     "!\" - ----- -");
 *   - after emoji or emoticons (":)", "=))", "^^") that follow words, before
 *     a sure start that is not the first of two words in upper case, a name
 *     ("Ngon lắm 😍 Sẽ quay lại", not "yêu 😍 Hà Nội"); emoji after a final
 *     mark close it, as quotes do ("Tuyệt vời! 😍 Sẽ quay lại");
 * It does not end
 *   - at an abbreviation from the table (TP., GS.), nor at a dotted one
 *     (v.v., K.T.) or an initial (N. V. Nam), except that an initial after
 *     a lower-case word followed by an upper-case word ends ("vitamin C.
 *     Sau đó"), and any of them before a word that opens sentences ("TP.
 *     Theo ông"), before list numbers or a star bullet and an upper-case
 *     word ("B. 3. 1. Một", "TP. * Chiều 22 - 4"); dotted initials before
 *     a name in capitals, a byline ("V.H.Q. VÕ HỒNG QUỲNH"); "TP." used as
 *     a noun before a syllable in title case and a word in lower case, not
 *     a city's name ("toàn TP. Liên quan đến", not "TP. Vinh có");
 *   - at a mark right after an opening bracket ("(?!)");
 *   - before a dash after a closing quote, which names the speaker
 *     ("...\" - Hải kể");
 *   - inside a bracket still open in the sentence, at an abbreviation of
 *     the table or an initial ("(P. Trường Thọ, Q. 9)") or at an ellipsis
 *     before a dash ("(... - PV)");
 *   - at an ellipsis before a dash in a list of the parts of a series
 *     ("- Kỳ 4: Khi người A Rem rời hang đá... - Kỳ 3: ...");
 *   - after a list number or letter that opens a sentence ("1. ", "1.2.2. ",
 *     "a. ", "A. ", "IV. ", "3. 1. ");
 *   - inside numbers, URLs, domains and e-mail addresses, which the scanner
 *     gives as single tokens.
 * Where the training gold is clear about a context of a mark (the class of
 * the token before it, the mark, closers after it, the class of the token
 * after the space: csrc/sentctx_table.h, from tools/gen_sentctx.py), its
 * majority overrides these rules after white space; the dash after a
 * closing quote, the open bracket, the line of separators and the numbered
 * item are decided after it (their contexts are too rare in the gold for
 * the table to be sure of them in every fold).
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#if defined(__SSE2__) && defined(__GNUC__)
#define SSE2_SKIP 1
#include <emmintrin.h>
/* The fast pass also has a 32-byte form, for CPUs with AVX2 (checked at run
 * time; the build needs no flag). Not on macOS, whose toolchain may lack
 * the CPU model that __builtin_cpu_supports reads, nor on Windows, where
 * GCC does not keep the stack aligned for 32-byte spills. */
#if defined(__x86_64__) && (defined(__clang__) || __GNUC__ >= 6) && !defined(__APPLE__) && \
    !defined(_WIN32)
#define AVX2_SKIP 1
#include <immintrin.h>
/* and a 64-byte form, for CPUs with AVX-512 (F and BW); a build with
 * VNT_NO_AVX512 defined leaves it out, so that the tests run the 32-byte
 * form on this CPU too */
#if (defined(__clang__) || __GNUC__ >= 8) && !defined(VNT_NO_AVX512)
#define AVX512_SKIP 1
#endif
#endif
#endif

#include "abbrev_table.h"
#include "internal.h"
#include "sentctx_table.h"

void vnt_spans_init(vnt_spans *spans)
{
    spans->items = NULL;
    spans->len = 0;
    spans->cap = 0;
}

void vnt_spans_free(vnt_spans *spans)
{
    if (spans == NULL)
        return;
    free(spans->items);
    vnt_spans_init(spans);
}

vnt_status vnt__spans_grow(vnt_spans *out)
{
    size_t cap = out->cap ? out->cap * 2 : 64;
    if (cap > SIZE_MAX / sizeof *out->items)
        return VNT_ERR_TOO_LARGE;
    vnt_span *p = realloc(out->items, cap * sizeof *p);
    if (p == NULL)
        return VNT_ERR_NOMEM;
    out->items = p;
    out->cap = cap;
    return VNT_OK;
}

/* The first code point of a token (punctuation is one character). */
static int32_t first_cp(const char *s, const vnt_token *t)
{
    int32_t cp = 0;
    if (vnt__utf8_decode((const unsigned char *)s, t->end, t->start, &cp) == 0)
        return 0;
    return cp;
}

enum { P_NONE = 0, P_FINAL, P_ELLIPSIS, P_CLOSE, P_OPEN, P_QUOTE, P_CONT, P_INVISIBLE };

/* The roles of the ASCII marks (a run of periods is an ellipsis). */
static const uint8_t ASCII_ROLE[128] = {
    ['.'] = P_FINAL, ['?'] = P_FINAL, ['!'] = P_FINAL,
    [')'] = P_CLOSE, [']'] = P_CLOSE, ['}'] = P_CLOSE,
    ['('] = P_OPEN, ['['] = P_OPEN, ['{'] = P_OPEN,
    ['"'] = P_QUOTE, ['\''] = P_QUOTE,
    [','] = P_CONT, [';'] = P_CONT, [':'] = P_CONT,
};

/* 1 for a token of marks and format characters alone (Mn, Me, Cf: a
 * left-to-right mark, a word joiner, a soft hyphen, a variation selector),
 * which shows nothing of its own. */
static int invisible(const char *s, const vnt_token *t)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = t->start; i < t->end;) {
        int32_t cp;
        size_t n = vnt__utf8_decode(u, t->end, i, &cp);
        if (n == 0)
            return 0;
        utf8proc_category_t c = utf8proc_category(cp);
        if (c != UTF8PROC_CATEGORY_MN && c != UTF8PROC_CATEGORY_ME && c != UTF8PROC_CATEGORY_CF)
            return 0;
        i += n;
    }
    return t->end > t->start;
}

/* The role of a punctuation token; P_INVISIBLE for a symbol token that
 * shows nothing (invisible), which the marks at a sentence end pass over. */
static int punct_role(const char *s, const vnt_token *t)
{
    if (t->kind == VNT_TOK_SYMBOL && (unsigned char)s[t->start] >= 0x80 && invisible(s, t))
        return P_INVISIBLE;
    if (t->kind != VNT_TOK_PUNCT)
        return P_NONE;
    unsigned char c = (unsigned char)s[t->start];
    if (c < 0x80)
        return c == '.' && t->end - t->start != 1 ? P_ELLIPSIS : ASCII_ROLE[c];
    int32_t cp = first_cp(s, t);
    switch (cp) {
    case '.':
        return t->end - t->start == 1 ? P_FINAL : P_ELLIPSIS;
    case 0x2026:
        return P_ELLIPSIS;
    case '?': case '!': case 0xFF1F: case 0xFF01: case 0x203C: case 0x2047: case 0x2048:
    case 0x2049: case 0xFF0E: case 0x3002: /* full-width and ideographic full stops */
        return P_FINAL;
    case ')': case ']': case '}': case 0x201D: case 0x2019: case 0x00BB: case 0x203A:
        return P_CLOSE;
    case '(': case '[': case '{': case 0x201C: case 0x2018: case 0x00AB: case 0x2039:
    case 0x201E:
        return P_OPEN;
    case '"': case '\'':
        return P_QUOTE;
    case ',': case ';': case ':': case 0x3001:
        return P_CONT;
    default:
        return P_NONE;
    }
}

/* 1 for punctuation that may follow a final mark in the same sentence. */
static int closes(const char *s, const vnt_token *t)
{
    int r = punct_role(s, t);
    return r == P_FINAL || r == P_ELLIPSIS || r == P_CLOSE || r == P_QUOTE;
}

static int surely_starts(const char *s, const vnt_token *t, size_t j, size_t n);
static int is_bullet(const char *s, const vnt_token *t);

/* 1 for a brand written with a small letter before a capital, which may
 * start a sentence as a capitalized word does: "iPhone", "iOS", "eKYC";
 * not the ornament "oOo" that closes a section. */
static int camel_word(const char *s, const vnt_token *k)
{
    const unsigned char *u = (const unsigned char *)s + k->start;
    size_t len = k->end - k->start;
    if (k->kind != VNT_TOK_WORD || len < 3 || u[0] < 'a' || u[0] > 'z' || u[1] < 'A' ||
        u[1] > 'Z' || u[2] == 0xCC || u[2] == 0xCD) /* a capital with a mark in NFD, "iÔng" */
        return 0;
    for (size_t i = 0; i < len; i++)
        if (u[i] != 'o' && u[i] != 'O')
            return 1;
    return 0;
}

/* 1 when token t[j] can start a sentence. */
static int can_start(const char *s, const vnt_token *t, size_t j, size_t n)
{
    const vnt_token *k = &t[j];
    switch (k->kind) {
    case VNT_TOK_WORD:
        /* a lettered list item "b. " opens a sentence */
        if ((k->flags & VNT_TF_LOWER) && k->end - k->start == 1 && j + 1 < n &&
            t[j + 1].kind == VNT_TOK_PUNCT && t[j + 1].end - t[j + 1].start == 1 &&
            s[t[j + 1].start] == '.' && !(t[j + 1].flags & VNT_TF_SPACE_BEFORE))
            return 1;
        return !(k->flags & VNT_TF_LOWER) || camel_word(s, k);
    case VNT_TOK_ABBREV:
        return !(k->flags & VNT_TF_LOWER);
    case VNT_TOK_PUNCT: {
        int r = punct_role(s, k);
        if (r == P_ELLIPSIS) /* "... Đến nay", not "... thế là" */
            return surely_starts(s, t, j, n);
        /* a dash before a lower-case word goes on: `!" - một lão nông nói` */
        if (is_bullet(s, k) && j + 1 < n && (t[j + 1].flags & VNT_TF_SPACE_BEFORE) &&
            (t[j + 1].kind == VNT_TOK_WORD || t[j + 1].kind == VNT_TOK_ABBREV) &&
            (t[j + 1].flags & VNT_TF_LOWER))
            return 0;
        return r == P_OPEN || r == P_QUOTE || r == P_NONE;
    }
    default:
        return 1;
    }
}

/* 1 for a bullet that may open a sentence inside a line: - + * • – */
static int is_bullet(const char *s, const vnt_token *t)
{
    if (t->kind != VNT_TOK_PUNCT && t->kind != VNT_TOK_SYMBOL)
        return 0;
    int32_t cp = first_cp(s, t);
    return t->end - t->start <= 3 &&
           (cp == '-' || cp == '+' || cp == '*' || cp == 0x2022 || cp == 0x2013 || cp == 0x2014);
}

/* 1 for a word or abbreviation that starts with a capital */
static int sure_capital(const vnt_token *k)
{
    return (k->kind == VNT_TOK_WORD || k->kind == VNT_TOK_ABBREV) && (k->flags & VNT_TF_UPPER);
}

/* 1 when the tokens from j surely start a sentence: a word in upper case, a
 * list number before one ("4. Tám"), a bullet before a word in upper case. Used after an
 * ellipsis and an initial, where the evidence must be strong. */
static int surely_starts(const char *s, const vnt_token *t, size_t j, size_t n)
{
    if (sure_capital(&t[j]))
        return 1;
    if (t[j].kind == VNT_TOK_NUMBER) {
        /* up to three labels, "4. ", "3. 1. ", before a word in upper case,
         * bare or after an opening quote or bracket ("1. \"Trang") */
        for (size_t k = j, labels = 0; labels < 3; k += 2, labels++) {
            if (!(k + 2 < n && t[k].kind == VNT_TOK_NUMBER && t[k + 1].kind == VNT_TOK_PUNCT &&
                  s[t[k + 1].start] == '.' && t[k + 1].end - t[k + 1].start == 1 &&
                  !(t[k + 1].flags & VNT_TF_SPACE_BEFORE) && (t[k + 2].flags & VNT_TF_SPACE_BEFORE)))
                return 0;
            const vnt_token *w = &t[k + 2];
            int r = punct_role(s, w);
            if ((r == P_OPEN || r == P_QUOTE) && k + 3 < n &&
                !(t[k + 3].flags & VNT_TF_SPACE_BEFORE))
                w = &t[k + 3];
            if (sure_capital(w))
                return 1;
            if (w != &t[k + 2] || t[k + 2].kind != VNT_TOK_NUMBER)
                return 0;
        }
        return 0;
    }
    int r = punct_role(s, &t[j]);
    if (r == P_ELLIPSIS && j + 1 < n && (t[j + 1].flags & VNT_TF_SPACE_BEFORE))
        return sure_capital(&t[j + 1]); /* "... Hôm ấy" */
    if ((r == P_OPEN || r == P_QUOTE) && j + 1 < n && !(t[j + 1].flags & VNT_TF_SPACE_BEFORE))
        return sure_capital(&t[j + 1]);
    if (is_bullet(s, &t[j]) && j + 1 < n && (t[j + 1].flags & VNT_TF_SPACE_BEFORE))
        return sure_capital(&t[j + 1]);
    return 0;
}

/* 1 when token t is a word of the opener table (it starts a sentence after
 * an abbreviation), in any Unicode form or tone-placement style. */
static int is_opener(const char *s, const vnt_token *t)
{
    return t->kind == VNT_TOK_WORD && (t->flags & VNT_TF_UPPER) &&
           vnt__word_in_canonical((const unsigned char *)s + t->start, t->end - t->start,
                                  vnt_openers, vnt_opener_hash, VNT_OPENER_HASH_SIZE);
}

/* 1 for a token that numbers a list item when it opens a sentence: a
 * number of up to three digits and dotted parts of up to two ("1", "12",
 * "1.2", not "1.500", "8h30", "50k", "2-1"), one letter, a Roman numeral
 * ("IV", "iv"). */
static int list_label(const char *s, const vnt_token *t)
{
    if (t->kind == VNT_TOK_NUMBER) {
        size_t digits = 0, part = 0;
        for (size_t i = t->start; i < t->end; i++) {
            if (s[i] == '.' && digits > 0) {
                digits = 0;
                part++;
            } else if (s[i] >= '0' && s[i] <= '9' && ++digits <= (part ? 2u : 3u)) {
                continue;
            } else {
                return 0;
            }
        }
        return digits > 0;
    }
    if (t->kind != VNT_TOK_WORD || t->end - t->start > 4)
        return 0;
    if (t->end - t->start == 1)
        return (s[t->start] | 32) >= 'a' && (s[t->start] | 32) <= 'z';
    int upper = s[t->start] < 'a';
    for (size_t i = t->start; i < t->end; i++) {
        char c = upper ? s[i] : (char)(s[i] - 32);
        if (!(c == 'I' || c == 'V' || c == 'X'))
            return 0;
    }
    return 1;
}

/* A list of words spelled in NFC (HEADING_WORDS, PART_WORDS: in title
 * case, capitals and lower case). */
struct spelled {
    const char *w;
    size_t n;
};
#define HW(x) {x, sizeof x - 1}

/* Words that head a numbered part of a document, as in "Điều 3. Phạm vi
 * điều chỉnh", "Chương II. Quy định chung" (laws, decrees, reports), or
 * number a question, a lesson, a figure, a table or a step: "Câu 1. Thủ đô
 * ...", "Bảng 2. Kết quả", "Bước 3. Lắp" (exams, textbooks, captions), a
 * volume or a chapter of a book ("Quyển 2.", "Hồi 12."), an exam ("Đề 2."),
 * and their English names in bilingual text ("Table 2.", "Chapter 1."). */
static const struct spelled HEADING_WORDS[] = {
    HW("\xc4\x90i\xe1\xbb\x81u"), HW("\xc4\x91i\xe1\xbb\x81u"), HW("\xc4\x90I\xe1\xbb\x80U"), /* Điều */
    HW("Ch\xc6\xb0\xc6\xa1ng"), HW("ch\xc6\xb0\xc6\xa1ng"), HW("CH\xc6\xaf\xc6\xa0NG"),   /* Chương */
    HW("M\xe1\xbb\xa5""c"), HW("m\xe1\xbb\xa5""c"), HW("M\xe1\xbb\xa4""C"),               /* Mục */
    HW("Ph\xe1\xba\xa7n"), HW("ph\xe1\xba\xa7n"), HW("PH\xe1\xba\xa6N"),                /* Phần */
    HW("Kho\xe1\xba\xa3n"), HW("kho\xe1\xba\xa3n"), HW("KHO\xe1\xba\xa2N"),             /* Khoản */
    HW("\xc4\x90i\xe1\xbb\x83m"), HW("\xc4\x91i\xe1\xbb\x83m"), HW("\xc4\x90I\xe1\xbb\x82M"), /* Điểm */
    HW("C\xc3\xa2u"), HW("c\xc3\xa2u"), HW("C\xc3\x82U"), /* Câu */
    HW("B\xc3\xa0i"), HW("b\xc3\xa0i"), HW("B\xc3\x80I"), /* Bài */
    HW("H\xc3\xacnh"), HW("h\xc3\xacnh"), HW("H\xc3\x8cNH"), /* Hình */
    HW("B\xe1\xba\xa3ng"), HW("b\xe1\xba\xa3ng"), HW("B\xe1\xba\xa2NG"), /* Bảng */
    HW("B\xc6\xb0\xe1\xbb\x9b""c"), HW("b\xc6\xb0\xe1\xbb\x9b""c"), HW("B\xc6\xaf\xe1\xbb\x9a""C"), /* Bước */
    HW("T\xe1\xba\xadp"), HW("t\xe1\xba\xadp"), HW("T\xe1\xba\xacP"), /* Tập */
    HW("K\xe1\xbb\xb3"), HW("k\xe1\xbb\xb3"), HW("K\xe1\xbb\xb2"), /* Kỳ */
    HW("Ti\xe1\xba\xbft"), HW("ti\xe1\xba\xbft"), HW("TI\xe1\xba\xbeT"), /* Tiết */
    HW("Quy\xe1\xbb\x83n"), HW("quy\xe1\xbb\x83n"), HW("QUY\xe1\xbb\x82N"), /* Quyển */
    HW("H\xe1\xbb\x93i"), HW("h\xe1\xbb\x93i"), HW("H\xe1\xbb\x92I"), /* Hồi */
    HW("\xc4\x90\xe1\xbb\x81"), HW("\xc4\x91\xe1\xbb\x81"), HW("\xc4\x90\xe1\xbb\x80"), /* Đề */
    HW("Table"), HW("table"), HW("TABLE"), HW("Figure"), HW("figure"), HW("FIGURE"),
    HW("Chapter"), HW("chapter"), HW("CHAPTER"), HW("Section"), HW("section"), HW("SECTION"),
    {NULL, 0}};

/* Headings of two words, written with one space between them, as in
 * "Định nghĩa 2.1. Một câu là", "Phụ lục 1. Bảng số liệu", "Ví dụ 3. Giải
 * phương trình" (textbooks, theses, papers): heading_pair_end. */
static const struct spelled HEADING_PAIRS[] = {
    HW("Ph\xe1\xbb\xa5 l\xe1\xbb\xa5""c"), HW("ph\xe1\xbb\xa5 l\xe1\xbb\xa5""c"), HW("PH\xe1\xbb\xa4 L\xe1\xbb\xa4""C"), /* Phụ lục */
    HW("V\xc3\xad d\xe1\xbb\xa5"), HW("v\xc3\xad d\xe1\xbb\xa5"), HW("V\xc3\x8d D\xe1\xbb\xa4"), /* Ví dụ */
    HW("Th\xc3\xad d\xe1\xbb\xa5"), HW("th\xc3\xad d\xe1\xbb\xa5"), HW("TH\xc3\x8d D\xe1\xbb\xa4"), /* Thí dụ */
    HW("\xc4\x90\xe1\xbb\x8bnh l\xc3\xbd"), HW("\xc4\x91\xe1\xbb\x8bnh l\xc3\xbd"), HW("\xc4\x90\xe1\xbb\x8aNH L\xc3\x9d"), /* Định lý */
    HW("\xc4\x90\xe1\xbb\x8bnh ngh\xc4\xa9""a"), HW("\xc4\x91\xe1\xbb\x8bnh ngh\xc4\xa9""a"), HW("\xc4\x90\xe1\xbb\x8aNH NGH\xc4\xa8""A"), /* Định nghĩa */
    HW("\xc4\x90\xe1\xbb\x8bnh lu\xe1\xba\xadt"), HW("\xc4\x91\xe1\xbb\x8bnh lu\xe1\xba\xadt"), HW("\xc4\x90\xe1\xbb\x8aNH LU\xe1\xba\xacT"), /* Định luật */
    HW("B\xe1\xbb\x95 \xc4\x91\xe1\xbb\x81"), HW("b\xe1\xbb\x95 \xc4\x91\xe1\xbb\x81"), HW("B\xe1\xbb\x94 \xc4\x90\xe1\xbb\x80"), /* Bổ đề */
    HW("H\xe1\xbb\x87 qu\xe1\xba\xa3"), HW("h\xe1\xbb\x87 qu\xe1\xba\xa3"), HW("H\xe1\xbb\x86 QU\xe1\xba\xa2"), /* Hệ quả */
    HW("M\xe1\xbb\x87nh \xc4\x91\xe1\xbb\x81"), HW("m\xe1\xbb\x87nh \xc4\x91\xe1\xbb\x81"), HW("M\xe1\xbb\x86NH \xc4\x90\xe1\xbb\x80"), /* Mệnh đề */
    HW("B\xc3\xa0i t\xe1\xba\xadp"), HW("b\xc3\xa0i t\xe1\xba\xadp"), HW("B\xc3\x80I T\xe1\xba\xacP"), /* Bài tập */
    HW("B\xc3\xa0i to\xc3\xa1n"), HW("b\xc3\xa0i to\xc3\xa1n"), HW("B\xc3\x80I TO\xc3\x81N"), /* Bài toán */
    HW("Bi\xe1\xbb\x83u \xc4\x91\xe1\xbb\x93"), HW("bi\xe1\xbb\x83u \xc4\x91\xe1\xbb\x93"), HW("BI\xe1\xbb\x82U \xc4\x90\xe1\xbb\x92"), /* Biểu đồ */
    HW("S\xc6\xa1 \xc4\x91\xe1\xbb\x93"), HW("s\xc6\xa1 \xc4\x91\xe1\xbb\x93"), HW("S\xc6\xa0 \xc4\x90\xe1\xbb\x92"), /* Sơ đồ */
    HW("Ho\xe1\xba\xa1t \xc4\x91\xe1\xbb\x99ng"), HW("ho\xe1\xba\xa1t \xc4\x91\xe1\xbb\x99ng"), HW("HO\xe1\xba\xa0T \xc4\x90\xe1\xbb\x98NG"), /* Hoạt động */
    HW("Ch\xc3\xba \xc3\xbd"), HW("ch\xc3\xba \xc3\xbd"), HW("CH\xc3\x9a \xc3\x9d"), /* Chú ý */
    HW("Nh\xe1\xba\xadn x\xc3\xa9t"), HW("nh\xe1\xba\xadn x\xc3\xa9t"), HW("NH\xe1\xba\xacN X\xc3\x89T"), /* Nhận xét */
    {NULL, 0}};

/* Words that number the parts of a series of articles, as in the list of
 * related articles "- Kỳ 2: Để bóng được làm người - Kỳ 1: Tiếng khóc
 * trong đêm... - Hoa hậu thế giới" (Kỳ, Bài, Phần, Tập). */
static const struct spelled PART_WORDS[] = {
    HW("K\xe1\xbb\xb3"), HW("k\xe1\xbb\xb3"), HW("K\xe1\xbb\xb2"),                      /* Kỳ */
    HW("B\xc3\xa0i"), HW("b\xc3\xa0i"), HW("B\xc3\x80I"),                                /* Bài */
    HW("Ph\xe1\xba\xa7n"), HW("ph\xe1\xba\xa7n"), HW("PH\xe1\xba\xa6N"),                /* Phần */
    HW("T\xe1\xba\xadp"), HW("t\xe1\xba\xadp"), HW("T\xe1\xba\xacP"),                   /* Tập */
    {NULL, 0}};

/* The hour, after a number: "21 giờ đêm" (is_hour). */
static const struct spelled HOUR_WORDS[] = {HW("gi\xe1\xbb\x9d"), {NULL, 0}};

/* Names of cities of one syllable that "TP." (thành phố) may precede, in
 * title case only: city_at_end reads words in title case. */
static const struct spelled CITY_WORDS[] = {
    HW("Vinh"), HW("Hu\xe1\xba\xbf"), /* Huế */
    {NULL, 0}};
/* Vietnamese family names, in title case (with MIDDLE_WORDS the name
 * words: before an initial and a name, "Nguyễn V. Nam", "Trần T. Hoa", the
 * initial is part of the name, name_initial). */
static const struct spelled FAMILY_WORDS[] = {
    HW("Nguy\xe1\xbb\x85n"), HW("Tr\xe1\xba\xa7n"), HW("L\xc3\xaa"), HW("Ph\xe1\xba\xa1m"),
    HW("Ho\xc3\xa0ng"), HW("Hu\xe1\xbb\xb3nh"), HW("Phan"), HW("V\xc5\xa9"), HW("V\xc3\xb5"),
    HW("\xc4\x90\xe1\xba\xb7ng"), HW("B\xc3\xb9i"), HW("\xc4\x90\xe1\xbb\x97"),
    HW("H\xe1\xbb\x93"), HW("Ng\xc3\xb4"), HW("D\xc6\xb0\xc6\xa1ng"), HW("L\xc3\xbd"),
    HW("\xc4\x90\xc3\xa0o"), HW("\xc4\x90o\xc3\xa0n"), HW("\xc4\x90inh"), HW("L\xc3\xa2m"),
    HW("Tr\xc6\xb0\xc6\xa1ng"), HW("Cao"), HW("L\xc6\xb0u"), HW("T\xe1\xba\xa1"),
    HW("T\xc3\xb4"), HW("Qu\xc3\xa1""ch"), HW("Tri\xe1\xbb\x87u"), HW("Ki\xe1\xbb\x81u"),
    HW("V\xc6\xb0\xc6\xa1ng"), HW("M\xe1\xba\xa1""c"), HW("L\xc6\xb0\xc6\xa1ng"),
    HW("Tr\xe1\xbb\x8bnh"), HW("Chu"), HW("Ph\xc3\xb9ng"), HW("H\xe1\xbb\xa9""a"),
    HW("Kh\xc3\xba""c"), HW("L\xe1\xbb\xa5""c"), HW("T\xc4\x83ng"),
    {NULL, 0}};
/* The most common middle names: Văn, Thị, Đức, Hữu, Ngọc, Quốc, Công,
 * Đình, Xuân. */
static const struct spelled MIDDLE_WORDS[] = {
    HW("V\xc4\x83n"), HW("Th\xe1\xbb\x8b"), HW("\xc4\x90\xe1\xbb\xa9""c"), HW("H\xe1\xbb\xafu"),
    HW("Ng\xe1\xbb\x8d""c"), HW("Qu\xe1\xbb\x91""c"), HW("C\xc3\xb4ng"),
    HW("\xc4\x90\xc3\xacnh"), HW("Xu\xc3\xa2n"),
    {NULL, 0}};
#undef HW

/* 1 when w[0..len) is a word of the list. */
VNT_INLINE int spelled_in(const char *w, size_t len, const struct spelled *list)
{
    for (; list->w; list++)
        if (list->n == len && list->w[0] == w[0] && memcmp(w, list->w, len) == 0)
            return 1;
    return 0;
}

/* 1 when w[0..len) is a word of the list (HEADING_WORDS, PART_WORDS,
 * FAMILY_WORDS, MIDDLE_WORDS), in any Unicode form and tone style (NFD
 * "Điều" too). */
VNT_INLINE int bytes_of(const char *w, size_t len, const struct spelled *list)
{
    if (len < 3 || len > 16)
        return 0;
    if (spelled_in(w, len, list))
        return 1;
    if (!vnt__may_respell((const unsigned char *)w, len))
        return 0;
    char r[VNT__RESPELL_MAX];
    size_t m = vnt__respell((const unsigned char *)w, len, r);
    return m > 0 && spelled_in(r, m, list);
}

/* 1 for a word token of the list: bytes_of(). */
VNT_INLINE int word_of(const char *s, const vnt_token *t, const struct spelled *list)
{
    return t->kind == VNT_TOK_WORD && bytes_of(s + t->start, t->end - t->start, list);
}

/* word_of() for a word in any case, looked up in title case: "NGUYỄN",
 * "nguyễn" find "Nguyễn" (a text in capitals is decided on its lower
 * case, decide_caseless). */
static int title_word_of(const char *s, const vnt_token *t, const struct spelled *list)
{
    const unsigned char *u = (const unsigned char *)s;
    char w[24];
    size_t k = 0;
    if (t->kind != VNT_TOK_WORD || t->end - t->start > 16)
        return 0;
    for (size_t i = t->start; i < t->end;) {
        int32_t cp;
        size_t l = vnt__utf8_decode(u, t->end, i, &cp);
        if (l == 0 || k + 4 > sizeof w)
            return 0;
        k += vnt__utf8_encode(i == t->start ? utf8proc_toupper(cp) : utf8proc_tolower(cp), w + k);
        i += l;
    }
    return bytes_of(w, k, list);
}

/* 1 when w[0..len) is a family or a middle name: bytes_of(). */
VNT_INLINE int name_bytes(const char *w, size_t len)
{
    return bytes_of(w, len, FAMILY_WORDS) || bytes_of(w, len, MIDDLE_WORDS);
}

/* 1 for a heading word (Điều, Chương, Mục, Phần, Khoản, Điểm). */
static int heading_word(const char *s, const vnt_token *t)
{
    return word_of(s, t, HEADING_WORDS);
}

/* 1 when s[a..b) is white space only (line breaks too). */
static int only_space(const char *s, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)s;
    while (a < b) {
        size_t k = vnt__ascii_ws(u[a]) ? 1 : vnt__hspace_at(u, b, a);
        if (k == 0)
            return 0;
        a += k;
    }
    return 1;
}

/* 1 when s[a..b) is a run of white space of a line, one character or
 * more: what the rules that want "one space" between two words accept. */
static int one_gap(const char *s, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)s;
    return a < b && vnt__skip_hspace(u, b, a) == b;
}

/* The end of the word (no white space of any kind) that starts at u[a],
 * before end, read max + 1 bytes at most. */
static size_t word_end(const unsigned char *u, size_t a, size_t end, size_t max)
{
    size_t b = a;
    while (b < end && b - a <= max && !vnt__ascii_ws(u[b]) && !vnt__hspace_at(u, end, b))
        b++;
    return b;
}

/* The start of the word that ends at u[b], after lo, read back max + 1
 * bytes at most. */
static size_t word_start(const unsigned char *u, size_t lo, size_t b, size_t max)
{
    size_t a = b;
    while (a > lo && b - a <= max && !vnt__ascii_ws(u[a - 1]) && !vnt__hspace_before(u, lo, a))
        a--;
    return a;
}

/* The end of the heading of two words (HEADING_PAIRS: "Phụ lục", "Định
 * nghĩa") that s[a..) opens, one space between them and white space
 * after (before end); SIZE_MAX when there is none. Read from the text,
 * not the tokens, which the fast pass keeps only near the marks. */
static size_t heading_pair_end(const char *s, size_t a, size_t end)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t b = word_end(u, a, end, 16);
    const size_t w1 = b; /* the end of the first word */
    /* the white space between the two words, 16 bytes at most: callers ask
     * once per initial or label of the sentence, so a longer run (which no
     * heading has) is not walked again each time */
    size_t k;
    while (b < end && b - w1 < 16 && (k = vnt__hspace_at(u, end, b)) != 0)
        b += k;
    if (b == w1 || w1 == a || b >= end || b - w1 > 16)
        return SIZE_MAX;
    size_t e = word_end(u, b, end, 16);
    if (e == b || e >= end || (w1 - a) + 1 + (e - b) > 16)
        return SIZE_MAX;
    /* the two words with one space between them */
    char pair[18];
    memcpy(pair, s + a, w1 - a);
    pair[w1 - a] = ' ';
    memcpy(pair + (w1 - a) + 1, s + b, e - b);
    return bytes_of(pair, w1 - a + 1 + (e - b), HEADING_PAIRS) ? e : SIZE_MAX;
}

/* 1 when tokens first..i-1 are a heading word (or two, heading_pair_end)
 * and its label, with the period at i: "Điều 3", "Chương II", "Mục 1.2",
 * "chương ii" (a text in capitals is decided on its lower case), "Định
 * nghĩa 2.1". A label of one capital and its period are one token, an
 * initial ("Chương I."): see decide_cased. */
static int label_chain(const char *s, const vnt_token *t, size_t first, size_t i);
static int heading_label(const char *s, const vnt_token *t, size_t first, size_t i)
{
    if (i < first + 2)
        return 0;
    /* the label first, which most sentences lack, then the word */
    if (label_chain(s, t, first + 1, i) && heading_word(s, &t[first]))
        return 1;
    /* a heading of two words that opens the sentence, and its label; the
     * token t[k] that ends it must be right before the label (nothing but
     * white space between them): the fast pass may leave tokens out */
    if (i < first + 3 || !list_label(s, &t[i - 1])) /* most sentences end in no label */
        return 0;
    size_t pe = heading_pair_end(s, t[first].start, t[i].start);
    /* the label chain t[k + 1..i) has 1, 3 or 5 tokens (label_chain); t[k]
     * is the second word of the sentence at the earliest: k > first */
    for (size_t m = 0; pe != SIZE_MAX && m < 3 && i >= first + 3 + 2 * m; m++) {
        size_t k = i - 2 - 2 * m;
        if (t[k].end == pe && only_space(s, t[k].end, t[k + 1].start) &&
            label_chain(s, t, k + 1, i))
            return 1;
    }
    return 0;
}

/* The boundary decisions over tokens t[0..n) of s; spans appended to out. */
/* 1 when tokens first..i-1 are list labels with their periods, ending
 * with a label: "1", "3. 4", "a", "IV" (i is the period after them). */
static int label_chain(const char *s, const vnt_token *t, size_t first, size_t i)
{
    if (i <= first || (i - first) % 2 == 0 || i - first > 7)
        return 0;
    for (size_t k = first; k < i; k += 2) {
        if (!list_label(s, &t[k]))
            return 0;
        if (k + 1 < i && !(t[k + 1].kind == VNT_TOK_PUNCT && t[k + 1].end - t[k + 1].start == 1 &&
                           s[t[k + 1].start] == '.'))
            return 0;
    }
    return 1;
}

/* The value of a list label of one or two digits or one lower-case ASCII
 * letter ("2", "b"), or -1. */
static int label_value(const char *s, const vnt_token *t)
{
    size_t n = t->end - t->start;
    const unsigned char *u = (const unsigned char *)s + t->start;
    if (t->kind == VNT_TOK_NUMBER && n <= 2 && u[0] >= '0' && u[0] <= '9' &&
        (n == 1 || (u[1] >= '0' && u[1] <= '9')))
        return n == 1 ? u[0] - '0' : (u[0] - '0') * 10 + u[1] - '0';
    if (t->kind == VNT_TOK_WORD && n == 1 && u[0] >= 'a' && u[0] <= 'z')
        return 100 + u[0] - 'a';
    return -1;
}

/* 1 when the period t[i] follows a list label (label_value) written after
 * a word, with the label before it (one less, "1." before "2.", "a."
 * before "b.") earlier in the sentence, and a word in upper case follows:
 * the items of a list written in one line, "Nhận xét: 1. Giao nhanh 2.
 * Đóng gói". A heading word before the label ("Điều 2.") is no item's.
 * The label before is looked for in the 400 bytes before this one. */
VNT_NOINLINE static int inline_label(const char *s, const vnt_token *t, size_t first, size_t i,
                                     size_t n)
{
    if (i < first + 2 || (t[i].flags & VNT_TF_SPACE_BEFORE) || t[i].end - t[i].start != 1 ||
        s[t[i].start] != '.' || !(t[i - 1].flags & VNT_TF_SPACE_BEFORE) || i + 1 >= n ||
        !(t[i + 1].flags & VNT_TF_SPACE_BEFORE) || !(t[i + 1].flags & VNT_TF_UPPER))
        return 0;
    int v = label_value(s, &t[i - 1]);
    if (v < 0 || v % 100 == 0 || t[i - 2].kind != VNT_TOK_WORD || heading_word(s, &t[i - 2]) ||
        (only_space(s, t[i - 2].end, t[i - 1].start) &&
         heading_pair_end(s, t[first].start, t[i].start) == t[i - 2].end))
        return 0;
    /* within the 400 bytes before: time stays linear in the sentence, and
     * the fast pass, which keeps every label and its period (a period
     * stops it) but not every token between, reads the same labels */
    for (size_t k = i - 2; k-- > first && t[k].start + 400 >= t[i - 1].start;)
        if (k + 3 < i && label_value(s, &t[k]) == v - 1 && t[k + 1].kind == VNT_TOK_PUNCT &&
            t[k + 1].end - t[k + 1].start == 1 && s[t[k + 1].start] == '.' &&
            !(t[k + 1].flags & VNT_TF_SPACE_BEFORE))
            return 1;
    return 0;
}

/* 1 for a word of two letters or more, all of them upper case. */
static int all_caps(const char *s, const vnt_token *t)
{
    size_t i = t->start;
    int letters = 0;
    while (i < t->end) {
        int32_t cp = 0;
        size_t k = vnt__utf8_decode((const unsigned char *)s, t->end, i, &cp);
        if (k == 0)
            return 0;
        int c = vnt__letter_case(cp);
        if (c == 2)
            return 0;
        letters += c == 1;
        i += k;
    }
    return letters >= 2;
}

/* The context classes of tools/gen_sentctx.py, from the tokens. */
static char before_class(const char *s, const vnt_token *t, size_t first, size_t i)
{
    const vnt_token *k = &t[i];
    if (k->kind == VNT_TOK_ABBREV) {
        if (k->flags & VNT_TF_KNOWN)
            return 'K';
        if ((k->flags & VNT_TF_LOWER) && k->end - k->start == 2)
            return 'i'; /* "b." */
        if ((k->flags & VNT_TF_INITIAL) && (k->flags & VNT_TF_UPPER)) {
            /* an initial after another: "N. V." */
            if (i > first && (k->flags & VNT_TF_SPACE_BEFORE) && t[i - 1].kind == VNT_TOK_ABBREV &&
                (t[i - 1].flags & VNT_TF_INITIAL) && (t[i - 1].flags & VNT_TF_UPPER))
                return 'H';
            return 'I';
        }
        if (k->flags & VNT_TF_INITIAL)
            return 'i';
        return 'D';
    }
    if (i == first || (k->flags & VNT_TF_SPACE_BEFORE))
        return 'S';
    k = &t[i - 1];
    switch (k->kind) {
    case VNT_TOK_WORD:
        if (all_caps(s, k))
            return 'C';
        return (k->flags & VNT_TF_UPPER) ? 'T' : (k->flags & VNT_TF_LOWER) ? 'L' : 'X';
    case VNT_TOK_NUMBER:
        return 'N';
    case VNT_TOK_PUNCT: {
        int r = punct_role(s, k);
        return r == P_OPEN ? 'O' : r == P_QUOTE ? 'Q' : 'P';
    }
    default:
        return 'X';
    }
}

/* 1 when t[j] is a time of day: digits before the word "g" or "giờ"
 * ("7 g sáng", "21 giờ đêm"), which the news opens sentences with. */
static int is_hour(const char *s, const vnt_token *t, size_t j, size_t n)
{
    for (size_t k = t[j].start; k < t[j].end; k++)
        if (s[k] < '0' || s[k] > '9')
            return 0;
    if (j + 1 >= n || t[j + 1].kind != VNT_TOK_WORD || !(t[j + 1].flags & VNT_TF_SPACE_BEFORE))
        return 0;
    return (t[j + 1].end - t[j + 1].start == 1 && s[t[j + 1].start] == 'g') ||
           word_of(s, &t[j + 1], HOUR_WORDS); /* "giờ", in NFD too */
}

/* The class of the token after the mark, t[j]; opener: is_opener(s, &t[j]),
 * which the caller has. */
static char after_class(const char *s, const vnt_token *t, size_t j, size_t n, int opener)
{
    const vnt_token *k = &t[j];
    switch (k->kind) {
    case VNT_TOK_WORD:
        if (k->flags & VNT_TF_UPPER) {
            if (opener)
                return 'W';
            /* a word in capitals before another: a signature, "VÕ HƯƠNG" */
            if (j + 1 < n && t[j + 1].kind == VNT_TOK_WORD && all_caps(s, k) &&
                all_caps(s, &t[j + 1]))
                return 'A';
            /* not a Vietnamese syllable: a foreign name, an acronym */
            vnt_syllable syl;
            return vnt_syllable_parse(s + k->start, k->end - k->start, &syl) ? 'U' : 'F';
        }
        /* a brand, "iPhone", reads as a foreign name */
        if (camel_word(s, k))
            return 'F';
        /* a lettered list item "b. " */
        return (k->flags & VNT_TF_LOWER) && k->end - k->start == 1 && j + 1 < n &&
                       !(t[j + 1].flags & VNT_TF_SPACE_BEFORE) && s[t[j + 1].start] == '.' &&
                       t[j + 1].end - t[j + 1].start == 1 ? 'l' : 'L';
    case VNT_TOK_ABBREV:
        if ((k->flags & VNT_TF_INITIAL) && (k->flags & VNT_TF_LOWER))
            return 'l';
        if (!(k->flags & VNT_TF_UPPER))
            return 'L';
        if ((k->flags & VNT_TF_INITIAL) || k->end - k->start == 2) /* "N.", "Q." */
            return 'J';
        /* dotted initials that end the line: a signature, "L.A.Đ." */
        if (!(k->flags & VNT_TF_KNOWN) && (j + 1 >= n || t[j + 1].kind == VNT_TOK_NEWLINE))
            return 'A';
        return 'U';
    case VNT_TOK_NUMBER:
        if (surely_starts(s, t, j, n))
            return 'n';
        return is_hour(s, t, j, n) ? 'G' : 'N';
    case VNT_TOK_PUNCT:
    case VNT_TOK_SYMBOL: {
        if (is_bullet(s, k))
            return j + 1 < n && (t[j + 1].kind == VNT_TOK_WORD || t[j + 1].kind == VNT_TOK_ABBREV) &&
                           (t[j + 1].flags & VNT_TF_UPPER) ? 'B' : 'b';
        switch (punct_role(s, k)) {
        case P_ELLIPSIS:
            return j + 1 < n && (t[j + 1].flags & VNT_TF_SPACE_BEFORE) &&
                           (t[j + 1].kind == VNT_TOK_WORD || t[j + 1].kind == VNT_TOK_ABBREV) &&
                           (t[j + 1].flags & VNT_TF_LOWER) ? 'e' : 'E';
        case P_QUOTE: return 'Q';
        case P_OPEN: /* O before a word in upper case, "(Theo", o before others */
            return j + 1 < n && !(t[j + 1].flags & VNT_TF_SPACE_BEFORE) &&
                           (t[j + 1].kind == VNT_TOK_WORD || t[j + 1].kind == VNT_TOK_ABBREV) &&
                           (t[j + 1].flags & VNT_TF_UPPER) ? 'O' : 'o';
        case P_CLOSE: return 'C';
        case P_CONT: return ',';
        default: return 'X';
        }
    }
    default:
        return 'X';
    }
}

/* The class of a final mark token: . ? ! or E (an ellipsis or a run of
 * periods), M for another mark. */
static char mark_class(const char *s, const vnt_token *t)
{
    if (punct_role(s, t) == P_ELLIPSIS)
        return 'E';
    char c = s[t->start];
    return c == '.' || c == '?' || c == '!' ? c : 'M';
}

/* The decision of the context table: 1 ends, 0 goes on, -1 when the
 * context is rare or unclear in the training gold. One read of the dense
 * array of tools/gen_sentctx.py, by the indices of the class codes. */
static int learned(char before, char mark, int closed, char after)
{
    unsigned b = vnt_sentctx_before[(unsigned char)before & 127];
    unsigned m = vnt_sentctx_mark[(unsigned char)mark & 127];
    unsigned a = vnt_sentctx_after[(unsigned char)after & 127];
    return vnt_sentctx_decision[((b * VNT_SENTCTX_NM + m) * 2 + (closed != 0)) * VNT_SENTCTX_NA + a];
}

/* learned() for the token after the mark, t[j]. The classes of a word in
 * upper case (A, F, U) cost a syllable parse to tell apart: only done when
 * the table decides them differently. */
static int learned_at(char before, char mark, int closed, const char *s, const vnt_token *t,
                      size_t j, size_t n)
{
    const vnt_token *k = &t[j];
    if (!(k->kind == VNT_TOK_WORD && (k->flags & VNT_TF_UPPER)))
        return learned(before, mark, closed, after_class(s, t, j, n, 0));
    /* the opener table is read only when its class (W) is decided
     * otherwise than the word's */
    int u = learned(before, mark, closed, 'U');
    if (learned(before, mark, closed, 'A') == u && learned(before, mark, closed, 'F') == u) {
        int w = learned(before, mark, closed, 'W');
        return w == u || !is_opener(s, k) ? u : w;
    }
    return learned(before, mark, closed, after_class(s, t, j, n, is_opener(s, k)));
}

/* 1 when the abbreviation t (with its period) is one of those that take a
 * number, "Q. 12", "P. 5" (tools/gen_abbrev.py): a number after it is its
 * complement, not a list number ("ở Q. 12. Người dân" ends after "12.").
 * In a text without capitals, "q." is read as Q. (decide_caseless). */
static int takes_number(const char *s, const vnt_token *t)
{
    const unsigned char *u = (const unsigned char *)s + t->start;
    size_t n = t->end - t->start - 1; /* without the period */
    return (t->flags & VNT_TF_KNOWN) && u[n] == '.' && vnt__abbrev_takes_number(u, n);
}

/* 1 when the abbreviation t[i] is followed by what surely starts a
 * sentence after an abbreviation: list numbers before an upper-case word
 * ("viêm não B. 3. 1. Một số bệnh"), unless it takes a number; a star
 * bullet before one, the next question or item ("TP. * Chiều 22 - 4"); or,
 * for dotted initials (a signature), a name in capitals (a byline:
 * "V.H.Q. VÕ HỒNG QUỲNH"). Out of line: decide() runs faster without it. */
VNT_NOINLINE static int abbrev_before_start(const char *s, const vnt_token *t, size_t i,
                                            size_t n)
{
    if (i + 1 >= n || !(t[i + 1].flags & VNT_TF_SPACE_BEFORE))
        return 0;
    if (t[i + 1].kind == VNT_TOK_NUMBER)
        return !takes_number(s, &t[i]) && surely_starts(s, t, i + 1, n);
    if (i + 2 >= n)
        return 0;
    if (t[i + 1].kind == VNT_TOK_PUNCT)
        return t[i + 1].end - t[i + 1].start == 1 && s[t[i + 1].start] == '*' &&
               (t[i + 2].flags & VNT_TF_SPACE_BEFORE) &&
               (t[i + 2].kind == VNT_TOK_WORD || t[i + 2].kind == VNT_TOK_ABBREV) &&
               (t[i + 2].flags & VNT_TF_UPPER);
    return !(t[i].flags & (VNT_TF_INITIAL | VNT_TF_KNOWN | VNT_TF_LOWER)) &&
           t[i + 1].kind == VNT_TOK_WORD && t[i + 2].kind == VNT_TOK_WORD &&
           all_caps(s, &t[i + 1]) && all_caps(s, &t[i + 2]);
}

/* 1 when token t is one Vietnamese syllable of at least two letters. */
static int long_syllable(const char *s, const vnt_token *t)
{
    vnt_syllable syl;
    return t->kind == VNT_TOK_WORD && vnt_syllable_parse(s + t->start, t->end - t->start, &syl) &&
           syl.nletters >= 2;
}

/* 1 for a syllable of one vowel with a mark, a word of its own, not an
 * initial: "Ừ", "Ở", "Ý", in NFC or NFD (not "A"). */
static int vowel_word(const char *s, const vnt_token *t)
{
    vnt_syllable syl;
    return t->kind == VNT_TOK_WORD && t->end - t->start > 1 &&
           vnt_syllable_parse(s + t->start, t->end - t->start, &syl) && syl.nletters == 1;
}

/* 1 for a number that ends a sentence when a period is glued to it: a
 * percentage, three digits or more ("5%.", "2020.", "1.500."), a date or
 * a time ("20/11.", "20-11.", "22h.", "8h30.", as scraped news runs a
 * dateline into the next sentence), not a section number ("Điều 5.Khoản
 * 2", "Chương 12.Mở đầu"). A "%" is read with the token before it, so t
 * must not be the first token. */
static int number_before_end(const char *s, const vnt_token *t)
{
    if (t->end - t->start == 1 && s[t->start] == '%') /* a % glued to a number */
        return !(t->flags & VNT_TF_SPACE_BEFORE) && t[-1].kind == VNT_TOK_NUMBER;
    if (t->kind != VNT_TOK_NUMBER)
        return 0;
    size_t k = 0;
    while (k < 3 && t->end - k > t->start && s[t->end - 1 - k] >= '0' && s[t->end - 1 - k] <= '9')
        k++;
    if (k == 3)
        return 1;
    /* a slash, hyphen, h or g between digits, or an h or g after them */
    for (size_t p = t->start + 1; p < t->end; p++) {
        char c = s[p];
        if ((c == '/' || c == '-' || c == 'h' || c == 'g') && s[p - 1] >= '0' && s[p - 1] <= '9' &&
            (p + 1 == t->end ? c == 'h' || c == 'g' : s[p + 1] >= '0' && s[p + 1] <= '9'))
            return 1;
    }
    return 0;
}

/* 1 for a word joined by underscores whose last part is a lower-case
 * syllable of two letters or more: "đi_học" ends as "học" does. */
static int joined_syllable_end(const char *s, const vnt_token *t)
{
    if (!(t->flags & VNT_TF_JOINED))
        return 0;
    size_t k = t->end;
    while (k > t->start && s[k - 1] != '_')
        k--;
    int32_t cp = 0;
    vnt_token tail = {.start = k, .end = t->end, .kind = VNT_TOK_WORD};
    return k > t->start && k < t->end &&
           vnt__utf8_decode((const unsigned char *)s, t->end, k, &cp) != 0 &&
           vnt__letter_case(cp) == 2 && long_syllable(s, &tail);
}

/* 1 for one capital (a code point: "Đ" too) typed after a slash or a
 * hyphen glued to a word, "USB-C", "A/B": a letter of its own, which the
 * scanner reads as no initial (so "Type-C.Giá" parts as "VN.Hôm" does). */
static int joined_letter(const char *s, const vnt_token *t, size_t k)
{
    const unsigned char *u = (const unsigned char *)s;
    const size_t a = t[k].start;
    int32_t cp = 0;
    return t[k].kind == VNT_TOK_WORD && vnt__after_joiner(u, a) &&
           vnt__utf8_decode(u, t[k].end, a, &cp) == t[k].end - a && vnt__letter_case(cp) == 1;
}

/* 1 when the final mark t[i] (with the marks and closers up to t[j - 1]),
 * written with no space before the word t[j], still ends the sentence:
 * "Vì sao?Vì trời mưa.", "rồi.Chúng tôi", "trời...Thế là", "tăng 5%.Thị
 * trường" (text typed without the space). t[j] must be a Vietnamese
 * syllable in upper case; a single period also needs, glued before it, a
 * lower-case syllable (of two letters, or one vowel with a mark: "ạ.Em",
 * "ý.Sau"; also inside a closing quote or bracket typed onto it: "đi
 * đi".Tôi, "(bò).Bạn"), or, not as the first token (where "1.Giới thiệu",
 * "II.Nội dung" are list labels), a number that can end a sentence or a
 * word in capitals ("VN.Hôm", "TP.HCM.Bạn", which the scanner parts), or
 * an e-mail address, URL, domain, mention or hashtag, so
 * initials and abbreviations (Đ.BÌNH, J.Fromaget, Tp.Hồ, one token each)
 * and file names (file.Txt) go on. Out of line: rare. */
VNT_NOINLINE static int glued_start(const char *s, const vnt_token *t, size_t n, size_t first,
                                    size_t i, size_t j, int marks)
{
    size_t w = j; /* the word, after an opening quote typed onto it */
    if ((s[t[j].start] == '"' || first_cp(s, &t[j]) == 0x201C) && j + 1 < n &&
        !(t[j + 1].flags & VNT_TF_SPACE_BEFORE))
        w = j + 1;
    if (!(t[w].flags & VNT_TF_UPPER) || !(long_syllable(s, &t[w]) || vowel_word(s, &t[w])))
        return 0;
    if (marks > 1 || s[t[i].start] != '.' || t[i].end - t[i].start != 1)
        return 1; /* ? ! … ... and runs */
    if (i <= first || (t[i].flags & VNT_TF_SPACE_BEFORE))
        return 0;
    size_t k = i - 1; /* the word, before a closing quote or bracket typed onto it */
    if (k > first && t[k].kind == VNT_TOK_PUNCT && !(t[k].flags & VNT_TF_SPACE_BEFORE)) {
        int r = punct_role(s, &t[k]);
        if (r == P_CLOSE || r == P_QUOTE)
            k--;
    }
    if (k == i - 1 && (t[k].kind == VNT_TOK_EMAIL || t[k].kind == VNT_TOK_URL ||
                       t[k].kind == VNT_TOK_DOMAIN || t[k].kind == VNT_TOK_MENTION ||
                       t[k].kind == VNT_TOK_HASHTAG))
        return 1; /* "abc@gmail.com.Cảm ơn", "@minh.Hẹn gặp lại" */
    /* one vowel only before a word written with a capital: in a text
     * without capitals "ư.ư" is what "Ư.Ư", initials, is in capitals */
    return ((t[k].flags & VNT_TF_LOWER) &&
            (long_syllable(s, &t[k]) || joined_syllable_end(s, &t[k]) ||
             (vowel_word(s, &t[k]) && vnt__letter_case(first_cp(s, &t[w])) == 1))) ||
           (k > first && k == i - 1 &&
            ((number_before_end(s, &t[k]) && !(k > first && heading_word(s, &t[k - 1]))) ||
             ((t[k].kind == VNT_TOK_WORD || t[k].kind == VNT_TOK_ABBREV) &&
              s[t[k].end - 1] != '.' && (all_caps(s, &t[k]) || joined_letter(s, t, k)))));
}

/* What is known of the letters and digits of the open sentence: none in
 * s[start of the sentence, pos), or some (seen). */
struct wordscan {
    size_t pos;
    int seen;
};

/* 1 when the open sentence holds a letter or a digit before b: the marks
 * of a sentence with none, "...Tôi" at its start, open it. Reads the text,
 * not the tokens, so the fast pass, which leaves some out, decides alike;
 * each byte once a sentence. */
static int words_before(const char *s, struct wordscan *w, size_t b)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = w->pos;
    while (!w->seen && i < b) {
        int32_t cp;
        size_t k = 1;
        if (u[i] < 0x80) {
            w->seen = (u[i] >= '0' && u[i] <= '9') || ((u[i] | 32) >= 'a' && (u[i] | 32) <= 'z');
        } else if ((k = vnt__utf8_decode(u, b, i, &cp)) == 0) {
            k = 1;
        } else {
            utf8proc_category_t c = utf8proc_category(cp);
            w->seen = c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
            w->seen |= c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO;
        }
        i += k;
    }
    w->pos = i;
    return w->seen;
}

/* 1 when t[q] is an opening bracket after a word or another mark that
 * ends no sentence, inside the sentence that starts at first. (An ellipsis
 * after an opening quote, `nói: "... Tôi`, ends one in the training gold
 * 14 times of 18, so quotes are left out.) */
static int opening_after_words(const char *s, const vnt_token *t, size_t first, size_t q)
{
    if (q <= first || (s[t[q].start] != '(' && s[t[q].start] != '['))
        return 0;
    int b = punct_role(s, &t[q - 1]);
    return b != P_FINAL && b != P_ELLIPSIS && b != P_CLOSE && b != P_QUOTE;
}

/* The straight quotes of the open sentence before pos (count), read on
 * the bytes (the fast pass leaves tokens out), each byte once a sentence. */
struct quotescan {
    size_t pos, count;
};

static size_t quotes_before(const char *s, struct quotescan *q, size_t b)
{
    for (; q->pos < b; q->pos++)
        q->count += s[q->pos] == '"';
    return q->count;
}

/* 1 when a colon and spaces come right before the token x, after the
 * byte a: "gồm: 1." Read on the bytes, not the tokens, so that the fast
 * pass (which may leave the colon's chunk out) decides the same. */
static int after_colon(const char *s, size_t a, const vnt_token *x)
{
    size_t p = vnt__skip_hspace_back((const unsigned char *)s, a, x->start);
    return p < x->start && p > a && s[p - 1] == ':';
}

/* 1 when the period t[i] closes a label inside the sentence that starts
 * at t[first] that opens a quoted item or follows a colon: a label or a
 * heading word and its label typed onto an opening quote at the start of
 * the sentence or after a colon ("như sau: “4. Chính phủ", "“Điều 5.
 * Giá đất"), or a heading word and its label after a colon ("QUYẾT ĐỊNH:
 * Điều 1. Phê duyệt"), as laws that amend others quote their items. */
static int opened_label(const char *s, const vnt_token *t, size_t first, size_t i)
{
    if (i <= first || !list_label(s, &t[i - 1]) || (t[i].flags & VNT_TF_SPACE_BEFORE))
        return 0;
    size_t h = i - 1;
    if (h > first && (t[h].flags & VNT_TF_SPACE_BEFORE) && heading_word(s, &t[h - 1])) {
        h--;
        if (after_colon(s, t[first].start, &t[h]))
            return 1;
    }
    if (h == first || (t[h].flags & VNT_TF_SPACE_BEFORE))
        return 0;
    const vnt_token *q = &t[h - 1];
    int32_t cp = first_cp(s, q);
    if (q->end - q->start > 3 || !(cp == '"' || cp == 0x201C || cp == 0xAB))
        return 0;
    return h - 1 == first || after_colon(s, t[first].start, q);
}

/* 1 when t[j] opens a reference typed onto what it follows, a number in
 * square brackets: "[12]", as text copied from encyclopedias and papers
 * puts after the period. */
static int footnote_mark(const char *s, const vnt_token *t, size_t j, size_t n)
{
    return j + 2 < n && t[j].kind == VNT_TOK_PUNCT && t[j].end - t[j].start == 1 &&
           s[t[j].start] == '[' && t[j + 1].kind == VNT_TOK_NUMBER &&
           !(t[j + 1].flags & VNT_TF_SPACE_BEFORE) && t[j + 2].end - t[j + 2].start == 1 &&
           s[t[j + 2].start] == ']' && !(t[j + 2].flags & VNT_TF_SPACE_BEFORE);
}

/* 1 when the initial t[i] is an option of a multiple-choice line after
 * the option before it, both after white space: "A. Hà Nội B. Huế C. Đà
 * Nẵng" is one line of options, not three sentences. Read on the bytes of
 * the sentence so far, which the fast pass keeps. */
#define OPTION_REACH 256
static int option_label(const char *s, const vnt_token *t, size_t first, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    const vnt_token *x = &t[i];
    if (x->kind != VNT_TOK_ABBREV || x->end - x->start != 2 || u[x->start] < 'B' ||
        u[x->start] > 'H' || !(x->flags & VNT_TF_SPACE_BEFORE))
        return 0;
    const size_t s0 = t[first].start;
    if (x->start < s0 + 3)
        return 0;
    /* the option before it, and "A. " that opens the sentence or follows
     * a colon ("A. Hà Nội B.", "Chọn: A. Hà Nội B.", not "Đội A. thắng đội
     * B. Trận đấu"), within OPTION_REACH bytes for each letter: options
     * are short, and the walk stays linear however many initials a
     * sentence holds */
    const unsigned char want = (unsigned char)(u[x->start] - 1);
    size_t a = x->start - s0 > OPTION_REACH * 8 ? x->start - OPTION_REACH * 8 : s0;
    size_t near = x->start - s0 > OPTION_REACH ? x->start - OPTION_REACH : s0;
    int prev = 0;
    for (size_t k = x->start - 2; k-- > a;) {
        if (u[k + 1] != '.' || !vnt__hspace_at(u, x->start, k + 2) ||
            (k > s0 && !vnt__hspace_before(u, s0, k)))
            continue;
        if (u[k] == want && k >= near)
            prev = 1;
        if (prev && u[k] == 'A') {
            size_t c = vnt__skip_hspace_back(u, a, k);
            return c == s0 || (c > a && u[c - 1] == ':');
        }
    }
    return 0;
}

/* 1 for the abbreviations that open the signature block of an official
 * document, with their period: TM. (thay mặt), KT. (ký thay), TL. (thừa
 * lệnh), TUQ. (thừa ủy quyền). At the start of a sentence they end none,
 * whatever follows ("TM. Ban chấp hành"). */
static int signature_word(const char *s, const vnt_token *t)
{
    size_t n = t->end - t->start;
    const char *w = s + t->start;
    return (n == 3 && (memcmp(w, "TM.", 3) == 0 || memcmp(w, "KT.", 3) == 0 ||
                       memcmp(w, "TL.", 3) == 0)) ||
           (n == 4 && memcmp(w, "TUQ.", 4) == 0);
}

/* 1 for a dash: - – — */
static int is_dash(const char *s, const vnt_token *t)
{
    if (t->kind != VNT_TOK_PUNCT && t->kind != VNT_TOK_SYMBOL)
        return 0;
    int32_t cp = first_cp(s, t);
    return cp == '-' || cp == 0x2013 || cp == 0x2014;
}

/* The brackets, ( and [, left open after s[a..b) when depth were open
 * before it; a closing one without an open one is not counted. */
static int open_brackets(const char *s, size_t a, size_t b, int depth)
{
    if (depth == 0 && memchr(s + a, '(', b - a) == NULL && memchr(s + a, '[', b - a) == NULL)
        return 0;
    for (size_t k = a; k < b; k++) {
        char c = s[k];
        if (c == '(' || c == '[')
            depth++;
        else if ((c == ')' || c == ']') && depth > 0)
            depth--;
    }
    return depth;
}

/* The bytes of the white space or line break at u[i] that is not ASCII,
 * as the scanner reads it (vnt__space_kind: NBSP and the other Zs, ZWSP,
 * BOM; NEL, LS, PS), 0 for none; *brk 1 for a line break. */
static size_t wide_space(const unsigned char *u, size_t len, size_t i, int *brk)
{
    int32_t cp;
    size_t n = vnt__utf8_decode(u, len, i, &cp);
    int kind = n ? vnt__space_kind(cp) : 0;
    *brk = kind == 2;
    return kind ? n : 0;
}

/* 1 when the bytes from s[a] to the line break (or to s[end], after which
 * there is only white space) are separators and white space (any of the
 * scanner's, any line break): "* * *",
 * "- ------- -", "> >", "• •", "= = =". Read on the bytes, not the tokens,
 * so that the sparse pass (which skips the middle of a line) decides the
 * same; stops at the first other byte. */
static int separator_line(const char *s, size_t a, size_t end)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t k = a; k < end; k++) {
        switch (u[k]) {
        case '\n': case '\v': case '\f': case '\r':
            return 1;
        case ' ': case '\t': case '*': case '>': case '<': case '-': case '_': case '=':
        case '~': case '#': case '+':
            continue;
        case 0xE2: /* – — • */
            if (k + 2 < end && u[k + 1] == 0x80 &&
                (u[k + 2] == 0x93 || u[k + 2] == 0x94 || u[k + 2] == 0xA2)) {
                k += 2;
                continue;
            }
            /* fall through */
        default: { /* white space above ASCII, or a line break */
            int brk;
            size_t w = u[k] >= 0x80 ? wide_space(u, end, k, &brk) : 0;
            if (w == 0)
                return 0;
            if (brk)
                return 1;
            k += w - 1;
            continue;
        }
        }
    }
    return 1;
}

/* 1 when s[a..end) starts with a number, a dash between spaces and a
 * letter in upper case: a numbered item, "2 - Chỉ huy phó". Read on the
 * bytes, as separator_line(). */
static int numbered_item(const char *s, size_t a, size_t end)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t k = a;
    while (k < end && u[k] >= '0' && u[k] <= '9')
        k++;
    size_t d = vnt__skip_hspace(u, end, k);
    if (k == a || d == k || d + 1 >= end)
        return 0;
    k = d;
    if (u[k] == '-')
        k++;
    else if (k + 3 < end && u[k] == 0xE2 && u[k + 1] == 0x80 &&
             (u[k + 2] == 0x93 || u[k + 2] == 0x94)) /* – — */
        k += 3;
    else
        return 0;
    int32_t cp = 0;
    size_t l = vnt__skip_hspace(u, end, k);
    return l > k && l < end && vnt__utf8_decode(u, end, l, &cp) != 0 &&
           vnt__letter_case(cp) == 1;
}

/* 1 when the abbreviation t[i] is "tr." after a number (triệu, a sum:
 * "giá 15 tr.", "lương 1.2 tr.") and the word after it, t[j], is in upper
 * case: the sentence ends there ("giá 15 tr. | Ship ngay"). Before a
 * number "tr. 15" is a page, and after a word the abbreviation goes on. */
static int unit_end(const char *s, const vnt_token *t, size_t first, size_t i, size_t j)
{
    return i > first && t[i].end - t[i].start == 3 && s[t[i].start] == 't' &&
           s[t[i].start + 1] == 'r' && s[t[i].start + 2] == '.' &&
           t[i - 1].kind == VNT_TOK_NUMBER && t[j].kind == VNT_TOK_WORD &&
           (t[j].flags & VNT_TF_UPPER);
}

/* 1 when the abbreviation t[i] is "TP." or "Tp." (thành phố) used as a
 * noun at the end of a sentence, "của TP.", "trên địa bàn TP.": the next
 * word is a syllable in title case that no city's name starts with a word
 * in lower case after it ("TP. Kiểm điểm việc ...", not "TP. Hồ Chí Minh",
 * "TP. Vinh", "TP. A"). The gold splits there three times in four, and the
 * rest are sentence starts too ("TP. Tuy vậy, ..."). A city's name typed
 * with its second syllable in lower case ("TP. Đà nẵng") is read as a
 * sentence start: the training text has none after TP. */
static int city_at_end(const char *s, const vnt_token *t, size_t i, size_t n)
{
    const vnt_token *w = &t[i + 1];
    if (i + 2 >= n || t[i].end - t[i].start != 3 || s[t[i].start] != 'T' ||
        (s[t[i].start + 1] | 32) != 'p' || w->kind != VNT_TOK_WORD ||
        !(w->flags & VNT_TF_UPPER) || w->end - w->start < 2 || /* "khu A", not a word */
        t[i + 2].kind != VNT_TOK_WORD ||
        !(t[i + 2].flags & VNT_TF_LOWER) || !(t[i + 2].flags & VNT_TF_SPACE_BEFORE) ||
        all_caps(s, w) || word_of(s, w, CITY_WORDS))
        return 0;
    vnt_syllable syl;
    return vnt_syllable_parse(s + w->start, w->end - w->start, &syl) != 0;
}

/* 1 when the sentence that starts at t[first] and goes on past t[i] opens
 * a list of the parts of a series: a dash, a part word, a number and a
 * colon, "- Kỳ 5:", "– Bài 2:". */
static int series_list(const char *s, const vnt_token *t, size_t first, size_t i)
{
    return i > first + 3 && is_dash(s, &t[first]) && t[first + 2].kind == VNT_TOK_NUMBER &&
           t[first + 3].kind == VNT_TOK_PUNCT && s[t[first + 3].start] == ':' &&
           !(t[first + 3].flags & VNT_TF_SPACE_BEFORE) && word_of(s, &t[first + 1], PART_WORDS);
}

/* The brackets left open in the sentence that starts at token first, up
 * to s[pos]: counted only when a decision needs them, each byte once. */
struct brackets {
    size_t first, pos;
    int depth;
};

/* 1 when the initial t[i] stands inside a name: a consonant (not a word
 * of one letter, "Á", "Ư"), right after a family or middle name in title
 * case and before a word in title case that opens no sentences: "Nguyễn
 * V. Nam", "Trần T. Hoa", but "Nhật Bản B. Bệnh", "Nguyễn Văn A. Theo". */
static int given_initial(const char *s, const vnt_token *t, size_t first, size_t i, size_t j);

static int name_initial(const char *s, const vnt_token *t, size_t first, size_t i, size_t j)
{
    if (i == first || given_initial(s, t, first, i, j))
        return 0;
    const vnt_token *x = &t[i], *p = &t[i - 1], *w = &t[j];
    int consonant = x->end - x->start == 2 ? memchr("BCDGHKLMNPQRSTVX", s[x->start], 16) != NULL
                    : x->end - x->start == 3 && (unsigned char)s[x->start] == 0xC4 &&
                          (unsigned char)s[x->start + 1] == 0x90; /* Đ */
    if (!(x->flags & VNT_TF_INITIAL) || j != i + 1 || !consonant ||
        w->kind != VNT_TOK_WORD ||
        !(w->flags & VNT_TF_UPPER) || !(p->flags & VNT_TF_UPPER))
        return 0;
    if (p->end < x->start && !one_gap(s, p->end, x->start)) /* the name right before it */
        return 0;
    return !all_caps(s, w) && p->kind == VNT_TOK_WORD &&
           name_bytes(s + p->start, p->end - p->start) && !is_opener(s, w);
}

/* 1 when the initial t[i] is the given name that ends a name of three
 * words or more, a family name and a middle name before it, and the word
 * in title case after it starts the next sentence: "Bị can Nguyễn Văn T.
 * Tòa tuyên", "Lê Thị K. Sinh năm 1990", as news writes the names of the
 * accused; not "Trần Nguyễn V. Nam" (two family names: the initial is a
 * middle name). The word two before the initial is read on the bytes, so
 * the fast pass, which may have dropped its token, agrees. */
static int given_initial(const char *s, const vnt_token *t, size_t first, size_t i, size_t j)
{
    if (i == first || j != i + 1)
        return 0;
    const vnt_token *x = &t[i], *p = &t[i - 1], *w = &t[j];
    /* one letter and its period, but not one that abbreviates a place
     * after a street named for a person ("Nguyễn Trãi P. Bến Thành":
     * phường, quận, huyện, xã) */
    if (x->kind != VNT_TOK_ABBREV || x->end - x->start > 3 || s[x->start] == 'P' ||
        s[x->start] == 'Q' || s[x->start] == 'H' || s[x->start] == 'X' ||
        (x->end - x->start == 3 && (unsigned char)s[x->start] < 0xC0) ||
        !(x->flags & VNT_TF_UPPER) || w->kind != VNT_TOK_WORD || !(w->flags & VNT_TF_UPPER) ||
        !(w->flags & VNT_TF_SPACE_BEFORE) || p->kind != VNT_TOK_WORD ||
        !(p->flags & VNT_TF_UPPER) || !one_gap(s, p->end, x->start) ||
        all_caps(s, p) || all_caps(s, w))
        return 0;
    if (word_of(s, p, FAMILY_WORDS))
        return 0; /* a family name right before it */
    const unsigned char *u = (const unsigned char *)s;
    size_t b = vnt__skip_hspace_back(u, t[first].start, p->start);
    if (b == p->start || b < t[first].start + 1)
        return 0;
    size_t a = word_start(u, t[first].start, b, SIZE_MAX);
    return name_bytes(s + a, b - a);
}

/* Nouns that a letter labels, lower case: "bảng D", "vitamin C", "nhóm
 * máu O", "40 độ C", "loại A", "khu B", "quý I", "đáp án A" (label_initial). */
#define HW(x) {x, sizeof x - 1}
static const struct spelled LABEL_NOUNS[] = {
    HW("\xc4\x91\xe1\xbb\x99"), HW("k\xc3\xaanh"), HW("lo\xe1\xba\xa1i"), HW("ch\xe1\xbb\xaf"),
    HW("c\xe1\xba\xa5p"), HW("vitamin"), HW("c\xc3\xbam"), HW("nh\xc3\xb3m"), HW("c\xe1\xbb\x99t"),
    HW("\xc4\x91i\xe1\xbb\x83m"), HW("gi\xe1\xbb\x9d"), HW("b\xe1\xba\xa3ng"), HW("block"),
    HW("h\xe1\xba\xa1ng"), HW("khu"), HW("kh\xe1\xbb\x91i"), HW("l\xe1\xbb\x9bp"), HW("t\xe1\xba\xa7ng"),
    HW("ph\xc3\xb2ng"), HW("size"), HW("tu\xc3\xbdp"), HW("type"), HW("m\xc3\xa1u"), HW("d\xc3\xa3y"),
    HW("l\xc3\xb4"), HW("m\xe1\xbb\xa5""c"), HW("qu\xc3\xbd"), HW("s\xc3\xa2n"), HW("c\xe1\xbb\x95ng"),
    HW("t\xc3\xb2""a"), HW("to\xc3\xa0"), HW("\xc3\xa1n"), HW("c\xc3\xa2u"),
    {NULL, 0}};

/* Syllables that make a longer word or a title with a noun of
 * LABEL_NOUNS, before a name: "trưởng phòng", "văn phòng", "trưởng nhóm",
 * "quan điểm", "địa điểm", "bây giờ", "phong độ", "mức độ", "thái độ",
 * "đẳng cấp", "cung cấp", "cùng lớp" (in title case, title_word_of). */
static const struct spelled COMPOUND_HEADS[] = {
    HW("Tr\xc6\xb0\xe1\xbb\x9fng"), HW("V\xc4\x83n"), HW("Quan"), HW("\xc4\x90\xe1\xbb\x8b""a"),
    HW("\xc4\x90\xe1\xba\xb7""c"), HW("Th\xe1\xbb\x9di"), HW("B\xc3\xa2y"), HW("Phong"),
    HW("M\xe1\xbb\xa9""c"), HW("Tr\xc3\xacnh"), HW("Ch\xe1\xba\xbf"), HW("Th\xc3\xa1i"),
    HW("\xc4\x90\xe1\xba\xb3ng"), HW("Cung"), HW("C\xc3\xb9ng"), {NULL, 0}};

/* 1 when the initial t[i] is the letter of a noun before it, a label, and
 * the word in upper case t[j] right after it opens the next sentence:
 * "nằm ở bảng D. | Indonesia", "vitamin C. | Samsung", "40 độ C. | Trong"
 * (22 times of 22 in the training and dev gold), where a foreign word
 * after an initial would be read as the rest of a name ("J. Smith"). Not
 * before another initial ("nhóm J. R. R. Tolkien", a name), nor when the
 * noun ends a longer word or a title ("trưởng phòng J. Smith", "bây giờ C.
 * Ronaldo"): the syllable before it is read from the text. */
static int label_initial(const char *s, const vnt_token *t, size_t first, size_t i, size_t j)
{
    if (!((t[i].flags & VNT_TF_INITIAL) && i > first && j == i + 1 &&
          t[i - 1].kind == VNT_TOK_WORD && (t[i - 1].flags & VNT_TF_LOWER) &&
          t[j].kind == VNT_TOK_WORD && (t[j].flags & VNT_TF_UPPER) &&
          bytes_of(s + t[i - 1].start, t[i - 1].end - t[i - 1].start, LABEL_NOUNS)))
        return 0;
    /* the syllable before the noun, one space before it */
    const unsigned char *u = (const unsigned char *)s;
    const size_t b = vnt__skip_hspace_back(u, t[first].start, t[i - 1].start);
    if (b == t[i - 1].start || b < t[first].start + 1)
        return 1;
    size_t a = word_start(u, t[first].start, b, 11);
    vnt_token head = {.start = a, .end = b, .kind = VNT_TOK_WORD};
    return a == b || !title_word_of(s, &head, COMPOUND_HEADS);
}

/* Family names that are also common words, which start sentences: "Lý
 * do", "Tăng trưởng", "Lưu ý", "Hồ bơi", "Vũ khí", "Cao điểm", "Dương
 * tính", "Đào tạo", "Lương", "Triệu", "Chu vi", "Tô", "Lâm sàng", "Mai",
 * "Hà", "Đinh", "Đoàn", "Lục địa", "Kiều bào", "Vương quốc", "Hứa". */
static const struct spelled COMMON_FAMILY[] = {
    HW("L\xc3\xbd"), HW("T\xc4\x83ng"), HW("L\xc6\xb0u"), HW("H\xe1\xbb\x93"), HW("V\xc5\xa9"),
    HW("Cao"), HW("D\xc6\xb0\xc6\xa1ng"), HW("\xc4\x90\xc3\xa0o"), HW("L\xc6\xb0\xc6\xa1ng"),
    HW("Tri\xe1\xbb\x87u"), HW("Chu"), HW("T\xc3\xb4"), HW("L\xc3\xa2m"), HW("Mai"), HW("H\xc3\xa0"),
    HW("\xc4\x90inh"), HW("\xc4\x90o\xc3\xa0n"), HW("L\xe1\xbb\xa5""c"), HW("Ki\xe1\xbb\x81u"),
    HW("V\xc6\xb0\xc6\xa1ng"), HW("H\xe1\xbb\xa9""a"), {NULL, 0}};
#undef HW

/* The case of the first letter after s[a..) past spaces and tabs, before
 * end: 1 upper, 2 lower (vnt__letter_case), 0 none (a mark, a digit). */
static int case_after(const char *s, size_t a, size_t end)
{
    const unsigned char *u = (const unsigned char *)s;
    a = vnt__skip_hspace(u, end, a);
    int32_t cp;
    if (a >= end || vnt__utf8_decode(u, end, a, &cp) == 0)
        return 0;
    return vnt__letter_case(cp);
}

/* 1 when the initial t[i] is that of the surname t[j] right after it, as
 * authors are cited: "của T. Nguyễn được trích dẫn", "Theo T. Nguyễn
 * (2021)", "ÔNG T. NGUYỄN ĐÃ ĐẾN" (decided on its lower case). Not when
 * the initial ends a name, after a family or a middle name ("Ông Nguyễn
 * Văn A. Trần Văn B."), when a word in upper case follows the surname, a
 * name that opens the next sentence ("size M. Lê Thị Hoa", "vitamin C.
 * Phạm Văn Đồng"), nor when the surname is also a common word before a
 * lower-case one ("quý I. Tăng trưởng", "đáp án B. Lưu ý", "khu B. Hồ
 * bơi"). The words after t[j] are read from the text (end: where the
 * tokens end), which the fast pass has whole. */
static int cited_surname(const char *s, const vnt_token *t, size_t first, size_t i, size_t j,
                         size_t end)
{
    if (!(t[i].flags & VNT_TF_INITIAL) || j != i + 1 || !title_word_of(s, &t[j], FAMILY_WORDS) ||
        (i > first && (title_word_of(s, &t[i - 1], FAMILY_WORDS) ||
                       title_word_of(s, &t[i - 1], MIDDLE_WORDS))))
        return 0;
    int next = case_after(s, t[j].end, end);
    return next != 1 && !(next == 2 && title_word_of(s, &t[j], COMMON_FAMILY));
}

/* 1 for "Nxb." in any case (nhà xuất bản, publisher) that opens a field
 * of a reference, after a comma, a colon, a semicolon or an opening
 * bracket, or that opens the sentence: a name follows ("Hà Nội: Nxb.
 * Chính trị quốc gia", "..., Nxb. Giáo dục"), whose first words open
 * sentences elsewhere. Not the noun at the end of a sentence: "ký hợp
 * đồng với NXB. | Theo đó". */
static int publisher(const char *s, size_t lo, const vnt_token *t)
{
    const unsigned char *u = (const unsigned char *)s;
    const unsigned char *w = u + t->start;
    if (!(t->end - t->start == 4 && (w[0] | 0x20) == 'n' && (w[1] | 0x20) == 'x' &&
          (w[2] | 0x20) == 'b' && w[3] == '.'))
        return 0;
    size_t k = vnt__skip_hspace_back(u, lo, t->start);
    return k == lo || u[k - 1] == ',' || u[k - 1] == ':' || u[k - 1] == ';' || u[k - 1] == '(';
}

/* 1 when a boundary after the mark t[i], closed up to t[j - 1], in the
 * sentence that starts at t[first], is vetoed:
 *   - a dash after a closing quote names who said it: `...!" - Nam nói`,
 *     `..." - Hải kể`;
 *   - inside a bracket still open, an abbreviation of the table or an
 *     initial does not end a sentence ("(Q. Từ Liêm, Hà Nội)"), nor an
 *     ellipsis before a dash ("(... - PV)");
 *   - in a list of the parts of a series, a title that ends with an
 *     ellipsis goes on before the dash of the next one ("- Kỳ 4: Khi người
 *     A Rem rời hang đá... - Kỳ 3: ...");
 *   - an initial inside a name (name_initial): "Nguyễn V. Nam", or
 *     before a surname alone, which it is the initial of, as authors are
 *     cited (cited_surname): "của T. Nguyễn", "Theo T. Nguyễn (2021)" (the
 *     training gold never ends a sentence there). */
VNT_NOINLINE static int vetoed(const char *s, const vnt_token *t, size_t first, size_t i,
                               size_t j, size_t end, int abbrev, int role, int closed,
                               struct brackets *br)
{
    if (abbrev && (name_initial(s, t, first, i, j) || cited_surname(s, t, first, i, j, end)))
        return 1;
    /* the name of a publisher after Nxb. (a bibliography) */
    if (abbrev && j == i + 1 && t[j].kind == VNT_TOK_WORD && publisher(s, t[first].start, &t[i]))
        return 1;
    int dash = is_dash(s, &t[j]);
    if (closed && dash &&
        (punct_role(s, &t[j - 1]) == P_QUOTE || first_cp(s, &t[j - 1]) == 0x201D))
        return 1;
    if (role == P_ELLIPSIS && dash && series_list(s, t, first, i))
        return 1;
    if ((abbrev && !(t[i].flags & VNT_TF_LOWER)) || (role == P_ELLIPSIS && dash)) {
        if (br->first != first) {
            br->first = first;
            br->pos = t[first].start;
            br->depth = 0;
        }
        br->depth = open_brackets(s, br->pos, t[j - 1].end, br->depth);
        br->pos = t[j - 1].end;
        return br->depth > 0;
    }
    return 0;
}

/* 1 when a run of emoji or emoticons after words, then white space, ends
 * the sentence before t[j]: t[j] surely starts one ("Ngon lắm 😍 Sẽ quay
 * lại"); a word in upper case (in a text with capitals) only when it opens
 * sentences (the opener table) or is a Vietnamese syllable that is not
 * the first of two words in upper case: not a name ("yêu 😍 Hà Nội") nor a
 * brand or a foreign word ("Mua ở 🛒 Shopee"). In a text without capitals
 * (caseless), the words that surely start one are the table's starters. */
static int emoji_end(const char *s, const vnt_token *t, size_t j, size_t n, int caseless)
{
    if (!surely_starts(s, t, j, n))
        return 0;
    if (caseless || t[j].kind != VNT_TOK_WORD || is_opener(s, &t[j]))
        return 1;
    if (j + 1 < n && t[j + 1].kind == VNT_TOK_WORD && (t[j + 1].flags & VNT_TF_UPPER) &&
        (t[j + 1].flags & VNT_TF_SPACE_BEFORE))
        return 0;
    vnt_syllable syl;
    return vnt_syllable_parse(s + t[j].start, t[j].end - t[j].start, &syl) != 0;
}

/* 1 for a word typed onto what comes before it (no white space) that is
 * a syllable in title case or a word of one vowel: what may start a
 * sentence glued to emoji, as to a mark (glued_start); not a word in
 * capitals ("I❤️NY"). */
static int glued_syllable(const char *s, const vnt_token *t)
{
    return t->kind == VNT_TOK_WORD && !(t->flags & VNT_TF_SPACE_BEFORE) &&
           (t->flags & VNT_TF_UPPER) && (long_syllable(s, t) || vowel_word(s, t)) &&
           !all_caps(s, t);
}

static vnt_status decide_cased(const char *s, const vnt_token *t, size_t n, int caseless,
                               vnt_spans *out)
{
    vnt_status st;
    size_t first = SIZE_MAX; /* first token of the open sentence */
    struct brackets br = {SIZE_MAX, 0, 0};
    struct wordscan ws = {0, 0};
    struct quotescan qs = {0, 0};
    size_t i = 0;
    while (i < n) {
        if (t[i].kind == VNT_TOK_NEWLINE) {
            if (first != SIZE_MAX) {
                if ((st = vnt__spans_push(out, t[first].start, t[i - 1].end)) != VNT_OK)
                    goto fail;
                first = SIZE_MAX;
            }
            i++;
            continue;
        }
        if (first == SIZE_MAX) {
            first = i;
            ws.pos = qs.pos = t[i].start;
            ws.seen = 0;
            qs.count = 0;
        }
        /* emoji and emoticons after words, before a sure start */
        if (t[i].kind == VNT_TOK_EMOJI) {
            size_t j = i + 1;
            int r;
            while (j < n && t[j].kind == VNT_TOK_EMOJI)
                j++;
            /* and the quotes and brackets that close them: `"hay :)" Rồi` */
            while (j < n && !(t[j].flags & VNT_TF_SPACE_BEFORE) &&
                   ((r = punct_role(s, &t[j])) == P_CLOSE || r == P_QUOTE))
                j++;
            /* after white space, or typed onto a syllable in upper case
             * ("Hay quá😍😍Cảm ơn ad"), as a glued mark is */
            if (j < n && t[j].kind != VNT_TOK_NEWLINE &&
                ((t[j].flags & VNT_TF_SPACE_BEFORE) || (!caseless && glued_syllable(s, &t[j]))) &&
                emoji_end(s, t, j, n, caseless) && words_before(s, &ws, t[i].start)) {
                /* in a sentence that an emoji opened, a run after white
                 * space is the bullet of the next item: "✅ Giao hàng
                 * nhanh ✅ Bảo hành 12 tháng" */
                int bullet = t[first].kind == VNT_TOK_EMOJI &&
                             ((t[i].flags & VNT_TF_SPACE_BEFORE) ||
                              !(t[j].flags & VNT_TF_SPACE_BEFORE));
                if ((st = vnt__spans_push(out, t[first].start, t[bullet ? i - 1 : j - 1].end)) !=
                    VNT_OK)
                    goto fail;
                first = SIZE_MAX;
                if (bullet)
                    continue; /* the run opens the next sentence */
            }
            i = j;
            continue;
        }
        /* only punctuation and abbreviations may end a sentence */
        if (t[i].kind != VNT_TOK_PUNCT && t[i].kind != VNT_TOK_ABBREV) {
            i++;
            continue;
        }
        int role = punct_role(s, &t[i]);
        int candidate = role == P_FINAL || role == P_ELLIPSIS;
        int abbrev = t[i].kind == VNT_TOK_ABBREV && s[t[i].end - 1] == '.';
        if (abbrev) {
            /* an initial after a lower-case word may end a sentence */
            candidate = (t[i].flags & VNT_TF_INITIAL) && i > first &&
                        !(t[i - 1].flags & VNT_TF_UPPER) && t[i - 1].kind != VNT_TOK_PUNCT &&
                        i + 1 < n && (t[i + 1].flags & VNT_TF_SPACE_BEFORE) &&
                        surely_starts(s, t, i + 1, n);
            /* a lower-case dotted abbreviation (v.v.) before a sure start */
            candidate |= (t[i].flags & VNT_TF_LOWER) && !(t[i].flags & VNT_TF_KNOWN) &&
                         i + 1 < n && (t[i + 1].flags & VNT_TF_SPACE_BEFORE) &&
                         surely_starts(s, t, i + 1, n);
            /* any abbreviation before a word that opens sentences */
            candidate |= i + 1 < n && (t[i + 1].flags & VNT_TF_SPACE_BEFORE) &&
                         is_opener(s, &t[i + 1]);
            /* list numbers, a star bullet, a byline after it */
            if (!candidate)
                candidate = abbrev_before_start(s, t, i, n);
        }
        /* an ellipsis that opens a bracket after words: `Mỹ (...) Đây` */
        if (role == P_ELLIPSIS && i >= first + 2 && !(t[i].flags & VNT_TF_SPACE_BEFORE) &&
            (t[i - 1].flags & VNT_TF_SPACE_BEFORE) && opening_after_words(s, t, first, i - 1))
            candidate = 0;
        if (!candidate && !abbrev) {
            i++;
            continue;
        }
        char before = before_class(s, t, first, i);
        char mark = abbrev ? '.' : mark_class(s, &t[i]);
        int marks = 1, closed = 0, news_end = 0, after_close = 0;
        /* a mark right after an opening bracket, "(?!)", "(?)", ends only
         * before a sure start */
        int strict = role == P_FINAL && i > first && !(t[i].flags & VNT_TF_SPACE_BEFORE) &&
                     punct_role(s, &t[i - 1]) == P_OPEN;
        /* a list label that opens the sentence: "1.", "1.2.2.", "a.", "IV.",
         * also written with spaces, "3. 4. ", or after a heading word,
         * "Điều 3.", "Chương II.", or after a colon, "gồm: 1. Mở máy." */
        if ((!abbrev && role == P_FINAL && s[t[i].start] == '.' && t[i].end - t[i].start == 1 &&
             (label_chain(s, t, first, i) || heading_label(s, t, first, i) ||
              (i > first && after_colon(s, t[first].start, &t[i - 1]) &&
               label_chain(s, t, i - 1, i)) ||
              opened_label(s, t, first, i))) ||
            (abbrev && t[i].end - t[i].start == 2 && (unsigned char)s[t[i].start] < 0x80 &&
             (i == first || (i == first + 1 && heading_word(s, &t[first])) ||
              (i > first && only_space(s, t[i - 1].end, t[i].start) &&
               heading_pair_end(s, t[first].start, t[i].start) == t[i - 1].end) ||
              (s[t[i].start] == 'A' && i > first && after_colon(s, t[first].start, &t[i])))) ||
            (abbrev && i == first && signature_word(s, &t[i]))) {
            /* "A. ", "I. ", "Chương I. ", the first option after a colon,
             * "Chọn: A. ", and the signature words that open a line,
             * "TM. Ban chấp hành" */
            i++;
            continue;
        }
        /* the next label of a list written in one line, after its item's
         * last word ("Nhận xét: 1. Giao nhanh 2. Đóng gói đẹp"): the
         * sentence ends before the label, which opens the next one */
        if (!abbrev && role == P_FINAL && VNT_UNLIKELY(inline_label(s, t, first, i, n))) {
            if ((st = vnt__spans_push(out, t[first].start, t[i - 2].end)) != VNT_OK)
                goto fail;
            first = i - 1; /* opened as at the top of the loop */
            ws.pos = qs.pos = t[first].start;
            ws.seen = 0;
            qs.count = 0;
            i++;
            continue;
        }
        /* what closes the mark */
        size_t j = i + 1;
        while (j < n && !(t[j].flags & VNT_TF_SPACE_BEFORE)) {
            int r = punct_role(s, &t[j]);
            /* a straight quote typed onto a word after the mark opens the
             * next sentence when the quotes before it are paired:
             * `"Đi đâu?""Đi chợ."`, `Anh đi."Về" là gì?` */
            if (r == P_QUOTE && s[t[j].start] == '"' && j + 1 < n &&
                t[j + 1].kind == VNT_TOK_WORD && !(t[j + 1].flags & VNT_TF_SPACE_BEFORE) &&
                quotes_before(s, &qs, t[j].start) % 2 == 0)
                break;
            /* a mark that shows nothing, typed onto the marks (text copied
             * with bidi marks: "đi.\u200e Tôi"), neither ends nor closes */
            if (r == P_INVISIBLE) {
                j++;
                continue;
            }
            if (r == P_FINAL || r == P_ELLIPSIS || r == P_CLOSE || r == P_QUOTE) {
                if (r == P_FINAL || r == P_ELLIPSIS) {
                    role = r; /* the last mark decides: "...)." is a period */
                    if (after_close) { /* the context's mark is the last run */
                        mark = mark_class(s, &t[j]);
                        marks = 1;
                        after_close = 0;
                        candidate = 1; /* a mark of its own: "v.v.)." */
                    } else {
                        marks++;
                    }
                } else {
                    closed = after_close = 1;
                }
                j++;
            } else if (footnote_mark(s, t, j, n)) {
                j += 3; /* "rõ rệt.[12] Tuy nhiên" */
                closed = after_close = 1;
            } else if (t[j].kind == VNT_TOK_PUNCT && s[t[j].start] == '/' && j + 1 < n &&
                       !(t[j + 1].flags & VNT_TF_SPACE_BEFORE) &&
                       punct_role(s, &t[j + 1]) == P_FINAL) {
                j += 2; /* "./." */
                news_end = 1;
            } else {
                break;
            }
        }
        /* a straight quote after a space that closes: `nói... ".` (the gold
         * puts some closing quotes after a space), but not before an
         * ellipsis: `đây! "... Sau` opens the next sentence */
        if (j < n && (t[j].flags & VNT_TF_SPACE_BEFORE) && punct_role(s, &t[j]) == P_QUOTE &&
            (j + 1 >= n || t[j + 1].kind == VNT_TOK_NEWLINE ||
             (!(t[j + 1].flags & VNT_TF_SPACE_BEFORE) && closes(s, &t[j + 1]) &&
              punct_role(s, &t[j + 1]) != P_ELLIPSIS))) {
            j++;
            closed = 1;
            after_close = 1;
            while (j < n && !(t[j].flags & VNT_TF_SPACE_BEFORE) && closes(s, &t[j])) {
                int r = punct_role(s, &t[j]);
                if (r == P_FINAL || r == P_ELLIPSIS) {
                    role = r;
                    if (after_close) {
                        mark = mark_class(s, &t[j]);
                        marks = 1;
                        after_close = 0;
                        candidate = 1;
                    } else {
                        marks++;
                    }
                } else {
                    after_close = 1;
                }
                j++;
            }
        }
        /* emoji and emoticons after the mark go with its sentence, when
         * white space follows them: "Tuyệt vời! 😍😍 Sẽ quay lại"; but in
         * a sentence that an emoji opened, a run before more text is the
         * bullet of the next item */
        if (candidate && j < n && t[j].kind == VNT_TOK_EMOJI) {
            size_t e = j;
            while (e < n && t[e].kind == VNT_TOK_EMOJI)
                e++;
            /* and when a syllable in upper case is typed onto them, the
             * sentence may end before it, as after a glued mark: "Đẹp
             * quá!!!😍Mua ngay" (glued_start decides) */
            if (e >= n || t[e].kind == VNT_TOK_NEWLINE ||
                (((t[e].flags & VNT_TF_SPACE_BEFORE) || (!caseless && glued_syllable(s, &t[e]))) &&
                 t[first].kind != VNT_TOK_EMOJI))
                j = e;
        }
        if (marks > 1)
            mark = 'M';
        /* j is the first token after the closed mark */
        int boundary;
        if (j >= n || t[j].kind == VNT_TOK_NEWLINE)
            boundary = 1;
        else if (!(t[j].flags & VNT_TF_SPACE_BEFORE))
            /* glued to what follows: a sentence only when typed without
             * the space */
            boundary = candidate && !abbrev && !strict && glued_start(s, t, n, first, i, j, marks) &&
                       words_before(s, &ws, t[i].start);
        else {
            if (!candidate)
                boundary = 0;
            else if (role == P_ELLIPSIS || strict)
                boundary = surely_starts(s, t, j, n);
            else
                boundary = can_start(s, t, j, n);
            /* the training gold decides where it is clear */
            int l = news_end ? -1 : learned_at(before, mark, closed, s, t, j, n);
            if (l >= 0)
                boundary = l;
            if (!boundary && abbrev && j == i + 1 &&
                (city_at_end(s, t, i, n) || given_initial(s, t, first, i, j) ||
                 label_initial(s, t, first, i, j) || unit_end(s, t, first, i, j)))
                boundary = 1;
            if (boundary && abbrev && j == i + 1 && option_label(s, t, first, i) &&
                !given_initial(s, t, first, i, j))
                boundary = 0;
            if (VNT_UNLIKELY(boundary && (abbrev || ((closed || role == P_ELLIPSIS) &&
                                                     (s[t[j].start] == '-' ||
                                                      (unsigned char)s[t[j].start] == 0xE2)))) &&
                vetoed(s, t, first, i, j, t[n - 1].end, abbrev, role, closed, &br))
                boundary = 0;
            /* a final mark before a line of separators ends ("... * * *",
             * "! - ------ -", "... > >"), whatever the context */
            if (!boundary && candidate && !abbrev && separator_line(s, t[j].start, t[n - 1].end))
                boundary = 1;
            /* an ellipsis before a numbered item ends: "... 2 - Chỉ huy" */
            if (!boundary && role == P_ELLIPSIS && t[j].kind == VNT_TOK_NUMBER &&
                numbered_item(s, t[j].start, t[n - 1].end))
                boundary = 1;
        }
        if (boundary) {
            if ((st = vnt__spans_push(out, t[first].start, t[j - 1].end)) != VNT_OK)
                goto fail;
            first = SIZE_MAX;
        }
        i = j;
    }
    if (first != SIZE_MAX && (st = vnt__spans_push(out, t[first].start, t[n - 1].end)) != VNT_OK)
        goto fail;
    return VNT_OK;
fail:
    out->len = 0;
    return st;
}

/* The bytes of the line break at u[i] (LF, VT, FF, CR, NEL, LS, PS: the
 * scanner's, so that a line is the same thing everywhere), 0 for none. */
static size_t break_len(const unsigned char *u, size_t len, size_t i)
{
    if (u[i] >= '\n' && u[i] <= '\r')
        return 1;
    int brk = 0;
    size_t w = u[i] >= 0x80 ? wide_space(u, len, i, &brk) : 0;
    return brk ? w : 0;
}

/* The end of the line of u[0..len) that starts at a: past its line break
 * (CR LF is one), or len. */
static size_t line_end(const unsigned char *u, size_t len, size_t a)
{
    for (size_t i = a; i < len; i++) {
        size_t k = break_len(u, len, i);
        if (k)
            return i + k + (u[i] == '\r' && i + 1 < len && u[i + 1] == '\n');
    }
    return len;
}

/* The case of the text s[0..len), or with to_lf of its first line (up to
 * its line break, break_len): CASED, LOWER_ONLY when it has letters in
 * lower case and none in upper case, as text put in lower case before it
 * is split (case then tells nothing of where a sentence starts),
 * UPPER_ONLY the other way round (text in capitals), -1 when it has no
 * letter. Stops as soon as it has seen both, which most lines do at once. */
enum { CASED = 0, LOWER_ONLY, UPPER_ONLY, LOWER_START /* line_case only */ };

/* The bytes that may come right before the mouth of an emoticon. */
static const uint8_t FACE_BEFORE[256] = {[':'] = 1, [';'] = 1, ['='] = 1, ['-'] = 1, ['\''] = 1};

/* ASCII letters and digits. */
static const uint8_t ASCII_ALNUM[128] = {
#define R10(x) [x] = 1, [x + 1] = 1, [x + 2] = 1, [x + 3] = 1, [x + 4] = 1, [x + 5] = 1, \
    [x + 6] = 1, [x + 7] = 1, [x + 8] = 1, [x + 9] = 1
    R10('0'), R10('A'), R10('K'), ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
    R10('a'), R10('k'), ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
#undef R10
};

/* The start of the character that ends at e > 0 (u[e - 1] its last byte),
 * its code point in *cp; e when it is not valid UTF-8. */
static size_t char_before(const unsigned char *u, size_t e, int32_t *cp)
{
    size_t a = e - 1;
    while (a > 0 && e - a < 4 && (u[a] & 0xC0) == 0x80)
        a--;
    return vnt__utf8_decode(u, e, a, cp) == e - a ? a : e;
}

/* 1 when the character that ends at e (u[e - 1] its last byte) may go on
 * a word: a letter of any script, a digit or a combining mark. */
static int word_char_before(const unsigned char *u, size_t e)
{
    if (e == 0)
        return 0;
    if (u[e - 1] < 0x80)
        return ASCII_ALNUM[u[e - 1]];
    int32_t cp = 0;
    return char_before(u, e, &cp) < e && vnt__word_char(cp);
}

/* 1 when the ASCII letter u[i] is the mouth of an emoticon (":D", ":-p",
 * ";v"), which tells nothing of the case of its line: no letter, digit or
 * mark comes before its eyes (with a nose or not; "khoẻ:D" and "khỏe:D"
 * alike, and NFD too), so that where a line
 * is taken to start (after white space of any kind) changes nothing, and
 * no letter, digit or non-ASCII character but white space or a line break
 * (wide_space) follows it. */
static int face_letter(const unsigned char *u, size_t len, size_t i)
{
    size_t e = i - 1;
    if (!vnt__face_mouth(u[i])) /* D d P p V v O o: each in both cases */
        return 0;
    if (u[e] == '-' || u[e] == '\'') {
        if (e == 0)
            return 0;
        e--;
    }
    if ((u[e] != ':' && u[e] != ';' && u[e] != '=') || word_char_before(u, e))
        return 0;
    int brk;
    return i + 1 >= len || (u[i + 1] < 0x80 ? !ASCII_ALNUM[u[i + 1]]
                                            : wide_space(u, len, i + 1, &brk) != 0);
}

/* The case of a text in which upper and lower (0 or 1) say which letters
 * were seen: UPPER_ONLY, LOWER_ONLY, CASED or -1 (none with a case). */
static int case_of(int upper, int lower)
{
    return upper == lower ? (upper ? CASED : -1) : lower ? LOWER_ONLY : UPPER_ONLY;
}

/* text_case from u[i] on, with the cases seen before i in *upper and
 * *lower: one character at a time. Returns where it stopped (len, a line
 * break when to_lf, or where both cases have been seen). */
static size_t case_scan(const unsigned char *u, size_t len, size_t i, size_t stop, int to_lf,
                        int *upper, int *lower)
{
    while (i < stop && !(*upper && *lower)) {
        size_t k = 1;
        if (u[i] < 0x80) {
            if (to_lf && u[i] >= '\n' && u[i] <= '\r')
                return SIZE_MAX;
            int up = u[i] >= 'A' && u[i] <= 'Z', low = u[i] >= 'a' && u[i] <= 'z';
            if (((up && !*upper) || (low && !*lower)) && i > 0 && FACE_BEFORE[u[i - 1]] &&
                face_letter(u, len, i))
                up = low = 0;
            *upper |= up;
            *lower |= low;
        } else {
            int c = vnt__text_char_case(u, len, i, &k);
            if (c == 4 && to_lf)
                return SIZE_MAX;
            *upper |= c == 1;
            *lower |= c == 2;
        }
        i += k;
    }
    return i;
}

#ifdef SSE2_SKIP
#define EQ(v, x) _mm_cmpeq_epi8((v), _mm_set1_epi8((char)(x)))
/* The bytes b0 (b1, b2 after them) that start a character that
 * no_case16 lets pass in neither case: a lead byte
 * other than C2..C6, CC, CD, E1, E2 (another script), CD B0..BF (Greek), E2
 * but the general punctuation (E2 80, E2 81) and, with to_lf, a line break
 * (LF..CR, NEL C2 85, LS and PS E2 80 A8 and A9), where the scan stops. */
static __m128i other_starts16(__m128i b0, __m128i b1, __m128i b2, int to_lf)
{
    const __m128i ge_b0 = _mm_cmpeq_epi8(_mm_max_epu8(b1, _mm_set1_epi8((char)0xB0)), b1);
    __m128i bad = _mm_and_si128(EQ(b0, 0xCD), ge_b0);
    bad = _mm_or_si128(bad, _mm_andnot_si128(_mm_or_si128(EQ(b1, 0x80), EQ(b1, 0x81)),
                                             EQ(b0, 0xE2)));
    /* C7..CB, CE..DF, E0, E3..FF (C0, C1 and F5..FF are no UTF-8: the slow
     * read takes them as no letter) */
    const __m128i lead = _mm_cmpeq_epi8(_mm_max_epu8(b0, _mm_set1_epi8((char)0xC7)), b0);
    const __m128i known = _mm_or_si128(_mm_or_si128(EQ(b0, 0xCC), EQ(b0, 0xCD)),
                                       _mm_or_si128(EQ(b0, 0xE1), EQ(b0, 0xE2)));
    bad = _mm_or_si128(bad, _mm_andnot_si128(known, lead));
    if (to_lf) {
        const __m128i lf_cr = _mm_and_si128(_mm_cmpgt_epi8(b0, _mm_set1_epi8('\n' - 1)),
                                            _mm_cmplt_epi8(b0, _mm_set1_epi8('\r' + 1)));
        const __m128i nel = _mm_and_si128(EQ(b0, 0xC2), EQ(b1, 0x85));
        const __m128i ls_ps = _mm_and_si128(_mm_and_si128(EQ(b0, 0xE2), EQ(b1, 0x80)),
                                            _mm_or_si128(EQ(b2, 0xA8), EQ(b2, 0xA9)));
        bad = _mm_or_si128(bad, _mm_or_si128(lf_cr, _mm_or_si128(nel, ls_ps)));
    }
    return bad;
}

/* 1 when no character that starts in the 16 bytes at p can be a letter in
 * upper case (with lower, in lower case: the text is in capitals so far):
 * ASCII without A-Z (a-z), the
 * letters of Vietnamese of the other case (à-ÿ, ă đ ĩ ũ ơ ư, U+1EA1..U+1EFF
 * odd; À-Þ, Ă Đ Ĩ Ũ Ơ Ư, U+1EA0..U+1EFE even), combining marks, Latin-1
 * signs (but µ, a lower-case letter) and the general punctuation; anything
 * else (a letter of the case looked for, another script) says 0, and the
 * caller reads the block a character at a time. Reads two bytes past the
 * 16 (the rest of a character that starts in them). With to_lf, a line
 * break says 0 too. */
static int no_case16(const unsigned char *p, int lower, int to_lf)
{
    const __m128i b0 = _mm_loadu_si128((const __m128i *)p);
    const __m128i b1 = _mm_loadu_si128((const __m128i *)(p + 1));
    const __m128i b2 = _mm_loadu_si128((const __m128i *)(p + 2));
    /* the ASCII letters of the case (signed compares: ASCII is positive) */
    const char lo = lower ? 'a' : 'A', hi = lower ? 'z' : 'Z';
    __m128i bad = _mm_and_si128(_mm_cmpgt_epi8(b0, _mm_set1_epi8((char)(lo - 1))),
                                _mm_cmplt_epi8(b0, _mm_set1_epi8((char)(hi + 1))));
    /* C3: U+00C0..U+00DE upper (and x, U+00D7), U+00DF..U+00FF lower (and
     * /, U+00F7); C2 B5, micro sign, lower */
    const __m128i le9e = _mm_cmpeq_epi8(_mm_min_epu8(b1, _mm_set1_epi8((char)0x9E)), b1);
    const __m128i c3 = EQ(b0, 0xC3);
    bad = _mm_or_si128(bad, lower ? _mm_andnot_si128(le9e, c3) : _mm_and_si128(c3, le9e));
    if (lower)
        bad = _mm_or_si128(bad, _mm_and_si128(EQ(b0, 0xC2), EQ(b1, 0xB5)));
    /* E1 BA A0..BF and E1 BB: upper case even, lower case odd; any other E1 */
    const __m128i other_parity = EQ(_mm_and_si128(b2, _mm_set1_epi8(1)), lower ? 0 : 1);
    const __m128i ge_a0 = _mm_cmpeq_epi8(_mm_max_epu8(b2, _mm_set1_epi8((char)0xA0)), b2);
    const __m128i e1_ok = _mm_and_si128(other_parity, _mm_or_si128(EQ(b1, 0xBB),
                                                                   _mm_and_si128(EQ(b1, 0xBA), ge_a0)));
    bad = _mm_or_si128(bad, _mm_andnot_si128(e1_ok, EQ(b0, 0xE1)));
    /* C4..C6: the other case of ă đ ĩ, ũ, ơ ư (Ă Đ Ĩ: C4 82 90 A8; ă đ ĩ:
     * C4 83 91 A9; Ũ ũ: C5 A8 A9; Ơ Ư: C6 A0 AF; ơ ư: C6 A1 B0); any other */
    const int d = lower ? 0 : 1; /* the other case's second byte, from the upper one */
    const __m128i c4_ok = _mm_or_si128(_mm_or_si128(EQ(b1, 0x82 + d), EQ(b1, 0x90 + d)),
                                       EQ(b1, 0xA8 + d));
    bad = _mm_or_si128(bad, _mm_andnot_si128(c4_ok, EQ(b0, 0xC4)));
    bad = _mm_or_si128(bad, _mm_andnot_si128(EQ(b1, 0xA8 + d), EQ(b0, 0xC5)));
    const __m128i c6_ok = lower ? _mm_or_si128(EQ(b1, 0xA0), EQ(b1, 0xAF))
                                : _mm_or_si128(EQ(b1, 0xA1), EQ(b1, 0xB0));
    bad = _mm_or_si128(bad, _mm_andnot_si128(c6_ok, EQ(b0, 0xC6)));
    bad = _mm_or_si128(bad, other_starts16(b0, b1, b2, to_lf));
    return _mm_movemask_epi8(bad) == 0;
}
#undef EQ
#endif

/* The case of the text s[0..len) (to_lf: of its first line): UPPER_ONLY,
 * LOWER_ONLY, CASED (both) or -1 (no letter with a case). A text (or line)
 * without capitals is read to its end: once a lower-case letter has been
 * seen, 16 bytes at a time where none can start a capital (no_case16),
 * which took the C splitter from 172 to 468 MB/s on the dev text in lower
 * case (one character at a time, a branch missed on every other one); a
 * text in capitals likewise once a capital has been seen. */
static int text_case(const char *s, size_t len, int to_lf)
{
    const unsigned char *u = (const unsigned char *)s;
    int upper = 0, lower = 0;
#ifdef SSE2_SKIP
    size_t i = 0;
    while (i < len && !(upper && lower)) {
        if (lower != upper && len - i >= 18 && no_case16(u + i, !lower, to_lf)) {
            i += 16;
            continue;
        }
        /* one block a character at a time (past its end by the rest of
         * its last character), up to a line break with to_lf */
        i = case_scan(u, len, i, len - i > 16 ? i + 16 : len, to_lf, &upper, &lower);
    }
#else
    case_scan(u, len, 0, len, to_lf, &upper, &lower);
#endif
    return case_of(upper, lower);
}

/* For the C tests: text_case, and the same read one character at a time
 * (the reference for the blocks that no_case16 passes over). */
int vnt__text_case(const char *s, size_t len, int to_lf)
{
    return text_case(s, len, to_lf);
}

int vnt__text_case_slow(const char *s, size_t len, int to_lf)
{
    int upper = 0, lower = 0;
    case_scan((const unsigned char *)s, len, 0, len, to_lf, &upper, &lower);
    return case_of(upper, lower);
}

/* The kind of abbreviation that the word s[0..n) and a period would be in
 * capitals (upper or title case): VNT_TF_KNOWN for one of the table ("gs"
 * as GS., "tp" as TP.), VNT_TF_INITIAL for one letter of ASCII or "đ"
 * ("n" as N., "đ" as Đ.), else 0. */
static int caseless_abbrev(const char *s, size_t n)
{
    if (vnt__abbrev_known_lower((const unsigned char *)s, n))
        return VNT_TF_KNOWN;
    if (n == 1)
        return s[0] >= 'a' && s[0] <= 'z' ? VNT_TF_INITIAL : 0;
    /* U+0111; the other one-letter words are Vietnamese words ("ở", "à") */
    return n == 2 && (unsigned char)s[0] == 0xC4 && (unsigned char)s[1] == 0x91 ? VNT_TF_INITIAL
                                                                                : 0;
}

/* 1 when the word t may start a sentence after an ellipsis or an initial
 * in a text without capitals: one of the starters of the table, in any
 * Unicode form or tone-placement style. */
static int caseless_starter(const char *s, const vnt_token *t)
{
    return vnt__word_in_canonical((const unsigned char *)s + t->start, t->end - t->start,
                                  vnt_starters, vnt_starter_hash, VNT_STARTER_HASH_SIZE);
}

/* 1 when the tokens c[0..m) end with an ellipsis or an initial, and the
 * closing brackets and quotes written right after it: a word in lower case
 * after them goes on with the sentence far more often than not. */
static int after_ellipsis_or_initial(const char *s, const vnt_token *c, size_t m)
{
    int r;
    while (m > 1 && !(c[m - 1].flags & VNT_TF_SPACE_BEFORE) &&
           ((r = punct_role(s, &c[m - 1])) == P_CLOSE || r == P_QUOTE))
        m--;
    if (m > 0 && c[m - 1].kind == VNT_TOK_EMOJI) {
        /* emoji after words, as an ellipsis; after a final mark (and what
         * closes it), as that mark */
        size_t k = m - 1;
        while (k > 0 && c[k - 1].kind == VNT_TOK_EMOJI)
            k--;
        /* the closers typed onto the mark (the fast pass may leave out
         * those after white space) */
        while (k > 1 && !(c[k - 1].flags & VNT_TF_SPACE_BEFORE) &&
               (punct_role(s, &c[k - 1]) == P_CLOSE || punct_role(s, &c[k - 1]) == P_QUOTE))
            k--;
        return !(k > 0 && punct_role(s, &c[k - 1]) == P_FINAL);
    }
    return m > 0 && (punct_role(s, &c[m - 1]) == P_ELLIPSIS ||
                     (c[m - 1].kind == VNT_TOK_ABBREV && (c[m - 1].flags & VNT_TF_INITIAL)));
}

/* 1 when the word x, which follows the tokens c[0..m), comes after white
 * space after an ellipsis or an initial, with an opening bracket or quote
 * written onto it or not ("... gây", "... (gây", "... \"gây"). */
static int word_after_ellipsis_or_initial(const char *s, const vnt_token *c, size_t m,
                                          const vnt_token *x)
{
    int r;
    if (!(x->flags & VNT_TF_SPACE_BEFORE) && m > 0 && (c[m - 1].flags & VNT_TF_SPACE_BEFORE) &&
        ((r = punct_role(s, &c[m - 1])) == P_OPEN || r == P_QUOTE))
        return after_ellipsis_or_initial(s, c, m - 1);
    return (x->flags & VNT_TF_SPACE_BEFORE) && after_ellipsis_or_initial(s, c, m);
}

/* The sentences of the tokens t[0..n) of s, a text without capitals:
 * every word is taken as one that may start a sentence (as if it began
 * with a capital): the lower-case rules ("... rồi anh đến", "sao vậy?" rồi)
 * would otherwise never let one end. But after an ellipsis or an initial,
 * where a word in lower case goes on with the sentence far more often than
 * not, only a word that often starts one does ("... sau đó tôi về", not
 * "... gây ra", "anh t. cười"), and none with mixed, for a line of both
 * cases that starts in lower case (line_case LOWER_START), as in text with
 * capitals ("... trong hẻm cũng"). Its abbreviations and initials, which
 * the scanner knows in capitals only, are read as they would be there:
 * "gs." as GS., "n." as N. */
static vnt_status decide_caseless(const char *s, const vnt_token *t, size_t n, int mixed,
                                  vnt_spans *out)
{
    vnt_token *c = malloc((n ? n : 1) * sizeof *c);
    if (c == NULL)
        return VNT_ERR_NOMEM;
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        vnt_token x = t[k];
        if ((x.kind == VNT_TOK_WORD || x.kind == VNT_TOK_ABBREV) && (x.flags & VNT_TF_LOWER) &&
            !(x.kind == VNT_TOK_WORD && word_after_ellipsis_or_initial(s, c, m, &x) &&
              (mixed || !caseless_starter(s, &x))))
            x.flags = (uint16_t)((x.flags & ~VNT_TF_LOWER) | VNT_TF_UPPER);
        /* a word and a single period glued to it (not an ellipsis) */
        int abbr = 0;
        if (x.kind == VNT_TOK_WORD && k + 1 < n && t[k + 1].start == x.end &&
            t[k + 1].end == x.end + 1 && s[x.end] == '.' &&
            !(k + 2 < n && t[k + 2].start == x.end + 1 && s[x.end + 1] == '.'))
            abbr = caseless_abbrev(s + x.start, x.end - x.start);
        /* a letter after a number is its unit ("15.000 đ.", "20 m."), not
         * an initial */
        if (abbr == VNT_TF_INITIAL && k > 0 && t[k - 1].kind == VNT_TOK_NUMBER)
            abbr = 0;
        if (abbr) {
            x.kind = VNT_TOK_ABBREV;
            x.end++;
            x.flags = (uint16_t)(x.flags | abbr);
            k++;
        }
        c[m++] = x;
    }
    vnt_status st = decide_cased(s, c, m, 1, out);
    free(c);
    return st;
}

/* A copy of s[0..len) with each letter whose lower case is written with as
 * many bytes in lower case (so offsets hold), or NULL when out of memory. */
static char *lowered_copy(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    char *low = malloc(len ? len : 1);
    if (low == NULL)
        return NULL;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t k = u[i] < 0x80 ? 1 : vnt__utf8_decode(u, len, i, &cp);
        if (u[i] < 0x80) {
            low[i] = (char)(u[i] >= 'A' && u[i] <= 'Z' ? u[i] + 32 : u[i]);
        } else if (k == 0) {
            low[i] = s[i];
            k = 1;
        } else {
            char enc[4];
            memcpy(low + i, vnt__utf8_encode(utf8proc_tolower(cp), enc) == k ? enc : s + i, k);
        }
        i += k;
    }
    return low;
}

static vnt_status sparse_tokens(const char *s, size_t len, vnt_tokens *work, vnt_spans *sp);
static size_t chunk_end(const unsigned char *u, size_t len, size_t a, size_t e);
static size_t chunk_start(const unsigned char *u, size_t lo, size_t e);

/* Joins the sentences of out[from..] that meet inside a token of s: the
 * lower case of a text in capitals is scanned apart where the capitals are
 * one token ("MO.ĐI" is one, "mo.đi" three), and a sentence may end there;
 * but words are made of the tokens of s, and none may cross a sentence end.
 * Only sentences with no white space between them can meet inside one. */
static vnt_status join_inside_tokens(const char *s, size_t len, vnt_spans *out, size_t from)
{
    const unsigned char *u = (const unsigned char *)s;
    vnt_tokens toks; /* those of the chunk around the last end looked at */
    vnt_tokens_init(&toks);
    vnt_status st = VNT_OK;
    size_t m = from, chunk_b = 0, j = 0;
    for (size_t k = from; k < out->len; k++) {
        size_t e = m > from ? out->items[m - 1].end : 0;
        if (m > from && out->items[k].start == e) {
            if (e >= chunk_b) { /* each chunk is scanned once (chunk_b starts at 0) */
                toks.len = 0;
                j = 0;
                chunk_b = chunk_end(u, len, e, len);
                st = vnt__scan_chunk(s, chunk_start(u, 0, e), chunk_b, &toks);
                if (st != VNT_OK)
                    break;
            }
            while (j < toks.len && toks.items[j].end <= e) /* ends only grow */
                j++;
            int inside = j < toks.len && toks.items[j].start < e;
            if (inside) {
                out->items[m - 1].end = out->items[k].end;
                continue;
            }
        }
        out->items[m++] = out->items[k];
    }
    out->len = st == VNT_OK ? m : 0; /* no half-joined spans on an error */
    vnt_tokens_free(&toks);
    return st;
}

/* The sentences of s[0..len), a text in capitals: those of its lower case,
 * which case tells as little about, less the ends that fall inside a token
 * of s. toks receives the tokens of the lower case: all of them (vnt_scan),
 * or, with sparse, those that the decisions read (sparse_tokens, as
 * vnt_sentences reads them); vnt_sentences_from_tokens so reads its
 * caller's tokens only to check them, and the chunks where an end falls
 * without white space are scanned again from s. */
static vnt_status decide_capitals(const char *s, size_t len, vnt_tokens *toks, int sparse,
                                  vnt_spans *out)
{
    char *low = lowered_copy(s, len);
    if (low == NULL)
        return VNT_ERR_NOMEM;
    toks->len = 0;
    size_t from = out->len;
    vnt_status st = sparse ? sparse_tokens(low, len, toks, NULL) : vnt_scan(low, len, toks);
    if (st == VNT_OK)
        st = decide_caseless(low, toks->items, toks->len, 0, out);
    free(low);
    if (st == VNT_OK)
        st = join_inside_tokens(s, len, out, from);
    return st;
}

/* The sentences of the tokens t[0..n) of s, text or a line of case c (decide_lines)
 * other than UPPER_ONLY (decide_capitals). */
static vnt_status decide(const char *s, const vnt_token *t, size_t n, int c, vnt_spans *out)
{
    return c == LOWER_ONLY ? decide_caseless(s, t, n, 0, out) : decide_cased(s, t, n, 0, out);
}

/* Adds a to the offsets of out->items[from..]. */
static void shift_spans(vnt_spans *out, size_t from, size_t a)
{
    if (a == 0)
        return;
    for (size_t k = from; k < out->len; k++) {
        out->items[k].start += a;
        out->items[k].end += a;
    }
}

/* 1 when the line that starts at s[0] (up to its line break or len)
 * opens with a word in lower case of two letters or more, not a label
 * ("a.", "ii)", "b /"): a line typed without capitals at its sentence
 * starts, as chat is ("ok. mai gặp Nam nhé", "mình dùng iPhone. pin trâu
 * lắm"), whose names and brands tell nothing of where its sentences start.
 * (A line that opens with a number, a bullet or a quote does not.) */
static int starts_lower(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, w;
    int brk;
    while (i < len) { /* the white space before it, as the scanner's */
        if (u[i] == ' ' || u[i] == '\t')
            i++;
        else if (u[i] >= 0x80 && (w = wide_space(u, len, i, &brk)) != 0 && !brk)
            i += w;
        else
            break;
    }
    int letters = 0, c = 0;
    const size_t start = i;
    while (i < len) {
        int32_t cp;
        size_t k = u[i] < 0x80 ? (cp = u[i], 1) : vnt__utf8_decode(u, len, i, &cp);
        if (k == 0)
            return 0;
        c = vnt__letter_case(cp);
        if (c == 2)
            letters++;
        else if (c != 0 || !letters || !vnt__word_char(cp)) /* a mark goes on */
            break;
        i += k;
    }
    if (letters < 2 || (i < len && c == 1)) /* "iPhone", "iÔng": a brand */
        return 0;
    if (len - i >= 3 && u[i] == ':' && u[i + 1] == '/' && u[i + 2] == '/')
        return 0; /* "https://": a URL */
    if (i < len && (u[i] == ')' || u[i] == '.')) { /* "ii)", "iv." */
        size_t k = start;
        while (k < i && u[k] != 0 && strchr("ivxlc", u[k]) != NULL)
            k++;
        if (k == i)
            return 0;
    }
    size_t j = vnt__skip_hspace(u, len, i);
    return !(j < len && u[j] == '/' && j > i);
}

/* 1 when the line that ends at e (at its line break) holds 40 characters
 * or more: a line of text wrapped at a width, not a message of chat. What
 * is counted is the text as read, not as typed: a run of spaces, tabs
 * and no-break spaces is one character, none at the start of the line
 * (indentation); a
 * combining diacritical mark (U+0300-U+036F: the tone marks, hat, breve
 * and horn of text in NFD) is part of the character before it. So the
 * line is as long in any Unicode form and however it is spaced. Reads back
 * to the 40th character at most. */
static int long_line_before(const unsigned char *u, size_t e)
{
    size_t n = 0;
    int space = 0; /* a run of white space after the characters counted */
    const size_t end = e;
    while (e > 0 && n < 40) {
        unsigned char c = u[e - 1];
        if (c >= '\n' && c <= '\r')
            return 0;
        size_t k = vnt__hspace_before(u, 0, e);
        if (k != 0) {
            space = 1;
            e -= k;
            continue;
        }
        if ((c & 0xC0) != 0x80 && /* a lead byte, but for CC 80-BF and CD 80-AF */
            !(c == 0xCC || (c == 0xCD && e < end && u[e] <= 0xAF))) {
            n += 1 + space;
            space = 0;
        }
        e--;
    }
    return n >= 40;
}

/* 1 when the line that starts at a goes on from the line before: that one
 * is long (long_line_before) and ends with a letter, a digit, a comma, a
 * colon or a semicolon, after white space with one line break (text
 * wrapped at a width, or the items after "hàm ý:"), not with a final mark
 * or a blank line. */
static int continues_line(const char *s, size_t a)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = a;
    int breaks = 0;
    while (i > 0) {
        unsigned char c = u[i - 1];
        if (c == ' ' || c == '\t') {
            i--;
        } else if (c >= '\n' && c <= '\r') {
            breaks += !(c == '\n' && i >= 2 && u[i - 2] == '\r');
            i--;
        } else if (c < 0x80) {
            return breaks == 1 && (ASCII_ALNUM[c] || c == ',' || c == ':' || c == ';') &&
                   long_line_before(u, i);
        } else {
            int32_t cp = 0;
            size_t b = char_before(u, i, &cp);
            if (b == i)
                return 0;
            int k = vnt__space_kind(cp);
            if (k == 0)
                return breaks == 1 && vnt__word_char(cp) && long_line_before(u, i);
            breaks += k == 2;
            i = b;
        }
        if (breaks > 1)
            return 0;
    }
    return 0;
}

/* The case the line that starts at s[a] (up to its line break or len) is
 * read in: that of its text (text_case), but LOWER_START, read as one
 * without capitals, for a line of both cases that starts in lower case
 * (starts_lower), unless it goes on from the line before (continues_line:
 * text wrapped at a width). */
static int line_case(const char *s, size_t a, size_t len)
{
    int c = text_case(s + a, len - a, 1);
    return c == CASED && starts_lower(s + a, len - a) && !continues_line(s, a) ? LOWER_START : c;
}

/* Adds the line of s[0..len) that starts at a (up to a line break) to sp,
 * the lines read in one case (line_case LOWER_ONLY, UPPER_ONLY or
 * LOWER_START) in order, as empty spans where each starts, when it is read
 * so. */
static vnt_status note_line(const char *s, size_t len, size_t a, vnt_spans *sp)
{
    return a < len && line_case(s, a, len) > CASED ? vnt__spans_push(sp, a, a) : VNT_OK;
}

/* The first of the tokens t[k..n) that starts at a or after. */
static size_t token_at(const vnt_token *t, size_t k, size_t n, size_t a)
{
    while (k < n) {
        size_t m = k + (n - k) / 2;
        if (t[m].start < a)
            k = m + 1;
        else
            n = m;
    }
    return k;
}

/* The sentences of s[0..len) from its tokens (all of them, or, with sparse,
 * those of sparse_tokens): a text of case c, read whole, but each of its
 * lines typed in one case, sp, on its own. A line break always ends a
 * sentence, so the case of one line never changes where the sentences of
 * another end, and a line typed without capitals reads as one ("tôi đi
 * chợ. sau đó tôi về.") whatever the rest of the text. (The lines with no
 * letter read alike either way.) */
static vnt_status decide_lines(const char *s, size_t len, const vnt_tokens *toks,
                               const vnt_spans *sp, int sparse, int c, vnt_spans *out)
{
    const vnt_token *t = toks->items;
    const size_t n = toks->len;
    if (sp->len == 0)
        return decide(s, t, n, c < 0 ? CASED : c, out);
    vnt_tokens low;
    vnt_tokens_init(&low);
    vnt_status st = VNT_OK;
    size_t k0 = 0;
    for (size_t q = 0; q < sp->len && st == VNT_OK; q++) {
        size_t a = sp->items[q].start;
        size_t b = line_end((const unsigned char *)s, len, a);
        size_t ka = token_at(t, k0, n, a), kb = token_at(t, ka, n, b);
        if (ka > k0)
            st = decide(s, t + k0, ka - k0, CASED, out);
        if (st != VNT_OK)
            break;
        int lc = line_case(s, a, b);
        if (lc == LOWER_ONLY || lc == LOWER_START) {
            st = decide_caseless(s, t + ka, kb - ka, lc == LOWER_START, out);
        } else {
            size_t from = out->len;
            st = decide_capitals(s + a, b - a, &low, sparse, out);
            shift_spans(out, from, a);
        }
        k0 = kb;
    }
    if (st == VNT_OK && k0 < n)
        st = decide(s, t + k0, n - k0, CASED, out);
    vnt_tokens_free(&low);
    return st;
}

vnt_status vnt_sentences_from_tokens(const char *s, size_t len, const vnt_tokens *toks,
                                     vnt_spans *out)
{
    if ((s == NULL && len != 0) || toks == NULL || out == NULL)
        return VNT_ERR_INVALID_ARG;
    out->len = 0;
    for (size_t k = 0; k < toks->len; k++)
        if (toks->items[k].end > len || toks->items[k].start >= toks->items[k].end ||
            (k > 0 && toks->items[k].start < toks->items[k - 1].end))
            return VNT_ERR_INVALID_ARG;
    int c = text_case(s, len, 0);
    if (c == UPPER_ONLY) {
        vnt_tokens low;
        vnt_tokens_init(&low);
        vnt_status st = decide_capitals(s, len, &low, 0, out);
        vnt_tokens_free(&low);
        return st;
    }
    vnt_spans sp;
    vnt_spans_init(&sp);
    vnt_status st = c == CASED ? note_line(s, len, 0, &sp) : VNT_OK;
    for (size_t k = 0; k < toks->len && st == VNT_OK && c == CASED; k++) {
        const vnt_token *x = &toks->items[k];
        if (x->kind == VNT_TOK_NEWLINE)
            st = note_line(s, len, x->end, &sp);
    }
    if (st == VNT_OK)
        st = decide_lines(s, len, toks, &sp, 0, c, out);
    vnt_spans_free(&sp);
    if (st != VNT_OK)
        out->len = 0;
    return st;
}

/* A chunk (no ASCII white space in it) of a stretch that the fast pass
 * went over (so valid UTF-8 of ASCII and Latin letters and marks, see
 * next_stop) that is exactly one word or number token, as the scanner would
 * give it: its ASCII bytes are letters and digits, and it starts with a
 * letter, or it is an ASCII number. Sets *kind and *flags; 0 when the chunk
 * needs the scanner. The loop has no branch but its own. */
static int plain_chunk(const unsigned char *u, size_t len, size_t a, size_t b, int *kind,
                       int *flags)
{
    unsigned bad = 0, high = 0;
    (void)len; /* read by the SIMD path only */
#ifdef SSE2_SKIP
    if (b - a <= 16 && len - a >= 16) { /* 16 bytes at once, the chunk's bits kept */
        __m128i v = _mm_loadu_si128((const __m128i *)(u + a));
        __m128i x = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(32)), _mm_set1_epi8('a'));
        __m128i y = _mm_sub_epi8(v, _mm_set1_epi8('0'));
        __m128i ok = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(25)), x),
                                  _mm_cmpeq_epi8(_mm_min_epu8(y, _mm_set1_epi8(9)), y));
        unsigned keep = (1u << (b - a)) - 1;
        unsigned hi = (unsigned)_mm_movemask_epi8(v);
        bad = ~hi & ~(unsigned)_mm_movemask_epi8(ok) & keep;
        high = hi & keep ? 0x80 : 0;
    } else
#endif
    for (size_t i = a; i < b; i++) {
        unsigned c = u[i];
        unsigned alpha = (unsigned)((c | 32) - 'a') < 26, digit = (unsigned)(c - '0') < 10;
        bad |= (c < 0x80) & !alpha & !digit;
        high |= c;
    }
    if (bad)
        return 0;
    int32_t cp;
    if (vnt__utf8_decode(u, b, a, &cp) == 0)
        return 0;
    if (cp >= '0' && cp <= '9') {
        if (high >= 0x80)
            return 0;
        *kind = VNT_TOK_NUMBER;
        *flags = VNT_TF_SPACE_BEFORE;
        return 1;
    }
    int c = vnt__letter_case(cp);
    if (c == 0)
        return 0;
    *kind = VNT_TOK_WORD;
    *flags = VNT_TF_SPACE_BEFORE | (c == 1 ? VNT_TF_UPPER : c == 2 ? VNT_TF_LOWER : 0);
    return 1;
}

static vnt_status push_token(vnt_tokens *work, size_t a, size_t b, int kind, int flags)
{
    if (work->len == work->cap) {
        vnt_status st = vnt__tokens_grow(work);
        if (st != VNT_OK)
            return st;
    }
    vnt_token *t = &work->items[work->len++];
    t->start = a;
    t->end = b;
    t->kind = (uint16_t)kind;
    t->flags = (uint16_t)flags;
    return VNT_OK;
}

/* Appends the tokens of chunk s[a..b): one token when it is plain, else
 * the scanner's. */
static vnt_status chunk_tokens(const char *s, size_t len, size_t a, size_t b, vnt_tokens *work)
{
    int kind, flags;
    if (!plain_chunk((const unsigned char *)s, len, a, b, &kind, &flags))
        return vnt__scan_chunk(s, a, b, work);
    return push_token(work, a, b, kind, flags);
}


#ifdef SSE2_SKIP
/* Bit k set: p[k] is ASCII white space. */
VNT_INLINE unsigned ws_mask16(const unsigned char *p)
{
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i x = _mm_sub_epi8(v, _mm_set1_epi8(9)); /* 9..13 -> 0..4 */
    __m128i ws = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
                              _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(4)), x));
    return (unsigned)_mm_movemask_epi8(ws);
}
#endif

/* The end of the chunk (the bytes up to ASCII white space) that starts at
 * a, at most e; 16 bytes at once where the text has them. */
static size_t chunk_end(const unsigned char *u, size_t len, size_t a, size_t e)
{
    (void)len; /* read by the SIMD path only */
#ifdef SSE2_SKIP
    while (len - a >= 16) {
        unsigned m = ws_mask16(u + a);
        if (m != 0) {
            size_t c = a + (size_t)__builtin_ctz(m);
            return c < e ? c : e;
        }
        a += 16;
        if (a >= e)
            return e;
    }
#endif
    while (a < e && !vnt__ascii_ws(u[a]))
        a++;
    return a;
}

/* The start of the chunk that ends at e (u[e - 1] is not white space), at
 * least lo; 16 bytes at once where the text has them. */
static size_t chunk_start(const unsigned char *u, size_t lo, size_t e)
{
#ifdef SSE2_SKIP
    while (e - lo >= 16) {
        unsigned m = ws_mask16(u + e - 16);
        if (m != 0)
            return e - 16 + (size_t)(32 - __builtin_clz(m));
        e -= 16;
    }
#endif
    while (e > lo && !vnt__ascii_ws(u[e - 1]))
        e--;
    return e;
}

/* The chunk s[a..p] (white space or the end after it) that is a word the
 * fast pass went over and one period: the scanner's tokens for it, without
 * the scanner (two thirds of the chunks it stops at). An abbreviation of
 * the table, or one capital (an initial), with its period; else the word
 * and the period. *done is 0 when the chunk is not of that form. */
static vnt_status word_period(const char *s, size_t len, size_t a, size_t p, vnt_tokens *work,
                              int *done)
{
    const unsigned char *u = (const unsigned char *)s;
    int kind, flags;
    *done = 0;
    if (!plain_chunk(u, len, a, p, &kind, &flags) || kind != VNT_TOK_WORD)
        return VNT_OK;
    *done = 1;
    if (vnt__abbrev_known_at(u, a, p - a))
        return push_token(work, a, p + 1, VNT_TOK_ABBREV, flags | VNT_TF_KNOWN);
    if (vnt__initial_letter(u + a, p - a))
        return push_token(work, a, p + 1, VNT_TOK_ABBREV, flags | VNT_TF_INITIAL);
    vnt_status st = push_token(work, a, p, VNT_TOK_WORD, flags);
    return st != VNT_OK ? st : push_token(work, p, p + 1, VNT_TOK_PUNCT, 0);
}

/* The fast pass is a small automaton over byte classes, without branches
 * but the one that leaves it. Classes: 0 ASCII that goes on; 1 stops (line
 * breaks, . ? !, what an emoticon may start with or hold, : ; < = ^ _, lead
 * bytes of everything but Latin letters and marks);
 * 2 lead of a two-byte Latin letter or mark (C4..C9, CC); 3 C3 (Latin-1
 * letters, but not × ÷); 4 E1 (U+1E00..U+1EFF go on); continuation bytes:
 * 5 97 and B7 (× ÷ after C3), 6 B8..BB (after E1), 7 the others. */
static const uint8_t BYTE_CLASS[256] = {
    ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, ['.'] = 1, ['?'] = 1, ['!'] = 1,
    /* what an emoticon may start or hold, which may end a sentence
     * (next_stop passes over those that start none, face_at) */
    [':'] = 1, [';'] = 1, ['='] = 1, ['^'] = 1, ['<'] = 1, ['_'] = 1,
#define R8(x, v) [x] = v, [x + 1] = v, [x + 2] = v, [x + 3] = v, [x + 4] = v, [x + 5] = v, \
    [x + 6] = v, [x + 7] = v
    R8(0x80, 7), R8(0x88, 7), [0x90] = 7, [0x91] = 7, [0x92] = 7, [0x93] = 7, [0x94] = 7, [0x95] = 7, [0x96] = 7, [0x97] = 5, R8(0x98, 7), R8(0xA0, 7),
    R8(0xA8, 7), [0xB0] = 7, [0xB1] = 7, [0xB2] = 7, [0xB3] = 7, [0xB4] = 7, [0xB5] = 7, [0xB6] = 7, [0xB7] = 5, [0xB8] = 6, [0xB9] = 6, [0xBA] = 6, [0xBB] = 6,
    [0xBC] = 7, [0xBD] = 7, [0xBE] = 7, [0xBF] = 7,
    [0xC0] = 1, [0xC1] = 1, [0xC2] = 1, [0xC3] = 3, [0xC4] = 2, [0xC5] = 2, [0xC6] = 2,
    [0xC7] = 2, [0xC8] = 2, [0xC9] = 2, [0xCA] = 1, [0xCB] = 1, [0xCC] = 2, [0xCD] = 1,
    [0xCE] = 1, [0xCF] = 1, R8(0xD0, 1), R8(0xD8, 1), [0xE0] = 1, [0xE1] = 4,
    [0xE2] = 1, [0xE3] = 1, [0xE4] = 1, [0xE5] = 1, [0xE6] = 1, [0xE7] = 1, R8(0xE8, 1),
    R8(0xF0, 1), R8(0xF8, 1),
#undef R8
};

/* States: 0 at a character, 1 one continuation byte due, 2 after C3,
 * 3 after E1, 4 stop. */
static const uint8_t NEXT_STATE[4][8] = {
    {0, 4, 1, 2, 3, 4, 4, 4},
    {4, 4, 4, 4, 4, 0, 0, 0},
    {4, 4, 4, 4, 4, 4, 0, 0},
    {4, 4, 4, 4, 4, 4, 1, 4},
};

#ifdef SSE2_SKIP
/* The fast pass, 16 bytes at a time, as bit masks: the automaton below
 * goes on over ASCII other than the stops, the leads C3..C9 and CC each
 * followed by one continuation byte (not 97 or B7 after C3), and E1
 * followed by B8..BB and one more. The blocks are read at a fixed stride:
 * what a character that runs past a block expects of the next one is
 * carried over in *carry (bits 0..1: continuation bytes due; bit 2: the
 * next byte must be B8..BB; bit 3: it must not be 97 or B7), so no block
 * waits for the one before. Returns 16 when the automaton would pass over
 * the block; else the offset of the character that stops it, or 17 when
 * the automaton must find it (an invalid sequence, × ÷, E1 outside
 * U+1E00..U+1EFF). This part reads the block b and the bits of its ASCII
 * stops, mstop (clean_block, clean_block16). */
VNT_INLINE unsigned block_stops(__m128i b, unsigned mstop, unsigned *carry)
{
    /* as signed bytes: 80..BF are -128..-65, C3..C9 are -61..-55 */
    unsigned mhigh = (unsigned)_mm_movemask_epi8(b);
    unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(b, _mm_set1_epi8(-64)));
    unsigned c3 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(b, _mm_set1_epi8((char)0xC3)));
    unsigned two = (unsigned)_mm_movemask_epi8(_mm_or_si128(
        _mm_and_si128(_mm_cmpgt_epi8(b, _mm_set1_epi8(-62)), _mm_cmplt_epi8(b, _mm_set1_epi8(-54))),
        _mm_cmpeq_epi8(b, _mm_set1_epi8((char)0xCC))));
    unsigned e1 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(b, _mm_set1_epi8((char)0xE1)));
    unsigned b8bb = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_and_si128(b, _mm_set1_epi8((char)0xFC)), _mm_set1_epi8((char)0xB8)));
    unsigned x97 = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_and_si128(b, _mm_set1_epi8((char)0xDF)), _mm_set1_epi8((char)0x97)));
    unsigned in = *carry;
    unsigned expected = (two << 1) | (e1 << 1) | (e1 << 2) | (in & 3);
    unsigned need_b8 = (e1 << 1) | (in >> 2 & 1), no_97 = (c3 << 1) | (in >> 3 & 1);
    *carry = (expected >> 16) | (need_b8 >> 16 << 2) | (no_97 >> 16 << 3);
    /* stops at a character start; the others need the automaton */
    unsigned sure = mstop | (mhigh & ~(cont | two | e1));
    unsigned other = ((cont ^ expected) | (need_b8 & ~b8bb) | (no_97 & x97)) & 0xFFFF;
    unsigned bad = sure | other;
    if (bad == 0)
        return 16;
    unsigned first = (unsigned)__builtin_ctz(bad);
    return (other >> first) & 1 ? 17 : first;
}

/* The fast pass over the 16 bytes at p (block_stops), the ASCII stops
 * found by comparisons (SSE2). */
static unsigned clean_block(const unsigned char *p, unsigned *carry)
{
    __m128i b = _mm_loadu_si128((const __m128i *)p);
    __m128i ascii_stop = _mm_or_si128(
        /* LF, VT, FF, CR: 0A..0D */
        _mm_cmpeq_epi8(_mm_max_epu8(b, _mm_set1_epi8('\n')), _mm_min_epu8(b, _mm_set1_epi8('\r'))),
        _mm_or_si128(_mm_cmpeq_epi8(b, _mm_set1_epi8('.')),
                     _mm_or_si128(_mm_cmpeq_epi8(b, _mm_set1_epi8('?')),
                                  _mm_cmpeq_epi8(b, _mm_set1_epi8('!')))));
    /* what may be an emoticon: ^ _ and : ; < = (3A..3D); next_stop passes
     * over those that start none (face_at) */
    ascii_stop = _mm_or_si128(ascii_stop, _mm_or_si128(
        _mm_cmpeq_epi8(_mm_and_si128(b, _mm_set1_epi8((char)0xFE)), _mm_set1_epi8(0x5E)),
        _mm_cmpeq_epi8(_mm_max_epu8(b, _mm_set1_epi8(0x3A)), _mm_min_epu8(b, _mm_set1_epi8(0x3D)))));
    return block_stops(b, (unsigned)_mm_movemask_epi8(ascii_stop), carry);
}
#endif

#ifdef AVX2_SKIP
/* The ASCII stops of the blocks, by the nibbles of each byte: a byte stops
 * when STOP_LO[its low nibble] and STOP_HI[its high nibble] share a bit, a
 * bit for each high nibble 0, 2, 3, 5. They are LF VT FF CR (0A..0D),
 * ! . ? (21 2E 3F) and ^ (5E), which may start an emoticon. Compared
 * apart: eyes, : ; < = (3A..3D), which stop before a nose or a mouth
 * (FACE_LO, FACE_HI, a bit for each high nibble 2..7: - ' ( ) [ ] * | < >
 * 3 D d P p V v O o, as vnt__face_mouth), and _, which stops after -
 * ("-_-"). */
#define STOP_LO 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 10, 4
#define STOP_HI 1, 0, 2, 4, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
#define FACE_LO 40, 0, 0, 2, 20, 0, 40, 1, 1, 1, 1, 8, 34, 9, 2, 20
#define FACE_HI 0, 0, 1, 2, 4, 8, 16, 32, 0, 0, 0, 0, 0, 0, 0, 0

/* clean_block over 32 bytes: 32 when the automaton would pass over them,
 * else the offset of the character that stops it, or 33 when the automaton
 * must find it. Same carry. */
__attribute__((target("avx2"))) VNT_INLINE unsigned clean_block32(const unsigned char *p,
                                                                   unsigned *carry)
{
    __m256i b = _mm256_loadu_si256((const __m256i *)p);
    const __m256i lo = _mm256_and_si256(b, _mm256_set1_epi8(0x0F));
    const __m256i hi = _mm256_and_si256(_mm256_srli_epi16(b, 4), _mm256_set1_epi8(0x0F));
    const __m256i zero = _mm256_setzero_si256();
    uint64_t mstop = ~(uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
        _mm256_and_si256(_mm256_shuffle_epi8(_mm256_setr_epi8(STOP_LO, STOP_LO), lo),
                         _mm256_shuffle_epi8(_mm256_setr_epi8(STOP_HI, STOP_HI), hi)),
        zero)) & 0xFFFFFFFFu;
    uint64_t eyes = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
        _mm256_max_epu8(b, _mm256_set1_epi8(0x3A)), _mm256_min_epu8(b, _mm256_set1_epi8(0x3D))));
    uint64_t under = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, _mm256_set1_epi8('_')));
    if (VNT_UNLIKELY((eyes | under) != 0)) {
        uint64_t face = ~(uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
            _mm256_and_si256(_mm256_shuffle_epi8(_mm256_setr_epi8(FACE_LO, FACE_LO), lo),
                             _mm256_shuffle_epi8(_mm256_setr_epi8(FACE_HI, FACE_HI), hi)),
            zero)) & 0xFFFFFFFFu;
        uint64_t dash = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, _mm256_set1_epi8('-')));
        /* what follows eyes on the last byte, or comes before '_' on the
         * first, is in the next or the last block: they stop */
        mstop |= (eyes & ((face >> 1) | 0x80000000u)) | (under & ((dash << 1) | 1));
    }
    uint64_t mhigh = (uint32_t)_mm256_movemask_epi8(b);
    uint64_t cont = (uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(_mm256_set1_epi8(-64), b));
    uint64_t c3 = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, _mm256_set1_epi8((char)0xC3)));
    uint64_t two = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
        _mm256_and_si256(_mm256_cmpgt_epi8(b, _mm256_set1_epi8(-62)),
                         _mm256_cmpgt_epi8(_mm256_set1_epi8(-54), b)),
        _mm256_cmpeq_epi8(b, _mm256_set1_epi8((char)0xCC))));
    uint64_t e1 = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, _mm256_set1_epi8((char)0xE1)));
    uint64_t b8bb = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
        _mm256_and_si256(b, _mm256_set1_epi8((char)0xFC)), _mm256_set1_epi8((char)0xB8)));
    uint64_t x97 = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
        _mm256_and_si256(b, _mm256_set1_epi8((char)0xDF)), _mm256_set1_epi8((char)0x97)));
    uint64_t in = *carry;
    uint64_t expected = (two << 1) | (e1 << 1) | (e1 << 2) | (in & 3);
    uint64_t need_b8 = (e1 << 1) | (in >> 2 & 1), no_97 = (c3 << 1) | (in >> 3 & 1);
    *carry = (unsigned)((expected >> 32) | (need_b8 >> 32 << 2) | (no_97 >> 32 << 3));
    uint64_t sure = mstop | (mhigh & ~(cont | two | e1));
    uint64_t other = ((cont ^ expected) | (need_b8 & ~b8bb) | (no_97 & x97)) & 0xFFFFFFFFu;
    uint64_t bad = sure | other;
    if (bad == 0)
        return 32;
    unsigned first = (unsigned)__builtin_ctzll(bad);
    return (other >> first) & 1 ? 33 : first;
}

/* clean_block with the ASCII stops found by nibbles, as in clean_block32. */
__attribute__((target("avx2"))) VNT_INLINE unsigned clean_block16(const unsigned char *p,
                                                                   unsigned *carry)
{
    __m128i b = _mm_loadu_si128((const __m128i *)p);
    const __m128i lo = _mm_and_si128(b, _mm_set1_epi8(0x0F));
    const __m128i hi = _mm_and_si128(_mm_srli_epi16(b, 4), _mm_set1_epi8(0x0F));
    const __m128i zero = _mm_setzero_si128();
    unsigned mstop = ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
        _mm_and_si128(_mm_shuffle_epi8(_mm_setr_epi8(STOP_LO), lo),
                      _mm_shuffle_epi8(_mm_setr_epi8(STOP_HI), hi)), zero)) & 0xFFFF;
    unsigned eyes = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
        _mm_max_epu8(b, _mm_set1_epi8(0x3A)), _mm_min_epu8(b, _mm_set1_epi8(0x3D))));
    unsigned under = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(b, _mm_set1_epi8('_')));
    if (VNT_UNLIKELY((eyes | under) != 0)) {
        unsigned face = ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
            _mm_and_si128(_mm_shuffle_epi8(_mm_setr_epi8(FACE_LO), lo),
                          _mm_shuffle_epi8(_mm_setr_epi8(FACE_HI), hi)), zero)) & 0xFFFF;
        unsigned dash = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(b, _mm_set1_epi8('-')));
        mstop |= (eyes & ((face >> 1) | 0x8000u)) | (under & ((dash << 1) | 1));
    }
    return block_stops(b, mstop, carry);
}

/* The 32-byte blocks from i on, then one of 16 bytes: the offset of the
 * stop found (*found 1), of the block the automaton must read (*found 2,
 * *carry as before that block), or of the first byte not read (*found 0,
 * fewer than 16 left). */
__attribute__((target("avx2"))) static size_t skip32(const unsigned char *u, size_t len, size_t i,
                                                     unsigned *carry, int *found)
{
    for (; len - i >= 32; i += 32) {
        unsigned in = *carry;
        unsigned r = clean_block32(u + i, carry);
        if (r < 32) {
            *found = 1;
            return i + r;
        }
        if (r > 32) {
            *carry = in;
            *found = 2;
            return i;
        }
    }
    if (len - i >= 16) {
        unsigned in = *carry;
        unsigned r = clean_block16(u + i, carry);
        if (r < 16) {
            *found = 1;
            return i + r;
        }
        if (r > 16) {
            *carry = in;
            *found = 2;
            return i;
        }
        i += 16;
    }
    *found = 0;
    return i;
}
#endif

#ifdef AVX512_SKIP
/* clean_block32 over 64 bytes: 64 when the automaton would pass over them,
 * else the offset of the character that stops it, or 65 when the
 * automaton must find it. Same carry; the masks are 64 bits wide, so what
 * the last bytes expect of the next block is taken from their own bits. */
__attribute__((target("avx512f,avx512bw"))) VNT_INLINE unsigned clean_block64(const unsigned char *p,
                                                                          unsigned *carry)
{
    __m512i b = _mm512_loadu_si512((const void *)p);
    const __m512i lo = _mm512_and_si512(b, _mm512_set1_epi8(0x0F));
    const __m512i hi = _mm512_and_si512(_mm512_srli_epi16(b, 4), _mm512_set1_epi8(0x0F));
    uint64_t mstop = _mm512_test_epi8_mask(
        _mm512_shuffle_epi8(_mm512_broadcast_i32x4(_mm_setr_epi8(STOP_LO)), lo),
        _mm512_shuffle_epi8(_mm512_broadcast_i32x4(_mm_setr_epi8(STOP_HI)), hi));
    uint64_t eyes = _mm512_cmpge_epu8_mask(b, _mm512_set1_epi8(0x3A)) &
                    _mm512_cmple_epu8_mask(b, _mm512_set1_epi8(0x3D));
    uint64_t under = _mm512_cmpeq_epi8_mask(b, _mm512_set1_epi8('_'));
    if (VNT_UNLIKELY((eyes | under) != 0)) {
        uint64_t face = _mm512_test_epi8_mask(
            _mm512_shuffle_epi8(_mm512_broadcast_i32x4(_mm_setr_epi8(FACE_LO)), lo),
            _mm512_shuffle_epi8(_mm512_broadcast_i32x4(_mm_setr_epi8(FACE_HI)), hi));
        uint64_t dash = _mm512_cmpeq_epi8_mask(b, _mm512_set1_epi8('-'));
        mstop |= (eyes & ((face >> 1) | (UINT64_C(1) << 63))) | (under & ((dash << 1) | 1));
    }
    uint64_t mhigh = _mm512_movepi8_mask(b);
    uint64_t cont = _mm512_cmplt_epi8_mask(b, _mm512_set1_epi8(-64));
    uint64_t c3 = _mm512_cmpeq_epi8_mask(b, _mm512_set1_epi8((char)0xC3));
    uint64_t two = (_mm512_cmpgt_epi8_mask(b, _mm512_set1_epi8(-62)) &
                    _mm512_cmplt_epi8_mask(b, _mm512_set1_epi8(-54))) |
                   _mm512_cmpeq_epi8_mask(b, _mm512_set1_epi8((char)0xCC));
    uint64_t e1 = _mm512_cmpeq_epi8_mask(b, _mm512_set1_epi8((char)0xE1));
    uint64_t b8bb = _mm512_cmpeq_epi8_mask(_mm512_and_si512(b, _mm512_set1_epi8((char)0xFC)),
                                           _mm512_set1_epi8((char)0xB8));
    uint64_t x97 = _mm512_cmpeq_epi8_mask(_mm512_and_si512(b, _mm512_set1_epi8((char)0xDF)),
                                          _mm512_set1_epi8((char)0x97));
    uint64_t in = *carry;
    uint64_t expected = (two << 1) | (e1 << 1) | (e1 << 2) | (in & 3);
    uint64_t need_b8 = (e1 << 1) | (in >> 2 & 1), no_97 = (c3 << 1) | (in >> 3 & 1);
    /* bits 64 and 65 of expected, bit 64 of need_b8 and of no_97 */
    *carry = (unsigned)((((two | e1) >> 63) | (e1 >> 62 & 1)) | (e1 >> 63 << 1) |
                        (e1 >> 63 << 2) | (c3 >> 63 << 3));
    uint64_t sure = mstop | (mhigh & ~(cont | two | e1));
    uint64_t other = (cont ^ expected) | (need_b8 & ~b8bb) | (no_97 & x97);
    uint64_t bad = sure | other;
    if (bad == 0)
        return 64;
    unsigned first = (unsigned)__builtin_ctzll(bad);
    return (other >> first) & 1 ? 65 : first;
}

/* skip32 with 64-byte blocks first. */
__attribute__((target("avx512f,avx512bw,avx2"))) static size_t skip64(const unsigned char *u,
                                                                       size_t len, size_t i,
                                                                       unsigned *carry, int *found)
{
    for (; len - i >= 64; i += 64) {
        unsigned in = *carry;
        unsigned r = clean_block64(u + i, carry);
        if (r < 64) {
            *found = 1;
            return i + r;
        }
        if (r > 64) {
            *carry = in;
            *found = 2;
            return i;
        }
    }
    return skip32(u, len, i, carry, found);
}
#endif

/* The start of the first character at or after i that stops the
 * automaton (or of an invalid sequence), or len. */
static size_t next_stop_byte(const unsigned char *u, size_t len, size_t i)
{
#ifdef SSE2_SKIP
    size_t start = i;
    unsigned carry = 0;
#ifdef AVX2_SKIP
    if (len - i >= 32 && __builtin_cpu_supports("avx2")) {
        int found;
#ifdef AVX512_SKIP
        if (len - i >= 64 && __builtin_cpu_supports("avx512f") &&
            __builtin_cpu_supports("avx512bw"))
            i = skip64(u, len, i, &carry, &found);
        else
#endif
            i = skip32(u, len, i, &carry, &found);
        if (found == 1)
            return i;
        if (found == 2)
            goto automaton;
    }
#endif
    for (; len - i >= 16; i += 16) {
        unsigned in = carry;
        unsigned r = clean_block(u + i, &carry);
        if (r < 16)
            return i + r;
        if (r > 16) {
            carry = in;
            break;
        }
    }
#ifdef AVX2_SKIP
automaton:
#endif
    /* a character that started before i and runs past it: the automaton
     * goes on from its first byte (the bytes before were passed over) */
    if (carry != 0) {
        i--;
        while (i > start && (u[i] & 0xC0) == 0x80)
            i--;
    }
#endif
    unsigned state = 0;
    size_t lead = i;
    for (; i < len; i++) {
        lead = state == 0 ? i : lead;
        state = NEXT_STATE[state][BYTE_CLASS[u[i]]];
        if (VNT_UNLIKELY(state == 4))
            return lead;
    }
    return state == 0 ? len : lead;
}

/* 0 for a stop of the automaton or the blocks that no emoticon holds:
 * eyes (: ; =) before no nose or mouth (vnt__face_mouth), '<' before no
 * '3', '_' after no '-' ("-_-"); 1 for every other stop. Colons are
 * common, emoticons rare. */
static int face_at(const unsigned char *u, size_t len, size_t p)
{
    switch (u[p]) {
    case ':': case ';': case '=':
        return p + 1 < len && vnt__face_mouth(u[p + 1]);
    case '<':
        return p + 1 < len && u[p + 1] == '3';
    case '_':
        return p > 0 && u[p - 1] == '-';
    default:
        return 1;
    }
}

/* The start of the first character at or after i that stops the fast
 * pass (or of an invalid sequence), or len: the automaton's stops, but
 * for the eyes of no emoticon. The bytes passed over are valid UTF-8. */
static size_t next_stop(const unsigned char *u, size_t len, size_t i)
{
    size_t p;
    while ((p = next_stop_byte(u, len, i)) < len && !face_at(u, len, p))
        i = p + 1;
    return p;
}

/* The token array that decide() reads, built without scanning every word:
 * the splitter looks only at final marks, line breaks, emoji, emoticons and
 * the tokens next to them. A fast pass skips text that holds none (letters,
 * digits, ASCII punctuation other than . ? ! and the characters of
 * emoticons, Vietnamese letters) and keeps of each such
 * stretch its first and last chunk (text between white space); every chunk
 * with a byte that stops the pass goes through the scanner, whole. The
 * decisions are those over the full scan (vnt_sentences_from_tokens): they
 * never read the tokens inside a stretch. Each byte is read a bounded
 * number of times. */
static vnt_status sparse_tokens(const char *s, size_t len, vnt_tokens *work, vnt_spans *sp)
{
    const unsigned char *u = (const unsigned char *)s;
    vnt_status st;
    size_t i = 0;
    if (sp && (st = note_line(s, len, 0, sp)) != VNT_OK)
        return st;
    while (i < len) {
        while (i < len && (u[i] == ' ' || u[i] == '\t'))
            i++;
        size_t s0 = i;
        size_t p = next_stop(u, len, i);
        int newline = p < len && u[p] >= '\n' && u[p] <= '\r'; /* LF VT FF CR */
        size_t a = p; /* start of the chunk that holds p */
        if (!newline && p < len)
            a = chunk_start(u, s0, a);
        /* the stretch [s0, a): its first two chunks (a bullet and the word
         * after it), three when the first is a hyphen (a list of the parts
         * of a series, "- Kỳ 4: ", see series_list), four when it is a
         * straight quote, which may close the sentence before (`. " - một`,
         * `. ") - Kỳ 4: `), and its last one. An en or em dash stops the
         * fast pass: its chunk is scanned, and the next stretch opens with
         * the two chunks after it ("– Kỳ 4: "). */
        size_t e = a;
        while (e > s0 && vnt__ascii_ws(u[e - 1]))
            e--;
        size_t c0 = s0;
        int head = s0 >= e ? 2 : u[s0] == '"' || u[s0] == '\'' ? 4 : u[s0] == '-' ? 3 : 2;
        for (int k = 0; k < head && c0 < e; k++) {
            size_t c1 = chunk_end(u, len, c0, e);
            if ((st = chunk_tokens(s, len, c0, c1, work)) != VNT_OK)
                return st;
            c0 = c1;
            while (c0 < e && vnt__ascii_ws(u[c0]))
                c0++;
        }
        if (c0 < e) {
            size_t l0 = chunk_start(u, c0, e);
            if ((st = chunk_tokens(s, len, l0, e, work)) != VNT_OK)
                return st;
        }
        if (p >= len)
            break;
        size_t b = p;
        if (newline) {
            while (b < len && vnt__ascii_ws(u[b]))
                b++;
        } else {
            while (b < len && !vnt__ascii_ws(u[b]))
                b++;
        }
        int done = 0;
        if (!newline && u[p] == '.' && b == p + 1 && p > a &&
            (st = word_period(s, len, a, p, work, &done)) != VNT_OK)
            return st;
        size_t k0 = work->len;
        if (!done && (st = vnt__scan_chunk(s, a, b, work)) != VNT_OK)
            return st;
        /* the lines that start after the line breaks scanned (a NEL, LS
         * or PS may sit in a chunk of words), as the full scan notes them */
        for (size_t k = k0; sp && k < work->len; k++)
            if (work->items[k].kind == VNT_TOK_NEWLINE &&
                (st = note_line(s, len, work->items[k].end, sp)) != VNT_OK)
                return st;
        i = b;
    }
    return VNT_OK;
}

vnt_status vnt_sentences(const char *s, size_t len, vnt_tokens *work, vnt_spans *out)
{
    if ((s == NULL && len != 0) || work == NULL || out == NULL)
        return VNT_ERR_INVALID_ARG;
    out->len = 0;
    work->len = 0;
    vnt_status st;
    /* a text of one case, or whose lines all have both (most texts), is
     * read whole (decide_lines) */
    int c = text_case(s, len, 0);
    vnt_spans sp;
    vnt_spans_init(&sp);
    if (c == UPPER_ONLY) {
        st = decide_capitals(s, len, work, 1, out);
    } else {
        /* the fast pass notes the lines typed in one case as it passes
         * their line breaks, not in a walk over its tokens (2% slower) */
        st = sparse_tokens(s, len, work, c == CASED ? &sp : NULL);
        if (st == VNT_OK)
            st = decide_lines(s, len, work, &sp, 1, c, out);
    }
    vnt_spans_free(&sp);
    if (st != VNT_OK) {
        out->len = 0;
        work->len = 0;
    }
    return st;
}
