"""Whether a clause says a kind of thing exists, does not exist, or only that one thing is not of it.

A careful reader counts the monorepos a sentence names by the polarity of the clause the word is
in, not by the word alone:

* "none": the clause quantifies the thing away. A negative determiner or pronoun governs it ("of
  which none is a monorepo", "Not one of the 1,490 repositories is a monorepo", "Neither host
  holds a monorepo", "No repository qualifies as one", "Nothing of theirs is what I'd call a
  monorepo", "zero monorepos", "Nothing I'd call a monorepo"), or the clause denies
  having or there being one ("We don't have any monorepos", "There isn't a monorepo", "the
  estate has never had a monorepo"): a count of 0.
* "denied": the clause denies only that one named thing is of the kind ("core-api is not a
  monorepo", "…, which is not a monorepo"): no count at all, and no mention that would make one.
* None: the clause affirms (the word names one: a mention).

The clause runs back from the word to the last full stop, colon, semicolon or bracket, or to a new
clause (", but", "whereas", a dash). `answer_none(text)`: an answer that opens with a bare "None",
"No" or "Zero" ("None. See 3.8 for the biggest repository") says there are none of what was asked.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_OPENS = re.compile(
    r"[.;:!?()\[\]—–]|\s-\s|,\s*(?:and|but|so|while|whereas)\b|\b(?:but|while|whereas|although|however)\b",
    re.IGNORECASE,
)
_NEG = r"(?:no|none|neither|nothing|zero|nil|not\s+(?:one|a\s+single|any|even\s+one))"
# a negative determiner right before the word ("no monorepos", "not a single large monorepo")
_DETERMINER = quick(
    rf"\b(?:{_NEG}|without(?:\s+any)?|never\s+(?:a|any|one))\s+(?:[\w-]+\s+){{0,2}}?$", re.IGNORECASE
)
# a clause whose subject is a negative quantifier and whose predicate is the word ("of which none is a
# monorepo", "Neither host holds a monorepo", "No repository qualifies as one")
_SUBJECT = quick(
    rf"^\W*(?:(?:and|or|of\s+(?:which|them|these|those))\s*,?\s*)?{_NEG}\b[^.;]*?\s"
    r"(?:is|are|was|were|qualif(?:y|ies|ied)|counts?|counted|holds?|held|has|have|had|contains?|includes?)"
    # (the predicate hedged by what someone would call it: "Nothing of theirs is what I'd call a monorepo")
    r"\s+(?:what\s+(?:I|we|you|one|they|anyone|anybody|Sourcegraph)(?:['’]d|\s+would|\s+might|\s+could)?\s+"
    r"(?:call|consider|count\s+as|describe\s+as|class\s+as)\s+)?"
    r"(?:(?:as|really|truly|actually|strictly)\s+)*(?:a|an|any|one|the\s+kind\s+of)?\s*$",
    re.IGNORECASE,
)
# a negative quantifier whose relative clause names the thing as someone would call it, with no verb
# of its own ("Nothing I'd call a monorepo", "none that we would consider a monorepo"): none of them
_CALLED_NONE = quick(
    rf"^\W*(?:(?:and|but|so)\s+)?{_NEG}\s+(?:(?:that|which)\s+)?(?:I|we|you|one|they|anyone|anybody|people)"
    r"(?:['’]d|\s+would|\s+might|\s+could|\s+will|\s+can)?\s+(?:really\s+|honestly\s+)?"
    r"(?:call|consider|count\s+as|describe\s+as|class\s+as|classify\s+as)\s+(?:a|an|any|one)?\s*$",
    re.IGNORECASE,
)
# a denial of having or of there being one ("We don't have any", "There isn't a", "has never had a")
_HAVING = quick(
    r"(?:\bthere\s+(?:is|are|was|were)\s*(?:n[o']t|no)|\bthere\s+(?:isn't|aren't|wasn't|weren't)|"
    r"(?:n't|\bnot|\bnever)\s+(?:(?:currently|yet|really|actually)\s+)?"
    r"(?:have|has|had|hold|holds|contain|contains|include|includes|keep|keeps|host|hosts|got|run|use)|"
    r"\b(?:has|have|had|holds?|contains?)\s+no)\b(?:\s+(?:[\w-]+\s+){0,3}?)?(?:a|an|any|one)?\s*$",
    re.IGNORECASE,
)
_DENIED = quick(r"(?:n't|\bnot)\b", re.IGNORECASE)
_ANSWER_NONE = quick(r"^\W*(?:none|no|zero|nil|nope)\b(?![\w-])(?!\s+(?:\w+\s+)?(?:of|other|more|idea)\b)",
                     re.IGNORECASE)  # fmt: skip


def clause_before(text: str, start: int) -> str:
    """The words of the clause before `start`, back to where the clause opens."""
    head = text[:start]
    opens = [m.end() for m in _OPENS.finditer(head)]
    return head[opens[-1] if opens else 0 :]


def polarity(text: str, start: int) -> str | None:
    """ "none", "denied" or None for the thing named at `start` (see the module's docstring)."""
    clause = clause_before(text, start)
    if (
        _DETERMINER.search(clause)
        or _SUBJECT.search(clause)
        or _HAVING.search(clause)
        or _CALLED_NONE.search(clause)
    ):
        return "none"
    if _DENIED.search(clause):
        return "denied"
    return None


def answer_none(text: str) -> bool:
    """Whether an answer opens with a bare none, no or zero ("None.", "No, …", "Zero")."""
    return bool(_ANSWER_NONE.search(text))
