"""Reports: the weekly report for the staff meeting, and the national data set export."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Response, current_app, redirect, request, url_for

from app import audit, clock
from app.access import can, requires
from app.core.messages import refused
from app.core.numbers import whole_number
from app.core.people import me
from app.errors import error_response
from app.pages import render_page
from app.reports import bp, nmds, weekly
from app.reports.forms import SCOPES, WeekForm, YearForm
from app.standards import export, financial_years
from app.templating import day as day_words

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def week_args(day: date, scope: str | None = None) -> dict:
    args = {"week-day": day.day, "week-month": day.month, "week-year": day.year}
    if scope:
        args["scope"] = scope
    return args


def day_with_year(value: date | None) -> str:
    """'Wednesday 1 July 2026': the national data page is about years, so every date says it."""
    return clock.day_words(value) if value else ""


@bp.context_processor
def report_helpers():
    return {"week_args": week_args, "day_with_year": day_with_year}


@bp.route("/")
@requires("reports.own")
def index():
    return render_page("reports/index.html", sees_all=can("reports.all"))


def _chosen_week() -> tuple[WeekForm, date | None, str]:
    """The form, the day asked for (None when the form has an error), and whose work."""
    form = WeekForm(formdata=request.args)
    form.validate()
    scope = form.scope.data if can("reports.all") and form.scope.data in SCOPES else None
    scope = scope or ("team" if can("reports.all") else "own")
    if form.week.errors:
        return form, None, scope
    day = form.week.data if isinstance(form.week.data, date) else clock.today()
    return form, day, scope


@bp.route("/weekly", endpoint="weekly")
@requires("reports.own")
def weekly_page():
    form, day, scope = _chosen_week()
    if day is None:
        return render_page(
            "reports/weekly.html",
            form=form,
            search=form,
            report=None,
            scope=scope,
            heading="Weekly report",
            sees_all=can("reports.all"),
        )
    report = weekly.weekly_report(day, worker=None if scope == "team" else me())
    search = WeekForm(formdata=None, data={"week": day, "scope": scope})
    return render_page(
        "reports/weekly.html",
        heading=f"Weekly report, {day_words(report.start)} to {day_words(report.end)}",
        form=None,
        search=search,
        report=report,
        scope=scope,
        sees_all=can("reports.all"),
        earlier=report.start - timedelta(days=7),
        later=report.start + timedelta(days=7) if report.end < clock.today() else None,
    )


@bp.route("/weekly.<any(csv, xlsx):kind>")
@requires("reports.own")
def weekly_download(kind: str):
    form, day, scope = _chosen_week()
    if day is None:
        return error_response(400, form.week.errors[0], "Go back and choose the week again.")
    report = weekly.weekly_report(day, worker=None if scope == "team" else me())
    organisation = current_app.config["ORGANISATION_NAME"]
    audit.record(
        "report.downloaded",
        detail={
            "report": "weekly",
            "format": kind,
            "week": report.start.isoformat(),
            "scope": scope,
        },
    )
    if kind == "csv":
        body, mimetype = weekly.as_csv(report, organisation).encode("utf-8-sig"), "text/csv"
    else:
        body, mimetype = weekly.as_xlsx(report, organisation), XLSX
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{weekly.file_name(report, kind)}"'
    )
    return response


def _chosen_year() -> tuple[YearForm, int]:
    today = clock.today()
    form = YearForm(formdata=request.args)
    offered = nmds.years_to_offer(today)
    form.year.choices = [(str(y), financial_years.financial_year_words(y)) for y in offered]
    chosen = financial_years.financial_year_of(today)  # opens on the year we are in
    if form.year.data and form.validate():
        chosen = whole_number(form.year.data) or chosen
    form = YearForm(formdata=None, data={"year": str(chosen)})
    form.year.choices = [(str(y), financial_years.financial_year_words(y)) for y in offered]
    return form, chosen


FIX_STEP_WORDS = {
    export.FIX_NAME: "Change their name",
    export.FIX_CONTACT: "Change who sent them",
    export.FIX_BIRTH: "Change birth and gender",
    export.FIX_BACKGROUND: "Change background",
    export.FIX_DRUGS: "Change drug use",
    export.FIX_EPISODE: "See the episode",
}


def fix_link(flagged: nmds.Flagged, problem: export.Problem) -> str:
    if problem.fix == export.FIX_EPISODE:
        return url_for(
            "clients.episode", client_id=flagged.client.id, episode_id=flagged.episode.id
        )
    return url_for("clients.change_details", client_id=flagged.client.id, step_key=problem.fix)


@bp.route("/national")
@requires("reports.all")
def national():
    form, year = _chosen_year()
    result = nmds.build_year(year)
    audit.record(
        "report.viewed",
        detail={
            "report": "aodts-nmds check",
            "year": year,
            "episodes": len(result.rows),
            "to_fix": len(result.flagged),
        },
    )
    return render_page(
        "reports/national.html",
        search=form,
        result=result,
        fix_link=fix_link,
        fix_words=FIX_STEP_WORDS,
        item_words=export.ITEM_WORDS,
    )


@bp.route("/national.<any(csv, xlsx):kind>")
@requires("reports.all")
def national_download(kind: str):
    _form, year = _chosen_year()
    problem = nmds.establishment_problem(nmds.establishment_id())
    if problem:
        # A file with the placeholder number would be sent as someone else's service.
        refused(f"{problem}, so the file cannot be made. {nmds.WHERE_TO_SET}")
        return redirect(url_for("reports.national", year=year), 303)
    result = nmds.build_year(year)
    audit.record(
        "report.nmds_exported",
        detail={
            "year": year,
            "format": kind,
            "episodes": len(result.rows),
            "to_fix": len(result.flagged),
            "not_stated": result.not_stated_total,
        },
    )
    if kind == "csv":
        body, mimetype = nmds.as_csv(result).encode("utf-8"), "text/csv"
    else:
        body, mimetype = nmds.as_xlsx(result), XLSX
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{nmds.file_name(result, kind)}"'
    )
    return response
