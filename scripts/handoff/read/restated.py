"""A size restated right after itself in another unit: one figure, written twice.

"2600Gi (≈ 2.6T)", "768 GiB (786,432 MiB)", "3.5 TiB (= 3,584 GiB)", "7.68 TB / 6.98 TiB": a writer
who gives a figure in the unit of one tool and then in another's says the same amount twice. A
careful reader takes the first and reads the second as its gloss, never as a second figure (two
figures of one field would be a conflict, or a sum).

`restatement(text, previous_end, start, same_unit)`: the size at `start` only glosses the size that
ends at `previous_end`: an opening bracket with an approximation or equals sign stands between
them (`(≈ 2.6T)`, `(~2,600 GiB)`, `(= 3,584 GiB)`), or a bare bracket when the unit is another
(`(786,432 MiB)`). A size after `=` outside brackets is a result (`2 × 500 GB = 1,000 GB`), and
one in a bare bracket in the same unit may be a part (`4 TB (1 TB for the databases)`): neither is
a restatement.
"""

from __future__ import annotations

import re

_GLOSS = re.compile(r"\s*(?:\(\s*(?:[≈~=]|approx\.?|about|ca\.?|i\.e\.,?|or)\s*|≈\s*)")
_BARE = re.compile(r"\s*\(\s*")


def restatement(text: str, previous_end: int, start: int, same_unit: bool) -> bool:
    """Whether the size at text[start:] is the size ending at `previous_end` written again."""
    if previous_end <= 0 or start - previous_end > 12:
        return False
    if _GLOSS.fullmatch(text, previous_end, start):
        return True
    return not same_unit and _BARE.fullmatch(text, previous_end, start) is not None


__all__ = ["restatement"]
