"""What the local engine's worker processes import: the pipeline and nothing heavier (no
pyarrow: results go back as column lists, so each worker stays small)."""
from __future__ import annotations

import multiprocessing as mp
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from datetime import date

from .model import Article
from .pipeline import process_batch
from .rows import Columns, to_columns

__all__ = ["context", "init", "ping", "prestart", "run", "sigint_deferred", "sigint_ignored"]


def run(articles: list[Article], published: date | None = None, fn=None) -> Columns:
    """A batch through the pipeline (`fn`, default `pipeline.process`), as column lists."""
    return to_columns(process_batch(articles, published, fn))


def init() -> None:
    """Worker initializer: Ctrl-C is the parent's to handle (no worker tracebacks)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def ping() -> bool:
    """A no-op task: the pool has started once it answers."""
    return True


def context():
    """Where worker processes come from: a fork server that has imported and warmed up the
    pipeline (``timeline.warm``) and forks each worker from itself; spawn where there is none."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["timeline.warm"])
    return ctx


def prestart() -> None:
    """Start the fork server now, so its warm-up overlaps this process's own start-up."""
    if context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        with sigint_ignored():
            forkserver.ensure_running()


@contextmanager
def sigint_ignored() -> Iterator[None]:
    """Ignore Ctrl-C while starting worker processes, so they inherit SIG_IGN and never print
    KeyboardInterrupt tracebacks: Ctrl-C is the build's to handle (it stops the workers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


@contextmanager
def sigint_deferred() -> Iterator[None]:
    """Hold Ctrl-C back until the block is done, then raise it: for steps that a KeyboardInterrupt
    must not cut in half (asking the fork server for a worker: a half-made one would linger)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    old = signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)
    if received:
        raise KeyboardInterrupt
