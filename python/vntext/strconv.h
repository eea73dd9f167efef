/* strconv.h: conversions between Python str objects and the UTF-8 that the
 * C library reads, for the _vntext binding (included by _vntext.c only).
 *
 * - utf8_view: the UTF-8 of a str. ASCII strs are read in place; other strs
 *   are encoded into a temporary buffer that the caller frees, so that the
 *   str does not keep a UTF-8 copy of itself for the rest of its life (what
 *   PyUnicode_AsUTF8AndSize would leave behind).
 * - splice_edits: the str that results from applying vnt_edits (byte
 *   offsets into that UTF-8) to the str: unchanged stretches are copied from
 *   the str's own storage, only the replacements are decoded.
 */
#ifndef VNTEXT_STRCONV_H
#define VNTEXT_STRCONV_H

#include <stdlib.h>
#include <string.h>

#include "vntext.h"

typedef struct {
    const char *data; /* UTF-8 bytes */
    Py_ssize_t len;
    char *owned;      /* to free, or NULL when data points into the str */
} utf8_view;

static void
utf8_view_release(utf8_view *v)
{
    free(v->owned);
    v->owned = NULL;
    v->data = NULL;
    v->len = 0;
}

/* Appends the UTF-8 of one code point (no surrogate) at q; returns the new q.
 * The selection is done with masks, not branches: Vietnamese text mixes 1-,
 * 2- and 3-byte characters too irregularly for a branch predictor. Writes 4
 * bytes, so the buffer needs 3 bytes of slack at its end. */
static inline char *
put_utf8(char *q, Py_UCS4 c)
{
    uint32_t two = c >= 0x80, three = c >= 0x800, four = c >= 0x10000;
    uint32_t m2 = 0u - two, m3 = 0u - three, m4 = 0u - four;
    uint32_t b1 = c;
    uint32_t b2 = (0xC0 | (c >> 6)) | ((0x80 | (c & 0x3F)) << 8);
    uint32_t b3 = (0xE0 | (c >> 12)) | ((0x80 | ((c >> 6) & 0x3F)) << 8) |
                  ((0x80 | (c & 0x3F)) << 16);
    uint32_t b4 = (0xF0 | (c >> 18)) | ((0x80 | ((c >> 12) & 0x3F)) << 8) |
                  ((0x80 | ((c >> 6) & 0x3F)) << 16) | ((uint32_t)(0x80 | (c & 0x3F)) << 24);
    uint32_t v = (b1 & ~m2) | (b2 & m2 & ~m3) | (b3 & m3 & ~m4) | (b4 & m4);
    unsigned char out[4] = {(unsigned char)v, (unsigned char)(v >> 8),
                            (unsigned char)(v >> 16), (unsigned char)(v >> 24)};
    memcpy(q, out, 4);
    return q + 1 + two + three + four;
}

/* The UTF-8 of str obj into *v. Lone surrogates raise UnicodeEncodeError
 * (the message is CPython's own). Returns 0, or -1 with an exception set. */
static int
utf8_view_of(PyObject *obj, utf8_view *v)
{
    v->owned = NULL;
    if (PyUnicode_IS_ASCII(obj)) {
        v->data = (const char *)PyUnicode_DATA(obj);
        v->len = PyUnicode_GET_LENGTH(obj);
        return 0;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(obj);
    int kind = PyUnicode_KIND(obj);
    const void *data = PyUnicode_DATA(obj);
    size_t per = kind == PyUnicode_1BYTE_KIND ? 2 : kind == PyUnicode_2BYTE_KIND ? 3 : 4;
    if ((size_t)n > ((size_t)PY_SSIZE_T_MAX - 4) / per) {
        PyErr_NoMemory();
        return -1;
    }
    char *buf = malloc((size_t)n * per + 4);
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    char *q = buf;
    uint32_t surrogate = 0;
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = data;
        for (Py_ssize_t i = 0; i < n; i++)
            q = put_utf8(q, p[i]);
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *p = data;
        for (Py_ssize_t i = 0; i < n; i++) {
            surrogate |= (p[i] & 0xF800) == 0xD800;
            q = put_utf8(q, p[i]);
        }
    } else {
        const Py_UCS4 *p = data;
        for (Py_ssize_t i = 0; i < n; i++) {
            surrogate |= (p[i] & 0xFFFFF800) == 0xD800;
            q = put_utf8(q, p[i]);
        }
    }
    if (surrogate) {
        Py_ssize_t ignored;
        free(buf);
        /* raises UnicodeEncodeError naming the position */
        if (PyUnicode_AsUTF8AndSize(obj, &ignored) != NULL)
            PyErr_SetString(PyExc_SystemError, "surrogate went unnoticed");
        return -1;
    }
    v->owned = buf;
    v->data = buf;
    v->len = q - buf;
    return 0;
}

/* Code points in UTF-8 s[0..n): the bytes that are not continuation bytes. */
static Py_ssize_t
count_code_points(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, u + i, 8);
        /* a continuation byte is 10xxxxxx: top bit set, next bit clear */
        uint64_t c = w & ~(w << 1) & UINT64_C(0x8080808080808080);
        c >>= 7;
        c += c >> 8;
        c += c >> 16;
        c += c >> 32;
        cont += (size_t)(c & 0xFF);
    }
    for (; i < n; i++)
        cont += (u[i] & 0xC0) == 0x80;
    return (Py_ssize_t)(n - cont);
}

/* Decodes valid UTF-8 s[0..n) (made by the C library) into out, which has
 * room; returns the count. */
static Py_ssize_t
decode_utf8_valid(const char *s, size_t n, Py_UCS4 *out)
{
    const unsigned char *u = (const unsigned char *)s;
    Py_ssize_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned c = u[i];
        if (c < 0x80) {
            out[k++] = c;
            i += 1;
        } else if (c < 0xE0) {
            out[k++] = ((c & 0x1F) << 6) | (u[i + 1] & 0x3F);
            i += 2;
        } else if (c < 0xF0) {
            out[k++] = ((c & 0x0F) << 12) | ((u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F);
            i += 3;
        } else {
            out[k++] = ((c & 0x07) << 18) | ((u[i + 1] & 0x3F) << 12) |
                       ((u[i + 2] & 0x3F) << 6) | (u[i + 3] & 0x3F);
            i += 4;
        }
    }
    return k;
}

/* OR of the code points text[a..b): below 0x80, 0x100 or 0x10000 exactly
 * when every one of them is. */
static Py_UCS4
or_code_points(int kind, const void *data, Py_ssize_t a, Py_ssize_t b)
{
    Py_UCS4 acc = 0;
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = data;
        for (Py_ssize_t i = a; i < b; i++)
            acc |= p[i];
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *p = data;
        for (Py_ssize_t i = a; i < b; i++)
            acc |= p[i];
    } else {
        const Py_UCS4 *p = data;
        for (Py_ssize_t i = a; i < b; i++)
            acc |= p[i];
    }
    return acc;
}

/* Applies edits, made on the UTF-8 u[0..ulen) of text, to text. Returns a
 * new str, or NULL with an exception set. */
static PyObject *
splice_edits(PyObject *text, const char *u, size_t ulen, const vnt_edits *ed)
{
    PyObject *result = NULL;
    Py_ssize_t *cps = NULL;   /* per edit: code-point start and end in text */
    Py_UCS4 *repl = NULL;     /* all replacements, decoded */
    Py_ssize_t *rstart = NULL; /* per edit: its first code point in repl */
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    size_t ne = ed->len;

    if (ne > (size_t)PY_SSIZE_T_MAX / (3 * sizeof(Py_ssize_t)) ||
        ed->text.len > (size_t)PY_SSIZE_T_MAX / sizeof(Py_UCS4) - 1) {
        PyErr_NoMemory();
        goto done;
    }
    cps = malloc((2 * ne + 1) * sizeof *cps);
    rstart = malloc((ne + 1) * sizeof *rstart);
    repl = malloc((ed->text.len + 1) * sizeof *repl);
    if (cps == NULL || rstart == NULL || repl == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    /* where the edits are in code points, the new length, the widest char */
    size_t bpos = 0;
    Py_ssize_t cpos = 0, newlen = n, rpos = 0, kept_from = 0;
    Py_UCS4 acc = 0;
    for (size_t k = 0; k < ne; k++) {
        const vnt_edit *x = &ed->items[k];
        if (x->start < bpos || x->end < x->start || x->end > ulen) {
            PyErr_SetString(PyExc_SystemError, "vntext: edits out of order");
            goto done;
        }
        cpos += count_code_points(u + bpos, x->start - bpos);
        cps[2 * k] = cpos;
        cpos += count_code_points(u + x->start, x->end - x->start);
        cps[2 * k + 1] = cpos;
        bpos = x->end;
        acc |= or_code_points(kind, data, kept_from, cps[2 * k]);
        kept_from = cps[2 * k + 1];
        rstart[k] = rpos;
        Py_ssize_t r = decode_utf8_valid(ed->text.data + x->repl, x->repl_len, repl + rpos);
        for (Py_ssize_t j = rpos; j < rpos + r; j++)
            acc |= repl[j];
        rpos += r;
        newlen += r - (cps[2 * k + 1] - cps[2 * k]);
    }
    rstart[ne] = rpos;
    acc |= or_code_points(kind, data, kept_from, n);
    result = PyUnicode_New(newlen, acc >= 0x10000 ? 0x10FFFF : acc);
    if (result == NULL)
        goto done;
    /* copy: kept stretches from text, replacements from repl */
    int okind = PyUnicode_KIND(result);
    void *odata = PyUnicode_DATA(result);
    Py_ssize_t out = 0;
    kept_from = 0;
    for (size_t k = 0; k <= ne; k++) {
        Py_ssize_t kept_to = k < ne ? cps[2 * k] : n;
        if (kept_to > kept_from) {
            if (PyUnicode_CopyCharacters(result, out, text, kept_from, kept_to - kept_from) < 0) {
                Py_CLEAR(result);
                goto done;
            }
            out += kept_to - kept_from;
        }
        if (k == ne)
            break;
        for (Py_ssize_t j = rstart[k]; j < rstart[k + 1]; j++)
            PyUnicode_WRITE(okind, odata, out++, repl[j]);
        kept_from = cps[2 * k + 1];
    }
done:
    free(cps);
    free(rstart);
    free(repl);
    return result;
}

#endif /* VNTEXT_STRCONV_H */
