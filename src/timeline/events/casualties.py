"""Death and injury tolls stated in a clause: "menewaskan sedikitnya 18 orang", "dua prajurit terluka".

A number counts as a toll when it stands before a 'killed'/'injured' word (at most five words
between: "70 warga Palestina meninggal dunia"), after a killing/wounding verb, optionally
through a qualifier ("sedikitnya"), or a few words after a toll noun ("korban tewas mencapai
10.000"). 'seorang' is one. Numbers come from ``timeline.numbers``; a vague count
("puluhan") parses to None and is not reported. None means not reported, never 0.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import DEFAULT_LANG
from ..numbers import number_pattern, parse_number
from .lexicon import lexicon

BEFORE_WORDS = 5  # words between a number and the 'killed' word after it
_GAP = r"(?:\s+[^\s\d.,;:!?\"“”]+){0,4}?"
_STOP = re.compile(r"[.,;:!?\"“”]")


@dataclass(frozen=True)
class _Toll:
    """Patterns of one toll kind."""

    number: re.Pattern
    word: re.Pattern  # 'tewas': the nearest number a few words before it
    after: tuple[re.Pattern, ...]  # 'menewaskan (sedikitnya) N', 'korban tewas mencapai N'


@lru_cache(maxsize=None)
def _patterns(lang: str) -> dict[str, _Toll]:
    words = lexicon(lang).words
    num = rf"(?:{number_pattern(lang)}|{words['one'].pattern})"
    approx = words["approx"].pattern
    number = re.compile(num, re.IGNORECASE)
    out = {}
    for kind, word, verb in (("killed", "killed", "killer"), ("injured", "injured", "injurer")):
        after = [re.compile(rf"(?:{words[verb].pattern})\s+(?:(?:{approx})\s+)?(?P<n>{num})", re.IGNORECASE)]
        if kind == "killed":
            after.append(re.compile(rf"(?:{words['toll'].pattern}){_GAP}\s+(?:(?:{approx})\s+)?(?P<n>{num})",
                                    re.IGNORECASE))
        out[kind] = _Toll(number, words[word], tuple(after))
    return out


def tolls(text: str, start: int, end: int, lang: str = DEFAULT_LANG) -> tuple[int | None, int | None]:
    """(fatalities, injured) stated in text[start:end]; None where not stated."""
    pats = _patterns(lang)
    return _first(pats["killed"], text, start, end, lang), _first(pats["injured"], text, start, end, lang)


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
    nums = [m for m in toll.number.finditer(text, max(start, lo), pos)]
    if not nums:
        return []
    m = nums[-1]
    gap = text[m.end():pos]
    if len(gap.split()) > BEFORE_WORDS or _STOP.search(gap):
        return []
    return [(m.start(), m.group())]
