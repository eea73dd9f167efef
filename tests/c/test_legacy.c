/* Unit tests of the legacy encodings: every row of the .tsv tables in
 * data/legacy/ (embedded by the generator), the spec's mojibake
 * examples, VIQR's reading rules, undefined bytes, Windows-1252 recovery,
 * and detection on sentences encoded here from those same rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "vntext.h"
#include "check.h"

#define VNT_LEGACY_TABLE_ENTRIES
#include "legacy_tables.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static vnt_buf buf;

/* Decodes (replace mode when replace is set); returns the output, and its
 * length in *n, or NULL when the status is not VNT_OK. */
static const char *dec(const char *s, size_t len, vnt_encoding enc, int replace, size_t *n)
{
    vnt_buf_clear(&buf);
    vnt_status st = vnt_decode_legacy(s, len, enc,
                                      replace ? VNT_DECODE_REPLACE : VNT_DECODE_STRICT, &buf, NULL);
    *n = buf.len;
    if (st != VNT_OK)
        return NULL;
    return buf.data ? buf.data : "";
}

#define CHECK_DEC(in, enc, want)                                  \
    do {                                                          \
        size_t n_;                                                \
        const char *o_ = dec((in), strlen(in), (enc), 0, &n_);    \
        CHECK(o_ != NULL);                                        \
        if (o_)                                                   \
            CHECK_STR(o_, n_, (want));                            \
    } while (0)

/* Mis-read Windows-1252 text back to bytes, then decoded. */
#define CHECK_MOJIBAKE(text, enc, want)                                          \
    do {                                                                         \
        vnt_buf raw_;                                                            \
        vnt_buf_init(&raw_);                                                     \
        CHECK(vnt_cp1252_to_bytes((text), strlen(text), &raw_, NULL) == VNT_OK); \
        size_t n_;                                                               \
        const char *o_ = dec(raw_.data, raw_.len, (enc), 0, &n_);                \
        CHECK(o_ != NULL);                                                       \
        if (o_)                                                                  \
            CHECK_STR(o_, n_, (want));                                           \
        vnt_buf_free(&raw_);                                                     \
    } while (0)

static void names(void)
{
    const char *want[] = {"tcvn3", "vni", "viqr", "viscii", "vps", "cp1258"};
    CHECK(N_OF(want) == VNT_ENC_COUNT);
    for (int i = 0; i < VNT_ENC_COUNT; i++) {
        CHECK(strcmp(vnt_encoding_name((vnt_encoding)i), want[i]) == 0);
        CHECK(vnt_encoding_from_name(want[i], strlen(want[i])) == i);
    }
    CHECK(vnt_encoding_name((vnt_encoding)VNT_ENC_COUNT) == NULL);
    CHECK(vnt_encoding_name((vnt_encoding)-1) == NULL);
    CHECK(vnt_encoding_from_name("VNI", 3) == -1);
    CHECK(vnt_encoding_from_name("vni ", 4) == -1);
    CHECK(vnt_encoding_from_name("vn", 2) == -1);
    CHECK(vnt_encoding_from_name("vnix", 3) == VNT_ENC_VNI); /* length counts */
    CHECK(vnt_encoding_from_name("", 0) == -1);
    CHECK(vnt_encoding_from_name(NULL, 3) == -1);
    CHECK(vnt_encoding_from_name("tcvn3\0", 6) == -1);
}

/* Every row of a table decodes to its character, alone. */
static void entries(const vnt_legacy_entry *e, size_t n, vnt_encoding enc)
{
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *o = dec(e[i].bytes, (size_t)e[i].nbytes, enc, 0, &len);
        CHECK(o != NULL);
        if (o)
            CHECK_STR(o, len, e[i].utf8);
    }
}

static void table_rows(void)
{
    entries(vnt_entries_cp1258, N_OF(vnt_entries_cp1258), VNT_ENC_CP1258);
    entries(vnt_entries_viscii, N_OF(vnt_entries_viscii), VNT_ENC_VISCII);
    entries(vnt_entries_tcvn3, N_OF(vnt_entries_tcvn3), VNT_ENC_TCVN3);
    entries(vnt_entries_vps, N_OF(vnt_entries_vps), VNT_ENC_VPS);
    entries(vnt_entries_vni, N_OF(vnt_entries_vni), VNT_ENC_VNI);
    entries(vnt_entries_vni_lenient, N_OF(vnt_entries_vni_lenient), VNT_ENC_VNI);
    CHECK(N_OF(vnt_entries_viscii) == 134);
    CHECK(N_OF(vnt_entries_vni) == 134);
    CHECK(N_OF(vnt_entries_viqr) == 134);

    /* VIQR: a lone mnemonic may be punctuation ("a." ends a sentence) or
     * no syllable ("ă"), so each is read inside one: t_n, QU_N for y. */
    for (size_t i = 0; i < N_OF(vnt_entries_viqr); i++) {
        const vnt_legacy_entry *e = &vnt_entries_viqr[i];
        char in[16], want[16];
        if (e->bytes[0] == 'D' || e->bytes[0] == 'd') {
            snprintf(in, sizeof in, "%si", e->bytes);
            snprintf(want, sizeof want, "%si", e->utf8);
        } else {
            int up = e->bytes[0] >= 'A' && e->bytes[0] <= 'Z';
            int y = e->bytes[0] == 'y' || e->bytes[0] == 'Y';
            const char *pre = y ? (up ? "QU" : "qu") : (up ? "T" : "t");
            const char *post = up ? "N" : "n";
            snprintf(in, sizeof in, "%s%s%s", pre, e->bytes, post);
            snprintf(want, sizeof want, "%s%s%s", pre, e->utf8, post);
        }
        CHECK_DEC(in, VNT_ENC_VIQR, want);
    }

    /* Case-shared bytes read as capitals inside an all-caps word. */
    for (size_t i = 0; i < N_OF(vnt_entries_tcvn3); i++) {
        const vnt_legacy_entry *e = &vnt_entries_tcvn3[i];
        if (!e->upper_shared)
            continue;
        char in[8] = {'X', 'X', e->bytes[0], 0};
        size_t len;
        const char *o = dec(in, 3, VNT_ENC_TCVN3, 0, &len);
        CHECK(o != NULL && len >= 3 && memcmp(o, "XX", 2) == 0);
        if (o && len >= 3) {
            int32_t cp;
            utf8proc_iterate((const utf8proc_uint8_t *)o + 2, (utf8proc_ssize_t)len - 2, &cp);
            CHECK(utf8proc_isupper(cp));
        }
    }
}

static void every_byte(void)
{
    /* VISCII defines all 256 bytes; the rest have only listed holes. */
    for (int enc = 0; enc < VNT_ENC_COUNT; enc++) {
        int undefined = 0;
        for (int b = 0; b < 256; b++) {
            char c = (char)b;
            size_t n;
            const char *o = dec(&c, 1, (vnt_encoding)enc, 0, &n);
            if (o == NULL) {
                undefined++;
                o = dec(&c, 1, (vnt_encoding)enc, 1, &n);
                CHECK_STR(o, n, "\xEF\xBF\xBD");
            }
        }
        switch (enc) {
        case VNT_ENC_VISCII: CHECK(undefined == 0); break;
        case VNT_ENC_CP1258: CHECK(undefined == 9); break;
        case VNT_ENC_TCVN3: CHECK(undefined == 5); break; /* those of Windows-1252 */
        case VNT_ENC_VPS: CHECK(undefined <= 5); break;
        case VNT_ENC_VIQR: CHECK(undefined == 128); break;
        case VNT_ENC_VNI: CHECK(undefined > 5); break; /* mark bytes alone */
        }
    }
    for (size_t i = 0; i < strlen(vnt_undefined_cp1258); i++) {
        size_t n;
        CHECK(dec(vnt_undefined_cp1258 + i, 1, VNT_ENC_CP1258, 0, &n) == NULL);
    }
}

static void mojibake(void)
{
    /* tone-marks spec 3.3 and 3.5 */
    CHECK_MOJIBAKE("Ti\xC3\x95ng Vi\xC3\x96t", VNT_ENC_TCVN3, "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t");
    CHECK_MOJIBAKE("Nguy\xC3\x94n \xC2\xA7\xC3\xB8" "c Ho\xC2\xB5", VNT_ENC_TCVN3,
                   "Nguy\xE1\xBB\x85n \xC4\x90\xE1\xBB\xA9" "c Ho\xC3\xA0");
    CHECK_MOJIBAKE("ng\xC2\xAD\xC3\xAAi", VNT_ENC_TCVN3, "ng\xC6\xB0\xE1\xBB\x9Di");
    CHECK_MOJIBAKE("Tie\xC3\xA1ng Vie\xC3\xA4t", VNT_ENC_VNI, "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t");
    CHECK_MOJIBAKE("Nguye\xC3\xA3n \xC3\x91\xC3\xB6\xC3\xB9" "c Hoa\xC3\xB8", VNT_ENC_VNI,
                   "Nguy\xE1\xBB\x85n \xC4\x90\xE1\xBB\xA9" "c Ho\xC3\xA0");
    CHECK_MOJIBAKE("ng\xC3\xB6\xC3\xB4\xC3\xB8i", VNT_ENC_VNI, "ng\xC6\xB0\xE1\xBB\x9Di");
    /* Windows-1252 punctuation kept by TCVN3 and VNI documents */
    CHECK_MOJIBAKE("\xE2\x80\x9CHo\xC2\xB5\xE2\x80\x9D \xE2\x80\x93 \xE2\x80\xA6", VNT_ENC_TCVN3,
                   "\xE2\x80\x9CHo\xC3\xA0\xE2\x80\x9D \xE2\x80\x93 \xE2\x80\xA6");
    CHECK_MOJIBAKE("\xE2\x80\x9CHoa\xC3\xB8\xE2\x80\x9D", VNT_ENC_VNI,
                   "\xE2\x80\x9CHo\xC3\xA0\xE2\x80\x9D");
}

static void tcvn3_case(void)
{
    CHECK_DEC("VI\xD6T NAM", VNT_ENC_TCVN3, "VI\xE1\xBB\x86T NAM");
    CHECK_DEC("Vi\xD6t Nam", VNT_ENC_TCVN3, "Vi\xE1\xBB\x87t Nam");
    CHECK_DEC("H\xB5 N\xE9i", VNT_ENC_TCVN3, "H\xC3\xA0 N\xE1\xBB\x99i");      /* Hà Nội */
    CHECK_DEC("H\xB5 N\xE9I", VNT_ENC_TCVN3, "H\xC3\x80 N\xE1\xBB\x98I");      /* HÀ NỘI */
    CHECK_DEC("t\xABi \xEB NH\xB5", VNT_ENC_TCVN3, "t\xC3\xB4i \xE1\xBB\x9F NH\xC3\x80");
    CHECK_DEC("NH\xB5 \xEB \xA7\xA2Y", VNT_ENC_TCVN3,
              "NH\xC3\x80 \xE1\xBB\x9E \xC4\x90\xC3\x82Y"); /* NHÀ Ở ĐÂY */
    CHECK_DEC("\xEB", VNT_ENC_TCVN3, "\xE1\xBB\x9F");          /* ở alone stays lowercase */
    CHECK_DEC("TP\n\xEB", VNT_ENC_TCVN3, "TP\n\xE1\xBB\x9F");  /* not across lines */
    /* VPS: Unikey writes Ọ with the byte of ọ */
    CHECK_DEC("H\x86I", VNT_ENC_VPS, "H\xE1\xBB\x8CI");
    CHECK_DEC("h\x86i", VNT_ENC_VPS, "h\xE1\xBB\x8Di");
}

static void cp1258(void)
{
    CHECK_DEC("Ti\xEA\xECng", VNT_ENC_CP1258, "Ti\xE1\xBA\xBFng"); /* ê + acute -> ế */
    CHECK_DEC("\xEA\xEC", VNT_ENC_CP1258, "\xE1\xBA\xBF");
    CHECK_DEC("e\xEC", VNT_ENC_CP1258, "\xC3\xA9");
    CHECK_DEC("\xD5\xF2", VNT_ENC_CP1258, "\xE1\xBB\xA2");          /* Ơ + dot -> Ợ */
    CHECK_DEC("\xFD\xF2", VNT_ENC_CP1258, "\xE1\xBB\xB1");          /* ư + dot -> ự */
    CHECK_DEC("a\xEC\xF2", VNT_ENC_CP1258, "\xE1\xBA\xA1\xCC\x81"); /* NFC: ạ + acute */
    CHECK_DEC("\xE2\xF2\xEC", VNT_ENC_CP1258, "\xE1\xBA\xAD\xCC\x81"); /* ậ + acute */
    CHECK_DEC("\xEC", VNT_ENC_CP1258, "\xCC\x81");                  /* a mark alone */
    CHECK_DEC("\xEC\xF2", VNT_ENC_CP1258, "\xCC\xA3\xCC\x81");      /* reordered */
    CHECK_DEC("x\xEC", VNT_ENC_CP1258, "x\xCC\x81");
    CHECK_DEC("\xC7\xEC", VNT_ENC_CP1258, "\xE1\xB8\x88");          /* Ç + acute -> Ḉ */
    CHECK_DEC("\xD0\xEC", VNT_ENC_CP1258, "\xC4\x90\xCC\x81");      /* Đ has no composite */
    CHECK_DEC("\xFE \x80", VNT_ENC_CP1258, "\xE2\x82\xAB \xE2\x82\xAC");
    /* a long run of marks: still NFC, and quick */
    size_t n = 200001;
    char *s = malloc(n);
    CHECK(s != NULL);
    if (s) {
        s[0] = 'a';
        for (size_t i = 1; i < n; i++)
            s[i] = (char)(i % 2 ? 0xEC : 0xF2);
        size_t len;
        const char *o = dec(s, n, VNT_ENC_CP1258, 0, &len);
        CHECK(o != NULL && len == 3 + 2 * (n - 2)); /* a + one dot: ạ; the rest kept */
        if (o) {
            CHECK(memcmp(o, "\xE1\xBA\xA1", 3) == 0);                     /* ạ */
            CHECK(memcmp(o + 3, "\xCC\xA3", 2) == 0);                     /* dots first */
            CHECK(memcmp(o + len - 2, "\xCC\x81", 2) == 0);               /* acutes last */
        }
        free(s);
    }
}

/* Decodes random strings of a few bytes in each encoding and checks that
 * the output is valid UTF-8 in NFC (against utf8proc_NFC). */
static void random_nfc(void)
{
    static const unsigned char alphabet[] = {
        'a', 'e', 'o', 'u', 'y', 'i', 'A', 'O', 'D', 'd', 'n', 't', ' ', '.', '?', '\'', '`',
        '^', '(', '+', '~', '\\', '*', '/', 0x02, 0x14, 0xB5, 0xCC, 0xEC, 0xD2, 0xDE, 0xF2,
        0xEA, 0xE2, 0xD5, 0xF5, 0xFD, 0xC7, 0xD0, 0xF4, 0xF6, 0xD4, 0xD6, 0xF9, 0xD9, 0xE1,
        0xC1, 0x93, 0x81, 0xA7, 0xAE, 0xFF,
    };
    unsigned seed = 12345;
    char s[64];
    for (int iter = 0; iter < 20000; iter++) {
        size_t n = 1 + (seed >> 16) % 40;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            s[i] = (char)alphabet[(seed >> 16) % sizeof alphabet];
        }
        vnt_encoding enc = (vnt_encoding)(iter % VNT_ENC_COUNT);
        size_t len;
        const char *o = dec(s, n, enc, 1, &len);
        CHECK(o != NULL);
        if (!o)
            continue;
        char *copy = malloc(len + 1);
        if (!copy)
            continue;
        memcpy(copy, o, len);
        copy[len] = 0;
        utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)copy);
        int same = nfc != NULL && strlen((const char *)nfc) == len && memcmp(nfc, o, len) == 0;
        if (!same)
            fprintf(stderr, "not NFC (%s): %.*s\n", vnt_encoding_name(enc), (int)n, s);
        CHECK(same);
        free(nfc);
        free(copy);
    }
}

static void vni(void)
{
    CHECK_DEC("Tie\xE1ng Vie\xE4t", VNT_ENC_VNI, "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t");
    CHECK_DEC("\xF6\xF4\xF8", VNT_ENC_VNI, "\xC6\xB0\xE1\xBB\x9D");    /* ườ: 1 + 2 bytes */
    CHECK_DEC("A\xF9", VNT_ENC_VNI, "\xC3\x81");                       /* other-case mark */
    CHECK_DEC("a\xD9", VNT_ENC_VNI, "\xC3\xA1");
    CHECK_DEC("T\xED", VNT_ENC_VNI, "T\xC3\xAD");
    size_t n;
    CHECK(dec("x\xF9", 2, VNT_ENC_VNI, 0, &n) == NULL); /* a mark with no base */
    const char *o = dec("x\xF9", 2, VNT_ENC_VNI, 1, &n);
    CHECK(o != NULL);
    if (o)
        CHECK_STR(o, n, "x\xEF\xBF\xBD");
    CHECK(dec("a", 1, VNT_ENC_VNI, 0, &n) != NULL && n == 1);
    CHECK(dec("\xE1", 1, VNT_ENC_VNI, 0, &n) == NULL); /* mark at the very start */
    CHECK(dec("a\xE1", 2, VNT_ENC_VNI, 0, &n) != NULL); /* mark at the very end */
}

static void viqr(void)
{
    /* tone-marks spec 3.4 */
    CHECK_DEC("Vie^.t Nam", VNT_ENC_VIQR, "Vi\xE1\xBB\x87t Nam");
    CHECK_DEC("DDu+o+`ng", VNT_ENC_VIQR, "\xC4\x90\xC6\xB0\xE1\xBB\x9Dng");
    CHECK_DEC("Qui Nho+n", VNT_ENC_VIQR, "Qui Nh\xC6\xA1n");
    CHECK_DEC("To^i te^n la` Tra^`n Va(n Hie^'u\\.", VNT_ENC_VIQR,
              "T\xC3\xB4i t\xC3\xAAn l\xC3\xA0 Tr\xE1\xBA\xA7n V\xC4\x83n Hi\xE1\xBA\xBFu.");
    CHECK_DEC("Vie.^t", VNT_ENC_VIQR, "Vi\xE1\xBB\x87t"); /* tone before shape */
    CHECK_DEC("Ddi", VNT_ENC_VIQR, "\xC4\x90i");
    CHECK_DEC("dDi", VNT_ENC_VIQR, "dDi");
    CHECK_DEC("ca/c tu*", VNT_ENC_VIQR, "c\xC3\xA1\x63 t\xC6\xB0"); /* variants */
    /* punctuation stays where the mark would not make a syllable */
    CHECK_DEC("What? it's", VNT_ENC_VIQR, "What? it's");
    CHECK_DEC("Ha` No^.i.", VNT_ENC_VIQR, "H\xC3\xA0 N\xE1\xBB\x99i.");
    CHECK_DEC("ca'i gi`?", VNT_ENC_VIQR, "c\xC3\xA1i g\xC3\xAC?");
    CHECK_DEC("ai?", VNT_ENC_VIQR, "ai?");                      /* aỉ: misplaced */
    CHECK_DEC("dda^u?", VNT_ENC_VIQR, "\xC4\x91\xC3\xA2u?");
    CHECK_DEC("ho? ho.", VNT_ENC_VIQR, "h\xE1\xBB\x8F ho.");   /* final . ends the text */
    CHECK_DEC("ho. ho?", VNT_ENC_VIQR, "h\xE1\xBB\x8D h\xE1\xBB\x8F");
    CHECK_DEC("Da..", VNT_ENC_VIQR, "D\xE1\xBA\xA1.");         /* tone, then full stop */
    CHECK_DEC("Da...", VNT_ENC_VIQR, "Da...");                 /* an ellipsis */
    CHECK_DEC("ddi?!", VNT_ENC_VIQR, "\xC4\x91i?!");
    CHECK_DEC("me.\nnha`", VNT_ENC_VIQR, "m\xE1\xBA\xB9\nnh\xC3\xA0"); /* wrapped line */
    CHECK_DEC("me.\nNha`", VNT_ENC_VIQR, "me.\nNh\xC3\xA0");
    CHECK_DEC("'ma' 'me.'", VNT_ENC_VIQR, "'ma' 'me.'");       /* quotes */
    CHECK_DEC("e.g. U.S.A. I'm they're", VNT_ENC_VIQR, "e.g. U.S.A. I'm they're");
    CHECK_DEC("U+0041 C++ a/b", VNT_ENC_VIQR, "U+0041 C++ a/b");
    CHECK_DEC("Eddie add odd DD", VNT_ENC_VIQR, "Eddie add odd DD");
    CHECK_DEC("HDDND DDH", VNT_ENC_VIQR, "H\xC4\x90ND \xC4\x90H"); /* acronyms */
    CHECK_DEC("xtra^y Ma't-xco+-va", VNT_ENC_VIQR,
              "xtr\xC3\xA2y M\xC3\xA1t-xc\xC6\xA1-va");      /* loan syllables */
    CHECK_DEC("a^ a( ta^", VNT_ENC_VIQR, "\xC3\xA2 \xC4\x83 t\xC3\xA2");
    /* escapes */
    CHECK_DEC("a\\'b", VNT_ENC_VIQR, "a'b");
    CHECK_DEC("D\\Di", VNT_ENC_VIQR, "DDi");
    CHECK_DEC("C:\\dir \\x", VNT_ENC_VIQR, "C:\\dir \\x");
    CHECK_DEC("\\", VNT_ENC_VIQR, "\\");
    size_t n;
    CHECK(dec("a\x80", 2, VNT_ENC_VIQR, 0, &n) == NULL);
    /* a word too long to be a syllable is copied */
    char longw[200];
    memset(longw, 'a', sizeof longw - 3);
    memcpy(longw + sizeof longw - 3, "^.", 3);
    CHECK_DEC(longw, VNT_ENC_VIQR, longw);
}

static void undefined_bytes(void)
{
    size_t pos = 999;
    vnt_buf_clear(&buf);
    CHECK(vnt_buf_append(&buf, "keep", 4) == VNT_OK);
    CHECK(vnt_decode_legacy("ab\x81" "c", 4, VNT_ENC_CP1258, VNT_DECODE_STRICT, &buf, &pos) ==
          VNT_ERR_UNMAPPABLE);
    CHECK(pos == 2);
    CHECK_STR(buf.data, buf.len, "keep"); /* nothing appended on failure */
    CHECK(vnt_decode_legacy("ab\x81" "c", 4, VNT_ENC_CP1258, VNT_DECODE_REPLACE, &buf, &pos) ==
          VNT_OK);
    CHECK_STR(buf.data, buf.len, "keepab\xEF\xBF\xBD" "c");
    pos = 999;
    vnt_buf_clear(&buf);
    CHECK(vnt_decode_legacy("xy\x9D", 3, VNT_ENC_TCVN3, VNT_DECODE_STRICT, &buf, NULL) ==
          VNT_ERR_UNMAPPABLE); /* err_pos may be NULL */
    CHECK(vnt_decode_legacy("Tie\xE1ng x\xE1", 9, VNT_ENC_VNI, VNT_DECODE_STRICT, &buf, &pos) ==
          VNT_ERR_UNMAPPABLE);
    CHECK(pos == 8);
    CHECK(buf.len == 0);
    CHECK(vnt_decode_legacy("ok \xFF", 4, VNT_ENC_VIQR, VNT_DECODE_STRICT, &buf, &pos) ==
          VNT_ERR_UNMAPPABLE);
    CHECK(pos == 3);
}

static void nul_and_empty(void)
{
    for (int enc = 0; enc < VNT_ENC_COUNT; enc++) {
        size_t n;
        const char *o = dec("a\0b", 3, (vnt_encoding)enc, 0, &n);
        CHECK(o != NULL && n == 3 && memcmp(o, "a\0b", 3) == 0);
        o = dec("", 0, (vnt_encoding)enc, 0, &n);
        CHECK(o != NULL && n == 0);
        vnt_buf_clear(&buf);
        CHECK(vnt_decode_legacy(NULL, 0, (vnt_encoding)enc, 0, &buf, NULL) == VNT_OK);
        CHECK(buf.len == 0);
    }
    CHECK_DEC("", VNT_ENC_VIQR, "");
}

static void invalid_args(void)
{
    size_t pos = 7;
    CHECK(vnt_decode_legacy(NULL, 1, VNT_ENC_VNI, 0, &buf, &pos) == VNT_ERR_INVALID_ARG);
    CHECK(vnt_decode_legacy("a", 1, VNT_ENC_VNI, 0, NULL, &pos) == VNT_ERR_INVALID_ARG);
    CHECK(vnt_decode_legacy("a", 1, (vnt_encoding)-1, 0, &buf, &pos) == VNT_ERR_INVALID_ARG);
    CHECK(vnt_decode_legacy("a", 1, VNT_ENC_COUNT, 0, &buf, &pos) == VNT_ERR_INVALID_ARG);
    CHECK(vnt_decode_legacy("a", 1, VNT_ENC_VNI, 2, &buf, &pos) == VNT_ERR_INVALID_ARG);
    CHECK(vnt_decode_legacy("a", 1, VNT_ENC_VNI, -1, &buf, &pos) == VNT_ERR_INVALID_ARG);
    CHECK(pos == 7);
    CHECK(vnt_cp1252_to_bytes(NULL, 1, &buf, NULL) == VNT_ERR_INVALID_ARG);
    CHECK(vnt_cp1252_to_bytes("a", 1, NULL, NULL) == VNT_ERR_INVALID_ARG);
    int enc = 5;
    CHECK(vnt_detect_legacy(NULL, 1, &enc) == VNT_ERR_INVALID_ARG);
    CHECK(vnt_detect_legacy("a", 1, NULL) == VNT_ERR_INVALID_ARG);
    CHECK(vnt_detect_legacy(NULL, 0, &enc) == VNT_OK && enc == -1);
}

static void cp1252_back(void)
{
    vnt_buf b;
    vnt_buf_init(&b);
    size_t pos = 99;
    CHECK(vnt_cp1252_to_bytes("\xE2\x82\xAC\xC2\x81\xC2\x80\xC3\xA9\xC5\xB8" "a\0", 13, &b,
                              &pos) == VNT_OK);
    CHECK(b.len == 7 && memcmp(b.data, "\x80\x81\x80\xE9\x9F" "a\0", 7) == 0);
    vnt_buf_clear(&b);
    CHECK(vnt_cp1252_to_bytes("ab\xC4\x80", 4, &b, &pos) == VNT_ERR_UNMAPPABLE); /* Ā */
    CHECK(pos == 2 && b.len == 0);
    CHECK(vnt_cp1252_to_bytes("ab\xE1\xBA\xBF", 5, &b, &pos) == VNT_ERR_UNMAPPABLE);
    CHECK(pos == 2);
    CHECK(vnt_cp1252_to_bytes("x\xF0\x9F\x99\x82", 5, &b, &pos) == VNT_ERR_UNMAPPABLE);
    CHECK(pos == 1);
    CHECK(vnt_cp1252_to_bytes("abc\xC3", 4, &b, &pos) == VNT_ERR_INVALID_UTF8);
    CHECK(pos == 3);
    CHECK(vnt_cp1252_to_bytes("\xED\xA0\x80", 3, &b, &pos) == VNT_ERR_INVALID_UTF8);
    CHECK(vnt_cp1252_to_bytes("", 0, &b, &pos) == VNT_OK && b.len == 0);
    /* Bytes 0x80-0xFF read by TCVN3 (Windows-1252 outside its letters) and
     * turned back: every defined byte returns. */
    for (int byte = 0x80; byte < 0x100; byte++) {
        char c = (char)byte;
        size_t n;
        int letter = 0;
        for (size_t i = 0; i < N_OF(vnt_entries_tcvn3); i++)
            letter |= vnt_entries_tcvn3[i].bytes[0] == c;
        const char *o = dec(&c, 1, VNT_ENC_TCVN3, 0, &n);
        if (o == NULL || letter)
            continue;
        vnt_buf_clear(&b);
        if (vnt_cp1252_to_bytes(o, n, &b, &pos) == VNT_OK)
            CHECK(b.len == 1 && (unsigned char)b.data[0] == byte);
    }
    /* Appends to what is there. */
    vnt_buf_clear(&b);
    CHECK(vnt_buf_append(&b, "x", 1) == VNT_OK);
    CHECK(vnt_cp1252_to_bytes("\xC3\xB5", 2, &b, NULL) == VNT_OK);
    CHECK(b.len == 2 && memcmp(b.data, "x\xF5", 2) == 0);
    vnt_buf_free(&b);
}

/* ------------------------------------------------------------------------
 * Encoding sentences with the table rows, for detection
 * ---------------------------------------------------------------------- */

static const char *const SENTENCES[] = {
    ("H\xC3\xB4m nay tr\xE1\xBB\x9Di \xC4\x91\xE1\xBA\xB9p, ch\xC3\xBAng t\xC3\xB4i \xC4\x91i "
     "d\xE1\xBA\xA1o quanh h\xE1\xBB\x93 v\xC3\xA0 \xC4\x83n ph\xE1\xBB\x9F \xE1\xBB\x9F m\xE1\xBB\x99t "
     "qu\xC3\xA1n nh\xE1\xBB\x8F g\xE1\xBA\xA7n nh\xC3\xA0."),
    ("Ng\xC6\xB0\xE1\xBB\x9Di d\xC3\xA2n \xE1\xBB\x9F \xC4\x91\xC3\xA2y r\xE1\xBA\xA5t "
     "hi\xE1\xBA\xBFu kh\xC3\xA1\x63h, h\xE1\xBB\x8D th\xC6\xB0\xE1\xBB\x9Dng m\xE1\xBB\x9Di "
     "b\xE1\xBA\xA1n b\xC3\xA8 \xC4\x91\xE1\xBA\xBFn nh\xC3\xA0 \xC4\x83n t\xE1\xBB\x91i."),
    ("Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t c\xC3\xB3 s\xC3\xA1u thanh \xC4\x91i\xE1\xBB\x87u, "
     "\xC4\x91\xC6\xB0\xE1\xBB\xA3\x63 \xC4\x91\xC3\xA1nh d\xE1\xBA\xA5u tr\xC3\xAAn "
     "c\xC3\xA1\x63 nguy\xC3\xAAn \xC3\xA2m."),
    ("M\xE1\xBB\x97i s\xC3\xA1ng, b\xC3\xA0 ngo\xE1\xBA\xA1i ra ch\xE1\xBB\xA3 mua rau, "
     "c\xC3\xA1 v\xC3\xA0 tr\xC3\xA1i c\xC3\xA2y cho c\xE1\xBA\xA3 gia \xC4\x91\xC3\xACnh."),
};

/* The row of list whose character is the UTF-8 at s (longest first). */
static const vnt_legacy_entry *find_entry(const vnt_legacy_entry *list, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(list[i].utf8);
        if (strncmp(s, list[i].utf8, k) == 0)
            return &list[i];
    }
    return NULL;
}

/* Encodes NFC UTF-8 text; returns 0 when a character has no encoding. */
static int encode(const char *text, vnt_encoding enc, vnt_buf *out)
{
    const vnt_legacy_entry *list;
    size_t n;
    switch (enc) {
    case VNT_ENC_TCVN3: list = vnt_entries_tcvn3; n = N_OF(vnt_entries_tcvn3); break;
    case VNT_ENC_VNI: list = vnt_entries_vni; n = N_OF(vnt_entries_vni); break;
    case VNT_ENC_VIQR: list = vnt_entries_viqr; n = N_OF(vnt_entries_viqr); break;
    case VNT_ENC_VISCII: list = vnt_entries_viscii; n = N_OF(vnt_entries_viscii); break;
    case VNT_ENC_VPS: list = vnt_entries_vps; n = N_OF(vnt_entries_vps); break;
    default: list = vnt_entries_cp1258; n = N_OF(vnt_entries_cp1258); break;
    }
    const char *p = text;
    while (*p) {
        if ((unsigned char)*p < 0x80) {
            vnt_buf_append(out, p++, 1);
            continue;
        }
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
        const vnt_legacy_entry *e = find_entry(list, n, p);
        if (e == NULL && enc == VNT_ENC_CP1258) {
            /* a CP1258 base letter and a tone byte */
            utf8proc_int32_t d[4];
            int bc = 0;
            utf8proc_ssize_t nd = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE, &bc);
            if (nd < 2 || nd > 4)
                return 0;
            int32_t tone = 0;
            utf8proc_int32_t base[4];
            utf8proc_ssize_t nb = 0;
            for (utf8proc_ssize_t j = 0; j < nd; j++) {
                if (d[j] == 0x300 || d[j] == 0x301 || d[j] == 0x303 || d[j] == 0x309 ||
                    d[j] == 0x323)
                    tone = d[j];
                else
                    base[nb++] = d[j];
            }
            if (tone == 0)
                return 0;
            nb = utf8proc_normalize_utf32(base, nb, UTF8PROC_COMPOSE);
            if (nb != 1)
                return 0;
            char bs[4], ts[4];
            bs[utf8proc_encode_char(base[0], (utf8proc_uint8_t *)bs)] = 0;
            ts[utf8proc_encode_char(tone, (utf8proc_uint8_t *)ts)] = 0;
            const vnt_legacy_entry *be = base[0] < 0x80 ? NULL : find_entry(list, n, bs);
            const vnt_legacy_entry *te = find_entry(list, n, ts);
            if ((base[0] >= 0x80 && be == NULL) || te == NULL)
                return 0;
            if (be)
                vnt_buf_append(out, be->bytes, (size_t)be->nbytes);
            else
                vnt_buf_append(out, bs, 1);
            vnt_buf_append(out, te->bytes, (size_t)te->nbytes);
            p += k;
            continue;
        }
        if (e == NULL) /* TCVN3, VPS: a case-shared capital */
            for (size_t i = 0; i < n && e == NULL; i++) {
                int32_t low;
                utf8proc_iterate((const utf8proc_uint8_t *)list[i].utf8, -1, &low);
                if (list[i].upper_shared && utf8proc_toupper(low) == cp)
                    e = &list[i];
            }
        if (e == NULL)
            return 0;
        vnt_buf_append(out, e->bytes, (size_t)e->nbytes);
        p += k;
    }
    return 1;
}

static int detect(const char *s, size_t len)
{
    int enc = 99;
    CHECK(vnt_detect_legacy(s, len, &enc) == VNT_OK);
    return enc;
}

static void detection(void)
{
    vnt_buf b;
    vnt_buf_init(&b);
    for (int enc = 0; enc < VNT_ENC_COUNT; enc++) {
        vnt_buf all;
        vnt_buf_init(&all);
        for (size_t i = 0; i < N_OF(SENTENCES); i++) {
            vnt_buf_clear(&b);
            CHECK(encode(SENTENCES[i], (vnt_encoding)enc, &b));
            /* the encoding is right: it decodes back */
            size_t n;
            const char *o = dec(b.data, b.len, (vnt_encoding)enc, 0, &n);
            CHECK(o != NULL);
            if (o)
                CHECK_STR(o, n, SENTENCES[i]);
            int got = detect(b.data, b.len);
            if (got != enc)
                fprintf(stderr, "sentence %zu in %s detected as %d\n", i,
                        vnt_encoding_name((vnt_encoding)enc), got);
            CHECK(got == enc);
            vnt_buf_append(&all, b.data, b.len);
            vnt_buf_append(&all, "\n", 1);
        }
        CHECK(detect(all.data, all.len) == enc);
        /* a long text: only a window is scored */
        vnt_buf big;
        vnt_buf_init(&big);
        for (int k = 0; k < 400; k++)
            vnt_buf_append(&big, all.data, all.len);
        int got = detect(big.data, big.len);
        if (got != enc)
            fprintf(stderr, "long %s text detected as %d\n", vnt_encoding_name((vnt_encoding)enc), got);
        CHECK(got == enc);
        /* legacy bytes after a long ASCII preamble */
        vnt_buf_clear(&big);
        for (int k = 0; k < 3000; k++)
            vnt_buf_append(&big, "plain ascii words here ", 23);
        vnt_buf_append(&big, all.data, all.len);
        CHECK(detect(big.data, big.len) == enc);
        vnt_buf_free(&big);
        vnt_buf_free(&all);
    }
    /* UTF-8, ASCII and other text: none */
    for (size_t i = 0; i < N_OF(SENTENCES); i++)
        CHECK(detect(SENTENCES[i], strlen(SENTENCES[i])) == -1);
    const char *english =
        "The quick brown fox jumps over the lazy dog. Who are you? I see. It's a nice day; "
        "what's up? e.g. the U.S.A., Mr. Smith and Dr. Who. Go to the store, buy some tea, "
        "and come back home by 5 p.m. Do you agree? So do I. No, it isn't.";
    CHECK(detect(english, strlen(english)) == -1);
    const char *plain = "Tieng Viet khong dau: hom nay troi dep, chung toi di an pho.";
    CHECK(detect(plain, strlen(plain)) == -1);
    const char *latin1 = "Le caf\xE9 est \xE0 c\xF4t\xE9 de la gare; o\xF9 est la cl\xE9? "
                         "D\xE9j\xE0 l'\xE9t\xE9 dernier, \xE0 Paris, un \xE9l\xE8ve "
                         "fran\xE7\x61is a r\xE9pondu tr\xE8s poliment.";
    CHECK(detect(latin1, strlen(latin1)) == -1);
    CHECK(detect("", 0) == -1);
    CHECK(detect("\0\0\0", 3) == -1);
    CHECK(detect("Vie^.t Nam", 10) == -1); /* too little to tell */
    vnt_buf_free(&b);
}

int main(void)
{
    vnt_buf_init(&buf);
    names();
    table_rows();
    every_byte();
    mojibake();
    tcvn3_case();
    cp1258();
    random_nfc();
    vni();
    viqr();
    undefined_bytes();
    nul_and_empty();
    invalid_args();
    cp1252_back();
    detection();
    vnt_buf_free(&buf);
    return CHECK_DONE();
}
