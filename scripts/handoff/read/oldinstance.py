"""A code host named as an old instance of its product: its denial is not the current one's.

An on-premises TDD often names two instances of one product: the one Sourcegraph reads ("Azure
DevOps Server 2022 … connected with a PAT") and the old one being retired ("the old TFS 2015
server … Sourcegraph never connects to it", "our legacy GitLab 12 box, not connected"). Both carry
the same vocabulary name. A careful reader takes the denial as said of the old box alone: the
current instance stays connected.

`old_instance(text, start)` says the host named at `start` is qualified as old (`old`, `legacy`,
`former`, `previous`, `retired`, `retiring`, `outgoing`, `decommissioned` right before its name,
at most one word between). The document-wide ledger (`hostledger`) makes no denial of such a
mention; the paragraph's own reading (`connection`) still drops it where it is named.
"""

from __future__ import annotations

import re

from handoff.core.quickre import opened

_OLD_BEFORE = opened(
    re.compile(
        r"\b(?:old|older|legacy|former|previous|retired|retiring|outgoing|decommissioned|to-be-retired)\s+"
        r"(?:[\w.-]+\s+)?$",
        re.IGNORECASE,
    )
)


def old_instance(text: str, start: int) -> bool:
    """Whether the host named at offset `start` of `text` is qualified as an old instance."""
    return _OLD_BEFORE.search(text, max(0, start - 40), start) is not None


__all__ = ["old_instance"]
