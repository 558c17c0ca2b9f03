"""The date grammar of a language: vocabulary read from ``lang/<code>/*.tsv`` and the rule templates
of ``patterns.tsv`` compiled into one linear-time regular expression.

Templates name vocabulary slots (``{WD}``, ``{MONA}``, ``{REL_UNIT}``...); this module fills them from
the data files, so it holds no word of any language. All rules are joined into one alternation,
compiled once per language and cached: a text is scanned in a single pass.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.lang import read_tsv
from timeline.numbers import number_pattern, number_words

_GROUP = re.compile(r"\(\?P<(\w+)>")
_BACKREF = re.compile(r"\(\?P=(\w+)\)")


def _key(word: str) -> str:
    """Lookup form of a matched word: lower case, single spaces, straight apostrophe."""
    return " ".join(word.lower().replace("’", "'").split())


@dataclass(frozen=True)
class Vocab:
    """Every word class the grammar and the resolver use, keyed by `_key`."""

    weekdays: dict[str, tuple[int, bool]]
    months: dict[str, tuple[int, bool]]
    units: dict[str, str]
    relative: dict[str, tuple[int, str, str]]
    deictic: dict[str, int]
    anaphora: dict[str, tuple[str, int]]
    dayparts: frozenset[str]
    parts: dict[str, str]
    preps: dict[str, str]
    fillers: frozenset[str]
    at_words: frozenset[str]
    cues: dict[str, str]
    negatives: tuple[tuple[str, str, str], ...]
    connectors: dict[str, str]
    quarter_nouns: dict[str, int]
    ordinals: dict[str, int]
    week_ordinals: dict[str, int]
    eras: dict[str, frozenset[str]]
    attribution: frozenset[str]
    prefixes: tuple[str, ...]

    def key(self, word: str) -> str:
        return _key(word)


def _rows(lang: str, name: str) -> tuple[dict[str, str], ...]:
    return read_tsv(lang, name)


def _eras(lang: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for r in _rows(lang, "eras"):
        out.setdefault(r["kind"], set()).add(r["word"])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def vocabulary(lang: str) -> Vocab:
    """Read the language folder once."""
    parts = _rows(lang, "parts")
    quarters = _rows(lang, "quarters")
    return Vocab(
        weekdays={_key(r["word"]): (int(r["weekday"]), r["shared"] == "1") for r in _rows(lang, "weekdays")},
        months={_key(r["word"]): (int(r["month"]), r["abbr"] == "1") for r in _rows(lang, "months")},
        units={_key(r["word"]): r["unit"] for r in _rows(lang, "units")},
        relative={_key(r["word"]): (int(r["shift"]), r["frame"], r["after"]) for r in _rows(lang, "relative")},
        deictic={_key(r["phrase"]): int(r["offset"]) for r in _rows(lang, "deictic")},
        anaphora={_key(r["phrase"]): (r["unit"], int(r["shift"])) for r in _rows(lang, "anaphora")},
        dayparts=frozenset(_key(r["word"]) for r in _rows(lang, "dayparts")),
        parts={_key(r["word"]): r["modifier"] for r in parts if r["kind"] == "part"},
        preps={_key(r["word"]): r["modifier"] for r in parts if r["kind"] == "prep"},
        fillers=frozenset(_key(r["word"]) for r in parts if r["kind"] == "filler"),
        at_words=frozenset(_key(r["word"]) for r in parts if r["kind"] in {"at", "prep"}),
        cues={_key(r["word"]): r["tense"] for r in _rows(lang, "cues")},
        negatives=tuple((_key(r["word"]), r["where"], r["applies"]) for r in _rows(lang, "negatives")),
        connectors={_key(r["word"]): r["role"] for r in _rows(lang, "connectors")},
        quarter_nouns={_key(r["word"]): int(r["value"]) for r in quarters if r["kind"] in {"quarter", "half"}},
        ordinals={r["word"]: int(r["value"]) for r in quarters if r["kind"] == "ordinal"},
        week_ordinals={_key(r["word"]): int(r["value"]) for r in quarters if r["kind"] == "week_ordinal"},
        eras=_eras(lang),
        attribution=frozenset(_key(r["word"]) for r in _rows(lang, "attribution")),
        prefixes=tuple(r["word"] for r in _rows(lang, "numbers") if r["kind"] == "prefix"),
    )


def _phrase(word: str) -> str:
    """A word or phrase as regex source: internal spaces match any run of blanks."""
    return r"[ \t\u00a0]+".join(re.escape(w) for w in word.split())


def alternation(words, cased: bool = False, bounded: bool = True) -> str:
    """Longest-first alternation of words; `cased` keeps case (Title and UPPER forms only)."""
    forms = set()
    for w in words:
        forms |= {w, w.upper(), w[:1].upper() + w[1:]} if cased else {w}
    body = "|".join(_phrase(w) for w in sorted(forms, key=lambda w: (-len(w), w)))
    body = body if cased else f"(?i:{body})"
    if not bounded:
        return f"(?:{body})"
    return rf"(?<![^\W_])(?:{body})(?![^\W_])"


def _words(lang: str, name: str, col: str, pred=lambda r: True) -> list[str]:
    return [r[col] for r in _rows(lang, name) if pred(r)]


def slots(lang: str) -> dict[str, str]:
    """Fill every slot name from the vocabulary files."""
    eras = _eras(lang)
    months = _rows(lang, "months")
    full = [r["word"] for r in months if r["abbr"] == "0"]
    abbr = [r["word"] for r in months if r["abbr"] == "1"]
    rel = _rows(lang, "relative")
    quarters = _rows(lang, "quarters")
    ords = [r["word"] for r in quarters if r["kind"] == "ordinal"]
    return {
        "S": r"[ \t\u00a0]+", "s": r"[ \t\u00a0]*",
        "WD": alternation(_words(lang, "weekdays", "word"), cased=True),
        "MONF": alternation(full),
        "MONT": alternation(full, cased=True),
        "MONA": rf"(?:{alternation(full)}|{alternation(abbr)}\.?)",
        "D": r"(?<![0-9])(?:0?[1-9]|[12][0-9]|3[01])(?![0-9])",
        "MNUM": r"(?:0?[1-9]|1[0-2])(?![0-9])",
        "YB": r"(?:[0-9]{4}|[0-9]{2})(?![0-9])",
        "Y4": r"(?<![0-9])(?:1[89][0-9]{2}|20[0-9]{2})(?![0-9])",
        "NUM": number_pattern(lang),
        "PREFIX": alternation([r["word"] for r in _rows(lang, "numbers") if r["kind"] == "prefix"], bounded=False),
        "UNIT": alternation(_words(lang, "units", "word")),
        "WEEKUNIT": alternation([r["word"] for r in _rows(lang, "units") if r["unit"] == "week"]),
        "WEEKUNIT_JOINED": alternation([r["word"] for r in _rows(lang, "units") if r["unit"] == "week"], bounded=False)
        + r"(?![^\W_])",
        "UNIT_JOINED": alternation(_words(lang, "units", "word"), bounded=False) + r"(?![^\W_])",
        "REL_UNIT": alternation([r["word"] for r in rel if r["frame"] == "anchor" and r["after"] in {"unit", "both"}]),
        "REL_COUNT": alternation([r["word"] for r in rel if r["after"] in {"count", "both"}]),
        "REL_ANA": alternation([r["word"] for r in rel if r["frame"] == "anaphoric" and r["after"] in {"unit", "both"}]),
        "DEIC": alternation(_words(lang, "deictic", "phrase")),
        "ANA": alternation(_words(lang, "anaphora", "phrase")),
        "DP": alternation(_words(lang, "dayparts", "word")),
        "PART": alternation(_words(lang, "parts", "word", lambda r: r["kind"] == "part")),
        "DASH": alternation(_words(lang, "connectors", "word", lambda r: r["role"] == "range"), bounded=False),
        "RANGE": alternation(_words(lang, "connectors", "word", lambda r: r["role"].startswith("range")), bounded=False),
        "COORD": alternation(_words(lang, "connectors", "word", lambda r: r["role"] == "coord")),
        "QN": alternation([r["word"] for r in quarters if r["kind"] in {"quarter", "half"}]),
        "ORD": "(?:" + "|".join(rf"(?<![^\W_]){_phrase(w)}(?![^\W_])" for w in sorted(ords, key=len, reverse=True))
        + "|" + alternation([w for w in ords if w.islower()]) + ")",
        "WEEKORD": alternation([r["word"] for r in quarters if r["kind"] == "week_ordinal"]),
        "YEARW": alternation(eras.get("year", ())),
        "DECW": alternation(eras.get("decade", ())),
        "DECSUF": alternation(eras.get("decade_suffix", ()), bounded=False) + r"(?![^\W_])",
        "MONTHW": alternation(eras.get("month", ())),
        "DAYW": alternation(eras.get("day", ())),
    }


@dataclass(frozen=True)
class Rule:
    """One compiled rule: its name, handler kind and the combined-regex group names of its parts."""

    name: str
    kind: str
    groups: dict[str, str]


@dataclass(frozen=True)
class Grammar:
    """The combined regex, its rules, the vocabulary, and the words an expression can start with
    (the scanner tries the regex only at those tokens, digits and brackets: a fast first filter)."""

    regex: dict[str, re.Pattern]  # first-token class (digit, bracket, word) -> the rules that may start so
    rules: dict[str, Rule]
    vocab: Vocab
    starters: frozenset[str]


TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|[0-9]+|\(")


def _starters(lang: str, v: Vocab) -> frozenset[str]:
    """First tokens of every word that may open an expression, in lower, Title and UPPER case."""
    words = [*v.weekdays, *v.months, *v.units, *v.deictic, *v.anaphora, *v.parts, *v.quarter_nouns, *v.dayparts]
    words += [w for ws in v.eras.values() for w in ws] + number_words(lang)
    words += [p + u for p in v.prefixes for u in v.units]
    words += [w.replace("'", "’") for w in words if "'" in w]  # keys use the straight apostrophe
    firsts = {m.group() for m in (TOKEN.search(w.lower()) for w in words) if m}
    return frozenset(f for w in firsts for f in (w, w.upper(), w[:1].upper() + w[1:]))


def _fill(template: str, table: dict[str, str]) -> str:
    return re.sub(r"\{([A-Z][A-Z0-9_]*|s)\}", lambda m: table[m.group(1)], template)


def _prefix_groups(source: str, prefix: str) -> tuple[str, dict[str, str]]:
    """Rename a template's named groups so that all rules can share one regex."""
    names = {n: f"{prefix}_{n}" for n in _GROUP.findall(source)}
    source = _GROUP.sub(lambda m: f"(?P<{names[m.group(1)]}>", source)
    return _BACKREF.sub(lambda m: f"(?P={names[m.group(1)]})", source), names


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    """The compiled grammar of a language (cached: compile once per process)."""
    table = slots(lang)
    parts: dict[str, list[str]] = {"digit": [], "bracket": [], "word": []}
    rules = {}
    for i, row in enumerate(_rows(lang, "patterns")):
        outer = f"r{i}"
        source, names = _prefix_groups(_fill(row["template"], table), outer)
        for cls in row["starts"].split(","):
            parts[cls.strip()].append(f"(?P<{outer}>{source})")
        rules[outer] = Rule(row["rule"], row["kind"], names)
    vocab = vocabulary(lang)
    regex = {cls: re.compile("|".join(alts) or "(?!)") for cls, alts in parts.items()}
    return Grammar(regex, rules, vocab, _starters(lang, vocab))
