"""Actors named in a text -> normalised actor names (countries, organisations, armed groups).

Vocabulary is data: ``lang/<lang>/actors.tsv`` (written forms -> actor), the country rows of
``places.tsv`` (every name of a country is that state as an actor), ``titles.tsv`` (offices,
ranks, and nouns for forces or governments), ``forces.tsv`` (states whose forces have their own
actor name: "tentara Sudan" -> SAF), ``name_stops.tsv`` and ``name_prefixes.tsv``.

Titles combine with what follows, so that one span covers the whole reference:
- title + actor [+ name]: "Presiden Rusia Vladimir Putin" -> Russia (person_title);
- title + known person: "Presiden Vladimir Putin" -> Russia;
- a title that implies its actor, + name: "Kapolda Papua Irjen X" -> Polri;
- force/government noun + actor: "pasukan Rusia" -> Russia (military), "pemerintah Indonesia";
- title + town or region, when the title's default state is not named in the text: "Gubernur
  Darfur Utara X", "Wali Kota Kharkiv X" -> the place's state;
- a generic noun alone takes its default actor ("polisi" -> Polri) only when the text's other
  actors (or ``context_countries``) include that actor's country, or name no country at all;
  otherwise, and for the default ``*`` ("pasukan pemerintah"), it takes the text's home state -
  the state named clearly most often (HOME_SHARE) - or its forces ("pemerintah" in a Sudan report
  -> Sudan, "pasukan pemerintah" -> SAF). A title followed by a person's name keeps its default
  ("Menlu Retno" in a report on Jordan is still Indonesian).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import PhraseIndex, name_prefixes
from .lang import DEFAULT_LANG, read_tsv

STOP = "stop"
STREET = "street"
PERSON_KINDS = {"person_title", "rank"}
#: Title kinds for groups of people of a country: the default actor names the group.
PEOPLE_KINDS = {"civilians", "protesters"}
_PAREN = re.compile(r"[ \t]*\(([^()\n]{1,60})\)")
_NEXT_WORD = re.compile(r"[ \t]*(,[ \t]*)?(\S+)")
_CONTENT_OR_BREAK = re.compile(r"[^\s]|\n")
_TRAILING = ",.;:!?\"'\u201d\u2019)"
_MAX_NAME_WORDS = 6
HOME = "*"  # titles.tsv default meaning: the state the text is about
HOME_SHARE = 2  # the home state is named at least this many times, and this many times more than any other
_PLACE_WORDS = 3  # words after a title looked up as a town or region
#: Title kinds that a following town or region places in its state ("Wali Kota Kharkiv").
LOCAL_KINDS = {"person_title", "state"}
_ABBREVIATION_MAX = 3
_HEADLINE_MIN_WORDS, _HEADLINE_SHARE, _HEADLINE_WORD_LEN, _HEADLINE_MAX_CHARS = 4, 0.75, 4, 200
_SENTENCE_END = tuple(".!?:\"\u201d")


@dataclass(frozen=True)
class Actor:
    """An actor entry: normalised name, ISO alpha-3 country (None: international), kind."""

    actor: str
    country: str | None
    kind: str


@dataclass(frozen=True)
class Title:
    """A title or noun that combines with the actor after it; ``actor`` is its default."""

    kind: str
    actor: str | None


@dataclass(slots=True)  # not frozen: constructed by the thousand per article, and frozen init is 4x slower
class ActorMention:
    """An actor named in a text: ``text[start:end]`` is the reference as written."""

    start: int
    end: int
    text: str
    actor: str
    country: str | None
    kind: str


@dataclass
class _Item:
    start: int
    end: int
    entry: Actor | Title


@lru_cache(maxsize=None)
def _index(lang: str) -> PhraseIndex[Actor | Title]:
    """Actor and title forms of a language, built once per process."""
    entries: list[tuple[str, Actor | Title]] = []
    for row in read_tsv(lang, "titles"):
        entries.append((row["surface"], Title(row["kind"], row["actor"] or None)))
    for row in read_tsv(lang, "actors"):
        entries.append((row["surface"], Actor(row["actor"], row["country"] or None, row["kind"])))
    for row in read_tsv(lang, "places"):
        if row["kind"] == "country":
            entries.append((row["surface"], Actor(row["name"], row["country"] or None, "state")))
    # No full-capital variants: a capital in full capitals is a dateline ("MOSKOW, KOMPAS.com -"),
    # a place that says where the report was filed, not a state acting.
    return PhraseIndex(entries, name_prefixes(lang), capitals=False)


@lru_cache(maxsize=None)
def _countries(lang: str) -> dict[str, str | None]:
    table: dict[str, str | None] = {}
    for row in read_tsv(lang, "actors"):
        if row["kind"] != STOP:
            table.setdefault(row["actor"], row["country"] or None)
    for row in read_tsv(lang, "places"):
        if row["kind"] == "country":
            table.setdefault(row["name"], row["country"] or None)
    return table


@lru_cache(maxsize=None)
def _forces(lang: str) -> dict[tuple[str, str], str]:
    """(state, noun kind) -> the actor its forces are named by ("Sudan", "military") -> SAF."""
    return {(row["state"], row["kind"]): row["actor"] for row in read_tsv(lang, "forces")}


@lru_cache(maxsize=None)
def _name_stops(lang: str) -> frozenset[str]:
    return frozenset(row["surface"] for row in read_tsv(lang, "name_stops"))


def country_of_actor(actor: str, lang: str = DEFAULT_LANG) -> str | None:
    """ISO alpha-3 country of a normalised actor name ("Civilians (Palestine)" -> PSE)."""
    if actor.endswith(")") and " (" in actor:
        actor = actor[actor.index(" (") + 2:-1]
    return _countries(lang).get(actor)


#: Kinds of mention whose place names qualify the actor rather than say where something happened.
QUALIFIER_KINDS = {"person_title", "person", "military", "police", "state", "org"}


def qualifier_spans(mentions: Iterable[ActorMention]) -> list[tuple[int, int]]:
    """Spans of actor references that may hold a place name that is no location
    ("Presiden Polandia Andrzej Duda", "Kedutaan Besar Amerika Serikat"): pass them to
    ``places.find_places(..., exclude=...)``. Groups of people ("warga Gaza") are not included."""
    return [(m.start, m.end) for m in mentions if m.kind in QUALIFIER_KINDS]


def _items(text: str, lang: str) -> list[_Item]:
    """Index hits as items (a title wins over an actor of the same form), stops dropped."""
    items = []
    for hit in _index(lang).find(text):
        titles = [p for p in hit.payloads if isinstance(p, Title)]
        entry = titles[0] if titles else hit.payloads[0]
        if not (isinstance(entry, Actor) and entry.kind == STOP):
            items.append(_Item(hit.start, hit.end, entry))
    return _fold_parentheses(text, items)


def _fold_parentheses(text: str, items: list[_Item]) -> list[_Item]:
    """Merge "X (Y)" when Y restates X (an abbreviation): 'Sekretaris Jenderal (Sekjen)'."""
    out: list[_Item] = []
    for item in items:
        prev = out[-1] if out else None
        if prev is not None and _same(prev.entry, item.entry):
            paren = _PAREN.match(text, prev.end)
            if paren and paren.start(1) == item.start and paren.end(1) == item.end:
                prev.end = paren.end()
                continue
        out.append(item)
    return out


def _same(a: Actor | Title, b: Actor | Title) -> bool:
    if isinstance(a, Title) and isinstance(b, Title):
        return True
    return isinstance(a, Actor) and isinstance(b, Actor) and a.actor == b.actor


def _adjacent(text: str, end: int, start: int, lead: str = "") -> bool:
    """Only a space or two (after an optional ``lead`` character) between two spans?"""
    gap = text[end:start]
    if lead and gap.startswith(lead):
        gap = gap[len(lead):]
    return 0 < len(gap) <= 2 and gap.isspace() and "\n" not in gap


def _name_end(text: str, pos: int, stops: frozenset[str], blocked: Container[int]) -> int:
    """End of a person's name written after ``pos`` (capitalised words), or ``pos``."""
    end, words = pos, 0
    while words < _MAX_NAME_WORDS:
        m = _NEXT_WORD.match(text, end)
        if not m or "\n" in text[end:m.start(2)] or (m.group(1) and words):
            break
        raw = m.group(2)
        core = raw.rstrip(_TRAILING)
        if not core or not (core[0].isupper() or core[0].isdigit()) or core in stops or m.start(2) in blocked:
            break
        if core == raw:
            end, words = m.end(2), words + 1
            continue
        abbreviation = raw[len(core)] == "." and len(core) <= _ABBREVIATION_MAX
        end, words = m.start(2) + len(core) + (1 if abbreviation else 0), words + 1
        if not abbreviation:
            break
    return end


def _title_case_line(text: str, pos: int) -> bool:
    """Is the line around ``pos`` a headline: short, no final stop, most longer words capitalised?

    Only the stretch that can make a short line is searched, so a text of one huge line costs
    no more per call than a short one (``pos`` ends a word, which the line then holds)."""
    lo = max(0, pos - _HEADLINE_MAX_CHARS - 1)
    start = text.rfind("\n", lo, pos) + 1
    if start == 0 and lo > 0:
        if not text[pos - 1:pos].isspace():
            return False  # the line holds more than _HEADLINE_MAX_CHARS before pos
        start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos, start + _HEADLINE_MAX_CHARS + 1)
    if end < 0:  # the line runs past _HEADLINE_MAX_CHARS: short only if blanks alone follow
        more = _CONTENT_OR_BREAK.search(text, max(pos, start + _HEADLINE_MAX_CHARS))
        if more and more.group() != "\n":
            return False
        end = more.start() if more else len(text)
    line = text[start:end].rstrip()
    if len(line) > _HEADLINE_MAX_CHARS or line.endswith(_SENTENCE_END):
        return False
    words = [w for w in line.split() if w[0].isalpha() and len(w) >= _HEADLINE_WORD_LEN]
    if len(words) < _HEADLINE_MIN_WORDS:
        return False
    return sum(w[0].isupper() for w in words) >= _HEADLINE_SHARE * len(words)


def _combined_kind(title: Title, following: ActorMention) -> str:
    if title.kind in PERSON_KINDS:
        return "person_title"
    if title.kind == "military" and following.kind not in ("state", "person", "person_title"):
        return following.kind
    return title.kind


def find_actors(text: str, lang: str = DEFAULT_LANG, context_countries: Iterable[str] = ()) -> list[ActorMention]:
    """Actors named in ``text``, in order, non-overlapping; titles combined as described above."""
    items = _items(text, lang)
    context = {i.entry.country for i in items if isinstance(i.entry, Actor) and i.entry.country}
    context.update(context_countries)
    stops = _name_stops(lang)
    home = _home(items, lang)
    out: list[ActorMention] = []  # built right to left
    for item in reversed(items):
        entry = item.entry
        if isinstance(entry, Actor):
            span = text[item.start:item.end]
            out.append(ActorMention(item.start, item.end, span, entry.actor, entry.country, entry.kind))
            continue
        mention = _with_title(text, item, entry, out, stops, context, lang, home)
        if mention is not None:
            out.append(mention)
    out.reverse()
    return out


def _home(items: list[_Item], lang: str) -> str | None:
    """The state a text is about: named at least HOME_SHARE times, HOME_SHARE times more than any other."""
    counts = Counter(i.entry.actor for i in items if isinstance(i.entry, Actor) and i.entry.kind == "state")
    top = counts.most_common(2)
    if not top or top[0][1] < HOME_SHARE or (len(top) > 1 and top[0][1] < HOME_SHARE * top[1][1]):
        return None
    return top[0][0]


def _with_title(text, item: _Item, title: Title, out: list[ActorMention], stops, context, lang,
                home: str | None = None) -> ActorMention | None:
    """The mention a title heads: merged with the actor after it, or on its own with its default."""
    following = out[-1] if out else None
    if title.kind == STREET:
        if following is not None and following.kind == "person_title" \
                and _adjacent(text, item.end, following.start, "."):
            out.pop()  # "Jl. Letjen Suprapto": a street named after a person
        return None
    if following is not None and _adjacent(text, item.end, following.start):
        if title.kind in PEOPLE_KINDS:
            if following.kind != "state" or not title.actor:
                return None
            actor = f"{title.actor} ({following.actor})"  # "warga Palestina" -> Civilians (Palestine)
        else:
            actor = _forces(lang).get((following.actor, title.kind), following.actor)
        out.pop()
        end = following.end
        if title.kind in PERSON_KINDS:
            end = _absorb_name(text, end, actor, out, stops)
        kind = _combined_kind(title, following)
        return ActorMention(item.start, end, text[item.start:end], actor, following.country, kind)
    if title.actor == HOME:
        title = Title(title.kind, _forces(lang).get((home, title.kind), home) if home else None)
    if title.kind in LOCAL_KINDS and not _at_home(title, context, lang):
        local = _place_state(text, item.end, lang)
        title = Title(title.kind, local) if local is not None else title
    if title.actor is None:
        return None
    country = country_of_actor(title.actor, lang)
    foreign = country is not None and bool(context) and country not in context
    if title.kind in PERSON_KINDS:
        end = _absorb_name(text, item.end, title.actor, out, stops)
        if end > item.end:
            return ActorMention(item.start, end, text[item.start:end], title.actor, country, "person_title")
        if title.kind == "rank":
            return None  # a rank needs a name
    if foreign:
        if home is None or title.kind == "rank":
            return None  # a bare title ("the president") needs its country in context
        title = Title(title.kind, _forces(lang).get((home, title.kind), home))
        country = country_of_actor(title.actor, lang)
    kind = "person_title" if title.kind in PERSON_KINDS else title.kind
    return ActorMention(item.start, item.end, text[item.start:item.end], title.actor, country, kind)


def _at_home(title: Title, context: set[str], lang: str) -> bool:
    """Whether the title's default actor is a state the text names (or the text names none)."""
    country = country_of_actor(title.actor, lang) if title.actor else None
    return country is not None and (not context or country in context)


@lru_cache(maxsize=None)
def _states(lang: str) -> dict[str, str]:
    """ISO alpha-3 -> the state actor's name (the country rows of places.tsv)."""
    table: dict[str, str] = {}
    for row in read_tsv(lang, "places"):
        if row["kind"] == "country" and row["country"]:
            table.setdefault(row["country"], row["name"])
    return table


@lru_cache(maxsize=None)
def _place_index(lang: str):
    """The places gazetteer's phrase index, or None when it is not installed."""
    try:
        from .places import place_index
    except ImportError:
        return None
    return place_index(lang)


def _place_state(text: str, pos: int, lang: str) -> str | None:
    """The state of a town or region named right after ``pos`` ("Gubernur Darfur Utara"), or None."""
    index = _place_index(lang)
    if index is None or not text[pos:pos + 2].strip()[:1].isupper():
        return None
    words: list[str] = []
    end = pos
    while len(words) < _PLACE_WORDS:
        m = _NEXT_WORD.match(text, end)
        if not m or m.group(1) or "\n" in text[end:m.start(2)]:
            break
        core = m.group(2).rstrip(_TRAILING)
        if not core[:1].isupper():
            break
        words.append(core)
        end = m.end(2)
        if core != m.group(2):
            break
    for n in range(len(words), 0, -1):
        found = [p for p in index.get(" ".join(words[:n])) if p.kind not in ("country", "stop") and p.country]
        if found:
            return _states(lang).get(max(found, key=lambda p: p.rank).country)
    return None


def _absorb_name(text: str, pos: int, actor: str, out: list[ActorMention], stops) -> int:
    """Extend over the person's name after ``pos``; mentions of the same actor inside it are dropped."""
    if _title_case_line(text, pos):
        return pos  # a headline: every word is capitalised, so no name can be told apart
    end = _name_end(text, pos, stops, _Blocked(out, actor))
    while out and out[-1].start < end:
        inner = out.pop()
        end = max(end, inner.end)
    return end


class _Blocked:
    """Starts of the mentions of other actors in ``out`` (built right to left: starts fall towards
    its end), where a name cannot run on. Looked up lazily from the nearest mention on, so that a
    title costs the few mentions right after it, not all of them (long articles stay linear)."""

    def __init__(self, out: list[ActorMention], actor: str) -> None:
        self.out, self.actor = out, actor

    def __contains__(self, pos: int) -> bool:
        for m in reversed(self.out):
            if m.start > pos:
                return False
            if m.start == pos and m.actor != self.actor:
                return True
        return False
