"""A part listing several services, Sourcegraph one of them: only Sourcegraph's row or item is read.

A service catalogue, a shared cluster's tenant plan, a CMDB extract, a cost allocation or a list of
the platform's tools gives each service its own row (or list item), Sourcegraph's among Jenkins',
GitLab's or Artifactory's and often a total over all of them. A human reads Sourcegraph's row and
no other: the other rows' machines, disks, URLs, users and dates belong to other systems.

This pass, before the walk, finds such a part by its subjects:

* **A table** of records (no cell beside the subjects longer than a few words: not a context
  diagram's descriptions): a column in which exactly one body cell names Sourcegraph itself
  (`Sourcegraph`, `sourcegraph-prod-01`, `Sourcegraph (namespace)`: the name with only generic
  words such as server, instance, cluster or namespace) and the other body cells name something
  else, one of them by a name of its own (not only roles: `System node pool`, `indexers`; not an
  address, a date or a figure). With no header row the subjects are the first column. The
  other rows are removed (a total row over the services too). A row naming a code host keeps its
  name only: the host may still be one Sourcegraph reads, its machines are not Sourcegraph's.
* **A catalogue turned the other way** (the systems across its first row, the labels down its
  first column, each system's column holding the kinds of value Sourcegraph's holds): only the
  labels' column and Sourcegraph's are kept (none when a code host is among the systems).
* **A list**: items of one level each opening with a subject before a dash or colon (`Jenkins –
  6 × c5.2xlarge`), exactly one of them Sourcegraph: the other items (and their children) go. A
  parent item naming only its subject (`Jenkins`, `Artifactory:`) counts when its children are
  parallel to Sourcegraph's (the same kinds of value: `valuekinds`).

Every other subject must be another system or a total (`Cluster total`). A part is left as it
is when one of its subjects is a field's label (`Code hosts`, `Users`), names Sourcegraph at all
(`Sourcegraph frontend`), or is a component Sourcegraph may have of its own (gitserver, zoekt,
the database, a `System node pool`: roles, no system's name): such a table is the deployment's
parts, and a foreign row in it is for other mechanisms (a footnote's words) to read. A part with
no row naming Sourcegraph itself, or with two, is left as it is. Nor is a machines table whose one row
is given to Sourcegraph alone (`every Sourcegraph workload`) when the document's stated CPU and memory
totals count the other rows' machines too (`72 vCPU / 544 GiB` over the system pool and Sourcegraph's):
a pool serving the cluster itself is then the deployment's. The input is not changed.
"""

from __future__ import annotations

import itertools
import math
import re
from contextvars import ContextVar
from typing import Any

from handoff.core.fields import Catalogue
from handoff.read import shapes
from handoff.read.doctext import as_dict, as_list
from handoff.read.forms import _copy, _Para, _paragraphs, _text
from handoff.read.headerrows import _FIGURE
from handoff.read.markcolumns import _cell_text, _cells, _tables
from handoff.read.ownercells import owner_lead
from handoff.read.quicktext import quick_texts
from handoff.read.valuekinds import parallel, value_kinds
from handoff.read.vocab import Vocab

_WORD = re.compile(r"[a-z]+|\d+")
# words a name of Sourcegraph's own machine, namespace or service may carry beside the name
_GENERIC = frozenset({
    "the", "our", "a", "s", "self", "hosted", "selfhosted", "server", "servers", "instance", "instances",
    "prod", "production", "cluster", "namespace", "ns", "app", "application", "service", "services",
    "platform", "deployment", "vm", "vms", "host", "hosts", "node", "nodes", "pool", "pools", "tenant",
    "code", "search", "enterprise", "k8s", "kubernetes", "stack", "system", "tool", "workload", "main",
    "primary", "default", "general", "shared", "common", "core", "compute", "infra", "infrastructure",
    "control", "plane", "monitoring", "observability", "logging", "apps", "ops", "batch", "spot", "gpu",
    "other", "misc", "volumes", "volume", "disks", "disk", "machine", "machines", "group",
})  # fmt: skip
# Sourcegraph's own components: rows of them beside a Sourcegraph row are its parts, not other systems
_PARTS = frozenset({
    "frontend", "gitserver", "zoekt", "indexed", "searcher", "symbols", "worker", "repo", "updater",
    "postgres", "postgresql", "pgsql", "codeintel", "codeinsights", "db", "database", "databases", "redis",
    "blobstore", "minio", "precise", "executor", "executors", "syntect", "prometheus", "grafana", "jaeger",
    "otel", "embeddings", "cody", "gateway", "cache", "store", "storage", "nginx", "ingress", "load",
    "balancer", "proxy", "indexserver", "webserver", "migrator", "indexer", "indexers", "indexing",
    "searchers", "workers", "backup", "backups", "bastion",
})  # fmt: skip
# of those, the products a platform also runs as systems of their own (not a role in Sourcegraph)
_PRODUCTS = frozenset(
    {"prometheus", "grafana", "jaeger", "otel", "postgres", "postgresql", "pgsql", "redis", "minio", "nginx"}
)
_LEAD = re.compile(r"^(.{1,60}?)\s*(?:[–—:]|\s-\s|\()")
_MAX_SUBJECT_WORDS = 6
_MAX_VALUE_WORDS = 8
_PROSE_WORD = re.compile(r"(?<!\S)[^\W\d_][^\s\d]*(?!\S)")  # a word of letters (no figure in it)
_SHORT_TEXT = 80  # characters of a cell that may name Sourcegraph itself


def own_parts(doc: Any, catalogue: Catalogue, texts: list[tuple[dict[str, Any], str]] | None = None) -> Any:
    """`doc` with each table or list of services reduced to Sourcegraph's row or item; the input
    itself when no text names Sourcegraph beside other subjects (nothing is copied). `texts`: the
    document's paragraphs and texts when the caller has them (`quicktext`)."""
    if not isinstance(doc, dict):
        return doc
    paragraphs = list(quick_texts(doc)) if texts is None else texts
    named = [t for _, t in paragraphs if "ourcegraph" in t]
    cells = any(len(t) <= _SHORT_TEXT and _own_cell(t) for t in named)
    leads = any((m := _LEAD.match(t)) and itself(m.group(1)) for t in named)
    if not cells and not leads:
        return doc  # (no cell naming Sourcegraph itself, no item opening with it: no part of services)
    stated = _Stated(paragraphs)
    subjects = (
        _subject_column(t, catalogue, stated) is not None or _subject_row(t, catalogue) is not None
        for t in _tables(doc)
        if _may_name_sourcegraph(t)
    )
    memo = _READ.set({})  # (each cell's text read once while the tables are looked at, unchanged)
    try:
        plans = cells and any(subjects)
    finally:
        _READ.reset(memo)
    if not plans and not (
        (leads or cells)
        and _may_list_services(paragraphs)
        and _service_lists(list(_paragraphs(doc, texts=False)), catalogue)
    ):
        return doc
    hosts = Vocab(catalogue, "code_host")
    doc = _copy(doc)
    for t in _tables(doc):
        col = _subject_column(t, catalogue, stated)
        if col is not None:
            _keep_own_rows(t, col, hosts)
        elif (col := _subject_row(t, catalogue)) is not None:
            _keep_own_column(t, col)
    paras = list(_paragraphs(doc, texts=False))
    drop = {id(p.paragraph) for group in _service_lists(paras, catalogue) for p in group}
    for content in {id(p.content): p.content for p in paras}.values():
        content[:] = [se for se in content if id(as_dict(se).get("paragraph")) not in drop]
    return doc


# The cell texts read while `own_parts` looks at a document's tables, by the row (its id, kept with it)
# and column: the subject tests read each cell several times.
_READ: ContextVar[dict[tuple[int, int], tuple[Any, str]] | None] = ContextVar("services_read", default=None)


def _text_of(row: Any, k: int) -> str:
    """`_cell_text(row, k)`, read once while `_READ` holds a memo."""
    memo = _READ.get()
    if memo is None:
        return _cell_text(row, k)
    hit = memo.get((id(row), k))
    if hit is None or hit[0] is not row:
        hit = memo[(id(row), k)] = (row, _cell_text(row, k))
    return hit[1]


def _may_list_services(paragraphs: list[tuple[dict[str, Any], str]]) -> bool:
    """False only when `_service_lists` finds no list of services: each needs a list item whose lead or
    whole text (`_lead`, `_whole`: its visible text) names Sourcegraph itself, and a paragraph is an item
    when it has a bullet (`forms._paragraphs`). A document naming Sourcegraph only in a table's label
    (`Sourcegraph version`) has none, and its paragraphs are not walked again for their lists."""
    for p, _ in paragraphs:
        if "bullet" in p:
            text = _text(p)
            m = _LEAD.match(text)
            if (m and itself(m.group(1))) or itself(text.rstrip(":")):
                return True
    return False


def _may_name_sourcegraph(t: dict[str, Any]) -> bool:
    """False only when no cell of the table (`_cell_text`: its own paragraphs' text runs, struck-through
    ones left out) holds "ourcegraph" in any case, which a cell naming Sourcegraph itself
    (`_own_cell`, `itself`) holds: then neither `_subject_column` nor `_subject_row` finds one. (One
    look at the runs of every cell, before each column's cells are read again and again.)"""
    runs = []
    for row in as_list(t.get("tableRows")):
        for cell in _cells(row):  # (`as_dict` and `as_list` written out: every run of the table)
            content = cell.get("content") if isinstance(cell, dict) else None
            for se in content if isinstance(content, list) else ():
                paragraph = se.get("paragraph") if isinstance(se, dict) else None
                elements = paragraph.get("elements") if isinstance(paragraph, dict) else None
                for el in elements if isinstance(elements, list) else ():
                    run = el.get("textRun") if isinstance(el, dict) else None
                    text = run.get("content") if isinstance(run, dict) else None
                    if isinstance(text, str):
                        style = run.get("textStyle")  # type: ignore[union-attr]
                        if not (isinstance(style, dict) and style.get("strikethrough")):
                            runs.append(text)
    return "ourcegraph" in "".join(runs).lower()


def itself(text: str) -> bool:
    """The text names Sourcegraph itself (with generic words only), not a part of it."""
    low = text.lower()
    if "sourcegraph" not in low:
        return False  # (no word of it can be "sourcegraph")
    words = _WORD.findall(low)
    return "sourcegraph" in words and all(w == "sourcegraph" or w in _GENERIC or w.isdigit() for w in words)


def _own_cell(text: str) -> bool:
    """A subject cell naming Sourcegraph itself, or giving its row to Sourcegraph alone
    (`ownercells`: `sourcegraph namespace only (taint …)` in a `Dedicated to` column)."""
    return itself(text) or ("ourcegraph" in text.lower() and itself(owner_lead(text)))


def _kind(text: str, catalogue: Catalogue) -> str:
    """What a subject beside Sourcegraph is: `other` (another system), `product` (a product
    Sourcegraph also ships as a component, such as Grafana or a database), `part` (a role in the
    deployment: indexers, gitserver), or "" (a field's label, a phrase, or Sourcegraph)."""
    words = _WORD.findall(text.lower())
    if not words or len(text.split()) > _MAX_SUBJECT_WORDS or "sourcegraph" in words:
        return ""
    if catalogue.field_for_label(text) is not None or not any(ch.isalpha() for ch in text):
        return ""
    if "://" in text or sum(ch.isdigit() for ch in text) > sum(ch.isalpha() for ch in text):
        return ""  # (an address, a date or a figure: a value, not a subject)
    if " ".join(words) in catalogue.tdd.total_words or words[-1] in catalogue.tdd.total_words:
        return "total"  # (`Cluster total`: the sum over the services, not Sourcegraph's)
    if any(w in _PARTS for w in words):  # (`Grafana`, `Postgres (shared)`: a product of its own)
        return "product" if all(w in _PRODUCTS for w in words if w in _PARTS) else "part"
    if all(w in _GENERIC or w.isdigit() for w in words):
        return "part"  # (`System node pool`: a role in the deployment, no system's name)
    return "other"


def _kinds(subjects: list[str], catalogue: Catalogue) -> list[str]:
    """`_kind` of each subject, up to the first that is no subject ("": a field's label, a phrase, a
    value): one such rules a column or row of subjects out, whatever the others are."""
    kinds: list[str] = []
    for text in subjects:
        kinds.append(_kind(text, catalogue))
        if not kinds[-1]:
            break
    return kinds


def peers(kinds: list[str], least: int = 1) -> bool:
    """Whether subjects of these kinds beside Sourcegraph's are systems of their own: other systems
    (at least `least`) and totals; a product Sourcegraph also ships as a component (Grafana, a
    database) among them only when as many of them name systems of their own (a catalogue of the
    platform's tools); never a role in the deployment (`indexers`, `gitserver`: its parts)."""
    others, products = kinds.count("other"), kinds.count("product")
    return others >= max(least, products) and set(kinds) <= {"other", "total", "product"}


def _subject_column(t: dict[str, Any], catalogue: Catalogue, stated: _Stated | None = None) -> int | None:
    rows = as_list(t.get("tableRows"))
    first = _first_body_row(rows)
    if len(rows) - first < 2:
        return None
    width = len(_cells(rows[0]))
    for col in range(width if first else 1):  # (with no header row, the subjects are its first column)
        body = [_text_of(r, col) for r in rows[first:]]
        owned = [_own_cell(b) for b in body]
        if sum(owned) != 1:
            continue  # (one cell naming Sourcegraph itself, or no subjects' column)
        own = [b for b, o in zip(body, owned, strict=True) if o]
        others = [b for b, o in zip(body, owned, strict=True) if b and not o]
        kinds = _kinds(others, catalogue)
        if kinds and not kinds[-1]:
            continue  # (a subject that names no system, a field's label or a phrase: no peers, nothing given)
        # (a row given to Sourcegraph alone, `reserved for Sourcegraph`: the others are other tenants'
        # whatever they name, a pool for any workload or the runners' cache)
        given = (
            len(own) == 1
            and not itself(own[0])
            and not any("ourcegraph" in b.lower() for b in others)
            and all(kinds)  # (names, not values: a column of figures is no subjects' column)
            and _machines(rows[first:], col)
            and not (stated and _counted_in_totals(rows[first:], col, catalogue, stated))
        )
        if len(own) == 1 and (peers(kinds) or (given and others)) and _records(rows[first:], col):
            return col
    return None


def _subject_row(t: dict[str, Any], catalogue: Catalogue) -> int | None:
    """The column of Sourcegraph in a catalogue turned the other way: its first row names the
    systems (one of them Sourcegraph itself, the rest other systems, none a code host), its first
    column the labels, every cell a short value, and each system's column parallel to Sourcegraph's
    (`valuekinds`: a record's label/value pairs side by side are not systems)."""
    rows = as_list(t.get("tableRows"))
    if len(rows) < 2 or not rows[0]:
        return None
    heads = [_text_of(rows[0], k) for k in range(1, len(_cells(rows[0])))]
    own = [k + 1 for k, h in enumerate(heads) if itself(h)]
    if not own:
        return _owner_row(rows, catalogue)
    hosts = Vocab(catalogue, "code_host")
    # (a code host's column goes too, as a code host's row keeps only its name: its machines are not
    # Sourcegraph's)
    heads = ["" if h and not itself(h) and hosts.find(h) else h for h in heads]
    others = [h for h in heads if h and not itself(h)]
    if len(own) != 1:
        return None
    kinds = _kinds(others, catalogue)
    if (kinds and not kinds[-1]) or not peers(kinds) or itself(_text_of(rows[1], 0)):
        return None
    width = len(_cells(rows[0]))
    if any(len(_cells(r)) != width for r in rows) or not _records(rows, 0):
        return None
    column = [" ".join(_text_of(r, k) for r in rows[1:]) for k in range(width)]
    shown = value_kinds(column[own[0]])
    if not all(parallel(column[k + 1], shown) for k, h in enumerate(heads) if h and k + 1 != own[0]):
        return None  # (each system's column holds the kinds of value Sourcegraph's does)
    return own[0]


def _owner_row(rows: list[Any], catalogue: Catalogue) -> int | None:
    """The column of Sourcegraph in a shared whole's machines table turned the other way: the
    pools across its first row, a row below saying whom each serves (`Set aside for`), one cell of
    it giving its column to Sourcegraph alone (`ownercells`), no other naming Sourcegraph."""
    width = len(_cells(rows[0]))
    if any(len(_cells(r)) != width for r in rows):
        return None
    for r in rows[1:]:
        cells = [_text_of(r, k) for k in range(1, width)]
        marked = [k for k, c in enumerate(cells) if "ourcegraph" in c.lower()]  # (every own cell is)
        if len(marked) != 1:
            continue
        own = [k + 1 for k in marked if _own_cell(cells[k])]
        if (
            len(own) == 1
            and not itself(cells[own[0] - 1])
            and any(shapes.INSTANCE_TYPE.search(_text_of(x, own[0])) for x in rows)
            and catalogue.field_for_label(_text_of(r, 0)) is None
        ):
            return own[0] if _records(rows, 0) else None  # (records, not descriptions: asked of the whole)
    return None


def _keep_own_column(t: dict[str, Any], col: int) -> None:
    for r in as_list(t.get("tableRows")):
        cells = _cells(r)
        r["tableCells"] = [cells[0], cells[col]]
    t["columns"] = 2


def _records(rows: list[Any], col: int) -> bool:
    """Rows of short values (a record per service), not descriptions of how each relates to it: a
    cell's words counted without its figures and signs (`4 × m6i.2xlarge agents + 1 × m6i.xlarge
    controller` is a value of two words, not a sentence)."""
    for r in rows:
        for k in range(len(_cells(r))):
            if k != col and len(_PROSE_WORD.findall(_text_of(r, k))) > _MAX_VALUE_WORDS:
                return False
    return True


def _first_body_row(rows: list[Any]) -> int:
    """0 when the first row holds data (a figure, or a row naming Sourcegraph), else 1 (a header),
    or 2 (a header of two rows: merged group cells over the columns' own names, `headerrows`)."""
    cells = [_text_of(rows[0], k) for k in range(len(_cells(rows[0])))] if rows else []
    if any(itself(c) or any(ch.isdigit() for ch in c) for c in cells):
        return 0
    if len(rows) > 2:
        sub = [_text_of(rows[1], k) for k in range(len(_cells(rows[1])))]
        spans = any(not c for c in cells[1:]) and any(c for c in cells[1:])
        if spans and sum(1 for c in sub if c) >= 2 and not any(_FIGURE.search(c) for c in sub):
            return 2
    return 1


def _machines(rows: list[Any], col: int) -> bool:
    """Some column other than `col` names machine types (a pool's, a group's): a machines table."""
    cells = ((k, _text_of(r, k)) for r in rows for k in range(len(_cells(r))))
    return any(k != col and shapes.INSTANCE_TYPE.search(text) for k, text in cells)


# a total CPU or memory figure as a document states it ("72 vCPU / 544 GiB", "56 cores")
_CPU_FIGURE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\s*(?:v?cpus?|vcores?|cores)\b", re.IGNORECASE)
_MEMORY_FIGURE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\s*(?:gib|gb)\b", re.IGNORECASE)
_COUNT = re.compile(r"(?<![\d.,])\d{1,3}(?![\d.,]\d)")  # a machine count in a count cell
_COUNT_CELL = re.compile(r"\s*\d{1,3}\b(?![.,]\d)")  # a cell opening with a bare count
_MAX_CHOICES = 64


class _Stated:
    """The CPU and memory figures the document's paragraphs state, read once when first asked."""

    def __init__(self, paragraphs: list[tuple[dict[str, Any], str]]) -> None:
        self._paragraphs = paragraphs
        self._figures: tuple[frozenset[int], frozenset[int]] | None = None

    def figures(self) -> tuple[frozenset[int], frozenset[int]]:
        if self._figures is None:
            texts = [t for _, t in self._paragraphs if shapes.DIGIT.search(t)]
            cpu = {int(m.group(1).replace(",", "")) for t in texts for m in _CPU_FIGURE.finditer(t)}
            memory = {int(m.group(1).replace(",", "")) for t in texts for m in _MEMORY_FIGURE.finditer(t)}
            self._figures = frozenset(cpu), frozenset(memory)
        return self._figures


def _counted_in_totals(rows: list[Any], col: int, catalogue: Catalogue, stated: _Stated) -> bool:
    """Whether the document's own totals count every row's machines: some reading of the rows' counts
    (a count cell's figures: `3 [UPDATE 2 Sep: now 4]`) whose CPU and memory over all the rows the
    document states ("72 vCPU / 544 GiB"), Sourcegraph's row alone not. A pool that serves the cluster
    (its system pods, its ingress) beside the one given to Sourcegraph is then the deployment's too:
    the document counts it in its totals."""
    options: list[list[tuple[int, float, bool]]] = []  # per row: (vCPU, memory, own row?) per count read
    for r in rows:
        texts = [_text_of(r, k) for k in range(len(_cells(r)))]
        found = [m.group(0) for t in texts for m in [shapes.INSTANCE_TYPE.search(t)] if m]
        spec = catalogue.instance(found[0]) if len(found) == 1 else None
        if spec is None:
            return False
        counts = {
            int(c) for k, t in enumerate(texts)
            if k != col and _COUNT_CELL.match(t) and not shapes.INSTANCE_TYPE.search(t)
            for c in _COUNT.findall(t)
        }  # fmt: skip
        own = _own_cell(texts[col])
        options.append([(n * spec.vcpu, n * spec.memory_gib, own) for n in sorted(counts) if n > 0])
    if len(options) < 2 or any(not o for o in options) or math.prod(len(o) for o in options) > _MAX_CHOICES:
        return False
    cpu, memory = stated.figures()
    for choice in itertools.product(*options):
        whole = (round(sum(c for c, _, _ in choice)), round(sum(m for _, m, _ in choice)))
        alone = (round(sum(c for c, _, o in choice if o)), round(sum(m for _, m, o in choice if o)))
        if whole[0] in cpu and whole[1] in memory and not (alone[0] in cpu and alone[1] in memory):
            return True
    return False


def _keep_own_rows(t: dict[str, Any], col: int, hosts: Vocab) -> None:
    rows = as_list(t.get("tableRows"))
    first = _first_body_row(rows)
    kept = rows[:first]
    for r in rows[first:]:
        subject = _text_of(r, col)
        if _own_cell(subject):
            kept.append(r)
        elif hosts.find(subject):
            cells = _cells(r)
            kept.append(
                {**as_dict(r), "tableCells": [c if k == col else _blank(c) for k, c in enumerate(cells)]}
            )
    t["tableRows"] = kept
    t["rows"] = len(kept)
    t["ownRow"] = True  # (its columns are the tenant's share: a quota column is Sourcegraph's allocation)


def _blank(cell: Any) -> dict[str, Any]:
    c = as_dict(cell)
    return {**c, "content": [{"paragraph": {"elements": [{"textRun": {"content": "\n", "textStyle": {}}}]}}]}


def _service_lists(paras: list[_Para], catalogue: Catalogue) -> list[list[_Para]]:
    """Of each list of services, the items (with their children) that are not Sourcegraph's."""
    out: list[list[_Para]] = []
    i = 0
    while i < len(paras):
        p = paras[i]
        if p.level is None:
            i += 1
            continue
        items: list[list[_Para]] = []
        j = i
        while j < len(paras) and paras[j].content is p.content and paras[j].level is not None:
            q = paras[j]
            if q.level == p.level:
                items.append([q])
            elif q.level is not None and q.level > p.level and items:
                items[-1].append(q)
            else:
                break
            j += 1
        leads = [_lead(g[0]) or "" for g in items]
        whole = [
            _whole(g[0]) if len(g) > 1 and not lead else "" for g, lead in zip(items, leads, strict=True)
        ]
        own = [n for n, lead in enumerate(leads) if itself(lead or whole[n])]
        if len(own) == 1 and any(whole):  # (a parent item naming only its subject: parallel children)
            shown = value_kinds(_children(items[own[0]]))
            side = [n for n, w in enumerate(whole) if w and parallel(_children(items[n]), shown)]
            leads = [whole[n] if n in side or n in own else lead for n, lead in enumerate(leads)]
        kinds = [_kind(lead, catalogue) for n, lead in enumerate(leads) if n not in own]
        if len(own) == 1 and peers(kinds):
            out += [g for n, g in enumerate(items) if n not in own]
        i = max(j, i + 1)
    return out


def _children(group: list[_Para]) -> str:
    return " ".join(_text(q.paragraph) for q in group[1:])


def _whole(p: _Para) -> str:
    """A parent item's whole text as its subject (`Jenkins`, `Artifactory:` over its children)."""
    return _text(p.paragraph).strip().rstrip(":").strip()


def _lead(p: _Para) -> str | None:
    m = _LEAD.match(_text(p.paragraph))
    return m.group(1).strip() if m else None


__all__ = ["itself", "own_parts", "peers"]
