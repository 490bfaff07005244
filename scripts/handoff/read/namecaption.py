"""A line that names one environment by its label and gives only that environment's name as its
value (`old: oke-sg-old (OCI, eu-frankfurt-1)`, `Staging: sg-stg`, `prod: oke-sg-prod`), read as a
heading over what follows (pure).

A terse page that compares two systems (the old cluster and the new one, staging and production)
often opens each with such a line and then lists that system's machines, disks and addresses as
bullets under it. The line says nothing itself: its label is the system's role and its value the
system's name, so a careful reader reads the lines after it, up to the next heading or such line,
as that system's. The label is a few words that name an environment or a former system by
themselves (`Environments.part`: "old", "legacy", "stg", "prod"), not a name of its own
(`sg-lab-02`); the value a name (one token and an optional bracket, not a description: "the guild's
sandbox, one D4s_v5, wiped weekly") with no figure of its own (no count, size, address or sentence),
so that a line that states a fact ("Staging: 2 × m5.large", "old: 1,500 GB") is still read as one.
The name is shaped as people name machines and clusters, joined by a hyphen, dot or underscore or
holding a digit (`oke-sg-old`, `sg_stg`, `sgprod2`), and is no value a field's vocabulary names
(`valued`): "Development: Perforce", "Sandbox: docker-compose" and "Standby: Azure" give that
environment's code host, deployment method and cloud, not its name.
A line of the same shape right under such a caption is its sibling and a caption too, whatever its
label names (`new: oke-sg-new` after `old: oke-sg-old`): the next system's lines begin there.
`name_caption(pair, part, sibling, valued)` gives the title to read as a heading, or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_MAX_LABEL_WORDS = 3
# a name: one token, then at most a bracket (`oke-sg-old (OCI, eu-frankfurt-1)`); a description
# ("the guild's sandbox, one D4s_v5, wiped weekly") is no name
_NAME = re.compile(r"[^\s()]+(?:\s*\([^()]{0,60}\))?")
_MACHINE_NAME = re.compile(r"[-_.\d]")  # within the name's token: `oke-sg-old`, `sg2`, not `Perforce`
_ROLE = re.compile(r"[A-Za-z][A-Za-z -]*")  # a role in words (`old`, `Old cluster`), not a name (`sg-lab-02`)
# a figure of its own: a number standing alone (not inside a name: `eu-frankfurt-1`, `sg-old2`),
# an address, or a sentence's end
_FIGURE = re.compile(r"(?<![\w.-])\d|://|@|[.!?](?:\s|$)")


def name_caption(
    pair: tuple[str, str] | None,
    part: Callable[[str], str],
    sibling: bool = False,
    valued: Callable[[str], bool] | None = None,
) -> str | None:
    """`Label: value` (`pair`) as a heading's title when the label alone names an environment (its
    `part`), or the line is under such a caption (`sibling`), and the value is only a name; else None."""
    if pair is None:
        return None
    label, value = pair[0].strip(), pair[1].strip()
    if not label or not value or len(label.split()) > _MAX_LABEL_WORDS:
        return None
    if not _NAME.fullmatch(value) or not _ROLE.fullmatch(label):
        return None
    if _FIGURE.search(value) or _FIGURE.search(label):
        return None
    name = value.split("(")[0]  # (the bracket may say where it runs: "cs-vm-a (Azure, westeurope)")
    if not _MACHINE_NAME.search(name) or (valued is not None and valued(name)):
        return None
    kind = part(label)
    title = f"{label}: {value}"
    if sibling:
        return title
    return title if kind and part(title) == kind else None


__all__ = ["name_caption"]
