"""Every care page renders for the worker (and passes the page check), and the file shows
the plan review date and the care links."""

from tests.integration.care.conftest import expected_status, get_urls
from tests.pagecheck import text_of


def test_every_care_page_renders_for_the_worker(client, world):
    problems = []
    for url in get_urls(world):
        response = client.get(url)
        if response.status_code != expected_status(url):
            problems.append(f"{url}: {response.status_code}")
    assert not problems


def test_the_file_shows_the_plan_review_and_links_to_care_work(client, world):
    page = text_of(client.get(f"/clients/{world.client.id}").get_data(as_text=True))
    assert "Plan review" in page and "Sunday 12 April" in page
    for words in ("Plan", "Notes", "Appointments", "Referrals", "Aid", "Advocacy"):
        assert words in page


def test_the_home_page_shows_today_at_a_glance(client, world):
    page = text_of(client.get("/").get_data(as_text=True))
    assert "Today at a glance" in page and "Appointments to write up: 1" in page
    assert "My work" in page


def test_no_panel_when_there_is_nothing_today(client, sign_in_as):
    sign_in_as("worker")
    page = text_of(client.get("/").get_data(as_text=True))
    assert "Today at a glance" not in page
