"""Settings: `config/*.toml` plus `HANDOFF_*` environment variables, loaded once into one immutable object.

The file is chosen by `--config`, else `HANDOFF_CONFIG`, else `config/handoff.toml`
(the sandbox profile). Secrets never live in the file: the Vitally key is read from the
environment variable the file names (`vitally.api_key_env`), and Google credentials come
from ADC, a service-account file or an OAuth login (see `handoff.clients.google`).

A wrong or missing setting raises `ConfigError` with one line naming the key and the file.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from handoff.core.clock import today
from handoff.core.errors import ConfigError
from handoff.core.redact import mask


def _tool_root() -> tuple[Path, bool]:
    """Where the tool's own files (config/, templates/) are, and whether that is an installed copy.

    In a checkout (or an editable install) they are the repository's top-level folders. A wheel
    carries a copy of them as `handoff/_data/` (setup.py copies them in at build time)."""
    package = Path(__file__).resolve().parents[1]
    checkout = package.parents[1]  # scripts/handoff -> the repository
    if (checkout / "config" / "fields.toml").is_file():
        return checkout, False
    return package / "_data", True


PROJECT_ROOT, INSTALLED = _tool_root()
DEFAULT_CONFIG = PROJECT_ROOT / "config" / "handoff.toml"
# The sandbox's Vitally key: fake, accepted by the sandbox only. A real key is never sent there.
SANDBOX_API_KEY = "sk_sandbox_handoff_0000000000000000"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Tabs(_Section):
    accounts: str = "Accounts"
    notes: str = "Notes"
    issues: str = "Issues"
    risks: str = "Risks"
    expansion: str = "Expansion"
    checklist: str = "Checklist"
    log: str = "Handoff Log"
    state: str = "handoff_state"


# The tabs, declared once (above, with their default titles); every list of tabs derives from it.
TAB_KEYS: tuple[str, ...] = tuple(Tabs.model_fields)  # in sheet order
RUN_TABS = ("log", "state")  # what every run writes: the run log and the (hidden) state
ENTRY_TABS = tuple(k for k in TAB_KEYS if k not in ("accounts", *RUN_TABS))  # rows of entries per account


class SheetSettings(_Section):
    spreadsheet: str = Field(description="Spreadsheet id, or its full docs.google.com URL")
    tabs: Tabs = Tabs()

    @property
    def spreadsheet_id(self) -> str:
        m = re.search(r"/spreadsheets/d/([a-zA-Z0-9_-]+)", self.spreadsheet)
        return m.group(1) if m else self.spreadsheet.strip()

    @field_validator("spreadsheet")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must be a spreadsheet id or URL")
        return v


class DocumentSpec(_Section):
    kind: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    title: str
    template: str


class DocsSettings(_Section):
    folder_id: str = Field(default="", description="Drive folder (or shared-drive folder) for generated docs")
    shared_drive: bool = False
    share_role: Literal["reader", "commenter", "writer"] = "commenter"
    send_notification: bool = False
    out_dir: str = "out"
    documents: tuple[DocumentSpec, ...] = (
        DocumentSpec(
            kind="handoff", title="{name}: Sourcegraph implementation handoff", template="handoff.html.j2"
        ),
    )

    @model_validator(mode="after")
    def _unique_kinds(self) -> DocsSettings:
        kinds = [d.kind for d in self.documents]
        if len(set(kinds)) != len(kinds):
            raise ValueError("each [[docs.documents]] entry needs its own kind")
        if not kinds:
            raise ValueError("at least one [[docs.documents]] entry is needed")
        return self


class VitallySettings(_Section):
    region: Literal["us", "eu"] = "us"
    subdomain: str = ""
    api_key_env: str = "VITALLY_API_KEY"
    base_url: str = Field(default="", description="Override the REST base URL (normally derived)")
    ta_name_trait: str = "vitally.custom.technicalAdvisor"
    record_trait: str = Field(
        default="vitally.custom.handoffWritten",
        min_length=1,
        description="The trait holding handoff's record of what it wrote (sent with the traits)",
    )
    task_due_days: int = Field(default=7, ge=0)
    # A trait set after a final handoff from templates/vitally-next-steps.txt.j2 (e.g. the account's
    # next-steps field); "" (default): off. Written like the other traits: a TA's edit is kept.
    next_steps_trait: str = ""
    list_trait_style: Literal["array", "string"] = "array"

    @field_validator("api_key_env")
    @classmethod
    def _names_a_variable(cls, v: str) -> str:
        # The messages never repeat the value: it may be the key itself, pasted in by mistake.
        if v.strip().lower().startswith("sk_") or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,63}", v.strip()):
            raise ValueError(
                "must name the environment variable holding the key (like VITALLY_API_KEY), not hold "
                "the key itself; if a key was pasted here, remove it and rotate it in Vitally"
            )
        return v.strip()

    @field_validator("base_url")
    @classmethod
    def _no_credentials(cls, v: str) -> str:
        if v and (not re.match(r"^https?://", v) or "@" in v.split("://", 1)[1].split("/", 1)[0]):
            raise ValueError(
                "must be an http(s) URL without credentials in it (the key comes from vitally.api_key_env)"
            )
        return v

    @model_validator(mode="after")
    def _subdomain_for_us(self) -> VitallySettings:
        if self.region == "us" and not self.subdomain and not self.base_url:
            raise ValueError("region 'us' needs vitally.subdomain (from https://<subdomain>.vitally.io)")
        return self

    @property
    def rest_base_url(self) -> str:
        if self.base_url:
            return self.base_url.rstrip("/")
        if self.region == "eu":
            return "https://rest.vitally-eu.io/resources"
        return f"https://{self.subdomain}.rest.vitally.io/resources"


class GoogleSettings(_Section):
    credentials: Literal["adc", "service_account", "oauth"] = "adc"
    service_account_file: str = ""
    subject: str = Field(default="", description="Domain-wide delegation: the user to act as")
    oauth_client_secrets: str = ""
    oauth_token_cache: str = "~/.config/handoff/google-token.json"

    @model_validator(mode="after")
    def _files_for_mode(self) -> GoogleSettings:
        if self.credentials == "service_account" and not self.service_account_file:
            raise ValueError("credentials = 'service_account' needs google.service_account_file")
        if self.credentials == "oauth" and not self.oauth_client_secrets:
            raise ValueError("credentials = 'oauth' needs google.oauth_client_secrets")
        return self


class SandboxSettings(_Section):
    enabled: bool = True
    state_dir: str = ".sandbox"
    seed_dir: str = "config/sandbox"
    url: str = Field(default="", description="Use an already running sandbox instead of an in-process one")
    user: str = Field(
        default="", description="The Google identity the sandbox sees this run as (empty: its default)"
    )

    @field_validator("url")
    @classmethod
    def _a_server_url(cls, v: str) -> str:
        if v.strip() and not re.fullmatch(r"https?://[A-Za-z0-9.\-\[\]:]+(:\d{1,5})?/?", v.strip()):
            raise ValueError(
                "must be the URL of a running sandbox, such as http://127.0.0.1:8765 "
                "(`handoff sandbox serve` prints it)"
            )
        return v.strip().rstrip("/")


class RetrySettings(_Section):
    max_attempts: int = Field(default=6, ge=1, le=20)
    max_wait_seconds: float = Field(default=32.0, gt=0)
    total_seconds: float = Field(default=120.0, gt=0)
    timeout_seconds: float = Field(default=30.0, gt=0)


class QuotaSettings(_Section):
    """Requests per minute per API, from the published per-user limits (Vitally with headroom).

    Sheets 60 read / 60 write and Docs 300 read / 60 write per minute per user. Drive has its own
    quota (the handoff docs are written through Drive's HTML import, so they never count against
    Docs writes): 12,000 queries per minute per user, of which 600 is used so as not to trip the
    backend's undocumented write-burst checks. Vitally: 1,000 per minute per key, 600 used so
    other integrations sharing the key keep room (RateLimit-Remaining also pauses us).
    """

    sheets_read: int = Field(default=60, gt=0)
    sheets_write: int = Field(default=60, gt=0)
    docs_read: int = Field(default=300, gt=0)
    docs_write: int = Field(default=60, gt=0)
    drive: int = Field(default=600, gt=0)
    vitally: int = Field(default=600, gt=0)


class RunSettings(_Section):
    """Batches: how many accounts at once, and which ones `--all` takes (see readiness.py)."""

    concurrency: int = Field(default=16, ge=1, le=64)
    ready_when: Literal["checklist", "status"] = "checklist"
    ready_status: str = Field(default="ready", min_length=1)


class Settings(_Section):
    sheet: SheetSettings
    docs: DocsSettings = DocsSettings()
    vitally: VitallySettings = VitallySettings(subdomain="sandbox")
    google: GoogleSettings = GoogleSettings()
    sandbox: SandboxSettings = SandboxSettings()
    retry: RetrySettings = RetrySettings()
    quotas: QuotaSettings = QuotaSettings()
    run: RunSettings = RunSettings()
    fields_file: str = "config/fields.toml"
    templates_dir: str = "templates"
    source: str = Field(default="", description="The file these settings came from")
    root: str = Field(default="", description="Folder relative paths resolve against")

    # -- derived ------------------------------------------------------------------------------
    def path(self, value: str) -> Path:
        """A configured path: absolute, or relative to the project the config file sits in; the
        tool's own files (fields.toml, templates, the seed) fall back to the installed project."""
        p = Path(os.path.expanduser(value))
        if p.is_absolute():
            return p
        local = Path(self.root) / p
        if not local.exists() and (PROJECT_ROOT / p).exists() and value in _BUNDLED:
            return PROJECT_ROOT / p
        return local

    @property
    def use_sandbox(self) -> bool:
        return self.sandbox.enabled

    def vitally_key(self) -> str:
        """The production Vitally REST key, from the environment variable the file names (the
        sandbox's own fake key is chosen by `Clients`, which never sends this one there)."""
        key = os.environ.get(self.vitally.api_key_env, "")
        if not key:
            raise ConfigError(
                f"environment variable {self.vitally.api_key_env} is not set "
                f"(named by vitally.api_key_env in {self.source})",
                fix="export it with the key from Vitally: Settings → Integrations → Vitally REST API",
            )
        return key


_BUNDLED = frozenset({"config/fields.toml", "config/instance_types.toml", "templates", "config/sandbox"})

ENV_OVERRIDES = {
    "HANDOFF_SPREADSHEET": ("sheet", "spreadsheet"),
    "HANDOFF_SANDBOX_DIR": ("sandbox", "state_dir"),
    "HANDOFF_SANDBOX_URL": ("sandbox", "url"),
    "HANDOFF_SANDBOX_USER": ("sandbox", "user"),
    "HANDOFF_SANDBOX_SEED": ("sandbox", "seed_dir"),
    "HANDOFF_DOCS_FOLDER": ("docs", "folder_id"),
    "HANDOFF_OUT_DIR": ("docs", "out_dir"),
    "HANDOFF_CONCURRENCY": ("run", "concurrency"),
    "HANDOFF_GOOGLE_CREDENTIALS": ("google", "credentials"),
    "HANDOFF_SERVICE_ACCOUNT_FILE": ("google", "service_account_file"),
}


def shown(value: str) -> str:
    """A setting's value as an error message may show it: credentials in a URL masked."""
    return mask(value)


def check_environment() -> None:
    """The settings read straight from the environment (not through Settings): checked at start,
    so a bad one is one line naming the variable, never a traceback half-way through a run."""
    today()


def config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit)
    env = os.environ.get("HANDOFF_CONFIG")
    if env:
        return Path(env)
    local = Path.cwd() / "config" / "handoff.toml"
    return local if local.exists() else DEFAULT_CONFIG


def _root_for(path: Path) -> Path:
    """The folder a config file's relative paths resolve against: the project it sits in (the
    parent of its config/ folder). The installed copy of the default config resolves against the
    current folder instead, so the sandbox state and out/ land there, not inside the package."""
    resolved = path.resolve()
    if INSTALLED and resolved == DEFAULT_CONFIG.resolve():
        return Path.cwd()
    return resolved.parent.parent if resolved.parent.name == "config" else resolved.parent


def load_settings(
    explicit: str | os.PathLike[str] | None = None, overrides: dict[str, Any] | None = None
) -> Settings:
    path = config_path(explicit)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"configuration file {path} does not exist", fix="pass --config FILE or set HANDOFF_CONFIG"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    from_env: dict[tuple[str, str], tuple[str, str]] = {}  # (section, key) -> (variable, value)
    for env, (section, key) in ENV_OVERRIDES.items():
        value = os.environ.get(env)
        if value:
            data.setdefault(section, {})[key] = value
            from_env[(section, key)] = (env, value)
    for dotted, value in (overrides or {}).items():
        section, _, key = dotted.partition(".")
        data.setdefault(section, {})[key] = value
    root = _root_for(path)
    data.setdefault("source", str(path))
    data.setdefault("root", str(root))
    check_environment()
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        msg = err["msg"].removeprefix("Value error, ")
        more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        blamed = from_env.get(tuple(str(p) for p in err["loc"][:2]))  # type: ignore[arg-type]
        if blamed is not None:  # the environment set it: name the variable, not the file
            env, value = blamed
            raise ConfigError(
                f"environment variable {env}={shown(value)!r}: {msg}{more}",
                fix=f"correct {env}, or unset it to use {key} from {path}",
            ) from None
        raise ConfigError(f"{path}: setting '{key}': {msg}{more}") from None
