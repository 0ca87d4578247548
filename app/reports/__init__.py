from flask import Blueprint

from app.core.areas import Area, Tile

# cli_group=None: the national export command is `flask nmds-export`, not under a group.
bp = Blueprint("reports", __name__, url_prefix="/reports", cli_group=None)

AREA = Area(
    blueprint=bp,
    tiles=(
        Tile(90, "Reports", "report", "reports.index", "reports.own", "Weekly report and data"),
    ),
)

from app.reports import commands, routes  # noqa: E402,F401
