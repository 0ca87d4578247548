"""Two desks (or eight) tapping at the same moment lose nothing, and a retry counts once.

Each thread has its own test client and its own signed-in session on the same app, so the
requests really do run at once against the one database (SQLite or PostgreSQL).
"""

import threading

from sqlalchemy import select

from app.models import TallyEvent
from tests.conftest import start_session_for
from tests.factories import make_user
from tests.factories.frontdesk import make_item, make_taps

DESKS = 8
TAPS_EACH = 15


def _clients(app, db_session, count):
    clients = []
    for _ in range(count):
        client = app.test_client()
        start_session_for(client, db_session, make_user(db_session, "frontdesk"))
        clients.append(client)
    return clients


def _run_together(work, count):
    start = threading.Barrier(count)
    errors = []

    def run(n):
        try:
            start.wait()
            work(n)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors


def test_concurrent_taps_give_the_exact_total(app, db_session, fetch):
    item = make_item(db_session, "Visitors", "people", icon="people")
    clients = _clients(app, db_session, DESKS)
    statuses = []

    def desk(n):
        client = clients[n]
        for t in range(TAPS_EACH):
            key = f"desk-{n:02d}-tap-{t:03d}-concurrent"
            response = client.post(
                "/frontdesk/taps",
                data={"item": str(item.id), "change": "add", "key": key},
                headers={"HX-Request": "true"},
                check=False,
            )
            statuses.append(response.status_code)
            # A retry of the same tap (same key) must not count again.
            if t % 5 == 0:
                again = client.post(
                    "/frontdesk/taps",
                    data={"item": str(item.id), "change": "add", "key": key},
                    headers={"HX-Request": "true"},
                    check=False,
                )
                statuses.append(again.status_code)

    _run_together(desk, DESKS)
    assert set(statuses) == {200}
    events = fetch(select(TallyEvent).where(TallyEvent.item_id == item.id))
    assert len(events) == DESKS * TAPS_EACH
    assert sum(e.delta for e in events) == DESKS * TAPS_EACH


def test_the_same_key_from_many_desks_at_once_counts_once(app, db_session, fetch):
    item = make_item(db_session, "Meals", "food")
    clients = _clients(app, db_session, DESKS)

    def desk(n):
        clients[n].post(
            "/frontdesk/taps",
            data={"item": str(item.id), "change": "add", "key": "one-key-sent-by-everyone"},
            check=False,
        )

    _run_together(desk, DESKS)
    assert len(fetch(select(TallyEvent))) == 1


def test_taking_off_at_once_never_goes_below_zero(app, db_session, fetch):
    item = make_item(db_session, "Fit packs", "nsp", icon="syringe")
    make_taps(db_session, item, 3)
    clients = _clients(app, db_session, DESKS)
    statuses = []

    def desk(n):
        response = clients[n].post(
            "/frontdesk/taps",
            data={"item": str(item.id), "change": "off", "key": f"take-off-{n:02d}-at-once"},
            headers={"HX-Request": "true"},
            check=False,
        )
        statuses.append(response.status_code)

    _run_together(desk, DESKS)
    events = fetch(select(TallyEvent).where(TallyEvent.item_id == item.id))
    assert sum(e.delta for e in events) == 0
    assert len([e for e in events if e.delta == -1]) == 3
    assert set(statuses) <= {200, 409}
