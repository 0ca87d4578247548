"""Care coordination meetings: "PTSS workers often host care coordination meetings" (model of
care). A worker writes down when, who came (staff, other people by name, services), what was
agreed and the actions: what, who and by when.

Every service there must be covered by the person's consent to share, checked by the one
rule (`sharing.consent_to_share`): a partner from the directory by its id, a service typed
by hand by the consent the worker chose. When one is not covered, nothing is saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import and_, or_, select

from app import clock
from app.care import sharing
from app.care.episode_rules import episode_for_new_record, log, must_be_editable
from app.core.people import users_by_id, works_with_people
from app.core.saving import Refused
from app.extensions import db
from app.models import CareMeeting, CareMeetingAction, CareMeetingService, Client, Partner, User
from app.templating import day as day_words

EARLIEST = timedelta(days=365)
OUT_OF_RANGE = "The meeting must be in the last year, and not later than now"
NO_AGREED = "Write what was agreed"


@dataclass
class ActionData:
    what: str
    due_on: date | None
    user_id: int | None = None
    who_name: str | None = None  # when the action is not for one of our staff


@dataclass
class MeetingData:
    held_at: datetime
    agreed: str
    person_came: bool = True
    staff_ids: list[int] = field(default_factory=list)
    partner_ids: list[int] = field(default_factory=list)
    typed_service: str | None = None
    consent_id: int | None = None  # the consent the worker chose for the typed service
    others_present: str | None = None
    others_agreed: bool = False
    actions: list[ActionData] = field(default_factory=list)


def _services(client, data: MeetingData) -> list[tuple[Partner | None, str, object]]:
    """(partner, name, consent) for each service there; Refused when one is not covered."""
    found = []
    for partner_id in dict.fromkeys(data.partner_ids):
        partner = db.session.get(Partner, partner_id)
        if partner is None:
            raise Refused("Choose the services from the list")
        found.append(
            (
                partner,
                partner.name,
                sharing.consent_to_share(client, partner=partner, who=partner.name),
            )
        )
    typed = " ".join((data.typed_service or "").split())
    if typed:
        consent = sharing.consent_to_share(client, consent_id=data.consent_id, who=typed)
        found.append((None, typed, consent))
    return found


def _check_actions(actions: list[ActionData], staff: dict[int, User]) -> list[ActionData]:
    checked = []
    for n, action in enumerate(actions, start=1):
        what = (action.what or "").strip()
        who_name = " ".join((action.who_name or "").split()) or None
        if not what:
            raise Refused(f"Action {n}: write what will be done")
        if action.user_id is None and who_name is None:
            raise Refused(f"Action {n}: say who will do it")
        if action.user_id is not None and action.user_id not in staff:
            raise Refused(f"Action {n}: choose who will do it from the list")
        if action.due_on is None:
            raise Refused(f"Action {n}: enter the date it is due by")
        checked.append(ActionData(what, action.due_on, action.user_id, who_name))
    return checked


def record_meeting(client, data: MeetingData, user) -> CareMeeting:
    episode = episode_for_new_record(client)
    now = clock.now()
    if not now - EARLIEST <= data.held_at <= now + timedelta(hours=1):
        raise Refused(OUT_OF_RANGE)
    agreed = (data.agreed or "").strip()
    if not agreed:
        raise Refused(NO_AGREED)
    staff = users_by_id(data.staff_ids)
    if len(staff) != len(set(data.staff_ids)):
        raise Refused("Choose the staff who came from the list")
    services = _services(client, data)
    others, others_agreed = sharing.others_there(data.others_present, data.others_agreed)
    action_people = users_by_id(a.user_id for a in data.actions if a.user_id is not None)
    actions = _check_actions(data.actions, action_people)
    meeting = CareMeeting(
        client_id=client.id,
        episode_id=episode.id,
        held_at=data.held_at,
        person_came=data.person_came,
        others_present=others,
        others_agreed=others_agreed,
        agreed=agreed,
        staff=list(staff.values()),
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(meeting)
    db.session.flush()
    for partner, name, consent in services:
        db.session.add(
            CareMeetingService(
                meeting_id=meeting.id,
                partner_id=partner.id if partner else None,
                name=name,
                consent_id=consent.id,
                created_by_id=meeting.created_by_id,
            )
        )
    for n, action in enumerate(actions, start=1):
        db.session.add(
            CareMeetingAction(
                meeting_id=meeting.id,
                position=n,
                what=action.what,
                user_id=action.user_id,
                who_name=None if action.user_id else action.who_name,
                due_on=action.due_on,
                created_by_id=meeting.created_by_id,
            )
        )
    names = [name for _, name, _ in services]
    with_words = f" with {', '.join(names)}" if names else ""
    count = len(actions)
    action_words = f"; {count} action{'s' if count != 1 else ''} agreed" if count else ""
    log(
        client,
        action="meeting.recorded",
        record=meeting,
        kind="care_meeting",
        summary=f"Care coordination meeting{with_words}{action_words}",
        occurred_at=data.held_at,
        detail={
            "partner_ids": [p.id for p, _, _ in services if p is not None],
            "consent_ids": [c.id for _, _, c in services],
            "staff_ids": sorted(staff),
            "actions": count,
            "others_agreed": others_agreed,
        },
    )
    return meeting


def mark_action_done(action: CareMeetingAction, *, client, user) -> None:
    must_be_editable(action.meeting)
    if action.done_on is not None:
        return
    action.done_on = clock.today()
    log(
        client,
        action="meeting.action_done",
        record=action,
        kind="care_meeting_action",
        summary=(
            f"Action {action.position} from the care meeting on "
            f"{day_words(action.meeting.held_at)} done"
        ),
        detail={"meeting_id": action.meeting_id},
    )


# --- reading --------------------------------------------------------------------------------


def for_client(client) -> list[CareMeeting]:
    """The person's meetings, newest first."""
    return list(
        db.session.scalars(
            select(CareMeeting)
            .where(CareMeeting.client_id == client.id)
            .order_by(CareMeeting.held_at.desc(), CareMeeting.id.desc())
            .limit(200)
        )
    )


def who_does(action: CareMeetingAction) -> str:
    return action.user.display_name if action.user is not None else (action.who_name or "")


def open_actions_for(user: User, *, limit: int = 50) -> list[tuple[CareMeetingAction, Client]]:
    """Actions still to do that are this person's: given to them, or (for someone outside our
    staff) from a meeting they wrote down. Soonest due first."""
    query = (
        select(CareMeetingAction, Client)
        .join(CareMeeting, CareMeeting.id == CareMeetingAction.meeting_id)
        .join(Client, Client.id == CareMeeting.client_id)
        .where(
            CareMeetingAction.done_on.is_(None),
            Client.merged_into_id.is_(None),
            or_(
                CareMeetingAction.user_id == user.id,
                and_(CareMeetingAction.user_id.is_(None), CareMeeting.created_by_id == user.id),
            ),
        )
        .order_by(CareMeetingAction.due_on, CareMeetingAction.id)
        .limit(limit)
    )
    return [(a, c) for a, c in db.session.execute(query)]


def staff_to_choose() -> list[User]:
    """Our staff who may come to a meeting or take an action: active workers, seniors and
    managers."""
    return list(
        db.session.scalars(
            select(User)
            .where(works_with_people("worker", "senior", "manager"))
            .order_by(User.display_name, User.id)
        )
    )
