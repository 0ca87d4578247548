"""Saving an assessment goes back to the file, not to choosing a worker."""

from tests.factories.clients import make_client
from tests.pagecheck import text_of
from tests.versions import version_at

ANSWERS = {
    "met_on-day": "3",
    "met_on-month": "3",
    "met_on-year": "2026",
    "support_level": "ongoing",
    "needs": ["housing"],
    "need_housing": "Couch surfing at a friend's place",
}


def test_saving_an_assessment_lands_on_the_file(client, sign_in_as, db_session, frozen_clock):
    worker = sign_in_as("worker")
    person = make_client(db_session, worker, nickname="Alan")
    url = f"/clients/{person.id}/assessment"
    response = client.post(url, data={**ANSWERS, "version": version_at(client, url)})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/clients/{person.id}")

    page = text_of(client.get(response.headers["Location"]).text)
    assert "Assessment saved. Earlier versions are kept." in page
    assert "A worker for Alan" not in page
    assert "Save the worker" not in page
