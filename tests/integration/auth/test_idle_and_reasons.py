"""Issue 12: an idle sign-out that respects work. The page's activity ping keeps a working
person signed in; a person signed out is told why on the sign-in page; a role change or a
stopped account ends the person's sessions with that reason; the page's copy of what was
typed goes only to the same person."""

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from app.models import AuditEvent, UserSession
from tests.conftest import start_session_for
from tests.factories import PASSWORD, make_user
from tests.pagecheck import text_of
from tests.versions import version_at


def sign_in_page(client):
    response = client.get("/", follow_redirects=True)
    assert response.request.path == "/sign-in"
    return text_of(response.text)


def manager_client(app, db_session):
    other = app.test_client()
    start_session_for(other, db_session, make_user(db_session, "manager"))
    return other


def test_the_activity_ping_resets_the_servers_idle_clock(client, sign_in_as, frozen_clock):
    sign_in_as("worker")  # 15 minutes of idle time
    frozen_clock.advance(minutes=14)
    response = client.post("/account/still-here")
    assert response.status_code == 204
    assert response.headers["X-Session-Seconds-Left"] == str(15 * 60)
    frozen_clock.advance(minutes=14)
    assert client.get("/").status_code == 200


def test_a_ping_a_minute_keeps_a_working_person_signed_in(client, sign_in_as, frozen_clock):
    sign_in_as("worker")
    for _ in range(40):  # forty minutes of typing, well past the 15 minutes of idle time
        frozen_clock.advance(minutes=1)
        assert client.post("/account/still-here").status_code == 204
    assert client.get("/").status_code == 200


def test_every_signed_in_answer_tells_the_page_how_long_is_left(client, sign_in_as, frozen_clock):
    sign_in_as("worker")
    frozen_clock.advance(minutes=5)
    response = client.get("/")
    assert response.headers["X-Session-Seconds-Left"] == str(15 * 60)
    assert 'data-limit-seconds-left="35700"' in response.text  # 10 hours less 5 minutes


def test_signed_out_for_doing_nothing_says_so_on_the_sign_in_page(client, sign_in_as, frozen_clock):
    sign_in_as("worker")
    frozen_clock.advance(minutes=16)
    words = sign_in_page(client)
    assert (
        "You were signed out because nothing happened for 15 minutes. Sign in again to go on."
        in words
    )
    # Said once: the next visit to the sign-in page is plain.
    assert "You were signed out" not in text_of(client.get("/sign-in").text)


def test_signed_out_at_the_time_limit_says_so(client, sign_in_as, db_session, frozen_clock):
    user = sign_in_as("frontdesk")
    db_session.execute(
        update(UserSession)
        .where(UserSession.user_id == user.id)
        .values(created_at=frozen_clock.moment - timedelta(hours=10, minutes=1))
    )
    db_session.commit()
    assert (
        "You were signed out because you were signed in for 10 hours, the longest time allowed."
        in sign_in_page(client)
    )


def test_a_role_change_ends_the_persons_sessions_and_tells_them_why(
    client, sign_in_as, app, db_session, fetch
):
    worker = sign_in_as("senior")
    manager = manager_client(app, db_session)
    url = f"/admin/users/{worker.id}"
    response = manager.post(
        url,
        data={
            "display_name": worker.display_name,
            "role": "worker",
            "version": version_at(manager, url),
        },
    )
    assert response.status_code == 303
    [row] = fetch(select(UserSession).where(UserSession.user_id == worker.id))
    assert row.ended_reason == "role changed"
    assert (
        "You were signed out because your role was changed by a manager. Sign in again to go on."
        in sign_in_page(client)
    )
    reasons = fetch(select(AuditEvent.detail).where(AuditEvent.action == "sign_out"))
    assert {"reason": "role changed"} in reasons


def test_saving_a_name_without_a_new_role_keeps_the_person_signed_in(
    client, sign_in_as, app, db_session
):
    worker = sign_in_as("worker")
    manager = manager_client(app, db_session)
    url = f"/admin/users/{worker.id}"
    manager.post(
        url,
        data={"display_name": "New Name", "role": "worker", "version": version_at(manager, url)},
    )
    assert client.get("/").status_code == 200


def test_a_stopped_account_is_told_on_the_sign_in_page(client, sign_in_as, app, db_session, fetch):
    trainee = sign_in_as("trainee")
    manager_client(app, db_session).post(f"/admin/users/{trainee.id}/disable")
    [row] = fetch(select(UserSession).where(UserSession.user_id == trainee.id))
    assert row.ended_reason == "account stopped"
    words = sign_in_page(client)
    assert "You were signed out because a manager turned off your account." in words
    assert "Ask a manager if you need it back." in words


def test_the_page_ends_its_own_session_when_time_runs_out_and_keeps_the_tab_storage(
    client, sign_in_as, frozen_clock, fetch
):
    worker = sign_in_as("worker")
    frozen_clock.advance(minutes=14, seconds=56)
    response = client.post("/account/timed-out")
    assert response.status_code == 204
    # Unlike "Sign out", the tab's copy of what was typed must survive for the same person.
    assert "Clear-Site-Data" not in response.headers
    [row] = fetch(select(UserSession).where(UserSession.user_id == worker.id))
    assert row.ended_reason == "idle"
    words = text_of(client.get("/sign-in?next=/words").text)
    assert "You were signed out because nothing happened for 15 minutes." in words


def test_after_signing_in_again_the_person_lands_where_they_were(client, db_session):
    user = make_user(db_session, "trainee")
    start_session_for(client, db_session, user)
    client.post("/account/timed-out")
    response = client.post(
        "/sign-in?next=/words", data={"username": user.username, "password": PASSWORD}
    )
    assert response.headers["Location"] == "/words"
    page = client.get("/words")
    assert f'data-user="{user.id}"' in page.text
    assert "nothing happened for 1 hour. What you typed is back in the form" in page.text


def test_someone_else_signing_in_at_the_same_screen_is_a_different_person_to_the_page(
    client, db_session, frozen_clock
):
    first = make_user(db_session, "trainee")
    start_session_for(client, db_session, first)
    frozen_clock.advance(minutes=61)
    assert "nothing happened for 1 hour" in sign_in_page(client)
    second = make_user(db_session, "frontdesk")
    response = client.post(
        "/sign-in?next=/words", data={"username": second.username, "password": PASSWORD}
    )
    page = client.get(response.headers["Location"])
    # The page knows whose words it may bring back (app.js drops a copy kept for anyone else).
    assert f'data-user="{second.id}"' in page.text
    assert f'data-user="{first.id}"' not in page.text
    assert "You were signed out" not in text_of(page.text)


def test_a_signed_in_person_sent_to_sign_in_goes_on_to_their_page(client, sign_in_as):
    sign_in_as("trainee")
    assert client.get("/sign-in?next=/words").headers["Location"] == "/words"
    assert client.get("/sign-in?next=//evil.example").headers["Location"] == "/"


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        ("password changed", "your password was changed"),
        ("two-step reset", "a manager asked you to set up the phone code again"),
    ],
)
def test_other_account_changes_are_told_too(client, sign_in_as, db_session, reason, words):
    user = sign_in_as("worker")
    db_session.execute(
        update(UserSession)
        .where(UserSession.user_id == user.id)
        .values(ended_at=UserSession.created_at, ended_reason=reason)
    )
    db_session.commit()
    assert f"You were signed out because {words}." in sign_in_page(client)


def test_the_page_timing_out_at_the_time_limit_gives_that_reason(
    client, sign_in_as, db_session, frozen_clock, fetch
):
    user = sign_in_as("worker")
    db_session.execute(
        update(UserSession)
        .where(UserSession.user_id == user.id)
        .values(created_at=frozen_clock.moment - timedelta(hours=10) + timedelta(seconds=4))
    )
    db_session.commit()
    assert client.post("/account/timed-out").status_code == 204
    [row] = fetch(select(UserSession).where(UserSession.user_id == user.id))
    assert row.ended_reason == "time limit"
    assert "signed in for 10 hours, the longest time allowed" in sign_in_page(client)


def test_the_audit_log_says_why_someone_was_signed_out():
    from app.audit_words import describe

    assert describe("sign_out", {"reason": "role changed"}) == (
        "signed out: their role was changed"
    )
    assert describe("sign_out", {"reason": "idle"}) == "signed out: nothing happened for a while"
    assert describe("sign_out", {"reason": "something new"}) == "signed out"


def test_the_day_screens_own_refresh_does_not_keep_an_unattended_desk_signed_in(
    client, sign_in_as, frozen_clock
):
    """The totals refresh every 5 seconds is the page, not a person: after the idle time with
    only refreshes, the desk is signed out."""
    sign_in_as("frontdesk")
    assert client.get("/frontdesk").status_code == 200
    headers = {"HX-Request": "true", "X-Peerdesk-Refresh": "1"}
    for _ in range(100):  # refreshes over 50 of the desk's 60 idle minutes, nobody touching
        frozen_clock.advance(seconds=30)
        assert client.get("/frontdesk/totals", headers=headers).status_code == 200
    frozen_clock.advance(minutes=11)
    assert client.get("/frontdesk/totals", headers=headers).status_code != 200
    assert "You were signed out because nothing happened" in sign_in_page(client)
