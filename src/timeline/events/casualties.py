"""Death and injury tolls stated in a clause: "menewaskan sedikitnya 18 orang", "dua prajurit terluka".

A number counts as a toll when it stands before a 'killed'/'injured' word (at most eight words
between: "70 warga Palestina meninggal dunia"), after a killing/wounding verb, optionally
through a qualifier ("sedikitnya"), or a few words after a toll noun ("korban tewas mencapai
10.000"; a wounded-toll noun counts the injured: "jumlah korban luka bertambah menjadi 120");
a number followed by a measure word ('52 persen') is no count of people. 'seorang' is one.
Numbers come from ``timeline.numbers``; a vague count ("puluhan") parses to None and is not
reported. None means not reported, never 0.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import DEFAULT_LANG
from ..numbers import number_pattern, parse_number
from .lexicon import lexicon

DESIGNATOR_REACH = 20  # characters before a number where a unit noun makes it a name
BEFORE_WORDS = 8  # words between a number and the 'killed' word after it ("29 warga sipil Palestina di Gaza syahid")
_GAP = r"(?:\s+[^\s\d.,;:!?\"“”]+){0,6}?"
_STOP = re.compile(r"[.,;:!?\"“”]")
_DESIGNATION = re.compile(r"[/\w]")  # '321/GT', '1705/Paniai': a number joined to a name


@dataclass(frozen=True)
class _Toll:
    """Patterns of one toll kind."""

    number: re.Pattern
    word: re.Pattern  # 'tewas': the nearest number a few words before it
    after: tuple[re.Pattern, ...]  # 'menewaskan (sedikitnya) N', 'korban tewas mencapai N'
    tolled: re.Pattern  # any killed or injured word: none may stand between a number and its word
    designator: re.Pattern  # a unit noun right before a number makes it a name ('Yonif 408')'


@lru_cache(maxsize=None)
def _patterns(lang: str) -> dict[str, _Toll]:
    words = lexicon(lang).words
    num = rf"(?:{number_pattern(lang)}|{words['one'].pattern})"
    approx = words["approx"].pattern
    # '52 persen', 'berusia 46 tahun' are no tolls; nor is 'dua' of 'dua puluh persen'
    counted = rf"(?:{num})(?!\s*(?:{words['measure'].pattern})|/)(?!\s+(?:{num}))"
    number = re.compile(counted, re.IGNORECASE)
    out = {}
    wounded = words["injured_toll"].pattern
    tolls = {"killed": rf"(?!{wounded})(?:{words['toll'].pattern})", "injured": wounded}
    count = rf"(?P<n>{counted})"
    tolled = re.compile(rf"(?:{words['killed'].pattern})|(?:{words['injured'].pattern})", re.IGNORECASE)
    designator = re.compile(rf"(?:{words['designator'].pattern})\s+$", re.IGNORECASE)
    for kind, word, verb in (("killed", "killed", "killer"), ("injured", "injured", "injurer")):
        after = (re.compile(rf"(?:{words[verb].pattern})\s+(?:(?:{approx})\s+)?{count}", re.IGNORECASE),
                 re.compile(rf"(?:{tolls[kind]}){_GAP}\s+(?:(?:{approx})\s+)?{count}", re.IGNORECASE))
        out[kind] = _Toll(number, words[word], after, tolled, designator)
    return out


def tolls(text: str, start: int, end: int, lang: str = DEFAULT_LANG) -> tuple[int | None, int | None]:
    """(fatalities, injured) stated in text[start:end]; None where not stated."""
    if not _toll_words(lang).search(text, start, end):
        return None, None
    pats = _patterns(lang)
    return _first(pats["killed"], text, start, end, lang), _first(pats["injured"], text, start, end, lang)


@lru_cache(maxsize=None)
def _toll_words(lang: str) -> re.Pattern:
    """Any word a toll hangs on: a span without one states no toll (a cheap first test)."""
    words = lexicon(lang).words
    kinds = ("killed", "injured", "killer", "injurer", "toll", "injured_toll")
    return re.compile("|".join(f"(?:{words[k].pattern})" for k in kinds), re.IGNORECASE)


def _first(toll: _Toll, text: str, start: int, end: int, lang: str) -> int | None:
    """The first toll in the span: (position, number text) candidates, earliest first."""
    found = [(m.start(), m.group("n")) for p in toll.after for m in p.finditer(text, start, end)]
    found += [c for w in toll.word.finditer(text, start, end) for c in _number_before(toll, text, start, w.start())]
    ones = lexicon(lang).words["one"]
    for _, n in sorted(found):
        value = 1 if ones.fullmatch(n) else parse_number(n, lang)
        if value is not None:
            return value
    return None


def _number_before(toll: _Toll, text: str, start: int, pos: int) -> list[tuple[int, str]]:
    """The nearest number at most BEFORE_WORDS words before pos, with nothing but words between."""
    window = text[start:pos]
    words = window.split()
    lo = pos - len(" ".join(words[-(BEFORE_WORDS + 3):])) - 1
    nums = [m for m in toll.number.finditer(text, max(start, lo), pos) if not _designation(toll, text, m)]
    if not nums:
        return []
    m = nums[-1]
    gap = text[m.end():pos]
    if len(gap.split()) > BEFORE_WORDS or _STOP.search(gap) or toll.tolled.search(gap):
        return []
    return [(m.start(), m.group())]


def _designation(toll: _Toll, text: str, m: re.Match) -> bool:
    """A number that names a unit, not a count: joined to a name ('321/GT') or after a unit noun
    ('Yonif 408', 'Pos 3')."""
    if _DESIGNATION.match(text, m.end()):
        return True
    return bool(toll.designator.search(text, max(0, m.start() - DESIGNATOR_REACH), m.start()))
