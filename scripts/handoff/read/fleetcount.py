"""The number of machines written apart from their type and their size, in prose.

A write-up gives one worker's shape in one section ("Each worker is an m6i.4xlarge: 16 vCPU and
64 GiB of memory per node") and the number of workers in another ("the production node group runs
5 workers"); an ADR names the node size in one bullet and spreads the nodes over zones in the next
("2 nodes in zone 1, 1 node in zone 2, 1 node in zone 3"); a mail gives the VM size at the top and
the count in a quoted reply ("the six worker VMs are all in the prod resource pool"). A careful
reader multiplies: 5 × m6i.4xlarge, 80 vCPU, 320 GiB.

`fleet(...)` does it only where nothing else can be meant:

* production has no machines value with a count written (a counted fleet is read as it is);
* production's prose states one number of machines, however often: a counted machine noun in a
  sentence that gives no CPU, size or machine type of its own (those count their own machines), in
  a clause with no request, plan, bound or change ("asked for 6 workers", "max 7", "can go to six"),
  not a code host; a sentence listing machines place by place ("2 nodes in zone 1, 1 node in zone
  2, …") states their sum. Two different numbers: nothing;
* the machine type, if any, is one type written without a count (`Node size: Standard_E16s_v5`,
  "an m6i.4xlarge", "r6i.2xlarge nodes"): the count is its; two types, nothing;
* a table of places whose environment column counts machines (`Zone | LANTERN nodes | EMBER
  nodes`, one zone a row: `place_counted` reads each cell as `eu-west-1a nodes: 2`) states the sum
  of production's column;
* one machine's CPU or memory (`each` figures) is multiplied when the field has no production value
  of its own and the figures agree (with a type, only the figures equal to its published size:
  "15 vCPU allocatable per worker" is not the machine's size).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from handoff.core.fields import InstanceSpec
from handoff.core.model import Location, TddValue
from handoff.core.units import instance_key
from handoff.read import permachine, shapes, zones
from handoff.read.fact import Fact

_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])|\n")
_CLAUSES = re.compile(r"[,;:()]|\s[–—-]\s")
_NOT_NOW = re.compile(
    r"\b(?:asked|ask|asking|request(?:ed|s)?|want(?:ed|s)?|originally|initially|first|plan(?:ned|s)?|"
    r"propos(?:ed|al)|would|will|could|can|should|might|may|max(?:imum)?|min(?:imum)?|up\s+to|at\s+most|"
    r"at\s+least|between|autoscal\w*|scal(?:e|ed|es|ing)|grow\w*|add(?:ed|ing)?|more|fewer|extra|spare|"
    r"budget\w*|quot(?:e|ed|a)|option|instead|before|previously|used\s+to|was|were|had|old|former|"
    r"to\s+start\s+with|for\s+now|not|no|never|nor|if|unless|per|each|every)\b",
    re.IGNORECASE,
)
# a machine noun in a product's name: "3,050 from Bitbucket Server", "GitHub Enterprise Server"
_PRODUCT = re.compile(r"[A-Z][\w-]*\s+(?:Server|Instance|Host|Machine)s?\b")
# instances of the product itself are deployments, not machines: "two separate Sourcegraph instances"
_DEPLOYMENTS = re.compile(r"\bSourcegraph\s+instances?\b", re.IGNORECASE)
_CODE_HOST = re.compile(r"\bcode[\s-]+hosts?\b|\bhosts?\s+(?:are|is)\s+connected", re.IGNORECASE)
_AT_PLACE = re.compile(
    r"\s+(?:in|on)\s+(?:the\s+)?(?:(?:availability\s+)?zone|az|rack|hall|site|dc|data\s*cent(?:er|re))\b"
    r"|\s+(?:in|on)\s+[a-z]{2,12}(?:-[a-z]+)*-[a-z]*\d{1,2}-?[a-z]\b",
    re.IGNORECASE,
)


def sentence_count(s: str) -> int | None:
    """The number of machines sentence `s` states as the fleet, or None."""
    if next(shapes.cpus(s), None) is not None or next(shapes.sizes(s), None) is not None:
        return None
    if next(shapes.instances(s), None) is not None:
        return None
    found = [
        m
        for m in permachine.COUNT.finditer(s)
        if not _CODE_HOST.search(m.group(0))
        and not _PRODUCT.search(m.group(0))
        and not _DEPLOYMENTS.search(m.group(0))
    ]
    if not found:
        return None
    if len(found) > 1 and not all(_AT_PLACE.match(s, m.end()) for m in found):
        return None  # (several: "2 nodes in zone 1, 1 node in zone 2, …" states the places' sum)
    total = 0
    for m in found:
        start = max((c.end() for c in _CLAUSES.finditer(s, 0, m.start())), default=0)
        end = next((c.start() for c in _CLAUSES.finditer(s, m.end())), len(s))
        if _NOT_NOW.search(s[start:end]):
            return None
        total += permachine.count_number(m.group("n"))
    return total if 2 <= total <= 999 else None


_ENDS_MACHINES = re.compile(rf"\s(?P<noun>{permachine.MACHINES})\s*$", re.IGNORECASE)
_PLACE_COUNT = re.compile(
    rf"(?P<place>[^:|\n]{{2,40}}?)\s+(?:{permachine.MACHINES})\s*:\s*(?P<n>\d{{1,3}})\s*", re.IGNORECASE
)


def place_counted(label: str, header: str) -> str:
    """A row label naming a place (`eu-west-1a`) under an environment column whose header ends on
    the machines it counts (`LANTERN nodes`): the label with that noun (`eu-west-1a nodes`); else
    the label as it is."""
    noun = _ENDS_MACHINES.search(header)
    if noun is None or not zones.PLACE.match(f"{label}:"):
        return label
    return f"{label} {noun.group('noun')}"


def _table_counts(blocks: list[tuple[str, Location, str]]) -> dict[str, int]:
    """Production's machines counted place by place in a table: each table's sum."""
    found: dict[str, list[int]] = {}
    for text, place, section in blocks:
        if section == "trial" or ": " not in text:
            continue
        counted = _PLACE_COUNT.fullmatch(text)
        if counted and "table" in place.ref and zones.PLACE.fullmatch(f"{counted.group('place')}:"):
            found.setdefault(place.ref.rsplit(", row", 1)[0], []).append(int(counted.group("n")))
    return {ref: sum(ns) for ref, ns in found.items() if len(ns) > 1}


# a count of one written before the type: `1 × m6i.8xlarge`, "one m6i.8xlarge", "a single …"
_ONE_WRITTEN = re.compile(r"\s*(?:\d|one\b|(?:a\s+)?single\b)", re.IGNORECASE)


def _bare_type(v: TddValue) -> str | None:
    """The type of a production machines value written as one type without a count (`1 × …` written
    so counts its one machine: "Instance: 1 × m6i.8xlarge" beside "Two Sourcegraph instances exist")."""
    entries = list(shapes.instances(v.text))
    if len(entries) != 1 or not entries[0].value.startswith("1 × ") or "node count" in v.how:
        return None
    if _ONE_WRITTEN.match(entries[0].text):
        return None
    return entries[0].value.split(" × ", 1)[1]


def _prose_types(s: str) -> set[str]:
    """Types sentence `s` names without a count ("an m6i.4xlarge", "r6i.2xlarge nodes")."""
    out = set()
    for m in shapes.instances(s):
        if m.value.startswith("1 × "):
            out.add(m.value.split(" × ", 1)[1])
    return out


def _own_size(field: str, value: str, spec: InstanceSpec | None) -> bool:
    if spec is None:
        return True
    number = float(value.split()[0])
    own = spec.vcpu if field == "total_cpu" else spec.memory_gib
    return abs(number - own) <= 0.01 * own


def _prose_counts(
    blocks: list[tuple[str, Location, str]], trial_at: Callable[[str, str], bool]
) -> tuple[dict[int, Location], set[str]]:
    """Production's numbers of machines its prose and place tables state (each with a place), and
    the types its prose names without a count."""
    counts: dict[int, Location] = {}
    types: set[str] = set()
    for text, place, section in blocks:
        if section == "trial" or not permachine.MACHINE_NOUN.search(text):
            continue
        for s in _SENTENCES.split(text):
            if trial_at(s, section):
                continue
            types |= _prose_types(s)
            n = sentence_count(s)
            if n:
                counts.setdefault(n, place)
    for ref, n in _table_counts(blocks).items():
        counts.setdefault(n, next(place for _t, place, _s in blocks if place.ref.startswith(ref)))
    return counts, types


def _totals(
    values: list[TddValue],
    each: list[tuple[Fact, Location]],
    n: int,
    spec: InstanceSpec | None,
    replaced: set[int],
) -> list[TddValue]:
    """Production's CPU and memory as one machine's figures times `n`, for a field with no value of its
    own (but those in `replaced`), when the figures agree (with a type, those of its own size)."""
    out: list[TddValue] = []
    for name in ("total_cpu", "total_memory_gb"):
        if any(v.field == name and v.section != "trial" and id(v) not in replaced for v in values):
            continue
        mine = [(f, at) for f, at in each if f.field == name and f.section != "trial"]
        found = [(f, at) for f, at in mine if _own_size(name, f.value, spec)]
        if len({f.value for f, _ in found}) == 1:
            f, at = found[0]
            total = permachine.multiply(f.value, n)
            how = "per machine × the machines counted apart"
            out.append(TddValue(f.text, f.text, at, name, "production", None, True, total, how))
    return out


def fleet(
    values: list[TddValue],
    each: list[tuple[Fact, Location]],
    blocks: list[tuple[str, Location, str]],
    trial_at: Callable[[str, str], bool],
    specs: Mapping[str, InstanceSpec],
) -> tuple[set[int], list[TddValue]]:
    """(ids of the bare machines values the count replaces, the values worked out) for production's
    machines counted apart (`trial_at(sentence, section)`: whether a sentence is another environment's)."""
    machines = [v for v in values if v.field == "instance_types" and v.section != "trial"]
    bare = {id(v): _bare_type(v) for v in machines}
    if any(t is None for t in bare.values()):
        return set(), []  # a fleet with its count written: read as it is
    counts, types = _prose_counts(blocks, trial_at)
    types |= {t for t in bare.values() if t}
    if len(counts) != 1 or len(types) > 1:
        return set(), []
    n, place = next(iter(counts.items()))
    out: list[TddValue] = []
    kind = next(iter(types), None)
    if kind:
        value = f"{n} × {kind}"
        out.append(TddValue(f"{n} machines", value, place, "instance_types", "production", None, True, value,
                            "type + node count apart"))  # fmt: skip
    replaced = set(bare)  # (and the totals a bare type's one machine gave: "1 × …" times its size)
    replaced |= {id(v) for v in values if v.section != "trial" and v.how.startswith("per machine × machines")}
    out += _totals(values, each, n, specs.get(instance_key(kind)) if kind else None, replaced)
    return replaced, out


__all__ = ["fleet", "sentence_count"]
