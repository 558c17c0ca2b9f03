"""Language resources as data: each language is a folder of TSV files (``lang/<code>/*.tsv``).

A resource file starts with ``#`` comment lines naming its source and format, then a header
row of column names, then tab-separated rows. The engine reads them only through here.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

DEFAULT_LANG = "id"


class ResourceError(ValueError):
    """A language resource is missing or malformed."""


@lru_cache(maxsize=None)
def read_tsv(lang: str, name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``lang/<lang>/<name>.tsv`` as dicts keyed by the header row."""
    path = resources.files(__package__).joinpath(lang, f"{name}.tsv")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise ResourceError(f"no resource {name}.tsv for language {lang!r}") from exc
    body = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    if not body:
        raise ResourceError(f"{lang}/{name}.tsv has no header row")
    header = body[0].split("\t")
    rows = []
    for n, line in enumerate(body[1:], 2):
        cells = line.split("\t")
        if len(cells) > len(header):
            raise ResourceError(f"{lang}/{name}.tsv row {n}: {len(cells)} cells for {len(header)} columns")
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return tuple(rows)


def read_text(lang: str, name: str) -> str:
    """A plain-text resource of a language (e.g. ``sample.txt``)."""
    try:
        return resources.files(__package__).joinpath(lang, name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"no resource {name} for language {lang!r}") from exc


def languages() -> list[str]:
    """Language codes that have a resource folder."""
    root = resources.files(__package__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))
