"""Environments as column groups: a two-row header whose upper row names an environment over each
group of columns (`Production` over `Nodes | vCPU | RAM | Disk`, `Staging` over the same) and whose
lower row names what each column holds. A careful reader reads each group as a table of its own: the
row labels (the columns before the first group) and that group's columns, every figure in the
group's environment, its `Total` row the environment's total. The reader does the same: `split`
gives each environment's table, read under that environment.

Found by shape: the first two rows are one header (`read.headerrows.two_rows`), every upper cell
from the first group on names an environment only (`Production`, `Staging`, `Live`) and covers two
columns or more, and no lower cell under a group names an environment (`Non-production` over
`Dev | Staging` is a header of environments, stacked by `read.headerrows`, not groups of fields).
"""

from __future__ import annotations

from collections.abc import Callable

from handoff.read.doctext import Text
from handoff.read.headerrows import two_rows
from handoff.read.pernodecolumns import per_machine


def split(
    rows: list[list[Text]], environment: Callable[[str], str]
) -> list[tuple[str, list[list[Text]]]] | None:
    """Each environment group's table, `(environment, rows)` with a one-row header, in the order the
    groups stand; None when the table has no such header. `environment` is the environment a cell
    is only the name of, or ''."""
    if not two_rows(rows):
        return None
    top, sub = rows[0], rows[1]
    width = len(top)
    starts = [j for j in range(1, width) if top[j].text]
    if len(starts) < 2 or any(len(r) != width for r in rows):
        return None
    # before the first group, columns headed in the upper row alone (`Line | Component`, each spanning
    # both header rows) are the row labels
    while len(starts) > 2 and not sub[starts[0]].text and starts[1] == starts[0] + 1:
        starts.pop(0)
    lead = list(range(starts[0]))
    # after the last group, columns headed in the upper row alone (`Monthly cost | Status | Notes`, each
    # spanning both header rows) are every group's, as the lead columns are
    trail: list[int] = []
    while len(starts) > 2 and not sub[starts[-1]].text and starts[-1] + 1 == (trail[0] if trail else width):
        trail.insert(0, starts.pop())
    groups: list[tuple[str, list[int]]] = []
    each: list[int] = []  # a group of one machine's figures (`Per node` over `vCPU | RAM`): every group's
    for k, j in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else (trail[0] if trail else width)
        env = environment(top[j].text)
        columns = list(range(j, end))
        if any(not sub[c].text or environment(sub[c].text) for c in columns):
            return None
        if not env and per_machine(top[j].text) and len(starts) > 2:
            each += columns
            continue
        if not env or len(columns) < 2:
            return None
        groups.append((env, columns))
    if len(groups) < 2:
        return None
    lead += each
    header = [top[j] if top[j].text else sub[j] for j in lead if j not in each]
    header += [Text(f"{top[min(each)].text} {sub[j].text}") for j in each]  # (`Per node vCPU`)
    shared = [top[j] for j in trail]
    return [
        (
            env,
            [
                [*header, *(sub[c] for c in columns), *shared],
                *([r[j] for j in (*lead, *columns, *trail)] for r in rows[2:]),
            ],
        )
        for env, columns in groups
    ]


__all__ = ["split"]
