"""What the paraphrase probes of machine facts share (tests/test_read_paraphrased_machines*.py).

A probe is `(id, wrap, body, want)`: `body` is HTML put inside one of `WRAPS` (a production section,
or a document naming no environment), `want` maps a field to the value a careful TA would record,
None meaning nothing may be returned. `params` makes them pytest parameters, a probe named in
`still_wrong` a strict expected failure with its reason; `check` reads a probe and compares.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields

WRAPS = {
    "prod": "<h1>Sourcegraph TDD</h1><h2>Production</h2>{body}",
    "bare": "<h1>Sourcegraph TDD</h1>{body}",
}

IT = "instance_types"
CPU = "total_cpu"
MEM = "total_memory_gb"
DISK = "total_disk_gb"

Probe = tuple[str, str, str, dict[str, Any]]


def read_wrapped(wrap: str, body: str, catalogue: Catalogue) -> dict[str, Any]:
    """Field -> the value the TDD view gives, conflicted fields left out."""
    html = "<html><body>" + WRAPS[wrap].replace("{body}", body) + "</body></html>"
    view = tdd_fields(read_document(html_document(html), catalogue).values, catalogue)
    return {n: fv.to_json()["value"] for n, fv in view.fields.items() if n not in view.conflicted}


def same(field: str, want: Any, got: Any) -> bool:
    """Instance lists alike but for case and spaces; numbers within 1%, or a GiB figure converted."""
    if got is None:
        return False
    if field == IT:
        return sorted(e.casefold().replace(" ", "") for e in got) == sorted(
            e.casefold().replace(" ", "") for e in want
        )
    return abs(float(got) - want) <= 0.01 * want or abs(float(got) - want * 1.073741824) <= 0.011 * want


def params(probes: Sequence[Probe], still_wrong: Mapping[str, str]) -> list[Any]:
    out = []
    for pid, wrap, body, want in probes:
        marks = [pytest.mark.xfail(strict=True, reason=still_wrong[pid])] if pid in still_wrong else []
        out.append(pytest.param(wrap, body, want, id=pid, marks=marks))
    return out


def check(wrap: str, body: str, want: dict[str, Any], catalogue: Catalogue) -> None:
    got = read_wrapped(wrap, body, catalogue)
    for field, value in want.items():
        if value is None:
            assert got.get(field) is None, (field, got.get(field))
        else:
            assert same(field, value, got.get(field)), (field, value, got.get(field))


# the paraphrase probes of facts and traps (tests/test_read_paraphrased_facts.py, ..._traps.py):
# fields by short codes, the wraps as format strings, code hosts by their catalogue names, HTML pieces
FIELD_CODES = {
    "DT": "deployment_type",
    "HP": "hosting_provider",
    "IT": "instance_types",
    "CPU": "total_cpu",
    "MEM": "total_memory_gb",
    "D": "total_disk_gb",
    "URL": "instance_url",
    "H": "code_hosts",
    "R": "repositories",
    "M": "monorepos",
    "L": "largest_repo_mb",
    "G": "total_repo_size_gb",
    "U": "max_users",
    "CU": "max_concurrent_users",
    "MR": "max_repositories",
    "S": "start_date",
    "C": "completion_date",
}
WRAP_FORMATS = {name: wrap.replace("{body}", "{}") for name, wrap in WRAPS.items()}
GHES, GLSM, BBDC, BBC = (
    "GitHub Enterprise Server",
    "GitLab Self-Managed",
    "Bitbucket Server / Data Center",
    "Bitbucket Cloud",
)
ADO, GHC, GLC, GERRIT, P4, CC = (
    "Azure DevOps",
    "GitHub.com",
    "GitLab.com",
    "Gerrit",
    "Perforce",
    "AWS CodeCommit",
)


def html_row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td><p>{c}</p></td>" for c in cells) + "</tr>"


def html_table(*rows: tuple[str, ...]) -> str:
    return "<table>" + "".join(html_row(*r) for r in rows) + "</table>"


def html_list(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
