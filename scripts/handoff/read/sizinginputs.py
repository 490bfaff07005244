"""A sizing's inputs are what it was made for, not the estate found.

A design often records what its sizing was run with under a heading of its own naming them as the
sizing's ("2. Sizing inputs (worksheet)", "Estimator inputs", "Inputs to the sizing"): the
repositories, their total size and the largest one as forecast for a horizon or with headroom
added ("today's figures plus 25 %: … largest repository 8 GB"). The same document then states
the estate as found ("The largest repository is interlocking-core at 6.4 GB"). So a repository
count, monorepo count, largest repository or total size read under a heading naming the inputs
gives way to one of its field read elsewhere outside a trial; alone it stays (the inputs may be
all the document says). Limits are not touched: what a deployment is sized for may well be its
agreed limit (`read.premises`).
"""

from __future__ import annotations

import re

MEASURED = frozenset({"repositories", "monorepos", "largest_repo_mb", "total_repo_size_gb"})
# the inputs of a sizing, an estimate or a capacity plan ("Sizing inputs", "Inputs to the estimator")
_INPUTS = re.compile(
    r"\b(?:siz(?:ing|er)|estimat\w*|capacity|planning)\s+inputs?\b|\binputs?\s+(?:to|for|of)\s+(?:the\s+)?"
    r"(?:siz(?:ing|er)|estimat\w*|capacity|planning)\b",
    re.IGNORECASE,
)
_OUTPUTS = re.compile(r"\b(?:outputs?|results?)\b", re.IGNORECASE)


def names_inputs(title: str) -> bool:
    """A heading naming a sizing's inputs ("2. Sizing inputs (worksheet)", "Estimator inputs"), not
    also its outputs or results ("Estimator inputs and results"); a workbook's bare `Inputs` tab
    names no sizing (it may hold the census itself)."""
    return "nput" in title.casefold() and bool(_INPUTS.search(title)) and not _OUTPUTS.search(title)
