"""The one credential masker: every output (text, --json, errors, tables, `handoff tdd`, logs,
the doc, Vitally) shows a URL's credentials the same way.

    https://admin:hunter2@host/x   →  https://***@host/x
    https://ghp_token@host         →  https://***@host
    https://admin:pa/ss@w@host     →  https://***@host      (a password may hold `/` or `@`)
    https://host:8443/team@x       →  unchanged             (a port and a path, no credentials)

The whole user-info part goes, user name included: one rule, so two outputs of one value
never differ, and a token written as a user name is hidden too.
"""

from __future__ import annotations

import re

MASK = "***"
_URL = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)(\S*)")
_HOST_PORT_PATH = re.compile(r"^[^/:@]*:\d*[/?#]")


def _mask_one(scheme: str, rest: str) -> str:
    at = rest.rfind("@")
    if at < 0:
        return scheme + rest
    userinfo = rest[:at]
    if ":" in userinfo:  # user:password; the password may hold '/', '?', '#' or '@'
        if _HOST_PORT_PATH.match(userinfo):  # host:port/path@x is not user-info
            return scheme + rest
    else:
        first = re.search(r"[/?#@]", rest)
        if first is None or first.start() != rest.find("@"):  # an '@' in the path, not before the host
            return scheme + rest
        at = rest.find("@")
    return f"{scheme}{MASK}@{rest[at + 1 :]}"


def mask(text: str) -> str:
    """`text` with the credentials of every URL in it replaced by `***`."""
    if "@" not in text:
        return text
    return _URL.sub(lambda m: _mask_one(m.group(1), m.group(2)), text)
