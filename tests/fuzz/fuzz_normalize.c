/* libFuzzer target for normalization, accent removal and syllable parsing.
 *
 * Input: one byte choosing the style (bit 0), then the text. Properties
 * checked (a violation calls __builtin_trap()):
 *   - invalid UTF-8 gives VNT_ERR_INVALID_UTF8 from vnt_normalize and
 *     vnt_remove_accents; valid UTF-8 gives VNT_OK (or VNT_ERR_NOMEM);
 *   - outputs are valid UTF-8;
 *   - vnt_normalize appends to what is already in the buffer, and its
 *     `changed` flag agrees with the output of a call without it;
 *   - vnt_normalize is idempotent: normalizing its output changes nothing;
 *   - vnt_remove_accents is idempotent;
 *   - vnt_syllable_parse zeroes its output on 0; on 1 the fields are in
 *     range, both canonical spellings parse back to the same syllable, and
 *     the two spellings have the same id.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vntext.h"

#define REQUIRE(cond)            \
    do {                         \
        if (!(cond))             \
            __builtin_trap();    \
    } while (0)

/* An independent UTF-8 check (no overlongs, no surrogates, <= U+10FFFF). */
static int utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k;
        uint32_t v, min;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            k = 1, v = c & 0x1F, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            k = 2, v = c & 0x0F, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3, v = c & 0x07, min = 0x10000;
        } else {
            return 0;
        }
        if (n - i - 1 < k)
            return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
            v = (v << 6) | (s[i + j] & 0x3F);
        }
        if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
}

static int same(const char *a, size_t alen, const char *b, size_t blen)
{
    return alen == blen && (alen == 0 || memcmp(a, b, alen) == 0);
}

static void check_syllable(const char *s, size_t len)
{
    vnt_syllable syl, again;
    vnt_buf out;
    int r;

    memset(&syl, 0xAB, sizeof syl);
    r = vnt_syllable_parse(s, len, &syl);
    REQUIRE(r == 0 || r == 1);
    if (r == 0) {
        static const vnt_syllable zero;
        REQUIRE(memcmp(&syl, &zero, sizeof syl) == 0);
        return;
    }
    REQUIRE(syl.id > 0);
    REQUIRE(syl.toneless_id > 0);
    REQUIRE(syl.nucleus != 0);
    REQUIRE(syl.tone <= VNT_TONE_DOT);
    REQUIRE(syl.case_pattern <= VNT_CASE_TITLE);
    REQUIRE(syl.nletters >= 1 && syl.nletters <= VNT_SYLLABLE_MAX_LETTERS);
    REQUIRE(syl.onset_len + syl.nucleus_len <= syl.nletters);
    REQUIRE((syl.tone == VNT_TONE_NONE) == (syl.id == syl.toneless_id));

    vnt_buf_init(&out);
    for (int style = VNT_STYLE_TRADITIONAL; style <= VNT_STYLE_MODERN; style++) {
        for (int c = VNT_CASE_LOWER; c <= VNT_CASE_TITLE; c++) {
            vnt_status st;
            vnt_buf_clear(&out);
            st = vnt_syllable_format(&syl, (vnt_style)style, (vnt_case)c, &out);
            if (st == VNT_ERR_NOMEM)
                continue;
            REQUIRE(st == VNT_OK);
            REQUIRE(out.len > 0);
            REQUIRE(utf8_valid((const unsigned char *)out.data, out.len));
            r = vnt_syllable_parse(out.data, out.len, &again);
            REQUIRE(r == 1);
            REQUIRE(again.id == syl.id);
            REQUIRE(again.toneless_id == syl.toneless_id);
            REQUIRE(again.tone == syl.tone);
            REQUIRE(again.nletters == syl.nletters);
        }
    }
    vnt_buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char prefix[] = "<prefix>";
    const size_t plen = sizeof prefix - 1;
    vnt_buf a, b, c, r1, r2;
    vnt_style style;
    const char *s;
    size_t len;
    int valid, changed, changed2;
    vnt_status st;

    if (size < 1)
        return 0;
    style = (data[0] & 1) ? VNT_STYLE_MODERN : VNT_STYLE_TRADITIONAL;
    s = (const char *)data + 1;
    len = size - 1;
    valid = utf8_valid((const unsigned char *)s, len);

    vnt_buf_init(&a);
    vnt_buf_init(&b);
    vnt_buf_init(&c);
    vnt_buf_init(&r1);
    vnt_buf_init(&r2);

    /* Without `changed`: the result is always appended. */
    st = vnt_normalize(s, len, style, &a, NULL);
    if (!valid) {
        REQUIRE(st == VNT_ERR_INVALID_UTF8);
    } else if (st != VNT_ERR_NOMEM) {
        REQUIRE(st == VNT_OK);
        REQUIRE(utf8_valid((const unsigned char *)a.data, a.len));

        /* With `changed`, appending after a prefix already in the buffer. */
        changed = -1;
        REQUIRE(vnt_buf_append(&b, prefix, plen) == VNT_OK);
        st = vnt_normalize(s, len, style, &b, &changed);
        REQUIRE(st == VNT_OK || st == VNT_ERR_NOMEM);
        if (st == VNT_OK) {
            REQUIRE(changed == 0 || changed == 1);
            REQUIRE(b.len >= plen && memcmp(b.data, prefix, plen) == 0);
            if (changed) {
                REQUIRE(same(b.data + plen, b.len - plen, a.data, a.len));
                REQUIRE(!same(a.data, a.len, s, len));
            } else {
                REQUIRE(b.len == plen);
                REQUIRE(same(a.data, a.len, s, len));
            }
        }

        /* Idempotence. */
        changed2 = -1;
        st = vnt_normalize(a.len ? a.data : "", a.len, style, &c, &changed2);
        REQUIRE(st == VNT_OK || st == VNT_ERR_NOMEM);
        if (st == VNT_OK) {
            REQUIRE(changed2 == 0);
            REQUIRE(c.len == 0);
        }
    }

    st = vnt_remove_accents(s, len, &r1);
    if (!valid) {
        REQUIRE(st == VNT_ERR_INVALID_UTF8);
    } else if (st != VNT_ERR_NOMEM) {
        REQUIRE(st == VNT_OK);
        REQUIRE(utf8_valid((const unsigned char *)r1.data, r1.len));
        st = vnt_remove_accents(r1.len ? r1.data : "", r1.len, &r2);
        REQUIRE(st == VNT_OK || st == VNT_ERR_NOMEM);
        if (st == VNT_OK)
            REQUIRE(same(r1.data, r1.len, r2.data, r2.len));
    }

    check_syllable(s, len);
    if (!valid) {
        vnt_syllable syl;
        REQUIRE(vnt_syllable_parse(s, len, &syl) == 0);
    }

    vnt_buf_free(&a);
    vnt_buf_free(&b);
    vnt_buf_free(&c);
    vnt_buf_free(&r1);
    vnt_buf_free(&r2);
    return 0;
}
