/* libFuzzer target for the word segmenter: any bytes; valid UTF-8 must give
 * spans in order, inside the input, not empty, never holding a line break,
 * that together cover every byte that is not white space; the text format
 * must succeed and equal the pieces of the words joined; the words and
 * pieces must not depend on the window the text is scanned by; the scores of the gaps of the whole input taken as one
 * sentence, read partly from the dense arrays, must equal the weights of
 * their keys summed one by one. The model is read from python/vntext/segmenter.bin relative
 * to the working directory (make fuzz runs from the repository root), or
 * from the path in the environment variable VNTEXT_MODEL. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "vntext.h"

static vnt_segmenter *seg;
static vnt_segwork *work;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *path = getenv("VNTEXT_MODEL");
    FILE *f = fopen(path ? path : "python/vntext/segmenter.bin", "rb");
    if (!f) {
        fprintf(stderr, "fuzz_segment: no model (run from the repo root or set VNTEXT_MODEL)\n");
        abort();
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *d = malloc((size_t)n);
    if (!d || fread(d, 1, (size_t)n, f) != (size_t)n)
        abort();
    fclose(f);
    if (vnt_segmenter_load(d, (size_t)n, &seg) != VNT_OK)
        abort();
    free(d);
    /* a user dictionary exercises the forced labels */
    vnt_segmenter *u = NULL;
    const char *join = "học sinh giỏi\nThành phố Hồ\nnam", *split = "bảo_vệ\nnhà ở\nđi";
    if (vnt_segmenter_with_dict(seg, join, strlen(join), split, strlen(split), &u) != VNT_OK)
        abort();
    vnt_segmenter_free(seg);
    seg = u;
    work = vnt_segwork_new();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    vnt_spans spans;
    vnt_spans_init(&spans);
    vnt_status st = vnt_word_spans(seg, s, size, work, &spans);
    if (st == VNT_ERR_INVALID_UTF8) {
        vnt_spans_free(&spans);
        return 0;
    }
    if (st != VNT_OK)
        abort();
    size_t prev = 0;
    for (size_t k = 0; k < spans.len; k++) {
        size_t a = spans.items[k].start, b = spans.items[k].end;
        if (a < prev || b <= a || b > size)
            abort();
        for (size_t i = prev; i < a; i++) /* between words: only white space */
            if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\v' ||
                  s[i] == '\f' || (unsigned char)s[i] >= 0x80))
                abort();
        for (size_t i = a; i < b; i++) /* no line break in a word */
            if (s[i] == '\n' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f')
                abort();
        prev = b;
    }
    for (size_t i = prev; i < size; i++)
        if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\v' ||
              s[i] == '\f' || (unsigned char)s[i] >= 0x80))
            abort();
    vnt_buf out;
    vnt_buf_init(&out);
    if (vnt_words_text(s, size, &spans, &out) != VNT_OK)
        abort();
    /* the pieces of the words, joined by '_' inside a word and ' ' between
     * words, are the same text */
    vnt_spans words, pieces;
    vnt_spans_init(&words);
    vnt_spans_init(&pieces);
    if (vnt_word_pieces(seg, s, size, work, &words, &pieces) != VNT_OK || words.len != spans.len)
        abort();
    size_t at = 0, w = 0;
    for (size_t k = 0; k < pieces.len; k++) {
        size_t a = pieces.items[k].start, b = pieces.items[k].end;
        int starts = w < words.len && a == words.items[w].start;
        w += starts;
        if (k > 0 && (at >= out.len || out.data[at++] != (starts ? ' ' : '_')))
            abort();
        if (a >= b || b > size || at + (b - a) > out.len || memcmp(out.data + at, s + a, b - a) != 0)
            abort();
        at += b - a;
    }
    if (at != out.len || w != words.len)
        abort();
    /* the words and pieces of a scan a window at a time are those of a scan
     * of the whole text, whatever the window (1: a window at every sentence
     * that may start one) */
    static const size_t windows[] = {0, 1, 7, 100};
    for (size_t v = 0; v < sizeof windows / sizeof windows[0]; v++) {
        vnt_spans w2, p2;
        vnt_spans_init(&w2);
        vnt_spans_init(&p2);
        if (vnt__word_pieces_window(seg, s, size, work, &w2, &p2, windows[v]) != VNT_OK ||
            w2.len != words.len || p2.len != pieces.len ||
            (words.len && memcmp(w2.items, words.items, words.len * sizeof *w2.items) != 0) ||
            (pieces.len && memcmp(p2.items, pieces.items, pieces.len * sizeof *p2.items) != 0))
            abort();
        vnt_spans_free(&w2);
        vnt_spans_free(&p2);
    }
    vnt_spans_free(&words);
    vnt_spans_free(&pieces);
    vnt_buf_free(&out);
    vnt_spans_free(&spans);
    if (size <= 4096) {
        vnt__segtrace tr;
        if (vnt__segment_trace(seg, s, size, &tr) != VNT_OK)
            abort();
        for (size_t g = 0; g + 1 < tr.n; g++)
            if (!(fabs(tr.score[g] - tr.key_score[g]) <= 1e-9))
                abort();
        vnt__segtrace_free(&tr);
    }
    return 0;
}
