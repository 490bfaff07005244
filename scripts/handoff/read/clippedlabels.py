"""A label table whose labels are clipped words (`dpl`, `hst`, `dsk`, `ch`, `rep`, `lg`, `beg`, `fin`,
`lim.u`): each label written out as the word it clips, before the tables are read.

A quick build sheet may hold one table of `fld | v | nb` rows whose labels the writer clipped to a few
letters. A careful reader reads `dsk` as disk because its letters are the word's, in order, from its
first letter (`d…s…k`), and because no other word a label of a TDD may be fits them as well: `dpl`
is deployment, `rep` repositories, `lg` largest, `sz` size, `beg` begin, `fin` finish, `ch` the code
hosts (the initials of two words), `lim.cc` the concurrent users' limit (`lim.` opening a limit's
short names: `u`, `cc`, `r`).

So, once per document, for each table of four rows or more whose first column (below its first row) is
made of short clipped words (a word or two of up to six letters, or dotted short words), most of them:

- a clipped word is written out when its letters appear in order in exactly one group of a small
  vocabulary of label words (the fields' words and, so that a word of something else makes it
  ambiguous, the words labels of other things use: status, version, region, owner, network …),
  the first letters alike; a clip that is no prefix keeps a consonant after its first letter (`ie`
  is no clip of instance); a word the reader already reads as a label (`vm`, `url`, `cpu/mem`), an
  environment's name (`stg`, `prd`, `poc`, `dr`) and a clip fitting two groups stay as written;
- only a table where three labels or more are written out so is touched, and then its first row, when
  each of its cells is a clip of a generic header word (`fld | v | nb`: field, value, notes), is
  written out too, so the table reads as the label table it is.

The written-out texts replace the cells' paragraphs' texts in the document's `Texts` (the document
itself is not changed), as `read.abbrev` does for a key's terms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from handoff.read.doctext import Text, Texts, as_dict, as_list, iter_tabs
from handoff.read.labelwords import label_meaning

# (words a label may clip, what it is written out as); a clip fitting words of two entries is left alone
_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("deployment", "deploy"), "deployment"),
    (("hosting", "host"), "hosting"),
    (("provider",), "provider"),
    (("cloud",), "cloud"),
    (("platform",), "platform"),
    (("machines",), "machines"),
    (("nodes",), "nodes"),
    (("instances",), "instances"),
    (("servers",), "servers"),
    (("cores",), "cores"),
    (("memory",), "memory"),
    (("disk",), "disk"),
    (("storage",), "storage"),
    (("volumes",), "volumes"),
    (("repositories", "repos"), "repos"),
    (("monorepos",), "monorepos"),
    (("largest",), "largest repo"),
    (("size",), "size"),
    (("users",), "users"),
    (("concurrent",), "concurrent users"),
    (("start",), "start"),
    (("begin",), "begin"),
    (("finish",), "finish"),
    (("completed",), "completed"),
    (("done",), "done"),
    (("limit", "limits"), "limit"),
    (("maximum",), "max"),
    # words of other things a label may clip: a clip fitting one of them too is ambiguous
    *(((w,), "") for w in (
        "status", "version", "region", "zone", "owner", "network", "backup", "date", "type", "team",
        "contact", "customer", "account", "licence", "license", "ticket", "project", "namespace",
        "notes", "comment", "source", "total", "count", "number", "name", "cluster", "database",
        "image", "domain", "proxy", "certificate", "monitoring", "secret", "access",
        "environment", "production", "staging", "test", "development", "release", "upgrade",
    )),
)  # fmt: skip
_INITIALS: tuple[tuple[str, str], ...] = (("ch", "code hosts"),)  # two words' initials
# a limit's short names after `lim.` / `max.`: one letter or two of the limits' own words
_LIMIT_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("users",), "users"),
    (("concurrent",), "concurrent users"),
    (("repositories", "repos"), "repos"),
)
_GENERIC: tuple[tuple[tuple[str, ...], str], ...] = (
    (("field", "fields"), "field"),
    (("value", "values"), "value"),
    (("notes", "comments"), "notes"),
    (("description", "details"), "details"),
    (("parameter",), "parameter"),
    (("item",), "item"),
)
_NOTE_MARKS = frozenset({"nb", "n.b.", "n.b"})  # nota bene: a note
_VOWELS = frozenset("aeiouy")
_WORD = re.compile(r"[a-z]{1,6}")
_CELL = re.compile(r"[a-z]{1,6}(?:[./_][a-z]{1,6}){0,2}")
_MIN_WRITTEN = 3


def _fits(clip: str, word: str) -> bool:
    """Whether `clip` clips `word`: its letters in order in the word, the first letters alike; a clip
    that is no prefix of the word keeps a consonant after its first letter."""
    if len(clip) >= len(word) or clip[0] != word[0]:
        return False
    if not word.startswith(clip) and not any(c not in _VOWELS for c in clip[1:]):
        return False
    at = 0
    for c in clip:
        at = word.find(c, at) + 1
        if not at:
            return False
    return True


def clips_name(text: str, name: str) -> bool:
    """Whether `text` is one short lower-case word clipping `name` (`gh` GitHub.com, `bb` Bitbucket,
    `ado` Azure DevOps): its letters in order in the name's, the first alike (module doc's `_fits`)."""
    clip = text.strip()
    letters = "".join(c for c in name.casefold() if c.isalpha())
    return 2 <= len(clip) <= 4 and clip.isalpha() and clip.islower() and _fits(clip, letters)


def _written(clip: str, vocabulary: tuple[tuple[tuple[str, ...], str], ...], least: int = 2) -> str:
    """The word `clip` clips in `vocabulary`, written out, when it fits one entry only (a prefix of a
    word before any other clip: `mono` is monorepos, not monitoring); else ""."""
    if len(clip) < least:
        return ""
    found = {out for words, out in vocabulary if any(w.startswith(clip) for w in words)}  # `mono`, `rep`
    if not found:
        found = {out for words, out in vocabulary if any(_fits(clip, w) for w in words)}
    if len(found) != 1:
        return ""
    return found.pop()


def written_out(label: str, named: Callable[[str], str]) -> str:
    """A clipped label written out (`dsk` → disk, `lim.cc` → limit concurrent users), or "" when it is
    no clip (a word read as it is, an environment's name, a clip of two words)."""
    text = label.strip().casefold()
    if not _CELL.fullmatch(text) or label_meaning(text) or named(text):
        return ""
    parts = re.split(r"[./_]", text)
    if len(parts) == 1:
        if text in (i for i, _ in _INITIALS):
            return dict(_INITIALS)[text]
        return _written(text, _WORDS)
    if parts[0] not in ("max", "lim"):  # (`mem_limit`, `cpu.shares`: a setting's key, no clipped label)
        return ""
    head = "limit"
    rest = [_written(p, _LIMIT_WORDS, least=1) for p in parts[1:]]
    if not all(rest):
        return ""
    return " ".join([head, *rest])


def _header(cells: list[str]) -> list[str] | None:
    """A first row of clipped generic header words (`fld | v | nb`) written out, else None."""
    out = []
    for cell in cells:
        text = cell.strip().casefold()
        if text in _NOTE_MARKS:
            out.append("notes")
            continue
        if not _WORD.fullmatch(text):
            return None
        word = _written(text, _GENERIC, least=1)
        if not word:
            return None
        out.append(word)
    return out


def _tables(content: list[Any]) -> Iterator[list[list[list[dict[str, Any]]]]]:
    """Every table of `content` (nested ones too): its rows, each cell's paragraphs."""
    for se in content:
        se = as_dict(se)
        if "table" not in se:
            continue
        rows = []
        for row in as_list(as_dict(se["table"]).get("tableRows")):
            cells = [
                as_list(as_dict(cell).get("content")) for cell in as_list(as_dict(row).get("tableCells"))
            ]
            rows.append(
                [[as_dict(x["paragraph"]) for x in map(as_dict, c) if "paragraph" in x] for c in cells]
            )
            for inner in cells:
                yield from _tables(inner)
        yield rows


def expand(doc: dict[str, Any], texts: Texts, named: Callable[[str], str]) -> bool:
    """Write out, in `texts`, the clipped labels of `doc`'s label tables (module doc); whether any
    cell changed."""
    tabs = as_list(doc.get("tabs"))
    holders = [as_dict(as_dict(t).get("documentTab")) for _, t in iter_tabs(tabs, ())] if tabs else [doc]
    changed = False
    for holder in holders:
        for rows in _tables(as_list(as_dict(holder.get("body")).get("content"))):
            if len(rows) >= 5 and min(len(r) for r in rows) >= 2:
                changed = _table(rows, texts, named) or changed
    return changed


def _table(rows: list[list[list[dict[str, Any]]]], texts: Texts, named: Callable[[str], str]) -> bool:
    firsts = [r[0] for r in rows[1:]]
    if any(len(c) != 1 for c in firsts):
        return False
    labels = [texts.paragraph(c[0]).text for c in firsts]
    short = sum(1 for t in labels if _CELL.fullmatch(t.strip().casefold()))
    if short * 2 < len(labels):  # a column of clipped words, most of it
        return False
    out = [(c[0], written_out(t, named)) for c, t in zip(firsts, labels, strict=True)]
    found = [(p, w) for p, w in out if w]
    if len(found) < _MIN_WRITTEN:
        return False
    for p, w in found:
        old = texts.paragraph(p)
        texts.replace(p, Text(w, [], old.bold, []))
    head = rows[0]
    if all(len(c) == 1 for c in head):
        said = _header([texts.paragraph(c[0]).text for c in head])
        if said is not None:
            for c, w in zip(head, said, strict=True):
                old = texts.paragraph(c[0])
                texts.replace(c[0], Text(w, [], old.bold, []))
    return True


__all__ = ["clips_name", "expand", "written_out"]
