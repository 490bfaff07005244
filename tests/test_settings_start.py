"""Every setting is checked at start (issue 11, observed case 12): a bad one is one line naming the
variable or key and its value (masked when it may hold a secret), exit 2, no traceback, nothing
read or written. And the sandbox's control endpoint refuses a bad fault rule with a 400.
"""

from __future__ import annotations

import json
import webbrowser
from pathlib import Path

import httpx
import pytest

from handoff.core.errors import EXIT_OK, EXIT_USAGE
from handoff.core.settings import PROJECT_ROOT
from handoff.sandbox.server import RunningSandbox
from workspace import Workspace, run_cli


def assert_one_line_naming(err: str, *words: str) -> None:
    assert "Traceback" not in err
    first = err.strip().splitlines()[0]
    assert first.startswith("error: ")
    for word in words:
        assert word in first, (word, first)


BAD_FAULTS = [
    ("[{", "HANDOFF_SANDBOX_FAULTS", "not valid JSON"),
    ('[{"kind": "explode"}]', "HANDOFF_SANDBOX_FAULTS", "'explode' is not one of"),
    ('[{"api": "vitally"}]', "HANDOFF_SANDBOX_FAULTS", "'kind' is missing"),
    ('[{"kind": "5xx", "count": "x"}]', "HANDOFF_SANDBOX_FAULTS", "count must be a whole number"),
    ('[{"kind": "5xx", "path": "("}]', "HANDOFF_SANDBOX_FAULTS", "not a regular expression"),
    ("no/such/faults.json", "HANDOFF_SANDBOX_FAULTS", "no readable JSON file 'no/such/faults.json'"),
]


@pytest.mark.parametrize(("value", "variable", "why"), BAD_FAULTS)
def test_bad_sandbox_faults_are_one_line_naming_the_variable(
    tmp_path: Path, value: str, variable: str, why: str
) -> None:
    env = {variable: value, "HANDOFF_SANDBOX_DIR": str(tmp_path / "state")}
    code, out, err = run_cli("check", "acme", env=env)
    assert code == EXIT_USAGE and out == ""
    assert_one_line_naming(err, variable, why)
    assert not (tmp_path / "state").exists()  # stopped before the sandbox started


@pytest.mark.parametrize(
    ("variable", "value", "shown", "why"),
    [
        ("HANDOFF_SANDBOX_URL", "localhost-8765", "'localhost-8765'", "must be the URL of a running sandbox"),
        ("HANDOFF_SANDBOX_URL", "http://me:s3cret@127.0.0.1:9", "http://***@", "must be the URL"),
        ("HANDOFF_TODAY", "2026-13-01", "'2026-13-01'", "is not a date"),
        ("HANDOFF_TODAY", "27/11/2026", "'27/11/2026'", "is not a date"),
        ("HANDOFF_CONCURRENCY", "abc", "'abc'", "valid integer"),
        ("HANDOFF_CONCURRENCY", "0", "'0'", "greater than or equal to 1"),
        ("HANDOFF_SANDBOX_QUOTAS", "lots", "'lots'", "quota scale must be a number"),
        ("HANDOFF_SANDBOX_VITALLY_EXTERNAL_IDS", "maybe", "'maybe'", "not one of upsert"),
    ],
)
def test_a_bad_environment_setting_is_blamed_on_the_variable(
    variable: str, value: str, shown: str, why: str
) -> None:
    code, out, err = run_cli("check", "acme", env={variable: value})
    assert code == EXIT_USAGE and out == ""
    assert_one_line_naming(err, variable, shown, why)
    assert "s3cret" not in err
    assert "config/handoff.toml: setting" not in err  # the variable is at fault, not the file


def test_a_bad_key_in_the_file_is_blamed_on_the_file(tmp_path: Path) -> None:
    config = tmp_path / "handoff.toml"
    text = (PROJECT_ROOT / "config" / "handoff.toml").read_text(encoding="utf-8")
    config.write_text(text + '\n[run]\nconcurrency = "abc"\n', encoding="utf-8")
    code, _, err = run_cli("--config", str(config), "check", "acme")
    assert code == EXIT_USAGE
    assert_one_line_naming(err, str(config), "run.concurrency")


def test_oauth_without_a_browser_is_a_clear_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("BROWSER", raising=False)
    try:
        webbrowser.get()
        pytest.skip("this machine has a web browser")
    except webbrowser.Error:
        pass
    secrets = tmp_path / "client_secret.json"
    secrets.write_text(
        json.dumps(
            {
                "installed": {
                    "client_id": "1234-test.apps.googleusercontent.com",
                    "client_secret": "GOCSPX-not-a-real-secret",
                    "auth_uri": "https://accounts.google.com/o/oauth2/auth",
                    "token_uri": "https://oauth2.googleapis.com/token",
                    "redirect_uris": ["http://localhost"],
                }
            }
        ),
        encoding="utf-8",
    )
    config = tmp_path / "production.toml"
    config.write_text(
        f"""[sheet]
spreadsheet = "1HndffSandboxTrackingSheet0000000000000000"
[vitally]
subdomain = "example"
[google]
credentials = "oauth"
oauth_client_secrets = "{secrets}"
oauth_token_cache = "{tmp_path / "token.json"}"
[sandbox]
enabled = false
""",
        encoding="utf-8",
    )
    code, out, err = run_cli("--config", str(config), "check", "acme")
    assert code == EXIT_USAGE
    assert_one_line_naming(err, "google.credentials = 'oauth'", "web browser")
    assert "fix:" in err and "GOCSPX" not in err + out
    assert not (tmp_path / "token.json").exists()


# -- the control endpoint --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "why"),
    [
        ({"kind": "5xx", "count": "x"}, "count must be a whole number"),
        ({"kind": "latency", "latency_ms": -5}, "latency_ms must be a whole number"),
        ({"kind": "5xx", "status": "503"}, "status must be a whole number from 100 to 599"),
        ({"kind": "429", "retry_after": "soon"}, "retry_after must be a number"),
        ({"kind": "5xx", "api": "gmail"}, "api 'gmail' is not one of"),
        ({"kind": "5xx", "path": "("}, "not a regular expression"),
        ({"kind": "5xx", "route": 7}, "route must be a string"),
    ],
)
def test_the_control_endpoint_refuses_a_bad_rule_and_keeps_serving(
    sandbox: RunningSandbox, rule: dict[str, object], why: str
) -> None:
    response = httpx.post(f"{sandbox.url}/_sandbox/faults", json=[rule], timeout=10)
    assert response.status_code == 400
    assert why in response.text
    assert httpx.get(f"{sandbox.url}/_sandbox/faults", timeout=10).json() == []  # nothing was added
    assert httpx.get(f"{sandbox.url}/_sandbox/health", timeout=10).status_code == 200


def test_a_good_rule_is_still_accepted(ws: Workspace) -> None:
    rule = {"api": "vitally", "kind": "latency", "latency_ms": 1, "count": 2}
    assert ws.http.post("/_sandbox/faults", json=[rule]).status_code == 200
    assert ws.cli("check", "acme")[0] == EXIT_OK
