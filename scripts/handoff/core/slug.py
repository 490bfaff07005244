"""Account slugs are safe names, and local paths are built from safe slugs only.

A slug (the Accounts tab's key) is letters, digits, `-`, `_` and `.`, at most 64 characters,
and never `..` nor a leading `.`: `acme`, `globex-eu`, `initech_2`, `hooli.xyz`. It names the
local copy `out/<slug>/<kind>.html`, so anything else (a `/`, a `\\`, `..`, an absolute path)
could put a file outside out/; such a slug is an error at its cell, and `local_copy` refuses
it again, and checks the path it builds stays inside out/.
"""

from __future__ import annotations

import re
from pathlib import Path

from handoff.core.errors import InputError

SLUG_PATTERN = r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}"
SLUG_MAX = 64
_SLUG = re.compile(SLUG_PATTERN)


def slug_problem(slug: str) -> str | None:
    """Why `slug` is not a safe account slug, or None."""
    s = slug.strip()
    if len(s) > SLUG_MAX:
        return f"the account slug is {len(s)} characters long, more than {SLUG_MAX}"
    if ".." in s or not _SLUG.fullmatch(s):
        return (
            f"the account slug '{s[:SLUG_MAX]}' is not a safe name: use letters, digits, '-', '_' and '.' "
            "only (no '/', '\\', spaces or '..')"
        )
    return None


def local_copy(out_dir: Path, account: str, kind: str) -> Path:
    """`out_dir/<account>/<kind>.html`, refused (InputError) unless it stays inside `out_dir`."""
    for part in (account, kind):
        if slug_problem(part):
            raise InputError(f"no local copy for '{part[:SLUG_MAX]}': not a safe name for a path")
    root = out_dir.resolve()
    path = (root / account / f"{kind}.html").resolve()
    if not path.is_relative_to(root):
        raise InputError(f"no local copy for '{account}': the path would leave {out_dir}")
    return path
