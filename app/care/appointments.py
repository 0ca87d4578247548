"""Appointments: when, where and with whom, transport, the worker going, the questions the
person wants to ask; afterwards, whether they went, what happened and the follow-up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, or_, select

from app import clock
from app.care import notes, sharing
from app.care.episode_rules import episode_for_new_record, log, must_be_editable
from app.care.times import day_bounds
from app.core.people import users_by_id, works_with_people
from app.core.saving import Refused
from app.extensions import db
from app.models import Appointment, Client, Episode, Partner, User
from app.models.care import TRANSPORT
from app.templating import day as day_words
from app.templating import time_of_day, when

EARLIEST = timedelta(days=365)  # an appointment written up afterwards: up to a year ago
LATEST = timedelta(days=2 * 365)  # booked ahead: up to two years
OUT_OF_RANGE = "The date must be in the last year or the next two years"
# Appointments have a start and no end, so a car booking holds our one car for this long
# from its start (the drive there, the appointment, the drive back).
CAR_HOLD = timedelta(hours=2)


@dataclass
class AppointmentData:
    starts_at: datetime
    transport: str = "none"
    place: str | None = None
    partner_id: int | None = None
    with_whom: str | None = None
    worker_id: int | None = None
    questions: str | None = None
    referral_id: int | None = None
    # Sharing (issue 17): only with our own worker needs no consent; a service typed by hand
    # needs the consent the worker chose as covering it; someone else there needs their yes.
    with_us: bool = False
    consent_id: int | None = None
    others_present: str | None = None
    others_agreed: bool = False


def in_range(moment: datetime) -> bool:
    now = clock.now()
    return now - EARLIEST <= moment <= now + LATEST


def who_with(appointment: Appointment, partner: Partner | None = None) -> str:
    if partner is None and appointment.partner_id:
        partner = db.session.get(Partner, appointment.partner_id)
    return partner.name if partner is not None else (appointment.with_whom or "Not said")


def _describe(appointment: Appointment) -> str:
    return f"{when(appointment.starts_at)} with {who_with(appointment)}"


def create_appointment(client, data: AppointmentData, user) -> Appointment:
    episode = episode_for_new_record(client)
    if not in_range(data.starts_at):
        raise Refused(OUT_OF_RANGE)
    if data.transport not in TRANSPORT:
        raise Refused("Choose the transport")
    if not (data.partner_id or data.with_whom):
        raise Refused("Choose the service, or write who it is with")
    consent = _consent_for(client, data)
    others, agreed = sharing.others_there(data.others_present, data.others_agreed)
    if data.transport == "car":
        _car_is_free(data.starts_at)
    appointment = Appointment(
        client_id=client.id,
        episode_id=episode.id,
        starts_at=data.starts_at,
        place=data.place,
        partner_id=data.partner_id,
        with_whom=None if data.partner_id else data.with_whom,
        transport=data.transport,
        worker_id=data.worker_id,
        questions=data.questions,
        referral_id=data.referral_id,
        others_present=others,
        others_agreed=agreed,
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(appointment)
    db.session.flush()
    transport = "" if data.transport == "none" else f" ({TRANSPORT[data.transport].lower()})"
    log(
        client,
        action="appointment.booked",
        record=appointment,
        kind="appointment",
        summary=f"Appointment booked: {_describe(appointment)}{transport}",
        detail={
            "partner_id": data.partner_id,
            "transport": data.transport,
            "consent_id": consent.id if consent is not None else None,
            "others_agreed": agreed,
        },
    )
    return appointment


def _consent_for(client, data: AppointmentData):
    """The consent that lets us share with the service, or None for a meeting with our own
    worker; Refused when nothing covers it."""
    if data.partner_id:
        partner = db.session.get(Partner, data.partner_id)
        if partner is None:
            raise Refused("Choose the service from the list")
        return sharing.consent_to_share(client, partner=partner, who=partner.name)
    if data.with_us:
        return None
    return sharing.consent_to_share(client, consent_id=data.consent_id, who=data.with_whom or "")


def car_booked_near(starts_at: datetime) -> Appointment | None:
    """Another booking of our car whose time overlaps one starting then, or None."""
    return db.session.scalar(
        select(Appointment)
        .where(
            Appointment.transport == "car",
            Appointment.cancelled.is_(False),
            Appointment.starts_at > starts_at - CAR_HOLD,
            Appointment.starts_at < starts_at + CAR_HOLD,
        )
        .order_by(Appointment.starts_at)
        .limit(1)
    )


def _car_is_free(starts_at: datetime) -> None:
    """Refuse a second booking of our car for the same time. The words name only the other
    booking's time: it may be someone's file this worker may not open."""
    other = car_booked_near(starts_at)
    if other is not None:
        until = other.starts_at + CAR_HOLD
        raise Refused(
            f"Our car is already booked on {day_words(other.starts_at)} from "
            f"{time_of_day(other.starts_at)} to {time_of_day(until)}. "
            "Choose another time or other transport."
        )


def record_outcome(
    appointment: Appointment,
    *,
    attended: bool,
    what_happened: str | None,
    follow_up: str | None,
    as_note: bool,
    user,
    client,
) -> notes.CaseNote | None:
    """Afterwards: whether they went, what happened, the follow-up; and, when asked, the
    same words as a case note (the contact counts for the no-contact rule)."""
    must_be_editable(appointment)
    if appointment.cancelled:
        raise Refused("This appointment was cancelled.")
    if appointment.starts_at > clock.now() + timedelta(hours=1):
        raise Refused("You can write what happened once the appointment has started.")
    appointment.attended = attended
    appointment.what_happened = what_happened
    appointment.follow_up = follow_up
    appointment.outcome_at = clock.now()
    log(
        client,
        action="appointment.outcome",
        record=appointment,
        kind="appointment_outcome",
        summary=f"Appointment {'kept' if attended else 'missed'}: {_describe(appointment)}",
        occurred_at=appointment.starts_at,
        detail={"attended": attended},
    )
    if not as_note or not (what_happened or follow_up):
        return None
    parts = [what_happened or "", f"Follow-up: {follow_up}" if follow_up else ""]
    text = "\n\n".join(p for p in parts if p)
    return notes.create_note(
        client,
        notes.NoteData(
            contact_at=appointment.starts_at,
            kind="appointment_support",
            text=text,
        ),
        user,
        appointment_id=appointment.id,
    )


def cancel_appointment(appointment: Appointment, *, user, client) -> None:
    must_be_editable(appointment)
    if appointment.cancelled:
        return
    if appointment.attended is not None:
        raise Refused("This appointment has happened, so it cannot be cancelled.")
    appointment.cancelled = True
    log(
        client,
        action="appointment.cancelled",
        record=appointment,
        kind="appointment_cancelled",
        summary=f"Appointment cancelled: {_describe(appointment)}",
    )


# --- reading --------------------------------------------------------------------------------


def for_client(client) -> tuple[list[Appointment], list[Appointment]]:
    """(coming up, soonest first; earlier ones, newest first)."""
    start, _ = day_bounds(clock.today())
    rows = list(
        db.session.scalars(
            select(Appointment)
            .where(Appointment.client_id == client.id)
            .order_by(Appointment.starts_at.desc(), Appointment.id.desc())
            .limit(200)
        )
    )
    coming = sorted(
        (a for a in rows if a.starts_at >= start and not a.cancelled), key=lambda a: a.starts_at
    )
    earlier = [a for a in rows if a not in coming]
    return coming, earlier


def _with_people(query) -> list[tuple[Appointment, Client]]:
    return [(a, c) for a, c in db.session.execute(query)]


def for_worker_between(worker_id: int | None, start: datetime, end: datetime):
    """[(appointment, client)] from start to end, soonest first; every worker's with None."""
    query = (
        select(Appointment, Client)
        .join(Client, Client.id == Appointment.client_id)
        .where(
            Appointment.starts_at >= start,
            Appointment.starts_at < end,
            Appointment.cancelled.is_(False),
        )
        .order_by(Appointment.starts_at, Appointment.id)
    )
    if worker_id is not None:
        query = query.where(_theirs(worker_id))
    return _with_people(query)


def _theirs(worker_id: int):
    """The worker going, or (when nobody is named) the worker who booked it."""
    return or_(
        Appointment.worker_id == worker_id,
        and_(Appointment.worker_id.is_(None), Appointment.created_by_id == worker_id),
    )


def for_day(worker_id: int | None, day: date):
    start, end = day_bounds(day)
    return for_worker_between(worker_id, start, end)


def waiting_for_outcome(worker_id: int, *, limit: int = 30):
    """Appointments that have happened with nothing written afterwards yet, oldest first."""
    query = (
        select(Appointment, Client)
        .join(Client, Client.id == Appointment.client_id)
        .outerjoin(Episode, Episode.id == Appointment.episode_id)
        .where(
            _theirs(worker_id),
            Appointment.starts_at < clock.now(),
            Appointment.cancelled.is_(False),
            Appointment.attended.is_(None),
            Episode.closed_on.is_(None),
        )
        .order_by(Appointment.starts_at)
        .limit(limit)
    )
    return _with_people(query)


def people_going(appointments) -> dict[int, User]:
    """{worker id: User} of the workers going to these appointments."""
    return users_by_id(a.worker_id for a in appointments)


def partners_of(appointments) -> dict[int, Partner]:
    ids = {a.partner_id for a in appointments if a.partner_id}
    if not ids:
        return {}
    return {p.id: p for p in db.session.scalars(select(Partner).where(Partner.id.in_(ids)))}


def workers_to_go() -> list[User]:
    """Whose week to look at: active workers and seniors, then managers."""
    return list(
        db.session.scalars(
            select(User)
            .where(works_with_people("worker", "senior", "manager"))
            .order_by(User.display_name)
        )
    )


def workers_going_along() -> list[User]:
    """Who can go along to an appointment: active workers and seniors (the people who hold a
    caseload). A manager's account, such as the first one made at set-up, is not offered: a
    manager going themselves picks "Me", which the form adds."""
    return list(
        db.session.scalars(
            select(User).where(works_with_people("worker", "senior")).order_by(User.display_name)
        )
    )
