"""Writing, loading and validating datasets: atomic swap, schema fidelity, readers."""
import json
from datetime import date

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest
from readers import rows_per_table

import timeline
from timeline import schema
from timeline.dataset import load, validate
from timeline.writer import DatasetWriter, write_results
from timeline.model import ArticleResult


def _result(aid="a1", n_events=1):
    article = {"article_id": aid, "source": "x.jsonl", "url": None, "outlet": None, "title": None, "language": "id",
               "published": "2022-03-01", "anchor_date": date(2022, 3, 1), "anchor_method": "metadata",
               "anchor_note": None, "n_chars": 40, "sha256": "0" * 64, "n_events": n_events, "n_dates": 1,
               "pipeline_version": timeline.__version__}
    d = {"article_id": aid, "start": 10, "end": 22, "text": "Kamis (24/2)", "date_start": date(2022, 2, 24),
         "date_end": date(2022, 2, 24), "granularity": "day", "modifier": "since", "method": "weekday_day_month",
         "anchor": date(2022, 3, 1), "weekday_consistent": True, "value": "XXXX-02-24 wd=4"}
    e = {"event_id": "", "article_id": aid, "event_type": "invasion", "event_date": date(2022, 2, 24),
         "event_date_end": date(2022, 2, 24), "date_granularity": "day", "date_method": "expression",
         "date_text": "Kamis (24/2)", "modality": "asserted", "trigger": "serangan", "actor1": "Russia",
         "actor2": "Ukraine", "location": None, "country": None, "latitude": None, "longitude": None,
         "fatalities": None, "injured": None, "acled_time_precision": 1, "ucdp_date_prec": 1,
         "sentence": "serangan sejak Kamis (24/2)", "start": 0, "end": 27, "plover": "ASSAULT", "cameo": "19",
         "pipeline_version": timeline.__version__, "trigger_start": 0, "trigger_end": 8,
         "date_expr_start": 10, "date_expr_end": 22, "rules": "trigger"}
    return ArticleResult(aid, "x.jsonl", article, [d], [dict(e, event_id=f"{aid}-e{i}", trigger_start=i, trigger_end=i + 8) for i in range(n_events)])


@pytest.fixture
def built(tmp_path):
    out = tmp_path / "out"
    write_results([_result("a1"), _result("a2", 2)], out)
    return out


def test_written_parquet_schema_is_exactly_schema_json(built):
    for table in schema.TABLES:
        got = pq.read_schema(next((built / table).glob("*.parquet")))
        want = schema.arrow_schema(table)
        assert got.names == want.names
        assert [f.type for f in got] == [f.type for f in want]
        assert [f.nullable for f in got] == [f.nullable for f in want]


def test_every_reader_in_the_contract_reads_every_table(built):
    assert rows_per_table(built) == {"events": 3, "dates": 2, "articles": 2}
    assert pads.dataset(str(built / "events")).count_rows() == 3


def test_load_gives_dates_and_categoricals(built):
    df = load(built, "events")
    assert isinstance(df["event_type"].dtype, pd.CategoricalDtype)
    assert list(df["event_type"].cat.categories) == schema.enum("events", "event_type")
    assert pd.api.types.is_datetime64_any_dtype(df["event_date"])
    assert df["event_date"].iloc[0] == pd.Timestamp("2022-02-24")


def test_validate_accepts_a_written_dataset(built):
    assert validate(built) == []


def test_validate_reports_each_problem(built, tmp_path):
    bad = pa.table({"article_id": ["a1"], "event_type": ["parade"]})
    pq.write_table(bad, built / "events" / "part-bad.parquet")
    problems = validate(built)
    assert problems and all(p.startswith("events:") for p in problems)
    assert any("missing" in p for p in problems)
    assert validate(tmp_path / "nothing") != []


def test_validate_catches_enum_and_null_violations(tmp_path):
    out = tmp_path / "o"
    write_results([_result()], out)
    for table, col, value in [("events", "event_type", "parade"), ("dates", "granularity", None)]:
        path = next((out / table).glob("*.parquet"))
        t = pq.read_table(path)
        relaxed = t.schema.set(t.schema.get_field_index(col), pa.field(col, pa.string(), nullable=True))
        t = t.cast(relaxed).set_column(t.schema.get_field_index(col), col, pa.array([value] * len(t), pa.string()))
        pq.write_table(t, path)
    problems = validate(out)
    assert any("event_type" in p and "parade" in p for p in problems)
    assert any("granularity" in p and "nulls" in p for p in problems)


def test_failed_build_leaves_previous_dataset_untouched(built):
    before = sorted(p.relative_to(built) for p in built.rglob("*"))
    with pytest.raises(RuntimeError):
        with DatasetWriter(built) as w:
            w.add(_result("zzz"))
            raise RuntimeError("interrupted")
    assert sorted(p.relative_to(built) for p in built.rglob("*")) == before
    assert len(load(built, "articles")) == 2
    assert not [p for p in built.parent.iterdir() if p.name.startswith(".")]


def test_errors_are_recorded_and_good_rows_kept(tmp_path):
    out = tmp_path / "o"
    w = write_results([_result("a1"), ArticleResult("a2", "x.jsonl", error="boom")], out)
    assert w.errors == ["x.jsonl: article a2: boom"]
    assert list(load(out, "articles")["article_id"]) == ["a1"]
    assert json.loads((out / "_timeline.json").read_text())["errors"] == 1


def test_rows_flush_in_row_groups(tmp_path):
    out = tmp_path / "o"
    with DatasetWriter(out, row_group=2) as w:
        for i in range(5):
            w.add(_result(f"a{i}"))
        w.commit()
    meta = pq.ParquetFile(next((out / "articles").glob("*.parquet"))).metadata
    assert meta.num_rows == 5 and meta.num_row_groups == 3
