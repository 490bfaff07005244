"""A record of speech read as what its speakers finally said: punctuation dictated as words, and a
figure its speaker takes back for another.

A dictated memo or a voice transcription writes the punctuation its author said aloud ("Disk colon
two terabytes comma on the vSAN datastore full stop"); a careful reader hears the marks. A document
whose text says such marks several times (at least `_LEAST` of "comma", "full stop", "colon", "new
paragraph", "question mark", two kinds of them) has them written as the marks (`punctuated`), so
its figures and names are read in their clauses and sentences as in any written text.

In speech a figure is corrected as it is said: "n2-standard-16, three nodes, sorry, four", "two
terabytes, no, scratch that, three terabytes", "sixteen, no, thirty-two gigs", "four of the CCX43s,
no wait, five". `corrected(text)` gives the text as finally said: the figure taken back is replaced
by the later one, which takes the earlier one's words when it has none of its own ("four nodes");
a figure taken back with no new figure ("four gigs, hmm, no, that was before the cleanup") is
dropped. A correction whose new figure counts something else ("16 GB, actually 4 nodes") changes
nothing. Both run on every run of text before the walk (`spoken_record`), gated on literal words.
"""

from __future__ import annotations

import re
from typing import Any

from handoff.core.quickre import possible, quick
from handoff.read import shapes
from handoff.read.doctext import as_dict, as_list, as_str
from handoff.read.forms import _copy
from handoff.read.ownsections import _contents
from handoff.read.quicktext import joined, paragraph_dicts

# --- punctuation said as words -------------------------------------------------------------------
_SAID_MARK = re.compile(
    r"[ \t]*[,.]?[ \t]*\b(?P<w>comma|full[ ]stop|colon|semi-?colon|question[ ]mark|exclamation[ ]mark|"
    r"new[ ]paragraph|new[ ]line)\b[ \t]*(?P<after>[,.:;?]?)",
    re.IGNORECASE,
)
_MARK = {
    "comma": ",", "full stop": ".", "colon": ":", "semicolon": ";", "semi-colon": ";", "question mark": "?",
    "exclamation mark": "!", "new paragraph": ".", "new line": ".",
}  # fmt: skip
_SAID_V = re.compile(r"\bvee[ -]?(?=CPUs?\b)(?:CPU)", re.IGNORECASE)
_MARK_GATE = quick(r"\b(?:comma|full stop|new paragraph)\b", re.IGNORECASE)
_LEAST = 6  # marks said in the document: a dictation, not a text that once names a comma


def _said_marks(texts: list[str]) -> bool:
    """Whether the document dictates its punctuation: at least `_LEAST` said marks of two kinds."""
    kinds: dict[str, int] = {}
    for t in texts:
        if _MARK_GATE.search(t):
            for m in _SAID_MARK.finditer(t):
                w = m.group("w").lower()
                kinds[w] = kinds.get(w, 0) + 1
    return sum(kinds.values()) >= _LEAST and len(kinds) >= 2


def punctuated(text: str) -> str:
    """The text with its said marks written ("two gigs comma full stop" → "two gigs,.": one mark
    each, the words gone; a mark already typed beside its word is not doubled)."""

    def mark(m: re.Match[str]) -> str:
        sign = _MARK[m.group("w").lower()]
        rest = m.string[m.end() :]
        if sign == "." and not m.string[: m.start()].strip():
            return ""  # "New paragraph. The VM …": a paragraph said to open, no mark
        return sign + ("" if not rest or rest[0] in " \n\t" else " ")

    out = _SAID_MARK.sub(mark, text).replace(",.", ".").replace(". .", ".")
    out = _SAID_V.sub("vCPU", out) if "vee" in out.lower() else out  # the letter said: "vee-CPU"
    out = out if text[:1].isspace() else out.lstrip(" \t")
    return _SPOKEN_URL.sub(_written_url, out) if "slash slash" in out.lower() else out


# an address spelt as said: "h-t-t-p-s colon slash slash code dot corvane dash systems dot example"
_SPOKEN_URL = re.compile(
    r"\b(?P<scheme>h-?t-?t-?p(?:-?s)?)\s*(?::|colon)?\s+slash\s+slash\s+"
    r"(?P<rest>[a-z0-9]+(?:\s+(?:dot|dash|hyphen|slash)\s+[a-z0-9]+)+)",
    re.IGNORECASE,
)
_URL_SIGN = {"dot": ".", "dash": "-", "hyphen": "-", "slash": "/"}


def _written_url(m: re.Match[str]) -> str:
    scheme = m.group("scheme").replace("-", "").lower()
    words = m.group("rest").split()
    return scheme + "://" + "".join(_URL_SIGN.get(w.lower(), w) if i % 2 else w for i, w in enumerate(words))


# --- a figure taken back ------------------------------------------------------------------------
_NUM = (  # a figure in digits or words, its decimals said ("one point five")
    rf"(?:\d[\d,.]*\d|\d|{shapes._SPELT_BODY}"
    rf"(?:[ \t]+point[ \t]+{shapes._DIGIT_WORD}(?:[ \t-]+{shapes._DIGIT_WORD})*)?)"
)
_PAUSE = r"(?:sorry|no|wait|oops|um+|uh+|err?|hmm+|ah|actually|my bad|my mistake)"
_TAKE_BACK = (  # (across a full stop only with a word that says so: "none. Actually, correction, one")
    rf"(?P<back>[ \t]*(?:[,;:…—–-][\s,;:…—–-]*(?:{_PAUSE}[\s,;:…—–-]+)*"
    rf"(?:sorry|no|no wait|wait|actually|i mean|i meant|correction|scratch that|make that|or rather)"
    rf"|\.[ \t]+(?:{_PAUSE}[\s,;:…—–-]+)*(?:correction|scratch that|i mean|i meant|sorry))"
    r"(?:[ \t]*[,;:…—–-]+[ \t]*|[ \t]+))"
)
_FIX = re.compile(
    rf"(?<![\w.,-])(?P<old>none|{_NUM})(?P<noun>(?:[ \t-]+[A-Za-z][\w.-]*){{0,6}}?){_TAKE_BACK}"
    rf"(?P<new>{_NUM})(?![\w-])(?P<own>[ \t]+[A-Za-z][\w-]*)?",
    re.IGNORECASE,
)
# a figure taken back by "no" with no new figure after it: "four gigs, hmm, no, that was before …"
_DROP = re.compile(
    rf"(?<![\w.,-])(?P<old>{_NUM})(?P<noun>(?:[ \t-]+[A-Za-z][\w.-]*){{0,3}}?)"
    rf"[ \t]*,[ \t]*(?:{_PAUSE}[ \t]*,[ \t]*)*(?:no|scratch that)[ \t]*,[ \t]*(?=that (?:was|is|'s)\b)",
    re.IGNORECASE,
)
_FIX_GATE = quick(
    r"\b(?:sorry|no|wait|actually|i mean|i meant|correction|scratch that|make that|or rather)\b",
    re.IGNORECASE,
)
_UNITS = frozenset(
    {"gb", "gib", "tb", "tib", "gig", "gigs", "terabyte", "terabytes", "gigabyte", "gigabytes"}
)


def _same_kind(noun: str, own: str) -> bool:
    """Whether the new figure's own word counts what the old one's words did ("nodes"/"nodes", two
    units of size)."""
    a = noun.split()[0].lower().rstrip("s") if noun.split() else ""
    b = own.strip().lower().rstrip("s")
    return a == b or ((a + "s" in _UNITS or a in _UNITS) and (b in _UNITS or b + "s" in _UNITS))


def corrected(text: str) -> str:
    """The text as finally said: each figure its speaker takes back replaced by the later one."""
    if not _FIX_GATE.search(text):
        return text

    def fix(m: re.Match[str]) -> str:
        noun, own = m.group("noun"), m.group("own") or ""
        if "sorry" in m.group("back").lower() and re.match(r"\s*(?:for|about|to)\b", own):
            return m.group(0)
        if own and noun.strip() and not _same_kind(noun, own):
            return m.group(0)  # "16 GB, actually 4 nodes": another thing counted
        if not own.strip() and noun.strip():
            return m.group("new") + noun  # "three nodes, sorry, four" → "four nodes"
        return m.group("new") + own

    out = _FIX.sub(fix, text)
    return _DROP.sub("", out) if "no" in out.lower() else out


# --- the pass -----------------------------------------------------------------------------------
def spoken_record(doc: Any, texts: list[tuple[dict[str, Any], str]]) -> Any:
    """`doc` with its dictated punctuation written and its figures taken back replaced; the input
    itself when it has neither."""
    if not isinstance(doc, dict):
        return doc
    said = possible(_MARK_GATE, joined(texts)) and _said_marks([t for _, t in texts])
    at = {i for i, (_, t) in enumerate(texts) if said or (_FIX_GATE.search(t) and corrected(t) != t)}
    if not at:
        return doc
    out = _copy(doc)
    for i, p in enumerate(paragraph_dicts(out)):
        if i not in at:
            continue
        elements = as_list(p.get("elements"))
        for k, el in enumerate(elements):
            run = as_dict(as_dict(el).get("textRun"))
            content = as_str(run.get("content"))
            if not content:
                continue
            new = corrected(punctuated(content) if said else content)
            if new != content:
                elements[k] = {**as_dict(el), "textRun": {**run, "content": new}}
    if said:
        for body in _contents(out):
            body[:] = [part for se in body for part in _titled(se)]
    return out


# a dictated paragraph that opens by saying its topic ("New paragraph. Licence and limits full stop. They
# are licensed for …"): a few words with no verb, no pronoun, no figure, then the full stop
_TITLE = re.compile(r"(?P<title>[A-Z][A-Za-z&'’ -]{1,48}?)\.[ \t]+(?=\S)")
_NO_TITLE = frozenset(
    {
        "i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those", "there", "here", "is",
        "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will", "would", "can",
        "could", "should", "okay", "ok", "hi", "hello", "so", "yes", "no", "thanks",
    }
)  # fmt: skip


def _titled(se: Any) -> list[Any]:
    """The structural element, or its said topic as a short bold paragraph (a heading, as the walk
    reads one) and the rest of the paragraph after it."""
    p = as_dict(as_dict(se).get("paragraph"))
    elements = as_list(p.get("elements"))
    if not elements or as_dict(p.get("bullet")):
        return [se]
    run = as_dict(as_dict(elements[0]).get("textRun"))
    text = as_str(run.get("content"))
    m = _TITLE.match(text)
    if m is None:
        return [se]
    words = m.group("title").lower().split()
    if not 1 <= len(words) <= _TITLE_WORDS or any(w.strip("'’") in _NO_TITLE for w in words):
        return [se]
    style = {**as_dict(run.get("textStyle")), "bold": True}
    head = {"textRun": {"content": m.group("title") + "\n", "textStyle": style}}
    heading = {"paragraph": {"elements": [head], "paragraphStyle": {"namedStyleType": "NORMAL_TEXT"}}}
    rest = {**as_dict(elements[0]), "textRun": {**run, "content": text[m.end() :]}}
    return [heading, {**as_dict(se), "paragraph": {**p, "elements": [rest, *elements[1:]]}}]


_TITLE_WORDS = 5


__all__ = ["corrected", "punctuated", "spoken_record"]
