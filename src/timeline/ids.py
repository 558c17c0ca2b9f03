"""Sets and maps of article ids in 8 or 16 bytes an id, so a build of millions of articles can
tell duplicates and unchanged articles without holding millions of id strings.

Ids are kept as 64-bit BLAKE2b hashes: recent ones in a Python set, older ones in sorted
arrays of unsigned 64-bit integers, merged as they grow (a log-structured set: O(log n) runs,
each bisected in O(log n)). Two distinct ids share a hash with probability about n^2 / 2^65 (3e-8 for a
million ids); such a pair would be reported as a duplicate id.
"""
from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from heapq import merge

RECENT = 1 << 16  # hashes held in the Python set before they move to a sorted run


def hash64(text: str) -> int:
    """64 bits of BLAKE2b of a string (ids here, fingerprints in `incremental`)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


class IdSet:
    """Membership of strings by their 64-bit hash; `add` says whether the string was new."""

    def __init__(self, recent: int = RECENT) -> None:
        self._limit = recent
        self._recent: set[int] = set()
        self._runs: list[array] = []
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def __contains__(self, key: str) -> bool:
        return self._has(hash64(key))

    def add(self, key: str) -> bool:
        """Add `key`; False when it was already there."""
        h = hash64(key)
        if self._has(h):
            return False
        self._recent.add(h)
        self._n += 1
        if len(self._recent) >= self._limit:
            self._spill()
        return True

    def _has(self, h: int) -> bool:
        if h in self._recent:
            return True
        for run in self._runs:
            i = bisect_left(run, h)
            if i < len(run) and run[i] == h:
                return True
        return False

    def _spill(self) -> None:
        run = array("Q", sorted(self._recent))
        self._recent = set()
        while self._runs and len(self._runs[-1]) <= 2 * len(run):  # merge like-sized runs: few runs
            run = array("Q", merge(self._runs.pop(), run))
        self._runs.append(run)


class IdMap:
    """Article id -> a 64-bit value (an incremental build's fingerprints), 16 bytes an entry:
    the ids' hashes sorted in one array, their values in another, looked up by bisection."""

    def __init__(self, items: Iterable[tuple[str, int]]) -> None:
        import numpy as np

        keys, values = array("Q"), array("Q")
        for key, value in items:
            keys.append(hash64(key))
            values.append(value)
        k = np.frombuffer(keys, dtype=np.uint64) if keys else np.zeros(0, np.uint64)
        order = np.argsort(k, kind="stable")  # a repeated id: its last value wins, as in a dict
        self._keys = array("Q", k[order].tobytes())
        self._values = array("Q", (np.frombuffer(values, dtype=np.uint64)[order] if values else k).tobytes())

    def __len__(self) -> int:
        return len(self._keys)

    def get(self, key: str) -> int | None:
        h = hash64(key)
        i = bisect_right(self._keys, h) - 1
        return self._values[i] if i >= 0 and self._keys[i] == h else None
