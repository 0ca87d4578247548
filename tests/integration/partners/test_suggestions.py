"""Services suggested for the partners list (issue 17): staff suggest, a senior or the manager
approves (it joins the list) or turns it down (it stays off); suggestions never show in lists
of partners to choose from."""

from datetime import date

import pytest
from sqlalchemy import select

from app.core.saving import Refused
from app.models import AuditEvent, Partner
from app.partners import public as partners
from tests.factories.partners import make_partner
from tests.pagecheck import text_of


def refuge(**extra):
    """A fresh dict each time: the test client adds its CSRF token to the dict it is given."""
    return {
        "name": "Hope Street Refuge",
        "contact": "02 6100 5511",
        "what_they_do": "Safe beds for women and children.",
        **extra,
    }


def test_a_worker_suggests_a_service_and_it_waits_off_the_list(
    client, sign_in_as, fetch, frozen_clock
):
    me = sign_in_as("worker")
    page = text_of(client.get("/partners").get_data(as_text=True))
    assert "Suggest a service" in page
    assert "Services suggested for the partners list" not in page  # seniors only
    response = client.post("/partners/suggest", data=refuge())
    assert response.status_code == 303
    [partner] = fetch(select(Partner))
    assert partner.active is False and partner.suggested_by_id == me.id
    assert partner.suggested_on == date(2026, 3, 3) and partner.phone == "02 6100 5511"
    assert partner.approved_on is None and partner.declined_on is None
    page = text_of(client.get("/partners").get_data(as_text=True))
    assert "Thank you. A senior or the manager will look at Hope Street Refuge." in page
    assert "Hope Street Refuge" not in page.replace(
        "will look at Hope Street Refuge", ""
    )  # not in the directory yet
    [event] = fetch(select(AuditEvent).where(AuditEvent.action == "partner.suggested"))
    assert event.created_by_id == me.id


def test_a_senior_sees_the_count_on_home_and_approves(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    worker = sign_in_as("worker", display_name="Alex Worker")
    client.post("/partners/suggest", data=refuge())
    senior = sign_in_as("senior")
    home = text_of(client.get("/").get_data(as_text=True))
    assert "Services suggested for the partners list" in home
    assert "1 service is waiting for you to look at." in home
    page = text_of(client.get("/partners/suggestions").get_data(as_text=True))
    assert "Hope Street Refuge" in page and "Suggested by Alex Worker" in page
    [partner] = fetch(select(Partner))
    response = client.post(f"/partners/suggestions/{partner.id}/approve")
    assert response.status_code == 303
    [partner] = fetch(select(Partner))
    assert partner.active is True and partner.approved_by_id == senior.id
    assert partner.approved_on == date(2026, 3, 3) and partner.suggested_by_id == worker.id
    [event] = fetch(select(AuditEvent).where(AuditEvent.action == "partner.approved"))
    assert event.created_by_id == senior.id
    assert "Hope Street Refuge" in text_of(client.get("/partners").get_data(as_text=True))
    home = text_of(client.get("/").get_data(as_text=True))
    assert "Services suggested for the partners list" not in home  # nothing waiting
    # Approved once: a second approval is refused and changes nothing.
    response = client.post(f"/partners/suggestions/{partner.id}/decline", follow_redirects=True)
    assert "This suggestion has already been dealt with." in text_of(
        response.get_data(as_text=True)
    )
    assert fetch(select(Partner))[0].declined_on is None


def test_the_manager_turns_one_down_and_it_stays_off_every_list(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    sign_in_as("worker")
    client.post("/partners/suggest", data=refuge())
    sign_in_as("manager")
    [partner] = fetch(select(Partner))
    assert client.post(f"/partners/suggestions/{partner.id}/decline").status_code == 303
    [partner] = fetch(select(Partner))
    assert partner.active is False and partner.declined_on == date(2026, 3, 3)
    assert partner.approved_on is None
    assert fetch(select(AuditEvent).where(AuditEvent.action == "partner.declined"))
    client.get("/partners")  # the messages, shown once
    page = text_of(client.get("/partners").get_data(as_text=True))
    assert "Hope Street Refuge" not in page  # not a past partner either
    detail = text_of(client.get(f"/partners/{partner.id}").get_data(as_text=True))
    assert "Turned down" in detail


@pytest.mark.parametrize("role", ["worker", "frontdesk"])
def test_only_seniors_and_the_manager_see_and_decide_suggestions(
    client, sign_in_as, db_session, fetch, role
):
    partner = make_partner(
        db_session, "Hope Street Refuge", active=False, suggested_on=date.today()
    )
    sign_in_as(role)
    assert client.get("/partners/suggestions").status_code == 404
    assert client.post(f"/partners/suggestions/{partner.id}/approve").status_code == 404
    assert fetch(select(Partner))[0].active is False


def test_a_trainee_cannot_suggest(client, sign_in_as):
    sign_in_as("trainee")
    assert client.get("/partners/suggest").status_code == 404


def test_suggestions_never_show_in_lists_to_choose_from(
    client, sign_in_as, db_session, frozen_clock
):
    from tests.factories.care import make_person

    make_partner(db_session, "Hope Street Refuge", active=False, suggested_on=date(2026, 3, 1))
    make_partner(db_session, "Northside Community Health")
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    for url in (f"/clients/{person.id}/appointments/new", f"/clients/{person.id}/advocacy/new"):
        html = client.get(url).get_data(as_text=True)
        assert "Northside Community Health" in html and "Hope Street Refuge" not in html, url


def test_a_blank_name_is_refused_and_nothing_saved(client, sign_in_as, fetch, app):
    sign_in_as("worker")
    response = client.post("/partners/suggest", data=refuge(name="   "))
    assert response.status_code == 200
    assert "Enter the name of the service" in text_of(response.get_data(as_text=True))
    assert fetch(select(Partner)) == []
    with app.test_request_context():
        with pytest.raises(Refused, match="Enter the name of the service."):
            partners.suggest_partner(name=" ", contact="", what_they_do="", user=None)


def test_the_same_name_gives_back_the_one_there_is(
    client, sign_in_as, db_session, fetch, frozen_clock, app
):
    listed = make_partner(db_session, "Centrelink community officer")
    me = sign_in_as("worker")
    response = client.post(
        "/partners/suggest", data=refuge(name="  centrelink   Community officer ")
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/partners/{listed.id}")
    client.post("/partners/suggest", data=refuge())
    client.post("/partners/suggest", data=refuge(name="HOPE STREET  refuge"))
    page = text_of(client.get("/partners").get_data(as_text=True))
    assert "Hope Street Refuge was suggested already. A senior will look at it." in page
    names = sorted(p.name for p in fetch(select(Partner)))
    assert names == ["Centrelink community officer", "Hope Street Refuge"]
    assert len(fetch(select(AuditEvent).where(AuditEvent.action == "partner.suggested"))) == 1
    # Turned down, it may be suggested again as a new one.
    [kept] = fetch(select(Partner).where(Partner.name == "Hope Street Refuge"))
    with app.test_request_context():
        from app.extensions import db

        again = db.session.get(Partner, kept.id)
        again.declined_on = date(2026, 3, 2)
        db.session.flush()
        fresh = partners.suggest_partner(
            name="Hope Street Refuge", contact="", what_they_do="", user=me
        )
        assert fresh.id != kept.id and fresh.active is False
        db.session.rollback()
