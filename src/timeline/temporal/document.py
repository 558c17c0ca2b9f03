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
only when no other date shares its sentence and the event clause refers back to that day's sentence
(a shared name, or a demonstrative with the day in the sentence just before); else it has no date.
"""
from __future__ import annotations

import re
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

    def __init__(self) -> None:
        self.latest: dict[tuple[int, str], tuple[int, Span, Placed]] = {}
        self.count = 0

    def add(self, sp: Span, p: Placed, standing: int) -> None:
        self.count += 1
        if p.start is not None and not sp.link:
            self.latest[(standing, p.gran)] = (self.count, sp, p)

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
def _marks(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """Words opening a background clause ('sejak ...'), and the same-day demonstratives ('itu')."""
    v = vocabulary(lang)
    background = [w for w, role in v.connectors.items() if role == "background"] or ["(?!)"]
    same = [w for w, (shift, frame, _) in v.relative.items() if frame == "anaphoric" and shift == 0] or ["(?!)"]
    return re.compile(alternation(background)), re.compile(alternation(same))


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
    lo = clause(text, sp.start, sp.end)[0]
    if _marks(lang)[0].search(text, lo, sp.start):
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


def _refers_back(event: str, ante: Span, sp: Span, text: str, lang: str) -> bool:
    """The event clause names the antecedent's event: it shares a name with the antecedent's sentence,
    or it carries a same-day demonstrative ('setelah serangan itu') and the antecedent is in the
    sentence just before."""
    vocab = vocabulary(lang)
    a_lo, a_hi = sentence(text, ante.start, ante.end)
    a_words = set(_WORD.findall(text, a_lo, a_hi))
    if _names(event, vocab) & a_words:
        return True
    lo = sentence(text, sp.start, sp.end)[0]
    if lo - a_hi >= _NEAR or not _marks(lang)[1].search(event):
        return False
    return len(_SENTENCE_END.findall(text[a_hi:lo].strip())) <= 1


def _event(sp: Span, around: tuple[Span | None, Span | None], text: str, lang: str,
           antecedents: Antecedents) -> Placed | None:
    """'Dua hari sebelum Damaskus direbut': counted from the latest day stated when no other date shares
    the sentence (`around`: the spans just before and after) and the event clause refers back to that
    day's sentence; None when unsure."""
    hit = antecedents.find_hit("day")
    if hit is None or hit[2].gran != "day":
        return None
    lo, hi = sentence(text, sp.start, sp.end)
    before, after = around
    if (before is not None and before.end > lo) or (after is not None and after.start < hi):
        return None
    event = text[sp.end:clause(text, sp.start, sp.end)[1]]
    return place_after(hit[2].start, sp.value) if _refers_back(event, hit[1], sp, text, lang) else None


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
        return _event(sp, (before, nxt), text, lang, antecedents) or Placed(None, None, granularity(sp.value), "anaphoric")
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
