"""dataset/ is committed as `make dataset` builds it from raw/: rebuild and compare row for row."""
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline.build import build

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("table", ["articles", "dates", "events"])
def test_committed_dataset_matches_a_fresh_build(tmp_path_factory, table):
    out = tmp_path_factory.getbasetemp() / "rebuilt"
    if not out.exists():
        build([ROOT / "raw"], out)
    fresh = timeline.load(out, table)
    committed = timeline.load(ROOT / "dataset", table)
    if "source" in fresh:  # the source path depends on where raw/ was read from
        fresh["source"] = fresh["source"].map(lambda p: Path(p).name)
        committed["source"] = committed["source"].map(lambda p: Path(p).name)
    key = [c for c in ("article_id", "start", "trigger_start", "event_type") if c in fresh]
    fresh = fresh.sort_values(key).reset_index(drop=True)
    committed = committed.sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(fresh, committed, obj=f"{table} (run `make dataset` and commit dataset/)")


def test_committed_dataset_is_valid():
    assert timeline.validate(ROOT / "dataset") == []


def test_committed_dataset_was_built_by_this_code():
    import json

    from timeline.incremental import code_hash

    manifest = json.loads((ROOT / "dataset" / "_timeline.json").read_text(encoding="utf-8"))
    assert manifest["code"] == code_hash(), "dataset/ was built by other code: run `make dataset` and commit dataset/"
