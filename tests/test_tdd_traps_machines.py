"""Trap probes of the machines fields (`total_disk_gb`, `total_cpu`, `total_memory_gb`,
`instance_types`): the production figure beside one the keys forbid, in many layouts (see
tests/traps_harness.py). D disk, C CPU, M memory, T instance types."""

from __future__ import annotations

from traps_harness import TABS, UL, H, P, Probe, T, probe_tests

M6 = ["3 × m6i.4xlarge"]

# fmt: off
PROBES: list[Probe] = [
    # --- no trap: the production value alone must be read ---
    ("plain-lv-table", "prod", T(("Item", "Value"), ("Instance type", "3 × m6i.4xlarge"), ("Total vCPU", "48"), ("Total memory", "192 GB"), ("Total disk", "1.5 TB")), {"T": M6, "C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("plain-prose", "prod", P("Sourcegraph runs on three m6i.4xlarge nodes: 48 vCPU and 192 GB of memory in all, with 1.5 TB of disk."), {"T": M6, "C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("plain-bullets", "prod", UL("Nodes: 3 × m6i.4xlarge", "vCPU: 48 total", "RAM: 192 GiB total", "Disk: 1,500 GB"), {"T": M6, "C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("plain-qa", "bare", P("<b>Q: What compute does production run on?</b>", "A: 3 × m6i.4xlarge (48 vCPU, 192 GB in total).", "<b>Q: How much disk?</b>", "A: 1.5 TB."), {"T": M6, "C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("plain-numbered", "bare", H(2, "4. Production environment") + H(3, "4.1 Compute") + P("3 × m6i.4xlarge, 48 vCPU / 192 GB total.") + H(3, "4.2 Storage") + P("1.5 TB gp3."), {"T": M6, "C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("plain-env-cols", "bare", T(("Resource", "Production"), ("Nodes", "3 × m6i.4xlarge"), ("vCPU", "48"), ("Memory", "192 GB"), ("Disk", "1.5 TB")), {"T": M6, "C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("plain-tabs", "tabs", TABS(("Production", ["## Compute", "Nodes: 3 × m6i.4xlarge", "Total vCPU: 48", "Total memory: 192 GB", "## Storage", "Disk: 1.5 TB"])), {"T": M6, "C": 48, "M": 192, "D": 1500}),  # noqa: E501

    # --- another environment, named in an unusual way ---
    ("env-preprod-cols", "bare", T(("Resource", "Pre-prod", "Prod"), ("Nodes", "1 × m6i.2xlarge", "3 × m6i.4xlarge"), ("vCPU", "8", "48"), ("Memory", "32 GB", "192 GB"), ("Disk", "500 GB", "1.5 TB")), {"T": M6, "C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("env-acceptance-cols", "bare", T(("", "Acceptance", "Production"), ("Compute", "2 × m6i.2xlarge", "3 × m6i.4xlarge"), ("CPU (total)", "16", "48"), ("RAM (total)", "64 GiB", "192 GiB"), ("Storage", "800 GB", "1.5 TB")), {"T": M6, "C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("env-otap-cols", "bare", P("Environments follow OTAP: O (development), T (test), A (acceptance), P (production).") + T(("Resource", "O", "T", "A", "P"), ("vCPU", "4", "8", "16", "48"), ("Memory (GB)", "16", "32", "64", "192"), ("Disk (GB)", "100", "200", "500", "1500")), {"C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("env-otap-a-prose", "prod", P("Total: 48 vCPU, 192 GB, 1.5 TB disk.", "The A-environment (acceptatie) is smaller: 16 vCPU, 64 GB and 500 GB."), {"C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("env-bluegreen-old", "prod", P("We cut over from blue to green on 3 June. Green (live): 3 × m6i.4xlarge, 48 vCPU, 192 GB, 1.5 TB. Blue, the old side, is kept warm for a week on 2 × m5.4xlarge with 1 TB."), {"T": M6, "C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("env-sandbox-first", "prod", P("The sandbox runs on 1 × m6i.xlarge with 4 vCPU, 16 GB and 200 GB of disk.", "Production runs on 3 × m6i.4xlarge with 48 vCPU, 192 GB and 1.5 TB of disk."), {"T": M6, "C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("env-sandbox-bullets", "bare", UL("Sandbox<ul><li>1 × m6i.xlarge</li><li>Disk: 200 GB</li></ul>", "Production<ul><li>3 × m6i.4xlarge</li><li>Disk: 1.5 TB</li></ul>"), {"T": M6, "D": 1500}),  # noqa: E501
    ("env-dr-site", "prod", P("Primary site (Amsterdam): 3 × m6i.4xlarge, 48 vCPU, 192 GB, 1.5 TB.", "DR site (Frankfurt), cold standby: 2 × m6i.4xlarge, 32 vCPU, 128 GB, 1 TB."), {"T": M6, "C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("env-standby-cols", "bare", T(("", "Live", "Warm standby"), ("Nodes", "3 × m6i.4xlarge", "2 × m6i.4xlarge"), ("Total vCPU", "48", "32"), ("Disk", "1.5 TB", "1 TB")), {"T": M6, "C": 48, "D": 1500}),  # noqa: E501
    ("env-lab", "prod", P("Disk: 1.5 TB.", "The lab copy that the platform team plays with has 4 TB, because it also holds their test mirrors."), {"D": 1500}),  # noqa: E501
    ("env-lab-heading", "bare", H(2, "Lab") + P("Compute: 2 × m6i.8xlarge, 64 vCPU, 256 GB.") + H(2, "Production") + P("Compute: 3 × m6i.4xlarge, 48 vCPU, 192 GB."), {"T": M6, "C": 48, "M": 192}),  # noqa: E501
    ("env-perf", "prod", P("Memory: 192 GB in total.", "For the perf environment, where we replay search load, we doubled it to 384 GB."), {"M": 192}),  # noqa: E501
    ("env-perf-table", "bare", T(("Environment", "Nodes", "vCPU", "Memory"), ("Perf", "4 × m6i.4xlarge", "64", "256 GB"), ("Production", "3 × m6i.4xlarge", "48", "192 GB")), {"T": M6, "C": 48, "M": 192}),  # noqa: E501
    ("env-nonlive-tier", "prod", P("Acme's non-live tier gets a single m6i.2xlarge (8 vCPU, 32 GB, 300 GB disk); the live tier runs on 3 × m6i.4xlarge (48 vCPU, 192 GB, 1.5 TB)."), {"T": M6, "C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("env-nonlive-qa", "bare", P("<b>Q: What resources does production have?</b>", "A: 48 vCPU, 192 GB RAM, 1.5 TB disk.", "<b>Q: And the non-prod tier?</b>", "A: 16 vCPU, 64 GB RAM, 400 GB disk."), {"C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("env-tabs-preprod", "tabs", TABS(("Pre-prod", ["## Compute", "Nodes: 1 × m6i.2xlarge", "Total vCPU: 8", "Disk: 300 GB"]), ("Production", ["## Compute", "Nodes: 3 × m6i.4xlarge", "Total vCPU: 48", "Disk: 1.5 TB"])), {"T": M6, "C": 48, "D": 1500}),  # noqa: E501
    ("env-tabs-uat", "tabs", TABS(("Prod", ["Nodes: 3 × m6i.4xlarge", "Memory: 192 GB total"]), ("UAT", ["Nodes: 2 × m6i.2xlarge", "Memory: 64 GB total"])), {"T": M6, "M": 192}),  # noqa: E501
    ("env-numbered-staging", "bare", H(2, "5. Staging environment") + P("5.1 Compute: 2 × m6i.2xlarge (16 vCPU)") + H(2, "6. Production environment") + P("6.1 Compute: 3 × m6i.4xlarge (48 vCPU)"), {"T": M6, "C": 48}),  # noqa: E501

    # --- a hypothetical or an option ---
    ("opt-if-we-went", "prod", P("Disk: 1.5 TB. If we went with the premium tier it would be 3 TB."), {"D": 1500}),  # noqa: E501
    ("opt-if-we-went-cpu", "prod", P("Total vCPU: 48. If we went with m6i.8xlarge nodes instead, that would be 96 vCPU."), {"C": 48}),  # noqa: E501
    ("opt-option-b", "prod", P("Option A (chosen): 3 × m6i.4xlarge, 48 vCPU, 192 GB.", "Option B: 2 × m6i.8xlarge, 64 vCPU, 256 GB."), {"T": M6, "C": 48, "M": 192}),  # noqa: E501
    ("opt-option-b-table", "prod", T(("Option", "Nodes", "vCPU", "Memory", "Chosen"), ("A", "3 × m6i.4xlarge", "48", "192 GB", "✔"), ("B", "2 × m6i.8xlarge", "64", "256 GB", "")), {"T": M6, "C": 48, "M": 192}),  # noqa: E501
    ("opt-alternative", "prod", P("Memory: 192 GB across the nodes.", "An alternative we looked at was a single r6i.8xlarge with 256 GB."), {"M": 192}),  # noqa: E501
    ("opt-would-have", "prod", P("3 × m6i.4xlarge. Going with Graviton would have meant 3 × m7g.4xlarge."), {"T": M6}),  # noqa: E501
    ("opt-could-use", "prod", P("Disk is 1.5 TB; we could also use a 2 TB volume later if needed."), {"D": 1500}),  # noqa: E501

    # --- a recommendation or an estimate ---
    ("est-estimator", "prod", P("The resource estimator suggests 64 vCPU and 256 GB; we provisioned 48 vCPU and 192 GB."), {"C": 48, "M": 192}),  # noqa: E501
    ("est-estimator-only", "prod", P("The resource estimator suggests 64 vCPU and 256 GB of memory for this many repositories."), {"C": None, "M": None}),  # noqa: E501
    ("est-rule-of-thumb", "prod", P("Rule of thumb: disk should be about three times the total repository size, so ~2 TB. We went with 1.5 TB."), {"D": 1500}),  # noqa: E501
    ("est-recommended-table", "prod", T(("Resource", "Recommended", "Provisioned"), ("vCPU", "64", "48"), ("Memory", "256 GB", "192 GB"), ("Disk", "2 TB", "1.5 TB")), {"C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("est-sizing-guide", "prod", P("Per the sizing guide, an XL instance needs 2 × m6i.8xlarge.", "What we built: 3 × m6i.4xlarge."), {"T": M6}),  # noqa: E501
    ("est-ballpark", "prod", P("Ballpark from the SE: 300 GB of memory. Actual: 192 GB."), {"M": 192}),

    # --- a plan not done ---
    ("plan-will-grow", "prod", P("Disk: 1.5 TB today. We will grow it to 3 TB once the Perforce depots are imported."), {"D": 1500}),  # noqa: E501
    ("plan-next-quarter", "prod", P("48 vCPU now; a fourth node (64 vCPU in all) is planned for next quarter."), {"C": 48}),  # noqa: E501
    ("plan-only", "prod", P("We plan to run Sourcegraph on 3 × m6i.4xlarge once the budget is approved."), {"T": (M6, None)}),  # a design's plan is often what the keys hold  # noqa: E501
    ("plan-pending-ticket", "prod", P("Memory: 192 GB. INFRA-2231 (pending) asks to raise it to 256 GB."), {"M": 192}),  # noqa: E501
    ("plan-to-be", "prod", T(("", "Current", "To be (phase 2)"), ("Nodes", "3 × m6i.4xlarge", "5 × m6i.4xlarge"), ("vCPU", "48", "80")), {"T": M6, "C": 48}),  # noqa: E501

    # --- a quote from another document ---
    ("quote-sow", "prod", P("The SOW said \u201cstorage: 5 TB\u201d. What was built is 1.5 TB."), {"D": 1500}),  # noqa: E501
    ("quote-blockquote", "prod", "<blockquote><p>Proposed: 4 × m6i.8xlarge, 128 vCPU (from the 2025 proposal)</p></blockquote>" + P("Built: 3 × m6i.4xlarge, 48 vCPU."), {"T": M6, "C": 48}),  # noqa: E501
    ("quote-email", "prod", P("From the sizing email: \u201cwe'd budget 256 GB of RAM\u201d. Provisioned: 192 GB."), {"M": 192}),  # noqa: E501

    # --- one node's figure beside the total ---
    ("node-each-total", "prod", P("Each node: 16 vCPU, 64 GB, 500 GB disk. Three nodes: 48 vCPU, 192 GB, 1.5 TB in total."), {"C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("node-per-node-table", "prod", T(("Item", "Per node", "Total"), ("vCPU", "16", "48"), ("Memory", "64 GB", "192 GB"), ("Disk", "500 GB", "1.5 TB")), {"C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("node-per-node-only", "prod", P("Nodes: 3 × m6i.4xlarge. Per node: 16 vCPU and 64 GB."), {"T": M6, "C": (48), "M": 192}),  # noqa: E501
    ("node-per-vm-label", "prod", T(("Item", "Value"), ("VM count", "3"), ("vCPU per VM", "16"), ("RAM per VM", "64 GB"), ("Disk per VM", "500 GB")), {"C": 48, "M": 192, "D": 1500}),  # noqa: E501

    # --- a whole next to Sourcegraph's part ---
    ("whole-cluster", "prod", P("The shared EKS cluster has 400 vCPU and 1.6 TB of memory; Sourcegraph's node group is 3 × m6i.4xlarge (48 vCPU, 192 GB)."), {"T": M6, "C": 48, "M": 192}),  # noqa: E501
    ("whole-datastore", "prod", P("The VM's disk (1.5 TB) lives on datastore DS-07, 40 TB shared with other workloads."), {"D": 1500}),  # noqa: E501
    ("whole-array", "prod", P("Storage comes from the Pure array (120 TB usable); Sourcegraph gets a 1.5 TB LUN."), {"D": 1500}),  # noqa: E501
    ("whole-esxi", "prod", P("The ESXi hosts (4 × 64 cores, 1 TB RAM each) run the Sourcegraph VM with 48 vCPU and 192 GB."), {"C": 48, "M": 192}),  # noqa: E501
    ("whole-only", "prod", P("Sourcegraph will be one tenant of the platform cluster (600 vCPU, 2.4 TB RAM)."), {"C": None, "M": None}),  # noqa: E501

    # --- a capacity, maximum or quota ---
    ("cap-quota", "prod", P("Project quota: 200 vCPU, 800 GB memory. In use by Sourcegraph: 48 vCPU, 192 GB."), {"C": 48, "M": 192}),  # noqa: E501
    ("cap-max-volume", "prod", P("Disk: 1.5 TB (the volume can grow to a maximum of 16 TB)."), {"D": 1500}),
    ("cap-autoscale-max", "prod", P("Node group: 3 × m6i.4xlarge, autoscaling up to 6 nodes (96 vCPU at most)."), {"C": (48, None)}),  # noqa: E501
    ("cap-quota-only", "prod", P("Storage quota for the namespace: 5 TB."), {"D": None}),
    ("cap-headroom", "prod", T(("Resource", "Capacity", "Allocated"), ("vCPU", "96", "48"), ("Memory", "384 GB", "192 GB")), {"C": 48, "M": 192}),  # noqa: E501

    # --- a forecast ---
    ("fc-next-year", "prod", P("Disk: 1.5 TB. Forecast for next year: 2.5 TB."), {"D": 1500}),
    ("fc-projected-table", "prod", T(("Resource", "Now", "Projected (12 months)"), ("vCPU", "48", "72"), ("Memory", "192 GB", "288 GB"), ("Disk", "1.5 TB", "2.5 TB")), {"C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("fc-expected", "prod", P("Memory is expected to reach 256 GB by Q4 as more teams onboard; it is 192 GB now."), {"M": 192}),  # noqa: E501
    ("fc-only", "prod", P("By 2028 we expect to need about 3 TB of disk."), {"D": None}),
    # --- further phrasings of the rules these probes led to ---
    ("x-quote-proposal", "prod", P("The proposal had \u201c4 × m6i.8xlarge, 128 vCPU\u201d; the cluster runs 3 × m6i.4xlarge, 48 vCPU."), {"C": 48}),  # noqa: E501
    ("x-quote-from-slides", "prod", P("From the pre-sales slides: \"512 GB of memory\".", "Memory: 192 GB."), {"M": 192}),  # noqa: E501
    ("x-quote-ticket-rest", "prod", P("The original ticket asked for 4 TB of storage, but the volumes total 1.5 TB."), {"D": 1500}),  # noqa: E501
    ("x-quote-rfp", "prod", P("Disk: 1.5 TB. The RFP stated \u201cminimum 3 TB of SSD\u201d."), {"D": 1500}),
    ("x-estimate-label-cpu", "prod", P("Estimated vCPU: 64"), {"C": None}),
    ("x-guess-label-disk", "prod", P("Guesstimate for disk: 2 TB", "Disk: 1.5 TB"), {"D": 1500}),
    ("x-rule-of-thumb-label", "prod", P("Rule of thumb memory: 256 GB"), {"M": None}),
    ("x-own-sentence-cpu", "prod", P("vCPU (total): 48. Doubling the nodes would give 96 vCPU."), {"C": 48}),
    ("x-own-sentence-semicolon", "prod", P("CPU: 48; the next size up is 64 vCPU."), {"C": 48}),
    ("x-triple-total", "prod", P("All nodes together: 48 vCPU, 192 GiB, 1,500 GiB in total."), {"C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("x-triple-slash", "prod", P("Cluster: 48 vCPU / 192 GB / 1.5 TB in total."), {"C": 48, "M": 192, "D": 1500}),  # noqa: E501
    ("x-later-scheduled", "prod", P("Disk: 1.5 TB. A second 1 TB volume is scheduled for Q3."), {"D": 1500}),
    ("x-later-budgeted", "prod", P("Memory: 192 GB; a further 64 GB is budgeted for the next fiscal year."), {"M": 192}),  # noqa: E501
    ("x-later-phase", "prod", P("3 × m6i.4xlarge today, 48 vCPU. Two more nodes (80 vCPU in all) are slated for phase 2."), {"C": 48}),  # noqa: E501
    ("x-nonlive-cols", "bare", T(("Resource", "Non-live", "Live"), ("vCPU", "16", "48"), ("Memory", "64 GB", "192 GB")), {"C": 48, "M": 192}),  # noqa: E501
    ("x-nonlive-heading", "bare", H(2, "Non-live") + P("Disk: 400 GB") + H(2, "Live") + P("Disk: 1.5 TB"), {"D": 1500}),  # noqa: E501
]
# fmt: on

WRONG: dict[str, str] = {
    # a legend glossing one-letter environments in English ("O (development)") names no initial the
    # reader can check; the first of the unknown columns is taken
    "env-otap-cols": "OTAP letters glossed in English are not learnt: the first column's figure is taken",
    # "one tenant of the platform cluster (600 vCPU, 2.4 TB RAM)": the aside is the whole's
    "whole-only": "a shared cluster's capacity in the aside after it read as the deployment's",
}
GAPS = frozenset(
    {
        "cap-headroom",
        "env-bluegreen-old",
        "env-dr-site",
        "env-nonlive-tier",
        "est-ballpark",
        "est-recommended-table",
        "est-rule-of-thumb",
        "fc-expected",
        "node-per-vm-label",
        "opt-alternative",
        "opt-would-have",
        "plan-to-be",
        "quote-email",
        "quote-sow",
        "whole-esxi",
    }
)


test_the_probes, test_never_wrong, test_read = probe_tests(PROBES, 60, WRONG, GAPS)
