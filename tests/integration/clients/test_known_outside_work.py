"""Workers who know a person outside work (a dual relationship), issue 15.

Model of care: "How will your organisation respond if/when you become aware that a peer
worker is friends with a service user outside of work?" Here: it is written on the file, and
the file never goes to that worker, by any path (one rule: clients.refuse_if_known).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app import clock
from app.models import (
    Allocation,
    AllocationRequest,
    CareTeamMember,
    Client,
    CoverAccess,
    Handover,
    KnownOutsideWork,
    Reallocation,
)
from tests.factories import make_user
from tests.factories.clients import make_client
from tests.factories.frontdesk import make_handover
from tests.pagecheck import text_of
from tests.versions import version_at

REFUSAL = "Sam Friend has said they know this person outside work, so the file cannot go to them."


def page_text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return text_of(response.get_data(as_text=True))


def knows(db_session, person, worker, by=None) -> KnownOutsideWork:
    record = KnownOutsideWork(
        client_id=person.id, worker_id=worker.id, how="friends", created_by_id=(by or worker).id
    )
    db_session.add(record)
    db_session.commit()
    return record


def people(db_session):
    """Tam, supported by Alex; Sam, who is Tam's friend outside work."""
    alex = make_user(db_session, "worker", display_name="Alex Murray")
    sam = make_user(
        db_session,
        "worker",
        display_name="Sam Friend",
        created_at=clock.now() - timedelta(days=60),
    )
    make_client(db_session, sam, nickname="Someone else")  # Sam supports someone: may cover
    tam = make_client(db_session, alex, nickname="Tam")
    return alex, sam, tam


def allocations_of(fetch, person):
    return [
        (a.worker_id, a.ended_on) for a in fetch(select(Allocation)) if a.client_id == person.id
    ]


# --- saying so ------------------------------------------------------------------------------


def test_a_worker_says_they_know_the_person_on_their_own_file(
    client, sign_in_as, db_session, fetch
):
    me = sign_in_as("worker", display_name="Alex Murray")
    tam = make_client(db_session, me, nickname="Tam")
    url = f"/clients/{tam.id}/known-outside-work"
    assert "I know this person outside work" in page_text(client, url)
    response = client.post(url, data={"how": "neighbours", "note": "Same block of flats"})
    assert response.status_code == 303
    [record] = fetch(select(KnownOutsideWork))
    assert (record.worker_id, record.how, record.created_by_id) == (me.id, "neighbours", me.id)
    page = page_text(client, url)
    assert "Has the file now: move it" in page
    assert "Knows them outside work" in page_text(client, f"/clients/{tam.id}")

    # Saying it twice adds nothing.
    response = client.post(url, data={"how": "friends"})
    assert response.status_code == 200
    assert "Alex Murray has said so already." in text_of(response.get_data(as_text=True))
    assert len(fetch(select(KnownOutsideWork))) == 1

    # Seniors see it on the caseloads page.
    sign_in_as("senior")
    caseloads = page_text(client, "/team/caseloads")
    assert "Workers who know someone outside work" in caseloads
    assert "Tam: Alex Murray, neighbours. Has the file now: move it" in caseloads


def test_a_senior_writes_it_for_a_worker_who_cannot_open_the_file(
    client, sign_in_as, db_session, fetch
):
    alex, sam, tam = people(db_session)
    # Sam cannot open Tam's file, so cannot say it there.
    sign_in_as(user=sam)
    assert client.get(f"/clients/{tam.id}/known-outside-work").status_code == 404
    guide = page_text(client, "/clients/known-outside-work")
    assert "If you cannot open their file, tell a senior" in guide
    assert "How to say so" in page_text(client, "/account")

    senior = sign_in_as("senior", display_name="Rosa Tuilagi")
    url = f"/clients/{tam.id}/known-outside-work"
    assert "Write it down for a worker" in page_text(client, url)
    response = client.post(url, data={"worker_id": str(sam.id), "how": "friends"})
    assert response.status_code == 303
    [record] = fetch(select(KnownOutsideWork))
    assert (record.worker_id, record.created_by_id) == (sam.id, senior.id)
    file_page = page_text(client, f"/clients/{tam.id}")
    assert "Knows them outside work Sam Friend See why" in file_page

    # Sam sees what was written for them; Alex, Tam's worker, does not see it on the file.
    sign_in_as(user=sam)
    assert "Tam: friends." in page_text(client, "/clients/known-outside-work")
    sign_in_as(user=alex)
    assert "Knows them outside work" not in page_text(client, f"/clients/{tam.id}")
    assert "Sam Friend" not in page_text(client, f"/clients/{tam.id}/known-outside-work")


def test_who_may_see_or_end_it(client, sign_in_as, db_session, fetch):
    alex, sam, tam = people(db_session)
    record = knows(db_session, tam, sam)
    url = f"/clients/{tam.id}/known-outside-work"
    end = f"{url}/{record.id}/end"
    for role in ("worker", "frontdesk", "trainee"):
        sign_in_as(role)
        assert client.get(url).status_code == 404, role
        assert client.post(url, data={"how": "friends"}).status_code == 404, role
        assert client.post(end, data={f"k{record.id}-reason": "Mistake"}).status_code == 404
    sign_in_as(user=alex)  # the file's worker may not end it
    assert client.post(end, data={f"k{record.id}-reason": "Mistake"}).status_code == 404
    assert fetch(select(KnownOutsideWork))[0].ended_at is None

    sign_in_as("senior")
    response = client.post(end, data={f"k{record.id}-reason": ""})
    assert "Write why it was a mistake" in page_text(client, url)
    assert fetch(select(KnownOutsideWork))[0].ended_at is None
    response = client.post(end, data={f"k{record.id}-reason": "Wrong Sam: it was Sam Lee"})
    assert response.status_code == 303
    [ended] = fetch(select(KnownOutsideWork))
    assert ended.ended_reason == "Wrong Sam: it was Sam Lee"  # kept, with why
    assert "Nobody has said they know this person outside work." in page_text(client, url)


# --- the file never goes to them --------------------------------------------------------


def test_a_senior_cannot_give_the_file_to_a_worker_who_knows_them(
    client, sign_in_as, db_session, fetch
):
    alex, sam, tam = people(db_session)
    knows(db_session, tam, sam)
    sign_in_as("senior")
    url = f"/clients/{tam.id}/workers"
    page = page_text(client, url)
    assert "Sam Friend (1 people now). Knows this person outside work: cannot have this file" in (
        page
    )
    before = allocations_of(fetch, tam)
    response = client.post(
        url, data={"version": version_at(client, url), "worker_id": sam.id, "reason": "Free now"}
    )
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "There is a problem" in page and REFUSAL in page
    assert fetch(select(Client.worker_id).where(Client.id == tam.id)) == [alex.id]
    assert allocations_of(fetch, tam) == before


def test_a_worker_does_not_see_them_in_the_list_and_cannot_ask_for_them(
    client, sign_in_as, db_session, fetch
):
    alex, sam, tam = people(db_session)
    knows(db_session, tam, sam)
    sign_in_as(user=alex)
    url = f"/clients/{tam.id}/workers"
    assert "Sam Friend" not in page_text(client, url)
    response = client.post(url, data={"version": version_at(client, url), "worker_id": sam.id})
    assert response.status_code == 200
    assert fetch(select(AllocationRequest)) == []


def test_a_seniors_yes_to_an_earlier_request_is_refused(client, sign_in_as, db_session, fetch):
    alex, sam, tam = people(db_session)
    asked = AllocationRequest(
        client_id=tam.id, worker_id=sam.id, reason="Sam is free", created_by_id=alex.id
    )
    db_session.add(asked)
    db_session.commit()
    knows(db_session, tam, sam)  # said after the request was made
    sign_in_as("senior")
    response = client.post(
        f"/clients/{tam.id}/allocation-requests/{asked.id}/answer", data={"answer": "yes"}
    )
    assert response.status_code == 303
    assert REFUSAL in page_text(client, f"/clients/{tam.id}/workers")
    assert fetch(select(AllocationRequest))[0].state == "waiting"
    assert fetch(select(Client.worker_id).where(Client.id == tam.id)) == [alex.id]


def test_re_allocation_to_a_worker_who_knows_them_is_refused(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    alex, sam, tam = people(db_session)
    knows(db_session, tam, sam)
    sign_in_as("senior")
    url = f"/team/people/{tam.id}/reallocate"
    assert "Knows this person outside work: cannot have this file" in page_text(client, url)
    today = clock.today()
    response = client.post(
        url,
        data={
            "version": version_at(client, url),
            "worker_id": str(sam.id),
            "reason": "Sam has room for one more.",
            "person_view": "agrees",
            "handover_note": "Likes to meet at the drop-in.",
            "handover_on-day": str(today.day),
            "handover_on-month": str(today.month),
            "handover_on-year": str(today.year),
        },
    )
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "There is a problem" in page and REFUSAL in page
    assert fetch(select(Reallocation)) == []
    assert fetch(select(Client.worker_id).where(Client.id == tam.id)) == [alex.id]
    assert len(allocations_of(fetch, tam)) == 1


def test_a_worker_who_knows_them_cannot_open_the_file_to_cover(
    client, sign_in_as, db_session, fetch
):
    alex, sam, tam = people(db_session)
    knows(db_session, tam, sam)
    sign_in_as(user=sam)
    client.post("/clients/search", data={"q": "tam"})
    response = client.post(
        f"/clients/{tam.id}/cover",
        data={"kind": "here_now", "covering_for": "", "reason": "Tam is at the desk right now."},
    )
    assert response.status_code == 200
    assert REFUSAL in text_of(response.get_data(as_text=True))
    assert fetch(select(CoverAccess)) == []
    assert client.get(f"/clients/{tam.id}").status_code == 404


def test_a_warm_handover_for_their_file_is_not_matched_to_them_nor_picked_up(
    client, sign_in_as, db_session, fetch
):
    alex, sam, tam = people(db_session)
    sam.shared_experience = ["omt"]
    db_session.commit()
    knows(db_session, tam, sam)
    handover = make_handover(db_session, alex, name="Tam", needs=["omt"], client_id=tam.id)
    other = make_handover(db_session, alex, name="Jo", needs=["omt"])
    sign_in_as("senior")  # the matches name Sam for Jo, never for Tam
    assert "Sam Friend" in page_text(client, f"/frontdesk/handovers/{other.id}")
    assert "Sam Friend" not in page_text(client, f"/frontdesk/handovers/{handover.id}")
    sign_in_as(user=sam)
    response = client.post(f"/frontdesk/handovers/{handover.id}/pick-up")
    assert response.status_code == 303
    assert REFUSAL in page_text(client, f"/frontdesk/handovers/{handover.id}")
    [saved] = fetch(select(Handover).where(Handover.id == handover.id))
    assert (saved.status, saved.picked_up_by_id) == ("waiting", None)


def test_after_a_senior_ends_it_the_file_can_go_to_them(client, sign_in_as, db_session, fetch):
    alex, sam, tam = people(db_session)
    record = knows(db_session, tam, sam)
    sign_in_as("senior")
    client.post(
        f"/clients/{tam.id}/known-outside-work/{record.id}/end",
        data={f"k{record.id}-reason": "A mistake"},
    )
    url = f"/clients/{tam.id}/workers"
    response = client.post(
        url, data={"version": version_at(client, url), "worker_id": sam.id, "reason": "Free now"}
    )
    assert response.status_code == 303
    assert fetch(select(Client.worker_id).where(Client.id == tam.id)) == [sam.id]


def test_a_handover_they_picked_up_is_not_linked_to_the_file_of_someone_they_know(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    """Linking the handover to the existing file would give them the file."""
    alex, sam, tam = people(db_session)
    tam.given_name = "Tamsin"
    db_session.commit()
    knows(db_session, tam, sam)
    handover = make_handover(
        db_session, alex, name="Tamsin", status="picked_up", picked_up_by_id=sam.id
    )
    sign_in_as(user=sam)
    started = client.get(f"/clients/start-from-handover/{handover.id}")
    draft_id = int(started.headers["Location"].split("/")[3])
    client.post(f"/clients/new/{draft_id}/name", data={"given_name": "Tamsin"})
    assert "Is this someone we know?" in page_text(client, f"/clients/new/{draft_id}/check")
    response = client.post(f"/clients/new/{draft_id}/check", data={"action": f"same:{tam.id}"})
    assert response.headers["Location"].endswith(f"/clients/new/{draft_id}/check")
    assert REFUSAL in page_text(client, f"/clients/new/{draft_id}/check")
    assert fetch(select(Handover.client_id).where(Handover.id == handover.id)) == [None]
    assert client.get(f"/clients/{tam.id}").status_code == 404


def test_someone_who_knows_them_is_not_offered_for_the_care_team_and_cannot_be_added(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    """A care team opens the file, so the one rule holds there too."""
    alex, sam, tam = people(db_session)
    knows(db_session, tam, sam)
    sign_in_as(user=alex)
    url = f"/clients/{tam.id}/team"
    assert "Sam Friend" not in page_text(client, url).split("Add someone", 1)[-1]
    response = client.post(
        url,
        data={
            "person": str(sam.id),
            "role_words": "Goes to court with them",
            "agreed": "y",
            "agreed_on-day": "2",
            "agreed_on-month": "3",
            "agreed_on-year": "2026",
        },
    )
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "There is a problem" in page and REFUSAL in page
    assert fetch(select(CareTeamMember)) == []
    sign_in_as(user=sam)
    assert client.get(f"/clients/{tam.id}").status_code == 404
