"""An article's anchor date when its metadata gives none, read from the text itself.

In order: (1) a dateline: a full written date opening the article (first 150 characters, after
at most a capitalised city or outlet name, not a time preposition); (2) the latest full written
date not after today, preferring a deictic word set beside one (`hari ini, Kamis (11/12/2014)`:
that date minus the word's offset), then dates written with their weekday (news reporting dates),
then dates outside future clauses; (3) weekday consistency: every `Kamis (24/2)`-style form must
fall on its weekday in one year; the latest such year not in the future is taken and the anchor is
the latest of those days. The note says which years were considered and why the others were
rejected. Nothing usable: method 'none', date None.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.model import Anchor
from timeline.temporal.context import context, tense
from timeline.temporal.extract import Span, scan
from timeline.temporal.grammar import vocabulary
from timeline.temporal.periods import safe_date

_FIRST_YEAR = 1945


def _full_dates(spans: list[Span]) -> list[tuple[Span, date]]:
    out = []
    for sp in spans:
        v = sp.value
        if v.kind == "date" and v.y is not None and not sp.link:
            d = safe_date(v.y, v.m, v.d)
            if d and (v.wd is None or d.isoweekday() == v.wd):
                out.append((sp, d))
    return out


def _dateline(text: str, dated: list[tuple[Span, date]], today: date, at_words: frozenset[str]) -> date | None:
    """A full date opening the article ('JAKARTA, 24 Februari 2022 -', 'Kamis, 24/2/2022 09:15'):
    within its first 150 characters, after at most four capitalised words (a city, an outlet)."""
    for sp, d in dated:
        if sp.start >= 150:
            break
        line_start = text.rfind("\n", 0, sp.start) + 1
        words = re.findall(r"[^\W\d_][\w.]*", text[line_start:sp.start])
        names = all(w[0].isupper() and w.lower() not in at_words for w in words)
        if d <= today and len(words) <= 4 and names:
            return d
    return None


def _fits(forms: list[tuple[int, int, int]], year: int) -> list[date] | None:
    """The days of the weekday forms in `year` (a December form in a January story: the year before),
    or None when some weekday does not agree."""
    months = [m for _, m, _ in forms]
    days = []
    for d, m, wd in forms:
        y = year - 1 if m == 12 and min(months) == 1 else year
        x = safe_date(y, m, d)
        if x is None or x.isoweekday() != wd:
            return None
        days.append(x)
    return days


def _years(forms: list[tuple[int, int, int]], today: date) -> tuple[list[tuple[int, date]], list[int]]:
    """Years (latest first) in which every form falls on its weekday, with the latest day of each;
    and the years rejected because those days would lie after today."""
    fitting, future = [], []
    for year in range(today.year, _FIRST_YEAR - 1, -1):
        days = _fits(forms, year)
        if days and max(days) > today:
            future.append(year)
        elif days:
            fitting.append((year, max(days)))
    return fitting, future


def _note(n: int, fitting: list[tuple[int, date]], future: list[int], today: date) -> str:
    year, latest = fitting[0]
    shown = ", ".join(str(y) for y, _ in fitting[:6]) + (" ..." if len(fitting) > 6 else "")
    rejected = f"; rejected {', '.join(map(str, future))} (the dates would lie in the future)" if future else ""
    return (f"{n} weekday+day/month forms agree in the years {shown}; took the latest, {year}{rejected}; "
            f"every other year from {_FIRST_YEAR} to {today.year} puts some weekday on the wrong day; "
            f"anchor = the latest day mentioned, {latest.isoformat()}")


def _by_weekdays(spans: list[Span], today: date) -> Anchor | None:
    forms = [(sp.value.d, sp.value.m, sp.value.wd) for sp in spans
             if sp.value.kind == "date" and sp.value.wd and sp.value.y is None and not sp.link]
    fitting, future = _years(forms, today) if forms else ([], [])
    if not fitting:
        return None
    return Anchor(fitting[0][1], "inferred", _note(len(forms), fitting, future, today))


def _beside_deictic(text: str, spans: list[Span], dated: dict[int, date]) -> date | None:
    """`kemarin, Minggu (2/1/2022)`: a deictic word next to a full date gives the anchor exactly."""
    for a, b in zip(spans, spans[1:]):
        kinds = (a.value.kind, b.value.kind)
        if "deictic" not in kinds or text[a.end:b.start].strip(" \t,"):
            continue
        deic, other = (a, b) if kinds[0] == "deictic" else (b, a)
        if id(other) in dated:
            return dated[id(other)] - timedelta(days=deic.value.n * (deic.value.shift or 0))
    return None


def _latest_full(text: str, spans: list[Span], dated: list[tuple[Span, date]], today: date, lang: str) -> Anchor | None:
    """Step (2): the latest full date not after today, by preference."""
    past = [(sp, d) for sp, d in dated if d <= today]
    if not past:
        return None
    beside = _beside_deictic(text, spans, {id(sp): d for sp, d in past})
    if beside and beside <= today:
        return Anchor(beside, "inferred", "a deictic word stands beside a full date; anchor = that date minus its offset")
    with_weekday = [d for sp, d in past if sp.value.wd]
    if with_weekday:
        return Anchor(max(with_weekday), "inferred", f"latest full date written with its weekday ({len(with_weekday)} found)")
    ctx = context(lang)
    not_future = [d for sp, d in past if tense(ctx, text, sp.start, sp.end) != "future"] or [d for _, d in past]
    return Anchor(max(not_future), "inferred", f"latest full date written in the text outside future clauses"
                  f" ({len(not_future)} of {len(past)} full dates)")


def infer_anchor(text: str, lang: str = "id", today: date | None = None) -> Anchor:
    """The anchor of an undated article: dateline, latest full date, or weekday consistency."""
    today = today or date.today()
    spans = scan(text or "", lang)
    dated = _full_dates(spans)
    head = _dateline(text or "", dated, today, vocabulary(lang).at_words)
    if head:
        return Anchor(head, "dateline", "full date in the article's opening line")
    latest = _latest_full(text or "", spans, dated, today, lang)
    if latest:
        return latest
    by_wd = _by_weekdays(spans, today)
    if by_wd:
        return by_wd
    return Anchor(None, "none", "no full date, dateline or weekday+date form to infer an anchor from")
