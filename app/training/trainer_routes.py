"""The trainer's view (senior workers and the manager): everyone in training, one person's
record, signing off items, modules and levels, and adding hours and certificates."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app import audit, clock, locking
from app.access import FRONTDESK, get_or_404, requires
from app.auth import public as auth
from app.core.messages import refused, saved
from app.core.people import me
from app.models import LearningItem, Level, Module
from app.pages import render_page
from app.training import agreements, bp, progress, records
from app.training.forms import (
    CertificateForm,
    SessionForm,
    SignOffForm,
    certificate_fields,
    session_fields,
)
from app.training.routes import refusal_page, week_rows


def _person_or_404(user_id: int):
    person = progress.get_person(user_id)  # only people whose account is open
    if person is None:
        abort(404)
    return person


def _own_training():
    return refusal_page(
        "You cannot sign off your own training",
        "Ask another senior worker or the manager to sign it off.",
        403,
    )


@bp.route("/trainees")
@requires("training.manage")
def trainees():
    people = progress.find_learners()
    ids = [p.id for p in people]
    due: dict[int, list] = {}
    for cert in records.certificates_due(ids):
        due.setdefault(cert.user_id, []).append(cert)
    return render_page(
        "training/trainees.html",
        people=people,
        standings={p.id: progress.standing(p) for p in people},
        minutes=records.minutes_this_month(ids),
        last=records.last_activity(ids),
        due=due,
        hours=records.hours,
        month=clock.today(),
    )


@bp.route("/people/<int:user_id>")
@requires("training.manage")
def person(user_id: int):
    person = _person_or_404(user_id)
    if person.id == me().id:
        return redirect(url_for("training.my_path"))
    audit.record("training.record_viewed", record=person)
    found = records.find_certificates(person)
    return render_page(
        "training/person.html",
        person=person,
        standing=progress.standing(person),
        history=progress.level_history(person),
        rows=week_rows(records.hours_by_week(person)),
        sessions=records.find_sessions(person, limit=5),
        certificates=found,
        cert_status=records.status,
        replaced=lambda c: records.is_replaced(c, found),
        reflections=progress.find_reflections(person)[:10],
        accepted=agreements.accepted(person),
        agreement_list=agreements.find_agreements(),
        offer_role=progress.offers_front_desk_role(person),
        action_form=SignOffForm(),
    )


@bp.route("/people/<int:user_id>/levels")
@requires("training.manage")
def person_levels(user_id: int):
    person = _person_or_404(user_id)
    if person.id == me().id:
        return redirect(url_for("training.levels"))
    return render_page(
        "training/person_levels.html", person=person, standing=progress.standing(person)
    )


@bp.route("/people/<int:user_id>/modules/<int:module_id>")
@requires("training.manage")
def person_module(user_id: int, module_id: int):
    person = _person_or_404(user_id)
    module = get_or_404(Module, module_id)
    if person.id == me().id:
        return redirect(url_for("training.module", module_id=module.id))
    return render_page(
        "training/person_module.html",
        person=person,
        module=module,
        standing=progress.standing(person),
        sign_offs=progress.module_sign_offs(person, module),
        reflections=[r for r in progress.find_reflections(person) if r.item in module.items],
        form=SignOffForm(),
    )


@bp.route("/people/<int:user_id>/items/<int:item_id>/sign-off", methods=["POST"])
@requires("training.manage")
def sign_off_item(user_id: int, item_id: int):
    person = _person_or_404(user_id)
    item = get_or_404(LearningItem, item_id)
    if person.id == me().id:
        return _own_training()
    form = SignOffForm()
    if not form.validate_on_submit():
        refused("The note was not saved: keep it to 1,000 characters.")
        return redirect(
            url_for("training.person_module", user_id=person.id, module_id=item.module_id), 303
        )
    try:
        progress.sign_off_item(person, item, form.note.data or "", by=me())
    except progress.OwnTraining:
        return _own_training()
    saved(f"Signed off: {item.title}.")
    return redirect(
        url_for("training.person_module", user_id=person.id, module_id=item.module_id)
        + f"#item-{item.id}",
        303,
    )


@bp.route("/people/<int:user_id>/modules/<int:module_id>/sign-off", methods=["POST"])
@requires("training.manage")
def sign_off_module(user_id: int, module_id: int):
    person = _person_or_404(user_id)
    module = get_or_404(Module, module_id)
    if person.id == me().id:
        return _own_training()
    form = SignOffForm()
    if form.validate_on_submit():
        try:
            progress.sign_off_module(person, module, form.note.data or "", by=me())
        except progress.OwnTraining:
            return _own_training()
        saved(f"{module.title} is signed off for {person.display_name}.")
        return redirect(url_for("training.person", user_id=person.id), 303)
    return render_page(
        "training/person_module.html",
        person=person,
        module=module,
        standing=progress.standing(person),
        sign_offs=progress.module_sign_offs(person, module),
        reflections=[r for r in progress.find_reflections(person) if r.item in module.items],
        form=form,
    )


@bp.route("/people/<int:user_id>/levels/<int:level_id>/sign-off", methods=["GET", "POST"])
@requires("training.manage")
def sign_off_level(user_id: int, level_id: int):
    person = _person_or_404(user_id)
    level = get_or_404(Level, level_id)
    if person.id == me().id:
        return _own_training()
    form = SignOffForm()
    if form.validate_on_submit():
        progress.sign_off_level(person, level, form.note.data or "", by=me())
        saved(f"Level {level.number} is signed off for {person.display_name}.")
        return redirect(url_for("training.person", user_id=person.id), 303)
    return render_page(
        "training/sign_off_level.html",
        person=person,
        level=level,
        standing=progress.standing(person),
        form=form,
    )


@bp.route("/people/<int:user_id>/front-desk-role", methods=["POST"])
@requires("admin.users")
def give_front_desk_role(user_id: int):
    """Only when a manager presses the button: level one lets a person cover the desk."""
    person = _person_or_404(user_id)
    if person.id == me().id or not progress.offers_front_desk_role(person):
        abort(404)
    if not SignOffForm().validate_on_submit():
        abort(400)
    auth.set_role(person, FRONTDESK, by=me())
    locking.bump(person)  # a manager's change form opened before this is out of date
    saved(f"{person.display_name} now has the front desk role.")
    return redirect(url_for("training.person", user_id=person.id), 303)


@bp.route("/people/<int:user_id>/certificates/new", methods=["GET", "POST"])
@requires("training.manage")
def person_certificate(user_id: int):
    person = _person_or_404(user_id)
    form = CertificateForm()
    if form.validate_on_submit():
        records.create_certificate(person, **certificate_fields(form), by=me())
        saved(f"Certificate saved for {person.display_name}.")
        return redirect(url_for("training.person", user_id=person.id) + "#certificates", 303)
    return render_page(
        "training/certificate_form.html",
        form=form,
        person=person,
        action=url_for("training.person_certificate", user_id=person.id),
        back=url_for("training.person", user_id=person.id),
    )


@bp.route("/people/<int:user_id>/sessions/new", methods=["GET", "POST"])
@requires("training.manage")
def person_session(user_id: int):
    person = _person_or_404(user_id)
    form = SessionForm()
    if request.method == "GET":
        form.day.process(None, clock.today())
    if form.validate_on_submit():
        records.create_session(person, **session_fields(form), by=me())
        saved(f"Time saved for {person.display_name}.")
        return redirect(url_for("training.person", user_id=person.id) + "#hours", 303)
    return render_page(
        "training/session_form.html",
        form=form,
        person=person,
        action=url_for("training.person_session", user_id=person.id),
        back=url_for("training.person", user_id=person.id),
    )
