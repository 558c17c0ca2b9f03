"""Actor lookup: normalised actors, the title rule, generic nouns, negatives, linear-time headline check."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import actors
from timeline.actors import ActorMention, country_of_actor, find_actors


def found(text: str, **kw) -> list[tuple[str, str]]:
    return [(m.text, m.actor) for m in find_actors(text, **kw)]


# (sentence, expected (span as written, normalised actor) in order)
CASES = [
    # countries and their news variants
    ("Rusia menuduh Ukraina menembaki warga sipil.", [("Rusia", "Russia"), ("Ukraina", "Ukraine"), ("warga sipil", "Civilians")]),
    ("Kremlin membantah laporan itu, sementara Kyiv menuntut penyelidikan.", [("Kremlin", "Russia"), ("Kyiv", "Ukraine")]),
    ("Moskow dan Kiev saling tuding.", [("Moskow", "Russia"), ("Kiev", "Ukraine")]),
    ("Gedung Putih menyebut Pentagon akan mengirim senjata ke Ukraina.",
     [("Gedung Putih", "United States"), ("Pentagon", "United States"), ("Ukraina", "Ukraine")]),
    ("AS dan Amerika Serikat, juga Washington.", [("AS", "United States"), ("Amerika Serikat", "United States"), ("Washington", "United States")]),
    ("Belarusia, atau Belarus, mengizinkan pasukan Rusia melintas.",
     [("Belarusia", "Belarus"), ("Belarus", "Belarus"), ("pasukan Rusia", "Russia")]),
    ("IDF dan Pasukan Pertahanan Israel adalah nama yang sama, juga Tel Aviv.",
     [("IDF", "Israel"), ("Pasukan Pertahanan Israel", "Israel"), ("Tel Aviv", "Israel")]),
    ("Tentara Israel menyerbu Jalur Gaza.", [("Tentara Israel", "Israel"), ("Jalur Gaza", "Palestine")]),
    # organisations
    ("NATO dan Pakta Pertahanan Atlantik Utara dibahas di PBB.",
     [("NATO", "NATO"), ("Pakta Pertahanan Atlantik Utara", "NATO"), ("PBB", "UN")]),
    ("Dewan Keamanan PBB menggelar rapat darurat; Uni Eropa dan UE menjatuhkan sanksi.",
     [("Dewan Keamanan PBB", "UN"), ("Uni Eropa", "European Union"), ("UE", "European Union")]),
    ("Perserikatan Bangsa-Bangsa meminta Hamas dan Hizbullah menahan diri.",
     [("Perserikatan Bangsa-Bangsa", "UN"), ("Hamas", "Hamas"), ("Hizbullah", "Hezbollah")]),
    ("Kelompok Houthi menyerang kapal di Laut Merah.", [("Kelompok Houthi", "Houthis")]),
    ("Kelompok Kriminal Bersenjata (KKB) menembak prajurit TNI.",
     [("Kelompok Kriminal Bersenjata (KKB)", "TPNPB-OPM"), ("prajurit TNI", "TNI")]),
    ("TPNPB-OPM mengklaim serangan; KKSB dan OPM disebut terlibat.",
     [("TPNPB-OPM", "TPNPB-OPM"), ("KKSB", "TPNPB-OPM"), ("OPM", "TPNPB-OPM")]),
    ("Personel Brimob dan Densus 88 diterjunkan bersama Satgas Damai Cartenz.",
     [("Brimob", "Polri"), ("Densus 88", "Polri"), ("Satgas Damai Cartenz", "Polri")]),
    ("Tatmadaw dan junta militer Myanmar membom desa.", [("Tatmadaw", "Myanmar military"), ("junta militer Myanmar", "Myanmar military")]),
    ("Bentrokan antara SAF dan Pasukan Dukungan Cepat (RSF) meluas.",
     [("SAF", "SAF"), ("Pasukan Dukungan Cepat (RSF)", "RSF")]),
    ("Palang Merah dan ICRC mengevakuasi korban; ASEAN dan ICC menyoroti kasus itu.",
     [("Palang Merah", "Red Cross"), ("ICRC", "Red Cross"), ("ASEAN", "ASEAN"), ("ICC", "ICC")]),
    # titles: title + country/organisation + name is one span
    ("Presiden Polandia Andrzej Duda menerima tamu.", [("Presiden Polandia Andrzej Duda", "Poland")]),
    ("Ia bertemu Presiden Polandia, Andrzej Duda, di Warsawa.", [("Presiden Polandia, Andrzej Duda", "Poland"), ("Warsawa", "Poland")]),
    ("Sekjen NATO Jens Stoltenberg berbicara.", [("Sekjen NATO Jens Stoltenberg", "NATO")]),
    ("Menteri Luar Negeri Rusia Sergei Lavrov tiba di Ankara.",
     [("Menteri Luar Negeri Rusia Sergei Lavrov", "Russia"), ("Ankara", "Turkey")]),
    ("Presiden Rusia Vladimir Putin, Senin, berpidato.", [("Presiden Rusia Vladimir Putin", "Russia")]),
    ("Presiden Rusia Vladimir Putin Senin (28/2) berpidato.", [("Presiden Rusia Vladimir Putin", "Russia")]),
    ("Sekretaris Jenderal (Sekjen) Pakta Pertahanan Atlantik Utara (NATO), Jens Stoltenberg, mendesak Rusia.",
     [("Sekretaris Jenderal (Sekjen) Pakta Pertahanan Atlantik Utara (NATO), Jens Stoltenberg", "NATO"), ("Rusia", "Russia")]),
    ("Juru bicara Kremlin Dmitry Peskov menolak berkomentar.", [("Juru bicara Kremlin Dmitry Peskov", "Russia")]),
    ("Perdana Menteri Israel Benjamin Netanyahu menolak gencatan senjata.",
     [("Perdana Menteri Israel Benjamin Netanyahu", "Israel")]),
    ("PM Thailand mengunjungi perbatasan.", [("PM Thailand", "Thailand")]),
    ("Presiden Vladimir Putin dan Presiden Joko Widodo bertelepon.",
     [("Presiden Vladimir Putin", "Russia"), ("Presiden Joko Widodo", "Indonesia")]),
    ("Menhan AS dan Menlu Ukraina bertemu.", [("Menhan AS", "United States"), ("Menlu Ukraina", "Ukraine")]),
    # titles that imply their organisation, ranks with a name
    ("Kapolda Papua Irjen Mathius Fakhiri mengatakan situasi aman.", [("Kapolda Papua Irjen Mathius Fakhiri", "Polri")]),
    ("Dandim 1715/Yahukimo Letkol Inf. Agus Salim memimpin evakuasi.", [("Dandim 1715/Yahukimo Letkol Inf. Agus Salim", "TNI")]),
    ("Kapolri menginstruksikan penebalan pasukan.", [("Kapolri", "Polri")]),
    ("Seorang anggota, Bripda Yohanes Kogoya, gugur.", [("Bripda Yohanes Kogoya", "Polri")]),
    ("Pratu Andi tertembak di bagian kaki.", [("Pratu Andi", "TNI")]),
    # nouns for forces, governments and civilians
    ("Pemerintah Indonesia mengecam serangan terhadap warga Palestina.",
     [("Pemerintah Indonesia", "Indonesia"), ("warga Palestina", "Civilians (Palestine)")]),
    ("Kementerian Pertahanan Rusia mengklaim pasukan Ukraina mundur.",
     [("Kementerian Pertahanan Rusia", "Russia"), ("pasukan Ukraina", "Ukraine")]),
    ("Juru bicara militer Israel mengatakan jet tempur Israel menyerang Beirut.",
     [("Juru bicara militer Israel", "Israel"), ("jet tempur Israel", "Israel")]),
    ("Polisi menangkap tiga terduga pelaku.", [("Polisi", "Polri")]),
    ("Junta militer memberlakukan darurat militer.", [("Junta militer", "Myanmar military")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_actors_found(text, expected):
    assert found(text) == expected


NEGATIVES = [
    "Pada MASA lalu, KASUS itu tidak pernah dibahas.",   # 'AS' inside words
    "Kapten tim itu mencetak gol pada babak kedua.",     # a rank with no name after it
    "Ia membaca laporan dari lembaga tersebut.",
    "Juru bicara mengatakan hal itu kepada wartawan.",   # a title with no actor and no default
    "Laut Azov membeku pada musim dingin.",              # stop phrase hides the 'Azov' battalion
    "Harga gandum naik menjadi 300 dolar AS per ton.",   # a currency, not the United States
    "Nilainya mencapai 2 juta dollar Amerika Serikat.",
    "Menurut Reuters dan AFP, situasi memburuk.",        # news agencies cited as sources
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_actor(text):
    assert find_actors(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Maxar Technologies merilis citra satelit baru.", [("Maxar Technologies", "Maxar")]),
    ("Citra dari Planet Labs menunjukkan kerusakan.", [("Planet Labs", "Planet Labs")]),
])
def test_imagery_companies(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the title's default state (Indonesia) is not named: the place after the title decides
    ("RSF menyerang El Fasher, Sudan. Gubernur Darfur Minni Minawi mengecam.",
     [("RSF", "RSF"), ("Sudan", "Sudan"), ("Gubernur Darfur Minni Minawi", "Sudan")]),
    ("Rusia menyerang. Wali Kota Kharkiv Ihor Terekhov mengatakan situasi buruk.",
     [("Rusia", "Russia"), ("Wali Kota Kharkiv Ihor Terekhov", "Ukraine")]),
    # at home the default holds
    ("Gubernur Papua Lukas Enembe mengatakan KKB menyerang.",
     [("Gubernur Papua Lukas Enembe", "Indonesia"), ("KKB", "TPNPB-OPM")]),
])
def test_title_followed_by_a_foreign_place_takes_its_state(text, expected):
    assert found(text) == expected


def test_generic_nouns_take_the_home_state_of_a_foreign_report():
    """'pemerintah', 'Gubernur', 'pasukan pemerintah' in a report about Sudan are Sudanese, not Indonesian."""
    text = ("Tentara Sudan dan RSF bertempur di Khartoum, Sudan. Pasukan pemerintah menghancurkan konvoi RSF. "
            "Gubernur mengatakan situasi genting.")
    got = found(text)
    assert ("Pasukan pemerintah", "SAF") in got and ("Gubernur", "Sudan") in got


def test_no_home_state_when_no_state_clearly_dominates():
    text = "Israel menyerang Gaza. Presiden mengatakan serangan berlanjut."
    assert found(text) == [("Israel", "Israel"), ("Gaza", "Palestine")]


def test_titled_name_keeps_its_default_abroad():
    """An Indonesian minister named by title and name stays Indonesian in a report about Jordan."""
    text = "Menlu Retno bertemu Menlu Yordania di Amman. Yordania menyambut baik."
    assert found(text)[0] == ("Menlu Retno", "Indonesia")


def test_generic_noun_default_needs_matching_context():
    text = "Israel menyerang Gaza. Polisi menangkap dua warga."
    assert "Polri" not in {m.actor for m in find_actors(text)}
    assert "Polri" in {m.actor for m in find_actors("Polisi menangkap dua orang di Jayapura.")}
    assert "Polri" in {m.actor for m in find_actors(text, context_countries=["IDN"])}


def test_title_without_country_is_indonesian_when_a_name_follows_or_context_agrees():
    assert found("Menteri Luar Negeri Sugiono tiba di Islamabad bertemu PM Pakistan.") == [
        ("Menteri Luar Negeri Sugiono", "Indonesia"), ("Islamabad", "Pakistan"), ("PM Pakistan", "Pakistan")]
    assert found("Presiden mengatakan TNI siaga.") == [("Presiden", "Indonesia"), ("TNI", "TNI")]
    assert found("Israel menolak. Presiden mengatakan hal itu.") == [("Israel", "Israel")]


def test_title_merges_with_known_person_not_other_actor():
    ms = find_actors("Menlu Rusia bertemu Presiden Ukraina Volodymyr Zelensky di Istanbul.")
    assert [(m.text, m.actor) for m in ms] == [("Menlu Rusia", "Russia"), ("Presiden Ukraina Volodymyr Zelensky", "Ukraine")]


def test_name_stops_before_another_actor():
    ms = find_actors("Presiden AS Joe Biden Rusia")
    assert [(m.text, m.actor) for m in ms] == [("Presiden AS Joe Biden", "United States"), ("Rusia", "Russia")]


def test_headline_in_title_case_takes_no_name():
    ms = find_actors("Direktur CIA Terkejut Lihat Kekuatan Militer Rusia")
    assert ms[0].text == "Direktur CIA" and ms[0].actor == "United States"


def test_spans_index_the_text_and_kinds():
    text = "RSF menyerang El Fasher; Presiden Rusia Vladimir Putin diam; pasukan Rusia maju; KKB menembak."
    ms = find_actors(text)
    assert all(isinstance(m, ActorMention) and text[m.start:m.end] == m.text for m in ms)
    assert [m.kind for m in ms] == ["armed_group", "person_title", "military", "armed_group"]
    assert [m.country for m in ms] == ["SDN", "RUS", "RUS", "IDN"]


@pytest.mark.parametrize("actor,country", [
    ("Russia", "RUS"), ("United States", "USA"), ("Palestine", "PSE"), ("TNI", "IDN"), ("Polri", "IDN"),
    ("TPNPB-OPM", "IDN"), ("Hamas", "PSE"), ("Hezbollah", "LBN"), ("RSF", "SDN"), ("Myanmar military", "MMR"),
    ("NATO", None), ("UN", None), ("Civilians (Ukraine)", "UKR"), ("Nobody", None),
])
def test_country_of_actor(actor, country):
    assert country_of_actor(actor) == country



@pytest.mark.parametrize("text,expected", [
    ("Kantornya di Jl. Letjen Suprapto, dekat Jalan Kapten Tendean.", []),   # streets named after officers
    ("Korban dibawa ke Rumah Sakit Indonesia di Gaza utara.", [("Gaza", "Palestine")]),
    ("Juru bicara Presiden Rusia Vladimir Putin, Dmitry Peskov, membantah.",
     [("Juru bicara Presiden Rusia Vladimir Putin, Dmitry Peskov", "Russia")]),
    ("MOSKOW, KOMPAS.com - Kremlin membantah.", [("Kremlin", "Russia")]),  # a dateline is no actor
    ("Demonstran Palestina dan pengunjuk rasa berkumpul.",
     [("Demonstran Palestina", "Protesters (Palestine)"), ("pengunjuk rasa", "Protesters")]),
    ("Komandan Kodim 1705/Paniai Letkol Inf Benny Wahyudi membenarkan.",
     [("Komandan Kodim 1705/Paniai Letkol Inf Benny Wahyudi", "TNI")]),
])
def test_street_names_long_titles_and_capitals(text, expected):
    assert found(text) == expected


def test_actor_rows_are_well_formed():
    from timeline.lang import read_tsv

    kinds = {"state", "military", "police", "org", "armed_group", "person", "civilians", "stop"}
    for row in read_tsv("id", "actors"):
        assert row["kind"] in kinds, row
        assert row["country"] == "" or (len(row["country"]) == 3 and row["country"].isupper()), row
    title_kinds = {"person_title", "rank", "military", "police", "state", "civilians", "protesters", "street"}
    assert all(row["kind"] in title_kinds for row in read_tsv("id", "titles"))


@pytest.mark.parametrize("text,expected", [
    ("Separatis pro-Rusia menembaki Mariupol.", [("Separatis pro-Rusia", "Pro-Russian separatists")]),
    ("Demonstran anti-Israel berkumpul di depan Kedubes AS.", [("Demonstran", "Protesters"), ("Kedubes AS", "United States")]),
    ("Perang Rusia-Ukraina dan konflik Israel-Hamas.",
     [("Rusia", "Russia"), ("Ukraina", "Ukraine"), ("Israel", "Israel"), ("Hamas", "Hamas")]),
])
def test_hyphenated_prefixes_and_compounds(text, expected):
    assert found(text) == expected


def _headline_by_definition(text, pos):
    """The plain definition of actors._title_case_line (whole-line slicing): the oracle."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)].rstrip()
    if len(line) > actors._HEADLINE_MAX_CHARS or line.endswith(actors._SENTENCE_END):
        return False
    words = [w for w in line.split() if w[0].isalpha() and len(w) >= actors._HEADLINE_WORD_LEN]
    if len(words) < actors._HEADLINE_MIN_WORDS:
        return False
    return sum(w[0].isupper() for w in words) >= actors._HEADLINE_SHARE * len(words)


_PIECES = ["Presiden ", "Joko ", "Widodo ", "kata ", "\n", " ", " " * 40, ".", "Rusia ", "A", "b", "\t", "Di "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=200), st.data())
def test_headline_check_reads_only_what_a_short_line_needs_and_agrees_with_the_definition(pieces, data):
    text = "".join(pieces)
    pos = data.draw(st.integers(min_value=1, max_value=len(text)))
    assert actors._title_case_line(text, pos) == _headline_by_definition(text, pos)
