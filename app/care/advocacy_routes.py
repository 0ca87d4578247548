"""Advocacy for one person (with a service, or help with a complaint), and problems for
many people (systemic) raised to the manager."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app import audit, locking
from app.access import get_or_404, requires
from app.care import advocacy, bp, partner_services, sharing
from app.care.episode_rules import EpisodeClosed, is_editable, open_episode
from app.care.forms import AdvocacyForm, AdvocacyUpdateForm, SystemicForm, SystemicUpdateForm
from app.care.page_helpers import (
    can_see_all,
    closed_page,
    header,
    load_client,
    no_episode,
    partner_choices,
    record_of,
)
from app.core.messages import saved
from app.core.numbers import record_id
from app.core.people import me
from app.core.saving import change_from_form
from app.models import AdvocacyIssue
from app.models.care import COMPLAINT_BODIES
from app.pages import render_page


@bp.route("/clients/<int:client_id>/advocacy", endpoint="advocacy")
@requires("clients.open")
def advocacy_list(client_id: int):
    client = load_client(client_id, "advocacy")
    return render_page(
        "care/advocacy.html",
        issues=advocacy.issues_for(client),
        status_words=advocacy.status_words,
        bodies=COMPLAINT_BODIES,
        **header(client),
    )


@bp.route("/clients/<int:client_id>/advocacy/new", methods=["GET", "POST"])
@requires("clients.open")
def advocacy_new(client_id: int):
    client = load_client(client_id, "new advocacy")
    back = url_for("care.advocacy", client_id=client.id)
    form = AdvocacyForm()
    partner_choices(form.partner_id, "Not on the list, or none")
    form.consent_id.choices = sharing.consent_choices(client)
    if open_episode(client) is None:
        return no_episode(client, form, back)
    no_consent = False
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: advocacy.create_issue(
                client,
                advocacy.IssueData(
                    kind=form.kind.data,
                    issue=form.issue.data,
                    service=form.service.data or None,
                    partner_id=record_id(form.partner_id.data),
                    what_happened=form.what_happened.data or None,
                    complaint_body=form.complaint_body.data or None,
                    consent_id=record_id(form.consent_id.data),
                ),
                me(),
            ),
        )
        if isinstance(outcome.refusal, EpisodeClosed):
            return closed_page(client, form, back)
        no_consent = isinstance(outcome.refusal, sharing.NotAgreed)
        if outcome.saved:
            saved("Advocacy saved.")
            return redirect(
                url_for("care.advocacy_issue", client_id=client.id, issue_id=outcome.result.id),
                303,
            )
    return render_page(
        "care/advocacy_form.html", form=form, no_consent=no_consent, **header(client)
    )


def _systemic_choices(field) -> None:
    field.choices = [("", "No")] + [
        (str(s.id), f"Yes: {advocacy.short_issue(s.issue)}")
        for s, _count in advocacy.systemic_issues(open_only=True)
    ]


def _advocacy_choices(form: AdvocacyUpdateForm, issue: AdvocacyIssue) -> AdvocacyUpdateForm:
    form.progress.choices = list(advocacy.statuses_for(issue.kind).items())
    _systemic_choices(form.systemic_id)
    linked = advocacy.systemic_of(issue)
    if linked is not None and str(linked.id) not in dict(form.systemic_id.choices):
        form.systemic_id.choices.append((str(linked.id), advocacy.short_issue(linked.issue)))
    return form


def _advocacy_shown(issue: AdvocacyIssue) -> AdvocacyUpdateForm:
    form = AdvocacyUpdateForm(
        formdata=None,
        data={
            "progress": issue.status,
            "what_happened": issue.what_happened or "",
            "systemic_id": str(issue.systemic_id or ""),
        },
    )
    return _advocacy_choices(form, issue)


def _update_and_link(issue: AdvocacyIssue, form: AdvocacyUpdateForm, client) -> None:
    advocacy.update_issue(
        issue,
        status=form.progress.data,
        what_happened=form.what_happened.data or None,
        user=me(),
        client=client,
    )
    systemic = advocacy.issue_of(record_id(form.systemic_id.data))
    advocacy.link_to_systemic(issue, systemic, client=client)


@bp.route("/clients/<int:client_id>/advocacy/<int:issue_id>", methods=["GET", "POST"])
@requires("clients.open")
def advocacy_issue(client_id: int, issue_id: int):
    client = load_client(client_id, "advocacy issue")
    issue = record_of(AdvocacyIssue, issue_id, client)
    back = url_for("care.advocacy_issue", client_id=client.id, issue_id=issue.id)
    editable = is_editable(issue)
    changed = None
    if request.method == "GET":
        form = _advocacy_shown(issue)
        locking.stamp(form, issue, _advocacy_shown)
    else:
        form = _advocacy_choices(AdvocacyUpdateForm(), issue)
        if not editable:
            return closed_page(client, form, back)
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: _update_and_link(issue, form, client),
            record=issue,
            shown=_advocacy_shown,
        )
        if isinstance(outcome.refusal, EpisodeClosed):
            return closed_page(client, form, back)
        if outcome.saved:
            saved("Advocacy saved.")
            return redirect(back, 303)
        changed = outcome.changed
    return render_page(
        "care/advocacy_issue.html",
        form=form,
        changed=changed,
        issue=issue,
        editable=editable,
        status_words=advocacy.status_words,
        bodies=COMPLAINT_BODIES,
        systemic=advocacy.systemic_of(issue),
        **header(client),
    )


@bp.route("/clients/<int:client_id>/advocacy/<int:issue_id>/raise", methods=["GET", "POST"])
@requires("clients.open")
def advocacy_raise(client_id: int, issue_id: int):
    """Raise one person's issue to the manager as a problem for many people."""
    client = load_client(client_id, "raise systemic")
    issue = record_of(AdvocacyIssue, issue_id, client)
    back = url_for("care.advocacy_issue", client_id=client.id, issue_id=issue.id)
    form = SystemicForm()
    partner_choices(form.partner_id, "Not on the list, or none")
    if not is_editable(issue):
        return closed_page(client, form, back) if request.method == "POST" else redirect(back, 303)
    if request.method == "GET":
        # Start from what is already written, so the worker does not type it again.
        partner = partner_services.partner(issue.partner_id)
        form.issue.data = issue.issue
        form.partner_id.data = str(issue.partner_id or "")
        form.service.data = advocacy.other_service(issue, getattr(partner, "name", None))
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: advocacy.raise_systemic(
                issue=form.issue.data,
                service=form.service.data or None,
                partner_id=record_id(form.partner_id.data),
                user=me(),
                from_issue=issue,
                client=client,
            ),
        )
        if isinstance(outcome.refusal, EpisodeClosed):
            return closed_page(client, form, back)
        if outcome.saved:
            saved("Raised with the manager. This person's issue is linked to it.")
            return redirect(back, 303)
    return render_page("care/systemic_form.html", form=form, issue=issue, client=client)


@bp.route("/advocacy/systemic")
@requires("clients.open")
def systemic_list():
    found = advocacy.systemic_issues()
    audit.record("advocacy.systemic_viewed", detail={"count": len(found)})
    return render_page(
        "care/systemic_list.html",
        found=found,
        status_words=advocacy.status_words,
        partners=partner_services.partner_names(s.partner_id for s, _ in found),
    )


@bp.route("/advocacy/systemic/new", methods=["GET", "POST"])
@requires("clients.open")
def systemic_new():
    form = SystemicForm()
    partner_choices(form.partner_id, "Not on the list, or none")
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: advocacy.raise_systemic(
                issue=form.issue.data,
                service=form.service.data or None,
                partner_id=record_id(form.partner_id.data),
                user=me(),
            ),
        )
        if outcome.saved:
            saved("Raised with the manager.")
            return redirect(url_for("care.systemic", issue_id=outcome.result.id), 303)
    return render_page("care/systemic_form.html", form=form, issue=None, client=None)


def _systemic_shown(issue: AdvocacyIssue) -> SystemicUpdateForm:
    form = SystemicUpdateForm(
        formdata=None, data={"progress": issue.status, "what_happened": issue.what_happened or ""}
    )
    form.progress.choices = list(advocacy.statuses_for("systemic").items())
    return form


@bp.route("/advocacy/systemic/<int:issue_id>", methods=["GET", "POST"])
@requires("clients.open")
def systemic(issue_id: int):
    issue = get_or_404(AdvocacyIssue, issue_id, visible=lambda i: i.kind == "systemic")
    manager = can_see_all()
    if request.method == "POST" and not manager:
        abort(404)
    changed = None
    if request.method == "GET":
        form = _systemic_shown(issue)
        locking.stamp(form, issue, _systemic_shown)
    else:
        form = SystemicUpdateForm()
        form.progress.choices = list(advocacy.statuses_for("systemic").items())
    if manager and form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: advocacy.update_issue(
                issue, status=form.progress.data, what_happened=form.what_happened.data, user=me()
            ),
            record=issue,
            shown=_systemic_shown,
        )
        if outcome.saved:
            saved("Saved.")
            return redirect(url_for("care.systemic", issue_id=issue.id), 303)
        changed = outcome.changed
    audit.record("advocacy.systemic_viewed", record=issue)
    return render_page(
        "care/systemic.html",
        changed=changed,
        form=form if manager else None,
        issue=issue,
        people=advocacy.people_affected(issue),
        status_words=advocacy.status_words,
        partner=partner_services.partner(issue.partner_id),
    )
