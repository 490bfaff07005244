"""Ctrl-C during a run: the first stops new steps, the second stops at once.

A run that has started writing must not stop in the middle of a step, nor stop without saying
what it wrote: the doc could be in Drive with no log row or state recording it. So while the
writes go on, SIGINT only raises a flag:

    with stop_on_interrupt() as stop:
        phase = stop.guard(phase)      # phase.step(...) raises Interrupted once the flag is up
        ... apply the accounts, write the sheet back ...
    stop.requested                     # True after a Ctrl-C: exit 130 with the summary

The request in flight finishes; each account stops before its next step with `Interrupted`,
which apply records like any failure (written: …; not written: …); the sheet write-back then
records what was done, and the run exits 130. A second Ctrl-C exits at once (status 130).
Outside the main thread (tests driving a batch from a worker) signals cannot be caught, and
the guard does nothing.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from handoff.core.errors import EXIT_INTERRUPTED, Interrupted
from handoff.output.progress import Phase


class StopFlag:
    """Set by the first Ctrl-C; read before every step."""

    def __init__(self) -> None:
        self._event = threading.Event()

    @property
    def requested(self) -> bool:
        return self._event.is_set()

    def request(self) -> None:
        self._event.set()

    def check(self) -> None:
        if self._event.is_set():
            raise Interrupted()

    def guard(self, phase: Phase) -> Phase:
        """`phase` whose `step` (called before each write step) raises Interrupted once asked."""
        return _GuardedPhase(phase, self)


class _GuardedPhase:
    def __init__(self, phase: Phase, stop: StopFlag) -> None:
        self._phase = phase
        self._stop = stop

    def total(self, n: int) -> None:
        self._phase.total(n)

    def step(self, account: str, step: str) -> None:
        self._stop.check()
        self._phase.step(account, step)

    def done(self, account: str, note: str = "") -> None:
        self._phase.done(account, note)


FIRST = (
    "\ninterrupted: finishing the request in flight, then recording what was written "
    "(Ctrl-C again to stop at once)\n"
)


@contextmanager
def stop_on_interrupt() -> Iterator[StopFlag]:
    """SIGINT raises the flag (first) or exits 130 at once (second), inside the block only."""
    stop = StopFlag()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def on_sigint(signum: int, frame: FrameType | None) -> None:
        if stop.requested:
            sys.stderr.write("\nstopped at once: re-run the handoff to finish and record it\n")
            sys.stderr.flush()
            os._exit(EXIT_INTERRUPTED)
        stop.request()
        sys.stderr.write(FIRST)
        sys.stderr.flush()

    previous: Any = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)
