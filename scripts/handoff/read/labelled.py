"""The labelled-value part of FactReader: a label and its value read as facts by meaning.

`labelled(label, value, context)`: the label names a field (a catalogue alias, else its meaning,
`labelwords.label_meaning`); the value must have that field's shape (a size for a disk, an instance
type for a node pool, a vocabulary name for a deployment type …) and is read into the field's
canonical text (`fit`). A label naming an environment ("Pilot: …") sets the environment of its
line; a label with no field, or a value that does not fit, is read as prose. A label naming a
code host counts that host's repositories (a part of the total).
"""

from __future__ import annotations

import re

from handoff.core.fields import FieldType, Vocabulary
from handoff.core.quickre import opened, quick
from handoff.read import (
    addition,
    apart,
    bounds,
    connection,
    copies,
    emptysubset,
    limits,
    limitvalues,
    nodecount,
    notdone,
    opencount,
    otherevents,
    outside,
    pairrun,
    permachine,
    rivalcounts,
    scheduling,
    shapes,
    sharedwhole,
    sockets,
    storagepool,
    typevalue,
    usage,
    valueranges,
    valueunits,
)
from handoff.read.askedfor import asks_no_amount
from handoff.read.changes import fell_short, old_spans
from handoff.read.choice import weighed
from handoff.read.clippedlabels import clips_name, written_out
from handoff.read.counts import (
    _COUNT_TOTAL,
    _REPO_NOUNS,
    _numbers_after,
    _numbers_before,
    held_repositories,
    repo_totals,
    without_asides,
)
from handoff.read.dates import BUILD, tells_own_events
from handoff.read.edits import after_mark
from handoff.read.envparts import MAYBE_PARTS, production_part
from handoff.read.fact import Context, Fact
from handoff.read.factparts import FactParts
from handoff.read.figures import _DISK
from handoff.read.frozen import replace
from handoff.read.hostaddress import with_addresses
from handoff.read.hostuse import tooling_only
from handoff.read.labelwords import bracketed, label_meaning, label_meanings, outside_brackets
from handoff.read.leftbehind import left_behind
from handoff.read.limitwords import is_growth, is_limit, is_planned
from handoff.read.measured import bare_size
from handoff.read.monoreponames import named_count
from handoff.read.oneitem import ONE_ITEM, one_size
from handoff.read.onemachine import one_machine, per_machine
from handoff.read.outaside import without_left_out
from handoff.read.parts import lists_parts, named_parts_total, plus_result
from handoff.read.pendingmove import moving_to
from handoff.read.prose import _CODE, host_names
from handoff.read.questionlabel import needs_question
from handoff.read.tfdefaults import tool_default
from handoff.read.totals import AMOUNTS, SIZES, stated_totals, states_total
from handoff.read.unset import points_elsewhere, says_unset
from handoff.read.vocab import mask

# a value opening with a bound: "Repositories: up to 3,000 without re-sizing the pool", "max 5,000"
_BOUND_OPENING = re.compile(
    rf"^\s*(?:up\s+to|at\s+most|no\s+more\s+than|max(?:imum|\.)?(?:\s+of)?|≤|<=?"
    r"|(?:(?:a|the|hard|soft)\s+)?(?:cap|ceiling|limit)\s+(?:of|at)|(?:capped|limited)\s+(?:at|to))"
    rf"\s*~?\s*(?:{shapes.NUMBER})k?\b",
    re.IGNORECASE,
)
_DONE_WORD = re.compile(r"\b(?:complet|finish|accept|done|handover|handed|end)", re.IGNORECASE)


# The words that make a label a line of a breakdown ("— from GitHub Enterprise Server", "of which
# GitLab", "thereof Gerrit", "incl. Bitbucket"): with a host's name they say nothing else.
# a bare count, an aside with no figure after it ("410 (research org only)"), ending its sentence
# (`2,700 repos synced.`, `450.`; not one with a sentence after it)
_BARE_SENTENCE = re.compile(
    rf"\s*~?\s*(?:{shapes.NUMBER})k?(?:\s+(?:repositories|repos|projects))?\s*(?:\([^()\d]*\)\s*)?"
    r"(?:(?<=s)\s*(?:synced|indexed|cloned|mirrored|searchable)\s*)?[.;]?\s*"
)
_FIRST_CLAUSE = re.compile(r"(?<=\w)[.;]\s+(?=\S)")  # where a value's first clause ends
# "450. That makes …", "450. 3,150 in total.": a bare count's sentence ends (the next may open with a figure)
_NEXT_SENTENCE = re.compile(r"(?<=\d[.;])\s+(?=[A-Z]|\d)")
# where a host runs, after its name: "Self-managed GitLab at gitlab.lab.acme.io", "Gitea on https://git.acme.de/"
_AT_ADDRESS = re.compile(r"\b(?:at|on)\s+(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/[\w./-]*)?", re.IGNORECASE)
_HOST_ASIDE = re.compile(r"\s*\([^()]*\)")  # `GitHub.com (quokkapay org)`: which of the host's orgs
_BREAKDOWN_WORDS = re.compile(
    r"\b(?:of which|thereof|whereof|including|incl|from|on|in|via|at|of|the|our)\b", re.IGNORECASE
)


def mask_live(label: str) -> str:
    return re.sub(r"\blive\b", " ", label, flags=re.IGNORECASE)


_PER_UNIT = opened(re.compile(rf"\b(?:each|ea|apiece|per\s+{permachine.NOT_ACCORDING}\w+)\b", re.IGNORECASE))
_FIGURE_FIRST = re.compile(r"\s*(?:~|≈|about\s+)?\d[\d,.]*(?!\s*[×x*]\s*\d?\s*[A-Za-z])")
# a value closing on its per-machine word (`16c ea`, `64 GB each`, `8 vCPU per node`, `32g/vm`): one
# machine's amount, as a label saying so (`Memory per node`)
_EACH_VALUE = re.compile(
    rf"(?<=[\w)])\s*(?:\b(?:each|ea|apiece)\b\.?|\bper\s+(?:{permachine.MACHINES})\b|/\s*(?:{permachine.MACHINES})\b)\W*$",
    re.IGNORECASE,
)
_COUNT_IN_LABEL = re.compile(
    rf"(?<![\w.,])(?:{shapes.NUMBER})\s+[A-Za-z]"
)  # "The instance indexes 1,275 repos"
_LIMITS = frozenset({"max_users", "max_concurrent_users", "max_repositories"})
_RIVALLED = frozenset({"repositories", "monorepos"})
_TWO_FIGURES = re.compile(r"\d\D+\d")  # (a cheap test before `rival_count`)
_COUNTS = frozenset({"repositories", "monorepos", *_LIMITS})
# a count field → the field counting all of the same things (a value's noun naming it says the unit only)
_NARROWS = {
    "max_concurrent_users": "max_users",
    "max_repositories": "repositories",
    "monorepos": "repositories",
}
# A value that is one figure or date alone, of its field's kind ("64 vCPU", "4 TB", "~9,400", "Sep 14,
# 2026"): read as prose it gives no fact of another field (`tests/test_gates.py`), all `field_value` keeps
# of such a reading
_MONTH_ALONE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_FIGURE_ALONE = r"(?:~ ?)?(?:[0-9]{1,3}(?:,[0-9]{3}){1,2}|[0-9]{1,5})(?:\.[0-9]{1,2})?"
# a cloud's machine type with its count (`3x m6i.4xlarge`, `2 × n2-highmem-16`), one or several
_COUNTED_TYPE = rf"(?:[0-9]{{1,3}} ?[x×] ?)?(?:{shapes._AWS}|{shapes._GCP}|{shapes._AZURE})"
_VALUES_ALONE = {
    "instance_types": re.compile(rf"{_COUNTED_TYPE}(?:, {_COUNTED_TYPE})*"),
    **dict.fromkeys(
        ("total_memory_gb", "total_disk_gb", "largest_repo_mb", "total_repo_size_gb"),
        re.compile(rf"{_FIGURE_ALONE} ?(?:TB|GB|MB|TiB|GiB|MiB)"),
    ),
    "total_cpu": re.compile(rf"{_FIGURE_ALONE}(?: ?vCPUs?)?"),
    **dict.fromkeys(_COUNTS, re.compile(_FIGURE_ALONE)),
    **dict.fromkeys(  # `Sep 14, 2026`, `14th of September 2026`, `2026-09-14`
        ("start_date", "completion_date"),
        re.compile(
            rf"[0-9]{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH_ALONE},? [0-9]{{4}}"
            rf"|{_MONTH_ALONE} [0-9]{{1,2}}(?:st|nd|rd|th)?,? [0-9]{{4}}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}"
        ),
    ),
}


def value_alone(name: str, value: str) -> bool:
    """Whether `value` is one figure or date alone of the kind of `name` (a size, a CPU count, a
    count, a date), or counted machine types alone."""
    pattern = _VALUES_ALONE.get(name)
    return pattern is not None and pattern.fullmatch(value) is not None


# a site's address alone (`https://sourcegraph.example.com`, `http://10.20.4.17:7080`)
_ADDRESS_ALONE = re.compile(r"https?://[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::[0-9]{2,5})?/?")


# The text fields' values of one shape alone: a cloud's region (`us-east-1`, `europe-west4`), a
# version (`6.9.2`, `v5.10`; not `6.9.25`, which a German note writes for a date)
_TEXTS_ALONE = {
    "region": shapes.REGION,
    "sourcegraph_version": re.compile(r"v?[0-9]{1,2}\.[0-9]{1,3}(?:\.(?:[0-9]|[0-9]{3}))?"),
}


def text_alone(name: str, value: str) -> bool:
    """Whether `value` is a text field's value of its own shape alone (`_TEXTS_ALONE`), in a document
    that learnt no machine types of its own (which may take any token of letters and digits)."""
    pattern = _TEXTS_ALONE.get(name)
    return pattern is not None and pattern.fullmatch(value) is not None and not shapes.OWN_TYPES.get()


_PLAIN_LABEL = re.compile(r"[A-Za-z][A-Za-z _-]*")  # words alone
_BETWEEN_NAMES = re.compile(r"(?:[\s,;/&]|\band\b)*")  # what stands between names in a list


_LEADING_COUNT = re.compile(
    rf"\s*(?:about |around |approx\.? |~)?(?:{shapes.NUMBER}|{shapes.WORD_COUNT}|no|zero)(?=\s+[A-Za-z])",
    re.IGNORECASE,
)  # a count and then a word: "one monorepo", "3,000 repositories", "Two of them"
_SITE = re.compile(r"https?://(?:[^/@\s]+@)?([A-Za-z0-9.-]+)(?::\d+)?/?$", re.IGNORECASE)  # no path
_LABEL_UNIT = opened(
    re.compile(r"(?<![A-Za-z])(tib|gib|mib|tb|gb|mb)(?![A-Za-z])", re.IGNORECASE)
)  # "Disk (GB)"
_PUBLIC_SITE = frozenset({"www", "docs", "help", "support", "status", "about", "blog", "community", "learn"})
_NONE = re.compile(  # "none", "None in scope", "no monorepos", "aucun": a none-word and no number after it
    # in its sentence ("none. The SCADA team split theirs into 14 repositories": the next one tells more)
    r"^\s*(?:none|no(?![.\w])|zero|nil|n/?a|-|—|aucune?|keine?|ninguno|nessuno|geen)(?![\w/])"
    r"(?![^.;!?\n]*\d)(?!\.\d)",
    re.IGNORECASE | re.DOTALL,
)


def _label_amount(name: str, label: str) -> shapes.Match | None:
    """The one CPU or size figure a label of that amount holds itself ("prd disk all-in ~2.6 TB"), or None."""
    if name not in AMOUNTS or not shapes.DIGIT.search(label):
        return None
    found = list(shapes.cpus(label) if name == "total_cpu" else shapes.sizes(label))
    if len(found) != 1 or _RATE.search(label[: found[0].start]):
        return None  # ("One E4 OCPU is two vCPUs: 48 vCPU …": a unit's worth, no amount)
    return found[0]


# one unit told in another ("One E4 OCPU is two vCPUs", "1 OCPU = 2 vCPU", "each core equals two
# threads"): a rate of conversion, no amount of the deployment's
_RATE = re.compile(
    r"\b(?:one|1|each|every|a|an|per)\s+(?:[\w.-]+\s+){0,2}?(?:ocpus?|cores?|cpus?|sockets?|vcpus?|"
    r"threads?|gib|gb|units?)\s+(?:is|are|=|equals?|corresponds\s+to|counts\s+as|maps\s+to|gives)\s+$",
    re.IGNORECASE,
)


def _head(label: str) -> str:
    """A label's words before any place or purpose ("Git data" of "Git data on disk", "Disk" of
    "Disk for git data"): what it measures."""
    return _PLACED.split(outside_brackets(label), maxsplit=1)[0]


_AMOUNT_OF = re.compile(r"\s*(?:the\s+)?(?:total\s+)?(?:volume|amount|quantity)\s+of\b", re.IGNORECASE)
_PLACED = re.compile(r"\b(?:on|in|for|across|at|after|inside|within|per|from)\b", re.IGNORECASE)
_REPO_THING = re.compile(  # the repositories together, or their data
    r"\b(?:git|repos|repositories|code|clones)\b|\b(?:repo|repository)\s+(?:data|storage|footprint)\b",
    re.IGNORECASE,
)


_WORKING = quick(r"\s=\s*(?=~?\s*\d)")  # `6 nodes × 16 vCPU = 96 vCPU`: the working, then the result
# a value opening with its one figure, then `=` and the working that makes it (a sum or a product in
# its first clause): the writer states the result first (`7,440 GB = 3 × 480 GB + 6,000 GB`)
_RESULT_FIRST = re.compile(
    rf"^\s*(?P<result>(?:~|≈|about\s+)?(?:{shapes.NUMBER})\s*[A-Za-z]{{0,6}})\s+=\s*(?=[^.;=\n]*\d\s*[A-Za-z]*\s*[+×x*]\s*\d)",
    re.IGNORECASE,
)


def _unsure_sum(name: str, value: str) -> bool:
    """Sizes added with `+` beside a result they do not make (`300G + 120G + 80G ≈ 600G`): no figure
    of the value is sure."""
    return name in (*SIZES, "total_repo_size_gb") and "+" in value and plus_result(value) == ""


def _result(value: str) -> str:
    """A value written as a calculation (`6 nodes × 64 GiB = 384 GiB`, `3,000 + 500 = 3,500 GB`):
    the result after its last `=`; a sum of products with no result, its sum (`read.addition`); any
    other value as it is."""
    first = _RESULT_FIRST.match(value)
    if first:  # `7,440 GB = 3 × 480 GB usable boot + 6,000 GB NFS export`: the result, then its working
        return first.group("result")
    found = list(_WORKING.finditer(value))
    if found:
        return value[found[-1].end() :]
    summed = plus_result(value) if "+" in value else None  # `412G + 389G + 109G ≈ 910G`: their sum, said
    if summed is not None:
        return summed  # ("" for a result they do not make: no figure of it)
    return addition.products_sum(value) or value  # `3×16 + 2×8 vCPU`: 64 vCPU


_OTHER_NOUN = re.compile(rf"\s*(?:about\s+|around\s+|~\s*)?(?:{shapes.NUMBER})\s*[A-Za-z]")  # "38 depots"


_AIM_LABEL = re.compile(  # a label naming an aim, not a state ("a hosting plan" is a product: not here)
    r"\b(?:targets?|targeted|goals?|objectives?|forecasts?|projections?|projected|aims?|ambitions?)\b",
    re.IGNORECASE,
)
_WORKERS = re.compile(r"\W*workers\W*", re.IGNORECASE)  # the plural alone: a count of worker machines
_BARE_NUMBER = re.compile(r"\s*\d{1,4}\s*(?:\([^()]*\))?\s*")  # `5`, `2 (5 after failover)`


# an aim the sizing was made for ("Sizing target", "Design goal", "Capacity objective"): what the
# deployment is sized to carry, its limits (`max_*`), though no count or amount of what there is
_SIZED_AIM = re.compile(
    r"\b(?:sizing|sized|design(?:ed)?|capacity|dimensioning|performance)\s+"
    r"(?:targets?|goals?|objectives?|aims?)\b",
    re.IGNORECASE,
)
_WORDS_LABEL = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+){0,3}")  # `Content`, `In scope`: a few words only
_OPENING_REPOS = re.compile(
    rf"\W*(?:(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|ca\.?|c\.|~)\s*)?"
    rf"(?P<num>{shapes.NUMBER})(?P<k>k)?\s+(?:active\s+|indexed\s+|searchable\s+)?(?:{_REPO_NOUNS})\b",
    re.IGNORECASE,
)
_OPENING_COUNT = re.compile(
    rf"\W*(?:(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|ca\.?|c\.|~)\s*)?"
    rf"(?:{shapes.NUMBER})(?:\s*k)?\s+(?P<noun>[A-Za-z]+)",
    re.IGNORECASE,
)


def _counts_other(value: str) -> bool:
    """Whether a value opens with a count of repositories or people ("approximately 1.850 repositories,
    …"): under a label read as a size or a CPU count by its meaning ("Volume"), the label meant a
    quantity of those, not the disk."""
    m = _OPENING_COUNT.match(value)
    return m is not None and (label_meaning(m.group("noun")) or "") in _COUNTS


def _own_count(value: str, count: str) -> bool:
    """Whether the count read from a host's value is the value's own: the number it opens with, or
    one a repository noun counts; not a year in its prose ("searched since early 2025")."""
    lead = re.match(
        rf"\W*(?:about |around |approx\.? |ca\.? |~)?(?P<n>{shapes.NUMBER})", value, re.IGNORECASE
    )
    if lead and shapes.canon(lead.group("n")) == count:
        return True
    return any(m.value == count for m, _ in shapes.counted(value, _REPO_NOUNS))


_DATE_FIELDS = ("start_date", "completion_date")
_FIGURES = (FieldType.INTEGER, FieldType.QUANTITY, FieldType.DATE)
# a label's words of a time or a unit its figures are of ("Users at go-live", "Per team", "Each region")
_LABEL_QUALIFIED = re.compile(
    r"\b(?:at|before|after|until|by|since|in|per|each|every|initially|originally|previously|formerly|old|"
    r"last|next|future|forecast|projected|expected|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_VALUE_HEAD = opened(re.compile(r"[(\[]|(?<=[.!?])\s+(?=[A-Z])"))  # where a value's own words end
# a figure's clause before a semicolon followed by a clause with a figure of its own: the value's own
# ("design 300; the stress run on staging reached 420"; not "300; instance: POC", said of the whole)
_OWN_CLAUSE = re.compile(r"[^;]*\d[^;]*(?=;[^;]*\d)")


def build_gloss(label: str) -> str | None:
    """The date field a label's bracketed aside names when the aside speaks of the build and the
    words outside it do not ("PROD VMs handed over (production build starts)": the handover is the
    build's start): what the row means for the build."""
    if BUILD.search(outside_brackets(label)):
        return None
    for aside in bracketed(label):
        name = label_meaning(aside)
        if name in _DATE_FIELDS and BUILD.search(aside):
            return name
    return None


def new_instances(value: str) -> list[shapes.Match]:
    """The machines a value states, less those on the old side of a change it writes ("4 ×
    n2-highmem-16 instead of n2-standard-16", "from 3 × … to 4 × …"): that side was replaced."""
    found = list(shapes.instances(value))
    if len(found) < 2:
        return found
    old = old_spans(value)
    return [m for m in found if not any(a <= m.start < b for a, b in old)] or found


def _bounded(name: str | None, value: str) -> tuple[str | None, str]:
    """A repository count whose value opens with its bound ("up to 3,000 without re-sizing the pool",
    "max. 12k, currently 7k", "cap of 6,000", "capped at 6k"): the limit, its first figure only; else
    `name` and `value` as they are."""
    bound = _BOUND_OPENING.match(value) if name == "repositories" else None
    return ("max_repositories", bound.group(0).strip()) if bound is not None else (name, value)


_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])")


def _workers(field: tuple[str | None, str], label: str, value: str) -> tuple[str | None, str]:
    """`field` (the field a label names, how), but none for the plural `Workers` alone over anything
    but a count ("workers: 4 × … (machine class …)" reads as prose, as before): only "Workers | 5"
    counts a worker shape's machines."""
    if field[0] == "instance_types" and _WORKERS.fullmatch(label) and not _BARE_NUMBER.fullmatch(value):
        return None, field[1]
    return field


# a label naming the template's own text: "Template hint (delete before refinement)", "Template sizing"
_TEMPLATE_LABEL = re.compile(r"\W*(?:the\s+)?template(?:'s)?\s+\w+(?:\s*\([^()]*\))?\s*$", re.IGNORECASE)


_COUNTED_NOUN = re.compile(
    r"\d[\d,.]*\s*k?\s+(?:[a-z-]+\s+)?(?:repositories|repos|users|seats|monorepos)\b", re.IGNORECASE
)


def _counts_at(value: str, year: str) -> bool:
    """Whether a value under a label naming a moment ("Go-live", "At go-live") gives no date but a count
    of things with their noun ("12,300 repositories"): the state at that moment, read by its words (not
    under a dated heading, whose day the label's event took place on: "Production complete: all 2,100
    repos cloned" in a comment stamped 19 March)."""
    return bool(_COUNTED_NOUN.search(value)) and not any(True for _ in shapes.dates(value, year))


def _no_value(name: str | None, label: str, value: str, tenant: bool = False) -> bool:
    """A label and value that state no value of the field: what a label says is the template's own
    text (`Template hint (delete before refinement): Sizing guide — small: 16 vCPU …`: the template's
    help, left in, never this deployment's figures), the load of a capacity (`PV used | 2.1
    TiB` beside `PV capacity | 3.5 TiB`; `Memory | peak so far 71 GiB`: every size a reading), the
    field stated absent ("Max. repositories: not set – … up to about 5,000": no figure of the remark is
    its value), a Kubernetes request, limit or quota
    (`requests.cpu`; not in a tenants' table cut to Sourcegraph's row, `tenant`)."""
    if name in ("total_disk_gb", "total_memory_gb") and usage.of_capacity(label):
        return True
    if name in ("total_disk_gb", "total_memory_gb") and usage.only_readings(value):
        return True  # "Memory: peak so far 71 GiB (full re-index)": the load it reached, not the memory
    if _TEMPLATE_LABEL.match(label):
        return True  # "Template hint (delete before refinement): Sizing guide — small: 16 vCPU / …"
    if name in _WHOLE and sharedwhole.spans_all(label):
        return True  # "Persistent disk across all tenants: 12,400 GiB": the shared whole's
    if (
        name == "total_disk_gb"
        and storagepool.may_hold(label + value)
        and storagepool.the_whole(label, value)
    ):
        return True  # "Storage pool: 20 TB", "Storage: the fast-ssd class, backed by a 20 TB pool"
    if (
        name == "total_disk_gb"
        and ("ackup" in value or "napshot" in value)
        and copies.only_copies(value, [(m.start, m.end) for m in shapes.sizes(value)])
    ):
        return True  # "Storage: the backup vault holds 12 TB of snapshots": the copies', no disk
    if name in AMOUNTS and tool_default(label):
        return True  # "values.yaml keeps the chart default gitserver.storageSize: 200Gi": the chart's
    if name in scheduling.FIELDS and not tenant and scheduling.scheduling(label):
        return True  # "requests.cpu: 56", "Namespace quota: 40 vCPU": what the scheduler admits
    return name is not None and (says_unset(value) or points_elsewhere(value))


_WHOLE = frozenset(
    {"total_cpu", "total_memory_gb", "total_disk_gb", "instance_types", "max_users", "repositories"}
)
_RANGED = frozenset({
    "total_disk_gb", "largest_repo_mb", "total_repo_size_gb", "repositories", "monorepos", "max_repositories",
    "max_users", "max_concurrent_users",
})  # fmt: skip


def _in_label_unit(name: str, label: str, value: str) -> str:
    """A bare figure with the unit its label names: the whole value (`data_disk_gb = 2048`), or a size
    value's opening figure before a remark (`Disk (GB): 2,048 (data disk; the 128 GB OS disk …)`)."""
    unit = _LABEL_UNIT.search(label)
    if unit is None:
        return value
    written = unit.group(1).upper().replace("I", "i")
    if re.fullmatch(rf"\s*(?:{shapes.NUMBER})\s*", value):
        return f"{value.strip()} {written}"
    return valueunits.opening_figure(value, written) if name in SIZES else value


def _fit_count(name: str, value: str, aliased: bool) -> str | None:
    other = _OTHER_NOUN.match(value) and not shapes.CPU.search(value)
    if name == "total_cpu" and not aliased and other:
        return None  # "Perforce Helix Core: 38 depots": a count of something else, no CPUs
    if name in _LIMITS and (said := limitvalues.settled(value)) is not None:
        return said or None  # "Max users: n/a", "1,000–1,200": none; "800 (EMEA) + 700 (US)": 1500
    return None if _YEAR_PLAN.match(value) else _fit_integer(name, value)  # "2024 split planned"


# a bare count closing its own sentence, right after the label: the label's figure, whatever the
# sentences after it go on to say ("Total vCPU: 48. If we went with …, that would be 96 vCPU.")
_OWN_SENTENCE = re.compile(r"\s*(\d{1,3}(?:,\d{3})*|\d+)\s*(?:\.\s+(?=[A-Z])|;\s+)")


# a CPU value opening with its figure of threads, the noun after it or first in its bracket ("144
# threads (72 physical cores)", "144 (threads, which is what kubelet reports)"): a machine's threads are
# its logical CPUs, what a vCPU count counts, so that figure is the value, not the cores beside it
_THREADS_FIRST = re.compile(
    r"\s*(\d{1,3}(?:,\d{3})*|\d+)\s*(?:\(\s*)?(?:hardware\s+|logical\s+|cpu\s+)?(?:threads|hyper-?threads|logical\s+cpus?)\b",
    re.IGNORECASE,
)


def _whole_of(name: str | None, value: str) -> str:
    """An amount's value without the bracket breaking it down by machine (`permachine.without_breakdown`)."""
    return permachine.without_breakdown(value) if name in AMOUNTS else value


def _fit_cpu(value: str) -> tuple[bool, str | None]:
    """A CPU count's value: (True, its figure or None when no figure is the deployment's), or (False,
    None) when no CPU figure is written (the value read as any count)."""
    if _PER_UNIT.search(value):
        return True, None  # "16 vCPU each": not a total
    if own := _OWN_SENTENCE.match(value):
        return True, own.group(1)  # "48. If we went with 8xlarge nodes, that would be 96 vCPU.": the 48
    if threads := _THREADS_FIRST.match(value):
        return True, threads.group(1)  # "144 (threads, …; 72 physical cores)": the logical CPUs
    written = list(shapes.cpus(value))
    cpus = notdone.real(value, written)  # "64 vCPU requested, 48 vCPU allocated"
    if written and not cpus:
        return True, None  # "64 vCPU (requested)": no figure that is the deployment's
    totals = stated_totals(value, cpus)  # "6 nodes × 16 vCPU = 96 vCPU": the total, not a node's
    return (True, (totals or cpus)[0].value) if cpus else (False, None)


def _fit_integer(name: str, value: str) -> str | None:
    value = _YEAR_IN_TIME.sub(lambda m: " " * len(m.group(0)), value)  # "none yet, one planned for 2027"
    if _NONE.match(value):
        # a limit said none or left a dash (`Repository cap | -`) is no limit agreed, never a limit of 0
        return None if name in _LIMITS or emptysubset.empty_subset(value) else "0"
    if (
        _SPAN_OF_TIME.match(value)
        or _NUMERIC_DATE.match(value)
        or ((day := next(shapes.dates(value), None)) is not None and not value[: day.start].strip(" ~("))
    ):
        return None  # "1 business day", "14 August 2026", "10/20/2026": a time, never a count
    if name == "total_cpu" and (cpu := _fit_cpu(value))[0]:
        return cpu[1]
    if bounds.opens_bound(value):
        return None  # "more than 4,000", "north of 1.5k": a bound, no count (`read.bounds`)
    first = shapes.SIZE.search(value)
    hedged = _HEDGE_WORD.match(value.strip())  # "about six", "roughly a dozen": the figure hedged
    word = shapes.SPELT.match(value.strip(), hedged.end() if hedged else 0)
    aside = word is not None and "(" in value[: first.start()] if first else False  # "one (HLWMS, 9.8 GB)"
    if first and not re.search(r"\d", value[: first.start()]) and not aside:
        return None  # "ca. 0,8 TB": a size is never a count (in a spelt count's aside it is the aside's)
    if word and re.match(r"\s+and\s+a\s+half\b", value.strip()[word.end() :]):
        return None  # "two and a half": no whole count
    if word and not re.match(r"\s*\d", value.strip()[word.end() :]):
        return str(shapes.spelt_number(word.group(0)))  # "twelve hundred", "a dozen"
    # "1,312 on GitHub + 88 in CodeCommit, so 1,400 total", "… grew to 410, so the total is 2,110": the total
    stated = next(iter(repo_totals(value)), None)
    if stated:
        return shapes.canon(stated.group("n"))
    first = _FIRST_NUMBER.search(value)
    if first and (first.group("glued") or first.group("percent") or first.group("time")):
        return None  # "25%", "30 %" (a rate), "FY28" (a name), "1 business day" (a duration): no count
    value = notdone.current_part(value)  # "planned 3,000; today 1,500": the figure today
    count = shapes.leading_count(value)
    if name == "monorepos" and count and not count.isdigit():
        return None  # "… (2.4 gigs), …": a count of monorepos has no fraction
    return count


# a hedge on a count in words ("about six", "roughly a dozen", "circa twelve hundred"): the figure stated
_HEDGE_WORD = re.compile(
    r"(?:about|around|roughly|approximately|approx\.|circa|ca\.|some|~|≈)\s*(?=[a-z])", re.IGNORECASE
)


_PLANNED = (  # what a year before it opens: a plan or an event ("2024 split planned", "2026 target: 5,000")
    r"(?:split|plan\w*|target|goal|roadmap|migration|roll-?out|refresh|renewal|forecast|budget|projection|"
    r"estimate|onwards|wave|phase|cut-?over|go-?live)\b"
)
_YEAR_IN_TIME = opened(
    re.compile(  # a year a time word opens ("for 2027", "since 2024", "by Q3 2027"): no count
        r"\b(?:in|for|by|until|till|since|from|during|before|after|of|early|mid|late|end|Q[1-4]|H[12]|FY)"
        r"[\s-]+(?:19[89]\d|20\d\d)\b(?![.,]\d)|"
        r"\b(?:19[89]\d|20\d\d)(?=\s+(?:[a-z]+\s+)?" + _PLANNED + ")",
        # … or a year an event or plan follows ("… 2025 migration wave will split it; today 1")
        re.IGNORECASE,
    )
)
_YEAR_PLAN = re.compile(r"\s*(?:19[89]\d|20\d\d)\s+(?:[a-z]+\s+)?" + _PLANNED, re.IGNORECASE)
_PER_MACHINE_LABEL = re.compile(  # "Memory per node", "vCPU (each)", "RAM each"; not "each claim together"
    rf"\b(?:(?:each|every|per)\s+(?:{permachine.MACHINES})|apiece)\b|/\s*(?:{permachine.MACHINES})\b|\(\s*each\s*\)"
    r"|\beach\s*$",
    re.IGNORECASE,
)


def _shared_each(labels: list[str], values: list[str]) -> tuple[list[str], list[str]]:
    """The parts of a label and its value split at their slashes (`vCPU / RAM (GiB) per node | 16 /
    128`, `Cores / RAM | 8 / 64 GB each`), each with the per-machine words one end of the label or of
    the value holds (`per node`, `each`, `Per node …`): they qualify every field the label names, not
    only the one they are written beside."""
    marks = [m for p in labels if (m := _PER_MACHINE_LABEL.search(p))]
    if len(marks) == 1:
        words = marks[0].group(0).strip()
        labels = [p if _PER_MACHINE_LABEL.search(p) else f"{p.strip()} {words}" for p in labels]
    each = _EACH_VALUE.search(values[-1])
    if each and not any(_EACH_VALUE.search(v) for v in values[:-1]):
        values = [f"{v.strip()} {each.group(0).strip()}" for v in values[:-1]] + [values[-1]]
    return labels, values


_SPAN_OF_TIME = re.compile(
    rf"\W*(?:{shapes.NUMBER})\s*(?:business |working |calendar )?(?:min(?:ute)?s?|hours?|h|days?|weeks?|"
    r"months?|years?)\b",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"\W*\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")  # "9/1/2025", in whatever order
_FIRST_NUMBER = re.compile(
    rf"(?P<glued>[A-Za-z][-_]?)?(?:{shapes.NUMBER})(?P<percent>\s*%)?"
    r"(?P<time>\s+(?:(?:business|working|calendar)\s+)?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?|years?)\b)?",
    re.IGNORECASE,
)


_TIMES_FIGURE = re.compile(r"\s*\d+\s*[x×*]\s*\d")


def _fit_quantity(value: str, aliased: bool, name: str = "") -> str | None:
    if _PER_UNIT.search(value):
        return None  # "3 volumes of 1 TB each": not a total
    sizes = usage.capacities(value, list(shapes.sizes(value)))  # "2.1 TB used of 3 TB": 3 TB
    if len(sizes) == 1 and fell_short(value):
        return None  # "Memory was the mistake: 256 GB was not enough for zoekt": a past state
    if len(sizes) > 1 and (old := old_spans(value)):  # "1 TB at go-live, resized to 2 TB": 2 TB
        sizes = [m for m in sizes if not any(a <= m.start < b for a, b in old)] or sizes
    stated = stated_totals(value, sizes)
    if name in ONE_ITEM and stated:  # "engine-main at 15 GB; about 1.4 TB in all": one item's size
        one = one_size(sizes, stated)
        return one.value if one else None
    if stated:  # "gitserver 3 × 1 TB, other services 600 GB; 3.6 TB total": the total, not a part
        return stated[0].value
    if _TIMES_FIGURE.match(value):
        return value  # "6 × 500 GB": the size reader multiplies
    if sizes:
        return sizes[0].value
    return value if aliased and shapes.leading_number(value) else None


_ANSWERED_NO = re.compile(r"\W*(?:no|nope|not|never|declined|rejected|won['’]?t)\b", re.IGNORECASE)


def _as_said(label: str, value: str) -> tuple[str, int]:
    """A labelled value as the prose it says, and the offset of the value's text in it: `Label: value`;
    a question's label answered no and its answer as two sentences ("Should we move to 8 × m6i.2xlarge?"
    then "No — 4 × m6i.4xlarge stays"), so the question states nothing and the answer what it says (a
    question answered yes, "Do we index Gerrit as well? | Yes", is what the answer confirms)."""
    if label.rstrip().endswith("?") and _ANSWERED_NO.match(value):
        return f"{label.rstrip()} {value}", -len(label.rstrip()) - 1
    return f"{label}: {value}", -len(label) - 2


class LabelledReading(FactParts):
    """FactReader's reading of a label and its value."""

    # -- labelled values ---------------------------------------------------------------------
    def labelled(self, label: str, value: str, ctx: Context) -> tuple[str | None, list[Fact]]:
        """(the field the label names, the facts of the value, and the counts an aside in the label
        states of another field: "Largest repository (policy-engine, our one monorepo)"). A run of
        labelled values on the line (`users: 2k, concurrent: 250, repos: 8k`) is read pair by pair
        under the first label's context (`read.pairrun`) when that label names a field itself: under
        one naming another thing ("Build server: Jenkins, repos: 450", "Growth per year: users: 300,
        repos: 800") the pairs are that thing's."""
        if _VERDICT.match(value) and shapes.DIGIT.search(label):
            return None, []  # "CT-07 search across 150 GitLab projects: passed": a test's own figures
        value = without_left_out(value).rstrip()  # "3 × E16s_v5 (system pool 2 × D4s_v5 excluded)"
        value = sockets.without_breakdown(value).rstrip()  # "32 (4 sockets, 8 cores per socket)": 32
        cut = outside.said_from(value) if outside.outside(value) else 0
        if cut:  # "4 × m5.4xlarge → 64 vCPU. control plane is 3 × m5.xlarge, don't count it": the value ends
            name, facts = self.labelled(label, value[:cut].rstrip(), ctx)  # before the sentence saying so
            return name, facts + self.prose(value[cut:], ctx, offset=cut)
        if MAYBE_PARTS.search(value):  # "vCPU: 16 (dev) / 64 (prod)": the production part's
            value = production_part(value, self.env.spans) or value
        more = self._pair_run(label, value, ctx)[1]  # (the first value read whole, as any value is)
        name, facts = self._labelled(label, value, ctx)
        if name is None and one_machine(label):  # `Each server: 2 × 16-core …, 256 GB RAM`: one machine's
            facts = per_machine(facts, value)
        # "Monorepos: a-core, b-web": 2 (under the field's own label, when nothing else counted them)
        named = named_count(value) if self.label_field(label, ctx) == ("monorepos", "label") else None
        if named is not None and not any(f.field == "monorepos" for f in facts):
            facts.append(Fact("monorepos", str(named), value, "label", self.value_env(value, ctx)))
        if name == "repositories" and (bound := limits.bound_figure(value, repositories=True)) is not None:
            env = self.value_env(label, ctx)  # "Repos: ~3,100 (limit 5k)": the count and its limit
            facts.append(Fact("max_repositories", bound, value, "label", env))
        whole = {(f.field, f.value) for f in facts}  # (what the whole value gave already, once)
        for other, piece in more:
            said = self._labelled(other, piece, self.label_context(label, ctx))[1]
            facts += [f for f in said if (f.field, f.value) not in whole]
        if not self.tenant_row and scheduling.limits_label(label):  # "limits (set by the platform for us):
            stop = _SENTENCE_END.search(value)  # CPU 120 GHz, memory 448 GiB"; its first sentence only
            end = stop.start() if stop else len(value)  # ("Project quota: 96 vCPUs. We use 64 vCPU.")
            facts = [f for f in facts if f.field not in scheduling.FIELDS or f.start >= end]
        aside = _LABEL_ASIDE.search(label) if "(" in label else None
        if aside is not None and (
            shapes.DIGIT.search(aside.group(1)) or _COUNTED_WORD.search(aside.group(1))
        ):
            said = self._counts(aside.group(1), ctx)
            facts += [f for f in said if f.field not in (name, "repositories") and f.role != "mention"]
        return name, facts

    def _labelled(self, label: str, value: str, ctx: Context) -> tuple[str | None, list[Fact]]:
        labels, values = label.split("/"), value.split("/")
        if 1 < len(labels) == len(values) and all(
            p.strip() for p in labels + values
        ):  # "Cores / RAM | 8 / 32 GB"
            labels, values = _shared_each(
                labels, values
            )  # "vCPU / RAM (GiB) per node": each part one machine's
            pairs = [self._labelled(a.strip(), b.strip(), ctx) for a, b in zip(labels, values, strict=True)]
            if all(name for name, _ in pairs):
                return pairs[0][0], [f for _, facts in pairs for f in facts]
        ctx = self._value_context(label, value, ctx)
        name, how = _workers(self.label_field(label, ctx), label, value)
        if self._own_words(name, how, label, value, ctx) or self._counts_at(name, value, ctx):
            return None, self._by_own_words(
                name, value, ctx
            )  # the answer's own words say what its figures are
        name, value = _bounded(name, value)  # "Repositories: up to 3,000 (current 2,000)": the limit
        value = _whole_of(name, value)  # "CPU: 128 cores (32 per worker)": the whole, its breakdown aside
        name = name or self._aside_count(label, value)  # `GitHub Enterprise Cloud (corvidpay org): 4,870`
        if name != "instance_types" and typevalue.only_machines(
            label, value
        ):  # `Size: m5.4xlarge`: the machines
            name, how = "instance_types", "label meaning"
        if _no_value(name, label, value, self.tenant_row):
            return None, []
        if (
            how == "label meaning" and len(label_meanings(label)) > 1 and not self.code_hosts.find(label)
        ):  # "Größtes Repository (largest …)" (a host's aside is the host's: `host_label_meaning`)
            name = self.fitting_meaning(label, value, ctx) or name
        qualified = self._qualified(name, how, label, value, ctx)
        if qualified is not None:
            return name, qualified
        if (
            name is None
            or (
                name in _LIMITS
                and (_measured(value) or limits.bound_later(value, repositories=name == "max_repositories"))
            )  # "Last export (Oct): 1,630 active users of the 2,000 seats"; "1,100 (licensed for 1,200)"
            or (name in _COUNTS and not self.counts_itself(name, value, how, label))
            or (how == "label meaning" and name in AMOUNTS and _counts_other(value))
            or (how == "label meaning" and name in SIZES and is_growth(value))  # "… extended by 200 GB"
            or (name in _LIMITS and _told_growth(value))  # "Users: the sponsor talked about 1,500 eventually"
        ):  # "Volume: approximately 1.850 repositories, …": a label's meaning the value's noun belies
            return None, self._as_prose(name, label, value, ctx)
        if name == "repositories" and how != "label" and self.code_hosts.find(label):
            return None, self.host_count(label, value, ctx)
        stated = _label_amount(name, label)
        if stated is not None:  # "prd disk all-in ~2.6 TB: gitserver 2× 1 TB, zoekt 500 GB": the label's
            extra = self.prose(value, replace(ctx, topic=name))  # amount, the value its parts
            fact = Fact(
                name, stated.value, stated.text, "amount in the label", self.value_env(label, ctx), "total"
            )
            return name, [fact, *(x for x in extra if x.field != name)]
        parts = self.host_numbers(name, value, how, ctx) if name in ("repositories", "code_hosts") else []
        if parts:  # "Repo count by host: GitHub 1,000; GitLab 250"; "3,100 (GitHub 2,900, GitLab 200)"
            extra = self.prose(value, replace(ctx, topic=name))  # "…, about 1.4 TB of repository data"
            return name, parts + [x for x in extra if x.field not in ("repositories", "code_hosts")]
        return self.field_value(name, how, label, value, ctx)

    def _value_context(self, label: str, value: str, ctx: Context) -> Context:
        """The context a labelled value is read in: its label's (`label_context`), a limits one when the
        value says it is a bound ("Repositories | 3,000 | Upper bound of the design")."""
        ctx = self.label_context(label, ctx)
        return replace(ctx, limit=True) if not ctx.limit and limits.bound_note(value) else ctx

    def _own_words(self, name: str | None, how: str, label: str, value: str, ctx: Context) -> bool:
        """Whether a value is read by its own words, not by the meaning of its label's words: under a
        question asking how, which or whether (`How do users authenticate? | SAML 2.0 …`:
        `read.askedfor`), unless it opens with a bare figure only the question explains; or telling
        the build's dates itself under a label meaning one of them (`Delivery dates | Build of
        production 6 July to 17 July …`)."""
        if not name or not how.startswith("label meaning"):
            return False
        if asks_no_amount(label) and not needs_question(value):
            return True
        return name in _DATE_FIELDS and self._own_build_range(value, ctx)

    @staticmethod
    def _counts_at(name: str | None, value: str, ctx: Context) -> bool:
        """A value under a label naming a moment ("At go-live: 12,300 repositories, …") giving no date
        but a count with its noun (`_counts_at`), outside a dated heading."""
        return name in _DATE_FIELDS and not ctx.day and _counts_at(value, ctx.year)

    def _by_own_words(self, name: str | None, value: str, ctx: Context) -> list[Fact]:
        """A value's facts read by its own words; a count opening it, under a moment's label."""
        facts = self.prose(value, ctx)
        return facts + self.opening_count(value, ctx, facts) if self._counts_at(name, value, ctx) else facts

    def _own_build_range(self, value: str, ctx: Context) -> bool:
        """Whether a value under a label meaning a build date tells the build's dates itself: two dates
        or more, the words before the first naming the build or production ("Build of production 6 July
        2026 to 17 July 2026 (completed as planned). Validation: 20–31 July"): its own words say which
        date starts and which ends it, not the label's one meaning (a go-live, a delivery)."""
        found = list(shapes.dates(value, ctx.year)) if shapes.DIGIT.search(value) else []
        return len(found) >= 2 and self._names_build(value[: found[0].start])

    def _as_prose(self, name: str | None, label: str, value: str, ctx: Context) -> list[Fact]:
        """A labelled value read as the prose `Label: value`; under a label of a few words naming no
        field, a count opening the value ("Content: ~3.2k repositories, one monorepo"); under a label
        naming an aim ("Target: 5,000 repositories"), no count or amount."""
        said, at = _as_said(label, value)
        facts = self.prose(said, ctx, offset=at)
        if name is None and not ctx.limit and not ctx.host and _WORDS_LABEL.fullmatch(label.strip()):
            facts += self.opening_count(value, ctx, facts)
        if name is None and _AIM_LABEL.search(outside_brackets(label)):
            sized = _SIZED_AIM.search(label) is not None  # "Sizing target: 200 concurrent users": a limit
            facts = [f for f in facts if (sized and f.field in _LIMITS)
                     or (f.field not in _COUNTS and f.field not in AMOUNTS)]  # fmt: skip
        return facts

    def _qualified(
        self, name: str | None, how: str, label: str, value: str, ctx: Context
    ) -> list[Fact] | None:
        """The facts of a value its label qualifies: one machine's amount ("Memory per node: 64 GB",
        "vCPU (each): 16": role `each`, multiplied by the section's node count at the end, never a
        total itself), a limit bounding a headcount ("Users: 640 today, licence for 1,000"); else None."""
        if name is None:
            return None
        # (a value of figures alone: `16c ea`, not `4 × m6i.4xlarge (16 vCPU and 64 GiB each)`)
        each = (
            _EACH_VALUE.search(value)
            if name in AMOUNTS and _FIGURE_FIRST.match(value) and not shapes.INSTANCE_TYPE.search(value)
            else None
        )
        if name in AMOUNTS and (_PER_MACHINE_LABEL.search(label) or each):
            fitted = self.fit(name, value[: each.start()] if each else value, how == "label")
            env = self.value_env(label, ctx)
            return [Fact(name, fitted, value, "per machine", env, "each")] if fitted else []
        repos = name == "max_repositories"
        bound = limits.bound_figure(value, repos) if name in _LIMITS and not _measured(value) else None
        if bound is not None and any(k == "trial" for _, k in self.env.spans(value)):
            bound = self.fit(
                name, value, how == "label"
            )  # "200 (DR site sized for 50)": the other site's bound
        if bound is not None:
            return [Fact(name, bound, value, how, self.value_env(label, ctx))]
        return None

    def field_value(
        self, name: str, how: str, label: str, value: str, ctx: Context
    ) -> tuple[str | None, list[Fact]]:
        """A labelled value read as the field its label names, when it has that field's shape."""
        value = _in_label_unit(name, label, value)
        if self.repositories_size(name, label, value) or (name in SIZES and bare_size(label, ctx.topic)):
            name, how = "total_repo_size_gb", "label meaning"  # "All repositories together: 690 GB"
        elif (
            name == "total_repo_size_gb"
            and how == "label meaning"
            and _DISK.search(_head(label))
            and not _AMOUNT_OF.match(label)  # "Volume of Git data cloned": how much git data there is
        ):
            name = "total_disk_gb"  # "Disk for git data": the head noun is the disk
        if (name in _RANGED and valueranges.opens_with_range(value)) or _unsure_sum(name, value):
            return name, []  # "Disk: 1–2 TB", "Repositories: 1,000–5,000": a range, no value of the field
        parted = self.size_parts(name, value, ctx) if name in SIZES else None
        if parted is not None:
            return name, parted
        result = _result(value) or value  # `6 nodes × 16 vCPU = 96 vCPU`: the result, when it is of the field
        canonical = self.fit(name, result, how == "label", ctx.year) if result != value else None
        result = result if canonical is not None else value
        canonical = canonical or self.fit(name, value, how == "label", ctx.year)
        alone = text_alone(name, value)  # (`Region: us-east-1`: no other field's fact, read or not)
        other = (
            self.other_shape(name, label, value, ctx)
            if how == "label" and not self.label_alone(alone, label)
            else None
        )
        if other is not None:  # "Instance: 1 × m6i.8xlarge": a machine, no URL
            return None, other
        facts: list[Fact] = []
        if canonical is not None and name == "instance_types":  # "The cluster has 3 nodes: m6i.4xlarge"
            canonical = apart.counted_by_label(label, value, canonical)
        canonical = self.rival_count(name, value, ctx, canonical)
        if (
            canonical == ""
        ):  # "3,100 active, total: 3,500": rival figures, none sure: no value (line unplaced)
            return None, [x for x in self.prose(value, replace(ctx, topic=name)) if x.field != name]
        if canonical is not None:
            section = self.value_env(value, ctx, canonical if name == "instance_url" else "")
            total = name == "repositories" or (name in AMOUNTS and states_total(name, label, result))
            facts.append(Fact(name, canonical, value, how, section, "total" if total else ""))
        elif name == "instance_types" and (count := opencount.count_cell(value)) is not None:
            facts.append(Fact(name, count, value, how, ctx.section, "count"))  # ("" for `autoscaled`)
        if canonical is None:  # "GitHub Enterprise Server (github.internal): 6,100 repositories"
            topic = replace(ctx, topic=name) if name == "instance_types" else ctx  # "Nodes: 5, 8 vCPU each"
            said, at = _as_said(label, value)
            return None, facts + self.prose(said, topic, offset=at)
        if alone or value_alone(name, value) or self.named_alone(name, value):
            return name, facts  # (its prose reading gives no other field's fact: not read again)
        extra = self.prose(value, replace(ctx, topic=name))
        facts += [x for x in extra if x.field != name] + self._concurrent_beside(name, value, ctx, extra)
        return name, facts

    def _concurrent_beside(self, name: str, value: str, ctx: Context, extra: list[Fact]) -> list[Fact]:
        """The concurrent users a users value states beside its users ("user side: 800 users, 120
        concurrent"): the label's figure is the users the deployment is for, and the count said to be
        at one time beside it is that deployment's concurrency, read as a limit as the label's own
        figure is."""
        if name != "max_users" or any(x.field == "max_concurrent_users" for x in extra):
            return []
        limited = self.prose(value, replace(ctx, topic=name, limit=True))
        return [x for x in limited if x.field == "max_concurrent_users"]

    def label_alone(self, alone: bool, label: str) -> bool:
        """Whether `Label: value` read as prose gives no fact of another field, for a value `text_alone`
        admits (`alone`) under its field's own label: words alone (no bracket, no figure: `Region (as
        of 2026-09-10)` is read), naming no vocabulary's name (`AWS region` names the cloud)
        (`tests/test_gates.py`: every such label of the fields, written in other cases and spacings,
        before random values of the shapes, in contexts of every kind)."""
        return (
            alone
            and _PLAIN_LABEL.fullmatch(label) is not None
            and not any(v.find(label) for v in (self.hosting, self.deployment, self.code_hosts))
        )

    def named_alone(self, name: str, value: str) -> bool:
        """Whether `value` is the deployment type's or the cloud's own name as the catalogue writes it
        (`Kubernetes with Helm`, `AWS`) and names nothing of the other vocabularies (`Machine image (AWS
        AMI / Azure / GCE)` names AWS), a list of code hosts' names alone (`GitHub Enterprise Server,
        Bitbucket Data Center`: `hosts_alone`), or a site's address alone in which the names' reader
        finds nothing (no vocabulary's name, no platform's word such as `tanzu`, no code host's address):
        read as prose it gives no fact of another field (`tests/test_gates.py`, every such name in
        contexts of every kind)."""
        if name == "code_hosts":
            return self.hosts_alone(value)
        if name == "instance_url":  # a site's address alone, naming nothing the names' reader reads
            return _ADDRESS_ALONE.fullmatch(value) is not None and not self._may_name(value)
        if name == "deployment_type":
            own, others = self.deployment, (self.hosting, self.code_hosts)
        elif name == "hosting_provider":
            own, others = self.hosting, (self.deployment, self.code_hosts)
        else:
            return False
        f = self.catalogue.fields.get(name)
        vocabulary = f.vocabulary if f is not None else None
        return (
            vocabulary is not None
            and value in vocabulary.values
            and [x.value for x in own.find(value)] == [value]
            and not any(v.find(value) for v in others)
        )

    def hosts_alone(self, value: str) -> bool:
        """Whether `value` is code hosts' names (`Found` by the vocabulary) and nothing else but the
        commas, semicolons, slashes, ampersands and "and" between them, naming no cloud or deployment
        type (`Azure DevOps` names Azure)."""
        found = self.code_hosts.find(value)
        return (
            bool(found)
            and _BETWEEN_NAMES.fullmatch(mask(value, found)) is not None
            and not self.hosting.find(value)
            and not self.deployment.find(value)
        )

    def size_parts(self, name: str, value: str, ctx: Context) -> list[Fact] | None:
        """A size written as its named parts: their sum ("Disk: gitserver 2× 1 TB, zoekt 500 GB, pg 100
        GB": the parts are the whole), or none (parts one a line that do not add up plainly); else None."""
        summed = named_parts_total(value)
        if summed is not None:
            section = self.value_env(value, ctx)
            extra = [x for x in self.prose(value, replace(ctx, topic=name)) if x.field != name]
            return [Fact(name, summed, value, "sum of named parts", section, "total"), *extra]
        return [] if lists_parts(value) else None

    def rival_count(self, name: str, value: str, ctx: Context, canonical: str | None) -> str | None:
        """The count read (`canonical`) as `rivalcounts.settle` leaves it, from the count's own piece of
        its value: up to a label naming a field (another, "…, users: 1,400", or its own again, another
        thing's: "…, Artifactory repos: 450"); a code host's label is a part of it ("3,100 in GitHub,
        Bitbucket: 400"). "": rival figures, no value."""
        if canonical is None or name not in _RIVALLED or not _TWO_FIGURES.search(value):
            return canonical
        piece = pairrun.split(
            value, lambda w: self.label_field(w, ctx)[0] is not None and not self.code_hosts.find(w)
        )[0]
        if repo_totals(piece):  # "…, so the total is 2,110": the total it states
            return canonical
        settled = rivalcounts.settle(piece, name)
        return canonical if settled is None else settled

    @staticmethod
    def repositories_size(name: str, label: str, value: str) -> bool:
        """Whether a labelled size is the repositories' size: a size (no count before it) under a
        label naming the repositories ("All repositories together", "Repository data"), or whose head
        noun, before any place, is their data ("Git data on disk", "Code on disk"; "Disk for git data"
        is a disk)."""
        if name not in ("repositories", "total_disk_gb", "code_hosts"):
            return False
        size = next(shapes.sizes(value), None)
        if size is None or shapes.DIGIT.search(value[: size.start]):
            return False
        head = _head(label)
        return bool(_REPO_THING.search(head) and not _DISK.search(head))  # not one repository's

    def other_shape(self, name: str, label: str, value: str, ctx: Context) -> list[Fact] | None:
        """The facts of a catalogue label's value that lacks its field's shape but has another
        field's (`Instance: 1 × m6i.8xlarge` under the URL's alias), or None."""
        if self.fit(name, value, aliased=False, year=ctx.year) is not None:
            return None
        other = self.prose(f"{label}: {value}", ctx, offset=-len(label) - 2)
        return other if any(x.field != name for x in other) else None

    def label_context(self, label: str, ctx: Context) -> Context:
        """The context of a labelled value: the environment its label names ("Pilot: …"), a limit."""
        named = self.env.label_part(label)
        if named and ctx.section != "trial":
            ctx = replace(ctx, section=named)
        if limits.denied(label):
            return replace(ctx, limit=False)  # "Planning figure for 2028 (not contractual): 5,000 developers"
        return replace(ctx, limit=True) if is_limit(label) else ctx

    def fitting_meaning(self, label: str, value: str, ctx: Context) -> str | None:
        """Of the meanings of a label with a bracketed gloss, the first the value's shape fits."""
        fits = [n for n in label_meanings(label) if self.fit(n, value, aliased=False, year=ctx.year)]
        gloss = build_gloss(label) if _DATE_FIELDS[0] in fits or _DATE_FIELDS[1] in fits else None
        name = gloss if gloss in fits else fits[0] if fits else None  # "VMs handed over (build starts)"
        return "max_repositories" if name == "repositories" and ctx.limit else name

    @staticmethod
    def counts_itself(name: str, value: str, how: str, label: str) -> bool:
        """Whether a count field's labelled value is that field's count: not when the label holds
        the count itself ("one monorepo: mono-ehr, 3.2 GiB", "Two of them are monorepos: …"), nor,
        under a label read by meaning, when the noun after the value's number names another field
        ("Repository facts: one monorepo, …" counts monorepos, not repositories). A noun naming the wider
        count of the same things the label's field counts some of ("Concurrency agreed: 250 users at
        peak": concurrent users are users; "Repository cap: 5,000 repositories") says the unit, and the
        label which of them: the label's field (`_NARROWS`)."""
        bare = outside_brackets(label)  # "Monorepos (0 if none)": an aside's number is no count of the label
        if _LEADING_COUNT.match(bare) or _COUNT_IN_LABEL.search(bare):
            return False
        m = _LEADING_COUNT.match(value)
        if m is None or how != "label meaning":
            return True
        noun = value[m.end() :].split(maxsplit=1)[:1]
        other = label_meaning(noun[0]) if noun else None
        return other is None or other == name or _NARROWS.get(name) == other

    def _pair_run(self, label: str, value: str, ctx: Context) -> tuple[str, list[tuple[str, str]]]:
        """(the first value, the pairs after it) of a run of labelled values (`read.pairrun`): only
        under a first label that names a field its own value fits, with no time, plan, growth or other
        environment of its own the pairs would have to share ("Build server: Jenkins, repos: 450",
        "Users at go-live: 900, repos: 2,100", "Staging users: 40, repos: 300"), and no piece that is a
        part of the first value (a code host's count) or names another environment ("instance: POC",
        "UAT users: 12": the run may be all that one's)."""
        if ":" not in value or _LABEL_QUALIFIED.search(label) or is_growth(label) or is_planned(label):
            return value, []
        named = self.label_field(label, ctx)[0]
        f = self.catalogue.fields.get(named) if named else None
        if f is None and is_limit(label) and not limits.denied(label):
            name = "max_users"  # "Licence: 900 seats; concurrency: 120": a limits label
        elif f is None or f.type not in _FIGURES:
            return value, []  # (a figure's label: "Build server: Jenkins, repos: 450" is Jenkins's)
        else:
            name = f.name
        if self._trial_in(label):
            return value, []
        first, more = pairrun.split(value, lambda words: self.label_field(words, ctx)[0] is not None)
        if not more or self.fit(name, first, True) is None:
            return value, []
        hosts = bool(self.code_hosts.find(label))
        if any(
            (not hosts and self.code_hosts.find(other)) or self._trial_in(f"{other}: {piece}")
            for other, piece in more
        ):  # "Repositories: GitHub 3,100, GitLab: 400" (parts of the first), "Repos: 300; instance: POC"
            return value, []
        # a piece of the first one's field again, or with a time or plan of its own, is another thing's
        # ("Repos: 3,300, Artifactory repos: 450", "repos now: 3,300; repos planned: 5,000")
        # (one code host's count after another's is a part: "GitHub: 2,000 repos, GitLab: 1,300 repos")
        more = [
            (other, piece)
            for other, piece in more
            if (self.label_field(other, ctx)[0] != name or (hosts and self.code_hosts.find(other)))
            and not (_LABEL_QUALIFIED.search(other) or is_growth(other) or is_planned(other))
        ]
        return first, more

    def _trial_in(self, text: str) -> bool:
        return any(k == "trial" for _, k in self.env.spans(text))

    def label_field(self, label: str, ctx: Context) -> tuple[str | None, str]:
        """(the field a label names, how): a catalogue alias, else its meaning; a repository count
        in a limits part is the limit, a measurement or rate no limit; a go-live is weaker than a
        build said complete."""
        f = self.catalogue.field_for_label(label)
        name, how = (f.name, "label") if f is not None else (self.host_label_meaning(label), "label meaning")
        if name is None and f is None and (written := written_out(label, self.env.named)):
            name = label_meaning(
                written
            )  # a clipped word (`mono: 1 (policy-core, 12G .git)`): the word it clips
        if name == "completion_date" and f is None and not _DONE_WORD.search(mask_live(label)):
            how = "label meaning (go-live)"  # "Go-live: 27 March": weaker than "Build complete: 20 March"
        other = name in _DATE_FIELDS and otherevents.not_the_build(label, ctx.limit)
        if other and not self._names_build(label):
            name = None  # "Subscription start", a contract's "End date": another event's date
        if name == "repositories" and ctx.limit:
            name = "max_repositories"
        if name in AMOUNTS and is_limit(label) and not limits.denied(label):
            name = None  # "Storage quota: 10 TB", "vCPU quota: 384": a bound, not the amount
        if name in _LIMITS and limits.observed_label(label):
            name = None  # "Active users (approx.)", "User growth / year": a measurement, no limit
        if name in _LIMITS and ctx.observed and not is_limit(label):
            name = None  # "Users: 514" on a pasted site-admin page: today's accounts (`read.adminpage`)
        return name, how

    def opening_count(self, value: str, ctx: Context, facts: list[Fact]) -> list[Fact]:
        """Under a label that means no field ("Content", "Scope"), a value that opens with a count of
        repositories states what the line is about: that count is the repository count."""
        m = _OPENING_REPOS.match(value)
        if m is None or any(
            f.field in ("repositories", "max_repositories") and f.role != "part" for f in facts
        ):
            return []
        count = shapes.thousands(m.group("num"), m.group("k"))
        env = self.value_env(value, ctx)
        return [Fact("repositories", count, m.group(0).strip(), "count opening the value", env, "total")]

    def _aside_count(self, label: str, value: str) -> str | None:
        """A code host's label with a bracketed aside (its org, team or place) before a bare count
        (`GitHub Enterprise Cloud (corvidpay org): 4,870`), or a host's clipped name with the host's
        address in its aside (`gh (github.com/orrin-oss): 800 (public + forks)`): the host's
        repositories; else None. The count is the value's first sentence: what follows it ("450. That
        makes 3,150.", "450. 3,150 in total.") is a sentence of its own."""
        first = _NEXT_SENTENCE.split(value, maxsplit=1)[0]
        hosts = self.code_hosts.find(label) if _BARE_SENTENCE.fullmatch(first) else []
        if not hosts:
            return None
        outside = _HOST_ASIDE.sub("", label)
        if (
            len(hosts) == 1
            and hosts[0].start >= len(outside.rstrip())
            and clips_name(outside, hosts[0].value)
        ):
            return "repositories"  # `gh (github.com/orrin-oss): 800`: the host clipped, its address beside it
        return self.host_label_meaning(outside)

    def host_label_meaning(self, label: str) -> str | None:
        """A label's meaning from its words outside the code-host names in it ("Perforce Helix Core"
        names a host, no CPU cores); a label that is only hosts' names counts their repositories. An
        aside in brackets right after a host's name says which of its orgs or where it runs
        ("Bitbucket Server (payments-core, on-prem)"): it is the host's, no field."""
        hosts = self.code_hosts.find(label)
        if not hosts:
            return label_meaning(label)
        rest = masked = _AT_ADDRESS.sub(
            lambda m: " " * len(m.group(0)), mask(label, hosts)
        )  # "GitLab at git.acme.io"
        for h in hosts:
            aside = _HOST_ASIDE.match(rest, h.end)
            if aside:
                rest = rest[: h.end] + " " * len(aside.group(0)) + rest[aside.end() :]
        rest = _BREAKDOWN_WORDS.sub(" ", rest)  # a sub-row: "— from GHES", "of which GitLab"
        if re.search(r"[A-Za-z]", rest):
            return label_meaning(rest)
        return (
            "repositories" if rest == _BREAKDOWN_WORDS.sub(" ", masked) else None
        )  # (an aside: read as said; a bare count after it is the host's: `_aside_count`)

    def host_count(self, label: str, value: str, ctx: Context) -> list[Fact]:
        """`Azure Repos: ~1,900 repos`: a label naming a code host counts that host's repositories
        (a part of the total), never the total itself. The count is the value's first clause's: a
        clause after it stating all of them ("360 repositories; 2,500 repositories in all") is the
        total, no more of the host's."""
        facts = self.prose(f"{label}: {value}", ctx, offset=-len(label) - 2)
        own = _FIRST_CLAUSE.split(value, maxsplit=1)[0]
        facts = [x for x in facts if x.field != "repositories" or (x.role == "total" and x.text not in own)]
        host = self.code_hosts.find(label)[0].value
        if connection.unconnected(f"{label}: {value}", self.code_hosts.find(f"{label}: {value}")) >= {host}:
            return facts  # "Perforce depots from Rotterdam: planned for 2027", "GitHub.com: will be added"
        held = held_repositories(value)  # `Azure DevOps: 41 projects, 3,450 repositories`: the latter
        value = own if own.strip() and held is None else value
        count = held or self.fit("repositories", value, aliased=False)
        if count is not None and count.isdigit() and _own_count(value, count):
            section = self.value_env(value, ctx)
            facts.append(Fact("repositories", count, value, f"count for {host}", section, "part"))
        return facts

    def host_numbers(self, name: str, value: str, how: str, ctx: Context) -> list[Fact]:
        """`GitHub 1,000; GitLab 250`, `1,940 GitHub + 85 GitLab`, `1,312 on GitHub + 88 in CodeCommit`,
        `3,100 (GitHub 2,900, GitLab 200)`: a number right after each code host named, or right before
        it, is that host's part (every host must have one, all in the same order); a number before
        the first host that is no host's is the stated total; the hosts are the code hosts."""
        hosts = without_asides(value, self.code_hosts.find(value))  # not `GitHub (github.com/acme)` twice
        if not hosts:
            return []
        names = host_names([(h.value, value[h.start : h.end]) for h in hosts])
        facts = [Fact("code_hosts", ", ".join(v for v, _ in names), ", ".join(w for _, w in names), "named",
                      ctx.section, "", hosts[0].start)]  # fmt: skip
        parts = _numbers_after(value, hosts) or _numbers_before(value, hosts)
        if parts is None:
            return []
        first = re.match(rf"\D{{0,3}}?(?P<num>{shapes.NUMBER})(?P<k>k)?", value)
        stated = _COUNT_TOTAL.search(value, max(end for _, end, _ in parts))  # "…, so 1,400 total"
        if name == "repositories" and first and first.end() <= min(start for start, _, _ in parts):
            total = shapes.thousands(first.group("num"), first.group("k"))
            facts.append(Fact(name, total, value, how, ctx.section, "total"))
        elif name == "repositories" and stated:
            facts.append(Fact(name, shapes.canon(stated.group("n")), value, how, ctx.section, "total"))
        for h, (start, end, count) in zip(hosts, parts, strict=True):
            text = value[min(start, h.start) : max(end, h.end)]
            facts.append(Fact("repositories", count, text, f"count for {h.value}", ctx.section, "part"))
        return facts

    def value_env(self, value: str, ctx: Context, url: str = "") -> str:
        """A labelled value's environment: the context's, unless the value names one before its
        parenthesis ("64 vCPU in production"); an aside in brackets ("80 legacy repositories") is
        about something else."""
        if ctx.section == "trial" or (url and self.env.of_address(url) == "trial"):  # "URL: https://sg-stg.…"
            return "trial"
        head = _VALUE_HEAD.split(value, maxsplit=1)[0]  # ("2,000. The DR instance is …": the next sentence's)
        own = _OWN_CLAUSE.match(head)  # "Design 1,800; load test reached 2,400 on perf": the next clause's
        head = own.group(0) if own else head
        return self.env.at(head, len(head), ctx.section)

    def fit(self, name: str, value: str, aliased: bool, year: str = "") -> str | None:
        """`value` read as field `name` (canonical text), or None when it does not have that shape.
        `aliased`: the label is the field's own (a catalogue alias), so a value of no known shape is
        still the field's as written."""
        f = self.catalogue.fields.get(name)
        if f is None or not value.strip() or (name in _RANGED and valueranges.opens_with_range(value)):
            return None  # (a range, "1–2 TB", "1,000–5,000": neither end is the value)
        if f.type is FieldType.VOCABULARY:
            return self._fit_vocabulary(f.vocabulary, value)
        if f.type in (FieldType.INTEGER, FieldType.DATE):
            value = after_mark(value, f.type is FieldType.DATE)  # "Users: 1,500 — update: 2,000": the new one
        if f.type is FieldType.INTEGER:
            return _fit_count(name, value, aliased)
        if f.type is FieldType.QUANTITY:
            return _fit_quantity(value, aliased, name)
        found: str | None = None
        if f.type is FieldType.VOCABULARY_LIST:
            found_hosts = with_addresses(value, self.code_hosts.find(value))  # "gitlab.acme.de"
            off = connection.unconnected(value, found_hosts)  # per line and clause
            off |= tooling_only(value, found_hosts) | left_behind(value, found_hosts)  # "chart on GitHub"
            off |= moving_to(value, found_hosts)  # "… will be moved onto GitLab.com": not there yet
            found = ", ".join(v for v in dict.fromkeys(x.value for x in found_hosts) if v not in off) or None
        elif f.type is FieldType.INSTANCE_LIST:
            found = ", ".join(m.value for m in nodecount.counted(value, new_instances(value))) or None
            aliased = aliased and not value.strip().isdigit()
        elif f.type is FieldType.URL:
            found = next((m.value for m in shapes.urls(value)), None)
        elif f.type is FieldType.DATE:
            if tells_own_events(value, year):  # "… is finished: we started on 14 April and completed …"
                return None
            found = next((m.value for m in notdone.real(value, list(shapes.dates(value, year)))), None)
            if name == "completion_date" and found:  # "Live was built between 1 Jul and 24 Jul (sign-off)"
                found = next((last.value for _, last in shapes.ranges(value, year)), found)  # the range's end
        return found or (value if aliased else None)

    def _fit_vocabulary(self, vocab: Vocabulary | None, value: str) -> str | None:
        exact = vocab.lookup(value) if vocab else None
        if exact:
            return exact
        finder = self.deployment if vocab and vocab.name == "deployment_type" else self.hosting
        text = mask(value, self.code_hosts.find(value)) if finder is self.hosting else value
        found = weighed(text, finder.find(text))  # "…; Helm was considered but …": not Helm
        return found[0].value if found else None

    def site_address(self, url: str) -> bool:
        """A URL with no path whose host is no code host's (`gitlab.example.com`, `git.corp`,
        `p4.example.com`): what an instance URL looks like, unlike a wiki page or a dashboard."""
        site = _SITE.match(url)
        if site is None:
            return False
        labels = site.group(1).casefold().split(".")
        if labels[0] in _PUBLIC_SITE or labels == ["sourcegraph", "com"]:
            return False  # public pages (the vendor's site, docs., www., status.): no self-hosted instance
        return not any(label.startswith("git") for label in labels) and not any(
            self.code_hosts.find(text) for text in (site.group(1), *labels, *(x.upper() for x in labels))
        )

    def speaks_of_code(self, text: str) -> bool:
        """Whether a text speaks of code (repositories, projects, source …) apart from host names."""
        return bool(_CODE.search(mask(text, self.code_hosts.find(text))))


_LABEL_ASIDE = re.compile(r"\(([^()]{3,80})\)")
_COUNTED_WORD = re.compile(r"\b(?:one|two|three|four|five|no|none|single|only)\b", re.IGNORECASE)


# a test's verdict as a line's whole value: the label before it is the test, whose figures (the projects
# it searched, the users it simulated) are its sample or its load, never the deployment's own figures
_VERDICT = re.compile(r"\W*(?:passed|pass|failed|fail)\b(?![\w-])", re.IGNORECASE)
_OPENS_WITH_FIGURE = re.compile(
    r"\W*(?:(?:~|about|approx\w*|around|roughly|up\s+to|max\w*|ca\.?)\s*)?\d", re.IGNORECASE
)


def _told_growth(value: str) -> bool:
    """A label's value that is a sentence (it does not open with its figure) telling of growth or a
    plan ("Users: the sponsor talked about 1,500 eventually, once the magazines group is in"): what may
    come, told under the label of the field, not its figure (read as prose, where such a sentence is
    passed over). A value opening with its figure keeps its own reading ("1,200 (growing to 1,500)")."""
    return _OPENS_WITH_FIGURE.match(value) is None and is_growth(value)


def _measured(value: str) -> bool:
    """A limit's labelled value whose first count of people its own words measure ("1,630 active users
    of the 2,000 seats"): the line is read as prose, the count no limit."""
    first = next(limits.person_counts(value), None)
    return first is not None and limits.relation(value, first[0].start, first[0].end) == "observed"
