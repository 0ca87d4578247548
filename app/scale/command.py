"""What `flask --app wsgi scale-data` says and refuses (the command itself is in app.cli)."""

from __future__ import annotations

import click

from app.cli import _progress
from app.scale import ROLE_PREFIX, SCALE_PASSWORD, SCALE_TOTP_SECRET, Sizes, build

SHOWN = (
    ("user", "staff and trainees"),
    ("client", "client files"),
    ("episode", "episodes of care"),
    ("case_note", "case notes"),
    ("timeline_entry", "timeline lines"),
    ("audit_event", "audit log entries"),
    ("appointment", "appointments"),
    ("referral", "referrals"),
    ("consent", "consents"),
    ("tally_event", "front desk taps"),
    ("handover", "handovers"),
)


def run(sizes: Sizes) -> None:
    from app import demo_areas  # noqa: F401  (each area names the tables that hold real work)
    from app.demo import has_real_data

    if has_real_data():
        raise click.ClickException(
            "This database has data already. Scale data goes only into an empty database."
        )
    click.echo(
        f"Making {sizes.clients:,} client files, {sizes.notes:,} case notes, "
        f"{sizes.years} years of front desk taps and {sizes.staff} staff and trainees."
    )
    with _progress("Adding rows") as progress:
        made = build(sizes, progress)
    click.echo(f"Made in {made.seconds:.0f} seconds:")
    for table, words in SHOWN:
        click.echo(f"  {made.counts.get(table, 0):>10,} {words}")
    click.echo(f"  {sum(made.counts.values()):>10,} rows in all")
    if made.busiest_client:
        click.echo(
            f"The file with the most case notes: client {made.busiest_client} "
            f"({made.busiest_notes:,} notes)."
        )
    roles = sizes.roles()
    click.echo("Accounts (all with the same password and two-step secret):")
    for role, prefix in ROLE_PREFIX.items():
        click.echo(f"  {prefix}-1 to {prefix}-{roles[role]}")
    click.echo(f"  password: {SCALE_PASSWORD}")
    click.echo(f"  two-step secret (workers, seniors, managers): {SCALE_TOTP_SECRET}")
