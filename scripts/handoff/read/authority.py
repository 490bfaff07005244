"""A part of the document that the document says wins over the rest: a tab of changes made after
the design was approved, an addendum, a section of as-built corrections. A careful reader takes its
figures over those the other parts give for the same things, wherever they stand, because the
document itself says which part holds.

The document says so in one of three ways:

* the part's own title says it: a heading or tab title with a precedence word in brackets or after
  a dash or colon ("Changes after build (authoritative)", "Addendum — supersedes section 3");
* a sentence in the part points at itself: "Where it disagrees with the design, THIS tab wins",
  "this section takes precedence", "this addendum supersedes …" (a wiki page's "where they differ from
  this page, this page wins" is said of the whole page, its tab or the whole document, wherever the
  sentence stands: an info panel under its first heading is no part of its own);
* a sentence elsewhere names it: 'See the tab "Changes after build"; where the two disagree, that
  tab wins' (the quoted name starts the title of a tab or heading, and the text says it is a part).

A title saying after a dash or in brackets that its part is what runs now ("Production — as
running", a tab's title heading too) makes the part win for the deployment's shape, not its dates.

"This document supersedes version 1.2" speaks of another document, not of a part of this one.

A precedence word alone ("Helm wins over Kustomize", "Authoritative DNS") names no part and does
nothing. The values read inside such a part (not a name it mentions in the line of another field:
"Repositories: the GitLab side grew to 410") then replace the values of the same fields read
elsewhere in the same environment (a part that names no environment speaks for production), not
those of another environment (a staging cluster's machines stay staging's). Used by the gatherer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from handoff.core.model import TddValue
from handoff.core.quickre import by_line, opened, quick
from handoff.read.labelwords import label_meaning

_WORD = (
    r"(?:authoritative|takes? precedence|has precedence|prevails?|supersedes?|overrides?|overrules?|"
    r"replaces? (?:the|section|tab|chapter|part)\b[^.;]{0,40}|is binding|governs)"
)
# a title saying its part is what runs now: "Production — as running", "Cluster (running now)", "Sizing:
# what runs today" (the TDD's own record of the deployment after every change, over the design, the
# sizing and the first build): its figures of the deployment's shape win, not its dates ("as built"
# says what was built, which a later change may have changed)
_RUNS = (
    r"(?:as[- ]running|as (?:it )?(?:is )?(?:runs?|running)(?: now| today)?|"
    r"(?:what(?:'s| is)? )?running now|what runs(?: now| today)?)"
)
_TITLE = re.compile(rf"\([^()]*\b{_WORD}\b[^()]*\)|\s[—–:-]\s*{_WORD}\b", re.IGNORECASE)
_RUNS_TITLE = re.compile(rf"\([^()]*\b{_RUNS}\b[^()]*\)|\s[—–:-]\s*{_RUNS}\b", re.IGNORECASE)
_CLAIM = opened(re.compile(rf"\b(?:{_WORD}|wins?)\b", re.IGNORECASE))
# whether a text holds a match of `_CLAIM` (one ends where its words do: `replaces the` without the words
# after it), read on the lines holding its words: the whole text's test
_CLAIM_ANY = by_line(quick(_CLAIM.pattern.replace(r"\b[^.;]{0,40}", r"\b"), re.IGNORECASE))
_NOT = re.compile(r"\b(?:not|no longer|never)\s+(?:\w+\s+)?$", re.IGNORECASE)
_SELF = re.compile(
    r"\bth(?:is|ese)\s+(?P<kind>tab|section|page|part|sheet|appendix|addendum|amendment|chapter|annex|"
    r"table|list|record)s?\b",
    re.IGNORECASE,
)
_POINTER = re.compile(
    r"\b(?:that|the (?:later|other|second|new|latter))\s+(?:tab|section|page|part|sheet|appendix)\b", re.I
)
_PART_WORD = re.compile(r"\b(?:tab|section|page|part|sheet|appendix|addendum|chapter|annex)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“”'‘’«»]([^\"“”'‘’«»\n]{3,60})[\"“”'‘’«»]")
_SENTENCE = re.compile(r"[^.!?;\n]+")
_DATES = frozenset({"start_date", "completion_date"})

Path = tuple[object, ...]


def _name(part: object) -> str:
    return part[1] if isinstance(part, tuple) else str(part)


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _claims(sentence: str) -> bool:
    m = _CLAIM.search(sentence)
    return m is not None and not _NOT.search(sentence[: m.start()])


def _scopes(blocks: Sequence[tuple[str, str]], paths: Mapping[str, Path]) -> set[Path]:
    """The paths (tab titles and headings, outermost first) of the parts the document says win."""
    scopes: set[Path] = set()
    known: dict[str, Path] = {}
    for path in set(paths.values()):
        for k in range(len(path)):
            known.setdefault(_key(_name(path[k])), path[: k + 1])
            if _TITLE.search(_name(path[k])):
                scopes.add(path[: k + 1])
    for text, ref in blocks:
        if not _CLAIM.search(text):
            continue
        path = paths.get(ref, ())
        for s in _SENTENCE.findall(text):
            if not _claims(s):
                continue
            own = _SELF.search(s)
            if own and path:
                tabs = [k for k, p in enumerate(path) if not isinstance(p, tuple)]
                kind = own.group("kind").lower()
                if kind == "page":  # a wiki page's "this page wins" is the whole page, not the part it
                    cut = tabs[-1] + 1 if tabs else 0  # stands in (its tab; no tab: the whole document)
                else:
                    cut = tabs[-1] + 1 if kind == "tab" and tabs else len(path)
                scopes.add(path[:cut])
            elif _POINTER.search(s) or (_QUOTED.search(s) and _PART_WORD.search(text)):
                for q in _QUOTED.findall(text):
                    named = [p for name, p in known.items() if name.startswith(_key(q)) and _key(q)]
                    scopes.update(named[:1])
    return {s for s in scopes if s}


def _in_passing(v: TddValue) -> bool:
    """A name read in the line of another field ("Repositories: the GitLab side grew to 410"): the
    part speaks of that other field, and names the host only in passing."""
    return v.how == "named" and label_meaning(v.label) not in (None, v.field)


def overridden(
    values: Sequence[TddValue],
    blocks: Sequence[tuple[str, str]],
    paths: Mapping[str, Path],
    heads: Mapping[str, str] | None = None,
) -> set[int]:
    """The indices of `values` a winning part replaces: values of a field that part also gives, read
    outside every winning part, in the same environment (or one of them naming none). `heads`: each
    place's tab (or document) title heading, a winning part when it says so ("Production — as
    running" heading a tab)."""
    titles = "\n".join({_name(p) for path in set(paths.values()) for p in path} | set((heads or {}).values()))
    runs = _RUNS_TITLE.search(titles) is not None
    if not _CLAIM_ANY.search("\n".join(t for t, _ in blocks)) and not _TITLE.search(titles) and not runs:
        return set()  # (one search of the whole text: most documents say nothing of the kind)
    scopes = _scopes(blocks, paths)
    heads = heads or {}
    shaped = (  # titled as what runs now: "Production — as running" over a tab, "Cluster (running now)"
        {
            ref
            for ref, path in paths.items()
            if any(_RUNS_TITLE.search(_name(p)) for p in path) or _RUNS_TITLE.search(heads.get(ref, ""))
        }
        if runs
        else set()
    )
    if not scopes and not shaped:
        return set()

    def inside(v: TddValue) -> bool:
        path = paths.get(v.location.ref, ())
        if any(path[: len(s)] == s for s in scopes):
            return True
        # a part titled as what runs speaks of the deployment's shape, not of when it was built
        return v.location.ref in shaped and v.field not in _DATES

    winning: dict[str, set[str]] = {}
    for v in values:
        if v.field and inside(v) and not _in_passing(v):
            winning.setdefault(v.field, set()).add(v.section)
    drop: set[int] = set()
    for i, v in enumerate(values):
        sections = winning.get(v.field or "")
        if sections is None or inside(v):
            continue
        if v.section in sections or (v.section in ("", "production") and sections & {"", "production"}):
            drop.add(i)
    return drop


__all__ = ["overridden"]
