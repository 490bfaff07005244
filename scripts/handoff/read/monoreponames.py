"""Monorepos listed by name under their label: the count is how many are named.

A writer who knows the monorepos by name often lists them instead of counting them: "Monorepos:
freight-core (41 GB), routing-engine (17 GB) and hfs-web (9 GB)". The label says what the names
are, so the count is the number of names, each written as a repository is named (one word, often
with a hyphen, a slash or a dot), their sizes or notes in brackets after them. A value that holds a
figure outside its brackets, a word that is no name (`none`, `TBC`, `see below`, a sentence) or a
template's blank (`x.x`, `XX`) is left to the other rules.
"""

from __future__ import annotations

import re

_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_SPLIT = re.compile(r"\s*(?:,|;|\n|\band\b|&|\+)\s*", re.IGNORECASE)
# a repository's name: one token of letters, digits, `-`, `_`, `.`, `/` (a path or an org prefix)
_NAME = re.compile(r"/{0,2}[A-Za-z][\w.-]*(?:/[\w.-]+)*")
# tokens that answer the question without naming a repository
_NO_NAME = frozenset(
    {
        "none",
        "no",
        "nil",
        "n/a",
        "na",
        "tbc",
        "tbd",
        "unknown",
        "yes",
        "one",
        "two",
        "three",
        "several",
        "some",
        "e.g.",
        "e.g",
        "i.e.",
        "i.e",
        "etc",
        "etc.",
        "incl.",
    }
)


def _placeholder(item: str) -> bool:
    """A template's blank, not a name: one letter repeated (`x.x`, `XX`, `N`, `n/n`)."""
    return len({c for c in item.casefold() if c.isalpha()}) <= 1


def named_count(value: str) -> int | None:
    """The number of repositories `value` names (see the module's docstring), or None."""
    bare = _ASIDE.sub(" ", value).strip().rstrip(".").strip()
    if not bare or re.search(r"\d", _NAME.sub("", bare)):
        return None  # a figure of its own outside the names: a count or a size, for the other rules
    items = [i for i in _SPLIT.split(bare) if i]
    if not items or not all(
        _NAME.fullmatch(i) and i.casefold() not in _NO_NAME and not _placeholder(i) for i in items
    ):
        return None
    if not any(re.search(r"[-_./]|[a-z][A-Z]", i) for i in items):
        return None  # plain words ("Monorepos: Engine and Tools") may be a sentence's: names need a mark
    return len(items)


__all__ = ["named_count"]
