#!/usr/bin/env python3
# Shows that the include check can fail: a small tree with one good file passes, and each
# deliberately broken door (a library outside its folder or its door file, the terminal seen
# from the protocol, an unknown library) makes the check fail and name the file.
import pathlib
import subprocess
import sys
import tempfile

CHECK = pathlib.Path(__file__).resolve().parent / "check_includes.py"
GOOD = {
    "kiosk/core/flow.cpp": ('#include <vector>\n#include "base/result.hpp"\n'
                            "#include <nlohmann/json.hpp>\n"),
    "kiosk/store/sqlite_db.cpp": "#include <sqlite3.h>\n",
    "platform/sdl/sdl_audio.hpp": '#include "platform/audio_out.hpp"\n',
}
BAD = {
    "kiosk/core/bad_sqlite.cpp": ("#include <sqlite3.h>\n", "may not include sqlite3"),
    "kiosk/store/other.cpp": ("#include <sqlite3.h>\n", "only kiosk/store/sqlite_db.cpp"),
    "sync/protocol/bad.cpp": ('#include "kiosk/core/ticket.hpp"\n', "may not include our kiosk"),
    "platform/sdl/bad.hpp": ('#include "platform/espeak/espeak_speech.hpp"\n',
                             "may not include our platform"),
    "kiosk/ui/bad.cpp": ("#include <SDL2/SDL.h>\n", "may not include sdl"),
    "sync/client/bad.cpp": ("#include <mystery/lib.h>\n", "unknown outside library"),
}


def run(files):
    with tempfile.TemporaryDirectory() as tmp:
        for rel, text in files.items():
            path = pathlib.Path(tmp) / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        done = subprocess.run([sys.executable, str(CHECK), "--root", tmp],
                              capture_output=True, text=True)
        return done.returncode, done.stdout


def main():
    failures = []
    code, out = run(GOOD)
    if code != 0:
        failures.append(f"the good tree failed:\n{out}")
    for rel, (text, words) in BAD.items():
        code, out = run({**GOOD, rel: text})
        if code == 0 or rel not in out or words not in out:
            failures.append(f"{rel} was not refused with '{words}' (exit {code}):\n{out}")
    for f in failures:
        print(f)
    print(f"{1 + len(BAD)} trees checked, {len(failures)} wrong")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
