"""The shared phrase index: spans, longest match, case rules, and properties on any text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.actors import find_actors
from timeline.gazetteer import PhraseIndex
from timeline.places import find_places


def spans(index: PhraseIndex, text: str) -> list[tuple[str, tuple]]:
    return [(text[h.start:h.end], h.payloads) for h in index.find(text)]


INDEX = PhraseIndex([("Gaza", "g"), ("Jalur Gaza", "jg"), ("AS", "us"), ("pasukan", "troops"),
                     ("junta Myanmar", "jm"), ("U.S.", "us")], prefixes=["pro"])


def test_longest_leftmost_whole_words():
    assert spans(INDEX, "Jalur Gaza, Gaza, Gazanya, MASA, AS.") == [
        ("Jalur Gaza", ("jg",)), ("Gaza", ("g",)), ("AS", ("us",))]


def test_case_rules():
    assert spans(INDEX, "as PASUKAN Pasukan pasukan GAZA gaza Junta Myanmar junta Myanmar JUNTA MYANMAR") == [
        ("PASUKAN", ("troops",)), ("Pasukan", ("troops",)), ("pasukan", ("troops",)), ("GAZA", ("g",)),
        ("Junta Myanmar", ("jm",)), ("junta Myanmar", ("jm",)), ("JUNTA MYANMAR", ("jm",))]


def test_spaces_lines_and_prefixes():
    assert spans(INDEX, "Jalur  Gaza") == [("Jalur  Gaza", ("jg",))]   # irregular spacing
    assert spans(INDEX, "Jalur\nGaza") == [("Gaza", ("g",))]           # never across a line
    assert spans(INDEX, "pro-Gaza Gaza-Israel") == [("Gaza", ("g",))]  # 'pro-' makes an attribute
    assert spans(INDEX, "di U.S. kemarin") == [("U.S", ("us",))]


WORDS = st.sampled_from(["Rusia", "Ukraina", "Presiden", "presiden", "Jalur", "Gaza", "AS", "MASA", "Kota",
                         "pasukan", "Putin", "Vladimir", "(", ")", ",", ".", "-", "pro", "Sekjen", "NATO",
                         "Jens", "Stoltenberg", "Kapolda", "Papua", "Irjen", "warga", "Polisi", "\n", "Rafah",
                         "Mesir", "Senin", "(28/2)", "Jl.", "Letjen", "Baku", "tembak", "Kyiv", "é", "İ"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=40), st.sampled_from([" ", "  ", ""]))
def test_mentions_index_the_text_in_order_without_overlap(words, sep):
    text = sep.join(words)
    for mentions in (find_places(text), find_actors(text)):
        assert all(text[m.start:m.end] == m.text and m.text for m in mentions)
        assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
