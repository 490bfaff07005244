"""Rival figures in one labelled count: `Repositories: 3,100 active, total: 3,500`.

A careful reader of a count's value that holds more than one figure asks which of them is the count
the label names: the first is not it by position alone ("5,000 planned, current: 3,100", "300 (dev) /
3,100 (prod)", "2,000 in Q1, 3,100 now", "6,400 across the estate, 2,870 onboarded"). `settle(value)`
says what the figures leave:

- `None`: one figure, or the others have a role the reader knows (a size, a share, a date, a bound
  such as "limit 5k", a part "of which" or "including" the first, parts adding up to the first):
  the value is read as it always was;
- a figure (its digits): the only one its own words mark as the present ("previously 2,000, now
  3,100"; "5,000 max, current: 3,100"), when no other is so marked;
- `""`: figures of equal standing, none marked as the present: no value, rather than the first.

Only the value's own piece is weighed: the caller cuts it before a label naming another field
(`users: 1,400`). It does not read which environment each figure is (`envparts.py` does, before).
"""

from __future__ import annotations

import re

from handoff.read import shapes
from handoff.read.labelwords import label_meaning
from handoff.read.limitwords import is_growth, is_planned

_FIGURE = re.compile(
    rf"(?<![\w#.,/-])~?(?P<n>{shapes.NUMBER})(?P<k>k\b)?(?![\w.,]*\d)(?!\s*%)(?![\w-])", re.IGNORECASE
)  # (`1.7k`: a thousand and seven hundred)
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_BLANKED = re.compile(  # what no count is: quarters, ids, versions, times, per cent and spans of time
    r"\b[A-Za-z]+[-#]?\d[\w.-]*|#\d+|\bv\d[\d.]*|\d{1,2}:\d\d|\d+(?:\.\d+)?\s*%|"
    rf"(?:{shapes.NUMBER})\s*(?:business |working |calendar )?(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|"
    r"months?|years?|yrs?|orgs? ago)\b|https?://\S+",
    re.IGNORECASE,
)
_KNOWN_ROLE_BEFORE = re.compile(  # the figure after these words is a bound, a part or a share of another
    r"(?:\b(?:of which|of them|of these|thereof|whereof|incl(?:uding|\.|udes)?|excl(?:uding|\.|udes)?|"
    r"not counting|except|besides|apart from|among them|limit(?:ed)?(?: to| at| of)?|cap(?:ped)?(?: at| of)?|"
    r"max(?:imum)?(?: of)?|up to|ceiling(?: of)?|licen[cs]ed? (?:for|to)|out of|of the|of|seats?(?: for)?|"
    r"quota(?: of)?)\s*[:=]?\s*~?)$",
    re.IGNORECASE,
)
_KNOWN_ROLE_AFTER = re.compile(  # "300 of them archived", "5k limit": a part of the first, a bound
    r"^\s*(?:of them|of which|of these|(?:repos(?:itories)?\s+)?(?:limit|cap|max(?:imum)?|ceiling|seats?|"
    r"licen[cs]es?)\b)",
    re.IGNORECASE,
)
_BOUND_AFTER = re.compile(r"^\s*(?:max(?:imum)?|limit|cap|ceiling)\b", re.IGNORECASE)
_BOUND_BEFORE = re.compile(
    r"\b(?:up to|max(?:imum)?|limit|at most|licen[cs]\w*(?:\s+(?:is|for|of|to|cap|limit|covers))?|seats?|"
    r"quota)\s*[:=]?\s*~?\s$",
    re.IGNORECASE,
)
_RATE_AFTER = re.compile(
    r"^\s*(?:/\s*(?:yr|year|y|month|mo|quarter|q|week)|(?:per|a|each|every)\s+(?:year|month|quarter|week)|"
    r"p\.?a\.?)\b",
    re.IGNORECASE,
)
_NEW_AFTER = re.compile(  # "about 50 new repositories", "80 newly created": made since, an increment
    r"\s*(?:new|newly|brand[\s-]new)\b", re.IGNORECASE
)
_PER_AFTER = re.compile(r"^\s*(?:per|each|apiece|/)\s*(?:[a-z]|$)", re.IGNORECASE)
_OWN_LABEL = re.compile(
    r"(?:^|[,;·|(])\s*((?:[A-Za-z][\w.'-]* ){0,3}[a-z]+s)\s*:\s*~?\s$"
)  # `Jenkins jobs: `
_REPO_NOUN = re.compile(r"\b(?:repos|repositories|projects|monorepos)$", re.IGNORECASE)
_THEN = re.compile(
    r"\b(?:previous(?:ly)?|before|formerly|former|prior|old|was|were|used to be|last|earlier|initially|"
    r"at (?:kick-?off|launch|go-?live)|in (?:Q[1-4]|H[12]|19\d\d|20\d\d))\b",
    re.IGNORECASE,
)
_NOW = re.compile(
    r"\b(?:now|today|current(?:ly)?|at present|presently|as of today|these days|to ?day|live today)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[,;/·|()]|\b(?:and|but|while|whereas)\b")
_CLAUSE_END = re.compile(
    r"[,;/·|)]|\b(?:and|but|while|whereas)\b"
)  # (a bracket opened after a figure is its own aside)


def _figures(value: str) -> list[re.Match[str]]:
    blanked = _BLANKED.sub(lambda m: " " * len(m.group(0)), value)
    for m in (*shapes.sizes(blanked), *shapes.dates(blanked)):
        blanked = blanked[: m.start] + " " * (m.end - m.start) + blanked[m.end :]
    blanked = shapes.YEAR.sub(lambda m: " " * len(m.group(0)), blanked)
    return list(_FIGURE.finditer(blanked))


def _number(m: re.Match[str]) -> float:
    return float(m.group("n").replace(",", "")) * (1000 if m.group("k") else 1)


def _digits(m: re.Match[str]) -> str:
    return shapes.canon(f"{_number(m):.0f}") if m.group("k") else shapes.canon(m.group("n"))


def _own_words(value: str, figures: list[re.Match[str]], k: int) -> str:
    """The words of the clause a figure stands in: back to the last comma, semicolon, slash or bracket
    before it (not past the figure before), on to the first one after it."""
    start = figures[k - 1].end() if k else 0
    end = figures[k + 1].start() if k + 1 < len(figures) else len(value)
    before = value[start : figures[k].start()]
    after = value[figures[k].end() : end]
    bracket = after.rfind("(")
    if bracket >= 0 and ")" not in after[bracket:] and k + 1 < len(figures):
        after = after[:bracket]  # "1 (was 2 …)": the bracket the next figure stands in is the next's
    cuts = list(_CLAUSE.finditer(before))
    first = _CLAUSE_END.search(after)
    return before[cuts[-1].start() if cuts else 0 :] + " " + after[: first.start() if first else None]


def _role(value: str, figures: list[re.Match[str]], k: int, field: str) -> str:
    """What a figure's own words make it: "part" or "bound" (of the first, or the first a bound), "rate"
    (per year, growth), "per" (one unit's, `250 per org`), "other" (another thing's: `Jenkins jobs:
    900`), "then" (a plan or the past), "now" (marked as the present), or "" (nothing said)."""
    m = figures[k]
    before, after = value[: m.start()].rstrip()[-40:] + " ", value[m.end() :]
    if k and (_KNOWN_ROLE_BEFORE.search(before) or _KNOWN_ROLE_AFTER.match(after)):
        return "part"  # "1,200 – 300 of them archived", "~3,100 (limit 5k)"
    if _BOUND_AFTER.match(after) or _BOUND_BEFORE.search(before):
        return "bound"  # "5,000 max, current: 3,100": the first is the bound
    if _RATE_AFTER.match(after):
        return "rate"  # "growth: 500/yr", "upgrades: 2 per year"
    if _PER_AFTER.match(after):
        return "per"  # "250 per org", "~180 each"
    label = _OWN_LABEL.search(before)
    if k and label and not _REPO_NOUN.search(label.group(1)):
        return "other"  # "Jenkins jobs: 900", "orgs: 12"
    noun = _NEXT_WORD.match(after)
    if k and noun and label_meaning(noun.group(1)) not in (None, field):
        return "other"  # "3,500; 4 monorepos; largest 12 GB": the monorepos' count
    words = _own_words(value, figures, k)
    if is_growth(words) or is_planned(words) or _THEN.search(words):
        return "then"
    return "now" if _NOW.search(words) else ""


def settle(value: str, field: str = "repositories") -> str | None:
    """None: the value's figures leave its reading as it is; a figure's digits: the one count marked as
    the present among rivals; "": rival figures, none sure: no value."""
    if not shapes.DIGIT.search(value):
        return None
    # ("1,740 (… about 50 new repositories …)": the ones made since are no rival count)
    figures = [m for m in _figures(value) if not _NEW_AFTER.match(value, m.end())]
    if len({_number(m) for m in figures}) < 2:
        return None  # one figure, or one figure twice ("2,000 at go-live and still 2,000 today")
    roles = [_role(value, figures, k, field) for k in range(len(figures))]
    if "per" in roles:
        return ""  # "250 per org, orgs: 12", "11 orgs with ~180 each": a product, not written out
    rivals = [k for k, r in enumerate(roles) if r in ("", "now")]
    if len(rivals) > 1:
        first, rest = figures[rivals[0]], [figures[k] for k in rivals[1:]]
        if abs(sum(_number(m) for m in rest) - _number(first)) <= 0.01 * _number(first):
            return None  # "3,100 (2,700 active, 400 archived)": the parts of the first
        marked = [k for k in rivals if roles[k] == "now"]
        rivals = marked if len(marked) == 1 else rivals
    if len(rivals) != 1:
        return "" if rivals or "then" in roles else None
    return None if rivals[0] == 0 else _digits(figures[rivals[0]])


__all__ = ["settle"]
