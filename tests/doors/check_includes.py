#!/usr/bin/env python3
# The doors of docs/architecture.md, checked: which of our folders and which outside libraries
# each folder's sources may include, and the few files that are a library's only door.
# Every target sees the repository root, so the compiler cannot hold these lines; this does.
import argparse
import fnmatch
import pathlib
import re
import sys

# Outside libraries by how their headers are spelled (a prefix of the include path).
LIBRARIES = {
    "sqlite3": ["sqlite3.h"],
    "sdl": ["SDL2/"],
    "gl": ["GL/"],
    "imgui": ["imgui.h", "imgui_freetype.h", "imgui_internal.h", "backends/"],
    "stb": ["stb_"],
    "curl": ["curl/"],
    "boost": ["boost/"],
    "openssl": ["openssl/"],
    "sodium": ["sodium.h"],
    "spdlog": ["spdlog/"],
    "json": ["nlohmann/"],
    "toml": ["toml++/"],
    "cli11": ["CLI/"],
    "zxing": ["ZXing/"],
    "espeak": ["espeak-ng/"],
    "rime": ["rime_api.h", "rime/"],
    "zinnia": ["zinnia.h", "zinnia/"],
}

# Folder -> (our folders it may include, outside libraries it may include). The longest
# matching folder wins; a folder not listed here is not checked (tests, build output).
FOLDERS = {
    "base": (["base"], []),
    "kiosk/core": (["base", "kiosk/core"], ["json"]),
    "kiosk/ui": (["base", "kiosk/core", "kiosk/ui"], ["imgui", "stb"]),
    "kiosk/store": (["base", "kiosk/core", "kiosk/store", "sync/protocol", "sync/client"],
                    ["sqlite3", "sodium", "json"]),
    "kiosk/app": (["base", "kiosk", "platform", "sync/protocol", "sync/client"],
                  ["sdl", "imgui", "spdlog", "json", "toml", "cli11"]),
    "platform": (["base", "platform/speech.hpp", "platform/clock.hpp",
                  "platform/audio_out.hpp", "platform/input_method.hpp",
                  "platform/handwriting.hpp"], []),
    "platform/rime": (["base", "platform/input_method.hpp", "platform/rime"], ["rime"]),
    "platform/zinnia": (["base", "platform/handwriting.hpp", "platform/zinnia"], ["zinnia"]),
    "platform/espeak": (["base", "platform/speech.hpp", "platform/audio_out.hpp",
                         "platform/espeak"], ["espeak", "spdlog"]),
    "platform/qr": (["base", "kiosk/core/qr_modules.hpp", "platform/qr"], ["zxing"]),
    "platform/scan": (["base", "platform/scan"], ["zxing", "stb"]),
    "platform/sdl": (["base", "platform/audio_out.hpp", "platform/sdl"],
                     ["sdl", "gl", "imgui", "stb", "spdlog"]),
    "sync/protocol": (["base", "sync/protocol"], ["json", "sodium"]),
    "sync/client": (["base", "sync/protocol", "sync/client"], ["curl"]),
    "sync/hq": (["base", "sync/protocol", "sync/hq"],
                ["sqlite3", "boost", "openssl", "sodium", "spdlog", "json", "cli11",
                 "toml", "zxing"]),
}

# One door per outside library: outside sync/hq, only these files may include it.
DOORS = {
    "sqlite3": ["kiosk/store/sqlite_db.cpp", "sync/hq/*"],
    "curl": ["sync/client/curl_transport.cpp"],
    "boost": ["sync/hq/http_*"],
    "espeak": ["platform/espeak/espeak_speech.cpp"],
    "rime": ["platform/rime/rime_input_method.cpp"],
    "zinnia": ["platform/zinnia/zinnia_handwriting.cpp"],
    "zxing": ["platform/qr/qr_code.cpp", "platform/scan/qr_reader.cpp", "sync/hq/console/qr_svg.cpp"],
    "toml": ["kiosk/app/config.cpp", "sync/hq/hq_config.cpp"],
}

OURS = ("base/", "kiosk/", "platform/", "sync/", "tests/")
# C and POSIX headers every folder may use (C++ standard headers have no '.' and no '/').
SYSTEM = ("unistd.h", "fcntl.h", "pthread.h", "signal.h", "errno.h", "sys/", "dlfcn.h",
          "termios.h", "poll.h", "spawn.h", "malloc.h")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
SOURCES = ("*.cpp", "*.hpp", "*.h", "*.cc")


def library_of(header):
    for name, prefixes in LIBRARIES.items():
        if any(header.startswith(p) for p in prefixes):
            return name
    return None


def folder_rule(rel):
    best = None
    for folder in FOLDERS:
        if rel.startswith(folder + "/") and (best is None or len(folder) > len(best)):
            best = folder
    return best


def covers(allowed, header):
    return any(header == a or header.startswith(a.rstrip("/") + "/") for a in allowed)


def problems_in(rel, text):
    folder = folder_rule(rel)
    if folder is None:
        return []
    ours, libs = FOLDERS[folder]
    found = []
    for match in INCLUDE.finditer(text):
        header = match.group(2)
        line = text.count("\n", 0, match.start()) + 1
        where = f"{rel}:{line}: {header}"
        if header.startswith(OURS):
            if not covers(ours, header):
                found.append(f"{where}: {folder} may not include our {header.split('/')[0]}/...")
            continue
        if "/" not in header and "." not in header or header.startswith(SYSTEM):
            continue
        lib = library_of(header)
        if lib is None:
            found.append(f"{where}: unknown outside library (add it to LIBRARIES)")
        elif lib not in libs:
            found.append(f"{where}: {folder} may not include {lib}")
        elif lib in DOORS and not any(fnmatch.fnmatch(rel, g) for g in DOORS[lib]):
            found.append(f"{where}: only {', '.join(DOORS[lib])} may include {lib}")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", default=str(pathlib.Path(__file__).resolve().parents[2]))
    root = pathlib.Path(parser.parse_args().root)
    found = []
    checked = 0
    for folder in sorted({f.split("/")[0] for f in FOLDERS}):
        for pattern in SOURCES:
            for path in sorted((root / folder).rglob(pattern)):
                rel = path.relative_to(root).as_posix()
                checked += 1
                found += problems_in(rel, path.read_text(encoding="utf-8", errors="replace"))
    for line in found:
        print(line)
    print(f"{checked} files checked, {len(found)} doors broken")
    return 1 if found or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
