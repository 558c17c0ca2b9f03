"""Engines: ordered results whatever the number of workers; a crashing article fails alone."""
import pyarrow as pa

import standin
from timeline.engines import batched, collect, run_batch
from timeline.engines.local import CRASHED, TIMED_OUT, LocalEngine
from timeline.model import Article, ArticleResult


def _concat(results):
    results = list(results)
    tables = {t: pa.concat_tables([r.tables[t] for r in results]) for t in ("articles", "dates", "events")}
    return tables, [e for r in results for e in r.errors], sum(r.n for r in results)


def _run(articles, jobs, size=8):
    with LocalEngine(jobs, fn=standin.process) as engine:
        return _concat(engine.map(batched(articles, size), None))


def test_batches_cut_by_count_and_by_text_size():
    arts = standin.articles(10)
    assert [len(b) for b in batched(arts, 4)] == [4, 4, 2]
    big = [Article(id=str(i), text="x" * 600) for i in range(5)]
    assert [len(b) for b in batched(big, 64, chars=1000)] == [1, 1, 1, 1, 1]


def test_two_workers_give_the_same_rows_in_the_same_order_as_one():
    arts = standin.articles(120)
    one, two = _run(arts, 1), _run(arts, 2, size=5)
    for table in one[0]:
        assert one[0][table].equals(two[0][table]), table
    assert one[2] == two[2] == 120 and len(one[0]["events"]) > 100


def test_an_article_that_hangs_fails_alone_after_the_timeout():
    arts = standin.articles(30)
    arts[7] = Article(id="sleeper", text="serang HANG 2020", source="slow.jsonl")
    with LocalEngine(2, fn=standin.process, timeout=3) as engine:
        results = list(engine.map(batched(arts, 4), None))
    tables, errors, n = _concat(results)
    assert n == 30
    assert [(e.article_id, e.source, e.message) for e in errors] == [("sleeper", "slow.jsonl", TIMED_OUT.format(3))]
    assert tables["articles"].column("article_id").to_pylist() == [a.id for a in arts if a.id != "sleeper"]
    assert engine.restarts >= 2  # the batch's workers, then the article's, were stopped


def test_a_worker_crash_fails_only_its_article():
    arts = standin.articles(40)
    arts[13] = Article(id="killer", text="serang CRASH 2020", source="bad.jsonl")
    tables, errors, n = _run(arts, 2, size=4)
    assert n == 40
    assert [(e.article_id, e.source, e.message) for e in errors] == [("killer", "bad.jsonl", CRASHED)]
    ids = tables["articles"].column("article_id").to_pylist()
    assert ids == [a.id for a in arts if a.id != "killer"]  # order kept, nothing lost


def test_failed_articles_are_reported_in_order():
    arts = standin.articles(6)
    arts[2] = Article(id="f1", text="FAIL")
    arts[4] = Article(id="f2", text="FAIL")
    result = run_batch(arts, None, standin.process)
    assert [e.article_id for e in result.errors] == ["f1", "f2"]
    assert len(result.tables["articles"]) == 4


def test_rows_that_do_not_fit_the_schema_fail_their_article_only():
    good = standin.process(Article(id="a", text="serang 2020"))
    bad = standin.process(Article(id="b", text="serang HUGE 2020"))
    result = collect([good, bad, ArticleResult("c", "x", error="boom")])
    assert result.tables["articles"].column("article_id").to_pylist() == ["a"]
    assert [(e.article_id, "schema" in e.message or e.message) for e in result.errors] == [("b", True), ("c", "boom")]


def test_a_single_batch_runs_without_starting_workers():
    engine = LocalEngine(2, fn=standin.process)
    results = list(engine.map(batched(standin.articles(3)), None))
    assert engine._pool is None and results[0].n == 3


def test_a_misfit_between_good_articles_keeps_each_good_articles_own_rows():
    arts = [Article(id="a", text="serang 2020"), Article(id="b", text="serang HUGE 2020"),
            Article(id="d", text="serang 2021 serang 2022")]
    whole = collect([standin.process(x) for x in arts])
    alone = [collect([standin.process(x)]) for x in (arts[0], arts[2])]
    for table in ("articles", "dates", "events"):
        assert whole.tables[table].equals(pa.concat_tables([r.tables[table] for r in alone]))
    assert [e.article_id for e in whole.errors] == ["b"]


def test_worker_processes_import_no_pyarrow():
    import subprocess
    import sys

    code = "import sys, timeline.worker, timeline.warm; print(sorted(m for m in ('pyarrow', 'pandas') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_warm_up_runs_the_sample_and_tolerates_a_language_without_one(monkeypatch):
    from timeline import pipeline
    from timeline.lang import read_text

    assert pipeline.extract(read_text("id", "sample.txt"), "2022-03-01").events  # the sample exercises events
    pipeline.warm_up("id")
    monkeypatch.setattr(pipeline, "process", lambda a, d=None: (_ for _ in ()).throw(AssertionError("ran")))
    pipeline.warm_up("xx")  # no such resources: skipped, no error


def test_ctrl_c_inside_a_deferred_block_is_raised_when_it_ends():
    import os
    import signal

    import pytest

    from timeline.worker import sigint_deferred

    steps = []
    with pytest.raises(KeyboardInterrupt):
        with sigint_deferred():
            os.kill(os.getpid(), signal.SIGINT)
            steps.append("finished the block")
    assert steps == ["finished the block"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
