"""Issue 13, sign-in without holes: a phone code works once even at the same moment, wrong codes
lock the account, the rate limit is shared by every app server and counts per account, the
one-time password comes first, `next` stays on this site, and sign-out needs a POST."""

from __future__ import annotations

import threading
from datetime import timedelta

import pyotp
import pytest
from sqlalchemy import select

from app import create_app
from app.auth.passwords import hash_password
from app.extensions import db
from app.local_paths import safe_local_path
from app.models import AuditEvent, SignInAttempt, User, UserSession
from tests.conftest import CheckedClient, start_session_for
from tests.factories import PASSWORD, TOTP_SECRET, make_user
from tests.pagecheck import text_of

LOCKED_LINE = "After 5 wrong tries the account is locked for 15 minutes"


def post_sign_in(client, username, password=PASSWORD, **kwargs):
    return client.post("/sign-in", data={"username": username, "password": password}, **kwargs)


def sessions_of(fetch, user) -> list[UserSession]:
    return fetch(select(UserSession).where(UserSession.user_id == user.id))


def current_code(frozen_clock) -> str:
    return pyotp.TOTP(TOTP_SECRET).at(frozen_clock.moment)


@pytest.fixture
def generous_limits(app, monkeypatch):
    """Rate limits out of the way, for tests about the account lock."""
    monkeypatch.setitem(app.config, "SIGN_IN_RATE_LIMIT", "1000 per minute")
    monkeypatch.setitem(app.config, "SIGN_IN_ACCOUNT_RATE_LIMIT", "1000 per minute")


@pytest.fixture
def second_server(app):
    """Another app object on the same database, as a second app server would be."""
    other = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": app.config["SECRET_KEY"],
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "SERVER_NAME": None,
        }
    )
    other.test_client_class = CheckedClient
    yield other
    with other.app_context():
        db.engine.dispose()


# --- a phone code is accepted once, even by two requests at the same moment ---------------


def test_a_phone_code_is_accepted_once_even_by_two_requests_at_the_same_moment(
    app, db_session, fetch, frozen_clock
):
    user = make_user(db_session, "worker")
    desk, tablet = app.test_client(), app.test_client()
    for client in (desk, tablet):
        assert post_sign_in(client, user.username).headers["Location"] == "/sign-in/two-step"
    code = current_code(frozen_clock)
    barrier = threading.Barrier(2)
    statuses: list[int] = []

    def send_code(client):
        barrier.wait()
        statuses.append(client.post("/sign-in/two-step", data={"code": code}).status_code)

    threads = [threading.Thread(target=send_code, args=(c,)) for c in (desk, tablet)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(statuses) == [200, 303]  # one signed in, one told the code did not work
    assert len(sessions_of(fetch, user)) == 1


def test_the_last_used_time_step_is_kept_on_the_account(client, db_session, fetch, frozen_clock):
    user = make_user(db_session, "worker")
    post_sign_in(client, user.username)
    client.post("/sign-in/two-step", data={"code": current_code(frozen_clock)})
    saved = fetch(select(User).where(User.id == user.id))[0]
    assert saved.totp_last_step == pyotp.TOTP(TOTP_SECRET).timecode(frozen_clock.moment)


def test_a_recovery_code_is_accepted_once_even_by_two_requests_at_the_same_moment(
    app, db_session, fetch, frozen_clock
):
    from app.auth.sessions import token_hash as _hash

    user = make_user(db_session, "manager", recovery_code_hashes=[_hash("12345-67890")])
    desk, tablet = app.test_client(), app.test_client()
    for client in (desk, tablet):
        post_sign_in(client, user.username)
    barrier = threading.Barrier(2)

    def send_code(client):
        barrier.wait()
        client.post("/sign-in/recovery-code", data={"code": "12345-67890"}, check=False)

    threads = [threading.Thread(target=send_code, args=(c,)) for c in (desk, tablet)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(sessions_of(fetch, user)) == 1


# --- five wrong codes lock the account like five wrong passwords ---------------------------


def test_five_wrong_phone_codes_lock_the_account_like_wrong_passwords(
    client, db_session, fetch, frozen_clock, generous_limits
):
    user = make_user(db_session, "worker")
    post_sign_in(client, user.username)
    for _ in range(4):
        page = client.post("/sign-in/two-step", data={"code": "000000"})
        assert "That code did not work" in page.text
    locked = client.post("/sign-in/two-step", data={"code": "000000"})
    assert LOCKED_LINE in text_of(locked.text)
    saved = fetch(select(User).where(User.id == user.id))[0]
    assert saved.locked_until == frozen_clock.moment + timedelta(minutes=15)

    # The right password is refused too while the account is locked, as after wrong passwords.
    assert post_sign_in(client, user.username).status_code == 200
    frozen_clock.advance(minutes=16)
    assert post_sign_in(client, user.username).headers["Location"] == "/sign-in/two-step"
    right = client.post("/sign-in/two-step", data={"code": current_code(frozen_clock)})
    assert right.status_code == 303


def test_thirty_wrong_codes_then_the_right_one_is_refused(
    client, db_session, fetch, frozen_clock, generous_limits
):
    user = make_user(db_session, "senior")
    post_sign_in(client, user.username)
    for attempt in range(30):
        client.post("/sign-in/two-step", data={"code": f"{attempt:06d}"})
    right = client.post("/sign-in/two-step", data={"code": current_code(frozen_clock)})
    assert right.status_code == 200 and LOCKED_LINE in text_of(right.text)
    assert sessions_of(fetch, user) == []
    assert client.get("/").status_code == 302


def test_wrong_recovery_codes_count_towards_the_lock(
    client, db_session, fetch, frozen_clock, generous_limits
):
    from app.auth.sessions import token_hash as _hash

    user = make_user(db_session, "manager", recovery_code_hashes=[_hash("12345-67890")])
    post_sign_in(client, user.username)
    for _ in range(3):
        client.post("/sign-in/recovery-code", data={"code": "11111-11111"})
    for _ in range(2):
        client.post("/sign-in/two-step", data={"code": "000000"})
    right = client.post("/sign-in/recovery-code", data={"code": "12345-67890"})
    assert LOCKED_LINE in text_of(right.text)
    assert sessions_of(fetch, user) == []


def test_the_right_password_again_does_not_wipe_out_wrong_codes(
    client, db_session, fetch, frozen_clock, generous_limits
):
    user = make_user(db_session, "worker")
    for _ in range(5):  # sign in again with the password before every wrong code
        post_sign_in(client, user.username)
        client.post("/sign-in/two-step", data={"code": "000000"})
    assert fetch(select(User).where(User.id == user.id))[0].locked_until is not None


def test_a_full_sign_in_clears_the_count_of_wrong_tries(client, db_session, fetch, frozen_clock):
    user = make_user(db_session, "worker")
    post_sign_in(client, user.username)
    client.post("/sign-in/two-step", data={"code": "000000"})
    client.post("/sign-in/two-step", data={"code": current_code(frozen_clock)})
    assert fetch(select(User).where(User.id == user.id))[0].failed_sign_ins == 0


# --- the rate limit counts across all app servers, per account and per address -------------


def test_two_app_servers_share_one_count_per_address(app, second_server, monkeypatch):
    for server in (app, second_server):
        monkeypatch.setitem(server.config, "SIGN_IN_RATE_LIMIT", "4 per minute")
    one, two = app.test_client(), second_server.test_client()
    for index in range(4):
        client = one if index % 2 else two
        assert post_sign_in(client, f"person{index}", "wrong password 1").status_code == 200
    for client in (one, two):
        refused = post_sign_in(client, "person9", "wrong password 1")
        assert refused.status_code == 429
        assert "Too many tries" in text_of(refused.text)


def test_the_per_account_limit_refuses_a_spread_of_addresses(app, client, db_session):
    user = make_user(db_session, "frontdesk")
    for number in range(10):
        address = {"REMOTE_ADDR": f"10.0.0.{number}"}
        post_sign_in(client, user.username.upper(), "wrong password 1", environ_base=address)
    # The right password, from an address never seen before.
    response = post_sign_in(client, user.username, environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert response.status_code == 429
    assert "Too many tries" in text_of(response.text)
    # Another account from the same new address is fine.
    other = make_user(db_session, "frontdesk")
    response = post_sign_in(client, other.username, environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert response.status_code == 303


def test_the_limit_covers_phone_codes_and_recovery_codes(
    app, client, db_session, frozen_clock, monkeypatch
):
    monkeypatch.setitem(app.config, "SIGN_IN_ACCOUNT_RATE_LIMIT", "3 per minute")
    user = make_user(db_session, "worker")
    post_sign_in(client, user.username)  # try 1
    client.post("/sign-in/two-step", data={"code": "000000"})  # try 2
    client.post("/sign-in/recovery-code", data={"code": "11111-11111"})  # try 3
    assert client.post("/sign-in/two-step", data={"code": "000000"}).status_code == 429
    assert client.post("/sign-in/recovery-code", data={"code": "1"}).status_code == 429


def test_the_limit_lifts_after_a_minute_and_old_tries_are_removed(
    app, client, db_session, fetch, frozen_clock, monkeypatch
):
    monkeypatch.setitem(app.config, "SIGN_IN_RATE_LIMIT", "2 per minute")
    for _ in range(2):
        post_sign_in(client, "someone", "wrong password 1")
    assert post_sign_in(client, "someone", "wrong password 1").status_code == 429
    frozen_clock.advance(seconds=61)
    assert post_sign_in(client, "someone", "wrong password 1").status_code == 200
    assert len(fetch(select(SignInAttempt))) == 1  # the two old tries are gone


# --- the one-time password comes before anything else ----------------------------------------


def test_the_one_time_password_comes_before_two_step_set_up(client, db_session, fetch):
    user = make_user(db_session, "worker", totp_secret=None, must_change_password=True)
    assert post_sign_in(client, user.username).headers["Location"] == "/sign-in/new-password"
    for page in ("/sign-in/set-up-two-step", "/sign-in/two-step", "/sign-in/recovery-code"):
        assert client.get(page).headers["Location"] == "/sign-in/new-password"
        response = client.post(page, data={"code": "123456"})
        assert response.headers["Location"] == "/sign-in/new-password"
    with client.session_transaction() as session:
        assert "pending_secret" not in session
    assert sessions_of(fetch, user) == []

    new = "harbor violet pickle"
    response = client.post("/sign-in/new-password", data={"password": new, "confirm": new})
    assert response.headers["Location"] == "/sign-in/set-up-two-step"


def test_the_new_password_may_not_be_the_one_time_password(client, db_session, fetch):
    one_time = "copper-lantern-meadow-river"
    user = make_user(db_session, "frontdesk", must_change_password=True)
    user.password_hash = hash_password(one_time)
    db_session.commit()
    post_sign_in(client, user.username, one_time)
    same = client.post("/sign-in/new-password", data={"password": one_time, "confirm": one_time})
    assert same.status_code == 200
    assert "Choose a new password, not the one you have now" in text_of(same.text)
    assert fetch(select(User).where(User.id == user.id))[0].must_change_password
    assert sessions_of(fetch, user) == []


def test_the_new_password_may_not_be_the_old_one_on_my_account(client, sign_in_as):
    sign_in_as("trainee")
    response = client.post(
        "/account", data={"current": PASSWORD, "password": PASSWORD, "confirm": PASSWORD}
    )
    assert "Choose a new password, not the one you have now" in text_of(response.text)


# --- next accepts only a local path ------------------------------------------------------------

HOSTILE_NEXT = [
    "/%09/evil.example",
    "/\t/evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "/%5Cevil",
    "/%5cevil",
    "%2F%2Fevil",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/\r\nSet-Cookie:x",
    "/%0d%0aSet-Cookie:x",
    "/words\nLocation: //evil.example",
    "/\x7f/evil.example",
    "https://evil.example",
    "//evil.example",
    "///evil.example",
    "/.//evil.example",
    "javascript:alert(1)",
    "evil.example",
    " //evil.example",
    "/%252F%252Fevil.example",
    "http:/evil.example",
]


def assert_local(location: str) -> None:
    assert location.startswith("/")
    assert not location.startswith(("//", "/\\"))
    assert "://" not in location.split("?")[0]
    assert not any(ord(ch) < 32 or ord(ch) == 127 for ch in location)


@pytest.mark.parametrize("value", HOSTILE_NEXT)
def test_next_accepts_only_a_local_path(client, db_session, value):
    user = make_user(db_session, "trainee")
    response = client.post(
        "/sign-in",
        query_string={"next": value},
        data={"username": user.username, "password": PASSWORD},
    )
    assert response.status_code == 303
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("value", [v for v in HOSTILE_NEXT if v.isprintable() and " " not in v])
def test_next_typed_straight_into_the_address_never_leaves_the_site(client, db_session, value):
    user = make_user(db_session, "trainee")
    response = client.post(
        f"/sign-in?next={value}", data={"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 303
    assert_local(response.headers["Location"])
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("value", HOSTILE_NEXT)
def test_a_hostile_next_on_the_sign_in_page_is_never_a_500(client, value):
    response = client.get("/sign-in", query_string={"next": value})
    assert response.status_code == 200


def test_a_nul_in_next_is_refused_not_a_500(client, db_session):
    user = make_user(db_session, "trainee")
    response = client.post(
        "/sign-in",
        query_string={"next": "/\x00//evil.example"},
        data={"username": user.username, "password": PASSWORD},
    )
    assert response.status_code == 400
    assert "Location" not in response.headers


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/words", "/words"),
        ("/clients/3?tab=notes", "/clients/3?tab=notes"),
        ("/clients?q=Zoë Lee", "/clients?q=Zo%C3%AB%20Lee"),
        ("/clients?q=a%2Fb", "/clients?q=a%2Fb"),
    ],
)
def test_a_local_path_is_kept(value, expected):
    assert safe_local_path(value) == expected


@pytest.mark.parametrize("value", [*HOSTILE_NEXT, "/\x00", None, "", "/" + "a" * 3000])
def test_a_hostile_path_is_refused(value):
    assert safe_local_path(value) is None


def test_next_from_a_page_asked_for_before_sign_in_comes_back(client, db_session):
    user = make_user(db_session, "trainee")
    to_sign_in = client.get("/words?q=Zoë")
    assert to_sign_in.status_code == 302
    signed_in = client.post(
        to_sign_in.headers["Location"], data={"username": user.username, "password": PASSWORD}
    )
    assert signed_in.headers["Location"] == "/words?q=Zo%C3%AB"


# --- sign-out needs a POST with the CSRF token -------------------------------------------------


def test_sign_out_needs_a_post(client, sign_in_as):
    sign_in_as("frontdesk")
    response = client.get("/sign-out")
    assert response.status_code == 405
    assert "Page not found" in text_of(response.text)
    assert client.get("/").status_code == 200  # still signed in


def test_sign_out_needs_the_csrf_token(client, sign_in_as):
    sign_in_as("frontdesk")
    assert client.post("/sign-out", csrf=False).status_code == 400
    assert client.get("/").status_code == 200
    assert client.post("/sign-out").status_code == 303
    assert client.get("/").status_code == 302


def test_no_page_signs_out_with_a_link(client, db_session):
    user = make_user(db_session, "worker")
    start_session_for(client, db_session, user)
    page = client.get("/account").text
    assert 'href="/sign-out"' not in page and 'href="/switch-user"' not in page


def test_a_wrong_two_step_code_is_kept_as_a_refused_attempt(client, db_session, fetch):
    """Two-step failures show in the manager's "refused attempts", in their own transaction."""
    user = make_user(db_session, "worker")
    client.post("/sign-in", data={"username": user.username, "password": PASSWORD})
    client.post("/sign-in/two-step", data={"code": "000000"})
    refused = fetch(select(AuditEvent).where(AuditEvent.action == "refused"))
    assert [(e.created_by_id, e.detail["why"]) for e in refused] == [
        (user.id, "two-step code wrong")
    ]
