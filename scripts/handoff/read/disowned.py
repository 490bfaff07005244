"""A part of the document that says of itself that it does not describe production.

A TDD that also records a restore drill, a rehearsal, a copy or a test often says so at the top of
that part, in a sentence about the part rather than about one thing in it: "Nothing below describes
the production instance.", "None of this section applies to production.", "This tab does not
describe the production cluster." The part's heading need not name an environment at all ("Restore
drill report — 6 October 2026", "Appendix C"), so a reader who goes by headings alone takes its
machines, address and dates as the deployment's, when the document has said in words that they are
not. A careful reader takes the whole part, from that sentence to its end (the next heading of its
level or above, or the end of its tab), as another environment's.

`disowns(sentence, production)` is that verdict on one paragraph: one of its sentences

* points at the part it stands in (`below`, `the following`, `what follows`, `this section`, `this
  tab`, `this part`, `this chapter`, `this appendix`, `this report`, `this page`),
* denies (`nothing`, `none`, `not`, `n't`, `no`, `never`),
* says what the part describes, is about, applies to, concerns or refers to (so "The table below does
  not include production's database server" is no verdict on the part),
* and names production (`production`: the catalogue's production words), in at most 25 words,

the part its subject (pointed at before the denial: "This tab does not describe production", or the
object of `nothing` or `none of`: "Nothing below", "None of this section"), production after the
denial ("The trial's results are not relevant to the production numbers below" denies a trial, not the
part), and with no exception in it (`but`, `except`, `unless`, `other than`, `only`, `otherwise`; nor `yet`, a
time not an environment: "The features in this section are not live yet"; "Nothing below
applies to anything but production" and "Everything below is about production unless a section says
otherwise" keep their part production's). A sentence that only denies one thing ("The DR site is not
production.") points at no part and is left to the environment words of its own clause.
"""

from __future__ import annotations

import re

_SENTENCES = re.compile(r"(?<=[.!?;])\s+")
_DEIXIS = re.compile(
    r"\b(?:below|the\s+following|what\s+follows|"
    r"this\s+(?:section|sub-?section|tab|sub-?tab|part|chapter|appendix|annex|report|page))\b",
    re.IGNORECASE,
)
# `nothing` or `none` whose object is the part: "Nothing below", "None of this section", "nothing in this tab"
_GOVERNS = re.compile(
    r"(?:nothing|none)\s+(?:(?:of|in|on)\s+)?(?:the\s+\w+\s+)?(?:below|the\s+following|this\s+\w+)",
    re.IGNORECASE,
)
_DENIAL = re.compile(r"\b(?:nothing|none|not|no|never)\b|n't\b", re.IGNORECASE)
# what a sentence about a part says it does: describe, be about, apply to, concern, refer to
_ABOUT = re.compile(
    r"\b(?:describ\w*|about|appl(?:y|ies)|concern\w*|refer\w*|relat\w*|is|are|was|were)\b", re.IGNORECASE
)
_EXCEPTION = re.compile(r"\b(?:but|except|unless|other\s+than|only|otherwise|besides|yet)\b", re.IGNORECASE)


def disowns(text: str, production: re.Pattern[str]) -> bool:
    """Whether a paragraph says the part it stands in does not describe production (`production`:
    the production words' pattern)."""
    return any(_verdict(s, production) for s in _SENTENCES.split(text) if len(s.split()) <= 25)


def _verdict(sentence: str, production: re.Pattern[str]) -> bool:
    """One sentence's verdict: the part is its subject (pointed at before the denial, or the object of
    `nothing` / `none of`), then the denial, then production, with no exception."""
    part = _DEIXIS.search(sentence)
    if part is None or _EXCEPTION.search(sentence) or not _ABOUT.search(sentence):
        return False
    denial = next(
        (
            n
            for n in _DENIAL.finditer(sentence)
            if n.start() > part.start() or _GOVERNS.match(sentence, n.start())
        ),
        None,
    )
    prods = production.finditer(sentence, denial.end()) if denial else iter(())
    # (a compound, "production-specific", "production-grade", says how, not whose: "Nothing in this
    # section is production-specific" holds for production too)
    return any(p.start() > part.end() and not sentence.startswith("-", p.end()) for p in prods)
