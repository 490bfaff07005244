"""`replace(obj, **changes)`: `dataclasses.replace` for the reader's small frozen dataclasses (a sentence's
context, a fact, a match), without building the object again through its `__init__`.

`dataclasses.replace` looks every field up, checks it, and calls `__init__` with all of them, which
for a frozen class sets each through `object.__setattr__` (about 5 µs for a `Context`; the prose
reader asks it of most sentences). An instance of a dataclass with no `__post_init__`, no field left
out of `__init__` (nor an `InitVar`) and no slots holds its fields in its `__dict__`: the object
`replace` makes is a new one of the same class whose fields are the old ones but the changed, and
that is what a copy of those fields gives. Anything else (another class, a change naming no field)
goes to `dataclasses.replace` itself, which answers or raises as it does."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")

_FIELDS: dict[type, frozenset[str] | None] = {}  # a class → its fields' names, None when not plain


def _plain_fields(cls: type) -> frozenset[str] | None:
    """The names of a dataclass's fields when `replace` may copy them, else None."""
    if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__") or hasattr(cls, "__slots__"):
        return None
    declared = getattr(cls, "__dataclass_fields__", {})
    found = dataclasses.fields(cls)
    if len(found) != len(declared) or not all(f.init for f in found):
        return None  # (an `InitVar` or a `ClassVar` among them, or a field `__init__` does not set)
    return frozenset(f.name for f in found)


def replace(obj: T, /, **changes: Any) -> T:
    """`dataclasses.replace(obj, **changes)`: the same new object, made quicker for a plain dataclass."""
    cls = obj.__class__
    try:
        names = _FIELDS[cls]
    except KeyError:
        names = _FIELDS[cls] = _plain_fields(cls)
    old = getattr(obj, "__dict__", None)
    # (its `__init__` set every field: a `__dict__` as long holds them and nothing else)
    if names is None or old is None or len(old) != len(names) or not names.issuperset(changes):
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    new = object.__new__(cls)
    attrs = new.__dict__
    attrs.update(old)
    attrs.update(changes)
    return new


__all__ = ["replace"]
