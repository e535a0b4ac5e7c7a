"""`dictcodes.dictionary_codes` gives exactly what Arrow's own unification gives, for less work."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from cxmapper.analysis.dictcodes import dictionary_codes


def _arrow_reference(column: pa.ChunkedArray) -> tuple[list[int], list[str | None]]:
    """Arrow's unify_dictionaries, indices concatenated, nulls as -1 (what to_pandas builds)."""
    unified = column.unify_dictionaries()
    codes = [
        i
        for chunk in unified.chunks
        for i in pc.fill_null(chunk.indices, -1).to_numpy(zero_copy_only=False).tolist()
    ]
    return codes, unified.chunks[0].dictionary.to_pylist()


def _dict(indices: list[int | None], values: pa.Array) -> pa.DictionaryArray:
    return pa.DictionaryArray.from_arrays(pa.array(indices, pa.int32()), values)


def test_shared_and_distinct_dictionaries_give_arrow_codes_and_order() -> None:
    first, second = pa.array(["x", "y", "w"]), pa.array(["z", "x"])
    column = pa.chunked_array(
        [
            _dict([1, None, 0], first),
            _dict([2, 2], first),  # the same dictionary object again (as batches of a row group)
            _dict([0, 1, None], second),
            _dict([], second),
            _dict([1], first),
        ]
    )
    codes, dictionary = dictionary_codes(column, trusted=False)
    expected_codes, expected_values = _arrow_reference(column)
    assert codes.dtype == np.int32
    assert codes.tolist() == expected_codes == [1, -1, 0, 2, 2, 3, 0, -1, 1]
    assert dictionary.to_pylist() == expected_values == ["x", "y", "w", "z"]


def test_one_shared_dictionary_over_many_chunks_is_merged_like_arrow() -> None:
    repeated = pa.array(["a", "b", "a"])  # Arrow merges a repeated value across chunks
    column = pa.chunked_array([_dict([0, 1], repeated), _dict([2, 0], repeated)])
    codes, dictionary = dictionary_codes(column)
    assert (codes.tolist(), dictionary.to_pylist()) == _arrow_reference(column)


def test_a_lone_untrusted_dictionary_must_hold_distinct_values() -> None:
    column = pa.chunked_array([_dict([0, 1], pa.array(["a", "a"]))])
    with pytest.raises(pa.ArrowInvalid):
        dictionary_codes(column, trusted=False)


def test_a_parquet_file_in_many_batches_reads_as_arrow_unifies_it(tmp_path) -> None:
    rng = np.random.default_rng(7)
    ids = [f"u{i:05d}" for i in rng.integers(0, 3000, 280_000)]
    path = tmp_path / "events.parquet"
    pq.write_table(pa.table({"case": ids}), path, row_group_size=140_000)
    column = pq.read_table(path, read_dictionary=["case"]).column("case")
    assert column.num_chunks > 3  # several batches share each row group's dictionary
    codes, dictionary = dictionary_codes(column, trusted=False)
    assert (codes.tolist(), dictionary.to_pylist()) == _arrow_reference(column)
    assert [dictionary.to_pylist()[c] for c in codes.tolist()] == ids
