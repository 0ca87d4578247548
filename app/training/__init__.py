"""Training: the Community Development Program, levels one to five."""

import click
from flask import Blueprint, redirect, request, session, url_for
from flask.cli import with_appcontext
from flask_login import current_user
from markupsafe import Markup

from app.core.areas import Area, DemoStep, Panel, Tile
from app.extensions import db
from app.models import (
    AgreementAcceptance,
    Certificate,
    LevelSignOff,
    Progress,
    Reflection,
    TrainingSession,
    WordGameResult,
)
from app.templating import explained

bp = Blueprint("training", __name__, url_prefix="/training")

AREA = Area(
    blueprint=bp,
    demo=(DemoStep(60, "training", "app.training.demo:make_demo_training"),),
    tiles=(
        Tile(
            50,
            "My training",
            "training",
            "training.my_path",
            "training.own",
            "Your path and your next steps",
        ),
        Tile(
            60,
            "Trainees",
            "trainees",
            "training.trainees",
            "training.manage",
            "Everyone in training",
        ),
    ),
    panels=(
        Panel(
            87,
            "training/_my_placement_panel.html",
            "training.own",
            "app.training.panels:my_placement",
        ),
        Panel(
            90,
            "training/_agreements_panel.html",
            "training.own",
            "app.training.panels:agreements_changed",
        ),
        Panel(
            100,
            "training/_my_certificates_panel.html",
            "training.own",
            "app.training.panels:my_certificates_due",
        ),
        Panel(
            110,
            "training/_trainee_certificates_panel.html",
            "training.manage",
            "app.training.panels:trainees_certificates_due",
        ),
    ),
    real_data=(
        Progress,
        Reflection,
        Certificate,
        TrainingSession,
        LevelSignOff,
        AgreementAcceptance,
        WordGameResult,
    ),
)

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


@bp.app_template_filter("glossed")
def glossed(text: str | None, in_link: bool = False) -> Markup:
    """Text from the programme, with sector words (NSP, WHS, naloxone ...) explained."""
    return explained(text, in_link=in_link)


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


@click.command("programme-load")
@click.argument("file", type=click.Path(dir_okay=False))
@with_appcontext
def programme_load_command(file):
    """Load an organisation's own programme file (a copy of app/training/programme.yaml).

    The whole file is checked first; one problem and nothing is loaded. New levels, modules
    and items are added, changed words are used, and what a trainer changed in the app stays.
    """
    from app.training.programme import update_from_file
    from app.training.programme_file import ProgrammeFileError, read_programme_file

    try:
        levels = read_programme_file(file)
    except ProgrammeFileError as error:
        click.echo(f"Nothing was loaded: {file} has {len(error.problems)} problem(s).", err=True)
        for problem in error.problems:
            click.echo(f"- {problem}", err=True)
        raise SystemExit(1) from None
    report = update_from_file(levels)
    db.session.commit()
    for line in report.lines():
        click.echo(line)


@bp.record_once
def _add_top_level_commands(state) -> None:
    """`flask programme-load FILE` sits beside `flask demo-data`, not under `flask training`."""
    state.app.cli.add_command(programme_load_command)


from app.training import programme_routes, routes, trainer_routes  # noqa: E402, F401
