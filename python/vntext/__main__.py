"""Command line of vntext.

    python -m vntext                                  demo on a built-in sample
    python -m vntext normalize [--style modern] [FILE]  normalize FILE or stdin
    python -m vntext words [--sentences] [--spans] [FILE]  segment words, line by line
    python -m vntext sentences [--spans] [FILE]       one sentence a line

The words and sentences commands stream: they read a line, write its result
and go on, so a corpus of any size goes through in constant memory. A line
break always ends a sentence and no word crosses one, so line by line gives
what the whole text would.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import unicodedata
from typing import BinaryIO, Callable, Iterator, List, Literal, Optional, TextIO, Tuple, Union

import vntext

# A sample written for this demo. It is damaged on purpose: oa/oe/uy tones in
# both styles (Thủy, khoẻ, hoà), a tone on the wrong vowel (Hòang, gìa, qúy),
# a tone typed after the final consonant (Viêt + U+0323), a word in NFD
# (Hà Nội), an English word, numbers, an emoji, and a URL whose path looks
# Vietnamese (it must come out unchanged) next to an e-mail address.
SAMPLE = (
    "Sáng nay chị Thủy dậy sớm, pha một ly cà phê \u2615 rồi đi bộ quanh hồ "
    "cho khoẻ người. "
    "Chiều nay lúc 14 giờ 30, anh Hòang có buổi meeting với 12 đối tác để bàn "
    "về đêm hoà nhạc ngày 25/12. "
    "Bà ngoại đã gìa nhưng vẫn rất qúy mấy cuốn sách tiếng Viêt\u0323 cũ, "
    "có cuốn giá tới 120.000 đồng. "
    "Lịch trình xem ở https://example.vn/du-lịch/thuỷ-điện-hoà-bình, ai cần "
    "thì gửi thư cho thu.nguyen@example.com nhé. "
    "Hẹn gặp mọi người ở Ha\u0300 No\u0302\u0323i!"
)

# "Tiếng Việt là ngôn ngữ của người Việt" as it was stored before Unicode:
# bytes in VNI and in TCVN3, and the VNI bytes as they look when a program
# reads them as Windows-1252.
LEGACY_SAMPLES: List[Tuple[Union[bytes, str], Literal["vni", "tcvn3"]]] = [
    (b"Tie\xe1ng Vie\xe4t la\xf8 ngo\xe2n ng\xf6\xf5 cu\xfba ng\xf6\xf4\xf8i Vie\xe4t", "vni"),
    (b"Ti\xd5ng Vi\xd6t l\xb5 ng\xabn ng\xf7 c\xf1a ng\xad\xeai Vi\xd6t", "tcvn3"),
    ("Tieáng Vieät laø ngoân ngöõ cuûa ngöôøi Vieät", "vni"),
]

Stage = Tuple[str, Callable[[str], str]]


def _stages() -> List[Stage]:
    """The stages of the demo that this build has, in order."""
    stages: List[Stage] = [
        ('normalize(text)  # style="traditional"', vntext.normalize),
        ('normalize(text, style="modern")', lambda t: vntext.normalize(t, style="modern")),
        ("remove_accents(text)", vntext.remove_accents),
    ]
    # Later stages join here when the package has them.
    sent_tokenize = getattr(vntext, "sent_tokenize", None)
    if sent_tokenize is not None:
        stages.append(
            ("sent_tokenize(normalize(text))",
             lambda t: "\n".join(sent_tokenize(vntext.normalize(t)))))
    word_tokenize = getattr(vntext, "word_tokenize", None)
    if word_tokenize is not None:
        stages.append(
            ("word_tokenize(normalize(text))",
             lambda t: " | ".join(word_tokenize(vntext.normalize(t)))))
    return stages


def _show_word(w: str) -> str:
    # A word not in NFC looks like its repair on screen: show its code points.
    return w if unicodedata.is_normalized("NFC", w) else ascii(w)


def _changes(before: str, after: str) -> str:
    """The words that differ, when the spacing is the same."""
    a, b = before.split(), after.split()
    if len(a) != len(b):
        return ""
    pairs = [f"{_show_word(x)} -> {y}" for x, y in zip(a, b) if x != y]
    return ", ".join(pairs)


def demo(out: Optional[TextIO] = None) -> int:
    out = out or sys.stdout
    failed = 0

    def say(*lines: str) -> None:
        for line in lines:
            print(line, file=out)

    say(f"vntext {vntext.__version__} (utf8proc {vntext.UTF8PROC_VERSION}, "
        f"Unicode {vntext.UNICODE_VERSION})", "")
    say("== original", SAMPLE, "")
    for title, fn in _stages():
        say("== " + title)
        try:
            result = fn(SAMPLE)
        except Exception as e:  # a demo shows the failure and goes on
            failed += 1
            say(f"error: {type(e).__name__}: {e}", "")
            continue
        say(result)
        if title.startswith("normalize"):
            changes = _changes(SAMPLE, result)
            say("changed: " + (changes or "nothing"))
        say("")

    say("== legacy encodings")
    for data, encoding in LEGACY_SAMPLES:
        try:
            detected = vntext.detect_legacy(data)
            decoded = vntext.decode_legacy(data, encoding)
        except Exception as e:
            failed += 1
            say(f"{data!r}: error: {type(e).__name__}: {e}")
            continue
        calls = ["detect_legacy(data)", f"decode_legacy(data, {encoding!r})"]
        width = max(map(len, calls))
        say(repr(data),
            f"  {calls[0]:{width}} -> {detected!r}",
            f"  {calls[1]:{width}} -> {decoded!r}")
    return 1 if failed else 0


def _normalize_cmd(args: argparse.Namespace) -> int:
    """normalize: the input as it comes, a block of whole lines at a time
    (normalizing never reaches across a line break, so the output is that
    of the whole text), each written as soon as it is read."""
    name = "stdin" if args.file is None or args.file == "-" else args.file
    try:
        out = _stdout()
        flush = _line_flush(args)
        f = _stdin() if name == "stdin" else open(args.file, "rb")
        try:
            read: Callable[[int], bytes] = getattr(f, "read1", f.read)
            pending = bytearray()  # no line break in it
            lines = 0  # line breaks before pending, for the error message
            cr = False  # they end with a CR: an LF first in pending is part of it
            while True:
                block = read(1 << 20)
                if block:
                    # up to the last line break of the new bytes (a CR last
                    # too: normalizing never reaches across it, and _breaks
                    # counts a CR LF cut in two once)
                    lo = len(pending)
                    pending += block
                    cut = max(pending.rfind(b"\n", lo), pending.rfind(b"\r", lo)) + 1
                else:
                    cut = len(pending)
                if cut > 0:
                    chunk = bytes(pending[:cut])
                    del pending[:cut]
                    try:
                        text = chunk.decode("utf-8")
                    except UnicodeDecodeError as e:
                        # the lines before the bad one go out, then the error
                        k = max(chunk.rfind(b"\n", 0, e.start), chunk.rfind(b"\r", 0, e.start)) + 1
                        out.write(vntext.normalize(chunk[:k].decode("utf-8"),
                                                  style=args.style).encode("utf-8"))
                        n = lines + _breaks(chunk[:k], cr) + 1
                        raise _InputError(f"line {n} of {name} is not UTF-8: "
                                          f"{_line_error(chunk[k:])}") from None
                    lines += _breaks(chunk, cr)
                    cr = chunk.endswith(b"\r")
                    out.write(vntext.normalize(text, style=args.style).encode("utf-8"))
                    if flush:
                        out.flush()
                if not block:
                    break
        finally:
            if name != "stdin":
                f.close()
        out.flush()
    except OSError as e:
        return _os_error(e)
    except _InputError as e:
        return _input_error(e)
    return 0


def _breaks(data: bytes, cr: bool) -> int:
    """The line breaks in data (LF, CR LF, a CR alone), the bytes before it
    ending with a CR when cr (then an LF first is that CR's)."""
    n = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")
    return n - (1 if cr and data.startswith(b"\n") else 0)


def _input_error(e: Exception) -> int:
    """Exit status 1 for a bad input, said on stderr after what was written
    of the output before it (so that 2>&1 keeps the order)."""
    _flush_or_drop()
    print(f"vntext: {e}", file=sys.stderr)
    return 1


def _flush_or_drop() -> None:
    """What is still buffered for stdout goes out now, or, when nothing more
    can be written (a reader gone, a disk full), nowhere: stdout is pointed
    at /dev/null, so the flush at exit does not fail again."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError):
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass


def _line_error(data: bytes) -> UnicodeDecodeError:
    """The error of decoding the first line of data, which is not UTF-8 (its
    positions count from the start of that line, as words and sentences say
    them)."""
    try:
        next(_raw_lines(io.BytesIO(data))).decode("utf-8")
    except UnicodeDecodeError as e:
        return e
    raise AssertionError("the first line is UTF-8")


def _line_flush(args: argparse.Namespace) -> bool:
    """Whether each result is flushed as soon as it is written: asked for,
    or standard output is a terminal."""
    if getattr(args, "line_buffered", False):
        return True
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except (OSError, ValueError):
        return False


def _os_error(e: OSError) -> int:
    """The exit status for an OSError of a command, said on stderr; a
    reader that went away (| head) is no error."""
    broken = isinstance(e, BrokenPipeError)
    if not broken:
        print(f"vntext: {e}", file=sys.stderr)
    _flush_or_drop()
    return 0 if broken else 1


class _InputError(Exception):
    pass


def _stdin() -> BinaryIO:
    if sys.stdin is None:
        raise _InputError("no standard input (it is closed)")
    return sys.stdin.buffer


def _stdout() -> BinaryIO:
    if sys.stdout is None:
        raise _InputError("no standard output (it is closed)")
    return sys.stdout.buffer


_BREAK = re.compile(b"\r\n|\r|\n")


def _raw_lines(f: BinaryIO) -> Iterator[bytes]:
    """The lines of f without their line break (LF, CRLF, or a CR alone, as
    old Mac files end their lines), read a block at a time as it comes, so
    that a file of any size, and a pipe, stream. Each byte is read once: a
    line longer than a block is gathered in parts."""
    parts: List[bytes] = []  # the start of a line that runs past the blocks read
    cr = False  # the last block ended with a CR: an LF first in the next is its
    read: Callable[[int], bytes] = getattr(f, "read1", f.read)
    while True:
        block = read(65536)
        if not block:
            break
        start = 1 if cr and block[:1] == b"\n" else 0
        end = len(block) - 1 if block.endswith(b"\r") else len(block)
        for m in _BREAK.finditer(block, start, end):
            parts.append(block[start:m.start()])
            yield b"".join(parts)
            parts = []
            start = m.end()
        parts.append(block[start:end])
        cr = end < len(block)
        if cr:  # the CR ends its line whatever comes next
            yield b"".join(parts)
            parts = []
    if any(parts):
        yield b"".join(parts)


def _input_lines(path: Optional[str]) -> Iterator[str]:
    """The lines of path (stdin when None or "-"), decoded from UTF-8,
    without their line break (_raw_lines)."""
    f: BinaryIO
    if path is not None and path != "-":
        own, name, f = True, path, open(path, "rb")
    else:
        own, name, f = False, "stdin", _stdin()
    try:
        for n, raw in enumerate(_raw_lines(f), 1):
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise _InputError(f"line {n} of {name} is not UTF-8: {e}") from None
    finally:
        if own:
            f.close()


def _word_list(path: str, option: str) -> List[Tuple[int, str]]:
    """The words of a user dictionary file with their line numbers: one a
    line, split at every line break that str.splitlines() knows (VT, FF,
    NEL, U+2028 and U+2029 too, as files exported from word processors and
    web pages hold them), white space around a word dropped, blank lines
    skipped."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise _InputError(f"{option}: {e}") from None
    if raw.startswith(b"\xef\xbb\xbf"):  # a byte order mark
        raw = raw[3:]
    words = []
    for n, line in enumerate(raw.decode("utf-8", "surrogateescape").splitlines(), 1):
        try:
            line.encode("utf-8", "surrogateescape").decode("utf-8")
        except UnicodeDecodeError as e:
            raise _InputError(f"{option} {path} line {n} is not UTF-8: {e}") from None
        if line.strip():
            words.append((n, line.strip()))
    return words


def _segmenter(args: argparse.Namespace) -> "vntext.Segmenter":
    """The Segmenter of the words command, with the words of --user-dict and
    --user-split; a word the Segmenter refuses is named with its file and
    line, in one line."""
    files = [("user_dict", "--user-dict", args.user_dict),
             ("user_split", "--user-split", args.user_split)]
    lists = {arg: _word_list(path, option) if path else None for arg, option, path in files}
    join, split = ([w for _, w in words] if words is not None else None
                   for words in (lists["user_dict"], lists["user_split"]))
    try:
        return vntext.Segmenter(user_dict=join, user_split=split)
    except ValueError as e:
        msg = str(e)
        for arg, option, path in files:
            head = f"Segmenter() argument '{arg}': "
            if msg.startswith(head):
                for n, w in lists[arg] or ():
                    if msg.endswith(": " + repr(w)):
                        raise _InputError(f"{option} {path} line {n}: {msg[len(head):]}") from None
                raise _InputError(f"{option} {path}: {msg[len(head):]}") from None
        raise


def _sentence_words(seg: "vntext.Segmenter", line: str) -> List[str]:
    """The sentences of line, each in the text format of its words. The
    text format of the line has one space between words and none inside
    one, so its words pair with the spans; a word never crosses a sentence
    end, so each falls in one sentence."""
    spans = seg.word_spans(line)
    if not spans:
        return []
    words = seg.word_tokenize(line, format="text").split(" ")
    out: List[str] = []
    k = 0
    for _, end in vntext.sent_spans(line):
        first = k
        while k < len(spans) and spans[k][1] <= end:
            k += 1
        out.append(" ".join(words[first:k]))
    return out


def _stream_cmd(args: argparse.Namespace) -> int:
    """words and sentences: each input line in, its result out."""
    try:
        if args.command == "words":
            seg = _segmenter(args)
            if args.spans:
                def result(line: str) -> str:
                    return json.dumps(seg.word_spans(line)) + "\n"
            elif args.sentences:
                def result(line: str) -> str:
                    return "".join(s + "\n" for s in _sentence_words(seg, line)) or "\n"
            else:
                def result(line: str) -> str:
                    return seg.word_tokenize(line, format="text") + "\n"
        elif args.spans:
            def result(line: str) -> str:
                return json.dumps(vntext.sent_spans(line)) + "\n"
        else:
            def result(line: str) -> str:
                return "".join(s + "\n" for s in vntext.sent_tokenize(line)) or "\n"
        out = _stdout()
        flush = _line_flush(args)
        for line in _input_lines(args.file):
            out.write(result(line).encode("utf-8"))
            if flush:
                out.flush()
        out.flush()
    except OSError as e:
        return _os_error(e)
    except _InputError as e:
        return _input_error(e)
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m vntext",
        description="Vietnamese text tools. With no command, runs a demo on a built-in sample.",
    )
    parser.add_argument("--version", action="version", version=f"vntext {vntext.__version__}")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("demo", help="run the demo (the default)")
    p = sub.add_parser("normalize", help="normalize tone marks of FILE (or stdin) to stdout")
    p.add_argument("--style", choices=["traditional", "modern"], default="traditional",
                   help="tone placement for oa/oe/uy (default: traditional, hòa; modern: hoà)")
    p.add_argument("--line-buffered", action="store_true",
                   help="write out each line's result at once (as on a terminal), for a pipe"
                   " that must see it before the input ends: tail -f log | ...")
    p.add_argument("file", nargs="?", metavar="FILE", help="UTF-8 input; stdin when absent or -")
    p = sub.add_parser("words", help="segment the words of FILE (or stdin), line by line")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--spans", action="store_true",
                     help="write each line's word spans as JSON [[start, end], ...] (code points)"
                     " instead of its words joined by _")
    how.add_argument("--sentences", action="store_true",
                     help="write each sentence on a line of its own (a blank line stays blank)")
    p.add_argument("--user-dict", metavar="FILE",
                   help="file of words to keep joined, one a line (Segmenter user_dict)")
    p.add_argument("--user-split", metavar="FILE",
                   help="file of words to split, one a line (Segmenter user_split)")
    p.add_argument("--line-buffered", action="store_true",
                   help="write out each line's result at once (as on a terminal), for a pipe"
                   " that must see it before the input ends: tail -f log | ...")
    p.add_argument("file", nargs="?", metavar="FILE", help="UTF-8 input; stdin when absent or -")
    p = sub.add_parser("sentences",
                       help="split FILE (or stdin) into sentences, one a line; a blank line stays")
    p.add_argument("--spans", action="store_true",
                   help="write each line's sentence spans as JSON [[start, end], ...] (code points)")
    p.add_argument("--line-buffered", action="store_true",
                   help="write out each line's result at once (as on a terminal), for a pipe"
                   " that must see it before the input ends: tail -f log | ...")
    p.add_argument("file", nargs="?", metavar="FILE", help="UTF-8 input; stdin when absent or -")
    args = parser.parse_args(argv)

    try:
        if args.command == "normalize":
            return _normalize_cmd(args)
        if args.command in ("words", "sentences"):
            return _stream_cmd(args)
    except KeyboardInterrupt:  # Ctrl-C: no traceback, the shell's status
        return 130
    if sys.stdout is None:
        print("vntext: no standard output (it is closed)", file=sys.stderr)
        return 1
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        status = demo()
        sys.stdout.flush()
    except OSError as e:
        return _os_error(e)
    return status


if __name__ == "__main__":
    sys.exit(main())
