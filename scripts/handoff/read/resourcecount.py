"""A Terraform machine resource's `count` (pure): the number of the machines the block creates.

In HCL a resource block's `count = 3` is the number of copies of that resource; in a block that
creates machines (`resource "aws_instance" …`, `"hcloud_server"`, `"google_compute_instance"`,
`"azurerm_linux_virtual_machine"`) it is the number of machines of the block's size key
(`instance_type`, `server_type`, `machine_type`, `size`). `counted` writes that count into the size
line (`server_type = "3 × ccx53"`), so the block reads as its machines; a count that is no literal
number (`count = var.workers`), a block with two size keys or none, or any other resource's count
(a volume's, a DNS record's) is left as it is.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r'^\s*resource\s+"([^"\n]*)"\s+"[^"\n]*"\s*\{\s*$')
_MACHINE = re.compile(
    r"server|instance(?!_group|_template)|virtual_machine|(?<![a-z])vm(?![a-z])|droplet", re.I
)
_COUNT = re.compile(r"^\s*count\s*=\s*(\d{1,3})\s*(?:#.*|//.*)?$")
_SIZE = re.compile(
    r'^(\s*(?:instance_type|server_type|machine_type|vm_size|size|flavou?r(?:_name)?)\s*=\s*")'
    r'([A-Za-z][\w.\-]*)("\s*(?:#.*|//.*)?)$'
)


def counted(lines: list[str]) -> list[str]:
    """The lines, with each machine resource's literal `count` written into its size line."""
    if not any("resource" in line for line in lines):
        return lines
    out = list(lines)
    i = 0
    while i < len(lines):
        header = _HEADER.match(lines[i])
        if not header:
            i += 1
            continue
        depth, j = 1, i + 1
        count: str | None = None
        sizes: list[int] = []
        while j < len(lines) and depth:
            line = lines[j]
            if depth == 1:
                if m := _COUNT.match(line):
                    count = m.group(1)
                elif _SIZE.match(line):
                    sizes.append(j)
            depth += line.count("{") - line.count("}")
            j += 1
        if count is not None and len(sizes) == 1 and _MACHINE.search(header.group(1)) and int(count) > 0:
            m = _SIZE.match(lines[sizes[0]])
            assert m is not None
            out[sizes[0]] = f"{m.group(1)}{count} × {m.group(2)}{m.group(3)}"
        i = j if depth == 0 else i + 1
    return out
