"""Text pasted from other tools, read as the structure it is (pure, one pass per tab body).

People paste markdown, configuration and diffs into a Google Doc, where each line becomes a plain
paragraph. Before the walk, `unpaste` rewrites such runs of plain paragraphs into the Docs
structure the reader already reads, deciding by shape only:

* a markdown pipe table (rows that open and close with `|`, with a `|---|` rule under the header
  or the same number of cells on every row) becomes a table;
* a command's table output ruled under its header (`az … -o table`: a header, a line of dashes under
  each column, a row per item) becomes a table;
* a fenced block (```` ``` ````) and a run of code lines (`key = value` assignments, YAML keys
  with a nested block, `#` comments, unified-diff lines) become one multi-line paragraph, as a
  `<pre>` block imports: indentation kept, YAML flow mappings (`{ limits: { memory: 48Gi } }`)
  written out as nested lines, and a YAML block whose indentation the paste lost indented again
  (a key with no value heads the keys after it);
* in a diff, a removed line (`-`) is a superseded value and is dropped; an added line (`+`) and a
  context line are the current text;
* in a document written in markdown (a pipe table, a fence or a `##` heading line), `#` lines are
  headings and `- ` / `* ` / `1. ` lines are list items nested by their indentation (`- [ ]` and
  `- [x]` become ☐ and ☑); inline markup (`**bold**`, `` `code` ``) is dropped.

Everything else is left as it was. Text runs keep their styles (links survive in table cells).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from handoff.core.quickre import opened, quick
from handoff.read.codescope import file_header, prompt_line
from handoff.read.doctext import as_dict, as_list, as_str
from handoff.read.stamps import as_entries

Run = tuple[str, dict[str, Any]]  # a piece of text and its textStyle

_FENCE = re.compile(r"^\s*(```+|~~~+)\s*([\w+-]*)\s*$")
_RULE_CELL = re.compile(r"^\s*:?-{2,}:?\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(\S.*?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)(?:[-*+•]|\d{1,2}[.)])\s+(\S.*)$")
_TASK = re.compile(r"^\[([ xX])\]\s+")
_KEY = r"[A-Za-z_][\w.\-/]*"
_ASSIGN = quick(rf"^\s*{_KEY}\s*=\s*(?!=)\S")  # `node_count = 4`, `SG_MEMORY_GIB=256`
_PARENT = re.compile(rf"^\s*{_KEY}\s*:\s*$")  # `gitserver:`
# a YAML key (lower case first, or with `_` / `.` in it: not a prose `Label:`) and a short scalar
_YAML_KEY = r"[a-z_][\w.\-/]*|[A-Za-z][\w\-/]*[_.][\w.\-/]*"
_YAML_PAIR = re.compile(rf"^(\s*)(?:-\s+)?({_YAML_KEY})\s*:\s+(\S+(?:\s+\S+){{0,3}})\s*$")
_YAML_ITEM = re.compile(r"^\s+-\s+\S")  # `  - name: x` inside a block
# an indented pair with a key in PascalCase (CloudFormation's `      InstanceType: m6i.8xlarge`): prose's
# `Label: value` is not indented
_PASCAL_PAIR = re.compile(r"^\s+(?:-\s+)?[A-Z][a-z]+(?:[A-Z][a-z0-9]*)*\s*:\s+\S+(?:\s+\S+){0,3}\s*$")
# HCL's `resource "a" "b" {` and `}`
# (and a program's object literal: `new aws.ec2.Instance("sg-prod", {`, `});`)
_BRACE = re.compile(
    r"^\s*(?:[\w\"'.\-]+\s+)*[\w\"'.\-]*\s*\{\s*$|^\s*\}[)\]]*[;,]?\s*$"
    r"|^\s*(?:(?:const|let|var|new)\s+)[^{}\n]*[(,=]\s*\{\s*$"
)
_COMMENT = re.compile(r"^\s*(?:#|//)")
_HUNK = re.compile(r"^@@ .* @@")
_DIFF_FILE = re.compile(r"^(?:\+\+\+|---)\s+\S")
_COLUMN = r"[A-Z][A-Z0-9_./-]*(?: [A-Z][A-Z0-9_./-]*)?"  # NAME, ACCESS MODES, INSTANCE-TYPE
LISTING_HEAD = re.compile(rf"^\s*{_COLUMN}(?:\s{{2,}}{_COLUMN}){{2,}}\s*$")  # a command's column header
_LISTING_ROW = re.compile(r"^\s*\S+(?:\s{2,}\S+(?: \S+)*){2,}\s*$")  # three columns or more
# a command's table output ruled under its header (`az … -o table`: `Name  OsType  VmSize  Count`, then
# `------  ------  ----------  -----`): the rule's dashes give the columns
_RULED_HEAD = re.compile(r"^\s*[A-Za-z][\w./-]*(?:\s+[A-Za-z][\w./-]*){2,}\s*$")
_RULE_LINE = re.compile(r"^\s*-{2,}(?:\s+-{2,}){2,}\s*$")
_INLINE_CODE = re.compile(r"`([^`\n]*)`")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# a no-break space laid out as a space (an indent, a column's gap), not one grouping thousands (`2 000`)
_LAYOUT_SPACE = opened(re.compile(r"(?<!\d)[\u00a0\u2007\u202f]|[\u00a0\u2007\u202f](?!\d{3}(?!\d))"))
_TAB = str.maketrans({"\t": "    "})
_NAMED: ContextVar[Callable[[str], str] | None] = ContextVar("named", default=None)


# --------------------------------------------------------------------------------------------
# paragraphs as lines


def _runs(paragraph: dict[str, Any]) -> list[Run]:
    """The paragraph's text runs (chips as their text), the closing new line left out."""
    out: list[Run] = []
    for el in as_list(paragraph.get("elements")):
        el = as_dict(el)
        run = as_dict(el.get("textRun"))
        if run:
            style = as_dict(run.get("textStyle"))
            if as_list(run.get("suggestedInsertionIds")) or style.get("strikethrough"):
                continue
            out.append((as_str(run.get("content")), style))
        else:  # a chip: a date or a person as its text
            date = as_dict(as_dict(el.get("dateElement")).get("dateElementProperties"))
            person = as_dict(as_dict(el.get("person")).get("personProperties"))
            text = as_str(date.get("displayText")) or as_str(person.get("name") or person.get("email"))
            if text:
                out.append((text, {}))
    if out and out[-1][0].endswith("\n"):
        out[-1] = (out[-1][0][:-1], out[-1][1])
    return [(_LAYOUT_SPACE.sub(" ", t).translate(_TAB), s) for t, s in out if t]


def _text(runs: list[Run]) -> str:
    return "".join(t for t, _ in runs)


def _slice(runs: list[Run], start: int, end: int) -> list[Run]:
    out: list[Run] = []
    at = 0
    for text, style in runs:
        a, b = max(start, at), min(end, at + len(text))
        if a < b:
            out.append((text[a - at : b - at], style))
        at += len(text)
    return out


def _drop_markup(runs: list[Run]) -> list[Run]:
    """`runs` without inline markdown: `` `code` `` keeps its text, `**bold**` becomes bold."""
    text = _text(runs)
    keep: list[tuple[int, int, bool]] = []  # spans of the text to keep, and whether bold
    cuts: list[tuple[int, int]] = []
    for m in _INLINE_CODE.finditer(text):
        cuts += [(m.start(), m.start() + 1), (m.end() - 1, m.end())]
    bold: list[tuple[int, int]] = []
    for m in _STRONG.finditer(text):
        n = len(m.group(1))
        cuts += [(m.start(), m.start() + n), (m.end() - n, m.end())]
        bold.append((m.start(), m.end()))
    if not cuts:
        return runs
    cuts.sort()
    at = 0
    for a, b in cuts:
        if a > at:
            keep.append((at, a, any(x <= at < y for x, y in bold)))
        at = max(at, b)
    keep.append((at, len(text), any(x <= at < y for x, y in bold)))
    out: list[Run] = []
    for a, b, strong in keep:
        for t, s in _slice(runs, a, b):
            out.append((t, {**s, "bold": True} if strong else s))
    return out


def _paragraph(runs: list[Run], style: str = "NORMAL_TEXT", level: int | None = None) -> dict[str, Any]:
    elements = [{"textRun": {"content": t, "textStyle": s}} for t, s in runs if t]
    elements.append({"textRun": {"content": "\n", "textStyle": {}}})
    para: dict[str, Any] = {"elements": elements, "paragraphStyle": {"namedStyleType": style}}
    if level is not None:
        para["bullet"] = {"listId": "kix.pasted", "nestingLevel": min(level, 8)}
    return {"paragraph": para}


def _plain(se: dict[str, Any]) -> list[Run] | None:
    """The runs of a plain paragraph (no heading, no list item), else None."""
    para = as_dict(se.get("paragraph"))
    if not para or "bullet" in para:
        return None
    style = as_str(as_dict(para.get("paragraphStyle")).get("namedStyleType")) or "NORMAL_TEXT"
    return _runs(para) if style == "NORMAL_TEXT" else None


runs_of, slice_runs, paragraph_of = _runs, _slice, _paragraph  # (for `read.chatlog`)


# --------------------------------------------------------------------------------------------
# the pass


def unpaste(content: list[Any], named: Callable[[str], str] | None = None) -> list[Any]:
    """`content` (a tab body's structural elements) with pasted structures rebuilt, and the stamp
    lines of pasted comments as headings over their entries (`read.stamps`). `named`: the
    environment a text names (a listing's rows named by environment: `_listed_table`)."""
    token = _NAMED.set(named)
    try:
        return as_entries(_unpasted(content))
    finally:
        _NAMED.reset(token)


def _unpasted(content: list[Any]) -> list[Any]:
    lines: list[list[Run] | None] = [_plain(as_dict(se)) for se in content]
    texts = [_text(r) if r is not None else None for r in lines]
    if not any(t is not None and _pasted_line(t) for t in texts):
        return content  # nothing that looks pasted: the document is left exactly as it is
    markdown = _is_markdown(texts)
    out: list[Any] = []
    i = 0
    while i < len(content):
        runs, text = lines[i], texts[i]
        if runs is None or text is None:
            out.append(content[i])
            i += 1
            continue
        for reader in (_fenced, _table, _ruled, _listing, _code):
            made, i2 = reader(lines, texts, i)
            if i2 > i:
                out.extend(made)
                i = i2
                break
        else:
            out.append(_markdown_line(runs, text) if markdown else content[i])
            i += 1
    return out


def _pasted_line(text: str) -> bool:
    return bool(
        _FENCE.match(text) or _TABLE_ROW.match(text) or _ASSIGN.match(text) or _PARENT.match(text)
        or _HEADING.match(text) or _HUNK.match(text) or LISTING_HEAD.match(text) or _RULE_LINE.match(text)
        or ("{" in text and _BRACE.match(text))
    )  # fmt: skip


def _is_markdown(texts: list[str | None]) -> bool:
    """Whether the body is written in markdown: a fence, a pipe table or a `##` heading line."""
    rows = 0
    for t in texts:
        if t is None:
            rows = 0
            continue
        if _FENCE.match(t) or (t.startswith("##") and _HEADING.match(t)):
            return True
        rows = rows + 1 if _TABLE_ROW.match(t) else 0
        if rows >= 2:
            return True
    return False


def _markdown_line(runs: list[Run], text: str) -> dict[str, Any]:
    """A heading, a list item or a paragraph, without its inline markup."""
    m = _HEADING.match(text)
    if m:
        return _paragraph(_drop_markup(_slice(runs, m.start(2), m.end(2))), f"HEADING_{len(m.group(1))}")
    m = _BULLET.match(text)
    if m:
        body = _slice(runs, m.start(2), len(text))
        task = _TASK.match(m.group(2))
        if task:
            body = [("☑ " if task.group(1) in "xX" else "☐ ", {}), *_slice(body, task.end(), len(m.group(2)))]
        return _paragraph(_drop_markup(body), level=len(m.group(1)) // 2)
    return _paragraph(_drop_markup(runs))


# -- tables --------------------------------------------------------------------------------


def _cells(text: str) -> list[tuple[int, int]]:
    """Spans of a pipe row's cells (between unescaped `|` outside backticks)."""
    bars, code = [], False
    for k, ch in enumerate(text):
        if ch == "`":
            code = not code
        elif ch == "|" and not code and (k == 0 or text[k - 1] != "\\"):
            bars.append(k)
    return [(a + 1, b) for a, b in itertools.pairwise(bars)]


def _table(lines: list[list[Run] | None], texts: list[str | None], i: int) -> tuple[list[Any], int]:
    """A markdown pipe table from line `i`: rows that open and close with `|`, with a rule under
    the header or the same number of cells on every row."""
    j = i
    while j < len(texts) and (t := texts[j]) is not None and _TABLE_ROW.match(t):
        j += 1
    if j - i < 2:
        return [], i
    rows = [_cells(texts[k] or "") for k in range(i, j)]
    rule = [all(_RULE_CELL.match((texts[k] or "")[a:b]) for a, b in rows[k - i]) for k in range(i, j)]
    widths = {len(r) for r, is_rule in zip(rows, rule, strict=True) if not is_rule}
    if not (len(rule) > 1 and rule[1]) and (len(widths) != 1 or min(widths) < 2):
        return [], i
    table_rows = []
    for k in range(i, j):
        if rule[k - i]:
            continue
        runs = lines[k] or []
        cells = [{"content": [_paragraph(_drop_markup(_strip(_slice(runs, a, b))))]} for a, b in rows[k - i]]
        table_rows.append({"tableCells": cells})
    return [{"table": {"rows": len(table_rows), "tableRows": table_rows}}], j


def _strip(runs: list[Run]) -> list[Run]:
    text = _text(runs)
    a = len(text) - len(text.lstrip())
    b = len(text.rstrip())
    return _slice(runs, a, b)


# -- a command's listing ------------------------------------------------------------------------


def _listing(lines: list[list[Run] | None], texts: list[str | None], i: int) -> tuple[list[Any], int]:
    """A command's listing from line `i` (`NAME  STATUS  CAPACITY`, then a row per item, columns
    aligned by spaces), one paragraph as a `<pre>` block gives it, so its rows are read as one listing;
    a listing of machines with a column of their types, the table it is (`_listed_table`)."""
    ruled = i + 1 < len(texts) and _RULE_LINE.match(texts[i + 1] or "") is not None
    if not (LISTING_HEAD.match(texts[i] or "") or (ruled and _LISTING_ROW.match(texts[i] or ""))):
        return [], i  # (`Name  ResourceGroup  VmSize` over a `----  ----` rule: `az … -o table`)
    j = i + 2 if ruled else i + 1
    while j < len(texts) and (t := texts[j]) is not None and _LISTING_ROW.match(t):
        j += 1
    if j - i < 2:
        return [], i
    rows = [(t or "").rstrip() for t in texts[i:j]]
    if _TYPE_COLUMN.search(rows[0]) or (_SIZE_COLUMN.search(rows[0]) and _COUNT_COLUMN.search(rows[0])):
        before = (texts[i - 1] if i else None) or ""
        command = before if prompt_line(before) else ""
        return [_listed_table(rows, command)], j
    return [_paragraph([("\n".join(rows), {})])], j


# a listing's column of machine types (`MACHINE_TYPE`, `INSTANCE-TYPE`, `VmSize`, `FLAVOR`)
_TYPE_COLUMN = re.compile(
    r"(?<!\S)(?:(?:MACHINE|INSTANCE|SERVER)[_ -]?TYPE|(?:VM|NODE)[_ -]?SIZE|FLAVOU?R)(?!\S)",
    re.IGNORECASE,
)
# a listing of volumes with their sizes and replica counts (`NAME  CAPACITY  REPLICAS`): a table too, whose
# rows add up when the line above it says they are volumes (`read.volumetables`)
_SIZE_COLUMN = re.compile(r"(?<!\S)(?:CAPACITY|SIZE|STORAGE)(?!\S)")
_COUNT_COLUMN = re.compile(r"(?<!\S)(?:REPLICAS|COUNT|QTY)(?!\S)")
_GAP = re.compile(r"\s{2,}")
_NAME_PARTS = re.compile(r"[\s_.\-/]+")
# a machine's name naming Sourcegraph (`sourcegraph-prod-a`, `vm-sg-prd`, `sg01`)
_OWN_NAME = re.compile(r"sourcegraph|(?<![a-z])sg(?![a-z])", re.IGNORECASE)


def _row_cells(row: str, bounds: list[tuple[int, int | None]]) -> list[str]:
    """A listing row's cells: split at its gaps of two spaces or more when they give one per column,
    else cut where the header's columns start (a cell may be empty)."""
    cells = _GAP.split(row.strip())
    return cells if len(cells) == len(bounds) else [row[a:b].strip() for a, b in bounds]


def _listed_table(rows: list[str], command: str) -> dict[str, Any]:
    """A listing with a column of machine types as the table it is: each column from where its
    header starts (the columns are left-aligned; a cell may be empty), one row per item. When some
    rows' names name Sourcegraph and others do not, or some name an environment (`sg-prod-01`,
    `sg-stg-01`) and others none (`sg-mon-01`), the others are other systems' machines (a bastion, a
    CI runner, a monitoring VM in the same project) and are left out."""
    starts = [m.start() for m in re.finditer(r"(?:^|(?<=\s\s))\S", rows[0])]
    bounds = list(zip(starts, [*starts[1:], None], strict=True))
    body = [_row_cells(row, bounds) for row in rows if row.strip() and set(row) - {"-", " "}]
    out = [
        {"tableCells": [{"content": [_paragraph([(c, {})])]} for c in cells]}
        for cells in _own_rows(body, command)
    ]
    return {"table": {"rows": len(out), "tableRows": out}}


def _own_rows(body: list[list[str]], command: str) -> list[list[str]]:
    """A listing of machines' rows (the header first) without other systems' (`_listed_table`), the
    command before it as each row's first cell."""
    head = [c.casefold() for c in body[0]]
    name = head.index("name") if "name" in head else 0
    own = [r for r in body[1:] if _OWN_NAME.search(r[name])]
    if own and len(own) < len(body) - 1:  # `sg-prd-0` beside `gha-runner-01`, `vm-jump`: other systems'
        body = [body[0], *own]
    named = _NAMED.get()
    placed = [r for r in body[1:] if named and named(" ".join(_NAME_PARTS.split(r[name])))]
    if placed and len(placed) < len(body) - 1:  # `sg-prod-01`, `sg-stg-01` beside `sg-mon-01`, `ci-runner-01`
        body = [body[0], *placed]
    if command:  # `$ kubectl --context sg-prod get nodes …`: its arguments are each row's (`read.codescope`)
        body = [["COMMAND", *body[0]], *([command.split("$", 1)[1].strip(), *r] for r in body[1:])]
    return body


def _ruled(lines: list[list[Run] | None], texts: list[str | None], i: int) -> tuple[list[Any], int]:
    """A command's table output from line `i` (`az aks nodepool list -o table`): a header of three
    columns or more, a rule of dashes under each, then a row per item. It becomes a table, so its
    rows are read as a table's (a node pool a row: its `VmSize` and its `Count`). The columns are where
    the rule's dashes are; when the paste lost the alignment (an HTML export collapses spaces), each
    line's words, when every line has as many as the rule has columns."""
    head = texts[i] or ""
    rule = texts[i + 1] if i + 1 < len(texts) else None
    if rule is None or not _RULE_LINE.match(rule) or not _RULED_HEAD.match(head):
        return [], i
    starts = [m.start() for m in re.finditer(r"-+", rule)]
    n = len(starts)

    def cells(text: str) -> list[str] | None:
        words = text.split()
        if len(words) == n:
            return words
        if not _LISTING_ROW.match(text):
            return None
        bounds = [*starts[1:], max(len(text), starts[-1]) + 1]
        got = [text[a:b].strip() for a, b in zip(starts, bounds, strict=True)]
        return got if all(got) and len(got[0].split()) == 1 else None  # (a cell across the rule: no row)

    rows = [cells(head)]
    j = i + 2
    while j < len(texts) and (t := texts[j]) is not None and (row := cells(t)) is not None:
        rows.append(row)
        j += 1
    if rows[0] is None or j - i < 3:
        return [], i
    kept = [r for r in rows if r]
    if _TYPE_COLUMN.search(head):  # a listing of machines: its own rows (`_own_rows`)
        before = (texts[i - 1] if i else None) or ""
        kept = _own_rows(kept, before if prompt_line(before) else "")
    table_rows = [{"tableCells": [{"content": [_paragraph([(c, {})])]} for c in r]} for r in kept]
    return [{"table": {"rows": len(table_rows), "tableRows": table_rows}}], j


# -- code ------------------------------------------------------------------------------------


def _fenced(lines: list[list[Run] | None], texts: list[str | None], i: int) -> tuple[list[Any], int]:
    """A fenced block from line `i` to its closing fence (or the end of the plain paragraphs)."""
    m = _FENCE.match(texts[i] or "")
    if not m:
        return [], i
    j = i + 1
    while j < len(texts) and texts[j] is not None and not _FENCE.match(texts[j] or ""):
        j += 1
    body = [t or "" for t in texts[i + 1 : j]]
    end = j + 1 if j < len(texts) and texts[j] is not None else j
    return _code_paragraphs(body, diff=m.group(2).lower() in ("diff", "patch")), end


def _code(lines: list[list[Run] | None], texts: list[str | None], i: int) -> tuple[list[Any], int]:
    """A run of code lines from line `i` (blank lines end it)."""
    j = i
    while j < len(texts) and (t := texts[j]) is not None and t.strip() and _code_line(t):
        j += 1
    body = [t or "" for t in texts[i:j]]
    if j - i < 2 or not _is_code(body):
        return [], i
    return _code_paragraphs(body, diff=_is_diff(body)), j


# a container's resources as a flow mapping (`requests: { cpu: "4", memory: 16Gi }`): a line of its block
_FLOW_PAIR = re.compile(r"^\s*(?:-\s+)?(?:requests|limits|resources)\s*:\s*\{.*\}\s*$")
_TRAILING_COMMENT = re.compile(r"\s+#(?:\s.*)?$")  # `storageSize: 1500Gi   # chart default is 200Gi`


def _code_line(text: str) -> bool:
    bare = text[1:] if text[:1] in "+- " and _is_marked(text) else text
    if "#" in bare and not _COMMENT.match(bare):
        bare = _TRAILING_COMMENT.sub("", bare)
    if "{" in bare and _FLOW_PAIR.match(bare):
        return True
    return bool(
        _ASSIGN.match(bare) or _PARENT.match(bare) or _YAML_PAIR.match(bare) or _BRACE.match(bare)
        or _COMMENT.match(bare) or _HUNK.match(text) or _YAML_ITEM.match(bare) or prompt_line(text)
        or _PASCAL_PAIR.match(bare)
    )  # fmt: skip


def _is_marked(text: str) -> bool:
    """A diff line: `+`, `-` or a space, then code right away or after indentation."""
    return len(text) > 1 and not (text[0] == "-" and text[1] == " " and not text[2:3].isspace())


def _is_code(body: list[str]) -> bool:
    """Lines that are code, not `Label: value` prose: an assignment, a key heading a nested block,
    a brace, a diff hunk, or indentation."""
    if any(_ASSIGN.match(t) or _BRACE.match(t) or _HUNK.match(t) for t in body):
        return True
    if file_header(body[0]) and sum(1 for t in body[1:] if _YAML_PAIR.match(t) or _PARENT.match(t)) > 1:
        return True  # `# group_vars/prod.yml`, then its keys: a file pasted as it is
    indents = {len(t) - len(t.lstrip()) for t in body if t.strip() and not _COMMENT.match(t)}
    parents = sum(1 for t in body if _PARENT.match(t))
    return parents > 0 and (len(indents) > 1 or parents < len(body) - parents)


def _is_diff(body: list[str]) -> bool:
    if any(_HUNK.match(t) for t in body):
        return True
    plus = any(t.startswith("+") and not t.startswith("++") for t in body)
    minus = any(t.startswith("-") and _is_marked(t) and not t.startswith("--") for t in body)
    return plus and minus


def _code_paragraphs(body: list[str], diff: bool) -> list[Any]:
    """The code lines as paragraphs of lines, one per block between blank lines."""
    if diff:
        body = [
            t[1:] for t in body
            if t[:1] in "+ " and not _DIFF_FILE.match(t) and not _HUNK.match(t)
        ]  # fmt: skip
    blocks: list[list[str]] = [[]]
    for t in body:
        if t.strip():
            blocks[-1].append(t.rstrip())
        elif blocks[-1]:
            blocks.append([])
    return [_paragraph([("\n".join(_flowing(_indented(b))), {})]) for b in blocks if b]


def _flowing(block: list[str]) -> list[str]:
    """YAML flow mappings written out: `resources: { limits: { memory: 48Gi } }` → nested lines."""
    out: list[str] = []
    for line in block:
        m = re.match(rf"^(\s*)({_KEY})\s*:\s*(\{{.*\}})\s*$", line)
        if not m:
            out.append(line)
            continue
        out.append(f"{m.group(1)}{m.group(2)}:")
        out.extend(_mapping(m.group(3), len(m.group(1)) + 2))
    return out


def _mapping(text: str, indent: int) -> list[str]:
    """The lines of a flow mapping `{ a: 1, b: { c: 2 } }` at `indent`."""
    inner = text.strip()[1:-1]
    parts, depth, start = [], 0, 0
    for k, ch in enumerate(inner):
        depth += ch == "{"
        depth -= ch == "}"
        if ch == "," and depth == 0:
            parts.append(inner[start:k])
            start = k + 1
    parts.append(inner[start:])
    out: list[str] = []
    for part in parts:
        key, _, value = part.partition(":")
        key, value = key.strip(), value.strip()
        if not key:
            continue
        if value.startswith("{") and value.endswith("}"):
            out.append(" " * indent + f"{key}:")
            out.extend(_mapping(value, indent + 2))
        else:
            out.append(" " * indent + f"{key}: {value}")
    return out


def _indented(block: list[str]) -> list[str]:
    """A YAML block whose indentation was lost in the paste, indented again: a key with no value
    heads the key-value lines after it; a key with no value right after another is its child."""
    if any(t[:1].isspace() for t in block) or not any(_PARENT.match(t) for t in block):
        return block
    out: list[str] = []
    depth, after_parent = 0, False
    for line in block:
        if _PARENT.match(line):
            depth = depth + 1 if after_parent else 1
            out.append("  " * (depth - 1) + line)
            after_parent = True
        elif _YAML_PAIR.match(line) and depth:
            out.append("  " * depth + line)
            after_parent = False
        else:
            out.append(line)
            depth, after_parent = 0, False
    return out
