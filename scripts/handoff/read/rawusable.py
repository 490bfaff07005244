"""Raw beside usable capacity: `Array | Drives | RAID | Raw (GB) | Usable (GB)`, a storage sheet's
`Raw capacity, TB | Usable capacity, TB`. A disk array's raw capacity is the drives' sizes added up;
what the deployment can store is what is left after mirroring or parity, the usable figure. A careful
reader takes the usable column (its total row) as the disk and leaves the raw one: the writer put
both to show the difference, and the raw figure is no disk anyone can fill.

`columns(header)`: (the usable column, the raw column) when a header has exactly one of each, each
headed by that word with at most a capacity noun and a unit of size; else None.
"""

from __future__ import annotations

import re

_UNIT = r"(?:\s*(?:\(|\[|,)?\s*(?:TiB|GiB|TB|GB)\s*[)\]]?)?"
_NOUN = r"(?:\s+(?:capacity|size|space|storage|disk))?"
_USABLE = re.compile(rf"\s*(?:usable|net|effective){_NOUN}{_UNIT}\s*", re.IGNORECASE)
_RAW = re.compile(rf"\s*(?:raw|gross){_NOUN}{_UNIT}\s*", re.IGNORECASE)


def columns(header: list[str]) -> tuple[int, int] | None:
    """(usable column, raw column), or None unless the header has one of each."""
    usable = [j for j, h in enumerate(header) if _USABLE.fullmatch(h)]
    raw = [j for j, h in enumerate(header) if _RAW.fullmatch(h)]
    return (usable[0], raw[0]) if len(usable) == 1 and len(raw) == 1 else None


__all__ = ["columns"]
