"""A form sent twice is saved once (issue 13): every form carries a one-time key.

The second copy of a form goes straight to the page the first one went to, with "This was
saved already.", and nothing is saved again: for a case note, a new file, a referral, an
appointment, a handover and a plan goal, and for two copies sent in the same moment.
"""

from __future__ import annotations

import re
import secrets
import threading

from sqlalchemy import select

from app import idempotency
from app.extensions import db
from app.models import Appointment, CaseNote, Client, FormKey, Goal, Handover, Referral
from tests.conftest import start_session_for
from tests.factories import make_user
from tests.factories.care import make_person, make_plan
from tests.factories.clients import make_consent
from tests.factories.partners import make_partner
from tests.integration.care.test_notes import note_data as notes_page_data
from tests.integration.frontdesk.test_handovers import GOOD as GOOD_HANDOVER
from tests.pagecheck import text_of

SAVED_ALREADY = "This was saved already."


def a_key() -> str:
    return secrets.token_urlsafe(16)


def key_of_form(html: str, action: str) -> str:
    """The one-time key in the form that is sent to `action`, as the browser would send it."""
    form = re.search(rf'<form[^>]*action="{re.escape(action)}"(.*?)</form>', html, re.S)
    assert form, f"no form for {action}"
    [key] = re.findall(r'name="form_key" value="([^"]+)"', form.group(1))
    return key


def note_data(key: str | None, text="Met at the drop-in. Talked about housing.") -> dict:
    data = notes_page_data(text, who_was_there="")
    if key is not None:
        data["form_key"] = key
    return data


def sent_twice(client, url: str, data: dict, **options):
    first = client.post(url, data=dict(data), **options)
    second = client.post(url, data=dict(data), **options)
    return first, second


def assert_second_went_where_the_first_did(client, first, second) -> None:
    assert first.status_code == second.status_code == 303
    assert second.headers["Location"] == first.headers["Location"]
    page = text_of(client.get(second.headers["Location"]).get_data(as_text=True))
    assert SAVED_ALREADY in page


# --- every form carries a key -------------------------------------------------------------


def test_every_form_page_carries_a_new_one_time_key(client, sign_in_as, db_session, frozen_clock):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    url = f"/clients/{person.id}/notes/new"
    first = key_of_form(client.get(url).get_data(as_text=True), url)
    again = key_of_form(client.get(url).get_data(as_text=True), url)
    assert first != again and idempotency.well_formed(first)


# --- a double submit saves once ----------------------------------------------------------


def test_a_case_note_sent_twice_is_saved_once(client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    url = f"/clients/{person.id}/notes/new"
    key = key_of_form(client.get(url).get_data(as_text=True), url)
    first, second = sent_twice(client, url, note_data(key))
    assert_second_went_where_the_first_did(client, first, second)
    assert len(fetch(select(CaseNote))) == 1


def test_a_case_note_sent_twice_by_htmx_is_saved_once(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    url = f"/clients/{person.id}/notes/new"
    boosted = {"HX-Request": "true", "HX-Boosted": "true"}
    first, second = sent_twice(client, url, note_data(a_key()), headers=boosted)
    assert_second_went_where_the_first_did(client, first, second)
    assert len(fetch(select(CaseNote))) == 1


def test_making_a_new_file_twice_makes_one_file(client, sign_in_as, fetch, frozen_clock):
    sign_in_as("worker")
    start = client.post("/clients/new", data={"form_key": a_key()})
    draft_id = int(start.headers["Location"].split("/")[3])
    client.post(f"/clients/new/{draft_id}/name", data={"nickname": "Birdie", "then": "check"})
    url = f"/clients/new/{draft_id}/check"
    key = key_of_form(client.get(url).get_data(as_text=True), url)
    first, second = sent_twice(client, url, {"action": "make", "form_key": key})
    assert_second_went_where_the_first_did(client, first, second)
    [made] = fetch(select(Client))
    assert first.headers["Location"].endswith(f"/clients/{made.id}")


def test_a_referral_sent_twice_is_saved_once(client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    partner = make_partner(db_session, "Homeground Housing Help")
    make_consent(db_session, person, party_name=partner.name, partner_id=partner.id)
    data = {
        "partner_id": str(partner.id),
        "reason": "Needs a crisis bed tonight",
        "appointment_made": "y",
        "form_key": a_key(),
    }
    first, second = sent_twice(client, f"/clients/{person.id}/referrals/new", data)
    assert_second_went_where_the_first_did(client, first, second)
    assert len(fetch(select(Referral))) == 1


def test_an_appointment_sent_twice_is_booked_once(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    partner = make_partner(db_session)
    make_consent(db_session, person, party_name=partner.name, partner_id=partner.id)
    data = {
        "on_day-day": "5",
        "on_day-month": "3",
        "on_day-year": "2026",
        "at_time": "2:30pm",
        "partner_id": str(partner.id),
        "transport": "car",
        "questions": "Can I get take-away doses?",
        "form_key": a_key(),
    }
    first, second = sent_twice(client, f"/clients/{person.id}/appointments/new", data)
    assert_second_went_where_the_first_did(client, first, second)
    assert len(fetch(select(Appointment))) == 1


HANDOVER = GOOD_HANDOVER


def test_a_handover_sent_twice_is_saved_once(client, sign_in_as, fetch):
    sign_in_as("frontdesk")
    data = {**HANDOVER, "form_key": a_key()}
    first, second = sent_twice(client, "/frontdesk/handovers/new", data)
    assert_second_went_where_the_first_did(client, first, second)
    assert len(fetch(select(Handover))) == 1


def test_a_plan_goal_sent_twice_is_added_once(client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    plan = make_plan(db_session, person, episode)
    data = {"words": "A place of my own", "priority": "2", "version": str(plan.version)}
    data["form_key"] = a_key()
    first, second = sent_twice(client, f"/clients/{person.id}/plan/goals/new", data)
    assert_second_went_where_the_first_did(client, first, second)
    assert [g.words for g in fetch(select(Goal))] == ["A place of my own"]


# --- at the same moment -------------------------------------------------------------------


def test_two_copies_sent_at_the_same_moment_save_one_note(app, db_session, fetch, frozen_clock):
    me = make_user(db_session, "worker")
    person, _ = make_person(db_session, me)
    clients = [app.test_client(), app.test_client()]
    for each in clients:
        start_session_for(each, db_session, me)
    url = f"/clients/{person.id}/notes/new"
    data = note_data(a_key())
    start = threading.Barrier(2)
    answers, errors = [], []

    def send(n):
        try:
            start.wait()
            answers.append(clients[n].post(url, data=dict(data), check=False))
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=send, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert [a.status_code for a in answers] == [303, 303]
    assert answers[0].headers["Location"] == answers[1].headers["Location"]
    assert len(fetch(select(CaseNote))) == 1


# --- when the key lets a form through again -------------------------------------------------


def test_a_form_with_errors_keeps_its_key_and_is_saved_once_when_fixed(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    url = f"/clients/{person.id}/notes/new"
    key = a_key()
    shown_again = client.post(url, data=note_data(key, text=""))
    assert shown_again.status_code == 200
    assert key_of_form(shown_again.get_data(as_text=True), url) == key
    assert fetch(select(CaseNote)) == [] and fetch(select(FormKey)) == []
    first, second = sent_twice(client, url, note_data(key))
    assert_second_went_where_the_first_did(client, first, second)
    assert len(fetch(select(CaseNote))) == 1


def test_a_new_key_saves_a_second_note(client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    url = f"/clients/{person.id}/notes/new"
    assert client.post(url, data=note_data(a_key())).status_code == 303
    second = client.post(url, data=note_data(a_key()))
    assert second.status_code == 303
    assert SAVED_ALREADY not in text_of(client.get(second.headers["Location"]).data.decode())
    assert len(fetch(select(CaseNote))) == 2


def test_keys_belong_to_one_person(app, client, sign_in_as, db_session, fetch):
    sign_in_as("frontdesk")
    key = a_key()
    first = client.post("/frontdesk/handovers/new", data={**HANDOVER, "form_key": key})
    other = app.test_client()
    start_session_for(other, db_session, make_user(db_session, "frontdesk"))
    theirs = other.post("/frontdesk/handovers/new", data={**HANDOVER, "form_key": key})
    assert theirs.status_code == 303
    assert theirs.headers["Location"] != first.headers["Location"]
    page = text_of(other.get(theirs.headers["Location"]).get_data(as_text=True))
    assert "Handover saved." in page and SAVED_ALREADY not in page
    assert len(fetch(select(Handover))) == 2


def test_a_form_without_a_key_works_as_before(client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    response = client.post(f"/clients/{person.id}/notes/new", data=note_data(None))
    assert response.status_code == 303
    assert len(fetch(select(CaseNote))) == 1 and fetch(select(FormKey)) == []


def test_keys_are_forgotten_after_a_day(app, client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    url = f"/clients/{person.id}/notes/new"
    key = a_key()
    assert client.post(url, data=note_data(key)).status_code == 303
    frozen_clock.advance(hours=25)
    with app.test_request_context():
        idempotency.forget_old_keys()
        db.session.commit()
    assert fetch(select(FormKey)) == []
    sign_in_as(user=me)  # the day-old session has ended
    assert client.post(url, data=note_data(key)).status_code == 303
    assert len(fetch(select(CaseNote))) == 2
    assert len(fetch(select(FormKey))) == 1
