# ruff: noqa: E501
"""Paraphrases of the traps the reader fell into on documents it had never seen: do the fixes of
WRONG values generalise to the same trap written another way?

Each group below starts from one value a tuning set's document made the reader return wrongly on
arrival (read by the reader of the day the set was added): another environment's figure, a limit, a
plan, an assumption, a template's example, a superseded figure, a test's load, an observed count, a
host not connected, a part of a pool. The probes keep the trap and write the same facts as another
engineer would: a table as a list or as prose, the trap in another place or another kind of
section, another word for plan / limit / old / staging / DR, the environment said once at the top of
a section or on each line, a dated log entry, a "was" value. The last group writes further shapes of
the same kinds of trap (a host decided against, a phase planned, a pilot's subset, active users,
planned dates, another environment's line or column, a quota, an autoscaler's maximum, an example
command).

Each probe names the value a careful TA would record for the fields it is about (`expect`; a field
the document leaves open is None) and the trap value that must never be returned (`trap`).
`_MISSING`: probes whose right value the reader does not read yet (nothing is accepted, never the
trap nor another wrong value); `_WRONG`: probes still read wrong (strict xfail, with the reason a fix
would need a guess).
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import read_document
from handoff.validate.tdd_view import tdd_fields
from paraphrase_harness import (
    ADO,
    BBC,
    BBDC,
    CC,
    FIELD_CODES,
    GERRIT,
    GHC,
    GHES,
    GLC,
    GLSM,
    WRAP_FORMATS,
    html_list,
    html_table,
)
from probe_harness import probe_document

_FIELDS = FIELD_CODES
_WRAP = WRAP_FORMATS
_ul = html_list
_table = html_table

Trap = tuple[str, str, Any, dict[str, Any], dict[str, Any]]


# fmt: off
PROBES: list[Trap] = [
    # --- 56/03: a managed system pool beside the deployment's own nodes ---
    ("system-pool-table", "prod",
        _table(("Node pool", "VM size", "Nodes", "Runs"), ("sgpool", "Standard_E16s_v5", "3", "all Sourcegraph services"),
               ("system", "Standard_D2s_v5", "2", "AKS add-ons only (not ours, not counted)")),
        {"IT": ["3 × Standard_E16s_v5"]}, {"IT": ["2 × Standard_D2s_v5", "3 × Standard_E16s_v5"]}),
    ("system-pool-prose", "prod",
        "<p>Sourcegraph runs on three Standard_E16s_v5 nodes in the user pool sgpool. AKS keeps its own system pool "
        "of two Standard_D2s_v5 for kube-system; we do not size or count it.</p>",
        {"IT": ["3 × Standard_E16s_v5"]}, {"IT": ["2 × Standard_D2s_v5", "3 × Standard_E16s_v5"]}),
    # --- 62/04: a validation copy's VM, out of the protocol's scope ---
    ("validation-copy-after", "prod",
        "<p>Production VM vtx-sg-p01: 16 vCPU, 64 GB RAM, 1,000 GB data disk, https://sourcegraph.rd.veltrane.local.</p>"
        "<p>Not in scope of this qualification: the VAL copy vtx-sg-v01 (8 vCPU / 32 GB / 500 GB, "
        "https://sourcegraph-val.rd.veltrane.local), used for the dry run.</p>",
        {"CPU": 16, "MEM": 64, "URL": "https://sourcegraph.rd.veltrane.local"},
        {"CPU": 8, "MEM": 32, "URL": "https://sourcegraph-val.rd.veltrane.local"}),
    ("validation-copy-first", "bare",
        "<h2>Dry-run system (VAL)</h2><p>vtx-sg-v01: 8 vCPU / 32 GB / 500 GB, https://sourcegraph-val.rd.veltrane.local. "
        "Only used to rehearse the qualification.</p>"
        "<h2>Qualified system (PROD)</h2><p>vtx-sg-p01: 16 vCPU / 64 GB / 1,000 GB, https://sourcegraph.rd.veltrane.local.</p>",
        {"CPU": 16, "MEM": 64, "URL": "https://sourcegraph.rd.veltrane.local"},
        {"CPU": 8, "MEM": 32, "URL": "https://sourcegraph-val.rd.veltrane.local"}),
    # --- 62/06: a managed control plane and a DR standby beside the workers ---
    ("control-plane-list", "prod",
        _ul("Worker nodes: 4 × m5.4xlarge (64 vCPU / 256 GiB in all)",
            "Control plane: 3 × m5.xlarge, run by AWS, not ours to size"),
        {"IT": ["4 × m5.4xlarge"], "CPU": 64, "MEM": 256}, {"IT": ["3 × m5.xlarge", "4 × m5.4xlarge"]}),
    ("dr-standby-prose", "prod",
        "<p>The node group has 4 × m5.4xlarge behind https://sourcegraph.gt.ksx.internal. For disaster recovery a warm "
        "standby group of 2 × m5.4xlarge waits at the secondary site, reachable at https://sourcegraph-dr.gt.ksx.internal; "
        "it carries no traffic and is not part of these figures.</p>",
        {"IT": ["4 × m5.4xlarge"], "URL": "https://sourcegraph.gt.ksx.internal"},
        {"IT": ["6 × m5.4xlarge"], "URL": "https://sourcegraph-dr.gt.ksx.internal"}),
    # --- 67/01: a template's example beside the answer ---
    ("template-url-guidance-column", "prod",
        _table(("Field", "Guidance", "Answer"), ("Instance URL", "e.g. https://sourcegraph.example.com", "https://code.quillmarsh.example")),
        {"URL": "https://code.quillmarsh.example"}, {"URL": "https://sourcegraph.example.com"}),
    ("template-limits-sample-first", "prod",
        "<p>(Template sample: 500 users, 50 concurrent, 10,000 repositories.)</p>"
        "<p>Quillmarsh's limits: 1,400 users, 300 concurrent users and 4,000 repositories.</p>",
        {"U": 1400, "CU": 300, "MR": 4000}, {"U": 500, "CU": 50, "MR": 10000}),
    # --- 67/06: a template's placeholder URL in a checklist ---
    ("placeholder-url-replaced", "prod",
        _ul("☑ externalURL set to https://search.merriweather-bio.example (replacing the template placeholder "
            "https://sourcegraph.yourcompany.example)"),
        {"URL": "https://search.merriweather-bio.example"}, {"URL": "https://sourcegraph.yourcompany.example"}),
    ("placeholder-url-default-line", "prod",
        "<p>The chart's default for externalURL, https://sourcegraph.yourcompany.example, was overridden; users reach "
        "Sourcegraph at https://search.merriweather-bio.example.</p>",
        {"URL": "https://search.merriweather-bio.example"}, {"URL": "https://sourcegraph.yourcompany.example"}),
    # --- 80/03: a bid's assumption beside the contract's limit ---
    ("bid-assumption-before-limit", "prod",
        "<h3>Assumptions</h3><p>AS-2: the technical volume assumed up to 5,000 repositories and 1 TB of repository data.</p>"
        "<h3>Requirements</h3><p>REQ-14: the service shall scale to a maximum of 10,000 repositories.</p>",
        {"MR": 10000}, {"MR": 5000, "G": 1000}),
    ("bid-priced-on-prose", "prod",
        "<p>The proposal was priced on at most 5,000 repositories; the contract requires the service to hold up to "
        "10,000 repositories.</p>",
        {"MR": 10000}, {"MR": 5000}),
    # --- 80/05: an assumption about the estate beside the design's limit ---
    ("estate-assumption-list", "prod",
        "<h3>Assumptions</h3>" + _ul("ASM-1: the customer has no more than 800 repositories across all code hosts")
        + "<h3>Limits</h3>" + _ul("Maximum repositories: 1,000"),
        {"MR": 1000}, {"MR": 800, "R": 800}),
    ("estate-assumption-prose", "prod",
        "<p>We assume (SOW schedule 2) that there are no more than 800 repositories in all. The design accommodates up to "
        "1,000 repositories.</p>",
        {"MR": 1000}, {"MR": 800, "R": 800}),
    # --- 80/06: acceptance tests' figures and a planning hypothesis beside the build ---
    ("acceptance-tests-list", "prod",
        "<p>At go-live Sourcegraph had cloned 2,800 repositories, 620 GB of git data.</p><h3>Acceptance tests</h3>"
        + _ul("CT-07 search across 150 GitLab projects: passed", "CT-14 150 simultaneous users (Gatling): passed"),
        {"R": 2800, "G": 620}, {"R": 150, "CU": 150}),
    ("hypothesis-then-actual", "prod",
        "<p>Planning hypothesis H-01 was that the estate would stay under 3,000 repositories and 400 GB of Git data. "
        "At go-live 2,800 repositories were cloned, 620 GB in all.</p>",
        {"R": 2800, "G": 620}, {"G": 400, "MR": 3000}),
    # --- 69/04: the build's end and the later opening to everyone; a monitored peak that is not a limit ---
    ("opened-to-all-after-build", "prod",
        "<p>The production build ran from 5 October 2026 and was finished on Friday 16 October 2026 (all repositories "
        "indexed, SSO on). It was opened to all developers on Monday 19 October 2026.</p>",
        {"S": "2026-10-05", "C": "2026-10-16"}, {"C": "2026-10-19"}),
    ("observed-peak-not-limit", "prod",
        "<p>Concurrent users: no limit was agreed with the customer. Monitoring shows a peak of about 150 users on Monday "
        "mornings.</p><p>Maximum users: 1,200.</p>",
        {"U": 1200, "CU": None}, {"CU": 150}),
    ("observed-peak-table", "prod",
        _table(("Item", "Figure"), ("Licensed users", "1,200"), ("Peak seen in monitoring (not a limit)", "~150 at once")),
        {"U": 1200, "CU": None}, {"CU": 150}),
    # --- 69/04: growth after an acquisition, not contracted ---
    ("acquisition-growth-row", "prod",
        _table(("Item", "Now", "After the 2027 acquisition (not contracted)"), ("Users", "1,200", "1,600"),
               ("Repositories (max)", "3,000", "3,800")),
        {"U": 1200, "MR": 3000}, {"U": 1600, "MR": 3800}),
    ("acquisition-growth-prose", "prod",
        "<p>Limits: 1,200 users and 3,000 repositories. If the acquisition of Meccanica goes through in 2027 we expect "
        "about 400 more users (1,600 in all) and some 800 more repositories; none of that is contracted.</p>",
        {"U": 1200, "MR": 3000}, {"U": 1600, "MR": 800}),
    # --- 73/02: a change log adds a monorepo after a section that says none ---
    ("changelog-adds-monorepo-list", "prod",
        "<h3>Code hosts</h3><p>Azure DevOps: 1,720 repositories. No monorepos.</p><h3>Change log</h3>"
        + _ul("2026-10-29: GitHub.com organisation connected, 265 repositories including the actuarial-models monorepo; "
              "repositories now 1,985."),
        {"M": 1, "R": 1985}, {"M": 0, "R": 1720}),
    ("changelog-adds-monorepo-table", "prod",
        "<h3>Code hosts</h3><p>Azure DevOps holds 1,720 repositories; there are no monorepos.</p><h3>Revision history</h3>"
        + _table(("Version", "Date", "Change"),
                 ("2.3", "2026-10-29", "Connected GitHub.com (265 repositories, one of them the actuarial-models monorepo). "
                                       "Total now 1,985 repositories.")),
        {"M": 1, "R": 1985}, {"M": 0, "R": 1720}),
    # --- 73/06: the disk grown after the table was written ---
    ("disk-grown-after-table", "prod",
        _table(("Item", "Value"), ("Persistent disk", "3,600 GB"))
        + "<h3>Changes since go-live</h3>" + _ul("2026-09-14: gitserver volumes grown 3 × 800 → 3 × 1,000 GB; total persistent "
                                                 "disk now 4,200 GB (the table above still shows 3,600)"),
        {"D": 4200}, {"D": 3600}),
    ("disk-was-now-prose", "prod",
        "<p>The persistent disk was 3,600 GB at go-live. In September we enlarged the gitserver volumes, so it is now "
        "4,200 GB in total.</p>",
        {"D": 4200}, {"D": 3600}),
    # --- 73/05: the old URL that now redirects ---
    ("old-url-redirects", "prod",
        "<p>URL: https://code.fenwright.example (the original https://sourcegraph.fenwright.example now redirects here)</p>",
        {"URL": "https://code.fenwright.example"}, {"URL": "https://sourcegraph.fenwright.example"}),
    ("old-url-changelog", "prod",
        "<p>Users open https://sourcegraph.fenwright.example.</p><h3>Change log</h3>"
        + _table(("Date", "Change"), ("2026-09-02", "Vanity URL https://code.fenwright.example replaced "
                                                    "https://sourcegraph.fenwright.example, which now redirects")),
        {"URL": "https://code.fenwright.example"}, {"URL": "https://sourcegraph.fenwright.example"}),
    # --- 74/04: Sourcegraph in the cloud, the code host on premises ---
    ("cloud-app-onprem-host", "prod",
        "<p>Sourcegraph runs with Docker Compose on one EC2 instance (r6i.8xlarge) in eu-central-1. Bitbucket Data Center stays "
        "in the customer's on-premises data centre, reached over the transit gateway.</p>",
        {"HP": "AWS", "H": [BBDC]}, {"HP": "on-premises"}),
    ("cloud-app-onprem-host-list", "prod",
        _ul("Code host: Bitbucket Data Center (on-prem, bitbucket.corvid.local)", "Sourcegraph: AWS, EC2 r6i.8xlarge",
            "github.com/corvid-oss: public projects, not wanted"),
        {"HP": "AWS", "H": [BBDC]}, {"HP": "on-premises", "H": [BBDC, GHC]}),
    # --- 62/06: a cloud vendor's rack in the customer's own building ---
    ("outposts-own-dc-label", "prod",
        "<p>Hosting: on-premises (an AWS Outposts rack in the customer's own data centre, DC2)</p>",
        {"HP": "on-premises"}, {"HP": "AWS"}),
    ("outposts-own-dc-prose", "prod",
        "<p>Production is an EKS local cluster on the AWS Outposts rack in our own data centre; no data leaves the "
        "building, so treat it as on-premises.</p>",
        {"HP": "on-premises"}, {"HP": "AWS"}),
    # --- 75/06: a stage server's size beside production ---
    ("stage-server-after", "prod",
        "<p>Production: 3 × CCX43 (16 vCPU / 64 GB each), 48 vCPU / 192 GB in all.</p>"
        "<p>stage: 1 × CCX33 (8 vCPU / 32 GB / 240 GB), https://sourcegraph-stage.velmora.example</p>",
        {"CPU": 48, "MEM": 192}, {"CPU": 8, "MEM": 32, "URL": "https://sourcegraph-stage.velmora.example"}),
    ("stage-server-table-column", "bare",
        _table(("", "stage", "prod"), ("Servers", "1 × CCX33", "3 × CCX43"), ("vCPU", "8", "48"), ("RAM", "32 GB", "192 GB")),
        {"CPU": 48, "MEM": 192, "IT": ["3 × CCX43"]}, {"CPU": 8, "MEM": 32, "IT": ["1 × CCX33"]}),
    # --- 81/03: another team's quota in a shared project ---
    ("other-team-quota-list", "prod",
        "<p>Our two pools: 2 × n2-highmem-16 and 1 × n2-standard-8, 40 vCPU and 288 GB of memory between them.</p>"
        "<p>Other tenants of the project:</p>" + _ul("matchmaking: 200 vCPU quota, its own pool of c2-standard-30",
                                                      "analytics: 120 vCPU quota"),
        {"CPU": 40, "MEM": 288}, {"CPU": 200}),
    ("other-team-quota-prose", "prod",
        "<p>The matchmaking team shares the project with its own pool and a 200 vCPU quota. Sourcegraph has 2 × n2-highmem-16 "
        "and 1 × n2-standard-8: 40 vCPU, 288 GB of memory.</p>",
        {"CPU": 40, "MEM": 288}, {"CPU": 200}),
    # --- 86/03: excluded projects of a host beside the scoped count ---
    ("excluded-by-policy-bracket", "prod",
        "<p>In scope: 2,240 Bitbucket Data Center repositories and 180 Gerrit projects, 2,420 in all (the ~1,100 clinical-data "
        "repositories on Bitbucket are excluded by policy).</p>",
        {"R": 2420, "H": [BBDC, GERRIT]}, {"R": 3520, "H": [BBC, GERRIT]}),
    ("excluded-by-policy-list", "prod",
        _ul("Bitbucket Data Center: 2,240 repositories (projects tagged rnd-searchable)", "Gerrit: 180 projects",
            "Excluded by policy: about 1,100 clinical-data repositories on Bitbucket"),
        {"R": 2420, "H": [BBDC, GERRIT]}, {"R": 3520, "H": [BBC, BBDC, GERRIT]}),
    # --- 88/04: one gitserver's share beside the sum ---
    ("one-shard-then-sum", "prod",
        "<p>Repositories on disk: gitserver-0 holds 412 GB, gitserver-1 389 GB and gitserver-2 109 GB, about 910 GB together.</p>",
        {"G": 910}, {"G": 412}),
    ("one-shard-df-line", "prod",
        "<p>df -h on gitserver-0 shows 412G used of /data/repos (1 TB volume).</p>"
        "<p>Across the three gitservers the repositories take about 910 GB.</p>",
        {"G": 910}, {"G": 412}),
    # --- 89/02: a vendor reference size for comparison ---
    ("reference-size-caption", "prod",
        "<p><i>Vendor reference sizing L, for comparison only:</i> up to 10,000 repositories, 5,000 users.</p>"
        "<p>Our limits: 2,000 users and 4,000 repositories.</p>",
        {"U": 2000, "MR": 4000}, {"U": 5000, "MR": 10000}),
    ("reference-size-table-after", "prod",
        "<p>Sized for 2,000 users and at most 4,000 repositories.</p><h3>For comparison: the sizing guide's size L</h3>"
        + _table(("Item", "Size L"), ("Repositories", "up to 10,000"), ("Users", "5,000")),
        {"U": 2000, "MR": 4000}, {"U": 5000, "MR": 10000}),
    # --- 90/05: a document's version date beside the build's ---
    ("version-date-beside-build", "prod",
        "<p>Version 1.3 · 14.08.2026</p><p>The production instance was built between 3 and 10 August 2026.</p>",
        {"S": "2026-08-03", "C": "2026-08-10"}, {"C": "2026-08-14"}),
    ("handover-entry-after-build", "prod",
        _ul("03.08.2026: production build started", "10.08.2026: production build finished, smoke tests green",
            "14.08.2026: TDD v1.3 handed over to the customer"),
        {"S": "2026-08-03", "C": "2026-08-10"}, {"C": "2026-08-14"}),
    # --- 91/03: a POC's deployment method beside production's ---
    ("poc-method-then-prod", "prod",
        "<p>The POC in April was one m6i.2xlarge with the Helm chart, now torn down. Production uses the Kustomize "
        "overlays, as the platform team does everywhere.</p>",
        {"DT": "Kubernetes with Kustomize"}, {"DT": "Kubernetes with Helm"}),
    ("switched-from-helm", "prod",
        "<p>Deployment: Kustomize overlays on EKS (we switched away from the Helm chart after the pilot).</p>",
        {"DT": "Kubernetes with Kustomize"}, {"DT": "Kubernetes with Helm"}),
    # --- 91/05: a wished-for user count, a volume beside the total, a corrected count ---
    ("dream-users-later", "prod",
        "<p>Licence: 600 users. The 1,500 from the kick-off is the sponsor's hope for when the magazines group joins, "
        "next year at the earliest.</p>",
        {"U": 600}, {"U": 1500}),
    ("dream-users-first", "prod",
        "<p>Users: the sponsor talked about 1,500 users eventually, once the magazines group is in.</p>"
        "<p>Licence: 600 users.</p>",
        {"U": 600}, {"U": 1500}),
    ("disk-volume-plus-root", "prod",
        "<p>Disk: the 1.5 TB gp3 data volume plus the 100 GB root, 1,600 GB all in.</p>",
        {"D": 1600}, {"D": 1500}),
    ("count-corrected-parenthesis", "prod",
        "<p>GitLab.com: 900 projects (not 700: the archive group was forgotten); Bitbucket Cloud: 250. 1,150 repositories in all.</p>",
        {"R": 1150, "H": [BBC, GLC]}, {"R": 950}),
    # --- 95/04: repositories created during a move ---
    ("created-during-move", "prod",
        "<p>Repositories: 1,740 once all waves are on GitHub.com (about 50 were created new during the move).</p>",
        {"R": 1740}, {"R": 50}),
    ("created-during-move-prose", "prod",
        "<p>Around 50 new repositories were created on GitHub.com during the migration, which is why the estate is now 1,740 "
        "repositories.</p>",
        {"R": 1740}, {"R": 50}),
    # --- 103/05: today's sign-ins beside the licence ---
    ("signed-in-so-far", "prod",
        "<p>Up to 800 users, 120 of them at once, and up to 1,500 repositories.</p>"
        "<p>Site admin overview: Users: 514 (the people who have signed in so far).</p>",
        {"U": 800, "CU": 120, "MR": 1500}, {"U": 514}),
    ("signed-in-table", "prod",
        _table(("Item", "Figure"), ("Accounts created so far", "514"), ("Licensed users", "800")),
        {"U": 800}, {"U": 514}),
    # --- 107/06: a ticket's opening date beside the build's ---
    ("ticket-opened-date", "prod",
        "<p>Work item opened 8 December 2025 by the platform team.</p>"
        "<p>Build of production: 19 January 2026 to 30 January 2026.</p>",
        {"S": "2026-01-19", "C": "2026-01-30"}, {"S": "2025-12-08"}),
    ("ticket-comments-dated", "prod",
        _ul("8 December 2025: request raised", "10 December 2025: sizing agreed",
            "19 January 2026: production installation started", "30 January 2026: production handed over"),
        {"S": "2026-01-19", "C": "2026-01-30"}, {"S": "2025-12-08", "C": "2025-12-10"}),
    # --- 108/06: a restore test's copy beside production ---
    ("restore-test-copy", "prod",
        "<p>Users reach https://sourcegraph.oakhurst-bio.example.</p>"
        "<p>Restore test, 8 July 2026: a separate r6i.4xlarge launched from the latest snapshot, reachable at "
        "https://sg-restoretest.oakhurst-bio.example; terminated the same day.</p>",
        {"URL": "https://sourcegraph.oakhurst-bio.example"}, {"URL": "https://sg-restoretest.oakhurst-bio.example"}),
    ("restore-test-first", "prod",
        "<h3>Recovery drill</h3><p>We restored last night's snapshot to https://sg-drill.oakhurst-bio.example and checked "
        "search there; the drill instance was deleted afterwards.</p><h3>Access</h3><p>https://sourcegraph.oakhurst-bio.example</p>",
        {"URL": "https://sourcegraph.oakhurst-bio.example"}, {"URL": "https://sg-drill.oakhurst-bio.example"}),
    ("host-parts-one-is-small", "prod",
        "<p>GitHub Enterprise Server: 880 repositories; AWS CodeCommit (lab automation): 120 repositories. 1,000 repositories in all.</p>",
        {"R": 1000, "H": [CC, GHES]}, {"R": 120}),
    # --- 101/05: a CAB's requested size against the approved one ---
    ("cab-size-approved", "prod",
        "<p>The change asked for an m6i.4xlarge; the CAB approved an m6i.8xlarge (32 vCPU / 128 GiB) and that is what was built.</p>",
        {"IT": ["1 × m6i.8xlarge"], "CPU": 32, "MEM": 128}, {"IT": ["1 × m6i.4xlarge"], "CPU": 16, "MEM": 64}),
    ("cab-size-table", "prod",
        _table(("", "Requested", "Approved and built"), ("Instance", "m6i.4xlarge", "m6i.8xlarge"), ("vCPU", "16", "32"),
               ("Memory", "64 GiB", "128 GiB")),
        {"IT": ["1 × m6i.8xlarge"], "CPU": 32, "MEM": 128}, {"IT": ["1 × m6i.4xlarge"], "CPU": 16, "MEM": 64}),
    # --- 97/02: a host disconnected later ---
    ("host-disconnected-log", "prod",
        "<p>Code hosts: GitLab.com (1,300 repositories), Gerrit (200), Bitbucket Cloud (90).</p><h3>Operations log</h3>"
        + _ul("2026-08-04: Bitbucket Cloud disconnected; its 90 repositories were moved to GitLab.com"),
        {"H": [GERRIT, GLC]}, {"H": [BBC, GERRIT, GLC]}),
    ("host-removed-struck", "prod",
        "<p>Code hosts: GitLab.com, Gerrit, <s>Bitbucket Cloud</s> (removed in August)</p>",
        {"H": [GERRIT, GLC]}, {"H": [BBC, GERRIT, GLC]}),
    # --- 97/05: a frozen design beside the current state ---
    ("frozen-design-then-current", "bare",
        "<h2>Design (frozen at sign-off, not maintained)</h2><p>One CCX43 (16 vCPU / 64 GB).</p>"
        "<h2>Current state (production)</h2><p>One CCX53: 32 vCPU / 128 GB.</p>",
        {"IT": ["1 × CCX53"], "CPU": 32, "MEM": 128}, {"IT": ["1 × CCX43"], "CPU": 16, "MEM": 64}),
    ("resized-since-design", "prod",
        "<p>Designed as one CCX43 (16 vCPU / 64 GB); resized in May to one CCX53 (32 vCPU / 128 GB), which is what runs today.</p>",
        {"IT": ["1 × CCX53"], "CPU": 32, "MEM": 128}, {"IT": ["1 × CCX43"], "CPU": 16, "MEM": 64}),
    # --- 97/01: a temporary scale-up during an incident ---
    ("incident-scale-up-back", "prod",
        "<p>Node group: 5 × m6i.4xlarge.</p><p>INC-4620: during the all-hands demo we scaled to 6 × m6i.4xlarge "
        "(96 vCPU / 384 GiB) for the afternoon and back to 5 the next morning.</p>",
        {"IT": ["5 × m6i.4xlarge"]}, {"IT": ["6 × m6i.4xlarge"], "CPU": 96, "MEM": 384}),
    ("incident-scale-up-table", "prod",
        _table(("Date", "Change"), ("2026-07-28", "Temporary: node group to 6 × m6i.4xlarge for the afternoon (incident)"),
               ("2026-07-29", "Node group back to 5 × m6i.4xlarge")),
        {"IT": ["5 × m6i.4xlarge"]}, {"IT": ["6 × m6i.4xlarge"]}),
    # --- 109/03: a load generator's VM beside the server ---
    ("load-generator-vm", "prod",
        "<p>Sourcegraph: one Standard_D32s_v5 (32 vCPU / 128 GiB) with Docker Compose.</p>"
        "<p>JMeter ran from a separate Standard_D16s_v5 load generator (16 vCPU / 64 GiB), deleted after the test.</p>",
        {"IT": ["1 × Standard_D32s_v5"], "CPU": 32, "MEM": 128},
        {"CPU": 16, "MEM": 64, "IT": ["1 × Standard_D16s_v5", "1 × Standard_D32s_v5"]}),
    ("load-generator-first", "prod",
        "<p>The load generator (16 vCPU / 64 GiB, throw-away) drove 300 virtual users against production.</p>"
        "<p>The server itself has 32 vCPU and 128 GiB.</p>",
        {"CPU": 32, "MEM": 128}, {"CPU": 16, "MEM": 64, "CU": 300}),
    # --- 111/06: the old platform's memory beside the new one's ---
    ("old-platform-memory", "prod",
        "<p>Old: 3 VMs with 64 GB each (192 GB). New OKE pool: 4 × VM.Standard.E5.Flex with 128 GB each, 512 GB in all.</p>",
        {"MEM": 512}, {"MEM": 192}),
    ("old-platform-memory-table", "bare",
        _table(("", "Before the cut-over", "After the cut-over (production)"), ("Memory", "192 GB", "512 GB")),
        {"MEM": 512}, {"MEM": 192}),
    # --- 113/02: options compared before a decision ---
    ("options-then-decision", "prod",
        "<h3>Option A: Helm chart</h3><p>Standard, but the platform team does not run Helm.</p>"
        "<h3>Option B: Kustomize overlays</h3><p>Fits the GitOps repository.</p><h3>Decision</h3><p>Option B was chosen.</p>",
        {"DT": "Kubernetes with Kustomize"}, {"DT": "Kubernetes with Helm"}),
    ("options-rejected-word", "prod",
        "<p>Helm was considered and rejected; the deployment uses Kustomize overlays.</p>",
        {"DT": "Kubernetes with Kustomize"}, {"DT": "Kubernetes with Helm"}),
    # --- 108/03: an autoscaler's maximum beside the nodes that run ---
    ("autoscaler-max-prose", "prod",
        "<p>Sourcegraph runs on the user pool sgpool, 3 × Standard_E16s_v5. The autoscaler may take it to 6 nodes during a "
        "re-index (min 3, max 6); at handover it sat at 3.</p>",
        {"IT": ["3 × Standard_E16s_v5"]}, {"IT": ["6 × Standard_E16s_v5"]}),
    ("autoscaler-max-table", "prod",
        _table(("Pool", "VM size", "Nodes", "Autoscaling"), ("sgpool", "Standard_E16s_v5", "3", "min 3 / max 6")),
        {"IT": ["3 × Standard_E16s_v5"]}, {"IT": ["6 × Standard_E16s_v5"]}),
    # --- 107/03: an estimator's result beside what was built ---
    ("estimator-then-built", "prod",
        "<p>The resource estimator suggested 48 vCPU and 192 GiB (a Standard_D48s_v5) for 1,080 repositories. We built "
        "one Standard_D32s_v5: 32 vCPU, 128 GiB.</p>",
        {"CPU": 32, "MEM": 128}, {"CPU": 48, "MEM": 192}),
    ("estimator-bullet", "prod",
        _ul("VM: Standard_D32s_v5 (32 vCPU / 128 GiB)", "Estimator output, for reference only: 48 vCPU / 192 GiB"),
        {"CPU": 32, "MEM": 128}, {"CPU": 48, "MEM": 192}),
    # --- 97/03, 97/04: a struck or "was" value beside the new one ---
    ("struck-users", "prod",
        "<p>Licensed users: <s>850</s> 600</p>",
        {"U": 600}, {"U": 850}),
    ("was-disk-bracket", "prod",
        "<p>Persistent disk: 2,816 GiB in all (was 1,024 GiB until the gitserver volumes were grown).</p>",
        {"D": 2816}, {"D": 1024}),
    # --- 89/01: a footnote mark after a count ---
    ("footnote-mark-count", "prod",
        "<p>Repositories: 2,500<sup>2</sup></p><p><sup>2</sup> counted on 3 May from the GitHub API.</p>",
        {"R": 2500}, {"R": 2}),
    # --- a DR site's section, its environment said once at the top ---
    ("dr-section-once", "bare",
        "<h2>DR site (warm standby)</h2>" + _ul("URL: https://sg-dr.tallow.example", "Nodes: 2 × m6i.4xlarge")
        + "<h2>Production (primary site)</h2>" + _ul("URL: https://sourcegraph.tallow.example", "Nodes: 4 × m6i.4xlarge"),
        {"URL": "https://sourcegraph.tallow.example", "IT": ["4 × m6i.4xlarge"]},
        {"URL": "https://sg-dr.tallow.example", "IT": ["2 × m6i.4xlarge"]}),
    # --- 113/05, 115/06: a host tried and dropped; a count before the move ---
    ("host-tried-and-dropped", "prod",
        "<p>We connect GitLab.com (1,200 projects) and the Gitea server (400 repositories), 1,600 in all. We tried Bitbucket "
        "Cloud for a week and dropped it.</p>",
        {"H": [GLC, "Other Git"], "R": 1600}, {"H": [BBC, GLC, "Other Git"], "R": 400}),
    ("host-migrated-away", "prod",
        "<p>The 60 CodeCommit repositories were migrated into GitHub.com in March and CodeCommit was switched off. "
        "Sourcegraph indexes 780 GitHub.com repositories.</p>",
        {"H": [GHC], "R": 780}, {"H": [CC, GHC], "R": 840}),
    # --- further shapes of the same traps: a host decided against, a phase planned, a pilot's subset, active
    # users, planned dates, another environment's line or column, a quota, an autoscaler's maximum, an
    # example command, hypercare ---
    # hosts
    ("host-evaluated-not-chosen", "prod",
        "<p>Sourcegraph indexes 2,100 repositories on GitHub Enterprise Server. We evaluated connecting Azure DevOps as well but decided against it.</p>",
        {"H": [GHES], "R": 2100}, {"H": [ADO, GHES]}),
    ("host-read-only-mirror-elsewhere", "prod",
        "<ul><li>GitLab Self-Managed: 1,400 projects</li><li>Bitbucket Cloud: mirrored into GitLab, so not connected separately</li></ul>",
        {"H": [GLSM], "R": 1400}, {"H": [BBC, GLSM]}),
    ("host-table-status-column-removed", "prod",
        _table(("Code host", "Repositories", "Status"), ("GitHub.com", "900", "Connected"), ("Bitbucket Cloud", "120", "Removed 2026-06")),
        {"H": [GHC], "R": 900}, {"H": [BBC, GHC], "R": 1020}),
    ("host-only-for-sso", "prod",
        "<p>Users sign in with their GitLab.com accounts (OAuth). Code comes from GitHub Enterprise Server only: 1,250 repositories.</p>",
        {"H": [GHES], "R": 1250}, {"H": [GHES, GLC]}),
    ("host-phase-two-row", "prod",
        _table(("Phase", "Code host", "Repositories"), ("1 (live)", "GitHub Enterprise Server", "1,600"), ("2 (planned Q1 2027)", "Gerrit", "300")),
        {"H": [GHES], "R": 1600}, {"H": [GERRIT, GHES], "R": 1900}),
    # repositories
    ("repos-pilot-subset", "prod",
        "<p>Production indexes all 3,200 repositories. The pilot in March covered only 400 of them.</p>",
        {"R": 3200}, {"R": 400}),
    ("repos-excluded-archived", "prod",
        "<p>Repositories: 2,450 indexed (a further 600 archived repositories are excluded)</p>",
        {"R": 2450}, {"R": 3050, "MR": 600}),
    ("repos-growth-per-year", "prod",
        "<p>Repositories: 2,450 today, growing by about 300 a year.</p>",
        {"R": 2450}, {"R": 300}),
    ("repos-waiting-wave", "prod",
        "<p>Wave 1 and 2 are synced: 1,800 repositories. Wave 3 (another 700) is scheduled for January.</p>",
        {"R": 1800}, {"R": 2500}),
    # users
    ("users-active-vs-licensed", "prod",
        "<p>Monthly active users: 640. Licensed seats: 1,000.</p>",
        {"U": 1000}, {"U": 640}),
    ("users-request-more-seats", "prod",
        "<p>The licence covers 1,000 users. Finance has asked for a quote for another 500 seats.</p>",
        {"U": 1000}, {"U": 1500}),
    ("users-peak-incident", "prod",
        "<p>Sized for 250 concurrent users. During the March incident 410 users were active at once.</p>",
        {"CU": 250}, {"CU": 410}),
    # dates
    ("dates-planned-vs-actual-table", "prod",
        _table(("Milestone", "Planned", "Actual"), ("Build start", "1 June 2026", "8 June 2026"), ("Build complete", "19 June 2026", "26 June 2026")),
        {"S": "2026-06-08", "C": "2026-06-26"}, {"S": "2026-06-01", "C": "2026-06-19"}),
    ("dates-staging-first", "prod",
        "<p>Staging was built 4–8 May 2026. The production build ran from 18 May 2026 to 29 May 2026.</p>",
        {"S": "2026-05-18", "C": "2026-05-29"}, {"S": "2026-05-04", "C": "2026-05-08"}),
    ("dates-upgrade-later", "prod",
        "<p>Production was built between 2 and 13 March 2026. The 6.2 upgrade was done on 20 April 2026.</p>",
        {"S": "2026-03-02", "C": "2026-03-13"}, {"C": "2026-04-20"}),
    ("dates-kickoff-before", "prod",
        "<p>Kick-off call: 10 February 2026. Production installation: 2 March to 6 March 2026.</p>",
        {"S": "2026-03-02", "C": "2026-03-06"}, {"S": "2026-02-10"}),
    # machines and totals
    ("machines-staging-line-in-list", "prod",
        _ul("Nodes: 4 × m6i.4xlarge (64 vCPU / 256 GiB)", "Staging: 1 × m6i.2xlarge (8 vCPU / 32 GiB)"),
        {"IT": ["4 × m6i.4xlarge"], "CPU": 64, "MEM": 256}, {"IT": ["1 × m6i.2xlarge", "4 × m6i.4xlarge"], "CPU": 72}),
    ("machines-next-quarter", "prod",
        "<p>3 × n2-standard-16 today (48 vCPU / 192 GB). A fourth node is planned for next quarter.</p>",
        {"IT": ["3 × n2-standard-16"], "CPU": 48, "MEM": 192}, {"IT": ["4 × n2-standard-16"], "CPU": 64}),
    ("machines-per-node-only", "prod",
        "<p>Each of the 3 worker nodes has 16 vCPU and 64 GB of memory.</p>",
        {"CPU": 48, "MEM": 192}, {"CPU": 16, "MEM": 64}),
    ("disk-per-volume", "prod",
        "<p>gitserver: 3 volumes of 1 TB each; everything else 500 GB. 3.5 TB in total.</p>",
        {"D": 3500}, {"D": 1000}),
    ("disk-snapshot-size", "prod",
        "<p>Data disk: 2 TB. Nightly snapshots use about 1.4 TB of backup storage.</p>",
        {"D": 2000}, {"D": 1400}),
    # URL
    ("url-staging-in-same-list", "prod",
        _ul("https://code.acme.example (production)", "https://code-staging.acme.example (staging)"),
        {"URL": "https://code.acme.example"}, {"URL": "https://code-staging.acme.example"}),
    ("url-old-tool", "prod",
        "<p>It replaces OpenGrok at https://opengrok.acme.example. Sourcegraph: https://sourcegraph.acme.example</p>",
        {"URL": "https://sourcegraph.acme.example"}, {"URL": "https://opengrok.acme.example"}),
    # deployment type / hosting
    ("dt-staging-compose", "prod",
        "<p>Production runs on EKS with the Helm chart. The staging copy is a single Docker Compose VM.</p>",
        {"DT": "Kubernetes with Helm", "HP": "AWS"}, {"DT": "Docker Compose"}),
    ("hp-dr-other-cloud", "prod",
        "<p>Production: GKE in europe-west1. Backups are copied to an AWS S3 bucket for disaster recovery.</p>",
        {"HP": "GCP"}, {"HP": "AWS"}),
    # limits
    ("limit-vs-tested", "prod",
        "<p>Agreed limit: 5,000 repositories. We tested up to 8,000 in the load test.</p>",
        {"MR": 5000}, {"MR": 8000}),
    ("limit-previous-contract", "prod",
        "<p>The previous contract allowed 500 users; the renewal signed in June raised it to 800.</p>",
        {"U": 800}, {"U": 500}),
    ("largest-other-tool", "prod",
        "<p>Largest repository: core-platform, 6.2 GB. (Hound could not index its 11 GB LFS store.)</p>",
        {"L": 6200}, {"L": 11000}),
    ("monorepos-candidates", "prod",
        "<p>One monorepo (mono-core). Two more repositories may become monorepos after the restructuring.</p>",
        {"M": 1}, {"M": 3}),

    ("as-is-to-be-columns", "bare",
        _table(("", "As-is (Hound)", "To-be (Sourcegraph)"), ("VM", "1 × m5.2xlarge", "1 × m6i.8xlarge"), ("vCPU", "8", "32"), ("Memory", "32 GiB", "128 GiB")),
        {"CPU": 32, "MEM": 128}, {"CPU": 8, "MEM": 32, "IT": ["1 × m5.2xlarge"]}),
    ("preprod-column-first", "bare",
        _table(("Item", "Pre-prod", "Prod"), ("Nodes", "2 × n2-standard-8", "4 × n2-standard-16"), ("URL", "https://sg-pp.acme.example", "https://sg.acme.example")),
        {"IT": ["4 × n2-standard-16"], "URL": "https://sg.acme.example"}, {"IT": ["2 × n2-standard-8"], "URL": "https://sg-pp.acme.example"}),
    ("sandbox-section", "bare",
        "<h2>Sandbox</h2><p>One t3.xlarge at https://sg-sandbox.acme.example for trying upgrades.</p>"
        "<h2>Live service</h2><p>Two m6i.4xlarge behind https://code.acme.example.</p>",
        {"URL": "https://code.acme.example"}, {"URL": "https://sg-sandbox.acme.example"}),
    ("quota-vs-used", "prod",
        _table(("Resource", "Quota", "Used"), ("CPU", "96", "64"), ("Memory", "384 GiB", "256 GiB")),
        {"CPU": 64, "MEM": 256}, {"CPU": 96, "MEM": 384}),
    ("headroom-sentence", "prod",
        "<p>The cluster has 64 vCPU and 256 GiB; the namespace could burst to 96 vCPU if the platform team lifts the quota.</p>",
        {"CPU": 64, "MEM": 256}, {"CPU": 96}),
    ("max-nodes-asg", "prod",
        "<p>Auto Scaling group: desired 3, min 3, max 8 × r6i.4xlarge.</p>",
        {}, {"IT": ["8 × r6i.4xlarge"]}),
    ("reserved-instances", "prod",
        "<p>Runs on 3 × r6i.4xlarge. Finance bought 5 reserved r6i.4xlarge for the wider platform.</p>",
        {"IT": ["3 × r6i.4xlarge"]}, {"IT": ["5 × r6i.4xlarge"]}),
    ("blue-green-old", "prod",
        "<p>The blue cluster (old, 3 × m5.4xlarge) was drained on 2 June; green (4 × m6i.4xlarge) now serves all traffic.</p>",
        {"IT": ["4 × m6i.4xlarge"]}, {"IT": ["3 × m5.4xlarge"]}),
    ("qa-env-dates", "prod",
        "<p>QA environment: built 3–7 August 2026. Production: built 17–28 August 2026.</p>",
        {"S": "2026-08-17", "C": "2026-08-28"}, {"S": "2026-08-03", "C": "2026-08-07"}),
    ("perf-env-users", "prod",
        "<p>The perf environment simulated 2,000 users. Production is licensed for 1,200.</p>",
        {"U": 1200}, {"U": 2000}),
    ("repos-per-env-sentence", "prod",
        "<p>Staging syncs 60 repositories for upgrade tests; production syncs 2,340.</p>",
        {"R": 2340}, {"R": 60}),
    ("dr-disk", "prod",
        "<p>Disk: 2 TB pd-ssd. The DR replica keeps another 2 TB in europe-west4.</p>",
        {"D": 2000}, {"D": 4000}),
    ("footnote-limit", "prod",
        "<p>Repositories: 3,100*</p><p>* the licence allows up to 5,000.</p>",
        {"R": 3100, "MR": 5000}, {"R": 5000}),
    ("cu-sla-target", "prod",
        "<p>SLO: p95 search latency under 2 s for up to 300 concurrent users.</p><p>Licence: 1,500 users.</p>",
        {"U": 1500}, {"U": 300}),
    ("example-command-url", "prod",
        "<p>Users go to https://code.acme.example.</p><pre>curl -H 'Authorization: token …' https://sourcegraph.example.com/.api/graphql</pre>",
        {"URL": "https://code.acme.example"}, {"URL": "https://sourcegraph.example.com"}),
    ("helm-example-values", "prod",
        "<p>Deployment: Kustomize overlays (our GitOps repository).</p><p>For reference, the vendor's quick start uses the Helm chart.</p>",
        {"DT": "Kubernetes with Kustomize"}, {"DT": "Kubernetes with Helm"}),
    ("start-date-ordered", "prod",
        "<p>Hardware ordered 1 April 2026, delivered 20 April 2026. Installation of production started 27 April 2026 and finished 8 May 2026.</p>",
        {"S": "2026-04-27", "C": "2026-05-08"}, {"S": "2026-04-01", "C": "2026-04-20"}),
    ("completion-hypercare", "prod",
        "<p>Production build: 4–15 May 2026. Hypercare ended on 12 June 2026.</p>",
        {"S": "2026-05-04", "C": "2026-05-15"}, {"C": "2026-06-12"}),
    ("largest-before-cleanup", "prod",
        "<p>Largest repository: legacy-mono, 14 GB (it was 22 GB before the LFS clean-up).</p>",
        {"L": 14000}, {"L": 22000}),
]
# fmt: on

_MISSING = frozenset(
    {
        "acceptance-tests-list",
        "acquisition-growth-prose",
        "as-is-to-be-columns",
        "cab-size-approved",
        "cloud-app-onprem-host",
        "control-plane-list",
        "disk-per-volume",
        "footnote-limit",
        "headroom-sentence",
        "host-migrated-away",
        "host-removed-struck",
        "hp-dr-other-cloud",
        "incident-scale-up-back",
        "limit-previous-contract",
        "old-platform-memory",
        "one-shard-then-sum",
        "options-then-decision",
        "placeholder-url-replaced",
        "qa-env-dates",
        "quota-vs-used",
        "repos-per-env-sentence",
        "repos-pilot-subset",
        "repos-waiting-wave",
        "resized-since-design",
        "restore-test-first",
        "system-pool-prose",
        "validation-copy-after",
        "was-disk-bracket",
    }
)
# probe → why it is still read wrong (a strict xfail: the day it reads right, the mark must go)
_WRONG: dict[str, str] = {
    "hypothesis-then-actual": (
        "a planning hypothesis is the only bound the probe gives, and a sizing's assumptions alone are the "
        "limits it was sized for (`read.premises`, measured on the tuning sets): telling the estate's premise "
        "from the sizing's needs a guess"
    ),
    "changelog-adds-monorepo-table": (
        "the revision table's change cell is read for its host only, not its count (`Total now 1,985`); "
        "dropping the first host's count as a partial sum instead loses that host from the code hosts"
    ),
}


def _value(view: Any, name: str) -> Any:
    fv = view.fields.get(name)
    value = None if fv is None or name in view.conflicted else fv.to_json()["value"]
    return sorted(value) if isinstance(value, list) else value


def read_probe(wrapper: str, body: Any, catalogue: Catalogue) -> dict[str, Any]:
    """The probe's fields as `handoff check` shows them (lists sorted, a conflict as None)."""
    view = tdd_fields(read_document(probe_document(_WRAP, wrapper, body), catalogue).values, catalogue)
    return {short: _value(view, name) for short, name in _FIELDS.items()}


def _norm(value: Any) -> Any:
    return sorted(value) if isinstance(value, list) else value


def _params() -> list[Any]:
    out = []
    for pid, wrapper, body, expect, trap in PROBES:
        marks = [pytest.mark.xfail(strict=True, reason=_WRONG[pid])] if pid in _WRONG else []
        out.append(pytest.param(wrapper, body, expect, trap, pid in _MISSING, id=pid, marks=marks))
    return out


@pytest.mark.parametrize(("wrapper", "body", "expect", "trap", "missing"), _params())
def test_paraphrased_trap(
    catalogue: Catalogue,
    pinned: None,
    wrapper: str,
    body: Any,
    expect: dict[str, Any],
    trap: dict[str, Any],
    missing: bool,
) -> None:
    got = read_probe(wrapper, body, catalogue)
    for short, bad in trap.items():
        assert got[short] != _norm(bad), ("trap", short, got[short])
    for short in {*expect, *trap}:
        want = _norm(expect.get(short))
        assert got[short] in (want, None) if missing else got[short] == want, (short, got[short], want)


def test_the_traps_are_many_and_named_once() -> None:
    ids = [p[0] for p in PROBES]
    assert len(ids) >= 120
    assert len(set(ids)) == len(ids)
    assert set(ids) >= _MISSING | set(_WRONG)
    for _pid, _wrapper, _body, expect, trap in PROBES:
        assert trap and all(_norm(expect.get(k)) != _norm(v) for k, v in trap.items())
