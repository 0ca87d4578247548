"""Consent to share information (Appendix One): a short journey, a list, a printable form."""

from __future__ import annotations

from datetime import date

from flask import abort, redirect, request, url_for

from app import audit, clock, locking
from app.access import get_or_404, requires
from app.clients import bp, consents, drafts, signatures
from app.clients.consent_forms import (
    HOW_GIVEN,
    SHARES,
    ConsentHowForm,
    ConsentWhatForm,
    ConsentWhoForm,
    ConsentWithdrawForm,
)
from app.clients.page_helpers import (
    get_client_for_current_user,
    get_draft_or_404,
    header,
    open_client,
)
from app.core.messages import saved, told
from app.core.numbers import record_id
from app.core.people import me
from app.core.saving import change_from_form
from app.forms import Form
from app.models import Consent
from app.pages import render_page
from app.partners import public as partners

STEPS = (
    ("who", "Who they want us to share with", ConsentWhoForm),
    ("what", "What we may share", ConsentWhatForm),
    ("how", "How they gave consent", ConsentHowForm),
)
STEP_KEYS = [s[0] for s in STEPS]
DATES = {"given_on", "expires_on"}


def _consent_or_404(client, consent_id: int) -> Consent:
    return get_or_404(Consent, consent_id, visible=lambda c: c.client_id == client.id)


@bp.route("/<int:client_id>/consents")
@requires("clients.open")
def consent_list(client_id: int):
    client = open_client(client_id, "consents")
    return render_page(
        "clients/consents.html",
        consents=consents.consents_for(client),
        consent_status=consents.status,
        covers=consents.covers_words,
        status_words=consents.STATUS_WORDS,
        drafts=[d for d in drafts.my_drafts(me(), "consent") if d.client_id == client.id],
        form=Form(),
        **header(client),
    )


@bp.route("/<int:client_id>/consents/new", methods=["POST"])
@requires("clients.open")
def consent_new(client_id: int):
    client = get_client_for_current_user(client_id)
    if not Form().validate_on_submit():
        abort(400)
    draft = drafts.create_draft(me(), kind="consent", client=client)
    return redirect(
        url_for("clients.consent_step", client_id=client.id, draft_id=draft.id, step_key="who"), 303
    )


def _draft(client, draft_id: int, lock: bool = False):
    draft = get_draft_or_404(draft_id, kind="consent", lock=lock)
    if draft.client_id != client.id:
        abort(404)
    return draft


def _form_data(answers: dict) -> dict:
    data = dict(answers)
    for name in DATES:
        if data.get(name):
            data[name] = date.fromisoformat(data[name])
    return data


@bp.route("/<int:client_id>/consents/draft/<int:draft_id>/<step_key>", methods=["GET", "POST"])
@requires("clients.open")
def consent_step(client_id: int, draft_id: int, step_key: str):
    client = get_client_for_current_user(client_id)
    draft = _draft(client, draft_id)
    if draft.status == "done" and draft.result_id:
        return redirect(
            url_for("clients.consent", client_id=client.id, consent_id=draft.result_id), 303
        )
    if step_key not in STEP_KEYS or draft.status != "open":
        abort(404)
    number = STEP_KEYS.index(step_key)
    _, title, form_class = STEPS[number]
    if request.method == "POST":
        form = form_class()
        partners_listed = _with_partners(form)
        if form.validate():
            values = {}
            for field in form:
                if field.name == "csrf_token":
                    continue
                value = field.data
                if field.name in DATES:
                    value = value.isoformat() if value else None
                values[field.name] = value if value not in ("",) else None
            if step_key == "who":
                values.update(_who(values, partners_listed))
            draft.answers = {**(draft.answers or {}), **values}
            draft.updated_at = clock.now()
            if request.form.get("then") == "stop":
                saved("Draft kept. You can carry on from the consents page.")
                return redirect(url_for("clients.consent_list", client_id=client.id), 303)
            if number + 1 < len(STEPS) and request.form.get("then") != "check":
                return redirect(
                    url_for(
                        "clients.consent_step",
                        client_id=client.id,
                        draft_id=draft.id,
                        step_key=STEP_KEYS[number + 1],
                    ),
                    303,
                )
            return redirect(
                url_for("clients.consent_check", client_id=client.id, draft_id=draft.id), 303
            )
    else:
        audit.record(
            "client.viewed",
            record=client,
            client_id=client.id,
            detail={"page": f"consent {step_key}"},
        )
        data = _form_data(draft.answers or {})
        if step_key == "how" and not data.get("given_on"):
            data["given_on"] = clock.today()
        if step_key == "who" and data.get("partner_id"):
            data["partner_id"] = str(data["partner_id"])
            data["party_name"] = ""  # it holds the partner's name, shown as the choice
        form = form_class(data=data)
        _with_partners(form)
    back = (
        url_for(
            "clients.consent_step",
            client_id=client.id,
            draft_id=draft.id,
            step_key=STEP_KEYS[number - 1],
        )
        if number
        else url_for("clients.consent_list", client_id=client.id)
    )
    return render_page(
        "clients/consent_step.html",
        form=form,
        client=client,
        draft=draft,
        title=title,
        step_key=step_key,
        number=number + 1,
        count=len(STEPS),
        back_url=back,
    )


def _with_partners(form) -> dict[int, str]:
    """The who step lists the active partner services, by name: {id: name}."""
    if not hasattr(form, "partner_id"):
        return {}
    listed = {p.id: p.name for p in partners.find_partners()}
    form.partner_id.choices = [("", "Choose a service")] + [
        (str(i), name) for i, name in listed.items()
    ]
    return listed


def _who(values: dict, listed: dict[int, str]) -> dict:
    """A partner chosen: its id, and its name as it is today. Else the name typed."""
    partner_id = record_id(values.get("partner_id"))
    if partner_id in listed:
        return {"partner_id": partner_id, "party_name": listed[partner_id]}
    return {"partner_id": None}


def _check_rows(client, draft) -> list[tuple[str, str, str]]:
    a = draft.answers or {}
    how = HOW_GIVEN.get(a.get("how_given") or "", "")
    if a.get("how_given") == "verbal" and a.get("witness"):
        how = f"{how}: {a['witness']}"
    given = date.fromisoformat(a["given_on"]) if a.get("given_on") else None
    expires = (
        date.fromisoformat(a["expires_on"])
        if a.get("expires_on")
        else consents.default_expiry(given)
        if given
        else None
    )
    shares = [SHARES[k] for k in a.get("shares") or [] if k in SHARES]
    if a.get("shares_other"):
        shares.append(a["shares_other"])
    fmt = lambda d: f"{d.day} {d:%B %Y}" if d else ""  # noqa: E731
    return [
        (
            "Who it is with",
            consents.who_words(a.get("party_name"), a.get("partner_id")),
            "who",
        ),
        ("Relationship or organisation", a.get("relationship_to") or "", "who"),
        ("How to contact them", a.get("contact_details") or "", "who"),
        ("What we may share", "; ".join(shares), "what"),
        ("How they gave consent", how, "how"),
        ("Date given", fmt(given), "how"),
        ("Review or end date", fmt(expires), "how"),
    ]


@bp.route("/<int:client_id>/consents/draft/<int:draft_id>/check", methods=["GET", "POST"])
@requires("clients.open")
def consent_check(client_id: int, draft_id: int):
    client = get_client_for_current_user(client_id)
    draft = _draft(client, draft_id, lock=request.method == "POST")
    if draft.status == "done" and draft.result_id:
        return redirect(
            url_for("clients.consent", client_id=client.id, consent_id=draft.result_id), 303
        )
    if draft.status != "open":
        abort(404)
    form = Form()
    if request.method == "GET":
        audit.record(
            "client.viewed", record=client, client_id=client.id, detail={"page": "consent check"}
        )
    answers = draft.answers or {}
    missing = [
        words
        for key, words in (
            ("party_name", "who to share with"),
            ("how_given", "how they gave consent"),
            ("given_on", "the date given"),
        )
        if not answers.get(key)
    ]
    if not (answers.get("shares") or answers.get("shares_other")):
        missing.append("what we may share")
    missing += signatures.missing_from(answers)
    if form.validate_on_submit() and not missing:
        consent = consents.create_consent(client, answers, me())
        signatures.keep(consent, answers, by=me())
        draft.status = "done"
        draft.result_id = consent.id
        saved(f"Consent to share with {consent.party_name} saved.")
        back_to = answers.get("_return_to")  # a page that sent the worker here (a referral)
        if isinstance(back_to, str) and back_to.startswith("/") and not back_to.startswith("//"):
            return redirect(back_to, 303)
        return redirect(url_for("clients.consent", client_id=client.id, consent_id=consent.id), 303)
    return render_page(
        "clients/consent_check.html",
        form=form,
        client=client,
        draft=draft,
        rows=_check_rows(client, draft),
        missing=missing,
    )


@bp.route("/<int:client_id>/consents/<int:consent_id>", methods=["GET", "POST"])
@requires("clients.open")
def consent(client_id: int, consent_id: int):
    if request.method == "POST":
        client = get_client_for_current_user(client_id)
    else:
        client = open_client(client_id, "consent")
    record = _consent_or_404(client, consent_id)
    form = ConsentWithdrawForm()
    changed = None
    if request.method == "GET":
        form.withdrawn_on.data = clock.today()
        form.withdrawn_on.process(None, clock.today())
        locking.stamp(form, record, _withdrawal_shown)
    state = consents.status(record)
    if form.validate_on_submit():
        already = state == "withdrawn"
        outcome = change_from_form(
            form,
            lambda: (
                None
                if already
                else consents.withdraw_consent(
                    record, on=form.withdrawn_on.data, note=form.withdrawn_note.data or None
                )
            ),
            record=record,
            shown=_withdrawal_shown,
        )
        changed = outcome.changed
        if outcome.saved:
            if already:
                told("This consent was taken back already.")
            else:
                saved(f"Consent to share with {record.party_name} taken back.")
            return redirect(
                url_for("clients.consent", client_id=client.id, consent_id=record.id), 303
            )
        state = consents.status(record)  # someone else may have taken it back
    return render_page(
        "clients/consent.html",
        form=form,
        changed=changed,
        consent=record,
        state=state,
        covers=consents.covers_words,
        status_words=consents.STATUS_WORDS,
        shares=SHARES,
        how_given=HOW_GIVEN,
        signed=signatures.has_signature(record),
        **header(client),
    )


def _withdrawal_shown(record: Consent) -> ConsentWithdrawForm:
    return ConsentWithdrawForm(
        formdata=None,
        data={"withdrawn_on": record.withdrawn_on, "withdrawn_note": record.withdrawn_note},
    )


@bp.route("/<int:client_id>/consents/<int:consent_id>/print")
@requires("clients.open")
def consent_print(client_id: int, consent_id: int):
    client = open_client(client_id, "consent print")
    record = _consent_or_404(client, consent_id)
    audit.record("consent.printed", record=record, client_id=client.id)
    return render_page(
        "clients/consent_print.html",
        client=client,
        consent=record,
        shares=SHARES,
        how_given=HOW_GIVEN,
        status_words=consents.STATUS_WORDS,
        state=consents.status(record),
        signed=signatures.has_signature(record),
    )
