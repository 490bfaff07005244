"""Which lines of a paragraph of code or a command's output give no deployment amount: a
listing's rows, a component's amount under its YAML key, a configuration key naming a service.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.core.fields import Catalogue, norm
from handoff.read.labelwords import label_meaning
from handoff.read.pairs import _pair
from handoff.read.pasted import LISTING_HEAD
from handoff.read.tables import _AMOUNT_FIELDS

_CODE_KEY = re.compile(r"[A-Za-z_][\w.-]*")  # a key as code writes it (`externalURL`, `disk_size_gb`)
_PARENT_KEY = re.compile(r"^\s*[\w.-]+:\s*$")  # a YAML key whose value is the indented block below it


class _SkipLines:
    """Lines of a paragraph that give no amount: the rows of a command's listing (`NAME  STATUS
    CAPACITY`, then one volume or node per row, never a total) and, in YAML, an amount key under a
    component's key (`gitserver:` / `  storageSize: 500Gi`: one replica's volume). Under a key
    naming an environment (`production:` / `  vars:` / `    vm_vcpu: 32`) only a service's key
    (`gitserver:`) makes the amounts under it a component's."""

    def __init__(self, catalogue: Catalogue, part: Callable[[str], str]) -> None:
        self.catalogue = catalogue
        self.part = part
        self.listing = False
        self.parents: list[tuple[int, str]] = []  # (indent, "env" | "service" | "") of the YAML keys above

    def __call__(self, line: str) -> bool:
        if LISTING_HEAD.match(line):
            self.listing = True
        elif not line.strip() or line.lstrip().startswith(("$", "#", ">")):
            self.listing = False
        if self.listing:
            return True
        indent = len(line) - len(line.lstrip(" "))
        while self.parents and self.parents[-1][0] >= indent:
            self.parents.pop()
        if _PARENT_KEY.match(line):
            key = _code_words(line.strip().rstrip(":"))
            kind = "service" if _names_service(self.catalogue, key) else "env" if self.part(key) else ""
            self.parents.append((indent, kind))
            return False
        kinds = {k for _, k in self.parents}
        nested = bool(self.parents) and ("service" in kinds or "env" not in kinds)
        return (nested and _component_amount(self.catalogue, line)) or _service_amount(self.catalogue, line)


def _code_words(key: str) -> str:
    """A code key's words: `gitserver_disk_gb` → `gitserver disk gb`, `indexedSearch` → `indexed search`."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", re.sub(r"[_.\-]+", " ", key)).strip()


def _names_service(catalogue: Catalogue, words: str) -> bool:
    """Whether words name one of the deployment's services (`component_words`), alone or run together."""
    w = words.casefold().split()
    runs = {"".join(w[a:b]) for a in range(len(w)) for b in range(a + 1, len(w) + 1)}
    return any(norm(c) in runs for c in catalogue.tdd.component_words)


def _component_amount(catalogue: Catalogue, line: str) -> bool:
    """An indented `key: value` line whose key names a CPU, memory or disk amount."""
    pair = _pair(line.strip())
    if pair is None or not line.startswith(" "):
        return False
    f = catalogue.field_for_label(pair[0])
    return (f.name if f else label_meaning(pair[0])) in _AMOUNT_FIELDS


_ASSIGNS = re.compile(r"\s*[=:]")
_CODE_SHAPE = re.compile(r"[_.\-]|[a-z][A-Z]")


def _service_amount(catalogue: Catalogue, line: str) -> bool:
    """A configuration key naming one of the deployment's services and an amount
    (`gitserver_disk_gb = 1000`, `zoekt.memory: 32Gi`): that service's amount, not the total."""
    key = _CODE_KEY.match(line.strip())
    if key is None or not _ASSIGNS.match(line.strip()[key.end() :]):
        return False
    if not _CODE_SHAPE.search(key.group()):  # a code key's shape, not a `Gitserver disk` label
        return False
    pair = _pair(line.strip())
    if pair is None:
        return False
    if not _names_service(catalogue, pair[0]):
        return False
    f = catalogue.field_for_label(pair[0])
    return (f.name if f else label_meaning(pair[0])) in _AMOUNT_FIELDS
