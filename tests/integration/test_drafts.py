"""Drafts kept on the server as someone types (issue 12, "Nothing typed is ever lost").

A draft is its author's alone (404 for anyone else), needs the same permission as its form
(and a file the person may open), is offered back on the form, goes when the form is saved,
is removed after 30 days and with its file under retention, and never reaches the audit log.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app import clock
from app.drafts import store
from app.models import AuditEvent, CaseNote, Draft
from tests.factories import make_user
from tests.factories.care import make_person
from tests.integration.care.test_notes import note_data
from tests.pagecheck import text_of

WORDS = "Met at the drop-in. They want help with the housing form"


def save(client, key, fields=None, path="/", **options):
    data = {"key": key, "path": path, "fields": json.dumps(fields or {"text": WORDS})}
    return client.post("/drafts/save", data=data, check=False, **options)


def drafts(fetch):
    return fetch(select(Draft))


# --- keeping a draft ------------------------------------------------------------------------


def test_a_case_note_draft_is_kept_and_offered_back_on_the_form(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    form = f"/clients/{person.id}/notes/new"
    response = save(client, f"note:client-{person.id}", path=form)
    assert response.status_code == 204
    [draft] = drafts(fetch)
    assert (draft.user_id, draft.client_id, draft.path) == (me.id, person.id, form)
    assert json.loads(draft.fields) == {"text": WORDS}

    page = client.get(form).get_data(as_text=True)
    assert "We kept what you typed at 12:00pm." in text_of(page)
    assert "Throw this draft away" in page
    assert "housing form" in page  # the words, for drafts.js to put back
    assert f'name="draft_key" value="note:client-{person.id}"' in page


def test_saving_again_replaces_the_draft(client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    save(client, f"note:client-{person.id}", {"text": "First words"})
    frozen_clock.advance(minutes=5)
    save(client, f"note:client-{person.id}", {"text": "First words, and more"})
    [draft] = drafts(fetch)
    assert json.loads(draft.fields) == {"text": "First words, and more"}
    assert draft.saved_at == frozen_clock.moment


def test_the_page_holds_of_its_own_are_not_kept(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    fields = {"text": WORDS, "csrf_token": "x", "form_key": "y", "draft_key": "z", "version": "3"}
    assert save(client, f"note:client-{person.id}", fields).status_code == 204
    # The version the form was filled from stays with the words (app/locking.py).
    assert json.loads(drafts(fetch)[0].fields) == {"text": WORDS, "version": "3"}


def test_a_draft_too_big_is_refused_in_plain_words(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    response = save(client, f"note:client-{person.id}", {"text": "x" * 100_001})
    assert response.status_code == 400
    assert "too long to keep" in response.get_data(as_text=True)
    assert drafts(fetch) == []


@pytest.mark.parametrize(
    "key, path",
    [
        ("nonsense:client-1", "/"),  # not a form that keeps drafts
        ("note", "/"),  # a form of a file, without the file
        ("note:client-1", "https://elsewhere.example/"),  # not a page of this app
        ("note:client-1", "//elsewhere.example/"),
        ("NOTE:client-1", "/"),
        ("handover:new:client-1", "/"),  # a file named where the form has none
    ],
)
def test_a_key_or_page_the_app_does_not_know_is_refused(
    client, sign_in_as, db_session, fetch, key, path
):
    me = sign_in_as("worker")
    make_person(db_session, me)  # file 1 is theirs
    assert save(client, key, path=path).status_code == 404
    assert drafts(fetch) == []


def test_fields_that_are_not_words_are_refused(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    for fields in ("[1, 2]", "not json", json.dumps({"text": {"deep": 1}})):
        data = {"key": f"note:client-{person.id}", "path": "/", "fields": fields}
        assert client.post("/drafts/save", data=data, check=False).status_code == 404
    assert drafts(fetch) == []


# --- the same permission as the form --------------------------------------------------------


def test_a_draft_for_a_file_the_person_may_not_open_is_a_404(client, sign_in_as, db_session, fetch):
    sign_in_as("worker")
    someone_elses, _ = make_person(db_session, make_user(db_session, "worker"))
    assert save(client, f"note:client-{someone_elses.id}").status_code == 404
    assert save(client, "note:client-987654").status_code == 404
    assert drafts(fetch) == []


@pytest.mark.parametrize("role", ["frontdesk", "trainee"])
def test_a_role_without_the_forms_permission_keeps_no_draft(
    client, sign_in_as, db_session, fetch, role
):
    person, _ = make_person(db_session, make_user(db_session, "worker"))
    sign_in_as(role)
    assert save(client, f"note:client-{person.id}").status_code == 404
    assert save(client, "supervision:new").status_code == 404
    assert drafts(fetch) == []


def test_forms_that_are_not_of_a_file_keep_drafts_for_their_own_roles(client, sign_in_as, fetch):
    sign_in_as("trainee")
    assert save(client, "reflection:item-3", path="/training/items/3").status_code == 204
    assert save(client, "file-check:client-1").status_code == 404  # seniors only
    [draft] = drafts(fetch)
    assert draft.key == "reflection:item-3" and draft.client_id is None


def test_a_senior_keeps_file_check_feedback_for_any_file(client, sign_in_as, db_session, fetch):
    person, _ = make_person(db_session, make_user(db_session, "worker"))
    sign_in_as("senior")
    assert save(client, f"file-check:client-{person.id}").status_code == 204
    assert drafts(fetch)[0].client_id == person.id


def test_supervision_notes_keep_drafts_for_those_who_write_them(client, sign_in_as, fetch):
    sign_in_as("worker")  # a worker reads their supervision; a senior writes it
    assert save(client, "supervision:new").status_code == 404
    sign_in_as("senior")
    assert save(client, "supervision:new", path="/team/supervision/new").status_code == 204
    assert [d.key for d in drafts(fetch)] == ["supervision:new"]


def test_a_draft_is_not_offered_back_once_the_file_is_no_longer_theirs(
    client, sign_in_as, db_session, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    save(client, f"note:client-{person.id}")
    person.worker_id = make_user(db_session, "worker").id
    db_session.commit()
    home = text_of(client.get("/").get_data(as_text=True))
    assert "Case note," in home and person.name not in home


# --- its author's alone ---------------------------------------------------------------------


def test_another_person_never_sees_or_throws_away_my_draft(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    senior = make_user(db_session, "senior")
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    save(client, f"note:client-{person.id}")
    [draft] = drafts(fetch)

    sign_in_as(user=senior)  # may open every file, still not their draft
    page = client.get(f"/clients/{person.id}/notes/new").get_data(as_text=True)
    assert "We kept what you typed" not in page and "housing form" not in page
    assert "housing form" not in client.get("/").get_data(as_text=True)
    assert client.post(f"/drafts/{draft.id}/discard", check=False).status_code == 404
    assert len(drafts(fetch)) == 1
    refusal = fetch(select(AuditEvent).where(AuditEvent.action == "refused"))
    assert refusal and refusal[-1].detail.get("why") == "not theirs"


def test_the_author_throws_a_draft_away(client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    form = f"/clients/{person.id}/notes/new"
    save(client, f"note:client-{person.id}", path=form)
    [draft] = drafts(fetch)
    response = client.post(f"/drafts/{draft.id}/discard")
    assert response.status_code == 303 and response.headers["Location"] == form
    assert drafts(fetch) == []
    page = text_of(client.get(form).get_data(as_text=True))
    assert "The draft is thrown away." in page and "We kept what you typed" not in page


def test_drafts_js_throws_away_quietly(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    save(client, f"note:client-{person.id}")
    [draft] = drafts(fetch)
    response = client.post(f"/drafts/{draft.id}/discard", headers={"X-Draft-Quiet": "1"})
    assert response.status_code == 204 and drafts(fetch) == []


def test_a_draft_save_needs_the_csrf_token(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    assert save(client, f"note:client-{person.id}", csrf=False).status_code == 400
    token = client.csrf_token()
    response = save(client, f"note:client-{person.id}", csrf=False, headers={"X-CSRFToken": token})
    assert response.status_code == 204


# --- saving the form removes the draft ------------------------------------------------------


def test_saving_the_note_removes_its_draft(client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    key = f"note:client-{person.id}"
    save(client, key)
    save(client, "handover:new")  # another form's draft stays
    data = note_data(WORDS, draft_key=key)
    response = client.post(f"/clients/{person.id}/notes/new", data=data)
    assert response.status_code == 303
    assert [d.key for d in drafts(fetch)] == ["handover:new"]
    assert len(fetch(select(CaseNote))) == 1


def test_a_note_shown_again_with_a_problem_keeps_its_draft(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    key = f"note:client-{person.id}"
    save(client, key)
    data = note_data("", draft_key=key)  # no words: the form comes back
    response = client.post(f"/clients/{person.id}/notes/new", data=data)
    assert response.status_code == 200 and "There is a problem" in response.text
    assert len(drafts(fetch)) == 1
    assert "We kept what you typed" not in response.text  # the words sent are newer


def test_my_draft_key_never_removes_someone_elses_draft(client, sign_in_as, db_session, fetch):
    colleague = make_user(db_session, "senior")
    person, _ = make_person(db_session, make_user(db_session, "worker"))
    key = f"file-check:client-{person.id}"
    db_session.add(
        Draft(user_id=colleague.id, key=key, path="/", fields="{}", saved_at=clock.now())
    )
    db_session.commit()
    someone = make_user(db_session, "senior")
    with client.application.app_context():
        assert store.drop(someone, key) == 0
    assert len(drafts(fetch)) == 1


# --- "Things you started" -------------------------------------------------------------------


def test_things_you_started_lists_my_drafts_newest_first(
    client, sign_in_as, db_session, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me, nickname="Robbo")
    empty = text_of(client.get("/").get_data(as_text=True))
    assert "Things you started" in empty and "Nothing waiting." in empty
    save(client, "handover:new", {"note": "x"}, path="/handovers/new")
    frozen_clock.advance(hours=1)
    sign_in_as(user=me)  # a new session: the old one timed out
    save(client, f"note:client-{person.id}", path=f"/clients/{person.id}/notes/new")
    page = client.get("/").get_data(as_text=True)
    home = text_of(page)
    assert home.index("Case note for Robbo") < home.index("Warm handover")
    assert f'href="/clients/{person.id}/notes/new"' in page
    assert "WORDS" not in home and "housing form" not in home  # only where, never the words


# --- 30 days, retention, and the audit log --------------------------------------------------


def test_drafts_left_for_30_days_are_removed(client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    save(client, f"note:client-{person.id}")
    frozen_clock.advance(days=29, hours=23)
    sign_in_as(user=me)
    save(client, "handover:new")
    frozen_clock.advance(hours=1)
    runner = client.application.test_cli_runner()
    result = runner.invoke(args=["drafts-clean"])
    assert result.exit_code == 0 and "Removed 1 old draft." in result.output
    assert [d.key for d in drafts(fetch)] == ["handover:new"]
    assert store.KEEP_DAYS == 30


def test_a_files_drafts_go_with_it_under_retention(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    from tests.integration.admin.test_retention import full_file

    worker = make_user(db_session, "worker")
    doomed = full_file(db_session, worker)
    other, _ = make_person(db_session, worker)
    sign_in_as(user=worker)
    assert save(client, f"note:client-{doomed.id}").status_code == 204
    assert save(client, f"note:client-{other.id}").status_code == 204
    frozen_clock.advance(days=40)
    sign_in_as(user=worker)
    assert save(client, "handover:new").status_code == 204  # recent, and of no file

    sign_in_as("manager")
    response = client.post(f"/admin/old-files/{doomed.id}", data={"confirm": "y"})
    assert response.status_code == 303
    # The file's draft went with it; the other old one went as 30 days had passed.
    assert [d.key for d in drafts(fetch)] == ["handover:new"]


def test_a_drafts_words_never_reach_the_audit_log(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    key = f"note:client-{person.id}"
    save(client, key)
    [draft] = drafts(fetch)
    client.get(f"/clients/{person.id}/notes/new")
    client.post(f"/drafts/{draft.id}/discard")
    for event in fetch(select(AuditEvent)):
        assert "housing form" not in json.dumps(event.detail or {})


def test_a_draft_sent_twice_in_one_moment_keeps_one_row(
    client, sign_in_as, db_session, fetch, monkeypatch
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    key = f"note:client-{person.id}"
    save(client, key, {"text": "The first copy"})
    real = store.draft_for
    calls = []

    def missed_the_first_copy(user, key):  # as if the other copy was not committed yet
        calls.append(key)
        return None if len(calls) == 1 else real(user, key)

    monkeypatch.setattr(store, "draft_for", missed_the_first_copy)
    assert save(client, key, {"text": "The second copy"}).status_code == 204
    [draft] = drafts(fetch)
    assert json.loads(draft.fields) == {"text": "The second copy"}
