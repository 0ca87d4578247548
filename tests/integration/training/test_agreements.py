"""Agreements: read, accept (with the date), a new version asks again at next sign-in."""

from sqlalchemy import select

from app.models import Agreement, AgreementAcceptance, AgreementVersion, AuditEvent, Progress
from tests.conftest import start_session_for
from tests.factories import make_user, training
from tests.pagecheck import text_of
from tests.versions import version_at, version_in


def _agreements(session):
    return list(session.scalars(select(Agreement).order_by(Agreement.position)))


def test_the_four_agreements_are_shown_with_read_aloud(client, sign_in_as, programme):
    sign_in_as("trainee")
    html = client.get("/training/agreements").get_data(as_text=True)
    page = text_of(html)
    for title in (
        "Code of conduct",
        "Privacy and keeping things private",
        "Work health and safety",
        "Feedback and complaints",
    ):
        assert title in page
    assert page.count("Not agreed yet") == 4
    agreement = _agreements(programme)[0]
    assert f'data-read-aloud="agreement-{agreement.id}-text"' in html
    assert "I agree" in page
    assert "Change the words" not in page  # only the manager edits them


def test_accepting_records_each_version_with_the_date_and_ends_module_one(
    client, sign_in_as, programme, fetch, frozen_clock
):
    me = sign_in_as("trainee")
    response = client.post("/training/agreements/accept", data={"agree": "y"})
    assert response.status_code == 303
    rows = fetch(select(AgreementAcceptance).where(AgreementAcceptance.user_id == me.id))
    assert len(rows) == 4
    assert {r.created_at for r in rows} == {frozen_clock.moment}
    special = [
        i
        for i in training.items(programme, training.module(programme, 1, 1))
        if i.special == "agreements"
    ]
    [progress] = fetch(select(Progress).where(Progress.item_id == special[0].id))
    assert progress.user_id == me.id and progress.done_at is not None
    page = text_of(client.get("/training/agreements").get_data(as_text=True))
    assert page.count("You agreed on Tuesday 3 March") == 4
    assert "You have agreed to all of them." in page


def test_accepting_without_the_tick_asks_for_it(client, sign_in_as, programme, fetch):
    sign_in_as("trainee")
    response = client.post("/training/agreements/accept", data={})
    assert response.status_code == 200
    assert "Tick the box to say you agree" in response.get_data(as_text=True)
    assert fetch(select(AgreementAcceptance)) == []


def test_the_agreements_item_cannot_be_ticked_by_hand(client, sign_in_as, programme):
    sign_in_as("trainee")
    special = [
        i
        for i in training.items(programme, training.module(programme, 1, 1))
        if i.special == "agreements"
    ][0]
    assert client.post(f"/training/items/{special.id}/done").status_code == 404


def test_manager_saves_a_new_version(client, sign_in_as, programme, fetch):
    sign_in_as("manager")
    agreement = _agreements(programme)[2]
    page = client.get(f"/training/agreements/{agreement.id}/edit").get_data(as_text=True)
    assert "Change: Work health and safety" in text_of(page)
    response = client.post(
        f"/training/agreements/{agreement.id}/edit",
        data={
            "text": "Sharps go in the yellow bin.\n\nAsk for help.",
            "change_note": "Shorter",
            "version": version_in(page),
        },
    )
    assert response.status_code == 303
    versions = fetch(select(AgreementVersion).where(AgreementVersion.agreement_id == agreement.id))
    assert [v.number for v in versions] == [1, 2]
    [row] = fetch(select(Agreement).where(Agreement.id == agreement.id))
    assert row.current_number == 2
    assert fetch(select(AuditEvent).where(AuditEvent.action == "training.agreement_changed"))


def test_the_same_text_again_is_not_a_new_version(client, sign_in_as, programme, fetch):
    sign_in_as("manager")
    agreement = _agreements(programme)[0]
    text = agreement.versions[0].text
    url = f"/training/agreements/{agreement.id}/edit"
    response = client.post(
        url, data={"text": text, "change_note": "x", "version": version_at(client, url)}
    )
    assert response.status_code == 200
    assert "The text is the same as now" in response.get_data(as_text=True)
    assert len(fetch(select(AgreementVersion))) == 4


def test_only_the_manager_edits_agreements(client, sign_in_as, programme):
    agreement = _agreements(programme)[0]
    for role in ("senior", "trainee", "worker"):
        sign_in_as(role)
        assert client.get(f"/training/agreements/{agreement.id}/edit").status_code == 404


def test_a_new_version_asks_again_once_at_next_sign_in(client, app, db_session, programme):
    person = make_user(db_session, "frontdesk")
    agreement = _agreements(db_session)[0]
    for a in _agreements(db_session):
        training.accept(db_session, person, a.versions[0])
    db_session.add(AgreementVersion(agreement_id=agreement.id, number=2, text="New words."))
    agreement.current_number = 2
    db_session.commit()

    start_session_for(client, db_session, person)
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/training/agreements?changed=1")
    page = text_of(client.get("/training/agreements?changed=1").get_data(as_text=True))
    assert "An agreement has changed since you last agreed." in page
    assert "You agreed to version 1. This is a new version." in page
    # Once a session: the person can go on with their work.
    assert client.get("/").status_code == 200
    # The home page says so too, until they agree.
    assert "An agreement has changed" in text_of(client.get("/").get_data(as_text=True))
    client.post("/training/agreements/accept", data={"agree": "y"})
    assert "An agreement has changed" not in text_of(client.get("/").get_data(as_text=True))

    # Signing in again: nothing more to accept, so no detour.
    start_session_for(client, db_session, person)
    with client.session_transaction() as flask_session:
        flask_session.pop("training_agreements_checked", None)
    assert client.get("/").status_code == 200


def test_someone_who_never_agreed_is_not_sent_away(client, sign_in_as, programme):
    """Agreements are asked for by the training path, not forced at the door: the home
    page opens (no redirect to the agreements page) and shows their tiles."""
    sign_in_as("trainee")
    response = client.get("/")
    assert response.status_code == 200
    assert "My training" in text_of(response.get_data(as_text=True))
