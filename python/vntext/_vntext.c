/* _vntext: the CPython binding of the vntext C library.
 *
 * Multi-phase initialisation with a per-module state. Every function takes
 * its arguments, turns them into (pointer, length) pairs of UTF-8 or bytes,
 * calls the C library, and builds a str from the vnt_buf it filled. All
 * vnt_status values become Python exceptions in one place: raise_status().
 * The GIL is released only around calls into the C library, and only for
 * inputs of at least NOGIL_MIN bytes (SEG_NOGIL_MIN for word segmentation),
 * where the saving outweighs the cost.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <string.h>

#include "vntext.h"
#include "strconv.h"

/* Inputs of at least this many bytes are processed without the GIL. */
#define NOGIL_MIN ((Py_ssize_t)64 * 1024)
/* The same for word segmentation, which costs some 35 ns a byte: 256 bytes
 * take about 9 us, against a fraction of a microsecond to let the GIL go
 * and take it back, and threads that segment paragraphs or documents run
 * side by side (tests/test_segment.py, README). */
#define SEG_NOGIL_MIN ((Py_ssize_t)256)

/* Runs stmt (a pure C call that touches no Python object) without the GIL
 * when n is at least min. */
#define MAYBE_NOGIL_AT(min, n, stmt)                                           \
    do {                                                                       \
        if ((Py_ssize_t)(n) >= (min)) {                                        \
            Py_BEGIN_ALLOW_THREADS stmt;                                       \
            Py_END_ALLOW_THREADS                                               \
        } else {                                                               \
            stmt;                                                              \
        }                                                                      \
    } while (0)
#define MAYBE_NOGIL(n, stmt) MAYBE_NOGIL_AT(NOGIL_MIN, n, stmt)

/* ------------------------------------------------------------------------
 * Module state
 * ---------------------------------------------------------------------- */

typedef struct {
    PyObject *segmenter_type;    /* vntext.Segmenter */
    PyObject *default_segmenter; /* made on first use of word_tokenize() */
    /* The fixed_words (a tuple) of the last module-level call that had
     * some, and the default segmenter with them as its user_dict. */
    PyObject *fixed_words;
    PyObject *fixed_segmenter;
    /* Segmenters made again by pickle (_restore_segmenter), the most
     * recent last: a worker process that is sent the same Segmenter with
     * every task loads its model once. */
    PyObject *restored;
    /* os and io.open, taken when the module is imported, so that a first
     * Segmenter needs no import (at interpreter shutdown there is none) */
    PyObject *os_module;
    PyObject *io_open;
    /* the UTF-8 buffer of the last sent_tokenize, sent_spans, normalize
     * or remove_accents (strconv.h) */
    utf8_spare spare;
} vntext_state;

static inline vntext_state *
get_state(PyObject *module)
{
    void *state = PyModule_GetState(module);
    assert(state != NULL);
    return (vntext_state *)state;
}

/* ------------------------------------------------------------------------
 * Errors
 * ---------------------------------------------------------------------- */

/* What a failing call was doing, for the message of its exception. */
typedef struct {
    const char *func;     /* name of the Python function */
    const char *encoding; /* legacy decoding: name of the encoding, else NULL */
    const char *data;     /* legacy decoding: the bytes being decoded */
    size_t len;
    PyObject *text;       /* cp1252 recovery: the str that was given, else NULL */
    Py_ssize_t pos;       /* offset of the offending byte (or character in
                             text), or -1 when unknown */
} err_ctx;

#define ERR_CTX(name) {(name), NULL, NULL, 0, NULL, -1}

/* Sets the Python exception for a failed status and returns NULL. This is
 * the only place where a vnt_status becomes an exception. */
static PyObject *
raise_status(vnt_status st, const err_ctx *ctx)
{
    const char *msg = vnt_strerror(st);

    switch (st) {
    case VNT_ERR_NOMEM:
        return PyErr_NoMemory();
    case VNT_ERR_TOO_LARGE:
        PyErr_Format(PyExc_OverflowError, "%s(): %s", ctx->func, msg);
        return NULL;
    case VNT_ERR_UNMAPPABLE:
        if (ctx->pos >= 0 && ctx->encoding != NULL && (size_t)ctx->pos < ctx->len) {
            char reason[64];
            PyObject *exc;
            PyOS_snprintf(reason, sizeof reason, "byte not defined in %s",
                          ctx->encoding);
            exc = PyUnicodeDecodeError_Create(ctx->encoding, ctx->data,
                                              (Py_ssize_t)ctx->len, ctx->pos,
                                              ctx->pos + 1, reason);
            if (exc != NULL) {
                PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
                Py_DECREF(exc);
            }
            return NULL;
        }
        if (ctx->pos >= 0 && ctx->text != NULL &&
            ctx->pos < PyUnicode_GET_LENGTH(ctx->text)) {
            PyObject *ch = PyUnicode_Substring(ctx->text, ctx->pos, ctx->pos + 1);
            if (ch == NULL)
                return NULL;
            PyErr_Format(PyExc_ValueError,
                         "%s() argument 'data': character %R at position %zd has no "
                         "byte in Windows-1252, so the str is not legacy bytes read as "
                         "Windows-1252; pass the original bytes instead",
                         ctx->func, ch, ctx->pos);
            Py_DECREF(ch);
            return NULL;
        }
        PyErr_Format(PyExc_ValueError, "%s(): %s", ctx->func, msg);
        return NULL;
    case VNT_OK:
        PyErr_Format(PyExc_SystemError, "%s(): error raised for a success",
                     ctx->func);
        return NULL;
    case VNT_ERR_INVALID_UTF8:
    case VNT_ERR_INVALID_ARG:
    case VNT_ERR_UNICODE:
    default:
        PyErr_Format(PyExc_ValueError, "%s(): %s", ctx->func, msg);
        return NULL;
    }
}

/* ------------------------------------------------------------------------
 * Argument helpers
 * ---------------------------------------------------------------------- */

/* Arguments of a METH_FASTCALL | METH_KEYWORDS function: fills out[0..n)
 * from the positional arguments, then the keyword arguments by name. The
 * first nrequired must be given; the others stay NULL when absent. */
static int
parse_args(const char *func, PyObject *const *args, Py_ssize_t nargs,
           PyObject *kwnames, const char *const *names, int n, int nrequired,
           PyObject **out)
{
    Py_ssize_t nkw = kwnames != NULL ? PyTuple_GET_SIZE(kwnames) : 0;

    for (int i = 0; i < n; i++)
        out[i] = NULL;
    if (nargs > n) {
        PyErr_Format(PyExc_TypeError,
                     "%s() takes at most %d argument%s (%zd given)", func, n,
                     n == 1 ? "" : "s", nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++)
        out[i] = args[i];
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int i = 0;
        while (i < n && PyUnicode_CompareWithASCIIString(key, names[i]) != 0)
            i++;
        if (i == n) {
            PyErr_Format(PyExc_TypeError,
                         "%s() got an unexpected keyword argument '%S'", func, key);
            return -1;
        }
        if (out[i] != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "%s() got multiple values for argument '%s'", func,
                         names[i]);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    for (int i = 0; i < nrequired; i++) {
        if (out[i] == NULL) {
            PyErr_Format(PyExc_TypeError,
                         "%s() missing required argument '%s' (pos %d)", func,
                         names[i], i + 1);
            return -1;
        }
    }
    return 0;
}

/* When the exception set is the UnicodeEncodeError of a lone surrogate in
 * str argument arg of func, replaces it with one whose message also names
 * the function and the argument (same type, object and position). */
static void
name_surrogate(const char *func, const char *arg)
{
    PyObject *type, *value, *tb, *obj = NULL, *named = NULL;
    Py_ssize_t start, end;
    char reason[160];

    if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
        return;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (value == NULL || PyUnicodeEncodeError_GetStart(value, &start) < 0 ||
        PyUnicodeEncodeError_GetEnd(value, &end) < 0 ||
        (obj = PyUnicodeEncodeError_GetObject(value)) == NULL) {
        PyErr_Clear();
        goto keep;
    }
    PyOS_snprintf(reason, sizeof reason,
                  "%s() argument '%s' holds a lone surrogate, which is not text", func, arg);
    named = PyObject_CallFunction(PyExc_UnicodeEncodeError, "sOnns", "utf-8", obj, start, end,
                                  reason);
    Py_DECREF(obj);
    if (named == NULL) {
        PyErr_Clear();
        goto keep;
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    PyErr_SetObject(PyExc_UnicodeEncodeError, named);
    Py_DECREF(named);
    return;
keep: /* the original exception stands */
    PyErr_Restore(type, value, tb);
}

/* 0 when obj is a str, else -1 with a TypeError naming the function and
 * the argument. */
static int
str_arg(PyObject *obj, const char *func, const char *arg)
{
    if (PyUnicode_Check(obj))
        return 0;
    PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be str, not %.200s", func, arg,
                 Py_TYPE(obj)->tp_name);
    return -1;
}

/* The UTF-8 of a str argument (cached in the object, valid while it lives).
 * Lone surrogates raise UnicodeEncodeError naming the argument. */
static const char *
text_arg(PyObject *obj, const char *func, const char *arg, Py_ssize_t *len)
{
    const char *s;

    if (str_arg(obj, func, arg) < 0)
        return NULL;
    if ((s = PyUnicode_AsUTF8AndSize(obj, len)) == NULL)
        name_surrogate(func, arg);
    return s;
}

/* utf8_view_of() for the argument 'text' of func: anything but a str
 * raises TypeError, and lone surrogates UnicodeEncodeError, naming the
 * argument. */
static int
text_view(PyObject *obj, const char *func, utf8_view *v, utf8_spare *spare)
{
    if (str_arg(obj, func, "text") < 0)
        return -1;
    if (utf8_view_of(obj, v, spare) == 0)
        return 0;
    name_surrogate(func, "text");
    return -1;
}

/* An argument that must be one of the strs names[0..n) (or None, when
 * none_ok): *out gets its index, or dflt when the argument is missing or
 * None. The messages name the function, the argument and the choices. */
static int
choice_arg(PyObject *obj, const char *func, const char *arg, const char *const *names, int n,
           int none_ok, int dflt, int *out)
{
    char allowed[128];
    size_t used = 0;

    *out = dflt;
    if (obj == NULL || (none_ok && obj == Py_None))
        return 0;
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be %sstr, not %.200s", func,
                     arg, none_ok ? "None or " : "", Py_TYPE(obj)->tp_name);
        return -1;
    }
    for (int i = 0; i < n; i++)
        if (PyUnicode_CompareWithASCIIString(obj, names[i]) == 0) {
            *out = i;
            return 0;
        }
    /* "'a' or 'b'", "None or 'a'", "'a', 'b' or 'c'" */
    allowed[0] = '\0';
    for (int i = 0; i < n; i++) {
        int w = PyOS_snprintf(allowed + used, sizeof allowed - used, "%s'%s'",
                              i == 0 ? (none_ok ? "None or " : "")
                                     : i + 1 == n ? " or " : ", ",
                              names[i]);
        if (w < 0 || (size_t)w >= sizeof allowed - used)
            break;
        used += (size_t)w;
    }
    PyErr_Format(PyExc_ValueError, "%s() argument '%s' must be %s, not %R", func, arg, allowed,
                 obj);
    return -1;
}

static int
style_arg(PyObject *obj, const char *func, vnt_style *style)
{
    static const char *const names[] = {"traditional", "modern"};
    static const vnt_style values[] = {VNT_STYLE_TRADITIONAL, VNT_STYLE_MODERN};
    int i;
    if (choice_arg(obj, func, "style", names, 2, 0, 0, &i) < 0)
        return -1;
    *style = values[i];
    return 0;
}

static int
encoding_arg(PyObject *obj, const char *func, vnt_encoding *enc)
{
    const char *name;
    Py_ssize_t len;
    int found;
    char allowed[256];
    size_t used = 0;

    name = text_arg(obj, func, "encoding", &len);
    if (name == NULL)
        return -1;
    found = vnt_encoding_from_name(name, (size_t)len);
    if (found >= 0 && found < VNT_ENC_COUNT) {
        *enc = (vnt_encoding)found;
        return 0;
    }
    allowed[0] = '\0';
    for (int i = 0; i < VNT_ENC_COUNT; i++) {
        const char *n = vnt_encoding_name((vnt_encoding)i);
        int w;
        if (n == NULL)
            continue;
        w = PyOS_snprintf(allowed + used, sizeof allowed - used, "%s'%s'",
                          used ? ", " : "", n);
        if (w < 0 || (size_t)w >= sizeof allowed - used)
            break;
        used += (size_t)w;
    }
    PyErr_Format(PyExc_ValueError,
                 "%s() argument 'encoding' must be one of %s, not %R", func,
                 allowed, obj);
    return -1;
}

static int
errors_arg(PyObject *obj, const char *func, int *flags)
{
    static const char *const names[] = {"strict", "replace"};
    static const int values[] = {VNT_DECODE_STRICT, VNT_DECODE_REPLACE};
    int i;
    if (choice_arg(obj, func, "errors", names, 2, 0, 0, &i) < 0)
        return -1;
    *flags = values[i];
    return 0;
}

/* Legacy bytes from a bytes-like object, or from a str holding those bytes
 * mis-read as Windows-1252. Release with bytes_arg_release(). */
typedef struct {
    Py_buffer view; /* when the argument is bytes-like */
    int have_view;
    vnt_buf recovered; /* when the argument is a str */
    const char *data;
    size_t len;
} bytes_arg;

static void
bytes_arg_init(bytes_arg *b)
{
    memset(b, 0, sizeof *b);
    vnt_buf_init(&b->recovered);
}

static void
bytes_arg_release(bytes_arg *b)
{
    if (b->have_view) {
        PyBuffer_Release(&b->view);
        b->have_view = 0;
    }
    vnt_buf_free(&b->recovered);
    b->data = NULL;
    b->len = 0;
}

/* Returns 0 on success, -1 with an exception set. When the str has a
 * character with no Windows-1252 byte and unmappable_ok is set, returns 1
 * with no exception. */
static int
bytes_arg_get(PyObject *obj, const char *func, int unmappable_ok, bytes_arg *b)
{
    if (PyUnicode_Check(obj)) {
        utf8_view u = UTF8_VIEW_INIT;
        size_t err_pos = 0;
        vnt_status st;
        err_ctx ctx = ERR_CTX(func);

        /* a view, not PyUnicode_AsUTF8AndSize, which would leave a UTF-8
         * copy on the caller's str */
        if (utf8_view_of(obj, &u, NULL) < 0) {
            name_surrogate(func, "data");
            return -1;
        }
        MAYBE_NOGIL(u.len, st = vnt_cp1252_to_bytes(u.data, (size_t)u.len, &b->recovered,
                                                    &err_pos));
        if (st == VNT_ERR_UNMAPPABLE && unmappable_ok) {
            utf8_view_release(&u);
            return 1;
        }
        if (st != VNT_OK) {
            if (st == VNT_ERR_UNMAPPABLE && err_pos < (size_t)u.len) {
                /* A byte offset in the UTF-8: the characters before it. */
                ctx.text = obj;
                ctx.pos = count_code_points(u.data, err_pos);
            }
            utf8_view_release(&u);
            raise_status(st, &ctx);
            return -1;
        }
        utf8_view_release(&u);
        b->data = b->recovered.len ? b->recovered.data : "";
        b->len = b->recovered.len;
        return 0;
    }
    if (!PyObject_CheckBuffer(obj)) {
        PyErr_Format(PyExc_TypeError,
                     "%s() argument 'data' must be a bytes-like object or str, "
                     "not %.200s",
                     func, Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (PyObject_GetBuffer(obj, &b->view, PyBUF_SIMPLE) < 0) {
        if (PyErr_ExceptionMatches(PyExc_BufferError)) { /* a strided view */
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError,
                         "%s() argument 'data' must be a contiguous bytes-like object or "
                         "str, not a non-contiguous %.200s",
                         func, Py_TYPE(obj)->tp_name);
        }
        return -1;
    }
    b->have_view = 1;
    b->data = b->view.len ? (const char *)b->view.buf : "";
    b->len = (size_t)b->view.len;
    return 0;
}

/* A new str from the UTF-8 in buf. */
static PyObject *
buf_to_str(const vnt_buf *buf)
{
    if (buf->len > (size_t)PY_SSIZE_T_MAX) {
        PyErr_NoMemory();
        return NULL;
    }
    return str_from_utf8(buf->len ? buf->data : "", buf->len);
}

/* ------------------------------------------------------------------------
 * Functions
 * ---------------------------------------------------------------------- */

PyDoc_STRVAR(normalize__doc__,
"normalize($module, /, text, style='traditional')\n"
"--\n"
"\n"
"Put the tone marks of Vietnamese text in one canonical place.\n"
"\n"
"Each Vietnamese syllable is rewritten in NFC with its tone mark placed\n"
"by style; misplaced tones ('qúy' -> 'quý', 'gìa' -> 'già'), decomposed\n"
"(NFD) letters and a tone typed after the final consonant are repaired.\n"
"Everything else is only put in NFC: spacing, punctuation, other\n"
"languages, URLs, e-mail addresses and identifiers keep their letters.\n"
"\n"
"style is 'traditional' (the default: hòa, thủy, khỏe, the tone on the\n"
"first vowel of an open oa/oe/uy) or 'modern' (hoà, thuỷ, khoẻ).\n"
"\n"
"When nothing changes, the very same object is returned for a str (a\n"
"subclass of str gets a copy).\n"
"\n"
">>> normalize('Chúc mừng năm mới, chúc mọi người khoẻ mạnh và hoà thuận')\n"
"'Chúc mừng năm mới, chúc mọi người khỏe mạnh và hòa thuận'\n"
">>> normalize('sức khỏe', style='modern')\n"
"'sức khoẻ'\n"
">>> normalize('qúy')\n"
"'quý'\n");

/* normalize() of the str text, for func: a new reference, to text itself
 * when nothing changes (to a plain str copy of a subclass). */
static PyObject *
normalized(PyObject *text, const char *func, vnt_style style, utf8_spare *spare)
{
    PyObject *result;
    vnt_status st;
    utf8_view u = UTF8_VIEW_INIT;
    vnt_edits edits;
    err_ctx ctx = ERR_CTX(func);

    vnt_edits_init(&edits);
    /* ASCII has no tone marks and is already NFC */
    if (!PyUnicode_IS_ASCII(text)) {
        if (text_view(text, func, &u, spare) < 0)
            goto error;
        MAYBE_NOGIL(u.len, st = vnt_normalize_edits(u.data, (size_t)u.len, style, &edits));
        if (st != VNT_OK) {
            raise_status(st, &ctx);
            goto error;
        }
    }
    if (edits.len > 0) {
        result = splice_edits(text, u.data, (size_t)u.len, &edits);
    } else if (PyUnicode_CheckExact(text)) {
        Py_INCREF(text);
        result = text;
    } else {
        result = PyUnicode_FromObject(text); /* a plain str copy of a subclass */
    }
    if (result == NULL)
        goto error;
    utf8_view_release(&u);
    vnt_edits_free(&edits);
    return result;

error:
    utf8_view_release(&u);
    vnt_edits_free(&edits);
    return NULL;
}

static PyObject *
vntext_normalize(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
    PyObject *kwnames)
{
    static const char *const names[] = {"text", "style"};
    PyObject *argv[2];
    vnt_style style;

    if (parse_args("normalize", args, nargs, kwnames, names, 2, 1, argv) < 0)
        return NULL;
    if (str_arg(argv[0], "normalize", "text") < 0 || style_arg(argv[1], "normalize", &style) < 0)
        return NULL;
    return normalized(argv[0], "normalize", style, &get_state(module)->spare);
}

PyDoc_STRVAR(remove_accents__doc__,
"remove_accents($module, /, text)\n"
"--\n"
"\n"
"Remove Vietnamese tone and letter marks, and map đ/Đ to d/D (and the\n"
"eth ð/Ð that converted text writes for them, in a Vietnamese syllable).\n"
"\n"
"Marks that no Vietnamese letter carries (ñ, ü, ç) and other scripts are\n"
"kept. The result is in NFC.\n"
"\n"
">>> remove_accents('Tiếng Việt có dấu')\n"
"'Tieng Viet co dau'\n"
">>> remove_accents('Đà Nẵng, señor')\n"
"'Da Nang, señor'\n");

static PyObject *
vntext_remove_accents(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
    PyObject *kwnames)
{
    static const char *const names[] = {"text"};
    PyObject *text, *result;
    utf8_view u = UTF8_VIEW_INIT;
    vnt_status st;
    vnt_buf out;
    err_ctx ctx = ERR_CTX("remove_accents");

    vnt_buf_init(&out);
    if (parse_args("remove_accents", args, nargs, kwnames, names, 1, 1, &text) < 0)
        goto error;
    /* a view, not PyUnicode_AsUTF8AndSize, which would leave a UTF-8 copy
     * on the caller's str for as long as it lives */
    if (text_view(text, "remove_accents", &u, &get_state(module)->spare) < 0)
        goto error;
    MAYBE_NOGIL(u.len, st = vnt_remove_accents(u.data, (size_t)u.len, &out));
    if (st != VNT_OK) {
        raise_status(st, &ctx);
        goto error;
    }
    if (PyUnicode_CheckExact(text) && out.len == (size_t)u.len &&
        (u.len == 0 || memcmp(out.data, u.data, (size_t)u.len) == 0)) {
        Py_INCREF(text);
        result = text;
    } else {
        result = buf_to_str(&out);
    }
    if (result == NULL)
        goto error;
    utf8_view_release(&u);
    vnt_buf_free(&out);
    return result;

error:
    utf8_view_release(&u);
    vnt_buf_free(&out);
    return NULL;
}

PyDoc_STRVAR(decode_legacy__doc__,
"decode_legacy($module, /, data, encoding, errors='strict')\n"
"--\n"
"\n"
"Decode text in a pre-Unicode Vietnamese encoding.\n"
"\n"
"data is bytes-like, or a str that is such bytes mis-read as Windows-1252\n"
"(the usual mojibake: 'Tieáng Vieät' for VNI); such a str is first turned\n"
"back into its bytes.\n"
"\n"
"encoding is one of 'tcvn3', 'vni', 'viqr', 'viscii', 'vps', 'cp1258'.\n"
"errors is 'strict' (an undefined byte raises UnicodeDecodeError) or\n"
"'replace' (it becomes U+FFFD). The result is in NFC; tone placement is\n"
"kept as written (use normalize() for that).\n"
"\n"
">>> decode_legacy(b'Ti\\xd5ng Vi\\xd6t', 'tcvn3')\n"
"'Tiếng Việt'\n"
">>> decode_legacy('Tieáng Vieät', 'vni')\n"
"'Tiếng Việt'\n");

static PyObject *
vntext_decode_legacy(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
    PyObject *kwnames)
{
    static const char *const names[] = {"data", "encoding", "errors"};
    PyObject *argv[3], *data_obj, *result;
    vnt_encoding enc;
    int flags;
    size_t err_pos = (size_t)-1;
    vnt_status st;
    bytes_arg in;
    vnt_buf out;
    err_ctx ctx = ERR_CTX("decode_legacy");

    (void)module;
    bytes_arg_init(&in);
    vnt_buf_init(&out);
    if (parse_args("decode_legacy", args, nargs, kwnames, names, 3, 2, argv) < 0)
        goto error;
    data_obj = argv[0];
    if (!PyUnicode_Check(data_obj) && !PyObject_CheckBuffer(data_obj)) {
        /* Checked first so that a wrong data type is reported first. */
        bytes_arg_get(data_obj, "decode_legacy", 0, &in);
        goto error;
    }
    if (encoding_arg(argv[1], "decode_legacy", &enc) < 0)
        goto error;
    if (errors_arg(argv[2], "decode_legacy", &flags) < 0)
        goto error;
    if (bytes_arg_get(data_obj, "decode_legacy", 0, &in) != 0)
        goto error;
    MAYBE_NOGIL(in.len, st = vnt_decode_legacy(in.data, in.len, enc, flags, &out,
                                               &err_pos));
    if (st != VNT_OK) {
        ctx.encoding = vnt_encoding_name(enc);
        ctx.data = in.data;
        ctx.len = in.len;
        if (err_pos < in.len)
            ctx.pos = (Py_ssize_t)err_pos;
        raise_status(st, &ctx);
        goto error;
    }
    result = buf_to_str(&out);
    if (result == NULL)
        goto error;
    bytes_arg_release(&in);
    vnt_buf_free(&out);
    return result;

error:
    bytes_arg_release(&in);
    vnt_buf_free(&out);
    return NULL;
}

PyDoc_STRVAR(detect_legacy__doc__,
"detect_legacy($module, /, data)\n"
"--\n"
"\n"
"Guess the pre-Unicode Vietnamese encoding of data.\n"
"\n"
"data is bytes-like, or a str that is legacy bytes mis-read as\n"
"Windows-1252. Returns the encoding name for decode_legacy() ('tcvn3',\n"
"'vni', 'viqr', 'viscii', 'vps' or 'cp1258'), or None when the data look\n"
"like UTF-8, ASCII without VIQR marks or nothing recognisable (a str\n"
"with characters outside Windows-1252 is proper Unicode already, and\n"
"gives None).\n"
"\n"
">>> detect_legacy('Tieáng Vieät laø ngoân ngöõ cuûa ngöôøi Vieät')\n"
"'vni'\n"
">>> detect_legacy('Tiếng Việt') is None\n"
"True\n");

static PyObject *
vntext_detect_legacy(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
    PyObject *kwnames)
{
    static const char *const names[] = {"data"};
    PyObject *data_obj;
    const char *name;
    int enc = -1, got;
    vnt_status st;
    bytes_arg in;
    err_ctx ctx = ERR_CTX("detect_legacy");

    (void)module;
    bytes_arg_init(&in);
    if (parse_args("detect_legacy", args, nargs, kwnames, names, 1, 1, &data_obj) < 0)
        goto error;
    got = bytes_arg_get(data_obj, "detect_legacy", 1, &in);
    if (got < 0)
        goto error;
    if (got > 0) { /* a str that cannot be mis-read legacy bytes */
        bytes_arg_release(&in);
        Py_RETURN_NONE;
    }
    MAYBE_NOGIL(in.len, st = vnt_detect_legacy(in.data, in.len, &enc));
    if (st != VNT_OK) {
        raise_status(st, &ctx);
        goto error;
    }
    bytes_arg_release(&in);
    if (enc < 0)
        Py_RETURN_NONE;
    name = vnt_encoding_name((vnt_encoding)enc);
    if (name == NULL) {
        PyErr_Format(PyExc_SystemError,
                     "detect_legacy(): the library returned encoding %d", enc);
        return NULL;
    }
    return PyUnicode_FromString(name);

error:
    bytes_arg_release(&in);
    return NULL;
}

/* Sentence spans of text as byte offsets into the UTF-8 u, in out. */
static int
sentence_spans(PyObject *text, const char *func, utf8_view *u, utf8_spare *spare, vnt_spans *out)
{
    vnt_tokens toks;
    vnt_status st;
    err_ctx ctx = ERR_CTX(func);

    if (text_view(text, func, u, spare) < 0)
        return -1;
    vnt_tokens_init(&toks);
    MAYBE_NOGIL(u->len, st = vnt_sentences(u->data, (size_t)u->len, &toks, out));
    vnt_tokens_free(&toks);
    if (st != VNT_OK) {
        raise_status(st, &ctx);
        return -1;
    }
    return 0;
}

/* Turns the byte offsets of spans (in order, into u) into code-point
 * offsets of the str, in place, in one pass over the bytes. */
static void
spans_to_code_points(PyObject *text, const utf8_view *u, vnt_spans *spans)
{
    size_t byte = 0;
    size_t cp = 0;

    if (PyUnicode_IS_ASCII(text))
        return;
    const int fast = count_fast();
    /* not ASCII: u is the binding's own buffer, with slack past its end
     * for count_code_points_short (words are short) */
    for (size_t k = 0; k < spans->len; k++) {
        vnt_span *sp = &spans->items[k];
        size_t n = sp->start - byte;
        cp += (size_t)(n <= 16 ? count_code_points_short(u->data + byte, n)
                               : count_code_points_by(u->data + byte, n, fast));
        byte = sp->start;
        sp->start = cp;
        n = sp->end - byte;
        cp += (size_t)(n <= 16 ? count_code_points_short(u->data + byte, n)
                               : count_code_points_by(u->data + byte, n, fast));
        byte = sp->end;
        sp->end = cp;
    }
}

/* The tuple (a, b). */
static PyObject *
span_tuple(Py_ssize_t a, Py_ssize_t b)
{
    PyObject *pa = PyLong_FromSsize_t(a), *pb = PyLong_FromSsize_t(b);
    PyObject *t = pa != NULL && pb != NULL ? PyTuple_New(2) : NULL;
    if (t == NULL) {
        Py_XDECREF(pa);
        Py_XDECREF(pb);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, pa);
    PyTuple_SET_ITEM(t, 1, pb);
    /* two ints can be part of no cycle: the collector need not visit the
     * tuple (CPython itself untracks such tuples, but only when a
     * collection has visited them once) */
    PyObject_GC_UnTrack(t);
    return t;
}

/* The list that spans (byte offsets into u, the UTF-8 of text) become:
 * the substrings of text when as_str, else (start, end) code-point offsets.
 * Converts the offsets in place. */
static PyObject *
spans_to_list(PyObject *text, const utf8_view *u, vnt_spans *spans, int as_str)
{
    PyObject *result;

    spans_to_code_points(text, u, spans);
    if (spans->len > (size_t)PY_SSIZE_T_MAX)
        return PyErr_NoMemory();
    result = PyList_New((Py_ssize_t)spans->len);
    if (result == NULL)
        return NULL;
    for (size_t k = 0; k < spans->len; k++) {
        Py_ssize_t a = (Py_ssize_t)spans->items[k].start, b = (Py_ssize_t)spans->items[k].end;
        PyObject *item = as_str ? PyUnicode_Substring(text, a, b) : span_tuple(a, b);
        if (item == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyList_SET_ITEM(result, (Py_ssize_t)k, item);
    }
    return result;
}

/* The text format (words joined by ' ', the pieces of a word by '_') from
 * the pieces of the words and the words, byte spans into u, the UTF-8 of
 * text. The pieces are copied from text's own storage, so nothing is
 * decoded; the result's kind comes from the OR of the code points copied
 * (read only until one needs the kind of text itself). Converts the
 * offsets of pieces in place. */
static PyObject *
pieces_to_text(PyObject *text, const utf8_view *u, vnt_spans *pieces, const vnt_spans *words)
{
    const size_t np = pieces->len;
    PyObject *result = NULL;
    uint8_t local[256];
    /* 1 where a piece begins a word; on the stack for a sentence or two */
    uint8_t *starts = np < sizeof local ? local : malloc(np + 1);
    if (starts == NULL)
        return PyErr_NoMemory();
    for (size_t k = 0, j = 0; k < np; k++) {
        starts[k] = j < words->len && pieces->items[k].start == words->items[j].start;
        j += starts[k];
    }
    spans_to_code_points(text, u, pieces);
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_UCS4 top = kind_floor(kind);
    const int ascii = PyUnicode_IS_ASCII(text);
    Py_ssize_t total = np > 0 ? (Py_ssize_t)np - 1 : 0;
    Py_UCS4 acc = np > 1 ? '_' | ' ' : 0;
    for (size_t k = 0; k < np; k++) {
        Py_ssize_t a = (Py_ssize_t)pieces->items[k].start, b = (Py_ssize_t)pieces->items[k].end;
        total += b - a;
        if (acc <= top && !ascii)
            acc |= or_code_points(kind, data, a, b);
    }
    result = PyUnicode_New(total, acc >= 0x10000 ? 0x10FFFF : acc);
    if (result == NULL)
        goto done;
    const int okind = PyUnicode_KIND(result);
    char *odata = PyUnicode_DATA(result);
    Py_ssize_t out = 0;
    for (size_t k = 0; k < np; k++) {
        Py_ssize_t a = (Py_ssize_t)pieces->items[k].start, b = (Py_ssize_t)pieces->items[k].end;
        if (k > 0)
            PyUnicode_WRITE(okind, odata, out++, starts[k] ? ' ' : '_');
        if (okind == kind) {
            memcpy(odata + out * kind, (const char *)data + a * kind, (size_t)(b - a) * kind);
        } else if (PyUnicode_CopyCharacters(result, out, text, a, b - a) < 0) {
            Py_CLEAR(result);
            goto done;
        }
        out += b - a;
    }
done:
    if (starts != local)
        free(starts);
    return result;
}

PyDoc_STRVAR(sent_tokenize__doc__,
"sent_tokenize($module, /, text)\n"
"--\n"
"\n"
"Split text into sentences.\n"
"\n"
"Returns the sentences in order, each exactly as written in text with the\n"
"white space around it left out. A sentence ends at . ? ! ... and their\n"
"combinations (?!, ./.) together with the closing quotes and brackets\n"
"after them, when what follows can start a sentence; at every line break;\n"
"and at the end of the text. Emoji and emoticons after a mark stay with\n"
"its sentence; after words they end it before a word that surely starts\n"
"one. Abbreviations (TP., GS., v.v.), initials\n"
"(N. V. Nam), numbers (1.500, 3.5, 2.0.1), URLs, domain names, e-mail\n"
"addresses and list numbers at the start of a sentence (1. ) do not end one.\n"
"\n"
">>> sent_tokenize('Anh nói: \"Xin chào.\" Rồi anh đi.')\n"
"['Anh nói: \"Xin chào.\"', 'Rồi anh đi.']\n"
">>> sent_tokenize('GS. Nam ở TP. HCM. Xem vnexpress.net.')\n"
"['GS. Nam ở TP. HCM.', 'Xem vnexpress.net.']\n");

/* sent_tokenize (as_str) and sent_spans: the list of the sentences of the
 * one argument, as str or as (start, end). */
static PyObject *
do_sentences(PyObject *module, const char *func, PyObject *const *args, Py_ssize_t nargs,
             PyObject *kwnames, int as_str)
{
    static const char *const names[] = {"text"};
    PyObject *text, *result = NULL;
    utf8_view u = UTF8_VIEW_INIT;
    vnt_spans spans;

    vnt_spans_init(&spans);
    if (parse_args(func, args, nargs, kwnames, names, 1, 1, &text) < 0)
        goto error;
    if (sentence_spans(text, func, &u, &get_state(module)->spare, &spans) < 0)
        goto error;
    result = spans_to_list(text, &u, &spans, as_str);
    if (result == NULL)
        goto error;
    utf8_view_release(&u);
    vnt_spans_free(&spans);
    return result;

error:
    Py_XDECREF(result);
    utf8_view_release(&u);
    vnt_spans_free(&spans);
    return NULL;
}

static PyObject *
vntext_sent_tokenize(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
    PyObject *kwnames)
{
    return do_sentences(module, "sent_tokenize", args, nargs, kwnames, 1);
}

PyDoc_STRVAR(sent_spans__doc__,
"sent_spans($module, /, text)\n"
"--\n"
"\n"
"The sentences of text as (start, end) offsets: text[start:end] is a\n"
"sentence, as sent_tokenize() returns it. Offsets count code points, as\n"
"str indices do.\n"
"\n"
">>> sent_spans('Chào bạn!  Bạn khỏe không?')\n"
"[(0, 9), (11, 26)]\n");

static PyObject *
vntext_sent_spans(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
    PyObject *kwnames)
{
    return do_sentences(module, "sent_spans", args, nargs, kwnames, 0);
}

PyDoc_STRVAR(syllable_info__doc__,
"_syllable_info($module, /, token)\n"
"--\n"
"\n"
"Private, for tests: the parse of one token as a Vietnamese syllable.\n"
"\n"
"Returns None when token is not exactly one syllable, else a dict with\n"
"id, toneless_id, onset, nucleus, coda, tone, case, nletters, onset_len,\n"
"nucleus_len (ints) and canonical_traditional, canonical_modern\n"
"(lowercase spellings).\n");

static PyObject *
vntext_syllable_info(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
    PyObject *kwnames)
{
    static const char *const names[] = {"token"};
    PyObject *token, *trad = NULL, *modern = NULL, *result;
    const char *s;
    Py_ssize_t len;
    vnt_syllable syl;
    vnt_status st;
    vnt_buf out;
    err_ctx ctx = ERR_CTX("_syllable_info");

    (void)module;
    vnt_buf_init(&out);
    if (parse_args("_syllable_info", args, nargs, kwnames, names, 1, 1, &token) < 0)
        goto error;
    s = text_arg(token, "_syllable_info", "token", &len);
    if (s == NULL)
        goto error;
    if (!vnt_syllable_parse(s, (size_t)len, &syl)) {
        vnt_buf_free(&out);
        Py_RETURN_NONE;
    }
    st = vnt_syllable_format(&syl, VNT_STYLE_TRADITIONAL, VNT_CASE_LOWER, &out);
    if (st != VNT_OK) {
        raise_status(st, &ctx);
        goto error;
    }
    trad = buf_to_str(&out);
    if (trad == NULL)
        goto error;
    vnt_buf_clear(&out);
    st = vnt_syllable_format(&syl, VNT_STYLE_MODERN, VNT_CASE_LOWER, &out);
    if (st != VNT_OK) {
        raise_status(st, &ctx);
        goto error;
    }
    modern = buf_to_str(&out);
    if (modern == NULL)
        goto error;
    result = Py_BuildValue(
        "{s:k,s:k,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:O,s:O}",
        "id", (unsigned long)syl.id, "toneless_id", (unsigned long)syl.toneless_id,
        "onset", (int)syl.onset, "nucleus", (int)syl.nucleus, "coda",
        (int)syl.coda, "tone", (int)syl.tone, "case", (int)syl.case_pattern,
        "nletters", (int)syl.nletters, "onset_len", (int)syl.onset_len,
        "nucleus_len", (int)syl.nucleus_len, "canonical_traditional", trad,
        "canonical_modern", modern);
    if (result == NULL)
        goto error;
    Py_DECREF(trad);
    Py_DECREF(modern);
    vnt_buf_free(&out);
    return result;

error:
    Py_XDECREF(trad);
    Py_XDECREF(modern);
    vnt_buf_free(&out);
    return NULL;
}

/* ------------------------------------------------------------------------
 * Word segmentation: the Segmenter type and the module-level functions
 * ---------------------------------------------------------------------- */

/* Scratch spaces kept for the next calls, at most: one for each thread
 * that segments at the same time as others, up to this many. */
#define SPARE_COUNT 8

/* What one call segments with: the C library's scratch space (with its
 * cache of token identities) and the arrays that receive the words and
 * their pieces, kept from call to call so that they need not grow again. */
typedef struct {
    vnt_segwork *work;
    vnt_spans words, pieces;
} seg_scratch;

typedef struct {
    PyObject_HEAD
    vnt_segmenter *seg; /* immutable once made: shared by threads */
    /* Scratch spaces of earlier calls, spare[0..nspare), each lent to one
     * call at a time: taken and given back with the GIL held, so two
     * threads never share one. A call that finds none makes a new one. */
    seg_scratch *spare[SPARE_COUNT];
    int nspare;
    /* (model_path, user_dict, user_split) as Segmenter() takes them again,
     * for pickle: model_path None or a str or bytes path, the word lists
     * None or tuples of str */
    PyObject *init_args;
} SegmenterObject;

/* A scratch space that holds up to this many bytes (vnt_segwork_size: its
 * 1 MB cache, room for the tokens of 64 KB of text, and the arrays of the
 * longest sentence met) is kept for the next call, whatever the length of
 * the text; one grown past it by a sentence of some 20,000 words is freed,
 * so no large buffer stays behind. (Freeing it after each text over
 * 256 KB made the next one start with an empty cache: 8% slower on a text
 * of 750 KB.) */
#define SPARE_MAX_WORK ((size_t)4 << 20)
/* Result arrays of more spans than this are freed, not kept. */
#define SPARE_MAX_SPANS 4096

static void
scratch_free(seg_scratch *sc)
{
    if (sc == NULL)
        return;
    vnt_segwork_free(sc->work);
    vnt_spans_free(&sc->words);
    vnt_spans_free(&sc->pieces);
    PyMem_Free(sc);
}

/* A scratch space of self's for one call: a spare one, or a new one.
 * NULL with MemoryError set. */
static seg_scratch *
scratch_take(SegmenterObject *self)
{
    if (self->nspare > 0)
        return self->spare[--self->nspare];
    seg_scratch *sc = PyMem_Malloc(sizeof *sc);
    if (sc == NULL)
        return (seg_scratch *)PyErr_NoMemory();
    vnt_spans_init(&sc->words);
    vnt_spans_init(&sc->pieces);
    if ((sc->work = vnt_segwork_new()) == NULL) {
        PyMem_Free(sc);
        return (seg_scratch *)PyErr_NoMemory();
    }
    return sc;
}

/* Gives sc back to self, or frees it (a full pool, a large scratch
 * space). Its result arrays keep their room unless it is large. */
static void
scratch_give(SegmenterObject *self, seg_scratch *sc)
{
    if (sc == NULL)
        return;
    if (self->nspare == SPARE_COUNT || vnt_segwork_size(sc->work) > SPARE_MAX_WORK) {
        scratch_free(sc);
        return;
    }
    if (sc->words.cap > SPARE_MAX_SPANS)
        vnt_spans_free(&sc->words);
    if (sc->pieces.cap > SPARE_MAX_SPANS)
        vnt_spans_free(&sc->pieces);
    self->spare[self->nspare++] = sc;
}

/* os.path.join(os.getcwd(), os.fspath(path)) (getcwdb for a bytes path):
 * the model path that a pickled Segmenter keeps, so that a worker in
 * another directory finds the file. Not abspath, which would read "l/.."
 * as nothing where l is a symbolic link. */
static PyObject *
absolute_path(vntext_state *state, PyObject *path)
{
    PyObject *fs = PyOS_FSPath(path), *os = state->os_module, *os_path = NULL, *isabs = NULL;
    PyObject *cwd = NULL, *result = NULL;
    int is_abs;
    Py_INCREF(os);
    if (fs == NULL || (os_path = PyObject_GetAttrString(os, "path")) == NULL ||
        (isabs = PyObject_CallMethod(os_path, "isabs", "O", fs)) == NULL ||
        (is_abs = PyObject_IsTrue(isabs)) < 0)
        goto done;
    if (is_abs) { /* no need of the working directory, which may be gone */
        /* a plain str or bytes, so that pickle's copy compares equal to it
         * (_restore_segmenter) and no subclass keeps a reference */
        result = PyUnicode_Check(fs) ? PyUnicode_FromObject(fs)
                 : PyBytes_FromStringAndSize(PyBytes_AS_STRING(fs), PyBytes_GET_SIZE(fs));
    } else if ((cwd = PyObject_CallMethod(os, PyBytes_Check(fs) ? "getcwdb" : "getcwd", NULL)) !=
               NULL) {
        result = PyObject_CallMethod(os_path, "join", "OO", cwd, fs);
    }
done:
    Py_XDECREF(cwd);
    Py_XDECREF(isabs);
    Py_XDECREF(os_path);
    Py_XDECREF(os);
    Py_XDECREF(fs);
    return result;
}

/* The model file next to this extension module. */
static PyObject *
default_model_path(PyObject *module)
{
    PyObject *file, *slash, *dir = NULL, *path = NULL;
    Py_ssize_t cut;

    file = PyModule_GetFilenameObject(module);
    if (file == NULL)
        return NULL;
    cut = PyUnicode_FindChar(file, '/', 0, PyUnicode_GET_LENGTH(file), -1);
#ifdef _WIN32
    {
        Py_ssize_t b = PyUnicode_FindChar(file, '\\', 0, PyUnicode_GET_LENGTH(file), -1);
        if (b > cut)
            cut = b;
    }
#endif
    if (cut == -2)
        goto done;
    slash = PyUnicode_Substring(file, 0, cut + 1);
    if (slash == NULL)
        goto done;
    dir = slash;
    path = PyUnicode_FromFormat("%Usegmenter.bin", dir);
done:
    Py_XDECREF(dir);
    Py_DECREF(file);
    return path;
}

/* 1 when the str or bytes path holds a NUL character (no file has one). */
static int
has_nul(PyObject *path)
{
    if (PyBytes_Check(path))
        return memchr(PyBytes_AS_STRING(path), 0, (size_t)PyBytes_GET_SIZE(path)) != NULL;
    return PyUnicode_FindChar(path, 0, 0, PyUnicode_GET_LENGTH(path), 1) >= 0;
}

/* Reads a whole file into a new bytes object. */
static PyObject *
read_model_file(vntext_state *state, PyObject *path)
{
    PyObject *f, *data;

    f = PyObject_CallFunction(state->io_open, "Os", path, "rb");
    if (f == NULL)
        return NULL;
    data = PyObject_CallMethod(f, "read", NULL);
    PyObject *r = PyObject_CallMethod(f, "close", NULL);
    Py_DECREF(f);
    if (r == NULL) {
        Py_XDECREF(data);
        return NULL;
    }
    Py_DECREF(r);
    if (data != NULL && !PyBytes_Check(data)) {
        Py_DECREF(data);
        PyErr_SetString(PyExc_TypeError, "Segmenter(): the model file did not read as bytes");
        return NULL;
    }
    return data;
}

/* 1 when the UTF-8 s[0..len) holds a line break as the C library reads
 * one: LF, VT, FF, CR, NEL, U+2028, U+2029. */
static int
has_line_break(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++) {
        if ((u[i] >= '\n' && u[i] <= '\r') || (u[i] == 0xC2 && i + 1 < len && u[i + 1] == 0x85) ||
            (u[i] == 0xE2 && i + 2 < len && u[i + 1] == 0x80 && (u[i + 2] & 0xFE) == 0xA8))
            return 1;
    }
    return 0;
}

/* "\n".join of the words of an iterable argument, as UTF-8 into buf. A
 * word with a line break, or with no token at all (empty, or white space
 * as the C library reads it: the C list would skip it), raises ValueError
 * naming the argument and the word. */
static int
word_list_arg(PyObject *obj, const char *func, const char *arg, vnt_buf *buf)
{
    PyObject *it, *item;
    vnt_tokens toks;

    if (obj == NULL || obj == Py_None)
        return 0;
    if (PyUnicode_Check(obj) || PyBytes_Check(obj)) {
        PyErr_Format(PyExc_TypeError,
                     "%s() argument '%s' must be an iterable of str words, not a "
                     "single %.200s",
                     func, arg, Py_TYPE(obj)->tp_name);
        return -1;
    }
    it = PyObject_GetIter(obj);
    if (it == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "%s() argument '%s' must be an iterable of str, not %.200s", func,
                     arg, Py_TYPE(obj)->tp_name);
        return -1;
    }
    vnt_tokens_init(&toks);
    while ((item = PyIter_Next(it)) != NULL) {
        Py_ssize_t len;
        const char *s;
        vnt_status st;
        if (!PyUnicode_Check(item)) {
            PyErr_Format(PyExc_TypeError,
                         "%s() argument '%s' must hold str words, not %.200s", func,
                         arg, Py_TYPE(item)->tp_name);
            goto fail;
        }
        s = PyUnicode_AsUTF8AndSize(item, &len);
        if (s == NULL) {
            name_surrogate(func, arg);
            goto fail;
        }
        if (has_line_break(s, (size_t)len)) {
            PyErr_Format(PyExc_ValueError,
                         "%s() argument '%s': a word cannot hold a line break: %R",
                         func, arg, item);
            goto fail;
        }
        st = vnt_scan(s, (size_t)len, &toks);
        if (st == VNT_OK && toks.len == 0) {
            PyErr_Format(PyExc_ValueError,
                         "%s() argument '%s': a word cannot be empty or white space only: %R",
                         func, arg, item);
            goto fail;
        }
        if (st == VNT_OK)
            st = vnt_buf_append(buf, s, (size_t)len);
        if (st == VNT_OK)
            st = vnt_buf_append(buf, "\n", 1);
        Py_DECREF(item);
        if (st != VNT_OK) {
            err_ctx ctx = ERR_CTX(func);
            raise_status(st, &ctx);
            item = NULL;
            goto fail;
        }
    }
    Py_DECREF(it);
    vnt_tokens_free(&toks);
    return PyErr_Occurred() ? -1 : 0;

fail:
    Py_XDECREF(item);
    Py_DECREF(it);
    vnt_tokens_free(&toks);
    return -1;
}

/* The words of a user_dict or user_split argument as a tuple (Py_None for
 * None or a missing argument): a one-shot iterable can then be read twice,
 * for the C library and for pickle. A word of a str subclass is kept as a
 * plain str, so that comparing two such tuples runs no Python code (which
 * could let another thread in), and no word can hold a reference back to
 * the Segmenter that keeps it (a cycle, which no collector would see). */
static PyObject *
word_tuple_arg(PyObject *obj, const char *func, const char *arg)
{
    vnt_buf unused;
    PyObject *it;

    if (obj == NULL || obj == Py_None) {
        Py_INCREF(Py_None);
        return Py_None;
    }
    if (PyUnicode_Check(obj) || PyBytes_Check(obj) || (it = PyObject_GetIter(obj)) == NULL) {
        PyErr_Clear();
        vnt_buf_init(&unused);
        (void)word_list_arg(obj, func, arg, &unused); /* raises its TypeError */
        vnt_buf_free(&unused);
        return NULL;
    }
    Py_SETREF(it, PySequence_Tuple(it)); /* obj itself, when an exact tuple */
    if (it == NULL)
        return NULL;
    const Py_ssize_t n = PyTuple_GET_SIZE(it);
    Py_ssize_t i = 0;
    while (i < n && !(PyUnicode_Check(PyTuple_GET_ITEM(it, i)) &&
                      !PyUnicode_CheckExact(PyTuple_GET_ITEM(it, i))))
        i++;
    if (i == n)
        return it;
    PyObject *plain = PyTuple_New(n);
    for (i = 0; plain != NULL && i < n; i++) {
        PyObject *w = PyTuple_GET_ITEM(it, i), *p;
        if (PyUnicode_Check(w) && !PyUnicode_CheckExact(w)) {
            p = PyUnicode_FromObject(w);
        } else {
            Py_INCREF(w);
            p = w;
        }
        if (p == NULL)
            Py_CLEAR(plain);
        else
            PyTuple_SET_ITEM(plain, i, p);
    }
    Py_DECREF(it);
    return plain;
}

/* A new Segmenter object of type that owns seg (only when it returns one),
 * with the arguments that make it again for pickle: path None or a str or
 * bytes path, the word lists None or tuples. */
static PyObject *
segmenter_object(PyTypeObject *type, vnt_segmenter *seg, PyObject *path, PyObject *join_words,
                 PyObject *split_words)
{
    SegmenterObject *self = (SegmenterObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->init_args = PyTuple_Pack(3, path, join_words, split_words);
    if (self->init_args == NULL) {
        Py_DECREF(self); /* its dealloc frees nothing yet */
        return NULL;
    }
    self->seg = seg;
    return (PyObject *)self;
}

static PyObject *default_segmenter(PyObject *module);

PyDoc_STRVAR(Segmenter__doc__,
"Segmenter(model_path=None, user_dict=None, user_split=None)\n"
"--\n"
"\n"
"A word segmenter: the trained model plus an optional user dictionary.\n"
"\n"
"model_path is a model file written by tools/train_segmenter.py; by\n"
"default the one shipped in the package. user_dict is an iterable of\n"
"words whose syllables must stay one word, and a word of its own, wherever\n"
"they occur: the model never extends one (of two that overlap, the one\n"
"that starts first wins, unless a user_split word cuts it); a word of one\n"
"syllable is thus kept apart from its neighbours. user_split is an\n"
"iterable of words whose syllables must always be separate words (it wins\n"
"over user_dict). Words are matched by syllable identity: case, tone-mark\n"
"style and Unicode form do not matter; an underscore between syllables\n"
"reads as a space ('sẽ_bảo', as segmented corpora write words, is\n"
"'sẽ bảo'). An empty word, or one of white space only, raises ValueError.\n"
"\n"
"A Segmenter with a dictionary and the default model shares the tables of\n"
"the default one (about 5.4 MB, loaded once); one with a model_path loads\n"
"that file.\n"
"\n"
"A Segmenter never changes after it is made, so threads can share one;\n"
"the GIL is released while it works on long texts.\n"
"\n"
">>> seg = Segmenter(user_split=['bảo vệ'])\n"
">>> seg.word_tokenize('Mỹ sẽ bảo vệ Nhật Bản')\n"
"['Mỹ', 'sẽ', 'bảo', 'vệ', 'Nhật Bản']\n");

static PyObject *
Segmenter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"model_path", "user_dict", "user_split", NULL};
    PyObject *path = Py_None, *user_dict = NULL, *user_split = NULL, *data = NULL;
    PyObject *module, *path_arg = NULL, *join_words = NULL, *split_words = NULL, *self;
    vntext_state *state;
    vnt_segmenter *base = NULL, *derived = NULL;
    vnt_buf join, split;
    vnt_status st;
    err_ctx ctx = ERR_CTX("Segmenter");

    vnt_buf_init(&join);
    vnt_buf_init(&split);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOO:Segmenter", kwlist, &path, &user_dict,
                                     &user_split))
        return NULL;
    if ((module = PyType_GetModule(type)) == NULL)
        return NULL;
    state = get_state(module);
    join_words = word_tuple_arg(user_dict, "Segmenter", "user_dict");
    if (join_words == NULL)
        goto error;
    split_words = word_tuple_arg(user_split, "Segmenter", "user_split");
    if (split_words == NULL)
        goto error;
    if (word_list_arg(join_words, "Segmenter", "user_dict", &join) < 0 ||
        word_list_arg(split_words, "Segmenter", "user_split", &split) < 0)
        goto error;
    if (path == Py_None && (join.len || split.len)) {
        /* the default model with a dictionary: the default segmenter's
         * tables, shared (the C library counts their users), not a load */
        PyObject *dflt = default_segmenter(module);
        if (dflt == NULL)
            goto error;
        st = vnt_segmenter_with_dict(((SegmenterObject *)dflt)->seg, join.data, join.len,
                                     split.data, split.len, &base);
        Py_DECREF(dflt);
        if (st != VNT_OK) {
            raise_status(st, &ctx);
            goto error;
        }
        Py_INCREF(Py_None);
        path_arg = Py_None;
        goto made;
    }
    if (path == Py_None) {
        Py_INCREF(Py_None);
        path_arg = Py_None;
        path = default_model_path(module);
        if (path == NULL)
            goto error;
    } else {
        if (!PyUnicode_Check(path) && !PyBytes_Check(path) && !PyObject_HasAttrString(path, "__fspath__")) {
            PyErr_Format(PyExc_TypeError,
                         "Segmenter() argument 'model_path' must be str, bytes or os.PathLike, not "
                         "%.200s",
                         Py_TYPE(path)->tp_name);
            goto error;
        }
        if ((path = PyOS_FSPath(path)) == NULL)
            goto error;
        if (has_nul(path)) {
            PyErr_Format(PyExc_ValueError,
                         "Segmenter() argument 'model_path' must not hold a NUL character: %R",
                         path);
            Py_DECREF(path);
            goto error;
        }
        path_arg = absolute_path(state, path);
        if (path_arg == NULL) {
            Py_DECREF(path);
            goto error;
        }
    }
    data = read_model_file(state, path);
    if (data == NULL) {
        Py_DECREF(path);
        goto error;
    }
    st = vnt_segmenter_load(PyBytes_AS_STRING(data), (size_t)PyBytes_GET_SIZE(data), &base);
    Py_CLEAR(data);
    if (st == VNT_ERR_FORMAT) { /* which file, of the models a program loads */
        if (path_arg == Py_None)
            PyErr_Format(PyExc_ValueError,
                         "Segmenter(): the shipped model %R (argument 'model_path' None) is %s",
                         path, vnt_strerror(st));
        else
            PyErr_Format(PyExc_ValueError, "Segmenter() argument 'model_path': %R is %s", path,
                         vnt_strerror(st));
    } else if (st != VNT_OK) {
        raise_status(st, &ctx);
    }
    Py_DECREF(path);
    if (st != VNT_OK)
        goto error;
    if (join.len || split.len) {
        st = vnt_segmenter_with_dict(base, join.data, join.len, split.data, split.len, &derived);
        vnt_segmenter_free(base);
        base = NULL;
        if (st != VNT_OK) {
            raise_status(st, &ctx);
            goto error;
        }
        base = derived;
    }
made:
    self = segmenter_object(type, base, path_arg, join_words, split_words);
    if (self == NULL)
        goto error;
    Py_DECREF(path_arg);
    Py_DECREF(join_words);
    Py_DECREF(split_words);
    vnt_buf_free(&join);
    vnt_buf_free(&split);
    return self;

error:
    vnt_segmenter_free(base);
    Py_XDECREF(path_arg);
    Py_XDECREF(join_words);
    Py_XDECREF(split_words);
    vnt_buf_free(&join);
    vnt_buf_free(&split);
    return NULL;
}

static void
Segmenter_dealloc(SegmenterObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    vnt_segmenter_free(self->seg);
    self->seg = NULL;
    while (self->nspare > 0)
        scratch_free(self->spare[--self->nspare]);
    Py_CLEAR(self->init_args);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

/* The words of text as byte spans into u in sc->words, and with pieces
 * their pieces in sc->pieces. */
static int
word_spans_of(SegmenterObject *self, PyObject *text, const char *func, utf8_view *u,
              seg_scratch *sc, int pieces)
{
    vnt_status st;
    err_ctx ctx = ERR_CTX(func);

    if (text_view(text, func, u, NULL) < 0)
        return -1;
    MAYBE_NOGIL_AT(SEG_NOGIL_MIN, u->len,
                   st = vnt_word_pieces(self->seg, u->data, (size_t)u->len, sc->work, &sc->words,
                                        pieces ? &sc->pieces : NULL));
    if (st != VNT_OK) {
        raise_status(st, &ctx);
        return -1;
    }
    return 0;
}

/* format=None -> 0, format="text" -> 1. */
static int
format_arg(PyObject *obj, const char *func, int *text_format)
{
    static const char *const names[] = {"text"};
    int i;
    if (choice_arg(obj, func, "format", names, 1, 1, -1, &i) < 0)
        return -1;
    *text_format = i == 0;
    return 0;
}

/* An argument that must be True or False (absent: False). */
static int
bool_arg(PyObject *obj, const char *func, const char *arg, int *out)
{
    *out = obj == Py_True;
    if (obj == NULL || PyBool_Check(obj))
        return 0;
    PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be True or False, not %.200s", func,
                 arg, Py_TYPE(obj)->tp_name);
    return -1;
}

/* use_token_normalize: each word of the list, a new reference to it, put
 * through normalize() in place. */
static int
normalize_items(PyObject *list, const char *func)
{
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(list); k++) {
        PyObject *w = PyList_GET_ITEM(list, k), *n = normalized(w, func, VNT_STYLE_TRADITIONAL, NULL);
        if (n == NULL)
            return -1;
        if (n == w)
            Py_DECREF(n);
        else
            PyList_SetItem(list, k, n); /* takes n, lets w go */
    }
    return 0;
}

/* The text format with use_token_normalize: as pieces_to_text(), each
 * piece put through normalize(), so the text is that of the normalized
 * words (normalize() of the text itself could differ: it reads "user_hoà"
 * as an identifier, which it keeps as written). Converts the offsets of
 * pieces in place. */
static PyObject *
pieces_to_normalized_text(PyObject *text, const utf8_view *u, vnt_spans *pieces,
                          const vnt_spans *words, const char *func)
{
    const size_t np = pieces->len;
    PyObject *parts = NULL, *seps[2] = {NULL, NULL}, *empty = NULL, *result = NULL;

    if (np > (size_t)PY_SSIZE_T_MAX / 2)
        return PyErr_NoMemory();
    if ((parts = PyList_New(np ? 2 * (Py_ssize_t)np - 1 : 0)) == NULL ||
        (seps[0] = PyUnicode_FromOrdinal('_')) == NULL ||
        (seps[1] = PyUnicode_FromOrdinal(' ')) == NULL ||
        (empty = PyUnicode_New(0, 0)) == NULL)
        goto done;
    for (size_t k = 0, j = 0; k < np; k++) { /* separators: ' ' where a word begins */
        int starts = j < words->len && pieces->items[k].start == words->items[j].start;
        j += starts;
        if (k > 0) {
            Py_INCREF(seps[starts]);
            PyList_SET_ITEM(parts, 2 * (Py_ssize_t)k - 1, seps[starts]);
        }
    }
    spans_to_code_points(text, u, pieces);
    for (size_t k = 0; k < np; k++) {
        PyObject *piece = PyUnicode_Substring(text, (Py_ssize_t)pieces->items[k].start,
                                              (Py_ssize_t)pieces->items[k].end);
        PyObject *n = piece ? normalized(piece, func, VNT_STYLE_TRADITIONAL, NULL) : NULL;
        Py_XDECREF(piece);
        if (n == NULL)
            goto done;
        PyList_SET_ITEM(parts, 2 * (Py_ssize_t)k, n);
    }
    result = PyUnicode_Join(empty, parts);
done:
    Py_XDECREF(parts);
    Py_XDECREF(seps[0]);
    Py_XDECREF(seps[1]);
    Py_XDECREF(empty);
    return result;
}

/* word_tokenize(text, format, use_token_normalize) with seg; text_name is
 * the name the text was given by ('text', or underthesea's 'sentence'). */
static PyObject *
word_tokenize_with(SegmenterObject *seg, const char *func, const char *text_name, PyObject *text,
                   PyObject *format, PyObject *token_normalize)
{
    PyObject *result = NULL;
    utf8_view u = UTF8_VIEW_INIT;
    seg_scratch *sc = NULL;
    int text_format, norm;

    if (str_arg(text, func, text_name) < 0 || format_arg(format, func, &text_format) < 0 ||
        bool_arg(token_normalize, func, "use_token_normalize", &norm) < 0)
        goto done;
    if ((sc = scratch_take(seg)) == NULL)
        goto done;
    if (word_spans_of(seg, text, func, &u, sc, text_format) < 0)
        goto done;
    if (norm) {
        if (text_format) {
            result = pieces_to_normalized_text(text, &u, &sc->pieces, &sc->words, func);
        } else if ((result = spans_to_list(text, &u, &sc->words, 1)) != NULL &&
                   normalize_items(result, func) < 0) {
            Py_CLEAR(result);
        }
    } else if (text_format) {
        result = pieces_to_text(text, &u, &sc->pieces, &sc->words);
    } else {
        result = spans_to_list(text, &u, &sc->words, 1);
    }
done:
    scratch_give(seg, sc);
    utf8_view_release(&u);
    return result;
}

/* The arguments of word_tokenize in underthesea's order, argv[0..n): text,
 * format, use_token_normalize and, for the module-level function (n 4),
 * fixed_words; text may also be given by keyword as 'sentence',
 * underthesea's name for it (sentence=None beside text is no argument).
 * *text_name gets the name it was given by. */
static int
word_tokenize_args(const char *func, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                   int n, PyObject **argv, const char **text_name)
{
    static const char *const module_names[] = {"text", "format", "use_token_normalize",
                                               "fixed_words", "sentence"};
    static const char *const method_names[] = {"text", "format", "use_token_normalize",
                                               "sentence"};
    PyObject *out[5];

    *text_name = "text";
    if (nargs > n) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most %d positional arguments (%zd given)",
                     func, n, nargs);
        return -1;
    }
    if (parse_args(func, args, nargs, kwnames, n == 4 ? module_names : method_names, n + 1, 0,
                   out) < 0) {
        /* a Segmenter's own words: its user_dict */
        for (Py_ssize_t k = 0; n == 3 && kwnames != NULL && k < PyTuple_GET_SIZE(kwnames); k++)
            if (PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(kwnames, k), "fixed_words") ==
                0) {
                PyErr_Format(PyExc_TypeError,
                             "%s() got an unexpected keyword argument 'fixed_words': a "
                             "Segmenter's words are given when it is made, "
                             "Segmenter(user_dict=fixed_words)",
                             func);
                break;
            }
        return -1;
    }
    /* sentence=None beside text is the default; alone, it is the text */
    if (out[n] != NULL && (out[0] == NULL || out[n] != Py_None)) {
        if (out[0] != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "%s() got both 'text' and 'sentence', two names of one argument "
                         "(underthesea's name for text is sentence): give one",
                         func);
            return -1;
        }
        out[0] = out[n];
        *text_name = "sentence";
    } else if (out[0] == NULL) {
        PyErr_Format(PyExc_TypeError, "%s() missing required argument 'text' (pos 1)", func);
        return -1;
    }
    memcpy(argv, out, (size_t)n * sizeof *argv);
    return 0;
}

/* word_spans(text) with seg. */
static PyObject *
word_spans_with(SegmenterObject *seg, const char *func, PyObject *text)
{
    PyObject *result = NULL;
    utf8_view u = UTF8_VIEW_INIT;
    seg_scratch *sc = scratch_take(seg);

    if (sc != NULL && word_spans_of(seg, text, func, &u, sc, 0) == 0)
        result = spans_to_list(text, &u, &sc->words, 0);
    scratch_give(seg, sc);
    utf8_view_release(&u);
    return result;
}

PyDoc_STRVAR(Segmenter_word_tokenize__doc__,
"word_tokenize($self, /, text, format=None, use_token_normalize=False, *,\n"
"              sentence=None)\n"
"--\n"
"\n"
"The words of text; see vntext.word_tokenize(), whose arguments these are\n"
"but fixed_words: a Segmenter's words are its user_dict, given when it is\n"
"made.\n");

static PyObject *
Segmenter_word_tokenize(SegmenterObject *self, PyObject *const *args, Py_ssize_t nargs,
                        PyObject *kwnames)
{
    PyObject *argv[3];
    const char *text_name;
    if (word_tokenize_args("Segmenter.word_tokenize", args, nargs, kwnames, 3, argv,
                           &text_name) < 0)
        return NULL;
    return word_tokenize_with(self, "Segmenter.word_tokenize", text_name, argv[0], argv[1],
                              argv[2]);
}

PyDoc_STRVAR(Segmenter_word_spans__doc__,
"word_spans($self, /, text)\n"
"--\n"
"\n"
"The (start, end) offsets of the words of text; see vntext.word_spans().\n");

static PyObject *
Segmenter_word_spans(SegmenterObject *self, PyObject *const *args, Py_ssize_t nargs,
                     PyObject *kwnames)
{
    static const char *const names[] = {"text"};
    PyObject *text;
    if (parse_args("Segmenter.word_spans", args, nargs, kwnames, names, 1, 1, &text) < 0)
        return NULL;
    return word_spans_with(self, "Segmenter.word_spans", text);
}

static PyObject *
Segmenter_get_description(SegmenterObject *self, void *closure)
{
    (void)closure;
    return PyUnicode_FromString(vnt_segmenter_description(self->seg));
}

static PyObject *
Segmenter_get_memory(SegmenterObject *self, void *closure)
{
    (void)closure;
    return PyLong_FromSize_t(vnt_segmenter_memory(self->seg));
}

/* pickle: _restore_segmenter(*init_args), which makes Segmenter(*init_args)
 * again, so a Segmenter goes to worker processes (multiprocessing); each
 * loads the model file itself, once. */
static PyObject *
Segmenter_reduce(SegmenterObject *self, PyObject *unused)
{
    PyObject *module, *restore, *result;
    (void)unused;
    if ((module = PyType_GetModule(Py_TYPE(self))) == NULL ||
        (restore = PyObject_GetAttrString(module, "_restore_segmenter")) == NULL)
        return NULL;
    result = PyTuple_Pack(2, restore, self->init_args);
    Py_DECREF(restore);
    return result;
}

/* Segmenter(model_path=..., user_dict=<n words>, user_split=<n words>) */
static PyObject *
Segmenter_repr(SegmenterObject *self)
{
    PyObject *path = PyTuple_GET_ITEM(self->init_args, 0);
    PyObject *lists[2] = {PyTuple_GET_ITEM(self->init_args, 1),
                          PyTuple_GET_ITEM(self->init_args, 2)};
    Py_ssize_t n[2];
    for (int k = 0; k < 2; k++)
        n[k] = lists[k] == Py_None ? 0 : PyTuple_GET_SIZE(lists[k]);
    return PyUnicode_FromFormat("vntext.Segmenter(model_path=%R, user_dict=<%zd word%s>, "
                                "user_split=<%zd word%s>)", path, n[0], n[0] == 1 ? "" : "s",
                                n[1], n[1] == 1 ? "" : "s");
}

static PyMethodDef Segmenter_methods[] = {
    {"__reduce__", (PyCFunction)Segmenter_reduce, METH_NOARGS,
     "Pickle support: the arguments that make this Segmenter again."},
    {"word_tokenize", (PyCFunction)(void (*)(void))Segmenter_word_tokenize,
     METH_FASTCALL | METH_KEYWORDS, Segmenter_word_tokenize__doc__},
    {"word_spans", (PyCFunction)(void (*)(void))Segmenter_word_spans,
     METH_FASTCALL | METH_KEYWORDS, Segmenter_word_spans__doc__},
    {NULL, NULL, 0, NULL}};

static PyGetSetDef Segmenter_getset[] = {
    {"description", (getter)Segmenter_get_description, NULL,
     "How the model was made (stored in the model file by the training tool).", NULL},
    {"memory", (getter)Segmenter_get_memory, NULL,
     "Bytes of memory the model and user dictionary take (shared by threads; "
     "Segmenters of one model file with user dictionaries share its tables). "
     "Each thread that segments at the same time as others also uses a scratch "
     "space of about 1 MB, and the Segmenter keeps up to eight for later calls.", NULL},
    {NULL, NULL, NULL, NULL, NULL}};

static PyType_Slot Segmenter_slots[] = {
    {Py_tp_new, Segmenter_new},
    {Py_tp_dealloc, Segmenter_dealloc},
    {Py_tp_repr, Segmenter_repr},
    {Py_tp_methods, Segmenter_methods},
    {Py_tp_getset, Segmenter_getset},
    {Py_tp_doc, (void *)Segmenter__doc__},
    {0, NULL}};

#ifdef Py_TPFLAGS_IMMUTABLETYPE
#define SEGMENTER_FLAGS (Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE)
#else
#define SEGMENTER_FLAGS Py_TPFLAGS_DEFAULT
#endif

static PyType_Spec Segmenter_spec = {
    "vntext.Segmenter",
    sizeof(SegmenterObject),
    0,
    SEGMENTER_FLAGS,
    Segmenter_slots,
};

/* The default segmenter of the module, made on first use (a new reference). */
static PyObject *
default_segmenter(PyObject *module)
{
    vntext_state *state = get_state(module);
    if (state->default_segmenter == NULL) {
        PyObject *seg = PyObject_CallNoArgs(state->segmenter_type);
        if (seg == NULL)
            return NULL;
        /* another thread may have made one meanwhile (the file read can
         * switch threads): keep the first */
        if (state->default_segmenter == NULL)
            state->default_segmenter = seg;
        else
            Py_DECREF(seg);
    }
    Py_INCREF(state->default_segmenter);
    return state->default_segmenter;
}

/* The segmenter of a module-level call (a new reference): the default one,
 * or, for fixed_words (underthesea's argument: words to keep joined), the
 * default one with those words as its user_dict. The last of these is kept
 * in the module state for the next call with equal words, as a pipeline
 * passes the same list to every call. */
static PyObject *
call_segmenter(PyObject *module, const char *func, PyObject *fixed_words)
{
    vntext_state *state = get_state(module);
    PyObject *seg, *key = NULL, *made = NULL;
    vnt_segmenter *derived = NULL;
    vnt_buf join;
    vnt_status st;
    err_ctx ctx = ERR_CTX(func);

    vnt_buf_init(&join);
    seg = default_segmenter(module);
    if (seg == NULL || fixed_words == NULL || fixed_words == Py_None)
        return seg;
    key = word_tuple_arg(fixed_words, func, "fixed_words");
    if (key == NULL)
        goto error;
    if (PyTuple_GET_SIZE(key) == 0) {
        Py_DECREF(key);
        return seg;
    }
    if (state->fixed_words != NULL) {
        /* the kept pair, held while comparing: a comparison that let
         * another thread in could otherwise see it replaced and freed */
        PyObject *kept_words = state->fixed_words, *kept_seg = state->fixed_segmenter;
        Py_INCREF(kept_words);
        Py_INCREF(kept_seg);
        int same = PyObject_RichCompareBool(key, kept_words, Py_EQ);
        Py_DECREF(kept_words);
        if (same > 0) {
            Py_DECREF(key);
            Py_DECREF(seg);
            return kept_seg;
        }
        Py_DECREF(kept_seg);
        if (same < 0)
            goto error;
    }
    if (word_list_arg(key, func, "fixed_words", &join) < 0)
        goto error;
    st = vnt_segmenter_with_dict(((SegmenterObject *)seg)->seg, join.data, join.len, NULL, 0,
                                 &derived);
    if (st != VNT_OK) {
        raise_status(st, &ctx);
        goto error;
    }
    made = segmenter_object((PyTypeObject *)state->segmenter_type, derived, Py_None, key,
                            Py_None);
    if (made == NULL)
        goto error;
    derived = NULL;
    Py_XSETREF(state->fixed_words, key);
    Py_INCREF(made);
    Py_XSETREF(state->fixed_segmenter, made);
    Py_DECREF(seg);
    vnt_buf_free(&join);
    return made;

error:
    vnt_segmenter_free(derived);
    vnt_buf_free(&join);
    Py_XDECREF(key);
    Py_XDECREF(seg);
    return NULL;
}

/* Segmenters that _restore_segmenter keeps in a process, at most. */
#define RESTORED_MAX 4

/* 1 when obj is None, or an exact str or bytes path; with words, None or
 * an exact tuple of exact strs: arguments whose comparison runs no Python
 * code. */
static int
plain_arg(PyObject *obj, int words)
{
    if (obj == Py_None)
        return 1;
    if (!words)
        return PyUnicode_CheckExact(obj) || PyBytes_CheckExact(obj);
    if (!PyTuple_CheckExact(obj))
        return 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(obj); i++)
        if (!PyUnicode_CheckExact(PyTuple_GET_ITEM(obj, i)))
            return 0;
    return 1;
}

/* 1 when the plain arguments a and b (init_args) are equal, 0 if not,
 * -1 with an exception. A str path never equals a bytes one. */
static int
same_init_args(PyObject *a, PyObject *b)
{
    for (Py_ssize_t i = 0; i < 3; i++) {
        PyObject *x = PyTuple_GET_ITEM(a, i), *y = PyTuple_GET_ITEM(b, i);
        if (Py_TYPE(x) != Py_TYPE(y))
            return 0;
        int same = PyObject_RichCompareBool(x, y, Py_EQ);
        if (same <= 0)
            return same;
    }
    return 1;
}

PyDoc_STRVAR(restore_segmenter__doc__,
"_restore_segmenter($module, model_path, user_dict, user_split, /)\n"
"--\n"
"\n"
"Segmenter(model_path, user_dict, user_split), for pickle. A process\n"
"that unpickles the same Segmenter again (multiprocessing sends it with\n"
"every task of pool.imap(seg.word_tokenize, lines)) gets the one it made\n"
"before: the default one for no arguments, else one of the four it\n"
"restored or used last, which it keeps. A Segmenter never changes after\n"
"it is made.");

static PyObject *
vntext_restore_segmenter(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    vntext_state *state = get_state(module);
    PyObject *key = NULL, *made = NULL;
    int plain;

    if (nargs != 3) {
        PyErr_Format(PyExc_TypeError, "_restore_segmenter() takes 3 arguments (%zd given)",
                     nargs);
        return NULL;
    }
    if (args[0] == Py_None && args[1] == Py_None && args[2] == Py_None)
        return default_segmenter(module);
    plain = plain_arg(args[0], 0) && plain_arg(args[1], 1) && plain_arg(args[2], 1);
    if (plain) {
        if ((key = PyTuple_Pack(3, args[0], args[1], args[2])) == NULL)
            goto error;
        for (Py_ssize_t i = PyList_GET_SIZE(state->restored); i-- > 0;) {
            PyObject *seg = PyList_GET_ITEM(state->restored, i);
            int same = same_init_args(key, ((SegmenterObject *)seg)->init_args);
            if (same < 0)
                goto error;
            if (same) { /* the most recent again */
                Py_INCREF(seg);
                made = seg;
                if (PySequence_DelItem(state->restored, i) < 0 ||
                    PyList_Append(state->restored, made) < 0)
                    goto error;
                Py_DECREF(key);
                return made;
            }
        }
    }
    made = PyObject_CallFunctionObjArgs(state->segmenter_type, args[0], args[1], args[2], NULL);
    if (made == NULL)
        goto error;
    if (plain) {
        if (PyList_Append(state->restored, made) < 0)
            goto error;
        if (PyList_GET_SIZE(state->restored) > RESTORED_MAX &&
            PySequence_DelItem(state->restored, 0) < 0)
            goto error;
    }
    Py_XDECREF(key);
    return made;

error:
    Py_XDECREF(made);
    Py_XDECREF(key);
    return NULL;
}

/* Arguments of word_spans: text by position or name, fixed_words by name
 * only (as word_tokenize, which has two arguments between them). */
static int
module_word_args(const char *func, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                 const char *const *names, int n, PyObject **argv)
{
    if (nargs > n - 1) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most %d positional argument%s (%zd given)",
                     func, n - 1, n == 2 ? "" : "s", nargs);
        return -1;
    }
    return parse_args(func, args, nargs, kwnames, names, n, 1, argv);
}

PyDoc_STRVAR(word_tokenize__doc__,
"word_tokenize($module, /, text, format=None, use_token_normalize=False,\n"
"              fixed_words=None, *, sentence=None)\n"
"--\n"
"\n"
"Split Vietnamese text into words.\n"
"\n"
"Returns the words in order, each exactly as written in text: the\n"
"syllables of a word keep the white space that separates them in text\n"
"(one space in ordinary text; a word never crosses a line break or the\n"
"end of a sentence). Punctuation marks are words of their own; numbers\n"
"(1.500, 3,5%, 19/4, 8h30), URLs, e-mail addresses, @mentions, #hashtags,\n"
"emoji, emoticons between spaces (:), =)), ^^) and abbreviations\n"
"(TP.HCM, v.v.) are never cut, except that the\n"
"period of an abbreviation or initials that ends a sentence is a word of\n"
"its own (\"TP\", \".\", as the corpora write it). Tone-mark style\n"
"and Unicode form do not change where words end. Case can: capitals are a\n"
"feature (names are words), and a sentence with no capital at all is read\n"
"with weights of its own, trained on text in lower case, so putting a\n"
"sentence in lower case may change its words; a run of five words or more\n"
"in capitals, a short line in capitals and a headline in Title Case\n"
"segment as their lower case does.\n"
"\n"
"With format='text', returns one str: the words separated by a space,\n"
"the syllables of a word joined by '_' (as underthesea does).\n"
"\n"
"With use_token_normalize=True, each word is put through normalize()\n"
"(the traditional style: 'hoà' -> 'hòa', NFC), in the list and in the text\n"
"format; the words are the same, only their spelling changes. By default\n"
"(False, unlike underthesea) they are substrings of text. It takes True or\n"
"False only (anything else raises TypeError).\n"
"\n"
"The arguments are underthesea's, in its order: text may be given by\n"
"underthesea's name, sentence=..., and use_token_normalize and fixed_words\n"
"by position.\n"
"\n"
"Uses a default Segmenter, loaded on first use. fixed_words, as in\n"
"underthesea, is an iterable of words whose syllables must stay one word\n"
"(Segmenter(user_dict=fixed_words)); the segmenter made for the last list\n"
"is kept for the next call with the same words. Each other list makes one\n"
"anew (it shares the default model: a fraction of a millisecond, and more\n"
"for a long list): for several lists, or threads with lists of their own,\n"
"make a Segmenter for each.\n"
"\n"
"Deliberate differences from underthesea: the words are never changed\n"
"unless use_token_normalize=True; fixed_words match in any case and tone\n"
"style, the model never extends one, a word of one syllable stays apart\n"
"from its neighbours, and words with marks (C++, AT&T) work; text that is\n"
"not a str (None, bytes) raises TypeError. The README lists them all.\n"
"\n"
">>> word_tokenize('Mỹ sẽ bảo vệ Nhật Bản')\n"
"['Mỹ', 'sẽ', 'bảo vệ', 'Nhật Bản']\n"
">>> word_tokenize('Mỹ sẽ bảo vệ Nhật Bản', format='text')\n"
"'Mỹ sẽ bảo_vệ Nhật_Bản'\n"
">>> word_tokenize(sentence='Chúc khoẻ mạnh, hoà bình', use_token_normalize=True)\n"
"['Chúc', 'khỏe mạnh', ',', 'hòa bình']\n");

static PyObject *
vntext_word_tokenize(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                     PyObject *kwnames)
{
    PyObject *argv[4], *seg, *r;
    const char *text_name;
    if (word_tokenize_args("word_tokenize", args, nargs, kwnames, 4, argv, &text_name) < 0)
        return NULL;
    seg = call_segmenter(module, "word_tokenize", argv[3]);
    if (seg == NULL)
        return NULL;
    r = word_tokenize_with((SegmenterObject *)seg, "word_tokenize", text_name, argv[0], argv[1],
                           argv[2]);
    Py_DECREF(seg);
    return r;
}

PyDoc_STRVAR(word_spans__doc__,
"word_spans($module, /, text, *, fixed_words=None)\n"
"--\n"
"\n"
"The words of text as (start, end) offsets: text[start:end] is a word,\n"
"as word_tokenize() returns it. Offsets count code points, as str\n"
"indices do. fixed_words as for word_tokenize().\n"
"\n"
">>> word_spans('Mỹ sẽ bảo vệ Nhật Bản')\n"
"[(0, 2), (3, 5), (6, 12), (13, 21)]\n");

static PyObject *
vntext_word_spans(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                  PyObject *kwnames)
{
    static const char *const names[] = {"text", "fixed_words"};
    PyObject *argv[2], *seg, *r;
    if (module_word_args("word_spans", args, nargs, kwnames, names, 2, argv) < 0)
        return NULL;
    seg = call_segmenter(module, "word_spans", argv[1]);
    if (seg == NULL)
        return NULL;
    r = word_spans_with((SegmenterObject *)seg, "word_spans", argv[0]);
    Py_DECREF(seg);
    return r;
}

PyDoc_STRVAR(utf8__doc__,
"_utf8($module, text, encoder=4, /)\n"
"--\n"
"\n"
"The UTF-8 that the C library reads for text, as bytes, made by the given\n"
"encoder of the binding: 0 scalar, 1 SSSE3, 2 AVX2, 3 AVX-512, 4 the best\n"
"this CPU runs; None when this CPU or build lacks it. For tests of the encoders:\n"
"str.encode('utf-8') gives the same bytes.\n");

static PyObject *
vntext_utf8(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    static const char *const names[] = {"text", "encoder"};
    PyObject *argv[2], *result;
    utf8_view u = UTF8_VIEW_INIT;
    long level = ENCODER_BEST;

    (void)module;
    if (parse_args("_utf8", args, nargs, NULL, names, 2, 1, argv) < 0)
        return NULL;
    if (str_arg(argv[0], "_utf8", "text") < 0)
        return NULL;
    if (argv[1] != NULL) {
        level = PyLong_AsLong(argv[1]);
        if (level == -1 && PyErr_Occurred())
            return NULL;
        if (level < ENCODER_SCALAR || level > ENCODER_BEST) {
            PyErr_SetString(PyExc_ValueError, "_utf8() argument 'encoder' must be 0..4");
            return NULL;
        }
        if (level != ENCODER_BEST && !encoder_supported((int)level))
            Py_RETURN_NONE;
    }
    if (utf8_view_encode(argv[0], &u, (int)level, NULL) < 0)
        return NULL;
    result = PyBytes_FromStringAndSize(u.data, u.len);
    utf8_view_release(&u);
    return result;
}

PyDoc_STRVAR(str__doc__,
"_str($module, data, /)\n"
"--\n"
"\n"
"The str that the binding makes of UTF-8 bytes from the C library (the\n"
"results of remove_accents and decode_legacy). For tests of that decoder:\n"
"data.decode('utf-8') gives the same str, and raises where it raises.\n");

static PyObject *
vntext_str(PyObject *module, PyObject *data)
{
    (void)module;
    if (!PyBytes_Check(data)) {
        PyErr_Format(PyExc_TypeError, "_str() argument must be bytes, not %.200s",
                     Py_TYPE(data)->tp_name);
        return NULL;
    }
    return str_from_utf8(PyBytes_AS_STRING(data), (size_t)PyBytes_GET_SIZE(data));
}

#define FASTCALL_KW(fn) ((PyCFunction)(void (*)(void))(fn))

static PyMethodDef vntext_methods[] = {
    {"normalize", FASTCALL_KW(vntext_normalize), METH_FASTCALL | METH_KEYWORDS,
     normalize__doc__},
    {"remove_accents", FASTCALL_KW(vntext_remove_accents),
     METH_FASTCALL | METH_KEYWORDS, remove_accents__doc__},
    {"decode_legacy", FASTCALL_KW(vntext_decode_legacy),
     METH_FASTCALL | METH_KEYWORDS, decode_legacy__doc__},
    {"detect_legacy", FASTCALL_KW(vntext_detect_legacy),
     METH_FASTCALL | METH_KEYWORDS, detect_legacy__doc__},
    {"_restore_segmenter", (PyCFunction)(void (*)(void))vntext_restore_segmenter, METH_FASTCALL,
     restore_segmenter__doc__},
    {"sent_tokenize", FASTCALL_KW(vntext_sent_tokenize),
     METH_FASTCALL | METH_KEYWORDS, sent_tokenize__doc__},
    {"sent_spans", FASTCALL_KW(vntext_sent_spans),
     METH_FASTCALL | METH_KEYWORDS, sent_spans__doc__},
    {"word_tokenize", FASTCALL_KW(vntext_word_tokenize),
     METH_FASTCALL | METH_KEYWORDS, word_tokenize__doc__},
    {"word_spans", FASTCALL_KW(vntext_word_spans),
     METH_FASTCALL | METH_KEYWORDS, word_spans__doc__},
    {"_syllable_info", FASTCALL_KW(vntext_syllable_info),
     METH_FASTCALL | METH_KEYWORDS, syllable_info__doc__},
    {"_utf8", (PyCFunction)(void (*)(void))vntext_utf8, METH_FASTCALL, utf8__doc__},
    {"_str", vntext_str, METH_O, str__doc__},
    {NULL, NULL, 0, NULL}};

/* ------------------------------------------------------------------------
 * Module
 * ---------------------------------------------------------------------- */

static int
vntext_exec(PyObject *module)
{
    vntext_state *state = get_state(module);
    PyObject *io;

    state->default_segmenter = NULL;
    state->fixed_words = NULL;
    state->fixed_segmenter = NULL;
    state->os_module = state->io_open = NULL;
    if ((state->restored = PyList_New(0)) == NULL || (state->os_module = PyImport_ImportModule("os")) == NULL)
        goto error;
    io = PyImport_ImportModule("io");
    if (io == NULL)
        goto error;
    state->io_open = PyObject_GetAttrString(io, "open");
    Py_DECREF(io);
    if (state->io_open == NULL)
        goto error;
    state->segmenter_type = PyType_FromModuleAndSpec(module, &Segmenter_spec, NULL);
    if (state->segmenter_type == NULL)
        goto error;
    Py_INCREF(state->segmenter_type);
    if (PyModule_AddObject(module, "Segmenter", state->segmenter_type) < 0) {
        Py_DECREF(state->segmenter_type);
        goto error;
    }
    if (PyModule_AddStringConstant(module, "__version__", VNT_VERSION) < 0)
        goto error;
    if (PyModule_AddStringConstant(module, "UTF8PROC_VERSION",
                                   vnt_utf8proc_version()) < 0)
        goto error;
    if (PyModule_AddStringConstant(module, "UNICODE_VERSION",
                                   vnt_unicode_version()) < 0)
        goto error;
    return 0;

error:
    return -1;
}

static int
vntext_traverse(PyObject *module, visitproc visit, void *arg)
{
    vntext_state *state = get_state(module);
    Py_VISIT(state->segmenter_type);
    Py_VISIT(state->default_segmenter);
    Py_VISIT(state->fixed_words);
    Py_VISIT(state->fixed_segmenter);
    Py_VISIT(state->restored);
    Py_VISIT(state->os_module);
    Py_VISIT(state->io_open);
    return 0;
}

static int
vntext_clear(PyObject *module)
{
    vntext_state *state = get_state(module);
    Py_CLEAR(state->io_open);
    Py_CLEAR(state->os_module);
    Py_CLEAR(state->restored);
    Py_CLEAR(state->fixed_segmenter);
    Py_CLEAR(state->fixed_words);
    Py_CLEAR(state->default_segmenter);
    Py_CLEAR(state->segmenter_type);
    free(state->spare.buf);
    state->spare.buf = NULL;
    state->spare.cap = 0;
    return 0;
}

static void
vntext_free(void *module)
{
    (void)vntext_clear((PyObject *)module);
}

static PyModuleDef_Slot vntext_slots[] = {
    {Py_mod_exec, vntext_exec},
    {0, NULL}};

PyDoc_STRVAR(vntext_module__doc__,
"C core of vntext: Vietnamese tone-mark normalization, legacy decoding,\n"
"sentence splitting and word segmentation.\n"
"Use the vntext package rather than this module.");

static struct PyModuleDef vntext_module = {
    PyModuleDef_HEAD_INIT,
    "_vntext",
    vntext_module__doc__,
    sizeof(vntext_state),
    vntext_methods,
    vntext_slots,
    vntext_traverse,
    vntext_clear,
    vntext_free,
};

PyMODINIT_FUNC
PyInit__vntext(void)
{
    return PyModuleDef_Init(&vntext_module);
}
