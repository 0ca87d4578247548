"""Consents, the assessment and matching, episodes, requests and the timeline."""

from datetime import date, timedelta

from sqlalchemy import select

from app import clock
from app.clients import consents
from app.models import (
    AccessRequest,
    Allocation,
    AllocationRequest,
    Assessment,
    Client,
    Consent,
    Episode,
    TimelineEntry,
)
from tests.factories import make_user
from tests.factories.clients import (
    make_assessment,
    make_client,
    make_consent,
    make_episode,
    make_timeline_entry,
)
from tests.pagecheck import text_of
from tests.versions import version_at, version_in


def consent_journey(client, person_id, **how):
    response = client.post(f"/clients/{person_id}/consents/new")
    assert response.status_code == 303
    base = response.headers["Location"].rsplit("/", 1)[0]
    client.post(
        f"{base}/who",
        data={
            "party_name": "Housing ACT",
            "relationship_to": "Housing caseworker",
            "contact_details": "Phone 6207 1500",
        },
    )
    client.post(
        f"{base}/what",
        data={"shares": ["housing", "contact"], "shares_other": "Their rent history"},
    )
    data = {
        "how_given": "signed_paper",
        "given_on-day": "3",
        "given_on-month": "3",
        "given_on-year": "2026",
    }
    data.update(how)
    return base, client.post(f"{base}/how", data=data)


def test_recording_a_consent_to_share_with_housing(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    base, response = consent_journey(client, person.id)
    assert response.headers["Location"].endswith("/check")
    page = text_of(client.get(f"{base}/check").get_data(as_text=True))
    assert "Housing ACT" in page and "3 March 2027" in page  # 12 months by default
    response = client.post(f"{base}/check")
    assert response.status_code == 303
    again = client.post(f"{base}/check")  # a second tap saves nothing more
    assert again.headers["Location"] == response.headers["Location"]
    [consent] = fetch(select(Consent))
    assert consent.expires_on == date(2027, 3, 3)
    assert consent.shares == ["housing", "contact"]
    with client.application.app_context():
        from app.extensions import db

        found = consents.current_consent_for(db.session.get(Client, person.id), "housing act")
        assert found is not None and found.id == consent.id
    assert fetch(select(TimelineEntry).where(TimelineEntry.kind == "consent_given"))
    printed = text_of(
        client.get(f"/clients/{person.id}/consents/{consent.id}/print").get_data(as_text=True)
    )
    assert "Release and exchange of information" in printed and "Signature" in printed


def test_a_yes_out_loud_needs_a_witness(client, sign_in_as, db_session):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    _, response = consent_journey(client, person.id, how_given="verbal")
    assert response.status_code == 200
    assert "Enter the name of the witness" in response.get_data(as_text=True)


def test_consent_withdrawn_and_expired_are_marked_and_not_current(
    client, sign_in_as, db_session, fetch
):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    old = make_consent(
        db_session, person, party_name="Old GP", given_on=clock.today() - timedelta(days=400)
    )
    soon = make_consent(
        db_session, person, party_name="Soon Service", given_on=clock.today() - timedelta(days=350)
    )
    current = make_consent(db_session, person, party_name="CYF worker")
    url = f"/clients/{person.id}/consents/{current.id}"
    client.post(
        url,
        data={
            "version": version_at(client, url),
            "withdrawn_on-day": str(clock.today().day),
            "withdrawn_on-month": str(clock.today().month),
            "withdrawn_on-year": str(clock.today().year),
        },
    )
    page = text_of(client.get(f"/clients/{person.id}").get_data(as_text=True))
    assert "Ended: Old GP" in page
    assert "Taken back: CYF worker" in page
    assert "Soon Service" in page
    list_page = text_of(client.get(f"/clients/{person.id}/consents").get_data(as_text=True))
    assert "Taken back" in list_page and "Ended" in list_page and "Ends soon" in list_page
    with client.application.app_context():
        from app.extensions import db

        subject = db.session.get(Client, person.id)
        assert consents.current_consent_for(subject, "Old GP") is None
        assert consents.current_consent_for(subject, "CYF worker") is None
        assert consents.current_consent_for(subject, "Soon Service").id == soon.id
    assert old.id


def test_current_consent_for_a_partner_object(db_session, app):
    person = make_client(db_session)
    consent = make_consent(db_session, person, partner_id=7, party_name="Directions")

    class Partner:
        id = 7
        name = "Directions Health"

    with app.app_context():
        from app.extensions import db

        subject = db.session.get(Client, person.id)
        assert consents.current_consent_for(subject, Partner()).id == consent.id
        assert "no current consent" in consents.no_consent_message(Partner())


def test_assessment_saves_a_new_version_each_time(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    data = {
        "met_on-day": "3",
        "met_on-month": "3",
        "met_on-year": "2026",
        "support_level": "ongoing",
        "needs": ["housing", "drug_treatment"],
        "need_housing": "Couch surfing at a friend's place",
        "strengths": "Funny, keen",
    }
    url = f"/clients/{person.id}/assessment"
    response = client.post(url, data={**data, "version": version_at(client, url)})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/clients/{person.id}")
    data["risks"] = "Overdose risk after release"
    data["support_level"] = "intensive"
    client.post(url, data={**data, "version": version_at(client, url)})
    rows = fetch(select(Assessment).order_by(Assessment.id))
    # The newest level is kept on the person's row (the caseloads count it), and that alone
    # does not change the file's version (nobody editing the details has to start again).
    row = fetch(select(Client).where(Client.id == person.id))[0]
    assert (row.support_level, row.version) == ("intensive", person.version)
    assert len(rows) == 2
    assert rows[0].risks is None and rows[1].risks == "Overdose risk after release"
    assert rows[1].need_notes == {"housing": "Couch surfing at a friend's place"}
    assert rows[1].created_by_id == me.id
    html = client.get(f"/clients/{person.id}/assessment").get_data(as_text=True)
    assert "Overdose risk after release" in html  # the form starts from the newest
    assert "Earlier versions" in text_of(html)


def test_matching_suggests_workers_with_fitting_experience(client, sign_in_as, db_session, fetch):
    senior = sign_in_as("senior")
    fits = make_user(
        db_session, "worker", display_name="Alex Murray", shared_experience=["cyf", "omt"]
    )
    make_user(db_session, "worker", display_name="Dan Kelly", shared_experience=["prison"])
    make_user(db_session, "frontdesk", display_name="Kim Nguyen")
    person = make_client(db_session)
    make_assessment(db_session, person, needs=["children"])
    html = client.get(f"/clients/{person.id}/workers").get_data(as_text=True)
    page = text_of(html)
    assert page.index("Alex Murray") < page.index("Dan Kelly")
    assert "Getting children back from child protection (CYF)" in page
    assert "Kim Nguyen" not in page
    response = client.post(
        f"/clients/{person.id}/workers",
        data={"worker_id": fits.id, "reason": "Been through CYF", "version": version_in(html)},
    )
    assert response.status_code == 303
    [allocation] = fetch(select(Allocation))
    assert allocation.worker_id == fits.id and allocation.approved_by_id == senior.id
    assert fetch(select(Client))[0].worker_id == fits.id


def test_a_worker_asks_to_hand_their_file_on_and_a_senior_approves(
    client, sign_in_as, db_session, fetch
):
    """A worker asks; the file stays theirs until a senior says yes, then it moves."""
    me = sign_in_as("worker")
    colleague = make_user(db_session, "worker", display_name="Dan Kelly")
    person = make_client(db_session, me)
    url = f"/clients/{person.id}/workers"
    response = client.post(
        url,
        data={
            "worker_id": colleague.id,
            "reason": "Shared experience",
            "version": version_at(client, url),
        },
    )
    assert response.headers["Location"].endswith(f"/clients/{person.id}")
    assert client.get(f"/clients/{person.id}").status_code == 200
    assert fetch(select(Client))[0].worker_id == me.id
    [asked] = fetch(select(AllocationRequest))
    assert asked.state == "waiting" and asked.worker_id == colleague.id
    senior = sign_in_as("senior")
    page = text_of(client.get(url).get_data(as_text=True))
    assert "Waiting for a senior to say yes" in page
    client.post(
        f"/clients/{person.id}/allocation-requests/{asked.id}/answer", data={"answer": "yes"}
    )
    assert fetch(select(Client))[0].worker_id == colleague.id
    newest = fetch(select(Allocation).order_by(Allocation.id.desc()))[0]
    assert newest.worker_id == colleague.id and newest.approved_by_id == senior.id


def test_a_closed_episode_is_read_only_and_a_return_opens_a_new_one(
    client, sign_in_as, db_session, fetch
):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    closed = make_episode(db_session, person, closed_on=date(2026, 2, 1), reason_for_cessation=1)
    make_assessment(db_session, person, needs=["housing"], strengths="Keeps going")
    page = text_of(client.get(f"/clients/{person.id}/episodes/{closed.id}").get_data(as_text=True))
    assert "This episode is closed" in page and "The plan is done" in page
    client.post(
        f"/clients/{person.id}/episodes/{closed.id}",
        data={
            "main_treatment_type": "2",
            "source_of_referral": "1",
            "client_type": "1",
            "delivery_setting": "1",
            "principal_drug": "1202",
        },
    )
    assert fetch(select(Episode).where(Episode.id == closed.id))[0].main_treatment_type == 5
    response = client.post(f"/clients/{person.id}/episodes/new", data={"from_last": "y"})
    assert response.status_code == 303
    episodes = fetch(select(Episode).order_by(Episode.id))
    assert len(episodes) == 2 and episodes[1].closed_on is None
    copies = fetch(select(Assessment).where(Assessment.episode_id == episodes[1].id))
    assert copies and copies[0].strengths == "Keeps going"
    again = client.post(f"/clients/{person.id}/episodes/new", data={"from_last": "y"})
    assert again.status_code == 303
    assert len(fetch(select(Episode))) == 2


def test_an_open_episode_can_change_its_codes(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    episode = make_episode(db_session, person)
    url = f"/clients/{person.id}/episodes/{episode.id}"
    client.post(
        url,
        data={
            "version": version_at(client, url),
            "main_treatment_type": "5",
            "source_of_referral": "6",
            "client_type": "1",
            "delivery_setting": "4",
            "principal_drug": "3103",
        },
    )
    saved = fetch(select(Episode))[0]
    assert (saved.source_of_referral, saved.delivery_setting, saved.principal_drug) == (
        6,
        4,
        "3103",
    )


def test_access_request_deadlines_show_until_done(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    client.post(
        f"/clients/{person.id}/requests",
        data={
            "kind": "access",
            "received_on-day": "3",
            "received_on-month": "3",
            "received_on-year": "2026",
            "asked_for": "All my notes",
        },
    )
    page = text_of(client.get(f"/clients/{person.id}").get_data(as_text=True))
    assert "Answer the person by Tuesday 17 March" in page
    assert "Give them access by Thursday 2 April" in page
    home = text_of(client.get("/").get_data(as_text=True))
    assert "Requests to see or correct a file" in home
    [request] = fetch(select(AccessRequest))
    day = {"day": "3", "month": "3", "year": "2026"}
    client.post(
        f"/clients/{person.id}/requests/{request.id}",
        data={
            f"r{request.id}-step": "answered",
            **{f"r{request.id}-on-{k}": v for k, v in day.items()},
        },
    )
    page = text_of(client.get(f"/clients/{person.id}").get_data(as_text=True))
    assert "Answer the person by" not in page and "Give them access by" in page
    client.post(
        f"/clients/{person.id}/requests/{request.id}",
        data={
            f"r{request.id}-step": "done",
            **{f"r{request.id}-on-{k}": v for k, v in day.items()},
        },
    )
    page = text_of(client.get(f"/clients/{person.id}").get_data(as_text=True))
    assert "Give them access by" not in page
    assert fetch(select(AccessRequest))[0].done_on == date(2026, 3, 3)


def test_the_timeline_is_newest_first_and_paginated(client, sign_in_as, db_session):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    start = clock.now()
    for n in range(25):
        make_timeline_entry(
            db_session, person, summary=f"Entry {n:02}", occurred_at=start + timedelta(minutes=n)
        )
    page = text_of(client.get(f"/clients/{person.id}").get_data(as_text=True))
    assert page.index("Entry 24") < page.index("Entry 23")
    assert "Entry 04" not in page and "Page 1 of 2" in page
    older = text_of(client.get(f"/clients/{person.id}?page=2").get_data(as_text=True))
    assert "Entry 04" in older


def test_add_to_timeline_is_one_function_for_every_area(app, db_session):
    from app.clients.timeline import add_to_timeline
    from app.extensions import db

    person = make_client(db_session)
    with app.test_request_context():
        subject = db.session.get(Client, person.id)
        entry = add_to_timeline(
            subject, kind="case_note", summary="Case note added", record=subject
        )
        db.session.commit()
        assert entry.record_type == "Client" and entry.record_id == person.id
