"""`timeline build`: stream articles from the inputs through the pipeline into a dataset."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from .dataset import DatasetWriter
from .ingest import IngestError, read_articles
from .model import Article, ArticleResult
from .pipeline import process


class NoInput(Exception):
    """The inputs hold no article files at all."""


class StrictStop(Exception):
    """--strict: the first bad input stops the build."""


@dataclass
class BuildReport:
    """What a build did: counts and every problem met, each naming its file (and line)."""

    articles: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _articles(inputs: Iterable[str | os.PathLike], report: BuildReport, strict: bool,
              on_error: Callable[[str], None]) -> Iterator[Article]:
    seen: set[str] = set()
    found_any = False
    for item in read_articles(inputs):
        found_any = True
        if isinstance(item, IngestError):
            _fail(str(item), report, strict, on_error)
        elif item.id in seen:
            _fail(f"{item.source}: duplicate article id {item.id!r}; the later one is skipped", report, strict, on_error)
        else:
            seen.add(item.id)
            yield item
    if not found_any:
        raise NoInput("no input files found (expected .txt, .md, .json, .jsonl or .jsonl.gz)")


def _fail(message: str, report: BuildReport, strict: bool, on_error: Callable[[str], None]) -> None:
    report.errors.append(message)
    on_error(message)
    if strict:
        raise StrictStop(message)


def build(inputs: Iterable[str | os.PathLike], out: str | os.PathLike, published: date | None = None,
          strict: bool = False, on_error: Callable[[str], None] = lambda m: None,
          on_article: Callable[[ArticleResult], None] = lambda r: None) -> BuildReport:
    """Build OUT from the inputs. OUT is replaced only when the build completes."""
    report = BuildReport()
    with DatasetWriter(out) as writer:
        for article in _articles(inputs, report, strict, on_error):
            result = process(article, published)
            if result.error:
                _fail(f"{article.source}: article {article.id!r}: {result.error}", report, strict, on_error)
            writer.add(result)
            report.articles += 1
            on_article(result)
        report.rows = writer.commit({"articles_failed": len(report.errors)})
    return report
