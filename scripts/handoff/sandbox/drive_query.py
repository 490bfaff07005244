"""Drive's two small languages, pure: the `q` search syntax of `files.list` and `fields` masks.

`compile_query(q)` returns a predicate over a file record (the sandbox's stored dict). It
understands `and` / `or` / `not` / parentheses and the terms

* `name = 'x'`, `name != 'x'`, `name contains 'x'` (case-insensitive substring),
  `mimeType = …` / `!=` / `contains`, `fullText contains 'x'` (name only);
* `trashed = true|false`, `starred = …`;
* `modifiedTime > '2026-01-01T00:00:00'` (and `createdTime`, with `< <= >= = !=`);
* `'ID' in parents`, `'EMAIL' in owners|writers|readers`;
* `properties has { key='k' and value='v' }` and the same for `appProperties`;

with strings in single or double quotes (backslash escapes). Anything else raises
`QueryError` (the API answers 400 "Invalid Value").

`parse_fields("files(id,name),nextPageToken")` → a mask tree; `apply_mask(obj, tree)`
keeps only those keys (recursing into lists); `*` keeps everything.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from handoff.sandbox.drive_access import ROLE_RANK

JSON = dict[str, Any]
Predicate = Callable[[JSON], bool]
Mask = dict[str, Any]  # name → sub-mask, or None for "the whole value"

_TOKEN = re.compile(
    r"""\s*(?:(?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(?P<op>!=|<=|>=|=|<|>)|(?P<punct>[(){}])"""
    r"""|(?P<word>[A-Za-z_][\w.]*)|(?P<num>-?\d+(?:\.\d+)?))"""
)


class QueryError(ValueError):
    """The `q` (or `fields`) text is not something Drive would accept."""


# -- tokens ----------------------------------------------------------------------------------------
def _tokens(q: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(q):
        if q[pos:].strip() == "":
            break
        m = _TOKEN.match(q, pos)
        if not m or m.end() == pos:
            raise QueryError(f"Invalid query near {q[pos : pos + 20]!r}")
        kind = m.lastgroup or ""
        value = m.group(kind)
        if kind == "str":
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        out.append((kind, value))
        pos = m.end()
    return out


class _Parser:
    """Recursive descent: expr := and ('or' and)*; and := unary ('and' unary)*."""

    def __init__(self, q: str) -> None:
        self.toks = _tokens(q)
        self.i = 0

    def peek(self) -> tuple[str, str]:
        return self.toks[self.i] if self.i < len(self.toks) else ("end", "")

    def take(self, kind: str | None = None, value: str | None = None) -> str:
        tok_kind, tok_value = self.peek()
        if (kind and tok_kind != kind) or (value and tok_value.lower() != value.lower()):
            raise QueryError(f"Invalid query: expected {value or kind}, got {tok_value or 'end of query'!r}")
        self.i += 1
        return tok_value

    def at_word(self, word: str) -> bool:
        kind, value = self.peek()
        return kind == "word" and value.lower() == word

    def parse(self) -> Predicate:
        pred = self.expr()
        if self.i != len(self.toks):
            raise QueryError(f"Invalid query: unexpected {self.peek()[1]!r}")
        return pred

    def expr(self) -> Predicate:
        preds = [self.conj()]
        while self.at_word("or"):
            self.take()
            preds.append(self.conj())
        return preds[0] if len(preds) == 1 else (lambda f: any(p(f) for p in preds))

    def conj(self) -> Predicate:
        preds = [self.unary()]
        while self.at_word("and"):
            self.take()
            preds.append(self.unary())
        return preds[0] if len(preds) == 1 else (lambda f: all(p(f) for p in preds))

    def unary(self) -> Predicate:
        if self.at_word("not"):
            self.take()
            inner = self.unary()
            return lambda f: not inner(f)
        if self.peek() == ("punct", "("):
            self.take()
            inner = self.expr()
            self.take("punct", ")")
            return inner
        return self.term()

    def term(self) -> Predicate:
        kind, value = self.peek()
        if kind == "str":
            self.take()
            self.take("word", "in")
            return _membership(value, self.take("word"))
        field = self.take("word")
        if field in ("properties", "appProperties") and self.at_word("has"):
            return self.has(field)
        op = self.take("word", "contains") if self.at_word("contains") else self.take("op")
        return _comparison(field, op.lower(), self.value())

    def has(self, field: str) -> Predicate:
        self.take("word", "has")
        self.take("punct", "{")
        self.take("word", "key")
        self.take("op", "=")
        key = self.take("str")
        self.take("word", "and")
        self.take("word", "value")
        self.take("op", "=")
        value = self.take("str")
        self.take("punct", "}")
        return lambda f: (f.get(field) or {}).get(key) == value

    def value(self) -> str | bool:
        kind, value = self.peek()
        if kind == "str" or kind == "num":
            self.take()
            return value
        if kind == "word" and value.lower() in ("true", "false"):
            self.take()
            return value.lower() == "true"
        raise QueryError(f"Invalid query: expected a value, got {value or 'end of query'!r}")


def _membership(value: str, collection: str) -> Predicate:
    if collection == "parents":
        return lambda f: value in (f.get("parents") or [])
    if collection == "owners":
        return lambda f: value in (f.get("owners") or [])
    if collection in ("writers", "readers"):
        floor = ROLE_RANK["writer" if collection == "writers" else "reader"]
        return lambda f: (
            value in (f.get("owners") or [])
            or any(
                p.get("emailAddress") == value and ROLE_RANK.get(p.get("role", ""), 0) >= floor
                for p in f.get("permissions") or []
            )
        )
    raise QueryError(f"Invalid query: unknown collection {collection!r}")


def _timestamp(value: Any) -> datetime:
    text = str(value or "1970-01-01T00:00:00Z").replace("Z", "+00:00")
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError as exc:
        raise QueryError(f"Invalid query: bad date-time {value!r}") from exc
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def _comparison(field: str, op: str, value: str | bool) -> Predicate:
    if field in ("name", "mimeType", "fullText", "description"):
        source = "name" if field == "fullText" else field
        if op == "contains":
            needle = str(value).lower()
            return lambda f: needle in str(f.get(source) or "").lower()
        if op in ("=", "!="):
            return lambda f: _COMPARE[op](str(f.get(source) or ""), value)
    elif field in ("trashed", "starred") and op in ("=", "!=") and isinstance(value, bool):
        return lambda f: _COMPARE[op](bool(f.get(field)), value)
    elif field in ("modifiedTime", "createdTime", "viewedByMeTime") and op in _COMPARE:
        limit = _timestamp(value)
        return lambda f: _COMPARE[op](_timestamp(f.get(field)), limit)
    raise QueryError(f"Invalid query: {field} {op} is not supported")


def compile_query(q: str | None) -> Predicate:
    """The predicate for a `files.list` `q`; an empty `q` matches everything (trashed files too)."""
    if not q or not q.strip():
        return lambda f: True
    try:
        return _Parser(q).parse()
    except RecursionError as exc:
        raise QueryError("Invalid query: nested too deeply") from exc


# -- fields masks ------------------------------------------------------------------------------------
def _split_top(spec: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(spec):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise QueryError(f"Invalid field selection {spec}")
        elif ch == "," and depth == 0:
            parts.append(spec[start:i])
            start = i + 1
    if depth:
        raise QueryError(f"Invalid field selection {spec}")
    parts.append(spec[start:])
    return [p.strip() for p in parts if p.strip()]


def _merge(mask: Mask, name: str, sub: Mask | None) -> None:
    if (name in mask and mask[name] is None) or sub is None:
        mask[name] = None
    else:
        mask[name] = {**(mask.get(name) or {}), **sub}


def parse_fields(spec: str | None) -> Mask | None:
    """`"id,files(id,name),lastModifyingUser/me"` → `{"id": None, "files": {...}, ...}`; None = all."""
    try:
        return _parse_fields(spec)
    except RecursionError as exc:
        raise QueryError("Invalid field selection: nested too deeply") from exc


def _parse_fields(spec: str | None) -> Mask | None:
    if spec is None or not spec.strip() or spec.strip() == "*":
        return None
    mask: Mask = {}
    for part in _split_top(spec):
        head, paren, rest = part.partition("(")
        if paren:
            if not rest.endswith(")"):
                raise QueryError(f"Invalid field selection {part}")
            _merge(mask, head.strip(), _parse_fields(rest[:-1]))
            continue
        name, slash, tail = part.partition("/")
        _merge(mask, name.strip(), _parse_fields(tail) if slash else None)
    return mask


def apply_mask(obj: Any, mask: Mask | None) -> Any:
    """Keep only the masked keys of `obj` (dicts, recursing through lists)."""
    if mask is None:
        return obj
    if isinstance(obj, list):
        return [apply_mask(item, mask) for item in obj]
    if not isinstance(obj, dict):
        return obj
    if "*" in mask:
        return obj
    return {k: apply_mask(obj[k], sub) for k, sub in mask.items() if k in obj}
