"""One person, one file; people linked to each other (issue 17), on a tablet (768 by 1024),
signed in through the sign-in page, zero axe violations on every page.

A senior finds that Louisa has two files, checks both side by side and merges them; the
old file number then opens the kept file. A worker links two of their people as parent and
child and writes down a child in CYF care; a second worker, who may open only one of the
two files, sees no link at all."""

from datetime import date

from playwright.sync_api import expect
from sqlalchemy import update

from app.models import Client
from tests.e2e.conftest import (
    TABLET,
    _new_page,
    assert_accessible,
    assert_targets_at_least,
    sign_in,
)
from tests.factories import make_user
from tests.factories.care import make_note, make_person
from tests.factories.clients import make_client, make_episode


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_a_senior_merges_two_files_of_the_same_person(page, db_session):
    worker = make_user(db_session, "worker", display_name="Priya Shah")
    senior = make_user(db_session, "senior", display_name="Robin Lee")
    kept, episode = make_person(
        db_session, worker, given_name="Louisa", family_name="Brand", born_on=date(1980, 3, 5)
    )
    other = make_client(db_session, worker, given_name="Louisa", phone="0400 111 222")
    closed = make_episode(db_session, other, closed_on=date(2026, 3, 1), reason_for_cessation=1)
    make_note(db_session, other, closed, by=worker, text="Met at the drop-in.")

    sign_in(page, senior)
    page.goto(f"/clients/{kept.id}")
    assert_accessible(page)
    page.get_by_role("link", name="This is the same person as another file").click()
    heading(page, "Find the other file of Louisa")
    page.get_by_label("Name, nickname, date of birth or phone").fill("Louisa")
    page.get_by_role("button", name="Search").click()
    assert_accessible(page)
    page.get_by_role("link", name=f"Check this file of Louisa (file #{other.id})").click()

    heading(page, "Check the two files")
    expect(page.get_by_role("heading", name=f"File #{other.id}: Louisa")).to_be_visible()
    expect(page.get_by_text(f"Keep file #{kept.id}")).to_be_visible()
    assert_accessible(page)
    assert_targets_at_least(page)
    page.get_by_role("button", name="Merge the files").click()

    heading(page, "Louisa")
    expect(page.get_by_text(f"File #{other.id} now opens this file.")).to_be_visible()
    expect(page.get_by_text(f"Merged with file #{other.id} (Louisa)")).to_be_visible()
    assert_accessible(page)

    # The old number opens the kept file; a merge into itself is refused in plain words.
    page.goto(f"/clients/{other.id}/details")
    heading(page, "Louisa")
    page.goto(f"/clients/{kept.id}/merge/{kept.id}")
    expect(page.get_by_text("A file cannot be merged into itself.")).to_be_visible()
    expect(page.get_by_role("button", name="Merge the files")).to_have_count(0)
    assert_accessible(page)


def test_a_worker_links_two_of_their_people_and_another_worker_sees_no_link(
    page, browser, live_server, db_session
):
    worker = make_user(db_session, "worker", display_name="Priya Shah")
    ben = make_user(db_session, "worker", display_name="Ben Ito")
    rhonda = make_client(db_session, worker, given_name="Rhonda", family_name="Birch")
    jayden = make_client(db_session, worker, given_name="Jayden", family_name="Birch")

    sign_in(page, worker)
    page.goto(f"/clients/{rhonda.id}")
    expect(page.get_by_text("No links to other files or children written down.")).to_be_visible()
    expect(page.get_by_role("link", name="This is the same person as another file")).to_have_count(
        0
    )
    page.get_by_role("link", name="Link to another file").click()
    heading(page, "Link Rhonda to another file")
    assert_accessible(page)
    page.get_by_label("Name, nickname, date of birth or phone").fill("Jayden")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name=f"Link to this file of Jayden (file #{jayden.id})").click()

    heading(page, "How is Jayden linked to Rhonda?")
    assert_accessible(page)
    assert_targets_at_least(page)
    page.get_by_label("Child", exact=True).check()
    page.get_by_label("A note (if you want)").fill("Lives with Rhonda most weeks.")
    page.get_by_role("button", name="Save the link").click()
    expect(page.get_by_text("Rhonda and Jayden are linked.")).to_be_visible()
    expect(page.get_by_text("Child: Jayden")).to_be_visible()
    assert_accessible(page)

    # A child who is not a client, in CYF care.
    page.get_by_role("link", name="Add a child").click()
    heading(page, "Add a child")
    assert_accessible(page)
    page.get_by_label("Their name").fill("Kayla")
    page.get_by_label("Year born").fill("2019")
    page.get_by_label("Who they live with").fill("In CYF care")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Kayla is written down on the file.")).to_be_visible()
    expect(page.get_by_text("Lives: In CYF care")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/clients/{jayden.id}")
    expect(page.get_by_text("Parent: Rhonda")).to_be_visible()

    # Rhonda's file moves to Ben; he may not open Jayden's file, and sees nothing of it.
    db_session.execute(update(Client).where(Client.id == rhonda.id).values(worker_id=ben.id))
    db_session.commit()
    other = _new_page(browser, live_server, viewport=TABLET)
    try:
        sign_in(other, ben)
        other.goto(f"/clients/{rhonda.id}")
        heading(other, "Rhonda")
        expect(other.get_by_text("Jayden")).to_have_count(0)
        expect(other.get_by_text("Child: ")).to_have_count(0)
        expect(other.get_by_text("Lives: In CYF care")).to_be_visible()
        assert_accessible(other)
    finally:
        other.context.close()
