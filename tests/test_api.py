"""The notebook API: extract, resolve_dates, load, validate."""
from datetime import date

import pytest

import timeline

TEXT = "Rusia menyerang Kyiv, Senin (28/2). NATO mendesak Rusia mengakhiri perang, Selasa (1/3)."


def test_extract_returns_rows_of_all_three_tables():
    out = timeline.extract(TEXT, published="2022-03-01")
    assert out["article"]["anchor_date"] == date(2022, 3, 1) and out["article"]["anchor_method"] == "metadata"
    assert {d["text"] for d in out["dates"]} >= {"Senin (28/2)", "Selasa (1/3)"}
    for d in out["dates"]:
        assert TEXT[d["start"]:d["end"]] == d["text"]
    types = {e["event_type"] for e in out["events"]}
    assert {"attack", "demand"} <= types
    assert all(e["event_id"] and e["pipeline_version"] == timeline.__version__ for e in out["events"])


def test_extract_is_deterministic():
    assert timeline.extract(TEXT, published=date(2022, 3, 1)) == timeline.extract(TEXT, published="2022-03-01")


def test_extract_without_published_infers_the_anchor():
    out = timeline.extract(TEXT)
    assert out["article"]["anchor_method"] == "inferred"
    assert out["article"]["anchor_date"] == date(2022, 3, 1)


def test_resolve_dates_accepts_iso_anchor():
    [row] = timeline.resolve_dates("sejak Kamis (24/2) lalu", "2022-03-01")
    assert (row["date_start"], row["modifier"], row["weekday_consistent"]) == (date(2022, 2, 24), "since", True)


def test_extract_rejects_an_unknown_language():
    with pytest.raises(ValueError, match="no language resources"):
        timeline.extract(TEXT, published="2022-03-01", lang="xx")
