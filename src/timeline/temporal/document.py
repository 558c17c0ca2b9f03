"""Resolution of a whole text: spans placed in order, anaphora against earlier dates.

Beyond placing each span (`resolve`), the text as a whole decides: which earlier date an anaphor
(`hari itu`, `sehari kemudian`) refers to, skipping reporting dates and link lines; the day a bare
weekday means when the text dates that weekday explicitly; the year a range's start borrows from its
end; and the bound (since/until) a date in apposition shares with the one before it.
"""
from __future__ import annotations

import re
from datetime import date

from timeline.model import DateMention
from timeline.temporal.extract import Span
from timeline.temporal.grammar import vocabulary
from timeline.temporal.resolve import Placed, granularity, place_after, place_alone


class Antecedents:
    """The latest placed expression of each granularity, narrative and reporting apart: anaphora
    look back in constant time, whatever the length of the text."""

    ORDER = ("day", "week", "month", "quarter", "year", "decade")

    def __init__(self) -> None:
        self.latest: dict[tuple[bool, str], tuple[int, Placed]] = {}
        self.count = 0

    def add(self, sp: Span, p: Placed) -> None:
        self.count += 1
        if p.start is not None and not sp.link:
            self.latest[(sp.reporting, p.gran)] = (self.count, p)

    def find(self, unit: str) -> Placed | None:
        """The previous dated expression fine enough for the unit; reporting dates only as a fallback."""
        fine = {"day": 1, "week": 2, "month": 3}.get(unit, len(self.ORDER))
        for reporting in (False, True):
            hits = [self.latest[k] for g in self.ORDER[:fine] if (k := (reporting, g)) in self.latest]
            if hits:
                return max(hits, key=lambda h: h[0])[1]
        return None


def _apposition(text: str, sp: Span, history: list[tuple[Span, Placed]], lang: str) -> Placed | None:
    """'4 Februari 2023 atau tiga hari sebelum ...': an anaphor restating the date just before it."""
    if not history or history[-1][1].start is None:
        return None
    prev_span, prev = history[-1]
    between = text[prev_span.end:sp.start]
    words = {w for w, role in vocabulary(lang).connectors.items() if role == "apposition"}
    if len(between) < 20 and vocabulary(lang).key(re.sub(r"[^\w\s]", " ", between)) in words:
        return Placed(prev.start, prev.end, prev.gran, "anaphoric", prev.start)
    return None


def _known_weekdays(spans: list[Span], anchor: date | None) -> dict[int, date]:
    """Weekday -> the day a weekday+date form of this text names, for days near the anchor."""
    known: dict[int, date] = {}
    for sp in spans:
        v = sp.value
        if v.kind == "date" and v.wd and anchor and not sp.link:
            p = place_alone(sp, anchor, {})
            if p.start and p.consistent and abs((p.start - anchor).days) <= 6:
                known.setdefault(v.wd, p.start)
    return known


def place(sp: Span, anchor: date | None, history: list[tuple[Span, Placed]], known: dict[int, date],
          text: str, lang: str, antecedents: Antecedents) -> Placed:
    """Resolve one span given the anchor and the spans already placed before it."""
    alone = place_alone(sp, anchor, known)
    if alone is not None:
        return alone
    appos = _apposition(text, sp, history, lang)
    if appos:
        return appos
    if sp.value.frame == "event":  # relative to an event the text names, not to a date: unplaced
        return Placed(None, None, granularity(sp.value), "anaphoric")
    ante = antecedents.find(sp.value.unit)
    return place_after(ante.start if ante else None, sp.value)


def _inherit_modifier(sp: Span, text: str, history: list[tuple[Span, Placed]]) -> str | None:
    """'sampai hari ini Selasa (23/7)': a date in apposition takes the bound of the one before it."""
    if sp.modifier or not history:
        return sp.modifier
    prev = history[-1][0]
    if prev.modifier in {"since", "until"} and text[prev.end:sp.start].strip(" \t,") == "":
        return prev.modifier
    return None


def _borrow_years(spans: list[Span], text: str, lang: str) -> None:
    """'20 Januari hingga 5 Februari 2022': a day-month start takes the year of the dated end it is
    joined to by a range word (the year before when its month comes later)."""
    words = {w for w, role in vocabulary(lang).connectors.items() if role.startswith("range")}
    for a, b in zip(spans, spans[1:]):
        va, vb = a.value, b.value
        if va.kind == "date" and va.y is None and vb.kind == "date" and vb.y is not None and va.wd is None:
            if vocabulary(lang).key(text[a.end:b.start].strip(" \t,")) in words:
                a.year_hint = vb.y - 1 if (va.m, va.d) > (vb.m, vb.d) else vb.y


def _place_safely(sp: Span, anchor: date | None, prev: list[tuple[Span, Placed]], known: dict[int, date],
                  text: str, lang: str, antecedents: Antecedents) -> Placed:
    """`place`, but a date beyond the years 1..9999 (an absurd anchor or typo) stays unplaced."""
    try:
        return place(sp, anchor, prev, known, text, lang, antecedents)
    except (OverflowError, ValueError):
        return Placed(None, None, granularity(sp.value), "unplaced")


def resolve_spans(spans: list[Span], anchor: date | None, text: str, lang: str) -> list[DateMention]:
    """Place every span in text order; anaphora see the spans placed before them."""
    _borrow_years(spans, text, lang)
    try:
        known = _known_weekdays(spans, anchor)
    except (OverflowError, ValueError):
        known = {}
    prev: list[tuple[Span, Placed]] = []
    antecedents = Antecedents()
    rows = []
    for sp in spans:
        p = _place_safely(sp, anchor, prev, known, text, lang, antecedents)
        sp.modifier = _inherit_modifier(sp, text, prev)
        prev = [(sp, p)]
        antecedents.add(sp, p)
        rows.append(DateMention(sp.start, sp.end, sp.text, p.start, p.end, p.gran, sp.modifier, p.method,
                                p.anchor, p.consistent, sp.value.timex()))
    return rows
