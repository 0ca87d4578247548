"""`flask --app wsgi nmds-export --year 2025`: the national data file from the command line."""

from __future__ import annotations

from pathlib import Path

import click

from app import audit
from app.core.progress import progress
from app.extensions import db
from app.reports import bp, nmds


@bp.cli.command("nmds-export")
@click.option(
    "--year",
    type=click.IntRange(2000, 2100),
    required=True,
    help="The year the financial year starts in: 2025 for 1 July 2025 to 30 June 2026.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the CSV (default: aodts-nmds-episodes-YYYY-YY.csv here).",
)
def nmds_export(year: int, out: Path | None) -> None:
    """Write every PTSS episode closed in a financial year as the AODTS-NMDS CSV."""
    problem = nmds.establishment_problem(nmds.establishment_id())
    if problem:
        raise click.ClickException(
            f"{problem}, so the file cannot be made. A manager sets it in the app "
            "(Settings), or set PEERDESK_ESTABLISHMENT_ID for the deployment."
        )
    with progress("Building the episode rows") as update:
        result = nmds.build_year(year, update)
    path = out or Path(nmds.file_name(result, "csv"))
    path.write_text(nmds.as_csv(result), encoding="utf-8")
    audit.record(
        "report.nmds_exported",
        detail={
            "year": year,
            "format": "csv",
            "episodes": len(result.rows),
            "to_fix": len(result.flagged),
            "not_stated": result.not_stated_total,
            "via": "command",
        },
    )
    db.session.commit()
    click.echo(f"{len(result.rows)} episodes for {result.words} written to {path}.")
    if result.flagged:
        click.echo(
            f"{len(result.flagged)} episodes have something to fix; "
            f"{result.not_stated_total} items went as 'not stated'. "
            "See Reports, National data, in the app."
        )
