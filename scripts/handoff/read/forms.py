"""Question-and-answer forms: which of a form's options are answers, before the walk reads them.

A multiple-choice question lists options, and only the one marked or keyed as the answer is a
fact: the others are distractors, often every tempting wrong value. This pass rewrites a Docs API
document (a shallow copy; the input is not changed) so the walk reads only the answers:

* **A question and its options.** A paragraph or list item ending in a question mark, followed by
  two or more options: its child items lettered by their list's glyphs (`a.`, `B.`) or by typed
  letters (`a)`, `(b)`, `C.`, in order from `a`), or opening with a box (`☐`, `☒`, `[x]`).
* **The answer.** An option carrying a tick or a checked box (`☑ ☒ ✓ ✔ ✅ ◉ ●`, `[x]`), the one
  option emphasised (bold or highlighted) among plain ones, a line after the options giving the
  letter (`Answer: b`), or an answer key elsewhere in the document: a run of lines each opening
  with a letter (`c. The real one is …`, `3. c`, `Q3: C`), mapped to the questions by their typed
  numbers or, when it has one line per question, in order.
* **What is read.** The answer stays, nested under its question (whose words give the answer its
  environment and topic), without its letter or mark; the other options are removed. A question
  with no answer keeps its options only when nothing shows the document is a quiz; in a quiz
  (three or more lettered questions of three or more options) or with boxes, unanswered options
  are removed.
* **Choices on one line.** A line holding two or more boxes (`☒ Production ☐ Non-production`) is a
  choice field: the text after an unchecked box, up to the next box, was not chosen. A line where a
  sentence ends and another begins between two boxes is a checklist item, not a choice: a box inside
  it marks the state of what it follows ("… connected. Perforce ☐ deferred to Q1"), and the words
  after it are still read.

Only structure decides (question marks, letters, glyphs, boxes, emphasis, numbering), never the
words of a particular form. A run of boxed lines with no question before it is a checklist (`☐` is
"not done yet", not "not chosen") and is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from handoff.read.boxedruns import heads_boxed_run
from handoff.read.doctext import MAX_DEPTH, as_dict, as_list, as_str, tab_holders
from handoff.read.quicktext import paragraph_dicts

_CHECKED = "☑☒✓✔✅◉●⦿"
_UNCHECKED = "☐□○◯⬜"
_BOX = re.compile(r"\[[ xX✓]\]|[" + _CHECKED + _UNCHECKED + "]")
_SIGN = re.compile(r"[?\[" + _CHECKED + _UNCHECKED + "]")  # in every question (`?`) and box
_TYPED_LETTER = re.compile(r"^\s*\(?([A-Za-z])[.)]\s+")
_LEAD_MARK = re.compile(r"^\s*(?:\[[ xX✓]\]|[" + _CHECKED + _UNCHECKED + r"])\s*")
_TRAIL_MARK = re.compile(r"\s*(?:\[[xX✓]\]|[" + _CHECKED + r"])\s*$")
_QUESTION = re.compile(r"\?[\s\"'”’)*]*(?:\([^()]*\)[\s.*]*)?$")  # "…?", "…? (tick all that apply)"
_ANSWER_LINE = re.compile(r"^\s*(?:correct\s+)?(?:answer|key|solution)\s*[:：]\s*\(?([A-Za-z])\b[.)]?", re.I)
_KEY_LINE = re.compile(
    r"^\s*(?:(?:Q(?:uestion)?\s*)?(\d{1,3})\s*[.):–—-]\s*)?\(?([A-Za-z])(?:[.)]|\s*$|\s+[-–—:]\s)"
)
_ALPHA = frozenset({"ALPHA", "UPPER_ALPHA"})
_QUIZ_QUESTIONS = 3  # lettered questions of at least this many options make a document a quiz
_QUIZ_OPTIONS = 3


@dataclass
class _Para:
    """One paragraph of a content list: where it sits and what the pass needs of it."""

    content: list[Any]  # the list it is in (a tab body or a table cell)
    index: int
    paragraph: dict[str, Any]
    text: str
    level: int | None  # nesting level when a list item
    glyph: str  # the glyph type of its list level ("ALPHA", "DECIMAL", …; "" when none)


@dataclass
class _Group:
    question: _Para
    options: list[_Para]
    letters: list[str]
    boxed: bool
    answers: set[int] = field(default_factory=set)


def answered(doc: Any) -> Any:
    """`doc` with each multiple-choice question reduced to its answer and unchecked choices removed;
    the input itself when it holds no question form (the common case: nothing is copied)."""
    if not isinstance(doc, dict):
        return doc
    if not _signs(doc) or not any(
        _QUESTION.search(t) or len(_BOX.findall(t)) >= 2 or _LEAD_MARK.match(t) for t in _texts(doc)
    ):
        return doc  # (no question, no line of boxes, no boxed line: no form, whatever the lists around them)
    paras = list(_paragraphs(doc))
    if not _groups(paras) and not any(len(_BOX.findall(p.text)) >= 2 for p in paras):
        return doc
    doc = _copy(doc)
    paras = list(_paragraphs(doc))
    _choices_on_lines(paras)
    groups = _groups(paras)
    used = {id(p.paragraph) for g in groups for p in (g.question, *g.options)}
    for g in groups:
        _marked(g, paras)
    _keys(groups, [p for p in paras if id(p.paragraph) not in used])
    quiz = sum(len(g.options) >= _QUIZ_OPTIONS and not g.boxed for g in groups) >= _QUIZ_QUESTIONS
    drop: set[int] = set()
    for g in groups:
        if not g.answers and not g.boxed and not quiz:
            continue
        for i, o in enumerate(g.options):
            if i in g.answers:
                _keep(o, g.question)
            else:
                drop.add(id(o.paragraph))
    for content in {id(p.content): p.content for p in paras}.values():
        content[:] = [se for se in content if id(as_dict(se).get("paragraph")) not in drop]
    return doc


# --------------------------------------------------------------------------------------------
# the document's paragraphs (copied where the pass may change them)


def _copy(doc: dict[str, Any]) -> dict[str, Any]:
    """A copy deep enough that lists of content and paragraphs can be changed: content lists,
    structural elements, tables, rows, cells and paragraphs; text runs are shared."""

    def content(items: Any, depth: int) -> list[Any]:
        out: list[Any] = []
        for se in as_list(items):
            se = dict(as_dict(se))
            if "paragraph" in se:
                p = dict(as_dict(se["paragraph"]))
                p["elements"] = list(as_list(p.get("elements")))
                se["paragraph"] = p
            elif "table" in se and depth < MAX_DEPTH:
                t = dict(as_dict(se["table"]))
                t["tableRows"] = [
                    {**as_dict(r), "tableCells": [
                        {**as_dict(c), "content": content(as_dict(c).get("content"), depth + 1)}
                        for c in as_list(as_dict(r).get("tableCells"))
                    ]}
                    for r in as_list(t.get("tableRows"))
                ]  # fmt: skip
                se["table"] = t
            out.append(se)
        return out

    def tab(t: Any, depth: int) -> dict[str, Any]:
        t = dict(as_dict(t))
        dt = dict(as_dict(t.get("documentTab")))
        body = dict(as_dict(dt.get("body")))
        body["content"] = content(body.get("content"), 0)
        dt["body"] = body
        t["documentTab"] = dt
        if depth < MAX_DEPTH:
            t["childTabs"] = [tab(c, depth + 1) for c in as_list(t.get("childTabs"))]
        return t

    out = dict(doc)
    if as_list(doc.get("tabs")):
        out["tabs"] = [tab(t, 0) for t in as_list(doc.get("tabs"))]
    else:
        body = dict(as_dict(doc.get("body")))
        body["content"] = content(body.get("content"), 0)
        out["body"] = body
    return out


def _paragraphs(doc: dict[str, Any], texts: bool = True) -> Iterator[_Para]:
    """Every paragraph in document order (tabs, then table cells in place), with its list facts;
    not `texts`: each with "" for its text (a pass that reads only some paragraphs' texts itself)."""

    def walk(content: list[Any], lists: dict[str, Any], depth: int) -> Iterator[_Para]:
        for i, se in enumerate(content):
            se = as_dict(se)
            if "paragraph" in se:
                p = as_dict(se["paragraph"])
                bullet = as_dict(p.get("bullet"))
                level = bullet.get("nestingLevel", 0) if ("bullet" in p) else None
                level = level if isinstance(level, int) or level is None else 0
                glyph = ""
                if level is not None:
                    levels = as_list(
                        as_dict(as_dict(lists.get(as_str(bullet.get("listId")))).get("listProperties")).get(
                            "nestingLevels"
                        )
                    )
                    glyph = as_str(as_dict(levels[level]).get("glyphType")) if level < len(levels) else ""
                yield _Para(content, i, p, _text(p) if texts else "", level, glyph)
            elif "table" in se and depth < MAX_DEPTH:
                for row in as_list(as_dict(se["table"]).get("tableRows")):
                    for cell in as_list(as_dict(row).get("tableCells")):
                        yield from walk(as_list(as_dict(cell).get("content")), lists, depth + 1)

    for holder in tab_holders(doc):
        yield from walk(as_list(as_dict(holder.get("body")).get("content")), as_dict(holder.get("lists")), 0)


def _texts(doc: dict[str, Any]) -> Iterator[str]:
    """The text of every paragraph `_paragraphs` gives, without its list facts (a quick look first)."""
    return (_text(p) for p in paragraph_dicts(doc))


def _signs(doc: dict[str, Any]) -> bool:
    """Whether a text run of the document (shown or not) holds a question mark, a bracket or a box:
    without one, no paragraph's text holds a question or a box (a quicker look than `_texts`)."""
    runs = (
        as_str(as_dict(as_dict(el).get("textRun")).get("content"))
        for p in paragraph_dicts(doc)
        for el in as_list(p.get("elements"))
    )
    return _SIGN.search("".join(runs)) is not None


def _runs(p: dict[str, Any]) -> list[tuple[str, bool]]:
    """(text, emphasised) of each visible text run: struck-through and suggested text left out."""
    out = []
    for el in as_list(p.get("elements")):
        run = as_dict(as_dict(el).get("textRun"))
        style = as_dict(run.get("textStyle"))
        if not run or as_list(run.get("suggestedInsertionIds")) or style.get("strikethrough"):
            continue
        out.append((as_str(run.get("content")), bool(style.get("bold") or style.get("backgroundColor"))))
    return out


def _text(p: dict[str, Any]) -> str:
    return "".join(t for t, _ in _runs(p)).strip()


def _emphasised(p: dict[str, Any]) -> bool:
    runs = [(t, e) for t, e in _runs(p) if t.strip()]
    return bool(runs) and all(e for _, e in runs)


# --------------------------------------------------------------------------------------------
# questions, options, answers


def _letter(o: _Para, i: int) -> str | None:
    """The option's letter: typed (`b)`), by its list's lettered glyphs, or by place for a box."""
    typed = _TYPED_LETTER.match(o.text)
    if typed:
        return typed.group(1).lower()
    if o.glyph in _ALPHA or _LEAD_MARK.match(o.text):
        return chr(ord("a") + i)
    return None


def _groups(paras: list[_Para]) -> list[_Group]:
    groups: list[_Group] = []
    i = 0
    while i < len(paras):
        q = paras[i]
        if not _QUESTION.search(q.text) and not heads_boxed_run(paras, i):
            i += 1
            continue
        options: list[_Para] = []
        j = i + 1
        while (
            j < len(paras) and paras[j].content is q.content and paras[j].index == q.index + 1 + len(options)
        ):
            o = paras[j]
            if q.level is not None:
                if o.level != q.level + 1:
                    break
            elif not (
                o.level == 0
                or (o.level is None and (_TYPED_LETTER.match(o.text) or _LEAD_MARK.match(o.text)))
            ):
                break
            options.append(o)
            j += 1
        letters = [_letter(o, n) for n, o in enumerate(options)]
        boxed = bool(options) and all(_LEAD_MARK.match(o.text) for o in options)
        ordered = all(letter == chr(ord("a") + n) for n, letter in enumerate(letters))
        if len(options) >= 2 and (boxed or ordered):
            groups.append(_Group(q, options, [str(x) for x in letters], boxed))
            i = j
        else:
            i += 1
    return groups


def _marked(g: _Group, paras: list[_Para]) -> None:
    """The options the question's own form marks: ticks or checked boxes, the one emphasised option,
    or an answer line right after the options."""
    for n, o in enumerate(g.options):
        lead = _LEAD_MARK.match(o.text)
        if (lead and any(c in lead.group(0) for c in _CHECKED + "xX✓")) or _TRAIL_MARK.search(o.text):
            g.answers.add(n)
    if g.answers or g.boxed:
        return
    emphasised = [n for n, o in enumerate(g.options) if _emphasised(o.paragraph)]
    if len(emphasised) == 1 and not _emphasised(g.question.paragraph):
        g.answers.add(emphasised[0])
        return
    last = g.options[-1]
    after = next((p for p in paras if p.content is last.content and p.index == last.index + 1), None)
    line = _ANSWER_LINE.match(after.text) if after is not None else None
    if line and line.group(1).lower() in g.letters:
        g.answers.add(g.letters.index(line.group(1).lower()))


def _keys(groups: list[_Group], rest: list[_Para]) -> None:
    """An answer key: a run of lines opening with a letter, mapped to the questions still unanswered
    by typed number, or in order when the run has one line per question."""
    for run in _key_runs(rest):
        if all(n is not None for n, _ in run):
            pairs = [(int(n) - 1, letter) for n, letter in run if n is not None]
        elif len(run) == len(groups):
            pairs = list(enumerate(letter for _, letter in run))
        else:
            continue
        if all(0 <= q < len(groups) and letter in groups[q].letters for q, letter in pairs):
            for q, letter in pairs:
                if not groups[q].answers and not groups[q].boxed:
                    groups[q].answers.add(groups[q].letters.index(letter))


def _key_runs(rest: list[_Para]) -> list[list[tuple[int | None, str]]]:
    """Runs of two or more lines of one content list, each opening with a letter (and maybe a number),
    as (typed question number or None, letter)."""
    runs: list[list[tuple[int | None, str]]] = [[]]
    previous: _Para | None = None
    for p in rest:
        m = _KEY_LINE.match(p.text)
        if m and not _LEAD_MARK.match(p.text):
            if previous is None or p.content is not previous.content:
                runs.append([])
            runs[-1].append((int(m.group(1)) if m.group(1) else None, m.group(2).lower()))
            previous = p
        elif p.text:
            previous = None
    return [run for run in runs if len(run) >= 2]


def _keep(o: _Para, question: _Para) -> None:
    """The answer read as a child of its question, without its letter or mark."""
    p = o.paragraph
    lead = _TYPED_LETTER.match(o.text) or _LEAD_MARK.match(o.text)
    if lead:
        _cut(p, [(_offset(p, 0), _offset(p, lead.end(0)))])
    trail = _TRAIL_MARK.search(_text(p))
    if trail:
        _cut(p, [(_offset(p, trail.start()), _offset(p, trail.end()))])
    if question.level is None:
        ql = dict(as_dict(question.paragraph.get("bullet")))
        question.paragraph["bullet"] = {**ql, "listId": "answered", "nestingLevel": 0}
        p["bullet"] = {"listId": "answered", "nestingLevel": 1}
    elif o.level is None:
        p["bullet"] = {**as_dict(question.paragraph.get("bullet")), "nestingLevel": question.level + 1}


# --------------------------------------------------------------------------------------------
# choices on one line


def _choices_on_lines(paras: list[_Para]) -> None:
    """Text after an unchecked box, up to the next box, removed from lines holding two or more boxes."""
    for p in paras:
        if len(_BOX.findall(p.text)) < 2:
            continue
        raw = "".join(t for t, _ in _runs(p.paragraph))
        boxes = list(_BOX.finditer(raw))
        if _status_marks(raw, boxes):
            continue
        spans = []
        for b, nxt in zip(boxes, [*boxes[1:], None], strict=True):
            unchecked = b.group(0) in _UNCHECKED or b.group(0) == "[ ]"
            if unchecked:
                end = nxt.start() if nxt is not None else len(raw.rstrip("\n"))
                spans.append((b.start(), end))
        if spans:
            _cut(p.paragraph, spans)
            p.text = _text(p.paragraph)


_SENTENCE_ON = re.compile(r"(?<!\d)[.!?;]\s+\S")


def _status_marks(raw: str, boxes: list[re.Match[str]]) -> bool:
    """The boxes of a checklist line: between two of them a sentence ends and another begins ("☑ 4.
    Code hosts → Azure DevOps … connected. Perforce ☐ deferred to Q1"): a box inside the line marks
    the state of the thing before it, and what follows it is still said; a choice's options are
    short names, not sentences."""
    return any(_SENTENCE_ON.search(raw[a.end() : b.start()]) for a, b in pairwise(boxes))


def _offset(p: dict[str, Any], visible: int) -> int:
    """The offset in the visible text (stripped) `visible` maps to in the joined visible runs."""
    raw = "".join(t for t, _ in _runs(p))
    return visible + (len(raw) - len(raw.lstrip()))


def _cut(p: dict[str, Any], spans: list[tuple[int, int]]) -> None:
    """Remove the characters of `spans` (offsets in the joined visible runs) from the paragraph's runs."""
    out: list[Any] = []
    pos = 0
    for el in as_list(p.get("elements")):
        el = as_dict(el)
        run = as_dict(el.get("textRun"))
        style = as_dict(run.get("textStyle"))
        if not run or as_list(run.get("suggestedInsertionIds")) or style.get("strikethrough"):
            if not run and any(a <= pos < b for a, b in spans):
                continue  # a chip inside a removed choice
            out.append(el)
            continue
        content = as_str(run.get("content"))
        kept = "".join(c for k, c in enumerate(content, pos) if not any(a <= k < b for a, b in spans))
        pos += len(content)
        if kept:
            out.append({**el, "textRun": {**run, "content": kept}})
    p["elements"] = out


__all__ = ["answered"]
