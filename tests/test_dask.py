"""Determinism: the real pipeline gives the same rows and event_ids whatever --jobs or --engine."""
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import timeline
from timeline.build import build
from timeline.cli import main
from timeline.engines import EngineUnavailable, open_engine

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [ROOT / "raw"] + [p for p in [ROOT.parent / "shared" / "corpus" / "articles.jsonl"] if p.exists()]
TABLES = ("articles", "dates", "events")


def _tables(out):
    frames = {t: timeline.load(out, t) for t in TABLES}
    frames["articles"]["source"] = frames["articles"]["source"].map(lambda p: Path(p).name)
    return frames


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    out = tmp_path_factory.mktemp("det") / "jobs1"
    report = build(INPUTS, out, jobs=1)
    assert report.articles >= 4 and report.rows["events"] > 0
    return _tables(out)


def _same(a, b):
    for t in TABLES:
        pd.testing.assert_frame_equal(a[t], b[t], obj=t)  # row for row, in order


def test_two_worker_processes_give_identical_rows(reference, tmp_path):
    build(INPUTS, tmp_path / "jobs2", jobs=2, batch_size=1)  # one article per batch: both workers busy
    _same(reference, _tables(tmp_path / "jobs2"))


def test_rebuilding_gives_the_same_event_ids(reference, tmp_path):
    build(INPUTS, tmp_path / "again", jobs=1)
    assert list(_tables(tmp_path / "again")["events"]["event_id"]) == list(reference["events"]["event_id"])
    assert reference["events"]["event_id"].is_unique


def test_dask_local_cluster_gives_identical_rows(reference, tmp_path):
    pytest.importorskip("distributed")
    build(INPUTS, tmp_path / "dask", engine="dask", jobs=2, batch_size=2)  # a LocalCluster of 2 worker processes
    _same(reference, _tables(tmp_path / "dask"))


def test_dask_through_a_scheduler_address_gives_identical_rows(reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        build(INPUTS, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address, batch_size=3)
    _same(reference, _tables(tmp_path / "dask"))


def test_missing_dask_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    with pytest.raises(EngineUnavailable, match=r"pip install 'timeline\[dask\]'"):
        open_engine("dask", jobs=1)
    result = CliRunner().invoke(main, ["build", str(ROOT / "raw"), "-o", str(tmp_path / "o"), "--engine", "dask"])
    assert result.exit_code == 2 and "pip install" in result.stderr and not (tmp_path / "o").exists()
