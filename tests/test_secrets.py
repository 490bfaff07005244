"""No secret in any output: the Vitally key, OAuth tokens, service-account keys, URL passwords.

Distinctive fake secrets are put where the tool takes them from (the environment, credential
files), and where people leak them by mistake (a password in a URL in the sheet, a note or the
TDD; a key pasted into the configuration). Then the tool runs every way it can without a
network, and EVERYTHING it produced is searched for every secret:

    stdout and stderr of each command · every log record (all loggers, DEBUG) · the files under
    out/ · the whole sandbox state folder: the request log, the sheet's cells, the Drive docs,
    the Vitally notes, tasks and traits · the messages, fixes, reprs and formatted tracebacks
    of the errors raised · the reprs of the clients and the settings.

Runs: the sandbox profile (a full handoff, a blocked one, one failing on a Vitally outage,
`plan --json`, `check --all --json`, `status --json`, `auth check`), and the production code
path (`[sandbox] enabled = false`): service-account, OAuth (cached token, valid and
expired) and ADC credentials, with `vitally.base_url` pointed at the sandbox, which is told to
accept the fake key (HANDOFF_SANDBOX_VITALLY_KEYS), so the key really travels and really works.
Google is unreachable there: every host but 127.0.0.1 is refused at name resolution (the
`loopback_only` fixture), so those runs end in clear errors, which are searched as well.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import socket
import stat
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from handoff.clients import Clients
from handoff.clients.google import SCOPES, load_credentials
from handoff.clients.vitally import VitallyClient
from handoff.core.errors import ConfigError, HandoffError
from handoff.core.settings import PROJECT_ROOT, load_settings
from workspace import DOCS, SHEET_ID, SeedFolder, Workspace

VITALLY_KEY = "sk_live_SeCrEtVitallyKey7f3a9c1e5b2d8f4a6c0e"
KEY_ID = "SeCrEtKeyId0a1b2c3d4e5f60718293a4b5c6d7e8f9"
ACCESS_TOKEN = "ya29.SeCrEtAccessToken-a0b1c2d3e4f5g6h7i8j9"
REFRESH_TOKEN = "1//SeCrEtRefreshToken-0f1e2d3c4b5a69788796a5b4"
CLIENT_SECRET = "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v"
URL_PASSWORD = "Pa55w0rd-SeCrEt-url"
SA_EMAIL = "handoff-bot@handoff-test.iam.gserviceaccount.com"


@dataclass
class Secrets:
    """Every secret string, and everything captured so far to search for them."""

    values: dict[str, str]
    captured: list[tuple[str, str]] = field(default_factory=list)  # (where, text)

    def capture(self, where: str, text: str) -> None:
        self.captured.append((where, text))

    def capture_tree(self, where: str, root: Path, skip: tuple[Path, ...] = ()) -> None:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path not in skip:
                self.capture(f"{where}/{path.relative_to(root)}", path.read_text("utf-8", errors="replace"))

    def capture_error(self, where: str, exc: BaseException) -> None:
        text = "".join(traceback.format_exception(exc))
        fix = getattr(exc, "fix", None) or ""
        self.capture(where, f"{exc}\n{exc!r}\n{fix}\n{text}")

    def leaks(self) -> list[str]:
        return [
            f"{name} in {where}"
            for where, text in self.captured
            for name, secret in self.values.items()
            if secret in text
        ]


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Name resolution refuses every host but the loopback: nothing can leave 127.0.0.1."""
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if str(host) not in ("127.0.0.1", "localhost", "::1"):
            raise socket.gaierror(socket.EAI_NONAME, f"{host}: resolution refused (tests are offline)")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture(scope="module")
def private_key_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


@pytest.fixture
def secrets(private_key_pem: str, caplog: pytest.LogCaptureFixture) -> Iterator[Secrets]:
    body = [line for line in private_key_pem.splitlines() if "-----" not in line]
    found = Secrets(
        {
            "Vitally key": VITALLY_KEY,
            "service-account key id": KEY_ID,
            "service-account private key (line 2)": body[1],
            "service-account private key (last line)": body[-1],
            "OAuth access token": ACCESS_TOKEN,
            "OAuth refresh token": REFRESH_TOKEN,
            "OAuth client secret": CLIENT_SECRET,
            "URL password": URL_PASSWORD,
            "globex's URL password": "hunter2",
        }
    )
    caplog.set_level(logging.DEBUG)
    yield found
    found.capture("log records", "\n".join(f"{r.name}: {r.getMessage()}" for r in caplog.records))
    leaks = found.leaks()
    assert not leaks, "\n".join(leaks)


def credential_files(tmp: Path, pem: str, *, expired: bool = False) -> dict[str, Path]:
    """A service-account key, an OAuth client secret and a cached OAuth token, all fake, all 0600."""
    files = {
        "sa": tmp / "creds" / "sa.json",
        "client": tmp / "creds" / "client_secret.json",
        "token": tmp / "creds" / "token.json",
    }
    files["sa"].parent.mkdir(parents=True, exist_ok=True)
    expiry = dt.datetime(2020, 1, 1) if expired else dt.datetime(2999, 1, 1)
    contents = {
        "sa": {
            "type": "service_account",
            "project_id": "handoff-test",
            "private_key_id": KEY_ID,
            "private_key": pem,
            "client_email": SA_EMAIL,
            "client_id": "100000000000000000001",
            "token_uri": "https://oauth2.googleapis.com/token",
        },
        "client": {
            "installed": {
                "client_id": "1234-fake.apps.googleusercontent.com",
                "client_secret": CLIENT_SECRET,
                "auth_uri": "https://accounts.google.com/o/oauth2/auth",
                "token_uri": "https://oauth2.googleapis.com/token",
                "redirect_uris": ["http://localhost"],
            }
        },
        "token": {
            "token": ACCESS_TOKEN,
            "refresh_token": REFRESH_TOKEN,
            "client_id": "1234-fake.apps.googleusercontent.com",
            "client_secret": CLIENT_SECRET,
            "token_uri": "https://oauth2.googleapis.com/token",
            "scopes": list(SCOPES),
            "expiry": expiry.isoformat() + "Z",
            "account": "ie.person@example.com",
        },
    }
    for name, path in files.items():
        path.write_text(json.dumps(contents[name]), encoding="utf-8")
        path.chmod(0o600)
    return files


def write_config(tmp: Path, body: str) -> Path:
    """A configuration file; bundled files by absolute path, fast retries (tests never wait)."""
    path = tmp / "conf" / "handoff.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'fields_file = "{PROJECT_ROOT}/config/fields.toml"\n'
        f'templates_dir = "{PROJECT_ROOT}/templates"\n'
        f"{body}\n"
        "[retry]\nmax_attempts = 2\nmax_wait_seconds = 0.01\ntotal_seconds = 1\ntimeout_seconds = 5\n",
        encoding="utf-8",
    )
    return path


def production_config(tmp: Path, ws: Workspace, files: dict[str, Path], mode: str) -> Path:
    return write_config(
        tmp,
        f'[sheet]\nspreadsheet = "https://docs.google.com/spreadsheets/d/{SHEET_ID}/edit"\n'
        f'[docs]\nfolder_id = "1HndffSandboxHandoffDocsFolder0000"\nshared_drive = true\n'
        f'out_dir = "{ws.out_dir}"\n'
        f'[vitally]\nregion = "eu"\nbase_url = "{ws.sandbox.url}/resources"\n'
        f'[google]\ncredentials = "{mode}"\nservice_account_file = "{files["sa"]}"\n'
        f'oauth_client_secrets = "{files["client"]}"\noauth_token_cache = "{files["token"]}"\n'
        "[sandbox]\nenabled = false\n",
    )


def sandbox_config(tmp: Path) -> Path:
    return write_config(
        tmp,
        f'[sheet]\nspreadsheet = "{SHEET_ID}"\n[docs]\nfolder_id = "1HndffSandboxHandoffDocsFolder0000"\n',
    )


def leaky_seed(tmp: Path) -> SeedFolder:
    """The sample workspace, with a password in a URL in a note and in acme's TDD (globex has hunter2)."""
    seed = SeedFolder.copy(tmp / "seed", tdds=("acme", "globex"))
    seed.set("Notes!D2", f"Grafana is at https://root:{URL_PASSWORD}@grafana.acme.internal/d/sg (ask Lena)")
    html = seed.doc_html(DOCS["acme"]).replace(
        "<h2>Special configuration</h2>",
        f"<p>Admin console: https://admin:{URL_PASSWORD}@sourcegraph.acmecorp.com/site-admin</p>"
        "<h2>Special configuration</h2>",
    )
    seed.set_doc(DOCS["acme"], html=html)
    return seed


def run(secrets: Secrets, ws: Workspace, *argv: str, env: dict[str, str], expect: int | None = None) -> str:
    code, out, err = ws.cli(*argv, env=env)
    where = "handoff " + " ".join(argv)
    secrets.capture(f"{where} (stdout)", out)
    secrets.capture(f"{where} (stderr)", err)
    assert "Traceback" not in out + err, err
    if expect is not None:
        assert code == expect, (where, out[-3000:], err[-3000:])
    return out + err


def capture_workspace(secrets: Secrets, ws: Workspace) -> None:
    """What the run left in the sandbox, its inputs aside: the spreadsheet as seeded (its write-back
    cells are read through the API instead) and the TDDs (a password in a URL is in them on purpose)."""
    root = ws.sandbox.store.root
    inputs = (root / "sheets" / f"{SHEET_ID}.json", *(root / "docs" / f"{d}.json" for d in DOCS.values()))
    secrets.capture_tree("sandbox state", root, skip=inputs)
    if ws.out_dir.exists():
        secrets.capture_tree("out", ws.out_dir)
    for a1 in ("Accounts!Z:AB", "'Handoff Log'", "handoff_state"):  # what the tool writes to the sheet
        secrets.capture(f"sheet {a1}", json.dumps(ws.values(a1), ensure_ascii=False))


# -- the sandbox profile ------------------------------------------------------------------------


def test_sandbox_runs_show_no_secret(tmp_path: Path, secrets: Secrets, private_key_pem: str) -> None:
    files = credential_files(tmp_path, private_key_pem)
    seed = leaky_seed(tmp_path)
    env = {
        "HANDOFF_CONFIG": str(sandbox_config(tmp_path)),
        "VITALLY_API_KEY": VITALLY_KEY,  # set, as on an engineer's laptop: the sandbox must not get it
        "GOOGLE_APPLICATION_CREDENTIALS": str(files["sa"]),
        "HANDOFF_SERVICE_ACCOUNT_FILE": str(files["sa"]),
    }
    with Workspace.start(seed.root, tmp_path) as ws:
        text = run(secrets, ws, "run", "acme", env=env, expect=0)
        assert "handoff" in text
        run(secrets, ws, "run", "globex", env=env, expect=1)  # blocked: the URL carries a password
        run(secrets, ws, "run", "globex", "--draft", env=env, expect=0)  # the draft doc is written
        run(secrets, ws, "plan", "acme", "--json", env=env, expect=0)
        run(secrets, ws, "check", "--all", "--json", env=env, expect=1)
        run(secrets, ws, "check", "globex", env=env, expect=1)
        run(secrets, ws, "status", "--json", env=env)
        assert "OK" in run(secrets, ws, "auth", "check", env=env, expect=0)
        faults = [{"api": "vitally", "kind": "5xx", "count": 0, "status": 503}]
        ws.http.post("/_sandbox/faults", json=faults).raise_for_status()
        run(secrets, ws, "run", "umbrella", "--override-readiness", "signed off", env=env, expect=4)
        run(secrets, ws, "auth", "check", env=env, expect=1)
        ws.http.delete("/_sandbox/faults").raise_for_status()
        capture_workspace(secrets, ws)
        vitally = [e for e in ws.log() if e["api"] == "vitally"]
        assert vitally and not [e for e in vitally if e["status"] == 401]  # only the sandbox's own key
        doc = ws.handoff_docs("acme")[0]
        exported = ws.export(doc["id"])
        secrets.capture("acme doc (text export)", exported)
        assert "https://***@grafana.acme.internal" in exported  # the note kept, the password not


# -- the production code path --------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["service_account", "oauth", "oauth-expired", "adc"])
def test_production_runs_show_no_secret(
    tmp_path: Path, secrets: Secrets, private_key_pem: str, mode: str
) -> None:
    files = credential_files(tmp_path, private_key_pem, expired=mode == "oauth-expired")
    seed = leaky_seed(tmp_path)
    with Workspace.start(seed.root, tmp_path) as ws:
        config = production_config(tmp_path, ws, files, mode.removesuffix("-expired"))
        env = {
            "HANDOFF_CONFIG": str(config),
            "VITALLY_API_KEY": VITALLY_KEY,
            "HANDOFF_SANDBOX_VITALLY_KEYS": VITALLY_KEY,
            "GOOGLE_APPLICATION_CREDENTIALS": str(files["sa"]),
            "HANDOFF_SANDBOX_URL": "",  # production: no sandbox for Google
        }
        checks = run(secrets, ws, "auth", "check", env=env, expect=1)  # Google is unreachable offline
        assert "OK    Vitally" in checks  # the key from the environment, accepted
        if mode in ("service_account", "adc"):
            assert SA_EMAIL in checks
        if mode != "oauth":  # a valid cached OAuth token needs no refresh; the others ask Google
            assert "FAIL  Google credentials" in checks and "service down or unreachable" in checks
        run(secrets, ws, "run", "acme", env=env, expect=4)
        run(secrets, ws, "plan", "acme", "--json", env=env, expect=4)
        run(secrets, ws, "check", "--all", "--json", env=env, expect=4)
        capture_workspace(secrets, ws)
        assert [e["route"] for e in ws.log() if e["api"] == "vitally"] == ["vitally.customFields.list"]
        assert stat.S_IMODE(files["token"].stat().st_mode) == 0o600


def test_the_production_vitally_client_sends_the_key_and_never_shows_it(
    tmp_path: Path, secrets: Secrets, private_key_pem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reads and writes with the key from the environment, then refusals (wrong key, unknown id)."""
    files = credential_files(tmp_path, private_key_pem)
    with Workspace.start(leaky_seed(tmp_path).root, tmp_path) as ws:
        settings = load_settings(production_config(tmp_path, ws, files, "service_account"))
        monkeypatch.setenv("VITALLY_API_KEY", VITALLY_KEY)
        monkeypatch.setenv("HANDOFF_SANDBOX_VITALLY_KEYS", VITALLY_KEY)
        with Clients(settings) as clients:
            vitally = clients.vitally()
            account = vitally.get_account("0015e00000Kq7TbAAJ")
            assert account is not None and vitally.find_admin_by_email("dana.whitfield@sourcegraph.com")
            note = vitally.create_note(account["id"], "<p>hello</p>", dt.date(2026, 11, 27), "s", "ext:1")
            assert vitally.get_note(note["id"]) is not None
            secrets.capture("reprs", f"{clients!r} {vitally!r} {settings!r} {clients.google_auth()!r}")
            assert vitally.get_account("no-such-account") is None
        monkeypatch.setenv("HANDOFF_SANDBOX_VITALLY_KEYS", "sk_live_another_key")  # now refused: 401
        with Clients(settings) as clients, pytest.raises(HandoffError) as refused:
            clients.vitally().get_account("0015e00000Kq7TbAAJ")
        assert refused.value.exit_code == 1 and "401" in refused.value.message  # refused, not down
        secrets.capture_error("401 from Vitally", refused.value)
        capture_workspace(secrets, ws)


def test_a_server_echoing_the_key_is_scrubbed(secrets: Secrets) -> None:
    """Should Vitally ever repeat the Authorization header or the key in an error, it is blanked."""

    def echo(request: httpx.Request) -> httpx.Response:
        body = {"message": f"bad request from {request.headers['authorization']} key={VITALLY_KEY}"}
        return httpx.Response(400, json=body)

    with VitallyClient(
        "https://rest.vitally-eu.io/resources", VITALLY_KEY, transport=httpx.MockTransport(echo)
    ) as client:
        with pytest.raises(HandoffError) as raised:
            client.get_account("acme")
        secrets.capture_error("echoed key", raised.value)
        assert "***" in raised.value.message
    import base64

    basic = base64.b64encode(f"{VITALLY_KEY}:".encode()).decode()
    secrets.values["Vitally key as Basic credentials"] = basic


# -- credentials that cannot be used: errors name the file, never its content ---------------------------


def test_unusable_credential_files_are_named_never_shown(
    tmp_path: Path, secrets: Secrets, private_key_pem: str
) -> None:
    files = credential_files(tmp_path, private_key_pem)
    sa = json.loads(files["sa"].read_text())
    broken = {
        "private key cut short": {**sa, "private_key": sa["private_key"][:400]},
        "no client email": {k: v for k, v in sa.items() if k != "client_email"},
        "not JSON": None,
    }
    for name, content in broken.items():
        path = tmp_path / "creds" / f"{name}.json"
        path.write_text(json.dumps(content) if content else private_key_pem + KEY_ID, encoding="utf-8")
        settings = load_settings(
            write_config(
                tmp_path,
                f'[sheet]\nspreadsheet = "{SHEET_ID}"\n[sandbox]\nenabled = false\n'
                f'[vitally]\nregion = "eu"\n[google]\ncredentials = "service_account"\n'
                f'service_account_file = "{path}"\n',
            )
        )
        with pytest.raises(ConfigError) as raised:
            load_credentials(settings)
        assert str(path) in raised.value.message
        secrets.capture_error(name, raised.value)
    bad_client = tmp_path / "creds" / "client_bad.json"
    bad_client.write_text(json.dumps({"web": {"client_secret": CLIENT_SECRET}}), encoding="utf-8")
    settings = load_settings(
        write_config(
            tmp_path,
            f'[sheet]\nspreadsheet = "{SHEET_ID}"\n[sandbox]\nenabled = false\n[vitally]\nregion = "eu"\n'
            f'[google]\ncredentials = "oauth"\noauth_client_secrets = "{bad_client}"\n'
            f'oauth_token_cache = "{tmp_path / "none" / "token.json"}"\n',
        )
    )

    def flow(path: Path, scopes: Any) -> Any:
        from google_auth_oauthlib.flow import InstalledAppFlow

        return InstalledAppFlow.from_client_secrets_file(str(path), scopes=list(scopes))

    with pytest.raises(ConfigError) as raised:
        load_credentials(settings, run_flow=flow)
    secrets.capture_error("client secrets of the wrong kind", raised.value)


def test_a_key_pasted_into_the_configuration_is_refused_without_repeating_it(
    tmp_path: Path, secrets: Secrets
) -> None:
    for body in (
        f'[vitally]\nsubdomain = "acme"\napi_key_env = "{VITALLY_KEY}"\n',
        f'[vitally]\nsubdomain = "acme"\nbase_url = "https://me:{VITALLY_KEY}@rest.vitally.io/resources"\n',
        f'[vitally]\nsubdomain = "acme"\napi_key = "{VITALLY_KEY}"\n',
    ):
        with pytest.raises(ConfigError) as raised:
            load_settings(write_config(tmp_path, f'[sheet]\nspreadsheet = "{SHEET_ID}"\n' + body))
        assert "vitally." in raised.value.message
        secrets.capture_error("pasted key", raised.value)


def test_the_key_is_read_from_the_variable_the_configuration_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = write_config(
        tmp_path,
        f'[sheet]\nspreadsheet = "{SHEET_ID}"\n[sandbox]\nenabled = false\n'
        '[vitally]\nregion = "eu"\napi_key_env = "TEAM_VITALLY_KEY"\n',
    )
    settings = load_settings(config)
    monkeypatch.delenv("TEAM_VITALLY_KEY", raising=False)
    with pytest.raises(ConfigError) as missing:
        settings.vitally_key()
    assert "TEAM_VITALLY_KEY is not set" in missing.value.message
    monkeypatch.setenv("TEAM_VITALLY_KEY", VITALLY_KEY)
    assert settings.vitally_key() == VITALLY_KEY
    assert VITALLY_KEY not in config.read_text() and VITALLY_KEY not in repr(settings)
    assert os.environ["TEAM_VITALLY_KEY"] == VITALLY_KEY
