"""The shared harness of the one-fact probe files that compare a few fields of `handoff check`'s view:
a probe body as a document, its pytest parameters, and the comparison (a wrong value fails, and a
missing one too unless the probe is listed as not read yet)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields

Probe = tuple[str, str, Any, dict[str, Any]]


def _paragraph(text: str) -> dict[str, Any]:
    style = "HEADING_2" if text.startswith("## ") else "NORMAL_TEXT"
    run = {"textRun": {"content": text.removeprefix("## ") + "\n", "textStyle": {}}}
    return {"paragraph": {"elements": [run], "paragraphStyle": {"namedStyleType": style}}}


def probe_document(wraps: Mapping[str, str], wrapper: str, body: Any) -> dict[str, Any]:
    """The probe as a document: HTML inside one of `wraps` (a `{}` for the body), or, for the wrapper
    `json`, a Docs API document of the body's lines as paragraphs (`## ` opens a heading)."""
    if wrapper == "json":
        content = [_paragraph(line) for line in body]
        tab = {"tabProperties": {"tabId": "t.0", "title": "Tab 1", "index": 0}}
        return {"title": "TDD", "tabs": [{**tab, "documentTab": {"body": {"content": content}}}]}
    return html_document(f"<html><body>{wraps[wrapper].format(body)}</body></html>")


def probe_params(probes: Iterable[Probe], missing: frozenset[str], wrong: frozenset[str]) -> list[Any]:
    """One pytest parameter per probe: (wrapper, body, expect, missing?), a strict xfail if still wrong."""
    out = []
    for pid, wrapper, body, expect in probes:
        marks = [pytest.mark.xfail(strict=True, reason="still read wrong")] if pid in wrong else []
        out.append(pytest.param(wrapper, body, expect, pid in missing, id=pid, marks=marks))
    return out


def check_probe(
    catalogue: Catalogue,
    document: dict[str, Any],
    fields: Mapping[str, str],
    expect: dict[str, Any],
    missing: bool,
) -> None:
    """Each field of `fields` (short name → field) is the expected value (a tuple: any of those), or
    absent where `expect` does not name it; a probe not read yet may also give nothing."""
    view = tdd_fields(read_document(document, catalogue).values, catalogue)
    for short, name in fields.items():
        want = expect.get(short)
        allowed = want if isinstance(want, tuple) else (want,)
        fv = view.fields.get(name)
        got = None if fv is None or name in view.conflicted else fv.to_json()["value"]
        assert got in (*allowed, None) if missing else got in allowed, (name, got, allowed)


def check_probe_list(
    probes: Iterable[Probe], least: int, missing: frozenset[str], wrong: frozenset[str]
) -> None:
    """The probes are at least `least`, each named once, and the lists name only probes that exist."""
    ids = [p[0] for p in probes]
    assert len(ids) >= least
    assert len(set(ids)) == len(ids)
    assert set(ids) >= missing | wrong
