"""Every area's demo data, imported so each registers itself. Areas add their module here."""

from app.auth import demo as auth_demo  # noqa: F401
from app.team import demo as team_demo  # noqa: F401
