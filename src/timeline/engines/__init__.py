"""Engines map the per-article `process` over batches of articles and hand back results in input order.

A batch result carries its rows as Arrow tables (cheap to send between processes and ready to
write) plus the articles that failed. Every engine runs the very same `run_batch`, so rows do
not depend on the engine or the number of workers; the build writes what engines return.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Protocol

import pyarrow as pa

from .. import __version__, schema
from ..model import Article, ArticleResult
from ..rows import Columns, to_columns
from ..writer import from_columns

ProcessFn = Callable[[Article, "date | None"], ArticleResult]

BATCH_ARTICLES = 128  # articles per batch: amortises per-batch costs (measured: 2-3% faster than 64; 256 loses at the tail)
BATCH_CHARS = 1_000_000  # ... and a batch is cut early past this much text, so a huge article travels alone


class EngineUnavailable(Exception):
    """The engine asked for cannot run here (e.g. Dask is not installed)."""


@dataclass(frozen=True)
class ArticleError:
    """One article that produced no rows, and why."""

    article_id: str
    source: str
    message: str


@dataclass
class BatchResult:
    """The rows of a batch of articles, as Arrow tables, and the articles that failed."""

    n: int
    tables: dict[str, pa.Table]
    errors: list[ArticleError]
    version: str = __version__


class Engine(Protocol):
    def map(self, batches: Iterable[list[Article]], published: date | None) -> Iterator[BatchResult]: ...

    def close(self, abort: bool = False) -> None: ...


def run_batch(articles: list[Article], published: date | None = None, fn: ProcessFn | None = None) -> BatchResult:
    """Process a batch of articles, one by one, in order; never raises for a bad article."""
    from ..worker import run

    return collect_columns(run(articles, published, fn))


def collect(results: list[ArticleResult]) -> BatchResult:
    """Article results -> one Arrow table per table; rows that do not fit the schema fail their article."""
    return collect_columns(to_columns(results))


def collect_columns(cols: Columns) -> BatchResult:
    """A batch's column lists (``rows.to_columns``, made by a worker) -> Arrow tables; when rows
    do not fit the schema, each article is tried alone and only the misfits fail."""
    errors = {i: ArticleError(r.article_id, r.source, r.error) for i, r in cols.failed}
    try:
        tables = _arrow(cols.tables)
    except _MISFIT:
        parts = []
        for k, (i, article_id, source) in enumerate(cols.good):
            try:
                parts.append(_arrow(cols.article(k).tables))
            except _MISFIT as exc:
                errors[i] = ArticleError(article_id, source, f"internal error: rows do not fit schema.json: {exc}")
        tables = {name: pa.concat_tables([empty(name)] + [p[name] for p in parts]) for name in schema.TABLES}
    return BatchResult(cols.n, tables, [errors[i] for i in sorted(errors)])


_MISFIT = (pa.ArrowException, TypeError, ValueError, OverflowError)


def _arrow(tables: dict[str, dict[str, list]]) -> dict[str, pa.Table]:
    return {name: from_columns(name, cols) for name, cols in tables.items()}


def empty(name: str) -> pa.Table:
    return schema.arrow_schema(name).empty_table()


def merge(parts: list[BatchResult]) -> BatchResult:
    """Batch results -> one, in order."""
    tables = {name: pa.concat_tables([p.tables[name] for p in parts]) for name in parts[0].tables}
    return BatchResult(sum(p.n for p in parts), tables, [e for p in parts for e in p.errors])


def crashed(article: Article, how: str) -> BatchResult:
    """The result of an article whose worker died while processing it."""
    return BatchResult(1, {name: empty(name) for name in schema.TABLES}, [ArticleError(article.id, article.source, how)])


def batched(articles: Iterable[Article], size: int = BATCH_ARTICLES, chars: int = BATCH_CHARS) -> Iterator[list[Article]]:
    """Consecutive batches of at most `size` articles and about `chars` characters of text."""
    batch: list[Article] = []
    n_chars = 0
    for article in articles:
        if batch and n_chars + len(article.text) > chars:
            yield batch
            batch, n_chars = [], 0
        batch.append(article)
        n_chars += len(article.text)
        if len(batch) >= size:
            yield batch
            batch, n_chars = [], 0
    if batch:
        yield batch


def open_engine(name: str = "local", jobs: int | None = None, scheduler: str | None = None,
                fn: ProcessFn | None = None, timeout: float | None = None) -> Engine:
    """The engine called `name` ('local' or 'dask'), ready to map batches (`timeout`: local only)."""
    if name == "local":
        from .local import LocalEngine

        return LocalEngine(jobs, fn=fn, timeout=timeout)
    if name == "dask":
        from .dask import DaskEngine

        return DaskEngine(jobs, scheduler=scheduler, fn=fn)
    raise ValueError(f"unknown engine {name!r}; engines are local, dask")


def cpu_count() -> int:
    """Cores this process may use (the affinity mask, not just the machine's count)."""
    import os

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
