"""Accuracy on every gold corpus at hand: build each with `timeline build`, score with ../shared/eval/score.py.

    .venv/bin/python benchmarks/accuracy.py [GOLD_FOLDER ...]

Default folders: ../shared/corpus (conflict news, dates and events), ../shared/corpus-kompas
(economy and aviation, dates only) and benchmarks/heldout (articles written for this project by an
annotator who never saw the code, with gold per ../shared/corpus/GUIDELINES.md). Also prints the
publication-date baseline for events (every event dated by its article's publication date, as
GDELT-style coders do), so the gain over it is visible. Prints figures; asserts nothing.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
DEFAULT = [ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "corpus-kompas", ROOT / "benchmarks" / "heldout"]


def score(gold: Path, dataset: Path) -> dict:
    out = subprocess.run([sys.executable, str(SCORE), "--gold", str(gold), "--dataset", str(dataset), "--json"],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def publication_baseline(gold: Path, dataset: Path, out: Path) -> dict:
    """The same events, each re-dated to its article's anchor date."""
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    events = ds.dataset(str(dataset / "events"), partitioning="hive").to_table()
    articles = ds.dataset(str(dataset / "articles"), partitioning="hive").to_table().to_pylist()
    anchor = {a["article_id"]: a["anchor_date"] for a in articles}
    rows = [dict(r, event_date=anchor[r["article_id"]], event_date_end=anchor[r["article_id"]])
            for r in events.select(["article_id", "event_type", "modality", "event_date", "event_date_end"]).to_pylist()]
    for name in ("events", "dates"):
        (out / name).mkdir(parents=True, exist_ok=True)
    import pyarrow as pa

    pq.write_table(pa.Table.from_pylist(rows, schema=events.select(
        ["article_id", "event_type", "modality", "event_date", "event_date_end"]).schema), out / "events" / "p.parquet")
    pq.write_table(ds.dataset(str(dataset / "dates"), partitioning="hive").to_table(), out / "dates" / "p.parquet")
    return score(gold, out)


def main(argv: list[str]) -> None:
    folders = [Path(a) for a in argv] or DEFAULT
    if not SCORE.exists():
        sys.exit(f"accuracy: the scorer {SCORE} is missing (it comes with ../shared/ beside the project)")
    print(f"{'corpus':28} {'dates span':>10} {'value':>7} {'ev dated':>9} {'typed':>7} {'core':>7} {'pub-date baseline':>18}")
    for gold in folders:
        if not (gold / "gold.jsonl").exists():
            print(f"{gold}: no gold.jsonl, skipped")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "ds"
            subprocess.run([str(Path(sys.executable).with_name("timeline")), "build", str(gold / "articles.jsonl"),
                            "-o", str(out), "--quiet"], check=False)
            s = score(gold, out)
            base = publication_baseline(gold, out, Path(tmp) / "base")
        d, e, c = s["dates"], s["events"], s["events_core"]
        has_events = e["dated"]["gold"] > 0
        ev = (f"{e['dated']['f1']:9.3f} {e['typed']['f1']:7.3f} {c['dated']['f1']:7.3f} "
              f"{base['events']['dated']['f1']:18.3f}") if has_events else f"{'-':>9} {'-':>7} {'-':>7} {'-':>18}"
        print(f"{gold.name:28} {d['span']['f1']:10.3f} {d['value']['f1']:7.3f} {ev}")


if __name__ == "__main__":
    main(sys.argv[1:])
