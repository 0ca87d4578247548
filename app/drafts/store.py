"""The rules for drafts: whose they are, which forms may keep one, and how long they stay.

A draft is what one person typed in one form, kept on the server as they type so nothing is
lost when a tablet sleeps or a session ends. It belongs to its author alone: anyone else
finds no such thing (a 404). The server decides what a form may keep from the draft's key,
never from anything else the page sends: the key's kind names the permission its form
needs, and a key that names a client file is checked with the clients area's access rule.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from app import clock
from app.access import can
from app.clients import public as clients
from app.core.numbers import record_id
from app.extensions import db
from app.local_paths import safe_local_path
from app.models import Client, Draft

# Drafts nobody came back to are removed after this long (`flask drafts-clean`, retention).
KEEP_DAYS = 30
MAX_BYTES = 100_000  # what one draft may hold: far more than anyone types in one form
MAX_FIELDS = 60


@dataclass(frozen=True)
class Kind:
    permission: str  # the permission the form itself needs
    label: str  # what "Things you started" calls it
    of_a_file: bool = True  # the key names a client file ("client-12"), checked for access
    cover_ok: bool = False  # someone covering (or a learner on the team) may use the form


# The one table of forms that keep drafts. A key is "<kind>:<part>:<part>", for example
# "note:client-12" or "note-correction:client-12:note-40" or "reflection:item-9".
KINDS: dict[str, Kind] = {
    "note": Kind("clients.open_part", "Case note", cover_ok=True),
    "note-correction": Kind("clients.open", "Correction to a case note"),
    "goal": Kind("clients.open", "Plan goal"),
    "goal-change": Kind("clients.open", "Change to a plan goal"),
    "step": Kind("clients.open", "Plan step"),
    "assessment": Kind("clients.open", "Assessment"),
    "consent": Kind("clients.open", "Consent to share"),
    "referral": Kind("clients.open", "Referral"),
    "advocacy": Kind("clients.open", "Advocacy"),
    "appointment": Kind("clients.open_part", "Appointment", cover_ok=True),
    "appointment-outcome": Kind("clients.open", "How an appointment went"),
    "aid": Kind("clients.open", "Material aid"),
    "meeting": Kind("clients.open", "Care coordination meeting"),
    "handover": Kind("handover.create", "Warm handover", of_a_file=False),
    "supervision": Kind("team.oversee", "Supervision notes", of_a_file=False),
    "file-check": Kind("team.oversee", "File check feedback"),
    "reflection": Kind("training.own", "Reflection", of_a_file=False),
    "incident": Kind("safety.record", "Incident", of_a_file=False),
    "critical-incident": Kind("safety.record", "Critical incident", of_a_file=False),
    "complaint": Kind("safety.record", "Complaint", of_a_file=False),
}

_KEY = re.compile(r"[a-z][a-z-]{0,30}(:[a-z][a-z-]{0,20}(-[0-9]{1,19})?){0,4}")
_FILE_PART = re.compile(r":client-([0-9]{1,19})(?=:|$)")
# Fields a page holds for itself, never part of what a person typed. (A form's `version`
# is kept: a draft finished after someone else saved the record shows what they changed.)
_NOT_TYPED = frozenset({"csrf_token", "form_key", "draft_key"})


class NotAllowed(Exception):
    """The draft may not be kept: the route answers 404, as for anything not theirs."""


class TooBig(Exception):
    """More than a draft may hold: the route answers 400 with plain words."""


@dataclass(frozen=True)
class Place:
    """Where a key says a draft belongs, once checked."""

    kind: str
    client: Client | None


def place_for(user, key: object) -> Place:
    """Check a key for this person: a known kind whose form they may use, and (for a form of
    a client's file) a file they may open. Anything else is NotAllowed."""
    if not isinstance(key, str) or len(key) > 120 or not _KEY.fullmatch(key):
        raise NotAllowed
    name = key.split(":", 1)[0]
    kind = KINDS.get(name)
    if kind is None or not can(kind.permission, user):
        raise NotAllowed
    found = _FILE_PART.findall(key)
    if not kind.of_a_file:
        if found:
            raise NotAllowed
        return Place(name, None)
    client_id = record_id(found[0]) if len(found) == 1 else None
    client = db.session.get(Client, client_id) if client_id else None
    level = clients.access_level(user, client)
    if level == clients.FULL or (level in clients.NARROW and kind.cover_ok):
        return Place(name, client)
    raise NotAllowed


def typed_fields(text: object) -> dict[str, str]:
    """What the page sent as the form's fields: a JSON object of names and words."""
    if not isinstance(text, str):
        raise NotAllowed
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise TooBig
    try:
        sent = json.loads(text)
    except ValueError:
        raise NotAllowed from None
    if not isinstance(sent, dict) or len(sent) > MAX_FIELDS:
        raise NotAllowed
    fields = {}
    for name, value in sent.items():
        if name in _NOT_TYPED or len(name) > 100:
            continue
        if isinstance(value, list):  # ticked boxes with one name
            value = [str(v) for v in value if isinstance(v, str | int)]
        elif not isinstance(value, str):
            raise NotAllowed
        if "\x00" in name or "\x00" in str(value):
            raise NotAllowed
        fields[name] = value
    return fields


def keep(user, key: str, path: object, fields_text: object) -> Draft | None:
    """Save (or replace) this person's draft for this form. Raises NotAllowed or TooBig."""
    place = place_for(user, key)
    fields = typed_fields(fields_text)
    local = safe_local_path(path)
    if local is None or len(local) > 300:
        raise NotAllowed
    values = {
        "path": local,
        "client_id": place.client.id if place.client is not None else None,
        "fields": json.dumps(fields, ensure_ascii=False),
        "saved_at": clock.now(),
    }
    draft = draft_for(user, key)
    if draft is None:
        try:
            with db.session.begin_nested():
                draft = Draft(user_id=user.id, key=key, created_by_id=user.id, **values)
                db.session.add(draft)
            return draft
        except IntegrityError:
            # The same draft sent twice in one moment (a key and the page closing): the
            # other copy made the row; this one replaces its words.
            draft = draft_for(user, key)
            if draft is None:
                return None
    for name, value in values.items():
        setattr(draft, name, value)
    db.session.flush()
    return draft


def draft_for(user, key: str) -> Draft | None:
    """This person's draft for this form, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(select(Draft).where(Draft.user_id == user.id, Draft.key == key))


def own_draft(user, draft_id: int) -> Draft | None:
    """The draft when this person wrote it; None for anyone else's (they get a 404)."""
    draft = db.session.get(Draft, draft_id)
    return draft if draft is not None and draft.user_id == user.id else None


def exists(draft_id: int) -> bool:
    return db.session.get(Draft, draft_id) is not None


def fields_of(draft: Draft) -> dict:
    try:
        fields = json.loads(draft.fields)
    except ValueError:
        return {}
    return fields if isinstance(fields, dict) else {}


def restorable(user, key: str) -> Draft | None:
    """The draft to offer back on a form page: only while the person may still use the form
    (a file they no longer work with keeps its draft hidden until it is cleaned away)."""
    draft = draft_for(user, key)
    if draft is None:
        return None
    try:
        place_for(user, key)
    except NotAllowed:
        return None
    return draft


def drop(user, key: str) -> int:
    """The form was saved: its draft is no longer needed. Returns how many went (0 or 1)."""
    if not getattr(user, "is_authenticated", False) or not isinstance(key, str):
        return 0
    result = db.session.execute(delete(Draft).where(Draft.user_id == user.id, Draft.key == key))
    return result.rowcount or 0


def throw_away(draft: Draft) -> None:
    db.session.delete(draft)
    db.session.flush()


def remove_old_drafts(now=None) -> int:
    """Remove every draft left for KEEP_DAYS days or more. Returns how many went."""
    cutoff = (now or clock.now()) - timedelta(days=KEEP_DAYS)
    result = db.session.execute(delete(Draft).where(Draft.saved_at <= cutoff))
    return result.rowcount or 0


@dataclass(frozen=True)
class Started:
    """One line of "Things you started"."""

    draft: Draft
    label: str
    person: str | None  # the client's name, while the person may still open the file


def started_by(user) -> list[Started]:
    """This person's drafts, newest first, with what each is and whose file it is on."""
    drafts = db.session.scalars(
        select(Draft).where(Draft.user_id == user.id).order_by(Draft.saved_at.desc())
    ).all()
    ids = {d.client_id for d in drafts if d.client_id is not None}
    files = {c.id: c for c in db.session.scalars(select(Client).where(Client.id.in_(ids)))}
    rows = []
    for draft in drafts:
        kind = KINDS.get(draft.key.split(":", 1)[0])
        client = files.get(draft.client_id)
        name = client.name if client is not None and clients.can_open(user, client) else None
        rows.append(Started(draft, kind.label if kind else "Form", name))
    return rows
