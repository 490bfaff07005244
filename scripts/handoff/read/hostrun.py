"""A labelled list of code hosts and their counts continued across a line's separators.

People list the repositories per source on one line and divide the sources with the separator their
notes use elsewhere between facts: "Repositories by source: Azure Repos 5,400 · GitHub Enterprise
Cloud 705." The dot divides the label's items, not two facts: each part after the labelled one is
the same kind of item (one code host named, one count), so a careful reader takes the parts as one
list under the label. A part of anything else (a size, a date, a second host, no count) ends the run,
and only the first sentence of the last part is the list's: what follows it ("… 705. Three of them
are monorepos") is a sentence of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from handoff.read import shapes
from handoff.read.found import Found
from handoff.read.stops import sentence_ends

_COUNT = re.compile(rf"(?<![\w.,/-])(?:{shapes.NUMBER})(?![\w.,/%-]*\w)")
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_FULL_STOP = re.compile(r"\.\s+(?=\S)")


def _first_sentence(part: str) -> str:
    """The part up to the end of its first sentence (a stop after a count ends one too: "… 705. Three
    of them …")."""
    ends = [m.start() + 1 for m in _FULL_STOP.finditer(part)]
    ends += [at for at in sentence_ends(part)]
    return part[: min(ends)] if ends else part


def _host_and_count(text: str, find: Callable[[str], Sequence[Found]]) -> bool:
    """One code host named and one count of its repositories, and nothing that is a size or a date."""
    if len(find(text)) != 1 or any(True for _ in shapes.sizes(text)) or shapes.DATE.search(text):
        return False
    bare = _ASIDE.sub(" ", text)
    for f in find(text):
        bare = bare.replace(text[f.start : f.end], " ")
    return len(_COUNT.findall(bare)) == 1


def continued_hosts(
    value: str, following: Sequence[str], find: Callable[[str], Sequence[Found]]
) -> tuple[int, str]:
    """How many of the parts `following` continue a labelled value naming one code host and its count
    as its list's items, and the last such part's text that is the list's (its first sentence)."""
    if not _host_and_count(value, find):
        return 0, ""
    n, last = 0, ""
    for part in following:
        head = _first_sentence(part)
        if not _host_and_count(head, find):
            break
        n, last = n + 1, head
        if head != part:
            break
    return n, last


__all__ = ["continued_hosts"]
