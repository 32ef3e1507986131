"""Bottom-k MinHash sketches: a set's k smallest token hashes, and the Jaccard estimate.

A bottom-k sketch of a set with at most k tokens is the whole set (hashed), so the estimate is
exact for small apps and an unbiased estimate for big ones (Broder 1997; Cohen & Kaplan 2007).
Hashes are kept below 2**52 so that the JSON numbers survive any reader (JavaScript doubles).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

SKETCH_SIZE = 256
_MASK = (1 << 52) - 1


def token_hash(token: str) -> int:
    digest = hashlib.blake2b(token.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") & _MASK


def sketch(tokens: Iterable[str], k: int = SKETCH_SIZE) -> list[int]:
    """The k smallest distinct hashes of `tokens`, ascending."""
    return sorted({token_hash(t) for t in tokens})[:k]


def jaccard(a: Sequence[int], b: Sequence[int], k: int = SKETCH_SIZE) -> float:
    """Jaccard similarity of the two sets the sketches stand for (0.0 when both are empty)."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    union = sorted(sa | sb)[:k]
    both = sum(1 for h in union if h in sa and h in sb)
    return both / len(union)


def set_jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
