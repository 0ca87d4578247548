"""Care coordination meetings on a person's file: the list, a new one, one meeting, and
marking an action done."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app.access import requires
from app.care import bp, meetings, partner_services, sharing
from app.care.episode_rules import EpisodeClosed, is_editable, open_episode
from app.care.meeting_forms import PERSON, SOMEONE_ELSE, MeetingForm
from app.care.page_helpers import closed_page, header, load_client, no_episode, record_of
from app.care.times import local_moment
from app.core.messages import refused, saved
from app.core.numbers import record_id
from app.core.people import me
from app.core.saving import change_from_form
from app.forms import Form, parse_time
from app.models import CareMeeting
from app.pages import render_page


def _list_url(client) -> str:
    return url_for("care.meetings", client_id=client.id)


@bp.route("/clients/<int:client_id>/meetings", endpoint="meetings")
@requires("clients.open")
def meeting_list(client_id: int):
    client = load_client(client_id, "care meetings")
    return render_page(
        "care/meetings.html",
        found=meetings.for_client(client),
        who_does=meetings.who_does,
        **header(client),
    )


def _choices(form, client) -> None:
    staff = meetings.staff_to_choose()
    form.staff.choices = [(u.id, u.display_name) for u in staff]
    form.partner_ids.choices = [(p.id, p.name) for p in partner_services.active_partners()]
    form.consent_id.choices = sharing.consent_choices(client)
    who = (
        [("", "Choose who"), (PERSON, client.name)]
        + [(str(u.id), u.display_name) for u in staff]
        + [(SOMEONE_ELSE, "Someone else: write their name")]
    )
    for _, fields in form.actions():
        fields["who"].choices = who


def _actions(form, client) -> list[meetings.ActionData]:
    found = []
    for _, f in form.actions():
        what = (f["what"].data or "").strip()
        if not (what or f["who"].data or f["due_on"].data or (f["who_name"].data or "").strip()):
            continue
        who = f["who"].data
        user_id = record_id(who) if who not in (PERSON, SOMEONE_ELSE, "", None) else None
        if who not in (PERSON, SOMEONE_ELSE, "", None) and user_id is None:
            abort(404)
        who_name = client.name if who == PERSON else f["who_name"].data
        found.append(meetings.ActionData(what, f["due_on"].data, user_id, who_name))
    return found


@bp.route("/clients/<int:client_id>/meetings/new", methods=["GET", "POST"])
@requires("clients.open")
def meeting_new(client_id: int):
    client = load_client(client_id, "new care meeting")
    if open_episode(client) is None:
        return no_episode(
            client, MeetingForm() if request.method == "POST" else None, _list_url(client)
        )
    form = MeetingForm()
    _choices(form, client)
    if request.method == "GET":
        form.staff.data = [me().id]
    no_consent = False
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: meetings.record_meeting(
                client,
                meetings.MeetingData(
                    held_at=local_moment(form.on_day.data, parse_time(form.at_time.data)),
                    agreed=form.agreed.data or "",
                    person_came=form.person_came.data,
                    staff_ids=form.staff.data or [],
                    partner_ids=form.partner_ids.data or [],
                    typed_service=form.typed_service.data,
                    consent_id=record_id(form.consent_id.data),
                    others_present=form.others_present.data,
                    others_agreed=form.others_agreed.data,
                    actions=_actions(form, client),
                ),
                me(),
            ),
        )
        no_consent = isinstance(outcome.refusal, sharing.NotAgreed)
        if isinstance(outcome.refusal, EpisodeClosed):
            return closed_page(client, form, _list_url(client))
        if outcome.saved:
            saved("Care meeting saved. It is on the timeline.")
            return redirect(
                url_for("care.meeting", client_id=client.id, meeting_id=outcome.result.id), 303
            )
    return render_page("care/meeting_form.html", form=form, no_consent=no_consent, **header(client))


@bp.route("/clients/<int:client_id>/meetings/<int:meeting_id>")
@requires("clients.open")
def meeting(client_id: int, meeting_id: int):
    client = load_client(client_id, "care meeting")
    record = record_of(CareMeeting, meeting_id, client)
    return render_page(
        "care/meeting.html",
        record=record,
        who_does=meetings.who_does,
        editable=is_editable(record),
        done_form=Form(),
        **header(client),
    )


@bp.route(
    "/clients/<int:client_id>/meetings/<int:meeting_id>/actions/<int:action_id>/done",
    methods=["POST"],
)
@requires("clients.open")
def meeting_action_done(client_id: int, meeting_id: int, action_id: int):
    client = load_client(client_id, "care meeting action")
    record = record_of(CareMeeting, meeting_id, client)
    action = next((a for a in record.actions if a.id == action_id), None)
    if action is None:
        abort(404)
    back = url_for("care.meeting", client_id=client.id, meeting_id=record.id)
    form = Form()
    if not form.validate_on_submit():
        abort(400)
    outcome = change_from_form(
        form, lambda: meetings.mark_action_done(action, client=client, user=me())
    )
    if isinstance(outcome.refusal, EpisodeClosed):
        return closed_page(client, back_url=back)
    if outcome.refusal is not None:
        refused(outcome.refusal.message)
    else:
        saved(f"Action {action.position} marked done.")
    return redirect(back, 303)
