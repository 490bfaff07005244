"""A labelled amount written as its named parts, and whether they are the whole.

"Disk: gitserver 2× 1 TB gp3, zoekt 500 GB, pg+misc 100 GB" states no total: it lists the disks,
each with the component it serves. A careful reader never takes the first part for the total; the
parts are the whole when the value is nothing but that list (every item names its component and
has one size, a count of volumes before it allowed), so their sum is the amount (2,600 GB). A value
that opens with a figure ("2.6 TB (gitserver 2 × 1 TB, …)") states its own total: not read here.
A list closed by a figure after a dash that is exactly the sum of its parts ("gitserver 3 × 1,000
GiB, …, redis and the rest 100 GiB — 4,700 GiB in the active region") states its total there: the
arithmetic proves it, with or without a total word; one closed by its total after a total word
("…, PostgreSQL 200 GB, soit 3,2 To au total") gives that total when the parts add up to it. A
label's list one part a line is read the same; one that cannot be summed plainly gives no total.
"""

from __future__ import annotations

import re

from handoff.core.units import size_gb
from handoff.read import shapes

_ITEMS = re.compile(
    r"\s*(?:,(?!\d{3}(?!\d))|;|\n|\s\+\s|\s[|·•]\s|\band\b|\bplus\b)\s*", re.IGNORECASE
)  # (not `1,000`)
_NAME = re.compile(r"[A-Za-z]")


# "… 100 GiB — 4,700 GiB", and a sentence of its own after the list: "… pgsql 250 GB. 3,650 GB provisioned."
_SUM_AFTER = re.compile(r"\s*(?:[—–:=≈]|-\s|→|->|=>|\.(?=\s))\s*(?:about\s+|~\s*|≈\s*)?")


def _size_gb(size: str, before: str) -> float | None:
    """A size in GB, times the count of volumes written right before it ("2× 1 TB")."""
    count = shapes.size_count(before)
    gb = size_gb(size)
    return None if gb is None else gb * (int(count.group(1)) if count else 1)


def _items(value: str) -> list[str]:
    """The items of a list, a name's words before "and" or "+" kept with what follows ("redis and the
    rest 100 GiB", "pgsql + codeintel-db 256 GiB" are one item; "gitserver 1 TB and zoekt 500 GB" two)."""
    pieces = _ITEMS.split(value)
    joins = _ITEMS.findall(value)
    out: list[str] = []
    carry = ""
    for k, piece in enumerate(pieces):
        join = joins[k].strip().casefold() if k < len(joins) else ""
        if join in ("and", "+") and piece and not shapes.DIGIT.search(piece):
            carry += f"{piece} {join} "
            continue
        out.append(carry + piece)
        carry = ""
    return out


_OLD_ASIDE = re.compile(
    r"\s*\((?:previously|formerly|was|were|before|earlier|originally|corrected\s+from|down\s+from|up\s+from)\b[^()]*\)",
    re.IGNORECASE,
)
# an item saying how the disks are laid out, no part: "…, one volume per service."
_EACH_OWN = re.compile(
    r"\s*(?:one|a|an|its\s+own|their\s+own)\s+(?:[\w-]+\s+)?(?:volumes?|disks?|pvcs?)\s+"
    r"(?:per|for\s+each|for\s+every|each)\s+[\w-]+\s*[.;]?\s*",
    re.IGNORECASE,
)
_STATED = re.compile(r"[:=→]\s*(?:about\s+|~\s*|≈\s*)?$")  # a figure closing the list after a colon
_FOR_NAME = re.compile(r"\s*(?:for|of|on|behind)\s+(?:the\s+)?[A-Za-z]", re.IGNORECASE)  # "600 GB for zoekt"
_TOTAL_WORD = re.compile(r"\b(?:in sum|in total|total|altogether|together|combined|overall)\b", re.IGNORECASE)


# a size in brackets closing a list or a sum of sizes: their result, when it is their sum ("2,000 GB data
# + 100 GB boot (2,100 GB)", "gitserver 2 TB, zoekt 400 GB (= 2.4 TB in total)")
_CLOSING = re.compile(
    r"\s*\(\s*(?:=\s*|≈\s*|~\s*|about\s+)?(?P<size>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:TiB|GiB|TB|GB))"
    r"(?:\s+(?:in\s+total|in\s+all|total|together|altogether|combined|overall))?\s*\)\s*\.?\s*$",
    re.IGNORECASE,
)


def _closing_total(value: str) -> str | None:
    """The size in brackets closing a list or sum of sizes when the parts before it add up to it."""
    closing = _CLOSING.search(value)
    if closing is None or len(list(shapes.sizes(value[: closing.start()]))) < 2:
        return None
    parts = _listed_total(value[: closing.start()])
    summed, stated = size_gb(parts) if parts else None, size_gb(closing.group("size"))
    return (
        closing.group("size")
        if summed is not None and stated and abs(summed - stated) <= 0.01 * stated
        else None
    )


def named_parts_total(value: str) -> str | None:
    """The sum of a value listing named sizes ("gitserver 2× 1 TB, zoekt 500 GB"), as `N GB`; None
    when the value is anything else (one size, a total first, an item without a name or a size). A
    size in brackets closing the list is its stated result: that size when the parts add up to it."""
    closed = _closing_total(value) if value.rstrip(" .").endswith(")") else None
    return closed or _listed_total(value)


def _closing_sum(item: str, sized: list[shapes.Match], total: float) -> str | None:
    """The last item's one size when it states the sum of the parts before it: after a colon ("…,
    pgsql and the rest: 2,400 GB") or with no name of its own ("…, pgsql 250 GB; 3,650 GB provisioned")."""
    if _NAME.search(item[: sized[0].start]) and not _STATED.search(item, 0, sized[0].start):
        return None
    stated = _size_gb(sized[0].value, "")
    return sized[0].value if stated is not None and abs(total - stated) <= 0.005 * stated else None


def _listed_total(value: str) -> str | None:
    """`named_parts_total` but for a closing bracket."""
    if len(list(shapes.sizes(value))) < 2:
        return None
    if not _NAME.match(value.lstrip()):  # a figure first: its own total, unless sizes added with `+`
        return (
            plus_result(value) or _plus_total(value) or _named_after_total(value)
        )  # (or each size named after it)
    total = 0.0
    items = [_OLD_ASIDE.sub("", item) for item in _items(value)]  # "(previously 2.2 TB)": no part
    items = [item for item in items if item and not _EACH_OWN.fullmatch(item)]
    for k, item in enumerate(items):
        if _TOTAL_WORD.search(item):  # "…, databases 250 GiB; in sum 4,250 GiB": a stated total, read as such
            return _stated_total(item, total) if k == len(items) - 1 and k > 1 else None
        sized = list(shapes.sizes(item))
        if (
            len(sized) == 2
            and _NAME.search(item[: sized[0].start])
            and _SUM_AFTER.fullmatch(item, sized[0].end, sized[1].start)
        ):
            last = _size_gb(sized[0].value, item[: sized[0].start])
            stated = _size_gb(sized[1].value, "")
            if last is not None and stated is not None and abs(total + last - stated) <= 0.005 * stated:
                return sized[1].value  # "…, redis 100 GiB — 4,700 GiB in the region": the parts' sum, stated
            return None
        if not sized and k == 0 and len(item.split()) <= 3:
            continue  # "gp3, 3 × 600 GB for gitserver, …": the disks' kind opens the list, no part
        last = len(sized) == 1 and k == len(items) - 1 and k > 1
        closing = _closing_sum(item, sized, total) if last else None
        if closing is not None:
            return closing
        named = _NAME.search(item[: sized[0].start]) or _FOR_NAME.match(item, sized[0].end) if sized else None
        if len(sized) != 1 or not named:
            return None
        size = _size_gb(sized[0].value, item[: sized[0].start])
        if size is None:
            return None
        total += size
    return f"{shapes.canon(f'{total:.3f}')} GB"


# a term of a sum written with `+`: a size (a count of volumes before it), then what it is for in a few
# words or a bracket ("200 GB OS", "2 × 1 TB (gitserver)"); the sum is the value, whole
_PLUS_TERM = (
    r"(?:\d{1,3}\s*[x×*]\s*)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:TiB|GiB|TB|GB)\b"
    r"(?:\s+[A-Za-z][\w-]*){0,3}(?:\s*\([^()]{1,40}\))?"
)
_PLUS_SUM = re.compile(rf"\s*{_PLUS_TERM}(?:\s*\+\s*{_PLUS_TERM})+\s*\.?\s*", re.IGNORECASE)
_PLUS_TERMS = re.compile(_PLUS_TERM, re.IGNORECASE)
# a term that is no disk there now: growth, headroom, a reserve, a rate
_NOT_NOW = re.compile(
    r"\b(?:grow\w*|growth|headroom|buffer|spare|reserve\w*|future|later|planned|next|per|year\w*|month\w*|"
    r"snapshots?|backups?)\b",
    re.IGNORECASE,
)


_RESULT_SIGN = re.compile(r"\s(?:≈|=|→|->|=>)\s*(?:about\s+|~\s*)?(?=\d)")


def plus_result(value: str) -> str | None:
    """The result of sizes added with `+` and written after `≈`, `=` or an arrow ("412G + 389G + 109G
    (gitserver-0/1/2) ≈ 910G"), when it is their sum: that size as written; "" when it is not (no
    figure of it is sure); None for any other value."""
    signs = list(_RESULT_SIGN.finditer(value)) if "+" in value else []
    if len(signs) != 1 or re.match(r"=(?!>)", signs[0].group(0).strip()):
        return None  # (a result after `=` is the writer's own: `labelled._result` reads it)
    left, right = value[: signs[0].start()], value[signs[0].end() :]
    terms = [t for t in left.split("+")]
    said = list(shapes.sizes(right))
    if len(terms) < 2 or len(said) != 1 or right[said[0].end :].strip(" .") or _NOT_NOW.search(value):
        return None
    total = 0.0
    for term in terms:
        sized = list(shapes.sizes(term))
        gb = _size_gb(sized[0].value, term[: sized[0].start]) if len(sized) == 1 else None
        if gb is None:
            return None
        total += gb
    stated = _size_gb(said[0].value, "")
    return said[0].value if stated and abs(total - stated) <= 0.01 * stated else ""


def _plus_total(value: str) -> str | None:
    """The sum of a value that is sizes added with `+` ("200 GB OS + 1.5 TB data", "100 GB (OS) + 2 TB
    (data)", "1 TB + 500 GB"), as `N GB`; None for anything else (growth, headroom, a snapshot term,
    words or figures outside the terms)."""
    if "+" not in value or not _PLUS_SUM.fullmatch(value) or _NOT_NOW.search(value):
        return None
    total = 0.0
    for m in _PLUS_TERMS.finditer(value):
        sizes = list(shapes.sizes(m.group(0)))  # (one size a term: "1 TB (was 500 GB)" is no term)
        gb = _size_gb(sizes[0].value, m.group(0)[: sizes[0].start]) if len(sizes) == 1 else None
        if gb is None:
            return None
        total += gb
    return f"{shapes.canon(f'{total:.3f}')} GB"


# a part written size first: a size (a count of volumes before it), then the component it is for
# ("2 TB for gitserver", "400 GB for zoekt (indexed search)", "100 GB (databases)", "1 TB to pgsql")
_SIZE_FIRST = re.compile(
    r"\s*(?:\d{1,3}\s*[x×*]\s*)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:TiB|GiB|TB|GB|Ti|Gi)\b"
    r"(?:\s+(?:[\w-]+\s+){0,2}?(?:for|of|on|behind|to|goes\s+to|go\s+to)\s+(?:the\s+)?(?P<name>[A-Za-z][\w-]*)"
    r"(?:\s+[\w-]+)?|\s*\((?:for\s+)?(?:the\s+)?(?P<bracket>[A-Za-z][\w-]*)(?:\s+[\w-]+)?\))"
    r"(?:\s*\([^()]{1,40}\))?\s*\.?\s*",
    re.IGNORECASE,
)
# what a part is for: one of the deployment's own components or its volumes' roles, never an
# environment ("2 TB for production and 400 GB for staging" are two environments' disks)
COMPONENT = re.compile(
    r"gitserver|git|zoekt|indexed|search|searcher|symbols|postgres(?:ql)?|pgsql|codeintel|codeinsights|"
    r"db|dbs|database|databases|redis|blobstore|minio|prometheus|grafana|monitoring|os|root|boot|data|"
    r"logs?|repos|repositories|repository|index|indexes|caches?|precise|executors?|worker|frontend|"
    r"jaeger|tracing|metrics|backup|uploads?",
    re.IGNORECASE,
)


_MEMORY = re.compile(r"\b(?:memory|ram|heap|vcpus?|cpus?|cores?)\b", re.IGNORECASE)


def _named_after_total(value: str) -> str | None:
    """The sum of a value that lists sizes each naming its part after it ("2 TB for gitserver, 400 GB
    for zoekt (indexed search) and 100 GB for the databases", "2 TB (gitserver), 400 GB (zoekt)"), as
    `N GB`; None for anything else: one item, an item that is not a size and its part, a part that is
    no component of the deployment (an environment), growth, snapshots or a rate."""
    if _NOT_NOW.search(value) or _MEMORY.search(value):
        return None
    items = [item for item in _items(value) if item.strip(" .")]
    if len(items) < 2:
        return None
    total = 0.0
    for item in items:
        m = _SIZE_FIRST.fullmatch(item)
        name = m and (m.group("name") or m.group("bracket"))
        sized = list(shapes.sizes(item))
        if not name or not COMPONENT.fullmatch(name) or len(sized) != 1:
            return None
        gb = _size_gb(sized[0].value, item[: sized[0].start])
        if gb is None:
            return None
        total += gb
    return f"{shapes.canon(f'{total:.3f}')} GB"


def _stated_total(item: str, parts: float) -> str | None:
    """The total a list's last item states (`soit 3,2 To au total`) when the parts before it add up
    to it: that size as written; else None (the stated total is read as such elsewhere)."""
    sized = list(shapes.sizes(item))
    stated = _size_gb(sized[0].value, "") if len(sized) == 1 else None
    return sized[0].value if stated and abs(parts - stated) <= 0.01 * stated else None


_CPU_OR_ADDRESS = re.compile(r"\d\s*(?:v?cpus?|vcores?|cores?|c\b)|://", re.IGNORECASE)


def continued(value: str, following: list[str]) -> int:
    """How many of the unlabelled parts `following` a labelled value continue as its list's items
    (`disk: gitserver 2x 1T gp3 | zoekt 2x 500G | pgsql 200G → 3.3T`: the separator a note writes
    between a label's items, not between facts). The value is one named size (`gitserver 2x 1T`) and
    each part after it one named size, the last one may close the list with its total after an arrow
    or `=`; a part of anything else (a CPU figure, an address, a bare size, a date) ends the run."""
    if not _named_size(value):
        return 0
    n = 0
    for part in following:
        sized = list(shapes.sizes(part))
        closing = len(sized) == 2 and _SUM_AFTER.fullmatch(part, sized[0].end, sized[1].start) is not None
        if not (_named_size(part) or (closing and _named_size(part[: sized[0].end]))):
            break
        n += 1
        if closing:
            break
    return n


def _named_size(text: str) -> bool:
    """One size, with words naming what it is for before it and nothing of another amount."""
    sized = list(shapes.sizes(text))
    return (
        len(sized) == 1
        and _NAME.search(text[: sized[0].start]) is not None
        and _CPU_OR_ADDRESS.search(text) is None
        and not shapes.DATE.search(text)
    )


def lists_parts(value: str) -> bool:
    """A value of two or more lines, each naming a part before its size (`gitserver 2 × 1 TB` /
    `zoekt 600 GB …`): no line of it is the whole."""
    lines = [line for line in value.splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    for line in lines:
        sized = next(iter(shapes.sizes(line)), None)
        if sized is None or not _NAME.search(line[: sized.start]):
            return False
    return True
