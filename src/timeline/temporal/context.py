"""What the words around an expression say about it: a bounding preposition (modifier), the
tense of its clause (past/future cues), words that void it (recurrences, counts), whether it is
a reporting date ("kata X, Selasa (1/3)."), and URLs, inside which nothing is a date.

All word lists come from the language's vocabulary; patterns are compiled once per language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.lang import read_tsv
from timeline.temporal.grammar import Vocab, _key, alternation, vocabulary

_URLISH = re.compile(r"(?i)://|(?<!\S)www\.|\.[a-z]{2,6}/|/[\w-]*[a-z][\w-]*/")
_CLAUSE_END = re.compile(r"[.;!?\n\"“”()–—]|,(?![0-9])|--")
_SENTENCE_END = re.compile(r"[.!?\n](?![0-9])")
_WORD_AFTER = re.compile(r"[ \t]*([^\W\d_]+)")
_WINDOW = 160
_CUE_REACH = 60
_SENTENCE_REACH = 400


@dataclass(frozen=True)
class Context:
    """Compiled context patterns of one language."""

    vocab: Vocab
    prep: re.Pattern
    cue: re.Pattern
    attribution: re.Pattern
    links: re.Pattern
    negatives: tuple[dict[str, set[str]], ...]  # before, before2, after: scope -> words


@lru_cache(maxsize=None)
def context(lang: str) -> Context:
    v = vocabulary(lang)
    fill = alternation(v.fillers)
    prep = re.compile(rf"({alternation(v.preps)})(?:[ \t]+{fill})?[ \t]+$")
    links = alternation([r["prefix"] for r in read_tsv(lang, "links")])
    cues = re.compile(alternation(set(v.cues) | set(v.attribution)))  # attribution words close a clause too
    return Context(v, prep, cues, re.compile(alternation(v.attribution)),
                   re.compile(rf"(?m)^[ \t]*{links}[^\n]*"), _negatives(v))


_WHERE = ("before", "before2", "after", "name")


def _negatives(v: Vocab) -> tuple[dict[str, set[str]], ...]:
    """Negative words by position (before, before2, after, name) and scope (all, weekday, year, count)."""
    sides = {where: {scope: set() for scope in ("all", "weekday", "year", "count")} for where in _WHERE}
    for word, where, scope in v.negatives:
        sides[where][scope].add(word)
    return tuple(sides[w] for w in _WHERE)


def link_lines(ctx: Context, text: str) -> list[tuple[int, int]]:
    """Spans of lines that link other stories ('Baca juga: ...'): their dates are not antecedents."""
    return [m.span() for m in ctx.links.finditer(text)]


def in_url(text: str, start: int, end: int) -> bool:
    """True when the span lies inside a URL or web path token; dates there are not expressions."""
    lo, hi = start, end
    while lo > 0 and lo > start - 200 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and hi < end + 200 and not text[hi].isspace():
        hi += 1
    return _URLISH.search(text, lo, hi) is not None


def prep_modifier(ctx: Context, text: str, start: int) -> str | None:
    """Modifier from the preposition just before the expression (`sejak` -> since)."""
    m = ctx.prep.search(text, max(0, start - 40), start)
    return ctx.vocab.preps.get(ctx.vocab.key(m.group(1))) if m else None


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause around a span: up to the nearest comma, stop, quote or bracket."""
    lo = max(0, start - _WINDOW)
    before = [m.end() for m in _CLAUSE_END.finditer(text, lo, start)]
    after = _CLAUSE_END.search(text, end, min(len(text), end + _WINDOW))
    return (before[-1] if before else lo), (after.start() if after else min(len(text), end + _WINDOW))


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around a span (a stop, '!', '?' or line break not inside a number),
    looked for within _SENTENCE_REACH characters on each side."""
    lo, hi = max(0, start - _SENTENCE_REACH), min(len(text), end + _SENTENCE_REACH)
    stops = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    after = _SENTENCE_END.search(text, end, hi)
    return (stops[-1] if stops else lo), (after.start() if after else hi)


def tense(ctx: Context, text: str, start: int, end: int) -> str | None:
    """'past' or 'future' from the cue word nearest the span in its clause (within reach), else None.
    A boundary word (a conjunction such as 'bahwa') closes the clause on its side."""
    lo, hi = clause(text, start, end)
    lo, hi = max(lo, start - _CUE_REACH), min(hi, end + _CUE_REACH)
    best: tuple[int, str] | None = None
    for m in ctx.cue.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        kind = ctx.vocab.cues.get(ctx.vocab.key(m.group()), "boundary")
        if kind == "boundary":
            best = None if m.end() <= start else best
            if m.start() >= end:
                break
            continue
        dist = start - m.end() if m.end() <= start else m.start() - end
        if best is None or dist < best[0]:
            best = (dist, kind)
    return best[1] if best else None


def _last_words(text: str, start: int) -> list[str]:
    """The one or two words just before `start` (lookup form, trailing punctuation dropped)."""
    words = text[max(0, start - 40):start].split()[-2:]
    if text[start - 1:start].strip() and words:
        words = words[:-1]  # the window's last piece is glued to the span: not a word before it
    return [_key(w).rstrip(".,:;") for w in reversed(words)]


_NAME_WORDS = re.compile(r"(?:[^\W\d_][\w'’-]*[ \t]+){1,5}\Z")


def _in_name(text: str, start: int, heads: set[str]) -> bool:
    """The span closes a capitalised name opened by one of `heads` ('Operasi Damai Cartenz 2023':
    the year belongs to the operation's name)."""
    if not heads:
        return False
    m = _NAME_WORDS.search(text, max(0, start - 60), start)
    words = m.group().split() if m else []
    for w in reversed(words):
        if not w[:1].isupper():
            return False
        if _key(w) in heads:
            return True
    return False


def voided(ctx: Context, text: str, start: int, end: int, applies: str) -> bool:
    """True when a negative word next to the span voids it: a recurrence word among the two words
    before ('setiap hari Senin'), a scoped word just before ('Pasar Minggu', 'Rp 2014'), a count
    noun just after ('2000 pengungsi'), or the head of a name the span ends ('Operasi ... 2023')."""
    before, before2, after_words, names = ctx.negatives
    if (names[applies] or names["all"]) and _in_name(text, start, names[applies] | names["all"]):
        return True
    prev = _last_words(text, start)
    if any(w in before[applies] or w in before["all"] for w in prev[:1]):
        return True
    if any(w in before2[applies] or w in before2["all"] for w in prev):
        return True
    after = _WORD_AFTER.match(text, end, min(len(text), end + 30))
    return bool(after) and (_key(after.group(1)) in after_words[applies] or _key(after.group(1)) in after_words["all"])


def is_reporting(ctx: Context, text: str, start: int, end: int) -> bool:
    """A reporting date: after a comma, closing its sentence or clause, with an attribution word
    earlier in the sentence ('kata Stoltenberg ..., Selasa (1/3).'). Not an anaphora antecedent."""
    if not re.search(r",[ \t]*$", text[max(0, start - 3):start]):
        return False
    if not re.match(r"[ \t]*(?:[.,;\n]|$)", text[end:end + 3]):
        return False
    stops = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 250), start)]
    lo = stops[-1] if stops else max(0, start - 250)
    return ctx.attribution.search(text, lo, start) is not None
