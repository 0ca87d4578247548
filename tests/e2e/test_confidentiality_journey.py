"""Confidentiality, told and kept (issue 15): at intake a worker tells Tam their file is
confidential, in the words on the screen, and saves that they did; a subpoena comes for Tam's
notes, so the worker writes the request down; the manager approves it and sees it listed.

Model of care: "Service users are informed that their client file is confidential", and that
"CAHMA may be compelled by law to disclose confidential information about the person".
"""

from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_accessible, sign_in
from tests.factories import make_user
from tests.factories.clients import make_client


def heading(page: Page, text) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_a_worker_tells_and_records_a_request_and_the_manager_approves_it(page: Page, db_session):
    worker = make_user(db_session, "worker", display_name="Linh Tran")
    manager = make_user(db_session, "manager", display_name="Jo Manager")
    tam = make_client(db_session, worker, nickname="Tam", given_name="Tam", family_name="Nguyen")

    # Intake: the file says Tam has not been told yet.
    sign_in(page, worker)
    page.goto(f"/clients/{tam.id}")
    heading(page, "Tam")
    page.get_by_role("link", name="Tell them now").click()
    heading(page, "Tell Tam their file is confidential")
    expect(
        page.get_by_text("What you tell us stays private. Your file is confidential.")
    ).to_be_visible()
    expect(page.get_by_text("sends us a paper called a subpoena", exact=False)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="I have told them").click()
    heading(page, "Tam")
    expect(page.get_by_text("Saved: you told Tam their file is confidential.")).to_be_visible()
    expect(page.get_by_text("Told their file is confidential, by Linh Tran")).to_be_visible()
    expect(page.get_by_role("link", name="Tell them now")).to_have_count(0)

    # A subpoena comes: the worker writes the request down. Without an authority: nothing.
    page.get_by_role("link", name="Given by law").click()
    heading(page, "Information the law made us give about Tam")
    assert_accessible(page)
    page.get_by_label("A subpoena from a court").check()
    page.get_by_label("Their name or office").fill("ACT Magistrates Court")
    page.get_by_label("What we give them").fill("Case notes from March. Nothing else.")
    page.get_by_role("button", name="Save the request").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(
        page.get_by_text("Write the authority: the subpoena, warrant or law", exact=False).first
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label("The authority: the subpoena, warrant or law").fill("Subpoena 1234 of 2026")
    page.get_by_role("button", name="Save the request").click()
    expect(page.get_by_text("It waits for the manager")).to_be_visible()
    expect(page.get_by_text("Waiting for the manager").first).to_be_visible()
    expect(page.get_by_role("button", name="Approve: give this")).to_have_count(0)

    # The manager sees it waiting on their home page, approves it, and sees it listed.
    page.context.clear_cookies()
    sign_in(page, manager)
    page.goto("/")
    expect(page.get_by_text("1 request waits for you to approve.")).to_be_visible()
    page.get_by_role("link", name="See them").click()
    heading(page, "Information the law made us give")
    expect(page.get_by_role("link", name="Tam Nguyen")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Approve: give this").click()
    heading(page, "Information the law made us give")
    expect(page.get_by_text("Approved. They may be given what is written down.")).to_be_visible()
    expect(page.get_by_text("Approved by the manager: Jo Manager", exact=False)).to_be_visible()
    expect(page.get_by_text("Nothing is waiting for you.")).to_be_visible()
    assert_accessible(page)

    # Tam's copy of their file lists it.
    page.goto(f"/clients/{tam.id}/copy")
    expect(
        page.get_by_text(
            "Asked for by ACT Magistrates Court, under Subpoena 1234 of 2026", exact=False
        )
    ).to_be_visible()
    assert_accessible(page)
