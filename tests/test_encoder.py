"""The binding's str -> UTF-8 encoders (strconv.h): scalar, SSSE3 (blocks of
16, 8 or 4 code points), AVX2 (16 at a time for two-byte strs) and AVX-512
(32 or 16 at a time for two- and four-byte strs), each with
a scalar tail, for each of CPython's three str kinds. The bytes must be
exactly str.encode('utf-8'), at every length and alignment, from every
encoder this CPU runs (the others are skipped; the best is always run).
The other way, UTF-8 from the C library -> str, is tested at the end."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vntext import _vntext

# 0 scalar, 1 SSSE3, 2 AVX2, 3 AVX-512, 4 the best this CPU runs
ENCODERS = [e for e in range(5) if _vntext._utf8("x", e) is not None]


def encodings(s):
    """The UTF-8 of s from every encoder this CPU runs."""
    return {_vntext._utf8(s, e) for e in ENCODERS}


def test_encoders_present():
    assert 0 in ENCODERS and 4 in ENCODERS
    with pytest.raises(ValueError):
        _vntext._utf8("x", 5)

# one of each UTF-8 length, and the edges between them
EDGES = [
    "\x00", "a", "\x7f", "\x80", "é", "\xff", "Ā", "ơ", "\u07ff", "\u0800", "ạ",
    "ễ", "\u2026", "\ud7ff", "\ue000", "\uffff", "\U00010000", "😀", "\U0010ffff",
]


@pytest.mark.parametrize("n", range(0, 40))
@pytest.mark.parametrize("c", EDGES)
def test_every_length_and_position(c, n):
    for pos in range(n + 1):
        s = "x" * pos + c + "y" * (n - pos)
        assert encodings(s) == {s.encode("utf-8")}


@pytest.mark.parametrize("widest", ["\xe9", "\u1ea1", "\U0001f600"])
def test_each_kind_mixed_lengths(widest):
    body = "Tiếng Việt có dấu: à á ả ã ạ ă ắ ư ơ đ Đ ỹ ~ 123. "
    for k in range(1, 70):
        s = (body * 3)[:k] + widest + body[: k % 17]
        assert encodings(s) == {s.encode("utf-8")}


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
@settings(max_examples=500)
def test_random_text(s):
    assert encodings(s) == {s.encode("utf-8")}


@pytest.mark.parametrize("prefix", ["", "a" * 7, "ạ" * 9, "😀" * 3, "é" * 17])
def test_surrogate_anywhere_raises(prefix):
    for pos in range(0, 20):
        s = prefix + "b" * pos + "\ud800" + "c" * 5
        for e in ENCODERS:
            with pytest.raises(UnicodeEncodeError):
                _vntext._utf8(s, e)


def test_type_error():
    with pytest.raises(TypeError):
        _vntext._utf8(b"abc")


@pytest.mark.parametrize("size", [4079, 4080, 4081, 4096 * 3 + 7, 70000])
def test_long_text_offsets(size):
    """Byte offsets become code-point offsets by counting, 16 bytes at a
    time in blocks of up to 255: long non-ASCII texts keep exact spans."""
    import vntext

    unit = "Ông ấy nói: “Được.” Rồi đi 😀 ngày 1.5. Xong! "
    text = (unit * (size // len(unit) + 1))[:size]
    spans = vntext.sent_spans(text)
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")
    words = vntext.word_spans(text)
    assert "".join(text[a:b] for a, b in words) == "".join(text.split())
    for a, b in spans:
        assert not text[a].isspace() and not text[b - 1].isspace()


# ---------------------------------------------------------------------------
# UTF-8 -> str (strconv.h str_from_utf8): the results of remove_accents and
# decode_legacy. The
# kind comes from the largest byte; the str must be exactly
# bytes.decode('utf-8'), of the same kind (CPython compares kinds first, so
# == also checks that the kind is the narrowest; isascii() the ASCII flag).


@pytest.mark.parametrize("n", range(0, 24))
@pytest.mark.parametrize("c", EDGES)
def test_decode_every_length_and_position(c, n):
    for pos in range(n + 1):
        s = "x" * pos + c + "y" * (n - pos)
        got = _vntext._str(s.encode("utf-8"))
        assert got == s and type(got) is str
        assert got.isascii() == s.isascii()


@pytest.mark.parametrize("widest", ["a", "\xe9", "\u1ea1", "\U0001f600"])
def test_decode_each_kind(widest):
    body = "Tiếng Việt có dấu: à á ả ã ạ ă ắ ư ơ đ Đ ỹ ~ 123. "
    for k in range(0, 70):
        s = (body.encode("latin-1", "ignore").decode("latin-1") * 3)[:k] + widest
        assert _vntext._str(s.encode("utf-8")) == s
        s = (body * 3)[:k] + widest + body[: k % 17]
        assert _vntext._str(s.encode("utf-8")) == s


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
@settings(max_examples=500)
def test_decode_random_text(s):
    got = _vntext._str(s.encode("utf-8"))
    assert got == s
    # a str made by hand must be as narrow as CPython makes it: == compares
    # the kinds first, and isascii() reads the flag of the ASCII kind
    assert got.isascii() == s.isascii()


@pytest.mark.parametrize("data", [
    b"\x80", b"a\xbfb", b"\xc3", b"ab\xe1\xbb", b"\xf0\x9f\x98", b"\xff", b"\xc3(",
    b"\xe1\xbb\xa1\xc3", b"x" * 20 + b"\xe1",
])
def test_decode_invalid_raises(data):
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    with pytest.raises(UnicodeDecodeError):
        _vntext._str(data)


def test_decode_type_error():
    with pytest.raises(TypeError):
        _vntext._str("abc")


@pytest.mark.parametrize("widest", ["é", "ạ", "😀"])
def test_offsets_of_short_and_long_words(widest):
    """Byte offsets of words of every length up to past 16 bytes become
    code-point offsets (two 8-byte words at a time below 17 bytes)."""
    import vntext

    parts = []
    for n in range(1, 30):
        w = ("a" + widest + "b") * n
        parts.append(w[: n])
        parts.append(widest * (n % 7 + 1))
    text = " ".join(parts)
    spans = vntext.word_spans(text)
    # every non-space character, in order (a word may hold white space)
    assert "".join("".join(text[a:b].split()) for a, b in spans) == "".join(text.split())
    assert [text[a:b] for a, b in spans] == vntext.word_tokenize(text)
