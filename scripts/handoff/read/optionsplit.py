"""Where a line of options splits: at its own separator, never inside brackets.

A printed template lists its options on one line, each with its own details in brackets:
`Small (4 vCPU / 16 GB) · Medium (8 vCPU / 32 GB) · Large (16 vCPU / 64 GB)`, `AWS · On-premises
(VMware, Essen DC)`. A reader splits such a line where its options are divided, not at every mark
that could divide: a slash or comma inside an option's brackets belongs to that option, and a line
divided by dots or bars (`·`, `|`, `•`) is not split again at its slashes or commas. The strongest
separator the line uses outside brackets is its separator: `·`, `|` or `•` first, then `/`, then a
comma, then `or`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_OPEN = "([{"
_CLOSE = ")]}"
_KINDS = (re.compile(r"\s*[·|•]\s*"), re.compile(r"\s*/\s*"), re.compile(r"\s*,\s*"), re.compile(r"\s+or\s+"))


def _depths(text: str) -> list[int]:
    """The bracket depth at each character (a stray closing bracket never makes it negative)."""
    depth, out = 0, []
    for c in text:
        if c in _CLOSE and depth:
            depth -= 1
            out.append(depth + 1)
            continue
        out.append(depth)
        if c in _OPEN:
            depth += 1
    return out


def option_splits(body: str, offset: int = 0) -> Iterator[list[tuple[int, int]]]:
    """The ways `body` may split into options, most likely first: at each kind of separator it
    uses outside brackets, strongest first, then at all of them. Each is a list of (start, end)
    (offsets plus `offset`) of two or more options."""
    depths = _depths(body)
    found = []
    for kind in _KINDS:
        cuts = [m for m in kind.finditer(body) if not depths[m.start()] and not depths[m.end() - 1]]
        if cuts:
            found.append(cuts)
            spans = _spans(body, cuts, offset)
            if len(spans) >= 2:
                yield spans
    if len(found) > 1:
        every = sorted((m for cuts in found for m in cuts), key=lambda m: m.start())
        merged = [m for i, m in enumerate(every) if not i or m.start() >= every[i - 1].end()]
        spans = _spans(body, merged, offset)
        if len(spans) >= 2:
            yield spans


def option_spans(body: str, offset: int = 0) -> list[tuple[int, int]]:
    """The options of `body` split at the strongest separator it uses outside brackets; the whole
    body, one span, when there is none."""
    return next(option_splits(body, offset), None) or _spans(body, [], offset)


def option_words(text: str) -> int:
    """The words of an option outside its brackets (`Large (16 vCPU / 64 GB)` is one word)."""
    depths = _depths(text)
    outside = (c if not d and c not in _OPEN + _CLOSE else " " for c, d in zip(text, depths, strict=True))
    return len("".join(outside).split())


def _spans(body: str, cuts: list[re.Match[str]], offset: int) -> list[tuple[int, int]]:
    """The parts between `cuts`, stripped, empty ones left out."""
    spans, pos = [], 0
    for m in cuts:
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(body)))
    out = []
    for a, b in spans:
        part = body[a:b]
        if not part.strip():
            continue
        a += len(part) - len(part.lstrip())
        b -= len(part) - len(part.rstrip())
        out.append((offset + a, offset + b))
    return out


__all__ = ["option_spans", "option_splits", "option_words"]
