"""Style probes of `make eval-styles` on how numbers are written at the extremes of scale.

Each rewrites the corpus's figures in a notation a careful human reads as the same value, and
keeps every keyed value exactly (a restatement is an exact conversion, or one rounded well within
the key's 1% tolerance):

* abbreviated-magnitudes: grouped counts abbreviated (`4,180` -> `4.18k` / `4.18K`, `12,000` ->
  `12 thousand`, `~4.2k` only where the rounding stays within 0.5%, `1,200,000` -> `1.2M`);
* indian-grouping: digits grouped the Indian way (`1,20,000`) and, in an English text, memory and
  disk restated in decimal MB so that their figures reach lakhs (`3.5 TB` -> `35,00,000 MB`,
  `256 GiB` -> `2,74,878 MB`), some with the lakh or crore figure beside them (`35,00,000 MB (35
  lakh MB)`) or in its place (`2.56 lakh MB`);
* units-restated: memory and disk restated in another unit with the conversion beside it, one
  convention by document: binary (`256 GB` -> `262,144 MB (256 GiB)`, `2 TiB` -> `2,048 GiB (2
  TiB)`) or decimal (`3.5 TB` -> `3,500 GB (3.18 TiB)`, `256 GB` -> `256,000 MB (238.4 GiB)`);
* cpu-memory-pairs: a CPU count and a memory size written together as one compact pair (`96
  vCPU and 384 GiB` -> `96c/384G`, `16vCPU/64GiB`, `16C/64GB`, `16 cores/64 GB`);
* fleet-totals: a pool's per-node figure and its total side by side (`3 × m6i.4xlarge (16 vCPU
  each)` -> `3 × m6i.4xlarge (3 × 16 vCPU = 48 vCPU)`, `4 × n2-standard-16, 64 vCPU in total` ->
  `…, 4 × 16 vCPU = 64 vCPU in total`).

Only the text a reader sees changes (never a tag, an attribute, a link's text or code); the
notation varies by document and by figure (`metamorphic._pick`), so a probe is not learnt as one
phrase.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable

_BODY = re.compile(r"<body[^>]*>", re.I)
_TEXT = re.compile(r">([^<>]+)<")
_SKIP = re.compile(r"(<pre\b.*?</pre>|<code\b.*?</code>|<a\b.*?</a>|<s>.*?</s>|<del>.*?</del>)", re.S | re.I)
GIB = 1.073741824  # GB in a GiB
TIB_GB = 1099.511627776  # GB in a TiB


def _pick(text: str, choices: int) -> int:
    return zlib.crc32(text.encode("utf-8")) % choices


def _walk(html: str, fn: Callable[[str, str], str]) -> str:
    """`fn(text, before)` on every visible text node of the body outside code and links; `before` is
    the visible text just before it (about 80 characters, tags dropped): what the text is about."""
    body = _BODY.search(html)
    start = body.end() - 1 if body else 0
    seen = ""

    def node(m: re.Match[str]) -> str:
        nonlocal seen
        out = fn(m.group(1), seen)
        seen = (seen + " " + m.group(1))[-80:]
        return ">" + out + "<"

    parts = _SKIP.split(html[start:])
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            seen = (seen + " " + re.sub(r"<[^>]+>", " ", part))[-80:]
            out.append(part)
        else:
            out.append(_TEXT.sub(node, part))
    return html[:start] + "".join(out)


def _fmt(value: float, decimals: int) -> str:
    """`value` grouped with commas, with at most `decimals` decimals (no trailing zeros)."""
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _number(text: str) -> float:
    return float(text.replace(",", ""))


# ---- abbreviated magnitudes ----

_GROUPED = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+)(?![\d,]|\.\d)(?![ \u00a0]?(?:[KMGTP]i?B|[kKM])\b)")
_SHORT_FORMS = ("{k}k", "{k}K", "~k", "thousand")


def _abbreviated(value: float, form: str) -> str:
    if value >= 1_000_000:
        m = value / 1_000_000
        return f"{m:g} million" if form == "thousand" and m == round(m, 2) else f"{_fmt(m, 3)}M"
    k = value / 1000
    exact = _fmt(k, 3)
    if form == "~k":
        rounded = round(k, 1) if k < 10 else round(k)
        if rounded != k and abs(rounded - k) <= 0.005 * k:
            return f"~{_fmt(rounded, 1)}k"
        return f"{exact}k"
    if form == "thousand":
        return f"{exact} thousand" if k == int(k) else f"{exact}k"
    return form.format(k=exact)


def abbreviated_magnitudes(html: str) -> str:
    """Grouped counts abbreviated by their magnitude (`4,180` -> `4.18k`); sizes keep their digits."""
    seed = _pick(html, 997)
    count = 0

    def one(m: re.Match[str]) -> str:
        nonlocal count
        value = _number(m.group(1))
        if value != int(value) or value >= 1e9:
            return m.group(0)
        form = _SHORT_FORMS[(seed + count // 2) % len(_SHORT_FORMS)]
        count += 1
        return _abbreviated(value, form)

    return _walk(html, lambda t, _: _GROUPED.sub(one, t) if "," in t else t)


# ---- what a size measures: memory, disk, or neither (repositories, …) ----

_SIZE = re.compile(  # (not a group of a figure grouped with spaces: `3 072 GB`)
    r"(?<![\w.,/'\u2009\u202f])(?<!\d[ \u00a0])"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<sp>[ \u00a0]?)(?P<unit>GiB|GB|TiB|TB)\b"
)
_CUES = re.compile(
    r"(?P<mem>memory|\bRAM\b|\bmem\b|heap|vCPUs?\b|(?<![\w-])cores?\b|CPUs?\b)"
    r"|(?P<disk>disks?\b|storage|volumes?\b|SSD|NVMe|\bgp[23]\b|pd-\w+|\bEBS\b|\bPVC?s?\b|boot|block)"
    r"|(?P<other>repo|monorepo|clone|\bgit\b|LFS|pack|index|snapshot|backup|bucket|upload|artifact|bandwidth"
    r"|transfer|per (?:second|month|day)|/s\b|/month|limit|quota|growth|\+)",
    re.I,
)


def _measures(before: str, after: str) -> str:
    """`memory`, `disk` or "" for a size: the nearest cue before it (a word after it first: `64 GB
    RAM`, `500 GB disk`)."""
    ahead = _CUES.match(after.lstrip(" \u00a0(of"))
    if ahead:
        return "memory" if ahead.group("mem") else "disk" if ahead.group("disk") else ""
    last = None
    for cue in _CUES.finditer(before[-60:]):
        last = cue
    if last is None:
        return ""
    return "memory" if last.group("mem") else "disk" if last.group("disk") else ""


# a product's factor or result (`3 × 800 GB = 2,400 GB`), or inside a bracket restating the size
# before it (`7,86,432 MiB (768 GiB)`, `(120 lakh MB, i.e. 12 TB)`): the text writes it twice already
_WRITTEN_TWICE = re.compile(r"(?:[×x*=][ \u00a0]*|(?:[KMGT]i?B|MB)[ \u00a0]*\([^()]*)$")
_RESTATED_AFTER = re.compile(r"[ \u00a0]*(?:[×x*=]|\([ \u00a0]*(?:=|≈|~)?[ \u00a0]*\d)")


def _sizes(fn: Callable[[float, str, str, str], str | None]) -> Callable[[str, str], str]:
    """A text function that rewrites each memory or disk size (`fn(number, unit, measure, written)`:
    the new text, or None to keep it)."""

    def text(t: str, before: str) -> str:
        if "B" not in t:
            return t

        def one(m: re.Match[str]) -> str:
            if re.match(r"[ \u00a0]?(?:/|per\b|each\b|x\b|×)", t[m.end() :]) or re.search(
                r"[+~≈<>≥≤-]\s*$", t[: m.start()]
            ):
                return m.group(0)  # a rate, a per-node part read as such, a range, an approximation
            if _WRITTEN_TWICE.search(t[: m.start()]) or _RESTATED_AFTER.match(t, m.end()):
                return m.group(0)  # a product's figure, or a size the text restates already
            measure = _measures(before + " " + t[: m.start()], t[m.end() :])
            if not measure:
                return m.group(0)
            out = fn(_number(m.group("num")), m.group("unit"), measure, m.group(0))
            return m.group(0) if out is None else out

        return _SIZE.sub(one, t)

    return text


def _restated(value: float, unit: str, measure: str, binary: bool, form: int) -> str | None:
    """A size in another unit with the conversion beside it (module doc), or None."""
    if unit in ("GiB", "TiB") or (binary and measure == "memory"):
        # binary: one step down (GiB -> MiB, TiB -> GiB), the figure as written beside it; never up
        # (`2,048 GiB` as `2 TiB` would be a figure of another nominal size)
        big = unit in ("TiB", "TB")
        shown = f"{_fmt(value, 2)} {'TiB' if big else 'GiB'}"
        other = (
            f"{_fmt(value * 1024, 0)} {('GiB' if big else 'MiB') if form % 2 else ('GB' if big else 'MB')}"
        )
        return f"{other} ({shown})" if form % 3 else f"{shown} ({other})"
    gb = value * (1000 if unit == "TB" else 1)
    if gb >= 1000:
        first, second = f"{_fmt(gb, 0)} GB", f"{gb / TIB_GB:.2f} TiB"
        if unit == "GB":
            first, second = f"{_fmt(gb / 1000, 3)} TB", f"{_fmt(gb, 0)} GB"
    else:
        first, second = f"{_fmt(gb * 1000, 0)} MB", f"{gb / GIB:.1f} GiB"
    return f"{first} ({second})" if form % 4 != 3 else f"{first} (= {second})"


def units_restated(html: str) -> str:
    """Memory and disk restated in another unit with the conversion beside it (module doc)."""
    seed = _pick(html, 991)
    binary = seed % 2 == 0
    count = 0
    if len(re.findall(r"\bthe\b", html)) < 5:
        return html  # an English text only: another language's numbers follow its own notation

    def restate(value: float, unit: str, measure: str, written: str) -> str | None:
        nonlocal count
        count += 1
        return _restated(value, unit, measure, binary, seed + count)

    return _walk(html, _sizes(restate))


# ---- Indian grouping, lakhs and crores ----

_ANY_GROUPED = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,])")


def indian(value: float) -> str:
    """An integer grouped the Indian way: the last three digits, then pairs (`1,20,000`)."""
    digits = str(int(value))
    head, tail = digits[:-3], digits[-3:]
    pairs: list[str] = []
    while len(head) > 2:
        head, pairs = head[:-2], [head[-2:], *pairs]
    return ",".join([p for p in (head, *pairs) if p] + [tail])


def _lakhs(value: float) -> str:
    """`3,500,000` -> `35 lakh`, `25,000,000` -> `2.5 crore` (two decimals at most), or ""."""
    for word, size in (("crore", 1e7), ("lakh", 1e5)):
        if value >= size and round(value / size, 2) * size == value:
            return f"{_fmt(value / size, 2)} {word}"
    return ""


def indian_grouping(html: str) -> str:
    """Grouped figures regrouped the Indian way; memory and disk in MB (MiB for a binary size), their
    lakhs named beside some figures or in their place (module doc)."""
    seed = _pick(html, 983)
    count = 0

    def in_mb(value: float, unit: str, measure: str, written: str) -> str | None:
        nonlocal count
        # in decimal megabytes, a GiB size exactly converted (`256 GiB` -> `2,74,878 MB`): a figure
        # in MiB would be read, as the keys read binary units, 2.4% off; so would a TiB's bytes
        if unit == "TiB":
            return None
        mb = round(value * {"GB": 1000, "TB": 1e6, "GiB": 1000 * GIB}[unit])
        count += 1
        lakh = _lakhs(mb)
        form = (seed + count) % 3 if lakh else 0
        if form == 1:
            return f"{indian(mb)} MB ({lakh} MB)"
        if form == 2:
            return f"{lakh} MB"
        return f"{indian(mb)} MB"

    sizes = _sizes(in_mb)
    english = len(re.findall(r"\bthe\b", html)) >= 5  # lakhs in an English text only

    def text(t: str, before: str) -> str:
        t = _ANY_GROUPED.sub(lambda m: indian(_number(m.group(0))), t) if "," in t else t
        return sizes(t, before) if english else t

    return _walk(html, text)


# ---- compact CPU and memory pairs ----

_PAIR = re.compile(
    r"(?<![\w.,])(?P<c>\d+)[ \u00a0]?(?:vCPUs?|cores?|CPUs?)(?P<join>\s*(?:,|/|and|·|\+|with)\s*)"
    r"(?P<m>\d+(?:\.\d+)?)[ \u00a0]?(?P<unit>GiB|GB)\b(?![ \u00a0]?(?:of[ \u00a0])?(?:disk|storage|SSD|NVMe))"
)
PAIR_FORMS = ("{c}c/{m}G", "{c}vCPU/{m}{u}", "{c}C/{m}GB", "{c} cores/{m} {u}")


def cpu_memory_pairs(html: str) -> str:
    """A CPU count and a memory size written together as one compact pair (`96c/384G`)."""
    seed = _pick(html, 977)
    form = PAIR_FORMS[seed % len(PAIR_FORMS)]

    def one(m: re.Match[str]) -> str:
        return form.format(c=m.group("c"), m=m.group("m"), u=m.group("unit"))

    return _walk(html, lambda t, _: _PAIR.sub(one, t) if "B" in t else t)


# ---- a pool's per-node figure and its total side by side ----

_POOL = re.compile(r"(?<![\w.])(?P<n>\d{1,2})[ \u00a0]*[×x][ \u00a0]*[a-zA-Z][\w.-]*\d[\w.-]*")
_AMOUNT = re.compile(r"(?<![\w.,])(?P<num>\d+)[ \u00a0]?(?P<unit>vCPUs?|GiB|GB)\b")
_TOTAL_WORD = re.compile(
    r"[^.;:()]{0,40}?\b(?:in total|between them|across|altogether|overall|in all|combined)\b", re.I
)
_BRACKET = re.compile(r"[ \u00a0]*\(([^()]{4,60})\)")
_EACH = re.compile(r"[ \u00a0,]*\b(?:each|apiece|per node)\b")
FLEET_FORMS = ("{n} × {p} {u} = {t} {u}", "{t} {u} ({n} × {p} {u})", "{p} {u} × {n} = {t} {u}")


def _memory_or_cpu(t: str, m: re.Match[str]) -> bool:
    return m.group("unit").startswith("vCPU") or _measures(t[: m.start()], t[m.end() :]) == "memory"


def _fleet(t: str, form: str) -> str:
    pools = list(_POOL.finditer(t))
    if len(pools) != 1 or int(pools[0].group("n")) < 2:
        return t
    pool, n = pools[0], int(pools[0].group("n"))
    bracket = _BRACKET.match(t, pool.end())
    if bracket and _EACH.search(bracket.group(1)):  # `(16 vCPU, 64 GiB each)`: per node
        inner = bracket.group(1)
        amounts = [m for m in _AMOUNT.finditer(inner) if _memory_or_cpu(inner, m)]
        if not amounts:
            return t
        for m in reversed(amounts):
            value, unit = int(m.group("num")), m.group("unit").rstrip("s")
            inner = (
                inner[: m.start()]
                + FLEET_FORMS[0].format(n=n, p=value, t=value * n, u=unit)
                + inner[m.end() :]
            )
        inner = _EACH.sub("", inner)
        return t[: bracket.start(1)] + inner + t[bracket.end(1) :]

    def one(m: re.Match[str]) -> str:
        value, unit = int(m.group("num")), m.group("unit").rstrip("s")
        if (
            m.start() < pool.end()
            or value % n
            or not _TOTAL_WORD.match(t, m.end())
            or not _memory_or_cpu(t, m)
        ):
            return m.group(0)
        return form.format(n=n, p=value // n, t=value, u=unit)

    return _AMOUNT.sub(one, t)


def fleet_totals(html: str) -> str:
    """In a text naming one pool (`N × type`), its total written with its per-node figure beside it
    (`48 vCPU in total` -> `3 × 16 vCPU = 48 vCPU in total`), and a per-node figure with its total
    (`(16 vCPU each)` -> `(3 × 16 vCPU = 48 vCPU)`)."""
    form = FLEET_FORMS[_pick(html, 971) % len(FLEET_FORMS)]
    return _walk(html, lambda t, _: _fleet(t, form) if "×" in t or "x" in t else t)


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "abbreviated-magnitudes": abbreviated_magnitudes,
    "indian-grouping": indian_grouping,
    "units-restated": units_restated,
    "cpu-memory-pairs": cpu_memory_pairs,
    "fleet-totals": fleet_totals,
}
