"""A person's own training: my path, modules and items, the word game, hours, certificates
and agreements."""

from __future__ import annotations

import random

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from app import clock, glossary
from app.access import requires
from app.pages import render_page, wants_fragment
from app.training import agreements, bp, records, service
from app.training.forms import AcceptForm, CertificateForm, ReflectionForm, SessionForm


def _me():
    return current_user._get_current_object()


def refused(title: str, advice: str, status: int):
    return render_page("training/refused.html", title=title, advice=advice, status=status)


def not_reached(item):
    return refused(
        "You have not reached this level yet",
        f"This is part of level {item.module.level.number}. "
        "Your trainer signs off each level with you.",
        409,
    )


def _item_or_404(item_id: int):
    item = service.get_item(item_id)
    if item is None:
        abort(404)
    return item


def _module_or_404(module_id: int):
    module = service.get_module(module_id)
    if module is None:
        abort(404)
    return module


# --- my path ------------------------------------------------------------------------------


@bp.route("/")
@requires("training.own")
def my_path():
    me = _me()
    standing = service.standing(me)
    return render_page(
        "training/my_path.html",
        standing=standing,
        weeks_rows=week_rows(records.hours_by_week(me)),
        due=records.certificates_due([me.id]),
        pending=agreements.pending(me),
        reflections=service.find_reflections(me)[:3],
    )


@bp.route("/levels")
@requires("training.own")
def levels():
    return render_page("training/levels.html", standing=service.standing(_me()))


@bp.route("/modules/<int:module_id>")
@requires("training.own")
def module(module_id: int):
    module = _module_or_404(module_id)
    return render_page(
        "training/module.html",
        module=module,
        standing=service.standing(_me()),
        pending=agreements.pending(_me()),
    )


@bp.route("/items/<int:item_id>", methods=["GET", "POST"])
@requires("training.own")
def item(item_id: int):
    item = _item_or_404(item_id)
    me = _me()
    form = ReflectionForm()
    standing = service.standing(me)
    if form.validate_on_submit():
        service.create_reflection(me, item, form.text.data)
        flash("Your reflection is saved.")
        return redirect(url_for("training.item", item_id=item.id), 303)
    return render_page(
        "training/item.html",
        item=item,
        form=form,
        standing=standing,
        reflections=service.find_reflections(me, item),
        pending=agreements.pending(me),
    )


BACK = {"module": "training.module", "path": "training.my_path", "item": "training.item"}


def _back(item):
    where = request.form.get("back", "item")
    endpoint = BACK.get(where, "training.item")
    if endpoint == "training.module":
        url = url_for(endpoint, module_id=item.module_id)
    elif endpoint == "training.item":
        url = url_for(endpoint, item_id=item.id)
    else:
        url = url_for(endpoint)
    return redirect(f"{url}#item-{item.id}", 303)


def _card(item, message: str):
    """For htmx: just the card again, and a message for the status region."""
    standing = service.standing(_me())
    return render_page(
        "training/item.html",
        block="card",
        item=item,
        standing=standing,
        back=request.form.get("back", "item"),
        announce=message,
        pending=agreements.pending(_me()),
    )


@bp.route("/items/<int:item_id>/done", methods=["POST"])
@requires("training.own")
def item_done(item_id: int):
    item = _item_or_404(item_id)
    if item.retired_at is not None or item.special == "agreements":
        abort(404)
    try:
        service.mark_done(_me(), item)
    except service.NotReached:
        return not_reached(item)
    message = f"Marked as done: {item.title}."
    if wants_fragment():
        return _card(item, message)
    flash(message)
    return _back(item)


@bp.route("/items/<int:item_id>/not-done", methods=["POST"])
@requires("training.own")
def item_not_done(item_id: int):
    item = _item_or_404(item_id)
    if item.special == "agreements":
        abort(404)
    service.mark_not_done(_me(), item)
    message = f"Marked as not done yet: {item.title}."
    if wants_fragment():
        return _card(item, message)
    flash(message)
    return _back(item)


# --- the word game ------------------------------------------------------------------------


def word_pairs(module) -> list[glossary.Term]:
    found = []
    for word in module.words or []:
        meaning = glossary.meaning(word)
        if meaning:
            found.append(glossary.Term(word, meaning))
    return found


@bp.route("/modules/<int:module_id>/words")
@requires("training.own")
def words(module_id: int):
    """Match each word to its meaning. With JavaScript it is a tap-and-match game; without
    it, a list with a form per word, answered here. Nothing about the score is kept."""
    module = _module_or_404(module_id)
    pairs = word_pairs(module)
    order = list(range(len(pairs)))
    random.Random(module.id).shuffle(order)  # the same order each time, for the list  # nosec B311
    answer = None
    asked = request.args.get("word", type=int)
    if asked is not None and 0 <= asked < len(pairs):
        chosen = request.args.get("meaning", type=int)
        answer = {"word": asked, "chosen": chosen, "right": chosen == asked}
    return render_page(
        "training/words.html",
        module=module,
        pairs=pairs,
        order=order,
        answer=answer,
    )


# --- hours --------------------------------------------------------------------------------


def week_rows(weeks):
    return [(f"Week of {w.starts.day} {w.starts:%B}", w.hours) for w in weeks]


@bp.route("/hours", methods=["GET", "POST"])
@requires("training.own")
def hours():
    me = _me()
    form = SessionForm()
    if request.method == "GET" and not form.day.data:
        form.day.process(None, clock.today())
    if form.validate_on_submit():
        records.create_session(
            me, day=form.day.data, minutes=int(form.minutes.data), what=form.what.data, by=me
        )
        flash("Your time is saved.")
        return redirect(url_for("training.hours"), 303)
    return render_page(
        "training/hours.html",
        form=form,
        person=me,
        rows=week_rows(records.hours_by_week(me)),
        sessions=records.find_sessions(me),
        level=service.standing(me).level,
        action=url_for("training.hours"),
    )


# --- certificates -------------------------------------------------------------------------


@bp.route("/certificates")
@requires("training.own")
def certificates():
    me = _me()
    found = records.find_certificates(me)
    return render_page(
        "training/certificates.html",
        person=me,
        certificates=found,
        cert_status=records.status,
        replaced=lambda c: records.is_replaced(c, found),
    )


@bp.route("/certificates/new", methods=["GET", "POST"])
@requires("training.own")
def new_certificate():
    me = _me()
    form = CertificateForm()
    if form.validate_on_submit():
        records.create_certificate(
            me,
            kind=form.kind.data,
            issued_on=form.issued_on.data,
            expires_on=form.expires_value,
            note=form.note.data or "",
            by=me,
        )
        flash("Certificate saved.")
        return redirect(url_for("training.certificates"), 303)
    if request.method == "GET" and request.args.get("kind") in dict(form.kind.choices):
        form.kind.data = request.args["kind"]
    return render_page(
        "training/certificate_form.html",
        form=form,
        person=me,
        action=url_for("training.new_certificate"),
        back=url_for("training.certificates"),
    )


# --- agreements ---------------------------------------------------------------------------


@bp.route("/agreements", endpoint="agreements")
@requires("training.own")
def agreements_page():
    me = _me()
    return render_page(
        "training/agreements.html",
        agreements=agreements.find_agreements(),
        current=agreements.current_version,
        accepted=agreements.accepted(me),
        pending=agreements.pending(me),
        changed=request.args.get("changed") == "1",
        form=AcceptForm(),
    )


@bp.route("/agreements/accept", methods=["POST"])
@requires("training.own")
def agreements_accept():
    me = _me()
    form = AcceptForm()
    if form.validate_on_submit():
        rows = agreements.accept_all(me)
        flash("Thank you. Your agreement is saved with today's date." if rows else "Saved.")
        return redirect(url_for("training.agreements"), 303)
    return render_page(
        "training/agreements.html",
        agreements=agreements.find_agreements(),
        current=agreements.current_version,
        accepted=agreements.accepted(me),
        pending=agreements.pending(me),
        changed=False,
        form=form,
    )
