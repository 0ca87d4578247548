"""Numbers for the organisation: a day's summary and the drop-in datasheet with downloads."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Response, current_app, request

from app import audit, clock
from app.access import requires
from app.errors import error_response
from app.frontdesk import bp, day_numbers
from app.frontdesk.forms import DayForm, RangeForm
from app.pages import render_page


def given(field) -> date | None:
    """The date typed in a DateField, or None (the field leaves an "unset" marker otherwise)."""
    return field.data if isinstance(field.data, date) else None


def day_args(day: date) -> dict:
    """The query values that ask for one day (the form's three boxes)."""
    return {"on-day": day.day, "on-month": day.month, "on-year": day.year}


def range_args(start: date, end: date) -> dict:
    return {
        "start-day": start.day,
        "start-month": start.month,
        "start-year": start.year,
        "end-day": end.day,
        "end-month": end.month,
        "end-year": end.year,
    }


@bp.context_processor
def number_helpers():
    return {
        "day_args": day_args,
        "range_args": range_args,
        "hour_label": day_numbers.hour_label,
    }


@bp.route("/summary")
@requires("frontdesk.report")
def summary():
    form = DayForm(formdata=request.args)
    form.validate()
    today = clock.today()
    if form.errors:
        return render_page("frontdesk/summary.html", form=form, summary=None, today=today)
    day = given(form.on) or today
    if given(form.on) is None:
        form = DayForm(formdata=None, data={"on": day})
    return render_page(
        "frontdesk/summary.html",
        form=form,
        summary=day_numbers.day_summary(day),
        earlier=day - timedelta(days=1),
        later=day + timedelta(days=1) if day < today else None,
        today=today,
    )


def _range_from_request() -> tuple[RangeForm, date | None, date | None]:
    form = RangeForm(formdata=request.args)
    form.validate()
    if form.errors:
        return form, None, None
    start, end = day_numbers.this_month()
    start, end = given(form.start) or start, given(form.end) or end
    if start > end:
        start = end.replace(day=1)
    form = RangeForm(formdata=None, data={"start": start, "end": end})
    return form, start, end


@bp.route("/datasheet")
@requires("frontdesk.report")
def datasheet():
    form, start, end = _range_from_request()
    sheet = day_numbers.datasheet(start, end) if start else None
    return render_page(
        "frontdesk/datasheet.html", form=form if form.errors else None, search=form, sheet=sheet
    )


@bp.route("/datasheet.<any(csv, xlsx):kind>")
@requires("frontdesk.report")
def datasheet_download(kind: str):
    form, start, end = _range_from_request()
    if start is None:
        message = next(iter(form.errors.values()))[0]
        return error_response(400, message, "Go back and choose the dates again.")
    sheet = day_numbers.datasheet(start, end)
    audit.record(
        "frontdesk.datasheet_exported",
        detail={"format": kind, "from": start.isoformat(), "to": end.isoformat()},
    )
    name = f"drop-in-datasheet-{start.isoformat()}-to-{end.isoformat()}.{kind}"
    if kind == "csv":
        body = day_numbers.datasheet_csv(sheet).encode("utf-8-sig")
        mimetype = "text/csv"
    else:
        body = day_numbers.datasheet_xlsx(sheet, current_app.config["ORGANISATION_NAME"])
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
