"""Article results -> column lists per table, in schema.json's column order.

Pure Python (no pyarrow), so worker processes do this row-to-column work in parallel and the
building process only wraps the lists as Arrow arrays (`engines.collect_columns`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from . import schema
from .model import ArticleResult


@dataclass
class Columns:
    """A batch's rows as columns; which articles produced them; which failed."""

    n: int  # articles in the batch
    tables: dict[str, dict[str, list]]  # table -> column -> values
    good: list[tuple[int, str, str]] = field(default_factory=list)  # (index in batch, id, source) per article with rows
    sizes: dict[str, list[int]] = field(default_factory=dict)  # table -> rows each good article gave, in order
    failed: list[tuple[int, ArticleResult]] = field(default_factory=list)  # (index in batch, result with .error)

    def article(self, k: int) -> "Columns":
        """The k-th good article alone (to find which article's rows do not fit the schema)."""
        tables = {}
        for name, cols in self.tables.items():
            lo = sum(self.sizes[name][:k])
            hi = lo + self.sizes[name][k]
            tables[name] = {c: v[lo:hi] for c, v in cols.items()}
        return Columns(1, tables, [self.good[k]], {t: [s[k]] for t, s in self.sizes.items()})


@lru_cache(maxsize=None)
def names(table: str) -> tuple[str, ...]:
    return tuple(schema.columns(table))


def column_lists(table: str, rows: list[dict]) -> dict[str, list]:
    """Rows (dicts) -> one list per schema column (a key the schema lacks is dropped; a missing one is None)."""
    return {c: [row.get(c) for row in rows] for c in names(table)}


def to_columns(results: list[ArticleResult]) -> Columns:
    """The rows of a batch's results, column by column."""
    good = [(i, r) for i, r in enumerate(results) if not r.error]
    per_table = {"articles": [[r.article] for _, r in good], "dates": [r.dates for _, r in good],
                 "events": [r.events for _, r in good]}
    tables, sizes = {}, {}
    for name in schema.TABLES:
        tables[name] = column_lists(name, [row for chunk in per_table[name] for row in chunk])
        sizes[name] = [len(chunk) for chunk in per_table[name]]
    return Columns(len(results), tables, [(i, r.article_id, r.source) for i, r in good], sizes,
                   [(i, r) for i, r in enumerate(results) if r.error])
