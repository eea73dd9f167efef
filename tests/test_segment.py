"""Word segmentation: API shapes, invariances, special tokens, user
dictionaries, threads, pickling, Hypothesis properties and an F1 floor on a committed
UD-VTB dev sample."""

import os
import re
import threading
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vntext

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "data", "ud_vtb_dev_sample.seg.txt")


def test_shapes():
    assert vntext.word_tokenize("Mỹ sẽ bảo vệ Nhật Bản") == ["Mỹ", "sẽ", "bảo vệ", "Nhật Bản"]
    assert vntext.word_tokenize("Mỹ sẽ bảo vệ Nhật Bản", format="text") == "Mỹ sẽ bảo_vệ Nhật_Bản"
    assert vntext.word_spans("Mỹ sẽ bảo vệ Nhật Bản") == [(0, 2), (3, 5), (6, 12), (13, 21)]
    assert vntext.word_tokenize("") == []
    assert vntext.word_tokenize("", format="text") == ""
    assert vntext.word_spans("  \n ") == []


def test_errors():
    with pytest.raises(TypeError, match="'text'"):
        vntext.word_tokenize(b"abc")
    with pytest.raises(ValueError, match="'format'"):
        vntext.word_tokenize("abc", format="conll")
    with pytest.raises(TypeError, match="'format'"):
        vntext.word_tokenize("abc", format=1)
    with pytest.raises(TypeError, match="'text'"):
        vntext.word_spans(None)
    with pytest.raises(TypeError, match="user_dict"):
        vntext.Segmenter(user_dict="bảo vệ")
    with pytest.raises(TypeError, match="user_split"):
        vntext.Segmenter(user_split=[1])
    with pytest.raises(ValueError, match="line break"):
        vntext.Segmenter(user_dict=["a\nb"])
    with pytest.raises(OSError):
        vntext.Segmenter(model_path="/nonexistent/segmenter.bin")
    with pytest.raises(UnicodeEncodeError):
        vntext.word_tokenize("a\ud800")


def test_method_errors_name_the_method():
    seg = vntext.Segmenter()
    with pytest.raises(TypeError, match=r"^Segmenter\.word_tokenize\(\) argument 'text'"):
        seg.word_tokenize(1)
    with pytest.raises(ValueError, match=r"^Segmenter\.word_tokenize\(\) argument 'format'"):
        seg.word_tokenize("a", format="xml")
    with pytest.raises(TypeError, match=r"^Segmenter\.word_spans\(\) argument 'text'"):
        seg.word_spans(None)


def test_bad_model(tmp_path):
    p = tmp_path / "m.bin"
    p.write_bytes(b"VNTSEGM\0" + b"\0" * 100)
    with pytest.raises(ValueError, match="model"):
        vntext.Segmenter(model_path=str(p))


@pytest.mark.parametrize("content", [
    b"",  # empty
    b"VNTSEGM\0" + b"\0" * 100,  # corrupt
    "truncated",
    "a byte flipped in the header",
])
def test_bad_model_file_is_named(tmp_path, content):
    # several models in one pipeline: the message names the argument and the file
    shipped = os.path.join(os.path.dirname(vntext.__file__), "segmenter.bin")
    with open(shipped, "rb") as f:
        data = f.read()
    if content == "truncated":
        content = data[: len(data) // 2]
    elif content == "a byte flipped in the header":
        content = data[:12] + bytes([data[12] ^ 0xFF]) + data[13:]
    p = tmp_path / "bad model.bin"
    p.write_bytes(content)
    for path in (str(p), p, os.fsencode(str(p))):
        for words in ({}, {"user_dict": ["sẽ bảo"]}):
            with pytest.raises(ValueError) as e:
                vntext.Segmenter(model_path=path, **words)
            msg = str(e.value)
            assert msg.startswith("Segmenter() argument 'model_path': ")
            assert repr(os.fspath(path)) in msg and "not a valid vntext model file" in msg


def test_model_path_with_a_nul():
    for path in ("a\0b", b"a\0b"):
        with pytest.raises(ValueError, match=r"^Segmenter\(\) argument 'model_path' must not "
                                             r"hold a NUL character"):
            vntext.Segmenter(model_path=path)


def test_other_model_version(tmp_path):
    # the message names the file version the loader reads: the shipped file's
    shipped = os.path.join(os.path.dirname(vntext.__file__), "segmenter.bin")
    with open(shipped, "rb") as f:
        data = bytearray(f.read())
    version = int.from_bytes(data[8:12], "little")
    data[8:12] = (version - 1).to_bytes(4, "little")
    p = tmp_path / "old.bin"
    p.write_bytes(bytes(data))
    with pytest.raises(ValueError, match=r"\(version %d is read;" % version):
        vntext.Segmenter(model_path=str(p))


@pytest.mark.parametrize("token", [
    "1.500", "3,5%", "19/4", "2+2", "8h30", "20-11-2003", "https://vnexpress.net/the-thao/a-1.html",
    "thu.nguyen@example.com", "@nguyenvana", "#chủ_đề", "😀", "TP.HCM", "v.v.",
    "13giờ", "1.390,2triệu", unicodedata.normalize("NFD", "13giờ"), "------", "...", "°C",
    "🇻🇳", "1️⃣", "m²", "km²", "30m²", "CO₂", "H₂O", "10³",
    ":)", ":)))", "=))", "=]]", ":(", ":D", ":v", ":'(", ":>", "^^", "^_^", "<3", "-_-",
])
def test_special_tokens(token):
    text = "Hôm qua có %s nhé" % token
    assert token in vntext.word_tokenize(text)


@pytest.mark.parametrize("text, words", [
    # a letter after a hyphen glued to a word is no initial: the period
    # after it is a mark, and the next sentence is not glued on
    ("Máy có cổng USB-C. Samsung cũng vậy.", ["USB-C", ".", "Samsung"]),
    ("Cổng sạc là USB-C.", ["USB-C", "."]),
    ("Mua cáp Type-C.Giá rẻ.", ["Type-C", ".", "Giá"]),
    ("Cáp micro-B. Hết.", ["micro-B", ".", "Hết"]),
    # the names of languages and tools with ++ and #
    ("Tôi học C++ và C#, rồi F# và C++17 với g++.", ["C++", "C#", "F#", "C++17", "g++", "."]),
    ("Cài Notepad++ đi.", ["Notepad++", "đi"]),
])
def test_model_letters_and_language_names(text, words):
    got = vntext.word_tokenize(text)
    assert all(w in got for w in words), got
    assert "".join(got) == "".join(text.split())


def test_model_letter_ends_a_sentence():
    assert vntext.sent_tokenize("Máy có cổng USB-C. Samsung cũng vậy.") == [
        "Máy có cổng USB-C.", "Samsung cũng vậy."]
    assert vntext.sent_tokenize("Mua cáp Type-C.Giá rẻ.") == ["Mua cáp Type-C.", "Giá rẻ."]
    assert vntext.sent_tokenize("Mua cáp Type-Đ.Giá rẻ.") == ["Mua cáp Type-Đ.", "Giá rẻ."]
    # an initial stays one, with or without the space
    assert vntext.word_tokenize("Ông J. Smith và N.V.Tâm đến.")[1:4] == ["J. Smith", "và", "N.V.Tâm"]


@pytest.mark.parametrize("text, words", [
    # text typed onto an address, a mention or a URL stays out of it, and a
    # glued period before a capital ends the sentence (web-text review)
    ("Liên hệ abc@gmail.com.Cảm ơn", ["Liên hệ", "abc@gmail.com", ".", "Cảm ơn"]),
    ("Liên hệ abc@gmail.com...cảm ơn", ["Liên hệ", "abc@gmail.com", "...", "cảm ơn"]),
    ("Gửi về abc@gmail.com-Cảm ơn", ["Gửi", "về", "abc@gmail.com", "-", "Cảm ơn"]),
    ("Liên hệ abc@gmail.com.Xin cảm ơn", ["Liên hệ", "abc@gmail.com", ".", "Xin", "cảm ơn"]),
    ("Cảm ơn @minh.Hẹn gặp lại", ["Cảm ơn", "@minh", ".", "Hẹn", "gặp", "lại"]),
    ("Xem https://vnexpress.net...Hay lắm", ["Xem", "https://vnexpress.net", "...", "Hay", "lắm"]),
    ("Xem https://vi.wikipedia.org/wiki/Việt_Nam.Đẹp",
     ["Xem", "https://vi.wikipedia.org/wiki/Việt_Nam", ".", "Đẹp"]),
    # while addresses, handles and URLs keep their own periods and hyphens
    ("gửi thu.nguyen@sub-domain.com.vn.", ["gửi", "thu.nguyen@sub-domain.com.vn", "."]),
    ("gửi ABC@GMAIL.COM nhé", ["gửi", "ABC@GMAIL.COM", "nhé"]),
    ("gọi @nguyen.van.a nhé", ["gọi", "@nguyen.van.a", "nhé"]),
    ("xem https://abc.vn/a-1.html.", ["xem", "https://abc.vn/a-1.html", "."]),
    # addresses in title case, with hyphen runs (punycode) or of one label;
    # handles in title case; periods inside a URL (code review)
    ("gửi Contact@Example.Com.Vn nhé", ["gửi", "Contact@Example.Com.Vn", "nhé"]),
    ("gửi a@my--domain.com, b@xn--80ak6aa92e.com, root@localhost",
     ["gửi", "a@my--domain.com", ",", "b@xn--80ak6aa92e.com", ",", "root@localhost"]),
    ("cảm ơn @Nguyen.Van.Anh nhé", ["cảm ơn", "@Nguyen.Van.Anh", "nhé"]),
    ("xem https://github.com/a/compare/v3.11.0...v3.11.1 và http://a.vn/x/../y",
     ["xem", "https://github.com/a/compare/v3.11.0...v3.11.1", "và", "http://a.vn/x/../y"]),
    # but a Vietnamese word that is also a top-level domain, a word after a
    # handle's period and letters after an ellipsis are text typed onto them
    ("gửi tuyendung@vingroup.net.Ca sĩ đến", ["gửi", "tuyendung@vingroup.net", ".", "Ca sĩ", "đến"]),
    ("Chào @lan.Anh đến chưa", ["Chào", "@lan", ".", "Anh", "đến", "chưa"]),
    ("xem https://abc.vn/tin-tuc...ai cần", ["xem", "https://abc.vn/tin-tuc", "...", "ai", "cần"]),
    ("gửi root@localhost.Xin chào", ["gửi", "root@localhost", ".", "Xin", "chào"]),
    ("anh@Nam đi", ["anh", "@Nam", "đi"]),
])
def test_text_typed_onto_addresses(text, words):
    assert vntext.word_tokenize(text) == words
    # no word crosses the sentence end
    ends = {e for _, e in vntext.sent_spans(text)}
    for a, b in vntext.word_spans(text):
        assert not any(a < e < b for e in ends)


@pytest.mark.parametrize("mark", ["\u00ad", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060",
                                  "\u202a", "\u2066"])
def test_invisible_character_inside_a_syllable(mark):
    # a soft hyphen, a joiner or a bidi character that HTML or a chat app
    # left inside a word: the token keeps it, the model reads the syllable
    text = "Tôi yêu Vi%sệt Nam" % mark
    assert vntext.word_tokenize(text) == ["Tôi", "yêu", "Vi%sệt Nam" % mark]
    text = "có một lý%s do" % mark
    assert vntext.word_tokenize(text) == ["có", "một", "lý%s do" % mark]


def test_emoji_sequences_and_units():
    # a flag is two regional indicators; keycaps written together are apart
    assert vntext.word_tokenize("🇻🇳🇺🇸 1️⃣2️⃣3️⃣") == ["🇻🇳", "🇺🇸", "1️⃣", "2️⃣", "3️⃣"]
    # a superscript stays with the word it is written onto, not with a space
    assert vntext.word_tokenize("30 m² đất, x ²") == ["30", "m²", "đất", ",", "x", "²"]
    # a mark or symbol that U+FE0F shows as an emoji is one, with its
    # selector (and keycap): no lone U+FE0F token (user review)
    assert vntext.word_tokenize("Giảm giá sốc‼️ Mua ngay") == [
        "Giảm giá", "sốc", "‼️", "Mua", "ngay"]
    # a keycap typed onto a word is an emoji of its own, as others are
    assert vntext.word_tokenize("Hà Nội1️⃣ quá1️⃣ngon CO2") == [
        "Hà Nội", "1️⃣", "quá", "1️⃣", "ngon", "CO2"]
    assert vntext.word_tokenize("Bước *️⃣ rồi #️⃣ và ©️ ▶️") == [
        "Bước", "*️⃣", "rồi", "#️⃣", "và", "©️", "▶️"]
    # and as an emoji it stays with the sentence before, or ends it
    assert vntext.sent_tokenize("Tuyệt vời! #️⃣ Sẽ quay lại.") == [
        "Tuyệt vời! #️⃣", "Sẽ quay lại."]
    assert vntext.sent_tokenize("Giảm giá sốc‼️ Mua ngay") == ["Giảm giá sốc‼️", "Mua ngay"]
    # only a character with an emoji form: a stray U+FE0F after a colon or
    # a comma changes nothing (code review)
    assert vntext.sent_tokenize("Anh ấy nói:\ufe0f Tôi đi, \ufe0fnhé") == [
        "Anh ấy nói:\ufe0f Tôi đi, \ufe0fnhé"]
    assert vntext.word_tokenize("nói:\ufe0f")[:2] == ["nói", ":"]


def test_emoticons_between_spaces():
    # an emoticon after white space, before white space, a mark or the end;
    # the same characters elsewhere are what they were
    assert vntext.word_tokenize("Ngon quá :)), lần sau =)) nhé :D") == [
        "Ngon", "quá", ":))", ",", "lần", "sau", "=))", "nhé", ":D"]
    assert vntext.word_tokenize("Anh nói:D lúc 8:30, xem :(1)") == [
        "Anh", "nói", ":", "D", "lúc", "8:30", ",", "xem", ":", "(", "1", ")"]
    # before a full-width or ideographic mark as before its ASCII one
    assert vntext.word_tokenize("Ngon :))。 Về :D！") == ["Ngon", ":))", "。", "Về", ":D", "！"]
    # typed onto a word, only a laugh or a cry of two brackets or more
    assert vntext.word_tokenize("đẹp quá:)) haha=)) buồn:(( lúc 8:)) nói:)") == [
        "đẹp", "quá", ":))", "haha", "=))", "buồn", ":((", "lúc", "8", ":", ")", ")", "nói", ":", ")"]
    # an arrow is no face; a face before a closing quote is one
    assert vntext.word_tokenize('A => B, "hay :)"') == ["A", "=", ">", "B", ",", '"', "hay", ":)", '"']


def test_form_feed_vertical_tab_zero_width_space_and_bom():
    # VT and FF break lines (as str.splitlines does): no word or sentence
    # crosses them; ZWSP and the byte order mark are white space
    for brk in "\v\f":
        text = "học" + brk + "sinh giỏi"
        assert vntext.word_tokenize(text) == ["học", "sinh", "giỏi"]
        assert vntext.sent_tokenize("Trời mưa" + brk + "Ngày mai nắng.") == ["Trời mưa", "Ngày mai nắng."]
    assert vntext.word_tokenize("\ufeffHọc sinh đi học") == ["Học sinh", "đi", "học"]
    assert vntext.sent_tokenize("\ufeff1. Giới thiệu") == ["1. Giới thiệu"]
    assert vntext.word_tokenize("Học\u200b sinh", format="text") == "Học_sinh"
    assert vntext.sent_tokenize("Xin chào.\u200b Tạm biệt.") == ["Xin chào.", "Tạm biệt."]


def test_initials_in_text_without_capitals():
    # "n." is read as N. is (not after a number, whose unit it is)
    assert vntext.word_tokenize("ông n. v. nam nói")[1] != "n"
    assert vntext.word_tokenize("rộng 12 m. sau đó") == ["rộng", "12", "m", ".", "sau", "đó"]


def test_user_words_with_marks_and_symbols_are_kept_whole():
    # never half of an entry: "học C++" was "học C", "+", "+"
    for entry, text, word in (("C++", "học C++ rất khó", "C++"),
                              ("học C++", "học C++ rất khó", "học C++"),
                              ("rock & roll", "nhạc rock & roll hay", "rock & roll")):
        words = vntext.Segmenter(user_dict=[entry]).word_tokenize(text)
        assert word in words and "".join(words).replace(" ", "") == text.replace(" ", "")
    # C++ is one token without the entry too (test_model_letters_and_language_names)
    assert vntext.word_tokenize("nhạc rock & roll hay")[1:4] == ["rock", "&", "roll"]


def test_title_case_headline_with_one_letter_words():
    # a one-letter syllable in capitals is in title case too (Ý, Ở), so the
    # headline is read as its lower case
    for title in ("Ông Phạm Bình Minh Nói Ý Kiến", "Bà Mai Kim Sủi Đã Nói Ở Đây"):
        assert [w.lower() for w in vntext.word_tokenize(title)] == vntext.word_tokenize(title.lower())


def test_abbreviations_in_text_without_capitals():
    # read as in capitals, as the sentence splitter reads them ("gs." as GS.)
    assert vntext.word_tokenize("gs. nguyễn văn a nói ở q. 3 và tp. hcm") == \
        ["gs.", "nguyễn văn a", "nói", "ở", "q.", "3", "và", "tp.", "hcm"]
    # at the end of a sentence the period is a word of its own, as in capitals
    assert vntext.word_tokenize("anh ấy về q.") == ["anh", "ấy", "về", "q", "."]
    assert vntext.word_spans("về pgs. lan") == [(0, 2), (3, 7), (8, 11)]
    # in a sentence with capitals, a lower-case "q." is not Q.
    assert vntext.word_tokenize("Ông ở q. ba")[2:4] == ["q", "."]
    # a user word written in lower case matches such a sentence too
    for seg in (vntext.Segmenter(user_dict=["gs. nam"]), vntext.Segmenter(user_dict=["GS. Nam"])):
        assert seg.word_tokenize("tôi gặp gs. nam") == ["tôi", "gặp", "gs. nam"]
    assert vntext.word_tokenize("tôi gặp gs. nam", fixed_words=["gs. nam"])[-1] == "gs. nam"


def test_sentence_final_abbreviation_period():
    # the corpora split the period off an abbreviation or initials that end a
    # sentence ("TP ." "L.TH.H ."), but not off "v.v."
    assert vntext.word_tokenize("Hôm nay ông ấy đã về TP.")[-2:] == ["TP", "."]
    assert vntext.word_tokenize("Tin, ảnh: L.TH.H.")[-2:] == ["L.TH.H", "."]
    assert vntext.word_tokenize("Ông ấy mua rau, thịt, cá v.v.")[-1] == "v.v."
    assert "TP." in vntext.word_tokenize("Ông ấy sống ở TP. HCM lâu rồi")
    assert vntext.word_spans("TP.") == [(0, 2), (2, 3)]
    # a number written onto an abbreviation keeps no period after it
    assert vntext.word_tokenize("Ông ấy sống ở Q.3. Lợi nhuận tăng.") == [
        "Ông", "ấy", "sống", "ở", "Q.3", ".", "Lợi nhuận", "tăng", "."]
    assert vntext.word_tokenize("ở Q.3, P.12 và TP.HCM")[1:] == ["Q.3", ",", "P.12", "và", "TP.HCM"]


def test_sentence_and_line_boundaries():
    assert vntext.word_tokenize("học sinh. Sinh viên") == ["học sinh", ".", "Sinh viên"]
    assert vntext.word_tokenize("Hà\nNội") == ["Hà", "Nội"]
    assert vntext.word_tokenize("(học sinh)") == ["(", "học sinh", ")"]


def test_whitespace_inside_words():
    # the word is the substring as written; the text format puts one _ per run
    assert vntext.word_tokenize("bảo   vệ") == ["bảo   vệ"]
    assert vntext.word_tokenize("Mỹ  sẽ bảo\u00a0vệ", format="text") == "Mỹ sẽ bảo_vệ"


def nb_spaces(words):
    return [w.count(" ") for w in words]


def test_tone_style_and_nfd_invariance():
    a = "Thủy thủ hòa nhạc ở Thành phố Hồ Chí Minh, khỏe mạnh và vui vẻ."
    b = "Thuỷ thủ hoà nhạc ở Thành phố Hồ Chí Minh, khoẻ mạnh và vui vẻ."
    c = unicodedata.normalize("NFD", a)
    wa = vntext.word_tokenize(a)
    assert nb_spaces(vntext.word_tokenize(b)) == nb_spaces(wa)
    wc = vntext.word_tokenize(c)
    assert [unicodedata.normalize("NFC", w) for w in wc] == wa
    # case: identities are shared; a word in capitals inside lower-case text
    assert nb_spaces(vntext.word_tokenize("Anh ấy HOÀ nhạc ở thành phố")) == \
        nb_spaces(vntext.word_tokenize("Anh ấy hòa nhạc ở thành phố"))


def test_user_dictionary():
    text = "Mỹ sẽ bảo vệ Nhật Bản"
    seg = vntext.Segmenter(user_split=["bảo vệ"])
    assert seg.word_tokenize(text) == ["Mỹ", "sẽ", "bảo", "vệ", "Nhật Bản"]
    assert seg.word_tokenize("MỸ SẼ BẢO VỆ")[-1] == "VỆ"
    seg = vntext.Segmenter(user_dict=["sẽ bảo vệ nhật"])
    # its syllables stay one word
    assert "sẽ bảo vệ Nhật" in seg.word_tokenize(text)
    both = vntext.Segmenter(user_dict=["bảo vệ Nhật Bản"], user_split=["bảo vệ"])
    # split wins: a join word that a split word cuts is not applied (no
    # part of it, "vệ Nhật Bản", becomes a word that no list has)
    assert both.word_tokenize(text)[2:] == ["bảo", "vệ", "Nhật Bản"]
    # the default segmenter is untouched
    assert vntext.word_tokenize(text) == ["Mỹ", "sẽ", "bảo vệ", "Nhật Bản"]
    assert "train_segmenter" in seg.description
    assert seg.memory < 30_000_000


def test_text_in_capitals_segments_as_lower_case():
    # five words or more in capitals: a headline, segmented as its lower case
    for text in ("Học sinh giỏi thì phải học thật chăm chỉ",
                 "Thành phố Hồ Chí Minh đẩy mạnh phát triển kinh tế",
                 "Giá xăng tăng mạnh trong tháng năm, người dân lo lắng"):
        lower_words = vntext.word_tokenize(text.lower())
        upper_words = vntext.word_tokenize(text.upper())
        assert [w.lower() for w in upper_words] == lower_words
        assert vntext.word_spans(text.upper()) == vntext.word_spans(text.lower())
    # a name in capitals inside ordinary text, and the names of a byline
    # (parted by dashes), are still read as names
    assert "NGUYỄN VĂN AN" in vntext.word_tokenize("Ông NGUYỄN VĂN AN đã đến")
    byline = vntext.word_tokenize("CÙ MAI CÔNG - MINH LUẬN")
    assert byline == ["CÙ MAI CÔNG", "-", "MINH LUẬN"]


def test_short_line_in_capitals_segments_as_lower_case():
    # a line with no lower-case letter: three words in capitals are enough
    # (a banner, "CHÚC MỪNG NĂM MỚI"), unless it is a byline: a family name
    # first, or names parted by dashes
    for text in ("Học sinh đi học", "Đẹp quá đi", "Tuyển dụng gấp", "Sản phẩm quá đẹp"):
        upper_words = vntext.word_tokenize(text.upper())
        assert [w.lower() for w in upper_words] == vntext.word_tokenize(text.lower())
        assert len(upper_words) > 1
    assert vntext.word_tokenize("VÕ ĐẮC DANH") == ["VÕ ĐẮC DANH"]
    nfd = unicodedata.normalize("NFD", "VÕ ĐẮC DANH")
    assert vntext.word_tokenize(nfd) == [nfd]
    assert vntext.word_tokenize("PHẠM DIỄM - ĐÔNG QUYÊN") == ["PHẠM DIỄM", "-", "ĐÔNG QUYÊN"]


def test_headline_in_title_case_segments_as_lower_case():
    # every word in title case and none in lower case: a headline written in
    # Title Case, segmented as its lower case (names have four syllables at
    # most, and running text has lower-case words)
    for text in ("Học sinh giỏi thì phải học thật chăm chỉ",
                 "Mỹ và Nhật Bản nhất trí tăng cường hợp tác quốc phòng"):
        title = " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
        assert vntext.word_spans(title) == vntext.word_spans(text.lower())
    # a word in capitals stays one (NATO), and the rest still reads as lower case
    assert vntext.word_tokenize("Mỹ Và NATO Tăng Cường Hợp Tác Quốc Phòng") == [
        "Mỹ", "Và", "NATO", "Tăng Cường", "Hợp Tác", "Quốc Phòng"]
    # names in running text keep their capitals
    assert "Bùi Thị Uyên Vy" in vntext.word_tokenize("Bà Bùi Thị Uyên Vy đã đến")
    # three or four such words are enough on their own (a short headline, a
    # menu), unless the first is a family name or a dash parts them (names)
    for text in ("Bảo vệ môi trường", "Điều khoản dịch vụ", "Học sinh đi học"):
        title = " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
        assert vntext.word_spans(title) == vntext.word_spans(text)
        assert len(vntext.word_tokenize(title)) > 1
    assert vntext.word_tokenize("Nguyễn Xuân Phúc") == ["Nguyễn Xuân Phúc"]
    assert vntext.word_tokenize("Phạm Diễm - Đông Quyên") == ["Phạm Diễm", "-", "Đông Quyên"]
    # a brand or a source in mixed case leaves a headline a headline: the
    # other words read as they do without it
    head = "Người Dân Đổ Xô Đi Mua Sắm Dịp Cuối Năm"
    alone = vntext.word_tokenize(head)
    assert vntext.word_tokenize(head + " - VnExpress") == alone + ["-", "VnExpress"]
    assert vntext.word_tokenize("ChatGPT: " + head) == ["ChatGPT", ":"] + alone
    assert vntext.word_tokenize(head + " Với iPhone") == vntext.word_tokenize(head + " Với Nó")[:-1] + [
        "iPhone"]


def test_vv_with_an_ellipsis_is_one_word():
    # "v.v..." is one word, as VLSP writes it (18 times in train), at the
    # end of a sentence too
    assert vntext.word_tokenize("các loại v.v... đều tăng.")[2] == "v.v..."
    assert vntext.word_tokenize("rau, củ v.v...")[-1] == "v.v..."
    assert vntext.word_tokenize("rau v.v… và cá")[1] == "v.v…"
    # and a word of its own: the model does not join it to the word before
    assert vntext.word_tokenize("mua táo, lê v.v... và cam")[3:5] == ["lê", "v.v..."]


def test_user_words_are_not_extended():
    # a user word is a word of its own: the model neither extends it nor
    # joins two of them; the syllables of a split word are words of their own
    seg = vntext.Segmenter(user_dict=["thuật toán", "học sâu"])
    assert seg.word_tokenize("Thuật toán học sâu") == ["Thuật toán", "học sâu"]
    seg = vntext.Segmenter(user_dict=["thuật toán"])
    assert seg.word_tokenize("Thuật toán học sâu")[0] == "Thuật toán"
    seg = vntext.Segmenter(user_split=["điện thoại"])
    assert seg.word_tokenize("Điện thoại di động")[:2] == ["Điện", "thoại"]
    # two entries that overlap make no word that neither is: the leftmost
    # one, the longest at its place, wins (longest matching, as underthesea's
    # fixed_words and pyvi do)
    seg = vntext.Segmenter(user_dict=["thuật toán", "toán học"])
    assert seg.word_tokenize("thuật toán học") == ["thuật toán", "học"]
    seg = vntext.Segmenter(user_dict=["bảo vệ Nhật", "Nhật Bản"])
    assert seg.word_tokenize("Mỹ sẽ bảo vệ Nhật Bản") == ["Mỹ", "sẽ", "bảo vệ Nhật", "Bản"]
    assert vntext.word_tokenize("máy vi tính từ lâu", fixed_words=["vi tính", "tính từ"]) == [
        "máy", "vi tính", "từ", "lâu"]
    assert vntext.word_tokenize("anh ra mặt đường", fixed_words=["ra mặt", "mặt đường"]) == [
        "anh", "ra mặt", "đường"]
    seg = vntext.Segmenter(user_dict=["vi tính", "máy vi tính", "tính từ"])
    assert seg.word_tokenize("máy vi tính từ lâu")[:2] == ["máy vi tính", "từ"]
    # a word that a split word cuts does not count: the next one applies
    seg = vntext.Segmenter(user_dict=["vi tính", "tính từ"], user_split=["vi tính"])
    assert seg.word_tokenize("máy vi tính từ xa") == ["máy", "vi", "tính từ", "xa"]
    # a user word joins the whole of itself, marks too
    seg = vntext.Segmenter(user_dict=["rock & roll", "roll và"])
    assert seg.word_tokenize("Tôi thích rock & roll và C++")[2:4] == ["rock & roll", "và"]
    # entries side by side stay two words
    seg = vntext.Segmenter(user_dict=["máy tính", "xách tay"])
    assert seg.word_tokenize("máy tính xách tay")[:2] == ["máy tính", "xách tay"]


def test_identifiers_and_file_names_are_words():
    # ASCII joined by underscores, with a file extension or not, is one word
    assert vntext.word_tokenize("file bao_cao_2023.docx gửi anh") == [
        "file", "bao_cao_2023.docx", "gửi", "anh"]
    assert vntext.word_tokenize("Biến user_name, IMG_2023_0415.jpg.")[1:] == [
        "user_name", ",", "IMG_2023_0415.jpg", "."]
    # before any character that is not a letter, digit or mark: NBSP, other
    # spaces and breaks, emoji, CJK punctuation (user review: NBSP cut it)
    for after in ("\xa0", "\u3000", "\u200b", "\u2028", "\x85", "😀", "。", "\ufeff"):
        got = vntext.word_tokenize("file user_name" + after + "x bao_cao_2023.docx" + after)
        assert got[1] == "user_name" and "bao_cao_2023.docx" in got, (after, got)
    # a letter of another script or a mark goes on with the word
    assert vntext.word_tokenize("user_nameé x") == ["user_nameé", "x"]
    # text segmented with underscores keeps its words (each a word of its
    # own), so that segmenting it again changes nothing (user review: the
    # CLI turned bảo_vệ into bảo _ vệ)
    assert vntext.word_tokenize("Mỹ sẽ bảo_vệ Nhật_Bản") == ["Mỹ", "sẽ", "bảo_vệ", "Nhật_Bản"]
    text = vntext.word_tokenize("Việt Nam sẽ bảo vệ Nhật Bản hoà bình.", format="text")
    assert vntext.word_tokenize(text, format="text") == text
    assert vntext.word_tokenize("_bảo vệ_ a_") == ["_", "bảo vệ", "_", "a", "_"]
    # no keycap goes on such a word, and no file extension after a word
    # that is not ASCII, whose period may end a sentence (code review)
    assert vntext.word_tokenize("Nội_1️⃣ user_1️⃣") == ["Nội", "_", "1️⃣", "user", "_", "1️⃣"]
    assert vntext.sent_tokenize("Tôi đi_học.Sau đó") == ["Tôi đi_học.", "Sau đó"]
    assert vntext.word_tokenize("Tôi đi_học.Sau đó")[1:4] == ["đi_học", ".", "Sau"]
    # one letter after a slash is no initial: the period is a word
    assert vntext.word_tokenize("tối đa 80 KM/H. Xe tải")[-3:] == ["H", ".", "Xe tải"]


def test_chat_abbreviations_side_by_side_are_words():
    # short lower-case words that are no syllable, as chat abbreviates: two
    # side by side are two words (the corpora never join such a pair)
    assert vntext.word_tokenize("t k biết") == ["t", "k", "biết"]
    assert vntext.word_tokenize("mk cx thấy thế")[:2] == ["mk", "cx"]
    assert vntext.word_tokenize("đc r, cảm ơn nhé")[:2] == ["đc", "r"]
    # a user word still joins them
    seg = vntext.Segmenter(user_dict=["ship cod"])
    assert seg.word_tokenize("ship cod nhé") == ["ship cod", "nhé"]


def test_no_word_ends_or_starts_with_the_conjunction():
    # "và" is inside a word only in a name of several words, last only in
    # "tù và"
    for text in ("Bộ Giáo dục và Đào tạo vừa ban hành thông tư.",
                 "Bộ Tài nguyên và Môi trường kiểm tra."):
        words = vntext.word_tokenize(text)
        assert "và" in words or any(" và " in w for w in words), words
        assert not any(w != "và" and (w.endswith(" và") or w.startswith("và ")) for w in words)
    assert "tù và" in vntext.word_tokenize("Tiếng tù và vang lên.")
    # the user dictionary decides its own gaps
    seg = vntext.Segmenter(user_dict=["Giáo dục và"])
    assert "Giáo dục và" in seg.word_tokenize("Bộ Giáo dục và Đào tạo")


def test_abbreviations_in_a_sentence_in_capitals():
    # read as in lower case, where the table has them ("tr.", "ThS."), as the
    # sentence splitter reads them; not those known only as written
    words = vntext.word_tokenize("TRÍCH THEO TR. 5 CỦA THS. NGUYỄN VĂN A ĐÃ RÕ.")
    assert "TR." in words and "THS." in words
    assert vntext.word_tokenize("CÂY CHUYỂN GEN. KẾT QUẢ TỐT.")[2:4] == ["GEN", "."]
    # a line with a lower-case letter keeps the scanner's reading
    assert vntext.word_tokenize("Theo TR. 5 nhé")[1:3] == ["TR", "."]


def test_letters_in_a_row_are_words():
    # one capital each, no period: sizes, options, not a name's initials
    assert vntext.word_tokenize("Áo có đủ size S M L.")[-4:] == ["S", "M", "L", "."]
    assert vntext.word_tokenize("Chọn đáp án A B hoặc C.")[2:4] == ["A", "B"]
    assert "N. V." in vntext.word_tokenize("Ông N. V. Nam đến.")
    # before a word in title case they are initials
    assert vntext.word_tokenize("J K Rowling viết sách.")[0] == "J K Rowling"
    assert vntext.Segmenter(user_dict=["S M L"]).word_tokenize("size S M L") == ["size", "S M L"]


def test_text_in_lower_case_has_weights_of_its_own():
    # a sentence with no capital has feature weights of its own, trained on
    # the corpora in lower case: names are found from their syllables
    assert vntext.word_tokenize("bộ trưởng bộ ngoại giao việt nam phạm bình minh")[-1] == \
        "phạm bình minh"
    assert vntext.word_tokenize("ông nguyễn văn an sống ở thành phố hồ chí minh") == [
        "ông", "nguyễn văn an", "sống", "ở", "thành phố", "hồ chí minh"]
    # each sentence by its own case, whatever came before it, in one text or
    # in the calls before on the same Segmenter
    lines = ["Ông Phạm Bình Minh đến Hà Nội.", "ông phạm bình minh đến hà nội.",
             "ÔNG PHẠM BÌNH MINH ĐẾN HÀ NỘI.", "1.500 - 2.000", "Hà Nội, ngày 5"]
    alone = [vntext.Segmenter().word_tokenize(line) for line in lines]
    seg = vntext.Segmenter()
    for order in (lines, lines[::-1], lines + lines):
        assert [seg.word_tokenize(line) for line in order] == \
            [alone[lines.index(line)] for line in order]
        joined = vntext.word_tokenize("\n".join(order))
        assert joined == [w for line in order for w in alone[lines.index(line)]]


@pytest.mark.parametrize("name", [
    "Triều Tiên", "Hy Lạp", "Thổ Nhĩ Kỳ", "Cu Ba", "Nam Phi", "Thâm Quyến", "Mê Kông",
    "Đắk Lắk", "Hán Thành",
])
def test_place_names_of_the_gazetteer(name):
    # names of tools/gazetteer.txt that VLSP train has too few times for its
    # word list: one word at the start of a sentence too, where every word
    # has a capital, in either tone style, and in text without capitals
    for text in ("{} phóng vệ tinh.", "Thủ tướng {} Nguyễn Văn An đến.",
                 "quan hệ với {} đang tốt."):
        assert name in vntext.word_tokenize(text.format(name))
        lower = text.format(name).lower()
        assert name.lower() in vntext.word_tokenize(lower)
        traditional = vntext.normalize(text.format(name), style="traditional")
        assert vntext.word_spans(traditional) == vntext.word_spans(text.format(name))


@pytest.mark.parametrize("text, words", [
    # a hyphen typed without spaces between two words segments as " - " does
    # when a word goes on through the syllable beside it ...
    ("cao tốc Hà Nội-Hải Phòng", ["cao tốc", "Hà Nội", "-", "Hải Phòng"]),
    ("khu vực Ấn Độ Dương-Thái Bình Dương", ["khu vực", "Ấn Độ Dương", "-", "Thái Bình Dương"]),
    ("tuyến Hồ Chí Minh-Long Thành-Dầu Giây",
     ["tuyến", "Hồ Chí Minh", "-", "Long Thành", "-", "Dầu Giây"]),
    ("phát triển kinh tế-xã hội", ["phát triển", "kinh tế", "-", "xã hội"]),
    # an abbreviation on one side counts as a word (its part next to the hyphen)
    ("tuyến TP.HCM-Cần Thơ", ["tuyến", "TP.HCM", "-", "Cần Thơ"]),
    ("tuyến Hà Nội-TP.HCM", ["tuyến", "Hà Nội", "-", "TP.HCM"]),
    ("tuyến Tp.HCM-Hà Nội", ["tuyến", "Tp.HCM", "-", "Hà Nội"]),
    # ... and stays inside one word otherwise, as the corpora write it
    ("liên minh Mỹ-Nhật", ["liên minh", "Mỹ-Nhật"]),
    ("tiêm vắc-xin cho trẻ", ["tiêm", "vắc-xin", "cho", "trẻ"]),  # "vắc xin" is a word
    ("vắc-xin", ["vắc-xin"]),
    ("gửi e-mail", ["gửi", "e-mail"]),
    ("máy bay F-35", ["máy bay", "F-35"]),
    ("giai đoạn 2021-2025", ["giai đoạn", "2021-2025"]),
    ("người Ê-đê", ["người", "Ê-đê"]),  # one letter, in NFD too
    ("ông Kim Jong-un", ["ông", "Kim Jong-un"]),
    ("chuyến HN-TP.HCM", ["chuyến", "HN-TP.HCM"]),  # no lexicon word beside it
    ("ông D.T.H-HOÀNG", ["ông", "D.T.H-HOÀNG"]),  # initials: one letter by the hyphen
])
def test_hyphen_between_words(text, words):
    assert vntext.word_tokenize(text) == words
    nfd = unicodedata.normalize("NFD", text)
    assert [unicodedata.normalize("NFC", w) for w in vntext.word_tokenize(nfd)] == words
    assert [text[s:e] for s, e in vntext.word_spans(text)] == words
    spaced = text.replace("-", " - ")
    if words.count("-"):
        assert vntext.word_tokenize(spaced) == words


@pytest.mark.parametrize("text, words", [
    # a slash typed between words is a word of its own, as the corpora and
    # underthesea write it; numbers and addresses keep theirs
    ("giá 50.000 đồng/kg", ["giá", "50.000", "đồng", "/", "kg"]),
    ("phòng chống HIV/AIDS", ["phòng chống", "HIV", "/", "AIDS"]),
    ("học sinh/sinh viên", ["học sinh", "/", "sinh viên"]),
    ("(Ảnh: AFP/TTXVN)", ["(", "Ảnh", ":", "AFP", "/", "TTXVN", ")"]),
    ("giá 50.000đ/kg", ["giá", "50.000đ", "/", "kg"]),
    ("lãi suất 7%/năm", ["lãi suất", "7%", "/", "năm"]),
    ("ngày 19/4", ["ngày", "19/4"]),
    ("tỉ lệ 2/3", ["tỉ lệ", "2/3"]),
    ("xem https://vnexpress.net/a/b", ["xem", "https://vnexpress.net/a/b"]),
])
def test_slash_between_words(text, words):
    assert vntext.word_tokenize(text) == words
    assert vntext.word_tokenize(text, format="text") == " ".join(w.replace(" ", "_") for w in words)


@pytest.mark.parametrize("text, words", [
    # a syllable written onto an abbreviation is read as that syllable, and
    # the token stays inside its word, as the corpora write "P.Tân_Định"
    ("ở TP.Hồ Chí Minh", ["ở", "TP.Hồ Chí Minh"]),
    ("ở P.Tân Định, Q. 1", ["ở", "P.Tân Định", ",", "Q.", "1"]),
    ("ở TP.HCM", ["ở", "TP.HCM"]),
    ("ông N.V.Tâm và GS.Nguyễn", ["ông", "N.V.Tâm", "và", "GS.Nguyễn"]),
    # but capitals that are no abbreviation before a name (an acronym, a
    # Roman numeral, a finished abbreviation) end there: a sentence typed
    # without the space
    ("yêu VN.Hôm nay", ["yêu", "VN", ".", "Hôm nay"]),
    # a lower-case syllable does not go on into a Vietnamese one after a
    # period (initials and ASCII parts do: t.ngọc, ng.hà, v.v, abc.xyz)
    ("Giao hàng nhanh.đóng gói", ["Giao", "hàng", "nhanh", ".", "đóng gói"]),
    ("anh t.ngọc, ng.hà, l.th.hà, v.v, abc.xyz",
     ["anh", "t.ngọc", ",", "ng.hà", ",", "l.th.hà", ",", "v.v", ",", "abc.xyz"]),
    ("ở TP.HCM.Bạn", ["ở", "TP.HCM", ".", "Bạn"]),
    ("II.Nội dung", ["II", ".", "Nội dung"]),
    ("đội U23.Họ", ["đội", "U23", ".", "Họ"]),
])
def test_syllable_written_onto_an_abbreviation(text, words):
    assert vntext.word_tokenize(text) == words
    nfd = unicodedata.normalize("NFD", text)
    assert [unicodedata.normalize("NFC", w) for w in vntext.word_tokenize(nfd)] == words


def test_slash_kept_by_the_user_dictionary():
    seg = vntext.Segmenter(user_dict=["HIV/AIDS"])
    assert seg.word_tokenize("phòng chống HIV/AIDS") == ["phòng chống", "HIV/AIDS"]
    assert vntext.word_tokenize("phòng chống HIV/AIDS", fixed_words=["HIV/AIDS"])[-1] == "HIV/AIDS"


def test_user_word_with_a_hyphen():
    # a user word written with a hyphen between words is found where the
    # text writes it so, and keeps the hyphen inside
    text = "ở tỉnh Bà Rịa-Vũng Tàu và Hà Nội-Hải Phòng"
    assert vntext.word_tokenize(text)[2:5] == ["Bà Rịa", "-", "Vũng Tàu"]
    seg = vntext.Segmenter(user_dict=["Bà Rịa-Vũng Tàu", "Hà Nội-Hải Phòng"])
    assert seg.word_tokenize(text) == ["ở", "tỉnh", "Bà Rịa-Vũng Tàu", "và", "Hà Nội-Hải Phòng"]
    assert vntext.word_tokenize(text, fixed_words=["Hà Nội-Hải Phòng"])[-1] == "Hà Nội-Hải Phòng"
    assert vntext.Segmenter(user_dict=["vắc-xin ngừa"]).word_tokenize("tiêm vắc-xin ngừa cúm") == [
        "tiêm", "vắc-xin ngừa", "cúm"]


def test_hyphen_between_words_reads_the_user_dictionary():
    text = "ghé quán Út Mập-Tư Dũng"
    assert "-" not in vntext.word_tokenize(text)
    seg = vntext.Segmenter(user_dict=["Út Mập"])
    assert seg.word_tokenize(text) == ["ghé", "quán", "Út Mập", "-", "Tư Dũng"]
    seg = vntext.Segmenter(user_dict=["tư dũng"])
    assert seg.word_tokenize(text) == ["ghé", "quán", "Út Mập", "-", "Tư Dũng"]


def test_segmenters_with_dictionaries_share_the_model():
    # Segmenter(user_dict=...) derives from the default model's tables and
    # Segmenter(model_path, user_dict) from the file it loads, which it then
    # lets go: the tables live as long as a Segmenter uses them
    import gc
    shipped = os.path.join(os.path.dirname(vntext.__file__), "segmenter.bin")
    text = "Mỹ sẽ bảo vệ Nhật Bản"
    want = ["Mỹ", "sẽ bảo", "vệ", "Nhật Bản"]
    from_file = vntext.Segmenter(model_path=shipped, user_dict=["sẽ bảo"])
    gc.collect()
    segs = [vntext.Segmenter(user_dict=["sẽ bảo", "x y%d" % i]) for i in range(50)]
    assert from_file.word_tokenize(text) == want
    assert all(s.word_tokenize(text) == want for s in segs)
    assert vntext.word_tokenize(text) == ["Mỹ", "sẽ", "bảo vệ", "Nhật Bản"]
    # the memory it uses: the model's tables and its own few words
    plain = vntext.Segmenter().memory
    assert plain <= from_file.memory < plain + 64 * 1024
    assert plain <= segs[0].memory == segs[1].memory < plain + 64 * 1024
    del segs
    gc.collect()
    assert from_file.word_tokenize(text) == want


@pytest.mark.parametrize("word", ["", " ", "\t ", "\u00a0", "\u200b", "\ufeff \u3000"])
def test_empty_dictionary_words_raise(word):
    # an empty word or one of white space only was counted and ignored
    for arg in ("user_dict", "user_split"):
        with pytest.raises(ValueError, match=r"^Segmenter\(\) argument '%s': a word cannot be "
                                             r"empty or white space only: " % arg):
            vntext.Segmenter(**{arg: ["sẽ bảo", word]})
    for fn in (vntext.word_tokenize, vntext.word_spans):
        with pytest.raises(ValueError, match=r"^%s\(\) argument 'fixed_words': a word cannot "
                                             r"be empty" % fn.__name__):
            fn("Mỹ sẽ bảo vệ", fixed_words=[word])
    # a word with white space around it is a word
    seg = vntext.Segmenter(user_dict=[word + "sẽ bảo" + word])
    assert seg.word_tokenize("Mỹ sẽ bảo vệ") == ["Mỹ", "sẽ bảo", "vệ"]


def test_dictionary_words_written_with_underscores():
    # "sẽ_bảo", as segmented corpora write a word, means "sẽ bảo"
    text = "Mỹ sẽ bảo vệ Nhật Bản"
    want = ["Mỹ", "sẽ bảo", "vệ", "Nhật Bản"]
    for word in ("sẽ_bảo", "sẽ bảo", "SẼ_BẢO"):
        assert vntext.Segmenter(user_dict=[word]).word_tokenize(text) == want
        assert vntext.word_tokenize(text, fixed_words=[word]) == want
    seg = vntext.Segmenter(user_dict=["Nhật_Bản_vệ"], user_split=["bảo_vệ", "Nhật_Bản"])
    assert seg.word_tokenize(text) == ["Mỹ", "sẽ", "bảo", "vệ", "Nhật", "Bản"]
    assert vntext.word_tokenize("vệ Nhật Bản", fixed_words=["vệ_Nhật_Bản"]) == ["vệ Nhật Bản"]
    # an underscore at an edge or beside another is not a space
    assert vntext.Segmenter(user_split=["_bảo vệ_", "bảo__vệ"]).word_tokenize(text) == \
        vntext.word_tokenize(text)
    # text already segmented stays one word of its own
    assert vntext.Segmenter(user_split=["bảo_vệ"]).word_tokenize("Mỹ sẽ bảo_vệ") == \
        ["Mỹ", "sẽ", "bảo_vệ"]


def test_one_syllable_dictionary_words_are_words_of_their_own():
    assert vntext.word_tokenize("Tôi yêu Việt Nam") == ["Tôi", "yêu", "Việt Nam"]
    for words in (["Việt"], ["nam"], ["VIỆT", "Nam"]):
        seg = vntext.Segmenter(user_dict=words)
        assert seg.word_tokenize("Tôi yêu Việt Nam") == ["Tôi", "yêu", "Việt", "Nam"]
        assert seg.word_tokenize("Việt Nam") == ["Việt", "Nam"]
        assert vntext.word_tokenize("Việt Nam", fixed_words=words) == ["Việt", "Nam"]
        assert vntext.Segmenter(user_split=words).word_tokenize("Việt Nam") == ["Việt", "Nam"]
    # a longer word that holds it wins: the longest at a place, the first of two
    assert vntext.Segmenter(user_dict=["Việt", "Việt Nam"]).word_tokenize("Việt Nam") == \
        ["Việt Nam"]
    seg = vntext.Segmenter(user_dict=["Nam", "Việt Nam", "sẽ bảo"])
    assert seg.word_tokenize("Việt Nam sẽ bảo vệ") == ["Việt Nam", "sẽ bảo", "vệ"]
    assert seg.word_tokenize("Nam sẽ bảo vệ") == ["Nam", "sẽ bảo", "vệ"]


def test_fixed_words_as_in_underthesea():
    text = "Viện Nghiên cứu chiến lược quốc gia về học máy"
    fixed = ["Viện Nghiên cứu", "học máy"]
    plain = vntext.word_tokenize(text)
    assert "học máy" not in plain and "Viện Nghiên cứu" not in plain
    want = vntext.Segmenter(user_dict=fixed).word_tokenize(text)
    assert "học máy" in want and "Viện Nghiên cứu" in want
    assert vntext.word_tokenize(text, fixed_words=fixed) == want
    # any iterable; the same words again (the kept segmenter), then others
    assert vntext.word_tokenize(text, fixed_words=iter(fixed)) == want
    assert vntext.word_tokenize(text, "text", fixed_words=tuple(fixed)) == \
        "_".join(want[0].split()) + " " + " ".join("_".join(w.split()) for w in want[1:])
    assert vntext.word_spans(text, fixed_words=fixed) == \
        vntext.Segmenter(user_dict=fixed).word_spans(text)
    one = vntext.word_tokenize(text, fixed_words=["học máy"])
    assert "học máy" in one and "Viện Nghiên cứu" not in one
    assert vntext.word_tokenize(text, fixed_words=fixed) == want
    # none or an empty list: the default segmenter, untouched
    assert vntext.word_tokenize(text, fixed_words=[]) == plain
    assert vntext.word_tokenize(text, fixed_words=None) == plain
    assert vntext.word_tokenize(text) == plain
    # matched by syllable identity, like user_dict
    assert "HỌC MÁY" in vntext.word_tokenize(text.upper(), fixed_words=["học máy"])


@pytest.mark.parametrize("bad, exc, msg", [
    ("học máy", TypeError, "not a single str"),
    (b"hoc may", TypeError, "not a single bytes"),
    (3, TypeError, "iterable of str, not int"),
    (["học máy", 3], TypeError, "must hold str words, not int"),
    (["học\nmáy"], ValueError, "line break"),
    (["học\u2028máy"], ValueError, "a word cannot hold a line break"),
    (["học\x0cmáy"], ValueError, "line break"),
    (["\udc80"], UnicodeEncodeError, "surrogate"),
])
def test_fixed_words_errors(bad, exc, msg):
    for fn in (vntext.word_tokenize, vntext.word_spans):
        with pytest.raises(exc, match=msg) as e:
            fn("học máy", fixed_words=bad)
        if exc is not UnicodeEncodeError:
            assert "fixed_words" in str(e.value) and fn.__name__ in str(e.value)
    # the error leaves the functions as they were
    assert vntext.word_tokenize("học máy", fixed_words=["học máy"]) == ["học máy"]


def test_underthesea_argument_names_and_order():
    # underthesea: word_tokenize(sentence, format=None, use_token_normalize=True,
    # fixed_words=None); moving over is a change of import
    import inspect
    text = "Mỹ sẽ bảo vệ Nhật Bản"
    seg = vntext.Segmenter()
    assert list(inspect.signature(vntext.word_tokenize).parameters) == \
        ["text", "format", "use_token_normalize", "fixed_words", "sentence"]
    assert list(inspect.signature(seg.word_tokenize).parameters) == \
        ["text", "format", "use_token_normalize", "sentence"]
    plain = vntext.word_tokenize(text)
    assert vntext.word_tokenize(sentence=text) == plain == seg.word_tokenize(sentence=text)
    assert vntext.word_tokenize(sentence=text, format="text") == "Mỹ sẽ bảo_vệ Nhật_Bản"
    assert seg.word_tokenize(sentence=text, format="text") == "Mỹ sẽ bảo_vệ Nhật_Bản"
    # sentence=None beside text is the default
    assert vntext.word_tokenize(text, sentence=None) == plain
    # use_token_normalize and fixed_words by position, in underthesea's order
    fixed = ["sẽ bảo"]
    want = ["Mỹ", "sẽ bảo", "vệ", "Nhật Bản"]
    assert vntext.word_tokenize(text, None, False, fixed) == want
    assert vntext.word_tokenize(text, None, True, fixed) == want
    assert vntext.word_tokenize(sentence=text, fixed_words=fixed) == want
    assert vntext.word_tokenize(text, "text", False, fixed) == "Mỹ sẽ_bảo vệ Nhật_Bản"
    assert vntext.word_tokenize(text, None, False) == plain == seg.word_tokenize(text, None, False)
    assert vntext.word_tokenize(text, format="text", use_token_normalize=False) == \
        "Mỹ sẽ bảo_vệ Nhật_Bản"
    # word_spans has no format nor use_token_normalize: fixed_words by name
    with pytest.raises(TypeError, match="at most 1 positional"):
        vntext.word_spans("học máy", ["học máy"])


@pytest.mark.parametrize("call, msg", [
    (lambda: vntext.word_tokenize("a", sentence="b"), "got both 'text' and 'sentence'"),
    (lambda: vntext.word_tokenize(text="a", sentence="b"), "got both 'text' and 'sentence'"),
    (lambda: vntext.word_tokenize(), r"missing required argument 'text'"),
    (lambda: vntext.word_tokenize(sentence=None), r"argument 'sentence' must be str, not NoneType"),
    (lambda: vntext.word_tokenize(sentence=b"a"), r"argument 'sentence' must be str, not bytes"),
    (lambda: vntext.word_tokenize(None), r"argument 'text' must be str, not NoneType"),
    (lambda: vntext.word_tokenize("a", None, False, None, 1), "at most 4 positional"),
    (lambda: vntext.word_tokenize("a", None, 1), "'use_token_normalize' must be True or False, not int"),
    (lambda: vntext.word_tokenize("a", use_token_normalize=None), "'use_token_normalize' must be"),
    (lambda: vntext.word_tokenize("a", None, ["a b"]), "'use_token_normalize' must be True or Fa"),
    (lambda: vntext.word_tokenize("a", text="c"), "got multiple values for argument .text."),
    (lambda: vntext.word_tokenize("a", use_token_normalize="yes"), "not str"),
])
def test_underthesea_argument_errors(call, msg):
    with pytest.raises(TypeError, match=r"^word_tokenize\(\) .*" + msg):
        call()


def test_segmenter_word_tokenize_argument_errors():
    seg = vntext.Segmenter()
    with pytest.raises(TypeError, match=r"^Segmenter\.word_tokenize\(\) got both 'text' and 'sen"):
        seg.word_tokenize("a", sentence="b")
    with pytest.raises(TypeError, match=r"at most 3 positional"):
        seg.word_tokenize("a", None, False, ["a b"])
    with pytest.raises(TypeError, match=r"'fixed_words'.*Segmenter\(user_dict=fixed_words\)"):
        seg.word_tokenize("học máy", fixed_words=["học máy"])
    with pytest.raises(TypeError, match=r"^Segmenter\.word_tokenize\(\) argument "
                                        r"'use_token_normalize' must be True or False, not int"):
        seg.word_tokenize("a", use_token_normalize=0)


def text_format_of(words):
    """The text format of a list of words: the white space inside each one
    '_', the words joined by ' '."""
    return " ".join(INLINE_SPACE.sub("_", w) for w in words)


def test_use_token_normalize():
    text = "Chúc mọi người khoẻ mạnh, hoà thuận và bình an, Ha\u0300 No\u0323\u0302i qúy"
    words = vntext.word_tokenize(text)
    # the default: the words as written, substrings of text
    assert vntext.word_tokenize(text, use_token_normalize=False) == words
    assert "khoẻ mạnh" in words and "Ha\u0300 No\u0323\u0302i" in words
    got = vntext.word_tokenize(text, use_token_normalize=True)
    assert got == [vntext.normalize(w) for w in words]
    assert "khỏe mạnh" in got and "hòa thuận" in got and "Hà Nội" in got and "quý" in got
    # the same words: only their spelling changes
    assert len(got) == len(words) == len(vntext.word_spans(text))
    assert vntext.word_tokenize(text, "text", True) == text_format_of(got)
    assert "khỏe_mạnh" in vntext.word_tokenize(text, "text", True).split(" ")
    seg = vntext.Segmenter(user_dict=["bình an"])
    assert seg.word_tokenize(text, None, True) == [vntext.normalize(w) for w in seg.word_tokenize(text)]
    assert seg.word_tokenize(text, "text", True) == text_format_of(seg.word_tokenize(text, None, True))
    # text with nothing to change: equal words (ASCII ones are the very same objects)
    clean = "Mỹ sẽ bảo vệ Nhật Bản, OK"
    assert vntext.word_tokenize(clean, None, True) == vntext.word_tokenize(clean)
    assert vntext.word_tokenize(clean, "text", True) == vntext.word_tokenize(clean, "text")
    assert vntext.word_tokenize("", None, True) == [] and vntext.word_tokenize("", "text", True) == ""
    # the text format is that of the normalized words, not normalize() of the
    # text format, which would keep user_hoà as an identifier
    assert vntext.normalize("user_hoà") == "user_hoà"
    assert vntext.word_tokenize("user hoà", None, True, ["user hoà"]) == ["user hòa"]
    assert vntext.word_tokenize("user hoà", "text", True, ["user hoà"]) == "user_hòa"


def run_in_threads(n, fn):
    """fn(i) for i in range(n), in n threads started together; the results by i."""
    got = {}
    barrier = threading.Barrier(n)

    def run(i):
        barrier.wait()
        got[i] = fn(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return got


def test_threads_share_one_segmenter():
    seg = vntext.Segmenter()
    # long texts release the GIL; calls reuse the segmenter's scratch
    # spaces (and their caches of token identities), up to one a thread;
    # a sentence of 100,000 syllables grows a scratch space past the size
    # that is kept, so that one is freed
    texts = [
        "Mỹ sẽ bảo vệ Nhật Bản. " * 5000,
        "Học sinh giỏi thì phải học thật chăm chỉ. " * 3000,
        "Hoà bình, HÒA BÌNH và hòa bình.",
        "Ông Nguyễn Văn A đi Hà Nội.",
        "Thành phố Hồ Chí Minh rất đông. " * 9000,
        "học sinh giỏi " * 33_334,
    ]
    want = [seg.word_tokenize(t) for t in texts]
    got = run_in_threads(6, lambda i: [seg.word_tokenize(texts[(i + k) % len(texts)])
                                       for k in range(6)])
    for i in range(6):
        assert got[i] == [want[(i + k) % len(texts)] for k in range(6)]


def test_threads_on_paragraphs():
    # paragraphs of 256 bytes or more are segmented without the GIL, so
    # several calls run at once, each with a scratch space of its own (kept
    # for the next calls, up to a number of them)
    seg = vntext.Segmenter()
    paras = [" ".join(["Ông Nguyễn Văn A đi Hà Nội hôm %d." % k,
                       "Học sinh giỏi thì phải học thật chăm chỉ!"] * (3 + k % 9))
             for k in range(60)]
    assert min(len(p.encode()) for p in paras) >= 256
    want = [(seg.word_tokenize(p), seg.word_spans(p)) for p in paras]
    got = run_in_threads(12, lambda i: [(seg.word_tokenize(paras[(i + k) % 60]),
                                         seg.word_spans(paras[(i + k) % 60]))
                                        for k in range(60)])
    for i in range(12):
        assert got[i] == [want[(i + k) % 60] for k in range(60)]


text_st = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạ ,.;:!?()\"'-/%@#_\n\t0123456789"
                             "ÀÁẢÃẠĐHÒAHOÀ") + ["\u0300", "\u0301", "\u0323", "😀", "\u00a0"]),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(text_st)
def test_properties(text):
    words = vntext.word_tokenize(text)
    spans = vntext.word_spans(text)
    assert len(words) == len(spans)
    assert [text[s:e] for s, e in spans] == words
    assert "".join(words).split() == [] or "".join("".join(words).split()) == "".join(text.split())
    last = 0
    for s, e in spans:
        assert last <= s < e
        last = e
        assert "\n" not in text[s:e]
    joined = vntext.word_tokenize(text, format="text")
    assert len(joined.split(" ")) == len(words) or not words
    # the text format is the words, the white space inside each one '_',
    # joined by ' '; made from the pieces of the words, it must also be a str
    # of the narrowest kind (== compares kinds first; isascii() reads the
    # flag of the ASCII kind)
    want = " ".join(INLINE_SPACE.sub("_", w) for w in words)
    assert joined == want
    assert joined.isascii() == all(ord(c) < 128 for c in joined)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "M.", "MO.ĐI", "Q.3.", "TP.HCM.", "ĐI.ANH", "VỀ", "NAM", "A.", "...", ".", "?", "\"",
    "1.", "ÔNG", "\v", "\n", " ", " ", "Ể", "M. MO.ĐI", "TÔI ĐI.ANH VỀ.",
]), max_size=30).map("".join))
def test_capitals_keep_every_word_in_a_sentence(text):
    # a text in capitals splits into sentences as its lower case does; every
    # word is still in one sentence and no text is lost
    ends = {b for _, b in vntext.sent_spans(text)}
    spans = vntext.word_spans(text)
    assert not any(a < e < b for a, b in spans for e in ends)
    assert "".join("".join(text[a:b] for a, b in spans).split()) == "".join(text.split())


# white space without a line break, as the C library has it: \t, Zs, the
# zero-width space and the byte order mark (\v and \f break lines)
INLINE_SPACE = re.compile("[\t \xa0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+")


@pytest.mark.parametrize("text,want", [
    ("a\u3000b", "a b"),                     # a two-byte str whose words are ASCII
    ("bảo\u3000vệ", "bảo_vệ"),
    ("é\u2003x y", "é x y"),
    ("😀 chào", "😀 chào"),
    ("x\u00a0\u00a0y", "x y"),
    # the widest code point comes last, or only in white space, or is lost
    # with the white space: the result is as narrow as its own code points
    ("a b c d e f g ạ", "a b c d e f g ạ"),
    ("ab cd ef gh ij 😀", "ab cd ef gh ij 😀"),
    ("x y z w é", "x y z w é"),
    ("é\u3000x\u3000y", "é x y"),
    ("😀 ạ é a", "😀 ạ é a"),
    ("ạ\U0001F600", "ạ 😀"),
])
def test_text_format_kinds(text, want):
    got = vntext.word_tokenize(text, format="text")
    words = vntext.word_tokenize(text)
    assert got == " ".join(INLINE_SPACE.sub("_", w) for w in words)
    assert got.replace("_", " ") == want.replace("_", " ")
    assert got.isascii() == all(ord(c) < 128 for c in got)


# pieces that make letter runs next to numbers, addresses, tags and marks
RUN_ALPHABET = st.sampled_from(
    list("aăâbdđeêghiklmnoôơuưyàáạ ,.;:!?()'-/%@#_\n0123456789ĐÒÀ°³½中ßǅ٣")
    + ["\u0300", "\u0301", "\u0323", "😀", "\u00a0", "http://", "www.", ".vn", ".net",
       "@x.com", "x@", "TP.", "v.v."])


@settings(max_examples=400, deadline=None)
@given(st.lists(RUN_ALPHABET, max_size=40).map("".join))
def test_no_word_ends_inside_a_letter_run(text):
    """Two letters side by side, or a mark after a letter, mark or digit, are
    never in two words ("13giờ", "a@b.comă", NFD after a digit), nor in two
    sentences."""
    for spans in (vntext.word_spans(text), vntext.sent_spans(text)):
        starts = {s for s, _ in spans}
        ends = {e for _, e in spans}
        for i in range(1, len(text)):
            a, b = unicodedata.category(text[i - 1])[0], unicodedata.category(text[i])[0]
            if (a == "L" and b == "L") or (b == "M" and a in "LMN"):
                assert not (i in ends and i in starts), (text, i, spans)


def read_sample():
    with open(SAMPLE, encoding="utf-8") as f:
        return [line.split() for line in f if line.strip() and not line.startswith("#")]


def test_f1_floor_on_ud_vtb_sample():
    tp = npred = ngold = 0
    sents = read_sample()
    assert len(sents) >= 150
    for words in sents:
        words = [w.replace("_", " ") for w in words]
        text = " ".join(words)
        gold, pos = set(), 0
        for w in words:
            gold.add((pos, pos + len(w)))
            pos += len(w) + 1
        pred = vntext.word_spans(text)
        tp += sum(1 for s in pred if s in gold)
        npred += len(pred)
        ngold += len(gold)
    p, r = tp / npred, tp / ngold
    f1 = 200 * p * r / (p + r)
    assert f1 >= 95.0, f1


def test_segmenter_pickles(tmp_path):
    import pickle

    text = "Mỹ sẽ bảo vệ Nhật Bản"
    model = tmp_path / "model.bin"
    model.write_bytes((Path(vntext.__file__).parent / "segmenter.bin").read_bytes())
    for seg in (vntext.Segmenter(),
                vntext.Segmenter(user_split=iter(["bảo vệ"])),  # read once, kept
                vntext.Segmenter(model, user_dict=("sẽ bảo vệ",), user_split=["Nhật Bản"])):
        again = pickle.loads(pickle.dumps(seg))
        assert type(again) is vntext.Segmenter and again is not seg
        assert again.word_tokenize(text) == seg.word_tokenize(text)
        assert again.word_spans(text) == seg.word_spans(text)
    assert again.word_tokenize(text) == ["Mỹ", "sẽ bảo vệ", "Nhật", "Bản"]
    assert pickle.loads(pickle.dumps(vntext.Segmenter(user_split=iter(["bảo vệ"])))) \
        .word_tokenize(text)[2:4] == ["bảo", "vệ"]
    assert repr(again) == ("vntext.Segmenter(model_path=%r, user_dict=<1 word>, "
                           "user_split=<1 word>)" % str(model))
    assert repr(vntext.Segmenter()) == \
        "vntext.Segmenter(model_path=None, user_dict=<0 words>, user_split=<0 words>)"


def test_unpickling_the_same_segmenter_loads_its_model_once():
    # multiprocessing pickles a Segmenter with every task of
    # pool.imap(seg.word_tokenize, lines): a worker that loaded the model
    # for each task ran 100 times slower than serial (user review)
    import pickle

    text = "Mỹ sẽ bảo vệ Nhật Bản"
    data = pickle.dumps(vntext.Segmenter(user_dict=["bảo vệ Nhật"]))
    first = pickle.loads(data)
    assert pickle.loads(data) is first
    assert first.word_tokenize(text) == ["Mỹ", "sẽ", "bảo vệ Nhật", "Bản"]
    # no arguments: the default segmenter of the module-level functions
    assert pickle.loads(pickle.dumps(vntext.Segmenter())) is \
        pickle.loads(pickle.dumps(vntext.Segmenter()))
    # other words, another Segmenter; the last four restored are kept
    others = [pickle.loads(pickle.dumps(vntext.Segmenter(user_split=[w])))
              for w in ("bảo vệ", "Nhật Bản", "sẽ", "Mỹ")]
    assert len({id(o) for o in others}) == 4 and first not in others
    assert others[0].word_tokenize(text)[2:4] == ["bảo", "vệ"]
    again = pickle.loads(data)
    assert again is not first and again.word_tokenize(text) == first.word_tokenize(text)
    assert pickle.loads(pickle.dumps(vntext.Segmenter(user_split=["Mỹ"]))) is others[3]


def test_segmenter_keeps_plain_str_words():
    # words of a str subclass are kept as plain str: comparing them runs no
    # Python code, and none can refer back to the Segmenter (a cycle that
    # no collector sees; user review)
    import pickle

    class Word(str):
        pass

    w = Word("học máy")
    seg = vntext.Segmenter(user_dict=[w], user_split=(Word("bảo vệ"),))
    w.owner = seg
    args = seg.__reduce__()[1]
    assert all(type(x) is str for x in args[1] + args[2])
    assert args[1] == ("học máy",) and args[1][0] is not w
    assert pickle.loads(pickle.dumps(seg)).word_tokenize("tôi học máy") == ["tôi", "học máy"]


def test_fixed_words_whose_comparison_calls_vntext():
    # the kept list of fixed_words was compared through a borrowed pointer:
    # a word whose __eq__ ran vntext again (or let another thread in) freed
    # it mid-comparison, and the call got the other list's segmenter
    text = "Viện Nghiên cứu chiến lược quốc gia về học máy"
    words = ["Viện Nghiên cứu", "học máy"]
    fired = []

    class W(str):
        def __eq__(self, other):
            if str.__eq__(self, "học máy") and not fired:
                fired.append(1)
                vntext.word_tokenize(text, fixed_words=["chiến lược quốc gia về"])
            return str.__eq__(self, other)
        __hash__ = str.__hash__

    want = vntext.Segmenter(user_dict=words).word_tokenize(text)
    assert vntext.word_tokenize(text, fixed_words=words) == want
    assert vntext.word_tokenize(text, fixed_words=[W(w) for w in words]) == want
    assert vntext.word_tokenize(text, fixed_words=[W(w) for w in words]) == want


def test_first_segmenter_at_interpreter_shutdown():
    # the model file is read with io.open taken at import: a first call in
    # a __del__ at exit, when no import works, raised ImportError
    import subprocess
    import sys

    code = ("import vntext\n"
            "class Flush:\n"
            "    def __del__(self):\n"
            "        print(vntext.word_tokenize('Mỹ sẽ bảo vệ Nhật Bản'))\n"
            "        print(vntext.Segmenter('%s', user_dict=['bảo vệ Nhật'])"
            ".word_tokenize('bảo vệ Nhật Bản'))\n"
            "keep = Flush()\n" % (Path(vntext.__file__).parent / "segmenter.bin"))
    p = subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=120)
    out = p.stdout.decode("utf-8")
    assert p.returncode == 0 and "Error" not in p.stderr.decode("utf-8", "replace"), p.stderr
    assert "['Mỹ', 'sẽ', 'bảo vệ', 'Nhật Bản']" in out
    assert "['bảo vệ Nhật', 'Bản']" in out


def test_pickled_segmenter_keeps_an_absolute_model_path(tmp_path, monkeypatch):
    # a relative model_path is made absolute, so that a worker started in
    # another directory finds the file (user review)
    import pickle

    (tmp_path / "m.bin").write_bytes((Path(vntext.__file__).parent / "segmenter.bin").read_bytes())
    monkeypatch.chdir(tmp_path)
    seg = vntext.Segmenter("m.bin", user_dict=["bảo vệ Nhật"])
    assert str(tmp_path / "m.bin") in repr(seg)
    data = pickle.dumps(seg)
    monkeypatch.chdir(tmp_path.parent)
    assert pickle.loads(data).word_tokenize("Mỹ sẽ bảo vệ Nhật Bản")[2] == "bảo vệ Nhật"


def test_segmenter_goes_to_worker_processes():
    # a bound method of a Segmenter with a user dictionary, to processes
    # started afresh (the spawn method, the default on macOS and Windows)
    import multiprocessing

    seg = vntext.Segmenter(user_split=["bảo vệ"])
    texts = ["Mỹ sẽ bảo vệ Nhật Bản", "Học sinh giỏi bảo vệ luận văn"]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        got = pool.map(seg.word_tokenize, texts)
    assert got == [seg.word_tokenize(t) for t in texts]
    assert "bảo" in got[1] and "vệ" in got[1]


def test_a_long_text_segments_as_its_lines():
    # a text longer than the 64 KB window is scanned a window at a time;
    # since a line break ends a sentence and each line is read in its own
    # case, its words are those of its lines segmented one by one
    with open(SAMPLE, encoding="utf-8") as f:
        lines = [line.strip().replace("_", " ") for line in f if line.strip()]
    lines = [line if i % 3 else line.upper() if i % 2 else line.lower()
             for i, line in enumerate(lines)]
    lines = (lines + [" . ".join(lines[:40])]) * 12  # and a line of 40 sentences
    for sep in ("\n", "\r\n \n"):
        text = sep.join(lines)
        assert len(text.encode("utf-8")) > 4 * 64 * 1024
        want, at = [], 0
        for line in lines:
            want += [(a + at, b + at) for a, b in vntext.word_spans(line)]
            at += len(line) + len(sep)
        assert vntext.word_spans(text) == want
        assert vntext.word_tokenize(text, format="text") == \
            vntext.word_tokenize(text.replace(sep, "\n"), format="text")


syllable_text_st = st.lists(st.sampled_from([
    "hoà", "hòa", "khoẻ", "khỏe", "thuỷ", "qúy", "gìa", "Ho\u0300a", "Viêt\u0323", "bình", "an",
    "Nhật", "Bản", "user", "2023", "3,5%", "TP.HCM", "_", "-", ".", ",", "😀", "https://a.vn/hoà",
    " ", " ", " ", "  ", "\u00a0", "\n", "\t", "\u200b",
]), max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(syllable_text_st, text_st))
def test_use_token_normalize_properties(text):
    words = vntext.word_tokenize(text)
    got = vntext.word_tokenize(text, use_token_normalize=True)
    assert got == [vntext.normalize(w) for w in words]
    assert vntext.word_tokenize(text, "text", True) == text_format_of(got)
    seg = vntext.Segmenter()
    assert seg.word_tokenize(sentence=text, use_token_normalize=True) == got
