"""timeline: dated conflict events from Indonesian news.

Public API::

    timeline.extract(text, published=None)     # one text -> rows (dates, events, article)
    timeline.resolve_dates(text, anchor)       # one text -> date expressions, resolved
    timeline.load("dataset", table="events")   # a built table as a pandas DataFrame
    timeline.validate("dataset")               # problems against schema.json ([] if valid)
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["extract", "resolve_dates", "load", "validate", "__version__"]


def extract(text: str, published=None, lang: str = "id") -> dict:
    """Run the pipeline on one text; returns {'article': row, 'dates': rows, 'events': rows}."""
    from .pipeline import extract as _extract

    result = _extract(text, published, lang=lang)
    if result.error:
        raise ValueError(result.error)
    return {"article": result.article, "dates": result.dates, "events": result.events}


def resolve_dates(text: str, anchor, lang: str = "id") -> list[dict]:
    """Every date expression in a text as `dates` rows; `anchor` is a date or ISO string (None: only explicit dates resolve)."""
    from datetime import date

    from .temporal import resolve_dates as _resolve

    if isinstance(anchor, str):
        anchor = date.fromisoformat(anchor)
    return [m.row() for m in _resolve(text, anchor, lang=lang)]


def load(path, table: str = "events", columns=None):
    """A built table as a pandas DataFrame (dates as datetime64, enums as categoricals)."""
    from .dataset import load as _load

    return _load(path, table, columns)


def validate(path) -> list[str]:
    """Problems found checking a dataset against schema.json; empty when valid."""
    from .dataset import validate as _validate

    return _validate(path)
