from flask import Blueprint

# cli_group=None: the national export command is `flask nmds-export`, not under a group.
bp = Blueprint("reports", __name__, url_prefix="/reports", cli_group=None)

from app.reports import commands, routes  # noqa: E402,F401
