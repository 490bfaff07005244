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

CACHE_MAX_BYTES = 64 * 1024  # records, not document bodies


class Store:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self._root = str(self.root)
        self._cache: dict[str, tuple[tuple[int, int, int], str]] = {}  # file -> (identity, text)
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
        file = os.path.join(self._root, collection, quote(key, safe="") + ".json")
        try:
            return json.loads(self._read(file))
        except FileNotFoundError:
            return None
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:  # an id no object can have (a 50,000-character cell)
                return None
            raise

    def _read(self, file: str) -> str:
        """The file's text; small files come from a cache checked against the open file's identity
        (inode, mtime, size: every put replaces the file), so another process's writes are seen.
        Lists (`values`) read every object of a collection, so a batch of N accounts made the
        sandbox read O(N²) files."""
        with open(file, "rb") as fh:
            st = os.fstat(fh.fileno())
            sig = (st.st_ino, st.st_mtime_ns, st.st_size)
            hit = self._cache.get(file)
            if hit is not None and hit[0] == sig:
                return hit[1]
            text = fh.read().decode("utf-8")
        if st.st_size <= CACHE_MAX_BYTES:
            self._cache[file] = (sig, text)
        return text

    def put(self, collection: str, key: str, obj: Any) -> None:
        path = self._path(collection, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        # No `indent`: it forces json's pure-Python encoder (10-20× slower on a Docs JSON document).
        tmp.write_text(json.dumps(obj, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, path)

    def delete(self, collection: str, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(collection, key).unlink()

    def keys(self, collection: str) -> list[str]:
        try:
            names = os.listdir(os.path.join(self._root, collection))
        except (FileNotFoundError, NotADirectoryError):
            return []
        return sorted(unquote(n[:-5]) for n in names if n.endswith(".json") and not n.startswith("."))

    def values(self, collection: str) -> list[Any]:
        return [v for k in self.keys(collection) if (v := self.get(collection, k)) is not None]

    # -- counters -----------------------------------------------------------------------------
    def next_number(self, name: str) -> int:
        """A persistent counter (for ids and versions); call inside a transaction."""
        counters = self.get("_meta", "counters") or {}
        counters[name] = int(counters.get(name, 0)) + 1
        self.put("_meta", "counters", counters)
        return int(counters[name])
