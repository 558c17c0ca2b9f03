"""A set of article ids in about 8 bytes each, so a build of millions of articles can tell
duplicates without holding millions of id strings (memory stays flat where it can).

Ids are kept as 64-bit BLAKE2b hashes: recent ones in a Python set, older ones in sorted
arrays of unsigned 64-bit integers, merged as they grow (a log-structured set: O(log n) runs,
each bisected in O(log n)). Two distinct ids share a hash with probability about n^2 / 2^65 (3e-8 for a
million ids); such a pair would be reported as a duplicate id.
"""
from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_left
from heapq import merge

RECENT = 1 << 16  # hashes held in the Python set before they move to a sorted run


def id_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


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
        return self._has(id_hash(key))

    def add(self, key: str) -> bool:
        """Add `key`; False when it was already there."""
        h = id_hash(key)
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
