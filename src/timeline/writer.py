"""Arrow tables -> a Parquet dataset folder, streamed as row groups and swapped in atomically.

The writer fills a temporary folder beside OUT and `commit` renames it into place, so readers
see the old dataset or the new one, whole; until then OUT is untouched. With the Hive layout,
`events` and `dates` are split into `year=YYYY/` folders by the year of their date (rows
without a date go to `year=unknown/`), and each flushed chunk of events is sorted by
(event_type, event_date) and cut into row groups at event_type boundaries, so readers that
filter on event_type or event_date (DuckDB, pyarrow) skip row groups by their statistics.
The files hold exactly schema.json's columns: `year` exists only in folder names.
"""
from __future__ import annotations

import json
import os
import shutil
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import __version__ as PIPELINE_VERSION, schema
from .model import ArticleResult
from .rows import column_lists

ROW_GROUP = 64_000  # rows per row group at most (clustered events are cut smaller)
GROUP_BYTES = 8 << 20  # ... and a partition's buffer is flushed once it holds this much data
TABLE_BYTES = 8 << 20  # a table's buffers, all partitions together, never hold more than this
# (then every partition is flushed: measured, flushing only the largest ones gave larger row
# groups but let the building process creep from 340 to 390 MB over 100k articles)
MIN_GROUP = 1_024  # clustered row groups are cut at a key change once they hold this many rows
FILE_ROWS = 1_000_000  # a part file rolls over to the next one past this many rows
FILE_GROUPS = 32  # ... or row groups: an open writer keeps every row group's metadata in memory
# (measured over 100k articles: 128 let the building process creep from 196 to 211 MB; 32 stays level)
MANIFEST = "_timeline.json"
UNKNOWN = "unknown"  # partition value for rows without a date: year=unknown/


@dataclass(frozen=True)
class Layout:
    """How tables are laid out: which date column's year partitions a table, and clustering keys."""

    name: str
    partition: Mapping[str, str] = field(default_factory=dict)
    cluster: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


FLAT = Layout("flat")
HIVE = Layout("hive-year", {"events": "event_date", "dates": "date_start"}, {"events": ("event_type", "event_date")})
LAYOUTS = {FLAT.name: FLAT, HIVE.name: HIVE}


class DatasetWriter:
    """Streams rows into a temporary dataset beside OUT; `commit` swaps it in for OUT.

    Rows are buffered per (table, partition) and flushed as row groups when a buffer fills,
    so memory stays flat however many articles pass through. `generation` goes into new file
    names so an incremental build can hard-link the previous build's files beside them.
    """

    def __init__(self, out: str | os.PathLike, row_group: int = ROW_GROUP, layout: Layout = FLAT,
                 generation: int = 0, file_rows: int = FILE_ROWS):
        self.out = Path(out)
        self.row_group, self.layout, self.generation, self.file_rows = row_group, layout, generation, file_rows
        self.tmp = self.out.with_name(f".{self.out.name}.tmp-{uuid.uuid4().hex[:8]}")
        self.tmp.mkdir(parents=True)
        self.buffers: dict[tuple[str, str | None], list[pa.Table]] = defaultdict(list)
        self.buffered: dict[tuple[str, str | None], int] = defaultdict(int)  # rows
        self.buffered_bytes: dict[str, int] = defaultdict(int)  # per table
        self.part_bytes: dict[tuple[str, str | None], int] = defaultdict(int)
        self.files: dict[tuple[str, str | None], _Part] = {}
        self.counts = {t: 0 for t in schema.TABLES}
        self.errors: list[str] = []

    def add(self, result: ArticleResult) -> None:
        """Queue one article's rows (or note its error)."""
        if result.error:
            self.errors.append(f"{result.source or '?'}: article {result.article_id}: {result.error}")
            return
        self.add_tables({"articles": to_arrow("articles", [result.article]),
                         "dates": to_arrow("dates", result.dates), "events": to_arrow("events", result.events)})

    def add_tables(self, tables: Mapping[str, pa.Table]) -> None:
        """Queue rows already in Arrow form (exactly the schema's columns)."""
        for name, table in tables.items():
            if len(table):
                per_row = table.get_total_buffer_size() / len(table)  # one walk of the buffers, shared out
                for part, piece in self._split(name, table):
                    self._buffer(name, part, piece, int(per_row * len(piece)))

    def link(self, table: str, src: Path, rel: Path, rows: int) -> None:
        """Carry a finished file of a previous build over as is (hard link; copy across devices)."""
        dest = self.tmp / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, dest)
        except OSError:
            shutil.copy2(src, dest)
        self.counts[table] += rows

    def exists(self, rel: Path) -> bool:
        return (self.tmp / rel).exists()

    def _split(self, name: str, table: pa.Table) -> Iterable[tuple[str | None, pa.Table]]:
        col = self.layout.partition.get(name)
        if col is None:
            yield None, table
            return
        years = pc.year(table.column(col))
        order = pc.sort_indices(years)  # stable, nulls last: input order is kept within a year
        years = years.take(order)
        for start, length in _runs(years):
            year = years[start].as_py()
            # a piece of its own (take), not a slice: a slice would pin the whole batch's buffers
            # for as long as a rarely flushed partition holds it
            yield (UNKNOWN if year is None else str(year)), table.take(order.slice(start, length))

    def _buffer(self, name: str, part: str | None, table: pa.Table, nbytes: int) -> None:
        key = (name, part)
        self.buffers[key].append(table)
        self.buffered[key] += len(table)
        self.part_bytes[key] += nbytes
        self.buffered_bytes[name] += nbytes
        if self.buffered[key] >= self.row_group or self.part_bytes[key] >= GROUP_BYTES:
            self._flush(key)
        if self.buffered_bytes[name] > TABLE_BYTES:
            for k in [k for k in self.buffers if k[0] == name and self.buffers[k]]:
                self._flush(k)
            pa.default_memory_pool().release_unused()  # hand freed buffers back to the OS: flat RSS

    def _flush(self, key: tuple[str, str | None]) -> None:
        name = key[0]
        table = pa.concat_tables(self.buffers.pop(key)) if self.buffers.get(key) else _empty(name)
        self.buffered.pop(key, None)
        self.buffered_bytes[name] -= self.part_bytes.pop(key, 0)
        keys = self.layout.cluster.get(name)
        if keys and len(table):
            table = table.take(pc.sort_indices(table, [(k, "ascending") for k in keys]))
        for start, length in _row_groups(table, keys[0] if keys else None, self.row_group):
            part = self._file(key)
            part.writer.write_table(table.slice(start, length), row_group_size=max(length, 1))
            part.rows += length
            part.groups += 1
            if part.rows >= self.file_rows or part.groups >= FILE_GROUPS:
                part.writer.close()
                self.files[key] = _Part(None, 0, 0, part.index + 1)
        self.counts[name] += len(table)

    def _file(self, key: tuple[str, str | None]) -> "_Part":
        part = self.files.get(key)
        if part is None or part.writer is None:
            index = part.index if part else 0
            name, value = key
            folder = self.tmp / name / (f"year={value}" if value else "")
            folder.mkdir(parents=True, exist_ok=True)
            prefix = "part" if self.generation == 0 else f"part-g{self.generation:04d}"
            writer = pq.ParquetWriter(folder / f"{prefix}-{index:05d}.parquet", schema.arrow_schema(name),
                                      compression="zstd", use_dictionary=True, write_statistics=True)
            part = self.files[key] = _Part(writer, 0, 0, index)
        return part

    def commit(self, manifest: dict | None = None) -> dict[str, int]:
        """Write what is buffered, close the files and swap the new dataset in for OUT."""
        for key in list(self.buffers):
            if self.buffers[key]:
                self._flush(key)
        for name in schema.TABLES:  # every table gets at least one file, so readers see its schema
            if not any((self.tmp / name).rglob("*.parquet")):
                self._flush((name, UNKNOWN if name in self.layout.partition else None))
        for part in self.files.values():
            if part.writer is not None:
                part.writer.close()
        info = {"pipeline_version": PIPELINE_VERSION, "schema_version": schema.load().get("schema_version"),
                "layout": self.layout.name, "generation": self.generation, "rows": self.counts,
                "errors": len(self.errors), **(manifest or {})}
        (self.tmp / MANIFEST).write_text(json.dumps(info, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        swap_in(self.tmp, self.out)
        return dict(self.counts)

    def abort(self) -> None:
        """Drop the temporary dataset; OUT stays as it was."""
        for part in self.files.values():
            try:
                if part.writer is not None:
                    part.writer.close()
            except Exception:
                pass
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self) -> "DatasetWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()


@dataclass
class _Part:
    """The open part file of one (table, partition): rows and row groups so far, file number."""

    writer: pq.ParquetWriter | None
    rows: int
    groups: int
    index: int


def _empty(name: str) -> pa.Table:
    return schema.arrow_schema(name).empty_table()


def _runs(values: pa.Array) -> list[tuple[int, int]]:
    """(start, length) of each run of equal consecutive values (nulls equal each other)."""
    n = len(values)
    if n == 0:
        return []
    a, b = values.slice(0, n - 1), values.slice(1)
    differ = pc.fill_null(pc.not_equal(a, b), True)
    both_null = pc.and_(pc.is_null(a), pc.is_null(b))
    differ = pc.and_(differ, pc.invert(both_null))
    cuts = [0] + [i + 1 for i in pc.indices_nonzero(differ).to_pylist()] + [n]
    return [(s, e - s) for s, e in zip(cuts, cuts[1:])]


def _row_groups(table: pa.Table, key: str | None, size: int) -> list[tuple[int, int]]:
    """Row-group slices: at most `size` rows; cut where `key` changes once a group has MIN_GROUP rows."""
    n = len(table)
    if key is None or n == 0:
        return [(s, min(size, n - s)) for s in range(0, n, size)] or [(0, 0)]
    groups, start = [], 0
    for run_start, length in _runs(table.column(key)):
        end = run_start + length
        if end - start >= min(MIN_GROUP, size) or end == n:
            groups += [(s, min(size, end - s)) for s in range(start, end, size)]
            start = end
    return groups


def to_arrow(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts) -> an Arrow table with exactly the schema's columns and types (a key the
    schema lacks is dropped; a column the row lacks is null)."""
    # Column lists, then from_pydict: five times faster than from_pylist's own row walk (measured).
    return from_columns(name, column_lists(name, rows))


def from_columns(name: str, columns: dict[str, list]) -> pa.Table:
    """One list per schema column (``rows.column_lists``) -> an Arrow table of the schema's types."""
    return pa.Table.from_pydict(columns, schema=schema.arrow_schema(name))


def swap_in(new: Path, out: Path) -> None:
    """Replace OUT by NEW with renames only, so readers see the old or the new dataset, whole."""
    if out.exists() and not out.is_dir():
        raise FileExistsError(f"{out} exists and is not a folder")
    old = out.with_name(f".{out.name}.old-{uuid.uuid4().hex[:8]}")
    if out.exists():
        os.replace(out, old)
    os.replace(new, out)
    shutil.rmtree(old, ignore_errors=True)


def write_results(results: Iterable[ArticleResult], out: str | os.PathLike) -> DatasetWriter:
    """Write all results to OUT atomically; returns the committed writer (counts, errors)."""
    with DatasetWriter(out) as writer:
        for r in results:
            writer.add(r)
        writer.commit()
    return writer
