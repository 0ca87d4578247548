"""What people want help with, and the lived experience workers share, in one place.

Front of house asks "what do they want help with" (NEEDS); the assessment looks at every
LIFE_AREA; workers choose which EXPERIENCE tags to share. MATCHING says which shared
experience fits which need, so a person can meet a worker who has been there.
"""

from __future__ import annotations

# What a person wants help with (front of house handover). key -> plain words
NEEDS: dict[str, str] = {
    "drug_treatment": "Drug treatment",
    "omt": "Methadone or buprenorphine (opioid treatment, OMT)",
    "housing": "Housing",
    "children": "Children and child protection (CYF)",
    "money": "Centrelink and money",
    "legal": "Legal and court",
    "health": "Health and hospital",
    "mental_health": "Mental health",
    "food": "Food",
    "aid": "Clothes and other aid",
    "transport": "Transport",
    "other": "Something else",
}

# The areas of life an assessment looks at (issue: client file). key -> plain words
LIFE_AREAS: dict[str, str] = {
    "drug_treatment": "Drug treatment, methadone or buprenorphine (OMT)",
    "housing": "Housing",
    "children": "Children and child protection (CYF)",
    "money": "Centrelink and money",
    "legal": "Legal and justice",
    "physical_health": "Physical health",
    "mental_health": "Mental health",
    "family": "Family and supports",
    "food": "Food",
    "aid": "Clothes and material aid",
    "transport": "Transport",
    "work_study": "Work and study",
    "other": "Something else",
}

# Lived experience a worker may choose to share, for matching. key -> plain words
EXPERIENCE: dict[str, str] = {
    "omt": "Methadone or buprenorphine (OMT)",
    "cyf": "Getting children back from child protection (CYF)",
    "prison": "Prison and parole",
    "housing": "Housing and homelessness",
    "rehab": "Rehab and detox",
    "domestic_violence": "Domestic violence",
    "aboriginal": "Aboriginal and Torres Strait Islander",
    "mental_health": "Mental health",
}

# Who a worker is, only as far as they share it on "My account" (for matching, issue 17).
WORKER_GENDERS: dict[str, str] = {
    "woman": "Woman",
    "man": "Man",
    "nonbinary": "Non-binary",
    "another": "Another gender",
}
WORKER_INDIGENOUS: dict[str, str] = {
    "Aboriginal": "Aboriginal",
    "Torres Strait Islander": "Torres Strait Islander",
    "Both": "Aboriginal and Torres Strait Islander",
}

# Which shared experience fits a need or a life area.
MATCHING: dict[str, tuple[str, ...]] = {
    "drug_treatment": ("omt", "rehab"),
    "omt": ("omt",),
    "housing": ("housing",),
    "children": ("cyf", "domestic_violence"),
    "legal": ("prison",),
    "mental_health": ("mental_health",),
    "family": ("domestic_violence", "cyf"),
}

# How soon, and how much help (the model of care's support levels come after the plain words).
URGENCY: dict[str, str] = {
    "immediate": "Right now, today",
    "intensive": "Soon, and a lot of help (intensive support)",
    "ongoing": "Not today: some help over time (ongoing support)",
}


# Words that keep their capital letter in the middle of a sentence.
PROPER_NOUNS = ("Aboriginal", "Torres Strait Islander", "Centrelink", "First Nations")


def in_a_sentence(words: str) -> str:
    """ "Housing and homelessness" -> "housing and homelessness", but proper nouns and short
    forms keep their capitals: "Aboriginal and Torres Strait Islander", "OMT"."""
    first = words.split(" ", 1)[0]
    if not words or words.startswith(PROPER_NOUNS) or (first.isupper() and len(first) > 1):
        return words
    return words[0].lower() + words[1:]


def experience_for(needs: list[str]) -> set[str]:
    """The experience tags that fit any of these needs or life areas."""
    return {tag for need in needs for tag in MATCHING.get(need, ())}


def match_score(worker_experience: list[str], needs: list[str]) -> int:
    """How many of the fitting experience tags this worker shares."""
    return len(experience_for(needs) & set(worker_experience or []))
