"""Incidents at the front desk (issue 15). The model of care trains front desk volunteers in
"risk assessment and de-escalation strategies" and has workers "debrief": any staff member
writes an incident down, seniors and the manager review and close it with what was learned,
and the person who wrote it down is offered a debrief."""

import json
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from app.models import AuditEvent, Draft, Incident
from tests.factories import make_user
from tests.factories.safety import make_incident
from tests.pagecheck import text_of


def shouting(**extra):
    """A fresh dict each time: the test client adds its CSRF token to the dict it is given."""
    return {
        "happened_on-day": "3",
        "happened_on-month": "3",
        "happened_on-year": "2026",
        "happened_time": "10:30",
        "place": "front_desk",
        "what_happened": "A visitor shouted and hit the desk when told the showers were shut.",
        "who_involved": "A visitor and a front desk volunteer.",
        "de_escalation": "I spoke quietly and gave them space.",
        "anyone_hurt": "no",
        "told": ["senior", "other"],
        "told_other": "The worker on shift",
        **extra,
    }


def page_text(client, url) -> str:
    return text_of(client.get(url).get_data(as_text=True))


def test_a_front_desk_volunteer_writes_down_an_incident_and_sees_it(
    client, sign_in_as, fetch, frozen_clock
):
    me = sign_in_as("frontdesk")
    home = page_text(client, "/")
    assert "Incident" in home and "Write down something that happened" in home
    response = client.post("/safety/incidents/new", data=shouting())
    assert response.status_code == 303
    [incident] = fetch(select(Incident))
    assert incident.created_by_id == me.id and incident.status == "open"
    # 10:30am Canberra (summer time, UTC+11) on 3 March is 11:30pm UTC on 2 March.
    assert incident.happened_at == datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
    assert incident.told == ["senior", "other"] and incident.told_other == "The worker on shift"
    assert incident.anyone_hurt is False and incident.first_aid is None
    page = page_text(client, response.headers["Location"])
    assert "Incident saved. A senior will look at it and talk with you about it." in page
    assert "Waiting for a review" in page and "No debrief offered yet." in page
    assert "The senior on shift, The worker on shift" in page
    assert "Review" not in page.replace("Waiting for a review", "")  # no review form for them
    assert fetch(select(AuditEvent).where(AuditEvent.action == "safety.incident_recorded"))


def test_a_volunteer_sees_only_their_own_incidents(client, sign_in_as, db_session):
    other = make_user(db_session, "frontdesk")
    theirs = make_incident(db_session, other, what_happened="Someone else's incident.")
    me = sign_in_as("frontdesk")
    mine = make_incident(db_session, me, what_happened="My own incident.")
    listing = page_text(client, "/safety")
    assert "Your incidents" in listing
    assert f"/safety/incidents/{mine.id}" in client.get("/safety").get_data(as_text=True)
    assert f"/safety/incidents/{theirs.id}" not in client.get("/safety").get_data(as_text=True)
    assert client.get(f"/safety/incidents/{mine.id}").status_code == 200
    assert client.get(f"/safety/incidents/{theirs.id}").status_code == 404
    refusals = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "refused")).all()
    assert refusals  # the refused look is in the audit log


@pytest.mark.parametrize("role", ["frontdesk", "worker"])
def test_only_seniors_and_the_manager_review(client, sign_in_as, db_session, fetch, role):
    me = sign_in_as(role)
    incident = make_incident(db_session, me)
    response = client.post(
        f"/safety/incidents/{incident.id}/review",
        data={"learned": "Something", "action": "close"},
    )
    assert response.status_code == 404
    assert fetch(select(Incident))[0].status == "open"


def test_a_trainee_cannot_write_one_down(client, sign_in_as):
    sign_in_as("trainee")
    assert client.get("/safety/incidents/new").status_code == 404
    assert client.get("/safety").status_code == 404


def test_an_incident_without_what_happened_is_refused_and_nothing_is_saved(
    client, sign_in_as, fetch, frozen_clock
):
    sign_in_as("frontdesk")
    response = client.post("/safety/incidents/new", data=shouting(what_happened="   "))
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "There is a problem" in page and "Write what happened" in page
    assert "A visitor and a front desk volunteer." in page  # what they typed is kept
    assert fetch(select(Incident)) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"anyone_hurt": "yes", "first_aid": ""},
            "Write who was hurt and what first aid was given",
        ),
        ({"place": "other", "place_other": ""}, "Write where it happened"),
        ({"who_involved": ""}, "Write who was involved, like a visitor or a volunteer"),
        ({"happened_time": ""}, "Enter about what time it happened, like 2:30pm"),
        ({"happened_time": "11:30pm"}, "The time it happened cannot be later than now."),
        ({"told_other": ""}, "Write who else was told"),
    ],
)
def test_other_gaps_in_an_incident_each_get_a_clear_message(
    client, sign_in_as, fetch, frozen_clock, change, message
):
    sign_in_as("frontdesk")
    response = client.post("/safety/incidents/new", data=shouting(**change))
    assert response.status_code == 200
    assert message in text_of(response.get_data(as_text=True))
    assert fetch(select(Incident)) == []


def test_someone_hurt_keeps_the_first_aid_given(client, sign_in_as, fetch, frozen_clock):
    sign_in_as("frontdesk")
    data = shouting(anyone_hurt="yes", first_aid="A small cut on a visitor's hand. Plaster on.")
    assert client.post("/safety/incidents/new", data=data).status_code == 303
    [incident] = fetch(select(Incident))
    assert incident.anyone_hurt is True
    assert incident.first_aid == "A small cut on a visitor's hand. Plaster on."


def test_a_senior_sees_it_waiting_reviews_it_offers_a_debrief_and_closes_it(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    volunteer = make_user(db_session, "frontdesk", display_name="Kim Nguyen")
    incident = make_incident(db_session, volunteer)
    senior = sign_in_as("senior", display_name="Rosa Tuilagi")
    home = page_text(client, "/")
    assert "Incidents waiting for a review" in home
    assert "1 incident is waiting for you to look at." in home
    page = page_text(client, f"/safety/incidents/{incident.id}")
    assert "Written down by Kim Nguyen" in page and "Review" in page
    response = client.post(
        f"/safety/incidents/{incident.id}/review",
        data={
            "learned": "",
            "debrief_offered_on-day": "3",
            "debrief_offered_on-month": "3",
            "debrief_offered_on-year": "2026",
            "debrief_taken_up": "yes",
            "debrief_by_id": "",
            "version": _version(client, incident.id),
            "action": "save",
        },
    )
    assert response.status_code == 303
    [saved] = fetch(select(Incident))
    assert saved.status == "open" and saved.debrief_offered_on == date(2026, 3, 3)
    assert saved.debrief_taken_up is True and saved.debrief_by_id == senior.id
    assert saved.reviewed_by_id == senior.id
    response = client.post(
        f"/safety/incidents/{incident.id}/review",
        data={
            "learned": "Tell visitors early when the showers will be shut.",
            "debrief_offered_on-day": "3",
            "debrief_offered_on-month": "3",
            "debrief_offered_on-year": "2026",
            "debrief_taken_up": "yes",
            "debrief_by_id": str(senior.id),
            "version": _version(client, incident.id),
            "action": "close",
        },
    )
    assert response.status_code == 303
    [closed] = fetch(select(Incident))
    assert closed.status == "closed" and closed.closed_at is not None
    assert closed.learned == "Tell visitors early when the showers will be shut."
    assert "Incidents waiting for a review" not in page_text(client, "/")
    assert fetch(select(AuditEvent).where(AuditEvent.action == "safety.incident_closed"))
    # The volunteer sees it closed, with the debrief offered.
    sign_in_as(user=volunteer)
    page = page_text(client, f"/safety/incidents/{incident.id}")
    assert "Closed" in page
    assert "A debrief was offered on Tuesday 3 March by Rosa Tuilagi. It was taken up." in page
    listing = page_text(client, "/safety")
    assert "Offered 3 Mar" in listing or "Offered" in listing


def _version(client, incident_id) -> str:
    import re

    html = client.get(f"/safety/incidents/{incident_id}").get_data(as_text=True)
    return re.search(r'name="version"[^>]*value="([^"]*)"', html).group(1)


def test_closing_without_what_was_learned_is_refused_and_changes_nothing(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    volunteer = make_user(db_session, "frontdesk")
    incident = make_incident(db_session, volunteer)
    sign_in_as("manager")
    response = client.post(
        f"/safety/incidents/{incident.id}/review",
        data={
            "learned": "  ",
            "debrief_offered_on-day": "3",
            "debrief_offered_on-month": "3",
            "debrief_offered_on-year": "2026",
            "version": _version(client, incident.id),
            "action": "close",
        },
    )
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "There is a problem" in page
    assert "Write what was learned before you close the incident" in page
    [row] = fetch(select(Incident))
    assert row.status == "open" and row.closed_at is None
    assert row.debrief_offered_on is None and row.reviewed_by_id is None  # nothing half-saved
    assert row.version == 1


def test_a_review_from_an_old_page_keeps_the_other_persons_words(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    volunteer = make_user(db_session, "frontdesk")
    incident = make_incident(db_session, volunteer)
    sign_in_as("senior")
    old = _version(client, incident.id)
    incident.learned = "Someone else wrote this first."
    db_session.commit()
    response = client.post(
        f"/safety/incidents/{incident.id}/review",
        data={"learned": "My words.", "version": old, "action": "save"},
    )
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "Someone else changed this" in page and "My words." in page
    assert fetch(select(Incident))[0].learned == "Someone else wrote this first."


def test_a_debrief_cannot_be_offered_before_the_incident(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    volunteer = make_user(db_session, "frontdesk")
    incident = make_incident(db_session, volunteer)
    sign_in_as("senior")
    response = client.post(
        f"/safety/incidents/{incident.id}/review",
        data={
            "debrief_offered_on-day": "1",
            "debrief_offered_on-month": "3",
            "debrief_offered_on-year": "2026",
            "version": _version(client, incident.id),
            "action": "save",
        },
    )
    assert "The debrief cannot be offered before the incident happened" in text_of(
        response.get_data(as_text=True)
    )
    assert fetch(select(Incident))[0].debrief_offered_on is None


def test_a_closed_incident_is_kept_and_cannot_be_closed_again(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    volunteer = make_user(db_session, "frontdesk")
    incident = make_incident(
        db_session, volunteer, status="closed", learned="Learned.", closed_at=frozen_clock()
    )
    sign_in_as("senior")
    page = page_text(client, f"/safety/incidents/{incident.id}")
    assert "What was learned" in page and "Learned." in page
    assert "Save and close" not in page
    response = client.post(
        f"/safety/incidents/{incident.id}/review",
        data={"learned": "New words", "version": "1:", "action": "close"},
    )
    assert response.status_code == 200
    assert fetch(select(Incident))[0].learned == "Learned."


def save_draft(client, key: str):
    data = {"key": key, "path": "/", "fields": json.dumps({"what_happened": "A visitor shouted"})}
    return client.post("/drafts/save", data=data, check=False)


def test_what_a_volunteer_typed_is_kept_as_a_draft_until_the_incident_is_saved(
    client, sign_in_as, fetch, frozen_clock
):
    sign_in_as("trainee")
    assert save_draft(client, "incident:new").status_code == 404  # not a trainee's form
    sign_in_as("frontdesk")
    assert save_draft(client, "incident:new").status_code == 204
    assert "We kept what you typed" in page_text(client, "/safety/incidents/new")
    response = client.post("/safety/incidents/new", data=shouting(draft_key="incident:new"))
    assert response.status_code == 303
    assert fetch(select(Draft)) == []
    assert len(fetch(select(Incident))) == 1
