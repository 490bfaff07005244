"""Edit marks left in a draft: of a figure written with its correction beside it, only the current
figure is text. `old → new` / `old -> new` (both sides figures of one kind), `new (corrected from
old)`, `new (not old)`, `new, not old` read as `new`, as a struck-through old figure does
(read/doctext.py). An arrow between parts and a total ("… + 200 GB root → 3.2 TB total", a note's
"… 640 → 2,360 tot"), between
dates ("21 Sep → 2 Oct") or versions ("5.11.4 → 6.0.3") is no correction and stays. A placeholder a
template left (`<N> vCPU`, `XX GB`, `x.x TB`, `TBD`) holds no figure anyway; see `placeholder`.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick
from handoff.core.units import size_gb
from handoff.read import notdone, shapes
from handoff.read.correctedreport import uncorrected
from handoff.read.itemrefs import unreferenced
from handoff.read.otherdoc import unreported

# a figure: a number (grouped, decimal) with the unit or noun after it, or machines "4 × type"
_NUM = (  # grouped by a comma, dot, apostrophe or (no-break) space; a decimal point or comma
    r"(?<![\w.,/:-])\d{1,3}(?:[,.'\u00a0\u202f ]\d{3})+(?:[.,]\d+)?(?!\d)"
    r"|(?<![\w.,/:-])\d+(?:[.,]\d+)?"
)
_UNIT = (
    r"(?:[ \u00a0]?(?P<{g}>GiB|GB|TiB|TB|MiB|MB|Gi|Ti|G|T|vCPUs?|vcpus?|vCores?|cores?|CPUs?|k|K)\b"
    r"|[ \u00a0](?P<{g}w>nodes?|VMs?|machines?|instances?|repositories|repos|monorepos?|users|seats)\b)?"
)
_FIGURE = rf"(?:{_NUM})(?![\d,.]\d)"
_ARROW = quick(
    rf"(?P<old>{_FIGURE}){_UNIT.format(g='ou')}[ \u00a0]*(?:→|->|=>|⇒|⟶|➔|➜)[ \u00a0]*"
    rf"(?=(?P<new>{_FIGURE}){_UNIT.format(g='nu')}(?P<after>[^\n]{{0,14}}))",
)
_BRACKET = quick(
    r"(?<=\S)[ \u00a0]*\((?:corrected|changed|updated|amended|revised) from"
    rf"[ \u00a0]+{_FIGURE}[^()\n]{{0,20}}\)"
    rf"|(?<=\d|[A-Za-z])[ \u00a0]*\(not[ \u00a0]+{_FIGURE}[^()\n]{{0,20}}\)",
    re.IGNORECASE,
)
# a figure followed by its own update in brackets ("3 [UPDATE 2 Sep: now 4]", "1,000 (edit 12 May: 1,400)",
# "500 GB [revised: 750 GB]"): the update's figure replaces it
_UPDATED = quick(
    rf"(?P<old>{_FIGURE}){_UNIT.format(g='ou')}[ \u00a0]*[\[(][ \u00a0]*(?:update[ds]?|edit(?:ed)?|revised|"
    rf"corrected|correction)\b[^\[\]()\n:]{{0,24}}:[ \u00a0]*(?:now[ \u00a0]+)?"
    rf"(?P<new>{_FIGURE}){_UNIT.format(g='nu')}[ \u00a0]*[\])]",
    re.IGNORECASE,
)
_NOT = quick(
    rf"(?P<new>{_FIGURE}){_UNIT.format(g='nu')},?[ \u00a0]+not[ \u00a0]+"
    rf"(?P<old>{_FIGURE}){_UNIT.format(g='ou')}(?![\w.,]\w)",
    re.IGNORECASE,
)
_TOTAL_AFTER = re.compile(r"^\W*(?:in )?(?:total|tot|all|overall|together|altogether|combined|sum)\b", re.I)
_SIZE = {"gib", "gb", "tib", "tb", "mib", "mb", "gi", "ti", "g", "t"}
_CPU = {"vcpu", "vcpus", "vcore", "vcores", "core", "cores", "cpu", "cpus"}
_MONTH_AFTER = re.compile(r"^[ \u00a0]*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", re.I)
_ARROWS = ("→", "->", "=>", "⇒", "⟶", "➔", "➜")
_CUES = ("→", "->", "=>", "⇒", "⟶", "➔", "➜", "not", "from", "(", "[")


def _kind(unit: str | None, word: str | None) -> str:
    u = (unit or "").lower()
    if u in _SIZE:
        return "size"
    if u in _CPU:
        return "cpu"
    if word:
        return word.lower().rstrip("s")
    return ""


def _alike(m: re.Match[str]) -> bool:
    """Both sides figures of one kind (a side with no unit takes the other's)."""
    old, new = _kind(m.group("ou"), m.group("ouw")), _kind(m.group("nu"), m.group("nuw"))
    return not old or not new or old == new


def _number(text: str) -> float:
    """A figure's value, roughly (grouping marks dropped; a lone comma or dot before one to two or
    four or more digits is a decimal mark)."""
    digits = re.sub(r"[\s'\u00a0\u202f]", "", text)
    if re.fullmatch(r"\d{1,3}(?:([,.])\d{3})(?:\1\d{3})*", digits):
        return float(re.sub(r"[,.]", "", digits))
    marks = digits.count(",") + digits.count(".")
    return float(digits.replace(",", ".")) if marks <= 1 else 0.0


def _adds_up(clause: str, m: re.Match[str]) -> bool:
    """The new figure is the sum of the clause's figures before it, the old one among them (parts,
    then their total: "GitHub 1,000 and GitLab 430 → 1,430 repos")."""
    parts = [_number(n) for n in re.findall(_NUM, clause)]
    if not parts:
        return False
    total = sum(parts) + _number(m.group("old"))
    return abs(total - _number(m.group("new"))) <= 0.01 * max(total, 1)


_LINE_HEAD = re.compile(r"[^\n]*\n|[^\n]*?:[ \u00a0]+(?![^(\n]*\))")  # a line's start, a label's colon
_BRACKETED = re.compile(r"\([^()\n]*\)")
_COUNT_PART = re.compile(rf"(?P<num>{_NUM})(?:[ \u00a0]?(?P<k>k)\b)?(?![\d,.]\d)", re.IGNORECASE)


def _parts_sum(m: re.Match[str]) -> bool:
    """The new figure is the sum of the figures of its line before the arrow, the old one the last of
    them, with their units and counts (`gitserver 2x 1T | zoekt 2x 500G | pgsql 200G → 3.3T`, `ado
    1.1k repos | ghes 450 → 1,550`): a list of parts and the total they make, no correction. The line
    is read from its last label's colon (`[9/15 14:20] mk: vols: …`), a count's parts outside
    brackets (`(gitserver-0/1/2)`)."""
    text = m.string
    start = max((h.end() for h in _LINE_HEAD.finditer(text, 0, m.start())), default=0)
    head = text[start : m.end("ou") if m.group("ou") else m.end("old")]
    new = text[m.start("new") : m.end("nu") if m.group("nu") else m.end("new")]
    if (m.group("ou") or m.group("nu") or "").lower() in _SIZE:
        found = list(shapes.sizes(head))
        said = list(shapes.sizes(new))
        whole = size_gb(said[0].value) if said else None
        if len(found) < 2 or whole is None or found[-1].end != len(head):
            return False
        total = 0.0
        for s in found:
            gb, count = size_gb(s.value), shapes.size_count(head[: s.start])
            if gb is None:
                return False
            total += gb * (int(count.group(1)) if count else 1)
    elif (m.group("ou") or "k").lower() != "k" or (m.group("nu") or "k").lower() != "k":
        return False  # (CPU: its own readings)
    else:
        parts = [
            _number(p.group("num")) * (1000 if p.group("k") else 1)
            for p in _COUNT_PART.finditer(_BRACKETED.sub(lambda b: " " * len(b.group(0)), head))
        ]
        if len(parts) < 2:
            return False
        total, whole = sum(parts), _number(m.group("new")) * (1000 if m.group("nu") else 1)
    return abs(total - whole) <= 0.01 * max(whole, 1)


_RESULT = re.compile(r"(?<![=<>])=[ \u00a0]*$")
_NOT_DONE = re.compile(  # "32 → 48 vCPU (requested, pending approval)": the new side is not made yet
    r"[^\n.;]{0,12}?\b(?:requested|pending|proposed|planned|to be|awaiting|once approved|if approved|"
    r"tbc|tbd|not yet|not approved|under review|on hold|"
    # a later period: the new side a projection (`repos cap 6k → 9k next fy`, `8k -> 12k eoy`)
    r"eo[yqm]|eofy|next[ \u00a0]+(?:fy|year|yr|quarter|qtr|q[1-4]|h[12]|half)|"
    r"by[ \u00a0]+(?:the[ \u00a0]+)?(?:end|eo[yqm]|eofy|q[1-4]|h[12]|fy[ \u00a0]?'?\d\d))\b",
    re.IGNORECASE,
)  # the old figure is a product's result: `3 × 64 = 144 → 192`


def _arrow(m: re.Match[str]) -> str:
    text, start = m.string, m.start()
    clause = re.split(r"(?<!\d)[.;:(\n]|[.;:(\n](?!\d)", text[:start])[-1]
    if (
        "+" in clause
        or _adds_up(clause, m)
        or _parts_sum(m)
        or ("=" in clause.replace("=>", "") and not _RESULT.search(clause))
        or not _alike(m)
        or _TOTAL_AFTER.search(m.group("after"))
        or _MONTH_AFTER.match(text[m.end("old") :])
        or _MONTH_AFTER.match(m.group("after"))
        or _NOT_DONE.match(text, m.end("new"))
    ):
        return m.group(0)
    return ""


_CLAUSE_END = re.compile(r"[ \u00a0]*(?:[.!?]?[ \u00a0]*$|[.!?](?=\s+[A-Z(])|\n)")  # (`_SENTENCE`'s end)


_SAID_OF = re.compile(r"[^\W\d_]{3,}")  # a word naming what the figure is
_LIMIT_WORD = re.compile(r"\b(?:licen[cs]\w*|seats?|limits?|caps?|concurren\w*)\b", re.IGNORECASE)


def _remarked(m: re.Match[str], end: int) -> bool:
    """Whether an arrow's old side stays as a remark: the new side ends its sentence (a remark inside a
    phrase would stand beside another figure once moved to its end), words before the old side say
    what the figure is (no bare cell: `3 → 2` in a zone's row) and make no product (`2 disks × 384
    GiB`), and the figure has a unit or the words name a limit."""
    found = _SENTENCE_HEAD.search(m.string, 0, m.start())
    head = found.group(0) if found else ""
    return (
        _CLAUSE_END.match(m.string, end) is not None
        and _SAID_OF.search(head) is not None
        and not re.search(r"[×*]|\dx\b|\sx\s", head)
        and bool(
            m.group("ou") or m.group("ouw") or m.group("nu") or m.group("nuw") or _LIMIT_WORD.search(head)
        )
    )


_SENTENCE_HEAD = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))[^\n]*?$")


def _arrows(text: str) -> str:
    """`text` with each correction `old → new` written `new`, and `new (was old)` where the new side
    ends its clause: the old one then stays a remark of the change (read/changes.py), history wherever
    it is written (a living document's `RAM 256 → 384 GiB` leaves 256 GiB in its sizing table). In a
    chain (`A → B → C`) only the last side is the text and only the side before it its remark."""
    cuts = [m for m in _ARROW.finditer(text) if not _arrow(m)]
    if not cuts:
        return text
    olds = {m.start("old") for m in cuts}
    out: list[str] = []
    pos = 0
    for m in cuts:
        out.append(text[pos : m.start()])
        pos = m.end()
        if m.start("new") in olds:
            continue  # (`B` of `A → B → C` is an old side itself)
        end = max(m.end(g) for g in ("new", "nu", "nuw") if m.group(g) is not None)
        if not _remarked(m, end):
            continue
        unit = text[m.end("old") : max(m.end(g) for g in ("old", "ou", "ouw") if m.group(g) is not None)]
        unit = unit or text[m.end("new") : end]
        out.append(text[pos:end] + f" (was {m.group('old')}{unit})")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _updated(m: re.Match[str]) -> str:
    """`3 [UPDATE 2 Sep: now 4]` → `4`, when both figures are of one kind; else as written."""
    if not _alike(m):
        return m.group(0)
    return m.string[m.start("new") : max(m.end(g) for g in ("new", "nu", "nuw") if m.group(g) is not None)]


def _not(m: re.Match[str]) -> str:
    if not _alike(m):
        return m.group(0)
    end = max(m.end(g) for g in ("new", "nu", "nuw"))
    unit = "" if end > m.end("new") else m.string[m.end("old") : m.end()]  # "4,000, not 3,000 users"
    return m.string[m.start() : end] + unit


# a change remark in brackets right after its figure ("256 GiB (was 192 GiB) RAM"): moved to the end
# of its sentence, so the phrase reads whole and the remark still marks the old figure
# (read/changes.py)
_WAS = quick(
    r"(?<=[\dA-Za-z])[ \u00a0]*\((?:was|previously|formerly|earlier|before)[ \u00a0:]+"
    rf"{_FIGURE}[^()\n]{{0,20}}\)",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^\n]*?(?:[.!?](?=\s+[A-Z(]|\s*$)|\n|$)")


def _remarks_last(text: str) -> str:
    """Each sentence's change remarks moved to its end (before its full stop)."""
    out = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        remarks = _WAS.findall(sentence) if "(" in sentence else []
        if not remarks or _WAS.sub("", sentence).rstrip(" .!?\n") == "":
            out.append(sentence)
            continue
        body = _WAS.sub("", sentence)
        stem = body.rstrip(".!?\n ")
        out.append(stem + "".join(remarks) + body[len(stem) :])
    return "".join(out)


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_DECIMAL = re.compile(r"\d")


def has_digit(text: str) -> bool:
    r"""`any(c.isdigit() for c in text)`, without a step per character: `\d` finds the decimal digits,
    and the other digits (`²`, `①`) are not ASCII."""
    if _DECIMAL.search(text) is not None:
        return True
    return not text.isascii() and any(c.isdigit() for c in _NOT_ASCII.findall(text))  # (only those left)


def unedit(text: str) -> str:
    """`text` with the old side of each correction written beside its figure taken out."""
    for cue in _CUES:  # (a loop: quicker than any() over a generator, asked of every paragraph)
        if cue in text:
            break
    else:
        return text
    if not has_digit(text):
        return text
    out = _arrows(text) if any(a in text for a in _ARROWS) else text
    out = _UPDATED.sub(_updated, out) if "[" in out or "(" in out else out
    out = _BRACKET.sub("", out)
    out = _remarks_last(out) if "(" in out and _WAS.search(out) else out  # (no remark: the text as it is)
    return _NOT.sub(_not, out)


# a marker a writer puts before a figure that replaces the one written before it: "20 May 2026. EDIT:
# 22 May 2026, not 20", "1,500 — update: 2,000 since the renewal"
_EDIT_MARK = re.compile(
    r"\b(?:edit(?:ed)?|update[ds]?|correction|corrected|revised|amended)\b\s*(?:\(\w[\w ]{0,20}\))?"
    r"\s*[:—–-]\s*(?=\S*\d)",
    re.IGNORECASE,
)


def after_mark(value: str, dated: bool = False) -> str:
    """A labelled value from an edit marker after its first figure on ("20 May 2026. EDIT: 22 May
    2026"): the figure after the marker replaces the one before it. `value` as it is without one, or
    when what follows the marker is no figure of the same kind (`dated`: a date, else a count): the
    day of the update ("3,300 (updated: 12 March 2026)") or a plan ("updated: 5,000 expected")."""
    first = _DECIMAL.search(value)
    mark = _EDIT_MARK.search(value, first.end()) if first is not None and ":" in value else None
    if mark is None:
        return value
    rest = value[mark.end() :]
    day = next(shapes.dates(rest), None)
    opens_dated = day is not None and not rest[: day.start].strip(" ~(")
    if opens_dated != dated:
        return value
    return value if notdone.real(rest, [day] if day else _figures(rest)) == [] else rest


_COUNT = re.compile(rf"(?<![\w.,]){shapes.NUMBER}")


def _figures(text: str) -> list[shapes.Match]:
    m = _COUNT.search(text)
    return [shapes.Match(m.start(), m.end(), m.group(0), m.group(0))] if m else []


def current(text: str) -> str:
    """`text` as it reads once its edit marks are settled: corrections and examples taken out."""
    digit = has_digit(text)
    if digit or "“" in text or '"' in text:  # (a report's figure, or its quoted names)
        text = unreported(text)  # "The SOW said “storage: 5 TB”": another document's words
    if digit:
        text = uncorrected(text)  # "The form listed 3 nodes. Wrong: …": a report the text sets right
    if digit:
        text = unreferenced(text)  # "Closes #57 …, #61 Perforce depots": other items' numbers and titles
    if not digit:
        return unexample(text) if "://" in text else text  # "e.g. https://sourcegraph.example.com"
    return unexample(unedit(text))


# an example a template or a note gives ("e.g. 3 × m6i.2xlarge", "for example “Nodes: …”", "(template:
# https://sourcegraph.yourcompany.example)"): the words after the marker up to the end of its clause
# are no value
_EXAMPLE = quick(
    r"(?:\be\.\s?g\.|\beg\.|\bfor (?:example|instance)\b|\bexample:|"
    r"(?<![\w-] )(?<![\w-])template(?: default| example)?:)[ \u00a0]*"
    r"(?:“[^”\n]*”|\"[^\"\n]*\"|(?:\([^()\n]*\)|[^;\]\n”\"()])*?)"
    r"(?=[;\]\n”\")]|\.[ \u00a0]+[A-Z(]|\.[ \u00a0]*$|$)",
    re.IGNORECASE,
)


def unexample(text: str) -> str:
    """`text` without the examples it gives after "e.g." / "for example" / "template:" (when they hold
    a digit or an address)."""
    return _EXAMPLE.sub(lambda m: "" if has_digit(m.group(0)) or "://" in m.group(0) else m.group(0), text)
