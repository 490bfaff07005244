"""Whole TDDs whose production part must be told from other environments' parts (generated, seeded).

A production fact set (deployment, cloud, machines, totals, disk, code hosts, repositories,
monorepos, largest repository, URL, dates, users) and one to three other environments (staging,
dev, QA, UAT, DR, a POC, a load-test rig, a sandbox, a replica region) whose figures differ on
every field are rendered through many layouts: production's section first, in the middle or
last; environments as headings at several levels with their facts sub-sections down; as table
columns or rows, named in a header two rows up or in a merged group cell; one table per
environment; bullet trees; label lines led by the environment's word; Docs API tabs; names a
document defines once (codes, a customer's own names, regions); an overview table with detail
sections; a production summary at the top; a "differences from production" section.

`document(layout, seed)` gives (doc, key): doc an HTML string or a Docs API dict, key the
production value of each field stated. `score(doc, key)` reads it through the real reader and
says right / missing / wrong per field. Nothing random runs at import time.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docjson import heading as j_heading
from docjson import para as j_para
from docjson import tab as j_tab
from docjson import tabbed as j_tabbed
from docjson import table as j_table

FIELDS = (
    "deployment_type",
    "hosting_provider",
    "instance_types",
    "total_cpu",
    "total_memory_gb",
    "total_disk_gb",
    "code_hosts",
    "repositories",
    "monorepos",
    "largest_repo_mb",
    "instance_url",
    "start_date",
    "completion_date",
    "max_users",
)

# ------------------------------------------------------------------ fact sets

_TYPES = {
    "AWS": [("m6i.2xlarge", 8, 32), ("m6i.4xlarge", 16, 64), ("m5.8xlarge", 32, 128),
            ("r6i.4xlarge", 16, 128), ("c6i.8xlarge", 32, 64), ("m5.4xlarge", 16, 64)],
    "GCP": [("n2-standard-8", 8, 32), ("n2-standard-16", 16, 64), ("n2-highmem-8", 8, 64),
            ("e2-standard-16", 16, 64), ("n2-standard-32", 32, 128)],
    "Azure": [("Standard_D8s_v5", 8, 32), ("Standard_D16s_v5", 16, 64), ("Standard_E8s_v5", 8, 64),
              ("Standard_D32s_v5", 32, 128), ("Standard_E16s_v5", 16, 128)],
}  # fmt: skip
_CLOUD_WORDS = {
    "AWS": ["AWS", "Amazon Web Services", "AWS (EKS)"],
    "GCP": ["GCP", "Google Cloud", "GCP (GKE)"],
    "Azure": ["Azure", "Microsoft Azure", "Azure (AKS)"],
}
_DEPLOY_WORDS = {
    "Kubernetes with Helm": ["Kubernetes (Helm)", "Helm chart on Kubernetes", "Kubernetes with Helm"],
    "Kubernetes with Kustomize": [
        "Kubernetes (Kustomize)",
        "Kustomize overlays",
        "Kubernetes with Kustomize",
    ],
    "Docker Compose": ["Docker Compose", "docker-compose", "Docker Compose (single VM)"],
}
_HOSTS = {
    "GitHub Enterprise Server": ["GitHub Enterprise Server", "GHES"],
    "GitLab Self-Managed": ["GitLab Self-Managed", "self-managed GitLab"],
    "Bitbucket Server / Data Center": ["Bitbucket Data Center", "Bitbucket Server"],
    "GitHub.com": ["GitHub.com", "GitHub Cloud"],
    "Azure DevOps": ["Azure DevOps", "Azure Repos"],
    "Perforce": ["Perforce", "Helix Core"],
    "Gerrit": ["Gerrit"],
}
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]  # fmt: skip


@dataclass
class Env:
    """One environment's facts, canonical and as written."""

    role: str  # production, staging, dev, qa, uat, dr, poc, loadtest, sandbox, replica
    name: str  # the word the document calls it by
    deploy: str
    deploy_w: str
    cloud: str
    cloud_w: str
    count: int
    itype: str
    cpu: int
    mem: int
    disk: int
    hosts: list[str]
    hosts_w: list[str]
    repos: int
    monorepos: int
    largest_mb: int
    url: str
    start: str
    done: str
    users: int
    extra: dict[str, Any] = field(default_factory=dict)

    def key(self) -> dict[str, Any]:
        return {
            "deployment_type": self.deploy,
            "hosting_provider": self.cloud,
            "instance_types": [f"{self.count} × {self.itype}"],
            "total_cpu": self.cpu,
            "total_memory_gb": self.mem,
            "total_disk_gb": self.disk,
            "code_hosts": list(self.hosts),
            "repositories": self.repos,
            "monorepos": self.monorepos,
            "largest_repo_mb": self.largest_mb,
            "instance_url": self.url,
            "start_date": self.start,
            "completion_date": self.done,
            "max_users": self.users,
        }


_ROLE_NAMES = {
    "production": ["Production", "Prod", "Production environment", "PROD", "Live"],
    "staging": ["Staging", "Pre-prod", "Pre-production", "Stage"],
    "dev": ["Development", "Dev", "Dev environment"],
    "qa": ["QA", "Test", "QA environment"],
    "uat": ["UAT", "User acceptance"],
    "dr": ["DR", "Disaster recovery", "Standby"],
    "poc": ["POC", "Trial", "Pilot"],
    "loadtest": ["Load test", "Perf rig"],
    "sandbox": ["Sandbox"],
}
_URL_PART = {"staging": "staging", "dev": "dev", "qa": "qa", "uat": "uat", "dr": "dr", "poc": "poc",
             "loadtest": "perf", "sandbox": "sandbox", "replica": "replica"}  # fmt: skip


def _date(rng: random.Random, year: int, lo_month: int) -> tuple[int, int, int]:
    return (year, rng.randint(lo_month, lo_month + 2), rng.randint(1, 27))


def _iso(d: tuple[int, int, int]) -> str:
    return f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}"


def write_date(rng: random.Random, iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return rng.choice([iso, f"{d} {_MONTHS[m - 1]} {y}", f"{_MONTHS[m - 1]} {d}, {y}"])


def _env(
    rng: random.Random, role: str, used: dict[str, set[Any]], company: str, cloud: str | None = None
) -> Env:
    def fresh(name: str, make: Callable[[], Any]) -> Any:
        for _ in range(200):
            v = make()
            if v not in used.setdefault(name, set()):
                used[name].add(v)
                return v
        return make()  # a small vocabulary used up (three clouds): this environment shares one

    cloud = fresh("cloud", lambda: rng.choice(sorted(_TYPES))) if cloud is None else cloud
    used.setdefault("cloud", set()).add(cloud)
    deploy = fresh("deploy", lambda: rng.choice(sorted(_DEPLOY_WORDS)))
    count, (itype, c1, m1) = fresh("machines", lambda: (rng.randint(2, 9), rng.choice(_TYPES[cloud])))
    cpu, mem = count * c1, count * m1
    if cpu in used.setdefault("cpu", set()) or mem in used.setdefault("mem", set()):
        count, (itype, c1, m1) = fresh("machines", lambda: (rng.randint(10, 14), rng.choice(_TYPES[cloud])))
        cpu, mem = count * c1, count * m1
    used["cpu"].add(cpu)
    used["mem"].add(mem)
    hosts = fresh("hosts", lambda: tuple(sorted(rng.sample(sorted(_HOSTS), rng.randint(1, 2)))))
    year = 2025 if role != "production" else 2026
    start = fresh("start", lambda: _iso(_date(rng, year, rng.randint(1, 4))))
    s = [int(x) for x in start.split("-")]
    done = fresh("done", lambda: _iso((s[0], min(12, s[1] + rng.randint(1, 3)), rng.randint(1, 27))))
    name = rng.choice(_ROLE_NAMES.get(role, [role.title()]))
    sub = "sourcegraph" if role == "production" else f"sourcegraph-{_URL_PART.get(role, role)}"
    return Env(
        role=role,
        name=name,
        deploy=deploy,
        deploy_w=rng.choice(_DEPLOY_WORDS[deploy]),
        cloud=cloud,
        cloud_w=rng.choice(_CLOUD_WORDS[cloud]),
        count=count,
        itype=itype,
        cpu=cpu,
        mem=mem,
        disk=fresh("disk", lambda: rng.choice([250, 500, 750, 1000, 1500, 2000, 3000, 4000, 6000])),
        hosts=list(hosts),
        hosts_w=[rng.choice(_HOSTS[h]) for h in hosts],
        repos=fresh("repos", lambda: rng.randint(30, 9000)),
        monorepos=fresh("mono", lambda: rng.randint(0, 6)),
        largest_mb=fresh("largest", lambda: rng.choice([800, 1200, 2400, 3500, 5000, 7200, 9800, 12000])),
        url=fresh("url", lambda: f"https://{sub}.{company}.com"),
        start=start,
        done=done,
        users=fresh("users", lambda: rng.choice([150, 300, 450, 800, 1200, 2000, 3500, 5000])),
    )


_COMPANIES = [
    "acme",
    "northwind",
    "globex",
    "initech",
    "umbrella",
    "contoso",
    "wayne",
    "stark",
    "hooli",
    "vandelay",
]
_OTHER_ROLES = ["staging", "dev", "qa", "uat", "dr", "poc", "loadtest", "sandbox"]


@dataclass
class Facts:
    prod: Env
    others: list[Env]
    rng: random.Random
    company: str
    used: dict[str, set[Any]]

    def envs(self, prod_at: int) -> list[Env]:
        """The environments in document order, production at `prod_at` (clamped; -1 = last)."""
        out = list(self.others)
        at = len(out) if prod_at < 0 else min(prod_at, len(out))
        out.insert(at, self.prod)
        return out


def facts(seed: int, n_others: int | None = None, roles: list[str] | None = None) -> Facts:
    rng = random.Random(seed)
    company = rng.choice(_COMPANIES)
    used: dict[str, set[Any]] = {}
    prod = _env(rng, "production", used, company)
    n = n_others if n_others is not None else rng.randint(1, 3)
    pick = roles or rng.sample(_OTHER_ROLES, n)
    others = [_env(rng, r, used, company) for r in pick[:n]]
    return Facts(prod, others, rng, company, used)


# ------------------------------------------------------------------ how a field is written

_LABELS: dict[str, list[str]] = {
    "deployment_type": ["Deployment type", "Deployment method", "Deployed with"],
    "hosting_provider": ["Cloud provider", "Hosting", "Cloud"],
    "instance_types": ["Instance types", "Machine type", "Nodes"],
    "total_cpu": ["Total CPU", "vCPUs (total)", "Total vCPU"],
    "total_memory_gb": ["Total memory", "RAM (total)", "Memory total"],
    "total_disk_gb": ["Total disk", "Storage", "Disk space"],
    "code_hosts": ["Code hosts", "Code host(s)", "SCM"],
    "repositories": ["Repositories", "Number of repos", "Repo count"],
    "monorepos": ["Monorepos", "Number of monorepos", "Monorepo count"],
    "largest_repo_mb": ["Largest repository", "Largest repo", "Biggest repository"],
    "instance_url": ["Instance URL", "URL", "Sourcegraph URL"],
    "start_date": ["Implementation start date", "Infrastructure start date", "Build started"],
    "completion_date": ["Implementation completion date", "Infrastructure completion date", "Completed"],
    "max_users": ["Maximum users", "User limit", "Users"],
}


def _n(rng: random.Random, n: int) -> str:
    return f"{n:,}" if rng.random() < 0.6 else str(n)


def _disk(rng: random.Random, e: Env) -> str:
    return f"{e.disk // 1000} TB" if e.disk % 1000 == 0 and rng.random() < 0.5 else f"{_n(rng, e.disk)} GB"


def _largest(rng: random.Random, e: Env) -> str:
    return f"{e.largest_mb / 1000:g} GB" if rng.random() < 0.6 else f"{_n(rng, e.largest_mb)} MB"


_VALUES: dict[str, Callable[[random.Random, Env], str]] = {
    "deployment_type": lambda rng, e: e.deploy_w,
    "hosting_provider": lambda rng, e: e.cloud_w,
    "instance_types": lambda rng, e: rng.choice(
        [f"{e.count} × {e.itype}", f"{e.count} x {e.itype}", f"{e.itype} × {e.count}"]
    ),
    "total_cpu": lambda rng, e: rng.choice([f"{e.cpu} vCPU", f"{e.cpu} vCPUs", f"{e.cpu} cores"]),
    "total_memory_gb": lambda rng, e: rng.choice([f"{e.mem} GB", f"{e.mem} GiB", f"{e.mem}GB"]),
    "total_disk_gb": _disk,
    "code_hosts": lambda rng, e: rng.choice([", ", " and ", " + "]).join(e.hosts_w),
    "repositories": lambda rng, e: _n(rng, e.repos),
    "monorepos": lambda rng, e: str(e.monorepos),
    "largest_repo_mb": _largest,
    "instance_url": lambda rng, e: e.url,
    "start_date": lambda rng, e: write_date(rng, e.start),
    "completion_date": lambda rng, e: write_date(rng, e.done),
    "max_users": lambda rng, e: _n(rng, e.users),
}


def value(rng: random.Random, e: Env, f: str) -> str:
    """The field's value as a cell or a label line writes it."""
    return _VALUES[f](rng, e)


def label(rng: random.Random, f: str) -> str:
    return rng.choice(_LABELS[f])


def pairs(rng: random.Random, e: Env, fields: tuple[str, ...] = FIELDS) -> list[tuple[str, str]]:
    """(label, value) per field, labels drawn once per document (a document keeps its labels)."""
    return [(label(rng, f), value(rng, e, f)) for f in fields]


def sentences(rng: random.Random, e: Env, fields: tuple[str, ...] = FIELDS) -> list[str]:
    """Prose sentences stating the fields (each its own sentence)."""
    out = []
    for f in fields:
        v = value(rng, e, f)
        s = {
            "deployment_type": [f"It is deployed with {v}.", f"The deployment method is {v}."],
            "hosting_provider": [f"It runs in {v}.", f"The hosting provider is {v}."],
            "instance_types": [f"The cluster has {v} nodes.", f"It runs on {v}."],
            "total_cpu": [f"In total that is {v}.", f"Total CPU comes to {v}."],
            "total_memory_gb": [f"Total memory is {v}.", f"Memory adds up to {v} in total."],
            "total_disk_gb": [f"Total disk is {v}.", f"It has {v} of disk in total."],
            "code_hosts": [f"It indexes code from {v}.", f"Code hosts: {v}."],
            "repositories": [f"It syncs {v} repositories.", f"There are {v} repositories indexed."],
            "monorepos": [f"{v} of them are monorepos.", f"Monorepos: {v}."],
            "largest_repo_mb": [f"The largest repository is {v}.", f"The biggest repo is {v}."],
            "instance_url": [f"Users reach it at {v}.", f"The instance URL is {v}."],
            "start_date": [f"Infrastructure work started on {v}.", f"The build started {v}."],
            "completion_date": [f"It was completed on {v}.", f"The infrastructure was completed on {v}."],
            "max_users": [f"It is licensed for up to {v} users.", f"Maximum users: {v}."],
        }[f]
        out.append(rng.choice(s))
    return out


# ------------------------------------------------------------------ HTML pieces


def h(level: int, text: str) -> str:
    return f"<h{level}>{text}</h{level}>"


def p(text: str) -> str:
    return f"<p><span>{text}</span></p>"


def tbl(rows: list[list[str]]) -> str:
    out = []
    for r in rows:
        out.append("<tr>" + "".join(f"<td><p><span>{c}</span></p></td>" for c in r) + "</tr>")
    return "<table><tbody>" + "".join(out) + "</tbody></table>"


def ul(items: list[Any]) -> str:
    """A nested list: an item is a string or (text, [children])."""
    out = []
    for it in items:
        if isinstance(it, tuple):
            out.append(f"<li><span>{it[0]}</span>{ul(it[1])}</li>")
        else:
            out.append(f"<li><span>{it}</span></li>")
    return "<ul>" + "".join(out) + "</ul>"


def doc(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body>{h(1, title)}{body}</body></html>"


def title(fx: Facts) -> str:
    c = fx.company.title()
    return fx.rng.choice([f"{c} — Sourcegraph TDD", f"Technical design: Sourcegraph at {c}",
                          f"Sourcegraph deployment design ({c})"])  # fmt: skip


# ------------------------------------------------------------------ scoring


@dataclass
class Score:
    right: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    wrong: list[tuple[str, Any]] = field(default_factory=list)


def read(doc_: str | dict[str, Any]) -> dict[str, Any]:
    from handoff.core.fields import load_catalogue
    from handoff.read.tdd import html_document, read_document
    from handoff.validate.tdd_view import tdd_fields

    cat = _catalogue(load_catalogue)
    d = html_document(doc_) if isinstance(doc_, str) else doc_
    view = tdd_fields(read_document(d, cat).values, cat)
    return {n: fv.to_json()["value"] for n, fv in view.fields.items()}


_CAT: list[Any] = []


def _catalogue(load: Callable[[Path], Any]) -> Any:
    if not _CAT:
        _CAT.append(load(Path(__file__).parent.parent / "config" / "fields.toml"))
    return _CAT[0]


def score(doc_: str | dict[str, Any], key: dict[str, Any]) -> Score:
    from bench.eval_tdd import same

    got = read(doc_)
    s = Score()
    for f in FIELDS:
        if f not in key:
            if f in got:
                s.wrong.append((f, got[f]))
            continue
        if f not in got:
            s.missing.append(f)
        elif same(f, got[f], key[f]):
            s.right.append(f)
        else:
            s.wrong.append((f, got[f]))
    return s


# ------------------------------------------------------------------ layouts
#
# Each takes the facts and returns the document (HTML text or a Docs API dict). The key is the
# production environment's values of every field (all layouts state every field for production,
# except "diff_from_prod" and "summary_top", which state them once for production anyway).

Layout = Callable[[Facts], "str | dict[str, Any]"]
LAYOUTS: dict[str, Layout] = {}
HOLDOUT: dict[str, Layout] = {}


def layout(fn: Layout) -> Layout:
    LAYOUTS[fn.__name__] = fn
    return fn


def holdout(fn: Layout) -> Layout:
    HOLDOUT[fn.__name__] = fn
    return fn


def _intro(fx: Facts) -> str:
    return p(fx.rng.choice([
        f"This document describes the Sourcegraph deployment for {fx.company.title()}.",
        "Owner: platform team. Status: approved.",
        f"Scope: every Sourcegraph environment {fx.company.title()} runs, and how each is built.",
    ]))  # fmt: skip


def _env_heading(fx: Facts, e: Env) -> str:
    return fx.rng.choice(
        [e.name, f"{e.name} environment" if "environment" not in e.name else e.name, f"Environment: {e.name}"]
    )


def _sections(fx: Facts, prod_at: int, render: Callable[[Env], str], level: int = 2) -> str:
    out = [_intro(fx)]
    for e in fx.envs(prod_at):
        out.append(h(level, _env_heading(fx, e)) + render(e))
    return "".join(out)


def _kv_table(fx: Facts, e: Env, labels: list[str] | None = None) -> str:
    labels = labels or [label(fx.rng, f) for f in FIELDS]
    rows = [[lab, value(fx.rng, e, f)] for lab, f in zip(labels, FIELDS, strict=True)]
    if fx.rng.random() < 0.5:
        rows.insert(0, [fx.rng.choice(["Item", "Field", "Setting"]), fx.rng.choice(["Value", "Details"])])
    return tbl(rows)


def _lines(fx: Facts, e: Env, labels: list[str]) -> str:
    sep = fx.rng.choice([": ", " — ", " - "])
    return "".join(p(f"{lab}{sep}{value(fx.rng, e, f)}") for lab, f in zip(labels, FIELDS, strict=True))


def _labels(fx: Facts) -> list[str]:
    return [label(fx.rng, f) for f in FIELDS]


@layout
def prod_first_tables(fx: Facts) -> str:
    labels = _labels(fx)
    return doc(title(fx), _sections(fx, 0, lambda e: _kv_table(fx, e, labels)))


@layout
def prod_middle_lines(fx: Facts) -> str:
    if len(fx.others) < 2:
        fx.others.append(_env(fx.rng, "qa", fx.used, fx.company))
    labels = _labels(fx)
    return doc(title(fx), _sections(fx, 1, lambda e: _lines(fx, e, labels)))


@layout
def prod_last_prose(fx: Facts) -> str:
    return doc(
        title(fx), _sections(fx, -1, lambda e: "".join(p(s) for s in _chunks(sentences(fx.rng, e), 3)))
    )


def _chunks(xs: list[str], n: int) -> list[str]:
    return [" ".join(xs[i : i + n]) for i in range(0, len(xs), n)]


_GROUPS = {
    "Platform": ("deployment_type", "hosting_provider"),
    "Compute": ("instance_types", "total_cpu", "total_memory_gb"),
    "Storage": ("total_disk_gb",),
    "Code hosts and repositories": ("code_hosts", "repositories", "monorepos", "largest_repo_mb"),
    "Access": ("instance_url", "max_users"),
    "Timeline": ("start_date", "completion_date"),
}


def _deep(fx: Facts, e: Env, top: int) -> str:
    out = []
    rng = fx.rng
    for i, (group, fs) in enumerate(_GROUPS.items()):
        lvl = min(6, top + 1 + (1 if i % 2 and top < 4 else 0))
        out.append(h(lvl, group))
        for f in fs:
            if rng.random() < 0.5:
                out.append(p(f"{label(rng, f)}: {value(rng, e, f)}"))
            else:
                out.append(p(sentences(rng, e, (f,))[0]))
    return "".join(out)


@layout
def env_h1_deep(fx: Facts) -> str:
    body = [_intro(fx)]
    for e in fx.envs(fx.rng.randint(0, 2)):
        body.append(h(1, _env_heading(fx, e)) + _deep(fx, e, 1))
    return doc(title(fx), "".join(body))


@layout
def env_h3_deep(fx: Facts) -> str:
    body = [_intro(fx), h(2, fx.rng.choice(["Environments", "Deployment", "Infrastructure"]))]
    for e in fx.envs(fx.rng.randint(0, 2)):
        body.append(h(3, _env_heading(fx, e)) + _deep(fx, e, 3))
    return doc(title(fx), "".join(body))


@layout
def env_columns(fx: Facts) -> str:
    envs = fx.envs(fx.rng.randint(0, 2))
    rows = [[fx.rng.choice(["", "Field", "Setting"])] + [e.name for e in envs]]
    for f in FIELDS:
        rows.append([label(fx.rng, f)] + [value(fx.rng, e, f) for e in envs])
    return doc(title(fx), _intro(fx) + h(2, "Environments") + tbl(rows))


@layout
def env_rows(fx: Facts) -> str:
    envs = fx.envs(fx.rng.randint(0, 2))
    rows = [[fx.rng.choice(["Environment", "Env"])] + [label(fx.rng, f) for f in FIELDS]]
    for e in envs:
        rows.append([e.name] + [value(fx.rng, e, f) for f in FIELDS])
    return doc(title(fx), _intro(fx) + h(2, "Sizing") + tbl(rows))


@layout
def env_header_two_up(fx: Facts) -> str:
    """Environments named in a first header row; a second header row under it; then the fields."""
    envs = fx.envs(fx.rng.randint(0, 2))
    sub = fx.rng.choice(["Value", "Configured", "As built"])
    rows = [[""] + [e.name for e in envs], [fx.rng.choice(["Item", "Field"])] + [sub for _ in envs]]
    for f in FIELDS:
        rows.append([label(fx.rng, f)] + [value(fx.rng, e, f) for e in envs])
    return doc(title(fx), _intro(fx) + h(2, "Environment sizing") + tbl(rows))


@layout
def env_merged_group(fx: Facts) -> str:
    """A merged group cell per environment over two columns (value, notes)."""
    envs = fx.envs(fx.rng.randint(0, 2))
    head1 = "<tr><td rowspan=\"2\"><p><span>Field</span></p></td>" + "".join(
        f'<td colspan="2"><p><span>{e.name}</span></p></td>' for e in envs) + "</tr>"  # fmt: skip
    head2 = (
        "<tr>"
        + "".join("<td><p><span>Value</span></p></td><td><p><span>Notes</span></p></td>" for _ in envs)
        + "</tr>"
    )
    body = []
    for f in FIELDS:
        cells = [label(fx.rng, f)]
        for e in envs:
            cells += [value(fx.rng, e, f), fx.rng.choice(["", "", "confirmed", "per ticket"])]
        body.append("<tr>" + "".join(f"<td><p><span>{c}</span></p></td>" for c in cells) + "</tr>")
    table = "<table><tbody>" + head1 + head2 + "".join(body) + "</tbody></table>"
    return doc(title(fx), _intro(fx) + h(2, "Environments") + table)


@layout
def table_per_env(fx: Facts) -> str:
    labels = _labels(fx)
    body = [_intro(fx)]
    for e in fx.envs(fx.rng.randint(0, 2)):
        body.append(p(f"<b>{_env_heading(fx, e)}</b>") + _kv_table(fx, e, labels))
    return doc(title(fx), "".join(body))


def _bullets(fx: Facts, e: Env, labels: list[str]) -> list[str]:
    return [f"{lab}: {value(fx.rng, e, f)}" for lab, f in zip(labels, FIELDS, strict=True)]


@layout
def bullets_depth0(fx: Facts) -> str:
    labels = _labels(fx)
    items = [(e.name, _bullets(fx, e, labels)) for e in fx.envs(fx.rng.randint(0, 2))]
    return doc(title(fx), _intro(fx) + h(2, "Environments") + ul(items))


@layout
def bullets_depth1(fx: Facts) -> str:
    labels = _labels(fx)
    items = [(e.name, _bullets(fx, e, labels)) for e in fx.envs(fx.rng.randint(0, 2))]
    return doc(title(fx), _intro(fx) + h(2, "Deployment") + ul([("Environments", items)]))


@layout
def bullets_depth2(fx: Facts) -> str:
    labels = _labels(fx)
    items = [(e.name, _bullets(fx, e, labels)) for e in fx.envs(fx.rng.randint(0, 2))]
    return doc(title(fx), _intro(fx) + h(2, "Design") + ul([("Infrastructure", [("Environments", items)])]))


@layout
def env_word_lines(fx: Facts) -> str:
    """Per field, one line per environment led by the environment's word (`Prod: …`)."""
    envs = fx.envs(fx.rng.randint(0, 2))
    body = [_intro(fx)]
    for group, fs in _GROUPS.items():
        body.append(h(2, group))
        for f in fs:
            lab = label(fx.rng, f)
            form = fx.rng.randint(0, 1)
            if form == 0:
                body.append(p(f"<b>{lab}</b>"))
            for e in envs:
                if form == 0:
                    body.append(p(f"{e.name}: {value(fx.rng, e, f)}"))
                else:
                    said = lab if lab[:2].isupper() else lab[0].lower() + lab[1:]
                    body.append(p(f"{e.name} {said}: {value(fx.rng, e, f)}"))
    return doc(title(fx), "".join(body))


def _json_fields(fx: Facts, e: Env, labels: list[str]) -> list[dict[str, Any]]:
    if fx.rng.random() < 0.5:
        return [j_table(*[[lab, value(fx.rng, e, f)] for lab, f in zip(labels, FIELDS, strict=True)])]
    return [j_para(f"{lab}: {value(fx.rng, e, f)}") for lab, f in zip(labels, FIELDS, strict=True)]


@layout
def docs_tabs(fx: Facts) -> dict[str, Any]:
    labels = _labels(fx)
    tabs = [j_tab("Overview", j_para(f"Sourcegraph at {fx.company.title()}."))]
    for e in fx.envs(fx.rng.randint(0, 2)):
        tabs.append(j_tab(e.name, j_heading("Infrastructure", 2), *_json_fields(fx, e, labels)))
    return j_tabbed(*tabs, title=title(fx))


@layout
def docs_child_tabs(fx: Facts) -> dict[str, Any]:
    labels = _labels(fx)
    kids = [j_tab(e.name, *_json_fields(fx, e, labels)) for e in fx.envs(fx.rng.randint(0, 2))]
    tabs = [j_tab("Summary", j_para("Design of the Sourcegraph deployment.")),
            j_tab("Environments", j_para("One tab per environment."), children=kids)]  # fmt: skip
    return j_tabbed(*tabs, title=title(fx))


_CODES = {"production": "PRD", "staging": "STG", "dev": "DEV", "qa": "QAS", "uat": "UAT", "dr": "DRS",
          "poc": "POC", "loadtest": "PRF", "sandbox": "SBX", "replica": "REP"}  # fmt: skip
_CODE_ROLE = {"production": "production", "staging": "staging", "dev": "development", "qa": "QA / test",
              "uat": "user acceptance testing", "dr": "disaster recovery", "poc": "proof of concept",
              "loadtest": "load testing", "sandbox": "sandbox", "replica": "read replica"}  # fmt: skip


@layout
def env_codes(fx: Facts) -> str:
    envs = fx.envs(fx.rng.randint(0, 2))
    legend = "; ".join(f"{_CODES[e.role]} = {_CODE_ROLE[e.role]}" for e in envs)
    labels = _labels(fx)
    body = [_intro(fx), p(f"Environment codes used below: {legend}.")]
    for e in envs:
        body.append(h(2, _CODES[e.role]) + _kv_table(fx, e, labels))
    return doc(title(fx), "".join(body))


_NAMES = ["Orion", "Lyra", "Vega", "Draco", "Cygnus", "Pegasus", "Aquila", "Hydra"]


@layout
def customer_names(fx: Facts) -> str:
    envs = fx.envs(fx.rng.randint(0, 2))
    names = fx.rng.sample(_NAMES, len(envs))
    legend = " ".join(
        f"{n} is our {_CODE_ROLE[e.role]} environment." for n, e in zip(names, envs, strict=True)
    )
    labels = _labels(fx)
    body = [_intro(fx), p(legend)]
    for n, e in zip(names, envs, strict=True):
        body.append(h(2, n) + _lines(fx, e, labels))
    return doc(title(fx), "".join(body))


_REGIONS = {"AWS": ["us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2"],
            "GCP": ["us-central1", "europe-west4", "asia-east1", "us-east4"],
            "Azure": ["westeurope", "eastus2", "uksouth", "northeurope"]}  # fmt: skip


@layout
def regions(fx: Facts) -> str:
    """Environments called by their regions, which a sentence ties to their role once."""
    fx.others = [fx.others[0]]
    fx.others[0].role = "dr"
    envs = fx.envs(fx.rng.randint(0, 1))
    regs = fx.rng.sample(_REGIONS[fx.prod.cloud], 2)
    legend = (f"{regs[envs.index(fx.prod)]} serves production; "
              f"{regs[1 - envs.index(fx.prod)]} is the disaster-recovery standby.")  # fmt: skip
    labels = _labels(fx)
    body = [_intro(fx), p(legend)]
    for r, e in zip(regs, envs, strict=True):
        body.append(h(2, r) + _kv_table(fx, e, labels))
    return doc(title(fx), "".join(body))


@layout
def overview_then_details(fx: Facts) -> str:
    envs = fx.envs(fx.rng.randint(0, 2))
    rows = [["Environment", "Purpose", "Cloud"]]
    for e in envs:
        rows.append([e.name, _CODE_ROLE[e.role].capitalize(), e.cloud_w])
    labels = _labels(fx)
    body = [_intro(fx), h(2, "Environments overview"), tbl(rows), h(2, "Environment details")]
    for e in envs:
        body.append(h(3, e.name) + _kv_table(fx, e, labels))
    return doc(title(fx), "".join(body))


@layout
def summary_top(fx: Facts) -> str:
    """A summary giving production's figures, then every environment's section."""
    labels = _labels(fx)
    summary = h(2, fx.rng.choice(["Summary", "At a glance", "Executive summary"])) + p(
        f"The {fx.prod.name.lower()} instance: " + " ".join(sentences(fx.rng, fx.prod))
    )
    body = [_intro(fx), summary]
    for e in fx.envs(fx.rng.randint(0, 2)):
        body.append(h(2, _env_heading(fx, e)) + _lines(fx, e, labels))
    return doc(title(fx), "".join(body))


@layout
def diff_from_prod(fx: Facts) -> str:
    """Production in full; staging only as the fields where it differs from production."""
    fx.others = [fx.others[0]]
    st = fx.others[0]
    labels = _labels(fx)
    some = [f for f in FIELDS if fx.rng.random() < 0.5] or ["total_cpu"]
    body = [_intro(fx), h(2, _env_heading(fx, fx.prod)), _kv_table(fx, fx.prod, labels),
            h(2, f"{st.name}: differences from production"),
            p(f"{st.name} is built like production except:"),
            ul([f"{label(fx.rng, f)}: {value(fx.rng, st, f)}" for f in some])]  # fmt: skip
    return doc(title(fx), "".join(body))


def document(name: str, seed: int) -> tuple[str | dict[str, Any], dict[str, Any]]:
    fx = facts(seed * 7919 + sum(map(ord, name)))
    fn = LAYOUTS.get(name) or HOLDOUT.get(name) or HOLDOUT2[name]
    d = fn(fx)
    return d, fx.prod.key()


# ------------------------------------------------------------------ hold-out layouts
#
# Written after the reader's fixes for the layouts above and scored before any change for them: other
# shapes (callout cells, a merged environment column, numbered headings, status prose, a legend of
# customer names over a comparison table, group rows), with their own label pool.

_LABELS2: dict[str, list[str]] = {
    "deployment_type": ["Orchestration", "Install method", "Deployment model"],
    "hosting_provider": ["Hosted on", "Cloud vendor", "Infrastructure hosting provider"],
    "instance_types": ["Node pool", "VM size", "Machine types"],
    "total_cpu": ["CPU cores (sum)", "vCPU total", "CPU"],
    "total_memory_gb": ["RAM", "Total RAM", "Memory"],
    "total_disk_gb": ["Persistent storage", "Total disk space", "Disk"],
    "code_hosts": ["Source hosts", "Code host", "Source control"],
    "repositories": ["Repos synced", "Number of repositories", "Repository count"],
    "monorepos": ["Monorepo(s)", "Monorepositories", "Number of monorepos"],
    "largest_repo_mb": ["Biggest repo", "Largest repository size", "Largest repo"],
    "instance_url": ["Address", "External URL", "Sourcegraph instance URL"],
    "start_date": ["Infrastructure start", "Implementation start", "Infrastructure start date"],
    "completion_date": [
        "Infrastructure completed",
        "Implementation completed",
        "Infrastructure completion date",
    ],
    "max_users": ["Licensed seats", "Maximum users", "Upper limit users"],
}


def _pair_cells(label_: str, value_: str) -> str:
    return f"<td><p><span>{label_}</span></p></td><td><p><span>{value_}</span></p></td>"


def _labels2(fx: Facts) -> list[str]:
    return [fx.rng.choice(_LABELS2[f]) for f in FIELDS]


def _cell_lines(fx: Facts, e: Env, labels: list[str]) -> str:
    return "".join(
        f"<p><span>{lab}: {value(fx.rng, e, f)}</span></p>" for lab, f in zip(labels, FIELDS, strict=True)
    )


@holdout
def h_callout_cards(fx: Facts) -> str:
    """Each environment a one-cell table (a callout): its name on the first line, its facts below."""
    labels = _labels2(fx)
    mark = fx.rng.choice(["◆ ", "▶ ", ""])
    body = [_intro(fx), h(2, fx.rng.choice(["Landscape", "Where it runs"]))]
    for e in fx.envs(fx.rng.randint(0, 2)):
        inner = f"<p><span><b>{mark}{e.name}</b></span></p>" + _cell_lines(fx, e, labels)
        body.append(f"<table><tbody><tr><td>{inner}</td></tr></tbody></table>")
    return doc(title(fx), "".join(body))


@holdout
def h_merged_env_column(fx: Facts) -> str:
    """One table: a merged first cell per environment spanning its rows, then field and value."""
    labels = _labels2(fx)
    rows = ["<tr><td><p><span>Environment</span></p></td><td><p><span>Item</span></p></td>"
            "<td><p><span>Value</span></p></td></tr>"]  # fmt: skip
    for e in fx.envs(fx.rng.randint(0, 2)):
        for k, (lab, f) in enumerate(zip(labels, FIELDS, strict=True)):
            first = f'<td rowspan="{len(FIELDS)}"><p><span>{e.name}</span></p></td>' if k == 0 else ""
            rows.append(f"<tr>{first}{_pair_cells(lab, value(fx.rng, e, f))}</tr>")
    return doc(
        title(fx), _intro(fx) + h(2, "Inventory") + "<table><tbody>" + "".join(rows) + "</tbody></table>"
    )


@holdout
def h_numbered_headings(fx: Facts) -> str:
    """Numbered headings `3.1 Production (PRD)`, facts as bullets in sub-sections `3.1.1 Compute`."""
    labels = dict(zip(FIELDS, _labels2(fx), strict=True))
    body = [_intro(fx), h(2, "3 Environments")]
    for n, e in enumerate(fx.envs(fx.rng.randint(0, 2)), 1):
        code = _CODES.get(e.role, "ENV")
        body.append(h(3, f"3.{n} {e.name} ({code})"))
        for m, (group, fs) in enumerate(_GROUPS.items(), 1):
            body.append(h(4, f"3.{n}.{m} {group}"))
            body.append(ul([f"{labels[f]}: {value(fx.rng, e, f)}" for f in fs]))
    return doc(title(fx), "".join(body))


@holdout
def h_status_prose(fx: Facts) -> str:
    """A status update in prose: one paragraph per environment opened by where it is."""
    body = [_intro(fx), h(2, "Status")]
    for e in fx.envs(fx.rng.randint(0, 2)):
        opener = fx.rng.choice(
            [f"On {e.name.lower()}:", f"For the {e.name.lower()} instance:", f"{e.name} —"]
        )
        body.append(p(opener + " " + " ".join(sentences(fx.rng, e))))
    return doc(title(fx), "".join(body))


@holdout
def h_legend_table_columns(fx: Facts) -> str:
    """A legend table of customer names and roles, then a comparison table with the names as columns."""
    envs = fx.envs(fx.rng.randint(0, 2))
    names = fx.rng.sample(_NAMES, len(envs))
    legend = [["Name", "Role"]] + [
        [n, _CODE_ROLE[e.role].capitalize()] for n, e in zip(names, envs, strict=True)
    ]
    labels = _labels2(fx)
    rows = [["Setting", *names]]
    for lab, f in zip(labels, FIELDS, strict=True):
        rows.append([lab] + [value(fx.rng, e, f) for e in envs])
    return doc(title(fx), _intro(fx) + h(2, "Naming") + tbl(legend) + h(2, "Comparison") + tbl(rows))


@holdout
def h_group_rows(fx: Facts) -> str:
    """One label/value table; each environment a full-width group row (a merged cell) over its rows."""
    labels = _labels2(fx)
    rows = []
    for e in fx.envs(fx.rng.randint(0, 2)):
        rows.append(f'<tr><td colspan="2"><p><span><b>{_env_heading(fx, e)}</b></span></p></td></tr>')
        for lab, f in zip(labels, FIELDS, strict=True):
            rows.append(f"<tr>{_pair_cells(lab, value(fx.rng, e, f))}</tr>")
    return doc(
        title(fx), _intro(fx) + h(2, "Configuration") + "<table><tbody>" + "".join(rows) + "</tbody></table>"
    )


@holdout
def h_tab_per_env_named(fx: Facts) -> dict[str, Any]:
    """Docs API tabs titled by customer names, an overview tab saying which name is production."""
    envs = fx.envs(fx.rng.randint(0, 2))
    names = fx.rng.sample(_NAMES, len(envs))
    legend = " ".join(
        f"{n} is the {_CODE_ROLE[e.role]} environment." for n, e in zip(names, envs, strict=True)
    )
    labels = _labels2(fx)
    tabs = [j_tab("Overview", j_para(legend))]
    for n, e in zip(names, envs, strict=True):
        tabs.append(j_tab(n, *_json_fields(fx, e, labels)))
    return j_tabbed(*tabs, title=title(fx))


# ------------------------------------------------------------------ hold-out, second batch
#
# Written after the first hold-out's fixes, scored before any change for them.

HOLDOUT2: dict[str, Layout] = {}


def holdout2(fn: Layout) -> Layout:
    HOLDOUT2[fn.__name__] = fn
    return fn


_FIELD_GROUPS2 = {
    "Platform": ("deployment_type", "hosting_provider", "instance_url"),
    "Capacity": ("instance_types", "total_cpu", "total_memory_gb", "total_disk_gb"),
    "Code": ("code_hosts", "repositories", "monorepos", "largest_repo_mb"),
    "Plan": ("start_date", "completion_date", "max_users"),
}


@holdout2
def h2_rows_grouped_header(fx: Facts) -> str:
    """Environments as rows under a two-row header: field groups merged over their field labels."""
    envs = fx.envs(fx.rng.randint(0, 2))
    order = [f for fs in _FIELD_GROUPS2.values() for f in fs]
    top = '<tr><td rowspan="2"><p><span>Env</span></p></td>' + "".join(
        f'<td colspan="{len(fs)}"><p><span>{g}</span></p></td>' for g, fs in _FIELD_GROUPS2.items()
    ) + "</tr>"  # fmt: skip
    sub = (
        "<tr>"
        + "".join(f"<td><p><span>{fx.rng.choice(_LABELS2[f])}</span></p></td>" for f in order)
        + "</tr>"
    )
    body = "".join(
        "<tr>" + f"<td><p><span>{e.name}</span></p></td>"
        + "".join(f"<td><p><span>{value(fx.rng, e, f)}</span></p></td>" for f in order) + "</tr>"
        for e in envs
    )  # fmt: skip
    return doc(
        title(fx), _intro(fx) + h(2, "Environment matrix") + f"<table><tbody>{top}{sub}{body}</tbody></table>"
    )


def _sentences2(rng: random.Random, e: Env, f: str) -> str:
    v = value(rng, e, f)
    return rng.choice({
        "deployment_type": [f"we deploy it with {v}", f"it is installed via {v}"],
        "hosting_provider": [f"it is hosted on {v}", f"the cloud is {v}"],
        "instance_types": [f"the nodes are {v}", f"it has {v} machines"],
        "total_cpu": [f"that makes {v} altogether", f"CPU in total: {v}"],
        "total_memory_gb": [f"RAM totals {v}", f"{v} of memory in all"],
        "total_disk_gb": [f"disk is {v} in total", f"{v} of storage overall"],
        "code_hosts": [f"code lives in {v}", f"repositories come from {v}"],
        "repositories": [f"we index {value(rng, e, f)} repos", f"{v} repositories are searchable"],
        "monorepos": [f"{v} of those are monorepos", f"monorepos: {v}"],
        "largest_repo_mb": [f"the biggest repository weighs {v}", f"largest repo {v}"],
        "instance_url": [f"it lives at {v}", f"the URL is {v}"],
        "start_date": [f"infrastructure work began {v}", f"we kicked off the build on {v}"],
        "completion_date": [f"the infrastructure was finished on {v}", f"infra was signed off {v}"],
        "max_users": [f"it is licensed for {v} users", f"the seat limit is {v}"],
    }[f])  # fmt: skip


@holdout2
def h2_mail_thread(fx: Facts) -> str:
    """An e-mail: a header block, then one paragraph per environment in a second sentence pool."""
    body = [
        p("From: platform-team@example.com"),
        p("Subject: Sourcegraph environments — where we are"),
        p("Hi all,"),
    ]
    for e in fx.envs(fx.rng.randint(0, 2)):
        said = [_sentences2(fx.rng, e, f) for f in FIELDS]
        opener = fx.rng.choice([f"Re {e.name.lower()}:", f"About {e.name.lower()}:", f"{e.name}:"])
        body.append(p(opener + " " + "; ".join(said) + "."))
    body.append(p("Thanks, Sam"))
    return doc(title(fx), "".join(body))


@holdout2
def h2_field_parent_bullets(fx: Facts) -> str:
    """Bullets: each field a parent item, one child item per environment (`prod: …`)."""
    envs = fx.envs(fx.rng.randint(0, 2))
    items = [
        (fx.rng.choice(_LABELS2[f]), [f"{e.name.lower()}: {value(fx.rng, e, f)}" for e in envs])
        for f in FIELDS
    ]
    return doc(title(fx), _intro(fx) + h(2, "By field") + ul(items))


@holdout2
def h2_sentence_per_field(fx: Facts) -> str:
    """One sentence per field naming every environment with its value (`Production runs …, while …`)."""
    envs = fx.envs(fx.rng.randint(0, 2))
    out = [_intro(fx), h(2, "Comparison")]
    for f in FIELDS:
        bits = [f"{e.name} has {value(fx.rng, e, f)}" for e in envs]
        lab = fx.rng.choice(_LABELS2[f])
        out.append(p(f"{lab}: " + "; ".join(bits) + "."))
    return doc(title(fx), "".join(out))


@holdout2
def h2_json_env_columns(fx: Facts) -> dict[str, Any]:
    """A Docs API document: environment columns whose production header carries a note (`Prod (live)`)."""
    envs = fx.envs(fx.rng.randint(0, 2))
    head = ["Item"] + [f"{e.name} (live)" if e is fx.prod else e.name for e in envs]
    rows = [head] + [[fx.rng.choice(_LABELS2[f])] + [value(fx.rng, e, f) for e in envs] for f in FIELDS]
    return j_tabbed(j_tab("Design", j_heading("Environments", 2), j_table(*rows)), title=title(fx))


@holdout2
def h2_qa_form(fx: Facts) -> str:
    """A questionnaire: a question per field, the answer giving every environment's value."""
    envs = fx.envs(fx.rng.randint(0, 2))
    out = [_intro(fx), h(2, "Questionnaire")]
    for k, f in enumerate(FIELDS, 1):
        out.append(p(f"{k}. {fx.rng.choice(_LABELS2[f])}?"))
        out.append(p(", ".join(f"{e.name} {value(fx.rng, e, f)}" for e in envs)))
    return doc(title(fx), "".join(out))


def document2(name: str, seed: int) -> tuple[str | dict[str, Any], dict[str, Any]]:
    fx = facts(seed * 7919 + sum(map(ord, name)))
    return HOLDOUT2[name](fx), fx.prod.key()
