"""Signing in and out: lockout, rate limit, new sessions, revoked cookies, timeouts, two-step."""

import pyotp
import pytest
from sqlalchemy import select

from app.models import AuditEvent, User, UserSession
from tests.factories import PASSWORD, TOTP_SECRET, make_user
from tests.pagecheck import text_of


def post_sign_in(client, username, password=PASSWORD, **kwargs):
    return client.post("/sign-in", data={"username": username, "password": password}, **kwargs)


def session_cookie(client):
    cookie = client.get_cookie("peerdesk")
    return cookie.value if cookie else None


def test_sign_in_page_has_username_password_and_button(client):
    page = client.get("/sign-in").get_data(as_text=True)
    assert '<label class="label" for="username">Username</label>' in page
    assert '<label class="label" for="password">Password</label>' in page
    assert ">Sign in</button>" in page


def test_front_desk_volunteer_signs_in_without_a_phone_code(client, db_session, fetch):
    user = make_user(db_session, "frontdesk")
    response = post_sign_in(client, user.username)
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    assert "Hello" in client.get("/").get_data(as_text=True)
    assert len(fetch(select(UserSession).where(UserSession.user_id == user.id))) == 1
    assert fetch(select(AuditEvent.action).where(AuditEvent.action == "sign_in"))


def test_wrong_password_and_unknown_name_get_the_same_plain_message(client, db_session):
    user = make_user(db_session, "frontdesk")
    wrong_password = text_of(post_sign_in(client, user.username, "not the password").get_data(True))
    unknown_name = text_of(post_sign_in(client, "nobody-here", PASSWORD).get_data(True))
    message = "The username or password is not right"
    assert message in wrong_password and message in unknown_name
    assert "username is not" not in unknown_name.lower()


def test_five_failures_lock_the_account_for_fifteen_minutes(
    client, db_session, fetch, frozen_clock
):
    user = make_user(db_session, "frontdesk")
    for _ in range(5):
        post_sign_in(client, user.username, "wrong password!!")
    locked = fetch(select(User).where(User.id == user.id))[0]
    assert locked.locked_until is not None

    assert post_sign_in(client, user.username).status_code == 200  # right password, still no
    frozen_clock.advance(minutes=16)
    assert post_sign_in(client, user.username).status_code == 303


def test_manager_can_unlock_a_locked_account(client, db_session, sign_in_as, frozen_clock):
    user = make_user(db_session, "frontdesk")
    for _ in range(5):
        post_sign_in(client, user.username, "wrong password!!")
    sign_in_as("manager")
    assert "Locked after too many wrong tries" in client.get(f"/admin/users/{user.id}").text
    client.post(f"/admin/users/{user.id}/unlock")
    client.post("/sign-out")
    assert post_sign_in(client, user.username).status_code == 303


def test_sign_in_is_rate_limited_per_address(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "SIGN_IN_RATE_LIMIT", "3 per minute")
    for _ in range(3):
        post_sign_in(client, "somebody", "some password 1")
    response = post_sign_in(client, "somebody", "some password 1")
    assert response.status_code == 429
    assert "Too many tries" in text_of(response.get_data(as_text=True))


def test_a_new_session_at_sign_in(client, db_session):
    user = make_user(db_session, "trainee")
    client.get("/sign-in")
    with client.session_transaction() as before:
        before["left_over"] = "from before sign-in"
    post_sign_in(client, user.username)
    with client.session_transaction() as after:
        assert "left_over" not in after
        first_token = after["sid"]
    client.post("/sign-out")
    post_sign_in(client, user.username)
    with client.session_transaction() as again:
        assert again["sid"] != first_token


def test_an_old_cookie_is_refused_after_sign_out(client, db_session):
    user = make_user(db_session, "trainee")
    post_sign_in(client, user.username)
    old_cookie = session_cookie(client)
    response = client.post("/sign-out")
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    client.set_cookie("peerdesk", old_cookie)
    response = client.get("/")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_switch_user_signs_out_and_goes_to_sign_in(client, sign_in_as):
    sign_in_as("frontdesk")
    response = client.post("/switch-user", follow_redirects=True)
    assert response.request.path == "/sign-in"
    assert "The next person can sign in now" in response.text
    assert client.get("/").status_code == 302


@pytest.mark.parametrize(("role", "idle_minutes"), [("worker", 15), ("frontdesk", 60)])
def test_idle_timeout_signs_out_on_the_server(client, sign_in_as, frozen_clock, role, idle_minutes):
    sign_in_as(role)
    frozen_clock.advance(minutes=idle_minutes - 1)
    assert client.get("/").status_code == 200
    frozen_clock.advance(minutes=idle_minutes + 1)
    assert client.get("/").status_code == 302


def test_absolute_limit_of_ten_hours_even_when_busy(client, sign_in_as, frozen_clock):
    sign_in_as("frontdesk")
    for _ in range(59):  # a request every 10 minutes for 9 hours 50 minutes
        frozen_clock.advance(minutes=10)
        assert client.get("/").status_code == 200
    frozen_clock.advance(minutes=11)
    assert client.get("/").status_code == 302


def test_im_still_here_keeps_the_session_alive(client, sign_in_as, frozen_clock):
    sign_in_as("worker")
    frozen_clock.advance(minutes=14)
    assert client.post("/account/still-here").status_code == 204
    frozen_clock.advance(minutes=14)
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("role", ["worker", "senior", "manager"])
def test_roles_that_open_client_files_need_the_phone_code(client, db_session, frozen_clock, role):
    user = make_user(db_session, role)
    response = post_sign_in(client, user.username)
    assert response.headers["Location"] == "/sign-in/two-step"
    assert client.get("/").status_code == 302  # not signed in until the code is right

    wrong = client.post("/sign-in/two-step", data={"code": "000000"})
    assert "That code did not work" in wrong.text
    code = pyotp.TOTP(TOTP_SECRET).at(frozen_clock.moment)
    assert client.post("/sign-in/two-step", data={"code": code}).status_code == 303
    assert client.get("/").status_code == 200


def test_a_phone_code_works_only_once(client, db_session, frozen_clock):
    user = make_user(db_session, "worker")
    code = pyotp.TOTP(TOTP_SECRET).at(frozen_clock.moment)
    post_sign_in(client, user.username)
    client.post("/sign-in/two-step", data={"code": code})
    client.post("/sign-out")
    post_sign_in(client, user.username)
    assert "That code did not work" in client.post("/sign-in/two-step", data={"code": code}).text


def test_two_step_is_set_up_at_first_sign_in_with_ten_recovery_codes(
    client, db_session, fetch, frozen_clock
):
    user = make_user(db_session, "senior", totp_secret=None)
    assert post_sign_in(client, user.username).headers["Location"] == "/sign-in/set-up-two-step"
    page = client.get("/sign-in/set-up-two-step").text
    assert "<svg" in page
    with client.session_transaction() as session:
        secret = session["pending_secret"]
    response = client.post(
        "/sign-in/set-up-two-step", data={"code": pyotp.TOTP(secret).at(frozen_clock.moment)}
    )
    assert response.text.count("<li>") >= 10
    saved = fetch(select(User).where(User.id == user.id))[0]
    assert saved.totp_secret == secret and len(saved.recovery_code_hashes) == 10


def test_a_recovery_code_signs_in_once(client, db_session, frozen_clock):
    from app.auth.sessions import token_hash as _hash

    user = make_user(db_session, "manager", recovery_code_hashes=[_hash("12345-67890")])
    post_sign_in(client, user.username)
    response = client.post("/sign-in/recovery-code", data={"code": "12345 67890"})
    assert response.status_code == 303
    client.post("/sign-out")
    post_sign_in(client, user.username)
    response = client.post("/sign-in/recovery-code", data={"code": "12345-67890"})
    assert "did not work" in response.text


def test_first_sign_in_asks_for_a_new_password(client, db_session, fetch):
    user = make_user(db_session, "frontdesk", must_change_password=True)
    assert post_sign_in(client, user.username).headers["Location"] == "/sign-in/new-password"
    assert client.get("/").status_code == 302
    page = client.get("/sign-in/new-password").text
    assert "Three words you will remember work well" in text_of(page)

    too_short = client.post("/sign-in/new-password", data={"password": "short", "confirm": "short"})
    assert "Use at least 12" in too_short.text and "<title>Error: " in too_short.text
    common = "passwordpassword"
    assert (
        "too easy to guess"
        in client.post("/sign-in/new-password", data={"password": common, "confirm": common}).text
    )
    good = "harbor violet pickle"
    response = client.post("/sign-in/new-password", data={"password": good, "confirm": good})
    assert response.status_code == 303
    assert client.get("/").status_code == 200
    assert not fetch(select(User).where(User.id == user.id))[0].must_change_password


def test_changing_your_password_signs_you_out_everywhere_else(app, db_session):
    user = make_user(db_session, "trainee")
    desk, tablet = app.test_client(), app.test_client()
    post_sign_in(desk, user.username)
    post_sign_in(tablet, user.username)
    new = "copper lantern meadow"
    response = desk.post("/account", data={"current": PASSWORD, "password": new, "confirm": new})
    assert response.status_code == 303
    assert desk.get("/").status_code == 200
    assert tablet.get("/").status_code == 302


def test_sign_out_everywhere(app, db_session):
    user = make_user(db_session, "trainee")
    desk, tablet = app.test_client(), app.test_client()
    post_sign_in(desk, user.username)
    post_sign_in(tablet, user.username)
    desk.post("/account/sign-out-everywhere")
    assert desk.get("/").status_code == 302
    assert tablet.get("/").status_code == 302


def test_a_disabled_account_is_signed_out_and_cannot_sign_in(client, db_session, app):
    user = make_user(db_session, "trainee")
    post_sign_in(client, user.username)
    manager_client = app.test_client()
    manager = make_user(db_session, "manager")
    from tests.conftest import start_session_for

    start_session_for(manager_client, db_session, manager)
    manager_client.post(f"/admin/users/{user.id}/disable")
    assert client.get("/").status_code == 302
    assert post_sign_in(client, user.username).status_code == 200


def test_next_page_after_sign_in(client, db_session):
    user = make_user(db_session, "trainee")
    assert client.get("/words").headers["Location"] == "/sign-in?next=/words"
    response = client.post(
        "/sign-in?next=/words", data={"username": user.username, "password": PASSWORD}
    )
    assert response.headers["Location"] == "/words"


def test_next_never_leaves_the_site(client, db_session):
    user = make_user(db_session, "trainee")
    response = client.post(
        "/sign-in?next=//evil.example/", data={"username": user.username, "password": PASSWORD}
    )
    assert response.headers["Location"] == "/"
