"""Two people saving the same record at once, on every form that changes a record.

Both open the form at the same version. The first saves. The second saves from the old
version: nothing of the first is overwritten, the page says what the first person changed,
and the second person's own words are still in the form. Saving again from there keeps
them (the form now carries the newest version). Client details and treatment plans have
their own tests (tests/integration/clients, tests/integration/care).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app import clock
from app.models import (
    AccessRequest,
    AdvocacyIssue,
    Agreement,
    AgreementVersion,
    Appointment,
    Assessment,
    AuditEvent,
    CaseNote,
    Client,
    Consent,
    DailyTask,
    Episode,
    FileAudit,
    Handover,
    LearningItem,
    Module,
    Partner,
    Referral,
    TallyItem,
    User,
)
from app.models.training import Level
from app.team.completeness import CHECKS
from tests.factories import make_user
from tests.factories.care import make_appointment, make_issue, make_note, make_person, make_referral
from tests.factories.clients import make_assessment, make_client, make_consent
from tests.factories.frontdesk import make_handover, make_item, make_task
from tests.factories.partners import make_partner
from tests.factories.team import make_file_audit
from tests.pagecheck import text_of
from tests.versions import version_at, version_in


@dataclass
class Edit:
    """One edit form: who uses it, a record to edit, what each person saves."""

    name: str
    role: str
    make: Callable  # (db_session, user) -> the form's URL
    first: dict  # what the first person saves
    second: dict  # what the second person typed, from the same version
    shown: str  # what the panel says the first person changed
    kept: str  # some of the second person's words, back in the form (HTML)
    saved: Callable  # (fetch) -> the value the two people disagree about


# --- records to edit --------------------------------------------------------------------------

PARTNER = {"name": "Capital Community Legal", "what_they_do": "Free legal advice."}


def partner(s, me):
    return f"/partners/{make_partner(s, PARTNER['name'], what_they_do='Legal advice.').id}/edit"


def account(s, me):
    return f"/admin/users/{make_user(s, 'trainee', display_name='Sam Lee').id}"


def _module(s):
    level = Level(
        number=1,
        name="Training",
        position="Trainee",
        step_label="Training",
        summary=".",
        lets_you=".",
    )
    s.add(level)
    s.flush()
    module = Module(
        level_id=level.id, position=1, title="Module 1: Our rules", in_house="Induction"
    )
    s.add(module)
    s.commit()
    return module


def module(s, me):
    return f"/training/programme/modules/{_module(s).id}"


def learning_item(s, me):
    item = LearningItem(
        module_id=_module(s).id,
        position=1,
        kind="read",
        title="Our code of conduct",
        body="Read it.",
    )
    s.add(item)
    s.commit()
    return f"/training/programme/items/{item.id}"


def agreement(s, me):
    row = Agreement(key="conduct", title="Our code of conduct", position=1, current_number=1)
    s.add(row)
    s.flush()
    s.add(AgreementVersion(agreement_id=row.id, number=1, text="Be kind.", change_note="First"))
    s.commit()
    return f"/training/agreements/{row.id}/edit"


def episode(s, me):
    person, open_episode = make_person(s, me)
    return f"/clients/{person.id}/episodes/{open_episode.id}"


def assessment(s, me):
    person, _ = make_person(s, me)
    make_assessment(s, person, summary="Sleeping rough")
    return f"/clients/{person.id}/assessment"


def appointment(s, me):
    person, open_episode = make_person(s, me)
    row = make_appointment(
        s, person, open_episode, worker=me, starts_at=clock.now() - timedelta(hours=2)
    )
    return f"/clients/{person.id}/appointments/{row.id}/outcome"


def referral(s, me):
    person, open_episode = make_person(s, me)
    service = make_partner(s)
    consent = make_consent(s, person, party_name=service.name, partner_id=service.id)
    row = make_referral(s, person, open_episode, service, consent)
    return f"/clients/{person.id}/referrals/{row.id}"


def advocacy(s, me):
    person, open_episode = make_person(s, me)
    return f"/clients/{person.id}/advocacy/{make_issue(s, person, open_episode).id}"


def systemic(s, me):
    return f"/advocacy/systemic/{make_issue(s, kind='systemic', issue='Buses stopped').id}"


NOTE_AT = datetime(2026, 3, 1, 1, 0, tzinfo=UTC)  # 12pm on 1 March in Canberra
NOTE = {
    "contact_on-day": "1",
    "contact_on-month": "3",
    "contact_on-year": "2026",
    "contact_time": "12:00",
    "kind": "face_to_face",
}


def note(s, me):
    person, open_episode = make_person(s, me)
    row = make_note(s, person, open_episode, by=me, contact_at=NOTE_AT, text="Met at the park.")
    return f"/clients/{person.id}/notes/{row.id}/correct"


def file_check(s, me):
    worker = make_user(s, "worker", display_name="Alex Murray")
    return f"/team/audits/{make_file_audit(s, make_client(s, worker), by=me).id}"


def reallocation(s, me):
    alex = make_user(s, "worker", display_name="Alex Murray")
    make_user(s, "worker", display_name="Priya Sharma")
    make_user(s, "worker", display_name="Sam Nguyen")
    return f"/team/people/{make_client(s, alex, nickname='Jaz').id}/reallocate"


def allocation(s, me):
    make_user(s, "worker", display_name="Alex Murray")
    make_user(s, "worker", display_name="Priya Sharma")
    return f"/clients/{make_client(s, nickname='Jaz').id}/workers"


def worker_named(fetch, name: str) -> str:
    return str(fetch(select(User.id).where(User.display_name == name))[0])


def newest(fetch, model, column):
    return fetch(select(column).order_by(model.id.desc()))[0]


EDITS = [
    Edit(
        "partner",
        "senior",
        partner,
        {**PARTNER, "phone": "02 6100 1111"},
        {**PARTNER, "phone": "02 6100 2222", "welcome_note": "Ask for Jo at the front."},
        "Phone: now 02 6100 1111",
        "Ask for Jo at the front.",
        lambda fetch: fetch(select(Partner.phone))[0],
    ),
    Edit(
        "tally item",
        "manager",
        lambda s, me: f"/frontdesk/items/{make_item(s, 'Meals').id}",
        {"label": "Hot meals", "group": "food", "icon": "meal"},
        {"label": "Meals and soup", "group": "food", "icon": "cup"},
        "What is counted: now Hot meals",
        'value="Meals and soup"',
        lambda fetch: fetch(select(TallyItem.label))[0],
    ),
    Edit(
        "daily task",
        "manager",
        lambda s, me: f"/frontdesk/daily-tasks/{make_task(s, 'Tidy up').id}",
        {"label": "Tidy the client area"},
        {"label": "Tidy the kitchen"},
        "The task: now Tidy the client area",
        'value="Tidy the kitchen"',
        lambda fetch: fetch(select(DailyTask.label))[0],
    ),
    Edit(
        "account",
        "manager",
        account,
        {"display_name": "Sam Lee-Smith", "role": "trainee"},
        {"display_name": "Samuel Lee", "role": "frontdesk"},
        "Their name: now Sam Lee-Smith",
        'value="Samuel Lee"',
        lambda fetch: fetch(select(User.display_name).where(User.role != "manager"))[0],
    ),
    Edit(
        "training module",
        "senior",
        module,
        {"title": "Module 1: Our rules", "summary": "How we work together."},
        {"title": "Module 1: The rules", "summary": "Rules for everyone."},
        "What it is about, in one or two lines: now How we work together.",
        "Rules for everyone.",
        lambda fetch: fetch(select(Module.summary))[0],
    ),
    Edit(
        "training item",
        "senior",
        learning_item,
        {"kind": "read", "title": "Our code of conduct", "body": "Read it with your mentor."},
        {"kind": "talk", "title": "Our code of conduct", "body": "Talk it over.", "minutes": "20"},
        "What to do, in plain words: now Read it with your mentor.",
        "Talk it over.",
        lambda fetch: fetch(select(LearningItem.body))[0],
    ),
    Edit(
        "agreement",
        "manager",
        agreement,
        {"text": "Be kind. Be safe.", "change_note": "Added safety"},
        {"text": "Be kind. Be on time.", "change_note": "Added time"},
        "What changed in it: now Added safety",
        "Be kind. Be on time.",
        lambda fetch: fetch(select(Agreement.current_number))[0],
    ),
    Edit(
        "episode codes",
        "worker",
        episode,
        {
            "source_of_referral": "1",
            "client_type": "1",
            "main_treatment_type": "5",
            "delivery_setting": "4",
            "principal_drug": "1202",
        },
        {
            "source_of_referral": "6",
            "client_type": "1",
            "main_treatment_type": "5",
            "delivery_setting": "1",
            "principal_drug": "3103",
        },
        "Where the support happens: now",
        '<option value="3103" selected>',
        lambda fetch: fetch(select(Episode.delivery_setting))[0],
    ),
    Edit(
        "assessment",
        "worker",
        assessment,
        {
            "met_on-day": "1",
            "met_on-month": "3",
            "met_on-year": "2026",
            "summary": "Staying with a friend",
        },
        {
            "met_on-day": "1",
            "met_on-month": "3",
            "met_on-year": "2026",
            "summary": "In a refuge",
            "strengths": "Keeps every appointment",
        },
        "What is going on for them, in their words: now Staying with a friend",
        "Keeps every appointment",
        lambda fetch: newest(fetch, Assessment, Assessment.summary),
    ),
    Edit(
        "appointment outcome",
        "worker",
        appointment,
        {"attended": "yes", "what_happened": "Saw Dr Lee."},
        {"attended": "no", "what_happened": "They were too unwell to go."},
        "What happened: now Saw Dr Lee.",
        "They were too unwell to go.",
        lambda fetch: fetch(select(Appointment.what_happened))[0],
    ),
    Edit(
        "referral outcome",
        "worker",
        referral,
        {"attended": "yes", "outcome": "Got a bed"},
        {"attended": "no", "outcome": "On the waiting list"},
        "What happened: now Got a bed",
        "On the waiting list",
        lambda fetch: fetch(select(Referral.outcome))[0],
    ),
    Edit(
        "advocacy",
        "worker",
        advocacy,
        {"progress": "waiting", "what_happened": "Rang the pharmacy."},
        {"progress": "resolved", "what_happened": "They agreed to take-aways."},
        "Where is it up to?: now Waiting to hear back",
        "They agreed to take-aways.",
        lambda fetch: fetch(select(AdvocacyIssue.what_happened))[0],
    ),
    Edit(
        "problem for many people",
        "manager",
        systemic,
        {"progress": "waiting", "what_happened": "Wrote to ACT Health."},
        {"progress": "open", "what_happened": "Met the bus company."},
        "What has happened: now Wrote to ACT Health.",
        "Met the bus company.",
        lambda fetch: fetch(select(AdvocacyIssue.what_happened))[0],
    ),
    Edit(
        "note correction",
        "worker",
        note,
        {**NOTE, "text": "Met at the park with their sister.", "why_changed": "Who came"},
        {**NOTE, "text": "Met at the park at noon.", "why_changed": "The time"},
        "The note: now Met at the park with their sister.",
        "Met at the park at noon.",
        lambda fetch: fetch(select(CaseNote.text).where(CaseNote.superseded.is_(False)))[0],
    ),
    Edit(
        "file check",
        "senior",
        file_check,
        {"registration": "no", "action": "save"},
        {"registration": "yes", "feedback": "Add the family name.", "action": "save"},
        f"{CHECKS['registration']}: now No",
        "Add the family name.",
        lambda fetch: fetch(select(FileAudit.answers))[0],
    ),
    Edit(
        "reallocation",
        "senior",
        reallocation,
        {"worker_id": "Priya Sharma", "reason": "Shared experience of CYF."},
        {"worker_id": "Sam Nguyen", "reason": "Sam knows the family well."},
        "Who supports them now: now Priya Sharma",
        "Sam knows the family well.",
        lambda fetch: fetch(select(Client.worker_id))[0],
    ),
    Edit(
        "allocation",
        "senior",
        allocation,
        {"worker_id": "Alex Murray", "reason": "Lives nearby."},
        {"worker_id": "Priya Sharma", "reason": "Shared experience of OMT."},
        "Who supports them now: now Alex Murray",
        "Shared experience of OMT.",
        lambda fetch: fetch(select(Client.worker_id))[0],
    ),
]
HANDOVER = {
    "person_view": "agrees",
    "handover_note": "Likes to meet at the drop-in.",
    "handover_on-day": "5",
    "handover_on-month": "3",
    "handover_on-year": "2026",
}


def _data(fetch, edit: Edit, data: dict, version: str) -> dict:
    """Names of workers become their ids; a move to a new worker has its handover too."""
    data = {**data, "version": version}
    if "worker_id" in data:
        data["worker_id"] = worker_named(fetch, data["worker_id"])
    if edit.name == "reallocation":
        data.update(HANDOVER)
    return data


@pytest.mark.parametrize("edit", EDITS, ids=[e.name for e in EDITS])
def test_the_second_save_from_an_old_version_overwrites_nothing(
    client, sign_in_as, db_session, fetch, frozen_clock, edit
):
    me = sign_in_as(edit.role)
    url = edit.make(db_session, me)
    version = version_at(client, url)  # both people open the form now

    first = client.post(url, data=_data(fetch, edit, edit.first, version))
    assert first.status_code == 303, text_of(first.get_data(as_text=True))
    saved = edit.saved(fetch)

    second = client.post(url, data=_data(fetch, edit, edit.second, version))
    assert second.status_code == 200
    html = second.get_data(as_text=True)
    page = text_of(html)
    assert "Someone else changed this" in page
    assert edit.shown in page
    assert edit.kept in html
    assert edit.saved(fetch) == saved  # nothing overwritten

    again = client.post(url, data=_data(fetch, edit, edit.second, version_in(second)))
    assert again.status_code == 303, text_of(again.get_data(as_text=True))
    assert edit.saved(fetch) != saved  # saved again from the newest version: their words


@pytest.mark.parametrize("edit", EDITS, ids=[e.name for e in EDITS])
def test_a_form_without_its_version_saves_nothing(
    client, sign_in_as, db_session, fetch, frozen_clock, edit
):
    """A page opened before an upgrade (or made by hand) is treated as out of date."""
    me = sign_in_as(edit.role)
    url = edit.make(db_session, me)
    before = edit.saved(fetch)
    data = _data(fetch, edit, edit.second, "")
    del data["version"]
    response = client.post(url, data=data)
    assert response.status_code == 200
    assert "We cannot tell which answers they changed" in text_of(response.get_data(as_text=True))
    assert edit.saved(fetch) == before


def test_a_change_the_form_does_not_show_is_not_a_clash(client, sign_in_as, db_session, fetch):
    """Moving a tally item up the list changes its row, not its name: a rename goes ahead."""
    sign_in_as("manager")
    meals = make_item(db_session, "Meals", position=10)
    make_item(db_session, "Tea and coffee", position=20)
    url = f"/frontdesk/items/{meals.id}"
    version = version_at(client, url)
    moved = client.post(f"/frontdesk/items/{meals.id}/move", data={"direction": "down"})
    assert moved.status_code == 303
    assert fetch(select(TallyItem.version).where(TallyItem.id == meals.id)) == [2]
    response = client.post(
        url, data={"label": "Hot meals", "group": "food", "icon": "meal", "version": version}
    )
    assert response.status_code == 303
    assert fetch(select(TallyItem.label).where(TallyItem.id == meals.id)) == ["Hot meals"]


def test_taking_back_a_consent_someone_took_back_already(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    consent = make_consent(db_session, person, party_name="Housing ACT")
    url = f"/clients/{person.id}/consents/{consent.id}"
    version = version_at(client, url)
    today = clock.today()
    day = {"withdrawn_on-day": str(today.day), "withdrawn_on-month": str(today.month)}
    day["withdrawn_on-year"] = str(today.year)
    first = client.post(
        url, data={**day, "withdrawn_note": "Rang to say stop.", "version": version}
    )
    assert first.status_code == 303
    second = client.post(
        url, data={**day, "withdrawn_note": "Told me at the desk.", "version": version}
    )
    assert second.status_code == 200
    page = text_of(second.get_data(as_text=True))
    assert "Someone else changed this" in page
    assert "Anything to note (optional): now Rang to say stop." in page
    assert "It is taken back now, so there is nothing more to save here." in page
    assert "Told me at the desk." in page  # their words, to copy into a note
    assert fetch(select(Consent.withdrawn_note)) == ["Rang to say stop."]


def test_a_finished_file_check_stays_as_it_was(client, sign_in_as, db_session, fetch):
    me = sign_in_as("senior")
    record = make_file_audit(db_session, make_client(db_session, make_user(db_session)), by=me)
    url = f"/team/audits/{record.id}"
    version = version_at(client, url)
    record.status = "done"  # someone else finished it
    db_session.commit()
    response = client.post(
        url, data={"registration": "no", "feedback": "Add the family name.", "version": version}
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "The check is finished now, so it cannot change." in text_of(html)
    assert "Add the family name." in html
    assert "Save and finish later" not in html
    assert fetch(select(FileAudit.answers)) == [{}]


def test_a_step_recorded_twice_keeps_the_first_date_and_adds_the_words(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    record = AccessRequest(client_id=person.id, kind="access", received_on=clock.today())
    db_session.add(record)
    db_session.commit()
    url = f"/clients/{person.id}/requests/{record.id}"
    for day, words in (("2", "Rang them back."), ("3", "Sent a letter.")):
        client.post(
            url,
            data={
                f"r{record.id}-step": "answered",
                f"r{record.id}-on-day": day,
                f"r{record.id}-on-month": "3",
                f"r{record.id}-on-year": "2026",
                f"r{record.id}-outcome": words,
            },
        )
    [saved] = fetch(select(AccessRequest))
    assert saved.answered_on.day == 2  # the first date stays
    assert saved.outcome == "Rang them back.\n\nSent a letter."
    page = text_of(client.get(f"/clients/{person.id}/requests").get_data(as_text=True))
    assert "Answered: this was saved already, for 2 March 2026." in page


def _someone_else_saves_first(monkeypatch, db_session, module, name, partner_id, phone):
    """Make `module.name` save the partner from another connection just before it runs: the
    two saves land in the same moment."""
    original = getattr(module, name)

    def racing(*args, **kwargs):
        row = db_session.get(Partner, partner_id)
        row.phone = phone
        db_session.commit()
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, racing)


def test_two_saves_in_the_same_moment_keep_the_first(
    client, sign_in_as, db_session, fetch, monkeypatch
):
    from app.partners import directory as service

    sign_in_as("senior")
    row = make_partner(db_session, PARTNER["name"])
    url = f"/partners/{row.id}/edit"
    version = version_at(client, url)
    _someone_else_saves_first(monkeypatch, db_session, service, "update_partner", row.id, "1111")
    response = client.post(url, data={**PARTNER, "phone": "2222", "version": version})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Phone: now 1111" in text_of(html) and 'value="2222"' in html
    assert fetch(select(Partner.phone)) == ["1111"]
    assert not fetch(select(AuditEvent).where(AuditEvent.action == "partner.changed"))


def test_a_button_that_clashes_in_the_same_moment_gets_the_plain_page(
    client, sign_in_as, db_session, fetch, monkeypatch
):
    from app.partners import directory as service

    sign_in_as("senior")
    row = make_partner(db_session, PARTNER["name"])
    _someone_else_saves_first(monkeypatch, db_session, service, "set_active", row.id, "1111")
    response = client.post(f"/partners/{row.id}/retire")
    assert response.status_code == 409
    page = text_of(response.get_data(as_text=True))
    assert "Someone else changed this" in page and "look at the changes and try again" in page
    assert fetch(select(Partner.active)) == [True]  # nothing of the button was kept
    assert not fetch(select(AuditEvent).where(AuditEvent.action == "partner.retired"))
    assert "is now in the list of past partners" not in text_of(client.get("/partners").text)


def test_closing_a_handover_a_worker_picked_up_meanwhile_keeps_it_open(
    client, sign_in_as, db_session, fetch
):
    """Handovers need no version: pick-up and close change only a waiting one, in one
    UPDATE, so a second pick-up or a late close changes nothing."""
    desk = sign_in_as("frontdesk")
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    handover = make_handover(db_session, desk, status="picked_up", picked_up_by_id=worker.id)
    response = client.post(f"/frontdesk/handovers/{handover.id}/close", data={"reason": "left"})
    assert response.status_code == 303
    page = text_of(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "A worker has this one already, so it stays open." in page
    [saved] = fetch(select(Handover))
    assert (saved.status, saved.picked_up_by_id, saved.closed_reason) == (
        "picked_up",
        worker.id,
        None,
    )
