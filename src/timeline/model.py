"""Records passed between the pipeline stages: articles in, date and event mentions out."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache
from operator import attrgetter


def _shallow(record) -> dict:
    """Field name -> value, without dataclasses.asdict's deep copy (a hot path: one call per row)."""
    names, get = _getters(type(record))
    return dict(zip(names, get(record)))


@lru_cache(maxsize=None)
def _getters(cls: type) -> tuple[tuple[str, ...], Callable[[object], tuple]]:
    """The field names of a dataclass, in order, and a function reading them all as a tuple."""
    names = tuple(f.name for f in fields(cls))
    if len(names) > 1:
        return names, attrgetter(*names)
    return names, lambda record: tuple(getattr(record, n) for n in names)  # attrgetter needs 2+ for a tuple


@dataclass(frozen=True)
class Article:
    """One input article; `text` is kept exactly as given so offsets index it."""

    id: str
    text: str
    published: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    source: str = ""


@dataclass(frozen=True)
class Anchor:
    """The reference date of an article and how it was obtained."""

    date: date | None
    method: str  # metadata | dateline | inferred | none
    note: str | None = None


@dataclass
class DateMention:
    """One temporal expression: a row of the `dates` table without the article id."""

    start: int
    end: int
    text: str
    date_start: date | None
    date_end: date | None
    granularity: str
    modifier: str | None
    method: str
    anchor: date | None
    weekday_consistent: bool | None = None
    value: str | None = None

    def row(self) -> dict:
        return _shallow(self)


@dataclass
class EventMention:
    """One event mention: a row of the `events` table without ids and version."""

    event_type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: str
    start: int
    end: int
    modality: str = "asserted"
    event_date: date | None = None
    event_date_end: date | None = None
    date_granularity: str | None = None
    date_method: str = "publication"
    date_text: str | None = None
    date_expr_start: int | None = None
    date_expr_end: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    location: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int | None = None
    injured: int | None = None
    acled_time_precision: int | None = None
    ucdp_date_prec: int | None = None
    plover: str | None = None
    cameo: str | None = None
    rules: list[str] = field(default_factory=list)

    def row(self) -> dict:
        d = _shallow(self)
        d["rules"] = ";".join(self.rules) if self.rules else None
        return d


@dataclass
class ArticleResult:
    """The rows one article contributes to each table, or the error that stopped it."""

    article_id: str
    source: str
    article: dict | None = None
    dates: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    error: str | None = None
