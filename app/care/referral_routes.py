"""A person's referrals to partner services: the list, making one (with a consent to share
recorded on the spot when there is none), and what came of it."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for

from app import locking
from app.access import requires
from app.care import bp, partner_services, referrals
from app.care.episode_rules import EpisodeClosed, is_editable, open_episode
from app.care.forms import ReferralForm, ReferralUpdateForm
from app.care.page_helpers import (
    chosen_partner,
    closed_page,
    header,
    load_client,
    no_episode,
    partner_choices,
    record_of,
)
from app.clients import public as clients
from app.core.messages import saved, told
from app.core.numbers import record_id
from app.core.people import me
from app.core.saving import change_from_form
from app.forms import Form
from app.models import Referral
from app.pages import render_page, wants_fragment


@bp.route("/clients/<int:client_id>/referrals", endpoint="referrals")
@requires("clients.open")
def referrals_list(client_id: int):
    client = load_client(client_id, "referrals")
    return render_page(
        "care/referrals.html",
        referrals=referrals.referrals_for(client),
        service_name=referrals.referral_service_name,
        **header(client),
    )


def _from_consent_draft(client) -> dict:
    """What the worker typed before going to record a consent (kept in that draft)."""
    draft_id = record_id(request.args.get("from_consent"))
    if not draft_id:
        return {}
    draft = clients.get_draft_or_404(draft_id, kind="consent")
    if draft.client_id != client.id:
        abort(404)
    kept = dict((draft.answers or {}).get("_referral") or {})
    if draft.result_id and not kept.get("partner_id"):
        kept["consent_id"] = draft.result_id  # the consent just recorded covers the typed one
    return kept


def _fill_choices(form, client) -> None:
    partner_choices(form.partner_id, "Choose a service")
    form.consent_id.choices = [
        (str(c.id), f"{clients.covers_words(c)}, until {c.expires_on.day} {c.expires_on:%B %Y}")
        for c in referrals.typed_consents(client)
    ]


def _covering(client, partner) -> list:
    return referrals.consents_covering(client, partner) if partner is not None else []


@bp.route("/clients/<int:client_id>/referrals/new", methods=["GET", "POST"])
@requires("clients.open")
def referral_new(client_id: int):
    client = load_client(client_id, "new referral")
    back = url_for("care.referrals", client_id=client.id)
    if open_episode(client) is None:
        return no_episode(client, ReferralForm(), back)
    if request.method == "GET":
        kept = _from_consent_draft(client)
        form = ReferralForm(
            data={
                "partner_id": str(kept.get("partner_id") or request.args.get("partner", "")),
                "service_name": kept.get("service_name") or "",
                "service_contact": kept.get("service_contact") or "",
                "consent_id": str(kept.get("consent_id") or ""),
                "suggest": bool(kept.get("suggest")),
                "what_they_do": kept.get("what_they_do") or "",
                "reason": kept.get("reason") or "",
                "appointment_made": bool(kept.get("appointment_made")),
            }
        )
    else:
        form = ReferralForm()
    _fill_choices(form, client)
    no_consent = None
    listed = {value for value, _ in form.partner_id.choices if value}
    chosen = chosen_partner(form.partner_id.data) if form.partner_id.data in listed else None
    if form.validate_on_submit():
        typed = form.service_name.data or None
        outcome = change_from_form(
            form,
            lambda: referrals.create_referral(
                client,
                partner=chosen,
                service_name=typed,
                service_contact=form.service_contact.data or None,
                consent_id=record_id(form.consent_id.data),
                reason=form.reason.data,
                appointment_made=form.appointment_made.data,
                user=me(),
                suggest=form.suggest.data,
                what_they_do=form.what_they_do.data or "",
            ),
        )
        if isinstance(outcome.refusal, EpisodeClosed):
            return closed_page(client, form, back)
        if isinstance(outcome.refusal, referrals.NoConsent):
            form.form_errors.remove(outcome.refusal.message)  # said beside the service
            if chosen is not None:
                form.partner_id.errors.append(outcome.refusal.message)
                no_consent = chosen.name
            else:
                form.consent_id.errors.append(outcome.refusal.message)
                no_consent = typed
        if outcome.saved:
            done = referrals.referral_service_name(outcome.result)
            if typed and form.suggest.data:
                saved(f"Referral to {done} saved. We asked a senior to add it to our list.")
            else:
                saved(f"Referral to {done} saved.")
            return redirect(
                url_for("care.referral", client_id=client.id, referral_id=outcome.result.id), 303
            )
    return render_page(
        "care/referral_form.html",
        form=form,
        no_consent=no_consent,
        chosen=chosen,
        covered_by=_covering(client, chosen),
        covers=clients.covers_words,
        **header(client),
    )


@bp.route("/clients/<int:client_id>/referrals/covers")
@requires("clients.open")
def referral_covers(client_id: int):
    """Which of the person's current consents cover the service chosen (a part of the
    referral form, asked for by htmx when the service changes). Without htmx, the form."""
    if not wants_fragment():
        client = clients.get_client_for_current_user(client_id)  # or 404, as every page
        return redirect(
            url_for(
                "care.referral_new", client_id=client.id, partner=request.args.get("partner_id")
            ),
            303,
        )
    client = load_client(client_id, "referral consent")
    value = request.args.get("partner_id")
    chosen = chosen_partner(value) if value else None
    return render_template(
        "care/referral_covers.html",
        client=client,
        chosen=chosen,
        covered_by=_covering(client, chosen),
        covers=clients.covers_words,
    )


@bp.route("/clients/<int:client_id>/referrals/consent", methods=["POST"])
@requires("clients.open")
def referral_consent(client_id: int):
    """Record a consent for the service on the spot (the client area's consent journey),
    keeping what was typed for the referral, then come back to it. A service from the
    directory starts the consent with it chosen; a typed one, with its name and contact."""
    client = load_client(client_id, "referral consent")
    if not Form().validate_on_submit():
        abort(400)
    partner = chosen_partner(request.form.get("partner_id"))
    typed = " ".join((request.form.get("service_name") or "").split())[:200]
    contact = " ".join((request.form.get("service_contact") or "").split())[:300]
    if partner is None and not typed:
        abort(404)
    kept = {
        "reason": (request.form.get("reason") or "")[:5000],
        "appointment_made": request.form.get("appointment_made") == "y",
    }
    if partner is not None:
        who = {
            "party_name": partner.name,
            "relationship_to": "Partner service",
            "contact_details": partner.phone or partner.email,
            "partner_id": partner.id,
        }
        kept["partner_id"] = partner.id
    else:
        who = {"party_name": typed, "contact_details": contact or None, "partner_id": None}
        kept.update(
            service_name=typed,
            service_contact=contact,
            suggest=request.form.get("suggest") == "y",
            what_they_do=(request.form.get("what_they_do") or "")[:300],
        )
    draft = clients.create_draft(
        me(),
        kind="consent",
        client=client,
        answers={**who, "shares": ["client_here"], "_referral": kept},
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
    changed = None
    if request.method == "GET":
        form = _referral_shown(record)
        locking.stamp(form, record, _referral_shown)
    else:
        form = ReferralUpdateForm()
        if not editable:
            return closed_page(client, form, back)
    if form.validate_on_submit():
        attended = {"yes": True, "no": False}.get(form.attended.data)
        outcome = change_from_form(
            form,
            lambda: referrals.update_referral(
                record,
                appointment_made=form.appointment_made.data,
                attended=attended,
                outcome=form.outcome.data or None,
                user=me(),
                client=client,
            ),
            record=record,
            shown=_referral_shown,
        )
        if isinstance(outcome.refusal, EpisodeClosed):
            return closed_page(client, form, back)
        if outcome.saved:
            saved("Referral saved.") if outcome.result else told("Nothing changed.")
            return redirect(back, 303)
        changed = outcome.changed
    return render_page(
        "care/referral.html",
        form=form,
        changed=changed,
        record=record,
        service_name=referrals.referral_service_name(record),
        partner=partner_services.partner(record.partner_id),
        consent=referrals.consent_of(record),
        editable=editable,
        **header(client),
    )
