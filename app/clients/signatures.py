"""A signature drawn on the screen, for a consent "signed on the screen".

The consent's "how" step shows a box (`clients/_signature_box.html`, `signature.js` with
the vendored signature_pad). The drawing comes back as a PNG data URL in a hidden field; it
is checked here (a real PNG, under 200 KB, not blank), kept with the draft's answers, and
saved in `consent_signature` with the consent. Without JavaScript there is no box, so the
choice is refused with plain words: another way of consenting is chosen instead.
"""

from __future__ import annotations

import base64
import binascii
import struct
import zlib

from sqlalchemy import select
from wtforms import HiddenField
from wtforms.validators import ValidationError

from app.core.saving import Refused
from app.extensions import db
from app.models import ConsentSignature

SIGNED_ON_SCREEN = "signed_screen"
PREFIX = "data:image/png;base64,"
LARGEST = 200 * 1024  # bytes of PNG; a drawn signature is a few tens of KB
WIDEST, TALLEST = 4000, 2000  # pixels: more than any screen draws
INK_BYTES = 20  # fewer changed bytes than this is a stray touch, not a signature
ASK = "Ask them to sign in the box"
NO_BOX = (
    "This screen cannot take a signature. "
    "Choose another way, such as a signed paper copy, or try another browser."
)
PNG_START = b"\x89PNG\r\n\x1a\n"
BYTES_PER_PIXEL = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # colour type -> samples (8-bit)


def png_from_data_url(text: str | None) -> bytes:
    """The PNG inside a `data:image/png;base64,` URL, or Refused(ASK) when it is not a
    real PNG, is too big, or has nothing drawn on it."""
    if not text or not text.startswith(PREFIX):
        raise Refused(ASK)
    body = text[len(PREFIX) :]
    if len(body) > (LARGEST * 4) // 3 + 4:  # too big even before decoding
        raise Refused(ASK)
    try:
        png = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raise Refused(ASK) from None
    if len(png) > LARGEST or not _has_ink(png):
        raise Refused(ASK)
    return png


def _chunks(png: bytes):
    """(type, data) of each chunk, checking lengths and checksums; ValueError if broken."""
    if not png.startswith(PNG_START):
        raise ValueError("not a PNG")
    at = len(PNG_START)
    while at < len(png):
        if at + 12 > len(png):
            raise ValueError("cut short")
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind = png[at + 4 : at + 8]
        data = png[at + 8 : at + 8 + length]
        if len(data) != length or at + 12 + length > len(png):
            raise ValueError("cut short")
        (crc,) = struct.unpack(">I", png[at + 8 + length : at + 12 + length])
        if zlib.crc32(kind + data) != crc:
            raise ValueError("bad checksum")
        yield kind, data
        at += 12 + length
        if kind == b"IEND":
            return
    raise ValueError("no end")


def _has_ink(png: bytes) -> bool:
    """True for a well-formed 8-bit, non-interlaced PNG with something drawn on it.

    The box is drawn on a clear background, so a blank drawing is all zero bytes. Every
    PNG row filter turns zeros into zeros and back, so the filtered rows are all zero
    exactly when the picture is: no need to undo the filters to know it is blank.
    """
    try:
        chunks = list(_chunks(png))
    except ValueError:
        return False
    if not chunks or chunks[0][0] != b"IHDR" or len(chunks[0][1]) != 13:
        return False
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    if depth != 8 or colour not in BYTES_PER_PIXEL or interlace != 0:
        return False
    if not (0 < width <= WIDEST and 0 < height <= TALLEST):
        return False
    stride = 1 + width * BYTES_PER_PIXEL[colour]
    expected = stride * height
    squeezed = b"".join(data for kind, data in chunks if kind == b"IDAT")
    try:
        unpacker = zlib.decompressobj()
        rows = unpacker.decompress(squeezed, expected + 1)  # never more than the picture
    except zlib.error:
        return False
    if len(rows) != expected:
        return False
    ink = 0
    for start in range(0, expected, stride):
        row = rows[start + 1 : start + stride]
        ink += len(row) - row.count(0)
        if ink >= INK_BYTES:
            return True
    return False


# --- the form ------------------------------------------------------------------------------


class SignatureFields:
    """Mixed into the consent's "how" form: the drawing, and a mark that the box worked."""

    signature = HiddenField()
    can_sign = HiddenField()  # signature.js sets "yes": the page could show the box

    def validate_how_given(self, field):
        if field.data != SIGNED_ON_SCREEN:
            self.signature.data = None  # a drawing for another way of consenting is not kept
            return
        if self.can_sign.data != "yes" and not self.signature.data:
            raise ValidationError(NO_BOX)
        try:
            png_from_data_url(self.signature.data)
        except Refused as refusal:
            raise ValidationError(refusal.message) from None


# --- saving and showing --------------------------------------------------------------------


def missing_from(answers: dict) -> list[str]:
    """What the check page still needs for a consent signed on the screen."""
    if answers.get("how_given") == SIGNED_ON_SCREEN and not answers.get("signature"):
        return ["their signature"]
    return []


def keep(consent, answers: dict, *, by) -> ConsentSignature | None:
    """Save the drawing with a consent signed on the screen (checked again: the draft's
    answers are only as good as the last check)."""
    if consent.how_given != SIGNED_ON_SCREEN:
        return None
    row = ConsentSignature(
        consent_id=consent.id, png=png_from_data_url(answers.get("signature")), created_by_id=by.id
    )
    db.session.add(row)
    db.session.flush()
    return row


def signature_of(consent) -> ConsentSignature | None:
    return db.session.scalar(
        select(ConsentSignature).where(ConsentSignature.consent_id == consent.id)
    )


def has_signature(consent) -> bool:
    return bool(
        db.session.scalar(
            select(ConsentSignature.id).where(ConsentSignature.consent_id == consent.id)
        )
    )
