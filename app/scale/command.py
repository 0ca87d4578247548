"""`flask --app wsgi scale-data`: the command, what it says and what it refuses.

app/cli.py calls `init_app(app)` to add it; nothing here imports app.cli.
"""

from __future__ import annotations

import click
from flask import Flask

from app.core.progress import progress
from app.demo import has_real_data
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


def init_app(app: Flask) -> None:
    @app.cli.command("scale-data")
    @click.option("--clients", default=50_000, show_default=True, type=click.IntRange(1))
    @click.option("--notes", default=2_000_000, show_default=True, type=click.IntRange(0))
    @click.option("--years", default=3, show_default=True, type=click.IntRange(1, 10))
    @click.option("--staff", default=300, show_default=True, type=click.IntRange(10))
    def scale_data(clients, notes, years, staff):
        """Fill an empty database with a large made-up service, to measure speed."""
        run(Sizes(clients=clients, notes=notes, years=years, staff=staff))


def run(sizes: Sizes) -> None:
    if has_real_data():
        raise click.ClickException(
            "This database has data already. Scale data goes only into an empty database."
        )
    click.echo(
        f"Making {sizes.clients:,} client files, {sizes.notes:,} case notes, "
        f"{sizes.years} years of front desk taps and {sizes.staff} staff and trainees."
    )
    with progress("Adding rows") as update:
        made = build(sizes, update)
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
