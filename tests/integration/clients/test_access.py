"""Who may see a file: own caseload and picked-up handovers, seniors all, cover with a reason,
and front of house and trainees never (every client URL)."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from app import clock
from app.models import AuditEvent, CoverAccess, Handover
from tests.factories import make_user
from tests.factories.clients import (
    make_assessment,
    make_client,
    make_consent,
    make_episode,
)
from tests.pagecheck import text_of


@pytest.fixture
def full_file(db_session):
    worker = make_user(db_session, "worker")
    client = make_client(db_session, worker, nickname="Wren")
    consent = make_consent(db_session, client)
    episode = make_episode(db_session, client)
    assessment = make_assessment(db_session, client)
    from app.models import AccessRequest, Allocation, AllocationRequest, RegistrationDraft

    request = AccessRequest(client_id=client.id, kind="access", received_on=episode.opened_on)
    db_session.add(request)
    draft = RegistrationDraft(
        kind="consent", client_id=client.id, answers={}, created_by_id=worker.id
    )
    db_session.add(draft)
    cover = CoverAccess(
        client_id=client.id,
        user_id=worker.id,
        reason="Covering for a colleague who is away",
        until=clock.now(),
    )
    asked = AllocationRequest(client_id=client.id, worker_id=worker.id, reason="Fits well")
    db_session.add_all([cover, asked])
    db_session.commit()
    allocation = db_session.scalars(select(Allocation)).first()
    return {
        "worker": worker,
        "client_id": client.id,
        "consent_id": consent.id,
        "episode_id": episode.id,
        "assessment_id": assessment.id,
        "request_id": request.id,
        "draft_id": draft.id,
        "allocation_id": allocation.id,
        "handover_id": 1,
        "step_key": "name",
        "allocation": allocation,
        "cover_id": cover.id,
        "asked_id": asked.id,
        "other_id": client.id,  # merging and linking (a file to itself: refused)
        "link_id": 1,
        "child_id": 1,
        "disclosure_id": 1,  # confidentiality (issue 15)
        "known_id": 1,
        "member_id": 1,  # a care team member (none here)
    }


def client_urls(app, ids):
    """Every URL of the clients area, filled in with the ids of a real file."""
    urls = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("clients."):
            continue
        url = rule.rule
        for name in rule.arguments:
            url = url.replace(f"<int:{name}>", str(ids[name])).replace(f"<{name}>", str(ids[name]))
        urls.append((url, sorted(rule.methods - {"HEAD", "OPTIONS"})))
    return urls


@pytest.mark.parametrize("role", ["frontdesk", "trainee"])
def test_front_of_house_and_trainees_never_reach_a_client_url(
    app, client, sign_in_as, full_file, role
):
    sign_in_as(role)
    urls = client_urls(app, full_file)
    assert len(urls) >= 25
    for url, methods in urls:
        for method in methods:
            response = client.open(url, method=method, data={})
            assert response.status_code == 404, (method, url, response.status_code)


def test_signed_out_people_go_to_sign_in(app, client, full_file):
    for url, methods in client_urls(app, full_file):
        if "GET" in methods:
            assert client.get(url).status_code == 302, url


def test_a_worker_sees_their_own_file_and_not_others(client, sign_in_as, db_session):
    me = sign_in_as("worker")
    other = make_user(db_session, "worker")
    mine = make_client(db_session, me)
    theirs = make_client(db_session, other)
    assert client.get(f"/clients/{mine.id}").status_code == 200
    for path in ("", "/details", "/consents", "/assessment", "/episodes", "/requests", "/copy"):
        assert client.get(f"/clients/{theirs.id}{path}").status_code == 404, path
    assert client.get("/clients/999999").status_code == 404


def test_every_page_of_a_file_works_for_its_worker_and_a_senior(
    client, sign_in_as, db_session, full_file
):
    c = full_file["client_id"]
    pages = [
        f"/clients/{c}",
        f"/clients/{c}/details",
        f"/clients/{c}/details/name",
        f"/clients/{c}/details/drugs",
        f"/clients/{c}/consents",
        f"/clients/{c}/consents/{full_file['consent_id']}",
        f"/clients/{c}/consents/{full_file['consent_id']}/print",
        f"/clients/{c}/assessment",
        f"/clients/{c}/assessment/{full_file['assessment_id']}",
        f"/clients/{c}/workers",
        f"/clients/{c}/episodes",
        f"/clients/{c}/episodes/{full_file['episode_id']}",
        f"/clients/{c}/requests",
        f"/clients/{c}/copy",
        "/clients/search",
        "/clients/new",
    ]
    for who in (
        full_file["worker"],
        make_user(db_session, "senior"),
        make_user(db_session, "manager"),
    ):
        sign_in_as(user=who)
        for page in pages:
            assert client.get(page).status_code == 200, (who.role, page)


def test_seniors_and_managers_see_every_file(client, sign_in_as, db_session):
    worker = make_user(db_session, "worker")
    someone = make_client(db_session, worker)
    for role in ("senior", "manager"):
        sign_in_as(role)
        assert client.get(f"/clients/{someone.id}").status_code == 200


def test_a_worker_sees_a_file_from_a_handover_they_picked_up(client, sign_in_as, db_session):
    me = sign_in_as("worker")
    other = make_user(db_session, "worker")
    person = make_client(db_session, other)
    db_session.add(
        Handover(
            day=person.created_at.date(),
            urgency="ongoing",
            reach="here",
            picked_up_by_id=me.id,
            client_id=person.id,
            status="picked_up",
        )
    )
    db_session.commit()
    assert client.get(f"/clients/{person.id}").status_code == 200


def test_every_open_of_a_file_is_in_the_audit_log(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    client.get(f"/clients/{person.id}")
    client.get(f"/clients/{person.id}/consents")
    events = fetch(
        select(AuditEvent).where(
            AuditEvent.action == "client.viewed", AuditEvent.client_id == person.id
        )
    )
    assert [e.detail["page"] for e in events] == ["file", "consents"]
    assert all(e.created_by_id == me.id for e in events)


def an_experienced_worker(db_session, **fields):
    """A worker past their first weeks who supports people: they may open a file to cover."""
    worker = make_user(db_session, "worker", created_at=clock.now() - timedelta(days=60), **fields)
    make_client(db_session, worker)
    return worker


REASON = {
    "kind": "here_now",
    "covering_for": "",
    "reason": "Priya is away and Fern came in needing help with a form.",
}


def test_covering_worker_opens_a_file_with_a_reason_and_the_manager_sees_it(
    client, sign_in_as, db_session, fetch
):
    other = make_user(db_session, "worker", display_name="Priya Sharma")
    person = make_client(db_session, other, nickname="Fern")
    me = sign_in_as(user=an_experienced_worker(db_session, display_name="Alex Murray"))
    response = client.post("/clients/search", data={"q": "fern"})
    page = text_of(response.get_data(as_text=True))
    assert "Not your file: open with a reason" in page
    assert client.get(f"/clients/{person.id}").status_code == 404
    response = client.post(f"/clients/{person.id}/cover", data={"reason": ""})
    assert "Write what is happening, in your own words" in response.get_data(as_text=True)
    response = client.post(
        f"/clients/{person.id}/cover",
        data={**REASON, "kind": "away", "covering_for": str(other.id)},
    )
    assert response.status_code == 303
    assert client.get(f"/clients/{person.id}").status_code == 200
    [cover] = fetch(select(CoverAccess))
    assert cover.user_id == me.id and cover.reason == REASON["reason"]
    assert fetch(select(AuditEvent).where(AuditEvent.action == "client.cover_opened"))

    sign_in_as("manager")
    page = text_of(client.get("/clients/cover-log").get_data(as_text=True))
    assert "Alex Murray" in page and "Covering for Priya Sharma" in page
    assert "Files opened while covering" in text_of(client.get("/").get_data(as_text=True))


def test_cover_ends_at_the_end_of_the_day(client, sign_in_as, db_session, frozen_clock):
    other = make_user(db_session, "worker")
    person = make_client(db_session, other, nickname="Wren")
    me = sign_in_as(user=an_experienced_worker(db_session))
    client.post("/clients/search", data={"q": "wren"})
    client.post(f"/clients/{person.id}/cover", data=REASON)
    assert client.get(f"/clients/{person.id}").status_code == 200
    frozen_clock.advance(hours=13)  # 1am the next day in Canberra
    sign_in_as(user=me)
    assert client.get(f"/clients/{person.id}").status_code == 404


def test_the_reason_page_is_only_for_files_a_search_found(client, sign_in_as, db_session):
    other = make_user(db_session, "worker")
    person = make_client(db_session, other, nickname="Moss")
    make_client(db_session, other, nickname="Reed")
    sign_in_as("worker")
    # A file number nobody searched for looks the same as one that does not exist.
    assert client.get(f"/clients/{person.id}/cover").status_code == 404
    assert client.get("/clients/999999/cover").status_code == 404
    client.post("/clients/search", data={"q": "reed"})
    assert client.get(f"/clients/{person.id}/cover").status_code == 404
    client.post("/clients/search", data={"q": "moss"})
    assert client.get(f"/clients/{person.id}/cover").status_code == 200


def test_workers_cannot_see_the_cover_log(client, sign_in_as):
    sign_in_as("worker")
    assert client.get("/clients/cover-log").status_code == 404


def test_the_copy_of_a_file_lists_who_opened_it(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker", display_name="Alex Murray")
    person = make_client(db_session, me)
    client.get(f"/clients/{person.id}")
    page = text_of(client.get(f"/clients/{person.id}/copy").get_data(as_text=True))
    assert "Who opened your file" in page and "Alex Murray" in page
    client.post(f"/clients/{person.id}/copy")
    assert fetch(select(AuditEvent).where(AuditEvent.action == "client.copy_given"))
    timeline = text_of(client.get(f"/clients/{person.id}").get_data(as_text=True))
    assert "Given a copy of their file" in timeline


def test_search_is_posted_so_names_never_sit_in_a_url(client, sign_in_as, db_session):
    me = sign_in_as("worker")
    make_client(db_session, me, given_name="Quinn", family_name="O'Mara")
    response = client.post("/clients/search", data={"q": "quinn omara"})
    assert "Quinn" in text_of(response.get_data(as_text=True))
    html = client.get("/clients/search").get_data(as_text=True)
    assert re.search(r'<form method="post" action="/clients/search"', html)
