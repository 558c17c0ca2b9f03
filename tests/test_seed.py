"""The user's seed article, built from the bare .txt (no metadata, no --published): issue 2's facts."""
from datetime import date
from pathlib import Path

import pytest

import timeline
from timeline.build import build

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "000_a0c04017dc32df11.txt"
D = date.fromisoformat


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed") / "ds"
    report = build([SEED], out)
    assert report.errors == []
    return {t: timeline.load(out, t) for t in ("articles", "dates", "events")}


def test_seed_is_the_users_file_unchanged():
    shared = ROOT.parent / "shared" / "seed" / SEED.name
    if shared.exists():
        assert SEED.read_bytes() == shared.read_bytes()
    assert not SEED.read_text(encoding="utf-8").startswith("---")


def test_anchor_inferred_from_weekdays(seed):
    art = seed["articles"].iloc[0]
    assert art["anchor_date"].date() == D("2022-03-01")
    assert art["anchor_method"] == "inferred"
    assert art["published"] is None or art["published"] != art["published"]
    note = art["anchor_note"]
    assert "2022" in note and "2011" in note and "2005" in note


@pytest.mark.parametrize("text, n, day", [
    ("Kamis (24/2)", 1, "2022-02-24"),
    ("Selasa (1/3)", 2, "2022-03-01"),
    ("Senin (28/2)", 1, "2022-02-28"),
])
def test_seed_dates(seed, text, n, day):
    rows = seed["dates"][seed["dates"]["text"] == text]
    assert len(rows) == n
    assert (rows["date_start"].dt.date == D(day)).all() and (rows["date_end"].dt.date == D(day)).all()
    assert rows["weekday_consistent"].tolist() == [True] * n
    assert (rows["granularity"] == "day").all()


def _events(seed, event_type, modality="asserted"):
    ev = seed["events"]
    return ev[(ev["event_type"] == event_type) & (ev["modality"] == modality)]


@pytest.mark.parametrize("event_type, day", [
    ("invasion", "2022-02-24"), ("negotiation", "2022-02-28"), ("agreement", "2022-02-28"),
    ("demand", "2022-03-01"), ("accusation", "2022-03-01"), ("meeting", "2022-03-01"),
    ("disclosure", "2022-03-01"), ("troop_movement", "2022-03-01"),
])
def test_seed_asserted_events(seed, event_type, day):
    rows = _events(seed, event_type)
    assert D(day) in set(rows["event_date"].dt.date), rows[["event_type", "event_date", "trigger"]]


def test_invasion_details(seed):
    inv = _events(seed, "invasion")
    inv = inv[inv["event_date"].dt.date == D("2022-02-24")].iloc[0]
    assert inv["date_text"] == "Kamis (24/2)" and inv["date_method"] == "expression"
    assert (inv["actor1"], inv["actor2"]) == ("Russia", "Ukraine")
    assert (inv["plover"], inv["cameo"]) == ("ASSAULT", "19")


def test_demand_is_nato_on_russia(seed):
    rows = _events(seed, "demand")
    assert ((rows["actor1"] == "NATO") & (rows["actor2"] == "Russia")).any()


def test_negotiation_at_the_belarus_ukraine_border(seed):
    neg = _events(seed, "negotiation").iloc[0]
    assert neg["location"] and "Belarus" in neg["location"]


def test_convoy_toward_kyiv_has_coordinates(seed):
    tm = _events(seed, "troop_movement")
    tm = tm[tm["event_date"].dt.date == D("2022-03-01")]
    kyiv = tm[tm["location"].fillna("").str.contains("Kyiv|Kiev")]
    assert len(kyiv) >= 1
    assert kyiv["latitude"].iloc[0] == pytest.approx(50.45, abs=0.1)
    assert kyiv["longitude"].iloc[0] == pytest.approx(30.52, abs=0.1)
    assert (kyiv["country"] == "UKR").all()


def test_nato_will_not_send_troops_is_negated(seed):
    rows = _events(seed, "troop_movement", "negated")
    assert len(rows) >= 1
    assert rows["sentence"].str.contains("tidak akan mengirim pasukan").any()


def test_no_event_from_the_baca_juga_line(seed):
    assert not seed["events"]["sentence"].str.contains("Baca Juga").any()
