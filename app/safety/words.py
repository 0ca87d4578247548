"""The choices of the safety area, in the words people see."""

from __future__ import annotations

# Where an incident happened.
PLACES = {
    "front_desk": "At the front desk",
    "drop_in": "In the drop-in room",
    "outside": "Outside the centre",
    "toilets": "In the toilets",
    "phone": "On the phone",
    "other": "Somewhere else",
}

# Who was told about an incident.
TOLD = {
    "senior": "The senior on shift",
    "manager": "The manager",
    "police": "Police",
    "ambulance": "Ambulance",
    "other": "Someone else",
}

YES_NO = {"yes": "Yes", "no": "No"}

# Was the debrief taken up?
TAKEN_UP = {"": "Not asked yet", "yes": "Yes", "no": "No"}

# Who a complaint is from.
COMPLAINT_FROM = {
    "person": "A person who uses the service",
    "partner": "A partner service",
    "staff": "Staff or a volunteer",
    "other": "Someone else",
}

# The steps of a complaint, in order. "received" is the complaint itself.
STEPS = {
    "received": "Received",
    "acknowledged": "We told them we have it",
    "looked_into": "Looked into",
    "outcome_told": "Told them the outcome",
    "closed": "Closed",
}
# What the note of each step is called.
STEP_NOTES = {
    "acknowledged": "How we told them",
    "looked_into": "What we found",
    "outcome_told": "The outcome we told them",
    "closed": "What we learned",
}

# Kinds of critical incident.
CRITICAL_KINDS = {
    "overdose": "An overdose on site",
    "death": "A death",
    "serious_injury": "A serious injury",
    "other": "Another serious event",
}

# Who is told about a critical incident.
NOTIFIED = {
    "ambulance": "Ambulance",
    "police": "Police",
    "manager": "The manager",
    "funder": "The funder",
    "family": "Family or next of kin",
    "other": "Someone else",
}

STATUS = {"open": "Open", "closed": "Closed"}
