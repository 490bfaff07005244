"""Interview transcripts read as questions and their answers (pure, one pass per tab body).

A transcript writes every paragraph as a speaker's turn: a tag (`GT:`, `[00:02:08] MAL:`, `Q:`,
`14:05 Anna (IE):`) and what was said. A careful reader reads an answer in the light of the question
before it ("Storage?" → "About 3.5 TB in total for prod" is the disk; "Code hosts?" → "GitHub
Enterprise Server and GitLab.com" names the hosts connected) and hears a question's own figures as
asked, not told ("In the first plan it was four m6i.8xlarge, right?").

`as_turns` rewrites such a body into the shape the walk already reads that way: the tags dropped
(a speaker is no label of a value), each question turn a list item, and the turns after it, up to the
next question, items nested under it (a question item heads its answers). A speaker is a tag that
recurs or carries a time stamp; a body is a transcript when four paragraphs or more are turns of two
speakers or more and no speaker's tag is a field's label (`Date:`, `Repositories:`) or an
environment's name (`Prod:`, `Staging:`: a value per environment). Anything
else is left exactly as it was.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from handoff.read.doctext import as_dict, as_list, as_str

_STAMP = r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]?"
_WHO = r"[A-Z\u00c0-\u00de][\w.'’\u00c0-\u024f-]*(?:\s[A-Z\u00c0-\u00de][\w.'’\u00c0-\u024f-]*){0,2}"
_TAG = re.compile(  # (quick notes write the question and answer tags in lower case: `q:`, `a:`)
    rf"^\s*(?P<stamp>{_STAMP}\s*[-–—]?\s*)?(?P<who>{_WHO}|[qa](?=\s*:))(?:\s*\([^()\n]{{1,40}}\))?\s*[:：]\s+(?=\S)"
)
_LEVEL_QUESTION, _LEVEL_ANSWER = 0, 1
_LIST_ID = "read.turns"


def _text(paragraph: dict[str, Any]) -> str:
    runs = (as_dict(as_dict(el).get("textRun")) for el in as_list(paragraph.get("elements")))
    return "".join(as_str(run.get("content")) for run in runs)


def _tag(paragraph: dict[str, Any]) -> re.Match[str] | None:
    if not paragraph or "bullet" in paragraph:
        return None
    style = as_str(as_dict(paragraph.get("paragraphStyle")).get("namedStyleType"))
    if style not in ("", "NORMAL_TEXT"):
        return None
    return _TAG.match(_text(paragraph))


def _speakers(tags: list[re.Match[str]], is_label: Callable[[str], bool]) -> frozenset[str]:
    """The speakers of a transcript's turns (tags that recur, or that carry a time stamp), or none
    when the tags are not a transcript's."""
    who = Counter(m.group("who").casefold() for m in tags)
    stamped = {m.group("who").casefold() for m in tags if m.group("stamp")}
    speakers = {w for w, n in who.items() if n >= 2} | stamped
    turns = [m for m in tags if m.group("who").casefold() in speakers]
    if len(turns) < 4 or len(speakers) < 2 or any(is_label(m.group("who")) for m in turns):
        return frozenset()
    return frozenset(speakers)


def answering(bullet: dict[str, Any]) -> bool:
    """Whether a list item's bullet is one `as_turns` gave an answer (a turn under its question)."""
    return bullet.get("listId") == _LIST_ID


def _untagged(paragraph: dict[str, Any], cut: int, level: int | None) -> dict[str, Any]:
    """`paragraph` without its first `cut` characters (its tag), as a list item at `level`."""
    elements: list[Any] = []
    for el in as_list(paragraph.get("elements")):
        el = as_dict(el)
        run = as_dict(el.get("textRun"))
        if cut > 0 and run:
            text = as_str(run.get("content"))
            if len(text) <= cut:
                cut -= len(text)
                continue
            el = {**el, "textRun": {**run, "content": text[cut:]}}
            cut = 0
        elements.append(el)
    out = {**paragraph, "elements": elements}
    if level is not None:
        out["bullet"] = {"listId": _LIST_ID, "nestingLevel": level}
    return out


def as_turns(content: list[Any], is_label: Callable[[str], bool]) -> list[Any]:
    """`content` (a tab body's structural elements) with a transcript's turns as questions heading
    their answers; `is_label` says whether a tag is a field's label (then it is no speaker). A
    questionnaire of questions each answered by a tagged paragraph is read so too (`_answers`)."""
    tags = [_tag(as_dict(as_dict(se).get("paragraph"))) for se in content]
    speakers = _speakers([m for m in tags if m], is_label)
    if not speakers:
        return _answers(content, tags, is_label)
    tags = [m if m and m.group("who").casefold() in speakers else None for m in tags]
    out: list[Any] = []
    asked = False  # a question turn heads the turns after it
    for se, m in zip(content, tags, strict=True):
        if m is None:
            out.append(se)
            paragraph = as_dict(as_dict(se).get("paragraph"))
            asked = (
                asked and bool(paragraph) and not _text(paragraph).strip()
            )  # text that is no turn ends them
            continue
        paragraph = as_dict(as_dict(se).get("paragraph"))
        said = _text(paragraph)[m.end() :].strip()
        question = said.endswith("?")
        level = _LEVEL_QUESTION if question else (_LEVEL_ANSWER if asked else None)
        asked = asked or question
        out.append({**as_dict(se), "paragraph": _untagged(paragraph, m.end(), level)})
    return out


_QUESTION_END = re.compile(r"\?\s*$")


def _is_question(se: Any) -> bool:
    """A paragraph asking a question: one line ending in a question mark, no tag of its own."""
    paragraph = as_dict(as_dict(se).get("paragraph"))
    text = _text(paragraph).strip() if paragraph else ""
    return bool(text) and "\n" not in text and len(text) <= 200 and bool(_QUESTION_END.search(text))


def _answers(
    content: list[Any], tags: list[re.Match[str] | None], is_label: Callable[[str], bool]
) -> list[Any]:
    """A questionnaire written as questions, each answered in the paragraph after it opening with one
    answer tag (`D17. Maximum number of users?` then `R: La licenza è per 1.200 utenti.`; `A:`,
    `Answer:`, `Antwort:`): each question a list item heading its answer, the tag dropped, as a
    transcript's (a careful reader reads the answer in the light of its question). Three answers or
    more, all with the same tag and each right after its question (empty paragraphs aside); a tag
    that is a field's label is no answer's."""
    kinds = {m.group("who").casefold() for m in tags if m is not None}
    if len(kinds) != 1 or sum(m is not None for m in tags) < 3:
        return content  # (the answers are tags: three or more, all the same; most bodies have none such)
    after_question: list[bool] = []
    asked = False
    for se, m in zip(content, tags, strict=True):
        after_question.append(asked and m is not None)
        paragraph = as_dict(as_dict(se).get("paragraph"))
        if m is None and paragraph and not _text(paragraph).strip():
            continue  # (an empty paragraph between a question and its answer)
        asked = m is None and _is_question(se)
    answers = [m for m, q in zip(tags, after_question, strict=True) if m is not None and q]
    if len(answers) < 3 or any(m.group("stamp") for m in answers):
        return content
    if is_label(answers[0].group("who")) or len(answers) * 2 < sum(m is not None for m in tags):
        return content
    out: list[Any] = []
    for i, (se, m) in enumerate(zip(content, tags, strict=True)):
        paragraph = as_dict(as_dict(se).get("paragraph"))
        if m is not None and after_question[i]:
            out.append({**as_dict(se), "paragraph": _untagged(paragraph, m.end(), _LEVEL_ANSWER)})
        elif m is None and _is_question(se) and i + 1 < len(content) and any(after_question[i + 1 : i + 3]):
            out.append({**as_dict(se), "paragraph": _untagged(paragraph, 0, _LEVEL_QUESTION)})
        else:
            out.append(se)
    return out
