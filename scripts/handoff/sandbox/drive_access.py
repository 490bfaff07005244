"""Who may do what to a Drive file: the roles and their order, and a user's role on a file.

Shared by Drive, Docs and Sheets (a spreadsheet or a document is a Drive file: its sharing
decides who reads or writes it).
"""

from __future__ import annotations

from typing import Any

from handoff.sandbox.http import DEFAULT_USER

JSON = dict[str, Any]

ROLE_RANK = {"reader": 1, "commenter": 2, "writer": 3, "fileOrganizer": 4, "organizer": 5, "owner": 6}


def owners_of(record: JSON) -> list[str]:
    return list(record.get("owners") or [DEFAULT_USER])


def access_role(record: JSON, user: str) -> str | None:
    """The requester's role on a file: owner / writer / reader …, or None (no access)."""
    if user in owners_of(record):
        return "owner"
    best: str | None = None
    for perm in record.get("permissions") or []:
        kind = perm.get("type")
        email = str(perm.get("emailAddress", "")).lower()
        matches = (
            (kind in ("user", "group") and email == user.lower())
            or kind == "anyone"
            or (kind == "domain" and user.lower().endswith("@" + str(perm.get("domain", "")).lower()))
        )
        if matches and ROLE_RANK.get(perm.get("role", ""), 0) > ROLE_RANK.get(best or "", 0):
            best = perm.get("role")
    if best is None and not record.get("restricted"):
        return "writer"
    return best
