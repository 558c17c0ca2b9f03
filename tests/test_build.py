"""Builds: Hive layout every reader reads, predicate pushdown, progress, bad input, Ctrl-C, big articles."""
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest
from readers import rows_per_table

import standin
import timeline
from timeline import schema
from timeline.build import build, count_articles
from timeline.cli import Progress

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("b")
    standin.write_jsonl(tmp / "in" / "a.jsonl", standin.texts(3000))
    report = build([tmp / "in"], tmp / "out", jobs=1, fn=standin.process)
    assert report.errors == [] and report.rows["events"] > 10_000
    return tmp / "out"


def test_events_and_dates_are_partitioned_by_year_with_unknown_for_no_date(built):
    years = sorted(p.name for p in (built / "events").iterdir())
    assert "year=2015" in years and "year=2024" in years and "year=unknown" in years
    assert sorted(p.name for p in (built / "dates").iterdir())[0] == "year=2015"
    unknown = pq.read_table(built / "events" / "year=unknown")
    assert unknown.column("event_date").null_count == len(unknown) > 0
    in_2020 = pq.read_table(next((built / "events" / "year=2020").glob("*.parquet")))
    assert {d.year for d in in_2020.column("event_date").to_pylist()} == {2020}


def test_files_hold_exactly_schema_json_columns_zstd_and_dictionary_enums(built):
    for table in schema.TABLES:
        for f in (built / table).rglob("*.parquet"):
            assert pq.read_schema(f).names == schema.arrow_schema(table).names
    meta = pq.ParquetFile(next((built / "events").rglob("*.parquet"))).metadata
    col = meta.row_group(0).column(meta.schema.names.index("event_type"))
    assert col.compression == "ZSTD" and "RLE_DICTIONARY" in col.encodings


def test_every_reader_in_the_contract_reads_the_partitioned_tables(built):
    assert rows_per_table(built)["events"] > 0
    assert list(timeline.load(built, "events").columns) == schema.arrow_schema("events").names
    assert timeline.validate(built) == []


def _row_groups(built, expr):
    ds = pads.dataset(str(built / "events"), partitioning="hive")
    return sum(len(f.split_by_row_group(expr)) for f in ds.get_fragments(filter=expr))


def test_filters_on_event_type_and_event_date_skip_row_groups(built):
    total = _row_groups(built, None)
    assert _row_groups(built, pads.field("event_type") == "withdrawal") < total / 2
    d = pads.field("event_date")
    assert _row_groups(built, (d >= pd.Timestamp("2020-01-01").date()) & (d <= pd.Timestamp("2020-12-31").date())) < total / 4


@pytest.mark.parametrize("where", ["event_type = 'withdrawal'", "event_date between '2020-01-01' and '2020-12-31'"])
def test_duckdb_pushes_filters_down_and_reads_fewer_row_groups(built, where):
    con = duckdb.connect()
    con.execute("PRAGMA enable_profiling='json'")
    src = f"read_parquet('{built}/events/**/*.parquet', hive_partitioning=true)"
    plan = json.loads(con.execute(f"EXPLAIN ANALYZE SELECT count(*) FROM {src} WHERE {where}").fetchall()[0][1])
    scan = _find(plan, "READ_PARQUET")
    total = con.execute(f"select count(*) from {src}").fetchall()[0][0]
    if "row_groups_scanned" in scan:
        assert scan["row_groups_scanned"] < scan["total_row_groups_to_scan"] / 2
    assert scan["rows_scanned"] < total / 2


def _find(node, name):
    if isinstance(node, dict):
        if node.get("name") == name:
            return node
        node = node.get("children", []) + node.get("operator", []) if "operator" in node else node.get("children", [])
    for child in node:
        found = _find(child, name)
        if found:
            return found
    return None


def test_progress_line_shows_done_rate_eta_and_errors():
    p = Progress(enabled=False)
    p.t0 -= 10
    p.done, p.errors = 500, 2
    assert p.line(p.t0 + 10).startswith("500 articles  50/s")
    p.total = 1000
    line = p.line(p.t0 + 10)
    assert "500/1,000 articles" in line and "ETA 0:10" in line and line.endswith("2 errors")


def test_count_articles_is_cheap_and_honest(tmp_path):
    standin.write_jsonl(tmp_path / "a.jsonl", standin.texts(7))
    (tmp_path / "b.txt").write_text("serang", encoding="utf-8")
    assert count_articles([tmp_path]) == 8
    (tmp_path / "c.json").write_text("[]", encoding="utf-8")
    assert count_articles([tmp_path]) is None


def _cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "timeline.cli", *map(str, args)], capture_output=True, text=True,
                          **kw)


def test_cli_parallel_build_reports_bad_lines_and_builds_the_rest(tmp_path):
    rows = [json.dumps({"id": f"a{i}", "text": f"Pasukan menyerang kota pada Senin (28/2). Nomor {i}.",
                        "published": "2022-03-01"}) for i in range(300)]
    rows[150] = "{broken"
    (tmp_path / "in.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = _cli("build", tmp_path / "in.jsonl", "-o", tmp_path / "out", "--jobs", "2")
    assert result.returncode == 1 and result.stdout == ""
    assert f"{tmp_path / 'in.jsonl'}:151:" in result.stderr and "Traceback" not in result.stderr
    assert len(timeline.load(tmp_path / "out", "articles")) == 299


@pytest.mark.parametrize("when", ["while starting", "while workers are busy"])
def test_ctrl_c_leaves_the_previous_dataset_intact(tmp_path, when):
    rows = [{"id": f"a{i}", "published": "2022-03-01",
             "text": "Pasukan Rusia menyerang Kyiv pada Kamis (24/2) lalu. " * 20 + str(i)} for i in range(5_000)]
    standin.write_jsonl(tmp_path / "in.jsonl", rows)
    standin.write_jsonl(tmp_path / "small.jsonl", rows[:3])
    assert _cli("build", tmp_path / "small.jsonl", "-o", tmp_path / "out", "-q").returncode == 0
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*")}
    proc = subprocess.Popen([sys.executable, "-m", "timeline.cli", "build", tmp_path / "in.jsonl", "-o",
                             tmp_path / "out", "--jobs", "2", "--rebuild"], stderr=subprocess.PIPE, text=True)
    if when == "while starting":
        time.sleep(0.3)  # the fork server warming up, the first workers being made
    else:
        deadline = time.monotonic() + 20
        while not list(tmp_path.glob(".out.tmp-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)  # workers busy
    proc.send_signal(signal.SIGINT)
    err = proc.communicate(timeout=30)[1]
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*")} == before
    assert len(timeline.load(tmp_path / "out", "articles")) == 3
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_pathological_article_fails_or_passes_alone_and_stops_nothing(tmp_path):
    junk = ("1234567890" * 20_000 + "\x00\x01\ufffd" * 10_000 + " Kamis (24/2) " * 2_000)
    rows = [{"id": "junk", "text": junk, "published": "2022-03-01"}] + [
        {"id": f"ok{i}", "text": "Pasukan Rusia menyerang Kyiv pada Kamis (24/2).", "published": "2022-03-01"}
        for i in range(5)]
    standin.write_jsonl(tmp_path / "in.jsonl", rows)
    report = build([tmp_path / "in.jsonl"], tmp_path / "out", jobs=1)
    arts = timeline.load(tmp_path / "out", "articles")
    assert {f"ok{i}" for i in range(5)} <= set(arts["article_id"])
    assert report.articles == 6
