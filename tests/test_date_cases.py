"""Table-driven cases for the temporal tagger: tests/cases/dates_id.tsv (and dates_extra.tsv).

One test per row: the expected expression (found at its `occurrence` in the text) must be
overlapped by a returned row with equal date_start, date_end and granularity; `expr` '-' means the
text gives no row. One test per distinct text: no returned row may be spurious (overlap nothing expected).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.temporal import resolve_dates

CASES = Path(__file__).parent / "cases"
FILES = ("dates_id.tsv", "dates_extra.tsv")


def _load() -> list[dict]:
    rows = []
    for name in FILES:
        path = CASES / name
        if not path.exists():
            continue
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
        header = lines[0].split("\t")
        for n, line in enumerate(lines[1:], 2):
            cells = line.split("\t")
            row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
            row["id"] = f"{name}:{n}:{row['group']}"
            rows.append(row)
    return rows


ROWS = _load()
TEXTS = sorted({(r["text"], r["anchor"]) for r in ROWS})


def _anchor(s: str) -> date | None:
    return date.fromisoformat(s) if s.strip() else None


def _span(text: str, expr: str, occurrence: str) -> tuple[int, int]:
    pos = -1
    for _ in range(int(occurrence or 1)):
        pos = text.find(expr, pos + 1)
        assert pos >= 0, f"expression {expr!r} (occurrence {occurrence}) is not in the text"
    return pos, pos + len(expr)


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


@pytest.mark.parametrize("case", ROWS, ids=[r["id"] for r in ROWS])
def test_case_row(case: dict) -> None:
    rows = resolve_dates(case["text"], _anchor(case["anchor"]))
    if case["expr"] == "-":
        assert rows == [], f"expected no date row, got {[(r.text, r.date_start) for r in rows]}"
        return
    s, e = _span(case["text"], case["expr"], case["occurrence"])
    hits = [r for r in rows if r.start < e and s < r.end]
    assert hits, f"{case['expr']!r} not found; rows: {[r.text for r in rows]}"
    got = [(_iso(r.date_start), _iso(r.date_end), r.granularity) for r in hits]
    assert (case["date_start"], case["date_end"], case["granularity"]) in got, f"{case['note']} | got {got}"


@pytest.mark.parametrize("text,anchor", TEXTS, ids=[f"text{i}" for i in range(len(TEXTS))])
def test_no_spurious_rows(text: str, anchor: str) -> None:
    expected = [_span(text, r["expr"], r["occurrence"]) for r in ROWS
                if (r["text"], r["anchor"]) == (text, anchor) and r["expr"] != "-"]
    rows = resolve_dates(text, _anchor(anchor))
    spurious = [r.text for r in rows if not any(r.start < e and s < r.end for s, e in expected)]
    assert not spurious, f"spurious rows {spurious}"
