"""The shared harness of the trap probes (tests/test_tdd_traps_*.py): small documents in many layouts
where a figure the answer keys forbid (another environment's, a hypothetical or an option, an estimate
or rule of thumb, a plan not done, a quote from another document, one node's figure, a shared whole,
a capacity or quota, a forecast) sits beside the production one, and the same documents without it.

Each probe names the production value of its fields (None: nothing may be returned). Two checks:
`never wrong` (the field is the value or withheld) for every probe, and `read` (the field is the
value) for every probe but the ones listed as withheld today (`GAPS`). A probe still read wrong is a
strict xfail in both (`WRONG`), with its reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields

FIELDS = {
    "D": "total_disk_gb",
    "C": "total_cpu",
    "M": "total_memory_gb",
    "T": "instance_types",
    "H": "code_hosts",
    "R": "repositories",
    "S": "start_date",
    "E": "completion_date",
    "U": "max_users",
}

WRAPS = {
    "prod": "<h1>Sourcegraph TDD</h1><h2>Production</h2>{}",
    "bare": "<h1>Sourcegraph TDD</h1>{}",
    "infra": "<h1>Acme – Sourcegraph technical design</h1><h2>3. Infrastructure</h2>{}",
}

Probe = tuple[str, str, Any, dict[str, Any]]


def T(*rows: tuple[str, ...]) -> str:
    """A table of plain cells, one tuple of cell texts per row."""
    cells = ("".join(f"<td><p>{c}</p></td>" for c in r) for r in rows)
    return "<table>" + "".join(f"<tr>{c}</tr>" for c in cells) + "</table>"


def P(*paragraphs: str) -> str:
    """Paragraphs."""
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def UL(*items: str) -> str:
    """A bullet list (an item may hold its own nested list)."""
    return "<ul>" + "".join(f"<li>{x}</li>" for x in items) + "</ul>"


def H(level: int, text: str) -> str:
    """A heading."""
    return f"<h{level}>{text}</h{level}>"


def _paragraph(text: str) -> dict[str, Any]:
    style = "HEADING_2" if text.startswith("## ") else "NORMAL_TEXT"
    run = {"textRun": {"content": text.removeprefix("## ") + "\n", "textStyle": {}}}
    return {"paragraph": {"elements": [run], "paragraphStyle": {"namedStyleType": style}}}


def TABS(*tabs: tuple[str, list[str]]) -> list[tuple[str, list[str]]]:
    """A Docs API document's tabs: (title, its lines; `## ` opens a heading)."""
    return list(tabs)


def document(wrapper: str, body: Any) -> dict[str, Any]:
    """The probe as a document: HTML in one of `WRAPS`, or (`tabs`) a Docs API document of tabs."""
    if wrapper == "tabs":
        out = []
        for i, (title, lines) in enumerate(body):
            content = [_paragraph(line) for line in lines]
            props = {"tabId": f"t.{i}", "title": title, "index": i}
            out.append({"tabProperties": props, "documentTab": {"body": {"content": content}}})
        return {"title": "Sourcegraph TDD", "tabs": out}
    return html_document(f"<html><body>{WRAPS[wrapper].format(body)}</body></html>")


def _norm(value: Any) -> Any:
    if isinstance(value, list):
        return sorted(str(v).replace(" ", "").lower() for v in value)
    return value


def got(catalogue: Catalogue, wrapper: str, body: Any) -> dict[str, Any]:
    """Field → the value the reader returns (None: withheld, absent or conflicted)."""
    view = tdd_fields(read_document(document(wrapper, body), catalogue).values, catalogue)
    out: dict[str, Any] = {}
    for name, fv in view.fields.items():
        out[name] = None if name in view.conflicted else _norm(fv.to_json()["value"])
    return out


def params(
    probes: Iterable[Probe], wrong: Mapping[str, str], gaps: frozenset[str] = frozenset()
) -> list[Any]:
    """One pytest parameter per probe: (wrapper, body, expect), a strict xfail if wrong (or in `gaps`)."""
    out = []
    for pid, wrapper, body, expect in probes:
        reason = wrong.get(pid) or ("withheld today: a gap, never a wrong value" if pid in gaps else "")
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(wrapper, body, expect, id=pid, marks=marks))
    return out


def check(catalogue: Catalogue, wrapper: str, body: Any, expect: dict[str, Any], withheld_ok: bool) -> None:
    """Each field of `expect` is its value (a tuple: any of those; None: nothing returned), or withheld
    where `withheld_ok`."""
    values = got(catalogue, wrapper, body)
    for short, want in expect.items():
        name = FIELDS[short]
        have = values.get(name)
        allowed = tuple(_norm(w) for w in want) if isinstance(want, tuple) else (_norm(want),)
        allowed += (None,) if withheld_ok else ()
        assert have in allowed, (name, have, want)


def check_list(probes: list[Probe], least: int, wrong: Mapping[str, str], gaps: frozenset[str]) -> None:
    """The probes are at least `least`, each named once, and the lists name only probes that exist."""
    ids = [p[0] for p in probes]
    assert len(ids) >= least
    assert len(set(ids)) == len(ids)
    assert set(ids) >= set(wrong) | gaps


def probe_tests(
    probes: Iterable[Probe], count: int, wrong: Mapping[str, str], gaps: frozenset[str]
) -> tuple[Any, Any, Any]:
    """One probe file's three tests, to bind at its module level: the list is whole (`count`
    probes, every listed name one of them), every probe is never wrong, and every probe not in
    `gaps` is read."""
    probes = list(probes)

    def test_the_probes() -> None:
        check_list(probes, count, wrong, gaps)

    @pytest.mark.parametrize(("wrapper", "body", "expect"), params(probes, wrong))
    def test_never_wrong(wrapper: str, body: Any, expect: dict[str, Any], catalogue: Catalogue) -> None:
        check(catalogue, wrapper, body, expect, withheld_ok=True)

    @pytest.mark.parametrize(("wrapper", "body", "expect"), params(probes, wrong, gaps))
    def test_read(wrapper: str, body: Any, expect: dict[str, Any], catalogue: Catalogue) -> None:
        check(catalogue, wrapper, body, expect, withheld_ok=False)

    return test_the_probes, test_never_wrong, test_read
