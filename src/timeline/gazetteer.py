"""Surface-form index shared by the place and actor lookups.

A phrase index maps written forms (one or more words) to payloads and finds them in a text
in one left-to-right pass: the text is split into word tokens once, and only tokens that can
start a known phrase are tried, longest phrase first. Matching is on whole tokens, so a form
never matches inside a longer word ('AS' is not found in 'MASA').

Case rules, read from how a form is written in the resource file:
- a form written with a capital or digit (a proper noun, an acronym) matches as written, and
  also in full capitals when it is four or more characters long (datelines, headlines) unless
  the index is built with ``capitals=False``;
  when it starts with a lower-case word ("junta Myanmar") it also matches with that word
  capitalised, as at the start of a sentence;
- a form written entirely in lower case (a common noun such as a title) matches in any case
  (its first word in lower case, capitalised or in full capitals).
A form right after a hyphenated prefix word ("pro-Rusia", from ``name_prefixes.tsv``) is an
attribute, not a mention, and is skipped.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate, compress
from typing import Generic, TypeVar

from .lang import read_tsv

T = TypeVar("T")

#: A word token: letters/digits, with inner apostrophes kept (Ma'rib).
TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*")
_SPLIT = re.compile(f"({TOKEN.pattern})")
_SPACES = re.compile(r"[ \t\u00a0]+")
_MIN_UPPER_VARIANT = 4


@dataclass(slots=True)  # not frozen: constructed by the thousand per article, and frozen init is 4x slower
class Hit(Generic[T]):
    """One phrase found: text[start:end], and the payloads its form maps to."""

    start: int
    end: int
    payloads: tuple[T, ...]


def name_prefixes(lang: str) -> list[str]:
    """Words that, hyphenated before a name, make it an attribute ("pro-", "anti-")."""
    return [row["surface"] for row in read_tsv(lang, "name_prefixes")]


class PhraseIndex(Generic[T]):
    """Written forms -> payloads, searchable in linear time over the tokens of a text."""

    def __init__(self, entries: Iterable[tuple[str, T]], prefixes: Iterable[str] = (), capitals: bool = True) -> None:
        """``prefixes``: words that, joined by a hyphen before a form, make it no mention ("pro-X");
        ``capitals``: also match proper nouns written in full capitals (datelines, headlines)."""
        self._prefixes = frozenset(p.lower() for p in prefixes)
        self._capitals = capitals
        self._exact: dict[str, list[T]] = {}
        self._folded: dict[str, list[T]] = {}
        # first word, as it may be written -> the word counts of its forms, longest first
        self._first: dict[str, tuple[int, ...]] = {}
        for form, payload in entries:
            self.add(form, payload)

    def add(self, form: str, payload: T) -> None:
        """Register one written form; its case decides how it matches (see module doc)."""
        form = _SPACES.sub(" ", form.strip())
        tokens = list(TOKEN.finditer(form))
        if not tokens:
            return
        form = form[tokens[0].start():tokens[-1].end()]  # as matched: "U.S." is found as "U.S"
        head, size = tokens[0].group(), len(tokens)
        if form == form.lower():
            self._put(self._folded, form, payload)
            self._heads(size, head, head.capitalize(), head.upper())
            return
        self._put(self._exact, form, payload)
        self._heads(size, head)
        if form[0].islower():
            self._put(self._exact, form[0].upper() + form[1:], payload)
            self._heads(size, head.capitalize())
        upper = form.upper()
        if self._capitals and upper != form and len(form) >= _MIN_UPPER_VARIANT:
            self._put(self._exact, upper, payload)
            self._heads(size, head.upper())

    @staticmethod
    def _put(table: dict[str, list[T]], key: str, payload: T) -> None:
        bucket = table.setdefault(key, [])
        if payload not in bucket:
            bucket.append(payload)

    def _heads(self, size: int, *heads: str) -> None:
        for head in heads:
            sizes = set(self._first.get(head, ())) | {size}
            self._first[head] = tuple(sorted(sizes, reverse=True))

    def __len__(self) -> int:
        return len(self._exact) + len(self._folded)

    def get(self, form: str) -> tuple[T, ...]:
        """Payloads of one written form (exact case rules, as in a text)."""
        form = _SPACES.sub(" ", form.strip())
        found = self._exact.get(form) or self._folded.get(form.lower())
        return tuple(found or ())

    def find(self, text: str) -> list[Hit[T]]:
        """Non-overlapping phrases of the text, leftmost first, longest at each position.

        The text is split once (C speed); only words that can start a form are looked at.
        """
        parts, words, bounds = tokens(text)
        first = self._first
        heads = list(compress(range(len(words)), map(first.__contains__, words)))  # words that start a form
        if not heads:
            return []
        hits: list[Hit[T]] = []
        resume, n = 0, len(words)
        for j in heads:
            if j < resume or (j and parts[2 * j] == "-" and words[j - 1].lower() in self._prefixes):
                continue
            start = bounds[2 * j]
            for size in first[words[j]]:
                if j + size > n:
                    continue
                end = bounds[2 * (j + size) - 1]
                found = self._lookup(words[j] if size == 1 else text[start:end], size)  # one word: no slicing
                if found:
                    hits.append(Hit(start, end, tuple(found)))
                    resume = j + size
                    break
        return hits

    def _lookup(self, key: str, size: int) -> list[T] | None:
        if size > 1:
            if "\n" in key or "\r" in key:
                return None
            if "  " in key or "\t" in key or "\u00a0" in key:
                key = _SPACES.sub(" ", key)
        found = self._exact.get(key)
        if found is None and self._folded:
            found = self._folded.get(key.lower())
        return found


_last_tokens: tuple[str, tuple[list[str], list[str], list[int]]] | None = None


def tokens(text: str) -> tuple[list[str], list[str], list[int]]:
    """``(parts, words, bounds)`` of a text: ``parts`` alternate gaps and word tokens (``[gap, word,
    gap, ..., gap]``), ``words = parts[1::2]``, and word j spans ``bounds[2j]..bounds[2j+1]``.

    The last text's split is kept: the actor and place indexes (and the event lexicon) look up
    the same article in turn.
    """
    global _last_tokens
    last = _last_tokens
    if last is not None and last[0] is text:
        return last[1]
    parts = _SPLIT.split(text)
    split = (parts, parts[1::2], list(accumulate(map(len, parts))))
    _last_tokens = (text, split)
    return split
