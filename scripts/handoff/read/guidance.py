"""A template's own columns: guidance, examples and defaults kept beside the value column.

A TDD started from a template keeps the template's help in a column of its own until review:
`Field | Guidance | Value`, `Item | Template example | DEV | UAT | PROD`, `Requirement | Template
default | <Customer> answer`, `Limit | Typical | <Customer>`, `Setting | Hint | Ours`. The cells of
such a column are the template's words (its examples, its defaults, what a typical customer has),
never this deployment's values, whatever row they sit in: a careful reader reads the other columns
and leaves that one alone. A header that also says it holds the answer (`Value (template default
in grey)`, `Actual`, `Production`) is a value column, unless it opens with the help word (`Sample
answer`, `Example value`: the template's answer, not this one).

A template's guidance in the text itself is written in grey italics (`Guidance: two or three
sentences on …`, `e.g. 3 × m6a.2xlarge`, `(template: https://sourcegraph.yourcompany.example)`):
`is_guidance_run(style)` tells such a run (italic, a neutral grey between dark and white, no link).
Grey italics are not always guidance (a report's table caption, `Table 2 – PROD lines: 64 vCPU in
total`), so `without_guidance(doc, texts)` takes them out only of a document that says it is a
template (its opening paragraphs name a template, a form or guidance) or says what its grey text
is (`Guidance in grey italics …`, `Guidance is in grey`): there they read as nothing, as a
struck-through run does.

`columns(header)`: the columns (after the first) whose header names them as the template's help,
when at least one other column after the first is not one (a table of examples alone is left to
the readers that know it).
"""

from __future__ import annotations

import re
from typing import Any

from handoff.core.quickre import quick
from handoff.read.edits import has_digit
from handoff.read.forms import _copy
from handoff.read.quicktext import paragraph_dicts

_HELP = re.compile(  # (not a bare `Default`: a node pool's name; nor `Instruction`: a test step's)
    r"\b(?:guidance|guide|guideline|hints?|help(?: text)?|how to (?:fill|answer|complete)|"
    r"what to (?:write|enter)|examples?|samples?|illustrat\w*|template(?:'s)?(?: \w+)?|default values?|"
    r"defaults|typical(?:ly)?)\b",
    re.IGNORECASE,
)
_ANSWER = re.compile(
    r"\b(?:values?|answers?|actual|current|ours|our|production|prod|response|filled|agreed|chosen|this)\b",
    re.IGNORECASE,
)
_MAX_WORDS = 4  # a header, not a sentence about the table (its bracketed aside not counted)
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def is_help(header: str) -> bool:
    """Whether a column's header names it as the template's guidance, example or default."""
    text = header.strip()
    if not text or len(_BRACKETED.sub(" ", text).split()) > _MAX_WORDS or not (m := _HELP.search(text)):
        return False
    return not text[: m.start()].strip(" (") or not _ANSWER.search(text)  # `Sample answer`, `Example value`


def columns(header: list[str]) -> set[int]:
    """The columns after the first whose header names the template's help, beside a column that
    is not one; none when every column after the first is help."""
    helps = {j for j, h in enumerate(header[1:], 1) if is_help(h)}
    rest = [j for j in range(1, len(header)) if j not in helps and header[j].strip()]
    return helps if helps and rest else set()


def is_guidance_run(style: dict[str, Any]) -> bool:
    """Whether a text run's style is a template's guidance: italic, in a neutral grey, not a link."""
    if not style.get("italic") or style.get("link"):
        return False
    colour = style.get("foregroundColor")
    rgb = colour.get("color", {}).get("rgbColor") if isinstance(colour, dict) else None
    if not isinstance(rgb, dict):
        return False
    parts = [rgb.get(k, 0.0) for k in ("red", "green", "blue")]
    if not all(isinstance(v, (int, float)) for v in parts):
        return False
    return max(parts) - min(parts) <= 0.07 and min(parts) >= 0.3 and max(parts) <= 0.87


_TEMPLATE = re.compile(r"\b(?:template|guidance|questionnaire|checklist|form)\b", re.IGNORECASE)
_GREY_SAID = re.compile(
    r"\b(?:gr[ae]y|italics?)\b[^.\n]{0,40}\b(?:guidance|template|example|hint)|"
    r"\b(?:guidance|template|example|hint)s?\b[^.\n]{0,40}\b(?:gr[ae]y|italics?)\b",
    re.IGNORECASE,
)
_OPENING = 6  # the paragraphs that open a document: its title, subtitle, a note on how to use it


def without_guidance(doc: Any, texts: list[tuple[dict[str, Any], str]]) -> Any:
    """`doc` without its grey italic guidance runs, when it is a template (module docstring); the
    input itself otherwise (nothing copied)."""
    if not isinstance(doc, dict):
        return doc
    runs = [
        (p, i)
        for p, _ in texts
        for i, e in enumerate(p.get("elements") or ())
        if isinstance(e, dict)
        and "foregroundColor" in (style := (e.get("textRun") or {}).get("textStyle") or {})
        and is_guidance_run(style)
    ]
    if not runs:
        return doc
    opening = " ".join([t for _, t in texts if t.strip()][:_OPENING])
    if not _TEMPLATE.search(opening) and not any(_GREY_SAID.search(t) for _, t in texts):
        return doc
    drop: dict[int, set[int]] = {}
    for p, i in runs:
        drop.setdefault(id(p), set()).add(i)
    out = _copy(doc)  # (its paragraphs in the same order as `texts`')
    for (old, _), new in zip(texts, paragraph_dicts(out), strict=False):
        gone = drop.get(id(old))
        if gone:
            new["elements"] = [e for i, e in enumerate(new.get("elements") or ()) if i not in gone]
    return out


# a template's blank: `<x>`, `<fill in>`, `<Helm / Kustomize>`, `[date]`, `____`, `????`
_BLANK = quick(r"<[^<>\n]{1,60}>|\[[A-Za-z][^\[\]\n]{1,40}\]|_{2,}|\?{3,}")
_WORD = re.compile(r"[A-Za-z]+")
_ADDRESS = re.compile(r"://|@|\bwww\.|\.[a-z]{2,}\b")
_MAX_BLANK_WORDS = 3  # the unit or words left around the blanks (`<x> vCPU / <x> GB`, `____ GB in total`)


def unfilled(pair: tuple[str, str] | None) -> tuple[str, str] | None:
    """A `Label: value` pair whose value is still the template's blank (`Totals: <x> vCPU / <x> GB`,
    `Disk: ____ GB in total`, `Start: [date]`) with its value emptied: the label then heads the
    answer written under it (a checklist's evidence as sub-items), as a label with no value does."""
    if pair is None or not pair[1] or not _BLANK.search(pair[1]):
        return pair
    if any(_ADDRESS.search(m.group(0)) for m in _BLANK.finditer(pair[1])):
        return pair  # `<https://sourcegraph.acme.com/>`, `<ops@acme.example>`: an address in brackets
    rest = _BLANK.sub(" ", pair[1])
    if "://" in rest or has_digit(rest) or len(_WORD.findall(rest)) > _MAX_BLANK_WORDS:
        return pair
    return pair[0], ""


__all__ = ["columns", "is_guidance_run", "is_help", "unfilled", "without_guidance"]
