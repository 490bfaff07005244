"""What a label means when the catalogue has no alias for it, and a label's bracketed asides.

`label_meaning(label)`: the field a label means, from its words' stems ("Node pool", "Machines" →
instance types; "Endpoint" → instance URL; "Production complete" → completion date). The value's
shape still has to fit (`read.facts`).
"""

from __future__ import annotations

import functools
import itertools
import re

from handoff.read import copies
from handoff.read.limits import observed_label
from handoff.read.slugnames import without_slug_words

_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def outside_brackets(text: str) -> str:
    """`text` without its bracketed asides: "Code size on disk (all repositories)" → "Code size on disk"."""
    if "(" in text or "[" in text:  # (every match of _BRACKETED opens with one)
        text = _BRACKETED.sub(" ", text)
    return " ".join(text.split())  # (`re.sub(r"\s+", " ", text).strip()`: the same spaces)


def bracketed(text: str) -> list[str]:
    """The bracketed asides of `text`, inner text only."""
    return [m.group(0)[1:-1] for m in _BRACKETED.finditer(text)]


# (stems that must all start some word of the label, field); first rule that holds wins.
_MEANINGS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("concurren",), "max_concurrent_users"),  # "Concurrent users", "Concurrency"
    (("peak", "user"), "max_concurrent_users"),
    (("simultaneous",), "max_concurrent_users"),
    (("user", "once"), "max_concurrent_users"),  # "users at once", as the prose reader reads it
    (("user", "pool"), "instance_types"),  # AKS's `user_pool_node_count`: the user node pool's, no users
    (("user",), "max_users"),
    (("seat",), "max_users"),
    (("monorepo",), "monorepos"),
    (("largest",), "largest_repo_mb"),
    (("biggest",), "largest_repo_mb"),
    (("repo", "size"), "total_repo_size_gb"),
    (("git", "data"), "total_repo_size_gb"),
    (("code", "size"), "total_repo_size_gb"),
    (("clon", "size"), "total_repo_size_gb"),  # "Cloned size", "Size of the clones"
    (("code", "host"), "code_hosts"),
    (("source", "control"), "code_hosts"),
    (("version", "control"), "code_hosts"),
    (("scm",), "code_hosts"),
    (("vcs",), "code_hosts"),
    (("index", "content"), "repositories"),  # "Indexed content", "Content indexed": the repositories
    (("repo",), "repositories"),
    (("url",), "instance_url"),
    (("endpoint",), "instance_url"),
    (("address",), "instance_url"),
    (("hostname",), "instance_url"),
    (("link",), "instance_url"),
    (("start",), "start_date"),
    (("began",), "start_date"),
    (("begin",), "start_date"),
    (("complet",), "completion_date"),
    (("end",), "completion_date"),
    (("done",), "completion_date"),
    (("finish",), "completion_date"),
    (("accept",), "completion_date"),
    (("handover",), "completion_date"),
    (("handed",), "completion_date"),
    (("live",), "completion_date"),
    (("ready",), "completion_date"),
    (("deliver",), "completion_date"),
    (("provision",), "start_date"),
    (("commenc",), "start_date"),
    (("cpu",), "total_cpu"),
    (("vcpu",), "total_cpu"),
    (("core",), "total_cpu"),
    (("memory",), "total_memory_gb"),
    (("ram",), "total_memory_gb"),
    (("disk",), "total_disk_gb"),
    (("storage",), "total_disk_gb"),
    (("vol",), "total_disk_gb"),  # (`volumes`, a note's `vols`)
    (("pv",), "total_disk_gb"),  # a Kubernetes persistent volume (`pv`, `PVCs`), as `EBS` or `LUN` is
    # a cloud's or a drive's kind of disk naming the disks (`ebs: root 100G + data 2.5T`, `pd-ssd: …`)
    (("ebs",), "total_disk_gb"),
    (("ssd",), "total_disk_gb"),
    (("nvme",), "total_disk_gb"),
    (("gp3",), "total_disk_gb"),
    (("gp2",), "total_disk_gb"),
    (("hyperdisk",), "total_disk_gb"),
    (("pd", "balanced"), "total_disk_gb"),
    # a size told by the place that holds the clones ("Total size on gitserver"), no disk word: what sits
    # there, the repositories (after the disk words: "Gitserver disk size" is the disk)
    (("size", "on", "gitserver"), "total_repo_size_gb"),
    (("node",), "instance_types"),
    (("machine",), "instance_types"),
    (("instance",), "instance_types"),
    (("vm",), "instance_types"),
    (("server",), "instance_types"),
    (("pool",), "instance_types"),
    (("flavo",), "instance_types"),  # an OpenStack flavour (flavor): the machine type
    (("worker", "count"), "instance_types"),  # `Worker count`: the worker nodes
    (("workers",), "instance_types"),  # `Workers: 5` (the plural: machines; the `worker` service is one)
    (("worker", "shape"), "instance_types"),  # `Worker shape` (Oracle Cloud's word for a machine type)
    (("shape",), "instance_types"),  # `Shape: VM.Standard.E5.Flex …`
    (("worker", "type"), "instance_types"),
    (("worker", "number"), "instance_types"),  # `Number of workers`
    (
        ("desired",),
        "instance_types",
    ),  # an autoscaling group's `desiredCapacity`, `desired_size`: its machines
    (("cloud",), "hosting_provider"),
    (("provider",), "hosting_provider"),
    (("hosting",), "hosting_provider"),
    (("hosted",), "hosting_provider"),
    (("platform",), "deployment_type"),
    (("deploy",), "deployment_type"),
    (("install",), "deployment_type"),
    (("orchestrat",), "deployment_type"),
)


_STEM_LENGTHS = frozenset(len(s) for stems, _ in _MEANINGS for s in stems)
_MEANING_SETS = tuple((frozenset(stems), name, len(stems)) for stems, name in _MEANINGS)  # subset tests


@functools.lru_cache(maxsize=4096)
def label_meaning(label: str, any_length: bool = False) -> str | None:
    """The field a label (of up to six words, or a heading or question of any length) means, or None.
    A label with a bracketed aside is read without it ("Code size on disk (as reported by
    gitserver)") and the aside on its own (a gloss in another language: "Gesamtgröße aller
    Repositories (total size of all repositories)"): the more specific meaning wins, the words
    outside the brackets on a tie."""
    meanings = label_meanings(label, any_length)
    return meanings[0] if meanings else None


# a label asking why (`Why memory-optimised nodes in production: …`): what follows is a reason
_WHY = re.compile(r"^\W*why\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def label_meanings(label: str, any_length: bool = False) -> tuple[str, ...]:
    """The fields a label may mean, best first: one, or for a label with a bracketed aside, the
    meanings of its words outside the brackets and of each aside (more stems first). A label that
    asks why ("Why memory-optimised nodes: the zoekt index wants …") means none: what follows it is
    the reason for a choice, whose figures are the reasoning's, not the field's value."""
    if _WHY.match(label):
        return ()
    if not any_length and ("(" in label or "[" in label):
        outside = outside_brackets(label)
        if outside and outside != label:
            found = [_meaning(text, False) for text in (outside, *bracketed(label))]
            ranked = sorted(found, key=lambda m: -m[1])
            return tuple(dict.fromkeys(name for name, _ in ranked if name))
    scope = None if any_length else _SCOPE.search(label)
    if scope is not None and len(label[: scope.start()].split()) >= 2:
        label = label[: scope.start()]  # "Repository ceiling for this VM size": what the figure is for
    name = _meaning(label, any_length)[0]
    if not name and not any_length and "," in label:
        name = appositive_head(label)
    qualified = None if name or any_length else _QUALIFIER.search(label)
    if qualified is not None and len(label[: qualified.start()].split()) >= 2:
        name = _meaning(label[: qualified.start()], False)[0]  # "Git data on gitserver after the first clone"
    return (name,) if name else ()


def appositive_head(label: str) -> str | None:
    """The field a label's words before its first comma mean, when the words after it describe them
    ("Total disk, everything Sourcegraph uses including the Flexible Server"): the appositive is an
    aside, as a bracketed one is, and the head (two to four words: a label's, not a sentence's) wins
    unless the aside's meaning is the more specific."""
    head, _, rest = label.partition(",")
    if not 2 <= len(head.split()) <= 4 or re.search(r"[.;!?]\s", label):  # (a sentence ends in it: prose)
        return None
    name, stems = _meaning(head, False)
    return name if name and stems >= _meaning(rest.strip(), False)[1] else None


# a label's closing scope: the machine or sizing its figure is agreed for ("Repository ceiling for this VM
# size", "User limit for the current hardware", "Max repos on this instance type"): no word of it names the
# figure (the VM's `size` is no repository size)
_SCOPE = re.compile(
    r"\s+(?:for|on|of|with|at)\s+(?:this|that|the|our|each|one|a|the\s+current|the\s+chosen)\s+"
    r"(?:(?:vm|machine|server|host|node|instance|cluster|box|appliance|hardware)(?:\s+(?:size|sizing|type|shape|class))?"
    r"|sizing|size|deployment|setup|design|hardware|footprint|configuration|tier|t-shirt\s+size)\s*$",
    re.IGNORECASE,
)


def without_qualifier(label: str) -> str:
    """`label` without a closing qualifier of when or how its figure was taken ("Git data on
    gitserver after the first full clone" → "Git data on gitserver"), when two words stay before it."""
    m = _QUALIFIER.search(label)
    return label[: m.start()] if m is not None and len(label[: m.start()].split()) >= 2 else label


# a label's closing qualifier of when or how its figure was taken: "… after the first full clone",
# "… as of 1 March", "… at go-live", "… measured in September" (the words before it name the field)
_QUALIFIER = re.compile(
    r"\s+(?:after|as\s+of|as\s+at|at\s+the\s+time\s+of|following|once|when|measured|counted|taken)\s+\S.*$",
    re.IGNORECASE,
)


def label_words(label: str) -> int:
    """The words of a label: a form item's number (`B3.`) and its boxes (`[x]`) are none."""
    return len(_BOX.sub(" ", _ITEM_NUMBER.sub("", label, count=1)).split())


def _meaning(label: str, any_length: bool) -> tuple[str | None, int]:
    """(the field, the number of stems that matched), or (None, 0). A form item's number (`B3.`,
    `4.2)`) and its boxes (`[x]`, `☒`) are no words of the label."""
    label = without_slug_words(_BOX.sub(" ", _ITEM_NUMBER.sub("", label, count=1)))  # (`corrin-core`: a name)
    if "'s" in label or "’s" in label:  # "via the platform's class": an owner, not what the label names
        label = _POSSESSIVE.sub(" ", label)
    words = [w for w in re.findall(r"[a-z0-9]+", label.casefold()) if not w.startswith("report")]
    # "Storage on live", "Nodes in live", "About live": after a preposition `live` is the environment
    words = [w for k, w in enumerate(words) if not (w == "live" and k and words[k - 1] in _PLACE_WORDS)]
    # "Where things live", "where the data lives": a place things are kept, no go-live
    words = [w for k, w in enumerate(words) if not (w in ("live", "lives") and "where" in words[:k])]
    if not words or (len(words) > 8 and not any_length):  # ("report" is no repository: `Report date`)
        return None, 0
    if (
        _BOUND_WORDS.intersection(words)
        and _POOL_BOUND.intersection(words)
        and not _AMOUNTS.intersection(words)
    ):
        return None, 0  # `user_pool_max_count`, `maxSize`, `min nodes`: an autoscaler's bound, no machines
    starts = {w[:n] for w in words for n in _STEM_LENGTHS}  # a stem starts a word: it is one of these
    for stems, name, size in _MEANING_SETS:
        if stems <= starts:
            if name in _LIMIT_FIELDS and observed_label(label):
                return None, 0  # "Weekly active users", "Peak concurrent so far": a measurement, no limit
            if name == "total_disk_gb" and copies.WORDS.intersection(words):
                return None, 0  # "Snapshot storage", "Backup volume": copies kept apart, not the disks
            if name == "total_disk_gb" and _object_store(words):
                return None, 0  # "Object storage bucket for dumps": a bucket's quota or use, no disk
            return name, size
    if "git" in words and not any_length:  # "total git: 0.7 TB": the word git alone is the repositories' data
        return "total_repo_size_gb", 1
    return None, 0


# object storage (a bucket, a container of blobs) holds dumps and uploads apart from the disks: its quota
# or use is no disk figure ("Object storage bucket for dumps: 20 TB quota", "S3 bucket: 1.1 TB")
_BUCKET = frozenset({"bucket", "buckets"})
_OBJECT = frozenset({("object", "storage"), ("object", "store"), ("blob", "storage"), ("blob", "container")})


def _object_store(words: list[str]) -> bool:
    return bool(_BUCKET.intersection(words) or _OBJECT.intersection(itertools.pairwise(words)))


# a bound of a node pool or group (`user_pool_max_count`, `max_size`, `maxNodes`, `min count`): how
# far an autoscaler may go, not the machines there are (a pool's own name, "user", is no user)
_BOUND_WORDS = frozenset({"max", "min", "maximum", "minimum"})
_POOL_BOUND = frozenset(
    {"pool", "count", "size", "nodes", "node", "instances", "vms", "replicas", "capacity"}
)
_AMOUNTS = frozenset(
    {"disk", "storage", "volume", "memory", "ram", "cpu", "vcpu", "cores"}
)  # "Max disk size"
_LIMIT_FIELDS = frozenset({"max_users", "max_concurrent_users", "max_repositories"})
# a form item's number before its words, closed by its stop or bracket ("B3. ", "4.2) "; not "Q4 users")
_ITEM_NUMBER = re.compile(
    r"^\s*(?:(?:[A-Za-z]{1,2}\d{1,3}|\d{1,3}(?:\.\d{1,3})*)[.)]|\d{1,2}(?:\.\d{1,2})+)\s+(?=\D)"
)
# an owner before its thing, with the words of its noun phrase: "the platform team's", "Kestrel's"
_POSSESSIVE = re.compile(
    r"\b(?:(?:the|a|an|our|their|its|your)\s+(?:[\w-]+\s+){0,2}?)?[\w-]+['’]s\b", re.IGNORECASE
)
_BOX = re.compile(r"\[[ xX✓✔]\]|[☐☑☒]")
_PLACE_WORDS = frozenset({"on", "in", "at", "for", "of", "about", "re", "regarding", "from", "to", "into"})
