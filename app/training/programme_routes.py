"""Editing the programme (senior workers and the manager) and the agreements (the manager)."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app import locking
from app.access import get_or_404, requires
from app.core.messages import saved, told
from app.core.people import me
from app.core.saving import change_from_form
from app.forms import Form
from app.models import Agreement, LearningItem, Module
from app.pages import render_page
from app.training import agreements, bp, programme_edits, progress
from app.training.forms import AgreementForm, ItemForm, ModuleForm
from app.training.programme import load_programme


@bp.route("/programme")
@requires("training.manage")
def programme():
    return render_page(
        "training/programme.html",
        levels=progress.levels(),
        agreement_list=agreements.find_agreements(),
        form=Form(),
    )


@bp.route("/programme/load", methods=["POST"])
@requires("training.manage")
def programme_load():
    if not Form().validate_on_submit():
        abort(400)
    made = load_programme(created_by=me())
    made_agreements = agreements.load_agreements(created_by=me())
    if made or made_agreements:
        saved("The programme is loaded from the model of care.")
    else:
        told("The programme was there already.")
    return redirect(url_for("training.programme"), 303)


@bp.route("/programme/modules/<int:module_id>", methods=["GET", "POST"])
@requires("training.manage")
def programme_module(module_id: int):
    module = get_or_404(Module, module_id)
    form = ModuleForm(obj=module)
    changed = None
    if request.method == "GET":
        locking.stamp(form, module, _module_shown)
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: programme_edits.update_module(
                module, title=form.title.data, summary=form.summary.data or "", by=me()
            ),
            record=module,
            shown=_module_shown,
        )
        changed = outcome.changed
        if outcome.saved:
            saved("Module saved.")
            return redirect(url_for("training.programme_module", module_id=module.id), 303)
    return render_page(
        "training/programme_module.html",
        module=module,
        form=form,
        changed=changed,
        action_form=Form(),
    )


def _module_shown(module) -> ModuleForm:
    return ModuleForm(formdata=None, obj=module)


def _item_fields(form: ItemForm) -> dict:
    return {
        "kind": form.kind.data,
        "title": form.title.data,
        "body": form.body.data or "",
        "link": form.link.data or None,
        "minutes": form.minutes_value,
    }


@bp.route("/programme/modules/<int:module_id>/items/new", methods=["GET", "POST"])
@requires("training.manage")
def new_item(module_id: int):
    module = get_or_404(Module, module_id)
    form = ItemForm()
    if form.validate_on_submit():
        item = programme_edits.create_item(module, by=me(), **_item_fields(form))
        saved(f"Added: {item.title}.")
        return redirect(
            url_for("training.programme_module", module_id=module.id) + f"#item-{item.id}", 303
        )
    return render_page("training/item_form.html", form=form, module=module, item=None)


@bp.route("/programme/items/<int:item_id>", methods=["GET", "POST"])
@requires("training.manage")
def edit_item(item_id: int):
    item = get_or_404(LearningItem, item_id)
    form = ItemForm(obj=item)
    changed = None
    if request.method == "GET":
        form.minutes.data = str(item.minutes) if item.minutes else ""
        locking.stamp(form, item, _item_shown)
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: programme_edits.update_item(item, by=me(), **_item_fields(form)),
            record=item,
            shown=_item_shown,
        )
        changed = outcome.changed
        if outcome.saved:
            saved(f"Saved: {item.title}.")
            return redirect(
                url_for("training.programme_module", module_id=item.module_id) + f"#item-{item.id}",
                303,
            )
    return render_page(
        "training/item_form.html", form=form, module=item.module, item=item, changed=changed
    )


def _item_shown(item) -> ItemForm:
    shown = ItemForm(formdata=None, obj=item)
    shown.minutes.data = str(item.minutes) if item.minutes else ""
    return shown


@bp.route(
    "/programme/items/<int:item_id>/<any(up, down, retire, restore):action>", methods=["POST"]
)
@requires("training.manage")
def item_action(item_id: int, action: str):
    item = get_or_404(LearningItem, item_id)
    if not Form().validate_on_submit():
        abort(400)
    if action in ("up", "down"):
        programme_edits.move_item(item, action, by=me())
        saved(f"Moved {action}: {item.title}.")
    elif action == "retire":
        programme_edits.retire_item(item, by=me())
        saved(f"Taken out of the programme: {item.title}. What people did with it is kept.")
    else:
        programme_edits.restore_item(item, by=me())
        saved(f"Back in the programme: {item.title}.")
    return redirect(
        url_for("training.programme_module", module_id=item.module_id) + f"#item-{item.id}", 303
    )


@bp.route("/agreements/<int:agreement_id>/edit", methods=["GET", "POST"])
@requires("training.agreements")
def agreement_edit(agreement_id: int):
    agreement = get_or_404(Agreement, agreement_id)
    current = agreements.current_version(agreement)
    form = AgreementForm()
    changed = None
    if request.method == "GET":
        form.text.data = current.text if current is not None else ""
        locking.stamp(form, agreement, _agreement_shown)
    if form.validate_on_submit():
        if current is not None and form.text.data == current.text:
            form.text.errors.append("The text is the same as now. Change it, or go back")
        else:
            outcome = change_from_form(
                form,
                lambda: agreements.create_version(
                    agreement, text=form.text.data, change_note=form.change_note.data, by=me()
                ),
                record=agreement,
                shown=_agreement_shown,
            )
            changed = outcome.changed
            if outcome.saved:
                saved(
                    f"Version {outcome.result.number} of {agreement.title} is saved. "
                    "Everyone who agreed before is asked again when they next sign in."
                )
                return redirect(url_for("training.programme") + "#agreements", 303)
            current = agreements.current_version(agreement)
    return render_page(
        "training/agreement_form.html",
        form=form,
        agreement=agreement,
        current=current,
        changed=changed,
    )


def _agreement_shown(agreement) -> dict:
    """The newest version is what a manager starts from (the form holds the new words)."""
    current = agreements.current_version(agreement)
    return {
        "The newest version": f"version {agreement.current_number}",
        "What changed in it": current.change_note if current is not None else "",
    }
