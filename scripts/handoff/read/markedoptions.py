"""Options listed with the chosen one marked: only the chosen option is read.

A form or template lists every option and marks the one taken. `read/forms.py` reads the shapes a
question form uses (boxes before each option, lettered options under a question); this pass, run
before it, reads the other ways people mark a choice, so that an unchosen option is never read as
the value (a document copy is changed; the input is not):

* **Marks after their options** (`AWS ☐ / GCP ☒ / Azure ☐`, `Helm [ ] Docker Compose [✓]`): a line
  ending in a mark, with option text before its first mark, has each mark close the option before
  it (back to the previous mark or the label's colon); an unchecked option is removed, a checked
  one keeps its words.
* **Marks in brackets or as symbols** (`( ) Kubernetes (•) Docker Compose`, `(x) GCP`, `❌ Helm
  ✅ Compose`): with two or more on one line they are boxes, checked or not, and read as such.
* **Separated options, some marked** (`GitHub.com ✓ · GitLab · AWS CodeCommit ✓ · Other: ____`, a
  band `< 500 · 500–2,000 ✓ · > 2,000`): a line of three or more short options split by one kind of
  separator, some carrying a tick before or after their words and the rest none, keeps the ticked
  ones. One mark opening or closing the whole line is the line's own state (a checklist's `☑`), a
  mark inside an option's words is no option's, and slashes between digits are a date's or a
  fraction's (`04/09/2026 ✔`), never options.
* **The one emphasised option** (`Hosting: AWS | **GCP** | Azure`, an option on a highlight): a
  line whose value is options split by `/`, `|`, `·` or commas, exactly one of them wholly bold or
  highlighted and the others plain, keeps that one only.
* **A label's list of options** (`Hosting provider:` then `☐ AWS`, `☒ Azure`, `☐ GCP`, or list
  items of which one carries a tick): a run of two or more short items (a few words, no label of
  their own; each boxed, or all items of one list level) right after a label line (a colon at its
  end, or a few words with no sentence's end), at least one marked as chosen, keeps the chosen ones.
  An option's length is its name's: details after a dash (`✓ Machine image — Sourcegraph AMI
  (launched from the Marketplace listing)`) or in brackets do not make it a sentence.
* **A table cell of boxed options** (a `Question | Answer` row whose answer cell is `[ ] AWS`,
  `[x] Google Cloud`, `[ ] Azure`, one a line): a cell holding nothing but two or more lines each
  opening with a box, some ticked and some not, is the answer to its row's question; the unticked
  lines are dropped and the ticked ones kept without their box. (The question is in another cell,
  so no label heads the run; a tab's body of only boxed lines is a checklist and is left alone.)

* **Options with none marked** (`Cloud: AWS / GCP / Azure`, `Helm | Kustomize`): a line whose
  value is only names of two or more different values of one vocabulary of a single value (the
  deployment type, the cloud), split by `/`, `|` or `or`, lists the options and chooses none: its
  value is removed (the first listed is not the one taken). Names of one value (`AWS / EKS`) are
  one value; code hosts, of which a deployment has several, are not options.

Only structure decides: marks, their place, emphasis, separators, item length, and for options
with none marked, that each is a name of the field. Any other line where no option is marked is
left as it is (`forms.py` and the rest of the reader decide).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from handoff.core.quickre import opened
from handoff.read.doctext import as_dict, as_list, as_str, tab_holders
from handoff.read.forms import _copy, _cut, _Para, _paragraphs, _runs, _text
from handoff.read.optionsplit import option_splits, option_words
from handoff.read.quicktext import quick_texts
from handoff.read.vocab import Vocab

_CHECKED = "☑☒✓✔✅◉●⦿"
_UNCHECKED = "☐□○◯⬜❌✗✘"
# a mark: a box, a bracketed tick (`[x]`, `(•)`), an empty bracket pair (`[ ]`, `( )`)
_MARK = re.compile(r"\[[ xX✓✔]\]|\((?: |[xX•*✓✔])\)|[" + _CHECKED + _UNCHECKED + "]")
_ANY_MARK = re.compile(r"[" + _CHECKED + _UNCHECKED + r"]|\[[ xX✓✔]\]|\((?: |[xX•*✓✔])\)")


def _any_mark(text: str) -> bool:
    """`_ANY_MARK.search(text)`: an ASCII text holds none of the marks' signs, only brackets."""
    if text.isascii() and "[" not in text and "(" not in text:
        return False
    return _ANY_MARK.search(text) is not None


_SEPARATOR = opened(re.compile(r"\s*(?:[/|·•]|,|\bor\b)\s*"))
_LABEL_END = re.compile(r"[:：]\s*")
_QUESTION_END = re.compile(r"\?\s+(?=\S)")  # a question before its options ("Needed? Yes · No")
_SENTENCE_ON = re.compile(r"(?<!\d)[.!?;]\s+\S")
_SHORT_OPTION = 5  # words in an option of a label's list
_EMPHASIS = re.compile(r"[/|·]|,")
_OPTIONS_LINE = 160  # characters of a line of options
_ALTERNATIVE = opened(re.compile(r"\s*[/|]\s*|\s+or\s+"))


def _checked(mark: str) -> bool:
    return mark in _CHECKED or (len(mark) == 3 and mark[1] not in " ")


def chosen_options(
    doc: Any, texts: list[tuple[dict[str, Any], str]] | None = None, vocabs: Sequence[Vocab] = ()
) -> Any:
    """`doc` with every marked choice reduced to its chosen option; the input itself when no line
    could be one (the common case: nothing is copied). `texts`: the document's paragraphs and texts
    when the caller has them (`quicktext`)."""
    if not isinstance(doc, dict):
        return doc
    paragraphs = list(quick_texts(doc)) if texts is None else texts
    if not any(
        _any_mark(t) or (_options_line(t) and (_mixed(p) or _alternatives(t, vocabs))) for p, t in paragraphs
    ):
        return doc
    doc = _copy(doc)
    paras = list(_paragraphs(doc))
    for p in paras:
        _trailing_marks(p) or _bracket_marks(p) or _separated_marks(p) or _emphasised_option(p) or _unmarked(
            p, vocabs
        )
    _label_lists(paras)
    _cell_runs(doc, paras)
    return doc


def _options_line(text: str) -> bool:
    """A line that may be options split by separators: short, two or more short parts after its label."""
    if (
        len(text) > _OPTIONS_LINE
        or not ("," in text or "/" in text or "|" in text or "·" in text or " or " in text)  # (`_EMPHASIS`)
        or "://" in text
    ):
        return False
    colon = _LABEL_END.search(text)
    parts = [p for p in _SEPARATOR.split(text[colon.end() if colon else 0 :].strip()) if p.strip()]
    return len(parts) >= 2 and all(len(p.split()) <= _SHORT_OPTION for p in parts)


def _mixed(p: dict[str, Any]) -> bool:
    runs = [(t, e) for t, e in _runs(p) if t.strip()]
    return len(runs) >= 2 and any(e for _, e in runs) and not all(e for _, e in runs)


def _raw(p: _Para) -> str:
    return "".join(t for t, _ in _runs(p.paragraph))


def _option_start(raw: str, first_mark: int) -> int:
    """Where the options begin: after the label's colon before the first mark, else the line's start."""
    colon = None
    for m in _LABEL_END.finditer(raw, 0, first_mark):
        colon = m
    return colon.end() if colon else len(raw) - len(raw.lstrip())


def _trailing_marks(p: _Para) -> bool:
    """Marks after their options: each unchecked mark's option removed, every mark removed."""
    raw = _raw(p)
    marks = list(_MARK.finditer(raw))
    if len(marks) < 2 or raw[marks[-1].end() :].strip(" \n.;,"):
        return False
    start = _option_start(raw, marks[0].start())
    if not raw[start : marks[0].start()].strip(" /|·,"):
        return False  # marks open the options (forms.py reads those)
    if any(_SENTENCE_ON.search(raw[a.end() : b.start()]) for a, b in pairwise(marks)):
        return False  # a checklist's sentences, each closed by its state
    if not any(_checked(m.group(0)) for m in marks):
        return False
    spans, begin = [], start
    for m in marks:
        spans.append((begin, m.end()) if not _checked(m.group(0)) else (m.start(), m.end()))
        begin = m.end()
    _cut(p.paragraph, spans)
    p.text = _text(p.paragraph)
    return True


def _bracket_marks(p: _Para) -> bool:
    """Marks before their options written in brackets or as symbols forms.py does not know as boxes."""
    raw = _raw(p)
    marks = list(_MARK.finditer(raw))
    odd = [m for m in marks if (len(m.group(0)) == 3 and m.group(0)[0] == "(") or m.group(0) in "❌✗✘"]
    if len(marks) < 2 or not odd or not any(_checked(m.group(0)) for m in marks):
        return False
    if any(_SENTENCE_ON.search(raw[a.end() : b.start()]) for a, b in pairwise(marks)):
        return False
    spans = []
    for m, nxt in zip(marks, [*marks[1:], None], strict=True):
        if _checked(m.group(0)):
            spans.append((m.start(), m.end()))
        else:
            spans.append((m.start(), nxt.start() if nxt is not None else len(raw.rstrip("\n"))))
    _cut(p.paragraph, spans)
    p.text = _text(p.paragraph)
    return True


_DIGIT_SLASH = re.compile(r"\d\s*/\s*\d")  # a date or a fraction, not options


def _ticked_parts(
    text: str, parts: list[tuple[int, int]], marks: list[re.Match[str]]
) -> list[tuple[int, int]] | None:
    """The ticked options' words among `parts`, and the separator before each but the first; None
    when a part is no short option or holds a mark inside its words."""
    keep: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(parts):
        inside = [m for m in marks if a <= m.start() < b]
        if (
            len(inside) > 1
            or _SENTENCE_ON.search(text, a, b)
            or option_words(_MARK.sub(" ", text[a:b])) > _SHORT_OPTION
        ):
            return None
        if not inside:
            continue
        m = inside[0]
        if m.start() != a and m.end() != b:
            return None  # a mark inside an option's words: not a mark of options
        if _checked(m.group(0)):
            if keep:
                keep.append((parts[k - 1][1], a))
            keep.append((m.end(), b) if m.start() == a else (a, m.start()))
    return keep


def _separated_marks(p: _Para) -> bool:
    """Options split by separators, some marked as chosen (before or after their words) and the
    rest plain: only the marked ones kept, without their marks."""
    raw = _raw(p)
    if not ("·" in raw or "|" in raw or "/" in raw or "," in raw or "•" in raw):
        return False
    marks = list(_MARK.finditer(raw))
    if not marks or not any(_checked(m.group(0)) for m in marks) or _DIGIT_SLASH.search(raw):
        return False
    text = raw.rstrip("\n").rstrip()
    start = _option_start(text, marks[0].start())
    parts = next(option_splits(text[start:], start), None)
    if parts is None or len(parts) < 3:
        return False
    if len(marks) == 1 and (marks[0].start() == parts[0][0] or marks[0].end() == parts[-1][1]):
        return False  # one mark opening or closing the line: the state of the whole line (a checklist's)
    keep = _ticked_parts(text, parts, marks)
    if keep is None:
        return False
    chosen = (len(keep) + 1) // 2
    if not chosen or chosen == len(parts):
        return False
    spans, pos = [], start
    for a, b in keep:
        if a > pos:
            spans.append((pos, a))
        pos = max(pos, b)
    spans.append((pos, len(raw.rstrip("\n"))))
    _cut(p.paragraph, [(a, b) for a, b in spans if b > a])
    p.text = _text(p.paragraph)
    return True


def _emphasised_option(p: _Para) -> bool:
    """Of options split by separators, the one wholly emphasised among plain ones kept."""
    runs = _runs(p.paragraph)
    if not _mixed(p.paragraph):
        return False
    raw = "".join(t for t, _ in runs)
    flags = [e for t, e in runs for _ in t]
    colon = _QUESTION_END.search(raw) or _LABEL_END.search(raw)
    start = colon.end() if colon else 0
    if not _EMPHASIS.search(raw, start):
        return False
    body = raw[start:].rstrip("\n").rstrip()
    for parts in option_splits(body, start):
        if any(option_words(raw[a:b]) > _SHORT_OPTION for a, b in parts):
            continue
        chosen = [(a, b) for a, b in parts if all(flags[k] for k in range(a, b) if not raw[k].isspace())]
        plain = [(a, b) for a, b in parts if not any(flags[k] for k in range(a, b) if not raw[k].isspace())]
        if len(chosen) == 1 and len(plain) == len(parts) - 1:
            break
    else:
        return False
    a, b = chosen[0]
    _cut(p.paragraph, [(start, a), (b, len(body) + start)])
    p.text = _text(p.paragraph)
    return True


def _alternatives(text: str, vocabs: Sequence[Vocab]) -> tuple[int, int] | None:
    """Where a line's options are (start, end) when they are names of two or more values of one
    vocabulary, split by `/`, `|` or `or`, and nothing else."""
    colon = _LABEL_END.search(text)
    start = colon.end() if colon else 0
    body = text[start:].rstrip()
    parts = [part.strip() for part in _ALTERNATIVE.split(body)]
    if len(parts) < 2 or not all(parts):
        return None
    for vocab in vocabs:
        values = set()
        for part in parts:
            found = vocab.find(part)
            if len(found) != 1 or found[0].start > 0 or found[0].end < len(part):
                break
            values.add(found[0].value)
        else:
            if len(values) >= 2:
                return start + len(body) - len(body.lstrip()), start + len(body)
    return None


def _unmarked(p: _Para, vocabs: Sequence[Vocab]) -> bool:
    """Options of one field with none marked: the options removed, the label left."""
    if not vocabs or _mixed(p.paragraph):
        return False
    raw = _raw(p)
    where = _alternatives(raw.rstrip("\n"), vocabs)
    if where is None:
        return False
    _cut(p.paragraph, [where])
    p.text = _text(p.paragraph)
    return True


def _label_lists(paras: list[_Para]) -> None:
    """A label line, then short items some of which are marked as chosen: the rest dropped."""
    drop: set[int] = set()
    for i, head in enumerate(paras):
        if not _label_line(head):
            continue
        items = _items(head, paras[i + 1 :])
        marks = [_MARK.search(q.text) for q in items]
        chosen = [q for q, m in zip(items, marks, strict=True) if m and _checked(m.group(0))]
        if len(items) < 2 or not chosen or len(chosen) == len(items):
            continue
        for q in items:
            mark = _MARK.search(_raw(q))
            if q not in chosen:
                drop.add(id(q.paragraph))
            elif mark:
                _cut(q.paragraph, [(mark.start(), mark.end())])
                q.text = _text(q.paragraph)
    if drop:
        for content in {id(p.content): p.content for p in paras}.values():
            content[:] = [se for se in content if id(se.get("paragraph")) not in drop]


_LEAD_BOX = re.compile(
    r"^\s*(?:[\[(]([ xX•*✓✔])[\])]|([" + _CHECKED + _UNCHECKED.replace("❌✗✘", "") + r"]))"
)


def _lead_state(text: str) -> bool | None:
    """Whether a line opens with a ticked box (True), an empty one (False), or no box (None)."""
    m = _LEAD_BOX.match(text)
    if m is None:
        return None
    return m.group(1).strip() != "" if m.group(1) is not None else m.group(2) in _CHECKED


def _cell_runs(doc: dict[str, Any], paras: list[_Para]) -> None:
    """A table cell of nothing but boxed lines, ticked and not: only the ticked lines kept."""
    bodies = {id(as_list(as_dict(h.get("body")).get("content"))) for h in tab_holders(doc)}
    cells: dict[int, list[_Para]] = {}
    for p in paras:
        if id(p.content) not in bodies:
            cells.setdefault(id(p.content), []).append(p)
    for run in cells.values():
        lines = [q for q in run if q.text.strip()]
        if len(lines) < 2 or any("paragraph" not in as_dict(se) for se in run[0].content):
            continue
        states = [_lead_state(q.text) for q in lines]
        if None in states or all(states) or not any(states):
            continue
        drop = {id(q.paragraph) for q, on in zip(lines, states, strict=True) if not on}
        for q, on in zip(lines, states, strict=True):
            if on:
                mark = _LEAD_BOX.match(_raw(q))
                if mark:
                    _cut(q.paragraph, [(mark.start(), mark.end())])
                    q.text = _text(q.paragraph)
        run[0].content[:] = [se for se in run[0].content if id(as_dict(se).get("paragraph")) not in drop]


def _label_line(p: _Para) -> bool:
    """A line that names what follows: it ends in a colon, or is a few words with no sentence's end."""
    text = p.text.rstrip()
    if text.endswith((":", "：")):
        return True
    return bool(text) and len(text.split()) <= 4 and not _MARK.search(text) and text[-1].isalnum()


_GLOSS = re.compile(r"\s[—–-]\s")  # an option's name, then its details after a dash


def _items(head: _Para, after: list[_Para]) -> list[_Para]:
    """The short items right after `head` in its content list, each with at most one mark."""
    items: list[_Para] = []
    for q in after:
        if q.content is not head.content or q.index != head.index + 1 + len(items):
            break
        words = option_words(_GLOSS.split(_MARK.sub(" ", q.text), maxsplit=1)[0])
        if not words or ":" in q.text or words > _SHORT_OPTION or len(_MARK.findall(q.text)) > 1:
            break
        if as_str(as_dict(q.paragraph.get("paragraphStyle")).get("namedStyleType")).startswith("HEADING"):
            break
        items.append(q)
    if head.level is not None and any(q.level is None or q.level <= head.level for q in items):
        return []  # (a sibling item is an option itself, not the label over the options)
    if all(_MARK.search(q.text) for q in items):
        return items
    listed = [q for q in items if q.level is not None and q.level == items[0].level]
    return items if len(listed) == len(items) else []


__all__ = ["chosen_options"]
