"""Raw input files -> Article records, read lazily; bad input comes back as IngestError values.

Recognised files (CONTRACT.md section 1): ``*.txt``/``*.md`` (one article, optional ``---``
front matter), ``*.jsonl``/``*.jsonl.gz`` (one JSON object per line), ``*.json`` (an object or
a list of objects). Folders are searched recursively in sorted order, so builds are repeatable.
"""
from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .model import Article

KEYS = ("id", "text", "published", "url", "title", "outlet", "language")
SUFFIXES = (".jsonl.gz", ".jsonl", ".json", ".txt", ".md")


@dataclass(frozen=True)
class IngestError:
    """One piece of input that could not be read; `line` is 1-based for JSONL/JSON lists."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def kind(path: Path) -> str | None:
    """The recognised suffix of a file name, or None."""
    name = path.name.lower()
    return next((s for s in SUFFIXES if name.endswith(s)), None)


def discover(inputs: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, Path] | IngestError]:
    """(file, root) pairs for every recognised file under the inputs, in sorted order."""
    for raw in inputs:
        root = Path(raw)
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file() and kind(p)):
                yield path, root
        elif root.is_file():
            if kind(root):
                yield root, root.parent
            else:
                yield IngestError(str(root), f"not a recognised input file (expected {', '.join(SUFFIXES)})")
        else:
            yield IngestError(str(root), "no such file or folder")


def parse_published(value: object) -> date:
    """The calendar date of an ISO 8601 date or date-time, as written (publisher's local date)."""
    if isinstance(value, (date, datetime)):
        return value.date() if isinstance(value, datetime) else value
    if not isinstance(value, str):
        raise ValueError(f"'published' must be an ISO 8601 string, got {type(value).__name__}")
    s = value.strip()
    try:
        if len(s) == 10:
            return date.fromisoformat(s)
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"'published' is not an ISO 8601 date or date-time: {value!r}") from None


def _article(obj: object, default_id: str, source: str) -> Article:
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ValueError("missing 'text'" if text is None else "'text' must be a string")
    if not text.strip():
        raise ValueError("'text' is empty")
    meta = {k: obj.get(k) for k in KEYS if k not in ("id", "text")}
    for k, v in meta.items():
        if v is not None and not isinstance(v, str):
            meta[k] = str(v)
    if meta["published"] is not None:
        parse_published(meta["published"])
    art_id = obj.get("id")
    art_id = default_id if art_id in (None, "") else str(art_id)
    return Article(id=art_id, text=text, source=source, **meta)


def split_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """Front matter (``---`` / ``key: value`` lines / ``---``) and the text after it."""
    lines = raw.split("\n")
    if not lines or lines[0].rstrip("\r") != "---":
        return {}, raw
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r") == "---":
            meta = {}
            for line in lines[1:i]:
                key, sep, value = line.partition(":")
                if sep and key.strip():
                    meta[key.strip().lower()] = value.strip().strip("\r").strip("'\"")
            return meta, "\n".join(lines[i + 1:])
    return {}, raw


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig") if data.startswith(b"\xef\xbb\xbf") else data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 (byte {exc.start}); re-encode the file as UTF-8") from None


def read_text_file(path: Path, root: Path) -> Iterator[Article | IngestError]:
    """One article from a .txt/.md file; its id defaults to the path relative to the input."""
    try:
        raw = _read_text(path)
    except (OSError, ValueError) as exc:
        yield IngestError(str(path), getattr(exc, "strerror", None) or str(exc))
        return
    meta, text = split_front_matter(raw)
    default_id = path.relative_to(root).as_posix() if path != root else path.name
    try:
        yield _article({**meta, "text": text}, default_id, str(path))
    except ValueError as exc:
        yield IngestError(str(path), str(exc) if text.strip() else "empty file: no article text")


def _open_lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        yield from fh


def read_jsonl(path: Path, root: Path) -> Iterator[Article | IngestError]:
    """Articles from a JSONL file (optionally gzipped), one per non-blank line."""
    stem = path.name[: -len(kind(path) or "")] or path.name
    seen_any = False
    try:
        for n, raw in enumerate(_open_lines(path), 1):
            if not raw.strip():
                continue
            seen_any = True
            try:
                obj = json.loads(raw.decode("utf-8"))
                yield _article(obj, f"{stem}:{n}", str(path))
            except UnicodeDecodeError:
                yield IngestError(str(path), "not UTF-8; re-encode the file as UTF-8", n)
            except json.JSONDecodeError as exc:
                yield IngestError(str(path), f"not valid JSON ({exc.msg}, column {exc.colno})", n)
            except ValueError as exc:
                yield IngestError(str(path), str(exc), n)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield IngestError(str(path), f"cannot read: {exc}")
        return
    if not seen_any:
        yield IngestError(str(path), "empty file: no articles")


def read_json(path: Path, root: Path) -> Iterator[Article | IngestError]:
    """Articles from a .json file holding one object or a list of objects."""
    try:
        obj = json.loads(_read_text(path))
    except (OSError, ValueError) as exc:
        msg = f"not valid JSON ({exc.msg}, line {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else str(exc)
        yield IngestError(str(path), msg)
        return
    items = obj if isinstance(obj, list) else [obj]
    if not items:
        yield IngestError(str(path), "empty list: no articles")
    stem = path.name[: -len(".json")]
    for n, item in enumerate(items, 1):
        default_id = stem if not isinstance(obj, list) else f"{stem}:{n}"
        try:
            yield _article(item, default_id, str(path))
        except ValueError as exc:
            yield IngestError(str(path), f"item {n}: {exc}" if isinstance(obj, list) else str(exc))


READERS = {".txt": read_text_file, ".md": read_text_file, ".json": read_json,
           ".jsonl": read_jsonl, ".jsonl.gz": read_jsonl}


def read_articles(inputs: Iterable[str | os.PathLike]) -> Iterator[Article | IngestError]:
    """Every article under the inputs, lazily, with errors in place of unreadable pieces."""
    for found in discover(inputs):
        if isinstance(found, IngestError):
            yield found
            continue
        path, root = found
        yield from READERS[kind(path)](path, root)
