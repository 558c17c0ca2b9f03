"""The command line: help with examples, exit codes 0/1/2, errors naming file and line, exports."""
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from timeline.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOOD = {"id": "g1", "published": "2022-03-01",
        "text": "Rusia menyerang Kyiv pada Senin (28/2). NATO mendesak Rusia menghentikan perang, Selasa (1/3)."}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "in").mkdir()
    lines = [json.dumps(GOOD), "{not json", json.dumps({"id": "nt"}),
             json.dumps({"id": "g2", "text": "Israel menggempur Rafah kemarin.", "published": "2024-01-10"})]
    (tmp_path / "in" / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\xff\xfe rusak")
    return tmp_path


@pytest.mark.parametrize("command", ["build", "validate", "export", "dates", "explain"])
def test_every_command_has_help_with_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Example:" in result.output


def test_build_reports_bad_input_by_file_and_line_and_builds_the_rest(corpus):
    result = run("build", corpus / "in", "-o", corpus / "out")
    assert result.exit_code == 1
    err = result.stderr
    assert f"{corpus / 'in' / 'a.jsonl'}:2:" in err and f"{corpus / 'in' / 'a.jsonl'}:3:" in err
    assert "bad.txt" in err and "UTF-8" in err and "Traceback" not in err
    arts = pd.read_parquet(corpus / "out" / "articles")
    assert sorted(arts["article_id"]) == ["g1", "g2"]


def test_build_strict_stops_and_leaves_output_untouched(corpus):
    result = run("build", corpus / "in", "-o", corpus / "out", "--strict")
    assert result.exit_code == 1 and not (corpus / "out").exists()


def test_build_without_input_files_exits_2(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("build", tmp_path / "empty", "-o", tmp_path / "out")
    assert result.exit_code == 2 and "no input files" in result.stderr
    assert run("build", tmp_path / "missing", "-o", tmp_path / "out").exit_code in (1, 2)


def test_bad_usage_exits_2(tmp_path):
    assert run("build").exit_code == 2
    assert run("build", tmp_path, "--published", "kemarin").exit_code == 2


def test_build_json_summary_on_stdout(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(GOOD), encoding="utf-8")
    result = run("build", tmp_path / "a.json", "-o", tmp_path / "out", "--json", "--quiet")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["articles"] == 1 and summary["errors"] == 0


@pytest.fixture
def built(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([GOOD, {"id": "g2", "published": "2024-01-10",
                                      "text": "Israel menggempur Rafah kemarin. Hamas mengecam serangan itu."}]),
                                      encoding="utf-8")
    assert run("build", tmp_path / "a.json", "-o", tmp_path / "out", "-q").exit_code == 0
    return tmp_path / "out"


def test_validate_exit_codes(built, tmp_path):
    assert run("validate", built).exit_code == 0
    (tmp_path / "broken" / "events").mkdir(parents=True)
    result = run("validate", tmp_path / "broken")
    assert result.exit_code == 1 and "articles" in result.stderr


def test_export_csv_opens_in_pandas_with_iso_dates(built, tmp_path):
    result = run("export", built, "--table", "events")
    df = pd.read_csv(io.StringIO(result.stdout))
    assert len(df) >= 2 and "event_date" in df and df["event_date"].str.match(r"\d{4}-\d\d-\d\d$").all()
    out = tmp_path / "e.csv"
    assert run("export", built, "--table", "dates", "-o", out).exit_code == 0
    assert len(pd.read_csv(out, encoding="utf-8")) >= 3


def test_export_filters(built):
    rows = [json.loads(l) for l in run("export", built, "--format", "jsonl", "--type", "attack").stdout.splitlines()]
    assert rows and {r["event_type"] for r in rows} == {"attack"}
    late = [json.loads(l) for l in run("export", built, "--format", "jsonl", "--since", "2023-01-01").stdout.splitlines()]
    assert late and all(r["event_date"] >= "2023-01-01" for r in late)
    early = [json.loads(l) for l in run("export", built, "--format", "jsonl", "--until", "2022-12-31").stdout.splitlines()]
    assert early and all(r["event_date"] <= "2022-12-31" for r in early)
    assert run("export", built, "--type", "parade").exit_code == 2


def test_dates_command(tmp_path):
    result = run("dates", "Serangan dimulai sejak Kamis (24/2) lalu.", "--anchor", "2022-03-01", "--format", "json")
    rows = json.loads(result.stdout)["dates"]
    assert [(r["text"], r["date_start"]) for r in rows] == [("Kamis (24/2)", "2022-02-24")]
    table = run("dates", "Serangan dimulai sejak Kamis (24/2) lalu.", "--anchor", "2022-03-01").stdout
    assert "2022-02-24" in table


def test_explain_marks_the_trigger(built):
    ev = pd.read_parquet(built / "events")
    eid = ev["event_id"].iloc[0]
    result = run("explain", built, eid)
    assert result.exit_code == 0 and eid in result.stdout and "[" in result.stdout
    assert run("explain", built, "nope").exit_code == 1


def test_console_script_runs():
    exe = Path(sys.executable).with_name("timeline")
    out = subprocess.run([exe, "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and "timeline" in out.stdout
