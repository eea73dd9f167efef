/* Unit tests of the word segmenter: the test vectors that
 * tools/train_segmenter.py writes (token identities, lexicon columns,
 * feature keys, scores and labels of made-up sentences) against the shipped
 * model python/vntext/segmenter.bin, then hand cases: special tokens,
 * invariance to tone style, case and NFD, user dictionaries, model file
 * validation, and pathological inputs in linear time. Run from the repo
 * root (make does). */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "check.h"

static const char *MODEL = "python/vntext/segmenter.bin";
static const char *VECTORS = "tools/segmenter_vectors.txt";

static unsigned char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *d = malloc((size_t)n + 1);
    if (d && fread(d, 1, (size_t)n, f) != (size_t)n) {
        free(d);
        d = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return d;
}

/* Python's unicode_escape: \xNN, \uNNNN, \UNNNNNNNN, \\. */
static size_t unescape(const char *in, char *out)
{
    size_t k = 0;
    for (const char *p = in; *p;) {
        if (p[0] == '\\' && (p[1] == 'x' || p[1] == 'u' || p[1] == 'U')) {
            int nd = p[1] == 'x' ? 2 : p[1] == 'u' ? 4 : 8;
            char hex[9] = {0};
            memcpy(hex, p + 2, (size_t)nd);
            uint32_t v = (uint32_t)strtoul(hex, NULL, 16);
            char b[4];
            int m;
            if (v < 0x80) { b[0] = (char)v; m = 1; }
            else if (v < 0x800) { b[0] = (char)(0xC0 | (v >> 6)); b[1] = (char)(0x80 | (v & 0x3F)); m = 2; }
            else if (v < 0x10000) { b[0] = (char)(0xE0 | (v >> 12)); b[1] = (char)(0x80 | ((v >> 6) & 0x3F)); b[2] = (char)(0x80 | (v & 0x3F)); m = 3; }
            else { b[0] = (char)(0xF0 | (v >> 18)); b[1] = (char)(0x80 | ((v >> 12) & 0x3F)); b[2] = (char)(0x80 | ((v >> 6) & 0x3F)); b[3] = (char)(0x80 | (v & 0x3F)); m = 4; }
            memcpy(out + k, b, (size_t)m);
            k += (size_t)m;
            p += 2 + nd;
        } else if (p[0] == '\\' && p[1] == '\\') {
            out[k++] = '\\';
            p += 2;
        } else {
            out[k++] = *p++;
        }
    }
    out[k] = 0;
    return k;
}

static vnt_segmenter *seg;

/* ---------------------------------------------------------------------- */

static void vectors(void)
{
    FILE *f = fopen(VECTORS, "r");
    CHECK(f != NULL);
    if (!f)
        return;
    char line[4096], text[4096];
    vnt__segtrace tr;
    int have = 0, sentences = 0, keys_checked = 0;
    size_t tok = 0, gap = 0, key = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (strncmp(line, "sentence\t", 9) == 0) {
            if (have)
                vnt__segtrace_free(&tr);
            size_t n = unescape(line + 9, text);
            CHECK(vnt__segment_trace(seg, text, n, &tr) == VNT_OK);
            have = 1;
            sentences++;
            tok = gap = key = 0;
        } else if (strncmp(line, "token\t", 6) == 0 && have) {
            char name[512];
            unsigned long long v, tv;
            unsigned sh;
            char *tab = strchr(line + 6, '\t');
            *tab = 0;
            size_t nl = unescape(line + 6, name);
            CHECK(sscanf(tab + 1, "value %llx\ttoneless %llx\tshape %u", &v, &tv, &sh) == 3);
            CHECK(tok < tr.n);
            if (tok < tr.n) {
                size_t a = tr.start[tok], b = tr.end[tok];
                CHECK_STR(text + a, b - a, name);
                (void)nl;
                if (tr.value[tok] != v || tr.toneless[tok] != tv || tr.shape[tok] != sh) {
                    fprintf(stderr, "token %s: got %016llx %016llx %u, want %016llx %016llx %u\n",
                            name, (unsigned long long)tr.value[tok],
                            (unsigned long long)tr.toneless[tok], tr.shape[tok], v, tv, sh);
                    CHECK(0);
                } else {
                    CHECK(1);
                }
            }
            tok++;
        } else if (strncmp(line, "gap ", 4) == 0 && have) {
            unsigned g, c[8];
            double sc;
            CHECK(sscanf(line, "gap %u\tspan %u\tlend %u\trstart %u\tfmm %u\tbmm %u\tlmask %u\tcapl %u\tcapr %u\tscore %lf",
                         &g, &c[0], &c[1], &c[2], &c[3], &c[4], &c[5], &c[6], &c[7], &sc) == 10);
            gap = g;
            key = 0;
            CHECK(g + 1 < tr.n);
            if (g + 1 < tr.n) {
                int same = 1;
                for (int i = 0; i < 8; i++)
                    same &= tr.gapcol[8 * g + i] == c[i];
                if (!same)
                    fprintf(stderr, "%s: gap %u columns differ\n", text, g);
                CHECK(same);
                if (fabs(tr.score[g] - sc) > 1e-4)
                    fprintf(stderr, "%s: gap %u score %f, want %f\n", text, g, tr.score[g], sc);
                CHECK(fabs(tr.score[g] - sc) <= 1e-4);
                CHECK(fabs(tr.score[g] - tr.key_score[g]) <= 1e-9);
            }
        } else if (strncmp(line, "key\t", 4) == 0 && have) {
            unsigned tid;
            unsigned long long k;
            CHECK(sscanf(line + 4, "%u\t%llx", &tid, &k) == 2);
            CHECK(key < tr.ntpl);
            if (key < tr.ntpl && gap + 1 < tr.n) {
                CHECK(tr.tids[key] == tid);
                if (tr.keys[gap * tr.ntpl + key] != k)
                    fprintf(stderr, "%s: gap %zu template %u key %016llx, want %016llx\n", text,
                            gap, tid, (unsigned long long)tr.keys[gap * tr.ntpl + key], k);
                CHECK(tr.keys[gap * tr.ntpl + key] == k);
                keys_checked++;
            }
            key++;
        } else if (strncmp(line, "labels\t", 7) == 0 && have) {
            const char *want = line + 7;
            CHECK(strlen(want) + 1 == tr.n);
            char got[1024];
            size_t ng = tr.n - 1;
            for (size_t g = 0; g < ng && g < sizeof got - 1; g++)
                got[g] = (char)('0' + tr.label[g]);
            CHECK_STR(got, ng, want);
            CHECK(tok == tr.n);
        }
    }
    if (have)
        vnt__segtrace_free(&tr);
    fclose(f);
    CHECK(sentences >= 4);
    CHECK(keys_checked > 100);
}

/* ---------------------------------------------------------------------- */

static vnt_spans spans;

/* The words of s joined by '|'. */
static const char *words_of(const vnt_segmenter *m, const char *s, char *buf, size_t cap)
{
    vnt_status st = vnt_word_spans(m, s, strlen(s), NULL, &spans);
    CHECK(st == VNT_OK);
    size_t k = 0;
    buf[0] = 0;
    for (size_t i = 0; st == VNT_OK && i < spans.len; i++) {
        size_t a = spans.items[i].start, b = spans.items[i].end;
        if (k + (b - a) + 2 >= cap)
            break;
        if (i)
            buf[k++] = '|';
        memcpy(buf + k, s + a, b - a);
        k += b - a;
        buf[k] = 0;
    }
    return buf;
}

#define CHECK_WORDS(m, in, want)                                       \
    do {                                                               \
        char b_[4096];                                                 \
        const char *w_ = words_of((m), (in), b_, sizeof b_);           \
        CHECK_STR(w_, strlen(w_), (want));                             \
    } while (0)

/* 1 when every piece of want (split at '|') is one of the words of s. */
static int has_words(const char *s, const char *want)
{
    char b[4096];
    words_of(seg, s, b, sizeof b);
    char w[512];
    snprintf(w, sizeof w, "%s", want);
    for (char *p = strtok(w, "|"); p; p = strtok(NULL, "|")) {
        int found = 0;
        for (size_t i = 0; i < spans.len; i++) {
            size_t a = spans.items[i].start, e = spans.items[i].end;
            found |= strlen(p) == e - a && memcmp(s + a, p, e - a) == 0;
        }
        if (!found) {
            fprintf(stderr, "no word \"%s\" in \"%s\" (%s)\n", p, s, b);
            return 0;
        }
    }
    return 1;
}

static void special_tokens(void)
{
    CHECK(has_words("Giá tăng 1.500 đồng, tức 3,5% vào ngày 19/4.", "1.500|3,5%|19/4|,|."));
    CHECK(has_words("Vì 2+2 bằng 4 nên lúc 8h30 ngày 20-11-2003 họ đến.", "2+2|8h30|20-11-2003"));
    CHECK(has_words("Xem https://vnexpress.net/thoi-su-123.html hoặc gửi thu.nguyen@example.com nhé",
                    "https://vnexpress.net/thoi-su-123.html|thu.nguyen@example.com"));
    CHECK(has_words("Cảm ơn @nguyenvana vì #chủ_đề hay 😀👍🏽 quá", "@nguyenvana|#chủ_đề|😀|👍🏽"));
    CHECK(has_words("Ông ấy sống ở TP.HCM, mua rau, thịt, cá v.v. rồi về.", "TP.HCM|v.v.|,"));
    /* a word never crosses a line break or the end of a sentence */
    CHECK_WORDS(seg, "Hà\nNội", "Hà|Nội");
    CHECK_WORDS(seg, "học sinh. Sinh viên", "học sinh|.|Sinh viên");
    CHECK_WORDS(seg, "", "");
    CHECK_WORDS(seg, "   ", "");
    CHECK_WORDS(seg, "Một", "Một");
    CHECK_WORDS(seg, "Mỹ sẽ bảo vệ Nhật Bản", "Mỹ|sẽ|bảo vệ|Nhật Bản");
    /* punctuation is a word of its own */
    CHECK_WORDS(seg, "(học sinh)", "(|học sinh|)");
    /* letters written onto a number stay with it, never cut inside a letter
     * run, whatever the Unicode form */
    CHECK(has_words("Lúc 13giờ, giá 1.390,2triệu đồng.", "13giờ|1.390,2triệu|đồng"));
    CHECK(has_words("Lúc 13gio\xcc\x80\xcc\x9b sáng", "13gio\xcc\x80\xcc\x9b|sáng"));
    CHECK(has_words("nhiệt độ 5e\xcc\x81 và 7ạ", "5e\xcc\x81|7ạ"));
    /* the period of an abbreviation or initials that ends a sentence is a
     * word of its own, as the corpora write it; "v.v." stays whole */
    CHECK(has_words("Hôm nay ông ấy đã về TP.", "TP|."));
    CHECK(has_words("Tin, ảnh: L.TH.H.", "L.TH.H|."));
    CHECK(has_words("Ông ấy mua rau, thịt, cá v.v.", "v.v."));
    CHECK(has_words("Ông ấy sống ở TP. HCM lâu rồi", "TP."));
    CHECK_WORDS(seg, "TP.", "TP|.");
    /* the degree sign with its scale; alone before anything else */
    CHECK(has_words("Nhiệt độ 25 °C, cá là 20 ° đến 30°F.", "°C|°|°F|."));
    CHECK(has_words("nóng 30°Ca", "°|Ca"));
    /* superscripts stay with their word or number; flags and keycaps are emoji */
    CHECK(has_words("diện tích 30 m² và 5km², CO₂, x ²", "m²|5km²|CO₂|²"));
    CHECK_WORDS(seg, "🇻🇳🇺🇸 1️⃣2️⃣", "🇻🇳|🇺🇸|1️⃣|2️⃣");
    /* VT and FF break lines; ZWSP and BOM are white space */
    CHECK_WORDS(seg, "học\fsinh\vgiỏi", "học|sinh|giỏi");
    CHECK_WORDS(seg, "\xef\xbb\xbfHọc sinh", "Học sinh");
    /* a rule of hyphens is one token, as in the corpora; hyphens apart are not */
    CHECK_WORDS(seg, "Hà Nội ------------ ngày 5", "Hà Nội|------------|ngày|5");
    CHECK_WORDS(seg, "a - - b", "a|-|-|b");
    /* a hyphen typed between two words without spaces: apart where a word of
     * the lexicon goes on through the syllable beside it, as " - " is;
     * inside one word otherwise, or where the two syllables make a word */
    CHECK_WORDS(seg, "Hà Nội-Hải Phòng", "Hà Nội|-|Hải Phòng");
    CHECK_WORDS(seg, "Hồ Chí Minh-Long Thành-Dầu Giây", "Hồ Chí Minh|-|Long Thành|-|Dầu Giây");
    CHECK_WORDS(seg, "kinh tế-xã hội", "kinh tế|-|xã hội");
    CHECK_WORDS(seg, "liên minh Mỹ-Nhật", "liên minh|Mỹ-Nhật");
    CHECK_WORDS(seg, "tiêm vắc-xin", "tiêm|vắc-xin");
    CHECK_WORDS(seg, "vắc-xin", "vắc-xin");
    CHECK_WORDS(seg, "gửi e-mail", "gửi|e-mail");
    /* an abbreviation beside the hyphen counts by its part next to it */
    CHECK_WORDS(seg, "tuyến TP.HCM-Cần Thơ", "tuyến|TP.HCM|-|Cần Thơ");
    CHECK_WORDS(seg, "tuyến Hà Nội-TP.HCM", "tuyến|Hà Nội|-|TP.HCM");
    CHECK_WORDS(seg, "ông D.T.H-HOÀNG", "ông|D.T.H-HOÀNG");
    /* a slash between words is a word of its own, as the corpora write it */
    CHECK_WORDS(seg, "giá 50.000 đồng/kg", "giá|50.000|đồng|/|kg");
    CHECK_WORDS(seg, "lãi 7%/năm", "lãi|7%|/|năm");
    CHECK_WORDS(seg, "học sinh/sinh viên", "học sinh|/|sinh viên");
    CHECK_WORDS(seg, "ngày 19/4", "ngày|19/4");
    /* a syllable written onto an abbreviation: read as that syllable, the
     * token inside its word ("P.Tân_Định" in the corpora) */
    CHECK_WORDS(seg, "ở TP.Hồ Chí Minh", "ở|TP.Hồ Chí Minh");
    CHECK_WORDS(seg, "ở TP.HCM", "ở|TP.HCM");
    /* an ASCII address that a letter goes on from is none */
    CHECK_WORDS(seg, "a@b.comă", "a|@b.comă");
    /* invalid UTF-8 */
    CHECK(vnt_word_spans(seg, "a\xff", 2, NULL, &spans) == VNT_ERR_INVALID_UTF8);
    /* after an emoji and a skin tone, a cut character is an error, not a
     * modifier of length 0 (the scan looped for ever) */
    static const char cut[] = "\xf0\x9f\x98\x80\xf0\x9f\x8f\xbb\xf0\x9f x";
    CHECK(vnt_word_spans(seg, cut, sizeof cut - 1, NULL, &spans) == VNT_ERR_INVALID_UTF8);
}

static void invariance(void)
{
    char a[1024], b[1024];
    const char *forms[] = {
        "Hôm nay trời hòa bình, thủy thủ khỏe mạnh đi Thành phố Hồ Chí Minh",
        "Hôm nay trời hoà bình, thuỷ thủ khoẻ mạnh đi Thành phố Hồ Chí Minh",
        "Ho\xcc\x82m nay tro\xcc\x9b\xcc\x80i ho\xcc\x80" "a bi\xcc\x80nh, thu\xcc\x89y thu\xcc\x89 kho\xcc\x89" "e ma\xcc\xa3nh \xc4\x91i Tha\xcc\x80nh pho\xcc\x82\xcc\x81 Ho\xcc\x82\xcc\x80 Chi\xcc\x81 Minh",
    };
    /* Tone style and Unicode form: the same words (compared by the number of
     * words and of spaces in each). Case changes the shape features, so a
     * few words in capitals (a name) may segment differently; their
     * identities are those of the lower-case text, and a run of five or more
     * takes the shapes of its lower case too (checked below). */
    words_of(seg, forms[0], a, sizeof a);
    size_t n0 = spans.len;
    unsigned shape0[64];
    for (size_t i = 0; i < n0 && i < 64; i++) {
        unsigned sp = 0;
        for (size_t j = spans.items[i].start; j < spans.items[i].end; j++)
            sp += forms[0][j] == ' ';
        shape0[i] = sp;
    }
    for (int f = 1; f < 3; f++) {
        words_of(seg, forms[f], b, sizeof b);
        CHECK(spans.len == n0);
        int same = spans.len == n0;
        for (size_t i = 0; same && i < n0 && i < 64; i++) {
            unsigned sp = 0;
            for (size_t j = spans.items[i].start; j < spans.items[i].end; j++)
                sp += forms[f][j] == ' ';
            same &= sp == shape0[i];
        }
        if (!same)
            fprintf(stderr, "form %d: %s\n  vs %s\n", f, b, a);
        CHECK(same);
    }
    vnt__segtrace x, y;
    const char *lo = "hòa bình thủy thủ khỏe", *up = "HOÀ BÌNH THUỶ THỦ KHOẺ";
    /* alone on its line (no lower-case letter, no dash), a run of three in
     * capitals is enough (CAPS_ALONE): the first four words, then five */
    for (int run = 4; run <= 5; run++) {
        size_t ll = run == 5 ? strlen(lo) : strlen("hòa bình thủy thủ");
        size_t ul = run == 5 ? strlen(up) : strlen("HOÀ BÌNH THUỶ THỦ");
        CHECK(vnt__segment_trace(seg, lo, ll, &x) == VNT_OK);
        CHECK(vnt__segment_trace(seg, up, ul, &y) == VNT_OK);
        CHECK(x.n == (size_t)run && y.n == (size_t)run);
        for (size_t i = 0; i < (size_t)run && i < x.n && i < y.n; i++) {
            CHECK(x.value[i] == y.value[i]);
            CHECK(x.shape[i] == 1 && y.shape[i] == 1);
        }
        /* the features are those of the lower case, so the labels */
        for (size_t g = 0; g + 1 < x.n && x.n == y.n; g++)
            CHECK(x.label[g] == y.label[g] && x.score[g] == y.score[g]);
        vnt__segtrace_free(&x);
        vnt__segtrace_free(&y);
    }
    /* four in capitals after a lower-case word, or after a family name
     * (a byline), are read as written */
    {
        const char *texts[2] = {"ông HOÀ BÌNH THUỶ THỦ", "VÕ HOÀ BÌNH THUỶ"};
        for (int k = 0; k < 2; k++) {
            CHECK(vnt__segment_trace(seg, texts[k], strlen(texts[k]), &y) == VNT_OK);
            CHECK(y.n == (size_t)(k == 0 ? 5 : 4));
            for (size_t i = k == 0 ? 1 : 0; i < y.n; i++)
                CHECK(y.shape[i] == 2);
            vnt__segtrace_free(&y);
        }
    }
    /* a dash ends a run (the names of a byline), a word with a lower-case
     * letter too; punctuation and numbers do not */
    static const struct {
        const char *text;
        const char *shapes;
    } runs[] = {
        {"TRẦN VĂN HẢI - NGUYỄN AN", "222b22"},
        {"TRẦN VĂN HẢI – NGUYỄN AN", "222b22"},
        {"GIÁ XĂNG : TĂNG 5 % TRONG", "11b18b1"}, /* alone: three are enough */
        {"GIÁ XĂNG : TĂNG 5 % trong", "22b28b1"},
        {"GIÁ XĂNG : TĂNG 5 % TRONG THÁNG", "11b18b11"},
        {"GIÁ XĂNG Tăng MẠNH TRONG THÁNG NĂM", "2232222"},
        {"GIÁ XĂNG Tăng MẠNH TRONG THÁNG NĂM NAY", "22311111"},
        {"HCM UBND VÀ PV CTV", "44144"},
    };
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
        CHECK(vnt__segment_trace(seg, runs[r].text, strlen(runs[r].text), &y) == VNT_OK);
        char got[32] = {0};
        for (size_t i = 0; i < y.n && i < 31; i++)
            got[i] = "0123456789abcdef"[y.shape[i] & 15];
        CHECK_STR(got, strlen(got), runs[r].shapes);
        vnt__segtrace_free(&y);
    }
}

/* Scoring reads the templates over small integers from dense arrays made
 * at load and looks the others up by key; the trace also sums the weights of
 * every key one by one. The two must agree on every gap, whatever the shapes,
 * capital runs and lexicon columns. */
static void dense_scores(void)
{
    static const char *const texts[] = {
        "Thủ tướng Chính phủ Nguyễn Xuân Phúc đã ký quyết định bổ nhiệm ông Trần Văn A.",
        "CÔNG TY TNHH MỘT THÀNH VIÊN XỔ SỐ KIẾN THIẾT THÀNH PHỐ HỒ CHÍ MINH THÔNG BÁO",
        "hợp tác xã nông nghiệp công nghệ thông tin ủy ban nhân dân thành phố hà nội",
        "Giá 1.500 đồng, tăng 3,5% (19/4) lúc 8h30 ngày 20-11-2003 tại iPhone X 😀 ABC-123 @user #tag",
        "a , b . c ; \" d \" ( e ) [ f ] … g ?! h ... i -- j",
        "x",
        "Học sinh giỏi học sinh giỏi học sinh giỏi quốc gia năm học 2023 - 2024 .",
        "ÀÁẢÃẠ ĂẰẮẲẴẶ Đường Phố Đi Bộ Nguyễn Huệ Quận Một Thành Phố Hồ Chí Minh Việt Nam",
        "ναι нет 中文 ＡＢＣ ǅemal ß ﬁ x̌ e\xcc\x81",
    };
    int gaps = 0;
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        vnt__segtrace tr;
        CHECK(vnt__segment_trace(seg, texts[i], strlen(texts[i]), &tr) == VNT_OK);
        for (size_t g = 0; g + 1 < tr.n; g++) {
            if (fabs(tr.score[g] - tr.key_score[g]) > 1e-9)
                fprintf(stderr, "%s: gap %zu score %.12f, by keys %.12f\n", texts[i], g,
                        tr.score[g], tr.key_score[g]);
            CHECK(fabs(tr.score[g] - tr.key_score[g]) <= 1e-9);
            gaps++;
        }
        vnt__segtrace_free(&tr);
    }
    CHECK(gaps > 120);
}

static void user_dictionary(void)
{
    const char *s = "Tôi thích học sinh học ở trường đại học";
    char b[1024];
    words_of(seg, s, b, sizeof b);
    vnt_segmenter *u = NULL;
    const char *join = "sinh học ở trường\nxyz";
    const char *split = "đại học";
    CHECK(vnt_segmenter_with_dict(seg, join, strlen(join), split, strlen(split), &u) == VNT_OK);
    if (u) {
        CHECK(has_words("Mỹ sẽ bảo vệ Nhật Bản", "bảo vệ"));
        CHECK_WORDS(u, "trường đại học", "trường|đại|học");
        char d[1024];
        words_of(u, "TRƯỜNG ĐẠI HỌC", d, sizeof d);
        CHECK(strstr(d, "ĐẠI|HỌC") != NULL);
        char c[1024];
        words_of(u, "Nó sinh học ở trường", c, sizeof c);
        CHECK(strstr(c, "sinh học ở trường") != NULL);
        /* derived from a derived one keeps the first dictionary */
        vnt_segmenter *u2 = NULL;
        CHECK(vnt_segmenter_with_dict(u, "bảo vệ Nhật", strlen("bảo vệ Nhật"), NULL, 0, &u2) == VNT_OK);
        if (u2) {
            CHECK_WORDS(u2, "trường đại học", "trường|đại|học");
            words_of(u2, "Mỹ sẽ bảo vệ Nhật Bản", c, sizeof c);
            CHECK(strstr(c, "bảo vệ Nhật") != NULL);
            vnt_segmenter_free(u2);
        }
        vnt_segmenter_free(u);
    }
    CHECK(vnt_segmenter_with_dict(seg, "a\xff", 2, NULL, 0, &u) == VNT_ERR_INVALID_UTF8);
    /* a word list written with CR LF (a file from Windows) reads as with LF;
     * a CR inside a word is still a line break, not a word */
    const char *crlf = "sinh học ở trường\r\nxyz\r\n";
    CHECK(vnt_segmenter_with_dict(seg, crlf, strlen(crlf), "đại học\r\n", strlen("đại học\r\n"),
                                  &u) == VNT_OK);
    if (u) {
        CHECK_WORDS(u, "Nó sinh học ở trường đại học", "Nó|sinh học ở trường|đại|học");
        vnt_segmenter_free(u);
    }
    u = NULL;
    CHECK(vnt_segmenter_with_dict(seg, "sinh\rhọc", strlen("sinh\rhọc"), NULL, 0, &u) ==
          VNT_ERR_INVALID_ARG && u == NULL);
}

/* A segmenter with the dictionary join and split (NUL-terminated lists),
 * or NULL after a failed CHECK. */
static vnt_segmenter *with_dict(const vnt_segmenter *base, const char *join, const char *split)
{
    vnt_segmenter *u = NULL;
    CHECK(vnt_segmenter_with_dict(base, join, strlen(join), split, strlen(split), &u) == VNT_OK);
    CHECK(u != NULL);
    return u;
}

/* CHECK_WORDS of text by seg with the user dictionary join, split (a
 * derived segmenter, freed after). */
static void check_with_dict(const char *join, const char *split, const char *text,
                            const char *want)
{
    vnt_segmenter *u = with_dict(seg, join, split);
    if (u) {
        CHECK_WORDS(u, text, want);
        vnt_segmenter_free(u);
    }
}

/* Entries written with underscores, entries of one syllable, blank lines. */
static void user_dictionary_entries(void)
{
    CHECK_WORDS(seg, "Mỹ sẽ bảo vệ Nhật Bản", "Mỹ|sẽ|bảo vệ|Nhật Bản");
    /* "sẽ_bảo", as segmented corpora write a word, is "sẽ bảo" */
    static const char *const forms[] = {"sẽ_bảo", "sẽ bảo", "SẼ_BẢO\r\n"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        check_with_dict(forms[i], "", "Mỹ sẽ bảo vệ Nhật Bản", "Mỹ|sẽ bảo|vệ|Nhật Bản");
    vnt_segmenter *u = with_dict(seg, "", "bảo_vệ");
    if (u) {
        CHECK_WORDS(u, "Mỹ sẽ bảo vệ Nhật Bản", "Mỹ|sẽ|bảo|vệ|Nhật Bản");
        /* text already segmented stays one word of its own */
        CHECK_WORDS(u, "Mỹ sẽ bảo_vệ Nhật_Bản", "Mỹ|sẽ|bảo_vệ|Nhật_Bản");
        vnt_segmenter_free(u);
    }
    /* an underscore at an edge or beside another is no space: "_bảo vệ_"
     * stays three units, not the word "bảo vệ" */
    check_with_dict("", "_bảo vệ_\nbảo__vệ", "Mỹ sẽ bảo vệ Nhật Bản", "Mỹ|sẽ|bảo vệ|Nhật Bản");
    /* a word of one syllable is a word of its own, on both sides, at the
     * start and at the end of a sentence, in any case */
    CHECK_WORDS(seg, "Việt Nam", "Việt Nam");
    static const char *const single[] = {"Việt", "nam", "VIỆT\nNAM"};
    for (size_t i = 0; i < sizeof single / sizeof single[0]; i++) {
        u = with_dict(seg, single[i], "");
        if (u) {
            CHECK_WORDS(u, "Việt Nam", "Việt|Nam");
            CHECK_WORDS(u, "Tôi yêu Việt Nam lắm", "Tôi|yêu|Việt|Nam|lắm");
            vnt_segmenter_free(u);
        }
        check_with_dict("", single[i], "Việt Nam", "Việt|Nam"); /* in the split list too */
    }
    CHECK_WORDS(seg, "bảo vệ", "bảo vệ");
    check_with_dict("vệ", "", "Mỹ sẽ bảo vệ Nhật Bản", "Mỹ|sẽ|bảo|vệ|Nhật Bản");
    /* a longer join word holds it: the longest at a place, the first of two
     * that overlap */
    check_with_dict("Việt\nViệt Nam", "", "Việt Nam", "Việt Nam");
    check_with_dict("Nam\nViệt Nam\nsẽ bảo", "", "Việt Nam sẽ bảo vệ", "Việt Nam|sẽ bảo|vệ");
    /* blank lines and lines of white space are no words */
    check_with_dict("\n  \n\t\r\n\xc2\xa0\nsẽ bảo\n\n", "\n\n", "Mỹ sẽ bảo vệ Nhật Bản",
                    "Mỹ|sẽ bảo|vệ|Nhật Bản");
}

/* A derived segmenter shares its base's tables: it works after the base is
 * freed (ASan would see a table freed too early), and so does one derived
 * from it; its memory is the base's plus its dictionary. */
static void shared_tables(size_t len, const unsigned char *data)
{
    vnt_segmenter *base = NULL;
    CHECK(vnt_segmenter_load(data, len, &base) == VNT_OK);
    if (!base)
        return;
    vnt_segmenter *u = with_dict(base, "sẽ bảo", "");
    vnt_segmenter *v = u ? with_dict(u, "", "Nhật Bản") : NULL;
    CHECK(u && vnt_segmenter_memory(u) >= vnt_segmenter_memory(base));
    CHECK(u && vnt_segmenter_memory(u) < vnt_segmenter_memory(base) + 4096);
    CHECK_WORDS(base, "Mỹ sẽ bảo vệ Nhật Bản", "Mỹ|sẽ|bảo vệ|Nhật Bản");
    vnt_segmenter_free(base);
    if (u) {
        CHECK_WORDS(u, "Mỹ sẽ bảo vệ Nhật Bản", "Mỹ|sẽ bảo|vệ|Nhật Bản");
        CHECK(strcmp(vnt_segmenter_description(u), vnt_segmenter_description(seg)) == 0);
    }
    vnt_segmenter_free(u);
    if (v) {
        CHECK_WORDS(v, "Mỹ sẽ bảo vệ Nhật Bản", "Mỹ|sẽ bảo|vệ|Nhật|Bản");
        vnt_segmenter_free(v);
    }
}

static void text_format(void)
{
    const char *s = "Mỹ  sẽ bảo  vệ Nhật\tBản";
    vnt_buf out;
    vnt_buf_init(&out);
    CHECK(vnt_word_spans(seg, s, strlen(s), NULL, &spans) == VNT_OK);
    CHECK(vnt_words_text(s, strlen(s), &spans, &out) == VNT_OK);
    CHECK_STR(out.data, out.len, "Mỹ sẽ bảo_vệ Nhật_Bản");
    vnt_buf_free(&out);
    /* the pieces of the words make the same text: '_' inside a word, ' '
     * between words; the words are those of vnt_word_spans */
    static const char *const texts[] = {
        "Mỹ  sẽ bảo  vệ Nhật\tBản",
        "Ông Nguyễn\xc2\xa0Văn A nói:\"Thành phố Hồ Chí\xe3\x80\x80Minh đẹp\".\r\nCOVID-19 và 3,5% tăng",
        "x",
        "",
        "TP.HCM  v.v. học sinh giỏi\xe1\x9a\x80quốc gia 😀 @ai #tag http://a.vn/x",
    };
    vnt_spans words, pieces;
    vnt_spans_init(&words);
    vnt_spans_init(&pieces);
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        const char *t = texts[i];
        size_t n = strlen(t);
        vnt_buf_init(&out);
        CHECK(vnt_word_spans(seg, t, n, NULL, &spans) == VNT_OK);
        CHECK(vnt_words_text(t, n, &spans, &out) == VNT_OK);
        CHECK(vnt_word_pieces(seg, t, n, NULL, &words, &pieces) == VNT_OK);
        CHECK(words.len == spans.len && pieces.len >= words.len);
        for (size_t k = 0; k < words.len && k < spans.len; k++)
            CHECK(words.items[k].start == spans.items[k].start &&
                  words.items[k].end == spans.items[k].end);
        char joined[1024];
        size_t jl = 0, w = 0;
        for (size_t k = 0; k < pieces.len && jl + 64 < sizeof joined; k++) {
            int starts = w < words.len && pieces.items[k].start == words.items[w].start;
            w += starts;
            if (k > 0)
                joined[jl++] = starts ? ' ' : '_';
            size_t a = pieces.items[k].start, b = pieces.items[k].end;
            CHECK(a < b && b <= n);
            memcpy(joined + jl, t + a, b - a);
            jl += b - a;
        }
        CHECK(w == words.len);
        CHECK(jl == out.len && (jl == 0 || memcmp(joined, out.data, jl) == 0));
        vnt_buf_free(&out);
    }
    vnt_spans_free(&words);
    vnt_spans_free(&pieces);
}

/* A little-endian u32 of the model file. */
static uint32_t rd32le(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void model_validation(size_t len, const unsigned char *data)
{
    vnt_segmenter *m = NULL;
    CHECK(vnt_segmenter_load(data, 10, &m) == VNT_ERR_FORMAT && m == NULL);
    CHECK(vnt_segmenter_load(data, len - 8, &m) == VNT_ERR_FORMAT);
    unsigned char *copy = malloc(len);
    memcpy(copy, data, len);
    copy[0] = 'X';
    CHECK(vnt_segmenter_load(copy, len, &m) == VNT_ERR_FORMAT);
    memcpy(copy, data, len);
    copy[48] ^= 1; /* fingerprint */
    CHECK(vnt_segmenter_load(copy, len, &m) == VNT_ERR_FORMAT);
    memcpy(copy, data, len);
    CHECK(copy[8] == 6 && copy[9] == 0); /* file version 6 */
    copy[8] = 1;                         /* version 1: FNV keys, must be retrained */
    CHECK(vnt_segmenter_load(copy, len, &m) == VNT_ERR_FORMAT && m == NULL);
    copy[8] = 2;                         /* version 2: no prefix set */
    CHECK(vnt_segmenter_load(copy, len, &m) == VNT_ERR_FORMAT && m == NULL);
    copy[8] = 3;                         /* version 3: keys chained value by value */
    CHECK(vnt_segmenter_load(copy, len, &m) == VNT_ERR_FORMAT && m == NULL);
    copy[8] = 4;                         /* version 4: keys mixed once more */
    CHECK(vnt_segmenter_load(copy, len, &m) == VNT_ERR_FORMAT && m == NULL);
    copy[8] = 5;                         /* version 5: no keys for caseless sentences */
    CHECK(vnt_segmenter_load(copy, len, &m) == VNT_ERR_FORMAT && m == NULL);
    copy[8] = 7;
    CHECK(vnt_segmenter_load(copy, len, &m) == VNT_ERR_FORMAT && m == NULL);
    copy[8] = 6;
    CHECK(vnt_segmenter_load(copy, len, &m) == VNT_OK && m != NULL);
    vnt_segmenter_free(m);
    m = NULL;
    memcpy(copy, data, len);
    uint32_t header = rd32le(copy + 12);
    unsigned char tmp[8]; /* swap the first two keys: not sorted */
    memcpy(tmp, copy + header, 8);
    memcpy(copy + header, copy + header + 8, 8);
    memcpy(copy + header + 8, tmp, 8);
    CHECK(vnt_segmenter_load(copy, len, &m) == VNT_ERR_FORMAT);
    /* weights that are not finite, or so large that sums would not be:
     * a NaN transition made every gap JOIN ("Việt." one word) */
    static const uint32_t bad_floats[] = {0x7FC00000u, 0x7F800000u, 0xFF800000u, 0x4E6E6B28u};
    for (size_t b = 0; b < sizeof bad_floats / sizeof bad_floats[0]; b++) {
        for (size_t at = 0; at < 2; at++) { /* a transition, a feature weight */
            memcpy(copy, data, len);
            size_t off = at == 0 ? 32 + 4 : header + 8 * (size_t)rd32le(copy + 16) + 4;
            for (int k = 0; k < 4; k++)
                copy[off + (size_t)k] = (unsigned char)(bad_floats[b] >> (8 * k));
            CHECK(vnt_segmenter_load(copy, len, &m) == VNT_ERR_FORMAT && m == NULL);
        }
    }
    /* two keys that only a table of 2^32 buckets tells apart (same high 32
     * bits, slot bits that differ at bit 31): refused at once, where the
     * table used to double until memory ran out */
    unsigned char tiny[96] = {0};
    memcpy(tiny, data, 64); /* magic, version, transitions, fingerprint */
    static const uint32_t fields[][2] = {{12, 72}, {16, 2}, {20, 0}, {24, 1}, {28, 0},
                                         {56, 1}, {60, 0}};
    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
        for (int k = 0; k < 4; k++)
            tiny[fields[f][0] + (uint32_t)k] = (unsigned char)(fields[f][1] >> (8 * k));
    const uint64_t keys[2] = {UINT64_C(0x1234567800000000), UINT64_C(0x1234567880000000)};
    for (int i = 0; i < 2; i++)
        for (int k = 0; k < 8; k++)
            tiny[72 + 8 * i + k] = (unsigned char)(keys[i] >> (8 * k));
    CHECK(vnt_segmenter_load(tiny, sizeof tiny, &m) == VNT_ERR_FORMAT && m == NULL);
    tiny[87] = 0x22; /* the second key's high bits differ: a model like any other */
    CHECK(vnt_segmenter_load(tiny, sizeof tiny, &m) == VNT_OK && m != NULL);
    vnt_segmenter_free(m);
    m = NULL;
    free(copy);
    CHECK(vnt_segmenter_load(NULL, 0, &m) == VNT_ERR_INVALID_ARG);
    CHECK(strstr(vnt_segmenter_description(seg), "train_segmenter") != NULL);
}

/* One scratch space reused across many texts (so its cache of token
 * identities fills, and its slots collide) gives the spans that a fresh
 * one gives each text. */
static void reused_work(void)
{
    static const char *const pieces[] = {
        "hoà", "hòa", "HOÀ", "bình", "Nguyễn", "Văn", "A", "đi", "học", ".", ",", "1.500",
        "TP.HCM", "x@y.vn", "😀", "ngoằn ngoèo", "người", "ta", "nói", "rằng", "Ðà", "Nẵng",
        "thử", "nghiệm", "một", "hai", "ba", "abcdefghijklmnopqrstuvwxyz", "rất", "đẹp",
    };
    const size_t np = sizeof pieces / sizeof pieces[0];
    vnt_segwork *w = vnt_segwork_new();
    CHECK(w != NULL);
    vnt_spans fresh;
    vnt_spans_init(&fresh);
    uint64_t seed = 12345;
    char text[512];
    for (int round = 0; w && round < 3000; round++) {
        size_t len = 0;
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        size_t words = 1 + (size_t)(seed >> 33) % 20;
        for (size_t k = 0; k < words; k++) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            const char *p = pieces[(seed >> 33) % np];
            size_t pl = strlen(p);
            if (len + pl + 1 >= sizeof text)
                break;
            memcpy(text + len, p, pl);
            len += pl;
            text[len++] = ' ';
        }
        CHECK(vnt_word_spans(seg, text, len, w, &spans) == VNT_OK);
        CHECK(vnt_word_spans(seg, text, len, NULL, &fresh) == VNT_OK);
        CHECK(spans.len == fresh.len &&
              memcmp(spans.items, fresh.items, spans.len * sizeof *spans.items) == 0);
    }
    vnt_spans_free(&fresh);
    vnt_segwork_free(w);
}

/* One scratch space used with two models in turn: its cache keeps weights
 * of the model it was last used with, and must not give them to the other.
 * The second model is the same file with every weight negated, so that the
 * two segment differently. */
static void work_across_models(size_t len, const unsigned char *data)
{
    unsigned char *neg = malloc(len);
    CHECK(neg != NULL);
    if (!neg)
        return;
    memcpy(neg, data, len);
    uint32_t header = rd32le(neg + 12), nw = rd32le(neg + 16);
    for (uint32_t i = 0; i < nw; i++)
        neg[header + (size_t)nw * 8 + 4 * (size_t)i + 3] ^= 0x80; /* float32 sign bit */
    vnt_segmenter *other = NULL;
    CHECK(vnt_segmenter_load(neg, len, &other) == VNT_OK);
    static const char *const texts[] = {
        "Mỹ sẽ bảo vệ Nhật Bản trước mọi cuộc tấn công.",
        "Học sinh giỏi học sinh giỏi quốc gia năm nay rất đông.",
        "Ông Nguyễn Văn A nói rằng người ta sẽ đi học ở thành phố Hồ Chí Minh.",
    };
    vnt_segwork *w = vnt_segwork_new();
    vnt_spans a, b, fresh;
    vnt_spans_init(&a);
    vnt_spans_init(&b);
    vnt_spans_init(&fresh);
    int differ = 0;
    for (int round = 0; w && other && round < 4; round++) {
        for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
            const char *t = texts[i];
            const vnt_segmenter *m = (round + i) % 2 ? other : seg;
            CHECK(vnt_word_spans(m, t, strlen(t), w, &a) == VNT_OK);
            CHECK(vnt_word_spans(m, t, strlen(t), NULL, &fresh) == VNT_OK);
            CHECK(a.len == fresh.len &&
                  memcmp(a.items, fresh.items, a.len * sizeof *a.items) == 0);
            CHECK(vnt_word_spans(m == seg ? other : seg, t, strlen(t), w, &b) == VNT_OK);
            differ |= a.len != b.len || memcmp(a.items, b.items, a.len * sizeof *a.items) != 0;
        }
    }
    CHECK(differ);
    vnt_spans_free(&a);
    vnt_spans_free(&b);
    vnt_spans_free(&fresh);
    vnt_segwork_free(w);
    vnt_segmenter_free(other);
    free(neg);
}

/* vnt_segwork_size: 0 for NULL; a new scratch space holds little; its
 * cache (1 MB) once it has segmented; and arrays for the longest sentence,
 * here one of 200,000 syllables without a mark, which the size counts. */
static void work_size(void)
{
    CHECK(vnt_segwork_size(NULL) == 0);
    vnt_segwork *w = vnt_segwork_new();
    CHECK(w != NULL);
    if (!w)
        return;
    size_t empty = vnt_segwork_size(w);
    CHECK(empty > 0 && empty < 4096);
    const char *t = "Mỹ sẽ bảo vệ Nhật Bản.";
    CHECK(vnt_word_spans(seg, t, strlen(t), w, &spans) == VNT_OK);
    size_t small = vnt_segwork_size(w);
    CHECK(small > ((size_t)1 << 20) && small < ((size_t)2 << 20));
    const size_t n = 200000;
    char *big = malloc(3 * n);
    CHECK(big != NULL);
    if (big) {
        for (size_t i = 0; i < n; i++)
            memcpy(big + 3 * i, "ba ", 3);
        CHECK(vnt_word_spans(seg, big, 3 * n, w, &spans) == VNT_OK);
        CHECK(spans.len > 0 && spans.items[spans.len - 1].end == 3 * n - 1);
        /* 127 bytes of arrays a unit (the tokens of so long a text are
         * freed when the call ends) */
        CHECK(vnt_segwork_size(w) > small + 120 * n);
        /* the same text again: the arrays are reused, not grown */
        size_t large = vnt_segwork_size(w);
        CHECK(vnt_word_spans(seg, big, 3 * n, w, &spans) == VNT_OK);
        CHECK(vnt_segwork_size(w) == large);
    }
    free(big);
    vnt_segwork_free(w);
    /* a long text of ordinary sentences leaves no array of its size: the
     * tokens its fast pass keeps of every sentence and its sentences are
     * freed, so the scratch space stays small enough to be kept (the
     * binding keeps one of up to 4 MB) */
    w = vnt_segwork_new();
    const char *sent = "Mỹ sẽ bảo vệ Nhật Bản trước mọi cuộc tấn công. ";
    const size_t sl = strlen(sent);
    for (size_t reps = 1000; w && reps <= 256000; reps *= 4) {
        char *text = malloc(sl * reps);
        CHECK(text != NULL);
        if (!text)
            break;
        for (size_t i = 0; i < reps; i++)
            memcpy(text + sl * i, sent, sl);
        CHECK(vnt_word_spans(seg, text, sl * reps, w, &spans) == VNT_OK);
        CHECK(spans.len == 9 * reps);
        CHECK(vnt_segwork_size(w) < ((size_t)3 << 20));
        free(text);
    }
    vnt_segwork_free(w);
}

/* ---------------------------------------------------------------------- */

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec * 1e-9;
}

static double time_input(const char *s, size_t len)
{
    vnt_segwork *w = vnt_segwork_new();
    double t0 = seconds();
    CHECK(vnt_word_spans(seg, s, len, w, &spans) == VNT_OK);
    double t = seconds() - t0;
    vnt_segwork_free(w);
    return t;
}

/* The time per byte of a big input stays within a small factor of that of
 * an input ten times smaller (linear, not quadratic). */
static void linear(const char *name, void (*fill)(char *, size_t), size_t big)
{
    size_t small = big / 10;
    char *a = malloc(big + 1), *b = malloc(small + 1);
    fill(a, big);
    fill(b, small);
    double ts = time_input(b, strlen(b)) + 1e-4, tb = time_input(a, strlen(a));
    if (tb > 30 * ts)
        fprintf(stderr, "%s: %zu bytes %.3fs, %zu bytes %.3fs\n", name, small, ts, big, tb);
    CHECK(tb <= 30 * ts);
    free(a);
    free(b);
}

static void fill_letters(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        s[i] = (char)('a' + i % 26);
    s[n] = 0;
}

static void fill_dots(char *s, size_t n)
{
    memset(s, '.', n);
    s[n] = 0;
}

static void fill_syllable(char *s, size_t n)
{
    size_t k = 0;
    while (k + 6 <= n) {
        memcpy(s + k, "nhà ", 5); /* "nhà" is 4 bytes + space */
        k += 5;
    }
    s[k] = 0;
}

static void fill_mixed(char *s, size_t n)
{
    static const char *piece = "Ông Nguyễn Văn A. nói: \"1.500 người ở TP.HCM\"... ";
    size_t m = strlen(piece), k = 0;
    while (k + m < n) {
        memcpy(s + k, piece, m);
        k += m;
    }
    s[k] = 0;
}

/* piece repeated into s[0..n), NUL-terminated */
static void fill_repeat(char *s, size_t n, const char *piece)
{
    size_t m = strlen(piece), k = 0;
    while (k + m < n) {
        memcpy(s + k, piece, m);
        k += m;
    }
    s[k] = 0;
}

/* Words glued by hyphens and slashes without end, one sentence (units
 * split, looked up and joined again), then with spaces and sentences
 * in lower case and in capitals in turn (the key space changes). */
static void fill_glued(char *s, size_t n)
{
    fill_repeat(s, n, "Nội-Hải-Phòng/kinh-tế/xã-hội-TP.Hồ-");
}

static void fill_cases(char *s, size_t n)
{
    fill_repeat(s, n, "Hà Nội-Hải Phòng, đồng/kg. hà nội-hải phòng, đồng/kg. "
                      "HÀ NỘI-HẢI PHÒNG VÀ TP.HỒ CHÍ MINH. ");
}

/* Local parts of e-mail addresses that share one '@' with no address
 * after it: each word is a start the scanner tries; a retry must not read
 * the local part again (it did, quadratic, before the '@' was noted). */
static void fill_at(char *s, size_t n)
{
    fill_repeat(s, n, "a-b+c%d_");
    size_t k = strlen(s);
    if (k >= 3)
        memcpy(s + k - 3, "a@x", 3);
}

static void fill_at_letter(char *s, size_t n)
{
    fill_repeat(s, n, "a-b+c%d_");
    size_t k = strlen(s);
    if (k >= 9)
        memcpy(s + k - 9, "a@b.com\xc4\x83", 9); /* "a@b.comă" */
}

/* A URL whose path is a run of periods: the run is decided once, not at
 * each of its periods (quadratic before; code review). */
static void fill_url_dots(char *s, size_t n)
{
    memcpy(s, "xem http://a.vn/", 16);
    memset(s + 16, '.', n - 17);
    s[n - 1] = 'x';
    s[n] = 0;
}

int main(void)
{
    size_t len = 0;
    unsigned char *data = read_file(MODEL, &len);
    CHECK(data != NULL);
    if (!data)
        return CHECK_DONE();
    CHECK(vnt_segmenter_load(data, len, &seg) == VNT_OK);
    if (!seg)
        return CHECK_DONE();
    vnt_spans_init(&spans);
    vectors();
    special_tokens();
    invariance();
    dense_scores();
    user_dictionary();
    user_dictionary_entries();
    shared_tables(len, data);
    text_format();
    reused_work();
    work_across_models(len, data);
    work_size();
    model_validation(len, data);
    linear("1 MB without spaces", fill_letters, 1 << 20);
    linear("a million dots", fill_dots, 1000000);
    linear("10^5 syllables of one word", fill_syllable, 500000);
    linear("mixed", fill_mixed, 1 << 20);
    linear("words glued by hyphens and slashes", fill_glued, 1 << 20);
    linear("hyphens and slashes, cased and caseless", fill_cases, 1 << 20);
    linear("local parts before an '@' with no domain", fill_at, 1 << 20);
    linear("local parts before an address a letter goes on from", fill_at_letter, 1 << 20);
    linear("a URL of periods", fill_url_dots, 1 << 20);
    vnt_spans_free(&spans);
    vnt_segmenter_free(seg);
    free(data);
    return CHECK_DONE();
}
