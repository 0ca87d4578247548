"""Cover access (break glass) done properly (issue 13): a reason from a short list and a
sentence; the file's worker and the seniors see each opening at once and a senior reviews it;
a narrow view until the end of the day; cover never changes who the worker is; new workers
and workers with nobody to support ask a senior first."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app import clock
from app.clients import cover as cover_rules
from app.models import (
    AllocationRequest,
    Appointment,
    AuditEvent,
    CaseNote,
    Client,
    CoverAccess,
)
from tests.factories import make_user
from tests.factories.care import make_appointment, make_note, make_person, make_plan
from tests.factories.clients import make_assessment, make_client, make_consent
from tests.factories.partners import make_partner
from tests.integration.care.conftest import get_urls
from tests.pagecheck import text_of
from tests.versions import version_at

SENTENCE = "Tam came to the drop-in and needs help with a housing form today."


def reason(kind="here_now", covering_for="", words=SENTENCE) -> dict:
    return {"kind": kind, "covering_for": str(covering_for), "reason": words}


def an_experienced_worker(db_session, **fields):
    """A worker past their first weeks who supports someone: they may open a file to cover."""
    worker = make_user(db_session, "worker", created_at=clock.now() - timedelta(days=60), **fields)
    make_client(db_session, worker)
    return worker


def open_with_cover(client, person, data=None, search="tam"):
    """Search (so the file is one the worker found), then give the reason."""
    client.post("/clients/search", data={"q": search})
    return client.post(f"/clients/{person.id}/cover", data=data or reason())


def page_text(client, url) -> str:
    return text_of(client.get(url).get_data(as_text=True))


# --- 1. a reason from the list and a sentence in your own words -----------------------------


def test_1_opening_a_file_needs_a_reason_from_the_list_and_a_sentence(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    dan = make_user(db_session, "worker", display_name="Dan Kelly")
    person = make_client(db_session, dan, nickname="Tam")
    me = sign_in_as(user=an_experienced_worker(db_session))
    client.post("/clients/search", data={"q": "tam"})
    page = page_text(client, f"/clients/{person.id}/cover")
    for words in (
        "I am covering for their worker, who is away today",
        "The person is here and needs help now",
        "I have a safety concern",
    ):
        assert words in page
    url = f"/clients/{person.id}/cover"
    refused = [
        (reason(words="x"), "Write a full sentence about what is happening"),
        (reason(words="just looking"), "Write a full sentence about what is happening"),
        (reason(words="a b c d e f"), "Write a full sentence about what is happening"),
        ({**reason(), "kind": ""}, "Choose why you need to open this file"),
        (reason(kind="away"), "Choose the worker you are covering for"),
        (reason(kind="away", covering_for=999999), "Choose a worker from the list"),
    ]
    for data, message in refused:
        response = client.post(url, data=data)
        assert response.status_code == 200, data
        assert message in text_of(response.get_data(as_text=True)), data
    assert fetch(select(CoverAccess)) == []
    assert client.get(f"/clients/{person.id}").status_code == 404

    response = client.post(url, data=reason(kind="away", covering_for=dan.id))
    assert response.status_code == 303
    [cover] = fetch(select(CoverAccess))
    assert (cover.user_id, cover.reason_kind, cover.covering_for_id) == (me.id, "away", dan.id)
    assert cover.reason == SENTENCE and cover.state == "open"
    [event] = fetch(select(AuditEvent).where(AuditEvent.action == "client.cover_opened"))
    assert event.detail["reason"] == "away" and SENTENCE not in str(event.detail)


# --- 2. the file's worker and the seniors see it at once; a senior reviews it ------------------


def test_2_the_files_worker_and_the_seniors_see_the_opening_and_a_senior_reviews_it(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    dan = make_user(db_session, "worker", display_name="Dan Kelly")
    person = make_client(db_session, dan, nickname="Tam")
    alex = an_experienced_worker(db_session, display_name="Alex Murray")
    sign_in_as(user=alex)
    open_with_cover(client, person, reason(kind="away", covering_for=dan.id))
    line = "Alex Murray opened Tam's file: covering for Dan Kelly, 12:00pm"

    sign_in_as(user=dan)
    home = page_text(client, "/")
    assert "Your files opened by someone else" in home and line in home

    senior = sign_in_as("senior", display_name="Sam Senior")
    home = page_text(client, "/")
    assert "To review" in home and line in home and SENTENCE in home
    [cover] = fetch(select(CoverAccess))
    response = client.post(f"/clients/cover/{cover.id}/reviewed")
    assert response.status_code == 303 and response.headers["Location"].endswith("/")
    [cover] = fetch(select(CoverAccess))
    assert cover.reviewed_by_id == senior.id and cover.reviewed_at == clock.now()
    assert fetch(select(AuditEvent).where(AuditEvent.action == "client.cover_reviewed"))
    assert "To review" not in page_text(client, "/")
    log = page_text(client, "/clients/cover-log")
    assert "Reviewed by Sam Senior" in log and "Alex Murray" in log

    # Workers cannot mark one reviewed.
    sign_in_as(user=dan)
    assert client.post(f"/clients/cover/{cover.id}/reviewed").status_code == 404


def test_2_unreviewed_openings_older_than_7_days_are_flagged_to_the_manager(
    client, sign_in_as, db_session, frozen_clock
):
    dan = make_user(db_session, "worker", display_name="Dan Kelly")
    alex = an_experienced_worker(db_session, display_name="Alex Murray")
    old, new = make_client(db_session, dan, nickname="Tam"), make_client(db_session, dan)
    for person, days in ((old, cover_rules.REVIEW_WITHIN_DAYS + 1), (new, 1)):
        db_session.add(
            CoverAccess(
                client_id=person.id,
                user_id=alex.id,
                reason_kind="safety",
                reason=SENTENCE,
                until=clock.now() - timedelta(days=days - 1),
                created_at=clock.now() - timedelta(days=days),
            )
        )
    db_session.commit()
    sign_in_as("manager")
    home = page_text(client, "/")
    assert "1 not reviewed for more than 7 days" in home
    assert home.count("Not reviewed for more than 7 days") == 1
    log = page_text(client, "/clients/cover-log")
    assert log.count("Not reviewed for more than 7 days") == 1
    assert "Not reviewed yet" in log  # the newer one: listed, not flagged


# --- 3. a narrower view, until the end of the day ------------------------------------------


def test_3_cover_shows_a_narrow_view_and_refuses_the_rest_of_the_file(
    client, sign_in_as, db_session, frozen_clock
):
    dan = make_user(db_session, "worker", display_name="Dan Kelly")
    person, episode = make_person(
        db_session, dan, nickname="Tam", phone="0412 345 678", ok_to_call="yes"
    )
    make_assessment(db_session, person, risks="Overdose risk when using alone")
    consent = make_consent(db_session, person)
    plan = make_plan(db_session, person, episode, goals=["Find a place to live"])
    note = make_note(db_session, person, episode, by=dan, text="Talked about the lease.")
    coming = make_appointment(db_session, person, episode, with_whom="Dr Lee")
    sign_in_as(user=an_experienced_worker(db_session))
    open_with_cover(client, person)

    page = page_text(client, f"/clients/{person.id}")
    assert "You are covering: you can see part of this file until the end of today" in page
    for shown in (
        "0412 345 678",
        "Overdose risk when using alone",
        "Find a place to live",
        "Talked about the lease.",
        "Appointments coming up",
    ):
        assert shown in page, shown
    assert "Timeline" not in page and consent.party_name not in page

    c = person.id
    allowed = {
        f"/clients/{c}",
        f"/clients/{c}/plan",
        f"/clients/{c}/notes/new",
        f"/clients/{c}/appointments",
        f"/clients/{c}/appointments/new",
        f"/clients/{c}/appointments/{coming.id}",
        f"/clients/{c}/workers",  # only to ask a senior (point 4)
    }
    refused = [
        f"/clients/{c}/details",
        f"/clients/{c}/details/name",
        f"/clients/{c}/consents",
        f"/clients/{c}/consents/{consent.id}",
        f"/clients/{c}/consents/{consent.id}/print",
        f"/clients/{c}/assessment",
        f"/clients/{c}/episodes",
        f"/clients/{c}/episodes/{episode.id}",
        f"/clients/{c}/requests",
        f"/clients/{c}/copy",
        f"/clients/{c}/notes",
        f"/clients/{c}/notes/{note.id}",
        f"/clients/{c}/plan/print",
        f"/clients/{c}/plan/goals/new",
        f"/clients/{c}/appointments/{coming.id}/outcome",
        f"/clients/{c}/referrals",
        f"/clients/{c}/aid",
        f"/clients/{c}/advocacy",
        f"/clients/{c}/close",
    ]
    for url in allowed:
        assert client.get(url).status_code == 200, url
    for url in refused:
        assert client.get(url).status_code == 404, url
    # The plan is there to read, not to change.
    plan_page = page_text(client, f"/clients/{c}/plan")
    assert "Find a place to live" in plan_page and "Add a goal" not in plan_page
    goal = plan.goals[0]
    assert client.post(f"/clients/{c}/plan/goals/{goal.id}/status").status_code == 404


def test_3_every_care_page_of_the_file_follows_the_one_rule(
    client, sign_in_as, db_session, frozen_clock
):
    """Each care page of a file is either one cover may use, or a 404 to someone covering."""
    from tests.integration.care.conftest import World

    dan = make_user(db_session, "worker")
    w = World()
    w.client, w.episode = make_person(db_session, dan, nickname="Tam")
    w.plan = make_plan(db_session, w.client, w.episode, goals=["Find a place to live"])
    w.note = make_note(db_session, w.client, w.episode, by=dan)
    w.appointment = make_appointment(db_session, w.client, w.episode)
    partner = make_partner(db_session)
    consent = make_consent(db_session, w.client, partner_id=partner.id)
    from tests.factories.care import make_issue, make_referral

    w.referral = make_referral(db_session, w.client, w.episode, partner, consent)
    w.systemic = make_issue(db_session, kind="systemic", issue="Pharmacies turn people away")
    w.issue = make_issue(db_session, w.client, w.episode, systemic_id=w.systemic.id)
    w.complaint = make_issue(db_session, w.client, w.episode, kind="complaint", status="preparing")
    from tests.factories.care import make_meeting

    w.meeting = make_meeting(db_session, w.client, w.episode, by=dan)
    sign_in_as(user=an_experienced_worker(db_session))
    open_with_cover(client, w.client)
    c = w.client.id
    cover_pages = {"plan", "notes/new", "appointments", "appointments/new"}
    for url in get_urls(w):
        if not url.startswith(f"/clients/{c}/"):
            continue
        rest = url.removeprefix(f"/clients/{c}/")
        ok = rest in cover_pages or rest == f"appointments/{w.appointment.id}"
        assert client.get(url).status_code == (200 if ok else 404), url


def test_3_every_link_a_covering_worker_is_shown_opens(
    client, sign_in_as, db_session, frozen_clock
):
    """No button on the narrow view leads to a "page not found": links to the parts cover
    may not see are not drawn at all (a started appointment, the plan)."""
    import re

    dan = make_user(db_session, "worker")
    person, episode = make_person(db_session, dan, nickname="Tam")
    make_plan(db_session, person, episode, goals=["Find a place to live"])
    started = make_appointment(
        db_session, person, episode, starts_at=clock.now() - timedelta(hours=1)
    )
    sign_in_as(user=an_experienced_worker(db_session))
    open_with_cover(client, person)
    c = person.id
    for url in (
        f"/clients/{c}",
        f"/clients/{c}/plan",
        f"/clients/{c}/appointments",
        f"/clients/{c}/appointments/{started.id}",
    ):
        html = client.get(url).get_data(as_text=True)
        for link in set(re.findall(rf'href="(/clients/{c}[^"#?]*)"', html)):
            assert client.get(link).status_code == 200, (url, link)


def test_3_cover_ends_at_the_end_of_that_day(client, sign_in_as, db_session, frozen_clock):
    person = make_client(db_session, make_user(db_session, "worker"), nickname="Tam")
    me = sign_in_as(user=an_experienced_worker(db_session))
    open_with_cover(client, person)
    assert client.get(f"/clients/{person.id}").status_code == 200
    frozen_clock.advance(hours=12, minutes=30)  # half past midnight in Canberra
    sign_in_as(user=me)
    assert client.get(f"/clients/{person.id}").status_code == 404
    assert client.get(f"/clients/{person.id}/notes/new").status_code == 404


# --- 4. a note and an appointment, yes; the worker, only by asking ---------------------------


def test_4_cover_writes_a_note_and_books_an_appointment_but_only_asks_for_the_file(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    dan = make_user(db_session, "worker", display_name="Dan Kelly")
    person, _ = make_person(db_session, dan, nickname="Tam")
    housing = make_consent(db_session, person)  # to Housing ACT: covers the appointment (issue 17)
    me = sign_in_as(user=an_experienced_worker(db_session, display_name="Alex Murray"))
    open_with_cover(client, person)
    c = person.id

    response = client.post(
        f"/clients/{c}/notes/new",
        data={
            "contact_on-day": "3",
            "contact_on-month": "3",
            "contact_on-year": "2026",
            "contact_time": "11:30",
            "kind": "face_to_face",
            "minutes": "20",
            "who_was_there": "",
            "text": "Helped with the housing form at the drop-in.",
        },
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/clients/{c}")
    [note] = fetch(select(CaseNote))
    assert note.created_by_id == me.id
    assert "Helped with the housing form" in page_text(client, f"/clients/{c}")

    response = client.post(
        f"/clients/{c}/appointments/new",
        data={
            "on_day-day": "5",
            "on_day-month": "3",
            "on_day-year": "2026",
            "at_time": "2:30pm",
            "partner_id": "",
            "with_whom": "Housing ACT shopfront",
            "consent_id": str(housing.id),
            "place": "",
            "transport": "none",
            "worker_id": "",
            "questions": "",
        },
    )
    assert response.status_code == 303
    [appointment] = fetch(select(Appointment))
    assert appointment.created_by_id == me.id

    # Cover cannot give the file to anyone: the request waits for a senior.
    url = f"/clients/{c}/workers"
    assert "Ask for a new worker" in page_text(client, url)
    response = client.post(
        url,
        data={
            "worker_id": me.id,
            "reason": "I should take this person on",
            "version": version_at(client, url),
        },
    )
    assert response.status_code == 303
    assert fetch(select(Client.worker_id).where(Client.id == c)) == [dan.id]
    [asked] = fetch(select(AllocationRequest))
    assert (asked.state, asked.worker_id, asked.created_by_id) == ("waiting", me.id, me.id)

    senior = sign_in_as("senior")
    page = page_text(client, url)
    assert "Alex Murray asked" in page and "I should take this person on" in page
    client.post(f"/clients/{c}/allocation-requests/{asked.id}/answer", data={"answer": "yes"})
    assert fetch(select(Client.worker_id).where(Client.id == c)) == [me.id]
    [asked] = fetch(select(AllocationRequest))
    assert asked.state == "approved" and asked.decided_by_id == senior.id


def test_4_a_worker_cannot_give_a_file_that_is_not_theirs(client, sign_in_as, db_session, fetch):
    dan = make_user(db_session, "worker")
    person = make_client(db_session, dan, nickname="Tam")
    me = sign_in_as(user=an_experienced_worker(db_session))
    response = client.post(
        f"/clients/{person.id}/workers", data={"worker_id": me.id, "reason": "Mine now"}
    )
    assert response.status_code == 404
    assert fetch(select(Client.worker_id).where(Client.id == person.id)) == [dan.id]
    assert fetch(select(AllocationRequest)) == []


def test_4_a_senior_can_say_no_and_nothing_changes(client, sign_in_as, db_session, fetch):
    dan = make_user(db_session, "worker")
    me = sign_in_as("worker")
    person = make_client(db_session, me, nickname="Tam")
    url = f"/clients/{person.id}/workers"
    client.post(
        url, data={"worker_id": dan.id, "reason": "Fits better", "version": version_at(client, url)}
    )
    [asked] = fetch(select(AllocationRequest))
    sign_in_as("senior")
    client.post(
        f"/clients/{person.id}/allocation-requests/{asked.id}/answer", data={"answer": "no"}
    )
    assert fetch(select(AllocationRequest.state)) == ["declined"]
    assert fetch(select(Client.worker_id).where(Client.id == person.id)) == [me.id]


# --- 5. new workers and workers with nobody to support ask a senior first --------------------


def test_5_a_new_worker_asks_a_senior_and_has_no_access_until_the_yes(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    assert cover_rules.NEW_WORKER_DAYS == 14
    person = make_client(db_session, make_user(db_session, "worker"), nickname="Tam")
    new = make_user(
        db_session, "worker", display_name="Kit New", created_at=clock.now() - timedelta(days=13)
    )
    make_client(db_session, new)  # they support someone, but joined 13 days ago
    sign_in_as(user=new)
    client.post("/clients/search", data={"q": "tam"})
    assert "Ask a senior" in page_text(client, f"/clients/{person.id}/cover")
    response = client.post(f"/clients/{person.id}/cover", data=reason())
    assert response.status_code == 303
    [cover] = fetch(select(CoverAccess))
    assert cover.state == "asked"
    assert client.get(f"/clients/{person.id}").status_code == 404
    assert "waiting for a senior to say yes" in page_text(client, "/")
    assert "You asked a senior" in page_text(client, f"/clients/{person.id}/cover")
    assert fetch(select(AuditEvent).where(AuditEvent.action == "client.cover_asked"))

    senior = sign_in_as("senior")
    home = page_text(client, "/")
    assert "Waiting for a senior to say yes" in home and "Kit New asks to open Tam's file" in home
    client.post(f"/clients/cover/{cover.id}/answer", data={"answer": "yes"})
    [cover] = fetch(select(CoverAccess))
    assert cover.state == "open" and cover.approved_by_id == senior.id

    sign_in_as(user=new)
    assert client.get(f"/clients/{person.id}").status_code == 200
    assert "A senior said yes" in page_text(client, "/")


def test_5_a_worker_with_no_caseload_asks_and_the_manager_answers_from_the_log(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    person = make_client(db_session, make_user(db_session, "worker"), nickname="Tam")
    idle = make_user(db_session, "worker", created_at=clock.now() - timedelta(days=90))
    sign_in_as(user=idle)
    open_with_cover(client, person)
    [cover] = fetch(select(CoverAccess))
    assert cover.state == "asked"
    assert client.get(f"/clients/{person.id}").status_code == 404

    sign_in_as("manager")
    assert "Waiting for a senior to say yes" in page_text(client, "/clients/cover-log")
    response = client.post(
        f"/clients/cover/{cover.id}/answer", data={"answer": "no", "from": "log"}
    )
    assert response.headers["Location"].endswith("/clients/cover-log")
    assert fetch(select(CoverAccess.state)) == ["declined"]
    sign_in_as(user=idle)
    assert client.get(f"/clients/{person.id}").status_code == 404


def test_5_a_worker_past_14_days_with_a_caseload_opens_at_once(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    person = make_client(db_session, make_user(db_session, "worker"), nickname="Tam")
    worker = make_user(db_session, "worker", created_at=clock.now() - timedelta(days=15))
    make_client(db_session, worker)
    sign_in_as(user=worker)
    open_with_cover(client, person)
    assert fetch(select(CoverAccess.state)) == ["open"]
    assert client.get(f"/clients/{person.id}").status_code == 200
