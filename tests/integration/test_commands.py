"""The commands a newcomer and an administrator type: first-run, user-*, demo-data."""

import pyotp
from sqlalchemy import select

from app.models import User
from tests.factories import make_user


def run(app, *args, **env):
    return app.test_cli_runner().invoke(args=list(args), env=env or None, catch_exceptions=False)


def test_first_run_makes_one_manager_with_a_one_time_password(app, fetch):
    result = run(app, "first-run")
    assert "one-time password:" in result.output
    admin = fetch(select(User))[0]
    assert admin.role == "manager" and admin.must_change_password
    assert "nothing to do" in run(app, "first-run").output
    assert len(fetch(select(User))) == 1


def test_user_create_from_the_environment_with_a_phone_secret(app, fetch):
    secret = pyotp.random_base32()
    result = run(
        app,
        "user-create",
        "rosa",
        "--role",
        "senior",
        "--totp-secret",
        secret,
        PEERDESK_PASSWORD="scripted set up password",
    )
    assert result.exit_code == 0, result.output
    rosa = fetch(select(User).where(User.username == "rosa"))[0]
    assert rosa.role == "senior" and rosa.two_step_ready and not rosa.must_change_password


def test_user_create_refuses_a_weak_password_and_a_bad_role(app, fetch):
    result = app.test_cli_runner().invoke(
        args=["user-create", "kim", "--role", "frontdesk"], env={"PEERDESK_PASSWORD": "short"}
    )
    assert result.exit_code != 0 and "at least 12" in result.output
    result = app.test_cli_runner().invoke(args=["user-create", "kim", "--role", "boss"])
    assert result.exit_code != 0
    assert not fetch(select(User))


def test_user_disable_and_reset_password(app, db_session, fetch):
    person = make_user(db_session, "worker")
    make_user(db_session, "manager")
    assert "can no longer sign in" in run(app, "user-disable", person.username).output
    assert "One-time password" in run(app, "user-reset-password", person.username).output
    saved = fetch(select(User).where(User.id == person.id))[0]
    assert not saved.active and saved.must_change_password


def test_the_last_manager_cannot_be_disabled_from_the_command_line(app, db_session, fetch):
    manager = make_user(db_session, "manager")
    result = app.test_cli_runner().invoke(args=["user-disable", manager.username])
    assert result.exit_code != 0
    assert fetch(select(User).where(User.id == manager.id))[0].active


def test_demo_data_fills_an_empty_database_and_refuses_real_data(app, db_session, fetch):
    run(app, "first-run")
    result = run(app, "demo-data")
    assert "demo-worker-2026" in result.output
    roles = {u.role for u in fetch(select(User))}
    assert roles == {"frontdesk", "trainee", "student", "worker", "senior", "manager"}
    again = app.test_cli_runner().invoke(args=["demo-data"])
    assert again.exit_code != 0 and "real data" in again.output
    assert "no demo data added" in run(app, "demo-data", "--if-empty").output


def test_demo_code_only_for_demo_accounts(app, db_session):
    run(app, "demo-data")
    code = run(app, "demo-code", "worker").output.strip()
    assert code.isdigit() and len(code) == 6
    make_user(db_session, "worker", username="real.worker")
    result = app.test_cli_runner().invoke(args=["demo-code", "real.worker"])
    assert result.exit_code != 0
