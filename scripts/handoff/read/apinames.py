"""Column names as a cloud's API or an inventory export writes them (`sku.name`, `sku.capacity`,
`memoryGiB`, `diskSizeGB`, `hardwareProfile.vmSize`, `instance_type`): a pasted export keeps the
API's keys as its header. A careful reader reads them as words: the key's last part, split where
its case or an underscore changes, its unit apart (`memoryGiB`: memory (GiB)); a scale set's
`sku.name` is its machine type and `sku.capacity` its number of instances.
"""

from __future__ import annotations

import re

# a key: no space, and a dot between words or a change of case or an underscore inside one
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+|[a-z]+[A-Z][A-Za-z0-9]*")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z][a-z])")  # (`diskSize`: disk Size; `vCPUs` stays)
_UNIT = re.compile(r"(?<=[a-z])(TiB|GiB|MiB|TB|GB|MB)$")
# a key's last part that says nothing by itself, read with the part before it (`sku.name`)
_GENERIC = frozenset({"name", "capacity", "size", "count", "value", "type", "tier"})
# what a scale set's or a node pool's generic key is
_MEANS = {
    "sku name": "Instance type",
    "sku capacity": "Instances",
    "vm size": "VM size",
    "machine type": "Machine type",
    "instance type": "Instance type",
    "node count": "Node count",
    "desired capacity": "Desired capacity",
}


def humanised(header: str) -> str:
    """The words an API key stands for (`memoryGiB` → `memory (GiB)`, `sku.capacity` → `Instances`),
    or '' when the header is no key (it has a space, or is one plain word)."""
    text = header.strip()
    if " " in text or not _KEY.fullmatch(text):
        return ""
    parts = re.split(r"[.]", text)
    last = parts[-1]
    if "_" not in last and last.casefold() in _GENERIC and len(parts) > 1:
        last = f"{parts[-2]}_{last}"
    unit = _UNIT.search(last)
    stem = last[: unit.start()] if unit else last
    words = " ".join(_CAMEL.sub(" ", w) for w in stem.split("_") if w).lower()
    words = _MEANS.get(words, words)
    return f"{words} ({unit.group(1)})" if unit else words


__all__ = ["humanised"]
