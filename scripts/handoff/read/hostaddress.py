"""A code host named by its address: `github.example.com`, `https://gitlab.acme.de`, `bitbucket.org/acme`.

People name a code host by the address they open as often as by its product. A careful reader knows
the public services by their domains (github.com, gitlab.com, bitbucket.org, dev.azure.com) and a
company's own server by the product its host name starts with (`github.acme.com`, `ghe.corp.example`:
GitHub Enterprise Server; `gitlab.acme.de`: GitLab Self-Managed; `bitbucket.…`, `stash.…`: Bitbucket
Server; `gerrit.…`, `p4.…`). So:

* `refined(text, found)`: a product named bare ("GitLab", "GitHub", "Bitbucket": the vocabulary's
  hosted service) while the same text gives that product's own-server address ("their GitLab instance
  at gitlab.acme.de") or names its self-hosted edition ("… from GitLab Self-Managed; the rest are
  still on GitLab"), or the words right after it say it is that edition ("Bitbucket, the Data Center
  one, on premises", "GitLab (self-managed)"), is the self-hosted edition;
* `by_address(text, found)`: the hosts a text names only by address (a product it names by name is
  not added twice). The callers take them where the text is about code hosts (a code-host label, a
  sentence about repositories), never from any address anywhere; the vendor's own addresses
  (`github.com/sourcegraph/…`) name no host of the customer's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from handoff.core.quickre import Pieces, quick
from handoff.read.found import Found, Implied

_GITHUB, _GHES = "GitHub.com", "GitHub Enterprise Server"
_GITLAB, _GLSM = "GitLab.com", "GitLab Self-Managed"
_BBC, _BBS = "Bitbucket Cloud", "Bitbucket Server / Data Center"
_ADO = "Azure DevOps"
_PUBLIC = {"github.com": _GITHUB, "gitlab.com": _GITLAB, "bitbucket.org": _BBC, "dev.azure.com": _ADO,
           "visualstudio.com": _ADO}  # fmt: skip
_OWN = (  # the first label of a company's own server's host name → its product
    (re.compile(r"github\w*|ghe|ghes", re.I), _GHES),
    (re.compile(r"gitlab\w*", re.I), _GLSM),
    (re.compile(r"bitbucket\w*|stash", re.I), _BBS),
    (re.compile(r"gerrit\w*", re.I), "Gerrit"),
    (re.compile(r"perforce|p4|helix", re.I), "Perforce"),
    (re.compile(r"tfs|azuredevops|ado", re.I), "Azure DevOps"),
    (re.compile(r"gitea|forgejo|gogs", re.I), "Other Git"),
)
_SELF_HOSTED = {_GITHUB: _GHES, _GITLAB: _GLSM, _BBC: _BBS}
_ADDRESS = re.compile(
    r"(?<![\w.@/-])(?:(?:https?|ssh|git)://)?(?:[\w.-]+@)?(?P<host>[A-Za-z][\w-]*(?:\.[A-Za-z0-9-]+)+)"
    r"(?::\d+)?(?P<path>/[^\s<>()\"',;]*)?",
)
_HOSTED_AFTER = re.compile(r"[^.;()]{0,12}\(?[^()]{0,30}\b(?:cloud|saas|dedicated|public)\b", re.IGNORECASE)
# words right after a bare name that make it the self-hosted edition: "Bitbucket, the Data Center one, on
# premises", "GitLab (self-managed)", "GitHub, the Enterprise Server one"
_OWN_AFTER = re.compile(
    r"[^.;()]{0,12}\(?[^.;()]{0,30}?\b(?:data[ -]?cent(?:er|re)|self[- ]?managed|self[- ]?hosted|"
    r"on[- ]?prem(?:ise|ises)?\b|enterprise server|server (?:one|edition|version)|"
    r"(?:our|their) own (?:server|instance))",
    re.IGNORECASE,
)
_OWN_GATE = quick(r"data|self|prem|server|own", re.IGNORECASE)
_VENDOR = re.compile(r"/sourcegraph(?:/|$)", re.IGNORECASE)  # the vendor's own repositories (its Helm chart)


def _product(host: str, path: str) -> str | None:
    host = host.casefold().rstrip(".")
    for domain, value in _PUBLIC.items():
        if host == domain or (host.endswith("." + domain) and domain == "visualstudio.com"):
            return None if _VENDOR.match(path or "") else value
    if re.fullmatch(r"git-codecommit\.[\w-]+\.amazonaws\.com", host):
        return "AWS CodeCommit"
    labels = host.split(".")
    if len(labels) < 2 or re.fullmatch(r"[\d.]+", host):
        return None
    return next((value for pattern, value in _OWN if pattern.fullmatch(labels[0])), None)


def _opening_words(pattern: re.Pattern[str]) -> list[str]:
    """The word each branch of a first label's pattern opens with (`github\\w*|ghe` → github, ghe):
    every label it matches (in full) holds one of them."""
    words = [re.fullmatch(r"([a-z0-9]+)(?:\\w\*)?", branch) for branch in pattern.pattern.split("|")]
    if not all(words):
        raise ValueError(f"a branch that is not a word: {pattern.pattern!r}")
    return [w.group(1) for w in words if w]


# Every address `_product` names a product by holds one of these (a word its first label opens with, a
# public domain, CodeCommit's): an ASCII text without any names no host by address (`may_name_host`).
_PRODUCT_PIECES = Pieces(
    *(word for pattern, _ in _OWN for word in _opening_words(pattern)), *_PUBLIC, "git-codecommit."
)


def may_name_host(text: str) -> bool:
    """False only when `addresses(text)` is empty: no dot, or an ASCII text holding none of the
    pieces a product's address has (`casefold` and `lower` agree on ASCII; other texts are read)."""
    return "." in text and (not text.isascii() or _PRODUCT_PIECES.possible(text))


def addresses(text: str) -> list[Found]:
    """The code hosts' addresses in `text`: the span of each host name, the product it names."""
    if not may_name_host(text):
        return []
    out = []
    for m in _ADDRESS.finditer(text):
        value = _product(m.group("host"), m.group("path") or "")
        if value:
            out.append(Found(m.start("host"), m.end("host"), value))
    return out


_DOT_OR_SPACE = re.compile(r"[.\s]")


def refined(text: str, found: Sequence[Found]) -> list[Found]:
    """`found` with each bare hosted-service name read as the self-hosted edition when `text` gives
    that edition's address and not the service's ("GitLab (gitlab.acme.de)")."""
    bare = [  # the family's bare name ("GitLab"), not a hosted product's own ("GitHub Enterprise Cloud")
        f
        for f in found
        if f.value in _SELF_HOSTED and not _DOT_OR_SPACE.search(text[f.start : f.end].strip())
    ]
    if not bare:
        return list(found)
    said = {id(f) for f in bare if _said_own(text, f, found)} if _OWN_GATE.search(text) else set()
    if "." not in text:
        return [replace(f, value=_SELF_HOSTED[f.value]) if id(f) in said else f for f in found]
    given = {a.value for a in addresses(text)} | {f.value for f in found if f not in bare}
    out = []
    for f in found:
        ours = (f in bare and _SELF_HOSTED[f.value] in given and f.value not in given) or id(f) in said
        if ours and not _HOSTED_AFTER.match(text, f.end):  # "GitHub (the new cloud org)": the service
            f = replace(f, value=_SELF_HOSTED[f.value])
        out.append(f)
    return out


def _said_own(text: str, f: Found, found: Sequence[Found]) -> bool:
    """Whether the words right after a bare name say it is the self-hosted edition ("Bitbucket, the
    Data Center one"), before any other name (whose qualifier they are: "GitHub, and our on-prem
    GitLab")."""
    m = _OWN_AFTER.match(text, f.end)
    return m is not None and not any(f.end <= g.start < m.end() + 16 for g in found)


def bare(text: str, f: Found) -> bool:
    """Whether a name found is a family's bare name ("GitLab", "GitHub"): the vocabulary's hosted
    service, written without what makes it one (`GitLab.com`, `GitLab SaaS`)."""
    return f.value in _SELF_HOSTED and not _DOT_OR_SPACE.search(text[f.start : f.end].strip())


def editions(document: str, found: Sequence[Found]) -> dict[str, str]:
    """The hosted services whose bare name stands for the self-hosted edition in a document (its
    text and the names found in it): the document names that edition (by name or by its own server's
    address: `GitLab Self-Managed`, `gitlab.acme.de`) and never the service itself (`GitLab.com`,
    `gitlab.com/acme`, `GitLab SaaS`). A careful reader reads the later bare "GitLab" (a repository's
    host in a table, "the GitLab API") as the GitLab the document is about."""
    given = {a.value for a in addresses(document)}
    named = given | {f.value for f in found if not bare(document, f)}
    return {hosted: own for hosted, own in _SELF_HOSTED.items() if own in named and hosted not in named}


def as_editions(text: str, found: Sequence[Found], editions: dict[str, str]) -> list[Found]:
    """`found` with each bare name of a service in `editions` read as its edition (`Implied`: it
    names the host, it denies it nowhere), unless words right after it make it the service
    ("GitLab (the cloud one)")."""
    return [
        Implied(f.start, f.end, editions[f.value])
        if f.value in editions and bare(text, f) and not _HOSTED_AFTER.match(text, f.end)
        else f
        for f in found
    ]


def by_address(text: str, found: Sequence[Found]) -> list[Found]:
    """The hosts `text` names only by address, of products `found` does not name."""
    named = {f.value for f in found}
    families = {_SELF_HOSTED.get(v, v) for v in named} | named
    out = []
    for a in addresses(text):
        known = a.value in families or _SELF_HOSTED.get(a.value, a.value) in families
        if not known and not any(f.start <= a.start < f.end for f in found):
            out.append(a)
            families.add(a.value)
    return out


def with_addresses(text: str, found: Sequence[Found]) -> list[Found]:
    """`found` refined, with the hosts named only by address added, in the order of the text."""
    named = refined(text, found)
    return sorted(named + by_address(text, named), key=lambda x: x.start)
