"""The temporal tagger, rule by rule: expression in a sentence, anchor, expected dates.

Sentences are written for these tests (no corpus text). Each case names the expression it expects;
`resolve_dates` must return a row with exactly that text and those values.
"""
from __future__ import annotations

from datetime import date

import pytest

from timeline.model import DateMention
from timeline.temporal import resolve_dates

A = "2022-03-01"  # a Tuesday

# text, anchor, expression, date_start, date_end, granularity, modifier, method
CASES = [
    # weekday + (d/m): the weekday picks the year
    ("Serangan dimulai sejak Kamis (24/2) lalu.", A, "Kamis (24/2)", "2022-02-24", "2022-02-24", "day", "since", "weekday_day_month"),
    ("Banjir melanda sejak Rabu (29/12).", "2022-01-03", "Rabu (29/12)", "2021-12-29", "2021-12-29", "day", "since", "weekday_day_month"),
    ("Laga digelar Minggu (27/2) malam di Bandung.", A, "Minggu (27/2) malam", "2022-02-27", "2022-02-27", "day", None, "weekday_day_month"),
    ("Pemeriksaan berlanjut Selasa sore (1/3).", A, "Selasa sore (1/3)", "2022-03-01", "2022-03-01", "day", None, "weekday_day_month"),
    ("Warga mengungsi Sabtu (26/2) dini hari.", A, "Sabtu (26/2) dini hari", "2022-02-26", "2022-02-26", "day", None, "weekday_day_month"),
    ("Sidang digelar Jum'at (25/2).", A, "Jum'at (25/2)", "2022-02-25", "2022-02-25", "day", None, "weekday_day_month"),
    ("Sidang digelar Jum’at (25/2).", A, "Jum’at (25/2)", "2022-02-25", "2022-02-25", "day", None, "weekday_day_month"),
    ("SIDANG DIGELAR JUMAT (25/2).", A, "JUMAT (25/2)", "2022-02-25", "2022-02-25", "day", None, "weekday_day_month"),
    ("Rapat digelar Rabu ( 2/3/2022 ) di Jakarta.", A, "Rabu ( 2/3/2022 )", "2022-03-02", "2022-03-02", "day", None, "explicit"),
    ("Penutupan berlaku hingga Kamis (29/2).", "2024-02-20", "Kamis (29/2)", "2024-02-29", "2024-02-29", "day", "until", "weekday_day_month"),
    ("Kapal itu tenggelam Senin (28/2/22).", A, "Senin (28/2/22)", "2022-02-28", "2022-02-28", "day", None, "explicit"),
    ("Serangan terjadi Kamis (24 Februari 2022) pagi.", A, "Kamis (24 Februari 2022)", "2022-02-24", "2022-02-24", "day", None, "explicit"),
    ("Rapat digelar Senin, 28/2 di Jakarta.", A, "Senin, 28/2", "2022-02-28", "2022-02-28", "day", None, "weekday_day_month"),
    # full, partial and numeric dates
    ("Perjanjian diteken pada 24 Februari 2022 di Jenewa.", A, "24 Februari 2022", "2022-02-24", "2022-02-24", "day", None, "explicit"),
    ("Dokumen bertanggal 24 Feb 2022 itu bocor.", A, "24 Feb 2022", "2022-02-24", "2022-02-24", "day", None, "explicit"),
    ("Batas waktu 30 Nop 2021 terlewati.", A, "30 Nop 2021", "2021-11-30", "2021-11-30", "day", None, "explicit"),
    ("Kontrak berakhir 5 Agt 2021.", A, "5 Agt 2021", "2021-08-05", "2021-08-05", "day", None, "explicit"),
    ("Pada Kamis, 24 Februari 2022, pasukan bergerak.", A, "Kamis, 24 Februari 2022", "2022-02-24", "2022-02-24", "day", None, "explicit"),
    ("Data dirilis 24/02/2022 oleh lembaga itu.", A, "24/02/2022", "2022-02-24", "2022-02-24", "day", None, "explicit"),
    ("Data dirilis 24-02-2022 oleh lembaga itu.", A, "24-02-2022", "2022-02-24", "2022-02-24", "day", None, "explicit"),
    ("Data dirilis 2022-02-24 oleh lembaga itu.", A, "2022-02-24", "2022-02-24", "2022-02-24", "day", None, "explicit"),
    ("Pemilu digelar pada Februari 2024.", A, "Februari 2024", "2024-02-01", "2024-02-29", "month", None, "explicit"),
    ("Harga naik sejak Februari lalu.", A, "Februari lalu", "2022-02-01", "2022-02-28", "month", "since", "month"),
    ("Kebijakan itu dicabut pada bulan Maret lalu.", "2022-11-10", "bulan Maret lalu", "2022-03-01", "2022-03-31", "month", None, "month"),
    ("Pembangunan rampung Desember ini.", "2013-12-05", "Desember ini", "2013-12-01", "2013-12-31", "month", None, "month"),
    ("Gencatan senjata berlaku mulai tanggal 24.", "2022-03-20", "tanggal 24", "2022-03-24", "2022-03-24", "day", "since", "day"),
    ("Kiriman minyak untuk pengiriman Januari turun tipis.", "2014-12-09", "Januari", "2015-01-01", "2015-01-31", "month", None, "month"),
    ("Harga anjlok sejak Juni, kata analis.", "2014-11-20", "Juni", "2014-06-01", "2014-06-30", "month", "since", "month"),
    ("Pertemuan berikutnya dijadwalkan pada Juni di Wina.", "2014-11-28", "Juni", "2015-06-01", "2015-06-30", "month", None, "month"),
    # years, eras, quarters
    ("Konflik itu berlangsung sejak tahun 2014.", A, "tahun 2014", "2014-01-01", "2014-12-31", "year", "since", "explicit"),
    ("Pada 2021, ekonomi tumbuh 3,69 persen.", A, "2021", "2021-01-01", "2021-12-31", "year", None, "explicit"),
    ("Kontrak blok itu habis 2027.", A, "2027", "2027-01-01", "2027-12-31", "year", None, "explicit"),
    ("Negara itu merdeka pada awal 1990-an.", A, "awal 1990-an", "1990-01-01", "1999-12-31", "decade", "start", "explicit"),
    ("Musik era 90-an kembali populer.", A, "era 90-an", "1990-01-01", "1999-12-31", "decade", None, "decade"),
    ("Ekonomi tumbuh pada kuartal I 2022.", A, "kuartal I 2022", "2022-01-01", "2022-03-31", "quarter", None, "explicit"),
    ("Target berlaku hingga triwulan I-2015.", "2014-12-15", "triwulan I-2015", "2015-01-01", "2015-03-31", "quarter", "until", "explicit"),
    ("Pasokan sulit terserap dalam kuartal pertama dan kedua tahun depan.", "2014-12-09", "kuartal pertama dan kedua tahun depan", "2015-01-01", "2015-06-30", "quarter", None, "quarter"),
    ("Pertumbuhan pada kuartal tiga pertama tahun ini melambat.", "2014-12-17", "kuartal tiga pertama tahun ini", "2014-01-01", "2014-09-30", "quarter", None, "quarter"),
    ("Harga akan jatuh hingga paruh pertama tahun depan.", "2014-12-09", "paruh pertama tahun depan", "2015-01-01", "2015-06-30", "quarter", "until", "quarter"),
    ("Produksi turun pada kuartal ketiga.", "2014-12-09", "kuartal ketiga", "2014-07-01", "2014-09-30", "quarter", None, "quarter"),
    # deictic
    ("Hari ini, bank sentral menahan suku bunga.", A, "Hari ini", A, A, "day", None, "deictic"),
    ("Polisi menggerebek gudang itu kemarin.", A, "kemarin", "2022-02-28", "2022-02-28", "day", None, "deictic"),
    ("Kemarin lusa banjir merendam desa.", A, "Kemarin lusa", "2022-02-27", "2022-02-27", "day", None, "deictic"),
    ("Presiden berkunjung besok.", A, "besok", "2022-03-02", "2022-03-02", "day", None, "deictic"),
    ("Rapat digelar lusa.", A, "lusa", "2022-03-03", "2022-03-03", "day", None, "deictic"),
    ("Ledakan terdengar tadi malam.", A, "tadi malam", "2022-02-28", "2022-02-28", "day", None, "deictic"),
    ("Hujan deras turun semalam.", A, "semalam", "2022-02-28", "2022-02-28", "day", None, "deictic"),
    ("Bursa dibuka melemah pagi ini.", A, "pagi ini", A, A, "day", None, "deictic"),
    ("Gempa susulan terjadi dini hari tadi.", A, "dini hari tadi", A, A, "day", None, "deictic"),
    ("Laporan yang dirilis kemarin (28/2) menunjukkan kenaikan.", A, "kemarin (28/2)", "2022-02-28", "2022-02-28", "day", None, "day_month"),
    # relative
    ("Dua hari lalu, polisi menangkap tersangka.", A, "Dua hari lalu", "2022-02-27", "2022-02-27", "day", None, "relative"),
    ("Tiga hari yang lalu warga melapor.", A, "Tiga hari yang lalu", "2022-02-26", "2022-02-26", "day", None, "relative"),
    ("Ia ditahan dua puluh tiga hari lalu.", A, "dua puluh tiga hari lalu", "2022-02-06", "2022-02-06", "day", None, "relative"),
    ("Proyek dimulai sebelas bulan lalu.", A, "sebelas bulan lalu", "2021-04-01", "2021-04-30", "month", None, "relative"),
    ("Sebulan yang lalu ia masih bekerja.", A, "Sebulan yang lalu", "2022-02-01", "2022-02-28", "month", None, "relative"),
    ("Setahun lalu desa itu masih utuh.", A, "Setahun lalu", "2021-01-01", "2021-12-31", "year", None, "relative"),
    ("Sepekan lalu harga masih stabil.", A, "Sepekan lalu", "2022-02-21", "2022-02-27", "week", None, "relative"),
    ("Dua bulan lagi harga bisa berubah.", "2014-12-03", "Dua bulan lagi", "2015-02-01", "2015-02-28", "month", None, "relative"),
    ("Pekan lalu pemerintah memperpanjang PPKM.", A, "Pekan lalu", "2022-02-21", "2022-02-27", "week", None, "relative"),
    ("Minggu lalu harga cabai naik.", A, "Minggu lalu", "2022-02-21", "2022-02-27", "week", None, "relative"),
    ("Pasokan datang pekan ini.", A, "pekan ini", "2022-02-28", "2022-03-06", "week", None, "relative"),
    ("Tarif naik minggu depan.", A, "minggu depan", "2022-03-07", "2022-03-13", "week", None, "relative"),
    ("Tahun lalu wisatawan turun.", A, "Tahun lalu", "2021-01-01", "2021-12-31", "year", None, "relative"),
    ("Efek Musim Dingin Tahun Lalu", A, "Tahun Lalu", "2021-01-01", "2021-12-31", "year", None, "relative"),
    ("Tiket diperkirakan naik bulan depan.", A, "bulan depan", "2022-04-01", "2022-04-30", "month", None, "relative"),
    ("Jalan tol ditargetkan selesai akhir tahun ini.", A, "akhir tahun ini", "2022-01-01", "2022-12-31", "year", "end", "relative"),
    ("Pasukan menyerbu selama akhir pekan.", "2022-09-13", "akhir pekan", "2022-09-05", "2022-09-11", "week", "end", "relative"),
    ("Laba dibukukan menjelang akhir tahun.", "2014-12-30", "akhir tahun", "2014-01-01", "2014-12-31", "year", "end", "relative"),
    ("Evaluasi dilakukan pada awal Maret.", A, "awal Maret", "2022-03-01", "2022-03-31", "month", "start", "month"),
    ("Sistem berlaku pertengahan 2014.", "2013-10-18", "pertengahan 2014", "2014-01-01", "2014-12-31", "year", "mid", "explicit"),
    ("Stok habis hingga penghujung 2013 ini.", "2013-12-06", "penghujung 2013", "2013-01-01", "2013-12-31", "year", "end", "explicit"),
    # bare weekdays
    ("Sabtu lalu buruh berunjuk rasa.", A, "Sabtu lalu", "2022-02-26", "2022-02-26", "day", None, "weekday"),
    ("Siswa kembali belajar Senin depan.", A, "Senin depan", "2022-03-07", "2022-03-07", "day", None, "weekday"),
    ("Menteri akan berkunjung pada Jumat mendatang.", A, "Jumat mendatang", "2022-03-04", "2022-03-04", "day", None, "weekday"),
    ("Korban tewas pada hari Ahad kemarin.", "2019-07-22", "Ahad kemarin", "2019-07-21", "2019-07-21", "day", None, "weekday"),
    ("Pertempuran mereda pada Minggu pagi.", "2023-04-30", "Minggu pagi", "2023-04-30", "2023-04-30", "day", None, "weekday"),
    ("Pernyataan itu disampaikan pada Kamis.", A, "Kamis", "2022-02-24", "2022-02-24", "day", None, "weekday"),
    ("Delegasi akan tiba Kamis untuk berunding.", A, "Kamis", "2022-03-03", "2022-03-03", "day", None, "weekday"),
    ("Rapat pada Selasa (1/3) dilanjutkan. Keputusan diumumkan Selasa malam.", A, "Selasa malam", A, A, "day", None, "weekday"),
    ("Ia tiba Jumat pekan lalu.", A, "Jumat pekan lalu", "2022-02-25", "2022-02-25", "day", None, "weekday"),
    ("Delegasi pulang Senin minggu depan.", A, "Senin minggu depan", "2022-03-07", "2022-03-07", "day", None, "weekday"),
    ("Ledakan terjadi Jumat (25/2) kemarin.", A, "Jumat (25/2)", "2022-02-25", "2022-02-25", "day", None, "weekday_day_month"),
    ("Ekonomi tumbuh pada kuartal IV/2021.", A, "kuartal IV/2021", "2021-10-01", "2021-12-31", "quarter", None, "explicit"),
    # ranges
    ("Festival berlangsung 24-26 Februari 2022 di Bali.", A, "24-26 Februari 2022", "2022-02-24", "2022-02-26", "day", None, "range"),
    ("Pameran digelar 24 hingga 26 Februari.", A, "24 hingga 26 Februari", "2022-02-24", "2022-02-26", "day", None, "range_day_month"),
    ("Operasi berlangsung 24 Februari-3 Maret 2022.", A, "24 Februari-3 Maret 2022", "2022-02-24", "2022-03-03", "day", None, "range"),
    ("Harga berkisar 95 dolar pada Juni-Juli 2014.", A, "Juni-Juli 2014", "2014-06-01", "2014-07-31", "month", None, "explicit"),
    ("Unjuk rasa digelar Sabtu-Minggu (26-27/2) di ibu kota.", A, "Sabtu-Minggu (26-27/2)", "2022-02-26", "2022-02-27", "day", None, "range_day_month"),
    ("Kamis lalu (24/2), pasukan menyeberang.", A, "Kamis lalu (24/2)", "2022-02-24", "2022-02-24", "day", None, "weekday_day_month"),
    ("Pasukan berkumpul 20 Januari hingga 5 Februari 2021.", A, "20 Januari", "2021-01-20", "2021-01-20", "day", None, "day_month"),
    ("Minggu kedua Maret dan sejak Juni OPEC menahan produksi.", A, "Juni", "2021-06-01", "2021-06-30", "month", "since", "month"),
    ("Libur panjang 30 Desember-2 Januari.", "2022-12-20", "30 Desember-2 Januari", "2022-12-30", "2023-01-02", "day", None, "range_day_month"),
    # the hard ones
    ("Timnas akan bertanding Minggu (6/3) di Bangkok.", A, "Minggu (6/3)", "2022-03-06", "2022-03-06", "day", None, "weekday_day_month"),
    ("Laporan dari desa itu menyebut serangan terjadi Selasa sore (27/7).", "2023-06-29", "Selasa sore (27/7)", "2023-06-27", "2023-06-27", "day", None, "corrected"),
    ("Harga minyak turun pada Rabu (14/12/2014) waktu setempat (Kamis pagi WIB).", "2014-12-25", "Rabu (14/12/2014)", "2014-12-24", "2014-12-24", "day", None, "corrected"),
    ("Pasar ditutup melemah hari ini, Kamis (11/12/2013).", "2014-12-11", "Kamis (11/12/2013)", "2014-12-11", "2014-12-11", "day", None, "corrected"),
    ("Kudeta terjadi pada Selasa (1/2/2021) dini hari.", "2021-02-02", "Selasa (1/2/2021) dini hari", "2021-02-01", "2021-02-01", "day", None, "explicit"),
]


def _find(rows: list[DateMention], expr: str) -> DateMention:
    hits = [r for r in rows if r.text == expr]
    assert hits, f"{expr!r} not among {[r.text for r in rows]}"
    return hits[0]


@pytest.mark.parametrize("text,anchor,expr,start,end,gran,modifier,method", CASES, ids=[c[2] for c in CASES])
def test_expression(text, anchor, expr, start, end, gran, modifier, method) -> None:
    row = _find(resolve_dates(text, date.fromisoformat(anchor)), expr)
    assert (row.date_start.isoformat(), row.date_end.isoformat(), row.granularity) == (start, end, gran)
    assert (row.modifier, row.method) == (modifier, method)
    assert text[row.start:row.end] == row.text


NEGATIVES = [
    "Gempa berkekuatan 5,2 magnitudo mengguncang pesisir.",
    "Pasukan merebut 3/4 wilayah itu.",
    "Skor akhir 2-1 untuk tuan rumah.",
    "Rapat dimulai pukul 05.00 WIB di markas.",
    "Bantuan tiba dalam 24 jam.",
    "Kasus COVID-19 menurun, kata juru bicara.",
    "KTT G20 membahas krisis pangan.",
    "Jet tempur F-16 dikerahkan ke perbatasan.",
    "Penyelidikan MH17 dan QZ8501 belum tuntas.",
    "Tersangka dijerat Pasal 55 KUHP.",
    "Hubungi 0812-3456-7890 untuk informasi.",
    "Sumber: https://contoh.id/2022/02/24/berita-serangan dan www.contoh.id/24-02-2022.",
    "Warga berjaga selama tiga hari.",
    "Pasar itu ramai setiap Senin.",
    "Saat ini situasi kondusif, kini warga kembali.",
    "Sejak saat itu situasi memburuk; dulu desa itu aman.",
    "Sebanyak 2000 personel dan 1.500 warga dievakuasi.",
    "Ia tinggal di Pasar Minggu, Jakarta Selatan.",
    "Layanan buka Senin-Jumat, tutup Sabtu-Minggu.",
    "Mobil dinas dibatasi lewat Permen ESDM No 1/2013.",
    "Pengungsi bertahan beberapa hari mendatang.",
    "Harga turun dalam dua minggu terakhir.",
    "Tarif Rp 2.000 per liter.",
    "Pasar ramai setiap hari Jumat.",
    "Sebanyak 2000 pengungsi tiba di perbatasan.",
    "Ia bertemu Juni Rahmawati di posko.",
    "Pertandingan pekan ketiga digelar tanpa penonton.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_a_date(text: str) -> None:
    rows = resolve_dates(text, date(2022, 3, 1))
    assert rows == [], [(r.text, r.date_start) for r in rows]


def test_several_expressions_in_text_order() -> None:
    text = "Kemarin, Minggu (2/1), warga memadati pantai; pada 24 Februari 2022 dan pekan lalu juga."
    rows = resolve_dates(text, date(2022, 1, 3))
    assert [r.text for r in rows] == ["Kemarin", "Minggu (2/1)", "24 Februari 2022", "pekan lalu"]
    assert [r.start for r in rows] == sorted(r.start for r in rows)


def test_trailing_deictic_restating_a_bracketed_date_is_not_a_row() -> None:
    assert [r.text for r in resolve_dates("Ledakan terjadi Jumat (25/2) kemarin.", date(2022, 2, 26))] == ["Jumat (25/2)"]


def test_two_complete_dates_joined_by_a_word_are_two_rows() -> None:
    rows = resolve_dates("Pengepungan berlangsung sejak 24 Februari hingga 3 Maret 2022.", date(2022, 3, 10))
    assert [(r.text, r.modifier) for r in rows] == [("24 Februari", "since"), ("3 Maret 2022", "until")]


def test_anaphora_resolve_against_the_previous_date() -> None:
    text = ("Pesawat dibakar pada 7 Februari 2023. Satu hari berselang, aparat menyisir hutan. "
            "Serangan pertama terjadi pada 4 Februari 2023 atau tiga hari sebelum pesawat dibakar. "
            "Pada hari itu juga warga mengungsi.")
    rows = {r.text: r for r in resolve_dates(text, date(2023, 8, 7))}
    assert rows["Satu hari berselang"].date_start == date(2023, 2, 8)
    assert rows["Satu hari berselang"].anchor == date(2023, 2, 7)
    assert rows["tiga hari sebelum"].date_start == date(2023, 2, 4)
    assert rows["hari itu"].date_start == date(2023, 2, 4)
    assert {rows[k].method for k in ("Satu hari berselang", "tiga hari sebelum", "hari itu")} == {"anaphoric"}


def test_days_before_an_event_are_unplaced_unless_it_refers_back() -> None:
    text = "Serangan terjadi 24 Februari 2022. Tiga hari setelah pemilu, warga mengungsi."
    row = resolve_dates(text, date(2022, 3, 1))[1]
    assert (row.text, row.date_start, row.value) == ("Tiga hari setelah", None, "EVENT+3D")
    text = "Serangan terjadi 24 Februari 2022. Tiga hari setelah serangan itu, warga mengungsi."
    row = resolve_dates(text, date(2022, 3, 1))[1]
    assert (row.text, row.date_start, row.value) == ("Tiga hari setelah", date(2022, 2, 27), "EVENT+3D")
    assert resolve_dates("Lebih dari dua tahun setelah kudeta, militer melemah.", date(2023, 6, 1)) == []


def test_anaphora_skip_reporting_dates() -> None:
    text = ("Drone ditembak jatuh pada Sabtu (18/11). Hal itu dilaporkan, dikutip dari BBC, Minggu (19/11/2023). "
            "Drone itu diluncurkan pada malam sebelumnya.")
    rows = {r.text: r for r in resolve_dates(text, date(2023, 11, 19))}
    assert rows["malam sebelumnya"].date_start == date(2023, 11, 17)


def test_anaphora_without_antecedent_has_no_date() -> None:
    row = resolve_dates("Pada hari itu warga mengungsi.", date(2022, 3, 1))[0]
    assert (row.text, row.date_start, row.method) == ("hari itu", None, "anaphoric")


def test_year_anaphora_takes_a_year_antecedent() -> None:
    rows = resolve_dates("Pada 2012 konsumsi naik 9,7 persen dibanding setahun sebelumnya.", date(2013, 12, 5))
    assert (rows[1].text, rows[1].date_start, rows[1].date_end) == ("setahun sebelumnya", date(2011, 1, 1), date(2011, 12, 31))


def test_bare_weekday_takes_the_explicit_date_of_the_same_weekday() -> None:
    text = "OPEC akan bertemu pada Kamis (27/11/2014). Para menteri membahas kuota pada pertemuan Kamis di Wina."
    rows = resolve_dates(text, date(2014, 11, 26))
    assert rows[1].text == "Kamis" and rows[1].date_start == date(2014, 11, 27)


def test_dates_in_link_lines_are_not_antecedents() -> None:
    text = ("Pilot disandera pada 7 Februari 2023.\n\nBaca juga: Lowongan dibuka hingga 15 Agustus 2023\n\n"
            "Satu hari berselang, aparat tiba.")
    rows = {r.text: r for r in resolve_dates(text, date(2023, 8, 7))}
    assert rows["Satu hari berselang"].date_start == date(2023, 2, 8)


def test_weekday_consistency_flag() -> None:
    ok, bad, none = resolve_dates("Selasa (1/3/2022), Senin (1/3/2022), lalu 24 Februari 2022.", date(2022, 3, 2))
    assert (ok.weekday_consistent, bad.weekday_consistent, none.weekday_consistent) == (True, False, None)
    assert bad.date_start == date(2022, 3, 1)


def test_value_strings_are_underspecified() -> None:
    rows = resolve_dates("Kamis (24/2) dan dua hari lalu serta kuartal I 2022.", date(2022, 3, 1))
    assert [r.value for r in rows] == ["XXXX-02-24 wd=4", "REF-2D", "2022-M01..M03"]


def test_no_anchor_resolves_only_explicit_dates() -> None:
    rows = resolve_dates("Pada 24 Februari 2022 dan Kamis (24/2) serta kemarin, pekan lalu.", None)
    got = {r.text: r.date_start for r in rows}
    assert got == {"24 Februari 2022": date(2022, 2, 24), "Kamis (24/2)": None, "kemarin": None, "pekan lalu": None}
    assert all(r.anchor is None for r in rows)


def test_anchor_column_is_the_reference_used() -> None:
    rows = resolve_dates("Kemarin dan 24 Februari 2022.", date(2022, 3, 1))
    assert rows[0].anchor == date(2022, 3, 1) and rows[1].anchor is None


def test_empty_and_odd_text() -> None:
    assert resolve_dates("", date(2022, 3, 1)) == []
    assert resolve_dates("Kamis (31/2) dan 30 Februari 2022 serta (00/13).", date(2022, 3, 1)) == []


def test_uncued_day_month_leans_past_unless_the_future_one_is_near() -> None:
    from timeline.temporal.periods import FUTURE_REACH_DAYS, day_month_year, month_year
    anchor = date(2023, 12, 10)
    assert day_month_year(24, 2, anchor, None) == 2023  # 289 days back beats 76 ahead
    assert day_month_year(5, 1, anchor, None) == 2024  # 26 days ahead: within reach
    assert day_month_year(24, 2, anchor, "future") == 2024
    assert day_month_year(24, 2, anchor, None, lean=False) == 2024  # plain nearest
    assert FUTURE_REACH_DAYS == 31
    assert month_year(1, anchor, None, None) == 2024 and month_year(3, anchor, None, None) == 2023


def test_week_of_month_bounds() -> None:
    from timeline.temporal.periods import week_of_month
    assert week_of_month(2023, 3, 2) == (date(2023, 3, 8), date(2023, 3, 14))
    assert week_of_month(2023, 3, 5) == (date(2023, 3, 29), date(2023, 3, 31))
    assert week_of_month(2023, 2, 5) is None
    assert week_of_month(2024, 2, -1) == (date(2024, 2, 23), date(2024, 2, 29))


def test_listed_days_are_rows_of_their_own() -> None:
    rows = resolve_dates("Sidang digelar sejak 24, 25 dan 26 Februari 2022.", date(2022, 3, 1))
    assert [(r.text, r.date_start) for r in rows] == [
        ("24", date(2022, 2, 24)), ("25", date(2022, 2, 25)), ("26 Februari 2022", date(2022, 2, 26))]
    assert rows[0].modifier == "since"
    rows = resolve_dates("pada tanggal 24 dan 25 Desember", date(2023, 12, 10))
    assert [r.text for r in rows] == ["tanggal 24", "25 Desember"]


def test_day_anaphor_after_a_coarser_date_is_unplaced() -> None:
    rows = resolve_dates("Sabtu (2/12) pos diserang. Bulan lalu warga mengungsi. Sehari kemudian jalan ditutup.",
                         date(2023, 12, 10))
    assert _find(rows, "Sehari kemudian").date_start is None
    rows = resolve_dates("Bulan lalu warga mengungsi. Sabtu (2/12) pos diserang. Sehari kemudian jalan ditutup.",
                         date(2023, 12, 10))
    assert _find(rows, "Sehari kemudian").date_start == date(2023, 12, 3)


def test_year_words_after_a_month_are_one_expression() -> None:
    rows = resolve_dates("Serangan pada Oktober tahun lalu dan 5 Maret tahun depan.", date(2023, 12, 10))
    got = {r.text: (r.date_start, r.date_end, r.method) for r in rows}
    assert got == {"Oktober tahun lalu": (date(2022, 10, 1), date(2022, 10, 31), "month"),
                   "5 Maret tahun depan": (date(2024, 3, 5), date(2024, 3, 5), "relative")}


def _day(rows: list[DateMention], text: str) -> date | None:
    return next(r.date_start for r in rows if r.text == text)


def test_anaphora_skip_dates_of_a_since_clause() -> None:
    text = ("Aparat membubarkan massa pada Jumat (12/4/2024). Jumlah korban tertinggi sejak aparat menguasai "
            "kota pada 2 Januari. Hari itu juga, jalan ditutup.")
    assert _day(resolve_dates(text, date(2024, 4, 14)), "Hari itu") == date(2024, 4, 12)
    text = "Pengungsi bertahan sejak Kamis (11/4). Hari itu jembatan putus."  # nothing better: the since-date
    assert _day(resolve_dates(text, date(2024, 4, 14)), "Hari itu") == date(2024, 4, 11)


def test_anaphora_skip_a_far_older_day_in_a_trailing_clause() -> None:
    aside = ("Kantor bupati dibakar pada Senin (8/4/2024). Kerugian mencapai Rp 2 miliar, lebih besar dari "
             "kebakaran pada 1 Maret. Sehari kemudian, polisi menangkap tiga orang.")
    assert _day(resolve_dates(aside, date(2024, 4, 14)), "Sehari kemudian") == date(2024, 4, 9)
    fronted = ("Kantor bupati dibakar pada Senin (8/4/2024). Sebelumnya, pada 1 Maret, pasar dibakar. "
               "Sehari kemudian, polisi menangkap tiga orang.")
    assert _day(resolve_dates(fronted, date(2024, 4, 14)), "Sehari kemudian") == date(2024, 3, 2)
    main = "Kantor bupati dibakar pada Senin (8/4/2024). Konflik itu pecah pada 1 Maret 2023. Hari itu dua orang tewas."
    assert _day(resolve_dates(main, date(2024, 4, 14)), "Hari itu") == date(2023, 3, 1)


def test_anaphora_past_until_bound_is_narrative_future_one_is_not() -> None:
    past = "Warga tiba Senin (8/4). Mereka bertahan hingga Rabu (10/4). Keesokan harinya hujan turun."
    assert _day(resolve_dates(past, date(2024, 4, 14)), "Keesokan harinya") == date(2024, 4, 11)
    future = "Warga tiba Senin (8/4). Status darurat berlaku hingga 30 April. Keesokan harinya hujan turun."
    assert _day(resolve_dates(future, date(2024, 4, 14)), "Keesokan harinya") == date(2024, 4, 9)


def test_daypart_with_an_anaphoric_word_is_a_day_anaphor() -> None:
    rows = resolve_dates("Pos diserang Minggu (7/4). Petang itu warga mengungsi. Pagi berikutnya polisi datang.",
                         date(2024, 4, 14))
    assert (_day(rows, "Petang itu"), _day(rows, "Pagi berikutnya")) == (date(2024, 4, 7), date(2024, 4, 8))


def test_days_before_an_event_named_in_the_narrative_sentence() -> None:
    first = "Milisi merebut Kota Baru pada Minggu (7/4/2024) dini hari. "
    rows = resolve_dates(first + "Dua hari sebelum Kota Baru direbut, tentara mundur.", date(2024, 4, 14))
    assert _find(rows, "Dua hari sebelum").date_start == date(2024, 4, 5)
    rows = resolve_dates(first + "Dua hari sebelum Kota Baru direbut, tentara mundur pada 4 April.", date(2024, 4, 14))
    assert _find(rows, "Dua hari sebelum").date_start is None  # another date in the sentence: unsure
    rows = resolve_dates(first + "Dua hari sebelum pemilu, tentara mundur.", date(2024, 4, 14))
    assert _find(rows, "Dua hari sebelum").date_start is None  # an event the text has not dated


def test_anchor_weekday_with_a_daypart_in_a_future_clause_is_the_anchor() -> None:
    monday = date(2024, 4, 8)
    assert _day(resolve_dates("Perundingan akan dilanjutkan Senin malam.", monday), "Senin malam") == monday
    assert _day(resolve_dates("Perundingan akan dilanjutkan Senin.", monday), "Senin") == date(2024, 4, 15)
    assert _day(resolve_dates("Perundingan akan dilanjutkan Selasa malam.", monday), "Selasa malam") == date(2024, 4, 9)


def test_anaphora_skip_a_date_of_prior_experience() -> None:
    text = ("Aparat menembaki demonstran pada Sabtu (6/4/2024). Kelompok itu pernah menyerang pos serupa pada "
            "12 Januari 2023. Hari itu pula, jalan ditutup.")
    assert _day(resolve_dates(text, date(2024, 4, 8)), "Hari itu") == date(2024, 4, 6)


def test_days_after_an_event_take_the_day_whose_sentence_names_it() -> None:
    text = ("Milisi menyerang Desa Sukamaju pada Selasa (2/4/2024). Pasukan tiba di Lembah Baliem pada "
            "Kamis (4/4/2024). Tiga hari setelah serangan di Sukamaju, warga mengungsi.")
    assert _find(resolve_dates(text, date(2024, 4, 10)), "Tiga hari setelah").date_start == date(2024, 4, 5)
