"""The trainer's view: everyone in training, one record, signing off, the front desk role."""

from datetime import timedelta

from sqlalchemy import select

from app import clock
from app.models import AuditEvent, ItemSignOff, LevelSignOff, ModuleSignOff, Progress, User
from tests.factories import make_user, training
from tests.pagecheck import text_of


def test_trainees_list_shows_level_module_activity_hours_and_certificates(
    client, sign_in_as, programme, db_session, frozen_clock
):
    jordan = make_user(db_session, "trainee", display_name="Jordan Lee")
    kim = make_user(db_session, "frontdesk", display_name="Kim Nguyen")
    make_user(db_session, "worker", display_name="Alex Murray")
    training.mark_done(
        db_session, jordan, training.items(db_session, training.module(db_session, 1))[:4]
    )
    training.make_session(db_session, jordan, clock.today() - timedelta(days=1), 90)
    training.make_shift(db_session, kim, clock.now() - timedelta(days=1), 3)
    training.make_certificate(db_session, kim, "nsp", expires_in=10)
    sign_in_as("senior")
    page = text_of(client.get("/training/trainees").get_data(as_text=True))
    assert "Jordan Lee" in page and "Kim Nguyen" in page
    assert "Alex Murray" not in page  # workers are not on the trainee list
    assert "Module 1: Our rules and you" in page
    assert "4 of 20 done" in page
    assert "Hours in March" in page
    assert "Needle and syringe program (NSP) certificate: 13 Mar 2026" in page
    assert "Monday 2 March" in page  # last thing Jordan or Kim did


def test_the_record_shows_progress_and_allows_sign_offs(
    client, sign_in_as, programme, db_session, fetch
):
    jordan = make_user(db_session, "trainee", display_name="Jordan Lee")
    senior = sign_in_as("senior")
    page = text_of(client.get(f"/training/people/{jordan.id}").get_data(as_text=True))
    assert "Jordan Lee: training" in page
    assert "Sign off level 1" in page
    module = training.module(db_session, 1)
    item = training.items(db_session, module)[0]
    response = client.post(
        f"/training/people/{jordan.id}/items/{item.id}/sign-off", data={"note": "Read it together"}
    )
    assert response.status_code == 303
    [row] = fetch(select(ItemSignOff))
    assert (row.user_id, row.created_by_id, row.note) == (jordan.id, senior.id, "Read it together")
    [progress] = fetch(select(Progress))
    assert progress.done_at is not None  # signing off an item counts it as done

    response = client.post(
        f"/training/people/{jordan.id}/modules/{module.id}/sign-off", data={"note": "Good work"}
    )
    assert response.status_code == 303
    assert fetch(select(ModuleSignOff))[0].note == "Good work"
    page = text_of(
        client.get(f"/training/people/{jordan.id}/modules/{module.id}").get_data(as_text=True)
    )
    assert "Read it together" in page
    assert "Module signed off" in page


def test_signing_off_level_one_offers_the_manager_the_front_desk_role(
    client, sign_in_as, programme, db_session, fetch
):
    jordan = make_user(db_session, "trainee", display_name="Jordan Lee")
    level_one = training.level(db_session, 1)
    manager = sign_in_as("manager")
    page = text_of(
        client.get(f"/training/people/{jordan.id}/levels/{level_one.id}/sign-off").get_data(
            as_text=True
        )
    )
    assert "Sign off level 1 for Jordan Lee" in page
    response = client.post(
        f"/training/people/{jordan.id}/levels/{level_one.id}/sign-off",
        data={"note": "Covered desk two alone"},
    )
    assert response.status_code == 303
    [row] = fetch(select(LevelSignOff))
    assert (row.user_id, row.created_by_id, row.note) == (
        jordan.id,
        manager.id,
        "Covered desk two alone",
    )
    # Never silently: the role is still trainee, and the page offers the change.
    assert fetch(select(User).where(User.id == jordan.id))[0].role == "trainee"
    page = text_of(client.get(f"/training/people/{jordan.id}").get_data(as_text=True))
    assert "Ready for the front desk" in page
    assert "Give the front desk role" in page
    assert "Covered desk two alone" in page  # the history keeps the note

    response = client.post(f"/training/people/{jordan.id}/front-desk-role")
    assert response.status_code == 303
    assert fetch(select(User).where(User.id == jordan.id))[0].role == "frontdesk"
    [event] = fetch(select(AuditEvent).where(AuditEvent.action == "account.role_changed"))
    assert event.detail == {"from": "trainee", "to": "frontdesk"}
    assert "Ready for the front desk" not in text_of(
        client.get(f"/training/people/{jordan.id}").get_data(as_text=True)
    )


def test_level_sign_offs_are_kept_as_history(client, sign_in_as, programme, db_session, fetch):
    jordan = make_user(db_session, "trainee")
    sign_in_as("senior")
    for number in (1, 2):
        level = training.level(db_session, number)
        client.post(f"/training/people/{jordan.id}/levels/{level.id}/sign-off", data={"note": ""})
    assert len(fetch(select(LevelSignOff))) == 2
    page = text_of(client.get(f"/training/people/{jordan.id}").get_data(as_text=True))
    assert "Level 2" in page and "Level 1" in page
    assert "Level 3: Work placement" in page  # now at level three


def test_a_senior_is_told_to_ask_the_manager_and_cannot_change_roles(
    client, sign_in_as, programme, db_session, fetch
):
    jordan = make_user(db_session, "trainee")
    senior = make_user(db_session, "senior")
    training.sign_off_level(db_session, jordan, training.level(db_session, 1), by=senior)
    sign_in_as(user=senior)
    page = text_of(client.get(f"/training/people/{jordan.id}").get_data(as_text=True))
    assert "Ask the manager to give them the front desk role." in page
    assert "Give the front desk role" not in page
    assert client.post(f"/training/people/{jordan.id}/front-desk-role").status_code == 404
    assert fetch(select(User).where(User.id == jordan.id))[0].role == "trainee"


def test_the_role_button_needs_level_one_signed_off(
    client, sign_in_as, programme, db_session, fetch
):
    jordan = make_user(db_session, "trainee")
    sign_in_as("manager")
    assert client.post(f"/training/people/{jordan.id}/front-desk-role").status_code == 404
    assert fetch(select(User).where(User.id == jordan.id))[0].role == "trainee"


def test_nobody_signs_off_their_own_training(client, sign_in_as, programme, db_session, fetch):
    me = sign_in_as("senior")
    level = training.level(db_session, 1)
    module = training.module(db_session, 1)
    item = training.items(db_session, module)[0]
    response = client.post(f"/training/people/{me.id}/levels/{level.id}/sign-off", data={})
    assert response.status_code == 403
    assert "You cannot sign off your own training" in response.get_data(as_text=True)
    assert client.post(f"/training/people/{me.id}/modules/{module.id}/sign-off").status_code == 403
    assert client.post(f"/training/people/{me.id}/items/{item.id}/sign-off").status_code == 403
    assert fetch(select(LevelSignOff)) == fetch(select(ModuleSignOff)) == []
    assert fetch(select(ItemSignOff)) == []
    # Opening your own record goes to "My training" instead.
    assert client.get(f"/training/people/{me.id}").headers["Location"].endswith("/training/")


def test_trainer_adds_a_certificate_and_time_for_a_person(
    client, sign_in_as, programme, db_session, frozen_clock
):
    jordan = make_user(db_session, "trainee", display_name="Jordan Lee")
    sign_in_as("senior")
    assert "Add a certificate for Jordan Lee" in text_of(
        client.get(f"/training/people/{jordan.id}/certificates/new").get_data(as_text=True)
    )
    response = client.post(
        f"/training/people/{jordan.id}/certificates/new",
        data={
            "kind": "first_aid",
            "issued_on-day": "1",
            "issued_on-month": "3",
            "issued_on-year": "2026",
            "expires_on-day": "1",
            "expires_on-month": "3",
            "expires_on-year": "2029",
        },
    )
    assert response.status_code == 303
    assert client.get(f"/training/people/{jordan.id}/sessions/new").status_code == 200
    response = client.post(
        f"/training/people/{jordan.id}/sessions/new",
        data={
            "day-day": "2",
            "day-month": "3",
            "day-year": "2026",
            "minutes": "120",
            "what": "Module 1 talk",
        },
    )
    assert response.status_code == 303
    page = text_of(client.get(f"/training/people/{jordan.id}").get_data(as_text=True))
    assert "First aid" in page
    assert "Week of 2 March 2 hours" in page


def test_viewing_a_record_is_in_the_audit_log(client, sign_in_as, programme, db_session, fetch):
    jordan = make_user(db_session, "trainee")
    sign_in_as("senior")
    client.get(f"/training/people/{jordan.id}")
    assert fetch(select(AuditEvent).where(AuditEvent.action == "training.record_viewed"))


def test_every_level_page_for_a_person(client, sign_in_as, programme, db_session):
    jordan = make_user(db_session, "trainee", display_name="Jordan Lee")
    sign_in_as("manager")
    page = text_of(client.get(f"/training/people/{jordan.id}/levels").get_data(as_text=True))
    assert "Jordan Lee: every level" in page
    assert "Module 9: Policies for one-to-one work: 0 of 7 done" in page
