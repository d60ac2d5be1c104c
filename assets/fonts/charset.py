#!/usr/bin/python3
"""Writes the code points the terminal's font subset keeps: GB 2312 in full, every CJK Unified
Ideograph of the basic block (names and notices use more than GB 2312), Latin, punctuation,
symbols and U+FFFD. One "U+XXXX" per comma, the format of fontTools' --unicodes-file."""
import sys

ranges = [
    (0x0020, 0x007E), (0x00A0, 0x017F),   # ASCII, Latin-1, Latin Extended-A
    (0x2000, 0x206F), (0x20A0, 0x20CF),   # general punctuation, currency
    (0x2100, 0x214F), (0x2190, 0x21FF),   # letterlike, arrows
    (0x2460, 0x24FF), (0x2500, 0x25FF),   # enclosed numbers, box drawing, shapes
    (0x2600, 0x26FF), (0x3000, 0x303F),   # symbols, CJK punctuation
    (0x3200, 0x32FF), (0x4E00, 0x9FFF),   # enclosed CJK, CJK Unified Ideographs
    (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),   # CJK compatibility forms, full/half width
    (0xFFFD, 0xFFFD),
]
codepoints = set()
for first, last in ranges:
    codepoints.update(range(first, last + 1))
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            codepoints.update(ord(ch) for ch in bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass

with open(sys.argv[1], "w") as out:
    out.write(",".join("U+%04X" % cp for cp in sorted(codepoints)))
