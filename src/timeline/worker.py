"""What the local engine's worker processes import: the pipeline and nothing heavier (no
pyarrow: results go back as Python rows, so each worker stays small)."""
from __future__ import annotations

import signal

from .pipeline import process_batch

__all__ = ["init", "ping", "process_batch"]


def init() -> None:
    """Worker initializer: Ctrl-C is the parent's to handle (no worker tracebacks)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def ping() -> bool:
    """A no-op task: the pool has started once it answers."""
    return True
