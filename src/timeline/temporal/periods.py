"""Calendar arithmetic the resolver needs: period bounds, ISO weeks, month shifts, year choice."""
from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

Period = tuple[date, date]


def month_bounds(y: int, m: int) -> Period:
    return date(y, m, 1), date(y, m, _cal.monthrange(y, m)[1])


def year_bounds(y: int) -> Period:
    return date(y, 1, 1), date(y, 12, 31)


def months_bounds(y: int, m1: int, m2: int) -> Period:
    """First day of month m1 to last day of month m2 of year y (quarters, halves, month ranges)."""
    return date(y, m1, 1), month_bounds(y, m2)[1]


def week_of_month(y: int, m: int, k: int) -> Period | None:
    """The k-th week of a month as days 7k-6..7k (k=-1: its last seven days); None past its end."""
    last = _cal.monthrange(y, m)[1]
    if k < 0:
        return date(y, m, last - 6), date(y, m, last)
    if 7 * (k - 1) + 1 > last:
        return None
    return date(y, m, 7 * (k - 1) + 1), date(y, m, min(7 * k, last))


def iso_week(d: date) -> Period:
    """Monday..Sunday of the ISO week containing d."""
    monday = d - timedelta(days=d.isoweekday() - 1)
    return monday, monday + timedelta(days=6)


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def shift_unit(d: date, unit: str, k: int) -> Period:
    """The period of `unit` that lies k units from d (day, week, month, quarter, year, decade)."""
    if unit == "day":
        x = d + timedelta(days=k)
        return x, x
    if unit == "week":
        return iso_week(d + timedelta(weeks=k))
    if unit == "month":
        return month_bounds(*shift_month(d.year, d.month, k))
    if unit == "decade":
        y = d.year - d.year % 10 + 10 * k
        return date(y, 1, 1), date(y + 9, 12, 31)
    return year_bounds(d.year + k)


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def pick(cands: list[date], anchor: date, tense: str | None) -> date | None:
    """Past: the latest on/before anchor; future: the earliest on/after; else the nearest (ties: past)."""
    if tense == "past":
        pool = [c for c in cands if c <= anchor]
        return max(pool) if pool else None
    if tense == "future":
        pool = [c for c in cands if c >= anchor]
        return min(pool) if pool else None
    return min(cands, key=lambda c: (abs((c - anchor).days), c > anchor)) if cands else None


# How far ahead the future occurrence of a period written without its year may lie and still win when
# the clause has no tense cue (news narrates the past; the future it names is mostly close: a meeting
# next week, next month's delivery contracts). Beyond it the past occurrence wins.
FUTURE_REACH_DAYS = 31
FUTURE_REACH_MONTHS = 2


def lean_past(cands: list[date], anchor: date, reach_days: int) -> date | None:
    """No tense cue: the latest candidate on/before the anchor, unless the earliest after it lies
    within `reach_days` (or there is no past one)."""
    past = pick(cands, anchor, "past")
    future = pick([c for c in cands if c > anchor], anchor, "future")
    if future and (past is None or (future - anchor).days <= reach_days):
        return future
    return past


def day_month_year(d: int, m: int, anchor: date, tense: str | None, lean: bool = True) -> int | None:
    """Year of a day and month written without one: per the clause's tense; with no cue, the past
    occurrence unless the future one is within FUTURE_REACH_DAYS (`lean=False`: simply the nearest)."""
    cands = [x for x in (safe_date(anchor.year + k, m, d) for k in (-1, 0, 1)) if x]
    if tense is None and lean:
        best = lean_past(cands, anchor, FUTURE_REACH_DAYS)
    else:
        best = pick(cands, anchor, tense) or pick(cands, anchor, None)
    return best.year if best else None


def month_year(m: int, anchor: date, tense: str | None, shift: int | None) -> int:
    """Year of a month written without one: `lalu` strictly before, `depan` after, `ini` this year;
    else per the clause's tense, and with no cue the past one unless the next is close (`lean_past`)."""
    if shift == 0:
        return anchor.year
    here = anchor.replace(day=1)
    cands = [date(anchor.year + k, m, 1) for k in (-1, 0, 1)]
    if shift is not None:
        pool = [c for c in cands if (c < here if shift < 0 else c > here)]
        return (max(pool) if shift < 0 else min(pool)).year
    if tense is None:  # no cue: past unless the month starts within FUTURE_REACH_MONTHS
        reach = (date(*shift_month(here.year, here.month, FUTURE_REACH_MONTHS), 1) - here).days
        return lean_past(cands, here, reach).year
    return (pick(cands, here, tense) or pick(cands, here, None)).year


def weekday_near(wd: int, anchor: date, direction: str | None) -> date:
    """Bare weekday: on/before the anchor (default), after it ('future'), or in its ISO week ('this')."""
    if direction == "future":
        return anchor + timedelta(days=(wd - anchor.isoweekday() - 1) % 7 + 1)
    if direction == "this":
        return iso_week(anchor)[0] + timedelta(days=wd - 1)
    return anchor - timedelta(days=(anchor.isoweekday() - wd) % 7)
