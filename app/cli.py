"""Commands: flask --app wsgi first-run | demo-data | user-create | user-disable | ..."""

from __future__ import annotations

import os
from pathlib import Path

import click
import pyotp
from flask import Flask
from sqlalchemy import func, select

from app import audit
from app.access import ROLES
from app.auth import public as auth
from app.core import people
from app.core.progress import progress
from app.demo import has_real_data, load_demo_data
from app.extensions import db
from app.models import User
from app.scale import public as scale


def _user_or_fail(username: str) -> User:
    user = auth.get_user_by_username(username)
    if user is None:
        raise click.ClickException(f"No account called {username!r}.")
    return user


def _password_from_env_or_prompt(username: str) -> str:
    password = os.environ.get("PEERDESK_PASSWORD") or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )
    problem = auth.password_problem(password, username=username)
    if problem:
        raise click.ClickException(problem + ".")
    return password


def _backup_key(key_file: Path | None) -> bytes | None:
    """The key for encrypted backups: from the file given, else PEERDESK_BACKUP_KEY, else none."""
    if key_file is not None:
        return key_file.read_bytes().strip()
    key = os.environ.get("PEERDESK_BACKUP_KEY", "").strip()
    return key.encode() if key else None


def init_app(app: Flask) -> None:
    @app.cli.command("first-run")
    def first_run():
        """On an empty database, make the first manager with a one-time password."""
        if db.session.scalar(select(func.count()).select_from(User)):
            click.echo("Accounts exist already: nothing to do.")
            return
        password = auth.one_time_password()
        auth.create_user(
            username=people.SET_UP_USERNAME,
            display_name="First manager",
            role="manager",
            password=password,
            must_change_password=True,
        )
        db.session.commit()
        click.echo("First manager account made. Sign in and choose a new password:")
        click.echo(f"  username: {people.SET_UP_USERNAME}")
        click.echo(f"  one-time password: {password}")

    @app.cli.command("demo-data")
    @click.option("--if-empty", is_flag=True, help="Skip quietly when there is data already.")
    def demo_data(if_empty):
        """Fill an empty database with demo data for every area."""
        if has_real_data():
            if if_empty:
                click.echo("The database has data already: no demo data added.")
                return
            raise click.ClickException("This database has real data. Demo data was not added.")
        context = load_demo_data()
        click.echo("\n".join(context.printed))

    @app.cli.command("demo-code")
    @click.argument("username")
    def demo_code(username):
        """The current two-step code of a demo account (demo accounts only)."""
        user = _user_or_fail(username)
        if user.totp_secret != auth.demo_totp_secret(user.username):
            raise click.ClickException("Only demo accounts have a code here.")
        click.echo(pyotp.TOTP(user.totp_secret).now())

    @app.cli.command("backup-key")
    @click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
    def backup_key_command(file):
        """Make a key for encrypted backups in FILE. Keep a copy away from the server."""
        from app.backup import new_key

        if file.exists():
            raise click.ClickException(f"{file} is there already: it was not changed.")
        file.touch(mode=0o600)
        file.write_bytes(new_key() + b"\n")
        click.echo(f"Backup key made: {file}. Without it, encrypted backups cannot be read.")

    @app.cli.command("backup")
    @click.option(
        "--to",
        "folder",
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder for the backup (default: instance/backups).",
    )
    @click.option(
        "--encrypt-key-file",
        "key_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        envvar="PEERDESK_BACKUP_KEY_FILE",
        help="Lock the backup with this key (or the key in PEERDESK_BACKUP_KEY).",
    )
    def backup_command(folder, key_file):
        """Make a consistent copy of the database into a dated file, while the app runs.

        Also makes the database and backups readable by this user alone, and removes the
        backups older than PEERDESK_BACKUP_KEEP_DAYS (35 days unless set).
        """
        from app.backup import BackupKeyError, backup, remove_old_backups
        from app.config import keep_files_private

        folder = folder or Path(app.instance_path) / "backups"
        url = app.config["SQLALCHEMY_DATABASE_URI"]
        keep_files_private(app.instance_path, url)
        try:
            with progress("Backing up") as update:
                file = backup(url, folder, update, key=_backup_key(key_file))
        except BackupKeyError as error:
            raise click.ClickException(str(error)) from None
        removed = remove_old_backups(folder, app.config["BACKUP_KEEP_DAYS"])
        detail = {"file": file.name, "encrypted": file.suffix == ".enc", "removed": len(removed)}
        audit.record("database.backed_up", detail=detail)
        db.session.commit()
        click.echo(f"Backup made: {file}")
        if removed:
            days = app.config["BACKUP_KEEP_DAYS"]
            click.echo(f"Removed {len(removed)} backups older than {days} days.")

    @app.cli.command("restore")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--yes", is_flag=True, help="Do not ask before replacing the data.")
    @click.option(
        "--key-file",
        "--encrypt-key-file",
        "key_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        envvar="PEERDESK_BACKUP_KEY_FILE",
        help="The key an encrypted backup was made with (or PEERDESK_BACKUP_KEY).",
    )
    def restore_command(file, yes, key_file):
        """Replace everything in the database with a backup. Stop the app first."""
        from app.backup import BackupKeyError, restore

        if not yes:
            click.confirm("This replaces everything in the database. Go on?", abort=True)
        db.session.remove()
        db.engine.dispose()
        try:
            with progress("Restoring") as update:
                restore(app.config["SQLALCHEMY_DATABASE_URI"], file, update, _backup_key(key_file))
        except BackupKeyError as error:
            raise click.ClickException(f"{error} Nothing was changed.") from None
        audit.record("database.restored", detail={"file": file.name})
        db.session.commit()
        click.echo(f"Restored from {file}")

    @app.cli.command("user-create")
    @click.argument("username")
    @click.option("--role", type=click.Choice(list(ROLES)), required=True)
    @click.option("--name", "display_name", help="The name shown (default: the username).")
    @click.option("--totp-secret", help="Base32 authenticator secret, for scripted set-ups.")
    def user_create(username, role, display_name, totp_secret):
        """Make an account. Password from PEERDESK_PASSWORD or a prompt."""
        if auth.get_user_by_username(username):
            raise click.ClickException(f"There is already an account called {username!r}.")
        if totp_secret:
            try:
                pyotp.TOTP(totp_secret).now()
            except Exception as error:
                raise click.ClickException("That is not a base32 secret.") from error
        auth.create_user(
            username=username,
            display_name=display_name or username,
            role=role,
            password=_password_from_env_or_prompt(username),
            totp_secret=totp_secret,
        )
        db.session.commit()
        click.echo(f"Account {username} made ({ROLES[role]}).")

    @app.cli.command("user-disable")
    @click.argument("username")
    def user_disable(username):
        """Stop an account signing in, and end its sessions."""
        user = _user_or_fail(username)
        if auth.is_last_manager(user):
            raise click.ClickException("That is the last manager. Make another manager first.")
        auth.disable_user(user, by=None)
        db.session.commit()
        click.echo(f"Account {username} can no longer sign in.")

    @app.cli.command("user-reset-password")
    @click.argument("username")
    def user_reset_password(username):
        """Give an account a one-time password, to change at next sign-in."""
        user = _user_or_fail(username)
        password = auth.one_time_password()
        auth.set_password(user, password, must_change=True, by=None)
        auth.unlock_user(user, by=None)
        db.session.commit()
        click.echo(f"One-time password for {username}: {password}")

    scale.init_app(app)
