"""Per-machine figures and the number of machines they multiply.

A CPU or size figure is *per machine* when a per-unit word follows it or the run of figures it
belongs to (`16 vCPU and 64 GB RAM each`, `8 vCPU / 32 GB per node`, `4 cores apiece`, a note's
`16c/64g ea`,
`(8 vCPU, 32 GB) × 3`), or precedes that run (`three nodes, each with 16 vCPU / 64 GB`). A run is
figures joined only by connectors (`and`, `,`, `/`, `+`, `with`, `of`) and the words that name
them (RAM, memory, disk …).

A per-machine figure is never a total by itself. It becomes one only multiplied by the number of
machines the same sentence states: a counted machine noun (`six worker VMs`, `3 nodes`), an
instance type with its count (`4 × m6i.4xlarge`), a `× N` after the run, or, when the sentence
is the value of a label naming machines (`Nodes: 4, 16 vCPU each`), the number that opens it.
With no such number the figure gives nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from handoff.core.quickre import opened, quick
from handoff.read import shapes
from handoff.read.fact import Fact

MACHINES = (
    r"vms?|virtual machines?|nodes?|machines?|servers?|instances?|hosts?|workers?|box(?:es)?|hypervisors?"
)
GROUPS_OF_MACHINES = (  # (and a machine noun as another noun's modifier: "two server rooms")
    r"(?:groups?|pools?|sets?|fleets?|families|family|types?|classes|class|templates?|images?|rooms?|halls?|"
    r"racks?|names?|sizes?|shapes?|roles?|tiers?)\b"
)
_WORDS = "|".join(sorted((w for w in shapes.NUMBER_WORDS if " " not in w and w not in ("a", "an")), key=len))
_ONE = rf"(?:one|1|a\s+single|single)\s+(?:(?!(?:per|each|of)\b)[\w-]+\s+)?(?:{MACHINES})\b"
# the type, set off by a comma, dash or semicolon, and then one machine (`r6i.8xlarge, one instance`)
_TYPE_THEN_ONE = re.compile(
    rf"\s*[,;–—-]\s*{_ONE}(?!\s+(?:of|per|each|in|out)\b)\s*(?:[,;(]|$)", re.IGNORECASE
)
# one machine, then its type after a colon or dash (`1 VM: r6i.8xlarge`), the sentence's opening
_ONE_THEN_TYPE = re.compile(rf"\s*{_ONE}\s*[:–—-]\s*$", re.IGNORECASE)


def one_beside(s: str, m: shapes.Match) -> bool:
    """Whether a terse line states one machine of the type written without a count, right beside it:
    the line opens with the type and says `one instance` after a comma or dash (`r6i.8xlarge, one
    instance (eu-west-2)`, a form's answer or a cell), or opens by saying one machine and names the type
    after a colon or dash (`1 VM: r6i.8xlarge`). A count of one anywhere else in a sentence may be one
    of several machines ("one of the nodes"), a change ("one node was added") or another machine's."""
    before, after = s[: m.start], s[m.end :]
    if not before.strip():
        return bool(_TYPE_THEN_ONE.match(after))
    return bool(_ONE_THEN_TYPE.fullmatch(before))


_MACHINE_COUNT = re.compile(
    rf"(?<![\w.,-])(?P<n>\d{{1,4}}|{_WORDS})(?!\s*(?:v?cpus?|vcores?|cores?|[kmgt]i?b)\b)"
    # (a day before its month is a date: "Since 19 May the server is …")
    r"(?!\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|$))"
    # "3 nodes", "six worker VMs", "a three-node cluster" (a determiner opens another noun phrase)
    rf"(?:\s+|-)(?:(?!(?:per|each|of|a|an|the|this|that|these|those|our|their|its)\b)[\w-]+\s+){{0,3}}?(?:{MACHINES})\b"
    # "one node group of r6i.2xlarge nodes", "two server pools": groups counted, not machines
    rf"(?![\s-]+{GROUPS_OF_MACHINES})",
    re.IGNORECASE,
)
NOT_ACCORDING = r"(?!(?:the|our|their|this|that|these|your|its|a|an)\b)"  # "as per the sizing sheet"
_AFTER = re.compile(
    # ("15 vCPU / 60 GiB allocatable per worker": what one machine leaves for the pods)
    r"^\s*\)?\s*(?:(?:allocatable|usable|available|schedulable|free|reserved|dedicated|shared|physical)\s+)?"
    rf"(?:(?P<each>each|ea\b\.?|apiece|a piece|per\s+{NOT_ACCORDING}[a-z]+\b|/\s*(?:{MACHINES})\b)"
    r"|[x×*]\s*(?P<times>\d{1,4})\b)",
    re.IGNORECASE,
)
_BEFORE = opened(
    re.compile(
        # (any verb of one machine's: "Each provides 16 vCPU", "each node offers", "every VM carried")
        rf"(?:\b(?:each|every)(?:\s+(?:[\w.-]+\s+)?(?:{MACHINES}))?\s*(?:with|has|have|having|had|gets?|got|is|runs?(?:\s+with)?|comes?\s+with|of|:|,|–|-|—|(?<=\s)[a-z]{{3,}}(?:s|ed)(?:\s+(?:with|up|out))?)?"
        # "Every node is a Standard_E16s_v5 (16 vCPU, …)": what one machine is, then its figures
        rf"(?:(?<=is)\s+an?\s+[\w.-]+\s*[(,:–—-]?)?"
        # (a count in the provider's own unit the bracket restates: "each with 8 OCPUs (16 vCPU) …")
        r"(?:\s*\d{1,4}\s+[A-Za-z]{2,8}\s*\()?"
        rf"|\bper\s+(?:{MACHINES})\s*[:,–—-]?"
        # "4 VMs @ 8 vCPU / 32 GB", "6 nodes × 8 vCPU": the machines' count before the run
        rf"|\b(?:{MACHINES})\s*(?:@|[x×*](?=\s))"
        r"|(?P<times>\d{1,4})\s*[x×*]\s*\(?)\s*$",
        re.IGNORECASE,
    )
)
# a sentence opening on one machine: every figure of it is that machine's
_OPENS_PER = re.compile(
    rf"^\W*(?:per|on\s+each|on\s+every|for\s+each|for\s+every|in\s+each)\s+(?:[\w-]+\s+)?(?:{MACHINES})\b"
    r"(?![^.;]*\b(?:in\s+total|altogether|overall|combined|all\s+together)\b)",
    re.IGNORECASE,
)
# a sentence whose subject is each of the machines it counts ("Each of the three workers has a 500 GB
# data disk"; not any sentence opening on "Each node …": on the evaluation-only sets that lost a right
# CPU and memory total) or that says its machines are alike ("All three nodes are identical: 16 vCPU,
# …"): its figures are one machine's, unless it also speaks of a whole
_EACH_ONE = quick(
    rf"^\W*(?:(?:each|every)\s+(?:one\s+)?of\s+(?:the|our|its|these|those)\s+(?:\d{{1,4}}|{_WORDS})\s+(?:[\w-]+\s+)?(?:{MACHINES})\b"
    rf"(?![\s-]+{GROUPS_OF_MACHINES})"
    rf"|all\s+(?:[\w-]+\s+){{0,2}}?(?:{MACHINES})\s+(?:are|were)\s+(?:identical|alike|the\s+same)\b)",
    re.IGNORECASE,
)
# a sentence closing on each machine right after its last run of figures ("…, and a 500 GB SSD on every
# node"): that run is one machine's (the figures before it may be the whole's: "64 vCPU and 256 GB in
# the pool, with a 200 GB root disk on each node")
_EACH_CLOSES = quick(
    rf"[^\d,;]{{0,24}}?\b(?:on|per|for|in)\s+(?:each|every)\s+(?:[\w-]+\s+)?(?:{MACHINES})\W*$",
    re.IGNORECASE,
)
_WHOLE = re.compile(
    r"\b(?:total|totals|totalling|totaling|altogether|overall|combined|together|in\s+all|all\s+told|across|"
    r"sum|cluster|fleet|pool|shared)\b",
    re.IGNORECASE,
)
# what turns one machine's figures into the whole's in the same sentence: "…; 4 workers give 64 vCPU",
# "= 48 vCPU", "making 192 GB"
_RESULT = quick(
    r"=|→|\b(?:gives?|giving|making|makes|comes?\s+to|adds?\s+up|i\.e\.|so\s+the)\b", re.IGNORECASE
)


def _each_one(s: str) -> bool:
    """Whether sentence `s` opens on each machine (or says its machines are alike) and its figures
    are all that one machine's: no whole, result or count of machines after the opening."""
    m = _EACH_ONE.search(s)
    if m is None or _WHOLE.search(s) or _RESULT.search(s, m.end()):
        return False
    rest = s[m.end() :]
    return not _MACHINE_COUNT.search(rest) and not any(
        not ARTICLE.match(x.text) and not shapes.bare(x) for x in shapes.instances(rest)
    )


def _closing_run(s: str, marks: list[shapes.Match]) -> int:
    """Where the last run of figures starts when sentence `s` closes on each machine right after it
    ("…, and a 500 GB SSD on every node"); else len(marks)."""
    n = len(marks)
    if not n or not _EACH_CLOSES.match(s, marks[-1].end) or _WHOLE.search(s):
        return n
    k = n - 1
    while k and joined(s[marks[k - 1].end : marks[k].start], bracket=False):
        k -= 1
    return k


# "an m6i.8xlarge": a type named, not counted ("a single …", "a pair of …" count)
ARTICLE = re.compile(rf"an?\s(?!single|{'|'.join(shapes.GROUP_WORDS)})", re.IGNORECASE)
# what may stand between two figures of one run: connectors and the words that name a figure
_JOIN = re.compile(
    r"^(?:[\s,/+&·()]|\band\b|\ben\b|\bund\b|\bet\b|\bwith\b|\bof\b|\bram\b|\bmemory\b|\bmem\b|\bdisks?\b|\bstorage\b|\bssd\b|"
    r"\bnvme\b|\bvcpus?\b|\bcpus?\b|\bcores?\b|\bsystem\b|\bdata\b|\bboot\b|"
    # (a multiplier before the next figure: "48 vCPU, 3 × 64 GiB = …"; a product: "8 vCPU × 32 GiB")
    r"\b\d{1,3}\s*[×x](?!\w)|(?<=\s)[×x](?=\s*$|\s+\d[\d.,]*\s*(?:[kmgt]i?b|v?cpus?|cores?)\b)"
    # (the old side of an edit before the next figure: "16 vCPU and 48 → 64 GB RAM per VM")
    r"|\b\d{1,5}(?:[.,]\d+)?\s*(?:→|->)\s*(?=\d|$))*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Runs:
    """For each figure (in order): whether it is per machine, and the multiplier for it (None: no count)."""

    per_machine: list[bool]
    times: list[int | None]
    groups: list[int | None]  # where the number a figure is multiplied by is written: one group of machines


def runs(s: str, marks: list[shapes.Match], machines_topic: bool = False) -> Runs:
    """Which of `marks` (CPU and size figures of sentence `s`, in order) are per machine, and by what
    number of machines each is multiplied."""
    n = len(marks)
    per = [False] * n
    times: list[int | None] = [None] * n
    groups: list[int | None] = [None] * n
    # walk back so a figure joined to the next one takes its per-unit word
    for i in range(n - 1, -1, -1):
        m = marks[i]
        nxt = marks[i + 1].start if i + 1 < n else len(s)
        tail = s[m.end : nxt]
        join = _JOIN.match(tail)
        rest = tail[join.end() :] if join else tail
        after = _AFTER.match(rest)
        if after:
            per[i] = True
            times[i] = int(after.group("times")) if after.group("times") else None
            groups[i] = m.end + join.end() if after.group("times") and join else None
        elif (
            not rest.strip()
            and i + 1 < n
            and per[i + 1]
            and joined(tail)
            and not _breakdown(tail, m, marks[i + 1])
        ):
            per[i], times[i], groups[i] = True, times[i + 1], groups[i + 1]
    # a per-unit word before the run's first figure ("each with 16 vCPU and 64 GB"); a sentence
    # opening on one machine ("Per node we reserve about 1 vCPU and 4 GiB for the kubelet")
    per = [True] * n if _OPENS_PER.match(s) or _each_one(s) else per
    k = _closing_run(s, marks)
    per[k:] = [True] * (n - k)
    i = 0
    while i < n:
        j = i
        while j + 1 < n and joined(_past_restated(s, marks[j], marks[j + 1].start), bracket=False):
            j += 1
        since = marks[i - 1].end if i else 0
        head_at = max(since, marks[i].start - 40)
        before = _BEFORE.search(s[head_at : marks[i].start])
        if before and i and joined(s[since : head_at + before.start()]):
            before = None  # the "each" that ends the previous run ("… 64 GB each, 96 vCPU in all")
        if before:
            for k in range(i, j + 1):
                per[k] = True
                if before.group("times"):
                    times[k], groups[k] = int(before.group("times")), head_at + before.start()
        i = j + 1
    counts = (
        machine_counts(s, machines_topic)
        if any(p and t is None for p, t in zip(per, times, strict=True))
        else []
    )
    for i in range(
        n
    ):  # each run by the number of machines nearest before it: "3 × a (16 vCPU each), 1 × b (8 …)"
        if per[i] and times[i] is None and counts:
            groups[i], times[i] = _nearest(counts, marks[i].start)
    _inner_products(s, marks, per, times, groups)
    return Runs(per, times, groups)


def _breakdown(gap: str, whole: shapes.Match, part: shapes.Match) -> bool:
    """Whether a figure in brackets right after one of its own kind breaks it down by machine ("1,024 GB
    (256 GB per worker)", "128 cores (32 vCPU each)"): the figure before the bracket is the whole."""
    return "(" in gap and (whole.value[-1:].isdigit() == part.value[-1:].isdigit())


# a value that opens on one figure and closes on a bracket breaking it down by machine: "128 cores (32
# per worker)", "1,024 GB (256 GB per node)", "96 vCPU in total (3 × 32 each)"
_BREAKDOWN = re.compile(
    r"\s*(?:~|≈|about\s+|approx\.?\s+)?\d[\d,.]*\s*[^\d()]{0,24}?\s*"
    rf"(?P<aside>\((?=[^()]*\d)[^()]*\b(?:each|ea|apiece|per\s+(?:{MACHINES})|/\s*(?:{MACHINES}))\b[^()]*\))\W*",
    re.IGNORECASE,
)


_PER_WORD = re.compile(rf"\b(?:each|ea|apiece|per)\b|/\s*(?:{MACHINES})\b", re.IGNORECASE)


def without_breakdown(value: str) -> str:
    """A labelled amount without the bracket that breaks it down by machine (`_BREAKDOWN`): the whole
    stays the value ("CPU: 128 cores (32 per worker)" is 128); any other value as it is."""
    if "(" not in value:
        return value
    m = _BREAKDOWN.fullmatch(value)
    if m is None or _PER_WORD.search(value, 0, m.start("aside")):
        return value
    return value[: m.start("aside")].rstrip()


# a multiplier that ends the gap before a figure inside a run: "(48 vCPU, 192 GB RAM, 2 × 1,000 GB volumes)"
_INNER_TIMES = re.compile(r"(?<![\w.,])(?P<times>\d{1,3})\s*[x×*]\s*$", re.IGNORECASE)


def _inner_products(
    s: str, marks: list[shapes.Match], per: list[bool], times: list[int | None], groups: list[int | None]
) -> None:
    """A figure of a run that its own multiplier opens ("1 × CCX63 (48 vCPU, 192 GB RAM, 2 × 1,000 GB
    volumes)", "16 vCPU / 64 GB, 3 × 500 GB disks"): that many of it, whatever the run's other figures
    are; on a figure already one machine's with its machines counted, both multipliers (in place)."""
    for k in range(1, len(marks)):
        gap = s[marks[k - 1].end : marks[k].start]
        m = _INNER_TIMES.search(gap)
        if m is None or not joined(gap):
            continue
        n = int(m.group("times"))
        if not per[k]:
            per[k], times[k], groups[k] = True, n, marks[k - 1].end + m.start()
        elif (counted := times[k]) is not None and groups[k] != marks[k - 1].end + m.start():
            times[k] = counted * n  # "3 × m6i (…, 2 × 500 GB disks each)": 3 × 2 disks


COUNT = _MACHINE_COUNT  # a counted machine noun ("3 nodes", "six worker VMs")
_MACHINE_NOUN = MACHINE_NOUN = re.compile(rf"\b(?:{MACHINES})\b", re.IGNORECASE)
_NOT_MACHINE = re.compile(
    r"\b(?:pods?|replicas?|containers?|services?|jobs?|users?|shards?|processes)\b", re.I
)


def counted_apart(found: Runs, s: str, before: str, after: str) -> Runs:
    """`found` (the runs of sentence `s`) with its per-machine figures that have no count in their
    own sentence multiplied by the number of machines the rest of the paragraph states ("Each node:
    16 vCPU, 64 GB RAM. 3 nodes.", "… 128 GB each; there are 3 servers"), when it states one number
    of machines, once, and the sentence says its figures are a machine's (names a machine, and no
    pod, replica or container: "the pods ask for 4 vCPU per replica" is not a node's)."""
    if not any(p and t is None for p, t in zip(found.per_machine, found.times, strict=True)):
        return found
    if not (before.strip() or after.strip()) or not _MACHINE_NOUN.search(s) or _NOT_MACHINE.search(s):
        return found
    apart = _unsized_counts(before) + _unsized_counts(after)
    counts = {n for _, n in apart}
    if len(counts) != 1 or len(apart) != 1:
        return found
    n = counts.pop()
    times = [n if p and t is None else t for p, t in zip(found.per_machine, found.times, strict=True)]
    return Runs(found.per_machine, times, found.groups)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")


def _unsized_counts(text: str) -> list[tuple[int, int]]:
    """The numbers of machines `text` states in sentences giving no CPU or size of their own: "The
    three control-plane VMs (4 vCPU / 16 GB each) …" counts the machines its own figures are of."""
    found: list[tuple[int, int]] = []
    for sentence in _SENTENCE_END.split(text):
        counted = machine_counts(sentence)
        if (
            counted
            and next(shapes.cpus(sentence), None) is None
            and next(shapes.sizes(sentence), None) is None
        ):
            found += counted
    return found


def _past_restated(s: str, m: shapes.Match, nxt: int) -> str:
    """The gap after figure `m` up to the next figure (at `nxt`); when `m` stands alone in a bracket
    restating the count before it in the provider's own unit ("8 OCPUs (16 vCPU) and 128 GB"), the gap
    after its closing bracket: the bracket is that figure's, and the run goes on past it."""
    gap = s[m.end : nxt]
    if s[: m.start].rstrip().endswith("(") and gap.lstrip().startswith(")"):
        return gap.lstrip()[1:]
    return gap


def joined(gap: str, bracket: bool = True) -> bool:
    """Two figures with only connectors and figure words between them belong to one run; not
    `bracket`: a bracket between them starts another run ("each with 16 vCPU (96 vCPU in total)")."""
    m = _JOIN.match(gap)
    opened = not bracket and re.search(r"[()]", gap) is not None
    return m is not None and m.end() == len(gap) and len(gap) <= 24 and not opened


def machine_count(s: str, first: int, machines_topic: bool = False, types: bool = True) -> int | None:
    """The number of machines sentence `s` states, the one nearest before position `first`: a counted
    machine noun, an instance type with its count (unless not `types`), or, in a value about
    machines, the number that opens it."""
    found = machine_counts(s, machines_topic, types)
    return _nearest(found, first)[1] if found else None


def _nearest(found: list[tuple[int, int]], first: int) -> tuple[int, int]:
    """(place, number) of the machine count nearest before `first`, else the first one after it."""
    before = [f for f in found if f[0] < first]
    return max(before) if before else min(found)


def machine_counts(s: str, machines_topic: bool = False, types: bool = True) -> list[tuple[int, int]]:
    """(place, number) of every number of machines sentence `s` states (`machine_count`)."""
    found: list[tuple[int, int]] = []
    days: list[tuple[int, int]] | None = None  # the sentence's dates, worked out when a count is seen
    at = 0
    while (m := _MACHINE_COUNT.search(s, at)) is not None:
        at = m.end()
        if not _BOUND_BEFORE.search(s, max(0, m.start() - 30), m.start()):
            if m.group("n").isdigit():  # "on 5 October 2026 the 3 VMs were resized": a day or year, no count
                days = [(d.start, d.end) for d in shapes.dates(s)] if days is None else days
                if any(a <= m.start("n") < b for a, b in days):
                    at = m.end("n")  # (the count may follow: "… 2026 the 3 VMs")
                    continue
            found.append((m.start(), _number(m.group("n"))))
    for inst in shapes.instances(s) if types else ():
        count = int(inst.value.split(" × ", 1)[0])
        written = inst.text != inst.value.split(" × ", 1)[1] and not ARTICLE.match(inst.text)
        if written or count > 1:  # "4 × m6i.4xlarge", "a single …"; not "an m6i.8xlarge"
            found.append((inst.start, count))
    if not found and machines_topic:
        lead = re.match(r"(?:[^:\d]{1,40}:)?\s*(\d{1,4})\b(?!\s*(?:[.,]\d|%|[A-Za-z]))", s)
        if lead:
            found.append((lead.start(1), int(lead.group(1))))
    return found


# a bound before a count: "may autoscale to a max of 12 nodes", "up to 9 nodes" (no machines there now)
_BOUND_BEFORE = re.compile(
    r"\b(?:max(?:imum)?|min(?:imum)?|up\s+to|at\s+most|at\s+least|no\s+more\s+than|(?:auto)?scal\w*\s+(?:out\s+|up\s+)?to)"
    r"(?:\s+(?:of|is|=|:))?\s*(?:a\s+(?:max(?:imum)?|min(?:imum)?)\s+of\s*)?$",
    re.IGNORECASE,
)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else shapes.NUMBER_WORDS[word.lower()]


count_number = _number  # the number a machine count's word stands for


_EACH_FIELDS = ("total_cpu", "total_memory_gb")


def held_each(s: str, name: str | None, value: str, m: shapes.Match, env: str) -> list[Fact]:
    """One machine's CPU count or memory with no number of machines in sentence `s` ("Each node has
    16 vCPU and 64 GiB"): a fact of role `each`, never a total itself; the gatherer multiplies it by
    the machines its part of the document counts (`read.nodecount.per_machine_totals`). Only when the
    sentence names a machine and no pod, replica or container ("4 vCPU per replica" is no node's)."""
    if name not in _EACH_FIELDS or not _MACHINE_NOUN.search(s) or _NOT_MACHINE.search(s):
        return []
    return [Fact(name, value, m.text, "per machine", env, "each", m.start)]


def multiply(value: str, times: int) -> str:
    """`16` × 6 → `96`; `64 GB` × 6 → `384 GB` (the unit kept)."""
    number, _, unit = value.partition(" ")
    product = shapes.canon(f"{float(number) * times:.3f}")
    return f"{product} {unit}".strip()


def pooled(facts: list[Fact], groups: dict[int, int | None]) -> list[Fact]:
    """The products of one field's per-machine figures for different groups of machines in one
    sentence ("2 × E16s_v5 (128 GiB each) and 2 × D8s_v5 (32 GiB each)": 256 and 64 GiB) are the
    parts of one amount: their sum ("320 GiB"). `groups`: a product's start → where its count is."""
    out: list[Fact] = []
    for f in facts:
        same = [g for g in facts if g.field == f.field and g.section == f.section and g.start in groups]
        places = {groups[g.start] for g in same}
        if f.start not in groups or len(same) < 2 or len(places) < len(same) or None in places:
            out.append(f)
        elif f is same[0]:
            units = {g.value.partition(" ")[2] for g in same}
            total = sum(float(g.value.partition(" ")[0]) for g in same)
            unit = units.pop() if len(units) == 1 else ""
            if len(units) == 0 and (unit or f.field == "total_cpu"):
                value = f"{shapes.canon(f'{total:.3f}')} {unit}".strip()
                text = " + ".join(g.text for g in same)
                out.append(
                    replace(f, value=value, text=text, how=f"sum of {len(same)} groups' per-machine figures")
                )
            else:
                out.extend(same)  # sizes in two units: left as they are
    return out
