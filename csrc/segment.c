/* Word segmentation: the inference side of the model that
 * tools/train_segmenter.py trains (tools/SEGMENTER.md is the spec).
 *
 * Pipeline for one text: vnt_scan() -> sentence spans from the same tokens
 * (vnt_sentences_from_tokens) -> per sentence, the scanner tokens are grouped
 * into units (a word, number or abbreviation with the hyphens, slashes and
 * signs glued to it without white space, "e-mail", "2+2", "3,5%") -> the
 * token identity of each unit -> lexicon columns -> feature keys per gap ->
 * Viterbi over JOIN/SPLIT gap labels -> byte spans of the words.
 *
 * The model is copied at load into a hash table of feature weights and a
 * hash set of lexicon entries; it is never written afterwards, so any
 * number of threads may segment with one model. All scratch memory lives in
 * a vnt_segwork owned by the caller and grows by doubling.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

#define FNV_OFFSET UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME UINT64_C(0x100000001b3)
#define KEY_SEED UINT64_C(0x243f6a8885a308d3)   /* feature keys */
#define LEX_SEED UINT64_C(0x13198a2e03707344)   /* lexicon entry hashes */
#define CASELESS_MASK UINT64_C(0x452821e638d01377) /* keys of a caseless sentence */
#define HEADER_FIXED 64 /* the header up to the template ids */
#define NONSYL_BIT (UINT64_C(1) << 63)
#define PAD_BOS (UINT64_C(1) << 32)
#define PAD_EOS ((UINT64_C(1) << 32) + 1)
#define SHAPE_BOS 0
#define SHAPE_EOS 15
#define LEN_CAP 5
#define RUN_CAP 4
#define NO_GAP 512u
#define PAD 3           /* padding tokens on each side of a sentence */
#define MAX_TEMPLATES 64
#define MAX_SLOTS 4
#define LEX_ENTRY 1
#define LEX_MORE 2

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#ifdef __GNUC__
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* ---------------------------------------------------------------------- */
/* Hashing                                                                  */

VNT_INLINE uint64_t fnv_byte(uint64_t h, unsigned b) { return (h ^ b) * FNV_PRIME; }

/* The splitmix64 finalizer: feature keys and lexicon hashes are chains of
 * hash_step over 64-bit values (tools/SEGMENTER.md, "Hashing"). */
VNT_INLINE uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= UINT64_C(0xbf58476d1ce4e5b9);
    x ^= x >> 27;
    x *= UINT64_C(0x94d049bb133111eb);
    return x ^ (x >> 31);
}

VNT_INLINE uint64_t hash_step(uint64_t h, uint64_t v) { return mix64(h ^ v); }

/* Feature keys (file versions 5 and 6): each slot value is mixed once, the
 * j-th value of a template rotated left by 16 j bits, and the key is the
 * template's seed xor those (tools/SEGMENTER.md, "Hashing"); version 6
 * xors the keys of a caseless sentence with CASELESS_MASK. */
#define VALUE_SEED UINT64_C(0x9e3779b97f4a7c15)
VNT_INLINE uint64_t value_mix(uint64_t v) { return mix64(v + VALUE_SEED); }
VNT_INLINE uint64_t rotl64(uint64_t x, unsigned r) { return r ? x << r | x >> (64 - r) : x; }
#define SMALL_VALUES 1024 /* value_mix of the per-gap integers, made at load */

/* Table slot of a key or lexicon hash: they are already mixed, but keys
 * made by hand (tests, fuzzing) are not, so fold the high half in. */
VNT_INLINE uint64_t slot_of(uint64_t k) { return k ^ (k >> 32); }

/* An open-addressing set of 64-bit hashes (0 is kept aside). */
typedef struct {
    uint64_t *keys;
    uint64_t mask;
    size_t n;
    int has_zero;
    unsigned maxlen; /* lexicon sets: the longest entry in tokens */
    int has_single;  /* user dictionary sets: an entry of one token */
} hset;

static vnt_status hset_init(hset *s, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n + 2)
        cap *= 2;
    s->keys = calloc(cap, sizeof *s->keys);
    if (!s->keys)
        return VNT_ERR_NOMEM;
    s->mask = cap - 1;
    s->n = 0;
    s->has_zero = 0;
    s->maxlen = 0;
    s->has_single = 0;
    return VNT_OK;
}

/* Adds k; returns its slot (the mask + 1 for 0, kept aside). The set must
 * have room (made by hset_init for at least this many). */
static uint64_t hset_add(hset *s, uint64_t k)
{
    if (k == 0) {
        s->has_zero = 1;
        return s->mask + 1;
    }
    uint64_t i = slot_of(k) & s->mask;
    while (s->keys[i] != 0) {
        if (s->keys[i] == k)
            return i;
        i = (i + 1) & s->mask;
    }
    s->keys[i] = k;
    s->n++;
    return i;
}

/* The slot of k in s, the mask + 1 for 0 when s has it, or -1. */
VNT_INLINE int64_t hset_find(const hset *s, uint64_t k)
{
    if (VNT_UNLIKELY(k == 0))
        return s->has_zero ? (int64_t)s->mask + 1 : -1;
    uint64_t i = slot_of(k) & s->mask;
    for (;;) {
        uint64_t x = s->keys[i];
        if (x == k)
            return (int64_t)i;
        if (x == 0)
            return -1;
        i = (i + 1) & s->mask;
    }
}

VNT_INLINE int hset_has(const hset *s, uint64_t k) { return hset_find(s, k) >= 0; }

/* Feature weights: a table of 64-byte buckets of eight entries, each the
 * high 32 bits of a key (its fingerprint) and the weight. A key sits in
 * its bucket b1 (from slot_of(key)), or, where b1 was full when the table
 * was built, in b2 = b1 XOR a nonzero value from the fingerprint, and a bit
 * of b1 says so (about one bucket in twenty). A lookup reads b1 whole (and
 * b2 where b1's bit is set) and adds the weights of the entries whose
 * fingerprint is the key's: one cache line, no branch but the rare one.
 * Empty entries weigh 0. The loader makes sure each model key finds only
 * its own entry in its two buckets (otherwise it doubles the table), so it
 * always finds its own weight; a key outside the model finds a weight only
 * if it agrees with an entry of its buckets on the 32 fingerprint bits
 * (about 2^-28 per lookup), which changes no output on the dev sets. */
#define BUCKET 8
typedef struct {
    uint32_t fp[BUCKET];
    float w[BUCKET];
} fbucket;

VNT_INLINE uint64_t bucket1(uint64_t k, uint64_t bmask) { return slot_of(k) & bmask; }

VNT_INLINE uint64_t bucket2(uint64_t b1, uint32_t fp, uint64_t bmask)
{
    return b1 ^ ((((uint64_t)fp * UINT64_C(0x9E3779B97F4A7C15)) >> 40 & bmask) | 1);
}

/* ---------------------------------------------------------------------- */
/* Templates (tools/train_segmenter.py TEMPLATES)                          */

enum {
    S_V = 0,        /* S_V + 3 + d: v[d], d = -3..2 */
    S_TV = 6,       /* tv[d] */
    S_SH = 12,      /* sh[d] */
    S_SPAN = 18,
    S_LEND,
    S_RSTART,
    S_FMM,
    S_BMM,
    S_LMASK,
    S_LMASKP,
    S_LMASKN,
    S_CAPL,
    S_CAPR,
    S_COUNT
};
#define V(d) (S_V + 3 + (d))
#define TV(d) (S_TV + 3 + (d))
#define SH(d) (S_SH + 3 + (d))

typedef struct {
    uint8_t id;
    uint8_t n;
    uint8_t slot[MAX_SLOTS];
} template_def;

static const template_def TEMPLATES[] = {
    {0, 0, {0}},
    {1, 1, {V(-1)}}, {2, 1, {V(0)}}, {3, 1, {V(-2)}}, {4, 1, {V(1)}},
    {5, 1, {V(-3)}}, {6, 1, {V(2)}},
    {7, 2, {V(-1), V(0)}}, {8, 2, {V(-2), V(-1)}}, {9, 2, {V(0), V(1)}},
    {10, 2, {V(-3), V(-2)}}, {11, 2, {V(1), V(2)}},
    {12, 2, {V(-2), V(0)}}, {13, 2, {V(-1), V(1)}},
    {14, 3, {V(-2), V(-1), V(0)}}, {15, 3, {V(-1), V(0), V(1)}},
    {16, 3, {V(-3), V(-2), V(-1)}}, {17, 3, {V(0), V(1), V(2)}},
    {20, 2, {TV(-1), TV(0)}}, {21, 3, {TV(-2), TV(-1), TV(0)}},
    {22, 3, {TV(-1), TV(0), TV(1)}},
    {30, 2, {SH(-1), SH(0)}}, {31, 4, {SH(-2), SH(-1), SH(0), SH(1)}},
    {32, 2, {SH(-1), V(0)}}, {33, 2, {V(-1), SH(0)}},
    {40, 1, {S_SPAN}}, {41, 2, {S_LEND, S_RSTART}}, {42, 2, {S_FMM, S_BMM}},
    {43, 3, {S_SPAN, S_LEND, S_RSTART}}, {44, 3, {S_SPAN, SH(-1), SH(0)}},
    {45, 3, {S_SPAN, V(-1), V(0)}}, {46, 3, {S_FMM, S_BMM, V(-1)}},
    {47, 3, {S_FMM, S_BMM, V(0)}},
    {48, 1, {S_LMASK}}, {49, 3, {S_LMASK, SH(-1), SH(0)}},
    {50, 2, {S_CAPL, S_CAPR}}, {51, 3, {S_CAPL, S_CAPR, S_SPAN}},
    {52, 2, {S_LMASK, V(-1)}}, {53, 2, {S_LMASK, V(0)}},
    {54, 3, {S_LMASKP, S_LMASK, S_LMASKN}}, {55, 2, {S_LMASKP, S_LMASK}},
    {56, 2, {S_LMASK, S_LMASKN}},
};

/* Values of slot s, when it is a small integer: 0 .. slot_domain(s) - 1;
 * 0 for token values. */
static uint32_t slot_domain(unsigned s)
{
    switch (s) {
    case S_SPAN: case S_LEND: case S_RSTART:
        return LEN_CAP + 1;
    case S_FMM: case S_BMM:
        return 2;
    case S_LMASK:
        return NO_GAP;
    case S_LMASKP: case S_LMASKN:
        return NO_GAP + 1;
    case S_CAPL: case S_CAPR:
        return RUN_CAP + 1;
    default:
        return s >= S_SH && s < S_SH + 6 ? SHAPE_EOS + 1 : 0;
    }
}

#define DENSE_MAX 4096 /* entries of a dense template at most */
#define MAX_UNI 4      /* templates of one token value kept per token */

typedef struct {
    uint8_t n;
    uint8_t slot[MAX_SLOTS];
    uint32_t stride[MAX_SLOTS];
    uint32_t size;           /* entries of w */
    double *w;
} dense_def;

static const template_def *find_template(unsigned id)
{
    for (size_t i = 0; i < sizeof TEMPLATES / sizeof TEMPLATES[0]; i++)
        if (TEMPLATES[i].id == id)
            return &TEMPLATES[i];
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* The model                                                                */

/* What scores the gaps of a sentence, for one of the two key spaces: cased
 * sentences, and caseless ones (no capitalized unit, some in lower case),
 * whose keys are xored with CASELESS_MASK (tools/SEGMENTER.md). */
typedef struct {
    uint64_t htpl_seed[MAX_TEMPLATES]; /* seeds of the looked-up templates */
    dense_def dense[MAX_TEMPLATES];
    double bias;                  /* the weights of the slotless templates */
    uint64_t uni_seed[MAX_UNI];
    float uni_pad[2][MAX_UNI];    /* weights of the one-value templates for the padding */
} keyset;

struct vnt_segmenter {
    fbucket *ftab;
    uint64_t fmask;          /* buckets - 1 */
    uint64_t *fover;         /* bit b: keys of bucket b that did not fit went to their b2 */
    size_t n_weights;
    hset lex;                /* lexicon entries and their proper prefixes */
    uint8_t *lexflags;       /* per slot of lex (and one for 0): LEX_ENTRY, LEX_MORE */
    hset ujoin, usplit;      /* user dictionary: entry hashes (may be empty) */
    double trans[4];         /* SS, SJ, JS, JJ */
    template_def tpl[MAX_TEMPLATES]; /* all, in file order (the trace's keys) */
    unsigned ntpl;
    /* hash_step(KEY_SEED, template id), then the same xor CASELESS_MASK:
     * the seeds of the keys of a cased and of a caseless sentence */
    uint64_t tpl_seed[2][MAX_TEMPLATES];
    /* Scoring splits the templates in two. Those whose slots are all small
     * integers (lexicon columns, capital runs, shapes) have their weights
     * read at load into dense arrays indexed by the slot values, a template
     * whose slots are among those of another in the other's array: a gap
     * costs an index and a load per array, not a key and a table lookup per
     * template. The others are looked up by key. */
    template_def htpl[MAX_TEMPLATES];
    unsigned nhash, ndense;
    /* Templates of one token value, v[d] (ids 1 to 4): their weights depend
     * on the token alone, so they are looked up once a token and kept with
     * its identity in the caller's cache (see identities). */
    unsigned nuni;
    int8_t uni_off[MAX_UNI];      /* d of v[d] */
    keyset ks[2];                 /* for cased and caseless sentences */
    uint64_t tag;                 /* a hash of the file: what those caches were made for */
    uint64_t id_va, id_tu;        /* the values of "và" and "tù" (conjunction_edges) */
    uint64_t small_mix[SMALL_VALUES];  /* value_mix(0 .. SMALL_VALUES - 1) */
    char *desc;
    /* Every field above but ujoin and usplit is read only once loaded, and
     * shared by the segmenters derived from this one (and from those):
     * vnt_segmenter_with_dict copies the struct, not the tables it points
     * to. users counts the segmenters that hold them; the last one freed
     * frees them. */
    atomic_size_t *users;
};

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rd64(const unsigned char *p) { return rd32(p) | (uint64_t)rd32(p + 4) << 32; }

static float rdf32(const unsigned char *p)
{
    uint32_t u = rd32(p);
    float f;
    memcpy(&f, &u, 4);
    return f;
}

/* A weight the loader takes: finite (not NaN, not infinite) and at most
 * 10^6 in size, so that the sums of a sentence's Viterbi stay finite (the
 * shipped weights are below 40). A NaN transition made every gap JOIN. */
static int weight_ok(double w)
{
    return w >= -1e6 && w <= 1e6;
}

/* FNV-1a-64 over the ids of the fingerprint syllables (tools/SEGMENTER.md). */
static uint64_t id_fingerprint(void)
{
    static const char *const syl[] = {"a", "ba", "hòa", "thủy", "nguyễn", "người", "đường",
                                      "khuya", "gì", "quốc", "giường", "uống", "ngoằn", "yêu"};
    uint64_t h = FNV_OFFSET;
    for (size_t i = 0; i < sizeof syl / sizeof syl[0]; i++) {
        vnt_syllable s;
        uint32_t id = vnt_syllable_parse(syl[i], strlen(syl[i]), &s) ? s.id : 0;
        for (int k = 0; k < 4; k++)
            h = fnv_byte(h, (id >> (8 * k)) & 0xFF);
    }
    return h;
}

/* The token value of a syllable (its id, as identify() gives it). */
static uint64_t syllable_value(const char *w)
{
    vnt_syllable s;
    return vnt_syllable_parse(w, strlen(w), &s) ? s.id : UINT64_MAX;
}

void vnt_segmenter_free(vnt_segmenter *seg)
{
    if (!seg)
        return;
    free(seg->ujoin.keys);
    free(seg->usplit.keys);
    /* the tables, unless another segmenter still holds them (no users yet:
     * a load that failed) */
    if (seg->users != NULL &&
        atomic_fetch_sub_explicit(seg->users, 1, memory_order_acq_rel) != 1) {
        free(seg);
        return;
    }
    free(seg->users);
    free(seg->ftab);
    free(seg->fover);
    for (int c = 0; c < 2; c++)
        for (unsigned t = 0; t < MAX_TEMPLATES; t++) /* NULL past the arrays made */
            free(seg->ks[c].dense[t].w);
    free(seg->lex.keys);
    free(seg->lexflags);
    free(seg->desc);
    free(seg);
}

/* Whether keys of bucket b went to their second bucket. */
VNT_INLINE int overflowed(const vnt_segmenter *m, uint64_t b)
{
    return (int)((m->fover[b / 64] >> (b % 64)) & 1);
}

/* Fills seg->ftab (nb buckets) with the nw keys and weights of the file:
 * 0 done, 1 a bucket overflowed or two keys would be confused (try a
 * bigger table), -1 no memory. */
static int ftab_build(vnt_segmenter *seg, const unsigned char *keys, const unsigned char *ws,
                      uint32_t nw, size_t nb)
{
    free(seg->ftab);
    free(seg->fover);
    seg->ftab = aligned_alloc(64, nb * sizeof *seg->ftab);
    seg->fover = calloc((nb + 63) / 64, sizeof *seg->fover);
    uint8_t *fill = calloc(nb, 1);
    if (!seg->ftab || !seg->fover || !fill) {
        free(fill);
        return -1;
    }
    memset(seg->ftab, 0, nb * sizeof *seg->ftab);
    seg->fmask = nb - 1;
    int r = 0;
    for (uint32_t i = 0; i < nw && r == 0; i++) {
        uint64_t k = rd64(keys + 8 * (size_t)i);
        uint32_t fp = (uint32_t)(k >> 32);
        uint64_t b1 = bucket1(k, seg->fmask), b = b1;
        if (fill[b1] == BUCKET) { /* full: the key goes to b2, b1 says so */
            seg->fover[b1 / 64] |= UINT64_C(1) << (b1 % 64);
            b = bucket2(b1, fp, seg->fmask);
            if (fill[b] == BUCKET) {
                r = 1;
                break;
            }
        }
        seg->ftab[b].fp[fill[b]] = fp;
        seg->ftab[b].w[fill[b]] = rdf32(ws + 4 * (size_t)i);
        fill[b]++;
    }
    /* every key finds its fingerprint once where lookups look for it */
    for (uint32_t i = 0; i < nw && r == 0; i++) {
        uint64_t k = rd64(keys + 8 * (size_t)i);
        uint32_t fp = (uint32_t)(k >> 32);
        uint64_t b1 = bucket1(k, seg->fmask), b2 = bucket2(b1, fp, seg->fmask);
        int over = overflowed(seg, b1), found = 0;
        for (int j = 0; j < BUCKET; j++)
            found += (seg->ftab[b1].fp[j] == fp && j < fill[b1]) +
                     (over && seg->ftab[b2].fp[j] == fp && j < fill[b2]);
        if (found != 1)
            r = 1;
    }
    free(fill);
    return r;
}

static vnt_status split_templates(vnt_segmenter *seg);

#define BAD(cond)                          \
    do {                                   \
        if (cond) {                        \
            st = VNT_ERR_FORMAT;           \
            goto fail;                     \
        }                                  \
    } while (0)

vnt_status vnt_segmenter_load(const void *data, size_t len, vnt_segmenter **out)
{
    if (out == NULL || data == NULL)
        return VNT_ERR_INVALID_ARG;
    *out = NULL;
    const unsigned char *p = data;
    vnt_status st = VNT_OK;
    vnt_segmenter *seg = calloc(1, sizeof *seg);
    if (!seg)
        return VNT_ERR_NOMEM;

    /* version 1 files used FNV keys, version 2 had no prefix set, version 3
     * chained the keys value by value, version 4 mixed each key once more,
     * version 5 had no keys for caseless sentences: retrain */
    BAD(len < HEADER_FIXED || memcmp(p, "VNTSEGM\0", 8) != 0);
    BAD(rd32(p + 8) != VNT__MODEL_VERSION);
    uint32_t header = rd32(p + 12), nw = rd32(p + 16), nlex = rd32(p + 20);
    uint32_t ntpl = rd32(p + 24), maxlen = rd32(p + 28), tlen = rd32(p + 56);
    uint32_t nmore = rd32(p + 60);
    BAD(header % 8 != 0 || header > len || ntpl > MAX_TEMPLATES || maxlen > 64);
    BAD(HEADER_FIXED + (uint64_t)ntpl + tlen > header || tlen == 0);
    uint64_t wbytes = ((uint64_t)nw * 12 + 7) / 8 * 8;
    BAD((uint64_t)header + wbytes + ((uint64_t)nlex + nmore) * 8 != len);
    BAD(rd64(p + 48) != id_fingerprint());
    seg->id_va = syllable_value("v\xc3\xa0");
    seg->id_tu = syllable_value("t\xc3\xb9");
    for (int k = 0; k < 4; k++) {
        seg->trans[k] = (double)rdf32(p + 32 + 4 * k);
        BAD(!weight_ok(seg->trans[k]));
    }
    seg->ntpl = ntpl;
    for (uint32_t t = 0; t < ntpl; t++) {
        const template_def *d = find_template(p[HEADER_FIXED + t]);
        BAD(d == NULL);
        seg->tpl[t] = *d;
        seg->tpl_seed[0][t] = hash_step(KEY_SEED, d->id);
        seg->tpl_seed[1][t] = seg->tpl_seed[0][t] ^ CASELESS_MASK;
    }
    for (uint64_t x = 0; x < SMALL_VALUES; x++)
        seg->small_mix[x] = value_mix(x);
    const unsigned char *text = p + HEADER_FIXED + ntpl;
    BAD(text[tlen - 1] != 0);
    seg->desc = malloc(tlen);
    if (!seg->desc) {
        st = VNT_ERR_NOMEM;
        goto fail;
    }
    memcpy(seg->desc, text, tlen);
    seg->tag = hash_step(KEY_SEED, len);
    for (size_t i = 0; i + 8 <= len; i += 8)
        seg->tag = hash_step(seg->tag, rd64(p + i));
    seg->tag |= 1; /* 0: a cache made for no model yet */

    /* feature weights */
    const unsigned char *keys = p + header, *ws = p + header + (size_t)nw * 8;
    uint64_t prev = 0;
    for (uint32_t i = 0; i < nw; i++) {
        uint64_t k = rd64(keys + 8 * (size_t)i);
        BAD(i > 0 && k <= prev);
        BAD(!weight_ok(rdf32(ws + 4 * (size_t)i)));
        prev = k;
    }
    seg->n_weights = nw;
    size_t nb = 2; /* buckets: at most 30% of the entries used, so few overflow */
    while (nb * BUCKET < (size_t)nw * 10 / 3 + 2)
        nb *= 2;
    /* A trained model's keys are hashes: one doubling at most separates
     * them (none for the shipped file). Keys made to collide would have the
     * table double until its memory ran out. */
    const size_t nb_max = nb << 6;
    for (;;) {
        int r = ftab_build(seg, keys, ws, nw, nb);
        if (r < 0) {
            st = VNT_ERR_NOMEM;
            goto fail;
        }
        if (r == 0)
            break;
        /* a full bucket, or two keys with one fingerprint in one bucket: a
         * bigger table separates them (distinct keys differ in slot_of bits
         * below 2^32) */
        BAD(nb >= nb_max || nb >= (SIZE_MAX / sizeof(fbucket)) / 2);
        nb *= 2;
    }
    st = split_templates(seg);
    if (st != VNT_OK)
        goto fail;

    /* lexicon: the entries and the prefixes in one set, a flag byte each */
    st = hset_init(&seg->lex, (size_t)nlex + nmore);
    if (st != VNT_OK)
        goto fail;
    seg->lex.maxlen = maxlen;
    seg->lexflags = calloc(seg->lex.mask + 2, 1);
    if (!seg->lexflags) {
        st = VNT_ERR_NOMEM;
        goto fail;
    }
    const unsigned char *lx = p + header + wbytes;
    for (uint32_t i = 0; i < nlex; i++) {
        uint64_t k = rd64(lx + 8 * (size_t)i);
        BAD(i > 0 && k <= prev);
        prev = k;
        seg->lexflags[hset_add(&seg->lex, k)] |= LEX_ENTRY;
    }
    const unsigned char *mx = lx + (size_t)nlex * 8;
    for (uint32_t i = 0; i < nmore; i++) {
        uint64_t k = rd64(mx + 8 * (size_t)i);
        BAD(i > 0 && k <= prev);
        prev = k;
        seg->lexflags[hset_add(&seg->lex, k)] |= LEX_MORE;
    }
    st = hset_init(&seg->ujoin, 0);
    if (st == VNT_OK)
        st = hset_init(&seg->usplit, 0);
    if (st != VNT_OK)
        goto fail;
    if ((seg->users = malloc(sizeof *seg->users)) == NULL) {
        st = VNT_ERR_NOMEM;
        goto fail;
    }
    atomic_init(seg->users, 1);
    *out = seg;
    return VNT_OK;

fail:
    vnt_segmenter_free(seg);
    return st;
}

const char *vnt_segmenter_description(const vnt_segmenter *seg)
{
    return seg && seg->desc ? seg->desc : "";
}

size_t vnt_segmenter_memory(const vnt_segmenter *seg)
{
    if (!seg)
        return 0;
    size_t dense = 0;
    for (unsigned t = 0; t < seg->ndense; t++)
        dense += 2 * seg->ks[0].dense[t].size * sizeof *seg->ks[0].dense[t].w;
    return sizeof *seg + dense + (seg->fmask + 1) * sizeof(fbucket) + (seg->fmask + 64) / 64 * 8 +
           (seg->lex.mask + 1) * 9 + 1 + (seg->ujoin.mask + 1) * 8 +
           (seg->usplit.mask + 1) * 8 + strlen(seg->desc) + 1;
}

/* ---------------------------------------------------------------------- */
/* Scratch space                                                            */

/* The gaps on both sides of a unit: left to the model, SPLIT, or SPLIT
 * unless a user-dictionary word joins them (a hyphen kept apart). */
enum { UK_MODEL = 0, UK_SPLIT = 1, UK_SOFT = 2 };
#define FORCE_SOFT (-2)

struct vnt_segwork {
    vnt_tokens toks;
    vnt_spans sents;
    size_t cap;           /* units per sentence the arrays below hold */
    size_t *ustart, *uend;   /* units: byte spans */
    uint8_t *ukind;          /* UK_MODEL, UK_SPLIT, UK_SOFT (below) */
    int caseless;            /* the key space of the sentence (identities) */
    struct id_entry **uent;  /* per unit, its cache entry (identities) */
    uint16_t *utk;           /* scanner kind of a unit, 0 for a glued unit */
    uint64_t *v, *tv;        /* padded by PAD on both sides */
    uint8_t *sh;
    uint64_t *mv, *mtv, *msh; /* value_mix of v, tv, sh (padded the same) */
    uint64_t *lh;            /* lexicon hashes of 1 and 2 units, 2 cap */
    uint8_t *lex1;           /* per unit, the lexicon flags of its value alone */
    uint32_t *uset;          /* per unit, its set in the identity cache (NO_SET: none) */
    float *uni;              /* per unit (padded), the weights of the one-value templates */
    uint8_t *startlen, *endlen;
    uint8_t *span, *lend, *rstart, *fmm, *bmm, *capl, *capr;
    uint16_t *lmask;
    int8_t *force;           /* per gap: -1 free, 0 SPLIT, 1 JOIN; FORCE_SOFT: SPLIT
                              * unless a user word joins it (before user_dict) */
    uint8_t *label, *bp;
    double *score;
    int32_t *cps;            /* code points of one token, for NFC */
    size_t cps_cap;
    struct id_cache *cache;  /* identities of tokens met before, made on first use */
};

vnt_segwork *vnt_segwork_new(void)
{
    vnt_segwork *w = calloc(1, sizeof *w);
    if (w) {
        vnt_tokens_init(&w->toks);
        vnt_spans_init(&w->sents);
    }
    return w;
}

static void work_arrays_free(vnt_segwork *w)
{
    free(w->ustart); free(w->uend); free(w->ukind); free(w->utk); free(w->uent); free(w->v); free(w->tv); free(w->sh);
    free(w->mv); free(w->mtv); free(w->msh); free(w->lh); free(w->lex1); free(w->uset); free(w->uni);
    free(w->startlen); free(w->endlen); free(w->span); free(w->lend); free(w->rstart);
    free(w->fmm); free(w->bmm); free(w->capl); free(w->capr); free(w->lmask);
    free(w->force); free(w->label); free(w->bp); free(w->score);
}

void vnt_segwork_free(vnt_segwork *w)
{
    if (!w)
        return;
    vnt_tokens_free(&w->toks);
    vnt_spans_free(&w->sents);
    work_arrays_free(w);
    free(w->cps);
    free(w->cache);
    free(w);
}

#define GROW(field, n)                                              \
    do {                                                            \
        void *q_ = realloc(w->field, (n) * sizeof *w->field);       \
        if (!q_)                                                    \
            return VNT_ERR_NOMEM;                                   \
        w->field = q_;                                              \
    } while (0)

static vnt_status work_reserve(vnt_segwork *w, size_t n)
{
    if (n <= w->cap)
        return VNT_OK;
    size_t c = w->cap ? w->cap : 64;
    while (c < n) {
        if (c > SIZE_MAX / 64)
            return VNT_ERR_TOO_LARGE;
        c *= 2;
    }
    size_t p = c + 2 * PAD;
    GROW(ustart, c); GROW(uend, c); GROW(ukind, c); GROW(utk, c); GROW(uent, c);
    GROW(v, p); GROW(tv, p); GROW(sh, p); GROW(mv, p); GROW(mtv, p); GROW(msh, p);
    GROW(lh, 2 * c); GROW(lex1, c); GROW(uset, c); GROW(uni, p * MAX_UNI);
    GROW(startlen, c); GROW(endlen, c); GROW(span, c); GROW(lend, c); GROW(rstart, c);
    GROW(fmm, c); GROW(bmm, c); GROW(capl, c); GROW(capr, c); GROW(lmask, c);
    GROW(force, c); GROW(label, c); GROW(bp, c); GROW(score, c);
    w->cap = c;
    return VNT_OK;
}

/* ---------------------------------------------------------------------- */
/* Token identity                                                           */

enum {
    SH_SYL = 1, SH_LOWER = 4, SH_TITLE, SH_UPPER, SH_MIXED, SH_DIGITS, SH_NUMBER,
    SH_ALNUM, SH_PUNCT, SH_ABBREV, SH_OTHER
};

/* Bit x set for the shapes x that are capitalized: syllables in UPPER and
 * Title case (2, 3), other tokens in Title case and in capitals (5, 6). */
#define CAPITALIZED_SHAPES (1u << 2 | 1u << 3 | 1u << 5 | 1u << 6)

static int is_capitalized(unsigned sh) { return sh < 32 && (CAPITALIZED_SHAPES >> sh & 1); }

typedef struct {
    uint64_t value, toneless;
    unsigned shape;
} token_id;

/* Shape and folded hash of a non-syllable from its NFC code points. */
static token_id nonsyl(const int32_t *c, size_t n)
{
    uint64_t h = FNV_OFFSET;
    int all_letter = 1, any_upper = 0, upper_rest = 0, any_lower = 0, all_digit = 1;
    int any_letter = 0, any_digit = 0, all_punct = 1, numberish = n > 0;
    (void)any_lower;
    for (size_t i = 0; i < n; i++) {
        int32_t cp = c[i];
        int cat = utf8proc_category(cp);
        int letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;
        int up = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
        int digit = cat == UTF8PROC_CATEGORY_ND;
        all_letter &= letter;
        any_letter |= letter;
        any_upper |= up;
        if (i > 0)
            upper_rest |= up;
        any_lower |= cat == UTF8PROC_CATEGORY_LL;
        all_digit &= digit;
        any_digit |= digit;
        all_punct &= cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO;
        if (i == 0)
            numberish &= digit;
        else
            numberish &= digit || cp == '.' || cp == ',' || cp == ':' || cp == '/' || cp == '-';
        char b[4];
        size_t m = vnt__utf8_encode(utf8proc_tolower(cp), b);
        for (size_t k = 0; k < m; k++)
            h = fnv_byte(h, (unsigned char)b[k]);
    }
    token_id t;
    t.value = t.toneless = h | NONSYL_BIT;
    if (n == 0)
        t.shape = SH_OTHER;
    else if (all_letter) {
        int u0 = utf8proc_category(c[0]) == UTF8PROC_CATEGORY_LU ||
                 utf8proc_category(c[0]) == UTF8PROC_CATEGORY_LT;
        if (!any_upper)
            t.shape = SH_LOWER;
        else if (u0 && !upper_rest)
            t.shape = SH_TITLE;
        else if (!any_lower)
            t.shape = SH_UPPER;
        else
            t.shape = SH_MIXED;
    } else if (all_digit)
        t.shape = SH_DIGITS;
    else if (numberish)
        t.shape = SH_NUMBER;
    else if (any_letter && any_digit)
        t.shape = SH_ALNUM;
    else if (all_punct)
        t.shape = SH_PUNCT;
    else if (any_letter)
        t.shape = SH_ABBREV;
    else
        t.shape = SH_OTHER;
    return t;
}

static vnt_status cps_reserve(vnt_segwork *w, size_t n)
{
    if (n <= w->cps_cap)
        return VNT_OK;
    size_t c = w->cps_cap ? w->cps_cap : 64;
    while (c < n)
        c *= 2;
    int32_t *q = realloc(w->cps, c * sizeof *q);
    if (!q)
        return VNT_ERR_NOMEM;
    w->cps = q;
    w->cps_cap = c;
    return VNT_OK;
}

/* vnt_syllable_parse of s[0..len) with eth read as d with stroke
 * (tools/SEGMENTER.md, "Token identity"); ascii: s has no byte over 0x7F. */
/* The length of the format character that shows nothing at u[i] (of n
 * bytes), or 0: the soft hyphen, the zero-width space, non-joiner and
 * joiner, the bidi marks and embeddings, the word joiner, the byte order
 * mark, as HTML and chat apps leave inside words ("Vi&shy;ệt"). */
static size_t invisible_at(const unsigned char *u, size_t n, size_t i)
{
    if (u[i] == 0xC2)
        return i + 1 < n && u[i + 1] == 0xAD ? 2 : 0;
    if (i + 2 >= n)
        return 0;
    if (u[i] == 0xE2 && u[i + 1] == 0x80)
        return (u[i + 2] >= 0x8B && u[i + 2] <= 0x8F) || (u[i + 2] >= 0xAA && u[i + 2] <= 0xAE)
                   ? 3 : 0;
    if (u[i] == 0xE2 && u[i + 1] == 0x81)
        return u[i + 2] == 0xA0 || (u[i + 2] >= 0xA6 && u[i + 2] <= 0xA9) ? 3 : 0;
    return u[i] == 0xEF && u[i + 1] == 0xBB && u[i + 2] == 0xBF ? 3 : 0;
}

static int parse_syllable(const char *s, size_t len, int ascii, vnt_syllable *syl)
{
    const unsigned char *u = (const unsigned char *)s;
    char tmp[64];
    const char *t = s;
    if (len > sizeof tmp)
        return 0;
    if (!ascii) {
        /* eth to d with stroke: both two bytes, C3 B0 -> C4 91, C3 90 -> C4 90;
         * and the characters that show nothing left out, so that
         * "Vi\u00ADệt" is the syllable "Việt" (its offsets stay the
         * token's) */
        int eth = 0, hidden = 0;
        for (size_t i = 0; i + 1 < len; i++) {
            eth |= u[i] == 0xC3 && (u[i + 1] == 0xB0 || u[i + 1] == 0x90);
            hidden |= (u[i] == 0xC2 || u[i] == 0xE2 || u[i] == 0xEF) && invisible_at(u, len, i);
        }
        if (eth || hidden) {
            size_t m = 0;
            for (size_t i = 0; i < len;) {
                size_t k = invisible_at(u, len, i);
                if (k) {
                    i += k;
                } else if (i + 1 < len && u[i] == 0xC3 && (u[i + 1] == 0xB0 || u[i + 1] == 0x90)) {
                    tmp[m++] = (char)0xC4;
                    tmp[m++] = u[i + 1] == 0xB0 ? (char)0x91 : (char)0x90;
                    i += 2;
                } else {
                    tmp[m++] = (char)u[i++];
                }
            }
            if (m == 0)
                return 0;
            t = tmp;
            len = m;
        }
    }
    return vnt_syllable_parse(t, len, syl);
}

/* The identity of the token s[0..len) (valid UTF-8). */
static vnt_status identify(vnt_segwork *w, const char *s, size_t len, int may_be_syllable,
                           token_id *out)
{
    const unsigned char *u = (const unsigned char *)s;
    int ascii = 1;
    for (size_t i = 0; i < len; i++)
        ascii &= u[i] < 0x80;
    if (may_be_syllable) {
        vnt_syllable syl;
        if (parse_syllable(s, len, ascii, &syl)) {
            out->value = syl.id;
            out->toneless = syl.toneless_id;
            out->shape = SH_SYL + syl.case_pattern;
            return VNT_OK;
        }
    }
    size_t n;
    if (ascii) {
        vnt_status st = cps_reserve(w, len + 1);
        if (st != VNT_OK)
            return st;
        for (size_t i = 0; i < len; i++)
            w->cps[i] = u[i];
        n = len;
    } else {
        /* NFC into w->cps: canonical decomposition, then composition */
        vnt_status st = cps_reserve(w, len + 8);
        if (st != VNT_OK)
            return st;
        utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
        utf8proc_ssize_t r = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                                                w->cps, (utf8proc_ssize_t)w->cps_cap, opt);
        if (r > (utf8proc_ssize_t)w->cps_cap) {
            st = cps_reserve(w, (size_t)r);
            if (st != VNT_OK)
                return st;
            r = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, w->cps,
                                   (utf8proc_ssize_t)w->cps_cap, opt);
        }
        if (r < 0 || r > (utf8proc_ssize_t)w->cps_cap)
            return VNT_ERR_UNICODE;
        r = utf8proc_normalize_utf32(w->cps, r, opt);
        if (r < 0)
            return VNT_ERR_UNICODE;
        n = (size_t)r;
        for (size_t i = 0; i < n; i++) {
            if (w->cps[i] == 0xF0)
                w->cps[i] = 0x111;
            else if (w->cps[i] == 0xD0)
                w->cps[i] = 0x110;
        }
    }
    *out = nonsyl(w->cps, n);
    return VNT_OK;
}

/* ---------------------------------------------------------------------- */
/* Units: scanner tokens glued into the tokens the model was trained on    */

static int is_connector(const char *s, const vnt_token *t)
{
    if (t->end - t->start != 1)
        return 0;
    switch (s[t->start]) {
    case '-': case '/': case '+': case '=': case '*': case '&': case '\'':
        return 1;
    default:
        return 0;
    }
}

static int is_gluable(int kind)
{
    return kind == VNT_TOK_WORD || kind == VNT_TOK_NUMBER || kind == VNT_TOK_ABBREV;
}

static int glued(const vnt_token *t) { return !(t->flags & VNT_TF_SPACE_BEFORE); }

/* Forced SPLIT on both sides for these kinds. */
static int forced_kind(int kind)
{
    switch (kind) {
    case VNT_TOK_URL: case VNT_TOK_EMAIL: case VNT_TOK_DOMAIN: case VNT_TOK_MENTION:
    case VNT_TOK_HASHTAG: case VNT_TOK_EMOJI: case VNT_TOK_PUNCT: case VNT_TOK_SYMBOL:
        return 1;
    default:
        return 0;
    }
}

/* ---------------------------------------------------------------------- */
/* One sentence                                                             */

#ifdef __SSE2__
/* The weight of the entry of bucket b whose fingerprint is fp, in its lane
 * of four (the two halves of the bucket or'd), the other lanes 0. */
VNT_INLINE __m128 bucket_lanes(const fbucket *b, uint32_t fp)
{
    __m128i f = _mm_set1_epi32((int)fp);
    __m128 m0 = _mm_castsi128_ps(_mm_cmpeq_epi32(_mm_load_si128((const __m128i *)b->fp), f));
    __m128 m1 = _mm_castsi128_ps(_mm_cmpeq_epi32(_mm_load_si128((const __m128i *)b->fp + 1), f));
    return _mm_or_ps(_mm_and_ps(m0, _mm_load_ps(b->w)), _mm_and_ps(m1, _mm_load_ps(b->w + 4)));
}
#endif

/* The weights of the entries of bucket b whose fingerprint is fp, added
 * (one entry at most, or none: 0). */
VNT_INLINE float bucket_weight(const fbucket *b, uint32_t fp)
{
#ifdef __SSE2__
    __m128 x = bucket_lanes(b, fp);
    x = _mm_add_ps(x, _mm_movehl_ps(x, x));
    x = _mm_add_ss(x, _mm_shuffle_ps(x, x, 1));
    return _mm_cvtss_f32(x);
#else
    float w = 0.0f;
    for (int j = 0; j < BUCKET; j++)
        w += b->fp[j] == fp ? b->w[j] : 0.0f;
    return w;
#endif
}

VNT_INLINE float weight_of(const vnt_segmenter *m, uint64_t k)
{
    uint32_t fp = (uint32_t)(k >> 32);
    uint64_t b1 = bucket1(k, m->fmask);
    float w = bucket_weight(&m->ftab[b1], fp);
    if (VNT_UNLIKELY(overflowed(m, b1)))
        w += bucket_weight(&m->ftab[bucket2(b1, fp, m->fmask)], fp);
    return w;
}

VNT_INLINE uint64_t small_mix(const vnt_segmenter *m, uint64_t x)
{
    return x < SMALL_VALUES ? m->small_mix[x] : value_mix(x);
}

/* The position of slot s among the slots of e, or -1. */
static int dense_pos(const dense_def *e, unsigned s)
{
    for (unsigned j = 0; j < e->n; j++)
        if (e->slot[j] == s)
            return (int)j;
    return -1;
}

/* Adds the weights of template t of seg to the dense array e of key space
 * c, whose slots include t's: entry x gets the weight of t's key for the
 * values x stands for. */
static void dense_add(const vnt_segmenter *seg, dense_def *e, unsigned t, int c)
{
    const template_def *d = &seg->tpl[t];
    for (uint32_t x = 0; x < e->size; x++) {
        uint64_t k = seg->tpl_seed[c][t];
        for (unsigned j = 0; j < d->n; j++) {
            int p = dense_pos(e, d->slot[j]);
            uint32_t v = x / e->stride[p] % slot_domain(d->slot[j]);
            k ^= rotl64(small_mix(seg, v), 16 * j);
        }
        e->w[x] += (double)weight_of(seg, k);
    }
}

/* Entries of a dense array over the slots of template d: 0 when one of them
 * is a token value, more than DENSE_MAX when too many. */
static uint32_t dense_size(const template_def *d)
{
    uint32_t size = 1;
    for (unsigned j = 0; j < d->n && size <= DENSE_MAX; j++)
        size *= slot_domain(d->slot[j]);
    return size;
}

/* Fills the dense arrays and the list of looked-up templates of seg, for
 * both key spaces (its weight table built). */
static vnt_status split_templates(vnt_segmenter *seg)
{
    seg->nhash = seg->ndense = seg->nuni = 0;
    unsigned order[MAX_TEMPLATES], nd = 0;
    for (int c = 0; c < 2; c++)
        seg->ks[c].bias = 0.0;
    for (unsigned t = 0; t < seg->ntpl; t++) {
        const template_def *d = &seg->tpl[t];
        uint32_t size = dense_size(d);
        if (d->n == 1 && (unsigned)d->slot[0] - S_V < 6 && seg->nuni < MAX_UNI) {
            unsigned k = seg->nuni++;
            seg->uni_off[k] = (int8_t)(d->slot[0] - S_V - 3);
            for (int c = 0; c < 2; c++) {
                keyset *ks = &seg->ks[c];
                ks->uni_seed[k] = seg->tpl_seed[c][t];
                ks->uni_pad[0][k] = weight_of(seg, seg->tpl_seed[c][t] ^ value_mix(PAD_BOS));
                ks->uni_pad[1][k] = weight_of(seg, seg->tpl_seed[c][t] ^ value_mix(PAD_EOS));
            }
        } else if (size == 0 || size > DENSE_MAX) {
            seg->htpl[seg->nhash] = *d;
            for (int c = 0; c < 2; c++)
                seg->ks[c].htpl_seed[seg->nhash] = seg->tpl_seed[c][t];
            seg->nhash++;
        } else if (d->n == 0) {
            for (int c = 0; c < 2; c++)
                seg->ks[c].bias += (double)weight_of(seg, seg->tpl_seed[c][t]);
        } else {
            /* by size, largest first (insertion sort: a few dozen at most) */
            unsigned i = nd++;
            for (; i > 0 && dense_size(&seg->tpl[order[i - 1]]) < size; i--)
                order[i] = order[i - 1];
            order[i] = t;
        }
    }
    for (unsigned i = 0; i < nd; i++) {
        const template_def *d = &seg->tpl[order[i]];
        /* an array whose slots include this template's, else a new one (the
         * same arrays, by slots, in both key spaces) */
        unsigned a = 0;
        for (; a < seg->ndense; a++) {
            unsigned j = 0;
            while (j < d->n && dense_pos(&seg->ks[0].dense[a], d->slot[j]) >= 0)
                j++;
            if (j == d->n)
                break;
        }
        if (a == seg->ndense) {
            for (int c = 0; c < 2; c++) {
                dense_def *e = &seg->ks[c].dense[a];
                e->w = calloc(dense_size(d), sizeof *e->w);
                if (!e->w)
                    return VNT_ERR_NOMEM; /* vnt_segmenter_free frees what was made */
                e->n = d->n;
                uint32_t stride = 1;
                for (unsigned j = 0; j < d->n; j++) {
                    e->slot[j] = d->slot[j];
                    e->stride[j] = stride;
                    stride *= slot_domain(d->slot[j]);
                }
                e->size = stride;
            }
            seg->ndense++;
        }
        for (int c = 0; c < 2; c++)
            dense_add(seg, &seg->ks[c].dense[a], order[i], c);
    }
    return VNT_OK;
}

/* The slot values of gap g (of ng), indexed by slot: mixed in sv (from
 * w->mv, mtv, msh made by score_gaps), and the small integers as they are
 * in rv (0 for token values). */
static void gap_slots(const vnt_segmenter *m, const vnt_segwork *w, size_t g, size_t ng,
                      uint64_t *sv, uint32_t *rv)
{
    /* token index of t[0] is g + 1; padded arrays are offset by PAD */
    const size_t c = PAD + g + 1;
    for (size_t d = 0; d < 6; d++) {
        sv[S_V + d] = w->mv[c + d - 3];
        sv[S_TV + d] = w->mtv[c + d - 3];
        sv[S_SH + d] = w->msh[c + d - 3];
        rv[S_V + d] = rv[S_TV + d] = 0;
        rv[S_SH + d] = w->sh[c + d - 3];
    }
    rv[S_SPAN] = w->span[g];
    rv[S_LEND] = w->lend[g];
    rv[S_RSTART] = w->rstart[g];
    rv[S_FMM] = w->fmm[g];
    rv[S_BMM] = w->bmm[g];
    rv[S_LMASK] = w->lmask[g];
    rv[S_LMASKP] = g == 0 ? NO_GAP : w->lmask[g - 1];
    rv[S_LMASKN] = g + 1 == ng ? NO_GAP : w->lmask[g + 1];
    rv[S_CAPL] = w->capl[g];
    rv[S_CAPR] = w->capr[g];
    for (unsigned s = S_SPAN; s < S_COUNT; s++)
        sv[s] = small_mix(m, rv[s]);
}

/* The weights of the dense templates of ks for the small integers rv of a
 * gap. */
static double dense_score(const vnt_segmenter *m, const keyset *ks, const uint32_t *rv)
{
    double sc = ks->bias;
    for (unsigned t = 0; t < m->ndense; t++) {
        const dense_def *e = &ks->dense[t];
        uint32_t x = 0;
        for (unsigned j = 0; j < e->n; j++)
            x += rv[e->slot[j]] * e->stride[j];
        sc += e->w[x];
    }
    return sc;
}

/* LEX_ENTRY: a lexicon entry; LEX_MORE: a proper prefix of one; 0 neither. */
VNT_INLINE unsigned lex_flags(const vnt_segmenter *m, uint64_t h)
{
    int64_t i = hset_find(&m->lex, h);
    return i < 0 ? 0 : m->lexflags[i];
}

/* Lexicon columns of n units (values in w->v) and the user-dictionary
 * forced labels. */
static void lexicon_columns(const vnt_segmenter *m, vnt_segwork *w, size_t n)
{
    const uint64_t *val = w->v + PAD;
    memset(w->startlen, 0, n);
    memset(w->endlen, 0, n);
    memset(w->span, 0, n);
    memset(w->lmask, 0, n * sizeof *w->lmask);
    unsigned maxlen = m->lex.maxlen;
    /* the hashes of the one- and two-unit sequences from the units that
     * start an entry first, the slots of the two-unit ones fetched ahead of
     * the walks below */
    uint64_t *h1 = w->lh, *h2 = w->lh + n;
    for (size_t i = 0; i + 1 < n; i++) {
        if (!(w->lex1[i] & LEX_MORE))
            continue;
        h1[i] = hash_step(LEX_SEED, val[i]);
        h2[i] = hash_step(h1[i], val[i + 1]);
        PREFETCH(&m->lex.keys[slot_of(h2[i]) & m->lex.mask]);
        /* and its flag byte, for where the key sits in its first slot (a
         * load of it stalled the walk: 1% of word_spans on the dev lines) */
        PREFETCH(&m->lexflags[slot_of(h2[i]) & m->lex.mask]);
    }
    /* every entry that starts at i, as long as some entry goes on from
     * what has been read (the prefix set; the flags of one unit come with
     * its identity) */
    for (size_t i = 0; i + 1 < n; i++) {
        if (!(w->lex1[i] & LEX_MORE))
            continue;
        uint64_t h = h1[i];
        size_t kmax = n - i < maxlen ? n - i : maxlen;
        for (size_t k = 2; k <= kmax; k++) {
            h = k == 2 ? h2[i] : hash_step(h, val[i + k - 1]);
            unsigned f = lex_flags(m, h);
            int more = (f & LEX_MORE) != 0;
            if (!(f & LEX_ENTRY)) {
                if (!more)
                    break;
                continue;
            }
            if (k > w->startlen[i])
                w->startlen[i] = (uint8_t)k;
            if (k > w->endlen[i + k - 1])
                w->endlen[i + k - 1] = (uint8_t)k;
            for (size_t g = i; g + 1 < i + k; g++) {
                if (k > w->span[g])
                    w->span[g] = (uint8_t)k;
                size_t a = g - i, b = i + k - 2 - g;
                if (a <= 2 && b <= 2)
                    w->lmask[g] |= (uint16_t)(1u << (3 * a + b));
            }
            if (!more)
                break;
        }
    }
    /* greedy longest match from the left and from the right */
    memset(w->fmm, 0, n);
    memset(w->bmm, 0, n);
    for (size_t i = 0; i < n;) {
        size_t k = w->startlen[i] > 1 ? w->startlen[i] : 1;
        for (size_t g = i; g + 1 < i + k; g++)
            w->fmm[g] = 1;
        i += k;
    }
    for (size_t j = n; j > 0;) {
        size_t k = w->endlen[j - 1] > 1 ? w->endlen[j - 1] : 1;
        for (size_t g = j - k; g + 1 < j; g++)
            w->bmm[g] = 1;
        j -= k;
    }
    for (size_t g = 0; g + 1 < n; g++) {
        w->lend[g] = w->endlen[g] < LEN_CAP ? w->endlen[g] : LEN_CAP;
        w->rstart[g] = w->startlen[g + 1] < LEN_CAP ? w->startlen[g + 1] : LEN_CAP;
        if (w->span[g] > LEN_CAP)
            w->span[g] = LEN_CAP;
    }
    /* capitalized runs */
    unsigned r = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        r = is_capitalized(w->sh[PAD + i]) ? r + 1 : 0;
        w->capl[i] = (uint8_t)(r < RUN_CAP ? r : RUN_CAP);
    }
    r = 0;
    for (size_t i = n; i > 1; i--) {
        r = is_capitalized(w->sh[PAD + i - 1]) ? r + 1 : 0;
        w->capr[i - 2] = (uint8_t)(r < RUN_CAP ? r : RUN_CAP);
    }
}

/* 1 for unit i of w that is a short word in lower case that is no
 * Vietnamese syllable: up to three letters a-z or đ, as chat abbreviates
 * ("k", "dc", "đc", "mk", "cx", "vs", "tks"). Two of them side by side are
 * two words ("t k biết", "đc r", "mk cx"): the corpora never join such a
 * pair (26 of 26 in VLSP and UD-VTB train: "m x", "help desk"), and the
 * model, which reads them as parts of a foreign name, did. */
static int chat_short(const vnt_segwork *w, const char *s, size_t i)
{
    if (w->sh[PAD + i] != SH_LOWER)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    size_t letters = 0;
    for (size_t k = w->ustart[i]; k < w->uend[i]; letters++) {
        if (u[k] >= 'a' && u[k] <= 'z')
            k++;
        else if (u[k] == 0xC4 && k + 1 < w->uend[i] && u[k + 1] == 0x91) /* đ */
            k += 2;
        else
            return 0;
    }
    return letters <= 3;
}

static int one_letter(const char *s, size_t a, size_t b);

/* 1 for units i and i + 1 of w (of n) that are two capitals side by side,
 * one letter each, with no period: letters in a row, sizes or options
 * ("size S M L", "đáp án A B"), two words, where the model reads the
 * initials of a name. Not before a word in title case, where they are
 * initials ("J K Rowling"), nor O before C or F, a degree sign lost in
 * conversion as the corpora write it ("37,6 O C"), one word there. */
static int lone_capitals(const vnt_segwork *w, const char *s, size_t i, size_t n)
{
    const unsigned char *a = (const unsigned char *)s + w->ustart[i];
    const unsigned char *b = (const unsigned char *)s + w->ustart[i + 1];
    return w->uend[i] - w->ustart[i] == 1 && w->uend[i + 1] - w->ustart[i + 1] == 1 &&
           a[0] >= 'A' && a[0] <= 'Z' && b[0] >= 'A' && b[0] <= 'Z' &&
           !(a[0] == 'O' && (b[0] == 'C' || b[0] == 'F')) &&
           !(i + 2 < n && (w->sh[PAD + i + 2] == SH_SYL + 2 || w->sh[PAD + i + 2] == SH_TITLE) &&
             !one_letter(s, w->ustart[i + 2], w->uend[i + 2]));
}

/* A word of the model never ends or starts with the conjunction "và" in
 * lower case: the corpora write it inside a word only in a name of
 * several words ("Bộ_Giáo_dục_và_Đào_tạo"), never first, and last only in
 * "tù và" (a horn). So a word that ends with it ("Bộ | Giáo dục và | Đào
 * tạo", which the capital runs made) is cut before it, and one that
 * starts with it after it; the gaps that the user dictionary decides stay
 * as they are. */
static void conjunction_edges(const vnt_segmenter *m, vnt_segwork *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (w->v[PAD + i] != m->id_va || w->sh[PAD + i] != SH_SYL)
            continue;
        int before = i > 0 && w->label[i - 1], after = i + 1 < n && w->label[i];
        if (before && !after && w->force[i - 1] < 0 &&
            !(w->v[PAD + i - 1] == m->id_tu && !(i >= 2 && w->label[i - 2])))
            w->label[i - 1] = 0;
        else if (after && !before && w->force[i] < 0)
            w->label[i] = 0;
    }
}

/* User dictionary: the gaps inside an occurrence of a split entry are
 * SPLIT, inside a join entry JOIN (split wins), and those at the edges of
 * an entry FORCE_SOFT (SPLIT unless a join entry joins them: the caller
 * decides), so the model does not extend a user's word; an entry of one
 * unit has only edges, so it is a word of its own. Split entries go
 * first and may overlap. Then join entries are taken from the left, at
 * each place the longest that no split entry cuts, and one that starts
 * inside a join entry taken is not (as underthesea's and pyvi's longest
 * matching do): two entries that overlap ("vi tính", "tính từ") do not
 * make one word that neither is. A join entry joins the whole of itself,
 * even where marks are apart ("rock & roll"). w->bp, Viterbi's, holds
 * which gaps a split entry cut until Viterbi runs. */
static void user_dict(const vnt_segmenter *m, vnt_segwork *w, size_t n)
{
    const hset *sets[2] = {&m->usplit, &m->ujoin};
    const uint64_t *val = w->v + PAD;
    uint8_t *cut = w->bp;
    if (n > 1)
        memset(cut, 0, n - 1);
    for (int join = 0; join < 2; join++) {
        const hset *set = sets[join];
        if (set->n == 0 && !set->has_zero)
            continue;
        /* the last unit matters only to an entry of one unit */
        const size_t last = set->has_single ? n : n > 0 ? n - 1 : 0;
        for (size_t i = 0; i < last;) {
            uint64_t h = hash_step(LEX_SEED, val[i]);
            size_t kmax = n - i < set->maxlen ? n - i : set->maxlen;
            size_t best = set->has_single && hset_has(set, h);
            for (size_t k = 2; k <= kmax; k++) {
                if (join && cut[i + k - 2])
                    break; /* a split entry cuts this one and the longer */
                h = hash_step(h, val[i + k - 1]);
                if (hset_has(set, h))
                    best = k;
            }
            for (size_t g = i; g + 1 < i + best; g++) {
                w->force[g] = (int8_t)join;
                cut[g] |= (uint8_t)!join;
            }
            /* a join entry is a word of its own, and the syllables of a
             * split entry are: the gaps at its edges are SPLIT unless a
             * join entry joins them */
            if (best >= 1) {
                if (i > 0 && w->force[i - 1] == -1)
                    w->force[i - 1] = FORCE_SOFT;
                if (i + best < n && w->force[i + best - 1] == -1)
                    w->force[i + best - 1] = FORCE_SOFT;
            }
            i += join && best >= 2 ? best : 1;
        }
    }
}

/* The score of label lab at gap g: -1e300 where the gap is forced to the
 * other label. Written without branches: forced gaps come and go. */
VNT_INLINE double viterbi_step_score(const vnt_segwork *w, size_t g, int lab)
{
    const int f = w->force[g];
    const double sc = lab ? w->score[g] : 0.0;
    return f == (lab ^ 1) ? -1e300 : sc;
}

static void viterbi(const vnt_segmenter *m, vnt_segwork *w, size_t ng)
{
    const double t00 = m->trans[0], t01 = m->trans[1], t10 = m->trans[2], t11 = m->trans[3];
    double a0 = t00 + viterbi_step_score(w, 0, 0);
    double a1 = t01 + viterbi_step_score(w, 0, 1);
    for (size_t g = 1; g < ng; g++) {
        /* the best way into each label; ties go to SPLIT before */
        const double x0 = a0 + t00, y0 = a1 + t10, x1 = a0 + t01, y1 = a1 + t11;
        const int c0 = y0 > x0, c1 = y1 > x1;
        w->bp[g] = (uint8_t)(c0 | c1 << 1);
        a0 = (c0 ? y0 : x0) + viterbi_step_score(w, g, 0);
        a1 = (c1 ? y1 : x1) + viterbi_step_score(w, g, 1);
    }
    int y = a0 >= a1 ? 0 : 1;
    for (size_t g = ng; g > 0; g--) {
        w->label[g - 1] = (uint8_t)y;
        if (g > 1)
            y = (w->bp[g - 1] >> y) & 1;
    }
}

/* The feature keys of templates tpl[0..n) (seeds seed) of one gap from its
 * slot values; each key's table slot is prefetched, so the lookups that
 * follow overlap their cache misses. */
static void gap_keys(const vnt_segmenter *m, const template_def *tpl, const uint64_t *seed,
                     unsigned n, const uint64_t *sv, uint64_t *keys)
{
    for (unsigned t = 0; t < n; t++) {
        const template_def *d = &tpl[t];
        uint64_t h = seed[t];
        switch (d->n) { /* templates have 0 to MAX_SLOTS (4) slots */
        case 4:
            h ^= rotl64(sv[d->slot[3]], 48);
            /* fall through */
        case 3:
            h ^= rotl64(sv[d->slot[2]], 32);
            /* fall through */
        case 2:
            h ^= rotl64(sv[d->slot[1]], 16);
            /* fall through */
        case 1:
            h ^= sv[d->slot[0]];
            /* fall through */
        default:
            break;
        }
        keys[t] = h;
        PREFETCH(&m->ftab[bucket1(h, m->fmask)]);
    }
}

/* The weights of the one-value templates of gap g, kept per unit. */
VNT_INLINE double uni_score(const vnt_segmenter *m, const vnt_segwork *w, size_t g)
{
    double sc = 0.0;
    /* t[d] of gap g is unit g + 1 + d, at PAD + g + 1 + d of a padded array */
    for (unsigned k = 0; k < m->nuni; k++)
        sc += (double)w->uni[(PAD + g + 1 + m->uni_off[k]) * MAX_UNI + k];
    return sc;
}

/* The weights of the looked-up templates of a gap, from their keys. */
static double gap_score(const vnt_segmenter *m, const uint64_t *keys)
{
#ifdef __SSE2__
    /* A bucket holds a fingerprint once at most, so the matching lanes of
     * its two halves are or'd, not added; the four lanes are summed in
     * double, two by two, and together at the end. */
    __m128d lo = _mm_setzero_pd(), hi = _mm_setzero_pd();
    for (unsigned t = 0; t < m->nhash; t++) {
        uint64_t k = keys[t];
        uint32_t fp = (uint32_t)(k >> 32);
        uint64_t b1 = bucket1(k, m->fmask);
        __m128 x = bucket_lanes(&m->ftab[b1], fp);
        if (VNT_UNLIKELY(overflowed(m, b1)))
            x = _mm_or_ps(x, bucket_lanes(&m->ftab[bucket2(b1, fp, m->fmask)], fp));
        lo = _mm_add_pd(lo, _mm_cvtps_pd(x));
        hi = _mm_add_pd(hi, _mm_cvtps_pd(_mm_movehl_ps(x, x)));
    }
    lo = _mm_add_pd(lo, hi);
    return _mm_cvtsd_f64(_mm_add_sd(lo, _mm_unpackhi_pd(lo, lo)));
#else
    double sc = 0.0;
    for (unsigned t = 0; t < m->nhash; t++)
        sc += (double)weight_of(m, keys[t]);
    return sc;
#endif
}

/* Scores of the gaps of n units (identities already in w). The keys of the
 * next free gap are computed (and their slots prefetched) before the
 * weights of the current one are summed. */
static void score_gaps(const vnt_segmenter *m, vnt_segwork *w, size_t n)
{
    size_t ng = n - 1;
    uint64_t sv[S_COUNT], keys[2][MAX_TEMPLATES];
    uint32_t rv[S_COUNT];
    double dense[2];
    size_t g = 0;
    /* each unit's values mixed once, for the six gaps around it */
    for (size_t i = 0; i < n + 2 * PAD; i++) {
        w->mv[i] = value_mix(w->v[i]);
        w->mtv[i] = value_mix(w->tv[i]);
        w->msh[i] = small_mix(m, w->sh[i]);
    }
    for (size_t k = 0; k < ng; k++)
        if (w->force[k] >= 0)
            w->score[k] = 0.0;
    while (g < ng && w->force[g] >= 0)
        g++;
    if (g == ng)
        return;
    int cur = 0;
    const keyset *ks = &m->ks[w->caseless];
    gap_slots(m, w, g, ng, sv, rv);
    gap_keys(m, m->htpl, ks->htpl_seed, m->nhash, sv, keys[cur]);
    dense[cur] = dense_score(m, ks, rv);
    while (g < ng) {
        size_t next = g + 1;
        while (next < ng && w->force[next] >= 0)
            next++;
        if (next < ng) {
            gap_slots(m, w, next, ng, sv, rv);
            gap_keys(m, m->htpl, ks->htpl_seed, m->nhash, sv, keys[cur ^ 1]);
            dense[cur ^ 1] = dense_score(m, ks, rv);
        }
        w->score[g] = dense[cur] + uni_score(m, w, g) + gap_score(m, keys[cur]);
        cur ^= 1;
        g = next;
    }
}

/* A cache of the identities of short tokens, two ways a set: parsing a
 * syllable is most of the work of identify(), and a text repeats its
 * syllables. Each entry also keeps the weights of the one-value templates
 * for the token, for the model the cache was last used with (its tag).
 * Part of the caller's scratch space (1 MB, made on first use), so it lasts
 * as long as the caller reuses that. Its size: the 16,384 most frequent
 * tokens of VLSP 2013 train make 99.8% of its tokens (8,192: 99.1%, 2,048:
 * 92.7%); on the dev text, 2,048 slots direct-mapped made the segmenter 10%
 * slower. */
#define CACHE_SLOTS 16384
#define CACHE_MAXLEN 20
struct id_entry {
    uint8_t len;              /* 0: empty */
    uint8_t may_be_syllable;
    uint8_t uni_ok;           /* uni holds the weights for the cache's model: 0 no,
                               * 1 + its key space (cased 1, caseless 2) */
    uint8_t lexf;             /* LEXF_OK | the lexicon flags of the token's value alone,
                               * for the cache's model; 0: not known yet */
    char bytes[CACHE_MAXLEN]; /* an entry is 64 bytes, one cache line */
    token_id id;
    float uni[MAX_UNI];       /* the weights of the one-value templates */
};
#define LEXF_OK 0x80
_Static_assert(sizeof(struct id_entry) <= 64, "a cache entry fits a cache line");
struct id_cache {             /* 64-byte aligned, so an entry is one cache line */
    struct id_entry e[CACHE_SLOTS];
    uint64_t tag;             /* the model whose weights the entries hold (its tag) */
};

size_t vnt_segwork_size(const vnt_segwork *w)
{
    if (!w)
        return 0;
    /* the arrays of work_reserve, of c = w->cap units (p padded) */
    const size_t c = w->cap, p = c ? c + 2 * PAD : 0;
#define SZ(field, n) ((n) * sizeof *w->field)
    size_t n = sizeof *w + SZ(toks.items, w->toks.cap) + SZ(sents.items, w->sents.cap) +
               SZ(cps, w->cps_cap) + (w->cache ? sizeof *w->cache : 0);
    n += SZ(ustart, c) + SZ(uend, c) + SZ(ukind, c) + SZ(utk, c) + SZ(uent, c);
    n += SZ(v, p) + SZ(tv, p) + SZ(sh, p) + SZ(mv, p) + SZ(mtv, p) + SZ(msh, p);
    n += SZ(lh, 2 * c) + SZ(lex1, c) + SZ(uset, c) + SZ(uni, p * MAX_UNI);
    n += SZ(startlen, c) + SZ(endlen, c) + SZ(span, c) + SZ(lend, c) + SZ(rstart, c);
    n += SZ(fmm, c) + SZ(bmm, c) + SZ(capl, c) + SZ(capr, c) + SZ(lmask, c);
    n += SZ(force, c) + SZ(label, c) + SZ(bp, c) + SZ(score, c);
#undef SZ
    return n;
}

VNT_INLINE size_t cache_slot(const char *s, size_t len, int may_be_syllable)
{
    uint32_t h = vnt__fnv1a((const unsigned char *)s, len) ^ (uint32_t)may_be_syllable;
    return (h ^ (h >> 15)) & (CACHE_SLOTS - 1);
}

/* The first entry of the cache set of a token, or NO_SET for a token the
 * cache does not keep. */
#define NO_SET UINT32_MAX
VNT_INLINE uint32_t cache_set(const char *s, size_t len, int may_be_syllable)
{
    if (len == 0 || len > CACHE_MAXLEN)
        return NO_SET;
    return (uint32_t)(cache_slot(s, len, may_be_syllable) & ~(size_t)1);
}

/* identify() through the cache; set: cache_set() of the token. */
static vnt_status identify_cached(vnt_segwork *w, const char *s, size_t len, int may_be_syllable,
                                  uint32_t set_at, token_id *out, struct id_entry **entry)
{
    *entry = NULL;
    if (set_at == NO_SET)
        return identify(w, s, len, may_be_syllable, out);
    /* two ways a set: the one used last first */
    struct id_entry *set = &w->cache->e[set_at];
    for (int way = 0; way < 2; way++) {
        struct id_entry *e = &set[way];
        if (e->len == len && e->may_be_syllable == may_be_syllable &&
            memcmp(e->bytes, s, len) == 0) {
            *out = e->id;
            if (way == 1) {
                struct id_entry t = set[0];
                set[0] = set[1];
                set[1] = t;
            }
            *entry = &set[0];
            return VNT_OK;
        }
    }
    vnt_status st = identify(w, s, len, may_be_syllable, out);
    if (st == VNT_OK) {
        set[1] = set[0];
        set[0].len = (uint8_t)len;
        set[0].may_be_syllable = (uint8_t)may_be_syllable;
        memcpy(set[0].bytes, s, len);
        set[0].id = *out;
        set[0].uni_ok = set[0].lexf = 0;
        *entry = &set[0];
    }
    return st;
}

/* A run of CAPS_RUN or more units in capitals (SH_SYL_UPPER, SH_UPPER) is
 * text written in capitals (a headline, a title), not a name, which has at
 * most four syllables: its units get the shapes of their lower case, so
 * the capital-run features do not read it as one long name
 * (tools/SEGMENTER.md, "Token identity"). */
#define CAPS_RUN 5
/* In a sentence with no lower-case letter at all (a banner, a headline in
 * capitals: "CHÚC MỪNG NĂM MỚI", "ĐẸP QUÁ ĐI"), a run of three such units
 * is enough, unless it starts with a family name or the sentence holds a
 * dash: such a line is a byline ("VÕ ĐẮC DANH", "PHẠM DIỄM - ĐÔNG QUYÊN"),
 * and the capital-run features keep its names whole. */
#define CAPS_ALONE 3

/* Vietnamese family names in capitals (NFC), for CAPS_ALONE and TITLE_ALONE. */
static const char *const CAPS_FAMILY[] = {
    "NGUY\xe1\xbb\x84N", "TR\xe1\xba\xa6N", "L\xc3\x8a", "PH\xe1\xba\xa0M", "HO\xc3\x80NG",
    "HU\xe1\xbb\xb2NH", "PHAN", "V\xc5\xa8", "V\xc3\x95", "\xc4\x90\xe1\xba\xb6NG",
    "B\xc3\x99I", "\xc4\x90\xe1\xbb\x96", "H\xe1\xbb\x92", "NG\xc3\x94", "D\xc6\xaf\xc6\xa0NG",
    "L\xc3\x9d", "\xc4\x90\xc3\x80O", "\xc4\x90O\xc3\x80N", "\xc4\x90INH", "L\xc3\x82M",
    "TR\xc6\xaf\xc6\xa0NG", "CAO", "L\xc6\xafU", "T\xe1\xba\xa0", "T\xc3\x94", "QU\xc3\x81""CH",
    "TRI\xe1\xbb\x86U", "KI\xe1\xbb\x80U", "V\xc6\xaf\xc6\xa0NG", "M\xe1\xba\xa0""C",
    "L\xc6\xaf\xc6\xa0NG", "TR\xe1\xbb\x8aNH", "CHU", "PH\xc3\x99NG", "H\xe1\xbb\xa8""A",
    "KH\xc3\x9a""C", "L\xe1\xbb\xa4""C", "T\xc4\x82NG", "DO\xc3\x83N", "H\xc3\x80", "MAI",
    "TH\xc3\x81I", "T\xc3\x94N", NULL};

/* 1 when s[a..b) is a family name of CAPS_FAMILY in capitals or in title
 * case, in any Unicode form (NFD "VÕ" too): its NFC put in capitals. */
static int family_name(const char *s, size_t a, size_t b)
{
    const unsigned char *w = (const unsigned char *)s + a;
    size_t n = b - a;
    char r[VNT__RESPELL_MAX], up[VNT__RESPELL_MAX + 8];
    if (vnt__may_respell(w, n)) {
        size_t m = vnt__respell(w, n, r);
        if (m > 0) {
            w = (const unsigned char *)r;
            n = m;
        }
    }
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t l = vnt__utf8_decode(w, n, i, &cp);
        if (l == 0 || k + 4 > sizeof up)
            return 0;
        k += vnt__utf8_encode(utf8proc_toupper(cp), up + k);
        i += l;
    }
    for (const char *const *f = CAPS_FAMILY; *f; f++)
        if (strlen(*f) == k && memcmp(*f, up, k) == 0)
            return 1;
    return 0;
}

#define SH_SYL_UPPER 2

static int caps_shape(unsigned x) { return x == SH_SYL_UPPER || x == SH_UPPER; }

/* Bit x set for the shapes x of the units with a lower-case letter, and of
 * those in lower case (not those in mixed case: "iPhone", "VnExpress"). */
#define LOWER_SHAPES (1u << SH_SYL | 1u << (SH_SYL + 2) | 1u << SH_LOWER | 1u << SH_TITLE | 1u << SH_MIXED)
#define LOWER_START_SHAPES (1u << SH_SYL | 1u << SH_LOWER)

/* 1 for the shape of a unit with a lower-case letter: it ends a run */
static int lower_shape(unsigned x) { return x < 32 && (LOWER_SHAPES >> x & 1); }

/* A sentence of TITLE_RUN or more units in title case (SH_SYL + 2,
 * SH_TITLE) and none in lower case (a word in mixed case, "iPhone",
 * "VnExpress", is a brand or a source written its own way) is a headline
 * written in Title Case ("Học Sinh Giỏi Thì Phải Học Chăm Chỉ"), not a string of
 * names: a sentence of running text has lower-case words. Its title-case
 * units get the shapes of their lower case, as a run in capitals does
 * (tools/SEGMENTER.md, "Token identity"). */
#define TITLE_RUN 5
/* The same for a sentence of three such units or four (a short headline or
 * a menu, "Bảo Vệ Môi Trường"), unless its first unit in title case is a
 * family name or it holds a dash: a name or a byline ("Nguyễn Văn An",
 * "Phạm Diễm - Đông Quyên"). */
#define TITLE_ALONE 3

static void titles_as_lower(vnt_segwork *w, const char *s, size_t n)
{
    uint8_t *sh = w->sh + PAD;
    for (size_t i = 0; i < n; i++)
        if (sh[i] == SH_SYL + 2 || sh[i] == SH_TITLE ||
            /* a syllable of one letter in capitals is in title case too:
             * "Nói Ý Kiến", "Ở Đây" */
            (sh[i] == SH_SYL_UPPER && one_letter(s, w->ustart[i], w->uend[i])))
            sh[i] = sh[i] == SH_TITLE ? SH_LOWER : SH_SYL;
}

/* 1 when s[a..b) is one letter with its marks (NFC or NFD). */
static int one_letter(const char *s, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t letters = 0;
    for (size_t i = a; i < b && letters < 2;) {
        int32_t cp;
        size_t k = vnt__utf8_decode(u, b, i, &cp);
        if (k == 0)
            return 0;
        utf8proc_category_t c = utf8proc_category(cp);
        letters += c != UTF8PROC_CATEGORY_MN && c != UTF8PROC_CATEGORY_MC;
        i += k;
    }
    return letters == 1;
}

/* The shapes of units [0, n) of w: bit x for shape x. */
static unsigned shape_bits(const vnt_segwork *w, size_t n)
{
    unsigned seen = 0;
    for (size_t i = 0; i < n; i++)
        seen |= 1u << w->sh[PAD + i];
    return seen;
}

/* 1 for a dash unit (- – —), which separates the names of a byline */
static int dash_unit(const char *s, size_t a, size_t b)
{
    return (b - a == 1 && s[a] == '-') ||
           (b - a == 3 && (unsigned char)s[a] == 0xE2 && (unsigned char)s[a + 1] == 0x80 &&
            ((unsigned char)s[a + 2] == 0x93 || (unsigned char)s[a + 2] == 0x94));
}

/* 1 when one of units [0, n) of w is a dash, which parts the names of a
 * byline (CAPS_ALONE, TITLE_ALONE). */
static int has_dash(const vnt_segwork *w, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (dash_unit(s, w->ustart[i], w->uend[i]))
            return 1;
    return 0;
}

/* The shapes of the runs in capitals of units [0, n) of w made lower case. */
static void capitals_as_lower(vnt_segwork *w, const char *s, size_t n, size_t min)
{
    uint8_t *sh = w->sh + PAD;
    for (size_t i = 0; i < n;) {
        size_t j = i, caps = 0;
        while (j < n && !lower_shape(sh[j]) && !dash_unit(s, w->ustart[j], w->uend[j])) {
            caps += caps_shape(sh[j]);
            j++;
        }
        size_t f = i; /* its first unit in capitals */
        while (f < j && !caps_shape(sh[f]))
            f++;
        if (caps >= min && (caps >= CAPS_RUN || !family_name(s, w->ustart[f], w->uend[f])))
            for (size_t k = i; k < j; k++)
                if (caps_shape(sh[k]))
                    sh[k] = sh[k] == SH_UPPER ? SH_LOWER : SH_SYL;
        i = j > i ? j : i + 1;
    }
}

/* The byte where a syllable in title case, of two letters or more, begins
 * when it is written onto the abbreviation or initials s[a..b) after their
 * last period ("TP.Hồ", "Q.Bình", "N.V.Tâm"); 0 otherwise ("TP.HCM",
 * "v.v."). The corpora keep such a token inside the word of its syllable
 * ("P.Tân_Định", "N.V.Tâm"), so it takes that syllable's identity: "TP.Hồ
 * Chí Minh" is read as "Hồ Chí Minh" is. */
static size_t title_start(const char *s, size_t a, size_t b)
{
    if (s[b - 1] == '.')
        return 0;
    size_t p = b;
    while (p > a && s[p - 1] != '.')
        p--;
    vnt_syllable syl;
    if (p == a || !parse_syllable(s + p, b - p, 0, &syl) || syl.case_pattern != VNT_CASE_TITLE ||
        syl.nletters < 2)
        return 0;
    return p;
}

/* The weights of the one-value templates of key space c for unit i of w
 * (its value in w->v), from or into its cache entry e (may be NULL). */
VNT_INLINE void uni_weights(const vnt_segmenter *m, int c, vnt_segwork *w, size_t i,
                            struct id_entry *e)
{
    float *u = &w->uni[(PAD + i) * MAX_UNI];
    const unsigned ok = 1u + (unsigned)c;
    if (e && e->uni_ok == ok) {
        memcpy(u, e->uni, sizeof e->uni);
        return;
    }
    const uint64_t mv = value_mix(w->v[PAD + i]);
    const uint64_t *seed = m->ks[c].uni_seed;
    for (unsigned k = 0; k < MAX_UNI; k++)
        u[k] = k < m->nuni ? weight_of(m, seed[k] ^ mv) : 0.0f;
    if (e) {
        memcpy(e->uni, u, sizeof e->uni);
        e->uni_ok = (uint8_t)ok;
    }
}

/* The lexicon flags of the value v of a unit alone, from or into its
 * cache entry e (may be NULL). */
VNT_INLINE uint8_t unit_lex(const vnt_segmenter *m, uint64_t v, struct id_entry *e)
{
    if (e && e->lexf)
        return (uint8_t)(e->lexf & ~LEXF_OK);
    uint8_t f = (uint8_t)lex_flags(m, hash_step(LEX_SEED, v));
    if (e)
        e->lexf = (uint8_t)(f | LEXF_OK);
    return f;
}

/* Every emoji unit (a pictograph, a flag, a keycap, an emoticon) is read
 * as this one, U+1F600: the corpora have none, so what is known of them is
 * their kind, and ":D", "^^" and "😍" are read alike. */
static const char EMOJI_ID[] = "\xF0\x9F\x98\x80";

/* Identity columns of units [0, n) of w (padding included), and the key
 * space of the sentence (w->caseless): caseless when no unit is
 * capitalized and some unit has a lower-case letter, after the rules for
 * runs in capitals and for Title Case (text in lower case, a headline in
 * capitals or in Title Case read as lower case), cased otherwise
 * (tools/SEGMENTER.md). */
static vnt_status identities(vnt_segwork *w, const vnt_segmenter *m, const char *s, size_t n,
                             const uint16_t *kinds)
{
    if (w->cache == NULL) {
        const size_t size = (sizeof *w->cache + 63) / 64 * 64;
        w->cache = aligned_alloc(64, size);
        if (w->cache == NULL)
            return VNT_ERR_NOMEM;
        memset(w->cache, 0, size);
    }
    if (w->cache->tag != m->tag) { /* first use, or another model */
        for (size_t k = 0; k < CACHE_SLOTS; k++)
            w->cache->e[k].uni_ok = w->cache->e[k].lexf = 0;
        w->cache->tag = m->tag;
    }
    for (size_t k = 0; k < PAD; k++) {
        w->v[k] = w->tv[k] = PAD_BOS;
        w->sh[k] = SHAPE_BOS;
        w->v[PAD + n + k] = w->tv[PAD + n + k] = PAD_EOS;
        w->sh[PAD + n + k] = SHAPE_EOS;
    }
    /* the weights of the one-value templates are read for the key space of
     * the sentence before (a text keeps its case), and again below if this
     * one turns out otherwise */
    int c = w->caseless;
    unsigned seen = 0; /* bit x: a unit of shape x */
    size_t caps = 0, titles = 0;
    /* the cache sets of the units, fetched ahead (a unit of an
     * abbreviation may be read as the syllable after it: its set below) */
    for (size_t i = 0; i < n; i++) {
        uint32_t set = kinds[i] == VNT_TOK_ABBREV  ? NO_SET
                       : kinds[i] == VNT_TOK_EMOJI ? cache_set(EMOJI_ID, sizeof EMOJI_ID - 1, 0)
                                                   : cache_set(s + w->ustart[i],
                                                               w->uend[i] - w->ustart[i],
                                                               kinds[i] == VNT_TOK_WORD);
        w->uset[i] = set;
        if (set != NO_SET)
            PREFETCH(&w->cache->e[set]);
    }
    for (size_t i = 0; i < n; i++) {
        token_id id;
        struct id_entry *e;
        size_t a = w->ustart[i], b = w->uend[i], p;
        int word = kinds[i] == VNT_TOK_WORD;
        uint32_t set = w->uset[i];
        if (kinds[i] == VNT_TOK_ABBREV) {
            if ((p = title_start(s, a, b)) > 0) {
                a = p;
                word = 1;
            }
            set = cache_set(s + a, b - a, word);
        }
        const char *us = s + a;
        size_t ul = b - a;
        if (kinds[i] == VNT_TOK_EMOJI) {
            us = EMOJI_ID;
            ul = sizeof EMOJI_ID - 1;
        }
        vnt_status st = identify_cached(w, us, ul, word, set, &id, &e);
        if (st != VNT_OK)
            return st;
        w->uent[i] = e;
        w->v[PAD + i] = id.value;
        w->tv[PAD + i] = id.toneless;
        w->sh[PAD + i] = (uint8_t)id.shape;
        caps += caps_shape(id.shape);
        titles += id.shape == SH_SYL + 2 || id.shape == SH_TITLE;
        seen |= 1u << id.shape;
        uni_weights(m, c, w, i, e);
        w->lex1[i] = unit_lex(m, id.value, e);
    }
    const size_t min =
        !(seen & LOWER_SHAPES) && caps >= CAPS_ALONE && !has_dash(w, s, n) ? CAPS_ALONE : CAPS_RUN;
    if (caps >= min) { /* rare: most sentences have fewer */
        capitals_as_lower(w, s, n, min);
        seen = shape_bits(w, n);
    }
    size_t tmin = TITLE_RUN;
    if (titles >= TITLE_ALONE && titles < TITLE_RUN && !(seen & LOWER_START_SHAPES)) {
        size_t f = 0;
        while (f < n && !(w->sh[PAD + f] == SH_SYL + 2 || w->sh[PAD + f] == SH_TITLE))
            f++;
        tmin = (f < n && family_name(s, w->ustart[f], w->uend[f])) || has_dash(w, s, n)
                   ? TITLE_RUN
                   : TITLE_ALONE;
    }
    if (titles >= tmin && !(seen & LOWER_START_SHAPES)) { /* rarer */
        titles_as_lower(w, s, n);
        seen = shape_bits(w, n);
    }
    const int caseless = !(seen & CAPITALIZED_SHAPES) && (seen & LOWER_SHAPES) != 0;
    if (caseless != c) {
        c = w->caseless = caseless;
        for (size_t i = 0; i < n; i++) {
            struct id_entry *e = w->uent[i];
            /* an entry that a later unit took over holds another value (one
             * of the same value has the same weights) */
            uni_weights(m, c, w, i, e && e->id.value == w->v[PAD + i] ? e : NULL);
        }
    }
    for (size_t k = 0; k < PAD; k++) {
        memcpy(&w->uni[k * MAX_UNI], m->ks[c].uni_pad[0], sizeof m->ks[c].uni_pad[0]);
        memcpy(&w->uni[(PAD + n + k) * MAX_UNI], m->ks[c].uni_pad[1], sizeof m->ks[c].uni_pad[1]);
    }
    return VNT_OK;
}

/* 1 for an abbreviation or initials whose period may end a sentence: all
 * but "v.v." (etc.), which the corpora keep whole at a sentence end too. */
static int final_period(const char *s, const vnt_token *t)
{
    size_t n = t->end - t->start;
    return t->kind == VNT_TOK_ABBREV && n >= 2 && s[t->end - 1] == '.' &&
           !(n == 4 && (s[t->start] == 'v' || s[t->start] == 'V') && s[t->start + 1] == '.' &&
             (s[t->start + 2] == 'v' || s[t->start + 2] == 'V'));
}

/* 1 when the word t and the period p glued to it are, in capitals or title
 * case, an abbreviation of the table (csrc/abbrev_table.h): "gs." is GS.,
 * "q." Q., "pgs." PGS. The scanner knows them as written only; in a
 * sentence without capitals they are read as the sentence splitter reads
 * them (decide_caseless in sentences.c), and as the model saw them in the
 * training sentences put in lower case. */
static int caseless_abbrev(const char *s, const vnt_token *t, const vnt_token *p)
{
    return t->kind == VNT_TOK_WORD && glued(p) && p->kind == VNT_TOK_PUNCT &&
           p->end - p->start == 1 && s[p->start] == '.' &&
           vnt__abbrev_known_lower((const unsigned char *)s + t->start, t->end - t->start);
}

/* 1 when the word t in ASCII capitals and the period p glued to it are an
 * abbreviation of the table in another case ("TR." as tr., "THS." as ThS.,
 * not those known only as written: "GEN." is a word), in a sentence in
 * capitals, as the sentence splitter reads it on its lower case. */
static int capitals_abbrev(const char *s, const vnt_token *t, const vnt_token *p)
{
    char low[16];
    size_t n = t->end - t->start;
    if (t->kind != VNT_TOK_WORD || n < 2 || n > sizeof low || !glued(p) ||
        p->kind != VNT_TOK_PUNCT || p->end - p->start != 1 || s[p->start] != '.')
        return 0;
    for (size_t k = 0; k < n; k++) {
        char c = s[t->start + k];
        if (c < 'A' || c > 'Z')
            return 0;
        low[k] = (char)(c + 32);
    }
    return vnt__abbrev_known_lower((const unsigned char *)low, n);
}

/* 1 when the ASCII letter t and the period p glued to it are an initial in
 * capitals ("n." as N., as the sentence splitter reads it), not after a
 * number, whose unit it is ("12 m."); prev: the token before t, or NULL. */
static int caseless_initial(const char *s, const vnt_token *t, const vnt_token *p,
                            const vnt_token *prev)
{
    return t->kind == VNT_TOK_WORD && t->end - t->start == 1 && s[t->start] >= 'a' &&
           s[t->start] <= 'z' && glued(p) && p->kind == VNT_TOK_PUNCT &&
           p->end - p->start == 1 && s[p->start] == '.' &&
           !(prev && prev->kind == VNT_TOK_NUMBER);
}

/* Marks, in utk, a hyphen that make_units left as a unit of its own
 * between two words; join_hyphens decides whether it stays apart. */
#define UTK_HYPHEN 0x8000u

/* 1 when s[a..b) has two letters or more (combining marks do not count,
 * so NFD text reads as NFC). */
static int two_letters(const char *s, size_t a, size_t b)
{
    unsigned k = 0;
    for (size_t i = a; i < b && k < 2;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(b - i), &c);
        if (r <= 0)
            return 0;
        utf8proc_category_t cat = utf8proc_category(c);
        k += cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_MC &&
             cat != UTF8PROC_CATEGORY_ME;
        i += (size_t)r;
    }
    return k == 2;
}

/* 1 when token t, on the left (left 1) or the right of a hyphen, is a
 * word of two letters or more, or an abbreviation whose part next to the
 * hyphen is ("TP.HCM" on either side; not the initials "D.T.H"). */
static int hyphen_side(const char *s, const vnt_token *t, int left)
{
    size_t a = t->start, b = t->end;
    if (t->kind == VNT_TOK_ABBREV) {
        if (left) {
            while (a < b && s[b - 1] != '.')
                b--;
            a = b;
            b = t->end;
        } else {
            while (a < b && s[a] != '.')
                a++;
            b = a;
            a = t->start;
        }
    } else if (t->kind != VNT_TOK_WORD) {
        return 0;
    }
    return two_letters(s, a, b);
}

/* 1 for toks[j], a connector glued on both sides, when it is a hyphen
 * between two words of two letters or more ("Nội-Hải", "vắc-xin"; not
 * "e-mail", "X-quang", "F-35"), or between such a word and an abbreviation
 * ("TP.HCM-Cần Thơ", "Hà Nội-TP.HCM"). */
static int word_hyphen(const char *s, const vnt_token *toks, size_t j)
{
    return s[toks[j].start] == '-' && hyphen_side(s, &toks[j - 1], 1) &&
           hyphen_side(s, &toks[j + 1], 0) &&
           (toks[j - 1].kind == VNT_TOK_WORD || toks[j + 1].kind == VNT_TOK_WORD);
}

/* 1 for toks[j], a connector glued on both sides, when it is a slash
 * before a word and after a word, a number with letters or a percent sign
 * ("đồng/kg", "HIV/AIDS", "50.000đ/kg", "7%/năm"; not "19/4"): the
 * corpora write the slash apart ("đồng / kg"). */
static int word_slash(const char *s, const vnt_token *toks, size_t j)
{
    const vnt_token *l = &toks[j - 1];
    const unsigned char last = (unsigned char)s[l->end - 1];
    return s[toks[j].start] == '/' && toks[j + 1].kind == VNT_TOK_WORD &&
           (l->kind == VNT_TOK_WORD || (l->end - l->start == 1 && last == '%') ||
            (l->kind == VNT_TOK_NUMBER && (last >= 0x80 || (unsigned)((last | 0x20) - 'a') < 26u)));
}

/* How make_units reads its tokens: a sentence, whose final abbreviation
 * period is a unit of its own and whose lower-case abbreviations ("gs.")
 * are units when it has no capital; or a dictionary word, with such
 * abbreviations as written or always as units (add_words enters both). */
enum { UNITS_SENTENCE, UNITS_WORD, UNITS_WORD_CASELESS };

/* Groups the tokens toks[a..b) into units in w (room for b - a + 1);
 * returns their number; mode: UNITS_*. When they are a sentence (not a
 * dictionary word), the period of an abbreviation that ends it is a unit
 * of its own. A
 * hyphen between two words (word_hyphen) is left as a unit of its own,
 * marked UTK_HYPHEN, for join_hyphens. A slash between words (word_slash)
 * is always a unit of its own, left to the model (which splits it off, as
 * the corpora do) so that a user-dictionary word may keep it ("HIV/AIDS"). */
static size_t make_units(vnt_segwork *w, const char *s, const vnt_token *toks, size_t a,
                         size_t b, int mode)
{
    size_t n = 0, hyphen = SIZE_MAX, slash = SIZE_MAX;
    const int is_sentence = mode == UNITS_SENTENCE;
    int caseless = mode != UNITS_WORD, capitals = is_sentence;
    for (size_t i = a; i < b && is_sentence && caseless; i++)
        caseless = !(toks[i].flags & VNT_TF_UPPER);
    for (size_t i = a; i < b && capitals; i++)
        capitals = !(toks[i].flags & VNT_TF_LOWER);
    for (size_t i = a; i < b;) {
        const vnt_token *t = &toks[i];
        vnt_token merged;
        size_t j = i + 1;
        int kind = t->kind, vv = 0;
        if (i + 1 < b &&
            ((caseless && (caseless_abbrev(s, t, &toks[i + 1]) ||
                           (is_sentence && caseless_initial(s, t, &toks[i + 1],
                                                            i > a ? &toks[i - 1] : NULL)))) ||
             (capitals && !caseless && capitals_abbrev(s, t, &toks[i + 1])))) {
            /* "gs." read as GS. is, "n." as N., in a sentence without
             * capitals; "TR." as tr. is, "THS." as ThS., in one in capitals */
            merged = (vnt_token){.start = t->start, .end = toks[i + 1].end,
                                 .kind = VNT_TOK_ABBREV, .flags = t->flags};
            t = &merged;
            j = i + 2;
            kind = VNT_TOK_ABBREV;
        } else if (t->kind == VNT_TOK_ABBREV && t->end - t->start == 3 &&
                   (s[t->start] | 0x20) == 'v' && s[t->start + 1] == '.' &&
                   (s[t->start + 2] | 0x20) == 'v' && i + 1 < b && glued(&toks[i + 1]) &&
                   toks[i + 1].kind == VNT_TOK_PUNCT &&
                   (s[toks[i + 1].start] == '.' ||
                    (toks[i + 1].end - toks[i + 1].start == 3 &&
                     memcmp(s + toks[i + 1].start, "\xE2\x80\xA6", 3) == 0))) {
            /* "v.v..." (và vân vân) is one word, as the corpora write it,
             * at the end of a sentence too */
            merged = (vnt_token){.start = t->start, .end = toks[i + 1].end,
                                 .kind = VNT_TOK_ABBREV, .flags = t->flags};
            t = &merged;
            j = i + 2;
            vv = 1;
        } else if (is_gluable(t->kind)) {
            for (;;) {
                if (j + 1 < b && glued(&toks[j]) && glued(&toks[j + 1]) &&
                    is_connector(s, &toks[j]) && is_gluable(toks[j + 1].kind)) {
                    if (word_slash(s, toks, j)) {
                        slash = j;
                        break;
                    }
                    if (word_hyphen(s, toks, j)) {
                        hyphen = j;
                        break;
                    }
                    j += 2;
                    kind = 0;
                } else if (j < b && glued(&toks[j]) && toks[j - 1].kind == VNT_TOK_NUMBER &&
                           toks[j].kind == VNT_TOK_SYMBOL && toks[j].end - toks[j].start == 1 &&
                           s[toks[j].start] == '%') {
                    j += 1;
                    kind = 0;
                } else {
                    break;
                }
            }
        }
        w->ustart[n] = t->start;
        w->uend[n] = toks[j - 1].end;
        w->ukind[n] = (uint8_t)(i == slash ? UK_MODEL : forced_kind(t->kind));
        /* an identifier or a file name (user_name, bao_cao.docx) is a word
         * of its own */
        if (((t->flags & VNT_TF_JOINED) && j == i + 1) || vv) /* and so is v.v... */
            w->ukind[n] = UK_SPLIT;
        w->utk[n] = (uint16_t)(i == hyphen ? (unsigned)kind | UTK_HYPHEN : (unsigned)kind);
        if (is_sentence && j == b && (j == i + 1 || t == &merged) && !vv && final_period(s, t)) {
            /* the period of an abbreviation or initials that ends the
             * sentence ends the sentence too: a unit of its own, as the
             * corpora write it ("... cho TP ." "L.TH.H ."); the rest is a
             * word when it holds no period ("A", "TP"), so it may be a
             * syllable */
            w->uend[n] = t->end - 1;
            if (memchr(s + t->start, '.', t->end - 1 - t->start) == NULL)
                w->utk[n] = VNT_TOK_WORD;
            n++;
            w->ustart[n] = t->end - 1;
            w->uend[n] = t->end;
            w->ukind[n] = (uint8_t)forced_kind(VNT_TOK_PUNCT);
            w->utk[n] = VNT_TOK_PUNCT;
        }
        n++;
        i = j;
    }
    return n;
}

/* Decides the hyphens that make_units left apart in units [0, *n) of w:
 * a hyphen stays a unit of its own (the corpora write "Hà_Nội - Hải_Phòng")
 * when a lexicon or user-dictionary word ends at the word before it, coming
 * from further left ("Hà Nội-Hải Phòng", "kinh tế-xã hội"), or starts at the
 * word after it and goes on to the right, unless the two words around it
 * are a lexicon word themselves ("vắc-xin"). Otherwise it joins them into
 * one unit again, as the corpora keep "Mỹ-Nhật", "Bắc-Nam", "Jong-un".
 * *fresh is 1 when the identity and lexicon columns in w are those of the
 * units returned (none was joined again), 0 when they are stale or were
 * not made. */
static vnt_status join_hyphens(const vnt_segmenter *m, vnt_segwork *w, const char *s, size_t *np,
                               int *fresh)
{
    size_t n = *np, i = 0;
    *fresh = 0;
    while (i < n && !(w->utk[i] & UTK_HYPHEN))
        i++;
    if (i == n) /* most sentences */
        return VNT_OK;
    vnt_status st = identities(w, m, s, n, w->utk);
    if (st != VNT_OK)
        return st;
    lexicon_columns(m, w, n);
    for (size_t g = 0; g + 1 < n; g++)
        w->force[g] = -1;
    user_dict(m, w, n);
    size_t o = i;
    for (; i < n; i++) {
        if (w->utk[i] & UTK_HYPHEN) { /* units i - 1 and i + 1 end and start with a word */
            const uint64_t *v = w->v + PAD;
            int word = w->endlen[i - 1] >= 2 || w->startlen[i + 1] >= 2 ||
                       (i >= 2 && w->force[i - 2] == 1) || (i + 2 < n && w->force[i + 1] == 1);
            if (!word ||
                (lex_flags(m, hash_step(hash_step(LEX_SEED, v[i - 1]), v[i + 1])) & LEX_ENTRY)) {
                w->uend[o - 1] = w->uend[i + 1];
                w->utk[o - 1] = 0;
                i++;
                continue;
            }
        }
        w->ustart[o] = w->ustart[i];
        w->uend[o] = w->uend[i];
        /* a hyphen kept apart is split off unless a user word joins it */
        w->ukind[o] = (w->utk[i] & UTK_HYPHEN) ? UK_SOFT : w->ukind[i];
        w->utk[o] = (uint16_t)(w->utk[i] & ~UTK_HYPHEN);
        o++;
    }
    *fresh = o == n; /* the units, and their kinds for identities, as they were */
    *np = o;
    return VNT_OK;
}

/* The units of the sentence toks[a..b) in w; *n their number; *fresh as
 * join_hyphens gives it. */
static vnt_status sentence_units(const vnt_segmenter *m, vnt_segwork *w, const char *s,
                                 const vnt_token *toks, size_t a, size_t b, size_t *n,
                                 int *fresh)
{
    *n = make_units(w, s, toks, a, b, UNITS_SENTENCE);
    return join_hyphens(m, w, s, n, fresh);
}

/* Segments the tokens toks[a..b) of one sentence, appending word spans to
 * out and, when pieces is not NULL, the pieces of the words to pieces (a
 * word's units between the white space in it: units are written without
 * white space, and only white space lies between two units). */
static vnt_status sentence(const vnt_segmenter *m, vnt_segwork *w, const char *s,
                           const vnt_token *toks, size_t a, size_t b, vnt_spans *out,
                           vnt_spans *pieces)
{
    size_t n;
    int fresh;
    vnt_status st = sentence_units(m, w, s, toks, a, b, &n, &fresh);
    if (st != VNT_OK)
        return st;
    uint16_t *kinds = w->utk;
    if (n == 1) {
        st = vnt__spans_push(out, w->ustart[0], w->uend[0]);
        if (st == VNT_OK && pieces)
            st = vnt__spans_push(pieces, w->ustart[0], w->uend[0]);
        return st;
    }
    if (!fresh) { /* else join_hyphens made them for these units */
        st = identities(w, m, s, n, kinds);
        if (st != VNT_OK)
            return st;
        lexicon_columns(m, w, n);
    }
    size_t ng = n - 1;
    for (size_t g = 0; g < ng; g++)
        w->force[g] = (w->ukind[g] == UK_SPLIT || w->ukind[g + 1] == UK_SPLIT) ? 0
                      : (w->ukind[g] == UK_SOFT || w->ukind[g + 1] == UK_SOFT) ? FORCE_SOFT
                                                                                : -1;
    user_dict(m, w, n);
    for (size_t g = 0; g < ng; g++) {
        if (w->force[g] == FORCE_SOFT) /* no user word joined it */
            w->force[g] = 0;
        else if (w->force[g] < 0 && ((chat_short(w, s, g) && chat_short(w, s, g + 1)) ||
                                     lone_capitals(w, s, g, n)))
            w->force[g] = 0;
    }
    score_gaps(m, w, n);
    viterbi(m, w, ng);
    conjunction_edges(m, w, n);
    size_t start = w->ustart[0], pstart = start;
    for (size_t g = 0; g < ng; g++) {
        const int split = !w->label[g];
        if (split) {
            st = vnt__spans_push(out, start, w->uend[g]);
            if (st != VNT_OK)
                return st;
            start = w->ustart[g + 1];
        }
        if (pieces && (split || w->ustart[g + 1] > w->uend[g])) {
            st = vnt__spans_push(pieces, pstart, w->uend[g]);
            if (st != VNT_OK)
                return st;
            pstart = w->ustart[g + 1];
        }
    }
    st = vnt__spans_push(out, start, w->uend[n - 1]);
    if (st == VNT_OK && pieces)
        st = vnt__spans_push(pieces, pstart, w->uend[n - 1]);
    return st;
}

vnt_status vnt_word_spans(const vnt_segmenter *seg, const char *s, size_t len,
                          vnt_segwork *work, vnt_spans *out)
{
    return vnt_word_pieces(seg, s, len, work, out, NULL);
}

/* A text is segmented a window at a time: the tokens of about SEG_WINDOW
 * bytes of text are scanned, the sentences in them segmented, and the next
 * window reuses the token array, so that a long text needs no token array
 * of its own size (24 bytes a token: 1 GB for 200 MB of news). The sentences
 * come from vnt_sentences(), over the whole text, as sent_spans has them. A
 * window ends where a sentence starts after ASCII white space: the scanner
 * starts there as it starts after white space in a scan of the whole text,
 * and gives the same tokens (fuzz_segment checks it against window 1 and
 * against the scan of the whole text). */
#define SEG_WINDOW ((size_t)64 * 1024)

/* The sentences of the tokens t[0..nt) (in order) that lie in the spans
 * sents[si..sj), segmented into out and pieces. */
static vnt_status sentences_of(const vnt_segmenter *seg, vnt_segwork *work, const char *s,
                               const vnt_token *t, size_t nt, size_t si, size_t sj,
                               vnt_spans *out, vnt_spans *pieces)
{
    vnt_status st = VNT_OK;
    size_t k = 0;
    for (; st == VNT_OK && si < sj; si++) {
        size_t a = work->sents.items[si].start, b = work->sents.items[si].end;
        while (k < nt && t[k].start < a)
            k++;
        size_t first = k;
        while (k < nt && t[k].end <= b)
            k++;
        size_t cnt = k - first;
        if (cnt == 0)
            continue;
        st = work_reserve(work, cnt + 1);
        if (st == VNT_OK)
            st = sentence(seg, work, s, t, first, k, out, pieces);
    }
    return st;
}

vnt_status vnt__word_pieces_window(const vnt_segmenter *seg, const char *s, size_t len,
                                   vnt_segwork *work, vnt_spans *out, vnt_spans *pieces,
                                   size_t window)
{
    if (seg == NULL || out == NULL || (s == NULL && len != 0))
        return VNT_ERR_INVALID_ARG;
    out->len = 0;
    if (pieces)
        pieces->len = 0;
    vnt_segwork *own = NULL;
    if (work == NULL) {
        own = work = vnt_segwork_new();
        if (!own)
            return VNT_ERR_NOMEM;
    }
    vnt_status st;
    if (window == 0) { /* the reference: one scan of the whole text */
        st = vnt_scan(s, len, &work->toks);
        if (st == VNT_OK)
            st = vnt_sentences_from_tokens(s, len, &work->toks, &work->sents);
        if (st == VNT_OK)
            st = sentences_of(seg, work, s, work->toks.items, work->toks.len, 0,
                              work->sents.len, out, pieces);
    } else {
        st = vnt_sentences(s, len, &work->toks, &work->sents);
        const vnt_span *sp = work->sents.items;
        size_t ns = work->sents.len, si = 0, x = 0;
        while (st == VNT_OK && si < ns) {
            size_t sj = si + 1;
            while (sj < ns && (sp[sj].start - x < window ||
                               !vnt__ascii_ws((unsigned char)s[sp[sj].start - 1])))
                sj++;
            size_t c = sj < ns ? sp[sj].start : len;
            work->toks.len = 0;
            st = vnt__scan_chunk(s, x, c, &work->toks);
            if (st == VNT_OK)
                st = sentences_of(seg, work, s, work->toks.items, work->toks.len, si, sj, out,
                                  pieces);
            x = c;
            si = sj;
        }
    }
    if (st != VNT_OK) {
        out->len = 0;
        if (pieces)
            pieces->len = 0;
    }
    /* no array of a long text's size stays behind (the fast pass keeps a
     * few tokens of every sentence of the text, and its sentences): what
     * stays is the cache, room for the tokens of a window and for the
     * sentences of a short text, and the arrays of the longest sentence */
    if (work->toks.cap > SEG_WINDOW)
        vnt_tokens_free(&work->toks);
    if (work->sents.cap > SEG_WINDOW / 16)
        vnt_spans_free(&work->sents);
    vnt_segwork_free(own);
    return st;
}

vnt_status vnt_word_pieces(const vnt_segmenter *seg, const char *s, size_t len,
                           vnt_segwork *work, vnt_spans *out, vnt_spans *pieces)
{
    /* a text of one window is scanned whole, which is faster (3-4% on
     * one sentence a call) */
    return vnt__word_pieces_window(seg, s, len, work, out, pieces,
                                   len <= SEG_WINDOW ? 0 : SEG_WINDOW);
}

/* ---------------------------------------------------------------------- */
/* User dictionary                                                          */

/* Copies the entry s[0..len) to buf, each underscore between two other
 * characters that are not underscores ("sẽ_bảo", as segmented corpora
 * write a word) made a space: the entry means what "sẽ bảo" means. An
 * underscore at an edge or beside another ("__init__") stays. */
static vnt_status entry_spaced(const char *s, size_t len, vnt_buf *buf)
{
    buf->len = 0;
    vnt_status st = vnt_buf_append(buf, s, len);
    if (st != VNT_OK)
        return st;
    char *d = buf->data;
    for (size_t k = 1; k + 1 < len; k++)
        if (s[k] == '_' && s[k - 1] != '_' && s[k + 1] != '_')
            d[k] = ' ';
    return VNT_OK;
}

/* Adds one entry, s[0..len), to set; line is scratch space. */
static vnt_status add_entry(const vnt_segmenter *set_owner, hset *set, vnt_segwork *w,
                            const char *s, size_t len, vnt_buf *line)
{
    vnt_status st = entry_spaced(s, len, line);
    if (st != VNT_OK)
        return st;
    const char *e = line->len ? line->data : "";
    if ((st = vnt_scan(e, len, &w->toks)) != VNT_OK)
        return st;
    size_t nt = w->toks.len;
    for (size_t k = 0; k < nt; k++)
        if (w->toks.items[k].kind == VNT_TOK_NEWLINE)
            return VNT_ERR_INVALID_ARG;
    if ((st = work_reserve(w, nt + 1)) != VNT_OK)
        return st;
    /* the word as written ("gs. nam": gs | . | nam, as in a sentence with
     * capitals), and again with its lower-case abbreviations as units
     * (gs. | nam, as in one without) when that differs */
    size_t as_written = 0;
    for (int mode = UNITS_WORD; mode <= UNITS_WORD_CASELESS; mode++) {
        size_t n = make_units(w, e, w->toks.items, 0, nt, mode);
        if (mode == UNITS_WORD)
            as_written = n;
        else if (n == as_written)
            break; /* no abbreviation became a unit: the same word */
        int fresh;
        st = join_hyphens(set_owner, w, e, &n, &fresh); /* as a sentence does */
        if (st != VNT_OK)
            return st;
        if (n == 0)
            continue;
        if (!fresh && (st = identities(w, set_owner, e, n, w->utk)) != VNT_OK)
            return st;
        uint64_t h = LEX_SEED;
        for (size_t k = 0; k < n; k++)
            h = hash_step(h, w->v[PAD + k]);
        hset_add(set, h);
        if (n > set->maxlen)
            set->maxlen = (unsigned)n;
        if (n == 1) /* a word of its own (user_dict) */
            set->has_single = 1;
    }
    return VNT_OK;
}

/* Adds the entries of a '\n'-separated word list to set (sized for them):
 * each line is an entry, read as entry_spaced() writes it; a line with no
 * token (empty, or white space only) is none. */
static vnt_status add_words(const vnt_segmenter *set_owner, hset *set, vnt_segwork *w,
                            const char *list, size_t len)
{
    size_t i = 0;
    vnt_buf line;
    vnt_buf_init(&line);
    vnt_status st = VNT_OK;
    while (i < len && st == VNT_OK) {
        size_t j = i;
        while (j < len && list[j] != '\n')
            j++;
        /* a line of a file written with CR LF */
        size_t end = j > i && list[j - 1] == '\r' ? j - 1 : j;
        st = add_entry(set_owner, set, w, list + i, end - i, &line);
        i = j + 1;
    }
    vnt_buf_free(&line);
    return st;
}

static size_t count_lines(const char *s, size_t len)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += s[i] == '\n';
    return n;
}

static vnt_status copy_set(hset *dst, const hset *src, size_t extra)
{
    free(dst->keys);
    vnt_status st = hset_init(dst, src->n + extra);
    if (st != VNT_OK)
        return st;
    for (uint64_t i = 0; i <= src->mask; i++)
        if (src->keys[i])
            hset_add(dst, src->keys[i]);
    dst->has_zero = src->has_zero;
    dst->maxlen = src->maxlen;
    dst->has_single = src->has_single;
    return VNT_OK;
}

vnt_status vnt_segmenter_with_dict(const vnt_segmenter *base, const char *join, size_t join_len,
                                   const char *split, size_t split_len, vnt_segmenter **out)
{
    if (base == NULL || out == NULL || (join == NULL && join_len != 0) ||
        (split == NULL && split_len != 0))
        return VNT_ERR_INVALID_ARG;
    *out = NULL;
    size_t bad;
    if (!vnt__utf8_valid(join ? join : "", join_len, &bad) ||
        !vnt__utf8_valid(split ? split : "", split_len, &bad))
        return VNT_ERR_INVALID_UTF8;
    /* base's tables, shared, and sets of its own */
    vnt_segmenter *seg = malloc(sizeof *seg);
    if (!seg)
        return VNT_ERR_NOMEM;
    *seg = *base;
    seg->ujoin.keys = seg->usplit.keys = NULL;
    atomic_fetch_add_explicit(base->users, 1, memory_order_relaxed);
    vnt_status st;
    vnt_segwork *w = vnt_segwork_new();
    if (!w) {
        vnt_segmenter_free(seg);
        return VNT_ERR_NOMEM;
    }
    /* up to two entries a line (add_words) */
    st = copy_set(&seg->ujoin, &base->ujoin, join_len ? 2 * count_lines(join, join_len) : 0);
    if (st == VNT_OK)
        st = copy_set(&seg->usplit, &base->usplit, split_len ? 2 * count_lines(split, split_len) : 0);
    if (st == VNT_OK)
        st = add_words(seg, &seg->ujoin, w, join, join_len);
    if (st == VNT_OK)
        st = add_words(seg, &seg->usplit, w, split, split_len);
    vnt_segwork_free(w);
    if (st != VNT_OK) {
        vnt_segmenter_free(seg);
        return st;
    }
    *out = seg;
    return VNT_OK;
}

/* ---------------------------------------------------------------------- */
/* Text output                                                              */


/* Bytes that may begin the white space inside a word (no line break is
 * in one): 1 for tab and space and the lead bytes of the Zs characters
 * above ASCII (U+00A0, U+2000..U+202F, U+205F, U+3000), of the zero-width
 * space (U+200B) and of the byte order mark (U+FEFF), 2 for E1, which
 * begins U+1680 but also the Vietnamese letters (E1 B8..BB); the first
 * test before vnt__hspace_at. */
static const uint8_t SPACE_LEAD[256] = {
    ['\t'] = 1, [' '] = 1,
    [0xC2] = 1, [0xE1] = 2, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

vnt_status vnt_words_text(const char *s, size_t len, const vnt_spans *words, vnt_buf *out)
{
    if (words == NULL || out == NULL || (s == NULL && len != 0))
        return VNT_ERR_INVALID_ARG;
    /* the text takes at most the bytes of the words and a separator each */
    size_t need = 1;
    for (size_t k = 0; k < words->len; k++) {
        size_t a = words->items[k].start, b = words->items[k].end;
        if (a > b || b > len)
            return VNT_ERR_INVALID_ARG;
        if (b - a >= SIZE_MAX / 2 - need)
            return VNT_ERR_TOO_LARGE;
        need += b - a + 1;
    }
    vnt_status st = vnt_buf_reserve(out, need);
    if (st != VNT_OK)
        return st;
    char *o = out->data + out->len;
    for (size_t k = 0; k < words->len; k++) {
        size_t a = words->items[k].start, b = words->items[k].end;
        if (k > 0)
            *o++ = ' ';
        /* white space inside a word (between its syllables) becomes one '_' */
        size_t i = a, run = a;
        while (i < b) {
            size_t n;
            /* without branches but the rare one: E1 bytes are everywhere in
             * Vietnamese (the next byte is read at i itself at the end) */
            const unsigned lead = SPACE_LEAD[(unsigned char)s[i]];
            const unsigned next = (unsigned char)s[i + (i + 1 < b)];
            if (VNT_LIKELY(!((lead == 1) | ((lead == 2) & (next == 0x9A)))) ||
                (n = vnt__hspace_at((const unsigned char *)s, b, i)) == 0) {
                i++;
                continue;
            }
            memcpy(o, s + run, i - run);
            o += i - run;
            *o++ = '_';
            i += n;
            while (i < b && (n = vnt__hspace_at((const unsigned char *)s, b, i)) != 0)
                i += n;
            run = i;
        }
        memcpy(o, s + run, b - run);
        o += b - run;
    }
    out->len = (size_t)(o - out->data);
    return VNT_OK;
}

/* ---------------------------------------------------------------------- */
/* Trace for the tests                                                      */

void vnt__segtrace_free(vnt__segtrace *tr)
{
    free(tr->start); free(tr->end); free(tr->value); free(tr->toneless); free(tr->shape);
    free(tr->gapcol); free(tr->keys); free(tr->score); free(tr->key_score); free(tr->label);
    memset(tr, 0, sizeof *tr);
}

vnt_status vnt__segment_trace(const vnt_segmenter *m, const char *s, size_t len,
                              vnt__segtrace *tr)
{
    memset(tr, 0, sizeof *tr);
    vnt_segwork *w = vnt_segwork_new();
    if (!w)
        return VNT_ERR_NOMEM;
    vnt_status st = vnt_scan(s, len, &w->toks);
    size_t nt = 0;
    for (size_t k = 0; st == VNT_OK && k < w->toks.len; k++)
        if (w->toks.items[k].kind != VNT_TOK_NEWLINE)
            w->toks.items[nt++] = w->toks.items[k];
    if (st == VNT_OK && nt > 0)
        st = work_reserve(w, nt + 1);
    if (st != VNT_OK || nt == 0) {
        vnt_segwork_free(w);
        return st;
    }
    size_t n;
    int fresh;
    st = sentence_units(m, w, s, w->toks.items, 0, nt, &n, &fresh);
    if (st == VNT_OK && !fresh)
        st = identities(w, m, s, n, w->utk);
    if (st != VNT_OK) {
        vnt_segwork_free(w);
        return st;
    }
    size_t ng = n - 1;
    tr->n = n;
    tr->ntpl = m->ntpl;
    for (unsigned t = 0; t < m->ntpl; t++)
        tr->tids[t] = m->tpl[t].id;
    tr->start = malloc(n * sizeof *tr->start);
    tr->end = malloc(n * sizeof *tr->end);
    tr->value = malloc(n * 8);
    tr->toneless = malloc(n * 8);
    tr->shape = malloc(n * sizeof *tr->shape);
    tr->gapcol = malloc((ng + 1) * 8 * sizeof *tr->gapcol);
    tr->keys = malloc((ng * m->ntpl + 1) * 8);
    tr->score = malloc((ng + 1) * sizeof *tr->score);
    tr->key_score = malloc((ng + 1) * sizeof *tr->key_score);
    tr->label = malloc(ng + 1);
    if (!tr->start || !tr->end || !tr->value || !tr->toneless || !tr->shape || !tr->gapcol ||
        !tr->keys || !tr->score || !tr->key_score || !tr->label)
        st = VNT_ERR_NOMEM;
    if (st == VNT_OK) {
        for (size_t i = 0; i < n; i++) {
            tr->start[i] = w->ustart[i];
            tr->end[i] = w->uend[i];
            tr->value[i] = w->v[PAD + i];
            tr->toneless[i] = w->tv[PAD + i];
            tr->shape[i] = w->sh[PAD + i];
        }
        if (ng > 0) {
            for (size_t g = 0; g < ng; g++)
                w->force[g] = -1;
            lexicon_columns(m, w, n);
            user_dict(m, w, n);
            score_gaps(m, w, n);
            viterbi(m, w, ng);
            for (size_t g = 0; g < ng; g++) {
                unsigned *c = tr->gapcol + 8 * g;
                c[0] = w->span[g]; c[1] = w->lend[g]; c[2] = w->rstart[g]; c[3] = w->fmm[g];
                c[4] = w->bmm[g]; c[5] = w->lmask[g]; c[6] = w->capl[g]; c[7] = w->capr[g];
                uint64_t sv[S_COUNT];
                uint32_t rv[S_COUNT];
                gap_slots(m, w, g, ng, sv, rv);
                const uint64_t *k = tr->keys + g * m->ntpl;
                gap_keys(m, m->tpl, m->tpl_seed[w->caseless], m->ntpl, sv, tr->keys + g * m->ntpl);
                tr->key_score[g] = 0.0; /* as score_gaps: 0 where the user dictionary decides */
                for (unsigned t = 0; t < m->ntpl && w->force[g] < 0; t++)
                    tr->key_score[g] += (double)weight_of(m, k[t]);
                tr->score[g] = w->score[g];
                tr->label[g] = w->label[g];
            }
        }
    }
    vnt_segwork_free(w);
    if (st != VNT_OK)
        vnt__segtrace_free(tr);
    return st;
}
