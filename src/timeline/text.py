"""Sentences of a news text, with offsets, paragraph numbers and lines that carry no story.

Sentence ends are `.`, `!`, `?` before a capital, digit or quote, except after an abbreviation
(language data, ``abbreviations.tsv``), an initial or a list number. A quotation that spans
several sentences stays one sentence when it closes in the same paragraph, so the attribution
("..., kata X, Selasa (1/3).") stays with what was said. Link lines ("Baca juga: ..."), photo
captions with a credit, bullets and short headings are marked ``skip``: no events come from them.
Run-on text without sentence ends is cut into pieces of at most MAX_SENTENCE characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lang import DEFAULT_LANG, read_tsv

_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9\u00C0-\u024F])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_PARA = re.compile(r"\n[ \t]*\n\s*")
_LINE = re.compile(r"[^\n]+")
_CREDIT = re.compile(r"\b[A-Z][A-Z.]{1,20}/[A-Z][A-Z]+(?: [A-Z][A-Z]+)*\b")
_DATELINE = re.compile(r"[^\n]{0,45}?\s(?:-{1,2}|–|—)\s*|[^\n]{0,45}?(?:-{1,2}|–|—)\s+")
_CLOSE_Q = "\"”"
_TERMINAL = ".!?\"”’)…:"
HEADING_MAX_WORDS = 12
TITLE_CASE_SHARE = 0.6  # a longer line without a sentence end is a headline when this share of words is capitalised
FRAGMENT_MAX_WORDS = 3
MAX_SENTENCE = 1500  # characters; longer runs (no punctuation) are cut at spaces  # a paragraph this short ('Negosiasi...') is a fragment, never a story sentence


@dataclass(slots=True)  # not frozen: constructed by the thousand per article, and frozen init is 4x slower
class Sentence:
    """A sentence span; ``para`` numbers paragraphs from 0; ``skip`` marks non-story lines."""

    start: int
    end: int
    para: int
    skip: bool = False


@dataclass(frozen=True)
class _Vocab:
    abbreviations: frozenset[str]
    prefixes: tuple[str, ...]
    prefix_chars: int = 0  # the longest prefix: a line's first characters are all it is compared by


@lru_cache(maxsize=None)
def _vocab(lang: str) -> _Vocab:
    abbr = frozenset(r["abbr"].lower() for r in read_tsv(lang, "abbreviations"))
    prefixes = tuple(r["prefix"].lower() for r in read_tsv(lang, "text_lines"))
    return _Vocab(abbr, prefixes, max(map(len, prefixes), default=0))


def sentences(text: str, lang: str = DEFAULT_LANG) -> list[tuple[int, int]]:
    """(start, end) of every sentence in text order, skipped lines included."""
    return [(s.start, s.end) for s in segment(text, lang)]


def segment(text: str, lang: str = DEFAULT_LANG) -> list[Sentence]:
    """Sentences with paragraph numbers and skip flags."""
    v = _vocab(lang)
    out: list[Sentence] = []
    paras = _paragraphs(text, v)
    for n, (ps, pe) in enumerate(paras):
        skip = _skip_paragraph(text[ps:pe], v, last=n == len(paras) - 1)
        for s, e in _split(text, ps, pe, v):
            out.append(Sentence(s, e, n, skip or _skip_line(text[s:e], v)))
    return out


def dateline(text: str) -> tuple[int, int] | None:
    """Span of a leading dateline such as ``JAKARTA, KOMPAS.com -``, if the text opens with one."""
    m = _DATELINE.match(text)
    if not m:
        return None
    words = m.group().rstrip(" -–—").replace(",", " ").split()
    if not words or not all(w[0].isupper() or "." in w or w[0] == "(" for w in words):
        return None
    return (m.start(), m.end())


def _paragraphs(text: str, v: _Vocab) -> list[tuple[int, int]]:
    """Blank-line separated blocks, trimmed; a block is cut further at line breaks (``_lines``)."""
    spans, pos = [], 0
    for m in _PARA.finditer(text):
        spans.extend(_lines(text, pos, m.start(), v))
        pos = m.end()
    spans.extend(_lines(text, pos, len(text), v))
    return [s for s in spans if s[1] > s[0]]


def _lines(text: str, s: int, e: int, v: _Vocab) -> list[tuple[int, int]]:
    """Cut a block at line breaks after a sentence end and around link/bullet lines; a break
    inside a sentence ("Mengutip\nThe Defense Post, ...") is a space."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text, s, e)]
    out, start = [], s
    for (a, b), nxt in zip(lines, lines[1:]):
        ended = text[a:b].rstrip()[-1:] in _TERMINAL
        if ended or _skip_line(text[a:b], v) or _skip_line(text[nxt[0]:nxt[1]], v):
            out.append(_trim(text, start, b))
            start = nxt[0]
    out.append(_trim(text, start, e))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e)


def _split(text: str, s: int, e: int, v: _Vocab) -> list[tuple[int, int]]:
    """Sentence spans inside one paragraph."""
    cuts, depth = [], 0
    pos = s
    last_close = max(text.rfind('"', s, e), text.rfind("”", s, e))  # _CLOSE_Q: a quote open before it closes here
    for m in _END.finditer(text, s, e):
        depth = _quote_depth(text, pos, m.end(), depth)
        pos = m.end()
        if _is_abbreviation(text, s, m.start(), v):
            continue
        if depth and m.end() < last_close:
            continue
        depth = 0
        cuts.append(m.end())
    bounds = [s] + cuts + [e]
    spans = [_trim(text, a, b) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]
    return [piece for a, b in spans for piece in _chunks(text, a, b)]


def _chunks(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A run-on 'sentence' longer than MAX_SENTENCE is cut at spaces into pieces no longer than that."""
    out = []
    while e - s > MAX_SENTENCE:
        cut = text.rfind(" ", s + 1, s + MAX_SENTENCE)
        cut = cut if cut > s else s + MAX_SENTENCE
        out.append(_trim(text, s, cut))
        s = _trim(text, cut, e)[0]
    out.append((s, e))
    return [c for c in out if c[1] > c[0]]


def _quote_depth(text: str, s: int, e: int, depth: int) -> int:
    """Whether a double quotation is open after text[s:e], given the state before it.

    '“' opens, '”' closes, '"' toggles: the last curly quote sets the state, the straight quotes
    after it flip it (found with rfind/count rather than a loop over the characters)."""
    last = max(text.rfind("“", s, e), text.rfind("”", s, e))
    if last >= 0:
        depth, s = (1 if text[last] == "“" else 0), last + 1
    return 1 - depth if text.count('"', s, e) % 2 else depth


def _is_abbreviation(text: str, para_start: int, dot: int, v: _Vocab) -> bool:
    """A period after an abbreviation, a single capital initial or a line-opening list number."""
    if text[dot] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(para_start, dot - 20), dot)
    if not m:
        return False
    word = m.group(1)
    if word.lower() in v.abbreviations or (len(word) == 1 and word.isupper()):
        return True
    return word.isdigit() and len(word) <= 2 and m.start() == para_start


def _skip_line(line: str, v: _Vocab) -> bool:
    low = line.lstrip()[:v.prefix_chars].lower()  # lower() never shortens: the same prefixes match
    return low.startswith(v.prefixes)


def _skip_paragraph(par: str, v: _Vocab, last: bool) -> bool:
    """Link lines, captions with a photo credit, and short headings without a sentence end."""
    if _skip_line(par, v) or ("/" in par and _CREDIT.search(par)):  # a credit has a slash
        return True
    stripped = par.rstrip()
    if len(stripped.split(None, FRAGMENT_MAX_WORDS)) <= FRAGMENT_MAX_WORDS:  # counts words up to one more
        return True
    if last or stripped[-1:] in _TERMINAL:
        return False
    words = stripped.split()
    capitals = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return len(words) <= HEADING_MAX_WORDS or capitals >= TITLE_CASE_SHARE * len(words)
