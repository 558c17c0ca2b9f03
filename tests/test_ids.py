"""IdSet: the compact set of article ids agrees with a Python set, across spills and merges."""
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.ids import IdMap, IdSet


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=6), max_size=300), st.integers(min_value=1, max_value=40))
def test_add_reports_new_exactly_as_a_set_does(keys, recent):
    ids, ref = IdSet(recent=recent), set()
    for k in keys:
        assert ids.add(k) == (k not in ref)
        ref.add(k)
    assert len(ids) == len(ref)
    assert all(k in ids for k in ref)
    assert "not-added-\x00" not in ids


def test_many_ids_spill_into_few_sorted_runs():
    ids = IdSet(recent=100)
    assert all(ids.add(f"article-{i}") for i in range(5_000))
    assert not any(ids.add(f"article-{i}") for i in range(0, 5_000, 7))
    assert len(ids) == 5_000 and len(ids._runs) <= 8


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=5), st.integers(min_value=0, max_value=2**64 - 1)), max_size=200),
       st.lists(st.text(max_size=5), max_size=20))
def test_idmap_answers_as_a_dict_does(items, probes):
    ref = dict(items)
    m = IdMap(items)
    assert len(m) == len(items)
    for k in list(ref) + probes:
        assert m.get(k) == ref.get(k)
