"""Context decides whether a trigger is an event, and of which type.

Per hit (``keep``): sport reports make violent words figurative; a sentence about markets holds
no conflict event but sanctions and aid; one about disease, disaster or accidents holds none; a
noun followed by a demonstrative refers back ('serangan itu'); a bare noun flagged ``weak`` needs
support in its clause (a date, a number, an occurrence verb, a place); a ``date``-flagged noun
needs a governing date or start word; a ``force``-flagged movement verb needs a force (not a
responder: 'relawan diterjunkan') as its nearest mover; a noun right after a relation word
('pelanggaran terhadap kesepakatan ... tahun 1974') dated only by an old year, with no occurrence
word, is a reference to a thing, no event; an attack by a state that starts a campaign long ago is
an invasion. Across the article (``domain_gate``, vocabulary in ``disasters.tsv``): a paragraph
with a disaster word and no violence trigger holds no casualties, evacuation, demand, aid or troop
movement; an article with no violence trigger holds no event when its disaster words outnumber its
armed words, and only sanctions and aid when (at least OFF_TOPIC_MIN) economy words do; an article
with OFF_TOPIC_MIN sport words and no armed word is a sport report ('menyerang balik kritik').
Across hits (``resolve``): a casualty word in a clause with an attack word, or after one
in its sentence, belongs to that attack; a gathering right after an attack word (or a target
preposition after it) is its target; 'menyepakati gencatan senjata' is one ceasefire; a reference
clause ('setelah serangan itu') adds no event when the same type is reported elsewhere; one event
per type and clause.
"""
from __future__ import annotations

import bisect
import re
from datetime import timedelta
from functools import lru_cache
from typing import Iterator

from ..lang import read_tsv
from . import roles
from .article import Article, Hit
from .lexicon import Heads, trie_regex

PHYSICAL = {"attack", "invasion", "casualties", "threat"}
VIOLENT = {"attack", "invasion"}
ECONOMIC = {"sanction", "aid"}  # types that market words do not cancel ('sanksi ... memicu inflasi')
OBJECT_TYPES = {"meeting", "protest", "negotiation", "aid"}  # gatherings an attack can target
NON_STATE = {"armed_group"}  # actor kinds that launch attacks, not invasions
LONG_AGO = timedelta(days=14)
DISASTER_GATED = {"casualties", "evacuation", "demand", "aid", "troop_movement"}  # what disaster reports also state
OFF_TOPIC_MIN = 2  # economy (or sport) words an article needs before they can outweigh its armed words
ARMED_KINDS = {"military", "armed_group"}  # actor kinds that count as armed words
FORCE_KINDS = {"military", "police", "armed_group"}  # actor kinds that count as force movers
COARSE = {"year", "decade"}
RELATION_GAP = 16  # characters before a noun trigger where a relation word makes it a reference
REFERENCE_REACH = 60  # characters after such a noun where its old year may stand
ANAPHOR_GAP = 12  # characters after a noun trigger where a demonstrative makes it anaphoric
OBJECT_GAP = 2  # characters between two triggers where the second is the first's object
TARGET_GAP = 12  # characters between them when a target preposition stands there ('serangan ke konvoi')
_CAPITAL_AFTER = r"\s+[A-Z]"
_NUMBER = re.compile(r"\d")


def keep(art: Article, h: Hit) -> bool:
    """Per-hit filters; may retype the hit (invasion) and mark it as a reference."""
    text, (cs, ce) = art.text, h.clause
    if h.type in PHYSICAL and _window_has(art, "sport", h):
        return False
    if h.type not in ECONOMIC and _window_has(art, "market", h):
        return False
    if _window_has(art, "nonconflict", h):
        return False
    if h.trig.voice == "nom" and _anaphoric(art, h):
        return False
    if "weak" in h.trig.flags and not _supported(art, h):
        return False
    if "date" in h.trig.flags and not (art.dates.within(cs, ce) or art.lex.has("start", text[cs:ce])):
        return False
    if "force" in h.trig.flags and not _forced(art, h):
        return False
    if h.trig.voice == "nom" and h.type not in VIOLENT and _old_reference(art, h):
        return False
    h.reference = bool(art.lex.words["reference"].match(text, cs)) and not art.dates.within(cs, ce)
    _retype(art, h)
    return True


def _forced(art: Article, h: Hit) -> bool:
    """Whether the nearest mover named in the clause is a force (troops, police, weapons), not a
    responder; with no mover named, whether a state acts in the clause."""
    cs, ce = h.clause
    responders = [(m.start(), m.end()) for m in art.lex.words["responder"].finditer(art.text, cs, ce)]
    heads = {a for a, _ in responders}
    movers = [(_gap(h, a, b), "responder") for a, b in responders]
    movers += [(_gap(h, m.start(), m.end()), "force") for m in art.lex.words["force"].finditer(art.text, cs, ce)
               if _next_word(art.text, m.end()) not in heads]  # 'personel tim SAR': the responder names them
    movers += [(_gap(h, a.start, a.end), "force") for a in art.actors.within(cs, ce) if a.kind in FORCE_KINDS]
    nearest = min(movers, key=lambda m: (m[0], m[1] == "force"), default=None)  # a tie goes to the responder
    if nearest is not None and nearest[1] == "force":
        h.rules.append("force")
        return True
    if not movers and any(a.kind == "state" for a in art.actors.within(cs, ce)):
        h.rules.append("force:state")  # 'Rusia mengerahkan 100.000 orang': a state moves forces
        return True
    return False


def _next_word(text: str, pos: int) -> int:
    """Where the word after pos begins (after one run of spaces)."""
    return pos + len(text[pos:pos + 8]) - len(text[pos:pos + 8].lstrip(" "))


def _gap(h: Hit, start: int, end: int) -> int:
    """Characters between the trigger and a span (0 when they overlap)."""
    return max(h.m.start - end, start - h.m.end, 0)


def _old_reference(art: Article, h: Hit) -> bool:
    """'pelanggaran terhadap kesepakatan ... tahun 1974': a noun after a relation word whose next date
    is a year before the publication year, in a clause with no occurrence word, names an old thing;
    that date then dates no event (``dating``)."""
    cs, ce = h.clause
    nxt = next(iter(art.dates.within(h.m.end, min(ce, h.m.end + REFERENCE_REACH))), None)
    if nxt is None or not art.anchor or nxt.granularity not in COARSE or nxt.date_end.year >= art.anchor.year:
        return False
    before = art.text[max(cs, h.m.start - RELATION_GAP):h.m.start]
    if not re.search(rf"(?:{art.lex.words['relation'].pattern})\s+$", before) or art.lex.has("occur", art.text[cs:ce]):
        return False
    h.rules.append("reference:old")
    art.dates.referenced.add(nxt.start)
    return True


@lru_cache(maxsize=None)
def _domains(lang: str) -> tuple[re.Pattern, dict[str, str]]:
    """One pattern of all domain words (``disasters.tsv``, and the sport words of ``event_cues.tsv``)
    and each word's domain."""
    domain = {" ".join(r["word"].lower().split()): r["domain"] for r in read_tsv(lang, "disasters")}
    sport = (r["word"] for r in read_tsv(lang, "event_cues") if r["kind"] == "sport")
    domain.update({" ".join(w.lower().split()): "sport" for w in sport})
    return re.compile(rf"(?<![\w-])(?:{trie_regex(list(domain))})(?!\w)", re.IGNORECASE), domain


def _domain_words(art: Article) -> dict[str, list[int]]:
    """Positions of each domain's words in the story sentences (one scan of the text)."""
    pat, domain = _domains(art.lang)
    out: dict[str, list[int]] = {"disaster": [], "armed": [], "economy": [], "sport": []}
    i, sents = 0, art.sents
    for m in _scan(pat, art.text, art.lang):
        while i < len(sents) and sents[i].end <= m.start():
            i += 1
        if i == len(sents) or not sents[i].skip:
            out[domain[" ".join(m.group().lower().split())]].append(m.start())
    return out


def _scan(pat: re.Pattern, text: str, lang: str) -> Iterator[re.Match]:
    """``pat.finditer(text)``, tried only where a word that can start a domain word stands
    (``Heads``: the same matches, without running the pattern over the whole text)."""
    return _domain_heads(lang).prefiltered(pat, text, 0, len(text))


@lru_cache(maxsize=None)
def _domain_heads(lang: str) -> Heads:
    return Heads(list(_domains(lang)[1]), [])


def domain_gate(art: Article, hits: list[Hit]) -> list[Hit]:
    """Disaster, economy and sport reports (module docstring): which hits stay."""
    if not hits:
        return hits
    found = _domain_words(art)
    disaster = found["disaster"]
    violent = [h for h in hits if h.type in VIOLENT]
    armed = len(found["armed"]) + sum(1 for a in art.actors.items if a.kind in ARMED_KINDS)
    if not armed and len(found["sport"]) >= OFF_TOPIC_MIN:
        return []
    if not violent and len(disaster) > armed:
        return []
    if not violent and len(found["economy"]) >= max(OFF_TOPIC_MIN, armed + 1):
        hits = [h for h in hits if h.type in ECONOMIC]  # sanctions and aid are economic news too
    if not disaster:
        return hits
    paras = art.dates.paras
    struck = {bisect.bisect_right(paras, p) for p in disaster} - {bisect.bisect_right(paras, h.m.start) for h in violent}
    return [h for h in hits if not (h.type in DISASTER_GATED and bisect.bisect_right(paras, h.m.start) in struck)]


def _window_has(art: Article, kind: str, h: Hit) -> bool:
    """Whether a context word of this kind stands in the hit's window (looked up once per sentence)."""
    sent = (h.sent.start, h.sent.end)
    return _has(art, kind, sent) and (h.window == sent or _has(art, kind, h.window))


def _has(art: Article, kind: str, span: tuple[int, int]) -> bool:
    """Whether a context word of this kind stands in text[span] (memoised per article)."""
    key = (kind, *span)
    found = art.seen.get(key)
    if found is None:
        found = art.seen[key] = art.lex.has(kind, art.text[span[0]:span[1]])
    return found


def resolve(art: Article, kept: list[Hit], found: list[Hit]) -> list[Hit]:
    """Decisions that look at several hits (module docstring), in order."""
    hits = _drop_objects(art, _ceasefire_agreed(kept))
    hits = _drop_references(_suppress_casualties(hits, found))
    return _one_per_clause(hits)


def campaign_dates(art: Article, hits: list[Hit]) -> None:
    """Dates that start an invasion are background: later sentences do not inherit them."""
    for h in hits:
        if h.type == "invasion":
            art.dates.background.update(d.start for d in art.dates.within(*h.clause))


def _anaphoric(art: Article, h: Hit) -> bool:
    after = art.text[h.m.end:min(h.m.end + ANAPHOR_GAP, h.clause[1])]
    pat = art.lex.words.get("anaphor")
    return bool(pat and pat.match(after.lstrip()) and after[:1].isspace())


def _supported(art: Article, h: Hit) -> bool:
    """A bare noun is a reported event when its clause dates, counts, predicates or places it."""
    cs, ce = h.clause
    span = art.text[cs:ce]
    if art.dates.within(cs, ce) or _NUMBER.search(span) or art.lex.has("support", span):
        h.rules.append("support")
        return True
    loc = art.lex.words.get("locprep")
    if loc and re.search(f"(?:{loc.pattern}){_CAPITAL_AFTER}", art.text[h.m.end:ce]):
        h.rules.append("support:place")
        return True
    return False


def _retype(art: Article, h: Hit) -> None:
    """An attack by a state into a territory that starts a campaign long ago is an invasion."""
    if h.type != "attack":
        return
    cs, ce = h.clause
    started = "start" in h.trig.flags or art.lex.has("start", art.text[cs:ce])
    old = any(d.modifier == "since" or (art.anchor and d.date_start <= art.anchor - LONG_AGO)
              for d in art.dates.within(cs, ce))
    target = art.lex.words["target"]
    aimed = "start" in h.trig.flags or bool(re.search(f"(?:{target.pattern}){_CAPITAL_AFTER}", art.text[h.m.end:ce]))
    if started and old and aimed and _state_actor(art, h):
        h.type = "invasion"
        h.rules.append("retype:invasion:start+since+target")


def _state_actor(art: Article, h: Hit) -> bool:
    """Whether the attacker is not a non-state armed group (unknown attackers pass)."""
    r = roles.roles(art.text, art.actors, h.trig.voice, (h.m.start, h.m.end), h.clause,
                    h.window, art.lex)
    return r.kind1 not in NON_STATE


def _suppress_casualties(hits: list[Hit], found: list[Hit]) -> list[Hit]:
    """A toll belongs to an attack word in its clause, or earlier in its sentence."""
    violent = [h for h in found if h.type in VIOLENT]
    return [h for h in hits if not (h.type == "casualties" and any(_tolled_by(v, h) for v in violent))]


def _tolled_by(attack: Hit, toll: Hit) -> bool:
    """Whether the casualty word is the toll of this attack word (same clause, or later in its sentence)."""
    return attack.clause == toll.clause or (attack.sent.start == toll.sent.start and attack.m.start < toll.m.start)


def _follows(prev: Hit | None, h: Hit) -> bool:
    return prev is not None and h.m.start - prev.m.end <= OBJECT_GAP and prev.clause == h.clause


def _drop_objects(art: Article, hits: list[Hit]) -> list[Hit]:
    """'mengebom pertemuan warga', 'serangan ke konvoi bantuan': a gathering right after an attack
    word (or after it and a target preposition) is its target."""
    out = []
    for prev, h in zip([None] + hits, hits):
        if not (_aimed_at(art, prev, h) and prev.type in VIOLENT and h.type in OBJECT_TYPES and h.trig.voice == "nom"):
            out.append(h)
    return out


def _aimed_at(art: Article, prev: Hit | None, h: Hit) -> bool:
    """Whether h follows prev in its clause with nothing or only a target preposition between."""
    if _follows(prev, h):
        return True
    if prev is None or prev.clause != h.clause or h.m.start - prev.m.end > TARGET_GAP:
        return False
    return bool(art.lex.words["target"].fullmatch(art.text[prev.m.end:h.m.start].strip()))


def _ceasefire_agreed(hits: list[Hit]) -> list[Hit]:
    """'menyepakati gencatan senjata': the agreement verb carries one ceasefire event."""
    out: list[Hit] = []
    for h in hits:
        if h.type == "ceasefire" and out and out[-1].type == "agreement" and _follows(out[-1], h):
            out[-1].type = "ceasefire"
            out[-1].rules.append("retype:ceasefire:agreed")
            continue
        out.append(h)
    return out


def _drop_references(hits: list[Hit]) -> list[Hit]:
    """A reference clause's event is dropped when the article reports that type elsewhere."""
    reported = {h.type for h in hits if not h.reference}
    return [h for h in hits if not (h.reference and h.type in reported)]


def _one_per_clause(hits: list[Hit]) -> list[Hit]:
    seen, out = set(), []
    for h in hits:
        if (h.clause, h.type) not in seen:
            seen.add((h.clause, h.type))
            out.append(h)
    return out
