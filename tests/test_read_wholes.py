# ruff: noqa: E501
"""Machine totals beside their own parts: a whole must not lose to (nor be withheld beside) a part.

A document often gives both the fleet's figure and one machine's or one pool's: "48 vCPU in total"
and, elsewhere, "each VM: 16 vCPU" with the count in another sentence, a list of hosts or a table's
rows; pools whose figures add up to a stated total; a header saying "per VM" where the cells do not;
a rounded whole ("~1.5 TB") over exact parts (3 × 500 GB). Read apart, the part and the whole look
like two production values of one field. The arithmetic tells them apart: a figure that, times a
count the document gives for the same machines, equals a stated whole is that whole's part; figures
that add up to a stated whole are its parts. Where the arithmetic does not close (another machine's
figure that only happens to divide the total), nothing is guessed: a conflict, or no value.

Each probe is `(id, wrap, body, want)` (`tests/paraphrase_harness.py`): the value a careful TA would
record, None meaning nothing may be returned. A probe in `STILL_WRONG` is a strict expected failure.
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read import wholes
from paraphrase_harness import CPU, DISK, IT, MEM, check, params, read_wrapped
from tdd_snippets import table as tbl
from traps_harness import UL, P

PROBES: list[tuple[str, str, str, dict[str, Any]]] = [
    # --- one machine's figure, the count stated elsewhere
    (
        "each-then-count-then-total",
        "prod",
        P(
            "Every Sourcegraph VM is sized at 16 vCPU and 64 GB of memory.",
            "Production runs three of them behind the load balancer.",
            "That gives the deployment 48 vCPU and 192 GB of memory.",
        ),
        {CPU: 48, MEM: 192},
    ),
    (
        "total-first-then-per-vm",
        "prod",
        P(
            "Compute for production: 48 vCPU and 192 GB RAM across 3 VMs.",
            "Each VM: 16 vCPU, 64 GB RAM.",
        ),
        {CPU: 48, MEM: 192},
    ),
    (
        "per-vm-first-then-total",
        "prod",
        P(
            "The VMs are identical (16 vCPU / 64 GB RAM / 500 GB disk).",
            "There are 3 VMs, so 48 vCPU, 192 GB RAM and 1,500 GB disk in total.",
        ),
        {CPU: 48, MEM: 192, DISK: 1500},
    ),
    (
        "spec-label-without-each",
        "prod",
        UL(
            "Node count: 4",
            "Node spec: 8 vCPU / 32 GiB",
            "Cluster capacity: 32 vCPU / 128 GiB",
        ),
        {CPU: 32, MEM: 128},
    ),
    (
        "count-in-another-paragraph",
        "prod",
        P(
            "We run Sourcegraph on four application servers.",
            "Hardware: 32 cores and 256 GB RAM per server.",
            "Totals: 128 cores, 1,024 GB RAM.",
        ),
        {CPU: 128, MEM: 1024},
    ),
    # --- a list of hosts implies the count
    (
        "host-list-with-total",
        "prod",
        UL(
            "sg-prod-01: 16 vCPU / 64 GB",
            "sg-prod-02: 16 vCPU / 64 GB",
            "sg-prod-03: 16 vCPU / 64 GB",
        )
        + P("Total: 48 vCPU / 192 GB."),
        {CPU: 48, MEM: 192},
    ),
    (
        "host-list-without-total",
        "prod",
        UL(
            "sg-prod-01 — 16 vCPU, 64 GB RAM",
            "sg-prod-02 — 16 vCPU, 64 GB RAM",
        ),
        {CPU: 32, MEM: 128},
    ),
    (
        "host-list-names-then-spec",
        "prod",
        P(
            "Hosts: sg-app-01, sg-app-02, sg-app-03.",
            "Each host has 8 vCPU and 32 GB RAM; 24 vCPU and 96 GB in all.",
        ),
        {CPU: 24, MEM: 96},
    ),
    # --- a table's rows imply the count
    (
        "host-table-with-total-row",
        "prod",
        tbl(
            ("Host", "vCPU", "RAM", "Disk"),
            ("sg-01", "16", "64 GB", "500 GB"),
            ("sg-02", "16", "64 GB", "500 GB"),
            ("sg-03", "16", "64 GB", "500 GB"),
            ("Total", "48", "192 GB", "1,500 GB"),
        ),
        {CPU: 48, MEM: 192, DISK: 1500},
    ),
    (
        "host-table-then-total-sentence",
        "prod",
        tbl(
            ("Host", "vCPU", "RAM"),
            ("sg-01", "16", "64 GB"),
            ("sg-02", "16", "64 GB"),
        )
        + P("Together the two hosts give 32 vCPU and 128 GB of RAM."),
        {CPU: 32, MEM: 128},
    ),
    (
        "per-vm-header",
        "prod",
        tbl(
            ("Sizing (per VM)", "Value"),
            ("vCPU", "16"),
            ("RAM", "64 GB"),
            ("Disk", "500 GB"),
        )
        + P("Production has 3 VMs: 48 vCPU, 192 GB RAM and 1,500 GB of disk in total."),
        {CPU: 48, MEM: 192, DISK: 1500},
    ),
    (
        "per-node-column-and-total-column",
        "prod",
        tbl(
            ("Resource", "Per node", "Total (3 nodes)"),
            ("vCPU", "16", "48"),
            ("Memory", "64 GiB", "192 GiB"),
        ),
        {CPU: 48, MEM: 192},
    ),
    # --- pools that add up to a stated whole
    (
        "pools-add-up-prose",
        "prod",
        P(
            "The default pool has 24 vCPU and 96 GiB; the indexer pool has 32 vCPU and 128 GiB.",
            "Cluster total: 56 vCPU and 224 GiB.",
        ),
        {CPU: 56, MEM: 224},
    ),
    (
        "pools-add-up-list",
        "prod",
        UL(
            "Web pool: 3 × m6i.2xlarge (24 vCPU, 96 GiB)",
            "Indexer pool: 2 × r6i.2xlarge (16 vCPU, 128 GiB)",
            "Total: 40 vCPU, 224 GiB",
        ),
        {IT: ["3 × m6i.2xlarge", "2 × r6i.2xlarge"], CPU: 40, MEM: 224},
    ),
    (
        "pools-add-up-table",
        "prod",
        tbl(
            ("Pool", "Nodes", "vCPU", "Memory"),
            ("frontend", "2", "16", "64 GiB"),
            ("gitserver", "2", "32", "256 GiB"),
            ("Total", "4", "48", "320 GiB"),
        ),
        {CPU: 48, MEM: 320},
    ),
    (
        "pools-then-total-sentence",
        "prod",
        P(
            "Pool A gives 32 vCPU / 128 GB and pool B gives 16 vCPU / 128 GB.",
            "In total the cluster has 48 vCPU and 256 GB of memory.",
        ),
        {CPU: 48, MEM: 256},
    ),
    (
        "disk-volumes-add-to-total",
        "prod",
        P(
            "The VM has a 100 GB OS disk and a 1,900 GB data disk.",
            "Storage: 2,000 GB in total.",
        ),
        {DISK: 2000},
    ),
    (
        "total-first-then-pools",
        "prod",
        P(
            "Production: 64 vCPU and 256 GiB of memory in all.",
            "Of this, the app pool has 32 vCPU / 128 GiB and the search pool 32 vCPU / 128 GiB.",
        ),
        {CPU: 64, MEM: 256},
    ),
    # --- rounding
    (
        "rounded-whole-over-parts",
        "prod",
        P(
            "Storage: ~1.5 TB in total.",
            "Each of the 3 nodes has a 500 GB data disk.",
        ),
        {DISK: 1500},
    ),
    (
        "rounded-memory-whole",
        "prod",
        P(
            "Roughly 0.75 TB of RAM across the cluster.",
            "Three workers, 256 GB RAM each.",
        ),
        {MEM: 768},
    ),
    (
        "gib-parts-gb-whole",
        "prod",
        P(
            "Memory: 4 nodes with 64 GiB each.",
            "Total memory 256 GiB.",
        ),
        {MEM: 256},
    ),
    # --- instance types with their counts
    (
        "type-count-and-per-node",
        "prod",
        P(
            "Production: 3 × m6i.4xlarge.",
            "Per node 16 vCPU / 64 GiB; 48 vCPU / 192 GiB for the cluster.",
        ),
        {IT: ["3 × m6i.4xlarge"], CPU: 48, MEM: 192},
    ),
    (
        "type-count-and-single-figure",
        "prod",
        P(
            "We run 3 × m6i.4xlarge in production (48 vCPU, 192 GiB).",
            "An m6i.4xlarge node has 16 vCPU.",
        ),
        {IT: ["3 × m6i.4xlarge"], CPU: 48},
    ),
    (
        "nodes-word-then-spec",
        "prod",
        UL(
            "Nodes: 3",
            "vCPU: 16",
            "RAM: 64 GB",
            "Total vCPU: 48",
            "Total RAM: 192 GB",
        ),
        {CPU: 48, MEM: 192},
    ),
    (
        "servers-each-with-total",
        "prod",
        P("Two physical servers, each with 64 cores and 512 GB RAM, 128 cores and 1 TB RAM together."),
        {CPU: 128, MEM: 1024},
    ),
    (
        "sum-in-parentheses",
        "prod",
        P("CPU: 48 vCPU (3 × 16 vCPU).", "Memory: 192 GB (3 × 64 GB)."),
        {CPU: 48, MEM: 192},
    ),
    (
        "disk-per-node-and-total",
        "prod",
        UL("Data disk per node: 1 TB", "Nodes: 3", "Total data disk: 3 TB"),
        {DISK: 3000},
    ),
    # --- the count written with the part, the whole in TB read as 1,024 GB a TB
    (
        "two-hosts-then-tb-whole",
        "prod",
        P("Two hosts: 64 cores, 512 GB.", "All in: 128 cores, 1 TB of RAM."),
        {CPU: 128, MEM: 1000},
    ),
    (
        "three-servers-then-tb-disk",
        "prod",
        P("3 storage servers, 512 GB SSD.", "Disk in total: 1.5 TB."),
        {DISK: 1500},
    ),
    # --- parts only, no whole stated
    (
        "parts-only-all-production",
        "prod",
        UL(
            "Web pool: 2 nodes, 8 vCPU / 32 GiB each",
            "Indexer pool: 1 node, 16 vCPU / 128 GiB",
        ),
        {CPU: 32, MEM: 192},
    ),
]

# a figure that is NOT a part: the arithmetic does not close (no count of those machines is written,
# or the pools do not add up), so the whole is read or nothing is, never the other figure
NOT_PARTS: list[tuple[str, str, str, str, tuple[Any, ...]]] = [
    (
        "not-a-part-other-machine",
        "prod",
        P("Production runs on 2 VMs with 48 vCPU in total.", "The reporting VM has 16 vCPU."),
        CPU,
        (48, None),
    ),
    (
        "not-a-part-count-does-not-close",
        "prod",
        P("Production: 2 VMs, 48 vCPU and 192 GB RAM in total.", "A VM has 16 vCPU and 64 GB RAM."),
        MEM,
        (192, None),
    ),
    (
        "not-a-part-no-count-written",
        "prod",
        P("The production VM has 16 vCPU.", "Production compute: 48 vCPU."),
        CPU,
        (48, None),
    ),
    (
        "not-a-part-pools-do-not-add",
        "prod",
        P(
            "Cluster total: 56 vCPU and 224 GiB.",
            "The default pool has 24 vCPU and 96 GiB; the indexer pool has 16 vCPU and 96 GiB.",
        ),
        MEM,
        (224, None),
    ),
    (
        "not-a-part-count-beside-the-whole",
        "prod",
        P("Production: 3 VMs, 48 vCPU in total.", "The database VM has 16 vCPU."),
        CPU,
        (48, None),
    ),
    (
        "not-a-part-staging-figure",
        "prod",
        P("Production cluster: 48 vCPU and 192 GB of RAM in total over 3 nodes.")
        + "<h2>Staging</h2>"
        + P("Staging: one node, 16 vCPU and 64 GB RAM."),
        CPU,
        (48,),
    ),
]

STILL_WRONG: dict[str, str] = {
    "each-then-count-then-total": "the count (`three of them`) is in a sentence of its own: a count"
    " written away from the part may count other machines, so the arithmetic alone does not join them",
    "spec-label-without-each": "`Cluster capacity: …` is read as a shared cluster's capacity, not the"
    " deployment's, so only the node's figure is left: telling a capacity that is ours needs more than its label",
    "host-list-without-total": "two hosts with the same figure and no total: the figure once, not summed;"
    " a figure restated in two places looks the same",
    "parts-only-all-production": "pools with no total: their products (16 vCPU and 16 vCPU) are one figure"
    " to the reader, not summed",
    "type-count-and-single-figure": "`An m6i.4xlarge node has 16 vCPU` gives `1 × m6i.4xlarge` beside"
    " `3 × m6i.4xlarge`: an article read as a count",
    "servers-each-with-total": "the fleet's figures after `each with` are taken as one server's and multiplied",
}


@pytest.mark.parametrize(("wrap", "body", "want"), params(PROBES, STILL_WRONG))
def test_a_whole_is_read_beside_its_parts(
    wrap: str, body: str, want: dict[str, Any], catalogue: Catalogue
) -> None:
    check(wrap, body, want, catalogue)


@pytest.mark.parametrize(
    ("wrap", "body", "field", "allowed"), [pytest.param(*p[1:], id=p[0]) for p in NOT_PARTS]
)
def test_a_figure_the_arithmetic_does_not_join_is_not_taken_as_a_part(
    wrap: str, body: str, field: str, allowed: tuple[Any, ...], catalogue: Catalogue
) -> None:
    got = read_wrapped(wrap, body, catalogue).get(field)
    assert got in allowed, (field, got, allowed)


def test_machine_counts_are_read_from_counts_of_two_or_more() -> None:
    texts = [
        "Production runs three of them.",
        "4 worker nodes",
        "one VM",
        "both hosts",
        "12 GB per 7",
        "1 server",
    ]
    assert wholes.machine_counts(texts) == {2, 3, 4}


def test_the_probes_are_many_and_named_once() -> None:
    ids = [p[0] for p in PROBES + NOT_PARTS]
    assert len(PROBES) + len(NOT_PARTS) >= 30 and len(set(ids)) == len(ids)
    assert set(STILL_WRONG) <= set(ids)
