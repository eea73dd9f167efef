"""Tests for vntext.decode_legacy and vntext.detect_legacy.

The tables are the committed data/legacy/*.tsv files, read here on their
own (not through the generated C header): every row decodes to its
character, and the inverse of each table encodes the sentences used for
detection. Also: the mojibake examples of the tone-marks notes (sections
3.3-3.5), the VIQR reading rules, errors= behaviour, argument errors, and
Hypothesis properties (replace mode never fails and gives NFC; strict mode
agrees with it or raises UnicodeDecodeError).
"""

import os
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vntext

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEGACY = os.path.join(ROOT, "data", "legacy")
ENCODINGS = ("tcvn3", "vni", "viqr", "viscii", "vps", "cp1258")
FILES = {
    "tcvn3": "tcvn3_abc.tsv",
    "vni": "vni_windows.tsv",
    "viqr": "viqr.tsv",
    "viscii": "viscii.tsv",
    "vps": "vps.tsv",
    "cp1258": "cp1258.tsv",
}
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
CASE_NOTE = re.compile(r"(?:also used for uppercase|unikey also emits this byte for) U\+([0-9A-F]{4})")


def nfc(s):
    return unicodedata.normalize("NFC", s)


def read_rows(encoding):
    """The rows of a table as dicts (the '#' source lines skipped)."""
    cols, rows = None, []
    with open(os.path.join(LEGACY, FILES[encoding]), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if cols is None:
                cols = fields
                continue
            rows.append(dict(zip(cols, fields + [""] * (len(cols) - len(fields)))))
    return rows


def char_of(row):
    return chr(int(row["unicode"][2:], 16)) if row.get("unicode") else None


def bytes_of(row, encoding):
    if encoding == "viqr":
        return row["viqr"].encode("ascii")
    key = "bytes" if encoding == "vni" else "byte"
    return bytes(int(x, 16) for x in row[key].split())


TABLES = {enc: read_rows(enc) for enc in ENCODINGS}


class Encoder:
    """Unicode -> legacy bytes, the inverse of one table (for tests)."""

    def __init__(self, encoding):
        self.encoding = encoding
        self.map = {}
        listed = set()
        for row in TABLES[encoding]:
            ch = char_of(row)
            if ch is None:
                continue
            b = bytes_of(row, encoding)
            listed.update(b)
            self.map.setdefault(ch, b)
            m = CASE_NOTE.search(row.get("note", ""))
            if m:  # the source writes the capital with this byte too
                self.map.setdefault(chr(int(m.group(1), 16)), b)
        if encoding in ("tcvn3", "vps", "vni"):
            # Bytes the table does not use keep their Windows-1252 character.
            for byte in range(0x80, 0x100):
                if byte in listed:
                    continue
                try:
                    self.map.setdefault(bytes([byte]).decode("cp1252"), bytes([byte]))
                except UnicodeDecodeError:
                    pass
        if encoding == "viscii":
            for c0 in (0x02, 0x05, 0x06, 0x14, 0x19, 0x1E):  # letters, not controls
                self.map.pop(chr(c0), None)

    def encode(self, text):
        out = bytearray()
        prev_vowel = False
        for ch in nfc(text):
            if self.encoding == "viqr":
                if ch in "(^+*'`?~./" and prev_vowel:
                    out += b"\\"  # a literal mark after a vowel is escaped
                prev_vowel = ch.lower() in "aeiouy" or (ch in self.map and ch.lower() != "đ")
            if ch in self.map:
                out += self.map[ch]
            elif ord(ch) < 0x80:
                out += ch.encode("ascii")
            elif self.encoding == "cp1258":
                out += self._cp1258(ch)
            else:
                raise ValueError("%r has no %s byte" % (ch, self.encoding))
        return bytes(out)

    def _cp1258(self, ch):
        """A toned letter as a Windows-1258 base letter and a tone byte."""
        d = unicodedata.normalize("NFD", ch)
        tones = [c for c in d if c in TONES]
        base = nfc("".join(c for c in d if c not in TONES))
        if len(tones) != 1 or len(base) != 1:
            raise ValueError("%r has no cp1258 bytes" % ch)
        head = base.encode("ascii") if ord(base) < 0x80 else self.map[base]
        return head + self.map[tones[0]]


ENCODERS = {enc: Encoder(enc) for enc in ENCODINGS}


# --- every table row ------------------------------------------------------

@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii", "vps", "cp1258"])
def test_whole_table_decodes_to_its_characters(encoding):
    rows = [r for r in TABLES[encoding] if char_of(r)]
    data = b"".join(bytes_of(r, encoding) for r in rows)
    want = nfc("".join(char_of(r) for r in rows))
    assert vntext.decode_legacy(data, encoding) == want


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii", "vps", "cp1258"])
def test_each_row_decodes_alone(encoding):
    for row in TABLES[encoding]:
        ch = char_of(row)
        if ch is None:
            continue
        assert vntext.decode_legacy(bytes_of(row, encoding), encoding) == ch, row


def test_viqr_rows_inside_a_syllable():
    # A lone mnemonic is not always a syllable ("a(" is no word) or may be
    # punctuation ("a." at the end of a text), so each is read inside one.
    for row in TABLES["viqr"]:
        seq, ch = row["viqr"], char_of(row)
        if seq in ("DD", "dd"):
            assert vntext.decode_legacy(seq + "i", "viqr") == ch + "i"
            continue
        up = seq[0].isupper()
        pre = "qu" if seq[0] in "yY" else "t"
        post = "n"
        if up:
            pre, post = pre.upper(), post.upper()
        assert vntext.decode_legacy(pre + seq + post, "viqr") == pre + ch + post, seq


def test_table_sizes():
    letters = lambda enc: {char_of(r) for r in TABLES[enc] if char_of(r) and char_of(r).isalpha()}
    assert len(TABLES["viqr"]) == 134
    assert len(letters("viscii")) == 134
    assert len(TABLES["vni"]) == 134
    assert sum(1 for r in TABLES["cp1258"] if not r["unicode"]) == 9


def test_every_viscii_byte_is_defined():
    data = bytes(range(256))
    out = vntext.decode_legacy(data, "viscii")
    assert len(out) == 256
    assert out[0x02] == "\u1eb2" and out[0x14] == "\u1ef6" and out[0xA0] == "\u00d5"


def test_output_is_nfc_for_combining_tones():
    # Windows-1258 writes tones as combining bytes after the letter.
    assert vntext.decode_legacy(b"Ti\xea\xecng Vi\xea\xf2t", "cp1258") == "Tiếng Việt"
    assert vntext.decode_legacy(b"\xd5\xf2", "cp1258") == "Ợ"
    assert vntext.decode_legacy(b"a\xec\xf2", "cp1258") == nfc("a\u0301\u0323")
    assert vntext.decode_legacy(b"\xec", "cp1258") == "\u0301"


# --- mojibake: legacy bytes that were read as Windows-1252 ------------------

@pytest.mark.parametrize(
    "text, encoding, want",
    [
        ("TiÕng ViÖt", "tcvn3", "Tiếng Việt"),
        ("NguyÔn §øc Hoµ", "tcvn3", "Nguyễn Đức Hoà"),
        ("ng\u00adêi", "tcvn3", "người"),
        ("Tieáng Vieät", "vni", "Tiếng Việt"),
        ("Nguyeãn Ñöùc Hoaø", "vni", "Nguyễn Đức Hoà"),
        ("ngöôøi", "vni", "người"),
        ("Vie^.t Nam", "viqr", "Việt Nam"),
        ("“Hoµ” – …", "tcvn3", "“Hoà” – …"),
    ],
)
def test_mojibake_str(text, encoding, want):
    assert vntext.decode_legacy(text, encoding) == want
    assert vntext.decode_legacy(text.encode("cp1252"), encoding) == want


def test_str_with_latin1_controls():
    # U+0081 is what a Latin-1 reader makes of byte 0x81.
    assert vntext.decode_legacy("a\x81", "cp1258", errors="replace") == "a\ufffd"
    with pytest.raises(UnicodeDecodeError):
        vntext.decode_legacy("a\x81", "cp1258")


def test_str_outside_windows_1252():
    with pytest.raises(ValueError, match="position 1"):
        vntext.decode_legacy("aĀ", "vni")


# --- VIQR ------------------------------------------------------------------

@pytest.mark.parametrize(
    "viqr, want",
    [
        ("Vie^.t Nam", "Việt Nam"),
        ("DDu+o+`ng", "Đường"),
        ("Qui Nho+n", "Qui Nhơn"),
        ("Vie.^t", "Việt"),  # tone before shape
        ("Ddi", "Đi"),
        ("ca/c tu*", "các tư"),  # variants: / acute, * horn
        ("To^i te^n la` Tra^`n Va(n Hie^'u\\.", "Tôi tên là Trần Văn Hiếu."),
        ("Ha` No^.i.", "Hà Nội."),
        ("ca'i gi`?", "cái gì?"),
        ("What? it's", "What? it's"),
        ("ai?", "ai?"),  # aỉ would be a misplaced tone
        ("dda^u?", "đâu?"),
        ("ho? ho.", "hỏ ho."),
        ("ho. ho?", "họ hỏ"),
        ("Da..", "Dạ."),
        ("Da...", "Da..."),
        ("ddi?!", "đi?!"),
        ("'ma'", "'ma'"),
        ("e.g. U.S.A. I'm they're", "e.g. U.S.A. I'm they're"),
        ("U+0041 C++ a/b", "U+0041 C++ a/b"),
        ("Eddie add odd", "Eddie add odd"),
        ("HDDND", "HĐND"),
        ("xtra^y Ma't-xco+-va", "xtrây Mát-xcơ-va"),
        ("a\\'b D\\Di", "a'b DDi"),
        ("C:\\dir", "C:\\dir"),
    ],
)
def test_viqr_rules(viqr, want):
    assert vntext.decode_legacy(viqr, "viqr") == want
    assert vntext.decode_legacy(viqr.encode("ascii"), "viqr") == want


def test_viqr_is_seven_bit():
    with pytest.raises(UnicodeDecodeError) as e:
        vntext.decode_legacy(b"ok \xe9", "viqr")
    assert (e.value.start, e.value.end) == (3, 4)
    assert vntext.decode_legacy(b"ok \xe9", "viqr", errors="replace") == "ok \ufffd"


# --- TCVN3 capitals ----------------------------------------------------------

@pytest.mark.parametrize(
    "data, want",
    [
        (b"VI\xd6T NAM", "VIỆT NAM"),
        (b"Vi\xd6t Nam", "Việt Nam"),
        (b"H\xb5 N\xe9i", "Hà Nội"),
        (b"H\xb5 N\xe9I", "HÀ NỘI"),
        (b"t\xabi \xeb NH\xb5", "tôi ở NHÀ"),
        (b"\xeb", "ở"),
    ],
)
def test_tcvn3_capitals(data, want):
    assert vntext.decode_legacy(data, "tcvn3") == want


# --- errors ------------------------------------------------------------------

UNDEFINED = {
    "cp1258": b"\x81",
    "tcvn3": b"\x9d",  # one of the five bytes Windows-1252 leaves undefined
    "vni": b"\xf9",  # a mark byte with no base before it
    "viqr": b"\x80",  # VIQR is 7-bit
}


@pytest.mark.parametrize("encoding", sorted(UNDEFINED))
def test_undefined_byte(encoding):
    data = b"ab " + UNDEFINED[encoding] + b" c"
    with pytest.raises(UnicodeDecodeError) as e:
        vntext.decode_legacy(data, encoding)
    err = e.value
    assert err.encoding == encoding
    assert err.object == data
    assert (err.start, err.end) == (3, 4)
    assert vntext.decode_legacy(data, encoding, errors="replace") == "ab \ufffd c"
    assert vntext.decode_legacy(data, encoding, "replace") == "ab \ufffd c"


@pytest.mark.parametrize("encoding", ["viscii", "vps"])
def test_every_byte_defined(encoding):
    # VISCII uses all 256 bytes; VPS's letters cover the bytes that
    # Windows-1252 leaves undefined.
    assert len(vntext.decode_legacy(bytes(range(256)), encoding)) == 256


def test_bad_encoding_name_lists_the_names():
    for name in ["utf-8", "VNI", "", "tcvn"]:
        with pytest.raises(ValueError) as e:
            vntext.decode_legacy(b"abc", name)
        for enc in ENCODINGS:
            assert repr(enc) in str(e.value)


@pytest.mark.parametrize("data", [1, None, [1, 2], 3.5, object()])
def test_type_errors(data):
    with pytest.raises(TypeError):
        vntext.decode_legacy(data, "vni")
    with pytest.raises(TypeError):
        vntext.detect_legacy(data)


def test_errors_name_the_data_argument():
    # a strided view is no buffer the decoder can read: a TypeError that
    # names the argument, not a bare BufferError (user review)
    strided = memoryview(b"Tie\xe1ng Vie\xe4t")[::2]
    for call in (lambda: vntext.decode_legacy(strided, "vni"), lambda: vntext.detect_legacy(strided)):
        with pytest.raises(TypeError, match="argument 'data'.*contiguous"):
            call()
    assert vntext.decode_legacy(memoryview(b"Tie\xe1ng")[:], "vni") == "Tiếng"
    with pytest.raises(ValueError, match="argument 'data'.*Windows-1252"):
        vntext.decode_legacy("Tiếng", "vni")


def test_bad_errors_argument():
    with pytest.raises(ValueError):
        vntext.decode_legacy(b"abc", "vni", errors="ignore")


def test_empty_and_nul():
    for enc in ENCODINGS:
        assert vntext.decode_legacy(b"", enc) == ""
        assert vntext.decode_legacy(b"a\0b", enc) == "a\0b"
    assert vntext.detect_legacy(b"") is None
    assert vntext.detect_legacy(b"\0\0") is None


# --- detection ---------------------------------------------------------------

SENTENCES = [
    "Sáng chủ nhật, cả nhà tôi về quê thăm ông bà nội và ăn cơm trưa dưới gốc cây nhãn.",
    "Thành phố đã mở thêm nhiều tuyến xe buýt mới để người dân đi lại thuận tiện hơn.",
    "Học sinh được nghỉ hè ba tháng, nhiều em tham gia các lớp bơi lội và vẽ tranh.",
    "Mưa lớn kéo dài suốt đêm khiến nước sông dâng cao, nhiều con đường bị ngập sâu.",
]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_detect_each_encoding(encoding):
    enc = ENCODERS[encoding]
    for s in SENTENCES:
        data = enc.encode(s)
        assert vntext.decode_legacy(data, encoding) == s
        assert vntext.detect_legacy(data) == encoding, s
    text = "\n".join(SENTENCES)
    data = enc.encode(text)
    assert vntext.detect_legacy(data) == encoding
    assert vntext.detect_legacy(data * 300) == encoding  # past the 64 KiB window
    if encoding != "viqr":  # bytes that read as Windows-1252: a mojibake str
        mojibake = data.decode("cp1252", errors="ignore")
        if mojibake.encode("cp1252") == data:
            assert vntext.detect_legacy(mojibake) == encoding


def test_detect_none():
    text = " ".join(SENTENCES)
    assert vntext.detect_legacy(text) is None  # a real Unicode str
    assert vntext.detect_legacy(text.encode("utf-8")) is None
    english = (
        "The committee met on Tuesday. Who chairs it? Nobody knows yet; it's "
        "up to the members, e.g. the U.S. delegates, to decide by 5 p.m. "
        "So do I. Go to the site, read the notes, and vote."
    )
    assert vntext.detect_legacy(english) is None
    assert vntext.detect_legacy(english.encode("ascii")) is None
    plain = "Sang chu nhat, ca nha toi ve que tham ong ba noi."
    assert vntext.detect_legacy(plain.encode("ascii")) is None
    french = "L'été dernier, à Paris, un élève français a répondu très poliment à sa mère."
    assert vntext.detect_legacy(french.encode("cp1252")) is None
    assert vntext.detect_legacy(french) is None


# --- properties ----------------------------------------------------------------

@settings(max_examples=300)
@given(st.binary(max_size=200), st.sampled_from(ENCODINGS))
def test_replace_never_fails_and_gives_nfc(data, encoding):
    out = vntext.decode_legacy(data, encoding, errors="replace")
    assert out == nfc(out)
    try:
        strict = vntext.decode_legacy(data, encoding)
    except UnicodeDecodeError as e:
        assert 0 <= e.start < len(data)
        assert "\ufffd" in out
    else:
        assert strict == out


@settings(max_examples=300)
@given(st.binary(max_size=300))
def test_detect_never_fails(data):
    assert vntext.detect_legacy(data) in (None,) + ENCODINGS


@settings(max_examples=200)
@given(st.text(alphabet="aeiouyAEIOUYdDnghtc ^(+*'`?~./\\,!\n", max_size=60))
def test_viqr_text_gives_nfc(text):
    out = vntext.decode_legacy(text, "viqr")
    assert out == nfc(out)
    assert len(out) <= len(text)  # a mnemonic becomes one letter, or stays
