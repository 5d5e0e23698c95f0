"""Parse tasks take files in batches: few mapped tasks a day, never past Airflow's max_map_length."""

from __future__ import annotations

import pytest

from ingestion.pipeline import batch_label, batches


@pytest.mark.parametrize(("files", "size", "sizes"), [
    (0, 50, []),
    (1, 50, [1]),
    (12, 50, [12]),
    (51, 50, [26, 25]),
    (1600, 50, [50] * 32),
    (7, 3, [3, 2, 2]),
])
def test_batches_are_even_and_bounded(files, size, sizes):
    items = [{"file_name": f"{i}.txt"} for i in range(files)]
    got = batches(items, size)
    assert [len(b) for b in got] == sizes
    assert [item for batch in got for item in batch] == items  # every file once, in order


def test_the_batch_size_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSDW_PARSE_BATCH", "4")
    assert [len(b) for b in batches([{"file_name": str(i)} for i in range(10)])] == [4, 3, 3]


def test_batch_labels_name_the_files():
    assert batch_label([{"file_name": "a.txt"}]) == "a.txt"
    assert batch_label([{"file_name": "a.txt"}, {"file_name": "b.txt"}, {"file_name": "c.txt"}]) == "3 files: a.txt … c.txt"
