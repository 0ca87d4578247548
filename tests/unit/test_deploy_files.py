"""docs/deploy.md and deploy/ agree with the code: every setting the code reads is documented
and in env.example, and they name none it does not read; the systemd units run commands that
exist, with flags gunicorn accepts; haproxy checks a route that exists."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "deploy.md"
DEPLOY = ROOT / "deploy"
ENV_EXAMPLE = DEPLOY / "env.example"
APP_UNIT = DEPLOY / "peerdesk.service"
BACKUP_UNIT = DEPLOY / "peerdesk-backup.service"
BACKUP_TIMER = DEPLOY / "peerdesk-backup.timer"
HAPROXY = DEPLOY / "haproxy.cfg"
INSTALLED_AT = "/opt/peerdesk"  # where the units expect the code (docs/deploy.md)

# The ways the code reads a setting: os.environ.get("X"), os.environ["X"], a click option's
# envvar="X", and config.py's _flag("X") and _minutes("X", ...).
READ = re.compile(
    r'(?:environ(?:\.get)?\s*[(\[]\s*|envvar\s*=\s*|_flag\(\s*|_minutes\(\s*)"([A-Z][A-Z0-9_]*)"'
)
PEERDESK_NAME = re.compile(r"\bPEERDESK_[A-Z0-9_]*[A-Z0-9]\b")


def code_files() -> list[Path]:
    return [*sorted((ROOT / "app").rglob("*.py")), ROOT / "wsgi.py"]


def names_read() -> set[str]:
    return {name for file in code_files() for name in READ.findall(file.read_text())}


def haproxy_names() -> set[str]:
    """The addresses deploy/haproxy.cfg takes from haproxy's environment (not the app's)."""
    return set(re.findall(r"\$\{(PEERDESK_[A-Z0-9_]+)\}", HAPROXY.read_text()))


def unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """A systemd unit as {section: {key: [values]}}: keys may repeat; a line ending in \\
    goes on."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    text = re.sub(r"\\\n\s*", " ", path.read_text())
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def environment(service: dict[str, list[str]]) -> dict[str, str]:
    """The unit's own Environment= settings."""
    found = {}
    for line in service.get("Environment", []):
        for item in shlex.split(line):
            name, _, value = item.partition("=")
            found[name] = value
    return found


def command(line: str) -> list[str]:
    """An ExecStart line as argv: systemd's %% is a %."""
    return shlex.split(line.replace("%%", "%"))


def makefile_access_log_format() -> str:
    found = re.search(r"^ACCESS_LOG_FORMAT := (.+)$", (ROOT / "Makefile").read_text(), re.M)
    assert found, "the Makefile's ACCESS_LOG_FORMAT is gone"
    return found.group(1).strip()


# --- settings --------------------------------------------------------------------------------


def test_the_scan_finds_how_the_code_reads_settings():
    read = names_read()
    for name in (
        "DATABASE_URL",
        "SECRET_KEY",
        "PEERDESK_HTTPS",
        "PEERDESK_PROXY_HOPS",
        "PEERDESK_INSTANCE",
        "PEERDESK_BACKUP_KEY_FILE",
        "PEERDESK_ESTABLISHMENT_ID",
    ):
        assert name in read, name
    # A PEERDESK_ name the code mentions but the scan did not see read: a new way of reading.
    mentioned = {n for file in code_files() for n in PEERDESK_NAME.findall(file.read_text())}
    assert mentioned <= read, f"read in a way the scan misses: {sorted(mentioned - read)}"


def test_every_setting_the_code_reads_is_in_the_doc_table_and_env_example():
    doc, example = DOC.read_text(), ENV_EXAMPLE.read_text()
    not_in_table = [n for n in sorted(names_read()) if f"| `{n}` |" not in doc]
    not_in_example = [n for n in sorted(names_read()) if not re.search(rf"\b{n}\b", example)]
    assert not not_in_table, f"not in docs/deploy.md's settings table: {not_in_table}"
    assert not not_in_example, f"not in deploy/env.example: {not_in_example}"


def test_the_doc_and_env_example_name_no_setting_the_code_does_not_read():
    read = names_read()
    in_doc = set(PEERDESK_NAME.findall(DOC.read_text()))
    assert in_doc <= read | haproxy_names(), f"unknown: {sorted(in_doc - read - haproxy_names())}"
    in_example = set(PEERDESK_NAME.findall(ENV_EXAMPLE.read_text()))
    assert in_example <= read, f"unknown: {sorted(in_example - read)}"


def test_every_name_env_example_sets_is_read_by_the_app_or_the_unit():
    used_by_unit = set(re.findall(r"\$\{([A-Z_]+)\}", APP_UNIT.read_text()))
    assigned = re.findall(r"^#?([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text(), re.M)
    assert assigned
    unknown = sorted(set(assigned) - names_read() - used_by_unit)
    assert not unknown, f"deploy/env.example sets what nothing reads: {unknown}"


def test_every_setting_in_env_example_has_a_comment_above_it():
    lines = ENV_EXAMPLE.read_text().splitlines()
    for number, line in enumerate(lines):
        if re.match(r"^#?[A-Z][A-Z0-9_]*=", line):
            assert number and lines[number - 1].startswith("#"), f"no comment above: {line}"


def test_flask_commands_the_doc_names_exist(app):
    doc = DOC.read_text()
    named = set(re.findall(r"(?:^|\n|`)peerdesk ([a-z][a-z-]+)", doc))
    named |= set(re.findall(r"flask --app wsgi ([a-z][a-z-]+)", doc))
    named |= set(re.findall(r"`flask ([a-z][a-z-]+)", doc))
    assert {"db", "backup", "restore", "first-run"} <= named
    assert not named - set(app.cli.commands), f"no such command: {named - set(app.cli.commands)}"


def test_the_readme_links_the_doc():
    assert "(docs/deploy.md)" in (ROOT / "README.md").read_text()


# --- the systemd units -----------------------------------------------------------------------


def test_the_app_unit_runs_gunicorn_on_wsgi_app_as_a_plain_user():
    service = unit(APP_UNIT)["Service"]
    [start] = service["ExecStart"]
    argv = command(start)
    assert argv[0] == f"{INSTALLED_AT}/.venv/bin/gunicorn"
    assert (Path(sys.prefix) / "bin" / "gunicorn").exists(), "gunicorn is not installed"
    assert argv[-1] == "wsgi:app"
    assert "app = create_app()" in (ROOT / "wsgi.py").read_text()
    assert service["WorkingDirectory"] == [INSTALLED_AT]
    assert service["User"] not in (["root"], [], None)
    assert service["EnvironmentFile"] == ["/etc/peerdesk/env"]


def test_the_app_unit_logs_like_make_run():
    argv = command(unit(APP_UNIT)["Service"]["ExecStart"][0])
    assert argv[argv.index("--access-logformat") + 1] == makefile_access_log_format()
    assert argv[argv.index("--access-logfile") + 1] == "-"


def test_the_app_unit_is_hardened_and_writes_only_the_instance_folder():
    service = unit(APP_UNIT)["Service"]
    assert service["NoNewPrivileges"] == ["yes"]
    assert service["ProtectSystem"] == ["strict"]
    instance = environment(service)["PEERDESK_INSTANCE"]
    assert service["ReadWritePaths"] == [instance]
    assert service["StateDirectory"] == [Path(instance).name]  # systemd makes it for the user
    assert instance.startswith("/var/lib/")


def test_every_variable_in_execstart_has_a_default_in_the_unit():
    service = unit(APP_UNIT)["Service"]
    used = set(re.findall(r"\$\{([A-Z_]+)\}", service["ExecStart"][0]))
    assert used <= set(environment(service)), used - set(environment(service))


def test_gunicorn_accepts_the_app_units_command(tmp_path):
    """gunicorn --check-config: the flags exist in the installed gunicorn and wsgi:app loads."""
    service = unit(APP_UNIT)["Service"]
    line = service["ExecStart"][0]
    for name, value in environment(service).items():
        line = line.replace(f"${{{name}}}", value)
    argv = command(line)
    argv[0] = str(Path(sys.prefix) / "bin" / "gunicorn")
    env = {
        **os.environ,
        "PEERDESK_INSTANCE": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.db'}",
        "SECRET_KEY": "a key for the check",
    }
    result = subprocess.run(
        [*argv[:-1], "--check-config", argv[-1]],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_backup_unit_runs_flask_commands_that_exist(app):
    service = unit(BACKUP_UNIT)["Service"]
    assert service["Type"] == ["oneshot"]
    names = []
    for line in service["ExecStart"]:
        argv = command(line)
        assert argv[:3] == [f"{INSTALLED_AT}/.venv/bin/flask", "--app", "wsgi"], line
        name, *args = argv[3:]
        assert name in app.cli.commands, f"no flask command {name!r}"
        app.cli.commands[name].make_context(name, list(args))  # its options parse
        names.append(name)
    assert "backup" in names
    assert (Path(sys.prefix) / "bin" / "flask").exists()


def test_the_backup_runs_as_the_app_on_the_same_data():
    app_service, backup = unit(APP_UNIT)["Service"], unit(BACKUP_UNIT)["Service"]
    for key in (
        "User",
        "WorkingDirectory",
        "EnvironmentFile",
        "ReadWritePaths",
        "ProtectSystem",
        "NoNewPrivileges",
    ):
        assert backup[key] == app_service[key], key
    assert environment(backup)["PEERDESK_INSTANCE"] == environment(app_service)["PEERDESK_INSTANCE"]


def test_the_timer_starts_the_backup_every_night():
    timer = unit(BACKUP_TIMER)["Timer"]
    assert BACKUP_TIMER.with_suffix(".service").exists()  # a timer starts its namesake
    assert "Unit" not in timer
    assert re.fullmatch(r"\*-\*-\* \d\d:\d\d(:\d\d)?|daily", timer["OnCalendar"][0])
    assert timer["Persistent"] == ["true"]
    assert unit(BACKUP_TIMER)["Install"]["WantedBy"] == ["timers.target"]


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not here")
def test_systemd_finds_nothing_wrong_in_the_units(tmp_path):
    """The units as installed, with /opt/peerdesk standing for this checkout."""
    files = []
    for source in (APP_UNIT, BACKUP_UNIT, BACKUP_TIMER):
        text = source.read_text().replace(f"{INSTALLED_AT}/.venv", sys.prefix)
        target = tmp_path / source.name
        target.write_text(text.replace(INSTALLED_AT, str(ROOT)))
        files.append(str(target))
    result = subprocess.run(
        ["systemd-analyze", "verify", *files],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    ours = [line for line in result.stderr.splitlines() if "peerdesk" in line]
    assert not ours, "\n".join(ours)
    assert result.returncode == 0, result.stderr[-2000:]


# --- haproxy ---------------------------------------------------------------------------------


def test_haproxy_checks_a_public_route_that_answers(app):
    found = re.search(r"option httpchk GET (\S+)", HAPROXY.read_text())
    assert found, "deploy/haproxy.cfg has no health check"
    path = found.group(1)
    endpoint, _ = app.url_map.bind("localhost").match(path, method="GET")
    assert app.view_functions[endpoint].required_permission is None  # no sign-in needed
    assert f"`{path}`" in DOC.read_text()
    assert app.test_client().get(path).status_code == 200


def test_haproxys_addresses_are_documented():
    doc = DOC.read_text()
    assert haproxy_names()
    assert all(name in doc for name in haproxy_names())


@pytest.mark.skipif(not shutil.which("haproxy", path="/usr/sbin:/usr/bin"), reason="no haproxy")
def test_haproxy_accepts_its_file():
    env = {**os.environ, **{name: "127.0.0.1:1" for name in haproxy_names()}}
    result = subprocess.run(
        [shutil.which("haproxy", path="/usr/sbin:/usr/bin"), "-c", "-f", str(HAPROXY)],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
