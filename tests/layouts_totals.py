"""Whole generated TDDs whose production figures a reader must put together across the document.

A seeded `Facts` draws one production deployment (its node pools: type, count, each node's vCPU and
memory; its volumes; its code hosts with their repository counts; the cloud, deployment and
address) and the distractors this area is about: per-node figures beside totals, a planned range
beside the built size, a quota beside the usage, a sizing guide's rows, a request not granted.
Each layout renders the same facts as one way a real document is assembled: the node count in one
section and each node's size in another, parts in a table and their total in prose, volumes in
mixed units, a bill of materials, a pasted Terraform block, a footnote, zones or clusters each with
their share. `LAYOUTS` are the ones the reader was fixed against; `HOLDOUT` were written after the
fixes and scored before any change for them. Nothing here is random at import time.

`score(catalogue, layouts, seeds)` reads every document through the real reader and the TDD view and
classes each keyed field as right, missing or wrong.
"""

# ruff: noqa: E501

from __future__ import annotations

import random
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from handoff.core.fields import Catalogue
from handoff.gdocs.html_to_docs import html_to_docs
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields

# ---------------------------------------------------------------------------------------------
# The facts


@dataclass(frozen=True)
class Pool:
    name: str
    type: str
    count: int
    vcpu: int  # one node's
    mem: int  # one node's, GiB


@dataclass(frozen=True)
class Volume:
    name: str
    replicas: int
    gib: int  # one replica's


@dataclass(frozen=True)
class Facts:
    cloud: str  # the catalogue's name
    cloud_word: str  # how the document names it
    cluster_word: str  # EKS / GKE / AKS
    pools: tuple[Pool, ...]
    volumes: tuple[Volume, ...]
    hosts: tuple[tuple[str, str, int], ...]  # (catalogue name, document's name, repositories)
    url: str
    deploy_word: str
    # distractors
    quota_cpu: int
    plan_lo: int
    plan_hi: int
    request_type: str
    guide: tuple[tuple[str, int, int, int], ...]  # (size, repositories up to, vCPU, memory)

    @property
    def nodes(self) -> int:
        return sum(p.count for p in self.pools)

    @property
    def cpu(self) -> int:
        return sum(p.count * p.vcpu for p in self.pools)

    @property
    def mem(self) -> int:
        return sum(p.count * p.mem for p in self.pools)

    @property
    def disk(self) -> int:
        return sum(v.replicas * v.gib for v in self.volumes)

    @property
    def repos(self) -> int:
        return sum(n for _, _, n in self.hosts)

    def want(self) -> dict[str, Any]:
        return {
            "deployment_type": "Kubernetes with Helm",
            "hosting_provider": self.cloud,
            "instance_types": [f"{p.count} × {p.type}" for p in self.pools],
            "total_cpu": self.cpu,
            "total_memory_gb": self.mem,
            "total_disk_gb": self.disk,
            "code_hosts": sorted({h for h, _, _ in self.hosts}),
            "repositories": self.repos,
            "instance_url": self.url,
        }


_TYPES = {
    "AWS": [("m6i.2xlarge", 8, 32), ("m6i.4xlarge", 16, 64), ("m6i.8xlarge", 32, 128), ("r6i.4xlarge", 16, 128),
            ("c6i.4xlarge", 16, 32), ("m5.4xlarge", 16, 64)],
    "GCP": [("n2-standard-8", 8, 32), ("n2-standard-16", 16, 64), ("n2-highmem-8", 8, 64),
            ("n2-highmem-16", 16, 128), ("e2-standard-16", 16, 64)],
    "Azure": [("Standard_D8s_v5", 8, 32), ("Standard_D16s_v5", 16, 64), ("Standard_E8s_v5", 8, 64),
              ("Standard_E16s_v5", 16, 128), ("Standard_D32s_v5", 32, 128)],
}  # fmt: skip
_CLOUD_WORDS = {
    "AWS": ["AWS", "Amazon Web Services"],
    "GCP": ["GCP", "Google Cloud"],
    "Azure": ["Azure", "Microsoft Azure"],
}
_CLUSTER = {"AWS": "EKS", "GCP": "GKE", "Azure": "AKS"}
_ZONES = {"AWS": ["eu-west-1a", "eu-west-1b", "eu-west-1c"], "GCP": ["europe-west4-a", "europe-west4-b", "europe-west4-c"],
          "Azure": ["zone 1", "zone 2", "zone 3"]}  # fmt: skip
_HOSTS = [
    ("GitHub Enterprise Server", ["GitHub Enterprise Server", "GHES", "GitHub Enterprise"]),
    ("GitLab Self-Managed", ["self-managed GitLab", "GitLab Self-Managed"]),
    ("Bitbucket Server / Data Center", ["Bitbucket Data Center", "Bitbucket Server"]),
    ("Azure DevOps", ["Azure DevOps", "Azure Repos"]),
    ("GitHub.com", ["GitHub.com", "GitHub Enterprise Cloud"]),
]
_COMPANIES = ["northwind", "contoso", "fabrikam", "tailspin", "wingtip", "adatum", "litware", "proseware"]
_VOLNAMES = ["gitserver", "zoekt-indexserver", "pgsql", "codeintel-db", "searcher", "redis-store"]


def draw(seed: int) -> Facts:
    """One production deployment and its distractors, from `seed` alone."""
    r = random.Random(seed * 7919 + 13)
    cloud = r.choice(sorted(_TYPES))
    types = _TYPES[cloud][:]
    r.shuffle(types)
    npools = 1 if r.random() < 0.6 else 2
    names = r.choice(
        [("default", "indexers"), ("general", "search"), ("app", "gitserver"), ("workers", "zoekt")]
    )
    pools = tuple(
        Pool(
            names[i],
            types[i][0],
            r.choice([3, 4, 5, 6]) if i == 0 else r.choice([2, 3]),
            types[i][1],
            types[i][2],
        )
        for i in range(npools)
    )
    gits = r.choice([1, 2, 3])
    volumes = [Volume("gitserver", gits, r.choice([500, 750, 1000, 1500, 2000]))]
    for name in r.sample(_VOLNAMES[1:], r.choice([1, 2, 3])):
        volumes.append(Volume(name, 1, r.choice([100, 200, 250, 256, 500])))
    hosts_n = r.choice([1, 2, 2, 3])
    hosts = []
    for canon, words in r.sample(_HOSTS, hosts_n):
        hosts.append((canon, r.choice(words), r.choice(range(150, 4200, 50))))
    company = r.choice(_COMPANIES)
    url = f"https://{r.choice(['sourcegraph', 'code', 'search', 'sg'])}.{company}.{r.choice(['com', 'io', 'net'])}"
    cpu = sum(p.count * p.vcpu for p in pools)
    bigger = [t for t, v, _ in _TYPES[cloud] if v > pools[0].vcpu]
    return Facts(
        cloud=cloud,
        cloud_word=r.choice(_CLOUD_WORDS[cloud]),
        cluster_word=_CLUSTER[cloud],
        pools=pools,
        volumes=tuple(volumes),
        hosts=tuple(hosts),
        url=url,
        deploy_word=r.choice(["Helm", "the Helm chart", "Kubernetes with Helm"]),
        quota_cpu=r.choice([128, 192, 256, 384]) if cpu < 128 else 512,
        plan_lo=max(2, pools[0].count - 1),
        plan_hi=pools[0].count + r.choice([2, 3]),
        request_type=r.choice(bigger) if bigger else pools[0].type,
        guide=(("S", 1000, 16, 64), ("M", 5000, 32, 128), ("L", 20000, 64, 256), ("XL", 50000, 128, 512)),
    )


# ---------------------------------------------------------------------------------------------
# Google Docs export HTML

_HEAD = (
    '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">'
    '.c1{font-weight:400;font-family:"Arial"}.c2{font-weight:700;font-family:"Arial"}'
    '.c3{font-family:"Courier New"}.c4{border-collapse:collapse}.c5{background-color:#ffffff;max-width:468pt}'
    '</style></head><body class="c5 doc-content">'
)


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def span(text: str, bold: bool = False) -> str:
    return f'<span class="{"c2" if bold else "c1"}">{esc(text)}</span>'


def P(*runs: str | tuple[str, bool]) -> str:
    """A paragraph; a (text, True) run is bold."""
    inner = "".join(span(r) if isinstance(r, str) else span(*r) for r in runs)
    return f'<p class="c0">{inner}</p>'


def LP(label: str, value: str, sep: str = ": ") -> str:
    """A label line, the label bold."""
    return P((label + sep.rstrip(" "), True), " " + value if sep.endswith(" ") else value)


def CODE(*lines: str) -> str:
    return "".join(
        f'<p class="c0"><span class="c3">{esc(line).replace(" ", "&nbsp;")}</span></p>' for line in lines
    )


def H(level: int, text: str) -> str:
    return f'<h{level} id="h.{zlib.crc32(text.encode()):08x}"><span class="c1">{esc(text)}</span></h{level}>'


def UL(*items: str | tuple[str, list[str]], level: int = 0) -> str:
    """A bulleted list the way Docs exports one: one flat <ul> per level; a (text, children) item nests."""
    out = []
    for it in items:
        text, kids = (it, []) if isinstance(it, str) else it
        out.append(
            f'<ul class="lst-kix_a{level}-{level} start"><li class="c0 li-bullet-0">{span(text)}</li></ul>'
        )
        if kids:
            out.append(UL(*kids, level=level + 1))
    return "".join(out)


def TABLE(*rows: Iterable[str], header: bool = True) -> str:
    body = []
    for i, row in enumerate(rows):
        cells = "".join(
            f'<td class="c4" colspan="1" rowspan="1"><p class="c0">{span(c, header and i == 0)}</p></td>'
            for c in row
        )
        body.append(f'<tr class="c4">{cells}</tr>')
    return f'<table class="c4"><tbody>{"".join(body)}</tbody></table>'


def FOOTNOTED(text: str, note: str, n: int = 1) -> tuple[str, str]:
    """A paragraph with a footnote mark, and the footnote as the export writes it at the end."""
    para = f'<p class="c0">{span(text)}<sup><a href="#ftnt{n}" id="ftnt_ref{n}">[{n}]</a></sup></p>'
    foot = f'<div><p class="c0"><a href="#ftnt_ref{n}" id="ftnt{n}">[{n}]</a>{span(" " + note)}</p></div>'
    return para, foot


def doc(*parts: str, footnotes: Iterable[str] = ()) -> str:
    notes = list(footnotes)
    tail = ("<hr>" + "".join(notes)) if notes else ""
    return _HEAD + "".join(parts) + tail + "</body></html>"


# ---------------------------------------------------------------------------------------------
# Wording pools


def gib(r: random.Random, n: int) -> str:
    """A size in one of the units people write (a GiB counts as a GB, as the keys count it)."""
    if n % 500 == 0 and n >= 1000 and r.random() < 0.6:
        return r.choice([f"{n / 1000:g} TB", f"{n / 1000:g}TB"])
    return r.choice([f"{n} GiB", f"{n}Gi", f"{n} GB", f"{n:,} GiB"])


def num(r: random.Random, n: int) -> str:
    return r.choice([f"{n:,}", f"{n:,}", f"{n}"]) if n >= 1000 else str(n)


def mem(r: random.Random, n: int) -> str:
    return r.choice([f"{n} GiB", f"{n} GB", f"{n}GiB", f"{n} GiB RAM"])


def cpu(r: random.Random, n: int) -> str:
    return r.choice([f"{n} vCPU", f"{n} vCPUs", f"{n} cores", f"{n} vCPU"])


def title(r: random.Random, f: Facts) -> str:
    who = f.url.split(".")[1].capitalize()
    return r.choice([f"{who} – Sourcegraph Technical Design", f"Sourcegraph TDD: {who}",
                     f"{who} Sourcegraph deployment — technical design document"])  # fmt: skip


def hosting_line(r: random.Random, f: Facts) -> str:
    return r.choice([
        f"Sourcegraph is deployed with {f.deploy_word} on {f.cloud_word} ({f.cluster_word}).",
        f"The production instance runs on {f.cluster_word} in {f.cloud_word}, installed with {f.deploy_word}.",
        f"We deploy Sourcegraph to a managed {f.cluster_word} cluster on {f.cloud_word} using {f.deploy_word}.",
    ])  # fmt: skip


def url_line(r: random.Random, f: Facts) -> str:
    return r.choice([f"Users reach it at {f.url}.", f"URL: {f.url}", f"The instance is served at {f.url}."])


def host_name(f: Facts, i: int) -> str:
    return f.hosts[i][1]


def hosts_prose(r: random.Random, f: Facts) -> str:
    """All hosts with their counts, and the total, in one sentence."""
    parts = [f"{num(r, n)} from {w}" for _, w, n in f.hosts]
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return r.choice([
        f"We index {num(r, f.repos)} repositories: {joined}.",
        f"Sourcegraph syncs {joined} ({num(r, f.repos)} repositories in total).",
    ])  # fmt: skip


def pool_sentence(r: random.Random, f: Facts, p: Pool) -> str:
    return r.choice([
        f"The {p.name} node pool has {p.count} × {p.type} nodes ({p.vcpu} vCPU and {p.mem} GiB each).",
        f"{p.count} {p.type} nodes in the {p.name} pool, each {p.vcpu} vCPU / {p.mem} GiB.",
        f"Pool '{p.name}': {p.count} nodes of {p.type} ({cpu(r, p.vcpu)}, {mem(r, p.mem)} per node).",
    ])  # fmt: skip


def volume_rows(r: random.Random, f: Facts) -> list[list[str]]:
    head = r.choice([["PVC", "Replicas", "Size (each)"], ["Volume", "Count", "Capacity per volume"],
                     ["Claim", "Replicas", "Size"]])  # fmt: skip
    rows = [head]
    for v in f.volumes:
        rows.append([v.name, str(v.replicas), gib(r, v.gib)])
    return rows


def disk_total_line(r: random.Random, f: Facts) -> str:
    return r.choice([
        f"Total persistent storage: {gib(r, f.disk)}.",
        f"Altogether the volumes come to {f.disk:,} GiB.",
        f"Storage in total is {f.disk:,} GiB across all claims.",
    ])  # fmt: skip


# ---------------------------------------------------------------------------------------------
# The layouts: each (facts, its own Random) → (HTML, the fields keyed for it, as Docs JSON or not)


@dataclass
class Rendered:
    html: str
    want: dict[str, Any]
    as_json: bool = False
    notes: list[str] = field(default_factory=list)


def _base_sections(r: random.Random, f: Facts) -> list[str]:
    return [H(1, title(r, f)), H(2, r.choice(["1. Overview", "Overview", "Summary"])),
            P(hosting_line(r, f) + " " + url_line(r, f))]  # fmt: skip


def _repos_section(r: random.Random, f: Facts) -> list[str]:
    return [H(2, r.choice(["Code hosts", "Repositories", "Source code"])), P(hosts_prose(r, f))]


def arch_vs_appendix(f: Facts, r: random.Random) -> Rendered:
    """Counts in the architecture prose; each node's size in a sizing appendix table."""
    counts = " and ".join(f"{p.count} nodes in the {p.name} pool" for p in f.pools)
    parts = [
        *_base_sections(r, f),
        H(2, r.choice(["2. Architecture", "Architecture", "Solution architecture"])),
        P(
            f"The {f.cluster_word} cluster has {counts}. Each pool runs a single machine type, listed in Appendix A."
        ),
        *_repos_section(r, f),
        H(2, r.choice(["Appendix A – Sizing", "Appendix A: Node sizing", "A. Sizing details"])),
        TABLE(
            [
                r.choice(["Pool", "Node pool"]),
                "Machine type",
                r.choice(["vCPU per node", "vCPU / node"]),
                r.choice(["Memory per node", "RAM / node"]),
            ],
            *[[p.name, p.type, str(p.vcpu), f"{p.mem} GiB"] for p in f.pools],
        ),
        H(3, r.choice(["Persistent volumes", "Storage"])),
        TABLE(*volume_rows(r, f)),
    ]
    return Rendered(doc(*parts), f.want())


def bill_of_materials(f: Facts, r: random.Random) -> Rendered:
    """A bill of materials: machines and volumes as lines with a quantity and a unit spec, no totals."""
    rows = [
        [
            "#",
            "Item",
            r.choice(["Qty", "Quantity"]),
            r.choice(["Unit spec", "Specification (each)"]),
            "Purpose",
        ]
    ]
    i = 1
    for p in f.pools:
        rows.append(
            [str(i), f"{f.cluster_word} node {p.type}", str(p.count), f"{p.vcpu} vCPU, {p.mem} GiB", p.name]
        )
        i += 1
    for v in f.volumes:
        rows.append([str(i), r.choice(["Persistent disk", "Block volume", "Managed disk"]), str(v.replicas),
                     gib(r, v.gib), v.name])  # fmt: skip
        i += 1
    parts = [
        *_base_sections(r, f),
        H(2, r.choice(["Bill of materials", "3. Bill of materials (production)", "BOM"])),
        TABLE(*rows),
        *_repos_section(r, f),
    ]
    return Rendered(doc(*parts), f.want())


def zone_split(f: Facts, r: random.Random) -> Rendered:
    """One pool spread over zones, each zone's share a bullet; the total said or not."""
    p = f.pools[0]
    zones = _ZONES[f.cloud]
    shares = [p.count // 3 + (1 if i < p.count % 3 else 0) for i in range(3)]
    items = [f"{z}: {s} × {p.type}" for z, s in zip(zones, shares, strict=True) if s]
    stated = r.random() < 0.5
    lead = r.choice(["Nodes are spread across three availability zones:", "Worker placement by zone:"])
    after = [P(f"That is {p.count} nodes in all, each with {p.vcpu} vCPU and {p.mem} GiB of memory.")] if stated else [
        P(f"Every node is a {p.type} ({p.vcpu} vCPU, {p.mem} GiB).")]  # fmt: skip
    g = replace(f, pools=(p,))
    parts = [
        *_base_sections(r, f),
        H(2, r.choice(["Compute", "Cluster layout"])), P(lead), UL(*items), *after,
        H(2, "Storage"), TABLE(*volume_rows(r, f)), *_repos_section(r, f),
    ]  # fmt: skip
    return Rendered(doc(*parts), g.want())


def pools_table_totals_apart(f: Facts, r: random.Random) -> Rendered:
    """Node pools in a table (count, type, per-node size); the totals in a label list under another heading."""
    rows = [["Node pool", "Instance type", "Nodes", "vCPU (each)", "Memory (each)"]]
    rows += [[p.name, p.type, str(p.count), str(p.vcpu), f"{p.mem} GiB"] for p in f.pools]
    parts = [
        *_base_sections(r, f),
        H(2, r.choice(["Node pools", "Kubernetes node groups"])), TABLE(*rows),
        H(2, r.choice(["Capacity summary", "Totals"])),
        UL(f"Total vCPU: {f.cpu}", f"Total memory: {f.mem} GiB", f"Total disk: {f.disk:,} GiB"),
        *_repos_section(r, f),
    ]  # fmt: skip
    return Rendered(doc(*parts), f.want())


def vm_parts(f: Facts, r: random.Random) -> Rendered:
    """Several VMs (primary, indexer, database) each under its own heading with its size; no total."""
    roles = ["Primary VM", "Indexer VM", "Database VM"]
    types = _TYPES[f.cloud]
    picks = [types[(i * 2 + len(f.url)) % len(types)] for i in range(3)]
    disks = [v.gib * v.replicas for v in f.volumes[:3]] + [200, 200, 200]
    parts = [
        *_base_sections(r, f)[:2],
        P(f"Sourcegraph runs with Docker Compose on three {f.cloud_word} virtual machines. {url_line(r, f)}"),
        H(2, r.choice(["Virtual machines", "Hosts"])),
    ]
    for role, (t, v, m), d in zip(roles, picks, disks, strict=False):
        parts += [H(3, role), UL(f"Size: {t}", f"vCPU: {v}", f"Memory: {m} GiB", f"Data disk: {gib(r, d)}")]
    parts += _repos_section(r, f)
    want = f.want()
    want.update(
        {
            "deployment_type": "Docker Compose",
            "instance_types": [f"1 × {t}" for t, _, _ in picks],
            "total_cpu": sum(v for _, v, _ in picks),
            "total_memory_gb": sum(m for _, _, m in picks),
            "total_disk_gb": sum(disks[:3]),
        }
    )
    if len({t for t, _, _ in picks}) < 3:
        counts: dict[str, int] = {}
        for t, _, _ in picks:
            counts[t] = counts.get(t, 0) + 1
        want["instance_types"] = [f"{c} × {t}" for t, c in counts.items()]
    return Rendered(doc(*parts), want)


def terraform_block(f: Facts, r: random.Random) -> Rendered:
    """The node group pasted as a Terraform block (desired, min, max sizes); volumes in a values file."""
    p = f.pools[0]
    g = replace(f, pools=(p,))
    lines = {
        "AWS": ['resource "aws_eks_node_group" "sourcegraph" {', '  cluster_name    = "sg-prod"',
                f'  instance_types  = ["{p.type}"]', "  scaling_config {", f"    desired_size = {p.count}",
                f"    min_size     = {f.plan_lo}", f"    max_size     = {f.plan_hi}", "  }", "}"],
        "GCP": ['resource "google_container_node_pool" "sourcegraph" {', f"  node_count = {p.count}",
                "  node_config {", f'    machine_type = "{p.type}"', "  }", "  autoscaling {",
                f"    max_node_count = {f.plan_hi}", "  }", "}"],
        "Azure": ['resource "azurerm_kubernetes_cluster_node_pool" "sourcegraph" {', f'  vm_size    = "{p.type}"',
                  f"  node_count = {p.count}", f"  max_count  = {f.plan_hi}", "}"],
    }[f.cloud]  # fmt: skip
    parts = [
        *_base_sections(r, f),
        H(2, r.choice(["Infrastructure as code", "Terraform"])),
        P(r.choice(["The production node group, as applied:", "From infra/prod/main.tf:"])),
        CODE(*lines),
        P(f"Each {p.type} node has {p.vcpu} vCPU and {p.mem} GiB."),
        H(2, "Storage"), TABLE(*volume_rows(r, f)),
        *_repos_section(r, f),
    ]  # fmt: skip
    return Rendered(doc(*parts), g.want())


def footnoted_spec(f: Facts, r: random.Random) -> Rendered:
    """The count in the text, the type and each node's size in a footnote."""
    p = f.pools[0]
    g = replace(f, pools=(p,))
    para, foot = FOOTNOTED(
        r.choice([f"Compute: {p.count} worker nodes", f"The cluster has {p.count} worker nodes"]),
        f"{p.type}, {p.vcpu} vCPU / {p.mem} GiB each.",
    )
    parts = [*_base_sections(r, f), H(2, "Production"), para, P(disk_total_line(r, f)), *_repos_section(r, f)]
    return Rendered(doc(*parts, footnotes=[foot]), g.want())


def labels_apart(f: Facts, r: random.Random) -> Rendered:
    """The type under one heading, the count and the per-node size under another, as label lines."""
    p = f.pools[0]
    g = replace(f, pools=(p,))
    parts = [
        *_base_sections(r, f),
        H(2, r.choice(["Platform", "Environment"])),
        LP(r.choice(["Instance type", "Node type", "VM size"]), p.type),
        LP("Cloud", f.cloud_word),
        H(2, r.choice(["Capacity", "Sizing"])),
        LP(r.choice(["Worker nodes", "Node count", "Nodes"]), str(p.count)),
        LP(r.choice(["Per node", "Each node"]), f"{cpu(r, p.vcpu)}, {mem(r, p.mem)}"),
        LP(r.choice(["Storage", "Disk"]), ", ".join(f"{v.name} {v.replicas} × {gib(r, v.gib)}" if v.replicas > 1
                                                    else f"{v.name} {gib(r, v.gib)}" for v in f.volumes)),
        *_repos_section(r, f),
    ]  # fmt: skip
    return Rendered(doc(*parts), g.want())


def transposed_pools(f: Facts, r: random.Random) -> Rendered:
    """Pools as columns, the attributes as rows (count, type, per-node vCPU and memory)."""
    rows = [["", *[p.name for p in f.pools]],
            ["Instance type", *[p.type for p in f.pools]],
            ["Node count", *[str(p.count) for p in f.pools]],
            ["vCPU per node", *[str(p.vcpu) for p in f.pools]],
            ["Memory per node", *[f"{p.mem} GiB" for p in f.pools]]]  # fmt: skip
    parts = [
        *_base_sections(r, f),
        H(2, "Kubernetes cluster"),
        TABLE(*rows),
        H(2, "Storage"),
        TABLE(*volume_rows(r, f)),
        P(disk_total_line(r, f)),
        *_repos_section(r, f),
    ]
    return Rendered(doc(*parts), f.want())


def repos_table_total_prose(f: Facts, r: random.Random) -> Rendered:
    """Repositories per host in a table under one heading, their total in prose under another."""
    p = f.pools[0]
    g = replace(f, pools=(p,))
    parts = [
        *_base_sections(r, f),
        H(2, "Infrastructure"),
        P(f"{p.count} × {p.type} ({p.vcpu} vCPU, {p.mem} GiB each); {disk_total_line(r, f)}"),
        H(2, r.choice(["Code host connections", "Code hosts"])),
        TABLE(["Code host", r.choice(["Repositories", "Repos synced"])], *[[w, num(r, n)] for _, w, n in f.hosts]),
        H(2, r.choice(["Scale", "Usage"])),
        P(r.choice([f"In total Sourcegraph indexes {num(r, f.repos)} repositories.",
                    f"About {num(r, f.repos)} repositories are searchable today."])),
    ]  # fmt: skip
    return Rendered(doc(*parts), g.want())


def repos_and_another(f: Facts, r: random.Random) -> Rendered:
    """Repositories per organisation on the first host, then 'and another N from' each other host."""
    p = f.pools[0]
    g = replace(f, pools=(p,))
    first = f.hosts[0]
    a = first[2] // 2
    b = first[2] - a
    orgs = r.sample(["platform", "payments", "mobile", "data", "web"], 2)
    text = f"On {first[1]} we sync {num(r, a)} repositories from the {orgs[0]} org and {num(r, b)} from {orgs[1]}"
    for _, w, n in f.hosts[1:]:
        text += r.choice([f", and another {num(r, n)} from {w}", f", plus {num(r, n)} more on {w}"])
    parts = [
        *_base_sections(r, f),
        H(2, "Infrastructure"),
        P(f"{p.count} × {p.type} ({p.vcpu} vCPU, {p.mem} GiB each)."), P(disk_total_line(r, f)),
        H(2, "Repositories"), P(text + "."),
    ]  # fmt: skip
    return Rendered(doc(*parts), g.want())


def root_vs_data(f: Facts, r: random.Random) -> Rendered:
    """Each node's root disk beside the data volumes; the total stated in another section."""
    p = f.pools[0]
    root = r.choice([50, 100, 128])
    total = f.disk + root * p.count
    g = replace(f, pools=(p,))
    vols = ", ".join(
        f"{v.name} {gib(r, v.gib)}" + (f" × {v.replicas}" if v.replicas > 1 else "") for v in f.volumes
    )
    parts = [
        *_base_sections(r, f),
        H(2, "Compute"), P(f"{p.count} × {p.type}, {root} GiB root disk each ({p.vcpu} vCPU / {p.mem} GiB per node)."),
        H(2, "Data volumes"), P(f"Persistent volumes: {vols}."),
        H(2, "Totals"), LP("Total disk (root + data)", f"{total:,} GiB"),
        *_repos_section(r, f),
    ]  # fmt: skip
    want = g.want()
    want["total_disk_gb"] = total
    return Rendered(doc(*parts), want)


def sockets_onprem(f: Facts, r: random.Random) -> Rendered:
    """An on-premises VM sized in sockets × cores, its disks in one table and the total elsewhere."""
    sockets, cores = r.choice([(2, 8), (2, 12), (2, 16), (4, 8)])
    ram = r.choice([128, 256, 384])
    parts = [H(1, title(r, f)), H(2, "Overview"),
             P(f"Sourcegraph runs with Docker Compose on one VMware virtual machine in our own data center. "
               f"{url_line(r, f)}"),
             H(2, "Virtual machine"),
             UL(f"CPU: {sockets} sockets × {cores} cores", f"RAM: {ram} GB"),
             H(2, "Disks"), TABLE(["Disk", "Size"], ["OS", "100 GB"], ["Data", f"{f.disk:,} GB"]),
             *_repos_section(r, f)]  # fmt: skip
    want = f.want()
    want.update({"deployment_type": "Docker Compose", "hosting_provider": "on-premises", "instance_types": None,
                 "total_cpu": sockets * cores, "total_memory_gb": ram, "total_disk_gb": f.disk + 100})  # fmt: skip
    return Rendered(doc(*parts), want)


def planned_range(f: Facts, r: random.Random) -> Rendered:
    """A planned range of nodes (and a bigger type requested) beside the size built."""
    p = f.pools[0]
    g = replace(f, pools=(p,))
    parts = [
        *_base_sections(r, f),
        H(2, "Sizing"),
        P(r.choice([f"We planned for {f.plan_lo}–{f.plan_hi} nodes of {f.request_type}.",
                    f"Requested: {f.plan_lo} to {f.plan_hi} × {f.request_type} (not approved)."])),
        P(r.choice([f"Built: {p.count} × {p.type}, {p.vcpu} vCPU and {p.mem} GiB per node.",
                    f"As built the cluster has {p.count} {p.type} nodes with {p.vcpu} vCPU / {p.mem} GiB each."])),
        H(3, "Storage"), TABLE(*volume_rows(r, f)),
        *_repos_section(r, f),
    ]  # fmt: skip
    return Rendered(doc(*parts), g.want())


def sizing_guide(f: Facts, r: random.Random) -> Rendered:
    """Sourcegraph's sizing guide table (rows that are not this deployment) before the built size."""
    p = f.pools[0]
    g = replace(f, pools=(p,))
    guide = [["Size", "Repositories up to", "vCPU", "Memory"]] + [
        [s, f"{n:,}", str(c), f"{m} GB"] for s, n, c, m in f.guide
    ]
    parts = [
        *_base_sections(r, f),
        H(2, "Sizing guidance"), P("Sourcegraph's reference sizes:"), TABLE(*guide),
        H(2, "Production"),
        P(f"We built {p.count} × {p.type} ({p.vcpu} vCPU, {p.mem} GiB each), "
          f"{p.count * p.vcpu} vCPU and {p.count * p.mem} GiB in total."),
        TABLE(*volume_rows(r, f)), *_repos_section(r, f),
    ]  # fmt: skip
    return Rendered(doc(*parts), g.want())


def quota_usage(f: Facts, r: random.Random) -> Rendered:
    """A project's vCPU quota beside what the cluster uses; the per-node size and count in a table."""
    p = f.pools[0]
    g = replace(f, pools=(p,))
    parts = [
        *_base_sections(r, f),
        H(2, "Cloud account"),
        UL(f"vCPU quota (region): {f.quota_cpu}", f"Used by Sourcegraph: {p.count * p.vcpu} vCPU"),
        H(2, "Nodes"),
        TABLE(["Type", "Count", "vCPU", "Memory"], [p.type, str(p.count), str(p.vcpu), f"{p.mem} GiB"]),
        H(2, "Storage"), TABLE(*volume_rows(r, f)), *_repos_section(r, f),
    ]  # fmt: skip
    return Rendered(doc(*parts), g.want())


def as_json(render: Callable[[Facts, random.Random], Rendered]) -> Callable[[Facts, random.Random], Rendered]:
    def wrapped(f: Facts, r: random.Random) -> Rendered:
        out = render(f, r)
        out.as_json = True
        return out

    wrapped.__doc__ = f"{render.__doc__} (as Docs API JSON)"
    return wrapped


LAYOUTS: dict[str, Callable[[Facts, random.Random], Rendered]] = {
    "arch-vs-appendix": arch_vs_appendix,
    "bill-of-materials": bill_of_materials,
    "zone-split": zone_split,
    "pools-table-totals-apart": pools_table_totals_apart,
    "vm-parts": vm_parts,
    "terraform-block": terraform_block,
    "footnoted-spec": footnoted_spec,
    "labels-apart": labels_apart,
    "transposed-pools": transposed_pools,
    "repos-table-total-prose": repos_table_total_prose,
    "repos-and-another": repos_and_another,
    "root-vs-data": root_vs_data,
    "sockets-onprem": sockets_onprem,
    "planned-range": planned_range,
    "sizing-guide": sizing_guide,
    "quota-usage": quota_usage,
    "json-arch-vs-appendix": as_json(arch_vs_appendix),
    "json-bill-of-materials": as_json(bill_of_materials),
}

HOLDOUT: dict[str, Callable[[Facts, random.Random], Rendered]] = {}


# ---------------------------------------------------------------------------------------------
# Reading and scoring


def generate(layout: str, seed: int) -> Rendered:
    table = LAYOUTS if layout in LAYOUTS else HOLDOUT
    return table[layout](draw(seed), random.Random(f"{layout}/{seed}"))


def read_view(rendered: Rendered, catalogue: Catalogue) -> dict[str, Any]:
    docu = html_to_docs(rendered.html) if rendered.as_json else html_document(rendered.html)
    view = tdd_fields(read_document(docu, catalogue).values, catalogue)
    return {n: fv.to_json()["value"] for n, fv in view.fields.items()}


def _norm_types(v: Any) -> list[str]:
    return sorted(str(e).casefold().replace(" ", "") for e in v)


def verdict(name: str, want: Any, got: Any) -> str:
    """right / missing / wrong for one field (`want` None: the field must be absent)."""
    if want is None:
        return "right" if got in (None, [], "") else "wrong"
    if got in (None, [], ""):
        return "missing"
    if name == "instance_types":
        return "right" if _norm_types(got) == _norm_types(want) else "wrong"
    if name == "code_hosts":
        return "right" if sorted(got) == sorted(want) else "wrong"
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        try:
            g = float(got)
        except (TypeError, ValueError):
            return "wrong"
        ok = abs(g - want) <= 0.01 * want or abs(g - want * 1.073741824) <= 0.011 * want
        return "right" if ok else "wrong"
    return "right" if str(got).rstrip("/") == str(want).rstrip("/") else "wrong"


def score(
    catalogue: Catalogue, layouts: Iterable[str], seeds: Iterable[int]
) -> list[tuple[str, int, str, str, Any, Any]]:
    """(layout, seed, field, verdict, wanted, read) for every keyed field of every document."""
    out = []
    seeds = list(seeds)
    for name in layouts:
        for s in seeds:
            rendered = generate(name, s)
            got = read_view(rendered, catalogue)
            for fname, want in rendered.want.items():
                out.append((name, s, fname, verdict(fname, want, got.get(fname)), want, got.get(fname)))
    return out


# ---------------------------------------------------------------------------------------------
# Hold-out layouts: written after the fixes above, scored before any change for them.


def capacity_sheet(f: Facts, r: random.Random) -> Rendered:
    """A capacity table whose rows are resources and whose columns are per node, nodes and total;
    the machine type only in a platform paragraph above it."""
    p = f.pools[0]
    g = replace(f, pools=(p,))
    head = r.choice([["Resource", "Per node", "Nodes", "Total"], ["", "Each worker", "× workers", "Cluster"]])
    rows = [head, ["vCPU", str(p.vcpu), str(p.count), str(p.count * p.vcpu)],
            [r.choice(["RAM", "Memory"]), f"{p.mem} GiB", str(p.count), f"{p.count * p.mem} GiB"]]  # fmt: skip
    parts = [H(1, title(r, f)), H(2, r.choice(["Platform", "Hosting"])),
             P(f"{f.cluster_word} on {f.cloud_word}, deployed with {f.deploy_word}; every worker is {p.type}. "
               f"{url_line(r, f)}"),
             H(2, r.choice(["Capacity", "Resources"])), TABLE(*rows),
             H(3, r.choice(["Disks", "Volumes"])), TABLE(*volume_rows(r, f)),
             H(2, r.choice(["SCM", "Repos"])), P(hosts_prose(r, f))]  # fmt: skip
    return Rendered(doc(*parts), g.want())


def email_recap(f: Facts, r: random.Random) -> Rendered:
    """An e-mail recap: the type, the count by zone pairs and each box's size in separate sentences;
    the repositories as one host's count and 'on top of that' the others."""
    p = f.pools[0]
    g = replace(f, pools=(p,))
    per = p.count // 2 if p.count % 2 == 0 else None
    count_s = (f"We ended up with {p.count} of them, {per} in each of two zones." if per else
               f"We ended up with {p.count} of them.")  # fmt: skip
    first = f.hosts[0]
    repo = f"{first[1]} has about {num(r, first[2])} repos"
    for _, w, n in f.hosts[1:]:
        repo += r.choice([f"; on top of that {num(r, n)} sit in {w}", f"; a further {num(r, n)} live on {w}"])
    parts = [H(1, title(r, f)), P(("From:", True), " Priya (platform team)"), P(("Subject:", True), " Sourcegraph prod recap"),
             P("Hi all, quick recap of where production landed."),
             P(f"{hosting_line(r, f)} We went with {p.type} for the workers. {count_s}"),
             P(f"Each box: {p.vcpu} vCPU / {p.mem} GiB. Disks: " + ", ".join(
                 f"{v.name} {v.replicas}× {gib(r, v.gib)}" if v.replicas > 1 else f"{v.name} {gib(r, v.gib)}"
                 for v in f.volumes) + "."),
             P(repo + ". " + url_line(r, f)), P("Thanks, Priya")]  # fmt: skip
    return Rendered(doc(*parts), g.want())


def bom_total_row(f: Facts, r: random.Random) -> Rendered:
    """A bill of materials with a line-total column and a total row for the storage; the machines'
    per-unit spec in a note under the table."""
    p = f.pools[0]
    g = replace(f, pools=(p,))
    rows = [
        ["Item", "Units", "Per unit", "Line total"],
        [f"{p.type} worker", str(p.count), f"{p.vcpu} vCPU", f"{p.count * p.vcpu} vCPU"],
    ]
    for v in f.volumes:
        rows.append([f"{v.name} volume", str(v.replicas), f"{v.gib} GB", f"{v.replicas * v.gib:,} GB"])
    rows.append(["Storage total", "", "", f"{f.disk:,} GB"])
    parts = [H(1, title(r, f)), H(2, "Scope"), P(hosting_line(r, f) + " " + url_line(r, f)),
             H(2, r.choice(["Bill of materials", "Order lines"])), TABLE(*rows),
             P(f"Note: memory is {p.mem} GiB per worker ({p.count * p.mem} GiB overall)."),
             *_repos_section(r, f)]  # fmt: skip
    return Rendered(doc(*parts), g.want())


def zone_table(f: Facts, r: random.Random) -> Rendered:
    """Nodes per zone in a table (zone, node count), the one type named in a sentence before it."""
    p = f.pools[0]
    g = replace(f, pools=(p,))
    shares = [p.count // 3 + (1 if i < p.count % 3 else 0) for i in range(3)]
    rows = [["Zone", r.choice(["Nodes", "Workers"])]] + [
        [z, str(s)] for z, s in zip(_ZONES[f.cloud], shares, strict=True) if s
    ]
    parts = [H(1, title(r, f)), H(2, "Hosting"), P(hosting_line(r, f) + " " + url_line(r, f)),
             H(2, "Worker nodes"), P(f"All workers are {p.type} ({p.vcpu} vCPU, {p.mem} GiB RAM each), spread as below."),
             TABLE(*rows), H(2, "Persistent storage"), TABLE(*volume_rows(r, f)), *_repos_section(r, f)]  # fmt: skip
    return Rendered(doc(*parts), g.want())


def disagreeing_total(f: Facts, r: random.Random) -> Rendered:
    """Volumes in a table and a stated total elsewhere that does not add up: a careful reader
    warns; the disk is no value (neither figure silently picked)."""
    p = f.pools[0]
    g = replace(f, pools=(p,))
    wrong_total = f.disk + r.choice([500, 1000, 250])
    parts = [H(1, title(r, f)), H(2, "Summary"), P(hosting_line(r, f) + " " + url_line(r, f)),
             P(f"Production: {p.count} × {p.type} ({p.vcpu} vCPU / {p.mem} GiB per node)."),
             H(2, "Storage detail"), TABLE(*volume_rows(r, f)),
             H(2, "Figures for the handoff"), LP("Total storage", f"{wrong_total:,} GB"),
             *_repos_section(r, f)]  # fmt: skip
    want = g.want()
    want["total_disk_gb"] = None
    return Rendered(doc(*parts), want)


def cluster_parts_totals(f: Facts, r: random.Random) -> Rendered:
    """A primary cluster and an indexer cluster under sibling headings, each with its machines, and
    a grand total line after them."""
    pools = (
        f.pools
        if len(f.pools) == 2
        else (
            f.pools[0],
            Pool("indexers", _TYPES[f.cloud][0][0], 2, _TYPES[f.cloud][0][1], _TYPES[f.cloud][0][2]),
        )
    )
    g = replace(f, pools=pools)
    parts = [
        H(1, title(r, f)),
        H(2, "Overview"),
        P(hosting_line(r, f) + " " + url_line(r, f)),
        H(2, "Production"),
    ]
    for p, head in zip(
        pools,
        [r.choice(["Primary cluster", "Application tier"]), r.choice(["Indexer cluster", "Search tier"])],
        strict=True,
    ):
        parts += [
            H(3, head),
            LP("Machines", f"{p.count} × {p.type}"),
            LP("Each", f"{p.vcpu} vCPU, {p.mem} GiB"),
        ]
    parts += [H(3, "All together"), P(f"{g.cpu} vCPU and {g.mem} GiB of memory across {g.nodes} nodes; "
                                      f"{f.disk:,} GiB of persistent disk."), *_repos_section(r, f)]  # fmt: skip
    return Rendered(doc(*parts), g.want())


HOLDOUT.update(
    {
        "capacity-sheet": capacity_sheet,
        "email-recap": email_recap,
        "bom-total-row": bom_total_row,
        "zone-table": zone_table,
        "disagreeing-total": disagreeing_total,
        "cluster-parts-totals": cluster_parts_totals,
        "json-email-recap": as_json(email_recap),
    }
)
