"""Indonesian (and any language with a `lang/<code>/` folder) temporal tagger.

Two phases, as HeidelTime and ctparse do: `extract.scan` finds spans with underspecified values,
`document.resolve_spans` places them against the anchor and earlier dates (methods documented
in `resolve`).

    resolve_dates(text, anchor, lang="id") -> list[DateMention]   # every expression, in text order
    infer_anchor(text, lang="id") -> Anchor                        # when an article has no date
"""
from __future__ import annotations

from datetime import date

from timeline.model import DateMention
from timeline.temporal.anchor import infer_anchor
from timeline.temporal.document import resolve_spans
from timeline.temporal.extract import scan

__all__ = ["resolve_dates", "infer_anchor"]


def resolve_dates(text: str, anchor: date | None, lang: str = "id") -> list[DateMention]:
    """Every date expression of `text`, resolved against `anchor` (None: only explicit dates get dates).

    Offsets index `text` as given: `text[m.start:m.end] == m.text` for every row.
    """
    if not text:
        return []
    return resolve_spans(scan(text, lang), anchor, text, lang)


