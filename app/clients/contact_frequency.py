"""How often a person and their worker agreed to meet, and the one rule for "Overdue for
contact": no contact (a case note) for longer than the agreed time allows."""

from __future__ import annotations

from datetime import date, datetime

from app import clock, contact_rules

# key -> (plain words, days allowed between contacts)
FREQUENCIES: dict[str, tuple[str, int]] = {
    "daily": ("Every day", 1),
    "weekly": ("Every week", 7),
    "fortnightly": ("Every two weeks", 14),
    "monthly": ("Every month", 31),
}
# At plan review, seeing someone this often is a prompt to talk about stepping down
# (the model of care: support steps down as the person needs less).
STEP_DOWN_FROM = ("daily", "weekly")


def choices() -> list[tuple[str, str]]:
    return [(key, words) for key, (words, _days) in FREQUENCIES.items()]


def words(frequency: str | None) -> str:
    return FREQUENCIES[frequency][0] if frequency in FREQUENCIES else ""


def is_overdue(
    frequency: str | None,
    last_contact: date | datetime | None,
    since: date | None = None,
    today: date | None = None,
) -> bool:
    """Seen less often than agreed: more days since the last contact (or, with none yet,
    since `since`, the day the file or episode began) than the agreed frequency allows."""
    if frequency not in FREQUENCIES:
        return False
    if isinstance(last_contact, datetime):
        last_contact = last_contact.astimezone(clock.CANBERRA).date()
    start = last_contact or since
    if start is None:
        return False
    today = today or clock.today()
    return (today - start).days > FREQUENCIES[frequency][1]


def step_down_prompt(frequency: str | None) -> bool:
    return frequency in STEP_DOWN_FROM


def overdue_for(client) -> bool:
    """One file (its header): the last contact is read only when a frequency was agreed."""
    if client.contact_frequency not in FREQUENCIES:
        return False
    last = contact_rules.last_contacts([client.id]).get(client.id)
    return is_overdue(client.contact_frequency, last, since=client.contact_date)
