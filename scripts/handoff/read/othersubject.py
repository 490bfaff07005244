"""A clause whose subject is another system: its figures are that system's, not Sourcegraph's.

A platform note names the tools beside Sourcegraph: "Jenkins runs on 4 × c5.2xlarge; Sourcegraph
runs on 2 × m6i.4xlarge", "Artifactory went live on 10 January 2024. Sourcegraph went live on 1
March 2025". A human gives each clause's machines, sizes, address, users and dates to the clause's
subject, and reads only Sourcegraph's.

A clause (a sentence, or a part of one after a semicolon or `, while` / `, whereas` / `, and`)
opens with its subject: up to four words before its verb (`runs`, `is`, `has`, `went`, …). Only a
paragraph that sets systems side by side is read this way: one of its clauses has Sourcegraph
itself as its subject ("Sourcegraph runs on …", "Sourcegraph's namespace is …"). There, a clause
that names neither Sourcegraph nor an address of it belongs to another system when its subject
holds a name (a capitalised word as written) that is none of: a name the catalogue's vocabularies
give the deployment (Kubernetes, AWS, EKS, …), an environment (`Staging`, a name the document
gives one), a component of Sourcegraph (gitserver, zoekt, …) or a generic role word (the
`services` module's words), a field's label, or a word that opens any sentence (`The`, `Each`,
`Everything`, an adverb in -ly, …). A lone clause about another system, with no Sourcegraph clause
beside it, is not read this way (too many subjects are the deployment's own code names).

A clause whose subject is a pronoun (`it`, `they`) or opens with a possessive one (`Its default pool`,
`Their nodes`) goes on with the subject of the clause before.

* Another system's clause gives no value.
* A code host's clause ("GitLab runs on one m5.4xlarge", "GitHub Enterprise has 3,400 users")
  gives none of its machines, sizes, address, users or dates: its repositories are still read.
"""

from __future__ import annotations

import re

from handoff.core.fields import Catalogue
from handoff.core.quickre import quick
from handoff.read.envwords import Environments
from handoff.read.fact import Fact
from handoff.read.services import _GENERIC, _PARTS, itself
from handoff.read.vocab import Vocab

_CLAUSE = re.compile(r";\s*|,\s+(?:and|while|whereas|but)\s+|\.\s+")
_SUBJECT = re.compile(
    r"^\W*(?:for\s+reference,\s*|by\s+contrast,\s*|meanwhile,\s*)?(?P<subject>(?:[\w.&'’-]+\s+){0,3}?[\w.&'’-]+)\s+"
    r"(?:runs|run|is|are|was|were|has|have|had|hosts|uses|sits|lives|builds|went|holds|serves|needs|gets|stores|"
    r"keeps|takes|requires|got|came|itself|indexes|indexed|searches|connects|syncs|mirrors|covers|reads|"
    r"autoscales|scales|spans|offers|provides|gives)\b",
    re.IGNORECASE,
)
_OPENERS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "our", "their", "we", "they", "each",
    "every", "all", "both", "everything", "nothing", "one", "two", "there", "here", "today", "now",
    "currently", "also", "then", "so", "and", "but", "for", "reference", "by", "contrast", "meanwhile",
    "total", "overall", "which", "what", "who", "some", "most", "none", "only", "just", "i", "he", "she",
    "where", "when", "how", "why", "whether", "will", "would", "can", "could", "should", "may", "might",
    "must", "does", "do", "did", "please", "note", "everyone", "everybody", "someone", "nobody", "anyone",
    "if", "once", "after", "before", "since", "until", "while", "as", "yes", "no", "not", "in", "on", "at",
    "with", "from", "of", "to", "q",
    # adverbs that sum up or conclude what the clauses before told ("Together that is 56 vCPU")
    "together", "altogether", "combined", "jointly", "thus", "hence", "therefore",
})  # fmt: skip
_PRONOUNS = frozenset({"it", "its", "it's", "they", "their", "this"})
_POSSESSIVES = frozenset(
    {"its", "their"}
)  # a subject of the clause before's: "Its default pool", "Their nodes"
_NAME = re.compile(r"[A-Z][\w.&-]*")
# a code host's own machine named right after it, then the clause's verb: "… server is", "… appliance itself
# is", "… VM has", "…'s server runs"
_MACHINE_NOUN = quick(
    r"(?:['’]s)?\s+(?:own\s+)?(?:server|appliance|instance|vm|virtual\s+machine|machine|box|host|controller)"
    r"(?:\s+itself)?\s+(?:is|was|runs|ran|has|had|sits|lives|uses)\b",
    re.IGNORECASE,
)
_HOST_OPENING = re.compile(r"\W*(?:(?:and|but|while|whereas)\s+)?(?:the\s+)?", re.IGNORECASE)
_HOST_FIELDS = frozenset(
    {
        "instance_types", "total_cpu", "total_memory_gb", "total_disk_gb", "instance_url", "max_users",
        "max_concurrent_users", "start_date", "completion_date",
    }
)  # fmt: skip


class OtherSubjects:
    """The clauses of a paragraph whose subject is another system (one per reader: its vocabularies)."""

    def __init__(self, catalogue: Catalogue, env: Environments) -> None:
        self.catalogue = catalogue
        self.env = env
        self.hosts = Vocab(catalogue, "code_host")
        self.names = [Vocab(catalogue, "deployment_type"), Vocab(catalogue, "hosting_provider")]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) in `text` of each clause whose subject is another system (`other`) or a
        code host (`host`); none unless a clause of `text` has Sourcegraph itself as its subject, but
        for a clause whose subject is a code host's own machine (`_host_machine`)."""
        if not _NAME.search(text):
            return []
        cuts = list(_CLAUSE.finditer(text))
        starts, ends = [0, *(m.end() for m in cuts)], [*(m.start() for m in cuts), len(text)]
        machines = (
            [(a, b, "host") for a, b in zip(starts, ends, strict=True) if self._host_machine(text[a:b])]
            if _MACHINE_NOUN.search(text)  # (a clause's match is one in the text: `_host_machine`)
            else []
        )
        if "ourcegraph" not in text or not self._sourcegraph_subject(text, starts, ends):
            return machines
        subjects = [(a, b, _SUBJECT.match(text[a:b])) for a, b in zip(starts, ends, strict=True)]
        out = []
        kind = ""
        for a, b, m in subjects:
            own = m is not None and "ourcegraph" not in text[a:b]
            if (
                own
                and m is not None
                and (
                    m.group("subject").lower() in _PRONOUNS
                    or m.group("subject").split()[0].lower() in _POSSESSIVES
                )
            ):
                pass  # ("…; it is reached at …", "Its default pool scales …": the subject before goes on)
            else:
                kind = self._kind(m.group("subject")) if own and m is not None else ""
            if kind:
                out.append((a, b, kind))
        return out + [x for x in machines if not any(a == x[0] for a, _, _ in out)]

    @staticmethod
    def _sourcegraph_subject(text: str, starts: list[int], ends: list[int]) -> bool:
        """Whether a clause of `text` (cut at `starts`, `ends`) has Sourcegraph itself as its subject:
        only a clause naming Sourcegraph can (its subject is a part of it, `itself` wants the name)."""
        for a, b in zip(starts, ends, strict=True):
            clause = text[a:b]
            if "sourcegraph" in clause.lower():
                m = _SUBJECT.match(clause)
                if m is not None and itself(m.group("subject")):
                    return True
        return False

    def _host_machine(self, clause: str) -> bool:
        """Whether a clause opens with a code host's own machine as its subject, before its verb ("The
        Perforce Helix Core server is a physical machine … with 48 cores and 512 GB", "the GitHub
        Enterprise Server appliance itself is an r5.2xlarge"): the machine the code host runs on, whose
        sizes are the code host's (the deployment is never called after a code host), in any
        paragraph."""
        if not _MACHINE_NOUN.search(clause):
            return False
        found = self.hosts.find(clause[:80])
        if not found or found[0].start > 8:
            return False
        opening = clause[: found[0].start]
        return _HOST_OPENING.fullmatch(opening) is not None and bool(
            _MACHINE_NOUN.match(clause, found[0].end)
        )

    @staticmethod
    def without_others(facts: list[Fact], at: int, spans: list[tuple[int, int, str]]) -> list[Fact]:
        """`facts` (their offsets counted from `at` in the paragraph) without those the clauses of
        `spans` give to another system."""
        if not spans or not facts:
            return facts
        out = []
        for f in facts:
            kind = next((k for a, b, k in spans if a <= at + f.start < b), "")
            if kind == "other" or (kind == "host" and f.field in _HOST_FIELDS):
                continue
            out.append(f)
        return out

    def _kind(self, subject: str) -> str:
        if "sourcegraph" in subject.lower() or self.catalogue.field_for_label(subject) is not None:
            return ""
        if any(v.find(subject) for v in self.names) or self.env.named(subject):
            return ""
        if self.hosts.find(subject):
            return "host"
        for word in subject.split():
            word = word.strip(".,'’").removesuffix("'s").removesuffix("’s")
            low = word.lower()
            if not _NAME.fullmatch(word) or low in _OPENERS or low in _GENERIC or low in _PARTS:
                continue
            if low.endswith("ly"):
                continue  # an adverb opening the clause ("Initially the team had …")
            return "other"
        return ""


__all__ = ["OtherSubjects"]
