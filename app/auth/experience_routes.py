"""My account: what a worker shares about themselves for matching."""

from __future__ import annotations

from flask import abort, redirect, render_template, url_for

from app.access import requires
from app.auth import bp, experience
from app.core.messages import saved, told
from app.core.people import me
from app.core.saving import change_from_form


@bp.app_template_global("experience_words")
def _experience_words(user) -> list[str]:
    return experience.tag_words(user)


@bp.app_template_global("worker_about_words")
def _about_words(user) -> str:
    return experience.about_words(user)


@bp.route("/account/experience", methods=["GET", "POST"])
@requires("signed_in")
def my_experience():
    user = me()
    if not experience.shares_for_matching(user):
        abort(404)
    form = experience.ExperienceForm(data=experience.form_data(user))
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: experience.share_about_myself(
                user,
                experience=form.experience.data,
                gender=form.gender.data,
                pronouns=form.pronouns.data,
                languages=form.languages.data,
                indigenous=form.indigenous.data,
            ),
        )
        if outcome.saved:
            if outcome.result:
                saved("Saved. This is what others see of you for matching.")
            else:
                told("Nothing changed.")
            return redirect(url_for("auth.account"), 303)
    return render_template("auth/experience.html", form=form)
