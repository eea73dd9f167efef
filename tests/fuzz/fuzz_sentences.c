/* libFuzzer target for the scanner and the sentence splitter.
 *
 * Properties checked (a violation calls __builtin_trap()):
 *   - vnt_scan, vnt_sentences agree on validity: both VNT_OK or both
 *     VNT_ERR_INVALID_UTF8 (VNT_ERR_NOMEM aside);
 *   - tokens are in order, non-empty, inside the text, do not overlap, and
 *     every byte outside them is white space;
 *   - spans are in order, non-empty, start and end outside white space,
 *     hold no line break, and cover every byte that is not white space;
 *   - vnt_sentences (which scans only near final marks) gives the same spans
 *     as vnt_sentences_from_tokens over the full scan.
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

static int ascii_space(unsigned char c) { return c == ' ' || (c >= 0x09 && c <= 0x0D); }

/* 1 when s[i..] starts with a white-space character (ASCII, U+0085,
 * U+00A0, U+1680, U+2000..U+200B, U+2028, U+2029, U+202F, U+205F, U+3000,
 * U+FEFF);
 * its length in *n. */
static int space_at(const unsigned char *s, size_t len, size_t i, size_t *n)
{
    if (ascii_space(s[i])) {
        *n = 1;
        return 1;
    }
    if (i + 1 < len && s[i] == 0xC2 && (s[i + 1] == 0x85 || s[i + 1] == 0xA0)) {
        *n = 2;
        return 1;
    }
    if (i + 2 < len) {
        unsigned a = s[i], b = s[i + 1], c = s[i + 2];
        if ((a == 0xE1 && b == 0x9A && c == 0x80) ||
            (a == 0xE2 && b == 0x80 && (c <= 0x8B || c == 0xA8 || c == 0xA9 || c == 0xAF)) ||
            (a == 0xE2 && b == 0x81 && c == 0x9F) || (a == 0xE3 && b == 0x80 && c == 0x80) ||
            (a == 0xEF && b == 0xBB && c == 0xBF)) { /* Zs, ZWSP, LS, PS, BOM */
            *n = 3;
            return 1;
        }
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    const unsigned char *u = data;
    vnt_tokens toks, work;
    vnt_spans a, b;
    vnt_tokens_init(&toks);
    vnt_tokens_init(&work);
    vnt_spans_init(&a);
    vnt_spans_init(&b);

    vnt_status st1 = vnt_scan(s, size, &toks);
    vnt_status st2 = vnt_sentences(s, size, &work, &a);
    if (st1 == VNT_ERR_NOMEM || st2 == VNT_ERR_NOMEM)
        goto done;
    REQUIRE(st1 == st2);
    REQUIRE(st1 == VNT_OK || st1 == VNT_ERR_INVALID_UTF8);
    if (st1 != VNT_OK) {
        REQUIRE(toks.len == 0 && a.len == 0);
        goto done;
    }
    /* tokens: ordered, and only white space between them */
    size_t pos = 0;
    for (size_t k = 0; k < toks.len; k++) {
        const vnt_token *t = &toks.items[k];
        REQUIRE(t->start >= pos && t->start < t->end && t->end <= size);
        REQUIRE(vnt_token_kind_name(t->kind) != NULL);
        for (size_t i = pos; i < t->start;) {
            size_t n;
            REQUIRE(space_at(u, size, i, &n));
            i += n;
        }
        pos = t->end;
    }
    for (size_t i = pos; i < size;) {
        size_t n;
        REQUIRE(space_at(u, size, i, &n));
        i += n;
    }
    /* spans: ordered, trimmed, no line break, all text covered */
    REQUIRE(vnt_sentences_from_tokens(s, size, &toks, &b) == VNT_OK);
    REQUIRE(a.len == b.len);
    pos = 0;
    for (size_t k = 0; k < a.len; k++) {
        const vnt_span *sp = &a.items[k];
        REQUIRE(sp->start == b.items[k].start && sp->end == b.items[k].end);
        REQUIRE(sp->start >= pos && sp->start < sp->end && sp->end <= size);
        size_t n;
        REQUIRE(!space_at(u, size, sp->start, &n));
        for (size_t i = sp->start; i < sp->end; i++) /* no line break: LF VT FF CR NEL LS PS */
            REQUIRE(!(u[i] >= '\n' && u[i] <= '\r') &&
                    !(u[i] == 0xC2 && i + 1 < sp->end && u[i + 1] == 0x85) &&
                    !(u[i] == 0xE2 && i + 2 < sp->end && u[i + 1] == 0x80 &&
                      (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)));
        for (size_t i = pos; i < sp->start;) {
            REQUIRE(space_at(u, size, i, &n));
            i += n;
        }
        pos = sp->end;
    }
    for (size_t i = pos; i < size;) {
        size_t n;
        REQUIRE(space_at(u, size, i, &n));
        i += n;
    }
done:
    vnt_tokens_free(&toks);
    vnt_tokens_free(&work);
    vnt_spans_free(&a);
    vnt_spans_free(&b);
    return 0;
}
