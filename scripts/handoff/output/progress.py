"""Progress of a batch: which account is at which step, and how many are done of how many.

A batch runs in three phases (read the TDDs, plan, apply); each is a `Phase` that worker
threads report to: `step(account, step)` when an account starts a step, `done(account, note)`
when it finishes the phase. Three displays, chosen by `for_console`:

* a terminal (stderr is a TTY): a transient rich Progress per phase: an overall bar with
  done/total and one line per account in flight showing its current step; it disappears
  when the phase ends, so the report that follows is all that stays on screen;
* not a terminal: one plain line per account and phase, `[apply 12/200] acme: ok (5 writes)`,
  only for batches of more than one account;
* `--json`, or a library caller: nothing (`NULL`).

Progress goes to stderr, so `handoff run --all > report.txt` keeps the report clean.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Protocol

from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import TaskID

PHASE_TITLES = {"read": "read TDDs", "plan": "plan", "apply": "apply"}


class Phase(Protocol):
    def total(self, n: int) -> None: ...
    def step(self, account: str, step: str) -> None: ...
    def done(self, account: str, note: str = "") -> None: ...


class Progress(Protocol):
    def phase(self, name: str, total: int | None = None) -> AbstractContextManager[Phase]: ...


class _NullPhase:
    def total(self, n: int) -> None:
        pass

    def step(self, account: str, step: str) -> None:
        pass

    def done(self, account: str, note: str = "") -> None:
        pass


class NullProgress:
    """Shows nothing (JSON output, tests, library use)."""

    @contextmanager
    def phase(self, name: str, total: int | None = None) -> Iterator[Phase]:
        yield _NullPhase()


NULL = NullProgress()


class _LinePhase:
    def __init__(self, console: Console, name: str, total: int | None) -> None:
        self._console = console
        self._name = name
        self._total = total
        self._done = 0
        self._lock = threading.Lock()

    def total(self, n: int) -> None:
        self._total = n

    def step(self, account: str, step: str) -> None:
        pass  # one line per account and phase is plenty in a log

    def done(self, account: str, note: str = "") -> None:
        with self._lock:
            self._done += 1
            total = self._total or 0
            if total <= 1:
                return
            width = len(str(total))
            text = f"[{self._name} {self._done:>{width}}/{total}] {account}" + (f": {note}" if note else "")
            self._console.print(text, markup=False, highlight=False)


class LineProgress:
    """Plain lines for logs and pipes."""

    def __init__(self, console: Console) -> None:
        self._console = console

    @contextmanager
    def phase(self, name: str, total: int | None = None) -> Iterator[Phase]:
        yield _LinePhase(self._console, name, total)


class _RichPhase:
    def __init__(self, progress: RichProgress, name: str, total: int | None) -> None:
        self._progress = progress
        self._overall = progress.add_task(PHASE_TITLES.get(name, name), total=total)
        self._accounts: dict[str, TaskID] = {}
        self._lock = threading.Lock()

    def total(self, n: int) -> None:
        self._progress.update(self._overall, total=n)

    def step(self, account: str, step: str) -> None:
        with self._lock:
            task = self._accounts.get(account)
            if task is None:
                self._accounts[account] = self._progress.add_task(f"  {account}: {step}", total=None)
            else:
                self._progress.update(task, description=f"  {account}: {step}")

    def done(self, account: str, note: str = "") -> None:
        with self._lock:
            task = self._accounts.pop(account, None)
        if task is not None:
            self._progress.remove_task(task)
        self._progress.advance(self._overall)


class RichProgressDisplay:
    """A transient rich Progress per phase on a terminal."""

    def __init__(self, console: Console) -> None:
        self._console = console

    @contextmanager
    def phase(self, name: str, total: int | None = None) -> Iterator[Phase]:
        columns = (
            TextColumn("{task.description}"),
            BarColumn(bar_width=30),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with RichProgress(*columns, console=self._console, transient=True) as progress:
            yield _RichPhase(progress, name, total)


def for_console(console: Console, as_json: bool) -> Progress:
    """The display for this output: rich on a terminal, plain lines otherwise, nothing for --json."""
    if as_json:
        return NULL
    return RichProgressDisplay(console) if console.is_terminal else LineProgress(console)
