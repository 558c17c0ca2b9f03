"""Which date an event happened on: the expression that governs it, else the narrative date.

Order (GUIDELINES B, rules 1-3):
1. a date expression in the trigger's clause (not an old year that names a thing the clause refers
   to, 'kesepakatan ... tahun 1974': ``context``) (the finest, then the nearest; for an event that is
   no speech act, a date of the reporting - right after 'mengatakan,' - only when no other, and
   never for a future event) ->
   ``expression``;
2. for speech acts (statement, accusation, ...), a date anywhere in the sentence: the date of
   the speaking, as in '"...," kata X, Selasa (1/3)' -> ``expression``;
3. the narrative date: the last day-precise date before the clause (not a 'since'/'until'
   bound, not the start of a campaign: 'sejak dimulai pada 7 Oktober', not after the anchor,
   not from an earlier flashback paragraph 'Sebelumnya, pada ...', and not a stale date - more
   than STALE before the anchor - from an earlier paragraph: background ('Pada 7 Oktober 2023,
   ...') does not date the paragraphs after it, which fall through to step 4) -> ``inherited``;
4. before any such date, the report's own date: the first day-precise date in the text within a
   week before the anchor (the first at all when there is no anchor) (a lead is dated by its dateline or 'kata X, Senin (12/9)') -> ``inherited``;
5. the anchor (publication date) -> ``publication``.
Quoted physical events therefore take the narrative date, not the date the quote was spoken.

A future event (modality ``future``) with no date in its clause belongs to the future narrative, not
to the past one: a date after the anchor in its sentence (``expression``), else the last date before
it - back to the start of its paragraph or of the preceding sentence, whichever is earlier, not a date
of the reporting - when that date is not before the anchor ('gencatan senjata akan mulai berlaku
pada Minggu (19/1). Pasukan Israel juga akan mundur ...') -> ``inherited``; else the anchor
(``publication``), never a past narrative date.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import DateMention

REPORT_WINDOW = timedelta(days=7)
#: an earlier paragraph's date this much older than the anchor is background (not inherited);
#: a retrospective of recent months keeps its narrative
STALE = timedelta(days=365)
_BOUNDS = ("since", "until")
FINENESS = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5}


@dataclass(frozen=True)
class Dating:
    """The date chosen for an event and why."""

    mention: DateMention | None
    value: tuple[date | None, date | None, str | None]  # start, end, granularity
    method: str
    rule: str


class DateIndex:
    """The resolved date mentions of one article, sorted, with the lookups dating needs."""

    def __init__(self, dates: list[DateMention], anchor: date | None, skip: list[tuple[int, int]],
                 background: set[int] = frozenset(), local: list[tuple[int, int]] = (),
                 paras: list[int] = (), reported: set[int] = frozenset()) -> None:
        usable = [d for d in dates if d.date_start is not None and not _inside(d, skip)]
        self.dates = sorted(usable, key=lambda d: d.start)
        self.starts = [d.start for d in self.dates]
        self.anchor = anchor
        self.background = set(background)  # starts of dates that open a long campaign ('sejak dimulai pada ...')
        self.local = list(local)  # spans (flashback paragraphs) whose dates are not inherited outside them
        self.paras = sorted(paras)  # paragraph start offsets
        self.reported = set(reported)  # starts of dates of the reporting ('mengatakan, Rabu (26/9), ...')
        self.referenced: set[int] = set()  # starts of old dates naming a thing ('kesepakatan ... tahun 1974'): they date no event
        self.report = self._report_date()

    def within(self, start: int, end: int) -> list[DateMention]:
        """Date mentions lying inside text[start:end]."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.dates) and self.dates[i].end <= end:
            out.append(self.dates[i])
            i += 1
        return out

    def narrative_before(self, pos: int) -> DateMention | None:
        """The last day-precise date that ends before pos."""
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0:
            d = self.dates[i]
            if d.end <= pos and _narrative(d) and d.start not in self.background and not self._future(d):
                if not any(a <= d.start < b and not a <= pos < b for a, b in self.local):
                    return None if self._stale(d, pos) else d
            i -= 1
        return None

    def _stale(self, d: DateMention, pos: int) -> bool:
        """A date long before the anchor, in an earlier paragraph than pos."""
        if self.anchor is None or d.date_start >= self.anchor - STALE:
            return False
        return bisect.bisect_right(self.paras, d.start) != bisect.bisect_right(self.paras, pos)

    def _future(self, d: DateMention) -> bool:
        return self.anchor is not None and d.date_start > self.anchor

    def ahead(self, d: DateMention) -> bool:
        """Whether d is not before the anchor (a date a future narrative may name)."""
        return self.anchor is not None and d.date_start >= self.anchor

    def last_before(self, pos: int, floor: int) -> DateMention | None:
        """The last date ending before pos and starting at or after floor, not a date of the reporting."""
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0 and self.dates[i].start >= floor:
            d = self.dates[i]
            if d.end <= pos and d.start not in self.reported:
                return d
            i -= 1
        return None

    def _report_date(self) -> DateMention | None:
        """The first day-precise date within a week before the anchor (any, without an anchor)."""
        for d in self.dates:
            if _narrative(d) and (self.anchor is None or self.anchor - REPORT_WINDOW <= d.date_start <= self.anchor):
                return d
        return None


def attach(index: DateIndex, clause: tuple[int, int], sentence: tuple[int, int], trigger: int,
           speech: bool, future_from: int | None = None) -> Dating:
    """The date of the event whose trigger starts at ``trigger`` (module docstring, steps 1-5); a
    future event (``future_from``: where its narrative may begin) takes a future date or the anchor."""
    found = [d for d in index.within(*clause) if d.start not in index.referenced]
    unsaid = [d for d in found if d.start not in index.reported]
    # a date of the reporting dates a past event only when no other; never a planned one
    own = _nearest(found if speech else unsaid or ([] if future_from is not None else found), trigger)
    if own is not None:
        return _from(own, "expression", "date:clause")
    if future_from is not None and index.anchor is not None:
        return _future_date(index, clause, sentence, trigger, future_from)
    said = _nearest([d for d in index.within(*sentence) if d.start not in index.referenced], trigger) if speech else None
    if said is not None:
        return _from(said, "expression", "date:speech")
    before = index.narrative_before(clause[0])
    if before is not None:
        return _from(before, "inherited", "date:narrative")
    if index.report is not None:
        return _from(index.report, "inherited", "date:report")
    return Dating(None, (index.anchor, index.anchor, "day" if index.anchor else None), "publication",
                  "date:publication" if index.anchor else "date:none")


def _future_date(index: DateIndex, clause: tuple[int, int], sentence: tuple[int, int], trigger: int,
                 floor: int) -> Dating:
    """A future event's date: a future date in its sentence, else the preceding one of its future narrative."""
    ahead = _nearest([d for d in index.within(*sentence) if index.ahead(d)], trigger)
    if ahead is not None:
        return _from(ahead, "expression", "date:future")
    before = index.last_before(clause[0], floor)
    if before is not None and index.ahead(before):
        return _from(before, "inherited", "date:future-narrative")
    return Dating(None, (index.anchor, index.anchor, "day"), "publication", "date:future-publication")


def precision(start: date | None, end: date | None, granularity: str | None) -> tuple[int | None, int | None]:
    """(ACLED time precision, UCDP date precision) of a dated span."""
    if start is None or granularity is None:
        return None, None
    days = ((end or start) - start).days + 1
    if granularity == "day":
        return (1, 1) if days == 1 else (2, 2) if days <= 6 else (2, 3)
    return {"week": (2, 3), "month": (3, 4)}.get(granularity, (None, 5))


def _from(d: DateMention, method: str, rule: str) -> Dating:
    return Dating(d, (d.date_start, d.date_end or d.date_start, d.granularity), method, rule)


def _nearest(found: list[DateMention], pos: int) -> DateMention | None:
    """The finest mention, then the closest to pos ('7 Februari 2023, tepatnya enam bulan lalu' -> the day)."""
    if not found:
        return None
    return min(found, key=lambda d: (FINENESS.get(d.granularity, 9), abs(d.start - pos) if d.start >= pos else pos - d.end))


def _narrative(d: DateMention) -> bool:
    return d.granularity == "day" and d.modifier not in _BOUNDS and (d.date_end in (None, d.date_start))


def _inside(d: DateMention, spans: list[tuple[int, int]]) -> bool:
    return any(s <= d.start and d.end <= e for s, e in spans)
