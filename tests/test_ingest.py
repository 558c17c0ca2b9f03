"""Input formats of CONTRACT.md section 1, and bad input reported as data."""
import gzip
import json
from datetime import date

import pytest

from timeline.ingest import IngestError, parse_published, read_articles, split_front_matter


def _read(*paths):
    return list(read_articles(paths))


def test_txt_id_is_path_relative_to_input(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Serangan terjadi Kamis (24/2).", encoding="utf-8")
    [art] = _read(tmp_path)
    assert art.id == "sub/a.txt"
    assert art.text == "Serangan terjadi Kamis (24/2)."
    assert art.published is None


def test_md_front_matter_gives_metadata_and_text_after_it(tmp_path):
    p = tmp_path / "b.md"
    p.write_text("---\nid: x1\npublished: 2022-03-01\ntitle: Judul\n---\nTeks berita.\n", encoding="utf-8")
    [art] = _read(p)
    assert (art.id, art.published, art.title, art.text) == ("x1", "2022-03-01", "Judul", "Teks berita.\n")


@pytest.mark.parametrize("raw, meta, text", [
    ("no front matter", {}, "no front matter"),
    ("---\nkey: v\n---\nbody", {"key": "v"}, "body"),
    ("---\nunclosed: yes\nbody", {}, "---\nunclosed: yes\nbody"),
    ("---\r\nurl: http://a.b/c\r\n---\r\nbody", {"url": "http://a.b/c"}, "body"),
])
def test_split_front_matter(raw, meta, text):
    assert split_front_matter(raw) == (meta, text)


def test_jsonl_ids_default_to_stem_and_line(tmp_path):
    p = tmp_path / "news.jsonl"
    p.write_text(json.dumps({"text": "a"}) + "\n\n" + json.dumps({"id": "k", "text": "b"}) + "\n", encoding="utf-8")
    arts = _read(p)
    assert [a.id for a in arts] == ["news:1", "k"]


def test_jsonl_gz_and_json_list(tmp_path):
    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": "satu", "published": "2022-03-01T14:05:00+07:00"}) + "\n")
    (tmp_path / "b.json").write_text(json.dumps([{"text": "dua"}, {"text": "tiga", "id": 7}]), encoding="utf-8")
    arts = _read(tmp_path)
    assert [(a.id, a.text) for a in arts] == [("a:1", "satu"), ("b:1", "dua"), ("7", "tiga")]


def test_bad_jsonl_lines_are_errors_naming_file_and_line_and_the_rest_is_read(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"text": "ok"}\nnot json\n{"id": "n"}\n{"text": "", "id": "e"}\n{"text": "ok2"}\n', encoding="utf-8")
    items = _read(p)
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [a.text for a in items if not isinstance(a, IngestError)] == ["ok", "ok2"]
    assert [(e.line, e.path) for e in errors] == [(2, str(p)), (3, str(p)), (4, str(p))]
    assert "missing 'text'" in str(errors[1]) and str(errors[1]).startswith(f"{p}:3: ")


def test_non_utf8_empty_and_missing_files(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Serangan di Kh\xe1n".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    items = _read(tmp_path, tmp_path / "nope.txt")
    msgs = sorted(str(i) for i in items)
    assert len(msgs) == 4 and all(isinstance(i, IngestError) for i in items)
    assert any("latin.txt" in m and "UTF-8" in m for m in msgs)
    assert any("empty.txt" in m and "empty" in m for m in msgs)
    assert any("empty.jsonl" in m and "empty" in m for m in msgs)
    assert any("nope.txt" in m and "no such file" in m for m in msgs)


def test_bad_published_is_an_error(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "x", "published": "1 Maret"}) + "\n", encoding="utf-8")
    [err] = _read(p)
    assert isinstance(err, IngestError) and "published" in err.message and err.line == 1


@pytest.mark.parametrize("value, expected", [
    ("2022-03-01", date(2022, 3, 1)),
    ("2022-03-01T23:30:00+07:00", date(2022, 3, 1)),
    ("2022-03-01T01:00:00Z", date(2022, 3, 1)),
    ("2022-03-01 08:00", date(2022, 3, 1)),
])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


def test_folder_order_is_sorted_and_unknown_files_skipped(tmp_path):
    for name in ["b.txt", "a.txt", "notes.csv"]:
        (tmp_path / name).write_text("isi", encoding="utf-8")
    assert [a.id for a in _read(tmp_path)] == ["a.txt", "b.txt"]
