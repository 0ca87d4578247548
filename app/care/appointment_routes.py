"""Appointments for a person: book one (with transport and questions), write what happened
afterwards, or cancel it."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app import clock, locking
from app.access import requires
from app.care import appointments, bp, partner_services, sharing, words
from app.care.episode_rules import EpisodeClosed, is_editable, open_episode
from app.care.forms import AppointmentForm, OutcomeForm
from app.care.page_helpers import (
    closed_page,
    header,
    load_client,
    no_episode,
    partner_choices,
    record_of,
)
from app.care.times import local_moment
from app.core.messages import refused, saved
from app.core.numbers import record_id
from app.core.people import is_set_up_account, me, user_by_id
from app.core.saving import change_from_form
from app.forms import Form, parse_time
from app.models import Appointment, Referral
from app.models.care import TRANSPORT
from app.pages import render_page


def _list_url(client) -> str:
    return url_for("care.appointments", client_id=client.id)


@bp.route("/clients/<int:client_id>/appointments", endpoint="appointments")
@requires("clients.open_part")
def appointment_list(client_id: int):
    client = load_client(client_id, "appointments", cover_ok=True)
    coming, earlier = appointments.for_client(client)
    every = coming + earlier
    return render_page(
        "care/appointments.html",
        coming=coming,
        earlier=earlier,
        partners=appointments.partners_of(every),
        going=appointments.people_going(every),
        transport=TRANSPORT,
        **header(client),
    )


# The "Service" choice for a meeting with the worker booking it (no typing their own name).
WITH_ME = "me"


def _choices(form) -> None:
    mine = me()
    partner_choices(form.partner_id, "Someone else (write who below)")
    # Second, so a form left alone still starts at "Someone else", as before.
    form.partner_id.choices.insert(1, (WITH_ME, f"A meeting with me ({mine.display_name})"))
    form.worker_id.choices = [
        *([] if is_set_up_account(mine) else [(str(mine.id), f"Me ({mine.display_name})")]),
        ("", "No worker going"),
    ] + [(str(u.id), u.display_name) for u in appointments.workers_going_along() if u.id != mine.id]
    form.consent_id.choices = sharing.consent_choices(form.client) + [
        (sharing.OURS, "Nobody outside our centre: it is with one of our workers")
    ]


def _with_whom(form) -> str | None:
    """Who the appointment is with when it is not a partner service."""
    if form.partner_id.data == WITH_ME:
        return me().display_name
    return form.with_whom.data or None


@bp.route("/clients/<int:client_id>/appointments/new", methods=["GET", "POST"])
@requires("clients.open_part")
def appointment_new(client_id: int):
    client = load_client(client_id, "new appointment", cover_ok=True)
    if open_episode(client) is None:
        sent = AppointmentForm() if request.method == "POST" else None
        return no_episode(client, sent, _list_url(client))
    form = AppointmentForm()
    form.client = client
    _choices(form)
    referral = None
    referral_id = record_id(request.values.get("referral")) or record_id(form.referral_id.data)
    if referral_id:
        referral = record_of(Referral, referral_id, client)
    no_consent = False
    if request.method == "GET":
        form.transport.data = "none"
        form.worker_id.data = str(me().id)
        if referral is not None:
            form.partner_id.data = str(referral.partner_id or "")  # none: a typed service
            form.with_whom.data = form.with_whom.data or referral.service_name
            form.referral_id.data = str(referral.id)
    if form.validate_on_submit():
        partner_id = record_id(form.partner_id.data)
        worker_id = record_id(form.worker_id.data)
        if worker_id is not None and user_by_id(worker_id) is None:
            abort(404)
        outcome = change_from_form(
            form,
            lambda: appointments.create_appointment(
                client,
                appointments.AppointmentData(
                    starts_at=local_moment(form.on_day.data, parse_time(form.at_time.data)),
                    transport=form.transport.data,
                    place=form.place.data or None,
                    partner_id=partner_id,
                    with_whom=_with_whom(form),
                    worker_id=worker_id,
                    questions=form.questions.data or None,
                    referral_id=referral.id if referral else None,
                    with_us=form.partner_id.data == WITH_ME or form.consent_id.data == sharing.OURS,
                    consent_id=record_id(form.consent_id.data),
                    others_present=form.others_present.data,
                    others_agreed=form.others_agreed.data,
                ),
                me(),
            ),
        )
        no_consent = isinstance(outcome.refusal, sharing.NotAgreed)
        if isinstance(outcome.refusal, EpisodeClosed):
            return closed_page(client, form, _list_url(client))
        if outcome.refusal is not None and outcome.refusal.message == appointments.OUT_OF_RANGE:
            form.form_errors.remove(outcome.refusal.message)  # said beside the day
            form.on_day.errors.append(outcome.refusal.message)
        if outcome.saved:
            saved("Appointment booked.")
            return redirect(_list_url(client), 303)
    return render_page(
        "care/appointment_form.html",
        form=form,
        referral=referral,
        no_consent=no_consent,
        **header(client),
    )


@bp.route("/clients/<int:client_id>/appointments/<int:appointment_id>")
@requires("clients.open_part")
def appointment(client_id: int, appointment_id: int):
    client = load_client(client_id, "appointment", cover_ok=True)
    record = record_of(Appointment, appointment_id, client)
    return render_page(
        "care/appointment.html",
        record=record,
        partner=partner_services.partner(record.partner_id),
        going=user_by_id(record.worker_id),
        transport=TRANSPORT,
        editable=is_editable(record),
        started=record.starts_at <= clock.now(),
        cancel_form=Form(),
        **header(client),
    )


def _outcome_shown(record: Appointment) -> OutcomeForm:
    return OutcomeForm(
        formdata=None,
        data={
            "attended": None if record.attended is None else ("yes" if record.attended else "no"),
            "what_happened": record.what_happened or "",
            "follow_up": record.follow_up or "",
            "as_note": record.attended is None,
        },
    )


@bp.route(
    "/clients/<int:client_id>/appointments/<int:appointment_id>/outcome", methods=["GET", "POST"]
)
@requires("clients.open")
def appointment_outcome(client_id: int, appointment_id: int):
    client = load_client(client_id, "appointment outcome")
    record = record_of(Appointment, appointment_id, client)
    back = url_for("care.appointment", client_id=client.id, appointment_id=record.id)
    if not is_editable(record):
        if request.method == "POST":
            return closed_page(client, OutcomeForm(), back)
        refused("This episode of care is closed, so it cannot change.")
        return redirect(back, 303)
    if request.method == "GET":
        form = _outcome_shown(record)
        locking.stamp(form, record, _outcome_shown)
    else:
        form = OutcomeForm()
    found = []
    changed = None
    if form.validate_on_submit():
        changed = locking.check(form, record, _outcome_shown)
        if not changed and request.form.get("word_check") != "keep" and form.as_note.data:
            found = words.suggestions(f"{form.what_happened.data}\n{form.follow_up.data}")
        if not changed and not found:
            outcome = change_from_form(
                form,
                lambda: appointments.record_outcome(
                    record,
                    attended=form.attended.data == "yes",
                    what_happened=form.what_happened.data or None,
                    follow_up=form.follow_up.data or None,
                    as_note=form.as_note.data,
                    user=me(),
                    client=client,
                ),
                record=record,
                shown=_outcome_shown,
            )
            if isinstance(outcome.refusal, EpisodeClosed):
                return closed_page(client, form, back)
            changed = outcome.changed
            if outcome.saved:
                saved("Saved. A case note was added too." if outcome.result else "Saved.")
                return redirect(back, 303)
    return render_page(
        "care/appointment_outcome.html",
        form=form,
        record=record,
        found=found,
        changed=changed,
        with_whom=appointments.who_with(record),
        **header(client),
    )


@bp.route("/clients/<int:client_id>/appointments/<int:appointment_id>/cancel", methods=["POST"])
@requires("clients.open")
def appointment_cancel(client_id: int, appointment_id: int):
    client = load_client(client_id, "cancel appointment")
    record = record_of(Appointment, appointment_id, client)
    back = url_for("care.appointment", client_id=client.id, appointment_id=record.id)
    form = Form()
    if not form.validate_on_submit():
        abort(400)
    outcome = change_from_form(
        form, lambda: appointments.cancel_appointment(record, user=me(), client=client)
    )
    if isinstance(outcome.refusal, EpisodeClosed):
        return closed_page(client, back_url=back)
    if outcome.refusal is not None:
        refused(outcome.refusal.message)
    else:
        saved("Appointment cancelled.")
    return redirect(back, 303)
