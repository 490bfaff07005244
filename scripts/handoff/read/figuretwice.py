"""A figure written twice beside itself, read once: a size restated in another unit, a product
written with its result.

A careful reader reads `262,144 MB (256 GiB)`, `3,500 GB (3.18 TiB)` and `256,000 MB (= 238.4
GiB)` as one size, not two: the bracket converts the figure before it. Which of the two did the
writer start from? The rounder one (fewer significant digits: `256`, `3,500`, `2 TiB` beside
`2,048 GiB`); the other is the conversion, with the digits a conversion leaves. The two are one
size only when they agree under a conversion (decimal ×1000, binary ×1024, a binary unit in
decimal bytes; within 1.5%, a conversion's rounding); a bracket that holds anything else, or a
size that disagrees, is left as written.

A product written with its result (`3 × 16 vCPU = 48 vCPU`, `16 vCPU × 3 = 48 vCPU`, `48 vCPU
(3 × 16 vCPU)`) is read as its result when the arithmetic holds: the per-node figure and the
count are the way to it.

`rewrite` keeps the figure read and blanks the rest with spaces, length for length, so every
place in the text stays where it was.
"""

from __future__ import annotations

import re

from handoff.core.quickre import LinePattern, opened

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT = (  # a size's unit, as a symbol or spelt (`gibibytes`, `GBytes`, `gigs`)
    r"TiB|GiB|MiB|TB|GB|MB|(?:tebi|gibi|mebi|tera|giga|mega)bytes?|[TGM]Bytes|gigs?"
)


def _size(n: str, u: str) -> str:
    return rf"(?P<{n}>{_NUM})[ \u00a0]?(?P<{u}>{_UNIT})\b"


def _amount(v: str, u: str) -> str:
    return rf"(?P<{v}>{_NUM})[ \u00a0]?(?P<{u}>vCPUs?|virtual CPUs?|cores?|{_UNIT})\b"


_PAIR = re.compile(
    rf"(?<![\w.,]){_size('n1', 'u1')}[ \u00a0]*\([ \u00a0]*(?:=|≈|~|about|approx\.?|i\.e\.,?)?[ \u00a0]*"
    rf"{_size('n2', 'u2')}[ \u00a0]*\)"
)
_PRODUCT = re.compile(  # `3 × 16 vCPU = 48 vCPU`, `16 vCPU × 3 = 48 vCPU`, `48 vCPU (3 × 16 vCPU)`
    rf"(?<![\w.,])(?:(?P<n>\d{{1,3}})[ \u00a0]*[×x*][ \u00a0]*{_amount('p', 'pu')}"
    rf"|{_amount('p2', 'pu2')}[ \u00a0]*[×x*][ \u00a0]*(?P<n2>\d{{1,3}}))(?![\w.,])"
    rf"[ \u00a0]*=[ \u00a0]*(?P<total>{_amount('t', 'tu')})"
    rf"|(?<![\w.,])(?P<total2>{_amount('t2', 'tu2')})[ \u00a0]*\([ \u00a0]*(?P<n3>\d{{1,3}})[ \u00a0]*[×x*]"
    rf"[ \u00a0]*{_amount('p3', 'pu3')}[ \u00a0]*\)"
)
SIGN = opened(  # a figure in a bracket after a size, an `=` after a product, a product in brackets
    re.compile(
        rf"\d[ \u00a0]?(?:{_UNIT})[ \u00a0]*\([ \u00a0]*(?:=|≈|~|about|approx\.?|i\.e\.,?)?[ \u00a0]*\d"
        rf"|[×x*][ \u00a0]*\d[^=\n]{{0,20}}="
        rf"|\d[ \u00a0]*(?:{_UNIT}|vCPUs?|virtual CPUs?|cores?)[ \u00a0]*\(\d"
    )
)  # (each branch opens with a digit or a times sign: `opened` tries the scan only there)
# (every match holds a bracket or an equals sign: the lines with one are read, the others are not)
_SIGN_LINES = LinePattern(SIGN, ("(", "="), folded=False)
_DECIMAL = {"MB": 1e-3, "GB": 1.0, "TB": 1e3, "MiB": 1e-3, "GiB": 1.0, "TiB": 1e3}  # GB, nominal
_POWER = {"MB": 0, "GB": 1, "TB": 2, "MiB": 0, "GiB": 1, "TiB": 2}


def rewrite(text: str) -> str:
    """`text` with each figure written twice kept once (module doc)."""
    if not _SIGN_LINES.search(text):
        return text
    if "=" in text or "(" in text:
        text = _PRODUCT.sub(_result, text)
    if "(" in text:
        text = _PAIR.sub(_once, text)
    return text


def _value(number: str) -> float:
    return float(number.replace(",", ""))


def _significant(number: str) -> int:
    """Significant digits of a written figure: `3,500` 2, `3.18` 3, `262,144` 6."""
    whole, _, fraction = number.replace(",", "").partition(".")
    digits = (whole.lstrip("0") + fraction) if fraction else whole.strip("0")
    return len(digits.lstrip("0")) if fraction else len(digits)


def _canon(unit: str) -> str:
    """A unit as its symbol (`gibibytes` GiB, `GBytes` and `gigs` GB)."""
    u = unit.lower()
    for start, symbol in (
        ("tebi", "TiB"),
        ("gibi", "GiB"),
        ("mebi", "MiB"),
        ("t", "TB"),
        ("g", "GB"),
        ("m", "MB"),
    ):
        if u.startswith(start) and not u.endswith("ib"):
            return symbol
    return unit


def _agree(a: float, ua: str, b: float, ub: str) -> bool:
    """Whether two sizes are one under a conversion: their units' nominal sizes (`1.5 TB`, `1,500
    GB`), binary steps (`262,144 MB`, `256 GiB`), or a binary unit in decimal bytes (`3.18 TiB`,
    `3,500 GB`)."""
    if ua == ub:  # the same figure written again another way (`3,500,000 MB (35 lakh MB)`)
        return abs(a - b) <= 0.005 * max(a, b)
    nominal_a, nominal_b = a * _DECIMAL[ua], b * _DECIMAL[ub]
    binary_a, binary_b = a * 1024.0 ** _POWER[ua], b * 1024.0 ** _POWER[ub]
    bytes_a = a * (1024.0 if ua.endswith("iB") else 1000.0) ** (_POWER[ua] + 2)
    bytes_b = b * (1024.0 if ub.endswith("iB") else 1000.0) ** (_POWER[ub] + 2)
    return any(
        abs(x - y) <= 0.015 * max(x, y)
        for x, y in ((nominal_a, nominal_b), (binary_a, binary_b), (bytes_a, bytes_b))
    )


def _binary_step(a: float, ua: str, b: float, ub: str) -> bool:
    """Whether two sizes are exactly one another a power of 1024 apart (`262,144 MB`, `256 GiB`)."""
    return _POWER[ua] != _POWER[ub] and abs(a * 1024.0 ** _POWER[ua] - b * 1024.0 ** _POWER[ub]) < 1e-6 * a


def _once(m: re.Match[str]) -> str:
    a, b = m.group("n1"), m.group("n2")
    ua, ub = _canon(m.group("u1")), _canon(m.group("u2"))
    if not _agree(_value(a), ua, _value(b), ub):
        return m.group(0)
    # the figure before the bracket, unless it is the exact binary conversion of a rounder one
    first = not (_binary_step(_value(a), ua, _value(b), ub) and _significant(a) > _significant(b))
    kept = m.group(0)[: m.end("u1") - m.start()] if first else f"{b} {m.group('u2')}"
    return kept.ljust(len(m.group(0)))


def _unit(u: str) -> str:
    return _canon(u).lower().rstrip("s")


def _result(m: re.Match[str]) -> str:
    if m.group("total2"):
        n, p, pu, t, tu = m.group("n3"), m.group("p3"), m.group("pu3"), m.group("t2"), m.group("tu2")
        total = m.group("total2")
    else:
        n, p, pu = (
            (m.group("n"), m.group("p"), m.group("pu"))
            if m.group("n")
            else (m.group("n2"), m.group("p2"), m.group("pu2"))
        )
        t, tu, total = m.group("t"), m.group("tu"), m.group("total")
    if _unit(pu) != _unit(tu) or abs(int(n) * _value(p) - _value(t)) > 1e-6 * max(_value(t), 1):
        return m.group(0)
    at = m.group(0).index(total) if m.group("total2") else len(m.group(0)) - len(total)
    return " " * at + total + " " * (len(m.group(0)) - at - len(total))
