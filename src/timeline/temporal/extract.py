"""Phase 1: text -> spans with underspecified values (HeidelTime-style: `XXXX-02-24 wd=4`).

One pass of the compiled grammar finds candidate spans; each rule kind has a builder (`values`)
that reads the matched parts through the vocabulary into a `Value`; the words
around the span add its modifier (preposition), clause tense, and whether it is a reporting date.
Candidates voided by their neighbours (recurrences, counts, URLs, names) are dropped; bare days listed
before a day-month date ('24 dan 25 Februari') become rows of their own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress

from timeline.temporal.context import (Context, context, in_url, is_reporting, link_lines, prep_modifier, tense,
                                      voided)
from timeline.temporal.grammar import TOKEN, Grammar, Vocab, grammar, slots
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
    partner: Span | None = None  # the day-month date a listed bare day shares its month and year with


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
    if v.kind != "month" or v.y is not None or v.shift is not None or v.yshift is not None:
        return False
    if g.get("part") or g.get("mw"):
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


_PREV_CHAR = re.compile(r"([^ \t\u00a0])[ \t\u00a0]*\Z")


def _capitalised_weekday(text: str, start: int, g: dict, value: Value, vocab: Vocab) -> Value:
    """'tewas Minggu lalu': a unit word that is also a weekday ('Minggu'), capitalised inside a
    clause (a word just before it), names that day, not the week; at a sentence start it stays a week."""
    word = g.get("unit") or ""
    if value.kind != "unit_rel" or value.frame != "anchor" or g.get("part") or not word[:1].isupper():
        return value
    wd = vocab.weekdays.get(vocab.key(word))
    prev = _PREV_CHAR.search(text, max(0, start - 20), start)
    if not wd or not wd[1] or word.isupper() or not prev or not prev.group(1).isalnum():
        return value
    return Value("weekday", wd=wd[0], shift=value.shift)


def _scope(kind: str, g: dict) -> str:
    """Which negative words apply: bare years are voided by count nouns, weekdays by recurrences,
    counts ('sepekan lalu') by words that make them durations ('belum ada sepekan')."""
    if kind == "year" and not g.get("yw") and not g.get("part"):
        return "year"
    return {"weekday": "weekday", "count": "count"}.get(kind, "all")


def _needs_tense(v: Value) -> bool:
    """Only values whose placement depends on the clause's tense need the cue search."""
    if v.yshift is not None:
        return False
    if v.kind in {"date", "range", "quarter"}:
        return v.y is None
    if v.kind in {"month", "month_range", "weekday", "month_week"}:
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
    value = value and _capitalised_weekday(text, start, g, value, gr.vocab)
    kind = "weekday" if value and value.kind == "weekday" else rule.kind
    if value is None or voided(ctx, text, start, end, _scope(kind, g)) or in_url(text, start, end):
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
_DIGITS = frozenset("0123456789")


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
    tokens = TOKEN.findall(text)
    wanted = {t for t in set(tokens) if t[0] in _DIGITS or t[0] == "(" or t in starters}
    for tok in compress(tokens, map(wanted.__contains__, tokens)):  # most tokens start no expression
        first = tok[0]
        cls = "digit" if first in _DIGITS else "bracket" if first == "(" else "word"
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


@lru_cache(maxsize=None)
def _list_patterns(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A coordination word just before a span (cheap first test), the list of bare days it closes
    ('24, 25 dan ' before '26 Februari'), and one day of that list."""
    t = slots(lang)
    tail = rf"{t['s']},?{t['s']}{t['COORD']}{t['S']}\Z"
    days = rf"(?:{t['D']}{t['s']},{t['s']}){{0,6}}{t['D']}"
    return re.compile(t["COORD"] + rf"{t['S']}\Z"), re.compile(days + tail), re.compile(t["D"])


_LIST_REACH = 60
_OPENERS = {"", "(", "\"", "“", "'", "‘"}  # what may stand right before a list of days (besides blanks)


def _listed_days(text: str, span: Span, ctx: Context, lang: str) -> list[Span]:
    """'24 dan 25 Februari', '24, 25, dan 26 Februari 2022': each bare day listed before a
    day-month date is a row of its own, in that date's month and year (a day per row, as written).
    After a 'between' word ('antara 10 dan 14 Oktober') the two days are the ends of one range: the
    range is returned last, in place of the date."""
    v = span.value
    if v.kind != "date" or v.wd is not None or not text[span.start:span.start + 1].isdigit():
        return []
    coord, listed, one = _list_patterns(lang)
    lo = max(0, span.start - _LIST_REACH)
    if not coord.search(text, max(lo, span.start - 12), span.start):
        return []
    m = listed.search(text, lo, span.start)
    before = text[m.start() - 1:m.start()] if m else ""
    if not m or voided(ctx, text, m.start(), span.start, "year") or not (before.isspace() or before in _OPENERS):
        return []  # a count, a number, or an ordinal ('ke-2 dan 3 Mei'), not a listed day
    found = list(one.finditer(text, m.start(), m.end()))
    days = [int(d.group()) for d in found] + [v.d]
    if any(a >= b for a, b in zip(days, days[1:])):
        return []  # a list of days runs forward
    if len(found) == 1 and _between(text, m.start(), ctx.vocab):
        val = Value("range", y=v.y, m=v.m, d=days[0], y2=v.y, m2=v.m, d2=v.d)
        return [Span(m.start(), span.end, text[m.start():span.end], "day_between", val,
                     prep_modifier(ctx, text, m.start()), span.tense)]
    return [Span(d.start(), d.end(), d.group(), "day_list", Value("date", y=v.y, m=v.m, d=int(d.group())),
                 prep_modifier(ctx, text, d.start()), span.tense, partner=span) for d in found]


def _between(text: str, start: int, vocab: Vocab) -> bool:
    """The word just before `start` (a day word between them allowed: 'antara tanggal 10 dan 14')
    is a 'between' word ('antara')."""
    prev = _LAST_WORD.search(text, max(0, start - 30), start)
    if prev and vocab.key(prev.group(1)) in vocab.eras.get("day", ()):
        prev = _LAST_WORD.search(text, max(0, prev.start() - 30), prev.start())
    return bool(prev) and vocab.connectors.get(vocab.key(prev.group(1))) == "between"


def _add_listed(spans: list[Span], text: str, ctx: Context, lang: str) -> list[Span]:
    """Insert listed bare days before their date; a `tanggal 24` span they overlap gives way; a
    'between' range replaces its date."""
    out: list[Span] = []
    for sp in spans:
        extra = _listed_days(text, sp, ctx, lang)
        if extra:
            while out and out[-1].end > extra[0].start:
                dropped = out.pop()
                if dropped.value.kind == "day" and extra[0].start < dropped.end <= extra[0].end:
                    extra[0] = replace(extra[0], start=dropped.start, text=text[dropped.start:extra[0].end])
            out.extend(extra)
        if not extra or extra[-1].end != sp.end:
            out.append(sp)
    return out


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
            spans.append(span)
    spans = _add_listed(spans, text, ctx, lang)
    for sp in spans if links else ():
        sp.link = any(a <= sp.start < b for a, b in links)
    return spans
