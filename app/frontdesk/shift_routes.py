"""Volunteer shifts: start and end at the desk; seniors record or finish one; hours per week."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_login import current_user

from app import audit, clock
from app.access import can, requires
from app.frontdesk import bp, shift_service
from app.frontdesk.forms import ShiftEndForm, ShiftRecordForm
from app.frontdesk.routes import current_desk
from app.pages import render_page


def _me():
    return current_user._get_current_object()


def _hours_text(hours: float) -> str:
    whole = round(hours * 2) / 2  # to the nearest half hour
    text = f"{whole:g}"
    return f"{text} hour" if whole == 1 else f"{text} hours"


def _clock(local) -> str:
    return f"{local.hour % 12 or 12}:{local:%M}{'am' if local.hour < 12 else 'pm'}"


@bp.route("/shifts/start", methods=["POST"])
@requires("frontdesk.count")
def start_my_shift():
    shift, started = shift_service.start_shift(_me(), desk=current_desk())
    when = _clock(shift.started_at.astimezone(clock.CANBERRA))
    flash(f"Your shift started at {when}." if started else "Your shift has started already.")
    return redirect(url_for("frontdesk.day"), 303)


@bp.route("/shifts/end", methods=["POST"])
@requires("frontdesk.count")
def end_my_shift():
    shift = shift_service.open_shift(_me())
    if shift is None:
        flash("You have no shift going.")
    else:
        shift_service.end_shift(shift)
        flash(f"Shift ended: {_hours_text(shift_service.hours(shift))}. Thank you!")
    return redirect(url_for("frontdesk.day"), 303)


@bp.route("/shifts")
@requires("frontdesk.count")
def shifts():
    return _shifts_page()


def _shifts_page(failed: ShiftEndForm | None = None, failed_id: int | None = None):
    everyone = can("training.manage")
    people = shift_service.people_with_shifts(None if everyone else _me())
    mondays, rows = shift_service.weekly_hours(people)
    open_shifts = shift_service.open_shifts() if everyone else []
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
        recent=shift_service.recent_shifts(None if everyone else _me()),
        open_shifts=open_shifts,
        end_forms=end_forms,
        names={p.id: p.display_name for p in shift_service.people_who_can_do_shifts()},
        hours=shift_service.hours,
        hours_text=_hours_text,
    )


def _people_choices() -> list[tuple[str, str]]:
    return [(str(p.id), p.display_name) for p in shift_service.people_who_can_do_shifts()]


@bp.route("/shifts/new", methods=["GET", "POST"])
@requires("training.manage")
def new_shift():
    form = ShiftRecordForm()
    form.person.choices = [("0", "Choose a person")] + _people_choices()
    if form.validate_on_submit():
        person = next(
            p for p in shift_service.people_who_can_do_shifts() if str(p.id) == form.person.data
        )
        shift = shift_service.record_shift(
            user=person, day=form.day.data, starts=form.starts.data, ends=form.ends.data, by=_me()
        )
        audit.record("shift.recorded", record=shift, detail={"user": person.id})
        flash(f"Shift saved for {person.display_name}: {_hours_text(shift_service.hours(shift))}.")
        return redirect(url_for("frontdesk.shifts"), 303)
    return render_page("frontdesk/new_shift.html", form=form)


@bp.route("/shifts/<int:shift_id>/end", methods=["POST"])
@requires("training.manage")
def end_shift(shift_id: int):
    shift = shift_service.get_shift(shift_id)
    if shift is None:
        abort(404)
    if shift.ended_at is not None:
        # Someone ended it while this page was open: their end time stays.
        ended = shift.ended_at.astimezone(clock.CANBERRA)
        flash(f"Someone else ended this shift already. It ended at {_clock(ended)}.")
        return redirect(url_for("frontdesk.shifts"), 303)
    form = ShiftEndForm(prefix=f"shift-{shift.id}")
    day = shift.started_at.astimezone(clock.CANBERRA).date()
    if form.validate_on_submit():
        ends = shift_service.at(day, form.ends.data)
        if ends <= shift.started_at:
            form.ends.errors.append("The end time must be after the start time")
        elif ends > clock.now():
            form.ends.errors.append("The end time must not be later than now")
        else:
            shift_service.end_shift(shift, at=ends)
            audit.record("shift.ended", record=shift, detail={"user": shift.user_id})
            flash(f"Shift ended: {_hours_text(shift_service.hours(shift))}.")
            return redirect(url_for("frontdesk.shifts"), 303)
    return _shifts_page(form, shift.id)
