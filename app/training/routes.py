"""A person's own training: my path, modules and items, the word game, hours, certificates
and agreements."""

from __future__ import annotations

import random

from flask import abort, redirect, request, url_for

from app import clock, glossary
from app.access import get_or_404, requires
from app.core import people
from app.core.messages import refused, saved, told
from app.core.numbers import whole_number
from app.forms import Form
from app.models import LearningItem, Module
from app.pages import render_page, wants_fragment
from app.training import agreements, bp, progress, records
from app.training.forms import (
    AcceptForm,
    CertificateForm,
    ReflectionForm,
    SessionForm,
    certificate_fields,
    session_fields,
)


def refusal_page(title: str, advice: str, status: int):
    return render_page("training/refused.html", title=title, advice=advice, status=status)


def not_reached(item):
    return refusal_page(
        "You have not reached this level yet",
        f"This is part of level {item.module.level.number}. "
        "Your trainer signs off each level with you.",
        409,
    )


def _item_or_404(item_id: int):
    item = get_or_404(LearningItem, item_id)
    return item


def _module_or_404(module_id: int):
    module = get_or_404(Module, module_id)
    return module


# --- my path ------------------------------------------------------------------------------


@bp.route("/")
@requires("training.own")
def my_path():
    me = people.me()
    standing = progress.standing(me)
    return render_page(
        "training/my_path.html",
        standing=standing,
        weeks_rows=week_rows(records.hours_by_week(me)),
        due=records.certificates_due([me.id]),
        pending=agreements.pending(me),
        reflections=progress.find_reflections(me)[:3],
    )


@bp.route("/levels")
@requires("training.own")
def levels():
    return render_page("training/levels.html", standing=progress.standing(people.me()))


@bp.route("/modules/<int:module_id>")
@requires("training.own")
def module(module_id: int):
    module = _module_or_404(module_id)
    return render_page(
        "training/module.html",
        module=module,
        standing=progress.standing(people.me()),
        pending=agreements.pending(people.me()),
    )


@bp.route("/items/<int:item_id>", methods=["GET", "POST"])
@requires("training.own")
def item(item_id: int):
    item = _item_or_404(item_id)
    me = people.me()
    form = ReflectionForm()
    standing = progress.standing(me)
    if form.validate_on_submit():
        progress.create_reflection(me, item, form.text.data)
        saved("Your reflection is saved.")
        return redirect(url_for("training.item", item_id=item.id), 303)
    return render_page(
        "training/item.html",
        item=item,
        form=form,
        standing=standing,
        reflections=progress.find_reflections(me, item),
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
    standing = progress.standing(people.me())
    return render_page(
        "training/item.html",
        block="card",
        item=item,
        standing=standing,
        back=request.form.get("back", "item"),
        announce=message,
        pending=agreements.pending(people.me()),
    )


@bp.route("/items/<int:item_id>/done", methods=["POST"])
@requires("training.own")
def item_done(item_id: int):
    item = _item_or_404(item_id)
    if item.retired_at is not None or item.special == "agreements":
        abort(404)
    try:
        progress.mark_done(people.me(), item)
    except progress.NotReached:
        return not_reached(item)
    message = f"Marked as done: {item.title}."
    if wants_fragment():
        return _card(item, message)
    saved(message)
    return _back(item)


@bp.route("/items/<int:item_id>/not-done", methods=["POST"])
@requires("training.own")
def item_not_done(item_id: int):
    item = _item_or_404(item_id)
    if item.special == "agreements":
        abort(404)
    progress.mark_not_done(people.me(), item)
    message = f"Marked as not done yet: {item.title}."
    if wants_fragment():
        return _card(item, message)
    saved(message)
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
    it, a list with a form per word, answered here. A finished game's score is kept
    (`word_game_result`), for this person to see their best."""
    module = _module_or_404(module_id)
    pairs = word_pairs(module)
    order = list(range(len(pairs)))
    random.Random(module.id).shuffle(order)  # the same order each time, for the list  # nosec B311
    answer = None
    asked = whole_number(request.args.get("word"))
    if asked is not None and 0 <= asked < len(pairs):
        chosen = whole_number(request.args.get("meaning"))
        answer = {"word": asked, "chosen": chosen, "right": chosen == asked}
    return render_page(
        "training/words.html",
        module=module,
        pairs=pairs,
        order=order,
        answer=answer,
        best=progress.best_word_games(people.me()).get(module.id),
    )


@bp.route("/modules/<int:module_id>/words/result", methods=["POST"])
@requires("training.own")
def word_game_result(module_id: int):
    """The game sends its score when every word is matched: how many were right the first
    time. How many words there are is the server's to say, not the page's."""
    module = _module_or_404(module_id)
    pairs = word_pairs(module)
    score = whole_number(request.form.get("score"), low=0, high=len(pairs))
    if not Form().validate_on_submit() or not pairs or score is None:
        refused("That score could not be kept. Play the game again to keep your score.")
        return redirect(url_for("training.words", module_id=module.id), 303)
    me = people.me()
    _, item = progress.record_word_game(me, module, score=score, out_of=len(pairs))
    message = f"Your score is kept: {score} of {len(pairs)}."
    if item is not None:
        message += f" Marked as done: {item.title}."
    if wants_fragment():
        return render_page(
            "training/words.html",
            block="best",
            module=module,
            best=progress.best_word_games(me).get(module.id),
            announce=message,
        )
    saved(message)
    return redirect(url_for("training.words", module_id=module.id), 303)


# --- hours --------------------------------------------------------------------------------


def week_rows(weeks):
    return [(f"Week of {w.starts.day} {w.starts:%B}", w.hours) for w in weeks]


@bp.route("/hours", methods=["GET", "POST"])
@requires("training.own")
def hours():
    me = people.me()
    form = SessionForm()
    if request.method == "GET" and not form.day.data:
        form.day.process(None, clock.today())
    if form.validate_on_submit():
        records.create_session(me, **session_fields(form), by=me)
        saved("Your time is saved.")
        return redirect(url_for("training.hours"), 303)
    shadows = records.shadow_shifts(me)
    with_ids = [s.shadowing_with_id for s in shadows]
    return render_page(
        "training/hours.html",
        form=form,
        person=me,
        rows=week_rows(records.hours_by_week(me)),
        sessions=records.find_sessions(me),
        level=progress.standing(me).level,
        action=url_for("training.hours"),
        shadow_shifts=shadows,
        shadow_names={u.id: u.display_name for u in people.users_by_id(with_ids).values()},
    )


# --- certificates -------------------------------------------------------------------------


@bp.route("/certificates")
@requires("training.own")
def certificates():
    me = people.me()
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
    me = people.me()
    form = CertificateForm()
    if form.validate_on_submit():
        records.create_certificate(me, **certificate_fields(form), by=me)
        saved("Certificate saved.")
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
    me = people.me()
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
    me = people.me()
    form = AcceptForm()
    if form.validate_on_submit():
        rows = agreements.accept_all(me)
        if rows:
            saved("Thank you. Your agreement is saved with today's date.")
        else:
            told("Saved.")
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
