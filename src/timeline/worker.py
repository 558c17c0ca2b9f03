"""What the local engine's worker processes import: the pipeline and nothing heavier (no
pyarrow: results go back as column lists, so each worker stays small)."""
from __future__ import annotations

import signal

from datetime import date

from .model import Article
from .pipeline import process_batch
from .rows import Columns, to_columns

__all__ = ["init", "ping", "run"]


def run(articles: list[Article], published: date | None = None, fn=None) -> Columns:
    """A batch through the pipeline (`fn`, default `pipeline.process`), as column lists."""
    return to_columns(process_batch(articles, published, fn))


def init() -> None:
    """Worker initializer: Ctrl-C is the parent's to handle (no worker tracebacks)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def ping() -> bool:
    """A no-op task: the pool has started once it answers."""
    return True
