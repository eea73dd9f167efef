"""normalize() builds its result by splicing the changed syllables into the
input str. These tests check the seams: the storage width of the result
(CPython keeps every str in its narrowest form, and equality depends on it),
characters outside the BMP around edits, and edits at both ends."""
import sys

import pytest

import vntext


def canonical(s):
    # a copy built from scratch, so in CPython's narrowest storage
    return "".join(list(s))


@pytest.mark.parametrize(
    "text, want",
    [
        # Latin-1 input, a wider letter comes out (ê + misplaced tone -> ế)
        ("tíêng", "tiếng"),
        ("x tíêng y", "x tiếng y"),
        # the only wide characters are combining marks that NFC folds away
        ("a\u0301n", "án"),
        ("ca\u0301c ba\u0300n", "các bàn"),
        # wide input stays wide
        ("hoà bình", "hòa bình"),
        # astral characters around and between edits
        ("😀hoà😀 𝔘 thuỷ", "😀hòa😀 𝔘 thủy"),
        ("hoà", "hòa"),
        ("thuỷ 😀", "thủy 😀"),
        # many edits
        ("hoà " * 1000, "hòa " * 1000),
    ],
)
def test_splice_result_is_canonical(text, want):
    got = vntext.normalize(text)
    assert got == want
    assert sys.getsizeof(got) == sys.getsizeof(canonical(want))
    assert got.isascii() == want.isascii()


def test_modern_to_traditional_large_mixed():
    base = "Hoà Bình 😀 khoẻ a\u0301n Москва thuỷ, "
    text = base * 5000
    want = "Hòa Bình 😀 khỏe án Москва thủy, " * 5000
    got = vntext.normalize(text)
    assert got == want
    assert sys.getsizeof(got) == sys.getsizeof(canonical(want))
