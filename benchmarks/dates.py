"""Our temporal tagger against dateparser's `search_dates` on a gold corpus: value F1 and speed.

    .venv/bin/python benchmarks/dates.py [--gold ../shared/corpus] [--repeat 5]

Both read every article of GOLD/articles.jsonl with the same anchor (its `published` date, else the
anchor timeline infers) and are scored with the scorer's own functions (../shared/eval/score.py).
dateparser runs as its maintainers document for Indonesian: languages=['id'], RELATIVE_BASE,
DATE_ORDER DMY, PREFER_DATES_FROM past. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import time
import warnings
from datetime import date, datetime
from pathlib import Path

from timeline.temporal import infer_anchor, resolve_dates

ROOT = Path(__file__).resolve().parents[1]


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("timeline_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def articles(gold: Path) -> list[tuple[str, str, date | None]]:
    out = []
    for line in (gold / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            a = json.loads(line)
            pub = a.get("published")
            anchor = date.fromisoformat(pub[:10]) if pub else infer_anchor(a["text"]).date
            out.append((a["id"], a["text"], anchor))
    return out


def ours(aid: str, text: str, anchor: date | None) -> list[dict]:
    return [dict(article_id=aid, start=m.start, end=m.end, text=m.text, date_start=m.date_start,
                 date_end=m.date_end) for m in resolve_dates(text, anchor)]


def theirs(aid: str, text: str, anchor: date | None) -> list[dict]:
    from dateparser.search import search_dates

    base = datetime.combine(anchor or date.today(), datetime.min.time())
    settings = {"RELATIVE_BASE": base, "DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"}
    rows, pos = [], 0
    for sub, dt in search_dates(text, languages=["id"], settings=settings) or []:
        start = text.find(sub, pos)
        if start < 0:
            continue
        pos = start + len(sub)
        rows.append(dict(article_id=aid, start=start, end=pos, text=sub, date_start=dt.date(), date_end=dt.date()))
    return rows


def run(tagger, arts, repeat: int) -> tuple[list[dict], float]:
    rows: list[dict] = []
    t0 = time.perf_counter()
    for _ in range(repeat):
        rows = [r for aid, text, anchor in arts for r in tagger(aid, text, anchor)]
    return rows, len(arts) * repeat / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    ap.add_argument("--repeat", type=int, default=5, help="passes over the corpus for the speed figure")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    score = load_scorer(args.scorer)
    gold = score.load_gold(args.gold)
    arts = articles(args.gold)
    theirs(*arts[0])  # warm dateparser's language data, as ours is warmed below
    ours(*arts[0])
    print(f"corpus: {args.gold} ({len(arts)} articles)")
    print(f"{'tagger':28s} {'span F1':>8s} {'value F1':>9s} {'P':>6s} {'R':>6s} {'articles/s':>11s}")
    speeds = {}
    for name, tagger, rep in (("timeline.temporal", ours, args.repeat), ("dateparser.search_dates", theirs, 1)):
        rows, speed = run(tagger, arts, rep)
        d = score.score_dates(gold, rows, [])
        speeds[name] = speed
        print(f"{name:28s} {d['span']['f1']:8.3f} {d['value']['f1']:9.3f} {d['value']['precision']:6.3f} "
              f"{d['value']['recall']:6.3f} {speed:11.1f}")
    print(f"speed ratio: {speeds['timeline.temporal'] / speeds['dateparser.search_dates']:.1f}x")


if __name__ == "__main__":
    main()
