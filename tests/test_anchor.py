"""Anchor inference for articles without a publication date."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.temporal import infer_anchor

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_a0c04017dc32df11.txt"
TODAY = date(2026, 11, 25)


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")
def test_seed_article_weekday_consistency() -> None:
    a = infer_anchor(SEED.read_text(encoding="utf-8"))
    assert (a.date, a.method) == (date(2022, 3, 1), "inferred")
    assert "2022" in a.note and "2011" in a.note and "2005" in a.note


def test_weekday_forms_pick_the_latest_consistent_year() -> None:
    text = "Serangan dimulai Kamis (24/2). Perundingan digelar Senin (28/2). NATO berbicara Selasa (1/3)."
    a = infer_anchor(text, today=TODAY)
    assert (a.date, a.method) == (date(2022, 3, 1), "inferred")
    assert "rejected" not in a.note or "future" in a.note


def test_future_years_are_rejected_and_said_so() -> None:
    text = "Rapat digelar Kamis (24/2) dan Senin (28/2)."  # 2022 fits; so do earlier years
    a = infer_anchor(text, today=date(2022, 2, 25))  # 28/2/2022 would be after 'today'
    assert a.date == date(2011, 2, 28)
    assert "2022" in a.note and "future" in a.note


def test_year_rollover_between_forms() -> None:
    text = "Banjir sejak Rabu (29/12) meluas hingga Senin (3/1)."
    a = infer_anchor(text, today=TODAY)
    assert a.date == date(2022, 1, 3) and a.method == "inferred"


def test_dateline_full_date() -> None:
    text = "JAKARTA, 24 Februari 2022 - Pemerintah mengumumkan kebijakan baru. Kebijakan berlaku 1 Maret 2022."
    a = infer_anchor(text, today=TODAY)
    assert (a.date, a.method) == (date(2022, 2, 24), "dateline")


def test_a_historic_date_in_the_first_sentence_is_no_dateline() -> None:
    text = "Pada 17 Agustus 1945 Indonesia merdeka; peringatan digelar Rabu (17/8/2022) di Istana."
    a = infer_anchor(text, today=TODAY)
    assert (a.date, a.method) == (date(2022, 8, 17), "inferred")


def test_latest_full_date_when_no_dateline() -> None:
    text = ("Pemerintah mengumumkan kebijakan baru yang dibahas panjang oleh para menteri di ibu kota. "
            "Rapat pertama 3 Januari 2021; rapat terakhir Selasa (1/3/2022), dan target 2030.")
    a = infer_anchor(text, today=TODAY)
    assert (a.date, a.method) == (date(2022, 3, 1), "inferred")


def test_future_full_dates_are_not_anchors() -> None:
    text = "Aturan ini disusun panjang oleh banyak pihak. Berlaku mulai 1 Januari 2099."
    assert infer_anchor(text, today=TODAY).method == "none"


def test_nothing_to_infer_from() -> None:
    a = infer_anchor("Pasukan bergerak ke utara. Kemarin warga mengungsi.", today=TODAY)
    assert (a.date, a.method) == (None, "none") and a.note


def test_inconsistent_weekdays_give_no_anchor() -> None:
    a = infer_anchor("Kamis (24/2) dan Kamis (25/2).", today=TODAY)
    assert a.method == "none"


def test_deictic_beside_a_full_date_fixes_the_anchor() -> None:
    text = "Ribuan warga memadati pantai. Hal itu terjadi kemarin, Minggu (2/1/2022), dan Sabtu (1/1/2022)."
    assert infer_anchor(text, today=TODAY).date == date(2022, 1, 3)


def test_reporting_dates_with_weekday_beat_planned_dates() -> None:
    text = ("Pemasangan alat itu ditargetkan rampung pada 1 Juni 2014 di seluruh Indonesia. "
            "Hal itu disampaikan di Jakarta, Rabu (23/10/2013).")
    a = infer_anchor(text, today=TODAY)
    assert (a.date, a.method) == (date(2013, 10, 23), "inferred")
