"""Preferences and lived experience on a tablet (768 by 1024), signed in through the sign-in
page: a worker writes down what a person prefers in a worker; a senior sees each worker's fit
in plain words and must say why when choosing against it; a worker shares their experience on
My account and the front desk sees only those words; "Somewhere else" asks where. Zero axe
violations on every page (issue 17)."""

from playwright.sync_api import expect

from tests.e2e.conftest import (
    TABLET,
    _new_page,
    assert_accessible,
    assert_targets_at_least,
    sign_in,
)
from tests.factories import make_user
from tests.factories.clients import make_client
from tests.factories.frontdesk import make_handover


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_a_preference_then_a_choice_against_it_needs_a_reason(
    page, browser, live_server, db_session
):
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    make_user(
        db_session,
        "worker",
        display_name="Linh Tran",
        gender="woman",
        languages=["English", "Vietnamese"],
    )
    make_user(db_session, "worker", display_name="Ben Cole", gender="man")
    senior = make_user(db_session, "senior", display_name="Rosa Tuilagi")
    person = make_client(db_session, worker, nickname="Tam")

    sign_in(page, worker)
    page.goto(f"/clients/{person.id}")
    assert_accessible(page)
    page.get_by_role("link", name="Change their worker preferences").click()
    heading(page, "Their worker and how often we meet: Tam")
    assert_accessible(page)
    assert_targets_at_least(page)
    page.get_by_label("A woman").check()
    page.get_by_label("A language their worker speaks (optional)").fill("Vietnamese")
    page.get_by_label("Every week").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Preferences saved.")).to_be_visible()
    expect(page.get_by_text("A woman · Speaks Vietnamese")).to_be_visible()
    expect(page.get_by_text("Every week")).to_be_visible()
    assert_accessible(page)

    boss = _new_page(browser, live_server, viewport=TABLET)
    try:
        sign_in(boss, senior)
        boss.goto(f"/clients/{person.id}/workers")
        heading(boss, "A worker for Tam")
        expect(boss.get_by_text("asked for: A woman · Speaks Vietnamese")).to_be_visible()
        expect(boss.get_by_text("Woman · speaks English, Vietnamese")).to_be_visible()
        assert_accessible(boss)
        boss.get_by_label("Worker", exact=True).select_option(
            label="Ben Cole (0 people now). Not what they asked for"
        )
        boss.get_by_label("Why this worker", exact=True).fill("He has room this week")
        boss.get_by_role("button", name="Save the worker").click()
        expect(boss.get_by_text("There is a problem")).to_be_visible()
        expect(boss.get_by_text("at least 4 words", exact=False).first).to_be_visible()
        assert_accessible(boss)
        boss.get_by_label("If they do not meet what the person asked for").fill(
            "Tam met Ben and asked for him"
        )
        boss.get_by_role("button", name="Save the worker").click()
        expect(boss.get_by_text("Ben Cole now supports Tam.")).to_be_visible()
        assert_accessible(boss)
        boss.goto(f"/clients/{person.id}/workers")
        expect(
            boss.get_by_text("Not what they asked for, because: Tam met Ben and asked for him")
        ).to_be_visible()
    finally:
        boss.context.close()


def test_a_worker_shares_experience_and_the_desk_sees_only_those_words(
    page, browser, live_server, db_session
):
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    volunteer = make_user(db_session, "frontdesk", display_name="Kim Nguyen")
    handover = make_handover(db_session, volunteer, name="Sam", needs=["omt"])

    sign_in(page, worker)
    page.goto("/account")
    heading(page, "My account")
    assert_accessible(page)
    page.get_by_role("link", name="Change what you share").click()
    heading(page, "What you share for matching")
    assert_accessible(page)
    assert_targets_at_least(page)
    page.get_by_label("Methadone or buprenorphine (OMT)").check()
    page.get_by_label("Woman", exact=True).check()
    page.get_by_label("Your pronouns (optional)").fill("she/her")
    page.get_by_label("Languages you speak with people (optional)").fill("English, Vietnamese")
    page.get_by_role("button", name="Save what I share").click()
    heading(page, "My account")
    expect(page.get_by_text("Woman (she/her) · speaks English, Vietnamese")).to_be_visible()
    assert_accessible(page)

    desk = _new_page(browser, live_server, viewport=TABLET)
    try:
        sign_in(desk, volunteer)
        desk.goto(f"/frontdesk/handovers/{handover.id}")
        expect(desk.get_by_text("Alex Murray: Methadone or buprenorphine (OMT)")).to_be_visible()
        expect(desk.get_by_text("Vietnamese")).to_have_count(0)
        expect(desk.get_by_text("she/her")).to_have_count(0)
        assert_accessible(desk)
    finally:
        desk.context.close()


def test_somewhere_else_asks_where_only_when_chosen(page, db_session):
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    sign_in(page, worker)
    page.goto("/clients/new")
    page.get_by_role("button", name="Start").first.click()
    page.get_by_label("Name they like to be called, or nickname").fill("Birdie")
    page.get_by_role("button", name="Save and go on").click()
    where = page.get_by_label("If somewhere else, where")
    expect(where).to_be_hidden()
    page.get_by_label("Prison or correctional centre").check()
    expect(where).to_be_hidden()
    page.get_by_label("Somewhere else", exact=True).check()
    expect(where).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Save and go on").click()
    expect(page.get_by_text("Say where you met them").first).to_be_visible()
    assert_accessible(page)
