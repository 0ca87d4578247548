"""Signing in and out, two-step codes, server-side sessions and staff accounts. Other areas
use only `public.py`."""

from flask import Blueprint

from app.core.areas import Area, DemoStep, Tile

bp = Blueprint("auth", __name__)

AREA = Area(
    blueprint=bp,
    demo=(DemoStep(10, "accounts", "app.auth.demo:make_demo_accounts"),),
    tiles=(
        Tile(150, "My account", "account", "auth.account", "signed_in", "Password and sign out"),
    ),
)

from app.auth import experience_routes, routes  # noqa: E402,F401
