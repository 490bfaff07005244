"""Probes of a machines table's count column: a row number is never a count, a count cell without a
number gives no count.

Each probe is a short production table (HTML export or Docs API JSON) read through the whole reader
and the TDD view. `RIGHT` holds the probes read right: the field's value as keyed (None: the field
must be absent, as when a node pool's count is `autoscaled`, `TBD` or a range: the document states
no number of machines, and `1 ×` or the range's first end would be a count it never wrote).
`KNOWN_WRONG` holds probes still read wrong, as strict expected failures (a fix moves them to
`RIGHT`). Instance types compare as a set of (count, type) pairs, ignoring case and spaces.
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields


def tbl(*rows: tuple[str, ...]) -> str:
    cells = ("".join(f"<td><p>{c}</p></td>" for c in r) for r in rows)
    return "<table>" + "".join(f"<tr>{c}</tr>" for c in cells) + "</table>"


def _para(text: str, style: str = "NORMAL_TEXT") -> dict[str, Any]:
    run = {"textRun": {"content": text + "\n", "textStyle": {}}}
    return {"paragraph": {"elements": [run], "paragraphStyle": {"namedStyleType": style}}}


def docs_table(*rows: tuple[str, ...]) -> dict[str, Any]:
    """A Docs API document: title, a `Production` heading, then the table."""
    cell = lambda t: {"content": [_para(t)], "tableCellStyle": {"rowSpan": 1, "columnSpan": 1}}  # noqa: E731
    table = {"rows": len(rows), "columns": len(rows[0])}
    table["tableRows"] = [{"tableCells": [cell(c) for c in r]} for r in rows]  # type: ignore[assignment]
    body = [_para("Sourcegraph TDD", "HEADING_1"), _para("Production", "HEADING_2"), {"table": table}]
    tab = {
        "tabProperties": {"tabId": "t.0", "title": "Tab 1", "index": 0},
        "documentTab": {"body": {"content": body}},
    }
    return {"title": "TDD", "documentId": "x", "tabs": [tab]}


_WRAPS = {
    "prod": "<h1>Sourcegraph TDD</h1><h2>Production</h2>{body}",
    "bare": "<h1>Sourcegraph TDD</h1>{body}",
    "bom": "<h1>Sourcegraph – order confirmation</h1><h2>Bill of materials</h2>{body}",
}
M3 = ["3 × m6i.4xlarge"]
POOL = ("Pool", "Instance type", "Nodes")

RIGHT: list[tuple[str, str, Any, dict[str, Any]]] = [
    # a row-number column beside the count column: the count is the count column's
    (
        "rn-hash-qty",
        "prod",
        tbl(("#", "Item", "Type", "Qty"), ("1", "EKS node", "m6i.4xlarge", "3")),
        {"instance_types": M3},
    ),
    (
        "rn-hash-quantity",
        "bom",
        tbl(("#", "Item", "Type", "Quantity"), ("1", "EKS worker", "m6i.4xlarge", "3")),
        {"instance_types": M3},
    ),
    (
        "rn-hash-type-first",
        "prod",
        tbl(("#", "Instance type", "Qty", "Role"), ("1", "m6i.4xlarge", "3", "workers")),
        {"instance_types": M3},
    ),
    (
        "rn-hash-nodes-bare",
        "bare",
        tbl(("#", "Node group", "Instance type", "Nodes"), ("1", "general", "m6i.4xlarge", "3")),
        {"instance_types": M3},
    ),
    (
        "rn-hash-count-row2",
        "prod",
        tbl(("#", "Component", "Type", "Count"), ("2", "Search nodes", "c6i.4xlarge", "4")),
        {"instance_types": ["4 × c6i.4xlarge"]},
    ),
    (
        "rn-no-qty",
        "prod",
        tbl(("No.", "Item", "Type", "Qty"), ("1", "EKS node", "m6i.4xlarge", "3")),
        {"instance_types": M3},
    ),
    (
        "rn-line-quantity",
        "bom",
        tbl(("Line", "Item", "Type", "Quantity"), ("1", "EKS node", "m6i.4xlarge", "3")),
        {"instance_types": M3},
    ),
    (
        "rn-pos-count",
        "prod",
        tbl(("Pos.", "Item", "Type", "Count"), ("1", "EKS node", "m6i.4xlarge", "3")),
        {"instance_types": M3},
    ),
    (
        "rn-item-nodes",
        "prod",
        tbl(("Item", "Component", "Type", "Nodes"), ("1", "EKS node", "m6i.4xlarge", "3")),
        {"instance_types": M3},
    ),
    (
        "rn-hash-desc",
        "bom",
        tbl(("#", "Description", "Qty"), ("1", "EKS worker node m6i.4xlarge", "3")),
        {"instance_types": M3},
    ),
    (
        "rn-sno-two",
        "prod",
        tbl(
            ("S.No.", "Item", "Type", "Qty"),
            ("1", "EKS node", "m6i.4xlarge", "3"),
            ("2", "Gitserver", "r6i.2xlarge", "2"),
        ),
        {"instance_types": [*M3, "2 × r6i.2xlarge"]},
    ),
    (
        "rn-hash-three",
        "prod",
        tbl(
            ("#", "Item", "Type", "Qty"),
            ("1", "EKS node", "m6i.4xlarge", "3"),
            ("2", "Gitserver", "r6i.2xlarge", "2"),
            ("3", "Search", "c6i.4xlarge", "4"),
        ),
        {"instance_types": [*M3, "2 × r6i.2xlarge", "4 × c6i.4xlarge"]},
    ),
    (
        "rn-hash-json",
        "docs",
        docs_table(("#", "Item", "Type", "Qty"), ("1", "EKS node", "m6i.4xlarge", "3")),
        {"instance_types": M3},
    ),
    # a count cell stating no number: no machines value, and no total worked out from a count
    ("nc-autoscaled", "prod", tbl(POOL, ("default", "m6i.4xlarge", "autoscaled")), {"instance_types": None}),
    ("nc-auto", "bare", tbl(POOL, ("default", "m6i.4xlarge", "auto")), {"instance_types": None}),
    (
        "nc-range",
        "prod",
        tbl(POOL, ("default", "m6i.4xlarge", "2–6 (autoscaling)")),
        {"instance_types": None},
    ),
    (
        "nc-min",
        "prod",
        tbl(("Node pool", "Machine type", "Count"), ("main", "n2-standard-16", "min 3")),
        {"instance_types": None},
    ),
    ("nc-hpa", "prod", tbl(POOL, ("default", "m6i.4xlarge", "HPA")), {"instance_types": None}),
    ("nc-na", "prod", tbl(POOL, ("default", "m6i.4xlarge", "n/a")), {"instance_types": None}),
    (
        "nc-tbd",
        "prod",
        tbl(("Node pool", "Machine type", "Count"), ("main", "n2-standard-16", "TBD")),
        {"instance_types": None},
    ),
    (
        "nc-as-needed",
        "prod",
        tbl(("Item", "Type", "Units", "Quantity"), ("Worker", "m6i.4xlarge", "VM", "as needed")),
        {"instance_types": None},
    ),
    (
        "nc-one-of-two",
        "prod",
        tbl(
            ("Node pool", "Machine type", "Count"),
            ("main", "n2-standard-16", "autoscaled"),
            ("git", "n2-highmem-8", "2"),
        ),
        {"instance_types": None},
    ),
    (
        "nc-range-of-two",
        "prod",
        tbl(
            ("Node pool", "Machine type", "Nodes"),
            ("main", "n2-standard-16", "3 to 8"),
            ("git", "n2-highmem-8", "2"),
        ),
        {"instance_types": None},
    ),
    (
        "nc-rownum-auto",
        "prod",
        tbl(("#", "Item", "Type", "Qty"), ("1", "EKS node", "m6i.4xlarge", "autoscaled")),
        {"instance_types": None},
    ),
    (
        "nc-per-node-columns",
        "prod",
        tbl(
            ("Pool", "Instance type", "Nodes", "vCPU per node", "Memory per node"),
            ("default", "m6i.4xlarge", "autoscaled", "16", "64 GiB"),
        ),
        {"instance_types": None, "total_cpu": None, "total_memory_gb": None},
    ),
    ("nc-json", "docs", docs_table(POOL, ("default", "m6i.4xlarge", "autoscaled")), {"instance_types": None}),
    # written after the fix, in other words (they checked it generalises)
    (
        "gen-nr-count",
        "prod",
        tbl(("Nr.", "Komponente", "Instance type", "Count"), ("1", "Worker", "m6i.4xlarge", "3")),
        {"instance_types": M3},
    ),
    (
        "gen-scales",
        "prod",
        tbl(("Node pool", "VM size", "Count"), ("user", "Standard_D16s_v5", "scales 2-10")),
        {"instance_types": None},
    ),
    (
        "gen-at-least",
        "prod",
        tbl(("Pool", "Machine type", "Nodes"), ("default", "n2-standard-16", "≥ 3")),
        {"instance_types": None},
    ),
    (
        "gen-elastic",
        "bare",
        tbl(("Node group", "Instance type", "Desired"), ("workers", "m6i.4xlarge", "elastic")),
        {"instance_types": None},
    ),
    (
        "gen-karpenter",
        "prod",
        tbl(
            ("Pool", "Instance type", "Nodes"),
            ("default", "m6i.4xlarge", "Karpenter-managed"),
            ("system", "m6i.large", "2"),
        ),
        {"instance_types": None},
    ),
    ("gen-about", "prod", tbl(POOL, ("default", "m6i.4xlarge", "about 3")), {"instance_types": M3}),
    # a stated count with an aside, and a plain one: read as written
    (
        "ok-count-aside",
        "prod",
        tbl(POOL, ("default", "m6i.4xlarge", "3 (autoscaled)")),
        {"instance_types": M3},
    ),
    ("ok-plain", "prod", tbl(POOL, ("default", "m6i.4xlarge", "3")), {"instance_types": M3}),
    ("ok-change", "prod", tbl(POOL, ("default", "m6i.4xlarge", "2 → 3")), {"instance_types": M3}),
    # a label table or a line saying the count is not fixed: no machines value (`read/opencount.py`)
    (
        "nc-label-rows",
        "prod",
        tbl(("Node type", "m6i.4xlarge"), ("Node count", "autoscaled")),
        {"instance_types": None},
    ),
    ("nc-line", "prod", "<p>Node pool: m6i.4xlarge, autoscaled</p>", {"instance_types": None}),
]

KNOWN_WRONG: list[tuple[str, str, Any, dict[str, Any]]] = [
    # the count column's header is no count word the reader knows: the `#` taken as the count
    (
        "rn-hash-units",
        "prod",
        tbl(("#", "Component", "Type", "Units"), ("1", "EKS node", "m6i.4xlarge", "3")),
        {"instance_types": M3},
    ),
]


def _read(wrap: str, body: Any, catalogue: Catalogue) -> dict[str, Any]:
    if wrap == "docs":
        document = body
    else:
        document = html_document("<html><body>" + _WRAPS[wrap].replace("{body}", body) + "</body></html>")
    view = tdd_fields(read_document(document, catalogue).values, catalogue)
    return {n: fv.to_json()["value"] for n, fv in view.fields.items()}


def _check(got: dict[str, Any], want: dict[str, Any]) -> None:
    for field, value in want.items():
        if value is None:
            assert got.get(field) is None, (field, got.get(field))
        else:
            found = got.get(field) or []
            assert sorted(e.casefold().replace(" ", "") for e in found) == sorted(
                e.casefold().replace(" ", "") for e in value
            ), (field, value, found)


@pytest.mark.parametrize(("wrap", "body", "want"), [r[1:] for r in RIGHT], ids=[r[0] for r in RIGHT])
def test_a_quantity_probe_is_read_right(
    wrap: str, body: Any, want: dict[str, Any], catalogue: Catalogue
) -> None:
    _check(_read(wrap, body, catalogue), want)


@pytest.mark.xfail(strict=True, reason="still read wrong: a fix moves the probe to RIGHT")
@pytest.mark.parametrize(
    ("wrap", "body", "want"), [r[1:] for r in KNOWN_WRONG], ids=[r[0] for r in KNOWN_WRONG]
)
def test_a_quantity_probe_still_read_wrong(
    wrap: str, body: Any, want: dict[str, Any], catalogue: Catalogue
) -> None:
    _check(_read(wrap, body, catalogue), want)
