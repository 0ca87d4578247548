"""What a person prefers in a worker and the agreed contact frequency: one small page of the
file, versioned like the other details."""

from __future__ import annotations

from flask import redirect, request, url_for

from app import audit, locking
from app.access import requires
from app.clients import bp, contact_frequency, files, preferences
from app.clients.page_helpers import get_client_for_current_user, header
from app.clients.preference_forms import PreferencesForm, form_data
from app.core.messages import saved, told
from app.core.saving import change_from_form
from app.pages import render_page


@bp.app_template_global("contact_frequency_words")
def _frequency_words(frequency):
    return contact_frequency.words(frequency)


@bp.app_template_global("talk_about_stepping_down")
def _step_down(client) -> bool:
    """At plan review: seeing them daily or weekly is a prompt to talk about less often."""
    return contact_frequency.step_down_prompt(getattr(client, "contact_frequency", None))


@bp.app_template_global("overdue_for_contact")
def _overdue(client) -> bool:
    return contact_frequency.overdue_for(client)


@bp.app_template_global("worker_preferences_words")
def _preference_words(client) -> str:
    return preferences.in_words(getattr(client, "worker_preferences", None))


def _shown(client) -> PreferencesForm:
    return PreferencesForm(formdata=None, data=form_data(client))


@bp.route("/<int:client_id>/preferences", methods=["GET", "POST"])
@requires("clients.open")
def preferences_page(client_id: int):
    client = get_client_for_current_user(client_id)
    changed = None
    if request.method == "GET":
        audit.record(
            "client.viewed", record=client, client_id=client.id, detail={"page": "preferences"}
        )
        form = _shown(client)
        locking.stamp(form, client, _shown)
    else:
        form = PreferencesForm()
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: files.update_preferences(
                client,
                wanted={
                    "gender": form.gender.data,
                    "indigenous": form.indigenous.data,
                    "language": form.language.data,
                },
                frequency=form.contact_frequency.data or None,
                reason=form.reason.data or None,
            ),
            record=client,
            shown=_shown,
        )
        changed = outcome.changed
        if outcome.saved:
            if outcome.result:
                saved("Preferences saved.")
            else:
                told("Nothing changed.")
            return redirect(url_for("clients.file", client_id=client.id), 303)
    return render_page("clients/preferences.html", form=form, changed=changed, **header(client))
