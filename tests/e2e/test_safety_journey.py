"""Safety at the desk (issue 15): a front desk volunteer writes down an incident at the
reception PC; a senior reviews it, offers the volunteer a debrief and closes it with what was
learned; the manager writes down a critical incident and opens the report for the funder.
Zero axe violations on each page."""

from datetime import timedelta

from playwright.sync_api import expect
from sqlalchemy import select

from app import clock
from app.models import CriticalIncident, Incident
from tests.e2e.conftest import (
    DESK,
    TABLET,
    _new_page,
    assert_accessible,
    assert_targets_at_least,
    sign_in,
)
from tests.factories import make_user


def fill_day_and_time(page, name: str, moment) -> None:
    group = page.get_by_role("group", name=name)
    group.get_by_label("Day").fill(str(moment.day))
    group.get_by_label("Month").fill(str(moment.month))
    group.get_by_label("Year").fill(str(moment.year))


def test_an_incident_at_the_desk_is_reviewed_and_closed_and_a_critical_incident_reported(
    desk_page, browser, live_server, db_session, fetch
):
    volunteer = make_user(db_session, "frontdesk", display_name="Kim Nguyen")
    senior = make_user(db_session, "senior", display_name="Rosa Tuilagi")
    manager = make_user(db_session, "manager", display_name="Chris Mahoney")
    earlier = clock.local_now() - timedelta(minutes=30)

    # The volunteer, at the reception PC: from the home tile to a saved incident.
    page = desk_page
    sign_in(page, volunteer)
    page.get_by_role("link", name="Incident Write down something that happened").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Write down an incident")
    expect(page.get_by_label("Where was that?")).to_be_hidden()  # until "Somewhere else"
    assert_accessible(page)
    assert_targets_at_least(page, 44)
    page.get_by_role("button", name="Save the incident").click()
    expect(page.get_by_role("alert").first).to_contain_text("Write what happened")
    fill_day_and_time(page, "What day did it happen?", earlier)
    page.get_by_label("About what time?").fill(earlier.strftime("%H:%M"))
    page.get_by_text("At the front desk", exact=True).click()
    page.get_by_label("What happened?").fill(
        "A visitor shouted and hit the desk when told the showers were shut."
    )
    page.get_by_label("Who was involved?").fill("A visitor and a front desk volunteer.")
    page.get_by_label("What did you try, to calm things down?").fill(
        "I spoke quietly, said when the showers open and gave them space."
    )
    first_aid = page.get_by_label("Who was hurt, and what first aid was given?")
    expect(first_aid).to_be_hidden()
    page.get_by_text("Yes", exact=True).click()
    expect(first_aid).to_be_visible()  # asked once someone was hurt
    page.get_by_text("No", exact=True).click()
    expect(first_aid).to_be_hidden()
    page.get_by_text("The senior on shift", exact=True).click()
    assert_accessible(page)
    page.get_by_role("button", name="Save the incident").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Incident on")
    expect(page.get_by_text("Incident saved.")).to_be_visible()
    expect(page.get_by_text("No debrief offered yet.")).to_be_visible()
    assert_accessible(page)
    [incident] = fetch(select(Incident))
    assert incident.created_by_id == volunteer.id and incident.status == "open"

    # The senior: the home panel, the review, the debrief offered, closed with what was learned.
    boss = _new_page(browser, live_server, viewport=DESK)
    try:
        sign_in(boss, senior)
        panel = boss.get_by_role("region", name="Incidents waiting for a review")
        expect(panel).to_contain_text("1 incident is waiting for you to look at.")
        assert_accessible(boss)
        panel.get_by_role("link", name="Incident on").click()
        expect(boss.get_by_text("Written down by Kim Nguyen")).to_be_visible()
        boss.get_by_role("button", name="Save and close").click()
        expect(boss.get_by_role("alert").first).to_contain_text(
            "Write what was learned before you close the incident"
        )
        assert_accessible(boss)
        boss.get_by_label("What was learned?").fill(
            "Tell visitors early in the day when the showers will be shut."
        )
        today = clock.local_now()
        fill_day_and_time(boss, "Debrief offered on", today)
        boss.get_by_text("Yes", exact=True).click()
        boss.get_by_label("Who offered it?").select_option(label="Rosa Tuilagi")
        boss.get_by_role("button", name="Save and close").click()
        expect(boss.get_by_text("Incident closed.")).to_be_visible()
        expect(boss.get_by_text("It was taken up.")).to_be_visible()
        assert_accessible(boss)
    finally:
        boss.context.close()
    [incident] = fetch(select(Incident))
    assert incident.status == "closed" and incident.debrief_by_id == senior.id
    assert incident.learned.startswith("Tell visitors early")

    # The volunteer sees their incident closed, with the debrief offered.
    page.reload()
    expect(page.get_by_text("A debrief was offered on")).to_contain_text("by Rosa Tuilagi")

    # The manager: a critical incident, then its report for the funder.
    office = _new_page(browser, live_server, viewport=TABLET)
    try:
        sign_in(office, manager)
        office.goto("/safety/critical/new")
        fill_day_and_time(office, "What day did it happen?", earlier)
        office.get_by_label("About what time?").fill(earlier.strftime("%H:%M"))
        office.get_by_label("Where did it happen?").fill("The toilets")
        office.get_by_label("What happened?").fill("A visitor was not breathing well.")
        office.get_by_label("What was done to help?").fill("Gave naloxone and called 000.")
        office.get_by_label("Time the ambulance was called").fill(earlier.strftime("%H:%M"))
        office.get_by_role("button", name="Save the critical incident").click()
        expect(office.get_by_role("alert").first).to_contain_text(
            "Choose what kind of critical incident it was"
        )
        assert_accessible(office)
        office.get_by_text("An overdose on site", exact=True).click()
        office.get_by_role("button", name="Save the critical incident").click()
        expect(office.get_by_text("Critical incident saved.")).to_be_visible()
        office.get_by_role("link", name="Critical incidents").click()
        assert_accessible(office)
        office.get_by_role("row", name="An overdose on site").get_by_role("link").click()
        office.get_by_role("link", name="Report for the funder").click()
        expect(office.get_by_role("heading", level=1)).to_have_text("Critical incident report")
        expect(office.get_by_role("button", name="Print")).to_be_visible()
        expect(office.locator("main")).to_contain_text("Ambulance:")
        # "naloxone" carries its meaning (issue 16): the words around it are still all there.
        done = office.get_by_role("definition").filter(has_text="Gave naloxone")
        expect(done).to_contain_text("and called 000.")
        expect(done.get_by_role("button", name="What Naloxone means")).to_be_visible()
        assert_accessible(office)
    finally:
        office.context.close()
    [critical] = fetch(select(CriticalIncident))
    assert critical.kind == "overdose" and critical.created_by_id == manager.id
