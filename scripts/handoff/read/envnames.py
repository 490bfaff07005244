"""Names a document gives its environments by their structure, not by a definition line.

- A migration: a document naming both an old (previous, source …) instance and a new (target)
  one makes the new side production and the old side history, whatever the nouns ("the 2019
  server … the new cluster").
- A promotion street spelled out after its acronym ("OTAP-straat: Ontwikkeling, Test, Acceptatie en
  Productie", "DTAP (Development, Test, Acceptance, Production)"): the names whose initials spell the
  acronym are the environments in promotion order, so the last is production and the others are
  not. Those others are names only as written, capitalised: "acceptatie" in lower case is the
  activity, as "acceptance" is in English.
"""

from __future__ import annotations

import re

_MIGRATION_SIDE = re.compile(
    r"\b(?P<side>old|previous|former|legacy|source|new|target)\s+(?P<noun>instance|cluster|platform|environment|"
    r"server|deployment|vm|system|installation|install|site)s?\b",
    re.IGNORECASE,
)
_NEW_SIDE = frozenset({"new", "target"})


def migration_sides(text: str) -> list[tuple[str, str]]:
    """In a migration (a document naming both an old or source instance and a new or target one:
    "the 2019 server … the new cluster"), the new side is production and the old one its history:
    (name as written, "production" | "trial") of each side's names ("new cluster", "source server")."""
    sides: dict[bool, set[str]] = {}
    for m in _MIGRATION_SIDE.finditer(text):
        side = m.group("side").casefold()
        sides.setdefault(side in _NEW_SIDE, set()).add(f"{side} {m.group('noun').casefold()}")
    if len(sides) < 2:
        return []
    return [(n, "production") for n in sorted(sides[True])] + [(n, "trial") for n in sorted(sides[False])]


_ACRONYM = re.compile(r"(?<![\w-])(?P<acr>[A-Z]{3,6})(?![\w])(?=[-\w]*\s*[:(=—–-]?\s*[A-Z])")
_NAME = r"[A-Z][\w\u00C0-\u024F]*"
_AND = r"(?:and|en|und|et|y|e|och|og|i|a)"  # "and" in the languages these streets are written in
_JOIN = rf"(?:\s*,\s*(?:{_AND}\s+)?|\s+(?:{_AND}|&|/)\s+|\s*/\s*|\s*[→>-]+\s*)"
_STREET = re.compile(rf"(?P<names>{_NAME}(?:{_JOIN}{_NAME}){{2,5}})")


def promotion_street(text: str) -> list[tuple[str, str]]:
    """(name, "production" | "trial") of the environments an acronym's expansion lists in order."""
    out: list[tuple[str, str]] = []
    for m in _ACRONYM.finditer(text):
        street = _STREET.search(text, m.end(), min(len(text), m.end() + 60))
        if street is None or not re.fullmatch(r"[-\w]*\s*[:(=—–-]?\s*", text[m.end() : street.start()]):
            continue
        names = re.findall(_NAME, street.group("names"))
        names = [n for n in names if n.casefold() not in _JOIN_WORDS]
        if "".join(n[0] for n in names) == m.group("acr"):
            out += [(n, "trial") for n in names[:-1]] + [(names[-1], "production")]
    return out


_JOIN_WORDS = frozenset({"and", "en", "und", "et", "y", "e", "och", "og", "i", "a"})


# A legend's pair: a name, then what it is: "Orca is production", "Wren was the trial", "Lark the
# proof of concept", "Moth development" (the name before a verb, an article, or the words alone).
_PAIR = re.compile(
    r"\s*(?P<name>[A-Z][a-z]{2,15}|[A-Z][A-Z0-9]{1,11}|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+)"
    r"\s+(?:(?:is|was|are|were|=|means|stands for|refers to)\s+)?(?:(?:the|our|an?)\s+)?"
    r"(?P<says>[\w'-]+(?:\s+[\w'-]+){0,3}?)\s*[.!]?\s*"
)
_LEGEND_VERB = re.compile(r"\s(?:is|was|are|were|means|=)\s")
_CLAUSES = re.compile(r"[,;:]|\s(?:and|or)\s")
_PRONOUNS = frozenset({"this", "that", "it", "there", "which", "what", "who", "here", "everything", "each"})


def legend_lines(text: str) -> list[list[tuple[str, str]]]:
    """Per line of `text`, the (name, what it is) pairs of its clauses, when two or more clauses
    are such pairs ("Our environments have names: Orca is production, Heron is staging, …"): a
    legend, whose names the caller keeps when what they are names an environment."""
    out: list[list[tuple[str, str]]] = []
    for line in text.splitlines():
        if not (("," in line or ";" in line or " and " in line) and _LEGEND_VERB.search(line)):
            continue  # (one clause, or no name said to be anything: no legend)
        pairs = [
            (m.group("name"), m.group("says"))
            for clause in _CLAUSES.split(line)
            if (m := _PAIR.fullmatch(clause)) and m.group("name").casefold() not in _PRONOUNS
        ]
        if len(pairs) >= 2:
            out.append(pairs)
    return out
