/*
 * vntext: Vietnamese text processing in C.
 *
 * One public header. Every public symbol starts with vnt_ (functions, types)
 * or VNT_ (constants). Inputs are explicit (pointer, length) pairs of UTF-8;
 * they may contain U+0000. Functions return a vnt_status; vnt_strerror()
 * gives a message for it. The library never aborts, exits or prints, and
 * keeps no global mutable state: any function may be called from any number
 * of threads at once, each call with output and scratch objects (vnt_buf,
 * vnt_edits, vnt_tokens, vnt_spans, vnt_segwork) of its own; a segmenter is
 * read-only once made and may be shared.
 *
 * Output objects are initialized with their vnt_*_init function before the
 * first call and may be reused from call to call. On an error, an output
 * that a function appends to (vnt_buf) is left as it was, and one that it
 * clears first is left empty. The vnt_*_free functions accept NULL.
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
    VNT_ERR_UNICODE,      /* utf8proc reported an error */
    VNT_ERR_FORMAT        /* a model file is malformed, or was built for another parser */
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
 * and nothing is appended. Invalid UTF-8 gives VNT_ERR_INVALID_UTF8. */
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

/* The edits that normalize s, in edits (cleared first). Invalid UTF-8
 * gives VNT_ERR_INVALID_UTF8. */
vnt_status vnt_normalize_edits(const char *s, size_t len, vnt_style style, vnt_edits *edits);

/* Applies edits (as made for s) to s, appending the result to out. */
vnt_status vnt_edits_apply(const vnt_edits *edits, const char *s, size_t len, vnt_buf *out);

/* Removes Vietnamese tone and shape marks and maps đ/Đ to d/D:
 * "Tiếng Việt" -> "Tieng Viet". Marks that no Vietnamese letter carries
 * (ñ, ü, ç) and other scripts are kept. A tone typed after the final
 * consonant goes too (the text is normalized first). Output is NFC.
 * Invalid UTF-8 gives VNT_ERR_INVALID_UTF8. */
vnt_status vnt_remove_accents(const char *s, size_t len, vnt_buf *out);

/* NFC of any UTF-8 text (through utf8proc). Appends to out. Invalid UTF-8
 * gives VNT_ERR_INVALID_UTF8. */
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
 * VNT_ERR_UNMAPPABLE, and invalid UTF-8 VNT_ERR_INVALID_UTF8, with the byte
 * offset of either in *err_pos when err_pos is not NULL. */
vnt_status vnt_cp1252_to_bytes(const char *s, size_t len, vnt_buf *out,
                               size_t *err_pos);

/* Guesses the legacy encoding of data. *enc is set to a vnt_encoding, or to
 * -1 when the data look like UTF-8, ASCII without VIQR marks or nothing
 * recognisable. */
vnt_status vnt_detect_legacy(const char *data, size_t len, int *enc);

/* ------------------------------------------------------------------------
 * Scanner
 *
 * One left-to-right pass that cuts UTF-8 text into tokens; every later stage
 * (sentences, words) reads these tokens, so a number, a URL or an
 * abbreviation is recognised in one place only. Tokens are in order and do
 * not overlap. White space without a line break is not a token: the gap
 * between two tokens is white space (VNT_TF_SPACE_BEFORE tells which tokens
 * have some before them). A stretch of white space that holds a line break
 * (LF, CR, CRLF, U+0085, U+2028, U+2029) is one VNT_TOK_NEWLINE token.
 * ---------------------------------------------------------------------- */
typedef enum {
    VNT_TOK_WORD = 1,  /* letters with their marks, ASCII digits inside: "Việt", "H5N1" */
    VNT_TOK_NUMBER,    /* starts with a digit: "1.500", "3,5", "8h30", "20-11-2003", "35N-3051" */
    VNT_TOK_ABBREV,    /* abbreviation or initial, with its period: "TP.", "v.v.", "N.", "TP.HCM" */
    VNT_TOK_URL,       /* "https://...", "www....", a domain with a path */
    VNT_TOK_EMAIL,     /* "thu.nguyen@example.com" */
    VNT_TOK_DOMAIN,    /* "vnexpress.net" */
    VNT_TOK_MENTION,   /* "@name" */
    VNT_TOK_HASHTAG,   /* "#chủ_đề" */
    VNT_TOK_PUNCT,     /* one punctuation character; a run of periods ("...") or of
                        * hyphens ("------") is one token */
    VNT_TOK_SYMBOL,    /* any other character: "%", "+", "$", control characters */
    VNT_TOK_EMOJI,     /* a pictograph with its modifiers and joiners; an emoticon after
                        * white space: ":)", "=))", ":v", "^^", "<3" */
    VNT_TOK_NEWLINE    /* white space holding one or more line breaks */
} vnt_token_kind;

/* vnt_token.flags */
#define VNT_TF_SPACE_BEFORE 0x01 /* white space (or the start of the text) just before */
#define VNT_TF_UPPER        0x02 /* the first letter is upper or title case */
#define VNT_TF_LOWER        0x04 /* the first letter is lower case */
#define VNT_TF_INITIAL      0x08 /* VNT_TOK_ABBREV: one letter and a period ("N.") */
#define VNT_TF_KNOWN        0x10 /* VNT_TOK_ABBREV: in the abbreviation table ("TP.") */
#define VNT_TF_BLANK        0x20 /* VNT_TOK_NEWLINE: two or more line breaks (a blank line) */
#define VNT_TF_JOINED       0x40 /* VNT_TOK_WORD: words joined by underscores ("user_name",
                                  * "bao_cao.docx", "bảo_vệ"); a word of its own */

typedef struct {
    size_t start, end;  /* bytes [start, end) of the input */
    uint16_t kind;      /* vnt_token_kind */
    uint16_t flags;     /* VNT_TF_* */
} vnt_token;

/* A growable array of tokens, owned by the caller and reusable. */
typedef struct {
    vnt_token *items;
    size_t len, cap;
} vnt_tokens;

void vnt_tokens_init(vnt_tokens *toks);
void vnt_tokens_free(vnt_tokens *toks);  /* frees and re-initializes */

/* Cuts s[0..len) into tokens, written to toks (cleared first). Invalid UTF-8
 * gives VNT_ERR_INVALID_UTF8 (toks is then empty). Linear in len. */
vnt_status vnt_scan(const char *s, size_t len, vnt_tokens *toks);

/* The name of a token kind ("word", "number", ...), or NULL. */
const char *vnt_token_kind_name(int kind);

/* ------------------------------------------------------------------------
 * Sentences
 * ---------------------------------------------------------------------- */
typedef struct {
    size_t start, end;  /* bytes [start, end) of the input */
} vnt_span;

/* A growable array of spans, owned by the caller and reusable. */
typedef struct {
    vnt_span *items;
    size_t len, cap;
} vnt_spans;

void vnt_spans_init(vnt_spans *spans);
void vnt_spans_free(vnt_spans *spans);  /* frees and re-initializes */

/* Splits s[0..len) into sentences, written to out (cleared first) as byte
 * spans in order. Every character that is not white space is in exactly
 * one span; a span starts and ends with a character that is not white
 * space and never holds a line break. A sentence ends at a final mark
 * (. ? ! … and runs such as ?! or ./.) with the closing quotes and brackets
 * that follow it, when what follows can start a sentence; at every line
 * break; and at the end of the text. Abbreviations, initials, numbers,
 * URLs, domains and e-mail addresses do not end sentences. Sentences meet
 * at white space, or right after a final mark typed without the space
 * before a word that starts a sentence ("Vì sao?Vì", "giảm.Thị"); no token
 * of vnt_scan() crosses a boundary.
 *
 * work is scratch space owned by the caller (reuse it across calls): it
 * receives the tokens of the stretches that need the scanner, and plain
 * words as single tokens, so its content is not the full scan. */
vnt_status vnt_sentences(const char *s, size_t len, vnt_tokens *work, vnt_spans *out);

/* The same decisions over toks, the tokens that vnt_scan(s, len) gave, for a
 * caller that scans anyway (word segmentation): the spans are those of
 * vnt_sentences(). Tokens out of order or out of range give
 * VNT_ERR_INVALID_ARG. */
vnt_status vnt_sentences_from_tokens(const char *s, size_t len, const vnt_tokens *toks,
                                     vnt_spans *out);

/* ------------------------------------------------------------------------
 * Word segmentation
 *
 * Vietnamese puts a space between syllables, not words ("bảo vệ" is one
 * word). A segmenter is a trained model (tools/SEGMENTER.md states the
 * features and the file format; python/vntext/segmenter.bin is the shipped
 * one) plus an optional user dictionary. It is immutable once made: any
 * number of threads may use one segmenter at once.
 * ---------------------------------------------------------------------- */
typedef struct vnt_segmenter vnt_segmenter;

/* Reads a model file held in data[0..len). The file is checked (magic,
 * version (6; a file of another version gives VNT_ERR_FORMAT), sizes, sorted
 * keys, the syllable-id fingerprint: a model trained with another parser
 * gives VNT_ERR_FORMAT) and copied, so data may be freed
 * when this returns. About 5.4 MB of memory for the shipped model. */
vnt_status vnt_segmenter_load(const void *data, size_t len, vnt_segmenter **out);

void vnt_segmenter_free(vnt_segmenter *seg);

/* The description the training tool stored in the file (never NULL). */
const char *vnt_segmenter_description(const vnt_segmenter *seg);

/* Bytes of memory the segmenter uses: its model's tables (shared with the
 * segmenters derived from the same load, see vnt_segmenter_with_dict) and
 * its user dictionary. */
size_t vnt_segmenter_memory(const vnt_segmenter *seg);

/* A new segmenter: base plus a user dictionary. join and split are lists of
 * words separated by '\n' or "\r\n" (UTF-8; a word that holds another line
 * break gives VNT_ERR_INVALID_ARG, invalid UTF-8 VNT_ERR_INVALID_UTF8; a
 * line that is empty or white space only is no word and is skipped). An
 * underscore between two characters that are not underscores reads as a
 * space, so "sẽ_bảo", as segmented corpora write a word, is the word "sẽ
 * bảo" (an underscore at an edge or next to another stays: "__init__").
 * Wherever the syllables of a join word occur in a sentence (compared by
 * syllable identity: case, tone style and Unicode form do not matter), they
 * stay one word, and a word of its own: the model never extends it (the
 * gaps at its edges are split unless another join word joins them); where
 * two join words overlap, the one that starts first (the longest there that
 * no split word cuts) is the word and the other is not applied. The
 * syllables of a split word are always separate words (split wins over
 * join), and the gaps at its edges split too. A word of one syllable (one
 * unit: a syllable, number, abbreviation or other token) in either list is
 * thus a word of its own wherever it occurs, unless a longer join word
 * holds it. base's own user dictionary is kept.
 *
 * The new segmenter shares base's model tables (read only), with no copy:
 * it costs the memory of its dictionary. The tables live until the last
 * segmenter that holds them is freed, so base may be freed first; any
 * thread may free either. */
vnt_status vnt_segmenter_with_dict(const vnt_segmenter *base, const char *join, size_t join_len,
                                   const char *split, size_t split_len, vnt_segmenter **out);

/* Scratch space for vnt_word_spans, owned by the caller; reusing one across
 * calls saves allocations and keeps its cache of the tokens met (1 MB,
 * made on first use). One thread at a time. */
typedef struct vnt_segwork vnt_segwork;
vnt_segwork *vnt_segwork_new(void);  /* NULL when out of memory */
void vnt_segwork_free(vnt_segwork *work);
/* The bytes of memory that work holds (0 for NULL), for a caller that
 * keeps work only while it is small: its cache once made (1 MB), and
 * arrays that grow with the longest sentence segmented (about 150 bytes a
 * word) and with the text scanned at once (64 KB of a long text, or a
 * sentence longer than that whole); those of a long text's size are freed
 * when a call ends. */
size_t vnt_segwork_size(const vnt_segwork *work);

/* The words of s[0..len) as byte spans, in order, written to out (cleared
 * first). A word is one or more tokens of vnt_scan() with only white space
 * (no line break) between them; it never crosses a sentence boundary of
 * vnt_sentences(). URLs, e-mail addresses, domains, @mentions, #hashtags,
 * emoji and punctuation are words of their own; a number or abbreviation
 * is never cut ("1.500", "3,5%", "2+2", "TP.HCM"), except that the period
 * of an abbreviation or initials that ends a sentence is a word of its own
 * ("TP" "." as the corpora write it; "v.v." stays whole). Every character that is
 * not white space is in exactly one span. work may be NULL (then scratch
 * space, with its 1 MB cache, is made and freed for this call: tens of
 * times slower on a sentence than with a work reused). Linear in len. */
vnt_status vnt_word_spans(const vnt_segmenter *seg, const char *s, size_t len,
                          vnt_segwork *work, vnt_spans *out);

/* vnt_word_spans, and in pieces (when not NULL) the pieces of the words:
 * the stretches of a word between the white space in it, in order (a word
 * written without white space is one piece). A piece begins a word when it
 * starts where a word of out starts. The text format is the pieces joined
 * by '_' inside a word and by ' ' between words. */
vnt_status vnt_word_pieces(const vnt_segmenter *seg, const char *s, size_t len,
                           vnt_segwork *work, vnt_spans *out, vnt_spans *pieces);

/* Appends the words in the underthesea "text" format: words separated by
 * one space, the white space inside a word replaced by '_' ("bảo_vệ"). */
vnt_status vnt_words_text(const char *s, size_t len, const vnt_spans *words, vnt_buf *out);

#ifdef __cplusplus
}
#endif
#endif /* VNTEXT_H */
