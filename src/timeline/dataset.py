"""Parquet dataset folders: load, validate; the writer (temp folder, atomic swap) is in writer.py."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from . import schema


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
    event_ids: set[str] = set()
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
            if table == "events":
                problems += _check_unique(batch.column("event_id").to_pylist(), event_ids)
    return problems


def _check_unique(values: list[str], seen: set[str]) -> list[str]:
    dup = [v for v in values if v in seen or seen.add(v)]
    return [f"events: {len(dup)} duplicate event_id values, e.g. {dup[0]!r}"] if dup else []


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
