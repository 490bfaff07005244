"""Names a document gives its environments by their structure, not by a definition line.

- A migration: a document naming both an old (previous, source …) instance and a new (target)
  one makes the new side production and the old side history, whatever the nouns ("the 2019
  server … the new cluster").
- A migration's sides as labels: `Source:` beside `Target:` in one document (`side_labels`).
- A promotion street spelled out after its acronym ("OTAP-straat: Ontwikkeling, Test, Acceptatie en
  Productie", "DTAP (Development, Test, Acceptance, Production)"): the names whose initials spell the
  acronym are the environments in promotion order, so the last is production and the others are
  not. Those others are names only as written, capitalised: "acceptatie" in lower case is the
  activity, as "acceptance" is in English.
- A run of definitions (`prod-eu = the one the developers use. preview = a small copy where …`,
  `live = the deployment our engineers use. lab = the OT-security test bed`): names defined side by
  side with `=` on one line are the document's environments. When one of them is production's (by
  its own word, `prod-eu`, `live`), the others are other environments, unless what they are said to
  be names production.
"""

from __future__ import annotations

import re

from handoff.core.quickre import Pieces, opened

_MIGRATION_SIDE = opened(  # (run over the whole text: `opened` tries it only where a side word can open)
    re.compile(
        r"\b(?P<side>old|previous|former|legacy|source|new|target)\s+(?P<noun>instance|cluster|platform|"
        r"environment|server|deployment|vm|system|installation|install|site)s?\b",
        re.IGNORECASE,
    )
)
_NEW_SIDE = frozenset({"new", "target"})
# the words of the new side, one of which a migration holds (a quick no for the whole text's scan)
_NEW_SIDE_WORDS = Pieces(re.compile(r"new|target", re.IGNORECASE))


def migration_sides(text: str) -> list[tuple[str, str]]:
    """In a migration (a document naming both an old or source instance and a new or target one:
    "the 2019 server … the new cluster"), the new side is production and the old one its history:
    (name as written, "production" | "trial") of each side's names ("new cluster", "source server")."""
    if not _NEW_SIDE_WORDS.possible(text):
        return []  # (no new or target side: no migration, whatever the old side)
    sides: dict[bool, set[str]] = {}
    for m in _MIGRATION_SIDE.finditer(text):
        side = m.group("side").casefold()
        sides.setdefault(side in _NEW_SIDE, set()).add(f"{side} {m.group('noun').casefold()}")
    if len(sides) < 2:
        return []
    return [(n, "production") for n in sorted(sides[True])] + [(n, "trial") for n in sorted(sides[False])]


_SIDE_LABEL = opened(  # or a cell
    re.compile(r"(?:^|(?<=[.;]\s))(?P<side>Source|Target)[ \t]*(?::|$)", re.MULTILINE)
)


def side_labels(text: str) -> list[tuple[str, str]]:
    """A migration's sides as labels: a document labelling one text or table row `Source:` and
    another `Target:` ("Source: Docker Compose on VMware … Target: Helm on AKS") names its old side
    Source and its new side Target (capitalised only: "Source" alone also labels code hosts, and
    "source code" is code)."""
    sides = (
        {m.group("side") for m in _SIDE_LABEL.finditer(text)}
        if "Source" in text and "Target" in text
        else set()
    )
    return [("Source", "trial"), ("Target", "production")] if sides == {"Source", "Target"} else []


_ACRONYM = opened(re.compile(r"(?<![\w-])(?P<acr>[A-Z]{3,6})(?![\w])(?=[-\w]*\s*[:(=—–-]?\s*[A-Z])"))
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


# A definition: a name, `=`, what it is, up to the end of the sentence or clause.
_DEFINITION = re.compile(r"(?:^|(?<=[.;])\s+)(?P<name>[A-Za-z][\w-]{1,24})\s*=\s*(?P<says>[^.;\n]+)")


def definition_run(text: str) -> list[tuple[str, str]]:
    """(name, what it is said to be) of each line's definitions, when a line defines two names or
    more with `=` (`prod-eu = the one the developers use. preview = a small copy …`)."""
    out: list[tuple[str, str]] = []
    for line in text.splitlines():
        if line.count("=") < 2:
            continue
        found = [(m.group("name"), m.group("says").strip()) for m in _DEFINITION.finditer(line)]
        if len(found) >= 2 and len({n.casefold() for n, _ in found}) == len(found):
            out += found
    return out
