"""The manager's settings page: settings kept in the app, not in the deployment."""

from flask import redirect, url_for

from app.access import requires
from app.admin import bp, settings
from app.admin.forms import EstablishmentForm
from app.core.messages import saved, told
from app.core.people import me, user_by_id
from app.core.saving import change_from_form
from app.pages import render_page


@bp.route("/settings", methods=["GET", "POST"], endpoint="settings")
@requires("admin.settings")
def settings_page():
    now = settings.establishment_now()
    form = EstablishmentForm(data={"establishment_id": now.value if now.row else ""})
    if form.validate_on_submit():
        outcome = change_from_form(
            form, lambda: settings.set_establishment(form.establishment_id.data, by=me())
        )
        if outcome.saved:
            if outcome.result:
                saved("Establishment number saved. The national data file uses it now.")
            else:
                told("Nothing changed.")
            return redirect(url_for("admin.settings"), 303)
    return render_page(
        "admin/settings.html",
        form=form,
        now=now,
        changed_by=user_by_id(now.row.changed_by_id) if now.row else None,
    )
