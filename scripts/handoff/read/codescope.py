"""Where each line of a pasted code block belongs (pure): the environment its structure gives it.

A configuration file says which environment it configures in its own structure, not in prose:

* a key naming the environment (`environment = "prd"`, `env: staging`, `stage: lab`) says it for
  the whole block: a production word makes the block production's, any other name another
  environment's (a value that is not production is, by that key, some other environment);
* a YAML key naming an environment with a nested block under it (`production:`, `staging:`)
  says it for the lines indented under it;
* a braced block (HCL, Terraform) whose header's labels name an environment (`resource
  "aws_instance" "sg_staging" {`, `module "dev_cluster" {`, `staging {`) says it for the lines up
  to its closing brace (indented or not: a pasted block often loses its indentation).

`line_sections` gives, per line, that environment ("production", "trial") or "" where the block
says nothing, so the line keeps the section of the place the block sits in.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.core.fields import norm

_PAIR = re.compile(r"^\s*([A-Za-z_][\w.\-]*)\s*(?::|=)\s*(.*?)\s*(?:#.*)?$")
_PARENT = re.compile(r"^(\s*)([A-Za-z_][\w.\-]*)\s*:\s*$")
# a braced block's header: a type, then labels, quoted or bare (`resource "hcloud_server" "sg_stage" {`)
_BLOCK = re.compile(r'^\s*[A-Za-z_][\w.\-]*((?:\s+(?:"[^"\n]*"|[A-Za-z_][\w.\-]*))*)\s*\{\s*(?:#.*|//.*)?$')
# a comment naming the file the lines after it come from: `# envs/prod/main.tf`, `// values-dev.yaml`
# (or a line that is only a file's name with a configuration file's extension, as a lead-in: `prod.tfvars:`)
_EXT = r"\.(?:tf|tfvars|hcl|ya?ml|json|ini|cfg|conf|toml|env)"
_FILE = re.compile(
    rf"^\s*(?:(?:#|//)\s*(/?(?:[\w.\-]+/)*[\w.\-]+{_EXT}|/?(?:[\w.\-]+/)+[\w.\-]+/?)"
    rf"|(/?(?:[\w.\-]+/)*[\w.\-]+{_EXT}))(?:\s+(\([^()]*\)))?\s*:?\s*$",
    re.IGNORECASE,
)


# a shell prompt and its command (`$ terraform output`, `deploy@sg-prod-01:~$ df -h`): the lines after it are
# its output, up to the next prompt
_PROMPT = re.compile(r"^\s*[\w.@~:/\-]*\$\s+(\S.*)$")


def prompt_line(line: str) -> bool:
    """Whether a line is a shell prompt and the command typed after it."""
    return "$" in line and _PROMPT.match(line) is not None


def file_header(line: str) -> bool:
    """Whether a line names the file the lines after it come from (`# envs/prod/main.tf`, `prod.tfvars:`)."""
    return ("/" in line or "." in line) and _FILE.match(line) is not None


_LABEL = re.compile(r'"([^"\n]*)"|([A-Za-z_][\w.\-]*)')
# any other line opening a braced block: a map under a key (`tags = {`, `production = {`), an object
# literal passed to a call (`new aws.ec2.Instance("sg-prod", {`, `new Stack(app, 'SgDev', {`)
_OPENS = re.compile(r"\{\s*(?:#.*|//.*)?$")
_KEYED = re.compile(r"^\s*([A-Za-z_][\w.\-]*)\s*[=:]\s*\{")
_QUOTED = re.compile(r"\"([^\"\n]*)\"|'([^'\n]*)'")
_CLOSES = re.compile(r"^\s*\}[)\];,]*\s*$")


def _words(key: str) -> str:
    """A key's words: `sg_staging` → `sg staging`, `envName` → `env Name`."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", re.sub(r"[_.\-]+", " ", key)).strip()


def is_code(lines: list[str]) -> bool:
    """Whether lines are a code block: most are `key = value`, `key: value` or `key:` lines, or
    open or close a braced block (`variable "size" {`, `}`)."""
    if len(lines) < 2:  # (one line is no block: its match, slow on a long line, not needed)
        return False
    keyed = sum(
        1
        for line in lines
        if ((m := _PAIR.match(line)) and " " not in m.group(1))
        or ("{" in line and (_BLOCK.match(line) or _OPENS.search(line)))
        or ("}" in line and _CLOSES.match(line))
    )
    return keyed * 2 > len(lines)


def line_sections(lines: list[str], named: Callable[[str], str], env_keys: frozenset[str]) -> list[str]:
    """Per line, the environment the block's structure puts it in ("" for none). `named` gives the
    environment a text names; `env_keys` are the keys that name the environment (`environment`).
    A paste of several files, each after a comment naming it (`# envs/staging/main.tf`), is read
    file by file: a file's path naming an environment says it for the file's lines; so is a paste of
    commands and their output, each after its prompt (`$ terraform workspace select prod && …`), the
    command's arguments naming the output's environment."""
    starts = [i for i, line in enumerate(lines) if file_header(line) or prompt_line(line)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    out: list[str] = []
    for a, b in zip(starts, [*starts[1:], len(lines)], strict=True):
        header = _FILE.match(lines[a])
        prompt = None if header else _PROMPT.match(lines[a])
        place = _file_place(header, named) if header else _command_place(prompt, named) if prompt else ""
        out.extend(_file_sections(lines[a:b], named, env_keys, place))
    return out


def _command_place(prompt: re.Match[str], named: Callable[[str], str]) -> str:
    """The environment a command names in its arguments (`terraform workspace select prod`,
    `kubectl --context sg-staging …`, `-var-file=envs/uat.tfvars`): the output after it is that one's."""
    words = " ".join(re.split(r"[/.\s=_\-]+", prompt.group(1))).strip()
    return named(words)


def _file_place(header: re.Match[str], named: Callable[[str], str]) -> str:
    """The environment a file's header names: in its path's parts (`envs/staging/main.tf`,
    `overlays/acme-prod/`, `values-dev.yaml`) or in a bracket after it (`compose.yaml (prod)`)."""
    path = " ".join(re.split(r"[/.\s]+", header.group(1) or header.group(2))).strip()
    return (
        named(path)
        or named(re.sub(r"[-_]+", " ", path))
        or (named(header.group(3)) if header.group(3) else "")
    )


def _file_sections(
    lines: list[str], named: Callable[[str], str], env_keys: frozenset[str], place: str
) -> list[str]:
    """`line_sections` for the lines of one file (`place`: the environment its path names)."""
    block = ""
    for line in lines:
        m = _PAIR.match(line)
        if m and m.group(2) and norm(_words(m.group(1))) in env_keys:
            value = m.group(2).strip("\"' ")
            block = named(value) or ("trial" if re.fullmatch(r"[\w.\-]+", value) else "")
            break
    block = block or place
    out: list[str] = []
    parents: list[tuple[int, str]] = []  # (indent, environment) of the YAML keys above the line
    braces: list[str] = []  # the environment of each braced block the line is in, outermost first
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        if line.strip():
            while parents and parents[-1][0] >= indent:
                parents.pop()
        if braces and line.lstrip().startswith("}"):
            braces.pop()
            out.append(next((env for env in reversed(braces) if env), "") or block)
            continue
        inherited = next((env for _, env in reversed(parents) if env), "")
        if "{" in line:
            b = _BLOCK.match(line)
            if b:
                braces.append(_block_place(b.group(1), named))
            elif _OPENS.search(line):  # (every block pushed: a map's `}` closes the map, not its resource)
                braces.append(_opened_place(line, named))
            elif (k := _KEYED.match(line)) and (place := named(_words(k.group(1)))):
                out.append(place)  # `prod = { machine = "n2-highmem-16" }`: a map on one line
                continue
        within = next((env for env in reversed(braces) if env), "")
        out.append(within or inherited or block)
        p = _PARENT.match(line)
        if p:
            parents.append((indent, named(_words(p.group(2)))))
    return out


def _opened_place(line: str, named: Callable[[str], str]) -> str:
    """The environment a line opening a map or an object literal names: the map's key
    (`production = {`) or a quoted name in the call (`new aws.ec2.Instance("sg-staging", {`)."""
    k = _KEYED.match(line)
    if k:
        return named(_words(k.group(1)))
    for m in _QUOTED.finditer(line):
        label = m.group(1) if m.group(1) is not None else m.group(2)
        place = named(label) or named(_words(label))
        if place:
            return place
    return ""


def _block_place(labels: str, named: Callable[[str], str]) -> str:
    """The environment a braced block's labels name (`"sg_stage"`, `dev_cluster`), "" for none; a
    label is read as written (`sg_stage`: a name's token) and as words (`sg staging`)."""
    for m in _LABEL.finditer(labels):
        label = m.group(1) if m.group(1) is not None else m.group(2)
        place = named(label) or named(_words(label))
        if place:
            return place
    return ""
