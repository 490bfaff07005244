"""What another document is reported to say: "The SOW said “storage: 5 TB”", "The kickoff deck quoted
“4,000 repos”", "From the sizing email: “we'd budget 256 GB of RAM”", "The proposal's timeline had
the build complete on 1 March; it actually completed on 20 March". A careful reader takes the quoted
or reported words as that document's, not as what was built: they are blanked (length kept), and
the sentence's own statement, if any, is read.

The other document is a working paper (a statement of work, a proposal, a deck, an email, slides, a
request for proposal, a spec, a brief, a wiki page, a ticket, a quotation, a business case, an
earlier plan or draft), never the agreement that sets the limits (a contract, an order form, a
licence), whose figures are the limits' own. The reported part is a quotation right after the lead
(“…”, "…") or, with no quotation, the rest of its clause (up to `;`, a sentence's end, `but`) when
what follows sets something against it ("but the volumes total 1.5 TB", "it actually completed on
…"); with nothing set against it the reported figure is the document's only one and stands ("The
project brief said 1,900 repositories; the counts below are from …").
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_DOC = (
    r"(?:SOWs?|statements?\s+of\s+work|proposals?|decks?|e-?mails?|mails?|slides?|slideware|RFPs?|RFIs?|RFQs?|"
    r"specs?|specifications?|briefs?|wiki(?:\s+pages?)?|confluence(?:\s+pages?)?|tickets?|quotes?|quotations?|"
    r"business\s+case|(?:original|initial|earlier)\s+(?:plan|draft|design|sizing)|pre-?sales\s+notes?|"
    r"kick-?off\s+notes?)"
)
_SAYS = (
    r"(?:said|says|stated|states|listed|lists|quoted|quotes|had|has|gave|gives|assumed|assumes|asked\s+for|"
    r"specified|specifies|mentioned|mentions|promised|promises|called\s+for|calls\s+for|claimed|claims|"
    r"named|names|put|puts|showed|shows)"
)
_QUOTED = r"[\s:,]*(?:“[^”\n]{1,160}”|\"[^\"\n]{1,160}\"|«[^»\n]{1,160}»)"
_REST = r"(?:[^;.\n]|\.(?=\S))*?(?=\s*(?:;|\.(?:\s|$)|\bbut\b|\bwhile\b|\bwhereas\b|[–—]|\n|$))"
_QUOTE_MARK = re.compile(r"[\s:,]*[“\"«]")
# what the sentence goes on to set against the reported words: "but the volumes total 1.5 TB", "it
# actually completed on 20 March", "the real number is 2,400"
_CONTRAST = quick(
    r"\b(?:but|however|actually|in fact|in reality|instead|really|real|only|what was built|we built|"
    r"was built|were built|provisioned|delivered)\b",
    re.IGNORECASE,
)
_REPORTED = quick(
    rf"\b{_DOC}(?:['’]s)?(?:\s+[\w-]+){{0,2}}?\s+{_SAYS}\b(?P<q>{_QUOTED}|{_REST})", re.IGNORECASE
)
_FROM_DOC = quick(  # (only in a text with a quotation mark)
    rf"\bfrom\s+(?:the|an?|our|their|that|this)\s+(?:[\w-]+\s+){{0,2}}?{_DOC}\s*[:,]?(?P<q>{_QUOTED})",
    re.IGNORECASE,
)


def unreported(text: str) -> str:
    """`text` with what another document is reported to say blanked (its length kept)."""
    if len(text) < 16:
        return text  # (a cell's figure or word: no report fits)
    out = text
    quoting = "“" in text or '"' in text or "«" in text
    for m in (*_REPORTED.finditer(text), *(_FROM_DOC.finditer(text) if quoting else ())):
        a, b = m.span("q")
        quoted = _QUOTE_MARK.match(text, a) is not None
        if not quoted and _CONTRAST.search(text, b, b + 120) is None:
            continue  # "The project brief said 1,900 repositories; the counts below …": the figure stands
        out = out[:a] + " " * (b - a) + out[b:]
    return out
