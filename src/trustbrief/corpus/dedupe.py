"""Duplicates: exact copies by hash, near copies by MinHash/LSH verified by Jaccard.
"""

from __future__ import annotations

import functools
import hashlib
import zlib
from dataclasses import dataclass

import numpy as np

from trustbrief.corpus.segmenter import WORD_RE


@dataclass(frozen=True)
class Fingerprint:
    """What near-duplicate detection needs of one article, computed where the article is read
    (in a worker process) so that only the matching runs over the whole corpus."""

    key: str  # hash of the normalized words: exact copies
    shingles: np.ndarray  # sorted unique hashes of k-word shingles
    signature: np.ndarray  # MinHash of the shingles


@functools.lru_cache(maxsize=4)
def _permutations(n_perm: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20241001)
    mult = rng.integers(1, 2**63 - 1, size=n_perm, dtype=np.uint64) | np.uint64(1)
    add = rng.integers(0, 2**63 - 1, size=n_perm, dtype=np.uint64)
    return mult, add


@functools.lru_cache(maxsize=1 << 18)  # a corpus's vocabulary, hashed once per process
def _word_id(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def _shingles(words: list[str], k: int) -> np.ndarray:
    if len(words) < k:
        return np.empty(0, dtype=np.uint64)
    ids = np.fromiter(map(_word_id, words), dtype=np.uint64, count=len(words))
    combined = np.zeros(len(ids) - k + 1, dtype=np.uint64)
    for j in range(k):
        combined = combined * np.uint64(1_000_003) + ids[j:len(ids) - k + 1 + j]
    return np.unique(combined)


def fingerprint(words: list[str], limits: dict) -> Fingerprint:
    """The article's exact-copy key, shingles and MinHash signature."""
    key = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
    shingles = _shingles(words, int(limits["shingle_words"]))
    mult, add = _permutations(int(limits["minhash_permutations"]))
    if len(shingles) == 0:
        return Fingerprint(key, shingles, np.empty(0, dtype=np.uint64))
    with np.errstate(over="ignore"):
        signature = (mult[:, None] * shingles[None, :] + add[:, None]).min(axis=1)
    return Fingerprint(key, shingles, signature)


def find_duplicates(texts: list[str], limits: dict) -> list[int | None]:
    """For each text (in file order), the index of the earlier text it repeats, or None.

    Exact copies (after lower-casing and whitespace/punctuation normalization) by hash;
    near copies by MinHash with LSH bands, verified by shingle Jaccard. Linear in the
    corpus size apart from the (small) candidate buckets.
    """
    return match_duplicates([fingerprint(WORD_RE.findall(t.lower()), limits) for t in texts],
                            limits)


SIGNATURE_MARGIN = 0.3
BUCKET_REACH = 50  # candidates taken from one LSH bucket: bounds the work on boilerplate


def match_duplicates(prints: list[Fingerprint], limits: dict,
                     earlier: tuple[list[str], list[int | None]] | None = None
                     ) -> list[int | None]:
    """For each fingerprint (in file order), the index of the earlier article it repeats.

    `earlier`: the fingerprints' keys and the matches of a call with the same limits (and
    code). An article's match depends on it and the articles before it only, so while the
    fingerprints' keys (their words) are the earlier ones, the earlier matches hold: they
    are put in the index without comparing candidates (an article added at the end of a
    cached corpus is the only one compared)."""
    same = _same_prefix([fp.key for fp in prints], earlier)
    n_perm = int(limits["minhash_permutations"])
    bands = int(limits["minhash_bands"])
    rows = n_perm // bands
    band_bytes = rows * np.dtype(np.uint64).itemsize
    threshold = float(limits["near_duplicate_jaccard"])
    exact: dict[str, int] = {}
    buckets: dict[tuple[int, bytes], list[int]] = {}
    shingle_sets: dict[int, np.ndarray] = {}
    # every kept signature, one row per article, so candidates are compared in one step
    signatures = np.zeros((max(1, len(prints)), n_perm), dtype=np.uint64)
    out: list[int | None] = []
    for i, fp in enumerate(prints):
        if fp.key in exact:
            root = exact[fp.key]
            out.append(root if root != i else None)
            continue
        if len(fp.shingles) == 0:
            out.append(None)
            continue
        raw = fp.signature.tobytes()  # band b: its rows' bytes (one slice of the whole)
        keys = [(b, raw[b * band_bytes:(b + 1) * band_bytes]) for b in range(bands)]
        if i < same:
            match = earlier[1][i]
        else:
            candidates = sorted({j for key_b in keys
                                 for j in buckets.get(key_b, [])[:BUCKET_REACH]})
            match = _verified_match(candidates, fp, signatures, shingle_sets, threshold)
        out.append(match)
        exact[fp.key] = i if match is None else match
        if match is None:
            shingle_sets[i] = fp.shingles
            signatures[i] = fp.signature
            for key_b in keys:
                buckets.setdefault(key_b, []).append(i)
    return out


def _same_prefix(keys: list[str], earlier: tuple[list[str], list[int | None]] | None) -> int:
    """How many leading keys are the earlier call's."""
    if earlier is None:
        return 0
    same = 0
    for key, before in zip(keys, earlier[0], strict=False):
        if key != before:
            break
        same += 1
    return same


def _verified_match(candidates: list[int], fp: Fingerprint, signatures: np.ndarray,
                    shingle_sets: dict[int, np.ndarray], threshold: float) -> int | None:
    """The first candidate (in file order) whose shingle Jaccard reaches the threshold. The
    signatures estimate the Jaccard similarity; candidates far below the threshold (the
    estimate errs by ~0.05 at most) are dropped before the exact count."""
    if not candidates:
        return None
    agreement = (signatures[candidates] == fp.signature).mean(axis=1)
    for j, share in zip(candidates, agreement, strict=True):
        if share < threshold - SIGNATURE_MARGIN:
            continue
        other = shingle_sets[j]
        inter = shared_count(fp.shingles, other)
        if inter / (len(fp.shingles) + len(other) - inter) >= threshold:
            return j
    return None


def shared_count(a: np.ndarray, b: np.ndarray) -> int:
    """How many values two sorted arrays of unique values share: each of the shorter one
    looked up in the longer (np.intersect1d sorts both together: ~5x slower)."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) == 0:
        return 0
    at = np.searchsorted(b, a)
    at[at == len(b)] = 0  # past the end: not there (b[0] < a value past the end)
    return int(np.count_nonzero(b[at] == a))
