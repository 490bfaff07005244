# ruff: noqa: E501
"""Probes of choices marked among options and of other systems' figures (one fact each, all fields).

Two traps that give a wrong value. A form lists every option and marks the chosen one (boxes
before or after their options, `[x]`, `(•)`, a struck-out "delete as appropriate", the one bold or
highlighted option, a column of ticks in a table of options or size tiers): only the chosen option
is the deployment's, and where nothing shows which, no value. A document where Sourcegraph is one
service among several (a service catalogue, a tenant plan, a CMDB extract, a cost allocation, a
list of tools, a clause about Jenkins): only Sourcegraph's row, item or clause gives values.

Each case is a short body read through the whole reader and the view `handoff tdd` shows (HTML
with or without a `Production` heading, or a Docs API document built here). `want` is the value
the field must have (None: absent; lists compared as sets). `MISSING` cases are gaps where the
reader gives no value: they must never give a wrong one. `WRONG` cases still give a wrong value
(`strict`: the day one is read right, it must leave the list).
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields

P: list[tuple[str, str, Any, str, Any]] = []


def add(id_: str, kind: str, body: Any, field: str, want: Any) -> None:
    P.append((id_, kind, body, field, want))


def run(
    text: str, strike: bool = False, bold: bool = False, hl: dict[str, float] | None = None
) -> dict[str, Any]:
    style: dict[str, Any] = {}
    if strike:
        style["strikethrough"] = True
    if bold:
        style["bold"] = True
    if hl:
        style["backgroundColor"] = {"color": {"rgbColor": hl}}
    return {"textRun": {"content": text, "textStyle": style}}


def para(*parts: Any, style: str = "NORMAL_TEXT") -> dict[str, Any]:
    elements = [run(p) if isinstance(p, str) else p for p in parts] + [run("\n")]
    return {"paragraph": {"elements": elements, "paragraphStyle": {"namedStyleType": style}}}


def _cell(*parts: Any) -> dict[str, Any]:
    return {"content": [para(*parts)], "tableCellStyle": {"rowSpan": 1, "columnSpan": 1}}


def table(*rows: Any) -> dict[str, Any]:
    return {"table": {"rows": len(rows), "columns": len(rows[0]), "tableRows": [
        {"tableCells": [_cell(*(c if isinstance(c, list | tuple) else [c])) for c in r]} for r in rows]}}  # fmt: skip


def doc(*content: Any, heading: bool = True, title: bool = True) -> dict[str, Any]:
    body = [para("Sourcegraph TDD", style="HEADING_1")] if title else []
    if heading:
        body.append(para("Production", style="HEADING_2"))
    body += list(content)
    tab = {
        "tabProperties": {"tabId": "t.0", "title": "Tab 1", "index": 0},
        "documentTab": {"body": {"content": body}},
    }
    return {"title": "TDD", "documentId": "x", "tabs": [tab]}


YEL = {"red": 1.0, "green": 1.0, "blue": 0.0}

# fmt: off

# ---------- Trap 1: choices marked among options (HTML) ----------
K, KZ, DC = "Kubernetes with Helm", "Kubernetes with Kustomize", "Docker Compose"
add("box-cloud-first", "h", "<p>Cloud provider: ☒ AWS ☐ GCP ☐ Azure</p>", "hosting_provider", "AWS")
add("box-cloud-second", "h", "<p>Cloud provider: ☐ AWS ☒ GCP ☐ Azure</p>", "hosting_provider", "GCP")
add("box-cloud-third", "h", "<p>Hosting: ☐ AWS ☐ GCP ☒ Azure ☐ On-prem</p>", "hosting_provider", "Azure")
add("box-cloud-none", "h", "<p>Hosting: ☐ AWS ☐ GCP ☐ Azure</p>", "hosting_provider", None)
add("box-cloud-ballot", "h", "<p>Where will it run?  ☐ AWS  ☑ Azure  ☐ GCP  ☐ on-premises</p>", "hosting_provider", "Azure")
add("brk-deploy-2nd", "h", "<p>Deployment method: [ ] Helm [x] Kustomize [ ] Docker Compose</p>", "deployment_type", KZ)
add("brk-deploy-3rd", "h", "<p>Deployment method: [ ] Helm [ ] Kustomize [X] Docker Compose</p>", "deployment_type", DC)
add("brk-deploy-1st", "h", "<p>Install via: [x] Helm chart [ ] Kustomize [ ] docker-compose</p>", "deployment_type", K)
add("radio-deploy", "h", "<p>Platform: ( ) Kubernetes (•) Docker Compose ( ) Single container</p>", "deployment_type", DC)
add("radio-deploy-b", "h", "<p>Platform: (•) Kubernetes with Helm ( ) Docker Compose</p>", "deployment_type", K)
add("radio-cloud", "h", "<p>Provider: ◯ AWS ◉ GCP ◯ Azure</p>", "hosting_provider", "GCP")
add("radio-cloud-o", "h", "<p>Provider: ○ Amazon Web Services ● Microsoft Azure ○ Google Cloud</p>", "hosting_provider", "Azure")
add("radio-x-paren", "h", "<p>Cloud: (x) GCP ( ) AWS ( ) Azure</p>", "hosting_provider", "GCP")
add("radio-x-paren2", "h", "<p>Cloud: ( ) GCP ( ) AWS (X) Azure</p>", "hosting_provider", "Azure")
add("li-box-cloud", "h", "<p>Hosting provider:</p><ul><li>☐ AWS</li><li>☒ Azure</li><li>☐ GCP</li></ul>", "hosting_provider", "Azure")
add("li-brk-deploy", "h", "<p>Deployment type</p><ul><li>[ ] Helm</li><li>[ ] Kustomize</li><li>[x] Docker Compose</li></ul>", "deployment_type", DC)
add("li-check-deploy", "h", "<p>Deployment type:</p><ul><li>Helm</li><li>Kustomize ✔</li><li>Docker Compose</li></ul>", "deployment_type", KZ)
add("tick-after", "h", "<p>Cloud: AWS ☐ / GCP ☒ / Azure ☐</p>", "hosting_provider", "GCP")
add("sel-col-cloud", "h", "<table><tr><th>Option</th><th>Selected</th></tr><tr><td>AWS</td><td></td></tr><tr><td>GCP</td><td>✔</td></tr><tr><td>Azure</td><td></td></tr></table>", "hosting_provider", "GCP")
add("sel-col-deploy", "h", "<table><tr><th>Deployment option</th><th>Chosen</th></tr><tr><td>Helm</td><td></td></tr><tr><td>Kustomize</td><td>X</td></tr><tr><td>Docker Compose</td><td></td></tr></table>", "deployment_type", KZ)
add("sel-col-deploy-yes", "h", "<table><tr><th>Deployment option</th><th>Selected?</th></tr><tr><td>Helm</td><td>No</td></tr><tr><td>Kustomize</td><td>No</td></tr><tr><td>Docker Compose</td><td>Yes</td></tr></table>", "deployment_type", DC)
add("sel-col-first-col", "h", "<table><tr><th>✓</th><th>Hosting</th></tr><tr><td></td><td>AWS</td></tr><tr><td>✓</td><td>Azure</td></tr></table>", "hosting_provider", "Azure")
add("ynna-cloud", "h", "<table><tr><th>Question</th><th>Yes</th><th>No</th><th>N/A</th></tr><tr><td>Hosted on AWS?</td><td></td><td>X</td><td></td></tr><tr><td>Hosted on Azure?</td><td>X</td><td></td><td></td></tr></table>", "hosting_provider", "Azure")
add("ynna-deploy", "h", "<table><tr><th>Item</th><th>Yes</th><th>No</th><th>N/A</th></tr><tr><td>Deployed with Helm</td><td></td><td>X</td><td></td></tr><tr><td>Deployed with Docker Compose</td><td>X</td><td></td><td></td></tr></table>", "deployment_type", DC)
add("ynna-codehost", "h", "<table><tr><th>Code host</th><th>Yes</th><th>No</th></tr><tr><td>GitHub Enterprise</td><td>✔</td><td></td></tr><tr><td>GitLab</td><td></td><td>✔</td></tr><tr><td>Bitbucket Server</td><td>✔</td><td></td></tr></table>", "code_hosts", ["GitHub Enterprise Server", "Bitbucket Server / Data Center"])
add("strike-s-cloud", "h", "<p>Cloud (delete as appropriate): <s>AWS</s> / GCP / <s>Azure</s></p>", "hosting_provider", "GCP")
add("strike-del-cloud", "h", "<p>Cloud (delete as appropriate): AWS / <del>GCP</del> / <del>Azure</del></p>", "hosting_provider", "AWS")
add("strike-span-deploy", "h", '<p>Deployment (delete as appropriate): <span style="text-decoration: line-through">Helm</span> / <span style="text-decoration:line-through">Kustomize</span> / Docker Compose</p>', "deployment_type", DC)
add("strike-class-cloud", "h", '<style>.c3{text-decoration:line-through}</style><p>Hosting: <span class="c3">AWS</span> / <span>Azure</span> / <span class="c3">GCP</span></p>', "hosting_provider", "Azure")
add("strike-span-hosts", "h", '<p>Code hosts (strike out those not used): GitHub Enterprise, <span style="text-decoration: line-through">GitLab</span>, <span style="text-decoration: line-through">Bitbucket Server</span>, Perforce</p>', "code_hosts", ["GitHub Enterprise Server", "Perforce"])
add("bold-cloud", "h", "<p>Hosting: AWS | <b>GCP</b> | Azure</p>", "hosting_provider", "GCP")
add("bold-deploy", "h", "<p>Deployment: Helm / Kustomize / <strong>Docker Compose</strong> / Single container</p>", "deployment_type", DC)
add("hl-cloud", "h", '<p>Hosting: AWS / <span style="background-color:#ffff00">Azure</span> / GCP</p>', "hosting_provider", "Azure")
add("hl-deploy", "h", '<p>Deployment: <span style="background-color: #fff2cc">Kustomize</span> / Helm / Docker Compose</p>', "deployment_type", KZ)
add("unmarked-cloud", "h", "<p>Cloud: AWS / GCP / Azure</p>", "hosting_provider", None)
add("unmarked-deploy", "h", "<p>Deployment type: Helm | Kustomize | Docker Compose</p>", "deployment_type", None)
add("unmarked-brk", "h", "<p>Deployment method: [ ] Helm [ ] Kustomize [ ] Docker Compose</p>", "deployment_type", None)
add("box-hosts-multi", "h", "<p>Code hosts: ☒ GitHub Enterprise ☒ GitLab Self-Managed ☐ Bitbucket Server ☐ Perforce</p>", "code_hosts", ["GitHub Enterprise Server", "GitLab Self-Managed"])
add("brk-hosts-multi", "h", "<p>Code hosts: [ ] GitHub.com [x] Bitbucket Data Center [ ] GitLab [x] Gerrit</p>", "code_hosts", ["Bitbucket Server / Data Center", "Gerrit"])
add("li-box-hosts", "h", "<p>Which code hosts?</p><ul><li>☐ GitHub</li><li>☒ Azure DevOps</li><li>☐ GitLab</li></ul>", "code_hosts", ["Azure DevOps"])
add("box-repos-bucket", "h", "<p>Number of repositories: ☐ under 1,000 ☒ 1,000–5,000 ☐ over 5,000</p>", "repositories", None)
add("box-users-bucket", "h", "<p>Users: ☐ up to 500 ☒ 500–2,000 ☐ more than 2,000</p>", "max_users", None)
add("box-type", "h", "<p>Instance type: ☐ m6i.2xlarge ☒ m6i.4xlarge ☐ m6i.8xlarge</p>", "instance_types", ["1 × m6i.4xlarge"])
add("box-cpu", "h", "<p>vCPU: ☐ 16 ☒ 32 ☐ 64</p>", "total_cpu", 32)
add("box-mem", "h", "<p>Memory: ☐ 64 GB ☐ 128 GB ☒ 256 GB</p>", "total_memory_gb", 256)
add("box-disk", "h", "<p>Disk: ☒ 500 GB ☐ 1 TB ☐ 2 TB</p>", "total_disk_gb", 500)
add("brk-disk", "h", "<p>Disk size: [ ] 500 GB [x] 1 TB [ ] 2 TB</p>", "total_disk_gb", 1000)
add("strike-cpu", "h", "<p>vCPU (delete as appropriate): <s>16</s> / 32 / <s>64</s></p>", "total_cpu", 32)
add("strike-mem", "h", '<p>RAM: <span style="text-decoration:line-through">64 GB</span> / 128 GB</p>', "total_memory_gb", 128)
add("box-url", "h", "<p>Instance URL: ☐ https://sg.acme.io ☒ https://sourcegraph.acme.io</p>", "instance_url", "https://sourcegraph.acme.io")
add("box-status-date", "h", "<p>Go-live: ☒ Done, 12 May 2025 ☐ Not yet</p>", "completion_date", "2025-05-12")

tier_rows = [("S", "500", "16", "64", "500"), ("M", "1,000", "32", "128", "1,000"), ("L", "2,500", "64", "256", "2,000"), ("XL", "5,000", "96", "384", "4,000")]
def tiers(mark_idx, mark="✔", hdr=("Tier", "Users", "vCPU", "Memory (GB)", "Disk (GB)", "Selected")):
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + f"<td>{mark if i == mark_idx else ''}</td></tr>" for i, r in enumerate(tier_rows))
    return "<table><tr>" + "".join(f"<th>{h}</th>" for h in hdr) + "</tr>" + rows + "</table>"
for f, col in ([("total_cpu", 2), ("total_memory_gb", 3), ("total_disk_gb", 4)]):
    for m in (1, 2):
        v = int(tier_rows[m][col].replace(",", ""))
        add(f"tier-sel-{f}-{m}", "h", tiers(m), f, v)
add("tier-sel-X-cpu", "h", tiers(2, "X"), "total_cpu", 64)
add("tier-sel-box-cpu", "h", tiers(3, "☒"), "total_cpu", 96)
add("tier-none-cpu", "h", tiers(-1), "total_cpu", None)
add("tier-none-mem", "h", tiers(-1), "total_memory_gb", None)
def tiers_first(mark_idx, mark="☒"):
    rows = "".join(f"<tr><td>{mark if i == mark_idx else '☐'}</td>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for i, r in enumerate(tier_rows))
    return "<table><tr><th></th><th>Size</th><th>Users</th><th>vCPU</th><th>RAM (GB)</th><th>Disk (GB)</th></tr>" + rows + "</table>"
add("tierbox-first-cpu", "h", tiers_first(1), "total_cpu", 32)
add("tierbox-first-disk", "h", tiers_first(2), "total_disk_gb", 2000)
add("tier-line", "h", "<p>Size: S / M / <b>L</b> / XL (L = 64 vCPU, 256 GB RAM)</p>", "total_cpu", 64)
add("tier-text-chosen", "h", "<p>We picked the L tier.</p>" + tiers(-1), "total_cpu", 64)

# ---------- Trap 1: Docs JSON ----------
add("d-strike-cloud", "d", [para("Cloud: ", run("AWS", strike=True), " / GCP / ", run("Azure", strike=True))], "hosting_provider", "GCP")
add("d-strike-deploy", "d", [para("Deployment (delete as appropriate): ", run("Helm", strike=True), " / Kustomize / ", run("Docker Compose", strike=True))], "deployment_type", KZ)
add("d-strike-cpu", "d", [para("vCPU: ", run("16", strike=True), " / ", run("32", strike=True), " / 64")], "total_cpu", 64)
add("d-bold-cloud", "d", [para("Hosting: AWS | ", run("Azure", bold=True), " | GCP")], "hosting_provider", "Azure")
add("d-bold-deploy", "d", [para("Deployment: ", run("Helm", bold=True), " / Kustomize / Docker Compose")], "deployment_type", K)
add("d-hl-cloud", "d", [para("Hosting: AWS / GCP / ", run("Azure", hl=YEL))], "hosting_provider", "Azure")
add("d-hl-deploy", "d", [para("Deployment: Helm / ", run("Docker Compose", hl=YEL), " / Kustomize")], "deployment_type", DC)
add("d-box-cloud", "d", [para("Cloud: ☐ AWS ☒ GCP ☐ Azure")], "hosting_provider", "GCP")
add("d-tbl-strike-cloud", "d", [table(["Hosting provider", [run("AWS", strike=True), " / Azure / ", run("GCP", strike=True)]])], "hosting_provider", "Azure")
add("d-tbl-strike-deploy", "d", [table(["Field", "Value"], ["Deployment type", [run("Helm", strike=True), " / ", run("Kustomize", strike=True), " / Docker Compose"]])], "deployment_type", DC)
add("d-tbl-bold-cloud", "d", [table(["Field", "Value"], ["Cloud", ["AWS / ", run("GCP", bold=True), " / Azure"]])], "hosting_provider", "GCP")
add("d-tbl-sel", "d", [table(["Option", "Selected"], ["AWS", ""], ["Azure", ""], ["GCP", "✔"])], "hosting_provider", "GCP")
add("d-tbl-tier", "d", [table(["Tier", "vCPU", "RAM (GB)", "Selected"], ["S", "16", "64", ""], ["M", "32", "128", "✔"], ["L", "64", "256", ""])], "total_cpu", 32)
add("d-tbl-tier-mem", "d", [table(["Tier", "vCPU", "RAM (GB)", "Selected"], ["S", "16", "64", ""], ["M", "32", "128", ""], ["L", "64", "256", "✔"])], "total_memory_gb", 256)
add("d-tbl-tier-hl", "d", [table(["Tier", "vCPU", "RAM (GB)"], ["S", "16", "64"], [[run("M", bold=True)], [run("32", bold=True)], [run("128", bold=True)]], ["L", "64", "256"])], "total_cpu", 32)
add("d-strike-hosts", "d", [para("Code hosts: GitHub Enterprise, ", run("GitLab", strike=True), ", Bitbucket Server, ", run("Perforce", strike=True))], "code_hosts", ["GitHub Enterprise Server", "Bitbucket Server / Data Center"])
add("d-nohead-box", "dn", [para("Deployment type: ☐ Helm ☒ Docker Compose")], "deployment_type", DC)
add("d-strike-url", "d", [para("URL: ", run("https://sg-old.acme.io", strike=True), " https://sourcegraph.acme.io")], "instance_url", "https://sourcegraph.acme.io")
add("d-strike-date", "d", [para("Go-live date: ", run("3 March 2025", strike=True), " 17 March 2025")], "completion_date", "2025-03-17")
add("nohead-box-cloud", "n", "<p>Cloud provider: ☐ AWS ☒ Azure</p>", "hosting_provider", "Azure")
add("nohead-brk-deploy", "n", "<p>Deployment: [ ] Helm [x] Docker Compose</p>", "deployment_type", DC)
add("col-env-box", "n", "<table><tr><th>Field</th><th>Staging</th><th>Production</th></tr><tr><td>Cloud</td><td>☒ AWS ☐ GCP</td><td>☐ AWS ☒ GCP</td></tr></table>", "hosting_provider", "GCP")
add("transcript-choice", "h", "<p><b>Priya:</b> Is it AWS, GCP or Azure?</p><p><b>Sam:</b> Azure. We looked at AWS but no.</p>", "hosting_provider", "Azure")
add("form-q-answer", "h", "<p>Q3. Which deployment method?</p><ol type='a'><li>Helm</li><li><b>Docker Compose</b></li><li>Kustomize</li></ol>", "deployment_type", DC)
add("form-q-boxes", "h", "<p>Which cloud will host production?</p><p>☐ AWS</p><p>☒ GCP</p><p>☐ Azure</p>", "hosting_provider", "GCP")
add("form-q-boxes-nm", "h", "<p>Which cloud will host production?</p><p>☐ AWS</p><p>☐ GCP</p><p>☐ Azure</p>", "hosting_provider", None)
add("para-boxes-nolabel", "h", "<p>Hosting provider</p><p>☐ AWS</p><p>☐ GCP</p><p>☒ Azure</p>", "hosting_provider", "Azure")
add("emoji-check", "h", "<p>Cloud: ✅ GCP · ⬜ AWS · ⬜ Azure</p>", "hosting_provider", "GCP")
add("emoji-cross", "h", "<p>Deployment: ❌ Helm ✅ Docker Compose ❌ Kustomize</p>", "deployment_type", DC)
add("yes-no-inline", "h", "<p>AWS: No. GCP: No. Azure: Yes.</p>", "hosting_provider", "Azure")
add("checked-word", "h", "<p>Helm [ ]  Kustomize [ ]  Docker Compose [✓]</p>", "deployment_type", DC)

# ---------- Trap 2: other systems' figures ----------
def cat_table(rows, hdr=("Service", "Owner", "URL", "Hosts", "vCPU", "RAM (GB)", "Disk (GB)")):
    return "<table><tr>" + "".join(f"<th>{h}</th>" for h in hdr) + "</tr>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>"
CAT = [("Jenkins", "Build team", "https://jenkins.acme.io", "4 × c5.2xlarge", "32", "64", "2,000"),
       ("Sourcegraph", "DevEx", "https://sourcegraph.acme.io", "2 × m6i.4xlarge", "32", "128", "1,000"),
       ("Artifactory", "Platform", "https://artifacts.acme.io", "3 × r5.xlarge", "12", "96", "8,000")]
for fld, exp in [("instance_url", "https://sourcegraph.acme.io"), ("instance_types", ["2 × m6i.4xlarge"]), ("total_cpu", 32), ("total_memory_gb", 128), ("total_disk_gb", 1000)]:
    add(f"catalogue-{fld}", "n", "<h2>Service catalogue</h2>" + cat_table(CAT), fld, exp)
    add(f"catalogue-sgfirst-{fld}", "n", "<h2>Service catalogue</h2>" + cat_table([CAT[1], CAT[0], CAT[2]]), fld, exp)
CMDB = cat_table([("ci-0041", "jenkins-prod-01", "Linux server", "Production", "c5.4xlarge", "16", "32"),
                  ("ci-0042", "sourcegraph-prod-01", "Linux server", "Production", "m6i.8xlarge", "32", "128"),
                  ("ci-0043", "gitlab-prod-01", "Linux server", "Production", "m5.2xlarge", "8", "32")],
                 ("CI ID", "Name", "Class", "Environment", "Instance type", "CPU", "Memory (GB)"))
for fld, exp in [("instance_types", ["1 × m6i.8xlarge"]), ("total_cpu", 32), ("total_memory_gb", 128)]:
    add(f"cmdb-{fld}", "n", "<h2>CMDB extract</h2>" + CMDB, fld, exp)
TEN = cat_table([("jenkins", "24", "96 Gi", "500 Gi"), ("sourcegraph", "16", "64 Gi", "300 Gi"), ("gitlab-runner", "8", "32 Gi", "100 Gi"), ("Cluster total", "64", "256 Gi", "1,200 Gi")],
                ("Namespace", "CPU requests", "Memory requests", "PVC storage"))
for fld, exp in [("total_cpu", 16), ("total_memory_gb", 64), ("total_disk_gb", 300)]:
    add(f"tenant-{fld}", "n", "<h2>Shared cluster tenant plan</h2><p>The platform EKS cluster hosts several tenants.</p>" + TEN, fld, exp)
COST = cat_table([("Jenkins", "c5.2xlarge", "6", "$1,800"), ("Sourcegraph", "m6i.4xlarge", "3", "$1,650"), ("Postgres (shared)", "db.r6g.2xlarge", "1", "$900")],
                 ("Service", "Instance type", "Count", "Monthly cost"))
add("cost-types", "n", "<h2>Cost allocation by service</h2>" + COST, "instance_types", ["3 × m6i.4xlarge"])
DR = cat_table([("GitLab", "Tier 1", "1 h", "2024-02-01"), ("Sourcegraph", "Tier 3", "24 h", "2025-06-10"), ("Jenkins", "Tier 2", "4 h", "2023-11-15")],
               ("Service", "DR tier", "RTO", "Go-live"))
add("dr-golive", "n", "<h2>DR tiering</h2>" + DR, "completion_date", "2025-06-10")
add("dr-golive-h", "h", "<p>Sourcegraph production.</p><h3>DR tiering (all services)</h3>" + DR, "completion_date", "2025-06-10")
USERS = cat_table([("Jenkins", "1,200"), ("GitLab", "3,400"), ("Sourcegraph", "850"), ("Artifactory", "600")], ("Tool", "Active users"))
add("users-by-tool", "n", "<h2>Licence usage by tool</h2>" + USERS, "max_users", 850)
def sections(sg_first=False):
    j = "<h2>Jenkins</h2><p>Runs on 4 × c5.2xlarge (32 vCPU, 64 GB in total) with 2 TB of disk. URL: https://jenkins.acme.io. 1,200 users. Live since 2023-04-01.</p>"
    s = "<h2>Sourcegraph</h2><p>Runs on 2 × m6i.4xlarge (32 vCPU, 128 GB in total) with 1 TB of disk. URL: https://sourcegraph.acme.io. 850 users. Live since 2025-05-20.</p>"
    g = "<h2>GitLab</h2><p>Runs on 1 × m5.4xlarge (16 vCPU, 64 GB) with 4 TB of disk. URL: https://gitlab.acme.io. 3,400 users. Live since 2022-09-12.</p>"
    return "<h1>Platform report Q2</h1>" + (s + j + g if sg_first else j + s + g)
for fld, exp in [("instance_types", ["2 × m6i.4xlarge"]), ("total_cpu", 32), ("total_memory_gb", 128), ("total_disk_gb", 1000), ("instance_url", "https://sourcegraph.acme.io"), ("max_users", 850)]:
    add(f"report-{fld}", "raw", sections(), fld, exp)
    add(f"report-sgfirst-{fld}", "raw", sections(True), fld, exp)
add("prose-cluster-total", "h", "<p>The shared cluster has 96 vCPU and 384 GB in total; Sourcegraph's namespace is allotted 32 vCPU and 128 GB.</p>", "total_cpu", 32)
add("prose-cluster-total-mem", "h", "<p>The shared cluster has 96 vCPU and 384 GB in total; Sourcegraph's namespace is allotted 32 vCPU and 128 GB.</p>", "total_memory_gb", 128)
add("prose-jenkins-types", "h", "<p>Jenkins runs on 4 × c5.2xlarge; Sourcegraph runs on 2 × m6i.4xlarge.</p>", "instance_types", ["2 × m6i.4xlarge"])
add("prose-jenkins-types-rev", "h", "<p>Sourcegraph runs on 2 × m6i.4xlarge, next to the Jenkins fleet of 4 × c5.2xlarge.</p>", "instance_types", ["2 × m6i.4xlarge"])
add("prose-db-server", "h", "<p>Sourcegraph: 1 × m6i.8xlarge. The Postgres server is a db.r6g.2xlarge with 500 GB of storage.</p>", "instance_types", ["1 × m6i.8xlarge"])
add("prose-db-disk", "h", "<p>Sourcegraph: 1 × m6i.8xlarge with a 1 TB data disk. The database server has 500 GB of storage.</p>", "total_disk_gb", 1000)
add("prose-urls", "h", "<p>Jenkins: https://jenkins.acme.io; Sourcegraph: https://sourcegraph.acme.io; Artifactory: https://artifactory.acme.io</p>", "instance_url", "https://sourcegraph.acme.io")
add("prose-urls-sglast", "h", "<p>Related tools: GitLab at https://git.acme.io, Jenkins at https://ci.acme.io. Sourcegraph itself is at https://code.acme.io.</p>", "instance_url", "https://code.acme.io")
add("prose-users", "h", "<p>Jenkins has 1,200 users; Sourcegraph has 800 users.</p>", "max_users", 800)
add("prose-dates", "h", "<p>Artifactory went live on 10 January 2024. Sourcegraph went live on 1 March 2025.</p>", "completion_date", "2025-03-01")
add("prose-codehost-jenkins", "h", "<p>Sourcegraph indexes GitHub Enterprise. Jenkins builds from Bitbucket Server.</p>", "code_hosts", ["GitHub Enterprise Server"])
add("prose-gitlab-repos", "h", "<p>Sourcegraph indexes 3,100 repositories. GitLab itself holds 4,200 projects.</p>", "repositories", 3100)
add("prose-gitlab-repos2", "h", "<p>GitLab hosts 4,200 repositories, of which Sourcegraph indexes 3,100.</p>", "repositories", 3100)
add("li-services", "h", "<ul><li>Jenkins – 6 × c5.2xlarge, 48 vCPU</li><li>Sourcegraph – 2 × m6i.4xlarge, 32 vCPU</li><li>Nexus – 1 × r5.2xlarge, 8 vCPU</li></ul>", "total_cpu", 32)
add("li-services-types", "h", "<ul><li>Jenkins – 6 × c5.2xlarge, 48 vCPU</li><li>Sourcegraph – 2 × m6i.4xlarge, 32 vCPU</li><li>Nexus – 1 × r5.2xlarge, 8 vCPU</li></ul>", "instance_types", ["2 × m6i.4xlarge"])
add("pools", "h", "<table><tr><th>Node pool</th><th>Workload</th><th>Type</th><th>Nodes</th></tr><tr><td>pool-ci</td><td>Jenkins agents</td><td>c5.4xlarge</td><td>8</td></tr><tr><td>pool-sg</td><td>Sourcegraph</td><td>m6i.4xlarge</td><td>3</td></tr></table>", "instance_types", ["3 × m6i.4xlarge"])
add("kv-other-first", "h", "<table><tr><td>GitLab server</td><td>m5.4xlarge, 16 vCPU, 64 GB</td></tr><tr><td>Sourcegraph server</td><td>m6i.8xlarge, 32 vCPU, 128 GB</td></tr></table>", "total_cpu", 32)
add("kv-other-first-mem", "h", "<table><tr><td>GitLab server</td><td>m5.4xlarge, 16 vCPU, 64 GB</td></tr><tr><td>Sourcegraph server</td><td>m6i.8xlarge, 32 vCPU, 128 GB</td></tr></table>", "total_memory_gb", 128)
add("kv-other-first-types", "h", "<table><tr><td>GitLab server</td><td>m5.4xlarge, 16 vCPU, 64 GB</td></tr><tr><td>Sourcegraph server</td><td>m6i.8xlarge, 32 vCPU, 128 GB</td></tr></table>", "instance_types", ["1 × m6i.8xlarge"])
add("nosg-only-jenkins", "h", "<p>For reference, the Jenkins controller runs on 1 × c5.4xlarge with 16 vCPU.</p>", "total_cpu", None)
add("nosg-only-jenkins-t", "h", "<p>For reference, the Jenkins controller runs on 1 × c5.4xlarge with 16 vCPU.</p>", "instance_types", None)
add("whole-cluster-nodes", "h", "<p>Sourcegraph runs in the shared platform cluster (12 × m5.4xlarge nodes, 192 vCPU in total), in its own namespace with 24 vCPU and 96 GiB of requests.</p>", "total_cpu", 24)
add("whole-cluster-types", "h", "<p>Sourcegraph runs in the shared platform cluster (12 × m5.4xlarge nodes, 192 vCPU in total), in its own namespace with 24 vCPU and 96 GiB of requests.</p>", "instance_types", None)
# Docs JSON other systems
dcat = table(["Service", "URL", "vCPU", "RAM (GB)", "Users"], ["Jenkins", "https://jenkins.acme.io", "48", "96", "1,200"], ["Sourcegraph", "https://sourcegraph.acme.io", "32", "128", "850"], ["Nexus", "https://nexus.acme.io", "8", "32", "300"])
for fld, exp in [("instance_url", "https://sourcegraph.acme.io"), ("total_cpu", 32), ("total_memory_gb", 128), ("max_users", 850)]:
    add(f"d-catalogue-{fld}", "dn", [para("Service catalogue", style="HEADING_2"), dcat], fld, exp)
dsec = [para("Platform report", style="HEADING_1"), para("GitLab", style="HEADING_2"), para("Production: 2 × m5.4xlarge, 32 vCPU, 128 GB RAM, 4 TB disk."),
        para("Sourcegraph", style="HEADING_2"), para("Production: 1 × m6i.8xlarge, 32 vCPU, 128 GB RAM, 1 TB disk."), para("Artifactory", style="HEADING_2"), para("Production: 3 × r5.2xlarge, 24 vCPU, 192 GB RAM, 10 TB disk.")]
for fld, exp in [("instance_types", ["1 × m6i.8xlarge"]), ("total_memory_gb", 128), ("total_disk_gb", 1000)]:
    add(f"d-sections-{fld}", "draw", dsec, fld, exp)
# Sourcegraph called by a name the document gives it once (read/ownnames.py)
NICK_T = "<p>Beacon is our name for the Sourcegraph instance.</p><table><tr><th>Service</th><th>Hosts</th><th>vCPU</th></tr><tr><td>Jenkins</td><td>4 × c5.2xlarge</td><td>32</td></tr><tr><td>Beacon</td><td>2 × m6i.4xlarge</td><td>32</td></tr><tr><td>Nexus</td><td>1 × r5.xlarge</td><td>4</td></tr></table>"
add("nick-catalogue", "n", NICK_T, "instance_types", ["2 × m6i.4xlarge"])
NICK_S = "<p>Code search is Sourcegraph (known internally as Periscope).</p><h2>Jenkins</h2><p>Production: 4 × c5.2xlarge, 32 vCPU, 64 GB RAM, https://ci.acme.io</p><h2>Periscope</h2><p>Production: 2 × m6i.4xlarge, 32 vCPU, 128 GB RAM, https://code.acme.io</p><h2>Nexus</h2><p>Production: 1 × r5.xlarge, 4 vCPU, 32 GB RAM, https://nexus.acme.io</p>"
add("nick-sections-types", "n", NICK_S, "instance_types", ["2 × m6i.4xlarge"])
add("nick-sections-mem", "n", NICK_S, "total_memory_gb", 128)
add("nick-list", "n", "<p>We call our Sourcegraph deployment Compass.</p><ul><li>Jenkins – 6 × c5.2xlarge, 48 vCPU</li><li>Compass – 2 × m6i.4xlarge, 32 vCPU</li><li>Nexus – 1 × r5.2xlarge, 8 vCPU</li></ul>", "instance_types", ["2 × m6i.4xlarge"])
# ---------- generalisation probes (after the fixes, other words) ----------
add("g-trail-words", "h", "<p>Cloud — Amazon ☐, Google ☐, Microsoft Azure ☑</p>", "hosting_provider", "Azure")
add("g-trail-brk", "h", "<p>Install: K8s+Helm [ ]  Compose [x]</p>", "deployment_type", DC)
add("g-trail-li", "h", "<p>Deployment type</p><ul><li>Helm chart</li><li>Docker Compose ✓</li></ul>", "deployment_type", DC)
add("g-bracket-star", "h", "<p>Hosting: (*) GCP ( ) AWS</p>", "hosting_provider", "GCP")
add("g-bracket-dot", "h", "<p>Tooling ( ) Helm (•) Kustomize</p>", "deployment_type", KZ)
add("g-emph-dot", "h", "<p>Install method: Helm · <b>Kustomize</b> · Compose</p>", "deployment_type", KZ)
add("g-emph-mark", "h", "<p>Provider: <mark>GCP</mark>, AWS, Azure</p>", "hosting_provider", "GCP")
add("g-emph-bold-label", "h", "<p><b>Provider:</b> GCP</p>", "hosting_provider", "GCP")
add("g-col-dot", "h", "<table><tr><th>Size</th><th>CPU</th><th>RAM (GB)</th><th>Pick</th></tr><tr><td>Small</td><td>8</td><td>32</td><td>○</td></tr><tr><td>Medium</td><td>16</td><td>64</td><td>●</td></tr><tr><td>Large</td><td>32</td><td>128</td><td>○</td></tr></table>", "total_memory_gb", 64)
add("g-col-first-box", "h", "<table><tr><th></th><th>Provider</th></tr><tr><td>☐</td><td>Amazon Web Services</td></tr><tr><td>☐</td><td>Microsoft Azure</td></tr><tr><td>☑</td><td>Google Cloud</td></tr></table>", "hosting_provider", "GCP")
add("g-col-none-ticked", "h", "<table><tr><th>Size</th><th>CPU</th><th>Pick</th></tr><tr><td>Small</td><td>8</td><td>☐</td></tr><tr><td>Large</td><td>32</td><td>☐</td></tr></table>", "total_cpu", None)
SVC = "<table><tr><th>Host</th><th>Type</th><th>vCPU</th><th>Memory</th></tr><tr><td>confluence-prod</td><td>r5.2xlarge</td><td>8</td><td>64 GB</td></tr><tr><td>sourcegraph-prod</td><td>m6i.8xlarge</td><td>32</td><td>128 GB</td></tr><tr><td>jira-prod</td><td>r5.4xlarge</td><td>16</td><td>128 GB</td></tr></table>"
add("g-svc-types", "n", "<h2>Atlassian and dev tools estate</h2>" + SVC, "instance_types", ["1 × m6i.8xlarge"])
add("g-svc-mem", "n", "<h2>Atlassian and dev tools estate</h2>" + SVC, "total_memory_gb", 128)
add("g-svc-list", "h", "<ul><li>GitLab: 1 × m5.4xlarge</li><li>Sourcegraph: 3 × m6i.2xlarge</li></ul>", "instance_types", ["3 × m6i.2xlarge"])
add("g-svc-list-cpu", "h", "<ul><li>SonarQube — 8 vCPU, 32 GB</li><li>Sourcegraph — 24 vCPU, 96 GB</li></ul>", "total_cpu", 24)
add("g-own-parts", "h", "<table><tr><th>Service</th><th>vCPU</th></tr><tr><td>Sourcegraph frontend</td><td>8</td></tr><tr><td>gitserver</td><td>16</td></tr><tr><td>zoekt</td><td>8</td></tr><tr><td>Total</td><td>32</td></tr></table>", "total_cpu", 32)
add("g-own-pools", "h", "<table><tr><th>Node pool</th><th>Type</th><th>Nodes</th></tr><tr><td>sourcegraph</td><td>n2-standard-8</td><td>3</td></tr><tr><td>search</td><td>n2-highmem-8</td><td>2</td></tr></table>", "instance_types", ["3 × n2-standard-8", "2 × n2-highmem-8"])
add("g-prose-confluence", "h", "<p>Confluence sits on 2 × r5.large. Sourcegraph uses 1 × m6i.8xlarge.</p>", "instance_types", ["1 × m6i.8xlarge"])
add("g-prose-sonar-disk", "h", "<p>The SonarQube server has 500 GB of disk; Sourcegraph has 1 TB.</p>", "total_disk_gb", 1000)
add("g-prose-nexus-date", "h", "<p>Nexus went live on 12 January 2024. Sourcegraph went live on 3 March 2025.</p>", "completion_date", "2025-03-03")
add("g-prose-own-start", "h", "<p>Production runs on 3 × m6i.4xlarge.</p>", "instance_types", ["3 × m6i.4xlarge"])
add("g-prose-everything", "h", "<p>Everything runs on 2 × m6i.8xlarge in eu-west-1.</p>", "instance_types", ["2 × m6i.8xlarge"])
add("g-prose-gitserver", "h", "<p>Gitserver has 2 TB of disk.</p>", "total_disk_gb", 2000)
add("g-prose-host-machines", "h", "<p>GitHub Enterprise runs on 2 × m5.2xlarge. Sourcegraph runs on 1 × m6i.4xlarge.</p>", "instance_types", ["1 × m6i.4xlarge"])
add("g-prose-host-repos", "h", "<p>GitHub Enterprise hosts 2,400 repositories, all of them indexed.</p>", "repositories", 2400)
add("g-unmarked-or", "h", "<p>Deployment: Helm or Docker Compose</p>", "deployment_type", None)
add("g-unmarked-pipe-cloud", "h", "<p>Cloud provider: Azure | Google Cloud</p>", "hosting_provider", None)
add("g-unmarked-same", "h", "<p>Cloud: AWS / EKS</p>", "hosting_provider", "AWS")
add("g-unmarked-hosts", "h", "<p>Code hosts: GitHub / GitLab</p>", "code_hosts", ["GitHub.com", "GitLab.com"])
add("g-unmarked-prose", "h", "<p>We compared AWS and Azure and went with Azure.</p>", "hosting_provider", "Azure")
add("g-tier-turned", "h", "<table><tr><th>Size</th><td>S</td><td>M</td><td>L</td></tr><tr><th>vCPU</th><td>8</td><td>16</td><td>32</td></tr><tr><th>Chosen</th><td></td><td>✔</td><td></td></tr></table>", "total_cpu", 16)
add("g-tier-group-header", "h", "<table><tr><th></th><th colspan='3'>Sizing</th></tr><tr><th>Size</th><th>vCPU</th><th>Pick</th></tr><tr><td>S</td><td>8</td><td>☐</td></tr><tr><td>M</td><td>16</td><td>☐</td></tr><tr><td>L</td><td>32</td><td>☒</td></tr></table>", "total_cpu", 32)
# fmt: on

WRONG = frozenset({
    "nosg-only-jenkins", "nosg-only-jenkins-t", "prose-gitlab-repos2",
    "prose-jenkins-types-rev", "whole-cluster-nodes", "ynna-codehost",
})  # fmt: skip
# whole-cluster-types left WRONG: the cluster's 12 × m5.4xlarge (768 GB) contradict the namespace's
# 96 GiB, so neither is used (validate/agreement.py); the cluster's 192 vCPU agree with them and stay
MISSING = frozenset({
    "cmdb-total_cpu", "cmdb-total_memory_gb", "d-tbl-tier-hl", "dr-golive", "dr-golive-h", "form-q-answer",
    "g-own-parts", "g-prose-sonar-disk", "g-svc-types", "prose-cluster-total", "prose-db-disk",
    "prose-urls", "prose-urls-sglast", "prose-users", "report-max_users", "report-sgfirst-max_users",
    "sel-col-deploy-yes", "tenant-total_cpu", "tenant-total_disk_gb", "tenant-total_memory_gb", "tier-line",
    "tier-text-chosen", "transcript-choice", "users-by-tool", "yes-no-inline", "ynna-cloud", "ynna-deploy",
})  # fmt: skip


def _read(kind: str, body: Any, catalogue: Catalogue) -> dict[str, Any]:
    if kind in ("h", "n", "raw"):
        head = (
            ""
            if kind == "raw"
            else "<h1>Sourcegraph TDD</h1>" + ("<h2>Production</h2>" if kind == "h" else "")
        )
        document = html_document(f"<html><body>{head}{body}</body></html>")
    else:
        document = doc(*body, heading=kind == "d", title=kind != "draw")
    view = tdd_fields(read_document(document, catalogue).values, catalogue)
    return {n: fv.to_json()["value"] for n, fv in view.fields.items()}


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, list) and isinstance(got, list):
        return sorted(map(str, got)) == sorted(map(str, want))
    return bool(got == want)


def _params() -> list[Any]:
    out = []
    for id_, kind, body, field, want in P:
        marks = [pytest.mark.xfail(strict=True, reason="a wrong value still read")] if id_ in WRONG else []
        out.append(pytest.param(kind, body, field, want, id_ in MISSING, id=id_, marks=marks))
    return out


@pytest.mark.parametrize(("kind", "body", "field", "want", "gap"), _params())
def test_probe(kind: str, body: Any, field: str, want: Any, gap: bool, catalogue: Catalogue) -> None:
    got = _read(kind, body, catalogue).get(field)
    if gap:  # a known gap: no value, never a wrong one
        assert got is None or _same(got, want), got
    else:
        assert _same(got, want), got


def test_the_probes_are_many_and_named_once() -> None:
    ids = [p[0] for p in P]
    assert len(ids) == len(set(ids)) >= 150
    assert set(ids) >= WRONG | MISSING
