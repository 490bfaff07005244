"""The command line: parse options, call one function, map errors to exit codes. Nothing else.

Exit codes: 0 ok · 1 problems in the input (validation errors, blocked run, a failed account)
· 2 usage or configuration error · 3 conflict (another run, or a guarded write lost a race)
· 4 a service stayed down after retries. See errors.py for the exception tree.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from handoff import __version__
from handoff.core.errors import EXIT_USAGE, HandoffError

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.core.settings import Settings


class Context:
    """Lazily loaded settings and consoles shared by the commands."""

    def __init__(self, config: str | None) -> None:
        self.config = config
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            # lazy: `handoff --help` loads neither the settings nor the clients
            from handoff.commands import check_sandbox_environment
            from handoff.core.settings import load_settings

            self._settings = load_settings(self.config)  # every setting checked, the environment's too
            check_sandbox_environment()
        return self._settings

    @property
    def console(self) -> Console:
        # lazy: `handoff --help` does not load rich
        from handoff.output.terminal import console

        return console()


pass_ctx = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--config",
    "config",
    metavar="FILE",
    envvar="HANDOFF_CONFIG",
    help="Settings file (default: config/handoff.toml, the sandbox profile).",
)
@click.version_option(__version__, prog_name="handoff")
@click.pass_context
def cli(ctx: click.Context, config: str | None) -> None:
    """Hand a self-hosted Sourcegraph deployment from the implementation engineer to the TA.

    Reads the tracking sheet and each account's TDD, validates every field, writes the
    handoff Google Doc, updates Vitally and records the outcome in the sheet. With the
    default configuration everything runs against the local sandbox.
    """
    ctx.obj = Context(config)


def _accounts_args(fn: Callable[..., Any]) -> Callable[..., Any]:
    fn = click.option("--all", "all_accounts", is_flag=True, help="Every account in the sheet.")(fn)
    fn = click.argument("accounts", nargs=-1, metavar="[ACCOUNT]...")(fn)
    return fn


def _verbosity_args(fn: Callable[..., Any]) -> Callable[..., Any]:
    """`-q/--quiet` and `-v/--verbose` (docs/output.md says what each hides and adds)."""
    fn = click.option(
        "-v", "--verbose", is_flag=True, help="Also the details: full values, notes, fields not set."
    )(fn)
    fn = click.option(
        "-q", "--quiet", is_flag=True, help="Only what needs attention: one line per account, errors."
    )(fn)
    return fn


def verbosity(quiet: bool, verbose: bool) -> int:
    """-1 quiet, 0 normal, 1 verbose; both at once is a usage error."""
    if quiet and verbose:
        raise click.UsageError("pass -q/--quiet or -v/--verbose, not both")
    return -1 if quiet else 1 if verbose else 0


def _require_accounts(accounts: tuple[str, ...], all_accounts: bool, command: str) -> None:
    if not accounts and not all_accounts:
        raise click.UsageError(f"name an account (handoff {command} acme) or pass --all")
    if accounts and all_accounts:
        raise click.UsageError("pass account names or --all, not both")


ACCEPT_HELP = "Where the sheet and the TDD disagree on FIELD, use this source's value (repeatable)."


@cli.command()
@_accounts_args
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--accept", "accept", multiple=True, metavar="FIELD=sheet|tdd", help=ACCEPT_HELP)
@_verbosity_args
@pass_ctx
def check(
    ctx: Context,
    accounts: tuple[str, ...],
    all_accounts: bool,
    as_json: bool,
    accept: tuple[str, ...],
    quiet: bool,
    verbose: bool,
) -> None:
    """Read and validate accounts; report every field and every problem. Writes nothing."""
    _require_accounts(accounts, all_accounts, "check")
    level = verbosity(quiet, verbose)
    settings = ctx.settings
    # lazy: `handoff --help` and the other commands do not load this one's modules
    from handoff.commands.check import check_command

    sys.exit(check_command(settings, list(accounts), all_accounts, as_json, ctx.console, level, accept))


@cli.command()
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--create", is_flag=True, help="With `template`: create the skeleton as a Google Doc in Drive.")
@pass_ctx
def tdd(ctx: Context, source: str, as_json: bool, create: bool) -> None:
    """Show how a TDD is read: SOURCE is a file (Docs JSON, HTML, web-page .zip), a Google Docs URL
    or a document id. `handoff tdd template [--create]` prints (or creates) a TDD skeleton."""
    settings = ctx.settings
    # lazy: `handoff --help` and the other commands do not load this one's modules
    from handoff.commands import tdd as tdd_commands

    if source == "template":
        sys.exit(tdd_commands.template_command(create, ctx.console, settings))
    if create:
        raise click.UsageError("--create goes with `handoff tdd template --create`")
    sys.exit(tdd_commands.tdd_command(source, as_json, ctx.console, settings))


def _run_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--json", "as_json", is_flag=True, help="Machine-readable output."),
        click.option(
            "--draft",
            is_flag=True,
            help="Write the doc only, marked DRAFT; leave Vitally and the status alone.",
        ),
        click.option(
            "--override-readiness",
            metavar="REASON",
            help="Finalize although the close-out checklist is incomplete; REASON is recorded.",
        ),
        click.option("--force-doc", is_flag=True, help="Overwrite the doc even if someone edited it."),
        click.option(
            "--force-field",
            "force_fields",
            multiple=True,
            metavar="NAME",
            help="Overwrite this Vitally field even if the TA changed it (repeatable).",
        ),
        click.option("--accept", "accept", multiple=True, metavar="FIELD=sheet|tdd", help=ACCEPT_HELP),
    ]
    for option in reversed(options):
        fn = option(fn)
    return _accounts_args(_verbosity_args(fn))


@cli.command()
@_run_options
@pass_ctx
def plan(ctx: Context, accounts: tuple[str, ...], all_accounts: bool, **options: Any) -> None:
    """Show the changes a run would make against the current remote state. Writes nothing."""
    _require_accounts(accounts, all_accounts, "plan")
    level = verbosity(options.pop("quiet"), options.pop("verbose"))
    settings = ctx.settings
    # lazy: `handoff --help` and the other commands do not load this one's modules
    from handoff.commands.run import RunOptions, plan_command

    opts = RunOptions.from_cli(apply=False, verbosity=level, **options)
    sys.exit(plan_command(settings, list(accounts), all_accounts, opts, ctx.console))


@cli.command()
@_run_options
@pass_ctx
def run(ctx: Context, accounts: tuple[str, ...], all_accounts: bool, **options: Any) -> None:
    """Plan, print the plan, then apply exactly that plan."""
    _require_accounts(accounts, all_accounts, "run")
    level = verbosity(options.pop("quiet"), options.pop("verbose"))
    settings = ctx.settings
    # lazy: `handoff --help` and the other commands do not load this one's modules
    from handoff.commands.run import RunOptions, plan_command

    opts = RunOptions.from_cli(apply=True, verbosity=level, **options)
    sys.exit(plan_command(settings, list(accounts), all_accounts, opts, ctx.console))


@cli.group()
def sandbox() -> None:
    """The local emulator of Sheets, Docs, Drive and Vitally."""


@sandbox.command("serve")
@click.option("--port", type=int, default=8765, show_default=True, help="Port on 127.0.0.1 (0 = any).")
@click.option("--faults", metavar="FILE", help="JSON fault rules to inject (see README).")
@click.option(
    "--quotas",
    metavar="SCALE",
    envvar="HANDOFF_SANDBOX_QUOTAS",
    help="Enforce the APIs' published per-user quotas × SCALE (429 beyond); default: Vitally's only.",
)
@pass_ctx
def sandbox_serve(ctx: Context, port: int, faults: str | None, quotas: str | None) -> None:
    """Serve the sandbox for a person to browse (and for HANDOFF_SANDBOX_URL)."""
    # lazy: `handoff --help` and the other commands do not load this one's modules
    from handoff.commands.sandbox import serve

    sys.exit(serve(ctx.settings, port, faults, ctx.console, quotas))


@sandbox.command("reset")
@pass_ctx
def sandbox_reset(ctx: Context) -> None:
    """Delete the sandbox state and reseed it from the seed folder."""
    # lazy: `handoff --help` and the other commands do not load this one's modules
    from handoff.commands.sandbox import reset

    sys.exit(reset(ctx.settings, ctx.console))


@sandbox.command("log")
@click.option("--tail", type=int, default=50, show_default=True, help="How many requests to show.")
@pass_ctx
def sandbox_log(ctx: Context, tail: int) -> None:
    """Show the sandbox request log (method, path, status, acting user)."""
    # lazy: `handoff --help` and the other commands do not load this one's modules
    from handoff.commands.sandbox import show_log

    sys.exit(show_log(ctx.settings, tail, ctx.console))


@cli.group()
def auth() -> None:
    """Credentials."""


@auth.command("check")
@pass_ctx
def auth_check(ctx: Context) -> None:
    """Say which credentials are in use and whether every service is reachable."""
    # lazy: `handoff --help` and the other commands do not load this one's modules
    from handoff.commands.auth import auth_check as run_auth_check

    sys.exit(run_auth_check(ctx.settings, ctx.console))


def main(argv: list[str] | None = None) -> None:
    """Entry point: turn HandoffError into a message + exit code, never a traceback."""
    try:
        cli.main(args=argv, prog_name="handoff", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE if isinstance(exc, click.UsageError) else exc.exit_code)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except HandoffError as exc:
        # lazy: `handoff --help` does not load rich
        from handoff.output.terminal import print_error

        print_error(exc)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)


@cli.group()
def sheet() -> None:
    """The shared tracking sheet."""


@sheet.command("init")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--example", is_flag=True, help="Also add an example account with its logs and checklist.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_ctx
def sheet_init(ctx: Context, dry_run: bool, example: bool, as_json: bool) -> None:
    """Create or upgrade the tracking sheet: tabs, headers, dropdowns, checkboxes. Safe to re-run."""
    settings = ctx.settings
    # lazy: `handoff --help` and the other commands do not load this one's modules
    from handoff.commands.sheet import sheet_init_command

    sys.exit(sheet_init_command(settings, dry_run, example, ctx.console, as_json))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_ctx
def status(ctx: Context, as_json: bool) -> None:
    """Every account at a glance: readiness, problems, status, doc, last run, changes in Vitally."""
    settings = ctx.settings
    # lazy: `handoff --help` and the other commands do not load this one's modules
    from handoff.commands.status import status_command

    sys.exit(status_command(settings, as_json, ctx.console))
