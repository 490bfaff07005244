"""Answers of pure functions kept while one document is read: the readings of a document ask the same
function of the same text again (a sentence's dates by its date, range and entry readings, a value's
machines by its reading and by the end passes comparing values), and one answer worked out serves them.

`per_document(f)` wraps a function whose answer depends on its arguments alone (strings, numbers, the
document's learnt sets passed in as arguments: never state read besides them) and is not changed by
its callers (a bool, a number, a tuple, None): asked again with equal arguments, it gives the answer it
gave. `forget()`, called when the reading of a document starts, empties every such memo, so what one
document kept is never asked by the next (a memo only saves work inside one reading) and a memo holds
one document's texts at most. An exception is not kept: the call raises again."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Generic, ParamSpec, Protocol, TypeVar, cast

P = ParamSpec("P")
T = TypeVar("T")

_MAXSIZE = 512  # (a sample TDD asks a function of some 30 to 200 texts)
_CLEARS: list[Callable[[], None]] = []


class Kept(Protocol, Generic[P, T]):
    """A function with its memo: called as the function; `__wrapped__` is the function itself."""

    __wrapped__: Callable[P, T]

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> T: ...


def per_document(f: Callable[P, T]) -> Kept[P, T]:
    """`f`, answering at once when asked again with equal arguments while the same document is read."""
    kept = functools.lru_cache(maxsize=_MAXSIZE)(f)
    _CLEARS.append(kept.cache_clear)
    return cast(Kept[P, T], kept)  # (the same call signature)


def forget() -> None:
    """Empty every memo: a new document's reading starts."""
    for clear in _CLEARS:
        clear()


__all__ = ["forget", "per_document"]
