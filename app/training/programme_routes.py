"""Editing the programme (senior workers and the manager) and the agreements (the manager)."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from app import locking
from app.access import requires
from app.forms import Form
from app.pages import render_page
from app.training import agreements, bp, service
from app.training.forms import AgreementForm, ItemForm, ModuleForm
from app.training.programme import load_programme


def _me():
    return current_user._get_current_object()


@bp.route("/programme")
@requires("training.manage")
def programme():
    return render_page(
        "training/programme.html",
        levels=service.levels(),
        agreement_list=agreements.find_agreements(),
        form=Form(),
    )


@bp.route("/programme/load", methods=["POST"])
@requires("training.manage")
def programme_load():
    if not Form().validate_on_submit():
        abort(400)
    made = load_programme(created_by=_me())
    made_agreements = agreements.load_agreements(created_by=_me())
    flash(
        "The programme is loaded from the model of care."
        if made or made_agreements
        else "The programme was there already."
    )
    return redirect(url_for("training.programme"), 303)


@bp.route("/programme/modules/<int:module_id>", methods=["GET", "POST"])
@requires("training.manage")
def programme_module(module_id: int):
    module = service.get_module(module_id)
    if module is None:
        abort(404)
    form = ModuleForm(obj=module)
    changed = None
    if request.method == "GET":
        locking.stamp(form, module, _module_shown)
    if form.validate_on_submit():
        changed = locking.check(form, module, _module_shown)
        if not changed:
            service.update_module(
                module, title=form.title.data, summary=form.summary.data or "", by=_me()
            )
            changed = locking.flush(form, module, _module_shown)
        if not changed:
            flash("Module saved.")
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
    module = service.get_module(module_id)
    if module is None:
        abort(404)
    form = ItemForm()
    if form.validate_on_submit():
        item = service.create_item(module, by=_me(), **_item_fields(form))
        flash(f"Added: {item.title}.")
        return redirect(
            url_for("training.programme_module", module_id=module.id) + f"#item-{item.id}", 303
        )
    return render_page("training/item_form.html", form=form, module=module, item=None)


@bp.route("/programme/items/<int:item_id>", methods=["GET", "POST"])
@requires("training.manage")
def edit_item(item_id: int):
    item = service.get_item(item_id)
    if item is None:
        abort(404)
    form = ItemForm(obj=item)
    changed = None
    if request.method == "GET":
        form.minutes.data = str(item.minutes) if item.minutes else ""
        locking.stamp(form, item, _item_shown)
    if form.validate_on_submit():
        changed = locking.check(form, item, _item_shown)
        if not changed:
            service.update_item(item, by=_me(), **_item_fields(form))
            changed = locking.flush(form, item, _item_shown)
        if not changed:
            flash(f"Saved: {item.title}.")
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
    item = service.get_item(item_id)
    if item is None:
        abort(404)
    if not Form().validate_on_submit():
        abort(400)
    if action in ("up", "down"):
        service.move_item(item, action, by=_me())
        flash(f"Moved {action}: {item.title}.")
    elif action == "retire":
        service.retire_item(item, by=_me())
        flash(f"Taken out of the programme: {item.title}. What people did with it is kept.")
    else:
        service.restore_item(item, by=_me())
        flash(f"Back in the programme: {item.title}.")
    return redirect(
        url_for("training.programme_module", module_id=item.module_id) + f"#item-{item.id}", 303
    )


@bp.route("/agreements/<int:agreement_id>/edit", methods=["GET", "POST"])
@requires("training.agreements")
def agreement_edit(agreement_id: int):
    agreement = agreements.get_agreement(agreement_id)
    if agreement is None:
        abort(404)
    current = agreements.current_version(agreement)
    form = AgreementForm()
    changed = None
    if request.method == "GET":
        form.text.data = current.text if current is not None else ""
        locking.stamp(form, agreement, _agreement_shown)
    if form.validate_on_submit():
        changed = locking.check(form, agreement, _agreement_shown)
        if changed:
            current = agreements.current_version(agreement)
        elif current is not None and form.text.data == current.text:
            form.text.errors.append("The text is the same as now. Change it, or go back")
        else:
            version = agreements.create_version(
                agreement, text=form.text.data, change_note=form.change_note.data, by=_me()
            )
            changed = locking.flush(form, agreement, _agreement_shown)
            if not changed:
                flash(
                    f"Version {version.number} of {agreement.title} is saved. "
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
