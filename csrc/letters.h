/* Internal: the Vietnamese letter model shared by the syllable parser and the
 * normalizer. A letter is a one-byte code (a-z for plain letters, A=â W=ă
 * E=ê O=ô P=ơ U=ư D=đ) plus a case bit; tones are kept apart. */
#ifndef VNT_LETTERS_H
#define VNT_LETTERS_H

#include "internal.h"
#include "letters_table.h"

#define VNT_LI_CODE(e) ((uint8_t)((e) & 0xFF))
#define VNT_LI_TONE(e) ((int)(((e) >> 8) & 7))
#define VNT_LI_UPPER(e) ((int)(((e) >> 11) & 1))
#define VNT_LI_VOWEL(e) ((int)(((e) >> 12) & 1))
#define VNT_LI_SHAPED(e) ((int)(((e) >> 13) & 1))

/* Letter info for a code point that is one precomposed letter (ASCII letters
 * included): code | tone << 8 | upper << 11, or 0 when cp is not an ASCII
 * letter plus Vietnamese marks. */
VNT_INLINE uint16_t vnt__letter_info(int32_t cp)
{
    /* index selection without branches: the two ranges alternate in text */
    uint32_t c = (uint32_t)cp;
    uint32_t ext = c - VNT_LETTERS_EXT_START;
    uint32_t idx = c < VNT_LETTERS_LOW_END ? c
                   : ext < VNT_LETTERS_EXT_LEN ? ext + VNT_LETTERS_LOW_END
                                               : VNT_LETTERS_NONE;
    return vnt_letters[idx];
}

/* 1 for the vowel letter codes a ă â e ê i o ô ơ u ư y. */
VNT_INLINE int vnt__is_vowel_code(uint8_t c) { return c < 128 && (vnt_code_class[c] & 1); }

/* 1 for the shaped vowels ă â ê ô ơ ư. */
VNT_INLINE int vnt__is_shaped_code(uint8_t c) { return c < 128 && (vnt_code_class[c] & 2); }

/* The code point of letter code c with tone (vnt_tone) and case. */
VNT_INTERNAL int32_t vnt__compose_letter(uint8_t code, int tone, int upper);

/* Parses letter codes (lowercase codes, n letters) with a tone into *out.
 * upper[i] is the case of letter i. Returns 1 for a Vietnamese syllable. */
VNT_INTERNAL int vnt__parse_letters(const uint8_t *codes, const uint8_t *upper, int n,
                                    int tone, vnt_syllable *out);

/* Collects the letters and marks of a decomposed (or partly precomposed)
 * sequence of code points: each code point is a letter of the table, a tone
 * mark, or a shape mark on the letter before. Returns the number of letters,
 * or -1 when the sequence holds anything else. *ntones counts the tone
 * marks, *tone is the last one and *tone_at the letter it follows or sits
 * on (-1: before any letter). */
VNT_INTERNAL int vnt__collect_letters(const int32_t *cps, size_t n, uint8_t *codes,
                                      uint8_t *upper, int *tone, int *ntones, int *tone_at);

/* 0 when the tone mark sits on a consonant of the onset (Spanish ña, not a
 * Vietnamese tone typed late); a tone typed after the final consonant is
 * fine. */
VNT_INTERNAL int vnt__tone_site_ok(const vnt_syllable *syl, const uint8_t *codes, int tone_at);

/* The index (0-based, among all letters) of the letter that carries the tone
 * of a parsed syllable in the given style. */
VNT_INTERNAL int vnt__tone_letter(const vnt_syllable *syl, vnt_style style);

#endif
