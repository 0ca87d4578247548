"""A worker on a tablet: picks up a handover, registers the person over two sittings, records
a consent to share with a housing service, completes an assessment, sees the file and finds
it again. Zero axe violations on every page; the same works with JavaScript off."""

import re
from datetime import date

from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, assert_targets_at_least, sign_in
from tests.factories import make_user


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def make_waiting_handover(db_session):
    from app.models import Handover

    handover = Handover(
        day=date.today(),
        name="Jaz",
        needs=["housing", "omt"],
        urgency="ongoing",
        reach="here",
        phone="0400 123 456",
        note="Wants help with housing",
        status="waiting",
    )
    db_session.add(handover)
    db_session.commit()
    return handover


def pick_up(page, app, db_session, worker, handover):
    page.goto(f"/frontdesk/handovers/{handover.id}")
    page.get_by_role("button", name=re.compile("pick this up", re.I)).click()


def test_worker_registers_a_person_from_a_handover_over_two_sittings(page, app, db_session):
    worker = make_user(
        db_session, "worker", display_name="Alex Murray", shared_experience=["housing"]
    )
    make_user(db_session, "worker", display_name="Priya Sharma", shared_experience=["omt"])
    handover = make_waiting_handover(db_session)
    sign_in(page, worker)

    # First sitting: the handover becomes a draft, already holding what was said.
    pick_up(page, app, db_session, worker, handover)
    heading(page, "Their name")
    expect(page.get_by_text("Step 1 of 6")).to_be_visible()
    expect(page.get_by_label("Name they like to be called, or nickname")).to_have_value("Jaz")
    expect(page.get_by_text("Wants help with housing")).to_be_visible()
    assert_accessible(page)
    assert_targets_at_least(page)
    page.get_by_label("First name").fill("Jasmine")
    page.get_by_label("Family name").fill("O'Connor")
    page.get_by_role("button", name="Save and go on").click()

    heading(page, "About this contact")
    expect(page.get_by_text("Step 2 of 6")).to_be_visible()
    page.get_by_label("Drop-in centre").check()
    page.get_by_label("Self referred (came by themselves)").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save and go on").click()

    heading(page, "Birth and gender")
    page.get_by_label("Day").fill("5")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year", exact=True).fill("2099")
    page.get_by_role("button", name="Save and go on").click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.get_by_role("alert")).to_contain_text("The date must be today or in the past")
    assert_accessible(page)
    page.get_by_label("Year", exact=True).fill("1980")
    page.get_by_label("Female").check()
    page.get_by_role("button", name="Save and stop for now").click()

    heading(page, "Find a person")
    expect(page.get_by_text("Draft kept")).to_be_visible()
    assert_accessible(page)

    # Second sitting: back to the draft.
    page.get_by_role("link", name="Jaz").first.click()
    heading(page, "Their name")
    expect(page.get_by_label("First name")).to_have_value("Jasmine")
    page.get_by_role("link", name="Skip to check your answers").click()
    heading(page, "Check your answers")
    assert_accessible(page)
    page.get_by_role("link", name="Change phone number").click()
    heading(page, "How to reach them")
    expect(page.get_by_label("Phone number", exact=True)).to_have_value("0400 123 456")
    page.locator("#ok_to_text-1").check()  # OK to text: no
    page.locator("#ok_to_call-0").check()  # OK to call: yes
    page.get_by_role("button", name="Save and check answers").click()
    heading(page, "Check your answers")
    page.get_by_role("button", name="Make the file").click()

    heading(page, "Jaz")
    expect(page.get_by_text("File made for Jaz")).to_be_visible()
    expect(page.get_by_text("OK to text: no")).to_be_visible()
    expect(page.get_by_text("OK to call: yes")).to_be_visible()
    expect(page.get_by_text("Still to ask, when the time is right")).to_be_visible()
    assert_accessible(page)
    assert_targets_at_least(page)

    # Consent to share with a housing service.
    page.get_by_role("link", name="Consent", exact=True).click()
    heading(page, "Consent to share for Jaz")
    assert_accessible(page)
    page.get_by_role("button", name="Record a new consent").click()
    heading(page, "Who they want us to share with")
    page.get_by_label("Name of the person or service").fill("Housing ACT")
    page.get_by_label("Their relationship, or the organisation").fill("Housing caseworker")
    assert_accessible(page)
    page.get_by_role("button", name="Save and go on").click()
    heading(page, "What we may share")
    page.get_by_label("Housing", exact=True).check()
    page.get_by_label("That they come to us for support").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save and go on").click()
    heading(page, "How they gave consent")
    page.get_by_label("Signed a paper copy").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save and check answers").click()
    heading(page, "Check the consent")
    assert_accessible(page)
    page.get_by_role("button", name="Save the consent").click()
    heading(page, "Consent to share with Housing ACT")
    expect(page.get_by_text("Current", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Form to print and sign").click()
    heading(page, "Release and exchange of information")
    assert_accessible(page)
    page.go_back()

    # The assessment starts from what front of house heard, then suggests a worker.
    page.get_by_role("link", name="Assessment", exact=True).click()
    heading(page, "Assessment for Jaz")
    expect(page.get_by_label("Housing", exact=True)).to_be_checked()
    assert_accessible(page)
    page.get_by_label("Soon, and a lot of help (intensive support)").check()
    page.get_by_label("Housing: what is happening").fill("Sleeping in her car since Friday")
    page.get_by_label("Their strengths").fill("Keeps every appointment")
    page.get_by_role("button", name="Save the assessment").click()
    heading(page, "Jaz")  # saving lands back on the file
    expect(page.get_by_text("Assessment saved. Earlier versions are kept.")).to_be_visible()
    page.get_by_role("link", name="Worker", exact=True).click()
    heading(page, "A worker for Jaz")
    expect(page.get_by_text("Housing and homelessness")).to_be_visible()
    assert_accessible(page)

    # The file, then finding it again from the search box.
    page.get_by_role("link", name="File", exact=True).click()
    heading(page, "Jaz")
    expect(page.get_by_text("Consent to share with Housing ACT")).to_be_visible()
    page.get_by_label("Find a person").fill("jasmine")
    page.get_by_role("button", name="Search").click()
    heading(page, "Find a person")
    assert "jasmine" not in page.url.lower()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Open the file")).click()
    heading(page, "Jaz")


def test_a_file_can_be_made_and_found_with_javascript_off(no_js_page, db_session):
    page = no_js_page
    worker = make_user(db_session, "worker", display_name="Dan Kelly")
    sign_in(page, worker)
    page.goto("/clients/search")
    heading(page, "Find a person")
    page.get_by_role("link", name="Start a new file").click()
    heading(page, "Start a new file")
    page.get_by_role("button", name="Start").click()
    heading(page, "Their name")
    page.get_by_label("Name they like to be called, or nickname").fill("Birdie")
    page.get_by_role("button", name="Save and go on").click()
    heading(page, "About this contact")
    page.get_by_role("link", name="Back").click()
    heading(page, "Their name")
    page.get_by_role("link", name="Skip to check your answers").click()
    heading(page, "Check your answers")
    page.get_by_role("button", name="Make the file").click()
    heading(page, "Birdie")  # (axe needs JavaScript, so it runs in the test above)
    page.get_by_role("link", name="Consent", exact=True).click()
    page.get_by_role("button", name="Record a new consent").click()
    page.get_by_label("Name of the person or service").fill("Their sister Jo")
    page.get_by_role("button", name="Save and go on").click()
    page.get_by_label("Appointments and whether they came").check()
    page.get_by_role("button", name="Save and go on").click()
    page.get_by_label("Said yes out loud, with a witness").check()
    page.get_by_role("button", name="Save and check answers").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the name of the witness")
    page.get_by_label("Name of the witness (for a yes out loud)").fill("Rosa Tuilagi")
    page.get_by_role("button", name="Save and check answers").click()
    page.get_by_role("button", name="Save the consent").click()
    heading(page, "Consent to share with Their sister Jo")
    page.goto("/clients/search")
    page.get_by_label("Name, nickname, date of birth or phone").fill("birdie")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name=re.compile("Open the file")).click()
    heading(page, "Birdie")
