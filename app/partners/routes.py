"""The partners directory: everyone signed in can search and read it; seniors keep it."""

from __future__ import annotations

from datetime import date

from flask import redirect, request, url_for

from app import audit, clock, locking
from app.access import can, get_or_404, requires
from app.core.messages import saved
from app.core.numbers import whole_number
from app.core.people import me
from app.forms import Form
from app.models import InReachSession, Partner
from app.pages import render_page
from app.partners import bp
from app.partners import directory as service
from app.partners.forms import InReachForm, PartnerForm, SearchForm


@bp.context_processor
def helpers():
    return {
        "how_often": service.how_often,
        "time_text": service.time_text,
        "website_url": service.website_url,
    }


def _partner_or_404(partner_id: int) -> Partner:
    return get_or_404(Partner, partner_id)


@bp.route("")
@requires("partners.read")
def index():
    form = SearchForm(formdata=request.args)
    form.validate()
    words = (form.q.data or "")[:100] if not form.q.errors else ""
    partners = service.find_partners(words)
    retired = (
        [
            p
            for p in service.find_partners(words, include_inactive=True)
            if not p.active and (p.suggested_on is None or p.approved_on is not None)
        ]
        if can("partners.edit")
        else []
    )
    return render_page(
        "partners/index.html",
        block="results",
        form=form if form.q.errors else None,
        search=form,
        words=words,
        partners=partners,
        retired=retired,
        in_today=service.in_reach_on(clock.today()),
    )


@bp.route("/new", methods=["GET", "POST"])
@requires("partners.edit")
def new_partner():
    form = PartnerForm()
    if form.validate_on_submit():
        partner = service.create_partner(by=me(), **_partner_fields(form))
        audit.record("partner.added", record=partner, detail={"name": partner.name})
        saved(f"{partner.name} added to the partners list.")
        return redirect(url_for("partners.partner", partner_id=partner.id), 303)
    return render_page("partners/edit.html", form=form, partner=None)


def _partner_fields(form: PartnerForm) -> dict:
    return {name: getattr(form, name).data for name in service.PARTNER_FIELDS}


@bp.route("/<int:partner_id>")
@requires("partners.read")
def partner(partner_id: int):
    partner = _partner_or_404(partner_id)
    sessions = [s for s in partner.in_reach if s.active]
    today = clock.today()
    return render_page(
        "partners/partner.html",
        partner=partner,
        sessions=sessions,
        next_dates={s.id: service.next_dates(s, today) for s in sessions},
    )


def _shown(partner) -> PartnerForm:
    return PartnerForm(formdata=None, obj=partner)


@bp.route("/<int:partner_id>/edit", methods=["GET", "POST"])
@requires("partners.edit")
def edit_partner(partner_id: int):
    partner = _partner_or_404(partner_id)
    form = PartnerForm(obj=partner)
    changed = None
    if request.method == "GET":
        locking.stamp(form, partner, _shown)
    if form.validate_on_submit():
        # The one clash mechanism (app/locking.py) by hand: change_from_form would do, but the
        # half-saved check counts the racing save of tests/integration/test_edit_conflicts.py
        # (made in the test's own session during the request) as this request's.
        changed = locking.check(form, partner, _shown)
        if not changed:
            service.update_partner(partner, **_partner_fields(form))
            changed = locking.flush(form, partner, _shown)
        if not changed:
            audit.record("partner.changed", record=partner, detail={"name": partner.name})
            saved(f"Changes to {partner.name} saved.")
            return redirect(url_for("partners.partner", partner_id=partner.id), 303)
    return render_page("partners/edit.html", form=form, partner=partner, changed=changed)


@bp.route("/<int:partner_id>/<any(retire, restore):action>", methods=["POST"])
@requires("partners.edit")
def set_active(partner_id: int, action: str):
    partner = _partner_or_404(partner_id)
    if Form().validate_on_submit():
        service.set_active(partner, action == "restore")
        audit.record(f"partner.{action}d", record=partner, detail={"name": partner.name})
        if action == "restore":
            saved(f"{partner.name} is back on the partners list.")
        else:
            saved(f"{partner.name} is now in the list of past partners.")
    return redirect(url_for("partners.partner", partner_id=partner.id), 303)


@bp.route("/<int:partner_id>/in-reach/new", methods=["GET", "POST"])
@requires("partners.edit")
def new_in_reach(partner_id: int):
    partner = _partner_or_404(partner_id)
    form = InReachForm()
    if form.validate_on_submit():
        session = service.add_in_reach(
            partner,
            weekday=whole_number(form.weekday.data, high=6),
            repeat=form.repeat.data,
            week_of_month=whole_number(form.week_of_month.data, low=1, high=5),
            from_day=form.from_day.data if isinstance(form.from_day.data, date) else None,
            starts_at=form.starts_at.data,
            ends_at=form.ends_at.data,
            what=form.what.data,
            by=me(),
        )
        audit.record("partner.in_reach_added", record=session, detail={"partner": partner.id})
        saved(f"Saved: {service.how_often(session)} at the centre.")
        return redirect(url_for("partners.partner", partner_id=partner.id), 303)
    return render_page("partners/in_reach.html", form=form, partner=partner)


@bp.route("/<int:partner_id>/in-reach/<int:session_id>/stop", methods=["POST"])
@requires("partners.edit")
def stop_in_reach(partner_id: int, session_id: int):
    partner = _partner_or_404(partner_id)
    session = get_or_404(InReachSession, session_id, visible=lambda s: s.partner_id == partner.id)
    if Form().validate_on_submit() and session.active:
        service.stop_in_reach(session)
        audit.record("partner.in_reach_stopped", record=session, detail={"partner": partner.id})
        saved(f"{service.how_often(session)} is off the list now.")
    return redirect(url_for("partners.partner", partner_id=partner.id), 303)
