"""Training: the Community Development Program, levels one to five."""

import re
from functools import cache

import click
from flask import Blueprint, redirect, request, session, url_for
from flask_login import current_user
from markupsafe import Markup, escape

from app import glossary
from app.demo import REAL_DATA_MODELS
from app.extensions import db
from app.models import (
    AgreementAcceptance,
    Certificate,
    LevelSignOff,
    Progress,
    Reflection,
    TrainingSession,
)

bp = Blueprint("training", __name__, url_prefix="/training")

for _model in (
    Progress,
    Reflection,
    Certificate,
    TrainingSession,
    LevelSignOff,
    AgreementAcceptance,
):
    if _model not in REAL_DATA_MODELS:
        REAL_DATA_MODELS.append(_model)

AGREEMENTS_CHECKED = "training_agreements_checked"


@bp.before_app_request
def ask_again_for_changed_agreements():
    """Once a session: someone who accepted an older version of an agreement, and not the
    newest, is sent to read and accept it again. One cheap query, then a flag in the session."""
    endpoint = request.endpoint or ""
    if (
        request.method != "GET"
        or endpoint == "static"
        or endpoint.startswith("auth.")
        or endpoint.startswith("training.agreement")
        or endpoint == "home.healthz"
        or session.get(AGREEMENTS_CHECKED)
        or request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-Boosted") != "true"
    ):
        return None
    if not current_user.is_authenticated:
        return None
    from app.training.agreements import must_accept_again

    session[AGREEMENTS_CHECKED] = True
    if must_accept_again(current_user.id):
        return redirect(url_for("training.agreements", changed=1))
    return None


@cache
def _sector_words() -> re.Pattern | None:
    """The glossary's short capital words (NSP, WHS ...) as one pattern, made once: the
    filter runs for every title on a page, and the glossary never changes while running."""
    words = [t.word for t in glossary.all_terms() if t.word.isupper() and len(t.word) > 1]
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b") if words else None


@bp.app_template_filter("glossed")
def glossed(text: str | None) -> Markup:
    """Text from the programme, with sector words (NSP, WHS, FOH ...) in <abbr title>."""
    text = str(escape(text or ""))
    pattern = _sector_words()
    if pattern is None:
        return Markup(text)  # noqa: S704  (escaped above)

    def wrap(match):
        meaning = escape(glossary.meaning(match.group(1)) or "")
        return f'<abbr title="{meaning}">{match.group(1)}</abbr>'

    return Markup(pattern.sub(wrap, text))  # noqa: S704  (escaped above; our own markup)


@bp.app_template_filter("duration")
def duration(minutes: int | None) -> str:
    """A time guess in words: "about 20 minutes", "about 1 and a half hours"."""
    if not minutes:
        return ""
    if minutes < 60:
        return f"about {minutes} minutes"
    whole, rest = divmod(minutes, 60)
    if rest >= 45:
        whole, rest = whole + 1, 0
    half = " and a half" if rest >= 15 else ""
    return f"about {whole}{half} hour{'s' if whole > 1 or half else ''}"


@bp.cli.command("load-programme")
def load_programme_command():
    """Put the CDP programme and the first agreements in an empty database."""
    from app.training.agreements import load_agreements
    from app.training.programme import load_programme

    made = load_programme()
    made_agreements = load_agreements()
    db.session.commit()
    click.echo("Programme loaded." if made else "The programme was there already.")
    click.echo("Agreements loaded." if made_agreements else "The agreements were there already.")


from app.training import programme_routes, routes, trainer_routes  # noqa: E402, F401
