/* Output buffers, status messages and version strings. */
#include <stdlib.h>

#include <utf8proc.h>

#include "internal.h"

const char *vnt_strerror(vnt_status status)
{
    switch (status) {
    case VNT_OK:
        return "success";
    case VNT_ERR_NOMEM:
        return "out of memory";
    case VNT_ERR_INVALID_UTF8:
        return "input is not valid UTF-8";
    case VNT_ERR_INVALID_ARG:
        return "invalid argument";
    case VNT_ERR_TOO_LARGE:
        return "input too large";
    case VNT_ERR_UNMAPPABLE:
        return "byte or character has no mapping in this encoding";
    case VNT_ERR_UNICODE:
        return "Unicode processing failed";
    case VNT_ERR_FORMAT:
        return "not a valid vntext model file: malformed, of another file version (version "
               VNT__MODEL_VERSION_STR " is read; retrain with tools/train_segmenter.py), or built "
               "for another syllable parser";
    }
    return "unknown status";
}

const char *vnt_utf8proc_version(void) { return utf8proc_version(); }

const char *vnt_unicode_version(void) { return utf8proc_unicode_version(); }

void vnt_buf_init(vnt_buf *buf)
{
    buf->data = NULL;
    buf->len = 0;
    buf->cap = 0;
}

void vnt_buf_free(vnt_buf *buf)
{
    if (buf == NULL)
        return;
    free(buf->data);
    vnt_buf_init(buf);
}

void vnt_buf_clear(vnt_buf *buf) { buf->len = 0; }

vnt_status vnt_buf_reserve(vnt_buf *buf, size_t extra)
{
    if (buf == NULL)
        return VNT_ERR_INVALID_ARG;
    if (buf->cap - buf->len >= extra)
        return VNT_OK;
    if (extra > SIZE_MAX / 2 - buf->len)
        return VNT_ERR_TOO_LARGE;
    size_t need = buf->len + extra;
    size_t cap = buf->cap ? buf->cap : 64;
    while (cap < need)
        cap = cap + cap / 2 + 64;
    char *p = realloc(buf->data, cap);
    if (p == NULL)
        return VNT_ERR_NOMEM;
    buf->data = p;
    buf->cap = cap;
    return VNT_OK;
}

vnt_status vnt_buf_append(vnt_buf *buf, const char *s, size_t len)
{
    if (s == NULL && len != 0)
        return VNT_ERR_INVALID_ARG;
    vnt_status st = vnt_buf_reserve(buf, len);
    if (st != VNT_OK)
        return st;
    if (len)
        memcpy(buf->data + buf->len, s, len);
    buf->len += len;
    return VNT_OK;
}

int vnt__utf8_valid(const char *s, size_t len, size_t *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t n = vnt__utf8_decode(u, len, i, &cp);
        if (n == 0) {
            if (bad)
                *bad = i;
            return 0;
        }
        i += n;
    }
    return 1;
}
