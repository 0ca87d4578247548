"""People linked to each other, and children who are not clients (issue 17).

A link is saved once and shows on both files, turned round (a parent there is a child
here). A person sees a link only to a file they may open themselves, and nothing at all
otherwise: a link never tells who else is a client."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from app.clients import links
from app.models import AuditEvent, Client, ClientChild, ClientLink, TimelineEntry
from tests.factories import make_user
from tests.factories.clients import make_client
from tests.pagecheck import text_of


def page_of(client, person) -> str:
    response = client.get(f"/clients/{person.id}")
    assert response.status_code == 200
    return text_of(response.get_data(as_text=True))


@pytest.fixture
def family(sign_in_as, db_session):
    """A worker's two people: Rhonda and her son Jayden."""
    worker = sign_in_as("worker", display_name="Priya")
    rhonda = make_client(db_session, worker, given_name="Rhonda", family_name="Birch")
    jayden = make_client(db_session, worker, given_name="Jayden", family_name="Birch")
    return worker, rhonda, jayden


def link(client, a, b, kind="child", note=""):
    return client.post(f"/clients/{a.id}/links/new/{b.id}", data={"kind": kind, "note": note})


def test_a_link_is_one_row_shown_on_both_files_turned_round(client, family, fetch):
    worker, rhonda, jayden = family

    response = link(client, rhonda, jayden, "child", "Lives with Rhonda")

    assert response.status_code == 303
    rows = fetch(select(ClientLink))
    assert [(r.client_id, r.other_client_id, r.kind) for r in rows] == [
        (rhonda.id, jayden.id, "child")
    ]
    assert "Child: Jayden" in page_of(client, rhonda)
    assert "Parent: Rhonda" in page_of(client, jayden)
    on_timelines = fetch(select(TimelineEntry).where(TimelineEntry.kind == "linked"))
    assert {e.client_id for e in on_timelines} == {rhonda.id, jayden.id}
    # The timeline line names nobody: it is read by everyone who may open the file.
    assert all("Jayden" not in e.summary and "Rhonda" not in e.summary for e in on_timelines)
    assert fetch(select(AuditEvent).where(AuditEvent.action == "client.linked"))


def test_someone_who_may_open_only_one_file_sees_no_link_at_all(
    client, family, sign_in_as, db_session
):
    worker, rhonda, jayden = family
    link(client, rhonda, jayden, "child")
    before = page_of(client, rhonda)
    # Rhonda moves to another worker, who may not open Jayden's file.
    other_worker = make_user(db_session, "worker", display_name="Ben")
    db_session.execute(
        update(Client).where(Client.id == rhonda.id).values(worker_id=other_worker.id)
    )
    db_session.commit()

    sign_in_as(user=other_worker)
    seen = page_of(client, rhonda)

    assert "Jayden" not in seen
    assert "Child:" not in seen
    assert "No links to other files or children written down." in seen
    assert "hidden" not in seen.lower()
    assert "Jayden" in before
    # Nor can they reach the link's pages.
    the_link = db_session.scalar(select(ClientLink))
    assert client.get(f"/clients/{rhonda.id}/links/{the_link.id}/remove").status_code == 404


def test_choosing_the_other_file_offers_only_files_they_may_open(
    client, family, sign_in_as, db_session
):
    worker, rhonda, jayden = family
    stranger = make_client(db_session, make_user(db_session, "worker"), given_name="Jaylene")
    found = client.post(f"/clients/{rhonda.id}/links/new", data={"q": "Jay"})
    words = text_of(found.get_data(as_text=True))
    assert "Jayden" in words
    assert "Jaylene" not in words
    assert client.get(f"/clients/{rhonda.id}/links/new/{stranger.id}").status_code == 404
    assert link(client, rhonda, stranger, "friend").status_code == 404


@pytest.mark.parametrize(
    "case, message",
    [
        ("itself", links.TO_ITSELF),
        ("twice", links.ALREADY),
        ("merged", links.MERGED),
    ],
)
def test_bad_links_are_refused_with_a_clear_message(
    client, family, db_session, fetch, case, message
):
    worker, rhonda, jayden = family
    if case == "twice":
        link(client, jayden, rhonda, "parent")
    if case == "merged":
        db_session.execute(
            update(Client).where(Client.id == jayden.id).values(merged_into_id=rhonda.id)
        )
        db_session.commit()
    before = len(fetch(select(ClientLink)))
    other = rhonda if case == "itself" else jayden

    response = link(client, rhonda, other, "family")

    assert response.status_code == 200
    assert message in text_of(response.get_data(as_text=True))
    assert len(fetch(select(ClientLink))) == before


def test_taking_off_a_link_keeps_it_on_both_timelines(client, family, fetch):
    worker, rhonda, jayden = family
    link(client, rhonda, jayden, "child")
    the_link = fetch(select(ClientLink))[0]
    url = f"/clients/{jayden.id}/links/{the_link.id}/remove"
    assert client.get(url).status_code == 200

    missing = client.post(url, data={"reason": ""})
    assert "Say why it is taken off" in text_of(missing.get_data(as_text=True))
    response = client.post(url, data={"reason": "Written on the wrong person"})

    assert response.status_code == 303
    kept = fetch(select(ClientLink))[0]
    assert kept.removed_at is not None and kept.removed_reason == "Written on the wrong person"
    lines = fetch(select(TimelineEntry).where(TimelineEntry.kind == "link_removed"))
    assert {e.client_id for e in lines} == {rhonda.id, jayden.id}
    assert "Jayden" not in page_of(client, rhonda)
    # Taken off, they may be linked again.
    assert link(client, rhonda, jayden, "child").status_code == 303


def test_a_child_who_is_not_a_client_on_the_parents_file(
    client, family, sign_in_as, db_session, fetch
):
    worker, rhonda, jayden = family
    response = client.post(
        f"/clients/{rhonda.id}/children/new",
        data={"name": "Kayla", "born_year": "2019", "lives_with": "In CYF care"},
    )
    assert response.status_code == 303
    page = page_of(client, rhonda)
    assert "Kayla" in page and "born 2019" in page and "In CYF care" in page
    child = fetch(select(ClientChild))[0]

    change = f"/clients/{rhonda.id}/children/{child.id}"
    form = client.get(change).get_data(as_text=True)
    version = form.split('name="version"')[1].split('value="')[1].split('"')[0]
    response = client.post(
        change,
        data={
            "version": version,
            "name": "Kayla",
            "born_year": "2019",
            "lives_with": "With her nan",
        },
    )
    assert response.status_code == 303
    assert "With her nan" in page_of(client, rhonda)

    bad = client.post(change, data={"version": version, "name": "Kayla", "born_year": "19x"})
    assert "Enter the year born as 4 numbers" in text_of(bad.get_data(as_text=True))

    # Only those who may open the file see the child or reach the pages.
    sign_in_as("worker")
    assert client.get(f"/clients/{rhonda.id}").status_code == 404
    assert client.get(change).status_code == 404

    sign_in_as(user=worker)
    response = client.post(f"{change}/remove", data={"reason": "Written on the wrong file"})
    assert response.status_code == 303
    assert "Children who are not clients" not in page_of(client, rhonda)
    assert fetch(select(ClientChild))[0].removed_reason == "Written on the wrong file"
