"""A table of questions answered Yes / No / N-A: a question not answered yes states nothing.

A questionnaire or change form asks its questions one a row and answers each by a mark in one of
its answer columns (`Question | Yes | No | N/A | Comment`, an X under `No`), or in one column headed
`Yes / No / N-A` whose cells keep the answer chosen (the others struck through or left out). A human
reads a row answered yes as its question's statement ("Is source code from GitHub.com indexed?" —
yes: GitHub.com is a code host) and a row answered no or N/A as no statement at all: "Is source code
from Bitbucket indexed?" — no, so Bitbucket is not a code host, and the words of "Does the change
touch an existing production service?" — no — say nothing about production.

This pass, before the walk, finds such tables by structure: the header row holds two or more
adjacent columns named by answer words (`Yes`, `No`, `N/A`, and their equivalents in other
languages), the body cells under them empty or one mark, at most one marked per row; or one column
whose header names two or more answers (`Yes / No / N-A`) and whose body cells are each one of them.
The question cell (the first column) of each row answered other than yes is emptied; the comment
and the other cells are kept (an N/A row's comment may still hold a fact: "Internal only, https://…").
A row answered yes keeps its question without its question mark, read as the statement it affirms
("Is it installed with Helm on Amazon EKS" — yes). Columns of marks become one `Answer` column of
the answers' words, so the table reads as questions, answers and comments. A group row over the
header (`Control | Entries` over `Yes | No | N/A | Evidence`) is left out. A table turned the
other way (its questions across the first row, the answers in rows) is turned back first. Rows
with no answer are left as they are. The input is not changed.
"""

from __future__ import annotations

import re
from typing import Any

from handoff.read.doctext import as_dict, as_list
from handoff.read.forms import _copy
from handoff.read.markcolumns import _cell_text, _cells, _tables
from handoff.read.quicktext import quick_texts

_YES = frozenset({"yes", "y", "ja", "oui", "si", "sí", "sim", "tak", "kyllä", "evet", "true"})
_OTHER = frozenset({
    "no", "n", "nein", "non", "nee", "nej", "não", "nie", "ei", "hayır", "false", "n/a", "na", "n-a", "n.a.",
    "not applicable", "k.a.", "s.o.", "n.v.t.", "nvt",
})  # fmt: skip
_MARK = re.compile(r"[✔✓☒☑✅●◉⦿xX✗✘×]")
_SPLIT = re.compile(r"\s*[/|·]\s*")
_HEADER_ROWS = 2  # a group row over the header
_WORD = 24  # characters of a cell of answer words


def _answer(text: str) -> str | None:
    """'yes', 'other' or None for a cell's text."""
    key = " ".join(text.casefold().strip(" .:;,*").split())
    if key in _YES:
        return "yes"
    if key in _OTHER:
        return "other"
    return None


def answered_rows(doc: Any, texts: list[tuple[dict[str, Any], str]] | None = None) -> Any:
    """`doc` with every answered table rewritten as a human reads it; the input itself when no table
    is answered so (the common case: nothing is copied)."""
    if not isinstance(doc, dict):
        return doc
    paragraphs = list(quick_texts(doc)) if texts is None else texts
    if not any(len(t) <= _WORD and "yes" in map(_answer, _SPLIT.split(t)) for _, t in paragraphs):
        return doc  # (no cell that is only "Yes", or "Yes / No": no answer column)
    if not any(_answers(t) or _answers(_turned(t)) for t in _tables(doc)):
        return doc
    doc = _copy(doc)
    for t in _tables(doc):
        found = _answers(t)
        if found is None:  # the table turned (questions across its first row): turned back first
            found = _answers(_turned(t))
            if found is None:
                continue
            t.update(_turned(t))
        h, columns, answers = found
        rows = as_list(t.get("tableRows"))
        if h:  # a group row over the header: left out, the header taking its first cell's words
            first_words = _cell_text(rows[0], 0) or _cell_text(rows[h], 0)
            _cells(rows[h])[0] = _text_cell({}, first_words)
            rows = rows[h:]
            answers = {n - h: a for n, a in answers.items()}
            t["tableRows"], t["rows"] = rows, len(rows)
        for n, answer in answers.items():
            cell = as_dict(_cells(rows[n])[0])
            if answer == "yes":  # the question read as the statement it affirms
                _unask(cell)
            else:
                cell["content"] = _text_cell(cell, "")["content"]
        if len(columns) > 1:  # the columns of marks made one column of the answers' words
            first, head = min(columns), _cells(rows[0])
            names = {k: _cell_text(rows[0], k) for k in columns}
            words = {n: names[k] for n in answers for k in columns if _cell_text(rows[n], k)}
            for n, r in enumerate(rows):
                cells = _cells(r)
                cells[first] = _text_cell(cells[first], "Answer" if n == 0 else words.get(n, ""))
                r["tableCells"] = [c for k, c in enumerate(cells) if k == first or k not in columns]
            t["columns"] = max(0, len(head) - len(columns) + 1)
    return doc


def _turned(t: dict[str, Any]) -> dict[str, Any]:
    """The table's rows made its columns (only a table whose rows are all as wide as its first)."""
    rows = as_list(t.get("tableRows"))
    width = len(_cells(rows[0])) if rows else 0
    if len(rows) < 2 or width < 2 or any(len(_cells(r)) != width for r in rows):
        return {"tableRows": []}
    turned = [{"tableCells": [_cells(r)[k] for r in rows]} for k in range(width)]
    return {"tableRows": turned, "rows": width, "columns": len(rows)}


def _text_cell(cell: Any, text: str) -> dict[str, Any]:
    paragraph = {"elements": [{"textRun": {"content": text + "\n"}}]}
    return {**as_dict(cell), "content": [{"paragraph": paragraph}]}


def _unask(cell: dict[str, Any]) -> None:
    """A question's closing question mark taken out of its cell (the run copied, the rest shared)."""
    for se in reversed(as_list(cell.get("content"))):
        elements = as_list(as_dict(as_dict(se).get("paragraph")).get("elements"))
        for k in range(len(elements) - 1, -1, -1):
            run = as_dict(as_dict(elements[k]).get("textRun"))
            text = run.get("content")
            if isinstance(text, str) and text.strip():
                if text.rstrip().endswith("?"):
                    body = text.rstrip()
                    unasked = body[:-1] + text[len(body) :]
                    elements[k] = {**elements[k], "textRun": {**run, "content": unasked}}
                return


def _answers(t: dict[str, Any]) -> tuple[int, set[int], dict[int, str]] | None:
    """The header row of table `t` (its first, or the second under a group row), its answer columns
    and each answered body row's answer ('yes' or 'other'), or None when it is no answered table."""
    rows = as_list(t.get("tableRows"))
    if len(rows) < 2:
        return None
    width = len(_cells(rows[0]))
    if width < 2 or any(len(_cells(r)) != width for r in rows):
        return None
    for h in range(min(_HEADER_ROWS, len(rows) - 1)):
        found = _answered(rows, h, width)
        if found is not None:
            return (h, *found)
    return None


def _answered(rows: list[Any], h: int, width: int) -> tuple[set[int], dict[int, str]] | None:
    """The answer columns and answers of a table whose header is row `h`."""
    head = [_cell_text(rows[h], k) for k in range(width)]
    body = [[_cell_text(r, k) for k in range(width)] for r in rows[h + 1 :]]
    kinds = [_answer(c) for c in head]
    group = [k for k in range(1, width) if kinds[k]]
    adjacent = group == list(range(group[0], group[-1] + 1)) if group else False
    if len(group) >= 2 and adjacent and "yes" in {kinds[k] for k in group}:
        out = _marked(body, group, kinds, h + 1)
        return (set(group), out) if out else None
    for k in range(1, width):
        options = [_answer(p) for p in _SPLIT.split(head[k]) if p.strip()]
        if len(options) >= 2 and None not in options and "yes" in options:
            out = _worded(body, k, h + 1)
            return ({k}, out) if out else None
    return None


def _marked(body: list[list[str]], group: list[int], kinds: list[str | None], start: int) -> dict[int, str]:
    """Each body row's answer by the column of its one mark (none when a cell is not a mark)."""
    out: dict[int, str] = {}
    for n, row in enumerate(body, start=start):
        cells = [row[k] for k in group]
        if any(c and not (len(c) <= 2 and _MARK.fullmatch(c.strip())) for c in cells):
            return {}  # (not a column of marks)
        marked = [k for k, c in zip(group, cells, strict=True) if c]
        if len(marked) > 1:
            return {}
        if marked:
            out[n] = kinds[marked[0]] or ""
    return out


def _worded(body: list[list[str]], k: int, start: int) -> dict[int, str]:
    """Each body row's answer by the one answer word left in column `k` (none when another is)."""
    out: dict[int, str] = {}
    for n, row in enumerate(body, start=start):
        chosen = [_answer(p) for p in _SPLIT.split(row[k]) if p.strip()]
        if len(chosen) > 1 or None in chosen:
            return {}
        if chosen:
            out[n] = chosen[0] or ""
    return out


__all__ = ["answered_rows"]
