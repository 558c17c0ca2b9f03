"""Sentence splitting of Indonesian news: abbreviations, quotes, datelines, lines without story."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.text import dateline, segment, sentences


def texts(text):
    return [text[s:e] for s, e in sentences(text)]


@pytest.mark.parametrize("text", [
    "Kantor itu berada di Jl. Merdeka No. 5 di Kab. Bogor.",
    "Ia dirawat oleh dr. Budi dan Prof. Sari di rumah sakit.",
    "Hadir pula H. Ahmad, Hj. Siti, dll. pada acara itu.",
    "Komandan Kodim Letkol Inf. Budi Santoso memimpin patroli.",
    "Dana dikirim a.n. yayasan itu kemarin.",
    "Pasukan dipimpin Irjen Mathius D. Fakhiri dari Jayapura.",
])
def test_abbreviations_do_not_end_sentences(text):
    assert texts(text) == [text]


def test_sentence_ends_split():
    text = "Pasukan tiba di kota. Warga mengungsi! Apa yang terjadi? Semua diam."
    assert texts(text) == ["Pasukan tiba di kota.", "Warga mengungsi!", "Apa yang terjadi?", "Semua diam."]


def test_quote_spanning_sentences_stays_with_its_attribution():
    text = '"Kami siap. Kami tidak akan mundur," kata komandan itu, Senin (3/4). Lalu ia pergi.'
    assert texts(text) == ['"Kami siap. Kami tidak akan mundur," kata komandan itu, Senin (3/4).', "Lalu ia pergi."]


def test_unclosed_quote_does_not_swallow_the_paragraph():
    text = "“Kami siap. Kami bertahan. Lalu pasukan maju ke utara."
    assert len(texts(text)) == 3


def test_offsets_index_the_text():
    text = "  JAKARTA, KOMPAS.com - Hujan turun.\n\nBaca juga: Banjir di kota\n\nWarga pulang.  "
    for s, e in sentences(text):
        assert text[s:e] == text[s:e].strip() and text[s:e]


def test_paragraph_numbers_and_skip_flags():
    text = ("Pasukan tiba di kota itu pada pagi hari.\n\nBaca Juga: Serangan di kota lain\n\n"
            "Subjudul Pendek Tanpa Titik\n\nWarga mengungsi ke desa tetangga pada sore hari.")
    segs = segment(text)
    assert [s.para for s in segs] == [0, 1, 2, 3]
    assert [s.skip for s in segs] == [False, True, True, False]


def test_caption_with_photo_credit_is_skipped():
    text = ("Tentara berjaga di pos perbatasan pada pagi hari. Jet tempur mengebom wilayah itu.ANTARA/BUDI SANTOSO "
            "Tentara berjaga di pos perbatasan.\n\nPasukan kemudian mundur dari kota itu.")
    segs = segment(text)
    assert all(s.skip for s in segs if s.para == 0)
    assert not segs[-1].skip


def test_truncated_last_paragraph_is_kept():
    text = "Pasukan tiba.\n\nPemerintah mendesak kedua pihak untuk menghentikan pertempuran di wilay"
    assert not segment(text)[-1].skip


def test_bullets_are_skipped():
    text = "Serangan terjadi pagi tadi.\n• Dua Prajurit Tewas di Perbatasan\n• Warga Mengungsi"
    assert [s.skip for s in segment(text)] == [False, True, True]


@pytest.mark.parametrize("text, head", [
    ("JAKARTA, KOMPAS.com - Pasukan tiba.", "JAKARTA, KOMPAS.com - "),
    ("KHARTOUM, iNews.id - Pertempuran berlanjut.", "KHARTOUM, iNews.id - "),
    ("Liputan6.com, Jakarta - Drone ditembak jatuh.", "Liputan6.com, Jakarta - "),
    ("GAZA (Antara) – Serangan udara berlanjut.", "GAZA (Antara) – "),
])
def test_dateline(text, head):
    s, e = dateline(text)
    assert text[s:e] == head


@pytest.mark.parametrize("text", [
    "Pasukan Rusia menyerang kota itu - kata pejabat.",
    "Serangan berlanjut pada hari itu.",
])
def test_no_dateline(text):
    assert dateline(text) is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .!?\"“”\nJlN(),-", max_size=120))
def test_spans_are_ordered_disjoint_and_in_bounds(text):
    spans = sentences(text)
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        prev = e


def test_title_case_headline_is_skipped_even_when_long():
    text = ("Pasukan tiba di kota itu.\n\n5 KKB Berkumpul di Intan Jaya, Polri dan TNI Akan Kirim Pasukan Tambahan "
            "ke Sana\n\nWarga mengungsi ke desa tetangga.")
    assert [s.skip for s in segment(text)] == [False, True, False]


def test_run_on_text_is_cut_into_bounded_pieces():
    text = "kata " * 1000
    spans = sentences(text)
    assert len(spans) > 1 and all(e - s <= 1500 for s, e in spans)
    assert "".join(text[s:e] + " " for s, e in spans).split() == text.split()
