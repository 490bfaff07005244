"""A list of volumes whose parts are written one replica at a time: each part times its count.

Storage is often listed service by service with each service's replicas counted and one replica's
volume given ("gitserver has 3 replicas with 800 GiB of gp3 each, zoekt has 3 replicas with 400 GiB
each, and Prometheus has 100 GiB"). A part closed by `each`, `apiece` or `per <noun>` is one of as
many as the count its own clause gives before it (`3 replicas`, `two volumes`, `3 ×`): the part is
that count times the size, and the list's sum is the sum of such products and the plain parts. A
part of one that names no count of its own leaves the sum unknown: no sum at all, never a sum that
takes one replica's volume for the service's.

`each_total(s, first, end)`: the sum of the sizes of `s[first:end]` when one of them at least is
written one replica at a time, in GB; None when no size is (the list is plain: `read.diskparts`
adds it), and 0.0 when one is but its count is not written (nothing may be summed).
"""

from __future__ import annotations

import re

from handoff.core.units import size_gb
from handoff.read import shapes

# what closes one replica's size: "800 GiB each", "400 GiB of gp3 each", "250 GB per replica", "apiece"
_ONE = re.compile(
    r"\s*(?:of\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:each|apiece|per\s+(?:replica|volume|pod|node|claim|instance|shard))\b",
    re.IGNORECASE,
)
# the count of the part's own clause, right before its size: "3 replicas with", "two volumes of", "3 ×"
_COUNT = re.compile(
    rf"(?:\b(?P<n>\d{{1,3}})|\b(?P<w>{shapes.WORD_COUNT}))\s*"
    r"(?:[x×]\s*|(?:[\w-]+\s+)?(?:replicas?|volumes?|disks?|pvcs?|claims?|pods?|nodes?|instances?|shards?)"
    r"(?:\s+(?:with|of|at|having|holding))?\s+(?:(?:a|an)\s+)?)$",
    re.IGNORECASE,
)


def each_total(s: str, first: int, end: int) -> float | None:
    """The sum in GB of the sizes in `s[first:end]` when one of them is one replica's (see above)."""
    sizes = [m for m in shapes.sizes(s) if first <= m.start < end]
    ones = [m for m in sizes if _ONE.match(s, m.end)]
    if not ones:
        return None
    total = 0.0
    before = 0  # (the first part's count stands before the list's first size)
    for m in sizes:
        gb = size_gb(m.value)
        if gb is None:
            return 0.0
        times = 1
        if m in ones:
            counted = _COUNT.search(s[max(before, m.start - 48) : m.start])
            if counted is None:
                return 0.0
            times = (
                int(counted.group("n"))
                if counted.group("n")
                else shapes.NUMBER_WORDS[counted.group("w").lower()]
            )
        total += times * gb
        before = m.end
    return total


__all__ = ["each_total"]
