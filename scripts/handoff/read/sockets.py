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

# the sockets counted in words (`shapes` reads this module: its words are not imported from there)
_WORDS = {"one": 1, "two": 2, "four": 4, "eight": 8}

_SOCKETS = re.compile(  # (the sockets counted in words too: "two sockets of sixteen cores")
    rf"(?<![\w.,])(?P<n>\d{{1,2}}|{'|'.join(_WORDS)})\s*(?:physical\s+)?(?:sockets?|(?:cpus?|processors?)(?=\s*(?:[x×*]|of)\s*$)|"
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


# a CPU figure's breakdown in the bracket after it: "32 (4 sockets, 8 cores per socket)", "24 (2 sockets,
# 12 cores)", "16 vCPU (2 sockets × 8 cores)": the working of the figure before, when it multiplies to it
_BREAKDOWN = re.compile(
    r"(?<![\w.,])(?P<total>\d{1,4})(?P<unit>\s*(?:v?cpus?|vcores?|cores?|threads?)\b)?\s*\(\s*(?P<n>\d{1,2})\s*"
    r"(?:physical\s+)?(?:sockets?|cpus?|processors?)\s*(?:[,;x×*]|of|with|and)?\s*(?P<m>\d{1,3})\s*"
    r"(?:physical\s+)?(?:cores?|vcpus?|threads?)(?:\s*(?:(?:per|/|a|each)\s*(?:socket|cpu|processor)|each))?\s*\)",
    re.IGNORECASE,
)


def without_breakdown(text: str) -> str:
    """`text` with a CPU figure's socket breakdown in brackets blanked (same length) when its sockets
    times its cores make the figure before it: the figure stands alone (`32 (4 sockets, 8 cores per
    socket)` is 32, never 8 nor 8 × 32)."""
    lower = text.lower()
    if "(" not in text or not ("socket" in lower or "cpu" in lower or "processor" in lower):
        return text
    return _BREAKDOWN.sub(_blank_breakdown, text)


def _blank_breakdown(m: re.Match[str]) -> str:
    if int(m.group("n")) * int(m.group("m")) != int(m.group("total")):
        return m.group(0)
    head = m.group("total") + (m.group("unit") or "")
    return head + " " * (len(m.group(0)) - len(head))


def per_socket(text: str, start: int, value: str) -> tuple[int, str] | None:
    """The CPU count `value` at `start` of `text` times the sockets written right before it, else None."""
    found = _SOCKETS.search(text, max(0, start - 32), start)
    if not found or not value.isdigit():
        return None
    n = found.group("n")
    return found.start(), str((int(n) if n.isdigit() else _WORDS[n.lower()]) * int(value))


# a processor's cores written as its adjective, its processors counted before it: "two 24-core Xeon Gold
# processors", "2 × 32-core EPYC CPUs" (the maker's words between, at most three)
_COUNT_BEFORE = re.compile(rf"(?<![\w.,])(?P<n>\d|{'|'.join(_WORDS)})\s*(?:[x×*]\s*)?$", re.IGNORECASE)
_PROCESSOR_AFTER = re.compile(
    r"(?:\s+(?!(?:and|with|of|each|per)\b)[\w-]+){0,3}?\s+(?:processors?|cpus?|sockets?|chips?)\b",
    re.IGNORECASE,
)


def adjective_cores(text: str, start: int, end: int, value: str) -> tuple[int, int, str] | None:
    """A core count written as a processor's adjective (`24-core`), its processors counted before it and
    named after it ("two 24-core Xeon Gold processors"): the whole phrase (its start, its end) and the
    processors times the cores (48). A careful reader multiplies, as for `2 sockets × 24 cores`; read as
    written, the figure is one processor's. An adjective with no count before it gives None (the caller
    keeps it as it was read)."""
    if not value.isdigit() or "-" not in text[start:end]:
        return None
    after = _PROCESSOR_AFTER.match(text, end)
    before = _COUNT_BEFORE.search(text, max(0, start - 12), start)
    if after is None or before is None:
        return None
    n = before.group("n")
    return before.start(), after.end(), str((int(n) if n.isdigit() else _WORDS[n.lower()]) * int(value))


__all__ = ["adjective_cores", "per_socket", "said_per_socket", "without_breakdown"]
