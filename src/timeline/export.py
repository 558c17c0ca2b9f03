"""Export a table as CSV or JSON lines, with type and date filters, streaming batch by batch."""
from __future__ import annotations

import csv
import json
import operator
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as pads

from . import schema
from .dataset import arrow_dataset

DATE_COLUMN = {"events": "event_date", "dates": "date_start", "articles": "anchor_date"}


class ExportError(Exception):
    """The export cannot be done as asked (missing table, bad filter)."""


def _filter(table: str, types=(), since: date | None = None, until: date | None = None):
    expr = None
    if types:
        if table != "events":
            raise ExportError("--type filters the events table only")
        unknown = set(types) - set(schema.enum("events", "event_type"))
        if unknown:
            raise ExportError(f"unknown event type(s): {', '.join(sorted(unknown))}")
        expr = pads.field("event_type").isin(list(types))
    col = DATE_COLUMN[table]
    for op, value in ((operator.ge, since), (operator.le, until)):
        if value is not None:
            cond = op(pads.field(col), pa.scalar(value, pa.date32()))
            expr = cond if expr is None else expr & cond
    return expr


@contextmanager
def _sink(output: str | None):
    if output is None:
        yield sys.stdout
        return
    tmp = Path(output).with_name(f".{Path(output).name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        yield fh
    tmp.replace(output)


def _cell(v):
    if v is None:
        return ""
    if isinstance(v, date):
        return v.isoformat()
    return v


def export(dataset: str, table: str, fmt: str, output: str | None = None, types=(),
           since: date | None = None, until: date | None = None) -> int:
    """Write the filtered table to OUTPUT (stdout when None); returns the number of rows."""
    try:
        ds = arrow_dataset(dataset, table)
    except FileNotFoundError as exc:
        raise ExportError(str(exc)) from None
    names = list(schema.columns(table))
    scanner = ds.scanner(columns=names, filter=_filter(table, types, since, until))
    n = 0
    with _sink(output) as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n") if fmt == "csv" else None
        if writer:
            writer.writerow(names)
        for batch in scanner.to_batches():
            for row in batch.to_pylist():
                n += 1
                if writer:
                    writer.writerow([_cell(row[c]) for c in names])
                else:
                    fh.write(json.dumps({c: _cell(row[c]) for c in names}, ensure_ascii=False) + "\n")
    return n
