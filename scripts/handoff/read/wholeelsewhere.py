"""A disk's parts listed in one place, their whole stated in another.

A machine's description lists its figures where they belong: the boot disk and the data disk in two
columns of an environments table (`200 GB pd-balanced | 2 TB pd-ssd`), in two rows of an instance
table (`Root EBS | 100 GiB`, `Data EBS | 1,500 GiB`), or one row per VM. The writer
then states what the deployment comes to in a sentence of its own: "Production therefore has 16
vCPU, 128 GB of memory and 2,200 GB of persistent disk", "Current totals: … 1,600 GiB EBS". Read as
rivals, the parts and the whole are a conflict, and a table's figures outrank prose, so the whole
would be lost. But when the disk figures of one place (a paragraph, or one table: its rows are one
listing) add up exactly to a figure of the same field and environment read at another place, the
arithmetic says what they are: that figure's parts. The parts give way and the whole stands, the
figure the writer worked out and wrote down. A listing whose figures add up to nothing written
elsewhere is left as it is (the other rules, or a conflict, decide). A figure equal to one of the
parts, written again elsewhere in the environment ("the data disk was created at 2 TB and has not
been resized"), is that part named again, not a rival of the whole: it gives way too.

A paragraph's figures are one listing only when one sentence holds them all ("a 100 GiB boot disk and
a 2,000 GiB data disk"): two sentences of a paragraph may describe two systems or two machines
("Jira … 200 GB of storage. Nexus … 300 GiB of disk."), whose figures add up to a third by chance.

Only disks: a machine's CPU and memory figures coincide with other figures by plain multiples (two
VMs of 16 vCPU and a 32 vCPU figure that is another machine's) too often for arithmetic alone to
tell parts from rivals, while disks of different kinds rarely add up to a figure by chance.

`parts_of_whole(values, amount, environment, text_at)`: the ids of the values that are such parts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.core.model import TddValue

_FIELDS = ("total_disk_gb",)
_ROW = re.compile(r",\s*row\s+\d+$")  # `… › table 2, row 4`: the table is the listing
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\"'“])")


def _listing(v: TddValue) -> str:
    """The place a value is listed at: its table (all rows together), else its own place."""
    return _ROW.sub("", v.location.ref)


def _one_sentence(parts: list[TddValue], text_at: Callable[[TddValue], str]) -> bool:
    """Whether a listing's figures are of one sentence: always for a table's rows (the table is the
    listing), and for a paragraph's figures when one of its sentences holds every figure as written."""
    if any(_ROW.search(v.location.ref) for v in parts):
        return True
    sentences = _SENTENCE_END.split(text_at(parts[0]))
    return any(all(v.text in sentence for v in parts) for sentence in sentences)


def parts_of_whole(
    values: list[TddValue],
    amount: Callable[[TddValue], float | None],
    environment: Callable[[str], str],
    text_at: Callable[[TddValue], str],
) -> set[int]:
    """The ids of the disk figures of one listing (two or more, all read as one
    number each, none the sum of the others) whose sum is a figure of the same field and environment
    read at another place (to 0.5%), and the figures elsewhere that name one of those parts again."""
    drop: set[int] = set()
    for name in _FIELDS:
        found = [v for v in values if v.field == name and v.section != "trial"]
        listings: dict[tuple[str, str], list[TddValue]] = {}
        for v in found:
            listings.setdefault((environment(v.section), _listing(v)), []).append(v)
        for (env, place), parts in listings.items():
            figures = [amount(v) for v in parts]
            if len(parts) < 2 or any(f is None or f <= 0 for f in figures):
                continue
            if not _one_sentence(parts, text_at):
                continue  # figures of two sentences: perhaps two systems' or two machines'
            numbers = [float(f) for f in figures if f is not None]
            whole = sum(numbers)
            if any(abs(2 * n - whole) <= 0.005 * n for n in numbers):
                continue  # a total among its own parts: the place's own rules read it
            stated = [
                w
                for w in found
                if environment(w.section) == env
                and _listing(w) != place
                and (a := amount(w)) is not None
                and abs(a - whole) <= 0.005 * whole
            ]
            if stated:
                drop.update(id(v) for v in parts)
                # a part named again on its own ("the data disk was created at 2 TB") is that part
                drop.update(
                    id(w)
                    for w in found
                    if environment(w.section) == env
                    and (a := amount(w)) is not None
                    and any(abs(a - n) <= 0.005 * n for n in numbers)
                )
    return drop


__all__ = ["parts_of_whole"]
