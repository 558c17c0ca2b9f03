"""Resolution of a whole text: spans placed in order, anaphora against earlier dates.

Beyond placing each span (`resolve`), the text as a whole decides: which earlier date an anaphor
(`hari itu`, `sehari kemudian`) refers to, skipping reporting dates and link lines; the day a bare
weekday means when the text dates that weekday explicitly; the year a range's start borrows from its
end; and the bound (since/until) a date in apposition shares with the one before it.

Antecedent choice: each placed date has a standing. Narrative dates are preferred; reporting dates
(`kata X, Selasa (1/3).`) come next, background dates last: a since bound (`sejak Kamis (24/2)`, the
start of a state that still holds), an until bound after the anchor (a deadline), any date in a clause
opened by a background word (`... sejak militer merebut kekuasaan pada 1 Februari`), and an aside: a
stated day more than BACKGROUND_GAP_DAYS before the current narrative day, in a clause that trails the
sentence's main one (a fronted `Sebelumnya, pada 14 Maret, ...` is a flashback: narrative). Among
dates of the same standing the latest wins. `N hari sebelum <event>` is counted from the latest day
only when no other date shares its sentence and the event clause refers back to a day: the latest
narrative day whose sentence holds a name the clause uses, or, for a demonstrative (`setelah serangan
itu`), the latest day when stated in the sentence just before; else it has no date.
"""
from __future__ import annotations

import re
from collections import deque
from datetime import date
from functools import lru_cache

from timeline.model import DateMention
from timeline.temporal.context import clause, sentence
from timeline.temporal.extract import Span
from timeline.temporal.grammar import Vocab, alternation, vocabulary
from timeline.temporal.resolve import Placed, granularity, place_after, place_alone, place_in_year


NARRATIVE, REPORTING, BACKGROUND = 0, 1, 2  # standing of a date as an antecedent, best first
BACKGROUND_GAP_DAYS = 30  # a date this far before the narrative day, in a trailing clause, is an aside


class Antecedents:
    """The latest placed expression of each standing (narrative, reporting, background) and granularity:
    anaphora look back in constant time, whatever the length of the text."""

    ORDER = ("day", "week", "month", "quarter", "year", "decade")

    RECENT_DAYS = 8  # narrative days kept for an event clause to name ('sebelum Damaskus direbut')

    def __init__(self) -> None:
        self.latest: dict[tuple[int, str], tuple[int, Span, Placed]] = {}
        self.days: deque[tuple[Span, Placed]] = deque(maxlen=self.RECENT_DAYS)
        self.count = 0

    def add(self, sp: Span, p: Placed, standing: int) -> None:
        self.count += 1
        if p.start is not None and not sp.link:
            self.latest[(standing, p.gran)] = (self.count, sp, p)
            if standing == NARRATIVE and p.gran == "day":
                self.days.append((sp, p))

    def _latest(self, standing: int, grans: tuple[str, ...]) -> tuple[int, Span, Placed] | None:
        hits = [self.latest[k] for g in grans if (k := (standing, g)) in self.latest]
        return max(hits, key=lambda h: h[0]) if hits else None

    def narrative_day(self) -> Placed | None:
        """The latest narrative day: the day the story is at."""
        hit = self.latest.get((NARRATIVE, "day"))
        return hit[2] if hit else None

    def find_hit(self, unit: str) -> tuple[int, Span, Placed] | None:
        """The previous dated expression fine enough for the unit: a narrative one, else a reporting date,
        else a background one (a since-date, an aside). None when a narrative week or month coarser than
        the unit is the latest date stated ('Tiga pekan lalu ... Empat hari kemudian'): the day it counts
        from is not definite, the anaphor stays unplaced."""
        fine = {"day": 1, "week": 2, "month": 3}.get(unit, len(self.ORDER))
        hits = [self._latest(s, self.ORDER[:fine]) for s in (NARRATIVE, REPORTING, BACKGROUND)]
        coarse = self._latest(NARRATIVE, self.ORDER[fine:3])
        if coarse and all(h is None or coarse[0] > h[0] for h in hits):
            return None
        return next((h for h in hits if h), None)

    def find(self, unit: str) -> Placed | None:
        """`find_hit`, the placed period only."""
        hit = self.find_hit(unit)
        return hit[2] if hit else None


@lru_cache(maxsize=None)
def _marks(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Words opening a background clause ('sejak ...'), the same-day demonstratives ('itu'), and the
    conjunctions that open a new clause ('namun')."""
    v = vocabulary(lang)
    background = [w for w, role in v.connectors.items() if role == "background"] or ["(?!)"]
    same = [w for w, (shift, frame, _) in v.relative.items() if frame == "anaphoric" and shift == 0] or ["(?!)"]
    boundary = [w for w, kind in v.cues.items() if kind == "boundary"] or ["(?!)"]
    return re.compile(alternation(background)), re.compile(alternation(same)), re.compile(alternation(boundary))


_BACKGROUND_REACH = 60  # characters: how far before a date a background word ('sejak') still governs it


def _in_background_clause(text: str, sp: Span, lang: str) -> bool:
    """A background word opens the date's clause within reach, no conjunction closing it in between
    ('sejak militer merebut kekuasaan pada 1 Februari')."""
    background, _, boundary = _marks(lang)
    lo = max(clause(text, sp.start, sp.end)[0], sp.start - _BACKGROUND_REACH)
    opened = [m.end() for m in background.finditer(text, lo, sp.start)]
    return bool(opened) and not boundary.search(text, opened[-1], sp.start)


_SENTENCE_END = re.compile(r"[.!?\n](?![0-9])")
_NEAR = 400  # characters: a demonstrative event clause looks back at most this far, to the sentence before
_BREAK = re.compile(r"[;:–—]|,(?![0-9])")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _trails(text: str, sp: Span) -> bool:
    """The span stands in a clause after the sentence's main one: two or more words precede the last
    clause break before it ('114 orang tewas, menjadikannya ... pada 1 Februari'; not 'Sebelumnya, pada')."""
    lo = sentence(text, sp.start, sp.end)[0]
    breaks = [m.start() for m in _BREAK.finditer(text, lo, sp.start)]
    return bool(breaks) and len(_WORD.findall(text, lo, breaks[-1])) >= 2


def standing(sp: Span, p: Placed, text: str, lang: str, antecedents: Antecedents, anchor: date | None) -> int:
    """Reporting date; background (a since bound: the start of a state still holding; an until bound
    after the anchor: a deadline; a date in a clause opened by a background word such as 'sejak'; an
    aside: a stated day far before the narrative day, in a trailing clause); else narrative. A past
    until bound ('bertahan hingga Rabu (6/12)') is where the story got to: narrative."""
    if sp.reporting:
        return REPORTING
    if sp.modifier == "since" or (sp.modifier == "until" and anchor and p.start and p.start > anchor):
        return BACKGROUND
    if _in_background_clause(text, sp, lang):
        return BACKGROUND
    day = antecedents.narrative_day()
    if (day and p.start and p.gran == "day" and p.method != "anaphoric"
            and (day.start - p.start).days > BACKGROUND_GAP_DAYS and _trails(text, sp)):
        return BACKGROUND
    return NARRATIVE


def _names(words: str, vocab: Vocab) -> set[str]:
    """Capitalised words that are not calendar words (weekdays, months)."""
    return {w for w in _WORD.findall(words) if w[:1].isupper() and vocab.key(w) not in vocab.weekdays
            and vocab.key(w) not in vocab.months}


def _named(event: str, antecedents: Antecedents, text: str, lang: str) -> Placed | None:
    """The latest narrative day whose sentence holds a name the event clause uses
    ('Dua hari sebelum Damaskus direbut' after '... menguasai Damaskus pada Minggu (8/12/2024)')."""
    names = _names(event, vocabulary(lang))
    for ante, p in reversed(antecedents.days) if names else ():
        if names & set(_WORD.findall(text, *sentence(text, ante.start, ante.end))):
            return p
    return None


def _pointed(event: str, sp: Span, antecedents: Antecedents, text: str, lang: str) -> Placed | None:
    """'Tiga hari setelah serangan itu': a demonstrative points at the latest day, when that day is
    stated in the sentence just before."""
    hit = antecedents.find_hit("day")
    if hit is None or hit[2].gran != "day" or not _marks(lang)[1].search(event):
        return None
    a_hi, lo = sentence(text, hit[1].start, hit[1].end)[1], sentence(text, sp.start, sp.end)[0]
    near = lo - a_hi < _NEAR and len(_SENTENCE_END.findall(text[a_hi:lo].strip())) <= 1
    return hit[2] if near else None


def _event(sp: Span, around: tuple[Span | None, Span | None], text: str, lang: str,
           antecedents: Antecedents) -> Placed | None:
    """'Dua hari sebelum Damaskus direbut': counted from the day of the event the clause refers back to
    (by a name or a demonstrative), only when no other date shares the sentence (`around`: the spans
    just before and after); None when unsure."""
    lo, hi = sentence(text, sp.start, sp.end)
    before, after = around
    if (before is not None and before.end > lo) or (after is not None and after.start < hi):
        return None
    event = text[sp.end:clause(text, sp.start, sp.end)[1]]
    base = _named(event, antecedents, text, lang) or _pointed(event, sp, antecedents, text, lang)
    return place_after(base.start, sp.value) if base else None


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
          text: str, lang: str, antecedents: Antecedents, nxt: Span | None = None) -> Placed:
    """Resolve one span given the anchor, the spans already placed before it and the next one."""
    alone = place_alone(sp, anchor, known)
    if alone is not None:
        return alone
    appos = _apposition(text, sp, history, lang)
    if appos:
        return appos
    if sp.value.frame == "event":  # relative to an event the text names: placed only when it refers back
        before = history[-1][0] if history else None
        placed = _event(sp, (before, nxt), text, lang, antecedents)
        return placed or Placed(None, None, granularity(sp.value), "anaphoric")
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
                  text: str, lang: str, antecedents: Antecedents, nxt: Span | None) -> Placed:
    """`place`, but a date beyond the years 1..9999 (an absurd anchor or typo) stays unplaced."""
    try:
        return place(sp, anchor, prev, known, text, lang, antecedents, nxt)
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
    refers = any(sp.value.frame != "anchor" for sp in spans)  # only then does an antecedent's standing matter
    rows = []
    for i, sp in enumerate(spans):
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        p = _place_safely(sp, anchor, prev, known, text, lang, antecedents, nxt)
        sp.modifier = _inherit_modifier(sp, text, prev)
        prev = [(sp, p)]
        antecedents.add(sp, p, standing(sp, p, text, lang, antecedents, anchor) if refers else NARRATIVE)
        rows.append(DateMention(sp.start, sp.end, sp.text, p.start, p.end, p.gran, sp.modifier, p.method,
                                p.anchor, p.consistent, sp.value.timex()))
    return rows
