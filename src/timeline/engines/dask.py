"""The Dask engine: the same `run_batch` on a Dask cluster, results back in input order.

The input is read here, lazily, and sent to the cluster as partitions (batches of articles,
at most `window` in flight); each worker runs the very `process` the local engine runs and
returns Arrow tables, which this process writes with the same writer, so the dataset is
identical row for row. Without a scheduler address a LocalCluster with `jobs` single-threaded
worker processes is started. A task whose worker keeps dying (Dask retries it on other
workers first) is rerun article by article, so only the article that kills workers fails.
Dask is imported only here: the core install does not need it.
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date

from .. import __version__
from ..model import Article
from ..worker import sigint_ignored
from . import BatchResult, EngineUnavailable, ProcessFn, cpu_count, crashed, merge, run_batch
from .local import CRASHED

INSTALL = "the dask engine needs Dask: pip install 'timeline[dask]'"


def _distributed():
    try:
        import distributed
    except ImportError:
        raise EngineUnavailable(INSTALL) from None
    return distributed


class DaskEngine:
    """Ordered map of `run_batch` over batches on a Dask cluster."""

    def __init__(self, jobs: int | None = None, scheduler: str | None = None, fn: ProcessFn | None = None,
                 processes: bool = True, window: int | None = None):
        dd = _distributed()
        self.fn, self.cluster = fn, None
        self._killed = dd.KilledWorker
        if scheduler:
            try:
                self.client = dd.Client(scheduler, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise EngineUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            with sigint_ignored():  # worker processes inherit it: Ctrl-C is the build's to handle
                self.cluster = dd.LocalCluster(n_workers=max(1, jobs or cpu_count()), threads_per_worker=1,
                                               processes=processes, dashboard_address=None,
                                               silence_logs=logging.ERROR)
            self.client = dd.Client(self.cluster)
        threads = sum(self.client.nthreads().values()) or 1
        self.window = window or 2 * threads + 1

    def map(self, batches: Iterable[list[Article]], published: date | None) -> Iterator[BatchResult]:
        pending: deque[tuple[list[Article], object]] = deque()
        for batch in batches:
            pending.append((batch, self._submit(batch, published)))
            while len(pending) >= self.window:
                yield self._result(*pending.popleft(), published)
        while pending:
            yield self._result(*pending.popleft(), published)

    def _submit(self, batch: list[Article], published: date | None):
        return self.client.submit(run_batch, batch, published, self.fn, pure=False)

    def _result(self, batch: list[Article], future, published: date | None) -> BatchResult:
        try:
            result = future.result()
        except self._killed:
            result = merge([self._one(a, published) for a in batch])
        finally:
            future.release()
        if result.version != __version__:
            raise EngineUnavailable(f"the Dask workers run timeline {result.version}, this is {__version__}: "
                                    "install the same version on the workers")
        return result

    def _one(self, article: Article, published: date | None) -> BatchResult:
        future = self._submit([article], published)
        try:
            return future.result()
        except self._killed:
            return crashed(article, CRASHED)
        finally:
            future.release()

    def close(self, abort: bool = False) -> None:
        """Disconnect; stop the LocalCluster if this engine started one."""
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> "DaskEngine":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(abort=exc_type is not None)
