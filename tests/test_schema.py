"""schema.json is a valid JSON Schema and carries everything CONTRACT.md names."""
import json
from pathlib import Path

import jsonschema
import pytest

from timeline import schema

ROOT = Path(__file__).resolve().parents[1]

CONTRACT_COLUMNS = {
    "dates": "article_id start end text date_start date_end granularity modifier method anchor weekday_consistent",
    "events": "event_id article_id event_type event_date event_date_end date_granularity date_method date_text "
              "modality trigger actor1 actor2 location country latitude longitude fatalities injured "
              "acled_time_precision ucdp_date_prec sentence start end plover cameo pipeline_version",
    "articles": "article_id source url outlet title published anchor_date anchor_method n_chars sha256 n_events n_dates",
}
ENUMS = {
    ("events", "event_type"): "invasion attack casualties troop_movement withdrawal negotiation meeting agreement "
                              "ceasefire demand statement threat accusation sanction aid arrest protest evacuation disclosure",
    ("dates", "granularity"): "day week month quarter year decade",
    ("events", "modality"): "asserted negated future hypothetical",
    ("events", "date_method"): "expression inherited publication",
    ("articles", "anchor_method"): "metadata dateline inferred none",
}


def test_package_schema_is_the_top_level_file():
    assert schema.load() == json.loads((ROOT / "schema.json").read_text(encoding="utf-8"))


def test_schema_is_valid_draft_2020_12():
    doc = schema.load()
    jsonschema.Draft202012Validator.check_schema(doc)
    for table in schema.TABLES:
        jsonschema.Draft202012Validator.check_schema(doc["$defs"][table])


@pytest.mark.parametrize("table", schema.TABLES)
def test_contract_columns_are_present(table):
    assert set(CONTRACT_COLUMNS[table].split()) <= set(schema.columns(table))


@pytest.mark.parametrize("key", ENUMS)
def test_contract_enums(key):
    assert schema.enum(*key) == ENUMS[key].split()


@pytest.mark.parametrize("table", schema.TABLES)
def test_every_column_has_type_and_description(table):
    for name, col in schema.columns(table).items():
        assert col["x-arrow"] and col["description"], name


def test_a_row_validates_against_its_json_schema():
    row = {c: None for c in schema.columns("dates")}
    row.update(article_id="a", start=0, end=4, text="Kamis", date_start="2022-02-24", date_end="2022-02-24",
               granularity="day", method="weekday", anchor="2022-03-01")
    validator = jsonschema.Draft202012Validator(schema.table("dates"))
    assert not list(validator.iter_errors(row))
    assert list(validator.iter_errors(dict(row, granularity="fortnight")))
