"""Nothing typed is ever lost (issue 12): a worker types a case note and leaves it; the words
are kept on the server a few seconds after the last key, offered back when the form is opened
again ("We kept what you typed at ..."), can be thrown away, and go once the note is saved.
The page's clock is moved on by Playwright (page.clock), never waited for."""

import re
from datetime import timedelta

from playwright.sync_api import expect
from sqlalchemy import select

from app import clock
from app.models import CaseNote, Draft
from tests.e2e.conftest import assert_accessible, sign_in
from tests.factories import make_user
from tests.factories.care import make_person

WORDS = "Met at the drop-in. Talked about the housing form and the"


def kept(db_session):
    db_session.expire_all()
    return db_session.scalars(select(Draft)).all()


def test_a_case_note_is_kept_as_it_is_typed_and_offered_back(page, db_session):
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    person, _ = make_person(
        db_session, worker, nickname="Tam", opened_on=clock.today() - timedelta(days=30)
    )
    sign_in(page, worker)
    page.clock.install()
    form = f"/clients/{person.id}/notes/new"
    note = page.get_by_label("The note", exact=True)

    # Typing, then the 3 seconds after the last key: the draft is sent.
    page.goto(form)
    note.fill(WORDS)
    page.clock.run_for(3100)
    expect(page.get_by_text(re.compile(r"^Draft kept at \d{1,2}:\d\d[ap]m\.$"))).to_be_visible()
    [draft] = kept(db_session)
    assert draft.key == f"note:client-{person.id}" and WORDS in draft.fields

    # "Things you started" on the home page leads back to the form, with the words back.
    page.goto("/")
    started = page.get_by_role("region", name="Things you started")
    started.get_by_role("link", name="Case note for Tam").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Write a note")
    expect(page.get_by_text(re.compile(r"^We kept what you typed at \d"))).to_be_visible()
    expect(note).to_have_value(WORDS)
    assert_accessible(page)

    # Thrown away: the box is empty and the draft gone.
    page.get_by_role("button", name="Throw this draft away").click()
    expect(page.get_by_text("The draft is thrown away.")).to_be_visible()
    expect(note).to_have_value("")
    expect(page.get_by_text(re.compile("^We kept what you typed"))).to_be_hidden()
    assert kept(db_session) == []

    # Typed again on this page (reached by a boosted link), and opened again (a reload).
    note.fill(WORDS + " next steps.")
    page.clock.run_for(3100)
    expect(page.get_by_text(re.compile(r"^Draft kept at"))).to_be_visible()
    [draft] = kept(db_session)
    assert draft.path == form
    page.reload()
    expect(note).to_have_value(WORDS + " next steps.")

    # Saved: the note is kept and its draft goes.
    page.get_by_label("Face to face").check()
    page.get_by_role("button", name="Save the note").click()
    expect(page.get_by_text("Note saved.")).to_be_visible()
    assert kept(db_session) == []
    db_session.expire_all()
    assert [n.text for n in db_session.scalars(select(CaseNote))] == [WORDS + " next steps."]
    page.goto(form)
    expect(note).to_have_value("")
    expect(page.get_by_text(re.compile("^We kept what you typed"))).to_have_count(0)
    assert_accessible(page)


def test_without_javascript_the_note_still_saves_and_its_draft_goes(no_js_page, db_session):
    page = no_js_page
    worker = make_user(db_session, "worker")
    person, _ = make_person(db_session, worker, nickname="Tam")
    db_session.add(
        Draft(
            user_id=worker.id,
            key=f"note:client-{person.id}",
            path=f"/clients/{person.id}/notes/new",
            client_id=person.id,
            fields='{"text": "Typed on another tablet"}',
            saved_at=clock.now(),
        )
    )
    db_session.commit()
    sign_in(page, worker)
    page.goto(f"/clients/{person.id}/notes/new")
    # No JavaScript: no draft is put back or offered, and the form works as always.
    expect(page.get_by_text(re.compile("^We kept what you typed"))).to_be_hidden()
    page.get_by_label("Face to face").check()
    page.get_by_label("The note", exact=True).fill(WORDS + " next steps.")
    page.get_by_role("button", name="Save the note").click()
    expect(page.get_by_text("Note saved.")).to_be_visible()
    assert kept(db_session) == []  # axe needs JavaScript: the first test checks the page
