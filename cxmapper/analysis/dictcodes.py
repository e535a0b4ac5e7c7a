"""Integer codes and one shared dictionary from a chunked Arrow dictionary column.

Why not `ChunkedArray.unify_dictionaries`: a Parquet file read by `pq.read_table` comes back in
batches of ~128k rows, and every batch of a row group carries that row group's whole
dictionary (5 M events: 39 chunks, each with the ~42k case ids of its row group). Arrow
unifies chunk by chunk, hashing every copy again (0.16 s for the benchmark's case ids). Here
each distinct dictionary is unified once (its chunks share the same buffers) and the chunks'
indices are mapped through the result with one numpy take each: the same dictionary, in the
same order of first appearance, and the same codes, for a third of the work.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


def _identity(dictionary: pa.Array) -> tuple[int, ...]:
    """Equal for chunks that share one dictionary (same buffers, offset and length)."""
    buffers = tuple(b.address if b is not None else 0 for b in dictionary.buffers())
    return (*buffers, dictionary.offset, len(dictionary))


def _unified(
    dictionaries: list[pa.Array], n_chunks: int, trusted: bool
) -> tuple[pa.Array, list[np.ndarray]]:
    """The merged dictionary (values in order of first appearance) and, per input dictionary,
    the position of each of its values in it, as Arrow's unification of all `n_chunks` chunks
    gives them: a lone chunk keeps its dictionary as it is (so an untrusted one must hold
    distinct non-null values: ArrowInvalid otherwise), several are merged (nulls raise)."""
    if n_chunks == 1:
        only = dictionaries[0]
        if not trusted and (
            only.null_count or pc.count_distinct(only, mode="all").as_py() != len(only)
        ):
            raise pa.ArrowInvalid("missing or repeated values in a dictionary")
        return only, [np.arange(len(only), dtype=np.int32)]
    # Each dictionary as a chunk indexing all of its values once: after unifying, the chunk's
    # indices are where its values went. A single shared dictionary goes in twice, so that
    # Arrow merges (and deduplicates) it as it would across the column's chunks.
    chunks = [
        pa.DictionaryArray.from_arrays(pa.array(np.arange(len(d), dtype=np.int32)), d)
        for d in (dictionaries * 2 if len(dictionaries) == 1 else dictionaries)
    ]
    merged = pa.chunked_array(chunks).unify_dictionaries().chunks
    maps = [np.asarray(c.indices.to_numpy(zero_copy_only=False), dtype=np.int32) for c in merged]
    return merged[0].dictionary, maps[: len(dictionaries)]


def dictionary_codes(
    column: pa.ChunkedArray, *, trusted: bool = True
) -> tuple[np.ndarray, pa.Array]:
    """int32 codes (-1 for nulls) into the shared dictionary, exactly as unifying the chunks'
    dictionaries and concatenating their indices would give.

    `trusted=False` (a file's own dictionaries) validates every chunk first: indices out of
    bounds, invalid UTF-8 and missing or repeated dictionary values raise ArrowInvalid.
    """
    if not trusted:
        column.validate(full=True)
    chunks = column.chunks
    if not chunks:
        return np.zeros(0, dtype=np.int32), pa.array([], column.type.value_type)
    slot: dict[tuple[int, ...], int] = {}
    distinct: list[pa.Array] = []
    which = []
    for chunk in chunks:
        key = _identity(chunk.dictionary)
        if key not in slot:
            slot[key] = len(distinct)
            distinct.append(chunk.dictionary)
        which.append(slot[key])
    dictionary, maps = _unified(distinct, len(chunks), trusted)
    codes = np.empty(len(column), dtype=np.int32)
    start = 0
    for chunk, k in zip(chunks, which, strict=True):
        indices = chunk.indices
        end = start + len(indices)
        out = codes[start:end]
        if indices.null_count:
            valid = indices.is_valid().to_numpy(zero_copy_only=False)
            filled = pc.fill_null(indices, 0).to_numpy(zero_copy_only=False)
            if maps[k].size:
                np.take(maps[k], filled, out=out)
            out[~valid] = -1
        else:
            np.take(maps[k], indices.to_numpy(zero_copy_only=False), out=out)
        start = end
    return codes, dictionary
