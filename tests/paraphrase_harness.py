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
