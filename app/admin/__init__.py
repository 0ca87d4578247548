from flask import Blueprint

from app.core.areas import Area, DemoStep, Tile

bp = Blueprint("admin", __name__, url_prefix="/admin")

AREA = Area(
    blueprint=bp,
    demo=(DemoStep(99, "old files", "app.admin.demo:make_old_file"),),
    tiles=(
        Tile(110, "People and accounts", "people", "admin.users", "admin.users", "Who can sign in"),
        Tile(
            120,
            "Old files",
            "folder",
            "admin.old_files",
            "admin.retention",
            "Files past their time",
        ),
        Tile(130, "Audit log", "audit", "admin.audit_log", "admin.audit", "Who did what, and when"),
        Tile(135, "Settings", "key", "admin.settings", "admin.settings", "Numbers for data files"),
    ),
)

from app.admin import experience_routes, routes, settings_routes  # noqa: E402,F401
