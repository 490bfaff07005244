"""A line of TDD text read as a label and its value (`Label: value`, `key = value`, `label ≈ figure`,
`label → value`), when the label looks like one; the labelled lines and cells of a text.
"""

from __future__ import annotations

import re

from handoff.read.codecomment import code_value
from handoff.read.doctext import Text
from handoff.read.labelwords import appositive_head, label_words, outside_brackets, without_qualifier
from handoff.read.lasttext import last_text

_LABEL = re.compile(r"^([^:：]{1,100}?)\s*[:：](?:\s+|$)(.*)$", re.DOTALL)
_ABOUT = re.compile(r"^([^≈=:：]{1,60}?)\s*≈\s*(~?\d.*)$")  # `label ≈ figure`
# `label → value`: notes typed fast use an arrow for the colon ("nodes → 3x r6i.4xlarge", "prod complete →
# 04/09/2026"); the label is a few words with no figure (`4 → 6 nodes` is a correction, read/edits.py); a
# checklist or handover sheet asks a question or names an item in a few more ("Concurrent users to size
# for → 60", "How was it deployed for production? => Helm"): a question ending its label, or up to six words
_ARROW = re.compile(r"^([^→:：\d]{1,60}?)\s*(?:→|->|=>|⇒)\s+(\S.*)$", re.DOTALL)
_ARROW_LABEL_WORDS = 6
_ASSIGN = re.compile(r"^([A-Za-z_][A-Za-z0-9_.\-]{0,60})\s*=\s*(\S.*)$")
_TICK = re.compile(r"^[\s☐☑☒✓✔✅❎❌✗✘]+")
_MAX_LABEL_WORDS = 8


def _labelled_cells(row: list[Text]) -> bool:
    """A row whose every filled cell holds its own `Label: value` (a bilingual or side-by-side row)."""
    filled = [c.text.strip() for c in row if c.text.strip()]
    return len(filled) >= 2 and all(_pair(t) and "\n" not in t for t in filled)


def _labelled_lines(text: str) -> list[tuple[int, int]]:
    """The spans of a text's lines that are each a `Label: value` pair."""
    spans, at = [], 0
    for line in text.split("\n"):
        if _pair(line.strip()) is not None:
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


@last_text  # (a line's part asked again by the next reading of the same line)
def _pair(part: str) -> tuple[str, str] | None:
    """(label, value) of `Label: value`, or of an assignment `key_name = "value"` (a Terraform,
    INI or env-file line: the key's words split at `_`, `.`, `-` and camelCase); None for prose."""
    part = _TICK.sub("", part)  # "☑ Monorepos: 2": a tick opening the line is no part of the label
    # (each pattern only where its sign is: a match holds it, and a line of prose has none)
    m = _LABEL.match(part) if ":" in part or "：" in part else None
    if m and _looks_like_label(m.group(1)):
        return m.group(1).strip(), m.group(2).strip()
    arrow = _ARROW.match(part) if "→" in part or "->" in part or "=>" in part or "⇒" in part else None
    if arrow and _looks_like_label(arrow.group(1)) and _arrow_label(arrow.group(1)):
        return arrow.group(1).strip(), arrow.group(2).strip()
    a = _ASSIGN.match(part) if "=" in part else None
    if a is None:
        e = _ABOUT.match(part) if "≈" in part else None  # "total git ≈ 0.7 TB": "total git: about 0.7 TB"
        return (e.group(1).strip(), e.group(2).strip()) if e and _looks_like_label(e.group(1)) else None
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", re.sub(r"[_.\-]+", " ", a.group(1))).strip()
    return words, code_value(a.group(2)).strip().rstrip(",;").strip().strip("\"'")


def _arrow_label(label: str) -> bool:
    """Whether the words before an arrow are short enough for a label: a few words, or a question."""
    return len(label.split()) <= _ARROW_LABEL_WORDS or label.rstrip().endswith("?")


def _looks_like_label(label: str) -> bool:
    label = label.strip()
    return (
        bool(label)
        and label[0].isalnum()
        # an aside in brackets is no word of it, nor a closing "after the first full clone", nor one
        # after a comma ("Total disk, everything Sourcegraph uses including …": `appositive_head`)
        and (
            label_words(outside_brackets(without_qualifier(label))) <= _MAX_LABEL_WORDS
            or ("," in label and appositive_head(label) is not None)
        )
        and "http" not in label.lower()
        and not label.replace(" ", "").isdigit()
    )
