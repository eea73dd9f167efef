"""vntext: Vietnamese text processing with a C core.

Tone-mark normalization
    normalize(text, style="traditional") puts every tone mark in one
    canonical place and repairs damaged spellings: decomposed (NFD) letters,
    a tone typed after the final consonant ("viêt\\u0323" -> "việt"), a tone
    on the wrong vowel ("qúy" -> "quý", "gìa" -> "già"). URLs, e-mail
    addresses and identifiers are left as written (only put in NFC).

    Two styles differ only in open syllables with oa, oe and uy:

    - "traditional" (default): hòa, thủy, khỏe; the tone on the first
      vowel. This is the convention of underthesea and of the Universal
      Dependencies Vietnamese treebank.
    - "modern": hoà, thuỷ, khoẻ; the tone on the second vowel.

    >>> normalize("hoà thuỷ khoẻ")
    'hòa thủy khỏe'
    >>> normalize("hòa thủy khỏe", style="modern")
    'hoà thuỷ khoẻ'

remove_accents(text)
    "Tiếng Việt" -> "Tieng Viet".

decode_legacy(data, encoding, errors="strict"), detect_legacy(data)
    Text in the pre-Unicode Vietnamese encodings TCVN3 (ABC), VNI, VIQR,
    VISCII, VPS and Windows-1258, given as bytes or as the mojibake str they
    become when read as Windows-1252.

Sentences
    sent_tokenize(text) splits text into sentences, each as written;
    sent_spans(text) gives their (start, end) offsets instead. Quotes and
    brackets that close a sentence stay with it; abbreviations (TP., GS.,
    v.v.), initials, numbers, URLs, domains and e-mail addresses do not end
    one; every line break does.

    >>> sent_tokenize('Anh nói: "Xin chào." Rồi anh đi.')
    ['Anh nói: "Xin chào."', 'Rồi anh đi.']

Words
    word_tokenize(text) splits text into words, each as written; a word of
    several syllables keeps its spaces ("bảo vệ"). format="text" gives one
    str with the syllables of a word joined by "_", as underthesea does.
    word_spans(text) gives (start, end) offsets. Segmenter(user_dict=...,
    user_split=...) holds the model with a user dictionary; the functions
    use a default one, loaded from the package on first use. The arguments
    are underthesea's, in its order (sentence=... for text,
    use_token_normalize, fixed_words); use_token_normalize=True puts each
    word through normalize(), and is False by default, so words come out
    as written.

    >>> word_tokenize("Mỹ sẽ bảo vệ Nhật Bản")
    ['Mỹ', 'sẽ', 'bảo vệ', 'Nhật Bản']
    >>> word_tokenize("Mỹ sẽ bảo vệ Nhật Bản", format="text")
    'Mỹ sẽ bảo_vệ Nhật_Bản'

Each function has its own docstring with examples: help(vntext.normalize).
"""

from ._vntext import (
    UNICODE_VERSION,
    UTF8PROC_VERSION,
    __version__,
    decode_legacy,
    detect_legacy,
    normalize,
    remove_accents,
    sent_spans,
    sent_tokenize,
    word_spans,
    word_tokenize,
    Segmenter,
)

# The functions are the C ones themselves, so a call costs no Python frame;
# their docstrings (with examples) are in python/vntext/_vntext.c.

__all__ = [
    "normalize",
    "remove_accents",
    "decode_legacy",
    "detect_legacy",
    "sent_tokenize",
    "sent_spans",
    "word_tokenize",
    "word_spans",
    "Segmenter",
    "UNICODE_VERSION",
    "UTF8PROC_VERSION",
    "__version__",
]
