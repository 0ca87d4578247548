from flask import render_template

from app import glossary
from app.access import public, requires
from app.home import bp, health
from app.home.panels import panels_for_current_user
from app.home.tiles import tiles_for_current_user


@bp.route("/")
@requires("signed_in")
def index():
    return render_template(
        "home/index.html", tiles=tiles_for_current_user(), panels=panels_for_current_user()
    )


@bp.route("/words")
@requires("signed_in")
def words():
    return render_template("home/words.html", terms=glossary.all_terms())


@bp.route("/healthz")
@public
def healthz():
    """For a load balancer: 200 when the database answers and can be written, else 503 with
    what is wrong in plain words ("database is read-only", "disk is full")."""
    problem = health.problem()
    if problem:
        return {"status": problem}, 503
    return {"status": "ok"}, 200
