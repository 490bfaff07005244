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
# the tags that say a line is an answer (`Answer:`, `A:`, `R:` …), whatever the line before it
_ANSWER_WORDS = frozenset(
    {"a", "ans", "ans.", "answer", "answers", "response", "reply", "r", "antwort", "réponse", "respuesta"}
    | {"risposta", "resposta", "svar"}
)
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


def asking(bullet: dict[str, Any]) -> bool:
    """Whether a list item's bullet is one `as_turns` gave a question (the item heads its answers)."""
    return bullet.get("listId") == _LIST_ID and bullet.get("nestingLevel") == _LEVEL_QUESTION


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
# a question's own number before it (`Q6.1.`, `3b.`, `D17`, `4)`, `Frage 4:`): a form's numbered line
_NUMBERED = re.compile(r"^\s*(?:[A-Za-z]{1,6}[\s-]?)?\d+(?:[.-]\d+)*[a-z]?[.):]?\s+\S")
# a figure after a colon in the line (`Number of servers: 4`), not a closing colon (`Code hosts:`) nor a
# prompt's own colon (`Busiest hour: simultaneous users`)
_ANSWERED = re.compile(r"[:：][^:：]*\d")


def _is_question(se: Any) -> bool:
    """A paragraph asking a question: one line ending in a question mark, no tag of its own."""
    paragraph = as_dict(as_dict(se).get("paragraph"))
    text = _text(paragraph).strip() if paragraph else ""
    return bool(text) and "\n" not in text and len(text) <= 200 and bool(_QUESTION_END.search(text))


def _style(paragraph: dict[str, Any]) -> str:
    return as_str(as_dict(paragraph.get("paragraphStyle")).get("namedStyleType"))


def _is_prompt(se: Any) -> bool:
    """A paragraph that may head a tagged answer right after it: a question (`_is_question`), or a
    form's prompt written without a question mark (`Q6.1. Number of licensed users (e.g. 500)`,
    `Expected peak concurrent users`): one short line, no list item; a heading only when it is numbered
    or asks (`### 6.1 Licensed users`), never a part's title."""
    paragraph = as_dict(as_dict(se).get("paragraph"))
    if not paragraph or "bullet" in paragraph:
        return False
    text = _text(paragraph).strip()
    if not text or "\n" in text or len(text) > 200:
        return False
    if not _QUESTION_END.search(text) and _ANSWERED.search(text):
        return False  # (`2.2 Number of servers: 4`: answered in its own line; a note after it is no answer)
    if _style(paragraph) in ("", "NORMAL_TEXT"):
        return True
    return _style(paragraph).startswith("HEADING_") and bool(
        _QUESTION_END.search(text) or _NUMBERED.match(text)
    )


def _as_question(paragraph: dict[str, Any]) -> dict[str, Any]:
    """A prompt as the list item heading its answer (a heading's style dropped: the item is the title)."""
    item = _untagged(paragraph, 0, _LEVEL_QUESTION)
    if _style(paragraph) not in ("", "NORMAL_TEXT"):
        item["paragraphStyle"] = {**as_dict(paragraph.get("paragraphStyle")), "namedStyleType": "NORMAL_TEXT"}
    return item


def _answers(
    content: list[Any], tags: list[re.Match[str] | None], is_label: Callable[[str], bool]
) -> list[Any]:
    """A questionnaire written as questions, each answered in the paragraph after it opening with one
    answer tag (`D17. Maximum number of users?` then `R: La licenza è per 1.200 utenti.`; `A:`,
    `Answer:`, `Antwort:`): each question a list item heading its answer, the tag dropped, as a
    transcript's (a careful reader reads the answer in the light of its question). Three answers or
    more, all with the same tag and each right after its question (empty paragraphs aside); a tag
    that is a field's label is no answer's. A form writes its questions as prompts without a question
    mark too (`Q6.1. Number of licensed users`, a numbered heading): when the tag says it is an answer
    (`Answer:`, `A:`, `Response:`), any one-line paragraph right before it is its question, and other
    tagged lines of the form (`Form: SG-DQ v4.1`) change nothing."""
    if sum(m is not None for m in tags) < 3:
        return content  # (most bodies have no three tagged lines)
    kinds = {m.group("who").casefold() for m in tags if m is not None}
    answered = _answered(content, tags, _is_question, is_label, None) if len(kinds) == 1 else None
    asks = _is_question
    if answered is None and not kinds.isdisjoint(_ANSWER_WORDS):  # (a form's prompts: an answer's tag)
        answered, asks = _answered(content, tags, _is_prompt, is_label, _ANSWER_WORDS), _is_prompt
    if answered is None:
        return content
    out: list[Any] = []
    for i, (se, m) in enumerate(zip(content, tags, strict=True)):
        paragraph = as_dict(as_dict(se).get("paragraph"))
        if m is not None and answered[i]:
            out.append({**as_dict(se), "paragraph": _untagged(paragraph, m.end(), _LEVEL_ANSWER)})
        elif m is None and asks(se) and _answered_next(content, answered, i):
            out.append({**as_dict(se), "paragraph": _as_question(paragraph)})
        else:
            out.append(se)
    return out


def _answered(
    content: list[Any],
    tags: list[re.Match[str] | None],
    asks: Callable[[Any], bool],
    is_label: Callable[[str], bool],
    words: frozenset[str] | None,
) -> list[bool] | None:
    """Per element, whether it is a tagged answer right after a paragraph `asks` takes for its question
    (None when the body is no such questionnaire): the tag most such answers have, three or more, at
    least half the lines with that tag, none stamped, no field's label; `words`, the tags allowed (None:
    any, every tagged line of the body having it)."""
    after: list[bool] = []
    asked = False
    for se, m in zip(content, tags, strict=True):
        after.append(asked and m is not None)
        paragraph = as_dict(as_dict(se).get("paragraph"))
        if m is None and paragraph and not _text(paragraph).strip():
            continue  # (an empty paragraph between a question and its answer)
        asked = m is None and asks(se)
    kinds = Counter(m.group("who").casefold() for m, q in zip(tags, after, strict=True) if m and q)
    if not kinds:
        return None
    kind, count = kinds.most_common(1)[0]
    if count < 3 or (words is not None and kind not in words) or is_label(kind):
        return None
    answers = [m for m, q in zip(tags, after, strict=True) if m and q and m.group("who").casefold() == kind]
    tagged = sum(m is not None and m.group("who").casefold() == kind for m in tags)
    if any(m.group("stamp") for m in answers) or count * 2 < tagged:
        return None
    return [bool(q and m and m.group("who").casefold() == kind) for m, q in zip(tags, after, strict=True)]


def _answered_next(content: list[Any], answered: list[bool], i: int) -> bool:
    """Whether the next paragraph after `i` that is not empty is a tagged answer."""
    for j in range(i + 1, min(len(content), i + 3)):
        if answered[j]:
            return True
        paragraph = as_dict(as_dict(content[j]).get("paragraph"))
        if not paragraph or _text(paragraph).strip():
            return False
    return False
