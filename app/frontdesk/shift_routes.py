"""Volunteer shifts: start and end at the desk; seniors record or finish one; hours per week.
Shadow shifts: a trainee records time beside the volunteer on duty, who says yes or no."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app import audit, clock
from app.access import can, get_or_404, requires
from app.core.messages import refused, saved, told
from app.core.people import me, user_by_id, users_by_id
from app.core.saving import change_from_form
from app.forms import Form
from app.frontdesk import bp, volunteer_shifts
from app.frontdesk.forms import ShadowShiftForm, ShiftEndForm, ShiftRecordForm
from app.frontdesk.routes import current_desk
from app.models import Shift
from app.pages import render_page
from app.templating import time_of_day


def _hours_text(hours: float) -> str:
    """A shift's length in words: minutes under an hour (a short shift is not "0 hours"),
    then hours to the nearest half hour."""
    if hours < 1:
        minutes = round(hours * 3600) // 60  # whole minutes, from whole seconds
        if minutes < 1:
            return "less than a minute"
        return "1 minute" if minutes == 1 else f"{minutes} minutes"
    whole = round(hours * 2) / 2  # to the nearest half hour
    text = f"{whole:g}"
    return f"{text} hour" if whole == 1 else f"{text} hours"


@bp.route("/shifts/start", methods=["POST"])
@requires("frontdesk.count")
def start_my_shift():
    shift, started = volunteer_shifts.start_shift(me(), desk=current_desk())
    when = time_of_day(shift.started_at)
    if started:
        saved(f"Your shift started at {when}.")
    else:
        told("Your shift has started already.")
    return redirect(url_for("frontdesk.day"), 303)


@bp.route("/shifts/end", methods=["POST"])
@requires("frontdesk.count")
def end_my_shift():
    shift = volunteer_shifts.open_shift(me())
    if shift is None:
        told("You have no shift going.")
    else:
        volunteer_shifts.end_shift(shift)
        saved(f"Shift ended: {_hours_text(volunteer_shifts.hours(shift))}. Thank you!")
    return redirect(url_for("frontdesk.day"), 303)


@bp.route("/shifts")
@requires("frontdesk.count")
def shifts():
    return _shifts_page()


def _shifts_page(failed: ShiftEndForm | None = None, failed_id: int | None = None):
    everyone = can("training.manage")
    people = volunteer_shifts.people_with_shifts(None if everyone else me())
    mondays, rows = volunteer_shifts.weekly_hours(people)
    open_shifts = volunteer_shifts.open_shifts() if everyone else []
    end_forms = {
        s.id: failed if s.id == failed_id else ShiftEndForm(formdata=None, prefix=f"shift-{s.id}")
        for s in open_shifts
    }
    return render_page(
        "frontdesk/shifts.html",
        form=failed,
        everyone=everyone,
        mondays=mondays,
        rows=rows,
        recent=volunteer_shifts.recent_shifts(None if everyone else me()),
        open_shifts=open_shifts,
        end_forms=end_forms,
        names={p.id: p.display_name for p in volunteer_shifts.people_who_can_do_shifts()},
        hours=volunteer_shifts.hours,
        hours_text=_hours_text,
    )


def _people_choices() -> list[tuple[str, str]]:
    return [(str(p.id), p.display_name) for p in volunteer_shifts.people_who_can_do_shifts()]


@bp.route("/shifts/new", methods=["GET", "POST"])
@requires("training.manage")
def new_shift():
    form = ShiftRecordForm()
    form.person.choices = [("0", "Choose a person")] + _people_choices()
    if form.validate_on_submit():
        person = next(
            p for p in volunteer_shifts.people_who_can_do_shifts() if str(p.id) == form.person.data
        )
        shift = volunteer_shifts.record_shift(
            user=person, day=form.day.data, starts=form.starts.data, ends=form.ends.data, by=me()
        )
        audit.record("shift.recorded", record=shift, detail={"user": person.id})
        hours = _hours_text(volunteer_shifts.hours(shift))
        saved(f"Shift saved for {person.display_name}: {hours}.")
        return redirect(url_for("frontdesk.shifts"), 303)
    return render_page("frontdesk/new_shift.html", form=form)


@bp.route("/shifts/<int:shift_id>/end", methods=["POST"])
@requires("training.manage")
def end_shift(shift_id: int):
    shift = get_or_404(Shift, shift_id)
    if shift.ended_at is not None:
        # Someone ended it while this page was open: their end time stays.
        ended = time_of_day(shift.ended_at)
        refused(f"Someone else ended this shift already. It ended at {ended}.")
        return redirect(url_for("frontdesk.shifts"), 303)
    form = ShiftEndForm(prefix=f"shift-{shift.id}")
    day = shift.started_at.astimezone(clock.CANBERRA).date()
    if form.validate_on_submit():
        ends = volunteer_shifts.at(day, form.ends.data)
        if ends <= shift.started_at:
            form.ends.errors.append("The end time must be after the start time")
        elif ends > clock.now():
            form.ends.errors.append("The end time must not be later than now")
        else:
            volunteer_shifts.end_shift(shift, at=ends)
            audit.record("shift.ended", record=shift, detail={"user": shift.user_id})
            saved(f"Shift ended: {_hours_text(volunteer_shifts.hours(shift))}.")
            return redirect(url_for("frontdesk.shifts"), 303)
    return _shifts_page(form, shift.id)


# --- shadow shifts ---------------------------------------------------------------------------


@bp.route("/shadow/new", methods=["GET", "POST"])
@requires("training.own")
def new_shadow_shift():
    """A trainee records time at the desk beside the volunteer on duty."""
    form = ShadowShiftForm()
    on_duty = volunteer_shifts.people_on_duty(me())
    form.person.choices = [("0", "Choose a person")] + [
        (str(p.id), p.display_name) for p in on_duty
    ]
    if request.method == "GET":
        form.day.process(None, clock.today())
    if form.validate_on_submit():
        with_user = next(p for p in on_duty if str(p.id) == form.person.data)
        outcome = change_from_form(
            form,
            lambda: volunteer_shifts.record_shadow_shift(
                trainee=me(),
                with_user=with_user,
                day=form.day.data,
                starts=form.starts.data,
                ends=form.ends.data,
            ),
        )
        if outcome.saved:
            audit.record(
                "shift.shadow_recorded", record=outcome.result, detail={"with": with_user.id}
            )
            saved(
                f"Saved. {with_user.display_name} will be asked to say you were with them. "
                "Your hours count once they do."
            )
            return redirect(url_for("training.hours"), 303)
    return render_page("frontdesk/new_shadow_shift.html", form=form, on_duty=on_duty)


def shadow_panel() -> dict | None:
    """The home page panel "Were they with you?": shadow shifts waiting for this volunteer's
    answer. None when there are none."""
    waiting = volunteer_shifts.shadow_shifts_to_answer(me())
    if not waiting:
        return None
    names = {p.id: p.display_name for p in users_by_id([s.user_id for s in waiting]).values()}
    return {"waiting": waiting, "names": names}


@bp.route("/shadow/<int:shift_id>/answer", methods=["POST"])
@requires("frontdesk.count")
def answer_shadow_shift(shift_id: int):
    """Only the volunteer the trainee named can answer (a 404 to anyone else)."""
    shift = get_or_404(
        Shift,
        shift_id,
        visible=lambda s: s.kind == volunteer_shifts.SHADOW and s.shadowing_with_id == me().id,
    )
    answer = request.form.get("answer")
    if not Form().validate_on_submit() or answer not in ("yes", "no"):
        abort(400)
    person = user_by_id(shift.user_id)
    trainee = person.display_name if person else "They"
    if not volunteer_shifts.answer_shadow_shift(shift, yes=answer == "yes"):
        told("You answered this one already.")
    elif answer == "yes":
        audit.record("shift.shadow_confirmed", record=shift, detail={"user": shift.user_id})
        hours = _hours_text(volunteer_shifts.hours(shift))
        saved(f"Thank you. {trainee}'s {hours} with you now count.")
    else:
        audit.record("shift.shadow_declined", record=shift, detail={"user": shift.user_id})
        saved(f"Thank you. {trainee}'s time is not counted. Their trainer can talk with them.")
    return redirect(url_for("home.index"), 303)
