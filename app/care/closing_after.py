"""After an episode closes: the days a note may still be added, and the person's
appointments still to come, each cancelled or kept with one tap.

A worker often writes the closing note, or hears from the person, just after closing. For
AFTER_CLOSING_DAYS days the note goes on the closed episode, marked "after closing", so no
new episode is opened (a new episode would count as new treatment in the national data)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from app import clock
from app.care.episode_rules import log
from app.care.times import local_day
from app.clients import public as clients
from app.core.messages import NO_OPEN_EPISODE
from app.core.saving import Refused
from app.extensions import db
from app.models import Appointment, Episode, Partner
from app.models.care import ClosingCheck
from app.templating import day, when


def file_summary(client) -> dict:
    """For the file and episode pages: close the episode, a closing waiting for the manager,
    or appointments still to cancel or keep after closing."""
    from app.care import closing_checks

    episode = clients.open_episode_of(client)
    if episode is not None:
        return {"open": True, "waiting": closing_checks.waiting_for(episode), "to_come": 0}
    return {"open": False, "waiting": None, "to_come": len(still_to_come(client))}


AFTER_CLOSING_DAYS = 14  # the one place this rule is set


def last_closed(client) -> Episode | None:
    """The person's most recently closed episode."""
    return db.session.scalar(
        select(Episode)
        .where(Episode.client_id == client.id, Episode.closed_on.is_not(None))
        .order_by(Episode.closed_on.desc(), Episode.id.desc())
        .limit(1)
    )


def closed_day(episode: Episode) -> date:
    """The day the closing was made. It can be later than the day it closed (a worker may
    close today an episode whose last contact was weeks ago)."""
    closed_at = db.session.scalar(
        select(ClosingCheck.closed_at)
        .where(ClosingCheck.episode_id == episode.id, ClosingCheck.closed_at.is_not(None))
        .order_by(ClosingCheck.closed_at.desc())
        .limit(1)
    )
    if closed_at is None:
        return episode.closed_on
    return max(episode.closed_on, local_day(closed_at))


def last_day_for_notes(episode: Episode) -> date:
    return closed_day(episode) + timedelta(days=AFTER_CLOSING_DAYS)


def too_late(episode: Episode) -> str:
    return (
        f"This episode of care closed on {day(closed_day(episode))}. "
        f"A note can be added for {AFTER_CLOSING_DAYS} days after closing. "
        f"That time ended on {day(last_day_for_notes(episode))}, so nothing was saved. "
        "To write a note, open a new episode on their Episodes page."
    )


def closed_episode_for_note(client) -> Episode | None:
    """With no open episode: the episode closed in the last days a note may be added."""
    if clients.open_episode_of(client) is not None:
        return None
    episode = last_closed(client)
    if episode is None or clock.today() > last_day_for_notes(episode):
        return None
    return episode


def episode_for_note(client) -> tuple[Episode, bool]:
    """(the episode a new note belongs to, whether it is written after closing), or Refused."""
    episode = clients.open_episode_of(client)
    if episode is not None:
        return episode, False
    episode = last_closed(client)
    if episode is None:
        raise Refused(NO_OPEN_EPISODE)
    if clock.today() > last_day_for_notes(episode):
        raise Refused(too_late(episode))
    return episode, True


# --- appointments still to come ------------------------------------------------------------


def still_to_come(client) -> list[Appointment]:
    """Appointments of the person's closed episodes still to come, not cancelled or kept."""
    open_episode = clients.open_episode_of(client)
    query = select(Appointment).where(
        Appointment.client_id == client.id,
        Appointment.starts_at >= clock.now(),
        Appointment.cancelled.is_(False),
        Appointment.kept_on_closing.is_(False),
        Appointment.attended.is_(None),
    )
    if open_episode is not None:
        query = query.where(Appointment.episode_id != open_episode.id)
    return list(db.session.scalars(query.order_by(Appointment.starts_at, Appointment.id)))


def still_to_come_in(episode: Episode) -> list[Appointment]:
    """The episode's appointments still to come (shown before it closes)."""
    return list(
        db.session.scalars(
            select(Appointment)
            .where(
                Appointment.episode_id == episode.id,
                Appointment.starts_at >= clock.now(),
                Appointment.cancelled.is_(False),
                Appointment.attended.is_(None),
            )
            .order_by(Appointment.starts_at, Appointment.id)
        )
    )


def kept(client) -> list[Appointment]:
    """Appointments still to come that the worker chose to keep."""
    return list(
        db.session.scalars(
            select(Appointment)
            .where(
                Appointment.client_id == client.id,
                Appointment.starts_at >= clock.now(),
                Appointment.cancelled.is_(False),
                Appointment.kept_on_closing.is_(True),
            )
            .order_by(Appointment.starts_at, Appointment.id)
        )
    )


def _undecided(appointment: Appointment) -> None:
    if appointment.cancelled:
        raise Refused("This appointment was cancelled already.")
    if appointment.attended is not None or appointment.starts_at < clock.now():
        raise Refused("This appointment has happened, so it cannot change.")
    if appointment.kept_on_closing:
        raise Refused("You chose to keep this appointment already.")


def _describe(appointment: Appointment) -> str:
    # Not appointments.who_with: notes use this module, and appointments use notes.
    partner = db.session.get(Partner, appointment.partner_id) if appointment.partner_id else None
    who = partner.name if partner is not None else (appointment.with_whom or "Not said")
    car = " (and our car)" if appointment.transport == "car" else ""
    return f"{when(appointment.starts_at)} with {who}{car}"


def cancel_on_closing(appointment: Appointment, client) -> None:
    """Cancel it, and the car booked for it, because the episode closed."""
    _undecided(appointment)
    appointment.cancelled = True
    log(
        client,
        action="appointment.cancelled",
        record=appointment,
        kind="appointment_cancelled",
        summary=f"Appointment cancelled on closing: {_describe(appointment)}",
        detail={"on_closing": True, "car": appointment.transport == "car"},
    )


def keep_on_closing(appointment: Appointment, client) -> None:
    """Keep it: the person still goes, maybe with us (a last visit, a warm handover)."""
    _undecided(appointment)
    appointment.kept_on_closing = True
    log(
        client,
        action="appointment.kept_on_closing",
        record=appointment,
        kind="appointment_kept",
        summary=f"Appointment kept after closing: {_describe(appointment)}",
    )
