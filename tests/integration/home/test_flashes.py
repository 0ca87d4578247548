"""Flashes by kind (app/core/messages.py, drawn by base.html): something done, information and
a refusal look different (class and icon) and sound different (the words a screen reader says
first), on real pages."""

from __future__ import annotations

import html5lib

from tests.factories import make_user

NS = {"h": "http://www.w3.org/1999/xhtml"}


def _notices(response) -> list[tuple[str, str, str]]:
    """(class, icon, words) of each flash on the page."""
    assert response.status_code == 200
    tree = html5lib.parse(response.get_data(as_text=True))
    found = []
    for div in tree.iterfind(".//h:div", NS):
        classes = div.get("class", "").split()
        if "notice" in classes:
            words = " ".join("".join(div.itertext()).split())
            icon = div.find(".//h:img", NS)
            found.append((" ".join(classes), icon.get("src") if icon is not None else "", words))
    return found


def test_done_note_and_not_done_each_look_and_sound_different(client, sign_in_as, db_session):
    manager = sign_in_as("manager")
    worker = make_user(db_session, "worker", display_name="Sam Worker")
    db_session.commit()

    done = _notices(client.post(f"/admin/users/{worker.id}/unlock", follow_redirects=True))
    not_done = _notices(client.post(f"/admin/users/{manager.id}/disable", follow_redirects=True))
    note = _notices(
        client.post(
            "/team/audits/sample", data={"worker_id": "all", "how_many": "1"}, follow_redirects=True
        )
    )

    assert done == [(done[0][0], done[0][1], "Done: Sam Worker can try to sign in again now.")]
    assert not_done[0][2] == (
        "Not done: This is the last manager, so the account cannot be turned off."
    )
    assert note[0][2].startswith("Note: No files to pick.")
    assert len(done) == len(not_done) == len(note) == 1
    kinds = {done[0][0], note[0][0], not_done[0][0]}
    assert kinds == {"notice", "notice notice-info", "notice notice-refusal"}
    assert len({done[0][1], note[0][1], not_done[0][1]}) == 3, "each kind has its own icon"
