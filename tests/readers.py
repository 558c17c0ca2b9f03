"""Shared check: every reader the contract names reads every table of a dataset alike."""
import duckdb
import pandas as pd
import pyarrow.dataset as pads

import timeline
from timeline import schema


def rows_per_table(built) -> dict[str, int]:
    """Row count per table, asserting pyarrow, pandas, DuckDB and timeline.load agree on it."""
    counts = {}
    for table in schema.TABLES:
        n = pads.dataset(str(built / table), partitioning="hive").count_rows()
        assert n == len(pd.read_parquet(built / table)) == len(timeline.load(built, table=table))
        sql = f"select count(*) from read_parquet('{built}/{table}/**/*.parquet', hive_partitioning=true)"
        assert duckdb.connect().execute(sql).fetchone()[0] == n
        counts[table] = n
    return counts
