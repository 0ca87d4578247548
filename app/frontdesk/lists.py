"""The fixed lists of the front desk: groups of tally items, icons, how to reach a person."""

from __future__ import annotations

# Groups on the day screen, in order. key -> the heading people see.
GROUPS: dict[str, str] = {
    "people": "People",
    "food": "Food and drink",
    "nsp": "Needles and syringes",
    "naloxone": "Naloxone",
    "phone": "Phone",
    "info": "Information and referrals",
    "other": "Other things",
}

# Icons a manager can choose for a tally item. file name in static/icons -> plain words.
ITEM_ICONS: dict[str, str] = {
    "people": "People",
    "star": "Star",
    "meal": "Plate and fork",
    "cup": "Cup",
    "syringe": "Syringe",
    "sharps": "Sharps bin",
    "naloxone": "Naloxone kit",
    "chat": "Talking",
    "phone": "Phone",
    "info": "Information",
    "referral": "Arrow to a service",
    "shirt": "Clothes",
    "shower": "Shower",
    "tally": "Tally marks",
}

# A picture for each need on the handover form (keys of app.needs.NEEDS).
NEED_ICONS: dict[str, str] = {
    "drug_treatment": "pill",
    "omt": "cup",
    "housing": "house",
    "children": "child",
    "money": "money",
    "legal": "scales",
    "health": "health",
    "mental_health": "mind",
    "food": "meal",
    "aid": "shirt",
    "transport": "bus",
    "other": "info",
}

URGENCY_ICONS: dict[str, str] = {
    "immediate": "clock",
    "ongoing": "calendar",
    "intensive": "warning",
}

# Where the person is now.
REACH: dict[str, str] = {
    "here": "Here now, at the centre",
    "call_back": "They will call back",
    "phone": "Call them on a phone number",
}
REACH_ICONS: dict[str, str] = {"here": "people", "call_back": "clock", "phone": "phone"}

HANDOVER_STATUS: dict[str, str] = {
    "waiting": "Waiting for a worker",
    "picked_up": "With a worker",
    "closed": "Closed",
}

# Why a handover was closed without a worker picking it up.
CLOSE_REASONS: dict[str, str] = {
    "left": "They left before a worker was free",
    "sorted": "It got sorted another way",
    "mistake": "Made by mistake",
}

DESKS: dict[int, str] = {1: "Desk one", 2: "Desk two"}

# The usual list, for a new organisation and for the demo: (group, label, icon, key).
STANDARD_ITEMS: tuple[tuple[str, str, str, str | None], ...] = (
    ("people", "Visitors", "people", "visitors"),
    ("people", "First visit", "star", None),
    ("food", "Meals", "meal", None),
    ("food", "Tea and coffee", "cup", None),
    ("nsp", "Fit packs", "syringe", None),
    ("nsp", "Bigger syringes", "syringe", None),
    ("nsp", "Sharps bins", "sharps", None),
    ("naloxone", "Naloxone kits", "naloxone", None),
    ("naloxone", "Overdose talks", "chat", None),
    ("phone", "Phone calls", "phone", None),
    ("info", "Information given", "info", None),
    ("info", "Referrals", "referral", None),
)

STANDARD_TASKS: tuple[str, ...] = (
    "Kitchenette has coffee, tea and sugar",
    "Meals heated and handed out",
    "Client area tidy",
    "Needle and syringe stock checked",
    "Sharps bins not too full",
    "Counts checked at the end of the day",
)
