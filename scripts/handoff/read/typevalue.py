"""A labelled value that is nothing but a machine type: the machines, whatever its label names.

`Size: m5.4xlarge`, `Spec: Standard_E16s_v5`, `Shape: 3 × n2-standard-16` under a VM's heading: the
label's word ("size", "spec") may name a disk or nothing the catalogue knows, but a careful reader
sees a machine type and nothing else, and enters it as the machines. A value with anything more
than the type (a figure, a word: `Size: 2 TB (m5.4xlarge's volume)`) is left to the label's field,
and so is a label that is not words (`sg-prod-01 | m6i.4xlarge`, `1 | m6i.4xlarge`: a row naming one
machine of a list, whose count is the rows', not one).
"""

from __future__ import annotations

import re

from handoff.read import shapes

_REST = re.compile(r"[\s,;.()\[\]]*")
_TYPE_SIGN = re.compile(r"[A-Za-z]\d|\d[A-Za-z]")  # every machine type has a letter beside a digit


_WORDS = re.compile(r"[^\W\d_]+(?:[\s/&()-]+[^\W\d_]+)*\s*\)?")


def only_machines(label: str, value: str) -> bool:
    """Whether `value` is one machine type (with or without its count) and nothing else, under a label
    of words."""
    if (
        len(value) > 40
        or not _TYPE_SIGN.search(value)
        or len(value.split()) > 3
        or not _WORDS.fullmatch(label.strip())
    ):
        return False  # (a cheap test first: a type with its count is at most three words)
    found = list(shapes.instances(value))
    if len(found) != 1:
        return False
    m = found[0]
    return bool(_REST.fullmatch(value[: m.start]) and _REST.fullmatch(value[m.end :]))


__all__ = ["only_machines"]
