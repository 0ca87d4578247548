"""Confidentiality, told and kept: telling the person at intake, disclosures the law compels
(the manager approves each, and sees them all on one page), and workers who know the person
outside work (the file never goes to them)."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app import audit, clock
from app.access import SENIORS, get_or_404, requires
from app.clients import bp, confidentiality, known_outside_work
from app.clients.confidentiality_forms import DisclosureForm, EndKnownForm, KnownOutsideWorkForm
from app.clients.cover import workers_to_cover_for
from app.clients.page_helpers import get_client_for_current_user, header, open_client
from app.core.messages import refused, saved
from app.core.people import me, user_by_id, users_by_id
from app.core.saving import change_from_form
from app.forms import Form
from app.models import CompelledDisclosure, KnownOutsideWork
from app.pages import paginate, render_page

# --- told that the file is confidential (at intake) ----------------------------------------


@bp.route("/<int:client_id>/confidentiality", methods=["GET", "POST"])
@requires("clients.open")
def confidentiality_page(client_id: int):
    """The words to say, read aloud if they like, and a button once they have been told."""
    if request.method == "POST":
        client = get_client_for_current_user(client_id)
        form = Form()
        if form.validate_on_submit():
            confidentiality.explain(client, me())
            saved(f"Saved: you told {client.name} their file is confidential.")
            return redirect(url_for("clients.file", client_id=client.id), 303)
    else:
        client = open_client(client_id, "confidentiality")
        form = Form()
    return render_page(
        "clients/confidentiality.html",
        form=form,
        words=confidentiality.WORDS_TO_SAY,
        last=confidentiality.last_explained(client),
        **header(client),
    )


# --- disclosures the law compels ---------------------------------------------------------


@bp.route("/<int:client_id>/disclosures", methods=["GET", "POST"])
@requires("clients.open")
def disclosures(client_id: int):
    """A worker records a request; the manager approves it (or records and approves at once)."""
    if request.method == "POST":
        client = get_client_for_current_user(client_id)
    else:
        client = open_client(client_id, "disclosures")
    form = DisclosureForm()
    if request.method == "GET":
        form.asked_on.process(None, clock.today())
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: confidentiality.record_disclosure(
                client,
                kind=form.kind.data,
                asked_by=form.asked_by.data,
                authority=form.authority.data,
                asked_on=form.asked_on.data,
                what_given=form.what_given.data,
                by=me(),
            ),
        )
        if outcome.saved:
            if outcome.result.state == "approved":
                saved("Saved and approved. Give them only what you wrote down.")
            else:
                saved("Saved. It waits for the manager: give nothing until they approve it.")
            return redirect(url_for("clients.disclosures", client_id=client.id), 303)
    rows = confidentiality.disclosures_for(client)
    return render_page(
        "clients/disclosures.html",
        form=form,
        rows=rows,
        kinds=confidentiality.KINDS,
        state_words=confidentiality.STATE_WORDS,
        people=_people(rows),
        answer_form=Form(),
        **header(client),
    )


def _people(rows) -> dict:
    return users_by_id(i for r in rows for i in (r.created_by_id, r.decided_by_id) if i)


@bp.route("/<int:client_id>/disclosures/<int:disclosure_id>/answer", methods=["POST"])
@requires("disclosures.approve")
def disclosure_answer(client_id: int, disclosure_id: int):
    """The manager approves a request someone recorded, or says no."""
    client = get_client_for_current_user(client_id)
    record = get_or_404(
        CompelledDisclosure, disclosure_id, visible=lambda r: r.client_id == client.id
    )
    form = Form()
    if form.validate_on_submit() and request.form.get("answer") in ("yes", "no"):
        yes = request.form["answer"] == "yes"
        outcome = change_from_form(
            form, lambda: confidentiality.answer_disclosure(record, client, me(), yes=yes)
        )
        if outcome.saved:
            saved("Approved. They may be given what is written down." if yes else "Not given.")
        else:
            refused(outcome.refusal.message)
    if request.form.get("from") == "list":
        return redirect(url_for("clients.all_disclosures"), 303)
    return redirect(url_for("clients.disclosures", client_id=client.id), 303)


@bp.route("/disclosures")
@requires("disclosures.approve")
def all_disclosures():
    """Every disclosure the law compelled, for the manager: the ones waiting first."""
    page = paginate(confidentiality.all_disclosures_query())
    audit.record("client.disclosures_listed", detail={"page": page.number})
    clients = known_outside_work.clients_of(page.items)
    return render_page(
        "clients/all_disclosures.html",
        page=page,
        clients=clients,
        kinds=confidentiality.KINDS,
        state_words=confidentiality.STATE_WORDS,
        people=_people(page.items),
        answer_form=Form(),
        waiting=confidentiality.waiting_count(),
    )


# --- workers who know the person outside work ----------------------------------------------


@bp.route("/<int:client_id>/known-outside-work", methods=["GET", "POST"])
@requires("clients.open")
def known_outside_work_page(client_id: int):
    """A worker says they know this person outside work; a senior can say it for a worker."""
    if request.method == "POST":
        client = get_client_for_current_user(client_id)
    else:
        client = open_client(client_id, "known outside work")
    senior = me().role in SENIORS
    form = KnownOutsideWorkForm()
    if senior:
        form.worker_id.choices = [
            (u.id, u.display_name) for u in [me(), *workers_to_cover_for(me())]
        ]
    else:
        del form.worker_id
    if form.validate_on_submit():
        worker = user_by_id(form.worker_id.data) if senior else me()
        if worker is None:
            abort(404)
        outcome = change_from_form(
            form,
            lambda: known_outside_work.declare(
                client, worker, how=form.how.data, note=form.note.data, by=me()
            ),
        )
        if outcome.saved:
            if worker.id == me().id:
                saved("Saved. This file will not be given to you.")
            else:
                saved(f"Saved. This file will not be given to {worker.display_name}.")
            return redirect(url_for("clients.known_outside_work_page", client_id=client.id), 303)
    rows = known_outside_work.for_client(client)
    if not senior:
        rows = [r for r in rows if r.worker_id == me().id]
    return render_page(
        "clients/known_outside_work.html",
        form=form,
        senior=senior,
        rows=rows,
        how=known_outside_work.HOW,
        end_forms={r.id: EndKnownForm(formdata=None, prefix=f"k{r.id}") for r in rows},
        **header(client),
    )


@bp.route("/<int:client_id>/known-outside-work/<int:known_id>/end", methods=["POST"])
@requires("clients.see_all")
def known_outside_work_end(client_id: int, known_id: int):
    """A senior ends one made by mistake (it is kept, with why)."""
    client = get_client_for_current_user(client_id)
    record = get_or_404(KnownOutsideWork, known_id, visible=lambda r: r.client_id == client.id)
    form = EndKnownForm(prefix=f"k{record.id}")
    if form.validate_on_submit():
        outcome = change_from_form(
            form, lambda: known_outside_work.end(record, reason=form.reason.data, by=me())
        )
        if outcome.saved:
            saved("Ended. The file can go to them again.")
            return redirect(url_for("clients.known_outside_work_page", client_id=client.id), 303)
        refused(outcome.refusal.message)
    else:
        refused("Write why it was a mistake, then try again.")
    return redirect(url_for("clients.known_outside_work_page", client_id=client.id), 303)


@bp.route("/known-outside-work")
@requires("clients.open")
def my_known_outside_work():
    """The people this worker has said they know outside work, and how to say so."""
    rows = known_outside_work.of_worker(me())
    return render_page(
        "clients/my_known_outside_work.html",
        rows=rows,
        clients=known_outside_work.clients_of(rows),
        how=known_outside_work.HOW,
    )
