"""A size written between several machines and their disks in the plural: each disk's size, no whole.

"Longhorn uses the agents' 1,024 GiB data disks", "the workers' 200 GB root volumes": the size tells
what one of several machines' disks holds, as an adjective does, and the number of disks is not in
the words. A careful reader does not take it for the deployment's disk: the whole is
the size times a count written elsewhere, which the rest of the reader finds when it is there. A
count written right before the size ("4 × 1 TB disks", "three 2 TB volumes") makes the words a
count of disks, which other rules read; a total word after the disks ("2 TB volumes in total") keeps
the size the whole.

`each_of_several(head, tail)`: whether the size between `head` (ending in the owners' plural
possessive) and `tail` (the disks in the plural) is such a size.
"""

from __future__ import annotations

import re

_PLURAL_DISKS = re.compile(
    r"^\s*(?:[A-Za-z][\w-]*\s+){0,2}?(?:disks|volumes|drives|ssds|nvmes|hdds|luns|vmdks|vhdxs)\b"
    r"(?!\s+(?:in\s+(?:total|all)|total|combined|altogether|together))",
    re.IGNORECASE,
)
# the disks' owners in the plural, right before the size: "the agents' ", "the three workers’ ",
# "all nodes' " -- several machines, each with its own disk
_OWNERS = re.compile(r"\b[A-Za-z][\w-]*s['’]\s*$")
_COUNTED = re.compile(
    r"(?:\d\s*(?:[×xX*]\s*)?|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|dozen|several|many|"
    r"of|both|all|total|totall?ing|[×xX*])\s*)$",
    re.IGNORECASE,
)


def each_of_several(head: str, tail: str) -> bool:
    """Whether a size with `head` the words before it and `tail` those after it is one of several
    disks' ("the agents' 1,024 GiB data disks"), with no count of them before it."""
    return bool(_PLURAL_DISKS.match(tail)) and bool(_OWNERS.search(head)) and not _COUNTED.search(head)


__all__ = ["each_of_several"]
