"""A sentence of the sizing's workings: the value of an estimate, or a size that would not do.

A design that works its sizing through in sentences states figures that are steps, not the
deployment: "At 120 concurrent users the estimate was 40 vCPU", "Adding the remaining services gave an
estimate of 430 GB", "Indexed search was estimated at 2.5 times the index", and the layouts it weighed
and found short: "Three nodes (384 GiB) would not.", "two nodes would not be enough". A careful reader
takes none of them as what was built:

* `estimated(sentence)`: a figure is the value of an estimate, the noun or the verb ("the estimate was
  40 vCPU", "an estimate of 430 GB", "estimated at 290 GB", "estimated to need 96 GB", the estimate's
  object before its verb: "the resource estimate for ~1,600 repositories came out at 16 vCPU");
* `would_not_do(sentence)`: the sentence says its case would not do ("Three nodes (384 GiB) would
  not.", "… would not be enough", "wouldn't fit"): a layout ruled out.

A sentence saying what was built with the estimate as its object ("512 GiB accommodates the estimate")
names no figure of the estimate, and is no such sentence.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_HEDGE = r"(?:(?:about|around|roughly|approximately|some|nearly|almost|just\s+(?:over|under))\s+|~\s*|≈\s*)?"
_ESTIMATED = quick(
    r"\b(?:the|an|our|my|their|this|that|a\s+first|the\s+first|the\s+initial|an\s+initial)\s+"
    r"(?:[\w-]+\s+){0,2}?estimate\s+(?:was|is|of|came\s+to|comes\s+to|at|stood\s+at|gave)\s+" + _HEDGE + r"\d"
    # the estimate's object named before its verb: "the resource estimate for ~1,600 repositories and 900
    # users came out at 16 vCPU"
    r"|\b(?:the|an|our|my|their|this|that)\s+(?:[\w-]+\s+){0,2}?estimate\s+for\s+[^.;:]{1,60}?"
    r"\b(?:was|is|came(?:\s+out)?\s+(?:to|at)|comes(?:\s+out)?\s+(?:to|at)|stood\s+at|gave)\s+"
    + _HEDGE
    + r"\d"
    r"|\bestimated\s+(?:at|to\s+(?:be|need|take|require|reach))\s+" + _HEDGE + r"\d",
    re.IGNORECASE,
)
_WOULD_NOT = quick(
    r"\b(?:would|could)\s*(?:not|n['’]t)\s*(?:[.;!]|$)"
    r"|\b(?:would|could)\s*(?:not|n['’]t)\s+(?:have\s+)?(?:be(?:en)?\s+)?(?:enough|sufficient|suffice[ds]?|fit|"
    r"do(?:ne)?|work(?:ed)?|cope[ds]?|accommodate)\b",
    re.IGNORECASE,
)


def estimated(sentence: str) -> bool:
    """Whether a figure of the sentence is the value of an estimate (see the docstring)."""
    return _ESTIMATED.search(sentence) is not None


def would_not_do(sentence: str) -> bool:
    """Whether the sentence says its case would not do (see the docstring)."""
    return _WOULD_NOT.search(sentence) is not None


__all__ = ["estimated", "would_not_do"]
