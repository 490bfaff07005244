# ruff: noqa: E501
"""Whole documents about many systems, Sourcegraph one of them: whose row or section is whose.

A deterministic generator (seeded; nothing random at import time) draws Sourcegraph's production
facts and the facts of other systems beside it (Jenkins, GitLab, Artifactory, a database, the CI
runners, the monitoring stack: each with machines, CPU, memory, disk, an address, users and
dates), then writes the same facts through many layouts a real document is assembled in: a
service catalogue (rows or columns), sections per tool, a shared cluster's totals over a tenants
table, a bullet tree per tool, a paragraph per system, a Docs API document with a tab per service,
a cost allocation, a CMDB extract, a migration in waves, a dependency list. Label and sentence
wording come from small pools, so no layout has one fixed phrasing.

`score(layout, seed, catalogue)` reads one document through the whole reader and the view
`handoff tdd` shows, and returns per field `right`, `missing` or `wrong` (a value that is not
Sourcegraph's production one, or any value for a field the document does not state for it).
`python tests/layouts_subject.py [seeds]` prints the table per layout and per field.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import docjson as dj
from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields

FIELDS = (
    "deployment_type", "hosting_provider", "instance_types", "total_cpu", "total_memory_gb",
    "total_disk_gb", "instance_url", "code_hosts", "repositories", "start_date", "completion_date",
    "max_users",
)  # fmt: skip

_DEPLOY = {"Kubernetes with Helm": ["Helm", "Kubernetes (Helm)", "the Helm chart on Kubernetes"],
           "Kubernetes with Kustomize": ["Kustomize", "Kubernetes (Kustomize)"],
           "Docker Compose": ["Docker Compose", "docker-compose"]}  # fmt: skip
_CLOUD = {
    "AWS": ["AWS", "Amazon Web Services"],
    "GCP": ["GCP", "Google Cloud"],
    "Azure": ["Azure", "Microsoft Azure"],
}
_K8S_ON = {"AWS": "EKS", "GCP": "GKE", "Azure": "AKS"}
# (type, vCPU, GB) per cloud: Sourcegraph's families, then the other systems' (never the same type)
_OWN_TYPES = {
    "AWS": [
        ("m6i.4xlarge", 16, 64),
        ("m6i.8xlarge", 32, 128),
        ("r6i.2xlarge", 8, 64),
        ("m7i.4xlarge", 16, 64),
    ],
    "GCP": [("n2-standard-16", 16, 64), ("n2-highmem-8", 8, 64), ("n2-standard-32", 32, 128)],
    "Azure": [("Standard_D16s_v5", 16, 64), ("Standard_E8s_v5", 8, 64), ("Standard_D32s_v5", 32, 128)],
}
_OTHER_TYPES = {
    "AWS": [
        ("c5.2xlarge", 8, 16),
        ("r5.xlarge", 4, 32),
        ("m5.2xlarge", 8, 32),
        ("c6i.4xlarge", 16, 32),
        ("t3.xlarge", 4, 16),
    ],
    "GCP": [
        ("e2-standard-8", 8, 32),
        ("c2-standard-16", 16, 64),
        ("n1-highmem-4", 4, 26),
        ("e2-standard-4", 4, 16),
    ],
    "Azure": [
        ("Standard_F8s_v2", 8, 16),
        ("Standard_E4s_v5", 4, 32),
        ("Standard_D4s_v5", 4, 16),
        ("Standard_B8ms", 8, 32),
    ],
}
_HOSTS = {"GitHub Enterprise Server": ["GitHub Enterprise Server", "GHES", "GitHub Enterprise"],
          "GitLab Self-Managed": ["self-managed GitLab", "GitLab Self-Managed"],
          "Bitbucket Server / Data Center": ["Bitbucket Data Center", "Bitbucket Server"],
          "GitHub.com": ["GitHub.com", "GitHub Enterprise Cloud"],
          "Azure DevOps": ["Azure DevOps", "Azure Repos"]}  # fmt: skip
_ORGS = [
    "Acme",
    "Northwind",
    "Globex",
    "Initech",
    "Hooli",
    "Vandelay",
    "Contoso",
    "Fabrikam",
    "Tyrell",
    "Wonka",
]
# other systems: (name, what it is, a host name stem)
_SYSTEMS = [
    ("Jenkins", "CI controller", "jenkins"), ("Artifactory", "artifact repository", "artifacts"),
    ("Grafana", "dashboards", "grafana"), ("SonarQube", "code quality", "sonar"), ("Nexus", "package proxy", "nexus"),
    ("Jira", "issue tracker", "jira"), ("Confluence", "wiki", "wiki"), ("Vault", "secrets", "vault"),
    ("Backstage", "developer portal", "backstage"), ("Prometheus", "metrics", "prometheus"),
]  # fmt: skip
_OWNERS = [
    "Platform",
    "DevEx",
    "Build & Release",
    "SRE",
    "Tooling",
    "Observability",
    "Security",
    "Dev Productivity",
]


@dataclass
class System:
    name: str
    what: str
    stem: str
    deploy: str  # canonical deployment type ("" for a VM install)
    nodes: int
    type: str
    cpu: int
    mem: int
    disk: int
    url: str
    users: int
    start: dt.date
    live: dt.date
    owner: str
    hosts: list[str] = field(default_factory=list)  # Sourcegraph's code hosts (canonical)
    repos: int = 0


@dataclass
class Facts:
    org: str
    domain: str
    cloud: str
    sg: System
    others: list[System]
    rng: random.Random
    unstated: set[str] = field(default_factory=set)  # fields the layout does not give Sourcegraph

    def want(self) -> dict[str, Any]:
        """Field → Sourcegraph's production value (None: the document does not state it)."""
        s = self.sg
        want = {
            "deployment_type": s.deploy, "hosting_provider": self.cloud,
            "instance_types": [f"{s.nodes} × {s.type}"], "total_cpu": s.cpu, "total_memory_gb": s.mem,
            "total_disk_gb": s.disk, "instance_url": s.url, "code_hosts": sorted(s.hosts),
            "repositories": s.repos, "start_date": s.start.isoformat(), "completion_date": s.live.isoformat(),
            "max_users": s.users,
        }  # fmt: skip
        return {k: None if k in self.unstated else v for k, v in want.items()}

    def pick(self, *options: Any) -> Any:
        return self.rng.choice(options)

    def all(self, sg_at: int | None = None) -> list[System]:
        """The systems in document order, Sourcegraph never first (at `sg_at` when given)."""
        at = sg_at if sg_at is not None else self.rng.randrange(1, len(self.others) + 1)
        return [*self.others[:at], self.sg, *self.others[at:]]


def draw(seed: int) -> Facts:
    rng = random.Random(seed * 7919 + 17)
    org = rng.choice(_ORGS)
    domain = f"{org.lower()}.{rng.choice(['com', 'io', 'net', 'co.uk'])}"
    cloud = rng.choice(list(_CLOUD))
    deploy = rng.choice(list(_DEPLOY))
    typ, vcpu, gb = rng.choice(_OWN_TYPES[cloud])
    nodes = 1 if deploy == "Docker Compose" else rng.randint(2, 5)
    start = dt.date(2025, 1, 6) + dt.timedelta(days=rng.randrange(0, 520))
    live = start + dt.timedelta(days=rng.randrange(14, 70))
    sg = System(
        "Sourcegraph", "code search", "sourcegraph", deploy, nodes, typ, nodes * vcpu, nodes * gb,
        rng.choice([500, 750, 1000, 1500, 2000, 2500, 3000]),
        f"https://{rng.choice(['sourcegraph', 'code', 'search', 'sg', 'codesearch'])}.{domain}",
        rng.choice(range(150, 4000, 25)), start, live, rng.choice(_OWNERS),
        sorted(rng.sample(list(_HOSTS), rng.choice([1, 1, 2]))), rng.choice(range(250, 9000, 7)),
    )  # fmt: skip
    others: list[System] = []
    used = {sg.cpu, sg.mem, sg.disk, sg.users, sg.repos}
    for name, what, stem in rng.sample(_SYSTEMS, rng.randint(4, 7)):
        otyp, ocpu, ogb = rng.choice(_OTHER_TYPES[cloud])
        n = rng.randint(1, 6)
        while n * ocpu in used or n * ogb in used:
            n += 1
        disk = rng.choice([200, 400, 600, 800, 1200, 4000, 6000, 8000])
        while disk in used:
            disk += 100
        users = rng.choice(range(100, 5000, 50))
        while users in used:
            users += 10
        used |= {n * ocpu, n * ogb, disk, users}
        ostart = dt.date(2022, 3, 1) + dt.timedelta(days=rng.randrange(0, 1100))
        olive = ostart + dt.timedelta(days=rng.randrange(10, 90))
        odeploy = rng.choice(["", "", "Docker Compose", "Kubernetes with Helm"])
        sub = rng.choice([stem, f"{stem}.tools", f"{stem}-prod"])
        others.append(System(name, what, stem, odeploy, n, otyp, n * ocpu, n * ogb, disk, f"https://{sub}.{domain}",
                             users, ostart, olive, rng.choice(_OWNERS)))  # fmt: skip
    return Facts(org, domain, cloud, sg, others, rng)


# ---------- value wording ----------
def num(f: Facts, n: int) -> str:
    return f.pick(f"{n:,}", str(n)) if n >= 1000 else str(n)


def gb(f: Facts, n: int, unit: bool = True) -> str:
    if not unit:
        return num(f, n)
    if n >= 1000 and n % 500 == 0 and f.rng.random() < 0.5:
        return f"{n / 1000:g} TB"
    return f"{num(f, n)} {f.pick('GB', 'GiB', 'GB')}"


def day(f: Facts, d: dt.date) -> str:
    return f.pick(d.isoformat(), f"{d.day} {d:%B %Y}", f"{d:%B} {d.day}, {d.year}", f"{d.day} {d:%b %Y}")


def machines(f: Facts, s: System) -> str:
    return f.pick(f"{s.nodes} × {s.type}", f"{s.nodes}x {s.type}", f"{s.nodes} x {s.type}")


def platform(f: Facts, s: System) -> str:
    cloud = f.pick(*_CLOUD[f.cloud])
    if s.deploy == "":
        return f.pick(f"VMs on {cloud}", f"{cloud} VM")
    if s.deploy.startswith("Kubernetes"):
        tool = "Helm" if s.deploy.endswith("Helm") else "Kustomize"
        return f.pick(
            f"{_K8S_ON[f.cloud]} ({tool})", f"Kubernetes on {cloud}, {tool}", f"{tool} on {_K8S_ON[f.cloud]}"
        )
    return f.pick(f"Docker Compose on a {cloud} VM", f"docker-compose, {cloud}")


def hosts(f: Facts, s: System) -> str:
    return " and ".join(f.pick(*_HOSTS[h]) for h in s.hosts)


def label(f: Facts, key: str) -> str:
    return f.pick(*_LABELS[key])


_LABELS = {
    "name": ["Service", "System", "Tool", "Application"],
    "owner": ["Owner", "Owning team", "Team"],
    "platform": ["Platform", "Runs on", "Hosting"],
    "machines": ["Hosts", "Nodes", "Compute", "Machines"],
    "type": ["Instance type", "Machine type", "VM size", "Node type"],
    "nodes": ["Nodes", "Node count", "Hosts"],
    "cpu": ["vCPU", "CPU", "Total vCPU", "Cores"],
    "mem": ["Memory", "RAM", "Memory (GB)"],
    "disk": ["Disk", "Storage", "Disk (GB)"],
    "url": ["URL", "Address", "Endpoint"],
    "users": ["Users", "Licensed users", "User count", "Seats"],
    "live": ["Live since", "Go-live", "In production since", "Production since"],
}


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def p(text: str) -> str:
    return f"<p>{_esc(text)}</p>"


def h(level: int, text: str) -> str:
    return f"<h{level}>{_esc(text)}</h{level}>"


def ul(items: Sequence[str | tuple[str, list[str]]]) -> str:
    out = []
    for it in items:
        if isinstance(it, tuple):
            out.append(
                f"<li>{_esc(it[0])}<ul>" + "".join(f"<li>{_esc(c)}</li>" for c in it[1]) + "</ul></li>"
            )
        else:
            out.append(f"<li>{_esc(it)}</li>")
    return "<ul>" + "".join(out) + "</ul>"


def table(rows: list[list[str]], header: bool = True) -> str:
    out = []
    for i, r in enumerate(rows):
        tag = "th" if header and i == 0 else "td"
        out.append("<tr>" + "".join(f"<{tag}>{_esc(c)}</{tag}>" for c in r) + "</tr>")
    return "<table>" + "".join(out) + "</table>"


def doc(title: str, *parts: str) -> str:
    return f"<html><head><title>{_esc(title)}</title></head><body>{h(1, title)}{''.join(parts)}</body></html>"


# ---------- the facts only Sourcegraph has (code hosts, repositories, its build dates) ----------
def sg_extras(f: Facts, name: str = "Sourcegraph") -> list[str]:
    """Lines giving Sourcegraph's own code hosts, repositories and build start, in one of a few wordings."""
    s = f.sg
    return f.pick(
        [f"Code hosts: {hosts(f, s)}", f"Repositories: {num(f, s.repos)}", f"Build started: {day(f, s.start)}"],
        [f"{name} indexes {num(f, s.repos)} repositories from {hosts(f, s)}.",
         f"The {name} build started on {day(f, s.start)}."],
        [f"Repositories indexed: {num(f, s.repos)} ({hosts(f, s)})", f"Provisioning began {day(f, s.start)}"],
    )  # fmt: skip


# ---------- layouts ----------
Layout = Callable[[Facts], "str | dict[str, Any]"]
LAYOUTS: dict[str, Layout] = {}
HOLDOUT: dict[str, Layout] = {}


def layout(fn: Layout) -> Layout:
    LAYOUTS[fn.__name__] = fn
    return fn


def _catalogue_row(f: Facts, s: System, cols: list[str], name: str | None = None) -> list[str]:
    cell = {
        "name": name or s.name, "owner": s.owner, "platform": platform(f, s), "machines": machines(f, s),
        "cpu": num(f, s.cpu), "mem": gb(f, s.mem), "disk": gb(f, s.disk), "url": s.url,
        "users": num(f, s.users), "live": day(f, s.live),
    }  # fmt: skip
    return [cell[c] for c in cols]


@layout
def catalogue_rows(f: Facts) -> str:
    cols = ["name", "owner", "platform", "machines", "cpu", "mem", "disk", "url", "users", "live"]
    rows = [[label(f, c) for c in cols]] + [_catalogue_row(f, s, cols) for s in f.all()]
    title = f.pick(
        f"{f.org} engineering tools: service catalogue",
        "Developer platform services",
        f"{f.org} — tooling estate",
    )
    return doc(title, p(f.pick("Every tool the platform team runs, one row each.", "The production services of the developer platform.")),
               h(2, f.pick("Catalogue", "Services", "Production services")), table(rows),
               h(2, f.pick("Notes on Sourcegraph", "Sourcegraph")), ul(sg_extras(f)))  # fmt: skip


@layout
def catalogue_columns(f: Facts) -> str:
    systems = f.all()
    cols = ["platform", "machines", "cpu", "mem", "disk", "url", "users", "live"]
    rows = [[""] + [s.name for s in systems]]
    for c in cols:
        rows.append([label(f, c)] + [_catalogue_row(f, s, [c])[0] for s in systems])
    return doc(f.pick("Platform inventory", f"{f.org} developer tools overview"),
               h(2, f.pick("Side by side", "Production footprint")), table(rows),
               h(2, "Sourcegraph"), p(" ".join(sg_extras(f))))  # fmt: skip


def _section_lines(f: Facts, s: System) -> list[str]:
    lines = [
        f"{f.pick('Production', 'Prod')}: {machines(f, s)}, {num(f, s.cpu)} vCPU, {gb(f, s.mem)} {f.pick('RAM', 'memory')}, {gb(f, s.disk)} {f.pick('disk', 'storage')}",
        f"{label(f, 'url')}: {s.url}", f"{label(f, 'users')}: {num(f, s.users)}", f"{label(f, 'live')}: {day(f, s.live)}",
        f"{f.pick('Deployment', 'Deployed with', 'Runs on')}: {platform(f, s)}",
    ]  # fmt: skip
    if s is f.sg:
        lines += sg_extras(f)
    return lines


@layout
def sections_h2(f: Facts) -> str:
    parts = []
    for s in f.all():
        parts += [h(2, s.name), *[p(x) for x in _section_lines(f, s)]]
    return doc(
        f.pick(f"{f.org} platform report", "Quarterly tooling review", "Dev tools: production summary"),
        *parts,
    )


@layout
def sections_h3_bullets(f: Facts) -> str:
    parts = [h(2, f.pick("Platform services", "What we run"))]
    for s in f.all():
        parts += [h(3, f.pick(s.name, f"{s.name} ({s.what})")), ul(_section_lines(f, s))]
    return doc(
        f.pick("Engineering systems handbook", f"{f.org} tools TDD collection"),
        p("One section per system."),
        *parts,
    )


@layout
def shared_cluster_tenants(f: Facts) -> str:
    s = f.sg
    f.unstated.add("instance_types")  # (Sourcegraph's share of the cluster's machines is not a count of them)
    ctyp = f.pick(*_OTHER_TYPES[f.cloud])
    cn = f.rng.randint(8, 20)
    tenants = [o for o in f.others if o.deploy.startswith("Kubernetes")] or f.others[:3]
    rows = [
        [
            f.pick("Namespace", "Tenant"),
            label(f, "owner"),
            f.pick("CPU quota", "CPU requests", "vCPU"),
            f.pick("Memory quota", "Memory requests", "Memory"),
            f.pick("PVC storage", "Storage", "Volumes"),
        ]
    ]
    order = [*tenants[:1], s, *tenants[1:]]
    for t in order:
        rows.append(
            [
                t.stem if t is not s else f.pick("sourcegraph", "Sourcegraph"),
                t.owner,
                num(f, t.cpu),
                gb(f, t.mem),
                gb(f, t.disk),
            ]
        )
    if f.rng.random() < 0.5:
        rows.append(
            [
                f.pick("Cluster total", "Total"),
                "",
                num(f, sum(t.cpu for t in order)),
                gb(f, sum(t.mem for t in order)),
                gb(f, sum(t.disk for t in order)),
            ]
        )
    cluster = [
        f"{f.pick('Cluster', 'Shared cluster')}: {_K8S_ON[f.cloud]}, {cn} × {ctyp[0]} ({cn * ctyp[1]} vCPU, {cn * ctyp[2]} GB in total)",
        f"{f.pick('Cloud', 'Provider')}: {f.pick(*_CLOUD[f.cloud])}",
    ]  # fmt: skip
    own = [f"{f.pick('Deployment', 'Installed with')}: {f.pick(*_DEPLOY[s.deploy])}", f"URL: {s.url}",
           f"{label(f, 'users')}: {num(f, s.users)}", f"{label(f, 'live')}: {day(f, s.live)}", *sg_extras(f)]  # fmt: skip
    return doc(f.pick("Shared platform cluster and its tenants", f"{f.org} platform: capacity plan"),
               h(2, f.pick("Shared platform", "The cluster")), ul(cluster), h(3, "Tenants"), table(rows),
               h(2, "Sourcegraph tenant"), ul(own))  # fmt: skip


@layout
def bullet_tree(f: Facts) -> str:
    items: list[str | tuple[str, list[str]]] = []
    for s in f.all():
        items.append((f.pick(s.name, f"{s.name}:"), _section_lines(f, s)))
    return doc(
        f.pick("Tooling estate", "Platform notes"), p(f.pick("Per tool:", "What runs where.")), ul(items)
    )


def _prose(f: Facts, s: System) -> str:
    n = s.name
    return f.pick(
        f"{n} runs on {machines(f, s)} ({num(f, s.cpu)} vCPU and {gb(f, s.mem)} of memory in total) with {gb(f, s.disk)} of disk; it is reached at {s.url}, serves {num(f, s.users)} users and went live on {day(f, s.live)}.",
        f"{n} has {num(f, s.users)} users at {s.url}. It went live on {day(f, s.live)} and runs on {machines(f, s)}, {num(f, s.cpu)} vCPU and {gb(f, s.mem)} of RAM, with {gb(f, s.disk)} of storage.",
    )  # fmt: skip


@layout
def prose_paragraphs(f: Facts) -> str:
    parts = []
    for s in f.all():
        parts.append(p(_prose(f, s)))
        if s is f.sg:
            parts.append(
                p(
                    f"It is deployed with {f.pick(*_DEPLOY[s.deploy])} on {f.pick(*_CLOUD[f.cloud])}. "
                    + " ".join(x if x.endswith(".") else x + "." for x in sg_extras(f))
                )
            )
    return doc(f.pick("State of the developer platform", f"{f.org}: tools in production"), *parts)


@layout
def docs_json_tabs(f: Facts) -> dict[str, Any]:
    tabs = []
    for s in f.all():
        rows = [
            [label(f, c), _catalogue_row(f, s, [c])[0]]
            for c in ["platform", "machines", "cpu", "mem", "disk", "url", "users", "live"]
        ]
        content: list[Any] = [dj.heading(f"{s.name} — production", 2), dj.table(*rows)]
        if s is f.sg:
            content += [dj.para(x) for x in sg_extras(f)]
        tabs.append(dj.tab(s.name, *content))
    return dj.tabbed(
        dj.tab("Overview", dj.para(f"{f.org} developer tools: one tab per service.")),
        *tabs,
        title=f"{f.org} tools",
    )


@layout
def nickname(f: Facts) -> str:
    f.unstated.add("deployment_type")  # (no column of how each system is deployed)
    nick = f.pick("Lighthouse", "Periscope", "Compass", "Beacon")
    cols = ["name", "machines", "cpu", "mem", "disk", "url", "users", "live"]
    rows = [[label(f, c) for c in cols]] + [
        _catalogue_row(f, s, cols, nick if s is f.sg else None) for s in f.all()
    ]
    return doc(f.pick("Tooling estate", "Dev platform catalogue"),
               p(f"{nick} is our name for the Sourcegraph code search instance."),
               table(rows), h(2, nick), ul(sg_extras(f, nick)))  # fmt: skip


@layout
def url_only(f: Facts) -> str:
    f.unstated.add("deployment_type")  # (no column of how each system is deployed)
    cols = ["machines", "cpu", "mem", "disk", "users", "live"]
    rows = [[f.pick("Endpoint", "Host")] + [label(f, c) for c in cols]]
    rows += [[s.url.removeprefix("https://"), *_catalogue_row(f, s, cols)] for s in f.all()]
    return doc(f.pick("Hosts and sizes", "Endpoint inventory"), p("By endpoint."), table(rows),
               h(2, f"Notes on {f.sg.url.removeprefix('https://')}"), ul(sg_extras(f, "the code search")))  # fmt: skip


@layout
def subject_second(f: Facts) -> str:
    f.unstated.add("deployment_type")  # (no column of how each system is deployed)
    cols = ["name", "machines", "cpu", "mem", "disk", "url", "users", "live"]
    rows = [[f.pick("ID", "Ref")] + [label(f, c) for c in cols]]
    for i, s in enumerate(f.all()):
        rows.append([f"SVC-{101 + i}", *_catalogue_row(f, s, cols)])
    return doc("Application register", table(rows), h(2, "Sourcegraph"), ul(sg_extras(f)))


@layout
def subject_last(f: Facts) -> str:
    f.unstated.add("deployment_type")  # (no column of how each system is deployed)
    cols = ["machines", "cpu", "mem", "disk", "url", "users", "live", "name"]
    rows = [[label(f, c) for c in cols]] + [_catalogue_row(f, s, cols) for s in f.all()]
    return doc("Capacity by system", table(rows), h(2, "Sourcegraph"), ul(sg_extras(f)))


@layout
def cost_allocation(f: Facts) -> str:
    rows = [
        [
            label(f, "name"),
            label(f, "type"),
            f.pick("Count", "Qty", "Nodes"),
            f.pick("Monthly cost", "Cost / month"),
        ]
    ]
    for s in f.all():
        rows.append([s.name, s.type, str(s.nodes), f"${s.cpu * 41 + s.disk // 10:,}"])
    s = f.sg
    own = [f"{label(f, 'cpu')}: {num(f, s.cpu)}", f"{label(f, 'mem')}: {gb(f, s.mem)}", f"{label(f, 'disk')}: {gb(f, s.disk)}",
           f"URL: {s.url}", f"Deployment: {f.pick(*_DEPLOY[s.deploy])}", f"Cloud: {f.pick(*_CLOUD[f.cloud])}",
           f"{label(f, 'users')}: {num(f, s.users)}", f"{label(f, 'live')}: {day(f, s.live)}", *sg_extras(f)]  # fmt: skip
    return doc(f.pick("Cloud cost allocation by service", f"{f.org} FinOps: tools"), h(2, "Allocation"), table(rows),
               h(2, "Sourcegraph production"), ul(own))  # fmt: skip


@layout
def cmdb_inventory(f: Facts) -> str:
    rows = [
        [
            "CI",
            f.pick("Hostname", "Name"),
            "Class",
            label(f, "type"),
            label(f, "cpu"),
            label(f, "mem"),
            label(f, "disk"),
        ]
    ]
    for i, s in enumerate(f.all()):
        rows.append([f"CI{4100 + i}", f"{s.stem}-prod-01", "Linux server", s.type + (f" ×{s.nodes}" if s.nodes > 1 else ""),
                     num(f, s.cpu), gb(f, s.mem), gb(f, s.disk)])  # fmt: skip
    s = f.sg
    own = [f"URL: {s.url}", f"Deployment: {f.pick(*_DEPLOY[s.deploy])} on {f.pick(*_CLOUD[f.cloud])}",
           f"{label(f, 'users')}: {num(f, s.users)}", f"{label(f, 'live')}: {day(f, s.live)}", *sg_extras(f)]  # fmt: skip
    return doc("CMDB extract: developer tooling", table(rows), h(2, "Sourcegraph details"), ul(own))


@layout
def migration_waves(f: Facts) -> str:
    rows = [
        [
            f.pick("Wave", "Phase"),
            label(f, "name"),
            f.pick("Start", "Build start"),
            f.pick("Cut-over", "Go-live"),
            label(f, "machines"),
        ]
    ]
    for i, s in enumerate(f.all()):
        rows.append([str(i + 1), s.name, day(f, s.start), day(f, s.live), machines(f, s)])
    s = f.sg
    own = [f"{label(f, 'cpu')}: {num(f, s.cpu)}", f"{label(f, 'mem')}: {gb(f, s.mem)}", f"{label(f, 'disk')}: {gb(f, s.disk)}",
           f"URL: {s.url}", f"Deployment: {f.pick(*_DEPLOY[s.deploy])}", f"Cloud: {f.pick(*_CLOUD[f.cloud])}",
           f"{label(f, 'users')}: {num(f, s.users)}", f"Code hosts: {hosts(f, s)}", f"Repositories: {num(f, s.repos)}"]  # fmt: skip
    return doc(f.pick("Cloud migration plan: developer tools", "Tools move to the cloud, in waves"), h(2, "Waves"), table(rows),
               h(2, "Sourcegraph (wave detail)"), ul(own))  # fmt: skip


@layout
def dependency_list(f: Facts) -> str:
    s = f.sg
    own = [f"Deployment: {f.pick(*_DEPLOY[s.deploy])} on {f.pick(*_CLOUD[f.cloud])}", f"{label(f, 'machines')}: {machines(f, s)}",
           f"{label(f, 'cpu')}: {num(f, s.cpu)}", f"{label(f, 'mem')}: {gb(f, s.mem)}", f"{label(f, 'disk')}: {gb(f, s.disk)}",
           f"URL: {s.url}", f"{label(f, 'users')}: {num(f, s.users)}", f"{label(f, 'live')}: {day(f, s.live)}", *sg_extras(f)]  # fmt: skip
    deps = [
        f"{o.name} ({o.what}) – {o.url}, {machines(f, o)}, {gb(f, o.disk)}, {num(f, o.users)} users"
        for o in f.others[:4]
    ]
    return doc(
        "Sourcegraph technical design",
        h(2, "Production"),
        ul(own),
        h(2, f.pick("Dependencies", "Depends on", "Upstream systems")),
        ul(deps),
    )


@layout
def docs_json_production_sections(f: Facts) -> dict[str, Any]:
    content: list[Any] = [dj.heading(f.pick("Platform report", "Tools overview"), 1)]
    for s in f.all():
        content.append(dj.heading(s.name, 2))
        content += [dj.para(x) for x in _section_lines(f, s)]
    return dj.legacy(*content, title=f"{f.org} platform report")


@layout
def prose_two_per_paragraph(f: Facts) -> str:
    systems = f.all()
    parts = []
    for i in range(0, len(systems), 2):
        parts.append(p(" ".join(_prose(f, s) for s in systems[i : i + 2])))
    s = f.sg
    parts.append(
        p(
            f"Sourcegraph is deployed with {f.pick(*_DEPLOY[s.deploy])} on {f.pick(*_CLOUD[f.cloud])}. "
            + " ".join(x if x.endswith(".") else x + "." for x in sg_extras(f))
        )
    )
    return doc(f.pick("Platform digest", "Where the tools stand"), *parts)


# ---------- scoring ----------
def render(name: str, seed: int) -> tuple[Facts, Any]:
    f = draw(seed)
    made = {**LAYOUTS, **HOLDOUT}[name](f)
    return f, made


def read(made: Any, catalogue: Catalogue) -> dict[str, Any]:
    document = html_document(made) if isinstance(made, str) else made
    view = tdd_fields(read_document(document, catalogue).values, catalogue)
    return {n: fv.to_json()["value"] for n, fv in view.fields.items()}


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, list):
        return isinstance(got, list) and sorted(map(str, got)) == sorted(map(str, want))
    return bool(got == want)


def score(name: str, seed: int, catalogue: Catalogue) -> dict[str, tuple[str, Any, Any]]:
    """Field → (right | missing | wrong, value read, value wanted)."""
    f, made = render(name, seed)
    got = read(made, catalogue)
    out = {}
    for fld, want in f.want().items():
        g = got.get(fld)
        if want is None:
            out[fld] = ("right" if g is None else "wrong", g, want)
        else:
            out[fld] = ("missing" if g is None else "right" if _same(g, want) else "wrong", g, want)
    return out


def main(argv: list[str]) -> None:
    from pathlib import Path

    from handoff.core.fields import load_catalogue

    catalogue = load_catalogue(Path(__file__).parent.parent / "config" / "fields.toml")
    seeds = int(argv[0]) if argv else 8
    which = argv[1] if len(argv) > 1 else "layouts"
    names = list(HOLDOUT if which == "holdout" else LAYOUTS)
    per_field: dict[str, list[int]] = {k: [0, 0, 0] for k in FIELDS}
    total = [0, 0, 0]
    wrongs = []
    print(f"{'layout':34} right missing wrong")
    for n in names:
        c = [0, 0, 0]
        for seed in range(seeds):
            for fld, (st, g, w) in score(n, seed, catalogue).items():
                k = ("right", "missing", "wrong").index(st)
                c[k] += 1
                per_field[fld][k] += 1
                total[k] += 1
                if st == "wrong":
                    wrongs.append(f"  {n} seed {seed} {fld}: got {g!r} want {w!r}")
        print(f"{n:34} {c[0]:5} {c[1]:7} {c[2]:5}")
    print(f"{'TOTAL':34} {total[0]:5} {total[1]:7} {total[2]:5}")
    print(f"\n{'field':34} right missing wrong")
    for name, c in per_field.items():
        print(f"{name:34} {c[0]:5} {c[1]:7} {c[2]:5}")
    if "-v" in argv:
        print("\n".join(wrongs))


# ---------- hold-out layouts: written after the fixes, scored before touching the code for them ----------
def holdout(fn: Layout) -> Layout:
    HOLDOUT[fn.__name__] = fn
    return fn


def _footprint(f: Facts, s: System) -> list[tuple[str, str]]:
    """Another pool of labels and wordings for one system's facts."""
    return [
        (f.pick("Footprint", "Compute footprint", "Servers"), f"{machines(f, s)} ({num(f, s.cpu)} vCPUs / {gb(f, s.mem)} RAM)"),
        (f.pick("Volumes", "Attached storage", "Disk space"), gb(f, s.disk)),
        (f.pick("Reachable at", "Web address", "Base URL"), s.url),
        (f.pick("Head count", "Active users", "Named users"), num(f, s.users)),
        (f.pick("Cut over", "Went live", "Launch date"), day(f, s.live)),
    ]  # fmt: skip


@holdout
def bold_names_with_tables(f: Facts) -> str:
    parts = [p(f.pick("Below, each tool and its footprint.", "The estate, tool by tool."))]
    for s in f.all():
        rows = [list(x) for x in _footprint(f, s)]
        if s is f.sg:
            rows += [["Install", f.pick(*_DEPLOY[s.deploy])], ["Cloud", f.pick(*_CLOUD[f.cloud])]]
        parts += [f"<p><b>{_esc(s.name)}</b></p>", table(rows, header=False)]
    parts += [p(" ".join(x if x.endswith(".") else x + "." for x in sg_extras(f)))]
    return doc(f.pick("Tool footprints", f"{f.org} estate review"), *parts)


@holdout
def numbered_headings_label_tables(f: Facts) -> str:
    parts = [h(2, f.pick("3 Platform services", "2. Services in scope"))]
    for n, s in enumerate(f.all(), 1):
        rows = [[f.pick("Item", "Attribute"), f.pick("Detail", "Value")]] + [
            list(x) for x in _footprint(f, s)
        ]
        if s is f.sg:
            rows += [
                ["Deployment method", f.pick(*_DEPLOY[s.deploy])],
                ["Cloud provider", f.pick(*_CLOUD[f.cloud])],
            ]
        parts += [h(3, f"{n}.{n} {s.name}"), table(rows)]
    parts += [h(2, "Appendix: Sourcegraph sources"), ul(sg_extras(f))]
    return doc(f.pick("Platform design summary", f"{f.org} platform: detailed design"), *parts)


@holdout
def status_email(f: Facts) -> str:
    parts = [
        p("Hi all,"),
        p(f.pick("quick status per tool before the review:", "here is where each tool stands:")),
    ]
    for s in f.all():
        parts.append(p(f.pick(
            f"{s.name} is hosted on {machines(f, s)}, {num(f, s.cpu)} vCPU and {gb(f, s.mem)} of RAM with {gb(f, s.disk)} of volumes. Its {num(f, s.users)} users reach it at {s.url}; it has been live since {day(f, s.live)}.",
            f"{s.name} sits on {machines(f, s)} ({num(f, s.cpu)} vCPU, {gb(f, s.mem)} RAM) and {gb(f, s.disk)} of disk. It serves {num(f, s.users)} people at {s.url} and went live {day(f, s.live)}.",
        )))  # fmt: skip
    s = f.sg
    parts.append(
        p(
            f"For Sourcegraph specifically: {f.pick(*_DEPLOY[s.deploy])} on {f.pick(*_CLOUD[f.cloud])}, {num(f, s.repos)} repositories from {hosts(f, s)}, build began {day(f, s.start)}."
        )
    )
    parts.append(p("Thanks, Priya"))
    return doc(f.pick("Re: tool status", "Fwd: platform status"), *parts)


@holdout
def docs_json_child_tabs(f: Facts) -> dict[str, Any]:
    kids = []
    for s in f.all():
        content: list[Any] = [dj.para(f"{a}: {b}") for a, b in _footprint(f, s)]
        if s is f.sg:
            content += [
                dj.para(f"Deployed with: {f.pick(*_DEPLOY[s.deploy])}"),
                dj.para(f"Cloud: {f.pick(*_CLOUD[f.cloud])}"),
            ]
            content += [dj.para(x) for x in sg_extras(f)]
        kids.append(dj.tab(f.pick(s.name, f"{s.name} (prod)"), *content))
    return dj.tabbed(
        dj.tab("Intro", dj.para("Tools of the platform team.")),
        dj.tab("Services", dj.para("One child tab per service."), children=kids),
        title="Platform",
    )


@holdout
def tenants_columns(f: Facts) -> str:
    s = f.sg
    f.unstated.add("instance_types")
    tenants = [*f.others[:2], s, *f.others[2:4]]
    rows = [[f.pick("Quota", "Allocation")] + [t.stem if t is not s else "sourcegraph" for t in tenants]]
    rows.append([f.pick("CPU (cores)", "vCPU")] + [num(f, t.cpu) for t in tenants])
    rows.append([f.pick("Memory", "RAM")] + [gb(f, t.mem) for t in tenants])
    rows.append([f.pick("Persistent storage", "Disk")] + [gb(f, t.disk) for t in tenants])
    own = [f"Instance URL: {s.url}", f"Deployment: {f.pick(*_DEPLOY[s.deploy])}", f"Hosting provider: {f.pick(*_CLOUD[f.cloud])}",
           f"Maximum users: {num(f, s.users)}", f"Completed: {day(f, s.live)}", *sg_extras(f)]  # fmt: skip
    return doc(f.pick("Namespace quotas", "Shared cluster allocation"), p(f"The shared {_K8S_ON[f.cloud]} cluster is split between teams."),
               table(rows), h(2, "Sourcegraph"), ul(own))  # fmt: skip


@holdout
def vendor_named_rows(f: Facts) -> str:
    vendor = {"Jenkins": "CloudBees Jenkins", "Artifactory": "JFrog Artifactory", "Grafana": "Grafana OSS", "SonarQube": "SonarQube Enterprise",
              "Nexus": "Sonatype Nexus", "Jira": "Jira Data Center", "Confluence": "Confluence DC", "Vault": "HashiCorp Vault",
              "Backstage": "Backstage portal", "Prometheus": "Prometheus"}  # fmt: skip
    cols = ["machines", "cpu", "mem", "disk", "url", "users", "live"]
    rows = [[f.pick("Product", "Platform component")] + [label(f, c) for c in cols]]
    for s in f.all():
        name = f.pick("Sourcegraph Enterprise", "Sourcegraph") if s is f.sg else vendor[s.name]
        rows.append([name, *_catalogue_row(f, s, cols)])
    s = f.sg
    return doc(f.pick("Licensed tools and their infrastructure", "Software estate"), table(rows),
               p(f"Sourcegraph runs with {f.pick(*_DEPLOY[s.deploy])} on {f.pick(*_CLOUD[f.cloud])}."), ul(sg_extras(f)))  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
