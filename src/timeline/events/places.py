"""Where an event happened: a place named in its clause or sentence, else its actors' country.

Order: a place after a locative preposition ('di', 'ke', 'menuju', ...) in the clause, then in
the sentence (a town before a country: 'di Dnipro' over 'ke Ukraina'); then any place after
the trigger in the clause ('menyerang Rafah'); then any town or region in the sentence (not
those inside an actor's title: 'Perdana Menteri Pakistan'); else only the
country of the target, or of the actor (Sudan for an RSF event with no place named).
'perbatasan Belarusia-Ukraina' (a border word, two places joined by a dash) names the border.
"""
from __future__ import annotations

import re
from typing import Any

from ..model import EventMention
from .article import Article, Hit
from .roles import Mentions, Roles, located

OVERLAP_REACH = 80  # how far an actor mention spanning a place may start before it
BORDER_GAP = 20  # characters before a place where a border word makes it a border
_DASH = re.compile(r"\s*[-–]\s*")


def attach(art: Article, h: Hit, ev: EventMention, r: Roles) -> str | None:
    """Fill location/country/latitude/longitude; returns the rule that decided."""
    p, rule = _find(art, h)
    if p is not None:
        edge = _border(art, p)
        if edge:
            ev.location = edge
            return "place:border"
        ev.location, ev.country, ev.latitude, ev.longitude = p.name, p.country, p.latitude, p.longitude
        return rule
    ev.country = r.country2 or r.country1
    return "place:actor-country" if ev.country else None


def _find(art: Article, h: Hit) -> tuple[Any | None, str | None]:
    text, lex, trig = art.text, art.lex, h.m.start
    clause, sent = h.clause, h.window
    for span, name in ((clause, "place:clause"), (sent, "place:sentence")):
        found = [p for p in art.places.within(*span) if located(text, span[0], p.start, lex)]
        if found:
            return _best(found, trig), name
    after = _not_titles(art, art.places.within(h.m.end, clause[1]))
    if after:
        return _best(after, trig), "place:object"
    anywhere = [p for p in _not_titles(art, art.places.within(*sent)) if p.kind != "country"]
    return (_best(anywhere, trig), "place:mentioned") if anywhere else (None, None)


def _not_titles(art: Article, found: list[Any]) -> list[Any]:
    """Places that are not part of an actor's name ('Perdana Menteri Pakistan', 'militer Rusia')."""
    return [p for p in found if not any(a.kind != "state" for a in _overlapping(art.actors, p))]


def _overlapping(actors: Mentions, p: Any) -> list[Any]:
    return [a for a in actors.within(max(0, p.start - OVERLAP_REACH), p.end + OVERLAP_REACH)
            if a.start < p.end and p.start < a.end]


def _best(found: list[Any], pos: int) -> Any:
    """A town or region before a country, then the nearest to the trigger."""
    return min(found, key=lambda p: (p.kind == "country", abs(p.start - pos)))


def _border(art: Article, p: Any) -> str | None:
    """'perbatasan Belarusia-Ukraina' -> 'Belarus-Ukraine border'."""
    nxt = [q for q in art.places.within(p.end, p.end + 200) if q.start <= p.end + 3]
    if not nxt or not _DASH.fullmatch(art.text[p.end:nxt[0].start]):
        return None
    if not art.lex.has("border", art.text[max(0, p.start - BORDER_GAP):p.start]):
        return None
    return f"{p.name}-{nxt[0].name} border"

