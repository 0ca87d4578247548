"""Drafts: what a person types in a long form, kept on the server as they type, so nothing
typed is ever lost (issue 12). The rules are in store.py; drafts.js sends the words."""

import click
from flask import Blueprint
from flask.cli import with_appcontext

from app.core.areas import Area, DemoStep, Panel
from app.extensions import db

bp = Blueprint("drafts", __name__, url_prefix="/drafts")

AREA = Area(
    blueprint=bp,
    demo=(DemoStep(97, "drafts", "app.drafts.demo:make_demo_drafts"),),
    panels=(Panel(5, "drafts/_panel_started.html", "signed_in", "app.drafts.panels:started"),),
)


@bp.app_template_global("draft_for_form")
def draft_for_form(key: str) -> dict | None:
    """For macros/drafts.html (a global, so an imported macro sees it): the person's draft
    for a form, or None."""
    from app.drafts.panels import draft_for_form as look_up

    return look_up(key)


def drop_saved_draft(response) -> None:
    """Called by app/web.py just before the request's commit: a form sent with its
    `draft_key` that saved (the app redirects after saving) no longer needs its draft. It
    goes in the same commit as the saved form; a form shown again keeps its draft."""
    from flask import request
    from flask_login import current_user

    from app.drafts import store

    key = request.form.get("draft_key") if request.method == "POST" else None
    if key and 300 <= response.status_code < 400:
        store.drop(current_user, key)


@bp.record_once
def _hook_into_the_commit(state) -> None:
    state.app.extensions.setdefault("before_commit", []).append(drop_saved_draft)
    state.app.cli.add_command(drafts_clean_command)


@click.command("drafts-clean")
@with_appcontext
def drafts_clean_command():
    """Remove drafts nobody came back to for 30 days (store.KEEP_DAYS)."""
    from app.drafts import store

    removed = store.remove_old_drafts()
    db.session.commit()
    click.echo(f"Removed {removed} old draft{'s' if removed != 1 else ''}.")


from app.drafts import routes  # noqa: E402,F401
