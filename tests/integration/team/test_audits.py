"""File checks: a senior works through the checklist, the score is computed, and the worker
gets the feedback and marks it done."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.models import AuditEvent, AuditFeedback, FileAudit, TimelineEntry
from app.team.completeness import CHECKS
from tests.conftest import start_session_for
from tests.factories import make_user
from tests.factories.care import make_note, make_plan, make_referral, on
from tests.factories.clients import make_assessment, make_client, make_consent, make_episode
from tests.factories.partners import make_partner
from tests.factories.team import make_feedback, make_file_audit
from tests.pagecheck import text_of
from tests.versions import version_at, version_in


@pytest.fixture
def a_file(db_session, frozen_clock):
    alex = make_user(db_session, "worker", display_name="Alex Murray")
    jaz = make_client(
        db_session,
        alex,
        nickname="Jaz",
        given_name="Jasmine",
        born_on=date(1990, 5, 1),
        gender="female",
    )
    make_assessment(db_session, jaz, support_level="ongoing")
    episode = make_episode(db_session, jaz)
    make_plan(db_session, jaz, episode, review_on=date(2026, 4, 1))
    consent = make_consent(db_session, jaz, given_on=date(2026, 1, 10))
    make_referral(
        db_session, jaz, None, make_partner(db_session), consent, referred_on=date(2026, 1, 5)
    )
    make_note(db_session, jaz, by=alex, contact_at=on(date(2026, 2, 2)))
    make_note(db_session, jaz, by=alex, contact_at=on(date(2026, 2, 9)), late=True)
    return alex, jaz


def finish_data(**answers):
    data = {key: "yes" for key in CHECKS}
    data.update(answers)
    data["action"] = "finish"
    return data


def test_a_senior_checks_a_file_and_sends_feedback(
    app, client, sign_in_as, db_session, a_file, fetch
):
    alex, jaz = a_file
    sign_in_as("senior", display_name="Rosa Tuilagi")
    response = client.post(f"/team/people/{jaz.id}/check")
    assert response.status_code == 303
    opened = client.get(response.headers["Location"])
    version = version_in(opened)
    page = text_of(opened.text)
    assert "Check the file of Jaz" in page
    assert "The file shows: Still to ask: family name" in page
    assert (
        "The file shows: Missing: Country of birth, Aboriginal or Torres Strait Islander status, "
        "Preferred language, Main drug and 3 more" in page
    )
    assert "The file shows: 1 current consent" in page
    assert "The file shows: Review due 1 April 2026" in page
    assert "The file shows: 1 referral without a current consent" in page
    assert "The file shows: 1 note written late" in page
    record = fetch(select(FileAudit))[0]

    # Finishing with a "no" needs feedback; every check needs an answer.
    data = finish_data(notes_timely="no", version=version)
    del data["notes_objective"]
    response = client.post(f"/team/audits/{record.id}", data=data)
    assert response.status_code == 200
    assert "Answer this check: yes, no or does not apply" in response.text
    assert "Write feedback for the worker about what to fix" in response.text
    assert fetch(select(FileAudit))[0].status == "open"

    data = finish_data(registration="no", notes_timely="no", referrals="na", version=version)
    data["feedback"] = "Add the family name. Write notes within 48 hours."
    response = client.post(f"/team/audits/{record.id}", data=data)
    assert response.status_code == 303
    record = fetch(select(FileAudit))[0]
    assert record.status == "done" and (record.met, record.counted) == (8, 10)  # 11 checks
    assert record.findings["notes_timely"] == "1 note written late"
    feedback = fetch(select(AuditFeedback))[0]
    assert feedback.worker_id == alex.id and feedback.done_at is None
    done_page = text_of(client.get(f"/team/audits/{record.id}").text)
    assert "Score 8 of 10 (80%)" in done_page and "Not done yet" in done_page
    assert [e.summary for e in fetch(select(TimelineEntry))] == [
        "File checked by Rosa Tuilagi: 8 of 10 (80%)"
    ]
    actions = {e.action for e in fetch(select(AuditEvent))}
    assert {
        "team.file_audit_started",
        "team.file_audit_finished",
        "team.audit_feedback_sent",
    } <= actions

    # The worker sees it on their home page and marks it done.
    worker = app.test_client()
    start_session_for(worker, db_session, alex)
    home = text_of(worker.get("/").text)
    assert "Feedback from a file check" in home and "The file of Jaz, from Rosa Tuilagi" in home
    page = text_of(worker.get(f"/team/feedback/{feedback.id}").text)
    assert "Add the family name" in page and "Mark as done" in page
    response = worker.post(f"/team/feedback/{feedback.id}", data={"note": "Added it."})
    assert response.status_code == 303
    assert fetch(select(AuditFeedback))[0].done_note == "Added it."
    assert "Feedback from a file check" not in text_of(worker.get("/").text)
    assert "Done" in text_of(client.get(f"/team/audits/{record.id}").text)


def test_saving_keeps_the_check_open(client, sign_in_as, a_file, fetch):
    _alex, jaz = a_file
    sign_in_as("senior")
    client.post(f"/team/people/{jaz.id}/check")
    record = fetch(select(FileAudit))[0]
    url = f"/team/audits/{record.id}"
    response = client.post(
        url, data={"registration": "no", "action": "save", "version": version_at(client, url)}
    )
    assert response.status_code == 303
    record = fetch(select(FileAudit))[0]
    assert record.status == "open" and record.answers == {"registration": "no"}
    assert "Checks to finish (1)" in text_of(client.get("/team/audits").text)
    # Starting the same file again opens the same check.
    client.post(f"/team/people/{jaz.id}/check")
    assert len(fetch(select(FileAudit))) == 1


def test_a_random_sample_leaves_out_files_checked_lately(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    alex = make_user(db_session, "worker")
    people = [make_client(db_session, alex) for _ in range(4)]
    senior = sign_in_as("senior")
    make_file_audit(db_session, people[0], by=senior, done=True)
    response = client.post("/team/audits/sample", data={"how_many": "10", "worker_id": "all"})
    assert response.status_code == 303
    picked = fetch(select(FileAudit).where(FileAudit.how_chosen == "sample"))
    assert sorted(a.client_id for a in picked) == sorted(p.id for p in people[1:])
    response = client.post("/team/audits/sample", data={"how_many": "3", "worker_id": str(alex.id)})
    assert "No files to pick" in text_of(client.get(response.headers["Location"]).text)


def test_each_workers_score_adds_up_their_latest_checks(
    client, sign_in_as, db_session, frozen_clock
):
    alex = make_user(db_session, "worker", display_name="Alex Murray")
    one, two = make_client(db_session, alex), make_client(db_session, alex)
    senior = sign_in_as("senior")
    all_yes = dict.fromkeys(CHECKS, "yes")
    make_file_audit(
        db_session,
        one,
        by=senior,
        done=True,
        answers={**all_yes, "plan": "no"},
        finished_at=frozen_clock() - timedelta(days=40),
    )
    make_file_audit(db_session, one, by=senior, done=True, answers=all_yes)  # newer: counts
    make_file_audit(db_session, two, by=senior, done=True, answers={**all_yes, "consent": "no"})
    page = text_of(client.get("/team/audits").text)
    assert "Alex Murray 95%" in page  # 11 checks a file, one "no": 21 of 22
    assert "21 of 22 (95%)" in text_of(client.get("/team/caseloads").text)


def test_feedback_is_private_to_the_worker_and_the_seniors(
    app, client, sign_in_as, db_session, a_file
):
    alex, jaz = a_file
    senior = make_user(db_session, "senior")
    feedback = make_feedback(db_session, make_file_audit(db_session, jaz, by=senior, done=True))
    for person, status in [
        (alex, 200),
        (senior, 200),
        (make_user(db_session, "manager"), 200),
        (make_user(db_session, "worker"), 404),
    ]:
        browser = app.test_client()
        start_session_for(browser, db_session, person)
        assert browser.get(f"/team/feedback/{feedback.id}").status_code == status
    # A senior reads it, but only the worker marks it done.
    browser = app.test_client()
    start_session_for(browser, db_session, senior)
    assert browser.post(f"/team/feedback/{feedback.id}", data={}).status_code == 404


@pytest.mark.parametrize("role", ["frontdesk", "trainee", "worker"])
def test_only_seniors_check_files(client, sign_in_as, db_session, role):
    worker = make_user(db_session, "worker")
    person = make_client(db_session, worker)
    record = make_file_audit(db_session, person, by=make_user(db_session, "senior"))
    sign_in_as(role)
    assert client.get("/team/audits").status_code == 404
    assert client.get(f"/team/audits/{record.id}").status_code == 404
    assert client.post(f"/team/people/{person.id}/check").status_code == 404
    assert client.post("/team/audits/sample", data={"how_many": "1"}).status_code == 404
