"""Number words and digits: timeline.numbers.parse_number / number_pattern."""
from __future__ import annotations

import re

import pytest

from timeline.numbers import number_pattern, parse_number

VALUES = [
    ("nol", 0), ("satu", 1), ("dua", 2), ("sembilan", 9), ("sepuluh", 10), ("sebelas", 11),
    ("dua belas", 12), ("sembilan belas", 19), ("dua puluh", 20), ("dua puluh tiga", 23),
    ("sembilan puluh sembilan", 99), ("seratus", 100), ("seratus dua puluh lima", 125),
    ("tiga ratus", 300), ("seribu", 1000), ("dua ribu lima ratus", 2500), ("tiga ratus ribu", 300_000),
    ("sejuta", 1_000_000), ("dua juta", 2_000_000), ("Tiga", 3), ("DUA PULUH", 20),
    ("24", 24), ("1.500", 1500), ("1.500.000", 1_500_000), ("3 juta", 3_000_000), ("10 ribu", 10_000),
]
NOT_NUMBERS = ["", "   ", "belasan", "puluhan", "ratusan orang", "5,2", "1.50", "abc", "se", "dua ekor", "12a"]


@pytest.mark.parametrize("text,value", VALUES)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_a_definite_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize("sentence,found", [
    ("Serangan itu menewaskan sepuluh orang.", ["sepuluh"]),
    ("Sedikitnya dua puluh tiga warga tewas dan 1.500 mengungsi.", ["dua puluh tiga", "1.500"]),
    ("Gempa 5,2 magnitudo mengguncang.", []),
    ("Sebanyak 35 kendaraan taktis dan seratus personel.", ["35", "seratus"]),
])
def test_number_pattern_finds_numbers(sentence: str, found: list[str]) -> None:
    assert [m.group() for m in re.finditer(number_pattern(), sentence)] == found


def test_every_pattern_match_parses() -> None:
    text = "dua puluh tiga, sebelas, 1.500, seratus dua, tujuh belas, seribu"
    for m in re.finditer(number_pattern("id"), text):
        assert parse_number(m.group()) is not None, m.group()


def test_pattern_default_language_is_indonesian() -> None:
    assert number_pattern() == number_pattern("id")
