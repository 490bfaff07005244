"""A bracketed aside saying the machines or sizes it names are left out of the figures: blanked.

A value or a sentence names the deployment's machines and, in brackets, others it does not count:
"3 × Standard_E16s_v5 in user pool sgpool (system pool of 2 × Standard_D2s_v5 for AKS add-ons only,
not counted)", "3 × Standard_E16s_v5 (AKS system pool of 2 × Standard_D4s_v5 excluded)", "4 ×
m6i.4xlarge worker nodes (a separate pair of 2 × t3.medium … sits outside the namespace and is not
counted), 64 vCPU and 256 GiB". A careful reader keeps the figures outside the brackets and drops the
aside's: it says itself they are not part of what is counted. The sentence as a whole says nothing
of the kind, so its own figures stay (`outside.py` reads a whole sentence that says so).

A piece of the aside (its parts split at commas and semicolons) that holds a figure and says it is
left out ("not counted", "excluded", "not included", "not part of …", "left out", a piece of its own
saying they carry none of it, "no Sourcegraph pods", or `outside.outside`) is
blanked; a piece that only says so, opening with those words ("…, not counted"), speaks of the piece
before it, which is blanked with it (back over pieces with no figure: "4 vCPU / 16 GB each, etcd only,
not counted"), and so is the count of machines right before the bracket when the whole aside went
("3 control-plane VMs (…, not counted)": those machines' count). An aside with no figure closing a
clause that counts machines ("control plane: 3 VMs × 4 vCPU / 16 GB (etcd only, not counted)") says
so of the whole clause, which is blanked. Only when the text outside the aside holds a figure too: an
aside that is the only figure is the value, whatever its remark. Blanked means spaces, length kept.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick
from handoff.read import outside, permachine, shapes

_ASIDE = re.compile(r"\(([^()]*)\)")
_NO_WORKLOAD = (  # "(edge proxies, no Sourcegraph pods)": a piece of its own saying they carry none of it
    r"(?:(?<=[,;(]\s)|(?<=\())no\s+(?:sourcegraph(?:'s)?\s+)?(?:workloads?|pods?)(?=\s*(?:[.,;)]|$))"
)
_LEFT_OUT = quick(
    r"\b(?:not\s+(?:counted|included|part\s+of)|excluded|(?:do|does|did)\s*(?:n't|\s+not)\s+count|(?:left|kept)\s+out|"
    r"outside\s+(?:the\s+)?(?:sizing|totals?|figures?|deployment|scope))\b"
    r"(?!\s+(?:towards?|against|for|in)\s+(?:the\s+)?(?:licen|seat|billing|cost|price|subscription))"
    # or that they carry none of it, as a piece of its own: "(edge proxies, no Sourcegraph pods)"
    rf"|{_NO_WORKLOAD}",
    re.IGNORECASE,
)
# ownership denied in a remark of a few words: "not ours", "another team's", "theirs" -- the machines
# belong to someone else, which leaves them out of the deployment as surely as "not counted"
_DISOWNED = (
    r"not\s+(?:ours|mine)\b|(?:another|other|a\s+different)\s+(?:[\w-]+\s+)?"
    r"(?:team|tenant|group|department|project|system|unit|customer)(?:['’]s|s['’])(?!\s+[\w-])|theirs\b(?!\s+to)"
)
_ONLY_SAYS = re.compile(  # a piece that is only the remark: "not counted", "and is excluded"
    r"^\W*(?:(?:and|but|so)\s+)?(?:(?:is|are|was|were)\s+)?(?:(?:not\s+(?:counted|included|part\s+of)|excluded|"
    r"(?:left|kept)\s+out|(?:do|does|did)\s*(?:n't|\s+not)\s+count)\b"
    r"|not\s+(?:sourcegraph(?:'s)?|our|the\s+deployment's)\s"
    r"|no\s+(?:sourcegraph(?:'s)?\s+)?(?:workloads?|pods?)\W*$"
    rf"|(?:{_DISOWNED})\W*$)",
    re.IGNORECASE,
)
# ownership denied, verbless: "not Sourcegraph capacity", "not our nodes"
_NOT_OURS = quick(
    r"\bnot\s+(?:sourcegraph(?:'s)?|our|the\s+deployment's)\s+(?:[\w-]+\s+)?"
    r"(?:capacity|storage|disks?|volumes?|machines?|nodes?|servers?|vms?)\b",
    re.IGNORECASE,
)
_PIECE = re.compile(r"[,;]\s+|\s+[—–]\s+")
_DISOWNED_IN = quick(rf"\b(?:{_DISOWNED})", re.IGNORECASE)


_NOT_OURS_BARE = re.compile(r"\bnot\s+(?:ours|sourcegraph(?:'s)?)\b", re.IGNORECASE)


def left_out_remark(cell: str) -> bool:
    """A remark holding no figure that says its row's thing is left out of the figures ("AKS add-ons
    only (not ours, not counted)", "excluded from the totals"): a machine table's row so remarked is
    not the deployment's, as a bracket saying so is not in prose."""
    return not shapes.DIGIT.search(cell) and bool(
        _LEFT_OUT.search(cell) or _NOT_OURS.search(cell) or _NOT_OURS_BARE.search(cell)
    )


def without_left_out(text: str) -> str:
    """`text` with the pieces of its bracketed asides that name figures left out blanked (same length)."""
    if "(" not in text or not (_LEFT_OUT.search(text) or _NOT_OURS.search(text) or _DISOWNED_IN.search(text)):
        return text
    out = text
    for m in _ASIDE.finditer(text):
        inner = m.group(1)
        whole = _left_out_whole(text, m)
        if whole is not None:  # "control plane: 3 VMs × 4 vCPU / 16 GB (etcd only, not counted)"
            out = out[: whole[0]] + " " * (whole[1] - whole[0]) + out[whole[1] :]
            continue
        if not shapes.DIGIT.search(inner) or not (
            _LEFT_OUT.search(inner) or _NOT_OURS.search(inner) or outside.outside(inner)
        ):
            continue
        rest = text[: m.start()] + text[m.end() :]
        if not shapes.DIGIT.search(rest):
            continue  # (the aside holds the only figure: it is the value)
        for a, b in _blanked(inner):
            a, b = m.start(1) + a, m.start(1) + b
            out = out[:a] + " " * (b - a) + out[b:]
        if not out[m.start(1) : m.end(1)].strip():  # (nothing left in it: the brackets go too)
            out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end() :]
            head = _own_head(text[: m.start()], inner)
            if head is not None:  # (and the count of the machines it spoke of)
                out = out[: head[0]] + " " * (head[1] - head[0]) + out[head[1] :]
    return out


def _blanked(inner: str) -> list[tuple[int, int]]:
    """The spans (in the aside) of its pieces that name figures it leaves out."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for m in _PIECE.finditer(inner):
        pieces.append((start, m.start()))
        start = m.end()
    pieces.append((start, len(inner)))
    spans: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(pieces):
        piece = inner[a:b]
        if not (_LEFT_OUT.search(piece) or _NOT_OURS.search(piece) or outside.outside(piece)):
            continue
        if shapes.DIGIT.search(piece):
            spans.append((a, b))
        elif i > 0 and _ONLY_SAYS.match(piece):  # "…, not counted": said of the piece before
            k = i - 1  # (back over a remark with no figure: "4 vCPU / 16 GB each, etcd only, not counted")
            while k > 0 and not shapes.DIGIT.search(inner, pieces[k][0], pieces[k][1]):
                k -= 1
            a = pieces[k][0]
            if shapes.DIGIT.search(inner, a, pieces[k][1]):
                spans.append((a, b))
    return spans


_CLAUSE_START = re.compile(r".*(?:[.;]\s|\n)", re.DOTALL)
_COUNTED_MACHINES = re.compile(
    rf"(?<![\w.,])\d{{1,4}}\s*(?:[×xX*]\s*[A-Za-z][\w.-]*\d|(?:[\w-]+\s+)?(?:{permachine.MACHINES})\b)",
    re.IGNORECASE,
)


def _left_out_whole(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The span of a clause of machines that its closing aside, with no figure of its own, says is
    left out: "control plane: 3 VMs × 4 vCPU / 16 GB (etcd only, not counted)". An aside with no figure
    can only speak of what it closes; when that is a count of machines with their figures and nothing
    follows the aside, the clause's machines, CPUs and sizes are not the deployment's. (A size alone
    before such an aside, "3,300 GB (OS disks, not counted)", may be the total that leaves them out:
    it stays.)"""
    inner = m.group(1)
    if shapes.DIGIT.search(inner) or text[m.end() :].split("\n", 1)[0].strip(" .;,"):  # (its line's end)
        return None
    last = _PIECE.split(inner)[-1]
    if not _ONLY_SAYS.match(last) or ":" in last:  # ("not counted: the control plane" names what is not)
        return None
    opened = _CLAUSE_START.match(text, 0, m.start())
    start = opened.end() if opened else 0
    if not _COUNTED_MACHINES.search(text, start, m.start()):
        return None
    return start, m.end()


# the machines an aside speaks of, right before it: "3 control-plane VMs (4 vCPU / 16 GB each, not
# counted)"; a count and up to three words, back to the clause's start
_HEAD = re.compile(
    r"(?:^|(?<=[\s,;:]))(?:\d+|one|two|three|four|five|six)\s+[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}\s*$",
    re.IGNORECASE,
)


def _own_head(before: str, inner: str) -> tuple[int, int] | None:
    """The span (in `before`) of the machines an aside left out wholly speaks of: its pieces are their
    own figures (one machine's size, `each`, a role) closed by a remark that only says they are not
    counted ("3 control-plane VMs (4 vCPU / 16 GB each, etcd only, not counted in capacity)"). The
    count before the bracket is then theirs, not the deployment's."""
    last = _PIECE.split(inner)[-1]
    if not _ONLY_SAYS.match(last) or shapes.DIGIT.search(last):
        return None
    m = _HEAD.search(before)
    return (m.start(), m.end()) if m else None


__all__ = ["without_left_out"]
