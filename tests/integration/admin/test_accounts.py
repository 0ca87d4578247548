"""Managers look after accounts in the app; nobody else can reach these pages."""

import pytest
from sqlalchemy import select

from app.models import AuditEvent, User, UserSession
from tests.factories import make_user
from tests.pagecheck import text_of
from tests.versions import version_at

MANAGER_PAGES = ["/admin/users", "/admin/users/new", "/admin/audit-log"]


@pytest.mark.parametrize("role", ["frontdesk", "trainee", "worker", "senior"])
@pytest.mark.parametrize("url", MANAGER_PAGES)
def test_manager_pages_are_not_found_for_everyone_else(client, sign_in_as, role, url):
    sign_in_as(role)
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_manager_adds_a_person_who_gets_a_one_time_password(client, sign_in_as, fetch):
    sign_in_as("manager")
    response = client.post(
        "/admin/users/new",
        data={"display_name": "Sam Kerr", "username": "sam.k", "role": "frontdesk"},
    )
    assert response.status_code == 200
    assert "Give this to Sam Kerr in person" in text_of(response.text)
    sam = fetch(select(User).where(User.username == "sam.k"))[0]
    assert sam.must_change_password and sam.role == "frontdesk"
    assert fetch(select(AuditEvent).where(AuditEvent.action == "account.created"))


def test_adding_a_person_with_a_taken_username_says_so(client, sign_in_as, db_session):
    make_user(db_session, "worker", username="alex")
    sign_in_as("manager")
    response = client.post(
        "/admin/users/new", data={"display_name": "Alex Two", "username": "ALEX", "role": "worker"}
    )
    assert "That username is taken" in response.text
    assert "<title>Error: " in response.text


def test_manager_changes_a_role(client, sign_in_as, db_session, fetch):
    person = make_user(db_session, "trainee")
    sign_in_as("manager")
    url = f"/admin/users/{person.id}"
    client.post(
        url,
        data={"display_name": "New Name", "role": "frontdesk", "version": version_at(client, url)},
    )
    saved = fetch(select(User).where(User.id == person.id))[0]
    assert (saved.role, saved.display_name) == ("frontdesk", "New Name")


def test_the_last_manager_cannot_be_turned_off_or_demoted(client, sign_in_as, fetch):
    me = sign_in_as("manager")
    client.post(f"/admin/users/{me.id}/disable")
    url = f"/admin/users/{me.id}"
    response = client.post(
        url,
        data={
            "display_name": me.display_name,
            "role": "worker",
            "version": version_at(client, url),
        },
    )
    assert "This is the last manager" in response.get_data(as_text=True)
    saved = fetch(select(User).where(User.id == me.id))[0]
    assert saved.active and saved.role == "manager"


def test_a_second_manager_can_be_turned_off(client, sign_in_as, db_session, fetch):
    other = make_user(db_session, "manager")
    sign_in_as("manager")
    client.post(f"/admin/users/{other.id}/disable")
    assert not fetch(select(User).where(User.id == other.id))[0].active


def test_reset_password_and_phone_code(client, sign_in_as, db_session, fetch):
    person = make_user(db_session, "worker")
    sign_in_as("manager")
    response = client.post(f"/admin/users/{person.id}/reset-password")
    assert "Password to use once" in response.text
    client.post(f"/admin/users/{person.id}/reset_two_step")
    saved = fetch(select(User).where(User.id == person.id))[0]
    assert saved.must_change_password and saved.totp_secret is None


def test_a_missing_person_is_a_404(client, sign_in_as):
    sign_in_as("manager")
    assert client.get("/admin/users/99999").status_code == 404


def test_admin_post_without_csrf_token_is_refused(client, sign_in_as, db_session, fetch):
    person = make_user(db_session, "worker")
    sign_in_as("manager")
    response = client.post(f"/admin/users/{person.id}/disable", csrf=False)
    assert response.status_code == 400
    assert "That form was open too long" in response.text
    assert fetch(select(User).where(User.id == person.id))[0].active


def test_audit_log_newest_first_filtered_and_paged(client, sign_in_as, db_session):
    me = sign_in_as("manager")
    someone = make_user(db_session, "frontdesk")
    for number in range(30):
        db_session.add(
            AuditEvent(action=f"test.thing{number:02d}", detail={}, created_by_id=someone.id)
        )
    db_session.add(AuditEvent(action="sign_in", detail={}, created_by_id=me.id))
    db_session.commit()

    first = text_of(client.get("/admin/audit-log").text)
    assert "Page 1 of 2" in first
    mine = text_of(client.get(f"/admin/audit-log?staff={me.id}").text)
    assert "signed in" in mine and "thing" not in mine
    signing_in = text_of(client.get("/admin/audit-log?kind=Sign-in").text)
    assert "signed in" in signing_in and "test: thing29" not in signing_in
    # More in tests/integration/admin/test_audit_log.py (issue 13: names, not codes).


def test_the_audit_log_cannot_be_changed_on_postgresql(app, db_session):
    if db_session.bind.dialect.name != "postgresql":
        pytest.skip("the database trigger is PostgreSQL's")
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    db_session.add(AuditEvent(action="sign_in", detail={}))
    db_session.commit()
    for statement in ("UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event"):
        with pytest.raises(DBAPIError, match="append-only"):
            db_session.execute(text(statement))
        db_session.rollback()


def test_sessions_of_a_disabled_person_end(client, sign_in_as, db_session, fetch):
    person = make_user(db_session, "trainee")
    db_session.add(
        UserSession(token_hash="x" * 64, user_id=person.id, last_seen_at=person.created_at)
    )
    db_session.commit()
    sign_in_as("manager")
    client.post(f"/admin/users/{person.id}/disable")
    rows = fetch(select(UserSession).where(UserSession.user_id == person.id))
    assert all(row.ended_at is not None for row in rows)
