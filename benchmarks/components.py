"""Time per call of the pipeline's parts on a 3 KB article: gazetteers, temporal tagger, events, whole.

    .venv/bin/python benchmarks/components.py [--runs 200]

Prints milliseconds per call; asserts nothing (speed is measured here, never in tests).
"""
from __future__ import annotations

import argparse
import time
from datetime import date

from timeline.actors import find_actors
from timeline.events import extract_events
from timeline.model import Article
from timeline.pipeline import process
from timeline.places import find_places
from timeline.temporal import resolve_dates

PARAGRAPH = ("JAKARTA, KOMPAS.com - Presiden Rusia Vladimir Putin memerintahkan pasukan Rusia menyerang Kyiv, "
             "Senin (28/2), kata Sekjen NATO Jens Stoltenberg. KKB menembak prajurit TNI di Intan Jaya, sementara "
             "warga Palestina mengungsi ke Rafah di Jalur Gaza. Sedikitnya 20 orang tewas dan 40 luka-luka.\n\n")
ARTICLE = (PARAGRAPH * (3000 // len(PARAGRAPH) + 1))[:3000]
ANCHOR = date(2022, 3, 1)


def per_call(fn, runs: int) -> float:
    fn()
    t0 = time.perf_counter()
    for _ in range(runs):
        fn()
    return (time.perf_counter() - t0) / runs * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=200)
    runs = ap.parse_args().runs
    dates = resolve_dates(ARTICLE, ANCHOR)
    parts = {
        "find_places": lambda: find_places(ARTICLE),
        "find_actors": lambda: find_actors(ARTICLE),
        "resolve_dates": lambda: resolve_dates(ARTICLE, ANCHOR),
        "extract_events": lambda: extract_events(ARTICLE, dates, ANCHOR),
        "pipeline.process": lambda: process(Article(id="b", text=ARTICLE, published="2022-03-01")),
    }
    print(f"{'part':18} {'ms/call':>8}   (3,000-character article, {runs} runs)")
    for name, fn in parts.items():
        print(f"{name:18} {per_call(fn, runs):8.3f}")


if __name__ == "__main__":
    main()
