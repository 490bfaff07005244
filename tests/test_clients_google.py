"""Google credentials: service-account keys, the OAuth token cache, ADC errors, and no secret anywhere.

The interactive OAuth exchange and Google's token endpoint cannot be staged, so those two are
replaced by narrow fakes (`run_flow`, `refresh_request`); everything else is the real library.
"""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from handoff.clients.google import (
    SCOPES,
    SandboxEscapeError,
    load_credentials,
    rewrite_url,
    write_private_file,
)
from handoff.core.errors import ConfigError
from handoff.core.settings import GoogleSettings, SandboxSettings, Settings, SheetSettings

ACCESS_TOKEN = "ya29.ACCESS-TOKEN-SECRET"
REFRESH_TOKEN = "1//REFRESH-TOKEN-SECRET"
CLIENT_SECRET = "GOCSPX-CLIENT-SECRET"


def settings_for(tmp_path: Path, **google: Any) -> Settings:
    return Settings(
        sheet=SheetSettings(spreadsheet="1SheetId"),
        google=GoogleSettings(**google),
        sandbox=SandboxSettings(enabled=False),
        root=str(tmp_path),
        source=str(tmp_path / "config" / "handoff.toml"),
    )


def assert_no_secret(*texts: str, secrets: tuple[str, ...]) -> None:
    for text in texts:
        for secret in secrets:
            assert secret not in text


# -- service account ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def private_key_pem() -> str:
    rsa = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.rsa")
    serialization = pytest.importorskip("cryptography.hazmat.primitives.serialization")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return pem.decode()


def write_key_file(path: Path, pem: str, **overrides: Any) -> Path:
    info = {
        "type": "service_account",
        "project_id": "handoff-test",
        "private_key_id": "0123456789abcdef",
        "private_key": pem,
        "client_email": "handoff@handoff-test.iam.gserviceaccount.com",
        "client_id": "1234567890",
        "token_uri": "https://oauth2.googleapis.com/token",
        **overrides,
    }
    info = {k: v for k, v in info.items() if v is not None}
    path.write_text(json.dumps(info), encoding="utf-8")
    return path


def test_service_account_from_a_key_file_with_scopes_and_subject(
    tmp_path: Path, private_key_pem: str
) -> None:
    write_key_file(tmp_path / "sa.json", private_key_pem)
    settings = settings_for(
        tmp_path, credentials="service_account", service_account_file="sa.json", subject="ie@example.com"
    )
    auth = load_credentials(settings)
    creds: Any = auth.credentials
    assert auth.mode == "service_account"
    assert creds.service_account_email == "handoff@handoff-test.iam.gserviceaccount.com"
    assert creds._subject == "ie@example.com"
    assert tuple(creds.scopes) == SCOPES
    assert auth.identity == (
        "handoff@handoff-test.iam.gserviceaccount.com acting as ie@example.com (domain-wide delegation)"
    )
    key_body = private_key_pem.splitlines()[1]
    assert_no_secret(repr(auth), str(auth), auth.identity, secrets=(key_body,))


def test_service_account_without_subject(tmp_path: Path, private_key_pem: str) -> None:
    write_key_file(tmp_path / "sa.json", private_key_pem)
    auth = load_credentials(
        settings_for(tmp_path, credentials="service_account", service_account_file="sa.json")
    )
    assert auth.credentials._subject is None  # type: ignore[attr-defined]
    assert auth.identity == "handoff@handoff-test.iam.gserviceaccount.com"


def test_missing_key_file_is_a_config_error_with_a_fix(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, credentials="service_account", service_account_file="missing.json")
    with pytest.raises(ConfigError) as info:
        load_credentials(settings)
    assert "missing.json does not exist" in info.value.message
    assert "google.service_account_file" in info.value.message
    assert info.value.fix and "JSON key" in info.value.fix


def test_a_broken_key_file_is_reported_without_echoing_it(tmp_path: Path, private_key_pem: str) -> None:
    write_key_file(tmp_path / "sa.json", private_key_pem, client_email=None)
    settings = settings_for(tmp_path, credentials="service_account", service_account_file="sa.json")
    with pytest.raises(ConfigError) as info:
        load_credentials(settings)
    assert "is not a usable service-account key" in info.value.message
    key_body = private_key_pem.splitlines()[1]
    assert_no_secret(
        str(info.value), repr(info.value), info.value.fix or "", secrets=(key_body, "PRIVATE KEY")
    )
    assert info.value.__cause__ is None and info.value.__suppress_context__


# -- OAuth installed app --------------------------------------------------------------------------


def user_credentials(token: str = ACCESS_TOKEN, expired: bool = False) -> Any:
    from google.oauth2.credentials import Credentials

    expiry = datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=-1 if expired else 1)
    return Credentials(
        token=token,
        refresh_token=REFRESH_TOKEN,
        client_id="client-id.apps.googleusercontent.com",
        client_secret=CLIENT_SECRET,
        token_uri="https://oauth2.googleapis.com/token",
        scopes=list(SCOPES),
        expiry=expiry,
    )


class FakeFlow:
    """Stands in for InstalledAppFlow(...).run_local_server(): the browser exchange."""

    def __init__(self, expired: bool = False) -> None:
        self.runs: list[tuple[Path, tuple[str, ...]]] = []
        self.expired = expired

    def __call__(self, client_secrets: Path, scopes: Any) -> Any:
        self.runs.append((client_secrets, tuple(scopes)))
        return user_credentials(expired=self.expired)


class FakeTokenEndpoint:
    """Stands in for google.auth's transport Request against oauth2.googleapis.com/token."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.calls = 0

    def __call__(
        self, url: str, method: str = "GET", body: Any = None, headers: Any = None, **kw: Any
    ) -> Any:
        self.calls += 1
        payload = (
            {"access_token": "ya29.REFRESHED", "expires_in": 3600, "scope": " ".join(SCOPES)}
            if self.status == 200
            else {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}
        )

        headers = {"content-type": "application/json"}
        return SimpleNamespace(status=self.status, headers=headers, data=json.dumps(payload).encode())


def oauth_settings(tmp_path: Path) -> Settings:
    (tmp_path / "client_secret.json").write_text("{}", encoding="utf-8")
    return settings_for(
        tmp_path,
        credentials="oauth",
        oauth_client_secrets="client_secret.json",
        oauth_token_cache=str(tmp_path / "cfg" / "handoff" / "google-token.json"),
    )


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_oauth_login_caches_the_token_with_0600(tmp_path: Path) -> None:
    settings = oauth_settings(tmp_path)
    flow = FakeFlow()
    auth = load_credentials(settings, run_flow=flow)
    cache = tmp_path / "cfg" / "handoff" / "google-token.json"
    assert flow.runs == [(tmp_path / "client_secret.json", SCOPES)]
    assert auth.mode == "oauth" and auth.credentials.token == ACCESS_TOKEN
    assert mode_of(cache) == 0o600
    assert mode_of(cache.parent) == 0o700
    assert json.loads(cache.read_text())["refresh_token"] == REFRESH_TOKEN
    assert_no_secret(repr(auth), auth.identity, secrets=(ACCESS_TOKEN, REFRESH_TOKEN, CLIENT_SECRET))

    again = load_credentials(settings, run_flow=flow)  # the cache answers: no second login
    assert len(flow.runs) == 1 and again.credentials.token == ACCESS_TOKEN


def test_an_expired_cached_token_is_refreshed_and_rewritten_0600(tmp_path: Path) -> None:
    settings = oauth_settings(tmp_path)
    load_credentials(settings, run_flow=FakeFlow(expired=True))
    cache = tmp_path / "cfg" / "handoff" / "google-token.json"
    cache.chmod(0o644)  # someone widened it
    flow, endpoint = FakeFlow(), FakeTokenEndpoint()
    auth = load_credentials(settings, run_flow=flow, refresh_request=endpoint)
    assert endpoint.calls == 1 and flow.runs == []
    assert auth.credentials.token == "ya29.REFRESHED"
    assert mode_of(cache) == 0o600
    assert json.loads(cache.read_text())["token"] == "ya29.REFRESHED"


def test_a_revoked_refresh_token_logs_in_again(tmp_path: Path) -> None:
    settings = oauth_settings(tmp_path)
    load_credentials(settings, run_flow=FakeFlow(expired=True))
    flow = FakeFlow()
    auth = load_credentials(settings, run_flow=flow, refresh_request=FakeTokenEndpoint(status=400))
    assert len(flow.runs) == 1 and auth.credentials.valid


def test_oauth_without_a_client_secrets_file(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, credentials="oauth", oauth_client_secrets="nope.json")
    with pytest.raises(ConfigError) as info:
        load_credentials(settings, run_flow=FakeFlow())
    assert "nope.json does not exist" in info.value.message and info.value.fix


def test_private_files_are_0600_even_over_a_wider_file(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    path.write_text("old")
    path.chmod(0o666)
    write_private_file(path, "new")
    assert path.read_text() == "new" and mode_of(path) == 0o600


# -- ADC ------------------------------------------------------------------------------------------


def test_no_application_default_credentials_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(tmp_path / "absent.json"))
    with pytest.raises(ConfigError) as info:
        load_credentials(settings_for(tmp_path, credentials="adc"))
    assert "no Google Application Default Credentials" in info.value.message
    assert info.value.fix and "gcloud auth application-default login" in info.value.fix


def test_adc_from_a_service_account_key(
    tmp_path: Path, private_key_pem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "GOOGLE_APPLICATION_CREDENTIALS", str(write_key_file(tmp_path / "sa.json", private_key_pem))
    )
    auth = load_credentials(settings_for(tmp_path, credentials="adc"))
    assert auth.mode == "adc"
    assert auth.identity.startswith("handoff@handoff-test.iam.gserviceaccount.com (Application Default")


# -- sandbox transport ----------------------------------------------------------------------------


def test_sandbox_urls_are_rewritten_and_anything_else_is_refused() -> None:
    base = "http://127.0.0.1:5555"
    assert rewrite_url("https://sheets.googleapis.com/v4/spreadsheets/x?a=1", base) == (
        "http://127.0.0.1:5555/v4/spreadsheets/x?a=1"
    )
    assert rewrite_url("https://www.googleapis.com/drive/v3/files", base) == base + "/drive/v3/files"
    assert rewrite_url(base + "/drive/v3/files", base) == base + "/drive/v3/files"
    with pytest.raises(SandboxEscapeError):
        rewrite_url("https://oauth2.googleapis.com/token", base)
    with pytest.raises(SandboxEscapeError):
        rewrite_url("https://sheets.googleapis.com.evil.example/v4", base)
