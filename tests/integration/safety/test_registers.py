"""The complaints register and the critical incident register (issue 15). The model of care
has every trainee learn the "feedback and complaints" policy in module one. Any staff member
may write a complaint or a critical incident down; once saved, only the manager reads them."""

import re
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from app.models import AuditEvent, Complaint, ComplaintStep, CriticalIncident, CriticalNotice
from tests.factories import make_user
from tests.factories.safety import make_complaint, make_critical
from tests.pagecheck import text_of


def page_text(client, url) -> str:
    return text_of(client.get(url).get_data(as_text=True))


def version_on(client, url) -> str:
    html = client.get(url).get_data(as_text=True)
    return re.search(r'name="version"[^>]*value="([^"]*)"', html).group(1)


def complaint(**extra):
    return {
        "from_kind": "person",
        "from_who": "",
        "about": "They waited a long time and felt ignored while staff talked.",
        "received_on-day": "2",
        "received_on-month": "3",
        "received_on-year": "2026",
        **extra,
    }


def overdose(**extra):
    return {
        "kind": "overdose",
        "happened_on-day": "3",
        "happened_on-month": "3",
        "happened_on-year": "2026",
        "happened_time": "10:40",
        "place": "The toilets",
        "what_happened": "A visitor did not come out of the toilet and was not breathing well.",
        "response": "Gave naloxone and rescue breaths. Called 000.",
        "ambulance_at": "10:43",
        "manager_at": "11:00",
        **extra,
    }


# --- who may see what ---------------------------------------------------------------------


def test_anyone_signed_in_may_read_how_to_make_a_complaint(client, sign_in_as):
    sign_in_as("trainee")
    page = page_text(client, "/safety/complaints/how")
    assert "Anyone can complain about our service." in page
    assert "Write down a complaint" not in page  # a trainee does not write one down


@pytest.mark.parametrize("role", ["frontdesk", "worker", "senior"])
def test_only_the_manager_reads_the_registers(client, sign_in_as, db_session, role):
    manager = make_user(db_session, "manager")
    one = make_complaint(db_session, manager)
    critical = make_critical(db_session, manager)
    sign_in_as(role)
    for url in (
        "/safety/complaints",
        f"/safety/complaints/{one.id}",
        "/safety/critical",
        f"/safety/critical/{critical.id}",
        f"/safety/critical/{critical.id}/report",
    ):
        assert client.get(url).status_code == 404, url
    page = page_text(client, "/safety")
    assert "Complaints" not in page.replace("Write down a complaint", "")
    assert (
        client.post(f"/safety/complaints/{one.id}/steps", data={"step": "closed"}).status_code
        == 404
    )


def test_a_worker_writes_down_a_complaint_and_then_cannot_read_it(
    client, sign_in_as, fetch, frozen_clock
):
    me = sign_in_as("worker")
    response = client.post("/safety/complaints/new", data=complaint())
    assert response.status_code == 303
    [saved] = fetch(select(Complaint))
    assert saved.created_by_id == me.id and saved.received_on == date(2026, 3, 2)
    assert saved.status == "received"
    page = page_text(client, response.headers["Location"])
    assert "Complaint saved. The manager will look after it from here." in page
    assert client.get(f"/safety/complaints/{saved.id}").status_code == 404
    assert fetch(select(AuditEvent).where(AuditEvent.action == "safety.complaint_recorded"))


def test_a_complaint_without_what_it_is_about_is_refused(client, sign_in_as, fetch):
    sign_in_as("frontdesk")
    response = client.post("/safety/complaints/new", data=complaint(about="", from_kind=""))
    page = text_of(response.get_data(as_text=True))
    assert "Write what the complaint is about" in page
    assert "Choose who the complaint is from" in page
    assert fetch(select(Complaint)) == []


# --- the steps of a complaint -------------------------------------------------------------


def step(client, complaint_id, **data):
    url = f"/safety/complaints/{complaint_id}"
    data.setdefault("version", version_on(client, url))
    return client.post(f"{url}/steps", data=data)


def dated(day: int, month: int = 3) -> dict:
    return {"done_on-day": str(day), "done_on-month": str(month), "done_on-year": "2026"}


def test_the_manager_takes_a_complaint_through_its_steps_and_closes_it(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    desk = make_user(db_session, "frontdesk", display_name="Kim Nguyen")
    one = make_complaint(db_session, desk, received_on=date(2026, 2, 20))
    manager = sign_in_as("manager", display_name="Chris Mahoney")
    listing = page_text(client, "/safety/complaints")
    assert "Friday 20 February" in listing and "A person who uses the service" in listing
    response = step(client, one.id, step="acknowledged", by_id=str(desk.id), **dated(21, 2))
    assert response.status_code == 303
    response = step(
        client,
        one.id,
        step="looked_into",
        by_id=str(manager.id),
        note="Short staffed.",
        **dated(25, 2),
    )
    assert response.status_code == 303
    response = step(
        client,
        one.id,
        step="outcome_told",
        by_id=str(manager.id),
        note="We said sorry.",
        **dated(1),
    )
    assert response.status_code == 303
    response = step(
        client,
        one.id,
        step="closed",
        by_id=str(manager.id),
        note="A second volunteer on Monday mornings.",
        **dated(2),
    )
    assert response.status_code == 303
    rows = fetch(select(ComplaintStep).order_by(ComplaintStep.id))
    assert [(r.step, r.done_on, r.by_id) for r in rows] == [
        ("acknowledged", date(2026, 2, 21), desk.id),
        ("looked_into", date(2026, 2, 25), manager.id),
        ("outcome_told", date(2026, 3, 1), manager.id),
        ("closed", date(2026, 3, 2), manager.id),
    ]
    assert fetch(select(Complaint))[0].status == "closed"
    page = page_text(client, f"/safety/complaints/{one.id}")
    assert "We told them we have itSaturday 21 FebruaryKim Nguyen" in page  # one row
    assert "A second volunteer on Monday mornings." in page
    assert "Add the next step" not in page  # closed: kept, never deleted
    assert len(fetch(select(AuditEvent).where(AuditEvent.action == "safety.complaint_step"))) == 4


def test_a_step_dated_before_the_complaint_was_received_is_refused(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    manager = sign_in_as("manager")
    one = make_complaint(db_session, manager, received_on=date(2026, 3, 2))
    response = step(client, one.id, step="acknowledged", by_id=str(manager.id), **dated(1))
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "There is a problem" in page
    assert "The step cannot be dated before the day we got the complaint" in page
    assert fetch(select(ComplaintStep)) == []
    [row] = fetch(select(Complaint))
    assert row.status == "received" and row.version == 1


def test_closing_a_complaint_without_what_was_learned_is_refused(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    manager = sign_in_as("manager")
    one = make_complaint(db_session, manager)
    response = step(client, one.id, step="closed", by_id=str(manager.id), note=" ", **dated(2))
    assert "Write what we learned before you close the complaint" in text_of(
        response.get_data(as_text=True)
    )
    assert fetch(select(ComplaintStep)) == []
    assert fetch(select(Complaint))[0].status == "received"


def test_a_step_cannot_go_back_or_be_done_twice(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    manager = sign_in_as("manager")
    one = make_complaint(db_session, manager)
    assert (
        step(client, one.id, step="looked_into", by_id=str(manager.id), **dated(2)).status_code
        == 303
    )
    response = step(client, one.id, step="acknowledged", by_id=str(manager.id), **dated(2))
    assert response.status_code == 200
    assert "Choose one of the answers" in text_of(response.get_data(as_text=True))
    response = step(client, one.id, step="outcome_told", by_id=str(manager.id), **dated(1))
    assert "The step cannot be dated before the step before it" in text_of(
        response.get_data(as_text=True)
    )
    assert [r.step for r in fetch(select(ComplaintStep))] == ["looked_into"]


def test_two_people_adding_a_step_at_once_do_not_both_save(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    manager = sign_in_as("manager")
    one = make_complaint(db_session, manager)
    old = version_on(client, f"/safety/complaints/{one.id}")
    step(client, one.id, step="acknowledged", by_id=str(manager.id), **dated(2))
    response = step(
        client, one.id, step="looked_into", by_id=str(manager.id), version=old, **dated(3)
    )
    assert response.status_code == 200
    assert "Someone else changed this" in text_of(response.get_data(as_text=True))
    assert [r.step for r in fetch(select(ComplaintStep))] == ["acknowledged"]


# --- critical incidents -------------------------------------------------------------------


def test_a_worker_writes_down_a_critical_incident_and_then_cannot_read_it(
    client, sign_in_as, fetch, frozen_clock
):
    me = sign_in_as("worker")
    response = client.post("/safety/critical/new", data=overdose())
    assert response.status_code == 303
    [saved] = fetch(select(CriticalIncident))
    assert saved.kind == "overdose" and saved.created_by_id == me.id
    assert saved.happened_at == datetime(2026, 3, 2, 23, 40, tzinfo=UTC)
    notices = fetch(select(CriticalNotice).order_by(CriticalNotice.told_at))
    assert [(n.who, n.told_at) for n in notices] == [
        ("ambulance", datetime(2026, 3, 2, 23, 43, tzinfo=UTC)),
        ("manager", datetime(2026, 3, 3, 0, 0, tzinfo=UTC)),
    ]
    assert "Critical incident saved. The manager has it now." in page_text(
        client, response.headers["Location"]
    )
    assert client.get(f"/safety/critical/{saved.id}").status_code == 404
    assert client.get("/safety/critical").status_code == 404


def test_a_critical_incident_without_a_kind_is_refused_and_nothing_is_saved(
    client, sign_in_as, fetch, frozen_clock
):
    sign_in_as("worker")
    response = client.post("/safety/critical/new", data=overdose(kind=""))
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "There is a problem" in page
    assert "Choose what kind of critical incident it was" in page
    assert "A visitor did not come out of the toilet" in page  # what they typed is kept
    assert fetch(select(CriticalIncident)) == [] and fetch(select(CriticalNotice)) == []


def test_the_manager_adds_who_was_told_follows_up_and_prints_the_funder_report(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    incident = make_critical(db_session, worker)
    sign_in_as("manager")
    listing = page_text(client, "/safety/critical")
    assert "An overdose on site" in listing and "Open" in listing
    url = f"/safety/critical/{incident.id}"
    response = client.post(
        f"{url}/told",
        data={
            "who": "funder",
            "told_on-day": "3",
            "told_on-month": "3",
            "told_on-year": "2026",
            "told_time": "11:30",
        },
    )
    assert response.status_code == 303
    [notice] = fetch(select(CriticalNotice))
    assert notice.who == "funder" and notice.told_at == datetime(2026, 3, 3, 0, 30, tzinfo=UTC)
    response = client.post(
        url,
        data={
            "follow_up": "Debrief for the staff on shift.",
            "learned": "",
            "action": "save",
            "version": version_on(client, url),
        },
    )
    assert response.status_code == 303
    report = client.get(f"{url}/report")
    html = report.get_data(as_text=True)
    assert "data-print" in html
    page = text_of(html)
    for fact in (
        "Critical incident report",
        "An overdose on site",
        "Tuesday 3 March 2026",  # date
        "10:40am",  # time
        "The toilets",  # place
        "A visitor was not breathing well.",  # what happened
        "Gave naloxone and called 000.",  # response
        "The funder: Tuesday 3 March, 11:30am",  # who was told and when
        "Debrief for the staff on shift.",  # follow-up
        "Alex Murray",
    ):
        assert fact in page, fact
    assert fetch(select(AuditEvent).where(AuditEvent.action == "safety.critical_report_viewed"))


def test_closing_a_critical_incident_needs_what_was_learned(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    manager = sign_in_as("manager")
    incident = make_critical(db_session, manager)
    url = f"/safety/critical/{incident.id}"
    response = client.post(
        url,
        data={
            "follow_up": "Staff talk.",
            "learned": "",
            "action": "close",
            "version": version_on(client, url),
        },
    )
    assert response.status_code == 200
    assert "Write what was learned before you close it" in text_of(response.get_data(as_text=True))
    [row] = fetch(select(CriticalIncident))
    assert row.status == "open" and row.follow_up is None and row.closed_at is None
    response = client.post(
        url,
        data={
            "follow_up": "Staff talk.",
            "learned": "Check the toilets every 10 minutes.",
            "action": "close",
            "version": version_on(client, url),
        },
    )
    assert response.status_code == 303
    [row] = fetch(select(CriticalIncident))
    assert row.status == "closed" and row.closed_by_id == manager.id
    assert row.learned == "Check the toilets every 10 minutes."
    page = page_text(client, url)
    assert "Closed" in page and "Save and close" not in page


def test_someone_told_before_it_happened_is_refused(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    manager = sign_in_as("manager")
    incident = make_critical(db_session, manager)
    response = client.post(
        f"/safety/critical/{incident.id}/told",
        data={
            "who": "police",
            "told_on-day": "2",
            "told_on-month": "3",
            "told_on-year": "2026",
            "told_time": "9am",
        },
    )
    assert response.status_code == 200
    assert "They cannot be told before it happened" in text_of(response.get_data(as_text=True))
    assert fetch(select(CriticalNotice)) == []
