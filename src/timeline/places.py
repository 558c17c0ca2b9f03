"""Place names in a text -> normalised places with country (ISO alpha-3) and coordinates.

The gazetteer is data (``lang/<lang>/places.tsv``, built by ``tools/build_gazetteer.py``
from GeoNames and CLDR plus hand additions): one row per written form, so a place has as
many rows as it has spellings. A form shared by several places (Rafah in Gaza and in Egypt,
Tripoli in Libya and in Lebanon) is resolved by country context: the countries the caller
names first, then the countries of the unambiguous places in the same text, then the
place's rank (country > province > capital > region > city, then population).
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import PhraseIndex, name_prefixes
from .lang import DEFAULT_LANG, read_tsv

#: Kind of a gazetteer row that names no place but contains a place name ("Baku tembak",
#: exchange of fire, holds Baku): it is matched, so it hides the name inside, then dropped.
STOP = "stop"
#: Rank of a place kind when a written form is ambiguous and context does not decide.
KIND_RANK = {"country": 6, "province": 5, "capital": 4, "region": 3, "city": 2, "district": 1}
_CALLER_WEIGHT = 1000
_OVERLAP_LOOKBACK = 3  # excluded spans do not nest deeply: look at the few starting before a hit


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: normalised (English/GeoNames) name, ISO alpha-3 country, point."""

    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    kind: str
    population: int = 0

    @property
    def rank(self) -> tuple[int, int]:
        return KIND_RANK.get(self.kind, 0), self.population


@dataclass(slots=True)  # not frozen: constructed by the thousand per article, and frozen init is 4x slower
class PlaceMention:
    """A place named in a text: ``text[start:end]`` is the form as written."""

    start: int
    end: int
    text: str
    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    kind: str


def _num(value: str, cast=float):
    return cast(value) if value.strip() else None


def _place(row: dict[str, str]) -> Place:
    return Place(
        name=row["name"],
        country=row["country"] or None,
        latitude=_num(row["latitude"]),
        longitude=_num(row["longitude"]),
        kind=row["kind"] or "city",
        population=_num(row["population"], int) or 0,
    )


@lru_cache(maxsize=None)
def _index(lang: str) -> PhraseIndex[Place]:
    """The phrase index of a language's gazetteer, built once per process."""
    interned: dict[Place, Place] = {}
    entries = []
    for row in read_tsv(lang, "places"):
        place = _place(row)
        entries.append((row["surface"], interned.setdefault(place, place)))
    return PhraseIndex(entries, name_prefixes(lang))


def place_index(lang: str = DEFAULT_LANG) -> PhraseIndex[Place]:
    """The gazetteer's phrase index (written form -> places), for callers that look up one form."""
    return _index(lang)


@lru_cache(maxsize=None)
def _by_name(lang: str) -> dict[str, list[Place]]:
    """Normalised name (case-folded) and written form -> places, best ranked first."""
    table: dict[str, list[Place]] = {}
    for row in read_tsv(lang, "places"):
        place = _place(row)
        if place.kind == STOP:
            continue
        for key in {row["name"].casefold(), row["surface"].casefold()}:
            bucket = table.setdefault(key, [])
            if place not in bucket:
                bucket.append(place)
    for bucket in table.values():
        bucket.sort(key=lambda p: p.rank, reverse=True)
    return table


def choose(candidates: Iterable[Place], preferred: Counter | None = None) -> Place:
    """The candidate best supported by context (country -> weight), else the best ranked."""
    preferred = preferred or Counter()
    return max(candidates, key=lambda p: (preferred.get(p.country, 0), p.rank))


def _outside(hits: list, spans: Iterable[tuple[int, int]]) -> list:
    """Hits not strictly inside (shorter than and within) any of the spans."""
    spans = sorted(spans)
    starts = [a for a, _ in spans]
    kept = []
    for hit in hits:
        i = bisect_right(starts, hit.start) - 1
        inside = any(a <= hit.start and hit.end <= b and (b - a) > (hit.end - hit.start)
                     for a, b in spans[max(0, i - _OVERLAP_LOOKBACK):i + 1])
        if not inside:
            kept.append(hit)
    return kept


def _support(hits: list, context_countries: Iterable[str]) -> Counter:
    """Country -> weight: the caller's countries far above those of unambiguous places."""
    support: Counter = Counter()
    for hit in hits:
        countries = {p.country for p in hit.payloads}
        if len(countries) == 1 and None not in countries:
            support[next(iter(countries))] += 1
    for code in context_countries:
        support[code] += _CALLER_WEIGHT
    return support


def find_places(text: str, lang: str = DEFAULT_LANG, context_countries: Iterable[str] = (),
                exclude: Iterable[tuple[int, int]] = ()) -> list[PlaceMention]:
    """Places named in ``text``, in order, non-overlapping, longest form first.

    ``context_countries`` (ISO alpha-3) decide ambiguous forms first; the countries of the
    text's unambiguous places come next. A place strictly inside one of the ``exclude`` spans
    is left out: pass the spans of actor references ("Presiden Polandia Andrzej Duda",
    "Kedutaan Besar Amerika Serikat"), e.g. ``actors.qualifier_spans(find_actors(text))``,
    so that the country in them is not taken for where something happened.
    """
    hits = _index(lang).find(text)
    if exclude:
        hits = _outside(hits, exclude)
    support = _support(hits, context_countries) if any(len(h.payloads) > 1 for h in hits) else None
    out = []
    for hit in hits:
        if hit.payloads[0].kind == STOP:
            continue
        place = hit.payloads[0] if support is None else choose(hit.payloads, support)
        out.append(PlaceMention(hit.start, hit.end, text[hit.start:hit.end], place.name,
                                place.country, place.latitude, place.longitude, place.kind))
    return out


def lookup_place(name: str, lang: str = DEFAULT_LANG, country: str | None = None) -> Place | None:
    """The place a normalised name or written form denotes (best ranked; optionally in ``country``)."""
    candidates = _by_name(lang).get(name.strip().casefold(), [])
    if country:
        candidates = [p for p in candidates if p.country == country]
    return candidates[0] if candidates else None
