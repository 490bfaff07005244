"""Where each line of a pasted code block belongs (pure): the environment its structure gives it.

A configuration file says which environment it configures in its own structure, not in prose:

* a key naming the environment (`environment = "prd"`, `env: staging`, `stage: lab`) says it for
  the whole block: a production word makes the block production's, any other name another
  environment's (a value that is not production is, by that key, some other environment);
* a YAML key naming an environment with a nested block under it (`production:`, `staging:`)
  says it for the lines indented under it.

`line_sections` gives, per line, that environment ("production", "trial") or "" where the block
says nothing, so the line keeps the section of the place the block sits in.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.core.fields import norm

_PAIR = re.compile(r"^\s*([A-Za-z_][\w.\-]*)\s*(?::|=)\s*(.*?)\s*(?:#.*)?$")
_PARENT = re.compile(r"^(\s*)([A-Za-z_][\w.\-]*)\s*:\s*$")


def _words(key: str) -> str:
    """A key's words: `sg_staging` → `sg staging`, `envName` → `env Name`."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", re.sub(r"[_.\-]+", " ", key)).strip()


def is_code(lines: list[str]) -> bool:
    """Whether lines are a code block: most are `key = value`, `key: value` or `key:` lines."""
    if len(lines) < 2:  # (one line is no block: its match, slow on a long line, not needed)
        return False
    keyed = sum(1 for line in lines if (m := _PAIR.match(line)) and " " not in m.group(1))
    return keyed * 2 > len(lines)


def line_sections(lines: list[str], named: Callable[[str], str], env_keys: frozenset[str]) -> list[str]:
    """Per line, the environment the block's structure puts it in ("" for none). `named` gives the
    environment a text names; `env_keys` are the keys that name the environment (`environment`)."""
    block = ""
    for line in lines:
        m = _PAIR.match(line)
        if m and m.group(2) and norm(_words(m.group(1))) in env_keys:
            value = m.group(2).strip("\"' ")
            block = named(value) or ("trial" if re.fullmatch(r"[\w.\-]+", value) else "")
            break
    out: list[str] = []
    parents: list[tuple[int, str]] = []  # (indent, environment) of the YAML keys above the line
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        if line.strip():
            while parents and parents[-1][0] >= indent:
                parents.pop()
        inherited = next((env for _, env in reversed(parents) if env), "")
        out.append(inherited or block)
        p = _PARENT.match(line)
        if p:
            parents.append((indent, named(_words(p.group(2)))))
    return out
