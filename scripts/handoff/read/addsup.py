"""Lines that add up to a returned size: the parts of a stated total (`read.gather`'s unplaced list).

A list of volumes beside its stated total (`repos-gitserver-0 3Ti` … and `Total: 18,932Gi`) gave
the total; its lines are placed when their sizes, each times its count (`4 × 2,500 GiB`), add up
to that total. Lines that do not add up are left for the unplaced list: one may be the whole the
reader missed.
"""

from __future__ import annotations

from handoff.read import shapes


def amount(text: str, tera: int = 1000) -> float | None:
    """The sizes a line states, in GB (a terabyte `tera` of them), each times the count written
    before it (`4 × 2,500 GiB`), added up; None for a line with none."""
    whole = None
    for size in shapes.sizes(text):
        number, _, unit = size.value.partition(" ")
        try:
            gb = float(number) * {"t": tera, "g": 1, "m": 1 / tera}[unit[:1].casefold()]
        except (ValueError, KeyError):
            return None
        times = shapes.size_count(text[: size.start])
        whole = (whole or 0) + (gb * int(times.group(1)) if times else gb)
    return whole


def adds_up(texts: list[str], totals: list[float]) -> bool:
    """Whether the sizes of the lines (each with one at least, two in all at least) add up to one
    of the totals (to 0.5%), a terabyte read as 1,000 or as 1,024 GB (`3Ti` beside `1536Gi` under
    a total of `18,932Gi`)."""
    if sum(len(list(shapes.sizes(t))) for t in texts) < 2:
        return False
    for tera in (1000, 1024):
        amounts = [amount(t, tera) for t in texts]
        if any(a is None for a in amounts):
            return False
        whole = sum(a for a in amounts if a is not None)
        if any(abs(whole - t) <= 0.005 * t for t in totals if t > 0):
            return True
    return False


def adds_up_to(text: str, total: float) -> bool:
    """Whether a line's sizes come to `total` (to 0.5%), a terabyte 1,000 or 1,024 GB."""
    return any(abs(a - total) <= 0.005 * total for t in (1000, 1024) if (a := amount(text, t)) is not None)
