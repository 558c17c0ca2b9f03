"""Time of the temporal tagger on crafted hostile input, 10 KB to 1 MB: it must grow linearly.

    .venv/bin/python benchmarks/adversarial.py

Each input repeats one hostile motif (long digit runs, slashes, repeated month and weekday names,
parentheses, runs of number words, anaphora chains, blanks, listed days, capitalised names before
years, year words after months) up to the target size. Prints a table of seconds per size and the
ratio of time per KB between the largest and smallest size (about 1 when linear; a quadratic regex
would show ~100). Asserts nothing.
"""
from __future__ import annotations

import time
from datetime import date

from timeline.temporal import resolve_dates

MOTIFS = {
    "digit run": "1234567890",
    "slashes": "1/2/3/4/5/",
    "dates/slashes": "24/2/2022/",
    "month names": "Maret Februari Jan ",
    "weekday+bracket": "Kamis (24/2 ",
    "parentheses": "((((( )))) (",
    "number words": "dua puluh tiga satu ",
    "anaphora": "hari itu sehari kemudian ",
    "blanks+weekday": "Senin" + " " * 40,
    "hyphens": "24-24-24-24-",
    "mixed prose": "Pada Kamis (24/2) lalu, 5,2 persen; pukul 05.00 WIB, tiga hari lalu. ",
    "day lists": "1, 2, 3, 4 dan 5 Maret, ",
    "comma days": "1, " * 10 + "dan 2 Maret ",
    "week of month": "minggu kedua Maret pekan terakhir ",
    "capitalised names": "Operasi Damai Cartenz Raya Besar 2023 ",
    "year words": "Oktober tahun lalu 7 Maret tahun itu tanggal 5 bulan ini Kamis, 7-12-2023 tewas Minggu lalu ",
    "weekday weeks": "Senin dua puluh tiga pekan Selasa sepekan lalu Rabu tahun ",
}
SIZES = (10_000, 100_000, 1_000_000)


def timed(text: str) -> float:
    t0 = time.perf_counter()
    resolve_dates(text, date(2022, 3, 1))
    return time.perf_counter() - t0


def main() -> None:
    resolve_dates("Kamis (24/2)", date(2022, 3, 1))  # compile the grammar outside the timings
    head = "".join(f"{n // 1000:>9d} KB" for n in SIZES)
    print(f"{'motif':18s}{head}   per-KB ratio (1 MB / 10 KB)")
    for name, motif in MOTIFS.items():
        secs = [timed((motif * (n // len(motif) + 1))[:n]) for n in SIZES]
        ratio = (secs[-1] / SIZES[-1]) / max(secs[0] / SIZES[0], 1e-9)
        print(f"{name:18s}" + "".join(f"{s:11.3f}s" for s in secs) + f"   {ratio:6.2f}")


if __name__ == "__main__":
    main()
