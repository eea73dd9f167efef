"""Tests for vntext.normalize and vntext.remove_accents.

Three parts:
  * the shared tone-placement table (tests/data/tone_tests.tsv), every row in
    both styles;
  * hand-worked cases for what the table does not cover (more nuclei,
    sentence context, chunks that must be left alone, spacing);
  * Hypothesis properties (idempotence, style round trip, NFC output, what
    must never change).

The expected values follow docs of the tone rules (tone-marks.md, sections
1.2-1.7): they are worked out by hand and are real Vietnamese spellings
wherever the case is a real word.
"""

import os
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vntext

STYLES = ("traditional", "modern")
HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "data", "tone_tests.tsv")

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")


def unescape(s):
    """Decodes the \\uXXXX escapes used in the table's input column."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), s)


def nfc(s):
    return unicodedata.normalize("NFC", s)


def nfd(s):
    return unicodedata.normalize("NFD", s)


# ---------------------------------------------------------------------------
# The shared table
# ---------------------------------------------------------------------------


def load_table():
    rows = []
    with open(TABLE, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line.startswith("id\t"):
                continue
            fields = line.split("\t")
            rid, cluster, inp, trad, modern = fields[:5]
            note = fields[5] if len(fields) > 5 else ""
            rows.append(
                {
                    "id": rid,
                    "cluster": cluster,
                    "input": unescape(inp),
                    "traditional": trad,
                    "modern": modern,
                    "note": note,
                }
            )
    return rows


ROWS = load_table()
ROW_PARAMS = [pytest.param(r, id=r["id"]) for r in ROWS]


def test_table_is_well_formed():
    ids = [r["id"] for r in ROWS]
    assert len(ids) == 108
    assert len(set(ids)) == len(ids)
    for r in ROWS:
        for style in STYLES:
            assert unicodedata.is_normalized("NFC", r[style]), r["id"]
            assert "\\" not in r[style], r["id"]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("row", ROW_PARAMS)
def test_table(row, style):
    assert vntext.normalize(row["input"], style=style) == row[style]


@pytest.mark.parametrize("row", ROW_PARAMS)
def test_table_switch_style(row):
    trad, modern = row["traditional"], row["modern"]
    assert vntext.normalize(trad, style="modern") == modern
    assert vntext.normalize(modern, style="traditional") == trad


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("row", ROW_PARAMS)
def test_table_output_is_fixed_point(row, style):
    assert vntext.normalize(row[style], style=style) == row[style]


# ---------------------------------------------------------------------------
# Cases the table lacks. Each is (input, traditional, modern); when both
# styles agree the modern column is None.
# ---------------------------------------------------------------------------

NUCLEUS_CASES = {
    # ao, au: open only, tone on the first vowel
    "ao-misplaced": ("chaó", "cháo", None),
    "ao-correct": ("bào", "bào", None),
    "ao-nfd-after-o": ("sa\u0301o", "sáo", None),
    "au-misplaced": ("maù", "màu", None),
    "au-correct": ("sáu", "sáu", None),
    # iu
    "iu-misplaced": ("riù", "rìu", None),
    "iu-dot": ("chiụ", "chịu", None),
    # oi
    "oi-misplaced": ("noí", "nói", None),
    "oi-hook": ("hoỉ", "hỏi", None),
    "oi-correct": ("mòi", "mòi", None),
    # ui
    "ui-misplaced": ("tuí", "túi", None),
    "ui-grave": ("vuì", "vùi", None),
    # ây: the shaped vowel takes the tone
    "ay-circ-misplaced": ("gâỵ", "gậy", None),
    "ay-circ-correct": ("mấy", "mấy", None),
    "ay-circ-combining-last": ("dây\u0300", "dầy", None),
    # êu
    "eu-circ-misplaced": ("nêú", "nếu", None),
    "eu-circ-sac": ("sêú", "sếu", None),
    # ơi
    "oi-horn-misplaced": ("mơí", "mới", None),
    "oi-horn-grave": ("trơì", "trời", None),
    "oi-horn-hook": ("bơỉ", "bởi", None),
    # oao: middle vowel (ngoáo)
    "oao-on-first": ("ngóao", "ngoáo", None),
    "oao-on-last": ("ngoaó", "ngoáo", None),
    "oao-correct": ("ngoáo", "ngoáo", None),
    # single o / ô / u
    "o-open": ("có", "có", None),
    "o-nfd": ("co\u0301", "có", None),
    "o-bare": ("ó", "ó", None),
    "o-closed-after-coda": ("hoc\u0323", "học", None),
    "o-circ-nfd": ("to\u0302\u0301", "tố", None),
    "o-circ-bare": ("ồ", "ồ", None),
    "o-circ-closed": ("Hô\u0300ng", "Hồng", None),
    "u-open": ("thu\u0301", "thú", None),
    "u-bare-hook": ("u\u0309", "ủ", None),
    "u-closed": ("lu\u0323t", "lụt", None),
    # open e / ơ
    "e-open": ("me\u0323", "mẹ", None),
    "e-open-grave": ("mè", "mè", None),
    "o-horn-open": ("cơ\u0301", "cớ", None),
    "o-horn-bare": ("ở", "ở", None),
    # closed ơ / ư with a tone
    "o-horn-closed-correct": ("lớp", "lớp", None),
    "o-horn-closed-after-coda": ("lơp\u0301", "lớp", None),
    "o-horn-m": ("sơm\u0301", "sớm", None),
    "o-horn-n-grave": ("hơn\u0300", "hờn", None),
    "o-horn-bare-t": ("ơ\u0301t", "ớt", None),
    "u-horn-closed-correct": ("mực", "mực", None),
    "u-horn-closed-after-coda": ("mưc\u0323", "mực", None),
    "u-horn-ng": ("đưng\u0301", "đứng", None),
    "u-horn-ng-grave": ("mừng", "mừng", None),
    # gi + uô
    "gi-uo": ("giụôc", "giuộc", None),
    # tone before shape in NFD (canonical reordering does not fix it)
    "tone-before-shape": ("Tie\u0301\u0302ng", "Tiếng", None),
    "dot-before-circumflex": ("Vie\u0323\u0302t", "Việt", None),
    "dot-before-horn": ("lo\u0323\u031bi", "lợi", None),
    # oa closed (hoãn): the tone is on a in both styles
    "oa-closed-tilde": ("hõan", "hoãn", None),
    # no tone: never adds one
    "no-tone-hoa": ("hoa", "hoa", None),
    "no-tone-thuy": ("thuy", "thuy", None),
    # spelling is not changed (i vs y)
    "ky-i": ("kĩ", "kĩ", None),
    "ky-y": ("kỹ", "kỹ", None),
    "ly-i": ("lí", "lí", None),
    # k before a is not checked (Bắc Kạn)
    "k-before-a": ("Kạn", "Kạn", None),
    # mixed case pattern: not a syllable, only NFC
    "mixed-case-1": ("HoÀ", "HoÀ", None),
    "mixed-case-2": ("hOÀ", "hOÀ", None),
    "mixed-case-nfd": ("Ho\u0300A", "HòA", None),
    # two tones: left alone, but put in NFC
    "two-tones-nfd": ("ho\u0301a\u0301", "hóá", None),
    # uppercase forms
    "upper-uong": ("ĐƯỜNG", "ĐƯỜNG", None),
    "upper-oa-nfd": ("HOA\u0300", "HÒA", "HOÀ"),
    "upper-uy": ("THUỶ", "THỦY", "THUỶ"),
    "title-oe": ("Khoẻ", "Khỏe", "Khoẻ"),
    "title-uy": ("Uý", "Úy", "Uý"),
}

CONTEXT_CASES = {
    # syllables joined by "_" (segmented text, format="text") or parted by
    # "/" are words: normalized as with a hyphen
    "segmented": ("hoà_bình", "hòa_bình", "hoà_bình"),
    "segmented-2": ("thuỷ_điện_hoà_bình", "thủy_điện_hòa_bình", "thuỷ_điện_hoà_bình"),
    "segmented-nfd": ("ho\u0300a_thu\u0309y", "hòa_thủy", "hoà_thuỷ"),
    "slash": ("hoà/thuỷ", "hòa/thủy", "hoà/thuỷ"),
    "slash-phrase": ("sức khoẻ/tinh thần", "sức khỏe/tinh thần", "sức khoẻ/tinh thần"),
    "slash-misplaced": ("qúy/năm", "quý/năm", None),
    "segmented-emphasis": ("_hoà_thuỷ_", "_hòa_thủy_", "_hoà_thuỷ_"),
    # punctuation around a syllable
    "comma": ("Hoà,", "Hòa,", "Hoà,"),
    "parens": ("(thuỷ)", "(thủy)", "(thuỷ)"),
    "brackets": ("[hoè]", "[hòe]", "[hoè]"),
    "double-quotes": ('"khoẻ"', '"khỏe"', '"khoẻ"'),
    "curly-quotes": ("“thuỷ”", "“thủy”", "“thuỷ”"),
    "guillemets": ("«Hoà»", "«Hòa»", "«Hoà»"),
    "exclamation": ("Khoẻ!", "Khỏe!", "Khoẻ!"),
    "question": ("khoẻ?", "khỏe?", "khoẻ?"),
    "ellipsis": ("hoà…", "hòa…", "hoà…"),
    "three-dots": ("hoà...", "hòa...", "hoà..."),
    "semicolon-colon": ("thuỷ; hoà:", "thủy; hòa:", "thuỷ; hoà:"),
    "upper-two-words": ("HOÀ BÌNH", "HÒA BÌNH", "HOÀ BÌNH"),
    "sentence": (
        "Ông ấy khoẻ, hoà nhã và thuỷ chung.",
        "Ông ấy khỏe, hòa nhã và thủy chung.",
        "Ông ấy khoẻ, hoà nhã và thuỷ chung.",
    ),
    "sentence-mixed-styles": (
        "Tỉnh Hoà Bình và tỉnh Khánh Hòa đều có thủy điện, nhà máy thuỷ điện.",
        "Tỉnh Hòa Bình và tỉnh Khánh Hòa đều có thủy điện, nhà máy thủy điện.",
        "Tỉnh Hoà Bình và tỉnh Khánh Hoà đều có thuỷ điện, nhà máy thuỷ điện.",
    ),
    "sentence-nfd": (
        nfd("Tiếng Việt rất khoẻ, hoà bình."),
        "Tiếng Việt rất khỏe, hòa bình.",
        "Tiếng Việt rất khoẻ, hoà bình.",
    ),
    "sentence-misplaced": (
        "Chúng tôi đã đựơc thông báo về thúê.",
        "Chúng tôi đã được thông báo về thuế.",
        "Chúng tôi đã được thông báo về thuế.",
    ),
    "digits-as-own-word": ("phòng 3 hoà", "phòng 3 hòa", "phòng 3 hoà"),
    # hyphenated syllables: each part is a syllable
    "hyphen-name": ("Hoà-Bình", "Hòa-Bình", "Hoà-Bình"),
    "hyphen-two": ("thuỷ-thủ", "thủy-thủ", "thuỷ-thủ"),
    "hyphen-closed": ("hoà-hoãn", "hòa-hoãn", "hoà-hoãn"),
    "hyphen-three": ("Nguyễn-Thị-Hoà", "Nguyễn-Thị-Hòa", "Nguyễn-Thị-Hoà"),
    "hyphen-in-sentence": (
        "trận đấu Hoà-Bình (hoà)",
        "trận đấu Hòa-Bình (hòa)",
        "trận đấu Hoà-Bình (hoà)",
    ),
    # initials and bylines: split at the dots
    "initial": ("P.Hoà", "P.Hòa", "P.Hoà"),
    "initial-upper": ("A.HOÀ", "A.HÒA", "A.HOÀ"),
    "initial-two-letters": ("Ng.Thuỷ", "Ng.Thủy", "Ng.Thuỷ"),
    "initial-tp-hcm": ("TP.HCM", "TP.HCM", None),
    "byline": ("(Theo P.Hoà)", "(Theo P.Hòa)", "(Theo P.Hoà)"),
    # emoji and other scripts are untouched
    "emoji": ("hoà 😀 thuỷ 👍🏽 khoẻ", "hòa 😀 thủy 👍🏽 khỏe", "hoà 😀 thuỷ 👍🏽 khoẻ"),
    "emoji-zwj": ("hoà 👨\u200d👩\u200d👧 thuỷ", "hòa 👨\u200d👩\u200d👧 thủy", "hoà 👨\u200d👩\u200d👧 thuỷ"),
    "scripts": (
        "Привет hoà 你好 thuỷ ภาษาไทย Ελληνικά 한국어 العربية",
        "Привет hòa 你好 thủy ภาษาไทย Ελληνικά 한국어 العربية",
        "Привет hoà 你好 thuỷ ภาษาไทย Ελληνικά 한국어 العربية",
    ),
    # spacing is preserved exactly
    "crlf": ("hoà\r\nthuỷ\r\n", "hòa\r\nthủy\r\n", "hoà\r\nthuỷ\r\n"),
    "tabs": ("\thoà\tthuỷ\t", "\thòa\tthủy\t", "\thoà\tthuỷ\t"),
    "multi-spaces": ("  hoà   thuỷ    khoẻ  ", "  hòa   thủy    khỏe  ", "  hoà   thuỷ    khoẻ  "),
    "blank-lines": ("hoà\n\n\nthuỷ\n", "hòa\n\n\nthủy\n", "hoà\n\n\nthuỷ\n"),
    "lone-cr": ("hoà\rthuỷ", "hòa\rthủy", "hoà\rthuỷ"),
    "empty": ("", "", None),
    "only-space": (" \t\r\n ", " \t\r\n ", None),
}

# Chunks that must come out exactly as NFC(input), in both styles.
UNCHANGED_CHUNKS = {
    "url": "https://vi.wikipedia.org/wiki/Hoà_Bình",
    "url-modern-path": "https://example.vn/tin-tuc/thủy-điện-hòa-bình",
    "url-nfd": "https://example.vn/ho\u0300a",
    "url-in-parens": "(https://example.vn/thuỷ)",
    "domain": "hoà.vn",
    "domain-www": "www.thuỷ.com.vn",
    "email": "hoà.thuỷ@example.vn",
    "email-trailing-comma": "khoẻ@example.vn,",
    "path-unix": "/home/hoà/thuỷ.txt",
    "path-home": "~/hoà",
    "path-windows": "C:\\Users\\Hoà\\thuỷ",
    "snake-case": "user_hoà",
    "snake-case-2": "thuỷ_điện_2",
    "version": "v2.0",
    "digits-after": "hoà2",
    "digits-before": "2thuỷ",
    "digits-inside": "thuỷ1hoà",
    "equals": "hoà=thuỷ",
    "hash": "hoà#thuỷ",
    "ampersand": "hoà&thuỷ",
    "percent": "hoà%thuỷ",
    "tilde": "hoà~thuỷ",
    "plus": "hoà+thuỷ",
    "star": "hoà*thuỷ",
    "slash-path": "thư_mục/hoà.txt",
    "slash-domain": "www.hoà.vn/thuỷ",
    "slash-unit": "hoà/kg",
    "apostrophe": "Hoà's",
    "glued-words": "hoàBình",
    "english": "The quick brown fox jumps over the lazy dog.",
    "code": "for (int i = 0; i < n; i++) { x[i] = f(x); }",
    "sao-paulo": "São Paulo",
    "nao": "não",
    "zurich": "Zürich",
    "facade": "façade",
    "dvorak": "Dvořák",
    "el-nino": "El Niño",
    "creme-brulee": "Crème brûlée",
    "peru": "Perú",
    "peru-nfd": "Peru\u0301",
    "bogota": "Bogotá",
    "bogota-nfd": "Bogota\u0301",
    "haiti": "Haití",
    "quebec": "Québec",
    "chloe": "Chloé",
    "beyonce": "Beyoncé",
    "pokemon": "Pokémon",
    "greek-tonos": "Ελληνικά",
    "cyrillic-short-i": "Йошкар-Ола",
    "cjk": "中文 日本語",
}


def _context_params(cases):
    return [pytest.param(*v, id=k) for k, v in cases.items()]


@pytest.mark.parametrize(
    "inp,trad,modern", _context_params(NUCLEUS_CASES) + _context_params(CONTEXT_CASES)
)
def test_extra_cases(inp, trad, modern):
    if modern is None:
        modern = trad
    assert vntext.normalize(inp, style="traditional") == trad
    assert vntext.normalize(inp, style="modern") == modern
    # switching style, and normalizing again, keeps the result
    assert vntext.normalize(trad, style="modern") == modern
    assert vntext.normalize(modern, style="traditional") == trad
    assert vntext.normalize(trad, style="traditional") == trad
    assert vntext.normalize(modern, style="modern") == modern


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("chunk", [pytest.param(v, id=k) for k, v in UNCHANGED_CHUNKS.items()])
def test_unchanged_chunks(chunk, style):
    assert vntext.normalize(chunk, style=style) == nfc(chunk)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("chunk", [pytest.param(v, id=k) for k, v in UNCHANGED_CHUNKS.items()])
def test_unchanged_chunks_in_a_sentence(chunk, style):
    # The chunk stays as it is while the words around it are normalized.
    text = "Hoà nói: " + chunk + " thuỷ"
    want = {
        "traditional": "Hòa nói: " + nfc(chunk) + " thủy",
        "modern": "Hoà nói: " + nfc(chunk) + " thuỷ",
    }[style]
    assert vntext.normalize(text, style=style) == want


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u3000", "\u2009"])
def test_unicode_spaces_kept_and_separate_words(space):
    # Unicode spaces (White_Space) separate chunks like ASCII spaces do, and
    # are never replaced (space unification is opt-in, not normalize's job).
    text = "hoà" + space + "thuỷ"
    assert vntext.normalize(text) == "hòa" + space + "thủy"
    assert vntext.normalize(text, style="modern") == text


def test_default_style_is_traditional():
    assert vntext.normalize("hoà thuỷ khoẻ") == "hòa thủy khỏe"
    assert vntext.normalize("hoà", "modern") == "hoà"


@pytest.mark.parametrize("style", ["old", "new", "Modern", "TRADITIONAL", "", "modern "])
def test_bad_style(style):
    with pytest.raises(ValueError) as info:
        vntext.normalize("hoà", style=style)
    msg = str(info.value)
    assert "traditional" in msg and "modern" in msg


def test_style_none_rejected():
    with pytest.raises((TypeError, ValueError)):
        vntext.normalize("hoà", style=None)


@pytest.mark.parametrize("bad", [b"hoa", bytearray(b"hoa"), None, 1, ["hoa"]])
def test_type_errors(bad):
    with pytest.raises(TypeError):
        vntext.normalize(bad)
    with pytest.raises(TypeError):
        vntext.remove_accents(bad)


def test_nul_kept():
    assert vntext.normalize("\x00") == "\x00"
    assert vntext.normalize("a\x00b\x00") == "a\x00b\x00"
    assert vntext.normalize("hoà \x00 thuỷ") == "hòa \x00 thủy"
    assert vntext.normalize("hoà \x00 thuỷ", style="modern") == "hoà \x00 thuỷ"
    out = vntext.normalize("ho\x00à\x00")
    assert out.count("\x00") == 2 and isinstance(out, str)
    assert vntext.remove_accents("Việt\x00Nam\x00") == "Viet\x00Nam\x00"


def test_str_subclass_accepted():
    class S(str):
        pass

    out = vntext.normalize(S("hoà"))
    assert out == "hòa" and type(out) is str


def test_large_input():
    line = "Tỉnh Hoà Bình có nhà máy thuỷ điện lớn, khoẻ mạnh và hoà thuận.\n"
    text = line * 20000
    assert vntext.normalize(text) == vntext.normalize(line) * 20000
    assert vntext.normalize(text, style="modern") == text


# ---------------------------------------------------------------------------
# remove_accents
# ---------------------------------------------------------------------------

TONE_MARKS = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
SHAPED = {"a": "a", "ă": "a", "â": "a", "e": "e", "ê": "e", "i": "i", "o": "o",
          "ô": "o", "ơ": "o", "u": "u", "ư": "u", "y": "y"}


def vietnamese_letters():
    """The 67 lowercase precomposed letters (and their ASCII base)."""
    out = []
    for v, base in SHAPED.items():
        for t in TONE_MARKS:
            letter = nfc(v + t)
            if letter != base:
                out.append((letter, base))
    out.append(("đ", "d"))
    return out


VI_LETTERS = vietnamese_letters()


def test_vietnamese_letter_count():
    assert len(VI_LETTERS) == 67
    assert all(len(letter) == 1 for letter, _ in VI_LETTERS)


@pytest.mark.parametrize("letter,base", VI_LETTERS, ids=[b + "-" + hex(ord(a)) for a, b in VI_LETTERS])
def test_remove_accents_each_letter(letter, base):
    assert vntext.remove_accents(letter) == base
    assert vntext.remove_accents(letter.upper()) == base.upper()
    assert vntext.remove_accents(nfd(letter)) == base
    assert vntext.remove_accents(nfd(letter.upper())) == base.upper()


@pytest.mark.parametrize(
    "inp,want",
    [
        ("Tiếng Việt", "Tieng Viet"),
        ("Đường", "Duong"),
        ("NGUYỄN ĐỨC", "NGUYEN DUC"),
        ("ươ", "uo"),
        ("Hoà Bình, thủy điện!", "Hoa Binh, thuy dien!"),
        (nfd("Tiếng Việt"), "Tieng Viet"),
        ("Tie\u0301\u0302ng", "Tieng"),
        ("\u00ea\u0301", "e"),
        ("hoa\u0340 thuy\u0341", "hoa thuy"),
        ("", ""),
        ("abc 123 !?", "abc 123 !?"),
        ("hoà\r\n\tthuỷ  x", "hoa\r\n\tthuy  x"),
        ("https://vi.wikipedia.org/wiki/Hoà_Bình", "https://vi.wikipedia.org/wiki/Hoa_Binh"),
        # marks no Vietnamese letter carries, and other scripts, are kept
        ("Señor Müller façade", "Señor Müller façade"),
        ("Niño Zürich Ångström", "Niño Zürich Ångström"),
        ("Привет мой друг Йошкар-Ола", "Привет мой друг Йошкар-Ола"),
        ("Ελληνικά", "Ελληνικά"),
        ("中文 😀 👨\u200d👩\u200d👧", "中文 😀 👨\u200d👩\u200d👧"),
        ("Việt 中文", "Viet 中文"),
        # an eth that stands for d with stroke, as converted text writes it,
        # maps as Đ does; in other words it is an eth (user review)
        ("Ðà Nẵng, ðồng", "Da Nang, dong"),
        ("ÐỨC (Ðức)", "DUC (Duc)"),
        ("Ðorđe Þór Ðór xÐà Ð", "Ðorde Þor Ðor xÐa Ð"),
        ("Ðường Ðiện Ðiều Ðược Ðuôi ÐUYÊN", "Duong Dien Dieu Duoc Duoi DUYEN"),
    ],
)
def test_remove_accents(inp, want):
    out = vntext.remove_accents(inp)
    assert out == want
    assert unicodedata.is_normalized("NFC", out)


def test_remove_accents_nfc_output_of_foreign_nfd():
    # n + combining tilde is not a Vietnamese letter: it is kept, composed.
    out = vntext.remove_accents("Espan\u0303a")
    assert unicodedata.is_normalized("NFC", out)
    assert out == "España"


# ---------------------------------------------------------------------------
# Hypothesis
# ---------------------------------------------------------------------------

COMBINING = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323",
             "\u0302", "\u0306", "\u031b", "\u0340", "\u0341"]
TONE_INPUTS = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0340", "\u0341"]
VI_ALPHA = "".join(l for l, _ in VI_LETTERS)
VI_ALPHA = VI_ALPHA + VI_ALPHA.upper()
ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
PUNCT = ".,;:!?-()[]\"'/@_#%&*+=~…“”«»0123456789"
SPACES = [" ", " ", " ", "\t", "\n", "\r\n", "\u00a0"]

ONSETS = ["", "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m",
          "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
          "q", "f"]
NUCLEI = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
          "ai", "ao", "au", "ay", "eo", "ia", "iu", "oi", "ua", "ui", "ưa", "ưi", "ưu",
          "âu", "ây", "êu", "ôi", "ơi", "iê", "yê", "uô", "ươ", "uơ", "uâ", "uê", "oă",
          "oo", "ôô", "oa", "oe", "uy", "iêu", "yêu", "uôi", "ươi", "ươu", "uây", "uyê",
          "oai", "oay", "oeo", "uya", "uyu", "oao",
          # not nuclei
          "ou", "ei", "ie", "uo", "io", "aa", "eu", "ue"]
CODAS = ["", "", "", "c", "ch", "m", "n", "ng", "nh", "p", "t", "s", "r"]


@st.composite
def syllables(draw, tone_on_vowel_only=False):
    """A syllable-like word: onset + nucleus + coda, with at most one or two
    tones at any position (possibly the wrong one), in NFC, NFD or as typed,
    and lower, upper or title case. Many are valid Vietnamese, some not."""
    word = draw(st.sampled_from(ONSETS)) + draw(st.sampled_from(NUCLEI)) + draw(st.sampled_from(CODAS))
    ntones = draw(st.sampled_from([0, 1, 1, 1, 1, 2]))
    chars = list(word)
    for _ in range(ntones):
        if tone_on_vowel_only:
            vowels = [i for i, c in enumerate(chars) if nfd(c)[0] in "aeiouy"]
            if not vowels:
                break
            i = draw(st.sampled_from(vowels))
            tone = draw(st.sampled_from(TONE_INPUTS[:5]))
            chars[i] = nfc(chars[i] + tone)
        else:
            i = draw(st.integers(0, len(chars) - 1))
            chars[i] = chars[i] + draw(st.sampled_from(TONE_INPUTS))
    word = "".join(chars)
    case = draw(st.sampled_from(["lower", "lower", "upper", "title"]))
    if case == "upper":
        word = word.upper()
    elif case == "title":
        word = word[:1].upper() + word[1:]
    form = draw(st.sampled_from(["raw", "NFC", "NFD"]))
    if tone_on_vowel_only:
        form = "NFC"
    if form != "raw":
        word = unicodedata.normalize(form, word)
    return word


def vietnamese_text(tone_on_vowel_only=False, max_words=12):
    """Words from syllables() and a few other chunks, with spaces and
    punctuation between and around them."""
    piece = st.one_of(
        syllables(tone_on_vowel_only),
        syllables(tone_on_vowel_only),
        syllables(tone_on_vowel_only),
        st.sampled_from(["Iowa", "https://example.vn/hoà", "hoà_bình", "v2.0", "P.Hoà", "42",
                         "café", "😀", "中文", "a@b.vn"]),
    )
    sep = st.sampled_from(SPACES + [", ", ". ", "-", ".", " (", ") ", '"', "…", ""])

    @st.composite
    def build(draw):
        n = draw(st.integers(0, max_words))
        out = [draw(st.sampled_from(["", "", "(", '"', " "]))]
        for _ in range(n):
            out.append(draw(piece))
            out.append(draw(sep))
        return "".join(out)

    return build()


# Character-level text over an alphabet rich in Vietnamese letters and marks,
# all of them stable across Unicode versions.
char_text = st.text(
    alphabet=st.sampled_from(
        list(VI_ALPHA) + list(ASCII_LETTERS) + list(PUNCT) + [" ", " ", "\t", "\n", "\r", "\u00a0"]
        + COMBINING * 3 + ["đ", "Đ"]
    ),
    max_size=40,
)
any_vi_text = st.one_of(vietnamese_text(), char_text)

PROPERTY = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
styles = st.sampled_from(STYLES)


def letters_or_marks(c):
    return unicodedata.category(c)[0] in "LM"


@PROPERTY
@given(any_vi_text, styles)
def test_prop_idempotent(text, style):
    once = vntext.normalize(text, style=style)
    assert vntext.normalize(once, style=style) == once


@PROPERTY
@given(any_vi_text, styles, styles)
def test_prop_style_round_trip(text, a, b):
    assert vntext.normalize(vntext.normalize(text, style=a), style=b) == vntext.normalize(text, style=b)


@PROPERTY
@given(any_vi_text, styles)
def test_prop_output_is_nfc(text, style):
    out = vntext.normalize(text, style=style)
    assert isinstance(out, str)
    assert unicodedata.is_normalized("NFC", out)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), styles)
def test_prop_any_text_no_crash(text, style):
    out = vntext.normalize(text, style=style)
    assert type(out) is str
    assert vntext.normalize(out, style=style) == out
    assert type(vntext.remove_accents(text)) is str


@PROPERTY
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=80), styles)
def test_prop_ascii_unchanged(text, style):
    assert vntext.normalize(text, style=style) == text
    assert vntext.remove_accents(text) == text


@PROPERTY
@given(any_vi_text, styles)
def test_prop_non_letters_kept(text, style):
    text = nfc(text)
    out = vntext.normalize(text, style=style)
    assert [c for c in out if not letters_or_marks(c)] == [c for c in text if not letters_or_marks(c)]


@PROPERTY
@given(vietnamese_text(tone_on_vowel_only=True), styles)
def test_prop_only_tone_position_changes(text, style):
    # With every tone on a vowel, normalize only moves tones between vowels:
    # the text without accents and the length are the same.
    text = nfc(text)
    out = vntext.normalize(text, style=style)
    assert len(out) == len(text)
    assert vntext.remove_accents(out) == vntext.remove_accents(text)


@PROPERTY
@given(st.lists(syllables(), min_size=1, max_size=6), styles)
def test_prop_whitespace_separates(words, style):
    # Chunks separated by whitespace are normalized independently.
    joined = vntext.normalize("\n".join(words), style=style)
    assert joined == "\n".join(vntext.normalize(w, style=style) for w in words)


@PROPERTY
@given(syllables(), styles)
def test_prop_case_invariant(word, style):
    low = nfc(word).lower()
    out = vntext.normalize(low, style=style)
    assert vntext.normalize(low.upper(), style=style) == out.upper()
    assert vntext.normalize(low[:1].upper() + low[1:], style=style) == out[:1].upper() + out[1:]


ASCII_PUNCT = ".,;:!?-()[]\"'/@_#%&*+=~0123456789"


@PROPERTY
@given(st.text(alphabet=st.sampled_from(list(VI_ALPHA) + list(ASCII_LETTERS) + list(ASCII_PUNCT)
                                        + [" ", "\t", "\n", "\r"]), max_size=60))
def test_prop_remove_accents_ascii(text):
    for t in (text, nfd(text)):
        out = vntext.remove_accents(t)
        assert out.isascii()
        assert len(out) == len(text)
        assert vntext.remove_accents(out) == out


# ---------------------------------------------------------------------------
# _syllable_info (private) agrees with normalize
# ---------------------------------------------------------------------------

syllable_info = vntext._vntext._syllable_info


def test_syllable_info_identity():
    spellings = ["hoà", "hòa", "HOÀ", "Hòa", "ho\u0300a", "hoa\u0300", "hoa\u0340"]
    infos = [syllable_info(s) for s in spellings]
    assert all(i is not None for i in infos)
    assert len({i["id"] for i in infos}) == 1
    other_tone = syllable_info("hóa")
    assert other_tone["id"] != infos[0]["id"]
    assert other_tone["toneless_id"] == infos[0]["toneless_id"] == syllable_info("hoa")["id"]
    assert infos[0]["canonical_traditional"] == "hòa"
    assert infos[0]["canonical_modern"] == "hoà"
    for token in ["Iowa", "café", "hóá", "iPhone", "niño", "", "hoa bình"]:
        assert syllable_info(token) is None, token


@PROPERTY
@given(syllables(), styles)
def test_prop_syllable_info_agrees_with_normalize(word, style):
    info = syllable_info(word)
    out = vntext.normalize(word, style=style)
    if info is None:
        # not a syllable: only put in NFC
        assert out == nfc(word)
        return
    again = syllable_info(out)
    assert again is not None and again["id"] == info["id"]
    if info["tone"] != 0:
        assert out.lower() == info["canonical_" + style]
    else:
        assert out == nfc(word)
