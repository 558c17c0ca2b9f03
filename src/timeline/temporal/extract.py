"""Phase 1: text -> spans with underspecified values (HeidelTime-style: `XXXX-02-24 wd=4`).

One pass of the compiled grammar finds candidate spans; each rule kind has a builder (`values`)
that reads the matched parts through the vocabulary into a `Value`; the words
around the span add its modifier (preposition), clause tense, and whether it is a reporting date.
Candidates voided by their neighbours (recurrences, counts, URLs) are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.temporal.context import (Context, context, in_url, is_reporting, link_lines, prep_modifier, tense,
                                      voided)
from timeline.temporal.grammar import TOKEN, Grammar, Vocab, grammar
from timeline.temporal.values import BUILDERS, Value


@dataclass
class Span:
    """A candidate expression: where it is, which rule found it, its value and its context."""

    start: int
    end: int
    text: str
    rule: str
    value: Value
    modifier: str | None = None
    tense: str | None = None
    reporting: bool = False
    link: bool = False
    year_hint: int | None = None  # year of the dated end of a range this start is joined to


def _edges_ok(text: str, start: int, end: int) -> bool:
    """The span neither starts nor ends inside a word or a number ('MH2014', '2014,5', '1/2013', '021-2019')."""
    if start and text[start - 1].isalnum() and text[start].isalnum():
        return False
    if end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        return False
    if text[end:end + 1] in {".", ",", "/"} and text[end + 1:end + 2].isdigit():
        return False
    return not (text[start - 1:start] in {"/", "-"} and text[start - 2:start - 1].isdigit())


_NAME_NEXT = re.compile(r"[ \t]+[^\W\d_a-z]")
_LAST_WORD = re.compile(r"([^\W\d_]+)[ \t]+$")


def _looks_like_name(text: str, span: Span, g: dict, vocab: Vocab) -> bool:
    """A bare month word right before a capitalised word, with no time preposition before it, is a
    personal name ('bertemu Juni Rahmawati'; but 'sejak Juni OPEC ...' is a month)."""
    v = span.value
    if v.kind != "month" or v.y is not None or v.shift is not None or g.get("part") or g.get("mw"):
        return False
    prev = _LAST_WORD.search(text, max(0, span.start - 30), span.start)
    if prev and vocab.key(prev.group(1)) in vocab.at_words:
        return False
    return _NAME_NEXT.match(text, span.end) is not None


def _joined_weekday(text: str, span: Span) -> bool:
    """'Senin-Jumat', 'Sabtu-Minggu': weekday ranges name recurring days, not dates."""
    if span.value.kind != "weekday" or span.value.shift is not None:
        return False
    return text[span.end:span.end + 1] in {"-", "–"} or text[max(span.start - 1, 0):span.start] in {"-", "–"}


def _scope(kind: str, g: dict) -> str:
    """Which negative words apply: bare years are voided by count nouns, weekdays by recurrences."""
    if kind == "year" and not g.get("yw") and not g.get("part"):
        return "year"
    return "weekday" if kind == "weekday" else "all"


def _needs_tense(v: Value) -> bool:
    """Only values whose placement depends on the clause's tense need the cue search."""
    if v.kind in {"date", "range", "quarter"}:
        return v.y is None
    if v.kind in {"month", "weekday"}:
        return v.y is None and v.shift is None
    return v.kind == "day" or (v.kind == "unit_rel" and v.shift is None)


def _candidate(m, gr: Grammar, ctx: Context, text: str) -> Span | None:
    """Build the span of one regex match, or None when it is voided or malformed."""
    rule = gr.rules[m.lastgroup]
    start, end = m.span()
    if not _edges_ok(text, start, end):
        return None
    g = {k: m.group(n) for k, n in rule.groups.items()}
    value = BUILDERS[rule.kind](gr.vocab, g)
    if value is None or voided(ctx, text, start, end, _scope(rule.kind, g)) or in_url(text, start, end):
        return None
    if g.get("part"):
        value.part = gr.vocab.parts[gr.vocab.key(g["part"])]
    span = Span(start, end, m.group(), rule.name, value)
    if _joined_weekday(text, span) or _looks_like_name(text, span, g, gr.vocab):
        return None
    span.modifier = value.part or prep_modifier(ctx, text, start)
    if _needs_tense(value):
        span.tense = tense(ctx, text, start, end)
    if value.kind in {"date", "weekday", "deictic"}:
        span.reporting = is_reporting(ctx, text, start, end)
    return span


_LETTER = re.compile(r"[^\W\d_]")


def _position(text: str, tok: str, pos: int) -> int:
    """Where the token `tok` next stands as a whole token at or after `pos` (letters as TOKEN sees them)."""
    p = text.find(tok, pos)
    if tok[0] in "0123456789(":
        return p  # digit runs and brackets are always tokens of their own
    while p >= 0 and ((p > 0 and _LETTER.match(text, p - 1, p)) or _LETTER.match(text, p + len(tok), p + len(tok) + 1)):
        p = text.find(tok, p + 1)
    return p


def _matches(text: str, gr: Grammar):
    """Regex matches, tried only where a starter word, a digit or a bracket begins (left to right,
    no overlap): the same result as scanning every position, many times faster. Only candidate
    tokens are located (`cursor` is the end of the previous one, so each is found in place)."""
    cursor = done = 0
    regex, starters = gr.regex, gr.starters
    for tok in TOKEN.findall(text):
        first = tok[0]
        cls = "digit" if first in "0123456789" else "bracket" if first == "(" else "word"
        if cls == "word" and tok not in starters:
            continue
        at = _position(text, tok, cursor)
        if at < 0:
            return
        cursor = at + len(tok)
        if at < done or (cls == "digit" and text[at - 1:at] in {".", ","} and text[at - 2:at - 1].isdigit()):
            continue  # inside the previous match, or the decimal/group part of a number ('30,6', '1.500')
        m = regex[cls].match(text, at)
        if m:
            done = m.end()
            yield m


def _restates(prev: Span, span: Span, text: str) -> bool:
    """'Jumat (4/3) kemarin': a deictic word right after a bracketed date restates it: one row."""
    return (span.value.kind == "deictic" and prev.text.endswith(")") and prev.value.kind == "date"
            and not text[prev.end:span.start].strip())


def scan(text: str, lang: str = "id") -> list[Span]:
    """Every candidate expression of a text, in order, with its underspecified value."""
    gr, ctx = grammar(lang), context(lang)
    spans = []
    links = link_lines(ctx, text)
    for m in _matches(text, gr):
        try:
            span = _candidate(m, gr, ctx, text)
        except (KeyError, ValueError, TypeError):  # a word the vocabulary cannot key: skip, never crash
            span = None
        if span is not None and not (spans and _restates(spans[-1], span, text)):
            span.link = any(a <= span.start < b for a, b in links)
            spans.append(span)
    return spans
