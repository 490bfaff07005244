"""A form's conditional section whose condition its own answer did not meet: a branch not taken.

A questionnaire asks one question that decides which later part applies ("2.3 Deployment method",
one option ticked) and heads each part with its condition: `Section 4 — Single host (answer if 2.3
= Docker Compose, Single container or Machine image)`, `3. Kubernetes (answer 3a–3f only if 1.3 is
a Kubernetes option)`, `9. DR environment (only if 8.1 = Yes)`. The skipped part is often still
filled in (answers from an earlier round, a pre-printed example). A careful reader looks up the
deciding question's answer and reads the part only when that answer is one the condition names.

`untaken_branches(doc, texts)`, before the walk (after the marked options are reduced to the chosen
ones): for each heading carrying such a condition (`if <question number> =|is <options>`), the
question is found by its number (a paragraph opening with it, `Q2.3.`, `Q: 1.3`, `2.3`, or a table
row whose first cell is it), its answer read (the paragraphs after it up to the next numbered
question or heading; in a row, the cells after the question's), and the section (the heading down
to the next heading of its level or higher) is removed when the answer names none of the options
(each option's words, less articles and `option`, all in the answer's words). A question not found,
an answer left blank, or one that names an option (a form whose options were not reduced reads as
naming them all) leaves the section as it is. A paragraph that only gives such conditions as an
instruction ("If you marked a Kubernetes option in 2.3, answer 3a–3f and skip Section 4. If you
marked Docker Compose …, skip Section 3") is removed too: every option it names is hypothetical.
"""

from __future__ import annotations

import re
from typing import Any

from handoff.core.quickre import quick
from handoff.read.doctext import as_dict, as_list, as_str, tab_holders
from handoff.read.forms import _text

_REF = r"(?:[A-Z]{1,2})?\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?"
# "(answer if 2.3 = Docker Compose, Single container or Machine image)", "only if 8.1 is Yes"
_CONDITION = re.compile(
    r"\bif\s+(?:question\s*)?(" + _REF + r")\s*(?:=|==|is|was|:)\s*"
    r"(?:answered\s+|ticked\s+|marked\s+|chosen\s+|selected\s+)?([^()\n;]+?)\s*(?:\)|;|$)",
    re.IGNORECASE,
)
_GATE = quick(r"\bif\s+(?:question\s*)?[A-Z]{0,2}\d", re.IGNORECASE)  # (asked of every text)
# a question's opening: "Q2.3.", "Q: 1.3", "Question 4a", "2.3"
_OPENING = re.compile(
    r"^\W*(?:Q(?:uestion)?\s*[:.]\s*|Question\s+)?(" + _REF + r")(?![\d])[.):]?(?:\s|$)", re.IGNORECASE
)
_SPLIT = re.compile(r"\s*(?:,|/|\bor\b|\band\b)\s*", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
_NOISE = frozenset({"a", "an", "the", "one", "any", "of", "option", "options", "choice", "is", "was"})
# an instruction sentence: "If you marked Docker Compose … in 2.3, skip Section 3 …"
_INSTRUCTION = re.compile(r"^\s*if\s+you\b[^.]*?\b" + _REF + r"\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_LOOKAHEAD = 12  # paragraphs after a question that may hold its answer


def _level(se: dict[str, Any]) -> int | None:
    style = as_str(as_dict(as_dict(se.get("paragraph")).get("paragraphStyle")).get("namedStyleType"))
    if style.startswith("HEADING_") and style[8:].isdigit():
        return int(style[8:])
    return 0 if style == "TITLE" else None


def _ref(ref: str) -> str:
    """A question's number as compared: `Q2.3` and `2.3` are one question."""
    ref = ref.lower()
    return ref[1:] if ref[:1] == "q" and ref[1:2].isdigit() else ref


def _instruction(text: str) -> bool:
    """A line whose every sentence is a conditional instruction naming a question ("If you marked …
    in 2.3, skip Section 4.")."""
    sentences = [s for s in _SENTENCE.split(text.strip()) if s]
    return bool(sentences) and all(_INSTRUCTION.match(s) for s in sentences)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _options(text: str) -> list[set[str]]:
    out = []
    for part in _SPLIT.split(text):
        words = {w for w in _words(part) if w not in _NOISE}
        if words:
            out.append(words)
    return out


def _cell_texts(row: Any) -> list[str]:
    return [
        " ".join(
            _text(as_dict(se.get("paragraph")))
            for se in as_list(as_dict(c).get("content"))
            if "paragraph" in se
        )
        for c in as_list(as_dict(row).get("tableCells"))
    ]


def _answer(content: list[Any], ref: str) -> str | None:
    """The answer given to the question numbered `ref` in a body's content, or None when not found."""
    ref = _ref(ref)
    for i, se in enumerate(content):
        se = as_dict(se)
        if "table" in se:
            for row in as_list(as_dict(se["table"]).get("tableRows")):
                cells = _cell_texts(row)
                if len(cells) >= 2 and _ref(cells[0].strip().rstrip(".):")) == ref:
                    return " ".join(cells[2:] if len(cells) > 2 else cells[1:])
            continue
        if "paragraph" not in se:
            continue
        m = _OPENING.match(_text(as_dict(se["paragraph"])))
        if m is None or _ref(m.group(1)) != ref:
            continue
        parts = []
        for nxt in content[i + 1 : i + 1 + _LOOKAHEAD]:
            nxt = as_dict(nxt)
            if "paragraph" not in nxt or _level(nxt) is not None:
                break
            text = _text(as_dict(nxt["paragraph"]))
            if _OPENING.match(text) or text.lstrip("*").lower().startswith("q:"):
                break
            if not _instruction(text):
                parts.append(text)
        if not parts:  # the answer on the question's own line, after its question or label
            own = _text(as_dict(se["paragraph"]))
            cut = max(own.rfind("?"), own.rfind(":"))
            parts = [own[cut + 1 :]] if cut > m.end() else []
        return " ".join(parts)
    return None


def _untaken(condition: re.Match[str], holders_content: list[list[Any]]) -> bool:
    for content in holders_content:
        answer = _answer(content, condition.group(1))
        if answer is None:
            continue
        said = _words(answer)
        if not said:
            return False
        return not any(option <= said for option in _options(condition.group(2)))
    return False


def _drops(content: list[Any], contents: list[list[Any]]) -> list[tuple[int, int]]:
    """The spans (from, to) of `content` not read: untaken sections and conditional instructions."""
    out: list[tuple[int, int]] = []
    for i, se in enumerate(content):
        se = as_dict(se)
        if "paragraph" not in se:
            continue
        text = _text(as_dict(se["paragraph"]))
        if not _GATE.search(text) and not _INSTRUCTION.match(text):
            continue
        level = _level(se)
        if level is None:
            if _instruction(text):
                out.append((i, i + 1))
            continue
        condition = _CONDITION.search(text)
        if condition is None or not _untaken(condition, contents):
            continue
        end = i + 1
        while end < len(content):
            other = _level(as_dict(content[end]))
            if other is not None and other <= level:
                break
            end += 1
        out.append((i, end))
    return out


def untaken_branches(doc: Any, texts: list[tuple[dict[str, Any], str]]) -> Any:
    """`doc` without the conditional sections whose condition the form's own answer did not meet, and
    without the instruction lines that only state such conditions; the input itself when none."""
    if not isinstance(doc, dict) or not any(_GATE.search(t) for _, t in texts):
        return doc
    contents = [as_list(as_dict(h.get("body")).get("content")) for h in tab_holders(doc)]
    drops = [(n, a, b) for n, content in enumerate(contents) for a, b in _drops(content, contents)]
    if not drops:
        return doc
    out = dict(doc)
    gone: dict[int, set[int]] = {}
    for n, a, b in drops:
        gone.setdefault(n, set()).update(range(a, b))
    new = [[se for i, se in enumerate(c) if i not in gone.get(n, set())] for n, c in enumerate(contents)]
    if as_list(doc.get("tabs")):
        out["tabs"] = _retabbed(as_list(doc.get("tabs")), iter(new))
    else:
        out["body"] = {**as_dict(doc.get("body")), "content": new[0]}
    return out


def _retabbed(tabs: list[Any], new: Any) -> list[Any]:
    """The tabs (children after their parent, as `tab_holders` walks them) with their new contents."""
    out = []
    for t in tabs:
        t = dict(as_dict(t))
        dt = dict(as_dict(t.get("documentTab")))
        content = next(new, None)  # (a tab deeper than the walk reads keeps its content)
        if content is not None:
            dt["body"] = {**as_dict(dt.get("body")), "content": content}
        t["documentTab"] = dt
        if as_list(t.get("childTabs")):
            t["childTabs"] = _retabbed(as_list(t.get("childTabs")), new)
        out.append(t)
    return out


__all__ = ["untaken_branches"]
