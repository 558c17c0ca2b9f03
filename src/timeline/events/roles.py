"""Who acts on whom: actors' direction from the trigger's voice.

The gazetteers (``timeline.actors.find_actors``, ``timeline.places.find_places``) are called
once per article through this module only; if one is not installed the fields stay None.
Direction by the trigger's voice (``triggers.tsv``):
- ``act`` "X menyerang Y": actor1 = the subject before, actor2 = an actor after a target
  preposition ('kepada', 'untuk'), else the first actor after in the clause;
- ``pas`` "Y diserang (oleh) X": actor2 = the subject before, actor1 = the first actor after;
- ``nom`` "serangan X ke/terhadap Y": actor1 = the actor right after the noun, else one after the
  agent marker ('serangan udara yang diluncurkan oleh jet Rusia'), else the one before;
  actor2 = the actor after a target preposition.
Coordinated actors ("Ukraina dan Rusia sepakat", "perundingan antara Israel dan Hamas") are the
two parties of a joint event; so are two actors after a 'between' word ("baku tembak antara TNI
dan KKB", any type). A clause without a subject takes the main subject right after its
comma ("Tidak hanya mendesak ..., Stoltenberg juga ...") or else the last actor named before it
("Menurutnya, ... pertemuan"); so does an agentless passive speech act ('Warga diimbau ...').
A speech act inside a quotation is the speaker's (the actor of the attribution after it).
Actors after a locative preposition ('di Pakistan') are places, not parties; a physical event
with no other target takes such a located state as its target.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from .lexicon import Lexicon

PLACED_WORDS = 6  # words between a physical trigger and the located state taken as its target
NEAR_WORDS = 2  # words between a trigger and its possessor ('serangan udara Israel') or direct object
PREP_GAP = 20  # how far before a mention its preposition may stand
MAIN_SUBJECT_GAP = 30  # characters after a fronted clause's comma where the main subject stands
LOOKBACK = 400  # how far back a clause without subject looks for the speaker
COORD_GAP = 8  # characters between two coordinated actors ('Ukraina dan Rusia')
QUOTES = "\"“"
JOINT = {"negotiation", "meeting", "agreement", "ceasefire"}  # types whose coordinated actors are both parties
PHYSICAL = {"attack", "invasion", "threat"}


@dataclass(frozen=True)
class Roles:
    actor1: str | None = None
    actor2: str | None = None
    rule: str | None = None
    kind1: str | None = None  # the actors gazetteer's kind of actor1 (state, military, armed_group, ...)
    country1: str | None = None
    country2: str | None = None


def find_actors(text: str, lang: str) -> list[Any] | None:
    """Actor mentions of the text, in order (None without the actors gazetteer)."""
    try:
        from ..actors import find_actors as find
    except ImportError:
        return None
    return list(find(text, lang=lang))


def find_places(text: str, lang: str) -> list[Any] | None:
    """Place mentions of the text, in order (None without the places gazetteer)."""
    try:
        from ..places import find_places as find
    except ImportError:
        return None
    return list(find(text, lang=lang))


class Mentions:
    """Sorted mentions (actors or places) with range lookups."""

    def __init__(self, items: list[Any] | None) -> None:
        self.available = items is not None  # False: the gazetteer is not installed
        self.items = sorted(items or [], key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def within(self, start: int, end: int) -> list[Any]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [m for m in self.items[i:j] if m.end <= end]

    def before(self, pos: int, floor: int = 0) -> list[Any]:
        """Mentions ending before pos, starting at or after floor, nearest last."""
        i = bisect.bisect_left(self.starts, floor)
        j = bisect.bisect_left(self.starts, pos)
        return [m for m in self.items[i:j] if m.end <= pos]


def roles(text: str, actors: Mentions, voice: str, trig: tuple[int, int], clause: tuple[int, int],
          sentence: tuple[int, int], lex: Lexicon, speech: bool = False, event_type: str = "") -> Roles:
    """actor1/actor2 of the trigger at trig (module docstring)."""
    before, after, placed = _around(text, actors, voice, trig, clause, sentence, lex)
    if speech and text[clause[0]:clause[0] + 1] in QUOTES:
        speaker = next(iter(actors.within(clause[1], sentence[1])), None)
        if speaker is not None:
            return _pair(speaker, _aimed(text, trig, after, lex) or (before[-1] if before else None), "actors:speaker")
    pair = _between(text, trig, after, lex)
    if pair is not None:
        return _pair(*pair, "actors:between")
    if voice == "pas":
        agent = after[0] if after else (_speaker_before(text, actors, sentence, lex) if speech else None)
        return _pair(agent, before[-1] if before else None, "actors:passive")
    a1, co = _subject(text, actors, before, trig, sentence, lex)
    if voice == "nom":
        return _nominal(text, trig, after, placed, before, (a1, co), lex, event_type)
    a2 = co if co is not None and event_type in JOINT else _object(text, trig, after, lex) or co
    return _pair(a1, a2 or _placed(placed, event_type), "actors:active" if voice == "act" else "actors:subject")


def _around(text: str, actors: Mentions, voice: str, trig: tuple[int, int], clause: tuple[int, int],
            sentence: tuple[int, int], lex: Lexicon) -> tuple[list[Any], list[Any], list[Any]]:
    """Actors before the trigger (not places), after it (parties), and after it as places ('di Pakistan')."""
    before = [a for a in actors.within(sentence[0], trig[0]) if not located(text, sentence[0], a.start, lex)]
    tail = actors.within(trig[0], clause[1])
    if not before and tail and tail[0].end <= trig[1] and voice == "-":
        before, tail = tail[:1], tail[1:]  # 'Prajurit TNI ... tiba': the force is the subject
    tail = [a for a in tail if a.start > trig[0]]
    after = [a for a in tail if _target(text, trig[1], a.start, lex) or not located(text, trig[1], a.start, lex)]
    placed = [a for a in tail if a not in after and _words(text, trig[1], a.start) <= PLACED_WORDS]
    return before, after, placed


def _nominal(text: str, trig: tuple[int, int], after: list[Any], placed: list[Any], before: list[Any],
             subject: tuple[Any | None, Any | None], lex: Lexicon, event_type: str) -> Roles:
    """'serangan Israel ke Gaza', 'perundingan antara Israel dan Hamas', 'X melakukan negosiasi'."""
    near = [a for a in after if _words(text, trig[1], a.start) <= NEAR_WORDS and not _target(text, trig[1], a.start, lex)]
    nxt = after[after.index(near[0]) + 1] if near and near[0] is not after[-1] else None
    if nxt is not None and _coordinated(text, near[0], nxt, lex):
        return _pair(near[0], nxt, "actors:nominal-joint")
    agent = None if near else next((a for a in after if _marked(text, trig[1], a.start, lex, "agent")), None)
    if agent is not None:
        return _pair(agent, _aimed(text, trig, after, lex) or _placed(placed, event_type), "actors:nominal-agent")
    a1, co = (near[0], None) if near else (subject if before else (None, None))
    return _pair(a1, _aimed(text, trig, after, lex) or co or _placed(placed, event_type), "actors:nominal")


def _between(text: str, trig: tuple[int, int], after: list[Any], lex: Lexicon) -> tuple[Any, Any] | None:
    """'baku tembak antara TNI dan KKB': two coordinated actors after a 'between' word right after
    the trigger are the parties ('memediasi perundingan antara ...' keeps its mediator)."""
    for a, b in zip(after, after[1:]):
        if _words(text, trig[1], a.start) > 1:
            return None
        if _marked(text, trig[1], a.start, lex, "between") and _coordinated(text, a, b, lex):
            return a, b
    return None


def _object(text: str, trig: tuple[int, int], after: list[Any], lex: Lexicon) -> Any | None:
    """The direct object right after the verb, else the actor after a target preposition, else the first after."""
    if after and _words(text, trig[1], after[0].start) <= NEAR_WORDS:
        return after[0]
    return _aimed(text, trig, after, lex) or (after[0] if after else None)


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def located(text: str, floor: int, pos: int, lex: Lexicon) -> bool:
    """Whether a locative preposition stands right before pos (after floor)."""
    return lex.has("locprep", text[max(floor, pos - PREP_GAP):pos])


def _subject(text: str, actors: Mentions, before: list[Any], trig: tuple[int, int],
             sentence: tuple[int, int], lex: Lexicon) -> tuple[Any | None, Any | None]:
    """(subject, co-subject) of an active or nominal trigger (module docstring)."""
    if len(before) >= 2 and _coordinated(text, before[-2], before[-1], lex):
        return before[-2], before[-1]
    if before:
        return before[-1], None
    comma = text.find(",", trig[1], sentence[1])
    main = actors.within(comma, min(sentence[1], comma + MAIN_SUBJECT_GAP)) if comma > 0 else []
    if main:
        return main[0], None
    return _speaker_before(text, actors, sentence, lex), None


def _speaker_before(text: str, actors: Mentions, sentence: tuple[int, int], lex: Lexicon) -> Any | None:
    """The last actor named shortly before the sentence, places ('di Islamabad') excepted."""
    for a in reversed(actors.before(sentence[0], max(0, sentence[0] - LOOKBACK))):
        if not located(text, max(0, a.start - PREP_GAP), a.start, lex):
            return a
    return None


def _aimed(text: str, trig: tuple[int, int], after: list[Any], lex: Lexicon) -> Any | None:
    return next((a for a in after if _target(text, trig[1], a.start, lex)), None)


def _placed(placed: list[Any], event_type: str) -> Any | None:
    """A located state is the target of a physical event that names no other ('... di Pakistan')."""
    return next((a for a in placed if a.kind == "state"), None) if event_type in PHYSICAL else None


def _coordinated(text: str, a: Any, b: Any, lex: Lexicon) -> bool:
    gap = text[a.end:b.start]
    pat = lex.words.get("coord")
    return bool(pat and len(gap) <= COORD_GAP and pat.fullmatch(gap.strip()))


def _target(text: str, start: int, pos: int, lex: Lexicon) -> bool:
    """Whether a target preposition stands right before pos (after start)."""
    return _marked(text, start, pos, lex, "target")


def _marked(text: str, start: int, pos: int, lex: Lexicon, kind: str) -> bool:
    """Whether a word of this kind ('target', 'agent') stands right before pos (after start)."""
    return lex.has(kind, text[max(start, pos - PREP_GAP):pos])


def _pair(a1: Any | None, a2: Any | None, rule: str) -> Roles:
    n1 = a1.actor if a1 is not None else None
    n2 = a2.actor if a2 is not None else None
    if n2 == n1:
        n2, a2 = None, None
    return Roles(n1, n2, rule if (n1 or n2) else None, getattr(a1, "kind", None),
                 getattr(a1, "country", None), getattr(a2, "country", None))
