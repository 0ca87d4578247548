import html5lib
import pytest

from tests.pagecheck import text_of


def test_healthz_answers_without_signing_in(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_home_sends_a_stranger_to_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_manager_home_shows_manager_tiles(client, sign_in_as):
    sign_in_as("manager", display_name="Chris Mahoney")
    page = text_of(client.get("/").get_data(as_text=True))
    assert "Hello, Chris" in page
    assert "People and accounts" in page
    assert "Audit log" in page


def test_frontdesk_home_has_no_manager_tiles(client, sign_in_as):
    sign_in_as("frontdesk")
    page = text_of(client.get("/").get_data(as_text=True))
    assert "Words we use" in page
    assert "People and accounts" not in page
    assert "Audit log" not in page


# Each role sees the tiles of the role below it and a few more; written as such, a tile
# added to one role shows at once which roles above it get it too.
EVERYONE = {"My training", "Partners", "Words we use", "My account"}
FRONTDESK = EVERYONE | {"Drop-in day", "Handover", "Incident", "Safety"}
WORKER = FRONTDESK | {"My work", "Find a person", "Supervision", "Reports"}
SENIOR = WORKER | {"Trainees", "Team"}
MANAGER = SENIOR | {"People and accounts", "Old files", "Audit log", "Settings"}
TILES_BY_ROLE = {
    "frontdesk": FRONTDESK,
    "trainee": EVERYONE,
    "worker": WORKER,
    "senior": SENIOR,
    "manager": MANAGER,
}


@pytest.mark.parametrize("role", list(TILES_BY_ROLE))
def test_each_role_sees_only_its_tiles(client, sign_in_as, role):
    sign_in_as(role)
    html = client.get("/").get_data(as_text=True)
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    labels = {span.text for span in tree.iter("span") if span.get("class") == "tile-label"}
    assert labels == TILES_BY_ROLE[role]
