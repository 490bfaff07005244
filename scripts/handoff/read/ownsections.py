"""Sections, tabs about several systems side by side, Sourcegraph one of them: only its own is read.

A platform report, a tools handbook or a review gives each system a section of its own under
headings of one level (`Jenkins`, `Sourcegraph`, `Artifactory`), or a tab each, and writes the
same kinds of facts in each: machines, sizes, an address, users, a go-live date. A human reads the
section under Sourcegraph's heading and gives every other section's figures to the system its
heading names.

This pass, before the walk, finds such a run of sections by its headings and its contents:

* the sibling headings (the same level, under the same parent heading; a short paragraph all in
  bold stands as a heading below every level) or sibling tabs, exactly one
  naming Sourcegraph itself (`Sourcegraph`, `Sourcegraph (code search)`, `Sourcegraph — production`:
  the `services` module's test, on the heading's subject before a dash, colon or bracket);
* at least two others naming another system (a name of its own: not an environment, a field's
  label, a role or a component, by the `services` module's kinds; a component name such as
  Grafana counts among enough named systems);
* each of those sections PARALLEL to Sourcegraph's: it holds at least two of the kinds of value
  Sourcegraph's holds (an address, a machine type with its count, a size, a CPU count, a date),
  so a heading such as `Architecture` or `Timeline` beside the Sourcegraph section is never one.

The other systems' sections (their headings and everything up to the next heading of their level
or above, but a paragraph whose subject is Sourcegraph itself) and tabs are removed; the rest is
left as it is. A run with no section naming Sourcegraph itself, with two, or with fewer than two
parallel other systems is left as it is.

The same holds for the paragraphs of one part (between headings), each opening with its subject
before its verb (`Jenkins runs on …`, `Artifactory has …`): beside one or more opening with
Sourcegraph itself, two or more parallel paragraphs about other systems are removed (a paragraph
opening with a pronoun, `It is deployed with …`, goes with the one before; a paragraph mixing
systems is the `othersubject` module's, clause by clause). The input is not changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from handoff.core.fields import Catalogue
from handoff.read.doctext import MAX_DEPTH, as_dict, as_list, as_str
from handoff.read.envwords import Environments
from handoff.read.forms import _copy, _text
from handoff.read.othersubject import _OPENERS
from handoff.read.services import _kind, itself, peers
from handoff.read.valuekinds import SHARED, parallel, value_kinds

_HEADING = re.compile(r"HEADING_([1-6])")
_SUBJECT = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?(?:\s*[–—:|·])?\s+)?"
    # a record's id before its name (`APP0011877 · Sourcegraph`, `SYS-0157 — GitLab`): not the subject
    r"(?:[A-Za-z]{0,8}[-_]?\d{2,}[\w-]*\s*(?:[·:|–—]|\s-\s)\s*)?"
    r"(.{1,60}?)\s*(?:[–—:|·]|\s-\s|\(|$)"
)
# a paragraph opening with its subject: up to four capitalised words, then a word in lower case (its
# verb, in whatever language: "Jenkins runs on …", "Nexus hat 2.300 Nutzer …")
_OPENING = re.compile(r"^\W*(?P<subject>[A-Z][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,3})\s+[a-zß-ÿ]")
_OPENING_LINE = re.compile(  # (the same, on the lines of a joined text)
    r"^[^\w\n]*(?P<subject>[A-Z][\w.&'’-]*(?:[^\S\n]+[A-Z0-9][\w.&'’-]*){0,3})[^\S\n]+[a-zß-ÿ]", re.MULTILINE
)
_BOLD_WORDS = 6  # a bold paragraph of at most this many words may stand as a heading
_MIN_OTHERS = 2  # other systems' parallel sections a run needs


def own_sections(doc: Any, catalogue: Catalogue, texts: list[tuple[dict[str, Any], str]]) -> Any:
    """`doc` with other systems' sections and tabs beside Sourcegraph's removed; the input itself
    when there are none (nothing is copied). `texts`: the document's paragraphs and texts."""
    if not isinstance(doc, dict):
        return doc
    heads = any(_names_sourcegraph(t) and _level(p) for p, t in texts if "ourcegraph" in t)
    tabs = any(_names_sourcegraph(_tab_title(t)) for t in _all_tabs(as_list(doc.get("tabs")), 0))
    own = [
        t for _, t in texts if "ourcegraph" in t and (m := _OPENING.match(t)) and itself(m.group("subject"))
    ]
    shown = value_kinds(" ".join(own)) if own else set()
    opens = len(shown) >= SHARED and _other_openings(
        "".join(t for _, t in texts if "ourcegraph" not in t), shown
    )
    if not heads and not tabs and not opens:
        return doc
    plan = _Plan(catalogue)
    drops = [d for content in _contents(doc) for d in plan.sections(content)]
    tab_drops = plan.tabs(as_list(doc.get("tabs")), 0) if tabs else []
    if not drops and not tab_drops:
        return doc
    out = _copy(doc)
    dropped = {id(x) for x in tab_drops}
    if dropped:
        out["tabs"] = _without_tabs(as_list(doc.get("tabs")), as_list(out.get("tabs")), dropped, 0)
    for content in _contents(out):
        gone = {
            i for a, b in plan.sections(content) for i in range(a, b) if not _about_sourcegraph(content[i])
        }
        if gone:
            content[:] = [se for i, se in enumerate(content) if i not in gone]
    return out


class _Plan:
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._env: Environments | None = None

    def environment(self, text: str) -> str:
        """The environment `text` names (the environments' words built on first use: most runs of
        sections never get this far)."""
        if self._env is None:
            self._env = Environments(self.catalogue)
        return self._env.named(text)

    def sections(self, content: list[Any]) -> list[tuple[int, int]]:
        """(start, end) in `content` of each other system's section beside Sourcegraph's."""
        paras = [(i, as_dict(as_dict(se).get("paragraph"))) for i, se in enumerate(content)]
        heads = [(i, level, _text(p)) for i, p in paras if p and (level := _level(p))]
        out: list[tuple[int, int]] = []
        for k, (_, level, text) in enumerate(heads):
            if not _names_sourcegraph(text):
                continue
            group = [heads[k]]
            for step in (-1, 1):
                j = k + step
                while 0 <= j < len(heads) and heads[j][1] >= level:
                    if heads[j][1] == level:
                        group.append(heads[j])
                    j += step
            group.sort()
            bounds = {}
            for g in group:
                g_end = next((h[0] for h in heads if h[0] > g[0] and h[1] <= level), len(content))
                bounds[g[0]] = (g[0], g_end)
            texts = {g[0]: _section_text(content[g[0] + 1 : bounds[g[0]][1]]) for g in group}
            out += [bounds[i2] for i2 in self._others([(g[0], g[2], texts[g[0]]) for g in group])]
        return out + self.paragraphs(content)

    def paragraphs(self, content: list[Any]) -> list[tuple[int, int]]:
        """(i, i + 1) of each paragraph about another system beside one about Sourcegraph: the
        paragraphs of one part (between headings) each opening with its subject before a verb."""
        out: list[tuple[int, int]] = []
        run: list[tuple[int, str, str]] = []
        for i, se in enumerate(
            [*content, {"paragraph": {"paragraphStyle": {"namedStyleType": "HEADING_1"}}}]
        ):
            p = as_dict(as_dict(se).get("paragraph"))
            if not p or _level(p):
                out += [(k, k + 1) for k in self._others(run, many=True)]
                run = []
            elif "bullet" not in p:
                text = _text(p)
                m = _OPENING.match(text)
                if m and m.group("subject").split()[0].lower() in _OPENERS:
                    if run:  # ("It is deployed with …": the paragraph before's subject goes on)
                        run.append((i, run[-1][1], text))
                elif m:
                    run.append((i, m.group("subject"), text))
        return out

    def tabs(self, tabs: list[Any], depth: int) -> list[Any]:
        """The tabs (of `tabs` and their children) of other systems beside Sourcegraph's."""
        out: list[Any] = []
        entries = [(n, _tab_title(t), _section_text(_tab_body(t))) for n, t in enumerate(tabs)]
        out += [tabs[n] for n in self._others(entries)]
        if depth < MAX_DEPTH:
            for t in tabs:
                out += self.tabs(as_list(as_dict(t).get("childTabs")), depth + 1)
        return out

    def _others(self, entries: list[tuple[int, str, str]], many: bool = False) -> list[int]:
        """Of sibling (key, title, text) entries, the keys of other systems' parallel ones, when
        exactly one names Sourcegraph itself (`many`: one or more, paragraphs of one part)."""
        own = [e for e in entries if _names_sourcegraph(e[1])]
        if len(own) > 1 and not many:  # (`Sourcegraph` beside `Sourcegraph (Test)`: its copies are its own)
            main = [e for e in own if self.environment(e[1]) in ("", "production")]
            if len(main) != 1:  # (`Sourcegraph (Heron)`: a qualifier the document's own legend names)
                main = [e for e in own if "(" not in e[1] and not self.environment(e[1])]
            own = main if len(main) == 1 else own
            copies = {e[0] for e in entries if _names_sourcegraph(e[1])} - {e[0] for e in own}
            entries = [e for e in entries if e[0] not in copies]
        if not own or (len(own) > 1 and not many) or len(entries) < len(own) + _MIN_OTHERS:
            return []
        shapes = value_kinds("\n".join(e[2] for e in own))
        if len(shapes) < SHARED:
            return []
        kinds: dict[int, str] = {}
        for key, title, text in entries:
            if any(key == e[0] for e in own):
                continue
            subject = _subject(title)
            kind = _kind(subject, self.catalogue)
            if kind and parallel(text, shapes) and not self.environment(subject):
                kinds[key] = kind
        if not peers(list(kinds.values()), _MIN_OTHERS) and not (not many and _platform_run(kinds)):
            return []
        return list(kinds)


_PLATFORM_OTHERS = 3  # named systems beside Sourcegraph's section that make a generic sibling theirs


def _platform_run(kinds: dict[int, str]) -> bool:
    """Whether sibling sections beside Sourcegraph's are a platform's systems although one or two of
    them bear a generic title (`Observability`, `Identity`, `Storage`): at least `_PLATFORM_OTHERS`
    name a system of their own, fewer are generic, and every one holds the kinds of value
    Sourcegraph's does. Sourcegraph's own parts are written under its heading, not beside it; a
    generic title at its level among GitLab, the build farm and Nexus is the platform's service."""
    named = sum(1 for k in kinds.values() if k == "other")
    generic = sum(1 for k in kinds.values() if k == "part")
    return (
        named >= _PLATFORM_OTHERS
        and generic < named
        and set(kinds.values()) <= {"other", "part", "total", "product"}
    )


def _other_openings(joined: str, shown: set[str]) -> bool:
    """Whether at least `_MIN_OTHERS` lines of `joined` (texts one a line) open with a capitalised
    subject before its verb and hold two of the kinds of value `shown` (Sourcegraph's paragraphs'):
    a quick look, one scan of the text, at whether a run of paragraphs about other systems may be
    there."""
    found = 0
    for m in _OPENING_LINE.finditer(joined):
        if m.group("subject").split()[0].lower() in _OPENERS:
            continue
        end = joined.find("\n", m.end())
        if parallel(joined[m.start() : end if end >= 0 else len(joined)], shown):
            found += 1
            if found >= _MIN_OTHERS:
                return True
    return False


def _about_sourcegraph(se: Any) -> bool:
    """A paragraph whose subject is Sourcegraph itself (`Sourcegraph indexes …`): kept wherever it is."""
    text = _text(as_dict(as_dict(se).get("paragraph")))
    return "ourcegraph" in text and bool((m := _OPENING.match(text)) and itself(m.group("subject")))


def _level(p: dict[str, Any]) -> int:
    """A heading's level (1–6); a short paragraph all in bold standing as a heading: 7 (below any
    heading); 0 for any other paragraph."""
    m = _HEADING.fullmatch(_style(p))
    if m:
        return int(m.group(1))
    runs = [as_dict(e) for e in as_list(p.get("elements"))]
    texts = [
        (
            as_str(as_dict(r.get("textRun")).get("content")),
            as_dict(as_dict(r.get("textRun")).get("textStyle")),
        )
        for r in runs
    ]
    shown = [(t, st) for t, st in texts if t.strip()]
    if (
        "bullet" not in p
        and shown
        and all(st.get("bold") for _, st in shown)
        and len(_text(p).split()) <= _BOLD_WORDS
    ):
        return 7
    return 0


def _names_sourcegraph(title: str) -> bool:
    return "ourcegraph" in title and itself(_subject(title))


def _subject(title: str) -> str:
    m = _SUBJECT.match(title)
    return m.group(1).strip() if m else title.strip()


def _style(p: dict[str, Any]) -> str:
    return as_str(as_dict(p.get("paragraphStyle")).get("namedStyleType"))


def _section_text(content: list[Any]) -> str:
    return "\n".join(_texts_of(content, 0))


def _texts_of(content: list[Any], depth: int) -> Iterator[str]:
    for se in as_list(content):
        se = as_dict(se)
        if "paragraph" in se:
            yield _text(as_dict(se["paragraph"]))
        elif "table" in se and depth < MAX_DEPTH:
            for row in as_list(as_dict(se["table"]).get("tableRows")):
                for cell in as_list(as_dict(row).get("tableCells")):
                    yield from _texts_of(as_list(as_dict(cell).get("content")), depth + 1)


def _contents(doc: dict[str, Any]) -> Iterator[list[Any]]:
    """Each tab's body content list (the legacy body when there are no tabs), in a fixed order."""
    tabs = as_list(doc.get("tabs"))
    if not tabs:
        yield as_list(as_dict(doc.get("body")).get("content"))
        return
    for t in _all_tabs(tabs, 0):
        yield _tab_body(t)


def _all_tabs(tabs: list[Any], depth: int) -> Iterator[Any]:
    for t in tabs:
        yield t
        if depth < MAX_DEPTH:
            yield from _all_tabs(as_list(as_dict(t).get("childTabs")), depth + 1)


def _tab_title(t: Any) -> str:
    return as_str(as_dict(as_dict(t).get("tabProperties")).get("title"))


def _tab_body(t: Any) -> list[Any]:
    return as_list(as_dict(as_dict(as_dict(t).get("documentTab")).get("body")).get("content"))


def _without_tabs(old: list[Any], new: list[Any], dropped: set[int], depth: int) -> list[Any]:
    out = []
    for o, n in zip(old, new, strict=False):
        if id(o) in dropped:
            continue
        if depth < MAX_DEPTH and as_list(as_dict(o).get("childTabs")):
            n = {
                **n,
                "childTabs": _without_tabs(
                    as_list(o["childTabs"]), as_list(n.get("childTabs")), dropped, depth + 1
                ),
            }
        out.append(n)
    return out


__all__ = ["own_sections"]
