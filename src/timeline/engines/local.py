"""The local engine: batches of articles to worker processes, results back in input order.

Workers run `worker.run` (the pipeline, then rows to column lists) and send back lists; this
process only wraps them as Arrow tables (`collect_columns`). Workers thus never import pyarrow,
which keeps each of them small.

With one job (or a single batch of input) everything runs in this process. Otherwise a
ProcessPoolExecutor on the forkserver start method (workers fork from a server that has
already imported the pipeline) holds at most `window` batches at a time, so memory stays flat
however long the input. A worker that dies (segfault, OOM kill) breaks every batch in flight:
the pool is restarted, the batch at the head is rerun article by article with nothing else in
flight, so the article that kills its worker fails alone with a clear error, and the other
batches are resubmitted whole.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from itertools import chain, islice

from .. import worker
from ..model import Article
from ..worker import sigint_ignored
from . import BatchResult, EngineUnavailable, ProcessFn, collect_columns, cpu_count, crashed, merge, run_batch

CRASHED = "worker process died while processing this article (crash, or killed e.g. for lack of memory); skipped"
TIMED_OUT = "took longer than {:g} s (--timeout); its worker was stopped and the article skipped"


@dataclass
class _Job:
    batch: list[Article]
    future: Future
    pool: int  # which pool (restart count) it was submitted to


class LocalEngine:
    """Ordered map of `run_batch` over batches on `jobs` worker processes (one job: in this process)."""

    def __init__(self, jobs: int | None = None, fn: ProcessFn | None = None, window: int | None = None,
                 timeout: float | None = None):
        """`timeout`: seconds a batch may take once it heads the queue (it is running by then);
        past it the workers are stopped and the batch rerun article by article, each with the
        same limit, so an article that hangs fails alone. None: no limit (nor with one job)."""
        self.jobs = max(1, jobs or cpu_count())
        self.fn = fn
        self.timeout = timeout or None
        self.window = window or 2 * self.jobs + 1
        self._pool: ProcessPoolExecutor | None = None
        self._pool_id = 0
        self._pending: deque[_Job] = deque()
        self.restarts = 0

    def map(self, batches: Iterable[list[Article]], published: date | None) -> Iterator[BatchResult]:
        it = iter(batches)
        head = list(islice(it, 2))
        if self.jobs == 1 or len(head) < 2:  # not worth starting workers
            for batch in chain(head, it):
                yield run_batch(batch, published, self.fn)
            return
        for batch in chain(head, it):
            self._pending.append(self._submit(batch, published))
            while len(self._pending) >= self.window:
                yield self._next(published)
        while self._pending:
            yield self._next(published)

    def _submit(self, batch: list[Article], published: date | None) -> _Job:
        if self._pool is None:
            self._pool = _new_pool(self.jobs)
            self._pool_id += 1
        try:
            with worker.sigint_deferred():  # a submit may start a worker: not to be cut in half
                future = self._pool.submit(worker.run, batch, published, self.fn)
        except BrokenProcessPool as exc:  # broken under an earlier batch: this one is resubmitted after the restart
            future = Future()
            future.set_exception(exc)
        return _Job(batch, future, self._pool_id)

    def _next(self, published: date | None) -> BatchResult:
        while True:
            job = self._pending[0]
            try:
                result = collect_columns(job.future.result(timeout=self.timeout))
                break
            except FutureTimeout:  # a hang, or an article far slower than any should be
                self._restart(kill=True)
                result = self._one_by_one(job.batch, published)
                break
            except BrokenProcessPool:
                if job.pool == self._pool_id:  # the pool broke under this batch: find the culprit
                    self._restart()
                    result = self._one_by_one(job.batch, published)
                    break
                self._resubmit(published)  # a victim of an earlier crash
        self._pending.popleft()
        self._resubmit(published)
        return result

    def _resubmit(self, published: date | None) -> None:
        """Send again the batches a broken pool took down (those it had finished are kept)."""
        for i, job in enumerate(self._pending):
            f = job.future
            finished = f.done() and not f.cancelled() and f.exception() is None
            if job.pool != self._pool_id and not finished:
                self._pending[i] = self._submit(job.batch, published)

    def _one_by_one(self, batch: list[Article], published: date | None) -> BatchResult:
        """Rerun a batch article by article, alone in the pool: a crash or time-out now is that article's."""
        parts = []
        for article in batch:
            try:
                parts.append(collect_columns(self._submit([article], published).future.result(timeout=self.timeout)))
            except FutureTimeout:
                self._restart(kill=True)
                parts.append(crashed(article, TIMED_OUT.format(self.timeout)))
            except BrokenProcessPool:
                self._restart()
                parts.append(crashed(article, CRASHED))
        return merge(parts)

    def _restart(self, kill: bool = False) -> None:
        """Drop the pool (its batches in flight are resubmitted); `kill`: stop its workers first."""
        self.restarts += 1
        pool, self._pool = self._pool, None
        if pool is not None:
            _stop(pool, kill)

    def close(self, abort: bool = False) -> None:
        """Stop the workers: wait for them, or (abort) kill them at once."""
        pool, self._pool = self._pool, None
        self._pending.clear()
        if pool is None:
            return
        if not abort:
            pool.shutdown(wait=True)
            return
        _stop(pool, kill=True)

    def __enter__(self) -> "LocalEngine":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(abort=exc_type is not None)


def _stop(pool: ProcessPoolExecutor, kill: bool) -> None:
    """Shut a pool down without waiting; `kill`: kill its worker processes too."""
    procs = list((getattr(pool, "_processes", None) or {}).values()) if kill else []
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        try:
            p.kill()
        except (OSError, ValueError):
            pass


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of `jobs` workers, checked to start (else EngineUnavailable, not a crash loop)."""
    ctx = worker.context()
    forked = ctx.get_start_method() == "forkserver"
    if forked:
        worker.prestart()  # the fork server starts deaf to Ctrl-C, and so are the workers it forks
    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=worker.init)
    try:
        # Spawned workers are made deaf by starting them with Ctrl-C ignored here. Forked ones are
        # deaf already; asking for one waits for the fork server's warm-up, and a Ctrl-C then is
        # held back until the worker is made (cut in half, it would linger), not lost.
        with worker.sigint_deferred() if forked else sigint_ignored():
            ping = pool.submit(worker.ping)
        ping.result()
    except BrokenProcessPool:
        pool.shutdown(wait=False)
        raise EngineUnavailable("worker processes fail to start (is the main script importable? "
                                "see the lines above); use --jobs 1") from None
    except BaseException:  # Ctrl-C while starting: no worker outlives this process
        _stop(pool, kill=True)
        raise
    return pool
