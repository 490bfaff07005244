"""A table of the customer's systems with no row for Sourcegraph: the estate, not the deployment.

An architecture review, an operations handbook or a security questionnaire sets Sourcegraph among the
systems around it in a table of their own (`Service | Location | Machines | Storage | Scale`, `System |
Role | Servers | Size`): the code hosts' servers and repository totals, the CI runners, the artifact
repository, the identity provider, the observability stack. Sourcegraph has no row there (it is what
the document is about); every figure in it is its row's system's. A careful reader takes the code hosts'
names from it (they are the hosts Sourcegraph reads) and nothing else: not their appliances' vCPU, not
their 11,300 repositories (the host's whole, not the part indexed), not the runners' machines.

`estate_tables(doc, catalogue)`: each table of a tab's body whose first column names systems row by
row (a header row over them, two columns of their facts at least), none of them Sourcegraph, no cell
anywhere naming Sourcegraph, at least one row a code host and at least one another system by a name
of its own (`services._kind`: not a role such as `Worker nodes` or `gitserver`, a product Sourcegraph
also runs such as PostgreSQL or Redis only beside as many named systems), a code host's row telling its
own servers (machines or CPU: `4-node cluster, each 8 vCPU / 32 GB`; a size alone may be the
repositories' own) and short values only (records, not a context diagram's descriptions): the other
systems' rows removed and the table made a list of its code hosts' names under a `Code host`
header. The input is not changed; the document itself is returned when no table is such.

A code hosts' table (every row a host) is not touched: its counts are what Sourcegraph reads. Nor is a
table naming Sourcegraph (`services.own_parts` reads those: Sourcegraph's row kept).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from handoff.core.fields import Catalogue
from handoff.read.doctext import as_dict, as_list, tab_contents
from handoff.read.forms import _copy
from handoff.read.markcolumns import _cell_text, _cells
from handoff.read.services import _PROSE_WORD, _blank, _first_body_row, _kind, _may_name_sourcegraph
from handoff.read.valuekinds import value_kinds
from handoff.read.vocab import Vocab

_MIN_ROWS = 2  # body rows: a host and another system at least
_MIN_COLUMNS = 3  # the system's name and at least two of its facts (its servers, its size …)
_SERVERS = frozenset({"machine", "cpu"})  # the kinds of value a system's own servers are told by
_MAX_WORDS = 16  # words (no figures) of a record's cell: more is a description, not a record


def estate_tables(doc: Any, catalogue: Catalogue) -> Any:
    """`doc` with each table of the estate's systems reduced to its code hosts' names (module doc)."""
    if not isinstance(doc, dict):
        return doc
    hosts = Vocab(catalogue, "code_host")
    found = [n for n, t in enumerate(_tables(doc)) if _estate(t, catalogue, hosts)]
    if not found:
        return doc
    out = _copy(doc)
    for n, t in enumerate(_tables(out)):
        if n in found:
            _hosts_only(t, hosts)
    return out


def _tables(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The tables of each tab's body, in order (not those nested in a cell: an estate is no cell's)."""
    for content in tab_contents(doc):
        for se in content:
            table = as_dict(as_dict(se).get("table"))
            if table:
                yield table


def _estate(t: dict[str, Any], catalogue: Catalogue, hosts: Vocab) -> bool:
    rows = as_list(t.get("tableRows"))
    if len(rows) < _MIN_ROWS + 1 or len(_cells(rows[0])) < _MIN_COLUMNS:
        return False
    subjects = [_cell_text(r, 0).strip() for r in rows]
    if not all(subjects[1:]):
        return False
    named = [bool(hosts.find(s)) for s in subjects]
    if not any(named[1:]) or all(named[1:]) or _may_name_sourcegraph(t):
        return False
    first = _first_body_row(rows)
    if first == 0:
        return False  # (a header row names the columns of a record per system)
    body, subjects, named = rows[first:], subjects[first:], named[first:]
    kinds = [_kind(s, catalogue) for s, host in zip(subjects, named, strict=True) if not host]
    if len(body) < _MIN_ROWS or not any(named) or "other" not in kinds:
        return False
    if not set(kinds) <= {"other", "product"} or kinds.count("product") > kinds.count("other"):
        return False
    hosted = " ".join(
        _cell_text(r, k)
        for r, host in zip(body, named, strict=True)
        if host
        for k in range(1, len(_cells(r)))
    )
    return bool(value_kinds(hosted) & _SERVERS) and all(
        len(_PROSE_WORD.findall(_cell_text(r, k))) <= _MAX_WORDS
        for r in body
        for k in range(1, len(_cells(r)))
    )


def _hosts_only(t: dict[str, Any], hosts: Vocab) -> None:
    """The table as a list of its code hosts under a `Code host` header: each host's row its name, the
    other cells blank (the header naming the systems' facts goes with the facts)."""
    rows = as_list(t.get("tableRows"))
    first = _first_body_row(rows)
    kept = [
        {**as_dict(r), "tableCells": [c if k == 0 else _blank(c) for k, c in enumerate(_cells(r))]}
        for r in rows[first:]
        if hosts.find(_cell_text(r, 0))
    ]
    head = _cells(rows[0])
    header = {**as_dict(rows[0]), "tableCells": [_titled(head[0]), *(_blank(c) for c in head[1:])]}
    t["tableRows"] = [header, *kept]
    t["rows"] = len(kept) + 1


def _titled(cell: Any) -> dict[str, Any]:
    """The header cell over the hosts' names, saying what they are."""
    run = {"textRun": {"content": "Code host\n", "textStyle": {}}}
    return {**as_dict(cell), "content": [{"paragraph": {"elements": [run]}}]}


__all__ = ["estate_tables"]
