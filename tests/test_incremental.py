"""Incremental builds: only new or changed articles are processed; the rest is carried over, atomically."""
import json
import os
from datetime import date

import pytest
from click.testing import CliRunner

import standin
import timeline
from timeline import incremental
from timeline.build import Incompatible, build
from timeline.cli import main
from timeline.writer import write_results


class Counting:
    """The stand-in process, counting the articles it is given (jobs=1 runs it in this process)."""

    def __init__(self):
        self.seen = []

    def __call__(self, article, published=None):
        self.seen.append(article.id)
        return standin.process(article, published)


def _build(inputs, out, **kw):
    fn = Counting()
    report = build(inputs, out, jobs=1, fn=fn, **kw)
    return report, fn.seen


def _rows(out, table):
    df = timeline.load(out, table)
    key = {"articles": ["article_id"], "dates": ["article_id", "start"], "events": ["article_id", "trigger_start"]}
    return df.sort_values(key[table]).reset_index(drop=True)


@pytest.fixture
def first(tmp_path):
    rows = standin.texts(60)
    standin.write_jsonl(tmp_path / "in" / "a.jsonl", rows)
    report, seen = _build([tmp_path / "in"], tmp_path / "out")
    assert len(seen) == 60 and report.unchanged == 0
    return tmp_path, rows


def test_adding_articles_processes_only_the_new_ones(first):
    tmp, rows = first
    new = standin.texts(5, seed=1)
    standin.write_jsonl(tmp / "in" / "b.jsonl", new)
    report, seen = _build([tmp / "in"], tmp / "out")
    assert seen == [r["id"] for r in new]
    assert (report.articles, report.processed, report.unchanged, report.replaced) == (65, 5, 60, 0)
    assert len(timeline.load(tmp / "out", "articles")) == 65 and timeline.validate(tmp / "out") == []


def test_incremental_result_equals_a_fresh_build(first):
    tmp, rows = first
    standin.write_jsonl(tmp / "in" / "b.jsonl", standin.texts(5, seed=1))
    changed = [dict(r, text=r["text"] + " serang 2023") if i % 10 == 0 else r for i, r in enumerate(rows)]
    standin.write_jsonl(tmp / "in" / "a.jsonl", changed)
    _build([tmp / "in"], tmp / "out")
    _build([tmp / "in"], tmp / "fresh")
    for table in ("articles", "dates", "events"):
        a, b = _rows(tmp / "out", table), _rows(tmp / "fresh", table)
        assert a.equals(b), table


def test_a_changed_article_replaces_its_old_rows(first):
    tmp, rows = first
    rows[3] = dict(rows[3], text="tarik 2016")
    standin.write_jsonl(tmp / "in" / "a.jsonl", rows)
    report, seen = _build([tmp / "in"], tmp / "out")
    assert seen == [rows[3]["id"]] and report.replaced == 1
    ev = timeline.load(tmp / "out", "events")
    mine = ev[ev["article_id"] == rows[3]["id"]]
    assert list(mine["event_type"]) == ["withdrawal"] and len(timeline.load(tmp / "out", "articles")) == 60


def test_metadata_and_pipeline_version_changes_count_as_changes(first, monkeypatch):
    tmp, rows = first
    rows[0] = dict(rows[0], published="2021-01-01", url="https://example.org/x")
    standin.write_jsonl(tmp / "in" / "a.jsonl", rows)
    assert _build([tmp / "in"], tmp / "out")[1] == [rows[0]["id"]]
    undated = [r["id"] for r in rows if r["published"] is None]
    assert undated and _build([tmp / "in"], tmp / "out", published=date(2022, 3, 1))[1] == undated
    monkeypatch.setattr(incremental, "PIPELINE_VERSION", "99.0")
    assert len(_build([tmp / "in"], tmp / "out")[1]) == 60


def test_a_dataset_built_by_other_code_is_reprocessed(first, monkeypatch):
    tmp, _ = first
    assert _build([tmp / "in"], tmp / "out")[1] == []
    monkeypatch.setattr(incremental, "code_hash", lambda: "edited-rules")  # same version string, new rules
    report, seen = _build([tmp / "in"], tmp / "out")
    assert len(seen) == 60 and report.replaced == 60


def test_unchanged_files_are_hard_linked_not_rewritten(first):
    tmp, _ = first
    before = {p.relative_to(tmp / "out"): p.stat().st_ino for p in (tmp / "out").rglob("*.parquet")}
    standin.write_jsonl(tmp / "in" / "b.jsonl", standin.texts(2, seed=1))
    _build([tmp / "in"], tmp / "out")
    after = {p.relative_to(tmp / "out"): p.stat().st_ino for p in (tmp / "out").rglob("*.parquet")}
    assert all(after[k] == ino for k, ino in before.items())
    assert len(after) > len(before)
    assert json.loads((tmp / "out" / "_timeline.json").read_text())["generation"] == 1


def test_rebuild_starts_over(first):
    tmp, rows = first
    standin.write_jsonl(tmp / "other" / "c.jsonl", standin.texts(4, seed=2))
    report, seen = _build([tmp / "other"], tmp / "out", rebuild=True)
    assert len(seen) == 4 and len(timeline.load(tmp / "out", "articles")) == 4


def test_a_failed_incremental_build_leaves_the_dataset_as_it_was(first):
    tmp, _ = first
    before = sorted(p.relative_to(tmp / "out") for p in (tmp / "out").rglob("*"))
    standin.write_jsonl(tmp / "in" / "b.jsonl", standin.texts(3, seed=1))

    def boom(article, published=None):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build([tmp / "in"], tmp / "out", jobs=1, fn=boom)
    assert sorted(p.relative_to(tmp / "out") for p in (tmp / "out").rglob("*")) == before
    assert not [p for p in tmp.iterdir() if p.name.startswith(".")]


def test_a_flat_dataset_from_an_older_build_is_carried_into_the_hive_layout(tmp_path):
    arts = standin.articles(20)
    write_results([standin.process(a) for a in arts], tmp_path / "out")
    assert (tmp_path / "out" / "events" / "part-00000.parquet").exists()
    standin.write_jsonl(tmp_path / "b.jsonl", standin.texts(2, seed=5))
    report, seen = _build([tmp_path / "b.jsonl"], tmp_path / "out")
    assert len(seen) == 2
    assert not list((tmp_path / "out" / "events").glob("*.parquet"))  # all under year=...
    assert len(timeline.load(tmp_path / "out", "articles")) == 22 and timeline.validate(tmp_path / "out") == []


def test_an_output_folder_that_is_not_a_dataset_is_refused(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "thesis.tex").write_text("precious", encoding="utf-8")
    standin.write_jsonl(tmp_path / "a.jsonl", standin.texts(2))
    with pytest.raises(Incompatible):
        build([tmp_path / "a.jsonl"], tmp_path / "docs", jobs=1, fn=standin.process)
    result = CliRunner().invoke(main, ["build", str(tmp_path / "a.jsonl"), "-o", str(tmp_path / "docs")])
    assert result.exit_code == 2 and "not a timeline dataset" in result.stderr
    assert (tmp_path / "docs" / "thesis.tex").exists()


def test_cli_summary_counts_unchanged_articles(first):
    tmp, _ = first
    result = CliRunner().invoke(main, ["build", str(tmp / "in"), "-o", str(tmp / "out"), "--json", "-q", "--jobs", "1"])
    summary = json.loads(result.stdout)
    assert summary["unchanged"] == 60 and summary["processed"] == 0 and result.exit_code == 0
    assert os.path.isdir(tmp / "out" / "events")
