"""Human-readable explanations: how dates in a text resolve, why an event row exists."""
from __future__ import annotations

from datetime import date

import pyarrow.dataset as pads

from .dataset import arrow_dataset
from .lang import DEFAULT_LANG
from .model import Anchor
from .temporal import infer_anchor, resolve_dates


def date_rows(text: str, anchor: date | None, lang: str = DEFAULT_LANG) -> tuple[list[dict], dict]:
    """Rows of the dates table for a text, and the anchor used (inferred when not given)."""
    found = Anchor(anchor, "metadata", "given") if anchor else infer_anchor(text, lang=lang)
    rows = [m.row() for m in resolve_dates(text, found.date, lang=lang)]
    return rows, {"date": found.date, "method": found.method, "note": found.note}


def mark(sentence: str, offset: int, spans: list[tuple[int | None, int | None, str]]) -> str:
    """The sentence with each (start, end, label) span of the article wrapped as [label: ...]."""
    inside = sorted((s - offset, e - offset, lab) for s, e, lab in spans
                    if s is not None and e is not None and offset <= s and e - offset <= len(sentence))
    out, pos = [], 0
    for s, e, lab in inside:
        if s < pos:
            continue
        out += [sentence[pos:s], f"[{lab}: {sentence[s:e]}]"]
        pos = e
    out.append(sentence[pos:])
    return "".join(out)


def explain_event(dataset: str, event_id: str) -> str | None:
    """A short report on one event row, or None if there is no such event."""
    rows = arrow_dataset(dataset, "events").to_table(filter=pads.field("event_id") == event_id).to_pylist()
    if not rows:
        return None
    r = rows[0]
    spans = [(r["trigger_start"], r["trigger_end"], r["event_type"]),
             (r["date_expr_start"], r["date_expr_end"], "date")]
    lines = [
        f"event {r['event_id']} in article {r['article_id']}",
        f"  type        {r['event_type']} (PLOVER {r['plover'] or '-'}, CAMEO {r['cameo'] or '-'}), modality {r['modality']}",
        f"  date        {r['event_date']}..{r['event_date_end']} ({r['date_granularity']}), by {r['date_method']}"
        + (f" from {r['date_text']!r}" if r["date_text"] else ""),
        f"  actors      {r['actor1'] or '-'} -> {r['actor2'] or '-'}",
        f"  place       {r['location'] or '-'} ({r['country'] or '-'}; {r['latitude']}, {r['longitude']})",
        f"  casualties  killed {r['fatalities'] if r['fatalities'] is not None else 'n/r'}, "
        f"injured {r['injured'] if r['injured'] is not None else 'n/r'}",
        f"  sentence    {mark(r['sentence'], r['start'], spans)}",
        f"  rules       {r['rules'] or '-'}",
    ]
    return "\n".join(lines)
