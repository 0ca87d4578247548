"""The form for what a person prefers in a worker and how often they agreed to meet (the
rest of the client forms are in forms.py)."""

from __future__ import annotations

from wtforms import StringField
from wtforms.validators import Optional

from app.clients import contact_frequency, preferences
from app.forms import ChoiceField, Form, at_most
from app.locking import VersionField


class PreferencesForm(Form):
    version = VersionField(ignore=["reason"])
    gender = ChoiceField(
        "Their worker's gender",
        choices=list(preferences.GENDER_WANTED.items()),
        validators=[Optional()],
    )
    indigenous = ChoiceField(
        "Do they want an Aboriginal or Torres Strait Islander worker?",
        choices=list(preferences.INDIGENOUS_WANTED.items()),
        validators=[Optional()],
    )
    language = StringField(
        "A language their worker speaks (optional)",
        [at_most(preferences.LANGUAGE_LIMIT, "The language")],
        description="For example Vietnamese, or Auslan",
    )
    contact_frequency = ChoiceField(
        "How often did you agree to meet?",
        choices=[*contact_frequency.choices(), ("not_agreed", "Not agreed yet")],
        validators=[Optional()],
    )
    reason = StringField(
        "Why it changed (optional)",
        [at_most(200, "The reason")],
        description="For example: they asked for a woman worker",
    )


def form_data(client) -> dict:
    wanted = client.worker_preferences or {}
    return {
        "gender": wanted.get("gender") or "any",
        "indigenous": wanted.get("indigenous") or "no_matter",
        "language": wanted.get("language") or "",
        "contact_frequency": client.contact_frequency or "not_agreed",
    }
