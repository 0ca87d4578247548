"""The manager sees the lived experience every worker shares for matching, and can correct a
worker's list (audited). The tag words themselves are fixed (app/needs.py EXPERIENCE)."""

from __future__ import annotations

from flask import redirect, render_template, url_for
from sqlalchemy import select

from app.access import CLIENT_ROLES, get_or_404, requires
from app.admin import bp
from app.auth import public as auth
from app.core.messages import saved, told
from app.core.people import me
from app.core.saving import change_from_form
from app.extensions import db
from app.models import User


@bp.route("/experience")
@requires("admin.users")
def experience():
    people = db.session.scalars(
        select(User)
        .where(User.active.is_(True), User.role.in_(CLIENT_ROLES))
        .order_by(User.display_name, User.id)
    )
    return render_template("admin/experience.html", rows=[(u, auth.tag_words(u)) for u in people])


@bp.route("/users/<int:user_id>/experience", methods=["GET", "POST"])
@requires("admin.users")
def correct_experience(user_id: int):
    person = get_or_404(User, user_id, visible=lambda u: u.role in CLIENT_ROLES)
    form = auth.CorrectTagsForm(data={"experience": list(person.shared_experience or [])})
    if form.validate_on_submit():
        outcome = change_from_form(
            form, lambda: auth.correct_tags(person, form.experience.data, by=me())
        )
        if outcome.saved:
            if outcome.result:
                saved(f"{person.display_name}'s list is corrected.")
            else:
                told("Nothing changed.")
            return redirect(url_for("admin.experience"), 303)
    return render_template("admin/experience_correct.html", person=person, form=form)
