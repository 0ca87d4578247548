"""A closing the worker is not sure of waits for the manager, and closes on their yes.

The model of care, "Closing a PTSS Episode of Care": "PTSS workers liaise with the PTSS
Manager to ensure that this balance is correct and that cases they are unsure of are sent to
management for consideration and later validation within the AIHW data set."
"""

from sqlalchemy import select

from app.models import AuditEvent, Episode, TimelineEntry
from app.models.care import ClosingCheck
from tests.factories.care import make_person
from tests.integration.care.test_closing_reasons import to_check
from tests.pagecheck import text_of


def ask_manager(client, person_id: int, why="Maybe rehab in Sydney, maybe just stopped") -> None:
    check = to_check(client, person_id, 7)
    response = client.post(check, data={"then": "ask", "unsure_why": why})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/clients/{person_id}/close")


def test_a_not_sure_closing_waits_for_the_manager_and_closes_on_their_yes(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    worker = sign_in_as("worker")
    person, episode = make_person(db_session, worker, nickname="Tam")
    ask_manager(client, person.id)
    [check] = fetch(select(ClosingCheck))
    assert check.status == "waiting" and not check.sure
    assert fetch(select(Episode))[0].is_open  # waits: the episode stays open
    page = text_of(client.get(f"/clients/{person.id}/close").get_data(as_text=True))
    assert "Waiting for the manager" in page and "Maybe rehab in Sydney" in page
    assert "Closing waits for the manager" in text_of(
        client.get(f"/clients/{person.id}").get_data(as_text=True)
    )
    assert fetch(select(AuditEvent).where(AuditEvent.action == "episode.closing_asked"))

    # A worker cannot confirm it (the page and the yes are the manager's): 404, as the app does.
    assert client.get("/closings-to-check", check=False).status_code == 404
    refused = client.post(f"/closings-to-check/{check.id}", data={"decision": "close"})
    assert refused.status_code == 404
    assert fetch(select(Episode))[0].is_open

    manager = sign_in_as("manager")
    home = text_of(client.get("/").get_data(as_text=True))
    assert "Closings to check" in home and "1 closing waits for your yes" in home
    page = text_of(client.get("/closings-to-check").get_data(as_text=True))
    assert "Tam" in page and "Maybe rehab in Sydney, maybe just stopped" in page
    assert "national code 7" in page
    response = client.post(f"/closings-to-check/{check.id}", data={"decision": "close"})
    assert response.status_code == 303
    [closed] = fetch(select(Episode))
    assert not closed.is_open and closed.reason_for_cessation == 7
    assert closed.closed_by_id == manager.id
    [check] = fetch(select(ClosingCheck))
    assert check.status == "closed" and check.decided_by_id == manager.id and check.closed_at
    assert fetch(select(AuditEvent).where(AuditEvent.action == "episode.closing_confirmed"))
    assert "No closings to check." in text_of(
        client.get("/closings-to-check").get_data(as_text=True)
    )
    # A second yes changes nothing more.
    again = client.post(f"/closings-to-check/{check.id}", data={"decision": "close"})
    assert again.status_code == 200
    assert "dealt with this closing already" in text_of(again.get_data(as_text=True))


def test_the_manager_can_keep_it_open(client, sign_in_as, db_session, fetch, frozen_clock):
    worker = sign_in_as("worker")
    person, _ = make_person(db_session, worker)
    ask_manager(client, person.id)
    [check] = fetch(select(ClosingCheck))
    sign_in_as("manager")
    response = client.post(f"/closings-to-check/{check.id}", data={"decision": "send_back"})
    assert response.status_code == 303
    assert fetch(select(Episode))[0].is_open
    assert fetch(select(ClosingCheck))[0].status == "sent_back"
    summaries = [e.summary for e in fetch(select(TimelineEntry))]
    assert "The manager kept the episode open: talk to them about closing" in summaries
    # The worker is told, and can start closing again.
    sign_in_as(user=worker)
    page = text_of(client.get(f"/clients/{person.id}/close").get_data(as_text=True))
    assert "The manager kept this episode open on Tuesday 3 March" in page
    assert client.post(f"/clients/{person.id}/close").status_code == 303


def test_a_senior_worker_cannot_confirm_either(client, sign_in_as, db_session, fetch, frozen_clock):
    worker = sign_in_as("worker")
    person, _ = make_person(db_session, worker)
    ask_manager(client, person.id)
    [check] = fetch(select(ClosingCheck))
    sign_in_as("senior")
    assert (
        client.post(f"/closings-to-check/{check.id}", data={"decision": "close"}).status_code == 404
    )
    assert fetch(select(Episode))[0].is_open


def test_bad_input_gives_a_clear_message_and_changes_nothing(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    worker = sign_in_as("worker")
    person, _ = make_person(db_session, worker)
    check_url = to_check(client, person.id, 7)
    too_long = client.post(check_url, data={"then": "ask", "unsure_why": "x" * 2001})
    assert too_long.status_code == 200
    page = text_of(too_long.get_data(as_text=True))
    assert "There is a problem" in page
    assert "What you are not sure of must be 2,000 characters or fewer" in page
    assert fetch(select(ClosingCheck)) == []
    ask_manager(client, person.id)
    [check] = fetch(select(ClosingCheck))
    sign_in_as("manager")
    response = client.post(f"/closings-to-check/{check.id}", data={"decision": "maybe"})
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "There is a problem" in page and "Choose one of the answers" in page
    assert fetch(select(ClosingCheck))[0].status == "waiting"
    assert fetch(select(Episode))[0].is_open
    assert client.post("/closings-to-check/99999", data={"decision": "close"}).status_code == 404
