"""One article prepared for event extraction: sentences, dates, gazetteer hits, cues, trigger hits.

Also the clause: the span of a sentence a trigger's date, modality and actors are looked for
in. A sentence is cut at clause words (``event_cues.tsv``: 'karena', 'setelah', ...), at ';'
and quotation marks, at 'since' words that do not introduce a date ('sejak Moskow menginvasi'),
and at 'sementara'-type words only after a comma. A clause word opening the sentence ('Sebelum
menggempur X, ...') closes its clause at the first comma.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ..model import DateMention
from ..text import Sentence, segment
from . import dating, roles
from .lexicon import Found, Lexicon, Trigger, lexicon
from .modality import Cues

START_GAP = 25  # characters before a date where a start cue makes it a campaign start
REACH = 400  # characters around a trigger that its clause and sentence are looked at (run-on text)
SINCE_GAP = 8  # characters after a since-word where its date or start word must begin
SAID_REACH = 40  # characters before a date where a reporting word makes it the date of the saying
SAID_WORDS = 3  # words at most between that reporting word and the date ('kata dia,')
_SAID_BREAK = re.compile(r"[.;:!?\"“”()]")
_CLAUSE_PUNCT = re.compile(r"[;\"“”]")
_OPENERS = " \"“'‘("


@dataclass
class Hit:
    """A trigger match placed in its sentence and clause; ``type`` may be changed by context."""

    m: Found
    trig: Trigger
    sent: Sentence
    clause: tuple[int, int]
    type: str
    rules: list[str] = field(default_factory=list)
    reference: bool = False  # in a 'setelah/sebelum ...' clause without its own date

    @property
    def window(self) -> tuple[int, int]:
        """The sentence, clipped to REACH characters around the trigger (keeps work linear)."""
        return (max(self.sent.start, self.m.start - REACH), min(self.sent.end, self.m.end + REACH))


@dataclass
class Article:
    """Everything about one text that the per-trigger steps look up."""

    text: str
    lex: Lexicon
    lang: str
    anchor: date | None
    sents: list[Sentence]
    dates: dating.DateIndex
    actors: roles.Mentions
    places: roles.Mentions
    cues: Cues
    cuts: dict[int, list[int]] = field(default_factory=dict)  # sentence start -> its clause cuts
    seen: dict[tuple[str, int, int], bool] = field(default_factory=dict)  # (kind, span) -> has a word of it

    @cached_property
    def sent_starts(self) -> list[int]:
        """Sentence start offsets (for bisecting)."""
        return [s.start for s in self.sents]


def prepare(text: str, dates: list[DateMention], anchor: date | None, lang: str) -> Article:
    """Segment, index dates (campaign starts are background; flashback paragraphs keep their dates),
    find actors and places."""
    sents, lex = segment(text, lang), lexicon(lang)
    skip = [(s.start, s.end) for s in sents if s.skip]
    background = {d.start for d in dates if lex.has("start", text[max(0, d.start - START_GAP):d.start])
                  and not lex.has("since", text[max(0, d.start - SINCE_GAP):d.start])}
    index = dating.DateIndex(dates, anchor, skip, background, _flashbacks(text, sents, lex), _para_starts(sents),
                             {d.start for d in dates if _reported(text, d.start, lex)})
    return Article(text, lex, lang, anchor, sents, index, roles.Mentions(roles.find_actors(text, lang)),
                   roles.Mentions(roles.find_places(text, lang)), Cues(text, lex))


def _reported(text: str, start: int, lex: Lexicon) -> bool:
    """Whether a date follows a reporting word ('mengatakan, Rabu (26/9)', 'kata dia, Senin'):
    it dates the saying, not the events the saying reports."""
    said = list(lex.words["said"].finditer(text, max(0, start - SAID_REACH), start))
    if not said:
        return False
    gap = text[said[-1].end():start]
    return len(gap.split()) <= SAID_WORDS and not _SAID_BREAK.search(gap)


def _para_starts(sents: list[Sentence]) -> list[int]:
    """Where each paragraph begins (its first sentence)."""
    starts: dict[int, int] = {}
    for s in sents:
        starts.setdefault(s.para, s.start)
    return sorted(starts.values())


def _flashbacks(text: str, sents: list[Sentence], lex: Lexicon) -> list[tuple[int, int]]:
    """Paragraphs opened by a flashback word ('Sebelumnya, ...'): their dates stay inside them."""
    spans: dict[int, list[int]] = {}
    for s in sents:
        spans.setdefault(s.para, [s.start, s.end])[1] = s.end
    return [(a, b) for a, b in spans.values() if lex.words["flashback"].match(text, a)]


def hits(art: Article) -> list[Hit]:
    """Trigger matches inside story sentences, with their clause."""
    out, i = [], 0
    for m in art.lex.triggers.finditer(art.text):
        while i < len(art.sents) and art.sents[i].end <= m.start:
            i += 1
        if i == len(art.sents):
            break
        sent, trig = art.sents[i], art.lex.trigger(m)
        if trig.type == "-" or sent.skip or m.start < sent.start or m.end > sent.end:
            continue
        out.append(Hit(m, trig, sent, clause(art, sent, m.start), trig.type, [f"trigger:{trig.type}:{trig.form}"]))
    return out


def clause(art: Article, sent: Sentence, pos: int) -> tuple[int, int]:
    """The clause around pos (see module docstring)."""
    cuts = art.cuts.get(sent.start)
    if cuts is None:
        cuts = art.cuts[sent.start] = _cuts(art, sent.start, sent.end)
    i = bisect.bisect_right(cuts, pos)
    lo = cuts[i - 1] if i else sent.start
    hi = cuts[i] if i < len(cuts) else sent.end
    return (max(lo, pos - REACH), min(hi, pos + REACH))


def _cuts(art: Article, s: int, e: int) -> list[int]:
    """Where the sentence text[s:e] is cut into clauses."""
    text = art.text
    opened = list(art.lex.words["clause"].finditer(text, s, e))
    cuts = [m.start() for m in opened]
    if opened and not text[s:opened[0].start()].strip(_OPENERS):
        comma = text.find(",", opened[0].end(), e)
        cuts += [comma] if comma > 0 else []
    cuts += [m.start() for m in art.lex.words["clause_comma"].finditer(text, s, e)
             if not text[s:m.start()].strip(_OPENERS) or text[s:m.start()].rstrip().endswith(",")]
    cuts += [m.start() for m in _CLAUSE_PUNCT.finditer(text, s, e)]
    cuts += [m.start() for m in art.lex.words["since"].finditer(text, s, e) if not _dated_since(art, m.end())]
    return sorted(cuts)


def _dated_since(art: Article, pos: int) -> bool:
    """'sejak Kamis (24/2)', 'sejak dimulai': the since-word belongs to its clause's date."""
    if art.lex.words["start"].match(art.text[pos:pos + SINCE_GAP].lstrip()):
        return True
    near = art.dates.within(pos, pos + SINCE_GAP + 40)
    return bool(near) and near[0].start - pos <= SINCE_GAP
