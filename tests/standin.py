"""A stand-in for pipeline.process for engine/build tests: fast, deterministic rows from marker words.

Years (`2021`) become `dates` rows; marker words (`serang`, `runding`, ...) become events dated by
the last year before them (or the anchor, or nothing). `CRASH` in a text kills the worker
process, `HANG` makes it sleep two minutes, `FAIL` makes the article fail, `HUGE` returns a casualty count too big for int32.
Module-level functions, so worker processes can unpickle them by reference.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import re
import signal
import time
from datetime import date

import timeline
from timeline.model import Article, ArticleResult

TYPES = {"serang": "attack", "tembak": "attack", "runding": "negotiation", "tarik": "withdrawal",
         "demo": "protest", "bantu": "aid", "tangkap": "arrest", "ungsi": "evacuation"}
WORDS = list(TYPES) + ["dan", "di", "kota", "pasukan", "warga", "pada", "tahun"]


def process(article: Article, published: date | None = None) -> ArticleResult:
    """Rows for one article, like pipeline.process but from marker words only."""
    text = article.text
    if "CRASH" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    if "HANG" in text:
        time.sleep(120)
    if "FAIL" in text:
        return ArticleResult(article.id, article.source, error="stand-in failure")
    anchor = date.fromisoformat(article.published[:10]) if article.published else published
    dates, events, year = [], [], None
    for m in re.finditer(r"\b(?:19|20)\d\d\b|\w+", text):
        word = m.group()
        if word.isdigit():
            year = int(word)
            dates.append({"article_id": article.id, "start": m.start(), "end": m.end(), "text": word,
                          "date_start": date(year, 1, 1), "date_end": date(year, 12, 31), "granularity": "year",
                          "method": "explicit", "anchor": anchor})
        elif word in TYPES:
            day = date(year, 6, 1) if year else anchor
            events.append({"event_id": _id(article.id, m.start(), TYPES[word]), "article_id": article.id,
                           "event_type": TYPES[word], "event_date": day, "event_date_end": day,
                           "date_method": "expression" if year else "publication", "modality": "asserted",
                           "trigger": word, "sentence": text[max(0, m.start() - 20):m.end() + 20], "start": 0,
                           "end": len(text), "trigger_start": m.start(), "trigger_end": m.end(),
                           "fatalities": 2**40 if "HUGE" in text else None,
                           "pipeline_version": timeline.__version__})
    row = {"article_id": article.id, "source": article.source, "url": article.url, "outlet": article.outlet,
           "title": article.title, "language": article.language or "id", "published": article.published,
           "anchor_date": anchor, "anchor_method": "metadata" if anchor else "none", "anchor_note": None,
           "n_chars": len(text), "sha256": hashlib.sha256(text.encode()).hexdigest(), "n_events": len(events),
           "n_dates": len(dates), "pipeline_version": timeline.__version__}
    return ArticleResult(article.id, article.source, row, dates, events)


def _id(article_id: str, start: int, kind: str) -> str:
    return hashlib.sha256(f"{article_id}|{start}|{kind}".encode()).hexdigest()[:20]


def texts(n: int, seed: int = 0) -> list[dict]:
    """n article objects (JSONL form) with marker words, years and publication dates."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(5, 40))]
        for _ in range(rng.randint(0, 3)):
            words.insert(rng.randrange(len(words) + 1), str(rng.randint(2015, 2024)))
        pub = None if i % 7 == 3 else f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        out.append({"id": f"s{seed}-{i:05d}", "text": " ".join(words), "published": pub})
    return out


def write_jsonl(path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def articles(n: int, seed: int = 0) -> list[Article]:
    return [Article(id=r["id"], text=r["text"], published=r["published"], source="mem") for r in texts(n, seed)]
