"""Registration: one group per page, a draft kept, check answers, duplicates, the file."""

from datetime import date

from sqlalchemy import select

from app.models import (
    Allocation,
    Assessment,
    AuditEvent,
    Client,
    Episode,
    RegistrationDraft,
    TimelineEntry,
)
from tests.factories.clients import make_client
from tests.pagecheck import text_of


def start(client) -> int:
    response = client.post("/clients/new")
    assert response.status_code == 303
    return int(response.headers["Location"].split("/")[3])


def step(client, draft_id, key, **data):
    return client.post(f"/clients/new/{draft_id}/{key}", data=data)


def test_new_file_page_explains_a_name_is_enough(client, sign_in_as):
    sign_in_as("worker")
    page = text_of(client.get("/clients/new").get_data(as_text=True))
    assert "Only a first name or a nickname is needed" in page


def test_each_step_shows_where_you_are_and_a_back_link(client, sign_in_as):
    sign_in_as("worker")
    draft_id = start(client)
    html = client.get(f"/clients/new/{draft_id}/birth").get_data(as_text=True)
    page = text_of(html)
    assert "Step 3 of 6" in page
    assert f"/clients/new/{draft_id}/contact" in html  # back link to step 2
    assert "They prefer not to say" in page


def test_a_nickname_alone_makes_a_file_with_an_episode(client, sign_in_as, fetch):
    worker = sign_in_as("worker")
    draft_id = start(client)
    response = step(client, draft_id, "name", nickname="Birdie", then="check")
    assert response.headers["Location"].endswith(f"/clients/new/{draft_id}/check")
    page = text_of(client.get(f"/clients/new/{draft_id}/check").get_data(as_text=True))
    assert "Check your answers" in page and "Birdie" in page
    response = client.post(f"/clients/new/{draft_id}/check", data={"action": "make"})
    assert response.status_code == 303
    [made] = fetch(select(Client))
    assert made.nickname == "Birdie" and made.worker_id == worker.id
    [episode] = fetch(select(Episode))
    assert episode.client_id == made.id and episode.main_treatment_type == 5
    assert episode.closed_on is None
    assert fetch(select(Allocation))[0].worker_id == worker.id
    assert fetch(select(TimelineEntry).where(TimelineEntry.kind == "registered"))
    file_page = text_of(client.get(f"/clients/{made.id}").get_data(as_text=True))
    assert "Still to ask, when the time is right" in file_page
    assert "Date of birth" in file_page


def test_without_a_name_there_is_no_file(client, sign_in_as, fetch):
    sign_in_as("worker")
    draft_id = start(client)
    response = step(client, draft_id, "name", family_name="Lee")
    assert response.status_code == 200
    assert "Enter a first name or a nickname" in response.get_data(as_text=True)
    response = client.post(f"/clients/new/{draft_id}/check", data={"action": "make"})
    assert "Enter a first name or a nickname before you make the file" in text_of(
        response.get_data(as_text=True)
    )
    assert fetch(select(Client)) == []


def test_all_six_steps_then_the_file_has_every_answer(client, sign_in_as, fetch):
    worker = sign_in_as("worker")
    draft_id = start(client)
    step(
        client,
        draft_id,
        "name",
        given_name="Elizabeth",
        family_name="Smith",
        nickname="Liz",
        pronouns="she/her",
    )
    step(
        client,
        draft_id,
        "contact",
        **{"contact_date-day": "2", "contact_date-month": "3", "contact_date-year": "2026"},
        service_location="drop_in",
        referral_source="self",
    )
    step(
        client,
        draft_id,
        "birth",
        **{"born_on-day": "5", "born_on-month": "3", "born_on-year": "1980"},
        gender="female",
    )
    step(
        client,
        draft_id,
        "reach",
        phone="0412 345 678",
        email="liz@example.com",
        ok_to_call="yes",
        ok_to_text="no",
        ok_to_email="prefer_not",
        address="1 Benjamin Way, Belconnen",
        postcode="2617",
    )
    step(
        client,
        draft_id,
        "background",
        country_of_birth="Australia",
        preferred_language="English",
        nesb="no",
        indigenous="neither",
        accommodation="private_rental",
        living="friends",
    )
    response = step(
        client,
        draft_id,
        "drugs",
        client_type="own",
        main_drug="heroin",
        method="injects",
        other_drugs=["benzos", "cannabis"],
        last_injected="0_3_months",
    )
    assert response.headers["Location"].endswith("/check")
    client.post(f"/clients/new/{draft_id}/check", data={"action": "make"})
    [made] = fetch(select(Client))
    assert made.slk581 == "MIHLI050319802"
    assert made.born_on == date(1980, 3, 5)
    assert made.phone_digits == "0412345678"
    assert made.other_drugs == ["benzos", "cannabis"]
    assert made.staff_member_id == worker.id
    [episode] = fetch(select(Episode))
    assert episode.opened_on == date(2026, 3, 2)
    assert (episode.principal_drug, episode.method_of_use, episode.injecting_status) == (
        "1202",
        3,
        1,
    )
    assert episode.other_drugs == ["2400", "7101"]
    assert episode.source_of_referral == 1 and episode.delivery_setting == 1
    page = text_of(client.get(f"/clients/{made.id}").get_data(as_text=True))
    assert "OK to call: yes" in page and "OK to text: no" in page
    assert "OK to email: no" in page
    assert "Still to ask" not in page


def test_prefer_not_to_say_counts_as_an_answer(client, sign_in_as, fetch):
    sign_in_as("worker")
    draft_id = start(client)
    step(client, draft_id, "name", given_name="Jo", family_name_not_said="y")
    step(client, draft_id, "birth", born_on_not_said="y", gender="not_stated")
    client.post(f"/clients/new/{draft_id}/check", data={"action": "make"})
    [made] = fetch(select(Client))
    assert set(made.not_said) == {"family_name", "born_on"}
    page = text_of(client.get(f"/clients/{made.id}/details").get_data(as_text=True))
    assert "Prefers not to say" in page
    assert made.slk581 is None  # no date of birth, not even a year


def test_stopping_halfway_keeps_the_draft_to_come_back_to(client, sign_in_as, fetch):
    sign_in_as("worker")
    draft_id = start(client)
    step(client, draft_id, "name", nickname="Moth")
    response = step(client, draft_id, "contact", service_location="outreach", then="stop")
    assert response.headers["Location"].endswith("/clients/search")
    page = text_of(client.get("/clients/search").get_data(as_text=True))
    assert "Files you started but did not finish" in page and "Moth" in page
    html = client.get(f"/clients/new/{draft_id}/contact").get_data(as_text=True)
    assert 'value="outreach" checked' in html
    [draft] = fetch(select(RegistrationDraft))
    assert draft.status == "open" and draft.answers["service_location"] == "outreach"
    home = text_of(client.get("/").get_data(as_text=True))
    assert "Files you started" in home


def test_someone_elses_draft_is_not_found(client, sign_in_as, db_session):
    sign_in_as("worker")
    draft_id = start(client)
    sign_in_as("worker")
    assert client.get(f"/clients/new/{draft_id}/name").status_code == 404


def test_a_second_make_the_file_does_not_make_two(client, sign_in_as, fetch):
    sign_in_as("worker")
    draft_id = start(client)
    step(client, draft_id, "name", nickname="Twice")
    first = client.post(f"/clients/new/{draft_id}/check", data={"action": "make"})
    second = client.post(f"/clients/new/{draft_id}/check", data={"action": "make"})
    assert first.status_code == second.status_code == 303
    assert first.headers["Location"] == second.headers["Location"]
    assert len(fetch(select(Client))) == 1
    assert len(fetch(select(Episode))) == 1


def test_saving_the_same_step_twice_keeps_one_answer(client, sign_in_as, fetch):
    sign_in_as("worker")
    draft_id = start(client)
    step(client, draft_id, "name", nickname="Once")
    step(client, draft_id, "name", nickname="Once")
    [draft] = fetch(select(RegistrationDraft))
    assert draft.answers["nickname"] == "Once"


def test_possible_duplicates_are_shown_before_a_new_file(client, sign_in_as, db_session, fetch):
    worker = sign_in_as("worker")
    existing = make_client(db_session, worker, given_name="Tara", born_on=date(1990, 1, 2))
    draft_id = start(client)
    step(client, draft_id, "name", given_name="tara")
    step(
        client,
        draft_id,
        "birth",
        **{"born_on-day": "2", "born_on-month": "1", "born_on-year": "1990"},
    )
    page = text_of(client.get(f"/clients/new/{draft_id}/check").get_data(as_text=True))
    assert "Is this someone we know?" in page
    assert "This is the same person" in page and "Make the file" not in page
    response = client.post(f"/clients/new/{draft_id}/check", data={"action": f"same:{existing.id}"})
    assert response.headers["Location"].endswith(f"/clients/{existing.id}")
    assert len(fetch(select(Client))) == 1


def test_same_phone_is_a_possible_duplicate_and_someone_else_goes_on(
    client, sign_in_as, db_session, fetch
):
    worker = sign_in_as("worker")
    existing = make_client(db_session, worker, given_name="Ari", phone="0400 111 222")
    draft_id = start(client)
    step(client, draft_id, "name", given_name="Bo")
    step(client, draft_id, "reach", phone="+61400111222")
    page = text_of(client.get(f"/clients/new/{draft_id}/check").get_data(as_text=True))
    assert "Ari" in page
    client.post(f"/clients/new/{draft_id}/check", data={"action": f"someone_else:{existing.id}"})
    page = text_of(client.get(f"/clients/new/{draft_id}/check").get_data(as_text=True))
    assert "Make the file" in page
    client.post(f"/clients/new/{draft_id}/check", data={"action": "make"})
    assert len(fetch(select(Client))) == 2


def test_the_same_person_fills_the_gaps_of_the_old_file(client, sign_in_as, db_session, fetch):
    worker = sign_in_as("worker")
    existing = make_client(db_session, worker, given_name="Kai", phone="0400 999 888")
    draft_id = start(client)
    step(client, draft_id, "name", given_name="Kai", family_name="Nguyen")
    step(client, draft_id, "reach", phone="0400999888")
    client.post(f"/clients/new/{draft_id}/check", data={"action": f"same:{existing.id}"})
    [kept] = fetch(select(Client))
    assert kept.family_name == "Nguyen"


def test_a_duplicate_that_is_not_yours_asks_for_a_reason(client, sign_in_as, db_session):
    other = sign_in_as("worker")
    existing = make_client(db_session, other, given_name="Rue", phone="0400 555 666")
    sign_in_as("worker")
    draft_id = start(client)
    step(client, draft_id, "name", given_name="Rue")
    step(client, draft_id, "reach", phone="0400555666")
    page = text_of(client.get(f"/clients/new/{draft_id}/check").get_data(as_text=True))
    assert f"There may already be a file for this person. Ask {other.display_name}" in page
    response = client.post(f"/clients/new/{draft_id}/check", data={"action": f"same:{existing.id}"})
    assert response.headers["Location"].endswith(f"/clients/{existing.id}/cover")


def test_making_a_file_is_in_the_audit_log(client, sign_in_as, fetch):
    sign_in_as("worker")
    draft_id = start(client)
    step(client, draft_id, "name", nickname="Audit")
    client.post(f"/clients/new/{draft_id}/check", data={"action": "make"})
    [made] = fetch(select(Client))
    actions = {e.action for e in fetch(select(AuditEvent).where(AuditEvent.client_id == made.id))}
    assert {"client.created", "episode.opened", "client.allocated"} <= actions


def test_throwing_a_draft_away(client, sign_in_as, fetch):
    sign_in_as("worker")
    draft_id = start(client)
    client.post(f"/clients/new/{draft_id}/drop")
    [draft] = fetch(select(RegistrationDraft))
    assert draft.status == "dropped"
    assert client.get(f"/clients/new/{draft_id}/name").status_code == 404


def test_no_assessment_is_made_without_a_handover(client, sign_in_as, fetch):
    sign_in_as("worker")
    draft_id = start(client)
    step(client, draft_id, "name", nickname="Plain")
    client.post(f"/clients/new/{draft_id}/check", data={"action": "make"})
    assert fetch(select(Assessment)) == []
