"""The figures part of FactReader: the CPU counts and sizes of a sentence, each as the figure of
the field it is about (`64 vCPUs` → total CPU; a size next to memory/RAM → memory, next to
disk/storage/SSD → disk, next to largest → largest repository, the repositories' size), per-machine
figures multiplied by their machines (`read.permachine`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.core.quickre import opened, quick
from handoff.read import (
    addition,
    ceilings,
    componentsum,
    copies,
    diskparts,
    permachine,
    plurals,
    restated,
    scheduling,
    shapes,
    sizeparts,
    spread,
    typeshape,
    usage,
)
from handoff.read.changes import old_spans
from handoff.read.fact import Context, Fact
from handoff.read.factparts import FactParts
from handoff.read.measured import REPO_TOPICS, du_output, measured_by_du, repositories_measured
from handoff.read.totals import LISTED, SIZES, in_breakdown, said_total

_MEMORY = re.compile(r"\b(?:memory|ram)\b", re.IGNORECASE)
_DISK = re.compile(
    r"\b(?:disks?|storage|volumes?|ssds?|nvmes?|datastore|ebs|gp[23]|persistent|san|nas|luns?"
    r"|pd-(?:ssd|balanced|standard|extreme)|hyperdisk(?:-\w+)?)\b",  # (a cloud's disk types)
    re.IGNORECASE,
)
_LEAD = re.compile(  # the words right after a size, unless it is placed somewhere ("on disk", "across nodes")
    r"(?!\s*(?:on|in|inside|across|at|for|from|over|per|to|within|under)\b)\s*(?:of\s+)?(?:[\w'.-]+\s*){1,3}",
    re.IGNORECASE,
)
# A clause of its own after a figure: a verb after "and", "which", "because" … says nothing of the figure.
_NEXT_CLAUSE = re.compile(
    r"\s(?:and|but|which|because|so|while)\s+(?:is|are|was|were|has|have|also|makes?)\b|;"
)
_PAIRED = re.compile(r"[ \u00a0]?/[ \u00a0]?")  # a CPU count and a size written as one pair: `96c/384G`
# a bracket right after a CPU count restating it in another unit or telling something of it, with no
# size of its own ("64 vCPU (32 OCPU), 512 GB", "48 vCPU (hyper-threaded), 192 GB"): the count's aside,
# so the size after it is still the count's pair
_CPU_ASIDE = re.compile(r"^\s*\((?![^()]*\d\s*(?:[KMGTP]i?B?|[KMGTP]i)\b)[^()]{1,30}\)")
_FULL_STOP = re.compile(  # "320 GiB in total. gp3 volumes: …": two sentences; so "… at 11 GB. 1.6 TB on …"
    r"(?<=\w[.!?])\s+(?=[a-z])|(?<=\d\s[KMGTP]B[.])\s+(?=\d)|(?<=\d\s[KMGTP]iB[.])\s+(?=\d)"
)
_LARGEST = quick(  # (of two, "the larger, claims-engine, is 14.6 GB": the larger is the largest)
    r"\b(?:largest|biggest|the (?:larger|bigger)(?=\s*(?:,|\(|of\b|one\b|is\b)))\b", re.IGNORECASE
)
# the largest opening its clause with its name in an appositive, however long, before the verb: "the
# largest, the policy administration system pas-core in Azure DevOps, is 2.7 GB on disk"
_LARGEST_NAMED = re.compile(
    r"\b(?:the\s+)?(?:largest|biggest)\s*,[^,;.()]{1,100},\s*(?:is|was|weighs|weighed|comes\s+to|came\s+to|"
    r"stands\s+at|sits\s+at|at)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|some\s+|~\s*)?$",
    re.IGNORECASE,
)
# the largest named after its verb, its size after a preposition: "the biggest is the sim-core repository at
# about 1.3 GB", "the largest one was monorepo-x, with 9 GB"
_LARGEST_IS = re.compile(
    r"\b(?:the\s+)?(?:largest|biggest)(?:\s+one)?\s+(?:is|was)\s+(?:the\s+)?[^\s,;.()]{1,60}"
    r"(?:\s+(?:repository|repo|monorepo|project|depot))?\s*,?\s*(?:at|with|of|weighing)\s+"
    r"(?:about\s+|around\s+|roughly\s+|approximately\s+|some\s+|~\s*)?$",
    re.IGNORECASE,
)


def _largest_named(clause: str) -> bool:
    """Whether a clause ending right before a size names the largest repository before it."""
    return bool(_LARGEST_NAMED.search(clause) or _LARGEST_IS.search(clause))


_REPO_SIZE = quick(  # what the repositories' clones take: git data, code, what is left after cloning,
    # the clones' size ("Total cloned size … 410 GB")
    # (and a note's bare `.git` said of all of them: "tot .git ~900g", "all .git together"; one
    # repository's is its own, "freight-core, 7.8G .git")
    r"(?:\.?git data|\b(?:tot(?:al)?|all|sum(?:\s+of)?)\s+\.git\b(?![\w/.-])"
    r"|(?<![\w/.-])\.git\s+(?:together|combined|tot(?:al)?|across\s+all|in\s+all)\b"
    r"|\bof code\b|\brepositor(?:y|ies)'?s? (?:size|data)\b|\brepos?'? (?:size|data)\b"
    r"|\bof git\b(?![\w-]|\s+(?:storage|volumes?|disks?)\b)"
    r"|\bgit\s+on\s+(?:the\s+)?disks?\b"  # "total git on disk ~9.8 TB"
    # what the clones take once made: "after the initial clone", "after first sync", "once fully synced"
    r"|\b(?:after|once)\s+(?:the\s+|an?\s+)?(?:initial\s+|first\s+)?(?:full\s+)?(?:clon(?:e|es|ing)|cloned)\b"
    r"|\b(?:after|once)\s+(?:the\s+)?(?:initial|first)\s+(?:full\s+)?(?:sync(?:hroni[sz]ation)?|import)\b"
    r"|\bas cloned\b"
    r"|^\s*(?:of\s+(?:data\s+)?)?cloned\b(?!\s+(?:to|on|onto|into)\b)"  # "900 GB cloned in total"
    r"|\bclon(?:ed|e|es)\s+(?:data\s+)?size\b|\bsize\s+(?:of\s+(?:the\s+|all\s+)?)?(?:clones|cloned)\b)",
    re.I,
)


def _bracket_end(s: str, at: int, tail: str, following: int) -> str:
    """The words after a figure, up to its bracket's end when it is inside one and another figure
    follows close after: "(32 vCPU, 256 GiB) from the image, data disk 2 TB" says nothing of the
    256 GiB. With no figure after it, the words after the bracket speak of what the bracket is an
    aside to ("a monorepo (9 GB with LFS excluded), the largest repository")."""
    inside = s.rfind("(", 0, at) > s.rfind(")", 0, at)
    return tail.split(")", 1)[0] if inside and following < len(s) else tail


_SENTENCE_STOP = re.compile(r"(?<=[.!?])\s+|\n")


def amount_named_last(text: str, offset: int, at: int) -> str | None:
    """The amount (memory or disk) the words of a text's sentence name last before a bare total at
    `at` (a place in `text` moved by `offset`), its clauses joined by semicolons ("storage on gp3;
    PRD total 3,600 GiB"): never across a full stop."""
    before = _SENTENCE_STOP.split(text[: max(0, at - offset)])[-1]
    found = [(m.start(), "total_memory_gb") for m in _MEMORY.finditer(before)]
    found += [(m.start(), "total_disk_gb") for m in _DISK.finditer(before)]
    return max(found)[1] if found else None


def apart(text: str, offset: int, a: int, b: int) -> bool:
    """Whether a full stop lies between two places of a text (moved by `offset`): another sentence."""
    return _SENTENCE_STOP.search(text, max(0, a - offset), max(0, b - offset)) is not None


_ASIDE_FIGURE = re.compile(r"(?<![A-Za-z\d-])\d")  # a figure, not a name's digit (`gp3`, `pd-ssd2`)


def _own_head(head: str) -> str:
    """The words before a size that are its own: after another figure's aside ("payments-core (7.5
    GB, the largest) and web (2 GB)"); a name in brackets stays ("the bigger (ledger-core) is 9.7 GB"),
    a name with a digit in it too ("EBS (gp3): gitserver 3 × 1,000 GiB")."""
    close = head.rfind(")")
    opened = head.rfind("(", 0, close)  # (-1: the aside opened before the head, at a figure)
    if close >= 0 and (opened < 0 or _ASIDE_FIGURE.search(head, opened, close)):
        return head[close + 1 :]
    return head


_CEILED = frozenset({"total_cpu", "total_memory_gb"})
_BOUND = opened(
    re.compile(
        r"\b(?:under|below|less than|smaller than|at most|no more than)\s+(?:about\s+|~)?$"
        r"|\b(?:quotas?|caps?|capped at|ceiling|allowance)\b[^\d\n.;]{0,40}$",
        re.I,
    )
)  # "… are under 1 GB", "Storage quota: 10 TB", "capped at 16 TB": a bound, not the amount
_ACROSS_REPOS = re.compile(
    r"\s*(?:across|over|for|of)\s+(?:all\s+|both\s+|the\s+|our\s+|its\s+|their\s+)*(?:[\d,]+\s+)?"
    r"(?:repositor(?:y|ies)|repos\b|clones|depots|code hosts)",
    re.IGNORECASE,
)  # a size placed over the repositories is their total size
_GIT_DIR = re.compile(r"(?<![\w/.-])\.git\b(?![\w/.-])")  # a repository's git directory, as notes name it
_ON_DISK = re.compile(
    r"\s*(?:on|in|inside)\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:disks?|volumes?|storage)\b",
    re.IGNORECASE,
)


_BARE_SIZE = re.compile(  # a size named by no resource: "Approximate total size:", "Total size approx.:",
    # or the whole of what the part lists: "everything together ~1.9 TB", "all of it combined:", "Altogether",
    # where the clones are ("all of it on gitserver:")
    r"(?:^|[.;]\s)\W*(?:(?:everything|all(?:\s+of\s+(?:it|them))?)\s+(?:together|combined)|altogether"
    r"|(?:everything|all\s+of\s+(?:it|them))(?:\s+(?:together|combined))?\s+(?:on|in)\s+(?:the\s+)?gitserver)"
    r"\s*[:=]?"
    r"\s*(?:about|around|approx\.?|roughly|ca\.?|~|≈)?\s*$"
    r"|(?:^|[.;]\s)\W*(?:approx(?:imate|\.)?\s+)?(?:(?:total|overall|combined)\s+)?(?:size|volume)"
    r"(?:\s+approx(?:imate(?:ly)?|\.)?)?\s*[:=]?\s*(?:about|around|approx\.?|roughly|ca\.?|~|≈)?\s*$",
    re.IGNORECASE,
)


def _by_topic(topic: str | None, head: str, tail: str = "") -> str | None:
    """The field a size no noun names takes from its part's topic: the amount the part is about, or,
    under a part about the repositories, their total size when its label names no resource ("Total
    size: 760 GB" under "Indexed content") or when the size stands alone, called only the total ("~180
    GB in total" among a slide's bullets on the repositories: the whole of what the part counts)."""
    if topic in ("total_memory_gb", "total_disk_gb", "largest_repo_mb", "total_repo_size_gb"):
        return topic
    if topic in ("repositories", "code_hosts") and (
        _BARE_SIZE.search(head) or (_ONLY_TOTAL.match(tail) and not _WORD.search(head))
    ):
        return "total_repo_size_gb"
    return None


# a bare size's place, gitserver itself (not its disks or volumes: those are `_ON_DISK`'s), closing its clause
_ON_GITSERVER = re.compile(r"\s*(?:on|in)\s+(?:the\s+)?gitservers?\s*[.;,]?\s*", re.IGNORECASE)
_ONLY_TOTAL = re.compile(r"\s*(?:in\s+total|total|altogether|combined|overall|in\s+all)\s*[.;]?\s*$", re.I)
_WORD = re.compile(r"[A-Za-z]{2,}")


_AFTER_REPO_COUNT = re.compile(  # a size with no noun set right after a count of the repositories ("2,450
    # repositories, ~640 GB", "… with about 640 GB", "… with a total size of 180 GB")
    rf"(?<![\w.,])(?:{shapes.NUMBER})\s*k?\s+(?:repositor(?:y|ies)|repos|depots|projects|in total|altogether|"
    r"in all|all told)(?:\s*[,;(–—-]\s*|\s+(?=with|of|amounting|totall?ing))"
    r"(?:(?:with|of)(?:\s+an?)?(?:\s+(?:total|combined|overall))?\s+(?:size|volume)\s+of\s+|with\s+|"
    r"amounting\s+to\s+|totall?ing\s+)?(?:about|around|approx\.?|roughly|ca\.?|~|≈)?\s*$",
    re.IGNORECASE,
)
_A_MONOREPO = re.compile(r"\bmonorepo\b(?!s)", re.IGNORECASE)  # one monorepo, the subject of its size
_CLONES = re.compile(r"\b(?:gitserver|clon\w*|repositor\w*|repos|code)\b", re.IGNORECASE)
_LARGEST_REPO = re.compile(r"\b(?:largest|biggest)\s+(?:single\s+)?(?:repositor(?:y|ies)|repo)\b", re.I)
_SIZE_OF_REPOS = (
    r"(?:size of (?:the |all )?(?:repositor(?:y|ies)|repos|clones)|repositor(?:y|ies)'?s?'? (?:size|data)|"
    r"repo size|repos? data|clone size|cloned size|\.?git data)"
)
_FORMULA = quick(  # "1 TB + 2 × the repositories' size", "1 TB plus twice the size of the repositories",
    # "two times the clone size plus 1 TB"
    rf"(?<![\w.,])(?:{shapes.NUMBER})\s*(?:TiB|GiB|TB|GB|[tg](?:er|ig|eb|ib)[a-z]*bytes?|gigs?)\s*(?:\+|plus)\s*"
    rf"(?:\d+\s*[x×*]|twice|two times|double)\s*(?:the\s+)?{_SIZE_OF_REPOS}"
    rf"|(?:\b\d+\s*[x×*]|\btwice|\b(?:two|three) times|\bdouble)\s*(?:the\s+)?{_SIZE_OF_REPOS}"
    rf"\s*(?:\+|plus)\s*(?:{shapes.NUMBER})\s*(?:TiB|GiB|TB|GB|[tg](?:er|ig|eb|ib)[a-z]*bytes?|gigs?)",
    re.IGNORECASE,
)


def _formulas(s: str) -> tuple[str, list[tuple[int, int]]]:
    """The sentence with the repositories' size inside a rule-of-thumb formula blanked (it describes
    no size), and the formulas' spans (the sizes inside them are no figure of the deployment)."""
    spans = [(f.start(), f.end()) for f in _FORMULA.finditer(s)]
    for a, b in spans:
        s = s[:a] + " " * (b - a) + s[b:]
    return s, spans


# an amount of a kind of storage ("3,000 GB of vSAN for gitserver", "2 TB of Ceph RBD"): a share of
# it, the deployment's disk (not "the 64 TB vSAN", the whole)
_OF_STORAGE = re.compile(
    r"\s*of\s+(?:vsan|ceph|rbd|nfs|hdd|iscsi|efs|filestore|netapp|block)\b", re.IGNORECASE
)


def _size_noun(words: str) -> str | None:
    """The field a size's noun names (`of git data`, `RAM`, `pd-ssd`, `of vSAN`), None for another noun."""
    for pattern, name in (
        (_REPO_SIZE, "total_repo_size_gb"),
        (_MEMORY, "total_memory_gb"),
        (_DISK, "total_disk_gb"),
        (_OF_STORAGE, "total_disk_gb"),
    ):
        if pattern.search(words):
            return name
    return None


def _one_git_dir(head: str, tail: str) -> bool:
    """Whether the words right around a size name a repository's `.git`, not all of them together."""
    near = f"{head} {tail}"
    return bool(_GIT_DIR.search(near)) and not _REPO_SIZE.search(near)


def _named_after(tail: str) -> bool:
    """Whether the noun right after a size names what it measures (`500 GB disk`)."""
    lead = _LEAD.match(tail)
    return bool(lead and _size_noun(lead.group(0)))


def on_disk_after(s: str, end: int) -> str:
    """`s` without the words placing the size that ends at `end` on a disk ("8.2 GB on disk": where
    it is kept, not a disk of its own)."""
    m = _ON_DISK.match(s, end)
    return s if m is None else s[:end] + " " * (m.end() - end) + s[m.end() :]


def _nearest_noun(tail: str, head: str) -> str | None:
    """The field the nearest noun after a size names, else the nearest before it."""
    return _size_noun(tail) or _size_noun(head)


def _unrestated(s: str, marks: list[tuple[shapes.Match, str]]) -> list[tuple[shapes.Match, str]]:
    """The figures without those that only write the size before them again in another unit
    ("2600Gi (≈ 2.6T)", "348 GiB (356,352 MiB) memory in total": `read.restated`), so the words
    after the gloss are the first figure's."""
    if "(" not in s and "≈" not in s:
        return marks
    out: list[tuple[shapes.Match, str]] = []
    for m, kind in marks:
        last = out[-1][0] if out and out[-1][1] == "size" else None
        if (
            kind == "size"
            and last is not None
            and restated.restatement(s, last.end, m.start, m.value.split()[-1] == last.value.split()[-1])
        ):
            continue
        out.append((m, kind))
    return out


def _unshared(s: str, marks: list[tuple[shapes.Match, str]]) -> list[tuple[shapes.Match, str]]:
    """The figures without the sizes that are a share of the size right after them (`read.usage`)."""
    if " of " not in s and "/" not in s:
        return marks
    return [
        (m, kind)
        for k, (m, kind) in enumerate(marks)
        if not (
            kind == "size"
            and k + 1 < len(marks)
            and marks[k + 1][1] == "size"
            and usage.share_of_next(s[m.end : marks[k + 1][0].start], s[max(0, m.start - 48) : m.start])
        )
    ]


def _kept_runs(
    runs: permachine.Runs, marks: list[tuple[shapes.Match, str]], kept: list[tuple[shapes.Match, str]]
) -> permachine.Runs:
    """The per-machine reading of `marks` for the figures `kept` of them."""
    at = [k for k, mark in enumerate(marks) if mark in kept]
    return permachine.Runs(
        [runs.per_machine[k] for k in at], [runs.times[k] for k in at], [runs.groups[k] for k in at]
    )


def _own_value(
    s: str, marks: list[tuple[shapes.Match, str]], i: int, formulas: list[tuple[int, int]]
) -> tuple[str, str] | None:
    """(the value, how it was read) of the figure `marks[i]`, or None when it is no figure of its own:
    a size inside a rule of thumb (`formulas`: "1 TB + 2 × the repositories' size"); a term of a sum
    the last term closes (`48 vCPU + 32 vCPU`). The last term of a sum written out is the sum (`48 +
    32 vCPU`: 80 vCPU, `read.addition`)."""
    m, kind = marks[i]
    if any(a <= m.start < b for a, b in formulas):
        return None
    unit = m.text[len(m.text.split()[0]) :].strip() if kind == "cpu" else m.value.split()[-1]
    role, summed = addition.term(s, m.start, m.end, unit) if "+" in s else ("", "")
    if role == "part":
        return None
    if role == "sum":
        return (summed if kind == "cpu" else f"{summed} {unit}"), "sum written out"
    return m.value, "CPU count" if kind == "cpu" else "size"


def _placed(s: str, facts: list[Fact], unnamed: list[Fact]) -> list[Fact]:
    """`facts` with the sizes that named nothing placed: the old figure of a change is of what the
    new one beside it is ("up from 192 GB"); an item of a list of sizes is of what the list's named
    first item is, and a size after a dash that is the items' exact sum is their total
    (`read.addition.listed`); a last size that is the exact sum of three or more before it is their
    total too (`read.addition.proved_totals`)."""
    facts = list(facts)
    for f in unnamed:
        if f.role:
            continue
        near = sorted((abs(g.start - f.start), g.field) for g in facts if g.field in SIZES)
        if near:
            facts.append(replace(f, field=near[0][1], role=""))
    items = [f for f in unnamed if f.role == "item"]
    facts = addition.listed(s, facts, items, SIZES) if items else facts
    return addition.proved_totals(facts, SIZES) if len(facts) > 3 else facts


# a CPU count and a size joined as one pair of figures: "64 vCPU and 256 GiB", "64 vCPU, 256 GiB"
_COUPLED = re.compile(r"\s*(?:,|&|\+|and|,\s*and)\s*", re.IGNORECASE)


def _pair_total(facts: list[Fact], said: bool) -> None:
    """A CPU count and a size written as one pair with one total word after it (`80 vCPU / 576 GB
    total`, "64 vCPU and 256 GiB in total"): the total word closes the pair, so the CPU count, read
    just before, is a total too."""
    if said and facts and facts[-1].field == "total_cpu" and not facts[-1].role:
        facts[-1] = replace(facts[-1], role="total")


def _left_out(name: str | None, head: str, tail: str, run: str, before: str = "", after: str = "") -> bool:
    """Whether a figure is no amount of the deployment: a limit by the words before it ("the quota
    allows 200 vCPUs") or joined to one in its run (`run`: the gap after it, "… and 400 GB"), a
    Kubernetes request, limit or quota by the words around it (`before`, `after`: "requests.memory
    240Gi", "64 GiB of requests", "the default quota (16 vCPU …)"), the size of snapshots or
    backups ("snapshot storage: 1.3 TiB"), a memory or disk said used or left right after it
    ("memory 109 GiB used of 128": `read.usage`), one of several disks' size ("the agents' 1,024 GiB
    data disks": `read.plurals`), or a CPU count or memory spread over a workload's
    replicas or pods ("120 GiB of memory across the replicas": `read.spread`)."""
    if name == "total_disk_gb" and (copies.copy_size(head, tail) or plurals.each_of_several(head, tail)):
        return True  # (snapshots' size; one of several disks', "the agents' 1,024 GiB data disks")
    if name in ("total_memory_gb", "total_disk_gb") and usage.measured_after(after, 0):
        return True  # "memory 109 GiB used of 128": the load measured, no amount of the machines
    if name in scheduling.FIELDS and scheduling.scheduled_figure(before, after):
        return True
    if name in ("total_cpu", "total_memory_gb") and spread.over_workload(tail):
        return True  # "120 GiB of memory across the replicas": what a workload asks of the machines
    return name in _CEILED and (ceilings.ceiling(head) or (bool(run) and permachine.joined(run)))


_TRIPLE_GAP = re.compile(r"\s*(?:,|;|\band\b|/|\+)\s*")


def _third_of_triple(s: str, facts: list[Fact], at: int) -> str | None:
    """A size with no noun closing a run `N vCPU, M GB, D TB in total` right after the run's CPU count
    and memory: the disk (the run is the machines' CPU, memory and disk, the total word the run's)."""
    if len(facts) < 2 or facts[-1].field != "total_memory_gb" or facts[-2].field != "total_cpu":
        return None
    cpu, memory = facts[-2], facts[-1]
    ends = (cpu.start + len(cpu.text), memory.start + len(memory.text))
    gaps = (s[ends[0] : memory.start], s[ends[1] : at])
    return "total_disk_gb" if all(_TRIPLE_GAP.fullmatch(g) for g in gaps) else None


class FigureReading(FactParts):
    """FactReader's CPU counts and sizes in a sentence."""

    def _numbers(self, s: str, ctx: Context) -> list[Fact]:
        """The CPU counts and sizes of a sentence, each as the figure of the field it is about."""
        marks = sorted([(m, "cpu") for m in shapes.cpus(s)] + [(m, "size") for m in shapes.sizes(s)],
                       key=lambda p: p[0].start)  # fmt: skip
        return self._figures(s, marks, ctx) if marks else []

    def _figures(self, s: str, marks: list[tuple[shapes.Match, str]], ctx: Context) -> list[Fact]:
        facts: list[Fact] = []
        machines = permachine.runs(s, [m for m, _ in marks], ctx.topic == "instance_types")
        machines = permachine.counted_apart(machines, s, self.said_before, self.said_after)
        kept = _unshared(s, _unrestated(s, marks))  # "3,200 GB (2.91 TiB) in total": the words after
        # are the first's; "Storage used 640 GB of 1 TB": the used part no amount, the words before the next's
        if len(kept) < len(marks):  # (what is per machine was read with the gloss in place)
            machines, marks = _kept_runs(machines, marks, kept), kept
        previous_end, previous_kind = 0, ""
        old = old_spans(s)
        unnamed: list[Fact] = []  # sizes of the old side of a change with no noun ("up from 192 GB")
        last_total = False  # the figure before was said to be a total: one listed after it is one too
        s, formulas = _formulas(s)
        groups: dict[int, int | None] = {}  # a per-machine product's start → where its count is written
        ceiled_at = -1  # the end of the last figure read as a limit
        for i, (m, kind) in enumerate(marks):
            own = _own_value(s, marks, i, formulas)
            if own is None:  # a rule of thumb ("1 TB + 2 × the repositories' size"), the figure before
                previous_end, previous_kind = m.end, ""  # written again, a term of a sum: no figure
                continue
            following = marks[i + 1][0].start if i + 1 < len(marks) else len(s)
            tail = _FULL_STOP.split(s[m.end : min(following, m.end + 48)], maxsplit=1)[0]
            tail = _NEXT_CLAUSE.split(tail, maxsplit=1)[0]  # "14.6 GB and is the reason … memory-optimised"
            tail = _bracket_end(s, m.start, tail, following)  # "(32 vCPU, 256 GiB) from …, data disk 2 TB"
            head = _own_head(_FULL_STOP.split(s[max(previous_end, m.start - 48) : m.start])[-1])
            if (
                previous_kind == "size" and head == s[previous_end : m.start]
            ):  # "256 GB of RAM, plus a 3 TB LUN"
                lead = _LEAD.match(head)
                head = head[lead.end() :] if lead and _size_noun(lead.group(0)) else head
            clause = _FULL_STOP.split(s[previous_end : m.start])[-1]
            clause = _own_head(clause)  # (after a figure's aside; a name's aside, "(fw-mainline)", stays)
            gap = _CPU_ASIDE.sub("", s[previous_end : m.start], count=1) if previous_kind == "cpu" else ""
            gap_only = previous_kind == "cpu" and permachine.joined(gap)  # "64 vCPU (32 OCPU), 512 GB"
            paired = gap_only and _PAIRED.fullmatch(gap) is not None  # `96c/384G`
            listed = last_total and bool(LISTED.fullmatch(s[previous_end : m.start]))  # "80 vCPU and 448 GB"
            # "64 vCPU and 256 GiB in total": one total word after a CPU count and a size joined by `and`
            coupled = paired or (
                previous_kind == "cpu" and _COUPLED.fullmatch(s[previous_end : m.start]) is not None
            )
            previous_end, previous_kind = m.end, kind
            value, how = own
            sized = self._one_machines(s, m, kind, machines, i, how, said_total(head, tail), groups)
            each = sized is None  # a per-machine figure with no number of machines: not a total
            value, how = sized or (value, how)
            env = self.env_at(s, m.start, ctx)
            name = (
                "total_cpu"
                if kind == "cpu"
                else self._size_field(
                    tail,
                    head,
                    s,
                    gap_only,
                    ctx,
                    clause,
                    self.said_before + s[: m.start - len(clause)],
                )
            )
            name, how = _du_line(s, m, kind, name, how)  # `310G  /srv/…/gitserver-0`: `du`'s own line
            if kind == "size" and paired and not _named_after(tail):
                name = "total_memory_gb"  # a CPU count and a size written as one pair (`16vCPU/64GiB`)
            name = None if kind == "size" and _BOUND.search(head) else name  # "… are under 1 GB": a bound
            run = s[ceiled_at : m.start] if ceiled_at >= 0 else ""
            if _left_out(name, head, tail, run, s[: m.start], s[m.end : m.end + 32]):
                ceiled_at = m.end  # "the quota allows 200 vCPUs": a limit, and the figures of its run
                continue
            if each:  # held as one machine's, for the machines the document counts elsewhere
                facts += permachine.held_each(s, name, value, m, env)
                continue
            total = last_total = (said_total(head, tail) or listed) and not in_breakdown(s, m)
            if name is None and kind == "size" and total:  # "… 400 GiB for the rest, 2,200 GiB total"
                name = _third_of_triple(s, facts, m.start) or next(
                    (f.field for f in reversed(facts) if f.field in SIZES), None
                )
            if name is None and kind == "size" and total:  # "…, other services 600 GB; 3.6 TB total"
                facts.append(Fact("", value, m.text, how, env, "total", m.start))  # its text's amount
            elif name:
                role = "total" if total else ""
                _pair_total(facts, coupled and total)  # `80 vCPU / 576 GB total`: the pair's total
                facts.append(Fact(name, value, m.text, how, env, role, m.start))
            elif kind == "size":  # the old side of a change, or an item of a list of sizes
                item = (
                    "" if any(a <= m.start for a, _ in old) else "item"
                )  # (or its new side: "… resized to 1 TB")
                unnamed.append(Fact("", value, m.text, how, env, item, m.start))
        facts = _placed(s, facts, unnamed)
        facts = diskparts.summed(s, facts, unnamed, bool(old))  # "gitserver 1 TB, zoekt 500 GB and …"
        facts = sizeparts.summed(s, facts, unnamed)  # "410 GiB for the GitHub orgs plus 75 GiB for …"
        facts = componentsum.proved_disk(s, facts, self.said_before)  # "2,600 GB in total (gitserver …)"
        facts = permachine.pooled(facts, groups) if len(groups) > 1 else facts
        return sorted(facts, key=lambda f: f.start)

    def _one_machines(
        self,
        s: str,
        m: shapes.Match,
        kind: str,
        machines: permachine.Runs,
        i: int,
        how: str,
        total: bool,
        groups: dict[int, int | None],
    ) -> tuple[str, str] | tuple[()] | None:
        """A figure of one machine times its machines (value, how; `groups` noting where a
        per-machine product's count is); () when the figure is not one machine's (or is a sum written
        out, `how`); None when it is one machine's with no number of machines (no figure at all)."""
        if how == "sum written out":
            return ()
        if machines.per_machine[i]:
            times = machines.times[i]
            if times is None:
                return None
            groups[m.start] = machines.groups[i]
            return permachine.multiply(m.value, times), f"{times} × per-machine figure"
        n = None if total else typeshape.machines_of_size(s, m, kind, self.catalogue.instance_types)
        if n:  # "4 × m6i.4xlarge (16 vCPU / 64 GiB)": the type's own size
            return permachine.multiply(m.value, n), f"{n} × the type's own size"
        return ()

    @staticmethod
    def _size_field(
        tail: str,
        head: str,
        sentence: str,
        after_cpu: bool,
        ctx: Context,
        clause: str = "",
        before: str = "",
    ) -> str | None:
        """What a size is the size of: the largest repository; the noun right after it ("1.5 TB
        pd-ssd", "2 TB of gp3 volumes", "640 GB of git data"); the repositories when they are the
        subject ("the repositories take roughly 410 GB on disk") or its place ("900 GB across all
        repositories"); the largest repository when it opens the clause ("the largest repository, the
        claims monorepo, is 3.4 GB"); else the nearest noun either side."""
        lead = _LEAD.match(tail)
        named = _size_noun(lead.group(0)) if lead else None  # the noun right after the figure says first
        if _LARGEST.search(head) or (_LARGEST.search(tail) and not named) or _largest_named(clause):
            return "largest_repo_mb"
        across = _ACROSS_REPOS.match(tail)
        if across and across.group(0).split()[0].lower() == "for" and _DISK.search(sentence):
            return "total_disk_gb"  # "two vSAN disks, …, 2,048 GiB for the repositories": a disk for them
        if across:
            return "total_repo_size_gb"
        of_repos = ctx.topic in REPO_TOPICS  # (a bare "Total size" in the part about them)
        if named != "total_memory_gb" and (
            measured_by_du(head, tail)  # "gitserver du total ~1.1T", "1.7T (du /data/repos)"
            or repositories_measured(clause or head, before, of_repos)
        ):
            return "total_repo_size_gb"  # "all of them together take 340 GB of gitserver disk"
        if _ON_DISK.match(tail) and ctx.topic in ("largest_repo_mb", "total_repo_size_gb"):
            return ctx.topic  # `Largest repository: gis-basemaps, 1.8G on disk`: what is on the disk
        # ("policy-engine, 11.4G on disk (.git)": one repository's git data where it is kept, too)
        if _ON_DISK.match(tail) and (
            _A_MONOREPO.search(clause or head) or _one_git_dir(head[-24:], tail[:30])
        ):
            return None  # on disk": one repository's size where it is kept, no disk (`prose`: the monorepo's)
        # "620 GB on the gitserver disks after cloning", "1.6 TB on gitserver.": the code there, not the disk
        on_disk = _ON_DISK.match(tail) and _CLONES.search(sentence)
        stored = on_disk or (_ON_GITSERVER.fullmatch(tail) and not _WORD.search(head))
        if named or stored:
            return named or "total_repo_size_gb"
        if _LARGEST_REPO.search(clause):
            return "largest_repo_mb"
        nearest = _nearest_noun(tail, head)
        if nearest:
            return nearest
        if _AFTER_REPO_COUNT.search(head):  # "so 915 altogether, ~180 GB": what those repositories take
            return "total_repo_size_gb"
        if after_cpu:
            return "total_memory_gb"
        return _by_topic(ctx.topic, head, tail)


def _du_line(s: str, m: shapes.Match, kind: str, name: str | None, how: str) -> tuple[str | None, str]:
    """A size opening a line of `du` output on a gitserver's or the repositories' directory is their
    size as `du` measured it (`read/measured.py`), held weak: the line may be one gitserver's of several,
    and a size the text says wins over it."""
    if kind == "size" and du_output(s, m.start, m.end):
        return "total_repo_size_gb", f"{how} (du)"
    return name, how
