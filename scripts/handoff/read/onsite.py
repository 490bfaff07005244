"""A cloud vendor's hardware in the customer's own building: where the vendor's services beside it run.

"EKS local cluster on the AWS Outposts rack in our own DC", "AKS on Azure Stack HCI in the plant's
server room": a careful reader sees the cloud's service (EKS, AKS) named first, and then the
hardware it runs on, which is the customer's site. The catalogue files such hardware under
on-premises ("AWS Outposts", "Azure Stack HCI"); its name opens with the vendor's own (`AWS`,
`Azure`), which is how the reader knows it: no list of products here. When a sentence names both,
the hardware is the sentence's hosting, whatever order the names come in; a cloud named alone stays
that cloud.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from handoff.core.model import TddValue
from handoff.read.vocab import Found

_ON_PREMISES = "on-premises"


def on_site_first(s: str, clouds: Sequence[Found], find: Callable[[str], list[Found]]) -> list[Found]:
    """`clouds` (the hosting names found in `s`) with a cloud vendor's on-site hardware put first when
    the sentence also names a cloud service: an on-premises name whose first word alone names a cloud
    (`find`: the hosting vocabulary's finder)."""
    if len(clouds) < 2 or not any(x.value == _ON_PREMISES for x in clouds):
        return list(clouds)
    site = [x for x in clouds if x.value == _ON_PREMISES and _vendor_of(s[x.start : x.end], find)]
    if not site or not any(x.value == _vendor_of(s[site[0].start : site[0].end], find) for x in clouds):
        return list(clouds)
    return [*site, *(x for x in clouds if x not in site)]


def _vendor_of(name: str, find: Callable[[str], list[Found]]) -> str:
    """The cloud a hardware name's first word names (`AWS Outposts` → AWS), else ""."""
    words = name.split()
    if len(words) < 2:
        return ""
    found = find(words[0])
    return found[0].value if len(found) == 1 and found[0].value != _ON_PREMISES else ""


def on_site_wins(values: list[TddValue], find: Callable[[str], list[Found]]) -> list[TddValue]:
    """Across the document: when its hosting outside trials is a cloud vendor's on-site hardware
    (`AWS Outposts`) and otherwise only that vendor's cloud (`EKS` named again further on), the
    vendor's services run on that hardware: the cloud's values give way to it, no conflict."""
    hosting = [v for v in values if v.field == "hosting_provider" and v.section != "trial"]
    vendors = {_vendor_of(v.text, find) for v in hosting if v.value == _ON_PREMISES} - {""}
    if len(vendors) != 1 or not any(v.value in vendors for v in hosting):
        return values
    if any(v.value not in vendors and v.value != _ON_PREMISES for v in hosting):
        return values  # another cloud named too: not this relation
    drop = {id(v) for v in hosting if v.value in vendors}
    return [v for v in values if id(v) not in drop]


__all__ = ["on_site_first", "on_site_wins"]
