"""The `timeline` command: thin click commands over the library functions."""
from __future__ import annotations

import json
import os
import sys
import threading
import time
from datetime import date

import click

from . import __version__


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2022-03-01") from None


class Progress:
    """A progress line on stderr: articles done (of the total, when known cheaply), articles/s, ETA, errors.

    Redrawn at most four times a second, and only when enabled (stderr is a terminal, no
    --quiet); error lines are printed above it. The total is counted in a background thread.
    """

    WIDTH = 24

    def __init__(self, enabled: bool, inputs=()):
        self.enabled = enabled
        self.done = self.errors = 0
        self.total: int | None = None
        self.t0 = self.last = time.monotonic()
        self.drawn = False
        if enabled and inputs:
            threading.Thread(target=self._count, args=(list(inputs),), daemon=True).start()

    def _count(self, inputs) -> None:
        from .build import count_articles

        try:
            self.total = count_articles(inputs)
        except OSError:
            pass

    def update(self, report) -> None:
        self.errors = len(report.errors)
        self.done = report.processed + report.unchanged + self.errors - report.failed  # + skipped bad input
        now = time.monotonic()
        if self.enabled and now - self.last > 0.25:
            self.last = now
            self._draw(now)

    def message(self, text: str) -> None:
        """Print a line on stderr above the progress line."""
        click.echo(("\r\x1b[K" if self.drawn else "") + text, err=True)
        self.drawn = False

    def line(self, now: float) -> str:
        elapsed = max(now - self.t0, 1e-9)
        rate = self.done / elapsed
        parts = [f"{self.done:,} articles", f"{rate:,.0f}/s"]
        total = self.total
        if total and total >= self.done:
            filled = int(self.WIDTH * self.done / total) if total else self.WIDTH
            eta = (total - self.done) / rate if rate > 0 else None
            parts = [f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.done:,}/{total:,} articles", f"{rate:,.0f}/s"]
            if eta is not None:
                parts.append(f"ETA {_duration(eta)}")
        parts.append(f"{self.errors:,} errors")
        return "  ".join(parts)

    def _draw(self, now: float, end: str = "") -> None:
        click.echo(f"\r\x1b[K{self.line(now)}{end}", err=True, nl=False)
        self.drawn = not end

    def close(self) -> None:
        if self.enabled and self.drawn:
            self._draw(time.monotonic(), "\n")


def _duration(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
def main() -> None:
    """Dated conflict events from Indonesian news, as a Parquet dataset.

    \b
    Example:
        timeline build raw/ -o dataset
        timeline export dataset --table events --format csv > events.csv
    """


_QUIET_TRACKER = "ignore:resource_tracker:UserWarning"


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "out", default="dataset", show_default=True, type=click.Path(),
              help="Dataset folder to write; an existing one is added to (replaced atomically when the build completes).")
@click.option("--published", callback=_date, metavar="DATE",
              help="Anchor date (YYYY-MM-DD) for articles without a 'published' value.")
@click.option("--strict", is_flag=True, help="Stop at the first bad input instead of skipping it.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes (default: all cores). The rows do not depend on it.")
@click.option("--engine", type=click.Choice(["local", "dask"]),
              help="local: worker processes on this machine (default); dask: a Dask cluster (pip install 'timeline[dask]').")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (implies --engine dask; default: a LocalCluster of --jobs workers).")
@click.option("--rebuild", is_flag=True, help="Start OUT over instead of adding only new and changed articles.")
@click.option("--timeout", type=click.FloatRange(min=0), default=600, show_default=True, metavar="SECONDS",
              help="An article that takes longer fails alone, with an error, and its worker is restarted "
                   "(local engine with workers; 0: no limit).")
@click.option("-q", "--quiet", is_flag=True, help="No progress, errors or summary on stderr.")
@click.option("--json", "as_json", is_flag=True, help="Print the build summary as JSON on stdout.")
def build(inputs, out, published, strict, jobs, engine, scheduler, rebuild, timeout, quiet, as_json):
    """Build the events, dates and articles tables from INPUTS (files or folders).

    \b
    Inputs: *.txt / *.md (one article, optional --- front matter), *.jsonl,
    *.jsonl.gz (one JSON object per line), *.json (object or list).
    Bad input is reported on stderr with its file and line; the rest is built
    and the exit code is 1. No input files at all: exit 2.

    \b
    Into an existing OUT only new articles and changed ones (text, metadata or
    pipeline version) are processed; the others' rows are kept. --rebuild starts over.
    Events and dates are Hive-partitioned by year (OUT/events/year=2022/...,
    year=unknown for rows without a date).

    \b
    Example:
        timeline build raw/ -o dataset
        timeline build news.jsonl.gz -o out --published 2022-03-01 --jobs 8
        timeline build corpus/ -o out --engine dask --scheduler tcp://10.0.0.5:8786
    """
    # On Ctrl-C the build exits at once (os._exit): multiprocessing's resource tracker then frees
    # the pool's semaphores, and should not warn about them (it takes its -W flags from here).
    if _QUIET_TRACKER not in sys.warnoptions:
        sys.warnoptions.append(_QUIET_TRACKER)
    try:
        if (engine or "local") == "local" and not scheduler and jobs != 1:
            from .worker import prestart

            prestart()  # the workers' fork server warms up while this process imports the rest
        from .build import Incompatible, NoInput, StrictStop, build as run_build
        from .engines import EngineUnavailable
    except KeyboardInterrupt:  # before anything was written
        click.echo("timeline: interrupted; the output was not changed", err=True)
        sys.exit(130)

    if engine == "local" and scheduler:
        raise click.UsageError("--scheduler is for --engine dask")
    engine = engine or ("dask" if scheduler else "local")
    progress = Progress(enabled=not quiet and sys.stderr.isatty(), inputs=inputs)
    on_error = (lambda m: None) if quiet else (lambda m: progress.message(f"timeline: error: {m}"))
    try:
        report = run_build(inputs, out, published=published, strict=strict, jobs=jobs, engine=engine,
                           scheduler=scheduler, rebuild=rebuild, on_error=on_error, on_progress=progress.update,
                           timeout=timeout or None)
    except NoInput as exc:
        click.echo(f"timeline: {exc} in {', '.join(inputs)}", err=True)
        sys.exit(2)
    except (EngineUnavailable, Incompatible) as exc:
        click.echo(f"timeline: {exc}", err=True)
        sys.exit(2)
    except StrictStop:
        progress.message("timeline: stopped at the first error (--strict); the output was not changed")
        sys.exit(1)
    except KeyboardInterrupt:
        progress.message("timeline: interrupted; the output was not changed")
        sys.stderr.flush()
        os._exit(130)  # the temp dataset is already gone; skip exit hooks that join killed workers' threads
    except OSError as exc:
        progress.message(f"timeline: cannot build {out}: {exc}; the output was not changed")
        sys.exit(1)
    except Exception as exc:  # a bug, not bad input: say so in one line (TIMELINE_DEBUG=1 shows the traceback)
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        progress.message(f"timeline: internal error: {type(exc).__name__}: {exc}; the output was not changed "
                         "(set TIMELINE_DEBUG=1 for details)")
        sys.exit(1)
    progress.close()
    summary = {"output": str(out), "articles": report.articles, "processed": report.processed,
               "unchanged": report.unchanged, "replaced": report.replaced, "rows": report.rows,
               "errors": len(report.errors)}
    if as_json:
        click.echo(json.dumps(summary))
    elif not quiet:
        rows = ", ".join(f"{n:,} {t}" for t, n in report.rows.items())
        kept = f" ({report.unchanged:,} unchanged, kept)" if report.unchanged else ""
        click.echo(f"timeline: built {out}: {report.articles:,} articles{kept}; {rows}; {len(report.errors)} errors",
                   err=True)
    sys.exit(1 if report.errors else 0)


@main.command()
@click.argument("dataset", type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the problems as a JSON list.")
def validate(dataset, as_json):
    """Check a dataset against schema.json: exit 0 if valid, 1 with one line per problem.

    \b
    Example:
        timeline validate dataset
    """
    from .dataset import validate as run_validate

    problems = run_validate(dataset)
    if as_json:
        click.echo(json.dumps(problems))
    else:
        for p in problems:
            click.echo(f"{dataset}: {p}", err=True)
        if not problems:
            click.echo(f"{dataset}: valid", err=True)
    sys.exit(1 if problems else 0)


@main.command()
@click.argument("dataset", type=click.Path(exists=True, file_okay=False))
@click.option("--table", default="events", show_default=True, type=click.Choice(["events", "dates", "articles"]))
@click.option("--format", "fmt", default="csv", show_default=True, type=click.Choice(["csv", "jsonl"]))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@click.option("--type", "types", multiple=True, help="Keep only these event types (repeatable).")
@click.option("--since", callback=_date, metavar="DATE", help="Keep rows dated on or after DATE.")
@click.option("--until", callback=_date, metavar="DATE", help="Keep rows dated on or before DATE.")
def export(dataset, table, fmt, output, types, since, until):
    """Export a table as CSV (UTF-8, header, quoted) or JSON lines.

    \b
    Example:
        timeline export dataset --table events --type attack --since 2022-02-24 > attacks.csv
        timeline export dataset --table dates --format jsonl -o dates.jsonl
    """
    from .export import ExportError, export as run_export

    try:
        n = run_export(dataset, table, fmt, output, types=types, since=since, until=until)
    except ExportError as exc:
        click.echo(f"timeline: {exc}", err=True)
        sys.exit(2)
    if output:
        click.echo(f"timeline: wrote {n:,} rows to {output}", err=True)


@main.command()
@click.argument("text")
@click.option("--anchor", callback=_date, metavar="DATE", help="Reference date (default: inferred from the text).")
@click.option("--format", "fmt", default="table", show_default=True, type=click.Choice(["table", "json"]))
def dates(text, anchor, fmt):
    """Show every date expression in TEXT and how it was resolved.

    \b
    Example:
        timeline dates "Serangan dimulai Kamis (24/2) lalu." --anchor 2022-03-01
    """
    from .explain import date_rows

    rows, anchor_info = date_rows(text, anchor)
    if fmt == "json":
        click.echo(json.dumps({"anchor": anchor_info, "dates": rows}, default=str, ensure_ascii=False))
        return
    click.echo(f"anchor: {anchor_info['date']} ({anchor_info['method']}{'; ' + anchor_info['note'] if anchor_info['note'] else ''})")
    for r in rows:
        span = f"{r['date_start']}" if r["date_start"] == r["date_end"] else f"{r['date_start']}..{r['date_end']}"
        mod = f" {r['modifier']}" if r["modifier"] else ""
        wd = "" if r["weekday_consistent"] is None else f" weekday_consistent={r['weekday_consistent']}"
        click.echo(f"{r['start']:>5}-{r['end']:<5} {r['text']!r:28} {span:23} {r['granularity']}{mod}  [{r['method']}]{wd}")


@main.command()
@click.argument("dataset", type=click.Path(exists=True, file_okay=False))
@click.argument("event_id")
def explain(dataset, event_id):
    """Show why an event row is there: its sentence with trigger, date and actors marked, and the rules.

    \b
    Example:
        timeline explain dataset 3f2a9c...
    """
    from .explain import explain_event

    text = explain_event(dataset, event_id)
    if text is None:
        click.echo(f"timeline: no event {event_id!r} in {dataset}", err=True)
        sys.exit(1)
    click.echo(text)


if __name__ == "__main__":
    main()
