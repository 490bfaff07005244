"""The read-only Vitally checks an account must pass to be handed off: the Vitally account the sheet
names exists, and the Technical Advisor is an active Vitally admin (the review task is assigned
to them, and their name goes into a trait).

One implementation for `check`, `status` and `plan`/`run`, so the three report the same errors
(`plan` then uses what was found: the account for the traits, note and task, the admin for the
task). A batch shares one `VitallyChecks`: one account GET per account, one admin search per TA
email (none when the account's state already records that TA's admin id).

`plan` lets a failing Vitally stop the account (exit 4). `check` and `status` report what they
could not check instead (`VitallyFindings.skipped`): after the first failure the other accounts
skip the checks at once rather than each waiting out the retries.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from handoff.core.errors import ServiceError
from handoff.core.fields import Catalogue
from handoff.core.model import Problem, Severity
from handoff.core.state import AccountState
from handoff.validate.readiness import assess

if TYPE_CHECKING:
    from handoff.clients import Clients
    from handoff.core.model import Handoff
    from handoff.core.settings import Settings
    from handoff.core.state import AccountState
    from handoff.validate.readiness import Readiness

CHECKS = "the Vitally account exists, the Technical Advisor is an active Vitally admin"


@dataclass(frozen=True)
class VitallyFindings:
    """What the checks found for one account."""

    problems: tuple[Problem, ...] = ()
    account: dict[str, Any] | None = None  # the Vitally account, when it exists
    admin: dict[str, str] | None = None  # {"email", "id", "name"} of the TA's active admin record
    skipped: str = ""  # why the checks could not run ("" when they ran)


class VitallyChecks:
    """The checks for the accounts of one batch, with the batch's lookups cached."""

    def __init__(self, clients: Clients) -> None:
        self.clients = clients
        self._admins: dict[str, dict[str, str] | None] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self.down = ""  # the message of the first service failure (check/status skip after it)

    def run(self, handoff: Handoff, state: AccountState | None = None) -> VitallyFindings:
        """Both checks; a service failure raises ServiceError."""
        problems: list[Problem] = []
        account = self._account(handoff, problems)
        admin = self._admin(handoff, state, problems)
        return VitallyFindings(tuple(problems), account, admin)

    def run_or_skip(self, handoff: Handoff, state: AccountState | None = None) -> VitallyFindings:
        """Both checks, or, when Vitally cannot be reached, why they were skipped."""
        if self.down:
            return VitallyFindings(skipped=f"{CHECKS} (Vitally could not be reached: {self.down})")
        try:
            return self.run(handoff, state)
        except ServiceError as exc:
            self.down = self.down or exc.message
            return VitallyFindings(skipped=f"{CHECKS} (Vitally could not be reached: {exc.message})")

    def _account(self, handoff: Handoff, problems: list[Problem]) -> dict[str, Any] | None:
        ref = str(handoff.value("vitally_account") or "").strip()
        if not ref:
            return None  # a missing reference is already a validation error
        account = self.clients.vitally().get_account(ref)
        if account is None:
            fv = handoff.fields.get("vitally_account")
            problems.append(
                Problem(
                    Severity.ERROR,
                    f"Vitally has no account with id or externalId {ref!r}",
                    "vitally_account",
                    fv.location if fv else None,
                    "put the account's Vitally id or externalId in the Vitally Account column",
                )
            )
        return account

    def _admin(
        self, handoff: Handoff, state: AccountState | None, problems: list[Problem]
    ) -> dict[str, str] | None:
        email = str(handoff.value("technical_advisor") or "").strip().lower()
        if not email:
            return None  # a missing TA is already a validation error
        admin = self._lookup_admin(email, state)
        if admin is None:
            ta = handoff.fields.get("technical_advisor")
            problems.append(
                Problem(
                    Severity.ERROR,
                    f"the Technical Advisor {email} is not an active Vitally admin, so the review task "
                    "cannot be assigned",
                    "technical_advisor",
                    ta.location if ta else None,
                    "correct the TA's email, or add them as an active user in Vitally (Settings → Team)",
                )
            )
        return admin

    def _lookup_admin(self, email: str, state: AccountState | None) -> dict[str, str] | None:
        """The TA's active admin record: from the state if resolved before, else one lookup per batch."""
        if (
            state is not None
            and state.ta_admin.get("email", "").lower() == email
            and state.ta_admin.get("id")
        ):
            return dict(state.ta_admin)
        with self._guard:
            lock = self._locks.setdefault(email, threading.Lock())
        with lock:  # concurrent accounts with the same TA look the admin up once
            if email not in self._admins:
                found = self.clients.vitally().find_admin_by_email(email)
                active = found is not None and found.get("licenseStatus", "active") != "deactivated"
                self._admins[email] = (
                    {"email": email, "id": str(found["id"]), "name": str(found.get("name", ""))}
                    if found is not None and active
                    else None
                )
            return self._admins[email]


@dataclass(frozen=True)
class Assessed:
    """One account as `check` and `status` show it: the Vitally checks' problems joined to its own."""

    handoff: Handoff
    readiness: Readiness
    vitally: VitallyFindings


def assess_accounts(
    settings: Settings, catalogue: Catalogue, checks: VitallyChecks, handoffs: Sequence[Handoff]
) -> list[Assessed]:
    """Run the Vitally checks on every account (settings.run.concurrency at a time) and decide
    readiness exactly as `run --all` does (validate/readiness.py)."""

    def one(handoff: Handoff) -> Assessed:
        found = checks.run_or_skip(handoff, _recorded_state(handoff))
        merged = replace(handoff, problems=(*handoff.problems, *found.problems))
        return Assessed(merged, assess(settings, catalogue, merged, found.skipped), found)

    if len(handoffs) <= 1:
        return [one(h) for h in handoffs]
    with ThreadPoolExecutor(max_workers=max(1, min(settings.run.concurrency, len(handoffs)))) as pool:
        return list(pool.map(one, handoffs))


def _recorded_state(handoff: Handoff) -> AccountState | None:
    """The account's state record (for the TA's admin id resolved before), None when unreadable."""
    return handoff.record.state.recorded if handoff.record else None
