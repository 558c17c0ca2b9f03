"""The event vocabulary of one language, compiled once: triggers, modality cues, context words.

Everything language-specific lives in ``lang/<lang>/`` TSV files (triggers, modality,
event_types, event_cues); this module turns their rows into regular expressions. A trigger
form is words separated by spaces, where ``a|b`` gives alternatives for one word, a word
ending in ``*`` also matches longer words, any word also its reduplicated plural
('serangan-serangan'), and ``…`` (``……``) allows up to three (six) words
in between. Words after a lone ``+`` are context: they must follow, but the match ends before them
('mengklaim … telah + menghancurkan' leaves 'menghancurkan' to its own row).
A ``PhraseMatcher`` tries each form only where its first word stands (found by one trie-shaped
regex), longest form first, so that a longer form wins over one inside it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from ..lang import DEFAULT_LANG, read_tsv

GAP_WORDS = {"…": 3, "……": 6}
LOOKAHEAD = "+"  # form words after a lone '+' must follow the match but are not part of it
_SEP = r"\s+"
_GAP_WORD = r"(?:[^\s.,;:!?\"“”()]|[.,](?=[^\s.,]))+"  # a word; '.' or ',' only inside ('10.000')
_GAPS = {mark: rf"(?:{_SEP}{_GAP_WORD}){{0,{n}}}" for mark, n in GAP_WORDS.items()}
_LEFT = r"(?<![\w-])"
_RIGHT = r"(?![\w])"
_WORD = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True)
class Trigger:
    """One lexicon row: a surface form and what it signals."""

    form: str
    type: str  # event type, or '-' for a blocking non-event form
    voice: str  # act | pas | nom | -
    flags: frozenset[str]


@dataclass(frozen=True)
class Cue:
    """One modality cue row."""

    cue: str
    modality: str
    window: int
    exempt: frozenset[str]
    predicate: bool = False  # also governs a subject noun trigger before it


@dataclass(frozen=True)
class EventType:
    """Codes of one event type; ``speech``: a speech act, dated by the speaking."""

    plover: str | None
    cameo: str | None
    speech: bool


@dataclass(frozen=True)
class Found:
    """A phrase found in a text: text[start:end], and the key of the row that matched."""

    start: int
    end: int
    key: str
    text: str


def form_regex(form: str, clitic: str = "") -> str:
    """Regex source of one trigger form (see module docstring)."""
    head, _, tail = form.partition(f" {LOOKAHEAD} ")
    body = _LEFT + _words_source(head.split()) + (f"(?:{clitic})?" if clitic else "") + _RIGHT
    if tail:
        words = tail.split()
        body += rf"(?={'' if words[0] in _GAPS else _SEP}{_words_source(words)}{_RIGHT})"
    return body


def _words_source(words: list[str]) -> str:
    """Regex source of a run of form words (no leading separator)."""
    parts: list[str] = []
    for word in words:
        if word in _GAPS:
            parts.append(_GAPS[word])
            continue
        alts = [_alternative(a) for a in word.split("|")]
        parts.append((_SEP if parts else "") + "(?:" + "|".join(alts) + ")")
    return "".join(parts)


def _alternative(word: str) -> str:
    """One written word: 'pasukan*' also matches longer words; any word also its reduplicated
    plural ('serangan-serangan')."""
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"[\w-]*"
    return f"{re.escape(word)}(?:-{re.escape(word)})?"


def words_regex(words: list[str]) -> re.Pattern:
    """Whole-word, case-insensitive alternation of words, longest first."""
    alts = sorted({w for w in words if w}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", _SEP) for w in alts) or r"(?!x)x"
    return re.compile(rf"{_LEFT}(?:{body}){_RIGHT}", re.IGNORECASE)


class PhraseMatcher:
    """Many phrase regexes matched fast: each is tried only where its first word stands.

    One alternation of hundreds of phrases tries every phrase at every character; a word index
    (first word -> phrases, longest first) keeps the work proportional to the words of the
    text. Matches do not overlap; at one position the first (longest) phrase wins.
    """

    def __init__(self, rows: list[tuple[str, str]], suffixes: tuple[str, ...] = ()) -> None:
        self.index: dict[str, list[tuple[str, re.Pattern]]] = {}
        self.stems: list[tuple[str, str, re.Pattern]] = []
        clitic = "|".join(map(re.escape, suffixes))
        for key, form in rows:
            pat = re.compile(form_regex(form, clitic), re.IGNORECASE)
            single = len(form.split()) == 1
            for alt in form.split()[0].lower().split("|"):
                if alt.endswith("*"):
                    self.stems.append((alt[:-1], key, pat))
                    continue
                for word in (alt,) + (tuple(alt + s for s in suffixes) if single else ()):
                    self.index.setdefault(word, []).append((key, pat))
        self.stem_prefixes = tuple(stem for stem, _, _ in self.stems)
        self.prefilter = _prefilter(list(self.index), list(self.stem_prefixes))

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Found]:
        """Non-overlapping phrases in text[start:end], in order."""
        end = len(text) if end is None else end
        pos = start
        for w in self.prefilter.finditer(text, start, end):
            if w.start() < pos:
                continue
            found = self._at(text, w.start(), self._head(w.group().lower()), end)
            if found is not None:
                pos = found.end
                yield found

    def _head(self, word: str) -> str:
        """The index word of a token: a reduplicated plural ('serangan-serangannya') by its second half."""
        first, dash, second = word.partition("-")
        return second if dash and word not in self.index and second.startswith(first) else word

    def _at(self, text: str, at: int, word: str, end: int) -> Found | None:
        """The first (longest) phrase matching at `at`, whose first word is `word`."""
        candidates = self.index.get(word, [])
        if self.stem_prefixes and word.startswith(self.stem_prefixes):
            candidates = candidates + [(k, p) for stem, k, p in self.stems if word.startswith(stem)]
        for key, pat in candidates:
            m = pat.match(text, at, end)
            if m:
                return Found(m.start(), m.end(), key, m.group())
        return None


def trie_regex(words: list[str]) -> str:
    """Regex source matching any of words, as a character trie (fast where a flat alternation is slow)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_source(trie)


def _trie_source(node: dict) -> str:
    alts = [re.escape(ch) + _trie_source(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def _prefilter(words: list[str], stems: list[str]) -> re.Pattern:
    """Whole tokens that are index words, or that start with a stem: where a phrase may begin."""
    trie = trie_regex(words)
    exact = rf"(?:{trie})(?:-(?:{trie}))?(?![\w]|-\w)" if words else r"(?!x)x"  # also 'serangan-serangan'

    stem = rf"|(?:{trie_regex(stems)})\w*(?:-\w+)*" if stems else ""
    return re.compile(rf"(?<![\w-])(?:{exact}{stem})", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """Compiled vocabulary of one language."""

    triggers: PhraseMatcher
    trigger_rows: dict[str, Trigger]
    cues: PhraseMatcher
    cue_rows: dict[str, Cue]
    types: dict[str, EventType]
    words: dict[str, re.Pattern]  # kind -> alternation of that kind's words (event_cues.tsv)

    def trigger(self, found: Found) -> Trigger:
        return self.trigger_rows[found.key]

    def cue(self, found: Found) -> Cue:
        return self.cue_rows[found.key]

    def has(self, kind: str, text: str) -> bool:
        """Whether a word of this kind occurs in text."""
        pat = self.words.get(kind)
        return bool(pat and pat.search(text))


def _weight(form: str) -> int:
    """Sort key: longer forms first; a gap counts as one short word."""
    return len(form.replace("…", "x").replace("*", ""))


def _flags(cell: str) -> frozenset[str]:
    return frozenset(f.strip() for f in cell.split(",") if f.strip())


def _load_triggers(lang: str, clitics: tuple[str, ...]) -> tuple[PhraseMatcher, dict[str, Trigger]]:
    rows = sorted(read_tsv(lang, "triggers"), key=lambda r: -_weight(r["form"]))
    table = {f"t{i}": Trigger(r["form"], r["type"], r["voice"] or "-", _flags(r["flags"]))
             for i, r in enumerate(rows)}
    return PhraseMatcher([(f"t{i}", r["form"]) for i, r in enumerate(rows)], clitics), table


def _load_cues(lang: str) -> tuple[PhraseMatcher, dict[str, Cue]]:
    rows = sorted(read_tsv(lang, "modality"), key=lambda r: -len(r["cue"]))
    table = {f"c{i}": Cue(r["cue"], r["modality"], int(r["window"] or 0), _flags(r["exempt"]), r["predicate"] == "yes")
             for i, r in enumerate(rows)}
    return PhraseMatcher([(f"c{i}", r["cue"]) for i, r in enumerate(rows)]), table


def _load_types(lang: str) -> dict[str, EventType]:
    def code(v: str) -> str | None:
        return None if v in ("", "-") else v

    return {r["type"]: EventType(code(r["plover"]), code(r["cameo"]), r["speech"] == "yes")
            for r in read_tsv(lang, "event_types")}


def _load_words(lang: str) -> dict[str, re.Pattern]:
    kinds: dict[str, list[str]] = {}
    for r in read_tsv(lang, "event_cues"):
        kinds.setdefault(r["kind"], []).append(r["word"])
    return {k: words_regex(v) for k, v in kinds.items()}


@lru_cache(maxsize=None)
def lexicon(lang: str = DEFAULT_LANG) -> Lexicon:
    """The compiled vocabulary of a language (built once per process)."""
    clitics = tuple(r["word"] for r in read_tsv(lang, "event_cues") if r["kind"] == "clitic")
    triggers, trigger_rows = _load_triggers(lang, clitics)
    cues, cue_rows = _load_cues(lang)
    return Lexicon(triggers, trigger_rows, cues, cue_rows, _load_types(lang), _load_words(lang))
