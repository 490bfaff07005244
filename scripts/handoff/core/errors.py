"""The exception tree and the exit codes the CLI maps it to.

    HandoffError                 (exit 1)  anything the tool reports without a traceback
    ├── UsageError               (exit 2)  bad command line or configuration
    │   └── ConfigError          (exit 2)  a setting is missing or wrong (names key and file)
    ├── InputError               (exit 1)  the sheet or a TDD cannot be used as written
    ├── ConflictError            (exit 3)  another run holds the account, or a guarded write lost a race
    ├── ServiceError             (exit 4)  an API stayed down / refused after retries
    │   └── (per API: Sheets, Docs, Drive, Vitally in `service`)
    └── Interrupted              (exit 130) Ctrl-C: the run stopped between two steps

Every error carries a one-line message meant for the person at the terminal, plus
an optional `fix` line; neither may contain a secret.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_CONFLICT = 3
EXIT_SERVICE = 4
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C


class HandoffError(Exception):
    exit_code = EXIT_PROBLEMS

    def __init__(self, message: str, *, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


class UsageError(HandoffError):
    exit_code = EXIT_USAGE


class ConfigError(UsageError):
    """A setting is missing or wrong; the message names the key and the file."""


class InputError(HandoffError):
    """The sheet or a TDD cannot be used as written; the message names the place."""


class ConflictError(HandoffError):
    exit_code = EXIT_CONFLICT


class ServiceError(HandoffError):
    """An API kept failing (or refused) after the retry policy gave up.

    Exit 4 is for a service that is down: no answer, a 5xx, or a quota (429 / Drive's rate
    403s) that outlasted the retries. A service that answered and refused the request as
    written (any other 4xx: a refused credential, no access, a service account without storage)
    is a problem to fix, not to wait out: exit 1, like other problems in the input."""

    exit_code = EXIT_SERVICE

    def __init__(
        self,
        service: str,
        message: str,
        *,
        status: int | None = None,
        fix: str | None = None,
        retriable: bool = False,
    ) -> None:
        super().__init__(f"{service}: {message}", fix=fix)
        self.service = service
        self.status = status
        self.retriable = retriable
        if status is not None and 400 <= status < 500 and status != 429 and not retriable:
            self.exit_code = EXIT_PROBLEMS  # refused as written: fix it, re-running will not help


class NotFoundError(ServiceError):
    """The API answered 404 for the thing asked for."""

    exit_code = EXIT_PROBLEMS


class Interrupted(HandoffError):
    """Ctrl-C asked the run to stop: raised before the next step, never in the middle of one."""

    exit_code = EXIT_INTERRUPTED

    def __init__(self) -> None:
        super().__init__("interrupted", fix="run the handoff again: it finishes the job")
