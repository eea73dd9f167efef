/* Unit tests of the syllable parser and the normalizer: every row of
 * tests/data/tone_tests.tsv in both styles, plus hand-written cases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "vntext.h"
#include "check.h"

static vnt_buf buf;

static const char *norm(const char *s, size_t len, vnt_style style, size_t *out_len)
{
    vnt_buf_clear(&buf);
    vnt_status st = vnt_normalize(s, len, style, &buf, NULL);
    CHECK(st == VNT_OK);
    *out_len = buf.len;
    return buf.data ? buf.data : "";
}

#define CHECK_NORM(in, style, want)                                   \
    do {                                                              \
        size_t ol_;                                                   \
        const char *o_ = norm((in), strlen(in), (style), &ol_);       \
        CHECK_STR(o_, ol_, (want));                                   \
    } while (0)

/* Decodes the \uXXXX escapes of the table's input column. */
static size_t unescape(const char *in, char *out)
{
    size_t k = 0;
    for (const char *p = in; *p;) {
        if (p[0] == '\\' && p[1] == 'u') {
            unsigned v = (unsigned)strtoul((char[]){p[2], p[3], p[4], p[5], 0}, NULL, 16);
            if (v < 0x800) {
                out[k++] = (char)(0xC0 | (v >> 6));
                out[k++] = (char)(0x80 | (v & 0x3F));
            } else {
                out[k++] = (char)(0xE0 | (v >> 12));
                out[k++] = (char)(0x80 | ((v >> 6) & 0x3F));
                out[k++] = (char)(0x80 | (v & 0x3F));
            }
            p += 6;
        } else {
            out[k++] = *p++;
        }
    }
    out[k] = 0;
    return k;
}

static void table_rows(void)
{
    const char *paths[] = {"tests/data/tone_tests.tsv", "../data/tone_tests.tsv",
                           "../../tests/data/tone_tests.tsv"};
    FILE *f = NULL;
    for (size_t i = 0; i < 3 && !f; i++)
        f = fopen(paths[i], "r");
    CHECK(f != NULL);
    if (!f)
        return;
    char line[1024];
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || strncmp(line, "id\t", 3) == 0)
            continue;
        line[strcspn(line, "\r\n")] = 0;
        char *col[6] = {0};
        char *p = line;
        for (int c = 0; c < 6 && p; c++) {
            col[c] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = 0;
        }
        if (!col[4])
            continue;
        char in[256];
        size_t inlen = unescape(col[2], in);
        size_t ol;
        const char *o = norm(in, inlen, VNT_STYLE_TRADITIONAL, &ol);
        if (!(ol == strlen(col[3]) && memcmp(o, col[3], ol) == 0))
            fprintf(stderr, "row %s (%s): ", col[0], col[5] ? col[5] : "");
        CHECK_STR(o, ol, col[3]);
        o = norm(in, inlen, VNT_STYLE_MODERN, &ol);
        if (!(ol == strlen(col[4]) && memcmp(o, col[4], ol) == 0))
            fprintf(stderr, "row %s modern (%s): ", col[0], col[5] ? col[5] : "");
        CHECK_STR(o, ol, col[4]);
        /* idempotent, and the styles convert into each other */
        o = norm(col[3], strlen(col[3]), VNT_STYLE_MODERN, &ol);
        CHECK_STR(o, ol, col[4]);
        o = norm(col[4], strlen(col[4]), VNT_STYLE_TRADITIONAL, &ol);
        CHECK_STR(o, ol, col[3]);
        rows++;
    }
    fclose(f);
    CHECK(rows == 108);
}

static void contexts(void)
{
    const vnt_style T = VNT_STYLE_TRADITIONAL, M = VNT_STYLE_MODERN;
    CHECK_NORM("", T, "");
    CHECK_NORM("Hoà Bình, thuỷ điện (khoẻ)!", T, "Hòa Bình, thủy điện (khỏe)!");
    CHECK_NORM("Hòa Bình, thủy điện (khỏe)!", M, "Hoà Bình, thuỷ điện (khoẻ)!");
    CHECK_NORM("  hoà\t\tthuỷ \r\n", T, "  hòa\t\tthủy \r\n");
    CHECK_NORM("P.Hoà TP.HCM", T, "P.Hòa TP.HCM");
    CHECK_NORM("Hoà-Bình", T, "Hòa-Bình");
    CHECK_NORM("HOÀ BÌNH", T, "HÒA BÌNH");
    /* left alone: URL, e-mail, path, identifiers, versions, domains */
    CHECK_NORM("https://vi.wikipedia.org/wiki/Hoà_Bình", T, "https://vi.wikipedia.org/wiki/Hoà_Bình");
    CHECK_NORM("hoà@thuỷ.vn", T, "hoà@thuỷ.vn");
    CHECK_NORM("thuỷ.vn.", T, "thuỷ.vn.");
    CHECK_NORM("snake_hoà", T, "snake_hoà");
    /* but syllables joined by '_' or parted by '/' are words */
    CHECK_NORM("uỷ_ban hoà_giải và/hoặc khoẻ/tinh", T, "ủy_ban hòa_giải và/hoặc khỏe/tinh");
    CHECK_NORM("thư_mục/hoà.txt /hoà/x hoà_2", T, "thư_mục/hoà.txt /hoà/x hoà_2");
    CHECK_NORM("hoà2", T, "hoà2");
    CHECK_NORM("Iowa café naïve José iPhone où hóá niño", T,
               "Iowa café naïve José iPhone où hóá niño");
    /* a Spanish ñ is not a tone typed on the onset */
    CHECK_NORM("ña Ñu", T, "ña Ñu");
    /* a tone after the final consonant, precomposed by an earlier NFC */
    CHECK_NORM("vi\xc3\xaa\xe1\xb9\xad", T, "việt"); /* viêṭ */
    /* a chunk is judged as NFC will leave it: U+037E is ';' (fuzzer find) */
    CHECK_NORM("N\xc3\xb2" "eo_\xcd\xbe", T, "Noèo_;");
    CHECK_NORM("N\xc3\xb2" "eo_;", T, "Noèo_;");
    /* NFC of non-Vietnamese text */
    CHECK_NORM("Cafe\xcc\x81 \xe1\x84\x80\xe1\x85\xa1", T, "Café \xea\xb0\x80");
    /* U+0000 kept */
    {
        size_t ol;
        const char in[] = "ho\xc3\xa0\0thu\xe1\xbb\xb7";
        const char *o = norm(in, sizeof in - 1, T, &ol);
        CHECK(ol == sizeof "h\xc3\xb2" "a\0th\xe1\xbb\xa7y" - 1);
        CHECK(memcmp(o, "h\xc3\xb2" "a\0th\xe1\xbb\xa7y", ol) == 0);
    }
    /* emoji and other scripts */
    CHECK_NORM("😀 hoà Москва 東京", T, "😀 hòa Москва 東京");
    /* changed flag */
    {
        vnt_buf b;
        vnt_buf_init(&b);
        int changed = -1;
        CHECK(vnt_normalize("hòa bình", strlen("hòa bình"), T, &b, &changed) == VNT_OK);
        CHECK(changed == 0 && b.len == 0);
        CHECK(vnt_normalize("hoà bình", strlen("hoà bình"), T, &b, &changed) == VNT_OK);
        CHECK(changed == 1);
        CHECK_STR(b.data, b.len, "hòa bình");
        vnt_buf_free(&b);
    }
    /* invalid UTF-8 and arguments */
    {
        vnt_buf b;
        vnt_buf_init(&b);
        CHECK(vnt_normalize("ho\xc3", 3, T, &b, NULL) == VNT_ERR_INVALID_UTF8);
        CHECK(vnt_normalize("\xed\xa0\x80", 3, T, &b, NULL) == VNT_ERR_INVALID_UTF8);
        CHECK(vnt_normalize("a", 1, (vnt_style)7, &b, NULL) == VNT_ERR_INVALID_ARG);
        CHECK(vnt_normalize(NULL, 0, T, &b, NULL) == VNT_OK);
        CHECK(vnt_normalize("a", 1, T, NULL, NULL) == VNT_ERR_INVALID_ARG);
        vnt_buf_free(&b);
    }
}

static void syllables(void)
{
    vnt_syllable a, b;
    CHECK(vnt_syllable_parse("hoà", strlen("hoà"), &a) == 1);
    CHECK(vnt_syllable_parse("HÒA", strlen("HÒA"), &b) == 1);
    CHECK(a.id == b.id && a.toneless_id == b.toneless_id);
    CHECK(a.case_pattern == VNT_CASE_LOWER && b.case_pattern == VNT_CASE_UPPER);
    CHECK(vnt_syllable_parse("ho\xcc\x80" "a", 5, &b) == 1 && b.id == a.id);
    CHECK(vnt_syllable_parse("hoa", 3, &b) == 1 && b.id != a.id && b.toneless_id == a.toneless_id);
    CHECK(vnt_syllable_parse("nghiêng", strlen("nghiêng"), &b) == 1 && b.onset_len == 3);
    CHECK(vnt_syllable_parse("khuya", 5, &b) == 1);
    CHECK(vnt_syllable_parse("hóá", strlen("hóá"), &b) == 0);
    CHECK(vnt_syllable_parse("Iowa", 4, &b) == 0);
    CHECK(vnt_syllable_parse("McKinley", 8, &b) == 0);
    CHECK(vnt_syllable_parse("", 0, &b) == 0);
    CHECK(vnt_syllable_parse("ho\xc3", 3, &b) == 0);
    vnt_buf o;
    vnt_buf_init(&o);
    CHECK(vnt_syllable_parse("THUỶ", strlen("THUỶ"), &a) == 1);
    CHECK(vnt_syllable_format(&a, VNT_STYLE_TRADITIONAL, VNT_CASE_LOWER, &o) == VNT_OK);
    CHECK_STR(o.data, o.len, "thủy");
    vnt_buf_clear(&o);
    CHECK(vnt_syllable_format(&a, VNT_STYLE_MODERN, VNT_CASE_TITLE, &o) == VNT_OK);
    CHECK_STR(o.data, o.len, "Thuỷ");
    vnt_buf_free(&o);
}

static void accents(void)
{
    vnt_buf o;
    vnt_buf_init(&o);
#define CHECK_RA(in, want)                                                 \
    do {                                                                   \
        vnt_buf_clear(&o);                                                 \
        CHECK(vnt_remove_accents((in), strlen(in), &o) == VNT_OK);         \
        CHECK_STR(o.data ? o.data : "", o.len, (want));                    \
    } while (0)
    CHECK_RA("Tiếng Việt", "Tieng Viet");
    CHECK_RA("ĐƯỜNG đi NGUYỄN ĐỨC", "DUONG di NGUYEN DUC");
    CHECK_RA("niño über façade Москва 😀", "niño über façade Москва 😀");
    CHECK_RA("Vie\xcc\x82\xcc\xa3t", "Viet");
    CHECK_RA("Vi\xc3\xaat\xcc\xa3 vi\xc3\xaa\xe1\xb9\xad", "Viet viet"); /* tone after the t */
    CHECK_RA("ña ñy niño", "na ny niño");
    /* two tones, one after the final consonant: all go, in one call */
    CHECK_RA("\xc3\xa8t\xcc\xa3 E\xcc\x80T\xcc\xa3", "et ET");
    CHECK_RA("r\xcc\xa3o\xcc\x82" "a", "roa"); /* ṛôa */
    CHECK_RA("C\xc3\xacnN\xe1\xb9\x86\xcc\xa3\xcc\x82i", "CinNNi"); /* found by the fuzzer */
    CHECK_RA("\xe1\xb9\x86\xc3\xaat\xcc\x80 nit\xcc\x80 t\xcc\x80" "ab", "Net nit t\xcc\x80" "ab"); /* Ṇêt̀ */
    CHECK_RA("go\xc3\xa0\xcc\x82\xe1\xb9\x86\xcc\x80i", "goaNi"); /* goà̂Ṇ̀i, found by the fuzzer */
    CHECK_RA("", "");
    vnt_buf_free(&o);
}

/* The parser reads NFC letters straight from the letter table and
 * decomposes anything else: both roads must give the same syllable. Every
 * precomposed Latin letter up to U+01B0 and U+1EA0..U+1EF9, between onsets
 * and before codas and second vowels, parsed as written and in NFD. */
static void parse_nfc_equals_nfd(void)
{
    static const char *const onsets[] = {"", "b", "ch", "ngh", "qu", "gi", "Th", "đ"};
    static const char *const tails[] = {"", "n", "ng", "ch", "i", "o", "u", "y", "a", "\xcc\x81"};
    for (int32_t cp = 0x41; cp <= 0x1EF9; cp++) {
        if (!((cp >= 0x41 && cp <= 0x7A) || (cp >= 0xC0 && cp <= 0x1B0) || cp >= 0x1EA0))
            continue;
        char mid[4];
        utf8proc_ssize_t ml = utf8proc_encode_char(cp, (utf8proc_uint8_t *)mid);
        for (size_t o = 0; o < sizeof onsets / sizeof onsets[0]; o++)
            for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
                char word[32];
                int wl = snprintf(word, sizeof word, "%s%.*s%s", onsets[o], (int)ml, mid, tails[t]);
                utf8proc_uint8_t *nfd = utf8proc_NFD((const utf8proc_uint8_t *)word);
                CHECK(nfd != NULL);
                if (nfd == NULL)
                    continue;
                vnt_syllable a, b;
                int ra = vnt_syllable_parse(word, (size_t)wl, &a);
                int rb = vnt_syllable_parse((const char *)nfd, strlen((const char *)nfd), &b);
                CHECK(ra == rb && memcmp(&a, &b, sizeof a) == 0);
                free(nfd);
            }
    }
}

/* Edits applied to an output that already holds text; bad edits leave it
 * as it was (they used to leave part of the result behind). The free
 * functions take NULL; appending from NULL is a bad argument. */
static void edits_and_outputs(void)
{
    const char *s = "Chị Thuỷ khoẻ, qúy.";
    vnt_edits ed;
    vnt_buf out;
    vnt_edits_init(&ed);
    vnt_buf_init(&out);
    CHECK(vnt_normalize_edits(s, strlen(s), VNT_STYLE_TRADITIONAL, &ed) == VNT_OK);
    CHECK(ed.len == 3);
    CHECK(vnt_buf_append(&out, "abc", 3) == VNT_OK);
    CHECK(vnt_edits_apply(&ed, s, strlen(s), &out) == VNT_OK);
    CHECK_STR(out.data, out.len, "abcChị Thủy khỏe, quý.");
    out.len = 3;
    if (ed.len == 3) {
        ed.items[2].end = strlen(s) + 1; /* past the input */
        CHECK(vnt_edits_apply(&ed, s, strlen(s), &out) == VNT_ERR_INVALID_ARG);
        CHECK(out.len == 3);
        ed.items[2].end = ed.items[2].start;
        ed.items[1].start = ed.items[0].start; /* overlaps the one before */
        CHECK(vnt_edits_apply(&ed, s, strlen(s), &out) == VNT_ERR_INVALID_ARG);
        CHECK(out.len == 3);
    }
    CHECK(vnt_buf_append(&out, NULL, 5) == VNT_ERR_INVALID_ARG && out.len == 3);
    CHECK(vnt_buf_append(&out, NULL, 0) == VNT_OK && out.len == 3);
    vnt_edits_free(&ed);
    vnt_buf_free(&out);
    vnt_buf_free(NULL);
    vnt_edits_free(NULL);
    vnt_spans_free(NULL);
    vnt_tokens_free(NULL);
    vnt_segmenter_free(NULL);
    vnt_segwork_free(NULL);
}

int main(void)
{
    vnt_buf_init(&buf);
    table_rows();
    contexts();
    syllables();
    parse_nfc_equals_nfd();
    accents();
    edits_and_outputs();
    vnt_buf_free(&buf);
    return CHECK_DONE();
}
