"""Article text -> event mentions: triggers in sentences, filtered by context, typed, dated.

For each trigger match (``lexicon``) in a sentence that is part of the story (``timeline.text``):
context decides whether it is an event and of which type (``context``; across the article,
``context.domain_gate`` drops what disaster, economy and sport reports state); then its modality
(``modality``), date (``dating``; a planned event takes the date of its future narrative, else the
publication date), actors (``roles``), place (``places``) and tolls
(``casualties``: the clause's, else the rest of the sentence's) make the row. Every decision is
named in ``rules`` for ``timeline explain``.
"""
from __future__ import annotations

import bisect
from datetime import date

from ..lang import DEFAULT_LANG
from ..model import DateMention, EventMention
from ..text import Sentence
from . import casualties, context, dating, places, roles
from .article import Article, Hit, hits, prepare
from .modality import modality

TOLL_TYPES = {"attack", "casualties", "invasion"}
FUTURE_RUN = 4  # sentences back that a run of future sentences may carry a future date


def extract_events(text: str, dates: list[DateMention], anchor: date | None,
                   lang: str = DEFAULT_LANG) -> list[EventMention]:
    """Event mentions of an article, in text order (see module docstring)."""
    art = prepare(text, dates, anchor, lang)
    found = hits(art)
    kept = context.resolve(art, context.domain_gate(art, [h for h in found if context.keep(art, h)]), found)
    context.campaign_dates(art, kept)
    return [_event(art, h) for h in kept]


def _event(art: Article, h: Hit) -> EventMention:
    """Build the row: modality, date, actors, place, tolls, codes."""
    text, lex = art.text, art.lex
    trig, sent = (h.m.start, h.m.end), (h.sent.start, h.sent.end)
    ev = EventMention(h.type, h.m.text, trig[0], trig[1], text[sent[0]:sent[1]], sent[0], sent[1])
    ev.modality, mod_rule = modality(art.cues, h.clause, trig, h.type, h.trig.voice)
    etype = lex.types.get(h.type)
    speech = bool(etype and etype.speech)
    ev.plover, ev.cameo = (etype.plover, etype.cameo) if etype else (None, None)
    date_rule = _date(art, h, ev, speech)
    r = roles.roles(text, art.actors, h.trig.voice, trig, h.clause, h.window, lex, speech, h.type)
    ev.actor1, ev.actor2 = r.actor1, r.actor2
    place_rule = places.attach(art, h, ev, r)
    if h.type in TOLL_TYPES:
        ev.fatalities, ev.injured = _tolls(art, h)
    ev.rules = h.rules + [x for x in (date_rule, mod_rule, r.rule, place_rule) if x]
    return ev


def _tolls(art: Article, h: Hit) -> tuple[int | None, int | None]:
    """Tolls stated in the trigger's clause, else in the rest of its sentence (their casualty words
    were folded into this event: ``context``)."""
    killed, injured = casualties.tolls(art.text, h.clause[0], h.clause[1], art.lang)
    if (killed is None or injured is None) and h.clause[1] < h.window[1]:
        more = casualties.tolls(art.text, h.clause[1], h.window[1], art.lang)
        killed, injured = killed if killed is not None else more[0], injured if injured is not None else more[1]
    return killed, injured


def _narrative_floor(art: Article, h: Hit) -> int:
    """Where a future event's narrative may begin: its paragraph's start, the preceding sentence's, or
    the start of the run of sentences speaking of the future that it closes, whichever is earliest."""
    i = bisect.bisect_left(art.sent_starts, h.sent.start)
    j = max(i - 1, 0)
    while j > 0 and i - j < FUTURE_RUN and _planned(art, art.sents[j]) and _planned(art, art.sents[j - 1]):
        j -= 1
    para = art.dates.paras[bisect.bisect_right(art.dates.paras, h.sent.start) - 1] if art.dates.paras else h.sent.start
    return min(art.sents[j].start, para)


def _planned(art: Article, sent: Sentence) -> bool:
    """Whether a sentence holds a future cue ('akan')."""
    return any(art.lex.cue(c).modality == "future" for c in art.cues.within(sent.start, sent.end))


def _date(art: Article, h: Hit, ev: EventMention, speech: bool) -> str:
    future = _narrative_floor(art, h) if ev.modality == "future" else None
    d = dating.attach(art.dates, h.clause, h.window, h.m.start, speech, future)
    ev.event_date, ev.event_date_end, ev.date_granularity = d.value
    ev.date_method = d.method
    if d.mention is not None:
        ev.date_text, ev.date_expr_start, ev.date_expr_end = d.mention.text, d.mention.start, d.mention.end
    ev.acled_time_precision, ev.ucdp_date_prec = dating.precision(*d.value)
    return d.rule
