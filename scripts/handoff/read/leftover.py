"""Passages left over from another customer's document, named as such: not this deployment's.

An IE who starts a TDD from another customer's filled-in copy leaves some of it in place and says
so somewhere else in the document: "the notes in 7.1 were pasted from the Tallowfield Insurance
TDD", "the Orrin paragraph in §5 is still from the Orrin Freight TDD I started from", "Section E is
left over from the Harrowgate SDT … the m5 figures are Harrowgate's", "the line above is Fenwick
Agritech's", "Fenwick leftovers in this form: …". A careful reader takes that other company's name
as a mark: a heading naming it heads that company's section (up to the next heading of its level
or above), and a paragraph, list item or table cell naming it (in its words or in an address,
`bitbucket.tallowfield.example`) is that company's text. None of it is this deployment's.

`disowned(texts)`: the first word of each company name the document says its leftovers came from
(a capitalised name, not one the title gives: the document's own customer is never another's), or
none; a sentence saying so is a note about the leftover and stays (`the line above is Fenwick's`
sits beside the real answer). `without_leftovers(doc, texts)`: the document with those sections,
paragraphs and cells out (a copy; the input itself when nothing is disowned).
"""

from __future__ import annotations

import re
from typing import Any

from handoff.core.quickre import quick
from handoff.read.doctext import as_dict, as_list, as_str
from handoff.read.forms import _copy
from handoff.read.ownsections import _contents, _level, _style
from handoff.read.quicktext import paragraph_dicts

_NAME = r"[A-Z][A-Za-z&-]+(?:[ \u00a0]+(?:&|[A-Z][A-Za-z&-]+)){0,3}"
_KIND = (
    r"(?i:TDD|handover|hand-over|SDT|form|document|doc|design|template|notes|deck|questionnaire|proposal|"
    r"runbook|copy|project|SoW|HLD|LLD|workbook|sheet|annex|appendix|schedule|spec)"
)
_DISOWN = re.compile(
    rf"\b(?i:pasted|copied|left[ -]over|carried[ -]over|cloned|inherited|still)\b"
    rf"[^.;:\n]{{0,40}}?"
    rf"\b(?i:from)[ ]+(?i:the[ ]+|an?[ ]+|their[ ]+)?(?P<a>{_NAME})(?:['’]s)?[ ]+{_KIND}\b"
    rf"|\b(?P<b>{_NAME})[ ]+(?i:leftovers?)\b"
    rf"|\b(?i:is|are|was|were)[ ]+(?P<c>{_NAME})(?:['’]s|(?<=s)['’])(?![ ]*[a-z0-9])"
)
# a thing said to be another's only beside a word of copying: "is Fenwick's; this form was copied …"
_SAID_LEFT = re.compile(
    r"\b(?:pasted|copied|left[ -](?:over|in)|leftovers?|carried[ -]over|(?:the|a|their) copy|not ours|"
    r"do not use|don't use)\b",
    re.IGNORECASE,
)
# a word every saying-so holds (a paragraph without one is not looked at further)
_GATE = quick(
    r"\b(?:pasted|copied|left[ -]|leftover|carried|cloned|inherited|still|copy|not ours|do not use|"
    r"don.t use)",
    re.I,
)
_NOT_A_NAME = frozenset(
    {
        "the", "this", "that", "our", "their", "another", "other", "previous", "old", "original", "same",
        "sourcegraph", "customer", "client", "company", "template", "section", "appendix", "table",
        "github", "gitlab", "bitbucket", "aws", "azure", "google", "amazon", "microsoft", "kubernetes",
        "helm", "docker", "production", "staging", "prod", "dev", "uat", "trial", "pilot", "ie", "ta",
    }
)  # fmt: skip
# a note whose subject is a numbered part: "Section E ("Hosting and cost") is left over from …",
# "NB the notes in 7.1 were pasted from …" (the part is its heading's number or letter)
_PART = re.compile(
    r"(?:^|[.!?;]\s+)\W*(?i:nb:?\s+|note:?\s+)?(?i:the\s+)?"
    r"(?:(?i:notes|text|content|figures|paragraphs?|table|answers?)\s+(?i:in|of|under)\s+)?"
    r"(?:(?i:section|part|chapter)\s+|§\s*)?(?P<ref>[A-Z]|\d+(?:\.\d+)*)(?![\w.]|\.\d)"
    r"(?:\s*\([^()\n]*\)|\s*[\"“][^\"”\n]*[\"”])?\s+(?i:is|are|was|were|has been|have been)\b"
)
_MIN_KEY = 4
_HEAD = 3  # the paragraphs that open the document: its title, subtitle and first line
_TITLES = frozenset({"TITLE", "SUBTITLE", "HEADING_1"})


def disowned(texts: list[tuple[dict[str, Any], str]], title: str = "") -> tuple[frozenset[str], set[int]]:
    """(the lower-cased first words of the companies whose leftovers the document names, the ids of
    the paragraphs saying so)."""
    keys: set[str] = set()
    notes: set[int] = set()
    for p, t in texts:
        if len(t) < 12 or not _GATE.search(t):
            continue
        for m in _DISOWN.finditer(t):
            if m.group("c") and not _SAID_LEFT.search(t):
                continue  # "… are Tollgate's standard", "every figure is GRN-PRD's": an owner, no leftover
            name = m.group("a") or m.group("b") or m.group("c") or ""
            key = name.split()[0].lower() if name.split() else ""
            if len(key) >= _MIN_KEY and key not in _NOT_A_NAME:
                keys.add(key)
                notes.add(id(p))
    opening = [(p, t) for p, t in texts[: _HEAD * 3] if id(p) not in notes and t.strip()][:_HEAD]
    heads = [t for i, (p, t) in enumerate(opening) if not i or _style(p) in _TITLES]
    own = " ".join([title, *heads]).lower()  # the document's own customer, named in its title
    return frozenset(k for k in keys if k not in own), notes


def without_leftovers(doc: Any, texts: list[tuple[dict[str, Any], str]]) -> Any:
    """`doc` without the sections, paragraphs and cells of another company the document disowns."""
    if not isinstance(doc, dict):
        return doc
    keys, notes = disowned(texts, as_str(doc.get("title")))
    if not keys:
        return doc
    mark = re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, sorted(keys))) + r")(?![a-z])")
    at = {i for i, (p, t) in enumerate(texts) if id(p) not in notes and mark.search(t.lower())}
    refs = {m.group("ref") for p, t in texts if id(p) in notes for m in _PART.finditer(t)}
    if refs:  # "Section E (…) is left over from …": the heading numbered so, and its section
        head = re.compile(r"^\W*(?:" + "|".join(map(re.escape, sorted(refs))) + r")(?:[.)]?[ \t]|[.)]?$)")
        at |= {i for i, (p, t) in enumerate(texts) if _level(p) and head.match(t)}
    if not at:
        return doc
    out = _copy(doc)  # (its paragraphs in the same order as `texts`')
    marked = {id(p) for i, p in enumerate(paragraph_dicts(out)) if i in at}
    for content in _contents(out):
        _prune(content, marked)
    return out


def _prune(content: list[Any], marked: set[int]) -> None:
    """Drop from `content` (in place) a marked heading's section and every marked paragraph; empty
    the marked paragraphs of its tables' cells."""
    kept: list[Any] = []
    under = 0  # the level of the marked heading whose section is being dropped (0: none)
    for se in content:
        d = as_dict(se)
        p = as_dict(d.get("paragraph"))
        level = _level(p) if p else 0
        if under and level and level <= under:
            under = 0
        if under:
            continue
        if p and id(p) in marked:
            under = level
            continue
        if "table" in d:
            for row in as_list(as_dict(d["table"]).get("tableRows")):
                for cell in as_list(as_dict(row).get("tableCells")):
                    for cse in as_list(as_dict(cell).get("content")):
                        cp = as_dict(as_dict(cse).get("paragraph"))
                        if id(cp) in marked:
                            cp["elements"] = []
        kept.append(se)
    content[:] = kept


__all__ = ["disowned", "without_leftovers"]
