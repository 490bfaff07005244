"""An assignment's value without the comment after it: what the line of code sets.

A pasted Terraform, HCL or env file remarks on a value after it: `instance_type = "r6i.4xlarge"   #
first estimate was m6i.4xlarge x4, superseded after load test`, `machine_type = "n2-highmem-16" //
resized from n2-standard-16 x 5`, `node_count = 4   # autoscaler bounds are 3 to 6`. The line sets
the value before the comment; the comment tells its history or its bounds, and its machines and
figures are none of the value (a careful reader does not take "superseded" as said of the type
set). So the value is read without it, as a YAML key's already is (`read.walk`). A comment that is
only the value's unit (`memory = 256   # GiB`) stays: it says what the figure counts.
"""

from __future__ import annotations

import re

_COMMENT = re.compile(r"\s+(?:#|//)\s")
_UNIT_ONLY = re.compile(r"\s*(?:in\s+)?(?:[KMGT]i?B|GiB|gigabytes?|vCPUs?|cores?|nodes?)\s*$", re.IGNORECASE)


def code_value(value: str) -> str:
    """`value` (what follows `key =`) without a trailing `# …` or `// …` comment, unless the comment
    is only its unit."""
    m = _COMMENT.search(value)
    if m is None or _UNIT_ONLY.fullmatch(value[m.end() :]):
        return value
    return value[: m.start()]


__all__ = ["code_value"]
