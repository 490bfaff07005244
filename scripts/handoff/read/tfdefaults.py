"""A Terraform variable's default that the document sets elsewhere (pure): overridden, no value.

`variable "node_size" { default = "m6i.2xlarge" }` in a module's `variables.tf` is what the module
falls back to; a `.tfvars` file, a module call or an `-var` assignment of the same variable
(`node_size = "m6i.4xlarge"`) is what gets applied. A careful reader takes a default as the
deployment's only when nothing in the document sets that variable. `assigned(text)` gives the names
the document assigns (`name = value` at a line's start); `overridden(lines, names)` the indices of
the `default = …` lines of the variable blocks of those names (a block on one line: that line).

A tool's own default told in prose is the same thing: "Chart defaults in values.yaml give gitserver
a 200Gi volume", "keeps the chart default gitserver.storageSize: 200Gi", "base = upstream defaults
(gitserver 1 replica, 200Gi)" say what the chart, module or base falls back to, which the
document's values file or overlay then sets. `tool_default(text)`: a sentence or label naming a
chart's, module's, base's or upstream default, and no change of its own (`but`, `override`, `set to`,
`instead`, an arrow): its machines, CPU, memory and disk are not the deployment's.
"""

from __future__ import annotations

import re

_VARIABLE = re.compile(r'^\s*variable\s+"([^"\n]+)"\s*\{')
_DECLARES = re.compile(r'^[^\S\n]*variable[^\S\n]+"', re.MULTILINE)
_DEFAULT = re.compile(r"^\s*default\s*=")
_ONE_LINE_DEFAULT = re.compile(r"\bdefault\s*=")
_ASSIGN = re.compile(
    r"^[^\S\n]*(?:-var[^\S\n]+['\"]?)?([A-Za-z_][\w-]*)[^\S\n]*=[^\S\n]*(?!=)\S", re.MULTILINE
)


def assigned(text: str) -> frozenset[str]:
    """The names a document assigns a value somewhere (only for a document declaring variables)."""
    if "variable" not in text or not _DECLARES.search(text):
        return frozenset()
    return frozenset(m.group(1) for m in _ASSIGN.finditer(text)) - {"default", "type", "description"}


def overridden(lines: list[str], names: frozenset[str]) -> set[int]:
    """The indices of the `default = …` lines of the variable blocks whose variable `names` holds."""
    out: set[int] = set()
    if not names:
        return out
    name, depth = "", 0
    for i, line in enumerate(lines):
        if depth == 0:
            m = _VARIABLE.match(line)
            if m:
                name, depth = m.group(1), line.count("{") - line.count("}")
                if depth == 0 and name in names and _ONE_LINE_DEFAULT.search(line, m.end()):
                    out.add(i)  # `variable "size" { default = "m6i.2xlarge" }`
            continue
        if depth == 1 and name in names and _DEFAULT.match(line):
            out.add(i)
        depth += line.count("{") - line.count("}")
    return out


_TOOL_DEFAULT = re.compile(
    r"\b(?:chart|helm|module|upstream|base|kustomize|template|provider)(?:'s)?\s+defaults?\b"
    r"|\bdefaults?\s+(?:of|in|from)\s+the\s+(?:chart|module|base|upstream|template)\b",
    re.IGNORECASE,
)
_CHANGE = re.compile(
    r"\b(?:but|however|overrid\w*|set\s+to|raised|bumped|increased|changed|instead)\b|→|->", re.IGNORECASE
)


def tool_default(text: str) -> bool:
    """Whether a text tells a tool's own default, not what the deployment sets (module docstring)."""
    if "efault" not in text:
        return False
    return bool(_TOOL_DEFAULT.search(text)) and not _CHANGE.search(text)
