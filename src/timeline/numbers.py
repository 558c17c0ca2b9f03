"""Cardinal numbers written in digits or words ("1.500", "dua puluh tiga", "sebelas", "seratus").

The vocabulary is data (``lang/<lang>/numbers.tsv``); this module only knows the arithmetic of
the kinds listed there: unit words add, a teen word adds ten, tens/hundred words multiply the
running group, scale words close a group, and a prefix (Indonesian "se-") means one when joined
to another number word. Vague counts ("belasan", "puluhan") are numbers of no definite value and
parse to None, so that callers never invent a count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.lang import DEFAULT_LANG, read_tsv

__all__ = ["parse_number", "number_pattern", "number_words"]


@dataclass(frozen=True)
class _Vocab:
    words: dict[str, tuple[int, str]]  # word -> (value, kind)
    prefixes: tuple[str, ...]
    thousands: str
    decimal: str


@lru_cache(maxsize=None)
def _vocab(lang: str) -> _Vocab:
    """The number words of a language, keyed in lower case."""
    words, prefixes, seps = {}, [], {"thousands_sep": ".", "decimal_sep": ","}
    for row in read_tsv(lang, "numbers"):
        kind = row["kind"]
        if kind in seps:
            seps[kind] = row["word"]
        elif kind == "prefix":
            prefixes.append(row["word"].lower())
        else:
            words[row["word"].lower()] = (int(row["value"]), kind)
    return _Vocab(words, tuple(prefixes), seps["thousands_sep"], seps["decimal_sep"])


def number_words(lang: str = DEFAULT_LANG) -> list[str]:
    """Every number word, se-forms included, longest first (for building alternations)."""
    v = _vocab(lang)
    joinable = [w for w, (_, k) in v.words.items() if k in {"unit", "teen", "tens", "hundred", "scale"}]
    forms = set(v.words) | {p + w for p in v.prefixes for w in joinable if v.words[w][1] != "unit"}
    return sorted(forms, key=lambda w: (-len(w), w))


@lru_cache(maxsize=None)
def number_pattern(lang: str = DEFAULT_LANG) -> str:
    """Regex source matching one number: digits (with group marks) or a run of number words."""
    v = _vocab(lang)
    t, d = re.escape(v.thousands), re.escape(v.decimal)
    digits = rf"(?<![0-9{t}{d}])(?:[0-9]{{1,3}}(?:{t}[0-9]{{3}})+|[0-9]+)(?![0-9]|[{t}{d}][0-9])"
    word = "|".join(re.escape(w) for w in number_words(lang))
    words = rf"\b(?i:{word})\b(?:[ \t]+\b(?i:{word})\b){{0,7}}"  # bounded: linear even on "satu satu satu ..."
    return rf"(?:{digits}|{words})"


def _split_prefix(token: str, v: _Vocab) -> list[str]:
    """'seratus' -> ['satu-equivalent', 'ratus'] expressed as the prefix's value then the word."""
    for p in v.prefixes:
        rest = token[len(p):]
        if token.startswith(p) and rest in v.words and v.words[rest][1] != "unit":
            return [p, rest]
    return [token]


def _words_value(tokens: list[str], v: _Vocab) -> int | None:
    """Arithmetic over number-word tokens; None when a token is not a number word or is vague."""
    total = hundreds = small = 0
    for tok in tokens:
        value, kind = (1, "unit") if tok in v.prefixes else v.words.get(tok, (0, "?"))
        if kind in {"?", "approx"}:
            return None
        if kind in {"unit", "teen"}:
            small += value
        elif kind == "tens":
            small = (small or 1) * value
        elif kind == "hundred":
            hundreds, small = hundreds + (small or 1) * value, 0
        else:  # scale closes the group: "dua ribu", "seratus juta"
            total, hundreds, small = total + ((hundreds + small) or 1) * value, 0, 0
    return total + hundreds + small


def _digits_value(s: str, v: _Vocab) -> int | None:
    """'1.500' -> 1500, '24' -> 24; a decimal or malformed grouping -> None."""
    if re.fullmatch(r"[0-9]+", s):
        return int(s)
    if re.fullmatch(r"[0-9]{1,3}(?:" + re.escape(v.thousands) + r"[0-9]{3})+", s):
        return int(s.replace(v.thousands, ""))
    return None


def parse_number(s: str, lang: str = DEFAULT_LANG) -> int | None:
    """The integer a number string denotes ("dua puluh tiga" -> 23, "1.500" -> 1500, "3 juta"), else None."""
    v = _vocab(lang)
    tokens = s.strip().lower().split()
    if not tokens:
        return None
    if tokens[0][0] in "0123456789":
        head = _digits_value(tokens[0], v)
        if head is None or len(tokens) == 1:
            return head
        scale = _words_value(tokens[1:], v)
        return None if scale is None else head * scale
    split = [part for tok in tokens for part in _split_prefix(tok, v)]
    if len(split) == 1 and split[0] in v.prefixes:
        return None
    return _words_value(split, v)
