"""Underspecified temporal values and the builders that read them from a rule's matched parts.

A `Value` is what the words of an expression fix before any anchor is applied (HeidelTime's
"UNDEF" values): `Kamis (24/2)` is {date, m=2, d=24, wd=4, y=?}; `dua hari lalu` is
{count, unit=day, n=2, shift=-1}. Builders look words up in the vocabulary; none names a word.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass

from timeline.numbers import parse_number
from timeline.temporal.grammar import Vocab


@dataclass
class Value:
    """An underspecified temporal value: what the words fix, before any anchor is applied."""

    kind: str
    y: int | None = None
    m: int | None = None
    d: int | None = None
    wd: int | None = None
    y2: int | None = None
    m2: int | None = None
    d2: int | None = None
    unit: str | None = None
    shift: int | None = None
    n: int = 1
    frame: str = "anchor"
    part: str | None = None
    yshift: int | None = None  # 'Oktober tahun lalu': the year is the anchor's shifted by this
    daypart: bool = False  # a part of the day is written with it ('Senin malam')

    def timex(self) -> str:
        """TIMEX3-like rendering, e.g. 'XXXX-02-24 wd=4', 'REF-2D', 'ANA+1D', '2022-M01..M03'."""
        core = _CORE.get(self.kind, _relative)(self)
        rel = self.shift is not None and self.kind in {"month", "weekday", "quarter", "decade"}
        extras = [f"wd={self.wd}" if self.wd else "", f"rel={self.shift:+d}" if rel else "",
                  f"yrel={self.yshift:+d}" if self.yshift is not None else "",
                  f"mod={self.part}" if self.part else ""]
        return " ".join([core] + [e for e in extras if e])


def _ys(y: int | None) -> str:
    return "XXXX" if y is None else f"{y:04d}"


def _relative(v: Value) -> str:
    base = {"anaphoric": "ANA", "event": "EVENT"}.get(v.frame, "REF")
    return f"{base}{v.n * (v.shift or 0):+d}{(v.unit or 'day')[0].upper()}"


_CORE = {
    "date": lambda v: f"{_ys(v.y)}-{v.m:02d}-{v.d:02d}",
    "range": lambda v: f"{_ys(v.y)}-{v.m:02d}-{v.d:02d}/{_ys(v.y2)}-{v.m2:02d}-{v.d2:02d}",
    "month": lambda v: f"{_ys(v.y)}-{v.m:02d}",
    "month_range": lambda v: f"{_ys(v.y)}-{v.m:02d}/{_ys(v.y2 if v.y2 is not None else v.y)}-{v.m2:02d}",
    "year": lambda v: _ys(v.y),
    "year_range": lambda v: f"{_ys(v.y)}/{_ys(v.y2)}",
    "decade": lambda v: f"{_ys(v.y) if v.y is not None else f'XX{v.n:02d}'}s",
    "quarter": lambda v: f"{_ys(v.y)}-M{v.m:02d}..M{v.m2:02d}",
    "day": lambda v: f"XXXX-XX-{v.d:02d}" if v.shift is None else f"XXXX-REF{v.shift:+d}M-{v.d:02d}",
    "weekday": lambda v: "XXXX-WXX",
    "month_week": lambda v: f"{_ys(v.y)}-{'XX' if v.m is None else f'{v.m:02d}'}-W{v.n}",
}


def _month(v: Vocab, g: dict, key: str = "m", num: str = "mo") -> int | None:
    if g.get(num):
        return int(g[num])
    word = g.get(key)
    return v.months[v.key(word).rstrip(".")][0] if word else None


def _year(s: str | None) -> int | None:
    if not s:
        return None
    return 2000 + int(s) if len(s) == 2 else int(s)


def _rel(v: Vocab, g: dict) -> int | None:
    return v.relative[v.key(g["rel"])][0] if g.get("rel") else None


def _yshift(v: Vocab, g: dict) -> int | None:
    """'tahun lalu' after a day or month: the year relative to the anchor's (or the antecedent's)."""
    return v.relative[v.key(g["yrel"])][0] if g.get("yrel") else None


def _yframe(v: Vocab, g: dict) -> str:
    """'Desember tahun itu': the year word refers back to an earlier date (frame anaphoric)."""
    return v.relative[v.key(g["yrel"])][1] if g.get("yrel") else "anchor"


def _valid_day(y: int | None, m: int | None, d: int | None) -> bool:
    if m is None or d is None or not 1 <= m <= 12:
        return False
    return 1 <= d <= calendar.monthrange(y if y and 1 <= y <= 9999 else 2000, m)[1]


def _date(v: Vocab, g: dict) -> Value | None:
    val = Value("date", y=_year(g.get("y")), m=_month(v, g), d=int(g["d"]), yshift=_yshift(v, g), frame=_yframe(v, g))
    if g.get("wd"):
        val.wd = v.weekdays[v.key(g["wd"])][0]
    return val if _valid_day(val.y, val.m, val.d) else None


def _range(v: Vocab, g: dict) -> Value | None:
    m = _month(v, g)
    m2 = _month(v, g, "m2", "mo2") or m
    y2 = _year(g.get("y2")) or _year(g.get("y"))
    y = _year(g.get("y")) or y2
    if y and not g.get("y") and (m2, int(g["d2"])) < (m, int(g["d"])):
        y -= 1  # '30 Desember-2 Januari 2023': the start lies in the year before
    val = Value("range", y=y, m=m, d=int(g["d"]), y2=y2, m2=m2, d2=int(g["d2"]), yshift=_yshift(v, g),
                frame=_yframe(v, g))
    if g.get("wd"):  # 'Senin-Rabu (6-8/3)': the first weekday fixes the year
        val.wd = v.weekdays[v.key(g["wd"])][0]
    ok = _valid_day(y, m, val.d) and _valid_day(y2, m2, val.d2) and (m2, val.d2) != (m, val.d)
    ordered = y is None or y2 is None or (y2, m2, val.d2) > (y, m, val.d) or _year(g.get("y")) is None
    return val if ok and ordered else None


def _quarter(v: Vocab, g: dict) -> Value | None:
    size = v.quarter_nouns[v.key(g["qn"])]
    o = v.ordinals.get(g["o"], v.ordinals.get(g["o"].lower()))
    lo, hi = o, o
    first = g.get("first")
    if first and v.ordinals.get(first.lower()) == 1 and o > 1:
        lo, hi = 1, o
    elif g.get("o2"):
        hi = v.ordinals.get(g["o2"], v.ordinals.get(g["o2"].lower()))
    if hi < lo or hi * size > 12:
        return None
    return Value("quarter", y=_year(g.get("y")), m=(lo - 1) * size + 1, m2=hi * size, shift=_rel(v, g))


def _decade(v: Vocab, g: dict) -> Value:
    if g.get("dec"):
        return Value("decade", y=int(g["dec"]))
    return Value("decade", y=None, n=int(g["dec2"]))


def _count(v: Vocab, g: dict) -> Value | None:
    n = 1 if g.get("prefix") else parse_number(g["n"])
    shift, frame, _ = v.relative[v.key(g["rel"])]
    unit = v.units[v.key(g.get("unit1") or g["unit"])]
    if n is None or n > 10000:
        return None
    return Value("count", unit=unit, n=n, shift=shift, frame=frame)


def _unit_rel(v: Vocab, g: dict) -> Value | None:
    """'pekan lalu', 'tahun depan', 'akhir bulan', 'hari itu'; a bare day shifted needs a count."""
    frame = v.relative[v.key(g["rel"])][1] if g.get("rel") else "anchor"
    val = Value("unit_rel", unit=v.units[v.key(g["unit"])], shift=_rel(v, g), frame=frame)
    return None if val.unit == "day" and frame == "anchor" and val.shift else val


def _deictic(v: Vocab, g: dict) -> Value | None:
    if g.get("d"):
        val = _date(v, g)
        if val:
            val.n = v.deictic[v.key(g["deic"])]
        return val
    return Value("deictic", n=v.deictic[v.key(g["deic"])], shift=1, unit="day")


def _anaphor(v: Vocab, g: dict) -> Value:
    unit, shift = v.anaphora[v.key(g["ana"])]
    return Value("anaphor", unit=unit, n=abs(shift) or 1, shift=(shift > 0) - (shift < 0), frame="anaphoric")


def _daypart_anaphor(v: Vocab, g: dict) -> Value:
    """'malam itu', 'pagi berikutnya': a part of the day of the antecedent's day, shifted by the word."""
    shift = v.relative[v.key(g["rel"])][0]
    return Value("anaphor", unit="day", n=1, shift=shift, frame="anaphoric")


def _weekday(v: Vocab, g: dict) -> Value | None:
    """'Kamis', 'Senin depan'; with a week ('Jumat pekan lalu', 'Selasa dua pekan lalu') the shift
    counts weeks."""
    word = g.get("unit1") or g.get("unit")
    unit = v.units[v.key(word)] if word else None
    n = parse_number(g["n"]) if g.get("n") else 1
    if unit not in {None, "week"} or n is None or n > 520:
        return None
    return Value("weekday", wd=v.weekdays[v.key(g["wd"])][0], shift=_rel(v, g), unit=unit, n=n,
                 daypart=bool(g.get("dp")))


def _month_range(v: Vocab, g: dict) -> Value | None:
    """'Januari-Maret 2022'; 'Oktober hingga Maret 2023' (the start in the year before the written one)."""
    m, m2, y = _month(v, g), _month(v, g, "m2"), _year(g.get("y"))
    if m2 == m:
        return None
    return Value("month_range", y=None if y is None else y - (m2 < m), m=m, m2=m2, y2=y)


def _month_value(v: Vocab, g: dict) -> Value | None:
    """'Februari 2022', 'Maret lalu', 'Oktober tahun lalu'; 'November 2023-Januari 2024' (both years
    written: a month range, the end after the start)."""
    m, y = _month(v, g), _year(g.get("y"))
    if g.get("y2"):
        m2, y2 = _month(v, g, "m2"), _year(g["y2"])
        return Value("month_range", y=y, m=m, y2=y2, m2=m2) if (y2, m2) > (y, m) else None
    return Value("month", y=y, m=m, shift=_rel(v, g), yshift=_yshift(v, g), frame=_yframe(v, g))


def _month_week(v: Vocab, g: dict) -> Value | None:
    """'minggu kedua Maret', 'pekan terakhir bulan lalu': the N-th week of a month."""
    if v.units[v.key(g["unit"])] != "week":
        return None
    shift = v.relative[v.key(g["rel2"])][0] if g.get("rel2") else _rel(v, g)
    month = _month(v, g) if g.get("m") else None
    nth = v.week_ordinals[v.key(g["o"])]
    return Value("month_week", y=_year(g.get("y")), m=month, n=nth, shift=shift, unit="week")


BUILDERS = {
    "weekday_date": _date,
    "date": _date,
    "date_range": _range,
    "quarter": _quarter,
    "month_week": _month_week,
    "decade": _decade,
    "year_range": lambda v, g: Value("year_range", y=int(g["y"]), y2=int(g["y2"])) if g["y2"] > g["y"] else None,
    "month_range": _month_range,
    "month": _month_value,
    "year": lambda v, g: Value("year", y=int(g["y"])),
    "anaphor": _anaphor,
    "daypart_anaphor": _daypart_anaphor,
    "deictic": _deictic,
    "unit_rel": _unit_rel,
    "count": _count,
    "weekday": _weekday,
    "day": lambda v, g: Value("day", d=int(g["d"]), shift=_rel(v, g)) if 1 <= int(g["d"]) <= 31 else None,
}
