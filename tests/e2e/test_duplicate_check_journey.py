"""Issue 17: a worker on a tablet registers "Luisa" the same day they made a file for
"Louisa" (no date of birth on either). The check warns them, offers the existing file, and
lets them go on when it is someone else. Zero axe violations."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, sign_in
from tests.factories import make_user
from tests.factories.clients import make_client


def test_a_second_luisa_the_same_day_shows_the_warning(page, db_session):
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    first = make_client(db_session, worker, given_name="Louisa")
    sign_in(page, worker)

    page.goto("/clients/new")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Their name")
    page.get_by_label("First name").fill("Luisa")
    page.get_by_role("button", name="Save and go on").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("About this contact")
    page.goto(re.sub(r"/contact$", "/check", page.url))

    expect(page.get_by_role("heading", name="Is this someone we know?")).to_be_visible()
    expect(page.get_by_role("heading", name="Louisa", level=3)).to_be_visible()
    expect(page.get_by_text("Worker: Alex Murray.")).to_be_visible()
    look = page.get_by_role("link", name=re.compile("^Look at their file"))
    expect(look).to_have_attribute("href", f"/clients/{first.id}")
    expect(page.get_by_role("button", name=re.compile("^This is the same person"))).to_be_visible()
    expect(page.get_by_role("button", name="Make the file")).to_have_count(0)
    assert_accessible(page)

    # It is someone else: the worker goes on and makes the new file.
    page.get_by_role("button", name=re.compile("^This is someone else")).click()
    expect(page.get_by_role("heading", name="Is this someone we know?")).to_have_count(0)
    page.get_by_role("button", name="Make the file").click()
    expect(page.get_by_text("File made for Luisa.")).to_be_visible()
    assert_accessible(page)

    # Searching now tells the two apart without opening either file.
    page.goto("/clients/search")
    page.get_by_label("Name, nickname, date of birth or phone").fill("lou")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("columnheader", name="Last contact")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Louisa"))).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
