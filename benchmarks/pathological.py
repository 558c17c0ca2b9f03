"""Pathological articles: time per MB for huge, digit-only and binary-junk texts; prints, asserts nothing.

    .venv/bin/python benchmarks/pathological.py [--mb 10]

Each kind is timed at 1/4, 1/2 and the full size through `pipeline.process`, so the figures
show whether the cost grows in proportion to the size (seconds per MB stays flat) or faster.
Then one full build holds all of them among ordinary articles, with --jobs 2, to show the
others are still built.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timeline.model import Article
from timeline.pipeline import process

SENTENCE = "Pasukan Rusia menyerang Kyiv pada Kamis (24/2) lalu, kata juru bicara NATO di Brussel. "


def kinds(chars: int) -> dict[str, str]:
    rng = random.Random(0)
    junk = "".join(chr(rng.choice([rng.randrange(0, 32), rng.randrange(0x80, 0x2FF), rng.randrange(0xE000, 0xF8FF)]))
                   for _ in range(min(chars, 200_000)))
    return {
        "news repeated": (SENTENCE * (chars // len(SENTENCE) + 1))[:chars],
        "digits": "".join(rng.choice("0123456789") for _ in range(chars)),
        "digits and slashes": ("24/2/2022 1.000.000 " * (chars // 20 + 1))[:chars],
        "binary junk": (junk * (chars // len(junk) + 1))[:chars],
        "one long word": "a" * chars,
    }


def time_one(text: str) -> tuple[float, int, str | None]:
    t0 = time.perf_counter()
    result = process(Article(id="p", text=text, published="2022-03-01"))
    return time.perf_counter() - t0, len(result.events) + len(result.dates), result.error


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=10)
    args = ap.parse_args()
    full = int(args.mb * 2**20)
    process(Article(id="w", text=SENTENCE, published="2022-03-01"))
    for name in kinds(1000):
        line = []
        for frac in (0.25, 0.5, 1.0):
            text = kinds(int(full * frac))[name]
            secs, rows, err = time_one(text)
            line.append(f"{len(text) / 2**20:.1f} MB {secs:.2f}s ({secs / (len(text) / 2**20):.2f} s/MB, {rows} rows"
                        f"{', error: ' + err[:60] if err else ''})")
        print(f"{name:20} " + "  ".join(line), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        rows = [{"id": name, "text": text, "published": "2022-03-01"} for name, text in kinds(full).items()]
        rows += [{"id": f"ok{i}", "text": SENTENCE * 5, "published": "2022-03-01"} for i in range(200)]
        random.Random(1).shuffle(rows)
        path = Path(tmp) / "in.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        t0 = time.perf_counter()
        res = subprocess.run([sys.executable, "-m", "timeline.cli", "build", str(path), "-o", str(Path(tmp) / "out"),
                              "--jobs", "2", "--json", "--quiet"], capture_output=True, text=True)
        print(f"build of {len(rows)} articles with all of them: {time.perf_counter() - t0:.1f}s, exit {res.returncode}, "
              f"summary {res.stdout.strip()}")


if __name__ == "__main__":
    main()
