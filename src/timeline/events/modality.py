"""Modality of an event mention: asserted, negated, future or hypothetical.

A cue (``lang/<lang>/modality.tsv``) governs a trigger when it stands before the trigger in
the same clause, at most its ``window`` words away, and the event type is not exempt. A noun
trigger that opens its clause (or follows a reporting word: 'mengatakan gencatan senjata akan
berlaku') is the subject: the cues of its predicate, a few words after it,
govern it too ('Gencatan senjata di Gaza bisa runtuh'; modal and negation cues only, column
``predicate``). Idioms that contain a cue word but are
not cues ('tidak hanya' = not only) are rows of kind ``none``: being longer they match first and
hide the word inside them. A ``barrier`` word ('yang', 'akibat') between cue and trigger closes
the cue's scope, unless it follows the cue directly ('bukan akibat serangan'). When several
cues govern a trigger, negated wins over future, future over hypothetical ('tidak akan').
"""
from __future__ import annotations

import bisect
import re

from .lexicon import Found, Lexicon

PRIORITY = {"asserted": 0, "hypothetical": 1, "future": 2, "negated": 3}
SUBJECT_WORDS = 2  # at most this many words before a noun trigger in its clause: it is the subject
OPENER_REACH = 30  # characters before a noun trigger where a reporting word opens its reported clause
PREDICATE_WINDOW = 5  # words after a subject trigger where its predicate's cue may stand
_OPENERS = " \"“'‘(,"


class Cues:
    """The modality cues of one text, found once, looked up per trigger."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.found = list(lex.cues.finditer(text))
        self.starts = [f.start for f in self.found]
        self.text, self.lex = text, lex

    def within(self, start: int, end: int) -> list[Found]:
        """Cues lying inside text[start:end]."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [f for f in self.found[i:j] if f.end <= end]


def modality(cues: Cues, clause: tuple[int, int], trig: tuple[int, int], event_type: str,
             voice: str = "-") -> tuple[str, str | None]:
    """(modality, rule name or None) of the trigger at trig."""
    best, rule = _before(cues, clause[0], trig[0], event_type)
    if voice in ("nom", "-") and _is_subject(cues, clause[0], trig[0]):
        post, post_rule = _predicate(cues, trig[1], clause[1], event_type)
        if PRIORITY[post] > PRIORITY[best]:
            best, rule = post, post_rule
    return best, rule


def _before(cues: Cues, start: int, trig_start: int, event_type: str) -> tuple[str, str | None]:
    best, rule = "asserted", None
    found = cues.within(start, trig_start)
    for i, m in enumerate(found):
        cue = cues.lex.cue(m)
        if cue.modality in ("none", "barrier") or event_type in cue.exempt:
            continue
        if len(cues.text[m.end:trig_start].split()) > cue.window or _blocked(cues, found[i + 1:], m):
            continue
        if PRIORITY[cue.modality] >= PRIORITY[best]:
            best, rule = cue.modality, f"modality:{cue.modality}:{m.text.lower()}"
    return best, rule


def _blocked(cues: Cues, later: list[Found], cue: Found) -> bool:
    """A barrier after the cue closes its scope, unless it follows the cue directly."""
    return any(cues.lex.cue(b).modality == "barrier" and cues.text[cue.end:b.start].strip() for b in later)


def _is_subject(cues: Cues, clause_start: int, trig_start: int) -> bool:
    """A noun opening its clause, or right after a reporting word ('mengatakan gencatan senjata
    akan ...', 'bahwa ...': event_cues 'opener'), is the subject of its predicate."""
    before = cues.text[clause_start:trig_start]
    if len(before.strip(_OPENERS).split()) <= SUBJECT_WORDS:
        return True
    opener = cues.lex.words.get("opener")
    tail = before[-OPENER_REACH:]
    return bool(opener and re.search(rf"(?<![\w-])(?:{opener.pattern})[\s,]*$", tail, re.IGNORECASE))


def _predicate(cues: Cues, trig_end: int, clause_end: int, event_type: str) -> tuple[str, str | None]:
    """The strongest cue in the first words after a subject trigger."""
    best, rule = "asserted", None
    for m in cues.within(trig_end, clause_end):
        cue = cues.lex.cue(m)
        if len(cues.text[trig_end:m.start].split()) > PREDICATE_WINDOW:
            break
        if cue.modality == "barrier":
            break
        if cue.predicate and event_type not in cue.exempt and PRIORITY[cue.modality] > PRIORITY[best]:
            best, rule = cue.modality, f"modality:{cue.modality}:{m.text.lower()}:predicate"
    return best, rule
