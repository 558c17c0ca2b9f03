"""The event vocabulary of one language, compiled once: triggers, modality cues, context words.

Everything language-specific lives in ``lang/<lang>/`` TSV files (triggers, modality,
event_types, event_cues); this module turns their rows into regular expressions. A trigger
form is words separated by spaces, where ``a|b`` gives alternatives for one word, a word
ending in ``*`` also matches longer words, any word also its reduplicated plural
('serangan-serangan'), and ``…`` (``……``) allows up to three (six) words
in between. Words after a lone ``+`` are context: they must follow, but the match ends before them
('mengklaim … telah + menghancurkan' leaves 'menghancurkan' to its own row).
A ``PhraseMatcher`` tries each form only where its first word stands (found by one trie-shaped
regex, matched only at the words of the text that can start a form), longest form first, so that a
longer form wins over one inside it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from typing import Iterator

from ..gazetteer import tokens
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


@dataclass(slots=True)  # not frozen: constructed by the thousand per article, and frozen init is 4x slower
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
    """Whole-word, case-insensitive alternation of words, longest first.

    ASCII words are compiled as a character trie of their lower-case forms: the same matches
    (along the text, only one path of the trie can match, and its greedy steps try the longer
    word first), about twice as fast to search as the flat alternation."""
    words = [w for w in words if w]
    if not all(w.isascii() for w in words):
        alts = sorted(set(words), key=len, reverse=True)
        body = "|".join(re.escape(w).replace(r"\ ", _SEP) for w in alts)
        return re.compile(rf"{_LEFT}(?:{body or r'(?!x)x'}){_RIGHT}", re.IGNORECASE)
    return re.compile(_lower_words_source(words), re.IGNORECASE)


def lower_words_regex(words: list[str]) -> re.Pattern | None:
    """``words_regex`` for lower-cased ASCII text, case-sensitive (faster); None when a word is not
    ASCII. On ASCII text, ``words_regex(w).search(t)`` and ``lower_words_regex(w).search(t.lower())``
    match the same spans: ASCII case folding is ``str.lower``."""
    words = [w for w in words if w]
    return re.compile(_lower_words_source(words)) if all(w.isascii() for w in words) else None


def _lower_words_source(words: list[str]) -> str:
    body = trie_regex(sorted({w.lower() for w in words})).replace(r"\ ", _SEP)
    return rf"{_LEFT}(?:{body or r'(?!x)x'}){_RIGHT}"


class PhraseMatcher:
    """Many phrase regexes matched fast: each is tried only where its first word stands.

    One alternation of hundreds of phrases tries every phrase at every character; a word index
    (first word -> phrases, longest first) keeps the work proportional to the words of the
    text. Matches do not overlap; at one position the first (longest) phrase wins.
    """

    def __init__(self, rows: list[tuple[str, str]], suffixes: tuple[str, ...] = ()) -> None:
        # Each form's regex source; compiled only inside the alternations looked-up words need
        # (compiling every form up front took most of a worker's start-up).
        self.index: dict[str, list[tuple[str, str]]] = {}
        self.stems: list[tuple[str, str, str]] = []
        clitic = "|".join(map(re.escape, suffixes))
        for key, form in rows:
            pat = form_regex(form, clitic)
            single = len(form.split()) == 1
            for alt in form.split()[0].lower().split("|"):
                if alt.endswith("*"):
                    self.stems.append((alt[:-1], key, pat))
                    continue
                for word in (alt,) + (tuple(alt + s for s in suffixes) if single else ()):
                    self.index.setdefault(word, []).append((key, pat))
        self.stem_prefixes = tuple(stem for stem, _, _ in self.stems)
        self.prefilter = _prefilter(list(self.index), list(self.stem_prefixes))
        self.heads = Heads(list(self.index), list(self.stem_prefixes))
        self._candidates: dict[str, tuple[tuple[str, ...], re.Pattern | None]] = {}
        self._alternations: dict[tuple[str, ...], re.Pattern | None] = {}

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Found]:
        """Non-overlapping phrases in text[start:end], in order."""
        end = len(text) if end is None else end
        pos = start
        for w in self.heads.prefiltered(self.prefilter, text, start, end):
            at = w.start()
            if at < pos:
                continue
            word = w.group().lower()
            found = self._at(text, at, self._head(word) if "-" in word else word, end)
            if found is not None:
                pos = found.end
                yield found

    def _head(self, word: str) -> str:
        """The index word of a token: a reduplicated plural ('serangan-serangannya') by its second half."""
        first, dash, second = word.partition("-")
        return second if dash and word not in self.index and second.startswith(first) else word

    def _at(self, text: str, at: int, word: str, end: int) -> Found | None:
        """The first (longest) phrase matching at `at`, whose first word is `word`."""
        tried = self._candidates.get(word)
        if tried is None:
            tried = self._lookup(word)
        keys, pattern = tried
        m = pattern.match(text, at, end) if pattern is not None else None
        if m is None:
            return None
        return Found(m.start(), m.end(), keys[(m.lastindex or 1) - 1], m.group())

    def _lookup(self, word: str) -> tuple[tuple[str, ...], re.Pattern | None]:
        """The phrases that may start with `word` (its own, then those of the stems it starts with)
        as their keys and one regex: their ordered alternation, each alternative a group, so that
        one match tries them in turn, as many matches would. Kept in a bounded memo."""
        candidates = self.index.get(word, [])
        if self.stem_prefixes and word.startswith(self.stem_prefixes):
            candidates = candidates + [(k, p) for stem, k, p in self.stems if word.startswith(stem)]
        keys = tuple(k for k, _ in candidates)
        pattern = self._alternations.get(keys)
        if pattern is None:  # words sharing their phrases (stems: 'pasukannya', 'pasukanku') share one
            pattern = self._alternations[keys] = _alternation([p for _, p in candidates])
        tried = keys, pattern
        if len(self._candidates) < _MEMO_WORDS:
            self._candidates[word] = tried
        return tried


def _alternation(sources: list[str]) -> re.Pattern | None:
    """One case-insensitive regex trying the form regexes in order: group i+1 is the i-th (they
    have no groups of their own: `form_regex` escapes words; checked here)."""
    if not sources:
        return None
    if len(sources) == 1:
        pattern = re.compile(sources[0], re.IGNORECASE)
        expected = 0
    else:
        pattern = re.compile("|".join(f"({p})" for p in sources), re.IGNORECASE)
        expected = len(sources)
    if pattern.groups != expected:
        raise ValueError(f"a form regex has groups of its own: {sources}")
    return pattern


_MEMO_WORDS = 20_000
_RUN_SPLIT = re.compile(r"(\w+)")


class Heads:
    """Where a prefilter match may start, found from the text's words instead of a regex scan.

    A prefilter match starts a run of word characters (``\\w+``, not after a hyphen) whose
    lower-case form is the first run of an index word, or starts with a stem. Words that are
    not ASCII once lower-cased are always tried (the regex's case folding may differ from
    ``str.lower`` there). The prefilter regex itself is then matched at these few positions
    only: the same matches as scanning the text with it, in a fraction of the time.
    """

    def __init__(self, words: list[str], stems: list[str]) -> None:
        runs = [_WORD_RUN.match(w) for w in words + stems]
        self.usable = all(r is not None and w.isascii() for r, w in zip(runs, words + stems))
        self.first = frozenset(r.group() for r in runs[:len(words)]) if self.usable else frozenset()
        self.k = min(map(len, stems), default=0)
        self.stem_keys = frozenset(s[:self.k] for s in stems)

    def prefiltered(self, prefilter: re.Pattern, text: str, start: int, end: int) -> Iterator[re.Match]:
        """What ``prefilter.finditer(text, start, end)`` yields."""
        if not self.usable:
            yield from prefilter.finditer(text, start, end)
            return
        match, pos = prefilter.match, start
        for at in self._positions(text, start, end):
            if at >= pos:
                m = match(text, at, end)
                if m:
                    pos = m.end()
                    yield m

    def _positions(self, text: str, start: int, end: int) -> list[int]:
        """Starts of the runs in text[start:end] where a prefilter match may begin, in order."""
        runs = _runs(text)
        words, lowered, starts = runs.words, runs.lowered, runs.starts
        picked = self.first & runs.distinct
        if self.k:
            picked |= {low for low in runs.distinct if low[:self.k] in self.stem_keys}
        if not runs.plain:
            picked |= {low for low in runs.distinct if not low.isascii()}
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        out = [starts[j] for j in compress(range(lo, hi), map(picked.__contains__, lowered[lo:hi]))]
        if hi > lo and starts[hi - 1] + len(words[hi - 1]) > end and (not out or out[-1] != starts[hi - 1]):
            out.append(starts[hi - 1])  # cut by `end`: its beginning may be a word
        return out


@dataclass(frozen=True)
class _Runs:
    """The runs of word characters (``\\w+``) of a text: as written, lower-cased, where each
    starts, the distinct lower-case forms, and whether these are all ASCII."""

    words: list[str]
    lowered: list[str]
    starts: list[int]
    distinct: frozenset[str]
    plain: bool


_WORD_RUN = re.compile(r"\w+")
_last_runs: tuple[str, _Runs] | None = None


def _runs(text: str) -> _Runs:
    """The word runs of a text (the last text's kept: the trigger and the cue matchers read the
    same article in turn)."""
    global _last_runs
    last = _last_runs
    if last is not None and last[0] is text:
        return last[1]
    if "'" in text or "\u2019" in text:  # the gazetteer's tokens may hold an apostrophe: split anew
        parts = _RUN_SPLIT.split(text)  # [gap, run, gap, run, ..., gap]
        words, bounds = parts[1::2], list(accumulate(map(len, parts)))
    else:  # no apostrophe: the gazetteer's tokens are the runs, already split for this article
        _, words, bounds = tokens(text)
    starts = bounds[::2][:len(words)]  # run j starts after parts[0..2j]
    joined = "\x00".join(words).lower()  # '\x00' is no word character
    lowered = joined.split("\x00") if words else []
    runs = _Runs(words, lowered, starts, frozenset(lowered), joined.isascii())
    _last_runs = (text, runs)
    return runs


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
    lower_words: dict[str, re.Pattern] = field(default_factory=dict)  # the same for lower-cased ASCII text

    def trigger(self, found: Found) -> Trigger:
        return self.trigger_rows[found.key]

    def cue(self, found: Found) -> Cue:
        return self.cue_rows[found.key]

    def has(self, kind: str, text: str) -> bool:
        """Whether a word of this kind occurs in text."""
        if text.isascii():  # most windows: the faster case-sensitive regex on the lower-cased text
            lower = self.lower_words.get(kind)
            if lower is not None:
                return lower.search(text.lower()) is not None
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


def _word_kinds(lang: str) -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for r in read_tsv(lang, "event_cues"):
        kinds.setdefault(r["kind"], []).append(r["word"])
    return kinds


def _load_words(lang: str) -> dict[str, re.Pattern]:
    return {k: words_regex(v) for k, v in _word_kinds(lang).items()}


def _load_lower_words(lang: str) -> dict[str, re.Pattern]:
    compiled = {k: lower_words_regex(v) for k, v in _word_kinds(lang).items()}
    return {k: p for k, p in compiled.items() if p is not None}


@lru_cache(maxsize=None)
def lexicon(lang: str = DEFAULT_LANG) -> Lexicon:
    """The compiled vocabulary of a language (built once per process)."""
    clitics = tuple(r["word"] for r in read_tsv(lang, "event_cues") if r["kind"] == "clitic")
    triggers, trigger_rows = _load_triggers(lang, clitics)
    cues, cue_rows = _load_cues(lang)
    return Lexicon(triggers, trigger_rows, cues, cue_rows, _load_types(lang), _load_words(lang),
                   _load_lower_words(lang))
