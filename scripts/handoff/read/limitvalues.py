"""A limit's value that gives no single figure.

A careful reader enters no `max_users`, `max_concurrent_users` or `max_repositories` from:

* a none-word: `Max users: n/a`, `Repository limit: none`, `Users: unlimited` say there is no limit,
  not a limit of 0 (unlike `Monorepos: none`, which counts them);
* a range: `Users: 1,000–1,200`, a form's ticked band `☒ 500–2,000`, `A: 150–200` give a span the
  figure lies in, not the figure;
* one unit's share: `Licensed seats: 200 per team across 7 teams` (`per_unit`: the same said in prose,
  "200 seats per team");
* a lower bound: `Concurrent users: north of 300`, `more than 1,500` (`read.bounds`).

`no_figure(value)`: whether a limit's labelled value is of either kind.

`settled(value)`: what a labelled limit's value settles: "" (no figure), the sum, the peak of figures
named by their role (`150 average, 400 peak`: `by_role`), or None (none of these: the value is read as
any count is).

`summed(value)`: a limit written as its parts added, each perhaps with an aside naming it (`800 (EMEA) +
700 (US) + 500 (APAC)`): their sum, never the first part alone; None when the value is not such a sum.
"""

from __future__ import annotations

import re

from handoff.read import bounds, shapes

_NONE = re.compile(
    r"^\W*(?:none|no(?:\s+(?:limit|cap|maximum|max)\w*)?|zero|nil|n/?a|not applicable|unlimited|"
    r"unrestricted|unbounded|no upper (?:limit|bound))(?![\w/])(?![^.;!?\n]*\d)",
    re.IGNORECASE,
)
_RANGE = re.compile(
    rf"^\W*(?:[☒☑✓✔x]\s*)?(?:between\s+|from\s+)?(?:about |around |approx\.? |~\s*)?(?:{shapes.NUMBER})k?"
    rf"\s*(?:[-–—]|to|and|until)\s*(?:{shapes.NUMBER})k?(?!\s*[%x×*])",
    re.IGNORECASE,
)


_PART = rf"(?:about |around |approx\.? |~\s*)?({shapes.NUMBER})(?:\s+[a-z]+)?(?:\s*\([^()\d]{{1,40}}\))?"
_SUM = re.compile(rf"^\W*{_PART}(?:\s*\+\s*{_PART})+\s*(?:$|[.;,(=])", re.IGNORECASE)
_NUMBER = re.compile(shapes.NUMBER)


def summed(value: str) -> str | None:
    """The sum of a limit written as parts added (`800 (EMEA) + 700 (US) + 500 (APAC)`), or None."""
    m = _SUM.match(value)
    if m is None or "+" not in value:
        return None
    parts = [shapes.canon(n.group(0)) for n in _NUMBER.finditer(m.group(0))]
    if not all(p.isdigit() for p in parts):
        return None
    return str(sum(int(p) for p in parts))


_EACH = re.compile(
    rf"^\W*(?:about |around |approx\.? |~\s*)?(?:{shapes.NUMBER})k?(?:\s+[a-z]+)?"
    r"(?:\s+(?:per|each|a|an)\s+|\s*/\s*)(?!(?:year|month|week|day|hour|annum)\b)[a-z]",
    re.IGNORECASE,
)
_EACH_AFTER = re.compile(
    r"(?:\s+(?:per|each|a|an)\s+|\s*/\s*)(?!(?:year|month|week|day|hour|annum)\b)[a-z]", re.I
)


def per_unit(text: str, end: int) -> bool:
    """Whether the words right after a count say it is one unit's ("200 seats per team"): no total."""
    return bool(_EACH_AFTER.match(text, end))


def no_figure(value: str) -> bool:
    """Whether a limit's value says there is none, gives a range rather than a figure, or gives one
    unit's share ("200 per team across 7 teams")."""
    return bool(_NONE.match(value) or _RANGE.match(value) or _EACH.match(value) or bounds.opens_bound(value))


_ROLE = (
    r"(?P<{g}>peak|max(?:imum)?|highest|top|busiest|average|avg|mean|median|typical|normal|usual|"
    r"min(?:imum)?|lowest)"
)
_BY_ROLE = re.compile(
    rf"(?:(?P<n>{shapes.NUMBER})(?P<k>k)?\s*(?:\w+\s+)?\(?{_ROLE.format(g='after')}\b"
    rf"|\b{_ROLE.format(g='before')}\)?\s*:?\s*(?:of\s+)?(?:about |around |~\s*)?"
    rf"(?P<n2>{shapes.NUMBER})(?P<k2>k)?)",
    re.IGNORECASE,
)
_HIGH = re.compile(r"peak|max|highest|top|busiest", re.IGNORECASE)


def by_role(value: str) -> str | None:
    """The peak of figures a value names by their role ("150 average, 400 peak", "avg 90 / max 260"):
    a limit is the highest the deployment takes, never the average; None unless both kinds are there."""
    found = [
        (m.group("after") or m.group("before"), m.group("n") or m.group("n2"), m.group("k") or m.group("k2"))
        for m in _BY_ROLE.finditer(value)
    ]
    high = [shapes.thousands(n, k) for role, n, k in found if _HIGH.match(role)]
    if len(high) != 1 or len(found) < 2:
        return None
    return high[0]


def settled(value: str) -> str | None:
    """ "" for a value giving no figure, the sum of one written as parts added, the peak of figures
    named by their role, else None."""
    if no_figure(value):
        return ""
    if "+" in value and (total := summed(value)):
        return total
    return by_role(value) if shapes.DIGIT.search(value) else None
