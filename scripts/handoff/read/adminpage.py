"""A part that shows what the running instance holds now: a Sourcegraph admin page pasted as it is.

People paste the site admin's pages into a TDD (`Site admin (pasted 14 Aug 2026)`, `Admin dashboard`,
`Usage statistics`): its counts are what exists today, the users who have an account or signed in,
never the licence or the design limit. Under a heading, table header or parent bullet naming such a
page (and no limit: `Site admin: licence` still is one), a count read as a limit of people
(`Users: 514`) is none; the repositories it counts are still the repositories.
"""

from __future__ import annotations

import re

from handoff.core.quickre import quick

_ADMIN_PAGE = quick(
    r"\bsite[\s-]*admin\b|\badmin(?:istration)?\s+(?:page|panel|dashboard|console|area|ui)\b"
    r"|\busage\s+(?:stats|statistics|dashboard)\b|\buser\s+statistics\b",
    re.IGNORECASE,
)


def admin_page(title: str) -> bool:
    """Whether a title names an admin page of the instance (see the module's docstring)."""
    return bool(_ADMIN_PAGE.search(title))


__all__ = ["admin_page"]
