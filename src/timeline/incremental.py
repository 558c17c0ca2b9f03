"""Incremental builds: which input articles are new or changed since OUT was built; carry the rest over.

An article is unchanged when its text hash, the pipeline version and the metadata that shape
its rows (published or the build's --published, url, title, outlet, language) match its row
in OUT's `articles` table, and OUT was built by the same code (a hash of the package's code
and language data, kept in the manifest: during development the version string stays put
while the rules change). Unchanged articles are not processed again; their rows are carried
into the new dataset by hard-linking the previous build's files (files holding rows of changed
articles are rewritten without them). The new dataset is then swapped in as usual.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import __version__ as PIPELINE_VERSION, schema
from .ids import IdMap, hash64
from .lang import DEFAULT_LANG
from .model import Article
from .pipeline import sha256
from .writer import MANIFEST, DatasetWriter

_ROW_KEYS = ["article_id", "sha256", "pipeline_version", "published", "url", "title", "outlet", "language",
             "anchor_method", "anchor_date"]


class Incompatible(Exception):
    """OUT cannot be extended: it is not a timeline dataset, or was written with another schema."""


def _digest(*parts: str | None) -> int:
    return hash64("\x1f".join(p or "" for p in parts))


def fingerprint(article: Article, published: date | None) -> int:
    """What the article's rows depend on besides the code: text hash, version, anchor source, metadata."""
    anchor = article.published or (f"--published {published.isoformat()}" if published else None)
    return _digest(sha256(article.text), PIPELINE_VERSION, anchor, article.url, article.title,
                   article.outlet, article.language or DEFAULT_LANG)


def _row_fingerprint(row: dict) -> int:
    anchor = row["published"]
    if anchor is None and row["anchor_method"] == "metadata" and row["anchor_date"] is not None:
        anchor = f"--published {row['anchor_date'].isoformat()}"
    return _digest(row["sha256"], row["pipeline_version"], anchor, row["url"], row["title"], row["outlet"],
                   row["language"])


@lru_cache(maxsize=1)
def code_hash() -> str:
    """Hash of the package's code and language data, which rows depend on besides the input."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".tsv", ".txt", ".json") and "__pycache__" not in p.parts and p.is_file():
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


class Previous:
    """A dataset already at OUT: its articles' fingerprints and its files, to carry over."""

    def __init__(self, path: Path, manifest: dict):
        self.path, self.manifest = path, manifest
        self.same_code = manifest.get("code") == code_hash()  # else every article counts as changed
        self.fingerprints = IdMap((row["article_id"], _row_fingerprint(row)) for f in self.files("articles")
                                  for batch in pq.ParquetFile(f).iter_batches(columns=_ROW_KEYS)
                                  for row in batch.to_pylist())  # 16 bytes an article

    @classmethod
    def open(cls, out: str | Path) -> "Previous | None":
        """The dataset at OUT, or None when there is none yet; Incompatible when it cannot be extended."""
        path = Path(out)
        if not path.exists():
            return None
        if not path.is_dir():
            raise Incompatible(f"{path} exists and is not a folder")
        if not (path / MANIFEST).is_file():
            if any(path.iterdir()):
                raise Incompatible(f"{path} is not a timeline dataset (no {MANIFEST}); choose another output "
                                   "folder or remove it")
            return None
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        _check_schema(path, manifest)
        return cls(path, manifest)

    @property
    def generation(self) -> int:
        return int(self.manifest.get("generation", 0))

    def files(self, table: str) -> list[Path]:
        return sorted((self.path / table).rglob("*.parquet"))

    def carry_over(self, writer: DatasetWriter, drop: set[str]) -> None:
        """Put the previous rows into the new dataset, minus those of the articles in `drop`."""
        same_layout = self.manifest.get("layout", "flat") == writer.layout.name
        dropped = pa.array(sorted(drop), pa.string())
        for table in schema.TABLES:
            for f in self.files(table):
                rel = f.relative_to(self.path)
                pf = pq.ParquetFile(f)
                if same_layout and not writer.exists(rel) and not _holds_any(pf, dropped):
                    writer.link(table, f, rel, pf.metadata.num_rows)
                    continue
                for i in range(pf.num_row_groups):
                    rows = pf.read_row_group(i)
                    if len(dropped):
                        rows = rows.filter(pc.invert(pc.is_in(rows.column("article_id"), value_set=dropped)))
                    writer.add_tables({table: rows.cast(schema.arrow_schema(table))})


def _holds_any(pf: pq.ParquetFile, ids: pa.Array) -> bool:
    if not len(ids) or pf.metadata.num_rows == 0:
        return False
    col = pf.read(columns=["article_id"]).column("article_id")
    return bool(pc.any(pc.is_in(col, value_set=ids)).as_py())


def _check_schema(path: Path, manifest: dict) -> None:
    want_version = schema.load().get("schema_version")
    if manifest.get("schema_version") != want_version:
        raise Incompatible(f"{path} was written with schema {manifest.get('schema_version')}, this is "
                           f"{want_version}: rebuild it with --rebuild")
    for table in schema.TABLES:
        want = schema.arrow_schema(table)
        for f in sorted((path / table).rglob("*.parquet"))[:1]:
            got = pq.read_schema(f)
            if got.names != want.names or not all(g.type.equals(w.type) for g, w in zip(got, want)):
                raise Incompatible(f"{f} does not have schema.json's columns: rebuild it with --rebuild")
