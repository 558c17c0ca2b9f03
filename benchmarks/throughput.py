"""Throughput of `timeline build` on synthetic corpora of N articles; prints figures, asserts nothing.

    .venv/bin/python benchmarks/throughput.py 10000 100000 [--jobs 2] [--engine local|dask] [--sample 200]

For each N: makes a corpus by varying ../shared/corpus/articles.jsonl (new ids, publication dates
shifted by up to four years, paragraphs after the first shuffled) in a temp folder, builds it with
`timeline build --jobs 2`, and reports articles/s, MB of text/s, peak RSS (sum over the process
tree, sampled with psutil: RSS summed and PSS summed, also per quarter of the build's time, to
show whether it levels off; and the largest single process, from getrusage), output size, the time
to add 100 new articles to the built dataset (the new file alone, and the whole corpus again), and
dateparser `search_dates` articles/s on a sample of the same texts.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
PER_FILE = 10_000
SAMPLE_EVERY = 0.25  # s between memory samples (RSS); the sampler's own CPU is what the build lacks
PSS_EVERY = 8  # ... and every 8th sample also reads PSS (smaps: about 1.5 ms a process)


def variants(n: int, start: int = 0, seed: int = 0) -> list[dict]:
    """n articles varied from the shared corpus: new ids, shifted dates, shuffled paragraphs."""
    base = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for i in range(start, start + n):
        rng = random.Random(seed * 1_000_003 + i)
        art = dict(base[i % len(base)])
        paras = art["text"].split("\n\n")
        rest = paras[1:]
        rng.shuffle(rest)
        art["text"] = "\n\n".join(paras[:1] + rest)
        pub = date.fromisoformat(art.get("published") or "2022-03-01") + timedelta(days=rng.randint(-730, 730))
        art.update(id=f"bench-{seed}-{i:08d}", published=pub.isoformat())
        out.append(art)
    return out


def write_corpus(folder: Path, n: int) -> int:
    """Write n articles as JSONL files of PER_FILE lines; returns the characters of text."""
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for k, start in enumerate(range(0, n, PER_FILE)):
        arts = variants(min(PER_FILE, n - start), start)
        chars += sum(len(a["text"]) for a in arts)
        with open(folder / f"part-{k:04d}.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in arts)
    return chars


def run_build(args: list[str]) -> tuple[float, dict[str, float], int]:
    """Run `timeline build ARGS`; (seconds, peak memory of the process tree in MB, exit code).

    The figures also give the CPU other processes on the machine used meanwhile (a shared
    machine makes the build slower than it is).

    Memory is sampled with psutil over the build process and all its descendants: the sum of
    RSS (counts pages shared between forked workers once per process) and the sum of PSS
    (shared pages split between the processes sharing them: what the tree really holds).
    """
    cmd = [sys.executable, "-m", "timeline.cli", "build", *args]
    busy0, t0 = _busy(), time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = {"rss": 0.0, "pss": 0.0, "largest": 0.0, "cpu": {}, "trace": []}
    sampler = threading.Thread(target=_sample_memory, args=(proc, peak), daemon=True)
    sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - t0
    sampler.join()
    own = sum(peak.pop("cpu").values())
    trace = peak.pop("trace")
    others = max(0.0, (_busy() - busy0 - own) / elapsed) * 100  # % of one CPU used by other processes
    if proc.returncode:
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    quarters = [max((r for t, r in trace if q * elapsed / 4 <= t < (q + 1) * elapsed / 4), default=0) / 2**20
                for q in range(4)]
    return elapsed, {**{k: v / 2**20 for k, v in peak.items()}, "others": others, "quarters": quarters}, proc.returncode


def _sample_memory(proc: subprocess.Popen, peak: dict[str, float]) -> None:
    try:
        import psutil
    except ImportError:
        return
    try:
        root, t0, n = psutil.Process(proc.pid), time.perf_counter(), 0
        while proc.poll() is None:
            rss = pss = 0
            full = n % PSS_EVERY == 0  # PSS reads smaps: about 1.5 ms a process, so less often
            n += 1
            for p in [root, *root.children(recursive=True)]:
                try:
                    info = p.memory_full_info() if full else p.memory_info()
                    rss, pss = rss + info.rss, pss + getattr(info, "pss", info.rss)
                    peak["largest"] = max(peak["largest"], info.rss)
                    cpu = p.cpu_times()
                    peak["cpu"][p.pid] = cpu.user + cpu.system
                except psutil.Error:
                    pass
            peak["rss"] = max(peak["rss"], rss)
            peak["pss"] = max(peak["pss"], pss) if full else peak["pss"]
            peak["trace"].append((time.perf_counter() - t0, rss))
            time.sleep(SAMPLE_EVERY)
    except psutil.Error:
        pass


def _busy() -> float:
    """CPU seconds the whole machine has spent busy so far (all processes, from /proc/stat)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    except OSError:
        return 0.0
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def dateparser_rate(texts: list[tuple[str, str]]) -> float:
    """articles/s of dateparser.search_dates with the settings a careful user would pick."""
    from datetime import datetime

    from dateparser.search import search_dates

    search_dates("Kamis (24/2)", languages=["id"])  # load the language data outside the timing
    t0 = time.perf_counter()
    for text, pub in texts:
        settings = {"RELATIVE_BASE": datetime.fromisoformat(pub), "DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"}
        search_dates(text, languages=["id"], settings=settings)
    return len(texts) / (time.perf_counter() - t0)


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def bench(n: int, jobs: int, sample: int, tmp: Path, engine: str = "local") -> dict:
    corpus, out = tmp / f"corpus-{n}", tmp / f"out-{n}"
    chars = write_corpus(corpus, n)
    secs, mem, rc = run_build([str(corpus), "-o", str(out), "--jobs", str(jobs), "--engine", engine, "--quiet",
                               "--rebuild"])
    add = tmp / f"add-{n}"
    add.mkdir()
    with open(add / "new.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in variants(100, 0, seed=1))
    add_secs, add_mem, _ = run_build([str(add), "-o", str(out), "--jobs", str(jobs), "--quiet"])
    with open(add / "new.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in variants(100, 0, seed=2))
    rescan_secs, rescan_mem, _ = run_build([str(corpus), str(add), "-o", str(out), "--jobs", str(jobs), "--quiet"])
    summary = json.loads((out / "_timeline.json").read_text())["build"]
    texts = [(a["text"], a["published"]) for a in variants(sample, 0, seed=3)]
    return {"N": n, "engine": engine, "exit": rc, "seconds": round(secs, 1), "articles/s": round(n / secs),
            "MB text/s": round(chars / 2**20 / secs, 2), "peak RSS sum MB": round(mem["rss"]),
            "peak PSS sum MB": round(mem["pss"]), "largest process MB": round(mem["largest"]),
            "peak RSS sum per quarter of the build MB": "/".join(f"{q:.0f}" for q in mem["quarters"]),
            "other processes' CPU %": round(mem["others"]),
            "output MB": round(size_mb(out), 1), "add 100 (new file) s": round(add_secs, 2),
            "add 100 (corpus rescanned) s": round(rescan_secs, 2), "rescan processed": summary["processed"],
            "add/rescan largest process MB": f"{add_mem['largest']:.0f}/{rescan_mem['largest']:.0f}",
            "dateparser articles/s": round(dateparser_rate(texts), 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", nargs="+", type=int, metavar="N")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--engine", default="local", help="engine of the main build (the add-100 builds stay local)")
    ap.add_argument("--sample", type=int, default=200, help="articles for the dateparser comparison")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        for n in args.sizes:
            row = bench(n, args.jobs, args.sample, Path(tmp), args.engine)
            row["pipeline / dateparser"] = round(row["articles/s"] / row["dateparser articles/s"], 1)
            print("  ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"largest single process RSS (getrusage, all runs): {maxrss:.0f} MB")


if __name__ == "__main__":
    main()
