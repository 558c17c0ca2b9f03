"""Phase 2: underspecified value + anchor -> calendar dates, with the method that placed it.

Methods (the `method` column of the dates table):
- explicit: the text writes the full date, month+year, year, year range or decade with its century (or
  a month whose year is written on the other end of the range it bounds: `Oktober 2022 hingga Maret`).
- weekday_day_month: `Kamis (24/2)`: the year is the one whose 24/2 falls on a Thursday, nearest the anchor.
- corrected: a weekday + date the source got wrong by one field (`Selasa (27/7)` two days before a
  Thursday 29/6 report); the weekday and the anchor give the intended day.
- day_month: day and month without year (or a weekday that fits no nearby year): past clause ->
  nearest on/before the anchor, future clause -> nearest after. Without a tense cue (Indonesian verbs
  do not mark tense, and news narrates the past) the past occurrence wins unless the future one lies
  within FUTURE_REACH_DAYS (31) of the anchor: `pada 24 Februari` in a December article is the
  February before (the future one is 2+ months off), `pertemuan pada 27 November` in a 20 November
  article is the coming one. An `until` bound without a cue (`berlaku hingga 31 Desember`: a deadline
  or an 'as of' date) takes the nearest occurrence. Measured on both development corpora: every
  uncued day-month in them is either within a month after the anchor or in the past.
- month: a month without year, same rule (`Februari lalu` strictly before the anchor's month); the
  future month wins without a cue when it starts within FUTURE_REACH_MONTHS (2: next month's delivery
  contracts, `pengiriman Januari` in November). A month range (`Januari sampai Oktober`) is placed by
  its last month.
  A bare day listed before a day-month date (`24 dan 25 Februari`) is a row of its own with that date's
  month and year (method explicit or day_month, as its partner).
- day: `tanggal 24`, the 24th of the nearest month in the clause's tense; `tanggal 25 bulan ini`: of that month.
- range / range_day_month: `24-26 Februari 2022` (year written) / `24 hingga 26 Februari` (year inferred
  as for day_month, or from the weekday written with it: `Senin-Rabu (6-8/3)`); one row from the first
  to the last day.
- month_week: the N-th week of a month (`minggu kedua Maret`: days 8-14; `pekan terakhir`: its last seven
  days); the month's year as for `month`.
- quarter: quarter/half of a year (`kuartal I 2022`, `paruh pertama tahun depan`).
- decade: `era 90-an`: the century that puts the decade on/before the anchor.
- deictic: `kemarin`, `hari ini`, `tadi malam`: anchor + offset.
- relative: `pekan lalu`, `tiga bulan lalu`, `akhir tahun ini`: anchor shifted by units; also a day or
  month whose year is the anchor's shifted (`7 Oktober tahun lalu`, `Maret tahun depan`).
- weekday: a bare weekday (`Kamis`, `Senin depan`): on/before the anchor unless the clause is future;
  the anchor's own weekday with a part of the day (`akan dilanjutkan Senin malam` on a Monday) is the anchor;
  the same weekday dated explicitly near the anchor elsewhere in the text wins. With a week
  (`Kamis pekan depan`, `Senin pekan lalu`, `Jumat minggu ini`): that weekday of that ISO week. The
  unit word that is also a weekday (`Minggu`) names the day when capitalised inside a clause
  (`tewas Minggu lalu`), the week at a sentence start or in lower case (`Minggu lalu, harga ...`).
- anaphoric: `hari itu`, `sehari kemudian`, `tiga hari sebelumnya`: relative to the previous dated
  expression of the text (reporting dates like `kata X, Selasa (1/3).` are passed over when possible);
  `tiga hari sebelum <event>` is placed when it restates the date just before it
  (`4 Februari atau tiga hari sebelum ...`) or when its event clause refers back to the latest day's
  sentence and no other date shares its sentence (`... Damaskus ... (8/12). Dua hari sebelum Damaskus
  direbut`), else it is a row without dates. Which earlier date is the antecedent: see `document`. An anaphor finer than the
  latest date stated (`Empat hari kemudian` after `Tiga pekan lalu`) counts from no definite day: a row
  without dates, rather than one counted from an older, finer date. A day or month whose year word
  refers back (`Desember tahun itu`, `5 Maret tahun berikutnya`) takes the latest date's year, shifted.
- unplaced: the value would fall outside the years 1..9999 (absurd anchor or typo); null dates.
Expressions that need an anchor get null dates when there is none; they are still rows.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from timeline.temporal.extract import Span
from timeline.temporal.values import Value
from timeline.temporal.periods import (day_month_year, month_year, months_bounds, pick, safe_date, shift_month,
                                       shift_unit, week_of_month, weekday_near, year_bounds)

_GRAN = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "decade", "quarter": "quarter"}


@dataclass
class Placed:
    """A resolved period and how it was obtained."""

    start: date | None
    end: date | None
    gran: str
    method: str
    anchor: date | None = None
    consistent: bool | None = None


def _one_digit_apart(a: int, b: int) -> bool:
    x, y = f"{a:02d}", f"{b:02d}"
    return sum(p != q for p, q in zip(x, y)) == 1


def correct_typo(v: Value, anchor: date) -> date | None:
    """The day near the anchor (10 days before to 3 after) with the written weekday that differs from
    the written date in exactly one field (day by one digit, month, or year) and lies more than three
    days from it: a near miss means the weekday slipped (keep the date as written), a far one a digit."""
    year = v.y if v.y is not None else day_month_year(v.d, v.m, anchor, None, lean=False)
    written = safe_date(year, v.m, v.d) if year else None
    found = []
    for k in range(-10, 4):
        c = anchor + timedelta(days=k)
        if c.isoweekday() != v.wd:
            continue
        day_off = c.day != v.d and not _one_digit_apart(c.day, v.d)
        diffs = (c.day != v.d) + (c.month != v.m) + (v.y is not None and c.year != v.y)
        far = written is None or abs((c - written).days) > 3
        if diffs == 1 and not day_off and far:
            found.append(c)
    return min(found, key=lambda c: abs((c - anchor).days)) if found else None


def _written_date(v: Value, anchor: date | None) -> Placed:
    """A date whose year is written; a weekday it contradicts is a typo only when far off."""
    d = safe_date(v.y, v.m, v.d)
    if d is None:
        return Placed(None, None, "day", "explicit")
    ok = None if v.wd is None else d.isoweekday() == v.wd
    if ok is False and anchor and (fix := correct_typo(v, anchor)):
        return Placed(fix, fix, "day", "corrected", anchor, True)
    return Placed(d, d, "day", "explicit", anchor if v.wd else None, ok)


def _weekday_date(v: Value, anchor: date) -> Placed | None:
    """`Kamis (24/2)`: the year (anchor's, or either neighbour) in which 24/2 is a Thursday."""
    fits = [x for x in (safe_date(anchor.year + k, v.m, v.d) for k in (-1, 0, 1)) if x and x.isoweekday() == v.wd]
    if fits:
        d = pick(fits, anchor, None)
        return Placed(d, d, "day", "weekday_day_month", anchor, True)
    fix = correct_typo(v, anchor)
    return Placed(fix, fix, "day", "corrected", anchor, True) if fix else None


def _clause_tense(sp: Span) -> str | None:
    """The clause's tense cue; without one, an 'until' bound ('berlaku hingga 31 Desember') is a deadline
    or an 'as of' date: 'near' (the nearest occurrence), not the past-leaning default."""
    return sp.tense or ("near" if sp.modifier == "until" else None)


def _shifted_year(v: Value, anchor: date | None) -> int | None:
    """'24 Februari tahun lalu': the anchor's year shifted; None without a shift or an anchor."""
    return anchor.year + v.yshift if v.yshift is not None and anchor is not None else None


def _date(v: Value, sp: Span, anchor: date | None) -> Placed:
    if v.y is not None:
        return _written_date(v, anchor)
    if (ys := _shifted_year(v, anchor)) is not None:
        d = safe_date(ys, v.m, v.d)
        return Placed(d, d, "day", "relative", anchor, None if v.wd is None or d is None else d.isoweekday() == v.wd)
    if sp.year_hint and (d := safe_date(sp.year_hint, v.m, v.d)):
        return Placed(d, d, "day", "day_month", anchor)
    if anchor is None:
        return Placed(None, None, "day", "weekday_day_month" if v.wd else "day_month", None, None)
    if v.wd is not None and (placed := _weekday_date(v, anchor)):
        return placed
    y = day_month_year(v.d, v.m, anchor, ("past" if v.n < 0 and not sp.tense else None) or _clause_tense(sp))
    d = safe_date(y, v.m, v.d) if y else None
    return Placed(d, d, "day", "day_month", anchor, None if v.wd is None else bool(d and d.isoweekday() == v.wd))


def _range_year(v: Value, sp: Span, anchor: date) -> int | None:
    """Year of a range written without one: the nearby year in which its first day falls on the
    weekday written with it ('Senin-Rabu (6-8/3)'), else as for a day and month."""
    if v.wd is not None:
        fits = [x for x in (safe_date(anchor.year + k, v.m, v.d) for k in (-1, 0, 1)) if x and x.isoweekday() == v.wd]
        if fits:
            return pick(fits, anchor, None).year
    return day_month_year(v.d, v.m, anchor, _clause_tense(sp))


def _range(v: Value, sp: Span, anchor: date | None) -> Placed:
    y = v.y if v.y is not None else _shifted_year(v, anchor) or (_range_year(v, sp, anchor) if anchor else None)
    if y is None:
        return Placed(None, None, "day", "day_month", anchor)
    y2 = v.y2 if v.y2 is not None and v.y is not None else (y + 1 if (v.m2, v.d2) < (v.m, v.d) else y)
    a, b = safe_date(y, v.m, v.d), safe_date(y2, v.m2, v.d2)
    if not a or not b or b < a:
        return Placed(None, None, "day", "range", anchor)
    ok = None if v.wd is None else a.isoweekday() == v.wd
    return Placed(a, b, "day", "range" if v.y is not None else "range_day_month", None if v.y else anchor, ok)


def _month(v: Value, sp: Span, anchor: date | None) -> Placed:
    """A month or month range; without a year, the range is placed by its last month (`Oktober hingga
    Maret`: the March, the October before it)."""
    m2 = v.m2 if v.kind == "month_range" else v.m
    if v.y is not None:
        y2 = v.y2 if v.y2 is not None else v.y
        return Placed(date(v.y, v.m, 1), months_bounds(y2, m2, m2)[1], "month", "explicit")
    if sp.year_hint is not None:  # 'Oktober 2022 hingga Maret': the year written on the other end
        return Placed(date(sp.year_hint - (m2 < v.m), v.m, 1), months_bounds(sp.year_hint, m2, m2)[1], "month",
                      "explicit")
    if anchor is None:
        return Placed(None, None, "month", "month")
    y = _shifted_year(v, anchor) or month_year(m2, anchor, _clause_tense(sp), v.shift)
    return Placed(date(y - (m2 < v.m), v.m, 1), months_bounds(y, m2, m2)[1], "month", "month", anchor)


def _week_month_year(v: Value, sp: Span, anchor: date) -> int:
    """Year of a named month's week: `lalu`/past clause -> the latest such week begun by the anchor,
    `mendatang`/future -> the first not yet over, `ini` -> the anchor's year, else as for `month`."""
    direction = {-1: "past", 1: "future"}.get(v.shift) if v.shift else (None if v.shift == 0 else sp.tense)
    weeks = [w for k in (-1, 0, 1) if (w := week_of_month(anchor.year + k, v.m, v.n))]
    if direction == "past" and (pool := [w for w in weeks if w[0] <= anchor]):
        return max(pool)[0].year
    if direction == "future" and (pool := [w for w in weeks if w[1] >= anchor]):
        return min(pool)[0].year
    return month_year(v.m, anchor, None if direction else _clause_tense(sp), 0 if v.shift == 0 else None)


def _month_week(v: Value, sp: Span, anchor: date | None) -> Placed:
    """'minggu kedua Maret': the month placed as `month` (or shifted from the anchor's), then its week."""
    if v.y is not None and v.m is not None:
        y, m = v.y, v.m
    elif anchor is None:
        return Placed(None, None, "week", "month_week")
    elif v.m is None:
        y, m = shift_month(anchor.year, anchor.month, v.shift or 0)
    else:
        y, m = _week_month_year(v, sp, anchor), v.m
    period = week_of_month(y, m, v.n)
    if period is None:
        return Placed(None, None, "week", "month_week")
    return Placed(*period, "week", "month_week", None if v.y is not None else anchor)


def _year(v: Value, sp: Span, anchor: date | None) -> Placed:
    if v.kind == "year_range":
        return Placed(date(v.y, 1, 1), date(v.y2, 12, 31), "year", "explicit")
    a, b = year_bounds(v.y)
    return Placed(a, b, "year", "explicit")


def _decade(v: Value, sp: Span, anchor: date | None) -> Placed:
    if v.y is not None:
        return Placed(date(v.y, 1, 1), date(v.y + 9, 12, 31), "decade", "explicit")
    if anchor is None:
        return Placed(None, None, "decade", "decade")
    y = 2000 + v.n if 2000 + v.n <= anchor.year else 1900 + v.n
    return Placed(date(y, 1, 1), date(y + 9, 12, 31), "decade", "decade", anchor)


def _quarter(v: Value, sp: Span, anchor: date | None) -> Placed:
    y = v.y
    if y is None and anchor is not None:
        if v.shift is not None:
            y = anchor.year + v.shift
        else:
            cands = [date(anchor.year + k, v.m, 1) for k in (-1, 0, 1)]
            y = (pick(cands, anchor, sp.tense or "past") or pick(cands, anchor, None)).year
    if y is None:
        return Placed(None, None, "quarter", "quarter")
    a, b = months_bounds(y, v.m, v.m2)
    return Placed(a, b, "quarter", "quarter" if v.y is None else "explicit", anchor if v.y is None else None)


def _day(v: Value, sp: Span, anchor: date | None) -> Placed:
    if anchor is None:
        return Placed(None, None, "day", "day")
    if v.shift is not None:  # 'tanggal 25 bulan ini': that day of the shifted month
        d = safe_date(*shift_month(anchor.year, anchor.month, v.shift), v.d)
        return Placed(d, d, "day", "day", anchor)
    cands = [x for x in (safe_date(*shift_month(anchor.year, anchor.month, k), v.d) for k in (-1, 0, 1)) if x]
    d = pick(cands, anchor, sp.tense) or pick(cands, anchor, None)
    return Placed(d, d, "day", "day", anchor)


def _unit_rel(v: Value, sp: Span, anchor: date | None) -> Placed:
    gran = _GRAN[v.unit]
    if anchor is None:
        return Placed(None, None, gran, "relative")
    shift = v.shift
    if shift is None and v.unit == "week":  # 'akhir pekan': the latest weekend unless the clause is future
        shift = 0 if anchor.isoweekday() >= 6 or sp.tense == "future" else -1
    a, b = shift_unit(anchor, v.unit, shift or 0)
    return Placed(a, b, gran, "relative", anchor)


def _from(base: date | None, v: Value, method: str) -> Placed:
    gran = _GRAN[v.unit]
    if base is None:
        return Placed(None, None, gran, method)
    a, b = shift_unit(base, v.unit, v.n * (v.shift or 0))
    return Placed(a, b, gran, method, base)


def _weekday(v: Value, sp: Span, anchor: date | None, known: dict[int, date]) -> Placed:
    if anchor is None:
        return Placed(None, None, "day", "weekday")
    if v.unit == "week":  # 'Jumat pekan lalu': that weekday of the week shifted from the anchor's
        d = shift_unit(anchor, "week", (v.shift or 0) * v.n)[0] + timedelta(days=v.wd - 1)
        return Placed(d, d, "day", "weekday", anchor)
    direction = {1: "future", 0: "this", -1: "past"}.get(v.shift, sp.tense)
    if v.daypart and v.shift is None and v.wd == anchor.isoweekday():
        direction = "this"  # 'dilanjutkan Senin malam' on a Monday: this evening, not next week's
    d = weekday_near(v.wd, anchor, direction)
    seen = known.get(v.wd)
    if seen and v.shift is None and abs((seen - anchor).days) <= 6:
        d = seen
    return Placed(d, d, "day", "weekday", anchor)


_SIMPLE = {"date": _date, "range": _range, "month": _month, "month_range": _month, "year": _year,
           "year_range": _year, "decade": _decade, "quarter": _quarter, "day": _day, "unit_rel": _unit_rel,
           "month_week": _month_week}


_KIND_GRAN = {"date": "day", "range": "day", "day": "day", "weekday": "day", "deictic": "day", "month": "month",
              "month_range": "month", "year": "year", "year_range": "year", "decade": "decade", "quarter": "quarter",
              "month_week": "week"}


def granularity(v: Value) -> str:
    """The granularity a value denotes, known before it is placed."""
    return _KIND_GRAN.get(v.kind) or _GRAN.get(v.unit or "", "day")


def place_alone(sp: Span, anchor: date | None, known: dict[int, date]) -> Placed | None:
    """Place a span from its own words and the anchor; None for anaphora (see `document`)."""
    v = sp.value
    if v.frame in {"anaphoric", "event"}:
        return None
    if v.kind in _SIMPLE:
        return _SIMPLE[v.kind](v, sp, anchor)
    if v.kind == "weekday":
        return _weekday(v, sp, anchor, known)
    return _from(anchor, v, "deictic" if v.kind == "deictic" else "relative")


def place_in_year(base: date | None, v: Value) -> Placed:
    """'Desember tahun itu', '5 Maret tahun berikutnya': a day, range or month in the antecedent's
    year shifted by the year word."""
    if base is None:
        return Placed(None, None, granularity(v), "anaphoric")
    y = base.year + (v.yshift or 0)
    if v.kind == "date":
        d = safe_date(y, v.m, v.d)
        return Placed(d, d, "day", "anaphoric", base, None if v.wd is None or d is None else d.isoweekday() == v.wd)
    if v.kind == "range":
        a, b = safe_date(y, v.m, v.d), safe_date(y + ((v.m2, v.d2) < (v.m, v.d)), v.m2, v.d2)
        return Placed(a, b, "day", "anaphoric", base) if a and b else Placed(None, None, "day", "anaphoric")
    a, b = months_bounds(y, v.m, v.m2 if v.kind == "month_range" else v.m)
    return Placed(a, b, "month", "anaphoric", base)


def place_after(base: date | None, v: Value) -> Placed:
    """Place an anaphor relative to its antecedent's date."""
    return _from(base, v, "anaphoric")
