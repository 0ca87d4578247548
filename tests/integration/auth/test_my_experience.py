"""A worker chooses on My account what they share for matching; the manager sees everyone's
tags and can correct a list; the front desk sees only the tag words shared (issue 17)."""

from sqlalchemy import select

from app.models import AuditEvent, User
from tests.factories import make_user
from tests.factories.frontdesk import make_handover
from tests.pagecheck import text_of


def page_text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return text_of(response.get_data(as_text=True))


SHARED = {
    "experience": ["omt", "housing"],
    "gender": "woman",
    "pronouns": "she/her",
    "languages": "English, Vietnamese, english",
    "indigenous": "Aboriginal",
}


def test_a_worker_chooses_what_they_share_on_my_account(client, sign_in_as, fetch):
    me = sign_in_as("worker")
    assert "What you share for matching" in page_text(client, "/account")
    response = client.post("/account/experience", data=SHARED)
    assert response.status_code == 303
    [saved] = fetch(select(User).where(User.id == me.id))
    assert saved.shared_experience == ["omt", "housing"]
    assert (saved.gender, saved.pronouns, saved.indigenous) == ("woman", "she/her", "Aboriginal")
    assert saved.languages == ["English", "Vietnamese"]
    page = page_text(client, "/account")
    assert "Methadone or buprenorphine (OMT), Housing and homelessness" in page
    assert "Woman (she/her) · Aboriginal · speaks English, Vietnamese" in page
    [event] = fetch(select(AuditEvent).where(AuditEvent.action == "account.shared_about_self"))
    assert event.created_by_id == me.id and "gender" in event.detail["fields"]


def test_sharing_nothing_clears_what_was_shared(client, sign_in_as, fetch):
    me = sign_in_as("worker", gender="man", indigenous="Both", shared_experience=["prison"])
    response = client.post(
        "/account/experience", data={"gender": "not_shared", "indigenous": "not_shared"}
    )
    assert response.status_code == 303
    [saved] = fetch(select(User).where(User.id == me.id))
    assert (saved.gender, saved.indigenous, saved.shared_experience) == (None, None, [])


def test_a_tag_that_is_not_in_the_list_is_refused(client, sign_in_as, fetch):
    me = sign_in_as("worker")
    response = client.post("/account/experience", data={"experience": ["made_up"]})
    assert response.status_code == 200
    assert "There is a problem" in text_of(response.get_data(as_text=True))
    assert fetch(select(User.shared_experience).where(User.id == me.id)) == [[]]


def test_a_volunteer_has_nothing_to_share_for_matching(client, sign_in_as):
    sign_in_as("frontdesk")
    assert "What you share for matching" not in page_text(client, "/account")
    assert client.get("/account/experience").status_code == 404


def test_the_front_desk_sees_only_the_tag_words_a_worker_shared(client, sign_in_as, db_session):
    make_user(
        db_session,
        "worker",
        display_name="Linh Tran",
        shared_experience=["omt"],
        gender="woman",
        indigenous="Torres Strait Islander",
        languages=["Vietnamese"],
    )
    volunteer = make_user(db_session, "frontdesk")
    handover = make_handover(db_session, volunteer, needs=["omt"])
    sign_in_as(user=volunteer)
    page = page_text(client, f"/frontdesk/handovers/{handover.id}")
    assert "Linh Tran: Methadone or buprenorphine (OMT)" in page
    for private in ("Woman", "Torres Strait Islander", "Vietnamese"):
        assert private not in page


def test_the_manager_sees_everyones_tags_and_corrects_a_list(client, sign_in_as, db_session, fetch):
    linh = make_user(
        db_session, "worker", display_name="Linh Tran", shared_experience=["omt", "prison"]
    )
    make_user(db_session, "frontdesk", display_name="Desk Volunteer")
    manager = sign_in_as("manager")
    page = page_text(client, "/admin/experience")
    assert "Linh Tran Methadone or buprenorphine (OMT), Prison and parole" in page
    assert "Desk Volunteer" not in page
    response = client.post(f"/admin/users/{linh.id}/experience", data={"experience": ["omt"]})
    assert response.status_code == 303
    assert fetch(select(User.shared_experience).where(User.id == linh.id)) == [["omt"]]
    [event] = fetch(select(AuditEvent).where(AuditEvent.action == "account.experience_corrected"))
    assert event.created_by_id == manager.id
    assert event.detail == {"before": ["omt", "prison"], "after": ["omt"]}


def test_only_the_manager_corrects_a_workers_list(client, sign_in_as, db_session, fetch):
    linh = make_user(db_session, "worker", shared_experience=["omt"])
    sign_in_as("senior")
    assert client.get("/admin/experience").status_code in (403, 404)
    response = client.post(f"/admin/users/{linh.id}/experience", data={"experience": []})
    assert response.status_code in (403, 404)
    assert fetch(select(User.shared_experience).where(User.id == linh.id)) == [["omt"]]
