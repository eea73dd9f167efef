"""Tests of the Python binding: argument checking, errors, object identity,
large inputs, threads, the documented examples and `python -m vntext`.
What the normalizer does to Vietnamese text is tested elsewhere."""

import doctest
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import vntext
from vntext import _vntext

ENCODINGS = ["tcvn3", "vni", "viqr", "viscii", "vps", "cp1258"]


def fresh(s):
    """A new str object equal to s (not an interned or cached constant)."""
    return "".join(list(s))


# --- argument types -------------------------------------------------------

@pytest.mark.parametrize(
    "call, func, arg, got",
    [
        (lambda: vntext.normalize(1), "normalize", "text", "int"),
        (lambda: vntext.normalize(b"hoa"), "normalize", "text", "bytes"),
        (lambda: vntext.normalize(text=None), "normalize", "text", "NoneType"),
        (lambda: vntext.normalize("hoa", style=1), "normalize", "style", "int"),
        (lambda: vntext.remove_accents(1.5), "remove_accents", "text", "float"),
        (lambda: vntext.remove_accents(bytearray(b"x")), "remove_accents", "text", "bytearray"),
        (lambda: vntext.decode_legacy(1, "vni"), "decode_legacy", "data", "int"),
        (lambda: vntext.decode_legacy(b"x", 1), "decode_legacy", "encoding", "int"),
        (lambda: vntext.decode_legacy(b"x", "vni", errors=b"strict"), "decode_legacy", "errors", "bytes"),
        (lambda: vntext.detect_legacy([1, 2]), "detect_legacy", "data", "list"),
        (lambda: _vntext._syllable_info(None), "_syllable_info", "token", "NoneType"),
    ],
)
def test_type_errors_name_the_argument(call, func, arg, got):
    with pytest.raises(TypeError) as e:
        call()
    msg = str(e.value)
    assert f"{func}() argument '{arg}' must be" in msg
    assert msg.endswith(f"not {got}")


def test_type_error_message_exact():
    with pytest.raises(TypeError, match=r"^normalize\(\) argument 'text' must be str, not int$"):
        vntext.normalize(1)


def test_missing_and_extra_arguments():
    with pytest.raises(TypeError):
        vntext.normalize()
    with pytest.raises(TypeError):
        vntext.normalize("a", "modern", "extra")
    with pytest.raises(TypeError):
        vntext.normalize("a", colour="modern")
    with pytest.raises(TypeError, match="missing required argument 'encoding'"):
        vntext.decode_legacy(b"a")
    with pytest.raises(TypeError, match="multiple values for argument 'text'"):
        vntext.normalize("a", text="b")
    with pytest.raises(TypeError, match="unexpected keyword argument 'txt'"):
        vntext.remove_accents(txt="a")
    with pytest.raises(TypeError, match="at most 1 argument "):
        vntext.detect_legacy(b"a", b"b")


def test_keyword_arguments():
    assert vntext.normalize(text="abc", style="modern") == "abc"
    assert vntext.remove_accents(text="abc") == "abc"
    assert vntext.decode_legacy(data=b"abc", encoding="vni", errors="replace") == "abc"
    assert vntext.detect_legacy(data=b"abc") is None


# --- argument values ------------------------------------------------------

@pytest.mark.parametrize("style", ["Modern", "new", "", "traditional ", "modern\0"])
def test_bad_style(style):
    with pytest.raises(ValueError) as e:
        vntext.normalize("hoà", style=style)
    msg = str(e.value)
    assert "'traditional'" in msg and "'modern'" in msg
    assert repr(style) in msg


@pytest.mark.parametrize("encoding", ["utf-8", "VNI", "", "tcvn", "vni\0"])
def test_bad_encoding(encoding):
    with pytest.raises(ValueError) as e:
        vntext.decode_legacy(b"abc", encoding)
    msg = str(e.value)
    for name in ENCODINGS:
        assert repr(name) in msg
    assert repr(encoding) in msg


@pytest.mark.parametrize("errors", ["ignore", "Strict", ""])
def test_bad_errors(errors):
    with pytest.raises(ValueError) as e:
        vntext.decode_legacy(b"abc", "vni", errors=errors)
    msg = str(e.value)
    assert "'strict'" in msg and "'replace'" in msg


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_encoding_name_accepted(encoding):
    assert vntext.decode_legacy(b"abc 123", encoding) == "abc 123"
    assert vntext.decode_legacy(b"", encoding) == ""


# --- strings that UTF-8 cannot carry, and U+0000 ---------------------------

@pytest.mark.parametrize(
    "call, names",
    [
        (lambda s: vntext.normalize(s), "normalize() argument 'text'"),
        (lambda s: vntext.normalize(s, style="modern"), "normalize() argument 'text'"),
        (lambda s: vntext.remove_accents(s), "remove_accents() argument 'text'"),
        (lambda s: vntext.decode_legacy(s, "vni"), "decode_legacy() argument 'data'"),
        (lambda s: vntext.decode_legacy(b"a", s), "decode_legacy() argument 'encoding'"),
        (lambda s: vntext.detect_legacy(s), "detect_legacy() argument 'data'"),
        (lambda s: _vntext._syllable_info(s), "_syllable_info() argument 'token'"),
        (lambda s: vntext.sent_tokenize(s), "sent_tokenize() argument 'text'"),
        (lambda s: vntext.sent_spans(s), "sent_spans() argument 'text'"),
        (lambda s: vntext.word_tokenize(s), "word_tokenize() argument 'text'"),
        (lambda s: vntext.word_tokenize(s, format="text"), "word_tokenize() argument 'text'"),
        (lambda s: vntext.word_spans(s), "word_spans() argument 'text'"),
        (lambda s: vntext.word_spans("a", fixed_words=[s]), "word_spans() argument 'fixed_words'"),
        (lambda s: vntext.Segmenter(user_dict=[s]), "Segmenter() argument 'user_dict'"),
        (lambda s: vntext.Segmenter(user_split=[s]), "Segmenter() argument 'user_split'"),
    ],
)
def test_lone_surrogate_raises_unicode_encode_error(call, names):
    # a ValueError (UnicodeEncodeError) that names the argument and where
    # the surrogate is
    with pytest.raises(UnicodeEncodeError) as e:
        call("ho\ud800a")
    assert isinstance(e.value, ValueError)
    assert names + " holds a lone surrogate" in str(e.value)
    assert (e.value.start, e.value.end) == (2, 3) and e.value.object == "ho\ud800a"


def test_nul_is_kept():
    out = vntext.normalize("a\0b")
    assert out == "a\0b"
    out = vntext.normalize("khoẻ\0khoẻ", style="modern")
    assert out.count("\0") == 1 and len(out.split("\0")) == 2
    assert vntext.normalize("\0") == "\0"
    assert vntext.remove_accents("Việt\0Nam") == "Viet\0Nam"
    assert vntext.remove_accents("\0\0") == "\0\0"
    assert vntext.decode_legacy(b"a\0b", "vni") == "a\0b"


def test_empty():
    assert vntext.normalize("") == ""
    assert vntext.remove_accents("") == ""
    assert vntext.detect_legacy(b"") is None
    assert vntext.detect_legacy("") is None
    assert _vntext._syllable_info("") is None


# --- result objects -------------------------------------------------------

def test_unchanged_input_is_returned_itself():
    for s in ["plain ascii text", "Tiếng Việt", "", "a\0b", "🙂 2024"]:
        s = fresh(s)
        assert vntext.normalize(s) is s
        assert vntext.normalize(s, style="modern") is s
    s = fresh("Hello, world")
    assert vntext.remove_accents(s) is s


def test_changed_input_is_a_new_str():
    s = fresh("ho\u0300a")  # NFD: always changes
    out = vntext.normalize(s)
    assert out is not s and type(out) is str
    assert out != s


class Sub(str):
    pass


def test_str_subclass_gives_exact_str():
    for s in [Sub("plain"), Sub("ho\u0300a"), Sub("")]:
        for out in [vntext.normalize(s), vntext.normalize(s, style="modern"),
                    vntext.remove_accents(s)]:
            assert type(out) is str
            assert out is not s
    assert vntext.normalize(Sub("plain")) == "plain"
    assert vntext.remove_accents(Sub("Việt")) == "Viet"


# --- legacy decoding ------------------------------------------------------

def test_decode_accepts_bytes_like():
    data = b"Tie\xe1ng Vie\xe4t"
    want = vntext.decode_legacy(data, "vni")
    assert vntext.decode_legacy(bytearray(data), "vni") == want
    assert vntext.decode_legacy(memoryview(data), "vni") == want
    assert vntext.decode_legacy(memoryview(b"xx" + data)[2:], "vni") == want
    assert vntext.detect_legacy(bytearray(data)) == vntext.detect_legacy(data)
    assert vntext.detect_legacy(memoryview(data)) == vntext.detect_legacy(data)


def test_decode_str_is_windows_1252_mojibake():
    data = b"Tie\xe1ng Vie\xe4t co\xf9 da\xe1u \x80"
    assert vntext.decode_legacy(data.decode("cp1252"), "vni") == vntext.decode_legacy(data, "vni")
    assert vntext.detect_legacy(data.decode("cp1252")) == vntext.detect_legacy(data)


def test_decode_str_with_no_windows_1252_byte():
    with pytest.raises(ValueError, match=r"position 2"):
        vntext.decode_legacy("Việt", "vni")
    with pytest.raises(ValueError, match=r"position 0"):
        vntext.decode_legacy("🙂", "tcvn3")
    # Such a str is real Unicode, not mojibake.
    assert vntext.detect_legacy("Tiếng Việt") is None


def test_decode_strict_error_is_unicode_decode_error():
    data = b"ab\x81c"  # 0x81 is not defined in Windows-1258
    with pytest.raises(UnicodeDecodeError) as e:
        vntext.decode_legacy(data, "cp1258")
    err = e.value
    assert err.encoding == "cp1258"
    assert err.object == data
    assert (err.start, err.end) == (2, 3)
    assert err.reason == "byte not defined in cp1258"
    assert isinstance(err, ValueError)


def test_decode_replace():
    assert vntext.decode_legacy(b"ab\x81c", "cp1258", "replace") == "ab\ufffdc"
    assert vntext.decode_legacy(b"ab\x81c", "cp1258", errors="replace") == "ab\ufffdc"


def test_detect_returns_a_known_name_or_none():
    for data in [b"Tie\xe1ng Vie\xe4t", b"Ti\xd5ng Vi\xd6t", b"\xff\xfe", "Tiếng Việt".encode()]:
        got = vntext.detect_legacy(data)
        assert got is None or got in ENCODINGS


# --- large inputs and threads ----------------------------------------------

PIECE = "Sáng nay chị Thủy đi bộ cho khoẻ, hoà nhạc lúc 8 giờ ở Ha\u0300 No\u0302\u0323i. \n"
BIG_REPEAT = 5 * 1024 * 1024 // len(PIECE.encode()) + 1


def test_big_input():
    big = PIECE * BIG_REPEAT
    assert len(big.encode()) > 5 * 1024 * 1024
    for style in ["traditional", "modern"]:
        assert vntext.normalize(big, style=style) == vntext.normalize(PIECE, style=style) * BIG_REPEAT
    assert vntext.remove_accents(big) == vntext.remove_accents(PIECE) * BIG_REPEAT
    legacy = b"Tie\xe1ng Vie\xe4t co\xf9 da\xe1u. " * 200_000
    assert vntext.decode_legacy(legacy, "vni") == vntext.decode_legacy(legacy[:23], "vni") * 200_000
    assert vntext.decode_legacy(legacy.decode("cp1252"), "vni") == vntext.decode_legacy(legacy, "vni")
    assert vntext.detect_legacy(legacy) == vntext.detect_legacy(legacy[:230])


def test_big_unchanged_input_is_returned_itself():
    big = vntext.normalize(PIECE * BIG_REPEAT)
    assert vntext.normalize(big) is big


def test_buffer_kept_between_calls():
    # the UTF-8 buffer of one call serves the next: texts larger and
    # smaller than the last, of other kinds (Latin-1, BMP, astral), a
    # surrogate error in between, and one too large to be kept
    other = "Mưa to ở Huế 😀. Ông T. Nam nói: \"Ừ.\" Hết! \n"
    latin = "Café à Paris. Olé! "
    texts = [PIECE * 3000, PIECE, other * 5000, latin * 9000, "Một. Hai.", other,
             PIECE * 90_000, latin * 2]  # 6 M characters: 17 MB asked for, not kept
    want = {t: vntext.sent_spans(t) for t in texts}
    one = {p: (vntext.sent_tokenize(p), vntext.normalize(p), vntext.remove_accents(p))
           for p in (PIECE, other, latin)}
    for round_ in range(2):
        for t in texts + texts[::-1]:
            with pytest.raises(UnicodeEncodeError):
                vntext.sent_tokenize(t[:50] + "\ud800")
            with pytest.raises(UnicodeEncodeError):
                vntext.normalize("\ud800" + t[:50])
            assert vntext.sent_spans(t) == want[t]
            for p, (sents, norm, plain) in one.items():
                k, rest = divmod(len(t), len(p))
                if rest == 0 and t == p * k:
                    assert vntext.sent_tokenize(t) == sents * k
                    assert vntext.normalize(t) == norm * k
                    assert vntext.remove_accents(t) == plain * k


def test_threads_give_the_same_results():
    texts = [PIECE * (70_000 // len(PIECE) + k) for k in range(4)]  # over 64 KiB
    texts += [PIECE, "ho\u0300a", "qúy gìa"]
    want = {(t, s): vntext.normalize(t, style=s) for t in texts for s in ("traditional", "modern")}
    want_plain = {t: vntext.remove_accents(t) for t in texts}
    want_sents = {t: vntext.sent_spans(t) for t in texts}
    errors = []
    barrier = threading.Barrier(4)

    def work(seed):
        try:
            barrier.wait()
            for i in range(30):
                t = texts[(seed + i) % len(texts)]
                s = "modern" if (seed + i) % 2 else "traditional"
                if vntext.normalize(t, style=s) != want[(t, s)]:
                    errors.append(("normalize", seed, i))
                if vntext.remove_accents(t) != want_plain[t]:
                    errors.append(("remove_accents", seed, i))
                spans = vntext.sent_spans(t)
                if spans != want_sents[t]:
                    errors.append(("sent_spans", seed, i))
                if vntext.sent_tokenize(t) != [t[a:b] for a, b in spans]:
                    errors.append(("sent_tokenize", seed, i))
        except Exception as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []


# --- module ---------------------------------------------------------------

def test_module_attributes():
    assert vntext.__version__ == "0.1.0"
    assert _vntext.__version__ == vntext.__version__
    assert vntext.UTF8PROC_VERSION.split(".")[0].isdigit()
    assert vntext.UNICODE_VERSION.split(".")[0].isdigit()
    for name in vntext.__all__:
        assert hasattr(vntext, name)


def test_syllable_info_shape():
    assert _vntext._syllable_info("xyzzy") is None
    assert _vntext._syllable_info("hello world") is None
    info = _vntext._syllable_info("hoà")
    assert info is not None
    assert set(info) == {
        "id", "toneless_id", "onset", "nucleus", "coda", "tone", "case",
        "nletters", "onset_len", "nucleus_len",
        "canonical_traditional", "canonical_modern",
    }
    assert info["canonical_traditional"] == "hòa"
    assert info["canonical_modern"] == "hoà"
    assert _vntext._syllable_info("HÒA")["id"] == info["id"]


def test_docstring_examples():
    for module in (vntext, _vntext):
        result = doctest.testmod(module, verbose=False, report=True)
        assert result.failed == 0, module.__name__
    assert doctest.testmod(_vntext).attempted > 0


def test_readme_examples():
    readme = Path(__file__).resolve().parent.parent / "README.md"
    if not readme.exists():
        pytest.skip("no README.md next to tests/")
    blocks = re.findall(r"```python\n(.*?)```", readme.read_text("utf-8"), re.S)
    assert blocks
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for n, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"README.md block {n}", str(readme), 0)
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0


def test_stubs_type_check_underthesea_calls(tmp_path):
    # the stubs take underthesea's call forms, and a format known only as a
    # str (a wrapper that passes it through) gets Union[List[str], str]
    pytest.importorskip("mypy")
    src = tmp_path / "calls.py"
    src.write_text(
        "from typing import List, Optional, Union\n"
        "import vntext\n"
        "def tok(s: str, fmt: Optional[str] = None) -> Union[List[str], str]:\n"
        "    return vntext.word_tokenize(s, format=fmt)\n"
        "def tok2(s: str, fmt: str) -> Union[List[str], str]:\n"
        "    return vntext.Segmenter().word_tokenize(s, fmt, True)\n"
        "a: List[str] = vntext.word_tokenize(sentence='a')\n"
        "b: str = vntext.word_tokenize(sentence='a', format='text', use_token_normalize=True)\n"
        "c: List[str] = vntext.word_tokenize('a', None, True, ['a b'])\n"
        "d: str = vntext.word_tokenize('a', 'text', False, fixed_words=('a b',))\n"
        "e: List[str] = vntext.Segmenter().word_tokenize(sentence='a')\n"
        "f: str = vntext.Segmenter().word_tokenize('a', 'text', sentence=None)\n",
        encoding="utf-8")
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import vntext\n"
        "x: str = vntext.word_tokenize('a')\n"
        "vntext.Segmenter().word_tokenize('a', fixed_words=['a b'])\n", encoding="utf-8")
    for path, ok in ((src, True), (bad, False)):
        p = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                            str(path)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           cwd=tmp_path, timeout=300)
        out = p.stdout.decode(errors="replace")
        assert (p.returncode == 0) == ok, out
        if not ok:
            assert "bad.py:2:" in out and "bad.py:3:" in out, out


# --- command line ---------------------------------------------------------

def run_cli(*args, stdin=b""):
    return subprocess.run([sys.executable, "-m", "vntext", *args], input=stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)


def test_demo_runs():
    from vntext.__main__ import SAMPLE

    p = run_cli()
    assert p.returncode == 0, p.stderr.decode(errors="replace")
    out = p.stdout.decode("utf-8")
    assert "== original" in out and "remove_accents" in out
    assert "decode_legacy" in out
    # The URL comes out untouched in every stage that keeps accents.
    url = "https://example.vn/du-lịch/thuỷ-điện-hoà-bình"
    assert url in SAMPLE
    assert out.count(url) >= 3


def test_cli_normalize_stdin_and_file(tmp_path):
    text = "Sức khỏe và hòa bình, ho\u0300a\n"
    p = run_cli("normalize", "--style", "modern", stdin=text.encode())
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode() == vntext.normalize(text, style="modern")
    f = tmp_path / "in.txt"
    f.write_bytes(text.encode())
    p = run_cli("normalize", str(f))
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode() == vntext.normalize(text)
    p = run_cli("normalize", stdin=b"\xff\xfe")
    assert p.returncode == 1 and b"not UTF-8" in p.stderr


def test_cli_normalize_streams_whole_lines(tmp_path):
    # a block at a time, cut after a line break (never between CR and LF):
    # the output is that of the whole text, line breaks as written
    text = ("Sức khỏe và hòa bình, ho\u0300a\r\n" * 30000 + "thuỷ\r" + "qúy\n" * 20000 +
            "https://a.vn/hoà_bình và hoà\r")
    f = tmp_path / "big.txt"
    f.write_bytes(text.encode())
    for source in ((str(f),), ("-",)):
        p = run_cli("normalize", *source, stdin=text.encode())
        assert p.returncode == 0, p.stderr
        assert p.stdout.decode() == vntext.normalize(text)
    # a bad line is named by its number in the whole input, after the lines before it
    bad = ("hòa\n" * 300000).encode() + b"x\xffy\n" + "hòa\n".encode()
    p = run_cli("normalize", stdin=bad)
    assert p.returncode == 1 and b"line 300001 of stdin is not UTF-8" in p.stderr, p.stderr
    assert p.stdout.decode() == "hòa\n" * 300000


def test_cli_version_line_buffered_and_write_errors():
    p = run_cli("--version")
    assert p.returncode == 0 and p.stdout.decode().strip() == "vntext " + vntext.__version__
    for cmd in ("normalize", "words", "sentences"):
        p = run_cli(cmd, "--line-buffered", stdin="Hoà bình.\n".encode())
        assert p.returncode == 0 and p.stdout, p.stderr
    if os.path.exists("/dev/full"):
        for cmd in ("normalize", "words", "sentences"):
            with open("/dev/full", "wb") as full:
                p = subprocess.run([sys.executable, "-m", "vntext", cmd], input=b"Xin ch\xc3\xa0o.\n" * 5000,
                                   stdout=full, stderr=subprocess.PIPE, timeout=120)
            # one line that says why, status 1, no traceback at exit
            assert p.returncode == 1, (cmd, p.returncode, p.stderr)
            assert b"No space left" in p.stderr and b"Exception ignored" not in p.stderr, p.stderr
            # a bad line with nothing writable: the bad line is said, status 1
            with open("/dev/full", "wb") as full:
                p = subprocess.run([sys.executable, "-m", "vntext", cmd], input=b"Xin.\n" * 5000 + b"\xff\n",
                                   stdout=full, stderr=subprocess.PIPE, timeout=120)
            assert p.returncode == 1 and b"Exception ignored" not in p.stderr, (cmd, p.stderr)


CLI_TEXT = ('Mỹ sẽ bảo vệ Nhật Bản. Anh nói: "Xin chào." Rồi anh đi.\r\n'
            "\n"
            "GS. Nam ở TP. HCM, đọc vnexpress.net. Giá 1.500 đồng\n"
            "Hoà bình\u2028và ho\u0300a bình")


def cli_lines():
    # the lines the commands see: split at LF, a CR before it dropped
    return [line[:-1] if line.endswith("\r") else line for line in CLI_TEXT.split("\n")]


def test_cli_words_and_sentences_stream_line_by_line(tmp_path):
    lines = cli_lines()
    f = tmp_path / "in.txt"
    f.write_bytes(CLI_TEXT.encode())
    for source in ((str(f),), ("-",)):
        p = run_cli("words", *source, stdin=CLI_TEXT.encode())
        assert p.returncode == 0, p.stderr
        assert p.stdout.decode().split("\n")[:-1] == \
            [vntext.word_tokenize(line, format="text") for line in lines]
        p = run_cli("sentences", *source, stdin=CLI_TEXT.encode())
        assert p.returncode == 0, p.stderr
        expect = []
        for line in lines:
            expect.extend(vntext.sent_tokenize(line) or [""])
        assert p.stdout.decode().split("\n")[:-1] == expect
    # a blank line stays blank, so documents stay apart
    assert p.stdout.decode().split("\n")[3] == ""
    # line by line gives what the whole text gives
    whole = [s for s in vntext.sent_tokenize(CLI_TEXT.replace("\r\n", "\n"))]
    assert [s for s in expect if s] == whole


def test_cli_spans_are_json_code_point_offsets():
    lines = cli_lines()
    p = run_cli("words", "--spans", stdin=CLI_TEXT.encode())
    assert p.returncode == 0, p.stderr
    got = [json.loads(x) for x in p.stdout.decode().split("\n")[:-1]]
    assert got == [[list(s) for s in vntext.word_spans(line)] for line in lines]
    for line, spans in zip(lines, got):
        assert [line[a:b] for a, b in spans] == vntext.word_tokenize(line)
    p = run_cli("sentences", "--spans", stdin=CLI_TEXT.encode())
    assert p.returncode == 0, p.stderr
    got = [json.loads(x) for x in p.stdout.decode().split("\n")[:-1]]
    assert got == [[list(s) for s in vntext.sent_spans(line)] for line in lines]


def test_cli_words_user_dictionaries(tmp_path):
    joined = tmp_path / "join.txt"
    joined.write_text("bảo vệ Nhật\n\n", encoding="utf-8")
    split = tmp_path / "split.txt"
    split.write_text("Nhật Bản\n", encoding="utf-8")
    text = "Mỹ sẽ bảo vệ Nhật Bản\n"
    p = run_cli("words", "--user-dict", str(joined), "--user-split", str(split),
                stdin=text.encode())
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode() == "Mỹ sẽ bảo_vệ_Nhật Bản\n"
    p = run_cli("words", "--user-split", str(split), stdin=text.encode())
    assert p.stdout.decode() == "Mỹ sẽ bảo_vệ Nhật Bản\n"


def test_cli_user_dictionaries_split_at_every_line_break(tmp_path):
    # VT, FF, NEL, U+2028 and U+2029 (files exported from word processors or
    # web pages) end a word as LF does; a byte order mark and blank lines are
    # no words; underscores read as spaces
    f = tmp_path / "dict.txt"
    f.write_bytes("\ufeffsẽ_bảo\u2028Nhật Bản vệ\x0bx y\x0cz w\x85u v\u2029\r\n\n  \n".encode())
    text = "Mỹ sẽ bảo vệ Nhật Bản vệ\n"
    p = run_cli("words", "--user-dict", str(f), stdin=text.encode())
    assert p.returncode == 0, p.stderr
    seg = vntext.Segmenter(user_dict=["sẽ bảo", "Nhật Bản vệ", "x y", "z w", "u v"])
    assert p.stdout.decode() == seg.word_tokenize(text[:-1], format="text") + "\n"
    assert p.stdout.decode() == "Mỹ sẽ_bảo vệ Nhật_Bản_vệ\n"


def test_cli_user_dictionary_errors_name_the_file_and_line(tmp_path):
    for option in ("--user-dict", "--user-split"):
        f = tmp_path / "bad.txt"
        f.write_bytes("sẽ bảo\n\u2028\u200b\n".encode())  # line 3: a zero-width space
        p = run_cli("words", option, str(f), stdin="Mỹ sẽ bảo vệ\n".encode())
        err = p.stderr.decode()
        assert p.returncode == 1 and not p.stdout and "Traceback" not in err
        assert err == "vntext: %s %s line 3: a word cannot be empty or white space only: " \
                      "'\\u200b'\n" % (option, f)
        f.write_bytes(b"s\xe1\xba\xbd b\xe1\xba\xa3o\nok\nab \xff\n")
        p = run_cli("words", option, str(f), stdin="Mỹ sẽ bảo vệ\n".encode())
        err = p.stderr.decode()
        assert p.returncode == 1 and "Traceback" not in err and err.count("\n") == 1
        assert err.startswith("vntext: %s %s line 3 is not UTF-8: " % (option, f))
        assert "position 3" in err


def test_cli_normalize_names_the_line_and_the_position_in_it(tmp_path):
    # as words and sentences do: the line, and the position in that line
    for cmd in ("normalize", "words", "sentences"):
        p = run_cli(cmd, stdin=b"ok\n\xff\xfe bad\n")
        assert p.returncode == 1
        assert p.stderr.decode().startswith(
            "vntext: line 2 of stdin is not UTF-8: 'utf-8' codec can't decode byte 0xff in "
            "position 0"), cmd
    f = tmp_path / "in.txt"
    f.write_bytes("một\r\nhai\rba\nbà ".encode() + b"\xff")  # CR LF, CR and LF end lines
    for cmd in ("normalize", "words"):
        p = run_cli(cmd, str(f))
        assert p.returncode == 1
        assert p.stderr.decode().startswith(
            "vntext: line 4 of %s is not UTF-8: 'utf-8' codec can't decode byte 0xff in "
            "position 4" % f), cmd


def test_cli_stream_errors(tmp_path):
    p = run_cli("words", stdin="đúng\n".encode() + b"sai \xff\n")
    # the good line is written, the bad one named
    assert p.returncode == 1
    assert p.stdout.decode() == "đúng\n"
    assert b"line 2 of stdin is not UTF-8" in p.stderr
    p = run_cli("sentences", str(tmp_path / "missing.txt"))
    assert p.returncode == 1 and b"missing.txt" in p.stderr and not p.stdout
    p = run_cli("words", "--user-dict", str(tmp_path / "none.txt"), stdin=b"a\n")
    assert p.returncode == 1 and b"--user-dict" in p.stderr
    p = run_cli("words", stdin=b"")
    assert p.returncode == 0 and p.stdout == b""
    p = run_cli("normalize", str(tmp_path / "missing.txt"))
    assert p.returncode == 1 and b"missing.txt" in p.stderr and b"Traceback" not in p.stderr
    p = run_cli("words", "--spans", "--sentences", stdin=b"a\n")
    assert p.returncode == 2 and b"not allowed with" in p.stderr
    # a file named "stdin" is a file
    named = tmp_path / "stdin"
    named.write_text("Mỹ sẽ bảo vệ Nhật Bản\n", encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "vntext", "words", "stdin"], cwd=tmp_path,
                       input=b"", stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    assert p.returncode == 0 and p.stdout.decode() == "Mỹ sẽ bảo_vệ Nhật_Bản\n"
    # U+0000 and emoji go through as text
    p = run_cli("words", stdin="a\x00b \U0001F600 xin chào\n".encode())
    assert p.returncode == 0
    assert p.stdout.decode() == vntext.word_tokenize("a\x00b \U0001F600 xin chào", format="text") + "\n"


def test_cli_closed_streams_cr_lines_and_ctrl_c():
    # a closed standard stream is said, not a traceback (user review)
    for args, fd in (((("words",), "stdout")), (("normalize",), "stdout"), (("words",), "stdin"),
                     (("normalize",), "stdin"), ((), "stdout")):
        redirect = {"stdout": {"stdout": subprocess.DEVNULL}, "stdin": {}}[fd]
        code = ("import os, sys, runpy; os.close(%d); sys.%s = None; sys.argv = ['vntext', *%r]; "
                "runpy.run_module('vntext', run_name='__main__')" % (
                    0 if fd == "stdin" else 1, fd, list(args)))
        p = subprocess.run([sys.executable, "-c", code], input=b"a\n" if fd == "stdout" else None,
                           stderr=subprocess.PIPE, timeout=120, **redirect)
        assert p.returncode == 1 and b"no standard " + fd[3:].encode() in p.stderr, (args, fd, p)
        assert b"Traceback" not in p.stderr
    # old Mac files end their lines with a CR alone: each is a line
    p = run_cli("words", stdin="Tôi đi học\rbà đi chợ\r\nAnh về\n".encode())
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode().split("\n")[:-1] == [
        vntext.word_tokenize(x, format="text") for x in ("Tôi đi học", "bà đi chợ", "Anh về")]
    # a file that ends with a CR ends as one that ends with an LF (no blank
    # line after it), and CR CR is a blank line as LF LF is
    for command in ("words", "sentences"):
        outs = [run_cli(command, stdin=text.encode()).stdout
                for text in ("Tôi đi học.\rBà đi chợ.\r\rAnh về.\r", "Tôi đi học.\nBà đi chợ.\n\nAnh về.\n")]
        assert outs[0] == outs[1] and not outs[0].endswith(b"\n\n"), outs


def test_cli_line_reader_at_any_block_size():
    # the CLI's reader ends a line at LF, CR LF or a CR alone, whatever
    # block a break or a CR LF falls across
    import io
    import random

    from vntext.__main__ import _raw_lines

    class Blocks(io.BytesIO):
        def __init__(self, data, n):
            super().__init__(data)
            self.n = n

        def read1(self, size=-1):
            return self.read(self.n)

    rng = random.Random(5)
    texts = [b"", b"\r", b"\n", b"\r\n", b"a\r\r", b"\n\r", b"x\r\ny\rz\n\nw"]
    texts += [bytes(rng.choice(b"ab\r\n") for _ in range(rng.randint(0, 14))) for _ in range(500)]
    for text in texts:
        want = re.split(b"\r\n|\r|\n", text)
        if want[-1] == b"":
            want.pop()
        for n in (1, 2, 3, 7, 65536):
            assert list(_raw_lines(Blocks(text, n))) == want, (text, n)


def test_cli_ctrl_c_is_no_traceback(monkeypatch, capsys):
    # Ctrl-C ends a command with the shell's status for it (130), quietly
    import vntext.__main__ as cli

    def interrupted(args):
        raise KeyboardInterrupt

    for command, name in (("words", "_stream_cmd"), ("normalize", "_normalize_cmd")):
        monkeypatch.setattr(cli, name, interrupted)
        assert cli.main([command]) == 130
    assert capsys.readouterr().err == ""


def test_cli_reader_that_goes_away():
    # "| head": the commands stop without a traceback when the reader closes
    lines = "Tôi đi học. Anh ở nhà.\n" * 20000
    for args in ((), ("words",), ("sentences",), ("normalize",)):
        proc = subprocess.Popen([sys.executable, "-m", "vntext", *args],
                                stdin=subprocess.PIPE if args else subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if args:
            # a thread feeds the input, so neither side waits on a full pipe
            def feed(f=proc.stdin):
                try:
                    f.write(lines.encode())
                    f.close()
                except BrokenPipeError:  # the command stopped first
                    pass
            feeder = threading.Thread(target=feed)
            feeder.start()
        first = proc.stdout.readline()
        proc.stdout.close()  # the reader goes away after one line
        if args:
            feeder.join(timeout=120)
        err = proc.stderr.read()
        proc.stderr.close()
        assert proc.wait(timeout=120) == 0, (args, err)
        assert first and b"Traceback" not in err and b"Error" not in err, (args, err)


def test_cli_words_by_sentence():
    lines = cli_lines() + ["a\x1cb c. \x1c Đi.", "Ông ở TP. Xong rồi.Hết"]
    text = "\n".join(lines) + "\n"
    p = run_cli("words", "--sentences", stdin=text.encode())
    assert p.returncode == 0, p.stderr
    got = p.stdout.decode().split("\n")[:-1]
    expect = []
    for line in lines:
        sents = vntext.sent_spans(line)
        expect.extend([vntext.word_tokenize(line[a:b], format="text") for a, b in sents] or [""])
    # each sentence's words as word_tokenize gives them for the sentence
    # alone, and all of them together as for the line
    assert got == expect
    k = 0
    for line in lines:
        n = max(1, len(vntext.sent_spans(line)))
        assert " ".join(x for x in got[k:k + n] if x) == vntext.word_tokenize(line, format="text")
        k += n


def test_no_utf8_copy_is_left_on_the_callers_str():
    # PyUnicode_AsUTF8AndSize keeps a UTF-8 copy in the str for as long as
    # it lives: remove_accents and the legacy functions grew a 43 MB
    # document by 43 MB that way (user review). Every function reads a
    # temporary copy instead.
    calls = [vntext.normalize, vntext.remove_accents, vntext.sent_tokenize, vntext.sent_spans,
             vntext.word_tokenize, vntext.word_spans, vntext.detect_legacy,
             lambda t: vntext.decode_legacy(t, "vni", errors="replace")]
    for fn in calls:
        for base in ("Tiếng Việt có dấu. ", "Tieáng Vieät ", "café "):
            text = (base * 50)[:-1] + "\u00e9"  # a fresh str, not ASCII
            size = sys.getsizeof(text)
            try:
                fn(text)
            except ValueError:  # decode_legacy: not Windows-1252
                assert fn is calls[-1] and "\u1ebf" in text
            assert sys.getsizeof(text) == size, (fn, base)
