"""Small things met on the walks (issue 17): the date of contact starts at today (the
Canberra day), and a file says "Prefers not to say" for an email or phone they kept back."""

from datetime import UTC, datetime

from sqlalchemy import select

from app.models import RegistrationDraft
from tests.factories.clients import make_client
from tests.pagecheck import text_of


def start(client) -> int:
    response = client.post("/clients/new")
    assert response.status_code == 303
    return int(response.headers["Location"].split("/")[3])


def date_boxes(html: str) -> tuple[str, str, str]:
    def value(part: str) -> str:
        at = html.index(f'name="contact_date-{part}"')
        rest = html[at:]
        rest = rest[rest.index('value="') + 7 :]
        return rest[: rest.index('"')]

    return value("day"), value("month"), value("year")


def test_date_of_contact_starts_at_today_in_canberra(client, sign_in_as, frozen_clock, fetch):
    # 9pm Wednesday 4 March in UTC is 8am Thursday 5 March in Canberra.
    frozen_clock.moment = datetime(2026, 3, 4, 21, 0, tzinfo=UTC)
    sign_in_as("worker")
    draft_id = start(client)
    html = client.get(f"/clients/new/{draft_id}/contact").get_data(as_text=True)
    assert date_boxes(html) == ("5", "3", "2026")
    # Saved as it stands, it is today's date.
    response = client.post(
        f"/clients/new/{draft_id}/contact",
        data={"contact_date-day": "5", "contact_date-month": "3", "contact_date-year": "2026"},
    )
    assert response.status_code == 303
    [draft] = fetch(select(RegistrationDraft))
    assert draft.answers["contact_date"] == "2026-03-05"


def test_a_date_of_contact_cleared_on_purpose_stays_empty(client, sign_in_as, frozen_clock, fetch):
    sign_in_as("worker")
    draft_id = start(client)
    client.post(
        f"/clients/new/{draft_id}/contact",
        data={"contact_date-day": "", "contact_date-month": "", "contact_date-year": ""},
    )
    html = client.get(f"/clients/new/{draft_id}/contact").get_data(as_text=True)
    assert date_boxes(html) == ("", "", "")
    [draft] = fetch(select(RegistrationDraft))
    assert draft.answers["contact_date"] is None


def test_a_date_of_contact_in_the_future_is_refused_and_not_saved(
    client, sign_in_as, frozen_clock, fetch
):
    sign_in_as("worker")
    draft_id = start(client)
    response = client.post(
        f"/clients/new/{draft_id}/contact",
        data={"contact_date-day": "4", "contact_date-month": "3", "contact_date-year": "2026"},
    )
    assert response.status_code == 200
    assert "There is a problem" in text_of(response.get_data(as_text=True))
    [draft] = fetch(select(RegistrationDraft))
    assert "contact_date" not in (draft.answers or {})


def test_email_and_phone_kept_back_say_prefers_not_to_say(
    client, sign_in_as, db_session, frozen_clock
):
    me = sign_in_as("worker")
    person = make_client(db_session, me, nickname="Moth", not_said=["email", "phone"])
    page = text_of(client.get(f"/clients/{person.id}").get_data(as_text=True))
    assert "EmailPrefers not to say" in page
    assert "PhonePrefers not to say" in page
    other = make_client(db_session, me, nickname="Wren")
    page = text_of(client.get(f"/clients/{other.id}").get_data(as_text=True))
    assert "EmailNot given yet" in page and "PhoneNot given yet" in page
