"""One article -> its rows in the three tables: the unit of work every engine maps over."""
from __future__ import annotations

import hashlib
from datetime import date
from functools import lru_cache

from . import __version__
from .events import extract_events
from .ingest import parse_published
from .lang import DEFAULT_LANG
from .model import Anchor, Article, ArticleResult
from .temporal import infer_anchor, resolve_dates

PIPELINE_VERSION = __version__


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_id(article_id: str, trigger_start: int, trigger_end: int, event_type: str) -> str:
    """Deterministic id: the same article, trigger, type and version give the same id."""
    key = f"{article_id}\x1f{trigger_start}\x1f{trigger_end}\x1f{event_type}\x1f{PIPELINE_VERSION}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def find_anchor(article: Article, default: date | None = None) -> Anchor:
    """Publication date from metadata, else the build's --published, else inferred from the text."""
    if article.published:
        return Anchor(parse_published(article.published), "metadata", "from the article's 'published'")
    if default is not None:
        return Anchor(default, "metadata", "from --published")
    return infer_anchor(article.text, lang=article.language or DEFAULT_LANG)


def extract(text: str, published: str | date | None = None, lang: str = DEFAULT_LANG,
            article_id: str = "text") -> ArticleResult:
    """Run the whole pipeline on one text (no files): handy in a notebook."""
    pub = published.isoformat() if isinstance(published, date) else published
    return process(Article(id=article_id, text=text, published=pub, language=lang))


def process(article: Article, default_published: date | None = None) -> ArticleResult:
    """Dates, events and the article row for one article; never raises."""
    try:
        return _process(article, default_published)
    except Exception as exc:  # one broken article must not sink a build
        return ArticleResult(article.id, article.source, error=f"internal error: {type(exc).__name__}: {exc}")


def process_batch(articles: list[Article], published: date | None = None, fn=None) -> list[ArticleResult]:
    """`fn` (default: `process`) over a batch, in order: the work of a batch on every engine
    (``worker.run`` adds the rows-to-columns step)."""
    fn = fn or process
    return [fn(a, published) for a in articles]


def warm_up(lang: str = DEFAULT_LANG) -> None:
    """Run the pipeline once on the language's sample text, so every lexicon is loaded and
    pattern compiled before worker processes fork from this one. Never raises."""
    from .lang import ResourceError, read_text

    try:
        text = read_text(lang, "sample.txt")
    except ResourceError:
        return  # a speed-up only: without a sample, workers warm up on their first articles
    process(Article(id="warm-up", text=text))


def _process(article: Article, default_published: date | None) -> ArticleResult:
    lang = _language(article.language)
    anchor = find_anchor(article, default_published)
    mentions = resolve_dates(article.text, anchor.date, lang=lang)
    events = extract_events(article.text, mentions, anchor.date, lang=lang)
    dates = [{"article_id": article.id, **m.row()} for m in mentions]
    event_rows = [_event_row(article.id, e.row()) for e in events]
    return ArticleResult(article.id, article.source, _article_row(article, anchor, len(event_rows), len(dates)),
                         dates, event_rows)


def _language(code: str | None) -> str:
    code = (code or DEFAULT_LANG).lower().split("-")[0]
    known = _languages()
    if code not in known:
        raise ValueError(f"no language resources for {code!r}; available: {', '.join(known)}")
    return code


@lru_cache(maxsize=1)
def _languages() -> tuple[str, ...]:
    """The language codes with resources, listed once per process (not once per article)."""
    from .lang import languages

    return tuple(languages())


def _event_row(article_id: str, row: dict) -> dict:
    row["event_id"] = event_id(article_id, row["trigger_start"], row["trigger_end"], row["event_type"])
    row["article_id"] = article_id
    row["pipeline_version"] = PIPELINE_VERSION
    return row


def _article_row(article: Article, anchor: Anchor, n_events: int, n_dates: int) -> dict:
    return {
        "article_id": article.id, "source": article.source, "url": article.url, "outlet": article.outlet,
        "title": article.title, "language": article.language or DEFAULT_LANG, "published": article.published,
        "anchor_date": anchor.date, "anchor_method": anchor.method, "anchor_note": anchor.note,
        "n_chars": len(article.text), "sha256": sha256(article.text), "n_events": n_events,
        "n_dates": n_dates, "pipeline_version": PIPELINE_VERSION,
    }
