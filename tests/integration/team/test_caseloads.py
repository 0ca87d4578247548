"""Caseloads: every worker's people, support levels, contacts, plan reviews and late notes,
counted with the same few queries however many workers and people there are."""

from datetime import date, timedelta

import pytest

from tests.factories import make_user
from tests.factories.care import make_note, make_plan, on
from tests.factories.clients import make_assessment, make_client, make_episode
from tests.factories.team import make_file_audit
from tests.pagecheck import text_of
from tests.query_counter import counting_queries

TODAY = date(2026, 3, 3)


def row_of(page: str, name: str) -> str:
    """The words of the table row that starts with this worker's name."""
    text = text_of(page)
    start = text.index(name, text.index("File check score"))
    return text[start : start + 200]


def test_caseloads_count_each_workers_people(client, sign_in_as, db_session, frozen_clock):
    alex = make_user(db_session, "worker", display_name="Alex Murray")
    priya = make_user(db_session, "worker", display_name="Priya Sharma")
    people = [make_client(db_session, alex) for _ in range(3)] + [make_client(db_session, priya)]
    make_assessment(db_session, people[0], support_level="immediate")
    make_assessment(db_session, people[0], support_level="intensive")  # the newest counts
    make_assessment(db_session, people[1], support_level="ongoing")
    episode = make_episode(db_session, people[0], opened_on=date(2026, 1, 5))
    make_plan(db_session, people[0], episode, review_on=TODAY - timedelta(days=2))
    other = make_episode(db_session, people[1], opened_on=date(2026, 1, 5))
    make_plan(db_session, people[1], other, review_on=TODAY + timedelta(days=10))
    closed = make_episode(db_session, people[2], opened_on=date(2025, 1, 5), closed_on=TODAY)
    make_plan(db_session, people[2], closed, review_on=TODAY)  # closed: not due
    make_note(db_session, people[0], by=alex, contact_at=on(date(2026, 3, 2)))
    make_note(db_session, people[1], by=alex, contact_at=on(date(2026, 3, 1)), late=True)
    make_note(db_session, people[1], by=alex, contact_at=on(date(2026, 2, 27)))  # last month
    make_note(db_session, people[1], by=alex, contact_at=on(date(2026, 3, 2)), superseded=True)
    make_note(db_session, people[3], by=priya, contact_at=on(date(2026, 3, 2)))
    make_file_audit(db_session, people[0], by=alex, done=True)

    sign_in_as("senior")
    page = client.get("/team/caseloads").text
    assert "Caseloads in March 2026" in text_of(page)
    # people, immediate, ongoing, intensive, not assessed, contacts, late, reviews, score
    assert row_of(page, "Alex Murray").startswith(
        "Alex Murray 3 0 1 1 1 2 1 2 1 late 11 of 11 (100%)"
    )
    assert row_of(page, "Priya Sharma").startswith("Priya Sharma 1 0 0 0 1 1 0 0 Not checked yet")
    assert "Everyone 4" in text_of(page)


def test_a_workers_caseload_lists_their_people(client, sign_in_as, db_session, frozen_clock):
    alex = make_user(db_session, "worker", display_name="Alex Murray")
    jaz = make_client(db_session, alex, nickname="Jaz")
    make_client(db_session, make_user(db_session, "worker"), nickname="Someone Else")
    make_assessment(db_session, jaz, support_level="ongoing")
    episode = make_episode(db_session, jaz)
    make_plan(db_session, jaz, episode, review_on=date(2026, 3, 1))
    make_note(db_session, jaz, by=alex, contact_at=on(date(2026, 2, 20)))
    sign_in_as("senior")
    page = text_of(client.get(f"/team/caseloads/{alex.id}").text)
    assert "People Alex Murray supports" in page
    assert "Jaz Ongoing Friday 20 February Sunday 1 March Late Never" in page
    assert "Someone Else" not in page
    assert "Move to a new worker" in page and "Check this file" in page


def test_the_page_asks_the_same_number_of_queries_for_more_workers_and_people(
    app, client, sign_in_as, db_session, frozen_clock
):
    def add_team(workers: int, each: int):
        for _ in range(workers):
            worker = make_user(db_session, "worker")
            for _ in range(each):
                person = make_client(db_session, worker)
                make_assessment(db_session, person, support_level="ongoing")
                episode = make_episode(db_session, person)
                make_plan(db_session, person, episode, review_on=TODAY)
                make_note(db_session, person, by=worker, contact_at=on(date(2026, 3, 2)))

    sign_in_as("senior")
    add_team(1, 1)
    client.get("/team/caseloads")  # the first page of a session asks a few questions once
    with counting_queries(app) as small:
        client.get("/team/caseloads")
    add_team(5, 4)
    with counting_queries(app) as large:
        client.get("/team/caseloads")
    assert len(large) == len(small)


@pytest.mark.parametrize("role", ["frontdesk", "trainee", "worker"])
def test_only_seniors_and_the_manager_see_caseloads(client, sign_in_as, db_session, role):
    worker = make_user(db_session, "worker")
    sign_in_as(role)
    assert client.get("/team/caseloads").status_code == 404
    assert client.get(f"/team/caseloads/{worker.id}").status_code == 404


@pytest.mark.parametrize("role", ["senior", "manager"])
def test_seniors_and_the_manager_see_caseloads(client, sign_in_as, db_session, role):
    """They see each worker's row with the people they support, not just a page."""
    worker = make_user(db_session, "worker", display_name="Dan Kelly")
    make_client(db_session, worker)
    sign_in_as(role)
    page = text_of(client.get("/team/caseloads").get_data(as_text=True))
    assert "Dan Kelly" in row_of(page, "Dan Kelly")
