"""The sandbox's persistent state: one JSON file per object under a state folder.

`store.get/put/delete/keys` are the whole interface. Files are written atomically
(temp file + rename), and every mutating request runs inside `store.transaction()`,
which holds a thread lock and an exclusive `flock` on `<root>/.lock`, so two sandbox
processes sharing one folder never interleave writes. Reads go to disk each time, so
a second process sees the first one's writes. A key too long for a file name is an object
that does not exist: `get` answers None, so the APIs answer 404 as the real ones would.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote


class Store:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._depth = 0
        self._lock_fd: int | None = None

    # -- transactions -------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        with self._lock:
            if self._depth == 0:
                self._lock_fd = os.open(self.root / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
                fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
                if self._depth == 0 and self._lock_fd is not None:
                    fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
                    os.close(self._lock_fd)
                    self._lock_fd = None

    # -- objects ------------------------------------------------------------------------------
    def _path(self, collection: str, key: str) -> Path:
        return self.root / collection / (quote(key, safe="") + ".json")

    def get(self, collection: str, key: str) -> Any | None:
        try:
            return json.loads(self._path(collection, key).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:  # an id no object can have (a 50,000-character cell)
                return None
            raise

    def put(self, collection: str, key: str, obj: Any) -> None:
        path = self._path(collection, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(json.dumps(obj, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)

    def delete(self, collection: str, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(collection, key).unlink()

    def keys(self, collection: str) -> list[str]:
        folder = self.root / collection
        if not folder.is_dir():
            return []
        return sorted(
            unquote(p.name[:-5])
            for p in folder.iterdir()
            if p.name.endswith(".json") and not p.name.startswith(".")
        )

    def values(self, collection: str) -> list[Any]:
        return [v for k in self.keys(collection) if (v := self.get(collection, k)) is not None]

    # -- counters -----------------------------------------------------------------------------
    def next_number(self, name: str) -> int:
        """A persistent counter (for ids and versions); call inside a transaction."""
        counters = self.get("_meta", "counters") or {}
        counters[name] = int(counters.get(name, 0)) + 1
        self.put("_meta", "counters", counters)
        return int(counters[name])
