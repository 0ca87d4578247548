"""Issue 17: search results tell two people apart (age, last contact, worker and part of the
SLK) for the worker's own people, and show nothing more than before for other files."""

import re
from datetime import date, datetime

from app import clock
from tests.factories import make_user
from tests.factories.care import make_note
from tests.factories.clients import make_client
from tests.pagecheck import text_of


def search(client, words) -> str:
    return client.post("/clients/search", data={"q": words}).get_data(as_text=True)


def test_your_own_people_show_age_last_contact_worker_and_part_of_the_slk(
    client,
    sign_in_as,
    db_session,
    frozen_clock,  # 3 March 2026
):
    me = sign_in_as("worker", display_name="Priya")
    older = make_client(
        db_session, me, given_name="Louisa", family_name="Brown", born_on=date(1990, 2, 3)
    )
    make_client(db_session, me, given_name="Louise", birth_year_estimate=1980)
    make_note(db_session, older, by=me, contact_at=datetime(2026, 2, 20, 1, 0, tzinfo=clock.UTC))
    page = text_of(search(client, "lou"))
    assert "36 (born 3 Feb 1990)" in page
    assert "20 Feb 2026" in page
    assert "Priya" in page
    assert older.slk581[:5] in page and older.slk581 not in page  # not the date of birth part
    # A guessed age, and no contact yet.
    assert "about 46" in page and "None yet" in page


def test_other_files_show_nothing_more_than_before(client, sign_in_as, db_session, frozen_clock):
    dan = make_user(db_session, "worker", display_name="Dan")
    theirs = make_client(
        db_session, dan, given_name="Marnie", family_name="Lee-Archer", born_on=date(1984, 7, 9)
    )
    make_note(db_session, theirs, by=dan, contact_at=datetime(2026, 2, 20, 1, 0, tzinfo=clock.UTC))
    sign_in_as("worker")
    html = search(client, "marnie")
    page = text_of(html)
    assert "Someone with this name. Their worker is Dan." in page
    for detail in ("20 Feb", "1984", theirs.slk581[:5], "Marnie", "Lee-Archer"):
        assert detail not in html.replace('value="marnie"', ""), detail
    assert not re.search(r"\b41\b", page)  # their age
