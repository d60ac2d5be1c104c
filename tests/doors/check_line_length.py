#!/usr/bin/env python3
"""The house style's line limit (.clang-format's ColumnLimit) over every C++ source: prints each
line that is wider and exits 1 if there is one. Wide characters (CJK) count two columns, as in
clang-format. `--fix` reformats just those lines with clang-format (--lines), then checks again.
Usage: check_line_length.py --root DIR [--fix] [FILE...] (files: check only these)."""
import argparse
import pathlib
import re
import subprocess
import sys
import unicodedata

SOURCE_DIRS = ("base", "kiosk", "platform", "sync", "tests")


def column_limit(root):
    match = re.search(r"^ColumnLimit:\s*(\d+)", (root / ".clang-format").read_text(), re.M)
    return int(match.group(1))


def width(line):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def wide_lines(path, limit):
    with open(path, encoding="utf-8") as f:
        return [n for n, line in enumerate(f, 1) if width(line.rstrip("\n")) > limit]


def sources(root):
    for d in SOURCE_DIRS:
        for p in sorted((root / d).rglob("*")):
            if p.suffix in (".cpp", ".hpp") and "node_modules" not in p.parts:
                yield p


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--fix", action="store_true")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    root = pathlib.Path(args.root)
    limit = column_limit(root)
    files = [pathlib.Path(f) for f in args.files] or list(sources(root))
    found = 0
    for path in files:
        lines = wide_lines(path, limit)
        if lines and args.fix:
            subprocess.run(["clang-format", "-i", *[f"--lines={n}:{n}" for n in lines], str(path)],
                           check=True)
            lines = wide_lines(path, limit)
        for n in lines:
            print(f"{path}:{n}: wider than {limit} columns")
        found += len(lines)
    print(f"{len(files)} files, {found} lines wider than {limit} columns")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
