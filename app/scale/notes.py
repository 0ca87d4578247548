"""Case notes for `scale-data`, written in the order of their contacts (as a real service
writes them, so a week's notes sit together on disk), each with its timeline line and its
entry in the audit log. A few are written late; a few are corrected."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from app.models import AuditEvent, CaseNote, TimelineEntry
from app.models.care import NOTE_KINDS
from app.scale import World, words
from app.scale.files import NotePlan

KINDS = (
    ("face_to_face",) * 6
    + ("phone",) * 4
    + ("text",) * 2
    + (
        "outreach",
        "home_visit",
        "transport",
        "appointment_support",
        "court_support",
        "cyf_support",
        "material_aid",
    )
)
MINUTES = (10, 15, 20, 30, 30, 45, 60, 90, None)


def make_notes(world: World, plan: NotePlan) -> tuple[int | None, int]:
    """Write every planned note; (the person with the most notes, how many)."""
    rng, bulk = world.rng, world.bulk
    now = world.now
    notes = CaseNote.__table__
    per_client: Counter = Counter()
    moments, clients, episodes = plan.moments, plan.clients, plan.episodes
    for n in sorted(range(len(moments)), key=moments.__getitem__):
        contact = datetime.fromtimestamp(moments[n], UTC)
        client_id, episode_id = clients[n], episodes[n]
        by = plan.worker_of_episode[episode_id]
        per_client[client_id] += 1
        chance = rng.random()
        if chance < 0.06:
            delay = timedelta(days=2 + rng.random() * 8)
        elif chance < 0.2:
            delay = timedelta(hours=1 + rng.random() * 40)
        else:
            delay = timedelta(minutes=5 + rng.random() * 240)
        written = min(now, contact + delay)
        kind = rng.choice(KINDS)
        minutes = rng.choice(MINUTES)
        late = written - contact > timedelta(hours=48)
        corrected = rng.random() < 0.003
        note_id = bulk.add(
            notes,
            client_id=client_id,
            episode_id=episode_id,
            contact_at=contact,
            kind=kind,
            minutes=minutes,
            who_was_there=rng.choice(words.WHO_WAS_THERE),
            text=rng.choice(words.NOTE_TEXT),
            late=late,
            superseded=corrected,
            created_at=written,
            created_by_id=by,
        )
        _logged(
            world,
            client_id,
            note_id,
            "note.added",
            "case_note",
            kind,
            minutes,
            late,
            contact,
            written,
            by,
        )
        if corrected:
            fixed = min(now, written + timedelta(days=1))
            correction_id = bulk.add(
                notes,
                client_id=client_id,
                episode_id=episode_id,
                contact_at=contact,
                kind=kind,
                minutes=minutes,
                text=rng.choice(words.NOTE_TEXT),
                late=late,
                corrects_id=note_id,
                why_changed="Added who was there",
                created_at=fixed,
                created_by_id=by,
            )
            _logged(
                world,
                client_id,
                correction_id,
                "note.corrected",
                "case_note_corrected",
                kind,
                minutes,
                late,
                fixed,
                fixed,
                by,
            )
    if not per_client:
        return None, 0
    return per_client.most_common(1)[0]


def _logged(world, client_id, note_id, action, kind, note_kind, minutes, late, when, written, by):
    """The note's line on the timeline and its entry in the audit log."""
    words_ = NOTE_KINDS[note_kind] + (f", {minutes} minutes" if minutes else "")
    prefix = "Case note corrected" if kind == "case_note_corrected" else "Case note"
    world.bulk.add(
        TimelineEntry.__table__,
        client_id=client_id,
        occurred_at=when,
        kind=kind,
        summary=f"{prefix}: {words_}" + (" (written late)" if late and kind == "case_note" else ""),
        record_type="CaseNote",
        record_id=note_id,
        created_by_id=by,
        created_at=written,
    )
    world.bulk.add(
        AuditEvent.__table__,
        action=action,
        record_type="CaseNote",
        record_id=note_id,
        client_id=client_id,
        detail={"kind": note_kind, "late": late},
        created_at=written,
        created_by_id=by,
    )
