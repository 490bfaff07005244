"""Footnotes, read where they are referenced (pure).

A footnote is an aside on the sentence its mark ends: writers move the details there (the provider's
plan, the storage, the test environment's own figures) and leave the body pointing at them. A
careful reader reads a footnote at its mark, under the same headings, as the sentence's own detail:
in the environment that sentence names ("The test environment was built first¹": footnote 1 is the
test environment's) and with its standing ("The public GitHub organisation is not indexed²":
footnote 2 describes something outside the deployment). The walk does that with `sentence_at`;
this module also gives an HTML export's footnotes the Docs API's shape (`lift`), so both read alike.

The Docs API keeps a tab's footnotes in `documentTab.footnotes` and marks each reference with a
`footnoteReference` element (`read.doctext` records it in `Text.notes`). A Google Docs HTML export
writes the mark as a `[1]` link to `#ftnt1` and the note after the body as a paragraph opening with
a `[1]` link back to `#ftnt_ref1`.
"""

from __future__ import annotations

import re
from typing import Any

from handoff.read.doctext import as_dict, as_list, as_str

_MARK = re.compile(r"#ftnt(\d+)$")  # an HTML export's reference, `[1]` linking to `#ftnt1`
_BACK = re.compile(r"#ftnt_ref(\d+)$")  # the note's own mark, linking back to its reference
_MARK_TEXT = re.compile(r"^\s*\[?\d{1,3}\]?\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=\S)")


def _link(el: dict[str, Any]) -> str:
    return as_str(as_dict(as_dict(as_dict(el.get("textRun")).get("textStyle")).get("link")).get("url"))


def _note_number(paragraph: dict[str, Any]) -> str | None:
    """The number of the HTML export's note this paragraph is (its first run links back), or None."""
    for el in as_list(paragraph.get("elements")):
        el = as_dict(el)
        text = as_str(as_dict(el.get("textRun")).get("content"))
        if not text.strip():
            continue
        m = _BACK.search(_link(el))
        return m.group(1) if m and _MARK_TEXT.match(text) else None
    return None


def _as_reference(el: dict[str, Any]) -> dict[str, Any]:
    """A `[1]` run linking to `#ftnt1` as the Docs API's `footnoteReference`; any other element as it is."""
    m = _MARK.search(_link(el))
    if m is None or not _MARK_TEXT.match(as_str(as_dict(el.get("textRun")).get("content"))):
        return el
    return {"footnoteReference": {"footnoteId": f"ftnt{m.group(1)}", "footnoteNumber": m.group(1)}}


def lift(content: list[Any]) -> tuple[list[Any], dict[str, list[Any]]]:
    """An HTML export's body without its notes, its references as `footnoteReference` elements, and
    the notes by id (`ftnt1` → the note's paragraphs, its own `[1]` mark left out). A body with no
    note is returned as it is."""
    notes: dict[str, list[Any]] = {}
    body: list[Any] = []
    for se in content:
        paragraph = as_dict(as_dict(se).get("paragraph"))
        number = _note_number(paragraph) if paragraph else None
        if number is None:
            body.append(se)
            continue
        elements = [el for el in as_list(paragraph.get("elements")) if not _BACK.search(_link(as_dict(el)))]
        notes.setdefault(f"ftnt{number}", []).append({"paragraph": {**paragraph, "elements": elements}})
    if not notes:
        return content, {}
    return [_with_references(se, notes) for se in body], notes


def _with_references(se: Any, notes: dict[str, list[Any]]) -> Any:
    paragraph = as_dict(as_dict(se).get("paragraph"))
    elements = as_list(paragraph.get("elements"))
    if not any(_MARK.search(_link(as_dict(el))) for el in elements):
        return se
    lifted = [_as_reference(as_dict(el)) for el in elements]
    kept = [el for el in lifted if as_str(as_dict(el.get("footnoteReference")).get("footnoteId")) in notes
            or "footnoteReference" not in el]  # fmt: skip
    return {**as_dict(se), "paragraph": {**paragraph, "elements": kept}}


def sentence_at(text: str, offset: int) -> tuple[str, int]:
    """The sentence of `text` a footnote mark at `offset` ends or sits in, and the mark's offset in it."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() >= offset:
            break
        start = m.end()
    else:
        return text[start:], offset - start
    return text[start : m.start()], offset - start
