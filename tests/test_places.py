"""Place lookup: gazetteer coverage, matching rules, ambiguity by country context."""
from __future__ import annotations

from importlib import resources

import pytest

from timeline.lang import read_tsv
from timeline.places import PlaceMention, find_places, lookup_place


def found(text: str, **kw) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.name, m.country) for m in find_places(text, **kw)]


# (sentence, expected (text, normalised name, ISO alpha-3) in order)
CASES = [
    ("Pasukan Rusia bergerak menuju Kiev dari arah Belarusia.",
     [("Rusia", "Russia", "RUS"), ("Kiev", "Kyiv", "UKR"), ("Belarusia", "Belarus", "BLR")]),
    ("Serangan rudal menghantam Kharkiv dan Kyiv pada Selasa pagi.",
     [("Kharkiv", "Kharkiv", "UKR"), ("Kyiv", "Kyiv", "UKR")]),
    ("Ledakan terdengar di Kharkov, kota terbesar kedua Ukraina.",
     [("Kharkov", "Kharkiv", "UKR"), ("Ukraina", "Ukraine", "UKR")]),
    ("Israel kembali menggempur Jalur Gaza bagian selatan.",
     [("Israel", "Israel", "ISR"), ("Jalur Gaza", "Gaza Strip", "PSE")]),
    ("Warga mengungsi dari Khan Younis ke Rafah.",
     [("Khan Younis", "Khan Yunis", "PSE"), ("Rafah", "Rafah", "PSE")]),
    ("Kontak tembak terjadi di Distrik Sugapa, Kabupaten Intan Jaya, Papua Tengah.",
     [("Sugapa", "Sugapa", "IDN"), ("Intan Jaya", "Intan Jaya", "IDN"), ("Papua Tengah", "Central Papua", "IDN")]),
    ("Dua warga ditembak di Kabupaten Puncak Jaya, bukan di Puncak.",
     [("Puncak Jaya", "Puncak Jaya", "IDN"), ("Puncak", "Puncak", "IDN")]),
    ("Pesawat tertahan di Timika, Mimika, sebelum terbang ke Wamena.",
     [("Timika", "Timika", "IDN"), ("Mimika", "Mimika", "IDN"), ("Wamena", "Wamena", "IDN")]),
    ("Pengungsi dari Nduga dan Yahukimo tiba di Jayawijaya.",
     [("Nduga", "Nduga", "IDN"), ("Yahukimo", "Yahukimo", "IDN"), ("Jayawijaya", "Jayawijaya", "IDN")]),
    ("Tentara AS tiba di Polandia.", [("AS", "United States", "USA"), ("Polandia", "Poland", "POL")]),
    ("Delegasi Amerika Serikat dan Britania Raya bertemu di Jenewa.",
     [("Amerika Serikat", "United States", "USA"), ("Britania Raya", "United Kingdom", "GBR"), ("Jenewa", "Geneva", "CHE")]),
    ("Korea Utara menembakkan rudal ke arah Laut Jepang, kata Korea Selatan.",
     [("Korea Utara", "North Korea", "PRK"), ("Laut Jepang", "Sea of Japan", None), ("Korea Selatan", "South Korea", "KOR")]),
    ("Pejabat Tiongkok dan China daratan.", [("Tiongkok", "China", "CHN"), ("China", "China", "CHN")]),
    ("Krisis di Tepi Barat dan Yerusalem Timur memanas.",
     [("Tepi Barat", "West Bank", "PSE"), ("Yerusalem Timur", "East Jerusalem", "PSE")]),
    ("Hizbullah menembakkan roket dari Lebanon selatan ke Dataran Tinggi Golan.",
     [("Lebanon selatan", "South Lebanon", "LBN"), ("Dataran Tinggi Golan", "Golan Heights", "SYR")]),
    ("Pemberontak merebut Idlib lalu bergerak ke Aleppo dan Damaskus di Suriah.",
     [("Idlib", "Idlib", "SYR"), ("Aleppo", "Aleppo", "SYR"), ("Damaskus", "Damascus", "SYR"), ("Suriah", "Syria", "SYR")]),
    ("RSF mengepung El Fasher di Darfur Utara, Sudan.",
     [("El Fasher", "El Fasher", "SDN"), ("Darfur Utara", "North Darfur", "SDN"), ("Sudan", "Sudan", "SDN")]),
    ("Junta menyerang desa di wilayah Sagaing dan negara bagian Rakhine, Myanmar.",
     [("Sagaing", "Sagaing", "MMR"), ("Rakhine", "Rakhine", "MMR"), ("Myanmar", "Myanmar", "MMR")]),
    ("India menyerang sasaran di Kashmir Pakistan dan Punjab.",
     [("India", "India", "IND"), ("Kashmir Pakistan", "Azad Kashmir", "PAK"), ("Punjab", "Punjab", "PAK")]),
    ("Pasukan Ukraina masuk ke wilayah Kursk dan Belgorod di Rusia.",
     [("Ukraina", "Ukraine", "UKR"), ("Kursk", "Kursk", "RUS"), ("Belgorod", "Belgorod", "RUS"), ("Rusia", "Russia", "RUS")]),
    ("Pertempuran di Donbas, Donetsk, Luhansk, Zaporizhzhia, Kherson dan Krimea.",
     [("Donbas", "Donbas", "UKR"), ("Donetsk", "Donetsk", "UKR"), ("Luhansk", "Luhansk", "UKR"),
      ("Zaporizhzhia", "Zaporizhzhia", "UKR"), ("Kherson", "Kherson", "UKR"), ("Krimea", "Crimea", "UKR")]),
    ("Kapal tanker diserang di Laut Merah dekat Yaman.",
     [("Laut Merah", "Red Sea", None), ("Yaman", "Yemen", "YEM")]),
    ("Bentrokan di perbatasan Thailand dan Kamboja dekat Preah Vihear.",
     [("Thailand", "Thailand", "THA"), ("Kamboja", "Cambodia", "KHM"), ("Preah Vihear", "Preah Vihear", "KHM")]),
    ("Pemerintah Mesir, Yordania, Libanon dan Uni Emirat Arab.",
     [("Mesir", "Egypt", "EGY"), ("Yordania", "Jordan", "JOR"), ("Libanon", "Lebanon", "LBN"),
      ("Uni Emirat Arab", "United Arab Emirates", "ARE")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_places_found(text, expected):
    assert found(text) == expected


# (sentence) that names no place: common words, words inside words, stop phrases
NEGATIVES = [
    "Pada MASA lalu, KASUS itu tidak pernah dibahas.",       # 'AS' inside words
    "Tim ASEAN membahas aset dan asas hukum.",               # 'AS' is a whole word only
    "Ia merasa malang karena kalah di medan perang.",        # malang, medan: common words
    "Lima orang tewas dalam baku tembak itu.",              # Lima (Peru) at sentence start
    "Baku tembak terjadi sejak pagi.",                      # Baku (Azerbaijan) in 'baku tembak'
    "Presiden Vladimir Putin tidak hadir.",                 # Vladimir (Russian city) in a name
    "Mereka mendaki hingga ke puncak bukit dan batu besar.",  # puncak, batu: common words
    "Surat itu dikirim kemarin.",                           # Surat (India) at sentence start
    "Keju dan roti dibagikan kepada warga.",                # GeoNames variant of Kyiv, left out
    "Harga gandum naik menjadi 300 dolar AS per ton.",      # a currency, not the United States
    "Nilainya 2 juta Dollar AS atau sekitar 500 rubel Rusia.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_place(text):
    assert find_places(text) == []


def test_longest_form_is_one_span():
    ms = find_places("Serangan udara di Jalur Gaza dan Kota Gaza.")
    assert [(m.text, m.name) for m in ms] == [("Jalur Gaza", "Gaza Strip"), ("Kota Gaza", "Gaza")]


def test_offsets_index_the_text():
    text = "JAYAPURA, KOMPAS.com - Kontak tembak di Ilaga, Puncak, dan di Kiwirok."
    ms = find_places(text)
    assert [m.text for m in ms] == ["JAYAPURA", "Ilaga", "Puncak", "Kiwirok"]
    assert all(text[m.start:m.end] == m.text for m in ms)
    assert all(isinstance(m, PlaceMention) and m.latitude is not None for m in ms)


@pytest.mark.parametrize("text,context,expected", [
    ("Israel menyerang Rafah di Gaza selatan.", (), "PSE"),
    ("Mesir membuka gerbang perbatasan di Rafah.", (), "EGY"),
    ("Bantuan tertahan di Rafah.", (), "PSE"),
    ("Bantuan tertahan di Rafah.", ("EGY",), "EGY"),
    ("Bentrokan pecah di Tripoli.", (), "LBY"),
    ("Bentrokan pecah di Tripoli, kota di utara Lebanon.", (), "LBN"),
    ("Ledakan di Hyderabad.", (), "IND"),
    ("Ledakan di Hyderabad.", ("PAK",), "PAK"),
])
def test_ambiguous_forms_follow_country_context(text, context, expected):
    ambiguous = {"Rafah", "Tripoli", "Hyderabad"}
    [m] = [m for m in find_places(text, context_countries=context) if m.text in ambiguous]
    assert m.country == expected


def test_jayapura_is_never_jaipur():
    assert found("Jayapura dan Jaipur.") == [("Jayapura", "Jayapura", "IDN"), ("Jaipur", "Jaipur", "IND")]
    assert found("Jayapura.", context_countries=["IND"]) == [("Jayapura", "Jayapura", "IDN")]


@pytest.mark.parametrize("form,name,country", [
    ("Kiev", "Kyiv", "UKR"), ("Moskow", "Moscow", "RUS"), ("Jalur Gaza", "Gaza Strip", "PSE"),
    ("Khan Yunis", "Khan Yunis", "PSE"), ("Jabalia", "Jabalia", "PSE"), ("Dahiyeh", "Dahieh", "LBN"),
    ("Beirut", "Beirut", "LBN"), ("Tepi Barat", "West Bank", "PSE"), ("Krimea", "Crimea", "UKR"),
    ("Yangon", "Yangon", "MMR"), ("Khartoum", "Khartoum", "SDN"), ("Mariupol", "Mariupol", "UKR"),
    ("Kashmir", "Kashmir", "IND"), ("Teluk Bintuni", "Teluk Bintuni", "IDN"), ("Maybrat", "Maybrat", "IDN"),
    ("Pegunungan Bintang", "Pegunungan Bintang", "IDN"), ("Paniai", "Paniai", "IDN"),
    ("Tembagapura", "Tembagapura", "IDN"), ("Sudan Selatan", "South Sudan", "SSD"),
])
def test_lookup_place_by_written_form(form, name, country):
    place = lookup_place(form)
    assert (place.name, place.country) == (name, country)


def test_lookup_place_by_name_and_country():
    assert lookup_place("Kyiv").kind == "capital"
    assert lookup_place("Rafah", country="EGY").country == "EGY"
    assert lookup_place("Rafah").country == "PSE"
    assert lookup_place("Atlantis") is None


INDONESIAN_PROVINCES = [
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Bengkulu",
    "Sumatera Selatan", "Kepulauan Bangka Belitung", "Lampung", "Banten", "DKI Jakarta", "Jawa Barat",
    "Jawa Tengah", "DI Yogyakarta", "Jawa Timur", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur",
    "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara",
    "Sulawesi Utara", "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan",
    "Sulawesi Tenggara", "Maluku", "Maluku Utara", "Papua", "Papua Barat", "Papua Tengah",
    "Papua Pegunungan", "Papua Selatan", "Papua Barat Daya",
]


@pytest.mark.parametrize("province", INDONESIAN_PROVINCES)
def test_all_indonesian_provinces(province):
    place = lookup_place(province)
    assert place is not None and place.country == "IDN"


@pytest.mark.parametrize("iso3", ["USA", "GBR", "PRK", "BLR", "CHN", "PSE", "UKR", "RUS", "ISR", "MMR",
                                  "SDN", "SSD", "AFG", "PAK", "IND", "THA", "KHM", "IDN", "SOM", "COD"])
def test_countries_have_points(iso3):
    country_rows = [r for r in read_tsv("id", "places") if r["kind"] == "country" and r["country"] == iso3]
    assert country_rows and all(r["latitude"] and r["longitude"] for r in country_rows)


def test_file_header_names_sources_and_licences():
    head = resources.files("timeline.lang").joinpath("id", "places.tsv").read_text(encoding="utf-8")[:1500]
    assert head.startswith("# source:")
    assert "GeoNames" in head and "CC BY 4.0" in head and "CLDR" in head and "# format:" in head



def test_gazetteer_rows_are_well_formed():
    kinds = {"country", "province", "capital", "region", "city", "district", "sea", "stop"}
    seen = set()
    for row in read_tsv("id", "places"):
        assert row["kind"] in kinds, row
        assert (row["surface"], row["country"]) not in seen, row
        seen.add((row["surface"], row["country"]))
        if row["kind"] == "stop":
            continue
        assert row["country"] == "" or (len(row["country"]) == 3 and row["country"].isupper()), row
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180, row


@pytest.mark.parametrize("text,expected", [
    # a place inside a longer name is the longer name, not the country
    ("Korban dirawat di Rumah Sakit Indonesia di Beit Lahia.",
     [("Rumah Sakit Indonesia", "Indonesian Hospital (Gaza)", "PSE"), ("Beit Lahia", "Beit Lahia", "PSE")]),
    # GeoNames names that are mostly people or shops in Indonesian news are left out
    ("Menhan AS Lloyd Austin belanja di Carrefour bersama Fatih.", [("AS", "United States", "USA")]),
    ("Serangan drone menghantam PLTN Zaporizhzhia dan Oblast Kursk.",
     [("PLTN Zaporizhzhia", "Zaporizhzhia Nuclear Power Plant", "UKR"), ("Oblast Kursk", "Kursk Oblast", "RUS")]),
])
def test_longer_names_and_left_out_names(text, expected):
    assert found(text) == expected


def test_hyphenated_attribute_is_no_place_but_compounds_are():
    assert found("Sentimen anti-Israel dan kelompok pro-Rusia.") == []
    assert [m.text for m in find_places("Perbatasan Belarusia-Ukraina dan konflik Israel-Palestina.")] == [
        "Belarusia", "Ukraina", "Israel", "Palestina"]


@pytest.mark.parametrize("text,expected", [
    ("Polisi berjaga di depan Kedutaan Besar Amerika Serikat.", []),
    ("Konvoi militer Rusia terlihat di utara Kyiv.", ["Kyiv"]),
    ("Presiden Polandia Andrzej Duda tiba di Warsawa.", ["Warsawa"]),
    ("Bantuan untuk warga Gaza tiba di Jalur Gaza.", ["Gaza", "Jalur Gaza"]),  # people of a place: kept
])
def test_places_inside_actor_references_can_be_excluded(text, expected):
    from timeline.actors import find_actors, qualifier_spans

    spans = qualifier_spans(find_actors(text))
    assert [m.text for m in find_places(text, exclude=spans)] == expected


PAPUA_REGENCIES_AND_CITIES = [
    "Jayapura", "Kabupaten Jayapura", "Keerom", "Sarmi", "Mamberamo Raya", "Biak Numfor", "Supiori",
    "Kepulauan Yapen", "Waropen", "Nabire", "Paniai", "Dogiyai", "Deiyai", "Intan Jaya", "Puncak", "Puncak Jaya",
    "Mimika", "Jayawijaya", "Lanny Jaya", "Tolikara", "Nduga", "Yahukimo", "Pegunungan Bintang", "Yalimo",
    "Mamberamo Tengah", "Merauke", "Boven Digoel", "Mappi", "Asmat", "Manokwari", "Manokwari Selatan",
    "Pegunungan Arfak", "Teluk Bintuni", "Teluk Wondama", "Fakfak", "Kaimana", "Sorong", "Kabupaten Sorong",
    "Sorong Selatan", "Raja Ampat", "Maybrat", "Tambrauw",
    # towns that news names
    "Timika", "Sugapa", "Tembagapura", "Wamena", "Ilaga", "Kenyam", "Dekai", "Oksibil", "Kiwirok", "Sentani",
]


@pytest.mark.parametrize("name", PAPUA_REGENCIES_AND_CITIES)
def test_papua_regencies_and_towns(name):
    place = lookup_place(name)
    assert place is not None and place.country == "IDN" and -9 < place.latitude < 0 and 130 < place.longitude < 141


def test_actor_names_hide_the_places_inside_them():
    """Rebuild places.tsv (tools/build_gazetteer.py) after adding to actors.tsv: an actor's name
    that holds a place name ("Uni Eropa", "Aung San Suu Kyi") must not report that place."""
    for row in read_tsv("id", "actors"):
        if row["kind"] == "stop":
            continue
        form = row["surface"]
        found_places = find_places(form)
        assert found_places == [] or [(m.start, m.end) for m in found_places] == [(0, len(form))], form
