"""Who may reach care work: front desk and trainees get 404 on every care URL; a worker only
for their own people; seniors for everyone, and team-wide lists."""

import pytest

from tests.factories import make_user
from tests.integration.care.conftest import expected_status, get_urls
from tests.pagecheck import text_of
from tests.versions import version_at

POSTS = [
    "/clients/{c}/notes/to-sign/1/sign",  # a learner's note to sign (none here: 404)
    "/clients/{c}/plan/new",
    "/clients/{c}/plan/dates",
    "/clients/{c}/plan/goals/new",
    "/clients/{c}/plan/goals/{g}/edit",
    "/clients/{c}/plan/goals/{g}/change",
    "/clients/{c}/plan/goals/{g}/status",
    "/clients/{c}/plan/goals/{g}/steps/new",
    "/clients/{c}/plan/steps/{s}/done",
    "/clients/{c}/notes/new",
    "/clients/{c}/notes/{n}/correct",
    "/clients/{c}/appointments/new",
    "/clients/{c}/appointments/{a}/outcome",
    "/clients/{c}/appointments/{a}/cancel",
    "/clients/{c}/referrals/new",
    "/clients/{c}/referrals/consent",
    "/clients/{c}/referrals/{r}",
    "/clients/{c}/aid",
    "/clients/{c}/advocacy/new",
    "/clients/{c}/advocacy/{i}",
    "/clients/{c}/advocacy/{i}/raise",
    "/clients/{c}/close",
    "/clients/{c}/close/appointments/{a}",
    "/advocacy/systemic/new",
    "/advocacy/systemic/{y}",
    "/clients/{c}/meetings/new",
    "/clients/{c}/meetings/{m}/actions/{ma}/done",
]


def post_urls(w) -> list[str]:
    goal = w.plan.goals[0]
    ids = dict(
        c=w.client.id,
        g=goal.id,
        s=goal.steps[0].id,
        n=w.note.id,
        a=w.appointment.id,
        r=w.referral.id,
        i=w.issue.id,
        y=w.systemic.id,
        m=w.meeting.id,
        ma=w.meeting.actions[0].id,
    )
    return [u.format(**ids) for u in POSTS]


def test_every_care_url_is_in_these_lists(app, world):
    """So a new page cannot miss the checks below."""
    rules = [r for r in app.url_map.iter_rules() if r.endpoint.startswith("care.")]
    gets = {r.rule for r in rules if "GET" in r.methods}
    posts = {r.rule for r in rules if "POST" in r.methods}
    adapter = app.url_map.bind("localhost")
    reached_gets = {
        adapter.match(u.split("?")[0], return_rule=True)[0].rule for u in get_urls(world)
    }
    reached_posts = {
        adapter.match(u, method="POST", return_rule=True)[0].rule for u in post_urls(world)
    }
    # The closing steps need a draft; they are covered in test_closing. The manager's
    # closings to check are covered in test_closing_manager.
    closing = {r for r in gets | posts if "/close/<int:draft_id>" in r or "closings-to-check" in r}
    assert gets - closing <= reached_gets
    assert posts - closing <= reached_posts


@pytest.mark.parametrize("role", ["frontdesk", "trainee"])
def test_front_desk_and_trainees_get_404_on_every_care_url(client, db_session, world, role):
    user = make_user(db_session, role)
    from tests.conftest import start_session_for

    start_session_for(client, db_session, user)
    closing = [
        f"/clients/{world.client.id}/close/1/reason",
        f"/clients/{world.client.id}/close/1/check",
    ]
    problems = []
    for url in get_urls(world) + closing:
        response = client.get(url, check=False)
        if response.status_code != 404:
            problems.append(f"GET {url}: {response.status_code}")
    for url in post_urls(world) + closing:
        response = client.post(url, data={}, check=False)
        if response.status_code != 404:
            problems.append(f"POST {url}: {response.status_code}")
    assert not problems


def test_another_workers_person_is_404(client, db_session, world, sign_in_as):
    sign_in_as("worker")  # a different worker
    problems = []
    for url in get_urls(world):
        if "/clients/" not in url:
            continue
        response = client.get(url, check=False)
        if response.status_code != 404:
            problems.append(f"GET {url}: {response.status_code}")
    for url in post_urls(world):
        if "/clients/" not in url:
            continue
        if client.post(url, data={}, check=False).status_code != 404:
            problems.append(f"POST {url}")
    assert not problems


def test_a_senior_can_open_every_care_page(client, world, sign_in_as):
    sign_in_as("senior")
    assert [u for u in get_urls(world) if client.get(u).status_code != expected_status(u)] == []


def test_a_worker_cannot_see_another_workers_week_but_a_senior_can(client, world, sign_in_as):
    other = world.worker
    sign_in_as("worker")
    assert client.get(f"/my-work/week?worker={other.id}", check=False).status_code == 404
    assert client.get(f"/my-work/day-sheet?worker={other.id}", check=False).status_code == 404
    sign_in_as("senior")
    page = text_of(client.get(f"/my-work/week?worker={other.id}").get_data(as_text=True))
    assert other.display_name in page


def test_only_seniors_change_a_systemic_issue(client, world, sign_in_as):
    url = f"/advocacy/systemic/{world.systemic.id}"
    assert client.post(url, data={"progress": "resolved"}, check=False).status_code == 404
    sign_in_as("manager")
    response = client.post(
        url,
        data={"progress": "resolved", "what_happened": "Fixed", "version": version_at(client, url)},
    )
    assert response.status_code == 303
