"""A machine's cores written per socket: `2 sockets × 16 cores`.

A server's CPU is often written the way its hardware is built: the sockets (or physical CPUs,
processors) times the cores of each (`2 sockets × 16 cores`, `4 processors × 8 cores`).
A careful reader multiplies: 32 cores. Read as written, the figure after the sign is one socket's
cores (a wrong value: half the machine or less).

`per_socket(text, start, value)`: the CPU count `value` written at `start` of `text` widened to its
socket count before it and multiplied (the new start and value), when the words before it say
sockets, physical CPUs or processors and a times sign (or "of") joins them; else None. A bare
number before the sign (`2 × 16 cores`) is left to the readers of machine counts: it may count
machines.
"""

from __future__ import annotations

import re

_SOCKETS = re.compile(
    r"(?<![\w.,])(?P<n>\d{1,2})\s*(?:physical\s+)?(?:sockets?|(?:cpus?|processors?)(?=\s*(?:[x×*]|of)\s*$)|"
    r"socket\s+cpus?)\s*(?:[x×*]|of|with)\s*$",
    re.IGNORECASE,
)


# the socket the cores were counted per, written after them (`4 sockets × 8 cores per socket`, `2 CPUs ×
# 16 cores each`, `(per socket)`): part of the figure already multiplied, no machine's
_PER_SOCKET_AFTER = re.compile(
    r"\s*\(?\s*(?:(?:per|/|a|each)\s*(?:socket|cpu|processor)|each)\b\s*\)?", re.IGNORECASE
)


def said_per_socket(text: str, end: int) -> int:
    """Where the words saying the cores before `end` were counted per socket end (`end` itself when
    none follow)."""
    m = _PER_SOCKET_AFTER.match(text, end)
    if m is None:
        return end
    close = m.group(0).rstrip()
    if close.endswith(")") and "(" not in close:
        return end + len(close) - 1  # (a bracket closed that the figure did not open)
    return end + len(close)


def per_socket(text: str, start: int, value: str) -> tuple[int, str] | None:
    """The CPU count `value` at `start` of `text` times the sockets written right before it, else None."""
    found = _SOCKETS.search(text, max(0, start - 32), start)
    if not found or not value.isdigit():
        return None
    return found.start(), str(int(found.group("n")) * int(value))


__all__ = ["per_socket", "said_per_socket"]
