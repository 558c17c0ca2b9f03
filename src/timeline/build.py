"""`timeline build`: stream articles from the inputs through an engine into a dataset, incrementally.

Inputs are read lazily; articles already in OUT with the same fingerprint (text hash, pipeline
version, metadata; see incremental.py) are skipped, the rest go to the engine in batches, and
the rows it returns are written as row groups while later batches are still being processed.
OUT is replaced only when the build completes (Ctrl-C, an error or --strict leave it as it was).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from .engines import BATCH_ARTICLES, BatchResult, ProcessFn, batched, open_engine
from .ids import IdSet
from .incremental import Incompatible, Previous, code_hash, fingerprint
from .ingest import SUFFIXES, IngestError, discover, kind, read_articles
from .model import Article
from .writer import HIVE, DatasetWriter

__all__ = ["build", "BuildReport", "Incompatible", "NoInput", "StrictStop", "count_articles"]


class NoInput(Exception):
    """The inputs hold no article files at all."""


class StrictStop(Exception):
    """--strict: the first bad input stops the build."""


@dataclass
class BuildReport:
    """What a build did: counts and every problem met, each naming its file (and line)."""

    articles: int = 0  # articles read from the inputs (processed, failed or unchanged)
    processed: int = 0  # of which sent through the pipeline (new or changed)
    unchanged: int = 0  # of which already in OUT with the same fingerprint: kept, not processed
    replaced: int = 0  # of which already in OUT with another fingerprint: their old rows replaced
    failed: int = 0  # articles that produced no rows
    rows: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    changed_ids: set[str] = field(default_factory=set, repr=False)  # their previous rows are dropped


ErrorFn = Callable[[str], None]
ProgressFn = Callable[[BuildReport], None]


def build(inputs: Iterable[str | os.PathLike], out: str | os.PathLike, published: date | None = None,
          strict: bool = False, jobs: int | None = None, engine: str = "local", scheduler: str | None = None,
          rebuild: bool = False, on_error: ErrorFn = lambda m: None, on_progress: ProgressFn = lambda r: None,
          fn: ProcessFn | None = None, batch_size: int = BATCH_ARTICLES, timeout: float | None = None) -> BuildReport:
    """Build OUT from the inputs (adding to what OUT holds unless `rebuild`); OUT is replaced only on success.

    `jobs`: worker processes (default: all cores); `engine`: 'local' or 'dask' (`scheduler`: a
    Dask scheduler address, else a LocalCluster); `fn`: the per-article function (default
    pipeline.process; tests pass stand-ins); `batch_size`: articles sent to a worker at a time;
    `timeout`: seconds after which a batch that heads the queue is rerun article by article and
    an article that alone takes longer fails (local engine with workers; None: no limit).
    """
    inputs = list(inputs)
    report = BuildReport()
    previous = None if rebuild else Previous.open(out)
    generation = previous.generation + 1 if previous else 0
    with DatasetWriter(out, layout=HIVE, generation=generation) as writer:
        todo = _todo(_articles(inputs, report, strict, on_error), previous, published, report, on_progress)
        eng = open_engine(engine, jobs, scheduler, fn, timeout)
        try:
            for result in eng.map(batched(todo, batch_size), published):
                _record(result, writer, report, strict, on_error)
                on_progress(report)
        except BaseException:
            eng.close(abort=True)
            raise
        eng.close()
        if previous:
            previous.carry_over(writer, drop=report.changed_ids)
        report.rows = writer.commit({"articles_failed": report.failed, "errors": len(report.errors),
                                     "build": _summary(report), "code": code_hash()})
    return report


def _summary(report: BuildReport) -> dict[str, int]:
    return {"articles": report.articles, "processed": report.processed, "unchanged": report.unchanged,
            "replaced": report.replaced, "failed": report.failed}


def _record(result: BatchResult, writer: DatasetWriter, report: BuildReport, strict: bool, on_error: ErrorFn) -> None:
    report.processed += result.n
    writer.add_tables(result.tables)
    for err in result.errors:
        report.failed += 1
        _fail(f"{err.source or '?'}: article {err.article_id!r}: {err.message}", report, strict, on_error)


def _todo(articles: Iterator[Article], previous: Previous | None, published: date | None, report: BuildReport,
          on_progress: ProgressFn) -> Iterator[Article]:
    """The articles to process: all of them, or (incremental) those new or changed since OUT was built."""
    for article in articles:
        report.articles += 1
        if previous is not None:
            old = previous.fingerprints.get(article.id)
            if old is not None and previous.same_code and old == fingerprint(article, published):
                report.unchanged += 1
                on_progress(report)
                continue
            if old is not None:
                report.replaced += 1
                report.changed_ids.add(article.id)
        yield article


def _articles(inputs: Iterable[str | os.PathLike], report: BuildReport, strict: bool,
              on_error: ErrorFn) -> Iterator[Article]:
    seen = IdSet()  # 8 bytes an id: a million-article build holds no million strings
    found_any = False
    for item in read_articles(inputs):
        found_any = True
        if isinstance(item, IngestError):
            _fail(str(item), report, strict, on_error)
        elif not seen.add(item.id):
            _fail(f"{item.source}: duplicate article id {item.id!r}; the later one is skipped", report, strict, on_error)
        else:
            yield item
    if not found_any:
        raise NoInput(f"no input files found (expected {', '.join(SUFFIXES)})")


def _fail(message: str, report: BuildReport, strict: bool, on_error: ErrorFn) -> None:
    report.errors.append(message)
    on_error(message)
    if strict:
        raise StrictStop(message)


def count_articles(inputs: Iterable[str | os.PathLike], limit_bytes: int = 4 << 30) -> int | None:
    """About how many articles the inputs hold, if that is cheap to know (for an ETA); else None.

    .txt/.md count one each and .jsonl lines are counted; .json and .jsonl.gz would need parsing
    or decompressing, so they make the total unknown.
    """
    total = n_bytes = 0
    for found in discover(inputs):
        if isinstance(found, IngestError):
            continue
        path, _ = found
        suffix = kind(path)
        if suffix in (".txt", ".md"):
            total += 1
        elif suffix == ".jsonl":
            n_bytes += path.stat().st_size
            if n_bytes > limit_bytes:
                return None
            total += _count_lines(path)
        else:
            return None
    return total


def _count_lines(path) -> int:
    n, last = 0, b"\n"
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            n += chunk.count(b"\n")
            last = chunk[-1:]
    return n + (last != b"\n")
