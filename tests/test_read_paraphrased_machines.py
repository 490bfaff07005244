"""Paraphrases of the machine facts the reader missed on arrival: do past fixes generalise?

Each probe restates a passage of a tuning document that the reader once read wrong (a miss, a wrong
value, or two "production totals" withheld as a conflict), the way another engineer would write the
same facts: a table as a list or as prose, the count before or after the type or in another
sentence, one node's figures instead of the pool's, other units, the trap (a shared cluster, a
request not granted, an estimator's result, the state before a resize, a reservation, a branch of a
form not taken) in another place. The value is what a careful TA would record. A probe in
`STILL_WRONG` is an expected failure (strict), with the reason fixing it would need guessing.
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from paraphrase_harness import CPU, DISK, IT, MEM, check, params
from tdd_snippets import table as tbl
from traps_harness import UL, P

PROBES: list[tuple[str, str, str, dict[str, Any]]] = [
    # --- a shared cluster's capacity beside the deployment's own machines (blind63/01, blind81/02)
    (
        "shared-cluster-prose",
        "prod",
        P(
            "We are one tenant of the shared OpenShift cluster, whose 40 workers (16 vCPU / 64 GiB"
            " each, 640 vCPU and 2,560 GiB in all) serve every team. Our own MachineSet has 4 worker"
            " VMs of 16 vCPU / 64 GiB each: 64 vCPU and 256 GiB."
        ),
        {CPU: 64, MEM: 256},
    ),
    (
        "shared-cluster-list",
        "prod",
        UL(
            "Shared cluster (all tenants): 36 workers × 32 vCPU / 128 GiB = 1,152 vCPU / 4,608 GiB",
            "Dedicated to Sourcegraph: 4 workers, 16 vCPU / 64 GiB each, 64 vCPU / 256 GiB in total",
        ),
        {CPU: 64, MEM: 256},
    ),
    (
        "shared-cluster-table",
        "prod",
        tbl(
            ("Pool", "Nodes", "Per node", "vCPU", "Memory"),
            ("shared workers (all tenants)", "36", "32 vCPU / 128 GiB", "1,152", "4,608 GiB"),
            ("sourcegraph (dedicated)", "4", "16 vCPU / 64 GiB", "64", "256 GiB"),
        ),
        {CPU: 64, MEM: 256},
    ),
    # --- a request that was not granted (blind63/01)
    (
        "request-granted-prose",
        "prod",
        P(
            "In the platform ticket we asked for 5 workers (80 vCPU / 320 GiB); the review granted 4"
            " workers of 16 vCPU / 64 GiB, 64 vCPU and 256 GiB in total, and that is what runs."
        ),
        {CPU: 64, MEM: 256},
    ),
    (
        "request-granted-label",
        "prod",
        P("Requested: 80 vCPU / 320 GiB (5 workers)")
        + P("Granted and running: 64 vCPU / 256 GiB (4 workers)"),
        {CPU: 64, MEM: 256},
    ),
    # --- an estimator's result beside the machines chosen (blind68/02)
    (
        "estimator-then-chosen",
        "prod",
        P("The resource estimator came back with about 88 vCPU and 352 GB of memory across the cluster.")
        + P("Node pool: 3 × n2-highmem-16, 48 vCPU / 384 GB."),
        {IT: ["3 × n2-highmem-16"], CPU: 48, MEM: 384},
    ),
    (
        "options-table-decided",
        "prod",
        tbl(
            ("Option", "Machines", "vCPU", "Memory"),
            ("A", "3 × n2-standard-32", "96", "384 GB"),
            ("B", "4 × n2-highmem-16", "64", "512 GB"),
            ("C", "6 × n2-standard-16", "96", "384 GB"),
        )
        + P("Decision: option B. It runs as node pool sg-main, 4 × n2-highmem-16 (64 vCPU, 512 GB)."),
        {IT: ["4 × n2-highmem-16"], CPU: 64, MEM: 512},
    ),
    # --- the state before a resize beside the state after (blind68/02, blind68/04, blind73/01)
    (
        "resize-before-after-prose",
        "prod",
        P(
            "On 14 April we drained and removed one node. Before, the pool was 4 × n2-highmem-16"
            " (64 vCPU, 512 GB); since then it is 3 × n2-highmem-16 (48 vCPU, 384 GB)."
        ),
        {IT: ["3 × n2-highmem-16"], CPU: 48, MEM: 384},
    ),
    (
        "resize-before-after-list",
        "prod",
        P("Node pool sg-main (n2-highmem-16), right-sized on 14 April:")
        + UL(
            "before (go-live): 4 nodes, 64 vCPU, 512 GB", "after (since 14 April): 3 nodes, 48 vCPU, 384 GB"
        ),
        {CPU: 48, MEM: 384},
    ),
    (
        "resize-tried-rolled-back",
        "prod",
        P("Compute: 4 × n2-highmem-16, 64 vCPU / 512 GB.")
        + P(
            "For the reindex we scaled to 5 × n2-highmem-16 (80 vCPU / 640 GB) on 2 Sep; it did not"
            " help, so it was rolled back to 4 nodes on 9 Sep."
        ),
        {IT: ["4 × n2-highmem-16"], CPU: 64, MEM: 512},
    ),
    # --- a reservation or committed-use discount is no machine count (blind68/02, blind68/04)
    (
        "commitment-not-nodes",
        "prod",
        P("Compute: 3 × n2-highmem-16 (48 vCPU / 384 GB).")
        + P(
            "A one-year committed-use discount was bought in February for 64 vCPU and 512 GB of"
            " memory; the part we do not use goes to the data team."
        ),
        {IT: ["3 × n2-highmem-16"], CPU: 48, MEM: 384},
    ),
    (
        "reservation-not-nodes",
        "prod",
        P("Nodes: 3 × Standard_E16s_v5 and 2 × Standard_D8s_v5.")
        + P(
            "Reserved instances were bought for 4 × Standard_E16s_v5 + 2 × Standard_D8s_v5 at go-live;"
            " the reservation count is not the node count."
        ),
        {IT: ["3 × Standard_E16s_v5", "2 × Standard_D8s_v5"]},
    ),
    # --- control-plane machines the document leaves out of the capacity (blind62/02)
    (
        "control-plane-not-counted-prose",
        "prod",
        P(
            "The cluster has 3 control-plane VMs (4 vCPU / 16 GB each, etcd only, not counted in"
            " capacity) and 5 workers of 16 vCPU / 64 GB each for Sourcegraph."
        ),
        {CPU: 80, MEM: 320},
    ),
    (
        "control-plane-not-counted-list",
        "prod",
        UL(
            "control plane: 3 VMs × 4 vCPU / 16 GB (etcd, not Sourcegraph capacity)",
            "workers: 5 VMs × 16 vCPU / 64 GB",
        ),
        {CPU: 80, MEM: 320},
    ),
    # --- disk parts and their total, written tersely or not at all (blind88/01, blind62/02, blind75/06)
    (
        "disk-parts-prose-total",
        "prod",
        P(
            "Gitserver has two 1 TB gp3 volumes, zoekt two of 500 GB, pgsql 200 GB and the rest"
            " (redis, prometheus, blobstore) 100 GB: 3.3 TB in all."
        ),
        {DISK: 3300},
    ),
    (
        "disk-parts-arrow",
        "prod",
        P("disk: gitserver 2x 1T | zoekt 2x 500G | pgsql 200G | misc 100G → 3.3T"),
        {DISK: 3300},
    ),
    (
        "disk-total-with-headroom",
        "prod",
        P(
            "Persistent volumes add up to 3,700 GB (thin provisioned); the storage container still"
            " has 12 TB free, which is the platform's headroom, not ours."
        ),
        {DISK: 3700},
    ),
    (
        "disk-local-plus-volumes",
        "prod",
        P(
            "Each of the three servers has 600 GB of local NVMe, and two Hetzner Volumes of 500 GB"
            " hold the gitserver data: 2,800 GB of disk altogether."
        ),
        {DISK: 2800},
    ),
    # --- one server's published size and the number of servers (blind75/06)
    (
        "servers-each-size-prose",
        "prod",
        P("Production runs on three ccx53 servers (32 dedicated vCPU and 128 GB RAM each)."),
        {IT: ["3 × ccx53"], CPU: 96, MEM: 384},
    ),
    (
        "servers-each-size-split",
        "prod",
        P("Server type: ccx53 (32 vCPU, 128 GB RAM per server).") + P("Servers: 3 (sg-prod-1 to sg-prod-3)."),
        {IT: ["3 × ccx53"], CPU: 96, MEM: 384},
    ),
    # --- a flavour's size given once, its count elsewhere (blind81/02)
    (
        "flavour-table",
        "prod",
        tbl(
            ("Dedicated workers", "MachineSet sg-prd: 4 VMs of flavour rcp.mem.xl"),
            ("Flavour rcp.mem.xl", "16 vCPU, 64 GiB RAM per VM"),
        ),
        {CPU: 64, MEM: 256},
    ),
    # --- a form's branch not taken (blind102/01)
    (
        "form-branch-not-taken",
        "prod",
        P("Kubernetes: 4 × m6i.4xlarge worker nodes, 64 vCPU / 256 GiB in total.")
        + P("Had we gone with Docker Compose, it would have been one host of 32 vCPU / 128 GB."),
        {IT: ["4 × m6i.4xlarge"], CPU: 64, MEM: 256},
    ),
    # --- a staging or test machine after production's (blind73/01, blind96/05)
    (
        "test-cluster-deleted",
        "prod",
        P("Production: 3 × r6i.4xlarge, 48 vCPU / 384 GB.")
        + P(
            "A one-node test cluster (1 × r6i.2xlarge, 8 vCPU / 64 GB) ran for two weeks in September"
            " and was deleted."
        ),
        {IT: ["3 × r6i.4xlarge"], CPU: 48, MEM: 384},
    ),
    # --- a node sheet with a decommissioned and a planned row (blind96/05)
    (
        "node-sheet-status",
        "prod",
        tbl(
            ("Node", "Server type", "vCPU", "RAM (GB)", "Status"),
            ("sg-w-1", "CCX33", "8", "32", "live"),
            ("sg-w-2", "CCX33", "8", "32", "live"),
            ("sg-w-3", "CCX43", "16", "64", "live"),
            ("sg-w-4", "CCX43", "16", "64", "decommissioned"),
            ("sg-w-5", "CCX53", "32", "128", "planned"),
        ),
        {IT: ["2 × CCX33", "1 × CCX43"], CPU: 32, MEM: 128},
    ),
    # --- options lettered in a table and none chosen: nothing was built (blind68/02)
    (
        "options-table-undecided",
        "prod",
        tbl(
            ("Option", "Machines", "vCPU", "Memory"),
            ("A", "3 × n2-standard-32", "96", "384 GB"),
            ("B", "4 × n2-highmem-16", "64", "512 GB"),
        ),
        {IT: None, CPU: None, MEM: None},
    ),
    # --- OCPUs and a flexible shape's configured size (blind111/06)
    (
        "ocpu-per-node-prose",
        "prod",
        P(
            "Production runs four VM.Standard.E5.Flex nodes, each configured with 8 OCPUs (16 vCPU)"
            " and 128 GB of memory."
        ),
        {IT: ["4 × VM.Standard.E5.Flex"], CPU: 64, MEM: 512},
    ),
    (
        "old-cluster-kept-for-rollback",
        "prod",
        P("New node pool: 4 × VM.Standard.E5.Flex, 64 vCPU / 512 GB in total.")
        + P("The old cluster (3 × VM.Standard.E4.Flex, 24 vCPU / 192 GB) stays up for rollback until T+2d."),
        {IT: ["4 × VM.Standard.E5.Flex"], CPU: 64, MEM: 512},
    ),
    # --- a design paragraph and a later answer resizing it (blind97/05, blind101/05)
    (
        "design-then-resized",
        "prod",
        P("One dedicated server, type CCX43 (16 vCPU, 64 GB RAM), runs Sourcegraph with Docker Compose.")
        + P("Since 19 May the server is a CCX53 (32 vCPU / 128 GB); it was resized from the CCX43."),
        {IT: ["1 × CCX53"], CPU: 32, MEM: 128},
    ),
    (
        "draft-then-correction-note",
        "prod",
        UL("Instance: 1 × m6i.4xlarge", "vCPU / RAM: 16 / 64 GiB")
        + P(
            "Correction after CAB: the list above is the first draft. The final build is one"
            " m6i.8xlarge (32 vCPU / 128 GiB)."
        ),
        {IT: ["1 × m6i.8xlarge"], CPU: 32, MEM: 128},
    ),
    # --- a count corrected as it is said (blind91/01)
    (
        "count-corrected-in-passing",
        "prod",
        P(
            "The node pool is n2-standard-16, three nodes – no, four: the fourth was added in week"
            " two. That is 64 vCPU and 256 GB of memory in total."
        ),
        {CPU: 64, MEM: 256},
    ),
    # --- a disk that only holds the system, beside the data volume (blind97/05)
    (
        "disk-os-only",
        "prod",
        P(
            "The data volume is 1,600 GB and is all the disk Sourcegraph uses; the server's local"
            " 600 GB NVMe only holds the OS and the Docker images."
        ),
        {DISK: 1600},
    ),
    (
        "disk-total-then-parts",
        "prod",
        P(
            "Total persistent disk is 2 TB: 1,500 GB of it are the three gitserver disks of 500 GB"
            " each, the other 500 GB is indexed search and the databases."
        ),
        {DISK: 2000},
    ),
    # --- a vendor's sizing tiers beside the machine built (blind101/05)
    (
        "vendor-tiers-beside-build",
        "prod",
        UL("S: 16 vCPU / 64 GB, up to 1,000 users", "M: 48 vCPU / 192 GB, up to 5,000 users")
        + P("We run one m6i.8xlarge (32 vCPU / 128 GiB)."),
        {IT: ["1 × m6i.8xlarge"], CPU: 32, MEM: 128},
    ),
    # --- a first sizing that became another, an instance merged away (blind95/06)
    (
        "first-sizing-became",
        "prod",
        P(
            "The first sizing in March was three CCX43 servers; after the load test it became four"
            " CCX53 servers with 32 vCPU and 128 GB each."
        ),
        {IT: ["4 × CCX53"], CPU: 128, MEM: 512},
    ),
    (
        "old-instance-before-merge",
        "prod",
        P("Before the merge, HQ ran Docker Compose on one VM with 32 vCPU, 128 GB and about 2 TB of disk.")
        + P("The merged instance runs on 4 × CCX53 servers, 128 vCPU and 512 GB in total."),
        {CPU: 128, MEM: 512},
    ),
    # --- a proposal, an estimate and a pilot beside the build (blind113/02)
    (
        "initial-proposal-list",
        "prod",
        UL(
            "Initial proposal (cloud team): 6 × Standard_D16s_v5, 96 vCPU / 384 GiB",
            "Built: 4 × Standard_E16s_v5, 64 vCPU / 512 GiB",
        ),
        {IT: ["4 × Standard_E16s_v5"], CPU: 64, MEM: 512},
    ),
    (
        "estimate-then-sufficient",
        "prod",
        P("Nodes: 4 × Standard_E16s_v5")
        + P(
            "At 120 concurrent users the estimate was 40 vCPU; the four nodes give 64 vCPU, which is"
            " sufficient."
        ),
        {IT: ["4 × Standard_E16s_v5"], CPU: 64},
    ),
    (
        "pilot-cluster-prose",
        "prod",
        P(
            "The pilot ran in April on a temporary cluster with two Standard_D8s_v5 nodes (16 vCPU and"
            " 64 GiB in total)."
        )
        + P("Production: 4 × Standard_E16s_v5, 64 vCPU / 512 GiB."),
        {IT: ["4 × Standard_E16s_v5"], CPU: 64, MEM: 512},
    ),
    # --- a capacity plan's years beside today's (blind86/04)
    (
        "capacity-plan-columns",
        "prod",
        tbl(
            ("", "Now", "FY2027", "FY2028"),
            ("Node pool sg-main", "3 × n2-highmem-8", "4 × n2-highmem-8", "6 × n2-highmem-8"),
            ("Memory (total)", "192 GB", "256 GB", "384 GB"),
        ),
        {IT: ["3 × n2-highmem-8"], MEM: 192},
    ),
    (
        "capacity-plan-prose",
        "prod",
        P(
            "Today sg-main has 3 × n2-highmem-8 (192 GB of memory). Next year we plan 4 nodes (256 GB),"
            " and 6 nodes (384 GB) the year after."
        ),
        {IT: ["3 × n2-highmem-8"], MEM: 192},
    ),
    # --- the state before a review beside the state now, and an approved step not done (blind97/04)
    (
        "was-now-bracket",
        "prod",
        P("User node pool: 4 × Standard_E16s_v5 (was 3 × Standard_D16s_v5 until the July review).")
        + P("Totals: 64 vCPU / 512 GiB, up from 48 vCPU / 192 GiB.")
        + P(
            "Q3: a fifth Standard_E16s_v5 node (→ 80 vCPU / 640 GiB) was approved for the next maintenance"
            " window; not done yet."
        ),
        {IT: ["4 × Standard_E16s_v5"], CPU: 64, MEM: 512},
    ),
    # --- what the operating system reports beside the machine's size (blind88/04, blind108/04)
    (
        "usable-memory-beside-nominal",
        "prod",
        P("VM size: 32 vCPU, 128 GB RAM.")
        + P("free -g shows 125 GiB in total, because the kernel reserves some; the VM has 128 GB."),
        {CPU: 32, MEM: 128},
    ),
    # --- a restore test's VM and an alert threshold beside production's (blind108/04)
    (
        "restore-test-vm",
        "prod",
        UL("VM size: 32 vCPU, 128 GB RAM", "Disks: 100 GB system + 2.5 TB data, 2.6 TB provisioned in total")
        + P(
            "Restore test: on 24 Aug the VM was restored as sgrestore01 (16 vCPU, 64 GB, 1 TB thin disk)"
            " in the isolated test VLAN."
        )
        + P("PAGE when /data is above 80% (2 TB of 2.5 TB)."),
        {CPU: 32, MEM: 128, DISK: 2600},
    ),
    # --- a flavour's size told in a note after the machines, the control plane left out (blind67/04)
    (
        "flavour-note-six-workers",
        "prod",
        P("Workers: 6 × r1.4xlarge")
        + P(
            "The r1.4xlarge flavour of the customer's OpenStack is 16 vCPU and 128 GB RAM, so the six"
            " workers give 96 vCPU and 768 GB."
        )
        + P(
            "The control plane (3 × m1.large, 4 vCPU / 8 GB each) is run by the cloud team for every"
            " tenant and is not in the totals."
        ),
        {IT: ["6 × r1.4xlarge"], CPU: 96, MEM: 768},
    ),
    # --- two pools in terse note form, per node (blind88/03)
    (
        "two-pools-per-node-prose",
        "prod",
        P(
            "Two pools: sg-main has four n2-highmem-8 (8 vCPU / 64 GB each) and sg-idx two"
            " n2-standard-16 (16 vCPU / 64 GB each)."
        ),
        {IT: ["4 × n2-highmem-8", "2 × n2-standard-16"], CPU: 64, MEM: 384},
    ),
    (
        "disk-parts-pipes-bold-total",
        "prod",
        P("pd-ssd: gitserver 3x 1T | zoekt 2x 750G | pg + codeintel-db 250G → <b>4.75T</b>"),
        {DISK: 4750},
    ),
    # --- two pools in one answer, their sum stated (blind108/03)
    (
        "two-pools-sum",
        "prod",
        P(
            "Sourcegraph runs on the user pool, 3 × Standard_E16s_v5; the system pool has"
            " 2 × Standard_D4s_v5 for CoreDNS and the ingress. 56 vCPU and 416 GiB of memory together."
        ),
        {IT: ["3 × Standard_E16s_v5", "2 × Standard_D4s_v5"], CPU: 56, MEM: 416},
    ),
]

# One probe per rule the paraphrases needed, and the cases each rule must leave alone.
RULES: list[tuple[str, str, str, dict[str, Any]]] = [
    (
        "rule-asked-for-gives-way",
        "prod",
        P("We had requested 96 vCPU and 384 GB; the platform team provisioned 64 vCPU and 256 GB in total."),
        {CPU: 64, MEM: 256},
    ),
    (
        "rule-one-total-word-closes-the-pair",
        "prod",
        P("3 nodes of 16 vCPU / 64 GiB, 48 vCPU and 192 GiB in total."),
        {CPU: 48, MEM: 192},
    ),
    (
        "rule-aside-not-counted-takes-its-count",
        "prod",
        P(
            "There are 2 system nodes (2 vCPU / 8 GB each, not counted) and 4 workers with 8 vCPU /"
            " 32 GB each."
        ),
        {CPU: 32, MEM: 128},
    ),
    (
        "rule-size-before-not-counted-aside-stays",
        "prod",
        P("Total disk: 3,300 GB (OS disks, not counted)."),
        {DISK: 3300},
    ),
    (
        "rule-decision-label-names-the-option",
        "prod",
        tbl(("Option", "Machines", "vCPU"), ("A", "3 × m6i.4xlarge", "48"), ("B", "2 × m6i.8xlarge", "64"))
        + P("Selected: option A."),
        {IT: ["3 × m6i.4xlarge"]},
    ),
    (
        "rule-pending-decision-names-none",
        "prod",
        tbl(("Option", "Machines", "vCPU"), ("A", "3 × m6i.4xlarge", "48"), ("B", "2 × m6i.8xlarge", "64"))
        + P("Decision pending: option A."),
        {IT: None},
    ),
    (
        "rule-count-remark-with-machine-names",
        "prod",
        P("Node type: m6i.4xlarge") + P("Nodes: 3 (sg-node-1 to sg-node-3)"),
        {IT: ["3 × m6i.4xlarge"]},
    ),
    (
        "rule-day-before-month-is-no-count",
        "prod",
        P("Since 19 May the server is an m6i.8xlarge."),
        {IT: ["1 × m6i.8xlarge"]},
    ),
    (
        "rule-shared-whole-clause-own-pool-kept",
        "prod",
        P(
            "We run on the shared platform cluster, which gave Sourcegraph a dedicated pool of"
            " 4 × m6i.4xlarge."
        ),
        {IT: ["4 × m6i.4xlarge"]},
    ),
    (
        "rule-machines-counted-in-words-times-each",
        "prod",
        P("Workers: 3 VMs of template sg-large") + P("Template sg-large: 8 vCPU, 32 GB RAM per VM"),
        {CPU: 24, MEM: 96},
    ),
    (
        "rule-resized-from-type-alone",
        "prod",
        P("Compute: 3 × n2-standard-16 (48 vCPU / 192 GB).")
        + P(
            "The pool now runs 3 × n2-highmem-16 (48 vCPU / 384 GB); it was moved from"
            " n2-standard-16 in June."
        ),
        {IT: ["3 × n2-highmem-16"], MEM: 384},
    ),
]

RULES += [
    (
        "rule-one-written-is-a-count",
        "prod",
        P("Two Sourcegraph instances exist; this document is about the first.")
        + P("Instance: 1 × m6i.8xlarge → 32 vCPU, 128 GiB"),
        {IT: ["1 × m6i.8xlarge"], CPU: 32, MEM: 128},
    ),
    (
        "rule-inventory-one-machine-a-row",
        "prod",
        tbl(
            ("Host", "Instance type", "vCPU", "Memory (GiB)"),
            ("sg-1", "m6i.2xlarge", "8", "32"),
            ("sg-2", "m6i.2xlarge", "8", "32"),
            ("sg-3", "r6i.2xlarge", "8", "64"),
        ),
        {IT: ["2 × m6i.2xlarge", "1 × r6i.2xlarge"], CPU: 24, MEM: 128},
    ),
    (
        "rule-pools-without-counts-not-summed",
        "prod",
        tbl(
            ("Pool", "Instance type", "vCPU", "Memory (GiB)"),
            ("general", "m6i.2xlarge", "8", "32"),
            ("search", "r6i.2xlarge", "8", "64"),
        ),
        {CPU: None, MEM: None},
    ),
    (
        "rule-own-type-column-learnt",
        "prod",
        tbl(
            ("Server", "Server type", "vCPU", "RAM (GB)"),
            ("app-1", "CPX41", "8", "16"),
            ("app-2", "CPX41", "8", "16"),
            ("app-3", "CPX51", "16", "32"),
        ),
        {IT: ["2 × CPX41", "1 × CPX51"], CPU: 32, MEM: 64},
    ),
]

STILL_WRONG: dict[str, str] = {
    "vendor-tiers-beside-build": "a tier `16 vCPU / 64 GB, up to 1,000 users` is written as the"
    " deployment's own sizing for its design load is; only a title or the ladder's meaning tells them apart",
}


@pytest.mark.parametrize(("wrap", "body", "want"), params(PROBES + RULES, STILL_WRONG))
def test_a_paraphrase_is_read_right(wrap: str, body: str, want: dict[str, Any], catalogue: Catalogue) -> None:
    check(wrap, body, want, catalogue)


def test_the_probes_are_many_and_named_once() -> None:
    ids = [p[0] for p in PROBES + RULES]
    assert len(PROBES) >= 20 and len(set(ids)) == len(ids)
    assert set(STILL_WRONG) <= set(ids)
