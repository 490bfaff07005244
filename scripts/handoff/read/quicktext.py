"""A document's paragraphs and their texts, read fast for a gate: every run joined as it is (struck-through
and suggested runs too), in tabs, child tabs and table cells. A gate on them may say yes too often,
never too rarely."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from handoff.read.doctext import MAX_DEPTH, as_dict, as_list, tab_contents


def paragraph_dicts(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every paragraph of the document (tabs, child tabs, table cells), in document order."""

    def walk(content: Any, depth: int) -> Iterator[dict[str, Any]]:
        # (`as_list` and `as_dict` written out: this walk reads every paragraph of the document)
        for se in content if isinstance(content, list) else ():
            if not isinstance(se, dict):
                continue
            if "paragraph" in se:
                paragraph = se["paragraph"]
                yield paragraph if isinstance(paragraph, dict) else {}
            elif "table" in se and depth < MAX_DEPTH:
                for row in as_list(as_dict(se["table"]).get("tableRows")):
                    for cell in as_list(as_dict(row).get("tableCells")):
                        yield from walk(as_dict(cell).get("content"), depth + 1)

    for content in tab_contents(doc):
        yield from walk(content, 0)


def quick_texts(doc: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str]]:
    """Every paragraph (tabs, child tabs, table cells) with its text, its runs joined as they are."""
    for p in paragraph_dicts(doc):
        parts = []
        for e in as_list(p.get("elements")):  # (each run's content: `as_dict` and `as_str` written out)
            run = e.get("textRun") if isinstance(e, dict) else None
            content = run.get("content") if isinstance(run, dict) else None
            if isinstance(content, str):
                parts.append(content)
        yield p, "".join(parts)


_last_joined: tuple[list[tuple[dict[str, Any], str]] | None, int, str] = (None, 0, "")


def joined(texts: list[tuple[dict[str, Any], str]]) -> str:
    """The texts of `quick_texts`' pairs, one a line: a whole-document quick no for a gate on every
    text (a literal piece no text holds is in none of them: `QuickPattern.possible(joined(texts))`
    False means no text can match; True, that one may: each is then asked). Joined once for the
    passes asking one after another of the same list."""
    global _last_joined
    last = _last_joined  # (one read of a tuple: safe when threads share it)
    if last[0] is texts and last[1] == len(texts):
        return last[2]
    text = "\n".join(t for _, t in texts)
    _last_joined = (texts, len(texts), text)
    return text


__all__ = ["joined", "paragraph_dicts", "quick_texts"]
