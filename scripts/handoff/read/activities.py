"""Activity tables: a project schedule, a deliverables table, a plan of work, where each row is one
activity with its own start and finish dates (`Task Name | Start | Finish | Baseline Finish`,
`Deliverable | Started | Completed | Status`).

A human reads such a table by its rows: each row's dates are its activity's, the row's title says
which environment the activity belongs to, and in an outline (a WBS column `2`, `2.1`, `2.2`) a
summary row spans its children, which share its environment. Of the production rows, the build's
dates are those of

* the one summary row: a parent in the outline, or a title that is only the environment's name
  ("Live environment", "Production build");
* else the one row whose title names the build ("Install Sourcegraph on PRD");
* else the only production row.

Anything else (two candidate rows, no production row) gives no date: no silent pick. The functions
here are pure; `read.walk` walks the table and emits what they choose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_OUTLINE = re.compile(r"\s*(\d+(?:\.\d+)*)\.?\s*")  # `2`, `2.1`, `2.1.3`
_WORD = re.compile(r"[^\W\d_]{2,}")


def outline(cells: Sequence[str]) -> list[str] | None:
    """The outline codes of a column (`1`, `1.1`, `1.2`, `2`, `2.1`), or None when the column is no
    outline (a cell of another shape, or no code with a dot: plain row numbers)."""
    codes = [_OUTLINE.fullmatch(c) for c in cells]
    if not cells or not all(codes):
        return None
    found = [m.group(1) for m in codes if m]
    return found if any("." in c for c in found) else None


def row_sections(titles: Sequence[str], codes: Sequence[str] | None, part: Callable[[str], str]) -> list[str]:
    """Each row's environment: the one its title names, else its outline parent's."""
    own = [part(t) for t in titles]
    if codes is None:
        return own
    by_code = dict(zip(codes, own, strict=False))
    out = []
    for code, sec in zip(codes, own, strict=False):
        parent = code
        while not sec and "." in parent:
            parent = parent.rsplit(".", 1)[0]
            sec = by_code.get(parent, "")
        out.append(sec)
    return out


def build_row(
    titles: Sequence[str],
    sections: Sequence[str],
    codes: Sequence[str] | None,
    names_build: Callable[[str], bool],
    env_name: Callable[[str], str],
) -> int | None:
    """The index of the row whose dates are the production build's (see the module's docstring), or
    None. `env_name(title)`: the title without the environment's name (what is left of it)."""
    rows = [i for i, sec in enumerate(sections) if sec == "production"]
    if not rows:
        return None
    summaries = [i for i in rows if _summary(i, titles, codes, env_name)]
    if len(summaries) == 1:
        return summaries[0]
    if summaries:
        return None
    named = [i for i in rows if names_build(titles[i])]
    if len(named) == 1:
        return named[0]
    return rows[0] if len(rows) == 1 else None


def _summary(
    i: int, titles: Sequence[str], codes: Sequence[str] | None, env_name: Callable[[str], str]
) -> bool:
    """A summary row: a parent in the outline, else a title that is little more than its environment's
    name ("Live environment", "Production build")."""
    if codes is not None:
        return "." not in codes[i] and any(c.startswith(codes[i] + ".") for c in codes)
    return len(_WORD.findall(env_name(titles[i]))) <= 2 and len(_WORD.findall(titles[i])) <= 4
