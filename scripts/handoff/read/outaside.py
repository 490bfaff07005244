"""A bracketed aside saying the machines or sizes it names are left out of the figures: blanked.

A value or a sentence names the deployment's machines and, in brackets, others it does not count:
"3 × Standard_E16s_v5 in user pool sgpool (system pool of 2 × Standard_D2s_v5 for AKS add-ons only,
not counted)", "3 × Standard_E16s_v5 (AKS system pool of 2 × Standard_D4s_v5 excluded)", "4 ×
m6i.4xlarge worker nodes (a separate pair of 2 × t3.medium … sits outside the namespace and is not
counted), 64 vCPU and 256 GiB". A careful reader keeps the figures outside the brackets and drops the
aside's: it says itself they are not part of what is counted. The sentence as a whole says nothing
of the kind, so its own figures stay (`outside.py` reads a whole sentence that says so).

A piece of the aside (its parts split at commas and semicolons) that holds a figure and says it is
left out ("not counted", "excluded", "not included", "not part of …", "left out", or `outside.outside`) is
blanked; a piece that only says so, opening with those words ("…, not counted"), speaks of the piece
before it, which is blanked with it. Only when the text outside the aside holds a figure too: an
aside that is the only figure is the value, whatever its remark. Blanked means spaces, length kept.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick
from handoff.read import outside, shapes

_ASIDE = re.compile(r"\(([^()]*)\)")
_LEFT_OUT = quick(
    r"\b(?:not\s+(?:counted|included|part\s+of)|excluded|(?:do|does|did)\s*(?:n't|\s+not)\s+count|(?:left|kept)\s+out|"
    r"outside\s+(?:the\s+)?(?:sizing|totals?|figures?|deployment|scope))\b"
    r"(?!\s+(?:towards?|against|for|in)\s+(?:the\s+)?(?:licen|seat|billing|cost|price|subscription))",
    re.IGNORECASE,
)
_ONLY_SAYS = re.compile(  # a piece that is only the remark: "not counted", "and is excluded"
    r"^\W*(?:(?:and|but|so)\s+)?(?:(?:is|are|was|were)\s+)?(?:not\s+(?:counted|included|part\s+of)|excluded|(?:left|kept)\s+out|"
    r"(?:do|does|did)\s*(?:n't|\s+not)\s+count)\b",
    re.IGNORECASE,
)
_PIECE = re.compile(r"[,;]\s+|\s+[—–]\s+")


def without_left_out(text: str) -> str:
    """`text` with the pieces of its bracketed asides that name figures left out blanked (same length)."""
    if "(" not in text or not _LEFT_OUT.search(text):
        return text
    out = text
    for m in _ASIDE.finditer(text):
        inner = m.group(1)
        if not shapes.DIGIT.search(inner) or not (_LEFT_OUT.search(inner) or outside.outside(inner)):
            continue
        rest = text[: m.start()] + text[m.end() :]
        if not shapes.DIGIT.search(rest):
            continue  # (the aside holds the only figure: it is the value)
        for a, b in _blanked(inner):
            a, b = m.start(1) + a, m.start(1) + b
            out = out[:a] + " " * (b - a) + out[b:]
        if not out[m.start(1) : m.end(1)].strip():  # (nothing left in it: the brackets go too)
            out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end() :]
    return out


def _blanked(inner: str) -> list[tuple[int, int]]:
    """The spans (in the aside) of its pieces that name figures it leaves out."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for m in _PIECE.finditer(inner):
        pieces.append((start, m.start()))
        start = m.end()
    pieces.append((start, len(inner)))
    spans: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(pieces):
        piece = inner[a:b]
        if not (_LEFT_OUT.search(piece) or outside.outside(piece)):
            continue
        if shapes.DIGIT.search(piece):
            spans.append((a, b))
        elif i > 0 and _ONLY_SAYS.match(piece):  # "…, not counted": said of the piece before
            a = pieces[i - 1][0]
            if shapes.DIGIT.search(inner, a, pieces[i - 1][1]):
                spans.append((a, b))
    return spans


__all__ = ["without_left_out"]
