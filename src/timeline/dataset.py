"""Rows -> Parquet dataset folders (written to a temp folder, swapped in atomically); load; validate."""
from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from . import __version__ as PIPELINE_VERSION, schema
from .model import ArticleResult

ROW_GROUP = 64_000
MANIFEST = "_timeline.json"


class DatasetWriter:
    """Streams article results into a temporary dataset beside OUT; `commit` swaps it in.

    Rows are flushed as Parquet row groups whenever a table's buffer fills, so memory stays
    flat however many articles pass through. Until `commit`, OUT is untouched.
    """

    def __init__(self, out: str | os.PathLike, row_group: int = ROW_GROUP):
        self.out = Path(out)
        self.row_group = row_group
        self.tmp = self.out.with_name(f".{self.out.name}.tmp-{uuid.uuid4().hex[:8]}")
        self.tmp.mkdir(parents=True)
        self.buffers: dict[str, list[dict]] = {t: [] for t in schema.TABLES}
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.counts = {t: 0 for t in schema.TABLES}
        self.errors: list[str] = []

    def add(self, result: ArticleResult) -> None:
        """Queue one article's rows (or note its error)."""
        if result.error:
            self.errors.append(f"{result.source or '?'}: article {result.article_id}: {result.error}")
            return
        self._extend("articles", [result.article])
        self._extend("dates", result.dates)
        self._extend("events", result.events)

    def _extend(self, name: str, rows: list[dict]) -> None:
        buf = self.buffers[name]
        buf.extend(rows)
        if len(buf) >= self.row_group:
            self._flush(name)

    def _flush(self, name: str) -> None:
        rows = self.buffers[name]
        table = to_arrow(name, rows)
        if name not in self.writers:
            folder = self.tmp / name
            folder.mkdir()
            self.writers[name] = pq.ParquetWriter(folder / "part-00000.parquet", table.schema,
                                                  compression="zstd", use_dictionary=True)
        self.writers[name].write_table(table, row_group_size=self.row_group)
        self.counts[name] += len(rows)
        rows.clear()

    def commit(self, manifest: dict | None = None) -> dict[str, int]:
        """Write what is buffered, close the files and swap the new dataset in for OUT."""
        for name in schema.TABLES:
            if self.buffers[name] or name not in self.writers:
                self._flush(name)
            self.writers[name].close()
        info = {"pipeline_version": PIPELINE_VERSION, "schema_version": schema.load().get("schema_version"),
                "rows": self.counts, "errors": len(self.errors), **(manifest or {})}
        (self.tmp / MANIFEST).write_text(json.dumps(info, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        swap_in(self.tmp, self.out)
        return dict(self.counts)

    def abort(self) -> None:
        """Drop the temporary dataset; OUT stays as it was."""
        for w in self.writers.values():
            try:
                w.close()
            except Exception:
                pass
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self) -> "DatasetWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()


def to_arrow(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts) -> an Arrow table with exactly the schema's columns and types."""
    sch = schema.arrow_schema(name)
    return pa.Table.from_pylist([{c: r.get(c) for c in sch.names} for r in rows], schema=sch)


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


def table_path(path: str | os.PathLike, table: str) -> Path:
    schema.table(table)
    return Path(path) / table


def arrow_dataset(path: str | os.PathLike, table: str) -> pads.Dataset:
    """The table as a pyarrow dataset (Hive partitions understood)."""
    folder = table_path(path, table)
    if not folder.is_dir():
        raise FileNotFoundError(f"no table '{table}' in {path} (expected folder {folder})")
    return pads.dataset(str(folder), format="parquet", partitioning="hive")


def load(path: str | os.PathLike, table: str = "events", columns: list[str] | None = None) -> pd.DataFrame:
    """A table as a pandas DataFrame: dates as datetime64, enum columns as categoricals."""
    cols = schema.columns(table)
    names = [c for c in cols if columns is None or c in columns]
    tbl = arrow_dataset(path, table).to_table(columns=names)
    df = tbl.to_pandas(date_as_object=False)
    for name in names:
        if "enum" in cols[name]:
            df[name] = pd.Categorical(df[name], categories=schema.enum(table, name))
    return df


def validate(path: str | os.PathLike) -> list[str]:
    """Problems found checking a dataset against schema.json; empty when valid."""
    problems: list[str] = []
    ids: set[str] = set()
    for table in ("articles", "dates", "events"):
        try:
            ds = arrow_dataset(path, table)
        except FileNotFoundError as exc:
            problems.append(str(exc))
            continue
        if not ds.files:
            problems.append(f"{table}: no Parquet files in {table_path(path, table)}")
            continue
        found = [p for f in ds.files for p in _check_schema(table, pq.read_schema(f), f)]
        problems += found
        if found:
            continue
        for batch in ds.to_batches(columns=list(schema.columns(table))):
            problems += _check_rows(table, batch, ids)
    return problems


def _check_schema(table: str, got: pa.Schema, file: str) -> list[str]:
    want = schema.arrow_schema(table)
    out = []
    for f in want:
        idx = got.get_field_index(f.name)
        if idx < 0:
            out.append(f"{table}: column '{f.name}' is missing in {file}")
        elif not got.field(idx).type.equals(f.type):
            out.append(f"{table}: column '{f.name}' has type {got.field(idx).type}, schema says {f.type} ({file})")
    return out


def _check_rows(table: str, batch: pa.RecordBatch, ids: set[str]) -> list[str]:
    out = []
    cols = schema.columns(table)
    for name, col in cols.items():
        arr = batch.column(name)
        if not schema.nullable(col) and arr.null_count:
            out.append(f"{table}: column '{name}' has {arr.null_count} nulls but is not nullable")
        allowed = schema.enum(table, name)
        if allowed:
            bad = pc.filter(arr, pc.invert(pc.is_in(arr, pa.array(allowed)))).drop_null()
            if len(bad):
                out.append(f"{table}: column '{name}' has values outside the schema's enum: {sorted(set(bad.to_pylist()))[:5]}")
    out += _check_order(table, batch)
    if table == "articles":
        ids.update(batch.column("article_id").to_pylist())
    elif ids:
        unknown = set(batch.column("article_id").to_pylist()) - ids
        if unknown:
            out.append(f"{table}: {len(unknown)} article_id values not in articles, e.g. {sorted(unknown)[0]!r}")
    return out


_ORDERED = {"dates": [("start", "end"), ("date_start", "date_end")],
            "events": [("start", "end"), ("trigger_start", "trigger_end"), ("event_date", "event_date_end")]}


def _check_order(table: str, batch: pa.RecordBatch) -> list[str]:
    out = []
    for lo, hi in _ORDERED.get(table, []):
        bad = pc.sum(pc.greater(batch.column(lo), batch.column(hi))).as_py() or 0
        if bad:
            out.append(f"{table}: {bad} rows have {lo} > {hi}")
    return out
