"""A labelled value that says its field was never given one.

`Max. repositories: not set – the vendor sees no need for action up to about 5,000 repos`,
`Concurrent users: not agreed (about 300 expected)`, `Repository ceiling: undefined`: a careful reader
takes the label's field as stated absent. The value opens by denying that the field was set (a
negation and a verb of setting, deciding or agreeing, or a word that means it); a figure in the rest
of the value is a remark (a vendor's bound, an estimate), never the field's value.

A value that only points elsewhere (`see 2.1 below`, `See §2.2`, `refer to Appendix B`, `see the IE
notes tab`, `details in section 4`, `(see notes)`) states nothing in its place either: the answer is where it
points, and the reader takes it there. A pointer's clause may be followed by a remark on what is
there (`see the Terraform tab; the applied type is confirmed in Checks`): the pointer is the first
clause, and a figure anywhere in the value still states one. `points_elsewhere(value)`: the value
opens with such a pointer and gives no figure of its own before it ends (`see below: 3 × m6i.4xlarge`
gives one).
"""

from __future__ import annotations

import re

from handoff.core.quickre import opened

_UNSET = re.compile(
    r"^\W*(?:(?:not?|never|nothing|none)\s+(?:yet\s+|been\s+|formally\s+|explicitly\s+|officially\s+|"
    r"contractually\s+)*(?:set|defined|agreed|fixed|determined|specified|decided|established|stated|"
    r"contracted|limited|capped)\b"
    r"|(?:undefined|unspecified|undecided|not applicable)\b|(?:open|tbd|tba)\s*(?:$|[-–—:;,(]))",
    re.IGNORECASE,
)


_POINTER = opened(
    re.compile(
        r"^\W*(?:(?:please\s+)?(?:see|refer\s+to|cf\.?|details\s+(?:in|under)|answered\s+(?:in|under)|"
        r"given\s+(?:in|under)|described\s+(?:in|under)|listed\s+(?:in|under))\b)",
        re.IGNORECASE,
    )
)
_FIGURE = re.compile(r"\b\d")  # (a digit inside a name, `aws ec2`, is no figure)
_SECTION_NUMBER = re.compile(  # the number of the place pointed at (`see 2.1`, `§ 3`, `Appendix B2`)
    r"(?:§|→|->|\b(?:see|to|in|under|cf|section|sect|appendix|annex|table|question|q|item|row|tab|part|"
    r"step|chapter|ch)\b\.?)\s*[A-Z]?\d+(?:\.\d+)*[a-z]?\b",
    re.IGNORECASE,
)
_MAX_POINTER_WORDS = 8
_CLAUSE_END = re.compile(
    r"\s*;\s*|\.\s+(?=[A-Z])"
)  # the pointer's own clause ends at a semicolon or a full stop


def points_elsewhere(value: str) -> bool:
    """Whether a labelled value only points to the place its answer is written (module docstring)."""
    clause = _CLAUSE_END.split(value, maxsplit=1)[0]  # "see the Terraform tab; the type is confirmed in …"
    if not _POINTER.match(value) or len(clause.split()) > _MAX_POINTER_WORDS:
        return False
    return not _FIGURE.search(_SECTION_NUMBER.sub(" ", value))


def says_unset(value: str) -> bool:
    """Whether a labelled value opens by saying its field was not set (see the module's docstring)."""
    return bool(_UNSET.match(value))


__all__ = ["points_elsewhere", "says_unset"]
