"""Closing an episode: one question a page, check your answers, the national codes kept, a
draft kept when the worker stops, and everything of a closed episode read-only after."""

from datetime import date

from sqlalchemy import select

from app.models import (
    AuditEvent,
    Episode,
    Goal,
    Plan,
    RegistrationDraft,
    TimelineEntry,
)
from tests.factories.care import (
    make_appointment,
    make_issue,
    make_note,
    make_person,
    make_plan,
    make_referral,
)
from tests.factories.clients import make_consent
from tests.factories.partners import make_partner
from tests.pagecheck import text_of


def start(client, person_id) -> str:
    response = client.post(f"/clients/{person_id}/close")
    assert response.status_code == 303
    return response.headers["Location"].rsplit("/", 1)[0]


def test_closing_an_episode_one_question_at_a_time(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me, nickname="Tam")
    db_session.get(Episode, episode.id).principal_drug = "1202"
    db_session.commit()
    intro = text_of(client.get(f"/clients/{person.id}/close").get_data(as_text=True))
    assert "Close the episode of care" in intro and "five short questions" in intro
    base = start(client, person.id)

    page = client.get(f"{base}/reason")
    text = text_of(page.get_data(as_text=True))
    assert "Why is the episode closing?" in text and "question 1 of 5" in text
    assert "Stopped coming, without telling us" in text and "Asked to leave the service" in text
    response = client.post(f"{base}/reason", data={})
    assert "Choose why the episode is closing" in text_of(response.get_data(as_text=True))
    assert (
        client.post(f"{base}/reason", data={"reason": "7", "then": "next"})
        .headers["Location"]
        .endswith("/treatment")
    )
    html = client.get(f"{base}/treatment").get_data(as_text=True)
    assert 'value="5" checked' in html  # from the episode: support and case management only
    client.post(f"{base}/treatment", data={"main_treatment_type": "5", "then": "next"})
    client.post(f"{base}/setting", data={"delivery_setting": "4", "then": "next"})
    html = client.get(f"{base}/drug").get_data(as_text=True)
    assert '<option value="1202" selected>' in html
    client.post(f"{base}/drug", data={"principal_drug": "1202", "then": "next"})
    future = client.post(
        f"{base}/date",
        data={"closed_on-day": "4", "closed_on-month": "3", "closed_on-year": "2026"},
    )
    assert "The date must be today or in the past" in text_of(future.get_data(as_text=True))
    response = client.post(
        f"{base}/date",
        data={"closed_on-day": "2", "closed_on-month": "3", "closed_on-year": "2026"},
    )
    assert response.headers["Location"].endswith("/check")

    check = text_of(client.get(f"{base}/check").get_data(as_text=True))
    assert "Check your answers" in check
    assert "Stopped coming, without telling us (national code 7: Ceased to participate" in check
    assert "Out and about (outreach) (national code 4: Outreach setting)" in check
    assert "Heroin (code 1202)" in check and "2 March 2026" in check
    response = client.post(f"{base}/check")
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/episodes/{episode.id}")
    closed = fetch(select(Episode))[0]
    assert closed.closed_on == date(2026, 3, 2) and closed.reason_for_cessation == 7
    assert closed.delivery_setting == 4 and closed.principal_drug == "1202"
    assert closed.closed_by_id == me.id
    assert fetch(select(AuditEvent).where(AuditEvent.action == "episode.closed"))
    assert fetch(select(TimelineEntry).where(TimelineEntry.kind == "episode_closed"))
    assert fetch(select(RegistrationDraft))[0].status == "done"
    # A second tap does nothing more.
    assert client.post(f"{base}/check").status_code == 303
    assert client.get(f"{base}/reason").status_code == 303


def test_the_draft_is_kept_when_the_worker_stops_halfway(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    base = start(client, person.id)
    stop = client.post(f"{base}/reason", data={"reason": "1", "then": "stop"})
    assert stop.headers["Location"].endswith(f"/clients/{person.id}/close")
    again = start(client, person.id)
    assert again == base  # the same draft
    assert 'value="1" checked' in client.get(f"{again}/reason").get_data(as_text=True)
    check = text_of(client.get(f"{base}/check").get_data(as_text=True))
    assert "The plan is done (national code 1: Treatment completed)" in check


def test_a_closing_date_before_the_episode_opened_is_refused(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me, opened_on=date(2026, 2, 1))
    base = start(client, person.id)
    client.post(f"{base}/reason", data={"reason": "10", "then": "next"})
    client.post(
        f"{base}/date",
        data={"closed_on-day": "1", "closed_on-month": "1", "closed_on-year": "2026"},
    )
    response = client.post(f"{base}/check")
    assert response.status_code == 200
    assert "on or after the day it opened" in text_of(response.get_data(as_text=True))
    assert fetch(select(Episode))[0].closed_on is None


def test_another_workers_draft_is_404(client, sign_in_as, db_session, frozen_clock):
    me = sign_in_as("senior")
    person, _ = make_person(db_session, me)
    base = start(client, person.id)
    sign_in_as("senior")
    assert client.get(f"{base}/reason", check=False).status_code == 404
    assert client.get(f"{base}/check", check=False).status_code == 404


def test_after_closing_nothing_in_the_episode_can_change(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    plan = make_plan(db_session, person, episode, goals=["Find a GP"])
    note = make_note(db_session, person, episode, by=me)
    appointment = make_appointment(db_session, person, episode, worker=me)
    partner = make_partner(db_session)
    consent = make_consent(db_session, person, party_name=partner.name, partner_id=partner.id)
    referral = make_referral(db_session, person, episode, partner, consent)
    issue = make_issue(db_session, person, episode)
    base = start(client, person.id)
    client.post(f"{base}/reason", data={"reason": "1", "then": "check"})
    assert client.post(f"{base}/check").status_code == 303

    [goal] = fetch(select(Goal))
    c = person.id
    refused = {
        f"/clients/{c}/plan/goals/new": {"words": "Typed goal", "priority": "1", "version": "1"},
        f"/clients/{c}/plan/goals/{goal.id}/edit": {"words": "Typed", "priority": "1"},
        f"/clients/{c}/plan/goals/{goal.id}/status": {"status": "done", "version": "1"},
        f"/clients/{c}/plan/dates": {"version": "1"},
        # A new note is allowed for 14 days after closing: test_closing_after_notes.py.
        f"/clients/{c}/notes/{note.id}/correct": {"text": "Typed fix"},
        f"/clients/{c}/appointments/new": {"questions": "Typed question"},
        f"/clients/{c}/appointments/{appointment.id}/outcome": {"attended": "yes"},
        f"/clients/{c}/appointments/{appointment.id}/cancel": {},
        f"/clients/{c}/referrals/new": {"reason": "Typed reason"},
        f"/clients/{c}/referrals/{referral.id}": {"outcome": "Typed outcome"},
        f"/clients/{c}/aid": {"kind": "food", "quantity": "1"},
        f"/clients/{c}/advocacy/new": {"issue": "Typed issue"},
        f"/clients/{c}/advocacy/{issue.id}": {"progress": "closed"},
        f"/clients/{c}/advocacy/{issue.id}/raise": {"issue": "Typed problem"},
    }
    problems = []
    for url, data in refused.items():
        response = client.post(url, data=data)
        if response.status_code != 409:
            problems.append(f"{url}: {response.status_code}")
            continue
        page = text_of(response.get_data(as_text=True))
        typed = next((v for v in data.values() if v.startswith("Typed")), None)
        if typed and typed not in page:
            problems.append(f"{url}: what was typed was not shown back")
    assert not problems
    assert fetch(select(Plan))[0].version == plan.version
    assert client.get(f"/clients/{c}/close").status_code == 303  # nothing open to close
    page = text_of(client.get(f"/clients/{c}/plan").get_data(as_text=True))
    assert "This plan is from a closed episode" in page
