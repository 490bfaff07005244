"""An instance's address is its base URL: scheme, host and port.

A careful reader copying a Sourcegraph instance's address from `https://sg.example.com/search?q=…`,
`https://sg.example.com/site-admin`, `https://sg.example.com/github.com/org/repo` or
`<https://sg.example.com/>` writes `https://sg.example.com`: Sourcegraph serves from the root of its
host, so what follows the host and port (a page, a query, a fragment, a closing slash) names a page
of the instance, not another instance. `base_urls` rewrites the instance URL values so; their
credentials stay for the check that reports them (and masks them), and a value that is not one
whole URL (a sentence) is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from handoff.core.model import TddValue

_WHOLE_URL = re.compile(r"<?(https?://[^/?#\s<>]+)[/?#][^\s<>]*>?|<(https?://[^/?#\s<>]+)>", re.IGNORECASE)


def base(url: str) -> str:
    """`url`'s scheme, host and port when it is one whole URL with more after them; else `url`."""
    m = _WHOLE_URL.fullmatch(url.strip())
    return (m.group(1) or m.group(2)) if m else url


def base_urls(values: Iterable[TddValue]) -> list[TddValue]:
    """`values` with every instance URL read as its base URL."""
    out = []
    for v in values:
        if v.field == "instance_url" and "://" in (v.value or v.text):
            written = v.value or v.text
            if base(written) != written:
                v = replace(v, value=base(written))
        out.append(v)
    return out
