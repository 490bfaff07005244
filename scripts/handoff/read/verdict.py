"""A statement closed by a verdict of not taken: an offer, option or request turned down.

A market check lists other suppliers' offers and ends each with what became of it ("would rebuild
on AWS EKS with 5 × m6i.4xlarge; declined", "offer sized for up to 5,000 repositories — rejected",
"Bitbucket Cloud workspace (dropped)"). A careful reader takes nothing from such a statement: the
machines, limits and counts it names were never the deployment's. The verdict is the statement's
closing clause (after a semicolon, a dash or a comma, or in closing brackets) when that clause is
only a status of things not done, dropped or declined: the catalogue's `not_done_words`, the same
words that make a board's column or a heading hold no facts (`read/cells.py`), or such a status
followed only by when, where, by whom or why ("first plan was Docker Compose on one VM (32 vCPU),
dropped in the design review 24 Jun because the estate is being retired").

* `closed_as_not_taken(text, words)`: whether a sentence, cell or item ends with such a verdict.
* `without_not_taken(text, words)`: the text with each sentence so closed blanked out (offsets
  kept), so the other sentences of its paragraph are still read.
"""

from __future__ import annotations

import functools
import re

from handoff.core.fields import norm
from handoff.core.quickre import any_of, quick
from handoff.read.cells import not_done

# the closing clause of a statement: after `;`, a dash or a comma, or in closing brackets
_CLOSING = re.compile(
    r"(?:[;—–]|\s-\s|,|\s(?:was|were|is|are|been)\s+\w+ed\s+and(?:\s+then)?)\s*(?P<clause>[^;—–,()\n]{1,32}?)\s*[.!]?\s*$|\((?P<aside>[^()\n]{1,32})\)\s*[.!]?\s*$"
)
# a closing clause telling when, where, by whom or why after its status ("…, dropped in the design
# review 24 Jun because the VMware estate is being retired", "…; rejected by the CAB on 7 Oct")
_TOLD = re.compile(
    r"(?:[;—–,]|\s-\s)\s*(?P<status>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s+(?:in|at|by|on|after|during|because|"
    r"due\s+to|since|following|when|as)\s[^;—–,()\n]*[.!]?\s*$",
    re.IGNORECASE,
)
_MARKS = ";—–,-("  # one of them is in every closing clause (`\s-\s` holds "-")


def _marked(text: str) -> bool:
    """Whether `text` holds one of `_MARKS` (written out: asked of every sentence)."""
    return ";" in text or "—" in text or "–" in text or "," in text or "-" in text or "(" in text


_REASON = quick(r"\s*\([^()\n]{1,40}\)\s*[.!]?\s*$")  # a bracketed reason after the verdict
_DIGITS = re.compile(r"\d+")
# after a verdict, how long it holds: "not requested yet", "declined for now"
_STILL = quick(r"\s+(?:yet|for now|so far|as yet|at this stage)(?=\s*[.!]?\s*$)", re.IGNORECASE)
_SENTENCE = re.compile(
    r"(?:[^.!?\n]|[.!?](?=\S))+[.!?]*"
)  # a sentence and its closing stop ("m6i.4xlarge" ends none)


# a sentence of one clause whose predicate is a status denied: "The BoM's 3 TB data volume was not
# provisioned", "Two further nodes were never procured" (its subject was never the deployment's)
_NEGATED = re.compile(
    r"\s(?:was|were|has\s+been|have\s+been)\s+(?P<clause>(?:not|never)\s+[^\W\d_]+)\s*[.!]?\s*$",
    re.IGNORECASE,
)
_ONE_CLAUSE = re.compile(r"[;—–]|,\s|\s-\s")


# a sentence of one clause whose predicate is a verdict of not taken: "A hand-built Docker Compose VM is
# declined (no CIS baseline).", "The e2-standard-32 option was rejected.", "Sourcegraph Cloud has been
# ruled out": its subject was turned down
_TURNED_DOWN = re.compile(
    r"\s(?:is|are|was|were|has\s+been|have\s+been|got|gets)\s+(?:(?:now|therefore|also|hereby|then)\s+)?"
    r"(?P<clause>declined|rejected|refused|dropped|turned\s+down|ruled\s+out)"
    r"(?:\s+by\s+[^\W\d_][^;,()\n]{0,30}?)?\s*(?:\([^()\n]{0,40}\))?\s*[.!]?\s*$",
    re.IGNORECASE,
)


def _denied_status(text: str, words: frozenset[str]) -> bool:
    m = _NEGATED.search(text) if " not " in text or " never " in text else None
    if m is None and ("declin" in text or "reject" in text or "refus" in text or " down" in text
                      or " out" in text or "dropped" in text):  # fmt: skip
        m = _TURNED_DOWN.search(text)
    return m is not None and not _ONE_CLAUSE.search(text, 0, m.start()) and not_done(m.group("clause"), words)


def closed_as_not_taken(text: str, words: frozenset[str]) -> bool:
    """Whether the text ends with a clause that is only a status of a thing not taken ("…; declined",
    "… — rejected", "… (dropped)"), or is one clause whose predicate denies such a status ("The
    offer's 3 TB volume was not provisioned")."""
    if _denied_status(text, words):
        return True
    if not _marked(text) and " and " not in text:
        return False  # (no separator, no bracket, no second verb: no closing clause)
    text = _STILL.sub("", text.rstrip())
    reasoned = _REASON.sub("", text)  # "… — rejected (price)": the verdict before its reason
    for end in (text,) if reasoned == text else (text, reasoned):  # (the same text reads the same)
        if "[" not in end and not _ends_with_word(end, words):
            continue  # (no status word at its end: no verdict there)
        m = _CLOSING.search(end)
        if m is not None and not_done(m.group("clause") or m.group("aside") or "", words):
            return True
    told = _TOLD.search(text)
    return told is not None and not_done(told.group("status"), words)


def _key(text: str) -> str:
    """`text`'s letters as `not_done` keys a status (its digits dropped, `norm`): the key of a text's
    closing clause or aside is the end of its text's key, and a part of the key of any text holding
    it (neither holds a square bracket, which `not_done` would drop with its contents)."""
    if text.isascii():  # (the same key: an ASCII text's letters a-z, lower case, in one C step)
        return text.encode("ascii").lower().translate(None, _NOT_LOWER_LETTER).decode("ascii")
    return norm(_DIGITS.sub(" ", text))


_NOT_LOWER_LETTER = bytes(b for b in range(256) if not (ord("a") <= b <= ord("z")))


@functools.lru_cache(maxsize=8)
def _word_tests(words: frozenset[str]) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The status words as one `str.endswith` argument and one pattern finding any of them (a trie:
    only whether one is found is asked)."""
    ordered = tuple(sorted(words, key=lambda w: (-len(w), w)))
    return ordered, re.compile(any_of(ordered))


def _ends_with_word(text: str, words: frozenset[str]) -> bool:
    return _key(text).endswith(_word_tests(words)[0])


def without_not_taken(text: str, words: frozenset[str]) -> str:
    """`text` with every sentence closed as not taken blanked out, the other characters in place."""
    if (
        not _marked(text)
        and " and " not in text
        and " not " not in text
        and " never " not in text
        and not (" been " in text or " is " in text or " was " in text or " were " in text or " are " in text)
    ) or not words:
        return text
    if "[" not in text and _word_tests(words)[1].search(_key(text)) is None:
        return text  # (a text whose key holds no status word closes no sentence with one)
    out = text
    for m in _SENTENCE.finditer(text):
        if closed_as_not_taken(m.group(0), words):
            out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end() :]
    return out


__all__ = ["closed_as_not_taken", "without_not_taken"]
