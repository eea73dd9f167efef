#!/usr/bin/env python3
"""Generate csrc/legacy_tables.h, the decoding tables of the legacy
Vietnamese encodings, from the committed tables in data/legacy/*.tsv.

Each .tsv names its source in its '#' header lines; those lines are copied
into the generated header.  Run `python3 tools/gen_legacy_tables.py` (or
`make tables`) after changing a .tsv.  The output depends only on the .tsv
files and on the Windows-1252 codec of Python (CPython's encodings/cp1252.py,
compiled from the Unicode Consortium's MAPPINGS/VENDORS/MICSFT/WINDOWS/
CP1252.TXT), so it is the same on every run.

Decisions encoded here (legacy.c relies on them):
  * Byte 0x00 is U+0000 in every encoding; elsewhere 0 in a byte table means
    "undefined".
  * VISCII, VPS and TCVN3 are single-byte tables, 0x00-0x7F ASCII except
    where the file lists a byte (the six VISCII C0 letters).
  * TCVN3 and VPS list only their letters.  Their other bytes 0x80-0xFF keep
    the Windows-1252 character (TCVN3: tone-marks spec section 3.3; the .Vn
    and VPS fonts were Windows fonts that only replaced the letter
    positions); the five bytes Windows-1252 leaves undefined stay undefined.
  * VNI-Windows: a base byte plus a mark byte, or one byte.  A mark byte that
    does not follow a base it combines with is undefined.  Other bytes
    0x80-0xFF keep their Windows-1252 character, as for TCVN3.  The pair
    table also accepts a base of the other case than the table pairs with
    a mark (`A` + 0xF9, the mark of lowercase a-acute), decoded as the
    letter of the base's case: Windows case changes applied to VNI text
    change the base and the mark bytes independently.
  * "Case-shared" bytes: where a source uses the lowercase letter's byte for
    the uppercase letter too (TCVN3, VPS: note "also used for uppercase";
    VISCII: note "unikey also emits this byte for"), the uppercase letter is
    recorded so that the decoder can restore it inside all-caps words.
"""
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data", "legacy")
OUT = os.path.join(ROOT, "csrc", "legacy_tables.h")

FILES = {
    "cp1258": "cp1258.tsv",
    "viscii": "viscii.tsv",
    "tcvn3": "tcvn3_abc.tsv",
    "vn1": "tcvn5712-1_vn1.tsv",
    "vps": "vps.tsv",
    "vni": "vni_windows.tsv",
    "viqr": "viqr.tsv",
}

# VIQR marks as written in viqr.tsv (RFC 1456): shapes, then tones.  The
# index is what legacy.c uses (tone indexes are vnt_tone values).
VIQR_SHAPES = {"(": 1, "^": 2, "+": 3}          # breve, circumflex, horn
VIQR_TONES = {"`": 1, "'": 2, "?": 3, "~": 4, ".": 5}  # grave acute hook tilde dot
VIQR_BASES = "aeiouyAEIOUY"


def fail(msg):
    sys.exit("gen_legacy_tables: " + msg)


def read_tsv(name):
    """(header comment lines, column names, rows as dicts) of one file."""
    path = os.path.join(DATA, FILES[name])
    comments, cols, rows = [], None, []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                comments.append(line[1:].strip())
                continue
            if not line.strip():
                continue
            fields = line.split("\t")
            if cols is None:
                cols = fields
                continue
            fields += [""] * (len(cols) - len(fields))
            row = dict(zip(cols, fields))
            row["_line"] = "%s:%d" % (FILES[name], lineno)
            rows.append(row)
    if not comments or cols is None:
        fail("%s: no header" % FILES[name])
    return comments, cols, rows


def parse_cp(field, where):
    m = re.fullmatch(r"U\+([0-9A-F]{4,6})", field)
    if not m:
        fail("%s: bad code point %r" % (where, field))
    cp = int(m.group(1), 16)
    if cp > 0xFFFF or cp == 0:
        fail("%s: code point out of range" % where)
    return cp


def parse_byte(field, where):
    m = re.fullmatch(r"0x([0-9A-F]{2})", field)
    if not m:
        fail("%s: bad byte %r" % (where, field))
    return int(m.group(1), 16)


def check_char(row, cp):
    if row.get("char") and row["char"] != chr(cp) and not unicodedata.combining(chr(cp)):
        fail("%s: char column %r is not U+%04X" % (row["_line"], row["char"], cp))


def cp1252_table():
    """Windows-1252 byte -> code point (0 = undefined), from Python's codec."""
    t = [0] * 256
    for b in range(256):
        try:
            t[b] = ord(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            t[b] = 0
    undefined = [b for b in range(0x80, 0x100) if t[b] == 0]
    if undefined != [0x81, 0x8D, 0x8F, 0x90, 0x9D]:
        fail("unexpected Windows-1252 codec: undefined bytes %r" % undefined)
    return t


CASE_NOTE = re.compile(r"(?:also used for uppercase|unikey also emits this byte for) U\+([0-9A-F]{4})")


def single_byte(name, fallback=None):
    """Byte table of a single-byte encoding and its case-shared uppercase
    table.  Unlisted bytes: ASCII below 0x80, fallback[b] (or 0) above."""
    comments, cols, rows = read_tsv(name)
    table = [b if b < 0x80 else (fallback[b] if fallback else 0) for b in range(256)]
    upper = [0] * 256
    listed = set()
    for row in rows:
        b = parse_byte(row["byte"], row["_line"])
        if b in listed:
            fail("%s: byte listed twice" % row["_line"])
        listed.add(b)
        if not row["unicode"]:
            if "undefined" not in row.get("note", ""):
                fail("%s: no code point and not marked undefined" % row["_line"])
            table[b] = 0
            continue
        cp = parse_cp(row["unicode"], row["_line"])
        check_char(row, cp)
        table[b] = cp
        m = CASE_NOTE.search(row.get("note", ""))
        if m:
            up = int(m.group(1), 16)
            if chr(cp).upper() != chr(up):
                fail("%s: U+%04X is not the uppercase of U+%04X" % (row["_line"], up, cp))
            upper[b] = up
    table[0] = 0  # U+0000: handled by the decoder
    return comments, table, upper, listed


def vni_tables(fallback):
    comments, cols, rows = read_tsv("vni")
    single = {}
    pairs = {}
    for row in rows:
        bs = [parse_byte(x, row["_line"]) for x in row["bytes"].split()]
        cp = parse_cp(row["unicode"], row["_line"])
        check_char(row, cp)
        if len(bs) == 1:
            if bs[0] < 0x80 or bs[0] in single:
                fail("%s: bad single byte" % row["_line"])
            single[bs[0]] = cp
        elif len(bs) == 2:
            if bs[1] < 0xC0 or tuple(bs) in pairs:
                fail("%s: bad pair" % row["_line"])
            pairs[tuple(bs)] = cp
        else:
            fail("%s: 1 or 2 bytes expected" % row["_line"])
    marks = sorted({m for (_, m) in pairs})
    if set(marks) & set(single):
        fail("vni: a mark byte is also a letter")
    bases = sorted({b for (b, _) in pairs})
    # The other-case base of each base byte (ASCII letters, and the horn
    # letters, whose cases differ by 0x20 like Windows-1252's).
    swap = {}
    for b in bases:
        o = b ^ 0x20
        if o not in bases:
            fail("vni: base 0x%02X has no other-case base" % b)
        swap[b] = o
    lenient = {}
    for (b, m), cp in sorted(pairs.items()):
        key = (swap[b], m)
        if key in pairs:
            continue
        other = chr(cp).swapcase()
        if len(other) != 1:
            fail("vni: no case pair for U+%04X" % cp)
        lenient[key] = ord(other)
    table = [b if b < 0x80 else fallback[b] for b in range(256)]
    for b in marks:
        table[b] = 0  # a mark byte alone
    for b, cp in single.items():
        table[b] = cp
    table[0] = 0
    all_pairs = dict(pairs)
    all_pairs.update(lenient)
    return comments, table, bases, all_pairs, pairs, single, lenient


def viqr_table():
    comments, cols, rows = read_tsv("viqr")
    grid = {}
    dd = {}
    entries = []
    for row in rows:
        seq = row["viqr"]
        cp = parse_cp(row["unicode"], row["_line"])
        check_char(row, cp)
        entries.append((seq, cp))
        if seq in ("DD", "dd"):
            dd[seq] = cp
            continue
        base, rest = seq[0], seq[1:]
        if base not in VIQR_BASES:
            fail("%s: unknown base letter" % row["_line"])
        shape = tone = 0
        if rest and rest[0] in VIQR_SHAPES:
            shape, rest = VIQR_SHAPES[rest[0]], rest[1:]
        if rest and rest[0] in VIQR_TONES:
            tone, rest = VIQR_TONES[rest[0]], rest[1:]
        if rest or (shape == 0 and tone == 0):
            fail("%s: cannot read %r" % (row["_line"], seq))
        key = (base, shape, tone)
        if key in grid:
            fail("%s: sequence listed twice" % row["_line"])
        if unicodedata.normalize("NFD", chr(cp))[0] != base:
            fail("%s: U+%04X is not a letter %s" % (row["_line"], cp, base))
        grid[key] = cp
    if set(dd) != {"DD", "dd"}:
        fail("viqr: DD/dd missing")
    for base in VIQR_BASES:
        grid[(base, 0, 0)] = ord(base)
    count = sum(1 for k in grid if k[1] or k[2])
    if count + 2 != 134:
        fail("viqr: %d letters, 134 expected" % (count + 2))
    return comments, grid, dd, entries


def c_escape(bs):
    return "".join("\\x%02X" % b for b in bs)


def c_utf8(s):
    return c_escape(s.encode("utf-8"))


def table_lines(name, ctype, values, per_line=8, fmt="0x%04X"):
    out = ["static const %s %s[%d] = {" % (ctype, name, len(values))]
    for i in range(0, len(values), per_line):
        out.append("    " + ", ".join(fmt % v for v in values[i:i + per_line]) + ",")
    out.append("};")
    return out


def comment_block(title, comments):
    out = ["/* %s" % title]
    for c in comments:
        out.append(" *   " + c.replace("*/", "* /"))
    out.append(" */")
    return out


def main():
    cp1252 = cp1252_table()
    c1258, t1258, _, listed1258 = single_byte("cp1258")
    if listed1258 != set(range(0x80, 0x100)):
        fail("cp1258.tsv must list every byte 0x80-0xFF")
    cvis, tvis, uvis, listed_vis = single_byte("viscii")
    if any(tvis[b] == 0 for b in range(1, 256)):
        fail("viscii: every byte is defined")
    ctc3, ttc3, utc3, listed_tc3 = single_byte("tcvn3", cp1252)
    _, tvn1, _, _ = single_byte("vn1")
    for b in listed_tc3:  # the tcvn3 file says every letter byte matches VN1
        if ttc3[b] != tvn1[b]:
            fail("tcvn3 byte 0x%02X differs from VN1" % b)
    cvps, tvps, uvps, listed_vps = single_byte("vps", cp1252)
    cvni, tvni, vbases, vpairs, vstrict, vsingle, vlenient = vni_tables(cp1252)
    cviqr, vgrid, vdd, viqr_entries = viqr_table()

    L = []
    L.append("/* Generated by tools/gen_legacy_tables.py from the .tsv files in data/legacy/; do not edit by hand:")
    L.append(" * edit the .tsv files or the generator and run `python3 tools/gen_legacy_tables.py`. */")
    L.append("#ifndef VNT_LEGACY_TABLES_H")
    L.append("#define VNT_LEGACY_TABLES_H")
    L.append("")
    L.append("#include <stdint.h>")
    L.append("")
    L.append("/* Sources, as stated in the header lines of each file: */")
    for title, com in [("cp1258.tsv", c1258), ("viscii.tsv", cvis), ("tcvn3_abc.tsv", ctc3),
                       ("vps.tsv", cvps), ("vni_windows.tsv", cvni), ("viqr.tsv", cviqr)]:
        L.extend(comment_block(title + ":", com))
    L.append("/* Windows-1252 (fallback for bytes TCVN3, VPS and VNI leave unlisted, and")
    L.append(" * vnt_cp1252_to_bytes): CPython encodings/cp1252.py, compiled from Unicode")
    L.append(" * MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT. */")
    L.append("")
    L.append("#ifndef VNT_LEGACY_TABLE_ENTRIES")
    L.append("")
    L.append("/* Byte -> code point. Byte 0 is U+0000; any other 0 is an undefined byte. */")
    for cname, tab in [("vnt__cp1258", t1258), ("vnt__viscii", tvis), ("vnt__tcvn3", ttc3),
                       ("vnt__vps", tvps)]:
        L.extend(table_lines(cname, "uint16_t", tab))
    L.append("")
    L.append("/* Case-shared bytes: the uppercase letter that the source writes with the")
    L.append(" * byte of the lowercase one, else 0. */")
    for cname, tab in [("vnt__viscii_upper", uvis), ("vnt__tcvn3_upper", utc3),
                       ("vnt__vps_upper", uvps)]:
        L.extend(table_lines(cname, "uint16_t", tab))
    L.append("")
    L.append("/* VNI-Windows (single source: Unikey's VNI-WIN table). vnt__vni: one byte")
    L.append(" * alone (0 for a mark byte: it needs a base). vnt__vni_base: 1 + row of a")
    L.append(" * base byte in vnt__vni_pair, else 0. vnt__vni_pair[row][mark - 0xC0]: the")
    L.append(" * letter of base + mark, else 0; %d pairs from the table and %d of the" % (len(vstrict), len(vlenient)))
    L.append(" * other-case base (see the generator). */")
    L.extend(table_lines("vnt__vni", "uint16_t", tvni))
    base_idx = [0] * 256
    for i, b in enumerate(vbases):
        base_idx[b] = i + 1
    L.extend(table_lines("vnt__vni_base", "uint8_t", base_idx, per_line=16, fmt="%d"))
    L.append("#define VNT__VNI_MARK_LO 0xC0")
    L.append("static const uint16_t vnt__vni_pair[%d][64] = {" % len(vbases))
    for b in vbases:
        row = [vpairs.get((b, m), 0) for m in range(0xC0, 0x100)]
        L.append("    {  /* base 0x%02X %s */" % (b, bytes([b]).decode("cp1252")))
        for i in range(0, 64, 8):
            L.append("        " + ", ".join("0x%04X" % v for v in row[i:i + 8]) + ",")
        L.append("    },")
    L.append("};")
    L.append("")
    L.append("/* VIQR: letter of base (index in VNT__VIQR_BASES), shape (0 none, 1 breve")
    L.append(" * '(', 2 circumflex '^', 3 horn '+') and tone (vnt_tone: 1 grave '`',")
    L.append(" * 2 acute '\\'', 3 hook '?', 4 tilde '~', 5 dot '.'), else 0. */")
    L.append('#define VNT__VIQR_BASES "%s"' % VIQR_BASES)
    L.append("static const uint16_t vnt__viqr[%d][4][6] = {" % len(VIQR_BASES))
    for base in VIQR_BASES:
        L.append("    {  /* %s */" % base)
        for shape in range(4):
            L.append("        {" + ", ".join("0x%04X" % vgrid.get((base, shape, tone), 0)
                                          for tone in range(6)) + "},")
        L.append("    },")
    L.append("};")
    L.append("#define VNT__VIQR_DD 0x%04X /* DD */" % vdd["DD"])
    L.append("#define VNT__VIQR_dd 0x%04X /* dd */" % vdd["dd"])
    L.append("")
    L.append("/* Windows-1252: the characters of bytes 0x80-0x9F (0 = undefined), and")
    L.append(" * those characters sorted, with their bytes, for the way back. */")
    L.extend(table_lines("vnt__cp1252_c1", "uint16_t", cp1252[0x80:0xA0]))
    inv = sorted((cp1252[b], b) for b in range(0x80, 0xA0) if cp1252[b])
    L.append("static const struct { uint16_t cp; uint8_t byte; } vnt__cp1252_back[%d] = {" % len(inv))
    for i in range(0, len(inv), 4):
        L.append("    " + " ".join("{0x%04X, 0x%02X}," % x for x in inv[i:i + 4]))
    L.append("};")
    L.append("")
    L.append("#else /* VNT_LEGACY_TABLE_ENTRIES: every row of the .tsv files, for tests */")
    L.append("")
    L.append("typedef struct {")
    L.append("    const char *bytes; /* the encoded bytes */")
    L.append("    int nbytes;")
    L.append("    const char *utf8;  /* the character, UTF-8 */")
    L.append("    int upper_shared;  /* 1: the byte also stands for the uppercase letter */")
    L.append("} vnt_legacy_entry;")
    L.append("")

    def entries(cname, items):
        L.append("static const vnt_legacy_entry %s[] = {" % cname)
        for bs, s, shared in items:
            L.append('    {"%s", %d, "%s", %d},' % (c_escape(bs), len(bs), c_utf8(s), shared))
        L.append("};")

    def single_items(tab, up, listed):
        return [(bytes([b]), chr(tab[b]), 1 if up[b] else 0) for b in sorted(listed) if tab[b]]

    zeros = [0] * 256
    entries("vnt_entries_cp1258", single_items(t1258, zeros, listed1258))
    entries("vnt_entries_viscii", single_items(tvis, uvis, listed_vis))
    entries("vnt_entries_tcvn3", single_items(ttc3, utc3, listed_tc3))
    entries("vnt_entries_vps", single_items(tvps, uvps, listed_vps))
    vni_items = [(bytes([b]), chr(cp), 0) for b, cp in sorted(vsingle.items())]
    vni_items += [(bytes(k), chr(cp), 0) for k, cp in sorted(vstrict.items())]
    entries("vnt_entries_vni", vni_items)
    entries("vnt_entries_vni_lenient", [(bytes(k), chr(cp), 0) for k, cp in sorted(vlenient.items())])
    entries("vnt_entries_viqr", [(seq.encode("ascii"), chr(cp), 0) for seq, cp in viqr_entries])
    undefined = [b for b in range(1, 256) if t1258[b] == 0]
    L.append('static const char vnt_undefined_cp1258[] = "%s";' % c_escape(undefined))
    L.append("")
    L.append("#endif /* VNT_LEGACY_TABLE_ENTRIES */")
    L.append("#endif /* VNT_LEGACY_TABLES_H */")
    text = "\n".join(L) + "\n"
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
