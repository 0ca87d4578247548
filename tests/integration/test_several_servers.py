"""Two app servers behind HAProxy, one PostgreSQL (docs/deploy.md): signed in through one
server, carrying on through the other; the sign-in count shared by both; one server stopped
in the middle of the desks' taps and a worker's notes, and nothing lost or saved twice.

Runs on PostgreSQL only (make test's second run), and is skipped where haproxy cannot be
installed. It starts real servers, so it takes about 20 seconds."""

from __future__ import annotations

import http.client
import re
import secrets
import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app import clock
from app.extensions import db
from tests.bench._cluster import balanced_servers, haproxy, upgrade_once
from tests.bench._server import Browser, make_app, postgres_admin_url, postgres_database
from tests.factories import PASSWORD, TOTP_SECRET, make_user
from tests.factories.care import make_person

pytestmark = [
    pytest.mark.skipif(not postgres_admin_url(), reason="needs PostgreSQL (make test runs it)"),
]

TAPS_PER_DESK = 40
NOTES = 12


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, worker_id):
    if haproxy() is None:
        pytest.skip("haproxy is not installed and cannot be installed here")
    instance = tmp_path_factory.mktemp("several")
    url = postgres_database(f"several_{worker_id}")
    upgrade_once(url, instance / "upgrade")
    people = make_people(url, instance / "set-up")
    settings = {
        "PEERDESK_SIGN_IN_RATE_LIMIT": "8 per minute",
        "PEERDESK_SIGN_IN_ACCOUNT_RATE_LIMIT": "100 per minute",
    }
    with balanced_servers(url, instance, settings) as running:
        yield running, url, instance, people


def make_people(url, instance):
    from app.frontdesk import public as frontdesk

    app = make_app(url, instance)
    with app.app_context():
        frontdesk.add_standard_lists(None)
        desks = [make_user(db.session, "frontdesk") for _ in range(2)]
        worker = make_user(db.session, "worker")
        client, _episode = make_person(db.session, worker)
        people = {
            "desks": [d.username for d in desks],
            "worker": worker.username,
            "client_id": client.id,
        }
        db.session.remove()
        db.engine.dispose()
    return people


def count_rows(url, instance, model, **where):
    app = make_app(url, instance)
    with app.app_context():
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        found = db.session.scalar(query)
        db.session.remove()
        db.engine.dispose()
    return found


class BrowserAt(Browser):
    """A browser on another machine: its own loopback address (127.0.0.N)."""

    def __init__(self, port: int, address: str):
        super().__init__(port)
        self.connection = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=60, source_address=(address, 0)
        )


def wrong_password(browser) -> int:
    _, page = browser.request("GET", "/sign-in")
    browser.remember_csrf(page)
    body = {"username": "nobody", "password": "wrong password", "csrf_token": browser.csrf}
    response, _ = browser.request("POST", "/sign-in", body)
    return response.status


def test_signed_in_on_one_server_carries_on_through_the_other(cluster):
    running, _url, _instance, people = cluster
    desk = Browser(running.app_ports[0])
    desk.sign_in(people["desks"][0], PASSWORD, home="/frontdesk")

    other = Browser(running.app_ports[1])
    other.cookies = dict(desk.cookies)
    response, page = other.request("GET", "/frontdesk")
    assert response.status == 200  # not sent to sign in: the session is in the database
    assert b"Switch user" in page


def test_the_sign_in_count_is_shared_by_both_servers(cluster):
    running, *_ = cluster
    answers = [wrong_password(BrowserAt(running.app_ports[n % 2], "127.0.0.2")) for n in range(10)]
    assert answers[:8] == [200] * 8  # the limit is 8 tries a minute from one address
    assert answers[8:] == [429, 429]  # the 9th and 10th, whichever server answers


def test_through_the_balancer_each_address_is_counted_on_its_own(cluster):
    """Behind HAProxy every request reaches the app from 127.0.0.1; with PEERDESK_PROXY_HOPS=1
    the app counts the address HAProxy saw, so one person's tries never lock out the rest of
    the building, and a made-up X-Forwarded-For changes nothing."""
    running, *_ = cluster
    spoofing = []
    for n in range(10):
        browser = BrowserAt(running.port, "127.0.0.3")
        _, page = browser.request("GET", "/sign-in")
        browser.remember_csrf(page)
        body = {"username": "nobody", "password": "wrong", "csrf_token": browser.csrf}
        headers = {"X-Forwarded-For": f"10.0.0.{n + 1}"}
        response, _ = browser.request("POST", "/sign-in", body, headers)
        spoofing.append(response.status)
    assert spoofing[8:] == [429, 429]
    assert wrong_password(BrowserAt(running.port, "127.0.0.4")) == 200


def test_one_server_stops_in_the_middle_and_nothing_is_lost(cluster):
    from app.models import CaseNote, TallyEvent

    running, url, instance, people = cluster
    desks = []
    for username in people["desks"]:
        desk = Browser(running.port)
        page = desk.sign_in(username, PASSWORD, home="/frontdesk")
        desk.items = [int(i) for i in re.findall(rb'name="item" value="(\d+)"', page)]
        desks.append(desk)
    worker = Browser(running.port)
    worker.sign_in(people["worker"], PASSWORD, TOTP_SECRET)
    sent = {"taps": 0, "notes": 0}
    failed_once = []  # answers that were not a yes, sent again with the same key
    lock = threading.Lock()
    halfway = threading.Event()

    def send_until_taken(browser, path, body, headers=None):
        """As the day screen does: the same key again until the server takes it."""
        for _ in range(40):
            try:
                response, _ = browser.post_form(path, body, headers)
            except OSError as error:
                failed_once.append(type(error).__name__)
                continue
            if response.status in (200, 303):
                return True
            failed_once.append(response.status)
        return False

    def tap(desk):
        for n in range(TAPS_PER_DESK):
            if n == TAPS_PER_DESK // 2:
                halfway.set()
            body = {"item": desk.items[0], "change": "add", "key": secrets.token_urlsafe(16)}
            headers = {"HX-Request": "true", "X-CSRFToken": desk.csrf}
            if send_until_taken(desk, "/frontdesk/taps", body, headers):
                with lock:
                    sent["taps"] += 1

    def write_notes():
        moment = clock.local_now() - timedelta(minutes=10)
        for n in range(NOTES):
            body = {
                "contact_on-day": moment.day,
                "contact_on-month": moment.month,
                "contact_on-year": moment.year,
                "contact_time": f"{moment:%H:%M}",
                "kind": "phone",
                "minutes": "15",
                "text": f"Note {n} while a server stops. Talked about housing.",
                "form_key": secrets.token_urlsafe(16),
            }
            if send_until_taken(worker, f"/clients/{people['client_id']}/notes/new", body):
                with lock:
                    sent["notes"] += 1

    threads = [threading.Thread(target=tap, args=(d,)) for d in desks]
    threads.append(threading.Thread(target=write_notes))
    for thread in threads:
        thread.start()
    halfway.wait(timeout=60)
    running.kill_server(0)
    for thread in threads:
        thread.join(timeout=120)

    assert running.servers[0].poll() is not None  # server one really stopped mid-way
    assert sent == {"taps": TAPS_PER_DESK * len(desks), "notes": NOTES}, failed_once
    assert count_rows(url, instance, TallyEvent) == sent["taps"]
    assert count_rows(url, instance, CaseNote, client_id=people["client_id"]) == NOTES
