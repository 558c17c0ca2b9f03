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
from timeline.temporal.resolve import Placed, granularity, place_after, place_alone, place_in_year


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

    def _latest(self, reporting: bool, grans: tuple[str, ...]) -> tuple[int, Placed] | None:
        hits = [self.latest[k] for g in grans if (k := (reporting, g)) in self.latest]
        return max(hits, key=lambda h: h[0]) if hits else None

    def find(self, unit: str) -> Placed | None:
        """The previous dated expression fine enough for the unit; reporting dates only as a fallback.
        None when a narrative week or month coarser than the unit is the latest date stated ('Tiga pekan
        lalu ... Empat hari kemudian'): the day it counts from is not definite, the anaphor stays unplaced."""
        fine = {"day": 1, "week": 2, "month": 3}.get(unit, len(self.ORDER))
        narrative, reporting = self._latest(False, self.ORDER[:fine]), self._latest(True, self.ORDER[:fine])
        coarse = self._latest(False, self.ORDER[fine:3])
        if coarse and all(h is None or coarse[0] > h[0] for h in (narrative, reporting)):
            return None
        hit = narrative or reporting
        return hit[1] if hit else None


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
            if p and p.start and p.consistent and abs((p.start - anchor).days) <= 6:
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
    if sp.value.yshift is not None:  # 'Desember tahun itu': in the year of the latest date
        ante = antecedents.find("year")
        return place_in_year(ante.start if ante else None, sp.value)
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


def _calendar_key(v) -> tuple[int, ...]:
    return (v.m, v.d) if v.kind == "date" else (v.m,)


def _yearless(v) -> bool:
    return v.kind in {"date", "month"} and v.y is None and v.wd is None and v.shift is None and v.yshift is None


def _borrow_years(spans: list[Span], text: str, lang: str) -> None:
    """'20 Januari hingga 5 Februari 2022': a day-month start takes the year of the dated end it is
    joined to by a range word (the year before when its month comes later); likewise an end without a
    year takes the dated start's ('sejak Oktober 2022 hingga Maret': the March after)."""
    words = {w for w, role in vocabulary(lang).connectors.items() if role.startswith("range")}
    for a, b in zip(spans, spans[1:]):
        va, vb = a.value, b.value
        if va.kind != vb.kind or vocabulary(lang).key(text[a.end:b.start].strip(" \t,")) not in words:
            continue
        if _yearless(va) and vb.y is not None:
            a.year_hint = vb.y - (_calendar_key(va) > _calendar_key(vb))
        elif _yearless(vb) and va.y is not None and va.kind in {"date", "month"}:
            b.year_hint = va.y + (_calendar_key(vb) < _calendar_key(va))


def _share_years(spans: list[Span], anchor: date | None) -> None:
    """'24 dan 25 Februari': a listed bare day takes the year its day-month partner resolves to."""
    for sp in spans:
        if sp.partner is not None and sp.value.y is None and sp.year_hint is None and anchor is not None:
            p = place_alone(sp.partner, anchor, {})
            sp.year_hint = p.start.year if p and p.start else None


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
        _share_years(spans, anchor)
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
