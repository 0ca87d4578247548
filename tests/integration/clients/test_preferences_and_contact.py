"""Preferences about a worker, "no phone", language at the top, the agreed contact frequency,
and "Where did you meet them?" (issue 17)."""

from datetime import date, timedelta

from sqlalchemy import select

from app.models import (
    Allocation,
    AllocationRequest,
    AuditEvent,
    Client,
    ClientChange,
    Episode,
    TimelineEntry,
)
from tests.factories import make_user
from tests.factories.care import make_note, make_person, make_plan, on
from tests.factories.clients import make_client
from tests.pagecheck import text_of
from tests.versions import version_at

TODAY = date(2026, 3, 3)


def page_text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return text_of(response.get_data(as_text=True))


def staff(db_session):
    """A woman who speaks Vietnamese, and a man who shared nothing else."""
    linh = make_user(
        db_session,
        "worker",
        display_name="Linh Tran",
        gender="woman",
        languages=["English", "Vietnamese"],
    )
    ben = make_user(db_session, "worker", display_name="Ben Cole", gender="man", languages=[])
    return linh, ben


# --- preferences about their worker -------------------------------------------------------


def test_a_worker_records_preferences_kept_as_a_version(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person = make_client(db_session, me, nickname="Tam")
    url = f"/clients/{person.id}/preferences"
    assert "What they prefer in a worker" in page_text(client, url)
    response = client.post(
        url,
        data={
            "version": version_at(client, url),
            "gender": "woman",
            "indigenous": "no_matter",
            "language": " Vietnamese ",
            "contact_frequency": "weekly",
            "reason": "She asked today",
        },
    )
    assert response.status_code == 303
    [saved] = fetch(select(Client))
    assert saved.worker_preferences == {"gender": "woman", "language": "Vietnamese"}
    assert saved.contact_frequency == "weekly"
    [change] = fetch(select(ClientChange))
    assert change.changes["worker_preferences"] == ["No preference", "A woman · Speaks Vietnamese"]
    assert change.reason == "She asked today"
    top = page_text(client, f"/clients/{person.id}")
    assert "A woman · Speaks Vietnamese" in top and "Every week" in top


def test_choosing_a_worker_shows_each_fit_in_plain_words(client, sign_in_as, db_session):
    linh, ben = staff(db_session)
    person = make_client(
        db_session,
        ben,
        nickname="Tam",
        worker_preferences={"gender": "woman", "language": "Vietnamese"},
    )
    sign_in_as("senior")
    page = page_text(client, f"/clients/{person.id}/workers")
    assert "asked for: A woman · Speaks Vietnamese" in page
    assert "Woman · speaks English, Vietnamese" in page
    assert "Meets what they asked for" in page
    assert "Not a woman (as far as they shared); does not speak Vietnamese" in page


def test_a_choice_against_a_preference_needs_a_reason_or_nothing_is_saved(
    client, sign_in_as, db_session, fetch
):
    linh, ben = staff(db_session)
    person = make_client(db_session, linh, nickname="Tam", worker_preferences={"gender": "woman"})
    sign_in_as("senior")
    url = f"/clients/{person.id}/workers"
    for reason in ("", "He is free"):
        response = client.post(
            url,
            data={
                "version": version_at(client, url),
                "worker_id": ben.id,
                "reason": "Fewest people now",
                "preference_reason": reason,
            },
        )
        assert response.status_code == 200
        page = text_of(response.get_data(as_text=True))
        assert "There is a problem" in page and "at least 4 words" in page
        assert fetch(select(Client.worker_id)) == [linh.id]
        assert len(fetch(select(Allocation))) == 1

    response = client.post(
        url,
        data={
            "version": version_at(client, url),
            "worker_id": ben.id,
            "reason": "Fewest people now",
            "preference_reason": "Tam met Ben and chose him herself",
        },
    )
    assert response.status_code == 303
    assert fetch(select(Client.worker_id)) == [ben.id]
    newest = fetch(select(Allocation).order_by(Allocation.id.desc()))[0]
    assert newest.preference_reason == "Tam met Ben and chose him herself"
    [line] = fetch(select(TimelineEntry).where(TimelineEntry.kind == "allocated"))
    assert "because: Tam met Ben and chose him herself" in line.summary
    [event] = fetch(select(AuditEvent).where(AuditEvent.action == "client.allocated"))
    assert event.detail["against_preferences"] is True


def test_a_worker_who_meets_the_preference_needs_no_extra_reason(
    client, sign_in_as, db_session, fetch
):
    linh, ben = staff(db_session)
    person = make_client(db_session, ben, nickname="Tam", worker_preferences={"gender": "woman"})
    sign_in_as("senior")
    url = f"/clients/{person.id}/workers"
    response = client.post(
        url, data={"version": version_at(client, url), "worker_id": linh.id, "reason": "A woman"}
    )
    assert response.status_code == 303
    assert fetch(select(Client.worker_id)) == [linh.id]


def test_asking_for_a_worker_against_a_preference_needs_a_reason_too(
    client, sign_in_as, db_session, fetch
):
    linh, ben = staff(db_session)
    me = sign_in_as("worker")
    person = make_client(db_session, me, nickname="Tam", worker_preferences={"gender": "woman"})
    url = f"/clients/{person.id}/workers"
    data = {"version": version_at(client, url), "worker_id": ben.id, "reason": "He has room"}
    response = client.post(url, data=data)
    assert response.status_code == 200 and "at least 4 words" in response.get_data(as_text=True)
    assert fetch(select(AllocationRequest)) == []
    data["preference_reason"] = "Tam asked for Ben by name"
    assert client.post(url, data=data).status_code == 303
    [asked] = fetch(select(AllocationRequest))
    assert asked.preference_reason == "Tam asked for Ben by name"


def test_reallocation_against_a_preference_needs_a_reason(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    linh, ben = staff(db_session)
    person = make_client(db_session, linh, nickname="Tam", worker_preferences={"gender": "woman"})
    sign_in_as("senior")
    url = f"/team/people/{person.id}/reallocate"
    page = page_text(client, url)
    assert "asked for: A woman" in page
    data = {
        "version": version_at(client, url),
        "worker_id": str(ben.id),
        "reason": "Linh is leaving the service",
        "person_view": "agrees",
        "handover_note": "Likes to meet at the library.",
        "handover_on-day": "5",
        "handover_on-month": "3",
        "handover_on-year": "2026",
    }
    response = client.post(url, data=data)
    assert response.status_code == 200 and "at least 4 words" in response.get_data(as_text=True)
    assert fetch(select(Client.worker_id)) == [linh.id]
    data["preference_reason"] = "No woman worker has room this month"
    assert client.post(url, data=data).status_code == 303
    assert fetch(select(Client.worker_id)) == [ben.id]


# --- no phone, language at the top ----------------------------------------------------------


def test_no_phone_is_an_answer_not_a_gap(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person = make_client(db_session, me, nickname="Tam")
    url = f"/clients/{person.id}/details/reach"
    response = client.post(url, data={"version": version_at(client, url), "phone_none": "y"})
    assert response.status_code == 303
    assert "no_phone" in fetch(select(Client))[0].not_said
    details = page_text(client, f"/clients/{person.id}/details")
    assert "No phone" in details
    file_page = page_text(client, f"/clients/{person.id}")
    assert "A way to reach them" not in file_page
    # A number typed later wins over the tick.
    response = client.post(
        url,
        data={"version": version_at(client, url), "phone_none": "y", "phone": "0412 345 678"},
    )
    assert "no_phone" not in fetch(select(Client))[0].not_said


def test_language_and_interpreter_are_at_the_top_of_the_file(client, sign_in_as, db_session):
    me = sign_in_as("worker")
    person = make_client(
        db_session, me, nickname="Tam", preferred_language="Vietnamese", interpreter_needed="yes"
    )
    top = page_text(client, f"/clients/{person.id}")
    assert "Vietnamese Needs an interpreter" in top


def test_the_interpreter_question_is_with_the_language(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person = make_client(db_session, me, nickname="Tam")
    url = f"/clients/{person.id}/details/background"
    response = client.post(
        url,
        data={
            "version": version_at(client, url),
            "preferred_language": "Dari",
            "interpreter_needed": "no",
        },
    )
    assert response.status_code == 303
    assert fetch(select(Client.interpreter_needed)) == ["no"]
    assert "Dari No interpreter needed" in page_text(client, f"/clients/{person.id}")


# --- contact frequency ----------------------------------------------------------------------


def test_overdue_for_contact_on_the_caseload_and_the_file(
    client, sign_in_as, db_session, frozen_clock
):
    alex = make_user(db_session, "worker", display_name="Alex Murray")
    late, _ = make_person(db_session, alex, nickname="Late", contact_frequency="weekly")
    fine, _ = make_person(db_session, alex, nickname="Fine", contact_frequency="fortnightly")
    make_note(db_session, late, contact_at=on(TODAY - timedelta(days=10)))
    make_note(db_session, fine, contact_at=on(TODAY - timedelta(days=10)))
    sign_in_as("senior")
    page = page_text(client, f"/team/caseloads/{alex.id}")
    assert "Late" in page and "Every week Overdue for contact" in page
    assert "Every two weeks" in page and page.count("Overdue for contact") == 1
    assert "Overdue for contact" in page_text(client, f"/clients/{late.id}")
    overview = client.get("/team/caseloads").get_data(as_text=True)
    row = overview[overview.index(f"/team/caseloads/{alex.id}") :]
    row = row[: row.index("</tr>")]
    assert row.rstrip().endswith('"Overdue for contact"><span class="tag tag-warn">1</span></td>')
    assert "Overdue for contact" not in page_text(client, f"/clients/{fine.id}")


def test_plan_review_prompts_stepping_down_from_weekly(
    client, sign_in_as, db_session, frozen_clock
):
    me = sign_in_as("worker")
    weekly, episode = make_person(db_session, me, nickname="Weekly", contact_frequency="weekly")
    make_plan(db_session, weekly, episode, goals=["Housing"], review_on=TODAY)
    monthly, episode2 = make_person(db_session, me, nickname="Monthly", contact_frequency="monthly")
    make_plan(db_session, monthly, episode2, goals=["Housing"], review_on=TODAY)
    assert "Talk about seeing them less often?" in page_text(
        client, f"/clients/{weekly.id}/plan/dates"
    )
    assert "Talk about seeing them less often?" in page_text(client, f"/clients/{weekly.id}/plan")
    assert "Talk about seeing them less often?" not in page_text(
        client, f"/clients/{monthly.id}/plan/dates"
    )


# --- where did you meet them ----------------------------------------------------------------


def _register(client, contact: dict):
    response = client.post("/clients/new")
    draft_id = int(response.headers["Location"].split("/")[3])
    client.post(f"/clients/new/{draft_id}/name", data={"nickname": "Birdie", "then": "next"})
    response = client.post(f"/clients/new/{draft_id}/contact", data={**contact, "then": "check"})
    return draft_id, response


def test_somewhere_else_asks_where(client, sign_in_as, fetch):
    sign_in_as("worker")
    draft_id, response = _register(client, {"service_location": "other"})
    assert response.status_code == 200
    assert "Say where you met them" in response.get_data(as_text=True)
    _, response = _register(
        client, {"service_location": "other", "service_location_other": "Bus interchange"}
    )
    assert response.status_code == 303
    draft_id = int(response.headers["Location"].split("/")[3])
    assert client.post(f"/clients/new/{draft_id}/check", data={"action": "make"}).status_code == 303
    [made] = fetch(select(Client))
    assert (made.service_location, made.service_location_other) == ("other", "Bus interchange")
    assert "Bus interchange" in page_text(client, f"/clients/{made.id}/details")


def test_a_prison_visit_is_an_outreach_setting_in_the_national_data(client, sign_in_as, fetch):
    sign_in_as("worker")
    _, response = _register(
        client, {"service_location": "prison", "service_location_other": "ignored"}
    )
    draft_id = int(response.headers["Location"].split("/")[3])
    client.post(f"/clients/new/{draft_id}/check", data={"action": "make"})
    [made] = fetch(select(Client))
    assert made.service_location == "prison" and made.service_location_other is None
    [episode] = fetch(select(Episode))
    assert episode.delivery_setting == 4
