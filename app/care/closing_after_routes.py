"""After an episode closes: the person's appointments still to come, each cancelled or kept
with one tap; and a note refused once the days after closing have passed."""

from __future__ import annotations

from flask import redirect, request, url_for

from app.access import requires
from app.care import appointments, bp, closing_after
from app.care.closing_forms import AppointmentOnClosingForm
from app.care.page_helpers import header, load_client, no_episode, record_of, typed_words
from app.core.messages import refused, saved
from app.core.saving import change_from_form
from app.models import Appointment
from app.models.care import TRANSPORT
from app.pages import render_page


def no_note(client, form, back: str):
    """No open episode and none closed in the last days: the note is refused, saying why,
    with what was typed shown back (nothing is saved)."""
    last = closing_after.last_closed(client)
    if last is None:
        return no_episode(client, form, back)
    message = closing_after.too_late(last)
    if request.method == "POST":
        return render_page(
            "care/closed.html",
            status=409,
            message=message,
            typed=typed_words(form),
            back_url=back,
            **header(client),
        )
    refused(message)
    return redirect(url_for("clients.episodes", client_id=client.id), 303)


def _page(client, form=None, chosen=None):
    to_come = closing_after.still_to_come(client)
    kept = closing_after.kept(client)
    shown = to_come + kept
    return render_page(
        "care/close_appointments.html",
        form=form,
        chosen=chosen,
        to_come=to_come,
        kept=kept,
        partners=appointments.partners_of(shown),
        going=appointments.people_going(shown),
        transport=TRANSPORT,
        **header(client),
    )


@bp.route("/clients/<int:client_id>/close/appointments")
@requires("clients.open")
def close_appointments(client_id: int):
    client = load_client(client_id, "appointments after closing")
    return _page(client)


@bp.route("/clients/<int:client_id>/close/appointments/<int:appointment_id>", methods=["POST"])
@requires("clients.open")
def close_appointment_choice(client_id: int, appointment_id: int):
    client = load_client(client_id, "appointment after closing")
    appointment = record_of(Appointment, appointment_id, client)
    form = AppointmentOnClosingForm()
    if form.validate_on_submit():
        cancel = form.choice.data == "cancel"
        outcome = change_from_form(
            form,
            lambda: (closing_after.cancel_on_closing if cancel else closing_after.keep_on_closing)(
                appointment, client
            ),
        )
        if outcome.saved:
            if cancel and appointment.transport == "car":
                saved("Appointment cancelled, and the car with it.")
            elif cancel:
                saved("Appointment cancelled.")
            else:
                saved("Appointment kept.")
            return redirect(url_for("care.close_appointments", client_id=client.id), 303)
    return _page(client, form, chosen=appointment.id)
