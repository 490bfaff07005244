"""A labelled value that says its field was never given one.

`Max. repositories: not set – the vendor sees no need for action up to about 5,000 repos`,
`Concurrent users: not agreed (about 300 expected)`, `Repository ceiling: undefined`: a careful reader
takes the label's field as stated absent. The value opens by denying that the field was set (a
negation and a verb of setting, deciding or agreeing, or a word that means it); a figure in the rest
of the value is a remark (a vendor's bound, an estimate), never the field's value.
"""

from __future__ import annotations

import re

_UNSET = re.compile(
    r"^\W*(?:(?:not?|never|nothing|none)\s+(?:yet\s+|been\s+|formally\s+|explicitly\s+|officially\s+|"
    r"contractually\s+)*(?:set|defined|agreed|fixed|determined|specified|decided|established|stated|"
    r"contracted|limited|capped)\b"
    r"|(?:undefined|unspecified|undecided|not applicable)\b|(?:open|tbd|tba)\s*(?:$|[-–—:;,(]))",
    re.IGNORECASE,
)


def says_unset(value: str) -> bool:
    """Whether a labelled value opens by saying its field was not set (see the module's docstring)."""
    return bool(_UNSET.match(value))


__all__ = ["says_unset"]
