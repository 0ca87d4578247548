"""Treatment plans: up to three goals in their words, steps, versions, goal status, the
printable plan, two workers at once, and a closed episode kept as it was."""

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from app.care import plan_changes, plans
from app.core.saving import Refused
from app.models import AuditEvent, Episode, Goal, GoalStep, Plan, PlanVersion, TimelineEntry
from tests.factories.care import make_person, make_plan
from tests.pagecheck import text_of
from tests.versions import version_in


def goal(words, **extra):
    data = {"words": words, "priority": "2"}
    data.update(extra)
    return data


def start_plan(client, person_id, **dates):
    data = {"agreed_on-day": "3", "agreed_on-month": "3", "agreed_on-year": "2026"}
    data.update(dates)
    return client.post(f"/clients/{person_id}/plan/new", data=data)


def version_now(fetch, plan_id) -> str:
    return str(fetch(select(Plan).where(Plan.id == plan_id))[0].version)


def test_a_plan_starts_with_a_review_in_three_months_and_a_first_version(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    response = start_plan(client, person.id)
    assert response.status_code == 303 and response.headers["Location"].endswith("/goals/new")
    [plan] = fetch(select(Plan))
    assert plan.agreed_on == date(2026, 3, 3) and plan.review_on == date(2026, 6, 3)
    [version] = fetch(select(PlanVersion))
    assert version.number == 1 and "Plan started" in version.changes[0]
    assert fetch(select(AuditEvent).where(AuditEvent.action == "plan.started"))
    assert fetch(select(TimelineEntry).where(TimelineEntry.kind == "plan_version"))
    # A second plan for the same episode is not made.
    assert start_plan(client, person.id).status_code == 303
    assert len(fetch(select(Plan))) == 1


def test_three_goals_then_a_fourth_is_refused_and_its_words_kept(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    plan = make_plan(db_session, person, episode)
    url = f"/clients/{person.id}/plan/goals/new"
    for n, words in enumerate(["Get my kids back", "A place of my own", "Start on bupe"], 1):
        data = goal(words, why="It matters", version=version_now(fetch, plan.id))
        if n == 1:
            data.update(step_what="Call CYF", step_who="worker")
        assert client.post(url, data=data).status_code == 303
    response = client.post(url, data=goal("Learn to drive", version=version_now(fetch, plan.id)))
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "A plan has up to three goals. Finish or change one first." in page
    assert "Learn to drive" in response.get_data(as_text=True)
    goals = fetch(select(Goal).order_by(Goal.position))
    assert [g.words for g in goals] == ["Get my kids back", "A place of my own", "Start on bupe"]
    assert fetch(select(GoalStep))[0].who == "worker"
    versions = fetch(select(PlanVersion).order_by(PlanVersion.number))
    assert [v.number for v in versions] == [1, 2, 3, 4]
    assert 'New goal "Get my kids back"' in versions[1].changes[0]
    assert versions[-1].snapshot["goals"][2]["words"] == "Start on bupe"
    lines = [
        e.summary for e in fetch(select(TimelineEntry).where(TimelineEntry.kind == "plan_version"))
    ]
    assert lines.count("Plan: a new goal") == 3  # the timeline says what, not their words
    assert not any("kids" in line for line in lines)
    # Marking one done makes room for another.
    done = client.post(
        f"/clients/{person.id}/plan/goals/{goals[0].id}/status",
        data={"status": "done", "version": version_now(fetch, plan.id)},
    )
    assert done.status_code == 303
    assert (
        client.post(
            url, data=goal("Learn to drive", version=version_now(fetch, plan.id))
        ).status_code
        == 303
    )
    page = text_of(client.get(f"/clients/{person.id}/plan").get_data(as_text=True))
    assert "Goals they are working on (3 of 3)" in page
    assert "What changed, and when" in page and "marked done" in page


def test_a_goal_with_no_words_and_a_step_before_the_plan_began_are_refused(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    plan = make_plan(db_session, person, episode, agreed_on=date(2026, 2, 1))
    url = f"/clients/{person.id}/plan/goals/new"
    response = client.post(url, data=goal("   ", why="Kept words", version="1"))
    assert response.status_code == 200
    assert "Write the goal in their words" in text_of(response.get_data(as_text=True))
    assert "Kept words" in response.get_data(as_text=True)
    response = client.post(
        url,
        data=goal(
            "See a dentist",
            version="1",
            step_what="Book it",
            step_who="person",
            **{"step_due-day": "31", "step_due-month": "1", "step_due-year": "2026"},
        ),
    )
    assert response.status_code == 200
    assert (
        "The date must be on or after the day the plan started (Sunday 1 February 2026)"
        in text_of(response.get_data(as_text=True))
    )
    assert fetch(select(Goal)) == []
    with client.application.app_context():
        from app.extensions import db

        fresh = db.session.get(Plan, plan.id)
        try:
            plan_changes.add_step(
                fresh,
                goal=Goal(plan_id=plan.id, words="x"),
                step=plan_changes.StepData("Too early", due_on=date(2026, 1, 1)),
                user=None,
                client=person,
            )
        except Refused as refused:
            assert refused.message == plans.STEP_TOO_EARLY
        else:  # pragma: no cover
            raise AssertionError("a step before the plan began was saved")


def test_steps_are_added_and_done_and_goals_change_or_are_put_aside(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    plan = make_plan(db_session, person, episode, goals=["Find a GP", "Sort out rent"])
    first, second = fetch(select(Goal).order_by(Goal.position))
    base = f"/clients/{person.id}/plan"
    response = client.post(
        f"{base}/goals/{first.id}/steps/new",
        data={
            "what": "Ring Northside Health",
            "who": "service",
            "service": "",
            "version": version_now(fetch, plan.id),
        },
    )
    assert "Write which service does the step" in text_of(response.get_data(as_text=True))
    response = client.post(
        f"{base}/goals/{first.id}/steps/new",
        data={
            "what": "Ring Northside Health",
            "who": "service",
            "service": "Northside Health",
            "due_on-day": "10",
            "due_on-month": "3",
            "due_on-year": "2026",
            "version": version_now(fetch, plan.id),
        },
    )
    assert response.status_code == 303
    step = fetch(select(GoalStep).where(GoalStep.what == "Ring Northside Health"))[0]
    client.post(
        f"{base}/steps/{step.id}/done", data={"done": "yes", "version": version_now(fetch, plan.id)}
    )
    assert fetch(select(GoalStep).where(GoalStep.id == step.id))[0].done_on == date(2026, 3, 3)

    response = client.post(
        f"{base}/goals/{first.id}/change",
        data={"words": "Find a GP who bulk bills", "version": version_now(fetch, plan.id)},
    )
    assert response.status_code == 303
    old = fetch(select(Goal).where(Goal.id == first.id))[0]
    new = fetch(select(Goal).where(Goal.changed_from_id == first.id))[0]
    assert old.status == "changed" and old.words == "Find a GP"
    assert new.words == "Find a GP who bulk bills" and new.status == "working_on"
    assert [s.what for s in fetch(select(GoalStep).where(GoalStep.goal_id == new.id))] == [
        "First step for Find a GP"
    ]  # the step not done moved; the done one stayed with the old goal

    client.post(
        f"{base}/goals/{second.id}/status",
        data={"status": "put_aside", "version": version_now(fetch, plan.id)},
    )
    assert fetch(select(Goal).where(Goal.id == second.id))[0].status == "put_aside"
    edit = client.post(
        f"{base}/goals/{new.id}/edit",
        data=goal("Find a GP who bulk bills", why="Sore leg", version=version_now(fetch, plan.id)),
    )
    assert edit.status_code == 303
    versions = fetch(select(PlanVersion).order_by(PlanVersion.number))
    words = " | ".join(c for v in versions for c in v.changes)
    assert "changed to" in words and "put aside" in words and "why it matters" in words
    assert "Step done" in words
    assert "failed" not in words.lower()


def test_two_workers_change_the_same_plan_at_once(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    """The second is told, keeps their words, and nothing of the first is overwritten."""
    me = sign_in_as("senior")
    person, episode = make_person(db_session, me)
    plan = make_plan(db_session, person, episode, goals=["Find a GP"])
    [first] = fetch(select(Goal))
    edit = f"/clients/{person.id}/plan/goals/{first.id}/edit"
    opened = version_in(client.get(edit))  # both workers open the goal at plan version 1
    # Worker A saves first.
    response = client.post(edit, data=goal("Find a GP", why="A's words", version=opened))
    assert response.status_code == 303
    # Worker B saves from the version they opened.
    response = client.post(edit, data=goal("Find a kind GP", why="B's words", version=opened))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    page = text_of(html)
    assert "Someone else changed this" in page
    assert "Why it matters to them: now A's words" in page  # what A changed
    assert "B&#39;s words" in html or "B's words" in html  # B's words are still in the form
    [saved] = fetch(select(Goal))
    assert saved.why == "A's words" and saved.words == "Find a GP"
    # B re-applies: the form now carries the newest version.
    assert version_in(html).startswith(f"{version_now(fetch, plan.id)}:")
    response = client.post(
        f"/clients/{person.id}/plan/goals/{first.id}/edit",
        data=goal("Find a kind GP", why="B's words", version=version_now(fetch, plan.id)),
    )
    assert response.status_code == 303
    assert fetch(select(Goal))[0].why == "B's words"


def test_a_save_that_races_in_the_database_is_refused_too(app, db_session, frozen_clock):
    """The version check in the database catches a save between the check and the write."""
    from app.extensions import db
    from tests.factories import make_user

    worker = make_user(db_session, "worker")
    person, episode = make_person(db_session, worker)
    plan = make_plan(db_session, person, episode, goals=["Find a GP"])
    with app.test_request_context():
        mine = db.session.get(Plan, plan.id)
        goal_row = mine.goals[0]
        goal_id, seen = goal_row.id, mine.version
        # Someone else saves the plan now (another session).
        other = db_session.get(Plan, plan.id)
        other.review_on = date(2026, 5, 1)
        db_session.commit()
        assert mine.version == seen
        with pytest.raises(StaleDataError):  # the second save does not overwrite the first
            plan_changes.update_goal(
                mine,
                goal=goal_row,
                data=plan_changes.GoalData(words="Find a GP", why="mine"),
                user=worker,
                client=person,
            )
        db.session.rollback()
    db_session.expire_all()
    assert db_session.get(Goal, goal_id).why is None


def test_the_printable_plan_has_their_goals_and_next_steps_in_big_text(
    client, sign_in_as, db_session, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me, nickname="Tam")
    make_plan(db_session, person, episode, goals=["Get my kids back"])
    response = client.get(f"/clients/{person.id}/plan/print")
    html = response.get_data(as_text=True)
    page = text_of(html)
    assert "Plan for Tam" in page and "Your goals" in page
    assert "Get my kids back" in page and "First step for Get my kids back" in page
    assert "You do this" in page and "We will look at it again on" in page
    assert 'class="print-plan"' in html


def test_a_closed_episodes_plan_is_read_only(client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    plan = make_plan(db_session, person, episode, goals=["Find a GP"])
    [first] = fetch(select(Goal))
    closed = db_session.get(Episode, episode.id)
    closed.closed_on, closed.reason_for_cessation = date(2026, 3, 1), 1
    db_session.commit()
    page = text_of(client.get(f"/clients/{person.id}/plan").get_data(as_text=True))
    assert "This plan is from a closed episode" in page and "Add a goal" not in page
    response = client.post(
        f"/clients/{person.id}/plan/goals/{first.id}/edit",
        data=goal("New words typed", why="Typed why", version=str(plan.version)),
    )
    assert response.status_code == 409
    page = text_of(response.get_data(as_text=True))
    assert "This episode is closed" in page and "New words typed" in page and "Typed why" in page
    status = client.post(
        f"/clients/{person.id}/plan/goals/{first.id}/status",
        data={"status": "done", "version": str(plan.version)},
    )
    assert status.status_code == 409
    redirect = client.get(f"/clients/{person.id}/plan/goals/new")
    assert redirect.status_code == 303
    assert fetch(select(Goal))[0].status == "working_on"
    assert len(fetch(select(PlanVersion))) == 1
