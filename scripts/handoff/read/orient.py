"""Which way a table is turned: a table is read the same whatever its orientation.

A careful reader finds a table's labels first (short texts that name fields, `Platform`, `Node
pool`, `Repositories`), then reads each cell under its row's and its column's label. Writers put
the labels in the first column or in the first row as it suits the page. The table readers
(`read.walk`) read two orientations: labels down the first column with columns of kinds of value
(`Value`, `Actual`, `Planned`, `Notes`) or of environments, and labels across the first row with
one row per record (a code host, a node pool, a machine, a milestone) or per environment. This
module says when a table is written the other way round, from its structure only:

* **kinds of value down**: the first column's body cells are short headers, at least half of them
  kinds of value and none of the others a field's label (`Value`, `Evidence`; `Planned (SOW)`,
  `Actual`, `Comment`; `Baseline`, `Achieved`; `RAG`, `Evidence`; `Dec 2025`, `Today (15 Jun
  2026)`, `Ceiling`: a kind may be dated): turned, the kinds head the
  value columns, whatever the first row holds (labels, or milestones);
* **one record**: two rows, the first mostly naming fields over a row of values (`Platform |
  Nodes | Endpoint` over `Amazon EKS | 4 | https://…`), read as `Label | Value`, unless an
  environment is named across or as its first value (a one-row environment table, read as it is);
* **records across**: the first column's cells are short headers and the first row's neither
  kinds nor environments (nor parts of another system), and the columns are numbered (`C-1 | C-2`,
  `PO-11 | PO-12`), or each body row holds values of one shape (all counts, all instance types,
  all URLs, all dates) while the columns mix shapes (`Code host | GHES | GitLab.com` over
  `Repositories | 4,200 | 350`): each column is a record; turned, the records become rows; so
  too when the first row ends in a total (`Item | Worker nodes | Bastion host | Total`, given
  `is_total`) over a first column mostly of fields' labels and no total: the records and their
  total across. A first-column header is judged without its bracketed aside (`Nodes (1 per zone
  min)` is the label `Nodes` with a remark, not a cell holding a figure).

A first row holding kinds of value (`Setting | Value | Notes`) is read as it is. The decision uses
the table's texts and shapes and the caller's tests for a label, a kind of value and an
environment: never one document's phrases.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from handoff.read import shapes
from handoff.read.labelwords import outside_brackets

T = TypeVar("T")
_LEADING_NUMBER = re.compile(r"^\s*[~≈<>]?\s*(?:about|approx\.?|ca\.?)?\s*\d")
_PROSE_WORDS = 7  # a cell of more words is a sentence, not a value or a header
# one token of an identifier: with a digit, `_` or `/` in it, or lower case with `-` or `.` (`aks-sg-node-a`)
_IDENTIFIER = re.compile(r"(?=\S*(?:[_/]|[A-Za-z]\d|\d[A-Za-z]))[\w./-]+|[a-z0-9]+(?:[-.][a-z0-9]+)+")
_REFERENCE = re.compile(r"([A-Za-z]*[-_ ]?)(\d+)")
_PLACEHOLDER = re.compile(r"[-–—?/ ]+|n/?a|tbd|tbc", re.IGNORECASE)  # a cell saying it holds nothing
_PURE = 0.75  # the mean share of one shape in the lines of a table's fields


def shape(text: str, year: str = "") -> str:
    """The shape of a cell's value: `url`, `machines`, `date`, `size`, `cpu`, `number`, `prose`, `name`
    (one token of an identifier's shape: `aks-sg-node-a`, `PO-11`), `word` (a short text with no
    figure: a name or a header), `other` (short, with a figure), or `` (empty)."""
    t = text.strip()
    if not t or _PLACEHOLDER.fullmatch(t):
        return ""
    if shapes.URL.search(t):
        return "url"
    if shapes.INSTANCE_TYPE.search(t):
        return "machines"
    if len(t.split()) >= _PROSE_WORDS:
        return "prose"
    if shapes.DATE.search(t) or any(True for _ in shapes.dates(t, year)):
        return "date"
    if shapes.SIZE.search(t):
        return "size"
    if shapes.CPU.search(t):
        return "cpu"
    if _LEADING_NUMBER.match(t):
        return "number"
    if _IDENTIFIER.fullmatch(t):
        return "name"
    return "other" if shapes.DIGIT.search(t) else "word"


def _purity(lines: list[list[str]]) -> float | None:
    """How far each line (of two values or more) holds values of one shape: the mean share of its
    most common shape; None when no line has two values."""
    shares = []
    for kinds in lines:
        filled = [k for k in kinds if k]
        if len(filled) >= 2:
            shares.append(Counter(filled).most_common(1)[0][1] / len(filled))
    return sum(shares) / len(shares) if shares else None


def references(cells: list[str]) -> bool:
    """Cells that number their lines (`1, 2, 3`; `C-1, C-2`; `PO-11, PO-12`): one prefix, each number
    one more than the one before."""
    found = [_REFERENCE.fullmatch(c.strip()) for c in cells if c.strip()]
    if len(found) < 2 or not all(found):
        return False
    keys = [(m.group(1), int(m.group(2))) for m in found if m]
    return all(b == (a[0], a[1] + 1) for a, b in itertools.pairwise(keys))


def turned(
    rows: list[list[str]],
    is_label: Callable[[str], bool],
    is_kind: Callable[[str], bool],
    is_environment: Callable[[str], str],
    scope: Callable[[str], str],
    year: str = "",
    is_total: Callable[[str], bool] | None = None,
) -> bool:
    """Whether the rectangular table `rows` (texts) is written the other way round from the
    orientation the table readers read (see the module's docstring). `is_environment` gives the
    environment a cell is the name of (`Production`, `Primary site (Zurich)`), `scope` the one any
    cell names (`Before: Hound (legacy)` is another system's), else ''."""
    width = len(rows[0]) if rows else 0
    if len(rows) < 2 or width < 2 or any(len(r) != width for r in rows):
        return False
    top = [c for c in rows[0][1:] if c.strip()]
    side = [r[0] for r in rows[1:] if r[0].strip()]
    if not top or not side or sum(1 for c in top if is_kind(c)) * 2 >= len(top):
        return False  # `Setting | Value | Notes`: the kinds of value are across already
    kinds = [c for c in side if is_kind(c)]
    if (
        len(kinds) * 2 >= len(side)
        and all(shape(c, year) in ("word", "other") or c in kinds for c in side)  # `Current`, `Q2 2026`
        and not any(is_label(c) for c in side if c not in kinds)
    ):
        return True  # kinds of value down the first column (`Value`, `Evidence`; `Baseline`, `Achieved`)
    others = any(
        is_environment(c) not in ("", "production") or scope(c) not in ("", "production") for c in top
    )
    if len(rows) == 2 and not others and not is_environment(side[0]):
        labels = sum(1 for c in top if is_label(c) and shape(c, year) == "word")
        if labels * 2 >= len(top):
            return True  # one record: labels over values
    side = [outside_brackets(c) or c for c in side]  # `Nodes (1 per zone min)`: a label with its aside
    if width < 3 or not all(shape(c, year) == "word" for c in side):
        return False
    if any(is_kind(c) or is_environment(c) or scope(c) not in ("", "production") for c in top):
        return False  # `Item | Trial | Production`, `Before: Hound | After: Sourcegraph`: environments across
    if references(top):
        return True  # the columns are numbered: records across
    if (
        is_total is not None
        and is_total(rows[0][-1])
        and not any(is_total(c) for c in side)
        and sum(1 for c in side if is_label(c)) * 3 >= 2 * len(side)
    ):
        return True  # records across ending in their total (`Item | Workers | Bastion | Total`), fields down
    body = [[shape(c, year) for c in r[1:]] for r in rows[1:]]
    across = _purity(body)
    down = _purity([list(col) for col in zip(*body, strict=True)])
    return across is not None and across >= _PURE and (down is None or down < _PURE)


def transpose(rows: list[list[T]]) -> list[list[T]]:
    """The table turned a quarter: the first row becomes the first column."""
    return [list(col) for col in zip(*rows, strict=True)]
