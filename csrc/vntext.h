/*
 * vntext: Vietnamese text processing in C.
 *
 * One public header. Every public symbol starts with vnt_ (functions, types)
 * or VNT_ (constants). Inputs are explicit (pointer, length) pairs of UTF-8;
 * they may contain U+0000. Functions return a vnt_status; vnt_strerror()
 * gives a message for it. The library never aborts, exits or prints, and
 * keeps no global mutable state: any function may be called from any number
 * of threads at once.
 */
#ifndef VNTEXT_H
#define VNTEXT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VNT_VERSION "0.1.0"

typedef enum {
    VNT_OK = 0,
    VNT_ERR_NOMEM,        /* an allocation failed */
    VNT_ERR_INVALID_UTF8, /* the input is not valid UTF-8 */
    VNT_ERR_INVALID_ARG,  /* a NULL pointer, or an out-of-range enum value */
    VNT_ERR_TOO_LARGE,    /* the input or output would not fit in memory sizes */
    VNT_ERR_UNMAPPABLE,   /* legacy codecs: a byte or character has no mapping */
    VNT_ERR_UNICODE       /* utf8proc reported an error */
} vnt_status;

/* A static, NUL-terminated English message for a status. Never NULL. */
const char *vnt_strerror(vnt_status status);

/* Version of the utf8proc library linked in, and of its Unicode data. */
const char *vnt_utf8proc_version(void);
const char *vnt_unicode_version(void);

/* ------------------------------------------------------------------------
 * Output buffer. Owned by the caller; functions append to it and grow it.
 * data is not NUL-terminated unless said so; len bytes are valid.
 * ---------------------------------------------------------------------- */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
} vnt_buf;

void vnt_buf_init(vnt_buf *buf);
void vnt_buf_free(vnt_buf *buf);       /* frees data and re-initializes */
void vnt_buf_clear(vnt_buf *buf);      /* len = 0, keeps the memory */
vnt_status vnt_buf_reserve(vnt_buf *buf, size_t extra);   /* room for extra more bytes */
vnt_status vnt_buf_append(vnt_buf *buf, const char *s, size_t len);

/* ------------------------------------------------------------------------
 * Syllables
 *
 * A Vietnamese syllable is onset + nucleus + coda, with at most one tone.
 * vnt_syllable_parse() reads one token (letters and combining marks, any
 * Unicode form, any case pattern of lower, UPPER or Title) and tells whether
 * it is a Vietnamese syllable. Its identity (id) is the same for every
 * spelling that differs only in case, Unicode form or tone-placement style:
 * "hoà", "hòa", "HOÀ", "ho\u0300a" all have one id. Different tones give
 * different ids; toneless_id drops the tone.
 * ---------------------------------------------------------------------- */
typedef enum {
    VNT_TONE_NONE = 0,  /* ngang: no mark */
    VNT_TONE_GRAVE,     /* huyền U+0300 */
    VNT_TONE_ACUTE,     /* sắc   U+0301 */
    VNT_TONE_HOOK,      /* hỏi   U+0309 */
    VNT_TONE_TILDE,     /* ngã   U+0303 */
    VNT_TONE_DOT        /* nặng  U+0323 */
} vnt_tone;

typedef enum {
    VNT_CASE_LOWER = 0,
    VNT_CASE_UPPER,
    VNT_CASE_TITLE
} vnt_case;

typedef enum {
    VNT_STYLE_TRADITIONAL = 0, /* hòa, khỏe, thủy: tone on the first vowel of open oa/oe/uy */
    VNT_STYLE_MODERN = 1       /* hoà, khoẻ, thuỷ: tone on the second vowel */
} vnt_style;

#define VNT_SYLLABLE_MAX_LETTERS 8

typedef struct {
    uint32_t id;          /* > 0; same for all spellings of the syllable */
    uint32_t toneless_id; /* id with the tone removed */
    uint8_t onset;        /* index into the onset table (0 = no onset) */
    uint8_t nucleus;      /* index into the nucleus table (never 0 for a syllable) */
    uint8_t coda;         /* index into the coda table (0 = open syllable) */
    uint8_t tone;         /* vnt_tone */
    uint8_t case_pattern; /* vnt_case */
    uint8_t nletters;     /* letters, without marks */
    uint8_t onset_len;    /* letters in the onset */
    uint8_t nucleus_len;  /* letters in the nucleus */
} vnt_syllable;

/* Returns 1 and fills *out when s[0..len) is exactly one Vietnamese syllable
 * (at most one tone mark), 0 otherwise (out is then zeroed). Invalid UTF-8
 * gives 0. Never allocates. */
int vnt_syllable_parse(const char *s, size_t len, vnt_syllable *out);

/* The canonical spelling of a syllable: NFC, the tone placed by style, the
 * case given (VNT_CASE_LOWER for a lookup key). Appends to out. */
vnt_status vnt_syllable_format(const vnt_syllable *syl, vnt_style style,
                               vnt_case case_pattern, vnt_buf *out);

/* ------------------------------------------------------------------------
 * Normalization
 * ---------------------------------------------------------------------- */

/* Tone-mark normalization. Rewrites each Vietnamese syllable with its tone
 * placed by style (repairing NFD, base+combining tone, a tone after the final
 * consonant, U+0340/U+0341); everything else is only put in NFC. Spacing and
 * punctuation are never changed. URLs, e-mail addresses, paths, identifiers
 * and domain names are only put in NFC.
 *
 * If changed is NULL, the result is always appended to out. If changed is
 * not NULL, *changed is set to 1 and the result appended to out when it
 * differs from the input; when it is the input byte for byte, *changed is 0
 * and nothing is appended. */
vnt_status vnt_normalize(const char *s, size_t len, vnt_style style,
                         vnt_buf *out, int *changed);

/* The same normalization, given as edits to the input instead of a new
 * text: a caller that holds the text in another form (a Python str) can
 * splice the few changed spans into it. Edits are sorted and do not overlap;
 * no edits means the input is already normalized. */
typedef struct {
    size_t start, end;  /* input bytes [start, end) are replaced */
    size_t repl;        /* by text.data[repl .. repl + repl_len) */
    size_t repl_len;
} vnt_edit;

typedef struct {
    vnt_edit *items;
    size_t len, cap;
    vnt_buf text;       /* the replacement bytes, one after the other */
} vnt_edits;

void vnt_edits_init(vnt_edits *edits);
void vnt_edits_free(vnt_edits *edits);  /* frees and re-initializes */
void vnt_edits_clear(vnt_edits *edits); /* no edits, keeps the memory */

/* Appends the edits that normalize s to edits (cleared first). */
vnt_status vnt_normalize_edits(const char *s, size_t len, vnt_style style, vnt_edits *edits);

/* Applies edits (as made for s) to s, appending the result to out. */
vnt_status vnt_edits_apply(const vnt_edits *edits, const char *s, size_t len, vnt_buf *out);

/* Removes Vietnamese tone and shape marks and maps đ/Đ to d/D:
 * "Tiếng Việt" -> "Tieng Viet". Marks that no Vietnamese letter carries
 * (ñ, ü, ç) and other scripts are kept. A tone typed after the final
 * consonant goes too (the text is normalized first). Output is NFC.
 * Invalid UTF-8 gives VNT_ERR_INVALID_UTF8. */
vnt_status vnt_remove_accents(const char *s, size_t len, vnt_buf *out);

/* NFC of any UTF-8 text (through utf8proc). Appends to out. */
vnt_status vnt_nfc(const char *s, size_t len, vnt_buf *out);

/* ------------------------------------------------------------------------
 * Legacy encodings
 * ---------------------------------------------------------------------- */
typedef enum {
    VNT_ENC_TCVN3 = 0,  /* "tcvn3": TCVN 5712:1993 VN3 ("ABC", .Vn fonts) */
    VNT_ENC_VNI,        /* "vni": VNI-Windows */
    VNT_ENC_VIQR,       /* "viqr": RFC 1456 quoted-readable ASCII */
    VNT_ENC_VISCII,     /* "viscii": VISCII 1.1, RFC 1456 */
    VNT_ENC_VPS,        /* "vps" */
    VNT_ENC_CP1258,     /* "cp1258": Windows-1258 */
    VNT_ENC_COUNT
} vnt_encoding;

/* The lowercase name of an encoding ("tcvn3", ...), or NULL when out of range. */
const char *vnt_encoding_name(vnt_encoding enc);

/* The encoding with this name (exact, lowercase), or -1. */
int vnt_encoding_from_name(const char *name, size_t len);

#define VNT_DECODE_STRICT  0  /* an undefined byte is an error */
#define VNT_DECODE_REPLACE 1  /* an undefined byte becomes U+FFFD */

/* Decodes legacy bytes to NFC UTF-8, appended to out. Tone placement is left
 * as written (call vnt_normalize for that). With VNT_DECODE_STRICT, an
 * undefined byte gives VNT_ERR_UNMAPPABLE and, if err_pos is not NULL, its
 * offset in *err_pos. */
vnt_status vnt_decode_legacy(const char *data, size_t len, vnt_encoding enc,
                             int flags, vnt_buf *out, size_t *err_pos);

/* Turns UTF-8 text that is bytes mis-read as Windows-1252 back into those
 * bytes (U+0080..U+00FF that Windows-1252 leaves undefined map to their own
 * byte, as Latin-1 would have read them). A character with no byte gives
 * VNT_ERR_UNMAPPABLE and its byte offset in *err_pos. */
vnt_status vnt_cp1252_to_bytes(const char *s, size_t len, vnt_buf *out,
                               size_t *err_pos);

/* Guesses the legacy encoding of data. *enc is set to a vnt_encoding, or to
 * -1 when the data look like UTF-8, plain ASCII or nothing recognisable. */
vnt_status vnt_detect_legacy(const char *data, size_t len, int *enc);

#ifdef __cplusplus
}
#endif
#endif /* VNTEXT_H */
