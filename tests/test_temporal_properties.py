"""Properties of the tagger on arbitrary and on date-flavoured text (hypothesis)."""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.numbers import parse_number
from timeline.temporal import infer_anchor, resolve_dates

WORDS = ["Kamis", "Minggu", "minggu", "(24/2)", "(29/2/2024)", "(31/2)", "24", "Februari", "Feb.", "2022",
         "1990-an", "lalu", "depan", "ini", "itu", "hari", "pekan", "bulan", "tahun", "kemarin", "lusa",
         "dua", "puluh", "se", "sehari", "kemudian", "sebelumnya", "awal", "akhir", "sejak", "hingga", "-",
         "/", ",", ".", "(", ")", "kuartal", "I", "pukul", "05.00", "5,2", "setiap", "Baca juga:", "\n",
         "https://x.id/2022/02/24", "(24/2/0000)", "(1/1/9999)", "tanggal", "era", "90-an", "Jum'at", "Sabtu-Minggu", "atau", "tepatnya",
         "dan", "kedua", "terakhir", "berikutnya", "Oktober", "7-12-2023", "Operasi", "belum", "ada", "sampai",
         "Senin-Rabu", "(6-8/3)", "25", "31", "tewas", "2023-Januari", "Maret", "antara"]

anchors = st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)), st.dates())
prose = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)
texts = st.one_of(st.text(max_size=300), prose)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(texts, anchors)
def test_rows_are_well_formed(text: str, anchor: date | None) -> None:
    rows = resolve_dates(text, anchor)
    last = -1
    for r in rows:
        assert text[r.start:r.end] == r.text and r.start < r.end
        assert r.start >= last
        last = r.end
        assert (r.date_start is None) == (r.date_end is None)
        if r.date_start is not None:
            assert r.date_start <= r.date_end
        assert r.granularity in {"day", "week", "month", "quarter", "year", "decade"}
        assert r.modifier in {None, "start", "mid", "end", "since", "until", "approx"}


@FAST
@given(texts, anchors)
def test_deterministic(text: str, anchor: date | None) -> None:
    assert resolve_dates(text, anchor) == resolve_dates(text, anchor)


@FAST
@given(prose, st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_no_anchor_never_invents_relative_dates(text: str, anchor: date) -> None:
    with_anchor = resolve_dates(text, anchor)
    without = resolve_dates(text, None)
    assert [(r.start, r.end) for r in with_anchor] == [(r.start, r.end) for r in without]
    needs_anchor = {"relative", "deictic", "weekday", "weekday_day_month", "month", "quarter", "decade", "day",
                    "month_week", "range_day_month"}
    for r in without:
        assert r.anchor is None or r.method == "anaphoric"
        if r.date_start is not None:
            assert r.method not in needs_anchor


@FAST
@given(st.text(max_size=200))
def test_infer_anchor_never_raises(text: str) -> None:
    a = infer_anchor(text)
    assert a.method in {"dateline", "inferred", "none"}
    assert (a.date is None) == (a.method == "none")


@FAST
@given(st.text(max_size=60))
def test_parse_number_never_raises(text: str) -> None:
    n = parse_number(text)
    assert n is None or n >= 0


@FAST
@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_group_marks_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}".replace(",", ".")) == n


def _reference_matches(text: str):
    """The scanner's result computed the slow, obvious way: every token located by finditer."""
    from timeline.temporal.grammar import TOKEN, grammar

    gr, done, out = grammar("id"), 0, []
    for tok in TOKEN.finditer(text):
        w, at = tok.group(), tok.start()
        cls = "digit" if w[0] in "0123456789" else "bracket" if w == "(" else "word"
        decimal = cls == "digit" and text[at - 1:at] in {".", ","} and text[at - 2:at - 1].isdigit()
        if at < done or decimal or (cls == "word" and w not in gr.starters):
            continue
        m = gr.regex[cls].match(text, at)
        if m:
            done = m.end()
            out.append(m.span())
    return out


TRICKY = WORDS + ["Jum’at", "JUMAT", "Kamisan", "½dua", "duanya", "sehariannya", "xKamis", "Senin2", "2022x", "((", "Maretnya"]


@FAST
@given(st.lists(st.sampled_from(TRICKY), max_size=30).map(lambda ws: "".join(w + (" " if i % 3 else "") for i, w in enumerate(ws))))
def test_fast_scanner_equals_reference(text: str) -> None:
    from timeline.temporal.extract import _matches
    from timeline.temporal.grammar import grammar

    assert [m.span() for m in _matches(text, grammar("id"))] == _reference_matches(text)


@FAST
@given(st.text(max_size=200))
def test_fast_scanner_equals_reference_on_any_text(text: str) -> None:
    from timeline.temporal.extract import _matches
    from timeline.temporal.grammar import grammar

    assert [m.span() for m in _matches(text, grammar("id"))] == _reference_matches(text)
