"""A consent "signed on the screen" keeps the signature drawn in the box (issue 17)."""

import base64
import struct
import zlib

from sqlalchemy import select

from app.models import Consent, ConsentSignature, RegistrationDraft
from tests.factories.clients import make_client, make_consent
from tests.pagecheck import text_of


def png(width=120, height=40, ink=True, colour_type=6) -> bytes:
    """A PNG like the box sends: clear, with a black line across it when `ink`."""
    samples = {6: 4, 2: 3}[colour_type]
    rows = []
    for y in range(height):
        row = bytearray(width * samples)
        if ink and height // 3 <= y <= height // 3 + 2:
            for x in range(10, width - 10):
                row[x * samples + samples - 1] = 255  # alpha (or blue): a visible line
        rows.append(b"\x00" + bytes(row))

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )


def data_url(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode()


def start(client, db_session, person):
    """A consent journey with who and what already answered: the "how" step's address."""
    response = client.post(f"/clients/{person.id}/consents/new")
    base = response.headers["Location"].rsplit("/", 1)[0]
    draft = db_session.scalars(
        select(RegistrationDraft).order_by(RegistrationDraft.id.desc())
    ).first()
    draft.answers = {
        "party_name": "Housing ACT",
        "relationship_to": "Housing caseworker",
        "shares": ["housing"],
    }
    db_session.commit()
    return base


def how(client, base, **fields):
    data = {
        "how_given": "signed_screen",
        "given_on-day": "3",
        "given_on-month": "3",
        "given_on-year": "2026",
        "can_sign": "yes",
    }
    data.update(fields)
    return client.post(f"{base}/how", data=data)


def test_a_drawn_signature_is_kept_with_the_consent_and_shown_on_it(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    base = start(client, db_session, person)
    drawn = png()
    response = how(client, base, signature=data_url(drawn))
    assert response.headers["Location"].endswith("/check")
    check = text_of(client.get(f"{base}/check").get_data(as_text=True))
    assert "Signed on the screen" in check and "Still needed" not in check
    saved = client.post(f"{base}/check")
    assert saved.status_code == 303
    [consent] = fetch(select(Consent))
    [signature] = fetch(select(ConsentSignature))
    assert signature.consent_id == consent.id and signature.png == drawn

    page = client.get(saved.headers["Location"]).get_data(as_text=True)
    picture = f"/clients/{person.id}/consents/{consent.id}/signature.png"
    assert picture in page and "Their signature" in text_of(page)
    image = client.get(picture)
    assert image.status_code == 200 and image.mimetype == "image/png"
    assert image.data == drawn
    printed = client.get(f"/clients/{person.id}/consents/{consent.id}/print")
    assert picture in printed.get_data(as_text=True)


def test_no_signature_a_blank_box_or_not_a_png_is_refused(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    base = start(client, db_session, person)
    big = png(width=2000, height=1000, ink=False) + b"\x00" * (210 * 1024)
    for signature in (
        "",
        data_url(png(ink=False)),  # nothing drawn
        data_url(b"GIF89a not a png at all"),
        data_url(png()[:-20]),  # cut short
        data_url(big),  # over 200 KB
        "data:image/png;base64,@@@not base64@@@",
        "javascript:alert(1)",
    ):
        response = how(client, base, signature=signature)
        assert response.status_code == 200
        assert "Ask them to sign in the box" in text_of(response.get_data(as_text=True))
    check = text_of(client.get(f"{base}/check").get_data(as_text=True))
    assert "Still needed" in check  # the how step was never saved
    assert client.post(f"{base}/check").status_code == 200
    assert fetch(select(Consent)) == [] and fetch(select(ConsentSignature)) == []


def test_without_javascript_signing_on_the_screen_is_refused_in_plain_words(
    client, sign_in_as, db_session, fetch
):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    base = start(client, db_session, person)
    response = how(client, base, can_sign="")
    assert response.status_code == 200
    assert "This screen cannot take a signature" in text_of(response.get_data(as_text=True))
    # A paper copy needs no drawing, and a drawing sent with it is not kept.
    response = how(client, base, how_given="signed_paper", signature=data_url(png()))
    assert response.status_code == 303
    assert client.post(f"{base}/check").status_code == 303
    [consent] = fetch(select(Consent))
    assert consent.how_given == "signed_paper" and fetch(select(ConsentSignature)) == []


def test_the_signature_is_a_404_to_anyone_who_may_not_open_the_consent(
    client, sign_in_as, db_session
):
    owner = sign_in_as("worker")
    person = make_client(db_session, owner)
    consent = make_consent(db_session, person, how_given="signed_screen")
    db_session.add(ConsentSignature(consent_id=consent.id, png=png()))
    db_session.commit()
    url = f"/clients/{person.id}/consents/{consent.id}/signature.png"
    assert client.get(url).status_code == 200
    other = make_client(db_session, owner)
    assert client.get(f"/clients/{other.id}/consents/{consent.id}/signature.png").status_code == 404
    unsigned = make_consent(db_session, person)
    assert (
        client.get(f"/clients/{person.id}/consents/{unsigned.id}/signature.png").status_code == 404
    )
    sign_in_as("worker")  # another worker: not their file
    assert client.get(url).status_code == 404
