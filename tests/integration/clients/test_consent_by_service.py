"""Consent names its service (issue 17): a partner chosen from the directory (kept by its id)
or someone typed who is not in it; a partner is matched by id, never by comparing names."""

from sqlalchemy import select

from app.clients import consents
from app.models import Client, Consent
from tests.factories.clients import make_client, make_consent
from tests.factories.partners import make_partner
from tests.pagecheck import text_of

HOW = {
    "how_given": "signed_paper",
    "given_on-day": "3",
    "given_on-month": "3",
    "given_on-year": "2026",
}


def start(client, person_id) -> str:
    response = client.post(f"/clients/{person_id}/consents/new")
    assert response.status_code == 303
    return response.headers["Location"].rsplit("/", 1)[0]


def finish(client, base):
    client.post(f"{base}/what", data={"shares": ["money"]})
    client.post(f"{base}/how", data=HOW)
    return client.post(f"{base}/check")


def test_choosing_a_partner_keeps_its_id_and_its_name_then(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    partner = make_partner(db_session, "Centrelink community officer")
    make_partner(db_session, "Closed Clinic", active=False)
    base = start(client, person.id)
    page = client.get(f"{base}/who").get_data(as_text=True)
    assert f'<option value="{partner.id}">Centrelink community officer</option>' in page
    assert "Closed Clinic" not in page  # only the active services are listed
    client.post(f"{base}/who", data={"partner_id": str(partner.id)})
    client.post(f"{base}/what", data={"shares": ["money"]})
    client.post(f"{base}/how", data=HOW)
    check = text_of(client.get(f"{base}/check").get_data(as_text=True))
    assert "Centrelink community officer (from our list)" in check
    assert client.post(f"{base}/check").status_code == 303
    [consent] = fetch(select(Consent))
    assert consent.partner_id == partner.id
    assert consent.party_name == "Centrelink community officer"

    url = f"/clients/{person.id}/consents/{consent.id}"
    shown = text_of(client.get(url).get_data(as_text=True))
    assert "Covers" in shown and "Centrelink community officer (from our list)" in shown
    listed = text_of(client.get(f"/clients/{person.id}/consents").get_data(as_text=True))
    assert "Covers: Centrelink community officer (from our list)" in listed

    # Renamed later: the consent still covers the partner (by id), under the old name.
    partner.name = "Services Australia community officer"
    db_session.commit()
    with client.application.app_context():
        from app.extensions import db

        subject = db.session.get(Client, person.id)
        assert consents.current_consent_for(subject, partner).id == consent.id


def test_typing_someone_not_in_the_directory(client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    base = start(client, person.id)
    client.post(
        f"{base}/who",
        data={"party_name": "Their sister Jo", "relationship_to": "Sister"},
    )
    assert finish(client, base).status_code == 303
    [consent] = fetch(select(Consent))
    assert consent.partner_id is None and consent.party_name == "Their sister Jo"
    listed = text_of(client.get(f"/clients/{person.id}/consents").get_data(as_text=True))
    assert "Covers: Their sister Jo (typed)" in listed


def test_neither_a_partner_nor_a_name_is_refused_and_nothing_is_saved(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    base = start(client, person.id)
    response = client.post(
        f"{base}/who", data={"partner_id": "", "party_name": "  ", "contact_details": "0400"}
    )
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "There is a problem" in page
    assert "Choose a service from the list, or type who it is with" in page
    # Carrying on to the check page: still nothing to save.
    client.post(f"{base}/what", data={"shares": ["money"]})
    client.post(f"{base}/how", data=HOW)
    check = text_of(client.get(f"{base}/check").get_data(as_text=True))
    assert "Still needed: who to share with" in check
    client.post(f"{base}/check")
    assert fetch(select(Consent)) == []


def test_both_a_partner_and_a_name_or_a_service_not_listed_are_refused(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    partner = make_partner(db_session, "Centrelink community officer")
    retired = make_partner(db_session, "Closed Clinic", active=False)
    base = start(client, person.id)
    both = client.post(
        f"{base}/who", data={"partner_id": str(partner.id), "party_name": "Centrelink"}
    )
    assert "type who it is, not both" in text_of(both.get_data(as_text=True))
    gone = client.post(f"{base}/who", data={"partner_id": str(retired.id)})
    assert "Choose a service from the list" in text_of(gone.get_data(as_text=True))
    finish(client, base)
    assert fetch(select(Consent)) == []


def test_a_typed_consent_does_not_cover_a_partner_with_a_like_name(db_session, app):
    person = make_client(db_session)
    partner = make_partner(db_session, "Centrelink community officer")
    typed = make_consent(
        db_session, person, party_name="Centrelink", relationship_to="Centrelink community officer"
    )
    with app.app_context():
        from app.extensions import db

        subject = db.session.get(Client, person.id)
        assert consents.current_consent_for(subject, partner) is None
        # A caller with a plain name still finds a typed consent by its words.
        assert consents.current_consent_for(subject, "centrelink").id == typed.id
        assert consents.covers_words(typed) == "Centrelink (typed)"
