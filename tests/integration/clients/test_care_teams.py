"""Care teams (issue 15): "in some circumstances it may be decided that because of needs or
complexities ... a team approach may be necessary" (model of care). Someone joins a file's
team only with the person's agreement; the file's worker stays responsible; a trainee does
client work "under the supervision of an established PTSS worker" (Level four), in the narrow
view, and their notes count once the worker signs them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app import clock
from app.care.signing import SIGN_WITHIN_DAYS
from app.models import (
    AuditEvent,
    CareTeamMember,
    CaseNote,
    Client,
    NoteToSign,
    TimelineEntry,
    TrainingSession,
)
from tests.factories import make_user
from tests.factories.care import make_appointment, make_note, make_person, make_plan
from tests.factories.clients import make_consent
from tests.factories.training import level, load_programme, sign_off_level
from tests.pagecheck import text_of


def page_text(client, url) -> str:
    return text_of(client.get(url).get_data(as_text=True))


def at_level(app, db_session, person, number: int):
    """Sign off the levels before `number`: the person is working on that level."""
    load_programme(app, db_session)
    senior = make_user(db_session, "senior")
    for n in range(1, number):
        sign_off_level(db_session, person, level(db_session, n), senior)
    return person


def agreed(person, role_words="Goes to court with them", on_day="2") -> dict:
    return {
        "person": str(person.id),
        "role_words": role_words,
        "agreed": "y",
        "agreed_on-day": on_day,
        "agreed_on-month": "3",
        "agreed_on-year": "2026",
    }


def note_form(text="Rang to check in before court.", minutes="20") -> dict:
    return {
        "contact_on-day": "3",
        "contact_on-month": "3",
        "contact_on-year": "2026",
        "contact_time": "11:30",
        "kind": "phone",
        "minutes": minutes,
        "who_was_there": "",
        "text": text,
    }


@pytest.fixture
def dan_and_tam(db_session):
    dan = make_user(db_session, "worker", display_name="Dan Kelly")
    tam, episode = make_person(db_session, dan, nickname="Tam")
    return dan, tam, episode


# --- a team approach: the person agrees, the worker stays responsible -------------------------


def test_a_colleague_added_with_agreement_opens_the_whole_file_and_dan_stays_responsible(
    app, client, sign_in_as, db_session, fetch, frozen_clock, dan_and_tam
):
    dan, tam, _ = dan_and_tam
    priya = make_user(db_session, "worker", display_name="Priya Sharma")
    sign_in_as(user=priya)
    assert client.get(f"/clients/{tam.id}/details").status_code == 404

    sign_in_as(user=dan)
    response = client.post(f"/clients/{tam.id}/team", data=agreed(priya))
    assert response.status_code == 303
    page = page_text(client, f"/clients/{tam.id}/team")
    assert "Priya Sharma" in page and "Goes to court with them" in page
    assert "Monday 2 March" in page  # the day the person agreed
    [member] = fetch(select(CareTeamMember))
    assert member.agreed_on.isoformat() == "2026-03-02" and member.created_by_id == dan.id
    timeline = [e.summary for e in fetch(select(TimelineEntry))]
    assert "Priya Sharma joined the care team: Goes to court with them" in timeline
    assert fetch(select(AuditEvent).where(AuditEvent.action == "client.team_added"))

    sign_in_as(user=priya)
    for path in ("", "/details", "/consents", "/episodes", "/team", "/notes"):
        assert client.get(f"/clients/{tam.id}{path}").status_code == 200, path
    # The file stays Dan's: his caseload, not Priya's.
    [still] = fetch(select(Client))
    assert still.worker_id == dan.id
    from app.care.caseload import caseload

    with app.app_context():
        assert [r.client.id for r in caseload(dan.id)] == [tam.id]
        assert caseload(priya.id) == []
    # Only the file's worker (or a senior) changes the team.
    other = make_user(db_session, "worker")
    assert client.post(f"/clients/{tam.id}/team", data=agreed(other)).status_code == 404
    assert len(fetch(select(CareTeamMember))) == 1


def test_adding_someone_without_the_persons_agreement_is_refused_and_changes_nothing(
    client, sign_in_as, db_session, fetch, frozen_clock, dan_and_tam
):
    dan, tam, _ = dan_and_tam
    priya = make_user(db_session, "worker", display_name="Priya Sharma")
    sign_in_as(user=dan)
    no_tick = agreed(priya)
    del no_tick["agreed"]
    response = client.post(f"/clients/{tam.id}/team", data=no_tick)
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "There is a problem" in page
    assert "Ask the person first. Tick \u201cThe person agreed\u201d" in page
    no_day = agreed(priya, on_day="")
    no_day["agreed_on-month"] = no_day["agreed_on-year"] = ""
    response = client.post(f"/clients/{tam.id}/team", data=no_day)
    assert "Ask the person first" in text_of(response.get_data(as_text=True))
    assert fetch(select(CareTeamMember)) == []
    assert not [e for e in fetch(select(TimelineEntry)) if e.kind == "care_team"]
    sign_in_as(user=priya)
    assert client.get(f"/clients/{tam.id}").status_code == 404


def test_someone_taken_off_the_team_gets_404_and_their_time_on_it_is_kept(
    client, sign_in_as, db_session, fetch, frozen_clock, dan_and_tam
):
    dan, tam, _ = dan_and_tam
    priya = make_user(db_session, "worker", display_name="Priya Sharma")
    sign_in_as(user=dan)
    client.post(f"/clients/{tam.id}/team", data=agreed(priya))
    [member] = fetch(select(CareTeamMember))
    response = client.post(f"/clients/{tam.id}/team/{member.id}/end")
    assert response.status_code == 303
    page = page_text(client, f"/clients/{tam.id}/team")
    assert "Priya Sharma is off the care team" in page
    assert "Were on the team" in page
    [member] = fetch(select(CareTeamMember))
    assert member.ended_at is not None and member.ended_by_id == dan.id  # never deleted
    # Taking her off again is refused, with a clear message, and changes nothing.
    ended_at = member.ended_at
    client.post(f"/clients/{tam.id}/team/{member.id}/end")
    assert "Priya Sharma is off the care team already" in page_text(
        client, f"/clients/{tam.id}/team"
    )
    assert fetch(select(CareTeamMember))[0].ended_at == ended_at
    sign_in_as(user=priya)
    for path in ("", "/details", "/team", "/notes/new"):
        assert client.get(f"/clients/{tam.id}{path}").status_code == 404, path


# --- trainees and students: supervised, in the narrow view --------------------------------------


def test_a_trainee_below_level_4_cannot_join_a_care_team(
    app, client, sign_in_as, db_session, fetch, frozen_clock, dan_and_tam
):
    """Client work starts at Level four, "under the supervision of an established PTSS
    worker" (model of care)."""
    dan, tam, _ = dan_and_tam
    jordan = at_level(app, db_session, make_user(db_session, "trainee", display_name="Jordan"), 3)
    sign_in_as(user=dan)
    response = client.post(f"/clients/{tam.id}/team", data=agreed(jordan, "Learning"))
    page = text_of(response.get_data(as_text=True))
    assert "Jordan is at Level 3. Trainees work with people from Level 4" in page
    assert fetch(select(CareTeamMember)) == []
    sign_in_as(user=jordan)
    assert client.get(f"/clients/{tam.id}").status_code == 404


def test_a_learner_signs_in_with_the_phone_code_once_on_a_care_team(
    app, client, db_session, frozen_clock, dan_and_tam
):
    """A learner opens a client file only from a session that passed the phone code, like every
    worker: their password-only session ends when they join their first care team."""
    import pyotp

    from tests.conftest import start_session_for
    from tests.factories import PASSWORD, TOTP_SECRET

    dan, tam, _ = dan_and_tam
    tess = at_level(app, db_session, make_user(db_session, "trainee", display_name="Tess"), 4)

    def sign_in(tablet):
        return tablet.post("/sign-in", data={"username": tess.username, "password": PASSWORD})

    tablet = app.test_client()
    assert sign_in(tablet).headers["Location"] == "/"  # not on a team: the password is enough
    assert tablet.get("/").status_code == 200

    desk = app.test_client()
    start_session_for(desk, db_session, dan)
    assert desk.post(f"/clients/{tam.id}/team", data=agreed(tess)).status_code == 303

    assert tablet.get(f"/clients/{tam.id}").status_code == 302  # signed out, not shown the file
    page = text_of(tablet.get("/sign-in").get_data(as_text=True))
    assert "You were signed out because you joined a care team" in page
    assert sign_in(tablet).headers["Location"] == "/sign-in/two-step"
    assert tablet.get(f"/clients/{tam.id}").status_code == 302
    code = pyotp.TOTP(TOTP_SECRET).at(frozen_clock.moment)
    assert tablet.post("/sign-in/two-step", data={"code": code}).status_code == 303
    assert tablet.get(f"/clients/{tam.id}").status_code == 200


@pytest.mark.parametrize("role", ["trainee", "student"])
def test_a_learner_on_the_team_sees_only_the_narrow_view_of_only_that_file(
    app, client, sign_in_as, db_session, frozen_clock, dan_and_tam, role
):
    dan, tam, episode = dan_and_tam
    learner = make_user(db_session, role, display_name="Tess Walker")
    if role == "trainee":
        at_level(app, db_session, learner, 4)
    consent = make_consent(db_session, tam)
    plan = make_plan(db_session, tam, episode, goals=["Find a place to live"])
    note = make_note(db_session, tam, episode, by=dan, text="Talked about the lease.")
    coming = make_appointment(db_session, tam, episode, with_whom="Dr Lee")
    other, _ = make_person(db_session, dan, nickname="Robbie")
    c = tam.id
    sign_in_as(user=learner)
    assert client.get(f"/clients/{c}").status_code == 404  # not on the team yet

    sign_in_as(user=dan)
    assert client.post(f"/clients/{c}/team", data=agreed(learner, "Learning")).status_code == 303
    sign_in_as(user=learner)
    page = page_text(client, f"/clients/{c}")
    assert "You are on this person's care team as a learner" in page
    assert "Dan Kelly signs your notes" in page
    assert "Talked about the lease." in page and "Find a place to live" in page
    assert "Timeline" not in page and consent.party_name not in page
    assert "Ask for a new worker" not in page
    for url in (
        f"/clients/{c}",
        f"/clients/{c}/plan",
        f"/clients/{c}/notes/new",
        f"/clients/{c}/appointments",
        f"/clients/{c}/appointments/new",
        f"/clients/{c}/appointments/{coming.id}",
    ):
        assert client.get(url).status_code == 200, url
    for url in (
        f"/clients/{c}/details",
        f"/clients/{c}/consents",
        f"/clients/{c}/assessment",
        f"/clients/{c}/episodes",
        f"/clients/{c}/workers",
        f"/clients/{c}/team",
        f"/clients/{c}/requests",
        f"/clients/{c}/copy",
        f"/clients/{c}/notes",
        f"/clients/{c}/notes/{note.id}",
        f"/clients/{c}/plan/goals/new",
        f"/clients/{c}/referrals",
        f"/clients/{other.id}",
        f"/clients/{other.id}/notes/new",
        "/clients/search",
        "/my-work",
    ):
        assert client.get(url).status_code == 404, url
    goal = plan.goals[0]
    assert client.post(f"/clients/{c}/plan/goals/{goal.id}/status").status_code == 404
    # Their home page lists the files whose team they are on.
    home = page_text(client, "/")
    assert "Care teams you are on" in home and "Tam" in home and "Robbie" not in home


def test_a_trainees_note_waits_for_the_worker_and_counts_once_signed_with_hours(
    app, client, sign_in_as, db_session, fetch, frozen_clock, dan_and_tam
):
    dan, tam, _ = dan_and_tam
    tess = at_level(app, db_session, make_user(db_session, "trainee", display_name="Tess"), 4)
    sign_in_as(user=dan)
    client.post(f"/clients/{tam.id}/team", data=agreed(tess, "Learning with Dan"))

    sign_in_as(user=tess)
    # A trainee's note needs how long it took: their supervised hours come from it.
    response = client.post(f"/clients/{tam.id}/notes/new", data=note_form(minutes=""))
    assert "Say how long it took, in minutes" in text_of(response.get_data(as_text=True))
    assert fetch(select(NoteToSign)) == []
    response = client.post(f"/clients/{tam.id}/notes/new", data=note_form())
    assert response.status_code == 303
    assert "It counts once Dan Kelly signs it" in page_text(client, f"/clients/{tam.id}")
    [waiting] = fetch(select(NoteToSign))
    assert waiting.sign_by_id == dan.id and waiting.signed_at is None
    assert fetch(select(CaseNote)) == []  # not a case note yet: not counted anywhere
    from app.care.caseload import caseload
    from app.care.notes import notes_count

    with app.app_context():
        assert caseload(dan.id)[0].last_contact is None  # contact frequency
        assert notes_count() == 0  # reports

    sign_in_as(user=dan)
    file_page = page_text(client, f"/clients/{tam.id}")
    assert "Case note by Tess: waiting for Dan Kelly to sign" in file_page  # the timeline
    assert "Rang to check in before court." in file_page
    home = page_text(client, "/")
    assert "Notes waiting for you to sign" in home and "Tess wrote a note" in home
    assert "not counted" not in home
    response = client.post(f"/clients/{tam.id}/notes/to-sign/{waiting.id}/sign")
    assert response.status_code == 303
    file_page = page_text(client, f"/clients/{tam.id}")
    assert "Note signed. It counts now" in file_page
    assert "Case note by Tess: signed by Dan Kelly" in file_page
    [note] = fetch(select(CaseNote))
    assert note.created_by_id == tess.id and note.minutes == 20 and not note.late
    with app.app_context():
        assert caseload(dan.id)[0].last_contact is not None
        assert notes_count() == 1
    assert "Notes waiting for you to sign" not in page_text(client, "/")
    [hours] = fetch(select(TrainingSession).where(TrainingSession.user_id == tess.id))
    assert hours.minutes == 20 and hours.created_by_id == dan.id

    sign_in_as(user=tess)
    hours_page = page_text(client, "/training/hours")
    assert "about 20 minutes. Supervised client work, signed by Dan Kelly" in hours_page
    # Signing twice is refused and adds nothing.
    sign_in_as(user=dan)
    client.post(f"/clients/{tam.id}/notes/to-sign/{waiting.id}/sign")
    assert len(fetch(select(CaseNote))) == 1
    assert len(fetch(select(TrainingSession))) == 1


def test_a_note_never_signed_is_not_counted_and_after_7_days_the_worker_is_reminded(
    app, client, sign_in_as, db_session, fetch, frozen_clock, dan_and_tam
):
    dan, tam, _ = dan_and_tam
    tess = at_level(app, db_session, make_user(db_session, "trainee", display_name="Tess"), 5)
    sign_in_as(user=dan)
    client.post(f"/clients/{tam.id}/team", data=agreed(tess, "Learning with Dan"))
    sign_in_as(user=tess)
    client.post(f"/clients/{tam.id}/notes/new", data=note_form())

    frozen_clock.advance(days=SIGN_WITHIN_DAYS - 1)
    sign_in_as(user=dan)
    assert f"Waiting more than {SIGN_WITHIN_DAYS} days" not in page_text(client, "/")
    frozen_clock.advance(days=2)
    sign_in_as(user=dan)
    home = page_text(client, "/")
    assert f"Waiting more than {SIGN_WITHIN_DAYS} days: not counted" in home
    assert fetch(select(CaseNote)) == []
    from app.care.caseload import caseload

    with app.app_context():
        assert caseload(dan.id)[0].last_contact is None
    # Someone else (a senior who may open the file) cannot sign it for Dan.
    sign_in_as("senior")
    [waiting] = fetch(select(NoteToSign))
    client.post(f"/clients/{tam.id}/notes/to-sign/{waiting.id}/sign")
    assert "Only Dan Kelly can sign this note" in page_text(client, f"/clients/{tam.id}")
    assert fetch(select(CaseNote)) == [] and fetch(select(TrainingSession)) == []
    assert fetch(select(NoteToSign))[0].signed_at is None


# --- students on placement -----------------------------------------------------------------------


def test_the_manager_adds_a_student_with_their_course_and_supervisor(
    client, sign_in_as, db_session, fetch
):
    from app.models import Placement, User

    alex = make_user(db_session, "worker", display_name="Alex Murray")
    sign_in_as("manager")
    new_user = page_text(client, "/admin/users/new")
    assert "Student on placement" in new_user
    form = {"display_name": "Mia Thompson", "username": "mia.t", "role": "student"}
    response = client.post("/admin/users/new", data={**form, "supervisor": str(alex.id)})
    assert "Enter the course they are on" in text_of(response.get_data(as_text=True))
    assert fetch(select(User).where(User.username == "mia.t")) == []
    response = client.post(
        "/admin/users/new",
        data={**form, "programme": "Certificate IV in Alcohol and Other Drugs", "supervisor": ""},
    )
    assert "Choose the peer worker or senior worker" in text_of(response.get_data(as_text=True))
    assert fetch(select(User).where(User.username == "mia.t")) == []

    response = client.post(
        "/admin/users/new",
        data={
            **form,
            "programme": "Certificate IV in Alcohol and Other Drugs",
            "supervisor": str(alex.id),
        },
    )
    assert response.status_code == 200
    [mia] = fetch(select(User).where(User.username == "mia.t"))
    [placement] = fetch(select(Placement))
    assert placement.user_id == mia.id and placement.supervisor_id == alex.id

    sign_in_as(user=mia)
    home = page_text(client, "/")
    assert "Your placement" in home
    assert "Certificate IV in Alcohol and Other Drugs" in home and "Alex Murray" in home
    assert client.get("/clients/search").status_code == 404
    assert client.get("/training/hours").status_code == 200  # the same training as a trainee


def test_demo_data_has_a_care_team_with_a_trainee_a_note_to_sign_and_a_student(app, fetch):
    from app.models import Placement, User
    from tests.integration.test_commands import run

    run(app, "first-run")
    run(app, "demo-data")
    members = fetch(select(CareTeamMember))
    roles = {m.user.role for m in members}
    assert {"trainee", "worker"} <= roles
    [waiting] = fetch(select(NoteToSign))
    assert waiting.signed_at is None
    [student] = fetch(select(User).where(User.role == "student"))
    assert fetch(select(Placement))[0].user_id == student.id
    assert clock.now() - waiting.created_at < timedelta(days=1)
