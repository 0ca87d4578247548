"""Care coordination meetings: "PTSS workers often host care coordination meetings, especially
when the service user identifies the PTSS space as a safe and respectful place for engagement
with health professionals" (model of care). Services there are covered by the person's
consent to share (the one rule, app/care/sharing.py); actions have who and by when."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.models import (
    AuditEvent,
    CareMeeting,
    CareMeetingAction,
    CareMeetingService,
    TimelineEntry,
)
from tests.conftest import start_session_for
from tests.factories import make_user
from tests.factories.care import make_person
from tests.factories.clients import make_consent
from tests.factories.partners import make_partner
from tests.pagecheck import text_of


def meeting(**extra):
    data = {
        "on_day-day": "2",
        "on_day-month": "3",
        "on_day-year": "2026",
        "at_time": "10:30am",
        "person_came": "y",
        "agreed": "Housing ACT will look at a transfer. The GP will review the script.",
    }
    data.update(extra)
    return data


def action(n, what="Ring Housing ACT about the transfer", who="", name="", due=(9, 3, 2026)):
    data = {f"action{n}_what": what, f"action{n}_who": who, f"action{n}_who_name": name}
    if due:
        data.update(
            {
                f"action{n}_due_on-day": str(due[0]),
                f"action{n}_due_on-month": str(due[1]),
                f"action{n}_due_on-year": str(due[2]),
            }
        )
    return data


def counts(fetch) -> tuple[int, int, int, int]:
    return (
        len(fetch(select(CareMeeting))),
        len(fetch(select(CareMeetingService))),
        len(fetch(select(CareMeetingAction))),
        len(fetch(select(TimelineEntry).where(TimelineEntry.kind == "care_meeting"))),
    )


@pytest.fixture
def setting(db_session, sign_in_as, frozen_clock):
    me = sign_in_as("worker", display_name="Robin Hale")
    person, _ = make_person(db_session, me, nickname="Tam")
    housing = make_partner(db_session, "Housing ACT")
    make_consent(db_session, person, party_name=housing.name, partner_id=housing.id)
    return me, person, housing


def test_a_worker_records_a_meeting_with_an_action_and_it_is_on_the_timeline(
    client, setting, db_session, fetch
):
    me, person, housing = setting
    gp = make_consent(db_session, person, party_name="Dr Lee", relationship_to="GP")
    other_worker = make_user(db_session, "worker", display_name="Kim Doyle")
    data = meeting(
        staff=[str(me.id), str(other_worker.id)],
        partner_ids=[str(housing.id)],
        typed_service="Dr Lee's clinic",
        consent_id=str(gp.id),
        **action(1, who=str(me.id)),
        **action(2, what="Bring the letter", who="person", due=(16, 3, 2026)),
    )
    response = client.post(f"/clients/{person.id}/meetings/new", data=data)
    assert response.status_code == 303, text_of(response.text)
    [record] = fetch(select(CareMeeting))
    assert {u.id for u in record.staff} == {me.id, other_worker.id}
    services = fetch(select(CareMeetingService).order_by(CareMeetingService.id))
    assert [(s.name, s.partner_id) for s in services] == [
        ("Housing ACT", housing.id),
        ("Dr Lee's clinic", None),
    ]
    assert services[1].consent_id == gp.id
    actions = fetch(select(CareMeetingAction).order_by(CareMeetingAction.position))
    assert [(a.user_id, a.who_name, a.due_on) for a in actions] == [
        (me.id, None, date(2026, 3, 9)),
        (None, person.name, date(2026, 3, 16)),
    ]
    page = text_of(client.get(response.headers["Location"]).text)
    assert "Ring Housing ACT about the transfer" in page and "Robin Hale, by Monday 9 March" in page
    file_page = text_of(client.get(f"/clients/{person.id}").text)
    assert "Care coordination meeting with Housing ACT, Dr Lee's clinic; 2 actions agreed" in (
        file_page
    )
    [event] = fetch(select(AuditEvent).where(AuditEvent.action == "meeting.recorded"))
    assert sorted(event.detail["consent_ids"]) == sorted([services[0].consent_id, gp.id])


def test_a_partner_not_covered_by_consent_saves_nothing(client, setting, db_session, fetch):
    """A partner is covered by a consent made for its id, never by matching words."""
    _me, person, _housing = setting
    legal = make_partner(db_session, "Capital Community Legal")
    make_consent(db_session, person, party_name="Capital Community Legal")  # no partner id
    response = client.post(
        f"/clients/{person.id}/meetings/new",
        data=meeting(partner_ids=[str(legal.id)], **action(1, who="person")),
    )
    assert response.status_code == 200
    page = text_of(response.text)
    assert "They have not agreed to us sharing with Capital Community Legal" in page
    assert "Nothing was saved" in page
    assert "Housing ACT will look at a transfer" in response.text  # their words kept
    assert counts(fetch) == (0, 0, 0, 0)


def test_a_typed_service_needs_the_consent_that_covers_it(client, setting, fetch):
    _me, person, _housing = setting
    response = client.post(
        f"/clients/{person.id}/meetings/new",
        data=meeting(typed_service="Mental Health Team"),
    )
    assert "They have not agreed to us sharing with Mental Health Team" in text_of(response.text)
    assert counts(fetch) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (action(1, who=""), "Action 1: choose who will do it"),
        (action(1, who="person", due=None), "Action 1: enter the date it is due by"),
        (action(1, who="other", name=""), "Action 1: write the name of who will do it"),
        (action(1, what="", who="person"), "Action 1: write what will be done"),
    ],
)
def test_an_action_needs_what_who_and_by_when(client, setting, fetch, row, message):
    _me, person, _housing = setting
    response = client.post(f"/clients/{person.id}/meetings/new", data=meeting(**row))
    assert response.status_code == 200
    assert message in text_of(response.text)
    assert counts(fetch) == (0, 0, 0, 0)


def test_what_was_agreed_is_needed(client, setting, fetch):
    _me, person, _housing = setting
    response = client.post(f"/clients/{person.id}/meetings/new", data=meeting(agreed=""))
    assert "Write what was agreed" in text_of(response.text)
    assert counts(fetch) == (0, 0, 0, 0)


def test_someone_else_there_needs_the_persons_yes(client, setting, fetch):
    _me, person, _housing = setting
    response = client.post(
        f"/clients/{person.id}/meetings/new", data=meeting(others_present="Their sister Jo")
    )
    assert "Tick the box to say they said yes" in text_of(response.text)
    assert counts(fetch) == (0, 0, 0, 0)


def test_actions_due_show_on_my_work_and_go_once_done(client, setting, fetch):
    me, person, housing = setting
    client.post(
        f"/clients/{person.id}/meetings/new",
        data=meeting(partner_ids=[str(housing.id)], **action(1, who=str(me.id), due=(2, 3, 2026))),
    )
    work = text_of(client.get("/my-work").text)
    assert "By Monday 2 March Late: Ring Housing ACT about the transfer" in work
    [record] = fetch(select(CareMeeting))
    [todo] = record.actions
    done = client.post(f"/clients/{person.id}/meetings/{record.id}/actions/{todo.id}/done")
    assert done.status_code == 303
    assert fetch(select(CareMeetingAction))[0].done_on == date(2026, 3, 3)
    assert "Ring Housing ACT about the transfer" not in client.get("/my-work").text
    line = fetch(select(TimelineEntry).where(TimelineEntry.kind == "care_meeting_action"))
    assert line[0].summary == "Action 1 from the care meeting on Monday 2 March done"


def test_an_action_for_someone_outside_shows_for_the_worker_who_wrote_it(client, setting):
    _me, person, _housing = setting
    client.post(
        f"/clients/{person.id}/meetings/new",
        data=meeting(**action(1, what="Send the discharge summary", who="other", name="Dr Lee")),
    )
    work = text_of(client.get("/my-work").text)
    assert "Send the discharge summary (Tam" in work and "for Dr Lee" in work


def test_only_people_who_may_open_the_file_see_its_meetings(app, client, setting, db_session):
    me, person, housing = setting
    client.post(
        f"/clients/{person.id}/meetings/new",
        data=meeting(partner_ids=[str(housing.id)], **action(1, who="person")),
    )
    record = db_session.scalar(select(CareMeeting))
    action_id = record.actions[0].id
    pages = [
        f"/clients/{person.id}/meetings",
        f"/clients/{person.id}/meetings/new",
        f"/clients/{person.id}/meetings/{record.id}",
    ]
    for who, status in [
        (make_user(db_session, "worker"), 404),
        (make_user(db_session, "senior"), 200),
        (make_user(db_session, "frontdesk"), 404),
    ]:
        other = app.test_client()
        start_session_for(other, db_session, who)
        for url in pages:
            assert other.get(url).status_code == status, (who.role, url)
    # Another file's meeting, by its id under this file: 404.
    someone_else, _ = make_person(db_session, me)
    assert client.get(f"/clients/{someone_else.id}/meetings/{record.id}").status_code == 404
    wrong = f"/clients/{someone_else.id}/meetings/{record.id}/actions/{action_id}/done"
    assert client.post(wrong).status_code == 404
    assert (
        db_session.scalar(
            select(func.count(CareMeetingAction.id)).where(CareMeetingAction.done_on.is_not(None))
        )
        == 0
    )
