"""Referrals to partner services (with consent), material aid, and advocacy."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, request, url_for

from app import audit, clock, locking
from app.access import requires
from app.care import bp, support
from app.care.common import EpisodeClosed, Refused, is_editable, open_episode
from app.care.forms import (
    AdvocacyForm,
    AdvocacyUpdateForm,
    AidForm,
    ReferralForm,
    ReferralUpdateForm,
    SystemicForm,
    SystemicUpdateForm,
)
from app.care.views import (
    an_id,
    can_see_all,
    closed_page,
    header,
    load_client,
    me,
    record_of,
)
from app.clients import service as client_service
from app.extensions import db
from app.forms import Form
from app.models import AdvocacyIssue, Consent, Partner, Referral
from app.models.care import AID_KINDS, COMPLAINT_BODIES
from app.pages import render_page

NO_EPISODE = "There is no open episode of care. Open a new episode first."


def _no_episode(client, form, back: str):
    if request.method == "POST":
        return closed_page(client, form, back)
    flash(NO_EPISODE)
    return redirect(url_for("clients.episodes", client_id=client.id), 303)


def _partner_choices(field, blank: str | None) -> None:
    field.choices = ([("", blank)] if blank else []) + [
        (str(p.id), p.name) for p in support.active_partners()
    ]


def _partner(value) -> Partner | None:
    if not value:
        return None
    partner = db.session.get(Partner, int(value))
    if partner is None:
        abort(404)
    return partner


# --- referrals ------------------------------------------------------------------------------


@bp.route("/clients/<int:client_id>/referrals")
@requires("clients.open")
def referrals(client_id: int):
    client = load_client(client_id, "referrals")
    found = support.referrals_for(client)
    return render_page(
        "care/referrals.html",
        referrals=found,
        partners=support.partner_names(r.partner_id for r in found),
        **header(client),
    )


def _from_consent_draft(client) -> dict:
    """What the worker typed before going to record a consent (kept in that draft)."""
    draft_id = an_id(request.args.get("from_consent"))
    if not draft_id:
        return {}
    draft = client_service.get_draft_or_404(draft_id, kind="consent")
    if draft.client_id != client.id:
        abort(404)
    return dict((draft.answers or {}).get("_referral") or {})


@bp.route("/clients/<int:client_id>/referrals/new", methods=["GET", "POST"])
@requires("clients.open")
def referral_new(client_id: int):
    client = load_client(client_id, "new referral")
    back = url_for("care.referrals", client_id=client.id)
    if open_episode(client) is None:
        return _no_episode(client, ReferralForm(), back)
    if request.method == "GET":
        kept = _from_consent_draft(client)
        form = ReferralForm(
            data={
                "partner_id": str(kept.get("partner_id") or request.args.get("partner", "")),
                "reason": kept.get("reason") or "",
                "appointment_made": bool(kept.get("appointment_made")),
            }
        )
    else:
        form = ReferralForm()
    _partner_choices(form.partner_id, "Choose a service")
    no_consent = None
    if form.validate_on_submit():
        partner = _partner(form.partner_id.data)
        try:
            referral = support.create_referral(
                client,
                partner=partner,
                reason=form.reason.data,
                appointment_made=form.appointment_made.data,
                user=me(),
            )
        except support.NoConsent as refused:
            form.partner_id.errors.append(refused.message)
            no_consent = partner
        except EpisodeClosed:
            return closed_page(client, form, back)
        except Refused as refused:
            form.form_errors.append(refused.message)
        else:
            flash(f"Referral to {partner.name} saved.")
            return redirect(
                url_for("care.referral", client_id=client.id, referral_id=referral.id), 303
            )
    return render_page(
        "care/referral_form.html", form=form, no_consent=no_consent, **header(client)
    )


@bp.route("/clients/<int:client_id>/referrals/consent", methods=["POST"])
@requires("clients.open")
def referral_consent(client_id: int):
    """Record a consent for the service on the spot (the client area's consent journey),
    keeping what was typed for the referral, then come back to it."""
    client = load_client(client_id, "referral consent")
    if not Form().validate_on_submit():
        abort(400)
    partner = _partner(an_id(request.form.get("partner_id")))
    if partner is None:
        abort(404)
    draft = client_service.create_draft(
        me(),
        kind="consent",
        client=client,
        answers={
            "party_name": partner.name,
            "relationship_to": "Partner service",
            "contact_details": partner.phone or partner.email,
            "partner_id": partner.id,
            "shares": ["client_here"],
            "_referral": {
                "partner_id": partner.id,
                "reason": (request.form.get("reason") or "")[:5000],
                "appointment_made": request.form.get("appointment_made") == "y",
            },
        },
    )
    answers = dict(draft.answers)
    answers["_return_to"] = url_for("care.referral_new", client_id=client.id, from_consent=draft.id)
    draft.answers = answers
    return redirect(
        url_for("clients.consent_step", client_id=client.id, draft_id=draft.id, step_key="who"),
        303,
    )


def _referral_shown(record: Referral) -> ReferralUpdateForm:
    return ReferralUpdateForm(
        formdata=None,
        data={
            "appointment_made": record.appointment_made,
            "attended": {True: "yes", False: "no"}.get(record.attended, "not_yet"),
            "outcome": record.outcome or "",
        },
    )


@bp.route("/clients/<int:client_id>/referrals/<int:referral_id>", methods=["GET", "POST"])
@requires("clients.open")
def referral(client_id: int, referral_id: int):
    client = load_client(client_id, "referral")
    record = record_of(Referral, referral_id, client)
    back = url_for("care.referral", client_id=client.id, referral_id=record.id)
    editable = is_editable(record)
    conflict = None
    if request.method == "GET":
        form = _referral_shown(record)
        locking.stamp(form, record, _referral_shown)
    else:
        form = ReferralUpdateForm()
        if not editable:
            return closed_page(client, form, back)
    if form.validate_on_submit():
        attended = {"yes": True, "no": False}.get(form.attended.data)
        conflict = locking.check(form, record, _referral_shown)
        if not conflict:
            try:
                changed = support.update_referral(
                    record,
                    appointment_made=form.appointment_made.data,
                    attended=attended,
                    outcome=form.outcome.data or None,
                    user=me(),
                    client=client,
                )
            except EpisodeClosed:
                return closed_page(client, form, back)
            conflict = locking.flush(form, record, _referral_shown)
        if not conflict:
            flash("Referral saved." if changed else "Nothing changed.")
            return redirect(back, 303)
    return render_page(
        "care/referral.html",
        form=form,
        changed=conflict,
        record=record,
        partner=db.session.get(Partner, record.partner_id),
        consent=db.session.get(Consent, record.consent_id),
        editable=editable,
        **header(client),
    )


# --- material aid ---------------------------------------------------------------------------


@bp.route("/clients/<int:client_id>/aid", methods=["GET", "POST"])
@requires("clients.open")
def aid(client_id: int):
    client = load_client(client_id, "material aid")
    form = AidForm()
    _partner_choices(form.partner_id, "Not from a partner")
    episode = open_episode(client)
    if request.method == "POST" and episode is None:
        return closed_page(client, form, url_for("care.aid", client_id=client.id))
    if form.validate_on_submit():
        try:
            support.give_aid(
                client,
                support.AidData(
                    kind=form.kind.data,
                    quantity=int(form.quantity.data),
                    given_on=form.given_on.data,
                    partner_id=int(form.partner_id.data) if form.partner_id.data else None,
                    note=form.note.data or None,
                ),
                me(),
            )
        except EpisodeClosed:
            return closed_page(client, form, url_for("care.aid", client_id=client.id))
        except Refused as refused:
            form.form_errors.append(refused.message)
        else:
            flash("Material aid saved.")
            return redirect(url_for("care.aid", client_id=client.id), 303)
    given = support.aid_for(client)
    return render_page(
        "care/aid.html",
        form=form,
        given=given,
        kinds=AID_KINDS,
        partners=support.partner_names(a.partner_id for a in given),
        **header(client),
    )


@bp.route("/material-aid")
@requires("clients.open")
def aid_totals():
    """Totals per month for the last twelve months: everyone's, or only mine."""
    mine = request.args.get("mine") == "1"
    today = clock.today()
    since = date(today.year - 1, today.month, 1)
    months = support.aid_totals_by_month(since, worker_id=me().id if mine else None)
    audit.record("aid.totals_viewed", detail={"mine": mine})
    return render_page(
        "care/aid_totals.html",
        months=months,
        kinds=AID_KINDS,
        mine=mine,
        this_month=next((m for d, m in months if d == today.replace(day=1)), {}),
    )


# --- advocacy -------------------------------------------------------------------------------


@bp.route("/clients/<int:client_id>/advocacy")
@requires("clients.open")
def advocacy(client_id: int):
    client = load_client(client_id, "advocacy")
    return render_page(
        "care/advocacy.html",
        issues=support.issues_for(client),
        status_words=support.status_words,
        bodies=COMPLAINT_BODIES,
        **header(client),
    )


@bp.route("/clients/<int:client_id>/advocacy/new", methods=["GET", "POST"])
@requires("clients.open")
def advocacy_new(client_id: int):
    client = load_client(client_id, "new advocacy")
    back = url_for("care.advocacy", client_id=client.id)
    form = AdvocacyForm()
    _partner_choices(form.partner_id, "Not on the list, or none")
    if open_episode(client) is None:
        return _no_episode(client, form, back)
    if form.validate_on_submit():
        try:
            issue = support.create_issue(
                client,
                support.IssueData(
                    kind=form.kind.data,
                    issue=form.issue.data,
                    service=form.service.data or None,
                    partner_id=int(form.partner_id.data) if form.partner_id.data else None,
                    what_happened=form.what_happened.data or None,
                    complaint_body=form.complaint_body.data or None,
                ),
                me(),
            )
        except EpisodeClosed:
            return closed_page(client, form, back)
        except Refused as refused:
            form.form_errors.append(refused.message)
        else:
            flash("Advocacy saved.")
            return redirect(
                url_for("care.advocacy_issue", client_id=client.id, issue_id=issue.id), 303
            )
    return render_page("care/advocacy_form.html", form=form, **header(client))


def _systemic_choices(field) -> None:
    field.choices = [("", "No")] + [
        (str(s.id), f"Yes: {support.short_issue(s.issue)}")
        for s, _count in support.systemic_issues(open_only=True)
    ]


def _advocacy_choices(form: AdvocacyUpdateForm, issue: AdvocacyIssue) -> AdvocacyUpdateForm:
    form.progress.choices = list(support.statuses_for(issue.kind).items())
    _systemic_choices(form.systemic_id)
    if issue.systemic_id and str(issue.systemic_id) not in dict(form.systemic_id.choices):
        linked = db.session.get(AdvocacyIssue, issue.systemic_id)
        form.systemic_id.choices.append((str(linked.id), support.short_issue(linked.issue)))
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
    if form.validate_on_submit() and not (changed := locking.check(form, issue, _advocacy_shown)):
        try:
            support.update_issue(
                issue,
                status=form.progress.data,
                what_happened=form.what_happened.data or None,
                user=me(),
                client=client,
            )
            chosen = form.systemic_id.data
            systemic = db.session.get(AdvocacyIssue, int(chosen)) if chosen else None
            support.link_to_systemic(issue, systemic, client=client)
        except EpisodeClosed:
            return closed_page(client, form, back)
        except Refused as refused:
            form.form_errors.append(refused.message)
        else:
            changed = locking.flush(form, issue, _advocacy_shown)
            if not changed:
                flash("Advocacy saved.")
                return redirect(back, 303)
    return render_page(
        "care/advocacy_issue.html",
        form=form,
        changed=changed,
        issue=issue,
        editable=editable,
        status_words=support.status_words,
        bodies=COMPLAINT_BODIES,
        systemic=db.session.get(AdvocacyIssue, issue.systemic_id) if issue.systemic_id else None,
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
    _partner_choices(form.partner_id, "Not on the list, or none")
    if not is_editable(issue):
        return closed_page(client, form, back) if request.method == "POST" else redirect(back, 303)
    if request.method == "GET":
        form.partner_id.data = str(issue.partner_id or "")
        form.service.data = "" if issue.partner_id else (issue.service or "")
    if form.validate_on_submit():
        try:
            support.raise_systemic(
                issue=form.issue.data,
                service=form.service.data or None,
                partner_id=int(form.partner_id.data) if form.partner_id.data else None,
                user=me(),
                from_issue=issue,
                client=client,
            )
        except EpisodeClosed:
            return closed_page(client, form, back)
        except Refused as refused:
            form.form_errors.append(refused.message)
        else:
            flash("Raised with the manager. This person's issue is linked to it.")
            return redirect(back, 303)
    return render_page("care/systemic_form.html", form=form, issue=issue, client=client)


@bp.route("/advocacy/systemic")
@requires("clients.open")
def systemic_list():
    found = support.systemic_issues()
    audit.record("advocacy.systemic_viewed", detail={"count": len(found)})
    return render_page(
        "care/systemic_list.html",
        found=found,
        status_words=support.status_words,
        partners=support.partner_names(s.partner_id for s, _ in found),
    )


@bp.route("/advocacy/systemic/new", methods=["GET", "POST"])
@requires("clients.open")
def systemic_new():
    form = SystemicForm()
    _partner_choices(form.partner_id, "Not on the list, or none")
    if form.validate_on_submit():
        try:
            systemic = support.raise_systemic(
                issue=form.issue.data,
                service=form.service.data or None,
                partner_id=int(form.partner_id.data) if form.partner_id.data else None,
                user=me(),
            )
        except Refused as refused:
            form.form_errors.append(refused.message)
        else:
            flash("Raised with the manager.")
            return redirect(url_for("care.systemic", issue_id=systemic.id), 303)
    return render_page("care/systemic_form.html", form=form, issue=None, client=None)


def _systemic_shown(issue: AdvocacyIssue) -> SystemicUpdateForm:
    form = SystemicUpdateForm(
        formdata=None, data={"progress": issue.status, "what_happened": issue.what_happened or ""}
    )
    form.progress.choices = list(support.statuses_for("systemic").items())
    return form


@bp.route("/advocacy/systemic/<int:issue_id>", methods=["GET", "POST"])
@requires("clients.open")
def systemic(issue_id: int):
    issue = db.session.get(AdvocacyIssue, issue_id)
    if issue is None or issue.kind != "systemic":
        abort(404)
    manager = can_see_all()
    if request.method == "POST" and not manager:
        abort(404)
    changed = None
    if request.method == "GET":
        form = _systemic_shown(issue)
        locking.stamp(form, issue, _systemic_shown)
    else:
        form = SystemicUpdateForm()
        form.progress.choices = list(support.statuses_for("systemic").items())
    if (
        manager
        and form.validate_on_submit()
        and not (changed := locking.check(form, issue, _systemic_shown))
    ):
        try:
            support.update_issue(
                issue, status=form.progress.data, what_happened=form.what_happened.data, user=me()
            )
        except Refused as refused:
            form.form_errors.append(refused.message)
        else:
            changed = locking.flush(form, issue, _systemic_shown)
            if not changed:
                flash("Saved.")
                return redirect(url_for("care.systemic", issue_id=issue.id), 303)
    audit.record("advocacy.systemic_viewed", record=issue)
    return render_page(
        "care/systemic.html",
        changed=changed,
        form=form if manager else None,
        issue=issue,
        people=support.people_affected(issue),
        status_words=support.status_words,
        partner=db.session.get(Partner, issue.partner_id) if issue.partner_id else None,
    )
