"""A VM template's (or base image's) figures: what a machine was cloned from, not what it has.

An on-premises build sheet says where the VM came from: "cloned from template tpl-rhel9 (2 vCPU,
8 GB, 80 GB) and resized to 16 vCPU / 64 GB", "the template ships with 2 vCPU, 4 GB and 32 GB",
"Template defaults: 1 socket × 2 cores, 8192 MB". A careful reader takes those figures as the
template's defaults, overwritten when the VM was sized: never the deployment's. The template is
known by its noun (`template`, `golden image`, `base image`, `OVA`), and its figures by where they
stand to it: in the bracket right after the template's name, after the template's verb of having
("comes with", "ships with", "has", "defaults to"), or after its defaults' label ("template
defaults:"), up to the end of that clause ("… and resized to …" is the VM's again).

`template_spans(sentence)`: the spans of a sentence that give a template's figures; the prose reader
reads their facts as an old thing's (no production value).
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_NOUN = (
    r"(?:(?:vm|vsphere|proxmox|cloud-init|golden|base|os)\s+)?templates?"
    r"|(?:golden|base|vm|os)\s+images?|ovas?"
)
_GATE = quick(r"\b(?:templates?|golden\s+image|base\s+image|ova)\b", re.IGNORECASE)
_TEMPLATE = re.compile(rf"\b(?:{_NOUN})\b", re.IGNORECASE)
# the template's own name after its noun (`tpl-rhel9-cis-v3`, `9000`, `ubuntu-22-base`, `"rhel9-gold"`)
_NAME = re.compile(r"\s+(?:[\"'“][^\"'”]{1,40}[\"'”]|[\w.:-]*\d[\w.:-]*|[\w]+(?:[-_.][\w]+)+)")
_BRACKET = re.compile(r"\s*(?:\([^()]*\)\s*)?\(([^()]*)\)")
_HAVING = re.compile(  # the template's own verb: "…, which comes with", "… has only", "… ships with"
    r"\s*,?\s*(?:(?:which|that)\s+)?(?:(?:only|still|itself|by\s+default|out\s+of\s+the\s+box)\s+)?"
    r"(?:comes?\s+with|came\s+with|ships?\s+with|shipped\s+with|defaults?\s+to|defaulted\s+to"
    r"|(?:has|had|gives|gave|provides?|provided)(?:\s+only)?)\b",
    re.IGNORECASE,
)
_DEFAULTS = re.compile(r"(?:'s)?\s+defaults?\b\s*(?:[:=(—–-]|\bare\b|\bwere\b|\bof\b)", re.IGNORECASE)
_END = re.compile(
    r"[.;]\s|[.;]$|\s+(?:and|but|then)\s+(?:was\s+|were\s+|is\s+|got\s+)?(?:then\s+)?"
    r"(?:resized|grown|extended|increased|changed|scaled|raised|bumped|set|sized|given)\b|,\s+(?:then|but)\s",
    re.IGNORECASE,
)
_FIGURE = re.compile(  # a CPU count or a size (`2 vCPU`, `1 socket × 2 cores`, `8192 MB`, `80 GB`)
    r"\d\s*(?:v?cpus?|vcores?|cores?|sockets?|[KMGT]i?B|[KMGT]\b)", re.IGNORECASE
)


def template_spans(sentence: str) -> list[tuple[int, int]]:
    """The spans of `sentence` that give a VM template's figures (module doc)."""
    if not _GATE.search(sentence):
        return []
    spans: list[tuple[int, int]] = []
    for m in _TEMPLATE.finditer(sentence):
        at = m.end()
        name = _NAME.match(sentence, at)
        after = name.end() if name else at
        bracket = _BRACKET.match(sentence, after)
        if bracket and _FIGURE.search(bracket.group(1)):  # "template tpl-rhel9 (2 vCPU, 8 GB, 80 GB)"
            spans.append((bracket.start(1), bracket.end(1)))
            continue
        after = bracket.end() if bracket else after  # ("template 9000 (debian12-cloudinit), which has …")
        told = _DEFAULTS.match(sentence, after) or _HAVING.match(sentence, after)
        if told is None:
            continue  # ("cloned from the template and resized to 16 vCPU": the VM's figures)
        end = _END.search(sentence, told.end())
        stop = end.start() if end else len(sentence)
        if _FIGURE.search(sentence, told.end(), stop):
            spans.append((told.end(), stop))
    return spans


__all__ = ["template_spans"]
