"""A name written as a slug keeps its words: `freight-core`, `corrin-core` name a repository or an
organisation, not cores.

Repositories and organisations are named `<name>-core` by habit (the core module of a product). In a
table of organisations and their repository counts (`corrin-core | 520`) or a list (`ledger-core:
3.4 GB`), a careful reader sees a name, not a label counting CPU cores. `without_slug_words(label)`
blanks a `core` / `cores` joined to a word before it by a hyphen or an underscore, so a label's
meaning (`labelwords`) does not take it for the CPU count; `CPU cores`, `Cores (total)` and
`vCPU-cores` (which still say `CPU`) keep their meaning.
"""

from __future__ import annotations

import re

_SLUG_CORE = re.compile(r"(?<=[A-Za-z0-9])[-_]cores?\b", re.IGNORECASE)


def without_slug_words(label: str) -> str:
    """The label with a slug's `-core` blanked (its length kept)."""
    return _SLUG_CORE.sub(lambda m: " " * len(m.group(0)), label) if "core" in label.lower() else label


__all__ = ["without_slug_words"]
