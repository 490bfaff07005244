"""A footnote naming one machine's type, on a sentence that counts the machines.

"Compute: 3 worker nodes¹" with the note "¹ m6i.4xlarge, 16 vCPU / 64 GiB each": the writer moved
the machines' type and size to a footnote and left the count in the body. A careful reader reads
the note at its mark as the sentence's own bracket: 3 × m6i.4xlarge, 48 vCPU, 192 GiB. Read on its
own the note has no count (a bare type is one machine; per-machine figures no total).

`with_count(sentence, note)`: the sentence with the note in brackets at its end, when the sentence
states one number of machines and names no machine type and the note names exactly one type
written without a count; else None (the note is read on its own, as before).
"""

from __future__ import annotations

from handoff.read import permachine, shapes
from handoff.read.nodecount import bare


def with_count(sentence: str, note: str) -> str | None:
    """`sentence (note)` when the note's one bare type is the sentence's counted machines."""
    if any(True for _ in shapes.instances(sentence)):
        return None
    types = list(shapes.instances(note))
    if len(types) != 1 or not bare(types[0]) or len(permachine.machine_counts(sentence, types=False)) != 1:
        return None
    return f"{sentence.rstrip().rstrip('.')} ({note.strip()})"


__all__ = ["with_count"]
