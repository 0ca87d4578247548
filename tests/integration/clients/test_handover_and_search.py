"""A handover becomes a draft (nobody tells their story twice); searching at 50,000 files."""

import time
from datetime import date

from sqlalchemy import insert, select, text

from app.models import Assessment, Client, Handover, RegistrationDraft
from tests.factories import make_user
from tests.factories.clients import make_client
from tests.pagecheck import text_of


def make_handover(db_session, worker, **fields):
    handover = Handover(
        day=date(2026, 3, 3),
        name=fields.pop("name", "Jaz"),
        needs=fields.pop("needs", ["housing", "omt"]),
        urgency=fields.pop("urgency", "immediate"),
        reach="here",
        phone=fields.pop("phone", "0400 123 456"),
        note=fields.pop("note", "Sleeping in the car since Friday"),
        status="picked_up",
        picked_up_by_id=worker.id,
        **fields,
    )
    db_session.add(handover)
    db_session.commit()
    return handover


def test_a_picked_up_handover_starts_a_draft_with_what_was_said(
    client, sign_in_as, db_session, fetch
):
    me = sign_in_as("worker")
    handover = make_handover(db_session, me)
    response = client.get(f"/clients/start-from-handover/{handover.id}")
    assert response.status_code == 303
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'value="Jaz"' in html
    assert "Sleeping in the car since Friday" in text_of(html)
    again = client.get(f"/clients/start-from-handover/{handover.id}")
    assert again.headers["Location"] == response.headers["Location"]  # one draft, not two
    [draft] = fetch(select(RegistrationDraft))
    assert draft.answers["phone"] == "0400 123 456"
    client.post(f"/clients/new/{draft.id}/check", data={"action": "make"})
    [made] = fetch(select(Client))
    assert made.nickname == "Jaz" and made.worker_id == me.id
    [assessment] = fetch(select(Assessment))
    assert assessment.needs == ["housing", "drug_treatment"]
    assert assessment.support_level == "immediate"
    assert assessment.summary == "Sleeping in the car since Friday"
    assert fetch(select(Handover))[0].client_id == made.id
    follow = client.get(f"/clients/start-from-handover/{handover.id}")
    assert follow.headers["Location"].endswith(f"/clients/{made.id}")


def test_only_the_worker_who_picked_it_up_can_start_from_it(client, sign_in_as, db_session):
    other = make_user(db_session, "worker")
    handover = make_handover(db_session, other)
    sign_in_as("worker")
    assert client.get(f"/clients/start-from-handover/{handover.id}").status_code == 404
    assert client.get("/clients/start-from-handover/9999").status_code == 404


def search(client, words):
    return text_of(client.post("/clients/search", data={"q": words}).get_data(as_text=True))


def test_search_by_name_nickname_birth_and_phone(client, sign_in_as, db_session):
    me = sign_in_as("worker")
    make_client(
        db_session,
        me,
        given_name="Marnie",
        family_name="Lee-Archer",
        nickname="Moo",
        born_on=date(1984, 7, 9),
        phone="0412 345 678",
    )
    make_client(db_session, me, given_name="Mark", family_name="Brown")
    assert "Marnie" in search(client, "marn")
    assert "Marnie" in search(client, "leearcher")
    assert "Marnie" in search(client, "Lee-Archer")
    assert "Marnie" in search(client, "moo")
    assert "Marnie" in search(client, "9/7/1984")
    assert "Marnie" in search(client, "+61 412 345 678")
    both = search(client, "mar")
    assert "Marnie" in both and "Mark" in both
    assert "Mark" not in search(client, "mar 9/7/1984")
    assert "No file matches" in search(client, "zed")


def test_empty_search_says_what_to_type(client, sign_in_as):
    sign_in_as("worker")
    response = client.post("/clients/search", data={"q": ""})
    assert "Enter a name, date of birth or phone number" in response.get_data(as_text=True)


def test_search_box_is_on_the_file_page(client, sign_in_as, db_session):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    html = client.get(f"/clients/{person.id}").get_data(as_text=True)
    assert 'id="client-search-q"' in html


def test_search_is_quick_at_fifty_thousand_files(client, sign_in_as, db_session):
    me = sign_in_as("worker")

    def word(n: int) -> str:
        letters = ""
        for _ in range(4):
            n, r = divmod(n, 26)
            letters += "abcdefghijklmnopqrstuvwxyz"[r]
        return letters

    rows = [
        {
            "given_name": word(n).title(),
            "search_given": word(n),
            "search_family": word(n + 7),
            "phone_digits": f"04{n:08d}",
            "version": 1,
            "other_drugs": [],
            "not_said": [],
            "worker_id": me.id if n % 100 == 0 else None,
        }
        for n in range(50_000)
    ]
    db_session.execute(insert(Client), rows)
    db_session.commit()
    if db_session.bind.dialect.name == "postgresql":
        db_session.execute(text("ANALYZE client"))
        db_session.commit()
    started = time.perf_counter()
    page = search(client, word(49_900))  # one of the worker's own (every 100th)
    by_phone = search(client, "0400049900")
    not_theirs = search(client, word(49_999))
    took = time.perf_counter() - started
    assert word(49_900).title() in page
    assert word(49_900).title() in by_phone
    assert "Someone with this name" in not_theirs and word(49_999).title() not in not_theirs
    assert took < 3.0, took


def test_name_search_uses_the_index(app, db_session):
    from app.clients.search import parse_search, search_query

    query = search_query(parse_search("sam"))
    with app.app_context():
        from app.extensions import db

        compiled = query.compile(db.engine, compile_kwargs={"literal_binds": True})
        with db.engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                plan = connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
                details = " ".join(str(row[-1]) for row in plan)
                assert "ix_client_search_given" in details, details
