"""Confidentiality, told and kept (issue 15).

Model of care: "Service users are informed that their client file is confidential ...
Service users are also informed that CAHMA may be compelled by law to disclose confidential
information about the person, including when CAHMA is subpoenaed by a court and when the ACT
child protection services, CYF, requests information via legal processes."
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from app import clock
from app.models import (
    AuditEvent,
    CompelledDisclosure,
    ConfidentialityExplained,
    CoverAccess,
    TimelineEntry,
)
from tests.factories import make_user
from tests.factories.clients import make_client
from tests.pagecheck import text_of


def page_text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return text_of(response.get_data(as_text=True))


def a_request(**changes) -> dict:
    today = clock.today()
    data = {
        "kind": "subpoena",
        "asked_by": "ACT Magistrates Court",
        "authority": "Subpoena 1234 of 2026",
        "asked_on-day": str(today.day),
        "asked_on-month": str(today.month),
        "asked_on-year": str(today.year),
        "what_given": "Case notes from March. Nothing else.",
    }
    data.update(changes)
    return data


# --- told at intake ------------------------------------------------------------------------


def test_service_users_are_informed_that_their_client_file_is_confidential(
    client, sign_in_as, db_session, fetch
):
    me = sign_in_as("worker", display_name="Linh Tran")
    person = make_client(db_session, me, nickname="Tam")
    assert "Told it is confidentialNot yet Tell them now" in page_text(
        client, f"/clients/{person.id}"
    )

    html = client.get(f"/clients/{person.id}/confidentiality").get_data(as_text=True)
    page = text_of(html)
    assert "Tell Tam their file is confidential" in page
    assert "What you tell us stays private. Your file is confidential." in page
    assert "subpoena" in page and "child protection" in page
    assert 'data-read-aloud="words-to-say"' in html  # the words can be read aloud
    assert fetch(select(ConfidentialityExplained)) == []

    response = client.post(f"/clients/{person.id}/confidentiality")
    assert response.status_code == 303
    [told] = fetch(select(ConfidentialityExplained))
    assert (told.client_id, told.created_by_id) == (person.id, me.id)
    file_page = page_text(client, f"/clients/{person.id}")
    assert f"Told it is confidentialYes, {clock.today():%A} " in file_page
    assert "by Linh Tran" in file_page
    assert "Told their file is confidential, by Linh Tran" in file_page  # the timeline
    assert "Told on" in page_text(client, f"/clients/{person.id}/confidentiality")
    assert "client.confidentiality_explained" in {e.action for e in fetch(select(AuditEvent))}


def test_the_file_check_counts_whether_they_were_told(client, sign_in_as, db_session):
    me = sign_in_as("worker")
    person = make_client(db_session, me, nickname="Tam")
    sign_in_as("senior")
    check = client.post(f"/team/people/{person.id}/check")
    page = text_of(client.get(check.headers["Location"]).text)
    assert "They were told their file is confidential" in page
    assert "The file shows: Nobody has written down that they were told" in page


def test_only_who_may_open_the_file_may_tell_or_see_it(client, sign_in_as, db_session, fetch):
    worker = make_user(db_session, "worker")
    person = make_client(db_session, worker, nickname="Tam")
    url = f"/clients/{person.id}/confidentiality"
    for role in ("worker", "frontdesk", "trainee"):
        sign_in_as(role)
        assert client.get(url).status_code == 404, role
        assert client.post(url).status_code == 404, role
    # A worker covering sees only the narrow view: not this page.
    cover_worker = sign_in_as("worker")
    db_session.add(
        CoverAccess(
            client_id=person.id,
            user_id=cover_worker.id,
            reason="Covering",
            reason_kind="here_now",
            until=clock.now() + timedelta(hours=2),
        )
    )
    db_session.commit()
    assert client.get(f"/clients/{person.id}").status_code == 200
    assert client.get(url).status_code == 404
    assert fetch(select(ConfidentialityExplained)) == []
    for role in ("senior", "manager"):
        sign_in_as(role)
        assert client.get(url).status_code == 200, role


# --- disclosures the law compels ----------------------------------------------------------


def test_a_worker_records_a_subpoena_and_only_the_manager_approves_it(
    client, sign_in_as, db_session, fetch
):
    worker = sign_in_as("worker", display_name="Linh Tran")
    person = make_client(db_session, worker, nickname="Tam")
    url = f"/clients/{person.id}/disclosures"
    response = client.post(url, data=a_request())
    assert response.status_code == 303
    [record] = fetch(select(CompelledDisclosure))
    assert (record.state, record.created_by_id, record.decided_by_id) == (
        "waiting",
        worker.id,
        None,
    )
    assert (record.asked_by, record.authority) == ("ACT Magistrates Court", "Subpoena 1234 of 2026")
    page = page_text(client, url)
    assert "Waiting for the manager" in page
    assert "Approve: give this" not in page

    # Neither the worker nor a senior can approve it.
    answer = f"/clients/{person.id}/disclosures/{record.id}/answer"
    for role in ("worker", "senior"):
        who = worker if role == "worker" else sign_in_as("senior")
        sign_in_as(user=who)
        assert client.post(answer, data={"answer": "yes"}).status_code == 404
    assert fetch(select(CompelledDisclosure))[0].state == "waiting"

    manager = sign_in_as("manager", display_name="Jo Manager")
    assert "1 request waits for you to approve" in page_text(client, "/")
    listing = page_text(client, "/clients/disclosures")
    assert "Tam" in listing and "1 waiting for you" in listing
    response = client.post(answer, data={"answer": "yes", "from": "list"})
    assert response.headers["Location"].endswith("/clients/disclosures")
    [record] = fetch(select(CompelledDisclosure))
    assert (record.state, record.decided_by_id) == ("approved", manager.id)
    assert "Approved by the manager: Jo Manager" in page_text(client, url)
    summaries = [e.summary for e in fetch(select(TimelineEntry))]
    assert any(s.startswith("Information given because the law made us") for s in summaries)

    # Answering again changes nothing.
    response = client.post(answer, data={"answer": "no"})
    assert fetch(select(CompelledDisclosure))[0].state == "approved"
    assert "This request is answered already" in page_text(client, url)


def test_a_request_the_manager_records_is_approved_as_it_is_made(
    client, sign_in_as, db_session, fetch
):
    person = make_client(db_session, make_user(db_session, "worker"), nickname="Tam")
    manager = sign_in_as("manager")
    response = client.post(
        f"/clients/{person.id}/disclosures",
        data=a_request(kind="police", asked_by="City police station", authority="Warrant 55/26"),
    )
    assert response.status_code == 303
    [record] = fetch(select(CompelledDisclosure))
    assert (record.kind, record.state, record.decided_by_id) == ("police", "approved", manager.id)


def test_a_disclosure_without_an_authority_is_refused_and_nothing_is_saved(
    client, sign_in_as, db_session, fetch
):
    worker = sign_in_as("worker")
    person = make_client(db_session, worker, nickname="Tam")
    for authority in ("", "   "):
        response = client.post(
            f"/clients/{person.id}/disclosures", data=a_request(authority=authority)
        )
        assert response.status_code == 200
        page = text_of(response.get_data(as_text=True))
        assert "There is a problem" in page
        assert "Write the authority: the subpoena, warrant or law that makes us give this" in page
    assert fetch(select(CompelledDisclosure)) == []
    assert fetch(select(TimelineEntry)) == []


def test_the_rule_itself_refuses_a_disclosure_without_an_authority(app, db_session):
    from app.clients import confidentiality
    from app.core.saving import Refused

    worker = make_user(db_session, "worker")
    person = make_client(db_session, worker)
    with app.test_request_context():
        try:
            confidentiality.record_disclosure(
                person,
                kind="subpoena",
                asked_by="A court",
                authority=" ",
                asked_on=date(2026, 1, 1),
                what_given="Notes",
                by=worker,
            )
        except Refused as refusal:
            assert "Without one we give nothing" in refusal.message
        else:
            raise AssertionError("a disclosure without an authority was saved")


def test_the_person_sees_each_disclosure_in_their_copy_of_their_file(
    client, sign_in_as, db_session
):
    person = make_client(db_session, make_user(db_session, "worker"), nickname="Tam")
    sign_in_as("manager")
    client.post(f"/clients/{person.id}/disclosures", data=a_request())
    copy = page_text(client, f"/clients/{person.id}/copy")
    assert "Information the law made us give" in copy
    assert "Asked for by ACT Magistrates Court, under Subpoena 1234 of 2026" in copy
    assert "What we give: Case notes from March. Nothing else." in copy
    assert "Approved by the manager" in copy


def test_who_may_see_disclosures(client, sign_in_as, db_session):
    worker = make_user(db_session, "worker")
    person = make_client(db_session, worker, nickname="Tam")
    record = CompelledDisclosure(
        client_id=person.id,
        kind="subpoena",
        asked_by="A court",
        authority="Subpoena 1",
        asked_on=date(2026, 1, 1),
        what_given="Notes",
        state="waiting",
    )
    db_session.add(record)
    db_session.commit()
    on_file = f"/clients/{person.id}/disclosures"
    answer = f"{on_file}/{record.id}/answer"
    sign_in_as(user=worker)
    assert client.get(on_file).status_code == 200
    assert client.get("/clients/disclosures").status_code == 404
    for role in ("worker", "frontdesk", "trainee"):
        sign_in_as(role)
        assert client.get(on_file).status_code == 404, role
        assert client.post(on_file, data=a_request()).status_code == 404, role
        assert client.get("/clients/disclosures").status_code == 404, role
    sign_in_as("senior")
    assert client.get(on_file).status_code == 200
    assert client.get("/clients/disclosures").status_code == 404
    assert client.post(answer, data={"answer": "yes"}).status_code == 404
    sign_in_as("manager")
    assert client.get("/clients/disclosures").status_code == 200
    # A disclosure of another file through this file's address is a 404.
    other = make_client(db_session, worker)
    assert (
        client.post(
            f"/clients/{other.id}/disclosures/{record.id}/answer", data={"answer": "yes"}
        ).status_code
        == 404
    )
