"""A reviewer's correction beside a form's answer: the correction is the value, the answer is not.

An intake form filled in by the customer is often checked by the implementation engineer, who
writes beside each answer: a column after the answers (`# | Question | Customer answer | IE
review`, `Ref | Question | Answer | Reviewer comment`) or a note right under the answer
(`2.2 Number of servers: 4`, then `Reviewer (MFA): 5 × CCX43 …`). A careful reader takes the
reviewer's figure where the reviewer gives one of the same kind as the answer's (a date for a date,
a figure for a figure), and the answer where the reviewer only confirms it (`✓`, `OK`, `Confirmed`
at the start: the rest of the note is support, not a second value).

`reviewed_answers(doc, texts)`, before the walk, on a copy:

* **A review column.** A table whose header row names a column by the reviewer's role (review,
  reviewer, reviewed, correction, verified) after a column of answers (answer, response, reply,
  value, customer): in each row, when the review cell opens with a confirmation and the answer
  cell holds a figure, the review cell is cleared; when the review cell holds a figure of the
  answer's kind and does not confirm it, the answer cell is struck through (read as gone, as a
  struck-through old value is). An answer with no figure (`TBD`, `see attached`, `unlimited?`)
  is left beside the review, which then is the only value.
* **A review note.** A paragraph opening with a reviewer's label (`Reviewer:`, `Reviewer (AB):`,
  `IE review:`, `Review note:`) right after a paragraph with a figure: the same test, the answer
  paragraph's value (after its label's colon) struck through or the confirming note dropped.

What it does not do: a review that adds to an answer (`Add Bitbucket Data Center`) with no figure
of the answer's kind replaces nothing; a review column with no answer column before it is left.
"""

from __future__ import annotations

import re
from typing import Any

from handoff.core.quickre import possible, quick
from handoff.read import shapes
from handoff.read.doctext import as_dict, as_list, tab_holders
from handoff.read.forms import _copy, _runs, _text
from handoff.read.quicktext import joined

_REVIEW_HEADER = re.compile(r"\b(?:review\w*|correct\w*|verif\w*|checked)\b", re.IGNORECASE)
_ANSWER_HEADER = re.compile(r"\b(?:answer\w*|respon\w*|repl\w*|value|customer|given|filled)\b", re.IGNORECASE)
_CONFIRM = re.compile(
    r"^\W{0,3}(?:[✓✔☑]|ok\b|okay\b|confirmed\b|correct\b|agreed\b|verified\b)", re.IGNORECASE
)
_NOTE = re.compile(
    r"^\W{0,3}(?:(?:IE|implementation|technical|engineer'?s?)\s+)?(?:review(?:er)?|reviewed)(?:'s)?"
    r"(?:\s+(?:note|comment|correction))?\s*(?:\([^()]{1,40}\))?\s*[:：]\s*",
    re.IGNORECASE,
)
_GATE = quick(r"review|correct|verif|checked", re.IGNORECASE)  # (the words asked of every text)
_DIGIT = re.compile(r"\d")
_HEADER_CELL = 40  # characters of a header cell
_LABEL = re.compile(r"[:：]\s*")


def _empty() -> dict[str, Any]:
    """An empty paragraph: what a cleared cell holds."""
    return {"paragraph": {"elements": [{"textRun": {"content": "\n", "textStyle": {}}}]}}


def _kinds(text: str) -> set[str]:
    """What figures a text holds: dates, other figures (outside its dates), both or none."""
    if not _DIGIT.search(text):
        return set()
    kinds = {"date"} if shapes.DATE.search(text) else set()
    return kinds | {"figure"} if _DIGIT.search(shapes.DATE.sub(" ", text)) else kinds


def _replaces(answer: str, review: str) -> bool:
    kinds = _kinds(answer)
    return bool(kinds) and not _CONFIRM.match(review) and kinds <= _kinds(review)


def _strike(paragraphs: list[dict[str, Any]], start: int = 0) -> None:
    """Every run of the paragraphs struck through (from character `start` of the first)."""
    for n, p in enumerate(paragraphs):
        out, at = [], 0
        for el in as_list(p.get("elements")):
            el = as_dict(el)
            run = as_dict(el.get("textRun"))
            content = str(run.get("content", ""))
            if not run or (n == 0 and at + len(content) <= start):
                out.append(el)
            elif n == 0 and at < start:
                cut = start - at
                style = as_dict(run.get("textStyle"))
                out.append({**el, "textRun": {**run, "content": content[:cut]}})
                out.append(
                    {
                        **el,
                        "textRun": {"content": content[cut:], "textStyle": {**style, "strikethrough": True}},
                    }
                )
            else:
                out.append(
                    {
                        **el,
                        "textRun": {
                            **run,
                            "textStyle": {**as_dict(run.get("textStyle")), "strikethrough": True},
                        },
                    }
                )
            at += len(content)
        p["elements"] = out


def _cell_paragraphs(cell: Any) -> list[dict[str, Any]]:
    return [
        as_dict(se["paragraph"]) for se in as_list(as_dict(cell).get("content")) if "paragraph" in as_dict(se)
    ]


def _table(table: dict[str, Any]) -> None:
    rows = as_list(table.get("tableRows"))
    if len(rows) < 2:
        return
    header = [
        " ".join(_text(p) for p in _cell_paragraphs(c)) for c in as_list(as_dict(rows[0]).get("tableCells"))
    ]
    review = next(
        (i for i, h in enumerate(header) if _REVIEW_HEADER.search(h) and not _ANSWER_HEADER.search(h)), None
    )
    if review is None:
        return
    answer = next((i for i in range(review - 1, -1, -1) if _ANSWER_HEADER.search(header[i])), None)
    if answer is None:
        return
    for row in rows[1:]:
        cells = as_list(as_dict(row).get("tableCells"))
        if len(cells) <= review:
            continue
        said = _cell_paragraphs(cells[answer])
        noted = _cell_paragraphs(cells[review])
        a, r = " ".join(_text(p) for p in said), " ".join(_text(p) for p in noted)
        if not r.strip():
            continue
        if _CONFIRM.match(r) and _kinds(a):
            as_dict(cells[review])["content"] = [_empty()]
        elif _replaces(a, r):
            _strike(said)  # the review read in the answer's place, under the row's question
            cell = as_dict(cells[answer])
            cell["content"] = [*as_list(cell.get("content")), *as_list(as_dict(cells[review]).get("content"))]
            as_dict(cells[review])["content"] = [_empty()]


def _notes(content: list[Any]) -> None:
    before: dict[str, Any] | None = None
    for se in content:
        se = as_dict(se)
        if "paragraph" not in se:
            before = None
            continue
        p = as_dict(se["paragraph"])
        text = _text(p)
        if not text.strip():
            continue
        note = _NOTE.match(text)
        if note is not None and before is not None:
            said = _text(before)
            label = None
            for found in _LABEL.finditer(said):
                label = found
            value = said[label.end() :] if label else said
            if _CONFIRM.match(text[note.end() :]) and _kinds(value):
                _strike([p])
            elif _replaces(value, text[note.end() :]):
                raw = "".join(t for t, _ in _runs(before))
                lead = len(raw) - len(raw.lstrip())
                _strike([before], lead + label.end() if label else 0)
        before = p if note is None else None


def reviewed_answers(doc: Any, texts: list[tuple[dict[str, Any], str]]) -> Any:
    """`doc` with each answer a reviewer corrected struck through and each confirming note dropped;
    the input itself when nothing reads as a review (the common case: nothing is copied)."""
    if (
        not isinstance(doc, dict)
        or not possible(_GATE, joined(texts))
        or not any(
            _GATE.search(t) and (_NOTE.match(t) or (len(t) <= _HEADER_CELL and _REVIEW_HEADER.search(t)))
            for _, t in texts
        )
    ):
        return doc  # (no review note, no short cell naming a review column: nothing copied)
    doc = _copy(doc)
    for holder in tab_holders(doc):
        content = as_list(as_dict(holder.get("body")).get("content"))
        _notes(content)
        for se in content:
            if "table" in as_dict(se):
                _table(as_dict(as_dict(se)["table"]))
    return doc


__all__ = ["reviewed_answers"]
