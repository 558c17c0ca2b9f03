"""The tables' contract, read from schema.json: Arrow schemas, column lists and enums derive from it."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

TABLES = ("events", "dates", "articles")
# pyarrow is imported only where Arrow schemas are made: worker processes read column names
# from here without loading it.


@lru_cache(maxsize=None)
def load() -> dict[str, Any]:
    """The parsed schema.json shipped with the package (the project's top-level file)."""
    return json.loads(resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8"))


def table(name: str) -> dict[str, Any]:
    """The JSON Schema of one table's rows."""
    try:
        return load()["$defs"][name]
    except KeyError:
        raise ValueError(f"unknown table {name!r}; tables are {', '.join(TABLES)}") from None


def columns(name: str) -> dict[str, dict[str, Any]]:
    """Column name -> column schema, in table order."""
    return table(name)["properties"]


def nullable(col: dict[str, Any]) -> bool:
    t = col["type"]
    return isinstance(t, list) and "null" in t


def enum(name: str, column: str) -> list[str]:
    """Allowed non-null values of an enum column."""
    return [v for v in columns(name)[column].get("enum", []) if v is not None]


def sort_keys(name: str) -> list[str]:
    """Columns that order a table's rows deterministically."""
    return list(table(name).get("x-sort", []))


@lru_cache(maxsize=None)
def arrow_schema(name: str) -> "pa.Schema":
    """The Arrow schema of a table, nullability from JSON Schema.

    Enum columns stay plain strings in Arrow; Parquet dictionary-encodes them on disk and
    `timeline.load` turns them into categoricals with the schema's categories.
    """
    import pyarrow as pa

    types = {"string": pa.string(), "int32": pa.int32(), "int8": pa.int8(), "float64": pa.float64(),
             "date32": pa.date32(), "bool": pa.bool_()}
    fields = []
    for col_name, col in columns(name).items():
        typ = types[col["x-arrow"]]
        meta = {"description": col.get("description", "")}
        fields.append(pa.field(col_name, typ, nullable=nullable(col), metadata=meta))
    return pa.schema(fields, metadata={"table": name, "schema_version": load().get("schema_version", "")})
